/* How deep JSON nests, found before json-glib sees it: json-glib's parser
 * recurses once a level, so a line or a JSON-LD block of a few hundred
 * kilobytes of "[" overflows a thread's stack (SIGSEGV, and in a batch
 * every other article with it). */
#include "config.h"
#include "parsers/parsers.h"

/* Whether C may stand outside a string in JSON as RFC 8259 writes it:
 * white space, structure, numbers and the letters of true, false, null.
 * No quote but '"', no '/' (json-glib skips comments, which would hide a
 * '"' from a count that does not), nothing a lenient scanner reads as a
 * string of its own. */
static gboolean
strict_outside (guchar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '[' || c == ']' || c == '{'
         || c == '}' || c == ',' || c == ':' || c == '-' || c == '+' || c == '.'
         || g_ascii_isalnum (c);
}

gboolean
abr_json_depth_ok (const char *text, gsize len, guint limit)
{
  guint depth = 0;
  gsize opens = 0;
  gboolean strict = TRUE;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];
      if (c == '[' || c == '{')
        opens++;
      if (!strict)
        continue;
      if (c == '"')
        {
          /* A string: to its closing quote, a backslash taking the next byte. */
          for (i++; i < len && text[i] != '"'; i++)
            if (text[i] == '\\')
              i++;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > limit)
            return FALSE;
        }
      else if (c == ']' || c == '}')
        depth -= depth > 0;
      else if (!strict_outside (c))
        strict = FALSE;
    }
  /* Not strict JSON: how a lenient parser reads its quotes and comments is
   * not known here, so the bound is every bracket that could open a level. */
  return strict || opens <= limit;
}
