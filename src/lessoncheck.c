/*
 * lessoncheck.c: goal checking and `lessons check` validation (see
 * lessoncheck.h).
 */
#include "lessoncheck.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb.h"
#include "xmalloc.h"

void lesson_checklist_init(struct lesson_checklist *c)
{
    memset(c, 0, sizeof(*c));
}

void lesson_checklist_release(struct lesson_checklist *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->items[i].got);
    free(c->items);
    lesson_checklist_init(c);
}

bool lesson_eval_check(const struct lesson_check *c, struct sm_snapshot *snap,
                       struct sb *got)
{
    const struct sm_run *run = NULL;
    if (c->kind == LCHECK_RUN)
        run = sm_snapshot_probe(snap, c->probe);
    else if (c->kind == LCHECK_LAST_RUN)
        run = &snap->last_run;
    struct sm_value v;
    sm_get(snap, run, c->path, c->param, &v);
    if (got)
        sm_value_format(got, &v);
    return sm_compare(&v, c->op, &c->want);
}

void lesson_eval_step(const struct lesson_step *st, struct sm_snapshot *snap,
                      struct lesson_checklist *out)
{
    lesson_checklist_release(out);
    out->items = xcalloc(st->n_goal ? st->n_goal : 1, sizeof(*out->items));
    out->n = st->n_goal;
    out->done = st->n_goal > 0;
    for (size_t i = 0; i < st->n_goal; i++) {
        struct sb got = SB_INIT;
        out->items[i].check = &st->goal[i];
        out->items[i].pass = lesson_eval_check(&st->goal[i], snap, &got);
        out->items[i].got = sb_detach(&got, NULL);
        out->done = out->done && out->items[i].pass;
    }
    if (out->done)
        return;
    for (size_t i = 0; i < st->n_rules; i++)
        if (lesson_eval_check(&st->rules[i].when, snap, NULL)) {
            out->feedback = (int)i + 1;
            out->say = st->rules[i].say;
            break;
        }
}

void lesson_check_step(const struct lesson *l, size_t step,
                       const struct session *s, struct lesson_checklist *out)
{
    struct sm_snapshot snap;
    sm_snapshot_take(&snap, s, l->image);
    lesson_eval_step(&l->steps[step], &snap, out);
    sm_snapshot_release(&snap);
}

/* One line as typed; false (and the reason in problem) if the session
 * refused it. */
static bool apply_one(struct session *s, const char *line, struct sb *problem)
{
    struct line_result r;
    line_result_init(&r);
    session_line(s, line, &r);
    bool ok = true;
    if (r.kind == LINE_UNKNOWN ||
        (r.kind == LINE_DOCKER && strncmp(r.err.buf, "docksim: ", 9) == 0)) {
        ok = false;
        if (problem) {
            size_t n = strcspn(r.err.buf, "\n");
            sb_add(problem, r.err.buf, n);
        }
    }
    line_result_release(&r);
    return ok;
}

size_t lesson_apply(struct session *s, const struct lesson_input *lines,
                    size_t n, struct sb *problem)
{
    size_t bad = 0;
    for (size_t i = 0; i < n; i++)
        if (!apply_one(s, lines[i].text, bad ? NULL : problem))
            bad++;
    return bad;
}

/* ==================================================================== */
/* Validation                                                           */
/* ==================================================================== */

struct vctx {
    const struct lesson *l;
    struct lesson_diags *d;   /* NULL: the silent second run */
    struct sb *t;             /* the transcript */
    size_t errors;
    bool *rule_tried;         /* per step, per rule: a [try] fires it */
    size_t *rule_base;
    bool *undone;             /* per step: a later solution undid it */
};

static void verr(struct vctx *v, int line, bool warning, const char *fmt, ...)
    ATTR_PRINTF(4, 5);

static void verr(struct vctx *v, int line, bool warning, const char *fmt, ...)
{
    if (!warning)
        v->errors++;
    if (!v->d)
        return;
    va_list ap;
    struct sb m = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    lesson_diag_add(v->d, v->l->file, line, warning, "%s", m.buf);
    sb_release(&m);
}

static void transcript(struct sb *t, const char *what, const char *id,
                       const struct lesson_checklist *c)
{
    sb_addf(t, "%s %s: %s, feedback %d\n", what, id,
            c->done ? "done" : "not done", c->feedback);
    for (size_t i = 0; i < c->n; i++)
        sb_addf(t, "  [%c] %s: %s\n", c->items[i].pass ? 'x' : ' ',
                c->items[i].check->text, c->items[i].got);
}

/* Apply lines, reporting refused ones (and, for solutions, lines the
 * lesson does not allow). */
static void apply_checked(struct vctx *v, struct session *s,
                          const struct lesson_input *in, size_t n,
                          const char *what)
{
    for (size_t i = 0; i < n; i++) {
        struct sb why = SB_INIT;
        if (what && !lesson_allows(v->l, in[i].text,
                                   session_dockerfile_open(s), &why))
            verr(v, in[i].line, false, "%s: %s", what, why.buf);
        sb_reset(&why);
        if (!apply_one(s, in[i].text, &why))
            verr(v, in[i].line, false, "docksim refuses '%s': %s", in[i].text,
                 why.buf);
        sb_release(&why);
    }
}

