/*
 * test_teach.c: docksim's own teaching warnings (teach.h): for each rule
 * the cases where the outcome is certain (it fires, at the right line,
 * with the right text) and the look-alikes where it must stay quiet.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "sb.h"
#include "teach.h"

struct fx {
    struct build_file files[8];
    struct build_context ctx;
    struct teach_opts o;
    struct teach_list tl;
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof(*f));
    f->ctx.files = f->files;
    f->o.ctx = &f->ctx;
    teach_list_init(&f->tl);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    teach_list_release(&f->tl);
    free(f);
    return 0;
}

static void file(struct fx *f, const char *path, const char *data,
                 unsigned mode)
{
    struct build_file *b = &f->files[f->ctx.n_files++];
    b->path = path;
    b->data = data;
    b->len = strlen(data);
    b->mode = mode;
}

/* The warnings of text as "id@line\n" lines. */
static char *ids(struct fx *f, const char *text)
{
    teach_list_release(&f->tl);
    teach_check(text, strlen(text), &f->o, &f->tl);
    struct sb s = SB_INIT;
    for (size_t i = 0; i < f->tl.n; i++)
        sb_addf(&s, "%s@%d\n", teach_rules[f->tl.items[i].rule].id,
                f->tl.items[i].line);
    return sb_detach(&s, NULL);
}

#define assert_ids(f, text, want)                                       \
    do {                                                                \
        char *got_ = ids(f, text);                                      \
        assert_string_equal(got_, want);                                \
        free(got_);                                                     \
    } while (0)

static void test_teach_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < TEACH_COUNT; i++) {
        const struct teach_rule *r = &teach_rules[i];
        assert_non_null(r->id);
        assert_int_equal(strncmp(r->id, "docksim/", 8), 0);
        assert_true(strlen(r->title) > 10);
        assert_true(strlen(r->explanation) > 100);
        assert_true(strlen(r->lesson) > 3);
        assert_null(strchr(r->lesson, ' '));
        assert_int_equal(teach_find(r->id), i);
        assert_int_equal(teach_find(r->id + 8), i);
        for (size_t k = 0; k < i; k++)
            assert_string_not_equal(teach_rules[k].id, r->id);
    }
    assert_int_equal(teach_find("JSONArgsRecommended"), TEACH_COUNT);
}

static void test_teach_shell_entrypoint(void **state)
{
    struct fx *f = *state;
    assert_ids(f,
               "FROM alpine\n"
               "ENTRYPOINT echo hello\n"
               "CMD [\"world\"]\n",
               "docksim/shell-entrypoint-drops-cmd@3\n");
    assert_string_equal(f->tl.items[0].text,
                        "the CMD of line 3 never reaches the shell-form "
                        "ENTRYPOINT of line 2: the container runs "
                        "[\"/bin/sh\", \"-c\", \"echo hello\", \"world\"], "
                        "where the CMD's words are only $0, $1... of a shell "
                        "that never uses them; write the ENTRYPOINT in exec "
                        "form");
    /* CMD first in the same stage: it survives the ENTRYPOINT */
    assert_ids(f, "FROM alpine\nCMD [\"x\"]\nENTRYPOINT echo hi\n",
               "docksim/shell-entrypoint-drops-cmd@3\n");
    /* negatives: exec-form ENTRYPOINT; no CMD; CMD only inherited (the
     * ENTRYPOINT resets it); the text uses the positional parameters */
    assert_ids(f, "FROM alpine\nENTRYPOINT [\"echo\"]\nCMD [\"x\"]\n", "");
    assert_ids(f, "FROM alpine\nENTRYPOINT echo hi\n", "");
    assert_ids(f, "FROM alpine AS a\nCMD [\"x\"]\nFROM a\nENTRYPOINT echo\n",
               "");
    assert_ids(f, "FROM alpine\nENTRYPOINT exec python app.py \"$@\"\n"
                  "CMD [\"--debug\"]\n",
               "");
    assert_ids(f, "FROM alpine\nENTRYPOINT echo ${1}\nCMD [\"x\"]\n", "");
}

static void test_teach_cmd_repeats(void **state)
{
    struct fx *f = *state;
    assert_ids(f,
               "FROM alpine\n"
               "ENTRYPOINT [\"echo\"]\n"
               "CMD [\"echo\", \"hello\"]\n",
               "docksim/cmd-repeats-entrypoint@3\n");
    assert_string_equal(f->tl.items[0].text,
                        "the CMD repeats the ENTRYPOINT's program, so the "
                        "container runs `echo echo hello`; with this "
                        "ENTRYPOINT the CMD should hold only the arguments: "
                        "CMD [\"hello\"]");
    /* by base name, across stages of the chain */
    assert_ids(f,
               "FROM python:3.13 AS base\n"
               "ENTRYPOINT [\"/usr/local/bin/python\"]\n"
               "FROM base\n"
               "CMD [\"python\", \"app.py\"]\n",
               "docksim/cmd-repeats-entrypoint@4\n");
    /* negatives: arguments only; a different program; shell-form CMD */
    assert_ids(f, "FROM alpine\nENTRYPOINT [\"echo\"]\nCMD [\"hello\"]\n", "");
    assert_ids(f, "FROM alpine\nENTRYPOINT [\"/entry.sh\"]\nCMD [\"echo\"]\n"
                  "COPY --chmod=755 <<EOF /entry.sh\n#!/bin/sh\nexec \"$@\"\n"
                  "EOF\n",
               "");
    assert_ids(f, "FROM alpine\nENTRYPOINT [\"echo\"]\nCMD echo hi\n", "");
}

