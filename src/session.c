/*
 * session.c: one typed line at a time. Dockerfile lines go to the
 * session's Dockerfile; `docker ...` lines are split like the learner's
 * shell would, parsed like the docker CLI does, and simulated.
 */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "diag.h"
#include "dockerargs.h"
#include "gostr.h"
#include "host.h"
#include "instr_table.h"
#include "instructions.h"
#include "json.h"
#include "lifecycle.h"
#include "lintreport.h"
#include "parser.h"
#include "render.h"
#include "run.h"
#include "table.h"
#include "unicode.h"
#include "xmalloc.h"

static void session_log_add(struct session_log *l, enum session_input_kind k,
                            const char *text, size_t len, const char *path,
                            unsigned mode);
static void session_log_release(struct session_log *l);

void session_init(struct session *s)
{
    memset(s, 0, sizeof(*s));
    store_init(&s->store);
    sb_init(&s->dockerfile);
}

void session_release(struct session *s)
{
    store_release(&s->store);
    sb_release(&s->dockerfile);
    for (size_t i = 0; i < s->n_files; i++) {
        free((char *)s->files[i].path);
        free((char *)s->files[i].data);
    }
    free(s->files);
    free(s->context_dir);
    session_log_release(&s->log);
    memset(s, 0, sizeof(*s));
}

void line_result_init(struct line_result *r)
{
    memset(r, 0, sizeof(*r));
    sb_init(&r->out);
    sb_init(&r->err);
    sb_init(&r->notes);
    sb_init(&r->config_json);
    explain_init(&r->explain);
    strlist_init(&r->args);
    strlist_init(&r->env);
    strlist_init(&r->warnings);
}

void line_result_release(struct line_result *r)
{
    sb_release(&r->out);
    sb_release(&r->err);
    sb_release(&r->notes);
    sb_release(&r->config_json);
    explain_release(&r->explain);
    free(r->path);
    strlist_release(&r->args);
    strlist_release(&r->env);
    free(r->workdir);
    free(r->user);
    free(r->container_id);
    free(r->container_name);
    free(r->image_id);
    strlist_release(&r->warnings);
    memset(r, 0, sizeof(*r));
}

/* ==================================================================== */
/* The Dockerfile being typed                                           */
/* ==================================================================== */

bool session_dockerfile_open(const struct session *s)
{
    if (s->dockerfile.len == 0)
        return false;
    struct ast ast;
    struct diag_list dl = DIAG_LIST_INIT;
    int rc = ast_parse(&ast, s->dockerfile.buf, s->dockerfile.len, &dl);
    bool open = false;
    const struct diag *d = diag_first_error(&dl);
    if (rc < 0 && d && strcmp(d->msg, "unterminated heredoc") == 0)
        open = true;
    int esc = ast.escape ? ast.escape : '\\';
    ast_release(&ast);
    diag_list_release(&dl);
    if (open)
        return true;
    /* the last physical line ends with one escape character (+ blanks) */
    const char *t = s->dockerfile.buf;
    size_t n = s->dockerfile.len;
    if (n && t[n - 1] == '\n')
        n--;
    size_t start = n;
    while (start && t[start - 1] != '\n')
        start--;
    size_t end = n;
    while (end > start && (t[end - 1] == ' ' || t[end - 1] == '\t' ||
                           t[end - 1] == '\r'))
        end--;
    if (end == start || t[end - 1] != esc)
        return false;
    /* a comment line never continues anything */
    size_t k = start;
    while (k < end && (t[k] == ' ' || t[k] == '\t'))
        k++;
    if (k < end && t[k] == '#')
        return false;
    return end - start == 1 || t[end - 2] != esc;
}

void session_set_dockerfile(struct session *s, const char *text, size_t len)
{
    session_log_add(&s->log, SESSION_INPUT_DOCKERFILE, text, len, NULL, 0);
    sb_reset(&s->dockerfile);
    sb_add(&s->dockerfile, text, len);
    if (len && text[len - 1] != '\n')
        sb_addch(&s->dockerfile, '\n');
    s->dockerfile_lines = 0;
    for (size_t i = 0; i < s->dockerfile.len; i++)
        s->dockerfile_lines += s->dockerfile.buf[i] == '\n';
}

static void append_line(struct session *s, const char *line)
{
    sb_adds(&s->dockerfile, line);
    sb_addch(&s->dockerfile, '\n');
    s->dockerfile_lines++;
}

/* ==================================================================== */
/* Helpers                                                              */
/* ==================================================================== */

static bool host_lookup(void *ctx, const char *name, const char **value)
{
    struct session *s = ctx;
    if (!s->host_env)
        return false;
    return s->host_env(s->host_ctx, name, value);
}

static void set_str(char **dst, const char *v)
{
    free(*dst);
    *dst = v ? xstrdup(v) : NULL;
}

static void result_from_container(struct line_result *r,
                                  const struct container *c)
{
    r->has_container = c != NULL;
    if (!c)
        return;
    r->has_argv = true;
    set_str(&r->path, c->path);
    strlist_copy(&r->args, &c->args);
    strlist_copy(&r->env, c->process_env.set ? &c->process_env : &c->cfg.env);
    set_str(&r->workdir, c->cfg.working_dir && *c->cfg.working_dir
                             ? c->cfg.working_dir
                             : "/");
    set_str(&r->user, c->cfg.user ? c->cfg.user : "");
    set_str(&r->container_id, c->id);
    set_str(&r->container_name, c->name);
}

static const char *origin_text(enum argv_origin o)
{
    switch (o) {
    case ORIGIN_IMAGE_ENTRYPOINT:
        return "image ENTRYPOINT";
    case ORIGIN_IMAGE_CMD:
        return "image CMD";
    case ORIGIN_ENTRYPOINT_FLAG:
        return "docker run --entrypoint";
    case ORIGIN_RUN_ARGS:
        return "docker run arguments";
    case ORIGIN_INIT:
        return "--init";
    }
    return "";
}

/* docksim's commentary on PID 1: argv, where each part came from. */
static void notes_for_container(struct sb *n, const struct container *c)
{
    struct strlist all;
    strlist_init(&all);
    strlist_push(&all, c->path);
    for (size_t i = 0; i < c->args.n; i++)
        strlist_push(&all, c->args.v[i]);
    sb_adds(n, "PID 1: ");
    strlist_to_json_inline(n, &all);
    sb_adds(n, "\n  as a command line: ");
    run_argv_line(n, c->path, &c->args);
    sb_addch(n, '\n');
    /* group consecutive elements with the same origin */
    for (size_t i = 0; i < all.n;) {
        size_t j = i;
        while (j < all.n && c->origin[j] == c->origin[i])
            j++;
        struct strlist part;
        strlist_init(&part);
        for (size_t k = i; k < j; k++)
            strlist_push(&part, all.v[k]);
        sb_adds(n, "  ");
        strlist_to_json_inline(n, &part);
        sb_addf(n, " from the %s\n", origin_text(c->origin[i]));
        strlist_release(&part);
        i = j;
    }
    strlist_release(&all);
}

/* ==================================================================== */
/* docker build                                                         */
/* ==================================================================== */

/* The `Dockerfile:N` excerpt BuildKit's client prints before an error. */
static bool build_host_env(void *ctx, const char *name, const char **value)
{
    return host_lookup(ctx, name, value);
}

/*
 * buildx parses each -t value with reference.Parse (no normalising) and
 * wraps the error: `invalid tag "BAD": repository name must be lowercase`.
 */
