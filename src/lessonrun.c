/*
 * lessonrun.c: a learner's position in a lesson (see lessonrun.h).
 */
#include "lessonrun.h"

#include <string.h>

#include "sb.h"

void lesson_run_start(struct lesson_run *lr, const struct lesson *l)
{
    memset(lr, 0, sizeof(*lr));
    lr->l = l;
}

static void enter_step(struct lesson_run *lr, size_t step)
{
    lr->step = step;
    lr->hints_shown = 0;
    lr->solution_shown = false;
    lr->done = false;
    lr->fb_state = 0;
    lr->fb_rule = 0;
}

int lesson_run_resume(struct lesson_run *lr, const struct progress *p)
{
    const struct lesson *l = lr->l;
    if (p->cur_lesson && strcmp(p->cur_lesson, l->id) == 0) {
        if (!p->cur_step) {
            enter_step(lr, l->n_steps);
            return 0;
        }
        long k = lesson_step_index(l, p->cur_step);
        if (k >= 0) {
            enter_step(lr, (size_t)k);
            return 0;
        }
    }
    /* the first step not done under this version */
    size_t k = 0;
    while (k < l->n_steps &&
           progress_step_state(p, l->id, l->version, l->steps[k].id) ==
               PROGRESS_DONE)
        k++;
    if (k == 0)
        return -1;
    enter_step(lr, k);
    return 0;
}

size_t lesson_run_setup(const struct lesson_run *lr, struct session *s,
                        struct sb *problem)
{
    return lesson_apply(s, lr->l->setup, lr->l->n_setup, problem);
}

size_t lesson_run_catch_up(const struct lesson_run *lr, struct session *s,
                           struct sb *problem)
{
    size_t bad = lesson_run_setup(lr, s, problem);
    for (size_t k = 0; k < lr->step && k < lr->l->n_steps; k++)
        bad += lesson_apply(s, lr->l->steps[k].solution,
                            lr->l->steps[k].n_solution,
                            bad ? NULL : problem);
    return bad;
}

const struct lesson_step *lesson_run_step(const struct lesson_run *lr)
{
    return lr->step < lr->l->n_steps ? &lr->l->steps[lr->step] : NULL;
}

uint64_t lesson_state_digest(const struct session *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < s->log.n; i++) {
        const struct session_input *in = &s->log.v[i];
        h = (h ^ (uint64_t)in->kind) * 1099511628211ULL;
        for (size_t k = 0; k < in->len; k++)
            h = (h ^ (unsigned char)in->text[k]) * 1099511628211ULL;
        h = (h ^ 0xffu) * 1099511628211ULL;
    }
    return h;
}

void lesson_run_check(struct lesson_run *lr, const struct session *s,
                      struct lesson_checklist *out)
{
    lesson_checklist_release(out);
    if (!lesson_run_step(lr))
        return;
    lesson_check_step(lr->l, lr->step, s, out);
    lr->done = out->done;
    if (!out->feedback)
        return;
    uint64_t d = lesson_state_digest(s);
    out->feedback_new = !(d == lr->fb_state && out->feedback == lr->fb_rule);
    lr->fb_state = d;
    lr->fb_rule = out->feedback;
}

const char *lesson_run_hint(struct lesson_run *lr, size_t *num)
{
    const struct lesson_step *st = lesson_run_step(lr);
    if (!st || lr->hints_shown >= st->n_hints)
        return NULL;
    *num = ++lr->hints_shown;
    return st->hints[lr->hints_shown - 1];
}

const struct lesson_input *lesson_run_solution(struct lesson_run *lr,
                                               size_t *n)
{
    const struct lesson_step *st = lesson_run_step(lr);
    if (!st) {
        *n = 0;
        return NULL;
    }
    lr->solution_shown = true;
    *n = st->n_solution;
    return st->solution;
}

void lesson_run_save_position(const struct lesson_run *lr,
                              struct progress *p)
{
    const struct lesson_step *st = lesson_run_step(lr);
    progress_set_current(p, lr->l->id, st ? st->id : NULL);
}

int lesson_run_next(struct lesson_run *lr, struct progress *p)
{
    const struct lesson_step *st = lesson_run_step(lr);
    if (!st || !lr->done)
        return -1;
    if (p)
        progress_mark_done(p, lr->l->id, lr->l->version, st->id,
                           (int)lr->hints_shown, lr->solution_shown);
    enter_step(lr, lr->step + 1);
    if (p)
        lesson_run_save_position(lr, p);
    return 0;
}

int lesson_run_prev(struct lesson_run *lr, struct progress *p)
{
    if (lr->step == 0)
        return -1;
    enter_step(lr, lr->step - 1);
    if (p)
        lesson_run_save_position(lr, p);
    return 0;
}

void lesson_run_goto(struct lesson_run *lr, size_t step)
{
    enter_step(lr, step < lr->l->n_steps ? step : lr->l->n_steps);
}
