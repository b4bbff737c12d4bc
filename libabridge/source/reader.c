/* Inputs become items: one rule, for `abridge FILE` and `abridge batch`
 * alike, decides what a file, a directory or standard input holds. */
#include "config.h"

#include <abridge/batch.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source/encoding.h"
#include "source/input.h"
#include "source/item.h"
#include "source/walk.h"

typedef struct {
  const abridge_reader_options *options;
  AbridgeItemFunc func;
  gpointer user_data;
  GPatternSpec *glob;
  guint64 seen;   /* articles numbered so far, every shard's */
  guint64 number; /* of the article being read */
  gboolean stream;
} Reader;

static void
consumed (Reader *r, gsize bytes)
{
  if (r->options->consumed != NULL)
    g_atomic_pointer_add (r->options->consumed, (gssize) bytes);
}

/* Numbers the next article and says whether it is this run's. With
 * --shard I/K, article N is shard N mod K's: every shard walks the same
 * inputs in the same order (skipping others' articles unread), and keeps
 * the numbers of a whole run, so merged shards equal a single run. */
static gboolean
next_article (Reader *r)
{
  r->number = r->seen++;
  guint k = r->options->shard_count;
  return k <= 1 || r->number % k == r->options->shard_index;
}

static abridge_item *
item_new (Reader *r, const char *file, const char *id)
{
  abridge_item *item = g_new0 (abridge_item, 1);
  item->number = r->number;
  item->file = g_strdup (file);
  item->id = g_strdup (id);
  item->stream = r->stream;
  item->page_limits_ = r->options->page_limits;
  return item;
}

static gboolean
emit (Reader *r, abridge_item *item)
{
  return r->func (item, r->user_data);
}

static gboolean
emit_error (Reader *r, const char *file, const char *id, char *error)
{
  abridge_item *item = item_new (r, file, id);
  item->error = error;
  return emit (r, item);
}

/* Why abr_walk_open() failed, as the item's error. */
static char *
open_error (int saved, const abr_walk_file *file)
{
  /* Inside a directory only: listed as a file, since swapped for a link
   * or something else. */
  if (file != NULL && saved == ELOOP)
    return g_strdup ("a symbolic link now: not followed inside a directory");
  if (file != NULL && saved == EINVAL)
    return g_strdup ("not a regular file any more");
  return g_strdup (g_strerror (saved));
}

/* Reads a whole file as one article: plain text or a web page. */
static gboolean
read_article (Reader *r, const char *path, const abr_walk_file *file, const char *prefix,
              gsize prefix_len)
{
  GError *error = NULL;
  gsize raw_len = 0;
  char *raw = NULL;
  if (strcmp (path, "-") == 0)
    raw = abr_source_read_bytes (path, prefix, prefix_len, r->options->max_bytes, &raw_len,
                                 &error);
  else
    {
      int fd = abr_walk_open (path, file);
      if (fd < 0)
        {
          char *why = open_error (errno, file);
          g_set_error (&error, ABRIDGE_ERROR, ABRIDGE_ERROR_INPUT, "%s", why);
          g_free (why);
        }
      else
        raw = abr_source_read_fd (fd, FALSE, prefix, prefix_len, r->options->max_bytes,
                                  &raw_len, &error);
    }
  consumed (r, raw_len);
  abridge_item *item = item_new (r, path, path);
  if (raw == NULL)
    {
      item->error = g_strdup (error->message);
      g_error_free (error);
      return emit (r, item);
    }
  item->raw_len = raw_len;
  AbridgeInputFormat format = r->options->format;
  /* Web pages are known by their content: they are saved as .php, .aspx,
   * or with no suffix at all. */
  item->page = format == ABRIDGE_INPUT_AUTO ? abridge_html_detect (raw, raw_len)
                                            : format == ABRIDGE_INPUT_HTML;
  abr_offsets *offsets = NULL;
  item->text = abr_input_decode_mapped (raw, raw_len, item->page ? ABRIDGE_DECODE_HTML : 0,
                                        &item->len, &item->warning, &offsets, &error);
  item->offsets_ = offsets;
  g_free (raw);
  if (item->text == NULL)
    {
      item->error = g_strdup (error->message);
      g_error_free (error);
    }
  /* UTF-16 is only recognisable as HTML once decoded. */
  else if (format == ABRIDGE_INPUT_AUTO && !item->page)
    item->page = abridge_html_detect (item->text, item->len);
  if (item->text != NULL && item->page)
    {
      /* A page's offsets are into its extracted text: no map back. */
      g_clear_pointer (&item->offsets_, abr_offsets_free);
      abr_item_set_state (item, ABR_ITEM_PAGE);
    }
  return emit (r, item);
}

