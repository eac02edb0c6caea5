/*
 * expand.c: BuildKit's shell lexer (frontend/dockerfile/shell/lex.go),
 * ported by behaviour: quote removal, escapes, $x / ${x...} expansion,
 * word splitting, and the glob patterns of ${x#p} ${x%p} ${x/p/r}.
 *
 * BuildKit turns a glob into a Go regexp; here a glob compiles to a tiny
 * program (literal rune, any rune but '\n', star) run by a Pike VM that
 * keeps threads in priority order, which gives Go's leftmost-first
 * answers (lazy or greedy stars) in O(pattern * text) time.
 */
#include "expand.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "sb.h"
#include "unicode.h"
#include "xmalloc.h"

#define EOF_RUNE (-1L)
#define BOM_RUNE 0xFEFFL

/* ================================================================ */
/* A rune reader with Go text/scanner's Peek/Next behaviour.        */

struct scanner {
    const char *s;
    size_t n;
    size_t pos; /* byte offset of ch */
    long ch;    /* rune at pos, EOF_RUNE at the end */
    int width;  /* bytes of ch */
};

static void scan_load(struct scanner *sc)
{
    if (sc->pos >= sc->n) {
        sc->ch = EOF_RUNE;
        sc->width = 0;
        return;
    }
    sc->ch = utf8_decode(sc->s + sc->pos, sc->n - sc->pos, &sc->width);
}

/* text/scanner ignores a byte order mark at the very start. */
static void scan_init(struct scanner *sc, const char *s, size_t n)
{
    sc->s = s;
    sc->n = n;
    sc->pos = 0;
    scan_load(sc);
    if (sc->ch == BOM_RUNE) {
        sc->pos += (size_t)sc->width;
        scan_load(sc);
    }
}

static long scan_peek(const struct scanner *sc)
{
    return sc->ch;
}

static long scan_next(struct scanner *sc)
{
    long ch = sc->ch;
    if (ch != EOF_RUNE) {
        sc->pos += (size_t)sc->width;
        scan_load(sc);
    }
    return ch;
}

/* ================================================================ */
/* Glob patterns (convertShellPatternToRegex) and their matcher.    */

enum pat_op {
    PAT_LIT,  /* one rune equal to r */
    PAT_ANY,  /* '?': any rune but '\n' (Go's '.') */
    PAT_STAR, /* '*': any run of runes but '\n' */
};

struct pat_item {
    enum pat_op op;
    long r;
};

/* One thread list of the Pike VM; mark[pc] == gen means pc is on it. */
struct pat_queue {
    size_t *pc;
    size_t *start; /* byte offset where the thread's match began */
    size_t n;
    unsigned *mark;
    unsigned gen;
};

struct pat {
    struct pat_item *items;
    size_t n_items; /* pc == n_items is the match state */
    bool greedy;
    struct pat_queue q[2];
};

static void pat_release(struct pat *p)
{
    free(p->items);
    for (int i = 0; i < 2; i++) {
        free(p->q[i].pc);
        free(p->q[i].start);
        free(p->q[i].mark);
    }
    memset(p, 0, sizeof(*p));
}

/*
 * Compile glob s[0..n). The text is read with text/scanner rules (a
 * leading BOM is skipped). `\}` and `\/` drop the backslash; `\*`, `\?`
 * and `\\` are literals; any other escape fails with Go's message in err.
 */
static int pat_compile(struct pat *p, const char *s, size_t n, bool greedy,
                       struct sb *err)
{
    struct scanner sc;
    memset(p, 0, sizeof(*p));
    p->greedy = greedy;
    p->items = xreallocarray(NULL, n + 1, sizeof(*p->items));
    scan_init(&sc, s, n);
    for (long tok = scan_next(&sc); tok != EOF_RUNE; tok = scan_next(&sc)) {
        struct pat_item it = { PAT_LIT, tok };
        if (tok == '*') {
            it.op = PAT_STAR;
        } else if (tok == '?') {
            it.op = PAT_ANY;
        } else if (tok == '\\') {
            if (scan_peek(&sc) == '}' || scan_peek(&sc) == '/')
                continue;
            tok = scan_next(&sc);
            if (tok != '*' && tok != '?' && tok != '\\') {
                sb_adds(err, "invalid escape '\\");
                sb_add_rune(err, tok); /* EOF prints as U+FFFD, like %c */
                sb_addch(err, '\'');
                pat_release(p);
                return -1;
            }
            it.r = tok;
        }
        p->items[p->n_items++] = it;
    }
    for (int i = 0; i < 2; i++) {
        p->q[i].pc = xreallocarray(NULL, p->n_items + 1, sizeof(size_t));
        p->q[i].start = xreallocarray(NULL, p->n_items + 1, sizeof(size_t));
        p->q[i].mark = xcalloc(p->n_items + 1, sizeof(unsigned));
        p->q[i].gen = 0;
    }
    return 0;
}

