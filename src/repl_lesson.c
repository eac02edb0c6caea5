/*
 * repl_lesson.c: lessons in the shell (see repl_lesson.h). Everything
 * shown is built in a struct sb and printed through repl_printf /
 * repl_errorf, so it goes where the repl's other output goes.
 */
#include "repl_lesson.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gostr.h"
#include "lesson.h"
#include "lessoncheck.h"
#include "lessonrun.h"
#include "progress.h"
#include "repl.h"
#include "sb.h"
#include "statemodel.h"
#include "xmalloc.h"

#define TEXT_WIDTH 78
#define NO_BASE SIZE_MAX

struct repl_lessons {
    bool tried;                   /* the library was loaded (or tried) */
    bool have;                    /* ... and its index lists lessons */
    struct lesson_library lib;
    struct lesson_diags diags;    /* problems loading it */
    bool prog_loaded;
    bool save_warned;             /* said once that saving fails */
    struct progress prog;
    const struct lesson *l;       /* the lesson being done, or NULL */
    struct lesson_run lr;
    size_t *bases;                /* per step: r->log.n when it began in
                                     this session, or NO_BASE */
    struct lesson_checklist list; /* the last check */
    int tip_rule;                 /* the feedback rule the last check after
                                     an input found (0: none), so a tip is
                                     not repeated while its mistake stays */
    size_t setup_bad;             /* lines the last start state refused */
    struct sb setup_problem;      /* ... and the first one's message */
};

void repl_lessons_free(struct repl_lessons *ls)
{
    if (!ls)
        return;
    if (ls->tried)
        lesson_library_release(&ls->lib);
    lesson_diags_release(&ls->diags);
    progress_release(&ls->prog);
    lesson_checklist_release(&ls->list);
    sb_release(&ls->setup_problem);
    free(ls->bases);
    free(ls);
}

static struct repl_lessons *get(struct repl *r)
{
    if (!r->lessons) {
        struct repl_lessons *ls = xcalloc(1, sizeof(*ls));
        lesson_diags_init(&ls->diags);
        progress_init(&ls->prog);
        lesson_checklist_init(&ls->list);
        sb_init(&ls->setup_problem);
        r->lessons = ls;
    }
    return r->lessons;
}

/* ==================================================================== */
/* Loading: the library and the progress file                           */
/* ==================================================================== */

/*
 * Load the library once. cmd names the command for the error message;
 * NULL: say nothing (the banner, completion).
 */
static bool library(struct repl *r, const char *cmd)
{
    struct repl_lessons *ls = get(r);
    if (!ls->tried && r->o.lessons_dir) {
        ls->tried = true;
        lesson_library_load(&ls->lib, r->o.lessons_dir, NULL, &ls->diags);
        ls->have = ls->lib.n > 0;
    }
    if (ls->have || !cmd)
        return ls->have;
    if (!r->o.lessons_dir) {
        repl_errorf(r, "docksim: %s: no lessons found (set DOCKSIM_LESSONS=DIR "
                       "or start docksim with --lessons DIR)\n",
                    cmd);
    } else {
        struct sb why = SB_INIT;
        if (ls->diags.n)
            sb_adds(&why, ls->diags.v[0].msg);
        else
            sb_adds(&why, "its index lists no lessons");
        repl_errorf(r, "docksim: %s: cannot read the lessons in %s: %s\n",
                    cmd, r->o.lessons_dir, why.buf);
        sb_release(&why);
    }
    return false;
}

/* Print each line of text (the error of progress_load/save) as a
 * warning. */
static void warn_lines(struct repl *r, const char *what, const char *text)
{
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\n");
        repl_errorf(r, "docksim: warning: %s: %.*s\n", what, (int)n, p);
        p += n + (p[n] == '\n');
    }
}

static struct progress *progress(struct repl *r)
{
    struct repl_lessons *ls = get(r);
    if (!ls->prog_loaded) {
        ls->prog_loaded = true;
        struct sb err = SB_INIT;
        if (r->o.progress_path &&
            progress_load(&ls->prog, r->o.progress_path, &err) < 0) {
            warn_lines(r, "your lesson progress", err.buf);
            repl_errorf(r, "docksim: warning: docksim goes on with what it "
                           "could read\n");
        }
        sb_release(&err);
    }
    return &ls->prog;
}

static void save(struct repl *r)
{
    struct repl_lessons *ls = get(r);
    if (!r->o.progress_path)
        return;
    struct sb err = SB_INIT;
    if (progress_save(&ls->prog, r->o.progress_path, &err) < 0 &&
        !ls->save_warned) {
        ls->save_warned = true;
        warn_lines(r, "cannot save your lesson progress", err.buf);
        repl_errorf(r, "docksim: warning: your progress is kept until you "
                       "leave docksim (--progress FILE saves it elsewhere)\n");
    }
    sb_release(&err);
}

/* DONE / STALE / TODO for a whole lesson; *done gets the steps done under
 * its version. */
