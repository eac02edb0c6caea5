#include "json.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "sb.h"
#include "unicode.h"
#include "xmalloc.h"

/*
 * The parser is a loop over three states with an explicit stack, never
 * recursion, so deeply nested input cannot exhaust the C stack. Finished
 * values wait on a shared "pending" stack until their container closes;
 * then they are copied into an arena array of the right size. Error texts
 * follow Go's encoding/json scanner (scanner.go), context for context.
 */

enum parse_state {
    ST_VALUE, /* a value must start here */
    ST_KEY,   /* an object key (then ':') must start here */
    ST_AFTER, /* a value just ended: ',', a closer or the end follows */
};

struct frame {
    bool is_object;
    size_t val_base; /* first pending value of this container */
    size_t key_base; /* first pending key of this container */
};

struct pending_key {
    const char *s;
    size_t len;
};

struct parser {
    struct arena *a;
    const char *text;
    size_t len;
    size_t pos;
    const char *err;

    struct frame *frames;
    size_t n_frames, frames_cap;
    struct json_value **vals;
    size_t n_vals, vals_cap;
    struct pending_key *keys;
    size_t n_keys, keys_cap;

    struct sb scratch; /* string decoding buffer */
};

static bool is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int hex_val(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void skip_ws(struct parser *ps)
{
    while (ps->pos < ps->len && is_ws((unsigned char)ps->text[ps->pos]))
        ps->pos++;
}

static bool at_end(const struct parser *ps)
{
    return ps->pos >= ps->len;
}

static unsigned char cur(const struct parser *ps)
{
    return (unsigned char)ps->text[ps->pos];
}

/* Go's quoteChar: 'x', '\'' for a quote, else strconv.Quote's escapes. */
static void quote_char(struct sb *out, unsigned char c)
{
    struct sb rune = SB_INIT;
    struct sb q = SB_INIT;

    if (c == '\'') {
        sb_adds(out, "'\\''");
        return;
    }
    if (c == '"') {
        sb_adds(out, "'\"'");
        return;
    }
    /* Go converts the byte to the rune U+00XX before quoting. */
    sb_add_rune(&rune, c);
    go_quote(&q, rune.buf, rune.len);
    sb_addch(out, '\'');
    sb_add(out, q.buf + 1, q.len - 2);
    sb_addch(out, '\'');
    sb_release(&rune);
    sb_release(&q);
}

static void fail_at(struct parser *ps, size_t offset, const char *msg)
{
    if (!ps->err)
        ps->err = arena_printf(ps->a, "%s at offset %zu", msg, offset);
}

static void fail_eof(struct parser *ps)
{
    fail_at(ps, ps->len, "unexpected end of JSON input");
}

/*
 * The byte at pos is invalid in context. At the end of input Go's scanner
 * feeds one space to finish the last token, so the message names ' '.
 */
static void fail_char(struct parser *ps, const char *context)
{
    struct sb m = SB_INIT;
    unsigned char c = at_end(ps) ? ' ' : cur(ps);

    sb_adds(&m, "invalid character ");
    quote_char(&m, c);
    sb_addch(&m, ' ');
    sb_adds(&m, context);
    fail_at(ps, ps->pos, m.buf);
    sb_release(&m);
}

static struct json_value *new_value(struct parser *ps, enum json_type type)
{
    struct json_value *v = arena_calloc(ps->a, 1, sizeof(*v));
    v->type = type;
    return v;
}

/* Make room for one more element in a malloc'd stack. */
static void *stack_reserve(void *items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return items;
    *cap = *cap ? *cap * 2 : 64;
    return xreallocarray(items, *cap, size);
}

static void push_val(struct parser *ps, struct json_value *v)
{
    ps->vals = stack_reserve(ps->vals, ps->n_vals, &ps->vals_cap,
                             sizeof(*ps->vals));
    ps->vals[ps->n_vals++] = v;
}

static void push_key(struct parser *ps, const char *s, size_t len)
{
    ps->keys = stack_reserve(ps->keys, ps->n_keys, &ps->keys_cap,
                             sizeof(*ps->keys));
    ps->keys[ps->n_keys].s = s;
    ps->keys[ps->n_keys].len = len;
    ps->n_keys++;
}

/* Open the container whose bracket is at pos; false past the depth limit. */
static bool push_frame(struct parser *ps, bool is_object)
{
    if (ps->n_frames >= JSON_MAX_DEPTH) {
        fail_char(ps, "exceeded max depth");
        return false;
    }
    ps->frames = stack_reserve(ps->frames, ps->n_frames, &ps->frames_cap,
                               sizeof(*ps->frames));
    ps->frames[ps->n_frames].is_object = is_object;
    ps->frames[ps->n_frames].val_base = ps->n_vals;
    ps->frames[ps->n_frames].key_base = ps->n_keys;
    ps->n_frames++;
    return true;
}

/* Close the innermost container: move its pending children into it. */
static struct json_value *pop_frame(struct parser *ps)
{
    struct frame *f = &ps->frames[--ps->n_frames];
    struct json_value *v = new_value(ps, f->is_object ? JSON_OBJECT
                                                      : JSON_ARRAY);
    size_t n = ps->n_vals - f->val_base;

    v->n = n;
    if (n) {
        v->items = arena_alloc(ps->a, n * sizeof(*v->items));
        memcpy(v->items, ps->vals + f->val_base, n * sizeof(*v->items));
    }
    for (size_t i = 0; i < n; i++)
        if (v->items[i]->num_overflow)
            v->num_overflow = true;
    if (f->is_object && n) {
        v->keys = arena_alloc(ps->a, n * sizeof(*v->keys));
        v->key_lens = arena_alloc(ps->a, n * sizeof(*v->key_lens));
        for (size_t i = 0; i < n; i++) {
            v->keys[i] = ps->keys[f->key_base + i].s;
            v->key_lens[i] = ps->keys[f->key_base + i].len;
        }
    }
    ps->n_vals = f->val_base;
    ps->n_keys = f->key_base;
    return v;
}

/* Read the 4 hex digits of a \u escape whose 'u' is at pos. -1 on error. */
static long read_u4(struct parser *ps)
{
    long r = 0;

    ps->pos++;
    for (int i = 0; i < 4; i++) {
        int h = at_end(ps) ? -1 : hex_val(cur(ps));
        if (h < 0) {
            fail_char(ps, "in \\u hexadecimal character escape");
            return -1;
        }
        r = r * 16 + h;
        ps->pos++;
    }
    return r;
}

/* Go's getu4 lookahead: the value of a complete \uXXXX at pos, else -1. */
static long peek_u4(const struct parser *ps)
{
    const char *p = ps->text + ps->pos;
    long r = 0;

    if (ps->len - ps->pos < 6 || p[0] != '\\' || p[1] != 'u')
        return -1;
    for (int i = 2; i < 6; i++) {
        int h = hex_val((unsigned char)p[i]);
        if (h < 0)
            return -1;
        r = r * 16 + h;
    }
    return r;
}

/* A \u escape ('u' at pos), decoded like Go's unquote into out. */
static bool decode_u_escape(struct parser *ps, struct sb *out)
{
    long r = read_u4(ps);

    if (r < 0)
        return false;
    if (r >= 0xD800 && r <= 0xDFFF) {
        long r2 = peek_u4(ps);
        if (r < 0xDC00 && r2 >= 0xDC00 && r2 <= 0xDFFF) {
            r = 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00);
            ps->pos += 6;
        } else {
            r = RUNE_ERROR; /* a lone surrogate; r2 is read on its own */
        }
    }
    sb_add_rune(out, r);
    return true;
}

