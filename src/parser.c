/*
 * parser.c: BuildKit's parser.Parse (frontend/dockerfile/parser) in C.
 * See dockerfile-semantics.md §2-§3. The comments name the Go function
 * each part mirrors, because the quirks are the point.
 */
#include "parser.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "expand.h"
#include "gostr.h"
#include "json.h"
#include "sb.h"
#include "unicode.h"
#include "xmalloc.h"

/* ==================================================================== */
/* Reading physical lines (bufio.Scanner with scanLines)                */
/* ==================================================================== */

struct reader {
    const char *p, *end;
    bool too_long; /* bufio.ErrTooLong: the scanner stopped */
};

/* Next physical line, terminator included. False at EOF or on a line
 * longer than DOCKERFILE_MAX_LINE bytes (then too_long is set). */
static bool read_line(struct reader *rd, struct span *line)
{
    if (rd->too_long || rd->p >= rd->end)
        return false;
    size_t left = (size_t)(rd->end - rd->p);
    const char *nl = memchr(rd->p, '\n', left);
    size_t content = nl ? (size_t)(nl - rd->p) : left;
    if (content > DOCKERFILE_MAX_LINE) {
        rd->too_long = true;
        return false;
    }
    line->s = rd->p;
    line->len = nl ? content + 1 : content;
    rd->p += line->len;
    return true;
}

/* trimNewline: drop every trailing \r and \n. */
static struct span trim_newline(struct span s)
{
    while (s.len && (s.s[s.len - 1] == '\n' || s.s[s.len - 1] == '\r'))
        s.len--;
    return s;
}

static struct span trim_left_space(struct span s)
{
    go_trim_left_space(&s.s, &s.len);
    return s;
}

/* isComment: the first non-space character (after trimNewline) is '#'. */
static bool is_comment(struct span raw)
{
    struct span t = trim_left_space(trim_newline(raw));
    return t.len && t.s[0] == '#';
}

/* ==================================================================== */
/* Parser directives (# escape=`, # syntax=..., # check=...)            */
/* ==================================================================== */

static const char *const directive_names[] = { "syntax", "escape", "check" };

struct directives {
    int escape;
    bool done;
    bool seen[ARRAY_LEN(directive_names)];
};

/* Go's \s: [\t\n\f\r ] */
static bool re_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static bool is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Match ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$ against s (with
 * `prefix` in place of '#'). Go's regexp is leftmost-first, so for a value
 * part made of blanks only the lazy (.+?) takes the last blank.
 */
static bool match_directive(struct span s, const char *prefix,
                            struct span *key, struct span *value)
{
    size_t i = strlen(prefix);
    if (s.len < i || memcmp(s.s, prefix, i) != 0)
        return false;
    /* DirectiveParser.ParseLine: after the comment prefix, every Unicode
     * space goes (bytes.TrimLeftFunc(unicode.IsSpace)) */
    {
        struct span rest = { s.s + i, s.len - i };
        go_trim_left_space(&rest.s, &rest.len);
        i = (size_t)(rest.s - s.s);
    }
    if (i >= s.len || !is_alpha((unsigned char)s.s[i]))
        return false;
    size_t k0 = i;
    while (i < s.len && (is_alpha((unsigned char)s.s[i]) ||
                         (s.s[i] >= '0' && s.s[i] <= '9')))
        i++;
    key->s = s.s + k0;
    key->len = i - k0;
    while (i < s.len && re_space((unsigned char)s.s[i]))
        i++;
    if (i >= s.len || s.s[i] != '=')
        return false;
    i++;
    /* `.` does not match '\n' */
    if (memchr(s.s + i, '\n', s.len - i))
        return false;
    if (i >= s.len)
        return false;
    size_t end = s.len;
    while (end > i && re_space((unsigned char)s.s[end - 1]))
        end--;
    size_t v0 = i;
    while (v0 < end && re_space((unsigned char)s.s[v0]))
        v0++;
    if (v0 == end) {
        /* only blanks after '=': (.+?) takes the last one */
        int w = 1;
        value->s = s.s + s.len - 1;
        value->len = (size_t)w;
        return true;
    }
    value->s = s.s + v0;
    value->len = end - v0;
    return true;
}

static int directive_index(struct span key)
{
    for (size_t i = 0; i < ARRAY_LEN(directive_names); i++)
        if (ascii_equal_fold(key.s, key.len, directive_names[i]))
            return (int)i;
    return -1;
}

/*
 * possibleParserDirective. Returns 1 if the line was a directive, 0 if
 * not, -1 on error (message appended; located at the 0-based index
 * `index` of the line, as BuildKit does).
 */
