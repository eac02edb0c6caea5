/*
 * test_expand.c: the shell lexer (expand.c) against BuildKit's own tables
 * (shared/corpus/buildkit-shell, found through $DOCKSIM_CORPUS, default
 * ../shared/corpus) and hand-written cases for every message and mode.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "expand.h"
#include "sb.h"

#define FFFD "\xef\xbf\xbd" /* U+FFFD in UTF-8 */
#define BOM  "\xef\xbb\xbf" /* U+FEFF in UTF-8 */
#define BAD  "\xff\x61\xfe" /* the value of $bad: \xff a \xfe */

/* Option sets, as bits so a table row can name one. */
enum {
    M_RAW_QUOTES = 1 << 0,
    M_RAW_ESCAPES = 1 << 1,
    M_SKIP_UNSET = 1 << 2,
    M_SKIP_QUOTES = 1 << 3,
    M_BACKTICK = 1 << 4,
};

/* The environment of the hand-written cases (none is named "nope"). */
static const char *const test_env[] = {
    "x=abc.def.g",
    "e=",
    "a=a b  c",
    "n=line1\nline2\nab",
    ("bad=" BAD),
    "d=$0-$$-${0}-$1-${x}-$",
    "star=a*b?c\\d",
    "z=aaaa",
    "dup=1",
    "dup=2",
    "bare", /* no '=': set, empty */
};

static struct expand_opts opts_for(unsigned mode)
{
    struct expand_opts o = EXPAND_OPTS_INIT;
    if (mode & M_BACKTICK)
        o.escape = '`';
    o.raw_quotes = mode & M_RAW_QUOTES;
    o.raw_escapes = mode & M_RAW_ESCAPES;
    o.skip_unset_env = mode & M_SKIP_UNSET;
    o.skip_process_quotes = mode & M_SKIP_QUOTES;
    return o;
}

/* Run one expansion in arena a with the given "K=V" environment. */
static int run_env(struct arena *a, const char *in, size_t len, unsigned mode,
                   const char *const *env, size_t n_env,
                   struct expand_result *r)
{
    struct expand_env e = { env, n_env };
    struct expand_opts o = opts_for(mode);
    return expand_process(a, in, len, &o, expand_env_lookup, &e, r);
}

static int run(struct arena *a, const char *in, size_t len, unsigned mode,
               struct expand_result *r)
{
    return run_env(a, in, len, mode, test_env, ARRAY_LEN(test_env), r);
}

static void assert_bytes(const char *got, size_t got_len, const char *want,
                         size_t want_len, const char *what, const char *in)
{
    if (got_len != want_len || memcmp(got, want, want_len) != 0) {
        print_error("input %s: %s is \"%.*s\" (%zu bytes), want \"%.*s\""
                    " (%zu bytes)\n",
                    in, what, (int)got_len, got, got_len, (int)want_len, want,
                    want_len);
        fail();
    }
}

/* ---------------------------------------------------------------- */
/* Table-driven hand-written cases.                                 */

struct word_case {
    unsigned mode;
    const char *in;
    const char *want; /* expected word, or NULL when an error is expected */
    const char *err;  /* the full expected message */
};

static void check_word_cases(const struct word_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct arena a = ARENA_INIT;
        struct expand_result r;
        int rc = run(&a, c[i].in, strlen(c[i].in), c[i].mode, &r);
        if (c[i].want) {
            if (rc != 0)
                print_error("input %s: unexpected error %s\n", c[i].in,
                            r.error);
            assert_int_equal(rc, 0);
            assert_null(r.error);
            assert_bytes(r.word, r.word_len, c[i].want, strlen(c[i].want),
                         "word", c[i].in);
        } else {
            if (rc != -1)
                print_error("input %s: no error, got %s\n", c[i].in, r.word);
            assert_int_equal(rc, -1);
            assert_non_null(r.error);
            assert_bytes(r.error, r.error_len, c[i].err, strlen(c[i].err),
                         "error", c[i].in);
            assert_int_equal(r.word_len, 0);
            assert_int_equal(r.n_words, 0);
        }
        arena_release(&a);
    }
}

/* For inputs without a backslash or '"': Go quotes them as "in". */
#define ERR(in, msg) { 0, in, NULL, "failed to process \"" in "\": " msg }

