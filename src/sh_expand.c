/*
 * sh_expand.c: word expansion as POSIX orders it: tilde, parameters,
 * command substitution, arithmetic, then field splitting on $IFS,
 * pathname expansion (against the simulated filesystem) and quote
 * removal. Each output byte carries attributes (quoted, from an
 * expansion) so splitting and globbing touch only what they should.
 */
#include "sh_impl.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vfs.h"
#include "xmalloc.h"

enum {
    A_QUOTED = 1,  /* literal: no splitting, no globbing */
    A_EXP = 2,     /* from an unquoted expansion: split on IFS */
    A_BREAK = 4,   /* marker: a field ends here ("$@") */
    A_QMARK = 8,   /* marker: quotes were here (keeps an empty field) */
    A_ATEMPTY = 16, /* marker: "$@" with no parameters */
};

struct xctx {
    struct pns *ns;
    struct proc *p;
    struct sh *sh;
    struct sb c;   /* bytes */
    struct sb a;   /* their attributes */
    bool assign;   /* an assignment value: ~ after ':' too */
    int err;
};

static void put(struct xctx *x, char ch, int attr)
{
    sb_addch(&x->c, ch);
    sb_addch(&x->a, attr);
}

static void put_str(struct xctx *x, const char *s, size_t len, int attr)
{
    for (size_t i = 0; i < len; i++)
        put(x, s[i], attr);
}

static void mark(struct xctx *x, int attr)
{
    put(x, '\0', attr);
}

