/*
 * test_lint.c: the build-check machinery (lint.h) against BuildKit's
 * linter package (dockerfile-semantics.md §8): ParseLintOptions, which
 * rules run, per-instruction `# check=` comments, and the checks that
 * fire while instructions are parsed (through dockerfile_parse).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "instructions.h"
#include "lint.h"
#include "parser.h"
#include "sb.h"
#include "store.h"
#include "xmalloc.h"

/* ==================================================================== */
/* Helpers                                                              */
/* ==================================================================== */

/* Parse check options that must be valid. */
static void config_ok_at(struct lint_config *c, const char *opts, int line)
{
    static char sentinel[] = "unset";
    char *err = sentinel;
    memset(c, 0x5A, sizeof(*c)); /* the parser must reset everything */
    if (lint_config_parse(c, opts, strlen(opts), &err) != 0)
        fail_msg("line %d: \"%s\" rejected: %s", line, opts, err);
    if (err)
        fail_msg("line %d: err not NULL", line);
}

#define config_ok(c, opts) config_ok_at(c, opts, __LINE__)

static void check_config_error_at(const char *opts, const char *want,
                                  int line)
{
    struct lint_config c;
    char *err = NULL;
    int rc = lint_config_parse(&c, opts, strlen(opts), &err);
    bool ok = rc == -1 && err && strcmp(err, want) == 0;
    if (!ok)
        print_error("line %d: \"%s\" gave rc %d \"%s\", want \"%s\"\n", line,
                    opts, rc, err ? err : "(null)", want);
    free(err);
    if (!ok)
        fail();
}

#define assert_config_error(opts, want) \
    check_config_error_at(opts, want, __LINE__)

static void check_bool_at(const char *opts, bool want, int line)
{
    struct lint_config c;
    config_ok_at(&c, opts, line);
    if (c.error != want)
        fail_msg("line %d: \"%s\" gives error=%d", line, opts, c.error);
}

/* Comments as the parser stores them (spans). */
struct comments {
    struct span v[4];
    size_t n;
};

static struct comments comments_of(const char *a, const char *b)
{
    struct comments c = { { { NULL, 0 } }, 0 };
    if (a) {
        c.v[c.n].s = a;
        c.v[c.n++].len = strlen(a);
    }
    if (b) {
        c.v[c.n].s = b;
        c.v[c.n++].len = strlen(b);
    }
    return c;
}

static bool enabled_with(const struct linter *l, enum lint_rule r,
                         const char *c1, const char *c2)
{
    struct comments c = comments_of(c1, c2);
    return linter_enabled(l, r, c.v, c.n);
}

struct built {
    char *text;
    struct dockerfile df;
    struct diag_list dl;
    int rc;
};

static void build_opts(struct built *b, const char *text, size_t len,
                       const char *override)
{
    struct dockerfile_opts o;
    memset(&o, 0, sizeof(o));
    o.check_override = override;
    b->text = xmalloc(len ? len : 1);
    memcpy(b->text, text, len);
    diag_list_init(&b->dl);
    b->rc = dockerfile_parse(&b->df, b->text, len, override ? &o : NULL,
                             &b->dl);
}

#define build(b, lit) build_opts(b, lit, sizeof(lit) - 1, NULL)

static void built_release(struct built *b)
{
    dockerfile_release(&b->df);
    diag_list_release(&b->dl);
    free(b->text);
}

/* Every build-check warning as "Rule@start-end: message\n" (malloc'd). */
static char *lints(const struct built *b)
{
    struct sb out = SB_INIT;
    for (size_t i = 0; i < b->dl.n; i++) {
        const struct diag *d = &b->dl.items[i];
        if (d->kind != DIAG_LINT)
            continue;
        assert_int_equal(d->level, DIAG_WARNING);
        assert_non_null(d->rule);
        sb_addf(&out, "%s@%d-%d: %s\n", d->rule, d->start_line, d->end_line,
                d->msg);
    }
    return sb_detach(&out, NULL);
}

/* text parses (errors allowed) and gives exactly these warnings. */
static void check_lints_at(const char *text, size_t len, const char *want,
                           int line)
{
    struct built b;
    build_opts(&b, text, len, NULL);
    char *got = lints(&b);
    bool ok = strcmp(got, want) == 0;
    if (!ok)
        print_error("line %d: warnings differ\n got: %s\nwant: %s\n", line,
                    got, want);
    free(got);
    built_release(&b);
    if (!ok)
        fail();
}

#define assert_lints(lit, want) \
    check_lints_at(lit, sizeof(lit) - 1, want, __LINE__)

#define EXPERIMENTAL "# check=experimental=InvalidDefinitionDescription\n"

/* ==================================================================== */
/* The rule table                                                       */
/* ==================================================================== */

static void test_lint_rule_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < LINT_COUNT; i++) {
        const struct lint_def *r = &lint_rules[i];
        assert_non_null(r->name);
        assert_non_null(r->description);
        assert_int_equal(lint_find(r->name, strlen(r->name)), i);
        /* only InvalidDefinitionDescription is experimental */
        assert_int_equal(r->experimental,
                         i == LINT_INVALID_DEFINITION_DESCRIPTION);
        if (!r->url[0])
            continue;
        /* https://docs.docker.com/go/dockerfile/rule/<kebab-name>/ */
        struct sb want = SB_INIT;
        sb_adds(&want, "https://docs.docker.com/go/dockerfile/rule/");
        for (size_t k = 0; r->name[k]; k++) {
            char c = r->name[k];
            char prev = k ? r->name[k - 1] : 0, next = r->name[k + 1];
            bool up = c >= 'A' && c <= 'Z';
            bool prev_low = prev >= 'a' && prev <= 'z';
            bool prev_up = prev >= 'A' && prev <= 'Z';
            bool next_low = next >= 'a' && next <= 'z';
            if (k && up && (prev_low || (prev_up && next_low)))
                sb_addch(&want, '-');
            sb_addch(&want, up ? c + 32 : c);
        }
        sb_addch(&want, '/');
        assert_string_equal(r->url, want.buf);
        sb_release(&want);
    }
    assert_string_equal(lint_rules[LINT_JSON_ARGS_RECOMMENDED].url,
                        "https://docs.docker.com/go/dockerfile/rule/"
                        "json-args-recommended/");
    assert_string_equal(lint_rules[LINT_STAGE_NAME_CASING].description,
                        "Stage names should be lowercase");
    assert_string_equal(lint_rules[LINT_FROM_AS_CASING].description,
                        "The 'as' keyword should match the case of the "
                        "'from' keyword");
    assert_string_equal(lint_rules[LINT_NO_EMPTY_CONTINUATION].description,
                        "Empty continuation lines will become errors in a "
                        "future release");
    assert_string_equal(lint_rules[LINT_MAINTAINER_DEPRECATED].description,
                        "The MAINTAINER instruction is deprecated, use a "
                        "label instead to define an image author");
}

