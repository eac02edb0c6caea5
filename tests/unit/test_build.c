/*
 * test_build.c: docker build's conversion (dockerfile-semantics.md §4-§6):
 * what each instruction does to the image, ARG scoping, stages, ONBUILD,
 * COPY from the context and from stages, the conversion errors, and the
 * image references of the store.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "imgconfig.h"
#include "sb.h"
#include "store.h"
#include "vfs.h"

struct fx {
    struct store st;
    struct build_result r;
    struct build_opts o;
    struct build_context ctx;
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof(*f));
    store_init(&f->st);
    f->o.ctx = &f->ctx;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    build_result_release(&f->r);
    store_release(&f->st);
    free(f);
    return 0;
}

static int build(struct fx *f, const char *text)
{
    build_result_release(&f->r);
    return build_run(&f->st, text, strlen(text), &f->o, &f->r);
}

static char *list(const struct strlist *l)
{
    struct sb s = SB_INIT;
    if (!l->set)
        sb_adds(&s, "null");
    else
        strlist_to_json_inline(&s, l);
    return sb_detach(&s, NULL);
}

static void expect_list(const struct strlist *l, const char *want)
{
    char *got = list(l);
    assert_string_equal(got, want);
    free(got);
}

static bool has_warning(const struct build_result *r, const char *rule,
                        const char *msg)
{
    for (size_t i = 0; i < r->diags.n; i++) {
        const struct diag *d = &r->diags.items[i];
        if (d->rule && strcmp(d->rule, rule) == 0 &&
            (!msg || strcmp(d->msg, msg) == 0))
            return true;
    }
    return false;
}

/* ----- config effects --------------------------------------------- */

static void test_build_cmd_shell_form_uses_current_shell(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "FROM busybox\nCMD echo a\nSHELL [\"/bin/ash\", "
                              "\"-eo\"]\nENTRYPOINT echo b\n"),
                     0);
    const struct image_config *c = &f->r.image->cfg;
    /* CMD before ENTRYPOINT in the same stage survives it */
    expect_list(&c->cmd, "[\"/bin/sh\", \"-c\", \"echo a\"]");
    expect_list(&c->entrypoint, "[\"/bin/ash\", \"-eo\", \"echo b\"]");
    expect_list(&c->shell, "[\"/bin/ash\", \"-eo\"]");
    assert_true(c->args_escaped);
}

static void test_build_entrypoint_resets_inherited_cmd(void **state)
{
    struct fx *f = *state;
    /* busybox has CMD ["sh"] */
    assert_int_equal(build(f, "FROM busybox\nENTRYPOINT [\"echo\"]\n"), 0);
    expect_list(&f->r.image->cfg.cmd, "null");
    assert_true(explain_has(&f->r.explain,
                            "build.entrypoint-resets-inherited-cmd"));
    /* a later CMD sets it again */
    assert_int_equal(build(f, "FROM busybox\nENTRYPOINT [\"echo\"]\nCMD "
                              "[\"x\"]\n"),
                     0);
    expect_list(&f->r.image->cfg.cmd, "[\"x\"]");
}

static void test_build_invalid_json_is_shell_form(void **state)
{
    struct fx *f = *state;
    /* single quotes are not JSON: the text goes to the shell, brackets too */
    assert_int_equal(build(f, "FROM alpine\nCMD ['echo', 'hi']\n"), 0);
    expect_list(&f->r.image->cfg.cmd,
                "[\"/bin/sh\", \"-c\", \"['echo', 'hi']\"]");
    assert_true(explain_has(&f->r.explain, "parse.invalid-json-is-shell-form"));
    /* valid JSON, and ordinary shell form, get no such explanation */
    assert_int_equal(build(f, "FROM alpine\nCMD [\"echo\", \"hi\"]\n"), 0);
    assert_false(explain_has(&f->r.explain,
                             "parse.invalid-json-is-shell-form"));
    assert_int_equal(build(f, "FROM alpine\nRUN echo [x]\nCMD echo hi\n"), 0);
    assert_false(explain_has(&f->r.explain,
                             "parse.invalid-json-is-shell-form"));
    assert_int_equal(build(f, "FROM alpine\nRUN [echo, hi] || true\n"), 0);
    assert_true(explain_has(&f->r.explain, "parse.invalid-json-is-shell-form"));
}

