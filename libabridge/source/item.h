/* An item's work still to do, kept in its private state_. */
#ifndef ABRIDGE_SOURCE_ITEM_H
#define ABRIDGE_SOURCE_ITEM_H

#include <abridge/batch.h>

typedef enum {
  ABR_ITEM_READY,  /* text to summarize, or an error */
  ABR_ITEM_RECORD, /* TEXT is a JSON Lines record still to parse */
  ABR_ITEM_PAGE,   /* TEXT is a web page still to extract */
} AbridgeItemState;

static inline void
abr_item_set_state (abridge_item *item, AbridgeItemState state)
{
  item->state_ = (int) state;
}

#endif
