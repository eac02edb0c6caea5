/*
 * test_unicode.c: utf8_decode, the character classes and go_quote against
 * Go's utf8.DecodeRune, unicode.IsSpace/IsLetter/IsDigit, strconv.IsPrint
 * and strconv.Quote.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "sb.h"
#include "unicode.h"

/* The generated tables (unicode_tables.c); see the table tests below. */
extern const char uni_tables_version[];
extern const uint32_t uni_letter_ranges[][2];
extern const size_t uni_letter_nranges;
extern const uint32_t uni_digit_ranges[][2];
extern const size_t uni_digit_nranges;
extern const uint32_t uni_space_ranges[][2];
extern const size_t uni_space_nranges;
extern const uint32_t uni_print_ranges[][2];
extern const size_t uni_print_nranges;

/* ---- helpers ---- */

/* Decode s[0..n) and check the rune and width. */
static void check_decode(const char *s, size_t n, long want_r, int want_w)
{
    int w = -7;
    long r = utf8_decode(s, n, &w);
    if (r != want_r || w != want_w)
        fail_msg("decode of %zu bytes (first 0x%02x): got U+%04lX width %d, "
                 "want U+%04lX width %d", n, (unsigned)(unsigned char)s[0],
                 r, w, want_r, want_w);
}

/* Our own encoder, for the round-trip tests (sb_add_rune is not tested here). */
static size_t encode(long r, unsigned char *b)
{
    if (r < 0x80) {
        b[0] = (unsigned char)r;
        return 1;
    }
    if (r < 0x800) {
        b[0] = (unsigned char)(0xC0 | (r >> 6));
        b[1] = (unsigned char)(0x80 | (r & 0x3F));
        return 2;
    }
    if (r < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (r >> 12));
        b[1] = (unsigned char)(0x80 | ((r >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (r & 0x3F));
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | (r >> 18));
    b[1] = (unsigned char)(0x80 | ((r >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((r >> 6) & 0x3F));
    b[3] = (unsigned char)(0x80 | (r & 0x3F));
    return 4;
}

/*
 * The decoder property for one byte string: either it decodes to a rune
 * whose canonical encoding is exactly its first `width` bytes, or it is
 * RUNE_ERROR with width 1. Returns the width.
 */
static int check_decode_property(const unsigned char *b, size_t n)
{
    int w;
    long r = utf8_decode((const char *)b, n, &w);
    if (w == 1 && r == RUNE_ERROR)
        return 1;
    unsigned char e[4];
    size_t en = encode(r, e);
    if (w < 1 || (size_t)w != en || (size_t)w > n || memcmp(b, e, en) != 0 ||
        (r >= 0xD800 && r <= 0xDFFF) || r > 0x10FFFF)
        fail_msg("bytes %02x %02x ... decoded to U+%04lX width %d", b[0],
                 n > 1 ? b[1] : 0, r, w);
    return w;
}

static void check_quote(const char *in, size_t len, const char *want)
{
    struct sb out = SB_INIT;
    go_quote(&out, in, len);
    if (out.len != strlen(want) || memcmp(out.buf, want, out.len) != 0) {
        char got[512];
        snprintf(got, sizeof(got), "%s", out.buf);
        sb_release(&out);
        fail_msg("quote: got %s, want %s", got, want);
    }
    sb_release(&out);
}

#define QUOTE(lit, want) check_quote((lit), sizeof(lit) - 1, (want))

/* Linear search, independent of unicode.c's binary search. */
static bool table_has(const uint32_t (*t)[2], size_t n, long r)
{
    for (size_t i = 0; i < n; i++)
        if (r >= (long)t[i][0] && r <= (long)t[i][1])
            return true;
    return false;
}

/* ---- utf8_decode ---- */

static void test_decode_valid(void **state)
{
    (void)state;
    check_decode("A", 1, 'A', 1);
    check_decode("\0", 1, 0, 1);
    check_decode("\x7f", 1, 0x7F, 1);
    check_decode("\xc2\x80", 2, 0x80, 2);
    check_decode("\xc3\xa9", 2, 0xE9, 2);
    check_decode("\xdf\xbf", 2, 0x7FF, 2);
    check_decode("\xe0\xa0\x80", 3, 0x800, 3);
    check_decode("\xe2\x82\xac", 3, 0x20AC, 3);
    check_decode("\xed\x9f\xbf", 3, 0xD7FF, 3);
    check_decode("\xee\x80\x80", 3, 0xE000, 3);
    check_decode("\xef\xbf\xbd", 3, 0xFFFD, 3); /* a real U+FFFD */
    check_decode("\xef\xbf\xbf", 3, 0xFFFF, 3);
    check_decode("\xf0\x90\x80\x80", 4, 0x10000, 4);
    check_decode("\xf0\x9f\x98\x80", 4, 0x1F600, 4);
    check_decode("\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4);
    /* only the first rune is decoded; trailing bytes are ignored */
    check_decode("\xc3\xa9xyz", 5, 0xE9, 2);
    check_decode("ab", 2, 'a', 1);
}

static void test_decode_invalid(void **state)
{
    (void)state;
    /* stray continuation bytes and bytes never valid as a lead */
    check_decode("\x80", 1, RUNE_ERROR, 1);
    check_decode("\xbf\x80", 2, RUNE_ERROR, 1);
    check_decode("\xc0\x80", 2, RUNE_ERROR, 1); /* overlong NUL */
    check_decode("\xc1\xbf", 2, RUNE_ERROR, 1); /* overlong 0x7F */
    check_decode("\xf5\x80\x80\x80", 4, RUNE_ERROR, 1);
    check_decode("\xf8\x88\x80\x80\x80", 5, RUNE_ERROR, 1);
    check_decode("\xfe", 1, RUNE_ERROR, 1);
    check_decode("\xff", 1, RUNE_ERROR, 1);
    /* overlong three- and four-byte forms */
    check_decode("\xe0\x80\x80", 3, RUNE_ERROR, 1);
    check_decode("\xe0\x9f\xbf", 3, RUNE_ERROR, 1);
    check_decode("\xf0\x80\x80\x80", 4, RUNE_ERROR, 1);
    check_decode("\xf0\x8f\xbf\xbf", 4, RUNE_ERROR, 1);
    /* surrogates */
    check_decode("\xed\xa0\x80", 3, RUNE_ERROR, 1);
    check_decode("\xed\xbf\xbf", 3, RUNE_ERROR, 1);
    /* beyond U+10FFFF */
    check_decode("\xf4\x90\x80\x80", 4, RUNE_ERROR, 1);
    check_decode("\xf4\xbf\xbf\xbf", 4, RUNE_ERROR, 1);
    /* bad continuation bytes in every position */
    check_decode("\xc3\x28", 2, RUNE_ERROR, 1);
    check_decode("\xc3\xc3", 2, RUNE_ERROR, 1);
    check_decode("\xe2\x28\xa1", 3, RUNE_ERROR, 1);
    check_decode("\xe2\x82\x28", 3, RUNE_ERROR, 1);
    check_decode("\xe2\x82\xc0", 3, RUNE_ERROR, 1);
    check_decode("\xf0\x9f\x98\x28", 4, RUNE_ERROR, 1);
    check_decode("\xf0\x9f\x28\x80", 4, RUNE_ERROR, 1);
}

static void test_decode_truncated(void **state)
{
    (void)state;
    check_decode("\xe2\x82", 2, RUNE_ERROR, 1);
    check_decode("\xc3", 1, RUNE_ERROR, 1);
    check_decode("\xf0\x9f\x98", 3, RUNE_ERROR, 1);
    check_decode("\xf0\x9f", 2, RUNE_ERROR, 1);
    /* n, not the NUL terminator, bounds the sequence */
    check_decode("\xc3\xa9", 1, RUNE_ERROR, 1);
    check_decode("\xe2\x82\xac", 2, RUNE_ERROR, 1);
    check_decode("\xf4\x8f\xbf\xbf", 3, RUNE_ERROR, 1);
    /* Go's DecodeRune(empty) is RuneError, 0 (outside the n > 0 contract) */
    check_decode("", 0, RUNE_ERROR, 0);
}

/* "\xed\xa0\x80" (an encoded surrogate) is three errors, as in Go. */
static void test_decode_sequence(void **state)
{
    static const struct {
        long r;
        int w;
    } want[] = {
        {'a', 1}, {RUNE_ERROR, 1}, {RUNE_ERROR, 1}, {RUNE_ERROR, 1},
        {0xE9, 2}, {RUNE_ERROR, 1}, {RUNE_ERROR, 1}, {0x1F600, 4},
        {RUNE_ERROR, 1}, {RUNE_ERROR, 1},
    };
    /* a, surrogate, é, truncated E2 82 before a 4-byte rune, F0 9F at end */
    const char s[] = "a\xed\xa0\x80\xc3\xa9\xe2\x82\xf0\x9f\x98\x80\xf0\x9f";
    size_t n = sizeof(s) - 1, i = 0, k = 0;
    (void)state;
    while (i < n) {
        int w;
        long r = utf8_decode(s + i, n - i, &w);
        assert_true(k < ARRAY_LEN(want));
        if (r != want[k].r || w != want[k].w)
            fail_msg("rune %zu at byte %zu: got U+%04lX/%d, want U+%04lX/%d",
                     k, i, r, w, want[k].r, want[k].w);
        i += (size_t)w;
        k++;
    }
    assert_int_equal(k, ARRAY_LEN(want));
}

/* Every valid code point decodes from its encoding; nothing else does. */
static void test_decode_roundtrip_all(void **state)
{
    unsigned char b[4];
    (void)state;
    for (long r = 0; r <= 0x10FFFF; r++) {
        if (r >= 0xD800 && r <= 0xDFFF)
            continue;
        size_t n = encode(r, b);
        int w;
        long got = utf8_decode((const char *)b, n, &w);
        if (got != r || (size_t)w != n)
            fail_msg("U+%04lX decoded as U+%04lX width %d", r, got, w);
    }
}

/*
 * Every 1..3-byte string, and every 4-byte string with a 0xF0..0xF7 lead
 * over a set of edge values for the later bytes, satisfies the property
 * of check_decode_property (canonical encoding or error width 1).
 */
static void test_decode_exhaustive(void **state)
{
    static const unsigned char edge[] = {
        0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2,
        0xE0, 0xF0, 0xF4, 0xFF,
    };
    unsigned char b[4];
    size_t valid3 = 0;
    (void)state;
    for (unsigned a = 0; a < 0x100; a++) {
        b[0] = (unsigned char)a;
        check_decode_property(b, 1);
        for (unsigned c = 0; c < 0x100; c++) {
            b[1] = (unsigned char)c;
            check_decode_property(b, 2);
        }
    }
    for (unsigned a = 0xE0; a < 0x100; a++) {
        b[0] = (unsigned char)a;
        for (unsigned c = 0; c < 0x100; c++) {
            b[1] = (unsigned char)c;
            for (unsigned d = 0; d < 0x100; d++) {
                b[2] = (unsigned char)d;
                if (check_decode_property(b, 3) == 3)
                    valid3++;
            }
        }
    }
    /* U+0800..U+FFFF less the 2048 surrogates */
    assert_int_equal(valid3, 0x10000 - 0x800 - 0x800);
    for (unsigned a = 0xF0; a < 0xF8; a++) {
        b[0] = (unsigned char)a;
        for (unsigned c = 0; c < 0x100; c++) {
            b[1] = (unsigned char)c;
            for (size_t i = 0; i < ARRAY_LEN(edge); i++) {
                b[2] = edge[i];
                for (size_t j = 0; j < ARRAY_LEN(edge); j++) {
                    b[3] = edge[j];
                    check_decode_property(b, 4);
                }
            }
        }
    }
}

/* ---- character classes ---- */

static void test_is_space(void **state)
{
    static const long yes[] = {
        '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2000,
        0x2001, 0x2005, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
        0x3000,
    };
    static const long no[] = {
        -1, 0, 0x08, 0x0E, 0x1F, 0x21, 'a', 0x7F, 0x84, 0x86, 0x9F, 0xA1,
        0xFF, 0x100, 0x167F, 0x1681, 0x180E, 0x1FFF, 0x200B, 0x200C, 0x2027,
        0x202A, 0x202E, 0x2030, 0x205E, 0x2060, 0x2FFF, 0x3001, 0xFEFF,
        0xFFFD, 0x10FFFF, 0x110000, 0x7FFFFFFF,
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_LEN(yes); i++)
        if (!uni_is_space(yes[i]))
            fail_msg("U+%04lX should be space", yes[i]);
    for (size_t i = 0; i < ARRAY_LEN(no); i++)
        if (uni_is_space(no[i]))
            fail_msg("U+%04lX should not be space", no[i]);
}

static void test_is_letter(void **state)
{
    static const long yes[] = {
        'A', 'Z', 'a', 'z', 0xAA, 0xB5, 0xBA, 0xC0, 0xD6, 0xD8, 0xF6, 0xF8,
        0xFF, 0x100, 0x1C5 /* Lt */, 0x2AF, 0x2B0 /* Lm */, 0x2C1, 0x2C6,
        0x2EC, 0x2EE, 0x370, 0x374, 0x376, 0x377, 0x37A, 0x3F5, 0x3F7,
        0x5D0, 0x5EA, 0x1681, 0x2183, 0x2184, 0x3005, 0x3006, 0x3041,
        0x3096, 0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xAC00, 0xD7A3, 0xF900,
        0xFF21, 0x10000, 0x1000B, 0x20000, 0x2A6DF, 0x2FA1D, 0x30000,
        0x3134A,
    };
    static const long no[] = {
        -1, 0, '@', '[', '`', '{', '0', '9', ' ', 0x7F, 0xA9, 0xAB, 0xB4,
        0xB6, 0xB9, 0xBB, 0xBF, 0xD7, 0xF7, 0x2C2 /* Sk */, 0x2ED, 0x2EF,
        0x345 /* Mn */, 0x375, 0x378 /* Cn */, 0x3F6 /* Sm */, 0x5EB,
        0x660 /* Nd */, 0x16EE /* Nl */, 0x2160, 0x2460 /* No */,
        0x3007 /* Nl */, 0x3040, 0x3097, 0x4DC0, 0xD7A4, 0xD800, 0xDFFF,
        0xE000, 0xFF10, 0xFFFD, 0x1000C, 0x1F600, 0x2A6E0, 0x2FA1E,
        0x10FFFF, 0x110000, 0x7FFFFFFF,
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_LEN(yes); i++)
        if (!uni_is_letter(yes[i]))
            fail_msg("U+%04lX should be a letter", yes[i]);
    for (size_t i = 0; i < ARRAY_LEN(no); i++)
        if (uni_is_letter(no[i]))
            fail_msg("U+%04lX should not be a letter", no[i]);
}

static void test_is_digit(void **state)
{
    static const long yes[] = {
        '0', '5', '9', 0x660, 0x669, 0x6F0, 0x6F9, 0x966, 0x96F, 0xFF10,
        0xFF19, 0x104A0, 0x104A9, 0x1D7CE, 0x1D7FF, 0x1FBF0, 0x1FBF9,
    };
    static const long no[] = {
        -1, 0, '/', ':', 'a', 0xB2, 0xB3, 0xB9, 0xBC, 0x65F, 0x66A, 0x16EE,
        0x2160, 0x2460, 0x3007, 0xFF1A, 0x104AA, 0x1D7CD, 0x1D800, 0x10FFFF,
        0x110000,
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_LEN(yes); i++)
        if (!uni_is_digit(yes[i]))
            fail_msg("U+%04lX should be a digit", yes[i]);
    for (size_t i = 0; i < ARRAY_LEN(no); i++)
        if (uni_is_digit(no[i]))
            fail_msg("U+%04lX should not be a digit", no[i]);
}

static void test_is_print(void **state)
{
    static const long yes[] = {
        ' ', '!', 'a', '~', 0xA1, 0xAC, 0xAE, 0xE9, 0xFF, 0x100,
        0x300 /* Mn */, 0x345, 0x660, 0x2027 /* Po */, 0x2160 /* Nl */,
        0x2460 /* No */, 0x3001, 0x3005, 0x4DC0, 0x4E00, 0xF900, 0xFFFC,
        0xFFFD, 0x10000, 0x1F600, 0x1D800, 0x20000, 0xE0100 /* Mn */,
        0xE01EF,
    };
    static const long no[] = {
        -1, 0, '\t', '\n', 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xA0 /* Zs */,
        0xAD /* Cf */, 0x378 /* Cn */, 0x1680, 0x180E, 0x2000, 0x200A,
        0x200B, 0x200C, 0x200D, 0x200E, 0x2028 /* Zl */, 0x2029 /* Zp */,
        0x202A, 0x202F, 0x205F, 0x2060, 0x3000, 0x3040, 0xD7FF, 0xD800,
        0xDFFF, 0xE000 /* Co */, 0xF8FF, 0xFDD0, 0xFEFF, 0xFFFE, 0xFFFF,
        0x1000C, 0xE0000, 0xE0001, 0xE0020, 0xE01F0, 0xF0000, 0x10FFFD,
        0x10FFFF, 0x110000,
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_LEN(yes); i++)
        if (!uni_is_print(yes[i]))
            fail_msg("U+%04lX should be printable", yes[i]);
    for (size_t i = 0; i < ARRAY_LEN(no); i++)
        if (uni_is_print(no[i]))
            fail_msg("U+%04lX should not be printable", no[i]);
}

/*
 * Values that are not runes are in no class, including ones whose low 32
 * bits (or low 8) would name a member if truncated.
 */
static void test_classes_out_of_range(void **state)
{
    static const long bad[] = {
        LONG_MIN, -0x7FFFFFFFL, -0x10000L, -0xA0, -0x20, -9, -1, 0x110000,
        0x110041, 0x7FFFFFFF,
#if LONG_MAX > 0xFFFFFFFFL
        0x100000009L, 0x100000020L, 0x100000031L, 0x100000041L,
        0x100000660L, 0x100002000L, 0x100004E00L, -0x100000000L + 0x41,
        -0x100000000L + 0x3000, LONG_MAX,
#endif
    };
    (void)state;
    for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
        long r = bad[i];
        if (uni_is_space(r) || uni_is_letter(r) || uni_is_digit(r) ||
            uni_is_print(r))
            fail_msg("%ld (0x%lx) is in a class", r, (unsigned long)r);
    }
}

/* The Latin-1 fast paths agree with the generated tables. */
static void test_latin1_fast_paths(void **state)
{
    (void)state;
    for (long r = 0; r < 0x100; r++) {
        if (uni_is_letter(r) != table_has(uni_letter_ranges,
                                          uni_letter_nranges, r))
            fail_msg("letter fast path disagrees at U+%04lX", r);
        if (uni_is_digit(r) != table_has(uni_digit_ranges, uni_digit_nranges,
                                         r))
            fail_msg("digit fast path disagrees at U+%04lX", r);
        if (uni_is_space(r) != table_has(uni_space_ranges, uni_space_nranges,
                                         r))
            fail_msg("space fast path disagrees at U+%04lX", r);
        if (uni_is_print(r) != table_has(uni_print_ranges, uni_print_nranges,
                                         r))
            fail_msg("print fast path disagrees at U+%04lX", r);
    }
}

/* The tables are sorted, disjoint, non-adjacent and within 0..0x10FFFF. */
static void check_table_shape(const char *name, const uint32_t (*t)[2],
                              size_t n)
{
    if (n == 0)
        fail_msg("%s: empty table", name);
    for (size_t i = 0; i < n; i++) {
        if (t[i][0] > t[i][1] || t[i][1] > 0x10FFFF)
            fail_msg("%s: bad range %zu", name, i);
        if (i > 0 && t[i][0] <= t[i - 1][1] + 1)
            fail_msg("%s: range %zu overlaps or touches the previous", name,
                     i);
    }
}

static void test_table_shape(void **state)
{
    (void)state;
    check_table_shape("letter", uni_letter_ranges, uni_letter_nranges);
    check_table_shape("digit", uni_digit_ranges, uni_digit_nranges);
    check_table_shape("space", uni_space_ranges, uni_space_nranges);
    check_table_shape("print", uni_print_ranges, uni_print_nranges);
}

/*
 * Each predicate over every code point, summarised as the generator's
 * --fingerprint does (count, number of ranges, FNV-1a over the range
 * bounds). The expected values are from
 * `scripts/gen_unicode_tables.py --fingerprint` for the committed tables;
 * regenerating the tables for another Unicode version means updating them.
 */
struct fingerprint {
    long count;
    long nranges;
    uint32_t hash;
};

static uint32_t fnv_u32(uint32_t h, uint32_t v)
{
    for (int shift = 0; shift < 32; shift += 8) {
        h ^= (v >> shift) & 0xFF;
        h *= 0x01000193u;
    }
    return h;
}

static struct fingerprint fingerprint_of(bool (*pred)(long))
{
    struct fingerprint f = {0, 0, 0x811C9DC5u};
    long lo = -1;
    for (long r = 0; r <= 0x110000; r++) {
        bool in = r <= 0x10FFFF && pred(r);
        if (in) {
            f.count++;
            if (lo < 0)
                lo = r;
        } else if (lo >= 0) {
            f.hash = fnv_u32(f.hash, (uint32_t)lo);
            f.hash = fnv_u32(f.hash, (uint32_t)(r - 1));
            f.nranges++;
            lo = -1;
        }
    }
    return f;
}

static void check_fingerprint(const char *name, bool (*pred)(long),
                              long count, long nranges, uint32_t hash)
{
    struct fingerprint f = fingerprint_of(pred);
    if (f.count != count || f.nranges != nranges || f.hash != hash)
        fail_msg("%s: count=%ld ranges=%ld hash=0x%08x, want count=%ld "
                 "ranges=%ld hash=0x%08x", name, f.count, f.nranges,
                 (unsigned)f.hash, count, nranges, (unsigned)hash);
}

static void test_classes_all_code_points(void **state)
{
    (void)state;
    assert_string_equal(uni_tables_version, "14.0.0");
    check_fingerprint("letter", uni_is_letter, 131756, 648, 0xe7d110dbu);
    check_fingerprint("digit", uni_is_digit, 660, 62, 0x4a6b2a5du);
    check_fingerprint("space", uni_is_space, 25, 10, 0xf916585au);
    check_fingerprint("print", uni_is_print, 144516, 700, 0xc1ea6086u);
}

/* ---- go_quote ---- */

static void test_quote_basic(void **state)
{
    (void)state;
    QUOTE("", "\"\"");
    QUOTE("hello, world", "\"hello, world\"");
    QUOTE("say \"hi\"", "\"say \\\"hi\\\"\"");
    QUOTE("C:\\dir", "\"C:\\\\dir\"");
    QUOTE("'single'", "\"'single'\"");
    QUOTE("\a\b\f\n\r\t\v", "\"\\a\\b\\f\\n\\r\\t\\v\"");
    QUOTE(" ~", "\" ~\"");
}

static void test_quote_controls(void **state)
{
    (void)state;
    QUOTE("\0", "\"\\x00\"");
    QUOTE("a\0b", "\"a\\x00b\"");
    QUOTE("\x01\x1b\x1f", "\"\\x01\\x1b\\x1f\"");
    QUOTE("\x7f", "\"\\x7f\"");
    QUOTE("\xc2\x80", "\"\\u0080\"");       /* U+0080 */
    QUOTE("\xc2\x85", "\"\\u0085\"");       /* NEL */
    QUOTE("\xc2\x9f", "\"\\u009f\"");
    QUOTE("\xc2\xa0", "\"\\u00a0\"");       /* NBSP */
    QUOTE("\xc2\xad", "\"\\u00ad\"");       /* soft hyphen */
    QUOTE("\xe2\x80\x8b", "\"\\u200b\"");   /* ZWSP */
    QUOTE("\xe2\x80\xa8", "\"\\u2028\"");
    QUOTE("\xe2\x80\xa9", "\"\\u2029\"");
    QUOTE("\xe3\x80\x80", "\"\\u3000\"");   /* ideographic space */
    QUOTE("\xef\xbb\xbf", "\"\\ufeff\"");   /* BOM */
    QUOTE("\xee\x80\x80", "\"\\ue000\"");   /* private use */
    QUOTE("\xef\xbf\xbf", "\"\\uffff\"");
    QUOTE("\xf3\xa0\x80\x81", "\"\\U000e0001\"");
    QUOTE("\xf4\x8f\xbf\xbf", "\"\\U0010ffff\"");
}

static void test_quote_printable_raw(void **state)
{
    (void)state;
    QUOTE("\xc3\xa9", "\"\xc3\xa9\"");                 /* é */
    QUOTE("\xc2\xa1", "\"\xc2\xa1\"");                 /* ¡ */
    QUOTE("\xcc\x81", "\"\xcc\x81\"");                 /* combining acute */
    QUOTE("\xe4\xb8\xad\xe6\x96\x87", "\"\xe4\xb8\xad\xe6\x96\x87\"");
    QUOTE("\xef\xbf\xbd", "\"\xef\xbf\xbd\"");         /* a real U+FFFD */
    QUOTE("\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\""); /* 😀 */
    QUOTE("\xf3\xa0\x84\x80", "\"\xf3\xa0\x84\x80\""); /* VS17 (Mn) */
}

static void test_quote_invalid_bytes(void **state)
{
    (void)state;
    QUOTE("\xff", "\"\\xff\"");
    QUOTE("\x80", "\"\\x80\"");
    QUOTE("\xc3", "\"\\xc3\"");
    QUOTE("a\xc3", "\"a\\xc3\"");
    QUOTE("\xe2\x82", "\"\\xe2\\x82\"");
    QUOTE("\xed\xa0\x80", "\"\\xed\\xa0\\x80\"");
    QUOTE("\xc0\x80", "\"\\xc0\\x80\"");
    QUOTE("\xf4\x90\x80\x80", "\"\\xf4\\x90\\x80\\x80\"");
    /* the byte after a bad lead is decoded afresh */
    QUOTE("\xe2\x28\xa1", "\"\\xe2(\\xa1\"");
    QUOTE("\xc3\xc3\xa9", "\"\\xc3\xc3\xa9\"");
}

/* The brief's worked example: `echo \x01 é \u00a0 \u2028 😀 \x7f`. */
static void test_quote_mixed(void **state)
{
    (void)state;
    QUOTE("echo \x01 \xc3\xa9 \xc2\xa0 \xe2\x80\xa8 \xf0\x9f\x98\x80 \x7f",
          "\"echo \\x01 \xc3\xa9 \\u00a0 \\u2028 \xf0\x9f\x98\x80 \\x7f\"");
    QUOTE("RUN echo \"$HOME\"\t# \\n",
          "\"RUN echo \\\"$HOME\\\"\\t# \\\\n\"");
}

static void test_quote_appends(void **state)
{
    struct sb out = SB_INIT;
    (void)state;
    sb_adds(&out, "x=");
    go_quote_str(&out, "a\tb");
    sb_addch(&out, ';');
    go_quote(&out, "c\0d", 3);
    go_quote(&out, NULL, 0);
    assert_int_equal(out.len, strlen("x=\"a\\tb\";\"c\\x00d\"\"\""));
    assert_string_equal(out.buf, "x=\"a\\tb\";\"c\\x00d\"\"\"");
    sb_release(&out);
}

/* Every code point quotes as itself iff printable, else as an escape. */
static void test_quote_all_code_points(void **state)
{
    struct sb out = SB_INIT;
    unsigned char b[4];
    char want[16];
    (void)state;
    for (long r = 0; r <= 0x10FFFF; r++) {
        if (r >= 0xD800 && r <= 0xDFFF)
            continue;
        size_t n = encode(r, b);
        sb_reset(&out);
        go_quote(&out, (const char *)b, n);
        const char *body = out.buf + 1;
        size_t blen = out.len - 2;
        if (out.len < 3 || out.buf[0] != '"' || out.buf[out.len - 1] != '"')
            fail_msg("U+%04lX: not enclosed in quotes", r);
        if (r == '"' || r == '\\') {
            want[0] = '\\';
            want[1] = (char)r;
            want[2] = '\0';
        } else if (uni_is_print(r)) {
            if (blen != n || memcmp(body, b, n) != 0)
                fail_msg("U+%04lX: printable but not raw", r);
            continue;
        } else if (r == '\a' || r == '\b' || r == '\f' || r == '\n' ||
                   r == '\r' || r == '\t' || r == '\v') {
            continue; /* checked in test_quote_basic */
        } else if (r < 0x80) {
            snprintf(want, sizeof(want), "\\x%02lx", r);
        } else if (r < 0x10000) {
            snprintf(want, sizeof(want), "\\u%04lx", r);
        } else {
            snprintf(want, sizeof(want), "\\U%08lx", r);
        }
        if (blen != strlen(want) || memcmp(body, want, blen) != 0)
            fail_msg("U+%04lX: got %.*s, want %s", r, (int)blen, body, want);
    }
    sb_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_valid),
        cmocka_unit_test(test_decode_invalid),
        cmocka_unit_test(test_decode_truncated),
        cmocka_unit_test(test_decode_sequence),
        cmocka_unit_test(test_decode_roundtrip_all),
        cmocka_unit_test(test_decode_exhaustive),
        cmocka_unit_test(test_is_space),
        cmocka_unit_test(test_is_letter),
        cmocka_unit_test(test_is_digit),
        cmocka_unit_test(test_is_print),
        cmocka_unit_test(test_classes_out_of_range),
        cmocka_unit_test(test_latin1_fast_paths),
        cmocka_unit_test(test_table_shape),
        cmocka_unit_test(test_classes_all_code_points),
        cmocka_unit_test(test_quote_basic),
        cmocka_unit_test(test_quote_controls),
        cmocka_unit_test(test_quote_printable_raw),
        cmocka_unit_test(test_quote_invalid_bytes),
        cmocka_unit_test(test_quote_mixed),
        cmocka_unit_test(test_quote_appends),
        cmocka_unit_test(test_quote_all_code_points),
    };
    return cmocka_run_group_tests_name("unicode", tests, NULL, NULL);
}
