/*
 * cli_parse.c: `docksim parse [--dump] [FILE|-]`.
 *
 * --dump prints BuildKit's AST dump (byte for byte what the parser stage
 * produces; printed whenever that stage succeeds). Without it, a listing
 * says for each instruction its lines, form, flags, and what it does and
 * when. Diagnostics go to stderr, one line each; any error exits 1.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "instructions.h"
#include "render.h"
#include "imgconfig.h"
#include "sb.h"
#include "xmalloc.h"

static void parse_usage(FILE *f)
{
    fprintf(f,
            "usage: docksim parse [--dump] [FILE|-]\n\n"
            "Reads a Dockerfile exactly as Docker's BuildKit frontend does "
            "(directives,\ncontinuations, JSON vs shell form, heredocs, "
            "flags, stages) and lists its\ninstructions: lines, form, flags, "
            "and what each does and when.\n\n"
            "  FILE     the Dockerfile (default: ./Dockerfile); - reads "
            "standard input\n"
            "  --dump   print BuildKit's AST dump instead (as its parser "
            "test files do)\n"
            "  --help   this text\n\n"
            "Errors and warnings go to standard error as FILE:LINE: "
            "messages, with\nBuildKit's exact wording. Exit status: 0 ok "
            "(warnings allowed), 1 errors,\n2 bad usage.\n");
}

static const char *when_text(const struct instr_def *d, enum instr_kind k)
{
    if (k == INSTR_ONBUILD)
        return "image metadata, runs in a later build";
    switch (d->when) {
    case WHEN_BUILD:
        return d->makes_layer ? "build time, new layer" : "build time";
    case WHEN_METADATA:
        return "image metadata";
    case WHEN_START:
        return "image metadata, used when a container starts";
    }
    return "";
}

static void add_shell_words(struct sb *out, const struct span *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_addch(out, ' ');
        render_one_line(out, v[i].s, v[i].len, 40);
    }
}

/* The "form" part of an instruction's details, or nothing. */
static void add_form(struct sb *out, const struct instr *in,
                     const struct span *shell, size_t n_shell)
{
    switch (in->kind) {
    case INSTR_RUN:
    case INSTR_CMD:
    case INSTR_ENTRYPOINT:
        if (in->n_args == 0 && !in->json)
            return;
        if (in->json) {
            sb_adds(out, "exec form (runs the program directly, no shell)");
        } else {
            sb_adds(out, "shell form (runs as ");
            if (n_shell)
                add_shell_words(out, shell, n_shell);
            else
                sb_adds(out, "/bin/sh -c");
            sb_adds(out, " \"...\")");
        }
        return;
    case INSTR_SHELL:
        sb_adds(out, "exec form");
        return;
    case INSTR_HEALTHCHECK:
        if (in->health.none)
            sb_adds(out, "NONE (turns off an inherited health check)");
        else if (in->json)
            sb_adds(out, "exec form (CMD)");
        else
            sb_adds(out, "shell form (CMD-SHELL: the container's /bin/sh -c)");
        return;
    case INSTR_COPY:
    case INSTR_ADD:
    case INSTR_VOLUME:
        if (in->json)
            sb_adds(out, "JSON form");
        return;
    default:
        return;
    }
}

