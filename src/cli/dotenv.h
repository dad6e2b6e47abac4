/* .env files: KEY=VALUE lines loaded into the environment, never
 * overriding a variable that is already set. */
#ifndef MIG_DOTENV_H
#define MIG_DOTENV_H

/* Load path if it exists (a missing file is not an error). MIG_EINPUT
 * with path:line for a malformed line. */
int mig_dotenv_load(const char *path);

#endif
