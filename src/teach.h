/*
 * teach.h: docksim's own teaching warnings. These are NOT BuildKit's
 * build checks (lint.h): real Docker prints none of them. Each points out
 * a mistake whose effect only shows when a container starts, names the
 * lesson that explains it, and is raised only when the Dockerfile (and
 * the context files, when known) make the outcome certain: few and
 * correct rather than many and noisy.
 *
 *   struct teach_opts o = { 0 };      // o.ctx: the build context files
 *   struct teach_list tl;
 *   teach_check(text, len, &o, &tl);
 *   for (i < tl.n) tl.items[i].rule, .line, .text
 *   teach_list_release(&tl);
 *
 * Results are data (rule, line, text) so that the shell can show each
 * one right after the line that triggers it and --json can carry them.
 * They look at the target stage (the last one, or o->target) and the
 * stages it is built FROM.
 */
#ifndef TEACH_H
#define TEACH_H

#include "common.h"

struct build_context;

/* ORDER TEACH: matches teach_rules[] row for row. */
enum teach_rule_id {
    TEACH_SHELL_ENTRYPOINT_DROPS_CMD,
    TEACH_CMD_REPEATS_ENTRYPOINT,
    TEACH_SCRIPT_NOT_EXECUTABLE,
    TEACH_SCRIPT_DOES_NOT_EXEC,
    TEACH_PROGRAM_NOT_IN_IMAGE,
    TEACH_COUNT,
};

struct teach_rule {
    const char *id;          /* stable: "docksim/cmd-repeats-entrypoint" */
    const char *title;       /* one line */
    const char *explanation; /* one paragraph */
    const char *lesson;      /* the lesson it points to: "cmd-vs-entrypoint" */
};

extern const struct teach_rule teach_rules[TEACH_COUNT];

/* The rule with this id ("docksim/..." or without the prefix), or
 * TEACH_COUNT. */
enum teach_rule_id teach_find(const char *id);

struct teach_warning {
    enum teach_rule_id rule;
    int line;   /* the Dockerfile line that completes the mistake */
    char *text; /* what happens here, with this Dockerfile's values */
};

struct teach_list {
    struct teach_warning *items; /* sorted by line */
    size_t n;
};

void teach_list_init(struct teach_list *l);
void teach_list_release(struct teach_list *l);

struct teach_opts {
    bool off;                         /* switched off (`:set warnings off`) */
    const struct build_context *ctx;  /* context files, or NULL */
    const char *target;               /* the stage to look at (NULL: last) */
};

/*
 * Look at text[0..len) and fill out (initialised here; release it).
 * A Dockerfile that does not parse has nothing to teach here (BuildKit's
 * own errors say it). Returns out->n.
 */
size_t teach_check(const char *text, size_t len, const struct teach_opts *o,
                   struct teach_list *out);

#endif /* TEACH_H */