static int possible_directive(struct ast *ast, struct directives *d,
                              struct span line, int index,
                              struct diag_list *dl)
{
    struct span key, value;
    if (d->done)
        return 0;
    if (!match_directive(line, "#", &key, &value)) {
        d->done = true;
        return 0;
    }
    int k = directive_index(key);
    if (k < 0) {
        d->done = true;
        return 0;
    }
    if (d->seen[k]) {
        diag_addf(dl, DIAG_ERROR, DIAG_PARSE, NULL, index, index,
                  "only one %s parser directive can be used",
                  directive_names[k]);
        return -1;
    }
    d->seen[k] = true;
    if (k == 1) {
        if (value.len != 1 || (value.s[0] != '`' && value.s[0] != '\\')) {
            struct sb m = SB_INIT;
            sb_adds(&m, "invalid escape token '");
            sb_add(&m, value.s, value.len);
            sb_adds(&m, "' does not match ` or \\");
            diag_addn(dl, DIAG_ERROR, DIAG_PARSE, NULL, index, index, m.buf,
                      m.len);
            sb_release(&m);
            return -1;
        }
        d->escape = value.s[0];
    }
    struct ast_directive *ad = &ast->directives[ast->n_directives++];
    ad->name = directive_names[k];
    ad->value = value;
    ad->line = index + 1;
    return 1;
}

const char *directive_prescan(struct arena *a, const char *text, size_t len,
                              const char *key, int *line)
{
    struct reader rd = { text, text + len, false };
    struct span raw;
    int n = 0;
    bool first = true;
    bool seen[ARRAY_LEN(directive_names)] = { false };
    const char *found = NULL;
    while (read_line(&rd, &raw)) {
        struct span l = raw;
        if (first && l.len >= 3 && memcmp(l.s, "\xEF\xBB\xBF", 3) == 0) {
            l.s += 3;
            l.len -= 3;
        }
        /* bufio.ScanLines drops "\n" and one "\r" before it */
        if (l.len && l.s[l.len - 1] == '\n')
            l.len--;
        if (l.len && l.s[l.len - 1] == '\r')
            l.len--;
        n++;
        if (first) {
            first = false;
            if (l.len >= 2 && l.s[0] == '#' && l.s[1] == '!')
                continue; /* discardShebang */
        }
        struct span k, v;
        if (!match_directive(l, "#", &k, &v))
            break;
        int idx = directive_index(k);
        if (idx < 0 || seen[idx])
            break; /* unknown key ends the scan; a repeat is an error */
        seen[idx] = true;
        if (strcmp(directive_names[idx], key) == 0 && !found) {
            found = arena_memdup0(a, v.s, v.len);
            if (line)
                *line = n;
        }
    }
    return found;
}

/* ==================================================================== */
/* Line continuation                                                    */
/* ==================================================================== */

/*
 * trimContinuationCharacter: the line continues if it matches
 * ([^E])E[ \t]*$ or ^E[ \t]*$; the escape and the blanks go, the
 * character before stays. Returns true if the instruction ends here.
 */
static bool trim_continuation(struct span line, int esc, struct span *out)
{
    size_t end = line.len;
    while (end && (line.s[end - 1] == ' ' || line.s[end - 1] == '\t'))
        end--;
    *out = line;
    if (end == 0 || line.s[end - 1] != esc)
        return true;
    if (end >= 2 && line.s[end - 2] == esc)
        return true; /* two escapes never continue */
    out->len = end - 1;
    return false;
}

/* ==================================================================== */
/* Node construction (newNodeFromLine, splitCommand, line parsers)      */
/* ==================================================================== */

/* A vector of spans grown in malloc'd memory, copied to the arena. */
struct spanvec {
    struct span *v;
    size_t n, cap;
};

static void spanvec_push(struct spanvec *sv, struct span s)
{
    if (sv->n == sv->cap) {
        sv->cap = sv->cap ? sv->cap * 2 : 8;
        sv->v = xreallocarray(sv->v, sv->cap, sizeof(*sv->v));
    }
    sv->v[sv->n++] = s;
}

static struct span *spanvec_to_arena(struct arena *a, struct spanvec *sv,
                                     size_t *n)
{
    struct span *r = NULL;
    *n = sv->n;
    if (sv->n) {
        r = arena_alloc(a, sv->n * sizeof(*r));
        memcpy(r, sv->v, sv->n * sizeof(*r));
    }
    sv->n = 0;
    return r;
}

struct parser {
    struct ast *ast;
    struct arena *a;
    struct directives d;
    struct diag_list *dl;
    struct spanvec args, flags, comments; /* scratch */
    struct sb word;                       /* scratch */
    int err_start, err_end;               /* location of node errors */
};

static struct span arena_span(struct arena *a, const char *s, size_t len)
{
    struct span r = { arena_memdup0(a, s, len), len };
    return r;
}

