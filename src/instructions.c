/*
 * instructions.c: BuildKit's instructions.Parse (frontend/dockerfile/
 * instructions/parse.go, bflag.go) in C. The order of the checks inside
 * each instruction decides which error a learner sees, so it follows
 * BuildKit's order exactly (dockerfile-semantics.md §4).
 */
#include "instructions.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "gostr.h"
#include "sb.h"
#include "unicode.h"
#include "xmalloc.h"

/* An error of one instruction: a malloc'd message, wrapped by the caller
 * as "dockerfile parse error on line N: ...". */
struct ierr {
    char *msg;
    size_t len; /* the message may hold NUL bytes from the input */
};

static int fail(struct ierr *e, const char *fmt, ...) ATTR_PRINTF(2, 3);

static int fail(struct ierr *e, const char *fmt, ...)
{
    va_list ap;
    struct sb m = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    e->msg = sb_detach(&m, &e->len);
    return -1;
}

static int fail_sb(struct ierr *e, struct sb *m)
{
    e->msg = sb_detach(m, &e->len);
    return -1;
}

static struct span span_of(const char *s)
{
    struct span r = { s, strlen(s) };
    return r;
}

/* Go regexp \s: [\t\n\f\r ] */
static bool re_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static bool span_eq(struct span a, const char *b)
{
    return a.len == strlen(b) && memcmp(a.s, b, a.len) == 0;
}

static struct span span_dup(struct arena *a, const char *s, size_t len)
{
    struct span r = { arena_memdup0(a, s, len), len };
    return r;
}

/* ==================================================================== */
/* "did you mean" (buildkit util/suggest)                               */
/* ==================================================================== */

/*
 * The candidate closest to v with distance < 3, or NULL. On equal
 * distances BuildKit's choice depends on Go map order; we take the first
 * in the order given.
 */
static const char *suggest(const char *v, size_t vlen,
                           const char *const *options, size_t n,
                           bool case_sensitive)
{
    struct sb lv = SB_INIT;
    const char *best = NULL;
    size_t min = 3;
    if (vlen == 0)
        return NULL;
    if (case_sensitive)
        sb_add(&lv, v, vlen);
    else
        go_to_lower(&lv, v, vlen);
    for (size_t i = 0; i < n; i++) {
        struct sb lo = SB_INIT;
        if (case_sensitive)
            sb_adds(&lo, options[i]);
        else
            go_to_lower(&lo, options[i], strlen(options[i]));
        if (lo.len == lv.len && memcmp(lo.buf, lv.buf, lv.len) == 0) {
            sb_release(&lo);
            best = NULL;
            break;
        }
        size_t d = go_levenshtein(lv.buf, lv.len, lo.buf, lo.len);
        if (d < min) {
            min = d;
            best = options[i];
        }
        sb_release(&lo);
    }
    sb_release(&lv);
    return best;
}

/* ==================================================================== */
/* Flags (BFlags)                                                       */
/* ==================================================================== */

static int parse_flags(struct arena *a, struct instr *in, struct ierr *e)
{
    const struct ast_node *n = in->node;
    size_t nf = ast_n_flags(n);
    const struct span *f = ast_flags(n);
    const struct flag_def *defs = instr_table[in->kind].flags;
    bool used[16] = { false };
    in->flags = nf ? arena_calloc(a, nf, sizeof(*in->flags)) : NULL;
    in->n_flags = 0;
    for (size_t i = 0; i < nf; i++) {
        const char *arg = f[i].s + 2; /* every flag word starts with -- */
        size_t alen = f[i].len - 2;
        const char *eq = alen ? memchr(arg, '=', alen) : NULL;
        size_t nlen = eq ? (size_t)(eq - arg) : alen;
        struct span value = { "", 0 };
        if (eq) {
            value.s = eq + 1;
            value.len = alen - nlen - 1;
        }
        const struct flag_def *def = NULL;
        size_t di = 0;
        for (; defs[di].name; di++)
            if (strlen(defs[di].name) == nlen &&
                memcmp(defs[di].name, arg, nlen) == 0) {
                def = &defs[di];
                break;
            }
        if (!def) {
            const char *names[16];
            size_t k = 0;
            for (; defs[k].name && k < ARRAY_LEN(names); k++)
                names[k] = defs[k].name;
            const char *s = suggest(arg, nlen, names, k, true);
            struct sb m = SB_INIT;
            sb_adds(&m, "unknown flag: --");
            sb_add(&m, arg, nlen);
            if (s)
                sb_addf(&m, " (did you mean %s?)", s);
            return fail_sb(e, &m);
        }
        if (used[di] && def->type != FLAG_LIST)
            return fail(e, "duplicate flag specified: --%s", def->name);
        used[di] = true;
        switch (def->type) {
        case FLAG_BOOL: {
            if (eq && value.len == 0)
                return fail(e, "missing a value on flag: --%s", def->name);
            struct sb low = SB_INIT;
            go_to_lower(&low, value.s, value.len);
            bool ok = low.len == 0 || strcmp(low.buf, "true") == 0 ||
                      strcmp(low.buf, "false") == 0;
            if (!ok) {
                sb_release(&low);
                struct sb m = SB_INIT;
                sb_addf(&m, "expecting boolean value for flag --%s, not: ",
                        def->name);
                sb_add(&m, value.s, value.len);
                return fail_sb(e, &m);
            }
            value = low.len ? span_dup(a, low.buf, low.len) : span_of("true");
            sb_release(&low);
            break;
        }
        case FLAG_STRING:
        case FLAG_LIST:
            if (!eq)
                return fail(e, "missing a value on flag: --%s", def->name);
            break;
        }
        struct flag_value *fv = &in->flags[in->n_flags++];
        fv->name = def->name;
        fv->value = value;
        fv->present = true;
    }
    return 0;
}

const struct flag_value *instr_flag_value(const struct instr *in,
                                          const char *name)
{
    const struct flag_value *r = NULL;
    for (size_t i = 0; i < in->n_flags; i++)
        if (strcmp(in->flags[i].name, name) == 0)
            r = &in->flags[i];
    return r;
}

