#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void diag_list_init(struct diag_list *dl)
{
    dl->items = NULL;
    dl->n = dl->cap = 0;
    arena_init(&dl->arena);
}

void diag_list_release(struct diag_list *dl)
{
    free(dl->items);
    arena_release(&dl->arena);
    diag_list_init(dl);
}

struct diag *diag_add(struct diag_list *dl, enum diag_level level,
                      enum diag_kind kind, const char *rule, int start_line,
                      int end_line, const char *msg)
{
    return diag_addn(dl, level, kind, rule, start_line, end_line, msg,
                     strlen(msg));
}

struct diag *diag_addn(struct diag_list *dl, enum diag_level level,
                       enum diag_kind kind, const char *rule, int start_line,
                       int end_line, const char *msg, size_t len)
{
    if (dl->n == dl->cap) {
        dl->cap = dl->cap ? dl->cap * 2 : 8;
        dl->items = xreallocarray(dl->items, dl->cap, sizeof(*dl->items));
    }
    struct diag *d = &dl->items[dl->n++];
    d->level = level;
    d->kind = kind;
    d->rule = rule ? arena_strdup(&dl->arena, rule) : NULL;
    d->start_line = start_line;
    d->end_line = end_line;
    d->msg = arena_memdup0(&dl->arena, msg, len);
    d->msg_len = len;
    return d;
}

struct diag *diag_addf(struct diag_list *dl, enum diag_level level,
                       enum diag_kind kind, const char *rule, int start_line,
                       int end_line, const char *fmt, ...)
{
    va_list ap;
    char small[256];
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0)
        return diag_add(dl, level, kind, rule, start_line, end_line, "");
    if ((size_t)n < sizeof(small))
        return diag_add(dl, level, kind, rule, start_line, end_line, small);
    char *big = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    struct diag *d = diag_add(dl, level, kind, rule, start_line, end_line, big);
    free(big);
    return d;
}

size_t diag_count(const struct diag_list *dl, enum diag_level level)
{
    size_t c = 0;
    for (size_t i = 0; i < dl->n; i++)
        c += dl->items[i].level == level;
    return c;
}

const struct diag *diag_first_error(const struct diag_list *dl)
{
    for (size_t i = 0; i < dl->n; i++)
        if (dl->items[i].level == DIAG_ERROR)
            return &dl->items[i];
    return NULL;
}
