/*
 * instructions.h: AST -> typed instructions grouped into stages, as
 * BuildKit's instructions.Parse does (layer 3 of dockerfile-semantics.md
 * §1): argument counts, flags, stage names, HEALTHCHECK durations, and
 * the build checks that run at this layer (StageNameCasing, FromAsCasing,
 * MaintainerDeprecated, InvalidDefinitionDescription, NoEmptyContinuation).
 *
 * Nothing is expanded here: values are as written (quotes and $vars
 * kept); the build layer expands them.
 *
 *   struct dockerfile df;
 *   struct diag_list dl = DIAG_LIST_INIT;
 *   int rc = dockerfile_parse(&df, text, len, NULL, &dl);
 *   ... df.stages ...
 *   dockerfile_release(&df);
 */
#ifndef INSTRUCTIONS_H
#define INSTRUCTIONS_H

#include <stdint.h>

#include "common.h"
#include "instr_table.h"
#include "lint.h"
#include "parser.h"

struct diag_list;

/* A key/value pair of ENV, LABEL or ARG (as written, unexpanded). */
struct kv {
    struct span key;
    struct span value;
    bool has_value; /* ARG without '=' has none */
    struct span comment; /* ARG: its description from the doc comment */
};

/* COPY/ADD source written as a heredoc: an inline file. */
struct inline_file {
    struct span name;    /* the delimiter, used as the file name */
    struct span data;    /* body (tabs already stripped for <<-) */
    bool expand;         /* variables in data are expanded at build time */
};

/* RUN heredoc: a file handed to the shell. */
struct shell_file {
    struct span name;
    struct span data;    /* raw body */
    bool chomp;
};

struct healthcheck {
    bool none;           /* HEALTHCHECK NONE */
    struct span *test;   /* ["CMD", args...], ["CMD-SHELL", text], ["NONE"] */
    size_t n_test;
    int64_t interval, timeout, start_period, start_interval; /* ns, 0 = default */
    int retries;         /* 0 = default */
};

/* One value of a flag as written (for list flags, one per occurrence). */
struct flag_value {
    const char *name;    /* points into instr_table */
    struct span value;
    bool present;        /* given on the line (else the default) */
};

struct instr {
    enum instr_kind kind;
    const struct ast_node *node;
    int start_line, end_line;
    struct span keyword;      /* as written */

    struct span *args;        /* BuildKit's nodeArgs (ONBUILD flattened) */
    size_t n_args;
    bool json;                /* exec form; shell form otherwise */

    struct flag_value *flags; /* parsed flags, in the order given */
    size_t n_flags;

    /* RUN, CMD, ENTRYPOINT, SHELL: the command line (args, or [] for a
     * bare CMD). prepend_shell is !json. */
    struct span *cmdline;
    size_t n_cmdline;
    bool prepend_shell;
    struct shell_file *files; /* RUN heredocs */
    size_t n_files;

    /* FROM */
    struct span base_name;
    struct span stage_name;   /* lower-cased; len 0 without AS */
    struct span stage_name_as_written;

    /* ENV, LABEL (key value pairs), ARG (optional values) */
    struct kv *pairs;
    size_t n_pairs;
    bool legacy_kv;           /* ENV/LABEL written as `KEY value` */

    /* COPY, ADD */
    struct span *sources;     /* paths (not heredocs) */
    size_t n_sources;
    struct inline_file *inline_files;
    size_t n_inline_files;
    struct span dest;

    /* USER, WORKDIR, STOPSIGNAL, MAINTAINER: the one argument */
    struct span value;

    /* EXPOSE: ports sorted as BuildKit sorts them; VOLUME: trimmed paths */
    struct span *list;
    size_t n_list;

    /* HEALTHCHECK */
    struct healthcheck health;

    /* ONBUILD: the trigger text as stored in the image config */
    struct span expression;
    enum instr_kind trigger;  /* the trigger's instruction */
};

/* The value of flag name (last occurrence), or NULL if not given. */
const struct flag_value *instr_flag_value(const struct instr *in,
                                          const char *name);

struct stage {
    struct instr *from;       /* the FROM instruction */
    struct span base_name;
    struct span name;         /* lower-cased; len 0 if unnamed */
    struct span platform;     /* --platform value, len 0 if none */
    struct span comment;      /* description from a `# name text` comment */
    struct instr **cmds;      /* instructions after FROM */
    size_t n_cmds;
    size_t index;
};

struct dockerfile_opts {
    /* Check options overriding `# check=` (BUILDKIT_DOCKERFILE_CHECK), or
     * NULL. */
    const char *check_override;
    /*
     * Streaming: if `each` is set, typed instructions are not kept (all,
     * stages[].cmds and meta_args stay empty; n_stages still counts).
     * Each valid instruction is handed to each() in file order, with its
     * stage index (-1 for a global ARG); it and its memory are only valid
     * during the call. Memory then stays at the size of the AST, however
     * large the file.
     */
    void (*each)(void *ctx, const struct instr *in, long stage);
    void *each_ctx;
};

struct dockerfile {
    struct arena arena;
    struct ast ast;
    bool parsed;              /* layer 2 succeeded (the ast can be dumped) */
    struct instr **meta_args; /* ARGs before the first FROM */
    size_t n_meta_args;
    struct stage *stages;
    size_t n_stages;
    struct instr **all;       /* every typed instruction, in file order */
    size_t n_all;
    struct lint_config check; /* from `# check=` / the override */
    struct linter lint;
};

/*
 * Parse text[0..len) through layers 1-3. text must stay alive until
 * dockerfile_release (the AST points into it). Returns 0, or -1 after the
 * first error (all diagnostics, warnings included, go to dl; parsed is
 * true if the AST exists, e.g. for --dump).
 */
int dockerfile_parse(struct dockerfile *df, const char *text, size_t len,
                     const struct dockerfile_opts *opts, struct diag_list *dl);
void dockerfile_release(struct dockerfile *df);

/*
 * Parse a Go duration ("1m30s"): 0 and *ns set, or -1 and *err set to Go's
 * message (`time: invalid duration "x"`), malloc'd.
 */
int go_parse_duration(const char *s, size_t len, int64_t *ns, char **err);

/* Format a duration the way Go's Duration.String does ("1m30s", "500ms"). */
void go_format_duration(struct sb *out, int64_t ns);

#endif /* INSTRUCTIONS_H */
