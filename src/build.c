/*
 * build.c: BuildKit's dockerfile2llb conversion, simulated: global ARGs,
 * stages and their dependencies, base images, the config effect of every
 * instruction, variable expansion and the build checks of layer 4
 * (dockerfile-semantics.md §4-§6, §8).
 */
#include "build.h"

#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "expand.h"
#include "gostr.h"
#include "ignore.h"
#include "imgconfig.h"
#include "instructions.h"
#include "lint.h"
#include "sb.h"
#include "sha256.h"
#include "store.h"
#include "unicode.h"
#include "userland.h"
#include "vfs.h"
#include "xmalloc.h"

/* ==================================================================== */
/* State                                                                */
/* ==================================================================== */

/* An ARG declared in a stage (BuildKit's d.buildArgs). */
struct declared_arg {
    char *key;
    char *value;       /* NULL: declared without a value */
};

struct stage_state {
    const struct stage *st;
    size_t index;
    char *name;                 /* lower-cased stage name, or NULL */
    int base_stage;             /* index of the stage it is FROM, or -1 */
    bool needed;                /* target or a dependency of it */
    bool done;
    bool visiting;              /* cycle detection */
    uint64_t layer_bytes;       /* file bytes of img's layer at the last
                                   history row that made a layer */
    struct image *img;          /* result */
    struct strlist env;         /* the LLB state env: "K=V" (ENV and ARG) */
    struct declared_arg *args;  /* declared ARGs, in order */
    size_t n_args;
    bool cmd_set;               /* a CMD in this stage */
    bool workdir_set;           /* a WORKDIR in this stage chain */
    int seen_cmd, seen_entrypoint, seen_healthcheck; /* last line, 0 none */
    const struct instr *last_cmd, *last_entrypoint, *last_healthcheck;
    int steps_total, steps_done;
    char *base_name;            /* the FROM operand, expanded */
    struct image *base_img;     /* resolved base image (not a stage) */
    bool base_resolved;
};

struct bctx {
    struct store *store;
    const struct build_opts *o;
    struct build_result *r;
    struct dockerfile df;
    struct linter lint;
    struct stage_state *ss;
    size_t n_ss;
    struct strlist meta;        /* global scope: "K=V" (predefined + ARGs) */
    struct strlist meta_declared; /* names of global ARGs (with or without value) */
    struct strlist predefined;  /* predefined platform ARG names */
    const char *target_name;
    size_t target;
    const char *dockerfile_name;
    /*
     * The conversion runs twice (BuildKit converts the whole Dockerfile,
     * with every check, before it runs anything): first with exec off
     * (conversion only: no RUN, no file copies; this pass reports the
     * checks), then, for a build, with exec on and the checks muted.
     */
    bool exec;
    bool all_stages;            /* --check without --target */
    const struct instr *cur;    /* the instruction being converted: its
                                   lines are an error's location */
    struct ignore ignore;       /* the context's .dockerignore */
    bool has_ignore;
};

/* ==================================================================== */
/* Small helpers                                                        */
/* ==================================================================== */

static char *span_str(struct span s)
{
    return xmemdup0(s.s, s.len);
}

/* BuildKit's AddEnv / addEnv: replace KEY in place or append. */
static void env_set(struct strlist *env, const char *key, const char *value)
{
    size_t kl = strlen(key);
    struct sb kv = SB_INIT;
    sb_adds(&kv, key);
    sb_addch(&kv, '=');
    sb_adds(&kv, value);
    for (size_t i = 0; i < env->n; i++)
        if (strncmp(env->v[i], key, kl) == 0 && env->v[i][kl] == '=') {
            free(env->v[i]);
            env->v[i] = sb_detach(&kv, NULL);
            return;
        }
    strlist_push(env, kv.buf);
    sb_release(&kv);
}

static const char *env_get(const struct strlist *env, const char *key)
{
    size_t kl = strlen(key);
    for (size_t i = 0; i < env->n; i++)
        if (strncmp(env->v[i], key, kl) == 0 && env->v[i][kl] == '=')
            return env->v[i] + kl + 1;
    return NULL;
}

static void fail_at(struct bctx *b, int line, const char *fmt, ...)
    ATTR_PRINTF(3, 4);

/* Record the build's failure (the first one wins). */
static void fail_at(struct bctx *b, int line, const char *fmt, ...)
{
    va_list ap;
    struct sb m = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    if (!b->r->error) {
        int end = b->cur && b->cur->start_line == line ? b->cur->end_line
                                                        : line;
        b->r->error = sb_detach(&m, NULL);
        b->r->error_line = line;
        diag_add(&b->r->diags, DIAG_ERROR, DIAG_BUILD, NULL, line, end,
                 b->r->error);
    }
    sb_release(&m);
}

static void add_step(struct bctx *b, int line, const char *fmt, ...)
    ATTR_PRINTF(3, 4);

static void add_step(struct bctx *b, int line, const char *fmt, ...)
{
    va_list ap;
    struct build_result *r = b->r;
    /* converting only: nothing runs, only the internal steps show */
    if (!b->exec && line > 0 && r->n_steps > 0)
        return;
    r->steps = xreallocarray(r->steps, r->n_steps + 1, sizeof(*r->steps));
    struct build_step *s = &r->steps[r->n_steps++];
    memset(s, 0, sizeof(*s));
    struct sb m = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    s->name = sb_detach(&m, NULL);
    s->line = line;
}

static const struct span *comments_of(const struct instr *in, size_t *n)
{
    *n = ast_n_comments(in->node);
    return ast_comments(in->node);
}

static void lint_at(struct bctx *b, enum lint_rule rule, const struct instr *in,
                    const char *msg)
{
    size_t nc = 0;
    const struct span *c = in ? comments_of(in, &nc) : NULL;
    linter_run(&b->lint, rule, in ? in->start_line : 0,
               in ? in->end_line : 0, c, nc, msg);
}

/* ==================================================================== */
/* Variable expansion                                                   */
/* ==================================================================== */

static const char *const non_env_args[] = {
    "BUILDKIT_SBOM_SCAN_CONTEXT",
    "BUILDKIT_SBOM_SCAN_STAGE",
};

static bool is_non_env_arg(const char *k)
{
    for (size_t i = 0; i < ARRAY_LEN(non_env_args); i++)
        if (strcmp(k, non_env_args[i]) == 0)
            return true;
    return false;
}

/* suggest.Search over env keys, case-sensitive. */
static const char *suggest_env(const struct strlist *env, const char *v,
                               struct sb *keybuf)
{
    size_t best = 3, vl = strlen(v);
    const char *found = NULL;
    for (size_t i = 0; i < env->n; i++) {
        const char *eq = strchr(env->v[i], '=');
        size_t kl = eq ? (size_t)(eq - env->v[i]) : strlen(env->v[i]);
        if (kl == vl && memcmp(env->v[i], v, vl) == 0)
            return NULL;
        size_t d = go_levenshtein(v, vl, env->v[i], kl);
        if (d < best) {
            best = d;
            sb_reset(keybuf);
            sb_add(keybuf, env->v[i], kl);
            found = keybuf->buf;
        }
    }
    return found;
}

/*
 * ProcessWord(word) with the stage's env, reporting UndefinedVar for names
 * neither set nor declared (reportUnmatchedVariables). Returns a malloc'd
 * string, or NULL after recording the failure.
 */
static char *expand_word_opts(struct bctx *b, struct stage_state *ss,
                              const struct instr *in, struct span word,
                              bool report, size_t *out_len, bool raw)
{
    struct arena a = ARENA_INIT;
    struct expand_opts o = EXPAND_OPTS_INIT;
    /* ExpandRaw (heredoc content): NewLex('\\') with SkipProcessQuotes */
    if (raw)
        o.skip_process_quotes = true;
    else
        o.escape = b->df.ast.escape;
    struct expand_env env = { (const char *const *)ss->env.v, ss->env.n };
    struct expand_result res;
    char *out = NULL;
    if (expand_process(&a, word.s, word.len, &o, expand_env_lookup, &env,
                       &res) < 0) {
        fail_at(b, in->start_line, "%s", res.error);
    } else {
        out = xmemdup0(res.word, res.word_len);
        if (out_len)
            *out_len = res.word_len;
    }
    if (report) {
        for (size_t i = 0; i < res.n_unmatched; i++) {
            const char *name = res.unmatched[i];
            bool declared = is_non_env_arg(name);
            for (size_t k = 0; !declared && k < ss->n_args; k++)
                declared = strcmp(ss->args[k].key, name) == 0;
            if (declared)
                continue;
            struct sb key = SB_INIT, m = SB_INIT;
            const char *sug = suggest_env(&ss->env, name, &key);
            sb_addf(&m, "Usage of undefined variable '$%s'", name);
            if (sug)
                sb_addf(&m, " (did you mean $%s?)", sug);
            lint_at(b, LINT_UNDEFINED_VAR, in, m.buf);
            sb_release(&key);
            sb_release(&m);
        }
    }
    arena_release(&a);
    return out;
}

static char *expand_word(struct bctx *b, struct stage_state *ss,
                         const struct instr *in, struct span word,
                         bool report, size_t *out_len)
{
    return expand_word_opts(b, ss, in, word, report, out_len, false);
}

/* ==================================================================== */
/* Global scope: predefined ARGs and ARGs before the first FROM         */
/* ==================================================================== */

static const char *build_arg_value(struct bctx *b, const char *key,
                                   bool *given)
{
    *given = false;
    for (size_t i = b->o->n_args; i-- > 0;) {
        if (strcmp(b->o->args[i].key, key) != 0)
            continue;
        if (b->o->args[i].value) {
            *given = true;
            return b->o->args[i].value;
        }
        const char *v = NULL;
        if (b->o->host_env && b->o->host_env(b->o->host_ctx, key, &v) && v) {
            *given = true;
            return v;
        }
        return NULL;
    }
    return NULL;
}

static void init_meta(struct bctx *b)
{
    static const char *const pre[][2] = {
        { "BUILDPLATFORM", "linux/amd64" }, { "BUILDOS", "linux" },
        { "BUILDOSVERSION", "" },           { "BUILDARCH", "amd64" },
        { "BUILDVARIANT", "" },             { "TARGETPLATFORM", "linux/amd64" },
        { "TARGETOS", "linux" },            { "TARGETOSVERSION", "" },
        { "TARGETARCH", "amd64" },          { "TARGETVARIANT", "" },
    };
    for (size_t i = 0; i < ARRAY_LEN(pre); i++) {
        env_set(&b->meta, pre[i][0], pre[i][1]);
        strlist_push(&b->predefined, pre[i][0]);
    }
    env_set(&b->meta, "TARGETSTAGE", b->target_name ? b->target_name : "default");
    strlist_push(&b->predefined, "TARGETSTAGE");
}

static int eval_meta_args(struct bctx *b)
{
    for (size_t i = 0; i < b->df.n_meta_args; i++) {
        const struct instr *in = b->df.meta_args[i];
        for (size_t k = 0; k < in->n_pairs; k++) {
            const struct kv *kv = &in->pairs[k];
            char *key = span_str(kv->key);
            bool given;
            const char *v = build_arg_value(b, key, &given);
            char *val = NULL;
            if (given) {
                val = xstrdup(v);
            } else if (kv->has_value) {
                struct arena a = ARENA_INIT;
                struct expand_opts o = EXPAND_OPTS_INIT;
                o.escape = b->df.ast.escape;
                struct expand_env env = { (const char *const *)b->meta.v,
                                          b->meta.n };
                struct expand_result res;
                if (expand_process(&a, kv->value.s, kv->value.len, &o,
                                   expand_env_lookup, &env, &res) < 0) {
                    fail_at(b, in->start_line, "%s", res.error);
                    arena_release(&a);
                    free(key);
                    return -1;
                }
                val = xmemdup0(res.word, res.word_len);
                arena_release(&a);
            }
            if (strlist_find(&b->meta_declared, key) < 0)
                strlist_push(&b->meta_declared, key);
            if (val)
                env_set(&b->meta, key, val);
            free(val);
            free(key);
        }
    }
    return 0;
}

/* ==================================================================== */
/* Stages: names, base resolution, dependencies, target                 */
/* ==================================================================== */

static int find_stage(struct bctx *b, const char *name, size_t len)
{
    /* the last stage with that name wins (DuplicateStageName) */
    int found = -1;
    for (size_t i = 0; i < b->n_ss; i++)
        if (b->ss[i].name && strlen(b->ss[i].name) == len &&
            memcmp(b->ss[i].name, name, len) == 0)
            found = (int)i;
    return found;
}

/* A stage reference as --from or --target accepts it: name (any case)
 * or index. */
