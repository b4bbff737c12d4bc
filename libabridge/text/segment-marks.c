/* The segmenter's abbreviations and list markers: what a word before a
 * period is (an abbreviation of the paragraph's language, a title before
 * a name, an initial, a plain word), and the markers that open list items
 * ("•", "-", "1.", "b)", "(4)"). */
#include "config.h"
#include "text/segment-private.h"

#include <string.h>

enum { STEM_ABBREV = 1, STEM_TITLE = 2, STEM_NUMBERED = 4 };

GHashTable *
abr_seg_stem_kinds_new (GHashTable *abbrevs)
{
  GHashTable *kinds = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, abbrevs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *entry = key;
      /* "+mr" is also the plain stem "+mr": each is asked for both ways. */
      const char *stems[2] = { entry, entry + 1 };
      guint bits[2] = { STEM_ABBREV,
                        entry[0] == '+' ? STEM_TITLE : entry[0] == '=' ? STEM_NUMBERED : 0 };
      for (int k = 0; k < 2; k++)
        if (bits[k] != 0)
          {
            guint had = GPOINTER_TO_UINT (g_hash_table_lookup (kinds, stems[k]));
            g_hash_table_insert (kinds, (gpointer) stems[k], GUINT_TO_POINTER (had | bits[k]));
          }
    }
  return kinds;
}

abr_word_kind
abr_seg_classify_stem (const abr_seg_para *p, uint32_t start, uint32_t end)
{
  if (start >= end)
    return ABR_KIND_WORD;

  char buf[ABR_SEG_MAX_ABBREV_BYTES + 8];
  size_t n = 1;
  unsigned chars = 0, letters = 0, periods = 0, capitals = 0;
  bool alternating = true, prev_letter = false, too_long = false;
  uint32_t i = start, next;
  while (i < end)
    {
      gunichar c = abr_seg_char_at (p, i, end, &next);
      i = next;
      chars++;
      if (c == '.')
        {
          periods++;
          if (!prev_letter)
            alternating = false;
          prev_letter = false;
        }
      else if (c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c))
        {
          letters++;
          capitals += c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c);
          if (prev_letter)
            alternating = false;
          prev_letter = true;
        }
      else
        alternating = false;
      if (!too_long)
        {
          if (n + 6 > ABR_SEG_MAX_ABBREV_BYTES)
            too_long = true;
          else if (c < 0x80) /* no Unicode tables for most words */
            buf[n++] = g_ascii_tolower ((char) c);
          else
            n += (size_t) g_unichar_to_utf8 (g_unichar_tolower (c), buf + n);
        }
    }
  /* MS, SEC, NO: an acronym in capitals is a word, not the abbreviation
   * spelled the same ("patients with MS. Final approval"). */
  if (letters >= 2 && capitals == letters && periods == 0)
    return ABR_KIND_WORD;
  if (!too_long && p->foreign_marks)
    {
      /* "l'Ing.", "dell'Avv.": an elided article or preposition before
       * the abbreviation (French, Italian) is not part of it. */
      buf[n] = '\0';
      char *elided = strrchr (buf + 1, '\'');
      if (elided == NULL)
        elided = g_strrstr (buf + 1, "\u2019");
      if (elided != NULL)
        {
          gsize skip = *elided == '\'' ? 1 : 3;
          memmove (buf + 1, elided + skip, strlen (elided + skip) + 1);
          n = strlen (buf);
        }
    }
  if (!too_long)
    {
      buf[n] = '\0';
      guint kinds;
      if (p->stem_kinds != NULL)
        kinds = GPOINTER_TO_UINT (g_hash_table_lookup (p->stem_kinds, buf + 1));
      else
        {
          kinds = g_hash_table_contains (p->abbrevs, buf + 1) ? STEM_ABBREV : 0;
          buf[0] = '+';
          kinds |= g_hash_table_contains (p->abbrevs, buf) ? STEM_TITLE : 0;
          buf[0] = '=';
          kinds |= g_hash_table_contains (p->abbrevs, buf) ? STEM_NUMBERED : 0;
        }
      if (kinds & STEM_ABBREV)
        return ABR_KIND_ABBREV;
      if (kinds & STEM_TITLE)
        return ABR_KIND_TITLE;
      if (kinds & STEM_NUMBERED)
        return ABR_KIND_NUMBERED;
    }
  if (chars == 1 && letters == 1)
    return ABR_KIND_INITIAL;
  /* U.S.A, E.U, N.Y: letters and periods taking turns. */
  if (alternating && periods > 0 && letters == periods + 1 && prev_letter)
    return ABR_KIND_ABBREV;
  return ABR_KIND_WORD;
}