static void test_teach_script_not_executable(void **state)
{
    struct fx *f = *state;
    file(f, "entrypoint.sh", "#!/bin/sh\nexec \"$@\"\n", 0644);
    file(f, "run.sh", "#!/bin/sh\nexec \"$@\"\n", 0755);
    assert_ids(f,
               "FROM alpine\n"
               "COPY entrypoint.sh /usr/local/bin/\n"
               "ENTRYPOINT [\"entrypoint.sh\"]\n"
               "CMD [\"sh\"]\n",
               "docksim/entrypoint-script-not-executable@3\n");
    assert_string_equal(f->tl.items[0].text,
                        "the ENTRYPOINT runs entrypoint.sh, which line 2 "
                        "copies with mode 0644 (no execute bit): the "
                        "container fails to start with \"permission "
                        "denied\"; use COPY --chmod=755");
    /* relative to WORKDIR; a heredoc file is 0644 */
    assert_ids(f,
               "FROM alpine\nWORKDIR /app\nCOPY ./entrypoint.sh .\n"
               "CMD [\"./entrypoint.sh\"]\n",
               "docksim/entrypoint-script-not-executable@4\n");
    assert_ids(f,
               "FROM alpine\nCOPY <<EOF /start\n#!/bin/sh\necho hi\nEOF\n"
               "CMD [\"/start\"]\n",
               "docksim/entrypoint-script-not-executable@6\n");
    /* negatives: --chmod; an executable file; a RUN chmod; shell form;
     * the file is not the one started */
    assert_ids(f,
               "FROM alpine\nCOPY --chmod=755 entrypoint.sh /e.sh\n"
               "ENTRYPOINT [\"/e.sh\"]\n",
               "");
    assert_ids(f, "FROM alpine\nCOPY run.sh /run.sh\nENTRYPOINT [\"/run.sh\"]\n",
               "");
    assert_ids(f,
               "FROM alpine\nCOPY entrypoint.sh /e.sh\nRUN chmod +x /e.sh\n"
               "ENTRYPOINT [\"/e.sh\"]\n",
               "");
    assert_ids(f,
               "FROM alpine\nCOPY entrypoint.sh /e.sh\nENTRYPOINT sh /e.sh\n",
               "");
    assert_ids(f,
               "FROM alpine\nCOPY entrypoint.sh /e.sh\nCMD [\"sh\", "
               "\"/e.sh\"]\n",
               "");
    /* unknown context (no files given): nothing to say */
    f->o.ctx = NULL;
    assert_ids(f, "FROM alpine\nCOPY entrypoint.sh /e.sh\nCMD [\"/e.sh\"]\n",
               "");
}

static void test_teach_script_exec(void **state)
{
    struct fx *f = *state;
    file(f, "no-args.sh", "#!/bin/sh\nset -e\necho ready\n", 0755);
    file(f, "no-exec.sh", "#!/bin/bash\necho ready\n\"$@\"\n", 0755);
    file(f, "good.sh", "#!/bin/sh\nset -e\nexec \"$@\"\n\n# end\n", 0755);
    file(f, "gosu.sh", "#!/bin/sh\nexec gosu app \"$@\"\n", 0755);
    file(f, "app.py", "print('hi')\n", 0755);
    assert_ids(f,
               "FROM alpine\nCOPY no-args.sh /e.sh\nENTRYPOINT [\"/e.sh\"]\n"
               "CMD [\"nginx\"]\n",
               "docksim/entrypoint-script-does-not-exec@4\n");
    assert_string_equal(f->tl.items[0].text,
                        "the ENTRYPOINT script /e.sh does not end with exec "
                        "\"$@\": the CMD [\"nginx\"] is handed to the script "
                        "as arguments and never runs");
    assert_ids(f,
               "FROM alpine\nCOPY no-exec.sh /e.sh\nENTRYPOINT [\"/e.sh\"]\n"
               "CMD [\"nginx\"]\n",
               "docksim/entrypoint-script-does-not-exec@4\n");
    assert_non_null(strstr(f->tl.items[0].text, "not as PID 1"));
    /* negatives: ends with exec "$@" (comments after it are fine), or an
     * exec that passes "$@" on; no CMD; not a shell script */
    assert_ids(f,
               "FROM alpine\nCOPY good.sh /e.sh\nENTRYPOINT [\"/e.sh\"]\n"
               "CMD [\"nginx\"]\n",
               "");
    assert_ids(f,
               "FROM alpine\nCOPY gosu.sh /e.sh\nENTRYPOINT [\"/e.sh\"]\n"
               "CMD [\"nginx\"]\n",
               "");
    assert_ids(f, "FROM alpine\nCOPY no-args.sh /e.sh\nENTRYPOINT [\"/e.sh\"]\n",
               "");
    assert_ids(f,
               "FROM alpine\nCOPY app.py /app.py\nENTRYPOINT [\"/app.py\"]\n"
               "CMD [\"x\"]\n",
               "");
}