/* ==================================================================== */
/* Go's time.ParseDuration and Duration.String                          */
/* ==================================================================== */

/* time's own quote(): ASCII printable kept, others as \x bytes. */
static void time_quote(struct sb *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    sb_addch(out, '"');
    for (size_t i = 0; i < len;) {
        int w;
        long c = utf8_decode(s + i, len - i, &w);
        if (c >= 0x80 || c < ' ') {
            for (int j = 0; j < w; j++) {
                unsigned char b = (unsigned char)s[i + (size_t)j];
                sb_adds(out, "\\x");
                sb_addch(out, hex[b >> 4]);
                sb_addch(out, hex[b & 15]);
            }
        } else {
            if (c == '"' || c == '\\')
                sb_addch(out, '\\');
            sb_addch(out, (int)c);
        }
        i += (size_t)w;
    }
    sb_addch(out, '"');
}

static int duration_error(char **err, const char *what, const char *s,
                          size_t len)
{
    struct sb m = SB_INIT;
    sb_adds(&m, what);
    time_quote(&m, s, len);
    *err = sb_detach(&m, NULL);
    return -1;
}

int go_parse_duration(const char *s0, size_t len0, int64_t *ns, char **err)
{
    static const struct {
        const char *u;
        uint64_t v;
    } units[] = {
        { "ns", 1 },
        { "us", 1000 },
        { "\xC2\xB5s", 1000 }, /* U+00B5 micro sign */
        { "\xCE\xBCs", 1000 }, /* U+03BC Greek mu */
        { "ms", 1000000 },
        { "s", 1000000000ULL },
        { "m", 60000000000ULL },
        { "h", 3600000000000ULL },
    };
    const uint64_t lim = (uint64_t)1 << 63;
    const char *s = s0;
    size_t len = len0;
    uint64_t d = 0;
    bool neg = false;
    *err = NULL;
    if (len && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s++;
        len--;
    }
    if (len == 1 && s[0] == '0') {
        *ns = 0;
        return 0;
    }
    if (len == 0)
        return duration_error(err, "time: invalid duration ", s0, len0);
    while (len) {
        uint64_t v = 0, f = 0;
        double scale = 1;
        if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9')))
            return duration_error(err, "time: invalid duration ", s0, len0);
        size_t i = 0;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
            if (v > lim / 10)
                return duration_error(err, "time: invalid duration ", s0,
                                      len0);
            v = v * 10 + (uint64_t)(s[i] - '0');
            if (v > lim)
                return duration_error(err, "time: invalid duration ", s0,
                                      len0);
        }
        bool pre = i > 0;
        s += i;
        len -= i;
        bool post = false;
        if (len && s[0] == '.') {
            s++;
            len--;
            bool overflow = false;
            i = 0;
            for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
                if (overflow)
                    continue;
                if (f > (lim - 1) / 10) {
                    overflow = true;
                    continue;
                }
                uint64_t y = f * 10 + (uint64_t)(s[i] - '0');
                if (y > lim) {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10;
            }
            post = i > 0;
            s += i;
            len -= i;
        }
        if (!pre && !post)
            return duration_error(err, "time: invalid duration ", s0, len0);
        i = 0;
        while (i < len && s[i] != '.' && !(s[i] >= '0' && s[i] <= '9'))
            i++;
        if (i == 0)
            return duration_error(err, "time: missing unit in duration ", s0,
                                  len0);
        uint64_t unit = 0;
        for (size_t k = 0; k < ARRAY_LEN(units); k++)
            if (strlen(units[k].u) == i && memcmp(units[k].u, s, i) == 0)
                unit = units[k].v;
        if (!unit) {
            struct sb m = SB_INIT;
            sb_adds(&m, "time: unknown unit ");
            time_quote(&m, s, i);
            sb_adds(&m, " in duration ");
            time_quote(&m, s0, len0);
            *err = sb_detach(&m, NULL);
            return -1;
        }
        s += i;
        len -= i;
        if (v > lim / unit)
            return duration_error(err, "time: invalid duration ", s0, len0);
        v *= unit;
        if (f > 0) {
            v += (uint64_t)((double)f * ((double)unit / scale));
            if (v > lim)
                return duration_error(err, "time: invalid duration ", s0,
                                      len0);
        }
        d += v;
        if (d > lim)
            return duration_error(err, "time: invalid duration ", s0, len0);
    }
    if (neg) {
        *ns = d == lim ? INT64_MIN : -(int64_t)d;
        return 0;
    }
    if (d > lim - 1)
        return duration_error(err, "time: invalid duration ", s0, len0);
    *ns = (int64_t)d;
    return 0;
}

/* Go's fmtFrac/fmtInt pieces of Duration.String. */
void go_format_duration(struct sb *out, int64_t ns)
{
    char buf[32];
    int w = (int)sizeof(buf);
    uint64_t u = (uint64_t)ns;
    bool neg = ns < 0;
    if (neg)
        u = -u;
    if (u < 1000000000ULL) {
        int prec = 0;
        w--;
        buf[w] = 's';
        w--;
        if (u == 0) {
            sb_adds(out, "0s");
            return;
        } else if (u < 1000ULL) {
            prec = 0;
            buf[w] = 'n';
        } else if (u < 1000000ULL) {
            prec = 3;
            w--; /* U+00B5 is two bytes */
            memcpy(buf + w, "\xC2\xB5", 2);
        } else {
            prec = 6;
            buf[w] = 'm';
        }
        /* fmtFrac */
        bool print = false;
        for (int i = 0; i < prec; i++) {
            int digit = (int)(u % 10);
            print = print || digit != 0;
            if (print) {
                w--;
                buf[w] = (char)('0' + digit);
            }
            u /= 10;
        }
        if (print) {
            w--;
            buf[w] = '.';
        }
        /* fmtInt */
        if (u == 0) {
            w--;
            buf[w] = '0';
        } else {
            while (u > 0) {
                w--;
                buf[w] = (char)('0' + u % 10);
                u /= 10;
            }
        }
    } else {
        w--;
        buf[w] = 's';
        bool print = false;
        for (int i = 0; i < 9; i++) {
            int digit = (int)(u % 10);
            print = print || digit != 0;
            if (print) {
                w--;
                buf[w] = (char)('0' + digit);
            }
            u /= 10;
        }
        if (print) {
            w--;
            buf[w] = '.';
        }
        /* u is now whole seconds */
        uint64_t sec = u % 60;
        u /= 60;
        if (sec == 0) {
            w--;
            buf[w] = '0';
        }
        while (sec > 0) {
            w--;
            buf[w] = (char)('0' + sec % 10);
            sec /= 10;
        }
        if (u > 0) {
            w--;
            buf[w] = 'm';
            uint64_t min = u % 60;
            u /= 60;
            if (min == 0) {
                w--;
                buf[w] = '0';
            }
            while (min > 0) {
                w--;
                buf[w] = (char)('0' + min % 10);
                min /= 10;
            }
            if (u > 0) {
                w--;
                buf[w] = 'h';
                while (u > 0) {
                    w--;
                    buf[w] = (char)('0' + u % 10);
                    u /= 10;
                }
            }
        }
    }
    if (neg) {
        w--;
        buf[w] = '-';
    }
    sb_add(out, buf + w, sizeof(buf) - (size_t)w);
}

