/*
 * gostr.h: Go's string primitives as BuildKit uses them, on byte spans
 * (text may hold NUL and invalid UTF-8, exactly like a Go string).
 */
#ifndef GOSTR_H
#define GOSTR_H

#include "common.h"

struct sb;

/* strings.TrimSpace / TrimLeftFunc(unicode.IsSpace): adjust *p and *len. */
void go_trim_space(const char **p, size_t *len);
void go_trim_left_space(const char **p, size_t *len);
void go_trim_right_space(const char **p, size_t *len);

/* The regexp class [\t\v\f\r ] that BuildKit splits words on. */
static inline bool go_is_ascii_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

/* strings.ToLower / strings.ToUpper (invalid UTF-8 becomes U+FFFD). */
void go_to_lower(struct sb *out, const char *s, size_t len);
void go_to_upper(struct sb *out, const char *s, size_t len);
/* strings.EqualFold for ASCII-only comparison needs (names, keywords). */
bool ascii_equal_fold(const char *a, size_t alen, const char *b);

/* strings.EqualFold: equal under Unicode simple case folding (so U+017F
 * long s matches "s" and the Kelvin sign matches "k"). */
bool go_equal_fold(const char *a, size_t alen, const char *b, size_t blen);

/* Levenshtein distance over runes (agnivade/levenshtein). */
size_t go_levenshtein(const char *a, size_t alen, const char *b, size_t blen);

/* True if s[0..len) contains the byte sequence needle. */
bool mem_contains(const char *s, size_t len, const char *needle);

#endif /* GOSTR_H */