static void check_try(struct vctx *v, const struct lesson_try *t,
                      const struct lesson_step *st, size_t step,
                      const struct session *start)
{
    struct session s;
    session_clone(start, &s, NULL, NULL);
    apply_checked(v, &s, t->input, t->n_input, NULL);
    struct lesson_checklist c;
    lesson_checklist_init(&c);
    lesson_check_step(v->l, step, &s, &c);
    char what[160];
    snprintf(what, sizeof(what), "try %s", t->name);
    transcript(v->t, what, st->id, &c);
    if (c.done) {
        verr(v, t->line, false, "try '%s': its input solves step '%s', so no "
                                "feedback would show",
             t->name, st->id);
    } else if (c.feedback != t->expect) {
        struct sb exp = SB_INIT, got = SB_INIT;
        if (t->expect)
            sb_addf(&exp, "feedback rule %d (line %d)", t->expect,
                    st->rules[t->expect - 1].line);
        else
            sb_adds(&exp, "no feedback");
        if (c.feedback)
            sb_addf(&got, "rule %d (line %d) fires", c.feedback,
                    st->rules[c.feedback - 1].line);
        else
            sb_adds(&got, "no rule fires");
        verr(v, t->line, false, "try '%s': expected %s, but %s", t->name,
             exp.buf, got.buf);
        sb_release(&exp);
        sb_release(&got);
    }
    if (c.feedback)
        v->rule_tried[v->rule_base[step] + (size_t)c.feedback - 1] = true;
    lesson_checklist_release(&c);
    session_release(&s);
}

/* One full run over the lesson; the transcript records every result. */
static void validate_run(struct vctx *v)
{
    const struct lesson *l = v->l;
    struct session s;
    session_init(&s);
    apply_checked(v, &s, l->setup, l->n_setup, NULL);
    if (session_dockerfile_open(&s) && l->n_setup)
        verr(v, l->setup[l->n_setup - 1].line, false,
             "[setup] ends inside an unfinished instruction");
    for (size_t k = 0; k < l->n_steps; k++) {
        const struct lesson_step *st = &l->steps[k];
        struct lesson_checklist c;
        lesson_checklist_init(&c);

        /* the step must start unsolved */
        lesson_check_step(l, k, &s, &c);
        transcript(v->t, "start", st->id, &c);
        if (c.done && st->n_goal)
            verr(v, st->goal_line, false,
                 "step '%s' is already solved when it starts (after [setup]%s"
                 "), so it teaches nothing: its goal needs a check the start "
                 "state fails",
                 st->id, k ? " and the earlier solutions" : "");

        for (size_t i = 0; i < l->n_tries; i++)
            if (l->tries[i].step && strcmp(l->tries[i].step, st->id) == 0)
                check_try(v, &l->tries[i], st, k, &s);

        /* its solution must solve it */
        char what[160];
        snprintf(what, sizeof(what), "solution of step '%s'", st->id);
        apply_checked(v, &s, st->solution, st->n_solution, what);
        if (session_dockerfile_open(&s))
            verr(v, st->solution_line, false,
                 "the solution of step '%s' ends inside an unfinished "
                 "instruction",
                 st->id);
        struct sm_snapshot snap;
        sm_snapshot_take(&snap, &s, l->image);
        lesson_eval_step(st, &snap, &c);
        transcript(v->t, "solved", st->id, &c);
        for (size_t i = 0; i < c.n; i++)
            if (!c.items[i].pass)
                verr(v, c.items[i].check->line, false,
                     "step '%s': the solution does not pass the check '%s' "
                     "(got %s)",
                     st->id, c.items[i].check->desc
                                 ? c.items[i].check->desc
                                 : c.items[i].check->text,
                     c.items[i].got);
        /* the earlier goals, as warnings (once per earlier step) */
        for (size_t j = 0; j < k; j++) {
            if (v->undone[j])
                continue;
            lesson_eval_step(&l->steps[j], &snap, &c);
            if (!c.done) {
                v->undone[j] = true;
                verr(v, l->steps[j].goal_line, true,
                     "step '%s' no longer passes after the solution of step "
                     "'%s'",
                     l->steps[j].id, st->id);
            }
        }
        sm_snapshot_release(&snap);
        lesson_checklist_release(&c);
    }
    session_release(&s);
}

size_t lesson_validate(const struct lesson *l, struct lesson_diags *d)
{
    size_t n_rules = 0;
    size_t *base = xcalloc(l->n_steps ? l->n_steps : 1, sizeof(*base));
    for (size_t k = 0; k < l->n_steps; k++) {
        base[k] = n_rules;
        n_rules += l->steps[k].n_rules;
    }
    bool *tried = xcalloc(n_rules ? n_rules : 1, sizeof(*tried));
    struct sb t1 = SB_INIT, t2 = SB_INIT;
    bool *undone = xcalloc(l->n_steps ? l->n_steps : 1, sizeof(*undone));
    struct vctx v = { l, d, &t1, 0, tried, base, undone };
    validate_run(&v);
    size_t errors = v.errors;
    for (size_t k = 0; k < l->n_steps; k++)
        for (size_t i = 0; i < l->steps[k].n_rules; i++)
            if (!tried[base[k] + i])
                verr(&v, l->steps[k].rules[i].line, true,
                     "feedback rule %zu of step '%s' has no [try] that "
                     "fires it",
                     i + 1, l->steps[k].id);
    /* determinism: a second, silent run must give the same transcript */
    memset(undone, 0, (l->n_steps ? l->n_steps : 1) * sizeof(*undone));
    struct vctx v2 = { l, NULL, &t2, 0, tried, base, undone };
    validate_run(&v2);
    if (t1.len != t2.len || memcmp(t1.buf, t2.buf, t1.len) != 0) {
        verr(&v, l->id_line, false, "a second run of the lesson gives "
                                    "different results (not deterministic)");
        errors++;
    }
    sb_release(&t1);
    sb_release(&t2);
    free(tried);
    free(base);
    free(undone);
    return errors;
}
