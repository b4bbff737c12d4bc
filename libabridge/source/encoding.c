/* Encodings: bytes as saved by browsers and scrapers, turned into the
 * clean UTF-8 the rest of the core reads (byte order marks, UTF-16, a
 * page's declared charset, Windows-1252 text, then NFC and the invisible
 * characters of web text). */
#include "config.h"
#include "source/encoding.h"

#include <string.h>

#include "source/input.h"
#include "source/offsets.h"

/* How far into a page its <meta charset> is looked for (the HTML
 * standard's prescan reads 1024 bytes; pages put long scripts first). */
#define CHARSET_PRESCAN_BYTES 4096

/* The decoded text would not be checked by anything after us: be strict. */
static char *
convert (const char *data, gsize len, const char *from, gsize *out_len, gsize *bad_at)
{
  gsize read = 0, written = 0;
  GError *error = NULL;
  char *out = g_convert (data, (gssize) len, "UTF-8", from, &read, &written, &error);
  if (out != NULL && read < len)
    g_clear_pointer (&out, g_free); /* a character cut at the end */
  if (out == NULL)
    {
      if (bad_at != NULL)
        *bad_at = read;
      g_clear_error (&error);
      return NULL;
    }
  *out_len = written;
  return out;
}

/* Marks in MAP where TEXT, converted from a charset of IN_UNIT bytes a
 * character (1: an 8-bit code page; 2: UTF-16, 4 for a surrogate pair)
 * starting at IN_BASE of the input, parts from it. */
static void
map_converted (abr_offsets *map, const char *text, gsize len, gsize in_base, gsize in_unit)
{
  gsize in = in_base;
  for (const char *p = text, *end = text + len; p < end;)
    {
      gunichar c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      in += in_unit == 2 && c > 0xFFFF ? 4 : in_unit;
      abr_offsets_mark (map, (gsize) (p - text), in);
    }
}

/* Whether DATA holds at least one well-formed multi-byte UTF-8 sequence:
 * text that does is damaged UTF-8, not text in an 8-bit code page. */
static gboolean
has_utf8_sequence (const char *data, gsize len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) data[i];
      if (c < 0xC2 || c > 0xF4)
        continue;
      gsize n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      if (i + n <= len && g_utf8_validate_len (data + i, n, NULL))
        return TRUE;
    }
  return FALSE;
}

char *
abr_html_declared_charset (const char *data, gsize len)
{
  gsize n = MIN (len, CHARSET_PRESCAN_BYTES);
  char *head = g_ascii_strdown (data, (gssize) n); /* NUL bytes end it early: fine */
  char *found = NULL;
  for (char *p = strstr (head, "<meta"); p != NULL && found == NULL; p = strstr (p + 5, "<meta"))
    {
      char *end = strchr (p, '>');
      if (end == NULL)
        break;
      /* "charset" then "=": in charset="…" or in content="…; charset=…". */
      char *cs = p;
      gboolean assigned = FALSE;
      while (!assigned && (cs = g_strstr_len (cs, end - cs, "charset")) != NULL)
        {
          cs += strlen ("charset");
          while (cs < end && *cs == ' ')
            cs++;
          assigned = cs < end && *cs == '=';
        }
      if (!assigned)
        continue;
      cs++;
      while (cs < end && *cs == ' ')
        cs++;
      while (cs < end && (*cs == '"' || *cs == '\''))
        cs++;
      char *stop = cs;
      while (stop < end && (g_ascii_isalnum (*stop) || strchr ("-_.:", *stop) != NULL))
        stop++;
      if (stop > cs)
        found = g_strndup (cs, stop - cs);
    }
  g_free (head);
  return found;
}

/* What browsers read a declared charset as (the WHATWG Encoding
 * standard): "iso-8859-1" and "us-ascii" pages are Windows-1252. */
static const char *
charset_alias (const char *name)
{
  static const char *const cp1252[] = { "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii",
                                        "ascii", "iso_8859-1", "cp1252", NULL };
  for (const char *const *n = cp1252; *n != NULL; n++)
    if (g_ascii_strcasecmp (name, *n) == 0)
      return "WINDOWS-1252";
  return name;
}

static gboolean
is_utf8_name (const char *name)
{
  return g_ascii_strcasecmp (name, "utf-8") == 0 || g_ascii_strcasecmp (name, "utf8") == 0;
}

