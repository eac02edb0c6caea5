/*
 * cli_batch.c: the shell's front end.
 *
 *   docksim [OPTIONS]               interactive, with a terminal on stdin
 *   docksim [OPTIONS] SCRIPT|-      a script: lines handled as if typed
 *   docksim --demo FILE [OPTIONS]   classroom demo mode
 *
 * Every line goes through the same struct repl: Dockerfile lines build up
 * the session's Dockerfile, `docker ...` lines run simulated docker
 * commands, `:` lines are the shell's own commands. Output is the
 * terminal's (docker's stdout and stderr, the container's output) plus
 * docksim's commentary, marked with "| ". A script gets no line editor,
 * banner or prompt (--echo prints the prompt and the line).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "complete.h"
#include "demo.h"
#include "histfile.h"
#include "lesson.h"
#include "line_input.h"
#include "progress.h"
#include "repl.h"
#include "xmalloc.h"

enum opt_id {
    OPT_CONTEXT,
    OPT_FILE,
    OPT_CMD,
    OPT_ECHO,
    OPT_BAIL,
    OPT_QUIET,
    OPT_JSON,
    OPT_COLOR,
    OPT_PLAIN,
    OPT_DEMO,
    OPT_DELAY,
    OPT_LESSONS,
    OPT_PROGRESS,
};

/* THE option table: parsing and the usage text both read it. */
static const struct {
    enum opt_id id;
    const char *name;  /* "--context" */
    const char *arg;   /* "DIR", or NULL for a switch */
    const char *help;
} opts[] = {
    { OPT_CONTEXT, "--context", "DIR",
      "the build context of `docker build .` (read only)" },
    { OPT_FILE, "-f", "DOCKERFILE", "start with this Dockerfile" },
    { OPT_CMD, "-c", "LINE", "handle LINE first (repeatable; no shell then)" },
    { OPT_ECHO, "--echo", NULL,
      "print each line after its prompt, like a transcript" },
    { OPT_BAIL, "--bail", NULL,
      "stop at the first line that fails (exit status 1)" },
    { OPT_QUIET, "--quiet", NULL,
      "only what the terminal would show (no | commentary)" },
    { OPT_JSON, "--json", NULL, "one JSON object per docker command" },
    { OPT_COLOR, "--color", "WHEN",
      "auto (the default), always or never; auto honours NO_COLOR" },
    { OPT_PLAIN, "--plain", NULL,
      "ASCII only, words instead of symbols, no colour" },
    { OPT_DEMO, "--demo", "FILE", "play FILE for a classroom (:help demo)" },
    { OPT_DELAY, "--delay", "MS", "--demo typing speed: MS a character (35)" },
    { OPT_LESSONS, "--lessons", "DIR",
      "the lessons directory (default: $DOCKSIM_LESSONS, ./lessons)" },
    { OPT_PROGRESS, "--progress", "FILE",
      "lesson progress (default $XDG_STATE_HOME/docksim/progress)" },
};

void cli_options_help(FILE *f)
{
    for (size_t i = 0; i < ARRAY_LEN(opts); i++) {
        char left[32];
        snprintf(left, sizeof(left), "%s%s%s", opts[i].name,
                 opts[i].arg ? (opts[i].name[1] == '-' ? "=" : " ") : "",
                 opts[i].arg ? opts[i].arg : "");
        fprintf(f, "  %-16s %s\n", left, opts[i].help);
    }
}

static int batch_usage(FILE *f, int code)
{
    fprintf(f, "usage: docksim [OPTIONS] [SCRIPT|-]\n\n"
               "With a terminal and no SCRIPT, docksim is an interactive "
               "shell; otherwise it\nreads lines as if typed at its prompt. "
               "Options:\n");
    cli_options_help(f);
    fprintf(f, "\nExit status: 0 if every line worked, 1 if one failed, 2 "
               "bad usage.\n");
    return code;
}

static bool real_env(void *ctx, const char *name, const char **value)
{
    (void)ctx;
    const char *v = getenv(name);
    if (!v)
        return false;
    *value = v;
    return true;
}

static const char *env_get(const char *name)
{
    return getenv(name);
}

static const char *hist_env(void *ctx, const char *name)
{
    (void)ctx;
    return getenv(name);
}