static int find_stage_ref(struct bctx *b, const char *ref)
{
    struct sb low = SB_INIT;
    go_to_lower(&low, ref, strlen(ref));
    int i = find_stage(b, low.buf, low.len);
    sb_release(&low);
    if (i >= 0)
        return i;
    char *end;
    long idx = strtol(ref, &end, 10);
    if (*ref && !*end && idx >= 0 && (size_t)idx < b->n_ss)
        return (int)idx;
    return -1;
}

/* The full name BuildKit shows: docker.io/library/alpine:latest. */
static void full_ref(struct sb *out, const struct image_ref *r)
{
    const char *slash = strchr(r->repo, '/');
    bool has_domain = false;
    if (slash) {
        size_t n = (size_t)(slash - r->repo);
        has_domain = memchr(r->repo, '.', n) || memchr(r->repo, ':', n) ||
                     (n == 9 && memcmp(r->repo, "localhost", 9) == 0);
    }
    if (!has_domain)
        sb_adds(out, slash ? "docker.io/" : "docker.io/library/");
    sb_adds(out, r->repo);
    if (r->digest) {
        sb_addch(out, '@');
        sb_adds(out, r->digest);
    } else {
        sb_addf(out, ":%s", r->tag);
    }
}

/* Resolve an image reference for FROM or COPY --from: the store, then
 * the catalogue; NULL after recording BuildKit's pull failure. */
static struct image *resolve_image(struct bctx *b, const char *name, int line,
                                   bool stage_name_error)
{
    struct image_ref ref;
    char *err = NULL;
    if (image_ref_parse(name, &ref, &err) < 0) {
        if (stage_name_error)
            fail_at(b, line, "failed to parse stage name \"%s\": %s", name,
                    err);
        else
            fail_at(b, line, "%s", err);
        free(err);
        return NULL;
    }
    bool pulled = false;
    struct image *img = store_image(b->store, name, &pulled);
    if (!img) {
        struct sb full = SB_INIT;
        full_ref(&full, &ref);
        fail_at(b, line,
                "%s: failed to resolve source metadata for %s: pull access "
                "denied, repository does not exist or may require "
                "authorization: server message: insufficient_scope: "
                "authorization failed",
                name, full.buf);
        struct sb hint = SB_INIT;
        catalog_hint(&hint);
        explain_add(&b->r->explain, "build.image-not-found", line,
                    "docksim never downloads images: '%s' is neither a "
                    "known official image nor one built in this session. %s",
                    name, hint.buf);
        sb_release(&hint);
        sb_release(&full);
    } else {
        struct sb full = SB_INIT;
        full_ref(&full, &ref);
        /* one vertex per image, however many stages use it */
        struct sb step = SB_INIT;
        sb_addf(&step, "[internal] load metadata for %s", full.buf);
        bool seen = false;
        for (size_t i = 0; i < b->r->n_steps && !seen; i++)
            seen = strcmp(b->r->steps[i].name, step.buf) == 0;
        if (!seen)
            add_step(b, 0, "%s", step.buf);
        sb_release(&step);
        sb_release(&full);
    }
    image_ref_release(&ref);
    return img;
}

/*
 * The keys UndefinedArgInFrom accepts (unusedFromArgsCheckKeys): every
 * global ARG (with or without a value) and every name of the global
 * scope (the predefined platform ARGs included).
 */
static bool global_arg_known(const struct bctx *b, const char *name)
{
    return strlist_find(&b->meta_declared, name) >= 0 ||
           strlist_find(&b->predefined, name) >= 0 ||
           env_get(&b->meta, name) != NULL;
}

/* suggest.Search over those keys (case-sensitive). */
static const char *suggest_global_arg(const struct bctx *b, const char *v,
                                      struct sb *keybuf)
{
    const char *found = suggest_env(&b->meta, v, keybuf);
    size_t best = found ? go_levenshtein(v, strlen(v), found, strlen(found))
                        : 3;
    for (size_t i = 0; i < b->meta_declared.n; i++) {
        const char *k = b->meta_declared.v[i];
        if (env_get(&b->meta, k))
            continue;
        size_t d = go_levenshtein(v, strlen(v), k, strlen(k));
        if (d < best) {
            best = d;
            sb_reset(keybuf);
            sb_adds(keybuf, k);
            found = keybuf->buf;
        }
    }
    return found;
}

/*
 * ProcessWordWithMatches(word, globalArgs), then reportUnusedFromArgs:
 * UndefinedArgInFrom for each unmatched name that is no global ARG.
 * Returns 0 with *out (malloc'd), or -1 with *err (malloc'd lexer
 * message). matched/unmatched (if not NULL) receive the names.
 */
static int expand_global(struct bctx *b, const struct instr *from,
                         struct span word, char **out, char **err,
                         struct strlist *matched, struct strlist *unmatched)
{
    struct arena a = ARENA_INIT;
    struct expand_opts o = EXPAND_OPTS_INIT;
    o.escape = b->df.ast.escape;
    struct expand_env env = { (const char *const *)b->meta.v, b->meta.n };
    struct expand_result res;
    int rc = expand_process(&a, word.s, word.len, &o, expand_env_lookup, &env,
                            &res);
    for (size_t i = 0; i < res.n_unmatched; i++) {
        const char *name = res.unmatched[i];
        if (unmatched)
            strlist_push(unmatched, name);
        if (global_arg_known(b, name))
            continue;
        struct sb m = SB_INIT, key = SB_INIT;
        sb_addf(&m, "FROM argument '%s' is not declared", name);
        const char *sug = suggest_global_arg(b, name, &key);
        if (sug)
            sb_addf(&m, " (did you mean %s?)", sug);
        lint_at(b, LINT_UNDEFINED_ARG_IN_FROM, from, m.buf);
        sb_release(&m);
        sb_release(&key);
    }
    for (size_t i = 0; matched && i < res.n_matched; i++)
        strlist_push(matched, res.matched[i]);
    *out = *err = NULL;
    if (rc < 0)
        *err = xmemdup0(res.error, res.error_len);
    else
        *out = xmemdup0(res.word, res.word_len);
    arena_release(&a);
    return rc < 0 ? -1 : 0;
}

/* The FROM operand expanded with the global scope, or NULL after
 * recording the failure. */
static char *expand_from(struct bctx *b, const struct instr *from,
                         struct span word)
{
    char *out, *err;
    if (expand_global(b, from, word, &out, &err, NULL, NULL) < 0) {
        fail_at(b, from->start_line, "%s", err);
        free(err);
        return NULL;
    }
    return out;
}

/* ----- FROM --platform (containerd's platforms.Parse) ---------------- */

static bool platform_component_ok(const char *s, size_t n, bool dot)
{
    if (!n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              (dot && c == '.')))
            return false;
    }
    return true;
}

/* ^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$ : the OS name's length. */
static bool platform_os_ok(const char *s, size_t n, size_t *os_len)
{
    const char *paren = memchr(s, '(', n);
    size_t ol = paren ? (size_t)(paren - s) : n;
    if (!platform_component_ok(s, ol, false))
        return false;
    if (paren) {
        size_t vl = n - ol;
        if (vl < 2 || s[n - 1] != ')')
            return false;
        for (size_t i = ol + 1; i < n - 1; i++) {
            char c = s[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                  c == '.'))
                return false;
        }
    }
    *os_len = ol;
    return true;
}

static void lower_into(struct sb *out, const char *s, size_t n)
{
    sb_reset(out);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        sb_addch(out, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
}

static const char *normalize_arch(const char *a)
{
    static const char *const map[][2] = {
        { "i386", "386" },     { "x86_64", "amd64" }, { "x86-64", "amd64" },
        { "aarch64", "arm64" }, { "armhf", "arm" },   { "armel", "arm" },
    };
    for (size_t i = 0; i < ARRAY_LEN(map); i++)
        if (strcmp(a, map[i][0]) == 0)
            return map[i][1];
    return a;
}

static bool known_in(const char *v, const char *list)
{
    size_t n = strlen(v);
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ' ');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == n && memcmp(p, v, n) == 0)
            return true;
        p += l + (e ? 1 : 0);
    }
    return false;
}

/*
 * platforms.Parse: 0 with the normalised os and arch, or -1 with its
 * message (`"x" is an invalid component of "linux/x": ...`) in err.
 */
static int platform_parse(const char *spec, struct sb *os, struct sb *arch,
                          struct sb *err)
{
    static const char *const known_os =
        "aix android darwin dragonfly freebsd hurd illumos ios js linux "
        "nacl netbsd openbsd plan9 solaris wasip1 windows zos";
    static const char *const known_arch =
        "386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle "
        "mips64 mips64le mips64p32 mips64p32le ppc ppc64 ppc64le riscv "
        "riscv64 s390 s390x sparc sparc64 wasm";
    if (strchr(spec, '*')) {
        go_quote_str(err, spec);
        sb_adds(err, ": wildcards not yet supported: invalid argument");
        return -1;
    }
    const char *parts[4];
    size_t lens[4], np = 0;
    const char *p = spec;
    while (np < 3) {
        const char *slash = strchr(p, '/');
        if (!slash)
            break;
        parts[np] = p;
        lens[np++] = (size_t)(slash - p);
        p = slash + 1;
    }
    parts[np] = p;
    lens[np++] = strlen(p);
    size_t os_len = 0;
    for (size_t i = 0; i < np; i++) {
        bool ok = i == 0 ? platform_os_ok(parts[0], lens[0], &os_len)
                         : platform_component_ok(parts[i], lens[i], true);
        if (ok)
            continue;
        go_quote(err, parts[i], lens[i]);
        sb_adds(err, i == 0 ? " is an invalid OS component of "
                            : " is an invalid component of ");
        go_quote_str(err, spec);
        if (i == 0)
            sb_adds(err, ": OSAndVersion specifier component must match "
                         "\"^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.-]*)"
                         "\\\\))?$\": invalid argument");
        else
            sb_adds(err, ": platform specifier component must match "
                         "\"^[A-Za-z0-9_.-]+$\": invalid argument");
        return -1;
    }
    lower_into(os, parts[0], os_len);
    if (strcmp(os->buf, "macos") == 0) {
        sb_reset(os);
        sb_adds(os, "darwin");
    }
    if (np == 1) {
        if (known_in(os->buf, known_os)) {
            sb_reset(arch);
            sb_adds(arch, "amd64");
            return 0;
        }
        struct sb low = SB_INIT;
        lower_into(&low, parts[0], lens[0]);
        const char *a = normalize_arch(low.buf);
        bool ok = known_in(a, known_arch);
        if (ok) {
            sb_reset(arch);
            sb_adds(arch, a);
            sb_reset(os);
            sb_adds(os, "linux");
        }
        sb_release(&low);
        if (ok)
            return 0;
        go_quote_str(err, spec);
        sb_adds(err, ": unknown operating system or architecture: invalid "
                     "argument");
        return -1;
    }
    if (np > 3) {
        go_quote_str(err, spec);
        sb_adds(err, ": cannot parse platform specifier: invalid argument");
        return -1;
    }
    struct sb low = SB_INIT;
    lower_into(&low, parts[1], lens[1]);
    sb_reset(arch);
    sb_adds(arch, normalize_arch(low.buf));
    sb_release(&low);
    return 0;
}

/* wrapSuggestAny: " (did you mean K?)" for the first unmatched name with
 * a close global name (globalArgs.Keys()). */
static void suggest_any(const struct bctx *b, const struct strlist *unmatched,
                        struct sb *msg)
{
    for (size_t i = 0; i < unmatched->n; i++) {
        struct sb key = SB_INIT;
        const char *sug = suggest_env(&b->meta, unmatched->v[i], &key);
        bool exact = env_get(&b->meta, unmatched->v[i]) != NULL;
        if (sug && !exact) {
            sb_addf(msg, " (did you mean %s?)", sug);
            sb_release(&key);
            return;
        }
        sb_release(&key);
    }
}

/*
 * FROM --platform: the checks on the expression (UndefinedArgInFrom,
 * RedundantTargetPlatform, FromPlatformFlagConstDisallowed), then its
 * errors. Returns 0 or -1 after recording the failure.
 */
