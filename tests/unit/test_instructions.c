/*
 * test_instructions.c: dockerfile_parse (layers 1-3) against BuildKit's
 * instructions.Parse (dockerfile-semantics.md §1, §4, §7.2): every error
 * message with its "dockerfile parse error on line N:" prefix and order,
 * flags, stages, and the typed values each instruction produces. Also
 * go_parse_duration / go_format_duration against Go 1.19's time package.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "instructions.h"
#include "sb.h"
#include "xmalloc.h"

/* ==================================================================== */
/* Helpers                                                              */
/* ==================================================================== */

struct built {
    char *text;
    struct dockerfile df;
    struct diag_list dl;
    int rc;
};

static void build_n(struct built *b, const char *text, size_t len)
{
    b->text = xmalloc(len ? len : 1);
    memcpy(b->text, text, len);
    diag_list_init(&b->dl);
    b->rc = dockerfile_parse(&b->df, b->text, len, NULL, &b->dl);
}

static void built_release(struct built *b)
{
    dockerfile_release(&b->df);
    diag_list_release(&b->dl);
    free(b->text);
}

static const char *first_error(const struct built *b)
{
    const struct diag *d = diag_first_error(&b->dl);
    return d ? d->msg : "(no error)";
}

static void build_ok_at(struct built *b, const char *text, size_t len,
                        int line)
{
    build_n(b, text, len);
    if (b->rc != 0 || diag_count(&b->dl, DIAG_ERROR))
        fail_msg("line %d: dockerfile_parse failed: %s", line,
                 first_error(b));
}

#define build_ok(b, lit) build_ok_at(b, lit, sizeof(lit) - 1, __LINE__)
#define build_lit(b, lit) build_n(b, lit, sizeof(lit) - 1)

/* text must fail in layer 3 with exactly msg at lines start..end. */
static void check_instr_error_at(const char *text, size_t len,
                                 const char *want, int start, int end,
                                 int line)
{
    struct built b;
    build_n(&b, text, len);
    const struct diag *d = diag_first_error(&b.dl);
    bool ok = b.rc == -1 && d && d->kind == DIAG_INSTR &&
              d->level == DIAG_ERROR && strcmp(d->msg, want) == 0 &&
              d->start_line == start && d->end_line == end && b.df.parsed &&
              diag_count(&b.dl, DIAG_ERROR) == 1;
    if (!ok)
        print_error("line %d: rc %d, error \"%s\" (%d-%d), want \"%s\" "
                    "(%d-%d)\n", line, b.rc, d ? d->msg : "(none)",
                    d ? d->start_line : -1, d ? d->end_line : -1, want, start,
                    end);
    built_release(&b);
    if (!ok)
        fail();
}

#define PREFIX2 "dockerfile parse error on line 2: "

/* A whole file failing at lines start..end. */
#define assert_instr_error(lit, want, start, end) \
    check_instr_error_at(lit, sizeof(lit) - 1, want, start, end, __LINE__)

/* body follows "FROM x\n" and fails on line 2 (the prefix is added). */
#define assert_error2(body, want)                                         \
    check_instr_error_at("FROM x\n" body, sizeof("FROM x\n" body) - 1,    \
                         PREFIX2 want, 2, 2, __LINE__)

/* ... for an instruction at lines start..end */
#define assert_error2_lines(body, want, start, end)                       \
    check_instr_error_at("FROM x\n" body, sizeof("FROM x\n" body) - 1,    \
                         PREFIX2 want, start, end, __LINE__)

/* body follows "FROM x\n" and must be accepted. */
#define assert_ok2(body)                                                  \
    do {                                                                  \
        struct built b_;                                                  \
        build_ok_at(&b_, "FROM x\n" body, sizeof("FROM x\n" body) - 1,    \
                    __LINE__);                                            \
        built_release(&b_);                                               \
    } while (0)

static void check_span_at(struct span s, const char *want, size_t want_len,
                          int line)
{
    if (s.len != want_len || (want_len && memcmp(s.s, want, want_len) != 0))
        fail_msg("line %d: span is \"%.*s\" (%zu bytes), want \"%s\"", line,
                 (int)s.len, s.s ? s.s : "", s.len, want);
}

#define assert_span(s, lit) check_span_at(s, lit, sizeof(lit) - 1, __LINE__)

/* The i-th instruction of the last stage. */
static const struct instr *cmd_of(const struct built *b, size_t i)
{
    assert_true(b->df.n_stages > 0);
    const struct stage *st = &b->df.stages[b->df.n_stages - 1];
    assert_true(i < st->n_cmds);
    return st->cmds[i];
}

static void check_duration_at(const char *s, int64_t want, int line)
{
    int64_t ns = 12345;
    char *err = NULL;
    int rc = go_parse_duration(s, strlen(s), &ns, &err);
    if (rc != 0 || ns != want || err)
        fail_msg("line %d: duration \"%s\": rc %d, %lld, err %s; want %lld",
                 line, s, rc, (long long)ns, err ? err : "-",
                 (long long)want);
}

#define assert_duration(s, want) check_duration_at(s, want, __LINE__)

static void check_duration_error_at(const char *s, size_t len,
                                    const char *want, int line)
{
    int64_t ns = 0;
    char *err = NULL;
    int rc = go_parse_duration(s, len, &ns, &err);
    bool ok = rc == -1 && err && strcmp(err, want) == 0;
    if (!ok)
        print_error("line %d: duration error \"%s\", want \"%s\"\n", line,
                    err ? err : "(none)", want);
    free(err);
    if (!ok)
        fail();
}

#define assert_duration_error(lit, want) \
    check_duration_error_at(lit, sizeof(lit) - 1, want, __LINE__)

static void check_format_at(int64_t ns, const char *want, int line)
{
    struct sb out = SB_INIT;
    sb_adds(&out, "=");
    go_format_duration(&out, ns);
    bool ok = strcmp(out.buf + 1, want) == 0 && out.buf[0] == '=';
    if (!ok)
        print_error("line %d: %lld formats as \"%s\", want \"%s\"\n", line,
                    (long long)ns, out.buf + 1, want);
    sb_release(&out);
    if (!ok)
        fail();
}

#define assert_format(ns, want) check_format_at(ns, want, __LINE__)

/* ==================================================================== */
/* FROM (§4.2)                                                          */
/* ==================================================================== */

static void test_instructions_from_arity(void **state)
{
    (void)state;
    static const char *const msg =
        "dockerfile parse error on line 1: FROM requires either one or three "
        "arguments";
    assert_instr_error("FROM", msg, 1, 1);
    assert_instr_error("FROM a b", msg, 1, 1);
    assert_instr_error("FROM a AS", msg, 1, 1);
    assert_instr_error("FROM a AS b c", msg, 1, 1);
    assert_instr_error("FROM a x b", msg, 1, 1);
    /* the count is checked before the flags */
    assert_instr_error("FROM --foo a b", msg, 1, 1);
    /* the line is the first line of the instruction */
    assert_instr_error("ARG x\nFROM a \\\n  b",
                       "dockerfile parse error on line 2: FROM requires "
                       "either one or three arguments", 2, 3);
}

