#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sb.h"
#include "vfs.h"
#include "xmalloc.h"

/* Two layers: `lower` (an image) and `upper` (a container) on top. */
struct fx {
    struct vfs lower, upper;
};

static int setup(void **state)
{
    struct fx *f = xmalloc(sizeof(*f));
    vfs_init(&f->lower, NULL);
    vfs_init(&f->upper, &f->lower);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    vfs_release(&f->upper);
    vfs_release(&f->lower);
    free(f);
    return 0;
}

static void check_clean(const char *cwd, const char *path, const char *want)
{
    struct sb out = SB_INIT;
    vfs_clean_path(&out, cwd, path);
    assert_string_equal(out.buf, want);
    sb_release(&out);
}

/* vfs_stat's error, or 0 with the resolved path checked against want. */
static int stat_err(const struct vfs *fs, const char *path, const char *want)
{
    struct sb real = SB_INIT;
    int err = -1;
    const struct vfs_entry *e = vfs_stat(fs, path, &err, &real);
    if (e) {
        assert_int_equal(err, 0);
        if (want)
            assert_string_equal(real.buf, want);
    } else {
        assert_int_not_equal(err, 0);
    }
    sb_release(&real);
    return e ? 0 : err;
}

/* Collects the names vfs_list visits, "a,b,c"; stops after `stop_after`. */
struct names {
    struct sb s;
    int stop_after;
    int seen;
};

static int collect(const struct vfs_entry *e, void *ctx)
{
    struct names *n = ctx;
    const char *base = strrchr(e->path, '/') + 1;
    if (n->s.len)
        sb_addch(&n->s, ',');
    sb_adds(&n->s, base);
    return ++n->seen == n->stop_after;
}

static void check_list(const struct vfs *fs, const char *dir, const char *want,
                       size_t want_count)
{
    struct names n = { SB_INIT, 0, 0 };
    size_t count = vfs_list(fs, dir, collect, &n);
    assert_string_equal(n.s.buf, want);
    assert_int_equal(count, want_count);
    sb_release(&n.s);
}

/* ----- paths ------------------------------------------------------ */

static void test_vfs_clean_path_like_go(void **state)
{
    (void)state;
    check_clean(NULL, "/", "/");
    check_clean(NULL, "", "/");
    check_clean(NULL, "a/b", "/a/b");
    check_clean(NULL, "//a//b//", "/a/b");
    check_clean(NULL, "/a/./b/.", "/a/b");
    check_clean(NULL, "/a/b/../c", "/a/c");
    check_clean(NULL, "/a/../../..", "/");
    check_clean(NULL, "/../x", "/x");
    check_clean(NULL, "/...", "/...");
    check_clean(NULL, "/a/..b/.c", "/a/..b/.c");
    check_clean("/srv/app", "src/../bin", "/srv/app/bin");
    check_clean("/srv/app", "../..", "/");
    check_clean("/srv/app", "", "/srv/app");
    check_clean("/srv/app", "/etc", "/etc");
    check_clean("relative", "x", "/relative/x");

    struct sb out = SB_INIT;
    sb_adds(&out, "path: ");
    vfs_clean_path(&out, NULL, "/a/");
    assert_string_equal(out.buf, "path: /a"); /* appends */
    sb_release(&out);
}

/* ----- one layer -------------------------------------------------- */

static void test_vfs_put_file_creates_parents(void **state)
{
    struct fx *f = *state;
    static const char data[] = "a\0b";
    struct vfs_entry *e = vfs_put_file(&f->lower, "/usr/local/bin/tool",
                                       0750, data, 3);
    e->uid = 1000;
    e->program = xstrdup("tool");
    const struct vfs_entry *g = vfs_lstat(&f->lower, "/usr/local/bin/tool");
    assert_ptr_equal(g, e);
    assert_int_equal(g->type, VFS_FILE);
    assert_int_equal(g->mode, 0750);
    assert_int_equal(g->len, 3);
    assert_memory_equal(g->data, data, 3);
    assert_string_equal(g->path, "/usr/local/bin/tool");
    const struct vfs_entry *d = vfs_lstat(&f->lower, "/usr/local");
    assert_non_null(d);
    assert_int_equal(d->type, VFS_DIR);
    assert_int_equal(d->mode, 0755);
    assert_int_equal(d->uid, 0);
    assert_int_equal(d->gid, 0);
    assert_int_equal(vfs_layer_count(&f->lower), 4); /* usr local bin tool */
    assert_null(vfs_lstat(&f->lower, "/usr/local/bin/other"));
    /* paths are cleaned before use */
    assert_ptr_equal(vfs_lstat(&f->lower, "//usr/./local/../local/bin/tool"),
                     e);
}

