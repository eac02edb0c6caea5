/*
 * test_statemodel.c: the lesson state model (statemodel.h): the path
 * table, values and operators, what a snapshot reads from a session (the
 * lesson image built from the current Dockerfile, the learner's last
 * run, probes), the :state text, and session_clone underneath.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "sb.h"
#include "session.h"
#include "statemodel.h"
#include "store.h"

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

/* The value of path (with an optional "<NAME>" parameter) as text. */
static char *get(const struct sm_snapshot *snap, const struct sm_run *run,
                 const char *path)
{
    const char *param;
    const struct sm_path *p = sm_path_lookup(path, strlen(path), &param);
    assert_non_null(p);
    struct sm_value v;
    sm_get(snap, run, p, param, &v);
    struct sb o = SB_INIT;
    sm_value_format(&o, &v);
    return sb_detach(&o, NULL);
}

#define EXPECT(snap, run, path, want)                                      \
    do {                                                                   \
        char *got_ = get((snap), (run), (path));                           \
        assert_string_equal(got_, (want));                                 \
        free(got_);                                                        \
    } while (0)

struct fx {
    struct session s;
    struct sm_snapshot snap;
    bool taken;
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof(*f));
    session_init(&f->s);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    if (f->taken)
        sm_snapshot_release(&f->snap);
    session_release(&f->s);
    free(f);
    return 0;
}

/* Apply lines, then take a snapshot for image "app". */
static struct sm_snapshot *snap_of(struct fx *f, const char *lines)
{
    apply(&f->s, lines);
    if (f->taken)
        sm_snapshot_release(&f->snap);
    sm_snapshot_take(&f->snap, &f->s, NULL);
    f->taken = true;
    return &f->snap;
}

/* ==================================================================== */

static void test_statemodel_table_is_sound(void **state)
{
    (void)state;
    for (size_t i = 0; i < sm_n_paths; i++) {
        const struct sm_path *p = &sm_paths[i];
        assert_non_null(p->get);
        assert_true(p->help && *p->help);
        for (size_t j = i + 1; j < sm_n_paths; j++)
            assert_string_not_equal(p->name, sm_paths[j].name);
        /* every row can be found by its own name */
        const char *param;
        const char *name = p->name;
        char buf[64];
        if (strchr(name, '<')) {
            snprintf(buf, sizeof(buf), "%.*sX",
                     (int)(strchr(name, '<') - name), name);
            name = buf;
        }
        assert_ptr_equal(sm_path_lookup(name, strlen(name), &param), p);
    }
    /* the teaching.md §4.3 paths are all there */
    static const char *const required[] = {
        "image.base", "image.workdir", "image.user", "image.env.X",
        "image.exposed", "image.entrypoint", "image.entrypoint.form",
        "image.cmd", "image.cmd.form", "image.cmd.inherited",
        "dockerfile.instructions", "dockerfile.notes", "argv", "pid1",
        "via-shell", "ignored-args", "exit", "stdout",
    };
    for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
        const char *param;
        assert_non_null(sm_path_lookup(required[i], strlen(required[i]),
                                       &param));
    }
}

static void test_statemodel_lookup_and_suggest(void **state)
{
    (void)state;
    const char *param;
    const struct sm_path *p = sm_path_lookup("image.env.PORT", 14, &param);
    assert_string_equal(p->name, "image.env.<NAME>");
    assert_string_equal(param, "PORT");
    p = sm_path_lookup("image.cmd", 9, &param);
    assert_string_equal(p->name, "image.cmd");
    assert_null(param);
    assert_null(sm_path_lookup("image.cm", 8, &param));
    assert_null(sm_path_lookup("IMAGE.CMD", 9, &param));
    assert_string_equal(sm_path_suggest("image.cm", 8, SM_SCOPE_STATE),
                        "image.cmd");
    assert_string_equal(sm_path_suggest("arg", 3, SM_SCOPE_RUN), "argv");
    /* only paths of the scope asked for */
    assert_null(sm_path_suggest("argv", 4, SM_SCOPE_STATE));
    assert_null(sm_path_suggest("completely-different", 20, SM_SCOPE_RUN));
}