static void test_build_history_layer_sizes(void **state)
{
    struct fx *f = *state;
    /* each layer row: the bytes its instruction added; CMD is 0B */
    assert_int_equal(build(f, "FROM alpine\nRUN echo hi > /x\nCOPY <<EOF "
                              "/y\nhello world\nEOF\nWORKDIR /srv\nCMD "
                              "[\"x\"]\n"),
                     0);
    const struct image *img = f->r.image;
    size_t n = img->n_hist;
    assert_true(n >= 4);
    assert_false(img->hist[n - 4].empty_layer); /* RUN */
    assert_int_equal(img->hist[n - 4].size, 3);
    assert_int_equal(img->hist[n - 3].size, 12); /* COPY */
    assert_int_equal(img->hist[n - 2].size, 0);  /* WORKDIR: a directory */
    assert_false(img->hist[n - 2].empty_layer);
    assert_true(img->hist[n - 1].empty_layer);  /* CMD */
    assert_int_equal(img->hist[n - 1].size, 0);
}

static void test_build_empty_lists_become_null(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "FROM busybox\nCMD []\n"), 0);
    expect_list(&f->r.image->cfg.cmd, "null");
    assert_int_equal(build(f, "FROM busybox\nENTRYPOINT []\n"), 0);
    expect_list(&f->r.image->cfg.entrypoint, "null");
    /* bare CMD: the shell with an empty string */
    assert_int_equal(build(f, "FROM busybox\nCMD\n"), 0);
    expect_list(&f->r.image->cfg.cmd, "[\"/bin/sh\", \"-c\", \"\"]");
}

static void test_build_env_sees_previous_values(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "FROM busybox\nENV abc=hello\nENV abc=bye "
                              "def=$abc\nENV ghi=$abc\n"),
                     0);
    const struct image_config *c = &f->r.image->cfg;
    assert_string_equal(image_config_getenv(c, "def"), "hello");
    assert_string_equal(image_config_getenv(c, "ghi"), "bye");
    assert_string_equal(image_config_getenv(c, "abc"), "bye");
}

static void test_build_workdir_relative_and_created(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "FROM busybox\nWORKDIR /a\nWORKDIR b\nWORKDIR "
                              "../c\n"),
                     0);
    assert_string_equal(f->r.image->cfg.working_dir, "/a/c");
    const struct vfs_entry *e = vfs_stat(&f->r.image->fs, "/a/c", NULL, NULL);
    assert_non_null(e);
    assert_int_equal(e->type, VFS_DIR);
}

static void test_build_expose_volume_stopsignal(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "FROM busybox\nENV P=8080\nEXPOSE 80 $P/udp "
                              "90-91\nVOLUME /data [\"/logs\"]\nSTOPSIGNAL "
                              "SIGQUIT\n"),
                     0);
    const struct image_config *c = &f->r.image->cfg;
    expect_list(&c->exposed_ports,
                "[\"80/tcp\", \"8080/udp\", \"90/tcp\", \"91/tcp\"]");
    expect_list(&c->volumes, "[\"/data\", \"[/logs]\"]");
    assert_string_equal(c->stop_signal, "SIGQUIT");
}

static void test_build_bad_signal_and_port(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "FROM busybox\nSTOPSIGNAL FOO\n"), 1);
    assert_string_equal(f->r.error, "invalid signal: FOO");
    assert_int_equal(f->r.error_line, 2);
    assert_int_equal(build(f, "FROM busybox\nEXPOSE 80/xyz\n"), 1);
    assert_string_equal(f->r.error, "invalid port: \"80/xyz\": invalid proto: "
                                    "xyz");
}

/* ----- ARG scoping ------------------------------------------------- */