static enum progress_state lesson_state(struct repl *r, const struct lesson *l,
                                        size_t *done)
{
    struct progress *p = progress(r);
    const char **ids = xcalloc(l->n_steps + 1, sizeof(*ids));
    size_t n = 0;
    for (size_t i = 0; i < l->n_steps; i++) {
        ids[i] = l->steps[i].id;
        n += progress_step_state(p, l->id, l->version, l->steps[i].id) ==
             PROGRESS_DONE;
    }
    enum progress_state st =
        progress_lesson_state(p, l->id, l->version, ids, l->n_steps);
    free(ids);
    if (done)
        *done = n;
    return st;
}

/* ==================================================================== */
/* Text                                                                 */
/* ==================================================================== */

/* Append words[0..n) wrapped to width columns; lines after the first
 * start with cont. *col is the column reached. */
static void put_words(struct sb *o, const char *p, size_t n, size_t width,
                      const char *cont, size_t *col)
{
    for (size_t i = 0; i < n;) {
        while (i < n && (p[i] == ' ' || p[i] == '\n'))
            i++;
        /* a word; a `code span` with blanks in it is one word (unless
           its closing backtick is missing) */
        size_t w = i;
        bool code = false;
        while (w < n && (code || (p[w] != ' ' && p[w] != '\n'))) {
            if (p[w] == '`')
                code = !code;
            w++;
        }
        if (code)
            for (w = i; w < n && p[w] != ' ' && p[w] != '\n'; w++)
                ;
        if (w == i)
            break;
        size_t cols = 0; /* characters, not bytes (UTF-8) */
        for (size_t k = i; k < w; k++)
            cols += ((unsigned char)p[k] & 0xc0) != 0x80;
        if (*col && *col + 1 + cols > width) {
            sb_addf(o, "\n%s", cont);
            *col = 0;
        } else if (*col) {
            sb_addch(o, ' ');
            (*col)++;
        }
        for (size_t k = i; k < w; k++) /* a code span may go on a line */
            sb_addch(o, p[k] == '\n' ? ' ' : p[k]);
        *col += cols;
        i = w;
    }
}

/*
 * Append a lesson text (lessons/README.md: blank line = paragraph,
 * indented block = example) after first (its first line) and cont (the
 * others, the same width): each paragraph's lines are joined and wrapped
 * to the terminal's width; examples are copied as written.
 */
static void put_text(struct sb *o, const char *first, const char *cont,
                     const char *text)
{
    const char *pre = first;
    size_t width = TEXT_WIDTH - (strlen(cont) < 40 ? strlen(cont) : 40);
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\n");
        if (n == 0) {
            sb_addch(o, '\n');
            p++;
            pre = cont;
            continue;
        }
        if (p[0] == ' ') {
            sb_addf(o, "%s%.*s\n", pre, (int)n, p);
            pre = cont;
            p += n + (p[n] == '\n');
            continue;
        }
        /* a paragraph: up to a blank or an indented line */
        const char *e = p + n;
        while (*e == '\n' && e[1] && e[1] != '\n' && e[1] != ' ')
            e += 1 + strcspn(e + 1, "\n");
        size_t col = 0;
        sb_adds(o, pre);
        put_words(o, p, (size_t)(e - p), width, cont, &col);
        sb_addch(o, '\n');
        pre = cont;
        p = e + (*e == '\n');
    }
}

static void print(struct repl *r, struct sb *o)
{
    if (o->len)
        repl_printf(r, "%s", o->buf);
    sb_reset(o);
}

static size_t n_steps(const struct repl_lessons *ls)
{
    return ls->l->n_steps;
}

static size_t step_no(const struct repl_lessons *ls)
{
    return ls->lr.step + 1;
}

static void put_checklist(struct repl *r, struct sb *o,
                          const struct lesson_checklist *c, bool found)
{
    for (size_t i = 0; i < c->n; i++) {
        const struct lesson_check_result *it = &c->items[i];
        const char *desc = it->check->desc ? it->check->desc : it->check->text;
        if (it->pass)
            sb_addf(o, "  %s[x]%s %s", repl_style_on(r, STYLE_OK),
                    repl_style_off(r), desc);
        else
            sb_addf(o, "  [ ] %s", desc);
        if (found && !it->pass && it->got)
            sb_addf(o, " (found: %s)",
                    strcmp(it->got, "(missing)") == 0 ? "nothing" : it->got);
        sb_addch(o, '\n');
    }
}

static void put_tip(struct sb *o, const char *say)
{
    put_text(o, "  tip: ", "       ", say);
}

/* "step 2/5 | :hint  :goal  :undo  :reset  :help" */
static void put_legend(struct repl *r, struct sb *o)
{
    struct repl_lessons *ls = r->lessons;
    sb_addf(o, "step %zu/%zu%s%s  :goal  :undo  :reset  :help\n", step_no(ls),
            n_steps(ls), repl_sym(r, "sep"), ls->lr.done ? ":next" : ":hint");
}

