/*
 * sb.h: a growable string (git's strbuf). Invariants: buf is never NULL
 * after sb_init/SB_INIT and is always NUL-terminated; len excludes the NUL.
 * Embedded NUL bytes are allowed (len is authoritative).
 *
 *   struct sb s = SB_INIT;
 *   sb_addf(&s, "%d", 42);
 *   char *owned = sb_detach(&s, NULL);  // caller frees with free()
 */
#ifndef SB_H
#define SB_H

#include "common.h"

#include <stdarg.h>

struct sb {
    char *buf;
    size_t len;
    size_t cap; /* 0 while buf points at the shared empty string */
};

extern char sb_empty[];
#define SB_INIT { sb_empty, 0, 0 }

void sb_init(struct sb *s);
void sb_release(struct sb *s);      /* frees; s is SB_INIT afterwards */
void sb_reset(struct sb *s);        /* len = 0, keeps capacity */
void sb_grow(struct sb *s, size_t extra);
void sb_setlen(struct sb *s, size_t len);
void sb_add(struct sb *s, const void *data, size_t len);
void sb_adds(struct sb *s, const char *str);
void sb_addch(struct sb *s, int c);
void sb_addf(struct sb *s, const char *fmt, ...) ATTR_PRINTF(2, 3);
void sb_vaddf(struct sb *s, const char *fmt, va_list ap) ATTR_PRINTF(2, 0);
/* Append the UTF-8 encoding of code point cp (invalid cp -> U+FFFD). */
void sb_add_rune(struct sb *s, long cp);
/* Take the buffer (caller frees with free()); s is SB_INIT afterwards. */
char *sb_detach(struct sb *s, size_t *len);

#endif /* SB_H */
