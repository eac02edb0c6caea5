#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define ARENA_BLOCK_MIN (64 * 1024 - 64)
/* 8 is enough for every struct docksim allocates (no long double) and
 * keeps small nodes packed. */
#define ARENA_ALIGN 8

struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(struct arena *a)
{
    a->head = NULL;
    a->total = 0;
}

void arena_release(struct arena *a)
{
    struct arena_block *b = a->head;
    while (b) {
        struct arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena_init(a);
}

void *arena_alloc(struct arena *a, size_t size)
{
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    struct arena_block *b = a->head;
    if (need < size)
        need = SIZE_MAX; /* overflow: xmalloc below reports it */
    if (!b || b->cap - b->used < need) {
        size_t cap = need > ARENA_BLOCK_MIN ? need : ARENA_BLOCK_MIN;
        if (cap > SIZE_MAX - sizeof(*b))
            cap = SIZE_MAX - sizeof(*b);
        b = xmalloc(sizeof(*b) + cap);
        b->cap = cap;
        b->used = 0;
        /* A big one-off block goes behind the head so the head keeps
         * serving small allocations. */
        if (a->head && need > ARENA_BLOCK_MIN) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = b->data + b->used;
    b->used += need;
    a->total += need;
    return p;
}

void *arena_calloc(struct arena *a, size_t nmemb, size_t size)
{
    if (size && nmemb > SIZE_MAX / size)
        return xmalloc(SIZE_MAX); /* aborts with a message */
    void *p = arena_alloc(a, nmemb * size);
    memset(p, 0, nmemb * size);
    return p;
}

char *arena_memdup0(struct arena *a, const void *p, size_t len)
{
    char *r = arena_alloc(a, len + 1);
    if (len)
        memcpy(r, p, len);
    r[len] = '\0';
    return r;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_memdup0(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return arena_strdup(a, "");
    char *r = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(r, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return r;
}
