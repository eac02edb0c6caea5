/*
 * dockerargs.c: the host shell's word splitting, then docker CLI 28's
 * cobra/pflag parsing of one subcommand, with its exact messages.
 *
 * The pflag parts follow spf13/pflag flag.go (parseArgs, parseLongArg,
 * parseSingleShortArg, Set, FlagUsagesWrapped, wrap/wrapN) and the value
 * types of docker/cli's opts package; the argument checks follow
 * docker/cli cli/required.go and the footers cli/cobra.go FlagErrorFunc.
 * Every message was compared with the docker 28.2.2 binary.
 */
#include "dockerargs.h"

#include <arpa/inet.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "gostr.h"
#include "instructions.h"
#include "sb.h"
#include "unicode.h"
#include "xmalloc.h"

/* pflag wraps help to the terminal width - 1; 80 when not a terminal. */
#define HELP_COLS 79

/* ================================================================== */
/* host shell                                                          */
/* ================================================================== */

/* A growing list of words, copied into the arena at the end. */
struct wordlist {
    char **v;
    size_t n, cap;
};

static void wl_push(struct wordlist *wl, struct arena *a, const struct sb *w)
{
    if (wl->n == wl->cap) {
        wl->cap = wl->cap ? 2 * wl->cap : 8;
        wl->v = xreallocarray(wl->v, wl->cap, sizeof(*wl->v));
    }
    wl->v[wl->n++] = arena_memdup0(a, w->buf, w->len);
}

struct splitter {
    struct arena *a;
    const char *p;     /* cursor in the line */
    host_env_fn *env;
    void *ctx;
    struct sb word;    /* the word being built */
    bool in_word;      /* a word has started (even an empty "") */
    struct wordlist wl;
};

static void end_word(struct splitter *s)
{
    if (s->in_word)
        wl_push(&s->wl, s->a, &s->word);
    sb_reset(&s->word);
    s->in_word = false;
}