static void buildx_tag_error(struct sb *out, const char *tag)
{
    struct image_ref ref;
    char *rerr = NULL;
    if (image_ref_parse(tag, &ref, &rerr) == 0) {
        image_ref_release(&ref);
        return;
    }
    free(rerr);
    const char *why = "invalid reference format";
    if (!*tag) {
        why = "repository name must have at least one component";
    } else {
        char *low = xstrdup(tag);
        for (char *c = low; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
        if (strcmp(low, tag) != 0 && image_ref_parse(low, &ref, &rerr) == 0) {
            image_ref_release(&ref);
            why = "repository name must be lowercase";
        } else {
            free(rerr);
        }
        free(low);
    }
    sb_adds(out, "invalid tag ");
    go_quote_str(out, tag);
    sb_addf(out, ": %s", why);
}

static void do_build(struct session *s, struct arena *a,
                     const struct dparsed *p, struct line_result *r)
{
    const char *ctx_arg = p->args[0];
    const char *file = dparsed_get(p, "file");
    struct build_file *tree = NULL;
    long n_tree = 0;
    char *err = NULL;
    char *text = NULL;
    size_t len = 0;
    bool own_text = false;
    const char *df_name = "Dockerfile";

    /* the context */
    bool workspace = strcmp(ctx_arg, ".") == 0;
    const char *dir = workspace ? s->context_dir : ctx_arg;
    if (dir) {
        n_tree = host_read_tree(dir, &tree, &err);
        if (n_tree < 0) {
            sb_addf(&r->err, "ERROR: %s\n", err);
            free(err);
            r->exit_code = 1;
            return;
        }
    }
    /* the Dockerfile */
    if (file && strcmp(file, "-") != 0) {
        text = host_read_file(file, &len, &err);
        if (!text) {
            sb_addf(&r->err, "ERROR: failed to build: failed to solve: "
                             "failed to read dockerfile: %s\n",
                    err);
            free(err);
            host_free_tree(tree, (size_t)n_tree);
            r->exit_code = 1;
            return;
        }
        own_text = true;
        const char *slash = strrchr(file, '/');
        df_name = slash ? slash + 1 : file;
    } else if (!workspace || s->context_dir) {
        /* DIR/Dockerfile of the context directory, unless the session
         * has typed one and the context is "." */
        if (workspace && s->dockerfile.len) {
            text = s->dockerfile.buf;
            len = s->dockerfile.len;
        } else {
            for (long i = 0; i < n_tree; i++)
                if (strcmp(tree[i].path, "Dockerfile") == 0 && !tree[i].is_dir) {
                    text = (char *)tree[i].data;
                    len = tree[i].len;
                }
            if (!text) {
                sb_addf(&r->err, "ERROR: failed to build: failed to solve: "
                                 "failed to read dockerfile: open Dockerfile: "
                                 "no such file or directory\n");
                host_free_tree(tree, (size_t)n_tree);
                r->exit_code = 1;
                return;
            }
        }
    } else {
        text = s->dockerfile.buf;
        len = s->dockerfile.len;
    }

    /* options */
    const char **tags = NULL, **bargs = NULL;
    size_t n_tags = dparsed_all(p, "tag", &tags, a);
    size_t n_bargs = dparsed_all(p, "build-arg", &bargs, a);
    /* buildx checks these before it starts: "ERROR: ...", exit 1 */
    struct sb bad = SB_INIT;
    for (size_t i = 0; i < n_tags && !bad.len; i++)
        buildx_tag_error(&bad, tags[i]);
    for (size_t i = 0; i < n_bargs && !bad.len; i++)
        if (bargs[i][0] == '=' || !bargs[i][0]) {
            sb_adds(&bad, "invalid key-value pair ");
            go_quote_str(&bad, bargs[i]);
            sb_adds(&bad, ": empty key");
        }
    if (bad.len) {
        sb_addf(&r->err, "ERROR: %s\n", bad.buf);
        sb_release(&bad);
        r->exit_code = 1;
        if (own_text)
            free(text);
        host_free_tree(tree, (size_t)n_tree);
        return;
    }
    sb_release(&bad);
    struct build_arg *ba = arena_calloc(a, n_bargs ? n_bargs : 1,
                                        sizeof(*ba));
    for (size_t i = 0; i < n_bargs; i++) {
        const char *eq = strchr(bargs[i], '=');
        ba[i].key = eq ? arena_memdup0(a, bargs[i], (size_t)(eq - bargs[i]))
                       : bargs[i];
        ba[i].value = eq ? eq + 1 : NULL;
    }
    /* context files: the directory's, then the session's own */
    size_t n_files = (size_t)n_tree + s->n_files;
    struct build_file *files = arena_calloc(a, n_files ? n_files : 1,
                                            sizeof(*files));
    for (long i = 0; i < n_tree; i++)
        files[i] = tree[i];
    for (size_t i = 0; i < s->n_files; i++)
        files[(size_t)n_tree + i] = s->files[i];
    struct build_context bctx = { files, n_files, NULL };
    for (size_t i = 0; i < n_files; i++)
        if (strcmp(files[i].path, ".dockerignore") == 0)
            bctx.dockerignore = files[i].data;

    struct build_opts o;
    memset(&o, 0, sizeof(o));
    o.dockerfile_name = df_name;
    o.target = dparsed_get(p, "target");
    o.args = ba;
    o.n_args = n_bargs;
    o.tags = tags;
    o.n_tags = n_tags;
    o.check = dparsed_changed(p, "check");
    o.ctx = &bctx;
    o.host_env = build_host_env;
    o.host_ctx = s;
    struct build_result br;
    build_run(&s->store, text, len, &o, &br);

    /* BuildKit's plain progress, on stderr (-q: none, and the image ID on
       stdout at the end) */
    struct sb *e = &r->err;
    bool quiet = dparsed_changed(p, "quiet");
    if (!quiet) {
        /* plain progress: vertices separated by one blank line */
        sb_adds(e, "#0 building with \"default\" instance using docker "
                   "driver\n");
        /* BuildKit loads .dockerignore once the base images' metadata
           is known, before the first stage step (--check: and runs no
           step after it) */
        size_t ign_at = 1;
        while (ign_at < br.n_steps &&
               strncmp(br.steps[ign_at].name, "[internal] load metadata",
                       24) == 0)
            ign_at++;
        if (br.n_steps < 2 && br.error)
            ign_at = (size_t)-1;
        size_t shift = 0;
        for (size_t i = 0; i <= br.n_steps; i++) {
            if (i == ign_at) {
                const char *di = bctx.dockerignore;
                size_t num = i + 1;
                sb_addf(e, "\n#%zu [internal] load .dockerignore\n"
                           "#%zu transferring context: %zuB done\n"
                           "#%zu DONE 0.0s\n",
                        num, num, di && *di ? strlen(di) : (size_t)2, num);
                shift = 1;
            }
            if (i == br.n_steps)
                break;
            const struct build_step *st = &br.steps[i];
            size_t num = i + 1 + shift;
            sb_addf(e, "\n#%zu %s\n", num, st->name);
            if (i == 0)
                sb_addf(e, "#%zu transferring dockerfile: %zuB done\n", num,
                        len);
            /* build checks show on the Dockerfile's vertex (--check
               returns them as its result instead) */
            if (i == 0 && !o.check)
                lintreport_progress_warnings(e, &br, num);
            for (const char *lg = st->log; lg && *lg;) {
                const char *nl = strchr(lg, '\n');
                size_t ll = nl ? (size_t)(nl - lg) : strlen(lg);
                sb_addf(e, "#%zu 0.%03zu %.*s\n", num,
                        100 + (size_t)(lg - st->log) % 900, (int)ll, lg);
                lg += ll + (nl ? 1 : 0);
            }
            if (strcmp(st->name, "exporting to image") == 0 && br.image) {
                sb_addf(e, "#%zu exporting layers done\n", num);
                sb_addf(e, "#%zu writing image %s done\n", num,
                        br.image->id);
                for (size_t t = 0; t < br.image->tags.n; t++) {
                    struct image_ref ref;
                    char *rerr = NULL;
                    if (image_ref_parse(br.image->tags.v[t], &ref, &rerr) ==
                        0) {
                        const char *slash = strchr(ref.repo, '/');
                        sb_addf(e, "#%zu naming to docker.io/%s%s:%s done\n",
                                num, slash ? "" : "library/", ref.repo,
                                ref.tag);
                        image_ref_release(&ref);
                    } else {
                        free(rerr);
                    }
                }
            }
            /* the Dockerfile itself loads fine even when the frontend
               then rejects it: an error belongs to a later vertex */
            bool failed_here = !o.check && br.error && i > 0 &&
                               i == br.n_steps - 1;
            if (!failed_here) {
                sb_addf(e, "#%zu DONE 0.0s\n", num);
                continue;
            }
            sb_addf(e, "#%zu ERROR: %s\n", num, br.error);
            /* the failed vertex's name and its last output lines */
            sb_addf(e, "------\n > %s:\n", st->name);
            for (const char *lg = st->log; lg && *lg;) {
                const char *nl = strchr(lg, '\n');
                size_t ll = nl ? (size_t)(nl - lg) : strlen(lg);
                sb_addf(e, "0.%03zu %.*s\n",
                        100 + (size_t)(lg - st->log) % 900, (int)ll, lg);
                lg += ll + (nl ? 1 : 0);
            }
            sb_adds(e, "------\n");
        }
    }
    /* warnings: "Rule: message (line N)" each (a build shows each once) */
    for (size_t i = 0; i < br.diags.n; i++) {
        const struct diag *d = &br.diags.items[i];
        if (d->level != DIAG_WARNING || d->kind != DIAG_LINT)
            continue;
        struct sb w = SB_INIT;
        sb_addf(&w, "%s: ", d->rule);
        sb_add(&w, d->msg, d->msg_len);
        if (d->start_line > 0)
            sb_addf(&w, " (line %d)", d->start_line);
        if (o.check || strlist_find(&r->warnings, w.buf) < 0)
            strlist_push(&r->warnings, w.buf);
        sb_release(&w);
    }
    /* --check prints the lint result (buildx printResult); a build, its
       warnings after the progress (printWarnings) */
    struct lint_source lsrc = { df_name, text, len };
    int check_rc = 0;
    if (o.check)
        check_rc = lintreport_check(&r->out, e, &br, &lsrc);
    else if (!quiet)
        lintreport_build_warnings(e, &br);
    if (br.error && !o.check) {
        const struct diag *d = diag_first_error(&br.diags);
        int end = d && d->start_line == br.error_line && d->end_line
                      ? d->end_line
                      : br.error_line;
        lintreport_source(e, &lsrc, br.error_line, end);
        sb_adds(e, "ERROR: failed to build: failed to solve: ");
        sb_adds(e, br.error);
        sb_addch(e, '\n');
    }
    r->exit_code = o.check ? check_rc : br.exit_code;
    if (br.image && quiet && !o.check)
        sb_addf(&r->out, "%s\n", br.image->id);
    if (br.image) {
        r->has_image = true;
        set_str(&r->image_id, br.image->id);
        image_config_to_json(&r->config_json, &br.image->cfg, 0);
    }
    for (size_t i = 0; i < br.explain.n; i++)
        explain_add(&r->explain, br.explain.items[i].id,
                    br.explain.items[i].line, "%s", br.explain.items[i].text);
    build_result_release(&br);
    if (own_text)
        free(text);
    host_free_tree(tree, (size_t)n_tree);
}

/* ==================================================================== */
/* docker run / create / start                                          */
/* ==================================================================== */

/* pkg/kvfile: the --env-file format. Returns -1 with the CLI's message. */
static int read_env_file(struct session *s, const char *path,
                         struct strlist *env, struct sb *err)
{
    size_t len;
    char *e = NULL;
    char *text = host_read_file(path, &len, &e);
    if (!text) {
        sb_addf(err, "docker: %s\n\nRun 'docker run --help' for more "
                     "information\n",
                e);
        free(e);
        return -1;
    }
    char *p = text;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    int rc = 0;
    while (p && *p && rc == 0) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        char *l = p;
        while (*l == ' ' || *l == '\t')
            l++;
        size_t ll = strlen(l);
        if (ll && l[ll - 1] == '\r')
            l[--ll] = '\0';
        if (*l && *l != '#') {
            char *eq = strchr(l, '=');
            size_t kl = eq ? (size_t)(eq - l) : ll;
            bool ws = false;
            for (size_t i = 0; i < kl; i++)
                if (l[i] == ' ' || l[i] == '\t')
                    ws = true;
            if (eq && kl == 0) {
                sb_addf(err, "docker: invalid env file (%s): no variable "
                             "name on line '%s'\n\nRun 'docker run --help' "
                             "for more information\n",
                        path, l);
                rc = -1;
            } else if (ws) {
                sb_addf(err, "docker: invalid env file (%s): variable '%.*s' "
                             "contains whitespaces\n\nRun 'docker run "
                             "--help' for more information\n",
                        path, (int)kl, l);
                rc = -1;
            } else if (eq) {
                strlist_push(env, l);
            } else {
                const char *v = NULL;
                if (host_lookup(s, l, &v) && v) {
                    struct sb kv = SB_INIT;
                    sb_addf(&kv, "%s=%s", l, v);
                    strlist_push(env, kv.buf);
                    sb_release(&kv);
                }
            }
        }
        p = nl ? nl + 1 : NULL;
    }
    free(text);
    return rc;
}