/* ==================================================================== */
/* Per-instruction parsing                                              */
/* ==================================================================== */

struct iparser {
    struct dockerfile *df;
    struct arena *a;
    struct diag_list *dl;
};

/* nodeArgs: the argument strings; ONBUILD flattens its trigger. */
static void node_args(struct arena *a, const struct ast_node *n,
                      struct instr *in)
{
    const struct ast_node *sub = ast_sub(n);
    if (!sub) {
        in->args = n->args;
        in->n_args = n->n_args;
        return;
    }
    size_t total = 0;
    for (const struct ast_node *c = sub; c; c = ast_sub(c))
        total += 1 + c->n_args;
    struct span *v = arena_alloc(a, total * sizeof(*v));
    size_t k = 0;
    for (const struct ast_node *c = sub; c; c = ast_sub(c)) {
        v[k++] = c->keyword;
        for (size_t i = 0; i < c->n_args; i++)
            v[k++] = c->args[i];
    }
    in->args = v;
    in->n_args = k;
}

static int parse_kvps(struct iparser *p, struct instr *in, const char *name,
                      struct ierr *e)
{
    if (in->n_args == 0)
        return fail(e, "%s requires at least one argument", name);
    if (in->n_args % 3 != 0)
        return fail(e, "Bad input to %s, too many arguments", name);
    in->n_pairs = in->n_args / 3;
    in->pairs = arena_calloc(p->a, in->n_pairs, sizeof(*in->pairs));
    for (size_t j = 0; j < in->n_pairs; j++) {
        struct span k = in->args[3 * j], v = in->args[3 * j + 1];
        if (k.len == 0)
            return fail(e, "%s names can not be blank", name);
        in->pairs[j].key = k;
        in->pairs[j].value = v;
        in->pairs[j].has_value = true;
        in->legacy_kv = in->args[3 * j + 2].len == 0;
    }
    return 0;
}

/* getComment: the text after "name " in the first doc comment that starts
 * so. */
static struct span get_comment(const struct ast_node *n, struct span name)
{
    struct span r = { "", 0 };
    if (name.len == 0)
        return r;
    const struct span *c = ast_comments(n);
    for (size_t i = 0; i < ast_n_comments(n); i++)
        if (c[i].len > name.len && memcmp(c[i].s, name.s, name.len) == 0 &&
            c[i].s[name.len] == ' ') {
            r.s = c[i].s + name.len + 1;
            r.len = c[i].len - name.len - 1;
            return r;
        }
    return r;
}

/* InvalidDefinitionDescription: the last doc comment's first word
 * (split at ' ') must be one of keys. */
static void check_description(struct iparser *p, const struct instr *in,
                              const char *what, const struct span *keys,
                              size_t n_keys)
{
    const struct ast_node *n = in->node;
    size_t nc = ast_n_comments(n);
    if (nc == 0 || n_keys == 0)
        return;
    struct span last = ast_comments(n)[nc - 1];
    const char *sp = last.len ? memchr(last.s, ' ', last.len) : NULL;
    size_t wl = sp ? (size_t)(sp - last.s) : last.len;
    for (size_t i = 0; i < n_keys; i++)
        if (keys[i].len == wl && memcmp(keys[i].s, last.s, wl) == 0)
            return;
    struct sb m = SB_INIT;
    sb_addf(&m, "Comment for %s should follow the format: `# ", what);
    if (n_keys > 1)
        sb_adds(&m, "<arg_key>");
    else
        sb_add(&m, keys[0].s, keys[0].len);
    sb_adds(&m, " <description>`");
    linter_run(&p->df->lint, LINT_INVALID_DEFINITION_DESCRIPTION,
               in->start_line, in->end_line, ast_comments(n), nc, m.buf);
    sb_release(&m);
}

static bool is_lower_ascii_word(struct span s, bool upper)
{
    struct sb t = SB_INIT;
    if (upper)
        go_to_upper(&t, s.s, s.len);
    else
        go_to_lower(&t, s.s, s.len);
    bool same = t.len == s.len && memcmp(t.buf, s.s, s.len) == 0;
    sb_release(&t);
    return same;
}