static void test_instructions_from_stage_name(void **state)
{
    (void)state;
    assert_instr_error("FROM a AS 1x",
                       "dockerfile parse error on line 1: invalid name for "
                       "build stage: \"1x\", name can't start with a number "
                       "or contain symbols", 1, 1);
    assert_instr_error("FROM a AS b/c",
                       "dockerfile parse error on line 1: invalid name for "
                       "build stage: \"b/c\", name can't start with a number "
                       "or contain symbols", 1, 1);
    assert_instr_error("FROM a as _x",
                       "dockerfile parse error on line 1: invalid name for "
                       "build stage: \"_x\", name can't start with a number "
                       "or contain symbols", 1, 1);
    /* the name as written, Go-quoted */
    assert_instr_error("FROM a AS \xc3\x80x",
                       "dockerfile parse error on line 1: invalid name for "
                       "build stage: \"\xc3\x80x\", name can't start with a "
                       "number or contain symbols", 1, 1);
    assert_instr_error("FROM a AS a\x01",
                       "dockerfile parse error on line 1: invalid name for "
                       "build stage: \"a\\x01\", name can't start with a "
                       "number or contain symbols", 1, 1);
    /* the name is checked before the flags */
    assert_instr_error("FROM --foo a AS 1",
                       "dockerfile parse error on line 1: invalid name for "
                       "build stage: \"1\", name can't start with a number "
                       "or contain symbols", 1, 1);

    struct built b;
    build_ok(&b, "FROM a AS x-y_z.1\nFROM b As FooBar\nFROM c aS "
                 "\xe2\x84\xaa\nFROM d");
    assert_int_equal(b.df.n_stages, 4);
    assert_span(b.df.stages[0].name, "x-y_z.1");
    /* lower-cased; the spelling is kept beside it */
    assert_span(b.df.stages[1].name, "foobar");
    assert_span(b.df.stages[1].from->stage_name_as_written, "FooBar");
    assert_span(b.df.stages[1].base_name, "b");
    /* the Kelvin sign lower-cases to a valid name */
    assert_span(b.df.stages[2].name, "k");
    assert_span(b.df.stages[3].name, "");
    assert_int_equal(b.df.stages[3].index, 3);
    built_release(&b);
}

static void test_instructions_from_as_unicode_fold(void **state)
{
    (void)state;
    /* Fixed bug, kept as a regression test: parseBuildStageName compares the middle word with
     * strings.EqualFold(args[1], "as"), which folds U+017F (long s) to s,
     * so "FROM a a\u017f b" names a stage b. We compare ASCII only and
     * report "FROM requires either one or three arguments" (spec §4.2;
     * instructions/parse.go parseBuildStageName). */

    struct built b;
    build_ok(&b, "FROM a a\xc5\xbf b");
    assert_int_equal(b.df.n_stages, 1);
    assert_span(b.df.stages[0].name, "b");
    assert_span(b.df.stages[0].base_name, "a");
    built_release(&b);
}

static void test_instructions_from_platform(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "FROM --platform=linux/arm64 a AS b\nFROM c");
    assert_span(b.df.stages[0].platform, "linux/arm64");
    assert_span(b.df.stages[0].base_name, "a");
    assert_int_equal(b.df.stages[1].platform.len, 0);
    const struct flag_value *f =
        instr_flag_value(b.df.stages[0].from, "platform");
    assert_non_null(f);
    assert_true(f->present);
    assert_span(f->value, "linux/arm64");
    assert_null(instr_flag_value(b.df.stages[1].from, "platform"));
    built_release(&b);
    assert_instr_error("FROM --foo=bar a",
                       "dockerfile parse error on line 1: unknown flag: --foo",
                       1, 1);
    assert_instr_error("FROM --platform a",
                       "dockerfile parse error on line 1: missing a value on "
                       "flag: --platform", 1, 1);
}

/* ==================================================================== */
/* Flags (§4.1)                                                         */
/* ==================================================================== */

static void test_instructions_flag_unknown(void **state)
{
    (void)state;
    assert_error2("COPY --foo a b", "unknown flag: --foo (did you mean from?)");
    assert_error2("RUN --mout=x y", "unknown flag: --mout (did you mean "
                                    "mount?)");
    assert_error2("COPY --chmodd=1 a b", "unknown flag: --chmodd (did you "
                                         "mean chmod?)");
    assert_error2("ADD --keep-git-dirr a b", "unknown flag: --keep-git-dirr "
                                             "(did you mean keep-git-dir?)");
    assert_error2("HEALTHCHECK --intervall=1s CMD x",
                  "unknown flag: --intervall (did you mean interval?)");
    /* suggestions are case-sensitive */
    assert_error2("COPY --FROM=a b c", "unknown flag: --FROM");
    assert_error2("COPY --xyzzy a b", "unknown flag: --xyzzy");
    assert_error2("COPY --fxxx=1 a b", "unknown flag: --fxxx");
    /* --=x: an empty name, no suggestion */
    assert_error2("COPY --=x a b", "unknown flag: --");
    assert_error2("COPY --=\"x\" a b", "unknown flag: --");
    /* instructions without flags */
    assert_error2("ENV --x a=b", "unknown flag: --x");
    assert_error2("LABEL --x a=b", "unknown flag: --x");
    assert_error2("USER --x a", "unknown flag: --x");
    assert_error2("WORKDIR --x /a", "unknown flag: --x");
    assert_error2("MAINTAINER --x a", "unknown flag: --x");
    assert_error2("EXPOSE --x 80", "unknown flag: --x");
    assert_error2("VOLUME --x /a", "unknown flag: --x");
    assert_error2("CMD --x a", "unknown flag: --x");
    assert_error2("ENTRYPOINT --x a", "unknown flag: --x");
    assert_error2("SHELL --x [\"a\"]", "unknown flag: --x");
    assert_error2("ONBUILD --x RUN y", "unknown flag: --x");
    /* the flag name stops at the first '=' */
    assert_error2("RUN --foo=a=b c", "unknown flag: --foo");
}

static void test_instructions_flag_duplicate_and_missing(void **state)
{
    (void)state;
    assert_error2("COPY --from=a --from=b x y",
                  "duplicate flag specified: --from");
    assert_error2("COPY --link --link=false a b",
                  "duplicate flag specified: --link");
    assert_error2("RUN --network=none --network=host x",
                  "duplicate flag specified: --network");
    /* list flags may repeat */
    assert_ok2("COPY --exclude=a --exclude=b x y");
    assert_ok2("RUN --mount=type=tmpfs,target=/a --mount=type=tmpfs,target=/b "
               "x");
    assert_ok2("RUN --device=a --device=b x");
    /* string and list flags need =value, even an empty one */
    assert_error2("COPY --from a b", "missing a value on flag: --from");
    assert_error2("RUN --mount x", "missing a value on flag: --mount");
    assert_error2("ADD --checksum a b", "missing a value on flag: --checksum");
    assert_ok2("COPY --chown= a b");
    /* the first problem from the left wins */
    assert_error2("COPY --foo --from a b", "unknown flag: --foo (did you mean "
                                           "from?)");
    assert_error2("COPY --from --foo a b", "missing a value on flag: --from");
    assert_error2("COPY --from=a --from --foo x y",
                  "duplicate flag specified: --from");
}