static void list_instr(FILE *f, const struct instr *in,
                       const struct span *shell, size_t n_shell)
{
    struct sb l = SB_INIT;
    char where[32];
    if (in->start_line == in->end_line)
        snprintf(where, sizeof(where), "%d", in->start_line);
    else
        snprintf(where, sizeof(where), "%d-%d", in->start_line, in->end_line);
    sb_addf(&l, "  %-7s ", where);
    render_one_line(&l, in->node->original.s, in->node->original.len, 68);
    size_t nh = ast_n_heredocs(in->node);
    const struct heredoc *h = ast_heredocs(in->node);
    for (size_t i = 0; i < nh; i++) {
        size_t lines = 0;
        for (size_t k = 0; k < h[i].content.len; k++)
            lines += h[i].content.s[k] == '\n';
        sb_adds(&l, " + heredoc ");
        render_one_line(&l, h[i].name.s, h[i].name.len, 20);
        sb_addf(&l, " (%zu line%s)", lines, lines == 1 ? "" : "s");
    }
    fprintf(f, "%s\n", l.buf);

    sb_reset(&l);
    sb_adds(&l, "          ");
    size_t mark = l.len;
    add_form(&l, in, shell, n_shell);
    if (in->n_flags) {
        if (l.len > mark)
            sb_adds(&l, "; ");
        sb_adds(&l, "flags:");
        for (size_t i = 0; i < in->n_flags; i++) {
            sb_addf(&l, " --%s", in->flags[i].name);
            if (in->flags[i].value.len) {
                sb_addch(&l, '=');
                render_one_line(&l, in->flags[i].value.s,
                                in->flags[i].value.len, 40);
            }
        }
    }
    if (l.len > mark)
        fprintf(f, "%s\n", l.buf);
    const struct instr_def *d = &instr_table[in->kind];
    struct sb what = SB_INIT;
    sb_addf(&what, "%s: %s", when_text(d, in->kind), d->summary);
    sb_reset(&l);
    render_wrapped(&l, what.buf, 10, 79);
    fputs(l.buf, f);
    sb_release(&what);
    sb_release(&l);
}

/* Streaming listing: one instruction at a time (see dockerfile_opts). */
struct lister {
    FILE *f;
    size_t n_instr;
    bool meta_header;
    long stage;
    /* the shell in effect in the current stage, and each named stage's
     * final shell (a stage FROM another stage inherits it) */
    struct strlist shell;
    struct strlist stage_names;  /* "name" of each stage (or "") */
    struct strlist *stage_shells;
    size_t n_stage_shells;
};

static void save_stage_shell(struct lister *ls)
{
    if (ls->stage < 0)
        return;
    ls->stage_shells = xreallocarray(ls->stage_shells, ls->n_stage_shells + 1,
                                     sizeof(*ls->stage_shells));
    strlist_init(&ls->stage_shells[ls->n_stage_shells]);
    strlist_copy(&ls->stage_shells[ls->n_stage_shells++], &ls->shell);
}

static void list_one(void *ctx, const struct instr *in, long stage)
{
    struct lister *ls = ctx;
    ls->n_instr++;
    if (stage < 0) {
        if (!ls->meta_header)
            fprintf(ls->f, "global scope (ARGs before the first FROM: only "
                           "FROM lines can use them)\n");
        ls->meta_header = true;
        list_instr(ls->f, in, NULL, 0);
        return;
    }
    if (in->kind == INSTR_FROM) {
        save_stage_shell(ls);
        ls->stage = stage;
        strlist_release(&ls->shell);
        /* FROM an earlier stage: its shell carries over */
        for (size_t i = ls->stage_names.n; i-- > 0;) {
            const char *nm = ls->stage_names.v[i];
            if (*nm && strlen(nm) == in->base_name.len &&
                memcmp(nm, in->base_name.s, in->base_name.len) == 0 &&
                i < ls->n_stage_shells) {
                strlist_copy(&ls->shell, &ls->stage_shells[i]);
                break;
            }
        }
        strlist_pushn(&ls->stage_names, in->stage_name.s, in->stage_name.len);
        fprintf(ls->f, "%sstage %ld", ls->n_instr > 1 ? "\n" : "", stage);
        if (in->stage_name.len) {
            struct sb nm = SB_INIT;
            render_one_line(&nm, in->stage_name.s, in->stage_name.len, 40);
            fprintf(ls->f, " \"%s\"", nm.buf);
            sb_release(&nm);
        }
        struct sb base = SB_INIT;
        render_one_line(&base, in->base_name.s, in->base_name.len, 60);
        fprintf(ls->f, ": FROM %s\n", base.buf);
        sb_release(&base);
    }
    struct span *sh = NULL;
    size_t nsh = ls->shell.n;
    struct span tmp[8];
    if (nsh) {
        sh = nsh <= ARRAY_LEN(tmp) ? tmp : xcalloc(nsh, sizeof(*sh));
        for (size_t i = 0; i < nsh; i++) {
            sh[i].s = ls->shell.v[i];
            sh[i].len = strlen(ls->shell.v[i]);
        }
    }
    list_instr(ls->f, in, sh, nsh);
    if (sh && sh != tmp)
        free(sh);
    if (in->kind == INSTR_SHELL) {
        strlist_release(&ls->shell);
        for (size_t i = 0; i < in->n_cmdline; i++)
            strlist_pushn(&ls->shell, in->cmdline[i].s, in->cmdline[i].len);
    }
}

