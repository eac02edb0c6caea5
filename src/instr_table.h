/*
 * instr_table.h: THE table of Dockerfile instructions. The parser takes
 * each instruction's argument shape from it, the instruction layer its
 * flags, and help, completion and "did you mean" its names and texts.
 *
 * Adding an instruction: one enum value (keep alphabetical, it indexes
 * the table), one row in instr_table.c, its case in instructions.c, and
 * tests.
 */
#ifndef INSTR_TABLE_H
#define INSTR_TABLE_H

#include "common.h"

/* ORDER INSTR: alphabetical, matches instr_table[] row for row. */
enum instr_kind {
    INSTR_ADD,
    INSTR_ARG,
    INSTR_CMD,
    INSTR_COPY,
    INSTR_ENTRYPOINT,
    INSTR_ENV,
    INSTR_EXPOSE,
    INSTR_FROM,
    INSTR_HEALTHCHECK,
    INSTR_LABEL,
    INSTR_MAINTAINER,
    INSTR_ONBUILD,
    INSTR_RUN,
    INSTR_SHELL,
    INSTR_STOPSIGNAL,
    INSTR_USER,
    INSTR_VOLUME,
    INSTR_WORKDIR,
    INSTR_COUNT,
    INSTR_UNKNOWN = INSTR_COUNT,
};

/* How the parser splits an instruction's arguments (dockerfile-semantics §3.1). */
enum arg_shape {
    SHAPE_IGNORE,      /* unknown instruction: one empty argument */
    SHAPE_MAYBE_JSON,  /* JSON array, else the whole text */
    SHAPE_JSON_LIST,   /* JSON array, else whitespace-separated words */
    SHAPE_WORDS,       /* whitespace-separated words, quotes not special */
    SHAPE_STRING,      /* the whole text as one argument */
    SHAPE_KEY_VALUES,  /* ENV/LABEL: key value sep triples */
    SHAPE_ARG_WORDS,   /* ARG: shell-like words, quotes kept */
    SHAPE_HEALTH,      /* type word, then maybe-JSON */
    SHAPE_SUBCOMMAND,  /* ONBUILD: a nested instruction */
};

enum flag_type {
    FLAG_BOOL,
    FLAG_STRING,
    FLAG_LIST, /* may repeat */
};

struct flag_def {
    const char *name; /* without the dashes */
    enum flag_type type;
    const char *def;  /* default value, or NULL */
};

/* When an instruction matters. */
enum instr_when {
    WHEN_BUILD,    /* does work while the image is built */
    WHEN_METADATA, /* only records image configuration */
    WHEN_START,    /* image configuration used when a container starts */
};

enum flag_check {
    FLAGS_CHECKED,  /* unknown flags are errors */
    FLAGS_IGNORED,  /* ARG, STOPSIGNAL: never validated */
};

struct instr_def {
    const char *name;             /* upper case, as documented */
    enum arg_shape shape;
    bool heredoc;                 /* may carry heredocs (RUN, COPY, ADD) */
    enum flag_check flag_check;
    const struct flag_def *flags; /* terminated by a { NULL } row */
    enum instr_when when;
    bool makes_layer;             /* adds a filesystem layer */
    const char *usage;            /* synopsis */
    const char *summary;          /* one sentence: what and when */
};

extern const struct instr_def instr_table[INSTR_COUNT];

/*
 * The instruction a keyword names, compared as BuildKit does (Go's
 * strings.ToLower of the word), or INSTR_UNKNOWN.
 */
enum instr_kind instr_lookup(const char *word, size_t len);

/* The flag named name[0..len) of the instruction, or NULL. */
const struct flag_def *instr_flag(enum instr_kind k, const char *name,
                                  size_t len);

#endif /* INSTR_TABLE_H */
