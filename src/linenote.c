/*
 * linenote.c: one line of feedback per Dockerfile instruction (see
 * linenote.h). Everything it says comes from instr_table (what, when,
 * layer) and from parsing the Dockerfile through layers 1-3 (form,
 * errors, warnings).
 */
#include "linenote.h"

#include <string.h>

#include "diag.h"
#include "imgconfig.h"
#include "instr_table.h"
#include "instructions.h"
#include "parser.h"
#include "sb.h"

#define NOTE_WIDTH 76
#define NOTE_DETAIL_MAX 100 /* the one-line note cuts its details here */

const char *linenote_when(int when)
{
    switch (when) {
    case WHEN_BUILD:
        return "build time";
    case WHEN_METADATA:
        return "image metadata";
    case WHEN_START:
        return "container start";
    }
    return "";
}

/* Append text word-wrapped at NOTE_WIDTH, later lines indented by 2. A
 * short JSON array is kept on one line. */
static void wrap(struct sb *out, const char *text)
{
    size_t col = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if (*w == '[' && !memchr(w, ']', (size_t)(p - w))) {
            const char *close = strchr(p, ']');
            if (close && (size_t)(close - w) < NOTE_WIDTH / 2) {
                p = close + 1;
                while (*p && *p != ' ')
                    p++;
            }
        }
        size_t wl = (size_t)(p - w);
        if (!wl)
            break;
        if (col && col + 1 + wl > NOTE_WIDTH) {
            sb_adds(out, "\n  ");
            col = 2;
        } else if (col) {
            sb_addch(out, ' ');
            col++;
        }
        sb_add(out, w, wl);
        col += wl;
    }
    sb_addch(out, '\n');
}

static void spans_json(struct sb *out, const struct span *v, size_t n)
{
    struct strlist l;
    strlist_init(&l);
    strlist_set_empty(&l);
    for (size_t i = 0; i < n; i++)
        strlist_pushn(&l, v[i].s, v[i].len);
    strlist_to_json_inline(out, &l);
    strlist_release(&l);
}

/* The SHELL in effect for in: its stage's last SHELL before it. */
static void shell_of(const struct dockerfile *df, const struct instr *in,
                     struct strlist *sh)
{
    const struct instr *shell = NULL;
    for (size_t s = 0; s < df->n_stages; s++) {
        const struct stage *st = &df->stages[s];
        const struct instr *last = NULL;
        for (size_t i = 0; i < st->n_cmds && !shell; i++) {
            if (st->cmds[i] == in)
                shell = last ? last : in; /* in: no SHELL before it */
            else if (st->cmds[i]->kind == INSTR_SHELL)
                last = st->cmds[i];
        }
    }
    strlist_set_empty(sh);
    if (shell && shell != in && shell->n_cmdline) {
        for (size_t i = 0; i < shell->n_cmdline; i++)
            strlist_pushn(sh, shell->cmdline[i].s, shell->cmdline[i].len);
    } else {
        strlist_push(sh, "/bin/sh");
        strlist_push(sh, "-c");
    }
}

/* "exec form: ..." / "shell form: ..." for RUN, CMD, ENTRYPOINT. */
static void add_form(struct sb *o, const struct dockerfile *df,
                     const struct instr *in, const struct ast_node *node)
{
    if (in->json) {
        sb_adds(o, "; exec form: runs ");
        spans_json(o, in->cmdline, in->n_cmdline);
        sb_adds(o, " directly, with no shell in between");
        return;
    }
    bool looks_json = node->n_args && node->args[0].len &&
                      node->args[0].s[0] == '[';
    struct strlist sh;
    strlist_init(&sh);
    shell_of(df, in, &sh);
    struct sb cmd = SB_INIT;
    for (size_t i = 0; i < in->n_cmdline; i++) {
        if (i)
            sb_addch(&cmd, ' ');
        sb_add(&cmd, in->cmdline[i].s, in->cmdline[i].len);
    }
    strlist_push(&sh, cmd.buf);
    sb_adds(o, looks_json ? "; not valid JSON (exec form needs double "
                            "quotes), so shell form: runs "
                          : "; shell form: runs ");
    strlist_to_json_inline(o, &sh);
    if (in->kind == INSTR_ENTRYPOINT)
        sb_adds(o, ", so CMD and docker run arguments never reach the "
                   "program");
    sb_release(&cmd);
    strlist_release(&sh);
}

/* Up to max bytes of span text, "..." when cut. */
static void add_cut(struct sb *o, const char *s, size_t len, size_t max)
{
    if (len <= max) {
        sb_add(o, s, len);
        return;
    }
    sb_add(o, s, max > 3 ? max - 3 : 0);
    sb_adds(o, "...");
}

static void add_span(struct sb *o, struct span sp)
{
    sb_add(o, sp.s, sp.len);
}

