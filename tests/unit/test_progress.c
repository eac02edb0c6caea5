/*
 * test_progress.c: the progress file (progress.h, teaching.md §4.7):
 * its text format both ways, problems with line numbers, done/stale
 * states, reset, the default path, and saving and loading a real file.
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
#include <unistd.h>

#include "progress.h"
#include "sb.h"

static const char example[] =
    "# docksim progress, format 1. Safe to copy between machines.\n"
    "current cmd-vs-entrypoint keep-program-change-greeting\n"
    "done cmd-vs-entrypoint@1 default-greeting hints=1\n"
    "done cmd-vs-entrypoint@1 keep-program-change-greeting hints=2 "
    "solution-shown\n";

static void test_progress_round_trip(void **state)
{
    (void)state;
    struct progress p;
    progress_init(&p);
    struct sb err = SB_INIT;
    assert_int_equal(progress_parse(&p, example, strlen(example), &err), 0);
    assert_string_equal(err.buf, "");
    assert_string_equal(p.cur_lesson, "cmd-vs-entrypoint");
    assert_string_equal(p.cur_step, "keep-program-change-greeting");
    assert_int_equal(p.n_done, 2);
    assert_string_equal(p.done[1].step, "keep-program-change-greeting");
    assert_int_equal(p.done[1].version, 1);
    assert_int_equal(p.done[1].hints, 2);
    assert_true(p.done[1].solution_shown);
    assert_false(p.done[0].solution_shown);
    struct sb out = SB_INIT;
    progress_format(&p, &out);
    assert_string_equal(out.buf, example);
    sb_release(&out);
    sb_release(&err);
    progress_release(&p);
}

static void test_progress_tolerates_and_reports_bad_lines(void **state)
{
    (void)state;
    static const char text[] =
        "\n"
        "   # indented comment\r\n"
        "current a-lesson\n"                       /* 3: no step: finished */
        "done x 1\n"                               /* 4 */
        "done x@0 s\n"                             /* 5 */
        "done x@1 s hints=two\n"                   /* 6 */
        "done X@1 s\n"                             /* 7 */
        "done ok@2 fine hints=3\n"                 /* 8 */
        "current a b c\n"                          /* 9 */
        "whatever\n";                              /* 10 */
    struct progress p;
    progress_init(&p);
    struct sb err = SB_INIT;
    assert_int_equal(progress_parse(&p, text, strlen(text), &err), -1);
    assert_string_equal(
        err.buf,
        "line 4: expected LESSON@VERSION after done\n"
        "line 5: expected LESSON@VERSION after done\n"
        "line 6: unknown word after the step (expected hints=N or "
        "solution-shown)\n"
        "line 7: lesson and step ids are lower-case letters, digits and "
        "'-'\n"
        "line 9: a current line reads 'current LESSON [STEP]'\n"
        "line 10: unknown line (expected current or done)\n");
    /* what could be read is kept */
    assert_string_equal(p.cur_lesson, "a-lesson");
    assert_null(p.cur_step);
    assert_int_equal(p.n_done, 1);
    assert_string_equal(p.done[0].lesson, "ok");
    assert_int_equal(p.done[0].version, 2);
    assert_int_equal(p.done[0].hints, 3);
    sb_release(&err);
    progress_release(&p);
}

static void test_progress_states(void **state)
{
    (void)state;
    struct progress p;
    progress_init(&p);
    static const char *const steps[] = { "one", "two" };
    assert_int_equal(progress_lesson_state(&p, "l", 2, steps, 2),
                     PROGRESS_TODO);
    progress_mark_done(&p, "l", 1, "one", 0, false);
    assert_int_equal(progress_step_state(&p, "l", 1, "one"), PROGRESS_DONE);
    assert_int_equal(progress_step_state(&p, "l", 2, "one"), PROGRESS_STALE);
    assert_int_equal(progress_step_state(&p, "l", 2, "two"), PROGRESS_TODO);
    assert_int_equal(progress_step_state(&p, "m", 1, "one"), PROGRESS_TODO);
    /* a lesson whose version changed: "updated - redo?" */
    assert_int_equal(progress_lesson_state(&p, "l", 2, steps, 2),
                     PROGRESS_STALE);
    assert_int_equal(progress_lesson_state(&p, "l", 1, steps, 2),
                     PROGRESS_TODO);
    progress_mark_done(&p, "l", 1, "two", 1, true);
    assert_int_equal(progress_lesson_state(&p, "l", 1, steps, 2),
                     PROGRESS_DONE);
    /* redoing a step replaces its record */
    progress_mark_done(&p, "l", 2, "one", 3, false);
    assert_int_equal(p.n_done, 2);
    const struct progress_done *d = progress_find(&p, "l", "one");
    assert_int_equal(d->version, 2);
    assert_int_equal(d->hints, 3);
    assert_null(progress_find(&p, "l", "three"));
    /* a mix of versions is neither done nor stale */
    assert_int_equal(progress_lesson_state(&p, "l", 2, steps, 2),
                     PROGRESS_TODO);
    progress_release(&p);
}