static void pat_queue_clear(struct pat_queue *q, size_t cap)
{
    q->n = 0;
    if (++q->gen == 0) {
        memset(q->mark, 0, cap * sizeof(unsigned));
        q->gen = 1;
    }
}

static void pat_queue_push(struct pat_queue *q, size_t pc, size_t start)
{
    q->pc[q->n] = pc;
    q->start[q->n] = start;
    q->n++;
}

/*
 * Add the thread at pc (and its epsilon closure through stars) to q in
 * priority order. A star entry stands for "consume one more rune here";
 * greedy stars rank it before skipping the star, lazy ones after.
 */
static void pat_add(const struct pat *p, struct pat_queue *q, size_t pc,
                    size_t start)
{
    if (p->greedy) {
        for (;;) {
            if (q->mark[pc] == q->gen)
                return;
            q->mark[pc] = q->gen;
            pat_queue_push(q, pc, start);
            if (pc == p->n_items || p->items[pc].op != PAT_STAR)
                return;
            pc++;
        }
    }
    size_t stop = pc;
    while (stop < p->n_items && p->items[stop].op == PAT_STAR &&
           q->mark[stop] != q->gen) {
        q->mark[stop] = q->gen;
        stop++;
    }
    if ((stop == p->n_items || p->items[stop].op != PAT_STAR) &&
        q->mark[stop] != q->gen) {
        q->mark[stop] = q->gen;
        pat_queue_push(q, stop, start);
    }
    for (size_t k = stop; k > pc; k--)
        pat_queue_push(q, k - 1, start);
}

/*
 * Go's leftmost-first search of p in s[0..n), trying start positions from
 * byte offset from on (only from itself when anchored). On a match store
 * its byte range in [*ms, *me) and return true.
 */
static bool pat_search(struct pat *p, const char *s, size_t n, size_t from,
                       bool anchored, size_t *ms, size_t *me)
{
    struct pat_queue *cur = &p->q[0], *nxt = &p->q[1];
    size_t cap = p->n_items + 1;
    bool matched = false;
    size_t pos = from;

    pat_queue_clear(cur, cap);
    for (;;) {
        if (cur->n == 0 && (matched || (anchored && pos != from)))
            break;
        if (!matched && (!anchored || pos == from))
            pat_add(p, cur, 0, pos);
        long c = EOF_RUNE;
        int w = 0;
        if (pos < n)
            c = utf8_decode(s + pos, n - pos, &w);
        pat_queue_clear(nxt, cap);
        for (size_t i = 0; i < cur->n; i++) {
            size_t pc = cur->pc[i];
            if (pc == p->n_items) {
                /* first match wins over every lower-priority thread */
                matched = true;
                *ms = cur->start[i];
                *me = pos;
                break;
            }
            if (c == EOF_RUNE)
                continue;
            const struct pat_item *it = &p->items[pc];
            if (it->op == PAT_LIT ? c == it->r : c != '\n')
                pat_add(p, nxt, it->op == PAT_STAR ? pc : pc + 1,
                        cur->start[i]);
        }
        if (c == EOF_RUNE)
            break;
        pos += (size_t)w;
        struct pat_queue *t = cur;
        cur = nxt;
        nxt = t;
    }
    return matched;
}

/* ================================================================ */
/* Rune-wise string helpers.                                        */

/* Decode s[0..n) into a malloc'd rune array (invalid bytes: U+FFFD). */
static long *decode_runes(const char *s, size_t n, size_t *count)
{
    long *r = xreallocarray(NULL, n + 1, sizeof(long));
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        int w;
        r[k++] = utf8_decode(s + i, n - i, &w);
        i += (size_t)w;
    }
    *count = k;
    return r;
}