static int check_platform(struct bctx *b, const struct stage_state *ss)
{
    const struct stage *st = ss->st;
    const struct instr *from = st->from;
    struct strlist matched, unmatched;
    strlist_init(&matched);
    strlist_init(&unmatched);
    char *res = NULL, *err = NULL;
    char *expr = span_str(st->platform);
    int rc = expand_global(b, from, st->platform, &res, &err, &matched,
                           &unmatched);
    const char *result = res ? res : "";
    struct sb os = SB_INIT, arch = SB_INIT, perr = SB_INIT;
    int prc = platform_parse(result, &os, &arch, &perr);
    /* reportRedundantTargetPlatform */
    if (matched.n == 1 && unmatched.n == 0 &&
        strcmp(matched.v[0], "TARGETPLATFORM") == 0) {
        const char *tp = env_get(&b->meta, "TARGETPLATFORM");
        if (tp && strcmp(tp, result) == 0) {
            struct sb m = SB_INIT;
            sb_addf(&m, "Setting platform to predefined %s in FROM is "
                        "redundant as this is the default behavior",
                    expr);
            lint_at(b, LINT_REDUNDANT_TARGET_PLATFORM, from, m.buf);
            sb_release(&m);
        }
    }
    /* reportConstPlatformDisallowed */
    if (matched.n == 0 && unmatched.n == 0 && prc == 0) {
        const char *name = ss->name ? ss->name : "";
        if (!strstr(name, os.buf) && !strstr(name, arch.buf)) {
            struct sb m = SB_INIT;
            sb_addf(&m, "FROM --platform flag should not use constant value "
                        "\"%s\"",
                    result);
            lint_at(b, LINT_FROM_PLATFORM_FLAG_CONST_DISALLOWED, from, m.buf);
            sb_release(&m);
        }
    }
    int out = 0;
    if (rc < 0) {
        fail_at(b, from->start_line,
                "failed to process arguments for platform %s: %s", result,
                err);
        out = -1;
    } else if (!*result) {
        struct sb m = SB_INIT;
        sb_addf(&m, "empty platform value from expression %s", expr);
        suggest_any(b, &unmatched, &m);
        fail_at(b, from->start_line, "%s", m.buf);
        sb_release(&m);
        out = -1;
    } else if (prc < 0) {
        struct sb m = SB_INIT;
        sb_addf(&m, "failed to parse platform %s: %s", expr, perr.buf);
        suggest_any(b, &unmatched, &m);
        fail_at(b, from->start_line, "%s", m.buf);
        sb_release(&m);
        out = -1;
    }
    sb_release(&os);
    sb_release(&arch);
    sb_release(&perr);
    free(res);
    free(err);
    free(expr);
    strlist_release(&matched);
    strlist_release(&unmatched);
    return out;
}

/*
 * The stages' bases, in file order as BuildKit sets them: the expanded
 * FROM operand (its checks and errors), --platform, and whether it names
 * an earlier stage (a stage can only build on one defined before it).
 */
static int link_stages(struct bctx *b)
{
    for (size_t i = 0; i < b->n_ss; i++) {
        struct stage_state *ss = &b->ss[i];
        const struct instr *from = ss->st->from;
        b->cur = from;
        char *base = expand_from(b, from, ss->st->base_name);
        if (!base)
            return -1;
        if (!*base) {
            fail_at(b, from->start_line, "base name (%.*s) should not be blank",
                    (int)ss->st->base_name.len, ss->st->base_name.s);
            free(base);
            return -1;
        }
        if (ss->st->platform.len && check_platform(b, ss) < 0) {
            free(base);
            return -1;
        }
        int k = -1;
        for (size_t j = 0; j < i; j++)
            if (b->ss[j].name && strcmp(b->ss[j].name, base) == 0)
                k = (int)j;
        ss->base_stage = k;
        free(ss->base_name);
        ss->base_name = base;
    }
    return 0;
}

/*
 * validateCircularDependency: a stage's dependencies are the stages its
 * COPY --from instructions name (not its FROM: a stage can only build on
 * an earlier one). A cycle anywhere fails, named after the stage the
 * search started from, at the first COPY of the cycle.
 */
static int cycle_visit(struct bctx *b, size_t i, bool *visited, bool *path,
                       int *line)
{
    if (visited[i])
        return 0;
    visited[i] = path[i] = true;
    const struct stage *st = b->ss[i].st;
    for (size_t c = 0; c < st->n_cmds; c++) {
        const struct instr *in = st->cmds[c];
        const struct flag_value *f = in->kind == INSTR_COPY
                                         ? instr_flag_value(in, "from")
                                         : NULL;
        if (!f)
            continue;
        char *ref = span_str(f->value);
        int k = find_stage_ref(b, ref);
        free(ref);
        if (k < 0)
            continue;
        if (path[k] || cycle_visit(b, (size_t)k, visited, path, line)) {
            *line = in->start_line; /* the outermost COPY wins */
            return 1;
        }
    }
    path[i] = false;
    return 0;
}

static int check_cycles(struct bctx *b)
{
    bool *visited = xcalloc(b->n_ss ? b->n_ss : 1, sizeof(bool));
    bool *path = xcalloc(b->n_ss ? b->n_ss : 1, sizeof(bool));
    int rc = 0;
    for (size_t i = 0; i < b->n_ss && rc == 0; i++) {
        int line = 0;
        if (cycle_visit(b, i, visited, path, &line)) {
            fail_at(b, line, "circular dependency detected on stage: %s",
                    b->ss[i].name ? b->ss[i].name : "");
            rc = -1;
        }
    }
    free(visited);
    free(path);
    return rc;
}

/* Mark the target and what it depends on (FROM and COPY --from). */
static int mark_needed(struct bctx *b, size_t i, int line)
{
    struct stage_state *ss = &b->ss[i];
    if (ss->needed)
        return 0;
    if (ss->visiting) {
        fail_at(b, line, "circular dependency detected on stage: %s",
                ss->name ? ss->name : "");
        return -1;
    }
    ss->visiting = true;
    if (ss->base_stage >= 0 &&
        mark_needed(b, (size_t)ss->base_stage, ss->st->from->start_line) < 0)
        return -1;
    for (size_t c = 0; c < ss->st->n_cmds; c++) {
        const struct instr *in = ss->st->cmds[c];
        if (in->kind != INSTR_COPY)
            continue;
        const struct flag_value *f = instr_flag_value(in, "from");
        if (!f)
            continue;
        char *ref = span_str(f->value);
        int k = find_stage_ref(b, ref);
        free(ref);
        if (k >= 0 && mark_needed(b, (size_t)k, in->start_line) < 0)
            return -1;
    }
    ss->visiting = false;
    ss->needed = true;
    return 0;
}

/* ==================================================================== */
/* Dispatch: what each instruction does to the image                    */
/* ==================================================================== */

static void history(struct stage_state *ss, const struct instr *in,
                    bool empty_layer, const char *fmt, ...) ATTR_PRINTF(4, 5);

static void history(struct stage_state *ss, const struct instr *in,
                    bool empty_layer, const char *fmt, ...)
{
    va_list ap;
    struct image *img = ss->img;
    struct sb m = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    img->hist = xreallocarray(img->hist, img->n_hist + 1, sizeof(*img->hist));
    struct history_item *h = &img->hist[img->n_hist++];
    memset(h, 0, sizeof(*h));
    h->created_by = sb_detach(&m, NULL);
    h->comment = xstrdup("buildkit.dockerfile.v0");
    h->empty_layer = empty_layer;
    h->line = in ? in->start_line : 0;
    if (!empty_layer) {
        /* what this instruction added to the stage's layer */
        uint64_t now = vfs_layer_bytes(&img->fs);
        h->size = now > ss->layer_bytes ? now - ss->layer_bytes : 0;
        ss->layer_bytes = now;
    }
}

/* Go's %q of a string list: ["a" "b"] (used for CMD/ENTRYPOINT history). */
static void go_q_list(struct sb *out, const struct strlist *l)
{
    sb_addch(out, '[');
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            sb_addch(out, ' ');
        go_quote_str(out, l->v[i]);
    }
    sb_addch(out, ']');
}

/* Go's %v of a string list: [a b]. */
static void go_v_list(struct sb *out, const struct strlist *l)
{
    sb_addch(out, '[');
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            sb_addch(out, ' ');
        sb_adds(out, l->v[i]);
    }
    sb_addch(out, ']');
}

/* withShell: the current SHELL (default /bin/sh -c) + the joined text. */
static void with_shell(const struct image_config *c, const struct instr *in,
                       struct strlist *out)
{
    strlist_release(out);
    strlist_set_empty(out);
    if (c->shell.set && c->shell.n) {
        for (size_t i = 0; i < c->shell.n; i++)
            strlist_push(out, c->shell.v[i]);
    } else {
        strlist_push(out, "/bin/sh");
        strlist_push(out, "-c");
    }
    struct sb j = SB_INIT;
    for (size_t i = 0; i < in->n_cmdline; i++) {
        if (i)
            sb_addch(&j, ' ');
        sb_add(&j, in->cmdline[i].s, in->cmdline[i].len);
    }
    strlist_push(out, j.buf);
    sb_release(&j);
}

static void cmdline_list(const struct instr *in, struct strlist *out)
{
    strlist_release(out);
    strlist_set_empty(out);
    for (size_t i = 0; i < in->n_cmdline; i++)
        strlist_pushn(out, in->cmdline[i].s, in->cmdline[i].len);
}

/*
 * Shell form whose text starts with '[': the JSON did not parse (a single
 * quote, a bare word, a trailing comma...), and BuildKit silently took
 * the whole text as a shell command.
 */
static void explain_invalid_json(struct bctx *b, const struct instr *in,
                                 const char *what)
{
    if (!in->prepend_shell || in->n_cmdline != 1)
        return;
    const struct span *t = &in->cmdline[0];
    if (!t->len || t->s[0] != '[')
        return;
    explain_add(&b->r->explain, "parse.invalid-json-is-shell-form",
                in->start_line,
                "%s %.*s looks like exec form but is not valid JSON (JSON "
                "needs double quotes around every word), so it is shell "
                "form: the whole text, brackets and all, goes to the shell. "
                "No error, no warning about the JSON itself.",
                what, (int)t->len, t->s);
}

static void json_args_check(struct bctx *b, struct stage_state *ss,
                            const struct instr *in, const char *what)
{
    if (in->json || ss->img->cfg.shell.n)
        return;
    struct sb m = SB_INIT;
    sb_addf(&m, "JSON arguments recommended for %s to prevent unintended "
                "behavior related to OS signals",
            what);
    lint_at(b, LINT_JSON_ARGS_RECOMMENDED, in, m.buf);
    sb_release(&m);
}

static void argv_text(struct sb *out, const struct strlist *l)
{
    sb_addch(out, '[');
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            sb_adds(out, ", ");
        go_quote_str(out, l->v[i]);
    }
    sb_addch(out, ']');
}

static int do_cmd(struct bctx *b, struct stage_state *ss,
                  const struct instr *in)
{
    struct image_config *c = &ss->img->cfg;
    struct sb t = SB_INIT;
    json_args_check(b, ss, in, "CMD");
    explain_invalid_json(b, in, "CMD");
    if (in->prepend_shell) {
        with_shell(c, in, &c->cmd);
        argv_text(&t, &c->cmd);
        explain_add(&b->r->explain, "build.cmd-shell-form", in->start_line,
                    "CMD in shell form is stored as %s: the text is handed to "
                    "the shell, which becomes the container's first process.",
                    t.buf);
    } else {
        cmdline_list(in, &c->cmd);
        argv_text(&t, &c->cmd);
        explain_add(&b->r->explain, "build.cmd-exec-form", in->start_line,
                    "CMD in exec form is stored as %s, exactly as written (no "
                    "shell, no variable expansion).",
                    t.buf);
    }
    c->args_escaped = true;
    ss->cmd_set = true;
    if (ss->last_cmd) {
        struct sb m = SB_INIT;
        m.len = 0;
        sb_adds(&m, "Multiple CMD instructions should not be used in the same "
                    "stage because only the last one will be used");
        lint_at(b, LINT_MULTIPLE_INSTRUCTIONS_DISALLOWED, ss->last_cmd, m.buf);
        sb_release(&m);
    }
    ss->last_cmd = in;
    struct sb h = SB_INIT;
    go_q_list(&h, &c->cmd);
    history(ss, in, true, "CMD %s", h.buf);
    sb_release(&h);
    sb_release(&t);
    return 0;
}