static int parse_health(const struct dparsed *p, struct run_request *rq,
                        struct sb *err)
{
    static const char *const names[] = { "health-cmd", "health-interval",
                                         "health-timeout",
                                         "health-start-period",
                                         "health-start-interval",
                                         "health-retries" };
    bool any = false;
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        any = any || dparsed_changed(p, names[i]);
    rq->no_healthcheck = dparsed_changed(p, "no-healthcheck") &&
                         strcmp(dparsed_get(p, "no-healthcheck"), "true") == 0;
    if (rq->no_healthcheck && any) {
        sb_adds(err, "docker: --no-healthcheck conflicts with --health-* "
                     "options\n\nRun 'docker run --help' for more "
                     "information\n");
        return -1;
    }
    if (!any)
        return 0;
    rq->health = xcalloc(1, sizeof(*rq->health));
    strlist_init(&rq->health->test);
    const char *cmd = dparsed_get(p, "health-cmd");
    if (cmd) {
        strlist_push(&rq->health->test, "CMD-SHELL");
        strlist_push(&rq->health->test, cmd);
    }
    struct {
        const char *name;
        int64_t *dst;
    } durs[] = {
        { "health-interval", &rq->health->interval },
        { "health-timeout", &rq->health->timeout },
        { "health-start-period", &rq->health->start_period },
        { "health-start-interval", &rq->health->start_interval },
    };
    for (size_t i = 0; i < ARRAY_LEN(durs); i++) {
        const char *v = dparsed_get(p, durs[i].name);
        if (!v)
            continue;
        char *derr = NULL;
        int64_t ns = 0;
        if (go_parse_duration(v, strlen(v), &ns, &derr) == 0 && ns < 0) {
            sb_addf(err, "docker: --%s cannot be negative\n\nRun 'docker run "
                         "--help' for more information\n",
                    durs[i].name);
            return -1;
        }
        free(derr);
        *durs[i].dst = ns;
    }
    const char *ret = dparsed_get(p, "health-retries");
    if (ret)
        rq->health->retries = (int)strtol(ret, NULL, 10);
    return 0;
}

static bool flag_true(const struct dparsed *p, const char *name)
{
    const char *v = dparsed_get(p, name);
    return v && strcmp(v, "true") == 0;
}

/* A docker run option typed after the image is part of the command. */
static void explain_option_after_image(const struct dparsed *p,
                                       const char *cli,
                                       struct explain_list *ex)
{
    /* only the first word: later ones are the program's own options
       (ls -l, sh -c) */
    for (size_t i = 1; i < p->n_args && i < 2; i++) {
        const char *w = p->args[i];
        if (w[0] != '-' || !w[1])
            continue;
        const struct dflag_def *f = NULL;
        if (w[1] == '-') {
            size_t nl = strcspn(w + 2, "=");
            for (const struct dflag_def *d = p->cmd->flags; d->name; d++)
                if (strlen(d->name) == nl && strncmp(d->name, w + 2, nl) == 0)
                    f = d;
        } else {
            for (const struct dflag_def *d = p->cmd->flags; d->name; d++)
                if (d->shorthand == w[1])
                    f = d;
        }
        if (!f)
            continue;
        bool takes_value = f->type != DFLAG_BOOL && !strchr(w, '=') &&
                           i + 1 < p->n_args;
        explain_add(ex, "run.option-after-image", 0,
                    "\"%s\" comes after the image name, so it is not a "
                    "docker option: docker %s reads options only up to the "
                    "image, and every word after it belongs to the "
                    "container's command. To use --%s, put it before the "
                    "image: docker %s %s%s%s %s",
                    w, cli, f->name, cli, w, takes_value ? " " : "",
                    takes_value ? p->args[i + 1] : "", p->args[0]);
        return;
    }
}

