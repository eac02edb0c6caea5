#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "json.h"
#include "sb.h"
#include "xmalloc.h"

/*
 * Expected results come from Go 1.19 encoding/json (json.Unmarshal into
 * interface{}), which BuildKit uses to tell exec form from shell form.
 */

static int setup(void **state)
{
    struct arena *a = xmalloc(sizeof(*a));
    arena_init(a);
    *state = a;
    return 0;
}

static int teardown(void **state)
{
    arena_release(*state);
    free(*state);
    return 0;
}

/*
 * Parse text[0..len) from a malloc'd copy of exactly len bytes, freed
 * before returning: ASan/valgrind catch reads past len and a tree that
 * still points into the input.
 */
static struct json_value *parse_n(struct arena *a, const char *text,
                                  size_t len, const char **err)
{
    char *copy = xmalloc(len ? len : 1);
    struct json_value *v;

    memcpy(copy, text, len);
    *err = "not set";
    v = json_parse(a, copy, len, err);
    free(copy);
    return v;
}

static struct json_value *parse(struct arena *a, const char *text,
                                const char **err)
{
    return parse_n(a, text, strlen(text), err);
}

/* Parse text that must be valid; fails the test with the message if not. */
static struct json_value *parse_ok(struct arena *a, const char *text)
{
    const char *err;
    struct json_value *v = parse(a, text, &err);

    if (!v)
        fail_msg("json_parse(%s) failed: %s", text, err);
    assert_null(err);
    return v;
}

/* Parse text that must be invalid; returns the error message. */
static const char *parse_bad_n(struct arena *a, const char *text, size_t len)
{
    const char *err;
    struct json_value *v = parse_n(a, text, len, &err);

    if (v)
        fail_msg("json_parse(%.*s) accepted invalid JSON", (int)len, text);
    assert_non_null(err);
    assert_non_null(strstr(err, " at offset "));
    return err;
}

static const char *parse_bad(struct arena *a, const char *text)
{
    return parse_bad_n(a, text, strlen(text));
}

/* v is a string holding exactly the len bytes want. */
static void assert_json_bytes(const struct json_value *v, const char *want,
                              size_t len)
{
    assert_non_null(v);
    assert_int_equal(v->type, JSON_STRING);
    assert_int_equal(v->len, len);
    assert_memory_equal(v->str, want, len);
    assert_int_equal(v->str[len], '\0');
}

/* The one element of the array parsed from text, which must be valid. */
static const struct json_value *only_item(struct arena *a, const char *text)
{
    struct json_value *v = parse_ok(a, text);

    assert_int_equal(v->type, JSON_ARRAY);
    assert_int_equal(v->n, 1);
    return v->items[0];
}

static void test_exec_form_arrays(void **state)
{
    struct arena *a = *state;
    struct json_value *v;

    v = parse_ok(a, "[\"a\"]");
    assert_int_equal(v->type, JSON_ARRAY);
    assert_int_equal(v->n, 1);
    assert_json_bytes(v->items[0], "a", 1);
    assert_false(v->num_overflow);

    v = parse_ok(a, " [ \"a\" , \"b\" ] ");
    assert_int_equal(v->n, 2);
    assert_json_bytes(v->items[0], "a", 1);
    assert_json_bytes(v->items[1], "b", 1);

    v = parse_ok(a, "[]");
    assert_int_equal(v->type, JSON_ARRAY);
    assert_int_equal(v->n, 0);
    v = parse_ok(a, "[ \t\r\n ]");
    assert_int_equal(v->type, JSON_ARRAY);
    assert_int_equal(v->n, 0);

    /* valid JSON, not all strings: the caller reports it, we accept it */
    v = parse_ok(a, "[1, \"b\"]");
    assert_int_equal(v->n, 2);
    assert_int_equal(v->items[0]->type, JSON_NUMBER);
    assert_string_equal(v->items[0]->str, "1");
    assert_json_bytes(v->items[1], "b", 1);

    v = parse_ok(a, "[[\"a\"]]");
    assert_int_equal(v->n, 1);
    assert_int_equal(v->items[0]->type, JSON_ARRAY);
    assert_int_equal(v->items[0]->n, 1);
    assert_json_bytes(v->items[0]->items[0], "a", 1);

    v = parse_ok(a, "[true,false,null,{}]");
    assert_int_equal(v->n, 4);
    assert_int_equal(v->items[0]->type, JSON_TRUE);
    assert_int_equal(v->items[1]->type, JSON_FALSE);
    assert_int_equal(v->items[2]->type, JSON_NULL);
    assert_int_equal(v->items[3]->type, JSON_OBJECT);
    assert_int_equal(v->items[3]->n, 0);
}