static void test_statemodel_operators(void **state)
{
    (void)state;
    static const char *const names[] = { "=", "!=", "has", "~", "exists",
                                         "missing" };
    for (size_t i = 0; i < 6; i++) {
        enum sm_op op;
        assert_int_equal(sm_op_parse(names[i], strlen(names[i]), &op), 0);
        assert_int_equal(op, (enum sm_op)i);
        assert_string_equal(sm_op_name(op), names[i]);
    }
    enum sm_op op;
    assert_int_equal(sm_op_parse("==", 2, &op), -1);
    assert_int_equal(sm_op_parse("=", 0, &op), -1);
    assert_null(sm_op_check(SM_HAS, SM_LIST));
    assert_null(sm_op_check(SM_GLOB, SM_STRING));
    assert_non_null(sm_op_check(SM_HAS, SM_BOOL));
    assert_non_null(sm_op_check(SM_GLOB, SM_INT));
    assert_null(sm_op_check(SM_EQ, SM_INT));
    assert_false(sm_op_has_value(SM_EXISTS));
    assert_true(sm_op_has_value(SM_GLOB));
}

/* got <op> want, with want written as in a lesson. */
static bool cmp(const struct sm_value *got, enum sm_op op, const char *want)
{
    struct arena a = ARENA_INIT;
    struct sm_value w;
    const char *err = NULL;
    assert_int_equal(sm_value_parse(&a, want, got->type, op, &w, &err), 0);
    bool r = sm_compare(got, op, &w);
    arena_release(&a);
    return r;
}

static void test_statemodel_compare(void **state)
{
    (void)state;
    const char *items[] = { "echo", "Hello, World!" };
    struct sm_value list = { true, SM_LIST, NULL, items, 2, false, 0 };
    assert_true(cmp(&list, SM_EQ, "[\"echo\", \"Hello, World!\"]"));
    assert_true(cmp(&list, SM_EQ, "[\"echo\",\"Hello, World!\"]"));
    assert_false(cmp(&list, SM_EQ, "[\"echo\"]"));
    assert_false(cmp(&list, SM_EQ, "[\"echo\", \"Hello, World!\", \"x\"]"));
    assert_true(cmp(&list, SM_NE, "[\"echo\"]"));
    assert_true(cmp(&list, SM_HAS, "echo"));
    assert_false(cmp(&list, SM_HAS, "ech"));       /* whole elements */
    assert_true(cmp(&list, SM_HAS, "\"Hello, World!\""));
    assert_true(cmp(&list, SM_GLOB, "Hello*"));
    assert_false(cmp(&list, SM_GLOB, "hello*"));
    assert_true(cmp(&list, SM_EXISTS, ""));
    assert_false(cmp(&list, SM_MISSING, ""));

    const char *none[] = { NULL };
    struct sm_value empty = { true, SM_LIST, NULL, none, 0, false, 0 };
    assert_true(cmp(&empty, SM_EQ, "[]"));
    assert_false(cmp(&empty, SM_HAS, "x"));

    struct sm_value str = { true, SM_STRING, "alpine:3.20", NULL, 0, false,
                            0 };
    assert_true(cmp(&str, SM_EQ, "alpine:3.20"));
    assert_true(cmp(&str, SM_EQ, "\"alpine:3.20\""));
    assert_false(cmp(&str, SM_EQ, "alpine"));
    assert_true(cmp(&str, SM_HAS, "pine:3"));
    assert_true(cmp(&str, SM_GLOB, "alpine:*"));
    assert_true(cmp(&str, SM_GLOB, "alpine:3.[0-9]*"));
    assert_false(cmp(&str, SM_GLOB, "alpine"));
    assert_true(cmp(&str, SM_NE, "ubuntu"));

    struct sm_value b = { true, SM_BOOL, NULL, NULL, 0, true, 0 };
    assert_true(cmp(&b, SM_EQ, "true"));
    assert_false(cmp(&b, SM_EQ, "false"));
    assert_true(cmp(&b, SM_NE, "false"));
    struct sm_value n = { true, SM_INT, NULL, NULL, 0, false, 127 };
    assert_true(cmp(&n, SM_EQ, "127"));
    assert_false(cmp(&n, SM_EQ, "0"));
    assert_true(cmp(&n, SM_NE, "-1"));

    /* a missing value only satisfies != and missing */
    struct sm_value gone = { false, SM_STRING, NULL, NULL, 0, false, 0 };
    assert_false(cmp(&gone, SM_EQ, "x"));
    assert_true(cmp(&gone, SM_NE, "x"));
    assert_false(cmp(&gone, SM_HAS, "x"));
    assert_false(cmp(&gone, SM_GLOB, "*"));
    assert_false(cmp(&gone, SM_EXISTS, ""));
    assert_true(cmp(&gone, SM_MISSING, ""));
}