static void test_expand_error_messages(void **state)
{
    (void)state;
    static const struct word_case cases[] = {
        ERR("${x", "unsupported modifier (\xef\xbf\xbd) in substitution"),
        ERR("${x:1}", "unsupported modifier (:1) in substitution"),
        ERR("${x=1}", "unsupported modifier (=) in substitution"),
        ERR("${x:=1}", "unsupported modifier (:=) in substitution"),
        ERR("${x:#a}", "unsupported modifier (:#) in substitution"),
        ERR("${x:%", "unsupported modifier (:%) in substitution"),
        ERR("${.}", "unsupported modifier (.) in substitution"),
        ERR("${}", "syntax error: bad substitution"),
        ERR("${{x}", "syntax error: bad substitution"),
        ERR("${:x}", "syntax error: bad substitution"),
        ERR("${:-a}", "syntax error: bad substitution"),
        ERR("${", "syntax error: missing '}'"),
        ERR("${x:", "syntax error: missing '}'"),
        ERR("${x:-abc", "syntax error: missing '}'"),
        ERR("${x:-'a}", "syntax error: missing '}'"),
        ERR("${x/a/b", "syntax error: missing '}'"),
        ERR("${x/a", "syntax error: missing '/' in ${}"),
        ERR("${z//}", "syntax error: missing '/' in ${}"),
        ERR("${nope?}", "nope: is not allowed to be unset"),
        ERR("${nope:?}", "nope: is not allowed to be unset"),
        ERR("${e:?}", "e: is not allowed to be empty"),
        ERR("${e:?custom msg}", "e: custom msg"),
        ERR("${nope?custom msg}", "nope: custom msg"),
        ERR("${nope+P}${nope?gone}", "nope: gone"),
        ERR("'abc", "unexpected end of statement while looking for "
                    "matching single-quote"),
    };
    /* inputs that Go quotes with escapes, and other modes */
    static const struct word_case raw[] = {
        { 0, "${x#\\a}", NULL,
          "failed to process \"${x#\\\\a}\": invalid pattern (\\a) in "
          "substitution: invalid escape '\\a'" },
        { 0, "${x%b\\a}", NULL,
          "failed to process \"${x%b\\\\a}\": invalid pattern (\\ab) in "
          "substitution: invalid escape '\\a'" },
        { 0, "${x/\\a/b}", NULL,
          "failed to process \"${x/\\\\a/b}\": invalid pattern (\\a) in "
          "substitution: invalid escape '\\a'" },
        { 0, "${x#'\\'}", NULL,
          "failed to process \"${x#'\\\\'}\": invalid pattern (\\) in "
          "substitution: invalid escape '\\\xef\xbf\xbd'" },
        { 0, "${x%\\}", NULL,
          "failed to process \"${x%\\\\}\": syntax error: missing '}'" },
        { 0, "a\"b", NULL,
          "failed to process \"a\\\"b\": unexpected end of statement while "
          "looking for matching double-quote" },
        { 0, "\"abc\\", NULL,
          "failed to process \"\\\"abc\\\\\": unexpected end of statement "
          "while looking for matching double-quote" },
        { M_SKIP_UNSET, "${e:?}", NULL,
          "failed to process \"${e:?}\": e: is not allowed to be empty" },
        { M_SKIP_UNSET, "${x:#a}", NULL,
          "failed to process \"${x:#a}\": unsupported modifier (:#) in "
          "substitution" },
    };
    check_word_cases(cases, ARRAY_LEN(cases));
    check_word_cases(raw, ARRAY_LEN(raw));
}

static void test_expand_error_message_quoting(void **state)
{
    (void)state;
    struct arena a = ARENA_INIT;
    struct expand_result r;
    static const char in[] = "${x\n\t\x01\xff\"";
    static const char want[] = "failed to process \"${x\\n\\t\\x01\\xff\\\"\": "
                               "unsupported modifier (\n) in substitution";
    assert_int_equal(run(&a, in, sizeof(in) - 1, 0, &r), -1);
    assert_bytes(r.error, r.error_len, want, sizeof(want) - 1, "error", in);
    arena_release(&a);
}

