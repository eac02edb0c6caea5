/*
 * store.h: the session's simulated image store (and, with run.h, its
 * containers). Images come from the catalogue (as if already pulled) or
 * from `docker build`. Ids are SHA-256 digests of their content, so the
 * same session always produces the same ids.
 */
#ifndef STORE_H
#define STORE_H

#include <stdint.h>

#include "common.h"
#include "imgconfig.h"
#include "vfs.h"

struct sb;
struct catalog_image;

/* One `docker history` row. */
struct history_item {
    char *created_by;  /* "RUN /bin/sh -c echo hi # buildkit" */
    char *comment;     /* "buildkit.dockerfile.v0" or "" */
    bool empty_layer;  /* metadata only (CMD, ENV, ...) */
    long created;      /* simulated clock (seconds) */
    uint64_t size;     /* bytes added by this layer */
    int line;          /* Dockerfile line (0 for base-image rows) */
};

struct image {
    char *id;                       /* "sha256:<64 hex>" */
    struct strlist tags;            /* "repo:tag" (familiar form) */
    struct image_config cfg;
    struct vfs fs;                  /* this image's top layer */
    struct image *base;             /* built FROM this image (NULL: none) */
    const struct catalog_image *cat; /* catalogue row at the bottom, or NULL */
    struct history_item *hist;      /* oldest first */
    size_t n_hist;
    long created;
    uint64_t size;                  /* total, for `docker images` */
    unsigned children;              /* images built on this one */
    bool pulled;                    /* came from the catalogue */
    bool hidden;                    /* an intermediate build stage kept
                                       because a listed image builds on it */
};

struct container;

struct store {
    struct image **images;          /* in creation order */
    size_t n_images;
    struct container **containers;
    size_t n_containers;
    long clock;                     /* simulated seconds since the epoch */
    unsigned long serial;           /* for deterministic ids */
};

void store_init(struct store *s);
void store_release(struct store *s);

/* ----- references (distribution/reference) ------------------------- */

struct image_ref {
    char *repo;        /* familiar: "alpine", "myorg/app", "ghcr.io/x/y" */
    char *tag;         /* "latest" when not given */
    char *digest;      /* "sha256:..." or NULL */
};

/*
 * Parse and normalise a reference as the docker CLI does. Returns 0, or
 * -1 with *err set to the CLI's text ("invalid reference format",
 * "invalid reference format: repository name (library/BB) must be
 * lowercase"), malloc'd. Free r with image_ref_release.
 */
int image_ref_parse(const char *s, struct image_ref *r, char **err);
void image_ref_release(struct image_ref *r);
/* "repo:tag" */
void image_ref_familiar(struct sb *out, const struct image_ref *r);

/* ----- images ------------------------------------------------------ */

/*
 * The image a reference names: a tag in the store, a (prefix of an) image
 * id, or a catalogue image, which is then added to the store as if pulled
 * (*pulled set true). NULL if none (the caller words the error).
 */
struct image *store_image(struct store *s, const char *ref, bool *pulled);
/* Only what is already in the store (no catalogue). */
struct image *store_find_image(struct store *s, const char *ref);

/* A new, empty image (not yet in the store): fs layered over base's. */
struct image *image_new(struct image *base);
/* Compute the id from the content and add to the store; returns img. */
struct image *store_add_image(struct store *s, struct image *img);
/* Point tag ("repo:tag") at img, taking it from any other image. */
void store_tag(struct store *s, struct image *img, const char *tag);
/* Remove tag; the image itself goes when untagged and unused. */
int store_untag(struct store *s, const char *tag);
void image_free(struct image *img);

/* "2026-11-28T19:39:11Z" for the simulated clock value t. */
void store_format_time(struct sb *out, long t);
/* Advance the simulated clock by seconds; returns the new time. */
long store_tick(struct store *s, long seconds);

#endif /* STORE_H */
