/*
 * test_lessonrun.c: the API the interactive shell drives a lesson with
 * (lessonrun.h): setup, checking after each input, feedback once per
 * state, hints in order, the solution, :next with progress, resuming,
 * :prev and going to a step.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "lessonrun.h"
#include "progress.h"
#include "sb.h"
#include "session.h"

static const char text[] =
    "lesson: greet\nformat: 1\nversion: 2\ntitle: T\nsummary: S\n"
    "image: greeter\n"
    "[setup]\nFROM alpine:3.20\n"
    "[step cmd]\ntitle: A default\ntext: x\n"
    "goal:\n  # runs echo hello\n"
    "  run docker run greeter => argv = [\"echo\", \"hello\"]\n"
    "hint: one\nhint: two\n"
    "solution:\n  CMD [\"echo\", \"hello\"]\n"
    "feedback:\n  when state image.cmd.form = shell\n  say: use JSON\n"
    "[step ep]\ntitle: B\ntext: y\n"
    "goal:\n  # an entrypoint\n  state image.entrypoint.form = exec\n"
    "solution:\n  ENTRYPOINT [\"echo\"]\n  CMD [\"hello\"]\n";

struct fx {
    struct lesson l;
    struct lesson_run lr;
    struct session s;
    struct lesson_checklist c;
    struct progress p;
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof(*f));
    struct lesson_diags d;
    lesson_diags_init(&d);
    assert_int_equal(lesson_parse(&f->l, "greet.lesson", text, strlen(text),
                                  &d),
                     0);
    lesson_diags_release(&d);
    lesson_run_start(&f->lr, &f->l);
    session_init(&f->s);
    lesson_checklist_init(&f->c);
    progress_init(&f->p);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    lesson_checklist_release(&f->c);
    session_release(&f->s);
    progress_release(&f->p);
    lesson_release(&f->l);
    free(f);
    return 0;
}

static void type(struct session *s, const char *line)
{
    struct line_result r;
    line_result_init(&r);
    session_line(s, line, &r);
    line_result_release(&r);
}

static void test_lessonrun_walkthrough(void **state)
{
    struct fx *f = *state;
    struct sb why = SB_INIT;
    assert_int_equal(lesson_run_setup(&f->lr, &f->s, &why), 0);
    assert_string_equal(f->s.dockerfile.buf, "FROM alpine:3.20\n");
    assert_string_equal(lesson_run_step(&f->lr)->id, "cmd");

    lesson_run_check(&f->lr, &f->s, &f->c);
    assert_false(f->c.done);
    assert_int_equal(f->c.feedback, 0);
    assert_int_equal(lesson_run_next(&f->lr, &f->p), -1); /* not done */

    /* a recognised mistake: feedback, once for the same state */
    type(&f->s, "CMD echo hello");
    lesson_run_check(&f->lr, &f->s, &f->c);
    assert_int_equal(f->c.feedback, 1);
    assert_string_equal(f->c.say, "use JSON");
    assert_true(f->c.feedback_new);
    lesson_run_check(&f->lr, &f->s, &f->c); /* :check again, no change */
    assert_int_equal(f->c.feedback, 1);
    assert_false(f->c.feedback_new);
    type(&f->s, "CMD echo hello again");   /* a new state: new again */
    lesson_run_check(&f->lr, &f->s, &f->c);
    assert_true(f->c.feedback_new);

    /* hints in order, then none */
    size_t num = 0;
    assert_string_equal(lesson_run_hint(&f->lr, &num), "one");
    assert_int_equal(num, 1);
    assert_string_equal(lesson_run_hint(&f->lr, &num), "two");
    assert_int_equal(num, 2);
    assert_null(lesson_run_hint(&f->lr, &num));

    size_t n = 0;
    const struct lesson_input *sol = lesson_run_solution(&f->lr, &n);
    assert_int_equal(n, 1);
    assert_string_equal(sol[0].text, "CMD [\"echo\", \"hello\"]");
    type(&f->s, sol[0].text);
    lesson_run_check(&f->lr, &f->s, &f->c);
    assert_true(f->c.done);
    assert_int_equal(lesson_run_next(&f->lr, &f->p), 0);

    struct sb out = SB_INIT;
    progress_format(&f->p, &out);
    assert_string_equal(out.buf,
                        "# docksim progress, format 1. Safe to copy between "
                        "machines.\n"
                        "current greet ep\n"
                        "done greet@2 cmd hints=2 solution-shown\n");
    /* the next step starts fresh: no hints, not done */
    assert_string_equal(lesson_run_step(&f->lr)->id, "ep");
    assert_int_equal(f->lr.hints_shown, 0);
    assert_int_equal(lesson_run_next(&f->lr, &f->p), -1);
    type(&f->s, "ENTRYPOINT [\"echo\"]");
    lesson_run_check(&f->lr, &f->s, &f->c);
    assert_true(f->c.done);
    assert_int_equal(lesson_run_next(&f->lr, NULL), 0); /* not recorded */
    assert_null(lesson_run_step(&f->lr));
    /* finished: checking clears the list, next refuses */
    lesson_run_check(&f->lr, &f->s, &f->c);
    assert_int_equal(f->c.n, 0);
    assert_int_equal(lesson_run_next(&f->lr, &f->p), -1);
    assert_null(lesson_run_hint(&f->lr, &num));
    assert_null(lesson_run_solution(&f->lr, &n));
    assert_int_equal(n, 0);
    lesson_run_save_position(&f->lr, &f->p);
    assert_string_equal(f->p.cur_lesson, "greet");
    assert_null(f->p.cur_step); /* finished */
    sb_release(&out);
    sb_release(&why);
}