static void put_solved(struct repl *r, struct sb *o)
{
    struct repl_lessons *ls = r->lessons;
    const struct lesson_step *st = lesson_run_step(&ls->lr);
    sb_addf(o, "%sWell done: step %zu/%zu is solved.%s\n",
            repl_style_on(r, STYLE_OK), step_no(ls), n_steps(ls),
            repl_style_off(r));
    if (st->explain)
        put_text(o, "", "", st->explain);
    if (ls->lr.step + 1 < n_steps(ls))
        sb_addf(o, "Type :next for step %zu/%zu: %s.\n", step_no(ls) + 1,
                n_steps(ls), ls->l->steps[ls->lr.step + 1].title);
    else
        sb_adds(o, "Type :next to finish the lesson.\n");
}

static void put_step_text(struct repl *r, struct sb *o)
{
    struct repl_lessons *ls = r->lessons;
    const struct lesson_step *st = lesson_run_step(&ls->lr);
    sb_addf(o, "%sStep %zu/%zu: %s%s\n", repl_style_on(r, STYLE_TITLE),
            step_no(ls), n_steps(ls), st->title, repl_style_off(r));
    if (st->text)
        put_text(o, "", "", st->text);
}

/*
 * A step as the learner meets it (after :lesson, :next, :prev) or asks
 * for it (:goal): the task, then the checklist. Runs the check.
 */
static void show_step(struct repl *r, struct sb *o, bool legend)
{
    struct repl_lessons *ls = r->lessons;
    lesson_run_check(&ls->lr, &r->s, &ls->list);
    ls->tip_rule = 0;
    put_step_text(r, o);
    sb_adds(o, "\nGoal:\n");
    put_checklist(r, o, &ls->list, false);
    if (ls->lr.done)
        sb_addf(o, "This is already solved: :next goes on.\n");
    if (legend)
        put_legend(r, o);
    r->checked = r->changes;
}

/* ==================================================================== */
/* Called by the repl                                                   */
/* ==================================================================== */

bool repl_lesson_active(const struct repl *r)
{
    return r->lessons && r->lessons->l && lesson_run_step(&r->lessons->lr);
}

bool repl_lesson_allows(struct repl *r, const char *line)
{
    if (!repl_lesson_active(r))
        return true;
    struct sb why = SB_INIT;
    bool ok = lesson_allows(r->lessons->l, line,
                            session_dockerfile_open(&r->s), &why);
    if (!ok)
        repl_errorf(r, "docksim: %s; nothing changed (:sandbox leaves the "
                       "lesson, and then every line works)\n",
                    why.buf);
    sb_release(&why);
    return ok;
}

void repl_lesson_after_change(struct repl *r)
{
    if (!repl_lesson_active(r))
        return;
    struct repl_lessons *ls = r->lessons;
    bool was_done = ls->lr.done;
    lesson_run_check(&ls->lr, &r->s, &ls->list);
    /* a tip once per state (lessonrun.h), and not again while the same
       mistake stays (after an unrelated input); :check repeats it */
    bool tip = !ls->list.done && ls->list.say && ls->list.feedback_new &&
               ls->list.feedback != ls->tip_rule;
    ls->tip_rule = ls->list.done ? 0 : ls->list.feedback;
    if (r->o.quiet)
        return;
    struct sb o = SB_INIT;
    put_checklist(r, &o, &ls->list, false);
    if (tip)
        put_tip(&o, ls->list.say);
    if (ls->list.done && !was_done)
        put_solved(r, &o);
    put_legend(r, &o);
    print(r, &o);
    sb_release(&o);
}

void repl_lesson_apply_start(struct repl *r, const char *id, size_t step)
{
    struct repl_lessons *ls = r->lessons;
    const struct lesson *l =
        ls && id ? lesson_library_find(&ls->lib, id) : NULL;
    if (!l)
        return;
    struct lesson_run lr;
    lesson_run_start(&lr, l);
    lesson_run_goto(&lr, step);
    sb_reset(&ls->setup_problem);
    ls->setup_bad = lesson_run_catch_up(&lr, &r->s, &ls->setup_problem);
}

/* Only the index and the progress file: the banner must be quick, so
 * the lessons themselves are loaded when a command needs them. */
void repl_lesson_banner(struct repl *r, struct sb *out)
{
    if (!r->o.lessons_dir)
        return;
    struct progress *p = progress(r);
    if (p->cur_lesson && p->cur_step) {
        sb_addf(out, "Welcome back: :lesson goes on with %s where you left it "
                     "(:lessons lists all).\n",
                p->cur_lesson);
        return;
    }
    struct sb path = SB_INIT;
    sb_addf(&path, "%s/index", r->o.lessons_dir);
    struct lesson_index ix;
    struct lesson_diags d;
    lesson_diags_init(&d);
    lesson_index_load(&ix, path.buf, &d);
    if (ix.n_tracks && ix.tracks[0].n)
        sb_addf(out, "New here? :lesson %s starts the first lesson (:lessons "
                     "lists all).\n",
                ix.tracks[0].lessons[0]);
    lesson_index_release(&ix);
    lesson_diags_release(&d);
    sb_release(&path);
}

