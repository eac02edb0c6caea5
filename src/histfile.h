/*
 * histfile.h: the interactive shell's history file, kept apart from
 * readline so it can be tested without a terminal.
 *
 * Format: plain text, one input line per line, oldest first. Each line is
 * appended to the file the moment it is entered (open, append, close), so
 * a crash loses nothing. Duplicates are dropped in memory at once (the
 * latest occurrence wins, like bash's erasedups); the file itself is
 * compacted (re-read, de-duplicated, cut to `max` lines) by
 * histfile_compact, which writes a temporary file and renames it over
 * the old one, so the file is never half-written.
 *
 * When the file cannot be read or written the history still works for
 * the session (in memory) and the caller gets one message to show.
 * Nothing here prints.
 */
#ifndef HISTFILE_H
#define HISTFILE_H

#include "common.h"
#include "imgconfig.h" /* struct strlist */

struct histfile {
    char *path;           /* NULL: history is not saved */
    struct strlist lines; /* oldest first, no duplicates */
    size_t max;           /* lines kept (file and memory) */
    bool broken;          /* the file failed once: memory only from now */
    bool dirty;           /* the file holds duplicates or too many lines */
};

/* Environment lookup (getenv in the program, a table in tests). */
typedef const char *histfile_env_fn(void *ctx, const char *name);

/*
 * Where the history lives: $DOCKSIM_HISTFILE if set and not empty, else
 * $XDG_STATE_HOME/docksim/history (an absolute XDG_STATE_HOME only, as
 * the XDG spec says), else $HOME/.local/state/docksim/history. NULL if
 * none applies. *is_default is set true for the last two (their
 * directories may be created). Caller frees.
 */
char *histfile_default_path(histfile_env_fn *env, void *ctx, bool *is_default);

/* path may be NULL (memory only). max 0 means 1000. */
void histfile_init(struct histfile *h, const char *path, size_t max);
void histfile_release(struct histfile *h);

/*
 * The cheap part, for start-up: create the file's directory when
 * make_dirs, and check that the file can be appended to (creating it).
 * Returns 0, or -1 with *err (malloc'd, one sentence naming the path):
 * nothing will be written then (the history is memory only), but
 * histfile_read still reads what is there.
 */
int histfile_prepare(struct histfile *h, bool make_dirs, char **err);

/*
 * Read the file's lines (a missing file is an empty history): the
 * earlier copy of a line dropped, the last max kept. The interactive
 * shell calls it once its prompt is on the screen. Returns 0, or -1 with
 * *err; a file that cannot be read is never written either.
 */
int histfile_read(struct histfile *h, char **err);

/* histfile_prepare, then histfile_read (the first error is returned). */
int histfile_load(struct histfile *h, bool make_dirs, char **err);

/*
 * Remember one line (blank lines and lines holding a newline are
 * ignored: returns 0). An earlier copy is moved to the end. The line is
 * appended to the file at once. Returns -1 with *err the first time
 * writing fails (later failures are silent: the file is given up).
 */
int histfile_add(struct histfile *h, const char *line, char **err);

/*
 * Rewrite the file de-duplicated and cut to max lines: re-read it (lines
 * another docksim appended meanwhile are kept), merge, write PATH.tmp.PID
 * and rename it over PATH. Does nothing when nothing needs compacting.
 * Returns 0, or -1 with *err.
 */
int histfile_compact(struct histfile *h, char **err);

#endif /* HISTFILE_H */