static struct ast_extra *extra(struct parser *p, struct ast_node *n)
{
    if (!n->x)
        n->x = arena_calloc(p->a, 1, sizeof(*n->x));
    return n->x;
}

/* unicode.IsSpace(rune(b)) for one byte, as the byte-wise scanners do. */
static bool latin1_space(unsigned char b)
{
    return b == ' ' || (b >= '\t' && b <= '\r') || b == 0x85 || b == 0xA0;
}

/*
 * extractBuilderFlags: --flag words at the start of s. The scanner is
 * byte-wise: each byte is re-encoded as a Latin-1 code point (so non-ASCII
 * text in a flag is mangled, é -> Ã©) and bytes 0x85/0xA0 count as space.
 * Returns the rest of the line (not yet trimmed).
 */
static struct span extract_flags(struct parser *p, struct span s)
{
    enum { IN_SPACES, IN_WORD, IN_QUOTE } phase = IN_SPACES;
    struct sb *w = &p->word;
    unsigned char quote = 0;
    bool blank_ok = false;
    struct span rest = { s.s + s.len, 0 };
    sb_reset(w);
    for (size_t pos = 0; pos <= s.len; pos++) {
        unsigned char ch = pos < s.len ? (unsigned char)s.s[pos] : 0;
        if (phase == IN_SPACES) {
            if (pos == s.len)
                break;
            if (latin1_space(ch))
                continue;
            if (ch != '-' || pos + 1 == s.len || s.s[pos + 1] != '-') {
                rest.s = s.s + pos;
                rest.len = s.len - pos;
                return rest;
            }
            phase = IN_WORD;
        }
        if (pos == s.len) {
            if (!(w->len == 2 && memcmp(w->buf, "--", 2) == 0) &&
                (blank_ok || w->len))
                spanvec_push(&p->flags, arena_span(p->a, w->buf, w->len));
            break;
        }
        if (phase == IN_WORD) {
            if (latin1_space(ch)) {
                phase = IN_SPACES;
                if (w->len == 2 && memcmp(w->buf, "--", 2) == 0) {
                    rest.s = s.s + pos;
                    rest.len = s.len - pos;
                    return rest;
                }
                if (blank_ok || w->len)
                    spanvec_push(&p->flags, arena_span(p->a, w->buf, w->len));
                sb_reset(w);
                blank_ok = false;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                blank_ok = true;
                phase = IN_QUOTE;
                continue;
            }
            if (ch == '\\') {
                if (pos + 1 == s.len)
                    continue;
                ch = (unsigned char)s.s[++pos];
            }
            sb_add_rune(w, ch);
            continue;
        }
        /* IN_QUOTE */
        if (ch == quote) {
            phase = IN_WORD;
            continue;
        }
        if (ch == '\\') {
            if (pos + 1 == s.len) {
                phase = IN_WORD;
                continue;
            }
            ch = (unsigned char)s.s[++pos];
        }
        sb_add_rune(w, ch);
    }
    return rest;
}

/* Split on runs of [\t\v\f\r ] (reWhitespace.Split(s, -1)). */
static void split_ws(struct parser *p, struct span s)
{
    size_t i = 0;
    for (;;) {
        size_t j = i;
        while (j < s.len && !go_is_ascii_blank((unsigned char)s.s[j]))
            j++;
        struct span w = { s.s + i, j - i };
        spanvec_push(&p->args, w);
        if (j >= s.len)
            break;
        while (j < s.len && go_is_ascii_blank((unsigned char)s.s[j]))
            j++;
        i = j;
    }
}

/*
 * parseWords: whitespace-separated words; quotes group and are kept;
 * the escape char keeps itself and the next char; an escape at the very
 * end is dropped. Each word is therefore a substring of s, except that Go
 * re-encodes invalid UTF-8 bytes as U+FFFD (`word += string(ch)`): such a
 * word is rebuilt in the arena.
 */
static void flush_word(struct parser *p, const char *s, size_t start,
                       size_t end, bool invalid)
{
    if (end <= start)
        return;
    struct span w = { s + start, end - start };
    if (invalid) {
        struct sb *b = &p->word;
        sb_reset(b);
        for (size_t i = start; i < end;) {
            int width;
            long r = utf8_decode(s + i, end - i, &width);
            if (r == RUNE_ERROR && width == 1)
                sb_add_rune(b, RUNE_ERROR);
            else
                sb_add(b, s + i, (size_t)width);
            i += (size_t)width;
        }
        w = arena_span(p->a, b->buf, b->len);
    }
    spanvec_push(&p->args, w);
}

