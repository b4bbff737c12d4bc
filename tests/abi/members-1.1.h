/* What ABI 1.1 appended to 1.0 (members-1.0.h), with its type, as
 * X-macros (no include guard: included once per expansion). Expanded
 * against the frozen tests/abi/plugin-1.1.h (layout-1.1.c) and against the
 * current include/abridge/plugin.h (test-abi.c): both must compile and
 * give the same sizes and offsets. Never changes. The caller defines
 * ABI_STRUCT, ABI_MEMBER and ABI_CONSTANT as for members-1.0.h. */

ABI_STRUCT (abridge_host)
ABI_MEMBER (abridge_host, document_language, const char *(*) (const abridge_document *))
