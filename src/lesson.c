/*
 * lesson.c: parsing lesson files and the lessons index (see lesson.h).
 */
#include "lesson.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host.h"
#include "dockerargs.h"
#include "gostr.h"
#include "instr_table.h"
#include "sb.h"
#include "store.h"
#include "xmalloc.h"

/* ==================================================================== */
/* Problems                                                             */
/* ==================================================================== */

void lesson_diags_init(struct lesson_diags *d)
{
    d->v = NULL;
    d->n = d->cap = 0;
    arena_init(&d->arena);
}

void lesson_diags_release(struct lesson_diags *d)
{
    free(d->v);
    arena_release(&d->arena);
    lesson_diags_init(d);
}

void lesson_diag_add(struct lesson_diags *d, const char *file, int line,
                     bool warning, const char *fmt, ...)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 8;
        d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *m = arena_alloc(&d->arena, n > 0 ? (size_t)n + 1 : 1);
    m[0] = '\0';
    if (n > 0) {
        va_start(ap, fmt);
        vsnprintf(m, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    struct lesson_diag *g = &d->v[d->n++];
    g->file = arena_strdup(&d->arena, file ? file : "");
    g->line = line;
    g->warning = warning;
    g->msg = m;
}

size_t lesson_diags_errors(const struct lesson_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += !d->v[i].warning;
    return n;
}

void lesson_diags_format(struct sb *out, const struct lesson_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct lesson_diag *g = &d->v[i];
        if (g->line > 0)
            sb_addf(out, "%s:%d: ", g->file, g->line);
        else
            sb_addf(out, "%s: ", g->file);
        sb_addf(out, "%s%s\n", g->warning ? "warning: " : "", g->msg);
    }
}

/* ==================================================================== */
/* Small helpers                                                        */
/* ==================================================================== */

/* Grow an arena array to hold n + 1 elements (doubling; old copies are
 * simply left in the arena). */
static void *agrow(struct arena *a, void *v, size_t n, size_t *cap,
                   size_t size)
{
    if (n < *cap)
        return v;
    size_t nc = *cap ? *cap * 2 : 4;
    void *nv = arena_calloc(a, nc, size);
    if (n)
        memcpy(nv, v, n * size);
    *cap = nc;
    return nv;
}

static bool is_blank(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return *s == '\0';
}

static size_t indent_of(const char *s)
{
    size_t n = 0;
    while (s[n] == ' ' || s[n] == '\t')
        n++;
    return n;
}

/* s without leading and trailing blanks, copied into a. */
static char *trimmed(struct arena *a, const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return arena_memdup0(a, s, len);
}

/* [a-z0-9][a-z0-9-]* */
static bool valid_id(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '-'))
            return false;
    return true;
}

/* The closest name among names[0..n) (distance <= 2), or NULL. */
static const char *closest(const char *w, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t bestd = 3;
    for (size_t i = 0; i < n; i++) {
        size_t d = go_levenshtein(w, strlen(w), names[i], strlen(names[i]));
        if (d < bestd) {
            bestd = d;
            best = names[i];
        }
    }
    return best;
}

/* Read a whole file; NULL and *err (strerror text) on failure. */
static char *read_file(const char *path, size_t *len, const char **err)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        *err = strerror(errno);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        *err = "is a directory";
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = strerror(errno);
        return NULL;
    }
    struct sb b = SB_INIT;
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
        sb_add(&b, buf, n);
        if (b.len > 16UL * 1024 * 1024) {
            fclose(f);
            sb_release(&b);
            *err = "larger than 16 MB";
            return NULL;
        }
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        sb_release(&b);
        *err = "read error";
        return NULL;
    }
    return sb_detach(&b, len);
}

/* ==================================================================== */
/* Lines, sections, blocks                                              */
/* ==================================================================== */

struct lp {
    struct lesson *l;
    struct arena *a;
    struct lesson_diags *d;
    const char *file;
    char **lines;     /* lines[i] is line i + 1, without its newline */
    int n_lines;
    bool failed;
};

static void perr(struct lp *p, int line, const char *fmt, ...)
    ATTR_PRINTF(3, 4);

static void perr(struct lp *p, int line, const char *fmt, ...)
{
    va_list ap;
    struct sb m = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    lesson_diag_add(p->d, p->file, line, false, "%s", m.buf);
    sb_release(&m);
    p->failed = true;
}

/* Split the (arena) copy of the text into lines, in place. */
static void split_lines(struct lp *p, char *text, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    if (len && text[len - 1] != '\n')
        n++;
    p->lines = arena_calloc(p->a, (size_t)n + 1, sizeof(*p->lines));
    p->n_lines = n;
    char *s = text;
    for (int i = 0; i < n; i++) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        size_t l = strlen(s);
        if (l && s[l - 1] == '\r')
            s[l - 1] = '\0';
        p->lines[i] = s;
        s = nl ? nl + 1 : s + l;
    }
}

/* One `key: value` with the indented lines that follow it. */
struct block {
    const char *key;
    int line;
    const char *value;   /* the text after "key:", trimmed ("" if none) */
    int *cont;           /* line numbers of the continuation lines */
    size_t n_cont, cap;
};

struct blocks {
    struct block *v;
    size_t n, cap;
};

static void blocks_release(struct blocks *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->v[i].cont);
    free(b->v);
    memset(b, 0, sizeof(*b));
}

/* Is line a `key:` line (column 0, [a-z-]+ then ':')? *klen gets the
 * key's length. */
static bool key_line(const char *s, size_t *klen)
{
    size_t n = 0;
    while ((s[n] >= 'a' && s[n] <= 'z') || s[n] == '-')
        n++;
    if (!n || s[n] != ':')
        return false;
    *klen = n;
    return true;
}

