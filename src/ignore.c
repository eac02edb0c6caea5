/*
 * ignore.c: .dockerignore (moby/patternmatcher and its ignorefile
 * package). Each pattern becomes BuildKit's matcher: an exact string, a
 * prefix ("dir" + "/" + "**"), a suffix ("**" + "/x") or a regular expression
 * built exactly as Pattern.compile builds it, here in POSIX ERE.
 */
#include "ignore.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "sb.h"
#include "xmalloc.h"

enum match_type { MATCH_EXACT, MATCH_PREFIX, MATCH_SUFFIX, MATCH_REGEXP };

struct ignore_pattern {
    char *text;      /* cleaned pattern, without '!' */
    bool exclusion;
    enum match_type type;
    bool compiled;   /* re is valid */
    regex_t re;
};

void go_path_clean(struct sb *out, const char *s, size_t n)
{
    sb_reset(out);
    if (n == 0) {
        sb_adds(out, ".");
        return;
    }
    bool rooted = s[0] == '/';
    size_t r = 0, dotdot = 0;
    if (rooted) {
        sb_addch(out, '/');
        r = dotdot = 1;
    }
    while (r < n) {
        if (s[r] == '/') {
            r++;
        } else if (s[r] == '.' && (r + 1 == n || s[r + 1] == '/')) {
            r++;
        } else if (s[r] == '.' && r + 1 < n && s[r + 1] == '.' &&
                   (r + 2 == n || s[r + 2] == '/')) {
            r += 2;
            if (out->len > dotdot) {
                size_t w = out->len - 1;
                while (w > dotdot && out->buf[w] != '/')
                    w--;
                sb_setlen(out, w);
            } else if (!rooted) {
                if (out->len > 0)
                    sb_addch(out, '/');
                sb_adds(out, "..");
                dotdot = out->len;
            }
        } else {
            if ((rooted && out->len != 1) || (!rooted && out->len != 0))
                sb_addch(out, '/');
            for (; r < n && s[r] != '/'; r++)
                sb_addch(out, s[r]);
        }
    }
    if (out->len == 0)
        sb_adds(out, ".");
}

/* filepath.Match(p, ".") only to learn whether p is well formed. */
static bool pattern_ok(const char *p)
{
    for (size_t i = 0; p[i]; i++) {
        if (p[i] == '\\') {
            if (!p[i + 1])
                return false;
            i++;
        } else if (p[i] == '[') {
            size_t k = i + 1;
            if (p[k] == '^')
                k++;
            if (p[k] == ']' || !p[k])
                return false;
            while (p[k] && p[k] != ']') {
                if (p[k] == '\\' && p[k + 1])
                    k++;
                k++;
            }
            if (!p[k])
                return false;
            i = k;
        }
    }
    return true;
}

/* Regexp characters that are not special in filepath.Match. */
static bool should_escape(char c)
{
    return c && strchr(".+()|{}$", c) != NULL;
}

/* Pattern.compile, producing a POSIX ERE for the regexp case. */
static int compile(struct ignore_pattern *p)
{
    const char *s = p->text;
    struct sb re = SB_INIT;
    enum match_type type = MATCH_EXACT;
    bool in_class = false;
    sb_addch(&re, '^');
    for (size_t i = 0; s[i]; i++) {
        char ch = s[i];
        if (in_class) {
            if (ch == ']') {
                in_class = false;
                sb_addch(&re, ']');
            } else if (ch == '\\' && s[i + 1]) {
                sb_addch(&re, s[++i]);
            } else {
                sb_addch(&re, ch);
            }
            continue;
        }
        if (ch == '*') {
            size_t tok = i;
            if (s[i + 1] == '*') {
                i++;
                if (s[i + 1] == '/')
                    i++;
                if (!s[i + 1]) {
                    if (type == MATCH_EXACT) {
                        type = MATCH_PREFIX;
                    } else {
                        sb_adds(&re, ".*");
                        type = MATCH_REGEXP;
                    }
                } else {
                    sb_adds(&re, "(.*/)?");
                    type = MATCH_REGEXP;
                }
                /* "**" at the very start: a suffix match */
                if (tok == 0)
                    type = MATCH_SUFFIX;
            } else {
                sb_adds(&re, "[^/]*");
                type = MATCH_REGEXP;
            }
        } else if (ch == '?') {
            sb_adds(&re, "[^/]");
            type = MATCH_REGEXP;
        } else if (should_escape(ch)) {
            sb_addch(&re, '\\');
            sb_addch(&re, ch);
        } else if (ch == '\\') {
            if (s[i + 1]) {
                char c = s[++i];
                sb_addch(&re, '[');
                sb_addch(&re, c);
                sb_addch(&re, ']');
                type = MATCH_REGEXP;
            } else {
                sb_adds(&re, "\\\\");
            }
        } else if (ch == '[') {
            in_class = true;
            sb_addch(&re, '[');
            type = MATCH_REGEXP;
        } else if (ch == ']') {
            sb_addch(&re, ']');
            type = MATCH_REGEXP;
        } else {
            sb_addch(&re, ch);
        }
    }
    p->type = type;
    int rc = 0;
    if (type == MATCH_REGEXP) {
        sb_addch(&re, '$');
        if (regcomp(&p->re, re.buf, REG_EXTENDED | REG_NOSUB) == 0)
            p->compiled = true;
        else
            rc = -1;
    }
    sb_release(&re);
    return rc;
}

