/*
 * conformance: checks docksim against the expected outputs produced by
 * BuildKit itself (../shared/corpus, see its README). Usage:
 *
 *   conformance [CORPUS_DIR] [-v]
 *
 * Prints one line per suite and a closing line "N passed, M failed";
 * exits 1 on any failure. A missing corpus is reported and skipped.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "build.h"
#include "catalog.h"
#include "diag.h"
#include "expand.h"
#include "gostr.h"
#include "instructions.h"
#include "json.h"
#include "parser.h"
#include "sb.h"
#include "store.h"
#include "unicode.h"
#include "vfs.h"
#include "xmalloc.h"

static int verbose;
static int total_pass, total_fail;
static int suite_pass, suite_fail;

static void suite_begin(void)
{
    suite_pass = suite_fail = 0;
}

static void suite_end(const char *name)
{
    printf("  %-28s %4d passed, %d failed\n", name, suite_pass, suite_fail);
    total_pass += suite_pass;
    total_fail += suite_fail;
}

static void pass(void)
{
    suite_pass++;
}

static void failf(const char *fmt, ...) ATTR_PRINTF(1, 2);

static void failf(const char *fmt, ...)
{
    va_list ap;
    suite_fail++;
    if (suite_fail > 20 && !verbose)
        return;
    fputs("    FAIL ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    fputc('\n', stdout);
}

static char *read_file(struct arena *a, const char *path, size_t *len)
{
    const char *err;
    char *s = json_read_file(a, path, len, &err);
    return s;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Sorted list of subdirectories of dir (malloc'd names). */
