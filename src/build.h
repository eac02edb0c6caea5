/*
 * build.h: `docker build`: apply every instruction of the needed stages
 * to an image config and filesystem exactly as BuildKit's dockerfile2llb
 * conversion does (dockerfile-semantics.md §5, §6; layer 4 of §1), with
 * the build checks that run there, progress steps and explanations.
 *
 * RUN is recorded as a layer; what its command does to files is the
 * userland's business (run_hook may simulate it).
 */
#ifndef BUILD_H
#define BUILD_H

#include "common.h"
#include "diag.h"
#include "explain.h"

struct store;
struct image;
struct vfs;

/* A file of the build context (the session's workspace, or a directory). */
struct build_file {
    const char *path;  /* relative to the context root: "app.py", "src/x" */
    const char *data;
    size_t len;
    unsigned mode;     /* permission bits (0644, 0755...) */
    bool is_dir;
};

struct build_context {
    const struct build_file *files;
    size_t n_files;
    const char *dockerignore;  /* .dockerignore content, or NULL */
};

struct build_arg {
    const char *key;
    const char *value; /* NULL: taken from the host environment (or unset) */
};

/* Host environment lookup (docksim's simulated host, never getenv). */
typedef bool build_host_env_fn(void *ctx, const char *name, const char **value);

struct build_opts {
    const char *dockerfile_name;     /* for messages, e.g. "Dockerfile" */
    const char *target;              /* --target, or NULL for the last stage */
    const struct build_arg *args;    /* --build-arg */
    size_t n_args;
    const char *const *tags;         /* -t values as typed */
    size_t n_tags;
    bool check;                      /* --check: run the checks only */
    const struct build_context *ctx; /* NULL: an empty context */
    build_host_env_fn *host_env;
    void *host_ctx;
};

/* One progress step ("#4 [2/3] RUN echo hi"). */
struct build_step {
    char *name;        /* "[2/3] RUN echo hi" */
    char *log;         /* output lines, or NULL */
    int line;          /* Dockerfile line, 0 for internal steps */
    bool cached;
};

struct build_result {
    int exit_code;              /* 0 ok, 1 failed */
    struct image *image;        /* the new image (in the store), or NULL */
    struct diag_list diags;     /* warnings, and the error if it failed */
    struct explain_list explain;
    struct build_step *steps;
    size_t n_steps;
    char *error;                /* BuildKit's failure message, or NULL */
    int error_line;             /* its Dockerfile line, 0 if none */
    size_t n_checked_stages;
};

void build_result_init(struct build_result *r);
void build_result_release(struct build_result *r);

/*
 * Build text[0..len) into s. Returns the exit code (0 or 1); r holds the
 * details. With o->check, only checks run (on all stages) and no image is
 * made; the exit code is 1 if a check fired under `error=true`.
 */
int build_run(struct store *s, const char *text, size_t len,
              const struct build_opts *o, struct build_result *r);

#endif /* BUILD_H */