static bool pattern_match(const struct ignore_pattern *p, const char *path)
{
    size_t pl = strlen(p->text), l = strlen(path);
    switch (p->type) {
    case MATCH_EXACT:
        return strcmp(path, p->text) == 0;
    case MATCH_PREFIX:
        return strncmp(path, p->text, pl - 2) == 0;
    case MATCH_SUFFIX: {
        const char *suffix = p->text + 2;
        size_t sl = pl - 2;
        if (l >= sl && memcmp(path + l - sl, suffix, sl) == 0)
            return true;
        return suffix[0] == '/' && strcmp(path, suffix + 1) == 0;
    }
    case MATCH_REGEXP:
        return p->compiled && regexec(&p->re, path, 0, NULL, 0) == 0;
    }
    return false;
}

static void add_pattern(struct ignore *ig, const char *text, bool exclusion)
{
    ig->patterns = xreallocarray(ig->patterns, ig->n + 1,
                                 sizeof(*ig->patterns));
    struct ignore_pattern *p = &ig->patterns[ig->n++];
    memset(p, 0, sizeof(*p));
    p->text = xstrdup(text);
    p->exclusion = exclusion;
}

static void trim_space(const char **s, size_t *n)
{
    while (*n && strchr(" \t\r\n\v\f", (*s)[0])) {
        (*s)++;
        (*n)--;
    }
    while (*n && strchr(" \t\r\n\v\f", (*s)[*n - 1]))
        (*n)--;
}

static int fail(struct ignore *ig, char **err, const char *msg)
{
    ignore_release(ig);
    *err = xstrdup(msg);
    return -1;
}

int ignore_init(struct ignore *ig, const char *text, size_t len, char **err)
{
    memset(ig, 0, sizeof(*ig));
    *err = NULL;
    struct sb clean = SB_INIT, pat = SB_INIT;
    size_t i = 0;
    int line = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        const char *s = text + i;
        size_t n = j - i;
        i = j + 1;
        if (n && s[n - 1] == '\r')
            n--;
        if (line++ == 0 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            n -= 3;
        }
        /* ignorefile.ReadAll */
        if (n && s[0] == '#')
            continue;
        trim_space(&s, &n);
        if (!n)
            continue;
        bool invert = s[0] == '!';
        if (invert) {
            s++;
            n--;
            trim_space(&s, &n);
        }
        sb_reset(&pat);
        if (n) {
            go_path_clean(&clean, s, n);
            const char *c = clean.buf;
            if (clean.len > 1 && c[0] == '/')
                c++;
            sb_adds(&pat, c);
        }
        /* PatternMatcher.New: trim, clean again, then the '!' */
        const char *p = pat.buf;
        size_t pl = pat.len;
        trim_space(&p, &pl);
        struct sb full = SB_INIT;
        if (invert)
            sb_addch(&full, '!');
        sb_add(&full, p, pl);
        if (!full.len) {
            sb_release(&full);
            continue;
        }
        go_path_clean(&clean, full.buf, full.len);
        sb_release(&full);
        bool excl = clean.buf[0] == '!';
        if (excl && clean.len == 1) {
            sb_release(&clean);
            sb_release(&pat);
            return fail(ig, err, "illegal exclusion pattern: \"!\"");
        }
        const char *body = clean.buf + (excl ? 1 : 0);
        if (!pattern_ok(body)) {
            sb_release(&clean);
            sb_release(&pat);
            return fail(ig, err, "syntax error in pattern");
        }
        add_pattern(ig, body, excl);
        if (excl)
            ig->exclusions = true;
        if (compile(&ig->patterns[ig->n - 1]) < 0) {
            sb_release(&clean);
            sb_release(&pat);
            return fail(ig, err, "syntax error in pattern");
        }
    }
    sb_release(&clean);
    sb_release(&pat);
    return 0;
}

void ignore_release(struct ignore *ig)
{
    for (size_t i = 0; i < ig->n; i++) {
        if (ig->patterns[i].compiled)
            regfree(&ig->patterns[i].re);
        free(ig->patterns[i].text);
    }
    free(ig->patterns);
    memset(ig, 0, sizeof(*ig));
}

bool ignore_matches(const struct ignore *ig, const char *path)
{
    bool matched = false;
    const char *last = strrchr(path, '/');
    /* filepath.Dir: "." when there is no slash */
    size_t plen = last ? (size_t)(last - path) : 0;
    bool has_parent = last != NULL;
    if (last && plen == 0)
        plen = 1; /* "/x" has the parent "/" */
    struct sb prefix = SB_INIT;
    for (size_t i = 0; i < ig->n; i++) {
        const struct ignore_pattern *p = &ig->patterns[i];
        if (p->exclusion != matched)
            continue;
        bool m = pattern_match(p, path);
        if (!m && has_parent) {
            /* each leading run of parent directories */
            for (size_t k = 0; k <= plen && !m; k++) {
                if (k < plen && path[k] != '/')
                    continue;
                sb_reset(&prefix);
                sb_add(&prefix, path, k);
                m = pattern_match(p, prefix.buf);
            }
        }
        if (m)
            matched = !p->exclusion;
    }
    sb_release(&prefix);
    return matched;
}

const char *ignore_pattern_text(const struct ignore *ig, size_t i)
{
    return ig->patterns[i].text;
}

bool ignore_pattern_exclusion(const struct ignore *ig, size_t i)
{
    return ig->patterns[i].exclusion;
}
