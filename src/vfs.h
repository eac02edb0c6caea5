/*
 * vfs.h: the simulated filesystem of images and containers. Nothing here
 * touches the host: it is an in-memory tree of paths.
 *
 * A vfs is one layer over an optional read-only parent (the image below):
 * lookups fall through to the parent unless the path exists in this layer
 * or was removed here (a whiteout). Images are stacks of layers; a
 * container is one more layer on its image. A parent must outlive every
 * layer built on it.
 *
 * Paths are absolute and cleaned ("/usr/bin/env"; vfs_clean_path makes
 * them so). Permission bits are the usual 07777; file types are separate.
 */
#ifndef VFS_H
#define VFS_H

#include "common.h"

#include <stdint.h>

struct sb;

enum vfs_type {
    VFS_FILE,
    VFS_DIR,
    VFS_SYMLINK,
    VFS_WHITEOUT, /* removed in this layer (internal) */
};

struct vfs_entry {
    char *path;          /* absolute, cleaned */
    enum vfs_type type;
    unsigned mode;       /* permission bits */
    unsigned uid, gid;
    char *data;          /* file content (may hold NUL), or NULL */
    size_t len;
    char *target;        /* symlink target as written */
    char *program;       /* executables: the simulated program ("dash",
                            "busybox", "node"...), NULL for scripts/data */
};

struct vfs_map; /* private */

struct vfs {
    const struct vfs *parent;
    struct vfs_map *map;
};

void vfs_init(struct vfs *fs, const struct vfs *parent);
void vfs_release(struct vfs *fs);

/* The entry at path in this layer or below, without following symlinks;
 * NULL if absent or removed. */
const struct vfs_entry *vfs_lstat(const struct vfs *fs, const char *path);

/*
 * Resolve path following symlinks in every component (at most 40, like
 * Linux), relative to "/". Returns the final entry, or NULL with *err set
 * to ENOENT, ENOTDIR or ELOOP. If resolved is not NULL it receives the
 * final real path.
 */
const struct vfs_entry *vfs_stat(const struct vfs *fs, const char *path,
                                 int *err, struct sb *resolved);

/*
 * Create or replace path in the top layer (missing parent directories are
 * created 0755 root:root). Returns the new entry for the caller to fill
 * in (data, target, program, uid/gid). Never NULL.
 */
struct vfs_entry *vfs_put(struct vfs *fs, const char *path,
                          enum vfs_type type, unsigned mode);
struct vfs_entry *vfs_put_file(struct vfs *fs, const char *path,
                               unsigned mode, const char *data, size_t len);
struct vfs_entry *vfs_put_symlink(struct vfs *fs, const char *path,
                                  const char *target);
/* mkdir -p */
void vfs_mkdir_p(struct vfs *fs, const char *path, unsigned mode,
                 unsigned uid, unsigned gid);

/* Remove path (and, for a directory, everything below) in this layer. */
void vfs_remove(struct vfs *fs, const char *path);

/* Make a writable copy of the entry at path in the top layer (copy-up),
 * so that mode/owner/content can be changed; NULL if absent. */
struct vfs_entry *vfs_modify(struct vfs *fs, const char *path);

/*
 * Call fn for every direct child of directory dir, merged over all layers,
 * sorted by name; fn returns non-zero to stop. Returns the number of
 * children visited.
 */
size_t vfs_list(const struct vfs *fs, const char *dir,
                int (*fn)(const struct vfs_entry *e, void *ctx), void *ctx);

/* Clean a path like Go's path.Clean, making it absolute against cwd
 * ("/" if cwd is NULL). Appends to out. */
void vfs_clean_path(struct sb *out, const char *cwd, const char *path);

/* Number of entries in this layer alone (for history/size). */
size_t vfs_layer_count(const struct vfs *fs);
/* Bytes of file content in this layer alone (docker history's SIZE). */
uint64_t vfs_layer_bytes(const struct vfs *fs);

#endif /* VFS_H */