char *
abridge_input_decode (const char *data, gsize len, AbridgeDecodeFlags flags, gsize *out_len,
                      char **warning, GError **error)
{
  return abr_input_decode_mapped (data, len, flags, out_len, warning, NULL, error);
}

char *
abr_input_decode_mapped (const char *data, gsize len, AbridgeDecodeFlags flags, gsize *out_len,
                         char **warning, abr_offsets **map, GError **error)
{
  char *text = NULL;
  gsize text_len = 0, bad_at = 0;
  if (warning != NULL)
    *warning = NULL;
  /* From the decoded text to DATA; only plain text is mapped. */
  abr_offsets *decoded = map != NULL && !(flags & ABRIDGE_DECODE_HTML) ? abr_offsets_new (NULL)
                                                                       : NULL;

  if (len >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE)
      && ((guchar) data[1] == 0xFF || (guchar) data[1] == 0xFE) && data[0] != data[1])
    {
      const char *from = (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      text = convert (data + 2, len - 2, from, &text_len, &bad_at);
      if (text == NULL)
        {
          g_set_error (error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT,
                       "invalid %s at byte offset %" G_GSIZE_FORMAT, from, bad_at + 2);
          abr_offsets_free (decoded);
          return NULL;
        }
      if (decoded != NULL)
        {
          abr_offsets_drop (decoded, 0, 0, 2);
          map_converted (decoded, text, text_len, 2, 2);
        }
    }
  else
    {
      gsize bom = abr_input_bom_length (data, len);
      data += bom;
      len -= bom;
      if (decoded != NULL)
        abr_offsets_drop (decoded, 0, 0, bom);
      if (g_utf8_validate_len (data, len, NULL) || memchr (data, '\0', len) != NULL)
        {
          /* UTF-8, or binary: abridge_input_check() below says which. */
          text = g_malloc (len + 1);
          memcpy (text, data, len);
          text[len] = '\0';
          text_len = len;
        }
      else
        {
          char *declared = (flags & ABRIDGE_DECODE_HTML) && bom == 0
                               ? abr_html_declared_charset (data, len)
                               : NULL;
          if (declared != NULL && !is_utf8_name (declared))
            text = convert (data, len, charset_alias (declared), &text_len, NULL);
          if (text == NULL && bom == 0 && !has_utf8_sequence (data, len))
            {
              /* Windows-1252 leaves five bytes undefined; Latin-1 maps all. */
              const char *cp = "WINDOWS-1252";
              text = convert (data, len, cp, &text_len, NULL);
              if (text == NULL)
                text = convert (data, len, cp = "ISO-8859-1", &text_len, NULL);
              if (text != NULL && decoded != NULL)
                map_converted (decoded, text, text_len, 0, 1);
              if (text != NULL && warning != NULL)
                *warning = g_strdup_printf ("not UTF-8: read as %s",
                                            strcmp (cp, "ISO-8859-1") == 0 ? "Latin-1"
                                                                          : "Windows-1252");
            }
          else if (text != NULL && warning != NULL)
            *warning = g_strdup_printf ("not UTF-8: read as %s, as the page declares",
                                        charset_alias (declared));
          g_free (declared);
          if (text == NULL)
            {
              abridge_input_check (data, len, error); /* names the offset */
              abr_offsets_free (decoded);
              return NULL;
            }
        }
    }

  if (!abridge_input_check (text, text_len, error))
    {
      g_free (text);
      abr_offsets_free (decoded);
      return NULL;
    }
  char *clean = abr_text_clean_mapped (text, text_len, out_len, decoded != NULL ? &decoded : NULL);
  g_free (text);
  if (map != NULL)
    *map = decoded;
  return clean;
}

/* Characters a reader never sees and a word never contains: soft hyphens,
 * zero-width spaces, word joiners, stray byte order marks. Zero-width
 * (non-)joiners stay: Persian and Indic words need them. */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x00AD || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

/* Spaces that only keep words on one line. */
static gboolean
is_fixed_space (gunichar c)
{
  return c == 0x00A0 || c == 0x202F || c == 0x2007;
}

/* Whether C may change under NFC: a combining mark, a Hangul jamo, or a
 * character whose canonical decomposition does not compose back to it
 * (singletons such as the Angstrom sign, composition exclusions). */
static gboolean
may_change_under_nfc (gunichar c)
{
  if (g_unichar_combining_class (c) != 0 || (c >= 0x1100 && c <= 0x11FF))
    return TRUE;
  gunichar a, b, back;
  if (!g_unichar_decompose (c, &a, &b))
    return FALSE;
  return b == 0 || !g_unichar_compose (a, b, &back) || back != c;
}