/* Does the locale's character set look like UTF-8? */
static bool utf8_locale(void)
{
    const char *v = getenv("LC_ALL");
    if (!v || !*v)
        v = getenv("LC_CTYPE");
    if (!v || !*v)
        v = getenv("LANG");
    if (!v)
        return false;
    for (const char *p = v; *p; p++)
        if ((p[0] == 'u' || p[0] == 'U') && (p[1] == 't' || p[1] == 'T') &&
            (p[2] == 'f' || p[2] == 'F') &&
            (p[3] == '8' || (p[3] == '-' && p[4] == '8')))
            return true;
    return false;
}

static size_t complete_cb(void *ctx, const char *line, size_t end,
                          size_t *start, struct strlist *out)
{
    return complete_line(ctx, line, end, start, out);
}

struct parsed {
    const char *script, *dockerfile, *context, *demo, *lessons, *progress;
    char **cmds;
    size_t n_cmds;
    bool echo, bail, quiet, json, plain;
    enum color_mode color;
    int delay;
};

static int parse_args(int argc, char **argv, struct parsed *pa,
                      const struct cli_io *io)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            if (pa->script) {
                fprintf(io->err, "docksim: one script at a time\n");
                return -1;
            }
            pa->script = a;
            continue;
        }
        size_t k;
        const char *val = NULL;
        for (k = 0; k < ARRAY_LEN(opts); k++) {
            size_t nl = strlen(opts[k].name);
            if (strncmp(a, opts[k].name, nl) != 0)
                continue;
            if (a[nl] == '\0')
                break;
            if (a[nl] == '=' && opts[k].arg && opts[k].name[1] == '-') {
                val = a + nl + 1;
                break;
            }
        }
        if (k == ARRAY_LEN(opts)) {
            fprintf(io->err, "docksim: unknown option '%s'\n", a);
            return -1;
        }
        if (opts[k].arg && !val) {
            if (i + 1 >= argc) {
                fprintf(io->err, "docksim: %s needs %s\n", opts[k].name,
                        opts[k].arg);
                return -1;
            }
            val = argv[++i];
        }
        switch (opts[k].id) {
        case OPT_CONTEXT:
            pa->context = val;
            break;
        case OPT_FILE:
            pa->dockerfile = val;
            break;
        case OPT_CMD:
            pa->cmds[pa->n_cmds++] = (char *)val;
            break;
        case OPT_ECHO:
            pa->echo = true;
            break;
        case OPT_BAIL:
            pa->bail = true;
            break;
        case OPT_QUIET:
            pa->quiet = true;
            break;
        case OPT_JSON:
            pa->json = true;
            break;
        case OPT_PLAIN:
            pa->plain = true;
            break;
        case OPT_COLOR:
            if (strcmp(val, "auto") == 0)
                pa->color = COLOR_AUTO;
            else if (strcmp(val, "always") == 0)
                pa->color = COLOR_ALWAYS;
            else if (strcmp(val, "never") == 0)
                pa->color = COLOR_NEVER;
            else {
                fprintf(io->err, "docksim: --color takes auto, always or "
                                 "never, not '%s'\n",
                        val);
                return -1;
            }
            break;
        case OPT_DEMO:
            pa->demo = val;
            break;
        case OPT_LESSONS:
            pa->lessons = val;
            break;
        case OPT_PROGRESS:
            pa->progress = val;
            break;
        case OPT_DELAY: {
            char *end = NULL;
            long d = strtol(val, &end, 10);
            if (*end || d < 0 || d > 10000) {
                fprintf(io->err, "docksim: --delay takes milliseconds (0 to "
                                 "10000), not '%s'\n",
                        val);
                return -1;
            }
            pa->delay = (int)d;
            break;
        }
        }
    }
    if (pa->demo && (pa->script || pa->n_cmds)) {
        fprintf(io->err, "docksim: --demo plays its own FILE; give no SCRIPT "
                         "or -c with it\n");
        return -1;
    }
    return 0;
}

/* Feed a script's text line by line (a NUL byte makes a line unusable). */
static void run_script(struct repl *r, char *text, size_t len,
                       const char *name, const struct cli_io *io)
{
    char *p = text, *end = text + len;
    size_t lineno = 0;
    while (p < end && !r->quit) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        lineno++;
        if (memchr(p, '\0', n)) {
            fflush(io->out);
            fprintf(io->err, "docksim: %s:%zu: the line holds a NUL byte, so "
                             "it is not text; skipped\n",
                    name, lineno);
            r->failed = true;
            if (r->o.bail)
                break;
        } else {
            p[n] = '\0';
            repl_feed(r, p);
        }
        p += n + 1;
    }
}

