/*
 * statemodel.c: snapshots of a session for lessons, the path table and
 * check values (see statemodel.h).
 */
#include "statemodel.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "dockerargs.h"
#include "gostr.h"
#include "instr_table.h"
#include "instructions.h"
#include "json.h"
#include "parser.h"
#include "sb.h"
#include "store.h"
#include "xmalloc.h"

/* ==================================================================== */
/* Operators and values                                                 */
/* ==================================================================== */

/* ORDER SM_OP */
static const char *const op_names[] = { "=", "!=", "has", "~", "exists",
                                        "missing" };

int sm_op_parse(const char *word, size_t len, enum sm_op *op)
{
    for (size_t i = 0; i < ARRAY_LEN(op_names); i++)
        if (strlen(op_names[i]) == len && memcmp(op_names[i], word, len) == 0) {
            *op = (enum sm_op)i;
            return 0;
        }
    return -1;
}

const char *sm_op_name(enum sm_op op)
{
    return op_names[op];
}

bool sm_op_has_value(enum sm_op op)
{
    return op != SM_EXISTS && op != SM_MISSING;
}

const char *sm_op_check(enum sm_op op, enum sm_type t)
{
    if ((op == SM_HAS || op == SM_GLOB) && (t == SM_BOOL || t == SM_INT))
        return "works on strings and lists only";
    return NULL;
}

static const char *type_name(enum sm_type t)
{
    switch (t) {
    case SM_STRING:
        return "string";
    case SM_LIST:
        return "list";
    case SM_BOOL:
        return "true|false";
    case SM_INT:
        return "number";
    }
    return "";
}

/* A JSON string literal: the decoded text, or NULL if text is not one. */
static const char *parse_json_string(struct arena *a, const char *text)
{
    struct json_value *v = json_parse(a, text, strlen(text), NULL);
    if (!v || v->type != JSON_STRING || memchr(v->str, '\0', v->len))
        return NULL;
    return v->str;
}

int sm_value_parse(struct arena *a, const char *text, enum sm_type t,
                   enum sm_op op, struct sm_value *out, const char **err)
{
    memset(out, 0, sizeof(*out));
    out->present = true;
    out->type = t;
    if (!sm_op_has_value(op)) {
        if (*text) {
            *err = "takes no value";
            return -1;
        }
        return 0;
    }
    if (!*text) {
        *err = "needs a value";
        return -1;
    }
    bool whole_list = t == SM_LIST && (op == SM_EQ || op == SM_NE);
    if (whole_list) {
        struct json_value *v = json_parse(a, text, strlen(text), NULL);
        if (!v || v->type != JSON_ARRAY) {
            *err = "must be a JSON list of strings, like [\"echo\", \"hi\"]";
            return -1;
        }
        const char **items = arena_calloc(a, v->n ? v->n : 1, sizeof(*items));
        for (size_t i = 0; i < v->n; i++) {
            if (v->items[i]->type != JSON_STRING ||
                memchr(v->items[i]->str, '\0', v->items[i]->len)) {
                *err = "must be a JSON list of strings, like [\"echo\", "
                       "\"hi\"]";
                return -1;
            }
            items[i] = v->items[i]->str;
        }
        out->v = items;
        out->n = v->n;
        return 0;
    }
    switch (t) {
    case SM_BOOL:
        if (strcmp(text, "true") == 0) {
            out->b = true;
        } else if (strcmp(text, "false") == 0) {
            out->b = false;
        } else {
            *err = "must be true or false";
            return -1;
        }
        out->type = SM_BOOL;
        return 0;
    case SM_INT: {
        errno = 0;
        char *end;
        long n = strtol(text, &end, 10);
        if (errno || *end || end == text) {
            *err = "must be a whole number";
            return -1;
        }
        out->i = n;
        return 0;
    }
    case SM_STRING:
    case SM_LIST:
        break;
    }
    /* a string (or one list element for has and ~) */
    out->type = SM_STRING;
    if (text[0] == '"') {
        out->s = parse_json_string(a, text);
        if (!out->s) {
            *err = "starts with '\"' but is not one JSON string";
            return -1;
        }
    } else if (text[0] == '[' && t == SM_STRING) {
        *err = "is a string: quote it (\"[...]\") to compare text that "
               "starts with '['";
        return -1;
    } else {
        out->s = arena_strdup(a, text);
    }
    return 0;
}