static void test_build_global_arg_only_in_from(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "ARG BASE=busybox\nARG MSG=hi\nFROM $BASE\n"
                              "ENV A=$MSG\n"),
                     0);
    /* MSG is not visible inside the stage without ARG MSG */
    assert_string_equal(image_config_getenv(&f->r.image->cfg, "A"), "");
    assert_true(has_warning(&f->r, "UndefinedVar",
                            "Usage of undefined variable '$MSG'"));
    assert_int_equal(build(f, "ARG MSG=hi\nFROM busybox\nARG MSG\nENV "
                              "A=$MSG\n"),
                     0);
    assert_string_equal(image_config_getenv(&f->r.image->cfg, "A"), "hi");
}

static void test_build_build_arg_overrides(void **state)
{
    struct fx *f = *state;
    struct build_arg a = { "WHO", "given" };
    f->o.args = &a;
    f->o.n_args = 1;
    assert_int_equal(build(f, "FROM busybox\nARG WHO=default\nENV W=$WHO\n"),
                     0);
    assert_string_equal(image_config_getenv(&f->r.image->cfg, "W"), "given");
    /* the ARG itself is not in the image's env */
    assert_null(image_config_getenv(&f->r.image->cfg, "WHO"));
    f->o.n_args = 0;
}

static void test_build_predefined_platform_args(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "FROM busybox\nARG TARGETARCH\nENV "
                              "A=$TARGETARCH\n"),
                     0);
    assert_string_equal(image_config_getenv(&f->r.image->cfg, "A"), "amd64");
}

static void test_build_undeclared_arg_in_from(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "ARG VERSON=latest\nFROM busybox$VERSION\n"),
                     0);
    assert_true(has_warning(&f->r, "UndefinedArgInFrom",
                            "FROM argument 'VERSION' is not declared (did "
                            "you mean VERSON?)"));
    assert_int_equal(build(f, "FROM $NOPE\n"), 1);
    assert_string_equal(f->r.error, "base name ($NOPE) should not be blank");
}

/* ----- stages ------------------------------------------------------ */

static void test_build_stage_chain_and_target(void **state)
{
    struct fx *f = *state;
    const char *df = "FROM busybox AS a\nCMD [\"echo\", \"stage-a-cmd\"]\n"
                     "FROM a AS b\nENTRYPOINT [\"echo\", \"stage-b-entry\"]\n"
                     "FROM b\n";
    assert_int_equal(build(f, df), 0);
    expect_list(&f->r.image->cfg.entrypoint, "[\"echo\", \"stage-b-entry\"]");
    expect_list(&f->r.image->cfg.cmd, "null");
    f->o.target = "a";
    assert_int_equal(build(f, df), 0);
    expect_list(&f->r.image->cfg.cmd, "[\"echo\", \"stage-a-cmd\"]");
    f->o.target = "nope";
    assert_int_equal(build(f, df), 1);
    assert_string_equal(f->r.error, "target stage \"nope\" could not be found");
    f->o.target = NULL;
}

static void test_build_circular_stage(void **state)
{
    struct fx *f = *state;
    /* only COPY --from makes dependencies; the cycle is named after the
     * stage the search starts from, at the first COPY of the cycle */
    assert_int_equal(build(f, "FROM scratch AS a\n"
                              "COPY --from=b /x /x\n"
                              "FROM scratch AS b\n"
                              "COPY --from=a /y /y\n"),
                     1);
    assert_string_equal(f->r.error, "circular dependency detected on stage: a");
    assert_int_equal(f->r.error_line, 2);
    /* FROM looks up earlier stages only: `FROM a AS a` names an image */
    assert_int_equal(build(f, "FROM a AS a\n"), 1);
    assert_non_null(strstr(f->r.error, "a: failed to resolve source metadata "
                                       "for docker.io/library/a:latest"));
}

static void test_build_unknown_base_is_pull_failure(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "FROM does-not-exist-anywhere:1.0\n"), 1);
    assert_string_equal(f->r.error,
                        "does-not-exist-anywhere:1.0: failed to resolve "
                        "source metadata for "
                        "docker.io/library/does-not-exist-anywhere:1.0: pull "
                        "access denied, repository does not exist or may "
                        "require authorization: server message: "
                        "insufficient_scope: authorization failed");
    assert_true(explain_has(&f->r.explain, "build.image-not-found"));
}

