/*
 * test_lesson.c: the lesson format (lesson.h): parsing, every parse
 * error with its line number, allow:, the index; goal checks with their
 * operators (lessoncheck.h); probes leave the learner's session alone;
 * the `lessons check` validation rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "lessoncheck.h"
#include "sb.h"
#include "session.h"
#include "statemodel.h"
#include "store.h"

/* Parse text; return the problems as "LINE: message\n" lines (malloc'd). */
static char *parse_errors(const char *text, struct lesson *l)
{
    struct lesson_diags d;
    lesson_diags_init(&d);
    lesson_parse(l, "t.lesson", text, strlen(text), &d);
    struct sb o = SB_INIT;
    for (size_t i = 0; i < d.n; i++)
        sb_addf(&o, "%d: %s%s\n", d.v[i].line, d.v[i].warning ? "warning: " : "",
                d.v[i].msg);
    lesson_diags_release(&d);
    return sb_detach(&o, NULL);
}

/* The problems of a text expected to fail, the lesson released. */
static void expect_errors(const char *text, const char *want)
{
    struct lesson l;
    char *got = parse_errors(text, &l);
    assert_string_equal(got, want);
    free(got);
    lesson_release(&l);
}

#define HEADER                                                             \
    "lesson: t\nformat: 1\nversion: 1\ntitle: T\nsummary: S\n"

/* A step with one good check, for tests that break something else. */
#define STEP_A                                                             \
    "[step a]\ntitle: A\ntext: x\ngoal:\n  # d\n  state image.cmd.form = "  \
    "exec\nsolution:\n  CMD [\"x\"]\n"

static const char full_lesson[] =
    "lesson: demo\n"                                 /* 1 */
    "format: 1\n"                                    /* 2 */
    "version: 3\n"                                   /* 3 */
    "title: Demo lesson\n"                           /* 4 */
    "summary: What it is about.\n"                   /* 5 */
    "level: beginner\n"                              /* 6 */
    "minutes: 7\n"                                   /* 7 */
    "requires: a, b\n"                               /* 8 */
    "image: greeter\n"                               /* 9 */
    "allow: FROM cmd docker-run docker-build\n"      /* 10 */
    "# a comment\n"                                  /* 11 */
    "\n"                                             /* 12 */
    "[intro]\n"                                      /* 13 */
    "First line, `code`.\n"                          /* 14 */
    "# not a comment here\n"                         /* 15 */
    "\n"                                             /* 16 */
    "[setup]\n"                                      /* 17 */
    "# a comment\n"                                  /* 18 */
    "FROM alpine:3.20\n"                             /* 19 */
    "\n"                                             /* 20 */
    "[step one]\n"                                   /* 21 */
    "title: Step one\n"                              /* 22 */
    "text:\n"                                        /* 23 */
    "  Para one.\n"                                  /* 24 */
    "\n"                                             /* 25 */
    "    indented example\n"                         /* 26 */
    "goal:\n"                                        /* 27 */
    "  # runs echo\n"                                /* 28 */
    "  run docker run greeter => argv = [\"echo\", \"hi\"]\n" /* 29 */
    "  # exec\n"                                     /* 30 */
    "  state image.cmd.form = exec\n"                /* 31 */
    "  # the env\n"                                  /* 32 */
    "  state image.env.PORT exists\n"                /* 33 */
    "  # last\n"                                     /* 34 */
    "  last-run stdout = \" padded \"\n"             /* 35 */
    "hint: First hint\n"                             /* 36 */
    "      continued.\n"                             /* 37 */
    "hint: Second hint\n"                            /* 38 */
    "solution:\n"                                    /* 39 */
    "  CMD [\"echo\", \"hi\"]\n"                     /* 40 */
    "  # kept\n"                                     /* 41 */
    "  docker run greeter\n"                         /* 42 */
    "feedback:\n"                                    /* 43 */
    "  # about shell form\n"                         /* 44 */
    "  when state image.cmd.form = shell\n"          /* 45 */
    "  say: Shell form\n"                            /* 46 */
    "       on two lines.\n"                         /* 47 */
    "  when last-run exit != 0\n"                    /* 48 */
    "  say: It failed.\n"                            /* 49 */
    "explain: More.\n"                               /* 50 */
    "\n"                                             /* 51 */
    "[try mistake]\n"                                /* 52 */
    "step: one\n"                                    /* 53 */
    "input:\n"                                       /* 54 */
    "  CMD echo hi\n"                                /* 55 */
    "expect-feedback: 1\n"                           /* 56 */
    "\n"                                             /* 57 */
    "[try fine]\n"                                   /* 58 */
    "step: one\n"                                    /* 59 */
    "input: CMD [\"echo\", \"hi\"]\n"                /* 60 */
    "expect-feedback: none\n"                        /* 61 */
    "[finish]\n"                                     /* 62 */
    "\n"                                             /* 63 */
    "Done.\n";                                       /* 64 */