void repl_lesson_state(struct repl *r, struct sb *out)
{
    if (!repl_lesson_active(r))
        return;
    struct repl_lessons *ls = r->lessons;
    sb_addf(out, "%sLesson %s, step %zu/%zu%s: what its checks read "
                 "(image %s)\n",
            repl_style_on(r, STYLE_TITLE), ls->l->id, step_no(ls),
            n_steps(ls), repl_style_off(r), ls->l->image);
    struct sm_snapshot snap;
    sm_snapshot_take(&snap, &r->s, ls->l->image);
    sm_state_format(out, &snap);
    sm_snapshot_release(&snap);
}

void repl_lesson_each_id(struct repl *r, void (*fn)(void *ctx, const char *id),
                         void *ctx)
{
    if (!library(r, NULL))
        return;
    const struct lesson_library *lib = &r->lessons->lib;
    for (size_t i = 0; i < lib->n; i++)
        if (lib->lessons[i])
            fn(ctx, lib->lessons[i]->id);
}

const char *repl_lesson_undo_floor(const struct repl *r)
{
    if (!repl_lesson_active(r))
        return NULL;
    return r->lessons->lr.step ? "Nothing to undo in this step (:prev goes "
                                 "back to the step before)."
                               : "Nothing to undo in this step.";
}

static int reset_step_answer(struct repl *r, bool yes)
{
    struct repl_lessons *ls = r->lessons;
    if (!yes) {
        repl_printf(r, "Nothing was reset.\n");
        return 0;
    }
    if (!repl_lesson_active(r))
        return 0;
    size_t base = ls->bases[ls->lr.step];
    repl_log_rewind(r, base == NO_BASE ? r->n_base : base, ":reset");
    repl_printf(r, "Step %zu/%zu starts again: the session is back to where "
                   "the step began (:undo brings your work back).\n",
                step_no(ls), n_steps(ls));
    return 0;
}

bool repl_lesson_reset(struct repl *r)
{
    if (!repl_lesson_active(r))
        return false;
    struct repl_lessons *ls = r->lessons;
    struct sb q = SB_INIT;
    sb_addf(&q, "Start step %zu/%zu again, from where it began? [y/N] ",
            step_no(ls), n_steps(ls));
    repl_ask(r, q.buf, reset_step_answer);
    sb_release(&q);
    return true;
}

/* ==================================================================== */
/* The commands                                                         */
/* ==================================================================== */

/* The lesson being done, or an error naming cmd. */
static bool need_lesson(struct repl *r, const char *cmd)
{
    if (repl_lesson_active(r))
        return true;
    repl_errorf(r, "docksim: %s: no lesson is running (:lessons lists them, "
                   ":lesson ID starts one)\n",
                cmd);
    return false;
}

int repl_lesson_cmd_lessons(struct repl *r, const char *args)
{
    if (*args) {
        repl_errorf(r, "docksim: usage: :lessons (then :lesson ID)\n");
        return 1;
    }
    if (!library(r, ":lessons"))
        return 1;
    struct repl_lessons *ls = r->lessons;
    struct sb o = SB_INIT;
    const char *t_on = repl_style_on(r, STYLE_TITLE);
    const char *t_off = repl_style_off(r);
    sb_adds(&o, "Lessons (:lesson ID starts one, or goes on where you left "
                "it):\n");
    size_t k = 0, unreadable = 0;
    for (size_t t = 0; t < ls->lib.index.n_tracks; t++) {
        const struct lesson_track *tr = &ls->lib.index.tracks[t];
        sb_addf(&o, "%s%s%s\n", t_on, tr->title ? tr->title : tr->id, t_off);
        for (size_t i = 0; i < tr->n; i++, k++) {
            const struct lesson *l = k < ls->lib.n ? ls->lib.lessons[k] : NULL;
            if (!l) {
                sb_addf(&o, "  ?        %-20s (cannot be read)\n",
                        tr->lessons[i]);
                unreadable++;
                continue;
            }
            size_t done = 0;
            enum progress_state st = lesson_state(r, l, &done);
            const char *word = st == PROGRESS_DONE    ? "done"
                               : st == PROGRESS_STALE ? "updated"
                                                      : "todo";
            sb_addf(&o, "  %-8s %-20s %s", word, l->id, l->title);
            if (repl_lesson_active(r) && ls->l == l)
                sb_addf(&o, " (now: step %zu/%zu)", step_no(ls), l->n_steps);
            else if (st == PROGRESS_TODO && done)
                sb_addf(&o, " (%zu/%zu steps done)", done, l->n_steps);
            sb_addch(&o, '\n');
        }
    }
    print(r, &o);
    sb_release(&o);
    if (unreadable)
        repl_errorf(r, "docksim: %zu lesson%s cannot be read (docksim lessons "
                       "check --dir %s says why)\n",
                    unreadable, unreadable == 1 ? "" : "s", r->o.lessons_dir);
    return 0;
}

/* Does the index list id (whether or not its file could be read)? */
static bool in_index(const struct lesson_library *lib, const char *id)
{
    for (size_t t = 0; t < lib->index.n_tracks; t++)
        for (size_t i = 0; i < lib->index.tracks[t].n; i++)
            if (strcmp(lib->index.tracks[t].lessons[i], id) == 0)
                return true;
    return false;
}