static void test_build_onbuild_trigger_runs_once(void **state)
{
    struct fx *f = *state;
    const char *tag = "base:latest";
    f->o.tags = &tag;
    f->o.n_tags = 1;
    assert_int_equal(build(f, "FROM busybox\nONBUILD CMD [\"echo\", "
                              "\"from-onbuild\"]\nCMD [\"echo\", "
                              "\"base-cmd\"]\n"),
                     0);
    expect_list(&f->r.image->cfg.onbuild, "[\"CMD [\\\"echo\\\", "
                                          "\\\"from-onbuild\\\"]\"]");
    f->o.n_tags = 0;
    assert_int_equal(build(f, "FROM base\n"), 0);
    expect_list(&f->r.image->cfg.cmd, "[\"echo\", \"from-onbuild\"]");
    assert_int_equal(f->r.image->cfg.onbuild.n, 0);
    f->o.tags = NULL;
}

/* ----- files ------------------------------------------------------- */

static void test_build_copy_from_context_keeps_modes(void **state)
{
    struct fx *f = *state;
    struct build_file files[] = {
        { "app.sh", "#!/bin/sh\necho hi\n", 18, 0755, false },
        { "src/a.txt", "a", 1, 0644, false },
    };
    f->ctx.files = files;
    f->ctx.n_files = 2;
    assert_int_equal(build(f, "FROM busybox\nWORKDIR /app\nCOPY app.sh ./\n"
                              "COPY src /app/src2\nCOPY --chmod=0600 app.sh "
                              "/x.sh\n"),
                     0);
    const struct vfs *fs = &f->r.image->fs;
    const struct vfs_entry *e = vfs_stat(fs, "/app/app.sh", NULL, NULL);
    assert_non_null(e);
    assert_int_equal(e->mode, 0755);
    assert_memory_equal(e->data, "#!/bin/sh\n", 10);
    assert_non_null(vfs_stat(fs, "/app/src2/a.txt", NULL, NULL));
    e = vfs_stat(fs, "/x.sh", NULL, NULL);
    assert_int_equal(e->mode, 0600);
    /* a missing source is BuildKit's "not found" */
    assert_int_equal(build(f, "FROM busybox\nCOPY nope.txt /\n"), 1);
    assert_non_null(strstr(f->r.error, "\"/nope.txt\": not found"));
    assert_int_equal(f->r.error_line, 2);
    f->ctx.n_files = 0;
}

static void test_build_copy_from_stage(void **state)
{
    struct fx *f = *state;
    struct build_file files[] = { { "a.txt", "A", 1, 0644, false } };
    f->ctx.files = files;
    f->ctx.n_files = 1;
    assert_int_equal(build(f, "FROM busybox AS build\nCOPY a.txt /out/a.txt\n"
                              "FROM scratch\nCOPY --from=build /out/a.txt "
                              "/a.txt\n"),
                     0);
    assert_non_null(vfs_stat(&f->r.image->fs, "/a.txt", NULL, NULL));
    /* scratch: no shell in it, and the default PATH */
    assert_null(vfs_stat(&f->r.image->fs, "/bin/sh", NULL, NULL));
    assert_string_equal(image_config_getenv(&f->r.image->cfg, "PATH"),
                        DEFAULT_PATH);
    assert_int_equal(build(f, "FROM busybox AS first\nCOPY --from=later /x "
                              "/x\nFROM busybox AS later\nFROM first\n"),
                     1);
    assert_string_equal(f->r.error, "cannot copy from stage \"later\", it "
                                    "needs to be defined before current "
                                    "stage \"first\"");
    f->ctx.n_files = 0;
}

static void test_build_history_and_steps(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "FROM busybox\nENV A=1\nWORKDIR /w\nCMD "
                              "[\"x\"]\n"),
                     0);
    const struct image *img = f->r.image;
    /* base rows, then ENV, WORKDIR (a layer), CMD (metadata only) */
    size_t n = img->n_hist;
    assert_true(n >= 3);
    assert_string_equal(img->hist[n - 3].created_by, "ENV A=1");
    assert_true(img->hist[n - 3].empty_layer);
    assert_string_equal(img->hist[n - 2].created_by, "WORKDIR /w");
    assert_false(img->hist[n - 2].empty_layer);
    assert_string_equal(img->hist[n - 1].created_by, "CMD [\"x\"]");
    bool from = false, wd = false;
    for (size_t i = 0; i < f->r.n_steps; i++) {
        if (strcmp(f->r.steps[i].name,
                   "[1/2] FROM docker.io/library/busybox:latest") == 0)
            from = true;
        if (strcmp(f->r.steps[i].name, "[2/2] WORKDIR /w") == 0)
            wd = true;
    }
    assert_true(from);
    assert_true(wd);
}

