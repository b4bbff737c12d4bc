/* Every member and constant of the plugin ABI 1.0, with its type, as
 * X-macros (no include guard: included once per expansion).
 *
 * Expanded against the frozen tests/abi/plugin-1.0.h (layout-1.0.c) and
 * against the current include/abridge/plugin.h (test-abi.c): both must
 * compile (same types) and give the same sizes and offsets. Like
 * plugin-1.0.h this list never changes; members a later 1.x appends are
 * not in it. The caller defines:
 *   ABI_STRUCT (T)            a structure whose 1.0 members follow
 *   ABI_MEMBER (T, M, TYPE)   one member, in declaration order
 *   ABI_CONSTANT (NAME)       an integer constant whose value is frozen
 */

ABI_STRUCT (abridge_token)
ABI_MEMBER (abridge_token, term, uint32_t)
ABI_MEMBER (abridge_token, stem, uint32_t)
ABI_MEMBER (abridge_token, start, uint32_t)
ABI_MEMBER (abridge_token, len, uint16_t)
ABI_MEMBER (abridge_token, flags, uint16_t)

ABI_STRUCT (abridge_option)
ABI_MEMBER (abridge_option, key, const char *)
ABI_MEMBER (abridge_option, type, uint32_t)
ABI_MEMBER (abridge_option, default_value, const char *)
ABI_MEMBER (abridge_option, help, const char *)

ABI_STRUCT (abridge_host)
ABI_MEMBER (abridge_host, struct_size, uint32_t)
ABI_MEMBER (abridge_host, abi_version, uint32_t)
ABI_MEMBER (abridge_host, log, void (*) (const abridge_host *, int, const char *, ...))
ABI_MEMBER (abridge_host, set_error, void (*) (abridge_error *, const char *, ...))
ABI_MEMBER (abridge_host, option_bool, int (*) (const abridge_options *, const char *))
ABI_MEMBER (abridge_host, option_int, int64_t (*) (const abridge_options *, const char *))
ABI_MEMBER (abridge_host, option_double, double (*) (const abridge_options *, const char *))
ABI_MEMBER (abridge_host, option_string,
            const char *(*) (const abridge_options *, const char *))
ABI_MEMBER (abridge_host, document_title, const char *(*) (const abridge_document *, size_t *))
ABI_MEMBER (abridge_host, document_text, const char *(*) (const abridge_document *, size_t *))
ABI_MEMBER (abridge_host, sentence_count, uint32_t (*) (const abridge_document *))
ABI_MEMBER (abridge_host, paragraph_count, uint32_t (*) (const abridge_document *))
ABI_MEMBER (abridge_host, sentence_text,
            const char *(*) (const abridge_document *, uint32_t, size_t *))
ABI_MEMBER (abridge_host, sentence_span,
            void (*) (const abridge_document *, uint32_t, uint32_t *, uint32_t *))
ABI_MEMBER (abridge_host, sentence_paragraph, uint32_t (*) (const abridge_document *, uint32_t))
ABI_MEMBER (abridge_host, sentence_flags, uint32_t (*) (const abridge_document *, uint32_t))
ABI_MEMBER (abridge_host, sentence_tokens,
            const abridge_token *(*) (const abridge_document *, uint32_t, uint32_t *))
ABI_MEMBER (abridge_host, term_count, uint32_t (*) (const abridge_document *))
ABI_MEMBER (abridge_host, stem_count, uint32_t (*) (const abridge_document *))
ABI_MEMBER (abridge_host, term_text, const char *(*) (const abridge_document *, uint32_t))
ABI_MEMBER (abridge_host, stem_text, const char *(*) (const abridge_document *, uint32_t))
ABI_MEMBER (abridge_host, stem_sentence_frequency,
            uint32_t (*) (const abridge_document *, uint32_t))
ABI_MEMBER (abridge_host, stem_frequency, uint32_t (*) (const abridge_document *, uint32_t))
ABI_MEMBER (abridge_host, background_idf, double (*) (const abridge_document *, uint32_t))
ABI_MEMBER (abridge_host, quote_count, uint32_t (*) (const abridge_document *))
ABI_MEMBER (abridge_host, quote_span,
            void (*) (const abridge_document *, uint32_t, uint32_t *, uint32_t *, uint32_t *,
                      uint32_t *))
ABI_MEMBER (abridge_host, result_scores, double *(*) (abridge_result *))
ABI_MEMBER (abridge_host, result_add_extract,
            int32_t (*) (abridge_result *, uint32_t, uint32_t, double))
ABI_MEMBER (abridge_host, result_annotate,
            int (*) (abridge_result *, int32_t, const char *, const char *))
ABI_MEMBER (abridge_host, result_set_error, void (*) (abridge_result *, const char *, ...))

ABI_STRUCT (abridge_plugin)
ABI_MEMBER (abridge_plugin, struct_size, uint32_t)
ABI_MEMBER (abridge_plugin, abi_version, uint32_t)
ABI_MEMBER (abridge_plugin, id, const char *)
ABI_MEMBER (abridge_plugin, name, const char *)
ABI_MEMBER (abridge_plugin, version, const char *)
ABI_MEMBER (abridge_plugin, description, const char *)
ABI_MEMBER (abridge_plugin, flags, uint32_t)
ABI_MEMBER (abridge_plugin, reserved, uint32_t)
ABI_MEMBER (abridge_plugin, options, const abridge_option *)
ABI_MEMBER (abridge_plugin, instantiate,
            void *(*) (const abridge_host *, const abridge_options *, abridge_error *))
ABI_MEMBER (abridge_plugin, rank,
            int (*) (void *, const abridge_document *, abridge_result *))
ABI_MEMBER (abridge_plugin, cleanup, void (*) (void *))
ABI_MEMBER (abridge_plugin, extension_data, const void *(*) (const char *))

ABI_CONSTANT (ABRIDGE_ABI_MAJOR)
ABI_CONSTANT (ABRIDGE_ABI_VERSION_MAJOR (0x00010007u))
ABI_CONSTANT (ABRIDGE_ABI_VERSION_MINOR (0x00010007u))
ABI_CONSTANT (ABRIDGE_SENTENCE_QUOTE)
ABI_CONSTANT (ABRIDGE_SENTENCE_BOILERPLATE)
ABI_CONSTANT (ABRIDGE_SENTENCE_PARAGRAPH_START)
ABI_CONSTANT (ABRIDGE_SENTENCE_DATELINE)
ABI_CONSTANT (ABRIDGE_SENTENCE_HEADING)
ABI_CONSTANT (ABRIDGE_SENTENCE_TITLE)
ABI_CONSTANT (ABRIDGE_TOKEN_STOP)
ABI_CONSTANT (ABRIDGE_TOKEN_NUMBER)
ABI_CONSTANT (ABRIDGE_TOKEN_CAPITALISED)
ABI_CONSTANT (ABRIDGE_OPTION_BOOL)
ABI_CONSTANT (ABRIDGE_OPTION_INT)
ABI_CONSTANT (ABRIDGE_OPTION_DOUBLE)
ABI_CONSTANT (ABRIDGE_OPTION_STRING)
ABI_CONSTANT (ABRIDGE_LOG_DEBUG)
ABI_CONSTANT (ABRIDGE_LOG_INFO)
ABI_CONSTANT (ABRIDGE_LOG_WARNING)
ABI_CONSTANT (ABRIDGE_PLUGIN_SERIAL)
ABI_CONSTANT (ABRIDGE_PLUGIN_EXTRACTS)
