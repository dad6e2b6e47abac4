/* The command-line front end: parse argv, run, print; returns the exit
 * status (0 done, 1 run-time failure, 2 bad usage or input). */
#ifndef MIG_CLI_H
#define MIG_CLI_H

int mig_cli_main(int argc, char **argv);

#endif