static void do_run(struct session *s, struct arena *a,
                   const struct dparsed *p, bool start, struct line_result *r)
{
    const char *cli = start ? "run" : "create";
    struct run_request rq;
    run_request_init(&rq);
    rq.start = start;
    rq.image_ref = p->args[0];
    for (size_t i = 1; i < p->n_args; i++)
        strlist_push(&rq.cmd, p->args[i]);
    explain_option_after_image(p, cli, &r->explain);
    if (dparsed_changed(p, "entrypoint")) {
        strlist_set_empty(&rq.entrypoint);
        strlist_push(&rq.entrypoint, dparsed_get(p, "entrypoint"));
    }
    const char **vals = NULL;
    size_t n = dparsed_all(p, "env-file", &vals, a);
    for (size_t i = 0; i < n; i++)
        if (read_env_file(s, vals[i], &rq.env, &r->err) < 0) {
            r->exit_code = start ? 125 : 1;
            run_request_release(&rq);
            return;
        }
    n = dparsed_all(p, "env", &vals, a);
    /* the CLI puts -e into a map: the last value of a key wins */
    for (size_t i = 0; i < n; i++) {
        const char *kv = dcli_env_value(a, vals[i], host_lookup, s);
        const char *eq = strchr(kv, '=');
        size_t kl = eq ? (size_t)(eq - kv) : strlen(kv);
        bool replaced = false;
        for (size_t k = 0; k < rq.env.n; k++)
            if (strncmp(rq.env.v[k], kv, kl) == 0 &&
                (rq.env.v[k][kl] == '=' || rq.env.v[k][kl] == '\0')) {
                free(rq.env.v[k]);
                rq.env.v[k] = xstrdup(kv);
                replaced = true;
            }
        if (!replaced)
            strlist_push(&rq.env, kv);
        if (!eq)
            explain_add(&r->explain, "run.env-bare-unsets", 0,
                        "-e %s has no value and %s is not set on your side "
                        "(the host), so the CLI sends the bare name, which "
                        "removes %s from the container's environment even if "
                        "the image sets it.",
                        kv, kv, kv);
    }
    rq.workdir = dparsed_get(p, "workdir");
    rq.user = dparsed_get(p, "user");
    rq.name = dparsed_get(p, "name");
    rq.hostname = dparsed_get(p, "hostname");
    rq.stop_signal = dparsed_get(p, "stop-signal");
    const char *st = dparsed_get(p, "stop-timeout");
    if (st) {
        rq.stop_timeout = (int)strtol(st, NULL, 10);
        rq.stop_timeout_set = true;
    }
    if (dparsed_changed(p, "init")) {
        rq.init_set = true;
        rq.init = flag_true(p, "init");
    }
    rq.tty = flag_true(p, "tty");
    rq.interactive = flag_true(p, "interactive");
    rq.detach = start && flag_true(p, "detach");
    rq.auto_remove = flag_true(p, "rm");
    rq.read_only = flag_true(p, "read-only");
    rq.publish_all = flag_true(p, "publish-all");
    rq.network = dparsed_get(p, "network");
    const char *pull = dparsed_get(p, "pull");
    if (pull && strcmp(pull, "always") && strcmp(pull, "missing") &&
        strcmp(pull, "never")) {
        sb_addf(&r->err, "docker: invalid pull option: '%s': must be one of "
                         "\"always\", \"missing\" or \"never\"\n\nRun 'docker "
                         "%s --help' for more information\n",
                pull, cli);
        r->exit_code = 125;
        run_request_release(&rq);
        return;
    }
    rq.pull_never = pull && strcmp(pull, "never") == 0;
    const char *restart = dparsed_get(p, "restart");
    if (rq.auto_remove && restart && strcmp(restart, "no") != 0 &&
        strcmp(restart, "") != 0) {
        sb_addf(&r->err, "docker: conflicting options: cannot specify both "
                         "--restart and --rm\n\nRun 'docker %s --help' for "
                         "more information\n",
                cli);
        r->exit_code = 125;
        run_request_release(&rq);
        return;
    }
    n = dparsed_all(p, "publish", &vals, a);
    for (size_t i = 0; i < n; i++)
        strlist_push(&rq.ports, vals[i]);
    n = dparsed_all(p, "volume", &vals, a);
    for (size_t i = 0; i < n; i++)
        strlist_push(&rq.volumes, vals[i]);
    if (parse_health(p, &rq, &r->err) < 0) {
        r->exit_code = 125;
        run_request_release(&rq);
        return;
    }
    struct run_outcome o;
    run_outcome_init(&o);
    run_container(&s->store, &rq, &o);
    r->exit_code = o.exit_code;
    sb_add(&r->out, o.out.buf, o.out.len);
    sb_add(&r->err, o.err.buf, o.err.len);
    for (size_t i = 0; i < o.explain.n; i++)
        explain_add(&r->explain, o.explain.items[i].id, o.explain.items[i].line,
                    "%s", o.explain.items[i].text);
    const struct container *shown = o.container ? o.container : o.removed;
    if (shown) {
        result_from_container(r, shown);
        notes_for_container(&r->notes, shown);
    }
    if (o.removed)
        sb_adds(&r->notes, "  --rm: the container was removed when it "
                           "exited\n");
    run_outcome_release(&o);
    run_request_release(&rq);
}

static void do_start(struct session *s, const struct dparsed *p,
                     struct line_result *r)
{
    bool attach = flag_true(p, "attach");
    int failed = 0;
    for (size_t i = 0; i < p->n_args; i++) {
        struct container *c = store_find_container(&s->store, p->args[i]);
        if (!c) {
            sb_addf(&r->err, "Error response from daemon: No such container: "
                             "%s\n",
                    p->args[i]);
            failed++;
            continue;
        }
        if (c->status == CS_RUNNING) {
            sb_addf(&r->out, "%s\n", p->args[i]);
            continue;
        }
        struct run_outcome o;
        run_outcome_init(&o);
        c->detach = false;
        run_start(&s->store, c, attach, &o);
        if (!attach && o.exit_code == 0) {
            /* docker start prints the name as typed */
            sb_reset(&o.out);
            sb_addf(&o.out, "%s\n", p->args[i]);
        }
        sb_add(&r->out, o.out.buf, o.out.len);
        sb_add(&r->err, o.err.buf, o.err.len);
        if (o.exit_code)
            failed++;
        if (o.container)
            result_from_container(r, o.container);
        r->exit_code = o.exit_code;
        run_outcome_release(&o);
    }
    if (failed && !attach && r->exit_code == 0)
        r->exit_code = 1;
}

/* ==================================================================== */
/* Listing and inspecting                                               */
/* ==================================================================== */

/* A table being built: rows of cell strings (owned). */
struct tab {
    struct strlist cells;
    size_t ncols;
};

static void tab_row(struct tab *t, const char *const *row)
{
    for (size_t i = 0; i < t->ncols; i++)
        strlist_push(&t->cells, row[i]);
}

static void tab_render(struct tab *t, struct sb *out)
{
    render_table(out, (const char *const *)t->cells.v,
                 t->cells.n / t->ncols, t->ncols);
    strlist_release(&t->cells);
}

static void ago(struct sb *out, long now, long then)
{
    render_human_duration(out, now - then);
    sb_adds(out, " ago");
}

/* Ellipsis(s, n): at most n runes, the last one an ellipsis if cut. */
static void ellipsis(struct sb *out, const char *s, size_t n)
{
    size_t runes = 0;
    for (const char *p = s; *p; p++)
        runes += ((unsigned char)*p & 0xC0) != 0x80;
    if (runes <= n) {
        sb_adds(out, s);
        return;
    }
    size_t k = 0;
    const char *p = s;
    for (; *p && k < n - 1; p++) {
        if (((unsigned char)p[1] & 0xC0) != 0x80)
            k++;
    }
    sb_add(out, s, (size_t)(p - s));
    sb_adds(out, "\xe2\x80\xa6");
}