static void test_lesson_parses_every_part(void **state)
{
    (void)state;
    struct lesson l;
    char *errs = parse_errors(full_lesson, &l);
    assert_string_equal(errs, "");
    free(errs);
    assert_string_equal(l.id, "demo");
    assert_int_equal(l.id_line, 1);
    assert_int_equal(l.format, 1);
    assert_int_equal(l.version, 3);
    assert_string_equal(l.title, "Demo lesson");
    assert_string_equal(l.summary, "What it is about.");
    assert_string_equal(l.level, "beginner");
    assert_int_equal(l.minutes, 7);
    assert_int_equal(l.n_requires, 2);
    assert_string_equal(l.requires[1], "b");
    assert_string_equal(l.image, "greeter");
    assert_true(l.has_allow);
    assert_int_equal(l.n_allow, 4);
    assert_string_equal(l.allow[1], "CMD"); /* instructions upper-cased */
    assert_string_equal(l.allow[2], "docker-run");
    assert_string_equal(l.intro, "First line, `code`.\n# not a comment here");
    assert_int_equal(l.n_setup, 1);
    assert_string_equal(l.setup[0].text, "FROM alpine:3.20");
    assert_int_equal(l.setup[0].line, 19);

    assert_int_equal(l.n_steps, 1);
    const struct lesson_step *st = &l.steps[0];
    assert_string_equal(st->id, "one");
    assert_int_equal(st->line, 21);
    assert_string_equal(st->title, "Step one");
    assert_string_equal(st->text, "Para one.\n\n  indented example");
    assert_int_equal(st->n_goal, 4);
    assert_int_equal(st->goal_line, 27);
    assert_int_equal(st->goal[0].kind, LCHECK_RUN);
    assert_string_equal(st->goal[0].desc, "runs echo");
    assert_string_equal(st->goal[0].probe, "docker run greeter");
    assert_string_equal(st->goal[0].path->name, "argv");
    assert_int_equal(st->goal[0].op, SM_EQ);
    assert_int_equal(st->goal[0].want.n, 2);
    assert_string_equal(st->goal[0].want.v[1], "hi");
    assert_int_equal(st->goal[0].line, 29);
    assert_int_equal(st->goal[1].kind, LCHECK_STATE);
    assert_string_equal(st->goal[1].want.s, "exec");
    assert_string_equal(st->goal[2].path->name, "image.env.<NAME>");
    assert_string_equal(st->goal[2].param, "PORT");
    assert_int_equal(st->goal[2].op, SM_EXISTS);
    assert_int_equal(st->goal[3].kind, LCHECK_LAST_RUN);
    assert_string_equal(st->goal[3].want.s, " padded "); /* JSON string */
    assert_int_equal(st->n_hints, 2);
    assert_string_equal(st->hints[0], "First hint\ncontinued.");
    assert_string_equal(st->hints[1], "Second hint");
    /* a '#' line is input too: narration, or a heredoc's content */
    assert_int_equal(st->n_solution, 3);
    assert_string_equal(st->solution[0].text, "CMD [\"echo\", \"hi\"]");
    assert_int_equal(st->solution[0].line, 40);
    assert_string_equal(st->solution[1].text, "# kept");
    assert_int_equal(st->solution[1].line, 41);
    assert_string_equal(st->solution[2].text, "docker run greeter");
    assert_int_equal(st->solution[2].line, 42);
    assert_int_equal(st->n_rules, 2);
    assert_string_equal(st->rules[0].when.desc, "about shell form");
    assert_string_equal(st->rules[0].say, "Shell form\non two lines.");
    assert_int_equal(st->rules[0].line, 45);
    assert_int_equal(st->rules[1].when.op, SM_NE);
    assert_int_equal(st->rules[1].when.want.i, 0);
    assert_string_equal(st->explain, "More.");

    assert_int_equal(l.n_tries, 2);
    assert_string_equal(l.tries[0].name, "mistake");
    assert_string_equal(l.tries[0].step, "one");
    assert_int_equal(l.tries[0].n_input, 1);
    assert_string_equal(l.tries[0].input[0].text, "CMD echo hi");
    assert_int_equal(l.tries[0].expect, 1);
    assert_string_equal(l.tries[1].input[0].text, "CMD [\"echo\", \"hi\"]");
    assert_int_equal(l.tries[1].expect, 0);
    assert_string_equal(l.finish, "Done.");
    assert_int_equal(lesson_step_index(&l, "one"), 0);
    assert_int_equal(lesson_step_index(&l, "two"), -1);
    lesson_release(&l);
}