/* The key blocks of lines [from, to) (1-based line numbers). */
static void collect_blocks(struct lp *p, int from, int to, struct blocks *out)
{
    struct block *cur = NULL;
    for (int ln = from; ln < to; ln++) {
        const char *s = p->lines[ln - 1];
        size_t klen;
        if (!is_blank(s) && s[0] == '#')
            continue; /* a comment */
        if (!is_blank(s) && s[0] != ' ' && s[0] != '\t') {
            if (!key_line(s, &klen)) {
                perr(p, ln, "expected 'key: value' or an indented line, not "
                            "'%s'",
                     s);
                cur = NULL;
                continue;
            }
            if (out->n == out->cap) {
                out->cap = out->cap ? out->cap * 2 : 8;
                out->v = xreallocarray(out->v, out->cap, sizeof(*out->v));
            }
            cur = &out->v[out->n++];
            memset(cur, 0, sizeof(*cur));
            cur->key = arena_memdup0(p->a, s, klen);
            cur->line = ln;
            cur->value = trimmed(p->a, s + klen + 1, strlen(s + klen + 1));
            continue;
        }
        /* an indented (or blank) line */
        if (!cur) {
            if (!is_blank(s))
                perr(p, ln, "indented line outside a block (a value "
                            "continues only after a 'key:' line)");
            continue;
        }
        if (cur->n_cont == cur->cap) {
            cur->cap = cur->cap ? cur->cap * 2 : 8;
            cur->cont = xreallocarray(cur->cont, cur->cap, sizeof(int));
        }
        cur->cont[cur->n_cont++] = ln;
    }
    /* trailing blank lines belong to no block */
    for (size_t i = 0; i < out->n; i++)
        while (out->v[i].n_cont &&
               is_blank(p->lines[out->v[i].cont[out->v[i].n_cont - 1] - 1]))
            out->v[i].n_cont--;
}

/* The smallest indentation of a block's non-blank continuation lines. */
static size_t block_indent(const struct lp *p, const struct block *b)
{
    size_t min = SIZE_MAX;
    for (size_t i = 0; i < b->n_cont; i++) {
        const char *s = p->lines[b->cont[i] - 1];
        if (!is_blank(s) && indent_of(s) < min)
            min = indent_of(s);
    }
    return min == SIZE_MAX ? 0 : min;
}

/* The continuation line i of b without the block's indentation. */
static const char *cont_line(const struct lp *p, const struct block *b,
                             size_t i, size_t indent)
{
    const char *s = p->lines[b->cont[i] - 1];
    return is_blank(s) ? "" : s + indent;
}

/* A text value: the inline part, then the continuation lines (dedented),
 * joined by newlines; NULL if empty. */
static const char *block_text(struct lp *p, const struct block *b)
{
    struct sb t = SB_INIT;
    size_t ind = block_indent(p, b);
    sb_adds(&t, b->value);
    for (size_t i = 0; i < b->n_cont; i++) {
        if (t.len)
            sb_addch(&t, '\n');
        sb_adds(&t, cont_line(p, b, i, ind));
    }
    /* no trailing blanks on any line */
    const char *r = t.len ? arena_memdup0(p->a, t.buf, t.len) : NULL;
    sb_release(&t);
    return r;
}

/* Input lines: the inline value then each continuation line (dedented),
 * kept as typed: a '#' line or a blank line can be part of a heredoc
 * (and is harmless narration otherwise); blank lines at the end (before
 * the next key) are dropped. */
static size_t block_inputs(struct lp *p, const struct block *b,
                           struct lesson_input **out)
{
    size_t n = 0, cap = 0;
    struct lesson_input *v = NULL;
    size_t ind = block_indent(p, b);
    if (*b->value) {
        v = agrow(p->a, v, n, &cap, sizeof(*v));
        v[n].text = b->value;
        v[n++].line = b->line;
    }
    size_t last = b->n_cont;
    while (last > 0 && is_blank(cont_line(p, b, last - 1, ind)))
        last--;
    for (size_t i = 0; i < last; i++) {
        const char *s = cont_line(p, b, i, ind);
        v = agrow(p->a, v, n, &cap, sizeof(*v));
        v[n].text = arena_strdup(p->a, is_blank(s) ? "" : s);
        v[n++].line = b->cont[i];
    }
    *out = v;
    return n;
}

/* ==================================================================== */
/* Checks                                                               */
/* ==================================================================== */

static const char *next_word(const char **s, size_t *len)
{
    const char *t = *s;
    while (*t == ' ' || *t == '\t')
        t++;
    const char *w = t;
    while (*t && *t != ' ' && *t != '\t')
        t++;
    *len = (size_t)(t - w);
    *s = t;
    return w;
}

/* PATH OP [VALUE] of a check (rest of the line after the check word or
 * after =>). */
static int parse_path_op_value(struct lp *p, const char *s, int line,
                               enum sm_scope scope, struct lesson_check *c)
{
    size_t pl, ol;
    const char *path = next_word(&s, &pl);
    if (!pl) {
        perr(p, line, "missing path in check");
        return -1;
    }
    c->path = sm_path_lookup(path, pl, &c->param);
    if (!c->path) {
        const char *sug = sm_path_suggest(path, pl, scope);
        perr(p, line, "unknown %s path '%.*s'%s%s%s",
             scope == SM_SCOPE_STATE ? "state" : "run", (int)pl, path,
             sug ? " (did you mean '" : "", sug ? sug : "", sug ? "'?)" : "");
        return -1;
    }
    if (c->param) {
        size_t n = pl - (size_t)(c->param - path);
        if (!n) {
            perr(p, line, "'%.*s' needs a name after the dot", (int)pl, path);
            return -1;
        }
        c->param = arena_memdup0(p->a, c->param, n);
    }
    if (c->path->scope != scope) {
        if (scope == SM_SCOPE_STATE)
            perr(p, line, "'%s' is a run path: check it with 'run "
                          "COMMAND => %s ...' or 'last-run %s ...'",
                 c->path->name, c->path->name, c->path->name);
        else
            perr(p, line, "'%s' is a state path: check it with 'state %s "
                          "...'",
                 c->path->name, c->path->name);
        return -1;
    }
    const char *op = next_word(&s, &ol);
    if (!ol) {
        perr(p, line, "missing operator after '%.*s' (use = != has ~ "
                      "exists missing)",
             (int)pl, path);
        return -1;
    }
    if (sm_op_parse(op, ol, &c->op) < 0) {
        perr(p, line, "unknown operator '%.*s' (use = != has ~ exists "
                      "missing)",
             (int)ol, op);
        return -1;
    }
    const char *why = sm_op_check(c->op, c->path->type);
    if (why) {
        perr(p, line, "operator '%s' %s, and '%s' is not one", sm_op_name(c->op),
             why, c->path->name);
        return -1;
    }
    char *value = trimmed(p->a, s, strlen(s));
    const char *err = NULL;
    if (sm_value_parse(p->a, value, c->path->type, c->op, &c->want, &err) <
        0) {
        if (sm_op_has_value(c->op) && *value)
            perr(p, line, "value '%s' for '%s' %s", value, c->path->name, err);
        else
            perr(p, line, "operator '%s' %s", sm_op_name(c->op), err);
        return -1;
    }
    return 0;
}