/* Go: string(slices.Reverse([]rune(s))). */
static void add_reversed(struct sb *out, const char *s, size_t n)
{
    size_t k;
    long *r = decode_runes(s, n, &k);
    while (k > 0)
        sb_add_rune(out, r[--k]);
    free(r);
}

/* BuildKit's reversePattern: reverse runes, keeping `\x` pairs in order. */
static void add_reversed_pattern(struct sb *out, const char *s, size_t n)
{
    size_t k;
    long *r = decode_runes(s, n, &k);
    long *o = xreallocarray(NULL, k + 1, sizeof(long));
    for (size_t i = 0; i < k;) {
        size_t at = k - 1 - i;
        if (r[i] == '\\' && i != k - 1) {
            o[at - 1] = r[i];
            o[at] = r[i + 1];
            i += 2;
        } else {
            o[at] = r[i];
            i++;
        }
    }
    for (size_t i = 0; i < k; i++)
        sb_add_rune(out, o[i]);
    free(o);
    free(r);
}

/*
 * Append Go regexp's expansion of template t for a match m (Expand with
 * no capture groups): `$$` is `$`; `$name` / `${name}` is the match for
 * the name "0" and empty otherwise; a malformed `$` stays literal.
 */
static void add_template(struct sb *out, const char *t, size_t tn,
                         const char *m, size_t mn)
{
    size_t i = 0;
    for (;;) {
        const char *d = i < tn ? memchr(t + i, '$', tn - i) : NULL;
        if (!d)
            break;
        size_t k = (size_t)(d - t);
        sb_add(out, t + i, k - i);
        i = k + 1;
        if (i < tn && t[i] == '$') {
            sb_addch(out, '$');
            i++;
            continue;
        }
        size_t j = i;
        bool brace = j < tn && t[j] == '{';
        if (brace)
            j++;
        size_t name = j;
        while (j < tn) {
            int w;
            long r = utf8_decode(t + j, tn - j, &w);
            if (!uni_is_letter(r) && !uni_is_digit(r) && r != '_')
                break;
            j += (size_t)w;
        }
        if (j == name || (brace && (j >= tn || t[j] != '}'))) {
            sb_addch(out, '$');
            continue;
        }
        if (j - name == 1 && t[name] == '0')
            sb_add(out, m, mn);
        i = brace ? j + 1 : j;
    }
    sb_add(out, t + i, tn - i);
}

/* ================================================================ */
/* Results: split words and looked-up names.                        */

/* BuildKit's wordsStruct; active only for the top-level word. */
struct words {
    struct arena *a;
    struct sb word;
    bool in_word;
    char **list;
    size_t *lens;
    size_t n, cap;
};

static void words_flush(struct words *w)
{
    if (!w->word.len)
        return;
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8;
        w->list = xreallocarray(w->list, w->cap, sizeof(*w->list));
        w->lens = xreallocarray(w->lens, w->cap, sizeof(*w->lens));
    }
    w->list[w->n] = arena_memdup0(w->a, w->word.buf, w->word.len);
    w->lens[w->n] = w->word.len;
    w->n++;
    sb_reset(&w->word);
    w->in_word = false;
}

static void words_add_raw_char(struct words *w, long ch)
{
    if (!w)
        return;
    sb_add_rune(&w->word, ch);
    w->in_word = true;
}

static void words_add_char(struct words *w, long ch)
{
    if (!w)
        return;
    if (uni_is_space(ch)) {
        if (w->in_word && w->word.len)
            words_flush(w);
    } else {
        words_add_raw_char(w, ch);
    }
}

/* Text produced by a $ expansion: split on its spaces (rune by rune). */
static void words_add_string(struct words *w, const char *s, size_t n)
{
    if (!w)
        return;
    for (size_t i = 0; i < n;) {
        int width;
        long r = utf8_decode(s + i, n - i, &width);
        words_add_char(w, r);
        i += (size_t)width;
    }
}

/* Quoted text and heredoc markers join the current word as they are. */
static void words_add_raw_string(struct words *w, const char *s, size_t n)
{
    if (!w)
        return;
    sb_add(&w->word, s, n);
    w->in_word = true;
}

/* Names in first-seen order; `seen` is a hash set over both lists. */
struct name_list {
    char **v;
    size_t n, cap;
};

struct name_set {
    char **slots;
    size_t cap; /* power of two */
    size_t n;
};