/* What a RUN/CMD/ENTRYPOINT runs, as the argv Docker stores. */
static void argv_of(struct sb *o, const struct dockerfile *df,
                    const struct instr *in)
{
    if (in->json) {
        spans_json(o, in->cmdline, in->n_cmdline);
        return;
    }
    struct strlist sh;
    strlist_init(&sh);
    shell_of(df, in, &sh);
    struct sb cmd = SB_INIT;
    for (size_t i = 0; i < in->n_cmdline; i++) {
        if (i)
            sb_addch(&cmd, ' ');
        add_span(&cmd, in->cmdline[i]);
    }
    strlist_push(&sh, cmd.buf);
    strlist_to_json_inline(o, &sh);
    sb_release(&cmd);
    strlist_release(&sh);
}

static const char *form_word(const struct instr *in,
                             const struct ast_node *node)
{
    if (in->json)
        return "exec form";
    if (node->n_args && node->args[0].len && node->args[0].s[0] == '[')
        return "not valid JSON, so shell form";
    return "shell form";
}

/* The concrete part of the one-line note: what this line does. */
static void short_detail(struct sb *o, const struct dockerfile *df,
                         const struct instr *in, const struct ast_node *node)
{
    switch (in->kind) {
    case INSTR_FROM:
        sb_adds(o, "a new stage from ");
        add_span(o, in->base_name);
        if (in->stage_name.len) {
            sb_adds(o, ", named ");
            add_span(o, in->stage_name);
        }
        break;
    case INSTR_RUN:
        if (in->n_files && !in->json && in->n_cmdline == 1 &&
            in->cmdline[0].len > 2 && in->cmdline[0].s[0] == '<' &&
            in->cmdline[0].s[1] == '<' &&
            !memchr(in->cmdline[0].s, ' ', in->cmdline[0].len)) {
            /* RUN <<EOF alone: the heredoc's body is the script */
            struct strlist sh;
            strlist_init(&sh);
            shell_of(df, in, &sh);
            sb_adds(o, "runs the heredoc ");
            for (size_t i = 0; i < in->n_files; i++) {
                sb_adds(o, i ? ", <<" : "<<");
                add_span(o, in->files[i].name);
            }
            sb_addf(o, " as a script (%s)", sh.n ? sh.v[0] : "/bin/sh");
            strlist_release(&sh);
            break;
        }
        sb_addf(o, "%s, runs ", form_word(in, node));
        argv_of(o, df, in);
        if (in->n_files)
            sb_adds(o, " with the heredoc as its input");
        break;
    case INSTR_CMD:
        sb_addf(o, "%s, default command ", form_word(in, node));
        argv_of(o, df, in);
        break;
    case INSTR_ENTRYPOINT:
        sb_addf(o, "%s, %s; program ", form_word(in, node),
                in->json ? "CMD and run arguments are appended"
                         : "CMD and run arguments never reach it");
        argv_of(o, df, in);
        break;
    case INSTR_SHELL:
        sb_adds(o, "later shell forms run in ");
        spans_json(o, in->cmdline, in->n_cmdline);
        break;
    case INSTR_ENV:
    case INSTR_LABEL:
    case INSTR_ARG:
        sb_adds(o, in->kind == INSTR_ENV ? "sets "
                   : in->kind == INSTR_LABEL ? "labels "
                                             : "build argument ");
        for (size_t i = 0; i < in->n_pairs; i++) {
            if (i)
                sb_adds(o, ", ");
            add_span(o, in->pairs[i].key);
            if (in->kind != INSTR_ARG || in->pairs[i].has_value) {
                sb_addch(o, '=');
                add_span(o, in->pairs[i].value);
            }
        }
        break;
    case INSTR_COPY:
    case INSTR_ADD: {
        const struct flag_value *from = instr_flag_value(in, "from");
        sb_adds(o, in->kind == INSTR_COPY ? "copies " : "adds ");
        for (size_t i = 0; i < in->n_sources; i++) {
            add_span(o, in->sources[i]);
            sb_addch(o, ' ');
        }
        for (size_t i = 0; i < in->n_inline_files; i++) {
            sb_adds(o, "<<");
            add_span(o, in->inline_files[i].name);
            sb_addch(o, ' ');
        }
        sb_adds(o, "to ");
        add_span(o, in->dest);
        if (from && from->present) {
            sb_adds(o, " from stage ");
            add_span(o, from->value);
        }
        break;
    }
    case INSTR_EXPOSE:
        /* as written (the image config keeps them sorted) */
        sb_adds(o, "documents port");
        sb_adds(o, node->n_args == 1 ? " " : "s ");
        for (size_t i = 0; i < node->n_args; i++) {
            if (i)
                sb_adds(o, ", ");
            add_span(o, node->args[i]);
        }
        sb_adds(o, "; publishes nothing");
        break;
    case INSTR_VOLUME:
        sb_adds(o, "volume at ");
        for (size_t i = 0; i < in->n_list; i++) {
            if (i)
                sb_adds(o, ", ");
            add_span(o, in->list[i]);
        }
        break;
    case INSTR_WORKDIR:
        sb_adds(o, "working directory ");
        add_span(o, in->value);
        break;
    case INSTR_USER:
        sb_adds(o, "runs as user ");
        add_span(o, in->value);
        break;
    case INSTR_STOPSIGNAL:
        sb_adds(o, "docker stop sends ");
        add_span(o, in->value);
        break;
    case INSTR_MAINTAINER:
        sb_adds(o, "author ");
        add_span(o, in->value);
        sb_adds(o, " (deprecated: use a LABEL)");
        break;
    case INSTR_HEALTHCHECK:
        if (in->health.none) {
            sb_adds(o, "no health check");
        } else {
            sb_adds(o, "health check ");
            spans_json(o, in->health.test, in->health.n_test);
        }
        break;
    case INSTR_ONBUILD:
        sb_adds(o, "stored for builds FROM this image: ");
        add_span(o, in->expression);
        break;
    default:
        break;
    }
}

