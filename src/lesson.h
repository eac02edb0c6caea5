/*
 * lesson.h: docksim's lesson files (teaching.md §4.2-§4.4) and the
 * lessons/index that orders them into tracks.
 *
 * A lesson is one UTF-8 text file, lessons/<lang>/<id>.lesson:
 *
 *   lesson: cmd-vs-entrypoint          header: `key: value` lines
 *   format: 1
 *   ...
 *   [intro]    text                    [setup]   input lines
 *   [step ID]  keys: title text goal hint solution feedback explain
 *   [try NAME] keys: step input expect-feedback
 *   [finish]   text
 *
 * In a step or try, a key line starts at column 0 (`key:` or
 * `key: value`); the indented lines after it continue its value (a
 * block). Outside text, a line whose first non-blank character is '#' is
 * a comment, except in goal: and feedback: blocks, where it describes the
 * check that follows. Check lines:
 *
 *   state PATH OP [VALUE]
 *   run DOCKER-RUN-COMMAND => PATH OP [VALUE]
 *   last-run PATH OP [VALUE]
 *
 * with the paths and operators of statemodel.h. Feedback blocks hold
 * `when CHECK` / `say: TEXT` pairs (say text continues on lines indented
 * deeper than `say:`).
 *
 * Problems are data (struct lesson_diags): file, line, message, in git's
 * style ("unknown key 'hnt' (did you mean 'hint'?)"). Parsing goes on
 * after an error so a file's problems are all reported at once.
 *
 * Ownership: a parsed lesson or index owns everything in its arena;
 * release with lesson_release / lesson_index_release. Nothing prints.
 */
#ifndef LESSON_H
#define LESSON_H

#include "arena.h"
#include "common.h"
#include "statemodel.h"

struct sb;

/* ----- problems ----------------------------------------------------- */

struct lesson_diag {
    const char *file;
    int line;          /* 1-based; 0 when about the whole file */
    bool warning;      /* a warning does not fail `lessons check` */
    const char *msg;
};

struct lesson_diags {
    struct lesson_diag *v;
    size_t n, cap;
    struct arena arena;
};

void lesson_diags_init(struct lesson_diags *d);
void lesson_diags_release(struct lesson_diags *d);
void lesson_diag_add(struct lesson_diags *d, const char *file, int line,
                     bool warning, const char *fmt, ...) ATTR_PRINTF(5, 6);
size_t lesson_diags_errors(const struct lesson_diags *d);
/* Append each as "file:line: message" ("file:line: warning: message"). */
void lesson_diags_format(struct sb *out, const struct lesson_diags *d);

/* ----- lessons ------------------------------------------------------ */

/* One line of learner input ([setup], solution:, input:). */
struct lesson_input {
    const char *text;
    int line;
};

enum lesson_check_kind {
    LCHECK_STATE,    /* state PATH OP VALUE */
    LCHECK_RUN,      /* run COMMAND => PATH OP VALUE (a probe) */
    LCHECK_LAST_RUN, /* last-run PATH OP VALUE */
};

struct lesson_check {
    enum lesson_check_kind kind;
    const char *desc;          /* the '#' line above it (goal: always) */
    const char *text;          /* the check as written */
    const char *probe;         /* LCHECK_RUN: the docker run command */
    const struct sm_path *path;
    const char *param;         /* image.env.<NAME>: NAME, else NULL */
    enum sm_op op;
    struct sm_value want;      /* unused for exists / missing */
    int line;
};

struct lesson_rule {
    struct lesson_check when;
    const char *say;
    int line;
};

struct lesson_step {
    const char *id;
    int line;                  /* the [step ID] line */
    const char *title;
    const char *text;
    const char *explain;       /* NULL if none */
    struct lesson_check *goal;
    size_t n_goal;
    int goal_line;
    const char **hints;
    size_t n_hints;
    struct lesson_input *solution;
    size_t n_solution;
    int solution_line;
    struct lesson_rule *rules;
    size_t n_rules;
};

struct lesson_try {
    const char *name;
    int line;
    const char *step;          /* a step id */
    struct lesson_input *input;
    size_t n_input;
    int expect;                /* the 1-based rule that must fire; 0: none */
};