static size_t name_hash(const char *s, size_t n)
{
    size_t h = 1469598103934665603ULL & (size_t)-1;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * (size_t)1099511628211ULL;
    return h;
}

/* Return the slot for name: holding it, or the empty slot for it. */
static char **name_set_slot(struct name_set *set, const char *s, size_t n)
{
    size_t i = name_hash(s, n) & (set->cap - 1);
    while (set->slots[i]) {
        if (strlen(set->slots[i]) == n && !memcmp(set->slots[i], s, n))
            break;
        i = (i + 1) & (set->cap - 1);
    }
    return &set->slots[i];
}

static void name_set_grow(struct name_set *set)
{
    struct name_set bigger = { NULL, set->cap ? set->cap * 2 : 16, set->n };
    bigger.slots = xcalloc(bigger.cap, sizeof(char *));
    for (size_t i = 0; i < set->cap; i++) {
        char *s = set->slots[i];
        if (s)
            *name_set_slot(&bigger, s, strlen(s)) = s;
    }
    free(set->slots);
    *set = bigger;
}

static void name_list_push(struct name_list *l, char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
    }
    l->v[l->n++] = s;
}

/* ================================================================ */
/* The lexer (shellWord).                                           */

struct lexer {
    struct scanner sc;
    struct arena *a;
    long escape;
    bool raw_quotes;
    bool raw_escapes; /* current value; stop_on() sets and restores it */
    bool skip_unset_env;
    bool skip_process_quotes;
    expand_lookup_fn *lookup;
    void *ctx;
    struct name_set seen;
    struct name_list matched, unmatched;
    struct sb err; /* the innermost message, before wrapping */
    int depth;
};

static int fail(struct lexer *lx, const char *msg)
{
    sb_reset(&lx->err);
    sb_adds(&lx->err, msg);
    return -1;
}

/* "unsupported modifier (<chs>) in substitution" */
static int fail_modifier(struct lexer *lx, const struct sb *chs)
{
    sb_reset(&lx->err);
    sb_adds(&lx->err, "unsupported modifier (");
    sb_add(&lx->err, chs->buf, chs->len);
    sb_adds(&lx->err, ") in substitution");
    return -1;
}

static long lx_peek(const struct lexer *lx)
{
    return scan_peek(&lx->sc);
}

static long lx_next(struct lexer *lx)
{
    return scan_next(&lx->sc);
}

/* getEnv: look name up and remember it as matched or unmatched. */
static bool get_env(struct lexer *lx, const struct sb *name, const char **value,
                    size_t *value_len)
{
    const char *v = NULL;
    size_t vn = 0;
    bool found =
        lx->lookup && lx->lookup(lx->ctx, name->buf, name->len, &v, &vn);

    if (!found || !v) {
        v = "";
        vn = 0;
    }
    *value = v;
    *value_len = vn;
    if (2 * (lx->seen.n + 1) > lx->seen.cap)
        name_set_grow(&lx->seen);
    char **slot = name_set_slot(&lx->seen, name->buf, name->len);
    if (!*slot) {
        *slot = arena_memdup0(lx->a, name->buf, name->len);
        lx->seen.n++;
        name_list_push(found ? &lx->matched : &lx->unmatched, *slot);
    }
    return found;
}

static int stop_on(struct lexer *lx, long stop, bool raw_escapes,
                   struct sb *out, struct words *w);

static bool is_special_param(long ch)
{
    return ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' ||
           ch == '$' || ch == '!' || ch == '0';
}

/* processName: a run of digits, one special character, or a name. */
static void process_name(struct lexer *lx, struct sb *name)
{
    long ch = lx_peek(lx);
    if (ch == EOF_RUNE)
        return;
    if (uni_is_digit(ch)) {
        while (lx_peek(lx) != EOF_RUNE && uni_is_digit(lx_peek(lx)))
            sb_add_rune(name, lx_next(lx));
        return;
    }
    if (is_special_param(ch)) {
        sb_add_rune(name, lx_next(lx));
        return;
    }
    for (;;) {
        ch = lx_peek(lx);
        if (ch == EOF_RUNE ||
            (!uni_is_letter(ch) && !uni_is_digit(ch) && ch != '_'))
            return;
        sb_add_rune(name, lx_next(lx));
    }
}