bool sh_is_name(const char *s, size_t len)
{
    if (len == 0)
        return false;
    if (!(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z') ||
          (s[0] >= 'A' && s[0] <= 'Z')))
        return false;
    for (size_t i = 1; i < len; i++)
        if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') ||
              (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

static bool is_name_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

static const char *ifs_of(struct sh *sh)
{
    struct svar *v = shv_find(sh, "IFS");
    if (!v)
        return " \t\n";
    return v->value ? v->value : " \t\n";
}

/* ===================================================================== */
/* Pattern matching                                                      */
/* ===================================================================== */

static bool class_match(const char *cls, size_t len, unsigned char c)
{
    static const struct {
        const char *name;
        const char *set;
    } classes[] = {
        { "alpha", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" },
        { "digit", "0123456789" },
        { "alnum", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                   "0123456789" },
        { "upper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ" },
        { "lower", "abcdefghijklmnopqrstuvwxyz" },
        { "space", " \t\n\r\f\v" },
        { "blank", " \t" },
        { "xdigit", "0123456789abcdefABCDEF" },
        { "punct", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" },
    };
    for (size_t i = 0; i < ARRAY_LEN(classes); i++)
        if (strlen(classes[i].name) == len &&
            memcmp(classes[i].name, cls, len) == 0)
            return c && strchr(classes[i].set, c) != NULL;
    return false;
}

/* Match a bracket expression at p (after '['); *end gets the position
 * after ']'. Returns -1 if it is not a valid bracket expression. */
static int bracket(const char *p, unsigned char c, const char **end)
{
    bool neg = false, ok = false;
    if (*p == '!' || *p == '^') {
        neg = true;
        p++;
    }
    const char *start = p;
    while (*p && (*p != ']' || p == start)) {
        if (p[0] == '[' && p[1] == ':') {
            const char *q = strstr(p + 2, ":]");
            if (q) {
                if (class_match(p + 2, (size_t)(q - p - 2), c))
                    ok = true;
                p = q + 2;
                continue;
            }
        }
        unsigned char lo = (unsigned char)*p;
        if (lo == '\\' && p[1])
            lo = (unsigned char)*++p;
        if (p[1] == '-' && p[2] && p[2] != ']') {
            unsigned char hi = (unsigned char)p[2];
            if (hi == '\\' && p[3])
                hi = (unsigned char)p[3], p++;
            if (c >= lo && c <= hi)
                ok = true;
            p += 3;
        } else {
            if (c == lo)
                ok = true;
            p++;
        }
    }
    if (*p != ']')
        return -1;
    *end = p + 1;
    return ok != neg;
}

static bool match_at(const char *p, const char *s, bool path)
{
    while (*p) {
        switch (*p) {
        case '*':
            while (*p == '*')
                p++;
            if (!*p)
                return !path || !strchr(s, '/');
            for (const char *t = s; *t; t++) {
                if (match_at(p, t, path))
                    return true;
                if (path && *t == '/')
                    return false;
            }
            return match_at(p, s + strlen(s), path);
        case '?':
            if (!*s || (path && *s == '/'))
                return false;
            p++;
            s++;
            break;
        case '[': {
            const char *end;
            int r = *s ? bracket(p + 1, (unsigned char)*s, &end) : 0;
            if (r < 0) {
                if (*s != '[')
                    return false;
                p++;
                s++;
                break;
            }
            if (!r)
                return false;
            p = end;
            s++;
            break;
        }
        case '\\':
            if (p[1])
                p++;
            /* fall through */
        default:
            if (*p != *s)
                return false;
            p++;
            s++;
        }
    }
    return *s == '\0';
}

bool sh_pattern_match(const char *pattern, const char *s)
{
    return match_at(pattern, s, false);
}

static bool has_glob(const char *pat)
{
    for (const char *p = pat; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p == '*' || *p == '?' || *p == '[')
            return true;
    }
    return false;
}

/* Remove the backslashes of a pattern (a literal result). */
static void unescape(const char *pat, struct sb *out)
{
    for (const char *p = pat; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        sb_addch(out, *p);
    }
}

/* ===================================================================== */
/* Pathname expansion                                                    */
/* ===================================================================== */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void glob_rec(struct xctx *x, const char *dir, const char *shown,
                     const char *rest, struct strlist *out)
{
    /* next component of rest */
    const char *slash = strchr(rest, '/');
    size_t clen = slash ? (size_t)(slash - rest) : strlen(rest);
    char *comp = xmemdup0(rest, clen);
    const char *after = slash ? slash + 1 : NULL;
    while (after && *after == '/')
        after++;
    if (!has_glob(comp)) {
        struct sb lit = SB_INIT, path = SB_INIT, sh_path = SB_INIT;
        unescape(comp, &lit);
        sb_addf(&path, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/",
                lit.buf);
        sb_addf(&sh_path, "%s%s", shown, lit.buf);
        int err = 0;
        if (ufs_stat(x->ns, x->p, path.buf, true, &err)) {
            if (after && *after) {
                sb_addch(&sh_path, '/');
                glob_rec(x, path.buf, sh_path.buf, after, out);
            } else if (!after) {
                strlist_push(out, sh_path.buf);
            } else {
                sb_addch(&sh_path, '/');
                strlist_push(out, sh_path.buf);
            }
        }
        sb_release(&lit);
        sb_release(&path);
        sb_release(&sh_path);
        free(comp);
        return;
    }
    struct strlist names;
    strlist_init(&names);
    if (ufs_list(x->ns, x->p, dir, &names) == 0) {
        for (size_t i = 0; i < names.n; i++) {
            const char *nm = names.v[i];
            if (nm[0] == '.' && comp[0] != '.')
                continue;
            if (!match_at(comp, nm, true))
                continue;
            struct sb path = SB_INIT, sh_path = SB_INIT;
            sb_addf(&path, "%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/",
                    nm);
            sb_addf(&sh_path, "%s%s", shown, nm);
            if (after && *after) {
                sb_addch(&sh_path, '/');
                glob_rec(x, path.buf, sh_path.buf, after, out);
            } else if (after) {
                int err;
                const struct vfs_entry *e =
                    ufs_stat(x->ns, x->p, path.buf, true, &err);
                if (e && e->type == VFS_DIR) {
                    sb_addch(&sh_path, '/');
                    strlist_push(out, sh_path.buf);
                }
            } else {
                strlist_push(out, sh_path.buf);
            }
            sb_release(&path);
            sb_release(&sh_path);
        }
    }
    strlist_release(&names);
    free(comp);
}

/* Expand pattern (backslash-escaped) into out; false if nothing matched. */
static bool glob_expand(struct xctx *x, const char *pat, struct strlist *out)
{
    struct strlist res;
    strlist_init(&res);
    if (pat[0] == '/') {
        const char *r = pat;
        while (*r == '/')
            r++;
        glob_rec(x, "/", "/", r, &res);
    } else {
        glob_rec(x, x->p->cwd, "", pat, &res);
    }
    if (res.n == 0) {
        strlist_release(&res);
        return false;
    }
    qsort(res.v, res.n, sizeof(*res.v), cmp_str);
    for (size_t i = 0; i < res.n; i++)
        strlist_push(out, res.v[i]);
    strlist_release(&res);
    return true;
}

/* ===================================================================== */
/* Parameters                                                            */
/* ===================================================================== */

/* The value of parameter name (NULL: unset). *tmp may receive a
 * malloc'd string the caller frees. */
static const char *param_value(struct xctx *x, const char *name, char **tmp)
{
    struct sh *sh = x->sh;
    *tmp = NULL;
    if (name[0] && !name[1]) {
        struct sb b = SB_INIT;
        switch (name[0]) {
        case '?':
            sb_addf(&b, "%d", sh->status);
            *tmp = sb_detach(&b, NULL);
            return *tmp;
        case '$':
            sb_addf(&b, "%d", sh->root_pid);
            *tmp = sb_detach(&b, NULL);
            return *tmp;
        case '!':
            if (!sh->last_bg)
                return NULL;
            sb_addf(&b, "%d", sh->last_bg);
            *tmp = sb_detach(&b, NULL);
            return *tmp;
        case '#':
            sb_addf(&b, "%zu", sh->n_params);
            *tmp = sb_detach(&b, NULL);
            return *tmp;
        case '-':
            if (sh->o_errexit)
                sb_addch(&b, 'e');
            if (sh->o_noglob)
                sb_addch(&b, 'f');
            if (sh->o_nounset)
                sb_addch(&b, 'u');
            if (sh->o_verbose)
                sb_addch(&b, 'v');
            if (sh->o_xtrace)
                sb_addch(&b, 'x');
            if (sh->fl == SH_BASH)
                sb_adds(&b, "hB");
            if (sh->code && sh->code->lazy && sh->fl != SH_BASH)
                (void)0;
            *tmp = sb_detach(&b, NULL);
            return *tmp;
        case '0':
            return sh->arg0;
        default:
            break;
        }
    }
    if (name[0] >= '0' && name[0] <= '9') {
        char *end;
        long k = strtol(name, &end, 10);
        if (k == 0)
            return sh->arg0;
        if (k > 0 && (size_t)k <= sh->n_params)
            return sh->params[k - 1];
        return NULL;
    }
    if (strcmp(name, "LINENO") == 0 && !shv_find(sh, "LINENO")) {
        struct sb b = SB_INIT;
        sb_addf(&b, "%d", sh->lineno);
        *tmp = sb_detach(&b, NULL);
        return *tmp;
    }
    if (strcmp(name, "RANDOM") == 0 && sh->fl != SH_DASH) {
        struct sb b = SB_INIT;
        sh->random = sh->random * 1103515245UL + 12345UL;
        sb_addf(&b, "%lu", (sh->random >> 16) % 32768UL);
        *tmp = sb_detach(&b, NULL);
        return *tmp;
    }
    return shv_get(sh, name);
}

/* Report an expansion error and mark the shell to exit. */
static int xerr(struct xctx *x, int status, const char *fmt, ...)
    ATTR_PRINTF(3, 4);

static int xerr(struct xctx *x, int status, const char *fmt, ...)
{
    va_list ap;
    struct sb m = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    sh_err(x->ns, x->p, "%s", m.buf);
    sb_release(&m);
    x->err = status;
    return -1;
}

static int expand_part(struct xctx *x, const char *s, size_t len,
                       bool dq, bool pattern_ctx);

/* Expand the "word" of ${v:-word} into a plain string (dq: inside double
 * quotes). */
static int sub_word(struct xctx *x, const char *s, size_t len, bool dq,
                    struct sb *out)
{
    struct xctx y = { x->ns, x->p, x->sh, SB_INIT, SB_INIT, false, 0 };
    int rc = expand_part(&y, s, len, dq, false);
    if (rc == 0)
        for (size_t i = 0; i < y.c.len; i++)
            if (!(y.a.buf[i] & (A_BREAK | A_QMARK | A_ATEMPTY)))
                sb_addch(out, y.c.buf[i]);
    x->err = y.err;
    sb_release(&y.c);
    sb_release(&y.a);
    return rc;
}

/* Expand a pattern word (${v#pat}): quoted characters escaped. */
static int sub_pattern(struct xctx *x, const char *s, size_t len, bool dq,
                       struct sb *out)
{
    struct xctx y = { x->ns, x->p, x->sh, SB_INIT, SB_INIT, false, 0 };
    int rc = expand_part(&y, s, len, dq, true);
    if (rc == 0)
        for (size_t i = 0; i < y.c.len; i++) {
            int at = y.a.buf[i];
            if (at & (A_BREAK | A_QMARK | A_ATEMPTY))
                continue;
            char c = y.c.buf[i];
            if ((at & A_QUOTED) && strchr("*?[]\\", c))
                sb_addch(out, '\\');
            sb_addch(out, c);
        }
    x->err = y.err;
    sb_release(&y.c);
    sb_release(&y.a);
    return rc;
}

/* Remove the shortest/longest prefix/suffix matching pat. */
static void trim(const char *v, const char *pat, bool suffix, bool longest,
                 struct sb *out)
{
    size_t n = strlen(v);
    if (!suffix) {
        if (longest) {
            for (size_t k = n + 1; k-- > 0;) {
                char *pre = xmemdup0(v, k);
                bool m = sh_pattern_match(pat, pre);
                free(pre);
                if (m) {
                    sb_adds(out, v + k);
                    return;
                }
            }
        } else {
            for (size_t k = 0; k <= n; k++) {
                char *pre = xmemdup0(v, k);
                bool m = sh_pattern_match(pat, pre);
                free(pre);
                if (m) {
                    sb_adds(out, v + k);
                    return;
                }
            }
        }
        sb_adds(out, v);
        return;
    }
    if (longest) {
        for (size_t k = 0; k <= n; k++)
            if (sh_pattern_match(pat, v + k)) {
                sb_add(out, v, k);
                return;
            }
    } else {
        for (size_t k = n + 1; k-- > 0;)
            if (sh_pattern_match(pat, v + k)) {
                sb_add(out, v, k);
                return;
            }
    }
    sb_adds(out, v);
}

/* ${v/pat/rep}: mode 0 first, 1 all, 2 prefix (#), 3 suffix (%). */
static void replace(const char *v, const char *pat, const char *rep, int mode,
                    struct sb *out)
{
    size_t n = strlen(v);
    size_t i = 0;
    bool done = false;
    while (i <= n) {
        size_t best = (size_t)-1;
        if (!done && (mode != 2 || i == 0)) {
            for (size_t k = n; k >= i && k != (size_t)-1; k--) {
                if (mode == 3 && k != n)
                    break;
                char *sub = xmemdup0(v + i, k - i);
                bool m = sh_pattern_match(pat, sub);
                free(sub);
                if (m && (k > i || *pat == '\0')) {
                    best = k;
                    break;
                }
                if (k == i)
                    break;
            }
        }
        if (best != (size_t)-1 && best > i) {
            sb_adds(out, rep);
            i = best;
            if (mode != 1)
                done = true;
            continue;
        }
        if (i < n)
            sb_addch(out, v[i]);
        i++;
        if (mode == 2)
            done = true;
    }
}

/* Append a value produced by an expansion. */
static void put_value(struct xctx *x, const char *v, bool dq)
{
    put_str(x, v, strlen(v), dq ? A_QUOTED : A_EXP);
}

/* $@ / $* */
static void put_params(struct xctx *x, bool at, bool dq)
{
    struct sh *sh = x->sh;
    if (dq && at) {
        if (sh->n_params == 0)
            mark(x, A_ATEMPTY);
        for (size_t i = 0; i < sh->n_params; i++) {
            if (i)
                mark(x, A_BREAK);
            mark(x, A_QMARK);
            put_str(x, sh->params[i], strlen(sh->params[i]), A_QUOTED);
        }
        return;
    }
    if (dq) {
        const char *ifs = ifs_of(sh);
        for (size_t i = 0; i < sh->n_params; i++) {
            if (i && *ifs)
                put(x, ifs[0], A_QUOTED);
            put_str(x, sh->params[i], strlen(sh->params[i]), A_QUOTED);
        }
        mark(x, A_QMARK);
        return;
    }
    for (size_t i = 0; i < sh->n_params; i++) {
        if (i)
            mark(x, A_BREAK);
        put_str(x, sh->params[i], strlen(sh->params[i]), A_EXP);
    }
}

/* Find the end of a ${...} starting at s[i] == '{'; returns the index of
 * the closing brace. */
static size_t brace_end(const char *s, size_t len, size_t i)
{
    int depth = 0;
    bool sq = false, dq = false;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '\\' && !sq && i + 1 < len) {
            i++;
            continue;
        }
        if (c == '\'' && !dq) {
            sq = !sq;
            continue;
        }
        if (sq)
            continue;
        if (c == '"') {
            dq = !dq;
            continue;
        }
        if (c == '{')
            depth++;
        else if (c == '}' && --depth == 0)
            return i;
    }
    return len;
}

static size_t paren_end(const char *s, size_t len, size_t i)
{
    /* s[i] == '(' : the matching ')' with quotes respected */
    int depth = 0;
    bool sq = false, dq = false;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '\\' && !sq && i + 1 < len) {
            i++;
            continue;
        }
        if (c == '\'' && !dq) {
            sq = !sq;
            continue;
        }
        if (sq)
            continue;
        if (c == '"') {
            dq = !dq;
            continue;
        }
        if (c == '(')
            depth++;
        else if (c == ')' && --depth == 0)
            return i;
    }
    return len;
}