struct lesson {
    struct arena arena;
    const char *file;          /* as given to lesson_parse */
    /* header */
    const char *id;
    int id_line;
    int format;
    int version;
    const char *title;
    const char *summary;
    const char *level;         /* NULL if not given */
    int minutes;               /* 0 if not given */
    const char **requires;
    size_t n_requires;
    int requires_line;
    const char *image;         /* "app" unless given */
    const char **allow;        /* upper-case instructions, "docker-run"... */
    size_t n_allow;
    bool has_allow;            /* no allow: line: everything is allowed */
    /* sections */
    const char *intro;         /* NULL if none */
    const char *finish;
    struct lesson_input *setup;
    size_t n_setup;
    struct lesson_step *steps;
    size_t n_steps;
    struct lesson_try *tries;
    size_t n_tries;
};

/*
 * Parse text[0..len) (copied) as the lesson file `file` (the name used in
 * problems). Returns 0, or -1 if any error was added to d (the lesson is
 * then incomplete but may still be released).
 */
int lesson_parse(struct lesson *l, const char *file, const char *text,
                 size_t len, struct lesson_diags *d);
/* Read and parse the file at path (a read error is a problem too). */
int lesson_load(struct lesson *l, const char *path, struct lesson_diags *d);
void lesson_release(struct lesson *l);

/* Index of the step called id, or -1. */
long lesson_step_index(const struct lesson *l, const char *id);

/*
 * May the learner type line in this lesson (its allow: list)? continues
 * is true when the line continues an unfinished Dockerfile instruction
 * (always allowed), as are blank lines, comments and words that are
 * neither instructions nor docker commands (the session answers those).
 * If not, why gets one sentence ("`RUN` is not part of this lesson ...").
 */
bool lesson_allows(const struct lesson *l, const char *line, bool continues,
                   struct sb *why);

/* ----- the index ----------------------------------------------------- */

/*
 * lessons/index: the order of the lessons, per track.
 *
 *   # comment
 *   [track basics]
 *   title: Dockerfile basics
 *   dockerfile-basics
 *   cmd-vs-entrypoint
 */
struct lesson_track {
    const char *id;
    const char *title;         /* NULL if none */
    int line;
    const char **lessons;      /* lesson ids, in order */
    int *lesson_lines;
    size_t n;
};

struct lesson_index {
    struct arena arena;
    const char *file;
    struct lesson_track *tracks;
    size_t n_tracks;
};

int lesson_index_parse(struct lesson_index *ix, const char *file,
                       const char *text, size_t len, struct lesson_diags *d);
int lesson_index_load(struct lesson_index *ix, const char *path,
                      struct lesson_diags *d);
void lesson_index_release(struct lesson_index *ix);

/* ----- a directory of lessons ---------------------------------------- */

/* DIR/index and every lesson it lists, from DIR/<lang>/<id>.lesson. */
struct lesson_library {
    char *dir;
    char *lang;                /* "en" */
    struct lesson_index index;
    bool index_ok;             /* the index itself has no problems */
    struct lesson **lessons;   /* in index order; NULL where one failed */
    size_t n;
};

/*
 * Load the index and the lessons it lists (lang "en" if NULL). Problems
 * go to d; returns 0 if there were none. Release with
 * lesson_library_release whatever it returns.
 */
int lesson_library_load(struct lesson_library *lib, const char *dir,
                        const char *lang, struct lesson_diags *d);
void lesson_library_release(struct lesson_library *lib);
const struct lesson *lesson_library_find(const struct lesson_library *lib,
                                         const char *id);

/*
 * Where the lessons are when none is named (malloc'd; NULL if nowhere):
 * $DOCKSIM_LESSONS, else ./lessons if it has an index, else lessons/ next
 * to the program (EXE/../lessons, EXE/../share/docksim/lessons).
 * getenv_fn is getenv-like (NULL: no environment).
 */
char *lesson_default_dir(const char *(*getenv_fn)(const char *name));

#endif /* LESSON_H */