/* A heredoc in a solution keeps its '#!' line and its blank lines. */
static void test_lesson_solution_heredoc_verbatim(void **state)
{
    (void)state;
    struct lesson l;
    char *got = parse_errors(HEADER "[step a]\ntitle: A\ntext: x\ngoal:\n"
                                    "  # d\n  state image.cmd.form = exec\n"
                                    "solution:\n"
                                    "  COPY <<'EOF' /s.sh\n"
                                    "  #!/bin/sh\n"
                                    "\n"
                                    "  exec \"$@\"\n"
                                    "  EOF\n"
                                    "  CMD [\"x\"]\n"
                                    "\n"
                                    "\n",
                             &l);
    assert_string_equal(got, "");
    free(got);
    assert_int_equal(l.n_steps, 1);
    const struct lesson_step *st = &l.steps[0];
    assert_int_equal(st->n_solution, 6); /* trailing blank lines dropped */
    assert_string_equal(st->solution[1].text, "#!/bin/sh");
    assert_string_equal(st->solution[2].text, "");
    assert_string_equal(st->solution[3].text, "exec \"$@\"");
    assert_string_equal(st->solution[5].text, "CMD [\"x\"]");
    lesson_release(&l);
}

static void test_lesson_default_image_is_app(void **state)
{
    (void)state;
    struct lesson l;
    char *e = parse_errors(HEADER STEP_A, &l);
    assert_string_equal(e, "");
    free(e);
    assert_string_equal(l.image, "app");
    assert_false(l.has_allow);
    lesson_release(&l);
}

static void test_lesson_header_errors(void **state)
{
    (void)state;
    expect_errors("lesson: Bad_Id\nformatt: 1\nformat: 2\nversion: 0\n"
                  "title: T\nminutes: x\nimage: Greeter\nallow: FROM "
                  "docker-fly\n" STEP_A,
                  "2: unknown key 'formatt' in the header (did you mean "
                  "'format'?)\n"
                  "1: the header has no 'summary:'\n"
                  "1: lesson id 'Bad_Id' must be lower-case letters, digits "
                  "and '-'\n"
                  "3: format 2 is not supported (docksim reads format 1)\n"
                  "4: version '0' must be a whole number from 1\n"
                  "6: minutes 'x' must be a whole number\n"
                  "7: image 'Greeter' is not a valid image name\n"
                  "8: allow: 'docker-fly' is neither a Dockerfile instruction "
                  "nor a docker command written like docker-run\n");
    expect_errors(HEADER "title: Again\n" STEP_A,
                  "6: key 'title' given twice in the header\n");
    expect_errors(HEADER "not a key\n" STEP_A,
                  "6: expected 'key: value' or an indented line, not 'not a "
                  "key'\n");
    expect_errors("  stray\n" HEADER STEP_A,
                  "1: indented line outside a block (a value continues only "
                  "after a 'key:' line)\n");
}

static void test_lesson_section_errors(void **state)
{
    (void)state;
    expect_errors(HEADER "[intro]\nx\n[intro]\ny\n" STEP_A,
                  "8: section [intro] given twice\n");
    expect_errors(HEADER "[stpe b]\n" STEP_A,
                  "6: unknown section [stpe b] (sections: [intro] [setup] "
                  "[step ID] [try NAME] [finish])\n");
    expect_errors(HEADER "[fnish]\n" STEP_A,
                  "6: unknown section [fnish] (did you mean [finish]?) "
                  "(sections: [intro] [setup] [step ID] [try NAME] "
                  "[finish])\n");
    expect_errors(HEADER, "1: lesson has no [step ID] section\n");
    expect_errors(HEADER STEP_A "[step a]\ntitle: B\ntext: y\ngoal:\n  # d\n"
                                "  state image.cmd.form = shell\nsolution:\n"
                                "  CMD x\n",
                  "14: duplicate step id 'a'\n");
    expect_errors(HEADER "[step Bad]\ntitle: B\ntext: y\ngoal:\n  # d\n"
                         "  state image.cmd.form = shell\nsolution:\n"
                         "  CMD x\n",
                  "6: step id 'Bad' must be lower-case letters, digits and "
                  "'-'\n");
}

static void test_lesson_step_key_errors(void **state)
{
    (void)state;
    expect_errors(HEADER "[step a]\ntitle: A\nhnt: x\n",
                  "8: unknown key 'hnt' in step 'a' (did you mean 'hint'?)\n"
                  "6: step 'a' has no 'text:'\n"
                  "6: step 'a' has no 'goal:'\n"
                  "6: step 'a' has no 'solution:'\n");
    expect_errors(HEADER "[step a]\ntitle: A\ntext: x\ngoal:\nsolution:\n"
                         "  CMD x\n",
                  "9: step 'a' has no checks in its goal\n");
    expect_errors(HEADER "[step a]\ntitle: A\ntext: x\ngoal:\n  # d\n"
                         "  state image.cmd.form = exec\nsolution:\n",
                  "12: step 'a' has an empty solution\n");
    expect_errors(HEADER "[step a]\ntitle: A\ntext: x\ngoal: state x\n  # d\n"
                         "  state image.cmd.form = exec\nsolution: CMD x\n",
                  "9: goal: takes its checks on the indented lines below "
                  "it\n");
}

