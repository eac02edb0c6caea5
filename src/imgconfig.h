/*
 * imgconfig.h: an image's configuration (the "Config" of `docker image
 * inspect`), as BuildKit writes it and the daemon reads it. Docker tells
 * null from [] for lists (ENTRYPOINT [] is not the same as no
 * ENTRYPOINT), so lists carry a `set` flag.
 *
 * Ownership: an image_config owns all its strings (malloc). Copy with
 * image_config_copy, free with image_config_release.
 */
#ifndef IMGCONFIG_H
#define IMGCONFIG_H

#include <stdint.h>

#include "common.h"

struct sb;

/* A list of strings that may be null (set == false). */
struct strlist {
    char **v;
    size_t n;
    bool set;
};

void strlist_init(struct strlist *l);           /* null */
void strlist_set_empty(struct strlist *l);      /* [] */
void strlist_push(struct strlist *l, const char *s);   /* sets `set` */
void strlist_pushn(struct strlist *l, const char *s, size_t len);
void strlist_copy(struct strlist *dst, const struct strlist *src);
void strlist_release(struct strlist *l);        /* back to null */
bool strlist_equal(const struct strlist *a, const struct strlist *b);
/* Index of the entry equal to s, or -1. */
long strlist_find(const struct strlist *l, const char *s);
/* Insert s keeping the list sorted (byte order), unless present. */
void strlist_add_sorted(struct strlist *l, const char *s);

/* A health check (Config.Healthcheck); durations in nanoseconds. */
struct health_config {
    struct strlist test;  /* ["CMD", ...], ["CMD-SHELL", s], ["NONE"] */
    int64_t interval, timeout, start_period, start_interval;
    int retries;
};

struct label {
    char *key, *value;
};

struct image_config {
    char *user;                  /* "" = not set (root) */
    struct strlist exposed_ports; /* sorted, "80/tcp" */
    struct strlist env;          /* "KEY=value", in order */
    struct strlist entrypoint;   /* null, [] or the argv */
    struct strlist cmd;
    struct strlist volumes;      /* sorted paths */
    char *working_dir;           /* "" = not set (/) */
    struct label *labels;        /* sorted by key */
    size_t n_labels;
    char *stop_signal;           /* "" = not set (SIGTERM) */
    bool args_escaped;
    struct health_config *healthcheck; /* NULL = none */
    struct strlist onbuild;      /* ONBUILD triggers, in order */
    struct strlist shell;        /* SHELL, null = default /bin/sh -c */
    char *author;                /* MAINTAINER (image level, not Config) */
};

void image_config_init(struct image_config *c);
void image_config_release(struct image_config *c);
void image_config_copy(struct image_config *dst, const struct image_config *src);

/* The value of env KEY (NULL if absent); env entries are "KEY=value". */
const char *image_config_getenv(const struct image_config *c, const char *key);
/* Replace KEY's entry in place or append it (BuildKit's addEnv). */
void image_config_setenv(struct image_config *c, const char *key,
                         const char *value);
void image_config_set_label(struct image_config *c, const char *key,
                            const char *value);
void image_config_set_str(char **field, const char *value);

/* The default PATH (Linux) that BuildKit and the daemon use. */
#define DEFAULT_PATH                                                        \
    "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/*
 * Append the image Config as `docker image inspect` prints it (Engine 29,
 * API 1.52: empty fields left out, Docker's field order), as JSON indented
 * by `indent` levels of 4 spaces (the first line not indented).
 */
void image_config_to_json(struct sb *out, const struct image_config *c,
                          int indent);

/* Append a JSON list of strings on one line: ["a", "b"] (null if unset). */
void strlist_to_json_inline(struct sb *out, const struct strlist *l);

#endif /* IMGCONFIG_H */