static void test_instructions_flag_bool(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "FROM x\nCOPY --link a b\nCOPY --link=TRUE a b\n"
                 "COPY --link=False --parents=tRuE a b\nCOPY a b\n"
                 "ADD --keep-git-dir --unpack=false a b");
    assert_span(instr_flag_value(cmd_of(&b, 0), "link")->value, "true");
    assert_span(instr_flag_value(cmd_of(&b, 1), "link")->value, "true");
    assert_span(instr_flag_value(cmd_of(&b, 2), "link")->value, "false");
    assert_span(instr_flag_value(cmd_of(&b, 2), "parents")->value, "true");
    assert_null(instr_flag_value(cmd_of(&b, 3), "link"));
    assert_span(instr_flag_value(cmd_of(&b, 4), "keep-git-dir")->value,
                "true");
    assert_span(instr_flag_value(cmd_of(&b, 4), "unpack")->value, "false");
    built_release(&b);

    assert_error2("COPY --link= a b", "missing a value on flag: --link");
    assert_error2("COPY --link=maybe a b",
                  "expecting boolean value for flag --link, not: maybe");
    assert_error2("COPY --link=1 a b",
                  "expecting boolean value for flag --link, not: 1");
    /* the value as written, not lower-cased */
    assert_error2("ADD --unpack=YES a b",
                  "expecting boolean value for flag --unpack, not: YES");
}

static void test_instructions_flag_values(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "FROM x\nCOPY --from=a --chown=1:2 --chmod=755 "
                 "--exclude=*.o --exclude=*.a x y\n"
                 "RUN --mount=type=cache,target=/c --network=none "
                 "--security=insecure z");
    const struct instr *c = cmd_of(&b, 0);
    assert_int_equal(c->n_flags, 5);
    assert_string_equal(c->flags[0].name, "from");
    assert_span(c->flags[0].value, "a");
    assert_span(instr_flag_value(c, "chown")->value, "1:2");
    assert_span(instr_flag_value(c, "chmod")->value, "755");
    /* list flags: every occurrence is kept in order, the last wins */
    assert_string_equal(c->flags[3].name, "exclude");
    assert_span(c->flags[3].value, "*.o");
    assert_span(c->flags[4].value, "*.a");
    assert_span(instr_flag_value(c, "exclude")->value, "*.a");
    assert_null(instr_flag_value(c, "link"));
    const struct instr *r = cmd_of(&b, 1);
    assert_span(instr_flag_value(r, "mount")->value, "type=cache,target=/c");
    assert_span(instr_flag_value(r, "network")->value, "none");
    assert_span(instr_flag_value(r, "security")->value, "insecure");
    built_release(&b);
}

static void test_instructions_flags_ignored(void **state)
{
    (void)state;
    struct built b;
    /* ARG and STOPSIGNAL never validate flags */
    build_ok(&b, "ARG --foo a=1\nFROM x\nSTOPSIGNAL --foo=bar 9\n"
                 "ARG --x --y b\nHEALTHCHECK --foo=5s NONE\n"
                 "HEALTHCHECK --interval=abc --retries=x none");
    assert_int_equal(b.df.n_meta_args, 1);
    assert_span(b.df.meta_args[0]->pairs[0].key, "a");
    assert_span(cmd_of(&b, 0)->value, "9");
    assert_span(cmd_of(&b, 1)->pairs[0].key, "b");
    assert_true(cmd_of(&b, 2)->health.none);
    assert_true(cmd_of(&b, 3)->health.none);
    built_release(&b);
}

/* ==================================================================== */
/* Argument counts and names (§7.2)                                     */
/* ==================================================================== */

static void test_instructions_copy_add_args(void **state)
{
    (void)state;
    assert_error2("COPY a", "COPY requires at least two arguments, but only "
                            "one was provided. Destination could not be "
                            "determined");
    assert_error2("COPY", "COPY requires at least two arguments, but only "
                          "one was provided. Destination could not be "
                          "determined");
    assert_error2("ADD a", "ADD requires at least two arguments, but only one "
                           "was provided. Destination could not be "
                           "determined");
    assert_error2("ADD [\"a\"]", "ADD requires at least two arguments, but "
                                 "only one was provided. Destination could "
                                 "not be determined");
    /* the count before the flags */
    assert_error2("COPY --foo a", "COPY requires at least two arguments, but "
                                  "only one was provided. Destination could "
                                  "not be determined");
    /* heredoc destination: after the flags, located at the first line */
    assert_error2_lines("COPY a <<EOF\nx\nEOF",
                        "COPY cannot accept a heredoc as a destination", 2, 4);
    assert_error2_lines("ADD <<A <<-B\nA\nB",
                        "ADD cannot accept a heredoc as a destination", 2, 4);
    assert_error2_lines("COPY --foo a <<EOF\nx\nEOF",
                        "unknown flag: --foo (did you mean from?)", 2, 4);
}

static void test_instructions_exactly_one(void **state)
{
    (void)state;
    assert_error2("WORKDIR", "WORKDIR requires exactly one argument");
    assert_error2("USER", "USER requires exactly one argument");
    assert_error2("STOPSIGNAL", "STOPSIGNAL requires exactly one argument");
    /* count before flags: --x is a flag, nothing is left */
    assert_error2("WORKDIR --x", "WORKDIR requires exactly one argument");
    assert_error2("USER --x=1", "USER requires exactly one argument");
    assert_error2("STOPSIGNAL --x", "STOPSIGNAL requires exactly one "
                                    "argument");
    /* the whole text is one argument */
    struct built b;
    build_ok(&b, "FROM x\nUSER a b\nWORKDIR a b\nSTOPSIGNAL a b\n"
                 "MAINTAINER a b");
    assert_span(cmd_of(&b, 0)->value, "a b");
    assert_span(cmd_of(&b, 1)->value, "a b");
    assert_span(cmd_of(&b, 2)->value, "a b");
    assert_span(cmd_of(&b, 3)->value, "a b");
    built_release(&b);
}

static void test_instructions_maintainer(void **state)
{
    (void)state;
    struct built b;
    build_lit(&b, "FROM x\nMAINTAINER");
    assert_int_equal(b.rc, -1);
    assert_string_equal(first_error(&b),
                        PREFIX2 "MAINTAINER requires exactly one argument");
    built_release(&b);
    /* MAINTAINER checks the count, then the flags */
    build_lit(&b, "FROM x\nMAINTAINER --x");
    assert_string_equal(first_error(&b),
                        PREFIX2 "MAINTAINER requires exactly one argument");
    built_release(&b);
}