static bool glob_match(const char *pattern, const char *s)
{
    return fnmatch(pattern, s, 0) == 0;
}

bool sm_compare(const struct sm_value *got, enum sm_op op,
                const struct sm_value *want)
{
    if (op == SM_EXISTS)
        return got->present;
    if (op == SM_MISSING)
        return !got->present;
    if (!got->present)
        return op == SM_NE;
    bool eq = false;
    switch (got->type) {
    case SM_LIST:
        if (op == SM_HAS || op == SM_GLOB) {
            for (size_t i = 0; i < got->n; i++)
                if (op == SM_HAS ? strcmp(got->v[i], want->s) == 0
                                 : glob_match(want->s, got->v[i]))
                    return true;
            return false;
        }
        eq = got->n == want->n;
        for (size_t i = 0; eq && i < got->n; i++)
            eq = strcmp(got->v[i], want->v[i]) == 0;
        break;
    case SM_STRING:
        if (op == SM_HAS)
            return strstr(got->s, want->s) != NULL;
        if (op == SM_GLOB)
            return glob_match(want->s, got->s);
        eq = strcmp(got->s, want->s) == 0;
        break;
    case SM_BOOL:
        eq = got->b == want->b;
        break;
    case SM_INT:
        eq = got->i == want->i;
        break;
    }
    return op == SM_NE ? !eq : eq;
}

/* Would `PATH = text` read back as exactly this string? */
static bool bare_ok(const char *s)
{
    size_t n = strlen(s);
    if (!n || s[0] == '"' || s[0] == '[' || s[0] == ' ' || s[n - 1] == ' ')
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return false;
    return true;
}

void sm_value_format(struct sb *out, const struct sm_value *v)
{
    if (!v->present) {
        sb_adds(out, "(missing)");
        return;
    }
    switch (v->type) {
    case SM_LIST:
        sb_addch(out, '[');
        for (size_t i = 0; i < v->n; i++) {
            if (i)
                sb_adds(out, ", ");
            json_write_string(out, v->v[i], strlen(v->v[i]));
        }
        sb_addch(out, ']');
        break;
    case SM_STRING:
        if (bare_ok(v->s))
            sb_adds(out, v->s);
        else
            json_write_string(out, v->s, strlen(v->s));
        break;
    case SM_BOOL:
        sb_adds(out, v->b ? "true" : "false");
        break;
    case SM_INT:
        sb_addf(out, "%ld", v->i);
        break;
    }
}

/* ==================================================================== */
/* Runs                                                                 */
/* ==================================================================== */

void sm_run_init(struct sm_run *r)
{
    memset(r, 0, sizeof(*r));
    strlist_init(&r->argv);
    strlist_init(&r->notes);
}

void sm_run_release(struct sm_run *r)
{
    strlist_release(&r->argv);
    strlist_release(&r->notes);
    free(r->out);
    sm_run_init(r);
}

static bool is_shell_name(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    return strcmp(b, "sh") == 0 || strcmp(b, "bash") == 0 ||
           strcmp(b, "dash") == 0 || strcmp(b, "ash") == 0;
}

/* Does a `sh -c` command string read its positional parameters? */
static bool reads_positional(const char *cmd)
{
    for (const char *q = cmd; *q; q++) {
        if (*q != '$')
            continue;
        const char *v = q[1] == '{' ? q + 2 : q + 1;
        if ((*v >= '0' && *v <= '9') || *v == '@' || *v == '*' || *v == '#')
            return true;
    }
    return false;
}

