/* A plugin for a hypothetical ABI 2. Only the descriptor's two leading
 * fields, struct_size and abi_version, are shared by every major; past
 * them a 2.x descriptor is laid out differently (where 1.x has the id
 * pointer, this one has a bit mask). A 1.x host must refuse it from those
 * two fields alone, "built for ABI 2, this abridge speaks 1", and never
 * read further or call it. tests/fixtures/plugins/wrong-abi.c is the
 * easy case, a 2.0 claim in a 1.0-shaped descriptor.
 *
 * Descriptor 0 is larger than 1.0's, descriptor 1 smaller. Built without
 * <abridge/plugin.h>, as against a future header. */
#include <stdint.h>
#include <stdlib.h>

typedef struct {
  uint32_t struct_size;
  uint32_t abi_version;
  uint64_t capabilities; /* where 1.x has id: not a pointer */
  void (*hooks[14]) (void);
} v2_descriptor;

typedef struct {
  uint32_t struct_size;
  uint32_t abi_version;
  uint64_t capabilities;
  void (*hook) (void);
} v2_small_descriptor;

static void
never_called (void)
{
  abort ();
}

static const v2_descriptor large = {
  .struct_size = sizeof (v2_descriptor),
  .abi_version = (2u << 16) | 0u,
  .capabilities = 0xdeadbeefdeadbeefu,
  .hooks = { never_called, never_called, never_called, never_called, never_called,
             never_called, never_called, never_called, never_called, never_called,
             never_called, never_called, never_called, never_called },
};

static const v2_small_descriptor small = {
  .struct_size = sizeof (v2_small_descriptor),
  .abi_version = (2u << 16) | 0u,
  .capabilities = 0xdeadbeefdeadbeefu,
  .hook = never_called,
};

__attribute__ ((visibility ("default"))) const void *abridge_plugin_descriptor (uint32_t host_abi,
                                                                             uint32_t index);

__attribute__ ((visibility ("default"))) const void *
abridge_plugin_descriptor (uint32_t host_abi, uint32_t index)
{
  (void) host_abi; /* a careful 2.x plugin would return NULL to a 1.x host */
  return index == 0 ? (const void *) &large : index == 1 ? (const void *) &small : NULL;
}
