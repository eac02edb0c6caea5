/*
 * test_gostr.c: Go's string primitives (gostr.h) against Go 1.19:
 * strings.TrimSpace/TrimLeftFunc/TrimRightFunc(unicode.IsSpace),
 * strings.ToLower/ToUpper, the [\t\v\f\r ] class, ASCII EqualFold,
 * agnivade/levenshtein over runes, and a byte-string search.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "gostr.h"
#include "sb.h"
#include "xmalloc.h"

/* ---- helpers ---- */

typedef void trim_fn(const char **p, size_t *len);

/*
 * Trim a malloc'd copy of in[0..len) (so ASan sees reads outside it) and
 * check that the result is in[want_off .. want_off + want_len).
 */
static void check_trim_at(trim_fn *fn, const char *in, size_t len,
                          size_t want_off, size_t want_len, int line)
{
    char *copy = xmalloc(len ? len : 1);
    memcpy(copy, in, len);
    const char *p = copy;
    size_t n = len;
    fn(&p, &n);
    size_t off = (size_t)(p - copy);
    free(copy);
    if (off != want_off || n != want_len)
        fail_msg("line %d: trim gave offset %zu length %zu, want %zu %zu",
                 line, off, n, want_off, want_len);
}

#define check_trim(fn, lit, off, len) \
    check_trim_at(fn, lit, sizeof(lit) - 1, off, len, __LINE__)

/* Case-map a literal and compare with the expected bytes. */
static void check_case_at(bool upper, const char *in, size_t len,
                          const char *want, size_t want_len, int line)
{
    struct sb out = SB_INIT;
    sb_adds(&out, "<");
    if (upper)
        go_to_upper(&out, in, len);
    else
        go_to_lower(&out, in, len);
    /* the mapping appends: the prefix must survive */
    bool ok = out.len == want_len + 1 && out.buf[0] == '<' &&
              memcmp(out.buf + 1, want, want_len) == 0 &&
              out.buf[out.len] == '\0';
    sb_release(&out);
    if (!ok)
        fail_msg("line %d: case mapping of \"%s\" differs from \"%s\"", line,
                 in, want);
}

#define check_lower(in, want) \
    check_case_at(false, in, sizeof(in) - 1, want, sizeof(want) - 1, __LINE__)
#define check_upper(in, want) \
    check_case_at(true, in, sizeof(in) - 1, want, sizeof(want) - 1, __LINE__)

#define lev(a, b) go_levenshtein(a, sizeof(a) - 1, b, sizeof(b) - 1)

/* ---- trimming ---- */

static void test_gostr_trim_space_ascii(void **state)
{
    (void)state;
    check_trim(go_trim_space, "  abc  ", 2, 3);
    check_trim(go_trim_space, "\t\n\v\f\r x y \r\n", 6, 3);
    check_trim(go_trim_space, "abc", 0, 3);
    check_trim(go_trim_space, "", 0, 0);
    check_trim(go_trim_space, " \t ", 3, 0);
    /* NUL is not a space */
    check_trim(go_trim_space, " \0 ", 1, 1);
}

static void test_gostr_trim_space_unicode(void **state)
{
    (void)state;
    /* U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F,
     * U+205F, U+3000 are unicode.IsSpace */
    check_trim(go_trim_space, "\xc2\x85\xc2\xa0x\xe2\x80\xa8\xe3\x80\x80", 4,
               1);
    check_trim(go_trim_space, "\xe1\x9a\x80x\xe2\x80\x8a", 3, 1);
    check_trim(go_trim_space, "\xe2\x80\xafx\xe2\x81\x9f\xe2\x80\xa9", 3, 1);
    /* U+200B, U+FEFF and U+180E are not */
    check_trim(go_trim_space, "\xe2\x80\x8bx", 0, 4);
    check_trim(go_trim_space, "x\xef\xbb\xbf", 0, 4);
    check_trim(go_trim_space, "\xe1\xa0\x8ex", 0, 4);
}

static void test_gostr_trim_space_invalid_utf8(void **state)
{
    (void)state;
    /* a lone 0xA0 or 0x85 byte is RuneError, not a space */
    check_trim(go_trim_space, "\xa0x\x85", 0, 3);
    /* a truncated NBSP is not trimmed, the space before it is kept too */
    check_trim(go_trim_space, " x \xc2", 1, 3);
    /* continuation bytes without a start byte at the end */
    check_trim(go_trim_space, "x\x80\xa0", 0, 3);
    /* a valid NBSP after invalid bytes is still trimmed */
    check_trim(go_trim_space, "\xffx\xc2\xa0", 0, 2);
    /* an overlong encoding of a space is not a space */
    check_trim(go_trim_space, "\xc0\xa0x", 0, 3);
}

