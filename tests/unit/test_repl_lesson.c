/*
 * test_repl_lesson.c: lessons in the shell (repl_lesson.h), driven
 * through the repl as a learner would type: :lessons, :lesson, the check
 * after every input that changes something (checklist, feedback once per
 * state, success, the key legend), the allow: list, :goal, :check,
 * :hint, :solution (asked or not), :next, :prev, :undo/:reset inside a
 * step, :sandbox, :progress and its file, resuming, the banner, :state,
 * Tab completion, and what happens without lessons.
 *
 * Every test uses its own lessons directory and progress file in a
 * scratch directory: nothing touches the real lessons or $HOME.
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

#include "complete.h"
#include "imgconfig.h"
#include "lesson.h"
#include "repl.h"
#include "repl_lesson.h"
#include "sb.h"
#include "xmalloc.h"

/* ---- the fixture lessons ---- */

static const char index_text[] =
    "[track t]\ntitle: Test track\ngreet\nsecond\nwrap\n";

static const char greet_text[] =
    "lesson: greet\nformat: 1\nversion: 1\ntitle: Greetings\n"
    "summary: S\nminutes: 3\nlevel: beginner\nimage: greeter\n"
    "allow: FROM CMD ENTRYPOINT docker-build docker-run\n"
    "[intro]\nThe intro text.\n"
    "[setup]\nFROM alpine:3.20\n"
    "[step cmd]\ntitle: A default\ntext:\n  Make it say hello.\n"
    "goal:\n  # runs echo hello\n"
    "  run docker run greeter => argv = [\"echo\", \"hello\"]\n"
    "hint: one\nhint: two\n"
    "solution:\n  CMD [\"echo\", \"hello\"]\n"
    "feedback:\n  when state image.cmd.form = shell\n  say: use JSON\n"
    "explain: CMD is the default.\n"
    "[step ep]\ntitle: B\ntext: Add an entrypoint.\n"
    "goal:\n  # an exec-form entrypoint\n  state image.entrypoint.form = exec\n"
    "solution:\n  ENTRYPOINT [\"echo\"]\n"
    "[finish]\nAll done here.\n";

static const char second_text[] =
    "lesson: second\nformat: 1\nversion: 1\ntitle: The second one\n"
    "summary: S\nrequires: greet\n"
    "[step only]\ntitle: Only\ntext: Start from busybox.\n"
    "goal:\n  # FROM busybox\n  state image.base = busybox:latest\n"
    "solution:\n  FROM busybox\n";

/* How texts are laid out: paragraphs wrapped at 78 columns (characters,
 * not bytes), `code spans` kept whole, examples as written. */
static const char wrap_text[] =
    "lesson: wrap\nformat: 1\nversion: 1\ntitle: Wrapping\nsummary: S\n"
    "[intro]\n"
    "This paragraph is long enough that the shell has to wrap it, and it "
    "holds `a code span\n"
    "that crosses a line` which stays whole, plus caf\xc3\xa9, cr\xc3\xa8me "
    "and na\xc3\xafve words to count right.\n"
    "\n"
    "    an example line that is kept exactly as it was written, even though "
    "it is longer than the terminal\n"
    "An unterminated `backtick starts here and the paragraph still wraps at "
    "the blanks like any other one.\n"
    "[step s]\ntitle: T\ntext: x\n"
    "goal:\n  # base\n  state image.base = busybox:latest\n"
    "hint: A hint long enough to wrap: one two three four five six seven "
    "eight nine ten eleven twelve.\n"
    "solution:\n  FROM busybox\n";

/* ---- a repl writing into memory, with its scratch directory ---- */

struct h {
    struct repl r;
    char *obuf, *ebuf;
    size_t olen, elen;
    FILE *out, *err;
    size_t omark, emark;
    char dir[256];
    char lessons[300], progress[300];
};

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *path_in(struct h *h, const char *name)
{
    static char p[400];
    snprintf(p, sizeof(p), "%s/%s", h->dir, name);
    return p;
}

/* A scratch directory with lessons/index, lessons/en/{greet,second}, and
 * a progress file path (the file itself is not there yet). */