static void test_expand_modifiers(void **state)
{
    (void)state;
    static const struct word_case cases[] = {
        { 0, "${x}", "abc.def.g", NULL },
        { 0, "${x:-d e}", "abc.def.g", NULL },
        { 0, "${nope-d}", "d", NULL },
        { 0, "${e-d}", "", NULL },
        { 0, "${e:-d}", "d", NULL },
        { 0, "${x:+set}", "set", NULL },
        { 0, "${nope:+set}", "", NULL },
        { 0, "${e:+set}", "", NULL },
        { 0, "${e+set}", "set", NULL },
        { 0, "${x?}", "abc.def.g", NULL },
        { 0, "${e?}", "", NULL },
        { 0, "${x:?custom message}", "abc.def.g", NULL },
        { 0, "${x:+$nope}${nope:-$x}${e:-E}${e-E}${e:+P}${e+P}", "abc.def.gEP",
          NULL },
        { 0, "${nope:-${e:-z}}", "z", NULL },
        { 0, "$x.$x", "abc.def.g.abc.def.g", NULL },
        { 0, "${x}_y", "abc.def.g_y", NULL },
        { 0, "$x_y", "", NULL },
        { 0, "$1x $@y ${#} $-", "x y  ", NULL },
        { 0, "$", "$", NULL },
        { 0, "$.", "$.", NULL },
        { 0, "$ x", "$ x", NULL },
        { 0, "${dup}", "2", NULL },
        { 0, "${bare-unset}", "", NULL },
        { 0, "${aaa}}", "}", NULL },
        { 0, "${aaa:-bbb {foo}", "bbb {foo", NULL },
        { 0, "\\${x}", "${x}", NULL },
        { 0, "\\$x", "$x", NULL },
        { 0, "${nope:-\\${x}z}", "${xz}", NULL },
        { 0, "${x:-\\}}", "abc.def.g", NULL },
        { 0, "${nope:-\\}}", "}", NULL },
        { 0, "\xc3\xa9$\xc3\xa9t\xc3\xa9.", "\xc3\xa9.", NULL },
    };
    check_word_cases(cases, ARRAY_LEN(cases));
}

static void test_expand_patterns(void **state)
{
    (void)state;
    static const struct word_case cases[] = {
        { 0, "${x#*.}", "def.g", NULL },
        { 0, "${x##*.}", "g", NULL },
        { 0, "${x%.*}", "abc.def", NULL },
        { 0, "${x%%.*}", "abc", NULL },
        { 0, "${x#nomatch}", "abc.def.g", NULL },
        { 0, "${x#?}", "bc.def.g", NULL },
        { 0, "${x%?}", "abc.def.", NULL },
        { 0, "${z%a*}", "aaa", NULL },
        { 0, "${z%%a*}", "", NULL },
        { 0, "${nope#a}", "", NULL },
        { 0, "${x/./-}", "abc-def.g", NULL },
        { 0, "${x//./-}", "abc-def-g", NULL },
        /* no anchoring: '#' is a literal here */
        { 0, "${x/#a/b}", "abc.def.g", NULL },
        { 0, "${x//*/X}", "X", NULL },
        { 0, "${x//b*/X}", "aX", NULL },
        { 0, "${x//*c/X}", "X.def.g", NULL },
        { 0, "${x//c*/}", "ab", NULL },
        { 0, "${z//a*/b}", "b", NULL },
        /* an empty pattern matches between every rune */
        { 0, "${x///-}", "-a-b-c-.-d-e-f-.-g-", NULL },
        /* * and ? never match a newline (Go's '.') */
        { 0, "${n//*/X}", "X\nX\nX", NULL },
        { 0, "${n/*/X}", "X\nline2\nab", NULL },
        { 0, "${n#*}", "line1\nline2\nab", NULL },
        { 0, "${n##*}", "\nline2\nab", NULL },
        { 0, "${n%%*}", "line1\nline2\n", NULL },
        { 0, "${n##l*1}", "\nline2\nab", NULL },
        { 0, "${n##*2}", "line1\nline2\nab", NULL },
        { 0, "${n//?/.}", ".....\n.....\n..", NULL },
        /* escapes inside patterns */
        { 0, "${star#a\\*b}", "?c\\d", NULL },
        { 0, "${star#a\\?}", "a*b?c\\d", NULL },
        { 0, "${star%\\\\d}", "a*b?c", NULL },
        { 0, "${star//\\?/!}", "a*b!c\\d", NULL },
        { 0, "${x/\\//-}", "abc.def.g", NULL },
        { 0, "${x//c\\}/X}", "abc.def.g", NULL },
        { 0, "${x//[^.]/_}", "abc.def.g", NULL },
        /* a leading BOM of a pattern is skipped like text/scanner does */
        { 0, "${x#" BOM "abc}", ".def.g", NULL },
        /* ${v/p/r} inserts r literally; ${v//p/r} expands Go templates */
        { 0, "${x/./'$0'}", "abc$0def.g", NULL },
        { 0, "${x//./'<$0>'}", "abc<.>def<.>g", NULL },
        { 0, "${x//?/'${0}$$${1}$00$0a${0'}",
          "a$${0b$${0c$${0.$${0d$${0e$${0f$${0.$${0g$${0", NULL },
        { 0, "${x//./$}", "abc$def$g", NULL },
        { 0, "${x/./$d}", "abc$0-$$-${0}-$1-${x}-$def.g", NULL },
        { 0, "${x//./$d}", "abc.-$-.---$def.-$-.---$g", NULL },
        { 0, "${d//-/+}", "$0+$$+${0}+$1+${x}+$", NULL },
        /* the shell expands $0 (to nothing) before the regexp sees it */
        { 0, "${x//?/<$0>}", "<><><><><><><><><>", NULL },
        /* the replacement keeps its escapes */
        { 0, "${x//./<\\$0>}", "abc<\\.>def<\\.>g", NULL },
    };
    check_word_cases(cases, ARRAY_LEN(cases));
}