/* The closest lesson id for a "did you mean", or NULL. */
static const char *suggest_id(const struct lesson_library *lib,
                              const char *id)
{
    const char *best = NULL;
    size_t bestd = strlen(id) <= 4 ? 2 : 4;
    for (size_t i = 0; i < lib->n; i++) {
        if (!lib->lessons[i])
            continue;
        const char *c = lib->lessons[i]->id;
        size_t d = go_levenshtein(id, strlen(id), c, strlen(c));
        if (strncmp(c, id, strlen(id)) == 0 && strlen(id) >= 3)
            d = 1;
        if (d < bestd) {
            bestd = d;
            best = c;
        }
    }
    return best;
}

int repl_lesson_cmd_lesson(struct repl *r, const char *args)
{
    if (!library(r, ":lesson"))
        return 1;
    struct repl_lessons *ls = r->lessons;
    struct progress *p = progress(r);
    struct sb o = SB_INIT;
    const char *id = args;
    if (!*id && repl_lesson_active(r)) {
        show_step(r, &o, true);
        print(r, &o);
        sb_release(&o);
        return 0;
    }
    if (!*id && p->cur_lesson && p->cur_step &&
        lesson_library_find(&ls->lib, p->cur_lesson))
        id = p->cur_lesson;
    if (!*id) {
        repl_errorf(r, "docksim: usage: :lesson ID (:lessons lists them)\n");
        return 1;
    }
    const struct lesson *l = lesson_library_find(&ls->lib, id);
    if (!l && in_index(&ls->lib, id)) {
        repl_errorf(r, "docksim: lesson '%s' cannot be read (docksim lessons "
                       "check --dir %s says why)\n",
                    id, r->o.lessons_dir);
        return 1;
    }
    if (!l || !l->n_steps) {
        const char *best = l ? NULL : suggest_id(&ls->lib, id);
        repl_errorf(r, "docksim: %s '%s'%s%s%s; :lessons lists them\n",
                    l ? "no steps in the lesson" : "no lesson", id,
                    best ? " (did you mean " : "", best ? best : "",
                    best ? "?)" : "");
        return 1;
    }
    if (repl_lesson_active(r) && ls->l == l) {
        sb_addf(&o, "You are doing this lesson already (:reset starts the "
                    "step again).\n\n");
        show_step(r, &o, true);
        print(r, &o);
        sb_release(&o);
        return 0;
    }
    bool had_session = !repl_lesson_active(r) && r->log.n > 0;

    ls->l = l;
    lesson_run_start(&ls->lr, l);
    bool resumed = lesson_run_resume(&ls->lr, p) == 0;
    bool again = resumed && !lesson_run_step(&ls->lr);
    if (again)
        lesson_run_goto(&ls->lr, 0);
    resumed = resumed && !again && ls->lr.step > 0;
    free(ls->bases);
    ls->bases = xcalloc(l->n_steps, sizeof(*ls->bases));
    for (size_t i = 0; i < l->n_steps; i++)
        ls->bases[i] = NO_BASE;
    repl_log_restart(r, l->id, ls->lr.step);
    ls->bases[ls->lr.step] = r->log.n;
    lesson_run_save_position(&ls->lr, p);
    save(r);

    sb_addf(&o, "%sLesson: %s%s\n", repl_style_on(r, STYLE_TITLE), l->title,
            repl_style_off(r));
    sb_addf(&o, "%zu step%s", l->n_steps, l->n_steps == 1 ? "" : "s");
    if (l->minutes)
        sb_addf(&o, ", about %d minutes", l->minutes);
    if (l->level)
        sb_addf(&o, ", %s", l->level);
    sb_adds(&o, ".\n");
    for (size_t i = 0; i < l->n_requires; i++) {
        const struct lesson *req = lesson_library_find(&ls->lib,
                                                       l->requires[i]);
        if (req && lesson_state(r, req, NULL) != PROGRESS_DONE) {
            sb_addf(&o, "It builds on %s, which you have not done yet "
                        "(:lesson %s).\n",
                    req->id, req->id);
            break;
        }
    }
    if (had_session)
        sb_adds(&o, "The lesson starts from a fresh session: what you typed "
                    "before is gone.\n");
    if (again)
        sb_adds(&o, "You finished this lesson before: here it is again from "
                    "the start.\n");
    if (resumed)
        sb_addf(&o, "Going on where you left it, at step %zu/%zu (:intro shows "
                    "the introduction).\n",
                step_no(ls), l->n_steps);
    else if (l->intro)
        put_text(&o, "\n", "", l->intro);
    sb_addch(&o, '\n');
    show_step(r, &o, true);
    print(r, &o);
    sb_release(&o);
    if (ls->setup_bad) {
        repl_errorf(r, "docksim: warning: lesson %s: %zu line%s of its start "
                       "state did not work: %s\n",
                    l->id, ls->setup_bad, ls->setup_bad == 1 ? "" : "s",
                    ls->setup_problem.buf);
    }
    return 0;
}

