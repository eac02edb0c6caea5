/*
 * test_base.c: the foundations every module stands on: the arena
 * (arena.h), the string builder (sb.h), the diagnostics list (diag.h) and
 * the allocation wrappers (xmalloc.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "sb.h"
#include "xmalloc.h"

/* ---- helpers ---- */

/* arena.h promises 8-byte alignment (every docksim struct, not long
 * double). */
static bool aligned(const void *p)
{
    return (uintptr_t)p % 8 == 0;
}

/* The UTF-8 bytes sb_add_rune appends for cp. */
static void check_rune_at(long cp, const char *want, size_t want_len,
                          int line)
{
    struct sb s = SB_INIT;
    sb_add_rune(&s, cp);
    bool ok = s.len == want_len && memcmp(s.buf, want, want_len) == 0 &&
              s.buf[s.len] == '\0';
    sb_release(&s);
    if (!ok)
        fail_msg("line %d: sb_add_rune(0x%lX) is wrong", line, cp);
}

#define check_rune(cp, lit) check_rune_at(cp, lit, sizeof(lit) - 1, __LINE__)

/* ---- arena ---- */

static void test_base_arena_init_empty(void **state)
{
    (void)state;
    struct arena a = ARENA_INIT;
    assert_null(a.head);
    assert_int_equal(a.total, 0);
    arena_release(&a); /* releasing an empty arena is fine */
    assert_null(a.head);

    struct arena b;
    memset(&b, 0xAA, sizeof(b));
    arena_init(&b);
    assert_null(b.head);
    assert_int_equal(b.total, 0);
}

static void test_base_arena_alignment(void **state)
{
    (void)state;
    struct arena a = ARENA_INIT;
    static const size_t sizes[] = { 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 0, 1 };
    for (size_t i = 0; i < ARRAY_LEN(sizes); i++) {
        void *p = arena_alloc(&a, sizes[i]);
        assert_non_null(p);
        assert_true(aligned(p));
        memset(p, 0x5A, sizes[i]);
    }
    /* doubles, 64-bit integers and pointers fit at any returned address */
    double *d = arena_alloc(&a, sizeof(*d));
    *d = 1.5;
    uint64_t *u = arena_alloc(&a, sizeof(*u));
    *u = UINT64_MAX;
    void **pp = arena_alloc(&a, sizeof(*pp));
    *pp = d;
    assert_true(*d == 1.5);
    assert_true(*u == UINT64_MAX);
    assert_ptr_equal(*pp, d);
    arena_release(&a);
}

static void test_base_arena_distinct_and_stable(void **state)
{
    (void)state;
    /* many small allocations: no overlap, contents survive later growth */
    struct arena a = ARENA_INIT;
    enum { N = 50000 };
    uint32_t **v = xmalloc(N * sizeof(*v));
    for (uint32_t i = 0; i < N; i++) {
        v[i] = arena_alloc(&a, sizeof(uint32_t) * (1 + i % 5));
        for (uint32_t k = 0; k <= i % 5; k++)
            v[i][k] = i * 7 + k;
    }
    for (uint32_t i = 0; i < N; i++)
        for (uint32_t k = 0; k <= i % 5; k++)
            assert_int_equal(v[i][k], i * 7 + k);
    assert_true(a.total >= (size_t)N * sizeof(uint32_t));
    free(v);
    arena_release(&a);
    assert_null(a.head);
    assert_int_equal(a.total, 0);
}

static void test_base_arena_large_blocks(void **state)
{
    (void)state;
    struct arena a = ARENA_INIT;
    char *small1 = arena_alloc(&a, 10);
    memcpy(small1, "small-one", 10);
    /* bigger than a block: a block of its own, fully usable */
    size_t big = 3 * 1024 * 1024 + 3;
    unsigned char *b = arena_alloc(&a, big);
    assert_true(aligned(b));
    memset(b, 0xC3, big);
    /* small allocations keep working (and do not land inside the block) */
    char *small2 = arena_alloc(&a, 10);
    memcpy(small2, "small-two", 10);
    assert_true((unsigned char *)small2 + 10 <= b ||
                (unsigned char *)small2 >= b + big);
    unsigned char *b2 = arena_alloc(&a, 200000);
    memset(b2, 0x3C, 200000);
    for (size_t i = 0; i < big; i += 4099)
        assert_int_equal(b[i], 0xC3);
    assert_int_equal(b[big - 1], 0xC3);
    assert_int_equal(b2[199999], 0x3C);
    assert_string_equal(small1, "small-one");
    assert_string_equal(small2, "small-two");
    assert_true(a.total >= big + 200000 + 20);
    arena_release(&a);
}