static int parse_from(struct iparser *p, struct instr *in, struct ierr *e)
{
    const struct ast_node *n = in->node;
    /* ParseInstructionWithLinter checks the casing first, so these are
     * reported even when the FROM then fails */
    if (in->n_args == 3) {
        struct span nm = in->args[2];
        if (!is_lower_ascii_word(nm, false)) {
            struct sb m = SB_INIT;
            sb_adds(&m, "Stage name '");
            sb_add(&m, nm.s, nm.len);
            sb_adds(&m, "' should be lowercase");
            linter_run(&p->df->lint, LINT_STAGE_NAME_CASING, in->start_line,
                       in->end_line, ast_comments(n), ast_n_comments(n),
                       m.buf);
            sb_release(&m);
        }
    }
    if (in->n_args >= 3) {
        struct span from = in->keyword, as = in->args[1];
        bool from_upper = is_lower_ascii_word(from, true);
        bool from_lower = is_lower_ascii_word(from, false);
        if ((from_upper && !is_lower_ascii_word(as, true)) ||
            (from_lower && !is_lower_ascii_word(as, false))) {
            struct sb m = SB_INIT;
            sb_addch(&m, '\'');
            sb_add(&m, as.s, as.len);
            sb_adds(&m, "' and '");
            sb_add(&m, from.s, from.len);
            sb_adds(&m, "' keywords' casing do not match");
            linter_run(&p->df->lint, LINT_FROM_AS_CASING, in->start_line,
                       in->end_line, ast_comments(n), ast_n_comments(n),
                       m.buf);
            sb_release(&m);
        }
    }
    /* parseBuildStageName */
    if (in->n_args == 3 &&
        go_equal_fold(in->args[1].s, in->args[1].len, "as", 2)) {
        struct span nm = in->args[2];
        struct sb low = SB_INIT;
        go_to_lower(&low, nm.s, nm.len);
        bool ok = low.len > 0 && low.buf[0] >= 'a' && low.buf[0] <= 'z';
        for (size_t i = 1; ok && i < low.len; i++) {
            char c = low.buf[i];
            ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '-' || c == '_' || c == '.';
        }
        if (!ok) {
            sb_release(&low);
            struct sb m = SB_INIT;
            sb_adds(&m, "invalid name for build stage: ");
            go_quote(&m, nm.s, nm.len);
            sb_adds(&m, ", name can't start with a number or contain symbols");
            return fail_sb(e, &m);
        }
        in->stage_name = span_dup(p->a, low.buf, low.len);
        in->stage_name_as_written = nm;
        sb_release(&low);
    } else if (in->n_args != 1) {
        return fail(e, "FROM requires either one or three arguments");
    }
    if (parse_flags(p->a, in, e) < 0)
        return -1;
    in->base_name = in->args[0];
    if (in->stage_name.len)
        check_description(p, in, "FROM", &in->stage_name, 1);
    return 0;
}

/* parseSourcesAndDest */
static int parse_sources(struct iparser *p, struct instr *in,
                         const char *cmd, struct ierr *e)
{
    struct heredoc h;
    struct span dest = in->args[in->n_args - 1];
    if (heredoc_parse_word(p->a, dest.s, dest.len, &h))
        return fail(e, "%s cannot accept a heredoc as a destination", cmd);
    in->dest = dest;
    size_t ns = in->n_args - 1;
    in->sources = arena_calloc(p->a, ns ? ns : 1, sizeof(*in->sources));
    in->inline_files = arena_calloc(p->a, ns ? ns : 1,
                                    sizeof(*in->inline_files));
    const struct heredoc *docs = ast_heredocs(in->node);
    size_t nd = ast_n_heredocs(in->node);
    for (size_t i = 0; i < ns; i++) {
        struct span src = in->args[i];
        if (!heredoc_parse_word(p->a, src.s, src.len, &h)) {
            in->sources[in->n_sources++] = src;
            continue;
        }
        /* heredocLookup[name]: the last heredoc with that name, or an
         * empty body */
        struct span content = { "", 0 };
        for (size_t k = 0; k < nd; k++)
            if (docs[k].name.len == h.name.len &&
                memcmp(docs[k].name.s, h.name.s, h.name.len) == 0)
                content = docs[k].content;
        struct inline_file *f = &in->inline_files[in->n_inline_files++];
        f->name = h.name;
        f->expand = h.expand;
        if (h.chomp) {
            struct sb c = SB_INIT;
            heredoc_chomp(&c, content.s, content.len);
            f->data = span_dup(p->a, c.buf, c.len);
            sb_release(&c);
        } else {
            f->data = content;
        }
    }
    return 0;
}

static void shell_dependent(struct iparser *p, struct instr *in)
{
    size_t nd = ast_n_heredocs(in->node);
    const struct heredoc *docs = ast_heredocs(in->node);
    if (nd) {
        in->files = arena_calloc(p->a, nd, sizeof(*in->files));
        for (size_t i = 0; i < nd; i++) {
            in->files[i].name = docs[i].name;
            in->files[i].data = docs[i].content;
            in->files[i].chomp = docs[i].chomp;
        }
        in->n_files = nd;
    }
    in->prepend_shell = !in->json;
    /* handleJSONArgs: JSON keeps the list; shell form is one string */
    if (in->n_args == 0) {
        in->cmdline = NULL;
        in->n_cmdline = 0;
    } else if (in->json || in->n_args == 1) {
        in->cmdline = in->args;
        in->n_cmdline = in->n_args;
    } else {
        struct sb j = SB_INIT;
        for (size_t i = 0; i < in->n_args; i++) {
            if (i)
                sb_addch(&j, ' ');
            sb_add(&j, in->args[i].s, in->args[i].len);
        }
        in->cmdline = arena_alloc(p->a, sizeof(*in->cmdline));
        in->cmdline[0] = span_dup(p->a, j.buf, j.len);
        in->n_cmdline = 1;
        sb_release(&j);
    }
}

/*
 * One record of Go's encoding/csv (comma ',', no lazy quotes), as
 * csvvalue.Fields reads a --mount value. Fields are malloc'd copies.
 * Returns 0, or -1 with *err set to the reader's message ("EOF",
 * "parse error on line 1, column 16: bare \" in non-quoted-field").
 */
