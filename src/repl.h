/*
 * repl.h: docksim's shell, independent of any line editor. One struct
 * repl holds a session plus everything the shell adds around it: output
 * style, `:` command state (undo log, pending question, :file capture),
 * the open-instruction tracker behind the continuation prompts, and the
 * lesson being done (repl_lesson.h).
 *
 * Lines come from a struct line_source (readline in the program, see
 * line_input.h; a FILE in scripts and tests). Output goes only to the two
 * FILEs the repl is given. The same code serves the terminal and scripts:
 * only the decoration differs (colour, the banner, echoing the prompt).
 *
 *   struct repl r;
 *   repl_init(&r, &opts, stdout, stderr);
 *   while (repl_feed(&r, line)) ...      // or repl_run(&r, source)
 *   int status = repl_status(&r);
 *   repl_release(&r);
 */
#ifndef REPL_H
#define REPL_H

#include <stdio.h>

#include "common.h"
#include "imgconfig.h" /* struct strlist */
#include "sb.h"
#include "session.h"

/* ----- where lines come from ----------------------------------------- */

enum line_status {
    LINE_OK,        /* *line is set (malloc'd, no trailing newline; a
                       paste may hold several lines separated by '\n') */
    LINE_EOF,       /* end of input (Ctrl-D on an empty line) */
    LINE_INTERRUPT, /* Ctrl-C: the line being typed is thrown away */
};

/* Keys for demo mode (and single-key questions). */
enum {
    KEY_NONE = -1,  /* nothing pressed before the timeout */
    KEY_EOF = -2,   /* input closed */
    KEY_LEFT = 0x101,
    KEY_RIGHT = 0x102,
    KEY_UP = 0x103,
    KEY_DOWN = 0x104,
};

struct line_source {
    enum line_status (*read)(struct line_source *src, const char *prompt,
                             char **line);
    /* Remember a line for the next session (history); may be NULL. */
    void (*remember)(struct line_source *src, const char *line);
    /* One key press within timeout_ms (-1: wait), or KEY_NONE/KEY_EOF;
     * may be NULL (no single keys: demo mode needs a terminal). */
    int (*key)(struct line_source *src, int timeout_ms);
    void (*close)(struct line_source *src);
};

/* A line source reading lines from a FILE (scripts, tests, no tty). */
struct line_source *line_source_file(FILE *in, FILE *echo_prompt_to);

/* ----- options ------------------------------------------------------- */

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct repl_opts {
    bool interactive; /* a person at a terminal: banner, questions */
    bool echo;        /* print prompt + line before handling it */
    bool quiet;       /* only what Docker's terminal shows: no commentary */
    bool bail;        /* stop at the first line that fails */
    bool json;        /* docker results as JSON lines (batch --json) */
    bool color;       /* ANSI colour (decided by repl_want_color) */
    bool ascii;       /* ASCII only, words instead of symbols (--plain,
                         or a locale that is not UTF-8) */
    const char *context_dir; /* docker build . reads this, or NULL */
    session_env_fn *host_env; /* $VAR in typed lines (NULL: none set) */
    void *host_ctx;
    const char *hist_path;   /* shown by :history, or NULL */
    const char *lessons_dir; /* the lessons (:lessons), or NULL: none */
    const char *progress_path; /* the progress file, or NULL: progress is
                                  kept for this session only */
};

/*
 * Decide colour: never with --plain; `always`/`never` as asked; `auto`
 * only if the output is a terminal, NO_COLOR is unset or empty and TERM
 * is set and not "dumb". env is getenv-like.
 */
bool repl_want_color(enum color_mode mode, bool plain, bool out_is_tty,
                     const char *(*env)(const char *name));

/* ----- the shell ----------------------------------------------------- */