static size_t list_dirs(const char *dir, char ***out)
{
    DIR *d = opendir(dir);
    char **v = NULL;
    size_t n = 0, cap = 0;
    if (!d) {
        *out = NULL;
        return 0;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        struct sb path = SB_INIT;
        sb_addf(&path, "%s/%s", dir, e->d_name);
        bool d_ok = is_dir(path.buf);
        sb_release(&path);
        if (!d_ok)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            v = xreallocarray(v, cap, sizeof(*v));
        }
        v[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
            char *t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    *out = v;
    return n;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void show_diff(const char *what, const char *got, size_t gl,
                      const char *want, size_t wl)
{
    if (!verbose)
        return;
    printf("      %s: got\n%.*s\n      want\n%.*s\n", what, (int)gl, got,
           (int)wl, want);
}

/* ==================================================================== */
/* buildkit-parser: the AST dump equals `result`                        */
/* ==================================================================== */

static void run_parser_cases(const char *corpus)
{
    struct arena da = ARENA_INIT;
    const char *dir;
    char **names;
    dir = arena_printf(&da, "%s/buildkit-parser", corpus);
    size_t n = list_dirs(dir, &names);
    suite_begin();
    for (size_t i = 0; i < n; i++) {
        struct arena a = ARENA_INIT;
        const char *path;
        size_t dl_len, rl;
        path = arena_printf(&a, "%s/%s/Dockerfile", dir, names[i]);
        char *text = read_file(&a, path, &dl_len);
        path = arena_printf(&a, "%s/%s/result", dir, names[i]);
        char *want = read_file(&a, path, &rl);
        if (!text || !want) {
            failf("%s: cannot read case files", names[i]);
            arena_release(&a);
            continue;
        }
        struct ast ast;
        struct diag_list dl = DIAG_LIST_INIT;
        struct sb got = SB_INIT;
        if (ast_parse(&ast, text, dl_len, &dl) == 0)
            ast_dump(&got, &ast);
        if (got.len == rl && memcmp(got.buf, want, rl) == 0) {
            pass();
        } else {
            failf("buildkit-parser/%s: dump differs", names[i]);
            show_diff("dump", got.buf, got.len, want, rl);
        }
        sb_release(&got);
        ast_release(&ast);
        diag_list_release(&dl);
        arena_release(&a);
    }
    free_list(names, n);
    arena_release(&da);
    suite_end("buildkit-parser");
}

/* ==================================================================== */
/* buildkit-parser-negative: parser.Parse fails with `error`            */
/* ==================================================================== */

static void run_negative_cases(const char *corpus)
{
    struct arena da = ARENA_INIT;
    const char *dir;
    char **names;
    dir = arena_printf(&da, "%s/buildkit-parser-negative", corpus);
    size_t n = list_dirs(dir, &names);
    suite_begin();
    for (size_t i = 0; i < n; i++) {
        struct arena a = ARENA_INIT;
        const char *path;
        size_t tl, el;
        path = arena_printf(&a, "%s/%s/Dockerfile", dir, names[i]);
        char *text = read_file(&a, path, &tl);
        path = arena_printf(&a, "%s/%s/error", dir, names[i]);
        char *want = read_file(&a, path, &el);
        if (!text || !want) {
            failf("%s: cannot read case files", names[i]);
            arena_release(&a);
            continue;
        }
        while (el && (want[el - 1] == '\n' || want[el - 1] == '\r'))
            want[--el] = '\0';
        struct ast ast;
        struct diag_list dl = DIAG_LIST_INIT;
        int rc = ast_parse(&ast, text, tl, &dl);
        const struct diag *d = diag_first_error(&dl);
        if (rc < 0 && d && strcmp(d->msg, want) == 0)
            pass();
        else
            failf("buildkit-parser-negative/%s: got rc=%d %s, want %s",
                  names[i], rc, d ? d->msg : "(no error)", want);
        ast_release(&ast);
        diag_list_release(&dl);
        arena_release(&a);
    }
    free_list(names, n);
    arena_release(&da);
    suite_end("buildkit-parser-negative");
}

/* ==================================================================== */
/* buildkit-parser-line: instruction line spans                         */
/* ==================================================================== */

static long jint(const struct json_value *v)
{
    return v && v->type == JSON_NUMBER ? (long)v->num : -999;
}

static void run_line_cases(const char *corpus)
{
    struct arena a = ARENA_INIT;
    const char *path;
    size_t tl, jl;
    const char *err = NULL;
    suite_begin();
    path = arena_printf(&a, "%s/buildkit-parser-line/Dockerfile", corpus);
    char *text = read_file(&a, path, &tl);
    path = arena_printf(&a, "%s/buildkit-parser-line/expected.json",
             corpus);
    char *js = read_file(&a, path, &jl);
    struct json_value *exp = js ? json_parse(&a, js, jl, &err) : NULL;
    if (!text || !exp) {
        failf("buildkit-parser-line: cannot read case files");
        arena_release(&a);
        suite_end("buildkit-parser-line");
        return;
    }
    struct ast ast;
    struct diag_list dl = DIAG_LIST_INIT;
    if (ast_parse(&ast, text, tl, &dl) < 0) {
        failf("buildkit-parser-line: parse failed");
    } else {
        const struct json_value *root = json_get(exp, "root");
        if (jint(json_get(root, "start_line")) == ast.start_line &&
            jint(json_get(root, "end_line")) == ast.end_line)
            pass();
        else
            failf("buildkit-parser-line: root spans %d-%d", ast.start_line,
                  ast.end_line);
        const struct json_value *ch = json_get(exp, "children");
        if (!ch || ch->n != ast.n_nodes) {
            failf("buildkit-parser-line: %zu children, want %zu", ast.n_nodes,
                  ch ? ch->n : 0);
        } else {
            for (size_t i = 0; i < ch->n; i++) {
                long s = jint(json_get(ch->items[i], "start_line"));
                long e = jint(json_get(ch->items[i], "end_line"));
                if (s == ast.nodes[i]->start_line &&
                    e == ast.nodes[i]->end_line)
                    pass();
                else
                    failf("buildkit-parser-line: child %zu spans %d-%d, want "
                          "%ld-%ld",
                          i, ast.nodes[i]->start_line, ast.nodes[i]->end_line,
                          s, e);
            }
        }
    }
    ast_release(&ast);
    diag_list_release(&dl);
    arena_release(&a);
    suite_end("buildkit-parser-line");
}

/* ==================================================================== */
/* buildkit-heredoc: lines, logical line, heredoc fields, dump          */
/* ==================================================================== */

static bool jstr_eq(const struct json_value *v, const char *s, size_t len)
{
    return v && v->type == JSON_STRING && v->len == len &&
           memcmp(v->str, s, len) == 0;
}

static bool jbool(const struct json_value *v)
{
    return v && v->type == JSON_TRUE;
}

static void run_heredoc_cases(const char *corpus)
{
    struct arena a = ARENA_INIT;
    const char *path;
    size_t tl, jl, rl;
    const char *err = NULL;
    suite_begin();
    path = arena_printf(&a, "%s/buildkit-heredoc/Dockerfile", corpus);
    char *text = read_file(&a, path, &tl);
    path = arena_printf(&a, "%s/buildkit-heredoc/heredocs.json", corpus);
    char *js = read_file(&a, path, &jl);
    path = arena_printf(&a, "%s/buildkit-heredoc/result", corpus);
    char *want = read_file(&a, path, &rl);
    struct json_value *exp = js ? json_parse(&a, js, jl, &err) : NULL;
    if (!text || !exp || !want || exp->type != JSON_ARRAY) {
        failf("buildkit-heredoc: cannot read case files");
        arena_release(&a);
        suite_end("buildkit-heredoc");
        return;
    }
    struct ast ast;
    struct diag_list dl = DIAG_LIST_INIT;
    if (ast_parse(&ast, text, tl, &dl) < 0 || ast.n_nodes != exp->n) {
        failf("buildkit-heredoc: parse failed or wrong node count");
    } else {
        struct sb got = SB_INIT;
        ast_dump(&got, &ast);
        if (got.len == rl && memcmp(got.buf, want, rl) == 0)
            pass();
        else
            failf("buildkit-heredoc: dump differs");
        sb_release(&got);
        for (size_t i = 0; i < exp->n; i++) {
            const struct json_value *e = exp->items[i];
            const struct ast_node *n = ast.nodes[i];
            bool ok = jint(json_get(e, "line")) == n->start_line &&
                      jint(json_get(e, "end_line")) == n->end_line &&
                      jstr_eq(json_get(e, "original"), n->original.s,
                              n->original.len);
            const struct json_value *hs = json_get(e, "heredocs");
            size_t nh = hs && hs->type == JSON_ARRAY ? hs->n : 0;
            ok = ok && nh == ast_n_heredocs(n);
            for (size_t k = 0; ok && k < nh; k++) {
                const struct json_value *h = hs->items[k];
                const struct heredoc *g = &ast_heredocs(n)[k];
                ok = jstr_eq(json_get(h, "Name"), g->name.s, g->name.len) &&
                     jint(json_get(h, "FileDescriptor")) == (long)g->fd &&
                     jbool(json_get(h, "Expand")) == g->expand &&
                     jbool(json_get(h, "Chomp")) == g->chomp &&
                     jstr_eq(json_get(h, "Content"), g->content.s,
                             g->content.len);
            }
            if (ok)
                pass();
            else
                failf("buildkit-heredoc: node at line %d differs",
                      n->start_line);
        }
    }
    ast_release(&ast);
    diag_list_release(&dl);
    arena_release(&a);
    suite_end("buildkit-heredoc");
}

/* ==================================================================== */
/* buildkit-shell: envVarTest and wordsTest                             */
/* ==================================================================== */

struct env {
    char **kv;
    size_t n, cap;
};

static void env_set(struct env *e, const char *k, size_t kl, const char *v)
{
    struct sb s = SB_INIT;
    sb_add(&s, k, kl);
    sb_addch(&s, '=');
    sb_adds(&s, v);
    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 8;
        e->kv = xreallocarray(e->kv, e->cap, sizeof(*e->kv));
    }
    e->kv[e->n++] = sb_detach(&s, NULL);
}

static void env_free(struct env *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->kv[i]);
    free(e->kv);
}