static void parse_words(struct parser *p, struct span s)
{
    enum { IN_SPACES, IN_WORD, IN_QUOTE } phase = IN_SPACES;
    long quote = 0;
    bool invalid = false;
    size_t start = 0, end = 0; /* the word is s[start..end) */
    int esc = p->d.escape;
    size_t pos = 0;
    for (;;) {
        int width = 1;
        long ch = 0;
        if (pos < s.len) {
            unsigned char c = (unsigned char)s.s[pos];
            if (c < 0x80) {
                ch = c;
            } else {
                ch = utf8_decode(s.s + pos, s.len - pos, &width);
                if (ch == RUNE_ERROR && width == 1)
                    invalid = true;
            }
        }
        if (phase == IN_SPACES) {
            if (pos == s.len)
                break;
            if (uni_is_space(ch)) {
                pos += (size_t)width;
                continue;
            }
            phase = IN_WORD;
            start = end = pos;
            invalid = ch == RUNE_ERROR && width == 1;
        }
        if (pos == s.len) {
            flush_word(p, s.s, start, end, invalid);
            break;
        }
        if (phase == IN_WORD) {
            if (uni_is_space(ch)) {
                phase = IN_SPACES;
                flush_word(p, s.s, start, end, invalid);
                pos += (size_t)width;
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                phase = IN_QUOTE;
            }
            if (ch == esc) {
                if (pos + (size_t)width == s.len) {
                    pos += (size_t)width;
                    continue; /* an escape at the very end is dropped */
                }
                pos += (size_t)width; /* the escape, then the next char */
                width = 1;
                if ((unsigned char)s.s[pos] >= 0x80) {
                    long r = utf8_decode(s.s + pos, s.len - pos, &width);
                    if (r == RUNE_ERROR && width == 1)
                        invalid = true;
                }
            }
            pos += (size_t)width;
            end = pos;
            continue;
        }
        /* IN_QUOTE */
        if (ch == quote)
            phase = IN_WORD;
        if (ch == esc && quote != '\'') {
            if (pos + (size_t)width == s.len) {
                phase = IN_WORD;
                pos += (size_t)width;
                continue;
            }
            pos += (size_t)width;
            width = 1;
            if ((unsigned char)s.s[pos] >= 0x80) {
                long r = utf8_decode(s.s + pos, s.len - pos, &width);
                if (r == RUNE_ERROR && width == 1)
                    invalid = true;
            }
        }
        pos += (size_t)width;
        end = pos;
    }
}

static bool span_has(struct span s, int c)
{
    return s.len && memchr(s.s, c, s.len) != NULL;
}

/* parseNameVal (ENV, LABEL): pairs key, value, sep. Returns -1 on error. */
static int parse_name_val(struct parser *p, struct span rest, const char *key)
{
    parse_words(p, rest);
    if (p->args.n == 0)
        return 0;
    if (!span_has(p->args.v[0], '=')) {
        /* legacy KEY value: split the raw text once at whitespace */
        p->args.n = 0;
        size_t i = 0;
        while (i < rest.len && !go_is_ascii_blank((unsigned char)rest.s[i]))
            i++;
        if (i == rest.len) {
            diag_addf(p->dl, DIAG_ERROR, DIAG_PARSE, NULL, p->err_start,
                      p->err_end, "%s must have two arguments", key);
            return -1;
        }
        struct span k = { rest.s, i };
        while (i < rest.len && go_is_ascii_blank((unsigned char)rest.s[i]))
            i++;
        struct span v = { rest.s + i, rest.len - i };
        struct span sep = { "", 0 };
        spanvec_push(&p->args, k);
        spanvec_push(&p->args, v);
        spanvec_push(&p->args, sep);
        return 0;
    }
    size_t nw = p->args.n;
    struct span *words = xreallocarray(NULL, nw, sizeof(*words));
    memcpy(words, p->args.v, nw * sizeof(*words));
    p->args.n = 0;
    for (size_t i = 0; i < nw; i++) {
        const char *eq = words[i].len ? memchr(words[i].s, '=', words[i].len)
                                      : NULL;
        if (!eq) {
            struct sb m = SB_INIT;
            sb_adds(&m, "Syntax error - can't find = in ");
            go_quote(&m, words[i].s, words[i].len);
            sb_adds(&m, ". Must be of the form: name=value");
            diag_add(p->dl, DIAG_ERROR, DIAG_PARSE, NULL, p->err_start,
                     p->err_end, m.buf);
            sb_release(&m);
            free(words);
            return -1;
        }
        struct span k = { words[i].s, (size_t)(eq - words[i].s) };
        struct span v = { eq + 1, words[i].len - k.len - 1 };
        struct span sep = { "=", 1 };
        spanvec_push(&p->args, k);
        spanvec_push(&p->args, v);
        spanvec_push(&p->args, sep);
    }
    free(words);
    return 0;
}

/*
 * parseJSON: 1 = JSON form (args pushed), 0 = not JSON (fall back),
 * -1 = error (an array with non-string elements).
 */