static void test_expand_modes(void **state)
{
    (void)state;
    static const struct word_case cases[] = {
        /* RawQuotes */
        { M_RAW_QUOTES, "he'll'o", "he'll'o", NULL },
        { M_RAW_QUOTES, "\"a\\\"b\"", "\"a\"b\"", NULL },
        { M_RAW_QUOTES, "'a\\\\b'", "'a\\\\b'", NULL },
        /* RawEscapes: outside ${} words and in # % / words only */
        { M_RAW_ESCAPES, "a\\tb \"c\\td\" ${nope:-\\q} ${x%\\*}",
          "a\\tb c\\\\td q abc.def.g", NULL },
        { M_RAW_ESCAPES, "${nope:-\"\\q\"}", "\\q", NULL },
        /* SkipUnsetEnv: unset names stay as written */
        { M_SKIP_UNSET, "$nope ${nope} ${nope:-d} $x \"$nope\"",
          "$nope ${nope} ${nope:-d} abc.def.g $nope", NULL },
        { M_SKIP_UNSET, "${nope//a/b}", "${nope/a/b}", NULL },
        { M_SKIP_UNSET, "${nope#a}", "${nope#a}", NULL },
        { M_SKIP_UNSET, "${nope:1}", "${nope:1}", NULL },
        { M_SKIP_UNSET, "${nope?custom msg}", "${nope?custom msg}", NULL },
        { M_SKIP_UNSET, "${u:-$x}", "${u:-abc.def.g}", NULL },
        { M_SKIP_UNSET, "${u:-${e:-z}}", "${u:-z}", NULL },
        /* RawQuotes + SkipUnsetEnv (heredoc detection) */
        { M_RAW_QUOTES | M_SKIP_UNSET, "\"${x} ${u}\"", "\"abc.def.g ${u}\"",
          NULL },
        { M_RAW_QUOTES | M_SKIP_UNSET, "\"${e:-z}\" '$x'", "\"z\" '$x'", NULL },
        { M_RAW_QUOTES | M_SKIP_UNSET, "$@", "$@", NULL },
        { M_RAW_QUOTES | M_SKIP_UNSET, "\"$x\"", "\"abc.def.g\"", NULL },
        { M_RAW_QUOTES | M_RAW_ESCAPES | M_SKIP_UNSET,
          "RUN <<\"EOF\" $nope \\$x", "RUN <<\"EOF\" $nope \\$x", NULL },
        /* SkipProcessQuotes: quotes are plain characters */
        { M_SKIP_QUOTES, "\"$x\" '$x'", "\"abc.def.g\" 'abc.def.g'", NULL },
        { M_SKIP_QUOTES, "'abc", "'abc", NULL },
        /* escape token ` */
        { M_BACKTICK, "a`$x`b \"`\"`q\" c\\\\d", "a$xb \"`q c\\\\d", NULL },
        { M_BACKTICK, "${x/./`.}", "abc`.def.g", NULL },
        { M_BACKTICK, "c:\\dir `$x", "c:\\dir $x", NULL },
    };
    check_word_cases(cases, ARRAY_LEN(cases));
}

/* A string literal and its length (it may hold NUL bytes). */
#define LIT(s) s, sizeof(s) - 1