int repl_lesson_cmd_intro(struct repl *r, const char *args)
{
    (void)args;
    if (!need_lesson(r, ":intro"))
        return 1;
    struct repl_lessons *ls = r->lessons;
    struct sb o = SB_INIT;
    sb_addf(&o, "%sLesson: %s%s\n", repl_style_on(r, STYLE_TITLE),
            ls->l->title, repl_style_off(r));
    if (ls->l->intro)
        put_text(&o, "\n", "", ls->l->intro);
    sb_addf(&o, "\nYou are on step %zu/%zu: %s (:goal shows it).\n",
            step_no(ls), n_steps(ls), lesson_run_step(&ls->lr)->title);
    print(r, &o);
    sb_release(&o);
    return 0;
}

int repl_lesson_cmd_goal(struct repl *r, const char *args)
{
    (void)args;
    if (!need_lesson(r, ":goal"))
        return 1;
    struct sb o = SB_INIT;
    show_step(r, &o, false);
    print(r, &o);
    sb_release(&o);
    return 0;
}

int repl_lesson_cmd_check(struct repl *r, const char *args)
{
    (void)args;
    if (!need_lesson(r, ":check"))
        return 1;
    struct repl_lessons *ls = r->lessons;
    struct sb o = SB_INIT;
    lesson_run_check(&ls->lr, &r->s, &ls->list);
    r->checked = r->changes;
    sb_addf(&o, "Checking step %zu/%zu: %s\n", step_no(ls), n_steps(ls),
            lesson_run_step(&ls->lr)->title);
    put_checklist(r, &o, &ls->list, true);
    if (ls->list.done) {
        put_solved(r, &o);
    } else {
        size_t pass = 0;
        for (size_t i = 0; i < ls->list.n; i++)
            pass += ls->list.items[i].pass;
        if (ls->list.say)
            put_tip(&o, ls->list.say);
        ls->tip_rule = ls->list.feedback;
        sb_addf(&o, "%zu of %zu done: :hint gives a hint, :goal shows the "
                    "task.\n",
                pass, ls->list.n);
    }
    print(r, &o);
    sb_release(&o);
    return 0;
}

int repl_lesson_cmd_hint(struct repl *r, const char *args)
{
    (void)args;
    if (!need_lesson(r, ":hint"))
        return 1;
    struct repl_lessons *ls = r->lessons;
    const struct lesson_step *st = lesson_run_step(&ls->lr);
    struct sb o = SB_INIT;
    size_t num = 0;
    const char *h = lesson_run_hint(&ls->lr, &num);
    if (h) {
        struct sb pre = SB_INIT, cont = SB_INIT;
        sb_addf(&pre, "Hint %zu/%zu: ", num, st->n_hints);
        for (size_t i = 0; i < pre.len; i++)
            sb_addch(&cont, ' ');
        put_text(&o, pre.buf, cont.buf, h);
        sb_release(&pre);
        sb_release(&cont);
    } else if (!st->n_hints) {
        sb_addf(&o, "Step %zu/%zu has no hints. :solution shows the answer "
                    "(it asks first).\n",
                step_no(ls), n_steps(ls));
    } else {
        sb_addf(&o, "No more hints for step %zu/%zu. They were:\n",
                step_no(ls), n_steps(ls));
        for (size_t i = 0; i < st->n_hints; i++) {
            struct sb pre = SB_INIT;
            sb_addf(&pre, "  %zu. ", i + 1);
            put_text(&o, pre.buf, "     ", st->hints[i]);
            sb_release(&pre);
        }
        sb_adds(&o, ":solution shows the answer (it asks first).\n");
    }
    print(r, &o);
    sb_release(&o);
    return 0;
}

static int solution_answer(struct repl *r, bool yes)
{
    if (!yes) {
        repl_printf(r, "Not shown. :hint gives a hint.\n");
        return 0;
    }
    if (!repl_lesson_active(r))
        return 0;
    struct repl_lessons *ls = r->lessons;
    size_t n = 0;
    const struct lesson_input *in = lesson_run_solution(&ls->lr, &n);
    struct sb o = SB_INIT;
    sb_addf(&o, "The solution of step %zu/%zu (type %s):\n", step_no(ls),
            n_steps(ls), n == 1 ? "it" : "these lines");
    for (size_t i = 0; i < n; i++)
        sb_addf(&o, "  %s\n", in[i].text);
    print(r, &o);
    sb_release(&o);
    return 0;
}

int repl_lesson_cmd_solution(struct repl *r, const char *args)
{
    (void)args;
    if (!need_lesson(r, ":solution"))
        return 1;
    struct repl_lessons *ls = r->lessons;
    struct sb q = SB_INIT;
    sb_addf(&q, "Show the solution of step %zu/%zu? Your progress will say "
                "so. [y/N] ",
            step_no(ls), n_steps(ls));
    repl_ask(r, q.buf, solution_answer);
    sb_release(&q);
    return 0;
}

/* Out of the lesson, into the sandbox: :undo may now go back to the
 * lesson's start state (the STEP_LESSON entry the log starts with). */
static void leave(struct repl *r)
{
    r->lessons->l = NULL;
    if (r->n_base > 1)
        r->n_base = 1;
}

