/*
 * lessoncheck.h: checking a lesson step's goal against a session
 * (teaching.md §4.5) and the machine validation behind `docksim lessons
 * check` (§4.6).
 *
 * How the lesson image is made: checks never look at an image the
 * learner happened to build. Each evaluation takes a snapshot
 * (statemodel.h): the learner's session is replayed into a scratch copy
 * and its current Dockerfile is built there as the lesson's image
 * (`docker build -q -t IMAGE .`, IMAGE from the lesson's `image:`,
 * default app). `state` checks read that image and Dockerfile; `run`
 * probes run on a further copy (each distinct probe once per snapshot),
 * so neither the probes nor the build ever change the learner's session;
 * `last-run` reads the learner's own last `docker run`, which used
 * whatever the learner had built (so lessons ask learners to build before
 * they run, as Docker does).
 *
 * Results are data (struct lesson_checklist); front-ends print them.
 */
#ifndef LESSONCHECK_H
#define LESSONCHECK_H

#include "common.h"
#include "lesson.h"
#include "session.h"
#include "statemodel.h"

struct sb;

struct lesson_check_result {
    const struct lesson_check *check; /* borrowed from the lesson */
    bool pass;
    char *got;        /* the value found, as a check would write it, or
                         "(missing)"; malloc'd */
};

struct lesson_checklist {
    struct lesson_check_result *items; /* one per goal check, in order */
    size_t n;
    bool done;        /* every check passes */
    int feedback;     /* not done: the 1-based index of the first feedback
                         rule that matches, 0 if none (or done) */
    const char *say;  /* that rule's text (borrowed), or NULL */
    bool feedback_new; /* lesson_run_check only: this rule was not shown
                          for this same state before (show it then) */
};

void lesson_checklist_init(struct lesson_checklist *c);
void lesson_checklist_release(struct lesson_checklist *c);

/* Evaluate one check on a snapshot; got (may be NULL) gets the value. */
bool lesson_eval_check(const struct lesson_check *c, struct sm_snapshot *snap,
                       struct sb *got);

/* Evaluate a step's goal (and, if not done, its feedback) on snap. */
void lesson_eval_step(const struct lesson_step *st, struct sm_snapshot *snap,
                      struct lesson_checklist *out);

/*
 * Evaluate step (an index) of l against the learner's session s: takes a
 * snapshot for l's image, evaluates, releases it. s is not changed.
 */
void lesson_check_step(const struct lesson *l, size_t step,
                       const struct session *s, struct lesson_checklist *out);

/*
 * Apply lines to s as if the learner typed them. Returns how many the
 * session refused (not an instruction or docker command, or a docker
 * line docksim cannot simulate); problem (may be NULL) gets the first
 * refusal's message.
 */
size_t lesson_apply(struct session *s, const struct lesson_input *lines,
                    size_t n, struct sb *problem);

/*
 * `lessons check` for one parsed lesson (§4.6): every step starts
 * unsolved (setup + earlier solutions fail its goal), its solution passes
 * it (and, as a warning, still passes the earlier steps), solution lines
 * use only allowed instructions and commands and are accepted by the
 * session, every [try] fires exactly its expected feedback rule (feedback
 * rules no [try] tests are warnings), and a second run gives the same
 * results (determinism). Problems go to d with the lesson's file name.
 * Returns the number of errors added.
 */
size_t lesson_validate(const struct lesson *l, struct lesson_diags *d);

#endif /* LESSONCHECK_H */