static int do_braces(struct xctx *x, const char *body, size_t blen, bool dq)
{
    struct sh *sh = x->sh;
    size_t i = 0;
    bool length = false, indirect = false;
    if (blen > 1 && body[0] == '#' && body[1] != '}' &&
        (is_name_char(body[1]) || strchr("@*?#!$-", body[1]))) {
        /* ${#name} (but ${#} alone is $#, ${#-x} is $# with -) */
        if (!(blen > 1 && strchr("-=?+", body[1]) && blen > 2)) {
            length = true;
            i = 1;
        }
    }
    if (!length && blen > 1 && body[0] == '!' && sh->fl == SH_BASH &&
        is_name_char(body[1])) {
        indirect = true;
        i = 1;
    }
    size_t ns = i;
    if (i < blen && (body[i] == '_' || (body[i] >= 'a' && body[i] <= 'z') ||
                     (body[i] >= 'A' && body[i] <= 'Z'))) {
        while (i < blen && is_name_char(body[i]))
            i++;
    } else if (i < blen && body[i] >= '0' && body[i] <= '9') {
        while (i < blen && body[i] >= '0' && body[i] <= '9')
            i++;
    } else if (i < blen && strchr("@*?#!$-0", body[i])) {
        i++;
    } else {
        goto bad;
    }
    char *name = xmemdup0(body + ns, i - ns);
    char *tmp = NULL;
    const char *val = param_value(x, name, &tmp);
    char *ind_tmp = NULL;
    if (indirect && val) {
        char *t2 = NULL;
        const char *v2 = param_value(x, val, &t2);
        ind_tmp = v2 ? xstrdup(v2) : NULL;
        free(t2);
        val = ind_tmp;
    }
    bool is_at = strcmp(name, "@") == 0, is_star = strcmp(name, "*") == 0;
    if ((is_at || is_star) && sh->n_params == 0 && !tmp)
        val = NULL;
    int rc = 0;
    if (length) {
        if (i != blen)
            goto bad_free;
        struct sb b = SB_INIT;
        if (is_at || is_star)
            sb_addf(&b, "%zu", sh->n_params);
        else {
            if (!val && sh->o_nounset) {
                rc = xerr(x, 2, "%s: parameter not set", name);
                sb_release(&b);
                goto out;
            }
            sb_addf(&b, "%zu", val ? strlen(val) : 0);
        }
        put_value(x, b.buf, dq);
        sb_release(&b);
        goto out;
    }
    if (i == blen) {
        if (is_at || is_star) {
            put_params(x, is_at, dq);
            goto out;
        }
        if (!val && sh->o_nounset) {
            rc = xerr(x, 2, sh->fl == SH_BASH ? "%s: unbound variable"
                                              : "%s: parameter not set",
                      name);
            goto out;
        }
        if (val)
            put_value(x, val, dq);
        goto out;
    }
    /* an operator */
    bool colon = body[i] == ':';
    char op = colon && i + 1 < blen ? body[i + 1] : body[i];
    if (colon && !strchr("-=?+", op)) {
        if (sh->fl == SH_DASH)
            goto bad_free;
        /* ${v:off[:len]} */
        struct sb spec = SB_INIT;
        if (sub_word(x, body + i + 1, blen - i - 1, dq, &spec) < 0) {
            sb_release(&spec);
            rc = -1;
            goto out;
        }
        const char *v = val ? val : "";
        long long off = 0, ln = -1;
        char *colon2 = strchr(spec.buf, ':');
        if (colon2)
            *colon2 = '\0';
        if (sx_arith(x->ns, x->p, spec.buf, strlen(spec.buf), &off) < 0) {
            sb_release(&spec);
            rc = -1;
            goto out;
        }
        if (colon2 &&
            sx_arith(x->ns, x->p, colon2 + 1, strlen(colon2 + 1), &ln) < 0) {
            sb_release(&spec);
            rc = -1;
            goto out;
        }
        long long vl = (long long)strlen(v);
        if (off < 0)
            off = vl + off < 0 ? 0 : vl + off;
        if (off > vl)
            off = vl;
        long long take = vl - off;
        if (colon2) {
            if (ln < 0)
                ln = vl - off + ln < 0 ? 0 : vl - off + ln;
            if (ln < take)
                take = ln;
        }
        char *part = xmemdup0(v + off, (size_t)take);
        put_value(x, part, dq);
        free(part);
        sb_release(&spec);
        goto out;
    }
    size_t wstart = i + (colon ? 2 : 1);
    const char *word = body + wstart;
    size_t wlen = blen - wstart;
    bool unset_or_null = !val || (colon && !*val);
    if (is_at || is_star)
        unset_or_null = sh->n_params == 0;
    switch (op) {
    case '-':
        if (unset_or_null) {
            rc = expand_part(x, word, wlen, dq, false);
        } else if (is_at || is_star) {
            put_params(x, is_at, dq);
        } else {
            put_value(x, val, dq);
        }
        goto out;
    case '+':
        if (!unset_or_null)
            rc = expand_part(x, word, wlen, dq, false);
        else if (dq)
            mark(x, A_QMARK);
        goto out;
    case '=': {
        if (unset_or_null) {
            struct sb w = SB_INIT;
            if (sub_word(x, word, wlen, dq, &w) < 0) {
                sb_release(&w);
                rc = -1;
                goto out;
            }
            if (!sh_is_name(name, strlen(name))) {
                sb_release(&w);
                rc = xerr(x, 2, "%s: bad variable name", name);
                goto out;
            }
            shv_set(x->ns, x->p, name, w.buf);
            put_value(x, w.buf, dq);
            sb_release(&w);
        } else {
            put_value(x, val, dq);
        }
        goto out;
    }
    case '?':
        if (unset_or_null) {
            struct sb w = SB_INIT;
            if (sub_word(x, word, wlen, dq, &w) < 0) {
                sb_release(&w);
                rc = -1;
                goto out;
            }
            if (w.len)
                rc = xerr(x, sh->fl == SH_BASH ? 1 : 2, "%s: %s", name, w.buf);
            else if (sh->fl == SH_BASH)
                rc = xerr(x, 1, "%s: parameter %s", name,
                          colon ? "null or not set" : "not set");
            else
                rc = xerr(x, 2, "%s: parameter not set%s", name,
                          colon ? " or null" : "");
            sb_release(&w);
        } else {
            put_value(x, val, dq);
        }
        goto out;
    case '%':
    case '#': {
        bool longest = wlen > 0 && word[0] == op;
        if (longest) {
            word++;
            wlen--;
        }
        struct sb pat = SB_INIT, res = SB_INIT;
        if (sub_pattern(x, word, wlen, dq, &pat) < 0) {
            sb_release(&pat);
            rc = -1;
            goto out;
        }
        if (!val && sh->o_nounset) {
            sb_release(&pat);
            rc = xerr(x, 2, "%s: parameter not set", name);
            goto out;
        }
        trim(val ? val : "", pat.buf, op == '%', longest, &res);
        put_value(x, res.buf, dq);
        sb_release(&pat);
        sb_release(&res);
        goto out;
    }
    case '/': {
        if (sh->fl == SH_DASH)
            goto bad_free;
        int mode = 0;
        if (wlen && word[0] == '/')
            mode = 1, word++, wlen--;
        else if (wlen && word[0] == '#')
            mode = 2, word++, wlen--;
        else if (wlen && word[0] == '%')
            mode = 3, word++, wlen--;
        /* split at the first unescaped / */
        size_t k = 0;
        while (k < wlen && word[k] != '/') {
            if (word[k] == '\\' && k + 1 < wlen)
                k++;
            k++;
        }
        struct sb pat = SB_INIT, rep = SB_INIT, res = SB_INIT;
        if (sub_pattern(x, word, k, dq, &pat) < 0 ||
            (k < wlen && sub_word(x, word + k + 1, wlen - k - 1, dq, &rep) < 0)) {
            sb_release(&pat);
            sb_release(&rep);
            rc = -1;
            goto out;
        }
        replace(val ? val : "", pat.buf, rep.buf, mode, &res);
        put_value(x, res.buf, dq);
        sb_release(&pat);
        sb_release(&rep);
        sb_release(&res);
        goto out;
    }
    case '^':
    case ',': {
        if (sh->fl != SH_BASH)
            goto bad_free;
        bool all = wlen > 0 && word[0] == op;
        struct sb res = SB_INIT;
        const char *v = val ? val : "";
        for (size_t k = 0; v[k]; k++) {
            char c = v[k];
            if (all || k == 0) {
                if (op == '^' && c >= 'a' && c <= 'z')
                    c = (char)(c - 32);
                else if (op == ',' && c >= 'A' && c <= 'Z')
                    c = (char)(c + 32);
            }
            sb_addch(&res, c);
        }
        put_value(x, res.buf, dq);
        sb_release(&res);
        goto out;
    }
    default:
        goto bad_free;
    }
bad_free:
    free(name);
    free(tmp);
    free(ind_tmp);
bad:
    if (sh->fl == SH_BASH) {
        struct sb b = SB_INIT;
        sb_adds(&b, "${");
        sb_add(&b, body, blen);
        sb_adds(&b, "}: bad substitution");
        xerr(x, 1, "%s", b.buf);
        sb_release(&b);
        return -1;
    }
    return xerr(x, 2, sh->fl == SH_DASH ? "Bad substitution"
                                        : "syntax error: bad substitution");
out:
    free(name);
    free(tmp);
    free(ind_tmp);
    return rc;
}

