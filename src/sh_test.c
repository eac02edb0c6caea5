/*
 * sh_test.c: `test` / `[` (POSIX, with each flavour's quirks and error
 * texts) and bash's `[[ ... ]]`.
 */
#include "sh_impl.h"

#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "vfs.h"
#include "xmalloc.h"

struct tctx {
    struct pns *ns;
    struct proc *p;
    enum sh_flavor fl;
    char **argv;
    int argc, i;
    struct sb *err;
    const char *prefix;
    bool failed;   /* an error was printed: status 2 */
};

static void terr(struct tctx *t, const char *fmt, const char *arg)
{
    if (t->failed)
        return;
    t->failed = true;
    sb_adds(t->err, t->prefix);
    sb_addf(t->err, fmt, arg ? arg : "");
    sb_addch(t->err, '\n');
}

static bool is_unary(const char *s)
{
    static const char *const ops[] = { "-n", "-z", "-f", "-d", "-e", "-x",
                                       "-r", "-w", "-s", "-L", "-h", "-b",
                                       "-c", "-p", "-S", "-t", "-g", "-u",
                                       "-k", "-O", "-G", "-N", "-a" };
    for (size_t i = 0; i < ARRAY_LEN(ops); i++)
        if (strcmp(s, ops[i]) == 0)
            return true;
    return false;
}

static bool is_binary(struct tctx *t, const char *s)
{
    static const char *const ops[] = { "=", "!=", "-eq", "-ne", "-lt",
                                       "-le", "-gt", "-ge", "-nt", "-ot",
                                       "-ef", "<", ">" };
    for (size_t i = 0; i < ARRAY_LEN(ops); i++)
        if (strcmp(s, ops[i]) == 0)
            return true;
    return strcmp(s, "==") == 0 && t->fl != SH_DASH;
}

static bool number(struct tctx *t, const char *s, long long *v)
{
    const char *p = s;
    while (*p == ' ' || *p == '\t')
        p++;
    char *end;
    errno = 0;
    *v = strtoll(p, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == p || *end || errno) {
        if (t->fl == SH_DASH)
            terr(t, "Illegal number: %s", s);
        else if (t->fl == SH_BASH)
            terr(t, "%s: integer expression expected", s);
        else
            terr(t, "%s: bad number", s);
        return false;
    }
    return true;
}

static bool unary(struct tctx *t, const char *op, const char *arg)
{
    if (strcmp(op, "-n") == 0)
        return *arg != '\0';
    if (strcmp(op, "-z") == 0)
        return *arg == '\0';
    if (strcmp(op, "-t") == 0)
        return t->ns->tty && (strcmp(arg, "0") == 0 || strcmp(arg, "1") == 0 ||
                              strcmp(arg, "2") == 0);
    int err = 0;
    bool link = strcmp(op, "-L") == 0 || strcmp(op, "-h") == 0;
    const struct vfs_entry *e = ufs_stat(t->ns, t->p, arg, !link, &err);
    if (!e)
        return false;
    switch (op[1]) {
    case 'e':
    case 'a':
        return true;
    case 'f':
        return e->type == VFS_FILE;
    case 'd':
        return e->type == VFS_DIR;
    case 'L':
    case 'h':
        return e->type == VFS_SYMLINK;
    case 'x':
        return ufs_may_exec(t->p, e);
    case 'r':
        return ufs_may_read(t->p, e);
    case 'w':
        return ufs_may_write(t->ns, t->p, e) == 0;
    case 's':
        return e->type == VFS_DIR || e->len > 0;
    case 'u':
        return (e->mode & 04000) != 0;
    case 'g':
        return (e->mode & 02000) != 0;
    case 'k':
        return (e->mode & 01000) != 0;
    case 'O':
        return e->uid == t->p->uid;
    case 'G':
        return e->gid == t->p->gid;
    default:
        return false;
    }
}

static bool binary(struct tctx *t, const char *a, const char *op,
                   const char *b)
{
    if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
        return strcmp(a, b) == 0;
    if (strcmp(op, "!=") == 0)
        return strcmp(a, b) != 0;
    if (strcmp(op, "<") == 0)
        return strcmp(a, b) < 0;
    if (strcmp(op, ">") == 0)
        return strcmp(a, b) > 0;
    if (strcmp(op, "-nt") == 0 || strcmp(op, "-ot") == 0 ||
        strcmp(op, "-ef") == 0) {
        int err;
        const struct vfs_entry *x = ufs_stat(t->ns, t->p, a, true, &err);
        const struct vfs_entry *y = ufs_stat(t->ns, t->p, b, true, &err);
        if (strcmp(op, "-ef") == 0)
            return x && y && x == y;
        return strcmp(op, "-nt") == 0 ? (x && !y) : (!x && y);
    }
    long long x, y;
    if (!number(t, a, &x) || !number(t, b, &y))
        return false;
    if (strcmp(op, "-eq") == 0)
        return x == y;
    if (strcmp(op, "-ne") == 0)
        return x != y;
    if (strcmp(op, "-lt") == 0)
        return x < y;
    if (strcmp(op, "-le") == 0)
        return x <= y;
    if (strcmp(op, "-gt") == 0)
        return x > y;
    return x >= y;
}

