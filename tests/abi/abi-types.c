/* Every type of <abridge/plugin.h> in one exported function's signature, so
 * that abidw records them all: the object `make check-abi` compares with
 * the committed baseline. Never loaded by abridge. */
#include <abridge/plugin.h>

__attribute__ ((visibility ("default"))) int abridge_abi_types (
    const abridge_plugin *plugin, const abridge_host *host, const abridge_token *token,
    const abridge_option *option, abridge_option_type type, abridge_plugin_descriptor_fn entry);

int
abridge_abi_types (const abridge_plugin *plugin, const abridge_host *host,
                   const abridge_token *token, const abridge_option *option,
                   abridge_option_type type, abridge_plugin_descriptor_fn entry)
{
  return (plugin != NULL) + (host != NULL) + (token != NULL) + (option != NULL) + (int) type
         + (entry != NULL) + ABRIDGE_SENTENCE_QUOTE + ABRIDGE_TOKEN_STOP + ABRIDGE_LOG_DEBUG
         + ABRIDGE_PLUGIN_SERIAL;
}