static void test_lint_find(void **state)
{
    (void)state;
    assert_int_equal(lint_find("StageNameCasing", 15),
                     LINT_STAGE_NAME_CASING);
    assert_int_equal(lint_find("FromAsCasing", 12), LINT_FROM_AS_CASING);
    assert_int_equal(lint_find("ExposeInvalidFormat", 19),
                     LINT_EXPOSE_INVALID_FORMAT);
    /* case-sensitive, whole names only */
    assert_int_equal(lint_find("stagenamecasing", 15), LINT_COUNT);
    assert_int_equal(lint_find("StageNameCasing", 14), LINT_COUNT);
    assert_int_equal(lint_find("StageNameCasingX", 16), LINT_COUNT);
    assert_int_equal(lint_find("", 0), LINT_COUNT);
    assert_int_equal(lint_find("all", 3), LINT_COUNT);
}

/* ==================================================================== */
/* lint_config_parse (ParseLintOptions)                                 */
/* ==================================================================== */

static void test_lint_config_empty(void **state)
{
    (void)state;
    struct lint_config c, zero;
    memset(&zero, 0, sizeof(zero));
    config_ok(&c, "");
    assert_memory_equal(&c, &zero, sizeof(c));
    config_ok(&c, " \t ");
    assert_memory_equal(&c, &zero, sizeof(c));
    config_ok(&c, "skip=");
    assert_memory_equal(&c, &zero, sizeof(c));
}

static void test_lint_config_skip(void **state)
{
    (void)state;
    struct lint_config c;
    config_ok(&c, "skip=all");
    assert_true(c.skip_all);
    assert_false(c.experimental_all);
    assert_false(c.error);
    assert_false(c.skip[LINT_STAGE_NAME_CASING]);

    /* spaces around keys, values and list items are trimmed */
    config_ok(&c, " skip = StageNameCasing , FromAsCasing ; error = true ");
    assert_false(c.skip_all);
    assert_true(c.skip[LINT_STAGE_NAME_CASING]);
    assert_true(c.skip[LINT_FROM_AS_CASING]);
    assert_false(c.skip[LINT_MAINTAINER_DEPRECATED]);
    assert_true(c.error);

    /* unknown and wrongly cased names are ignored, not errors */
    config_ok(&c, "skip=Foo,stagenamecasing,,MaintainerDeprecated");
    assert_false(c.skip[LINT_STAGE_NAME_CASING]);
    assert_true(c.skip[LINT_MAINTAINER_DEPRECATED]);
    /* "all" only on its own */
    config_ok(&c, "skip=all,StageNameCasing");
    assert_false(c.skip_all);
    assert_true(c.skip[LINT_STAGE_NAME_CASING]);
    config_ok(&c, "skip=ALL");
    assert_false(c.skip_all);
}

static void test_lint_config_skip_repeated(void **state)
{
    (void)state;
    /* Fixed bug, kept as a regression test: ParseLintOptions assigns skipSet = strings.Split(v, ",") for
     * every skip= part, so a later skip= list replaces an earlier one
     * (the same for experimental=). We merge both lists (spec §8.1;
     * linter.go ParseLintOptions). */

    struct lint_config c;
    config_ok(&c, "skip=StageNameCasing;skip=FromAsCasing");
    assert_false(c.skip[LINT_STAGE_NAME_CASING]);
    assert_true(c.skip[LINT_FROM_AS_CASING]);
}

static void test_lint_config_experimental(void **state)
{
    (void)state;
    struct lint_config c;
    config_ok(&c, "experimental=all");
    assert_true(c.experimental_all);
    assert_false(c.skip_all);
    config_ok(&c, "experimental= InvalidDefinitionDescription ,Nope");
    assert_false(c.experimental_all);
    assert_true(c.experimental[LINT_INVALID_DEFINITION_DESCRIPTION]);
    config_ok(&c, "skip=all;experimental=all;error=1");
    assert_true(c.skip_all);
    assert_true(c.experimental_all);
    assert_true(c.error);
}

static void test_lint_config_error_bool(void **state)
{
    (void)state;
    static const char *const yes[] = { "1", "t", "T", "TRUE", "true",
                                       "True" };
    static const char *const no[] = { "0", "f", "F", "FALSE", "false",
                                      "False" };
    char buf[64];
    for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
        snprintf(buf, sizeof(buf), "error=%s", yes[i]);
        check_bool_at(buf, true, __LINE__);
        snprintf(buf, sizeof(buf), "error=true;error=%s", no[i]);
        check_bool_at(buf, false, __LINE__);
    }
    check_bool_at("error = TRUE ", true, __LINE__);
    assert_config_error("error=yes",
                        "failed to parse check option \"error=yes\": "
                        "strconv.ParseBool: parsing \"yes\": invalid syntax");
    /* the whole value is trimmed first */
    assert_config_error("skip=all; error = TRue ",
                        "failed to parse check option \" error = TRue\": "
                        "strconv.ParseBool: parsing \"TRue\": invalid syntax");
    assert_config_error("error=",
                        "failed to parse check option \"error=\": "
                        "strconv.ParseBool: parsing \"\": invalid syntax");
    assert_config_error("error=\"1\"",
                        "failed to parse check option \"error=\\\"1\\\"\": "
                        "strconv.ParseBool: parsing \"\\\"1\\\"\": invalid "
                        "syntax");
}

