/*
 * session.h: one docksim session: the Dockerfile typed so far, the
 * files of the build context, the simulated image store and containers,
 * and the dispatcher that handles one typed line (a Dockerfile line, a
 * `docker ...` command, `explain table`). The batch front-end and the
 * interactive shell both go through session_line().
 *
 * Nothing here prints: results are data (struct line_result) that the
 * front-ends render as text or JSON.
 */
#ifndef SESSION_H
#define SESSION_H

#include "build.h"
#include "common.h"
#include "explain.h"
#include "imgconfig.h"
#include "sb.h"
#include "store.h"

struct container;

/*
 * The session's input log: every call that can change the session
 * (session_line, session_set_dockerfile, session_add_file), in order, so
 * session_clone can rebuild an identical session by replaying it. The
 * simulation is deterministic, so a replay gives the same ids, clock and
 * outputs. Owned by the session.
 */
enum session_input_kind {
    SESSION_INPUT_LINE,        /* session_line(text) */
    SESSION_INPUT_DOCKERFILE,  /* session_set_dockerfile(text, len) */
    SESSION_INPUT_FILE,        /* session_add_file(path, text, len, mode) */
};

struct session_input {
    enum session_input_kind kind;
    char *text;                /* the line, Dockerfile or file content */
    size_t len;
    char *path;                /* SESSION_INPUT_FILE: the file's path */
    unsigned mode;
};

struct session_log {
    struct session_input *v;
    size_t n, cap;
};

/* Host environment lookup for $VAR in typed lines and `-e VAR`. */
typedef bool session_env_fn(void *ctx, const char *name, const char **value);

struct session {
    struct store store;
    struct sb dockerfile;          /* the Dockerfile typed so far */
    int dockerfile_lines;          /* physical lines in it */
    struct build_file *files;      /* files the session created (:file) */
    size_t n_files;
    char *context_dir;             /* docksim --context DIR, or NULL */
    session_env_fn *host_env;      /* NULL: nothing is set on the host */
    void *host_ctx;
    bool no_teaching_warnings;     /* :set warnings off: docksim's own
                                      teaching warnings are not raised
                                      (BuildKit's build checks still are) */
    struct session_log log;        /* every input, for session_clone */
};

void session_init(struct session *s);
void session_release(struct session *s);

enum line_kind {
    LINE_EMPTY,        /* blank or a comment */
    LINE_DOCKERFILE,   /* appended to the Dockerfile */
    LINE_DOCKER,       /* a docker command */
    LINE_EXPLAIN,      /* explain table */
    LINE_UNKNOWN,      /* none of these: a friendly message */
};

/* What one line did. */
struct line_result {
    enum line_kind kind;
    int exit_code;
    struct sb out;                 /* what the terminal shows on stdout */
    struct sb err;                 /* ... and on stderr */
    struct sb notes;               /* docksim's commentary (for humans) */
    struct explain_list explain;
    /* docker run/create/start */
    bool has_container;
    bool has_argv;                 /* argv is meaningful (null in JSON if not) */
    char *path;
    struct strlist args;
    struct strlist env;
    char *workdir, *user, *container_id, *container_name;
    /* docker build */
    bool has_image;
    char *image_id;
    struct sb config_json;         /* Config as `docker image inspect` shows it */
    struct strlist warnings;       /* "Rule: message (line N)" */
    /* Dockerfile lines: still inside a continuation or heredoc */
    bool open;
    /* docker stop: the last container it stopped (--json) */
    bool has_stop;
    double stopped_after_s;        /* simulated seconds the stop took */
    int container_exit_code;
};

void line_result_init(struct line_result *r);
void line_result_release(struct line_result *r);

/*
 * Handle one typed line. A line that continues a Dockerfile instruction
 * (after a trailing `\` or inside a heredoc) is always a Dockerfile line,
 * even if it starts with "docker".
 */
void session_line(struct session *s, const char *line, struct line_result *r);

/* True if the Dockerfile ends inside a continuation or a heredoc. */
bool session_dockerfile_open(const struct session *s);

/* Load a Dockerfile from text (replaces the current one). */
void session_set_dockerfile(struct session *s, const char *text, size_t len);

/*
 * Add a file to the session's build context (the shell's :file NAME),
 * replacing one with the same path. path is relative to the context
 * root; data[0..len) is copied; mode holds the permission bits (0644).
 */
void session_add_file(struct session *s, const char *path, const char *data,
                      size_t len, unsigned mode);
bool session_has_file(const struct session *s, const char *path);

/*
 * A copy of src made by replaying its input log into dst (which must not
 * be initialised; release it with session_release). dst gets src's host
 * settings (host_env, context_dir, no_teaching_warnings) and its own log.
 * If each is not NULL it is called after every replayed session_line
 * with the line and its result (lessons use it to find the last
 * `docker run`). src is not changed.
 */
typedef void session_replay_fn(void *ctx, const char *line,
                               const struct line_result *r);
void session_clone(const struct session *src, struct session *dst,
                   session_replay_fn *each, void *ctx);

#endif /* SESSION_H */