static int process_single_quote(struct lexer *lx, struct sb *out)
{
    long ch = lx_next(lx);
    if (lx->raw_quotes)
        sb_add_rune(out, ch);
    for (;;) {
        ch = lx_next(lx);
        if (ch == EOF_RUNE)
            return fail(lx, "unexpected end of statement while looking "
                            "for matching single-quote");
        if (ch == '\'') {
            if (lx->raw_quotes)
                sb_add_rune(out, ch);
            return 0;
        }
        sb_add_rune(out, ch);
    }
}

static int process_dollar(struct lexer *lx, struct sb *out);

static int process_double_quote(struct lexer *lx, struct sb *out)
{
    long ch = lx_next(lx);
    if (lx->raw_quotes)
        sb_add_rune(out, ch);
    for (;;) {
        long p = lx_peek(lx);
        if (p == EOF_RUNE)
            return fail(lx, "unexpected end of statement while looking "
                            "for matching double-quote");
        if (p == '"') {
            ch = lx_next(lx);
            if (lx->raw_quotes)
                sb_add_rune(out, ch);
            return 0;
        }
        if (p == '$') {
            if (process_dollar(lx, out))
                return -1;
            continue;
        }
        ch = lx_next(lx);
        if (ch == lx->escape) {
            if (lx->raw_escapes)
                sb_add_rune(out, ch);
            p = lx_peek(lx);
            if (p == EOF_RUNE)
                continue; /* the loop then reports the missing quote */
            if (p == '"' || p == '$' || p == lx->escape)
                ch = lx_next(lx);
        }
        sb_add_rune(out, ch);
    }
}

/* `<<` keeps the blanks after it, so `<< EOF` stays one word. */
static void process_possible_heredoc(struct lexer *lx, struct sb *out)
{
    lx_next(lx);
    if (lx_peek(lx) != '<') {
        sb_addch(out, '<');
        return;
    }
    lx_next(lx);
    sb_add(out, "<<", 2);
    while (lx_peek(lx) == ' ' || lx_peek(lx) == '\t' || lx_peek(lx) == '\r')
        sb_add_rune(out, lx_next(lx));
}

/* Append value with the glob pat removed from its start (trimPrefix). */
static int trim_prefix(struct lexer *lx, struct sb *out, const char *pat,
                       size_t pn, const char *v, size_t vn, bool greedy)
{
    struct pat p;
    struct sb why = SB_INIT;
    size_t ms, me;

    if (pat_compile(&p, pat, pn, greedy, &why)) {
        sb_reset(&lx->err);
        sb_adds(&lx->err, "invalid pattern (");
        sb_add(&lx->err, pat, pn);
        sb_adds(&lx->err, ") in substitution: ");
        sb_add(&lx->err, why.buf, why.len);
        sb_release(&why);
        return -1;
    }
    if (pat_search(&p, v, vn, 0, true, &ms, &me))
        sb_add(out, v + me, vn - me);
    else
        sb_add(out, v, vn);
    pat_release(&p);
    return 0;
}

/* trimSuffix: trimPrefix on the reversed pattern and value. */
static int trim_suffix(struct lexer *lx, struct sb *out, const char *pat,
                       size_t pn, const char *v, size_t vn, bool greedy)
{
    struct sb rpat = SB_INIT, rval = SB_INIT, res = SB_INIT;
    int rc;

    add_reversed_pattern(&rpat, pat, pn);
    add_reversed(&rval, v, vn);
    rc = trim_prefix(lx, &res, rpat.buf, rpat.len, rval.buf, rval.len, greedy);
    if (!rc)
        add_reversed(out, res.buf, res.len);
    sb_release(&rpat);
    sb_release(&rval);
    sb_release(&res);
    return rc;
}