static void test_lint_config_invalid(void **state)
{
    (void)state;
    /* a part without '=' is quoted whole, an unknown key alone */
    assert_config_error("foo", "invalid check option \"foo\"");
    assert_config_error("foo=bar", "invalid check option \"foo\"");
    assert_config_error(" foo =bar", "invalid check option \"foo\"");
    assert_config_error("Skip=all", "invalid check option \"Skip\"");
    assert_config_error("skip=all;", "invalid check option \"\"");
    assert_config_error("skip=all; nope ", "invalid check option \" nope\"");
    assert_config_error("a\"b=1", "invalid check option \"a\\\"b\"");
    assert_config_error("=x", "invalid check option \"\"");
    /* the first bad part wins */
    assert_config_error("foo;error=yes", "invalid check option \"foo\"");
}

static void test_lint_config_three_parts(void **state)
{
    (void)state;
    /* strings.SplitN(opts, ";", 3): the third part keeps the rest */
    assert_config_error("error=true;skip=all;error=false;bogus",
                        "failed to parse check option \"error=false;bogus\": "
                        "strconv.ParseBool: parsing \"false;bogus\": invalid "
                        "syntax");
    struct lint_config c;
    config_ok(&c, "skip=all;error=true;experimental=all;foo");
    assert_true(c.skip_all);
    assert_true(c.error);
    /* "all;foo" is a list with two unknown names */
    assert_false(c.experimental_all);
    config_ok(&c, "error=true;error=false;skip=StageNameCasing;bogus");
    assert_false(c.error);
    assert_false(c.skip[LINT_STAGE_NAME_CASING]);
}

/* ==================================================================== */
/* linter_enabled / linter_run                                          */
/* ==================================================================== */

static void test_lint_enabled_defaults(void **state)
{
    (void)state;
    struct diag_list dl = DIAG_LIST_INIT;
    struct linter l;
    linter_init(&l, NULL, &dl);
    for (size_t i = 0; i < LINT_COUNT; i++)
        assert_int_equal(linter_enabled(&l, (enum lint_rule)i, NULL, 0),
                         !lint_rules[i].experimental);
    assert_false(l.fired[LINT_STAGE_NAME_CASING]);
    diag_list_release(&dl);
}

static void test_lint_enabled_config(void **state)
{
    (void)state;
    struct diag_list dl = DIAG_LIST_INIT;
    struct lint_config c;
    struct linter l;

    config_ok(&c, "skip=all");
    linter_init(&l, &c, &dl);
    assert_false(linter_enabled(&l, LINT_STAGE_NAME_CASING, NULL, 0));
    assert_false(linter_enabled(&l, LINT_INVALID_DEFINITION_DESCRIPTION, NULL,
                                0));

    /* skip=all does not turn off an experimental rule enabled by name */
    config_ok(&c, "skip=all;experimental=InvalidDefinitionDescription");
    linter_init(&l, &c, &dl);
    assert_false(linter_enabled(&l, LINT_MAINTAINER_DEPRECATED, NULL, 0));
    assert_true(linter_enabled(&l, LINT_INVALID_DEFINITION_DESCRIPTION, NULL,
                               0));
    config_ok(&c, "experimental=all;skip=all");
    linter_init(&l, &c, &dl);
    assert_true(linter_enabled(&l, LINT_INVALID_DEFINITION_DESCRIPTION, NULL,
                               0));

    config_ok(&c, "skip=FromAsCasing");
    linter_init(&l, &c, &dl);
    assert_false(linter_enabled(&l, LINT_FROM_AS_CASING, NULL, 0));
    assert_true(linter_enabled(&l, LINT_STAGE_NAME_CASING, NULL, 0));
    /* linter_init copies the configuration */
    c.skip[LINT_STAGE_NAME_CASING] = true;
    assert_true(linter_enabled(&l, LINT_STAGE_NAME_CASING, NULL, 0));
    diag_list_release(&dl);
}

static void test_lint_enabled_comments(void **state)
{
    (void)state;
    struct diag_list dl = DIAG_LIST_INIT;
    struct linter l;
    linter_init(&l, NULL, &dl);
    enum lint_rule snc = LINT_STAGE_NAME_CASING, fac = LINT_FROM_AS_CASING;

    assert_false(enabled_with(&l, snc, "check=skip=StageNameCasing", NULL));
    assert_true(enabled_with(&l, fac, "check=skip=StageNameCasing", NULL));
    /* anywhere among the doc comments */
    assert_false(enabled_with(&l, snc, "hello", "check=skip=StageNameCasing"));
    assert_false(enabled_with(&l, snc, "check = skip=all", NULL));
    assert_false(enabled_with(&l, snc, "CHECK=skip=StageNameCasing", NULL));
    /* only the first check comment counts */
    assert_true(enabled_with(&l, snc, "check=skip=FromAsCasing",
                             "check=skip=StageNameCasing"));
    assert_false(enabled_with(&l, fac, "check=skip=FromAsCasing",
                              "check=skip=StageNameCasing"));
    /* an invalid one is ignored (and still the one that counts) */
    assert_true(enabled_with(&l, snc, "check=foo",
                             "check=skip=StageNameCasing"));
    assert_true(enabled_with(&l, snc, "check=error=maybe", NULL));
    /* only the first word of the value */
    assert_false(enabled_with(&l, snc, "check=skip=all trailing words", NULL));
    assert_true(enabled_with(&l, snc, "check=skip=FromAsCasing, "
                                      "StageNameCasing", NULL));
    /* not check comments */
    assert_true(enabled_with(&l, snc, "skip=StageNameCasing", NULL));
    assert_true(enabled_with(&l, snc, "checks=skip=all", NULL));
    assert_true(enabled_with(&l, snc, "# check=skip=all", NULL));
    /* experimental rules can be enabled per instruction */
    assert_false(enabled_with(&l, LINT_INVALID_DEFINITION_DESCRIPTION, "x",
                              NULL));
    assert_true(enabled_with(&l, LINT_INVALID_DEFINITION_DESCRIPTION,
                             "check=experimental=all", NULL));
    /* a comment can only add skips, never re-enable */
    struct lint_config c;
    config_ok(&c, "skip=StageNameCasing");
    linter_init(&l, &c, &dl);
    assert_false(enabled_with(&l, snc, "check=skip=FromAsCasing", NULL));
    diag_list_release(&dl);
}