/* One escape after a backslash ('\\' at pos). */
static bool decode_escape(struct parser *ps, struct sb *out)
{
    ps->pos++;
    if (at_end(ps)) {
        fail_char(ps, "in string escape code");
        return false;
    }
    switch (cur(ps)) {
    case '"':
    case '\\':
    case '/':
        sb_addch(out, cur(ps));
        break;
    case 'b':
        sb_addch(out, '\b');
        break;
    case 'f':
        sb_addch(out, '\f');
        break;
    case 'n':
        sb_addch(out, '\n');
        break;
    case 'r':
        sb_addch(out, '\r');
        break;
    case 't':
        sb_addch(out, '\t');
        break;
    case 'u':
        return decode_u_escape(ps, out);
    default:
        fail_char(ps, "in string escape code");
        return false;
    }
    ps->pos++;
    return true;
}

/* Plain bytes that a string copies unchanged. */
static bool is_plain(unsigned char c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/*
 * The string whose opening quote is at pos; stores its decoded bytes
 * (arena, NUL-terminated) in *s and *len. False on a syntax error.
 */
static bool parse_string(struct parser *ps, const char **s, size_t *len)
{
    struct sb *out = &ps->scratch;
    size_t start = ++ps->pos;

    /* Fast path: plain ASCII up to the closing quote needs no decoding. */
    while (!at_end(ps) && is_plain(cur(ps)))
        ps->pos++;
    if (!at_end(ps) && cur(ps) == '"') {
        *len = ps->pos - start;
        *s = arena_memdup0(ps->a, ps->text + start, *len);
        ps->pos++;
        return true;
    }

    sb_reset(out);
    sb_add(out, ps->text + start, ps->pos - start);
    for (;;) {
        unsigned char c;
        if (at_end(ps)) {
            fail_eof(ps);
            return false;
        }
        c = cur(ps);
        if (c == '"') {
            ps->pos++;
            break;
        } else if (c == '\\') {
            if (!decode_escape(ps, out))
                return false;
        } else if (c < 0x20) {
            fail_char(ps, "in string literal");
            return false;
        } else if (c < 0x80) {
            start = ps->pos;
            while (!at_end(ps) && is_plain(cur(ps)))
                ps->pos++;
            sb_add(out, ps->text + start, ps->pos - start);
        } else {
            int w;
            long r = utf8_decode(ps->text + ps->pos, ps->len - ps->pos, &w);
            if (r == RUNE_ERROR && w == 1)
                sb_add_rune(out, RUNE_ERROR);
            else
                sb_add(out, ps->text + ps->pos, (size_t)w);
            ps->pos += (size_t)w;
        }
    }
    *len = out->len;
    *s = arena_memdup0(ps->a, out->buf, out->len);
    return true;
}

/* One or more digits at pos; context names the place for the error. */
static bool digits(struct parser *ps, const char *context)
{
    if (at_end(ps) || !is_digit(cur(ps))) {
        fail_char(ps, context);
        return false;
    }
    while (!at_end(ps) && is_digit(cur(ps)))
        ps->pos++;
    return true;
}

/* strtod with '.' as the decimal point whatever LC_NUMERIC says. */
static double to_double(struct parser *ps, const char *lit, size_t len)
{
    const char *dot = memchr(lit, '.', len);
    const char *dp = localeconv()->decimal_point;

    if (!dot || strcmp(dp, ".") == 0)
        return strtod(lit, NULL);
    sb_reset(&ps->scratch);
    sb_add(&ps->scratch, lit, (size_t)(dot - lit));
    sb_adds(&ps->scratch, dp);
    sb_adds(&ps->scratch, dot + 1);
    return strtod(ps->scratch.buf, NULL);
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? at pos. */
static struct json_value *parse_number(struct parser *ps)
{
    size_t start = ps->pos;
    struct json_value *v;

    if (cur(ps) == '-')
        ps->pos++;
    if (!at_end(ps) && cur(ps) == '0') {
        ps->pos++;
    } else if (!digits(ps, "in numeric literal")) {
        return NULL;
    }
    if (!at_end(ps) && cur(ps) == '.') {
        ps->pos++;
        if (!digits(ps, "after decimal point in numeric literal"))
            return NULL;
    }
    if (!at_end(ps) && (cur(ps) == 'e' || cur(ps) == 'E')) {
        ps->pos++;
        if (!at_end(ps) && (cur(ps) == '+' || cur(ps) == '-'))
            ps->pos++;
        if (!digits(ps, "in exponent of numeric literal"))
            return NULL;
    }
    v = new_value(ps, JSON_NUMBER);
    v->len = ps->pos - start;
    v->str = arena_memdup0(ps->a, ps->text + start, v->len);
    v->num = to_double(ps, v->str, v->len);
    v->num_overflow = isinf(v->num);
    return v;
}

/* true, false or null: word is the whole literal, its first byte at pos. */
static struct json_value *parse_literal(struct parser *ps, const char *word,
                                        enum json_type type)
{
    char context[48];

    for (size_t i = 1; word[i]; i++) {
        ps->pos++;
        if (at_end(ps) || cur(ps) != (unsigned char)word[i]) {
            snprintf(context, sizeof(context),
                     "in literal %s (expecting '%c')", word, word[i]);
            fail_char(ps, context);
            return NULL;
        }
    }
    ps->pos++;
    return new_value(ps, type);
}

/* A scalar value at pos (not at the end); NULL on error. */
static struct json_value *parse_scalar(struct parser *ps)
{
    unsigned char c = cur(ps);
    struct json_value *v;

    switch (c) {
    case '"':
        v = new_value(ps, JSON_STRING);
        if (!parse_string(ps, &v->str, &v->len))
            return NULL;
        return v;
    case 't':
        return parse_literal(ps, "true", JSON_TRUE);
    case 'f':
        return parse_literal(ps, "false", JSON_FALSE);
    case 'n':
        return parse_literal(ps, "null", JSON_NULL);
    default:
        if (c == '-' || is_digit(c))
            return parse_number(ps);
        fail_char(ps, "looking for beginning of value");
        return NULL;
    }
}

/* ST_VALUE: a value starts at pos (after whitespace). */
static enum parse_state step_value(struct parser *ps, struct json_value **v)
{
    unsigned char c;

    skip_ws(ps);
    if (at_end(ps)) {
        fail_eof(ps);
        return ST_VALUE;
    }
    c = cur(ps);
    if (c == '[' || c == '{') {
        if (!push_frame(ps, c == '{'))
            return ST_VALUE;
        ps->pos++;
        skip_ws(ps);
        if (!at_end(ps) && cur(ps) == (c == '{' ? '}' : ']')) {
            ps->pos++;
            *v = pop_frame(ps);
            return ST_AFTER;
        }
        return c == '{' ? ST_KEY : ST_VALUE;
    }
    *v = parse_scalar(ps);
    return ST_AFTER;
}

/* ST_KEY: an object key and its colon. */
static enum parse_state step_key(struct parser *ps)
{
    const char *key;
    size_t key_len;

    skip_ws(ps);
    if (at_end(ps)) {
        fail_eof(ps);
        return ST_KEY;
    }
    if (cur(ps) != '"') {
        fail_char(ps, "looking for beginning of object key string");
        return ST_KEY;
    }
    if (!parse_string(ps, &key, &key_len))
        return ST_KEY;
    push_key(ps, key, key_len);
    skip_ws(ps);
    if (at_end(ps)) {
        fail_eof(ps);
        return ST_KEY;
    }
    if (cur(ps) != ':') {
        fail_char(ps, "after object key");
        return ST_KEY;
    }
    ps->pos++;
    return ST_VALUE;
}

/* ST_AFTER inside a container: v is done; a separator or closer follows. */
static enum parse_state step_after(struct parser *ps, struct json_value **v)
{
    const struct frame *f = &ps->frames[ps->n_frames - 1];
    unsigned char c;

    push_val(ps, *v);
    skip_ws(ps);
    if (at_end(ps)) {
        fail_eof(ps);
        return ST_AFTER;
    }
    c = cur(ps);
    if (c == ',') {
        ps->pos++;
        return f->is_object ? ST_KEY : ST_VALUE;
    }
    if (c == (f->is_object ? '}' : ']')) {
        ps->pos++;
        *v = pop_frame(ps);
        return ST_AFTER;
    }
    fail_char(ps, f->is_object ? "after object key:value pair"
                               : "after array element");
    return ST_AFTER;
}

struct json_value *json_parse(struct arena *a, const char *text, size_t len,
                              const char **err)
{
    struct parser ps;
    struct json_value *v = NULL;
    struct json_value *root = NULL;
    enum parse_state st = ST_VALUE;

    memset(&ps, 0, sizeof(ps));
    ps.a = a;
    ps.text = text;
    ps.len = text ? len : 0;
    sb_init(&ps.scratch);

    while (!ps.err && !root) {
        switch (st) {
        case ST_VALUE:
            st = step_value(&ps, &v);
            break;
        case ST_KEY:
            st = step_key(&ps);
            break;
        case ST_AFTER:
            if (ps.n_frames) {
                st = step_after(&ps, &v);
                break;
            }
            skip_ws(&ps);
            if (!at_end(&ps))
                fail_char(&ps, "after top-level value");
            else
                root = v;
            break;
        }
    }

    free(ps.frames);
    free(ps.vals);
    free(ps.keys);
    sb_release(&ps.scratch);
    if (err)
        *err = ps.err;
    return root;
}

const struct json_value *json_get(const struct json_value *obj,
                                  const char *key)
{
    size_t len;

    if (!obj || obj->type != JSON_OBJECT || !key)
        return NULL;
    len = strlen(key);
    for (size_t i = obj->n; i-- > 0;)
        if (obj->key_lens[i] == len && memcmp(obj->keys[i], key, len) == 0)
            return obj->items[i];
    return NULL;
}

const char *json_str(const struct json_value *v)
{
    return v && v->type == JSON_STRING ? v->str : NULL;
}

void json_write_string(struct sb *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t done = 0; /* s[0..done) is already in out */
    size_t i = 0;

    sb_addch(out, '"');
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        int w = 1;
        long r;

        if (is_plain(c)) {
            i++;
            continue;
        }
        r = c < 0x80 ? c : utf8_decode(s + i, len - i, &w);
        if (c >= 0x80 && !(r == RUNE_ERROR && w == 1) && r != 0x2028 &&
            r != 0x2029) {
            i += (size_t)w;
            continue;
        }
        sb_add(out, s + done, i - done);
        switch (r) {
        case '"':
            sb_adds(out, "\\\"");
            break;
        case '\\':
            sb_adds(out, "\\\\");
            break;
        case '\b':
            sb_adds(out, "\\b");
            break;
        case '\f':
            sb_adds(out, "\\f");
            break;
        case '\n':
            sb_adds(out, "\\n");
            break;
        case '\r':
            sb_adds(out, "\\r");
            break;
        case '\t':
            sb_adds(out, "\\t");
            break;
        case 0x2028:
            sb_adds(out, "\\u2028");
            break;
        case 0x2029:
            sb_adds(out, "\\u2029");
            break;
        case RUNE_ERROR:
            sb_adds(out, "\\ufffd");
            break;
        default:
            sb_adds(out, "\\u00");
            sb_addch(out, hex[c >> 4]);
            sb_addch(out, hex[c & 0xF]);
            break;
        }
        i += (size_t)w;
        done = i;
    }
    sb_add(out, s + done, i - done);
    sb_addch(out, '"');
}

char *json_read_file(struct arena *a, const char *path, size_t *len,
                     const char **err)
{
    struct sb buf = SB_INIT;
    char chunk[8192];
    size_t n;
    int saved;
    FILE *f = fopen(path, "rb");
    char *r;

    if (!f) {
        *err = arena_printf(a, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        sb_add(&buf, chunk, n);
    saved = errno;
    if (ferror(f)) {
        fclose(f);
        sb_release(&buf);
        *err = arena_printf(a, "cannot read '%s': %s", path, strerror(saved));
        return NULL;
    }
    fclose(f);
    *len = buf.len;
    r = arena_memdup0(a, buf.buf, buf.len);
    sb_release(&buf);
    return r;
}