static int parse_check(struct lp *p, const char *text, int line,
                       const char *desc, struct lesson_check *c)
{
    memset(c, 0, sizeof(*c));
    c->desc = desc;
    c->text = arena_strdup(p->a, text);
    c->line = line;
    const char *s = text;
    size_t wl;
    const char *w = next_word(&s, &wl);
    if (wl == 5 && strncmp(w, "state", 5) == 0) {
        c->kind = LCHECK_STATE;
        return parse_path_op_value(p, s, line, SM_SCOPE_STATE, c);
    }
    if (wl == 8 && strncmp(w, "last-run", 8) == 0) {
        c->kind = LCHECK_LAST_RUN;
        return parse_path_op_value(p, s, line, SM_SCOPE_RUN, c);
    }
    if (wl == 3 && strncmp(w, "run", 3) == 0) {
        c->kind = LCHECK_RUN;
        const char *arrow = strstr(s, " => ");
        if (!arrow) {
            perr(p, line, "a run check reads 'run DOCKER-RUN-COMMAND => PATH "
                          "OP VALUE'");
            return -1;
        }
        c->probe = trimmed(p->a, s, (size_t)(arrow - s));
        if (!sm_is_docker_run(c->probe)) {
            perr(p, line, "'%s' is not a docker run command (a probe runs "
                          "the lesson image with `docker run ...`)",
                 c->probe);
            return -1;
        }
        return parse_path_op_value(p, arrow + 4, line, SM_SCOPE_RUN, c);
    }
    perr(p, line, "unknown check '%.*s' (a check starts with state, run or "
                  "last-run)",
         (int)wl, w);
    return -1;
}

/* goal: a '#' description, then its check, for each check. */
static void parse_goal(struct lp *p, struct lesson_step *st,
                       const struct block *b)
{
    st->goal_line = b->line;
    if (*b->value)
        perr(p, b->line, "goal: takes its checks on the indented lines "
                         "below it");
    size_t ind = block_indent(p, b), cap = 0;
    struct sb desc = SB_INIT;
    int desc_line = 0;
    for (size_t i = 0; i < b->n_cont; i++) {
        const char *s = cont_line(p, b, i, ind);
        int ln = b->cont[i];
        if (is_blank(s))
            continue;
        if (s[0] == ' ' || s[0] == '\t') {
            perr(p, ln, "unexpected indentation in goal: (one check per "
                        "line)");
            continue;
        }
        if (s[0] == '#') {
            const char *t = s + 1;
            while (*t == ' ' || *t == '\t')
                t++;
            if (desc.len)
                sb_addch(&desc, ' ');
            sb_adds(&desc, t);
            if (!desc_line)
                desc_line = ln;
            continue;
        }
        st->goal = agrow(p->a, st->goal, st->n_goal, &cap, sizeof(*st->goal));
        struct lesson_check *c = &st->goal[st->n_goal];
        if (!desc.len)
            perr(p, ln, "check without a '#' description above it (the "
                        "learner's checklist shows that line)");
        if (parse_check(p, s, ln,
                        desc.len ? arena_strdup(p->a, desc.buf) : NULL,
                        c) == 0)
            st->n_goal++;
        sb_reset(&desc);
        desc_line = 0;
    }
    if (desc.len)
        perr(p, desc_line, "description without a check after it");
    sb_release(&desc);
}

/* feedback: `when CHECK` then `say: TEXT` (continued on deeper lines). */
static void parse_feedback(struct lp *p, struct lesson_step *st,
                           const struct block *b)
{
    if (*b->value)
        perr(p, b->line, "feedback: takes its rules on the indented lines "
                         "below it");
    size_t ind = block_indent(p, b), cap = 0;
    struct lesson_rule *r = NULL;  /* the rule being read */
    struct sb say = SB_INIT;
    bool in_say = false;
    bool skip_say = false; /* the say: of a when that did not parse */
    const char *desc = NULL;
    for (size_t i = 0; i <= b->n_cont; i++) {
        const char *s = i < b->n_cont ? cont_line(p, b, i, ind) : NULL;
        int ln = i < b->n_cont ? b->cont[i] : 0;
        if (s && (is_blank(s) || s[0] == ' ' || s[0] == '\t')) {
            if (in_say) {
                sb_addch(&say, '\n');
                sb_adds(&say, s + indent_of(s));
            } else if (!is_blank(s) && !skip_say) {
                perr(p, ln, "unexpected indentation in feedback: (only say: "
                            "text continues on deeper lines)");
            }
            continue;
        }
        if (in_say) { /* the say: text ends */
            while (say.len && say.buf[say.len - 1] == '\n')
                sb_setlen(&say, say.len - 1);
            r->say = arena_strdup(p->a, say.buf);
            sb_reset(&say);
            in_say = false;
            r = NULL;
        }
        if (!s)
            break;
        bool bad_when = skip_say;
        skip_say = false;
        if (s[0] == '#') {
            desc = arena_strdup(p->a, s + 1 + indent_of(s + 1));
            continue;
        }
        if (strncmp(s, "when ", 5) == 0) {
            if (r)
                perr(p, r->line, "'when' without a 'say:' after it");
            st->rules = agrow(p->a, st->rules, st->n_rules, &cap,
                              sizeof(*st->rules));
            struct lesson_rule *nr = &st->rules[st->n_rules];
            memset(nr, 0, sizeof(*nr));
            nr->line = ln;
            if (parse_check(p, s + 5, ln, desc, &nr->when) == 0) {
                st->n_rules++;
                r = nr;
            } else {
                r = NULL;
                skip_say = true;
            }
            desc = NULL;
            continue;
        }
        if (strncmp(s, "say:", 4) == 0) {
            if (!r) {
                if (!bad_when)
                    perr(p, ln, "'say:' without a 'when' rule before it");
                skip_say = true;
                continue;
            }
            const char *t = s + 4;
            sb_adds(&say, t + indent_of(t));
            in_say = true;
            continue;
        }
        perr(p, ln, "expected 'when CHECK' or 'say: TEXT' in feedback:, not "
                    "'%s'",
             s);
    }
    if (r)
        perr(p, r->line, "'when' without a 'say:' after it");
    sb_release(&say);
}