static void test_instructions_at_least_one(void **state)
{
    (void)state;
    assert_error2("ENV", "ENV requires at least one argument");
    assert_error2("LABEL", "LABEL requires at least one argument");
    assert_error2("EXPOSE", "EXPOSE requires at least one argument");
    assert_error2("VOLUME", "VOLUME requires at least one argument");
    assert_error2("VOLUME []", "VOLUME requires at least one argument");
    assert_error2("ARG", "ARG requires at least one argument");
    assert_error2("ONBUILD", "ONBUILD requires at least one argument");
    assert_error2("HEALTHCHECK", "HEALTHCHECK requires at least one "
                                 "argument");
    assert_error2("SHELL", "SHELL requires at least one argument");
    assert_error2("SHELL []", "SHELL requires at least one argument");
    /* ENV, LABEL and SHELL check their flags first */
    assert_error2("ENV --x", "unknown flag: --x");
    assert_error2("LABEL --x", "unknown flag: --x");
    assert_error2("SHELL --x", "unknown flag: --x");
    /* the others count first */
    assert_error2("EXPOSE --x", "EXPOSE requires at least one argument");
    assert_error2("VOLUME --x", "VOLUME requires at least one argument");
    assert_error2("ONBUILD --x", "ONBUILD requires at least one argument");
    assert_error2("ARG --x", "ARG requires at least one argument");
    /* bare RUN, CMD, ENTRYPOINT are fine */
    assert_ok2("RUN\nCMD\nENTRYPOINT");
}

static void test_instructions_blank_names(void **state)
{
    (void)state;
    assert_error2("ENV =b", "ENV names can not be blank");
    assert_error2("ENV a=b =c", "ENV names can not be blank");
    assert_error2("LABEL =b", "LABEL names can not be blank");
    assert_error2("ARG =x", "ARG names can not be blank");
    assert_error2("ARG a =x", "ARG names can not be blank");
    assert_error2("ARG a= =", "ARG names can not be blank");
    assert_ok2("ENV a= b==");
}

static void test_instructions_volume_empty(void **state)
{
    (void)state;
    assert_error2("VOLUME [\"/a\", \"\"]",
                  "VOLUME specified can not be an empty string");
    assert_error2("VOLUME [\" \\t\"]",
                  "VOLUME specified can not be an empty string");
    assert_error2("VOLUME [\"\\u00a0\"]",
                  "VOLUME specified can not be an empty string");
}

static void test_instructions_shell(void **state)
{
    (void)state;
    assert_error2("SHELL /bin/sh -c",
                  "SHELL requires the arguments to be in JSON form");
    assert_error2("SHELL [\"a\",]",
                  "SHELL requires the arguments to be in JSON form");
    struct built b;
    build_ok(&b, "FROM x\nSHELL [\"/bin/bash\", \"-c\"]");
    const struct instr *s = cmd_of(&b, 0);
    assert_true(s->json);
    assert_int_equal(s->n_cmdline, 2);
    assert_span(s->cmdline[0], "/bin/bash");
    assert_span(s->cmdline[1], "-c");
    assert_false(s->prepend_shell);
    built_release(&b);
}

/* ==================================================================== */
/* ONBUILD (§4.16)                                                      */
/* ==================================================================== */

static void test_instructions_onbuild_errors(void **state)
{
    (void)state;
    assert_error2("ONBUILD ONBUILD RUN x",
                  "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    assert_error2("ONBUILD onbuild x",
                  "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    /* the trigger word upper-cased in the message */
    assert_error2("ONBUILD FROM x", "FROM isn't allowed as an ONBUILD "
                                    "trigger");
    assert_error2("ONBUILD from x", "FROM isn't allowed as an ONBUILD "
                                    "trigger");
    assert_error2("ONBUILD Maintainer x", "MAINTAINER isn't allowed as an "
                                          "ONBUILD trigger");
    /* strings.ToUpper: a dotless i upper-cases to I */
    assert_error2("ONBUILD onbu\xc4\xb1ld x",
                  "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    assert_error2("ONBUILD ma\xc4\xb1ntainer x",
                  "MAINTAINER isn't allowed as an ONBUILD trigger");
    /* ONBUILD's own flags come first */
    assert_error2("ONBUILD --x FROM y", "unknown flag: --x");
    /* the trigger itself is not validated now */
    assert_ok2("ONBUILD foo bar\nONBUILD COPY a\nONBUILD RUN --bogus x");
}

static void test_instructions_onbuild_expression(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "FROM x\nonbuild run echo hi\nONBUILD\tRUN x\n"
                 "OnBuild  COPY --from=a b c\nONBUILD RUN a \\\n  b\n"
                 "ONBUILD RUN <<EOF\nhello\nEOF\n"
                 "ONBUILD COPY <<A <<B /d\na\nA\nb\nB\n"
                 "ONBUILD foo bar");
    assert_span(cmd_of(&b, 0)->expression, "run echo hi");
    assert_int_equal(cmd_of(&b, 0)->trigger, INSTR_RUN);
    assert_span(cmd_of(&b, 1)->expression, "RUN x");
    assert_span(cmd_of(&b, 2)->expression, "COPY --from=a b c");
    assert_int_equal(cmd_of(&b, 2)->trigger, INSTR_COPY);
    /* the joined logical line */
    assert_span(cmd_of(&b, 3)->expression, "RUN a   b");
    /* heredoc bodies re-attached: "\n" + content + name */
    assert_span(cmd_of(&b, 4)->expression, "RUN <<EOF\nhello\nEOF");
    assert_span(cmd_of(&b, 5)->expression, "COPY <<A <<B /d\na\nA\nb\nB");
    assert_span(cmd_of(&b, 6)->expression, "foo bar");
    assert_int_equal(cmd_of(&b, 6)->trigger, INSTR_UNKNOWN);
    /* the flattened arguments (nodeArgs) */
    const struct instr *o = cmd_of(&b, 2);
    assert_int_equal(o->n_args, 3);
    assert_span(o->args[0], "COPY");
    assert_span(o->args[1], "b");
    assert_span(o->args[2], "c");
    built_release(&b);
    /* (?i)ONBUILD does not match U+0130, although the keyword lower-cases
     * to onbuild: the whole line is kept */
    build_ok(&b, "FROM x\nONBU\xc4\xb0LD RUN x");
    assert_int_equal(cmd_of(&b, 0)->kind, INSTR_ONBUILD);
    assert_span(cmd_of(&b, 0)->expression, "ONBU\xc4\xb0LD RUN x");
    built_release(&b);
}

/* ==================================================================== */
/* HEALTHCHECK (§4.18)                                                  */
/* ==================================================================== */

