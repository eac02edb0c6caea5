/* PROVISIONAL ASCII-only implementation: replaced by the generated tables. */
#include "unicode.h"

#include <stdio.h>
#include <string.h>

#include "sb.h"

long utf8_decode(const char *s, size_t n, int *width)
{
    const unsigned char *p = (const unsigned char *)s;
    *width = 1;
    if (p[0] < 0x80)
        return p[0];
    int len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 ? 2 : 0;
    if (!len || (size_t)len > n || p[0] > 0xF4)
        return RUNE_ERROR;
    long cp = p[0] & (0x3F >> (len - 1));
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return RUNE_ERROR;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return RUNE_ERROR;
    *width = len;
    return cp;
}

bool uni_is_space(long r)
{
    return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
}

bool uni_is_letter(long r)
{
    return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r >= 0x80;
}

bool uni_is_digit(long r)
{
    return r >= '0' && r <= '9';
}

bool uni_is_print(long r)
{
    return (r >= 0x20 && r < 0x7F) || r >= 0xA1;
}

void go_quote(struct sb *out, const char *s, size_t len)
{
    sb_addch(out, '"');
    for (size_t i = 0; i < len;) {
        int w;
        long r = utf8_decode(s + i, len - i, &w);
        if (w == 1 && r == RUNE_ERROR) {
            sb_addf(out, "\\x%02x", (unsigned char)s[i]);
            i++;
            continue;
        }
        switch (r) {
        case '"': sb_adds(out, "\\\""); break;
        case '\\': sb_adds(out, "\\\\"); break;
        case '\a': sb_adds(out, "\\a"); break;
        case '\b': sb_adds(out, "\\b"); break;
        case '\f': sb_adds(out, "\\f"); break;
        case '\n': sb_adds(out, "\\n"); break;
        case '\r': sb_adds(out, "\\r"); break;
        case '\t': sb_adds(out, "\\t"); break;
        case '\v': sb_adds(out, "\\v"); break;
        default:
            if (uni_is_print(r))
                sb_add(out, s + i, (size_t)w);
            else if (r < 0x80)
                sb_addf(out, "\\x%02lx", r);
            else if (r < 0x10000)
                sb_addf(out, "\\u%04lx", r);
            else
                sb_addf(out, "\\U%08lx", r);
        }
        i += (size_t)w;
    }
    sb_addch(out, '"');
}

void go_quote_str(struct sb *out, const char *s)
{
    go_quote(out, s, strlen(s));
}
