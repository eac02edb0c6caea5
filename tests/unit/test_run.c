/*
 * test_run.c: the daemon's merge and PID 1's argv (run-semantics.md
 * §2.1-§2.2, §7), the 12 cells of the ENTRYPOINT/CMD table, and the
 * runtime's start failures and exit codes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "imgconfig.h"
#include "run.h"
#include "sb.h"
#include "store.h"
#include "table.h"

static void set(struct strlist *l, const char *const *v)
{
    strlist_release(l);
    strlist_set_empty(l);
    for (; *v; v++)
        strlist_push(l, *v);
}

/* argv as one JSON line, or "null" */
static char *argv_json(const struct strlist *l)
{
    struct sb s = SB_INIT;
    if (!l->set)
        sb_adds(&s, "null");
    else
        strlist_to_json_inline(&s, l);
    return sb_detach(&s, NULL);
}

static char *merge(const char *const *img_ep, const char *const *img_cmd,
                   const char *const *user_ep, const char *const *user_cmd)
{
    struct image_config img;
    struct run_request rq;
    struct strlist argv;
    image_config_init(&img);
    run_request_init(&rq);
    strlist_init(&argv);
    if (img_ep)
        set(&img.entrypoint, img_ep);
    if (img_cmd)
        set(&img.cmd, img_cmd);
    if (user_ep)
        set(&rq.entrypoint, user_ep);
    if (user_cmd)
        set(&rq.cmd, user_cmd);
    run_argv(&img, &rq, &argv);
    char *j = argv_json(&argv);
    strlist_release(&argv);
    run_request_release(&rq);
    image_config_release(&img);
    return j;
}

#define L(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* The err text ends with want (pull lines may come first). */
static void assert_ends(const char *got, const char *want)
{
    size_t g = strlen(got), w = strlen(want);
    if (g < w || strcmp(got + g - w, want) != 0)
        fail_msg("got \"%s\", want it to end with \"%s\"", got, want);
}

static void expect(char *got, const char *want)
{
    assert_string_equal(got, want);
    free(got);
}

/* §2.1 truth table: E = image ENTRYPOINT, C = image CMD, A = run args */
static void test_run_merge_truth_table(void **state)
{
    (void)state;
    const char *const *E = L("echo", "entry");
    const char *const *C = L("sh");
    expect(merge(E, C, NULL, NULL), "[\"echo\", \"entry\", \"sh\"]");
    expect(merge(E, C, NULL, L("A", "B")), "[\"echo\", \"entry\", \"A\", \"B\"]");
    /* --entrypoint X drops the image CMD */
    expect(merge(E, C, L("X"), NULL), "[\"X\"]");
    expect(merge(E, C, L("X"), L("A")), "[\"X\", \"A\"]");
    /* --entrypoint "" : nothing at all -> no command specified */
    expect(merge(E, C, L(""), NULL), "null");
    expect(merge(E, C, L(""), L("A")), "[\"A\"]");
    /* no entrypoint: args replace the CMD */
    expect(merge(NULL, L("echo", "hi"), NULL, L("Welcome")), "[\"Welcome\"]");
    expect(merge(NULL, NULL, NULL, NULL), "null");
}

static void test_run_entrypoint_flag_not_split(void **state)
{
    (void)state;
    expect(merge(NULL, L("sh"), L("python app.py"), NULL),
           "[\"python app.py\"]");
    /* --entrypoint echo with the image's CMD gone prints an empty line */
    expect(merge(NULL, L("sh"), L("echo"), NULL), "[\"echo\"]");
}

static void test_run_shell_entrypoint_keeps_args(void **state)
{
    (void)state;
    /* CMD and run args land after the -c string (as $0, $1...) */
    expect(merge(L("/bin/sh", "-c", "echo shell-entry"), L("ignored"), NULL,
                 NULL),
           "[\"/bin/sh\", \"-c\", \"echo shell-entry\", \"ignored\"]");
    expect(merge(L("/bin/sh", "-c", "echo shell-entry"), L("ignored"), NULL,
                 L("A", "B")),
           "[\"/bin/sh\", \"-c\", \"echo shell-entry\", \"A\", \"B\"]");
}