/* label NULL: "line N: "; else label replaces it. */
static int describe(const char *text, size_t len, int line,
                    const char *label, bool brief, struct sb *out)
{
    struct dockerfile df;
    struct diag_list dl = DIAG_LIST_INIT;
    dockerfile_parse(&df, text, len, NULL, &dl);
    const struct ast *ast = &df.ast;
    const struct ast_node *node = NULL;
    for (size_t i = 0; i < ast->n_nodes; i++) {
        const struct ast_node *n = ast->nodes[i];
        if (line == 0 || (line >= n->start_line && line <= n->end_line))
            node = n;
    }
    if (!node || node->kind >= INSTR_COUNT) {
        dockerfile_release(&df);
        diag_list_release(&dl);
        return -1;
    }
    const struct instr *in = NULL;
    for (size_t i = 0; i < df.n_all; i++)
        if (df.all[i]->node == node)
            in = df.all[i];
    const struct instr_def *def = &instr_table[node->kind];

    struct sb o = SB_INIT;
    if (label)
        sb_addf(&o, "%s%s", label, def->name);
    else if (node->start_line == node->end_line)
        sb_addf(&o, "line %d: %s", node->start_line, def->name);
    else
        sb_addf(&o, "lines %d-%d: %s", node->start_line, node->end_line,
                def->name);
    if (brief) {
        /* one line: "line N: KW: what it does (when, layer)" */
        if (in) {
            struct sb what = SB_INIT;
            short_detail(&what, &df, in, node);
            sb_adds(&o, ": ");
            add_cut(&o, what.buf, what.len, NOTE_DETAIL_MAX);
            sb_release(&what);
        }
        sb_addf(&o, " (%s, %s)\n", linenote_when(def->when),
                def->makes_layer ? "new layer" : "no layer");
        sb_add(out, o.buf, o.len);
    } else {
        sb_addf(&o, " (%s, %s): %s", linenote_when(def->when),
                def->makes_layer ? "new layer" : "no layer", def->summary);
        if (in && in->kind == INSTR_FROM) {
            sb_adds(&o, "; base: ");
            sb_add(&o, in->base_name.s, in->base_name.len);
            if (in->stage_name.len) {
                sb_adds(&o, ", stage name: ");
                sb_add(&o, in->stage_name.s, in->stage_name.len);
            }
        }
        if (in && (in->kind == INSTR_RUN || in->kind == INSTR_CMD ||
                   in->kind == INSTR_ENTRYPOINT) &&
            (in->n_cmdline || in->json))
            add_form(&o, &df, in, node);
        wrap(out, o.buf);
    }
    sb_release(&o);

    for (size_t i = 0; i < dl.n; i++) {
        const struct diag *d = &dl.items[i];
        if (d->end_line < node->start_line || d->start_line > node->end_line)
            continue;
        struct sb m = SB_INIT;
        if (d->level == DIAG_WARNING)
            sb_addf(&m, "warning: %s%s", d->rule ? d->rule : "",
                    d->rule ? ": " : "");
        else
            sb_adds(&m, "error (docker build will stop here): ");
        for (size_t k = 0; k < d->msg_len; k++)
            sb_addch(&m, d->msg[k] ? d->msg[k] : ' ');
        wrap(out, m.buf);
        sb_release(&m);
    }
    dockerfile_release(&df);
    diag_list_release(&dl);
    return 0;
}

int linenote_describe(const char *text, size_t len, int line,
                      struct sb *out)
{
    return describe(text, len, line, NULL, false, out);
}

int linenote_short(const char *text, size_t len, struct sb *out)
{
    return describe(text, len, 0, NULL, true, out);
}

int linenote_explain_line(const char *line, struct sb *out)
{
    struct sb t = SB_INIT;
    const char *p = line;
    while (*p == ' ' || *p == '\t')
        p++;
    size_t wl = strcspn(p, " \t");
    bool from = instr_lookup(p, wl) == INSTR_FROM;
    /* a stage to stand in: the line alone is not a valid Dockerfile */
    if (!from)
        sb_adds(&t, "FROM scratch\n");
    sb_adds(&t, line);
    sb_addch(&t, '\n');
    int rc = describe(t.buf, t.len, from ? 1 : 2, "", false, out);
    sb_release(&t);
    return rc;
}