static void test_lint_run(void **state)
{
    (void)state;
    struct diag_list dl = DIAG_LIST_INIT;
    struct lint_config c;
    struct linter l;
    config_ok(&c, "skip=FromAsCasing");
    linter_init(&l, &c, &dl);

    linter_run(&l, LINT_STAGE_NAME_CASING, 3, 4, NULL, 0, "Stage name 'A'");
    linter_run(&l, LINT_FROM_AS_CASING, 5, 5, NULL, 0, "skipped");
    /* a NULL message means the rule's description */
    linter_run(&l, LINT_MAINTAINER_DEPRECATED, 6, 6, NULL, 0, NULL);
    struct comments cm = comments_of("check=skip=MaintainerDeprecated", NULL);
    linter_run(&l, LINT_MAINTAINER_DEPRECATED, 7, 7, cm.v, cm.n, "x");

    assert_int_equal(dl.n, 2);
    assert_int_equal(dl.items[0].level, DIAG_WARNING);
    assert_int_equal(dl.items[0].kind, DIAG_LINT);
    assert_string_equal(dl.items[0].rule, "StageNameCasing");
    assert_string_equal(dl.items[0].msg, "Stage name 'A'");
    assert_int_equal(dl.items[0].start_line, 3);
    assert_int_equal(dl.items[0].end_line, 4);
    assert_string_equal(dl.items[1].rule, "MaintainerDeprecated");
    assert_string_equal(dl.items[1].msg,
                        lint_rules[LINT_MAINTAINER_DEPRECATED].description);
    assert_true(l.fired[LINT_STAGE_NAME_CASING]);
    assert_true(l.fired[LINT_MAINTAINER_DEPRECATED]);
    assert_false(l.fired[LINT_FROM_AS_CASING]);
    assert_false(l.fired[LINT_NO_EMPTY_CONTINUATION]);
    diag_list_release(&dl);
}

/* ==================================================================== */
/* Checks raised by dockerfile_parse (§8.2, layer 3)                    */
/* ==================================================================== */

static void test_lint_stage_name_casing(void **state)
{
    (void)state;
    assert_lints("FROM x AS Foo",
                 "StageNameCasing@1-1: Stage name 'Foo' should be lowercase\n");
    assert_lints("FROM x AS foo\nFROM y AS bar-1\nFROM z", "");
    assert_lints("FROM x AS FOO\nFROM y \\\n  AS bAr",
                 "StageNameCasing@1-1: Stage name 'FOO' should be lowercase\n"
                 "StageNameCasing@2-3: Stage name 'bAr' should be "
                 "lowercase\n");
    /* the Kelvin sign: the name is "k", as written it is not */
    assert_lints("FROM x AS \xe2\x84\xaa",
                 "StageNameCasing@1-1: Stage name '\xe2\x84\xaa' should be "
                 "lowercase\n");
}

static void test_lint_from_as_casing(void **state)
{
    (void)state;
    assert_lints("FROM a as b",
                 "FromAsCasing@1-1: 'as' and 'FROM' keywords' casing do not "
                 "match\n");
    assert_lints("from a AS b",
                 "FromAsCasing@1-1: 'AS' and 'from' keywords' casing do not "
                 "match\n");
    assert_lints("FROM a As b",
                 "FromAsCasing@1-1: 'As' and 'FROM' keywords' casing do not "
                 "match\n");
    assert_lints("from a aS b",
                 "FromAsCasing@1-1: 'aS' and 'from' keywords' casing do not "
                 "match\n");
    /* matching cases, or a mixed-case FROM: nothing */
    assert_lints("FROM a AS b\nfrom c as d\nFrom e as f\nfROM g AS h", "");
    /* no AS at all */
    assert_lints("from a\nFROM b", "");
}

static void test_lint_from_both_checks(void **state)
{
    (void)state;
    struct built b;
    build(&b, "FROM a as Foo");
    char *got = lints(&b);
    /* StageNameCasing, then FromAsCasing */
    assert_string_equal(got, "StageNameCasing@1-1: Stage name 'Foo' should be "
                             "lowercase\nFromAsCasing@1-1: 'as' and 'FROM' "
                             "keywords' casing do not match\n");
    free(got);
    assert_true(b.df.lint.fired[LINT_STAGE_NAME_CASING]);
    assert_true(b.df.lint.fired[LINT_FROM_AS_CASING]);
    built_release(&b);
}

static void test_lint_from_checks_before_errors(void **state)
{
    (void)state;
    /* Fixed bug, kept as a regression test: ParseInstructionWithLinter runs StageNameCasing (any 3 words,
     * isLowerCaseStageName) and FromAsCasing (3 or more words,
     * doesFromCaseMatchAsCase) before parseFrom, so they are reported
     * even when the FROM then fails (arity, stage name, flags). We run
     * them only after a successful parse (spec §4.2, §8.2;
     * instructions/parse.go ParseInstructionWithLinter). */

    assert_lints("FROM x AS F/o",
                 "StageNameCasing@1-1: Stage name 'F/o' should be "
                 "lowercase\n");
    assert_lints("FROM a as b c",
                 "FromAsCasing@1-1: 'as' and 'FROM' keywords' casing do not "
                 "match\n");
    assert_lints("FROM --foo x AS Foo",
                 "StageNameCasing@1-1: Stage name 'Foo' should be "
                 "lowercase\n");
    assert_lints("FROM x xs Foo",
                 "StageNameCasing@1-1: Stage name 'Foo' should be "
                 "lowercase\nFromAsCasing@1-1: 'xs' and 'FROM' keywords' "
                 "casing do not match\n");
}