static void test_vfs_root_always_exists(void **state)
{
    struct fx *f = *state;
    const struct vfs_entry *r = vfs_lstat(&f->lower, "/");
    assert_non_null(r);
    assert_int_equal(r->type, VFS_DIR);
    assert_int_equal(stat_err(&f->upper, "/", "/"), 0);
    assert_int_equal(stat_err(&f->upper, "/..", "/"), 0);
    assert_int_equal(vfs_layer_count(&f->lower), 0);
    struct vfs_entry *m = vfs_put(&f->upper, "/", VFS_DIR, 0700);
    assert_int_equal(m->mode, 0700);
    assert_int_equal(vfs_lstat(&f->upper, "/")->mode, 0700);
    assert_int_equal(vfs_lstat(&f->lower, "/")->mode, 0755);
}

static void test_vfs_mkdir_p_keeps_existing(void **state)
{
    struct fx *f = *state;
    vfs_mkdir_p(&f->lower, "/home", 0755, 0, 0);
    vfs_mkdir_p(&f->lower, "/home/node/app", 0700, 1000, 1000);
    const struct vfs_entry *home = vfs_lstat(&f->lower, "/home");
    const struct vfs_entry *app = vfs_lstat(&f->lower, "/home/node/app");
    assert_int_equal(home->mode, 0755);
    assert_int_equal(home->uid, 0);
    assert_int_equal(app->mode, 0700);
    assert_int_equal(app->uid, 1000);
    assert_int_equal(app->gid, 1000);
    assert_int_equal(vfs_lstat(&f->lower, "/home/node")->uid, 1000);
}

static void test_vfs_put_replaces(void **state)
{
    struct fx *f = *state;
    vfs_put_file(&f->lower, "/a/b/c", 0644, "x", 1);
    /* a directory over a directory keeps its children */
    vfs_put(&f->lower, "/a", VFS_DIR, 0700);
    assert_non_null(vfs_lstat(&f->lower, "/a/b/c"));
    assert_int_equal(vfs_lstat(&f->lower, "/a")->mode, 0700);
    /* a file over a directory removes it and what it held */
    vfs_put_file(&f->lower, "/a", 0644, "f", 1);
    assert_int_equal(vfs_lstat(&f->lower, "/a")->type, VFS_FILE);
    assert_null(vfs_lstat(&f->lower, "/a/b"));
    assert_int_equal(vfs_layer_count(&f->lower), 1);
    /* putting below a file replaces the file by a directory */
    vfs_put_file(&f->lower, "/a/x", 0644, "y", 1);
    assert_int_equal(vfs_lstat(&f->lower, "/a")->type, VFS_DIR);
    assert_non_null(vfs_lstat(&f->lower, "/a/x"));
}

/* ----- symlinks --------------------------------------------------- */

static void test_vfs_symlinks_resolve(void **state)
{
    struct fx *f = *state;
    struct vfs *fs = &f->lower;
    vfs_put_file(fs, "/usr/bin/dash", 0755, NULL, 0)->program =
        xstrdup("dash");
    vfs_put_symlink(fs, "/usr/bin/sh", "dash");
    vfs_put_symlink(fs, "/etc/alternatives/shell", "/usr/bin/sh");
    vfs_put_symlink(fs, "/up", "usr/bin/../bin");

    const struct vfs_entry *l = vfs_lstat(fs, "/usr/bin/sh");
    assert_int_equal(l->type, VFS_SYMLINK);
    assert_string_equal(l->target, "dash");
    assert_int_equal(l->mode, 0777);

    struct sb real = SB_INIT;
    int err = -1;
    const struct vfs_entry *e =
        vfs_stat(fs, "/etc/alternatives/shell", &err, &real);
    assert_non_null(e);
    assert_int_equal(err, 0);
    assert_string_equal(e->program, "dash");
    assert_string_equal(real.buf, "/usr/bin/dash");
    sb_release(&real);

    assert_int_equal(stat_err(fs, "/up/dash", "/usr/bin/dash"), 0);
    assert_int_equal(stat_err(fs, "/up/", "/usr/bin"), 0);
    assert_int_equal(stat_err(fs, "up/sh", "/usr/bin/dash"), 0); /* rel. to / */
    /* ".." after a symlink is taken from where the link led */
    vfs_mkdir_p(fs, "/opt/deep/dir", 0755, 0, 0);
    vfs_put_symlink(fs, "/d", "/opt/deep/dir");
    assert_int_equal(stat_err(fs, "/d/../..", "/opt"), 0);
    /* NULL err and resolved are allowed */
    assert_non_null(vfs_stat(fs, "/usr/bin/sh", NULL, NULL));
}

