/* The layout of the frozen ABI 1.0 header, as a table for test-abi.c
 * (which includes the current header: the two cannot meet in one file). */
#include "plugin-1.0.h"

#include "layout.h"

#define ABI_STRUCT(T)
#define ABI_MEMBER ABI_CHECK_MEMBER_TYPE
#define ABI_CONSTANT(NAME)
#include "members-1.0.h"
#undef ABI_STRUCT
#undef ABI_MEMBER
#undef ABI_CONSTANT

const abi_layout_entry abi_layout_frozen_1_0[] = {
#define ABI_STRUCT ABI_LAYOUT_STRUCT
#define ABI_MEMBER ABI_LAYOUT_MEMBER
#define ABI_CONSTANT ABI_LAYOUT_CONSTANT
#include "members-1.0.h"
  { NULL, 0, 0, 0, 0 },
};

_Static_assert (_Generic ((abridge_plugin_descriptor_fn) 0,
                          const abridge_plugin *(*) (uint32_t, uint32_t): 1, default: 0),
                "the entry point's type is frozen");

const char abi_entry_symbol_frozen_1_0[] = ABRIDGE_PLUGIN_ENTRY;
