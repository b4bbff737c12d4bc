/* JSONL records: one strict RFC 8259 reader for a line, written for this
 * one shape (an object whose few string members we keep) because a
 * general JSON library builds a tree of every member first: json-glib
 * cost as much as summarizing the article (bench/callgrind.sh). The
 * reader validates the whole line, decodes only the members it keeps and
 * skips the rest without allocating. */
#include "config.h"

#include <abridge/abridge.h>
#include "source/input.h"
#include "text/append.h"
#include "text/swar.h"

#include <string.h>

/* Nesting of skipped values beyond this is refused: no corpus needs it,
 * and the skipper keeps a stack of this many bytes. */
#define MAX_DEPTH 512

typedef struct {
  const char *start, *p, *end;
  char *error; /* the first syntax error, or NULL */
} Reader;

static gboolean
fail (Reader *r, const char *what)
{
  if (r->error == NULL)
    r->error = g_strdup_printf ("not valid JSON: %s at byte offset %" G_GSIZE_FORMAT, what,
                                (gsize) (r->p - r->start));
  return FALSE;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u" at P; -1 if they are not. */
static gint32
read_hex4 (const char *p, const char *end)
{
  if (end - p < 4)
    return -1;
  gint32 value = 0;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);
      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Eight bytes at once: whether any of them is '"', '\\' or a control
 * character (the bytes that end a run of a string copied as it is). The
 * classic SWAR tests: a byte below N sets its high bit in (x - N) & ~x. */
#define ONES ABR_SWAR_ONES
#define HIGHS ABR_SWAR_HIGHS
static inline gboolean
has_stop_byte (const char *p)
{
  guint64 x = abr_swar_load (p);
  guint64 quote = x ^ (ONES * '"'), backslash = x ^ (ONES * '\\');
  guint64 stops = ((x - ONES * 0x20) | (quote - ONES) | (backslash - ONES))
                  & ~x & HIGHS;
  /* ~x drops bytes past ASCII; quote and backslash keep their high bits
   * clear where x's are, so one mask serves the three tests. */
  return stops != 0;
}

/* The end of the run at P that needs no decoding: the first '"', '\\' or
 * control character, or END. Most strings are one run. */
static const char *
run_end (const char *p, const char *end)
{
  while (end - p >= 8 && !has_stop_byte (p))
    p += 8;
  while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
    p++;
  return p;
}

/* A string at r->p (its opening quote), decoded into OUT unless OUT is
 * NULL. The line was checked to be UTF-8, so bytes past ASCII are copied. */
static gboolean
read_string (Reader *r, GString *out)
{
  r->p++;
  for (;;)
    {
      const char *run = r->p;
      r->p = run_end (r->p, r->end);
      if (out != NULL && r->p > run)
        abr_string_append (out, run, (gsize) (r->p - run));
      if (r->p >= r->end)
        return fail (r, "unterminated string");
      if (*r->p == '"')
        {
          r->p++;
          return TRUE;
        }
      if ((guchar) *r->p < 0x20)
        return fail (r, "control character in a string");
      /* A backslash. */
      if (r->end - r->p < 2)
        return fail (r, "unterminated string");
      char c = r->p[1];
      const char *simple = strchr ("\"\\/bfnrt", c);
      if (c != '\0' && simple != NULL)
        {
          if (out != NULL)
            g_string_append_c (out, "\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"]);
          r->p += 2;
          continue;
        }
      if (c != 'u')
        return fail (r, "unknown escape");
      gint32 unit = read_hex4 (r->p + 2, r->end);
      if (unit < 0)
        return fail (r, "\\u not followed by four hex digits");
      if (unit == 0)
        return fail (r, "NUL character (\\u0000)");
      gunichar ch = (gunichar) unit;
      gsize used = 6;
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          gint32 low = r->end - r->p >= 12 && r->p[6] == '\\' && r->p[7] == 'u'
                           ? read_hex4 (r->p + 8, r->end)
                           : -1;
          if (low < 0xDC00 || low > 0xDFFF)
            return fail (r, "lone surrogate escape");
          ch = 0x10000 + (((gunichar) unit - 0xD800) << 10) + ((gunichar) low - 0xDC00);
          used = 12;
        }
      else if (unit >= 0xDC00 && unit <= 0xDFFF)
        return fail (r, "lone surrogate escape");
      if (out != NULL)
        g_string_append_unichar (out, ch);
      r->p += used;
    }
}