/* The Dockerfile reference table, 12 cells (run-semantics.md §4.1) */
static void test_run_table_twelve_cells(void **state)
{
    (void)state;
    struct ep_cmd_table t;
    ep_cmd_table_compute(NULL, &t);
    static const char *const want[3][4] = {
        { "null", "[\"exec_cmd\", \"p1_cmd\"]", "[\"p1_cmd\", \"p2_cmd\"]",
          "[\"/bin/sh\", \"-c\", \"exec_cmd p1_cmd\"]" },
        { "[\"/bin/sh\", \"-c\", \"exec_entry p1_entry\"]",
          "[\"/bin/sh\", \"-c\", \"exec_entry p1_entry\", \"exec_cmd\", "
          "\"p1_cmd\"]",
          "[\"/bin/sh\", \"-c\", \"exec_entry p1_entry\", \"p1_cmd\", "
          "\"p2_cmd\"]",
          "[\"/bin/sh\", \"-c\", \"exec_entry p1_entry\", \"/bin/sh\", \"-c\", "
          "\"exec_cmd p1_cmd\"]" },
        { "[\"exec_entry\", \"p1_entry\"]",
          "[\"exec_entry\", \"p1_entry\", \"exec_cmd\", \"p1_cmd\"]",
          "[\"exec_entry\", \"p1_entry\", \"p1_cmd\", \"p2_cmd\"]",
          "[\"exec_entry\", \"p1_entry\", \"/bin/sh\", \"-c\", "
          "\"exec_cmd p1_cmd\"]" },
    };
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 4; c++)
            expect(argv_json(&t.cell[r][c]), want[r][c]);
    assert_int_equal(t.mark_row, -1);
    ep_cmd_table_release(&t);
}

static void test_run_table_marks_image_cell(void **state)
{
    (void)state;
    struct image_config img;
    image_config_init(&img);
    set(&img.entrypoint, L("/docker-entrypoint.sh"));
    set(&img.cmd, L("nginx", "-g", "daemon off;"));
    struct ep_cmd_table t;
    ep_cmd_table_compute(&img, &t);
    assert_int_equal(t.mark_row, 2);
    assert_int_equal(t.mark_col, 2);
    expect(argv_json(&t.cell[2][2]),
           "[\"/docker-entrypoint.sh\", \"nginx\", \"-g\", \"daemon off;\"]");
    ep_cmd_table_release(&t);
    image_config_release(&img);
    /* a shell-form CMD image marks the shell column */
    image_config_init(&img);
    set(&img.cmd, L("/bin/sh", "-c", "node server.js"));
    ep_cmd_table_compute(&img, &t);
    assert_int_equal(t.mark_row, 0);
    assert_int_equal(t.mark_col, 3);
    ep_cmd_table_release(&t);
    image_config_release(&img);
}

/* ----- whole runs against the store ----------------------------------- */

struct fixture {
    struct store st;
    struct run_request rq;
    struct run_outcome o;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    store_init(&f->st);
    run_request_init(&f->rq);
    run_outcome_init(&f->o);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    run_outcome_release(&f->o);
    run_request_release(&f->rq);
    store_release(&f->st);
    free(f);
    return 0;
}

static void test_run_not_found_is_127(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "ubuntu:24.04";
    f->rq.start = true;
    strlist_push(&f->rq.cmd, "Welcome");
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 127);
    assert_non_null(strstr(f->o.err.buf,
                           "docker: Error response from daemon: failed to "
                           "create task for container: failed to create shim "
                           "task: OCI runtime create failed: runc create "
                           "failed: unable to start container process: error "
                           "during container init: exec: \"Welcome\": "
                           "executable file not found in $PATH: unknown\n\n"
                           "Run 'docker run --help' for more information\n"));
    /* the container exists, Created, with exit code 127 */
    assert_non_null(f->o.container);
    assert_int_equal(f->o.container->status, CS_CREATED);
    assert_int_equal(f->o.container->exit_code, 127);
    assert_string_equal(f->o.container->path, "Welcome");
}

static void test_run_directory_is_126(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "busybox";
    f->rq.start = true;
    strlist_push(&f->rq.cmd, "/etc");
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 126);
    assert_non_null(strstr(f->o.err.buf, "exec: \"/etc\": permission denied"));
}

static void test_run_missing_path_is_127(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "busybox";
    f->rq.start = true;
    strlist_push(&f->rq.cmd, "/nope");
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 127);
    assert_non_null(strstr(f->o.err.buf,
                           "exec: \"/nope\": stat /nope: no such file or "
                           "directory: unknown"));
}