/* A state-changing input, kept for :undo/:redo (replayed from the top). */
enum step_kind {
    STEP_LINES,   /* lines handled by session_line (one instruction, or a
                     docker command) */
    STEP_FILE,    /* :file NAME: a build-context file */
    STEP_LOAD,    /* :load FILE: the Dockerfile replaced by text */
    STEP_NEW,     /* :new: an empty Dockerfile */
    STEP_RESET,   /* :reset: everything back to the start, or (keep > 0,
                     in a lesson) to the state after the first keep steps
                     of the log */
    STEP_LESSON,  /* :lesson NAME: a fresh session in the start state of
                     step keep of lesson NAME ([setup] and the solutions
                     of the steps before it) */
};

struct step {
    enum step_kind kind;
    char *text;   /* the lines (joined by '\n'), file content, or
                     Dockerfile text */
    char *name;   /* STEP_FILE/STEP_LOAD: the file name */
    unsigned mode; /* STEP_FILE: permission bits */
    size_t keep;  /* STEP_RESET: log steps kept; STEP_LESSON: the step */
};

struct step_log {
    struct step *v;
    size_t n, cap;
};

enum pending_kind {
    PENDING_NONE,
    PENDING_CONFIRM, /* a yes/no question (:reset, :save over a file) */
    PENDING_FILE,    /* :file NAME: collecting lines until EOF */
};

/* What the shell is waiting for, which decides the prompt. */
enum open_kind {
    OPEN_NONE,
    OPEN_CONTINUATION, /* the last line ended with the escape character */
    OPEN_JSON,         /* ... and an exec-form [ is not closed yet */
    OPEN_HEREDOC,      /* a heredoc body, waiting for its delimiter */
};

struct repl;
struct repl_lessons;
typedef int repl_confirm_fn(struct repl *r, bool yes);

/* Output styles (colour only when enabled). */
enum style {
    STYLE_NOTE,      /* docksim's commentary */
    STYLE_WARN,      /* a warning */
    STYLE_ERROR,     /* an error */
    STYLE_NARRATE,   /* demo narration */
    STYLE_TITLE,     /* headings in :help, :state */
    STYLE_OK,        /* a goal's check that passes (next to its [x]) */
};

struct repl {
    struct session s;
    struct repl_opts o;
    FILE *out, *err;

    /* settings (:set) */
    bool explain_full;    /* "why:" lists after docker commands */
    bool notes_on;        /* one line of feedback per Dockerfile line */
    bool teaching_off;    /* :set warnings off (copied into each session) */

    /* :undo / :redo */
    struct step_log log;  /* applied, oldest first */
    struct step_log redo; /* undone, most recent last */
    size_t n_base;        /* log entries that :undo never removes (-f) */

    /* the Dockerfile instruction being typed (continuation, heredoc) */
    struct sb open_lines; /* its physical lines so far, each + '\n' */
    size_t open_df_len;   /* Dockerfile length before it started */
    int open_df_lines;
    enum open_kind open;
    char *heredoc_name;   /* OPEN_HEREDOC: the delimiter waited for */

    /* questions and :file */
    enum pending_kind pending;
    char *question;       /* PENDING_CONFIRM: the prompt */
    repl_confirm_fn *on_answer;
    char *pending_arg;    /* the file name (:save, :file) */
    char *pending_text;   /* :save: the text to write */
    unsigned pending_mode; /* :file: permission bits */
    struct sb file_body;  /* PENDING_FILE: the lines so far */

    /* for :explain last and :history */
    char *last_line;
    struct explain_list last_explain;
    struct sb last_notes;
    struct strlist inputs; /* every line handled, for :history */

    struct sb prompt;     /* the current prompt text */
    size_t lineno;        /* lines handled so far */
    bool quit;            /* :quit, or --bail after a failure */
    bool failed;          /* some line failed (exit status 1) */
    bool in_demo;         /* a demo is playing (:pause/:demo mean something) */
    bool demo_resume;     /* :demo was typed while taking over */