/* ==================================================================== */
/* Keys                                                                 */
/* ==================================================================== */

struct key_def {
    const char *name;
    bool required;
    bool repeatable;
};

static const struct key_def header_keys[] = {
    { "lesson", true, false },  { "format", true, false },
    { "version", true, false }, { "title", true, false },
    { "summary", true, false }, { "level", false, false },
    { "minutes", false, false }, { "requires", false, false },
    { "image", false, false },  { "allow", false, false },
};

static const struct key_def step_keys[] = {
    { "title", true, false },    { "text", true, false },
    { "goal", true, false },     { "hint", false, true },
    { "solution", true, false }, { "feedback", false, false },
    { "explain", false, false },
};

static const struct key_def try_keys[] = {
    { "step", true, false },
    { "input", true, false },
    { "expect-feedback", true, false },
};

/*
 * Check a section's blocks against its key table: unknown keys (with a
 * suggestion), repeats, missing required keys. Returns the row index of
 * each block in idx (-1 for a bad block).
 */
static void check_keys(struct lp *p, const struct blocks *bs,
                       const struct key_def *keys, size_t n_keys,
                       const char *where, int where_line, int *idx)
{
    const char *names[16];
    int seen[16] = { 0 };
    assert(n_keys <= ARRAY_LEN(names));
    for (size_t k = 0; k < n_keys; k++)
        names[k] = keys[k].name;
    for (size_t i = 0; i < bs->n; i++) {
        idx[i] = -1;
        for (size_t k = 0; k < n_keys; k++)
            if (strcmp(bs->v[i].key, keys[k].name) == 0)
                idx[i] = (int)k;
        if (idx[i] < 0) {
            const char *sug = closest(bs->v[i].key, names, n_keys);
            perr(p, bs->v[i].line, "unknown key '%s' in %s%s%s%s",
                 bs->v[i].key, where, sug ? " (did you mean '" : "",
                 sug ? sug : "", sug ? "'?)" : "");
            continue;
        }
        if (seen[idx[i]]++ && !keys[idx[i]].repeatable) {
            perr(p, bs->v[i].line, "key '%s' given twice in %s",
                 bs->v[i].key, where);
            idx[i] = -1;
        }
    }
    for (size_t k = 0; k < n_keys; k++)
        if (keys[k].required && !seen[k])
            perr(p, where_line, "%s has no '%s:'", where, keys[k].name);
}

static int parse_int(const char *s, long min, long *out)
{
    errno = 0;
    char *end;
    long n = strtol(s, &end, 10);
    if (errno || end == s || *end || n < min || n > INT_MAX)
        return -1;
    *out = n;
    return 0;
}

/* Blank-separated words of a header value (commas allowed as blanks). */
static size_t header_words(struct lp *p, const char *v, const char ***out)
{
    size_t n = 0, cap = 0;
    const char **w = NULL;
    const char *s = v;
    while (*s) {
        while (*s == ' ' || *s == '\t' || *s == ',')
            s++;
        const char *b = s;
        while (*s && *s != ' ' && *s != '\t' && *s != ',')
            s++;
        if (s > b) {
            w = agrow(p->a, w, n, &cap, sizeof(*w));
            w[n++] = arena_memdup0(p->a, b, (size_t)(s - b));
        }
    }
    *out = w;
    return n;
}

/* The canonical docker command for an allow token "docker-image-ls"
 * ("image ls"), or NULL. */
static const struct dcmd_def *docker_token(const char *tok)
{
    if (strncmp(tok, "docker-", 7) != 0 || !tok[7])
        return NULL;
    for (size_t i = 0; i < dcli_n_commands; i++) {
        const struct dcmd_def *c = &dcli_commands[i];
        const char *name = c->alias_of ? c->alias_of : c->path;
        const char *a = name, *b = tok + 7;
        while (*a && *b && (*a == *b || (*a == ' ' && *b == '-'))) {
            a++;
            b++;
        }
        if (!*a && !*b)
            return c;
    }
    return NULL;
}

static void parse_allow(struct lp *p, struct lesson *l, const char *v, int ln)
{
    const char **w;
    size_t n = header_words(p, v, &w);
    l->has_allow = true;
    l->allow = arena_calloc(p->a, n ? n : 1, sizeof(*l->allow));
    for (size_t i = 0; i < n; i++) {
        enum instr_kind k = instr_lookup(w[i], strlen(w[i]));
        if (k != INSTR_UNKNOWN) {
            l->allow[l->n_allow++] = instr_table[k].name;
        } else if (docker_token(w[i])) {
            l->allow[l->n_allow++] = w[i];
        } else {
            perr(p, ln, "allow: '%s' is neither a Dockerfile instruction nor "
                        "a docker command written like docker-run",
                 w[i]);
        }
    }
}

