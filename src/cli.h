/*
 * cli.h: docksim's command-line front-end. Subcommands live in one table
 * (dispatch, --help and "did you mean" all read it). Front-ends are the
 * only code that prints, and only to the FILE streams they are given.
 */
#ifndef CLI_H
#define CLI_H

#include <stdio.h>

#include "common.h"

/* Exit codes (main owns them). */
enum cli_exit {
    EXIT_OK = 0,
    EXIT_INPUT = 1, /* the input has errors, or could not be read */
    EXIT_USAGE = 2, /* bad command line */
};

struct line_editor_opts;
struct line_source;

/* The terminal's line editor, given by main.c (readline is linked into
 * the program only). NULL in tests: lines are then read with getline. */
struct cli_term {
    struct line_source *(*open)(const struct line_editor_opts *o);
};

struct cli_io {
    FILE *out;
    FILE *err;
    FILE *in;
    const struct cli_term *term; /* NULL: no line editor */
};

typedef int cli_cmd_fn(int argc, char **argv, const struct cli_io *io);

struct cli_cmd {
    const char *name;
    cli_cmd_fn *fn;
    const char *usage;
    const char *summary;
};

extern const struct cli_cmd cli_cmds[];
extern const size_t cli_n_cmds;

/* docksim's main: argv as given to main. */
int cli_main(int argc, char **argv, const struct cli_io *io);

/* The parse subcommand. */
int cli_parse(int argc, char **argv, const struct cli_io *io);
/* The lint subcommand (cli_lint.c). */
int cli_lint(int argc, char **argv, const struct cli_io *io);
/* The lessons subcommand (cli_lessons.c). */
int cli_lessons(int argc, char **argv, const struct cli_io *io);

/*
 * The shell (docksim [options] [SCRIPT|-]); argv[0] is docksim. With a
 * terminal on stdin and no SCRIPT or -c it is interactive (line editor,
 * banner, prompt); otherwise it reads the lines of SCRIPT / stdin / -c as
 * a script. --demo FILE plays FILE (demo.h).
 */
int cli_batch(int argc, char **argv, const struct cli_io *io);

/* The shell's options, one line each (for docksim --help). */
void cli_options_help(FILE *f);

/*
 * Read a whole file ("-" = io->in) into a malloc'd buffer (NUL-terminated;
 * *len excludes it). On failure print one clear line to io->err and
 * return NULL.
 */
char *cli_read_input(const char *path, size_t *len, const struct cli_io *io);

#endif /* CLI_H */