void sm_run_from_result(struct sm_run *r, const struct line_result *res)
{
    sm_run_release(r);
    r->present = true;
    r->exit_code = res->exit_code;
    size_t n = res->out.len;
    if (n && res->out.buf[n - 1] == '\n')
        n--;
    r->out = xmemdup0(res->out.buf, n);
    for (size_t i = 0; i < res->explain.n; i++)
        if (strlist_find(&r->notes, res->explain.items[i].id) < 0)
            strlist_push(&r->notes, res->explain.items[i].id);
    if (!r->notes.set)
        strlist_set_empty(&r->notes);
    if (!res->has_argv || !res->path)
        return;
    r->has_argv = true;
    strlist_set_empty(&r->argv);
    strlist_push(&r->argv, res->path);
    for (size_t i = 0; i < res->args.n; i++)
        strlist_push(&r->argv, res->args.v[i]);
    /* a shell running -c: the words after its command string only
     * become $0, $1, ... (ignored unless the string reads them) */
    r->ignored_from = r->argv.n;
    if (r->argv.n >= 3 && is_shell_name(r->argv.v[0]) &&
        strcmp(r->argv.v[1], "-c") == 0) {
        r->is_shell = true;
        if (!reads_positional(r->argv.v[2]))
            r->ignored_from = 3;
    }
}

bool sm_is_docker_run(const char *line)
{
    struct arena a = ARENA_INIT;
    struct shellwords w;
    const char *err = NULL;
    bool run = false;
    if (shellwords_split(&a, line, NULL, NULL, &w, &err) == 0 && w.n >= 2 &&
        strcmp(w.words[0], "docker") == 0) {
        size_t consumed = 0;
        const struct dcmd_def *c = dcli_find(w.words + 1, w.n - 1, &consumed);
        if (c) {
            const char *name = c->alias_of ? c->alias_of : c->path;
            run = strcmp(name, "run") == 0;
        }
    }
    arena_release(&a);
    return run;
}

/* ==================================================================== */
/* Snapshots                                                            */
/* ==================================================================== */

struct sm_probe_entry {
    char *line;
    struct sm_run run;
};

static void capture_last_run(void *ctx, const char *line,
                             const struct line_result *r)
{
    struct sm_snapshot *snap = ctx;
    if (r->kind == LINE_DOCKER && sm_is_docker_run(line))
        sm_run_from_result(&snap->last_run, r);
}

static void add_once(struct strlist *l, const char *s, size_t len)
{
    char *t = xmemdup0(s, len);
    if (strlist_find(l, t) < 0)
        strlist_push(l, t);
    free(t);
}

/* dockerfile.instructions: every instruction keyword, in file order. */
static void list_instructions(struct sm_snapshot *snap)
{
    const struct sb *df = &snap->scratch.dockerfile;
    strlist_set_empty(&snap->instructions);
    struct ast ast;
    struct diag_list dl = DIAG_LIST_INIT;
    ast_parse(&ast, df->buf, df->len, &dl);
    for (size_t i = 0; i < ast.n_nodes; i++) {
        const struct ast_node *n = ast.nodes[i];
        if (n->kind != INSTR_UNKNOWN) {
            strlist_push(&snap->instructions, instr_table[n->kind].name);
        } else {
            struct sb up = SB_INIT;
            go_to_upper(&up, n->keyword.s, n->keyword.len);
            strlist_push(&snap->instructions, up.buf);
            sb_release(&up);
        }
    }
    ast_release(&ast);
    diag_list_release(&dl);
}

static bool span_is_stage(const struct span *base, const struct stage *st)
{
    if (!st->name.len || st->name.len != base->len)
        return false;
    for (size_t i = 0; i < base->len; i++) {
        int c = (unsigned char)base->s[i];
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        if (c != (unsigned char)st->name.s[i])
            return false;
    }
    return true;
}

/* "exec", "shell" or "none" for a stored list, given the instruction
 * that set it (NULL: inherited, so guess from the list's shape). */
static const char *form_of(const struct strlist *l, const struct instr *in)
{
    if (!l->set || l->n == 0)
        return "none";
    if (in)
        return in->json ? "exec" : "shell";
    if (l->n == 3 && is_shell_name(l->v[0]) && strcmp(l->v[1], "-c") == 0)
        return "shell";
    return "exec";
}

/* A FROM reference in its familiar form ("alpine" -> "alpine:latest");
 * as written if it holds a variable, is scratch or does not parse. */