static void do_images(struct session *s, struct line_result *r)
{
    struct tab t;
    strlist_init(&t.cells);
    t.ncols = 5;
    static const char *const head[] = { "REPOSITORY", "TAG", "IMAGE ID",
                                        "CREATED", "SIZE" };
    tab_row(&t, head);
    for (size_t i = s->store.n_images; i-- > 0;) {
        const struct image *img = s->store.images[i];
        if (img->hidden)
            continue;
        size_t nt = img->tags.n ? img->tags.n : 1;
        for (size_t k = 0; k < nt; k++) {
            char *repo = xstrdup(img->tags.n ? img->tags.v[k] : "<none>:<none>");
            char *colon = strrchr(repo, ':');
            const char *tag = "<none>";
            if (colon) {
                *colon = '\0';
                tag = colon + 1;
            }
            struct sb id = SB_INIT, when = SB_INIT, size = SB_INIT;
            sb_addf(&id, "%.12s", img->id + 7);
            ago(&when, s->store.clock, img->created);
            render_human_size(&size, (double)img->size);
            const char *row[] = { repo, tag, id.buf, when.buf, size.buf };
            tab_row(&t, row);
            sb_release(&id);
            sb_release(&when);
            sb_release(&size);
            free(repo);
        }
    }
    tab_render(&t, &r->out);
}

static void do_ps(struct session *s, const struct dparsed *p,
                  struct line_result *r)
{
    bool all = flag_true(p, "all");
    bool quiet = flag_true(p, "quiet");
    bool no_trunc = flag_true(p, "no-trunc");
    struct tab t;
    strlist_init(&t.cells);
    t.ncols = 7;
    static const char *const head[] = { "CONTAINER ID", "IMAGE", "COMMAND",
                                        "CREATED", "STATUS", "PORTS",
                                        "NAMES" };
    if (!quiet)
        tab_row(&t, head);
    for (size_t i = s->store.n_containers; i-- > 0;) {
        const struct container *c = s->store.containers[i];
        if (!all && c->status != CS_RUNNING)
            continue;
        if (quiet) {
            sb_addf(&r->out, "%.12s\n", c->id);
            continue;
        }
        struct sb id = SB_INIT, cmd = SB_INIT, when = SB_INIT, st = SB_INIT;
        struct sb full = SB_INIT;
        if (no_trunc)
            sb_adds(&id, c->id);
        else
            sb_addf(&id, "%.12s", c->id);
        sb_adds(&full, c->path);
        for (size_t k = 0; k < c->args.n; k++)
            sb_addf(&full, " %s", c->args.v[k]);
        sb_addch(&cmd, '"');
        if (no_trunc)
            sb_adds(&cmd, full.buf);
        else
            ellipsis(&cmd, full.buf, 20);
        sb_addch(&cmd, '"');
        ago(&when, s->store.clock, c->created);
        if (c->status == CS_RUNNING) {
            sb_adds(&st, "Up ");
            render_human_duration(&st, s->store.clock - c->started_at);
        } else if (c->status == CS_EXITED) {
            sb_addf(&st, "Exited (%d) ", c->exit_code);
            ago(&st, s->store.clock, c->finished_at);
        } else {
            sb_adds(&st, "Created");
        }
        const char *health = lifecycle_health(c);
        if (health && c->status == CS_RUNNING)
            sb_addf(&st, " (%s%s)", strcmp(health, "starting") == 0
                                        ? "health: " : "", health);
        const char *row[] = { id.buf, c->image_ref, cmd.buf, when.buf,
                              st.buf, "", c->name };
        tab_row(&t, row);
        sb_release(&id);
        sb_release(&cmd);
        sb_release(&when);
        sb_release(&st);
        sb_release(&full);
    }
    if (!quiet)
        tab_render(&t, &r->out);
    else
        strlist_release(&t.cells);
}

static void do_rm(struct session *s, const struct dparsed *p,
                  struct line_result *r)
{
    bool force = flag_true(p, "force");
    for (size_t i = 0; i < p->n_args; i++) {
        struct container *c = store_find_container(&s->store, p->args[i]);
        if (!c) {
            sb_addf(&r->err, "Error response from daemon: No such container: "
                             "%s\n",
                    p->args[i]);
            r->exit_code = 1;
            continue;
        }
        if (c->status == CS_RUNNING && !force) {
            sb_addf(&r->err,
                    "Error response from daemon: cannot remove container "
                    "\"/%s\": container is running: stop the container "
                    "before removing or force remove\n",
                    c->name);
            r->exit_code = 1;
            continue;
        }
        sb_addf(&r->out, "%s\n", p->args[i]);
        store_remove_container(&s->store, c);
    }
}

static void do_rmi(struct session *s, const struct dparsed *p,
                   struct line_result *r)
{
    for (size_t i = 0; i < p->n_args; i++) {
        const char *ref = p->args[i];
        struct image *img = store_find_image(&s->store, ref);
        if (!img) {
            sb_addf(&r->err, "Error response from daemon: No such image: %s\n",
                    ref);
            r->exit_code = 1;
            continue;
        }
        for (size_t k = 0; k < s->store.n_containers; k++)
            if (s->store.containers[k]->image == img) {
                sb_addf(&r->err,
                        "Error response from daemon: conflict: unable to "
                        "remove repository reference \"%s\" (must force) - "
                        "container %.12s is using its referenced image "
                        "%.12s\n",
                        ref, s->store.containers[k]->id, img->id + 7);
                r->exit_code = 1;
                img = NULL;
                break;
            }
        if (!img)
            continue;
        struct image_ref ir;
        char *err = NULL;
        if (image_ref_parse(ref, &ir, &err) == 0) {
            struct sb fam = SB_INIT;
            image_ref_familiar(&fam, &ir);
            if (store_untag(&s->store, fam.buf) == 0)
                sb_addf(&r->out, "Untagged: %s\n", fam.buf);
            sb_release(&fam);
            image_ref_release(&ir);
        } else {
            free(err);
        }
        if (img->tags.n == 0 && img->children == 0) {
            sb_addf(&r->out, "Deleted: %s\n", img->id);
            /* keep it in the store but hidden: layers of others may sit
             * on it; docksim never reuses the memory before exit */
            img->hidden = true;
        }
    }
}

static void do_tag(struct session *s, const struct dparsed *p,
                   struct line_result *r)
{
    struct image *img = store_find_image(&s->store, p->args[0]);
    if (!img) {
        sb_addf(&r->err, "Error response from daemon: No such image: %s\n",
                p->args[0]);
        r->exit_code = 1;
        return;
    }
    struct image_ref ir;
    char *err = NULL;
    if (image_ref_parse(p->args[1], &ir, &err) < 0) {
        sb_addf(&r->err, "Error parsing reference: \"%s\" is not a valid "
                         "repository/tag: %s\n",
                p->args[1], err);
        free(err);
        r->exit_code = 1;
        return;
    }
    struct sb fam = SB_INIT;
    image_ref_familiar(&fam, &ir);
    store_tag(&s->store, img, fam.buf);
    sb_release(&fam);
    image_ref_release(&ir);
}