static void test_gostr_trim_left_right(void **state)
{
    (void)state;
    check_trim(go_trim_left_space, " \xc2\xa0x \xc2\xa0", 3, 4);
    check_trim(go_trim_right_space, " \xc2\xa0x \xc2\xa0", 0, 4);
    check_trim(go_trim_left_space, "   ", 3, 0);
    check_trim(go_trim_right_space, "   ", 0, 0);
    check_trim(go_trim_right_space, "", 0, 0);
    /* a 4-byte rune before the trailing space is kept whole */
    check_trim(go_trim_right_space, "\xf0\x9f\x98\x80 ", 0, 4);
}

static void test_gostr_ascii_blank(void **state)
{
    (void)state;
    assert_true(go_is_ascii_blank(' '));
    assert_true(go_is_ascii_blank('\t'));
    assert_true(go_is_ascii_blank('\v'));
    assert_true(go_is_ascii_blank('\f'));
    assert_true(go_is_ascii_blank('\r'));
    assert_false(go_is_ascii_blank('\n'));
    assert_false(go_is_ascii_blank('\0'));
    assert_false(go_is_ascii_blank('x'));
    assert_false(go_is_ascii_blank(0x85));
    assert_false(go_is_ascii_blank(0xA0));
}

/* ---- case mapping ---- */

static void test_gostr_to_lower_ascii(void **state)
{
    (void)state;
    check_lower("FROM", "from");
    check_lower("RuN 1-@[`{", "run 1-@[`{");
    check_lower("", "");
    check_lower("a\0B", "a\0b");
    check_lower("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz");
}