static char *base_reference(const struct span *bn)
{
    struct sb b = SB_INIT;
    char *raw = xmemdup0(bn->s, bn->len);
    struct image_ref ref;
    char *rerr = NULL;
    if (memchr(raw, '$', bn->len) || ascii_equal_fold(raw, bn->len, "scratch")) {
        sb_adds(&b, raw);
    } else if (image_ref_parse(raw, &ref, &rerr) == 0) {
        image_ref_familiar(&b, &ref);
        if (ref.digest)
            sb_addf(&b, "@%s", ref.digest);
        image_ref_release(&ref);
    } else {
        free(rerr);
        sb_adds(&b, raw);
    }
    free(raw);
    return sb_detach(&b, NULL);
}

/* image.base, image.cmd.form, image.entrypoint.form, image.cmd.inherited:
 * read from the final stage, following FROM <earlier stage> links (the
 * last CMD / ENTRYPOINT of the nearest stage that has one is the one the
 * image keeps). */
static void analyse_stages(struct sm_snapshot *snap)
{
    const struct sb *text = &snap->scratch.dockerfile;
    const struct image_config *cfg = &snap->img->cfg;
    struct dockerfile df;
    struct diag_list dl = DIAG_LIST_INIT;
    const struct instr *cmd = NULL, *ep = NULL;
    if (dockerfile_parse(&df, text->buf, text->len, NULL, &dl) == 0 &&
        df.n_stages) {
        const struct stage *st = &df.stages[df.n_stages - 1];
        while (st) {
            const struct instr *c = NULL, *e = NULL;
            for (size_t i = 0; i < st->n_cmds; i++) {
                if (st->cmds[i]->kind == INSTR_CMD)
                    c = st->cmds[i];
                else if (st->cmds[i]->kind == INSTR_ENTRYPOINT)
                    e = st->cmds[i];
            }
            if (!cmd)
                cmd = c;
            if (!ep)
                ep = e;
            const struct stage *next = NULL;
            for (size_t j = 0; j < st->index; j++)
                if (span_is_stage(&st->base_name, &df.stages[j]))
                    next = &df.stages[j];
            if (!next)
                snap->base = base_reference(&st->base_name);
            st = next;
        }
    }
    snap->cmd_form = form_of(&cfg->cmd, cmd);
    snap->entrypoint_form = form_of(&cfg->entrypoint, ep);
    snap->cmd_inherited = cfg->cmd.set && cfg->cmd.n && !cmd;
    dockerfile_release(&df);
    diag_list_release(&dl);
}

/* image.layers / image.empty-layers: the Dockerfile's history rows that
 * are layers / only configuration, by instruction keyword. */
static void list_layers(struct sm_snapshot *snap)
{
    strlist_set_empty(&snap->layers);
    strlist_set_empty(&snap->empty_layers);
    for (size_t i = 0; i < snap->img->n_hist; i++) {
        const struct history_item *h = &snap->img->hist[i];
        if (h->line <= 0 || !h->created_by)
            continue;
        size_t n = strcspn(h->created_by, " ");
        char *kw = xmemdup0(h->created_by, n);
        strlist_push(h->empty_layer ? &snap->empty_layers : &snap->layers, kw);
        free(kw);
    }
}

void sm_snapshot_take(struct sm_snapshot *snap, const struct session *s,
                      const char *image_name)
{
    memset(snap, 0, sizeof(*snap));
    strlist_init(&snap->instructions);
    strlist_init(&snap->notes);
    strlist_init(&snap->layers);
    strlist_init(&snap->empty_layers);
    sm_run_init(&snap->last_run);
    snap->image_name = xstrdup(image_name ? image_name : "app");
    snap->build_exit = -1;
    snap->cmd_form = snap->entrypoint_form = "none";
    session_clone(s, &snap->scratch, capture_last_run, snap);
    list_instructions(snap);
    strlist_set_empty(&snap->notes);
    snap->dockerfile_open = session_dockerfile_open(&snap->scratch);
    if (snap->dockerfile_open)
        return;
    struct sb cmd = SB_INIT;
    sb_addf(&cmd, "docker build -q -t %s .", snap->image_name);
    struct line_result r;
    line_result_init(&r);
    session_line(&snap->scratch, cmd.buf, &r);
    sb_release(&cmd);
    snap->build_exit = r.exit_code;
    for (size_t i = 0; i < r.explain.n; i++)
        add_once(&snap->notes, r.explain.items[i].id,
                 strlen(r.explain.items[i].id));
    for (size_t i = 0; i < r.warnings.n; i++) {
        const char *w = r.warnings.v[i];
        add_once(&snap->notes, w, strcspn(w, ":"));
    }
    if (r.exit_code == 0 && r.has_image && r.image_id)
        snap->img = store_find_image(&snap->scratch.store, r.image_id);
    line_result_release(&r);
    if (snap->img) {
        analyse_stages(snap);
        list_layers(snap);
    }
}