int cli_batch(int argc, char **argv, const struct cli_io *io)
{
    struct parsed pa;
    memset(&pa, 0, sizeof(pa));
    pa.delay = 35;
    pa.cmds = xcalloc((size_t)argc + 1, sizeof(*pa.cmds));
    if (parse_args(argc, argv, &pa, io) < 0) {
        free(pa.cmds);
        return batch_usage(io->err, EXIT_USAGE);
    }
    bool tty_in = isatty(fileno(io->in));
    bool interactive = !pa.script && !pa.n_cmds && (tty_in || pa.demo);
    if (pa.demo && !tty_in) {
        fprintf(io->err, "docksim: --demo needs a terminal: it waits for key "
                         "presses\n");
        free(pa.cmds);
        return EXIT_USAGE;
    }

    char *hist_path = NULL;
    bool hist_default = false;
    if (interactive)
        hist_path = histfile_default_path(hist_env, NULL, &hist_default);

    /* lessons: found now, loaded when a lesson command needs them */
    char *lessons_dir = pa.lessons ? xstrdup(pa.lessons)
                                   : lesson_default_dir(env_get);
    char *progress_path = pa.progress ? xstrdup(pa.progress)
                                      : progress_default_path(env_get);

    struct repl_opts ro;
    memset(&ro, 0, sizeof(ro));
    ro.interactive = interactive;
    ro.echo = pa.echo && !interactive;
    ro.quiet = pa.quiet;
    ro.bail = pa.bail;
    ro.json = pa.json;
    ro.color = repl_want_color(pa.color, pa.plain, isatty(fileno(io->out)),
                               env_get);
    ro.ascii = pa.plain || !utf8_locale();
    ro.context_dir = pa.context;
    ro.host_env = real_env;
    ro.hist_path = hist_path;
    ro.lessons_dir = lessons_dir;
    ro.progress_path = progress_path;
    struct repl r;
    repl_init(&r, &ro, io->out, io->err);

    int rc = EXIT_OK;
    if (pa.dockerfile) {
        size_t len;
        char *text = cli_read_input(pa.dockerfile, &len, io);
        if (!text) {
            rc = EXIT_INPUT;
            goto out;
        }
        repl_log_step(&r, STEP_LOAD, text, pa.dockerfile);
        r.n_base = r.log.n; /* :undo does not take the -f file away */
        repl_replay(&r);
        free(text);
    }
    for (size_t i = 0; i < pa.n_cmds && !r.quit; i++)
        repl_feed(&r, pa.cmds[i]);

    if (!interactive) {
        if (pa.script || !pa.n_cmds) {
            size_t len;
            const char *name = pa.script ? pa.script : "-";
            char *text = cli_read_input(name, &len, io);
            if (!text)
                rc = EXIT_INPUT;
            else
                run_script(&r, text, len,
                           pa.script ? pa.script : "standard input", io);
            free(text);
        }
        if (rc == EXIT_OK)
            rc = repl_status(&r) ? EXIT_INPUT : EXIT_OK;
        goto out;
    }

    /* the interactive shell */
    struct histfile hist;
    histfile_init(&hist, hist_path, 0);
    char *herr = NULL;
    if (hist_path && histfile_prepare(&hist, hist_default, &herr) < 0) {
        fprintf(io->err, "docksim: %s; this session's history is kept in "
                         "memory only (DOCKSIM_HISTFILE=FILE saves it "
                         "elsewhere)\n",
                herr);
        free(herr);
        herr = NULL;
    }
    struct line_editor_opts eo = { io->in, io->out, io->err, &hist,
                                   complete_cb, &r };
    struct line_source *src = io->term ? io->term->open(&eo)
                                       : line_source_file(io->in, io->out);
    char *demo_text = NULL;
    size_t demo_len = 0;
    if (pa.demo) {
        demo_text = cli_read_input(pa.demo, &demo_len, io);
        if (!demo_text) {
            rc = EXIT_INPUT;
        } else if (!src->key) {
            fprintf(io->err, "docksim: --demo needs a terminal\n");
            rc = EXIT_USAGE;
        } else {
            struct demo_opts dopts = { pa.delay, pa.demo };
            if (demo_play(&r, src, demo_text, demo_len, &dopts))
                repl_run(&r, src);
        }
    } else {
        repl_banner(&r);
        repl_run(&r, src);
    }
    free(demo_text);
    src->close(src);
    if (histfile_compact(&hist, &herr) < 0) {
        fprintf(io->err, "docksim: %s\n", herr);
        free(herr);
    }
    histfile_release(&hist);
out:
    repl_release(&r);
    free(lessons_dir);
    free(progress_path);
    free(hist_path);
    free(pa.cmds);
    return rc;
}
