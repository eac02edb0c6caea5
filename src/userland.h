/*
 * userland.h: what PID 1 does once the runtime has found it: the
 * simulated programs (echo, printf, sh -c ..., stand-ins for servers).
 * The runtime (run.c) has already done the PATH lookup and the exec
 * checks; this decides output, exit status, and whether the process
 * keeps running.
 */
#ifndef USERLAND_H
#define USERLAND_H

#include "common.h"

struct sb;
struct vfs;
struct vfs_entry;
struct explain_list;
struct catalog_image;

/* The process environment of a simulated exec. */
struct uctx {
    struct vfs *fs;                  /* the container's filesystem */
    const struct catalog_image *cat; /* base image row (shell flavour), or NULL */
    char *const *env;                /* "K=V", n_env of them */
    size_t n_env;
    const char *cwd;
    unsigned uid, gid;
    const char *hostname;
    bool pid1;                       /* the process is PID 1 */
    bool tty;                        /* docker run -t */
    bool stdin_open;                 /* docker run -i */
    struct sb *out, *err;            /* where its output goes */
    struct explain_list *explain;    /* may be NULL */
};

enum { USERLAND_RUNNING = -1 };

/*
 * Run argv[0..argc) (argv[0] as given; path is the resolved file, e the
 * entry at path). Returns the exit status (0-255), or USERLAND_RUNNING if
 * the process would keep running (a server, `sleep 100`).
 */
int userland_exec(struct uctx *u, const char *path, const struct vfs_entry *e,
                  char *const *argv, size_t argc);

#endif /* USERLAND_H */