void sm_snapshot_release(struct sm_snapshot *snap)
{
    for (size_t i = 0; i < snap->n_probes; i++) {
        free(snap->probes[i].line);
        sm_run_release(&snap->probes[i].run);
    }
    free(snap->probes);
    session_release(&snap->scratch);
    free(snap->image_name);
    strlist_release(&snap->instructions);
    strlist_release(&snap->notes);
    strlist_release(&snap->layers);
    strlist_release(&snap->empty_layers);
    free(snap->base);
    sm_run_release(&snap->last_run);
    memset(snap, 0, sizeof(*snap));
}

const struct sm_run *sm_snapshot_probe(struct sm_snapshot *snap,
                                       const char *line)
{
    for (size_t i = 0; i < snap->n_probes; i++)
        if (strcmp(snap->probes[i].line, line) == 0)
            return &snap->probes[i].run;
    snap->probes = xreallocarray(snap->probes, snap->n_probes + 1,
                                 sizeof(*snap->probes));
    struct sm_probe_entry *e = &snap->probes[snap->n_probes++];
    e->line = xstrdup(line);
    sm_run_init(&e->run);
    if (snap->dockerfile_open)
        return &e->run;
    struct session copy;
    session_clone(&snap->scratch, &copy, NULL, NULL);
    struct line_result r;
    line_result_init(&r);
    session_line(&copy, line, &r);
    if (r.kind == LINE_DOCKER)
        sm_run_from_result(&e->run, &r);
    line_result_release(&r);
    session_release(&copy);
    return &e->run;
}

/* ==================================================================== */
/* The path table                                                       */
/* ==================================================================== */

static void set_str(struct sm_value *out, const char *s)
{
    out->present = s != NULL;
    out->s = s;
}

static void set_list(struct sm_value *out, const struct strlist *l)
{
    out->present = l->set;
    out->v = (const char *const *)l->v;
    out->n = l->n;
}

static void set_bool(struct sm_value *out, bool b)
{
    out->present = true;
    out->b = b;
}

static const struct image_config *cfg_of(const struct sm_snapshot *snap)
{
    return snap->img ? &snap->img->cfg : NULL;
}

static void get_base(const struct sm_snapshot *snap, const struct sm_run *run,
                     const char *param, struct sm_value *out)
{
    (void)run;
    (void)param;
    set_str(out, snap->img ? snap->base : NULL);
}

static void get_workdir(const struct sm_snapshot *snap,
                        const struct sm_run *run, const char *param,
                        struct sm_value *out)
{
    (void)run;
    (void)param;
    const struct image_config *c = cfg_of(snap);
    set_str(out, c && c->working_dir && *c->working_dir ? c->working_dir
                                                         : NULL);
}

static void get_user(const struct sm_snapshot *snap, const struct sm_run *run,
                     const char *param, struct sm_value *out)
{
    (void)run;
    (void)param;
    const struct image_config *c = cfg_of(snap);
    set_str(out, c && c->user && *c->user ? c->user : NULL);
}

static void get_env(const struct sm_snapshot *snap, const struct sm_run *run,
                    const char *param, struct sm_value *out)
{
    (void)run;
    const struct image_config *c = cfg_of(snap);
    set_str(out, c && param ? image_config_getenv(c, param) : NULL);
}