static void parse_header(struct lp *p, int from, int to)
{
    struct lesson *l = p->l;
    struct blocks bs = { 0 };
    collect_blocks(p, from, to, &bs);
    int *idx = xcalloc(bs.n ? bs.n : 1, sizeof(int));
    check_keys(p, &bs, header_keys, ARRAY_LEN(header_keys), "the header", 1,
               idx);
    for (size_t i = 0; i < bs.n; i++) {
        const struct block *b = &bs.v[i];
        if (idx[i] < 0)
            continue;
        const char *key = header_keys[idx[i]].name;
        const char *v = block_text(p, b);
        if (!v)
            v = "";
        if (b->n_cont && strcmp(key, "summary") != 0 &&
            strcmp(key, "title") != 0 && strcmp(key, "allow") != 0 &&
            strcmp(key, "requires") != 0)
            perr(p, b->cont[0], "'%s:' takes one line", key);
        long n;
        if (strcmp(key, "lesson") == 0) {
            l->id = v;
            l->id_line = b->line;
            if (!valid_id(v))
                perr(p, b->line, "lesson id '%s' must be lower-case letters, "
                                 "digits and '-'",
                     v);
        } else if (strcmp(key, "format") == 0) {
            if (parse_int(v, 1, &n) < 0)
                perr(p, b->line, "format '%s' is not a number", v);
            else if (n != 1)
                perr(p, b->line, "format %ld is not supported (docksim reads "
                                 "format 1)",
                     n);
            else
                l->format = 1;
        } else if (strcmp(key, "version") == 0) {
            if (parse_int(v, 1, &n) < 0)
                perr(p, b->line, "version '%s' must be a whole number from 1",
                     v);
            else
                l->version = (int)n;
        } else if (strcmp(key, "title") == 0) {
            l->title = v;
        } else if (strcmp(key, "summary") == 0) {
            l->summary = v;
        } else if (strcmp(key, "level") == 0) {
            l->level = v;
        } else if (strcmp(key, "minutes") == 0) {
            if (parse_int(v, 1, &n) < 0)
                perr(p, b->line, "minutes '%s' must be a whole number", v);
            else
                l->minutes = (int)n;
        } else if (strcmp(key, "requires") == 0) {
            l->n_requires = header_words(p, v, &l->requires);
            l->requires_line = b->line;
            for (size_t k = 0; k < l->n_requires; k++)
                if (!valid_id(l->requires[k]))
                    perr(p, b->line, "requires: '%s' is not a lesson id",
                         l->requires[k]);
        } else if (strcmp(key, "image") == 0) {
            struct image_ref ref;
            char *rerr = NULL;
            bool lower = true;
            for (const char *c = v; *c; c++)
                lower = lower && !(*c >= 'A' && *c <= 'Z');
            if (!*v || !lower || strchr(v, ' ') ||
                image_ref_parse(v, &ref, &rerr) < 0) {
                perr(p, b->line, "image '%s' is not a valid image name", v);
                free(rerr);
            } else {
                image_ref_release(&ref);
                l->image = v;
            }
        } else if (strcmp(key, "allow") == 0) {
            parse_allow(p, l, v, b->line);
        }
    }
    free(idx);
    blocks_release(&bs);
}

/* A text section ([intro], [finish]): its lines as written, without
 * leading and trailing blank lines; NULL if empty. */
static const char *section_text(struct lp *p, int from, int to)
{
    while (from < to && is_blank(p->lines[from - 1]))
        from++;
    while (to > from && is_blank(p->lines[to - 2]))
        to--;
    if (from >= to)
        return NULL;
    struct sb t = SB_INIT;
    for (int ln = from; ln < to; ln++) {
        if (ln > from)
            sb_addch(&t, '\n');
        sb_adds(&t, p->lines[ln - 1]);
    }
    const char *r = arena_strdup(p->a, t.buf);
    sb_release(&t);
    return r;
}

static void parse_setup(struct lp *p, int from, int to)
{
    size_t cap = 0;
    for (int ln = from; ln < to; ln++) {
        const char *s = p->lines[ln - 1];
        if (is_blank(s) || s[indent_of(s)] == '#')
            continue;
        p->l->setup = agrow(p->a, p->l->setup, p->l->n_setup, &cap,
                            sizeof(*p->l->setup));
        p->l->setup[p->l->n_setup].text = s;
        p->l->setup[p->l->n_setup++].line = ln;
    }
}

static void parse_step(struct lp *p, struct lesson_step *st, int from, int to)
{
    struct blocks bs = { 0 };
    collect_blocks(p, from, to, &bs);
    int *idx = xcalloc(bs.n ? bs.n : 1, sizeof(int));
    char where[128];
    snprintf(where, sizeof(where), "step '%s'", st->id);
    check_keys(p, &bs, step_keys, ARRAY_LEN(step_keys), where, st->line, idx);
    size_t hcap = 0;
    for (size_t i = 0; i < bs.n; i++) {
        const struct block *b = &bs.v[i];
        if (idx[i] < 0)
            continue;
        const char *key = step_keys[idx[i]].name;
        if (strcmp(key, "title") == 0) {
            st->title = block_text(p, b);
        } else if (strcmp(key, "text") == 0) {
            st->text = block_text(p, b);
        } else if (strcmp(key, "explain") == 0) {
            st->explain = block_text(p, b);
        } else if (strcmp(key, "hint") == 0) {
            const char *h = block_text(p, b);
            if (!h) {
                perr(p, b->line, "empty hint");
                continue;
            }
            st->hints = agrow(p->a, st->hints, st->n_hints, &hcap,
                              sizeof(*st->hints));
            st->hints[st->n_hints++] = h;
        } else if (strcmp(key, "goal") == 0) {
            parse_goal(p, st, b);
            if (!st->n_goal && !p->failed)
                perr(p, b->line, "step '%s' has no checks in its goal",
                     st->id);
        } else if (strcmp(key, "solution") == 0) {
            st->solution_line = b->line;
            st->n_solution = block_inputs(p, b, &st->solution);
            if (!st->n_solution)
                perr(p, b->line, "step '%s' has an empty solution", st->id);
        } else if (strcmp(key, "feedback") == 0) {
            parse_feedback(p, st, b);
        }
    }
    if (!st->title)
        st->title = st->id;
    free(idx);
    blocks_release(&bs);
}