static void test_build_checks_of_conversion(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "FROM busybox\nCMD echo a\nCMD echo b\nENV "
                              "KEY value\n"),
                     0);
    assert_true(has_warning(&f->r, "JSONArgsRecommended",
                            "JSON arguments recommended for CMD to prevent "
                            "unintended behavior related to OS signals"));
    assert_true(has_warning(&f->r, "MultipleInstructionsDisallowed", NULL));
    assert_true(has_warning(&f->r, "LegacyKeyValueFormat",
                            "\"ENV key=value\" should be used instead of "
                            "legacy \"ENV key value\" format"));
    assert_true(has_warning(&f->r, "SecretsUsedInArgOrEnv",
                            "Do not use ARG or ENV instructions for "
                            "sensitive data (ENV \"KEY\")"));
}

static void test_build_error_true_fails(void **state)
{
    struct fx *f = *state;
    assert_int_equal(build(f, "# check=error=true\nFROM busybox\nCMD echo "
                              "a\n"),
                     1);
    assert_string_equal(f->r.error,
                        "lint violation found for rules: JSONArgsRecommended");
}

/* ----- references -------------------------------------------------- */

static void expect_ref(const char *in, const char *familiar, const char *err)
{
    struct image_ref r;
    char *e = NULL;
    int rc = image_ref_parse(in, &r, &e);
    if (err) {
        assert_int_equal(rc, -1);
        assert_string_equal(e, err);
        free(e);
        return;
    }
    assert_int_equal(rc, 0);
    struct sb s = SB_INIT;
    image_ref_familiar(&s, &r);
    assert_string_equal(s.buf, familiar);
    sb_release(&s);
    image_ref_release(&r);
}

static void test_store_references(void **state)
{
    (void)state;
    expect_ref("alpine", "alpine:latest", NULL);
    expect_ref("alpine:3.20", "alpine:3.20", NULL);
    expect_ref("docker.io/library/node:20-alpine", "node:20-alpine", NULL);
    expect_ref("library/ubuntu", "ubuntu:latest", NULL);
    expect_ref("myorg/app:v1.2", "myorg/app:v1.2", NULL);
    expect_ref("localhost:5000/app", "localhost:5000/app:latest", NULL);
    expect_ref("BB", NULL,
               "invalid reference format: repository name (library/BB) must "
               "be lowercase");
    expect_ref("bb:", NULL, "invalid reference format");
    expect_ref("a b", NULL, "invalid reference format");
    expect_ref("", NULL, "invalid reference format");
}

int main(void)
{
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_build_cmd_shell_form_uses_current_shell),
        T(test_build_entrypoint_resets_inherited_cmd),
        T(test_build_invalid_json_is_shell_form),
        T(test_build_history_layer_sizes),
        T(test_build_empty_lists_become_null),
        T(test_build_env_sees_previous_values),
        T(test_build_workdir_relative_and_created),
        T(test_build_expose_volume_stopsignal),
        T(test_build_bad_signal_and_port),
        T(test_build_global_arg_only_in_from),
        T(test_build_build_arg_overrides),
        T(test_build_predefined_platform_args),
        T(test_build_undeclared_arg_in_from),
        T(test_build_stage_chain_and_target),
        T(test_build_circular_stage),
        T(test_build_unknown_base_is_pull_failure),
        T(test_build_onbuild_trigger_runs_once),
        T(test_build_copy_from_context_keeps_modes),
        T(test_build_copy_from_stage),
        T(test_build_history_and_steps),
        T(test_build_checks_of_conversion),
        T(test_build_error_true_fails),
        cmocka_unit_test(test_store_references),
    };
#undef T
    return cmocka_run_group_tests_name("build", tests, NULL, NULL);
}