/* The lesson after l in its track, or NULL. */
static const struct lesson *next_in_track(const struct repl_lessons *ls,
                                          const struct lesson *l)
{
    size_t k = 0;
    for (size_t t = 0; t < ls->lib.index.n_tracks; t++) {
        const struct lesson_track *tr = &ls->lib.index.tracks[t];
        for (size_t i = 0; i < tr->n; i++, k++)
            if (k < ls->lib.n && ls->lib.lessons[k] == l)
                return i + 1 < tr->n && k + 1 < ls->lib.n
                           ? ls->lib.lessons[k + 1]
                           : NULL;
    }
    return NULL;
}

static void finish(struct repl *r, struct sb *o)
{
    struct repl_lessons *ls = r->lessons;
    const struct lesson *l = ls->l;
    sb_addf(o, "%sLesson complete: %s (%zu of %zu step%s).%s\n",
            repl_style_on(r, STYLE_OK), l->title, l->n_steps, l->n_steps,
            l->n_steps == 1 ? "" : "s", repl_style_off(r));
    if (l->finish)
        put_text(o, "\n", "", l->finish);
    const struct lesson *nx = next_in_track(ls, l);
    if (nx)
        sb_addf(o, "\nNext: :lesson %s (%s).\n", nx->id, nx->title);
    else
        sb_adds(o, "\nThat was the last lesson of its track: :lessons lists "
                   "them all.\n");
    sb_adds(o, "You are back in the sandbox: the session stays as it is and "
               "every line works.\n");
    leave(r);
}

int repl_lesson_cmd_next(struct repl *r, const char *args)
{
    (void)args;
    if (!need_lesson(r, ":next"))
        return 1;
    struct repl_lessons *ls = r->lessons;
    lesson_run_check(&ls->lr, &r->s, &ls->list);
    if (lesson_run_next(&ls->lr, progress(r)) < 0) {
        repl_errorf(r, "docksim: :next: step %zu/%zu is not solved yet (:check "
                       "shows what is missing, :hint helps)\n",
                    step_no(ls), n_steps(ls));
        return 1;
    }
    save(r);
    struct sb o = SB_INIT;
    if (lesson_run_step(&ls->lr)) {
        ls->bases[ls->lr.step] = r->log.n;
        r->n_base = r->log.n;
        show_step(r, &o, true);
    } else {
        finish(r, &o);
    }
    print(r, &o);
    sb_release(&o);
    return 0;
}

int repl_lesson_cmd_prev(struct repl *r, const char *args)
{
    (void)args;
    if (!need_lesson(r, ":prev"))
        return 1;
    struct repl_lessons *ls = r->lessons;
    if (lesson_run_prev(&ls->lr, progress(r)) < 0) {
        repl_errorf(r, "docksim: :prev: step 1/%zu is the first step (:intro "
                       "shows the introduction)\n",
                    n_steps(ls));
        return 1;
    }
    save(r);
    struct sb o = SB_INIT;
    size_t k = ls->lr.step;
    if (ls->bases[k] != NO_BASE) {
        repl_log_rewind(r, ls->bases[k], ":prev");
        r->n_base = ls->bases[k];
        sb_addf(&o, "Back to step %zu/%zu, with the session as it was when "
                    "that step began (:undo brings back your work).\n\n",
                step_no(ls), n_steps(ls));
    } else {
        /* begun in an earlier session: its start state is the lesson's */
        for (size_t i = 0; i < n_steps(ls); i++)
            ls->bases[i] = NO_BASE;
        repl_log_restart(r, ls->l->id, k);
        ls->bases[k] = r->log.n;
        sb_addf(&o, "Back to step %zu/%zu, from the lesson's own solutions "
                    "of the steps before it.\n\n",
                step_no(ls), n_steps(ls));
    }
    show_step(r, &o, true);
    print(r, &o);
    sb_release(&o);
    return 0;
}

int repl_lesson_cmd_sandbox(struct repl *r, const char *args)
{
    (void)args;
    if (!repl_lesson_active(r)) {
        repl_printf(r, "You are in the sandbox already: every line works "
                       "(:lessons lists the lessons).\n");
        return 0;
    }
    struct repl_lessons *ls = r->lessons;
    lesson_run_save_position(&ls->lr, progress(r));
    save(r);
    repl_printf(r, "Left the lesson %s at step %zu/%zu; :lesson %s goes on "
                   "from there.\nYou are in the sandbox: the session stays as "
                   "it is and every line works.\n",
                ls->l->id, step_no(ls), n_steps(ls), ls->l->id);
    leave(r);
    return 0;
}

