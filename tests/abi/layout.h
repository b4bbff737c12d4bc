/* The layout of the plugin ABI as one header defines it: a table built
 * from members-1.0.h, so that two headers that cannot share a translation
 * unit (same names, same include guard) can be compared at run time. */
#ifndef ABRIDGE_TEST_ABI_LAYOUT_H
#define ABRIDGE_TEST_ABI_LAYOUT_H

#include <stddef.h>

typedef struct {
  const char *name;   /* "abridge_host" or "abridge_host.log" or a constant */
  int is_struct;      /* a whole structure: size is its sizeof */
  size_t offset;      /* members */
  size_t size;        /* members and structures */
  unsigned long value; /* constants */
} abi_layout_entry;

/* Terminated by an entry whose name is NULL. */
extern const abi_layout_entry abi_layout_frozen_1_0[];
extern const char abi_entry_symbol_frozen_1_0[];
/* The members 1.1 appended, from the frozen 1.1 header. */
extern const abi_layout_entry abi_layout_frozen_1_1[];

/* The table entries and compile-time type checks, for one header. */
#define ABI_LAYOUT_STRUCT(T) { #T, 1, 0, sizeof (T), 0 },
#define ABI_LAYOUT_MEMBER(T, M, TYPE) \
  { #T "." #M, 0, offsetof (T, M), sizeof (((T *) 0)->M), 0 },
#define ABI_LAYOUT_CONSTANT(NAME) { #NAME, 0, 0, 0, (unsigned long) (NAME) },

/* A member whose type differs from the list's fails to compile. */
#define ABI_CHECK_MEMBER_TYPE(T, M, TYPE)                                     \
  _Static_assert (_Generic (((T *) 0)->M, TYPE: 1, default: 0),              \
                  #T "." #M " is no longer of type " #TYPE);

#endif