/* $'...' (bash, ash) */
static size_t dollar_squote(struct xctx *x, const char *s, size_t len,
                            size_t i)
{
    /* s[i] is the opening quote */
    i++;
    mark(x, A_QMARK);
    while (i < len && s[i] != '\'') {
        char c = s[i];
        if (c == '\\' && i + 1 < len) {
            char e = s[++i];
            switch (e) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'a': c = '\a'; break;
            case 'b': c = '\b'; break;
            case 'e':
            case 'E': c = 27; break;
            case 'f': c = '\f'; break;
            case 'v': c = '\v'; break;
            case '\\': c = '\\'; break;
            case '\'': c = '\''; break;
            case '"': c = '"'; break;
            case 'x': {
                int v = 0, k = 0;
                while (k < 2 && i + 1 < len && strchr("0123456789abcdefABCDEF", s[i + 1]) && s[i + 1]) {
                    char h = s[++i];
                    v = v * 16 + (h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
                    k++;
                }
                c = (char)v;
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    int v = e - '0', k = 1;
                    while (k < 3 && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7') {
                        v = v * 8 + (s[++i] - '0');
                        k++;
                    }
                    c = (char)v;
                } else {
                    put(x, '\\', A_QUOTED);
                    c = e;
                }
            }
        }
        put(x, c, A_QUOTED);
        i++;
    }
    return i + 1;
}

