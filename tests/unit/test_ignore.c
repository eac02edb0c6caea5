/*
 * test_ignore.c: .dockerignore as moby/patternmatcher reads and matches
 * it (ignorefile.ReadAll, PatternMatcher.MatchesOrParentMatches), and
 * Go's path.Clean.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "ignore.h"
#include "sb.h"

static void clean_is(const char *in, const char *want)
{
    struct sb out = SB_INIT;
    go_path_clean(&out, in, strlen(in));
    assert_string_equal(out.buf, want);
    sb_release(&out);
}

static void test_ignore_path_clean(void **state)
{
    (void)state;
    clean_is("", ".");
    clean_is(".", ".");
    clean_is("./Dockerfile", "Dockerfile");
    clean_is("a//b/./c/", "a/b/c");
    clean_is("a/../../b", "../b");
    clean_is("/../x", "/x");
    clean_is("/", "/");
    clean_is("a/b/..", "a");
    clean_is("..", "..");
}

/* matches(patterns, path) with a fresh matcher */
static bool matches(const char *patterns, const char *path)
{
    struct ignore ig;
    char *err = NULL;
    assert_int_equal(ignore_init(&ig, patterns, strlen(patterns), &err), 0);
    assert_null(err);
    bool m = ignore_matches(&ig, path);
    ignore_release(&ig);
    return m;
}

static void test_ignore_exact_and_parents(void **state)
{
    (void)state;
    assert_true(matches("Dockerfile\n", "Dockerfile"));
    assert_false(matches("Dockerfile\n", "Dockerfile.dev"));
    /* a directory excludes what is under it */
    assert_true(matches("node_modules\n", "node_modules/x/y.js"));
    assert_false(matches("node_modules\n", "src/node_modules"));
    /* leading slash and ./ are cleaned away, trailing slash too */
    assert_true(matches("/build/\n", "build/out.o"));
    assert_true(matches("./tmp\n", "tmp"));
    /* comments only at the very start of a line; blank lines skipped */
    assert_true(matches("  # not a comment\n", "# not a comment"));
    assert_false(matches("# comment\n\n   \n", "comment"));
    /* CRLF and a BOM */
    assert_true(matches("\xEF\xBB\xBF" "a.txt\r\nb.txt\r\n", "a.txt"));
    assert_true(matches("a.txt\r\nb.txt\r\n", "b.txt"));
}

static void test_ignore_wildcards(void **state)
{
    (void)state;
    assert_true(matches("*.md\n", "README.md"));
    assert_false(matches("*.md\n", "docs/README.md")); /* * stops at / */
    assert_true(matches("*/*.md\n", "docs/README.md"));
    assert_true(matches("**/*.md\n", "docs/a/README.md"));
    assert_true(matches("**/*.md\n", "README.md"));
    assert_true(matches("**\n", "anything/at/all"));
    assert_true(matches("docs/**\n", "docs/x"));
    assert_true(matches("**/secret\n", "a/b/secret"));
    assert_true(matches("**/secret\n", "secret"));
    assert_true(matches("file?.txt\n", "file1.txt"));
    assert_false(matches("file?.txt\n", "file10.txt"));
    assert_true(matches("[ab].txt\n", "b.txt"));
    assert_false(matches("[ab].txt\n", "c.txt"));
    assert_true(matches("[^ab].txt\n", "c.txt"));
    /* regexp characters are literal */
    assert_true(matches("a+b(1).txt\n", "a+b(1).txt"));
    assert_false(matches("a.b\n", "axb"));
    /* a backslash escapes the next character */
    assert_true(matches("\\*.txt\n", "*.txt"));
    assert_false(matches("\\*.txt\n", "a.txt"));
    /* "*" matches the context root "." (so does ".*": BuildKit's
     * CopyIgnoredFile special-cases the root, see test_lint) */
    assert_true(matches("*\n", "."));
    assert_true(matches(".*\n", "."));
}

static void test_ignore_exclusions(void **state)
{
    (void)state;
    const char *p = "**\n!Dockerfile\n";
    assert_false(matches(p, "Dockerfile"));
    assert_true(matches(p, "app.py"));
    /* the last matching pattern decides */
    assert_true(matches("!a.txt\n*.txt\n", "a.txt"));
    assert_false(matches("*.txt\n!a.txt\n", "a.txt"));
    assert_true(matches("*.txt\n!a.txt\na.txt\n", "a.txt"));
    /* "! pattern": the space after ! is trimmed */
    assert_false(matches("*.txt\n! a.txt\n", "a.txt"));
    struct ignore ig;
    char *err = NULL;
    assert_int_equal(ignore_init(&ig, p, strlen(p), &err), 0);
    assert_true(ig.exclusions);
    assert_int_equal(ig.n, 2);
    assert_string_equal(ignore_pattern_text(&ig, 1), "Dockerfile");
    assert_true(ignore_pattern_exclusion(&ig, 1));
    assert_false(ignore_pattern_exclusion(&ig, 0));
    ignore_release(&ig);
}

static void test_ignore_errors(void **state)
{
    (void)state;
    struct ignore ig;
    char *err = NULL;
    assert_int_equal(ignore_init(&ig, "a\n!\n", 4, &err), -1);
    assert_string_equal(err, "illegal exclusion pattern: \"!\"");
    free(err);
    ignore_release(&ig);
    assert_int_equal(ignore_init(&ig, "[ab\n", 4, &err), -1);
    assert_string_equal(err, "syntax error in pattern");
    free(err);
    ignore_release(&ig);
    assert_int_equal(ignore_init(&ig, "", 0, &err), 0);
    assert_int_equal(ig.n, 0);
    assert_false(ignore_matches(&ig, "x"));
    ignore_release(&ig);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ignore_path_clean),
        cmocka_unit_test(test_ignore_exact_and_parents),
        cmocka_unit_test(test_ignore_wildcards),
        cmocka_unit_test(test_ignore_exclusions),
        cmocka_unit_test(test_ignore_errors),
    };
    return cmocka_run_group_tests_name("ignore", tests, NULL, NULL);
}