static void lister_release(struct lister *ls)
{
    strlist_release(&ls->shell);
    strlist_release(&ls->stage_names);
    for (size_t i = 0; i < ls->n_stage_shells; i++)
        strlist_release(&ls->stage_shells[i]);
    free(ls->stage_shells);
}

int cli_parse(int argc, char **argv, const struct cli_io *io)
{
    bool dump = false;
    const char *path = NULL;
    bool opts_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!opts_done && strcmp(a, "--") == 0) {
            opts_done = true;
        } else if (!opts_done && strcmp(a, "--dump") == 0) {
            dump = true;
        } else if (!opts_done &&
                   (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
            parse_usage(io->out);
            return EXIT_OK;
        } else if (!opts_done && a[0] == '-' && a[1] != '\0') {
            fprintf(io->err, "docksim parse: unknown option '%s'\n", a);
            parse_usage(io->err);
            return EXIT_USAGE;
        } else if (!path) {
            path = a;
        } else {
            fprintf(io->err, "docksim parse: one file at a time ('%s' and "
                             "'%s' given)\n",
                    path, a);
            return EXIT_USAGE;
        }
    }
    if (!path)
        path = "Dockerfile";
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;

    size_t len;
    char *text = cli_read_input(path, &len, io);
    if (!text)
        return EXIT_INPUT;

    struct diag_list dl = DIAG_LIST_INIT;
    struct dockerfile df;
    struct lister ls;
    int rc;
    memset(&ls, 0, sizeof(ls));
    ls.f = io->out;
    ls.stage = -1;
    strlist_init(&ls.shell);
    strlist_init(&ls.stage_names);
    struct dockerfile_opts opts = { NULL, dump ? NULL : list_one, &ls };
    render_input_notes(io->err, name, text, len);
    if (len == 0) {
        /* the frontend's own check, before the parser */
        diag_add(&dl, DIAG_ERROR, DIAG_BUILD, NULL, 0, 0,
                 "the Dockerfile cannot be empty");
        memset(&df, 0, sizeof(df));
        rc = -1;
    } else {
        rc = dockerfile_parse(&df, text, len, &opts, &dl);
    }
    if (dump && df.parsed) {
        struct sb out = SB_INIT;
        ast_dump(&out, &df.ast);
        fwrite(out.buf, 1, out.len, io->out);
        sb_release(&out);
    } else if (!dump && rc == 0) {
        fprintf(io->out, "\n%s: %zu instruction%s, %zu stage%s", name,
                ls.n_instr, ls.n_instr == 1 ? "" : "s", df.n_stages,
                df.n_stages == 1 ? "" : "s");
        if (df.ast.escape != '\\')
            fprintf(io->out, ", escape character %c", df.ast.escape);
        fprintf(io->out, "\n");
    }
    lister_release(&ls);
    render_diags(io->err, name, &dl);
    bool failed = rc < 0 || diag_count(&dl, DIAG_ERROR) > 0;
    if (len)
        dockerfile_release(&df);
    diag_list_release(&dl);
    free(text);
    return failed ? EXIT_INPUT : EXIT_OK;
}