static void test_top_level_scalars(void **state)
{
    struct arena *a = *state;

    assert_json_bytes(parse_ok(a, "\"a\""), "a", 1);
    assert_int_equal(parse_ok(a, " true ")->type, JSON_TRUE);
    assert_int_equal(parse_ok(a, "false")->type, JSON_FALSE);
    assert_int_equal(parse_ok(a, "\nnull\n")->type, JSON_NULL);
    assert_int_equal(parse_ok(a, "-12")->type, JSON_NUMBER);
}

static const char *const valid_docs[] = {
    "[\"a\"]", "{}", "{ }", "{\"a\":[1,{\"b\":null}]}", "[[],[[]]]",
    "\t[\r\n\"a\"\t]\n", "0", "-0", "[\"\\/\"]", "\"\\u00E9\\u00e9\"",
    "[\"\x7f\"]", "[\"\xef\xbb\xbf\"]", "{\"\":\"\"}",
};

static void test_accepts_valid_documents(void **state)
{
    struct arena *a = *state;

    for (size_t i = 0; i < ARRAY_LEN(valid_docs); i++)
        parse_ok(a, valid_docs[i]);
}

static const char *const invalid_docs[] = {
    /* trailing commas, missing elements */
    "[\"a\",]", "[,]", "[1,,2]", "{\"a\":1,}", "{,}",
    /* single quotes, comments, bare words */
    "['a']", "[1]//", "/*x*/[1]", "[1 /* c */]", "[a]", "{a:1}",
    /* text after the value, two values, no value */
    "[\"a\"] x", "[\"a\"][\"b\"]", "1 2", "[] []", "", " ", "\n\t\r ",
    /* unterminated */
    "[", "[\"a\"", "[\"a", "{", "{\"a\"", "{\"a\":", "{\"a\":1", "\"",
    /* literals */
    "[True]", "[tru]", "[nul]", "[nulll]", "[fals]", "tru", "NaN",
    "Infinity", "-Infinity", "[undefined]",
    /* objects */
    "{\"a\" 1}", "{\"a\":}", "{\"a\"}", "{1:2}", "{\"a\":1 \"b\":2}",
    "{\"a\",1}", "{\"a\"::1}", "[\"a\":1]", "{\"a\":1]", "[1}",
    /* a UTF-8 BOM is not whitespace */
    "\xef\xbb\xbf[]",
};

static void test_rejects_invalid_documents(void **state)
{
    struct arena *a = *state;

    for (size_t i = 0; i < ARRAY_LEN(invalid_docs); i++)
        parse_bad(a, invalid_docs[i]);
}

static void test_whitespace(void **state)
{
    struct arena *a = *state;
    static const char *const bad[] = {
        "\f[]", "[]\f", "\v[]", "[\v]", "\xc2\xa0[]", "[]\xc2\xa0",
        "\xa0[]", "\x85[]", "[\"a\"\f]", "[\x1c]",
    };

    parse_ok(a, " \t\n\r[ \t\n\r\"a\" \t\n\r, \t\n\r1 \t\n\r] \t\n\r");
    for (size_t i = 0; i < ARRAY_LEN(bad); i++)
        parse_bad(a, bad[i]);
    /* a NUL byte is not whitespace either */
    parse_bad_n(a, "[]\0", 3);
    parse_bad_n(a, "\0[]", 3);
    parse_bad_n(a, "[1,\0 2]", 7);
}

