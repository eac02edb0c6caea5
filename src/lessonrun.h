/*
 * lessonrun.h: a learner working through one lesson, for the interactive
 * shell (`:lesson ID`, `:goal`, `:check`, `:hint`, `:solution`, `:next`).
 * The shell owns the session and does all printing; this module keeps
 * the lesson position and answers with data.
 *
 *   struct lesson_run lr;
 *   lesson_run_start(&lr, lesson);          // step 1
 *   lesson_run_resume(&lr, &progress);      // or where the learner was
 *   (fresh session) lesson_run_setup(&lr, &session, &problem);
 *   (resuming)      lesson_run_catch_up(&lr, &session, &problem);
 *   ... after every line that changed the session, and on :check:
 *   lesson_run_check(&lr, &session, &list);  // checklist + feedback
 *   lesson_run_hint(&lr, &num);              // :hint
 *   lesson_run_solution(&lr, &n);            // :solution (after confirming)
 *   lesson_run_next(&lr, &progress);         // :next once list.done
 *   lesson_run_prev(&lr, &progress);         // :prev
 *
 * A lesson_run borrows its lesson; it owns nothing else.
 */
#ifndef LESSONRUN_H
#define LESSONRUN_H

#include <stdint.h>

#include "common.h"
#include "lesson.h"
#include "lessoncheck.h"
#include "progress.h"
#include "session.h"

struct sb;

struct lesson_run {
    const struct lesson *l;   /* borrowed */
    size_t step;              /* the current step; l->n_steps: finished */
    size_t hints_shown;       /* hints revealed in the current step */
    bool solution_shown;      /* the solution was shown in this step */
    bool done;                /* the last check found the step solved */
    uint64_t fb_state;        /* the state the last feedback was for */
    int fb_rule;              /* and its rule (0: none shown yet) */
};

/* Start l at its first step. */
void lesson_run_start(struct lesson_run *lr, const struct lesson *l);

/*
 * Move to where p says the learner is in this lesson (its `current`
 * line), or past the steps p records as done under this version. Returns
 * 0, or -1 (position unchanged) if p has nothing for this lesson.
 */
int lesson_run_resume(struct lesson_run *lr, const struct progress *p);

/*
 * Apply the lesson's [setup] to s (a fresh session), silently. Returns
 * the number of lines the session refused (problem gets the first).
 */
size_t lesson_run_setup(const struct lesson_run *lr, struct session *s,
                        struct sb *problem);

/*
 * Apply [setup] and the solutions of the steps before the current one to
 * s (a fresh session): the start state of the current step, for a
 * learner who resumes a lesson in a new session.
 */
size_t lesson_run_catch_up(const struct lesson_run *lr, struct session *s,
                           struct sb *problem);

/* The current step, or NULL once the lesson is finished. */
const struct lesson_step *lesson_run_step(const struct lesson_run *lr);

/*
 * Check the current step against s (s is not changed). out->done says
 * whether :next may move on; out->say is the feedback for a recognised
 * mistake, and out->feedback_new is false when that same rule was
 * already shown for this same state (show it again only on :check).
 * Does nothing but clear out once the lesson is finished.
 */
void lesson_run_check(struct lesson_run *lr, const struct session *s,
                      struct lesson_checklist *out);

/*
 * Reveal the next hint of the current step: its text, and its 1-based
 * number in *num; NULL when every hint is shown (then say :solution
 * exists).
 */
const char *lesson_run_hint(struct lesson_run *lr, size_t *num);

/*
 * The current step's solution lines (n in *n), to show or type; records
 * that the solution was shown (progress says solution-shown).
 */
const struct lesson_input *lesson_run_solution(struct lesson_run *lr,
                                               size_t *n);

/*
 * Leave a solved step: record it in p (NULL: not recorded) as
 * `done LESSON@VERSION STEP hints=N [solution-shown]`, move to the next
 * step and set p's current line. Returns 0, or -1 if the last
 * lesson_run_check did not find the step done (nothing changes).
 */
int lesson_run_next(struct lesson_run *lr, struct progress *p);

/*
 * Go back one step (for :prev): the step before starts afresh (no hints
 * shown, not done) and p (NULL: not recorded) gets the new position.
 * Returns 0, or -1 at the first step (nothing changes).
 */
int lesson_run_prev(struct lesson_run *lr, struct progress *p);

/*
 * Put lr at step (0-based; l->n_steps: finished), fresh: no hints shown,
 * not done. For rebuilding a step's start state with lesson_run_catch_up.
 */
void lesson_run_goto(struct lesson_run *lr, size_t step);

/* Record the current position as p's `current` line. */
void lesson_run_save_position(const struct lesson_run *lr,
                              struct progress *p);

/* A digest of everything typed into s (feedback is shown once per state). */
uint64_t lesson_state_digest(const struct session *s);

#endif /* LESSONRUN_H */
