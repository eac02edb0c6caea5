#include "sb.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

char sb_empty[1];

void sb_init(struct sb *s)
{
    s->buf = sb_empty;
    s->len = 0;
    s->cap = 0;
}

void sb_release(struct sb *s)
{
    if (s->cap)
        free(s->buf);
    sb_init(s);
}

void sb_reset(struct sb *s)
{
    sb_setlen(s, 0);
}

void sb_grow(struct sb *s, size_t extra)
{
    size_t need = s->len + extra + 1;
    if (need <= s->cap)
        return;
    size_t cap = s->cap ? s->cap : 32;
    while (cap < need)
        cap = cap < ((size_t)-1) / 2 ? cap * 2 : need;
    if (s->cap) {
        s->buf = xrealloc(s->buf, cap);
    } else {
        s->buf = xmalloc(cap);
        s->buf[0] = '\0';
    }
    s->cap = cap;
}

void sb_setlen(struct sb *s, size_t len)
{
    if (!s->cap) {
        /* only len 0 is valid on the shared empty buffer */
        return;
    }
    s->len = len;
    s->buf[len] = '\0';
}

void sb_add(struct sb *s, const void *data, size_t len)
{
    if (!len)
        return;
    sb_grow(s, len);
    memcpy(s->buf + s->len, data, len);
    s->len += len;
    s->buf[s->len] = '\0';
}

void sb_adds(struct sb *s, const char *str)
{
    sb_add(s, str, strlen(str));
}

void sb_addch(struct sb *s, int c)
{
    sb_grow(s, 1);
    s->buf[s->len++] = (char)c;
    s->buf[s->len] = '\0';
}

void sb_vaddf(struct sb *s, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n <= 0)
        return;
    sb_grow(s, (size_t)n);
    vsnprintf(s->buf + s->len, (size_t)n + 1, fmt, ap);
    s->len += (size_t)n;
}

void sb_addf(struct sb *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(s, fmt, ap);
    va_end(ap);
}

void sb_add_rune(struct sb *s, long cp)
{
    unsigned char b[4];
    size_t n;
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | (cp >> 6));
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (cp >> 12));
        b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (unsigned char)(0xF0 | (cp >> 18));
        b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sb_add(s, b, n);
}

char *sb_detach(struct sb *s, size_t *len)
{
    char *r;
    if (len)
        *len = s->len;
    if (!s->cap)
        r = xstrdup("");
    else
        r = s->buf;
    sb_init(s);
    return r;
}