static void test_lint_maintainer_deprecated(void **state)
{
    (void)state;
    assert_lints("FROM x\nMAINTAINER me",
                 "MaintainerDeprecated@2-2: Maintainer instruction is "
                 "deprecated in favor of using label\n");
    /* also when MAINTAINER then fails its argument count */
    struct built b;
    build(&b, "FROM x AS Foo\nMAINTAINER\nRUN a");
    assert_int_equal(b.rc, -1);
    assert_int_equal(b.dl.n, 3);
    assert_string_equal(b.dl.items[0].rule, "StageNameCasing");
    assert_string_equal(b.dl.items[1].rule, "MaintainerDeprecated");
    assert_int_equal(b.dl.items[1].start_line, 2);
    assert_int_equal(b.dl.items[2].level, DIAG_ERROR);
    assert_string_equal(b.dl.items[2].msg,
                        "dockerfile parse error on line 2: MAINTAINER "
                        "requires exactly one argument");
    built_release(&b);
    /* and when its flags are bad */
    assert_lints("FROM x\nMAINTAINER --x me",
                 "MaintainerDeprecated@2-2: Maintainer instruction is "
                 "deprecated in favor of using label\n");
    /* an ONBUILD MAINTAINER is an error, not this warning */
    assert_lints("FROM x\nONBUILD MAINTAINER me", "");
}

static void test_lint_no_empty_continuation(void **state)
{
    (void)state;
    struct built b;
    build(&b, "FROM x\nRUN a \\\n\nb\nRUN c \\\n  \n\nd");
    assert_int_equal(b.rc, 0);
    char *got = lints(&b);
    assert_string_equal(got, "NoEmptyContinuation@4-4: Empty continuation "
                             "line\nNoEmptyContinuation@8-8: Empty "
                             "continuation line\n");
    free(got);
    /* the parser's own warnings stay */
    assert_int_equal(b.dl.n, 4);
    assert_int_equal(b.dl.items[0].kind, DIAG_PARSE_WARNING);
    assert_string_equal(b.dl.items[0].msg,
                        "Empty continuation line found in: RUN a b");
    built_release(&b);

    build(&b, "# check=skip=NoEmptyContinuation\nFROM x\nRUN a \\\n\nb");
    assert_int_equal(b.dl.n, 1);
    assert_int_equal(b.dl.items[0].kind, DIAG_PARSE_WARNING);
    built_release(&b);
}

static void test_lint_definition_description(void **state)
{
    (void)state;
    /* experimental: off unless enabled */
    assert_lints("FROM x\n# bar this is bar\nARG foo", "");
    assert_lints(EXPERIMENTAL "FROM x\n# bar this is bar\nARG foo",
                 "InvalidDefinitionDescription@4-4: Comment for ARG should "
                 "follow the format: `# foo <description>`\n");
    assert_lints(EXPERIMENTAL "# nope\nARG foo bar\nFROM x",
                 "InvalidDefinitionDescription@3-3: Comment for ARG should "
                 "follow the format: `# <arg_key> <description>`\n");
    assert_lints(EXPERIMENTAL "# nope\nFROM x AS build",
                 "InvalidDefinitionDescription@3-3: Comment for FROM should "
                 "follow the format: `# build <description>`\n");
    /* well-formed descriptions, any of the keys */
    assert_lints(EXPERIMENTAL "# foo this is foo\nARG foo\nFROM x\n"
                 "# bar=1 no\n# bar\nARG foo bar=1\n"
                 "# build builds\nFROM y AS Build\n",
                 "StageNameCasing@9-9: Stage name 'Build' should be "
                 "lowercase\n");
    /* no comment, or a FROM without a stage name: nothing */
    assert_lints(EXPERIMENTAL "ARG foo\n# nope\nFROM x\n\nARG bar", "");
}

static void test_lint_definition_description_comments(void **state)
{
    (void)state;
    /* blank lines do not end the block, a bare # does */
    assert_lints(EXPERIMENTAL "FROM x\n# bar\n\nARG foo",
                 "InvalidDefinitionDescription@5-5: Comment for ARG should "
                 "follow the format: `# foo <description>`\n");
    assert_lints(EXPERIMENTAL "FROM x\n# bar\n#\nARG foo", "");
    /* only the last comment line counts */
    assert_lints(EXPERIMENTAL "FROM x\n# foo is foo\n# more\nARG foo",
                 "InvalidDefinitionDescription@5-5: Comment for ARG should "
                 "follow the format: `# foo <description>`\n");
    assert_lints(EXPERIMENTAL "FROM x\n# other\n# foo is foo\nARG foo", "");
    /* the first word is split at ' ' only */
    assert_lints(EXPERIMENTAL "FROM x\n# foo\tis foo\nARG foo",
                 "InvalidDefinitionDescription@4-4: Comment for ARG should "
                 "follow the format: `# foo <description>`\n");
    /* the directive line itself is not a doc comment */
    assert_lints(EXPERIMENTAL "ARG foo\nFROM x", "");
}

static void test_lint_skip_all(void **state)
{
    (void)state;
    assert_lints("# check=skip=all\nFROM x as Foo\nMAINTAINER me\n"
                 "RUN a \\\n\nb", "");
    /* only the listed rules */
    assert_lints("# check=skip=StageNameCasing\nFROM x as Foo",
                 "FromAsCasing@2-2: 'as' and 'FROM' keywords' casing do not "
                 "match\n");
    /* only the first word of the directive: skip=all */
    assert_lints("# check=skip=all and more\nFROM x AS Foo", "");
    /* after a shebang the directive still applies */
    assert_lints("#!/bin/sh\n# check=skip=all\nFROM x AS Foo", "");
    /* per instruction */
    assert_lints("FROM x AS Foo\n# check=skip=StageNameCasing\n"
                 "FROM y as Bar\nFROM z AS Baz",
                 "StageNameCasing@1-1: Stage name 'Foo' should be "
                 "lowercase\n"
                 "FromAsCasing@3-3: 'as' and 'FROM' keywords' casing do not "
                 "match\n"
                 "StageNameCasing@4-4: Stage name 'Baz' should be "
                 "lowercase\n");
    assert_lints("FROM x\n# check=skip=MaintainerDeprecated\nMAINTAINER me",
                 "");
}