static void test_run_no_command_is_125(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "busybox";
    f->rq.start = true;
    strlist_set_empty(&f->rq.entrypoint);
    strlist_push(&f->rq.entrypoint, "");
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 125);
    assert_ends(f->o.err.buf,
                "docker: Error response from daemon: no command "
                "specified\n\nRun 'docker run --help' for more "
                "information\n");
    /* the first use of busybox shows the pull */
    assert_non_null(strstr(f->o.err.buf,
                           "Unable to find image 'busybox:latest' locally\n"));
    assert_null(f->o.container);
}

static void test_run_create_errors_have_no_prefix(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "busybox";
    f->rq.start = false;
    strlist_set_empty(&f->rq.entrypoint);
    strlist_push(&f->rq.entrypoint, "");
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 1);
    assert_ends(f->o.err.buf,
                "\nError response from daemon: no command specified\n");
}

static void test_run_create_succeeds_without_lookup(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "busybox";
    strlist_push(&f->rq.cmd, "nonexistent");
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 0);
    assert_int_equal(strlen(f->o.out.buf), 65); /* the id and a newline */
}

static void test_run_missing_image(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "nosuchimage_xyz";
    f->rq.start = true;
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 125);
    assert_string_equal(f->o.err.buf,
                        "Unable to find image 'nosuchimage_xyz:latest' "
                        "locally\ndocker: Error response from daemon: pull "
                        "access denied for nosuchimage_xyz, repository does "
                        "not exist or may require 'docker login'\n\nRun "
                        "'docker run --help' for more information\n");
}

static void test_run_bad_reference(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "BB";
    f->rq.start = true;
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 125);
    assert_string_equal(f->o.err.buf,
                        "docker: invalid reference format: repository name "
                        "(library/BB) must be lowercase\n\nRun 'docker run "
                        "--help' for more information\n");
}

static void test_run_relative_workdir(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "busybox";
    f->rq.start = true;
    f->rq.workdir = "rel";
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 125);
    assert_non_null(strstr(f->o.err.buf,
                           "the working directory 'rel' is invalid, it needs "
                           "to be an absolute path"));
}

static void test_run_unknown_user(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "busybox";
    f->rq.start = true;
    f->rq.user = "nosuchuser";
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 125);
    assert_non_null(strstr(f->o.err.buf,
                           "unable to find user nosuchuser: no matching "
                           "entries in passwd file"));
}

static void test_run_env_merge_user_first(void **state)
{
    struct fixture *f = *state;
    /* -e B=1 -e FOO=user on an image with PATH, LANG, FOO (§2.1 lab) */
    struct image *img = image_new(NULL);
    image_config_setenv(&img->cfg, "PATH", DEFAULT_PATH);
    image_config_setenv(&img->cfg, "LANG", "C.UTF-8");
    image_config_setenv(&img->cfg, "FOO", "img");
    strlist_set_empty(&img->cfg.cmd);
    strlist_push(&img->cfg.cmd, "true");
    store_add_image(&f->st, img);
    store_tag(&f->st, img, "envimg:latest");
    f->rq.image_ref = "envimg";
    strlist_push(&f->rq.env, "B=1");
    strlist_push(&f->rq.env, "FOO=user");
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 0);
    char *j = argv_json(&f->o.container->cfg.env);
    assert_string_equal(j, "[\"B=1\", \"FOO=user\", \"PATH=/usr/local/sbin:"
                           "/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\", "
                           "\"LANG=C.UTF-8\"]");
    free(j);
}

static void test_run_bare_env_unsets(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "busybox";
    f->rq.start = true;
    strlist_push(&f->rq.cmd, "true");
    strlist_push(&f->rq.env, "PATH");
    /* PATH removed: even `true` is not found any more */
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 127);
    for (size_t i = 0; i < f->o.container->process_env.n; i++)
        assert_true(strncmp(f->o.container->process_env.v[i], "PATH=", 5) != 0);
}