static int expand_with(struct arena *a, const char *in, size_t len,
                       const struct env *e, const struct expand_opts *o,
                       struct expand_result *r)
{
    struct expand_env env = { (const char *const *)e->kv, e->n };
    return expand_process(a, in, len, o, expand_env_lookup, &env, r);
}

static void trim(const char **s, size_t *n)
{
    while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
                  (*s)[*n - 1] == '\r'))
        (*n)--;
}

static void run_shell_tables(const char *corpus)
{
    struct arena a = ARENA_INIT;
    const char *path;
    size_t len;
    suite_begin();
    path = arena_printf(&a, "%s/buildkit-shell/envVarTest", corpus);
    char *t = read_file(&a, path, &len);
    if (!t) {
        failf("buildkit-shell: cannot read envVarTest");
    } else {
        struct env e = { 0 };
        env_set(&e, "PWD", 3, "/home");
        env_set(&e, "SHELL", 5, "bash");
        env_set(&e, "KOREAN", 6, "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4");
        env_set(&e, "NULL", 4, "");
        for (char *line = t; line && *line;) {
            char *nl = strchr(line, '\n');
            size_t ll = nl ? (size_t)(nl - line) : strlen(line);
            char *next = nl ? nl + 1 : NULL;
            const char *s = line;
            size_t sl = ll;
            trim(&s, &sl);
            if (sl == 0 || s[0] == '#') {
                line = next;
                continue;
            }
            /* PLATFORM|input|expected */
            const char *p1 = memchr(s, '|', sl);
            const char *p2 = p1 ? memchr(p1 + 1, '|', sl - (size_t)(p1 + 1 - s))
                                : NULL;
            if (!p1 || !p2 || s[0] == 'W') {
                line = next;
                continue;
            }
            const char *in = p1 + 1;
            size_t il = (size_t)(p2 - in);
            const char *want = p2 + 1;
            size_t wl = sl - (size_t)(want - s);
            trim(&in, &il);
            trim(&want, &wl);
            struct expand_opts o = EXPAND_OPTS_INIT;
            struct expand_result r;
            struct arena x = ARENA_INIT;
            int rc = expand_with(&x, in, il, &e, &o, &r);
            bool want_err = wl == 5 && memcmp(want, "error", 5) == 0;
            if (want_err ? rc < 0
                         : (rc == 0 && r.word_len == wl &&
                            memcmp(r.word, want, wl) == 0))
                pass();
            else
                failf("envVarTest %.*s: got %s", (int)il, in,
                      rc < 0 ? r.error : r.word);
            arena_release(&x);
            line = next;
        }
        env_free(&e);
    }
    path = arena_printf(&a, "%s/buildkit-shell/wordsTest", corpus);
    t = read_file(&a, path, &len);
    if (!t) {
        failf("buildkit-shell: cannot read wordsTest");
    } else {
        struct env e = { 0 };
        for (char *line = t; line && *line;) {
            char *nl = strchr(line, '\n');
            size_t ll = nl ? (size_t)(nl - line) : strlen(line);
            char *next = nl ? nl + 1 : NULL;
            const char *s = line;
            size_t sl = ll;
            if (sl == 0 || s[0] == '#') {
                line = next;
                continue;
            }
            if (sl > 4 && memcmp(s, "ENV ", 4) == 0) {
                const char *kv = s + 3;
                size_t kl = sl - 3;
                while (kl && kv[0] == ' ') {
                    kv++;
                    kl--;
                }
                const char *eq = memchr(kv, '=', kl);
                if (eq) {
                    char *v = xmemdup0(eq + 1, kl - (size_t)(eq + 1 - kv));
                    env_set(&e, kv, (size_t)(eq - kv), v);
                    free(v);
                }
                line = next;
                continue;
            }
            const char *bar = memchr(s, '|', sl);
            if (!bar) {
                line = next;
                continue;
            }
            const char *in = s;
            size_t il = (size_t)(bar - s);
            trim(&in, &il);
            const char *want = bar + 1;
            size_t wl = sl - (size_t)(want - s);
            while (wl && want[0] == ' ') {
                want++;
                wl--;
            }
            struct expand_opts o = EXPAND_OPTS_INIT;
            struct expand_result r;
            struct arena x = ARENA_INIT;
            int rc = expand_with(&x, in, il, &e, &o, &r);
            bool ok;
            if (wl == 5 && memcmp(want, "error", 5) == 0) {
                ok = rc < 0;
            } else {
                struct sb joined = SB_INIT;
                for (size_t i = 0; rc == 0 && i < r.n_words; i++) {
                    if (i)
                        sb_addch(&joined, ',');
                    sb_add(&joined, r.words[i], r.word_lens[i]);
                }
                ok = rc == 0 && joined.len == wl &&
                     memcmp(joined.buf, want, wl) == 0;
                sb_release(&joined);
            }
            if (ok)
                pass();
            else
                failf("wordsTest %.*s", (int)il, in);
            arena_release(&x);
            line = next;
        }
        env_free(&e);
    }
    arena_release(&a);
    suite_end("buildkit-shell");
}

