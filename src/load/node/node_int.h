/* What the files of src/load/node/ share. */
#ifndef MIG_LOAD_NODE_INT_H
#define MIG_LOAD_NODE_INT_H

#include "load/node/node.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* json.c: one JSON text in the recorder's encoding -> a value (every
 * node stamped with line/col); MIG_EINPUT when malformed. */
int mig__node_json_parse(const char *s, size_t len, int line, int col, mig_value **out);
void mig__node_json_stamp(mig_value *v, int line, int col);
/* s[0..len) as a JSON string literal. */
void mig__node_json_string(mig_str *out, const char *s, size_t len);

/* child.c: the Node.js process. */
typedef struct mig__node_child {
	pid_t pid;
	int fd;           /* our end of the protocol socket */
	char *buf;        /* bytes received, not yet returned as lines */
	size_t len, cap;
	size_t total;     /* bytes received in all */
	double deadline;  /* CLOCK_MONOTONIC ms */
	int timeout_s;
	const char *file; /* for messages */
} mig__node_child;

int mig__node_spawn(mig__node_child *c, const char *program, const char *const *argv, int timeout_s,
		    const char *file);
/* The next line (without '\n'), valid until the next call; MIG_ERROR on
 * timeout, on too much output, or when the child ends first (its exit
 * status in the message). */
int mig__node_read_line(mig__node_child *c, const char **line, size_t *len);
int mig__node_write(mig__node_child *c, const char *s, size_t len);
/* Close and reap; kills the child when it has not exited at once. */
void mig__node_finish(mig__node_child *c);

/* convert.c: a direction's {"ops":[...],"noTransaction":b} -> ops. */
int mig__node_ops(const mig_migration *m, const char *dir, const mig_value *d, mig_oplist *ops, bool *no_tx);
/* {"t":"error",...} -> the error (MIG_EINPUT), located in the file. */
int mig__node_error(const mig_migration *m, const mig_value *msg);

#endif
