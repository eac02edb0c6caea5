/*
 * repl_lesson.h: lessons in the shell (teaching.md §4.5, §4.7, §4.8).
 * The shell loads the lesson library and the progress file the first
 * time something needs them, runs one lesson at a time (lessonrun.h) and
 * prints what the learner sees: the step's task and checklist, feedback,
 * hints, the solution, progress.
 *
 * The commands (:lessons, :lesson, :intro, :goal, :check, :hint,
 * :solution, :next, :prev, :sandbox, :progress) are rows of colon.c's
 * table whose functions are here. repl.c calls in before a line reaches
 * the session (the lesson's allow: list) and after every input that
 * changed the state (the check).
 *
 * Undo in a lesson: starting a lesson replaces the session and its undo
 * log with one STEP_LESSON entry (the step's start state, which :undo
 * never removes). Each step remembers where in the log it began; :undo
 * stops there, and :reset and :prev log a STEP_RESET back to it, so
 * :undo brings the work back.
 *
 * Ownership: struct repl_lessons belongs to the repl (r->lessons) and is
 * freed by repl_release. Output goes only to the repl's FILEs.
 */
#ifndef REPL_LESSON_H
#define REPL_LESSON_H

#include "colon.h"
#include "common.h"

struct repl;
struct repl_lessons;
struct sb;

void repl_lessons_free(struct repl_lessons *ls);

/* Is a lesson being done (not finished, not left with :sandbox)? */
bool repl_lesson_active(const struct repl *r);

/*
 * May line go to the session? True outside a lesson and for lines the
 * lesson's allow: list takes; otherwise prints a friendly refusal (to
 * the repl's err) and returns false.
 */
bool repl_lesson_allows(struct repl *r, const char *line);

/* After an input that changed the state: check the step and print the
 * checklist, new feedback, success and the key legend (nothing outside a
 * lesson; under --quiet only the check runs). */
void repl_lesson_after_change(struct repl *r);

/* STEP_LESSON: apply lesson id's start state of step (its [setup] and
 * the solutions of the steps before it) to r->s, a fresh session. */
void repl_lesson_apply_start(struct repl *r, const char *id, size_t step);

/* The banner's line about lessons (empty if there are none). */
void repl_lesson_banner(struct repl *r, struct sb *out);

/* :state in a lesson: the state model the checks read, else nothing. */
void repl_lesson_state(struct repl *r, struct sb *out);

/* Call fn with every lesson id, in index order (Tab completion). */
void repl_lesson_each_id(struct repl *r, void (*fn)(void *ctx, const char *id),
                         void *ctx);

/* The i-th word :progress takes ("export", "reset"), NULL past the last:
 * the command and Tab completion read the same table. */
const char *repl_lesson_progress_word(size_t i);

/* The commands (colon.h). */
colon_fn repl_lesson_cmd_lessons, repl_lesson_cmd_lesson,
    repl_lesson_cmd_intro, repl_lesson_cmd_goal, repl_lesson_cmd_check,
    repl_lesson_cmd_hint, repl_lesson_cmd_solution, repl_lesson_cmd_next,
    repl_lesson_cmd_prev, repl_lesson_cmd_sandbox, repl_lesson_cmd_progress;

/* :undo in a lesson: what to say when nothing is left to undo in this
 * step (NULL outside a lesson). */
const char *repl_lesson_undo_floor(const struct repl *r);
/* :reset in a lesson: asks, then takes the step back to where it began;
 * false outside a lesson (then :reset resets everything). */
bool repl_lesson_reset(struct repl *r);

#endif /* REPL_LESSON_H */