/* ==================================================================== */
/* oracle-probes: cases.json (dump + diagnostics), expansion.json       */
/* ==================================================================== */

static const char *kind_name(enum diag_kind k)
{
    switch (k) {
    case DIAG_PARSE:
        return "PARSE-ERROR";
    case DIAG_PARSE_WARNING:
        return "PARSE-WARNING";
    case DIAG_INSTR:
        return "INSTR-ERROR";
    case DIAG_CHECK_OPTION:
        return "CHECK-OPTION-ERROR";
    case DIAG_LINT:
        return "LINT";
    case DIAG_BUILD:
        return "BUILD-ERROR";
    }
    return "?";
}

static void run_probe_cases(const char *corpus)
{
    struct arena a = ARENA_INIT;
    const char *path;
    size_t jl;
    const char *err = NULL;
    suite_begin();
    path = arena_printf(&a, "%s/oracle-probes/cases.json", corpus);
    char *js = read_file(&a, path, &jl);
    struct json_value *cases = js ? json_parse(&a, js, jl, &err) : NULL;
    if (!cases || cases->type != JSON_ARRAY) {
        failf("oracle-probes: cannot read cases.json");
        arena_release(&a);
        suite_end("oracle-probes/cases");
        return;
    }
    for (size_t i = 0; i < cases->n; i++) {
        const struct json_value *c = cases->items[i];
        const struct json_value *text = json_get(c, "dockerfile");
        const struct json_value *dump = json_get(c, "dump");
        const struct json_value *diags = json_get(c, "diagnostics");
        const char *id = json_str(json_get(c, "id"));
        struct dockerfile df;
        struct diag_list dl = DIAG_LIST_INIT;
        dockerfile_parse(&df, text->str, text->len, NULL, &dl);
        struct sb got = SB_INIT;
        bool ok = true;
        if (df.parsed)
            ast_dump(&got, &df.ast);
        if (dump && dump->type == JSON_STRING) {
            if (!df.parsed || got.len != dump->len ||
                memcmp(got.buf, dump->str, got.len) != 0) {
                ok = false;
                failf("probe %s: dump differs", id);
                show_diff("dump", got.buf, got.len, dump->str, dump->len);
            }
        } else if (df.parsed) {
            ok = false;
            failf("probe %s: parsed, but BuildKit's parser fails", id);
        }
        size_t nd = diags ? diags->n : 0;
        if (ok && nd != dl.n) {
            ok = false;
            failf("probe %s: %zu diagnostics, want %zu", id, dl.n, nd);
        }
        for (size_t k = 0; ok && k < nd; k++) {
            const struct json_value *w = diags->items[k];
            const struct diag *g = &dl.items[k];
            const char *rule = json_str(json_get(w, "rule"));
            const struct json_value *msg = json_get(w, "message");
            bool same =
                strcmp(json_str(json_get(w, "kind")), kind_name(g->kind)) ==
                    0 &&
                ((!rule && !g->rule) ||
                 (rule && g->rule && strcmp(rule, g->rule) == 0)) &&
                jint(json_get(w, "start_line")) == g->start_line &&
                jint(json_get(w, "end_line")) == g->end_line &&
                jstr_eq(msg, g->msg, g->msg_len);
            if (!same) {
                ok = false;
                failf("probe %s: diagnostic %zu: got %s %s %d-%d %s", id, k,
                      kind_name(g->kind), g->rule ? g->rule : "-",
                      g->start_line, g->end_line, g->msg);
                if (verbose)
                    printf("      want %s %s %ld-%ld %s\n",
                           json_str(json_get(w, "kind")), rule ? rule : "-",
                           jint(json_get(w, "start_line")),
                           jint(json_get(w, "end_line")), json_str(msg));
            }
        }
        if (ok)
            pass();
        sb_release(&got);
        dockerfile_release(&df);
        diag_list_release(&dl);
    }
    arena_release(&a);
    suite_end("oracle-probes/cases");
}

