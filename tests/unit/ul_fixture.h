/*
 * ul_fixture.h: a test fixture for the simulated userland: a catalogue
 * image's filesystem with a writable layer on top, and helpers that run
 * a program or `/bin/sh -c SCRIPT` in it as a RUN step would (to the
 * end, on the simulated clock), capturing stdout, stderr and the status.
 * Included by test_sh.c, test_userland.c and test_lifecycle.c.
 */
#ifndef UL_FIXTURE_H
#define UL_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "explain.h"
#include "imgconfig.h"
#include "sb.h"
#include "userland.h"
#include "vfs.h"
#include "xmalloc.h"

struct ulrun {
    struct vfs base, fs;
    struct sb out, err;
    struct explain_list ex;
    int status;
    struct image_config cfg;      /* the catalogue image's config */
    const char *env[24];          /* its Env, HOSTNAME, HOME, extras */
    size_t n_env;
    const char *cwd;
    unsigned uid, gid;
    bool tty;
};

static inline void ul_init(struct ulrun *r, const char *image)
{
    memset(r, 0, sizeof(*r));
    vfs_init(&r->base, NULL);
    const struct catalog_image *cat = catalog_find(image);
    if (cat)
        catalog_fs(cat, &r->base);
    vfs_init(&r->fs, &r->base);
    sb_init(&r->out);
    sb_init(&r->err);
    explain_init(&r->ex);
    image_config_init(&r->cfg);
    if (cat)
        catalog_config(cat, &r->cfg);
    /* the process environment as the daemon builds it (§2.3) */
    bool has_path = false;
    for (size_t i = 0; i < r->cfg.env.n; i++)
        if (strncmp(r->cfg.env.v[i], "PATH=", 5) == 0)
            has_path = true;
    if (!has_path)
        r->env[r->n_env++] = "PATH=" DEFAULT_PATH;
    for (size_t i = 0; i < r->cfg.env.n && r->n_env < 20; i++) {
        if (strncmp(r->cfg.env.v[i], "PATH=", 5) == 0) {
            r->env[r->n_env++] = r->cfg.env.v[i];
            r->env[r->n_env++] = "HOSTNAME=testhost";
        }
    }
    if (!has_path)
        r->env[r->n_env++] = "HOSTNAME=testhost";
    for (size_t i = 0; i < r->cfg.env.n && r->n_env < 20; i++)
        if (strncmp(r->cfg.env.v[i], "PATH=", 5) != 0)
            r->env[r->n_env++] = r->cfg.env.v[i];
    r->env[r->n_env++] = "HOME=/root";
    r->cwd = "/";
}

static inline void ul_release(struct ulrun *r)
{
    image_config_release(&r->cfg);
    vfs_release(&r->fs);
    vfs_release(&r->base);
    sb_release(&r->out);
    sb_release(&r->err);
    explain_release(&r->ex);
}

static inline void ul_clear(struct ulrun *r)
{
    sb_reset(&r->out);
    sb_reset(&r->err);
}

/* Run argv (NULL-terminated); argv[0] is looked up on the default PATH
 * unless it has a slash. Returns the status (USERLAND_RUNNING if it
 * never ends). Output accumulates in r->out / r->err. */
static inline int ul_exec(struct ulrun *r, const char *const *argv)
{
    size_t argc = 0;
    while (argv[argc])
        argc++;
    struct sb path = SB_INIT;
    const struct vfs_entry *e = NULL;
    if (strchr(argv[0], '/')) {
        vfs_clean_path(&path, r->cwd, argv[0]);
        e = vfs_stat(&r->fs, path.buf, NULL, NULL);
    } else {
        const char *d = DEFAULT_PATH;
        for (size_t i = 0; i < r->n_env; i++)
            if (strncmp(r->env[i], "PATH=", 5) == 0)
                d = r->env[i] + 5;
        while (!e && d) {
            const char *colon = strchr(d, ':');
            size_t dl = colon ? (size_t)(colon - d) : strlen(d);
            sb_reset(&path);
            sb_add(&path, d, dl);
            sb_addf(&path, "/%s", argv[0]);
            const struct vfs_entry *f = vfs_stat(&r->fs, path.buf, NULL, NULL);
            if (f && f->type == VFS_FILE)
                e = f;
            d = colon ? colon + 1 : NULL;
        }
    }
    if (!e) {
        sb_release(&path);
        r->status = 127;
        return 127;
    }
    struct uctx u;
    memset(&u, 0, sizeof(u));
    u.fs = &r->fs;
    u.env = (char *const *)r->env;
    u.n_env = r->n_env;
    u.cwd = r->cwd;
    u.uid = r->uid;
    u.gid = r->gid;
    u.hostname = "testhost";
    u.pid1 = true;
    u.tty = r->tty;
    u.out = &r->out;
    u.err = &r->err;
    u.explain = &r->ex;
    r->status = userland_exec(&u, path.buf, e, (char *const *)argv, argc);
    sb_release(&path);
    return r->status;
}

/* /bin/sh -c script */
static inline int ul_sh(struct ulrun *r, const char *script)
{
    const char *argv[] = { "/bin/sh", "-c", script, NULL };
    return ul_exec(r, argv);
}

static inline int ul_bash(struct ulrun *r, const char *script)
{
    const char *argv[] = { "bash", "-c", script, NULL };
    return ul_exec(r, argv);
}

/* Put a file into the image layer. */
static inline void ul_file(struct ulrun *r, const char *path, unsigned mode,
                           const char *text)
{
    vfs_put_file(&r->fs, path, mode, text, strlen(text));
}

#endif /* UL_FIXTURE_H */