static void test_run_process_env_order(void **state)
{
    struct fixture *f = *state;
    /* docker run -e B=2 -e A=1 -e B=3 bb env: PATH, HOSTNAME, B=3, A=1, HOME */
    f->rq.image_ref = "busybox";
    f->rq.start = true;
    strlist_push(&f->rq.cmd, "true");
    strlist_push(&f->rq.env, "B=3");
    strlist_push(&f->rq.env, "A=1");
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 0);
    const struct strlist *e = &f->o.container->process_env;
    assert_int_equal(e->n, 5);
    assert_string_equal(e->v[0], "PATH=" DEFAULT_PATH);
    assert_true(strncmp(e->v[1], "HOSTNAME=", 9) == 0);
    assert_int_equal(strlen(e->v[1]), 9 + 12);
    assert_string_equal(e->v[2], "B=3");
    assert_string_equal(e->v[3], "A=1");
    assert_string_equal(e->v[4], "HOME=/root");
}

static void test_run_name_conflict(void **state)
{
    struct fixture *f = *state;
    f->rq.image_ref = "busybox";
    f->rq.name = "dup";
    strlist_push(&f->rq.cmd, "true");
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 0);
    struct run_outcome o2;
    run_outcome_init(&o2);
    f->rq.start = true;
    assert_int_equal(run_container(&f->st, &f->rq, &o2), 125);
    assert_non_null(strstr(o2.err.buf, "Conflict. The container name \"/dup\" "
                                       "is already in use by container \""));
    run_outcome_release(&o2);
}

/* Which explanation a shell -c entrypoint with extra words gets. */
static const char *positional_explain_id(struct fixture *f, const char *cmd)
{
    f->rq.image_ref = "alpine";
    f->rq.start = false;
    strlist_release(&f->rq.entrypoint);
    strlist_init(&f->rq.entrypoint);
    strlist_push(&f->rq.entrypoint, "/bin/sh");
    strlist_release(&f->rq.cmd);
    strlist_init(&f->rq.cmd);
    strlist_push(&f->rq.cmd, "-c");
    strlist_push(&f->rq.cmd, cmd);
    strlist_push(&f->rq.cmd, "there");
    run_outcome_release(&f->o);
    run_outcome_init(&f->o);
    assert_int_equal(run_container(&f->st, &f->rq, &f->o), 0);
    for (size_t i = 0; i < f->o.explain.n; i++)
        if (strstr(f->o.explain.items[i].id, "positional"))
            return f->o.explain.items[i].id;
    return "";
}

static void test_run_shell_positional_explanation(void **state)
{
    struct fixture *f = *state;
    /* the words after sh -c 'cmd' are $0 $1...: used or not */
    assert_string_equal(positional_explain_id(f, "echo hi"),
                        "run.shell-entrypoint-args-become-positional");
    assert_string_equal(positional_explain_id(f, "echo $0 $1"),
                        "run.shell-args-positional-used");
    assert_string_equal(positional_explain_id(f, "exec \"$@\""),
                        "run.shell-args-positional-used");
    assert_string_equal(positional_explain_id(f, "echo ${1:-x}"),
                        "run.shell-args-positional-used");
    assert_string_equal(positional_explain_id(f, "echo $HOME"),
                        "run.shell-entrypoint-args-become-positional");
}

static void test_run_signal_numbers(void **state)
{
    (void)state;
    assert_int_equal(signal_number("SIGTERM"), 15);
    assert_int_equal(signal_number("term"), 15);
    assert_int_equal(signal_number("KILL"), 9);
    assert_int_equal(signal_number("9"), 9);
    assert_int_equal(signal_number("SIGQUIT"), 3);
    assert_int_equal(signal_number("FOO"), -1);
    assert_int_equal(signal_number("0"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_run_merge_truth_table),
        cmocka_unit_test(test_run_entrypoint_flag_not_split),
        cmocka_unit_test(test_run_shell_entrypoint_keeps_args),
        cmocka_unit_test(test_run_table_twelve_cells),
        cmocka_unit_test(test_run_table_marks_image_cell),
        cmocka_unit_test_setup_teardown(test_run_not_found_is_127, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_directory_is_126, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_missing_path_is_127, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_no_command_is_125, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_create_errors_have_no_prefix,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_create_succeeds_without_lookup,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_missing_image, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_bad_reference, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_relative_workdir, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_unknown_user, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_env_merge_user_first, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_bare_env_unsets, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_process_env_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_name_conflict, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_run_shell_positional_explanation,
                                        setup, teardown),
        cmocka_unit_test(test_run_signal_numbers),
    };
    return cmocka_run_group_tests_name("run", tests, NULL, NULL);
}
