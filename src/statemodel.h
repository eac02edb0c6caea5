/*
 * statemodel.h: the lesson state model (teaching.md §4.3): named paths
 * such as image.cmd, image.entrypoint.form or argv whose values lessons
 * check and `:state` prints. One table (sm_paths[]) holds every path with
 * its type, description and getter; check validation, the `:state`
 * printer and the path help all read it.
 *
 * Values come from a snapshot of a session (struct sm_snapshot): the
 * learner's session is replayed into a scratch session (session_clone),
 * whose current Dockerfile is then built as the lesson's image exactly as
 * `docker build -q -t IMAGE .` would. So image.* paths always describe
 * the Dockerfile as it is now, whether or not the learner has rebuilt.
 * Run paths come from a `docker run`: the learner's last real one
 * (last-run, found while replaying), or a probe simulated on a further
 * copy of the scratch session (sm_snapshot_probe). The learner's session
 * is never changed.
 *
 * Ownership: a snapshot owns everything it computes; values returned by
 * sm_get point into the snapshot (or its probes) and live until
 * sm_snapshot_release. Nothing here prints.
 */
#ifndef STATEMODEL_H
#define STATEMODEL_H

#include "common.h"
#include "imgconfig.h"
#include "session.h"

struct arena;
struct sb;
struct image;

/* ----- values ------------------------------------------------------- */

enum sm_type {
    SM_STRING,
    SM_LIST,   /* a list of strings, written as a JSON list */
    SM_BOOL,   /* true / false */
    SM_INT,
};

struct sm_value {
    bool present;              /* false: the path has no value (missing) */
    enum sm_type type;
    const char *s;             /* SM_STRING */
    const char *const *v;      /* SM_LIST: n strings */
    size_t n;
    bool b;                    /* SM_BOOL */
    long i;                    /* SM_INT */
};

/* ORDER SM_OP: matches the operator names in statemodel.c. */
enum sm_op {
    SM_EQ,      /* =  */
    SM_NE,      /* != */
    SM_HAS,     /* has: a list holds the element / a string the text */
    SM_GLOB,    /* ~: glob (fnmatch) on a string, or on any list element */
    SM_EXISTS,  /* the path has a value */
    SM_MISSING, /* the path has no value */
};

/* The operator spelled word[0..len); 0, or -1 if there is none. */
int sm_op_parse(const char *word, size_t len, enum sm_op *op);
const char *sm_op_name(enum sm_op op);
/* True if the operator takes a value (all but exists and missing). */
bool sm_op_has_value(enum sm_op op);
/* NULL if op applies to values of type t, else why not (static text). */
const char *sm_op_check(enum sm_op op, enum sm_type t);

/*
 * Parse the value written after an operator (text trimmed by the caller)
 * for a path of type t: a JSON list ["a", "b"] where a list is compared
 * whole (= and != on a list path), a JSON string "..." or the bare text
 * for strings (and for list elements with has and ~), true/false, or an
 * integer. Memory comes from a. Returns 0, or -1 with *err set (static
 * text).
 */
int sm_value_parse(struct arena *a, const char *text, enum sm_type t,
                   enum sm_op op, struct sm_value *out, const char **err);

/* got <op> want; a missing value only satisfies !=, missing. */
bool sm_compare(const struct sm_value *got, enum sm_op op,
                const struct sm_value *want);

/*
 * Append v as a check would write it: a JSON list, true/false, a number,
 * or a string (bare when that reads back the same, else a JSON string);
 * "(missing)" for a missing value.
 */
void sm_value_format(struct sb *out, const struct sm_value *v);

/* ----- one docker run ----------------------------------------------- */

struct sm_run {
    bool present;            /* a docker run happened */
    bool has_argv;           /* PID 1's argv is known (a container was made) */
    struct strlist argv;     /* Path then Args */
    int exit_code;           /* the docker CLI's exit status */
    char *out;               /* its stdout, one final newline removed */
    struct strlist notes;    /* explanation ids it raised, each once */
    bool is_shell;           /* PID 1 is sh/bash/dash/ash running -c */
    size_t ignored_from;     /* first argv index the shell ignores, or
                                argv.n when none are ignored */
};