static void test_statemodel_value_format(void **state)
{
    (void)state;
    const char *items[] = { "a\"b", "c d" };
    struct sm_value list = { true, SM_LIST, NULL, items, 2, false, 0 };
    struct sb o = SB_INIT;
    sm_value_format(&o, &list);
    assert_string_equal(o.buf, "[\"a\\\"b\", \"c d\"]");
    static const struct {
        const char *s, *want;
    } strs[] = {
        { "plain text", "plain text" },
        { "", "\"\"" },
        { " padded", "\" padded\"" },
        { "[x]", "\"[x]\"" },
        { "\"q", "\"\\\"q\"" },
        { "two\nlines", "\"two\\nlines\"" },
    };
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
        struct sm_value v = { true, SM_STRING, strs[i].s, NULL, 0, false, 0 };
        sb_reset(&o);
        sm_value_format(&o, &v);
        assert_string_equal(o.buf, strs[i].want);
        /* and it reads back the same */
        struct arena a = ARENA_INIT;
        struct sm_value back;
        const char *err;
        if (strs[i].s[0]) {
            assert_int_equal(sm_value_parse(&a, o.buf, SM_STRING, SM_EQ,
                                            &back, &err),
                             0);
            assert_string_equal(back.s, strs[i].s);
        }
        arena_release(&a);
    }
    struct sm_value gone = { false, SM_LIST, NULL, NULL, 0, false, 0 };
    sb_reset(&o);
    sm_value_format(&o, &gone);
    assert_string_equal(o.buf, "(missing)");
    sb_release(&o);
}

/* ==================================================================== */
/* Snapshots                                                            */
/* ==================================================================== */