static struct h *h_make(void)
{
    struct h *h = xcalloc(1, sizeof(*h));
    snprintf(h->dir, sizeof(h->dir), "%s/test_repl_lesson.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(h->dir));
    snprintf(h->lessons, sizeof(h->lessons), "%s/lessons", h->dir);
    snprintf(h->progress, sizeof(h->progress), "%s/progress", h->dir);
    assert_int_equal(mkdir(h->lessons, 0755), 0);
    assert_int_equal(mkdir(path_in(h, "lessons/en"), 0755), 0);
    write_file(path_in(h, "lessons/index"), index_text);
    write_file(path_in(h, "lessons/en/greet.lesson"), greet_text);
    write_file(path_in(h, "lessons/en/second.lesson"), second_text);
    write_file(path_in(h, "lessons/en/wrap.lesson"), wrap_text);
    return h;
}

static void h_start(struct h *h, bool interactive, bool quiet,
                    bool with_lessons)
{
    h->out = open_memstream(&h->obuf, &h->olen);
    h->err = open_memstream(&h->ebuf, &h->elen);
    struct repl_opts o;
    memset(&o, 0, sizeof(o));
    o.interactive = interactive;
    o.quiet = quiet;
    o.ascii = true;
    o.lessons_dir = with_lessons ? h->lessons : NULL;
    o.progress_path = h->progress;
    repl_init(&h->r, &o, h->out, h->err);
}

static struct h *h_new(void)
{
    struct h *h = h_make();
    h_start(h, false, false, true);
    return h;
}

/* A second shell on the same directory (the next session). */
static void h_restart(struct h *h)
{
    repl_release(&h->r);
    fclose(h->out);
    fclose(h->err);
    free(h->obuf);
    free(h->ebuf);
    h->obuf = h->ebuf = NULL;
    h->omark = h->emark = 0;
    h_start(h, false, false, true);
}

static void h_free(struct h *h)
{
    repl_release(&h->r);
    fclose(h->out);
    fclose(h->err);
    free(h->obuf);
    free(h->ebuf);
    static const char *const files[] = {
        "lessons/en/greet.lesson", "lessons/en/second.lesson",
        "lessons/en/wrap.lesson",
        "lessons/en", "lessons/index", "lessons", "progress", "progress.tmp",
        "blocker",
    };
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        if (unlink(path_in(h, files[i])) != 0)
            rmdir(path_in(h, files[i]));
    assert_int_equal(rmdir(h->dir), 0);
    free(h);
}

static const char *out(struct h *h)
{
    fflush(h->out);
    const char *s = h->obuf + h->omark;
    h->omark = h->olen;
    return s;
}

static const char *err(struct h *h)
{
    fflush(h->err);
    const char *s = h->ebuf + h->emark;
    h->emark = h->elen;
    return s;
}

static void feed(struct h *h, const char *text)
{
    repl_feed(&h->r, text);
}

static const char *dockerfile(struct h *h)
{
    return h->r.s.dockerfile.buf;
}

/* The progress file's text ("" if there is none). */
static const char *progress_file(struct h *h)
{
    static char buf[4096];
    buf[0] = '\0';
    FILE *f = fopen(h->progress, "r");
    if (!f)
        return buf;
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

#define assert_has(hay, needle)                                                \
    do {                                                                       \
        const char *hay_ = (hay);                                              \
        if (!strstr(hay_, (needle)))                                           \
            fail_msg("expected \"%s\" in:\n%s", (needle), hay_);               \
    } while (0)

#define assert_lacks(hay, needle)                                              \
    do {                                                                       \
        const char *hay_ = (hay);                                              \
        if (strstr(hay_, (needle)))                                            \
            fail_msg("did not expect \"%s\" in:\n%s", (needle), hay_);         \
    } while (0)

/* Solve the first step of greet (from its start). */
static void solve_cmd(struct h *h)
{
    feed(h, "CMD [\"echo\", \"hello\"]");
    out(h);
}

/* ---- :lessons ---- */

static void test_lessons_list(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lessons");
    const char *o = out(h);
    assert_has(o, "Lessons (:lesson ID starts one");
    assert_has(o, "\nTest track\n");
    assert_has(o, "  todo     greet                Greetings\n");
    assert_has(o, "  todo     second               The second one\n");
    assert_string_equal(err(h), "");
    assert_false(h->r.failed);
    /* the one being done, and one partly done */
    feed(h, ":lesson greet");
    solve_cmd(h);
    feed(h, ":next");
    out(h);
    feed(h, ":lessons");
    assert_has(out(h), "  todo     greet                Greetings (now: "
                       "step 2/2)\n");
    feed(h, ":sandbox");
    out(h);
    feed(h, ":lessons");
    assert_has(out(h), "  todo     greet                Greetings (1/2 steps "
                       "done)\n");
    /* arguments are a mistake */
    feed(h, ":lessons greet");
    assert_string_equal(err(h), "docksim: usage: :lessons (then :lesson ID)\n");
    assert_true(h->r.failed);
    h_free(h);
}

static void test_lessons_unreadable_and_updated(void **state)
{
    (void)state;
    struct h *h = h_make();
    write_file(path_in(h, "lessons/index"),
               "[track t]\ngreet\nnot-written\n");
    /* a step done under an older version of greet */
    write_file(h->progress, "done greet@7 cmd hints=0\n");
    h_start(h, false, false, true);
    feed(h, ":lessons");
    const char *o = out(h);
    assert_has(o, "\nt\n"); /* no title: the track id */
    assert_has(o, "  updated  greet                Greetings\n");
    assert_has(o, "  ?        not-written          (cannot be read)\n");
    assert_has(err(h), "docksim: 1 lesson cannot be read (docksim lessons "
                       "check --dir ");
    feed(h, ":progress");
    assert_has(out(h), "  updated  greet                0/2 steps (the "
                       "lesson changed since: redo?)\n");
    h_free(h);
}

/* ---- starting, checking after each input ---- */

static void test_lesson_start(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, "FROM busybox"); /* a sandbox session first */
    out(h);
    feed(h, ":lesson greet");
    const char *o = out(h);
    assert_string_equal(
        o, "Lesson: Greetings\n"
           "2 steps, about 3 minutes, beginner.\n"
           "The lesson starts from a fresh session: what you typed before is "
           "gone.\n"
           "\n"
           "The intro text.\n"
           "\n"
           "Step 1/2: A default\n"
           "Make it say hello.\n"
           "\n"
           "Goal:\n"
           "  [ ] runs echo hello\n"
           "step 1/2 | :hint  :goal  :undo  :reset  :help\n");
    assert_string_equal(err(h), "");
    assert_true(repl_lesson_active(&h->r));
    /* the setup is the session; :undo cannot take it away */
    assert_string_equal(dockerfile(h), "FROM alpine:3.20\n");
    feed(h, ":undo");
    assert_string_equal(out(h), "Nothing to undo in this step.\n");
    assert_string_equal(dockerfile(h), "FROM alpine:3.20\n");
    /* the position is saved at once */
    assert_has(progress_file(h), "current greet cmd\n");
    h_free(h);
}

static void test_lesson_check_after_each_input(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson greet");
    out(h);
    /* a recognised mistake: checklist, tip, legend */
    feed(h, "CMD echo hello");
    const char *o = out(h);
    assert_has(o, "| line 2: CMD");
    assert_has(o, "  [ ] runs echo hello\n"
                  "  tip: use JSON\n"
                  "step 1/2 | :hint  :goal  :undo  :reset  :help\n");
    /* the same mistake after an unrelated input: no nagging */
    feed(h, "docker build -t greeter .");
    o = out(h);
    assert_has(o, "  [ ] runs echo hello\nstep 1/2 | :hint");
    assert_lacks(o, "tip:");
    /* fixed (another way), then made again: the tip again */
    feed(h, "CMD [\"hi\"]");
    assert_lacks(out(h), "tip:");
    feed(h, "CMD echo hello");
    assert_has(out(h), "  tip: use JSON\n");
    /* a line that changes nothing is not checked */
    feed(h, "# a comment");
    assert_string_equal(out(h), "");
    feed(h, ":dockerfile");
    assert_lacks(out(h), "[ ]");
    /* the tip once per state: gone after :undo, not again after :redo
       (the same state it was shown for) */
    feed(h, ":undo");
    o = out(h);
    assert_has(o, "undone: CMD echo hello\n  [ ] runs echo hello\nstep 1/2");
    assert_lacks(o, "tip:");
    feed(h, ":redo");
    o = out(h);
    assert_has(o, "  [ ] runs echo hello\nstep 1/2");
    assert_lacks(o, "tip:");
    /* ... but :check always says it, with what the check found */
    feed(h, ":check");
    assert_string_equal(out(h),
                        "Checking step 1/2: A default\n"
                        "  [ ] runs echo hello (found: [\"/bin/sh\", \"-c\", "
                        "\"echo hello\"])\n"
                        "  tip: use JSON\n"
                        "0 of 1 done: :hint gives a hint, :goal shows the "
                        "task.\n");
    /* solved: success, explain, where :next goes; the legend leads with
       :next */
    feed(h, "CMD [\"echo\", \"hello\"]");
    o = out(h);
    assert_has(o, "  [x] runs echo hello\n"
                  "Well done: step 1/2 is solved.\n"
                  "CMD is the default.\n"
                  "Type :next for step 2/2: B.\n"
                  "step 1/2 | :next  :goal  :undo  :reset  :help\n");
    /* still solved after another input: no second "Well done" */
    feed(h, "CMD [\"echo\", \"hello\"]");
    o = out(h);
    assert_lacks(o, "Well done");
    assert_has(o, "  [x] runs echo hello\nstep 1/2 | :next");
    /* solved, unsolved, solved again: said again */
    feed(h, "FROM alpine:3.20\nCMD [\"echo\", \"hello\"]");
    o = out(h);
    assert_has(o, "  [ ] runs echo hello\nstep 1/2 | :hint");
    assert_has(o, "Well done");
    h_free(h);
}

static void test_lesson_failed_run_is_checked(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson greet");
    out(h);
    /* no image yet: the run fails and changes nothing in the store, but
       it is the learner's last run, so the step is checked */
    feed(h, "docker run greeter");
    assert_has(out(h), "step 1/2 | :hint");
    assert_true(h->r.failed);
    /* a line that changes nothing is not */
    feed(h, "explain table");
    assert_lacks(out(h), "step 1/2 |");
    h_free(h);
}

static void test_lesson_quiet(void **state)
{
    (void)state;
    struct h *h = h_make();
    h_start(h, false, true, true);
    feed(h, ":lesson greet");
    out(h);
    feed(h, "CMD [\"echo\", \"hello\"]");
    assert_string_equal(out(h), ""); /* commentary off: no checklist */
    feed(h, ":check");
    assert_has(out(h), "Well done: step 1/2 is solved.");
    feed(h, ":next"); /* the check ran all the same */
    assert_has(out(h), "Step 2/2: B");
    h_free(h);
}

static void test_lesson_allow_list(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson greet");
    out(h);
    feed(h, "RUN echo hi");
    assert_string_equal(err(h),
                        "docksim: `RUN` is not part of this lesson (this "
                        "lesson uses FROM, CMD, ENTRYPOINT, docker build and "
                        "docker run); nothing changed (:sandbox leaves the "
                        "lesson, and then every line works)\n");
    assert_string_equal(out(h), "");
    assert_true(h->r.failed);
    assert_string_equal(dockerfile(h), "FROM alpine:3.20\n");
    feed(h, "docker ps");
    assert_has(err(h), "`docker ps` is not part of this lesson");
    /* inside an unfinished instruction every line continues it */
    feed(h, "CMD echo \\\nRUN");
    assert_string_equal(err(h), "");
    assert_string_equal(dockerfile(h), "FROM alpine:3.20\nCMD echo \\\nRUN\n");
    /* words that are neither get the session's own answer */
    feed(h, "hint");
    assert_has(err(h), "did you mean :hint?");
    /* out of the lesson, everything works again */
    feed(h, ":sandbox");
    assert_has(out(h), "Left the lesson greet at step 1/2; :lesson greet goes "
                       "on from there.\n");
    feed(h, "RUN echo hi");
    assert_string_equal(err(h), "");
    assert_has(dockerfile(h), "RUN echo hi\n");
    feed(h, ":sandbox");
    assert_has(out(h), "You are in the sandbox already");
    h_free(h);
}

/* ---- :goal, :intro, :hint, :solution ---- */

static void test_lesson_goal_and_intro(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson greet");
    out(h);
    feed(h, "CMD echo hello");
    out(h);
    feed(h, ":goal");
    assert_string_equal(out(h), "Step 1/2: A default\n"
                                "Make it say hello.\n"
                                "\n"
                                "Goal:\n"
                                "  [ ] runs echo hello\n");
    feed(h, ":intro");
    assert_string_equal(out(h), "Lesson: Greetings\n"
                                "\n"
                                "The intro text.\n"
                                "\n"
                                "You are on step 1/2: A default (:goal shows "
                                "it).\n");
    solve_cmd(h);
    feed(h, ":goal");
    assert_has(out(h), "  [x] runs echo hello\nThis is already solved: :next "
                       "goes on.\n");
    h_free(h);
}

static void test_lesson_hints(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson greet");
    out(h);
    feed(h, ":hint");
    assert_string_equal(out(h), "Hint 1/2: one\n");
    feed(h, ":hint");
    assert_string_equal(out(h), "Hint 2/2: two\n");
    feed(h, ":hint");
    assert_string_equal(out(h), "No more hints for step 1/2. They were:\n"
                                "  1. one\n"
                                "  2. two\n"
                                ":solution shows the answer (it asks "
                                "first).\n");
    solve_cmd(h);
    feed(h, ":next");
    out(h);
    feed(h, ":hint");
    assert_string_equal(out(h), "Step 2/2 has no hints. :solution shows the "
                                "answer (it asks first).\n");
    /* the hints count in the progress */
    assert_has(progress_file(h), "done greet@1 cmd hints=2\n");
    h_free(h);
}

static void test_lesson_solution_in_a_script(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson greet");
    out(h);
    feed(h, ":solution");
    assert_string_equal(out(h),
                        "| Show the solution of step 1/2? Your progress will "
                        "say so. [y/N] yes (not asked: no terminal)\n"
                        "The solution of step 1/2 (type it):\n"
                        "  CMD [\"echo\", \"hello\"]\n");
    /* shown, not typed */
    assert_string_equal(dockerfile(h), "FROM alpine:3.20\n");
    solve_cmd(h);
    feed(h, ":next");
    assert_has(progress_file(h), "done greet@1 cmd hints=0 solution-shown\n");
    h_free(h);
}

/* Interactive: the question is the prompt, the next line answers it. */
static void test_lesson_solution_asks(void **state)
{
    (void)state;
    struct h *h = h_make();
    h_start(h, true, false, true);
    feed(h, ":lesson greet");
    out(h);
    feed(h, ":solution");
    assert_string_equal(out(h), "");
    assert_string_equal(repl_prompt(&h->r), "Show the solution of step 1/2? "
                                            "Your progress will say so. "
                                            "[y/N] ");
    feed(h, "n");
    assert_string_equal(out(h), "Not shown. :hint gives a hint.\n");
    assert_string_equal(repl_prompt(&h->r), "docksim> ");
    /* the answer came from a line source, as at the terminal */
    char text[] = ":solution\ny\n";
    FILE *in = fmemopen(text, strlen(text), "r");
    struct line_source *src = line_source_file(in, NULL);
    repl_run(&h->r, src);
    src->close(src);
    fclose(in);
    assert_string_equal(out(h), "The solution of step 1/2 (type it):\n"
                                "  CMD [\"echo\", \"hello\"]\n");
    solve_cmd(h);
    feed(h, ":next");
    assert_has(progress_file(h), "cmd hints=0 solution-shown\n");
    h_free(h);
}

static void test_lesson_text_layout(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson wrap");
    assert_has(
        out(h),
        "\nThis paragraph is long enough that the shell has to wrap it, and "
        "it holds\n"
        "`a code span that crosses a line` which stays whole, plus "
        "caf\xc3\xa9, cr\xc3\xa8me and\n"
        "na\xc3\xafve words to count right.\n"
        "\n"
        "    an example line that is kept exactly as it was written, even "
        "though it is longer than the terminal\n"
        "An unterminated `backtick starts here and the paragraph still wraps "
        "at the\n"
        "blanks like any other one.\n\nStep 1/1: T\n");
    feed(h, ":hint");
    assert_string_equal(out(h), "Hint 1/1: A hint long enough to wrap: one "
                                "two three four five six seven eight\n"
                                "          nine ten eleven twelve.\n");
    h_free(h);
}

/* ---- moving between steps; undo and reset inside a step ---- */

static void test_lesson_next_prev_undo_reset(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson greet");
    out(h);
    feed(h, ":next");
    assert_string_equal(err(h), "docksim: :next: step 1/2 is not solved yet "
                                "(:check shows what is missing, :hint "
                                "helps)\n");
    assert_true(h->r.failed);
    feed(h, ":prev");
    assert_string_equal(err(h), "docksim: :prev: step 1/2 is the first step "
                                "(:intro shows the introduction)\n");
    solve_cmd(h);
    feed(h, ":next");
    const char *o = out(h);
    assert_string_equal(o, "Step 2/2: B\n"
                           "Add an entrypoint.\n"
                           "\n"
                           "Goal:\n"
                           "  [ ] an exec-form entrypoint\n"
                           "step 2/2 | :hint  :goal  :undo  :reset  :help\n");
    assert_has(progress_file(h), "current greet ep\n");
    /* :undo stops where the step began */
    feed(h, ":undo");
    assert_string_equal(out(h), "Nothing to undo in this step (:prev goes "
                                "back to the step before).\n");
    /* :reset: the step again, from where it began; :undo brings it back */
    feed(h, "ENTRYPOINT echo");
    out(h);
    feed(h, ":reset");
    o = out(h);
    assert_has(o, "| Start step 2/2 again, from where it began? [y/N] yes "
                  "(not asked: no terminal)\n"
                  "Step 2/2 starts again: the session is back to where the "
                  "step began (:undo brings your work back).\n"
                  "  [ ] an exec-form entrypoint\n");
    assert_string_equal(dockerfile(h),
                        "FROM alpine:3.20\nCMD [\"echo\", \"hello\"]\n");
    feed(h, ":undo");
    assert_has(out(h), "undone: :reset\n");
    assert_has(dockerfile(h), "ENTRYPOINT echo\n");
    /* :prev: the step before, as it was when it began */
    feed(h, ":prev");
    o = out(h);
    assert_has(o, "Back to step 1/2, with the session as it was when that "
                  "step began (:undo brings back your work).\n\n"
                  "Step 1/2: A default\n");
    assert_has(o, "  [ ] runs echo hello\nstep 1/2 | :hint");
    assert_string_equal(dockerfile(h), "FROM alpine:3.20\n");
    assert_has(progress_file(h), "current greet cmd\n");
    feed(h, ":undo");
    assert_has(out(h), "undone: :prev\n  [ ] runs echo hello\n");
    assert_has(dockerfile(h), "ENTRYPOINT echo\n");
    h_free(h);
}

static void test_lesson_reset_asks(void **state)
{
    (void)state;
    struct h *h = h_make();
    h_start(h, true, false, true);
    feed(h, ":lesson greet");
    feed(h, "CMD echo hi");
    out(h);
    feed(h, ":reset");
    assert_string_equal(repl_prompt(&h->r), "Start step 1/2 again, from where "
                                            "it began? [y/N] ");
    feed(h, "");
    assert_string_equal(out(h), "Nothing was reset.\n");
    assert_has(dockerfile(h), "CMD echo hi\n");
    feed(h, ":reset");
    feed(h, "y");
    assert_has(out(h), "Step 1/2 starts again");
    assert_string_equal(dockerfile(h), "FROM alpine:3.20\n");
    h_free(h);
}

static void test_lesson_finish(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson greet");
    solve_cmd(h);
    feed(h, ":next");
    feed(h, "ENTRYPOINT [\"echo\"]");
    const char *o = out(h);
    assert_has(o, "Well done: step 2/2 is solved.\n"
                  "Type :next to finish the lesson.\n");
    feed(h, ":next");
    assert_string_equal(out(h),
                        "Lesson complete: Greetings (2 of 2 steps).\n"
                        "\n"
                        "All done here.\n"
                        "\n"
                        "Next: :lesson second (The second one).\n"
                        "You are back in the sandbox: the session stays as it "
                        "is and every line works.\n");
    assert_false(repl_lesson_active(&h->r));
    assert_string_equal(progress_file(h),
                        "# docksim progress, format 1. Safe to copy between "
                        "machines.\n"
                        "current greet\n"
                        "done greet@1 cmd hints=0\n"
                        "done greet@1 ep hints=0\n");
    /* lesson commands now say there is no lesson */
    feed(h, ":hint");
    assert_string_equal(err(h), "docksim: :hint: no lesson is running "
                                "(:lessons lists them, :lesson ID starts "
                                "one)\n");
    h_free(h);
}

/* ---- resuming, switching, unknown lessons ---- */

static void test_lesson_resume(void **state)
{
    (void)state;
    struct h *h = h_make();
    write_file(h->progress, "current greet ep\ndone greet@1 cmd hints=1\n");
    h_start(h, false, false, true);
    feed(h, ":lesson");
    const char *o = out(h);
    assert_has(o, "Going on where you left it, at step 2/2 (:intro shows the "
                  "introduction).\n\nStep 2/2: B\n");
    assert_lacks(o, "The intro text.");
    /* the start state of step 2: setup plus step 1's solution */
    assert_string_equal(dockerfile(h),
                        "FROM alpine:3.20\nCMD [\"echo\", \"hello\"]\n");
    feed(h, ":undo");
    assert_has(out(h), "Nothing to undo in this step");
    /* step 1 was not begun in this session: the lesson's own state */
    feed(h, ":prev");
    assert_has(out(h), "Back to step 1/2, from the lesson's own solutions of "
                       "the steps before it.\n");
    assert_string_equal(dockerfile(h), "FROM alpine:3.20\n");
    h_free(h);
}

static void test_lesson_again_and_switch(void **state)
{
    (void)state;
    struct h *h = h_make();
    write_file(h->progress, "current greet\ndone greet@1 cmd hints=0\n"
                            "done greet@1 ep hints=0\n");
    h_start(h, false, false, true);
    feed(h, ":lesson");
    assert_string_equal(err(h), "docksim: usage: :lesson ID (:lessons lists "
                                "them)\n");
    feed(h, ":lesson greet");
    assert_has(out(h), "You finished this lesson before: here it is again "
                       "from the start.\n\nThe intro text.\n");
    feed(h, ":lesson greet");
    assert_has(out(h), "You are doing this lesson already (:reset starts the "
                       "step again).\n\nStep 1/2: A default\n");
    feed(h, ":lesson");
    assert_has(out(h), "Step 1/2: A default\n");
    feed(h, ":lesson second");
    const char *o = out(h);
    assert_has(o, "Lesson: The second one\n1 step.\n\nStep 1/1: Only\n");
    assert_lacks(o, "It builds on"); /* greet is done */
    assert_lacks(o, "what you typed before is gone"); /* it was a lesson */
    assert_has(progress_file(h), "current second only\n");
    h_free(h);
}

static void test_lesson_requires_and_unknown(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson second");
    assert_has(out(h), "It builds on greet, which you have not done yet "
                       "(:lesson greet).\n");
    feed(h, ":lesson gret");
    assert_string_equal(err(h), "docksim: no lesson 'gret' (did you mean "
                                "greet?); :lessons lists them\n");
    feed(h, ":lesson zzzzzzzz");
    assert_string_equal(err(h), "docksim: no lesson 'zzzzzzzz'; :lessons "
                                "lists them\n");
    assert_true(h->r.failed);
    /* the lesson still running is the one started */
    feed(h, ":goal");
    assert_has(out(h), "Step 1/1: Only");
    h_free(h);
}

static void test_lesson_commands_without_a_lesson(void **state)
{
    (void)state;
    struct h *h = h_new();
    static const char *const cmds[] = { ":intro", ":goal", ":check", ":hint",
                                        ":solution", ":next", ":prev" };
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        h->r.failed = false;
        feed(h, cmds[i]);
        char want[200];
        snprintf(want, sizeof(want), "docksim: %s: no lesson is running "
                                     "(:lessons lists them, :lesson ID starts "
                                     "one)\n",
                 cmds[i]);
        assert_string_equal(err(h), want);
        assert_true(h->r.failed);
    }
    assert_string_equal(out(h), "");
    /* :undo and :reset are the usual ones */
    feed(h, ":undo");
    assert_string_equal(out(h), "Nothing to undo.\n");
    feed(h, ":reset");
    assert_has(out(h), "Reset everything");
    h_free(h);
}

