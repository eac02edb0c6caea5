/*
 * unicode.h: the few Unicode facts the Dockerfile frontend depends on,
 * matching Go (BuildKit is Go): UTF-8 decoding as utf8.DecodeRune,
 * the unicode.IsSpace/IsLetter/IsDigit classes and strconv.IsPrint,
 * and strconv.Quote (the AST dump and error messages quote with it).
 */
#ifndef UNICODE_H
#define UNICODE_H

#include "common.h"

struct sb;

#define RUNE_ERROR 0xFFFDL

/*
 * Decode the rune at s[0..n) (n > 0). Returns the code point and stores
 * the bytes consumed in *width (always >= 1). Like Go's utf8.DecodeRune an
 * invalid or truncated sequence, an overlong form or a surrogate gives
 * RUNE_ERROR with width 1.
 */
long utf8_decode(const char *s, size_t n, int *width);

bool uni_is_space(long r);  /* Go unicode.IsSpace */
bool uni_is_letter(long r); /* Go unicode.IsLetter (category L) */
bool uni_is_digit(long r);  /* Go unicode.IsDigit (category Nd) */
bool uni_is_print(long r);  /* Go strconv.IsPrint */

/* Go unicode.ToLower / unicode.ToUpper (simple case mapping). */
long uni_to_lower(long r);
long uni_to_upper(long r);

/* Append Go's strconv.Quote(s) (s[0..len), any bytes) to out. */
void go_quote(struct sb *out, const char *s, size_t len);
void go_quote_str(struct sb *out, const char *s);

#endif /* UNICODE_H */