static int csv_fields(struct span v, struct span **out, size_t *n, char **err)
{
    struct sb m = SB_INIT;
    size_t i = 0, cap = 0;
    *out = NULL;
    *n = 0;
    if (v.len == 0) {
        *err = xstrdup("EOF");
        return -1;
    }
    for (;;) {
        struct sb field = SB_INIT;
        if (i < v.len && v.s[i] == '"') {
            /* quoted field */
            size_t start = i;
            i++;
            bool closed = false;
            while (i < v.len) {
                if (v.s[i] == '"') {
                    if (i + 1 < v.len && v.s[i + 1] == '"') {
                        sb_addch(&field, '"');
                        i += 2;
                        continue;
                    }
                    closed = true;
                    i++;
                    break;
                }
                sb_addch(&field, v.s[i++]);
            }
            (void)start;
            if (!closed || (i < v.len && v.s[i] != ',')) {
                sb_addf(&m, "parse error on line 1, column %zu: extraneous or "
                            "missing \" in quoted-field",
                        closed ? i : i + 1);
                sb_release(&field);
                goto fail;
            }
        } else {
            while (i < v.len && v.s[i] != ',') {
                if (v.s[i] == '"') {
                    sb_addf(&m, "parse error on line 1, column %zu: bare \" "
                                "in non-quoted-field",
                            i + 1);
                    sb_release(&field);
                    goto fail;
                }
                sb_addch(&field, v.s[i++]);
            }
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 4;
            *out = xreallocarray(*out, cap, sizeof(**out));
        }
        size_t fl = field.len;
        (*out)[*n].s = sb_detach(&field, NULL);
        (*out)[*n].len = fl;
        (*n)++;
        if (i >= v.len)
            break;
        i++; /* the comma */
    }
    return 0;
fail:
    for (size_t k = 0; k < *n; k++)
        free((char *)(*out)[k].s);
    free(*out);
    *out = NULL;
    *n = 0;
    *err = sb_detach(&m, NULL);
    return -1;
}

static int parse_run(struct iparser *p, struct instr *in, struct ierr *e)
{
    if (parse_flags(p->a, in, e) < 0)
        return -1;
    shell_dependent(p, in);
    /* post hooks, in Go's file order: device, mount, network, security */
    for (size_t i = 0; i < in->n_flags; i++) {
        const struct flag_value *f = &in->flags[i];
        if (strcmp(f->name, "mount") != 0)
            continue;
        /* parseMount with no expander: encoding/csv first, then only the
         * from= check (the rest waits for the expansion at build time) */
        struct span *fields = NULL;
        size_t nf = 0;
        char *cerr = NULL;
        if (csv_fields(f->value, &fields, &nf, &cerr) < 0) {
            struct sb m = SB_INIT;
            sb_addf(&m, "failed to parse csv mounts: %s", cerr);
            free(cerr);
            return fail_sb(e, &m);
        }
        int rc = 0;
        for (size_t k = 0; k < nf && rc == 0; k++) {
            struct span field = fields[k];
            const char *eq = field.len ? memchr(field.s, '=', field.len) : NULL;
            if (!eq)
                continue;
            struct span key = { field.s, (size_t)(eq - field.s) };
            struct span val = { eq + 1, field.len - key.len - 1 };
            if (ascii_equal_fold(key.s, key.len, "from")) {
                const char *d = val.len ? memchr(val.s, '$', val.len) : NULL;
                if (d && (size_t)(d - val.s) != val.len - 1)
                    rc = fail(e, "'from' doesn't support variable expansion, "
                                 "define alias stage instead");
            }
        }
        for (size_t k = 0; k < nf; k++)
            free((char *)fields[k].s);
        free(fields);
        if (rc < 0)
            return -1;
    }
    const struct flag_value *net = instr_flag_value(in, "network");
    if (net && !span_eq(net->value, "default") &&
        !span_eq(net->value, "none") && !span_eq(net->value, "host")) {
        struct sb m = SB_INIT;
        sb_adds(&m, "invalid network mode ");
        go_quote(&m, net->value.s, net->value.len);
        return fail_sb(e, &m);
    }
    const struct flag_value *sec = instr_flag_value(in, "security");
    if (sec && !span_eq(sec->value, "insecure") &&
        !span_eq(sec->value, "sandbox")) {
        struct sb m = SB_INIT;
        sb_adds(&m, "security ");
        go_quote(&m, sec->value.s, sec->value.len);
        sb_adds(&m, " is not valid");
        return fail_sb(e, &m);
    }
    return 0;
}

static int parse_interval(struct instr *in, const char *name, int64_t *out,
                          struct ierr *e)
{
    const struct flag_value *f = instr_flag_value(in, name);
    *out = 0;
    if (!f || f->value.len == 0)
        return 0;
    char *err;
    int64_t d;
    if (go_parse_duration(f->value.s, f->value.len, &d, &err) < 0) {
        e->msg = err;
        e->len = strlen(err);
        return -1;
    }
    if (d == 0)
        return 0;
    if (d < 1000000)
        return fail(e, "Interval \"%s\" cannot be less than 1ms", name);
    *out = d;
    return 0;
}

/* strconv.ParseInt(s, 10, 32) */
static int parse_int32(struct span s, long *v, struct ierr *e)
{
    size_t i = 0;
    bool neg = false;
    unsigned long long acc = 0;
    bool range = false;
    if (i < s.len && (s.s[i] == '+' || s.s[i] == '-')) {
        neg = s.s[i] == '-';
        i++;
    }
    if (i == s.len)
        goto syntax;
    for (; i < s.len; i++) {
        if (s.s[i] < '0' || s.s[i] > '9')
            goto syntax;
        if (acc < (1ULL << 40))
            acc = acc * 10 + (unsigned long long)(s.s[i] - '0');
        else
            range = true;
    }
    if (range || (!neg && acc > 2147483647ULL) || (neg && acc > 2147483648ULL)) {
        struct sb m = SB_INIT;
        sb_adds(&m, "strconv.ParseInt: parsing ");
        go_quote(&m, s.s, s.len);
        sb_adds(&m, ": value out of range");
        return fail_sb(e, &m);
    }
    *v = neg ? -(long)acc : (long)acc;
    return 0;
syntax : {
    struct sb m = SB_INIT;
    sb_adds(&m, "strconv.ParseInt: parsing ");
    go_quote(&m, s.s, s.len);
    sb_adds(&m, ": invalid syntax");
    return fail_sb(e, &m);
}
}

