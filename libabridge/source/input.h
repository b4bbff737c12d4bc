/* Reading articles: bytes from files or stdin, checked to be text. */
#ifndef ABRIDGE_INPUT_H
#define ABRIDGE_INPUT_H

#include <abridge/abridge.h>
#include <stdio.h>

/* g_utf8_validate_len(), several times faster on ASCII: whether the LEN
 * bytes of DATA are UTF-8 without a NUL byte; *END (may be NULL) is set to
 * the first byte of the first invalid sequence, or DATA + LEN. */
gboolean abr_utf8_validate (const char *data, gsize len, const char **end);

/* abridge_input_read_bytes() of PATH whose first PREFIX_LEN bytes, PREFIX,
 * were read already (standard input looked at to tell what it holds). */
char *abr_source_read_bytes (const char *path, const char *prefix, gsize prefix_len,
                                 gsize max_bytes, gsize *len, GError **error);

/* abr_source_read_bytes() of the open descriptor FD, which it closes
 * (unless IS_STDIN: standard input, read through stdio). */
char *abr_source_read_fd (int fd, gboolean is_stdin, const char *prefix, gsize prefix_len,
                          gsize max_bytes, gsize *len, GError **error);

/* Byte length of a UTF-8 byte order mark at the start of DATA, or 0. */
gsize abr_input_bom_length (const char *data, gsize len);

/* Reads one line of FP into LINE (without its line break, CR LF or LF),
 * keeping at most MAX bytes: a longer line is read to its end and
 * dropped, with *TOO_LONG set, so that memory stays bounded whatever the
 * input (getline() would grow without end on /dev/zero). Returns 1 for a
 * line, 0 at the end of the input, -1 on a read error or when a line runs
 * on past ABR_LINE_GIVE_UP bytes (errno says which: EFBIG for that).
 * Lines may hold NUL bytes: LINE->len counts them. */
#define ABR_LINE_GIVE_UP ((guint64) 1 << 30)
/* Gives FP, a file to be read with abr_read_line(), a 64 KiB stdio
 * buffer: glibc's default (4 KiB) is a read() per two articles, and glibc
 * ignores setvbuf()'s size unless given the buffer. Returns it, to g_free()
 * after fclose(); NULL for stdin, which outlives the caller. */
char *abr_line_buffer (FILE *fp);
int abr_read_line (FILE *fp, GString *line, gsize max, gboolean *too_long);

#endif