static void test_instructions_healthcheck_errors(void **state)
{
    (void)state;
    assert_error2("HEALTHCHECK NONE x", "HEALTHCHECK NONE takes no arguments");
    assert_error2("HEALTHCHECK none [\"x\"]",
                  "HEALTHCHECK NONE takes no arguments");
    assert_error2("HEALTHCHECK FOO x",
                  "Unknown type \"FOO\" in HEALTHCHECK (try CMD)");
    assert_error2("HEALTHCHECK foo",
                  "Unknown type \"FOO\" in HEALTHCHECK (try CMD)");
    assert_error2("HEALTHCHECK C\"D x",
                  "Unknown type \"C\\\"D\" in HEALTHCHECK (try CMD)");
    assert_error2("HEALTHCHECK CMD", "Missing command after HEALTHCHECK CMD");
    assert_error2("HEALTHCHECK CMD []",
                  "Missing command after HEALTHCHECK CMD");
    /* order: flags, type, command, then the durations and retries */
    assert_error2("HEALTHCHECK --foo=1 FOO x", "unknown flag: --foo");
    assert_error2("HEALTHCHECK --interval=abc FOO x",
                  "Unknown type \"FOO\" in HEALTHCHECK (try CMD)");
    assert_error2("HEALTHCHECK --interval=abc CMD",
                  "Missing command after HEALTHCHECK CMD");
    assert_error2("HEALTHCHECK --retries=x --timeout=abc --interval=1ns CMD x",
                  "Interval \"interval\" cannot be less than 1ms");
    assert_error2("HEALTHCHECK --retries=x --timeout=abc CMD x",
                  "time: invalid duration \"abc\"");
}

static void test_instructions_healthcheck_durations(void **state)
{
    (void)state;
    assert_error2("HEALTHCHECK --interval=abc CMD x",
                  "time: invalid duration \"abc\"");
    assert_error2("HEALTHCHECK --timeout=5 CMD x",
                  "time: missing unit in duration \"5\"");
    assert_error2("HEALTHCHECK --start-period=5x CMD x",
                  "time: unknown unit \"x\" in duration \"5x\"");
    assert_error2("HEALTHCHECK --interval=1ns CMD x",
                  "Interval \"interval\" cannot be less than 1ms");
    assert_error2("HEALTHCHECK --timeout=999us CMD x",
                  "Interval \"timeout\" cannot be less than 1ms");
    assert_error2("HEALTHCHECK --start-period=0.5ms CMD x",
                  "Interval \"start-period\" cannot be less than 1ms");
    assert_error2("HEALTHCHECK --start-interval=1ns CMD x",
                  "Interval \"start-interval\" cannot be less than 1ms");
    /* negative is less than 1ms too */
    assert_error2("HEALTHCHECK --interval=-1s CMD x",
                  "Interval \"interval\" cannot be less than 1ms");

    struct built b;
    build_ok(&b, "FROM x\nHEALTHCHECK --interval=1m30s --timeout=1ms "
                 "--start-period=0s --start-interval=2h --retries=3 "
                 "CMD curl -f x\n"
                 "HEALTHCHECK --interval= --retries= CMD [\"a\", \"b\"]\n"
                 "HEALTHCHECK --retries=+7 --timeout=0 cmd x");
    const struct healthcheck *h = &cmd_of(&b, 0)->health;
    assert_false(h->none);
    assert_int_equal(h->interval, 90000000000LL);
    assert_int_equal(h->timeout, 1000000);
    assert_int_equal(h->start_period, 0);
    assert_int_equal(h->start_interval, 7200000000000LL);
    assert_int_equal(h->retries, 3);
    assert_int_equal(h->n_test, 2);
    assert_span(h->test[0], "CMD-SHELL");
    assert_span(h->test[1], "curl -f x");
    h = &cmd_of(&b, 1)->health;
    assert_int_equal(h->interval, 0);
    assert_int_equal(h->retries, 0);
    assert_int_equal(h->n_test, 3);
    assert_span(h->test[0], "CMD");
    assert_span(h->test[1], "a");
    assert_span(h->test[2], "b");
    h = &cmd_of(&b, 2)->health;
    assert_int_equal(h->retries, 7);
    assert_int_equal(h->timeout, 0);
    assert_span(h->test[0], "CMD-SHELL");
    built_release(&b);

    build_ok(&b, "FROM x\nHEALTHCHECK NONE\nhealthcheck none");
    h = &cmd_of(&b, 0)->health;
    assert_true(h->none);
    assert_int_equal(h->n_test, 1);
    assert_span(h->test[0], "NONE");
    assert_true(cmd_of(&b, 1)->health.none);
    built_release(&b);
}

static void test_instructions_healthcheck_retries(void **state)
{
    (void)state;
    assert_error2("HEALTHCHECK --retries=-1 CMD x",
                  "--retries cannot be negative (-1)");
    assert_error2("HEALTHCHECK --retries=x CMD x",
                  "strconv.ParseInt: parsing \"x\": invalid syntax");
    assert_error2("HEALTHCHECK --retries=1.5 CMD x",
                  "strconv.ParseInt: parsing \"1.5\": invalid syntax");
    assert_error2("HEALTHCHECK --retries=- CMD x",
                  "strconv.ParseInt: parsing \"-\": invalid syntax");
    assert_error2("HEALTHCHECK --retries=99999999999 CMD x",
                  "strconv.ParseInt: parsing \"99999999999\": value out of "
                  "range");
    assert_error2("HEALTHCHECK --retries=2147483648 CMD x",
                  "strconv.ParseInt: parsing \"2147483648\": value out of "
                  "range");
    assert_error2("HEALTHCHECK --retries=-2147483648 CMD x",
                  "--retries cannot be negative (-2147483648)");
    assert_ok2("HEALTHCHECK --retries=2147483647 CMD x");
}

/* ==================================================================== */
/* RUN (§4.3)                                                           */
/* ==================================================================== */

static void test_instructions_run_flags(void **state)
{
    (void)state;
    assert_error2("RUN --network=foo x", "invalid network mode \"foo\"");
    assert_error2("RUN --network= x", "invalid network mode \"\"");
    assert_error2("RUN --security=x y", "security \"x\" is not valid");
    assert_error2("RUN --security=Insecure y",
                  "security \"Insecure\" is not valid");
    assert_ok2("RUN --network=none --security=sandbox x\n"
               "RUN --network=host --security=insecure x\n"
               "RUN --network=default x");
    assert_error2("RUN --mount=from=$x,target=/y z",
                  "'from' doesn't support variable expansion, define alias "
                  "stage instead");
    assert_error2("RUN --mount=type=cache,from=${x},target=/y z",
                  "'from' doesn't support variable expansion, define alias "
                  "stage instead");
    assert_error2("RUN --mount=target=/a --mount=FROM=a$b z",
                  "'from' doesn't support variable expansion, define alias "
                  "stage instead");
    /* a $ at the very end, or in other keys, is fine here */
    assert_ok2("RUN --mount=from=a$,target=/y z\n"
               "RUN --mount=source=$x,target=/y z");
    /* the mount hook runs before the network one */
    assert_error2("RUN --network=bad --mount=from=$x z",
                  "'from' doesn't support variable expansion, define alias "
                  "stage instead");
}