static void test_numbers(void **state)
{
    struct arena *a = *state;
    static const struct {
        const char *lit;
        double num;
    } good[] = {
        { "0", 0.0 },           { "-0", -0.0 },
        { "7", 7.0 },           { "-12", -12.0 },
        { "10", 10.0 },         { "1.5", 1.5 },
        { "-0.5e-3", -0.0005 }, { "0.0", 0.0 },
        { "0e0", 0.0 },         { "1E+2", 100.0 },
        { "1e2", 100.0 },       { "25E-1", 2.5 },
        { "0.1e1", 1.0 },
        { "123456789012345678901234567890", 1.2345678901234568e29 },
    };
    static const char *const bad[] = {
        "01", "-01", "00", "+1", ".5", "-.5", "1.", "1.e5", "1e", "1e+",
        "1E-", "0x10", "0X1", "-", "--1", "- 1", "1.5.5", "1e5.5", "1ee5",
        "0b1", "1_000", "\xd9\xa1", "1e5e5",
    };
    char buf[64];

    for (size_t i = 0; i < ARRAY_LEN(good); i++) {
        const struct json_value *v;
        snprintf(buf, sizeof(buf), "[%s]", good[i].lit);
        v = only_item(a, buf);
        assert_int_equal(v->type, JSON_NUMBER);
        assert_string_equal(v->str, good[i].lit);
        assert_int_equal(v->len, strlen(good[i].lit));
        assert_true(v->num == good[i].num);
        assert_false(v->num_overflow);
        /* and as a top-level value */
        v = parse_ok(a, good[i].lit);
        assert_string_equal(v->str, good[i].lit);
    }
    assert_true(signbit(only_item(a, "[-0]")->num));
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        snprintf(buf, sizeof(buf), "[%s]", bad[i]);
        parse_bad(a, buf);
        parse_bad(a, bad[i]);
    }
}

static void test_number_overflow(void **state)
{
    struct arena *a = *state;
    struct json_value *v;
    const struct json_value *n;

    n = only_item(a, "[1e400]");
    assert_int_equal(n->type, JSON_NUMBER);
    assert_true(n->num_overflow);
    assert_true(isinf(n->num) && n->num > 0);
    assert_string_equal(n->str, "1e400");
    n = only_item(a, "[-1e400]");
    assert_true(n->num_overflow);
    assert_true(isinf(n->num) && n->num < 0);

    /* the largest double and the first literal that rounds past it */
    assert_false(only_item(a, "[1.7976931348623157e308]")->num_overflow);
    assert_false(only_item(a, "[1.7976931348623158e308]")->num_overflow);
    assert_true(only_item(a, "[1.7976931348623159e308]")->num_overflow);

    /* underflow is no error in Go */
    n = only_item(a, "[1e-400]");
    assert_false(n->num_overflow);
    assert_true(n->num == 0.0);
    n = only_item(a, "[4.9e-324]");
    assert_false(n->num_overflow);
    assert_true(n->num > 0.0);

    /* containers carry the flag up to the root */
    v = parse_ok(a, "[\"a\", [1e309]]");
    assert_true(v->num_overflow);
    assert_true(v->items[1]->num_overflow);
    assert_false(v->items[0]->num_overflow);
    v = parse_ok(a, "{\"a\":[1,{\"b\":-1e999}]}");
    assert_true(v->num_overflow);
    v = parse_ok(a, "[\"1e400\", 1e300]");
    assert_false(v->num_overflow);
    assert_true(parse_ok(a, "1e400")->num_overflow);
}

static void test_string_escapes(void **state)
{
    struct arena *a = *state;
    static const char *const bad[] = {
        "[\"a\\x\"]", "[\"\\a\"]", "[\"\\'\"]", "[\"\\U0041\"]",
        "[\"\\u12\"]", "[\"\\u12g4\"]", "[\"\\u 123\"]", "[\"\\0\"]",
        "[\"\\v\"]", "[\"\\\"]", "[\"\\", "[\"\\u", "[\"\\u004\"]",
        "[\"\\x41\"]", "[\"\\\xc3\xa9\"]",
    };

    assert_json_bytes(only_item(a, "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]"),
                      "\"\\/\b\f\n\r\t", 8);
    assert_json_bytes(only_item(a, "[\"a\\u00e9\\t\\u0001\"]"),
                      "a\xc3\xa9\t\x01", 5);
    assert_json_bytes(only_item(a, "[\"\\u00E9\\u20AC\\u0041\"]"),
                      "\xc3\xa9\xe2\x82\xac" "A", 6);
    assert_json_bytes(only_item(a, "[\"\\u0000\"]"), "\0", 1);
    assert_json_bytes(only_item(a, "[\"a\\u0000b\"]"), "a\0b", 3);
    assert_json_bytes(only_item(a, "[\"\"]"), "", 0);
    for (size_t i = 0; i < ARRAY_LEN(bad); i++)
        parse_bad(a, bad[i]);
}