static void parse_try(struct lp *p, struct lesson_try *t, int from, int to)
{
    struct blocks bs = { 0 };
    collect_blocks(p, from, to, &bs);
    int *idx = xcalloc(bs.n ? bs.n : 1, sizeof(int));
    char where[128];
    snprintf(where, sizeof(where), "try '%s'", t->name);
    check_keys(p, &bs, try_keys, ARRAY_LEN(try_keys), where, t->line, idx);
    t->expect = -1;
    for (size_t i = 0; i < bs.n; i++) {
        const struct block *b = &bs.v[i];
        if (idx[i] < 0)
            continue;
        const char *key = try_keys[idx[i]].name;
        if (strcmp(key, "step") == 0) {
            t->step = b->value;
        } else if (strcmp(key, "input") == 0) {
            t->n_input = block_inputs(p, b, &t->input);
            if (!t->n_input)
                perr(p, b->line, "try '%s' has no input", t->name);
        } else {
            long n;
            if (strcmp(b->value, "none") == 0)
                t->expect = 0;
            else if (parse_int(b->value, 1, &n) == 0)
                t->expect = (int)n;
            else
                perr(p, b->line, "expect-feedback: '%s' must be a rule number "
                                 "(1 for the first when) or none",
                     b->value);
        }
    }
    free(idx);
    blocks_release(&bs);
}

/* The text between '[' and ']' of a section line, or NULL if the line is
 * not one. */
static char *section_name(struct lp *p, const char *s)
{
    if (s[0] != '[')
        return NULL;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n < 2 || s[n - 1] != ']')
        return NULL;
    return trimmed(p->a, s + 1, n - 2);
}

/* Cross-checks once everything is read. */
static void check_lesson(struct lp *p)
{
    struct lesson *l = p->l;
    if (!l->n_steps)
        perr(p, 1, "lesson has no [step ID] section");
    for (size_t i = 0; i < l->n_tries; i++) {
        struct lesson_try *t = &l->tries[i];
        if (!t->step)
            continue;
        long k = lesson_step_index(l, t->step);
        if (k < 0) {
            perr(p, t->line, "try '%s' names step '%s', which this lesson "
                             "does not have",
                 t->name, t->step);
            continue;
        }
        if (t->expect > 0 && (size_t)t->expect > l->steps[k].n_rules)
            perr(p, t->line, "try '%s' expects feedback rule %d, but step "
                             "'%s' has %zu",
                 t->name, t->expect, t->step, l->steps[k].n_rules);
    }
}

int lesson_parse(struct lesson *l, const char *file, const char *text,
                 size_t len, struct lesson_diags *d)
{
    memset(l, 0, sizeof(*l));
    arena_init(&l->arena);
    struct lp p = { l, &l->arena, d, NULL, NULL, 0, false };
    l->file = arena_strdup(&l->arena, file);
    p.file = l->file;
    l->image = "app";
    if (memchr(text, '\0', len)) {
        perr(&p, 0, "not a text file (it holds NUL bytes)");
        return -1;
    }
    split_lines(&p, arena_memdup0(&l->arena, text, len), len);

    /* section boundaries */
    int start = 1;
    char *name = NULL;
    int name_line = 0;
    bool seen_intro = false, seen_setup = false, seen_finish = false;
    size_t scap = 0, tcap = 0;
    for (int ln = 1; ln <= p.n_lines + 1; ln++) {
        char *next = ln <= p.n_lines ? section_name(&p, p.lines[ln - 1])
                                     : NULL;
        if (ln <= p.n_lines && !next)
            continue;
        /* the section [start, ln) ends here */
        if (!name) {
            parse_header(&p, start, ln);
        } else if (strcmp(name, "intro") == 0 || strcmp(name, "finish") == 0 ||
                   strcmp(name, "setup") == 0) {
            bool *seen = name[0] == 'i'   ? &seen_intro
                         : name[0] == 'f' ? &seen_finish
                                          : &seen_setup;
            if (*seen)
                perr(&p, name_line, "section [%s] given twice", name);
            *seen = true;
            if (name[0] == 'i')
                l->intro = section_text(&p, start, ln);
            else if (name[0] == 'f')
                l->finish = section_text(&p, start, ln);
            else
                parse_setup(&p, start, ln);
        } else if (strncmp(name, "step ", 5) == 0 ||
                   strncmp(name, "try ", 4) == 0) {
            bool step = name[0] == 's';
            const char *id = name + (step ? 5 : 4);
            id += indent_of(id);
            if (!valid_id(id))
                perr(&p, name_line, "%s id '%s' must be lower-case letters, "
                                    "digits and '-'",
                     step ? "step" : "try", id);
            if (step) {
                if (lesson_step_index(l, id) >= 0)
                    perr(&p, name_line, "duplicate step id '%s'", id);
                l->steps = agrow(&l->arena, l->steps, l->n_steps, &scap,
                                 sizeof(*l->steps));
                struct lesson_step *st = &l->steps[l->n_steps++];
                memset(st, 0, sizeof(*st));
                st->id = id;
                st->line = name_line;
                parse_step(&p, st, start, ln);
            } else {
                for (size_t i = 0; i < l->n_tries; i++)
                    if (strcmp(l->tries[i].name, id) == 0)
                        perr(&p, name_line, "duplicate try name '%s'", id);
                l->tries = agrow(&l->arena, l->tries, l->n_tries, &tcap,
                                 sizeof(*l->tries));
                struct lesson_try *t = &l->tries[l->n_tries++];
                memset(t, 0, sizeof(*t));
                t->name = id;
                t->line = name_line;
                parse_try(&p, t, start, ln);
            }
        } else {
            static const char *const sections[] = { "intro", "setup", "step",
                                                    "try", "finish" };
            const char *sug = closest(name, sections, ARRAY_LEN(sections));
            perr(&p, name_line, "unknown section [%s]%s%s%s (sections: "
                                "[intro] [setup] [step ID] [try NAME] "
                                "[finish])",
                 name, sug ? " (did you mean [" : "", sug ? sug : "",
                 sug ? "]?)" : "");
        }
        name = next;
        name_line = ln;
        start = ln + 1;
    }
    check_lesson(&p);
    return p.failed ? -1 : 0;
}