/* ---- progress ---- */

static void test_progress_command(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":progress");
    const char *o = out(h);
    assert_has(o, "Your lesson progress, saved in ");
    assert_has(o, "/progress:\n  nothing done yet\n:progress export prints "
                  "the file; :progress reset [LESSON] forgets (it asks).\n");
    feed(h, ":progress reset");
    assert_string_equal(out(h), "Nothing is recorded yet.\n");
    feed(h, ":lesson greet");
    feed(h, ":hint");
    feed(h, ":solution");
    solve_cmd(h);
    feed(h, ":next");
    out(h);
    feed(h, ":progress");
    o = out(h);
    assert_has(o, "  todo     greet                1/2 steps, 1 hint, 1 "
                  "solution seen\n"
                  "You are doing greet, step 2/2.\n");
    feed(h, ":progress export");
    assert_string_equal(out(h), progress_file(h));
    feed(h, ":progress reset second");
    assert_string_equal(out(h), "Nothing is recorded for second.\n");
    feed(h, ":sandbox");
    out(h);
    feed(h, ":progress");
    assert_has(out(h), "You left off at greet, step 2/2 (:lesson goes on).\n");
    feed(h, ":progress reset greet");
    assert_has(out(h), "| Forget your progress in greet? [y/N] yes (not "
                       "asked: no terminal)\nForgot your progress in "
                       "greet.\n");
    assert_string_equal(progress_file(h), "# docksim progress, format 1. Safe "
                                          "to copy between machines.\n");
    feed(h, ":progress export please");
    assert_string_equal(err(h), "docksim: usage: :progress [export | reset "
                                "[LESSON]]\n");
    feed(h, ":progress reset a b");
    assert_has(err(h), "usage: :progress");
    feed(h, ":progress bogus");
    assert_has(err(h), "usage: :progress");
    h_free(h);
}