static void test_lesson_check_errors(void **state)
{
    (void)state;
#define GOAL(c)                                                            \
    HEADER "[step a]\ntitle: A\ntext: x\ngoal:\n  # d\n  " c               \
           "\nsolution:\n  CMD x\n"
    /* the check is on line 11 */
    expect_errors(GOAL("state image.cmdd = [\"x\"]"),
                  "11: unknown state path 'image.cmdd' (did you mean "
                  "'image.cmd'?)\n");
    expect_errors(GOAL("state argv = [\"x\"]"),
                  "11: 'argv' is a run path: check it with 'run COMMAND => "
                  "argv ...' or 'last-run argv ...'\n");
    expect_errors(GOAL("last-run image.cmd = [\"x\"]"),
                  "11: 'image.cmd' is a state path: check it with 'state "
                  "image.cmd ...'\n");
    expect_errors(GOAL("run docker run app => argvv = [\"x\"]"),
                  "11: unknown run path 'argvv' (did you mean 'argv'?)\n");
    expect_errors(GOAL("state image.cmd == [\"x\"]"),
                  "11: unknown operator '==' (use = != has ~ exists "
                  "missing)\n");
    expect_errors(GOAL("state image.cmd"),
                  "11: missing operator after 'image.cmd' (use = != has ~ "
                  "exists missing)\n");
    expect_errors(GOAL("state image.cmd ="),
                  "11: operator '=' needs a value\n");
    expect_errors(GOAL("state image.cmd exists yes"),
                  "11: operator 'exists' takes no value\n");
    expect_errors(GOAL("state image.cmd = echo"),
                  "11: value 'echo' for 'image.cmd' must be a JSON list of "
                  "strings, like [\"echo\", \"hi\"]\n");
    expect_errors(GOAL("state image.cmd = [\"a\", 1]"),
                  "11: value '[\"a\", 1]' for 'image.cmd' must be a JSON "
                  "list of strings, like [\"echo\", \"hi\"]\n");
    expect_errors(GOAL("state image.cmd.inherited = yes"),
                  "11: value 'yes' for 'image.cmd.inherited' must be true or "
                  "false\n");
    expect_errors(GOAL("last-run exit = zero"),
                  "11: value 'zero' for 'exit' must be a whole number\n");
    expect_errors(GOAL("last-run exit has 1"),
                  "11: operator 'has' works on strings and lists only, and "
                  "'exit' is not one\n");
    expect_errors(GOAL("state image.base = \"unterminated"),
                  "11: value '\"unterminated' for 'image.base' starts with "
                  "'\"' but is not one JSON string\n");
    expect_errors(GOAL("state image.base = [x]"),
                  "11: value '[x]' for 'image.base' is a string: quote it "
                  "(\"[...]\") to compare text that starts with '['\n");
    expect_errors(GOAL("state image.env. exists"),
                  "11: 'image.env.' needs a name after the dot\n");
    expect_errors(GOAL("run docker build . => exit = 0"),
                  "11: 'docker build .' is not a docker run command (a probe "
                  "runs the lesson image with `docker run ...`)\n");
    expect_errors(GOAL("run docker run app exit = 0"),
                  "11: a run check reads 'run DOCKER-RUN-COMMAND => PATH OP "
                  "VALUE'\n");
    expect_errors(GOAL("check image.cmd exists"),
                  "11: unknown check 'check' (a check starts with state, run "
                  "or last-run)\n");
    /* descriptions */
    expect_errors(HEADER "[step a]\ntitle: A\ntext: x\ngoal:\n"
                         "  state image.cmd exists\n  # d\n"
                         "  state image.cmd exists\n  # dangling\n"
                         "solution:\n  CMD x\n",
                  "10: check without a '#' description above it (the "
                  "learner's checklist shows that line)\n"
                  "13: description without a check after it\n");
    expect_errors(HEADER "[step a]\ntitle: A\ntext: x\ngoal:\n  # d\n"
                         "    state image.cmd exists\nsolution:\n  CMD x\n",
                  "11: unexpected indentation in goal: (one check per "
                  "line)\n"
                  "10: description without a check after it\n");
#undef GOAL
}

static void test_lesson_feedback_errors(void **state)
{
    (void)state;
#define FB(f) HEADER STEP_A "feedback:\n" f
    /* feedback: starts on line 14 */
    expect_errors(FB("  say: orphan\n"),
                  "15: 'say:' without a 'when' rule before it\n");
    expect_errors(FB("  when state image.cmd exists\n"
                     "  when state image.cmd missing\n  say: x\n"),
                  "15: 'when' without a 'say:' after it\n");
    expect_errors(FB("  when state image.cmd exists\n"),
                  "15: 'when' without a 'say:' after it\n");
    expect_errors(FB("  when state image.nope exists\n  say: x\n"
                     "       more\n"),
                  "15: unknown state path 'image.nope' (did you mean "
                  "'image.base'?)\n");
    expect_errors(FB("  whenever\n"),
                  "15: expected 'when CHECK' or 'say: TEXT' in feedback:, "
                  "not 'whenever'\n");
    expect_errors(FB("  when state image.cmd exists\n  say: x\n"
                     "  when state image.cmd missing\n    say: y\n"),
                  "18: unexpected indentation in feedback: (only say: text "
                  "continues on deeper lines)\n"
                  "17: 'when' without a 'say:' after it\n");
#undef FB
}