static bool words_equal(const struct expand_result *r,
                        const struct json_value *want)
{
    size_t n = want && want->type == JSON_ARRAY ? want->n : 0;
    if (n != r->n_words)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!jstr_eq(want->items[i], r->words[i], r->word_lens[i]))
            return false;
    return true;
}

static void run_probe_expansion(const char *corpus)
{
    struct arena a = ARENA_INIT;
    const char *path;
    size_t jl;
    const char *err = NULL;
    suite_begin();
    path = arena_printf(&a, "%s/oracle-probes/expansion.json", corpus);
    char *js = read_file(&a, path, &jl);
    struct json_value *cases = js ? json_parse(&a, js, jl, &err) : NULL;
    if (!cases || cases->type != JSON_ARRAY) {
        failf("oracle-probes: cannot read expansion.json");
        arena_release(&a);
        suite_end("oracle-probes/expansion");
        return;
    }
    for (size_t i = 0; i < cases->n; i++) {
        const struct json_value *c = cases->items[i];
        const struct json_value *in = json_get(c, "input");
        const struct json_value *envj = json_get(c, "env");
        struct env e = { 0 };
        for (size_t k = 0; envj && k < envj->n; k++) {
            const char *kv = envj->items[k]->str;
            const char *eq = strchr(kv, '=');
            if (eq)
                env_set(&e, kv, (size_t)(eq - kv), eq + 1);
        }
        struct arena x = ARENA_INIT;
        struct expand_opts o = EXPAND_OPTS_INIT;
        struct expand_result r;
        int rc = expand_with(&x, in->str, in->len, &e, &o, &r);
        const struct json_value *pw = json_get(c, "process_word");
        const struct json_value *pwe = json_get(c, "process_word_error");
        const struct json_value *pws = json_get(c, "process_words");
        const struct json_value *pwse = json_get(c, "process_words_error");
        bool ok;
        if (pwe && pwe->type == JSON_STRING)
            ok = rc < 0 && jstr_eq(pwe, r.error, r.error_len);
        else
            ok = rc == 0 && jstr_eq(pw, r.word, r.word_len);
        if (pwse && pwse->type == JSON_STRING)
            ok = ok && rc < 0 && jstr_eq(pwse, r.error, r.error_len);
        else
            ok = ok && rc == 0 && words_equal(&r, pws);
        /* raw quotes + skip unset (the heredoc-detection mode) */
        const struct json_value *raw = json_get(c, "raw_quotes_skip_unset");
        if (raw) {
            struct expand_result rr;
            struct expand_opts ro = EXPAND_OPTS_INIT;
            ro.raw_quotes = true;
            ro.skip_unset_env = true;
            int rrc = expand_with(&x, in->str, in->len, &e, &ro, &rr);
            const struct json_value *we = json_get(raw, "word_error");
            if (we && we->type == JSON_STRING)
                ok = ok && rrc < 0 && jstr_eq(we, rr.error, rr.error_len);
            else
                ok = ok && rrc == 0 &&
                     jstr_eq(json_get(raw, "word"), rr.word, rr.word_len) &&
                     words_equal(&rr, json_get(raw, "words"));
        }
        if (ok)
            pass();
        else
            failf("expansion %s: got %s", in->str, rc < 0 ? r.error : r.word);
        arena_release(&x);
        env_free(&e);
    }
    arena_release(&a);
    suite_end("oracle-probes/expansion");
}

