/*
 * colon.h: the shell's own commands (`:help`, `:undo`, ...). THE table
 * colon_cmds[] drives dispatch, :help, completion and "did you mean";
 * so does settings[] for :set. Adding a command: one row plus one
 * function in colon.c, and a test in tests/unit/test_colon.c.
 *
 * Names resolve as tmux resolves its commands: an exact name or alias,
 * else a unique prefix (`:d` is :dockerfile); an ambiguous prefix lists
 * the candidates.
 */
#ifndef COLON_H
#define COLON_H

#include "common.h"

struct repl;
struct sb;

/* What a command's argument is, for completion. */
enum colon_arg {
    CARG_NONE,
    CARG_TOPIC,   /* a help topic */
    CARG_PATH,    /* a file on this machine */
    CARG_EXPLAIN, /* last, a line number, or a line */
    CARG_SETTING, /* a :set name, then its value */
    CARG_CTXFILE, /* a build-context file name */
    CARG_LESSON,  /* a lesson id */
    CARG_PROGRESS, /* a :progress word (export, reset), then a lesson id */
};

/* 0: done; 1: failed (counts for --bail and the exit status). */
typedef int colon_fn(struct repl *r, const char *args);

struct colon_cmd {
    const char *name;    /* without the ':' */
    const char *aliases; /* blank-separated exact aliases, or NULL */
    const char *usage;   /* its arguments: "[TOPIC]", or "" */
    enum colon_arg arg;
    const char *summary; /* one line for :help */
    const char *help;    /* a paragraph for :help :NAME, or NULL */
    colon_fn *fn;
};

extern const struct colon_cmd colon_cmds[];
extern const size_t colon_n_cmds;

/* :set NAME VALUE */
struct setting {
    const char *name;
    const char *values;  /* blank-separated choices */
    const char *summary;
    int (*get)(const struct repl *r);     /* index into values */
    void (*set)(struct repl *r, int value);
};

extern const struct setting colon_settings[];
extern const size_t colon_n_settings;

/* The command named exactly (name or alias, without ':'), or NULL. */
const struct colon_cmd *colon_find_exact(const char *word, size_t len);

/*
 * Resolve word (without ':'): exact name or alias, else a unique prefix.
 * NULL if none or ambiguous; then *why gets one sentence (unknown with
 * "did you mean", or the ambiguous candidates).
 */
const struct colon_cmd *colon_find(const char *word, size_t len,
                                   struct sb *why);

/* Run a `:` line (line starts with ':'). Returns 0, or 1 if it failed. */
int colon_run(struct repl *r, const char *line);

#endif /* COLON_H */