static void test_lesson_try_errors(void **state)
{
    (void)state;
    expect_errors(HEADER STEP_A "[try x]\nstep: b\ninput: CMD x\n"
                                "expect-feedback: 1\n",
                  "14: try 'x' names step 'b', which this lesson does not "
                  "have\n");
    expect_errors(HEADER STEP_A "[try x]\nstep: a\ninput: CMD x\n"
                                "expect-feedback: 2\n",
                  "14: try 'x' expects feedback rule 2, but step 'a' has 0\n");
    expect_errors(HEADER STEP_A "[try x]\nstep: a\ninput:\n"
                                "expect-feedback: first\n",
                  "16: try 'x' has no input\n"
                  "17: expect-feedback: 'first' must be a rule number (1 for "
                  "the first when) or none\n");
    expect_errors(HEADER STEP_A "[try x]\nstep: a\ninput: CMD x\n"
                                "expect-feedback: none\n[try x]\nstep: a\n"
                                "input: CMD y\nexpect-feedback: none\n",
                  "18: duplicate try name 'x'\n");
    expect_errors(HEADER STEP_A "[try x]\n",
                  "14: try 'x' has no 'step:'\n"
                  "14: try 'x' has no 'input:'\n"
                  "14: try 'x' has no 'expect-feedback:'\n");
}

static void test_lesson_rejects_binary_and_missing_files(void **state)
{
    (void)state;
    struct lesson l;
    struct lesson_diags d;
    lesson_diags_init(&d);
    assert_int_equal(lesson_parse(&l, "b.lesson", "a\0b", 3, &d), -1);
    assert_string_equal(d.v[0].msg, "not a text file (it holds NUL bytes)");
    lesson_release(&l);
    assert_int_equal(lesson_load(&l, "/nonexistent/x.lesson", &d), -1);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.v[1].file, "/nonexistent/x.lesson");
    assert_string_equal(d.v[1].msg, "cannot read the lesson: No such file or "
                                    "directory");
    struct sb o = SB_INIT;
    lesson_diags_format(&o, &d);
    assert_string_equal(o.buf, "b.lesson: not a text file (it holds NUL "
                               "bytes)\n/nonexistent/x.lesson: cannot read "
                               "the lesson: No such file or directory\n");
    sb_release(&o);
    assert_int_equal(lesson_diags_errors(&d), 2);
    lesson_release(&l);
    lesson_diags_release(&d);
}

static void test_lesson_allows(void **state)
{
    (void)state;
    struct lesson l;
    char *e = parse_errors("lesson: t\nformat: 1\nversion: 1\ntitle: T\n"
                           "summary: S\nallow: FROM CMD docker-run "
                           "docker-image-inspect\n" STEP_A,
                           &l);
    assert_string_equal(e, "");
    free(e);
    struct sb why = SB_INIT;
    assert_true(lesson_allows(&l, "FROM alpine", false, &why));
    assert_true(lesson_allows(&l, "cmd [\"x\"]", false, &why));
    assert_true(lesson_allows(&l, "docker run app", false, &why));
    assert_true(lesson_allows(&l, "docker container run app", false, &why));
    assert_true(lesson_allows(&l, "docker image inspect app", false, &why));
    assert_true(lesson_allows(&l, "  # a comment", false, &why));
    assert_true(lesson_allows(&l, "", false, &why));
    assert_true(lesson_allows(&l, "RUN echo", true, &why)); /* continues */
    assert_true(lesson_allows(&l, "ls -l", false, &why));   /* not ours */
    assert_string_equal(why.buf, "");
    assert_false(lesson_allows(&l, "RUN echo hi", false, &why));
    assert_string_equal(why.buf, "`RUN` is not part of this lesson (this "
                                 "lesson uses FROM, CMD, docker run and "
                                 "docker image inspect)");
    sb_reset(&why);
    assert_false(lesson_allows(&l, "docker build -t app .", false, &why));
    assert_string_equal(why.buf, "`docker build` is not part of this lesson "
                                 "(this lesson uses FROM, CMD, docker run "
                                 "and docker image inspect)");
    sb_release(&why);
    lesson_release(&l);
    /* no allow: line, everything goes */
    e = parse_errors(HEADER STEP_A, &l);
    free(e);
    assert_true(lesson_allows(&l, "RUN echo hi", false, NULL));
    lesson_release(&l);
}