static void test_base_arena_exact_block_fill(void **state)
{
    (void)state;
    /* allocations straddling the end of a block go to a new block */
    struct arena a = ARENA_INIT;
    char *prev = NULL;
    for (int i = 0; i < 3000; i++) {
        char *p = arena_alloc(&a, 100);
        memset(p, (char)i, 100);
        if (prev)
            assert_int_equal(prev[99], (char)(i - 1));
        prev = p;
    }
    arena_release(&a);
}

static void test_base_arena_calloc_and_copies(void **state)
{
    (void)state;
    struct arena a = ARENA_INIT;
    /* reuse after release must still hand out zeroed memory from calloc */
    for (int round = 0; round < 2; round++) {
        unsigned char *z = arena_calloc(&a, 1000, 3);
        for (size_t i = 0; i < 3000; i++)
            assert_int_equal(z[i], 0);
        memset(z, 0xFF, 3000);
        arena_release(&a);
    }
    void *e = arena_calloc(&a, 0, 16);
    assert_non_null(e);

    char *s = arena_strdup(&a, "hello");
    assert_string_equal(s, "hello");
    char *m = arena_memdup0(&a, "a\0b\0", 4);
    assert_memory_equal(m, "a\0b\0", 5); /* plus the terminator */
    char *empty = arena_memdup0(&a, NULL, 0);
    assert_string_equal(empty, "");
    char *part = arena_memdup0(&a, "abcdef", 3);
    assert_string_equal(part, "abc");
    arena_release(&a);
}

static void test_base_arena_printf(void **state)
{
    (void)state;
    struct arena a = ARENA_INIT;
    assert_string_equal(arena_printf(&a, "%d-%s-%c", 42, "x", 'y'), "42-x-y");
    assert_string_equal(arena_printf(&a, "%s", ""), "");
    assert_string_equal(arena_printf(&a, "%.*s|", 3, "abcdef"), "abc|");
    /* longer than a block */
    size_t n = 100000;
    char *big = xmalloc(n + 1);
    memset(big, 'q', n);
    big[n] = '\0';
    char *r = arena_printf(&a, "<%s>", big);
    assert_int_equal(strlen(r), n + 2);
    assert_int_equal(r[0], '<');
    assert_int_equal(r[n], 'q');
    assert_int_equal(r[n + 1], '>');
    free(big);
    arena_release(&a);
}

/* ---- sb ---- */

static void test_base_sb_init_invariants(void **state)
{
    (void)state;
    struct sb s = SB_INIT;
    assert_ptr_equal(s.buf, sb_empty);
    assert_int_equal(s.len, 0);
    assert_int_equal(s.cap, 0);
    assert_int_equal(s.buf[0], '\0');

    struct sb t;
    memset(&t, 0x55, sizeof(t));
    sb_init(&t);
    assert_ptr_equal(t.buf, sb_empty);
    assert_int_equal(t.len, 0);

    /* appending nothing keeps the shared empty buffer */
    sb_add(&s, "xyz", 0);
    sb_adds(&s, "");
    sb_addf(&s, "%s", "");
    assert_ptr_equal(s.buf, sb_empty);
    /* sb_setlen/sb_reset on the shared buffer are no-ops */
    sb_reset(&s);
    sb_setlen(&s, 0);
    assert_ptr_equal(s.buf, sb_empty);
    assert_int_equal(sb_empty[0], '\0');
    sb_release(&s);
    assert_ptr_equal(s.buf, sb_empty);
}

