/*
 * catalog.h: the official base images docksim knows, one readable row
 * each (data, not code), with their real configs (base-images.md): what
 * `FROM python:3.12-slim` or `docker run node:20-alpine` starts from.
 *
 * docksim never pulls: an image that is neither here nor built in the
 * session fails the way a failed pull fails, with a hint listing these.
 *
 * Filesystems are composed from shared sets (struct catalog_set): a
 * distribution base (debian:trixie, alpine 3.24, busybox, ...), package
 * layers (buildpack-deps' curl/scm/full) and the image's own files. A row
 * lists its sets in layer order; catalog_fs applies them in that order,
 * later entries replacing earlier ones, then writes /etc/passwd and
 * /etc/group from the users and groups of all the sets (in set order).
 *
 * Simulated programs (vfs_entry.program). An executable file carries the
 * name of the program docksim runs for it:
 *   "dash", "bash"        the shells;
 *   "busybox"             the BusyBox multi-call binary: like BusyBox
 *                         itself, dispatch on the basename of argv[0]
 *                         (Alpine's applets are symlinks to /bin/busybox,
 *                         the busybox image's are hard links, i.e. files
 *                         whose program is "busybox");
 *   "NAME"                any other standalone program behaves like the
 *                         distribution's NAME (GNU coreutils, util-linux,
 *                         procps... on Debian/Ubuntu/EL), e.g. "ls",
 *                         "env", "which", "apt-get", "python3", "node",
 *                         "npm", "nginx", "redis-server", "postgres";
 *   "pg_wrapper"          postgresql-common's wrapper behind /usr/bin/psql
 *                         and friends: like "busybox", dispatch on the
 *                         basename of argv[0] (the server version's tool);
 *   "docker-entrypoint:IMAGE"
 *                         an official image's entrypoint script (IMAGE is
 *                         node, nginx, redis, postgres or mysql, matching
 *                         enum entry_script), and "httpd-foreground".
 * Scripts docksim runs natively (entrypoint scripts, pip, npm, ...) still
 * hold a text whose first line is the real shebang, so `cat` and `head`
 * show something sensible and a missing interpreter can be detected; the
 * body is a short summary, not the upstream script. Data files have
 * program NULL.
 */
#ifndef CATALOG_H
#define CATALOG_H

#include "common.h"

struct image_config;
struct vfs;
struct sb;

/* Which program /bin/sh is: decides who is PID 1 for `sh -c` (run-semantics §3.3). */
enum sh_flavor {
    SH_NONE,  /* no /bin/sh at all (scratch) */
    SH_DASH,  /* Debian/Ubuntu: the shell stays the parent of `sh -c cmd` */
    SH_ASH,   /* BusyBox ash (Alpine, busybox): execs the last command */
    SH_BASH,  /* bash as /bin/sh (EL9): execs the last command */
};

/* What the image's entrypoint script does (base-images.md). */
enum entry_script {
    ES_NONE,
    ES_NODE,     /* prepends `node` unless $1 is a command */
    ES_NGINX,    /* runs /docker-entrypoint.d/ for nginx, then exec "$@" */
    ES_REDIS,    /* prepends redis-server for -x / *.conf; drops to redis */
    ES_POSTGRES, /* prepends postgres for -x; needs POSTGRES_PASSWORD; gosu postgres */
    ES_MYSQL,    /* prepends mysqld for -x; needs a root password option; gosu mysql */
};

/* One line of /etc/passwd. */
struct catalog_user {
    const char *name;
    unsigned uid, gid;
    const char *gecos;   /* the comment field, "" if empty */
    const char *home;
    const char *shell;
};

/* One line of /etc/group. */
struct catalog_group {
    const char *name;
    unsigned gid;
    const char *members; /* "root,bin" or "" */
};

enum catalog_ftype {
    CF_DIR,
    CF_FILE,
    CF_LINK,
};

/* One filesystem entry. */
struct catalog_file {
    const char *path;        /* absolute */
    enum catalog_ftype type;
    const char *program;     /* CF_FILE: simulated program, NULL for data */
    const char *data;        /* CF_FILE: the content (text); CF_LINK: the
                                target as written */
    unsigned mode;           /* 0: the default (dirs and programs 0755,
                                data 0644) */
    unsigned uid, gid;
};

/*
 * A directory full of commands: each name in `names` becomes dir/name.
 * With `link` they are symlinks to link (BusyBox applets on Alpine);
 * otherwise executable files whose program is `program`, or their own
 * name when program is NULL.
 */
struct catalog_cmds {
    const char *dir;         /* "/usr/bin" */
    const char *names;       /* space-separated: "cat cp ls" */
    const char *program;     /* NULL: each file runs the program of its name */
    const char *link;        /* non-NULL: symlinks to this target */
};

/* A reusable part of a filesystem (each array ends with a NULL first field). */
struct catalog_set {
    const char *name;                   /* "debian:trixie", "python:3.14" */
    const struct catalog_file *files;   /* may be NULL */
    const struct catalog_cmds *cmds;    /* may be NULL */
    const struct catalog_user *users;   /* appended to /etc/passwd */
    const struct catalog_group *groups; /* appended to /etc/group */
};

struct catalog_image {
    const char *repo;                  /* "python" (Docker Hub library name) */
    const char *const *tags;           /* tags of this row, NULL-terminated;
                                          the first is the canonical one */
    const char *resolves_to;           /* e.g. "3.14.7-trixie" (informative) */
    const char *family;                /* "debian", "ubuntu", "alpine",
                                          "busybox", "oraclelinux", "scratch" */
    enum sh_flavor sh;
    enum entry_script entry_script;
    /* Config, NULL-terminated lists; a NULL list is "not set" */
    const char *const *entrypoint;     /* NULL = null; empty list = [] */
    const char *const *cmd;
    const char *const *env;            /* "KEY=value" (PATH included) */
    const char *working_dir;           /* NULL = unset */
    const char *user;                  /* NULL = unset */
    const char *const *exposed_ports;  /* "80/tcp" */
    const char *const *volumes;
    const char *stop_signal;           /* NULL = unset */
    const char *const *labels;         /* "key=value" */
    /* filesystem: the sets, in layer order, NULL-terminated (NULL: empty) */
    const struct catalog_set *const *sets;
    const char *notes;                 /* one sentence for :help / images */
};

extern const struct catalog_image catalog[];
extern const size_t catalog_len;

/*
 * Find the row for a reference such as "python", "python:3.12-slim",
 * "docker.io/library/node:20-alpine", "index.docker.io/library/ubuntu" or
 * "library/ubuntu:24.04" (a missing tag means "latest"). NULL if unknown
 * (then docksim fails like a failed pull); also NULL for a digest
 * reference ("@sha256:..."), another registry or user namespace, and any
 * upper-case repository name (an invalid reference: the caller reports
 * that). Tags compare exactly.
 */
const struct catalog_image *catalog_find(const char *ref);

/* Fill c with the row's image config (c must be initialised). */
void catalog_config(const struct catalog_image *img, struct image_config *c);

/*
 * Populate fs (a fresh layer without parent) with the row's filesystem:
 * its shell, the programs on PATH (as entries carrying the simulated
 * program name), /etc/passwd and /etc/group for its users, home
 * directories, and its entrypoint script if any.
 */
void catalog_fs(const struct catalog_image *img, struct vfs *fs);

/* A short list of known repos for the "pull access denied" hint:
 * "docksim knows these images: alpine, busybox, ..." (one line, no
 * newline), appended to out. */
void catalog_hint(struct sb *out);

#endif /* CATALOG_H */