static void test_string_surrogates(void **state)
{
    struct arena *a = *state;
    static const struct {
        const char *json;
        const char *bytes;
    } cases[] = {
        { "[\"\\ud83d\\ude00\"]", "\xf0\x9f\x98\x80" },
        { "[\"\\uD83D\\uDE00\"]", "\xf0\x9f\x98\x80" },
        { "[\"\\udbff\\udfff\"]", "\xf4\x8f\xbf\xbf" },
        { "[\"\\ud800\"]", "\xef\xbf\xbd" },
        { "[\"\\ude00\"]", "\xef\xbf\xbd" },
        /* an unpaired high surrogate; what follows is read on its own */
        { "[\"\\ud800A\"]", "\xef\xbf\xbd" "A" },
        { "[\"\\ud800\\u0041\"]", "\xef\xbf\xbd" "A" },
        { "[\"\\ud800\\\\u0041\"]", "\xef\xbf\xbd\\u0041" },
        { "[\"\\ude00\\ud83d\"]", "\xef\xbf\xbd\xef\xbf\xbd" },
        { "[\"\\ud83d\\ud83d\\ude00\"]", "\xef\xbf\xbd\xf0\x9f\x98\x80" },
        { "[\"\\udc00\\udc00\"]", "\xef\xbf\xbd\xef\xbf\xbd" },
    };

    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        assert_json_bytes(only_item(a, cases[i].json), cases[i].bytes,
                          strlen(cases[i].bytes));
    /* the second escape of a pair is still checked */
    parse_bad(a, "[\"\\ud83d\\ude0g\"]");
}