static void test_base_sb_append(void **state)
{
    (void)state;
    struct sb s = SB_INIT;
    sb_adds(&s, "abc");
    assert_int_equal(s.len, 3);
    assert_true(s.cap > s.len);
    assert_string_equal(s.buf, "abc");
    sb_addch(&s, 'd');
    sb_addf(&s, "%d%s", 12, "!");
    assert_string_equal(s.buf, "abcd12!");
    assert_int_equal(s.len, 7);
    /* growth keeps the content and the terminator */
    for (int i = 0; i < 1000; i++)
        sb_addch(&s, 'a' + i % 26);
    assert_int_equal(s.len, 1007);
    assert_int_equal(s.buf[1007], '\0');
    assert_memory_equal(s.buf, "abcd12!abc", 10);
    assert_true(s.cap >= s.len + 1);
    sb_release(&s);
    assert_ptr_equal(s.buf, sb_empty);
    assert_int_equal(s.len, 0);
    assert_int_equal(s.cap, 0);
}

static void test_base_sb_embedded_nul(void **state)
{
    (void)state;
    struct sb s = SB_INIT;
    sb_add(&s, "a\0b", 3);
    sb_addch(&s, '\0');
    sb_add(&s, "c", 1);
    assert_int_equal(s.len, 5);
    assert_memory_equal(s.buf, "a\0b\0c\0", 6);
    size_t len = 0;
    char *d = sb_detach(&s, &len);
    assert_int_equal(len, 5);
    assert_memory_equal(d, "a\0b\0c\0", 6);
    free(d);
}

static void test_base_sb_setlen_reset_grow(void **state)
{
    (void)state;
    struct sb s = SB_INIT;
    sb_adds(&s, "hello world");
    sb_setlen(&s, 5);
    assert_string_equal(s.buf, "hello");
    assert_int_equal(s.len, 5);
    size_t cap = s.cap;
    sb_reset(&s);
    assert_int_equal(s.len, 0);
    assert_string_equal(s.buf, "");
    assert_int_equal(s.cap, cap); /* capacity is kept */
    sb_grow(&s, 10000);
    assert_true(s.cap >= 10001);
    assert_int_equal(s.len, 0);
    assert_string_equal(s.buf, "");
    char *before = s.buf;
    for (int i = 0; i < 10000; i++)
        sb_addch(&s, 'x');
    assert_ptr_equal(s.buf, before); /* grown once, no further realloc */
    sb_grow(&s, 0);
    assert_true(s.cap >= s.len + 1);
    sb_release(&s);
}

static void test_base_sb_addf_long(void **state)
{
    (void)state;
    struct sb s = SB_INIT;
    sb_adds(&s, "[");
    char *big = xmalloc(5001);
    memset(big, 'z', 5000);
    big[5000] = '\0';
    sb_addf(&s, "%s]%d", big, -7);
    assert_int_equal(s.len, 1 + 5000 + 3);
    assert_int_equal(s.buf[5000], 'z');
    assert_string_equal(s.buf + 5001, "]-7");
    free(big);
    sb_release(&s);
}

static void test_base_sb_detach(void **state)
{
    (void)state;
    /* detaching an empty builder gives a fresh, freeable "" */
    struct sb s = SB_INIT;
    size_t len = 99;
    char *d = sb_detach(&s, &len);
    assert_non_null(d);
    assert_ptr_not_equal(d, sb_empty);
    assert_string_equal(d, "");
    assert_int_equal(len, 0);
    free(d);

    sb_adds(&s, "owned");
    char *buf = s.buf;
    d = sb_detach(&s, NULL);
    assert_ptr_equal(d, buf); /* the buffer itself, not a copy */
    assert_string_equal(d, "owned");
    assert_ptr_equal(s.buf, sb_empty);
    assert_int_equal(s.len, 0);
    assert_int_equal(s.cap, 0);
    free(d);
    /* the builder is reusable */
    sb_adds(&s, "again");
    assert_string_equal(s.buf, "again");
    sb_release(&s);
}

static void test_base_sb_add_rune(void **state)
{
    (void)state;
    check_rune(0x41, "A");
    check_rune(0x7F, "\x7f");
    check_rune(0x80, "\xc2\x80");
    check_rune(0xE9, "\xc3\xa9");
    check_rune(0x7FF, "\xdf\xbf");
    check_rune(0x800, "\xe0\xa0\x80");
    check_rune(0x20AC, "\xe2\x82\xac");
    check_rune(0xD7FF, "\xed\x9f\xbf");
    check_rune(0xE000, "\xee\x80\x80");
    check_rune(0xFFFF, "\xef\xbf\xbf");
    check_rune(0x10000, "\xf0\x90\x80\x80");
    check_rune(0x1F600, "\xf0\x9f\x98\x80");
    check_rune(0x10FFFF, "\xf4\x8f\xbf\xbf");

    struct sb s = SB_INIT;
    sb_add_rune(&s, 0); /* NUL is a rune like any other */
    assert_int_equal(s.len, 1);
    assert_int_equal(s.buf[0], '\0');
    sb_release(&s);
}