    /* lessons (repl_lesson.h): NULL until a lesson command needs them */
    struct repl_lessons *lessons;
    unsigned long changes; /* state-changing inputs so far (a docker run
                              counts even when it fails: the last run is
                              something a lesson checks) */
    unsigned long checked; /* changes when the lesson was last checked */
};

void repl_init(struct repl *r, const struct repl_opts *o, FILE *out,
               FILE *err);
void repl_release(struct repl *r);

/* The banner of the interactive shell (how to get help, lessons). */
void repl_banner(struct repl *r);

/* The prompt for the next line ("docksim> ", a continuation prompt, a
 * question). Valid until the next repl call. */
const char *repl_prompt(struct repl *r);

/*
 * Handle input as if typed: text may hold several lines (a paste); each
 * is handled in turn (pasted prompts and bracketed-paste codes removed).
 * Returns false when the shell should stop (:quit, --bail after a
 * failure).
 */
bool repl_feed(struct repl *r, const char *text);

/*
 * Ctrl-C: cancel what is being typed: an unfinished Dockerfile
 * instruction is taken out of the Dockerfile again, a question is
 * answered "no", a :file capture is dropped. Prints one line saying so.
 */
void repl_interrupt(struct repl *r);

/*
 * Read lines from src until EOF or :quit, feeding each (and remembering
 * it in src's history). Ctrl-C calls repl_interrupt. Does not print the
 * banner.
 */
void repl_run(struct repl *r, struct line_source *src);

/* 0 if every line succeeded, 1 otherwise (batch exit status). */
int repl_status(const struct repl *r);

/* ----- used by the : commands (colon.c) and demo mode ---------------- */

/* Style on/off around text (nothing without colour). */
const char *repl_style_on(const struct repl *r, enum style st);
const char *repl_style_off(const struct repl *r);
/* A symbol, or its ASCII word in plain mode: "warn", "ok", "arrow",
 * "bullet", "ellipsis", "running", "stopped". */
const char *repl_sym(const struct repl *r, const char *name);

/* Print text as commentary (each line "| ", in the note style). */
void repl_note(struct repl *r, const char *text);
/* printf to out / err. */
void repl_printf(struct repl *r, const char *fmt, ...) ATTR_PRINTF(2, 3);
void repl_errorf(struct repl *r, const char *fmt, ...) ATTR_PRINTF(2, 3);

/* Ask a yes/no question; fn runs with the answer (the next line). In a
 * non-interactive run there is nobody to ask: fn runs with `yes`. */
void repl_ask(struct repl *r, const char *question, repl_confirm_fn *fn);

/* :file NAME: the next lines, up to a line EOF, are the file. */
void repl_start_file(struct repl *r, const char *name, unsigned mode);

/* Record a state-changing step (clears the redo list). */
void repl_log_step(struct repl *r, enum step_kind kind, const char *text,
                   const char *name);
/* Apply one step to the session (no output). */
void repl_apply_step(struct repl *r, const struct step *st);
/*
 * Lessons: log a STEP_RESET that keeps the first keep steps (label is
 * what :undo calls it, e.g. ":prev") and rebuild the session; or throw
 * the whole log away (no undo, no redo) for a STEP_LESSON entry that
 * :undo never removes, and rebuild.
 */
void repl_log_rewind(struct repl *r, size_t keep, const char *label);
void repl_log_restart(struct repl *r, const char *lesson, size_t step);
/* Drop the log's steps from n on (no redo) and rebuild the session. */
void repl_truncate_log(struct repl *r, size_t n);
/* Rebuild the session from the log (after :undo). */
void repl_replay(struct repl *r);
/* A copy of the session's state in *s (replayed from the log), for
 * trying a line without changing anything (:explain). */
void repl_clone_session(struct repl *r, struct session *s);

/* Handle one line through the session and show the result (no prompt
 * stripping, no : commands). Returns the line's exit code. */
int repl_session_line(struct repl *r, const char *line);

#endif /* REPL_H */