static void test_string_utf8(void **state)
{
    struct arena *a = *state;
    static const struct {
        const char *json;
        const char *bytes;
    } cases[] = {
        /* valid UTF-8 is kept, U+FFFD itself included */
        { "[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"]",
          "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80" },
        { "[\"\xef\xbf\xbd\"]", "\xef\xbf\xbd" },
        { "[\"\x7f\"]", "\x7f" },
        /* each byte utf8.DecodeRune rejects becomes one U+FFFD */
        { "[\"\xff\"]", "\xef\xbf\xbd" },
        { "[\"a\xffz\"]", "a\xef\xbf\xbdz" },
        { "[\"\xc3\"]", "\xef\xbf\xbd" },
        { "[\"\xc0\x80\"]", "\xef\xbf\xbd\xef\xbf\xbd" },
        { "[\"\xe0\x80\x80\"]", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
        { "[\"\xed\xa0\x80\"]", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
        { "[\"\xf4\x90\x80\x80\"]",
          "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
        { "[\"\xf0\x9f\x98\"]", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
        { "[\"\x80\xc3\xa9\"]", "\xef\xbf\xbd\xc3\xa9" },
    };

    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        assert_json_bytes(only_item(a, cases[i].json), cases[i].bytes,
                          strlen(cases[i].bytes));
    /* object keys are decoded the same way */
    assert_non_null(json_get(parse_ok(a, "{\"\xff\":1}"), "\xef\xbf\xbd"));
    /* invalid UTF-8 outside a string is a syntax error */
    parse_bad(a, "[\xff]");
}

static void test_string_control_chars(void **state)
{
    struct arena *a = *state;
    char buf[8];

    for (int c = 0; c < 0x20; c++) {
        memcpy(buf, "[\"a\"]", 5);
        buf[2] = (char)c;
        parse_bad_n(a, buf, 5);
    }
    parse_bad(a, "[\"a\nb\"]");
    parse_bad(a, "{\"a\tb\":1}");
    parse_ok(a, "[\"\\n\\t\"]");
}

static void test_objects(void **state)
{
    struct arena *a = *state;
    struct json_value *v;
    const struct json_value *m;

    v = parse_ok(a, "{\"a\":1,\"a\":2}");
    assert_int_equal(v->type, JSON_OBJECT);
    assert_int_equal(v->n, 2);
    m = json_get(v, "a");
    assert_non_null(m);
    assert_string_equal(m->str, "2");

    v = parse_ok(a, "{ \"b\" : \"x\" , \"\\u0041\":true,\"c\":{\"d\":[]} }");
    assert_int_equal(v->n, 3);
    assert_string_equal(v->keys[0], "b");
    assert_int_equal(v->key_lens[0], 1);
    assert_string_equal(v->keys[1], "A");
    assert_string_equal(v->keys[2], "c");
    assert_string_equal(json_str(json_get(v, "b")), "x");
    assert_int_equal(json_get(v, "A")->type, JSON_TRUE);
    assert_int_equal(json_get(json_get(v, "c"), "d")->type, JSON_ARRAY);
    assert_null(json_get(v, "a"));
    assert_null(json_get(v, ""));
    assert_null(json_get(v, "bb"));

    /* a key with a NUL byte does not match its prefix */
    v = parse_ok(a, "{\"a\\u0000b\":1}");
    assert_int_equal(v->key_lens[0], 3);
    assert_memory_equal(v->keys[0], "a\0b", 3);
    assert_null(json_get(v, "a"));

    assert_non_null(json_get(parse_ok(a, "{\"\":0}"), ""));
    assert_null(json_get(parse_ok(a, "[\"a\"]"), "a"));
    assert_null(json_get(NULL, "a"));
    assert_null(json_get(parse_ok(a, "{}"), "a"));
}

static void test_json_str(void **state)
{
    struct arena *a = *state;
    struct json_value *v = parse_ok(a, "[\"s\", 1, null]");

    assert_string_equal(json_str(v->items[0]), "s");
    assert_null(json_str(v->items[1]));
    assert_null(json_str(v->items[2]));
    assert_null(json_str(v));
    assert_null(json_str(NULL));
}

/* n opening brackets (or "{"a":" keys), a value, then the closers. */
static char *nested(size_t depth, bool objects, size_t *len)
{
    const char *open = objects ? "{\"a\":" : "[";
    size_t olen = strlen(open);
    char *s = xmalloc(depth * (olen + 1) + 2);
    char *p = s;

    for (size_t i = 0; i < depth; i++, p += olen)
        memcpy(p, open, olen);
    *p++ = '1';
    memset(p, objects ? '}' : ']', depth);
    p += depth;
    *p = '\0';
    *len = (size_t)(p - s);
    return s;
}

static void test_nesting_limit(void **state)
{
    struct arena *a = *state;
    const struct json_value *v;
    const char *err;
    size_t len, depth;
    char *s;

    for (int objects = 0; objects < 2; objects++) {
        s = nested(JSON_MAX_DEPTH, objects, &len);
        v = parse_n(a, s, len, &err);
        assert_non_null(v);
        for (depth = 0; v->type != JSON_NUMBER; depth++)
            v = v->items[0];
        assert_int_equal(depth, JSON_MAX_DEPTH);
        free(s);

        s = nested(JSON_MAX_DEPTH + 1, objects, &len);
        assert_null(parse_n(a, s, len, &err));
        assert_non_null(strstr(err, "exceeded max depth"));
        free(s);
    }

    /* a megabyte of '[' fails cleanly, without recursion */
    len = 1024 * 1024;
    s = xmalloc(len);
    memset(s, '[', len);
    assert_null(parse_n(a, s, len, &err));
    assert_string_equal(err,
                        "invalid character '[' exceeded max depth "
                        "at offset 10000");
    /* ... and so does one that stays just under the limit then ends */
    assert_null(parse_n(a, s, JSON_MAX_DEPTH, &err));
    assert_string_equal(err, "unexpected end of JSON input at offset 10000");
    free(s);
}

static void test_error_messages(void **state)
{
    struct arena *a = *state;
    static const struct {
        const char *json;
        const char *err;
    } cases[] = {
        { "[1, x", "invalid character 'x' looking for beginning of value "
                   "at offset 4" },
        { "[\"a\"", "unexpected end of JSON input at offset 4" },
        { "", "unexpected end of JSON input at offset 0" },
        { "[\"a\",]", "invalid character ']' looking for beginning of value "
                      "at offset 5" },
        { "[\"a\"] x", "invalid character 'x' after top-level value "
                       "at offset 6" },
        { "[01]", "invalid character '1' after array element at offset 2" },
        { "['a']", "invalid character '\\'' looking for beginning of value "
                   "at offset 1" },
        { "[\"a\\x\"]", "invalid character 'x' in string escape code "
                        "at offset 4" },
        { "[\"a\nb\"]", "invalid character '\\n' in string literal "
                        "at offset 3" },
        { "[\"\\u12x4\"]", "invalid character 'x' in \\u hexadecimal "
                           "character escape at offset 6" },
        { "[tru]", "invalid character ']' in literal true (expecting 'e') "
                   "at offset 4" },
        { "nul", "invalid character ' ' in literal null (expecting 'l') "
                 "at offset 3" },
        { "[1.]", "invalid character ']' after decimal point in numeric "
                  "literal at offset 3" },
        /* Go finishes the input with a space, and says so */
        { "1.", "invalid character ' ' after decimal point in numeric "
                "literal at offset 2" },
        { "[1e]", "invalid character ']' in exponent of numeric literal "
                  "at offset 3" },
        { "[-]", "invalid character ']' in numeric literal at offset 2" },
        { "{\"a\" 1}", "invalid character '1' after object key "
                       "at offset 5" },
        { "{\"a\":1 \"b\":2}", "invalid character '\"' after object "
                               "key:value pair at offset 7" },
        { "{\"a\":1,}", "invalid character '}' looking for beginning of "
                        "object key string at offset 7" },
        { "\x01", "invalid character '\\x01' looking for beginning of "
                  "value at offset 0" },
        { "[1 2]", "invalid character '2' after array element at offset 3" },
    };

    for (size_t i = 0; i < ARRAY_LEN(cases); i++)
        assert_string_equal(parse_bad(a, cases[i].json), cases[i].err);
}

static void test_explicit_length(void **state)
{
    struct arena *a = *state;
    const char *err;

    /* the input need not be NUL-terminated; bytes past len are unseen */
    assert_non_null(json_parse(a, "[1]]]", 3, &err));
    assert_null(err);
    assert_null(json_parse(a, "[1]]]", 4, &err));
    assert_non_null(err);
    assert_null(json_parse(a, "[\"abc\"]", 4, &err));
    assert_string_equal(err, "unexpected end of JSON input at offset 4");
    assert_null(json_parse(a, NULL, 0, &err));
    /* err may be NULL */
    assert_null(json_parse(a, "[", 1, NULL));
    assert_non_null(json_parse(a, "[]", 2, NULL));
}

static void test_write_string(void **state)
{
    static const struct {
        const char *in;
        size_t len;
        const char *out;
    } cases[] = {
        { "", 0, "\"\"" },
        { "abc", 3, "\"abc\"" },
        { "a\"b\\c/d", 7, "\"a\\\"b\\\\c/d\"" },
        { "\b\f\n\r\t", 5, "\"\\b\\f\\n\\r\\t\"" },
        { "\x01\x1f\x0b", 3, "\"\\u0001\\u001f\\u000b\"" },
        { "a\0b", 3, "\"a\\u0000b\"" },
        { "\x7f", 1, "\"\x7f\"" },
        { "<&>'", 4, "\"<&>'\"" },
        { "\xc3\xa9\xf0\x9f\x98\x80\xef\xbf\xbd", 9,
          "\"\xc3\xa9\xf0\x9f\x98\x80\xef\xbf\xbd\"" },
        { "\xe2\x80\xa8\xe2\x80\xa9", 6, "\"\\u2028\\u2029\"" },
        { "a\xffz", 3, "\"a\\ufffdz\"" },
        { "\xc0\x80", 2, "\"\\ufffd\\ufffd\"" },
        { "\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"" },
        { "\xf0\x9f\x98", 3, "\"\\ufffd\\ufffd\\ufffd\"" },
    };
    struct sb out = SB_INIT;

    (void)state;
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        sb_reset(&out);
        json_write_string(&out, cases[i].in, cases[i].len);
        assert_string_equal(out.buf, cases[i].out);
    }
    /* it appends */
    sb_reset(&out);
    sb_adds(&out, "x=");
    json_write_string(&out, "y", 1);
    assert_string_equal(out.buf, "x=\"y\"");
    sb_release(&out);
}

/* write then parse gives s back, with U+FFFD for invalid bytes */
static void round_trip(struct arena *a, const char *s, size_t len,
                       const char *want, size_t want_len)
{
    struct sb out = SB_INIT;
    const char *err;
    struct json_value *v;

    json_write_string(&out, s, len);
    v = parse_n(a, out.buf, out.len, &err);
    assert_non_null(v);
    assert_json_bytes(v, want, want_len);
    sb_release(&out);
}

static void test_write_round_trip(void **state)
{
    struct arena *a = *state;
    static const char *const utf8[] = {
        "", "hello world", "\xc3\xa9t\xc3\xa9", "\xe2\x82\xac 5",
        "\xf0\x9f\x98\x80", "\xef\xbf\xbd", "\xe2\x80\xa8x\xe2\x80\xa9",
        "quote \" back \\ slash / tab \t nl \n",
        "\xf4\x8f\xbf\xbf\xee\x80\x80",
    };
    char all[256];

    for (int c = 0; c < 256; c++) {
        char b = (char)c;
        all[c] = b;
        if (c < 0x80)
            round_trip(a, &b, 1, &b, 1);
        else
            round_trip(a, &b, 1, "\xef\xbf\xbd", 3);
    }
    for (size_t i = 0; i < ARRAY_LEN(utf8); i++)
        round_trip(a, utf8[i], strlen(utf8[i]), utf8[i], strlen(utf8[i]));
    /* all ASCII bytes at once, NUL and controls included */
    round_trip(a, all, 128, all, 128);
}

static void test_read_file(void **state)
{
    struct arena *a = *state;
    char path[] = "/tmp/test_json_XXXXXX";
    static const char content[] = "{\"k\": [\"v\"]}\0tail";
    const char *err = NULL;
    size_t len = 0;
    char *text;
    int fd = mkstemp(path);
    FILE *f;

    assert_true(fd >= 0);
    f = fdopen(fd, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(content, 1, sizeof(content), f), sizeof(content));
    assert_int_equal(fclose(f), 0);

    text = json_read_file(a, path, &len, &err);
    assert_non_null(text);
    assert_int_equal(len, sizeof(content));
    assert_memory_equal(text, content, len);
    assert_int_equal(text[len], '\0');
    /* the JSON stops at the NUL: the whole file is not one document */
    assert_null(json_parse(a, text, len, &err));
    assert_non_null(json_get(json_parse(a, text, strlen(text), &err), "k"));

    /* an empty file */
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fclose(f), 0);
    text = json_read_file(a, path, &len, &err);
    assert_non_null(text);
    assert_int_equal(len, 0);
    assert_string_equal(text, "");

    assert_int_equal(unlink(path), 0);
    err = NULL;
    assert_null(json_read_file(a, path, &len, &err));
    assert_non_null(err);
    assert_non_null(strstr(err, path));
    /* a directory opens but cannot be read */
    err = NULL;
    assert_null(json_read_file(a, "/tmp", &len, &err));
    assert_non_null(err);
    assert_non_null(strstr(err, "/tmp"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_exec_form_arrays, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_top_level_scalars, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_accepts_valid_documents, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_rejects_invalid_documents,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_whitespace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_number_overflow, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_string_escapes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_string_surrogates, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_string_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_string_control_chars, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_objects, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_str, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nesting_limit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_error_messages, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_explicit_length, setup,
                                        teardown),
        cmocka_unit_test(test_write_string),
        cmocka_unit_test_setup_teardown(test_write_round_trip, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_read_file, setup, teardown),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