static int do_entrypoint(struct bctx *b, struct stage_state *ss,
                         const struct instr *in)
{
    struct image_config *c = &ss->img->cfg;
    json_args_check(b, ss, in, "ENTRYPOINT");
    explain_invalid_json(b, in, "ENTRYPOINT");
    if (in->prepend_shell) {
        with_shell(c, in, &c->entrypoint);
        struct sb t = SB_INIT;
        argv_text(&t, &c->entrypoint);
        explain_add(&b->r->explain, "build.entrypoint-shell-form",
                    in->start_line,
                    "ENTRYPOINT in shell form is stored as %s. CMD and docker "
                    "run arguments are still appended, but they land after "
                    "the -c string, where the shell sees them only as $0, "
                    "$1, ... so they are effectively ignored.",
                    t.buf);
        sb_release(&t);
    } else if (in->n_cmdline == 0) {
        strlist_release(&c->entrypoint);
        explain_add(&b->r->explain, "build.entrypoint-empty-clears",
                    in->start_line,
                    "ENTRYPOINT [] removes the entrypoint (it is stored as "
                    "null).");
    } else {
        cmdline_list(in, &c->entrypoint);
    }
    if (!ss->cmd_set) {
        if (c->cmd.set) {
            struct sb t = SB_INIT;
            argv_text(&t, &c->cmd);
            explain_add(&b->r->explain, "build.entrypoint-resets-inherited-cmd",
                        in->start_line,
                        "ENTRYPOINT resets the CMD inherited from the base "
                        "image (%s was dropped). Only a CMD written in this "
                        "stage survives an ENTRYPOINT.",
                        t.buf);
            sb_release(&t);
        }
        strlist_release(&c->cmd);
    }
    if (ss->last_entrypoint)
        lint_at(b, LINT_MULTIPLE_INSTRUCTIONS_DISALLOWED, ss->last_entrypoint,
                "Multiple ENTRYPOINT instructions should not be used in the "
                "same stage because only the last one will be used");
    ss->last_entrypoint = in;
    struct sb h = SB_INIT;
    go_q_list(&h, &c->entrypoint);
    history(ss, in, true, "ENTRYPOINT %s", c->entrypoint.set ? h.buf : "[]");
    sb_release(&h);
    return 0;
}

/* SecretsUsedInArgOrEnv (validateNoSecretKey) */
static void check_secret(struct bctx *b, const struct instr *in,
                         const char *what, const char *key)
{
    static const char *const deny[] = { "apikey", "auth", "credential",
                                        "credentials", "key", "password",
                                        "pword", "passwd", "secret", "token" };
    static const char *const allow[] = { "public", "file", "version" };
    bool hit = false;
    const char *p = key;
    for (;;) {
        const char *u = strchr(p, '_');
        size_t n = u ? (size_t)(u - p) : strlen(p);
        for (size_t i = 0; i < ARRAY_LEN(allow); i++)
            if (ascii_equal_fold(p, n, allow[i]))
                return;
        for (size_t i = 0; i < ARRAY_LEN(deny); i++)
            if (ascii_equal_fold(p, n, deny[i]))
                hit = true;
        if (!u)
            break;
        p = u + 1;
    }
    if (!hit)
        return;
    struct sb m = SB_INIT;
    sb_addf(&m, "Do not use ARG or ENV instructions for sensitive data (%s ",
            what);
    go_quote_str(&m, key);
    sb_addch(&m, ')');
    lint_at(b, LINT_SECRETS_USED_IN_ARG_OR_ENV, in, m.buf);
    sb_release(&m);
}

static void legacy_check(struct bctx *b, const struct instr *in)
{
    if (!in->legacy_kv)
        return;
    struct sb m = SB_INIT, kw = SB_INIT;
    sb_add(&kw, in->keyword.s, in->keyword.len);
    sb_addf(&m, "\"%s key=value\" should be used instead of legacy \"%s key "
                "value\" format",
            kw.buf, kw.buf);
    lint_at(b, LINT_LEGACY_KEY_VALUE_FORMAT, in, m.buf);
    sb_release(&m);
    sb_release(&kw);
}

static int do_env(struct bctx *b, struct stage_state *ss,
                  const struct instr *in)
{
    /* every pair is expanded with the environment before this ENV */
    size_t n = in->n_pairs;
    char **keys = xcalloc(n, sizeof(*keys)), **vals = xcalloc(n, sizeof(*vals));
    int rc = 0;
    legacy_check(b, in);
    for (size_t i = 0; i < n && rc == 0; i++) {
        keys[i] = expand_word(b, ss, in, in->pairs[i].key, true, NULL);
        vals[i] = keys[i] ? expand_word(b, ss, in, in->pairs[i].value, true,
                                        NULL)
                          : NULL;
        if (!keys[i] || !vals[i])
            rc = -1;
    }
    if (rc == 0) {
        struct sb h = SB_INIT;
        sb_adds(&h, "ENV");
        for (size_t i = 0; i < n; i++) {
            check_secret(b, in, "ENV", keys[i]);
            env_set(&ss->env, keys[i], vals[i]);
            image_config_setenv(&ss->img->cfg, keys[i], vals[i]);
            sb_addf(&h, " %s=%s", keys[i], vals[i]);
        }
        history(ss, in, true, "%s", h.buf);
        sb_release(&h);
    }
    for (size_t i = 0; i < n; i++) {
        free(keys[i]);
        free(vals[i]);
    }
    free(keys);
    free(vals);
    return rc;
}

static int do_label(struct bctx *b, struct stage_state *ss,
                    const struct instr *in)
{
    legacy_check(b, in);
    struct sb h = SB_INIT;
    sb_adds(&h, "LABEL");
    for (size_t i = 0; i < in->n_pairs; i++) {
        char *k = expand_word(b, ss, in, in->pairs[i].key, true, NULL);
        char *v = k ? expand_word(b, ss, in, in->pairs[i].value, true, NULL)
                    : NULL;
        if (!k || !v) {
            free(k);
            free(v);
            sb_release(&h);
            return -1;
        }
        image_config_set_label(&ss->img->cfg, k, v);
        sb_addf(&h, " %s=%s", k, v);
        free(k);
        free(v);
    }
    history(ss, in, true, "%s", h.buf);
    sb_release(&h);
    return 0;
}

/* ARG inside a stage (dispatchArg) */
static int do_arg(struct bctx *b, struct stage_state *ss,
                  const struct instr *in)
{
    struct sb h = SB_INIT;
    sb_adds(&h, "ARG");
    for (size_t i = 0; i < in->n_pairs; i++) {
        const struct kv *kv = &in->pairs[i];
        char *key = span_str(kv->key);
        bool given;
        const char *bv = build_arg_value(b, key, &given);
        char *val = NULL;
        check_secret(b, in, "ARG", key);
        if (given) {
            val = xstrdup(bv);
        } else if (kv->has_value) {
            val = expand_word(b, ss, in, kv->value, true, NULL);
            if (!val) {
                free(key);
                sb_release(&h);
                return -1;
            }
        } else {
            /* no default: the global scope's value, if any */
            const char *mv = env_get(&b->meta, key);
            if (mv)
                val = xstrdup(mv);
        }
        ss->args = xreallocarray(ss->args, ss->n_args + 1, sizeof(*ss->args));
        ss->args[ss->n_args].key = xstrdup(key);
        ss->args[ss->n_args].value = val ? xstrdup(val) : NULL;
        ss->n_args++;
        if (val && !is_non_env_arg(key))
            env_set(&ss->env, key, val);
        sb_addf(&h, " %s", key);
        if (val)
            sb_addf(&h, "=%s", val);
        free(val);
        free(key);
    }
    history(ss, in, true, "%s", h.buf);
    sb_release(&h);
    return 0;
}

static void step_name(struct bctx *b, struct stage_state *ss,
                      const struct instr *in, struct sb *out);

static int do_workdir(struct bctx *b, struct stage_state *ss,
                      const struct instr *in)
{
    char *p = expand_word(b, ss, in, in->value, true, NULL);
    if (!p)
        return -1;
    if (p[0] != '/' && !ss->workdir_set) {
        struct sb m = SB_INIT;
        sb_addf(&m, "Relative workdir \"%s\" can have unexpected results if "
                    "the base image changes",
                p);
        lint_at(b, LINT_WORKDIR_RELATIVE_PATH, in, m.buf);
        sb_release(&m);
    }
    ss->workdir_set = true;
    struct image_config *c = &ss->img->cfg;
    struct sb wd = SB_INIT;
    const char *prev = c->working_dir && *c->working_dir ? c->working_dir : "/";
    vfs_clean_path(&wd, prev, p);
    if (p[0] != '/')
        explain_add(&b->r->explain, "build.workdir-relative", in->start_line,
                    "WORKDIR %s is relative, so it is joined to the previous "
                    "working directory %s: the result is %s.",
                    p, prev, wd.buf);
    image_config_set_str(&c->working_dir, wd.buf);
    struct sb step = SB_INIT;
    step_name(b, ss, in, &step);
    add_step(b, in->start_line, "%s", step.buf);
    sb_release(&step);
    if (strcmp(wd.buf, "/") != 0) {
        const struct vfs_entry *e = vfs_stat(&ss->img->fs, wd.buf, NULL, NULL);
        if (!e)
            vfs_mkdir_p(&ss->img->fs, wd.buf, 0755, 0, 0);
        history(ss, in, false, "WORKDIR %s", wd.buf);
    } else {
        history(ss, in, true, "WORKDIR %s", wd.buf);
    }
    sb_release(&wd);
    free(p);
    return 0;
}

static int do_user(struct bctx *b, struct stage_state *ss,
                   const struct instr *in)
{
    char *u = expand_word(b, ss, in, in->value, true, NULL);
    if (!u)
        return -1;
    image_config_set_str(&ss->img->cfg.user, u);
    history(ss, in, true, "USER %s", u);
    free(u);
    return 0;
}

static int do_volume(struct bctx *b, struct stage_state *ss,
                     const struct instr *in)
{
    struct strlist vols;
    strlist_init(&vols);
    for (size_t i = 0; i < in->n_list; i++) {
        char *v = expand_word(b, ss, in, in->list[i], true, NULL);
        if (!v) {
            strlist_release(&vols);
            return -1;
        }
        if (!*v) {
            free(v);
            strlist_release(&vols);
            fail_at(b, in->start_line,
                    "VOLUME specified can not be an empty string");
            return -1;
        }
        strlist_add_sorted(&ss->img->cfg.volumes, v);
        strlist_push(&vols, v);
        free(v);
    }
    struct sb h = SB_INIT;
    go_v_list(&h, &vols);
    history(ss, in, true, "VOLUME %s", h.buf);
    sb_release(&h);
    strlist_release(&vols);
    return 0;
}

/* A signal name with or without SIG, any case, or a positive number. */
static bool valid_signal(const char *s)
{
    static const char *const names[] = {
        "ABRT", "ALRM", "BUS",  "CHLD", "CLD",    "CONT",   "FPE",  "HUP",
        "ILL",  "INT",  "IO",   "IOT",  "KILL",   "PIPE",   "POLL", "PROF",
        "PWR",  "QUIT", "SEGV", "STKFLT", "STOP", "SYS",    "TERM", "TRAP",
        "TSTP", "TTIN", "TTOU", "URG",  "USR1",   "USR2",   "VTALRM", "WINCH",
        "XCPU", "XFSZ", "RTMIN", "RTMAX",
    };
    char *end;
    long n = strtol(s, &end, 10);
    if (*s && !*end)
        return n > 0 && n <= 64;
    const char *p = s;
    if (strlen(p) > 3 && ascii_equal_fold(p, 3, "SIG"))
        p += 3;
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        if (ascii_equal_fold(p, strlen(p), names[i]))
            return true;
    /* RTMIN+n / RTMAX-n */
    if ((strncmp(p, "RTMIN+", 6) == 0 || strncmp(p, "RTMAX-", 6) == 0)) {
        long k = strtol(p + 6, &end, 10);
        return !*end && k >= 1 && k <= 15;
    }
    return false;
}

static int do_stopsignal(struct bctx *b, struct stage_state *ss,
                         const struct instr *in)
{
    char *s = expand_word(b, ss, in, in->value, true, NULL);
    if (!s)
        return -1;
    if (!valid_signal(s)) {
        fail_at(b, in->start_line, "invalid signal: %s", s);
        free(s);
        return -1;
    }
    image_config_set_str(&ss->img->cfg.stop_signal, s);
    history(ss, in, true, "STOPSIGNAL %s", s);
    free(s);
    return 0;
}

static int do_healthcheck(struct bctx *b, struct stage_state *ss,
                          const struct instr *in)
{
    struct image_config *c = &ss->img->cfg;
    if (!c->healthcheck)
        c->healthcheck = xcalloc(1, sizeof(*c->healthcheck));
    struct health_config *h = c->healthcheck;
    strlist_release(&h->test);
    strlist_set_empty(&h->test);
    for (size_t i = 0; i < in->health.n_test; i++)
        strlist_pushn(&h->test, in->health.test[i].s, in->health.test[i].len);
    h->interval = in->health.interval;
    h->timeout = in->health.timeout;
    h->start_period = in->health.start_period;
    h->start_interval = in->health.start_interval;
    h->retries = in->health.retries;
    if (ss->last_healthcheck)
        lint_at(b, LINT_MULTIPLE_INSTRUCTIONS_DISALLOWED, ss->last_healthcheck,
                "Multiple HEALTHCHECK instructions should not be used in the "
                "same stage because only the last one will be used");
    ss->last_healthcheck = in;
    struct sb t = SB_INIT;
    sb_adds(&t, "HEALTHCHECK {Test:");
    go_v_list(&t, &h->test);
    sb_adds(&t, " Interval:");
    go_format_duration(&t, h->interval);
    sb_adds(&t, " Timeout:");
    go_format_duration(&t, h->timeout);
    sb_adds(&t, " StartPeriod:");
    go_format_duration(&t, h->start_period);
    sb_adds(&t, " StartInterval:");
    go_format_duration(&t, h->start_interval);
    sb_addf(&t, " Retries:%d}", h->retries);
    history(ss, in, true, "%s", t.buf);
    sb_release(&t);
    return 0;
}