static void tilde(struct xctx *x, const char *s, size_t len, size_t *i)
{
    /* s[*i] == '~' at a word start (or after ':' in an assignment) */
    size_t j = *i + 1;
    while (j < len && s[j] != '/' && s[j] != ':' &&
           (is_name_char(s[j]) || s[j] == '-' || s[j] == '.'))
        j++;
    if (j < len && s[j] != '/' && s[j] != ':') {
        put(x, '~', 0);
        (*i)++;
        return;
    }
    if (j == *i + 1) {
        const char *home = shv_get(x->sh, "HOME");
        put_str(x, home ? home : "", home ? strlen(home) : 0, A_QUOTED);
        *i = j;
        return;
    }
    char *user = xmemdup0(s + *i + 1, j - *i - 1);
    unsigned uid, gid;
    char *home = NULL, *shell = NULL;
    if (ufs_user_lookup(x->ns, user, &uid, &gid, &home, &shell) && home) {
        put_str(x, home, strlen(home), A_QUOTED);
        *i = j;
    } else {
        put(x, '~', 0);
        (*i)++;
    }
    free(home);
    free(shell);
    free(user);
}

/* Expand s[0..len); dq: already inside double quotes. */
static int expand_part(struct xctx *x, const char *s, size_t len, bool dq,
                       bool pattern_ctx)
{
    (void)pattern_ctx;
    bool in_dq = dq;
    for (size_t i = 0; i < len;) {
        char c = s[i];
        if (c == '\\') {
            if (i + 1 >= len) {
                put(x, '\\', in_dq ? A_QUOTED : 0);
                i++;
                continue;
            }
            char n = s[i + 1];
            if (n == '\n') {
                i += 2;
                continue;
            }
            if (in_dq && !strchr("$`\"\\", n)) {
                put(x, '\\', A_QUOTED);
                i++;
                continue;
            }
            put(x, n, A_QUOTED);
            i += 2;
            continue;
        }
        if (c == '\'' && !in_dq) {
            mark(x, A_QMARK);
            i++;
            while (i < len && s[i] != '\'')
                put(x, s[i++], A_QUOTED);
            i++;
            continue;
        }
        if (c == '"') {
            mark(x, A_QMARK);
            in_dq = !in_dq;
            i++;
            continue;
        }
        if (c == '~' && !in_dq && (i == 0 || (x->assign && s[i - 1] == ':'))) {
            tilde(x, s, len, &i);
            continue;
        }
        if (c == '`') {
            struct sb cmd = SB_INIT;
            i++;
            while (i < len && s[i] != '`') {
                if (s[i] == '\\' && i + 1 < len &&
                    strchr("$`\\", s[i + 1]))
                    i++;
                sb_addch(&cmd, s[i++]);
            }
            i++;
            struct sb out = SB_INIT;
            sh_command_subst(x->ns, x->p, cmd.buf, cmd.len, &out);
            put_value(x, out.buf, in_dq);
            sb_release(&out);
            sb_release(&cmd);
            continue;
        }
        if (c != '$' || i + 1 >= len) {
            put(x, c, in_dq ? A_QUOTED : 0);
            i++;
            continue;
        }
        char n = s[i + 1];
        if (n == '\'' && !in_dq && x->sh->fl != SH_DASH) {
            i = dollar_squote(x, s, len, i + 1);
            continue;
        }
        if (n == '(' && i + 2 < len && s[i + 2] == '(') {
            /* $(( expr )) */
            size_t start = i + 3, k = start;
            int depth = 2;
            while (k < len && depth > 0) {
                if (s[k] == '(')
                    depth++;
                else if (s[k] == ')')
                    depth--;
                k++;
            }
            size_t end = k >= 2 ? k - 2 : start;
            struct sb ex = SB_INIT;
            if (sub_word(x, s + start, end - start, true, &ex) < 0) {
                sb_release(&ex);
                return -1;
            }
            long long v = 0;
            if (sx_arith(x->ns, x->p, ex.buf, ex.len, &v) < 0) {
                sb_release(&ex);
                x->err = 2;
                return -1;
            }
            struct sb num = SB_INIT;
            sb_addf(&num, "%lld", v);
            put_value(x, num.buf, in_dq);
            sb_release(&num);
            sb_release(&ex);
            i = k;
            continue;
        }
        if (n == '(') {
            size_t end = paren_end(s, len, i + 1);
            struct sb out = SB_INIT;
            sh_command_subst(x->ns, x->p, s + i + 2, end - i - 2, &out);
            put_value(x, out.buf, in_dq);
            sb_release(&out);
            i = end + 1;
            continue;
        }
        if (n == '{') {
            size_t end = brace_end(s, len, i + 1);
            if (do_braces(x, s + i + 2, end - i - 2, in_dq) < 0)
                return -1;
            i = end + 1;
            continue;
        }
        if (n == '@' || n == '*') {
            put_params(x, n == '@', in_dq);
            i += 2;
            continue;
        }
        if (strchr("?$!#-0123456789", n)) {
            char name[2] = { n, 0 };
            char *tmp = NULL;
            const char *v = param_value(x, name, &tmp);
            if (!v && x->sh->o_nounset && n >= '1' && n <= '9') {
                free(tmp);
                return xerr(x, 2, "%c: parameter not set", n);
            }
            if (v)
                put_value(x, v, in_dq);
            free(tmp);
            i += 2;
            continue;
        }
        if (n == '_' || (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z')) {
            size_t k = i + 1;
            while (k < len && is_name_char(s[k]))
                k++;
            char *name = xmemdup0(s + i + 1, k - i - 1);
            char *tmp = NULL;
            const char *v = param_value(x, name, &tmp);
            if (!v && x->sh->o_nounset) {
                int rc = xerr(x, x->sh->fl == SH_BASH ? 1 : 2,
                              x->sh->fl == SH_BASH ? "%s: unbound variable"
                                                   : "%s: parameter not set",
                              name);
                free(name);
                free(tmp);
                return rc;
            }
            if (v)
                put_value(x, v, in_dq);
            free(name);
            free(tmp);
            i = k;
            continue;
        }
        put(x, '$', in_dq ? A_QUOTED : 0);
        i++;
    }
    return 0;
}

/* ===================================================================== */
/* Public entry points                                                   */
/* ===================================================================== */

struct field {
    struct sb text;
    struct sb pat;     /* backslash-escaped pattern */
    bool exists;
    bool globby;
};

static void field_reset(struct field *f)
{
    sb_reset(&f->text);
    sb_reset(&f->pat);
    f->exists = false;
    f->globby = false;
}

static void field_emit(struct xctx *x, struct field *f, struct strlist *out)
{
    if (f->globby && !x->sh->o_noglob) {
        if (!glob_expand(x, f->pat.buf, out))
            strlist_push(out, f->text.buf);
    } else {
        strlist_push(out, f->text.buf);
    }
    field_reset(f);
}

int sx_fields(struct pns *ns, struct proc *p, struct sword w,
              struct strlist *out)
{
    struct xctx x = { ns, p, p->sh, SB_INIT, SB_INIT, false, 0 };
    if (expand_part(&x, w.s, w.len, false, false) < 0) {
        sb_release(&x.c);
        sb_release(&x.a);
        return -1;
    }
    const char *ifs = ifs_of(p->sh);
    /* "$@" without parameters takes its quotes away: no field */
    for (size_t i = 0; i < x.a.len; i++)
        if (x.a.buf[i] & A_ATEMPTY) {
            if (i > 0 && (x.a.buf[i - 1] & A_QMARK) && i + 1 < x.a.len &&
                (x.a.buf[i + 1] & A_QMARK)) {
                x.a.buf[i - 1] = A_BREAK | A_ATEMPTY;
                x.a.buf[i + 1] = A_BREAK | A_ATEMPTY;
            }
            x.a.buf[i] = A_BREAK | A_ATEMPTY;
        }
    struct field f = { SB_INIT, SB_INIT, false, false };
    for (size_t i = 0; i < x.c.len; i++) {
        char c = x.c.buf[i];
        int at = (unsigned char)x.a.buf[i];
        if (at & A_ATEMPTY)
            continue;
        if (at & A_BREAK) {
            if (f.exists || f.text.len)
                field_emit(&x, &f, out);
            continue;
        }
        if (at & A_QMARK) {
            f.exists = true;
            continue;
        }
        if ((at & A_EXP) && c && strchr(ifs, c)) {
            bool ws = c == ' ' || c == '\t' || c == '\n';
            if (ws) {
                if (f.exists || f.text.len)
                    field_emit(&x, &f, out);
            } else {
                field_emit(&x, &f, out);
            }
            continue;
        }
        sb_addch(&f.text, c);
        if (!(at & A_QUOTED) && (c == '*' || c == '?' || c == '[')) {
            f.globby = true;
            sb_addch(&f.pat, c);
        } else {
            if (strchr("*?[]\\", c))
                sb_addch(&f.pat, '\\');
            sb_addch(&f.pat, c);
        }
        f.exists = true;
    }
    if (f.exists || f.text.len)
        field_emit(&x, &f, out);
    sb_release(&f.text);
    sb_release(&f.pat);
    sb_release(&x.c);
    sb_release(&x.a);
    return 0;
}

int sx_string(struct pns *ns, struct proc *p, struct sword w, struct sb *out)
{
    struct xctx x = { ns, p, p->sh, SB_INIT, SB_INIT, true, 0 };
    int rc = expand_part(&x, w.s, w.len, false, false);
    if (rc == 0) {
        const char *ifs = ifs_of(p->sh);
        for (size_t i = 0; i < x.c.len; i++) {
            int at = (unsigned char)x.a.buf[i];
            if (at & (A_QMARK | A_ATEMPTY))
                continue;
            if (at & A_BREAK) {
                /* "$@" in a string context joins with a space */
                sb_addch(out, *ifs ? ifs[0] : ' ');
                continue;
            }
            sb_addch(out, x.c.buf[i]);
        }
    }
    sb_release(&x.c);
    sb_release(&x.a);
    return rc;
}

int sx_pattern(struct pns *ns, struct proc *p, struct sword w, struct sb *out)
{
    struct xctx x = { ns, p, p->sh, SB_INIT, SB_INIT, false, 0 };
    int rc = expand_part(&x, w.s, w.len, false, true);
    if (rc == 0)
        for (size_t i = 0; i < x.c.len; i++) {
            int at = (unsigned char)x.a.buf[i];
            if (at & (A_QMARK | A_BREAK | A_ATEMPTY))
                continue;
            char c = x.c.buf[i];
            if ((at & A_QUOTED) && strchr("*?[]\\", c))
                sb_addch(out, '\\');
            sb_addch(out, c);
        }
    sb_release(&x.c);
    sb_release(&x.a);
    return rc;
}

int sx_heredoc(struct pns *ns, struct proc *p, const char *s, size_t len,
               struct sb *out)
{
    /* like double quotes, but " is an ordinary character */
    struct xctx x = { ns, p, p->sh, SB_INIT, SB_INIT, false, 0 };
    int rc = 0;
    size_t i = 0;
    while (i < len && rc == 0) {
        size_t j = i;
        while (j < len && s[j] != '"')
            j++;
        rc = expand_part(&x, s + i, j - i, true, false);
        if (j < len)
            put(&x, '"', A_QUOTED);
        i = j + 1;
    }
    if (rc == 0)
        for (size_t k = 0; k < x.c.len; k++)
            if (!(x.a.buf[k] & (A_QMARK | A_BREAK | A_ATEMPTY)))
                sb_addch(out, x.c.buf[k]);
    sb_release(&x.c);
    sb_release(&x.a);
    return rc;
}

/* ===================================================================== */
/* Arithmetic                                                            */
/* ===================================================================== */

struct ax {
    struct pns *ns;
    struct proc *p;
    const char *s;
    size_t len, i;
    bool err;
    const char *why;
    bool noeval;
};

static void ax_ws(struct ax *a)
{
    while (a->i < a->len && strchr(" \t\n", a->s[a->i]))
        a->i++;
}

static bool ax_eat(struct ax *a, const char *op)
{
    ax_ws(a);
    size_t l = strlen(op);
    if (a->i + l <= a->len && memcmp(a->s + a->i, op, l) == 0) {
        /* don't take "<" out of "<<" or "<=" etc. */
        if (l == 1 && a->i + 1 < a->len) {
            char n = a->s[a->i + 1];
            if ((op[0] == '<' || op[0] == '>') && (n == op[0] || n == '='))
                return false;
            if ((op[0] == '&' || op[0] == '|') && n == op[0])
                return false;
            if ((op[0] == '*' && n == '*') || (op[0] == '=' && n == '='))
                return false;
            if (strchr("+-*/%&|^", op[0]) && n == '=')
                return false;
            if ((op[0] == '+' || op[0] == '-') && n == op[0])
                return false;
            if (op[0] == '!' && n == '=')
                return false;
        }
        if (l == 2 && a->i + 2 < a->len && a->s[a->i + 2] == '=' &&
            (strcmp(op, "<<") == 0 || strcmp(op, ">>") == 0))
            return false;
        a->i += l;
        return true;
    }
    return false;
}

static long long ax_expr(struct ax *a);

static long long ax_var(struct ax *a, const char *name)
{
    const char *v = shv_get(a->p->sh, name);
    if (!v || !*v)
        return 0;
    char *end;
    long long n = strtoll(v, &end, 0);
    while (*end == ' ')
        end++;
    if (*end) {
        /* bash evaluates the value as an expression */
        struct ax b = { a->ns, a->p, v, strlen(v), 0, false, NULL, a->noeval };
        n = ax_expr(&b);
        if (b.err) {
            a->err = true;
            a->why = b.why;
        }
    }
    return n;
}

static void ax_assign(struct ax *a, const char *name, long long v)
{
    if (a->noeval)
        return;
    struct sb b = SB_INIT;
    sb_addf(&b, "%lld", v);
    shv_set(a->ns, a->p, name, b.buf);
    sb_release(&b);
}

static long long ax_primary(struct ax *a)
{
    ax_ws(a);
    if (a->i >= a->len) {
        a->err = true;
        a->why = "expecting primary";
        return 0;
    }
    char c = a->s[a->i];
    if (c == '(') {
        a->i++;
        long long v = ax_expr(a);
        if (!ax_eat(a, ")")) {
            a->err = true;
            a->why = "expecting ')'";
        }
        return v;
    }
    if (c >= '0' && c <= '9') {
        char *end;
        const char *start = a->s + a->i;
        long long v;
        if (c == '0' && a->i + 1 < a->len &&
            (a->s[a->i + 1] == 'x' || a->s[a->i + 1] == 'X'))
            v = strtoll(start, &end, 16);
        else if (c == '0')
            v = strtoll(start, &end, 8);
        else
            v = strtoll(start, &end, 10);
        a->i += (size_t)(end - start);
        if (a->i < a->len && is_name_char(a->s[a->i])) {
            a->err = true;
            a->why = "value too great for base";
        }
        return v;
    }
    if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        size_t st = a->i;
        while (a->i < a->len && is_name_char(a->s[a->i]))
            a->i++;
        char *name = xmemdup0(a->s + st, a->i - st);
        long long v = ax_var(a, name);
        ax_ws(a);
        if (a->i + 1 < a->len && a->s[a->i] == '+' && a->s[a->i + 1] == '+') {
            a->i += 2;
            ax_assign(a, name, v + 1);
        } else if (a->i + 1 < a->len && a->s[a->i] == '-' &&
                   a->s[a->i + 1] == '-') {
            a->i += 2;
            ax_assign(a, name, v - 1);
        } else {
            static const char *const ops[] = { "+=", "-=", "*=", "/=", "%=",
                                               "<<=", ">>=", "&=", "^=",
                                               "|=" };
            size_t save = a->i;
            for (size_t k = 0; k < ARRAY_LEN(ops); k++) {
                size_t l = strlen(ops[k]);
                if (a->i + l <= a->len && memcmp(a->s + a->i, ops[k], l) == 0) {
                    a->i += l;
                    long long r = ax_expr(a);
                    long long nv = v;
                    switch (ops[k][0]) {
                    case '+': nv = v + r; break;
                    case '-': nv = v - r; break;
                    case '*': nv = v * r; break;
                    case '/':
                    case '%':
                        if (r == 0) {
                            a->err = true;
                            a->why = "division by zero";
                            free(name);
                            return 0;
                        }
                        nv = ops[k][0] == '/' ? v / r : v % r;
                        break;
                    case '<': nv = v << r; break;
                    case '>': nv = v >> r; break;
                    case '&': nv = v & r; break;
                    case '^': nv = v ^ r; break;
                    case '|': nv = v | r; break;
                    }
                    ax_assign(a, name, nv);
                    free(name);
                    return nv;
                }
            }
            a->i = save;
            if (a->i < a->len && a->s[a->i] == '=' &&
                !(a->i + 1 < a->len && a->s[a->i + 1] == '=')) {
                a->i++;
                long long r = ax_expr(a);
                ax_assign(a, name, r);
                free(name);
                return r;
            }
        }
        free(name);
        return v;
    }
    a->err = true;
    a->why = "expecting primary";
    return 0;
}