static int parse_healthcheck(struct iparser *p, struct instr *in,
                             struct ierr *e)
{
    if (in->n_args == 0)
        return fail(e, "HEALTHCHECK requires at least one argument");
    struct sb typ = SB_INIT;
    go_to_upper(&typ, in->args[0].s, in->args[0].len);
    struct span *args = in->args + 1;
    size_t n = in->n_args - 1;
    struct healthcheck *h = &in->health;
    if (strcmp(typ.buf, "NONE") == 0 && typ.len == 4) {
        sb_release(&typ);
        if (n != 0)
            return fail(e, "HEALTHCHECK NONE takes no arguments");
        h->none = true;
        h->test = arena_alloc(p->a, sizeof(*h->test));
        h->test[0] = span_of("NONE");
        h->n_test = 1;
        return 0;
    }
    if (parse_flags(p->a, in, e) < 0) {
        sb_release(&typ);
        return -1;
    }
    if (!(typ.len == 3 && memcmp(typ.buf, "CMD", 3) == 0)) {
        struct sb m = SB_INIT;
        sb_adds(&m, "Unknown type ");
        go_quote(&m, typ.buf, typ.len);
        sb_adds(&m, " in HEALTHCHECK (try CMD)");
        sb_release(&typ);
        return fail_sb(e, &m);
    }
    sb_release(&typ);
    /* handleJSONArgs(args) */
    struct span joined = { "", 0 };
    size_t ncmd = n;
    if (!in->json && n > 1) {
        struct sb j = SB_INIT;
        for (size_t i = 0; i < n; i++) {
            if (i)
                sb_addch(&j, ' ');
            sb_add(&j, args[i].s, args[i].len);
        }
        joined = span_dup(p->a, j.buf, j.len);
        sb_release(&j);
        ncmd = 1;
    }
    if (ncmd == 0)
        return fail(e, "Missing command after HEALTHCHECK CMD");
    h->test = arena_alloc(p->a, (ncmd + 1) * sizeof(*h->test));
    h->test[0] = span_of(in->json ? "CMD" : "CMD-SHELL");
    if (joined.len || (!in->json && n > 1))
        h->test[1] = joined;
    else
        memcpy(h->test + 1, args, ncmd * sizeof(*args));
    h->n_test = ncmd + 1;
    if (parse_interval(in, "interval", &h->interval, e) < 0 ||
        parse_interval(in, "timeout", &h->timeout, e) < 0 ||
        parse_interval(in, "start-period", &h->start_period, e) < 0 ||
        parse_interval(in, "start-interval", &h->start_interval, e) < 0)
        return -1;
    const struct flag_value *r = instr_flag_value(in, "retries");
    if (r && r->value.len) {
        long v;
        if (parse_int32(r->value, &v, e) < 0)
            return -1;
        if (v < 0)
            return fail(e, "--retries cannot be negative (%ld)", v);
        h->retries = (int)v;
    }
    return 0;
}

static int cmp_span(const void *a, const void *b)
{
    const struct span *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c)
        return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

