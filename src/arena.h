/*
 * arena.h: a bump allocator. A parse owns one arena; every node and string
 * made while parsing comes from it and arena_release() frees them all at
 * once. Memory from an arena is never freed individually.
 *
 * Ownership rules (see c-style.md 3.5): a function that takes a
 * `struct arena *` allocates its results there; the caller owns the arena.
 */
#ifndef ARENA_H
#define ARENA_H

#include "common.h"

struct arena_block;

struct arena {
    struct arena_block *head; /* current block (newest first) */
    size_t total;             /* bytes handed out, for benchmarks */
};

#define ARENA_INIT { NULL, 0 }

void arena_init(struct arena *a);
/* Free every block; the arena is empty and reusable afterwards. */
void arena_release(struct arena *a);

/* size bytes, 8-byte aligned (enough for every docksim struct; not for
 * long double), uninitialised. Never NULL. */
void *arena_alloc(struct arena *a, size_t size);
/* nmemb * size zeroed bytes (overflow-checked). */
void *arena_calloc(struct arena *a, size_t nmemb, size_t size);
/* Copies with a terminating NUL. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_memdup0(struct arena *a, const void *p, size_t len);
char *arena_printf(struct arena *a, const char *fmt, ...) ATTR_PRINTF(2, 3);

#endif /* ARENA_H */