static void test_lint_check_option_error(void **state)
{
    (void)state;
    struct built b;
    build(&b, "# check=foo\nFROM x AS Foo\nENV a");
    assert_int_equal(b.rc, -1);
    /* the parse still happens quietly, so the AST can be shown */
    assert_false(b.df.parsed); /* ENV a fails in the parser */
    assert_int_equal(b.dl.n, 1);
    assert_int_equal(b.dl.items[0].level, DIAG_ERROR);
    assert_int_equal(b.dl.items[0].kind, DIAG_CHECK_OPTION);
    assert_string_equal(b.dl.items[0].msg,
                        "failed to parse check options: invalid check option "
                        "\"foo\"");
    assert_int_equal(b.dl.items[0].start_line, 0);
    built_release(&b);

    build(&b, "# check=error=yes\nFROM x AS Foo");
    assert_int_equal(b.rc, -1);
    assert_true(b.df.parsed);
    assert_int_equal(b.dl.n, 1);
    assert_string_equal(b.dl.items[0].msg,
                        "failed to parse check options: failed to parse "
                        "check option \"error=yes\": strconv.ParseBool: "
                        "parsing \"yes\": invalid syntax");
    built_release(&b);

    /* a check= line that is not a directive is not read */
    build(&b, "FROM x\n# check=foo\nRUN a");
    assert_int_equal(b.rc, 0);
    built_release(&b);
}

static void test_lint_check_override(void **state)
{
    (void)state;
    static const char text[] = "# check=error=true\nFROM x AS Foo";
    struct built b;
    /* BUILDKIT_DOCKERFILE_CHECK replaces the directive */
    build_opts(&b, text, sizeof(text) - 1, "skip=all");
    assert_int_equal(b.rc, 0);
    assert_true(b.df.check.skip_all);
    assert_false(b.df.check.error);
    assert_int_equal(b.dl.n, 0);
    built_release(&b);

    build_opts(&b, text, sizeof(text) - 1, NULL);
    assert_true(b.df.check.error);
    assert_true(b.df.lint.fired[LINT_STAGE_NAME_CASING]);
    assert_int_equal(b.dl.n, 1);
    built_release(&b);

    build_opts(&b, text, sizeof(text) - 1, "bogus");
    assert_int_equal(b.rc, -1);
    assert_int_equal(b.dl.n, 1);
    assert_int_equal(b.dl.items[0].kind, DIAG_CHECK_OPTION);
    built_release(&b);
}

static void test_lint_check_override_whole_value(void **state)
{
    (void)state;
    /* Fixed bug, kept as a regression test: the build argument is handed whole to ParseLintOptions (only
     * the `# check=` directive is cut at its first space), and its error
     * is wrapped as "failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK:
     * ..." (dockerui/config.go init). We cut the override at the first
     * space and use the directive's "failed to parse check options: "
     * (spec §8.1). */

    static const char text[] = "FROM a as Foo";
    struct built b;
    build_opts(&b, text, sizeof(text) - 1,
               "skip=StageNameCasing, FromAsCasing");
    assert_int_equal(b.rc, 0);
    assert_int_equal(b.dl.n, 0);
    built_release(&b);
    build_opts(&b, text, sizeof(text) - 1, "skip=all and more");
    assert_int_equal(b.dl.n, 2); /* "all and more" is not "all" */
    built_release(&b);
    build_opts(&b, text, sizeof(text) - 1, "bogus");
    assert_int_equal(b.rc, -1);
    assert_string_equal(b.dl.items[0].msg,
                        "failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: "
                        "invalid check option \"bogus\"");
    built_release(&b);
}

/* ==================================================================== */
/* Layer 4: the checks of the conversion (build.c), through build_run   */
/* ==================================================================== */

struct run {
    struct store st;
    struct build_result r;
    struct build_opts o;
    struct build_context ctx;
    struct build_file files[4];
    struct build_arg args[4];
    int rc;
};

static void run_init(struct run *x)
{
    memset(x, 0, sizeof(*x));
    store_init(&x->st);
    x->o.ctx = &x->ctx;
    x->ctx.files = x->files;
}

static void run_file(struct run *x, const char *path, const char *data,
                     unsigned mode)
{
    struct build_file *f = &x->files[x->ctx.n_files++];
    f->path = path;
    f->data = data;
    f->len = strlen(data);
    f->mode = mode;
}

/* Build (or --check) text; warnings as "Rule@line: message\n". */
static char *run_lints(struct run *x, const char *text, bool check)
{
    build_result_release(&x->r);
    x->o.check = check;
    x->rc = build_run(&x->st, text, strlen(text), &x->o, &x->r);
    struct sb out = SB_INIT;
    for (size_t i = 0; i < x->r.diags.n; i++) {
        const struct diag *d = &x->r.diags.items[i];
        if (d->kind == DIAG_LINT)
            sb_addf(&out, "%s@%d: %s\n", d->rule, d->start_line, d->msg);
    }
    return sb_detach(&out, NULL);
}

static void run_release(struct run *x)
{
    build_result_release(&x->r);
    store_release(&x->st);
}

#define assert_run_lints(x, text, check, want)                          \
    do {                                                                \
        char *got_ = run_lints(x, text, check);                         \
        assert_string_equal(got_, want);                                \
        free(got_);                                                     \
    } while (0)

/* Every stage's checks run before anything is executed: a COPY that
 * fails at run time does not hide the warnings after it. */