static void test_lessonrun_resume(void **state)
{
    struct fx *f = *state;
    /* nothing recorded for this lesson */
    assert_int_equal(lesson_run_resume(&f->lr, &f->p), -1);
    assert_int_equal(f->lr.step, 0);
    /* the current line wins */
    progress_set_current(&f->p, "greet", "ep");
    assert_int_equal(lesson_run_resume(&f->lr, &f->p), 0);
    assert_int_equal(f->lr.step, 1);
    /* a current line for another lesson: the done lines decide */
    lesson_run_start(&f->lr, &f->l);
    progress_set_current(&f->p, "other", "x");
    progress_mark_done(&f->p, "greet", 2, "cmd", 0, false);
    assert_int_equal(lesson_run_resume(&f->lr, &f->p), 0);
    assert_int_equal(f->lr.step, 1);
    /* steps done under an older version do not count */
    lesson_run_start(&f->lr, &f->l);
    progress_mark_done(&f->p, "greet", 1, "cmd", 0, false);
    assert_int_equal(lesson_run_resume(&f->lr, &f->p), -1);
    /* a finished lesson */
    progress_set_current(&f->p, "greet", NULL);
    assert_int_equal(lesson_run_resume(&f->lr, &f->p), 0);
    assert_null(lesson_run_step(&f->lr));

    /* catching up: setup and the solutions before the current step */
    lesson_run_start(&f->lr, &f->l);
    progress_set_current(&f->p, "greet", "ep");
    lesson_run_resume(&f->lr, &f->p);
    struct sb why = SB_INIT;
    assert_int_equal(lesson_run_catch_up(&f->lr, &f->s, &why), 0);
    assert_string_equal(f->s.dockerfile.buf,
                        "FROM alpine:3.20\nCMD [\"echo\", \"hello\"]\n");
    lesson_run_check(&f->lr, &f->s, &f->c);
    assert_false(f->c.done);
    sb_release(&why);
}

static void test_lessonrun_state_digest(void **state)
{
    struct fx *f = *state;
    uint64_t empty = lesson_state_digest(&f->s);
    type(&f->s, "FROM alpine");
    uint64_t one = lesson_state_digest(&f->s);
    assert_true(one != empty);
    struct session c;
    session_clone(&f->s, &c, NULL, NULL);
    assert_true(lesson_state_digest(&c) == one); /* same inputs, same state */
    type(&c, "CMD x");
    assert_true(lesson_state_digest(&c) != one);
    session_release(&c);
}

static void test_lessonrun_prev_and_goto(void **state)
{
    struct fx *f = *state;
    /* at the first step there is nothing before */
    assert_int_equal(lesson_run_prev(&f->lr, &f->p), -1);
    assert_null(f->p.cur_lesson); /* nothing recorded */
    /* a step with hints shown and solved: going back starts the step
       before afresh and records where the learner is */
    lesson_run_goto(&f->lr, 1);
    assert_string_equal(lesson_run_step(&f->lr)->id, "ep");
    f->lr.done = true;
    assert_int_equal(lesson_run_prev(&f->lr, &f->p), 0);
    assert_string_equal(lesson_run_step(&f->lr)->id, "cmd");
    assert_false(f->lr.done);
    assert_int_equal(f->lr.hints_shown, 0);
    assert_string_equal(f->p.cur_lesson, "greet");
    assert_string_equal(f->p.cur_step, "cmd");
    size_t num = 0;
    lesson_run_hint(&f->lr, &num);
    assert_int_equal(lesson_run_prev(&f->lr, NULL), -1);
    assert_int_equal(f->lr.hints_shown, 1); /* unchanged */
    /* goto clamps to "finished"; prev from there is the last step */
    lesson_run_goto(&f->lr, 99);
    assert_null(lesson_run_step(&f->lr));
    assert_int_equal(f->lr.step, 2);
    assert_int_equal(lesson_run_prev(&f->lr, NULL), 0);
    assert_string_equal(lesson_run_step(&f->lr)->id, "ep");
    /* goto then catch_up: the start state of that step */
    struct sb why = SB_INIT;
    lesson_run_goto(&f->lr, 1);
    assert_int_equal(lesson_run_catch_up(&f->lr, &f->s, &why), 0);
    assert_string_equal(f->s.dockerfile.buf,
                        "FROM alpine:3.20\nCMD [\"echo\", \"hello\"]\n");
    sb_release(&why);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_lessonrun_walkthrough),
        T(test_lessonrun_resume),
        T(test_lessonrun_state_digest),
        T(test_lessonrun_prev_and_goto),
    };
#undef T
    return cmocka_run_group_tests_name("lessonrun", tests, NULL, NULL);
}