static void test_progress_reset(void **state)
{
    (void)state;
    struct progress p;
    progress_init(&p);
    progress_mark_done(&p, "a", 1, "s1", 0, false);
    progress_mark_done(&p, "b", 1, "s1", 0, false);
    progress_mark_done(&p, "a", 1, "s2", 0, false);
    progress_set_current(&p, "a", "s3");
    progress_reset(&p, "a");
    assert_int_equal(p.n_done, 1);
    assert_string_equal(p.done[0].lesson, "b");
    assert_null(p.cur_lesson);
    progress_set_current(&p, "b", NULL);
    progress_reset(&p, "a"); /* another lesson: current stays */
    assert_string_equal(p.cur_lesson, "b");
    progress_reset(&p, NULL);
    assert_int_equal(p.n_done, 0);
    assert_null(p.cur_lesson);
    struct sb out = SB_INIT;
    progress_format(&p, &out);
    assert_string_equal(out.buf, "# docksim progress, format 1. Safe to copy "
                                 "between machines.\n");
    sb_release(&out);
    progress_release(&p);
}

static const char *fake_env_vars[4];

static const char *fake_env(const char *name)
{
    for (size_t i = 0; fake_env_vars[i]; i += 2)
        if (strcmp(fake_env_vars[i], name) == 0)
            return fake_env_vars[i + 1];
    return NULL;
}

static void test_progress_default_path(void **state)
{
    (void)state;
    fake_env_vars[0] = "XDG_STATE_HOME";
    fake_env_vars[1] = "/state";
    char *p = progress_default_path(fake_env);
    assert_string_equal(p, "/state/docksim/progress");
    free(p);
    /* a relative XDG_STATE_HOME is ignored (the spec says absolute) */
    fake_env_vars[1] = "rel";
    assert_null(progress_default_path(fake_env)); /* and no HOME */
    fake_env_vars[0] = "HOME";
    fake_env_vars[1] = "/home/x";
    p = progress_default_path(fake_env);
    assert_string_equal(p, "/home/x/.local/state/docksim/progress");
    free(p);
    assert_null(progress_default_path(NULL));
}

static void test_progress_save_and_load(void **state)
{
    (void)state;
    char dir[] = "/tmp/docksim-progress-XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct sb path = SB_INIT, err = SB_INIT;
    sb_addf(&path, "%s/a/b/progress", dir);

    struct progress p;
    progress_init(&p);
    /* no file yet: empty progress, no error */
    assert_int_equal(progress_load(&p, path.buf, &err), 0);
    assert_int_equal(p.n_done, 0);
    progress_set_current(&p, "l", "s2");
    progress_mark_done(&p, "l", 4, "s1", 2, true);
    assert_int_equal(progress_save(&p, path.buf, &err), 0); /* makes a/b */
    assert_string_equal(err.buf, "");
    struct progress q;
    progress_init(&q);
    assert_int_equal(progress_load(&q, path.buf, &err), 0);
    assert_string_equal(q.cur_step, "s2");
    assert_int_equal(q.done[0].version, 4);
    assert_true(q.done[0].solution_shown);
    /* no temporary file is left behind */
    struct sb tmp = SB_INIT;
    sb_addf(&tmp, "%s.tmp", path.buf);
    assert_int_not_equal(access(tmp.buf, F_OK), 0);

    /* a bad line is named with the file and its line */
    FILE *f = fopen(path.buf, "a");
    fputs("bogus\n", f);
    fclose(f);
    assert_int_equal(progress_load(&q, path.buf, &err), -1);
    struct sb want = SB_INIT;
    sb_addf(&want, "%s:4: unknown line (expected current or done)\n",
            path.buf);
    assert_string_equal(err.buf, want.buf);
    assert_int_equal(q.n_done, 1);

    /* a path that cannot be written */
    sb_reset(&err);
    struct sb bad = SB_INIT;
    sb_addf(&bad, "%s/a/b/progress/x", dir); /* progress is a file */
    assert_int_equal(progress_save(&p, bad.buf, &err), -1);
    assert_non_null(strstr(err.buf, "cannot"));
    /* a directory cannot be read as the file */
    sb_reset(&err);
    sb_reset(&bad);
    sb_addf(&bad, "%s/a", dir);
    assert_int_equal(progress_load(&q, bad.buf, &err), -1);

    remove(path.buf);
    sb_reset(&bad);
    sb_addf(&bad, "%s/a/b", dir);
    rmdir(bad.buf);
    sb_reset(&bad);
    sb_addf(&bad, "%s/a", dir);
    rmdir(bad.buf);
    rmdir(dir);
    sb_release(&bad);
    sb_release(&want);
    sb_release(&tmp);
    sb_release(&path);
    sb_release(&err);
    progress_release(&p);
    progress_release(&q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_progress_round_trip),
        cmocka_unit_test(test_progress_tolerates_and_reports_bad_lines),
        cmocka_unit_test(test_progress_states),
        cmocka_unit_test(test_progress_reset),
        cmocka_unit_test(test_progress_default_path),
        cmocka_unit_test(test_progress_save_and_load),
    };
    return cmocka_run_group_tests_name("progress", tests, NULL, NULL);
}