static void test_statemodel_image_paths(void **state)
{
    struct fx *f = *state;
    struct sm_snapshot *s = snap_of(f, "FROM alpine");
    EXPECT(s, NULL, "image.base", "alpine:latest");
    EXPECT(s, NULL, "image.cmd", "[\"/bin/sh\"]");
    EXPECT(s, NULL, "image.cmd.form", "exec");
    EXPECT(s, NULL, "image.cmd.inherited", "true");
    EXPECT(s, NULL, "image.entrypoint", "(missing)");
    EXPECT(s, NULL, "image.entrypoint.form", "none");
    EXPECT(s, NULL, "image.workdir", "(missing)");
    EXPECT(s, NULL, "image.user", "(missing)");
    EXPECT(s, NULL, "image.exposed", "(missing)");
    EXPECT(s, NULL, "image.env.PATH",
           "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    EXPECT(s, NULL, "image.env.NOPE", "(missing)");
    EXPECT(s, NULL, "image.layers", "[]");
    EXPECT(s, NULL, "image.empty-layers", "[]");
    EXPECT(s, NULL, "dockerfile.instructions", "[\"FROM\"]");

    s = snap_of(f, "ENV PORT=8080\nWORKDIR /app\nUSER nobody\nEXPOSE 80 "
                   "443/udp\nRUN echo hi\nENTRYPOINT [\"echo\"]\nCMD hi");
    EXPECT(s, NULL, "image.env.PORT", "8080");
    EXPECT(s, NULL, "image.workdir", "/app");
    EXPECT(s, NULL, "image.user", "nobody");
    EXPECT(s, NULL, "image.exposed", "[\"443/udp\", \"80/tcp\"]");
    EXPECT(s, NULL, "image.entrypoint", "[\"echo\"]");
    EXPECT(s, NULL, "image.entrypoint.form", "exec");
    EXPECT(s, NULL, "image.cmd", "[\"/bin/sh\", \"-c\", \"hi\"]");
    EXPECT(s, NULL, "image.cmd.form", "shell");
    EXPECT(s, NULL, "image.cmd.inherited", "false");
    EXPECT(s, NULL, "image.layers", "[\"WORKDIR\", \"RUN\"]");
    EXPECT(s, NULL, "image.empty-layers",
           "[\"ENV\", \"USER\", \"EXPOSE\", \"ENTRYPOINT\", \"CMD\"]");
    EXPECT(s, NULL, "dockerfile.instructions",
           "[\"FROM\", \"ENV\", \"WORKDIR\", \"USER\", \"EXPOSE\", \"RUN\", "
           "\"ENTRYPOINT\", \"CMD\"]");
    /* BuildKit's warning (a rule name) and docksim's explanations */
    char *notes = get(s, NULL, "dockerfile.notes");
    assert_non_null(strstr(notes, "\"JSONArgsRecommended\""));
    assert_non_null(strstr(notes, "\"build.cmd-shell-form\""));
    assert_null(strstr(notes, "parse.invalid-json-is-shell-form"));
    free(notes);
}

static void test_statemodel_invalid_json_note(void **state)
{
    struct fx *f = *state;
    struct sm_snapshot *s = snap_of(f, "FROM alpine:3.20\nCMD ['echo', 'x']");
    char *notes = get(s, NULL, "dockerfile.notes");
    assert_non_null(strstr(notes, "\"parse.invalid-json-is-shell-form\""));
    free(notes);
    EXPECT(s, NULL, "image.cmd.form", "shell");
}

static void test_statemodel_entrypoint_resets_inherited_cmd(void **state)
{
    struct fx *f = *state;
    struct sm_snapshot *s = snap_of(f, "FROM alpine:3.20\nENTRYPOINT echo x");
    EXPECT(s, NULL, "image.entrypoint.form", "shell");
    EXPECT(s, NULL, "image.cmd", "(missing)");
    EXPECT(s, NULL, "image.cmd.form", "none");
    EXPECT(s, NULL, "image.cmd.inherited", "false");
}

static void test_statemodel_stages_and_references(void **state)
{
    struct fx *f = *state;
    /* the final stage builds on an earlier one: follow it */
    struct sm_snapshot *s =
        snap_of(f, "FROM docker.io/library/alpine:3.20 AS Base\nCMD echo a\n"
                   "FROM base\nRUN true");
    EXPECT(s, NULL, "image.base", "alpine:3.20");
    EXPECT(s, NULL, "image.cmd.form", "shell"); /* the CMD of stage Base */
    EXPECT(s, NULL, "image.cmd.inherited", "false");
    EXPECT(s, NULL, "dockerfile.instructions",
           "[\"FROM\", \"CMD\", \"FROM\", \"RUN\"]");
    session_release(&f->s);
    session_init(&f->s);
    s = snap_of(f, "FROM scratch\nCMD [\"/app\"]");
    EXPECT(s, NULL, "image.base", "scratch");
    EXPECT(s, NULL, "image.cmd.inherited", "false");
}

static void test_statemodel_no_image(void **state)
{
    struct fx *f = *state;
    /* nothing typed: the build fails, image paths are missing */
    struct sm_snapshot *s = snap_of(f, "");
    EXPECT(s, NULL, "image.base", "(missing)");
    EXPECT(s, NULL, "image.cmd.form", "(missing)");
    EXPECT(s, NULL, "image.cmd.inherited", "(missing)");
    EXPECT(s, NULL, "image.layers", "(missing)");
    EXPECT(s, NULL, "dockerfile.instructions", "[]");
    assert_null(s->img);
    assert_int_equal(s->build_exit, 1);
    /* an unfinished instruction: nothing is built, probes do not run */
    s = snap_of(f, "FROM alpine\nRUN echo \\");
    assert_true(s->dockerfile_open);
    assert_int_equal(s->build_exit, -1);
    EXPECT(s, NULL, "image.base", "(missing)");
    const struct sm_run *r = sm_snapshot_probe(s, "docker run app");
    assert_false(r->present);
    EXPECT(s, r, "exit", "(missing)");
    struct sb o = SB_INIT;
    sm_state_format(&o, s);
    assert_non_null(strstr(o.buf, "# the Dockerfile ends inside an "
                                  "unfinished instruction: image 'app' was "
                                  "not built\n"));
    sb_release(&o);
}

static void test_statemodel_unknown_instruction_listed(void **state)
{
    struct fx *f = *state;
    session_set_dockerfile(&f->s, "FROM alpine\nfrobnicate x\n", 25);
    struct sm_snapshot *s = snap_of(f, "");
    EXPECT(s, NULL, "dockerfile.instructions", "[\"FROM\", \"FROBNICATE\"]");
    EXPECT(s, NULL, "image.base", "(missing)"); /* the build fails */
    struct sb o = SB_INIT;
    sm_state_format(&o, s);
    assert_non_null(strstr(o.buf, "# docker build -t app . of the current "
                                  "Dockerfile fails (exit 1): no image\n"));
    sb_release(&o);
}

static void test_statemodel_last_run(void **state)
{
    struct fx *f = *state;
    struct sm_snapshot *s = snap_of(f, "FROM alpine:3.20");
    assert_false(s->last_run.present);
    EXPECT(s, &s->last_run, "argv", "(missing)");
    s = snap_of(f, "CMD [\"echo\", \"one\"]\ndocker build -t app .\n"
                   "docker run app\ndocker run app echo two\ndocker ps\n"
                   "docker images");
    /* the last docker run, not the later ps/images */
    EXPECT(s, &s->last_run, "argv", "[\"echo\", \"two\"]");
    EXPECT(s, &s->last_run, "stdout", "two");
    EXPECT(s, &s->last_run, "exit", "0");
    EXPECT(s, &s->last_run, "pid1", "echo");
    EXPECT(s, &s->last_run, "via-shell", "false");
    EXPECT(s, &s->last_run, "ignored-args", "[]");
    char *notes = get(s, &s->last_run, "notes");
    assert_non_null(strstr(notes, "run.args-replace-cmd"));
    free(notes);
    /* docker container run counts too; a run that fails to start too */
    s = snap_of(f, "docker container run app Welcome");
    EXPECT(s, &s->last_run, "argv", "[\"Welcome\"]");
    EXPECT(s, &s->last_run, "exit", "127");
    EXPECT(s, &s->last_run, "stdout", "\"\"");
    /* a run of an image that does not exist: no container, exit 125 */
    s = snap_of(f, "docker run nothere");
    EXPECT(s, &s->last_run, "argv", "(missing)");
    EXPECT(s, &s->last_run, "pid1", "(missing)");
    EXPECT(s, &s->last_run, "exit", "125");
}

static void test_statemodel_probes(void **state)
{
    struct fx *f = *state;
    struct sm_snapshot *s =
        snap_of(f, "FROM alpine:3.20\nENTRYPOINT echo hi\nCMD [\"x\"]");
    const struct sm_run *r = sm_snapshot_probe(s, "docker run app bye");
    EXPECT(s, r, "argv", "[\"/bin/sh\", \"-c\", \"echo hi\", \"bye\"]");
    EXPECT(s, r, "pid1", "/bin/sh");
    EXPECT(s, r, "via-shell", "true");
    EXPECT(s, r, "ignored-args", "[\"bye\"]");
    /* each distinct probe runs once per snapshot */
    assert_ptr_equal(sm_snapshot_probe(s, "docker run app bye"), r);
    assert_int_equal(s->n_probes, 1);
    r = sm_snapshot_probe(s, "docker run app");
    EXPECT(s, r, "ignored-args", "[\"x\"]");
    /* a command string that reads its parameters ignores nothing */
    r = sm_snapshot_probe(s, "docker run --entrypoint sh app -c 'echo $1' "
                             "a b");
    EXPECT(s, r, "argv", "[\"sh\", \"-c\", \"echo $1\", \"a\", \"b\"]");
    EXPECT(s, r, "via-shell", "true");
    EXPECT(s, r, "ignored-args", "[]");
    /* argv is Path + Args as docker inspect shows them (--init adds
       nothing there) */
    r = sm_snapshot_probe(s, "docker run --init app bye");
    EXPECT(s, r, "pid1", "/bin/sh");
    EXPECT(s, r, "via-shell", "true");
    EXPECT(s, r, "ignored-args", "[\"bye\"]");
    /* nothing to run */
    r = sm_snapshot_probe(s, "docker run --entrypoint '' app");
    EXPECT(s, r, "argv", "(missing)");
    EXPECT(s, r, "exit", "125");
    /* the learner's session never saw any of it */
    assert_int_equal(f->s.store.n_containers, 0);
    assert_int_equal(f->s.log.n, 3);
}

static void test_statemodel_is_docker_run(void **state)
{
    (void)state;
    assert_true(sm_is_docker_run("docker run app"));
    assert_true(sm_is_docker_run("  docker run --rm -e A=1 app x"));
    assert_true(sm_is_docker_run("docker container run app"));
    assert_false(sm_is_docker_run("docker build ."));
    assert_false(sm_is_docker_run("docker create app"));
    assert_false(sm_is_docker_run("docker"));
    assert_false(sm_is_docker_run("RUN docker run app"));
    assert_false(sm_is_docker_run("docker run 'unterminated"));
}

static void test_statemodel_state_text(void **state)
{
    struct fx *f = *state;
    struct sm_snapshot *s =
        snap_of(f, "FROM alpine:3.20\nENV A=1\nCMD [\"echo\", \"hi\"]\n"
                   "docker build -t app .\ndocker run app");
    struct sb o = SB_INIT;
    sm_state_format(&o, s);
    assert_string_equal(
        o.buf,
        "# image 'app': the current Dockerfile, built\n"
        "image.base = alpine:3.20\n"
        "image.workdir missing\n"
        "image.user missing\n"
        "image.env.PATH = "
        "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
        "image.env.A = 1\n"
        "image.exposed missing\n"
        "image.entrypoint missing\n"
        "image.entrypoint.form = none\n"
        "image.cmd = [\"echo\", \"hi\"]\n"
        "image.cmd.form = exec\n"
        "image.cmd.inherited = false\n"
        "image.layers = []\n"
        "image.empty-layers = [\"ENV\", \"CMD\"]\n"
        "dockerfile.instructions = [\"FROM\", \"ENV\", \"CMD\"]\n"
        "dockerfile.notes = [\"build.cmd-exec-form\"]\n"
        "# your last docker run\n"
        "last-run argv = [\"echo\", \"hi\"]\n"
        "last-run pid1 = echo\n"
        "last-run via-shell = false\n"
        "last-run ignored-args = []\n"
        "last-run exit = 0\n"
        "last-run stdout = hi\n"
        "last-run notes = []\n");
    sb_release(&o);
}

static void test_statemodel_paths_help(void **state)
{
    (void)state;
    struct sb o = SB_INIT;
    sm_paths_help(&o);
    for (size_t i = 0; i < sm_n_paths; i++)
        assert_non_null(strstr(o.buf, sm_paths[i].name));
    assert_non_null(strstr(o.buf, "operators: = != has ~ exists missing"));
    sb_release(&o);
}

/* ==================================================================== */
/* session_clone                                                        */
/* ==================================================================== */

/* n[0] counts replayed lines, n[1] the docker ones among them. */
static void on_line(void *ctx, const char *line, const struct line_result *r)
{
    (void)line;
    int *n = ctx;
    n[0]++;
    if (r->kind == LINE_DOCKER)
        n[1]++;
}

static void test_statemodel_session_clone(void **state)
{
    struct fx *f = *state;
    apply(&f->s, "FROM alpine:3.20\nCMD [\"echo\", \"hi\"]\n"
                 "docker build -t app .\ndocker run --name one app");
    session_add_file(&f->s, "app.py", "print(1)\n", 9, 0644);
    struct session c;
    int n[2] = { 0, 0 };
    session_clone(&f->s, &c, on_line, n);
    assert_int_equal(n[0], 4); /* every session_line, in order */
    assert_int_equal(n[1], 2);
    assert_string_equal(c.dockerfile.buf, f->s.dockerfile.buf);
    assert_int_equal(c.dockerfile_lines, f->s.dockerfile_lines);
    assert_int_equal(c.store.n_images, f->s.store.n_images);
    assert_int_equal(c.store.n_containers, 1);
    assert_int_equal(c.store.clock, f->s.store.clock);
    assert_true(session_has_file(&c, "app.py"));
    assert_int_equal(c.log.n, f->s.log.n);
    /* the same ids: the simulation is deterministic */
    struct image *a = store_find_image(&f->s.store, "app");
    struct image *b = store_find_image(&c.store, "app");
    assert_string_equal(a->id, b->id);
    /* the copy changes alone */
    apply(&c, "docker rm one\nRUN true");
    assert_int_equal(f->s.store.n_containers, 1);
    assert_int_equal(f->s.log.n, 5);
    session_release(&c);
    /* session_set_dockerfile is replayed too */
    session_set_dockerfile(&f->s, "FROM busybox\n", 13);
    session_clone(&f->s, &c, NULL, NULL);
    assert_string_equal(c.dockerfile.buf, "FROM busybox\n");
    session_release(&c);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_statemodel_table_is_sound),
        cmocka_unit_test(test_statemodel_lookup_and_suggest),
        cmocka_unit_test(test_statemodel_operators),
        cmocka_unit_test(test_statemodel_compare),
        cmocka_unit_test(test_statemodel_value_format),
        T(test_statemodel_image_paths),
        T(test_statemodel_invalid_json_note),
        T(test_statemodel_entrypoint_resets_inherited_cmd),
        T(test_statemodel_stages_and_references),
        T(test_statemodel_no_image),
        T(test_statemodel_unknown_instruction_listed),
        T(test_statemodel_last_run),
        T(test_statemodel_probes),
        cmocka_unit_test(test_statemodel_is_docker_run),
        T(test_statemodel_state_text),
        cmocka_unit_test(test_statemodel_paths_help),
        T(test_statemodel_session_clone),
    };
#undef T
    return cmocka_run_group_tests_name("statemodel", tests, NULL, NULL);
}
