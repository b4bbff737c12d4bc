/* Preparing an item: the work on an article that can run in parallel. */
#include "config.h"
#include "source/item.h"
#include "source/offsets.h"

static void
fail (abridge_item *item, const char *message)
{
  g_clear_pointer (&item->text, g_free);
  item->len = 0;
  item->error = g_strdup (message);
}

static void
take (char **field, char **value)
{
  if (*field == NULL)
    *field = g_steal_pointer (value);
}

static gboolean
parse_record (abridge_item *item)
{
  abridge_record record;
  GError *error = NULL;
  gboolean ok = abridge_record_parse (item->text, item->len, &record, &error);
  if (!ok)
    {
      fail (item, error->message);
      g_error_free (error);
      return FALSE;
    }
  if (record.id != NULL)
    {
      g_free (item->id);
      item->id = g_steal_pointer (&record.id);
    }
  g_free (item->text);
  item->text = g_steal_pointer (&record.text);
  item->len = record.text_len;
  take (&item->title, &record.title);
  take (&item->source, &record.source);
  take (&item->date, &record.date);
  take (&item->url, &record.url);
  take (&item->summary, &record.summary);
  abridge_record_clear (&record);
  return TRUE;
}

/* A web page becomes its article, with the page's metadata. */
static gboolean
extract_page (abridge_item *item)
{
  GError *error = NULL;
  abridge_article *page = abridge_extract_html_full (item->text, item->len, &item->page_limits_,
                                                     &error);
  if (page == NULL || page->len == 0)
    {
      fail (item, page == NULL ? error->message : "no article text found in the page");
      g_clear_error (&error);
      abridge_article_free (page);
      return FALSE;
    }
  g_free (item->text);
  item->text = g_steal_pointer (&page->text);
  item->len = page->len;
  take (&item->title, &page->title);
  take (&item->author, &page->author);
  take (&item->date, &page->date);
  take (&item->site_name, &page->site_name);
  take (&item->url, &page->url);
  take (&item->description, &page->description);
  take (&item->language, &page->language);
  abridge_article_free (page);
  return TRUE;
}

static gboolean
text_is_blank (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
abridge_item_prepare (abridge_item *item)
{
  if (item->error != NULL)
    return FALSE;
  AbridgeItemState state = (AbridgeItemState) item->state_;
  abr_item_set_state (item, ABR_ITEM_READY);
  switch (state)
    {
    case ABR_ITEM_RECORD:
      if (!parse_record (item))
        return FALSE;
      break;
    case ABR_ITEM_PAGE:
      if (!extract_page (item))
        return FALSE;
      break;
    case ABR_ITEM_READY:
      break;
    }
  /* Nothing to read is an error for every command: an empty file or
   * `true | abridge` is a mistake upstream (a failed download, a wrong
   * name), and exit status 0 with no output hid it. */
  if (text_is_blank (item->text, item->len))
    {
      item->error = g_strdup ("no text");
      return FALSE;
    }
  return TRUE;
}

void
abridge_item_free (abridge_item *item)
{
  if (item == NULL)
    return;
  char **fields[] = { &item->id,     &item->file,   &item->title,     &item->source,
                      &item->date,   &item->url,    &item->author,    &item->site_name,
                      &item->summary, &item->text,  &item->warning,   &item->error,
                      &item->description, &item->language };
  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (*fields[i]);
  abr_offsets_free (item->offsets_);
  g_free (item);
}