/* ${name[:]{-,+,?,#,%}word}: ch is the modifier, chs as written. */
static int subst_modifier(struct lexer *lx, struct sb *out,
                          const struct sb *name, const struct sb *chs, long ch,
                          bool null_is_unset)
{
    bool raw = ch == '#' || ch == '%';
    struct sb word = SB_INIT;
    const char *v;
    size_t vn;
    int rc = 0;

    if (null_is_unset && raw)
        return fail_modifier(lx, chs);
    if (stop_on(lx, '}', raw, &word, NULL)) {
        if (lx_peek(lx) == EOF_RUNE)
            fail(lx, "syntax error: missing '}'");
        rc = -1;
        goto out_release;
    }
    bool set = get_env(lx, name, &v, &vn);
    bool empty = !set || (null_is_unset && vn == 0);
    if (lx->skip_unset_env && !set) {
        sb_add(out, "${", 2);
        sb_add(out, name->buf, name->len);
        sb_add(out, chs->buf, chs->len);
        sb_add(out, word.buf, word.len);
        sb_addch(out, '}');
        goto out_release;
    }
    switch (ch) {
    case '-':
        if (empty)
            sb_add(out, word.buf, word.len);
        else
            sb_add(out, v, vn);
        break;
    case '+':
        if (!empty)
            sb_add(out, word.buf, word.len);
        break;
    case '?':
        if (empty) {
            sb_reset(&lx->err);
            sb_add(&lx->err, name->buf, name->len);
            sb_adds(&lx->err, ": ");
            if (word.len)
                sb_add(&lx->err, word.buf, word.len);
            else if (!set)
                sb_adds(&lx->err, "is not allowed to be unset");
            else
                sb_adds(&lx->err, "is not allowed to be empty");
            rc = -1;
        } else {
            sb_add(out, v, vn);
        }
        break;
    case '#':
    case '%': {
        /* a doubled ## or %% asks for the longest match */
        bool greedy = word.len > 0 && word.buf[0] == (char)ch;
        const char *p = word.buf + (greedy ? 1 : 0);
        size_t pn = word.len - (greedy ? 1 : 0);
        if (ch == '%')
            rc = trim_suffix(lx, out, p, pn, v, vn, greedy);
        else
            rc = trim_prefix(lx, out, p, pn, v, vn, greedy);
        break;
    }
    default:
        rc = fail_modifier(lx, chs);
        break;
    }
out_release:
    sb_release(&word);
    return rc;
}

/* Go regexp ReplaceAllString (with its $ templates) of p in v. */
static void replace_all(struct sb *out, struct pat *p, const char *v, size_t vn,
                        const char *repl, size_t rn)
{
    size_t last = 0, search = 0, ms, me;

    while (search <= vn) {
        if (!pat_search(p, v, vn, search, false, &ms, &me))
            break;
        sb_add(out, v + last, ms - last);
        /* no replacement for an empty match right after a match */
        if (me > last || ms == 0)
            add_template(out, repl, rn, v + ms, me - ms);
        last = me;
        int w = 0;
        if (search < vn)
            utf8_decode(v + search, vn - search, &w);
        if (search + (size_t)w > me)
            search += (size_t)w;
        else if (search + 1 > me)
            search++;
        else
            search = me;
    }
    sb_add(out, v + last, vn - last);
}

/* ${name/pattern/replacement} and ${name//pattern/replacement} */
static int subst_replace(struct lexer *lx, struct sb *out,
                         const struct sb *name)
{
    struct sb pat = SB_INIT, repl = SB_INIT, why = SB_INIT;
    bool all = lx_peek(lx) == '/';
    const char *v;
    size_t vn, ms, me;
    struct pat p;
    int rc = -1;

    if (all)
        lx_next(lx);
    if (stop_on(lx, '/', true, &pat, NULL)) {
        if (lx_peek(lx) == EOF_RUNE)
            fail(lx, "syntax error: missing '/' in ${}");
        goto out_release;
    }
    if (stop_on(lx, '}', true, &repl, NULL)) {
        if (lx_peek(lx) == EOF_RUNE)
            fail(lx, "syntax error: missing '}'");
        goto out_release;
    }
    bool set = get_env(lx, name, &v, &vn);
    if (lx->skip_unset_env && !set) {
        sb_add(out, "${", 2);
        sb_add(out, name->buf, name->len);
        sb_addch(out, '/');
        sb_add(out, pat.buf, pat.len);
        sb_addch(out, '/');
        sb_add(out, repl.buf, repl.len);
        sb_addch(out, '}');
        rc = 0;
        goto out_release;
    }
    if (pat_compile(&p, pat.buf, pat.len, true, &why)) {
        sb_reset(&lx->err);
        sb_adds(&lx->err, "invalid pattern (");
        sb_add(&lx->err, pat.buf, pat.len);
        sb_adds(&lx->err, ") in substitution: ");
        sb_add(&lx->err, why.buf, why.len);
        goto out_release;
    }
    if (all) {
        replace_all(out, &p, v, vn, repl.buf, repl.len);
    } else if (pat_search(&p, v, vn, 0, false, &ms, &me)) {
        sb_add(out, v, ms);
        sb_add(out, repl.buf, repl.len); /* literally: no templates here */
        sb_add(out, v + me, vn - me);
    } else {
        sb_add(out, v, vn);
    }
    pat_release(&p);
    rc = 0;
out_release:
    sb_release(&pat);
    sb_release(&repl);
    sb_release(&why);
    return rc;
}