static void test_lint_build_warnings_before_run_errors(void **state)
{
    (void)state;
    struct run x;
    run_init(&x);
    assert_run_lints(&x,
                 "FROM scratch\n"
                 "COPY missing.txt /\n"
                 "CMD run\n",
                 false,
                 "JSONArgsRecommended@3: JSON arguments recommended for CMD "
                 "to prevent unintended behavior related to OS signals\n");
    assert_int_equal(x.rc, 1);
    assert_int_equal(x.r.error_line, 2);
    assert_non_null(strstr(x.r.error, "\"/missing.txt\": not found"));
    /* --check converts only: no run-time error at all */
    free(run_lints(&x, "FROM scratch\nCOPY missing.txt /\n", true));
    assert_int_equal(x.rc, 0);
    assert_null(x.r.error);
    run_release(&x);
}

/* error=true fails after the conversion, before any step runs; the
 * error has no location */
static void test_lint_build_error_true(void **state)
{
    (void)state;
    struct run x;
    run_init(&x);
    free(run_lints(&x,
                   "# check=error=true\n"
                   "FROM alpine as base\n"
                   "RUN false\n",
                   false));
    assert_int_equal(x.rc, 1);
    assert_string_equal(x.r.error,
                        "lint violation found for rules: FromAsCasing");
    assert_int_equal(x.r.error_line, 0);
    assert_null(x.r.image);
    for (size_t i = 0; i < x.r.n_steps; i++) /* RUN false never ran */
        assert_null(strstr(x.r.steps[i].name, "RUN"));
    /* no warning: the build runs */
    free(run_lints(&x, "# check=error=true\nFROM alpine AS base\n", false));
    assert_int_equal(x.rc, 0);
    run_release(&x);
}

/* A build reports the target and what it needs; --check all stages, or
 * the --target stage and what it needs. */
static void test_lint_build_stages_checked(void **state)
{
    (void)state;
    struct run x;
    run_init(&x);
    const char *df = "FROM scratch AS a\n"
                     "CMD one\n"
                     "FROM scratch AS b\n"
                     "ENV k v\n"
                     "FROM a AS c\n";
    assert_run_lints(&x, df, false,
                 "JSONArgsRecommended@2: JSON arguments recommended for CMD "
                 "to prevent unintended behavior related to OS signals\n");
    assert_int_equal(x.r.n_checked_stages, 2);
    assert_run_lints(&x, df, true,
                 "JSONArgsRecommended@2: JSON arguments recommended for CMD "
                 "to prevent unintended behavior related to OS signals\n"
                 "LegacyKeyValueFormat@4: \"ENV key=value\" should be used "
                 "instead of legacy \"ENV key value\" format\n");
    assert_int_equal(x.r.n_checked_stages, 3);
    x.o.target = "B";
    assert_run_lints(&x, df, true,
                 "LegacyKeyValueFormat@4: \"ENV key=value\" should be used "
                 "instead of legacy \"ENV key value\" format\n");
    x.o.target = NULL;
    run_release(&x);
}

static void test_lint_build_copy_ignored_file(void **state)
{
    (void)state;
    struct run x;
    run_init(&x);
    run_file(&x, "app.py", "print(1)\n", 0644);
    run_file(&x, "notes.md", "x\n", 0644);
    x.ctx.dockerignore = "# comment\n*.md\n/secret/\n";
    assert_run_lints(&x,
                 "FROM scratch\n"
                 "COPY ./app.py notes.md /app/\n"
                 "ADD secret/key /k\n"
                 "COPY . /all\n"
                 "COPY --from=alpine notes.md /n\n",
                 true,
                 "CopyIgnoredFile@2: Attempting to Copy file \"notes.md\" "
                 "that is excluded by .dockerignore\n"
                 "CopyIgnoredFile@3: Attempting to Add file \"secret/key\" "
                 "that is excluded by .dockerignore\n");
    /* the build: ignored files are not in the context */
    free(run_lints(&x, "FROM scratch\nCOPY notes.md /\n", false));
    assert_int_equal(x.rc, 1);
    assert_non_null(strstr(x.r.error, "\"/notes.md\": not found"));
    /* a `!` exception: not judged (BuildKit cannot tell statically) */
    x.ctx.dockerignore = "*.md\n!README.md\n";
    assert_run_lints(&x, "FROM scratch\nCOPY notes.md /\n", true, "");
    /* the context root: only when every entry is excluded */
    x.ctx.dockerignore = "*\n";
    assert_run_lints(&x, "FROM scratch\nCOPY . /\n", true,
                 "CopyIgnoredFile@2: Attempting to Copy file \".\" that is "
                 "excluded by .dockerignore\n");
    free(run_lints(&x, "FROM scratch\nCOPY . /\n", false));
    assert_int_equal(x.rc, 0); /* an empty context copies fine */
    x.ctx.dockerignore = ".*\n";
    assert_run_lints(&x, "FROM scratch\nCOPY . /\n", true, "");
    run_release(&x);
}