static void do_history(struct session *s, const struct dparsed *p,
                       struct line_result *r)
{
    struct image *img = store_find_image(&s->store, p->args[0]);
    if (!img) {
        sb_addf(&r->err, "Error response from daemon: No such image: %s\n",
                p->args[0]);
        r->exit_code = 1;
        return;
    }
    bool no_trunc = flag_true(p, "no-trunc");
    struct tab t;
    strlist_init(&t.cells);
    t.ncols = 5;
    static const char *const head[] = { "IMAGE", "CREATED", "CREATED BY",
                                        "SIZE", "COMMENT" };
    tab_row(&t, head);
    for (size_t i = img->n_hist; i-- > 0;) {
        const struct history_item *h = &img->hist[i];
        struct sb id = SB_INIT, when = SB_INIT, by = SB_INIT, size = SB_INIT;
        if (i == img->n_hist - 1)
            sb_addf(&id, "%.12s", img->id + 7);
        else
            sb_adds(&id, "<missing>");
        ago(&when, s->store.clock, h->created ? h->created : img->created);
        if (no_trunc)
            sb_adds(&by, h->created_by);
        else
            ellipsis(&by, h->created_by, 45);
        render_human_size(&size, (double)h->size);
        const char *row[] = { id.buf, when.buf, by.buf, size.buf,
                              h->comment ? h->comment : "" };
        tab_row(&t, row);
        sb_release(&id);
        sb_release(&when);
        sb_release(&by);
        sb_release(&size);
    }
    tab_render(&t, &r->out);
    explain_add(&r->explain, "image.history-layers", 0,
                "Rows with a size come from instructions that change files "
                "(RUN, COPY, ADD, WORKDIR): they are layers. CMD, ENV, "
                "EXPOSE and the other metadata instructions add a row of "
                "0B: they only change the image's configuration.");
    bool run_layer = false;
    for (size_t i = 0; i < img->n_hist; i++)
        if (!img->hist[i].empty_layer &&
            strncmp(img->hist[i].created_by, "RUN ", 4) == 0)
            run_layer = true;
    if (run_layer)
        explain_add(&r->explain, "image.history-sizes-simulated", 0,
                    "docksim's sizes count the bytes of the files it "
                    "simulates. Programs that RUN installs (apt-get, apk, "
                    "pip...) are stand-ins without their real files, so on "
                    "a real engine those layers are megabytes larger.");
}

static void image_inspect_json(struct sb *o, const struct image *img,
                               struct session *s)
{
    sb_adds(o, "    {\n");
    sb_addf(o, "        \"Id\": \"%s\",\n", img->id);
    sb_adds(o, "        \"RepoTags\": [");
    for (size_t i = 0; i < img->tags.n; i++) {
        sb_adds(o, i ? ",\n            " : "\n            ");
        json_write_string(o, img->tags.v[i], strlen(img->tags.v[i]));
    }
    sb_adds(o, img->tags.n ? "\n        ],\n" : "],\n");
    sb_adds(o, "        \"RepoDigests\": [],\n");
    sb_adds(o, "        \"Created\": \"");
    store_format_time(o, img->created);
    sb_adds(o, "\",\n");
    if (img->cfg.author && *img->cfg.author) {
        sb_adds(o, "        \"Author\": ");
        json_write_string(o, img->cfg.author, strlen(img->cfg.author));
        sb_adds(o, ",\n");
    }
    sb_adds(o, "        \"Config\": ");
    image_config_to_json(o, &img->cfg, 2);
    sb_adds(o, ",\n        \"Architecture\": \"amd64\",\n");
    sb_adds(o, "        \"Os\": \"linux\",\n");
    sb_addf(o, "        \"Size\": %llu,\n", (unsigned long long)img->size);
    sb_adds(o, "        \"RootFS\": {\n            \"Type\": \"layers\"\n"
               "        },\n");
    sb_adds(o, "        \"Metadata\": {\n            \"LastTagTime\": \"");
    store_format_time(o, img->created);
    sb_adds(o, "\"\n        }\n    }");
    (void)s;
}

static void json_strlist_block(struct sb *o, const struct strlist *l,
                               const char *indent)
{
    if (!l->set) {
        sb_adds(o, "null");
        return;
    }
    if (!l->n) {
        sb_adds(o, "[]");
        return;
    }
    sb_adds(o, "[\n");
    for (size_t i = 0; i < l->n; i++) {
        sb_addf(o, "%s    ", indent);
        json_write_string(o, l->v[i], strlen(l->v[i]));
        sb_adds(o, i + 1 < l->n ? ",\n" : "\n");
    }
    sb_addf(o, "%s]", indent);
}

static void container_inspect_json(struct sb *o, const struct container *c)
{
    static const char *const status[] = { "created", "running", "exited" };
    sb_adds(o, "    {\n");
    sb_addf(o, "        \"Id\": \"%s\",\n", c->id);
    sb_adds(o, "        \"Created\": \"");
    store_format_time(o, c->created);
    sb_adds(o, "\",\n        \"Path\": ");
    json_write_string(o, c->path, strlen(c->path));
    sb_adds(o, ",\n        \"Args\": ");
    json_strlist_block(o, &c->args, "        ");
    sb_adds(o, ",\n        \"State\": {\n");
    sb_addf(o, "            \"Status\": \"%s\",\n", status[c->status]);
    sb_addf(o, "            \"Running\": %s,\n",
            c->status == CS_RUNNING ? "true" : "false");
    sb_adds(o, "            \"Paused\": false,\n"
               "            \"Restarting\": false,\n"
               "            \"OOMKilled\": false,\n"
               "            \"Dead\": false,\n");
    sb_addf(o, "            \"Pid\": %d,\n", c->status == CS_RUNNING ? 1234 : 0);
    sb_addf(o, "            \"ExitCode\": %d,\n", c->exit_code);
    sb_adds(o, "            \"Error\": ");
    json_write_string(o, c->error ? c->error : "",
                      c->error ? strlen(c->error) : 0);
    sb_adds(o, ",\n            \"StartedAt\": \"");
    if (c->started_at)
        store_format_time(o, c->started_at);
    else
        sb_adds(o, "0001-01-01T00:00:00Z");
    sb_adds(o, "\",\n            \"FinishedAt\": \"");
    if (c->finished_at)
        store_format_time(o, c->finished_at);
    else
        sb_adds(o, "0001-01-01T00:00:00Z");
    sb_addch(o, '"');
    if (lifecycle_health(c)) {
        sb_adds(o, ",\n");
        lifecycle_health_json(o, c, "            ");
    }
    sb_adds(o, "\n        },\n");
    sb_addf(o, "        \"Image\": \"%s\",\n", c->image->id);
    sb_addf(o, "        \"Name\": \"/%s\",\n", c->name);
    sb_adds(o, "        \"RestartCount\": 0,\n"
               "        \"Platform\": \"linux\",\n");
    sb_addf(o, "        \"HostConfig\": {\n"
               "            \"NetworkMode\": \"%s\",\n"
               "            \"AutoRemove\": %s,\n"
               "            \"ReadonlyRootfs\": %s",
            c->network, c->auto_remove ? "true" : "false",
            c->read_only ? "true" : "false");
    if (c->init)
        sb_adds(o, ",\n            \"Init\": true");
    sb_adds(o, "\n        },\n");
    /* Config (container): the inspect order of §5.1 */
    const struct image_config *g = &c->cfg;
    sb_adds(o, "        \"Config\": {\n");
    sb_adds(o, "            \"Hostname\": ");
    json_write_string(o, c->hostname, strlen(c->hostname));
    sb_adds(o, ",\n            \"Domainname\": \"\",\n            \"User\": ");
    json_write_string(o, g->user ? g->user : "", g->user ? strlen(g->user) : 0);
    sb_addf(o, ",\n            \"AttachStdin\": %s,\n"
               "            \"AttachStdout\": %s,\n"
               "            \"AttachStderr\": %s,\n",
            c->interactive ? "true" : "false",
            c->detach ? "false" : "true", c->detach ? "false" : "true");
    if (g->exposed_ports.n) {
        sb_adds(o, "            \"ExposedPorts\": {\n");
        for (size_t i = 0; i < g->exposed_ports.n; i++)
            sb_addf(o, "                \"%s\": {}%s\n", g->exposed_ports.v[i],
                    i + 1 < g->exposed_ports.n ? "," : "");
        sb_adds(o, "            },\n");
    }
    sb_addf(o, "            \"Tty\": %s,\n            \"OpenStdin\": %s,\n"
               "            \"StdinOnce\": %s,\n            \"Env\": ",
            c->tty ? "true" : "false", c->interactive ? "true" : "false",
            c->interactive && !c->detach ? "true" : "false");
    json_strlist_block(o, &g->env, "            ");
    sb_adds(o, ",\n            \"Cmd\": ");
    json_strlist_block(o, &g->cmd, "            ");
    sb_adds(o, ",\n            \"Image\": ");
    json_write_string(o, c->image_ref, strlen(c->image_ref));
    sb_adds(o, ",\n            \"Volumes\": null,\n            \"WorkingDir\": ");
    json_write_string(o, g->working_dir ? g->working_dir : "",
                      g->working_dir ? strlen(g->working_dir) : 0);
    sb_adds(o, ",\n            \"Entrypoint\": ");
    json_strlist_block(o, &g->entrypoint, "            ");
    sb_adds(o, ",\n            \"OnBuild\": null,\n            \"Labels\": {");
    for (size_t i = 0; i < g->n_labels; i++) {
        sb_adds(o, i ? ",\n                " : "\n                ");
        json_write_string(o, g->labels[i].key, strlen(g->labels[i].key));
        sb_adds(o, ": ");
        json_write_string(o, g->labels[i].value, strlen(g->labels[i].value));
    }
    sb_adds(o, g->n_labels ? "\n            }" : "}");
    if (g->stop_signal && *g->stop_signal) {
        sb_adds(o, ",\n            \"StopSignal\": ");
        json_write_string(o, g->stop_signal, strlen(g->stop_signal));
    }
    if (c->stop_timeout_set)
        sb_addf(o, ",\n            \"StopTimeout\": %d", c->stop_timeout);
    sb_adds(o, "\n        }\n    }");
}

