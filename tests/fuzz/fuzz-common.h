/* Shared by the libFuzzer targets of tests/fuzz: invariant checks that
 * abort (a libFuzzer "crash" with a reproducer) instead of returning. */
#ifndef ABRIDGE_FUZZ_COMMON_H
#define ABRIDGE_FUZZ_COMMON_H

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond, ...)                                                   \
  do                                                                            \
    {                                                                           \
      if (!(cond))                                                              \
        {                                                                       \
          fprintf (stderr, "fuzz invariant failed at %s:%d: %s: ", __FILE__,    \
                   __LINE__, #cond);                                            \
          fprintf (stderr, __VA_ARGS__);                                        \
          fputc ('\n', stderr);                                                 \
          abort ();                                                             \
        }                                                                       \
    }                                                                           \
  while (0)

/* Valid UTF-8 without NUL, as every string abridge hands out must be. */
static inline gboolean
fuzz_is_text (const char *s, gsize len)
{
  return s != NULL && g_utf8_validate_len (s, len, NULL);
}

/* Whether OFFSET is a character boundary of the valid UTF-8 TEXT[0, LEN). */
static inline gboolean
fuzz_is_boundary (const char *text, gsize len, gsize offset)
{
  return offset == len || (offset < len && ((guchar) text[offset] & 0xC0) != 0x80);
}

/* The test data is not a program's data: keep GLib's warnings fatal, as
 * g_return_if_fail() firing is a misuse the fuzzer should report. */
static inline void
fuzz_init_glib (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

#endif