static int parse_json(struct parser *p, struct span rest)
{
    struct span t = trim_left_space(rest);
    if (!t.len || t.s[0] != '[')
        return 0;
    struct arena tmp = ARENA_INIT;
    const char *err = NULL;
    struct json_value *v = json_parse(&tmp, t.s, t.len, &err);
    int r = 0;
    /* Unmarshal fails on a number too big for a double: shell form. */
    if (v && v->type == JSON_ARRAY && !v->num_overflow) {
        bool all_strings = true;
        for (size_t i = 0; i < v->n; i++)
            if (v->items[i]->type != JSON_STRING)
                all_strings = false;
        if (!all_strings) {
            diag_add(p->dl, DIAG_ERROR, DIAG_PARSE, NULL, p->err_start,
                     p->err_end,
                     "when using JSON array syntax, arrays must be comprised "
                     "of strings only");
            r = -1;
        } else {
            for (size_t i = 0; i < v->n; i++)
                spanvec_push(&p->args, arena_span(p->a, v->items[i]->str,
                                                  v->items[i]->len));
            r = 1;
        }
    }
    arena_release(&tmp);
    return r;
}

/*
 * Parse one logical line into a node (newNodeFromLine). ONBUILD nests
 * another node; that chain is built iteratively so that a long
 * `ONBUILD ONBUILD ...` line cannot exhaust the stack.
 */
static struct ast_node *new_node(struct parser *p, struct span line)
{
    struct ast_node *top = NULL, *parent = NULL;
    for (;;) {
        struct ast_node *n = arena_calloc(p->a, 1, sizeof(*n));
        struct span t = line;
        go_trim_space(&t.s, &t.len);
        size_t i = 0;
        while (i < t.len && !go_is_ascii_blank((unsigned char)t.s[i]))
            i++;
        n->keyword.s = t.s;
        n->keyword.len = i;
        n->original = line;
        struct span rest = { t.s + t.len, 0 };
        p->flags.n = 0;
        if (i < t.len) {
            while (i < t.len && go_is_ascii_blank((unsigned char)t.s[i]))
                i++;
            struct span after = { t.s + i, t.len - i };
            rest = extract_flags(p, after);
            go_trim_space(&rest.s, &rest.len);
        }
        if (p->flags.n) {
            struct ast_extra *x = extra(p, n);
            x->flags = spanvec_to_arena(p->a, &p->flags, &x->n_flags);
        }
        if (!top)
            top = n;
        else
            extra(p, parent)->sub = n;

        n->kind = instr_lookup(n->keyword.s, n->keyword.len);
        enum arg_shape shape =
            n->kind == INSTR_UNKNOWN ? SHAPE_IGNORE : instr_table[n->kind].shape;
        p->args.n = 0;
        int r = 0;
        switch (shape) {
        case SHAPE_IGNORE:
            spanvec_push(&p->args, (struct span){ "", 0 });
            break;
        case SHAPE_SUBCOMMAND:
            if (rest.len) {
                parent = n;
                line = rest;
                continue;
            }
            break;
        case SHAPE_MAYBE_JSON:
            if (!rest.len)
                break;
            r = parse_json(p, rest);
            if (r == 1)
                n->json = true;
            else if (r == 0)
                spanvec_push(&p->args, rest);
            break;
        case SHAPE_JSON_LIST:
            r = parse_json(p, rest);
            if (r == 1)
                n->json = true;
            else if (r == 0 && rest.len)
                split_ws(p, rest);
            break;
        case SHAPE_WORDS:
            if (rest.len)
                split_ws(p, rest);
            break;
        case SHAPE_STRING:
            if (rest.len)
                spanvec_push(&p->args, rest);
            break;
        case SHAPE_KEY_VALUES:
            r = parse_name_val(p, rest, n->kind == INSTR_ENV ? "ENV" : "LABEL");
            break;
        case SHAPE_ARG_WORDS:
            parse_words(p, rest);
            break;
        case SHAPE_HEALTH: {
            /* byte-wise: the type is up to the first (Latin-1) space */
            size_t sep = 0;
            while (sep < rest.len && !latin1_space((unsigned char)rest.s[sep]))
                sep++;
            size_t next = sep;
            while (next < rest.len && latin1_space((unsigned char)rest.s[next]))
                next++;
            if (sep == 0)
                break;
            struct span typ = { rest.s, sep };
            struct span cmd = { rest.s + next, rest.len - next };
            spanvec_push(&p->args, typ);
            if (cmd.len) {
                r = parse_json(p, cmd);
                if (r == 1)
                    n->json = true;
                else if (r == 0)
                    spanvec_push(&p->args, cmd);
            }
            break;
        }
        }
        if (r < 0)
            return NULL;
        size_t na;
        n->args = spanvec_to_arena(p->a, &p->args, &na);
        n->n_args = (uint32_t)na;
        return top;
    }
}