static void do_inspect(struct session *s, const struct dparsed *p,
                       struct line_result *r, int only /* 0 any, 1 image,
                                                          2 container */)
{
    struct sb *o = &r->out;
    size_t found = 0;
    sb_adds(o, "[\n");
    for (size_t i = 0; i < p->n_args; i++) {
        const char *name = p->args[i];
        struct container *c = only != 1 ? store_find_container(&s->store, name)
                                        : NULL;
        struct image *img = !c && only != 2 ? store_find_image(&s->store, name)
                                            : NULL;
        if (!c && !img && only != 2) {
            bool pulled = false;
            img = NULL;
            (void)pulled;
        }
        if (c) {
            if (found++)
                sb_adds(o, ",\n");
            container_inspect_json(o, c);
        } else if (img) {
            if (found++)
                sb_adds(o, ",\n");
            image_inspect_json(o, img, s);
        } else {
            if (only == 1)
                sb_addf(&r->err, "Error response from daemon: No such image: "
                                 "%s\n",
                        name);
            else if (only == 2)
                sb_addf(&r->err, "Error response from daemon: No such "
                                 "container: %s\n",
                        name);
            else
                sb_addf(&r->err, "Error: No such object: %s\n", name);
            r->exit_code = 1;
        }
    }
    sb_adds(o, found ? "\n]\n" : "]\n");
}

static void do_logs(struct session *s, const struct dparsed *p,
                    struct line_result *r)
{
    struct container *c = store_find_container(&s->store, p->args[0]);
    if (!c) {
        sb_addf(&r->err, "Error response from daemon: No such container: %s\n",
                p->args[0]);
        r->exit_code = 1;
        return;
    }
    sb_add(&r->out, c->out.buf, c->out.len);
    sb_add(&r->err, c->err.buf, c->err.len);
}

/* ==================================================================== */
/* Dispatch                                                             */
/* ==================================================================== */

static const char *canonical(const struct dcmd_def *cmd)
{
    return cmd->alias_of ? cmd->alias_of : cmd->path;
}

static void docker_line(struct session *s, const char *line,
                        struct line_result *r)
{
    struct arena a = ARENA_INIT;
    struct shellwords w;
    const char *err = NULL;
    r->kind = LINE_DOCKER;
    if (shellwords_split(&a, line, host_lookup, s, &w, &err) < 0) {
        sb_addf(&r->err, "docksim: %s\n", err);
        r->exit_code = 2;
        arena_release(&a);
        return;
    }
    if (w.n < 2) {
        sb_adds(&r->out, "\nUsage:  docker [OPTIONS] COMMAND\n\n"
                         "A self-sufficient runtime for containers\n\n"
                         "docksim simulates: build, run, create, start, ps, "
                         "images, inspect, history, logs, rm, rmi, tag\n");
        arena_release(&a);
        return;
    }
    size_t consumed = 0;
    const struct dcmd_def *cmd = dcli_find(w.words + 1, w.n - 1, &consumed);
    if (!cmd) {
        if (consumed == 1 && w.n == 2 &&
            dcli_group_help(&r->out, w.words[1]) == 0) {
            arena_release(&a);
            return;
        }
        if (consumed == 0 && dcli_is_docker_command(w.words[1])) {
            sb_addf(&r->err, "docksim: `docker %s` is a real docker command "
                             "that docksim does not simulate (yet).\n",
                    w.words[1]);
            r->exit_code = 1;
        } else {
            struct sb name = SB_INIT;
            for (size_t i = 1; i < w.n && i <= consumed + 1; i++)
                sb_addf(&name, "%s%s", i > 1 ? " " : "", w.words[i]);
            dcli_unknown_command(&r->err, name.buf);
            sb_release(&name);
            r->exit_code = 1;
        }
        arena_release(&a);
        return;
    }
    struct dparsed p;
    int code = 0;
    struct sb perr = SB_INIT;
    if (dcli_parse(&a, cmd, w.words + 1 + consumed, w.n - 1 - consumed, &p,
                   &perr, &code) < 0) {
        sb_add(&r->err, perr.buf, perr.len);
        sb_release(&perr);
        r->exit_code = code;
        arena_release(&a);
        return;
    }
    sb_release(&perr);
    if (p.notices && *p.notices)
        sb_adds(&r->out, p.notices);
    if (p.help) {
        dcli_help(&r->out, cmd);
        arena_release(&a);
        return;
    }
    const char *name = canonical(cmd);
    /* simulated time has passed: running containers catch up first */
    lifecycle_advance_all(&s->store);
    if (strcmp(name, "build") == 0)
        do_build(s, &a, &p, r);
    else if (strcmp(name, "run") == 0)
        do_run(s, &a, &p, true, r);
    else if (strcmp(name, "create") == 0)
        do_run(s, &a, &p, false, r);
    else if (strcmp(name, "start") == 0)
        do_start(s, &p, r);
    else if (strcmp(name, "images") == 0)
        do_images(s, r);
    else if (strcmp(name, "ps") == 0)
        do_ps(s, &p, r);
    else if (strcmp(name, "rm") == 0)
        do_rm(s, &p, r);
    else if (strcmp(name, "rmi") == 0)
        do_rmi(s, &p, r);
    else if (strcmp(name, "tag") == 0)
        do_tag(s, &p, r);
    else if (strcmp(name, "history") == 0)
        do_history(s, &p, r);
    else if (strcmp(name, "inspect") == 0)
        do_inspect(s, &p, r, 0);
    else if (strcmp(name, "image inspect") == 0)
        do_inspect(s, &p, r, 1);
    else if (strcmp(name, "container inspect") == 0)
        do_inspect(s, &p, r, 2);
    else if (strcmp(name, "logs") == 0)
        do_logs(s, &p, r);
    else if (strcmp(name, "stop") == 0)
        docker_stop(s, &p, r);
    else if (strcmp(name, "kill") == 0)
        docker_kill(s, &p, r);
    else if (strcmp(name, "restart") == 0)
        docker_restart(s, &p, r);
    else if (strcmp(name, "wait") == 0)
        docker_wait(s, &p, r);
    else if (strcmp(name, "top") == 0)
        docker_top(s, &p, r);
    else if (strcmp(name, "exec") == 0)
        docker_exec(s, &p, r);
    else if (strcmp(name, "version") == 0)
        sb_addf(&r->out, "Client:\n Version:           28.2.2\n\n"
                         "Server: docksim %s (simulated Docker Engine 28, "
                         "runc 1.2)\n",
                DOCKSIM_VERSION);
    else {
        sb_addf(&r->err, "docksim: `docker %s` is not simulated yet.\n", name);
        r->exit_code = 1;
    }
    arena_release(&a);
}

