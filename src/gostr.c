#include "gostr.h"

#include <stdlib.h>
#include <string.h>

#include "sb.h"
#include "unicode.h"
#include "xmalloc.h"

/* unicode.IsSpace for ASCII */
static inline bool ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

void go_trim_left_space(const char **p, size_t *len)
{
    const char *s = *p;
    size_t n = *len;
    while (n) {
        unsigned char c = (unsigned char)s[0];
        if (c < 0x80) {
            if (!ascii_space(c))
                break;
            s++;
            n--;
            continue;
        }
        int w;
        long r = utf8_decode(s, n, &w);
        if (!uni_is_space(r))
            break;
        s += w;
        n -= (size_t)w;
    }
    *p = s;
    *len = n;
}

/* Step back over one rune ending at s[n); returns its width (>= 1). */
static int last_rune(const char *s, size_t n, long *r)
{
    /* Go's DecodeLastRune: look back at most 4 bytes for a start byte. */
    size_t lim = n > 4 ? n - 4 : 0;
    size_t start = n - 1;
    while (start > lim && (((unsigned char)s[start]) & 0xC0) == 0x80)
        start--;
    int w;
    long cp = utf8_decode(s + start, n - start, &w);
    if (start + (size_t)w != n) {
        *r = RUNE_ERROR;
        return 1;
    }
    *r = cp;
    return w;
}

void go_trim_right_space(const char **p, size_t *len)
{
    const char *s = *p;
    size_t n = *len;
    while (n) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c < 0x80) {
            if (!ascii_space(c))
                break;
            n--;
            continue;
        }
        long r;
        int w = last_rune(s, n, &r);
        if (!uni_is_space(r))
            break;
        n -= (size_t)w;
    }
    *len = n;
}

void go_trim_space(const char **p, size_t *len)
{
    go_trim_left_space(p, len);
    go_trim_right_space(p, len);
}

static void map_case(struct sb *out, const char *s, size_t len, bool upper)
{
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            ascii = false;
    if (ascii) {
        sb_grow(out, len);
        for (size_t i = 0; i < len; i++) {
            int c = (unsigned char)s[i];
            if (upper && c >= 'a' && c <= 'z')
                c -= 32;
            else if (!upper && c >= 'A' && c <= 'Z')
                c += 32;
            sb_addch(out, c);
        }
        return;
    }
    for (size_t i = 0; i < len;) {
        int w;
        long r = utf8_decode(s + i, len - i, &w);
        sb_add_rune(out, upper ? uni_to_upper(r) : uni_to_lower(r));
        i += (size_t)w;
    }
}

void go_to_lower(struct sb *out, const char *s, size_t len)
{
    map_case(out, s, len, false);
}

void go_to_upper(struct sb *out, const char *s, size_t len)
{
    map_case(out, s, len, true);
}

bool ascii_equal_fold(const char *a, size_t alen, const char *b)
{
    size_t blen = strlen(b);
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++) {
        int x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return false;
    }
    return true;
}

static long fold(long r)
{
    return uni_to_lower(uni_to_upper(r));
}

bool go_equal_fold(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;
    while (i < alen && j < blen) {
        int wa, wb;
        long ra = utf8_decode(a + i, alen - i, &wa);
        long rb = utf8_decode(b + j, blen - j, &wb);
        if (ra != rb && fold(ra) != fold(rb))
            return false;
        i += (size_t)wa;
        j += (size_t)wb;
    }
    return i == alen && j == blen;
}

static size_t decode_all(const char *s, size_t len, long **out)
{
    long *r = xreallocarray(NULL, len ? len : 1, sizeof(*r));
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        int w;
        r[n++] = utf8_decode(s + i, len - i, &w);
        i += (size_t)w;
    }
    *out = r;
    return n;
}

size_t go_levenshtein(const char *a, size_t alen, const char *b, size_t blen)
{
    long *ra, *rb;
    size_t na = decode_all(a, alen, &ra);
    size_t nb = decode_all(b, blen, &rb);
    size_t *row = xreallocarray(NULL, nb + 1, sizeof(*row));
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t prev = row[0]; /* row[i-1][j-1] */
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t cur = row[j];
            size_t best = prev + (ra[i - 1] == rb[j - 1] ? 0 : 1);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    size_t d = row[nb];
    free(row);
    free(ra);
    free(rb);
    return d;
}

bool mem_contains(const char *s, size_t len, const char *needle)
{
    size_t nl = strlen(needle);
    if (nl == 0)
        return true;
    const char *end = s + len;
    for (const char *p = s; (size_t)(end - p) >= nl;) {
        p = memchr(p, needle[0], (size_t)(end - p) - nl + 1);
        if (!p)
            return false;
        if (memcmp(p, needle, nl) == 0)
            return true;
        p++;
    }
    return false;
}