/* ==================================================================== */
/* Heredocs                                                             */
/* ==================================================================== */

static bool empty_lookup(void *ctx, const char *name, size_t len,
                         const char **value, size_t *value_len)
{
    (void)ctx;
    (void)name;
    (void)len;
    (void)value;
    (void)value_len;
    return false;
}

static size_t count_quotes(const char *s, size_t len)
{
    size_t c = 0;
    for (size_t i = 0; i < len; i++)
        c += s[i] == '\'' || s[i] == '"';
    return c;
}

/*
 * ParseHeredoc: 1 = heredoc (h filled), 0 = not one, -1 = lexer error
 * (*err set). Matches ^(\d*)<<(-?)\s*([^<]*)$ on the word.
 */
static int heredoc_word(struct arena *a, const char *word, size_t len,
                        struct heredoc *h, const char **err)
{
    size_t i = 0;
    while (i < len && word[i] >= '0' && word[i] <= '9')
        i++;
    size_t ndig = i;
    if (len - i < 2 || word[i] != '<' || word[i + 1] != '<')
        return 0;
    i += 2;
    bool chomp = false;
    if (i < len && word[i] == '-') {
        chomp = true;
        i++;
    }
    while (i < len && re_space((unsigned char)word[i]))
        i++;
    if (i < len && memchr(word + i, '<', len - i))
        return 0;
    if (i == len)
        return 0;
    const char *rest = word + i;
    size_t rest_len = len - i;

    struct expand_opts o = { '\\', false, false, true, false };
    struct expand_result plain, raw;
    if (expand_process(a, rest, rest_len, &o, empty_lookup, NULL, &plain) < 0) {
        *err = plain.error;
        return -1;
    }
    if (plain.n_words != 1)
        return 0;
    o.raw_quotes = true;
    if (expand_process(a, rest, rest_len, &o, empty_lookup, NULL, &raw) < 0) {
        *err = raw.error;
        return -1;
    }
    if (raw.n_words != plain.n_words) {
        *err = arena_printf(a, "internal lexing of heredoc produced "
                               "inconsistent results: %.*s",
                            (int)rest_len, rest);
        return -1;
    }
    /* strconv.ParseUint(digits): errors are ignored (empty -> 0,
     * overflow -> the maximum). */
    unsigned long fd = 0;
    bool overflow = false;
    for (size_t d = 0; d < ndig; d++) {
        unsigned long nd = fd * 10 + (unsigned long)(word[d] - '0');
        if (fd > (ULONG_MAX - 9) / 10 && nd / 10 != fd)
            overflow = true;
        fd = nd;
    }
    if (overflow)
        fd = ULONG_MAX;
    h->name.s = arena_memdup0(a, plain.words[0], plain.word_lens[0]);
    h->name.len = plain.word_lens[0];
    h->fd = fd;
    h->chomp = chomp;
    h->expand = count_quotes(plain.words[0], plain.word_lens[0]) ==
                count_quotes(raw.words[0], raw.word_lens[0]);
    h->content.s = "";
    h->content.len = 0;
    return 1;
}

bool heredoc_parse_word(struct arena *a, const char *word, size_t len,
                        struct heredoc *h)
{
    const char *err;
    return heredoc_word(a, word, len, h, &err) == 1;
}

void heredoc_chomp(struct sb *out, const char *s, size_t len)
{
    bool bol = true;
    for (size_t i = 0; i < len; i++) {
        if (bol && s[i] == '\t')
            continue;
        bol = s[i] == '\n';
        sb_addch(out, s[i]);
    }
}

/* canContainHeredoc */
static bool can_contain_heredoc(const struct ast_node *n)
{
    if (n->kind == INSTR_ONBUILD && n->x && n->x->sub)
        n = n->x->sub;
    return n->kind != INSTR_UNKNOWN && instr_table[n->kind].heredoc &&
           !n->json;
}