static int do_shell(struct bctx *b, struct stage_state *ss,
                    const struct instr *in)
{
    struct image_config *c = &ss->img->cfg;
    cmdline_list(in, &c->shell);
    struct sb h = SB_INIT;
    go_v_list(&h, &c->shell);
    history(ss, in, true, "SHELL %s", h.buf);
    struct sb t = SB_INIT;
    argv_text(&t, &c->shell);
    explain_add(&b->r->explain, "build.shell-changes-shell-form",
                in->start_line,
                "SHELL sets %s as the shell for the shell-form RUN, CMD and "
                "ENTRYPOINT that follow (and for CMD-SHELL health checks).",
                t.buf);
    sb_release(&t);
    sb_release(&h);
    return 0;
}

static int do_maintainer(struct stage_state *ss, const struct instr *in)
{
    char *m = span_str(in->value);
    image_config_set_str(&ss->img->cfg.author, m);
    history(ss, in, true, "MAINTAINER %s", m);
    free(m);
    return 0;
}

static int do_onbuild(struct bctx *b, struct stage_state *ss,
                      const struct instr *in)
{
    struct image_config *c = &ss->img->cfg;
    strlist_pushn(&c->onbuild, in->expression.s, in->expression.len);
    explain_add(&b->r->explain, "build.onbuild-stored", in->start_line,
                "ONBUILD does nothing now: the trigger is stored in the image "
                "and runs when another build uses this image in FROM.");
    return 0;
}

/* nat.ParsePortRange */
static int port_range(const char *s, unsigned long *lo, unsigned long *hi)
{
    char *end;
    const char *dash = strchr(s, '-');
    if (!*s)
        return -1;
    if (!dash) {
        if (*s < '0' || *s > '9')
            return -1;
        *lo = *hi = strtoul(s, &end, 10);
        return *end || *lo > 65535 ? -1 : 0;
    }
    if (*s < '0' || *s > '9' || dash[1] < '0' || dash[1] > '9')
        return -1;
    *lo = strtoul(s, &end, 10);
    if (end != dash)
        return -1;
    *hi = strtoul(dash + 1, &end, 10);
    if (*end || *lo > 65535 || *hi > 65535 || *hi < *lo)
        return -1;
    return 0;
}

static int do_expose(struct bctx *b, struct stage_state *ss,
                     const struct instr *in)
{
    struct strlist words;
    strlist_init(&words);
    for (size_t i = 0; i < in->n_list; i++) {
        struct arena a = ARENA_INIT;
        struct expand_opts o = EXPAND_OPTS_INIT;
        o.escape = b->df.ast.escape;
        struct expand_env env = { (const char *const *)ss->env.v, ss->env.n };
        struct expand_result res;
        if (expand_process(&a, in->list[i].s, in->list[i].len, &o,
                           expand_env_lookup, &env, &res) < 0) {
            fail_at(b, in->start_line, "%s", res.error);
            arena_release(&a);
            strlist_release(&words);
            return -1;
        }
        for (size_t k = 0; k < res.n_words; k++)
            strlist_pushn(&words, res.words[k], res.word_lens[k]);
        arena_release(&a);
    }
    struct strlist added;
    strlist_init(&added);
    for (size_t i = 0; i < words.n; i++) {
        const char *raw = words.v[i];
        /* splitParts: [ip:][hostPort:]containerPort */
        const char *last = strrchr(raw, ':');
        const char *cport = last ? last + 1 : raw;
        bool has_host = last != NULL;
        /* SplitProtoPort */
        char *port = xstrdup(cport);
        char *proto = strchr(port, '/');
        const char *pr = "tcp";
        if (proto) {
            *proto = '\0';
            if (proto[1])
                pr = proto + 1;
        }
        if (has_host) {
            struct sb m = SB_INIT;
            sb_addf(&m, "EXPOSE instruction should not define an IP address "
                        "or host-port mapping, found '%s'",
                    raw);
            lint_at(b, LINT_EXPOSE_INVALID_FORMAT, in, m.buf);
            sb_release(&m);
        }
        struct sb low = SB_INIT;
        go_to_lower(&low, pr, strlen(pr));
        if (strcmp(low.buf, pr) != 0) {
            struct sb m = SB_INIT;
            sb_addf(&m, "Defined protocol '%s' in EXPOSE instruction should be "
                        "lowercase",
                    raw);
            lint_at(b, LINT_EXPOSE_PROTO_CASING, in, m.buf);
            sb_release(&m);
        }
        int rc = 0;
        unsigned long lo, hi;
        if (!*port) {
            fail_at(b, in->start_line, "invalid port: \"%s\": no port specified",
                    raw);
            rc = -1;
        } else if (strcmp(low.buf, "tcp") && strcmp(low.buf, "udp") &&
                   strcmp(low.buf, "sctp")) {
            fail_at(b, in->start_line, "invalid port: \"%s\": invalid proto: %s",
                    raw, pr);
            rc = -1;
        } else if (port_range(port, &lo, &hi) < 0) {
            fail_at(b, in->start_line, "invalid containerPort: %s", port);
            rc = -1;
        } else {
            for (unsigned long p = lo; p <= hi; p++) {
                char k[32];
                snprintf(k, sizeof(k), "%lu/%s", p, low.buf);
                strlist_add_sorted(&ss->img->cfg.exposed_ports, k);
                strlist_add_sorted(&added, k);
            }
        }
        sb_release(&low);
        free(port);
        if (rc < 0) {
            strlist_release(&words);
            strlist_release(&added);
            return -1;
        }
    }
    struct sb h = SB_INIT;
    sb_adds(&h, "EXPOSE map[");
    for (size_t i = 0; i < added.n; i++)
        sb_addf(&h, "%s%s:{}", i ? " " : "", added.v[i]);
    sb_addch(&h, ']');
    history(ss, in, true, "%s", h.buf);
    sb_release(&h);
    strlist_release(&words);
    strlist_release(&added);
    explain_add(&b->r->explain, "build.expose-documents-only", in->start_line,
                "EXPOSE only records the port in the image; it publishes "
                "nothing. Use docker run -p HOST:CONTAINER (or -P) for that.");
    return 0;
}

static void step_name(struct bctx *b, struct stage_state *ss,
                      const struct instr *in, struct sb *out)
{
    int width = ss->steps_total >= 100 ? 3 : ss->steps_total >= 10 ? 2 : 1;
    ss->steps_done++;
    sb_addch(out, '[');
    if (ss->name)
        sb_addf(out, "%s ", ss->name);
    else if (b->n_ss > 1)
        sb_addf(out, "stage-%zu ", ss->index);
    sb_addf(out, "%*d/%d] ", width, ss->steps_done, ss->steps_total);
    struct span o = in->node->original;
    go_trim_space(&o.s, &o.len);
    sb_add(out, o.s, o.len);
}

/* RUN: run the command in the image's filesystem (userland.h). */
static int exec_run(struct bctx *b, struct stage_state *ss,
                    const struct instr *in, const struct strlist *args,
                    struct build_step *step)
{
    struct image_config *c = &ss->img->cfg;
    const char *cwd = c->working_dir && *c->working_dir ? c->working_dir : "/";
    const char *prog = args->n ? args->v[0] : "";
    struct sb joined = SB_INIT;
    for (size_t i = 0; i < args->n; i++)
        sb_addf(&joined, "%s%s", i ? " " : "", args->v[i]);
    /* find the program like runc would (PATH of the build env) */
    struct sb path = SB_INIT;
    const struct vfs_entry *e = NULL;
    if (strchr(prog, '/')) {
        vfs_clean_path(&path, cwd, prog);
        e = vfs_stat(&ss->img->fs, path.buf, NULL, NULL);
    } else {
        const char *pv = env_get(&ss->env, "PATH");
        const char *d = pv ? pv : "";
        while (!e) {
            const char *colon = strchr(d, ':');
            size_t dl = colon ? (size_t)(colon - d) : strlen(d);
            sb_reset(&path);
            struct sb cand = SB_INIT;
            sb_add(&cand, d, dl);
            sb_addf(&cand, "/%s", prog);
            vfs_clean_path(&path, cwd, cand.buf);
            sb_release(&cand);
            const struct vfs_entry *f = vfs_stat(&ss->img->fs, path.buf, NULL,
                                                 NULL);
            if (f && f->type != VFS_DIR && (f->mode & 0111))
                e = f;
            if (!colon)
                break;
            d = colon + 1;
        }
    }
    int rc = 0;
    if (!e || e->type == VFS_DIR || !(e->mode & 0111)) {
        const char *why = !e ? (strchr(prog, '/') ? "no such file or directory"
                                                  : NULL)
                             : "permission denied";
        struct sb m = SB_INIT;
        sb_addf(&m, "process \"%s\" did not complete successfully: runc run "
                    "failed: unable to start container process: error during "
                    "container init: exec: ",
                joined.buf);
        go_quote_str(&m, prog);
        if (!why)
            sb_adds(&m, ": executable file not found in $PATH");
        else if (!e)
            sb_addf(&m, ": stat %s: %s", prog, why);
        else
            sb_addf(&m, ": %s", why);
        fail_at(b, in->start_line, "%s", m.buf);
        if (!e && ss->img->cat == NULL && strcmp(prog, "/bin/sh") == 0)
            explain_add(&b->r->explain, "build.run-needs-a-shell",
                        in->start_line,
                        "A shell-form RUN needs /bin/sh inside the image, and "
                        "this image (FROM scratch) has no files at all. Use "
                        "exec form with a program you copied in, or start "
                        "FROM an image that has a shell.");
        sb_release(&m);
        rc = -1;
    } else {
        struct sb out = SB_INIT;
        unsigned uid = 0, gid = 0;
        if (c->user && *c->user) {
            char *end;
            unsigned long u = strtoul(c->user, &end, 10);
            if (end != c->user && (*end == '\0' || *end == ':'))
                uid = gid = (unsigned)u;
        }
        struct uctx u = {
            .fs = &ss->img->fs,
            .cat = ss->img->cat,
            .env = ss->env.v,
            .n_env = ss->env.n,
            .cwd = cwd,
            .uid = uid,
            .gid = gid,
            .hostname = "buildkitsandbox",
            .pid1 = true,
            .tty = false,
            .stdin_open = false,
            .out = &out,
            .err = &out,
            .explain = &b->r->explain,
        };
        int status = userland_exec(&u, path.buf, e, args->v, args->n);
        if (out.len)
            step->log = xmemdup0(out.buf, out.len);
        if (status == USERLAND_RUNNING) {
            fail_at(b, in->start_line,
                    "process \"%s\" did not complete: it keeps running, so "
                    "the build would never finish",
                    joined.buf);
            explain_add(&b->r->explain, "build.run-never-ends",
                        in->start_line,
                        "RUN waits for its command to finish. This one is a "
                        "server or a long sleep, so the real build would hang "
                        "here. Start servers with CMD or ENTRYPOINT instead: "
                        "they run when a container starts, not at build "
                        "time.");
            rc = -1;
        } else if (status != 0) {
            fail_at(b, in->start_line,
                    "process \"%s\" did not complete successfully: exit "
                    "code: %d",
                    joined.buf, status);
            rc = -1;
        }
        sb_release(&out);
    }
    sb_release(&path);
    sb_release(&joined);
    return rc;
}