static const char *cur(struct tctx *t)
{
    return t->i < t->argc ? t->argv[t->i] : NULL;
}

static bool oexpr(struct tctx *t);

static bool primary(struct tctx *t)
{
    const char *a = cur(t);
    if (!a) {
        terr(t, t->fl == SH_BASH ? "argument expected" : "argument expected",
             NULL);
        return false;
    }
    if (strcmp(a, "(") == 0 && t->i + 1 < t->argc) {
        t->i++;
        bool v = oexpr(t);
        if (!cur(t) || strcmp(cur(t), ")") != 0) {
            terr(t, t->fl == SH_BASH ? "`)' expected" : "closing paren expected",
                 NULL);
            return false;
        }
        t->i++;
        return v;
    }
    if (is_unary(a) && t->i + 1 < t->argc &&
        !(t->i + 2 < t->argc && is_binary(t, t->argv[t->i + 1]))) {
        t->i += 2;
        return unary(t, a, t->argv[t->i - 1]);
    }
    if (t->i + 2 < t->argc + 0 && t->i + 1 < t->argc &&
        is_binary(t, t->argv[t->i + 1])) {
        const char *op = t->argv[t->i + 1];
        const char *b = t->argv[t->i + 2];
        t->i += 3;
        return binary(t, a, op, b);
    }
    if (is_unary(a) && t->i + 1 >= t->argc && t->argc > 1 && false)
        return false;
    t->i++;
    return *a != '\0';
}

static bool nexpr(struct tctx *t)
{
    if (cur(t) && strcmp(cur(t), "!") == 0 && t->i + 1 < t->argc) {
        t->i++;
        return !nexpr(t);
    }
    return primary(t);
}

static bool aexpr(struct tctx *t)
{
    bool v = nexpr(t);
    while (cur(t) && strcmp(cur(t), "-a") == 0) {
        t->i++;
        bool r = nexpr(t);
        v = v && r;
    }
    return v;
}

static bool oexpr(struct tctx *t)
{
    bool v = aexpr(t);
    while (cur(t) && strcmp(cur(t), "-o") == 0) {
        t->i++;
        bool r = aexpr(t);
        v = v || r;
    }
    return v;
}

int sh_test(struct pns *ns, struct proc *p, enum sh_flavor fl, int argc,
            char **argv, struct sb *err, const char *prefix)
{
    struct tctx t = { ns, p, fl, argv + 1, argc - 1, 0, err, prefix, false };
    if (strcmp(argv[0], "[") == 0) {
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
            terr(&t, fl == SH_BASH ? "missing `]'" : "missing ]", NULL);
            return 2;
        }
        t.argc--;
    }
    bool v;
    switch (t.argc) {
    case 0:
        return 1;
    case 1:
        return argv[1][0] ? 0 : 1;
    case 2:
        if (strcmp(t.argv[0], "!") == 0)
            return t.argv[1][0] ? 1 : 0;
        if (is_unary(t.argv[0])) {
            v = unary(&t, t.argv[0], t.argv[1]);
            return t.failed ? 2 : v ? 0 : 1;
        }
        if (fl == SH_DASH)
            terr(&t, "%s: unexpected operator", t.argv[0]);
        else if (fl == SH_BASH)
            terr(&t, "%s: unary operator expected", t.argv[0]);
        else
            terr(&t, "%s: unknown operand", t.argv[0]);
        return 2;
    case 3:
        if (is_binary(&t, t.argv[1])) {
            v = binary(&t, t.argv[0], t.argv[1], t.argv[2]);
            return t.failed ? 2 : v ? 0 : 1;
        }
        if (strcmp(t.argv[1], "-a") != 0 && strcmp(t.argv[1], "-o") != 0 &&
            strcmp(t.argv[0], "!") != 0 && strcmp(t.argv[0], "(") != 0) {
            if (fl == SH_DASH)
                terr(&t, "%s: unexpected operator", t.argv[0]);
            else if (fl == SH_BASH)
                terr(&t, "%s: binary operator expected", t.argv[1]);
            else
                terr(&t, "%s: unknown operand", t.argv[1]);
            return 2;
        }
        break;
    default:
        break;
    }
    v = oexpr(&t);
    if (!t.failed && t.i < t.argc) {
        if (fl == SH_BASH)
            terr(&t, "too many arguments", NULL);
        else if (fl == SH_DASH)
            terr(&t, "%s: unexpected operator", t.argv[t.i > 0 ? t.i - 1 : 0]);
        else
            terr(&t, "%s: unknown operand", t.argv[t.i]);
    }
    return t.failed ? 2 : v ? 0 : 1;
}

