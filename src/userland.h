/*
 * userland.h: what PID 1 does once the runtime has found it: the
 * simulated programs (echo, printf, sh -c ..., stand-ins for servers).
 * The runtime (run.c) has already done the PATH lookup and the exec
 * checks; this decides output, exit status, and whether the process
 * keeps running.
 *
 * At build time (RUN) the process runs to its end (a `sleep 5` just
 * passes simulated time; a server never ends: USERLAND_RUNNING). For a
 * container (uctx.container set) the processes stay alive in
 * container->proc after a PID 1 that keeps running, on the simulated
 * clock of the store: lifecycle.h advances them, stops them, execs into
 * them.
 */
#ifndef USERLAND_H
#define USERLAND_H

#include "common.h"

struct sb;
struct vfs;
struct vfs_entry;
struct explain_list;
struct catalog_image;
struct container;
struct store;

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
    /* docker run / start only (NULL / false at build time): */
    struct container *container;     /* keeps the processes in ->proc;
                                        --init, --read-only, user groups */
    struct store *store;             /* its clock (simulated time) */
    bool attached;                   /* the CLI waits for the container */
};

enum { USERLAND_RUNNING = -1 };

/* How long an attached `docker run` watches a container that keeps
 * running (simulated seconds) before docksim returns to the prompt. */
#define USERLAND_ATTACH_SECONDS 60

/*
 * Run argv[0..argc) (argv[0] as given; path is the resolved file, e the
 * entry at path). Returns the exit status (0-255), or USERLAND_RUNNING if
 * the process would keep running (a server, `sleep 100`). With a
 * container, its previous processes are freed and the new ones kept in
 * container->proc; the store's clock moves by the time that passed.
 */
int userland_exec(struct uctx *u, const char *path, const struct vfs_entry *e,
                  char *const *argv, size_t argc);

/* Free the processes kept in c->proc (container_free calls this). */
void userland_release(struct container *c);

/* The simulated clock of a store in milliseconds (a fixed epoch when
 * store is NULL, as at build time). */
long long userland_now_ms(const struct store *s);

#endif /* USERLAND_H */