/* ${...} after the "${" */
static int process_braced(struct lexer *lx, struct sb *out)
{
    struct sb name = SB_INIT, chs = SB_INIT;
    const char *v;
    size_t vn;
    int rc = 0;

    long p = lx_peek(lx);
    if (p == EOF_RUNE)
        return fail(lx, "syntax error: missing '}'");
    if (p == '{' || p == '}' || p == ':')
        return fail(lx, "syntax error: bad substitution");
    process_name(lx, &name);
    long ch = lx_next(lx);
    sb_add_rune(&chs, ch); /* EOF shows as U+FFFD, like string(rune(-1)) */
    switch (ch) {
    case '}':
        if (!get_env(lx, &name, &v, &vn) && lx->skip_unset_env) {
            sb_add(out, "${", 2);
            sb_add(out, name.buf, name.len);
            sb_addch(out, '}');
        } else {
            sb_add(out, v, vn);
        }
        break;
    case ':':
        ch = lx_next(lx);
        sb_add_rune(&chs, ch);
        rc = subst_modifier(lx, out, &name, &chs, ch, true);
        break;
    case '+':
    case '-':
    case '?':
    case '#':
    case '%':
        rc = subst_modifier(lx, out, &name, &chs, ch, false);
        break;
    case '/':
        rc = subst_replace(lx, out, &name);
        break;
    default:
        rc = fail_modifier(lx, &chs);
        break;
    }
    sb_release(&name);
    sb_release(&chs);
    return rc;
}

/* processDollar: $name, ${...}, or a literal '$'. Appends to out. */
static int process_dollar(struct lexer *lx, struct sb *out)
{
    int rc = 0;

    if (lx->depth >= EXPAND_MAX_DEPTH)
        return fail(lx, "syntax error: substitution nested too deeply");
    lx->depth++;
    lx_next(lx);
    if (lx_peek(lx) == '{') {
        lx_next(lx);
        rc = process_braced(lx, out);
    } else {
        struct sb name = SB_INIT;
        const char *v;
        size_t vn;
        process_name(lx, &name);
        if (!name.len) {
            sb_addch(out, '$');
        } else if (!get_env(lx, &name, &v, &vn) && lx->skip_unset_env) {
            sb_addch(out, '$');
            sb_add(out, name.buf, name.len);
        } else {
            sb_add(out, v, vn);
        }
        sb_release(&name);
    }
    lx->depth--;
    return rc;
}

/*
 * processStopOn: append the processed text up to stop (consumed) or the
 * end of input to out; w (may be NULL) collects the split words.
 * raw_escapes applies to this call and the ones nested in it.
 */
static int stop_on(struct lexer *lx, long stop, bool raw_escapes,
                   struct sb *out, struct words *w)
{
    bool saved = lx->raw_escapes;
    int rc = 0;

    lx->raw_escapes = raw_escapes;
    for (;;) {
        long ch = lx_peek(lx);
        if (ch == EOF_RUNE)
            break;
        if (stop != EOF_RUNE && ch == stop) {
            lx_next(lx);
            goto out_restore;
        }
        bool quote = !lx->skip_process_quotes && (ch == '\'' || ch == '"');
        if (ch == '$' || ch == '<' || quote) {
            size_t old = out->len;
            if (ch == '$')
                rc = process_dollar(lx, out);
            else if (ch == '<')
                process_possible_heredoc(lx, out);
            else if (ch == '\'')
                rc = process_single_quote(lx, out);
            else
                rc = process_double_quote(lx, out);
            if (rc)
                goto out_restore;
            if (ch == '$')
                words_add_string(w, out->buf + old, out->len - old);
            else
                words_add_raw_string(w, out->buf + old, out->len - old);
            continue;
        }
        ch = lx_next(lx);
        if (ch == lx->escape) {
            if (lx->raw_escapes) {
                words_add_raw_char(w, ch);
                sb_add_rune(out, ch);
            }
            ch = lx_next(lx);
            if (ch == EOF_RUNE)
                break; /* a trailing escape is dropped */
            words_add_raw_char(w, ch);
        } else {
            words_add_char(w, ch);
        }
        sb_add_rune(out, ch);
    }
    if (stop != EOF_RUNE) {
        sb_reset(&lx->err);
        sb_adds(&lx->err, "unexpected end of statement while looking for "
                          "matching ");
        sb_add_rune(&lx->err, stop);
        rc = -1;
    }
out_restore:
    lx->raw_escapes = saved;
    return rc;
}