static void test_lint_build_platform(void **state)
{
    (void)state;
    struct run x;
    run_init(&x);
    assert_run_lints(&x, "FROM --platform=${TARGETPLATFORM} scratch\n", true,
                 "RedundantTargetPlatform@1: Setting platform to predefined "
                 "${TARGETPLATFORM} in FROM is redundant as this is the "
                 "default behavior\n");
    /* a constant: allowed when the stage name has the OS or the arch */
    assert_run_lints(&x, "FROM --platform=linux/arm64 scratch AS x\n", true,
                 "FromPlatformFlagConstDisallowed@1: FROM --platform flag "
                 "should not use constant value \"linux/arm64\"\n");
    assert_run_lints(&x, "FROM --platform=linux/arm64 scratch AS build-arm64\n",
                 true, "");
    assert_run_lints(&x, "FROM --platform=Linux/AArch64 scratch AS b-arm64\n",
                 true, "");
    /* errors: empty value, invalid specifier, with a suggestion */
    assert_run_lints(&x, "ARG MY_ARCH=amd64\nFROM --platform=$MYARCH scratch\n",
                 true,
                 "UndefinedArgInFrom@2: FROM argument 'MYARCH' is not "
                 "declared (did you mean MY_ARCH?)\n");
    assert_string_equal(x.r.error, "empty platform value from expression "
                                   "$MYARCH (did you mean MY_ARCH?)");
    assert_int_equal(x.r.error_line, 2);
    free(run_lints(&x, "FROM --platform=linux/x86_64/v1/extra scratch\n",
                   true));
    assert_string_equal(x.r.error,
                        "failed to parse platform linux/x86_64/v1/extra: "
                        "\"linux/x86_64/v1/extra\": cannot parse platform "
                        "specifier: invalid argument");
    free(run_lints(&x, "FROM --platform=l!nux scratch\n", true));
    assert_string_equal(x.r.error,
                        "failed to parse platform l!nux: \"l!nux\" is an "
                        "invalid OS component of \"l!nux\": OSAndVersion "
                        "specifier component must match \"^([A-Za-z0-9_-]+)"
                        "(?:\\\\(([A-Za-z0-9_.-]*)\\\\))?$\": invalid "
                        "argument");
    free(run_lints(&x, "FROM --platform=pdp11 scratch\n", true));
    assert_string_equal(x.r.error,
                        "failed to parse platform pdp11: \"pdp11\": unknown "
                        "operating system or architecture: invalid argument");
    run_release(&x);
}

static void test_lint_build_default_arg_in_from(void **state)
{
    (void)state;
    struct run x;
    run_init(&x);
    x.o.args = x.args;
    x.args[0].key = "TAG";
    x.args[0].value = "3.21";
    x.o.n_args = 1;
    /* only the defaults count: the build argument does not hide it */
    assert_run_lints(&x, "ARG TAG\nFROM alpine:${TAG}\n", true,
                 "InvalidDefaultArgInFrom@2: Default value for ARG "
                 "alpine:${TAG} results in empty or invalid base image "
                 "name\n");
    assert_run_lints(&x, "ARG TAG=3.21\nFROM alpine:${TAG}\n", true, "");
    assert_run_lints(&x, "ARG TAG\nFROM alpine${TAG:+:}${TAG}\n", true, "");
    x.o.n_args = 0;
    /* declared without a value: no UndefinedArgInFrom, and the
     * suggestion looks at every global ARG */
    assert_run_lints(&x, "ARG BASE\nFROM ${BASE:-alpine}\n", true, "");
    assert_run_lints(&x,
                     "ARG VARIANT\nFROM alpine AS x\nFROM scratch${VARIANTT}\n",
                     true,
                 "UndefinedArgInFrom@3: FROM argument 'VARIANTT' is not "
                 "declared (did you mean VARIANT?)\n");
    run_release(&x);
}

/* ExpandRaw: a heredoc's $variables are checked too */
static void test_lint_build_heredoc_undefined_var(void **state)
{
    (void)state;
    struct run x;
    run_init(&x);
    assert_run_lints(&x,
                 "FROM scratch\n"
                 "ENV NAME=x\n"
                 "COPY <<EOF /f\n"
                 "$NAME $NAMEE\n"
                 "EOF\n"
                 "COPY <<'EOF' /g\n"
                 "$NOPE\n"
                 "EOF\n",
                 true,
                 "UndefinedVar@3: Usage of undefined variable '$NAMEE' (did "
                 "you mean $NAME?)\n");
    run_release(&x);
}

/* A stage builds only on an earlier one; COPY --from cycles fail. */
static void test_lint_build_stage_order(void **state)
{
    (void)state;
    struct run x;
    run_init(&x);
    assert_run_lints(&x, "FROM scratch AS scratch\n", true,
                 "ReservedStageName@1: Stage name should not use the same "
                 "name as reserved stage \"scratch\"\n");
    assert_int_equal(x.rc, 0);
    free(run_lints(&x,
                   "FROM scratch AS a\nCOPY --from=b / /\n"
                   "FROM scratch AS b\nCOPY --from=a / /\n",
                   true));
    assert_string_equal(x.r.error, "circular dependency detected on stage: a");
    run_release(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lint_rule_table),
        cmocka_unit_test(test_lint_find),
        cmocka_unit_test(test_lint_config_empty),
        cmocka_unit_test(test_lint_config_skip),
        cmocka_unit_test(test_lint_config_skip_repeated),
        cmocka_unit_test(test_lint_config_experimental),
        cmocka_unit_test(test_lint_config_error_bool),
        cmocka_unit_test(test_lint_config_invalid),
        cmocka_unit_test(test_lint_config_three_parts),
        cmocka_unit_test(test_lint_enabled_defaults),
        cmocka_unit_test(test_lint_enabled_config),
        cmocka_unit_test(test_lint_enabled_comments),
        cmocka_unit_test(test_lint_run),
        cmocka_unit_test(test_lint_stage_name_casing),
        cmocka_unit_test(test_lint_from_as_casing),
        cmocka_unit_test(test_lint_from_both_checks),
        cmocka_unit_test(test_lint_from_checks_before_errors),
        cmocka_unit_test(test_lint_maintainer_deprecated),
        cmocka_unit_test(test_lint_no_empty_continuation),
        cmocka_unit_test(test_lint_definition_description),
        cmocka_unit_test(test_lint_definition_description_comments),
        cmocka_unit_test(test_lint_skip_all),
        cmocka_unit_test(test_lint_check_option_error),
        cmocka_unit_test(test_lint_check_override),
        cmocka_unit_test(test_lint_check_override_whole_value),
        cmocka_unit_test(test_lint_build_warnings_before_run_errors),
        cmocka_unit_test(test_lint_build_error_true),
        cmocka_unit_test(test_lint_build_stages_checked),
        cmocka_unit_test(test_lint_build_copy_ignored_file),
        cmocka_unit_test(test_lint_build_platform),
        cmocka_unit_test(test_lint_build_default_arg_in_from),
        cmocka_unit_test(test_lint_build_heredoc_undefined_var),
        cmocka_unit_test(test_lint_build_stage_order),
    };
    return cmocka_run_group_tests_name("lint", tests, NULL, NULL);
}
