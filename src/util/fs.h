/* Small file-system helpers shared by discovery, loading and create. */
#ifndef MIG_FSUTIL_H
#define MIG_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>

/* The largest file mig_read_file() reads. */
#define MIG_READ_FILE_MAX (64u * 1024 * 1024)

/* Read a whole regular file; *out is NUL-terminated, caller frees. MIG_EIO
 * with strerror text on failure; MIG_EINPUT for what is not a regular
 * file (a FIFO, a device: /dev/zero would be read forever) or is larger
 * than MIG_READ_FILE_MAX. */
int mig_read_file(const char *path, char **out, size_t *len);
/* Offset of the first byte that breaks UTF-8 (overlong forms, surrogates
 * and code points above U+10FFFF included), or -1 when text is valid. */
long mig_utf8_invalid_at(const char *text, size_t len);
/* 1-based line and column of byte offset `at` in text (column counts bytes). */
void mig_line_col(const char *text, size_t at, int *line, int *col);
/* Join a directory and a name with one '/'. Caller frees; NULL on OOM. */
char *mig_path_join(const char *dir, const char *name);
/* mkdir -p; 0 or MIG_EIO. */
int mig_mkdirs(const char *path);
/* Write a file that must not exist yet (O_EXCL); 0, or MIG_EIO. */
int mig_write_new_file(const char *path, const char *text, size_t len);
/* Create dir (and parents) and write dir/name there, which must not
 * exist yet; *path is the file written (caller frees). */
int mig_write_new_file_in(const char *dir, const char *name, const char *text, char **path);
/* Milliseconds since the epoch (JavaScript's Date.now()). */
long long mig_now_ms(void);

#endif