/* ================================================================ */
/* Public API.                                                      */

bool expand_env_lookup(void *ctx, const char *name, size_t name_len,
                       const char **value, size_t *value_len)
{
    const struct expand_env *env = ctx;

    for (size_t i = env->n_entries; i-- > 0;) {
        const char *e = env->entries[i];
        const char *eq = strchr(e, '=');
        size_t klen = eq ? (size_t)(eq - e) : strlen(e);
        if (klen == name_len && !memcmp(e, name, klen)) {
            *value = eq ? eq + 1 : "";
            *value_len = strlen(*value);
            return true;
        }
    }
    return false;
}

static char **names_to_arena(struct arena *a, const struct name_list *l)
{
    char **v = arena_calloc(a, l->n + 1, sizeof(char *));
    if (l->n)
        memcpy(v, l->v, l->n * sizeof(char *));
    return v;
}

int expand_process(struct arena *a, const char *in, size_t len,
                   const struct expand_opts *o, expand_lookup_fn *lookup,
                   void *ctx, struct expand_result *out)
{
    static const struct expand_opts defaults = EXPAND_OPTS_INIT;
    struct lexer lx;
    struct words w;
    struct sb res = SB_INIT;
    int rc;

    if (!o)
        o = &defaults;
    if (!in)
        in = "";
    memset(&lx, 0, sizeof(lx));
    scan_init(&lx.sc, in, len);
    lx.a = a;
    lx.escape = o->escape;
    lx.raw_quotes = o->raw_quotes;
    lx.raw_escapes = o->raw_escapes;
    lx.skip_unset_env = o->skip_unset_env;
    lx.skip_process_quotes = o->skip_process_quotes;
    lx.lookup = lookup;
    lx.ctx = ctx;
    sb_init(&lx.err);
    memset(&w, 0, sizeof(w));
    w.a = a;
    sb_init(&w.word);

    rc = stop_on(&lx, EOF_RUNE, o->raw_escapes, &res, &w);

    memset(out, 0, sizeof(*out));
    if (rc == 0) {
        words_flush(&w);
        out->word = arena_memdup0(a, res.buf, res.len);
        out->word_len = res.len;
        out->n_words = w.n;
        out->words = arena_calloc(a, w.n + 1, sizeof(char *));
        out->word_lens = arena_calloc(a, w.n + 1, sizeof(size_t));
        if (w.n) {
            memcpy(out->words, w.list, w.n * sizeof(char *));
            memcpy(out->word_lens, w.lens, w.n * sizeof(size_t));
        }
    } else {
        struct sb e = SB_INIT;
        sb_adds(&e, "failed to process ");
        go_quote(&e, in, len);
        sb_adds(&e, ": ");
        sb_add(&e, lx.err.buf, lx.err.len);
        out->word = arena_strdup(a, "");
        out->words = arena_calloc(a, 1, sizeof(char *));
        out->word_lens = arena_calloc(a, 1, sizeof(size_t));
        out->error = arena_memdup0(a, e.buf, e.len);
        out->error_len = e.len;
        sb_release(&e);
    }
    out->matched = names_to_arena(a, &lx.matched);
    out->n_matched = lx.matched.n;
    out->unmatched = names_to_arena(a, &lx.unmatched);
    out->n_unmatched = lx.unmatched.n;

    sb_release(&res);
    sb_release(&w.word);
    free(w.list);
    free(w.lens);
    free(lx.matched.v);
    free(lx.unmatched.v);
    free(lx.seen.slots);
    sb_release(&lx.err);
    return rc ? -1 : 0;
}