static void test_base_sb_add_rune_invalid(void **state)
{
    (void)state;
    /* not a Unicode scalar value: U+FFFD, as Go's utf8.AppendRune */
    check_rune(-1, "\xef\xbf\xbd");
    check_rune(0xD800, "\xef\xbf\xbd");
    check_rune(0xDBFF, "\xef\xbf\xbd");
    check_rune(0xDFFF, "\xef\xbf\xbd");
    check_rune(0x110000, "\xef\xbf\xbd");
    check_rune(0x7FFFFFFFL, "\xef\xbf\xbd");
    check_rune(-0x7FFFFFFFL, "\xef\xbf\xbd");
}

/* ---- diag ---- */

static void test_base_diag_list_basics(void **state)
{
    (void)state;
    struct diag_list dl = DIAG_LIST_INIT;
    assert_int_equal(dl.n, 0);
    assert_null(diag_first_error(&dl));
    assert_int_equal(diag_count(&dl, DIAG_ERROR), 0);

    char msg[] = "Empty continuation line";
    char rule[] = "NoEmptyContinuation";
    struct diag *d = diag_add(&dl, DIAG_WARNING, DIAG_LINT, rule, 4, 5, msg);
    assert_int_equal(d->level, DIAG_WARNING);
    assert_int_equal(d->kind, DIAG_LINT);
    assert_int_equal(d->start_line, 4);
    assert_int_equal(d->end_line, 5);
    /* message and rule are copied */
    msg[0] = 'X';
    rule[0] = 'X';
    assert_string_equal(dl.items[0].msg, "Empty continuation line");
    assert_string_equal(dl.items[0].rule, "NoEmptyContinuation");
    assert_null(diag_first_error(&dl));

    diag_add(&dl, DIAG_ERROR, DIAG_PARSE, NULL, 0, 0, "first");
    diag_add(&dl, DIAG_ERROR, DIAG_INSTR, NULL, 2, 2, "second");
    const struct diag *e = diag_first_error(&dl);
    assert_non_null(e);
    assert_string_equal(e->msg, "first");
    assert_null(e->rule);
    assert_int_equal(e->kind, DIAG_PARSE);
    assert_int_equal(diag_count(&dl, DIAG_ERROR), 2);
    assert_int_equal(diag_count(&dl, DIAG_WARNING), 1);

    diag_list_release(&dl);
    assert_int_equal(dl.n, 0);
    assert_null(dl.items);
    /* reusable after release */
    diag_add(&dl, DIAG_ERROR, DIAG_BUILD, NULL, 1, 1, "again");
    assert_string_equal(diag_first_error(&dl)->msg, "again");
    diag_list_release(&dl);
}

static void test_base_diag_addf(void **state)
{
    (void)state;
    struct diag_list dl;
    diag_list_init(&dl);
    diag_addf(&dl, DIAG_ERROR, DIAG_INSTR, NULL, 3, 3,
              "dockerfile parse error on line %d: %s", 3, "boom");
    assert_string_equal(dl.items[0].msg,
                        "dockerfile parse error on line 3: boom");
    /* longer than the small stack buffer */
    char *big = xmalloc(1001);
    memset(big, 'w', 1000);
    big[1000] = '\0';
    diag_addf(&dl, DIAG_WARNING, DIAG_PARSE_WARNING, NULL, 1, 2, "<%s>", big);
    assert_int_equal(strlen(dl.items[1].msg), 1002);
    assert_int_equal(dl.items[1].msg[1000], 'w');
    assert_int_equal(dl.items[1].msg[1001], '>');
    /* exactly at the boundary of the small buffer (255 and 256 chars) */
    big[255] = '\0';
    diag_addf(&dl, DIAG_WARNING, DIAG_LINT, "R", 0, 0, "%s", big);
    big[255] = 'w';
    big[256] = '\0';
    diag_addf(&dl, DIAG_WARNING, DIAG_LINT, "R", 0, 0, "%s", big);
    assert_int_equal(strlen(dl.items[2].msg), 255);
    assert_int_equal(strlen(dl.items[3].msg), 256);
    free(big);
    diag_addf(&dl, DIAG_ERROR, DIAG_PARSE, NULL, 0, 0, "%s", "");
    assert_string_equal(dl.items[4].msg, "");
    diag_list_release(&dl);
}