static int parse_onbuild(struct iparser *p, struct instr *in, struct ierr *e)
{
    if (in->n_args == 0)
        return fail(e, "ONBUILD requires at least one argument");
    if (parse_flags(p->a, in, e) < 0)
        return -1;
    struct span t = in->args[0];
    go_trim_space(&t.s, &t.len);
    struct sb up = SB_INIT;
    go_to_upper(&up, t.s, t.len);
    if (strcmp(up.buf, "ONBUILD") == 0 && up.len == 7) {
        sb_release(&up);
        return fail(e, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    }
    if ((strcmp(up.buf, "MAINTAINER") == 0 && up.len == 10) ||
        (strcmp(up.buf, "FROM") == 0 && up.len == 4)) {
        struct sb m = SB_INIT;
        sb_add(&m, up.buf, up.len);
        sb_adds(&m, " isn't allowed as an ONBUILD trigger");
        sb_release(&up);
        return fail_sb(e, &m);
    }
    sb_release(&up);
    const struct ast_node *sub = ast_sub(in->node);
    in->trigger = sub ? sub->kind : INSTR_UNKNOWN;
    /* (?i)^\s*ONBUILD\s* removed from the original line */
    struct span o = in->node->original;
    size_t i = 0;
    while (i < o.len && re_blank((unsigned char)o.s[i]))
        i++;
    if (o.len - i >= 7 && ascii_equal_fold(o.s + i, 7, "onbuild"))
        i += 7;
    else
        i = 0;
    if (i)
        while (i < o.len && re_blank((unsigned char)o.s[i]))
            i++;
    struct sb ex = SB_INIT;
    sb_add(&ex, o.s + i, o.len - i);
    const struct heredoc *docs = ast_heredocs(in->node);
    for (size_t k = 0; k < ast_n_heredocs(in->node); k++) {
        sb_addch(&ex, '\n');
        sb_add(&ex, docs[k].content.s, docs[k].content.len);
        sb_add(&ex, docs[k].name.s, docs[k].name.len);
    }
    in->expression = span_dup(p->a, ex.buf, ex.len);
    sb_release(&ex);
    return 0;
}

/* The suggestion list for unknown instructions: ties go to the first. */
static const char *const instr_names_for_suggest[] = {
    "WORKDIR", "VOLUME", "USER", "STOPSIGNAL", "SHELL", "RUN",
    "ONBUILD", "MAINTAINER", "LABEL", "HEALTHCHECK", "FROM", "EXPOSE",
    "ENV", "ENTRYPOINT", "COPY", "CMD", "ARG", "ADD",
};

static int parse_unknown(struct instr *in, struct ierr *e)
{
    struct span w = in->keyword;
    const char *s = suggest(w.s, w.len, instr_names_for_suggest,
                            ARRAY_LEN(instr_names_for_suggest), false);
    struct sb m = SB_INIT;
    sb_adds(&m, "unknown instruction: ");
    sb_add(&m, w.s, w.len);
    if (s) {
        struct sb c = SB_INIT;
        /* suggestion in the input's case style: all upper -> upper,
         * otherwise lower */
        struct sb up = SB_INIT, low = SB_INIT;
        go_to_upper(&up, w.s, w.len);
        go_to_lower(&low, w.s, w.len);
        bool is_lower = low.len == w.len && memcmp(low.buf, w.s, w.len) == 0;
        bool is_upper = up.len == w.len && memcmp(up.buf, w.s, w.len) == 0;
        if (is_upper && !is_lower)
            sb_adds(&c, s);
        else
            go_to_lower(&c, s, strlen(s));
        sb_addf(&m, " (did you mean %s?)", c.buf);
        sb_release(&c);
        sb_release(&up);
        sb_release(&low);
    }
    return fail_sb(e, &m);
}

/*
 * ParseInstruction: one AST node to a typed instruction. Returns 0, or
 * -1 with e->msg set. Build checks of this layer are reported on the way.
 */
static int parse_instruction(struct iparser *p, struct instr *in,
                             struct ierr *e)
{
    const struct ast_node *n = in->node;
    switch (in->kind) {
    case INSTR_ENV:
        if (parse_flags(p->a, in, e) < 0)
            return -1;
        return parse_kvps(p, in, "ENV", e);
    case INSTR_MAINTAINER:
        linter_run(&p->df->lint, LINT_MAINTAINER_DEPRECATED, in->start_line,
                   in->end_line, ast_comments(n), ast_n_comments(n),
                   "Maintainer instruction is deprecated in favor of using "
                   "label");
        if (in->n_args != 1)
            return fail(e, "MAINTAINER requires exactly one argument");
        if (parse_flags(p->a, in, e) < 0)
            return -1;
        in->value = in->args[0];
        return 0;
    case INSTR_LABEL:
        if (parse_flags(p->a, in, e) < 0)
            return -1;
        return parse_kvps(p, in, "LABEL", e);
    case INSTR_ADD:
    case INSTR_COPY: {
        const char *name = instr_table[in->kind].name;
        if (in->n_args < 2)
            return fail(e, "%s requires at least two arguments, but only one "
                           "was provided. Destination could not be determined",
                        name);
        if (parse_flags(p->a, in, e) < 0)
            return -1;
        return parse_sources(p, in, name, e);
    }
    case INSTR_FROM:
        return parse_from(p, in, e);
    case INSTR_ONBUILD:
        return parse_onbuild(p, in, e);
    case INSTR_WORKDIR:
    case INSTR_USER:
        if (in->n_args != 1)
            return fail(e, "%s requires exactly one argument",
                        instr_table[in->kind].name);
        if (parse_flags(p->a, in, e) < 0)
            return -1;
        in->value = in->args[0];
        return 0;
    case INSTR_RUN:
        return parse_run(p, in, e);
    case INSTR_CMD:
    case INSTR_ENTRYPOINT:
        if (parse_flags(p->a, in, e) < 0)
            return -1;
        shell_dependent(p, in);
        return 0;
    case INSTR_HEALTHCHECK:
        return parse_healthcheck(p, in, e);
    case INSTR_EXPOSE:
        if (in->n_args == 0)
            return fail(e, "EXPOSE requires at least one argument");
        if (parse_flags(p->a, in, e) < 0)
            return -1;
        in->list = arena_alloc(p->a, in->n_args * sizeof(*in->list));
        memcpy(in->list, in->args, in->n_args * sizeof(*in->list));
        in->n_list = in->n_args;
        qsort(in->list, in->n_list, sizeof(*in->list), cmp_span);
        return 0;
    case INSTR_VOLUME:
        if (in->n_args == 0)
            return fail(e, "VOLUME requires at least one argument");
        if (parse_flags(p->a, in, e) < 0)
            return -1;
        in->list = arena_alloc(p->a, in->n_args * sizeof(*in->list));
        for (size_t i = 0; i < in->n_args; i++) {
            struct span v = in->args[i];
            go_trim_space(&v.s, &v.len);
            if (v.len == 0)
                return fail(e, "VOLUME specified can not be an empty string");
            in->list[in->n_list++] = v;
        }
        return 0;
    case INSTR_STOPSIGNAL:
        if (in->n_args != 1)
            return fail(e, "STOPSIGNAL requires exactly one argument");
        in->value = in->args[0];
        return 0;
    case INSTR_ARG: {
        if (in->n_args < 1)
            return fail(e, "ARG requires at least one argument");
        in->pairs = arena_calloc(p->a, in->n_args, sizeof(*in->pairs));
        in->n_pairs = in->n_args;
        for (size_t i = 0; i < in->n_args; i++) {
            struct span w = in->args[i];
            const char *eq = w.len ? memchr(w.s, '=', w.len) : NULL;
            struct kv *kv = &in->pairs[i];
            if (eq) {
                if (eq == w.s)
                    return fail(e, "ARG names can not be blank");
                kv->key.s = w.s;
                kv->key.len = (size_t)(eq - w.s);
                kv->value.s = eq + 1;
                kv->value.len = w.len - kv->key.len - 1;
                kv->has_value = true;
            } else {
                kv->key = w;
            }
            kv->comment = get_comment(n, kv->key);
        }
        struct span *keys = arena_alloc(p->a, in->n_pairs * sizeof(*keys));
        for (size_t i = 0; i < in->n_pairs; i++)
            keys[i] = in->pairs[i].key;
        check_description(p, in, "ARG", keys, in->n_pairs);
        return 0;
    }
    case INSTR_SHELL:
        if (parse_flags(p->a, in, e) < 0)
            return -1;
        shell_dependent(p, in);
        if (in->n_cmdline == 0)
            return fail(e, "SHELL requires at least one argument");
        if (!in->json)
            return fail(e, "SHELL requires the arguments to be in JSON form");
        return 0;
    case INSTR_UNKNOWN:
        break;
    }
    return parse_unknown(in, e);
}

static void push_instr(struct instr ***v, size_t *n, size_t *cap,
                       struct instr *in)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        *v = xreallocarray(*v, *cap, sizeof(**v));
    }
    (*v)[(*n)++] = in;
}

/* Copy a malloc'd vector into the arena (so that release is one call). */
static struct instr **to_arena(struct arena *a, struct instr **v, size_t n)
{
    struct instr **r = NULL;
    if (n) {
        r = arena_alloc(a, n * sizeof(*r));
        memcpy(r, v, n * sizeof(*r));
    }
    free(v);
    return r;
}