int lesson_load(struct lesson *l, const char *path, struct lesson_diags *d)
{
    size_t len;
    const char *err = NULL;
    char *text = read_file(path, &len, &err);
    if (!text) {
        memset(l, 0, sizeof(*l));
        arena_init(&l->arena);
        l->file = arena_strdup(&l->arena, path);
        lesson_diag_add(d, path, 0, false, "cannot read the lesson: %s", err);
        return -1;
    }
    int rc = lesson_parse(l, path, text, len, d);
    free(text);
    return rc;
}

void lesson_release(struct lesson *l)
{
    arena_release(&l->arena);
    memset(l, 0, sizeof(*l));
}

long lesson_step_index(const struct lesson *l, const char *id)
{
    for (size_t i = 0; i < l->n_steps; i++)
        if (strcmp(l->steps[i].id, id) == 0)
            return (long)i;
    return -1;
}

/* ==================================================================== */
/* allow:                                                               */
/* ==================================================================== */

static bool allowed(const struct lesson *l, const char *tok)
{
    for (size_t i = 0; i < l->n_allow; i++)
        if (strcmp(l->allow[i], tok) == 0)
            return true;
    return false;
}

static void allow_list(struct sb *why, const struct lesson *l)
{
    sb_adds(why, " (this lesson uses ");
    for (size_t i = 0; i < l->n_allow; i++) {
        if (i)
            sb_adds(why, i + 1 == l->n_allow ? " and " : ", ");
        if (strncmp(l->allow[i], "docker-", 7) == 0) {
            sb_adds(why, "docker ");
            for (const char *c = l->allow[i] + 7; *c; c++)
                sb_addch(why, *c == '-' ? ' ' : *c);
        } else {
            sb_adds(why, l->allow[i]);
        }
    }
    sb_adds(why, ")");
}

bool lesson_allows(const struct lesson *l, const char *line, bool continues,
                   struct sb *why)
{
    if (!l->has_allow || continues)
        return true;
    const char *t = line + indent_of(line);
    if (!*t || *t == '#')
        return true;
    size_t wl = strcspn(t, " \t");
    if (wl == 6 && strncmp(t, "docker", 6) == 0) {
        struct arena a = ARENA_INIT;
        struct shellwords w;
        const char *err = NULL;
        bool ok = true;
        if (shellwords_split(&a, t, NULL, NULL, &w, &err) == 0 && w.n >= 2) {
            size_t consumed = 0;
            const struct dcmd_def *c = dcli_find(w.words + 1, w.n - 1,
                                                 &consumed);
            if (c) {
                const char *name = c->alias_of ? c->alias_of : c->path;
                struct sb tok = SB_INIT;
                sb_adds(&tok, "docker-");
                for (const char *k = name; *k; k++)
                    sb_addch(&tok, *k == ' ' ? '-' : *k);
                ok = allowed(l, tok.buf);
                if (!ok && why) {
                    sb_addf(why, "`docker %s` is not part of this lesson",
                            name);
                    allow_list(why, l);
                }
                sb_release(&tok);
            }
        }
        arena_release(&a);
        return ok;
    }
    enum instr_kind k = instr_lookup(t, wl);
    if (k == INSTR_UNKNOWN || allowed(l, instr_table[k].name))
        return true;
    if (why) {
        sb_addf(why, "`%s` is not part of this lesson", instr_table[k].name);
        allow_list(why, l);
    }
    return false;
}

/* ==================================================================== */
/* The index                                                            */
/* ==================================================================== */

int lesson_index_parse(struct lesson_index *ix, const char *file,
                       const char *text, size_t len, struct lesson_diags *d)
{
    memset(ix, 0, sizeof(*ix));
    arena_init(&ix->arena);
    ix->file = arena_strdup(&ix->arena, file);
    struct lp p = { NULL, &ix->arena, d, ix->file, NULL, 0, false };
    if (memchr(text, '\0', len)) {
        perr(&p, 0, "not a text file (it holds NUL bytes)");
        return -1;
    }
    split_lines(&p, arena_memdup0(&ix->arena, text, len), len);
    size_t tcap = 0, lcap = 0;
    struct lesson_track *tr = NULL;
    for (int ln = 1; ln <= p.n_lines; ln++) {
        const char *s = p.lines[ln - 1];
        const char *t = s + indent_of(s);
        if (!*t || *t == '#')
            continue;
        char *sec = section_name(&p, s);
        if (sec) {
            if (strncmp(sec, "track ", 6) != 0) {
                perr(&p, ln, "expected [track ID], not [%s]", sec);
                tr = NULL;
                continue;
            }
            const char *id = sec + 6 + indent_of(sec + 6);
            if (!valid_id(id))
                perr(&p, ln, "track id '%s' must be lower-case letters, "
                             "digits and '-'",
                     id);
            for (size_t i = 0; i < ix->n_tracks; i++)
                if (strcmp(ix->tracks[i].id, id) == 0)
                    perr(&p, ln, "duplicate track id '%s'", id);
            ix->tracks = agrow(&ix->arena, ix->tracks, ix->n_tracks, &tcap,
                               sizeof(*ix->tracks));
            tr = &ix->tracks[ix->n_tracks++];
            memset(tr, 0, sizeof(*tr));
            tr->id = id;
            tr->line = ln;
            lcap = 0;
            continue;
        }
        if (!tr) {
            perr(&p, ln, "'%s' comes before the first [track ID]", t);
            continue;
        }
        if (strncmp(t, "title:", 6) == 0) {
            if (tr->title)
                perr(&p, ln, "track '%s' has two titles", tr->id);
            tr->title = trimmed(&ix->arena, t + 6, strlen(t + 6));
            continue;
        }
        char *id = trimmed(&ix->arena, t, strlen(t));
        if (!valid_id(id)) {
            perr(&p, ln, "'%s' is not a lesson id (lower-case letters, "
                         "digits and '-')",
                 id);
            continue;
        }
        for (size_t i = 0; i < ix->n_tracks; i++)
            for (size_t k = 0; k < ix->tracks[i].n; k++)
                if (strcmp(ix->tracks[i].lessons[k], id) == 0)
                    perr(&p, ln, "lesson '%s' is listed twice (first at "
                                 "line %d)",
                         id, ix->tracks[i].lesson_lines[k]);
        size_t c2 = lcap;
        tr->lessons = agrow(&ix->arena, tr->lessons, tr->n, &lcap,
                            sizeof(*tr->lessons));
        tr->lesson_lines = agrow(&ix->arena, tr->lesson_lines, tr->n, &c2,
                                 sizeof(*tr->lesson_lines));
        tr->lessons[tr->n] = id;
        tr->lesson_lines[tr->n++] = ln;
    }
    if (!ix->n_tracks && !p.failed)
        perr(&p, 0, "no [track ID] in the index");
    return p.failed ? -1 : 0;
}