/* `explain table [IMAGE]` */
static void explain_line(struct session *s, const char *t,
                         struct line_result *r)
{
    r->kind = LINE_EXPLAIN;
    struct arena a = ARENA_INIT;
    struct shellwords w;
    const char *err = NULL;
    if (shellwords_split(&a, t, host_lookup, s, &w, &err) < 0 || w.n < 2 ||
        strcmp(w.words[1], "table") != 0 || w.n > 3) {
        sb_adds(&r->err, "usage: explain table [IMAGE]\n");
        r->exit_code = 2;
        arena_release(&a);
        return;
    }
    const struct image *img = NULL;
    if (w.n == 3) {
        img = store_image(&s->store, w.words[2], NULL);
        if (!img) {
            sb_addf(&r->err, "docksim: no image '%s' here (build it first, or "
                             "use an official image name)\n",
                    w.words[2]);
            r->exit_code = 1;
            arena_release(&a);
            return;
        }
    }
    struct ep_cmd_table tb;
    ep_cmd_table_compute(img ? &img->cfg : NULL, &tb);
    struct sb *o = &r->out;
    sb_addf(o, "How ENTRYPOINT and CMD combine: PID 1's argv when `docker run "
               "%s` is given no command.\n",
            img ? w.words[2] : "IMAGE");
    for (int row = 0; row < 3; row++) {
        sb_addf(o, "\n%s\n", tb.row_label[row]);
        for (int c = 0; c < 4; c++) {
            bool mark = row == tb.mark_row && c == tb.mark_col;
            struct sb line = SB_INIT;
            sb_addf(&line, "%s %s", mark ? "*" : " ", tb.col_label[c]);
            while (line.len < 40)
                sb_addch(&line, ' ');
            sb_adds(&line, " -> ");
            if (tb.cell[row][c].set)
                strlist_to_json_inline(&line, &tb.cell[row][c]);
            else
                sb_adds(&line, "error: no command specified (exit 125)");
            sb_addf(o, "%s\n", line.buf);
            sb_release(&line);
        }
    }
    if (img)
        sb_adds(o, "\n* is this image's own combination.\n");
    sb_adds(o, "\nThe Dockerfile reference prints the shell-form ENTRYPOINT "
               "row as just\n/bin/sh -c exec_entry p1_entry: the CMD is in "
               "fact still appended, but after\nthe -c string, where the "
               "shell only sees it as $0, $1, ... and ignores it.\n");
    ep_cmd_table_release(&tb);
    arena_release(&a);
}

/* A directive comment at the top (# syntax=, # escape=, # check=). */
static bool is_directive(const char *t)
{
    if (*t != '#')
        return false;
    t++;
    while (*t == ' ' || *t == '\t')
        t++;
    const char *k = t;
    while ((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z'))
        t++;
    size_t kl = (size_t)(t - k);
    while (*t == ' ' || *t == '\t')
        t++;
    return *t == '=' && (ascii_equal_fold(k, kl, "syntax") ||
                         ascii_equal_fold(k, kl, "escape") ||
                         ascii_equal_fold(k, kl, "check"));
}

void session_line(struct session *s, const char *line, struct line_result *r)
{
    session_log_add(&s->log, SESSION_INPUT_LINE, line, strlen(line), NULL, 0);
    const char *t = line;
    while (*t == ' ' || *t == '\t')
        t++;
    if (session_dockerfile_open(s)) {
        append_line(s, line);
        r->kind = LINE_DOCKERFILE;
        r->open = session_dockerfile_open(s);
        return;
    }
    if (*t == '\0') {
        r->kind = LINE_EMPTY;
        return;
    }
    if (*t == '#') {
        if (s->dockerfile.len == 0 && is_directive(t)) {
            append_line(s, line);
            r->kind = LINE_DOCKERFILE;
        } else {
            r->kind = LINE_EMPTY;
        }
        return;
    }
    size_t wl = 0;
    while (t[wl] && t[wl] != ' ' && t[wl] != '\t')
        wl++;
    if (wl == 6 && strncmp(t, "docker", 6) == 0) {
        docker_line(s, t, r);
        return;
    }
    if (wl == 7 && strncmp(t, "explain", 7) == 0) {
        explain_line(s, t, r);
        return;
    }
    enum instr_kind k = instr_lookup(t, wl);
    if (k != INSTR_UNKNOWN) {
        append_line(s, line);
        r->kind = LINE_DOCKERFILE;
        r->open = session_dockerfile_open(s);
        return;
    }
    r->kind = LINE_UNKNOWN;
    r->exit_code = 1;
    struct sb word = SB_INIT;
    sb_add(&word, t, wl);
    static const struct {
        const char *word;
        const char *say;
    } friendly[] = {
        { "ls", "docksim has no shell of its own. To look inside an image, "
                "run `docker run IMAGE ls /path`." },
        { "cd", "there is no current directory to change here; in a "
                "Dockerfile, WORKDIR sets the directory." },
        { "vim", "docksim has no editor: type Dockerfile lines directly, one "
                 "per line." },
        { "nano", "docksim has no editor: type Dockerfile lines directly, one "
                  "per line." },
        { "docker-compose", "Compose is not simulated; docksim covers docker "
                            "build and docker run." },
        { "sudo", "no sudo needed: docksim runs nothing on this machine." },
    };
    for (size_t i = 0; i < ARRAY_LEN(friendly); i++)
        if (strcmp(word.buf, friendly[i].word) == 0) {
            sb_addf(&r->err, "docksim: %s\n", friendly[i].say);
            sb_release(&word);
            return;
        }
    sb_addf(&r->err, "docksim: '%s' is neither a Dockerfile instruction nor "
                     "a docker command.\n",
            word.buf);
    sb_release(&word);
}

/* ==================================================================== */
/* Build-context files typed in the shell (:file)                       */
/* ==================================================================== */

void session_add_file(struct session *s, const char *path, const char *data,
                      size_t len, unsigned mode)
{
    session_log_add(&s->log, SESSION_INPUT_FILE, data, len, path, mode);
    for (size_t i = 0; i < s->n_files; i++)
        if (strcmp(s->files[i].path, path) == 0) {
            free((char *)s->files[i].data);
            s->files[i].data = xmemdup0(data, len);
            s->files[i].len = len;
            s->files[i].mode = mode;
            return;
        }
    s->files = xreallocarray(s->files, s->n_files + 1, sizeof(*s->files));
    struct build_file *f = &s->files[s->n_files++];
    memset(f, 0, sizeof(*f));
    f->path = xstrdup(path);
    f->data = xmemdup0(data, len);
    f->len = len;
    f->mode = mode;
}

bool session_has_file(const struct session *s, const char *path)
{
    for (size_t i = 0; i < s->n_files; i++)
        if (strcmp(s->files[i].path, path) == 0)
            return true;
    return false;
}

/* ==================================================================== */
/* The input log and session_clone (lessons)                            */
/* ==================================================================== */

static void session_log_add(struct session_log *l, enum session_input_kind k,
                            const char *text, size_t len, const char *path,
                            unsigned mode)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
    }
    struct session_input *in = &l->v[l->n++];
    in->kind = k;
    in->text = xmemdup0(text, len);
    in->len = len;
    in->path = path ? xstrdup(path) : NULL;
    in->mode = mode;
}

static void session_log_release(struct session_log *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].text);
        free(l->v[i].path);
    }
    free(l->v);
    memset(l, 0, sizeof(*l));
}

void session_clone(const struct session *src, struct session *dst,
                   session_replay_fn *each, void *ctx)
{
    session_init(dst);
    dst->host_env = src->host_env;
    dst->host_ctx = src->host_ctx;
    dst->no_teaching_warnings = src->no_teaching_warnings;
    if (src->context_dir)
        dst->context_dir = xstrdup(src->context_dir);
    for (size_t i = 0; i < src->log.n; i++) {
        const struct session_input *in = &src->log.v[i];
        switch (in->kind) {
        case SESSION_INPUT_LINE: {
            struct line_result r;
            line_result_init(&r);
            session_line(dst, in->text, &r);
            if (each)
                each(ctx, in->text, &r);
            line_result_release(&r);
            break;
        }
        case SESSION_INPUT_DOCKERFILE:
            session_set_dockerfile(dst, in->text, in->len);
            break;
        case SESSION_INPUT_FILE:
            session_add_file(dst, in->path, in->text, in->len, in->mode);
            break;
        }
    }
}
