/*
 * -f/--config-file: node-pg-migrate's JSON config. Its keys are the long
 * option names (migrations-dir, check-order, ...; camelCase spellings
 * too), plus node-pg-migrate's connection keys: "url", or host, port,
 * database (name), user, password, ssl. With a member named by
 * --config-value (default "db") that member is read, else the top level;
 * a string there is the database URL.
 */
#ifndef MIG_CLI_CONFIG_H
#define MIG_CLI_CONFIG_H

#include "cli/options.h"
#include "util/json.h"

/*
 * Fill the slots of p that the command line left unset, for the options
 * that apply to command `cmd` (a MIG_CMD_* bit; the others are skipped,
 * as one file serves every command). The database keys are all skipped
 * when the command line names the database (--database-url, -d,
 * --targets). The slots borrow from *tree and *url (the URL made from
 * host, port, ...), which the caller frees (mig_json_free, mig__free)
 * after the run. Unknown keys are a warning on stderr; a file that cannot
 * be read MIG_EUSAGE; malformed JSON or a value of the wrong type
 * MIG_EINPUT at file:line:column.
 */
int mig_cli_config_load(mig_cli_parsed *p, unsigned cmd, const char *path, const char *section, mig_json **tree,
			char **url);

#endif