/* heredocsFromLine + reading the bodies. Returns -1 on error. */
static int read_heredocs(struct parser *p, struct ast_node *n,
                         struct span line, struct reader *rd, int *cur,
                         int start)
{
    struct arena *tmp = p->a;
    struct expand_opts o = { '\\', true, true, true, false };
    struct expand_result res;
    size_t nh = 0, cap = 0;
    struct heredoc *hs = NULL;
    /* a lexing error simply means no heredocs */
    if (expand_process(tmp, line.s, line.len, &o, empty_lookup, NULL, &res) < 0)
        return 0;
    for (size_t i = 0; i < res.n_words; i++) {
        struct heredoc h;
        const char *err = NULL;
        int r = heredoc_word(tmp, res.words[i], res.word_lens[i], &h, &err);
        if (r < 0) {
            free(hs);
            diag_add(p->dl, DIAG_ERROR, DIAG_PARSE, NULL, start, *cur, err);
            return -1;
        }
        if (r == 0)
            continue;
        if (nh == cap) {
            cap = cap ? cap * 2 : 2;
            hs = xreallocarray(hs, cap, sizeof(*hs));
        }
        hs[nh++] = h;
    }
    for (size_t k = 0; k < nh; k++) {
        struct heredoc *h = &hs[k];
        bool terminated = false;
        const char *body = NULL;
        size_t body_len = 0;
        struct span raw;
        while (read_line(rd, &raw)) {
            (*cur)++;
            struct span t = trim_newline(raw);
            if (h->chomp)
                while (t.len && t.s[0] == '\t') {
                    t.s++;
                    t.len--;
                }
            if (t.len == h->name.len && memcmp(t.s, h->name.s, t.len) == 0) {
                terminated = true;
                break;
            }
            if (!body)
                body = raw.s;
            body_len = (size_t)(raw.s + raw.len - body);
        }
        if (!terminated) {
            free(hs);
            diag_add(p->dl, DIAG_ERROR, DIAG_PARSE, NULL, start, *cur,
                     "unterminated heredoc");
            return -1;
        }
        h->content.s = body ? body : "";
        h->content.len = body_len;
    }
    if (nh) {
        struct ast_extra *x = extra(p, n);
        x->heredocs = arena_alloc(p->a, nh * sizeof(*hs));
        memcpy(x->heredocs, hs, nh * sizeof(*hs));
        x->n_heredocs = nh;
    }
    free(hs);
    return 0;
}

/* ==================================================================== */
/* Parse                                                                */
/* ==================================================================== */

static void ast_push(struct ast *ast, struct ast_node *n, size_t *cap)
{
    if (ast->n_nodes == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        ast->nodes = xreallocarray(ast->nodes, *cap, sizeof(*ast->nodes));
    }
    ast->nodes[ast->n_nodes++] = n;
}

int ast_parse(struct ast *ast, const char *text, size_t len,
              struct diag_list *dl)
{
    struct parser p = { 0 };
    struct reader rd = { text, text + len, false };
    struct sb line = SB_INIT;
    size_t cap = 0;
    int cur = 0, rc = 0;

    memset(ast, 0, sizeof(*ast));
    arena_init(&ast->arena);
    ast->escape = '\\';
    ast->start_line = -1;
    p.ast = ast;
    p.a = &ast->arena;
    p.d.escape = '\\';
    p.dl = dl;
    sb_init(&p.word);

    struct span raw;
    while (read_line(&rd, &raw)) {
        struct span b = raw;
        if (cur == 0 && b.len >= 3 && memcmp(b.s, "\xEF\xBB\xBF", 3) == 0) {
            b.s += 3;
            b.len -= 3;
        }
        /* processLine(stripLeftWhitespace=true) */
        struct span tok = trim_left_space(trim_newline(b));
        int dr = possible_directive(ast, &p.d, tok, cur, dl);
        if (dr < 0) {
            rc = -1;
            goto out;
        }
        if (dr == 0 && tok.len && tok.s[0] == '#') {
            /* Go: strings.TrimSpace(string(bytesRead[1:])) of the raw line:
             * for an indented comment the first byte dropped is a blank,
             * not the '#' ("  # a" gives "# a") */
            struct span c = { b.s + 1, b.len - 1 };
            go_trim_space(&c.s, &c.len);
            if (c.len == 0)
                p.comments.n = 0; /* a bare # ends the doc comment */
            else
                spanvec_push(&p.comments, c);
        }
        if (tok.len && tok.s[0] == '#')
            tok.len = 0; /* trimComments */
        cur++;
        int start = cur;
        struct span piece;
        bool eol = trim_continuation(tok, p.d.escape, &piece);
        if (eol && piece.len == 0)
            continue;

        /* Single-line instructions keep pointing into the text; joined
         * lines are copied to the arena once complete. */
        bool joined = false;
        struct span logical = piece;
        bool has_empty = false;
        while (!eol && read_line(&rd, &raw)) {
            cur++;
            if (is_comment(raw))
                continue;
            struct span t = trim_newline(raw);
            if (trim_left_space(t).len == 0) {
                has_empty = true;
                continue;
            }
            if (!joined) {
                sb_reset(&line);
                sb_add(&line, logical.s, logical.len);
                joined = true;
            }
            eol = trim_continuation(t, p.d.escape, &piece);
            sb_add(&line, piece.s, piece.len);
        }
        if (joined)
            logical = arena_span(p.a, line.buf, line.len);
        if (has_empty) {
            struct sb m = SB_INIT;
            sb_adds(&m, "Empty continuation line found in: ");
            sb_add(&m, logical.s, logical.len);
            diag_addn(dl, DIAG_WARNING, DIAG_PARSE_WARNING, NULL, cur, cur,
                      m.buf, m.len);
            sb_release(&m);
        }
        p.err_start = start;
        p.err_end = cur;
        struct ast_node *n = new_node(&p, logical);
        if (!n) {
            rc = -1;
            goto out;
        }
        n->empty_continuation = has_empty;
        if (p.comments.n) {
            struct ast_extra *x = extra(&p, n);
            x->comments = spanvec_to_arena(p.a, &p.comments, &x->n_comments);
        }
        if (can_contain_heredoc(n) && mem_contains(logical.s, logical.len, "<<")) {
            if (read_heredocs(&p, n, logical, &rd, &cur, start) < 0) {
                rc = -1;
                goto out;
            }
        }
        n->start_line = start;
        n->end_line = cur;
        if (ast->start_line < 0)
            ast->start_line = start;
        ast->end_line = cur;
        ast_push(ast, n, &cap);
        p.comments.n = 0;
    }

