/*
 * progress.h: the learner's lesson progress (teaching.md §4.7), a plain
 * text file that is safe to read, edit and copy between machines:
 *
 *   # docksim progress, format 1. Safe to copy between machines.
 *   current cmd-vs-entrypoint keep-program-change-greeting
 *   done cmd-vs-entrypoint@1 default-greeting hints=1
 *   done cmd-vs-entrypoint@1 keep-program-change-greeting hints=2 solution-shown
 *
 * `current LESSON [STEP]` is where the learner is (no STEP: the lesson is
 * finished); each `done LESSON@VERSION STEP` line records a solved step,
 * how many hints were revealed and whether the solution was shown. A step
 * done under an older lesson version counts as "updated - redo?", never
 * silently done or lost.
 *
 * Where it lives: --progress PATH (the shell's option), else
 * $XDG_STATE_HOME/docksim/progress, else ~/.local/state/docksim/progress.
 *
 * Ownership: a struct progress owns its strings (malloc). Nothing prints.
 */
#ifndef PROGRESS_H
#define PROGRESS_H

#include "common.h"

struct sb;

struct progress_done {
    char *lesson;
    int version;
    char *step;
    int hints;             /* hints revealed before it was solved */
    bool solution_shown;
};

struct progress {
    char *cur_lesson;      /* NULL: none */
    char *cur_step;        /* NULL: none (or the lesson is finished) */
    struct progress_done *done;
    size_t n_done;
};

void progress_init(struct progress *p);
void progress_release(struct progress *p);

/*
 * Parse the file's text (replacing p's content). Lines it cannot read
 * are skipped and reported in err as "line N: message\n" (err may be
 * NULL); returns 0, or -1 if any line was skipped.
 */
int progress_parse(struct progress *p, const char *text, size_t len,
                   struct sb *err);
/* The file's text: the header comment, current, then the done lines. */
void progress_format(const struct progress *p, struct sb *out);

/*
 * Read path into p. A missing file is an empty progress (returns 0).
 * Returns -1 with a message in err when the file cannot be read or has
 * lines progress_parse skipped (p then holds what could be read).
 */
int progress_load(struct progress *p, const char *path, struct sb *err);
/*
 * Write p to path, creating missing parent directories; the file is
 * written to PATH.tmp and renamed, so a crash never leaves half a file.
 * Returns 0, or -1 with a message in err.
 */
int progress_save(const struct progress *p, const char *path, struct sb *err);

/*
 * The default path (malloc'd), from getenv_fn (getenv-like):
 * $XDG_STATE_HOME/docksim/progress when XDG_STATE_HOME is an absolute
 * path, else $HOME/.local/state/docksim/progress; NULL if HOME is unset.
 */
char *progress_default_path(const char *(*getenv_fn)(const char *name));

/* Set where the learner is (step NULL: the lesson is finished). */
void progress_set_current(struct progress *p, const char *lesson,
                          const char *step);
/* Record a solved step, replacing an earlier record of the same step. */
void progress_mark_done(struct progress *p, const char *lesson, int version,
                        const char *step, int hints, bool solution_shown);
/* The record of a step (any version), or NULL. */
const struct progress_done *progress_find(const struct progress *p,
                                          const char *lesson,
                                          const char *step);

enum progress_state {
    PROGRESS_TODO,     /* never solved */
    PROGRESS_DONE,     /* solved under this version */
    PROGRESS_STALE,    /* solved under another version: "updated - redo?" */
};

enum progress_state progress_step_state(const struct progress *p,
                                        const char *lesson, int version,
                                        const char *step);
/*
 * A whole lesson: DONE if every step in steps[0..n) is done under this
 * version, STALE if any step was done under another version and none
 * under this one, else TODO.
 */
enum progress_state progress_lesson_state(const struct progress *p,
                                          const char *lesson, int version,
                                          const char *const *steps, size_t n);

/* Forget a lesson's records (lesson NULL: everything). */
void progress_reset(struct progress *p, const char *lesson);

#endif /* PROGRESS_H */