static void test_teach_program_missing(void **state)
{
    struct fx *f = *state;
    assert_ids(f, "FROM alpine\nCMD [\"bash\"]\n",
               "docksim/program-not-in-image@2\n");
    assert_string_equal(f->tl.items[0].text,
                        "the CMD runs bash, which alpine does not have (and "
                        "nothing here installs or copies it): the container "
                        "fails to start with exec: \"bash\": executable file "
                        "not found in $PATH");
    /* scratch: even a shell-form CMD has no /bin/sh */
    assert_ids(f, "FROM scratch\nCMD echo hi\n",
               "docksim/program-not-in-image@2\n");
    assert_non_null(strstr(f->tl.items[0].text,
                           "shell form, so it runs /bin/sh, and scratch has no "
                           "files at all"));
    assert_ids(f, "FROM busybox\nENTRYPOINT [\"/usr/bin/python3\"]\n",
               "docksim/program-not-in-image@2\n");
    assert_non_null(strstr(f->tl.items[0].text,
                           "stat /usr/bin/python3: no such file"));
    /* negatives: the image has it; a RUN installs it; a COPY brings it; an
     * image the catalogue does not know; the base image's own CMD */
    assert_ids(f, "FROM alpine\nCMD [\"sh\"]\n", "");
    assert_ids(f, "FROM debian:bookworm\nCMD [\"bash\"]\n", "");
    assert_ids(f, "FROM alpine\nRUN apk add --no-cache bash\nCMD [\"bash\"]\n",
               "");
    assert_ids(f,
               "FROM golang AS build\nRUN go build -o /app .\n"
               "FROM scratch\nCOPY --from=build /app /app\nCMD [\"/app\"]\n",
               "");
    assert_ids(f, "FROM example.com/mine:1\nCMD [\"bash\"]\n", "");
    assert_ids(f, "FROM alpine\nENV PATH=/opt/bin:$PATH\nCMD [\"tool\"]\n", "");
    assert_ids(f, "FROM alpine\nLABEL x=y\n", "");
}

static void test_teach_target_and_off(void **state)
{
    struct fx *f = *state;
    const char *df = "FROM alpine AS dev\nCMD [\"bash\"]\n"
                     "FROM debian:bookworm\nCMD [\"bash\"]\n";
    assert_ids(f, df, "");
    f->o.target = "DEV";
    assert_ids(f, df, "docksim/program-not-in-image@2\n");
    f->o.target = "nope";
    assert_ids(f, df, "");
    f->o.target = NULL;
    f->o.off = true;
    assert_ids(f, "FROM alpine\nCMD [\"bash\"]\n", "");
    f->o.off = false;
    /* sorted by line (rules found later may come first) */
    file(f, "e.sh", "#!/bin/sh\necho hi\n", 0644);
    assert_ids(f,
               "FROM alpine\nCOPY e.sh /e.sh\nENTRYPOINT [\"/e.sh\"]\n"
               "CMD [\"/e.sh\", \"x\"]\n",
               "docksim/entrypoint-script-not-executable@3\n"
               "docksim/cmd-repeats-entrypoint@4\n"
               "docksim/entrypoint-script-does-not-exec@4\n");
    /* a Dockerfile that does not parse teaches nothing */
    assert_ids(f, "FROM alpine\nENTRYPOINT [\"echo\"]\nCMD [\"echo\", \"x\"]\n"
                  "FROM alpine\nCMD [\"bash\"]\nENTRYPOINT echo hi\n"
                  "CMD [\"x\"]\n",
               "docksim/shell-entrypoint-drops-cmd@7\n");
    assert_ids(f, "FROM alpine\nCMD [\"bash\"]\nBADCMD\n", "");
    assert_ids(f, "", "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_teach_table),
        cmocka_unit_test_setup_teardown(test_teach_shell_entrypoint, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_teach_cmd_repeats, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_teach_script_not_executable,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_teach_script_exec, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_teach_program_missing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_teach_target_and_off, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("teach", tests, NULL, NULL);
}