static gboolean
read_digits (Reader *r)
{
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return fail (r, "malformed number");
  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++;
  return TRUE;
}

/* A number at r->p; *INTEGRAL tells whether it has no fraction or exponent. */
static gboolean
read_number (Reader *r, gboolean *integral)
{
  *integral = TRUE;
  if (*r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (!read_digits (r))
    return FALSE;
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      *integral = FALSE;
      if (!read_digits (r))
        return FALSE;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      *integral = FALSE;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (!read_digits (r))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_literal (Reader *r, const char *word)
{
  gsize len = strlen (word);
  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return fail (r, "unexpected character");
  r->p += len;
  return TRUE;
}

/* Any scalar at r->p. */
static gboolean
skip_scalar (Reader *r)
{
  gboolean integral;
  switch (*r->p)
    {
    case '"': return read_string (r, NULL);
    case 't': return read_literal (r, "true");
    case 'f': return read_literal (r, "false");
    case 'n': return read_literal (r, "null");
    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        return read_number (r, &integral);
      return fail (r, "unexpected character");
    }
}

/* Any value at r->p, arrays and objects included, without recursion. */
static gboolean
skip_value (Reader *r)
{
  char stack[MAX_DEPTH];
  int depth = 0;
  for (;;)
    {
      skip_space (r);
      if (r->p >= r->end)
        return fail (r, "unexpected end");
      if (*r->p == '[' || *r->p == '{')
        {
          if (depth == MAX_DEPTH)
            return fail (r, "nesting too deep");
          char open = *r->p++;
          stack[depth++] = open == '[' ? ']' : '}';
          skip_space (r);
          if (r->p < r->end && *r->p == stack[depth - 1])
            {
              r->p++;
              depth--;
              goto after_value;
            }
          if (open == '{')
            goto member_key;
          continue;
        }
      if (!skip_scalar (r))
        return FALSE;
    after_value:
      for (;;)
        {
          if (depth == 0)
            return TRUE;
          skip_space (r);
          if (r->p >= r->end)
            return fail (r, "unexpected end");
          if (*r->p == stack[depth - 1])
            {
              r->p++;
              depth--;
              continue;
            }
          if (*r->p != ',')
            return fail (r, "expected ',' or a closing bracket");
          r->p++;
          if (stack[depth - 1] == '}')
            goto member_key;
          break;
        }
      continue;
    member_key:
      skip_space (r);
      if (r->p >= r->end || *r->p != '"')
        return fail (r, "expected a member name");
      if (!read_string (r, NULL))
        return FALSE;
      skip_space (r);
      if (r->p >= r->end || *r->p != ':')
        return fail (r, "expected ':'");
      r->p++;
    }
}

/* The members a record keeps, in the order their type errors are told. */
enum { F_ID, F_TITLE, F_TEXT, F_SUMMARY, F_SOURCE, F_DATE, F_URL, N_FIELDS };
static const char *const field_names[N_FIELDS] = {
  "id", "title", "text", "summary", "source", "date", "url",
};

typedef struct {
  char *value[N_FIELDS];
  gsize text_len; /* of value[F_TEXT]: no NUL is let into a string */
  gboolean wrong_type[N_FIELDS];
} Fields;

static int
field_of (const GString *key)
{
  for (int i = 0; i < N_FIELDS; i++)
    if (strcmp (key->str, field_names[i]) == 0)
      return i;
  return -1;
}

/* The value of a kept member: a string, null, or (for the id only) an
 * integer; anything else is remembered as the wrong type. */
static gboolean
read_field (Reader *r, Fields *fields, int f)
{
  g_clear_pointer (&fields->value[f], g_free);
  fields->wrong_type[f] = FALSE;
  if (*r->p == '"')
    {
      /* The text is most of the line and never longer than what is left
       * of it: sized once, not doubled a dozen times on the way. */
      GString *value = g_string_sized_new (f == F_TEXT ? (gsize) (r->end - r->p) : 0);
      if (!read_string (r, value))
        {
          g_string_free (value, TRUE);
          return FALSE;
        }
      if (f == F_TEXT)
        fields->text_len = value->len;
      fields->value[f] = g_string_free (value, FALSE);
      return TRUE;
    }
  if (*r->p == 'n')
    return read_literal (r, "null");
  const char *number = r->p;
  gboolean integral;
  if (f == F_ID && (*r->p == '-' || g_ascii_isdigit (*r->p)))
    {
      if (!read_number (r, &integral))
        return FALSE;
      /* Corpora number their articles: an integer id is an id. */
      char *literal = g_strndup (number, (gsize) (r->p - number));
      gint64 id;
      if (integral && g_ascii_string_to_signed (literal, 10, G_MININT64, G_MAXINT64, &id, NULL))
        fields->value[f] = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      else
        fields->wrong_type[f] = TRUE;
      g_free (literal);
      return TRUE;
    }
  fields->wrong_type[f] = TRUE;
  return skip_value (r);
}

static gboolean
read_object (Reader *r, Fields *fields)
{
  GString *buf = g_string_new (NULL);
  gboolean ok = FALSE;
  r->p++; /* '{' */
  skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      ok = TRUE;
      goto out;
    }
  for (;;)
    {
      skip_space (r);
      if (r->p >= r->end || *r->p != '"')
        {
          fail (r, "expected a member name");
          goto out;
        }
      g_string_truncate (buf, 0);
      if (!read_string (r, buf))
        goto out;
      int f = field_of (buf);
      skip_space (r);
      if (r->p >= r->end || *r->p != ':')
        {
          fail (r, "expected ':'");
          goto out;
        }
      r->p++;
      skip_space (r);
      if (r->p >= r->end)
        {
          fail (r, "unexpected end");
          goto out;
        }
      if (!(f >= 0 ? read_field (r, fields, f) : skip_value (r)))
        goto out;
      skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '}')
        {
          r->p++;
          ok = TRUE;
          goto out;
        }
      fail (r, "expected ',' or '}'");
      goto out;
    }
out:
  g_string_free (buf, TRUE);
  return ok;
}