static void test_instructions_run_mount_csv(void **state)
{
    (void)state;
    /* Fixed bug, kept as a regression test: runMountPostHook calls parseMount with a nil expander, which
     * first reads the value with encoding/csv: a CSV error (an empty value
     * is io.EOF) fails in layer 3, and quoted CSV fields are unquoted
     * before the 'from' check. We split on commas without CSV rules and
     * accept all three (spec §4.3; commands_runmount.go parseMount). */

    assert_error2("RUN --mount= x", "failed to parse csv mounts: EOF");
    assert_error2("RUN --mount=type=bind,src=a\\\"b x",
                  "failed to parse csv mounts: parse error on line 1, column "
                  "16: bare \" in non-quoted-field");
    assert_error2("RUN --mount=\\\"from=$x\\\",target=/y z",
                  "'from' doesn't support variable expansion, define alias "
                  "stage instead");
}

static void test_instructions_run_cmdline(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "FROM x\nRUN echo  hi\nRUN [\"a\", \"b c\"]\nRUN\n"
                 "RUN <<A <<-B\na\nA\n\tb\nB\n");
    const struct instr *r = cmd_of(&b, 0);
    assert_int_equal(r->n_cmdline, 1);
    assert_span(r->cmdline[0], "echo  hi");
    assert_true(r->prepend_shell);
    assert_int_equal(r->n_files, 0);
    r = cmd_of(&b, 1);
    assert_int_equal(r->n_cmdline, 2);
    assert_span(r->cmdline[1], "b c");
    assert_false(r->prepend_shell);
    r = cmd_of(&b, 2);
    assert_int_equal(r->n_cmdline, 0);
    assert_true(r->prepend_shell);
    /* heredocs become shell files, raw (chomping happens later) */
    r = cmd_of(&b, 3);
    assert_int_equal(r->n_cmdline, 1);
    assert_span(r->cmdline[0], "<<A <<-B");
    assert_int_equal(r->n_files, 2);
    assert_span(r->files[0].name, "A");
    assert_span(r->files[0].data, "a\n");
    assert_false(r->files[0].chomp);
    assert_span(r->files[1].name, "B");
    assert_span(r->files[1].data, "\tb\n");
    assert_true(r->files[1].chomp);
    built_release(&b);
}

/* ==================================================================== */
/* Unknown instructions and stages (§2.5, §7.2)                         */
/* ==================================================================== */

static void test_instructions_unknown(void **state)
{
    (void)state;
    /* suggestions in the case style of the input */
    assert_error2("FORM y", "unknown instruction: FORM (did you mean FROM?)");
    assert_error2("runn y", "unknown instruction: runn (did you mean run?)");
    assert_error2("Runn y", "unknown instruction: Runn (did you mean run?)");
    assert_error2("foo bar", "unknown instruction: foo (did you mean from?)");
    assert_error2("ENTRYPONT a", "unknown instruction: ENTRYPONT (did you "
                                 "mean ENTRYPOINT?)");
    assert_error2("WORKDIRR /a", "unknown instruction: WORKDIRR (did you "
                                 "mean WORKDIR?)");
    assert_error2("RUN2 x", "unknown instruction: RUN2 (did you mean RUN?)");
    assert_error2("R\xc3\x9cN x", "unknown instruction: R\xc3\x9cN (did you "
                                  "mean RUN?)");
    assert_error2("xyzzy a", "unknown instruction: xyzzy");
    /* a distance of 3 is too far */
    assert_error2("zzz a", "unknown instruction: zzz");
    assert_error2("FOOBARBAZ", "unknown instruction: FOOBARBAZ");
    /* the empty keyword of an escape-only line */
    assert_error2("\\", "unknown instruction: ");
    /* located at the first line of the instruction */
    assert_error2_lines("foo \\\n bar",
                        "unknown instruction: foo (did you mean from?)", 2, 3);
}

static void test_instructions_no_stage(void **state)
{
    (void)state;
    /* no "dockerfile parse error" prefix */
    assert_instr_error("RUN x", "no build stage in current context", 1, 1);
    assert_instr_error("ARG a\nENV b=c\nFROM x",
                       "no build stage in current context", 2, 2);
    assert_instr_error("ARG a\nRUN x \\\n y\nFROM z",
                       "no build stage in current context", 2, 3);
    /* an instruction error before it wins */
    assert_instr_error("ARG\nRUN x",
                       "dockerfile parse error on line 1: ARG requires at "
                       "least one argument", 1, 1);
}

static void test_instructions_stages(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "ARG a\n# c\nARG b=1 c\nFROM x AS One\nRUN a\nARG d\n"
                 "FROM one\nRUN b\nRUN c\n");
    assert_true(b.df.parsed);
    assert_int_equal(b.df.n_meta_args, 2);
    assert_int_equal(b.df.meta_args[0]->kind, INSTR_ARG);
    assert_int_equal(b.df.meta_args[1]->n_pairs, 2);
    assert_int_equal(b.df.n_stages, 2);
    assert_int_equal(b.df.n_all, 8);
    const struct stage *s0 = &b.df.stages[0];
    assert_span(s0->name, "one");
    assert_span(s0->base_name, "x");
    assert_int_equal(s0->index, 0);
    assert_int_equal(s0->n_cmds, 2);
    assert_int_equal(s0->cmds[0]->kind, INSTR_RUN);
    assert_int_equal(s0->cmds[1]->kind, INSTR_ARG);
    assert_int_equal(s0->from->start_line, 4);
    const struct stage *s1 = &b.df.stages[1];
    assert_span(s1->base_name, "one");
    assert_int_equal(s1->name.len, 0);
    assert_int_equal(s1->n_cmds, 2);
    assert_int_equal(s1->cmds[1]->start_line, 9);
    /* all: every instruction in file order */
    assert_int_equal(b.df.all[2]->kind, INSTR_FROM);
    assert_int_equal(b.df.all[7]->start_line, 9);
    built_release(&b);

    /* only ARGs: no stage, no error here */
    build_ok(&b, "ARG a");
    assert_int_equal(b.df.n_stages, 0);
    assert_int_equal(b.df.n_meta_args, 1);
    built_release(&b);
}

static void test_instructions_layer_results(void **state)
{
    (void)state;
    struct built b;
    /* a parser error: no ast to show, no instructions */
    build_lit(&b, "FROM x\nENV a");
    assert_int_equal(b.rc, -1);
    assert_false(b.df.parsed);
    assert_string_equal(first_error(&b), "ENV must have two arguments");
    assert_int_equal(diag_first_error(&b.dl)->kind, DIAG_PARSE);
    built_release(&b);
    /* an instruction error: the ast exists, parsing stopped there */
    build_lit(&b, "FROM x\nRUN a\nCOPY a\nRUN b");
    assert_int_equal(b.rc, -1);
    assert_true(b.df.parsed);
    assert_int_equal(b.df.ast.n_nodes, 4);
    assert_int_equal(b.df.n_all, 2);
    built_release(&b);
}