    if (ast->start_line < 0) {
        diag_add(dl, DIAG_ERROR, DIAG_PARSE, NULL, cur, cur,
                 "file with no instructions");
        rc = -1;
    } else if (rd.too_long) {
        diag_addf(dl, DIAG_ERROR, DIAG_PARSE, NULL, cur, cur,
                  "dockerfile line greater than max allowed size of %d",
                  DOCKERFILE_MAX_LINE);
        rc = -1;
    }
out:
    ast->escape = p.d.escape;
    free(p.args.v);
    free(p.flags.v);
    free(p.comments.v);
    sb_release(&p.word);
    sb_release(&line);
    return rc;
}

void ast_release(struct ast *ast)
{
    free(ast->nodes);
    arena_release(&ast->arena);
    memset(ast, 0, sizeof(*ast));
}

const struct ast_directive *ast_directive(const struct ast *ast,
                                          const char *name)
{
    for (size_t i = 0; i < ast->n_directives; i++)
        if (strcmp(ast->directives[i].name, name) == 0)
            return &ast->directives[i];
    return NULL;
}

size_t ast_n_flags(const struct ast_node *n)
{
    return n->x ? n->x->n_flags : 0;
}

const struct span *ast_flags(const struct ast_node *n)
{
    return n->x ? n->x->flags : NULL;
}

size_t ast_n_heredocs(const struct ast_node *n)
{
    return n->x ? n->x->n_heredocs : 0;
}

const struct heredoc *ast_heredocs(const struct ast_node *n)
{
    return n->x ? n->x->heredocs : NULL;
}

size_t ast_n_comments(const struct ast_node *n)
{
    return n->x ? n->x->n_comments : 0;
}

const struct span *ast_comments(const struct ast_node *n)
{
    return n->x ? n->x->comments : NULL;
}

const struct ast_node *ast_sub(const struct ast_node *n)
{
    return n->x ? n->x->sub : NULL;
}

/* ==================================================================== */
/* Dump                                                                 */
/* ==================================================================== */

void ast_dump_node(struct sb *out, const struct ast_node *n)
{
    /* Node.Dump: lower(value) [%q flags] {" " quoted arg | " (" sub ")"},
     * then TrimSpace; nested ONBUILDs are printed iteratively. */
    size_t depth = 0;
    for (const struct ast_node *c = n; c; c = ast_sub(c)) {
        if (c != n)
            sb_adds(out, " (");
        /* Go trims the node's text: an empty keyword leaves no space */
        size_t kw = out->len;
        go_to_lower(out, c->keyword.s, c->keyword.len);
        bool empty_kw = out->len == kw;
        size_t nf = ast_n_flags(c);
        if (nf) {
            const struct span *f = ast_flags(c);
            sb_adds(out, empty_kw ? "[" : " [");
            for (size_t i = 0; i < nf; i++) {
                if (i)
                    sb_addch(out, ' ');
                go_quote(out, f[i].s, f[i].len);
            }
            sb_addch(out, ']');
        }
        for (size_t i = 0; i < c->n_args; i++) {
            if (!(empty_kw && i == 0 && !nf))
                sb_addch(out, ' ');
            go_quote(out, c->args[i].s, c->args[i].len);
        }
        if (c != n)
            depth++;
    }
    while (depth--)
        sb_addch(out, ')');
}

void ast_dump(struct sb *out, const struct ast *ast)
{
    for (size_t i = 0; i < ast->n_nodes; i++) {
        sb_addch(out, '(');
        ast_dump_node(out, ast->nodes[i]);
        sb_adds(out, ")\n");
    }
}
