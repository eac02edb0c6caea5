/*
 * test_histfile.c: the shell's history file (histfile.h): where it lives,
 * appends that survive a crash, de-duplication, the size cap, compaction
 * and what happens when the file cannot be written.
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

#include "histfile.h"
#include "sb.h"
#include "xmalloc.h"

/* ---- helpers ---- */

struct tmp {
    char dir[256];
};

static int setup(void **state)
{
    struct tmp *t = xcalloc(1, sizeof(*t));
    snprintf(t->dir, sizeof(t->dir), "%s/test_histfile.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(t->dir))
        return -1;
    *state = t;
    return 0;
}

static void rm_rf(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

static int teardown(void **state)
{
    struct tmp *t = *state;
    rm_rf(t->dir);
    free(t);
    return 0;
}

static char *path_in(const struct tmp *t, const char *name)
{
    struct sb p = SB_INIT;
    sb_addf(&p, "%s/%s", t->dir, name);
    return sb_detach(&p, NULL);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    struct sb b = SB_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        sb_add(&b, chunk, n);
    fclose(f);
    return sb_detach(&b, NULL);
}

static void assert_file(const char *path, const char *want)
{
    char *got = slurp(path);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void assert_lines(const struct histfile *h, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    assert_int_equal(h->lines.n, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(h->lines.v[i], want[i]);
}

/* A fake environment: NAME=value pairs, NULL-terminated. */
static const char *fake_env(void *ctx, const char *name)
{
    const char *const *kv = ctx;
    size_t nl = strlen(name);
    for (; *kv; kv++)
        if (strncmp(*kv, name, nl) == 0 && (*kv)[nl] == '=')
            return *kv + nl + 1;
    return NULL;
}

static void check_path(const char *const *env, const char *want,
                       bool want_default)
{
    bool is_default = !want_default;
    char *p = histfile_default_path(fake_env, (void *)env, &is_default);
    if (!want) {
        assert_null(p);
        return;
    }
    assert_non_null(p);
    assert_string_equal(p, want);
    assert_int_equal(is_default, want_default);
    free(p);
}

/* ---- where it lives ---- */

static void test_histfile_path_override(void **state)
{
    (void)state;
    const char *env[] = { "DOCKSIM_HISTFILE=/x/h", "XDG_STATE_HOME=/s",
                          "HOME=/home/u", NULL };
    check_path(env, "/x/h", false);
}

static void test_histfile_path_xdg(void **state)
{
    (void)state;
    const char *env[] = { "DOCKSIM_HISTFILE=", "XDG_STATE_HOME=/s",
                          "HOME=/home/u", NULL };
    check_path(env, "/s/docksim/history", true);
}

static void test_histfile_path_relative_xdg_ignored(void **state)
{
    (void)state;
    /* the XDG spec: a relative path is invalid and ignored */
    const char *env[] = { "XDG_STATE_HOME=state", "HOME=/home/u/", NULL };
    check_path(env, "/home/u/.local/state/docksim/history", true);
}

static void test_histfile_path_none(void **state)
{
    (void)state;
    const char *env[] = { NULL };
    check_path(env, NULL, false);
}

/* ---- loading and adding ---- */

static void test_histfile_load_missing_makes_dirs(void **state)
{
    struct tmp *t = *state;
    char *p = path_in(t, "a/b/history");
    struct histfile h;
    histfile_init(&h, p, 0);
    char *err = NULL;
    assert_int_equal(histfile_load(&h, true, &err), 0);
    assert_null(err);
    assert_int_equal(h.lines.n, 0);
    struct stat st;
    assert_int_equal(stat(p, &st), 0); /* created: appendable */
    assert_int_equal(st.st_mode & 0777, 0600);
    histfile_release(&h);
    free(p);
}

static void test_histfile_add_appends_at_once(void **state)
{
    struct tmp *t = *state;
    char *p = path_in(t, "history");
    struct histfile h;
    histfile_init(&h, p, 0);
    char *err = NULL;
    assert_int_equal(histfile_load(&h, false, &err), 0);
    assert_int_equal(histfile_add(&h, "FROM alpine", &err), 0);
    /* on disk before anything else happens: a crash loses nothing */
    assert_file(p, "FROM alpine\n");
    assert_int_equal(histfile_add(&h, "docker build -t a .", &err), 0);
    assert_int_equal(histfile_add(&h, "   ", &err), 0);      /* blank */
    assert_int_equal(histfile_add(&h, "a\nb", &err), 0);      /* two lines */
    assert_file(p, "FROM alpine\ndocker build -t a .\n");
    const char *want[] = { "FROM alpine", "docker build -t a .", NULL };
    assert_lines(&h, want);
    histfile_release(&h);
    free(p);
}

static void test_histfile_add_moves_duplicate_to_end(void **state)
{
    struct tmp *t = *state;
    char *p = path_in(t, "history");
    struct histfile h;
    histfile_init(&h, p, 0);
    char *err = NULL;
    assert_int_equal(histfile_load(&h, false, &err), 0);
    histfile_add(&h, "one", &err);
    histfile_add(&h, "two", &err);
    histfile_add(&h, "one", &err);
    const char *want[] = { "two", "one", NULL };
    assert_lines(&h, want);
    assert_true(h.dirty);
    /* the file got all three; compaction leaves the last of each */
    assert_file(p, "one\ntwo\none\n");
    assert_int_equal(histfile_compact(&h, &err), 0);
    assert_null(err);
    assert_file(p, "two\none\n");
    assert_false(h.dirty);
    histfile_release(&h);
    free(p);
}

static void test_histfile_load_dedups_and_caps(void **state)
{
    struct tmp *t = *state;
    char *p = path_in(t, "history");
    write_file(p, "a\nb\n\na\nc\r\nd\n");
    struct histfile h;
    histfile_init(&h, p, 3);
    char *err = NULL;
    assert_int_equal(histfile_load(&h, false, &err), 0);
    const char *want[] = { "a", "c", "d", NULL }; /* b fell off the cap */
    assert_lines(&h, want);
    assert_true(h.dirty);
    histfile_add(&h, "e", &err);
    const char *want2[] = { "c", "d", "e", NULL };
    assert_lines(&h, want2);
    assert_int_equal(histfile_compact(&h, &err), 0);
    assert_file(p, "c\nd\ne\n");
    histfile_release(&h);
    free(p);
}

static void test_histfile_compact_keeps_other_sessions(void **state)
{
    struct tmp *t = *state;
    char *p = path_in(t, "history");
    struct histfile h;
    histfile_init(&h, p, 0);
    char *err = NULL;
    assert_int_equal(histfile_load(&h, false, &err), 0);
    histfile_add(&h, "x", &err);
    histfile_add(&h, "x", &err);
    /* another docksim appends meanwhile */
    FILE *f = fopen(p, "a");
    assert_non_null(f);
    fputs("from another\n", f);
    fclose(f);
    assert_int_equal(histfile_compact(&h, &err), 0);
    assert_file(p, "x\nfrom another\n");
    histfile_release(&h);
    free(p);
}

static void test_histfile_compact_not_needed(void **state)
{
    struct tmp *t = *state;
    char *p = path_in(t, "history");
    struct histfile h;
    histfile_init(&h, p, 0);
    char *err = NULL;
    assert_int_equal(histfile_load(&h, false, &err), 0);
    histfile_add(&h, "x", &err);
    assert_false(h.dirty);
    unlink(p); /* compaction would re-create it if it ran */
    assert_int_equal(histfile_compact(&h, &err), 0);
    assert_int_equal(access(p, F_OK), -1);
    histfile_release(&h);
    free(p);
}

/* ---- when the file cannot be used ---- */

static void test_histfile_unwritable_location(void **state)
{
    struct tmp *t = *state;
    char *blocker = path_in(t, "file");
    write_file(blocker, "not a directory\n");
    char *p = path_in(t, "file/history");
    struct histfile h;
    histfile_init(&h, p, 0);
    char *err = NULL;
    assert_int_equal(histfile_load(&h, false, &err), -1);
    assert_non_null(err);
    assert_non_null(strstr(err, p));
    assert_non_null(strstr(err, "Not a directory"));
    free(err);
    assert_true(h.broken);
    /* the session's history still works, in memory */
    assert_int_equal(histfile_add(&h, "FROM alpine", &err), 0);
    assert_null(err);
    const char *want[] = { "FROM alpine", NULL };
    assert_lines(&h, want);
    assert_int_equal(histfile_compact(&h, &err), 0);
    histfile_release(&h);
    free(p);
    free(blocker);
}

static void test_histfile_cannot_make_dirs(void **state)
{
    struct tmp *t = *state;
    char *blocker = path_in(t, "file");
    write_file(blocker, "x\n");
    char *p = path_in(t, "file/docksim/history");
    struct histfile h;
    histfile_init(&h, p, 0);
    char *err = NULL;
    assert_int_equal(histfile_load(&h, true, &err), -1);
    assert_non_null(strstr(err, "cannot create the directory"));
    free(err);
    histfile_release(&h);
    free(p);
    free(blocker);
}

static void test_histfile_unreadable_is_never_rewritten(void **state)
{
    struct tmp *t = *state;
    char *p = path_in(t, "dir");
    assert_int_equal(mkdir(p, 0700), 0); /* a directory: reading fails */
    struct histfile h;
    histfile_init(&h, p, 0);
    char *err = NULL;
    assert_int_equal(histfile_load(&h, false, &err), -1);
    assert_non_null(strstr(err, "cannot write history file"));
    free(err);
    err = NULL;
    /* reading it fails too, and says so */
    assert_int_equal(histfile_read(&h, &err), -1);
    assert_non_null(strstr(err, "cannot read history file"));
    assert_non_null(strstr(err, "Is a directory"));
    free(err);
    err = NULL;
    histfile_add(&h, "a", &err);
    histfile_add(&h, "a", &err);
    assert_int_equal(histfile_compact(&h, &err), 0);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    histfile_release(&h);
    free(p);
}

static void test_histfile_read_after_typing(void **state)
{
    struct tmp *t = *state;
    char *p = path_in(t, "history");
    write_file(p, "old1\nshared\nold2\n");
    struct histfile h;
    histfile_init(&h, p, 4);
    char *err = NULL;
    assert_int_equal(histfile_prepare(&h, false, &err), 0);
    /* typed before the file was read (the shell reads it after the prompt) */
    histfile_add(&h, "shared", &err);
    histfile_add(&h, "new", &err);
    assert_int_equal(histfile_read(&h, &err), 0);
    const char *want[] = { "old1", "old2", "shared", "new", NULL };
    assert_lines(&h, want);
    assert_int_equal(histfile_compact(&h, &err), 0);
    assert_file(p, "old1\nold2\nshared\nnew\n");
    histfile_release(&h);
    free(p);
}

static void test_histfile_memory_only(void **state)
{
    (void)state;
    struct histfile h;
    histfile_init(&h, NULL, 2);
    char *err = NULL;
    assert_int_equal(histfile_load(&h, true, &err), 0);
    histfile_add(&h, "a", &err);
    histfile_add(&h, "b", &err);
    histfile_add(&h, "c", &err);
    const char *want[] = { "b", "c", NULL };
    assert_lines(&h, want);
    assert_int_equal(histfile_compact(&h, &err), 0);
    histfile_release(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_histfile_path_override),
        cmocka_unit_test(test_histfile_path_xdg),
        cmocka_unit_test(test_histfile_path_relative_xdg_ignored),
        cmocka_unit_test(test_histfile_path_none),
        cmocka_unit_test_setup_teardown(test_histfile_load_missing_makes_dirs,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_histfile_add_appends_at_once,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_histfile_add_moves_duplicate_to_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_histfile_load_dedups_and_caps,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_histfile_compact_keeps_other_sessions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_histfile_compact_not_needed,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_histfile_unwritable_location,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_histfile_cannot_make_dirs, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_histfile_unreadable_is_never_rewritten, setup, teardown),
        cmocka_unit_test_setup_teardown(test_histfile_read_after_typing, setup,
                                        teardown),
        cmocka_unit_test(test_histfile_memory_only),
    };
    return cmocka_run_group_tests_name("histfile", tests, NULL, NULL);
}