/* ===================================================================== */
/* [[ ... ]]                                                             */
/* ===================================================================== */

struct dbx {
    struct pns *ns;
    struct proc *p;
    const struct sword *w;
    size_t n, i;
    struct tctx t;
    bool err;
};

static bool dword_is(const struct dbx *d, const char *s)
{
    return d->i < d->n && d->w[d->i].len == strlen(s) &&
           memcmp(d->w[d->i].s, s, d->w[d->i].len) == 0;
}

static char *dexpand(struct dbx *d, size_t k)
{
    struct sb out = SB_INIT;
    if (sx_string(d->ns, d->p, d->w[k], &out) < 0)
        d->err = true;
    return sb_detach(&out, NULL);
}

static bool dor(struct dbx *d);

static bool dprimary(struct dbx *d)
{
    if (d->i >= d->n) {
        d->err = true;
        return false;
    }
    if (dword_is(d, "(")) {
        d->i++;
        bool v = dor(d);
        if (dword_is(d, ")"))
            d->i++;
        else
            d->err = true;
        return v;
    }
    /* unary */
    char *first = NULL;
    if (d->i + 1 < d->n) {
        struct sb raw = SB_INIT;
        sb_add(&raw, d->w[d->i].s, d->w[d->i].len);
        bool un = is_unary(raw.buf) && raw.buf[0] == '-';
        bool next_bin = false;
        if (d->i + 2 < d->n) {
            struct sb nb = SB_INIT;
            sb_add(&nb, d->w[d->i + 1].s, d->w[d->i + 1].len);
            next_bin = is_binary(&d->t, nb.buf) || strcmp(nb.buf, "==") == 0 ||
                       strcmp(nb.buf, "=~") == 0;
            sb_release(&nb);
        }
        if (un && !next_bin) {
            char *arg = dexpand(d, d->i + 1);
            bool v = unary(&d->t, raw.buf, arg);
            free(arg);
            sb_release(&raw);
            d->i += 2;
            return v;
        }
        sb_release(&raw);
    }
    first = dexpand(d, d->i);
    d->i++;
    if (d->i < d->n) {
        struct sb op = SB_INIT;
        sb_add(&op, d->w[d->i].s, d->w[d->i].len);
        bool v = false, handled = true;
        if (d->i + 1 >= d->n) {
            handled = false;
        } else if (strcmp(op.buf, "==") == 0 || strcmp(op.buf, "=") == 0 ||
                   strcmp(op.buf, "!=") == 0) {
            struct sb pat = SB_INIT;
            if (sx_pattern(d->ns, d->p, d->w[d->i + 1], &pat) < 0)
                d->err = true;
            v = sh_pattern_match(pat.buf, first);
            if (op.buf[0] == '!')
                v = !v;
            sb_release(&pat);
        } else if (strcmp(op.buf, "=~") == 0) {
            char *re = dexpand(d, d->i + 1);
            regex_t rx;
            if (regcomp(&rx, re, REG_EXTENDED | REG_NOSUB) == 0) {
                v = regexec(&rx, first, 0, NULL, 0) == 0;
                regfree(&rx);
            } else {
                v = false;
            }
            free(re);
        } else if (is_binary(&d->t, op.buf)) {
            char *b = dexpand(d, d->i + 1);
            v = binary(&d->t, first, op.buf, b);
            free(b);
        } else {
            handled = false;
        }
        sb_release(&op);
        if (handled) {
            d->i += 2;
            free(first);
            return v;
        }
    }
    bool v = *first != '\0';
    free(first);
    return v;
}

static bool dnot(struct dbx *d)
{
    if (dword_is(d, "!")) {
        d->i++;
        return !dnot(d);
    }
    return dprimary(d);
}

static bool dand(struct dbx *d)
{
    bool v = dnot(d);
    while (dword_is(d, "&&")) {
        d->i++;
        bool r = dnot(d);
        v = v && r;
    }
    return v;
}

static bool dor(struct dbx *d)
{
    bool v = dand(d);
    while (dword_is(d, "||")) {
        d->i++;
        bool r = dand(d);
        v = v || r;
    }
    return v;
}

int sh_dbracket(struct pns *ns, struct proc *p, const struct sword *w,
                size_t n, struct sb *err, const char *prefix)
{
    struct dbx d = { ns, p, w, n, 0, { ns, p, p->sh->fl, NULL, 0, 0, err,
                                       prefix, false }, false };
    if (n == 0)
        return 2;
    bool v = dor(&d);
    if (d.err || d.t.failed || d.i < d.n)
        return d.t.failed ? 2 : (d.err ? 1 : (v ? 0 : 1));
    return v ? 0 : 1;
}