static char *index_errors(const char *text, struct lesson_index *ix)
{
    struct lesson_diags d;
    lesson_diags_init(&d);
    lesson_index_parse(ix, "index", text, strlen(text), &d);
    struct sb o = SB_INIT;
    for (size_t i = 0; i < d.n; i++)
        sb_addf(&o, "%d: %s\n", d.v[i].line, d.v[i].msg);
    lesson_diags_release(&d);
    return sb_detach(&o, NULL);
}

static void test_lesson_index(void **state)
{
    (void)state;
    struct lesson_index ix;
    char *e = index_errors("# c\n[track basics]\ntitle: Basics\nfirst\n"
                           "  second\n\n[track more]\nthird\n",
                           &ix);
    assert_string_equal(e, "");
    free(e);
    assert_int_equal(ix.n_tracks, 2);
    assert_string_equal(ix.tracks[0].id, "basics");
    assert_string_equal(ix.tracks[0].title, "Basics");
    assert_int_equal(ix.tracks[0].n, 2);
    assert_string_equal(ix.tracks[0].lessons[1], "second");
    assert_int_equal(ix.tracks[0].lesson_lines[1], 5);
    assert_null(ix.tracks[1].title);
    assert_string_equal(ix.tracks[1].lessons[0], "third");
    lesson_index_release(&ix);

    e = index_errors("early\n[track a]\nx\nx\nBad Id\n[lessons]\n"
                     "[track a]\ntitle: t\ntitle: u\n",
                     &ix);
    assert_string_equal(e, "1: 'early' comes before the first [track ID]\n"
                           "4: lesson 'x' is listed twice (first at line 3)\n"
                           "5: 'Bad Id' is not a lesson id (lower-case "
                           "letters, digits and '-')\n"
                           "6: expected [track ID], not [lessons]\n"
                           "7: duplicate track id 'a'\n"
                           "9: track 'a' has two titles\n");
    free(e);
    lesson_index_release(&ix);
    e = index_errors("# nothing\n", &ix);
    assert_string_equal(e, "0: no [track ID] in the index\n");
    free(e);
    lesson_index_release(&ix);
}

/* ==================================================================== */
/* Checking goals                                                       */
/* ==================================================================== */

#define GREETER                                                            \
    HEADER "image: greeter\n"                                  /* 6 */ \
    "[setup]\nFROM alpine:3.20\n"                              /* 7-8 */ \
    "[step greet]\ntitle: G\ntext: x\n"                        /* 9-11 */ \
    "goal:\n"                                                  /* 12 */ \
    "  # runs echo hello\n"                                    /* 13 */ \
    "  run docker run greeter => argv = [\"echo\", \"hello\"]\n" /* 14 */ \
    "  # prints hello\n"                                       /* 15 */ \
    "  run docker run greeter => stdout = hello\n"             /* 16 */ \
    "  # exec form\n"                                          /* 17 */ \
    "  state image.cmd.form = exec\n"                          /* 18 */ \
    "solution:\n  CMD [\"echo\", \"hello\"]\n"                 /* 19-20 */ \
    "feedback:\n"                                              /* 21 */ \
    "  when state image.cmd.form = shell\n  say: shell!\n"     /* 22-23 */ \
    "  when state image.cmd has echo\n  say: echo!\n"          /* 24-25 */ \
    "[step run]\ntitle: R\ntext: y\n"                          /* 26-28 */ \
    "goal:\n  # you ran it\n  last-run stdout = hello\n"       /* 29-31 */ \
    "solution:\n  docker build -t greeter .\n  docker run greeter\n"

static void load(struct lesson *l, const char *text)
{
    char *e = parse_errors(text, l);
    assert_string_equal(e, "");
    free(e);
}

static void apply(struct session *s, const char *lines)
{
    const char *p = lines;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *line = strndup(p, n);
        struct line_result r;
        line_result_init(&r);
        session_line(s, line, &r);
        line_result_release(&r);
        free(line);
        p += n + (nl ? 1 : 0);
    }
}

