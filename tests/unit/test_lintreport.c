/*
 * test_lintreport.c: the renderings of build checks, byte for byte:
 * errdefs.Source.Print, `docker build --check` (buildx printResult and
 * BuildKit's PrintTo/PrintErrorTo), the lint result JSON, and a build's
 * "#1 WARN:" progress lines and closing warning list (printWarnings).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "lintreport.h"
#include "sb.h"
#include "store.h"

struct fx {
    struct store st;
    struct build_result r;
    struct build_opts o;
    struct lint_source src;
    int rc;
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof(*f));
    store_init(&f->st);
    build_result_init(&f->r);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    build_result_release(&f->r);
    store_release(&f->st);
    free(f);
    return 0;
}

static void run(struct fx *f, const char *text, bool check)
{
    build_result_release(&f->r);
    f->o.check = check;
    f->rc = build_run(&f->st, text, strlen(text), &f->o, &f->r);
    f->src.name = "Dockerfile";
    f->src.data = text;
    f->src.len = strlen(text);
}

static void source_is(const char *text, int start, int end, const char *want)
{
    struct lint_source src = { "Dockerfile", text, strlen(text) };
    struct sb out = SB_INIT;
    lintreport_source(&out, &src, start, end);
    assert_string_equal(out.buf, want);
    sb_release(&out);
}

static void test_report_source(void **state)
{
    (void)state;
    const char *t = "l1\nl2\nl3\nl4\nl5\nl6\nl7\n";
    /* one line: two lines of context each side */
    source_is(t, 4, 4,
              "Dockerfile:4\n"
              "--------------------\n"
              "   2 |     l2\n"
              "   3 |     l3\n"
              "   4 | >>> l4\n"
              "   5 |     l5\n"
              "   6 |     l6\n"
              "--------------------\n");
    /* several lines: one of context */
    source_is(t, 3, 4,
              "Dockerfile:3\n"
              "--------------------\n"
              "   2 |     l2\n"
              "   3 | >>> l3\n"
              "   4 | >>> l4\n"
              "   5 |     l5\n"
              "--------------------\n");
    /* at the top, the context goes below; the file's final newline makes
     * an empty last line (strings.Split) */
    source_is("a\nb\n", 1, 1,
              "Dockerfile:1\n"
              "--------------------\n"
              "   1 | >>> a\n"
              "   2 |     b\n"
              "   3 |     \n"
              "--------------------\n");
    source_is("a\nb", 2, 2,
              "Dockerfile:2\n"
              "--------------------\n"
              "   1 |     a\n"
              "   2 | >>> b\n"
              "--------------------\n");
    /* no location, or past the end: nothing */
    source_is(t, 0, 0, "");
    source_is("a\n", 5, 5, "");
}

static void test_report_check_text(void **state)
{
    struct fx *f = *state;
    run(f, "FROM alpine as base\nENV a b\nCMD echo hi\n", true);
    struct sb out = SB_INIT, err = SB_INIT;
    assert_int_equal(lintreport_check(&out, &err, &f->r, &f->src), 1);
    assert_string_equal(
        out.buf,
        "Check complete, 3 warnings have been found!\n"
        "\n"
        "WARNING: FromAsCasing - "
        "https://docs.docker.com/go/dockerfile/rule/from-as-casing/\n"
        "'as' and 'FROM' keywords' casing do not match\n"
        "Dockerfile:1\n"
        "--------------------\n"
        "   1 | >>> FROM alpine as base\n"
        "   2 |     ENV a b\n"
        "   3 |     CMD echo hi\n"
        "--------------------\n"
        "\n"
        "WARNING: LegacyKeyValueFormat - "
        "https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/\n"
        "\"ENV key=value\" should be used instead of legacy \"ENV key value\" "
        "format\n"
        "Dockerfile:2\n"
        "--------------------\n"
        "   1 |     FROM alpine as base\n"
        "   2 | >>> ENV a b\n"
        "   3 |     CMD echo hi\n"
        "   4 |     \n"
        "--------------------\n"
        "\n"
        "WARNING: JSONArgsRecommended - "
        "https://docs.docker.com/go/dockerfile/rule/json-args-recommended/\n"
        "JSON arguments recommended for CMD to prevent unintended behavior "
        "related to OS signals\n"
        "Dockerfile:3\n"
        "--------------------\n"
        "   1 |     FROM alpine as base\n"
        "   2 |     ENV a b\n"
        "   3 | >>> CMD echo hi\n"
        "   4 |     \n"
        "--------------------\n");
    assert_string_equal(err.buf, "");
    sb_release(&out);
    sb_release(&err);

    /* clean: exit 0 */
    run(f, "FROM alpine\nCMD [\"sh\"]\n", true);
    assert_int_equal(lintreport_check(&out, &err, &f->r, &f->src), 0);
    assert_string_equal(out.buf, "Check complete, no warnings found.\n");
    assert_string_equal(err.buf, "");
    sb_release(&out);
    sb_release(&err);
}