/* The exact bytes cases: invalid UTF-8, NUL, byte order mark. */
static void test_expand_bytes(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t in_len;
        const char *want;
        size_t want_len;
        const char *words; /* words joined with '|' */
    } cases[] = {
        { LIT("a\0b"), LIT("a\0b"), NULL },
        { LIT("\xff$x\xfe"), LIT(FFFD "abc.def.g" FFFD),
          FFFD "abc.def.g" FFFD },
        /* values keep their bytes in the word, not in the split words */
        { LIT("$bad $bad"), LIT(BAD " " BAD), FFFD "a" FFFD "|" FFFD "a" FFFD },
        { LIT("\"$bad\""), LIT(BAD), BAD },
        { LIT("${bad#?}"), LIT("a\xfe"), "a" FFFD },
        /* % works on reversed runes, so invalid bytes become U+FFFD */
        { LIT("${bad%?}"), LIT(FFFD "a"), FFFD "a" },
        { LIT("${bad/" FFFD "/X}"), LIT("Xa\xfe"), "Xa" FFFD },
        { LIT("${bad//a/" FFFD "}"), LIT("\xff" FFFD "\xfe"), FFFD FFFD FFFD },
        { LIT("\\\xff"), LIT(FFFD), FFFD },
        { LIT("${x:-a\0b}"), LIT("abc.def.g"), "abc.def.g" },
        { LIT("${nope:-a\0b}"), LIT("a\0b"), NULL },
        { LIT("${x/c/\0}"), LIT("ab\0.def.g"), NULL },
        /* a byte order mark is skipped only at the very start */
        { LIT(BOM "$x"), LIT("abc.def.g"), "abc.def.g" },
        { LIT("a" BOM "$x"), LIT("a" BOM "abc.def.g"), "a" BOM "abc.def.g" },
        { LIT(BOM), LIT(""), NULL },
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        struct arena a = ARENA_INIT;
        struct expand_result r;
        assert_int_equal(run(&a, cases[i].in, cases[i].in_len, 0, &r), 0);
        assert_bytes(r.word, r.word_len, cases[i].want, cases[i].want_len,
                     "word", cases[i].in);
        if (cases[i].words) {
            struct sb j = SB_INIT;
            for (size_t k = 0; k < r.n_words; k++) {
                if (k)
                    sb_addch(&j, '|');
                sb_add(&j, r.words[k], r.word_lens[k]);
            }
            assert_bytes(j.buf, j.len, cases[i].words, strlen(cases[i].words),
                         "words", cases[i].in);
            sb_release(&j);
        }
        arena_release(&a);
    }
}

/* ProcessWords: word splitting. */
static void test_expand_word_splitting(void **state)
{
    (void)state;
    static const struct {
        unsigned mode;
        const char *in;
        const char *words[6];
    } cases[] = {
        { 0, "a  b   c", { "a", "b", "c" } },
        { 0, "\"a  b\"c d", { "a  bc", "d" } },
        { 0, "$a", { "a", "b", "c" } },
        { 0, "\"$a\"", { "a b  c" } },
        { 0, "a\\ b c", { "a b", "c" } },
        { 0, "a \"\" b", { "a", "b" } },
        { 0, "${x:+a b}", { "a", "b" } },
        { 0, "${e-d}", { NULL } },
        { 0, "$@", { NULL } },
        /* Unicode spaces split too (U+00A0) */
        { 0, "x\xc2\xa0y", { "x", "y" } },
        /* blanks after << stay in the word; a newline does not */
        { 0, "RUN <<  EOF", { "RUN", "<<  EOF" } },
        { 0, "cat <<\tEOF >out", { "cat", "<<\tEOF", ">out" } },
        { 0, "<<\nEOF", { "<<", "EOF" } },
        { 0, "<< ", { "<< " } },
        { 0, "a <b", { "a", "<b" } },
        { M_SKIP_UNSET, "${u?custom msg}", { "${u?custom", "msg}" } },
        { M_RAW_QUOTES | M_RAW_ESCAPES | M_SKIP_UNSET,
          "RUN <<\"EOF\" $nope \\$x",
          { "RUN", "<<\"EOF\"", "$nope", "\\$x" } },
        { M_RAW_ESCAPES,
          "a\\tb \"c\\td\" ${nope:-\\q} ${x%\\*}",
          { "a\\tb", "c\\\\td", "q", "abc.def.g" } },
        { M_SKIP_QUOTES, "\"$x\" '$x'", { "\"abc.def.g\"", "'abc.def.g'" } },
    };
    for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
        struct arena a = ARENA_INIT;
        struct expand_result r;
        size_t n = 0;
        assert_int_equal(
            run(&a, cases[i].in, strlen(cases[i].in), cases[i].mode, &r), 0);
        while (n < ARRAY_LEN(cases[i].words) && cases[i].words[n])
            n++;
        if (r.n_words != n)
            print_error("input %s: %zu words, want %zu\n", cases[i].in,
                        r.n_words, n);
        assert_int_equal(r.n_words, n);
        for (size_t k = 0; k < n; k++)
            assert_bytes(r.words[k], r.word_lens[k], cases[i].words[k],
                         strlen(cases[i].words[k]), "word", cases[i].in);
        arena_release(&a);
    }
}