/* JSON Lines, one record at a time, so a corpus never sits in memory.
 * FP is at line FIRST_LINE (standard input may have had blank lines
 * read off it already). */
static gboolean
read_records (Reader *r, const char *path, FILE *fp, guint64 first_line)
{
  gboolean is_stdin = strcmp (path, "-") == 0;
  const char *name = is_stdin ? "stdin" : path;
  char *iobuf = abr_line_buffer (fp);
  GString *buf = g_string_new (NULL);
  gsize max = r->options->max_bytes;
  gboolean too_long;
  guint64 lineno = first_line;
  gboolean ok = TRUE;
  int got = 0;
  while (ok && (got = abr_read_line (fp, buf, max, &too_long)) > 0)
    {
      lineno++;
      /* Close enough for the ETA: a dropped long line counts as its cap. */
      consumed (r, buf->len + 1);
      if ((buf->len == 0 && !too_long) || !next_article (r))
        continue; /* blank lines between records are harmless */
      char *where = g_strdup_printf ("%s:%" G_GUINT64_FORMAT, name, lineno);
      abridge_item *item = item_new (r, path, where);
      g_free (where);
      item->record = TRUE;
      if (too_long)
        item->error = g_strdup_printf ("record larger than %" G_GSIZE_FORMAT
                                       " bytes (raise --max-bytes)", max);
      else
        {
          item->text = g_strndup (buf->str, buf->len);
          item->len = item->raw_len = buf->len;
          abr_item_set_state (item, ABR_ITEM_RECORD);
        }
      ok = emit (r, item);
    }
  /* A read error (a directory, an I/O error) is a failed entry, not a
   * silent end of the corpus. */
  int saved = errno;
  if (ok && got < 0 && next_article (r))
    ok = emit_error (r, path, name,
                     g_strdup_printf ("after line %" G_GUINT64_FORMAT ": %s", lineno,
                                      saved == EFBIG ? "a line with no end in sight (not JSONL?)"
                                                     : g_strerror (saved)));
  g_string_free (buf, TRUE);
  g_free (iobuf);
  return ok;
}

static gboolean
read_corpus (Reader *r, const char *path, const abr_walk_file *file)
{
  int fd = abr_walk_open (path, file);
  FILE *fp = fd >= 0 ? fdopen (fd, "r") : NULL;
  if (fp == NULL)
    {
      int saved = errno;
      if (fd >= 0)
        close (fd);
      return !next_article (r) || emit_error (r, path, path, open_error (saved, file));
    }
  gboolean ok = read_records (r, path, fp, 0);
  fclose (fp);
  return ok;
}

/* Standard input holds JSON Lines when its first byte other than white
 * space is '{' (no article of prose starts so), else one article. The
 * white space read off to see that is kept to be handed on with the
 * article; standard input is read once a process, so it is kept here. */
static GString *stdin_space;
static int stdin_first = -2; /* -2: not looked at yet */

static int
sniff_stdin (gsize max_bytes)
{
  if (stdin_first != -2)
    return stdin_first;
  stdin_space = g_string_new (NULL);
  int c;
  while ((c = getc (stdin)) != EOF && g_ascii_isspace (c) && stdin_space->len < max_bytes)
    g_string_append_c (stdin_space, (char) c);
  if (c != EOF)
    ungetc (c, stdin);
  return stdin_first = c;
}