static void test_progress_reset_in_a_lesson(void **state)
{
    (void)state;
    struct h *h = h_make();
    h_start(h, true, false, true);
    feed(h, ":lesson greet");
    solve_cmd(h);
    feed(h, ":next");
    out(h);
    feed(h, ":progress reset");
    feed(h, "no");
    assert_string_equal(out(h), "Nothing was forgotten.\n");
    feed(h, ":progress reset");
    feed(h, "yes");
    assert_string_equal(out(h), "Forgot all your lesson progress.\n");
    /* the lesson goes on, and where it is stays recorded */
    assert_string_equal(progress_file(h),
                        "# docksim progress, format 1. Safe to copy between "
                        "machines.\ncurrent greet ep\n");
    h_free(h);
}

static void test_progress_next_session(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":lesson greet");
    solve_cmd(h);
    feed(h, ":next");
    h_restart(h);
    repl_banner(&h->r);
    assert_has(out(h), "Welcome back: :lesson goes on with greet where you "
                       "left it (:lessons lists all).\n");
    feed(h, ":lesson");
    assert_has(out(h), "at step 2/2");
    h_free(h);
}

static void test_progress_problems(void **state)
{
    (void)state;
    struct h *h = h_make();
    /* a line it cannot read */
    write_file(h->progress, "current greet cmd\nbogus line\n");
    h_start(h, false, false, true);
    feed(h, ":lesson greet");
    const char *e = err(h);
    assert_has(e, "docksim: warning: your lesson progress: ");
    assert_has(e, ":2: ");
    assert_has(e, "docksim: warning: docksim goes on with what it could "
                  "read\n");
    assert_true(repl_lesson_active(&h->r));
    h_free(h);

    /* a progress file that cannot be written: said once */
    h = h_make();
    write_file(path_in(h, "blocker"), "x");
    snprintf(h->progress, sizeof(h->progress), "%s/blocker/progress", h->dir);
    h_start(h, false, false, true);
    feed(h, ":lesson greet");
    e = err(h);
    assert_has(e, "docksim: warning: cannot save your lesson progress: ");
    assert_has(e, "docksim: warning: your progress is kept until you leave "
                  "docksim (--progress FILE saves it elsewhere)\n");
    solve_cmd(h);
    feed(h, ":next");
    assert_string_equal(err(h), "");
    assert_false(h->r.failed);
    h_free(h);
}