static int do_run(struct bctx *b, struct stage_state *ss,
                  const struct instr *in)
{
    struct strlist args;
    strlist_init(&args);
    explain_invalid_json(b, in, "RUN");
    if (in->prepend_shell)
        with_shell(&ss->img->cfg, in, &args);
    else
        cmdline_list(in, &args);
    struct sb h = SB_INIT;
    size_t nb = 0;
    struct sb ba = SB_INIT;
    for (size_t i = 0; i < ss->n_args; i++) {
        const char *v = env_get(&ss->env, ss->args[i].key);
        if (!v)
            v = ss->args[i].value ? ss->args[i].value : "";
        sb_addf(&ba, " %s=%s", ss->args[i].key, v);
        nb++;
    }
    sb_adds(&h, "RUN ");
    if (nb)
        sb_addf(&h, "|%zu%s ", nb, ba.buf);
    for (size_t i = 0; i < args.n; i++)
        sb_addf(&h, "%s%s", i ? " " : "", args.v[i]);
    sb_adds(&h, " # buildkit");
    struct sb step = SB_INIT;
    step_name(b, ss, in, &step);
    add_step(b, in->start_line, "%s", step.buf);
    int rc = b->exec ? exec_run(b, ss, in, &args,
                                &b->r->steps[b->r->n_steps - 1])
                     : 0;
    if (rc == 0)
        history(ss, in, false, "%s", h.buf);
    sb_release(&step);
    sb_release(&h);
    sb_release(&ba);
    strlist_release(&args);
    return rc;
}

/* --chmod: octal up to 07777 */
static int parse_chmod(const char *s, unsigned *mode)
{
    char *end;
    if (!*s)
        return -1;
    unsigned long m = strtoul(s, &end, 8);
    if (*end || m > 07777)
        return -1;
    *mode = (unsigned)m;
    return 0;
}

/* Go's filepath.Match for COPY sources with wildcards. */
static bool ctx_match(const char *pattern, const char *path)
{
    if (!strpbrk(pattern, "*?["))
        return false;
    return fnmatch(pattern, path, FNM_PATHNAME) == 0;
}

/* A stable stand-in for BuildKit's cache ref ids in error messages. */
static void sha256_hex_str(struct bctx *b, const struct sb *s, char out[65])
{
    (void)b;
    sha256_hex(s->buf, s->len, out);
}

/* Copy one context file into the image at dst (already absolute). */
static void put_file(struct stage_state *ss, const char *dst, const char *data,
                     size_t len, unsigned mode, bool set_mode, unsigned chmod,
                     unsigned uid, unsigned gid)
{
    struct vfs_entry *e = vfs_put_file(&ss->img->fs, dst,
                                       set_mode ? chmod : mode, data, len);
    e->uid = uid;
    e->gid = gid;
}

/* An ADD source fetched from the network rather than the context. */
static bool is_url(const char *src)
{
    return strncmp(src, "http://", 7) == 0 ||
           strncmp(src, "https://", 8) == 0 || strncmp(src, "git@", 4) == 0;
}

/*
 * CopyIgnoredFile (validateCopySourcePath): a source from the context
 * that .dockerignore excludes. Not judged when the file has `!`
 * exceptions; the context root ("." or "/") only counts as excluded
 * under a pattern that excludes every root entry: "*", "**", or "**"
 * followed by "/" and "*".
 */
static void check_copy_ignored(struct bctx *b, const struct instr *in,
                               const char *src, bool is_add)
{
    if (!b->has_ignore || b->ignore.exclusions)
        return;
    struct sb clean = SB_INIT;
    go_path_clean(&clean, src, strlen(src));
    bool root = strcmp(clean.buf, ".") == 0 || strcmp(clean.buf, "/") == 0;
    bool excluded = !root;
    for (size_t i = 0; root && i < b->ignore.n; i++) {
        const char *t = ignore_pattern_text(&b->ignore, i);
        if (!ignore_pattern_exclusion(&b->ignore, i) &&
            (strcmp(t, "*") == 0 || strcmp(t, "**") == 0 ||
             strcmp(t, "**/*") == 0))
            excluded = true;
    }
    if (excluded && ignore_matches(&b->ignore, clean.buf)) {
        struct sb m = SB_INIT;
        sb_addf(&m, "Attempting to %s file \"%s\" that is excluded by "
                    ".dockerignore",
                is_add ? "Add" : "Copy", clean.buf);
        lint_at(b, LINT_COPY_IGNORED_FILE, in, m.buf);
        sb_release(&m);
    }
    sb_release(&clean);
}

static int do_copy(struct bctx *b, struct stage_state *ss,
                   const struct instr *in)
{
    const bool is_add = in->kind == INSTR_ADD;
    const char *what = is_add ? "ADD" : "COPY";
    unsigned chmod = 0, uid = 0, gid = 0;
    bool set_mode = false;
    const struct flag_value *fchmod = instr_flag_value(in, "chmod");
    if (fchmod) {
        char *v = expand_word(b, ss, in, fchmod->value, true, NULL);
        if (!v)
            return -1;
        if (parse_chmod(v, &chmod) < 0) {
            fail_at(b, in->start_line,
                    "invalid chmod parameter: '%s'. it should be octal string "
                    "and between 0 and 07777",
                    v);
            free(v);
            return -1;
        }
        set_mode = true;
        free(v);
    }
    const struct flag_value *fchown = instr_flag_value(in, "chown");
    if (fchown) {
        char *v = expand_word(b, ss, in, fchown->value, true, NULL);
        if (!v)
            return -1;
        char *colon = strchr(v, ':');
        if (colon)
            *colon = '\0';
        char *end;
        uid = (unsigned)strtoul(v, &end, 10);
        if (*end || !*v)
            uid = 0; /* names need the image's passwd: treated as root here */
        gid = uid;
        if (colon) {
            gid = (unsigned)strtoul(colon + 1, &end, 10);
            if (*end)
                gid = 0;
        }
        free(v);
    }
    /* where the files come from */
    const struct vfs *src_fs = NULL;
    const struct flag_value *ffrom = in->kind == INSTR_COPY
                                         ? instr_flag_value(in, "from")
                                         : NULL;
    if (ffrom) {
        char *ref = span_str(ffrom->value);
        if (strchr(ref, '$')) {
            struct arena a = ARENA_INIT;
            struct expand_opts o = EXPAND_OPTS_INIT;
            struct expand_result res;
            struct expand_env env = { (const char *const *)ss->env.v,
                                      ss->env.n };
            bool changes = expand_process(&a, ref, strlen(ref), &o,
                                          expand_env_lookup, &env, &res) < 0 ||
                           strcmp(res.word, ref) != 0;
            arena_release(&a);
            if (changes) {
                fail_at(b, in->start_line,
                        "variable expansion is not supported for --from, "
                        "define a new stage with FROM using ARG from global "
                        "scope as a workaround");
                free(ref);
                return -1;
            }
        }
        int k = find_stage_ref(b, ref);
        if (k >= 0) {
            if ((size_t)k >= ss->index) {
                fail_at(b, in->start_line,
                        "cannot copy from stage \"%s\", it needs to be defined "
                        "before current stage \"%s\"",
                        ref, ss->name ? ss->name : "");
                free(ref);
                return -1;
            }
            src_fs = &b->ss[k].img->fs;
            explain_add(&b->r->explain, "build.copy-from-stage",
                        in->start_line,
                        "COPY --from=%s takes the files from that stage's "
                        "filesystem, not from the build context; only the "
                        "copied files end up in this image.",
                        ref);
        } else {
            struct image *img = resolve_image(b, ref, in->start_line, false);
            if (!img) {
                free(ref);
                return -1;
            }
            src_fs = &img->fs;
        }
        free(ref);
    }
    /*
     * Expand every source, then the destination (SourcesAndDest.Expand),
     * then the content of the heredoc files (ExpandRaw), reporting the
     * checks of each word; then check the sources against .dockerignore.
     */
    size_t ns = in->n_sources, ni = in->n_inline_files;
    char **srcs = xcalloc(ns ? ns : 1, sizeof(*srcs));
    char **idata = xcalloc(ni ? ni : 1, sizeof(*idata));
    size_t *ilen = xcalloc(ni ? ni : 1, sizeof(*ilen));
    char *dest = NULL;
    bool expanded = true;
    for (size_t i = 0; i < ns && expanded; i++)
        expanded = (srcs[i] = expand_word(b, ss, in, in->sources[i], true,
                                          NULL)) != NULL;
    if (expanded)
        expanded = (dest = expand_word(b, ss, in, in->dest, true, NULL)) !=
                   NULL;
    for (size_t i = 0; i < ni && expanded; i++) {
        const struct inline_file *f = &in->inline_files[i];
        if (f->expand) {
            idata[i] = expand_word_opts(b, ss, in, f->data, true, &ilen[i],
                                        true);
            expanded = idata[i] != NULL;
        } else {
            idata[i] = xmemdup0(f->data.s, f->data.len);
            ilen[i] = f->data.len;
        }
    }
    for (size_t i = 0; i < ns && expanded && !ffrom; i++)
        if (!(is_add && is_url(srcs[i])))
            check_copy_ignored(b, in, srcs[i], is_add);
    if (!expanded || !b->exec) {
        for (size_t i = 0; i < ns; i++)
            free(srcs[i]);
        for (size_t i = 0; i < ni; i++)
            free(idata[i]);
        free(srcs);
        free(idata);
        free(ilen);
        free(dest);
        return expanded ? 0 : -1;
    }
    bool dest_dir = dest[strlen(dest) - 1] == '/' ||
                    in->n_sources + in->n_inline_files > 1;
    struct sb dabs = SB_INIT;
    const char *wd = ss->img->cfg.working_dir && *ss->img->cfg.working_dir
                         ? ss->img->cfg.working_dir
                         : "/";
    vfs_clean_path(&dabs, wd, dest);
    if (!dest_dir) {
        const struct vfs_entry *de = vfs_stat(&ss->img->fs, dabs.buf, NULL,
                                              NULL);
        dest_dir = de && de->type == VFS_DIR;
    }
    int rc = 0;
    size_t copied = 0;
    for (size_t i = 0; i < in->n_sources && rc == 0; i++) {
        char *src = srcs[i];
        srcs[i] = NULL;
        if (is_add && is_url(src)) {
            explain_add(&b->r->explain, "build.add-url-not-fetched",
                        in->start_line,
                        "ADD %s would download the file at build time; "
                        "docksim has no network, so it records an empty file "
                        "in its place.",
                        src);
            const char *base = strrchr(src, '/');
            struct sb to = SB_INIT;
            if (dest_dir)
                sb_addf(&to, "%s/%s", dabs.buf, base ? base + 1 : src);
            else
                sb_adds(&to, dabs.buf);
            put_file(ss, to.buf, "", 0, 0600, set_mode, chmod, uid, gid);
            sb_release(&to);
            copied++;
            free(src);
            continue;
        }
        /* match against the source tree */
        struct sb clean = SB_INIT;
        vfs_clean_path(&clean, "/", src);
        size_t matched = 0;
        if (src_fs) {
            const struct vfs_entry *e = vfs_stat(src_fs, clean.buf, NULL,
                                                 NULL);
            if (e) {
                const char *base = strrchr(clean.buf, '/');
                struct sb to = SB_INIT;
                if (dest_dir)
                    sb_addf(&to, "%s/%s", dabs.buf,
                            base && base[1] ? base + 1 : "");
                else
                    sb_adds(&to, dabs.buf);
                if (e->type == VFS_DIR) {
                    vfs_mkdir_p(&ss->img->fs, dest_dir ? dabs.buf : to.buf,
                                0755, uid, gid);
                } else {
                    struct vfs_entry *ne =
                        vfs_put_file(&ss->img->fs, to.buf,
                                     set_mode ? chmod : e->mode, e->data,
                                     e->len);
                    ne->uid = uid;
                    ne->gid = gid;
                    if (e->program)
                        ne->program = xstrdup(e->program);
                }
                sb_release(&to);
                matched = 1;
            }
        } else {
            const struct build_context *ctx = b->o->ctx;
            const char *rel = clean.buf + 1; /* without the leading / */
            for (size_t f = 0; ctx && f < ctx->n_files; f++) {
                const struct build_file *bf = &ctx->files[f];
                /* what .dockerignore excludes never reaches BuildKit */
                if (b->has_ignore && ignore_matches(&b->ignore, bf->path))
                    continue;
                bool whole = *rel == '\0';
                size_t rl = strlen(rel);
                bool under = whole || (strncmp(bf->path, rel, rl) == 0 &&
                                       bf->path[rl] == '/');
                bool exact = !whole && strcmp(bf->path, rel) == 0;
                bool glob = !exact && !under && ctx_match(rel, bf->path);
                if (!exact && !under && !glob)
                    continue;
                struct sb to = SB_INIT;
                if (under) {
                    /* a directory source: its contents go under dest */
                    const char *sub = whole ? bf->path : bf->path + rl + 1;
                    sb_addf(&to, "%s/%s", dabs.buf, sub);
                } else if (dest_dir) {
                    const char *base = strrchr(bf->path, '/');
                    sb_addf(&to, "%s/%s", dabs.buf, base ? base + 1 : bf->path);
                } else {
                    sb_adds(&to, dabs.buf);
                }
                if (bf->is_dir)
                    vfs_mkdir_p(&ss->img->fs, to.buf, bf->mode, uid, gid);
                else
                    put_file(ss, to.buf, bf->data, bf->len, bf->mode,
                             set_mode, chmod, uid, gid);
                sb_release(&to);
                matched++;
            }
            /* the context root always exists, even with nothing in it */
            if (*rel == '\0' && !matched)
                matched = 1;
        }
        if (!matched) {
            char ref[65];
            sha256_hex_str(b, &clean, ref);
            fail_at(b, in->start_line,
                    "failed to compute cache key: failed to calculate "
                    "checksum of ref %.25s::%.25s: \"%s\": not found",
                    ref, ref + 25, clean.buf);
            explain_add(&b->r->explain, "build.copy-source-missing",
                        in->start_line,
                        "%s takes its sources from the build context (the "
                        "directory given to docker build), and %s is not in "
                        "it. Paths are relative to the context, never to the "
                        "Dockerfile's own folder or to your shell's current "
                        "directory.",
                        what, src);
            rc = -1;
        }
        copied += matched;
        sb_release(&clean);
        free(src);
    }
    /* heredoc sources: inline files */
    for (size_t i = 0; i < in->n_inline_files && rc == 0; i++) {
        const struct inline_file *f = &in->inline_files[i];
        char *data = idata[i];
        size_t dl = ilen[i];
        idata[i] = NULL;
        struct sb to = SB_INIT;
        if (dest_dir)
            sb_addf(&to, "%s/%.*s", dabs.buf, (int)f->name.len, f->name.s);
        else
            sb_adds(&to, dabs.buf);
        put_file(ss, to.buf, data, dl, 0644, set_mode, chmod, uid, gid);
        sb_release(&to);
        free(data);
        copied++;
    }
    if (rc == 0) {
        struct sb h = SB_INIT;
        struct span o = in->node->original;
        go_trim_space(&o.s, &o.len);
        sb_add(&h, o.s, o.len);
        sb_adds(&h, " # buildkit");
        history(ss, in, false, "%s", h.buf);
        sb_release(&h);
        struct sb step = SB_INIT;
        step_name(b, ss, in, &step);
        add_step(b, in->start_line, "%s", step.buf);
        sb_release(&step);
    }
    for (size_t i = 0; i < ns; i++)
        free(srcs[i]);
    for (size_t i = 0; i < ni; i++)
        free(idata[i]);
    free(srcs);
    free(idata);
    free(ilen);
    sb_release(&dabs);
    free(dest);
    return rc;
}

