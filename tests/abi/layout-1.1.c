/* The layout of the frozen ABI 1.1 header's additions, as a table for
 * test-abi.c (which includes the current header: the two cannot meet in
 * one file). */
#include "plugin-1.1.h"

#include "layout.h"

#define ABI_STRUCT(T)
#define ABI_MEMBER ABI_CHECK_MEMBER_TYPE
#define ABI_CONSTANT(NAME)
#include "members-1.1.h"
#undef ABI_STRUCT
#undef ABI_MEMBER
#undef ABI_CONSTANT

const abi_layout_entry abi_layout_frozen_1_1[] = {
#define ABI_STRUCT ABI_LAYOUT_STRUCT
#define ABI_MEMBER ABI_LAYOUT_MEMBER
#define ABI_CONSTANT ABI_LAYOUT_CONSTANT
#include "members-1.1.h"
  { NULL, 0, 0, 0, 0 },
};