/* ---- no lessons ---- */

static void test_no_lessons(void **state)
{
    (void)state;
    struct h *h = h_make();
    h_start(h, false, false, false);
    repl_banner(&h->r);
    assert_lacks(out(h), ":lesson");
    feed(h, ":lessons");
    assert_string_equal(err(h), "docksim: :lessons: no lessons found (set "
                                "DOCKSIM_LESSONS=DIR or start docksim with "
                                "--lessons DIR)\n");
    feed(h, ":lesson greet");
    assert_has(err(h), "docksim: :lesson: no lessons found");
    assert_true(h->r.failed);
    h_free(h);

    /* a directory without an index */
    h = h_make();
    unlink(path_in(h, "lessons/index"));
    h_start(h, false, false, true);
    repl_banner(&h->r);
    assert_lacks(out(h), ":lesson");
    feed(h, ":lessons");
    assert_has(err(h), "docksim: :lessons: cannot read the lessons in ");
    h_free(h);
}

static void test_banner(void **state)
{
    (void)state;
    struct h *h = h_new();
    repl_banner(&h->r);
    const char *o = out(h);
    assert_has(o, "New here? :lesson greet starts the first lesson (:lessons "
                  "lists all).\nType :help for help, :quit or Ctrl-D to "
                  "leave.\n");
    /* the banner reads the index only */
    assert_null(strstr(o, "Greetings"));
    h_free(h);
}