/* Parses a list item marker at the start of W: "•", "-", "1.", "2)", "3.)",
 * "(4)", "a.", "b)", "⁃9.". */
bool
abr_seg_parse_marker (const abr_seg_para *p, const abr_seg_word *w, abr_seg_marker *m)
{
  memset (m, 0, sizeof *m);
  const unsigned char *t = (const unsigned char *) p->text;
  uint32_t i = w->start, next;
  while (i < w->end)
    {
      gunichar c = abr_seg_char_at (p, i, w->end, &next);
      if (!abr_seg_is_line_bullet (c))
        break;
      if (m->bullet == 0)
        m->bullet = c;
      i = next;
    }
  if (i == w->end)
    {
      m->whole_word = m->bullet != 0;
      return m->bullet != 0;
    }
  if (m->bullet != 0 && !abr_seg_is_symbol_bullet (m->bullet))
    return false; /* "-5" is a number, "--" a dash */

  bool enclosed = false;
  if (t[i] == '(')
    {
      enclosed = true;
      i++;
    }
  uint32_t body = i;
  unsigned value = 0;
  while (i < w->end && abr_seg_is_ascii_digit (t[i]) && i - body < 3)
    value = value * 10 + (unsigned) (t[i++] - '0');
  if (i > body)
    m->kind = ABR_LIST_NUMBER;
  else if (i < w->end
           && (abr_seg_is_ascii_lower (t[i]) || (enclosed && abr_seg_is_ascii_upper (t[i]))))
    {
      m->kind = ABR_LIST_LETTER;
      value = (unsigned) t[i++];
    }
  else
    return m->bullet != 0;
  m->value = value;

  if (enclosed)
    {
      if (i >= w->end || t[i] != ')')
        goto not_a_marker;
      i++;
      m->style = ABR_STYLE_ENCLOSED;
    }
  else if (i < w->end && t[i] == '.')
    {
      i++;
      m->style = ABR_STYLE_PERIOD;
      if (i < w->end && t[i] == ')')
        {
          i++;
          m->style = ABR_STYLE_PERIOD_PAREN;
        }
    }
  else if (i < w->end && t[i] == ')')
    {
      i++;
      m->style = ABR_STYLE_PAREN;
    }
  else
    goto not_a_marker;

  m->whole_word = i == w->end;
  if (m->whole_word)
    return true;

not_a_marker:
  m->kind = ABR_LIST_NONE;
  m->whole_word = false;
  return m->bullet != 0;
}

bool
abr_seg_is_lone_bullet (const abr_seg_para *p, const abr_seg_word *w)
{
  abr_seg_marker m;
  return abr_seg_parse_marker (p, w, &m) && m.whole_word && m.kind == ABR_LIST_NONE;
}

/* Whether W, first on its line, starts a list item, so that the line
 * before it ends whatever its length. */
bool
abr_seg_starts_list_item (const abr_seg_para *p, const abr_seg_word *w)
{
  abr_seg_marker m;
  if (!abr_seg_parse_marker (p, w, &m))
    return false;
  return m.whole_word || m.bullet != 0;
}