static void test_report_check_errors(void **state)
{
    struct fx *f = *state;
    struct sb out = SB_INIT, err = SB_INIT;
    /* error=true: the warning, a blank line, then the error (no
     * location, so no snippet) */
    run(f, "# check=error=true\nFROM alpine as base\n", true);
    assert_int_equal(lintreport_check(&out, &err, &f->r, &f->src), 1);
    assert_non_null(strstr(out.buf, "Check complete, 1 warning has been "
                                    "found!\n\nWARNING: FromAsCasing"));
    assert_true(out.len >= 3 && strcmp(out.buf + out.len - 3, "-\n\n") == 0);
    assert_string_equal(err.buf, "ERROR: lint violation found for rules: "
                                 "FromAsCasing\n\n");
    sb_release(&out);
    sb_release(&err);
    /* a located error: the snippet of its instruction (all its lines) */
    run(f, "FROM alpine\nRUN echo \\\n  hi\nBADCMD\n", true);
    assert_int_equal(lintreport_check(&out, &err, &f->r, &f->src), 1);
    assert_string_equal(out.buf, "");
    assert_string_equal(err.buf,
                        "ERROR: dockerfile parse error on line 4: unknown "
                        "instruction: BADCMD\n"
                        "Dockerfile:4\n"
                        "--------------------\n"
                        "   2 |     RUN echo \\\n"
                        "   3 |       hi\n"
                        "   4 | >>> BADCMD\n"
                        "   5 |     \n"
                        "--------------------\n"
                        "\n");
    sb_release(&out);
    sb_release(&err);
    /* a conversion error spanning lines */
    run(f, "FROM alpine\nSTOPSIGNAL \\\n  NOPE\n", true);
    lintreport_check(&out, &err, &f->r, &f->src);
    assert_string_equal(err.buf,
                        "ERROR: invalid signal: NOPE\n"
                        "Dockerfile:2\n"
                        "--------------------\n"
                        "   1 |     FROM alpine\n"
                        "   2 | >>> STOPSIGNAL \\\n"
                        "   3 | >>>   NOPE\n"
                        "   4 |     \n"
                        "--------------------\n"
                        "\n");
    sb_release(&out);
    sb_release(&err);
}

