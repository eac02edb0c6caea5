#include "explain.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void explain_init(struct explain_list *l)
{
    l->items = NULL;
    l->n = l->cap = 0;
    arena_init(&l->arena);
}

void explain_release(struct explain_list *l)
{
    free(l->items);
    arena_release(&l->arena);
    explain_init(l);
}

void explain_add(struct explain_list *l, const char *id, int line,
                 const char *fmt, ...)
{
    va_list ap;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->items = xreallocarray(l->items, l->cap, sizeof(*l->items));
    }
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *t = arena_alloc(&l->arena, n > 0 ? (size_t)n + 1 : 1);
    t[0] = '\0';
    if (n > 0) {
        va_start(ap, fmt);
        vsnprintf(t, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    struct explain_item *it = &l->items[l->n++];
    it->id = arena_strdup(&l->arena, id);
    it->line = line;
    it->text = t;
}

bool explain_has(const struct explain_list *l, const char *id)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].id, id) == 0)
            return true;
    return false;
}
