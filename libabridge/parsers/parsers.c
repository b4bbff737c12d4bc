/* The parsers module's one exported symbol (parsers.h): its table. The
 * module is built with -fvisibility=hidden and -export-symbols-regex, so
 * nothing else of it (nor of libxml2 or json-glib) leaks into the core. */
#include "config.h"
#include "parsers/parsers.h"

#include "parsers/html.h"

__attribute__ ((visibility ("default"))) const abr_parser_table abr_parsers = {
  .version = ABR_PARSERS_VERSION,
  .size = sizeof (abr_parser_table),
  .read_page = abr_html_read_page,
  .read_result = abr_results_read_line,
};