/* ---- :state, completion, help ---- */

static void test_lesson_state(void **state)
{
    (void)state;
    struct h *h = h_new();
    feed(h, ":state");
    assert_lacks(out(h), "Lesson");
    feed(h, ":lesson greet");
    out(h);
    feed(h, ":state");
    const char *o = out(h);
    assert_has(o, "Undo: 0 steps (:undo), 0 to redo (:redo)\n"
                  "Lesson greet, step 1/2: what its checks read (image "
                  "greeter)\n"
                  "# image 'greeter': the current Dockerfile, built\n"
                  "image.base = alpine:3.20\n");
    assert_has(o, "# no docker run yet\n");
    /* :state changes nothing: no check */
    assert_lacks(o, "step 1/2 |");
    h_free(h);
}

static const char *comp(struct repl *r, const char *line)
{
    static struct sb o = SB_INIT;
    sb_reset(&o);
    struct strlist c;
    strlist_init(&c);
    size_t start = 0;
    complete_line(r, line, strlen(line), &start, &c);
    for (size_t i = 0; i < c.n; i++)
        sb_addf(&o, "%s%s", i ? " " : "", c.v[i]);
    strlist_release(&c);
    return o.buf;
}

static void test_lesson_completion(void **state)
{
    (void)state;
    struct h *h = h_new();
    assert_string_equal(comp(&h->r, ":lesson "), "greet second wrap");
    assert_string_equal(comp(&h->r, ":lesson s"), "second");
    assert_string_equal(comp(&h->r, ":progress "), "export reset");
    assert_string_equal(comp(&h->r, ":progress reset g"), "greet");
    assert_string_equal(comp(&h->r, ":progress export "), "");
    assert_string_equal(comp(&h->r, ":lessons "), "");
    assert_string_equal(comp(&h->r, ":pr"), ":prev :progress");
    assert_string_equal(comp(&h->r, ":so"), ":solution");
    h_free(h);

    /* no lessons: nothing to offer */
    h = h_make();
    h_start(h, false, false, false);
    assert_string_equal(comp(&h->r, ":lesson "), "");
    h_free(h);
}