static void test_vfs_stat_errors(void **state)
{
    struct fx *f = *state;
    struct vfs *fs = &f->lower;
    vfs_put_file(fs, "/etc/passwd", 0644, "root\n", 5);
    vfs_put_symlink(fs, "/loop1", "loop2");
    vfs_put_symlink(fs, "/loop2", "/loop1");
    vfs_put_symlink(fs, "/dangling", "/nowhere");
    vfs_put_symlink(fs, "/pw", "etc/passwd");
    vfs_put_symlink(fs, "/empty", "");

    assert_int_equal(stat_err(fs, "/nope", NULL), ENOENT);
    assert_int_equal(stat_err(fs, "/nope/deeper", NULL), ENOENT);
    assert_int_equal(stat_err(fs, "/etc/passwd/x", NULL), ENOTDIR);
    assert_int_equal(stat_err(fs, "/etc/passwd/", NULL), ENOTDIR);
    assert_int_equal(stat_err(fs, "/etc/passwd/.", NULL), ENOTDIR);
    assert_int_equal(stat_err(fs, "/pw/", NULL), ENOTDIR);
    assert_int_equal(stat_err(fs, "/pw", "/etc/passwd"), 0);
    assert_int_equal(stat_err(fs, "/loop1", NULL), ELOOP);
    assert_int_equal(stat_err(fs, "/loop2/x", NULL), ELOOP);
    assert_int_equal(stat_err(fs, "/dangling", NULL), ENOENT);
    assert_int_equal(stat_err(fs, "/empty", NULL), ENOENT);
    /* lstat does not follow the last component */
    assert_non_null(vfs_lstat(fs, "/dangling"));
    assert_non_null(vfs_lstat(fs, "/loop1"));
    assert_null(vfs_lstat(fs, "/etc/passwd/")); /* a slash follows */
    assert_null(vfs_lstat(fs, "/pw/..")); /* ENOTDIR, like Linux */
    assert_string_equal(vfs_lstat(fs, "/etc/..")->path, "/");
}

static void test_vfs_forty_links_then_eloop(void **state)
{
    struct fx *f = *state;
    struct vfs *fs = &f->lower;
    char name[32], target[32];
    vfs_put_file(fs, "/end", 0644, "ok", 2);
    /* /l0 -> /l1 -> ... -> /l40 -> /end: 41 links */
    for (int i = 0; i <= 40; i++) {
        snprintf(name, sizeof(name), "/l%d", i);
        if (i == 40)
            snprintf(target, sizeof(target), "/end");
        else
            snprintf(target, sizeof(target), "l%d", i + 1);
        vfs_put_symlink(fs, name, target);
    }
    assert_int_equal(stat_err(fs, "/l1", "/end"), 0);  /* 40 links */
    assert_int_equal(stat_err(fs, "/l0", NULL), ELOOP); /* 41 */
}

static void test_vfs_put_through_symlinked_dir(void **state)
{
    struct fx *f = *state;
    struct vfs *fs = &f->lower;
    /* merged /usr: the link comes before its target exists */
    vfs_put_symlink(fs, "/bin", "usr/bin");
    vfs_put_file(fs, "/bin/bash", 0755, NULL, 0);
    vfs_put_symlink(fs, "/bin/sh", "bash");
    assert_int_equal(vfs_lstat(fs, "/bin")->type, VFS_SYMLINK);
    assert_non_null(vfs_lstat(fs, "/usr/bin/bash"));
    const struct vfs_entry *sh = vfs_lstat(fs, "/bin/sh");
    assert_non_null(sh);
    assert_string_equal(sh->path, "/usr/bin/sh");
    assert_int_equal(stat_err(fs, "/bin/sh", "/usr/bin/bash"), 0);
    vfs_mkdir_p(fs, "/bin/sub", 0755, 0, 0);
    assert_non_null(vfs_lstat(fs, "/usr/bin/sub"));
    /* a symlink loop in the way of mkdir -p is replaced by a directory */
    vfs_put_symlink(fs, "/la", "lb");
    vfs_put_symlink(fs, "/lb", "la");
    vfs_put_file(fs, "/la/f", 0644, "", 0);
    assert_int_equal(stat_err(fs, "/la/f", NULL), 0);
}