/* ==================================================================== */
/* engine-observations: image configs built by BuildKit                 */
/* ==================================================================== */

/* The lab's local imitations of the base images (README of the folder):
 * their configs, on the filesystem of the catalogue's real image. */
static void add_base(struct store *st, const char *tag, const char *fs_of,
                     const char *const *cmd, bool ubuntu_labels)
{
    struct image *img = image_new(NULL);
    const struct catalog_image *c = catalog_find(fs_of);
    if (c) {
        catalog_fs(c, &img->fs);
        img->cat = c;
    }
    image_config_setenv(&img->cfg, "PATH", DEFAULT_PATH);
    if (cmd) {
        strlist_set_empty(&img->cfg.cmd);
        for (; *cmd; cmd++)
            strlist_push(&img->cfg.cmd, *cmd);
    }
    if (ubuntu_labels) {
        image_config_set_label(&img->cfg, "org.opencontainers.image.ref.name",
                               "ubuntu");
        image_config_set_label(&img->cfg, "org.opencontainers.image.version",
                               "24.04");
    }
    store_add_image(st, img);
    store_tag(st, img, tag);
}

static void lab_bases(struct store *st)
{
    static const char *const sh[] = { "sh", NULL };
    static const char *const bash[] = { "bash", NULL };
    static const char *const binbash[] = { "/bin/bash", NULL };
    add_base(st, "oracle-argv:latest", "debian:bookworm", NULL, false);
    add_base(st, "oracle-argv:busybox", "busybox:latest", NULL, false);
    add_base(st, "busybox:latest", "busybox:latest", sh, false);
    add_base(st, "debian:latest", "debian:bookworm", bash, false);
    add_base(st, "ubuntu:latest", "ubuntu:24.04", binbash, true);
}