/*
 * Every lesson of the real lessons/ directory, played in the shell with
 * its own solutions: each step is solved ("Well done") by its solution
 * typed at the prompt, :next goes on, and the lesson completes. (`lessons
 * check` proves the same through the session; this proves the shell.)
 * make runs the tests from the repository root.
 */
static void test_real_lessons_play_through(void **state)
{
    (void)state;
    const char *dir = "lessons";
    struct lesson_library lib;
    struct lesson_diags d;
    lesson_diags_init(&d);
    lesson_library_load(&lib, dir, NULL, &d);
    if (!lib.n)
        fail_msg("no lessons in ./%s (run the tests from the repository "
                 "root)", dir);
    for (size_t k = 0; k < lib.n; k++) {
        const struct lesson *l = lib.lessons[k];
        assert_non_null(l);
        struct h *h = h_make();
        h->out = open_memstream(&h->obuf, &h->olen);
        h->err = open_memstream(&h->ebuf, &h->elen);
        struct repl_opts o;
        memset(&o, 0, sizeof(o));
        o.ascii = true;
        o.lessons_dir = dir;
        o.progress_path = h->progress;
        repl_init(&h->r, &o, h->out, h->err);
        char line[256];
        snprintf(line, sizeof(line), ":lesson %s", l->id);
        feed(h, line);
        out(h);
        for (size_t i = 0; i < l->n_steps; i++) {
            for (size_t j = 0; j < l->steps[i].n_solution; j++)
                feed(h, l->steps[i].solution[j].text);
            char want[64];
            snprintf(want, sizeof(want), "Well done: step %zu/%zu is solved.",
                     i + 1, l->n_steps);
            const char *o2 = out(h);
            if (!strstr(o2, want))
                fail_msg("%s: step %zu (%s): its solution did not solve it "
                         "in the shell:\n%s",
                         l->id, i + 1, l->steps[i].id, o2);
            feed(h, ":next");
        }
        assert_has(out(h), "Lesson complete: ");
        assert_false(repl_lesson_active(&h->r));
        h_free(h);
    }
    lesson_library_release(&lib);
    lesson_diags_release(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lessons_list),
        cmocka_unit_test(test_lessons_unreadable_and_updated),
        cmocka_unit_test(test_lesson_start),
        cmocka_unit_test(test_lesson_check_after_each_input),
        cmocka_unit_test(test_lesson_failed_run_is_checked),
        cmocka_unit_test(test_lesson_quiet),
        cmocka_unit_test(test_lesson_allow_list),
        cmocka_unit_test(test_lesson_goal_and_intro),
        cmocka_unit_test(test_lesson_hints),
        cmocka_unit_test(test_lesson_solution_in_a_script),
        cmocka_unit_test(test_lesson_solution_asks),
        cmocka_unit_test(test_lesson_text_layout),
        cmocka_unit_test(test_lesson_next_prev_undo_reset),
        cmocka_unit_test(test_lesson_reset_asks),
        cmocka_unit_test(test_lesson_finish),
        cmocka_unit_test(test_lesson_resume),
        cmocka_unit_test(test_lesson_again_and_switch),
        cmocka_unit_test(test_lesson_requires_and_unknown),
        cmocka_unit_test(test_lesson_commands_without_a_lesson),
        cmocka_unit_test(test_progress_command),
        cmocka_unit_test(test_progress_reset_in_a_lesson),
        cmocka_unit_test(test_progress_next_session),
        cmocka_unit_test(test_progress_problems),
        cmocka_unit_test(test_no_lessons),
        cmocka_unit_test(test_banner),
        cmocka_unit_test(test_lesson_state),
        cmocka_unit_test(test_lesson_completion),
        cmocka_unit_test(test_real_lessons_play_through),
    };
    return cmocka_run_group_tests_name("repl_lesson", tests, NULL, NULL);
}