static void test_report_json(void **state)
{
    struct fx *f = *state;
    run(f, "FROM alpine\nCMD a<b\n", true);
    struct sb out = SB_INIT;
    lintreport_json(&out, &f->r, &f->src);
    assert_string_equal(
        out.buf,
        "{\n"
        "  \"warnings\": [\n"
        "    {\n"
        "      \"ruleName\": \"JSONArgsRecommended\",\n"
        "      \"description\": \"JSON arguments recommended for "
        "ENTRYPOINT/CMD to prevent unintended behavior related to OS "
        "signals\",\n"
        "      \"url\": "
        "\"https://docs.docker.com/go/dockerfile/rule/json-args-recommended/"
        "\",\n"
        "      \"detail\": \"JSON arguments recommended for CMD to prevent "
        "unintended behavior related to OS signals\",\n"
        "      \"location\": {\n"
        "        \"ranges\": [\n"
        "          {\n"
        "            \"start\": {\n"
        "              \"line\": 2\n"
        "            },\n"
        "            \"end\": {\n"
        "              \"line\": 2\n"
        "            }\n"
        "          }\n"
        "        ]\n"
        "      }\n"
        "    }\n"
        "  ],\n"
        "  \"sources\": [\n"
        "    {\n"
        "      \"filename\": \"Dockerfile\",\n"
        "      \"data\": \"RlJPTSBhbHBpbmUKQ01EIGE8Ygo=\",\n"
        "      \"language\": \"Dockerfile\"\n"
        "    }\n"
        "  ]\n"
        "}\n");
    sb_release(&out);
    /* no warnings: null; an error without location: {} */
    run(f, "# check=error=true\nFROM alpine as x\n", true);
    lintreport_json(&out, &f->r, &f->src);
    assert_non_null(strstr(out.buf, "  \"buildError\": {\n"
                                    "    \"message\": \"lint violation found "
                                    "for rules: FromAsCasing\",\n"
                                    "    \"location\": {}\n"
                                    "  }\n}\n"));
    sb_release(&out);
    run(f, "FROM alpine\n", true);
    lintreport_json(&out, &f->r, &f->src);
    assert_non_null(strstr(out.buf, "{\n  \"warnings\": null,\n"));
    assert_null(strstr(out.buf, "buildError"));
    sb_release(&out);
    /* Go's HTML escaping in strings */
    run(f, "# check=experimental=all\n# nope\nARG x=1\nFROM scratch\n",
        true);
    lintreport_json(&out, &f->r, &f->src);
    assert_non_null(strstr(out.buf, "`# \\u003carg/stage name\\u003e "
                                    "\\u003cdescription\\u003e`"));
    sb_release(&out);
}

static void test_report_build_warnings(void **state)
{
    struct fx *f = *state;
    /* the same warning twice in one place is shown once */
    run(f, "FROM alpine\nCOPY $x $x /\n", false);
    assert_int_equal(lintreport_build_count(&f->r), 1);
    struct sb out = SB_INIT;
    lintreport_progress_warnings(&out, &f->r, 1);
    assert_string_equal(out.buf, "#1 WARN: UndefinedVar: Usage of undefined "
                                 "variable '$x' (line 2)\n");
    sb_release(&out);
    lintreport_build_warnings(&out, &f->r);
    assert_string_equal(out.buf,
                        "\n \x1b[33m1 warning found (use docker --debug to "
                        "expand):\n\x1b[0m - UndefinedVar: Usage of "
                        "undefined variable '$x' (line 2)\n");
    sb_release(&out);
    run(f, "FROM alpine as b\nCMD x\n", false);
    lintreport_build_warnings(&out, &f->r);
    assert_string_equal(
        out.buf,
        "\n \x1b[33m2 warnings found (use docker --debug to expand):\n"
        "\x1b[0m - FromAsCasing: 'as' and 'FROM' keywords' casing do not "
        "match (line 1)\n"
        " - JSONArgsRecommended: JSON arguments recommended for CMD to "
        "prevent unintended behavior related to OS signals (line 2)\n");
    sb_release(&out);
    run(f, "FROM alpine\n", false);
    lintreport_build_warnings(&out, &f->r);
    lintreport_progress_warnings(&out, &f->r, 1);
    assert_string_equal(out.buf, "");
    sb_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_source),
        cmocka_unit_test_setup_teardown(test_report_check_text, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_report_check_errors, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_report_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_build_warnings, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("lintreport", tests, NULL, NULL);
}