void sm_run_init(struct sm_run *r);
void sm_run_release(struct sm_run *r);
/* Fill r from the result of a `docker run` line. */
void sm_run_from_result(struct sm_run *r, const struct line_result *res);

/* True if line is a `docker run` (or `docker container run`) command. */
bool sm_is_docker_run(const char *line);

/* ----- snapshots ---------------------------------------------------- */

struct sm_probe_entry;

struct sm_snapshot {
    struct session scratch;       /* the replay, plus the lesson image */
    char *image_name;             /* "app" */
    bool dockerfile_open;         /* ends inside an unfinished instruction:
                                     nothing was built */
    int build_exit;               /* docker build's exit code (-1: none) */
    const struct image *img;      /* the lesson image, NULL if not built */
    struct strlist instructions;  /* dockerfile.instructions */
    struct strlist notes;         /* dockerfile.notes */
    struct strlist layers;        /* image.layers */
    struct strlist empty_layers;  /* image.empty-layers */
    char *base;                   /* image.base, or NULL */
    const char *cmd_form, *entrypoint_form; /* "exec", "shell", "none" */
    bool cmd_inherited;
    struct sm_run last_run;       /* the learner's last docker run */
    struct sm_probe_entry *probes; /* cache: one simulation per line */
    size_t n_probes;
};

/*
 * Take a snapshot of s for a lesson whose image is called image_name
 * ("app" if NULL). s is not changed. Release with sm_snapshot_release.
 */
void sm_snapshot_take(struct sm_snapshot *snap, const struct session *s,
                      const char *image_name);
void sm_snapshot_release(struct sm_snapshot *snap);

/*
 * The result of running line (a docker command) on a copy of the
 * snapshot's scratch session; cached, so each distinct line runs once
 * per snapshot. If the Dockerfile is unfinished nothing runs (the result
 * is not present).
 */
const struct sm_run *sm_snapshot_probe(struct sm_snapshot *snap,
                                       const char *line);

/* ----- the path table ----------------------------------------------- */

enum sm_scope {
    SM_SCOPE_STATE, /* `state PATH`: the image and the Dockerfile */
    SM_SCOPE_RUN,   /* `run ... => PATH`, `last-run PATH`: one run */
};

struct sm_path;
typedef void sm_getter(const struct sm_snapshot *snap, const struct sm_run *run,
                       const char *param, struct sm_value *out);

struct sm_path {
    const char *name;   /* "image.cmd"; a "<NAME>" part takes a parameter */
    enum sm_scope scope;
    enum sm_type type;
    const char *help;   /* one line */
    sm_getter *get;
};

extern const struct sm_path sm_paths[];
extern const size_t sm_n_paths;

/*
 * The row for a path as written (case-sensitive). For a parameterised
 * row ("image.env.<NAME>") *param points at the parameter inside name;
 * otherwise it is set to NULL. NULL if no row matches.
 */
const struct sm_path *sm_path_lookup(const char *name, size_t len,
                                     const char **param);
/* The closest path name of that scope for a "did you mean", or NULL. */
const char *sm_path_suggest(const char *name, size_t len, enum sm_scope scope);

/*
 * The value of path p (param for "<NAME>" rows, else NULL) in snap; run
 * is the run to read for run paths (NULL: every run path is missing).
 */
void sm_get(const struct sm_snapshot *snap, const struct sm_run *run,
            const struct sm_path *p, const char *param, struct sm_value *out);

/*
 * `:state`: every path of snap as copy-pastable lines, "PATH = VALUE" or
 * "PATH missing" (state paths, one line per image.env variable), then
 * "last-run PATH = VALUE" lines for the learner's last docker run; '#'
 * lines are comments.
 */
void sm_state_format(struct sb *out, const struct sm_snapshot *snap);

/* The path help: each path with its type and description, one per line. */
void sm_paths_help(struct sb *out);

#endif /* STATEMODEL_H */