/* Layer 1: `# check=` (or the override), skipping a shebang line. */
static int read_check_config(struct dockerfile *df, const char *text,
                             size_t len, const struct dockerfile_opts *opts,
                             struct diag_list *dl)
{
    int line = 0;
    bool override = opts && opts->check_override;
    const char *v = override ? opts->check_override
                             : directive_prescan(&df->arena, text, len,
                                                 "check", &line);
    if (!v)
        return 0;
    /* the directive: only its first space-separated word counts; the
     * BUILDKIT_DOCKERFILE_CHECK build argument is taken whole */
    size_t vl = override ? strlen(v) : strcspn(v, " ");
    char *err = NULL;
    if (lint_config_parse(&df->check, v, vl, &err) < 0) {
        diag_addf(dl, DIAG_ERROR, DIAG_CHECK_OPTION, NULL, 0, 0, "%s%s",
                  override ? "failed to parse build-arg:"
                             "BUILDKIT_DOCKERFILE_CHECK: "
                           : "failed to parse check options: ",
                  err);
        free(err);
        return -1;
    }
    return 0;
}

int dockerfile_parse(struct dockerfile *df, const char *text, size_t len,
                     const struct dockerfile_opts *opts, struct diag_list *dl)
{
    memset(df, 0, sizeof(*df));
    arena_init(&df->arena);
    linter_init(&df->lint, NULL, dl);

    int rc_check = read_check_config(df, text, len, opts, dl);
    linter_init(&df->lint, &df->check, dl);

    if (rc_check < 0) {
        /* Layer 1 failed: the build stops there. Parse anyway (quietly)
         * so that the AST can still be shown. */
        struct diag_list quiet = DIAG_LIST_INIT;
        df->parsed = ast_parse(&df->ast, text, len, &quiet) == 0;
        diag_list_release(&quiet);
        return -1;
    }
    if (ast_parse(&df->ast, text, len, dl) < 0)
        return -1;
    df->parsed = true;

    bool stream = opts && opts->each;
    struct arena scratch = ARENA_INIT;
    struct iparser p = { df, stream ? &scratch : &df->arena, dl };
    size_t cap_all = 0, cap_meta = 0, cap_stages = 0, cap_cmds = 0;
    struct instr **all = NULL, **meta = NULL, **cmds = NULL;
    int rc = 0;

    /* NoEmptyContinuation for the parser's warnings */
    for (size_t i = 0; i < dl->n; i++)
        if (dl->items[i].kind == DIAG_PARSE_WARNING) {
            int l = dl->items[i].start_line;
            linter_run(&df->lint, LINT_NO_EMPTY_CONTINUATION, l, l, NULL, 0,
                       "Empty continuation line");
        }

    for (size_t i = 0; i < df->ast.n_nodes; i++) {
        const struct ast_node *n = df->ast.nodes[i];
        if (stream)
            arena_release(&scratch);
        struct instr *in = arena_calloc(p.a, 1, sizeof(*in));
        in->node = n;
        in->kind = n->kind;
        in->start_line = n->start_line;
        in->end_line = n->end_line;
        in->keyword = n->keyword;
        in->json = n->json;
        node_args(p.a, n, in);
        struct ierr e = { NULL, 0 };
        if (parse_instruction(&p, in, &e) < 0) {
            struct sb m = SB_INIT;
            sb_addf(&m, "dockerfile parse error on line %d: ", n->start_line);
            sb_add(&m, e.msg, e.len);
            diag_addn(dl, DIAG_ERROR, DIAG_INSTR, NULL, n->start_line,
                      n->end_line, m.buf, m.len);
            sb_release(&m);
            free(e.msg);
            rc = -1;
            break;
        }
        if (df->n_stages == 0 && in->kind == INSTR_ARG) {
            if (stream)
                opts->each(opts->each_ctx, in, -1);
            else {
                push_instr(&all, &df->n_all, &cap_all, in);
                push_instr(&meta, &df->n_meta_args, &cap_meta, in);
            }
            continue;
        }
        if (in->kind != INSTR_FROM && df->n_stages == 0) {
            diag_add(dl, DIAG_ERROR, DIAG_INSTR, NULL, n->start_line,
                     n->end_line, "no build stage in current context");
            rc = -1;
            break;
        }
        if (stream) {
            if (in->kind == INSTR_FROM)
                df->n_stages++;
            opts->each(opts->each_ctx, in, (long)df->n_stages - 1);
            continue;
        }
        push_instr(&all, &df->n_all, &cap_all, in);
        if (in->kind == INSTR_FROM) {
            if (df->n_stages) {
                struct stage *prev = &df->stages[df->n_stages - 1];
                prev->cmds = to_arena(&df->arena, cmds, prev->n_cmds);
                cmds = NULL;
                cap_cmds = 0;
            }
            if (df->n_stages == cap_stages) {
                cap_stages = cap_stages ? cap_stages * 2 : 4;
                df->stages = xreallocarray(df->stages, cap_stages,
                                           sizeof(*df->stages));
            }
            struct stage *st = &df->stages[df->n_stages];
            memset(st, 0, sizeof(*st));
            st->from = in;
            st->base_name = in->base_name;
            st->name = in->stage_name;
            const struct flag_value *pf = instr_flag_value(in, "platform");
            if (pf)
                st->platform = pf->value;
            st->comment = get_comment(n, in->stage_name);
            st->index = df->n_stages++;
            continue;
        }
        struct stage *st = &df->stages[df->n_stages - 1];
        push_instr(&cmds, &st->n_cmds, &cap_cmds, in);
    }
    arena_release(&scratch);
    if (stream) {
        free(cmds);
        return rc;
    }
    if (df->n_stages) {
        struct stage *last = &df->stages[df->n_stages - 1];
        last->cmds = to_arena(&df->arena, cmds, last->n_cmds);
    } else {
        free(cmds);
    }
    /* keep the stages in the arena too */
    if (df->n_stages) {
        struct stage *s = arena_alloc(&df->arena,
                                      df->n_stages * sizeof(*s));
        memcpy(s, df->stages, df->n_stages * sizeof(*s));
        free(df->stages);
        df->stages = s;
    }
    df->all = to_arena(&df->arena, all, df->n_all);
    df->meta_args = to_arena(&df->arena, meta, df->n_meta_args);
    return rc;
}

void dockerfile_release(struct dockerfile *df)
{
    ast_release(&df->ast);
    arena_release(&df->arena);
    memset(df, 0, sizeof(*df));
}