static void test_lesson_check_step_checklist_and_feedback(void **state)
{
    (void)state;
    struct lesson l;
    load(&l, GREETER);
    struct session s;
    session_init(&s);
    apply(&s, "FROM alpine:3.20");
    struct lesson_checklist c;
    lesson_checklist_init(&c);

    lesson_check_step(&l, 0, &s, &c);
    assert_false(c.done);
    assert_int_equal(c.n, 3);
    assert_false(c.items[0].pass);
    assert_string_equal(c.items[0].got, "[\"/bin/sh\"]");
    assert_false(c.items[1].pass);
    assert_true(c.items[2].pass); /* alpine's ["/bin/sh"] is exec form */
    assert_int_equal(c.feedback, 0);
    assert_null(c.say);

    apply(&s, "CMD echo hello");
    lesson_check_step(&l, 0, &s, &c);
    assert_false(c.done);
    assert_string_equal(c.items[0].got,
                        "[\"/bin/sh\", \"-c\", \"echo hello\"]");
    assert_int_equal(c.feedback, 1);
    assert_string_equal(c.say, "shell!");

    apply(&s, "CMD [\"echo\", \"hi\"]");
    lesson_check_step(&l, 0, &s, &c);
    assert_false(c.done);
    assert_int_equal(c.feedback, 2); /* the first rule no longer matches */

    apply(&s, "CMD [\"echo\", \"hello\"]");
    lesson_check_step(&l, 0, &s, &c);
    assert_true(c.done);
    assert_true(c.items[0].pass && c.items[1].pass && c.items[2].pass);
    assert_string_equal(c.items[1].got, "hello");
    assert_int_equal(c.feedback, 0); /* no feedback once done */

    /* last-run: the learner's own run, of the image the learner built */
    lesson_check_step(&l, 1, &s, &c);
    assert_false(c.done);
    assert_string_equal(c.items[0].got, "(missing)");
    apply(&s, "docker run greeter");
    lesson_check_step(&l, 1, &s, &c);
    assert_false(c.done); /* never built: the run failed */
    assert_string_equal(c.items[0].got, "\"\"");
    apply(&s, "docker build -t greeter .\ndocker run greeter");
    lesson_check_step(&l, 1, &s, &c);
    assert_true(c.done);

    lesson_checklist_release(&c);
    session_release(&s);
    lesson_release(&l);
}

/* Everything about a session a probe could change. */
struct fingerprint {
    size_t log_n, df_len, n_images, n_containers;
    long clock;
    unsigned long serial;
    char *df;
};

static void take_fingerprint(const struct session *s, struct fingerprint *f)
{
    f->log_n = s->log.n;
    f->df_len = s->dockerfile.len;
    f->df = strdup(s->dockerfile.buf);
    f->n_images = s->store.n_images;
    f->n_containers = s->store.n_containers;
    f->clock = s->store.clock;
    f->serial = s->store.serial;
}

static void assert_same(const struct session *s, struct fingerprint *f)
{
    assert_int_equal(s->log.n, f->log_n);
    assert_int_equal(s->dockerfile.len, f->df_len);
    assert_string_equal(s->dockerfile.buf, f->df);
    assert_int_equal(s->store.n_images, f->n_images);
    assert_int_equal(s->store.n_containers, f->n_containers);
    assert_int_equal(s->store.clock, f->clock);
    assert_int_equal(s->store.serial, f->serial);
    free(f->df);
}

static void test_lesson_probes_leave_the_session_alone(void **state)
{
    (void)state;
    struct lesson l;
    load(&l, GREETER);
    struct session s;
    session_init(&s);
    apply(&s, "FROM alpine:3.20\nCMD [\"echo\", \"hello\"]\n"
              "docker build -t greeter .\ndocker run greeter\n"
              "CMD [\"echo\", \"changed\"]");
    struct fingerprint f;
    take_fingerprint(&s, &f);
    struct lesson_checklist c;
    lesson_checklist_init(&c);
    lesson_check_step(&l, 0, &s, &c); /* probes + a build of greeter */
    lesson_check_step(&l, 1, &s, &c); /* last-run */
    assert_true(c.done);
    assert_same(&s, &f);
    /* the learner's greeter is still the old build: its run says hello */
    struct line_result r;
    line_result_init(&r);
    session_line(&s, "docker run greeter", &r);
    assert_string_equal(r.out.buf, "hello\n");
    line_result_release(&r);
    /* ... while the lesson's checks see the Dockerfile as it is now */
    lesson_check_step(&l, 0, &s, &c);
    assert_false(c.done);
    assert_string_equal(c.items[1].got, "changed");
    lesson_checklist_release(&c);
    session_release(&s);
    lesson_release(&l);
}

static void test_lesson_apply_reports_refused_lines(void **state)
{
    (void)state;
    struct session s;
    session_init(&s);
    struct lesson_input in[] = {
        { "FROM alpine", 1 },
        { "frobnicate now", 2 },
        { "docker run alpine echo hi", 3 },
        { "nonsense", 4 },
    };
    struct sb why = SB_INIT;
    assert_int_equal(lesson_apply(&s, in, 4, &why), 2);
    assert_string_equal(why.buf, "docksim: 'frobnicate' is neither a "
                                 "Dockerfile instruction nor a docker "
                                 "command.");
    sb_release(&why);
    assert_string_equal(s.dockerfile.buf, "FROM alpine\n");
    session_release(&s);
}

/* Validation of one lesson text: its problems as "LINE: msg" lines. */
static char *validate(const char *text)
{
    struct lesson l;
    load(&l, text);
    struct lesson_diags d;
    lesson_diags_init(&d);
    size_t n = lesson_validate(&l, &d);
    struct sb o = SB_INIT;
    for (size_t i = 0; i < d.n; i++)
        sb_addf(&o, "%d: %s%s\n", d.v[i].line,
                d.v[i].warning ? "warning: " : "", d.v[i].msg);
    assert_int_equal(n, lesson_diags_errors(&d));
    lesson_diags_release(&d);
    lesson_release(&l);
    return sb_detach(&o, NULL);
}

