/* Plugin discovery and loading: the only user of libltdl. */
#ifndef ABRIDGE_REGISTRY_H
#define ABRIDGE_REGISTRY_H

#include <abridge/abridge.h>

/* The size of a descriptor as ABI 1.0 defines it: smaller is malformed. */
#define ABR_PLUGIN_SIZE_1_0 \
  (offsetof (abridge_plugin, extension_data) + sizeof (((abridge_plugin *) 0)->extension_data))

/* Serialises instantiate() and cleanup() (the discovery thread class). */
void abr_registry_lock (void);
void abr_registry_unlock (void);


#endif