static void assert_names(char **got, size_t n_got, const char *const *want,
                         size_t n_want)
{
    assert_int_equal(n_got, n_want);
    for (size_t i = 0; i < n_want; i++)
        assert_string_equal(got[i], want[i]);
    assert_null(got[n_got]);
}

static void test_expand_reports_names(void **state)
{
    (void)state;
    struct arena a = ARENA_INIT;
    struct expand_result r;
    static const char in[] = "$x$nope${x}$e${1}${nope2:-$nope}$x$@";
    static const char *const matched[] = { "x", "e" };
    static const char *const unmatched[] = { "nope", "1", "nope2", "@" };

    assert_int_equal(run(&a, in, strlen(in), 0, &r), 0);
    assert_names(r.matched, r.n_matched, matched, 2);
    assert_names(r.unmatched, r.n_unmatched, unmatched, 4);

    /* names looked up before an error are still reported */
    static const char bad[] = "$x ${nope:?}";
    static const char *const only_nope[] = { "nope" };
    assert_int_equal(run(&a, bad, strlen(bad), 0, &r), -1);
    assert_names(r.matched, r.n_matched, matched, 1);
    assert_names(r.unmatched, r.n_unmatched, only_nope, 1);

    /* a bad modifier fails before the lookup */
    assert_int_equal(run(&a, "${x=1}", 6, 0, &r), -1);
    assert_int_equal(r.n_matched, 0);
    assert_int_equal(r.n_unmatched, 0);

    /* many distinct names */
    struct sb big = SB_INIT;
    for (int i = 0; i < 5000; i++)
        sb_addf(&big, "$v%d$x", i % 2500);
    assert_int_equal(run(&a, big.buf, big.len, 0, &r), 0);
    assert_int_equal(r.n_unmatched, 2500);
    assert_int_equal(r.n_matched, 1);
    assert_string_equal(r.unmatched[2499], "v2499");
    sb_release(&big);
    arena_release(&a);
}

static void test_expand_env_lookup_rules(void **state)
{
    (void)state;
    static const char *const env[] = { "K=1", "K=2", "EMPTY", "=v", "E=a=b" };
    struct expand_env e = { env, ARRAY_LEN(env) };
    const char *v;
    size_t n;

    assert_true(expand_env_lookup(&e, "K", 1, &v, &n));
    assert_string_equal(v, "2");
    assert_true(expand_env_lookup(&e, "EMPTY", 5, &v, &n));
    assert_int_equal(n, 0);
    assert_true(expand_env_lookup(&e, "", 0, &v, &n));
    assert_string_equal(v, "v");
    assert_true(expand_env_lookup(&e, "E", 1, &v, &n));
    assert_string_equal(v, "a=b");
    assert_false(expand_env_lookup(&e, "k", 1, &v, &n));

    /* a NULL lookup means an empty environment; NULL opts the defaults */
    struct arena a = ARENA_INIT;
    struct expand_result r;
    assert_int_equal(expand_process(&a, "'$x'$x", 6, NULL, NULL, NULL, &r), 0);
    assert_string_equal(r.word, "$x");
    assert_int_equal(r.n_unmatched, 1);
    arena_release(&a);
}

