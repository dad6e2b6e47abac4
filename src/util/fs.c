#define _POSIX_C_SOURCE 200809L
#include "util/fs.h"

#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

int mig_read_file(const char *path, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return mig_error_set(MIG_EIO, "cannot read %s: %s", path, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		return mig_error_set(MIG_EIO, "cannot read %s: %s", path, strerror(e));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return mig_error_set(MIG_EINPUT, "cannot read %s: it is not a regular file (%s)", path,
				     S_ISDIR(st.st_mode)    ? "a directory"
				     : S_ISFIFO(st.st_mode) ? "a FIFO"
				     : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
										  : "a socket or other special file");
	}
	if ((unsigned long long)st.st_size > MIG_READ_FILE_MAX) {
		close(fd);
		return mig_error_set(MIG_EINPUT, "cannot read %s: it is %lld bytes, more than the %u a migration file may have",
				     path, (long long)st.st_size, MIG_READ_FILE_MAX);
	}
	/* The size is known: one read of it and one that finds the end, no
	 * stdio (which asked for the size and flags again and read in 4 KB
	 * pieces: 8 system calls per migration file instead of 5). A file
	 * that grows meanwhile is read on, up to the limit. */
	size_t cap = (size_t)st.st_size + 1, used = 0;
	char *buf = mig__malloc(cap + 1);
	if (!buf) {
		close(fd);
		return mig_error_oom();
	}
	int err = 0;
	bool over = false;
	for (;;) {
		if (used == cap) {
			if (used > MIG_READ_FILE_MAX) {
				over = true; /* it grew while being read */
				break;
			}
			char *grown = mig__realloc(buf, cap * 2 + 1);
			if (!grown) {
				close(fd);
				mig__free(buf);
				return mig_error_oom();
			}
			buf = grown;
			cap *= 2;
		}
		ssize_t k = read(fd, buf + used, cap - used);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			err = errno;
			break;
		}
		if (k == 0)
			break;
		used += (size_t)k;
	}
	close(fd);
	if (over || used > MIG_READ_FILE_MAX) {
		mig__free(buf);
		return mig_error_set(MIG_EINPUT, "cannot read %s: it grew past the %u bytes a migration file may have", path,
				     MIG_READ_FILE_MAX);
	}
	if (err) {
		mig__free(buf);
		return mig_error_set(MIG_EIO, "cannot read %s: %s", path, strerror(err));
	}
	buf[used] = '\0';
	*len = used;
	*out = buf;
	return 0;
}

long mig_utf8_invalid_at(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t need;
		unsigned cp;
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
		} else {
			return (long)i;
		}
		for (size_t k = 1; k <= need; k++) {
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				return (long)i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			return (long)i;
		i += need + 1;
	}
	return -1;
}

void mig_line_col(const char *text, size_t at, int *line, int *col)
{
	int l = 1, c = 1;
	for (size_t i = 0; i < at && text[i]; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
	}
	*line = l;
	*col = c;
}

char *mig_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir), k = strlen(name);
	if (n == 0)
		return mig_strdup(name);
	/* by hand, not mig_aprintf: discovery joins once per file, and
	 * vsnprintf's cost was a tenth of a status over 1,000 files */
	bool slash = dir[n - 1] != '/';
	char *p = mig__malloc(n + slash + k + 1);
	if (!p)
		return NULL;
	memcpy(p, dir, n);
	if (slash)
		p[n] = '/';
	memcpy(p + n + slash, name, k + 1);
	return p;
}

int mig_mkdirs(const char *path)
{
	char *p = mig_strdup(path);
	if (!p)
		return mig_error_oom();
	for (char *q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			int rc = mig_error_set(MIG_EIO, "cannot create directory %s: %s", p, strerror(errno));
			mig__free(p);
			return rc;
		}
		*q = '/';
	}
	int rc = 0;
	if (mkdir(p, 0777) != 0 && errno != EEXIST)
		rc = mig_error_set(MIG_EIO, "cannot create directory %s: %s", p, strerror(errno));
	mig__free(p);
	return rc;
}

int mig_write_new_file(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
	if (fd < 0)
		return mig_error_set(MIG_EIO, "cannot create %s: %s", path, strerror(errno));
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			int rc = mig_error_set(MIG_EIO, "cannot write %s: %s", path, strerror(errno));
			close(fd);
			unlink(path);
			return rc;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0) {
		int rc = mig_error_set(MIG_EIO, "cannot write %s: %s", path, strerror(errno));
		unlink(path);
		return rc;
	}
	return 0;
}

int mig_write_new_file_in(const char *dir, const char *name, const char *text, char **path)
{
	*path = NULL;
	int rc = mig_mkdirs(dir);
	if (rc)
		return rc;
	char *full = mig_path_join(dir, name);
	if (!full)
		return mig_error_oom();
	if ((rc = mig_write_new_file(full, text, strlen(text))) != 0) {
		mig__free(full);
		return rc;
	}
	*path = full;
	return 0;
}

long long mig_now_ms(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}