static gboolean
read_stdin (Reader *r)
{
  AbridgeInputFormat format = r->options->format;
  if (format == ABRIDGE_INPUT_JSONL)
    return read_records (r, "-", stdin, 0);
  if (format != ABRIDGE_INPUT_AUTO)
    return !next_article (r) || read_article (r, "-", NULL, NULL, 0);
  if (sniff_stdin (r->options->max_bytes) == '{')
    {
      guint64 lines = 0;
      for (gsize i = 0; i < stdin_space->len; i++)
        lines += stdin_space->str[i] == '\n';
      return read_records (r, "-", stdin, lines);
    }
  return !next_article (r) || read_article (r, "-", NULL, stdin_space->str, stdin_space->len);
}

static gboolean
read_input (gpointer data, const char *path, const GStatBuf *st, const GError *error,
            const abr_walk_file *file)
{
  Reader *r = data;
  if (error != NULL)
    return !next_article (r) || emit_error (r, path, path, g_strdup (error->message));
  r->stream = st == NULL || !S_ISREG (st->st_mode);
  if (strcmp (path, "-") == 0)
    return read_stdin (r);
  AbridgeInputFormat format = r->options->format;
  if (format == ABRIDGE_INPUT_JSONL
      || (format == ABRIDGE_INPUT_AUTO && g_str_has_suffix (path, ".jsonl")))
    return read_corpus (r, path, file);
  if (!next_article (r))
    {
      if (st != NULL && S_ISREG (st->st_mode))
        consumed (r, (gsize) st->st_size);
      return TRUE;
    }
  return read_article (r, path, file, NULL, 0);
}

gboolean
abridge_read (const abridge_reader_options *options, AbridgeItemFunc func, gpointer user_data)
{
  abridge_reader_options o = *options;
  if (o.max_bytes == 0)
    o.max_bytes = ABRIDGE_DEFAULT_MAX_BYTES;
  Reader r = { &o, func, user_data, NULL, 0, 0, FALSE };
  if (o.glob != NULL)
    r.glob = g_pattern_spec_new (o.glob);
  static const char *const stdin_only[] = { "-", NULL };
  const char *const *inputs = o.inputs != NULL && o.inputs[0] != NULL ? o.inputs : stdin_only;
  gboolean ok = TRUE;
  for (const char *const *in = inputs; *in != NULL && ok; in++)
    {
      guint64 before = r.seen;
      ok = abr_walk (*in, r.glob, read_input, &r);
      /* A directory with nothing to read is said to be so, not passed over. */
      GStatBuf st;
      if (ok && r.seen == before && strcmp (*in, "-") != 0 && g_stat (*in, &st) == 0
          && S_ISDIR (st.st_mode) && next_article (&r))
        ok = emit_error (&r, *in, *in,
                         g_strdup (r.glob != NULL ? "no file in the directory matches --glob"
                                                  : "no file in the directory"));
    }
  if (r.glob != NULL)
    g_pattern_spec_free (r.glob);
  return ok;
}

gboolean
abridge_read_is_many (const abridge_reader_options *options)
{
  const char *const *in = options->inputs;
  if (in == NULL || in[0] == NULL || strcmp (in[0], "-") == 0)
    return (in != NULL && in[0] != NULL && in[1] != NULL) || options->format == ABRIDGE_INPUT_JSONL
           || (options->format == ABRIDGE_INPUT_AUTO
               && sniff_stdin (options->max_bytes > 0 ? options->max_bytes
                                                      : ABRIDGE_DEFAULT_MAX_BYTES) == '{');
  if (in[1] != NULL || options->format == ABRIDGE_INPUT_JSONL)
    return TRUE;
  GStatBuf st;
  return (options->format == ABRIDGE_INPUT_AUTO && g_str_has_suffix (in[0], ".jsonl"))
         || (g_stat (in[0], &st) == 0 && S_ISDIR (st.st_mode));
}

/* Whether a walk from the directory DIR_ST would reach the file BASE in
 * the directory REALDIR (a canonical path): REALDIR is DIR or below it
 * through no hidden directory. */