/* ----- layers ----------------------------------------------------- */

static void test_vfs_upper_sees_lower(void **state)
{
    struct fx *f = *state;
    vfs_put_file(&f->lower, "/etc/hostname", 0644, "lower\n", 6);
    const struct vfs_entry *e = vfs_lstat(&f->upper, "/etc/hostname");
    assert_non_null(e);
    assert_memory_equal(e->data, "lower\n", 6);
    assert_int_equal(vfs_layer_count(&f->upper), 0);
    /* a put in the upper layer shadows the lower one */
    vfs_put_file(&f->upper, "/etc/hostname", 0600, "upper\n", 6);
    assert_memory_equal(vfs_lstat(&f->upper, "/etc/hostname")->data, "upper",
                        5);
    assert_memory_equal(vfs_lstat(&f->lower, "/etc/hostname")->data, "lower",
                        5);
    /* /etc already existed below: only the file is in the upper layer */
    assert_int_equal(vfs_layer_count(&f->upper), 1);
}

static void test_vfs_remove_whiteout(void **state)
{
    struct fx *f = *state;
    vfs_put_file(&f->lower, "/etc/motd", 0644, "hi", 2);
    vfs_put_file(&f->lower, "/var/lib/x/a", 0644, "", 0);
    vfs_put_file(&f->lower, "/var/lib/x/b", 0644, "", 0);
    vfs_remove(&f->upper, "/etc/motd");
    assert_null(vfs_lstat(&f->upper, "/etc/motd"));
    assert_non_null(vfs_lstat(&f->lower, "/etc/motd"));
    assert_int_equal(stat_err(&f->upper, "/etc/motd", NULL), ENOENT);
    assert_int_equal(vfs_layer_count(&f->upper), 1); /* the whiteout */
    /* removing a directory hides everything below it */
    vfs_remove(&f->upper, "/var/lib/x");
    assert_null(vfs_lstat(&f->upper, "/var/lib/x/a"));
    assert_int_equal(stat_err(&f->upper, "/var/lib/x/b", NULL), ENOENT);
    check_list(&f->upper, "/var/lib", "", 0);
    check_list(&f->lower, "/var/lib/x", "a,b", 2);
    /* a directory made again is opaque: the old content stays hidden */
    vfs_mkdir_p(&f->upper, "/var/lib/x", 0755, 0, 0);
    vfs_put_file(&f->upper, "/var/lib/x/c", 0644, "", 0);
    check_list(&f->upper, "/var/lib/x", "c", 1);
    assert_null(vfs_lstat(&f->upper, "/var/lib/x/a"));
    /* removing what only the upper layer has leaves no whiteout */
    vfs_put_file(&f->upper, "/new", 0644, "", 0);
    size_t before = vfs_layer_count(&f->upper);
    vfs_remove(&f->upper, "/new");
    assert_null(vfs_lstat(&f->upper, "/new"));
    assert_int_equal(vfs_layer_count(&f->upper), before - 1);
    /* removing nothing, or the root, changes nothing */
    vfs_remove(&f->upper, "/does/not/exist");
    vfs_remove(&f->upper, "/");
    assert_int_equal(vfs_layer_count(&f->upper), before - 1);
    assert_non_null(vfs_lstat(&f->upper, "/etc"));
}

static void test_vfs_remove_then_put_file(void **state)
{
    struct fx *f = *state;
    vfs_put_file(&f->lower, "/f", 0644, "old", 3);
    vfs_remove(&f->upper, "/f");
    vfs_put_file(&f->upper, "/f", 0600, "new", 3);
    const struct vfs_entry *e = vfs_lstat(&f->upper, "/f");
    assert_non_null(e);
    assert_memory_equal(e->data, "new", 3);
    assert_int_equal(e->mode, 0600);
}

static void test_vfs_file_over_lower_dir_hides_it(void **state)
{
    struct fx *f = *state;
    vfs_put_file(&f->lower, "/data/db/file", 0644, "", 0);
    vfs_put_file(&f->upper, "/data", 0644, "now a file", 10);
    assert_null(vfs_lstat(&f->upper, "/data/db"));
    assert_int_equal(stat_err(&f->upper, "/data/db/file", NULL), ENOTDIR);
    /* and a directory over that file again does not resurrect them */
    vfs_mkdir_p(&f->upper, "/data", 0755, 0, 0);
    check_list(&f->upper, "/data", "", 0);
    assert_null(vfs_lstat(&f->upper, "/data/db"));
}