/* Appends SEG[0, LEN) to OUT in NFC. g_utf8_normalize() is quadratic in
 * the length of a run without a starter it can cut at (a 2 MB word of
 * "é" took minutes), so only pieces that may change go through it, in
 * pieces of bounded length. */
static void
append_nfc_piece (GString *out, const char *seg, gsize len, const char *base, abr_offsets *map)
{
  gboolean change = FALSE;
  for (const char *p = seg; p < seg + len && !change; p = g_utf8_next_char (p))
    change = (guchar) *p >= 0x80 && may_change_under_nfc (g_utf8_get_char (p));
  char *nfc = change ? g_utf8_normalize (seg, (gssize) len, G_NORMALIZE_NFC) : NULL;
  if (nfc != NULL)
    g_string_append (out, nfc);
  else
    g_string_append_len (out, seg, (gssize) len);
  g_free (nfc);
  /* A piece is a run between ASCII characters, where sentences begin and
   * end: offsets inside one that changed are near enough. */
  if (map != NULL)
    abr_offsets_mark (map, out->len, (gsize) (seg + len - base));
}

/* NFC of TEXT. Normalization never reorders or composes across an ASCII
 * character (a starter that is never the second of a composition), so
 * the text is normalised in runs that each begin before one; a run longer
 * than NFC_PIECE_BYTES (one long word without ASCII) is cut before a
 * starter, which is exact for any real text. */
#define NFC_PIECE_BYTES 4096
static void
append_nfc (GString *out, const char *text, gsize len, abr_offsets *map)
{
  const char *seg = text, *end = text + len;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gboolean ascii = (guchar) *p < 0x80;
      if (p > seg && (ascii || ((gsize) (p - seg) >= NFC_PIECE_BYTES
                                && g_unichar_combining_class (g_utf8_get_char (p)) == 0)))
        {
          append_nfc_piece (out, seg, (gsize) (p - seg), text, map);
          seg = p;
        }
      if (ascii)
        {
          /* A run of ASCII is NFC by itself: copy it through at once. */
          const char *q = p;
          while (q + 1 < end && (guchar) q[1] < 0x80)
            q++;
          if (q > p)
            {
              g_string_append_len (out, seg, (gssize) (q - seg));
              seg = p = q;
            }
        }
    }
  if (end > seg)
    append_nfc_piece (out, seg, (gsize) (end - seg), text, map);
}

char *
abridge_text_clean (const char *text, gsize len, gsize *out_len)
{
  return abr_text_clean_mapped (text, len, out_len, NULL);
}

char *
abr_text_clean_mapped (const char *text, gsize len, gsize *out_len, abr_offsets **map)
{
  abr_offsets *cleaned = map != NULL ? abr_offsets_new (*map) : NULL;
  GString *out = g_string_sized_new (len + 1);
  gboolean ascii = TRUE;
  const char *p = text, *end = text + len;
  while (p < end)
    {
      guchar c = (guchar) *p;
      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          p += (p + 1 < end && p[1] == '\n') ? 2 : 1;
          if (cleaned != NULL)
            abr_offsets_mark (cleaned, out->len, (gsize) (p - text));
          continue;
        }
      if (c < 0x80)
        {
          const char *run = p;
          while (p < end && (guchar) *p < 0x80 && *p != '\r')
            p++;
          g_string_append_len (out, run, p - run);
          continue;
        }
      gunichar u = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      if (is_fixed_space (u))
        {
          g_string_append_c (out, ' ');
          if (cleaned != NULL)
            abr_offsets_mark (cleaned, out->len, (gsize) (next - text));
        }
      else if (!is_invisible (u))
        {
          g_string_append_len (out, p, next - p);
          ascii = FALSE;
        }
      else if (cleaned != NULL)
        abr_offsets_drop (cleaned, out->len, (gsize) (p - text), (gsize) (next - text));
      p = next;
    }
  if (!ascii)
    {
      GString *nfc = g_string_sized_new (out->len + 1);
      if (cleaned != NULL)
        cleaned = abr_offsets_new (cleaned);
      append_nfc (nfc, out->str, out->len, cleaned);
      g_string_free (out, TRUE);
      out = nfc;
    }
  if (map != NULL)
    *map = abr_offsets_prune (cleaned);
  if (out_len != NULL)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}
