/*
 * explain.h: explanations as data. The core (build, run) records each
 * decision as an item with a stable id (lessons and --json check these),
 * the Dockerfile line it comes from (0 if none) and one or two plain
 * sentences; front-ends render them.
 *
 * Ids are dotted, area first: "build.entrypoint-resets-inherited-cmd",
 * "run.args-replace-cmd", "parse.invalid-json-is-shell-form".
 */
#ifndef EXPLAIN_H
#define EXPLAIN_H

#include "arena.h"
#include "common.h"

struct explain_item {
    const char *id;
    int line;         /* Dockerfile line, 0 when not from a line */
    const char *text;
};

struct explain_list {
    struct explain_item *items;
    size_t n, cap;
    struct arena arena;
};

void explain_init(struct explain_list *l);
void explain_release(struct explain_list *l);
void explain_add(struct explain_list *l, const char *id, int line,
                 const char *fmt, ...) ATTR_PRINTF(4, 5);
/* True if an item with this id was recorded. */
bool explain_has(const struct explain_list *l, const char *id);

#endif /* EXPLAIN_H */
