/*
 * cli_lint.c: `docksim lint [--format=text|json] [--build-arg K=V]...
 *                           [--target STAGE] [--teach] [FILE|-]`
 *
 * Runs BuildKit's build checks on a Dockerfile without building, as
 * `docker build --check` does: every stage (only STAGE and what it needs
 * with --target), the `# check=` directive and BUILDKIT_DOCKERFILE_CHECK
 * honoured. The text form is what `docker build --check` prints on
 * standard output ("Check complete, ..." and each warning with its
 * snippet) and, for an error, on standard error ("ERROR: ..."); --format
 * json prints the lint request's result.json instead.
 *
 * The build context is the Dockerfile's directory (the current one for
 * -): its .dockerignore feeds CopyIgnoredFile. --teach adds docksim's own
 * teaching warnings (teach.h) after BuildKit's output, clearly marked;
 * for them the whole directory is read (file modes and scripts).
 *
 * Exit status: 0 (warnings allowed), 1 if the check fails (an error, a
 * parse error, or `error=true` with a warning) or the file cannot be
 * read, 2 bad usage. (`docker build --check` also exits 1 for warnings.)
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "host.h"
#include "json.h"
#include "lintreport.h"
#include "sb.h"
#include "store.h"
#include "teach.h"
#include "xmalloc.h"

static void lint_usage(FILE *f)
{
    fprintf(f,
            "usage: docksim lint [--format=text|json] [--build-arg K=V]... "
            "[--target STAGE]\n"
            "                    [--teach] [FILE|-]\n\n"
            "Runs BuildKit's build checks on a Dockerfile without building "
            "it, exactly as\n`docker build --check` does, and prints what "
            "it prints.\n\n"
            "  FILE             the Dockerfile (default: ./Dockerfile); - "
            "reads standard\n"
            "                   input. Its directory is the build context "
            "(.dockerignore).\n"
            "  --format=text    warnings with their source lines (default)\n"
            "  --format=json    the lint result as BuildKit returns it\n"
            "  --build-arg K=V  a build argument (K alone: from the "
            "environment), e.g.\n"
            "                   BUILDKIT_DOCKERFILE_CHECK=skip=all\n"
            "  --target STAGE   check STAGE and the stages it needs (default: "
            "all stages)\n"
            "  --teach          also docksim's own teaching warnings (not "
            "BuildKit's)\n"
            "  --help           this text\n\n"
            "Exit status: 0 ok (warnings allowed), 1 the check failed (an "
            "error, or\n`# check=error=true` with a warning) or the file "
            "cannot be read, 2 bad usage.\n");
}

static bool env_lookup(void *ctx, const char *name, const char **value)
{
    (void)ctx;
    const char *v = getenv(name);
    if (!v)
        return false;
    *value = v;
    return true;
}

/* The option's value: "--opt=V" or "--opt V" (NULL: not this option). */
static const char *opt_value(int argc, char **argv, int *i, const char *name,
                             bool *missing)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

/* The directory of path ("." if it has none). */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xmemdup0(path, (size_t)(slash - path));
}

/* --teach --format=json: {"lint": <BuildKit's result>, "teaching": [..]} */
static void teaching_json(struct sb *out, const struct sb *lint,
                          const struct teach_list *tl)
{
    sb_adds(out, "{\n\"lint\": ");
    sb_add(out, lint->buf, lint->len ? lint->len - 1 : 0); /* no newline */
    sb_adds(out, ",\n\"teaching\": [");
    for (size_t i = 0; i < tl->n; i++) {
        const struct teach_warning *w = &tl->items[i];
        const struct teach_rule *r = &teach_rules[w->rule];
        sb_adds(out, i ? ",\n  {" : "\n  {");
        sb_adds(out, "\"id\": ");
        json_write_string(out, r->id, strlen(r->id));
        sb_addf(out, ", \"line\": %d, \"text\": ", w->line);
        json_write_string(out, w->text, strlen(w->text));
        sb_adds(out, ", \"lesson\": ");
        json_write_string(out, r->lesson, strlen(r->lesson));
        sb_addch(out, '}');
    }
    sb_adds(out, tl->n ? "\n]\n}\n" : "]\n}\n");
}

static void print_teaching(FILE *f, const struct teach_list *tl)
{
    if (!tl->n)
        return;
    fprintf(f, "\ndocksim teaching notes (docksim's own, not BuildKit "
               "checks):\n");
    for (size_t i = 0; i < tl->n; i++) {
        const struct teach_warning *w = &tl->items[i];
        const struct teach_rule *r = &teach_rules[w->rule];
        fprintf(f, " - %s: %s (line %d)\n   lesson: %s\n", r->id, w->text,
                w->line, r->lesson);
    }
}

