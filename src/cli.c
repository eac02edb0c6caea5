/*
 * cli.c: argv dispatch for docksim, --help and --version, and reading
 * input files safely (a directory, an unreadable path or a huge file is
 * one clear message, never a crash).
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gostr.h"
#include "xmalloc.h"

/* Refuse inputs larger than this: no real Dockerfile is close. */
#define CLI_MAX_INPUT (256UL * 1024 * 1024)

const struct cli_cmd cli_cmds[] = {
    { "parse", cli_parse, "docksim parse [--dump] [FILE|-]",
      "read a Dockerfile as BuildKit does and list its instructions" },
    { "lint", cli_lint, "docksim lint [OPTIONS] [FILE|-]",
      "BuildKit's build checks, as docker build --check prints them" },
    { "lessons", cli_lessons, "docksim lessons check|list|paths",
      "validate the lessons (check), list them, or the paths checks use" },
};
const size_t cli_n_cmds = ARRAY_LEN(cli_cmds);

static void print_help(FILE *f)
{
    fprintf(f,
            "docksim %s: a teaching shell that shows exactly what Docker does "
            "with a\nDockerfile, and why. It never runs Docker or anything "
            "else on this machine.\n\n"
            "usage: docksim [OPTIONS]              the shell (stdin a "
            "terminal)\n"
            "       docksim [OPTIONS] SCRIPT|-     lines as if typed, no "
            "prompt\n"
            "       docksim --demo FILE            a classroom demo\n"
            "       docksim COMMAND [ARGS]\n"
            "       docksim --help | --version\n\n"
            "At the docksim> prompt and in scripts, Dockerfile lines build "
            "up the session's\nDockerfile, `docker ...` lines run simulated "
            "docker build/run/create/start/\nstop/kill/ps/images/inspect/"
            "history/logs/rm/rmi/tag, and : lines are docksim's\nown "
            "commands (:help lists them).\n\n"
            "options:\n",
            DOCKSIM_VERSION);
    cli_options_help(f);
    fprintf(f, "\ncommands:\n");
    for (size_t i = 0; i < cli_n_cmds; i++)
        fprintf(f, "  %-34s %s\n", cli_cmds[i].usage, cli_cmds[i].summary);
    fprintf(f, "\nHistory is kept in $DOCKSIM_HISTFILE, else "
               "$XDG_STATE_HOME/docksim/history,\nelse "
               "~/.local/state/docksim/history.\n"
               "Run 'docksim COMMAND --help' for a command's options.\n"
               "Exit status: 0 ok (warnings allowed), 1 errors in the input, "
               "2 bad usage.\n");
}

int cli_main(int argc, char **argv, const struct cli_io *io)
{
    if (argc < 2)
        return cli_batch(argc, argv, io);
    const char *a = argv[1];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0 ||
        strcmp(a, "help") == 0) {
        print_help(io->out);
        return EXIT_OK;
    }
    if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
        fprintf(io->out, "docksim %s\n", DOCKSIM_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < cli_n_cmds; i++)
        if (strcmp(a, cli_cmds[i].name) == 0)
            return cli_cmds[i].fn(argc - 1, argv + 1, io);
    /* options, a script file, or - : the shell's front end */
    if (a[0] == '-' || strchr(a, '/') || strchr(a, '.'))
        return cli_batch(argc, argv, io);

    const char *best = NULL;
    size_t bestd = 3;
    for (size_t i = 0; i < cli_n_cmds; i++) {
        size_t d = go_levenshtein(a, strlen(a), cli_cmds[i].name,
                                  strlen(cli_cmds[i].name));
        if (d < bestd) {
            bestd = d;
            best = cli_cmds[i].name;
        }
    }
    if (a[0] == '-')
        fprintf(io->err, "docksim: unknown option '%s'", a);
    else
        fprintf(io->err, "docksim: unknown command '%s'", a);
    if (best)
        fprintf(io->err, " (did you mean '%s'?)", best);
    fprintf(io->err, "\nRun 'docksim --help' for the list of commands.\n");
    return EXIT_USAGE;
}

char *cli_read_input(const char *path, size_t *len, const struct cli_io *io)
{
    FILE *f;
    bool is_stdin = strcmp(path, "-") == 0;
    const char *shown = is_stdin ? "standard input" : path;
    if (is_stdin) {
        f = io->in;
    } else {
        struct stat st;
        if (stat(path, &st) < 0) {
            fprintf(io->err, "docksim: cannot read '%s': %s\n", path,
                    strerror(errno));
            return NULL;
        }
        if (S_ISDIR(st.st_mode)) {
            fprintf(io->err,
                    "docksim: cannot read '%s': it is a directory (give the "
                    "Dockerfile itself, e.g. '%s/Dockerfile')\n",
                    path, path);
            return NULL;
        }
        f = fopen(path, "rb");
        if (!f) {
            fprintf(io->err, "docksim: cannot read '%s': %s\n", path,
                    strerror(errno));
            return NULL;
        }
    }
    size_t cap = 64 * 1024, n = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap >= CLI_MAX_INPUT) {
                fprintf(io->err,
                        "docksim: cannot read '%s': larger than %lu MB\n",
                        shown, CLI_MAX_INPUT / (1024 * 1024));
                free(buf);
                if (!is_stdin)
                    fclose(f);
                return NULL;
            }
            cap *= 2;
            buf = xrealloc(buf, cap + 1);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    bool err = ferror(f);
    int saved = errno;
    if (!is_stdin)
        fclose(f);
    if (err) {
        fprintf(io->err, "docksim: cannot read '%s': %s\n", shown,
                strerror(saved));
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}
