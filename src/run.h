/*
 * run.h: `docker create` / `docker start` / `docker run` as the daemon
 * does them (run-semantics.md §2): merge the user's options with the
 * image config, compute PID 1's argv (Path + Args), its environment,
 * working directory and user, look the program up in the container's
 * filesystem, and fail with Docker's exact text and exit codes. What the
 * program then does is the userland's (userland.h).
 *
 * Every decision is recorded as an explanation item.
 */
#ifndef RUN_H
#define RUN_H

#include "common.h"
#include "explain.h"
#include "imgconfig.h"
#include "sb.h"
#include "vfs.h"

struct store;
struct image;

/* What the docker CLI sends for run/create (after parsing the flags). */
struct run_request {
    const char *image_ref;      /* as typed */
    bool pull_never;            /* --pull never: no pull, local images only */
    struct strlist entrypoint;  /* --entrypoint: null, or [X] ([""] too) */
    struct strlist cmd;         /* the words after the image, or null */
    struct strlist env;         /* --env-file then -e, as the CLI sends */
    const char *workdir;        /* -w, or NULL */
    const char *user;           /* -u, or NULL */
    const char *name;           /* --name, or NULL */
    const char *hostname;       /* -h, or NULL */
    const char *stop_signal;    /* --stop-signal, or NULL */
    int stop_timeout;           /* --stop-timeout */
    bool stop_timeout_set;
    bool init, init_set;        /* --init */
    bool tty, interactive, detach, auto_remove, read_only, publish_all;
    const char *network;        /* --network, or NULL */
    struct strlist ports;       /* -p specs */
    struct strlist volumes;     /* -v specs */
    struct health_config *health; /* --health-*, or NULL */
    bool no_healthcheck;
    bool start;                 /* run: create then start */
};

void run_request_init(struct run_request *rq);
void run_request_release(struct run_request *rq);

/* Where an element of PID 1's argv came from. */
enum argv_origin {
    ORIGIN_IMAGE_ENTRYPOINT,
    ORIGIN_IMAGE_CMD,
    ORIGIN_ENTRYPOINT_FLAG,  /* docker run --entrypoint */
    ORIGIN_RUN_ARGS,         /* words after the image name */
    ORIGIN_INIT,             /* /sbin/docker-init -- (--init) */
};

enum container_status {
    CS_CREATED,
    CS_RUNNING,
    CS_EXITED,
};

struct container {
    char *id;                 /* 64 hex digits */
    char *name;               /* without the leading "/" */
    struct image *image;
    char *image_ref;          /* as typed */
    struct image_config cfg;  /* the merged Config */
    char *hostname;
    char *path;               /* Path */
    struct strlist args;      /* Args */
    enum argv_origin *origin; /* per argv element ([0] = Path) */
    /* HostConfig */
    bool init, auto_remove, read_only, tty, interactive, detach;
    int stop_timeout;         /* --stop-timeout (-1: wait forever) */
    bool stop_timeout_set;
    char *network;
    struct strlist ports;
    /* State */
    enum container_status status;
    int exit_code;
    char *error;              /* State.Error */
    long created, started_at, finished_at;
    struct vfs fs;            /* the container's own layer */
    struct strlist process_env; /* the env PID 1 gets */
    struct sb out, err;       /* logs */
    void *proc;               /* userland state of PID 1, or NULL */
};

/* The outcome of one docker command, as the terminal would show it. */
struct run_outcome {
    int exit_code;            /* the docker CLI's exit status */
    struct sb out;            /* what it prints on stdout */
    struct sb err;            /* and on stderr */
    struct container *container; /* created (may have failed to start) */
    struct container *removed;   /* --rm: the container after it was
                                    removed from the store (owned here, so
                                    the caller can still describe it) */
    struct explain_list explain;
};

void run_outcome_init(struct run_outcome *o);
void run_outcome_release(struct run_outcome *o);

/*
 * Host environment lookup for `-e VAR` (no '='): the CLI sends VAR=value
 * if the host has VAR, else the bare word, which unsets VAR.
 */
typedef bool run_host_env_fn(void *ctx, const char *name, const char **value);

/*
 * docker create / docker run: validate, merge, create (and start if
 * rq->start). Fills o (exit code, output, explanations) and returns the
 * exit code. `cli` is "run" or "create" (for the help footer).
 */
int run_container(struct store *s, const struct run_request *rq,
                  struct run_outcome *o);

/* docker start of an existing container (attach: print its output). */
int run_start(struct store *s, struct container *c, bool attach,
              struct run_outcome *o);

/*
 * The daemon's merge alone: PID 1's argv (Path then Args) for an image
 * config and a request (entrypoint/cmd fields only). Returns 0, or -1 for
 * "no command specified" (argv left null).
 */
int run_argv(const struct image_config *img, const struct run_request *rq,
             struct strlist *argv);

/* The container called name, or with an id starting with name. */
struct container *store_find_container(struct store *s, const char *name);
/* Remove c from the store and free it. */
void store_remove_container(struct store *s, struct container *c);
void container_free(struct container *c);

/* Append argv as one command line a shell would accept ("sh -c 'a b'"). */
void run_argv_line(struct sb *out, const char *path,
                   const struct strlist *args);

/* The signal number for a name like "SIGTERM", "term", "15"; -1 if bad. */
int signal_number(const char *s);

#endif /* RUN_H */