int lesson_index_load(struct lesson_index *ix, const char *path,
                      struct lesson_diags *d)
{
    size_t len;
    const char *err = NULL;
    char *text = read_file(path, &len, &err);
    if (!text) {
        memset(ix, 0, sizeof(*ix));
        arena_init(&ix->arena);
        ix->file = arena_strdup(&ix->arena, path);
        lesson_diag_add(d, path, 0, false, "cannot read the index: %s", err);
        return -1;
    }
    int rc = lesson_index_parse(ix, path, text, len, d);
    free(text);
    return rc;
}

void lesson_index_release(struct lesson_index *ix)
{
    arena_release(&ix->arena);
    memset(ix, 0, sizeof(*ix));
}

/* ==================================================================== */
/* A directory of lessons                                               */
/* ==================================================================== */

int lesson_library_load(struct lesson_library *lib, const char *dir,
                        const char *lang, struct lesson_diags *d)
{
    memset(lib, 0, sizeof(*lib));
    lib->dir = xstrdup(dir);
    lib->lang = xstrdup(lang ? lang : "en");
    size_t before = lesson_diags_errors(d);
    struct sb path = SB_INIT;
    sb_addf(&path, "%s/index", dir);
    lib->index_ok = lesson_index_load(&lib->index, path.buf, d) == 0;
    size_t n = 0;
    for (size_t t = 0; t < lib->index.n_tracks; t++)
        n += lib->index.tracks[t].n;
    lib->lessons = xcalloc(n ? n : 1, sizeof(*lib->lessons));
    for (size_t t = 0; t < lib->index.n_tracks; t++) {
        const struct lesson_track *tr = &lib->index.tracks[t];
        for (size_t k = 0; k < tr->n; k++) {
            sb_reset(&path);
            sb_addf(&path, "%s/%s/%s.lesson", dir, lib->lang, tr->lessons[k]);
            struct stat st;
            if (stat(path.buf, &st) < 0) {
                lesson_diag_add(d, lib->index.file, tr->lesson_lines[k],
                                false, "lesson '%s' has no file %s",
                                tr->lessons[k], path.buf);
                lib->lessons[lib->n++] = NULL;
                continue;
            }
            struct lesson *l = xcalloc(1, sizeof(*l));
            if (lesson_load(l, path.buf, d) == 0) {
                lib->lessons[lib->n++] = l;
            } else {
                lesson_release(l);
                free(l);
                lib->lessons[lib->n++] = NULL;
            }
        }
    }
    sb_release(&path);
    return lesson_diags_errors(d) > before ? -1 : 0;
}

void lesson_library_release(struct lesson_library *lib)
{
    for (size_t i = 0; i < lib->n; i++)
        if (lib->lessons[i]) {
            lesson_release(lib->lessons[i]);
            free(lib->lessons[i]);
        }
    free(lib->lessons);
    lesson_index_release(&lib->index);
    free(lib->dir);
    free(lib->lang);
    memset(lib, 0, sizeof(*lib));
}

const struct lesson *lesson_library_find(const struct lesson_library *lib,
                                         const char *id)
{
    for (size_t i = 0; i < lib->n; i++)
        if (lib->lessons[i] && lib->lessons[i]->id &&
            strcmp(lib->lessons[i]->id, id) == 0)
            return lib->lessons[i];
    return NULL;
}

static bool has_index(const char *dir)
{
    struct sb p = SB_INIT;
    sb_addf(&p, "%s/index", dir);
    struct stat st;
    bool ok = stat(p.buf, &st) == 0 && S_ISREG(st.st_mode);
    sb_release(&p);
    return ok;
}

char *lesson_default_dir(const char *(*getenv_fn)(const char *name))
{
    const char *env = getenv_fn ? getenv_fn("DOCKSIM_LESSONS") : NULL;
    if (env && *env)
        return xstrdup(env);
    if (has_index("lessons"))
        return xstrdup("lessons");
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    static const char *const rel[] = { "/../lessons",
                                       "/../share/docksim/lessons" };
    for (size_t i = 0; i < ARRAY_LEN(rel); i++) {
        struct sb p = SB_INIT;
        sb_addf(&p, "%s%s", exe, rel[i]);
        if (has_index(p.buf))
            return sb_detach(&p, NULL);
        sb_release(&p);
    }
    return NULL;
}