/* ==================================================================== */
/* Typed values (§4)                                                    */
/* ==================================================================== */

static void test_instructions_env_label_pairs(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "FROM x\nENV a b c\nENV a=1 b=\"2 3\"\nLABEL k v\n"
                 "LABEL \"x y\"=z");
    const struct instr *e = cmd_of(&b, 0);
    assert_true(e->legacy_kv);
    assert_int_equal(e->n_pairs, 1);
    assert_span(e->pairs[0].key, "a");
    assert_span(e->pairs[0].value, "b c");
    assert_true(e->pairs[0].has_value);
    e = cmd_of(&b, 1);
    assert_false(e->legacy_kv);
    assert_int_equal(e->n_pairs, 2);
    assert_span(e->pairs[1].key, "b");
    /* values as written: quotes are removed at build time */
    assert_span(e->pairs[1].value, "\"2 3\"");
    assert_true(cmd_of(&b, 2)->legacy_kv);
    assert_false(cmd_of(&b, 3)->legacy_kv);
    assert_span(cmd_of(&b, 3)->pairs[0].key, "\"x y\"");
    built_release(&b);
}

static void test_instructions_arg_pairs(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "# foo the foo\n# bar\nARG foo bar=\"x y\"\nFROM x\n"
                 "# baz   is baz\nARG baz= qux=a=b\n");
    const struct instr *a = b.df.meta_args[0];
    assert_int_equal(a->n_pairs, 2);
    assert_span(a->pairs[0].key, "foo");
    assert_false(a->pairs[0].has_value);
    assert_span(a->pairs[0].comment, "the foo");
    assert_span(a->pairs[1].key, "bar");
    assert_true(a->pairs[1].has_value);
    assert_span(a->pairs[1].value, "\"x y\"");
    /* "bar" alone is not "bar <description>" */
    assert_span(a->pairs[1].comment, "");
    a = cmd_of(&b, 0);
    assert_span(a->pairs[0].key, "baz");
    assert_true(a->pairs[0].has_value);
    assert_span(a->pairs[0].value, "");
    assert_span(a->pairs[0].comment, "  is baz");
    assert_span(a->pairs[1].key, "qux");
    assert_span(a->pairs[1].value, "a=b");
    built_release(&b);
}

static void test_instructions_stage_comment(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "# build builds it\n# other\nFROM x AS Build\n"
                 "# nope\nFROM y AS b2\nFROM z");
    assert_span(b.df.stages[0].comment, "builds it");
    assert_span(b.df.stages[1].comment, "");
    assert_span(b.df.stages[2].comment, "");
    built_release(&b);
}

static void test_instructions_expose_volume(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "FROM x\nEXPOSE 80 443 8080/udp 1000 80\n"
                 "VOLUME [\" /a \", \"/b\"]\nVOLUME /c /d");
    /* sort.Strings: byte order, duplicates kept */
    const struct instr *e = cmd_of(&b, 0);
    assert_int_equal(e->n_list, 5);
    assert_span(e->list[0], "1000");
    assert_span(e->list[1], "443");
    assert_span(e->list[2], "80");
    assert_span(e->list[3], "80");
    assert_span(e->list[4], "8080/udp");
    /* the node's own arguments keep the written order */
    assert_span(e->args[0], "80");
    const struct instr *v = cmd_of(&b, 1);
    assert_int_equal(v->n_list, 2);
    assert_span(v->list[0], "/a");
    assert_span(v->list[1], "/b");
    assert_span(cmd_of(&b, 2)->list[1], "/d");
    built_release(&b);
}

static void test_instructions_copy_sources(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "FROM x\nCOPY a <<EOF b /dst\nhello $x\nEOF\n"
                 "COPY <<-EOF /d\n\thello\n\t\tworld\n  sp\n\tEOF\n"
                 "ADD <<'EOF' /d\n$x\nEOF\n"
                 "COPY [\"a b\", \"c\", \"/d\"]\n");
    const struct instr *c = cmd_of(&b, 0);
    assert_int_equal(c->n_sources, 2);
    assert_span(c->sources[0], "a");
    assert_span(c->sources[1], "b");
    assert_int_equal(c->n_inline_files, 1);
    assert_span(c->inline_files[0].name, "EOF");
    assert_span(c->inline_files[0].data, "hello $x\n");
    assert_true(c->inline_files[0].expand);
    assert_span(c->dest, "/dst");
    /* <<-: every line's leading tabs removed */
    c = cmd_of(&b, 1);
    assert_int_equal(c->n_sources, 0);
    assert_span(c->inline_files[0].data, "hello\nworld\n  sp\n");
    /* a quoted delimiter: no expansion */
    c = cmd_of(&b, 2);
    assert_false(c->inline_files[0].expand);
    assert_span(c->inline_files[0].data, "$x\n");
    c = cmd_of(&b, 3);
    assert_true(c->json);
    assert_int_equal(c->n_sources, 2);
    assert_span(c->sources[0], "a b");
    assert_span(c->dest, "/d");
    built_release(&b);
}

static void test_instructions_cmd_entrypoint(void **state)
{
    (void)state;
    struct built b;
    build_ok(&b, "FROM x\nCMD\nCMD []\nENTRYPOINT []\nCMD echo  hi\n"
                 "ENTRYPOINT [\"a\", \"b\"]");
    const struct instr *c = cmd_of(&b, 0);
    assert_int_equal(c->n_cmdline, 0);
    assert_null(c->cmdline);
    assert_false(c->json);
    assert_true(c->prepend_shell);
    c = cmd_of(&b, 1);
    assert_int_equal(c->n_cmdline, 0);
    assert_true(c->json);
    assert_false(c->prepend_shell);
    c = cmd_of(&b, 2);
    assert_int_equal(c->kind, INSTR_ENTRYPOINT);
    assert_int_equal(c->n_cmdline, 0);
    assert_true(c->json);
    c = cmd_of(&b, 3);
    assert_int_equal(c->n_cmdline, 1);
    assert_span(c->cmdline[0], "echo  hi");
    assert_true(c->prepend_shell);
    c = cmd_of(&b, 4);
    assert_int_equal(c->n_cmdline, 2);
    assert_span(c->cmdline[0], "a");
    assert_span(c->keyword, "ENTRYPOINT");
    built_release(&b);
}

/* ==================================================================== */
/* Go durations                                                         */
/* ==================================================================== */