static void
fields_clear (Fields *fields)
{
  for (int i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&fields->value[i], g_free);
}

gboolean
abridge_record_parse (const char *line, gsize len, abridge_record *record, GError **error)
{
  memset (record, 0, sizeof *record);
  if (!abr_utf8_validate (line, len, NULL))
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "invalid UTF-8");
      return FALSE;
    }
  Reader r = { line, line, line + len, NULL };
  Fields fields = { { NULL }, 0, { FALSE } };
  skip_space (&r);
  gboolean object = r.p < r.end && *r.p == '{';
  gboolean ok = r.p >= r.end ? fail (&r, "empty line")
                : object     ? read_object (&r, &fields)
                             : skip_value (&r);
  if (ok)
    {
      skip_space (&r);
      if (r.p < r.end)
        ok = fail (&r, "text after the value");
    }
  if (!ok)
    {
      g_set_error_literal (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, r.error);
      g_free (r.error);
      fields_clear (&fields);
      return FALSE;
    }
  if (!object)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "not a JSON object");
      return FALSE;
    }
  /* Metadata is a courtesy: a field of another type is left out, not an error. */
  for (int i = F_ID; i <= F_SUMMARY; i++)
    if (fields.wrong_type[i])
      {
        g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "\"%s\" is not a string",
                     field_names[i]);
        fields_clear (&fields);
        return FALSE;
      }
  if (fields.value[F_TEXT] == NULL)
    {
      g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "no \"text\" string");
      fields_clear (&fields);
      return FALSE;
    }
  record->id = fields.value[F_ID];
  record->title = fields.value[F_TITLE];
  record->text = fields.value[F_TEXT];
  record->text_len = fields.text_len;
  record->summary = fields.value[F_SUMMARY];
  record->source = fields.value[F_SOURCE];
  record->date = fields.value[F_DATE];
  record->url = fields.value[F_URL];
  return TRUE;
}

void
abridge_record_clear (abridge_record *record)
{
  g_clear_pointer (&record->id, g_free);
  g_clear_pointer (&record->title, g_free);
  g_clear_pointer (&record->text, g_free);
  g_clear_pointer (&record->summary, g_free);
  g_clear_pointer (&record->source, g_free);
  g_clear_pointer (&record->date, g_free);
  g_clear_pointer (&record->url, g_free);
  record->text_len = 0;
}
