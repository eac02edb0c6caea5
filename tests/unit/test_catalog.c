#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "imgconfig.h"
#include "sb.h"
#include "vfs.h"
#include "xmalloc.h"

/*
 * The facts checked here come from /work/shared/reference/base-images.md
 * (the default tag of every image) and from the official Dockerfiles for
 * the other tags (see the comment at the top of catalog.c).
 */

/* An image as docksim would pull it: its row, config and filesystem. */
struct pulled {
    const struct catalog_image *row;
    struct image_config cfg;
    struct vfs fs;
};

static struct pulled *pull(const char *ref)
{
    struct pulled *p = xmalloc(sizeof(*p));
    p->row = catalog_find(ref);
    if (!p->row)
        fail_msg("catalog_find(\"%s\") found nothing", ref);
    image_config_init(&p->cfg);
    catalog_config(p->row, &p->cfg);
    vfs_init(&p->fs, NULL);
    catalog_fs(p->row, &p->fs);
    return p;
}

static void drop(struct pulled *p)
{
    image_config_release(&p->cfg);
    vfs_release(&p->fs);
    free(p);
}

static void check_list(const struct strlist *l, const char *const *want)
{
    size_t n = 0;
    while (want[n])
        n++;
    assert_true(l->set);
    assert_int_equal(l->n, n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(l->v[i], want[i]);
}

#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* The executable `name` would run as, looked up like runc does: an
 * absolute path as is, anything else in the image's PATH. */
static const struct vfs_entry *lookup_cmd(const struct pulled *p,
                                          const char *name)
{
    const char *path = image_config_getenv(&p->cfg, "PATH");
    struct sb full = SB_INIT;
    const struct vfs_entry *found = NULL;

    if (strchr(name, '/')) {
        found = vfs_stat(&p->fs, name, NULL, NULL);
    } else if (path) {
        const char *d = path;
        while (!found && *d) {
            const char *end = strchr(d, ':');
            size_t len = end ? (size_t)(end - d) : strlen(d);
            sb_reset(&full);
            sb_add(&full, d, len);
            sb_addch(&full, '/');
            sb_adds(&full, name);
            const struct vfs_entry *e = vfs_stat(&p->fs, full.buf, NULL, NULL);
            if (e && e->type == VFS_FILE && (e->mode & 0111))
                found = e;
            d = end ? end + 1 : d + len;
        }
    }
    sb_release(&full);
    if (found && (found->type != VFS_FILE || !(found->mode & 0111)))
        return NULL;
    return found;
}

/* The simulated program /bin/sh resolves to, or NULL. */
static const char *sh_program(const struct pulled *p)
{
    const struct vfs_entry *e = vfs_stat(&p->fs, "/bin/sh", NULL, NULL);
    return e ? e->program : NULL;
}

/* Is line (without its newline) a whole line of /etc/passwd? */
static bool has_passwd_line(const struct pulled *p, const char *line)
{
    const struct vfs_entry *e = vfs_lstat(&p->fs, "/etc/passwd");
    struct sb want = SB_INIT;
    bool ok = false;

    if (e && e->data) {
        sb_addch(&want, '\n');
        sb_adds(&want, line);
        sb_addch(&want, '\n');
        ok = strncmp(e->data, want.buf + 1, want.len - 1) == 0 ||
             strstr(e->data, want.buf) != NULL;
    }
    sb_release(&want);
    return ok;
}

/* catalog_find("repo:tag") */
static const struct catalog_image *find_tag(const char *repo, const char *tag)
{
    struct sb ref = SB_INIT;
    sb_addf(&ref, "%s:%s", repo, tag);
    const struct catalog_image *r = catalog_find(ref.buf);
    sb_release(&ref);
    return r;
}

/* A pulled image for a row (not through a reference). */
static struct pulled *pull_row(const struct catalog_image *r)
{
    struct pulled *p = xmalloc(sizeof(*p));
    p->row = r;
    image_config_init(&p->cfg);
    catalog_config(r, &p->cfg);
    vfs_init(&p->fs, NULL);
    catalog_fs(r, &p->fs);
    return p;
}

/* ----- the table itself -------------------------------------------- */

static void test_catalog_rows_are_complete(void **state)
{
    (void)state;
    static const char *const families[] = { "debian", "ubuntu", "alpine",
                                            "busybox", "oraclelinux",
                                            "scratch", NULL };
    assert_true(catalog_len >= 60);
    for (size_t i = 0; i < catalog_len; i++) {
        const struct catalog_image *r = &catalog[i];
        bool fam = false;
        assert_non_null(r->repo);
        assert_non_null(r->tags);
        assert_non_null(r->tags[0]);
        assert_non_null(r->resolves_to);
        assert_non_null(r->notes);
        assert_non_null(r->env);
        for (const char *const *f = families; *f; f++)
            fam = fam || strcmp(*f, r->family) == 0;
        assert_true(fam);
        /* every image has a PATH in its config */
        assert_true(strncmp(r->env[0], "PATH=/", 6) == 0);
        assert_true((r->sets == NULL) == (r->sh == SH_NONE));
        for (const char *const *t = r->tags; *t; t++)
            assert_ptr_equal(find_tag(r->repo, *t), r);
    }
}

static void test_catalog_tags_unique(void **state)
{
    (void)state;
    for (size_t i = 0; i < catalog_len; i++) {
        for (const char *const *t = catalog[i].tags; *t; t++) {
            for (const char *const *u = t + 1; *u; u++)
                assert_string_not_equal(*t, *u);
            for (size_t j = i + 1; j < catalog_len; j++) {
                if (strcmp(catalog[i].repo, catalog[j].repo) != 0)
                    continue;
                for (const char *const *u = catalog[j].tags; *u; u++)
                    if (strcmp(*t, *u) == 0)
                        fail_msg("%s:%s is in two rows", catalog[i].repo, *t);
            }
        }
    }
}

static void test_catalog_every_repo_has_latest(void **state)
{
    (void)state;
    static const char *const repos[] = {
        "scratch", "busybox", "alpine", "debian", "ubuntu", "python", "node",
        "nginx",   "redis",   "postgres", "golang", "ruby", "httpd", "mysql",
        NULL,
    };
    for (const char *const *r = repos; *r; r++) {
        const struct catalog_image *img = catalog_find(*r);
        assert_non_null(img);
        assert_string_equal(img->repo, *r);
        assert_string_equal(img->tags[0], "latest");
    }
}

static void check_set(const struct catalog_set *s)
{
    for (const struct catalog_file *f = s->files; f && f->path; f++) {
        assert_true(f->path[0] == '/');
        if (f->type == CF_LINK)
            assert_true(f->data && *f->data);
        if (f->program)
            assert_true(*f->program && f->type == CF_FILE);
    }
    for (const struct catalog_cmds *c = s->cmds; c && c->dir; c++) {
        assert_true(c->dir[0] == '/');
        assert_null(strchr(c->names, '/'));
        assert_true(*c->names);
    }
    for (const struct catalog_user *u = s->users; u && u->name; u++) {
        assert_true(u->home[0] == '/');
        assert_true(u->shell[0] == '/');
        assert_non_null(u->gecos);
    }
}

static void test_catalog_sets_well_formed(void **state)
{
    (void)state;
    for (size_t i = 0; i < catalog_len; i++)
        for (const struct catalog_set *const *s = catalog[i].sets; s && *s;
             s++)
            check_set(*s);
}

/* ----- references -------------------------------------------------- */

static void test_catalog_find_references(void **state)
{
    (void)state;
    const struct catalog_image *py = catalog_find("python");
    assert_non_null(py);
    assert_ptr_equal(catalog_find("python:latest"), py);
    assert_ptr_equal(catalog_find("library/python"), py);
    assert_ptr_equal(catalog_find("docker.io/python"), py);
    assert_ptr_equal(catalog_find("docker.io/library/python:latest"), py);
    assert_ptr_equal(catalog_find("index.docker.io/library/python"), py);
    assert_ptr_equal(catalog_find("python:3.14"), py);

    const struct catalog_image *n20a =
        catalog_find("docker.io/library/node:20-alpine");
    assert_non_null(n20a);
    assert_string_equal(n20a->repo, "node");
    assert_string_equal(n20a->family, "alpine");
    assert_ptr_equal(catalog_find("node:20-alpine"), n20a);
    assert_non_null(catalog_find("library/ubuntu:24.04"));
    assert_ptr_equal(catalog_find("ubuntu:noble"),
                     catalog_find("ubuntu:24.04"));
    assert_non_null(catalog_find("python:3.12-slim"));
    assert_non_null(catalog_find("ruby:3.2"));
    assert_non_null(catalog_find("redis:7"));
    assert_non_null(catalog_find("postgres:16"));
    assert_non_null(catalog_find("golang:1.22"));
    assert_non_null(catalog_find("busybox:musl"));
    assert_non_null(catalog_find("alpine:3.20"));
    assert_non_null(catalog_find("mysql:lts"));

    assert_null(catalog_find("Python"));          /* invalid: upper case */
    assert_null(catalog_find("python:nope"));
    assert_null(catalog_find("python:"));
    assert_null(catalog_find("python:3.12-SLIM")); /* tags are exact */
    assert_null(catalog_find("python@sha256:0123456789abcdef"));
    assert_null(catalog_find("python:3.12@sha256:0123"));
    assert_null(catalog_find("someuser/python"));
    assert_null(catalog_find("docker.io/someuser/python"));
    assert_null(catalog_find("ghcr.io/library/python"));
    assert_null(catalog_find("registry-1.docker.io/library/python"));
    assert_null(catalog_find("localhost/python"));
    assert_null(catalog_find("localhost:5000/python"));
    assert_null(catalog_find("does-not-exist-anywhere:latest"));
    assert_null(catalog_find(""));
    assert_null(catalog_find("-python"));
}

static void test_catalog_hint(void **state)
{
    (void)state;
    struct sb out = SB_INIT;
    sb_adds(&out, "> ");
    catalog_hint(&out);
    assert_string_equal(out.buf,
                        "> docksim knows these images: alpine, busybox, "
                        "debian, golang, httpd, mysql, nginx, node, postgres, "
                        "python, redis, ruby, ubuntu");
    sb_release(&out);
}

/* ----- configs of the default tags (base-images.md) ---------------- */

static void test_catalog_python_latest(void **state)
{
    (void)state;
    struct pulled *p = pull("python");
    assert_false(p->cfg.entrypoint.set);
    check_list(&p->cfg.cmd, LIST("python3"));
    check_list(&p->cfg.env,
               LIST("PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:"
                    "/usr/sbin:/usr/bin:/sbin:/bin",
                    "PYTHON_VERSION=3.14.7",
                    "PYTHON_SHA256=3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406"
                    "dd286e252c11a66be27f81"));
    assert_null(image_config_getenv(&p->cfg, "LANG"));
    assert_null(image_config_getenv(&p->cfg, "GPG_KEY"));
    assert_string_equal(p->cfg.working_dir, "");
    assert_int_equal(p->row->sh, SH_DASH);
    drop(p);

    /* older lines keep GPG_KEY, and LANG below 3.13 */
    p = pull("python:3.12");
    assert_string_equal(image_config_getenv(&p->cfg, "LANG"), "C.UTF-8");
    assert_string_equal(image_config_getenv(&p->cfg, "PYTHON_VERSION"),
                        "3.12.14");
    assert_non_null(image_config_getenv(&p->cfg, "GPG_KEY"));
    drop(p);
    p = pull("python:3.13-slim");
    assert_null(image_config_getenv(&p->cfg, "LANG"));
    assert_non_null(image_config_getenv(&p->cfg, "GPG_KEY"));
    drop(p);
}

static void test_catalog_node_latest(void **state)
{
    (void)state;
    struct pulled *p = pull("node");
    check_list(&p->cfg.entrypoint, LIST("docker-entrypoint.sh"));
    check_list(&p->cfg.cmd, LIST("node"));
    check_list(&p->cfg.env, LIST("PATH=" DEFAULT_PATH, "NODE_VERSION=26.7.0"));
    assert_int_equal(p->row->entry_script, ES_NODE);
    drop(p);
    p = pull("node:22");
    assert_string_equal(image_config_getenv(&p->cfg, "YARN_VERSION"),
                        "1.22.22");
    drop(p);
}

static void test_catalog_nginx_latest(void **state)
{
    (void)state;
    struct pulled *p = pull("nginx");
    check_list(&p->cfg.entrypoint, LIST("/docker-entrypoint.sh"));
    check_list(&p->cfg.cmd, LIST("nginx", "-g", "daemon off;"));
    check_list(&p->cfg.exposed_ports, LIST("80/tcp"));
    assert_string_equal(p->cfg.stop_signal, "SIGQUIT");
    assert_string_equal(image_config_getenv(&p->cfg, "PKG_RELEASE"),
                        "1~trixie");
    assert_int_equal(p->cfg.n_labels, 1);
    assert_string_equal(p->cfg.labels[0].key, "maintainer");
    assert_string_equal(p->cfg.labels[0].value,
                        "NGINX Docker Maintainers <docker-maint@nginx.com>");
    assert_int_equal(p->row->entry_script, ES_NGINX);
    drop(p);
}

static void test_catalog_redis(void **state)
{
    (void)state;
    struct pulled *p = pull("redis");
    check_list(&p->cfg.entrypoint, LIST("docker-entrypoint.sh"));
    check_list(&p->cfg.cmd, LIST("redis-server"));
    check_list(&p->cfg.env, LIST("PATH=" DEFAULT_PATH, "REDIS_VERSION=8.10.1"));
    assert_string_equal(p->cfg.working_dir, "/data");
    check_list(&p->cfg.exposed_ports, LIST("6379/tcp"));
    assert_int_equal(p->cfg.volumes.n, 0); /* none in 8.x */
    assert_null(image_config_getenv(&p->cfg, "GOSU_VERSION"));
    drop(p);
    p = pull("redis:7");
    check_list(&p->cfg.volumes, LIST("/data"));
    drop(p);
}

static void test_catalog_postgres(void **state)
{
    (void)state;
    struct pulled *p = pull("postgres");
    check_list(&p->cfg.entrypoint, LIST("docker-entrypoint.sh"));
    check_list(&p->cfg.cmd, LIST("postgres"));
    check_list(&p->cfg.volumes, LIST("/var/lib/postgresql"));
    check_list(&p->cfg.exposed_ports, LIST("5432/tcp"));
    assert_string_equal(p->cfg.stop_signal, "SIGINT");
    check_list(&p->cfg.env,
               LIST("PATH=" DEFAULT_PATH ":/usr/lib/postgresql/18/bin",
                    "GOSU_VERSION=1.19", "LANG=en_US.utf8", "PG_MAJOR=18",
                    "PG_VERSION=18.6-1.pgdg13+2",
                    "PGDATA=/var/lib/postgresql/18/docker"));
    drop(p);
    p = pull("postgres:17");
    check_list(&p->cfg.volumes, LIST("/var/lib/postgresql/data"));
    assert_string_equal(image_config_getenv(&p->cfg, "PGDATA"),
                        "/var/lib/postgresql/data");
    drop(p);
    p = pull("postgres:alpine");
    assert_string_equal(image_config_getenv(&p->cfg, "DOCKER_PG_LLVM_DEPS"),
                        "llvm21-dev \t\tclang21");
    drop(p);
}

static void test_catalog_golang_inherits_bash(void **state)
{
    (void)state;
    struct pulled *p = pull("golang");
    assert_false(p->cfg.entrypoint.set);
    check_list(&p->cfg.cmd, LIST("bash"));
    assert_string_equal(p->cfg.working_dir, "/go");
    check_list(&p->cfg.env,
               LIST("PATH=/go/bin:/usr/local/go/bin:" DEFAULT_PATH,
                    "GOLANG_VERSION=1.27.0", "GOTOOLCHAIN=local",
                    "GOPATH=/go"));
    drop(p);
    p = pull("golang:alpine");
    check_list(&p->cfg.cmd, LIST("/bin/sh"));
    drop(p);
}

static void test_catalog_httpd_mysql_ruby(void **state)
{
    (void)state;
    struct pulled *p = pull("httpd");
    assert_false(p->cfg.entrypoint.set);
    check_list(&p->cfg.cmd, LIST("httpd-foreground"));
    assert_string_equal(p->cfg.working_dir, "/usr/local/apache2");
    check_list(&p->cfg.exposed_ports, LIST("80/tcp"));
    assert_string_equal(p->cfg.stop_signal, "SIGWINCH");
    assert_string_equal(image_config_getenv(&p->cfg, "HTTPD_PATCHES"), "");
    assert_true(strncmp(image_config_getenv(&p->cfg, "PATH"),
                        "/usr/local/apache2/bin:", 23) == 0);
    drop(p);

    p = pull("mysql");
    check_list(&p->cfg.entrypoint, LIST("docker-entrypoint.sh"));
    check_list(&p->cfg.cmd, LIST("mysqld"));
    check_list(&p->cfg.exposed_ports, LIST("3306/tcp", "33060/tcp"));
    check_list(&p->cfg.volumes, LIST("/var/lib/mysql"));
    assert_string_equal(image_config_getenv(&p->cfg, "MYSQL_MAJOR"),
                        "innovation");
    assert_int_equal(p->row->sh, SH_BASH);
    drop(p);

    p = pull("ruby");
    check_list(&p->cfg.cmd, LIST("irb"));
    assert_string_equal(image_config_getenv(&p->cfg, "LANG"), "C.UTF-8");
    assert_string_equal(image_config_getenv(&p->cfg, "GEM_HOME"),
                        "/usr/local/bundle");
    assert_string_equal(image_config_getenv(&p->cfg, "BUNDLE_APP_CONFIG"),
                        "/usr/local/bundle");
    assert_true(strncmp(p->cfg.env.v[0], "PATH=/usr/local/bundle/bin:", 27) ==
                0);
    assert_null(lookup_cmd(p, "rails")); /* not preinstalled */
    drop(p);
    p = pull("ruby:3.2");
    assert_string_equal(image_config_getenv(&p->cfg, "RUBY_VERSION"), "3.2.9");
    drop(p);
}

static void test_catalog_os_images(void **state)
{
    (void)state;
    struct pulled *p = pull("debian");
    assert_true(p->cfg.entrypoint.set); /* [] */
    assert_int_equal(p->cfg.entrypoint.n, 0);
    check_list(&p->cfg.cmd, LIST("bash"));
    check_list(&p->cfg.env, LIST("PATH=" DEFAULT_PATH));
    struct sb json = SB_INIT;
    image_config_to_json(&json, &p->cfg, 0);
    assert_null(strstr(json.buf, "Entrypoint")); /* omitempty */
    sb_release(&json);
    drop(p);

    p = pull("ubuntu");
    assert_false(p->cfg.entrypoint.set);
    check_list(&p->cfg.cmd, LIST("/bin/bash"));
    assert_int_equal(p->cfg.n_labels, 2);
    assert_string_equal(p->cfg.labels[0].key,
                        "org.opencontainers.image.ref.name");
    assert_string_equal(p->cfg.labels[0].value, "ubuntu");
    assert_string_equal(p->cfg.labels[1].key,
                        "org.opencontainers.image.version");
    assert_string_equal(p->cfg.labels[1].value, "26.04");
    drop(p);

    p = pull("alpine");
    check_list(&p->cfg.cmd, LIST("/bin/sh"));
    check_list(&p->cfg.env, LIST("PATH=" DEFAULT_PATH));
    drop(p);

    p = pull("busybox");
    check_list(&p->cfg.cmd, LIST("sh"));
    check_list(&p->cfg.env, LIST("PATH=" DEFAULT_PATH));
    drop(p);
}

static void test_catalog_scratch(void **state)
{
    (void)state;
    struct pulled *p = pull("scratch");
    assert_int_equal(p->row->sh, SH_NONE);
    assert_false(p->cfg.entrypoint.set);
    assert_false(p->cfg.cmd.set);
    check_list(&p->cfg.env, LIST("PATH=" DEFAULT_PATH));
    assert_int_equal(vfs_layer_count(&p->fs), 0);
    assert_null(vfs_lstat(&p->fs, "/bin/sh"));
    drop(p);
}

/* ----- filesystems ------------------------------------------------- */

static void test_catalog_shells(void **state)
{
    (void)state;
    struct pulled *p = pull("alpine");
    assert_null(vfs_stat(&p->fs, "/bin/bash", NULL, NULL));
    const struct vfs_entry *sh = vfs_lstat(&p->fs, "/bin/sh");
    assert_int_equal(sh->type, VFS_SYMLINK);
    assert_string_equal(sh->target, "/bin/busybox");
    assert_string_equal(sh_program(p), "busybox");
    drop(p);

    p = pull("debian");
    struct sb real = SB_INIT;
    const struct vfs_entry *e = vfs_stat(&p->fs, "/bin/sh", NULL, &real);
    assert_non_null(e);
    assert_string_equal(e->program, "dash");
    assert_string_equal(real.buf, "/usr/bin/dash");
    e = vfs_stat(&p->fs, "/bin/bash", NULL, &real);
    assert_string_equal(e->program, "bash");
    assert_string_equal(real.buf, "/usr/bin/bash");
    sb_release(&real);
    drop(p);

    p = pull("busybox");
    sh = vfs_lstat(&p->fs, "/bin/sh");
    assert_int_equal(sh->type, VFS_FILE); /* a hard link, not a symlink */
    assert_string_equal(sh->program, "busybox");
    assert_null(vfs_stat(&p->fs, "/bin/bash", NULL, NULL));
    drop(p);

    p = pull("mysql");
    assert_string_equal(sh_program(p), "bash");
    drop(p);
}

static void test_catalog_sh_matches_row(void **state)
{
    (void)state;
    for (size_t i = 0; i < catalog_len; i++) {
        const struct catalog_image *r = &catalog[i];
        struct pulled *p = pull_row(r);
        const char *prog = sh_program(p);
        switch (r->sh) {
        case SH_NONE:
            assert_null(prog);
            break;
        case SH_DASH:
            assert_string_equal(prog, "dash");
            break;
        case SH_ASH:
            assert_string_equal(prog, "busybox");
            break;
        case SH_BASH:
            assert_string_equal(prog, "bash");
            break;
        }
        /* bash where the distribution has it */
        bool want_bash = strcmp(r->family, "debian") == 0 ||
                         strcmp(r->family, "ubuntu") == 0 ||
                         strcmp(r->family, "oraclelinux") == 0;
        const struct vfs_entry *bash = vfs_stat(&p->fs, "/bin/bash", NULL,
                                                NULL);
        if (want_bash)
            assert_non_null(bash);
        else if (strcmp(r->repo, "postgres") != 0) /* alpine pg adds bash */
            assert_null(bash);
        drop(p);
    }
}

/* Whatever ENTRYPOINT[0] or CMD[0] names must be runnable in the image. */
static void test_catalog_default_command_runs(void **state)
{
    (void)state;
    for (size_t i = 0; i < catalog_len; i++) {
        const struct catalog_image *r = &catalog[i];
        if (r->sh == SH_NONE)
            continue;
        struct pulled *p = pull_row(r);
        const char *first = p->cfg.entrypoint.n ? p->cfg.entrypoint.v[0]
                                                : p->cfg.cmd.v[0];
        const struct vfs_entry *e = lookup_cmd(p, first);
        if (!e)
            fail_msg("%s:%s: '%s' is not on PATH", r->repo, r->tags[0],
                     first);
        assert_non_null(e->program);
        /* the server an entrypoint script starts is there too */
        if (p->cfg.entrypoint.n && p->cfg.cmd.n) {
            e = lookup_cmd(p, p->cfg.cmd.v[0]);
            if (!e)
                fail_msg("%s:%s: '%s' is not on PATH", r->repo, r->tags[0],
                         p->cfg.cmd.v[0]);
        }
        if (p->cfg.working_dir[0]) {
            e = vfs_stat(&p->fs, p->cfg.working_dir, NULL, NULL);
            assert_non_null(e);
            assert_int_equal(e->type, VFS_DIR);
        }
        drop(p);
    }
}

/* Walk the whole tree: every script's interpreter exists in the image,
 * every path is absolute, every symlink resolves (except the /dev ones). */
struct walk {
    const struct vfs *fs;
    const char *image;
    size_t files;
};

static int walk_fn(const struct vfs_entry *e, void *ctx)
{
    struct walk *w = ctx;
    assert_true(e->path[0] == '/');
    w->files++;
    if (e->type == VFS_DIR) {
        vfs_list(w->fs, e->path, walk_fn, w);
    } else if (e->type == VFS_SYMLINK) {
        if (strncmp(e->target, "/dev/", 5) != 0 &&
            !vfs_stat(w->fs, e->path, NULL, NULL))
            fail_msg("%s: dangling symlink %s -> %s", w->image, e->path,
                     e->target);
    } else if (e->data && strncmp(e->data, "#!", 2) == 0) {
        char interp[128];
        size_t n = strcspn(e->data + 2, " \n");
        assert_true(n < sizeof(interp));
        memcpy(interp, e->data + 2, n);
        interp[n] = '\0';
        const struct vfs_entry *i = vfs_stat(w->fs, interp, NULL, NULL);
        if (!i || !i->program)
            fail_msg("%s: %s needs %s", w->image, e->path, interp);
        assert_true(e->mode & 0111);
        /* "#!/usr/bin/env node": node must be on PATH too */
        if (strcmp(interp, "/usr/bin/env") == 0 &&
            strncmp(e->data + 2 + n, " node", 5) == 0)
            assert_non_null(vfs_stat(w->fs, "/usr/local/bin/node", NULL, NULL));
    }
    return 0;
}

static void test_catalog_tree_consistent(void **state)
{
    (void)state;
    for (size_t i = 0; i < catalog_len; i++) {
        const struct catalog_image *r = &catalog[i];
        struct vfs fs;
        vfs_init(&fs, NULL);
        catalog_fs(r, &fs);
        struct walk w = { &fs, r->repo, 0 };
        vfs_list(&fs, "/", walk_fn, &w);
        assert_int_equal(w.files, vfs_layer_count(&fs));
        vfs_release(&fs);
    }
}

/* /etc/passwd and /etc/group: root, and every primary group exists. */
static void test_catalog_users_and_groups(void **state)
{
    (void)state;
    for (size_t i = 0; i < catalog_len; i++) {
        const struct catalog_image *r = &catalog[i];
        if (r->sh == SH_NONE)
            continue;
        struct vfs fs;
        vfs_init(&fs, NULL);
        catalog_fs(r, &fs);
        const struct vfs_entry *pw = vfs_lstat(&fs, "/etc/passwd");
        const struct vfs_entry *gr = vfs_lstat(&fs, "/etc/group");
        assert_non_null(pw);
        assert_non_null(gr);
        assert_int_equal(pw->mode, 0644);
        assert_true(strncmp(pw->data, "root:x:0:0:root:/root:", 22) == 0);
        assert_true(strncmp(gr->data, "root:x:0:", 9) == 0);
        const char *line = pw->data;
        while (*line) {
            char name[64], gecos[128], home[128], shell[128];
            unsigned uid, gid;
            const char *end = strchr(line, '\n');
            assert_non_null(end);
            int got = sscanf(line,
                             "%63[^:]:x:%u:%u:%127[^:]:%127[^:]:%127[^\n]",
                             name, &uid, &gid, gecos, home, shell);
            if (got != 6) /* an empty gecos */
                got = sscanf(line, "%63[^:]:x:%u:%u::%127[^:]:%127[^\n]",
                             name, &uid, &gid, home, shell) + 1;
            assert_int_equal(got, 6);
            char want[32];
            snprintf(want, sizeof(want), ":x:%u:", gid);
            if (!strstr(gr->data, want))
                fail_msg("%s: group %u of %s missing", r->repo, gid, name);
            line = end + 1;
        }
        vfs_release(&fs);
    }
}

static void test_catalog_debian_commands(void **state)
{
    (void)state;
    struct pulled *p = pull("debian:trixie-slim");
    static const char *const present[] = {
        "env", "echo", "printf", "cat", "ls", "sleep", "true", "false", "id",
        "whoami", "hostname", "pwd", "mkdir", "chmod", "chown", "cp", "mv",
        "rm", "ln", "touch", "test", "[", "uname", "date", "grep", "sed",
        "sort", "head", "tail", "apt-get", "apt", "dpkg", "bash", "sh",
        "awk", "useradd", "setpriv", "su", "kill", NULL,
    };
    for (const char *const *c = present; *c; c++)
        if (!lookup_cmd(p, *c))
            fail_msg("debian: '%s' missing", *c);
    const struct vfs_entry *which = lookup_cmd(p, "which");
    assert_non_null(which);
    assert_string_equal(which->path, "/usr/bin/which");
    assert_string_equal(lookup_cmd(p, "env")->program, "env");
    assert_null(lookup_cmd(p, "ps")); /* no procps */
    assert_null(lookup_cmd(p, "curl"));
    assert_null(lookup_cmd(p, "wget"));
    assert_null(lookup_cmd(p, "apk"));
    assert_null(lookup_cmd(p, "python3"));
    assert_true(has_passwd_line(p, "www-data:x:33:33:www-data:/var/www:"
                                   "/usr/sbin/nologin"));
    assert_true(has_passwd_line(p, "nobody:x:65534:65534:nobody:"
                                   "/nonexistent:/usr/sbin/nologin"));
    const struct vfs_entry *os = vfs_stat(&p->fs, "/etc/os-release", NULL,
                                          NULL);
    assert_non_null(os);
    assert_non_null(strstr(os->data, "VERSION_CODENAME=trixie\n"));
    assert_int_equal(vfs_lstat(&p->fs, "/tmp")->mode, 01777);
    assert_int_equal(vfs_lstat(&p->fs, "/root")->mode, 0700);
    drop(p);

    p = pull("debian:bookworm");
    os = vfs_stat(&p->fs, "/etc/debian_version", NULL, NULL);
    assert_memory_equal(os->data, "12.15\n", 6);
    drop(p);
}

static void test_catalog_alpine_commands(void **state)
{
    (void)state;
    struct pulled *p = pull("alpine");
    static const char *const applets[] = {
        "env", "echo", "printf", "cat", "ls", "sleep", "true", "false", "id",
        "whoami", "hostname", "pwd", "mkdir", "chmod", "chown", "cp", "mv",
        "rm", "ln", "touch", "test", "[", "uname", "date", "which", "grep",
        "sed", "sort", "head", "tail", "ps", "wget", "sh", "vi", NULL,
    };
    for (const char *const *c = applets; *c; c++) {
        const struct vfs_entry *e = lookup_cmd(p, *c);
        if (!e)
            fail_msg("alpine: '%s' missing", *c);
        assert_string_equal(e->program, "busybox");
    }
    struct sb real = SB_INIT;
    assert_non_null(vfs_stat(&p->fs, "/usr/bin/wget", NULL, &real));
    assert_string_equal(real.buf, "/bin/busybox");
    sb_release(&real);
    assert_string_equal(lookup_cmd(p, "apk")->program, "apk");
    assert_null(lookup_cmd(p, "curl"));
    assert_null(lookup_cmd(p, "bash"));
    assert_null(lookup_cmd(p, "apt-get"));
    assert_true(has_passwd_line(p, "root:x:0:0:root:/root:/bin/sh"));
    assert_true(has_passwd_line(p, "nobody:x:65534:65534:nobody:/:"
                                   "/sbin/nologin"));
    const struct vfs_entry *rel = vfs_stat(&p->fs, "/etc/alpine-release",
                                           NULL, NULL);
    assert_memory_equal(rel->data, "3.24.1\n", 7);
    drop(p);
}

static void test_catalog_busybox_users(void **state)
{
    (void)state;
    struct pulled *p = pull("busybox");
    /* `docker run -u 65534 busybox id`: uid=65534(nobody) gid=65534(nogroup) */
    assert_true(has_passwd_line(p, "nobody:x:65534:65534:nobody:/home:"
                                   "/bin/false"));
    const struct vfs_entry *gr = vfs_lstat(&p->fs, "/etc/group");
    assert_non_null(strstr(gr->data, "\nnogroup:x:65534:\n"));
    assert_non_null(lookup_cmd(p, "id"));
    assert_non_null(vfs_stat(&p->fs, "/usr/bin/env", NULL, NULL));
    assert_non_null(vfs_stat(&p->fs, "/home", NULL, NULL));
    drop(p);
}

static void test_catalog_runtime_images(void **state)
{
    (void)state;
    struct pulled *p = pull("python");
    static const char *const py[] = { "python3", "python", "pip", "pip3",
                                      "curl", "wget", "git", "ps", "gcc",
                                      "make", NULL };
    for (const char *const *c = py; *c; c++)
        if (!lookup_cmd(p, *c))
            fail_msg("python: '%s' missing", *c);
    struct sb real = SB_INIT;
    const struct vfs_entry *e = vfs_stat(&p->fs, "/usr/local/bin/python", NULL,
                                         &real);
    assert_string_equal(e->program, "python3");
    assert_string_equal(real.buf, "/usr/local/bin/python3.14");
    sb_release(&real);
    drop(p);

    p = pull("python:3.12-slim");
    assert_non_null(lookup_cmd(p, "python3"));
    assert_null(lookup_cmd(p, "curl"));
    assert_null(lookup_cmd(p, "gcc"));
    drop(p);

    p = pull("python:3.12-alpine");
    assert_null(lookup_cmd(p, "bash"));
    assert_string_equal(sh_program(p), "busybox");
    assert_non_null(lookup_cmd(p, "pip"));
    drop(p);

    p = pull("node:20-alpine");
    assert_int_equal(p->row->sh, SH_ASH);
    assert_null(lookup_cmd(p, "bash"));
    assert_string_equal(sh_program(p), "busybox");
    assert_string_equal(lookup_cmd(p, "node")->program, "node");
    assert_string_equal(lookup_cmd(p, "npm")->program, "npm");
    assert_non_null(lookup_cmd(p, "yarn"));
    assert_true(has_passwd_line(p, "node:x:1000:1000:Linux User,,,:"
                                   "/home/node:/bin/sh"));
    drop(p);

    p = pull("node");
    assert_null(lookup_cmd(p, "yarn")); /* gone since Node 25 */
    assert_non_null(lookup_cmd(p, "npx"));
    assert_true(has_passwd_line(p, "node:x:1000:1000::/home/node:/bin/bash"));
    e = vfs_lstat(&p->fs, "/home/node");
    assert_int_equal(e->uid, 1000);
    e = lookup_cmd(p, "docker-entrypoint.sh");
    assert_string_equal(e->path, "/usr/local/bin/docker-entrypoint.sh");
    assert_string_equal(e->program, "docker-entrypoint:node");
    assert_int_equal(e->mode, 0755);
    assert_true(strncmp(e->data, "#!/bin/sh\n", 10) == 0);
    drop(p);

    p = pull("nginx");
    e = vfs_lstat(&p->fs, "/docker-entrypoint.sh");
    assert_string_equal(e->program, "docker-entrypoint:nginx");
    assert_true(strncmp(e->data, "#!/bin/sh\n", 10) == 0);
    assert_non_null(vfs_lstat(&p->fs, "/docker-entrypoint.d/"
                                      "20-envsubst-on-templates.sh"));
    assert_string_equal(lookup_cmd(p, "nginx")->path, "/usr/sbin/nginx");
    assert_non_null(lookup_cmd(p, "envsubst"));
    assert_true(has_passwd_line(p, "nginx:x:101:101:nginx user:/nonexistent:"
                                   "/bin/false"));
    assert_non_null(vfs_stat(&p->fs, "/usr/share/nginx/html/index.html", NULL,
                             NULL));
    drop(p);

    p = pull("redis");
    assert_non_null(lookup_cmd(p, "redis-server"));
    assert_non_null(lookup_cmd(p, "redis-cli"));
    assert_non_null(lookup_cmd(p, "setpriv"));
    assert_null(lookup_cmd(p, "gosu"));
    e = vfs_lstat(&p->fs, "/data");
    assert_int_equal(e->uid, 999);
    assert_true(has_passwd_line(p, "redis:x:999:999::/home/redis:/bin/sh"));
    drop(p);

    p = pull("postgres");
    assert_non_null(lookup_cmd(p, "gosu"));
    assert_string_equal(lookup_cmd(p, "postgres")->path,
                        "/usr/lib/postgresql/18/bin/postgres");
    assert_string_equal(lookup_cmd(p, "initdb")->program, "initdb");
    assert_string_equal(lookup_cmd(p, "psql")->program, "pg_wrapper");
    assert_true(has_passwd_line(p, "postgres:x:999:999::/var/lib/postgresql:"
                                   "/bin/bash"));
    drop(p);

    p = pull("mysql");
    assert_non_null(lookup_cmd(p, "mysqld"));
    assert_non_null(lookup_cmd(p, "mysql"));
    assert_non_null(lookup_cmd(p, "microdnf"));
    assert_null(lookup_cmd(p, "apt-get"));
    assert_true(has_passwd_line(p, "mysql:x:999:999::/var/lib/mysql:"
                                   "/bin/bash"));
    drop(p);

    p = pull("golang");
    assert_string_equal(lookup_cmd(p, "go")->path, "/usr/local/go/bin/go");
    assert_non_null(lookup_cmd(p, "gcc"));
    assert_non_null(lookup_cmd(p, "git"));
    drop(p);

    p = pull("httpd");
    e = lookup_cmd(p, "httpd-foreground");
    assert_true(strncmp(e->data, "#!/bin/sh\n", 10) == 0);
    assert_string_equal(lookup_cmd(p, "httpd")->path,
                        "/usr/local/apache2/bin/httpd");
    drop(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_catalog_rows_are_complete),
        cmocka_unit_test(test_catalog_tags_unique),
        cmocka_unit_test(test_catalog_every_repo_has_latest),
        cmocka_unit_test(test_catalog_sets_well_formed),
        cmocka_unit_test(test_catalog_find_references),
        cmocka_unit_test(test_catalog_hint),
        cmocka_unit_test(test_catalog_python_latest),
        cmocka_unit_test(test_catalog_node_latest),
        cmocka_unit_test(test_catalog_nginx_latest),
        cmocka_unit_test(test_catalog_redis),
        cmocka_unit_test(test_catalog_postgres),
        cmocka_unit_test(test_catalog_golang_inherits_bash),
        cmocka_unit_test(test_catalog_httpd_mysql_ruby),
        cmocka_unit_test(test_catalog_os_images),
        cmocka_unit_test(test_catalog_scratch),
        cmocka_unit_test(test_catalog_shells),
        cmocka_unit_test(test_catalog_sh_matches_row),
        cmocka_unit_test(test_catalog_default_command_runs),
        cmocka_unit_test(test_catalog_tree_consistent),
        cmocka_unit_test(test_catalog_users_and_groups),
        cmocka_unit_test(test_catalog_debian_commands),
        cmocka_unit_test(test_catalog_alpine_commands),
        cmocka_unit_test(test_catalog_busybox_users),
        cmocka_unit_test(test_catalog_runtime_images),
    };
    return cmocka_run_group_tests_name("catalog", tests, NULL, NULL);
}