static bool jlist_eq(const struct json_value *v, const struct strlist *l)
{
    if (!v || v->type == JSON_NULL)
        return !l->set || l->n == 0;
    if (v->type != JSON_ARRAY || !l->set || v->n != l->n)
        return false;
    for (size_t i = 0; i < v->n; i++)
        if (!jstr_eq(v->items[i], l->v[i], strlen(l->v[i])))
            return false;
    return true;
}

static bool jkeys_eq(const struct json_value *v, const struct strlist *l)
{
    if (!v || v->type == JSON_NULL)
        return l->n == 0;
    if (v->type != JSON_OBJECT || v->n != l->n)
        return false;
    for (size_t i = 0; i < v->n; i++)
        if (strlist_find(l, v->keys[i]) < 0)
            return false;
    return true;
}

static bool jstr_or_empty(const struct json_value *v, const char *s)
{
    if (!v || v->type == JSON_NULL)
        return !s || !*s;
    return jstr_eq(v, s ? s : "", s ? strlen(s) : 0);
}

/* Compare one built config with BuildKit's; returns the field that
 * differs, or NULL. */
static const char *config_diff(const struct json_value *e,
                               const struct image_config *c)
{
    if (!jlist_eq(json_get(e, "Entrypoint"), &c->entrypoint))
        return "Entrypoint";
    if (!jlist_eq(json_get(e, "Cmd"), &c->cmd))
        return "Cmd";
    if (!jlist_eq(json_get(e, "Env"), &c->env))
        return "Env";
    if (!jstr_or_empty(json_get(e, "WorkingDir"), c->working_dir))
        return "WorkingDir";
    if (!jstr_or_empty(json_get(e, "User"), c->user))
        return "User";
    if (!jlist_eq(json_get(e, "Shell"), &c->shell))
        return "Shell";
    if (!jstr_or_empty(json_get(e, "StopSignal"), c->stop_signal))
        return "StopSignal";
    if (!jkeys_eq(json_get(e, "ExposedPorts"), &c->exposed_ports))
        return "ExposedPorts";
    if (!jkeys_eq(json_get(e, "Volumes"), &c->volumes))
        return "Volumes";
    if (!jlist_eq(json_get(e, "OnBuild"), &c->onbuild))
        return "OnBuild";
    const struct json_value *ae = json_get(e, "ArgsEscaped");
    if ((ae && ae->type == JSON_TRUE) != c->args_escaped)
        return "ArgsEscaped";
    const struct json_value *lb = json_get(e, "Labels");
    size_t nl = lb && lb->type == JSON_OBJECT ? lb->n : 0;
    if (nl != c->n_labels)
        return "Labels";
    for (size_t i = 0; i < nl; i++) {
        bool found = false;
        for (size_t k = 0; k < c->n_labels; k++)
            if (strcmp(lb->keys[i], c->labels[k].key) == 0 &&
                jstr_eq(lb->items[i], c->labels[k].value,
                        strlen(c->labels[k].value)))
                found = true;
        if (!found)
            return "Labels";
    }
    const struct json_value *hc = json_get(e, "Healthcheck");
    if (!hc || hc->type == JSON_NULL) {
        if (c->healthcheck)
            return "Healthcheck";
    } else {
        if (!c->healthcheck ||
            !jlist_eq(json_get(hc, "Test"), &c->healthcheck->test))
            return "Healthcheck";
        const struct json_value *iv = json_get(hc, "Interval");
        if ((iv ? (int64_t)iv->num : 0) != c->healthcheck->interval)
            return "Healthcheck.Interval";
        const struct json_value *to = json_get(hc, "Timeout");
        if ((to ? (int64_t)to->num : 0) != c->healthcheck->timeout)
            return "Healthcheck.Timeout";
        const struct json_value *rt = json_get(hc, "Retries");
        if ((rt ? (int)rt->num : 0) != c->healthcheck->retries)
            return "Healthcheck.Retries";
    }
    return NULL;
}