static void get_exposed(const struct sm_snapshot *snap,
                        const struct sm_run *run, const char *param,
                        struct sm_value *out)
{
    (void)run;
    (void)param;
    const struct image_config *c = cfg_of(snap);
    if (c && c->exposed_ports.n)
        set_list(out, &c->exposed_ports);
}

static void get_entrypoint(const struct sm_snapshot *snap,
                           const struct sm_run *run, const char *param,
                           struct sm_value *out)
{
    (void)run;
    (void)param;
    const struct image_config *c = cfg_of(snap);
    if (c)
        set_list(out, &c->entrypoint);
}

static void get_entrypoint_form(const struct sm_snapshot *snap,
                                const struct sm_run *run, const char *param,
                                struct sm_value *out)
{
    (void)run;
    (void)param;
    set_str(out, snap->img ? snap->entrypoint_form : NULL);
}

static void get_cmd(const struct sm_snapshot *snap, const struct sm_run *run,
                    const char *param, struct sm_value *out)
{
    (void)run;
    (void)param;
    const struct image_config *c = cfg_of(snap);
    if (c)
        set_list(out, &c->cmd);
}

static void get_cmd_form(const struct sm_snapshot *snap,
                         const struct sm_run *run, const char *param,
                         struct sm_value *out)
{
    (void)run;
    (void)param;
    set_str(out, snap->img ? snap->cmd_form : NULL);
}

static void get_cmd_inherited(const struct sm_snapshot *snap,
                              const struct sm_run *run, const char *param,
                              struct sm_value *out)
{
    (void)run;
    (void)param;
    if (snap->img)
        set_bool(out, snap->cmd_inherited);
}

static void get_layers(const struct sm_snapshot *snap,
                       const struct sm_run *run, const char *param,
                       struct sm_value *out)
{
    (void)run;
    (void)param;
    if (snap->img)
        set_list(out, &snap->layers);
}

static void get_empty_layers(const struct sm_snapshot *snap,
                             const struct sm_run *run, const char *param,
                             struct sm_value *out)
{
    (void)run;
    (void)param;
    if (snap->img)
        set_list(out, &snap->empty_layers);
}

static void get_instructions(const struct sm_snapshot *snap,
                             const struct sm_run *run, const char *param,
                             struct sm_value *out)
{
    (void)run;
    (void)param;
    set_list(out, &snap->instructions);
}

static void get_notes(const struct sm_snapshot *snap, const struct sm_run *run,
                      const char *param, struct sm_value *out)
{
    (void)run;
    (void)param;
    set_list(out, &snap->notes);
}

static void get_argv(const struct sm_snapshot *snap, const struct sm_run *run,
                     const char *param, struct sm_value *out)
{
    (void)snap;
    (void)param;
    if (run && run->has_argv)
        set_list(out, &run->argv);
}

static void get_pid1(const struct sm_snapshot *snap, const struct sm_run *run,
                     const char *param, struct sm_value *out)
{
    (void)snap;
    (void)param;
    if (run && run->has_argv && run->argv.n)
        set_str(out, run->argv.v[0]);
}

static void get_via_shell(const struct sm_snapshot *snap,
                          const struct sm_run *run, const char *param,
                          struct sm_value *out)
{
    (void)snap;
    (void)param;
    if (run && run->has_argv)
        set_bool(out, run->is_shell);
}

static void get_ignored(const struct sm_snapshot *snap,
                        const struct sm_run *run, const char *param,
                        struct sm_value *out)
{
    (void)snap;
    (void)param;
    if (!run || !run->has_argv)
        return;
    out->present = true;
    out->v = (const char *const *)run->argv.v + run->ignored_from;
    out->n = run->argv.n - run->ignored_from;
}

static void get_exit(const struct sm_snapshot *snap, const struct sm_run *run,
                     const char *param, struct sm_value *out)
{
    (void)snap;
    (void)param;
    if (run && run->present) {
        out->present = true;
        out->i = run->exit_code;
    }
}

static void get_stdout(const struct sm_snapshot *snap,
                       const struct sm_run *run, const char *param,
                       struct sm_value *out)
{
    (void)snap;
    (void)param;
    if (run && run->present)
        set_str(out, run->out);
}