/* 100k nested ${a:-... must fail cleanly, not overflow the stack. */
static void test_expand_deep_nesting(void **state)
{
    (void)state;
    struct sb in = SB_INIT;
    struct arena a = ARENA_INIT;
    struct expand_result r;
    const char *msg = "syntax error: substitution nested too deeply";

    for (int i = 0; i < 100000; i++)
        sb_adds(&in, "${nope:-\"");
    sb_adds(&in, "x");
    for (int i = 0; i < 100000; i++)
        sb_adds(&in, "\"}");
    assert_int_equal(run(&a, in.buf, in.len, 0, &r), -1);
    assert_non_null(strstr(r.error, msg));

    /* the limit itself still works */
    sb_reset(&in);
    for (int i = 0; i < EXPAND_MAX_DEPTH; i++)
        sb_adds(&in, "${nope:-");
    sb_adds(&in, "x");
    for (int i = 0; i < EXPAND_MAX_DEPTH; i++)
        sb_addch(&in, '}');
    assert_int_equal(run(&a, in.buf, in.len, 0, &r), 0);
    assert_string_equal(r.word, "x");

    /* long flat inputs and patterns are fine */
    sb_reset(&in);
    sb_adds(&in, "${n//");
    for (int i = 0; i < 2000; i++)
        sb_adds(&in, "*?");
    sb_adds(&in, "/X}");
    assert_int_equal(run(&a, in.buf, in.len, 0, &r), 0);
    assert_string_equal(r.word, "line1\nline2\nab");
    sb_release(&in);
    arena_release(&a);
}

/* A few rows of shared/corpus/oracle-probes/expansion.json, by hand. */
static void test_expand_oracle_probes(void **state)
{
    (void)state;
    static const struct word_case cases[] = {
        { 0, "hello", "hello", NULL },
        { 0, "he'll'o", "hello", NULL },
        { 0, "'a $x'", "a $x", NULL },
        { 0, "a\\ b", "a b", NULL },
        { 0, "\"${x} ${u}\"", "abc.def.g ", NULL },
        { 0, "a\\\\b", "a\\b", NULL },
        { 0, "'a\\\\b'", "a\\\\b", NULL },
        { 0, "\"a\\\"b\"", "a\"b", NULL },
        { M_RAW_QUOTES | M_SKIP_UNSET, "${u:+set}", "${u:+set}", NULL },
        { M_RAW_QUOTES | M_SKIP_UNSET, "${u-d}", "${u-d}", NULL },
        { M_RAW_QUOTES | M_SKIP_UNSET, "${e-d}", "", NULL },
        { M_RAW_QUOTES | M_SKIP_UNSET, "'a\\\\b'", "'a\\\\b'", NULL },
        { 0, "${u?custom msg}", NULL,
          "failed to process \"${u?custom msg}\": u: custom msg" },
        { 0, "${:-a}", NULL,
          "failed to process \"${:-a}\": syntax error: bad substitution" },
    };
    check_word_cases(cases, ARRAY_LEN(cases));
}

/* ---------------------------------------------------------------- */
/* The upstream tables.                                             */

static const char *corpus_dir(void)
{
    const char *d = getenv("DOCKSIM_CORPUS");
    return d && *d ? d : "../shared/corpus";
}