static int dispatch_kind(struct bctx *b, struct stage_state *ss,
                         const struct instr *in)
{
    switch (in->kind) {
    case INSTR_CMD:
        return do_cmd(b, ss, in);
    case INSTR_ENTRYPOINT:
        return do_entrypoint(b, ss, in);
    case INSTR_ENV:
        return do_env(b, ss, in);
    case INSTR_LABEL:
        return do_label(b, ss, in);
    case INSTR_ARG:
        return do_arg(b, ss, in);
    case INSTR_WORKDIR:
        return do_workdir(b, ss, in);
    case INSTR_USER:
        return do_user(b, ss, in);
    case INSTR_VOLUME:
        return do_volume(b, ss, in);
    case INSTR_STOPSIGNAL:
        return do_stopsignal(b, ss, in);
    case INSTR_HEALTHCHECK:
        return do_healthcheck(b, ss, in);
    case INSTR_SHELL:
        return do_shell(b, ss, in);
    case INSTR_MAINTAINER:
        return do_maintainer(ss, in);
    case INSTR_ONBUILD:
        return do_onbuild(b, ss, in);
    case INSTR_EXPOSE:
        return do_expose(b, ss, in);
    case INSTR_RUN:
        return do_run(b, ss, in);
    case INSTR_COPY:
    case INSTR_ADD:
        return do_copy(b, ss, in);
    case INSTR_FROM:
    case INSTR_UNKNOWN:
        break;
    }
    return 0;
}

/* One instruction; its lines locate the errors it raises. */
static int dispatch(struct bctx *b, struct stage_state *ss,
                    const struct instr *in)
{
    b->cur = in;
    int rc = dispatch_kind(b, ss, in);
    b->cur = NULL;
    return rc;
}

/* Run the ONBUILD triggers of the base image (then forget them). */
static int run_triggers(struct bctx *b, struct stage_state *ss)
{
    struct image_config *c = &ss->img->cfg;
    if (!c->onbuild.n)
        return 0;
    struct sb text = SB_INIT;
    sb_adds(&text, "FROM scratch\n");
    for (size_t i = 0; i < c->onbuild.n; i++) {
        sb_adds(&text, c->onbuild.v[i]);
        sb_addch(&text, '\n');
    }
    struct dockerfile tdf;
    struct diag_list tdl = DIAG_LIST_INIT;
    int rc = dockerfile_parse(&tdf, text.buf, text.len, NULL, &tdl);
    int line = ss->st->from->start_line;
    if (rc < 0) {
        const struct diag *d = diag_first_error(&tdl);
        fail_at(b, line, "%s", d ? d->msg : "invalid ONBUILD trigger");
    } else {
        strlist_release(&c->onbuild);
        for (size_t i = 0; rc == 0 && i < tdf.stages[0].n_cmds; i++) {
            const struct instr *in = tdf.stages[0].cmds[i];
            explain_add(&b->r->explain, "build.onbuild-trigger-runs", line,
                        "The base image carries the trigger \"ONBUILD %.*s\": "
                        "it runs now, as if written right after FROM.",
                        (int)in->node->original.len, in->node->original.s);
            /* report problems at the FROM line */
            struct instr copy = *in;
            copy.start_line = copy.end_line = line;
            rc = dispatch(b, ss, &copy);
        }
    }
    dockerfile_release(&tdf);
    diag_list_release(&tdl);
    sb_release(&text);
    return rc;
}

/*
 * Resolve the base image of every stage that will be dispatched, before
 * any is (BuildKit loads all image configs first, so a missing image
 * fails the build before the checks of the stages' instructions run).
 */
static int resolve_bases(struct bctx *b)
{
    for (size_t i = 0; i < b->n_ss; i++) {
        struct stage_state *ss = &b->ss[i];
        if (!ss->needed || ss->base_stage >= 0 || ss->base_resolved ||
            strcmp(ss->base_name, "scratch") == 0)
            continue;
        b->cur = ss->st->from;
        ss->base_img = resolve_image(b, ss->base_name,
                                     ss->st->from->start_line, true);
        ss->base_resolved = true;
        if (!ss->base_img)
            return -1;
    }
    return 0;
}

static int build_stage(struct bctx *b, struct stage_state *ss)
{
    const struct instr *from = ss->st->from;
    struct image *base = NULL;
    struct stage_state *parent = NULL;
    char *base_name = NULL;
    if (ss->done)
        return 0;
    if (ss->base_stage >= 0) {
        parent = &b->ss[ss->base_stage];
        if (build_stage(b, parent) < 0)
            return -1;
        base = parent->img;
    } else {
        base_name = xstrdup(ss->base_name);
        if (strcmp(base_name, "scratch") != 0) {
            if (!ss->base_resolved) {
                ss->base_img = resolve_image(b, base_name, from->start_line,
                                             true);
                ss->base_resolved = true;
            }
            base = ss->base_img;
            if (!base) {
                free(base_name);
                return -1;
            }
        }
    }
    ss->img = image_new(base);
    if (parent) {
        strlist_copy(&ss->env, &parent->env);
        for (size_t i = 0; i < parent->n_args; i++) {
            ss->args = xreallocarray(ss->args, ss->n_args + 1,
                                     sizeof(*ss->args));
            ss->args[ss->n_args].key = xstrdup(parent->args[i].key);
            ss->args[ss->n_args].value =
                parent->args[i].value ? xstrdup(parent->args[i].value) : NULL;
            ss->n_args++;
        }
        ss->workdir_set = parent->workdir_set;
    } else {
        if (!base) {
            /* scratch: an empty config with the default PATH */
            image_config_set_str(&ss->img->cfg.working_dir, "/");
        }
        if (!image_config_getenv(&ss->img->cfg, "PATH"))
            image_config_setenv(&ss->img->cfg, "PATH", DEFAULT_PATH);
        strlist_copy(&ss->env, &ss->img->cfg.env);
    }
    /* steps: FROM plus every instruction that changes files */
    ss->steps_total = 1;
    for (size_t i = 0; i < ss->st->n_cmds; i++) {
        enum instr_kind k = ss->st->cmds[i]->kind;
        if (k == INSTR_RUN || k == INSTR_COPY || k == INSTR_ADD ||
            k == INSTR_WORKDIR)
            ss->steps_total++;
    }
    if (!parent) {
        struct sb step = SB_INIT;
        struct sb name = SB_INIT;
        if (base_name && strcmp(base_name, "scratch") != 0) {
            struct image_ref ref;
            char *err = NULL;
            if (image_ref_parse(base_name, &ref, &err) == 0) {
                full_ref(&name, &ref);
                image_ref_release(&ref);
            } else {
                free(err);
                sb_adds(&name, base_name);
            }
            ss->steps_done++;
            int width = ss->steps_total >= 10 ? 2 : 1;
            sb_addch(&step, '[');
            if (ss->name)
                sb_addf(&step, "%s ", ss->name);
            else if (b->n_ss > 1)
                sb_addf(&step, "stage-%zu ", ss->index);
            sb_addf(&step, "%*d/%d] FROM %s", width, ss->steps_done,
                    ss->steps_total, name.buf);
            add_step(b, from->start_line, "%s", step.buf);
        } else {
            ss->steps_done++;
        }
        sb_release(&step);
        sb_release(&name);
    } else {
        ss->steps_done++;
    }
    free(base_name);
    if (run_triggers(b, ss) < 0)
        return -1;
    for (size_t i = 0; i < ss->st->n_cmds; i++)
        if (dispatch(b, ss, ss->st->cmds[i]) < 0)
            return -1;
    ss->done = true;
    return 0;
}

/* ==================================================================== */
/* Checks that look at the whole file                                    */
/* ==================================================================== */

static bool all_case(struct span s, bool upper)
{
    bool letter = false;
    for (size_t i = 0; i < s.len; i++) {
        char c = s.s[i];
        if (upper && c >= 'a' && c <= 'z')
            return false;
        if (!upper && c >= 'A' && c <= 'Z')
            return false;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            letter = true;
    }
    return letter;
}

static void check_casing(struct bctx *b)
{
    size_t lower = 0, upper = 0;
    const struct dockerfile *df = &b->df;
    for (size_t s = 0; s < df->n_stages; s++) {
        const struct stage *st = &df->stages[s];
        for (size_t i = 0; i <= st->n_cmds; i++) {
            const struct instr *in = i == 0 ? st->from : st->cmds[i - 1];
            if (all_case(in->keyword, false))
                lower++;
            else if (all_case(in->keyword, true))
                upper++;
        }
    }
    bool majority_lower = lower > upper;
    for (size_t s = 0; s < df->n_stages; s++) {
        const struct stage *st = &df->stages[s];
        for (size_t i = 0; i <= st->n_cmds; i++) {
            const struct instr *in = i == 0 ? st->from : st->cmds[i - 1];
            if (all_case(in->keyword, !majority_lower ? true : false))
                continue;
            struct sb m = SB_INIT;
            sb_adds(&m, "Command '");
            sb_add(&m, in->keyword.s, in->keyword.len);
            sb_addf(&m, "' should match the case of the command majority (%s)",
                    majority_lower ? "lowercase" : "uppercase");
            lint_at(b, LINT_CONSISTENT_INSTRUCTION_CASING, in, m.buf);
            sb_release(&m);
        }
    }
}

static void check_stage_names(struct bctx *b)
{
    for (size_t i = 0; i < b->n_ss; i++) {
        const char *n = b->ss[i].name;
        if (!n)
            continue;
        const struct instr *from = b->ss[i].st->from;
        if (strcmp(n, "scratch") == 0 || strcmp(n, "context") == 0) {
            struct sb m = SB_INIT;
            sb_addf(&m, "Stage name should not use the same name as reserved "
                        "stage \"%s\"",
                    n);
            lint_at(b, LINT_RESERVED_STAGE_NAME, from, m.buf);
            sb_release(&m);
        }
        for (size_t k = 0; k < i; k++)
            if (b->ss[k].name && strcmp(b->ss[k].name, n) == 0) {
                struct sb m = SB_INIT;
                sb_addf(&m, "Duplicate stage name \"%s\", stage names should "
                            "be unique",
                        n);
                lint_at(b, LINT_DUPLICATE_STAGE_NAME, from, m.buf);
                sb_release(&m);
                break;
            }
    }
}