/* :progress with no argument: a summary per lesson. */
static void progress_summary(struct repl *r, struct sb *o)
{
    struct repl_lessons *ls = r->lessons;
    struct progress *p = progress(r);
    if (r->o.progress_path)
        sb_addf(o, "Your lesson progress, saved in %s:\n", r->o.progress_path);
    else
        sb_adds(o, "Your lesson progress (not saved: no --progress FILE and no "
                   "HOME):\n");
    size_t shown = 0;
    for (size_t i = 0; i < ls->lib.n; i++) {
        const struct lesson *l = ls->lib.lessons[i];
        if (!l)
            continue;
        size_t done = 0, hints = 0, seen = 0, any = 0;
        for (size_t k = 0; k < p->n_done; k++) {
            const struct progress_done *d = &p->done[k];
            if (strcmp(d->lesson, l->id) != 0)
                continue;
            any++;
            if (d->version != l->version)
                continue;
            hints += (size_t)(d->hints > 0 ? d->hints : 0);
            seen += d->solution_shown;
        }
        if (!any)
            continue;
        enum progress_state st = lesson_state(r, l, &done);
        sb_addf(o, "  %-8s %-20s %zu/%zu steps",
                st == PROGRESS_DONE    ? "done"
                : st == PROGRESS_STALE ? "updated"
                                       : "todo",
                l->id, done, l->n_steps);
        if (hints)
            sb_addf(o, ", %zu hint%s", hints, hints == 1 ? "" : "s");
        if (seen)
            sb_addf(o, ", %zu solution%s seen", seen, seen == 1 ? "" : "s");
        if (st == PROGRESS_STALE)
            sb_adds(o, " (the lesson changed since: redo?)");
        sb_addch(o, '\n');
        shown++;
    }
    if (!shown)
        sb_adds(o, "  nothing done yet\n");
    const struct lesson *cur =
        p->cur_lesson ? lesson_library_find(&ls->lib, p->cur_lesson) : NULL;
    long k = cur && p->cur_step ? lesson_step_index(cur, p->cur_step) : -1;
    if (k >= 0)
        sb_addf(o, "%s %s, step %ld/%zu%s.\n",
                repl_lesson_active(r) ? "You are doing" : "You left off at",
                cur->id, k + 1, cur->n_steps,
                repl_lesson_active(r) ? "" : " (:lesson goes on)");
    sb_adds(o, ":progress export prints the file; :progress reset [LESSON] "
               "forgets (it asks).\n");
}

static int progress_reset_answer(struct repl *r, bool yes)
{
    if (!yes) {
        repl_printf(r, "Nothing was forgotten.\n");
        return 0;
    }
    struct repl_lessons *ls = r->lessons;
    const char *id = r->pending_arg && *r->pending_arg ? r->pending_arg : NULL;
    progress_reset(progress(r), id);
    if (repl_lesson_active(r))
        lesson_run_save_position(&ls->lr, progress(r));
    save(r);
    if (id)
        repl_printf(r, "Forgot your progress in %s.\n", id);
    else
        repl_printf(r, "Forgot all your lesson progress.\n");
    return 0;
}

static int progress_export(struct repl *r, const char *rest)
{
    if (*rest)
        return -1;
    struct sb o = SB_INIT;
    progress_format(progress(r), &o);
    print(r, &o);
    sb_release(&o);
    return 0;
}

static int progress_reset_cmd(struct repl *r, const char *rest)
{
    if (rest[strcspn(rest, " \t")])
        return -1;
    struct progress *pr = progress(r);
    bool any = !*rest && (pr->n_done || pr->cur_lesson);
    for (size_t i = 0; *rest && i < pr->n_done; i++)
        any = any || strcmp(pr->done[i].lesson, rest) == 0;
    any = any ||
          (*rest && pr->cur_lesson && strcmp(pr->cur_lesson, rest) == 0);
    if (!any) {
        if (*rest)
            repl_printf(r, "Nothing is recorded for %s.\n", rest);
        else
            repl_printf(r, "Nothing is recorded yet.\n");
        return 0;
    }
    free(r->pending_arg);
    r->pending_arg = xstrdup(rest);
    struct sb q = SB_INIT;
    if (*rest)
        sb_addf(&q, "Forget your progress in %s? [y/N] ", rest);
    else
        sb_adds(&q, "Forget all your lesson progress? [y/N] ");
    repl_ask(r, q.buf, progress_reset_answer);
    sb_release(&q);
    return 0;
}

/* What :progress takes after its name (-1 from fn: bad arguments). */
static const struct {
    const char *word;
    int (*fn)(struct repl *r, const char *rest);
} progress_words[] = {
    { "export", progress_export },
    { "reset", progress_reset_cmd },
};

const char *repl_lesson_progress_word(size_t i)
{
    return i < ARRAY_LEN(progress_words) ? progress_words[i].word : NULL;
}

int repl_lesson_cmd_progress(struct repl *r, const char *args)
{
    size_t wl = strcspn(args, " \t");
    const char *rest = args + wl;
    while (*rest == ' ' || *rest == '\t')
        rest++;
    if (!wl) {
        if (!library(r, ":progress"))
            return 1;
        struct sb o = SB_INIT;
        progress_summary(r, &o);
        print(r, &o);
        sb_release(&o);
        return 0;
    }
    for (size_t i = 0; i < ARRAY_LEN(progress_words); i++)
        if (strlen(progress_words[i].word) == wl &&
            strncmp(progress_words[i].word, args, wl) == 0 &&
            progress_words[i].fn(r, rest) == 0)
            return 0;
    repl_errorf(r, "docksim: usage: :progress [export | reset [LESSON]]\n");
    return 1;
}