static long long ax_unary(struct ax *a)
{
    ax_ws(a);
    if (a->i + 1 < a->len && (a->s[a->i] == '+' || a->s[a->i] == '-') &&
        a->s[a->i + 1] == a->s[a->i]) {
        bool inc = a->s[a->i] == '+';
        a->i += 2;
        ax_ws(a);
        size_t st = a->i;
        while (a->i < a->len && is_name_char(a->s[a->i]))
            a->i++;
        if (st == a->i) {
            a->err = true;
            a->why = "expecting primary";
            return 0;
        }
        char *name = xmemdup0(a->s + st, a->i - st);
        long long v = ax_var(a, name) + (inc ? 1 : -1);
        ax_assign(a, name, v);
        free(name);
        return v;
    }
    if (ax_eat(a, "-"))
        return -ax_unary(a);
    if (ax_eat(a, "+"))
        return ax_unary(a);
    if (ax_eat(a, "!"))
        return !ax_unary(a);
    if (ax_eat(a, "~"))
        return ~ax_unary(a);
    return ax_primary(a);
}

static long long ax_pow(struct ax *a)
{
    long long b = ax_unary(a);
    if (ax_eat(a, "**")) {
        long long e = ax_pow(a);
        long long r = 1;
        for (long long k = 0; k < e && k < 64; k++)
            r *= b;
        return e < 0 ? 0 : r;
    }
    return b;
}

