/*
 * line_input.h: the line editor (GNU readline) behind a struct
 * line_source. line_input.c is the only file that includes readline; it
 * is linked into the program only (tests use line_source_file). Nothing
 * here depends on readline's headers.
 *
 * What it adds to plain readline:
 * - rl_readline_name "docksim" (for ~/.inputrc);
 * - completion through a callback (complete.h does the work);
 * - history from a struct histfile (prepared by the caller, read once
 *   the first prompt is on the screen; each entered line appended at
 *   once, duplicates moved to the end);
 * - Ctrl-C cancels the line being typed (LINE_INTERRUPT), Ctrl-D on an
 *   empty line is LINE_EOF, bracketed paste keeps a paste together;
 * - single keys with a timeout for demo mode (raw mode only meanwhile).
 */
#ifndef LINE_INPUT_H
#define LINE_INPUT_H

#include <stdio.h>

#include "common.h"

struct histfile;
struct line_source;
struct strlist;

/* complete.h's complete_line, with its context. */
typedef size_t line_complete_fn(void *ctx, const char *line, size_t end,
                                size_t *start, struct strlist *out);

struct line_editor_opts {
    FILE *in, *out;
    FILE *err;                /* where a history write failure is said */
    struct histfile *hist;    /* prepared (histfile_prepare), not read;
                                 NULL: no history */
    line_complete_fn *complete;
    void *complete_ctx;
};

/* Open the editor on o->in (a terminal). Only one at a time. */
struct line_source *line_input_open(const struct line_editor_opts *o);

#endif /* LINE_INPUT_H */