static void test_vfs_three_layers(void **state)
{
    struct fx *f = *state;
    struct vfs top;
    vfs_put_file(&f->lower, "/app/a", 0644, "", 0);
    vfs_put_file(&f->upper, "/app/b", 0644, "", 0);
    vfs_init(&top, &f->upper);
    vfs_put_file(&top, "/app/c", 0644, "", 0);
    vfs_remove(&top, "/app/a");
    check_list(&top, "/app", "b,c", 2);
    check_list(&f->upper, "/app", "a,b", 2);
    vfs_release(&top);
}

static void test_vfs_modify_copies_up(void **state)
{
    struct fx *f = *state;
    struct vfs_entry *low = vfs_put_file(&f->lower, "/usr/bin/env", 0755,
                                         "#!", 2);
    low->program = xstrdup("env");
    low->uid = 3;
    struct vfs_entry *up = vfs_modify(&f->upper, "/usr/bin/env");
    assert_non_null(up);
    assert_ptr_not_equal(up, low);
    assert_string_equal(up->program, "env");
    assert_memory_equal(up->data, "#!", 2);
    assert_int_equal(up->uid, 3);
    up->mode = 0700;
    up->uid = 0;
    assert_int_equal(vfs_lstat(&f->upper, "/usr/bin/env")->mode, 0700);
    assert_int_equal(vfs_lstat(&f->lower, "/usr/bin/env")->mode, 0755);
    assert_int_equal(low->uid, 3);
    /* once copied up, the same entry comes back */
    assert_ptr_equal(vfs_modify(&f->upper, "/usr/bin/env"), up);
    /* a copied-up directory still shows the lower children */
    vfs_put_file(&f->lower, "/usr/bin/ls", 0755, NULL, 0);
    vfs_modify(&f->upper, "/usr/bin")->mode = 0711;
    check_list(&f->upper, "/usr/bin", "env,ls", 2);
    assert_null(vfs_modify(&f->upper, "/missing"));
    /* in the top layer itself modify returns the entry */
    struct vfs_entry *own = vfs_put_file(&f->lower, "/own", 0644, "", 0);
    assert_ptr_equal(vfs_modify(&f->lower, "/own"), own);
}

static void test_vfs_list_merged_sorted(void **state)
{
    struct fx *f = *state;
    vfs_put_file(&f->lower, "/etc/passwd", 0644, "", 0);
    vfs_put_file(&f->lower, "/etc/group", 0644, "", 0);
    vfs_put_file(&f->lower, "/etc/hosts", 0644, "", 0);
    vfs_mkdir_p(&f->lower, "/etc/apt/sources.list.d", 0755, 0, 0);
    vfs_put_file(&f->upper, "/etc/Zebra", 0644, "", 0);
    vfs_put_file(&f->upper, "/etc/group", 0644, "", 0); /* shadows */
    vfs_remove(&f->upper, "/etc/hosts");
    check_list(&f->upper, "/etc", "Zebra,apt,group,passwd", 4);
    check_list(&f->lower, "/etc", "apt,group,hosts,passwd", 4);
    check_list(&f->upper, "/", "etc", 1);
    check_list(&f->upper, "/etc/passwd", "", 0); /* not a directory */
    check_list(&f->upper, "/missing", "", 0);

    /* fn can stop the walk; the count includes that child */
    struct names n = { SB_INIT, 2, 0 };
    assert_int_equal(vfs_list(&f->upper, "/etc", collect, &n), 2);
    assert_string_equal(n.s.buf, "Zebra,apt");
    sb_release(&n.s);

    /* a symlink to a directory lists the directory */
    vfs_put_symlink(&f->upper, "/conf", "etc/apt");
    check_list(&f->upper, "/conf", "sources.list.d", 1);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vfs_clean_path_like_go),
        T(test_vfs_put_file_creates_parents),
        T(test_vfs_root_always_exists),
        T(test_vfs_mkdir_p_keeps_existing),
        T(test_vfs_put_replaces),
        T(test_vfs_symlinks_resolve),
        T(test_vfs_stat_errors),
        T(test_vfs_forty_links_then_eloop),
        T(test_vfs_put_through_symlinked_dir),
        T(test_vfs_upper_sees_lower),
        T(test_vfs_remove_whiteout),
        T(test_vfs_remove_then_put_file),
        T(test_vfs_file_over_lower_dir_hides_it),
        T(test_vfs_three_layers),
        T(test_vfs_modify_copies_up),
        T(test_vfs_list_merged_sorted),
    };
#undef T
    return cmocka_run_group_tests_name("vfs", tests, NULL, NULL);
}
