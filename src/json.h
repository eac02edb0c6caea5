/*
 * json.h: a strict JSON (RFC 8259) reader and a string writer.
 *
 * The reader accepts exactly what Go's encoding/json accepts, because
 * BuildKit decides "exec form" vs "shell form" by calling
 * json.Unmarshal(text, &[]interface{}{}): whitespace is only space, TAB,
 * LF and CR; no comments, trailing commas, single quotes, leading zeros,
 * NaN or hex; exactly one value followed only by whitespace; at most
 * JSON_MAX_DEPTH nested arrays/objects. String values are decoded the way
 * Go decodes them: invalid UTF-8 bytes become U+FFFD (one per byte that
 * utf8_decode rejects), \u surrogate pairs combine and a lone surrogate
 * escape becomes U+FFFD.
 *
 * Every node and string of a parse lives in the arena passed in; release
 * the arena to free the tree. Nothing else is allocated for the caller.
 *
 *   struct arena a = ARENA_INIT;
 *   const char *err;
 *   struct json_value *v = json_parse(&a, text, len, &err);
 *   if (!v)
 *       printf("bad json: %s\n", err);
 *   else if (v->type == JSON_ARRAY && !v->num_overflow)
 *       ... v->items[0..v->n) ...
 *   arena_release(&a);
 */
#ifndef JSON_H
#define JSON_H

#include "common.h"

struct arena;
struct sb;

/* Go's encoding/json maxNestingDepth: deeper input is a syntax error. */
#define JSON_MAX_DEPTH 10000

enum json_type {
    JSON_NULL,
    JSON_FALSE,
    JSON_TRUE,
    JSON_NUMBER,
    JSON_STRING,
    JSON_ARRAY,
    JSON_OBJECT,
};

struct json_value {
    enum json_type type;

    /*
     * STRING: the decoded bytes; NUMBER: the literal text as written.
     * NUL-terminated, but a string may contain NUL bytes (\u0000), so len
     * is authoritative. NULL for the other types.
     */
    const char *str;
    size_t len;

    /* NUMBER: the value (strtod, locale-independent). */
    double num;
    /*
     * NUMBER: the literal is syntactically valid but too large for a
     * double (strtod gives +-inf, e.g. 1e400). Go's Unmarshal into
     * interface{} fails on such a number, so a caller imitating it must
     * treat the document as undecodable. Underflow (1e-400) is not flagged.
     * ARRAY/OBJECT: some number anywhere inside has num_overflow set, so
     * checking the root is enough.
     */
    bool num_overflow;

    /* ARRAY: the elements; OBJECT: the member values. In input order. */
    struct json_value **items;
    size_t n;

    /* OBJECT: the decoded member keys, parallel to items (may repeat). */
    const char **keys;
    size_t *key_lens;
};

/*
 * Parse exactly one JSON document, text[0..len) (text need not be
 * NUL-terminated). All memory comes from a. On success returns the root
 * value (which may be a scalar). On a syntax error returns NULL and, when
 * err is not NULL, points *err at a message in Go's wording plus the byte
 * offset, e.g. "invalid character 'x' looking for beginning of value at
 * offset 5" (offset 5 is the 0-based index of the bad byte; at the end of
 * input it is len).
 */
struct json_value *json_parse(struct arena *a, const char *text, size_t len,
                              const char **err);

/*
 * The value of member key in obj, or NULL when obj is NULL, not an object
 * or has no such key. With duplicate keys the last one wins, as in Go.
 */
const struct json_value *json_get(const struct json_value *obj,
                                  const char *key);

/* v's string value, or NULL when v is NULL or not a string. */
const char *json_str(const struct json_value *v);

/*
 * Append s[0..len) to out as a JSON string literal, quotes included, the
 * way Go's json.Encoder does with SetEscapeHTML(false): \" \\ \b \f \n \r
 * \t, other control bytes as \u00XX, U+2028 and U+2029 as \u2028 and
 * \u2029, every byte of invalid UTF-8 as \ufffd; all else copied raw.
 */
void json_write_string(struct sb *out, const char *s, size_t len);

/*
 * Read the whole file at path into a, NUL-terminated, storing its size
 * in *len. Returns NULL with *err set (a message naming the path) when the
 * file cannot be opened or read.
 */
char *json_read_file(struct arena *a, const char *path, size_t *len,
                     const char **err);

#endif /* JSON_H */