static long long ax_mul(struct ax *a)
{
    long long v = ax_pow(a);
    for (;;) {
        if (ax_eat(a, "*")) {
            v *= ax_pow(a);
        } else if (ax_eat(a, "/") || ax_eat(a, "%")) {
            char op = a->s[a->i - 1];
            long long r = ax_pow(a);
            if (r == 0) {
                if (!a->noeval) {
                    a->err = true;
                    a->why = "division by zero";
                }
                return 0;
            }
            v = op == '/' ? v / r : v % r;
        } else {
            return v;
        }
    }
}

static long long ax_add(struct ax *a)
{
    long long v = ax_mul(a);
    for (;;) {
        if (ax_eat(a, "+"))
            v += ax_mul(a);
        else if (ax_eat(a, "-"))
            v -= ax_mul(a);
        else
            return v;
    }
}

static long long ax_shift(struct ax *a)
{
    long long v = ax_add(a);
    for (;;) {
        if (ax_eat(a, "<<"))
            v <<= ax_add(a);
        else if (ax_eat(a, ">>"))
            v >>= ax_add(a);
        else
            return v;
    }
}

static long long ax_rel(struct ax *a)
{
    long long v = ax_shift(a);
    for (;;) {
        if (ax_eat(a, "<="))
            v = v <= ax_shift(a);
        else if (ax_eat(a, ">="))
            v = v >= ax_shift(a);
        else if (ax_eat(a, "<"))
            v = v < ax_shift(a);
        else if (ax_eat(a, ">"))
            v = v > ax_shift(a);
        else
            return v;
    }
}