static void test_lesson_validate_good_lesson(void **state)
{
    (void)state;
    char *e = validate(GREETER "[try shell]\nstep: greet\ninput: CMD echo "
                               "hello\nexpect-feedback: 1\n"
                               "[try echo]\nstep: greet\ninput: CMD [\"echo\"]"
                               "\nexpect-feedback: 2\n");
    assert_string_equal(e, "");
    free(e);
}

static void test_lesson_validate_finds_problems(void **state)
{
    (void)state;
    /* untested feedback rules are warnings */
    char *e = validate(GREETER);
    assert_string_equal(e, "22: warning: feedback rule 1 of step 'greet' has "
                           "no [try] that fires it\n"
                           "24: warning: feedback rule 2 of step 'greet' has "
                           "no [try] that fires it\n");
    free(e);

    /* a step solved at its start; a solution that fails; a refused line;
     * a disallowed line; a try that fires the wrong rule; a try that
     * solves the step; an unfinished instruction */
    e = validate(HEADER "allow: FROM CMD\n"                     /* 6 */
                 "[setup]\nFROM alpine:3.20\n"                 /* 7-8 */
                 "[step a]\ntitle: A\ntext: x\n"               /* 9-11 */
                 "goal:\n  # alpine\n  state image.base = alpine:3.20\n"
                 "solution:\n  CMD [\"x\"]\n"                   /* 15-16 */
                 "[step b]\ntitle: B\ntext: x\n"               /* 17-19 */
                 "goal:\n  # cmd is y\n  state image.cmd = [\"y\"]\n"
                 "solution:\n  CMD [\"z\"]\n  RUN true\n  bogus line\n"
                 "feedback:\n  when state image.cmd = [\"x\"]\n  say: x\n"
                 "  when state image.cmd = [\"w\"]\n  say: w\n" /* 28-31 */
                 "[step c]\ntitle: C\ntext: x\n"               /* 32-34 */
                 "goal:\n  # cmd is c\n  state image.cmd = [\"c\"]\n"
                 "solution:\n  CMD [\"c\", \\\n"                /* 38-39 */
                 "[try wrong]\nstep: b\ninput: CMD [\"x\"]\n"  /* 40-42 */
                 "expect-feedback: 2\n"
                 "[try solves]\nstep: b\ninput: CMD [\"y\"]\n" /* 44-46 */
                 "expect-feedback: none\n");
    assert_string_equal(
        e,
        "12: step 'a' is already solved when it starts (after [setup]), so it "
        "teaches nothing: its goal needs a check the start state fails\n"
        "40: try 'wrong': expected feedback rule 2 (line 30), but rule 1 "
        "(line 28) fires\n"
        "44: try 'solves': its input solves step 'b', so no feedback would "
        "show\n"
        "25: solution of step 'b': `RUN` is not part of this lesson (this "
        "lesson uses FROM and CMD)\n"
        "26: docksim refuses 'bogus line': docksim: 'bogus' is neither a "
        "Dockerfile instruction nor a docker command.\n"
        "22: step 'b': the solution does not pass the check 'cmd is y' (got "
        "[\"z\"])\n"
        "38: the solution of step 'c' ends inside an unfinished "
        "instruction\n"
        "37: step 'c': the solution does not pass the check 'cmd is c' (got "
        "(missing))\n"
        /* an unfinished Dockerfile builds no image: the earlier goals
           fail too */
        "12: warning: step 'a' no longer passes after the solution of step "
        "'c'\n"
        "20: warning: step 'b' no longer passes after the solution of step "
        "'c'\n"
        "30: warning: feedback rule 2 of step 'b' has no [try] that fires "
        "it\n");
    free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lesson_parses_every_part),
        cmocka_unit_test(test_lesson_solution_heredoc_verbatim),
        cmocka_unit_test(test_lesson_default_image_is_app),
        cmocka_unit_test(test_lesson_header_errors),
        cmocka_unit_test(test_lesson_section_errors),
        cmocka_unit_test(test_lesson_step_key_errors),
        cmocka_unit_test(test_lesson_check_errors),
        cmocka_unit_test(test_lesson_feedback_errors),
        cmocka_unit_test(test_lesson_try_errors),
        cmocka_unit_test(test_lesson_rejects_binary_and_missing_files),
        cmocka_unit_test(test_lesson_allows),
        cmocka_unit_test(test_lesson_index),
        cmocka_unit_test(test_lesson_check_step_checklist_and_feedback),
        cmocka_unit_test(test_lesson_probes_leave_the_session_alone),
        cmocka_unit_test(test_lesson_apply_reports_refused_lines),
        cmocka_unit_test(test_lesson_validate_good_lesson),
        cmocka_unit_test(test_lesson_validate_finds_problems),
    };
    return cmocka_run_group_tests_name("lesson", tests, NULL, NULL);
}