static gboolean
walk_reaches (const GStatBuf *dir_st, const char *realdir)
{
  char *cur = g_strdup (realdir);
  gboolean reached = FALSE;
  for (;;)
    {
      GStatBuf st;
      if (g_stat (cur, &st) == 0 && st.st_dev == dir_st->st_dev && st.st_ino == dir_st->st_ino)
        {
          reached = TRUE;
          break;
        }
      char *name = g_path_get_basename (cur);
      gboolean hidden = name[0] == '.';
      g_free (name);
      char *up = g_path_get_dirname (cur);
      gboolean top = strcmp (up, cur) == 0;
      g_free (cur);
      cur = up;
      if (hidden || top)
        break;
    }
  g_free (cur);
  return reached;
}

gboolean
abridge_read_would_read (const abridge_reader_options *options, const char *path,
                         const char **input, gboolean *in_directory)
{
  *input = NULL;
  *in_directory = FALSE;
  char *target = abr_follow_links (path);
  if (target == NULL)
    return FALSE;
  GStatBuf tst;
  gboolean exists = g_stat (target, &tst) == 0;
  char *dir = g_path_get_dirname (target);
  char *base = g_path_get_basename (target);
  char *realdir = realpath (dir, NULL);
  GPatternSpec *glob = options->glob != NULL ? g_pattern_spec_new (options->glob) : NULL;
  /* What a walk of a directory would take of the file. */
  gboolean walked = realdir != NULL && base[0] != '.'
                    && (glob == NULL || g_pattern_spec_match_string (glob, base));
  static const char *const stdin_only[] = { "-", NULL };
  const char *const *inputs = options->inputs != NULL && options->inputs[0] != NULL
                                  ? options->inputs
                                  : stdin_only;
  for (const char *const *in = inputs; *in != NULL && *input == NULL; in++)
    {
      GStatBuf st;
      gboolean is_stdin = strcmp (*in, "-") == 0;
      if (is_stdin ? fstat (STDIN_FILENO, &st) != 0 : g_stat (*in, &st) != 0)
        continue;
      if (exists && !S_ISDIR (st.st_mode) && st.st_dev == tst.st_dev && st.st_ino == tst.st_ino)
        *input = *in;
      else if (!is_stdin && S_ISDIR (st.st_mode) && walked && walk_reaches (&st, realdir))
        {
          *input = *in;
          *in_directory = TRUE;
        }
    }
  if (glob != NULL)
    g_pattern_spec_free (glob);
  free (realdir);
  g_free (base);
  g_free (dir);
  g_free (target);
  return *input != NULL;
}

/* The bytes of the inputs; unknown when one is a stream. */
typedef struct {
  guint64 total;
  gboolean unknown;
} InputSize;

static gboolean
add_input_size (gpointer data, const char *path, const GStatBuf *st, const GError *error,
                const abr_walk_file *file)
{
  InputSize *size = data;
  (void) path;
  (void) file;
  if (error == NULL && (st == NULL || !S_ISREG (st->st_mode)))
    size->unknown = TRUE;
  else if (error == NULL)
    size->total += (guint64) st->st_size;
  return !size->unknown;
}

guint64
abridge_read_total_bytes (const abridge_reader_options *options)
{
  GPatternSpec *glob = options->glob != NULL ? g_pattern_spec_new (options->glob) : NULL;
  static const char *const stdin_only[] = { "-", NULL };
  const char *const *inputs = options->inputs != NULL && options->inputs[0] != NULL
                                  ? options->inputs
                                  : stdin_only;
  InputSize size = { 0, FALSE };
  for (const char *const *in = inputs; *in != NULL && !size.unknown; in++)
    abr_walk (*in, glob, add_input_size, &size);
  if (glob != NULL)
    g_pattern_spec_free (glob);
  return size.unknown ? 0 : size.total;
}

gboolean
abridge_input_format_parse (const char *name, AbridgeInputFormat *format)
{
  static const char *const names[] = { "text", "html", "jsonl" };
  static const AbridgeInputFormat formats[] = { ABRIDGE_INPUT_TEXT, ABRIDGE_INPUT_HTML,
                                                ABRIDGE_INPUT_JSONL };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i]) == 0)
      {
        *format = formats[i];
        return TRUE;
      }
  return FALSE;
}