/*
 * InvalidDefaultArgInFrom (validateBaseImagesWithDefaultArgs): with only
 * the defaults of the global ARGs (no --build-arg), each FROM operand must
 * still be a valid image reference. Runs on the predefined scope, before
 * the global ARGs are evaluated; an expansion error abandons the check.
 */
static void check_default_args(struct bctx *b)
{
    struct strlist env;
    strlist_init(&env);
    strlist_copy(&env, &b->meta);
    struct expand_opts o = EXPAND_OPTS_INIT;
    o.escape = b->df.ast.escape;
    bool ok = true;
    for (size_t i = 0; ok && i < b->df.n_meta_args; i++) {
        const struct instr *in = b->df.meta_args[i];
        for (size_t k = 0; ok && k < in->n_pairs; k++) {
            const struct kv *kv = &in->pairs[k];
            if (!kv->has_value)
                continue;
            struct arena a = ARENA_INIT;
            struct expand_env e = { (const char *const *)env.v, env.n };
            struct expand_result res;
            if (expand_process(&a, kv->value.s, kv->value.len, &o,
                               expand_env_lookup, &e, &res) < 0) {
                ok = false;
            } else {
                char *key = span_str(kv->key);
                char *val = xmemdup0(res.word, res.word_len);
                env_set(&env, key, val);
                free(key);
                free(val);
            }
            arena_release(&a);
        }
    }
    for (size_t i = 0; ok && i < b->n_ss; i++) {
        const struct stage *st = b->ss[i].st;
        struct arena a = ARENA_INIT;
        struct expand_env e = { (const char *const *)env.v, env.n };
        struct expand_result res;
        if (expand_process(&a, st->base_name.s, st->base_name.len, &o,
                           expand_env_lookup, &e, &res) < 0) {
            arena_release(&a);
            break;
        }
        struct image_ref ref;
        char *err = NULL;
        char *name = xmemdup0(res.word, res.word_len);
        if (image_ref_parse(name, &ref, &err) == 0) {
            image_ref_release(&ref);
        } else {
            free(err);
            struct sb m = SB_INIT;
            sb_adds(&m, "Default value for ARG ");
            sb_add(&m, st->base_name.s, st->base_name.len);
            sb_adds(&m, " results in empty or invalid base image name");
            lint_at(b, LINT_INVALID_DEFAULT_ARG_IN_FROM, st->from, m.buf);
            sb_release(&m);
        }
        free(name);
        arena_release(&a);
    }
    strlist_release(&env);
}

/* ==================================================================== */
/* Entry point                                                          */
/* ==================================================================== */

void build_result_init(struct build_result *r)
{
    memset(r, 0, sizeof(*r));
    diag_list_init(&r->diags);
    explain_init(&r->explain);
}

void build_result_release(struct build_result *r)
{
    diag_list_release(&r->diags);
    explain_release(&r->explain);
    for (size_t i = 0; i < r->n_steps; i++) {
        free(r->steps[i].name);
        free(r->steps[i].log);
    }
    free(r->steps);
    free(r->error);
    memset(r, 0, sizeof(*r));
}

static void free_stage_states(struct bctx *b, bool keep_images)
{
    for (size_t i = 0; i < b->n_ss; i++) {
        struct stage_state *ss = &b->ss[i];
        free(ss->name);
        free(ss->base_name);
        strlist_release(&ss->env);
        for (size_t k = 0; k < ss->n_args; k++) {
            free(ss->args[k].key);
            free(ss->args[k].value);
        }
        free(ss->args);
        (void)keep_images;
    }
    free(b->ss);
    b->ss = NULL;
    b->n_ss = 0;
}

/* Fresh per-stage state for a conversion pass. */
static void init_stage_states(struct bctx *b)
{
    b->n_ss = b->df.n_stages;
    b->ss = xcalloc(b->n_ss, sizeof(*b->ss));
    for (size_t i = 0; i < b->n_ss; i++) {
        b->ss[i].st = &b->df.stages[i];
        b->ss[i].index = i;
        b->ss[i].base_stage = -1;
        strlist_init(&b->ss[i].env);
        if (b->df.stages[i].name.len)
            b->ss[i].name = span_str(b->df.stages[i].name);
    }
}

/* Drop a pass's stage images (the store's images stay). */
static void drop_stage_images(struct bctx *b)
{
    for (size_t i = b->n_ss; i-- > 0;)
        if (b->ss[i].img) {
            image_free(b->ss[i].img);
            b->ss[i].img = NULL;
        }
}

/* The --target stage (by name, any case) or the last one; -1 if none. */
static int target_index(struct bctx *b)
{
    const char *t = b->o->target;
    if (!t || !*t)
        return (int)b->n_ss - 1;
    struct sb low = SB_INIT;
    go_to_lower(&low, t, strlen(t));
    int i = find_stage(b, low.buf, low.len);
    sb_release(&low);
    return i;
}

/*
 * One conversion pass, in the order of BuildKit's toDispatchState: the
 * whole-file checks, the global ARGs, every stage's base and platform,
 * the target, which stages are needed, their base images, then each
 * needed stage's instructions. Returns 0 or -1 (failure recorded).
 */
static int convert(struct bctx *b)
{
    const struct build_opts *o = b->o;
    init_stage_states(b);
    strlist_release(&b->meta);
    strlist_release(&b->meta_declared);
    strlist_release(&b->predefined);
    strlist_init(&b->meta);
    strlist_init(&b->meta_declared);
    strlist_init(&b->predefined);
    int t = target_index(b);
    b->target_name = o->target && *o->target && t >= 0 ? b->ss[t].name : NULL;

    check_stage_names(b);
    check_casing(b);
    init_meta(b);
    check_default_args(b);
    if (eval_meta_args(b) < 0 || link_stages(b) < 0)
        return -1;
    if (t < 0) {
        struct sb m = SB_INIT;
        sb_addf(&m, "target stage \"%s\" could not be found", o->target);
        const char *best = NULL;
        size_t bd = 3;
        for (size_t i = 0; i < b->n_ss; i++)
            if (b->ss[i].name) {
                size_t d = go_levenshtein(o->target, strlen(o->target),
                                          b->ss[i].name,
                                          strlen(b->ss[i].name));
                if (d < bd) {
                    bd = d;
                    best = b->ss[i].name;
                }
            }
        if (best)
            sb_addf(&m, " (did you mean %s?)", best);
        fail_at(b, 0, "%s", m.buf);
        sb_release(&m);
        return -1;
    }
    b->target = (size_t)t;
    if (check_cycles(b) < 0 || mark_needed(b, b->target, 0) < 0)
        return -1;
    if (b->all_stages)
        for (size_t i = 0; i < b->n_ss; i++)
            b->ss[i].needed = true;
    if (resolve_bases(b) < 0)
        return -1;
    for (size_t i = 0; i < b->n_ss; i++)
        if (b->ss[i].needed && build_stage(b, &b->ss[i]) < 0)
            return -1;
    return 0;
}

/* error=true: "lint violation found for rules: ..." if any check fired
 * (each rule once; BuildKit's order is a Go map's, here the table's). */
static int lint_violation(struct bctx *b)
{
    if (!b->df.check.error)
        return 0;
    struct sb names = SB_INIT;
    for (size_t i = 0; i < LINT_COUNT; i++)
        if (b->lint.fired[i] || b->df.lint.fired[i]) {
            if (names.len)
                sb_adds(&names, ", ");
            sb_adds(&names, lint_rules[i].name);
        }
    int rc = 0;
    if (names.len) {
        /* a plain error: BuildKit gives it no location */
        fail_at(b, 0, "lint violation found for rules: %s", names.buf);
        rc = -1;
    }
    sb_release(&names);
    return rc;
}

/* Forget what the conversion-only pass showed (the build shows its own
 * steps and explanations). */
static void reset_for_exec(struct bctx *b)
{
    struct build_result *r = b->r;
    for (size_t i = 1; i < r->n_steps; i++) {
        free(r->steps[i].name);
        free(r->steps[i].log);
    }
    if (r->n_steps > 1)
        r->n_steps = 1;
    explain_release(&r->explain);
    explain_init(&r->explain);
}

int build_run(struct store *s, const char *text, size_t len,
              const struct build_opts *o, struct build_result *r)
{
    struct bctx b;
    memset(&b, 0, sizeof(b));
    b.store = s;
    b.o = o;
    b.r = r;
    b.dockerfile_name = o->dockerfile_name ? o->dockerfile_name : "Dockerfile";
    strlist_init(&b.meta);
    strlist_init(&b.meta_declared);
    strlist_init(&b.predefined);
    build_result_init(r);

    add_step(&b, 0, "[internal] load build definition from %s",
             b.dockerfile_name);
    if (len == 0) {
        fail_at(&b, 0, "the Dockerfile cannot be empty");
        r->exit_code = 1;
        return 1;
    }
    struct dockerfile_opts dopts;
    memset(&dopts, 0, sizeof(dopts));
    bool given = false;
    const char *ov = build_arg_value(&b, "BUILDKIT_DOCKERFILE_CHECK", &given);
    if (given)
        dopts.check_override = ov;
    if (dockerfile_parse(&b.df, text, len, &dopts, &r->diags) < 0) {
        const struct diag *d = diag_first_error(&r->diags);
        r->error = xstrdup(d ? d->msg : "parse error");
        r->error_line = d ? d->start_line : 0;
        r->exit_code = 1;
        dockerfile_release(&b.df);
        return 1;
    }
    linter_init(&b.lint, &b.df.check, &r->diags);
    int rc = 0;
    if (b.df.n_stages == 0) {
        fail_at(&b, 0, "dockerfile contains no stages to build");
        rc = -1;
        goto out;
    }
    if (o->ctx && o->ctx->dockerignore) {
        char *err = NULL;
        const char *di = o->ctx->dockerignore;
        if (ignore_init(&b.ignore, di, strlen(di), &err) < 0) {
            fail_at(&b, 0, "%s", err);
            free(err);
            rc = -1;
            goto out;
        }
        b.has_ignore = true;
    }
    /* pass 1: convert, with every check (the lint request stops here) */
    b.all_stages = o->check && !(o->target && *o->target);
    b.exec = false;
    rc = convert(&b);
    if (rc == 0)
        rc = lint_violation(&b);
    r->n_checked_stages = 0;
    for (size_t i = 0; i < b.n_ss; i++)
        r->n_checked_stages += b.ss[i].needed;
    if (rc < 0 || o->check)
        goto out;

    /* pass 2: the build itself, checks muted (already reported) */
    drop_stage_images(&b);
    free_stage_states(&b, false);
    reset_for_exec(&b);
    struct diag_list muted = DIAG_LIST_INIT;
    linter_init(&b.lint, &b.df.check, &muted);
    b.exec = true;
    rc = convert(&b);
    diag_list_release(&muted);
    linter_init(&b.lint, &b.df.check, &r->diags);
    if (rc == 0) {
        struct image *img = b.ss[b.target].img;
        /* BuildKit writes empty lists as absent */
        if (img->cfg.entrypoint.set && img->cfg.entrypoint.n == 0)
            strlist_release(&img->cfg.entrypoint);
        if (img->cfg.cmd.set && img->cfg.cmd.n == 0)
            strlist_release(&img->cfg.cmd);
        img->created = store_tick(s, 1);
        store_add_image(s, img);
        b.ss[b.target].img = NULL; /* the store owns it now */
        for (size_t i = 0; i < o->n_tags; i++) {
            struct image_ref ref;
            char *err = NULL;
            if (image_ref_parse(o->tags[i], &ref, &err) == 0) {
                struct sb t = SB_INIT;
                image_ref_familiar(&t, &ref);
                store_tag(s, img, t.buf);
                sb_release(&t);
                image_ref_release(&ref);
            } else {
                free(err);
            }
        }
        r->image = img;
        add_step(&b, 0, "exporting to image");
    }
out:
    /* Stage images below the result stay (its layers sit on them), hidden
     * from `docker images`; other intermediate stages go. */
    if (r->image)
        for (struct image *p = r->image->base; p; p = p->base)
            if (!p->id) {
                p->hidden = true;
                store_add_image(s, p);
                for (size_t i = 0; i < b.n_ss; i++)
                    if (b.ss[i].img == p)
                        b.ss[i].img = NULL;
            }
    drop_stage_images(&b);
    free_stage_states(&b, false);
    if (b.has_ignore)
        ignore_release(&b.ignore);
    strlist_release(&b.meta);
    strlist_release(&b.meta_declared);
    strlist_release(&b.predefined);
    dockerfile_release(&b.df);
    r->exit_code = rc < 0 ? 1 : 0;
    return r->exit_code;
}