static void test_instructions_parse_duration(void **state)
{
    (void)state;
    assert_duration("1h2m3.5s", 3723500000000LL);
    assert_duration("-1.5h", -5400000000000LL);
    assert_duration(".5s", 500000000);
    assert_duration("1.s", 1000000000);
    assert_duration("0", 0);
    assert_duration("+0", 0);
    assert_duration("-0", 0);
    assert_duration("0s", 0);
    assert_duration("+5s", 5000000000LL);
    assert_duration("1\xc2\xb5s", 1000);  /* U+00B5 micro sign */
    assert_duration("1\xce\xbcs", 1000);  /* U+03BC Greek mu */
    assert_duration("1us", 1000);
    assert_duration("1ns", 1);
    assert_duration("999us", 999000);
    assert_duration("3h2h", 18000000000000LL);
    assert_duration("0.5ns", 0);
    assert_duration("0.0000000001s", 0);
    assert_duration("1.0000000000000000000001s", 1000000000);
    assert_duration("1.9999999999999999999999h", 7200000000000LL);
    assert_duration("9223372036854775807ns", INT64_MAX);
    assert_duration("-9223372036854775808ns", INT64_MIN);
    assert_duration("2562047h47m16.854775807s", INT64_MAX);
}

static void test_instructions_parse_duration_errors(void **state)
{
    (void)state;
    assert_duration_error("", "time: invalid duration \"\"");
    assert_duration_error("abc", "time: invalid duration \"abc\"");
    assert_duration_error(".", "time: invalid duration \".\"");
    assert_duration_error("-", "time: invalid duration \"-\"");
    assert_duration_error("+", "time: invalid duration \"+\"");
    assert_duration_error("5", "time: missing unit in duration \"5\"");
    assert_duration_error("00", "time: missing unit in duration \"00\"");
    assert_duration_error("1.5.5s", "time: missing unit in duration "
                                    "\"1.5.5s\"");
    assert_duration_error("5x", "time: unknown unit \"x\" in duration "
                                "\"5x\"");
    assert_duration_error("1h-1m", "time: unknown unit \"h-\" in duration "
                                   "\"1h-1m\"");
    assert_duration_error("5s ", "time: unknown unit \"s \" in duration "
                                 "\"5s \"");
    assert_duration_error("1e3s", "time: unknown unit \"e\" in duration "
                                  "\"1e3s\"");
    /* time's own quoting: bytes >= 0x80 as \x escapes */
    assert_duration_error("1\xc3\xa9", "time: unknown unit \"\\xc3\\xa9\" in "
                                       "duration \"1\\xc3\\xa9\"");
    assert_duration_error("1h\xff", "time: unknown unit \"h\\xff\" in "
                                    "duration \"1h\\xff\"");
    assert_duration_error("9223372036854775808ns",
                          "time: invalid duration \"9223372036854775808ns\"");
    assert_duration_error("-9223372036854775809ns",
                          "time: invalid duration \"-9223372036854775809ns\"");
    assert_duration_error("10000000000000000000ns",
                          "time: invalid duration \"10000000000000000000ns\"");
    assert_duration_error("2562047h47m16.854775808s",
                          "time: invalid duration "
                          "\"2562047h47m16.854775808s\"");
    assert_duration_error("3000000h", "time: invalid duration \"3000000h\"");
    /* a span: the bytes after len do not count */
    assert_duration_error("5sX", "time: unknown unit \"sX\" in duration "
                                     "\"5sX\"");
    int64_t ns = -1;
    char *err = NULL;
    assert_int_equal(go_parse_duration("5sX", 2, &ns, &err), 0);
    assert_null(err);
    assert_int_equal(ns, 5000000000LL);
}

static void test_instructions_format_duration(void **state)
{
    (void)state;
    assert_format(0, "0s");
    assert_format(1, "1ns");
    assert_format(999, "999ns");
    assert_format(1000, "1\xc2\xb5s");
    assert_format(1001, "1.001\xc2\xb5s");
    assert_format(1500, "1.5\xc2\xb5s");
    assert_format(1500000, "1.5ms");
    assert_format(100000000, "100ms");
    assert_format(1000000000, "1s");
    assert_format(1000000001, "1.000000001s");
    assert_format(1500000000, "1.5s");
    assert_format(59999999999LL, "59.999999999s");
    assert_format(60000000000LL, "1m0s");
    assert_format(90000000000LL, "1m30s");
    assert_format(3600000000000LL, "1h0m0s");
    assert_format(3723000000000LL, "1h2m3s");
    assert_format(86400000000000LL, "24h0m0s");
    assert_format(-1500000, "-1.5ms");
    assert_format(INT64_MAX, "2562047h47m16.854775807s");
    assert_format(INT64_MIN, "-2562047h47m16.854775808s");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_instructions_from_arity),
        cmocka_unit_test(test_instructions_from_stage_name),
        cmocka_unit_test(test_instructions_from_as_unicode_fold),
        cmocka_unit_test(test_instructions_from_platform),
        cmocka_unit_test(test_instructions_flag_unknown),
        cmocka_unit_test(test_instructions_flag_duplicate_and_missing),
        cmocka_unit_test(test_instructions_flag_bool),
        cmocka_unit_test(test_instructions_flag_values),
        cmocka_unit_test(test_instructions_flags_ignored),
        cmocka_unit_test(test_instructions_copy_add_args),
        cmocka_unit_test(test_instructions_exactly_one),
        cmocka_unit_test(test_instructions_maintainer),
        cmocka_unit_test(test_instructions_at_least_one),
        cmocka_unit_test(test_instructions_blank_names),
        cmocka_unit_test(test_instructions_volume_empty),
        cmocka_unit_test(test_instructions_shell),
        cmocka_unit_test(test_instructions_onbuild_errors),
        cmocka_unit_test(test_instructions_onbuild_expression),
        cmocka_unit_test(test_instructions_healthcheck_errors),
        cmocka_unit_test(test_instructions_healthcheck_durations),
        cmocka_unit_test(test_instructions_healthcheck_retries),
        cmocka_unit_test(test_instructions_run_flags),
        cmocka_unit_test(test_instructions_run_mount_csv),
        cmocka_unit_test(test_instructions_run_cmdline),
        cmocka_unit_test(test_instructions_unknown),
        cmocka_unit_test(test_instructions_no_stage),
        cmocka_unit_test(test_instructions_stages),
        cmocka_unit_test(test_instructions_layer_results),
        cmocka_unit_test(test_instructions_env_label_pairs),
        cmocka_unit_test(test_instructions_arg_pairs),
        cmocka_unit_test(test_instructions_stage_comment),
        cmocka_unit_test(test_instructions_expose_volume),
        cmocka_unit_test(test_instructions_copy_sources),
        cmocka_unit_test(test_instructions_cmd_entrypoint),
        cmocka_unit_test(test_instructions_parse_duration),
        cmocka_unit_test(test_instructions_parse_duration_errors),
        cmocka_unit_test(test_instructions_format_duration),
    };
    return cmocka_run_group_tests_name("instructions", tests, NULL, NULL);
}