/* Open corpus file rel, or skip the test when the corpus is absent. */
static FILE *open_corpus(const char *rel, char *path, size_t size)
{
    struct stat st;
    snprintf(path, size, "%s/%s", corpus_dir(), rel);
    if (stat(corpus_dir(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        print_message("corpus directory %s not found; set DOCKSIM_CORPUS "
                      "(skipping)\n",
                      corpus_dir());
        skip();
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        print_error("cannot open %s\n", path);
        fail();
    }
    return f;
}

static void chomp(char *s, size_t *len)
{
    while (*len && (s[*len - 1] == '\n' || s[*len - 1] == '\r'))
        s[--*len] = '\0';
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

/* strings.TrimSpace for the ASCII blanks these files use. */
static char *trim(char *s)
{
    size_t n = strlen(s);
    while (n && is_blank(s[n - 1]))
        s[--n] = '\0';
    while (is_blank(*s))
        s++;
    return s;
}

static void test_expand_upstream_env_var_table(void **state)
{
    (void)state;
    static const char *const env[] = {
        "PWD=/home",
        "SHELL=bash",
        "KOREAN=\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4",
        "NULL=",
    };
    char path[4096];
    FILE *f = open_corpus("buildkit-shell/envVarTest", path, sizeof(path));
    char *line = NULL;
    size_t cap = 0, n_run = 0, n_failed = 0;
    ssize_t got;

    while ((got = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)got;
        chomp(line, &len);
        char *t = trim(line);
        if (!*t || *t == '#')
            continue;
        char *bar1 = strchr(t, '|');
        char *bar2 = bar1 ? strchr(bar1 + 1, '|') : NULL;
        assert_non_null(bar2);
        assert_null(strchr(bar2 + 1, '|'));
        *bar1 = *bar2 = '\0';
        char *platform = trim(t), *in = trim(bar1 + 1);
        char *want = trim(bar2 + 1);
        assert_true(!strcmp(platform, "A") || !strcmp(platform, "U") ||
                    !strcmp(platform, "W"));
        if (!strcmp(platform, "W"))
            continue;

        struct arena a = ARENA_INIT;
        struct expand_result r;
        int rc = run_env(&a, in, strlen(in), 0, env, ARRAY_LEN(env), &r);
        bool ok = !strcmp(want, "error")
                      ? rc == -1
                      : rc == 0 && r.word_len == strlen(want) &&
                            !memcmp(r.word, want, r.word_len);
        if (!ok) {
            print_error("envVarTest %s: got %s, want %s\n", in,
                        rc ? r.error : r.word, want);
            n_failed++;
        }
        n_run++;
        arena_release(&a);
    }
    free(line);
    fclose(f);
    print_message("envVarTest: %zu passed, %zu failed\n", n_run - n_failed,
                  n_failed);
    assert_int_equal(n_failed, 0);
    assert_true(n_run > 100);
}

static void test_expand_upstream_words_table(void **state)
{
    (void)state;
    char path[4096];
    FILE *f = open_corpus("buildkit-shell/wordsTest", path, sizeof(path));
    char *line = NULL;
    size_t cap = 0, n_run = 0, n_failed = 0;
    ssize_t got;
    char **env = NULL;
    size_t n_env = 0;

    while ((got = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)got;
        chomp(line, &len);
        if (!strncmp(line, "ENV ", 4)) {
            char *kv = line + 3;
            while (*kv == ' ')
                kv++;
            env = realloc(env, (n_env + 1) * sizeof(*env));
            assert_non_null(env);
            env[n_env] = strdup(kv);
            assert_non_null(env[n_env]);
            n_env++;
            continue;
        }
        const char *t = line;
        while (is_blank(*t))
            t++;
        if (!*t || *t == '#')
            continue;
        char *bar = strchr(line, '|');
        assert_non_null(bar);
        *bar = '\0';
        char *in = trim(line);
        char *want = bar + 1;
        while (*want == ' ')
            want++;

        struct arena a = ARENA_INIT;
        struct expand_result r;
        struct sb joined = SB_INIT;
        int rc =
            run_env(&a, in, strlen(in), 0, (const char *const *)env, n_env, &r);
        if (rc) {
            sb_adds(&joined, "error");
        } else {
            for (size_t k = 0; k < r.n_words; k++) {
                if (k)
                    sb_addch(&joined, ',');
                sb_add(&joined, r.words[k], r.word_lens[k]);
            }
        }
        if (strcmp(joined.buf, want) != 0) {
            print_error("wordsTest %s: got [%s], want [%s]\n", in, joined.buf,
                        want);
            n_failed++;
        }
        n_run++;
        sb_release(&joined);
        arena_release(&a);
    }
    for (size_t i = 0; i < n_env; i++)
        free(env[i]);
    free(env);
    free(line);
    fclose(f);
    print_message("wordsTest: %zu passed, %zu failed\n", n_run - n_failed,
                  n_failed);
    assert_int_equal(n_failed, 0);
    assert_true(n_run > 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_expand_error_messages),
        cmocka_unit_test(test_expand_error_message_quoting),
        cmocka_unit_test(test_expand_modifiers),
        cmocka_unit_test(test_expand_patterns),
        cmocka_unit_test(test_expand_modes),
        cmocka_unit_test(test_expand_bytes),
        cmocka_unit_test(test_expand_word_splitting),
        cmocka_unit_test(test_expand_reports_names),
        cmocka_unit_test(test_expand_env_lookup_rules),
        cmocka_unit_test(test_expand_deep_nesting),
        cmocka_unit_test(test_expand_oracle_probes),
        cmocka_unit_test(test_expand_upstream_env_var_table),
        cmocka_unit_test(test_expand_upstream_words_table),
    };
    return cmocka_run_group_tests_name("expand", tests, NULL, NULL);
}
