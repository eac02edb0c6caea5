/*
 * host.h: the only window on the real machine: reading files and
 * directories (read only) for `docker build CONTEXT`, `-f FILE` and
 * `--env-file`. Nothing here runs anything.
 */
#ifndef HOST_H
#define HOST_H

#include "common.h"

struct build_file;
struct sb;

/* Whole file into a malloc'd buffer (NUL-terminated); NULL with *err
 * (malloc'd message naming the path) on failure. */
char *host_read_file(const char *path, size_t *len, char **err);

/*
 * Every file and directory under dir (recursively, relative paths,
 * sorted), with content and permission bits, into a malloc'd array freed
 * with host_free_tree. Stops at limits (files, total bytes) with *err.
 * Returns the count, or -1 with *err.
 */
long host_read_tree(const char *dir, struct build_file **files, char **err);
void host_free_tree(struct build_file *files, size_t n);

#endif /* HOST_H */