int cli_lint(int argc, char **argv, const struct cli_io *io)
{
    const char *path = NULL, *format = "text", *target = NULL;
    bool opts_done = false, teach = false;
    struct build_arg *args = NULL;
    size_t n_args = 0;
    int rc = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        bool missing = false;
        if (!opts_done && strcmp(a, "--") == 0) {
            opts_done = true;
        } else if (!opts_done &&
                   (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            lint_usage(io->out);
            free(args);
            return EXIT_OK;
        } else if (!opts_done && strcmp(a, "--teach") == 0) {
            teach = true;
        } else if (!opts_done &&
                   ((v = opt_value(argc, argv, &i, "--format", &missing)) ||
                    missing)) {
            if (missing || (strcmp(v, "text") && strcmp(v, "json"))) {
                fprintf(io->err,
                        "docksim lint: --format takes text or json%s%s%s\n",
                        missing ? "" : " (not '", missing ? "" : v,
                        missing ? "" : "')");
                free(args);
                return EXIT_USAGE;
            }
            format = v;
        } else if (!opts_done &&
                   ((v = opt_value(argc, argv, &i, "--target", &missing)) ||
                    missing)) {
            if (missing) {
                fprintf(io->err, "docksim lint: --target needs a stage "
                                 "name\n");
                free(args);
                return EXIT_USAGE;
            }
            target = v;
        } else if (!opts_done &&
                   ((v = opt_value(argc, argv, &i, "--build-arg", &missing)) ||
                    missing)) {
            if (missing || !*v || *v == '=') {
                /* buildx: invalid key-value pair "=x": empty key */
                fprintf(io->err, "docksim lint: --build-arg needs KEY=VALUE "
                                 "or KEY\n");
                free(args);
                return EXIT_USAGE;
            }
            args = xreallocarray(args, n_args + 1, sizeof(*args));
            const char *eq = strchr(v, '=');
            args[n_args].key = v;
            args[n_args].value = eq ? eq + 1 : NULL;
            n_args++;
        } else if (!opts_done && a[0] == '-' && a[1] != '\0') {
            fprintf(io->err, "docksim lint: unknown option '%s'\n", a);
            lint_usage(io->err);
            free(args);
            return EXIT_USAGE;
        } else if (!path) {
            path = a;
        } else {
            fprintf(io->err, "docksim lint: one file at a time ('%s' and "
                             "'%s' given)\n",
                    path, a);
            free(args);
            return EXIT_USAGE;
        }
    }
    if (!path)
        path = "Dockerfile";
    bool is_stdin = strcmp(path, "-") == 0;
    /* KEY=VALUE keys are cut at '=' (copied: argv stays untouched) */
    char **keys = xcalloc(n_args ? n_args : 1, sizeof(*keys));
    for (size_t i = 0; i < n_args; i++) {
        const char *eq = strchr(args[i].key, '=');
        keys[i] = eq ? xmemdup0(args[i].key, (size_t)(eq - args[i].key))
                     : xstrdup(args[i].key);
        args[i].key = keys[i];
    }

    size_t len = 0;
    char *text = cli_read_input(path, &len, io);
    if (!text) {
        rc = EXIT_INPUT;
        goto done_args;
    }
    char *dir = is_stdin ? xstrdup(".") : dir_of(path);
    const char *shown = is_stdin ? "Dockerfile" : path;

    /* the context: .dockerignore (and, for --teach, every file) */
    struct build_file *tree = NULL;
    long n_tree = 0;
    char *ignore = NULL;
    if (teach) {
        char *err = NULL;
        n_tree = host_read_tree(dir, &tree, &err);
        if (n_tree < 0) {
            fprintf(io->err, "docksim lint: the context %s is not read "
                             "(%s); teaching notes about its files are "
                             "left out\n",
                    dir, err);
            free(err);
            n_tree = 0;
            tree = NULL;
        }
    }
    struct sb ipath = SB_INIT;
    sb_addf(&ipath, "%s/.dockerignore", dir);
    for (long i = 0; i < n_tree; i++)
        if (strcmp(tree[i].path, ".dockerignore") == 0 && !tree[i].is_dir)
            ignore = xmemdup0(tree[i].data, tree[i].len);
    if (!ignore && !teach) {
        size_t il;
        char *err = NULL;
        ignore = host_read_file(ipath.buf, &il, &err);
        free(err); /* no .dockerignore: none */
    }
    sb_release(&ipath);
    struct build_context ctx = { tree, (size_t)n_tree, ignore };

    struct build_opts o;
    memset(&o, 0, sizeof(o));
    o.dockerfile_name = shown;
    o.target = target;
    o.args = args;
    o.n_args = n_args;
    o.check = true;
    o.ctx = &ctx;
    o.host_env = env_lookup;
    struct store st;
    store_init(&st);
    struct build_result r;
    build_run(&st, text, len, &o, &r);

    struct lint_source src = { shown, text, len };
    struct sb out = SB_INIT, err = SB_INIT;
    bool json = strcmp(format, "json") == 0;
    if (json)
        lintreport_json(&out, &r, &src);
    else
        lintreport_check(&out, &err, &r, &src);
    rc = r.error ? EXIT_INPUT : EXIT_OK;

    struct teach_list tl;
    teach_list_init(&tl);
    if (teach) {
        struct teach_opts to;
        memset(&to, 0, sizeof(to));
        to.ctx = &ctx;
        to.target = target;
        teach_check(text, len, &to, &tl);
    }
    if (teach && json) {
        struct sb wrapped = SB_INIT;
        teaching_json(&wrapped, &out, &tl);
        fwrite(wrapped.buf, 1, wrapped.len, io->out);
        sb_release(&wrapped);
    } else {
        fwrite(out.buf, 1, out.len, io->out);
    }
    fwrite(err.buf, 1, err.len, io->err);
    if (teach && !json)
        print_teaching(io->out, &tl);
    teach_list_release(&tl);

    sb_release(&out);
    sb_release(&err);
    build_result_release(&r);
    store_release(&st);
    free(ignore);
    host_free_tree(tree, (size_t)n_tree);
    free(dir);
    free(text);
done_args:
    for (size_t i = 0; i < n_args; i++)
        free(keys[i]);
    free(keys);
    free(args);
    return rc;
}