static void test_base_diag_many(void **state)
{
    (void)state;
    /* growth keeps earlier items and their strings */
    struct diag_list dl = DIAG_LIST_INIT;
    const char *first_msg = NULL;
    for (int i = 0; i < 1000; i++) {
        struct diag *d = diag_addf(&dl, i % 3 ? DIAG_WARNING : DIAG_ERROR,
                                   DIAG_LINT, "Rule", i, i + 1, "msg %d", i);
        if (i == 0)
            first_msg = d->msg;
    }
    assert_int_equal(dl.n, 1000);
    assert_ptr_equal(dl.items[0].msg, first_msg);
    for (int i = 0; i < 1000; i++) {
        char want[32];
        snprintf(want, sizeof(want), "msg %d", i);
        assert_string_equal(dl.items[i].msg, want);
        assert_int_equal(dl.items[i].start_line, i);
        assert_int_equal(dl.items[i].end_line, i + 1);
    }
    assert_int_equal(diag_count(&dl, DIAG_ERROR), 334);
    assert_int_equal(diag_count(&dl, DIAG_WARNING), 666);
    assert_string_equal(diag_first_error(&dl)->msg, "msg 0");
    diag_list_release(&dl);
}

/* ---- xmalloc ---- */

static void test_base_xmalloc_family(void **state)
{
    (void)state;
    void *z = xmalloc(0);
    assert_non_null(z);
    free(z);

    unsigned char *c = xcalloc(100, 3);
    for (int i = 0; i < 300; i++)
        assert_int_equal(c[i], 0);
    free(c);
    void *c0 = xcalloc(0, 0);
    assert_non_null(c0);
    free(c0);

    char *r = xrealloc(NULL, 4);
    memcpy(r, "abc", 4);
    r = xrealloc(r, 100000);
    assert_string_equal(r, "abc");
    r = xrealloc(r, 0); /* never NULL */
    assert_non_null(r);
    free(r);

    int *a = xreallocarray(NULL, 10, sizeof(int));
    for (int i = 0; i < 10; i++)
        a[i] = i;
    a = xreallocarray(a, 1000, sizeof(int));
    for (int i = 0; i < 10; i++)
        assert_int_equal(a[i], i);
    free(a);
}

static void test_base_xstrdup(void **state)
{
    (void)state;
    char *s = xstrdup("hello");
    assert_string_equal(s, "hello");
    free(s);
    s = xstrdup("");
    assert_string_equal(s, "");
    free(s);
    char *m = xmemdup0("a\0b", 3);
    assert_memory_equal(m, "a\0b\0", 4);
    free(m);
    m = xmemdup0("abcdef", 2);
    assert_string_equal(m, "ab");
    free(m);
    m = xmemdup0(NULL, 0);
    assert_string_equal(m, "");
    free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base_arena_init_empty),
        cmocka_unit_test(test_base_arena_alignment),
        cmocka_unit_test(test_base_arena_distinct_and_stable),
        cmocka_unit_test(test_base_arena_large_blocks),
        cmocka_unit_test(test_base_arena_exact_block_fill),
        cmocka_unit_test(test_base_arena_calloc_and_copies),
        cmocka_unit_test(test_base_arena_printf),
        cmocka_unit_test(test_base_sb_init_invariants),
        cmocka_unit_test(test_base_sb_append),
        cmocka_unit_test(test_base_sb_embedded_nul),
        cmocka_unit_test(test_base_sb_setlen_reset_grow),
        cmocka_unit_test(test_base_sb_addf_long),
        cmocka_unit_test(test_base_sb_detach),
        cmocka_unit_test(test_base_sb_add_rune),
        cmocka_unit_test(test_base_sb_add_rune_invalid),
        cmocka_unit_test(test_base_diag_list_basics),
        cmocka_unit_test(test_base_diag_addf),
        cmocka_unit_test(test_base_diag_many),
        cmocka_unit_test(test_base_xmalloc_family),
        cmocka_unit_test(test_base_xstrdup),
    };
    return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