static void test_gostr_to_upper_ascii(void **state)
{
    (void)state;
    check_upper("from", "FROM");
    check_upper("rUn 1-@[`{", "RUN 1-@[`{");
    check_upper("", "");
    check_upper("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
}

static void test_gostr_case_unicode(void **state)
{
    (void)state;
    /* Kelvin sign lower-cases to k, upper-cases to itself */
    check_lower("WOR\xe2\x84\xaa" "DIR", "workdir");
    check_upper("\xe2\x84\xaa", "\xe2\x84\xaa");
    /* U+0130 -> i (Go's simple mapping), upper stays */
    check_lower("\xc4\xb0", "i");
    check_upper("\xc4\xb0", "\xc4\xb0");
    /* dotless i and long s upper-case to ASCII */
    check_upper("\xc4\xb1", "I");
    check_upper("\xc5\xbf", "S");
    check_lower("\xc4\xb1", "\xc4\xb1");
    /* sharp s has no simple upper case */
    check_upper("\xc3\x9f", "\xc3\x9f");
    /* title case digraph DZ with caron */
    check_lower("\xc7\x85", "\xc7\x86");
    check_upper("\xc7\x85", "\xc7\x84");
    /* final sigma: ToUpper maps it, ToLower keeps it */
    check_upper("\xcf\x82", "\xce\xa3");
    check_lower("\xce\xa3", "\xcf\x83");
    check_lower("\xc3\x80\xc3\x89", "\xc3\xa0\xc3\xa9");
}

static void test_gostr_case_invalid_bytes(void **state)
{
    (void)state;
    /* every invalid byte becomes U+FFFD, even if nothing else changes */
    check_lower("\xff", "\xef\xbf\xbd");
    check_upper("\xff", "\xef\xbf\xbd");
    check_lower("A\xff" "B", "a\xef\xbf\xbd" "b");
    check_upper("a\xc3" "b", "A\xef\xbf\xbd" "B");
    check_lower("\xc3\xa9\x80", "\xc3\xa9\xef\xbf\xbd");
    /* U+FFFD itself is kept */
    check_lower("\xef\xbf\xbd", "\xef\xbf\xbd");
}

static void test_gostr_ascii_equal_fold(void **state)
{
    (void)state;
    assert_true(ascii_equal_fold("ONBUILD", 7, "onbuild"));
    assert_true(ascii_equal_fold("OnBuIlD", 7, "ONBUILD"));
    assert_true(ascii_equal_fold("", 0, ""));
    assert_false(ascii_equal_fold("ONBUILD", 6, "onbuild"));
    assert_false(ascii_equal_fold("ONBUILDX", 8, "onbuild"));
    assert_false(ascii_equal_fold("as", 2, "at"));
    /* only ASCII letters fold; other bytes must be equal */
    assert_true(ascii_equal_fold("\xc3\xa9", 2, "\xc3\xa9"));
    assert_false(ascii_equal_fold("\xc3\x89", 2, "\xc3\xa9"));
    assert_false(ascii_equal_fold("\xe2\x84\xaa", 3, "k"));
    /* @ and ` are not letters ('@' + 32 == '`') */
    assert_false(ascii_equal_fold("@", 1, "`"));
    assert_false(ascii_equal_fold("[", 1, "{"));
    /* the first string is a span: a NUL inside it is compared */
    assert_false(ascii_equal_fold("a\0", 2, "a"));
}

/* ---- levenshtein ---- */

static void test_gostr_levenshtein_basic(void **state)
{
    (void)state;
    assert_int_equal(lev("kitten", "sitting"), 3);
    assert_int_equal(lev("flaw", "lawn"), 2);
    assert_int_equal(lev("from", "from"), 0);
    assert_int_equal(lev("foo", "from"), 2);
    assert_int_equal(lev("runn", "run"), 1);
    assert_int_equal(lev("form", "from"), 2);
    /* case-sensitive */
    assert_int_equal(lev("FROM", "from"), 4);
    /* symmetric */
    assert_int_equal(lev("sitting", "kitten"), 3);
}

static void test_gostr_levenshtein_empty(void **state)
{
    (void)state;
    assert_int_equal(lev("", ""), 0);
    assert_int_equal(lev("", "abc"), 3);
    assert_int_equal(lev("abc", ""), 3);
    /* counted in runes, not bytes */
    assert_int_equal(lev("", "\xc3\xa9\xe2\x84\xaa"), 2);
}

static void test_gostr_levenshtein_runes(void **state)
{
    (void)state;
    assert_int_equal(lev("\xc3\xa9", "e"), 1);
    assert_int_equal(lev("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
                         "\xe6\x97\xa5\xe6\x9c\xac"), 1);
    assert_int_equal(lev("\xf0\x9f\x98\x80x", "x"), 1);
    /* runes that share their first byte differ */
    assert_int_equal(lev("\xc3\xa9", "\xc3\xa8"), 1);
    /* []rune(s): every invalid byte is U+FFFD, so they are all equal */
    assert_int_equal(lev("\xff", "\xfe"), 0);
    assert_int_equal(lev("\xff\xfe", "\xff"), 1);
    assert_int_equal(lev("\xff", "\xef\xbf\xbd"), 0);
}

/* ---- mem_contains ---- */

static void test_gostr_mem_contains(void **state)
{
    (void)state;
    assert_true(mem_contains("RUN cat <<EOF", 13, "<<"));
    assert_false(mem_contains("a<b<", 4, "<<"));
    assert_true(mem_contains("<<", 2, "<<"));
    assert_false(mem_contains("<", 1, "<<"));
    assert_false(mem_contains("", 0, "<<"));
    assert_true(mem_contains("", 0, ""));
    assert_true(mem_contains("abc", 3, ""));
    /* only the first len bytes count */
    assert_false(mem_contains("ab<<", 3, "<<"));
    /* a NUL inside the span does not end it */
    assert_true(mem_contains("a\0<<", 4, "<<"));
    assert_true(mem_contains("xxabcabd", 8, "abd"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gostr_trim_space_ascii),
        cmocka_unit_test(test_gostr_trim_space_unicode),
        cmocka_unit_test(test_gostr_trim_space_invalid_utf8),
        cmocka_unit_test(test_gostr_trim_left_right),
        cmocka_unit_test(test_gostr_ascii_blank),
        cmocka_unit_test(test_gostr_to_lower_ascii),
        cmocka_unit_test(test_gostr_to_upper_ascii),
        cmocka_unit_test(test_gostr_case_unicode),
        cmocka_unit_test(test_gostr_case_invalid_bytes),
        cmocka_unit_test(test_gostr_ascii_equal_fold),
        cmocka_unit_test(test_gostr_levenshtein_basic),
        cmocka_unit_test(test_gostr_levenshtein_empty),
        cmocka_unit_test(test_gostr_levenshtein_runes),
        cmocka_unit_test(test_gostr_mem_contains),
    };
    return cmocka_run_group_tests_name("gostr", tests, NULL, NULL);
}