static bool is_name_start(int c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_name_char(int c)
{
    return is_name_start(c) || (c >= '0' && c <= '9');
}

static const char *lookup(struct splitter *s, const char *name, size_t len)
{
    const char *v = NULL;
    if (!s->env)
        return "";
    char *n = arena_memdup0(s->a, name, len);
    if (!s->env(s->ctx, n, &v) || !v)
        return "";
    return v;
}

/* Add an expansion's value: as is when quoted, else split on IFS. */
static void add_value(struct splitter *s, const char *v, bool quoted)
{
    if (quoted) {
        sb_adds(&s->word, v);
        s->in_word = true;
        return;
    }
    for (; *v; v++) {
        if (*v == ' ' || *v == '\t' || *v == '\n') {
            end_word(s);
        } else {
            sb_addch(&s->word, *v);
            s->in_word = true;
        }
    }
}

#define ERR_CMDSUB                                                          \
    "'$(...)' and '`...`' (command substitution) are not supported: type "  \
    "the value itself"

/*
 * s->p is at '$'. Expand it (or keep the '$' literal); 0 or -1 + *err.
 */
static int expand_dollar(struct splitter *s, bool quoted, const char **err)
{
    const char *p = s->p + 1;
    if (*p == '(') {
        *err = ERR_CMDSUB;
        return -1;
    }
    if (*p == '{') {
        const char *q = p + 1;
        const char *close = strchr(q, '}');
        if (!close) {
            *err = "unterminated '${': add the closing }";
            return -1;
        }
        size_t len = (size_t)(close - q);
        bool ok = len > 0 && is_name_start((unsigned char)q[0]);
        for (size_t i = 1; ok && i < len; i++)
            ok = is_name_char((unsigned char)q[i]);
        if (!ok) {
            *err = "'${...}' with an operator is not supported: use $NAME "
                   "or ${NAME}, or put it in single quotes";
            return -1;
        }
        add_value(s, lookup(s, q, len), quoted);
        s->p = close + 1;
        return 0;
    }
    if (is_name_start((unsigned char)*p)) {
        const char *q = p;
        while (is_name_char((unsigned char)*q))
            q++;
        add_value(s, lookup(s, p, (size_t)(q - p)), quoted);
        s->p = q;
        return 0;
    }
    if (*p == '$' || *p == '!') {
        *err = "'$$' and '$!' (host process ids) are not simulated: put "
               "them in single quotes to pass them literally";
        return -1;
    }
    if (*p == '?' || *p == '#') { /* a fresh shell: status 0, no args */
        add_value(s, "0", quoted);
        s->p = p + 1;
        return 0;
    }
    if (*p == '@' || *p == '*' || *p == '-' || (*p >= '0' && *p <= '9')) {
        s->p = p + 1; /* nothing (inside "..." the word exists already) */
        return 0;
    }
    sb_addch(&s->word, '$'); /* "$", "$ ", "$/", "$'": a literal $ */
    s->in_word = true;
    s->p = p;
    return 0;
}

static const char *operator_error(const char *p)
{
    switch (*p) {
    case '|':
        if (p[1] == '|')
            return "'||' is not supported: type one docker command per line";
        return "'|' (a pipe) is not supported: type one docker command per "
               "line";
    case '&':
        if (p[1] == '&')
            return "'&&' is not supported: type one docker command per line";
        return "'&' (run in the background) is not supported: use "
               "'docker run -d' to run a container in the background";
    case ';':
        return "';' is not supported: type one docker command per line";
    case '>':
    case '<':
        return "'<' and '>' (redirections) are not supported: docksim shows "
               "the output; quote the character to pass it to docker";
    case '(':
    case ')':
        return "'(' and ')' are shell syntax: quote them to pass them to "
               "docker";
    default:
        return ERR_CMDSUB; /* '`' */
    }
}

/* Tilde expansion of an unquoted ~ or ~/... starting a word (POSIX 2.6.1). */
static bool tilde(struct splitter *s)
{
    const char *p = s->p;
    if (p[1] != '\0' && p[1] != '/' && p[1] != ' ' && p[1] != '\t' &&
        p[1] != '\n')
        return false; /* ~user is left alone */
    const char *home = NULL;
    if (!s->env || !s->env(s->ctx, "HOME", &home) || !home)
        return false;
    sb_adds(&s->word, home);
    s->in_word = true;
    s->p = p + 1;
    return true;
}

static int split_loop(struct splitter *s, const char **err)
{
    while (*s->p) {
        char c = *s->p;
        if (c == ' ' || c == '\t' || c == '\n') {
            end_word(s);
            s->p++;
        } else if (c == '#' && !s->in_word) {
            return 0; /* a comment to the end of the line */
        } else if (c == '\\') {
            if (s->p[1] == '\0') {
                *err = "a '\\' at the end of the line continues it in a "
                       "shell: docksim reads one line, so remove it";
                return -1;
            }
            if (s->p[1] != '\n') {
                sb_addch(&s->word, s->p[1]);
                s->in_word = true;
            }
            s->p += 2;
        } else if (c == '\'') {
            const char *close = strchr(s->p + 1, '\'');
            if (!close) {
                *err = "unterminated quote: add the closing '";
                return -1;
            }
            sb_add(&s->word, s->p + 1, (size_t)(close - s->p - 1));
            s->in_word = true;
            s->p = close + 1;
        } else if (c == '"' && !s->in_word && strncmp(s->p, "\"$@\"", 4) == 0 &&
                   strchr(" \t\n", s->p[4]) != NULL) {
            s->p += 4; /* "$@" alone, and there are no arguments: no word */
        } else if (c == '"') {
            s->in_word = true;
            s->p++;
            for (;;) {
                char d = *s->p;
                if (d == '\0') {
                    *err = "unterminated quote: add the closing \"";
                    return -1;
                }
                if (d == '"') {
                    s->p++;
                    break;
                }
                if (d == '\\' && s->p[1] &&
                    strchr("$`\"\\\n", s->p[1]) != NULL) {
                    if (s->p[1] != '\n')
                        sb_addch(&s->word, s->p[1]);
                    s->p += 2;
                } else if (d == '$') {
                    if (expand_dollar(s, true, err) < 0)
                        return -1;
                } else if (d == '`') {
                    *err = ERR_CMDSUB;
                    return -1;
                } else {
                    sb_addch(&s->word, d);
                    s->p++;
                }
            }
        } else if (c == '$') {
            if (expand_dollar(s, false, err) < 0)
                return -1;
        } else if (strchr("|&;<>()`", c) != NULL) {
            *err = operator_error(s->p);
            return -1;
        } else if (c == '~' && !s->in_word && tilde(s)) {
            continue;
        } else {
            sb_addch(&s->word, c);
            s->in_word = true;
            s->p++;
        }
    }
    return 0;
}

int shellwords_split(struct arena *a, const char *line, host_env_fn *env,
                     void *ctx, struct shellwords *out, const char **err)
{
    struct splitter s = { a, line, env, ctx, SB_INIT, false, { NULL, 0, 0 } };
    *err = NULL;
    int rc = split_loop(&s, err);
    if (rc == 0)
        end_word(&s);
    size_t n = rc == 0 ? s.wl.n : 0;
    out->words = arena_calloc(a, n + 1, sizeof(char *));
    out->n = n;
    if (n)
        memcpy(out->words, s.wl.v, n * sizeof(char *));
    free(s.wl.v);
    sb_release(&s.word);
    return rc;
}

/* ================================================================== */
/* Go value parsers (messages as strconv / go-units / docker opts)      */
/* ================================================================== */

/* strconv: `strconv.FN: parsing "S": WHY` */
static void num_error(struct sb *m, const char *fn, const char *s,
                      const char *why)
{
    sb_addf(m, "strconv.%s: parsing ", fn);
    go_quote_str(m, s);
    sb_addf(m, ": %s", why);
}

static int lower(int c)
{
    return c | ('x' - 'X');
}

/* strconv's underscoreOK: '_' only between digits or after a base prefix. */
static bool underscore_ok(const char *s)
{
    char saw = '^';
    size_t i = 0;
    if (*s == '-' || *s == '+')
        s++;
    bool hex = false;
    if (s[0] == '0' && s[1] &&
        (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; s[i]; i++) {
        if ((s[i] >= '0' && s[i] <= '9') ||
            (hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f')) {
            saw = '0';
            continue;
        }
        if (s[i] == '_') {
            if (saw != '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw == '_')
            return false;
        saw = '!';
    }
    return saw != '_';
}

enum { NUM_OK, NUM_SYNTAX, NUM_RANGE };

/* strconv.ParseUint(s, 0, bits) without the error text. */
static int parse_uint(const char *s0, int bits, uint64_t *out)
{
    const char *s = s0;
    uint64_t max = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
    unsigned base = 10;
    bool underscores = false;
    uint64_t n = 0;
    *out = 0;
    if (*s == '\0')
        return NUM_SYNTAX;
    if (s[0] == '0') {
        size_t len = strlen(s);
        if (len >= 3 && lower(s[1]) == 'b') {
            base = 2;
            s += 2;
        } else if (len >= 3 && lower(s[1]) == 'o') {
            base = 8;
            s += 2;
        } else if (len >= 3 && lower(s[1]) == 'x') {
            base = 16;
            s += 2;
        } else {
            base = 8;
            s += 1;
        }
    }
    uint64_t cutoff = UINT64_MAX / base + 1;
    for (; *s; s++) {
        unsigned d;
        int c = (unsigned char)*s;
        if (c == '_') {
            underscores = true;
            continue;
        } else if (c >= '0' && c <= '9') {
            d = (unsigned)(c - '0');
        } else if (lower(c) >= 'a' && lower(c) <= 'z') {
            d = (unsigned)(lower(c) - 'a' + 10);
        } else {
            return NUM_SYNTAX;
        }
        if (d >= base)
            return NUM_SYNTAX;
        if (n >= cutoff) {
            *out = max;
            return NUM_RANGE;
        }
        n *= base;
        uint64_t n1 = n + d;
        if (n1 < n || n1 > max) {
            *out = max;
            return NUM_RANGE;
        }
        n = n1;
    }
    if (underscores && !underscore_ok(s0))
        return NUM_SYNTAX;
    *out = n;
    return NUM_OK;
}

/* strconv.ParseInt(s, 0, 64); 0, or -1 with the message in m. */
static int go_parse_int(const char *s0, int64_t *v, struct sb *m)
{
    const char *s = s0;
    bool neg = false;
    uint64_t un;
    if (*s == '\0') {
        num_error(m, "ParseInt", s0, "invalid syntax");
        return -1;
    }
    if (*s == '+' || *s == '-') {
        neg = *s == '-';
        s++;
    }
    int rc = parse_uint(s, 64, &un);
    if (rc == NUM_SYNTAX) {
        num_error(m, "ParseInt", s0, "invalid syntax");
        return -1;
    }
    uint64_t cutoff = (uint64_t)1 << 63;
    if (rc == NUM_RANGE || (!neg && un >= cutoff) || (neg && un > cutoff)) {
        num_error(m, "ParseInt", s0, "value out of range");
        return -1;
    }
    *v = neg ? (int64_t)(0 - un) : (int64_t)un;
    return 0;
}

static int go_parse_uint(const char *s, int bits, struct sb *m)
{
    uint64_t v;
    int rc = parse_uint(s, bits, &v);
    if (rc == NUM_OK)
        return 0;
    num_error(m, "ParseUint", s,
              rc == NUM_RANGE ? "value out of range" : "invalid syntax");
    return -1;
}

/* strconv.ParseBool: "true"/"false", or NULL and the message in m. */
static const char *go_parse_bool(const char *s, struct sb *m)
{
    static const char *const yes[] = { "1", "t", "T",
                                       "TRUE", "true", "True" };
    static const char *const no[] = { "0", "f", "F",
                                      "FALSE", "false", "False" };
    for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
        if (strcmp(s, yes[i]) == 0)
            return "true";
        if (strcmp(s, no[i]) == 0)
            return "false";
    }
    num_error(m, "ParseBool", s, "invalid syntax");
    return NULL;
}

static size_t skip_digits(const char *s, size_t i, bool hex, bool *any)
{
    for (;; i++) {
        int c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') ||
            (hex && lower(c) >= 'a' && lower(c) <= 'f'))
            *any = true;
        else if (c != '_')
            return i;
    }
}

/*
 * strconv.ParseFloat(s, 64) for its error only: decimal or hexadecimal
 * (with a p exponent) literals, underscores as Go allows them.
 */
static int go_parse_float(const char *s, double *v, struct sb *m)
{
    size_t i = 0;
    bool digits = false, hex = false;
    if (s[i] == '+' || s[i] == '-')
        i++;
    if (s[i] == '0' && lower(s[i + 1]) == 'x') {
        hex = true;
        i += 2;
    }
    i = skip_digits(s, i, hex, &digits);
    if (s[i] == '.')
        i = skip_digits(s, i + 1, hex, &digits);
    bool ok = digits;
    if (ok && lower(s[i]) == (hex ? 'p' : 'e')) {
        bool exp = false;
        i++;
        if (s[i] == '+' || s[i] == '-')
            i++;
        i = skip_digits(s, i, false, &exp);
        ok = exp;
    } else if (hex) {
        ok = false; /* a hex mantissa needs its p exponent */
    }
    if (!ok || s[i] != '\0' || (strchr(s, '_') && !underscore_ok(s))) {
        num_error(m, "ParseFloat", s, "invalid syntax");
        return -1;
    }
    struct sb t = SB_INIT;
    for (const char *p = s; *p; p++)
        if (*p != '_')
            sb_addch(&t, *p);
    *v = strtod(t.buf, NULL);
    sb_release(&t);
    if (isinf(*v)) {
        num_error(m, "ParseFloat", s, "value out of range");
        return -1;
    }
    return 0;
}

/* go-units parseSize with the binary (RAMInBytes) multipliers. */
static int check_bytes(const char *s, struct sb *m)
{
    const char *sep = NULL;
    for (const char *p = s; *p; p++)
        if (strchr("01234567890. ", *p))
            sep = p;
    if (!sep) {
        sb_addf(m, "invalid size: '%s'", s);
        return -1;
    }
    size_t numlen = (size_t)(sep - s) + (*sep == ' ' ? 0 : 1);
    char *num = xmemdup0(s, numlen);
    const char *sfx = sep + 1;
    double size;
    int rc = go_parse_float(num, &size, m);
    free(num);
    if (rc < 0)
        return -1;
    if (size < 0) {
        sb_addf(m, "invalid size: '%s'", s);
        return -1;
    }
    size_t n = strlen(sfx);
    if (n == 0)
        return 0;
    char low[4] = { 0 };
    for (size_t i = 0; i < n && i < 3; i++)
        low[i] = (char)(sfx[i] >= 'A' && sfx[i] <= 'Z' ? lower(sfx[i])
                                                       : sfx[i]);
    bool bad = n > 3;
    if (!bad && low[0] == 'b')
        bad = n > 1;
    else if (!bad)
        bad = !strchr("kmgtp", low[0]) || low[0] == '\0' ||
              (n == 2 && low[1] != 'b') ||
              (n == 3 && strcmp(low + 1, "ib") != 0);
    if (bad) {
        /* go-units lower-cases the suffix after its length check */
        sb_addf(m, "invalid suffix: '%s'", n > 3 ? sfx : low);
        return -1;
    }
    return 0;
}

/* ----- big.Rat SetString, for --cpus ---------------------------------- */

/* v2/v5 bookkeeping of an exact value M * 2^e2 * 5^e5 (M a digit string). */
struct ratval {
    const char *digits; /* mantissa digits (may hold '_') */
    size_t len;
    unsigned base;
    long e2, e5;
    bool zero;
};

/* M mod mod, for a digit string in base (mod < 2^32). */
static uint64_t digits_mod(const struct ratval *r, uint64_t mod)
{
    uint64_t acc = 0;
    for (size_t i = 0; i < r->len; i++) {
        int c = (unsigned char)r->digits[i];
        unsigned d;
        if (c == '_' || c == '.')
            continue;
        d = c <= '9' ? (unsigned)(c - '0') : (unsigned)(lower(c) - 'a' + 10);
        acc = (acc * r->base + d) % mod;
    }
    return acc;
}

/* Does M have at least k factors of p (p is 2 or 5)? k <= 27. */
static bool has_factors(const struct ratval *r, unsigned p, long k)
{
    uint64_t mod = 1;
    if (k <= 0)
        return true;
    if (k > 27)
        return false; /* absurd precision: treated as too precise */
    for (long i = 0; i < k; i++)
        mod *= p;
    return digits_mod(r, mod) == 0;
}

/* Scan an unsigned number at s[*i] (base prefixes, '_', optional fraction). */
static bool scan_nat(const char *s, size_t *i, bool frac, struct ratval *r)
{
    size_t j = *i;
    r->base = 10;
    if (s[j] == '0' && s[j + 1] &&
        strchr("bBoOxX", s[j + 1]) != NULL) {
        r->base = lower(s[j + 1]) == 'b' ? 2 : lower(s[j + 1]) == 'o' ? 8 : 16;
        j += 2;
    } else if (s[j] == '0' && !frac) {
        r->base = 8;
    }
    size_t start = j;
    bool any = false, nonzero = false;
    long fdigits = 0;
    bool in_frac = false;
    for (;; j++) {
        int c = (unsigned char)s[j];
        unsigned d;
        if (c == '_')
            continue;
        if (c == '.' && frac && !in_frac) {
            in_frac = true;
            continue;
        }
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (lower(c) >= 'a' && lower(c) <= 'z')
            d = (unsigned)(lower(c) - 'a' + 10);
        else
            break;
        if (d >= r->base)
            break;
        any = true;
        nonzero |= d != 0;
        if (in_frac)
            fdigits++;
    }
    if (!any)
        return false;
    r->digits = s + start;
    r->len = j - start;
    r->zero = !nonzero;
    /* a fraction digit divides by the base: 10 = 2*5, 16 = 2^4 ... */
    if (r->base == 10) {
        r->e2 -= fdigits;
        r->e5 -= fdigits;
    } else {
        r->e2 -= fdigits * (r->base == 2 ? 1 : r->base == 8 ? 3 : 4);
    }
    *i = j;
    return true;
}

static bool scan_exp(const char *s, size_t *i, struct ratval *r)
{
    size_t j = *i;
    int c = lower(s[j]);
    if (c != 'e' && c != 'p')
        return true;
    j++;
    bool neg = s[j] == '-';
    if (s[j] == '+' || s[j] == '-')
        j++;
    long e = 0;
    bool any = false;
    for (; (s[j] >= '0' && s[j] <= '9') || s[j] == '_'; j++) {
        if (s[j] == '_')
            continue;
        any = true;
        if (e < 100000)
            e = e * 10 + (s[j] - '0');
    }
    if (!any)
        return false;
    if (neg)
        e = -e;
    r->e2 += e;
    if (c == 'e')
        r->e5 += e;
    *i = j;
    return true;
}

/* a/b: Int.SetString(a, 0) and a nonzero natural b (base prefixes ok). */
static int check_fraction(const char *s, const char *slash, struct sb *m)
{
    char *num = xmemdup0(s, (size_t)(slash - s));
    const char *digits = num + (num[0] == '+' || num[0] == '-');
    uint64_t x, y;
    int rx = parse_uint(digits, 64, &x);
    int ry = parse_uint(slash + 1, 64, &y);
    free(num);
    if (rx == NUM_SYNTAX || ry == NUM_SYNTAX || (ry == NUM_OK && y == 0)) {
        sb_addf(m, "failed to parse %s as a rational number", s);
        return -1;
    }
    if (rx == NUM_OK && x == 0)
        return 0;
    if (rx == NUM_OK && ry == NUM_OK) {
        uint64_t g = x, t = y;
        while (t) { /* gcd */
            uint64_t r = g % t;
            g = t;
            t = r;
        }
        y /= g; /* y in lowest terms must divide 1e9 */
        if (y <= 1000000000ULL && 1000000000ULL % y == 0)
            return 0;
    }
    /* beyond 64 bits: treated as too precise (documented limit) */
    sb_adds(m, "value is too precise");
    return -1;
}

/* opts.NanoCPUs.Set: a big.Rat, times 1e9, must be an integer. */
static int check_decimal(const char *s, struct sb *m)
{
    const char *slash = strchr(s, '/');
    if (slash)
        return check_fraction(s, slash, m);
    struct ratval r = { NULL, 0, 10, 9, 9, false }; /* times 1e9 */
    size_t i = s[0] == '+' || s[0] == '-';
    if (!scan_nat(s, &i, true, &r) || !scan_exp(s, &i, &r) || s[i] != '\0' ||
        (strchr(s, '_') && !underscore_ok(s))) {
        sb_addf(m, "failed to parse %s as a rational number", s);
        return -1;
    }
    if (!r.zero && (!has_factors(&r, 2, -r.e2) || !has_factors(&r, 5, -r.e5))) {
        sb_adds(m, "value is too precise");
        return -1;
    }
    return 0;
}

/* ----- docker opts validators ---------------------------------------- */

static bool has_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ' ' || s[i] == '\t')
            return true;
    return false;
}

/* net.ParseIP(strings.TrimSpace(v)) != nil */
static bool is_ip(const char *v, size_t len)
{
    unsigned char buf[16];
    go_trim_space(&v, &len);
    char *t = xmemdup0(v, len);
    bool ok = !memchr(v, '\0', len) && (inet_pton(AF_INET, t, buf) == 1 ||
                                        inet_pton(AF_INET6, t, buf) == 1);
    free(t);
    return ok;
}

static bool cgroup_rule_ok(const char *s)
{
    /* ^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$ */
    if (!strchr("acb", s[0]) || s[0] == '\0' || s[1] != ' ')
        return false;
    s += 2;
    for (int part = 0; part < 2; part++) {
        if (*s == '*') {
            s++;
        } else {
            const char *d = s;
            while (*s >= '0' && *s <= '9')
                s++;
            if (s == d)
                return false;
        }
        if (*s++ != (part == 0 ? ':' : ' '))
            return false;
    }
    size_t n = strlen(s);
    return n >= 1 && n <= 3 && strspn(s, "rwm") == n;
}

/* strconv.ParseInt(s, 10, 64) */
static int parse_int10(const char *s0, int64_t *v, struct sb *m)
{
    const char *s = s0;
    bool neg = *s == '-';
    uint64_t n = 0;
    if (*s == '+' || *s == '-')
        s++;
    if (*s == '\0') {
        num_error(m, "ParseInt", s0, "invalid syntax");
        return -1;
    }
    for (; *s; s++) {
        if (*s < '0' || *s > '9') {
            num_error(m, "ParseInt", s0, "invalid syntax");
            return -1;
        }
        unsigned d = (unsigned)(*s - '0');
        if (n > (UINT64_MAX - d) / 10) {
            num_error(m, "ParseInt", s0, "value out of range");
            return -1;
        }
        n = n * 10 + d;
    }
    uint64_t cutoff = (uint64_t)1 << 63;
    if ((!neg && n >= cutoff) || (neg && n > cutoff)) {
        num_error(m, "ParseInt", s0, "value out of range");
        return -1;
    }
    *v = neg ? (int64_t)(0 - n) : (int64_t)n;
    return 0;
}

static int check_ulimit(const char *v, struct sb *m)
{
    static const char *const names[] = {
        "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice",
        "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack",
    };
    const char *eq = strchr(v, '=');
    if (!eq) {
        sb_addf(m, "invalid ulimit argument: %s", v);
        return -1;
    }
    size_t nl = (size_t)(eq - v);
    bool known = false;
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        known |= strlen(names[i]) == nl && memcmp(names[i], v, nl) == 0;
    if (!known) {
        sb_adds(m, "invalid ulimit type: ");
        sb_add(m, v, nl);
        return -1;
    }
    const char *vals = eq + 1;
    const char *colon = strchr(vals, ':');
    if (colon && strchr(colon + 1, ':')) {
        sb_addf(m,
                "too many limit value arguments - %s, can only have up to "
                "two, `soft[:hard]`",
                vals);
        return -1;
    }
    int64_t soft, hard;
    if (colon && parse_int10(colon + 1, &hard, m) < 0)
        return -1;
    char *sv = xmemdup0(vals, colon ? (size_t)(colon - vals) : strlen(vals));
    int rc = parse_int10(sv, &soft, m);
    free(sv);
    if (rc < 0)
        return -1;
    if (!colon)
        hard = soft;
    if (hard != -1 && soft > hard) {
        sb_addf(m,
                "ulimit soft limit must be less than or equal to hard limit: "
                "%lld > %lld",
                (long long)soft, (long long)hard);
        return -1;
    }
    return 0;
}

/*
 * Run the value check of def on v. 0 and *stored set (maybe rewritten),
 * or -1 with pflag's inner message in m.
 */
static int check_value(struct arena *a, const struct dflag_def *def,
                       const char *v, const char **stored, struct sb *m)
{
    int64_t i64;
    char *err = NULL;
    *stored = v;
    switch (def->type) {
    case DFLAG_BOOL:
        *stored = go_parse_bool(v, m);
        return *stored ? 0 : -1;
    case DFLAG_INT:
        /* stored in decimal, as the parsed int: "0x10" is kept as "16" */
        if (go_parse_int(v, &i64, m) < 0)
            return -1;
        *stored = arena_printf(a, "%lld", (long long)i64);
        return 0;
    case DFLAG_UINT16:
        return go_parse_uint(v, 16, m);
    case DFLAG_UINT64:
        return go_parse_uint(v, 64, m);
    case DFLAG_DURATION:
        if (go_parse_duration(v, strlen(v), &i64, &err) < 0) {
            sb_adds(m, err);
            free(err);
            return -1;
        }
        return 0;
    case DFLAG_STRING:
    case DFLAG_LIST:
    case DFLAG_VALUE:
        break;
    }
    const char *eq = strchr(v, '=');
    size_t klen = eq ? (size_t)(eq - v) : strlen(v);
    switch (def->check) {
    case DCHK_NONE:
        return 0;
    case DCHK_ENV:
        if (klen == 0) {
            sb_addf(m, "invalid environment variable: %s", v);
            return -1;
        }
        return 0;
    case DCHK_ATTACH: {
        char *low = arena_strdup(a, v);
        for (char *p = low; *p; p++)
            *p = (char)(*p >= 'A' && *p <= 'Z' ? lower(*p) : *p);
        if (strcmp(low, "stdin") && strcmp(low, "stdout") &&
            strcmp(low, "stderr")) {
            sb_adds(m, "valid streams are STDIN, STDOUT and STDERR");
            return -1;
        }
        *stored = low;
        return 0;
    }
    case DCHK_LABEL: {
        const char *k = v;
        size_t kl = klen;
        go_trim_space(&k, &kl);
        if (kl == 0) {
            sb_addf(m, "invalid label '%s': empty name", v);
            return -1;
        }
        if (has_blank(k, kl)) {
            sb_adds(m, "label '");
            sb_add(m, k, kl);
            sb_adds(m, "' contains whitespaces");
            return -1;
        }
        return 0;
    }
    case DCHK_FILTER:
        if (*v && !eq) {
            sb_adds(m, "bad format of filter (expected name=value)");
            return -1;
        }
        return 0;
    case DCHK_IP:
        if (!is_ip(v, strlen(v))) {
            sb_addf(m, "IP address is not correctly formatted: %s", v);
            return -1;
        }
        return 0;
    case DCHK_ADD_HOST: {
        const char *sep = eq ? eq : strchr(v, ':');
        if (!sep || sep == v || memchr(v, ':', (size_t)(sep - v))) {
            sb_adds(m, "bad format for add-host: ");
            go_quote_str(m, v);
            return -1;
        }
        const char *ip = sep + 1;
        size_t iplen = strlen(ip);
        if (strcmp(ip, "host-gateway") == 0)
            return 0;
        if (iplen > 2 && ip[0] == '[' && ip[iplen - 1] == ']') {
            ip++;
            iplen -= 2;
        }
        if (!is_ip(ip, iplen)) {
            sb_adds(m, "invalid IP address in add-host: ");
            go_quote(m, ip, iplen);
            return -1;
        }
        return 0;
    }
    case DCHK_LINK: {
        if (*v == '\0') {
            sb_adds(m, "empty string specified for links");
            return -1;
        }
        const char *c = strchr(v, ':');
        if (c && strchr(c + 1, ':')) {
            sb_addf(m, "bad format for links: %s", v);
            return -1;
        }
        return 0;
    }
    case DCHK_CGROUP_RULE:
        if (!cgroup_rule_ok(v)) {
            sb_addf(m, "invalid device cgroup format '%s'", v);
            return -1;
        }
        return 0;
    case DCHK_ULIMIT:
        return check_ulimit(v, m);
    case DCHK_BYTES:
        return check_bytes(v, m);
    case DCHK_MEMSWAP:
        return strcmp(v, "-1") == 0 ? 0 : check_bytes(v, m);
    case DCHK_DECIMAL:
        return check_decimal(v, m);
    case DCHK_SYSCTL: {
        static const char *const names[] = {
            "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni",
            "kernel.sem",    "kernel.shmall", "kernel.shmmax",
            "kernel.shmmni", "kernel.shm_rmid_forced",
        };
        char *k = arena_memdup0(a, v, klen);
        bool ok = eq && klen > 0 &&
                  (strncmp(k, "net.", 4) == 0 ||
                   strncmp(k, "fs.mqueue.", 10) == 0);
        for (size_t i = 0; !ok && eq && i < ARRAY_LEN(names); i++)
            ok = strcmp(k, names[i]) == 0;
        if (!ok) {
            sb_addf(m, "sysctl '%s' is not allowed", v);
            return -1;
        }
        return 0;
    }
    }
    return 0;
}

/* ================================================================== */
/* cobra / pflag parsing                                               */
/* ================================================================== */

const struct dflag_def *dcli_flag(const struct dcmd_def *cmd, const char *name)
{
    for (const struct dflag_def *f = cmd->flags; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

static const struct dflag_def *flag_by_short(const struct dcmd_def *cmd,
                                             char c)
{
    for (const struct dflag_def *f = cmd->flags; f->name; f++)
        if (f->shorthand == c)
            return f;
    return NULL;
}

/* The command path cobra prints in usage lines and messages. */
static const char *shown_path(const struct dcmd_def *cmd)
{
    return cmd->cobra_path ? cmd->cobra_path : cmd->path;
}

/* The words after "docker ": cobra's UseLine with this row's path. */
static void add_use_line(struct sb *out, const struct dcmd_def *cmd)
{
    const char *rest = strchr(cmd->use, ' ');
    sb_addf(out, "docker %s%s", shown_path(cmd), rest ? rest : "");
}

/* FlagErrorFunc: the pflag message, Usage, the Run line (exit 125). */
static void flag_footer(struct sb *err, const struct dcmd_def *cmd)
{
    sb_adds(err, "\n\nUsage:  ");
    add_use_line(err, cmd);
    sb_addf(err, "\n\nRun 'docker %s --help' for more information\n",
            shown_path(cmd));
}

static void add_flag_name(struct sb *m, const struct dflag_def *f)
{
    if (f->shorthand && !f->shorthand_deprecated)
        sb_addf(m, "-%c, --%s", f->shorthand, f->name);
    else
        sb_addf(m, "--%s", f->name);
}

void dcli_flag_error(struct sb *err, const struct dcmd_def *cmd,
                     const struct dflag_def *flag, const char *value,
                     const char *msg)
{
    sb_adds(err, "invalid argument ");
    go_quote_str(err, value);
    sb_adds(err, " for \"");
    add_flag_name(err, flag);
    sb_addf(err, "\" flag: %s", msg);
    flag_footer(err, cmd);
}

/* Go's %q of a byte: strconv.QuoteRune(rune(c)) */
static void quote_byte(struct sb *m, unsigned char c)
{
    static const char esc[] = "\a\b\f\n\r\t\v";
    static const char letter[] = "abfnrtv";
    sb_addch(m, '\'');
    const char *e = c ? strchr(esc, c) : NULL;
    if (c == '\'' || c == '\\') {
        sb_addch(m, '\\');
        sb_addch(m, c);
    } else if (e) {
        sb_addch(m, '\\');
        sb_addch(m, letter[e - esc]);
    } else if (c < 0x20 || c == 0x7f) {
        sb_addf(m, "\\x%02x", c);
    } else if (c < 0x80 || uni_is_print(c)) {
        sb_add_rune(m, c);
    } else {
        sb_addf(m, "\\u%04x", c);
    }
    sb_addch(m, '\'');
}

struct parser {
    struct arena *a;
    const struct dcmd_def *cmd;
    struct dparsed *out;
    size_t cap_flags;
    struct sb notices;
    struct sb msg; /* the pflag error, if any */
};

/* pflag FlagSet.Set: check, record, deprecation notice. */
static int set_flag(struct parser *ps, const struct dflag_def *f,
                    const char *value)
{
    const char *stored;
    struct sb inner = SB_INIT;
    if (check_value(ps->a, f, value, &stored, &inner) < 0) {
        sb_adds(&ps->msg, "invalid argument ");
        go_quote_str(&ps->msg, value);
        sb_adds(&ps->msg, " for \"");
        add_flag_name(&ps->msg, f);
        sb_adds(&ps->msg, "\" flag: ");
        sb_add(&ps->msg, inner.buf, inner.len);
        sb_release(&inner);
        return -1;
    }
    sb_release(&inner);
    if (ps->out->n_flags == ps->cap_flags) {
        size_t cap = ps->cap_flags ? 2 * ps->cap_flags : 16;
        struct dflag_value *v = arena_calloc(ps->a, cap, sizeof(*v));
        if (ps->out->n_flags)
            memcpy(v, ps->out->flags, ps->out->n_flags * sizeof(*v));
        ps->out->flags = v;
        ps->cap_flags = cap;
    }
    /* pflag: --net and --network are two names of one Value */
    const struct dflag_def *owner = f;
    if (f->same_value_as && dcli_flag(ps->cmd, f->same_value_as))
        owner = dcli_flag(ps->cmd, f->same_value_as);
    ps->out->flags[ps->out->n_flags].def = owner;
    ps->out->flags[ps->out->n_flags].value =
        stored == value ? arena_strdup(ps->a, value) : stored;
    ps->out->n_flags++;
    if (f->deprecated)
        sb_addf(&ps->notices, "Flag --%s has been deprecated, %s\n", f->name,
                f->deprecated);
    return 0;
}

/* parseLongArg: s is "--name[=value]"; *i indexes the next word. */
static int parse_long(struct parser *ps, const char *s, char **words,
                      size_t n, size_t *i)
{
    const char *name = s + 2;
    if (name[0] == '-' || name[0] == '=') {
        sb_addf(&ps->msg, "bad flag syntax: %s", s);
        return -1;
    }
    const char *eq = strchr(name, '=');
    char *key = arena_memdup0(ps->a, name, eq ? (size_t)(eq - name)
                                              : strlen(name));
    const struct dflag_def *f = dcli_flag(ps->cmd, key);
    if (!f) {
        sb_addf(&ps->msg, "unknown flag: --%s", key);
        return -1;
    }
    const char *value;
    if (eq) {
        value = eq + 1;
    } else if (f->type == DFLAG_BOOL) {
        value = "true";
    } else if (*i < n) {
        value = words[(*i)++];
    } else {
        sb_addf(&ps->msg, "flag needs an argument: %s", s);
        return -1;
    }
    return set_flag(ps, f, value);
}

/* parseShortArg / parseSingleShortArg for one "-abc" word. */
static int parse_shorts(struct parser *ps, const char *s, char **words,
                        size_t n, size_t *i)
{
    const char *sh = s + 1;
    while (*sh) {
        unsigned char c = (unsigned char)*sh;
        const struct dflag_def *f = flag_by_short(ps->cmd, (char)c);
        if (!f) {
            sb_adds(&ps->msg, "unknown shorthand flag: ");
            quote_byte(&ps->msg, c);
            sb_addf(&ps->msg, " in -%s", sh);
            return -1;
        }
        const char *value;
        size_t len = strlen(sh);
        if (len > 2 && sh[1] == '=') {
            value = sh + 2;
            sh += len;
        } else if (f->type == DFLAG_BOOL) {
            value = "true";
            sh++;
        } else if (len > 1) {
            value = sh + 1;
            sh += len;
        } else if (*i < n) {
            value = words[(*i)++];
            sh++;
        } else {
            sb_adds(&ps->msg, "flag needs an argument: ");
            quote_byte(&ps->msg, c);
            sb_addf(&ps->msg, " in -%s", sh);
            return -1;
        }
        if (f->shorthand_deprecated)
            sb_addf(&ps->notices,
                    "Flag shorthand -%c has been deprecated, %s\n",
                    f->shorthand, f->shorthand_deprecated);
        if (set_flag(ps, f, value) < 0)
            return -1;
    }
    return 0;
}

static void push_arg(struct parser *ps, char *w)
{
    ps->out->args[ps->out->n_args++] = w;
}

/* cli/required.go: the message for a wrong number of arguments, or 0. */
static int check_args(const struct dcmd_def *cmd, size_t n, struct sb *err)
{
    int min = cmd->min_args, max = cmd->max_args;
    const char *footer = "Run";
    if (min == 0 && max == 0) {
        if (n == 0)
            return 0;
        sb_addf(err, "docker: 'docker %s' accepts no arguments", shown_path(cmd));
    } else if (max < 0) {
        if (n >= (size_t)min)
            return 0;
        sb_addf(err, "docker: 'docker %s' requires at least %d argument%s",
                shown_path(cmd), min, min == 1 ? "" : "s");
        footer = "See";
    } else if (min == max) {
        if (n == (size_t)min)
            return 0;
        sb_addf(err, "docker: 'docker %s' requires %d argument%s", shown_path(cmd),
                min, min == 1 ? "" : "s");
    } else if (min == 0) {
        if (n <= (size_t)max)
            return 0;
        sb_addf(err, "docker: 'docker %s' requires at most %d argument%s",
                shown_path(cmd), max, max == 1 ? "" : "s");
        footer = "SRun"; /* sic: RequiresMaxArgs in docker CLI 28.x */
    } else {
        if (n >= (size_t)min && n <= (size_t)max)
            return 0;
        sb_addf(err,
                "docker: 'docker %s' requires at least %d and at most %d "
                "argument%s",
                shown_path(cmd), min, max, max == 1 ? "" : "s");
    }
    sb_adds(err, "\n\nUsage:  ");
    add_use_line(err, cmd);
    sb_addf(err, "\n\n%s 'docker %s --help' for more information\n", footer,
            shown_path(cmd));
    return -1;
}

int dcli_parse(struct arena *a, const struct dcmd_def *cmd, char **words,
               size_t n, struct dparsed *out, struct sb *err, int *exit_code)
{
    struct parser ps = { a, cmd, out, 0, SB_INIT, SB_INIT };
    int rc = 0;
    *out = (struct dparsed){ 0 };
    out->cmd = cmd;
    out->args = arena_calloc(a, n + 1, sizeof(char *));
    *exit_code = 0;

    size_t i = 0;
    while (i < n && rc == 0) {
        char *s = words[i++];
        if (s[0] != '-' || s[1] == '\0') {
            push_arg(&ps, s);
            if (!cmd->interspersed)
                break;
            continue;
        }
        if (s[1] == '-' && s[2] == '\0')
            break; /* "--" ends the flags and is dropped */
        if (s[1] == '-')
            rc = parse_long(&ps, s, words, n, &i);
        else
            rc = parse_shorts(&ps, s, words, n, &i);
    }
    if (rc == 0) {
        while (i < n)
            push_arg(&ps, words[i++]);
    }
    /* cobra prints pflag's notices only when the whole parse succeeded */
    out->notices =
        rc < 0 ? "" : arena_memdup0(a, ps.notices.buf, ps.notices.len);
    sb_release(&ps.notices);
    if (rc < 0) {
        sb_add(err, ps.msg.buf, ps.msg.len);
        flag_footer(err, cmd);
        sb_release(&ps.msg);
        *exit_code = 125;
        return -1;
    }
    sb_release(&ps.msg);
    const char *help = dparsed_get(out, "help");
    if (help && strcmp(help, "true") == 0) {
        out->help = true;
        return 0;
    }
    if (check_args(cmd, out->n_args, err) < 0) {
        *exit_code = 1;
        return -1;
    }
    return 0;
}

const char *dparsed_get(const struct dparsed *p, const char *name)
{
    for (size_t i = p->n_flags; i-- > 0;)
        if (strcmp(p->flags[i].def->name, name) == 0)
            return p->flags[i].value;
    return NULL;
}

bool dparsed_changed(const struct dparsed *p, const char *name)
{
    return dparsed_get(p, name) != NULL;
}

size_t dparsed_all(const struct dparsed *p, const char *name,
                   const char ***values, struct arena *a)
{
    size_t k = 0;
    for (size_t i = 0; i < p->n_flags; i++)
        k += strcmp(p->flags[i].def->name, name) == 0;
    const char **v = arena_calloc(a, k + 1, sizeof(*v));
    k = 0;
    for (size_t i = 0; i < p->n_flags; i++)
        if (strcmp(p->flags[i].def->name, name) == 0)
            v[k++] = p->flags[i].value;
    *values = v;
    return k;
}

const char *dcli_env_value(struct arena *a, const char *value,
                           host_env_fn *env, void *ctx)
{
    const char *hv = NULL;
    if (strchr(value, '=') || !env || !env(ctx, value, &hv) || !hv)
        return value;
    return arena_printf(a, "%s=%s", value, hv);
}

/* ================================================================== */
/* lookup                                                              */
/* ================================================================== */

static const char *const groups[] = { "builder", "container", "image" };

static bool is_group(const char *w)
{
    for (size_t i = 0; i < ARRAY_LEN(groups); i++)
        if (strcmp(w, groups[i]) == 0)
            return true;
    return false;
}

/* Is word one of the blank-separated names in list? */
static bool in_list(const char *list, const char *word)
{
    size_t wl = strlen(word);
    while (list && *list) {
        size_t l = strcspn(list, " ");
        if (l == wl && memcmp(list, word, l) == 0)
            return true;
        list += l;
        list += *list == ' ';
    }
    return false;
}

const struct dcmd_def *dcli_find(char **words, size_t n, size_t *consumed)
{
    *consumed = 0;
    if (n == 0)
        return NULL;
    bool group = is_group(words[0]);
    size_t gl = strlen(words[0]);
    for (size_t i = 0; i < dcli_n_commands; i++) {
        const struct dcmd_def *c = &dcli_commands[i];
        const char *sp = strchr(c->path, ' ');
        if (!group) {
            if (!sp && strcmp(c->path, words[0]) == 0) {
                *consumed = 1;
                return c;
            }
            continue;
        }
        if (n < 2 || !sp || (size_t)(sp - c->path) != gl ||
            memcmp(c->path, words[0], gl) != 0)
            continue;
        if (strcmp(sp + 1, words[1]) == 0 ||
            in_list(c->other_names, words[1])) {
            *consumed = 2;
            return c;
        }
    }
    *consumed = group ? 1 : 0;
    return NULL;
}

/* ================================================================== */
/* help                                                                */
/* ================================================================== */

/* pflag wrapN: split s[0..len) at a blank before i (slop allowed). */
static void wrap_n(size_t i, size_t slop, const char *s, size_t len,
                   size_t *line, size_t *rest)
{
    if (i + slop > len) {
        *line = len;
        *rest = len;
        return;
    }
    size_t w = 0, nl = 0;
    bool have_w = false, have_nl = false;
    for (size_t k = 0; k < i; k++) {
        if (s[k] == ' ' || s[k] == '\t' || s[k] == '\n') {
            w = k;
            have_w = true;
        }
        if (s[k] == '\n') {
            nl = k;
            have_nl = true;
        }
    }
    if (!have_w || w == 0) {
        *line = len;
        *rest = len;
        return;
    }
    if (have_nl && nl > 0 && nl < w)
        w = nl;
    *line = w;
    *rest = w + 1;
}

/* Append s[0..len) with each "\n" followed by indent spaces. */
static void add_indented(struct sb *out, const char *s, size_t len,
                         size_t indent)
{
    for (size_t k = 0; k < len; k++) {
        sb_addch(out, s[k]);
        if (s[k] == '\n')
            for (size_t j = 0; j < indent; j++)
                sb_addch(out, ' ');
    }
}

/* pflag wrap(i, w, s) */
static void wrap(struct sb *out, size_t i, size_t w, const char *s)
{
    size_t len = strlen(s);
    size_t room = w > i ? w - i : 0;
    if (room < 24) {
        i = 16;
        room = w > i ? w - i : 0;
        sb_addch(out, '\n');
        for (size_t j = 0; j < i; j++)
            sb_addch(out, ' ');
        if (room < 24) { /* every "\n" becomes "\n" + 16 blanks */
            add_indented(out, s, len, i);
            return;
        }
    }
    const size_t slop = 5;
    room -= slop;
    size_t line, rest;
    wrap_n(room, slop, s, len, &line, &rest);
    add_indented(out, s, line, i);
    s += rest;
    len -= rest;
    while (len > 0) {
        wrap_n(room, slop, s, len, &line, &rest);
        sb_addch(out, '\n');
        for (size_t j = 0; j < i; j++)
            sb_addch(out, ' ');
        add_indented(out, s, line, i);
        s += rest;
        len -= rest;
    }
}

static bool flag_listed(const struct dflag_def *f)
{
    return !(f->attrs & (DFA_HIDDEN | DFA_WINDOWS | DFA_EXPERIMENTAL));
}

static int cmp_flag(const void *x, const void *y)
{
    const struct dflag_def *const *a = x, *const *b = y;
    return strcmp((*a)->name, (*b)->name);
}

/* pflag FlagUsagesWrapped(cols) of the listed flags, trimmed at the end. */
static void flag_usages(struct sb *out, const struct dcmd_def *cmd)
{
    size_t n = 0;
    for (const struct dflag_def *f = cmd->flags; f->name; f++)
        n += flag_listed(f);
    const struct dflag_def **v = xcalloc(n ? n : 1, sizeof(*v));
    n = 0;
    for (const struct dflag_def *f = cmd->flags; f->name; f++)
        if (flag_listed(f))
            v[n++] = f;
    qsort(v, n, sizeof(*v), cmp_flag);

    struct sb *left = xcalloc(n ? n : 1, sizeof(*left));
    size_t maxlen = 0;
    for (size_t k = 0; k < n; k++) {
        const struct dflag_def *f = v[k];
        sb_init(&left[k]);
        if (f->shorthand && !f->shorthand_deprecated)
            sb_addf(&left[k], "  -%c, --%s", f->shorthand, f->name);
        else
            sb_addf(&left[k], "      --%s", f->name);
        if (f->varname)
            sb_addf(&left[k], " %s", f->varname);
        if (left[k].len + 1 > maxlen)
            maxlen = left[k].len + 1; /* +1: pflag's "\x00" marker */
    }
    size_t start = out->len;
    for (size_t k = 0; k < n; k++) {
        const struct dflag_def *f = v[k];
        struct sb usage = SB_INIT;
        sb_adds(&usage, f->usage);
        if (f->def) {
            if (f->varname && strcmp(f->varname, "string") == 0) {
                sb_adds(&usage, " (default ");
                go_quote_str(&usage, f->def);
                sb_addch(&usage, ')');
            } else {
                sb_addf(&usage, " (default %s)", f->def);
            }
        }
        if (f->deprecated)
            sb_addf(&usage, " (DEPRECATED: %s)", f->deprecated);
        /* Fprintln(buf, line[:sidx], spacing, wrap(...)) */
        sb_add(out, left[k].buf, left[k].len);
        sb_addch(out, ' ');
        for (size_t j = left[k].len; j < maxlen; j++)
            sb_addch(out, ' ');
        sb_addch(out, ' ');
        wrap(out, maxlen + 2, HELP_COLS, usage.buf);
        sb_addch(out, '\n');
        sb_release(&usage);
        sb_release(&left[k]);
    }
    while (out->len > start &&
           strchr(" \t\n\r\v\f", out->buf[out->len - 1]) != NULL)
        sb_setlen(out, out->len - 1);
    free(left);
    free(v);
}

void dcli_help(struct sb *out, const struct dcmd_def *cmd)
{
    sb_adds(out, "Usage:  ");
    add_use_line(out, cmd);
    sb_addf(out, "\n\n%s\n", cmd->short_desc);
    if (cmd->aliases)
        sb_addf(out, "\nAliases:\n  %s\n", cmd->aliases);
    bool any = false;
    for (const struct dflag_def *f = cmd->flags; f->name; f++)
        any |= flag_listed(f);
    if (any) {
        sb_adds(out, "\nOptions:\n");
        flag_usages(out, cmd);
        sb_addch(out, '\n');
    }
}

/* `docker GROUP` alone (docker CLI 28.2.2, Linux daemon). */
static const struct {
    const char *name, *text;
} group_help[] = {
    { "builder",
      "Usage:  docker builder COMMAND\n"
      "\n"
      "Manage builds\n"
      "\n"
      "Commands:\n"
      "  build       Build an image from a Dockerfile\n"
      "  prune       Remove build cache\n"
      "\n"
      "Run 'docker builder COMMAND --help' for more information on a "
      "command.\n" },
    { "container",
      "Usage:  docker container COMMAND\n"
      "\n"
      "Manage containers\n"
      "\n"
      "Commands:\n"
      "  attach      Attach local standard input, output, and error streams "
      "to a running container\n"
      "  commit      Create a new image from a container's changes\n"
      "  cp          Copy files/folders between a container and the local "
      "filesystem\n"
      "  create      Create a new container\n"
      "  diff        Inspect changes to files or directories on a "
      "container's filesystem\n"
      "  exec        Execute a command in a running container\n"
      "  export      Export a container's filesystem as a tar archive\n"
      "  inspect     Display detailed information on one or more "
      "containers\n"
      "  kill        Kill one or more running containers\n"
      "  logs        Fetch the logs of a container\n"
      "  ls          List containers\n"
      "  pause       Pause all processes within one or more containers\n"
      "  port        List port mappings or a specific mapping for the "
      "container\n"
      "  prune       Remove all stopped containers\n"
      "  rename      Rename a container\n"
      "  restart     Restart one or more containers\n"
      "  rm          Remove one or more containers\n"
      "  run         Create and run a new container from an image\n"
      "  start       Start one or more stopped containers\n"
      "  stats       Display a live stream of container(s) resource usage "
      "statistics\n"
      "  stop        Stop one or more running containers\n"
      "  top         Display the running processes of a container\n"
      "  unpause     Unpause all processes within one or more containers\n"
      "  update      Update configuration of one or more containers\n"
      "  wait        Block until one or more containers stop, then print "
      "their exit codes\n"
      "\n"
      "Run 'docker container COMMAND --help' for more information on a "
      "command.\n" },
    { "image",
      "Usage:  docker image COMMAND\n"
      "\n"
      "Manage images\n"
      "\n"
      "Commands:\n"
      "  build       Build an image from a Dockerfile\n"
      "  history     Show the history of an image\n"
      "  import      Import the contents from a tarball to create a "
      "filesystem image\n"
      "  inspect     Display detailed information on one or more images\n"
      "  load        Load an image from a tar archive or STDIN\n"
      "  ls          List images\n"
      "  prune       Remove unused images\n"
      "  pull        Download an image from a registry\n"
      "  push        Upload an image to a registry\n"
      "  rm          Remove one or more images\n"
      "  save        Save one or more images to a tar archive (streamed to "
      "STDOUT by default)\n"
      "  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n"
      "\n"
      "Run 'docker image COMMAND --help' for more information on a "
      "command.\n" },
};

int dcli_group_help(struct sb *out, const char *group)
{
    for (size_t i = 0; i < ARRAY_LEN(group_help); i++) {
        if (strcmp(group_help[i].name, group) == 0) {
            sb_adds(out, group_help[i].text);
            return 0;
        }
    }
    return -1;
}

void dcli_unknown_command(struct sb *out, const char *name)
{
    size_t gl = strcspn(name, " ");
    char *g = xmemdup0(name, gl);
    sb_addf(out, "docker: unknown command: docker %s\n\n", name);
    if (name[gl] == ' ' && is_group(g))
        sb_addf(out, "Usage:  docker %s\n\nRun 'docker %s --help' for more "
                     "information\n",
                g, g);
    else
        sb_adds(out, "Run 'docker --help' for more information\n");
    free(g);
}

bool dcli_is_docker_command(const char *name)
{
    /* `docker --help` of CLI 28.2.2: every listed command */
    static const char *const names[] = {
        "attach",  "build",   "builder",  "checkpoint", "commit",  "config",
        "container", "context", "cp",     "create",     "diff",    "events",
        "exec",    "export",  "history",  "image",      "images",  "import",
        "info",    "inspect", "kill",     "load",       "login",   "logout",
        "logs",    "manifest", "network", "node",       "pause",   "plugin",
        "port",    "ps",      "pull",     "push",       "rename",  "restart",
        "rm",      "rmi",     "run",      "save",       "search",  "secret",
        "service", "stack",   "start",    "stats",      "stop",    "swarm",
        "system",  "tag",     "top",      "trust",      "unpause", "update",
        "version", "volume",  "wait",
    };
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}
