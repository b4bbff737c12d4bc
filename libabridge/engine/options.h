/* Plugin options: KEY=VALUE strings checked against a plugin's table. */
#ifndef ABRIDGE_OPTIONS_H
#define ABRIDGE_OPTIONS_H

#include <abridge/abridge.h>

/* Builds the option values of PLUGIN from ASSIGNMENTS ("key=value", may be
 * NULL): every key must be in the plugin's table and every value parse as
 * its type; keys not given take their default. Errors are
 * ABRIDGE_ERROR_USAGE and name the plugin and key. */
abridge_options *abr_options_new (const abridge_plugin *plugin, const GPtrArray *assignments,
                                      GError **error);
void abr_options_free (abridge_options *options);

/* Checks PLUGIN's option table as discovery does: keys [a-z0-9_]+ of at
 * most 64 bytes, each once, known types, defaults that parse as their
 * type, a NULL key within 256 entries. NULL when sound, else the first
 * problem (to g_free). */
char *abr_options_check_table (const abridge_plugin *plugin);

/* The getters of the host table. */
int abr_options_bool (const abridge_options *options, const char *key);
int64_t abr_options_int (const abridge_options *options, const char *key);
double abr_options_double (const abridge_options *options, const char *key);
const char *abr_options_string (const abridge_options *options, const char *key);


#endif