static void get_run_notes(const struct sm_snapshot *snap,
                          const struct sm_run *run, const char *param,
                          struct sm_value *out)
{
    (void)snap;
    (void)param;
    if (run && run->present)
        set_list(out, &run->notes);
}

const struct sm_path sm_paths[] = {
    { "image.base", SM_SCOPE_STATE, SM_STRING,
      "the image the final stage is built FROM (alpine -> alpine:latest)",
      get_base },
    { "image.workdir", SM_SCOPE_STATE, SM_STRING,
      "WORKDIR (missing: not set, processes start in /)", get_workdir },
    { "image.user", SM_SCOPE_STATE, SM_STRING,
      "USER (missing: not set, processes run as root)", get_user },
    { "image.env.<NAME>", SM_SCOPE_STATE, SM_STRING,
      "the value of environment variable NAME (missing: not set)", get_env },
    { "image.exposed", SM_SCOPE_STATE, SM_LIST,
      "EXPOSEd ports as the image records them, e.g. [\"80/tcp\"] "
      "(missing: none)",
      get_exposed },
    { "image.entrypoint", SM_SCOPE_STATE, SM_LIST,
      "ENTRYPOINT as stored in the image (missing: none)", get_entrypoint },
    { "image.entrypoint.form", SM_SCOPE_STATE, SM_STRING,
      "exec, shell or none", get_entrypoint_form },
    { "image.cmd", SM_SCOPE_STATE, SM_LIST,
      "CMD as stored in the image (missing: none)", get_cmd },
    { "image.cmd.form", SM_SCOPE_STATE, SM_STRING, "exec, shell or none",
      get_cmd_form },
    { "image.cmd.inherited", SM_SCOPE_STATE, SM_BOOL,
      "true when the CMD came from the base image, not this Dockerfile",
      get_cmd_inherited },
    { "image.layers", SM_SCOPE_STATE, SM_LIST,
      "the Dockerfile's instructions that added a filesystem layer, in "
      "order (the rows of docker history that are layers)",
      get_layers },
    { "image.empty-layers", SM_SCOPE_STATE, SM_LIST,
      "the Dockerfile's instructions that only changed the configuration "
      "(the 0B rows of docker history: CMD, ENV, ...)",
      get_empty_layers },
    { "dockerfile.instructions", SM_SCOPE_STATE, SM_LIST,
      "the Dockerfile's instruction keywords, in order", get_instructions },
    { "dockerfile.notes", SM_SCOPE_STATE, SM_LIST,
      "ids of the explanations and build-check warnings its build raised",
      get_notes },
    { "argv", SM_SCOPE_RUN, SM_LIST,
      "PID 1's argv (missing: no container was created)", get_argv },
    { "pid1", SM_SCOPE_RUN, SM_STRING, "the program PID 1 runs: argv[0]",
      get_pid1 },
    { "via-shell", SM_SCOPE_RUN, SM_BOOL,
      "true when PID 1 is a shell running -c", get_via_shell },
    { "ignored-args", SM_SCOPE_RUN, SM_LIST,
      "words after a sh -c string that the shell never reads", get_ignored },
    { "exit", SM_SCOPE_RUN, SM_INT, "the docker command's exit status",
      get_exit },
    { "stdout", SM_SCOPE_RUN, SM_STRING,
      "what it printed on stdout, without the final newline (simulated "
      "programs only)",
      get_stdout },
    { "notes", SM_SCOPE_RUN, SM_LIST, "ids of the explanations it raised",
      get_run_notes },
};
const size_t sm_n_paths = ARRAY_LEN(sm_paths);

const struct sm_path *sm_path_lookup(const char *name, size_t len,
                                     const char **param)
{
    *param = NULL;
    for (size_t i = 0; i < sm_n_paths; i++) {
        const char *pn = sm_paths[i].name;
        const char *lt = strchr(pn, '<');
        if (!lt) {
            if (strlen(pn) == len && memcmp(pn, name, len) == 0)
                return &sm_paths[i];
            continue;
        }
        size_t pre = (size_t)(lt - pn);
        if (len >= pre && memcmp(pn, name, pre) == 0) {
            *param = name + pre;
            return &sm_paths[i];
        }
    }
    return NULL;
}