static void run_engine_configs(const char *corpus)
{
    struct arena da = ARENA_INIT;
    const char *dir = arena_printf(&da, "%s/engine-observations/results",
                                   corpus);
    DIR *d = opendir(dir);
    suite_begin();
    if (!d) {
        failf("engine-observations: cannot open %s", dir);
        arena_release(&da);
        suite_end("engine-observations/configs");
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 6 || strcmp(e->d_name + l - 5, ".json") != 0)
            continue;
        names = xreallocarray(names, n + 1, sizeof(*names));
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        struct arena a = ARENA_INIT;
        size_t jl;
        const char *err = NULL;
        const char *path = arena_printf(&a, "%s/%s", dir, names[i]);
        char *js = read_file(&a, path, &jl);
        struct json_value *res = js ? json_parse(&a, js, jl, &err) : NULL;
        const struct json_value *dfs = json_get(res, "dockerfiles");
        const struct json_value *bk =
            json_get(json_get(json_get(res, "builders"), "buildkit"), "builds");
        if (!dfs || !bk || dfs->n == 0) {
            arena_release(&a);
            continue;
        }
        struct store st;
        store_init(&st);
        lab_bases(&st);
        /* files of the build context */
        const struct json_value *files = json_get(res, "files");
        size_t nf = files ? files->n : 0;
        struct build_file *bf = arena_calloc(&a, nf ? nf : 1, sizeof(*bf));
        for (size_t k = 0; k < nf; k++) {
            const struct json_value *f = files->items[k];
            bf[k].path = json_str(json_get(f, "path"));
            const struct json_value *ct = json_get(f, "content");
            bf[k].data = ct ? ct->str : "";
            bf[k].len = ct ? ct->len : 0;
            const char *m = json_str(json_get(f, "mode"));
            bf[k].mode = m ? (unsigned)strtoul(m + 2, NULL, 8) : 0644;
        }
        struct build_context ctx = { bf, nf, NULL };
        for (size_t k = 0; k < dfs->n && k < bk->n; k++) {
            const struct json_value *df = dfs->items[k];
            const struct json_value *want = bk->items[k];
            const char *tag = json_str(json_get(df, "tag"));
            const struct json_value *text = json_get(df, "text");
            const struct json_value *ba = json_get(df, "build_args");
            struct build_arg args[16];
            size_t na = 0;
            const char *target = NULL;
            for (size_t q = 0; ba && q + 1 < ba->n && na < 16; q += 2) {
                const char *flag = ba->items[q]->str;
                const char *val = ba->items[q + 1]->str;
                if (strcmp(flag, "--target") == 0) {
                    target = val;
                } else if (strcmp(flag, "--build-arg") == 0) {
                    const char *eq = strchr(val, '=');
                    args[na].key = eq ? arena_memdup0(&a, val,
                                                      (size_t)(eq - val))
                                      : val;
                    args[na].value = eq ? eq + 1 : NULL;
                    na++;
                }
            }
            struct build_opts o;
            memset(&o, 0, sizeof(o));
            o.target = target;
            o.args = args;
            o.n_args = na;
            o.tags = &tag;
            o.n_tags = 1;
            o.ctx = &ctx;
            struct build_result r;
            int rc = build_run(&st, text->str, text->len, &o, &r);
            const struct json_value *ec = json_get(want, "exit_code");
            bool want_ok = ec && ec->type == JSON_NUMBER && ec->num == 0;
            const struct json_value *cfg = json_get(want, "config");
            if (!want_ok) {
                if (rc != 0)
                    pass();
                else
                    failf("%s %s: built, but BuildKit failed", names[i], tag);
            } else if (rc != 0) {
                failf("%s %s: build failed: %s", names[i], tag,
                      r.error ? r.error : "?");
            } else if (cfg && cfg->type == JSON_OBJECT) {
                const char *field = config_diff(cfg, &r.image->cfg);
                if (field)
                    failf("%s %s: Config.%s differs", names[i], tag, field);
                else
                    pass();
            }
            build_result_release(&r);
        }
        store_release(&st);
        arena_release(&a);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    arena_release(&da);
    suite_end("engine-observations/configs");
}

int main(int argc, char **argv)
{
    const char *corpus = "../shared/corpus";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else
            corpus = argv[i];
    }
    if (!is_dir(corpus)) {
        printf("conformance: corpus not found at %s; skipped (the unit "
               "tests still run)\n",
               corpus);
        return 0;
    }
    printf("conformance (corpus %s):\n", corpus);
    run_parser_cases(corpus);
    run_negative_cases(corpus);
    run_line_cases(corpus);
    run_heredoc_cases(corpus);
    run_shell_tables(corpus);
    run_probe_cases(corpus);
    run_probe_expansion(corpus);
    run_engine_configs(corpus);
    printf("conformance: %d passed, %d failed\n", total_pass, total_fail);
    return total_fail ? 1 : 0;
}