static long long ax_eq(struct ax *a)
{
    long long v = ax_rel(a);
    for (;;) {
        if (ax_eat(a, "=="))
            v = v == ax_rel(a);
        else if (ax_eat(a, "!="))
            v = v != ax_rel(a);
        else
            return v;
    }
}

static long long ax_band(struct ax *a)
{
    long long v = ax_eq(a);
    while (ax_eat(a, "&"))
        v &= ax_eq(a);
    return v;
}

static long long ax_bxor(struct ax *a)
{
    long long v = ax_band(a);
    while (ax_eat(a, "^"))
        v ^= ax_band(a);
    return v;
}

static long long ax_bor(struct ax *a)
{
    long long v = ax_bxor(a);
    while (ax_eat(a, "|"))
        v |= ax_bxor(a);
    return v;
}

static long long ax_land(struct ax *a)
{
    long long v = ax_bor(a);
    while (ax_eat(a, "&&")) {
        bool save = a->noeval;
        if (!v)
            a->noeval = true;
        long long r = ax_bor(a);
        a->noeval = save;
        v = v && r;
    }
    return v;
}

static long long ax_lor(struct ax *a)
{
    long long v = ax_land(a);
    while (ax_eat(a, "||")) {
        bool save = a->noeval;
        if (v)
            a->noeval = true;
        long long r = ax_land(a);
        a->noeval = save;
        v = v || r;
    }
    return v;
}

static long long ax_expr(struct ax *a)
{
    long long c = ax_lor(a);
    if (ax_eat(a, "?")) {
        bool save = a->noeval;
        if (!c)
            a->noeval = true;
        long long t = ax_expr(a);
        a->noeval = save;
        if (!ax_eat(a, ":")) {
            a->err = true;
            a->why = "expecting ':'";
            return 0;
        }
        if (c)
            a->noeval = true;
        long long f = ax_expr(a);
        a->noeval = save;
        return c ? t : f;
    }
    return c;
}

int sx_arith(struct pns *ns, struct proc *p, const char *expr, size_t len,
             long long *val)
{
    struct ax a = { ns, p, expr, len, 0, false, NULL, false };
    ax_ws(&a);
    if (a.i >= a.len) {
        *val = 0;
        return 0;
    }
    long long v = ax_expr(&a);
    ax_ws(&a);
    if (!a.err && a.i < a.len) {
        a.err = true;
        a.why = "expecting EOF";
    }
    if (a.err) {
        struct sh *sh = p->sh;
        char *e = xmemdup0(expr, len);
        if (sh->fl == SH_BASH)
            sh_err(ns, p, "%s: %s", e,
                   strcmp(a.why, "division by zero") == 0
                       ? "division by 0 (error token is \"0\")"
                       : "syntax error: invalid arithmetic operator");
        else if (sh->fl == SH_DASH)
            sh_err(ns, p, "arithmetic expression: %s: \"%s\"", a.why, e);
        else
            sh_err(ns, p, "arithmetic syntax error");
        free(e);
        return -1;
    }
    *val = v;
    return 0;
}