const char *sm_path_suggest(const char *name, size_t len, enum sm_scope scope)
{
    const char *best = NULL;
    size_t bestd = 4;
    for (size_t i = 0; i < sm_n_paths; i++) {
        if (sm_paths[i].scope != scope)
            continue;
        const char *pn = sm_paths[i].name;
        size_t d = go_levenshtein(name, len, pn, strlen(pn));
        if (d < bestd) {
            bestd = d;
            best = pn;
        }
    }
    return best;
}

void sm_get(const struct sm_snapshot *snap, const struct sm_run *run,
            const struct sm_path *p, const char *param, struct sm_value *out)
{
    memset(out, 0, sizeof(*out));
    out->type = p->type;
    p->get(snap, run, param, out);
}

/* ==================================================================== */
/* :state and the path help                                             */
/* ==================================================================== */

static void state_line(struct sb *out, const char *prefix, const char *name,
                       const struct sm_value *v)
{
    sb_addf(out, "%s%s", prefix, name);
    if (!v->present) {
        sb_adds(out, " missing\n");
        return;
    }
    sb_adds(out, " = ");
    sm_value_format(out, v);
    sb_addch(out, '\n');
}

void sm_state_format(struct sb *out, const struct sm_snapshot *snap)
{
    if (snap->dockerfile_open)
        sb_addf(out, "# the Dockerfile ends inside an unfinished instruction: "
                     "image '%s' was not built\n",
                snap->image_name);
    else if (!snap->img)
        sb_addf(out, "# docker build -t %s . of the current Dockerfile "
                     "fails (exit %d): no image\n",
                snap->image_name, snap->build_exit);
    else
        sb_addf(out, "# image '%s': the current Dockerfile, built\n",
                snap->image_name);
    struct sm_value v;
    for (size_t i = 0; i < sm_n_paths; i++) {
        const struct sm_path *p = &sm_paths[i];
        if (p->scope != SM_SCOPE_STATE)
            continue;
        if (strchr(p->name, '<')) {
            const struct image_config *c = cfg_of(snap);
            for (size_t k = 0; c && k < c->env.n; k++) {
                const char *kv = c->env.v[k];
                const char *eq = strchr(kv, '=');
                size_t kl = eq ? (size_t)(eq - kv) : strlen(kv);
                struct sb name = SB_INIT;
                sb_add(&name, p->name, (size_t)(strchr(p->name, '<') -
                                                p->name));
                sb_add(&name, kv, kl);
                memset(&v, 0, sizeof(v));
                v.type = SM_STRING;
                set_str(&v, eq ? eq + 1 : "");
                state_line(out, "", name.buf, &v);
                sb_release(&name);
            }
            continue;
        }
        sm_get(snap, NULL, p, NULL, &v);
        state_line(out, "", p->name, &v);
    }
    if (!snap->last_run.present) {
        sb_adds(out, "# no docker run yet\n");
        return;
    }
    sb_adds(out, "# your last docker run\n");
    for (size_t i = 0; i < sm_n_paths; i++) {
        const struct sm_path *p = &sm_paths[i];
        if (p->scope != SM_SCOPE_RUN)
            continue;
        sm_get(snap, &snap->last_run, p, NULL, &v);
        state_line(out, "last-run ", p->name, &v);
    }
}

void sm_paths_help(struct sb *out)
{
    sb_adds(out, "state PATH OP VALUE:\n");
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1)
            sb_adds(out, "\nrun DOCKER-RUN-COMMAND => PATH OP VALUE, "
                         "last-run PATH OP VALUE:\n");
        for (size_t i = 0; i < sm_n_paths; i++) {
            const struct sm_path *p = &sm_paths[i];
            if ((int)p->scope != pass)
                continue;
            sb_addf(out, "  %s (%s)\n      %s\n", p->name,
                    type_name(p->type), p->help);
        }
    }
    sb_adds(out, "\noperators: = != has ~ exists missing (has and ~ on "
                 "strings and lists only)\n");
}
