/*
 * prog_files.c: file utilities on the simulated filesystem (GNU and
 * BusyBox flavours): ls, mkdir, rmdir, rm, cp, mv, touch, ln, chmod,
 * chown, chgrp, stat, readlink, realpath, find.
 */
#include "prog_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sh.h"
#include "vfs.h"
#include "xmalloc.h"

static const char *etext(int err)
{
    switch (err) {
    case ENOENT:
        return "No such file or directory";
    case EACCES:
        return "Permission denied";
    case EISDIR:
        return "Is a directory";
    case ENOTDIR:
        return "Not a directory";
    case EROFS:
        return "Read-only file system";
    case EEXIST:
        return "File exists";
    case ENOTEMPTY:
        return "Directory not empty";
    case EPERM:
        return "Operation not permitted";
    case ELOOP:
        return "Too many levels of symbolic links";
    default:
        return "Input/output error";
    }
}

/* Options as letters; the rest in files. */
static int args_split(struct proc *p, char **files, struct sb *opts)
{
    int n = 0;
    bool end = false;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (!end && strcmp(a, "--") == 0) {
            end = true;
            continue;
        }
        if (!end && a[0] == '-' && a[1]) {
            if (a[1] == '-') {
                /* a few long options */
                if (strcmp(a, "--recursive") == 0)
                    sb_addch(opts, 'r');
                else if (strcmp(a, "--force") == 0)
                    sb_addch(opts, 'f');
                else if (strcmp(a, "--parents") == 0)
                    sb_addch(opts, 'p');
                else if (strcmp(a, "--symbolic") == 0)
                    sb_addch(opts, 's');
                else if (strcmp(a, "--archive") == 0)
                    sb_addch(opts, 'a');
                else if (strcmp(a, "--verbose") == 0)
                    sb_addch(opts, 'v');
                else if (strcmp(a, "--all") == 0)
                    sb_addch(opts, 'a');
                else if (strcmp(a, "--no-preserve-root") == 0)
                    sb_addch(opts, '\2');
                continue;
            }
            sb_adds(opts, a + 1);
            continue;
        }
        files[n++] = a;
    }
    return n;
}

static bool has(const struct sb *opts, char c)
{
    return memchr(opts->buf, c, opts->len) != NULL;
}

/* The directory part of an absolute path ("/" for "/x"). */
static char *dir_of(const char *abs)
{
    const char *s = strrchr(abs, '/');
    if (!s || s == abs)
        return xstrdup("/");
    return xmemdup0(abs, (size_t)(s - abs));
}

static const char *base_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Can p create or remove entries in the directory containing abs? */
static int parent_writable(struct pns *ns, struct proc *p, const char *abs)
{
    char *dir = dir_of(abs);
    int err = 0;
    const struct vfs_entry *d = ufs_stat(ns, p, dir, true, &err);
    free(dir);
    if (!d)
        return err ? err : ENOENT;
    if (d->type != VFS_DIR)
        return ENOTDIR;
    return ufs_may_write(ns, p, d);
}

/* ===================================================================== */
/* ls                                                                    */
/* ===================================================================== */

static void mode_string(const struct vfs_entry *e, char out[11])
{
    out[0] = e->type == VFS_DIR ? 'd' : e->type == VFS_SYMLINK ? 'l' : '-';
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++)
        out[1 + i] = (e->mode & (0400u >> i)) ? rwx[i] : '-';
    if (e->mode & 04000)
        out[3] = out[3] == 'x' ? 's' : 'S';
    if (e->mode & 02000)
        out[6] = out[6] == 'x' ? 's' : 'S';
    if (e->mode & 01000)
        out[9] = out[9] == 'x' ? 't' : 'T';
    out[10] = '\0';
}

struct lsent {
    char *name;          /* as shown */
    char *path;          /* absolute */
    struct vfs_entry e;  /* a copy of the entry's metadata */
    char *target;
    size_t nlink;
};

static void lsent_free(struct lsent *l)
{
    free(l->name);
    free(l->path);
    free(l->target);
}

static size_t count_subdirs(struct pns *ns, struct proc *p, const char *path)
{
    struct strlist names;
    strlist_init(&names);
    size_t n = 0;
    if (ufs_list(ns, p, path, &names) == 0)
        for (size_t i = 0; i < names.n; i++) {
            struct sb c = SB_INIT;
            sb_addf(&c, "%s/%s", strcmp(path, "/") == 0 ? "" : path, names.v[i]);
            int err;
            const struct vfs_entry *e = ufs_stat(ns, p, c.buf, false, &err);
            if (e && e->type == VFS_DIR)
                n++;
            sb_release(&c);
        }
    strlist_release(&names);
    return n;
}

static bool lsent_load(struct pns *ns, struct proc *p, const char *path,
                       const char *shown, bool follow, struct lsent *l)
{
    int err;
    const struct vfs_entry *e = ufs_stat(ns, p, path, follow, &err);
    if (!e)
        return false;
    memset(l, 0, sizeof(*l));
    l->e = *e;
    l->e.path = NULL;
    l->e.data = NULL;
    l->e.program = NULL;
    l->e.target = NULL;
    l->target = e->target ? xstrdup(e->target) : NULL;
    l->name = xstrdup(shown);
    struct sb abs = SB_INIT;
    proc_path(p, path, &abs);
    l->path = sb_detach(&abs, NULL);
    l->nlink = e->type == VFS_DIR ? 2 + count_subdirs(ns, p, l->path) : 1;
    return true;
}

static void ls_long(struct pns *ns, struct proc *p, struct lsent *v, size_t n,
                    bool human)
{
    size_t wl = 1, wu = 1, wg = 1, ws = 1;
    char **un = xcalloc(n + 1, sizeof(*un)), **gn = xcalloc(n + 1, sizeof(*gn));
    char **sz = xcalloc(n + 1, sizeof(*sz));
    for (size_t i = 0; i < n; i++) {
        un[i] = ufs_user_name(ns, v[i].e.uid);
        if (!un[i]) {
            struct sb b = SB_INIT;
            sb_addf(&b, "%u", v[i].e.uid);
            un[i] = sb_detach(&b, NULL);
        }
        gn[i] = ufs_group_name(ns, v[i].e.gid);
        if (!gn[i]) {
            struct sb b = SB_INIT;
            sb_addf(&b, "%u", v[i].e.gid);
            gn[i] = sb_detach(&b, NULL);
        }
        size_t size = v[i].e.type == VFS_DIR       ? 4096
                      : v[i].e.type == VFS_SYMLINK ? (v[i].target ? strlen(v[i].target) : 0)
                                                   : v[i].e.len;
        struct sb b = SB_INIT;
        if (human && size >= 1024)
            sb_addf(&b, "%.1fK", (double)size / 1024);
        else
            sb_addf(&b, "%zu", size);
        sz[i] = sb_detach(&b, NULL);
        char nl[32];
        snprintf(nl, sizeof(nl), "%zu", v[i].nlink);
        if (strlen(nl) > wl)
            wl = strlen(nl);
        if (strlen(un[i]) > wu)
            wu = strlen(un[i]);
        if (strlen(gn[i]) > wg)
            wg = strlen(gn[i]);
        if (strlen(sz[i]) > ws)
            ws = strlen(sz[i]);
    }
    time_t t = (time_t)(ns->start_ms / 1000);
    struct tm tm;
    gmtime_r(&t, &tm);
    char when[32];
    strftime(when, sizeof(when), "%b %e %H:%M", &tm);
    for (size_t i = 0; i < n; i++) {
        char m[11];
        mode_string(&v[i].e, m);
        struct sb line = SB_INIT;
        if (is_bb(p))
            sb_addf(&line, "%s %4zu %-8s %-8s %9s %s %s", m, v[i].nlink,
                    un[i], gn[i], sz[i], when, v[i].name);
        else
            sb_addf(&line, "%s %*zu %-*s %-*s %*s %s %s", m, (int)wl,
                    v[i].nlink, (int)wu, un[i], (int)wg, gn[i], (int)ws,
                    sz[i], when, v[i].name);
        if (v[i].e.type == VFS_SYMLINK && v[i].target)
            sb_addf(&line, " -> %s", v[i].target);
        pout(ns, p, "%s\n", line.buf);
        sb_release(&line);
        free(un[i]);
        free(gn[i]);
        free(sz[i]);
    }
    free(un);
    free(gn);
    free(sz);
}

static void ls_dir(struct pns *ns, struct proc *p, const char *path,
                   const struct sb *opts, bool header, bool first,
                   int *rc);

static void ls_print(struct pns *ns, struct proc *p, struct lsent *v,
                     size_t n, const struct sb *opts)
{
    if (has(opts, 'l') || has(opts, 'n')) {
        ls_long(ns, p, v, n, has(opts, 'h'));
        return;
    }
    bool classify = has(opts, 'F');
    /* not a terminal: one name per line (as with docker run, no -t) */
    bool columns = ns->tty && !has(opts, '1');
    struct sb line = SB_INIT;
    for (size_t i = 0; i < n; i++) {
        const char *suffix = "";
        if (classify)
            suffix = v[i].e.type == VFS_DIR       ? "/"
                     : v[i].e.type == VFS_SYMLINK ? "@"
                     : (v[i].e.mode & 0111)       ? "*"
                                                  : "";
        if (columns) {
            sb_addf(&line, "%s%s%s", i ? "  " : "", v[i].name, suffix);
        } else {
            pout(ns, p, "%s%s\n", v[i].name, suffix);
        }
    }
    if (columns && n)
        pout(ns, p, "%s\n", line.buf);
    sb_release(&line);
}

static void ls_dir(struct pns *ns, struct proc *p, const char *path,
                   const struct sb *opts, bool header, bool first, int *rc)
{
    struct strlist names;
    strlist_init(&names);
    int err = ufs_list(ns, p, path, &names);
    if (err) {
        if (is_bb(p))
            perr(ns, p, "can't open '%s': %s", path, etext(err));
        else
            perr(ns, p, "cannot open directory '%s': %s", path, etext(err));
        *rc = 2;
        strlist_release(&names);
        return;
    }
    if (header)
        pout(ns, p, "%s%s:\n", first ? "" : "\n", path);
    bool all = has(opts, 'a'), almost = has(opts, 'A');
    struct lsent *v = xcalloc(names.n + 3, sizeof(*v));
    size_t n = 0;
    if (all) {
        if (lsent_load(ns, p, path, ".", true, &v[n]))
            n++;
        struct sb up = SB_INIT;
        sb_addf(&up, "%s/..", path);
        if (lsent_load(ns, p, up.buf, "..", true, &v[n]))
            n++;
        sb_release(&up);
    }
    for (size_t i = 0; i < names.n; i++) {
        if (names.v[i][0] == '.' && !all && !almost)
            continue;
        struct sb c = SB_INIT;
        sb_addf(&c, "%s/%s", strcmp(path, "/") == 0 ? "" : path, names.v[i]);
        if (lsent_load(ns, p, c.buf, names.v[i], false, &v[n]))
            n++;
        sb_release(&c);
    }
    if (has(opts, 'l') || has(opts, 'n')) {
        size_t blocks = 0;
        for (size_t i = 0; i < n; i++)
            blocks += v[i].e.type == VFS_DIR ? 4 : (v[i].e.len + 4095) / 4096 * 4;
        pout(ns, p, "total %zu\n", blocks);
    }
    ls_print(ns, p, v, n, opts);
    if (has(opts, 'R'))
        for (size_t i = 0; i < n; i++)
            if (v[i].e.type == VFS_DIR && strcmp(v[i].name, ".") != 0 &&
                strcmp(v[i].name, "..") != 0) {
                struct sb c = SB_INIT;
                sb_addf(&c, "%s/%s", strcmp(path, "/") == 0 ? "" : path,
                        v[i].name);
                ls_dir(ns, p, c.buf, opts, true, false, rc);
                sb_release(&c);
            }
    for (size_t i = 0; i < n; i++)
        lsent_free(&v[i]);
    free(v);
    strlist_release(&names);
}

static int p_ls(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    int nf = args_split(p, files, &opts);
    static char dot[] = ".";
    if (nf == 0)
        files[nf++] = dot;
    int rc = 0;
    /* files first, then directories */
    struct lsent *fv = xcalloc((size_t)nf + 1, sizeof(*fv));
    size_t nfile = 0;
    bool *isdir = xcalloc((size_t)nf + 1, sizeof(*isdir));
    for (int i = 0; i < nf; i++) {
        int err;
        const struct vfs_entry *e = ufs_stat(ns, p, files[i],
                                             !has(&opts, 'l') || true, &err);
        if (!e) {
            if (is_bb(p))
                perr(ns, p, "%s: %s", files[i], etext(err));
            else
                perr(ns, p, "cannot access '%s': %s", files[i], etext(err));
            rc = is_bb(p) ? 1 : 2;
            continue;
        }
        if (e->type == VFS_DIR && !has(&opts, 'd')) {
            isdir[i] = true;
            continue;
        }
        bool follow = !(has(&opts, 'l') && !has(&opts, 'L'));
        if (lsent_load(ns, p, files[i], files[i], !follow ? false : true,
                       &fv[nfile])) {
            if (has(&opts, 'l')) {
                lsent_free(&fv[nfile]);
                lsent_load(ns, p, files[i], files[i], false, &fv[nfile]);
            }
            nfile++;
        }
    }
    ls_print(ns, p, fv, nfile, &opts);
    bool first = nfile == 0;
    for (int i = 0; i < nf; i++)
        if (isdir[i]) {
            ls_dir(ns, p, files[i], &opts, nf > 1 || has(&opts, 'R'), first,
                   &rc);
            first = false;
        }
    for (size_t i = 0; i < nfile; i++)
        lsent_free(&fv[i]);
    free(fv);
    free(isdir);
    free(files);
    sb_release(&opts);
    return rc;
}

/* ===================================================================== */
/* mkdir, rmdir, touch                                                   */
/* ===================================================================== */

static int p_mkdir(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    unsigned mode = 0777 & ~p->umask;
    bool have_mode = false;
    int nf = 0;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (strcmp(a, "-m") == 0 && i + 1 < PARGC(p)) {
            parse_mode(PARGV(p)[++i], 0777 & ~p->umask, true, &mode);
            have_mode = true;
        } else if (strncmp(a, "--mode=", 7) == 0) {
            parse_mode(a + 7, 0777 & ~p->umask, true, &mode);
            have_mode = true;
        } else if (strcmp(a, "--parents") == 0) {
            sb_addch(&opts, 'p');
        } else if (a[0] == '-' && a[1] && a[1] != '-') {
            sb_adds(&opts, a + 1);
        } else if (strcmp(a, "--") != 0) {
            files[nf++] = a;
        }
    }
    (void)have_mode;
    if (nf == 0) {
        perr(ns, p, "missing operand");
        ptry(ns, p);
        free(files);
        sb_release(&opts);
        return 1;
    }
    int rc = 0;
    bool parents = has(&opts, 'p');
    for (int i = 0; i < nf; i++) {
        struct sb abs = SB_INIT;
        proc_path(p, files[i], &abs);
        int err = 0;
        const struct vfs_entry *e = ufs_stat(ns, p, abs.buf, true, &err);
        if (e) {
            if (parents && e->type == VFS_DIR) {
                sb_release(&abs);
                continue;
            }
            err = EEXIST;
        } else if (parents) {
            /* every missing component, checking permissions */
            struct sb cur = SB_INIT;
            const char *s = abs.buf;
            err = 0;
            while (*s && !err) {
                while (*s == '/')
                    s++;
                if (!*s)
                    break;
                const char *c = s;
                while (*s && *s != '/')
                    s++;
                sb_addch(&cur, '/');
                sb_add(&cur, c, (size_t)(s - c));
                int e2;
                const struct vfs_entry *x = ufs_stat(ns, p, cur.buf, true, &e2);
                if (x) {
                    if (x->type != VFS_DIR)
                        err = ENOTDIR;
                    continue;
                }
                err = parent_writable(ns, p, cur.buf);
                if (!err) {
                    vfs_mkdir_p(ns->fs, cur.buf, *s ? 0777 & ~p->umask : mode,
                                p->uid, p->gid);
                }
            }
            sb_release(&cur);
        } else {
            err = parent_writable(ns, p, abs.buf);
            if (!err) {
                if (err == 0 && ufs_stat(ns, p, abs.buf, false, &err))
                    err = EEXIST;
                else {
                    err = 0;
                    struct vfs_entry *d = vfs_put(ns->fs, abs.buf, VFS_DIR, mode);
                    d->uid = p->uid;
                    d->gid = p->gid;
                }
            }
        }
        if (err) {
            if (is_bb(p))
                perr(ns, p, "can't create directory '%s': %s", files[i],
                     etext(err));
            else
                perr(ns, p, "cannot create directory '%s': %s", files[i],
                     etext(err));
            rc = 1;
        } else if (has(&opts, 'v')) {
            pout(ns, p, "mkdir: created directory '%s'\n", files[i]);
        }
        sb_release(&abs);
    }
    free(files);
    sb_release(&opts);
    return rc;
}

static int p_rmdir(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    int nf = args_split(p, files, &opts);
    int rc = 0;
    for (int i = 0; i < nf; i++) {
        int err = 0;
        const struct vfs_entry *e = ufs_stat(ns, p, files[i], false, &err);
        if (e && e->type != VFS_DIR)
            err = ENOTDIR;
        struct strlist names;
        strlist_init(&names);
        if (!err && ufs_list(ns, p, files[i], &names) == 0 && names.n)
            err = ENOTEMPTY;
        strlist_release(&names);
        if (!err) {
            struct sb abs = SB_INIT;
            proc_path(p, files[i], &abs);
            err = parent_writable(ns, p, abs.buf);
            if (!err)
                vfs_remove(ns->fs, abs.buf);
            sb_release(&abs);
        }
        if (err) {
            if (is_bb(p))
                perr(ns, p, "'%s': %s", files[i], etext(err));
            else
                perr(ns, p, "failed to remove '%s': %s", files[i], etext(err));
            rc = 1;
        }
    }
    free(files);
    sb_release(&opts);
    return rc;
}

static int p_touch(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    int nf = args_split(p, files, &opts);
    if (nf == 0) {
        perr(ns, p, "missing file operand");
        ptry(ns, p);
        free(files);
        sb_release(&opts);
        return 1;
    }
    int rc = 0;
    for (int i = 0; i < nf; i++) {
        int err = 0;
        const struct vfs_entry *e = ufs_stat(ns, p, files[i], true, &err);
        if (e) {
            int w = ufs_may_write(ns, p, e);
            if (w == EROFS) {
                err = w;
            } else {
                continue;
            }
        } else if (!has(&opts, 'c')) {
            struct ofile *f = proc_open(ns, p, files[i], UO_WRITE | UO_CREAT,
                                        &err);
            if (f) {
                ofile_unref(f);
                continue;
            }
        } else {
            continue;
        }
        if (is_bb(p))
            perr(ns, p, "%s: %s", files[i], etext(err));
        else
            perr(ns, p, "cannot touch '%s': %s", files[i], etext(err));
        rc = 1;
    }
    free(files);
    sb_release(&opts);
    return rc;
}

/* ===================================================================== */
/* rm                                                                    */
/* ===================================================================== */

static int p_rm(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    int nf = args_split(p, files, &opts);
    bool force = has(&opts, 'f'), rec = has(&opts, 'r') || has(&opts, 'R');
    if (nf == 0 && !force) {
        perr(ns, p, "missing operand");
        ptry(ns, p);
        free(files);
        sb_release(&opts);
        return 1;
    }
    int rc = 0;
    for (int i = 0; i < nf; i++) {
        struct sb abs = SB_INIT;
        proc_path(p, files[i], &abs);
        if (strcmp(abs.buf, "/") == 0 && rec && !has(&opts, '\2')) {
            if (is_bb(p)) {
                perr(ns, p, "can't remove '/'");
            } else {
                perr(ns, p, "it is dangerous to operate recursively on '/'");
                perr(ns, p, "use --no-preserve-root to override this failsafe");
            }
            rc = 1;
            sb_release(&abs);
            continue;
        }
        int err = 0;
        const struct vfs_entry *e = ufs_stat(ns, p, abs.buf, false, &err);
        if (!e) {
            if (!force) {
                if (is_bb(p))
                    perr(ns, p, "can't remove '%s': %s", files[i], etext(err));
                else
                    perr(ns, p, "cannot remove '%s': %s", files[i], etext(err));
                rc = 1;
            }
            sb_release(&abs);
            continue;
        }
        if (e->type == VFS_DIR && !rec) {
            if (is_bb(p))
                perr(ns, p, "'%s' is a directory", files[i]);
            else
                perr(ns, p, "cannot remove '%s': Is a directory", files[i]);
            rc = 1;
            sb_release(&abs);
            continue;
        }
        err = parent_writable(ns, p, abs.buf);
        if (err) {
            if (is_bb(p))
                perr(ns, p, "can't remove '%s': %s", files[i], etext(err));
            else
                perr(ns, p, "cannot remove '%s': %s", files[i], etext(err));
            rc = 1;
        } else {
            if (has(&opts, 'v'))
                pout(ns, p, "removed '%s'\n", files[i]);
            vfs_remove(ns->fs, abs.buf);
        }
        sb_release(&abs);
    }
    free(files);
    sb_release(&opts);
    return rc;
}

/* ===================================================================== */
/* cp, mv, ln                                                            */
/* ===================================================================== */

/* Copy src (absolute) to dst (absolute): files, symlinks, directories
 * (recursive). */
static int copy_tree(struct pns *ns, struct proc *p, const char *src,
                     const char *dst, bool preserve, bool deref, int depth)
{
    int err = 0;
    const struct vfs_entry *e = ufs_stat(ns, p, src, deref, &err);
    if (!e)
        return err ? err : ENOENT;
    if (depth > 64)
        return ELOOP;
    if (e->type == VFS_SYMLINK) {
        char *t = xstrdup(e->target ? e->target : "");
        vfs_remove(ns->fs, dst);
        struct vfs_entry *n = vfs_put_symlink(ns->fs, dst, t);
        n->uid = preserve ? e->uid : p->uid;
        n->gid = preserve ? e->gid : p->gid;
        free(t);
        return 0;
    }
    if (e->type == VFS_DIR) {
        unsigned mode = e->mode;
        unsigned uid = e->uid, gid = e->gid;
        int x;
        const struct vfs_entry *d = ufs_stat(ns, p, dst, true, &x);
        if (!d) {
            struct vfs_entry *n = vfs_put(ns->fs, dst, VFS_DIR, mode);
            n->uid = preserve ? uid : p->uid;
            n->gid = preserve ? gid : p->gid;
        } else if (d->type != VFS_DIR) {
            return ENOTDIR;
        }
        struct strlist names;
        strlist_init(&names);
        ufs_list(ns, p, src, &names);
        int rc = 0;
        for (size_t i = 0; i < names.n; i++) {
            struct sb s = SB_INIT, t = SB_INIT;
            sb_addf(&s, "%s/%s", strcmp(src, "/") == 0 ? "" : src, names.v[i]);
            sb_addf(&t, "%s/%s", strcmp(dst, "/") == 0 ? "" : dst, names.v[i]);
            int r = copy_tree(ns, p, s.buf, t.buf, preserve, false, depth + 1);
            if (r)
                rc = r;
            sb_release(&s);
            sb_release(&t);
        }
        strlist_release(&names);
        return rc;
    }
    /* a file: copy content, mode and the program it is */
    char *data = e->data ? xmemdup0(e->data, e->len) : NULL;
    size_t len = e->len;
    char *prog = e->program ? xstrdup(e->program) : NULL;
    unsigned mode = e->mode, uid = e->uid, gid = e->gid;
    int x;
    const struct vfs_entry *d = ufs_stat(ns, p, dst, true, &x);
    if (d && d->type == VFS_DIR) {
        free(data);
        free(prog);
        return EISDIR;
    }
    if (d) {
        int w = ufs_may_write(ns, p, d);
        if (w) {
            free(data);
            free(prog);
            return w;
        }
    } else {
        int w = parent_writable(ns, p, dst);
        if (w) {
            free(data);
            free(prog);
            return w;
        }
    }
    struct vfs_entry *n = vfs_put_file(ns->fs, dst,
                                       preserve ? mode : mode & ~p->umask,
                                       data, len);
    free(n->program);
    n->program = prog;
    n->uid = preserve ? uid : p->uid;
    n->gid = preserve ? gid : p->gid;
    free(data);
    return 0;
}

static int p_cp_mv(struct pns *ns, struct proc *p)
{
    bool mv = strcmp(pname(p), "mv") == 0;
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    int nf = args_split(p, files, &opts);
    bool rec = mv || has(&opts, 'r') || has(&opts, 'R') || has(&opts, 'a');
    bool preserve = mv || has(&opts, 'a') || has(&opts, 'p');
    if (nf < 2) {
        if (nf == 0)
            perr(ns, p, "missing file operand");
        else
            perr(ns, p, "missing destination file operand after '%s'",
                 files[0]);
        ptry(ns, p);
        free(files);
        sb_release(&opts);
        return 1;
    }
    const char *dest = files[nf - 1];
    struct sb dabs = SB_INIT;
    proc_path(p, dest, &dabs);
    int err;
    const struct vfs_entry *de = ufs_stat(ns, p, dabs.buf, true, &err);
    bool dest_dir = de && de->type == VFS_DIR;
    if (nf > 2 && !dest_dir) {
        if (is_bb(p))
            perr(ns, p, "'%s' is not a directory", dest);
        else
            perr(ns, p, "target '%s' is not a directory", dest);
        sb_release(&dabs);
        free(files);
        sb_release(&opts);
        return 1;
    }
    int rc = 0;
    for (int i = 0; i < nf - 1; i++) {
        struct sb sabs = SB_INIT, target = SB_INIT;
        proc_path(p, files[i], &sabs);
        const struct vfs_entry *se = ufs_stat(ns, p, sabs.buf, !mv, &err);
        if (!se) {
            if (is_bb(p))
                perr(ns, p, mv ? "can't rename '%s': %s" : "can't stat '%s': %s",
                     files[i], etext(err));
            else
                perr(ns, p, "cannot stat '%s': %s", files[i], etext(err));
            rc = 1;
            sb_release(&sabs);
            continue;
        }
        if (se->type == VFS_DIR && !rec) {
            if (is_bb(p))
                perr(ns, p, "omitting directory '%s'", files[i]);
            else
                perr(ns, p, "-r not specified; omitting directory '%s'",
                     files[i]);
            rc = 1;
            sb_release(&sabs);
            continue;
        }
        if (dest_dir) {
            const char *b = strrchr(sabs.buf, '/');
            sb_addf(&target, "%s/%s", strcmp(dabs.buf, "/") == 0 ? "" : dabs.buf,
                    b ? b + 1 : sabs.buf);
        } else {
            sb_add(&target, dabs.buf, dabs.len);
        }
        if (strcmp(sabs.buf, target.buf) == 0) {
            perr(ns, p, "'%s' and '%s' are the same file", files[i], dest);
            rc = 1;
        } else {
            int r = copy_tree(ns, p, sabs.buf, target.buf, preserve, !mv, 0);
            if (r) {
                if (is_bb(p))
                    perr(ns, p, "can't create '%s': %s", target.buf, etext(r));
                else
                    perr(ns, p, "cannot create regular file '%s': %s",
                         target.buf, etext(r));
                rc = 1;
            } else if (mv) {
                int w = parent_writable(ns, p, sabs.buf);
                if (w) {
                    perr(ns, p, "cannot move '%s' to '%s': %s", files[i],
                         target.buf, etext(w));
                    rc = 1;
                } else {
                    vfs_remove(ns->fs, sabs.buf);
                }
            }
        }
        sb_release(&sabs);
        sb_release(&target);
    }
    sb_release(&dabs);
    free(files);
    sb_release(&opts);
    return rc;
}

static int p_ln(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    int nf = args_split(p, files, &opts);
    bool sym = has(&opts, 's'), force = has(&opts, 'f');
    if (nf < 1) {
        perr(ns, p, "missing file operand");
        ptry(ns, p);
        free(files);
        sb_release(&opts);
        return 1;
    }
    const char *target = files[0];
    struct sb link = SB_INIT;
    if (nf == 1) {
        proc_path(p, base_of(target), &link);
    } else {
        proc_path(p, files[nf - 1], &link);
        int err;
        const struct vfs_entry *d = ufs_stat(ns, p, link.buf,
                                             !has(&opts, 'n'), &err);
        if (d && d->type == VFS_DIR) {
            sb_addf(&link, "/%s", base_of(target));
        }
    }
    int rc = 0, err;
    if (ufs_stat(ns, p, link.buf, false, &err)) {
        if (!force) {
            if (is_bb(p))
                perr(ns, p, "%s: File exists", link.buf);
            else
                perr(ns, p, "failed to create %slink '%s': File exists",
                     sym ? "symbolic " : "hard ",
                     nf > 1 ? files[nf - 1] : base_of(target));
            rc = 1;
            goto out;
        }
        vfs_remove(ns->fs, link.buf);
    }
    err = parent_writable(ns, p, link.buf);
    if (err) {
        perr(ns, p, "failed to create %slink '%s': %s", sym ? "symbolic " : "",
             link.buf, etext(err));
        rc = 1;
        goto out;
    }
    if (sym) {
        struct vfs_entry *e = vfs_put_symlink(ns->fs, link.buf, target);
        e->uid = p->uid;
        e->gid = p->gid;
    } else {
        struct sb tabs = SB_INIT;
        proc_path(p, target, &tabs);
        int r = copy_tree(ns, p, tabs.buf, link.buf, true, true, 0);
        if (r) {
            perr(ns, p, "failed to access '%s': %s", target, etext(r));
            rc = 1;
        }
        sb_release(&tabs);
    }
out:
    sb_release(&link);
    free(files);
    sb_release(&opts);
    return rc;
}

/* ===================================================================== */
/* chmod, chown, chgrp                                                   */
/* ===================================================================== */

typedef int apply_fn(struct pns *ns, struct proc *p, const char *abs,
                     void *ctx);

static int walk(struct pns *ns, struct proc *p, const char *abs, bool rec,
                apply_fn *fn, void *ctx)
{
    int rc = fn(ns, p, abs, ctx);
    int err;
    const struct vfs_entry *e = ufs_stat(ns, p, abs, false, &err);
    if (rec && e && e->type == VFS_DIR) {
        struct strlist names;
        strlist_init(&names);
        ufs_list(ns, p, abs, &names);
        for (size_t i = 0; i < names.n; i++) {
            struct sb c = SB_INIT;
            sb_addf(&c, "%s/%s", strcmp(abs, "/") == 0 ? "" : abs, names.v[i]);
            int r = walk(ns, p, c.buf, rec, fn, ctx);
            if (r)
                rc = r;
            sb_release(&c);
        }
        strlist_release(&names);
    }
    return rc;
}

struct chmod_ctx {
    const char *spec;
};

static int do_chmod(struct pns *ns, struct proc *p, const char *abs, void *v)
{
    struct chmod_ctx *c = v;
    int err;
    const struct vfs_entry *e = ufs_stat(ns, p, abs, true, &err);
    if (!e)
        return err;
    if (p->uid != 0 && e->uid != p->uid)
        return EPERM;
    if (ns->read_only)
        return EROFS;
    unsigned mode;
    if (!parse_mode(c->spec, e->mode, e->type == VFS_DIR, &mode))
        return EINVAL;
    struct vfs_entry *m = vfs_modify(ns->fs, e->path);
    if (m)
        m->mode = mode;
    return 0;
}

static int p_chmod(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    int nf = 0;
    bool rec = false;
    const char *spec = NULL;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (strcmp(a, "-R") == 0 || strcmp(a, "--recursive") == 0)
            rec = true;
        else if (a[0] == '-' && a[1] && !strchr("rwxXst", a[1]) &&
                 !(a[1] >= '0' && a[1] <= '7'))
            continue;
        else if (!spec)
            spec = a;
        else
            files[nf++] = a;
    }
    if (!spec || nf == 0) {
        if (spec)
            perr(ns, p, "missing operand after '%s'", spec);
        else
            perr(ns, p, "missing operand");
        ptry(ns, p);
        free(files);
        return 1;
    }
    unsigned dummy;
    if (!parse_mode(spec, 0644, false, &dummy)) {
        if (is_bb(p))
            perr(ns, p, "invalid mode '%s'", spec);
        else {
            perr(ns, p, "invalid mode: '%s'", spec);
            ptry(ns, p);
        }
        free(files);
        return 1;
    }
    int rc = 0;
    struct chmod_ctx ctx = { spec };
    for (int i = 0; i < nf; i++) {
        struct sb abs = SB_INIT;
        proc_path(p, files[i], &abs);
        int err = walk(ns, p, abs.buf, rec, do_chmod, &ctx);
        if (err) {
            if (err == EPERM)
                perr(ns, p, "changing permissions of '%s': Operation not "
                            "permitted",
                     files[i]);
            else if (is_bb(p))
                perr(ns, p, "%s: %s", files[i], etext(err));
            else
                perr(ns, p, "cannot access '%s': %s", files[i], etext(err));
            rc = 1;
        }
        sb_release(&abs);
    }
    free(files);
    return rc;
}

struct chown_ctx {
    bool set_uid, set_gid;
    unsigned uid, gid;
};

static int do_chown(struct pns *ns, struct proc *p, const char *abs, void *v)
{
    struct chown_ctx *c = v;
    int err;
    const struct vfs_entry *e = ufs_stat(ns, p, abs, false, &err);
    if (!e)
        return err;
    if (p->uid != 0)
        return EPERM;
    if (ns->read_only)
        return EROFS;
    struct vfs_entry *m = vfs_modify(ns->fs, e->path);
    if (m) {
        if (c->set_uid)
            m->uid = c->uid;
        if (c->set_gid)
            m->gid = c->gid;
    }
    return 0;
}

static int p_chown(struct pns *ns, struct proc *p)
{
    bool chgrp = strcmp(pname(p), "chgrp") == 0;
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    int nf = 0;
    bool rec = false;
    const char *spec = NULL;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (strcmp(a, "-R") == 0 || strcmp(a, "--recursive") == 0)
            rec = true;
        else if (a[0] == '-' && a[1])
            continue;
        else if (!spec)
            spec = a;
        else
            files[nf++] = a;
    }
    if (!spec || nf == 0) {
        perr(ns, p, "missing operand");
        ptry(ns, p);
        free(files);
        return 1;
    }
    struct chown_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    char *user = NULL, *group = NULL;
    if (chgrp) {
        group = xstrdup(spec);
    } else {
        const char *sep = strpbrk(spec, ":.");
        if (sep) {
            user = xmemdup0(spec, (size_t)(sep - spec));
            group = xstrdup(sep + 1);
        } else {
            user = xstrdup(spec);
        }
    }
    int rc = 0;
    if (user && *user) {
        char *end;
        unsigned long v = strtoul(user, &end, 10);
        unsigned g = 0;
        if (!*end) {
            ctx.uid = (unsigned)v;
        } else if (!ufs_user_lookup(ns, user, &ctx.uid, &g, NULL, NULL)) {
            if (is_bb(p))
                perr(ns, p, "unknown user %s", user);
            else
                perr(ns, p, "invalid user: '%s'", spec);
            rc = 1;
            goto out;
        }
        ctx.set_uid = true;
        if (group && !*group && spec[strlen(user)] == ':') {
            ctx.gid = g;
            ctx.set_gid = true;
        }
    }
    if (group && *group) {
        char *end;
        unsigned long v = strtoul(group, &end, 10);
        if (!*end) {
            ctx.gid = (unsigned)v;
        } else if (!ufs_group_lookup(ns, group, &ctx.gid)) {
            if (is_bb(p))
                perr(ns, p, "unknown group %s", group);
            else
                perr(ns, p, "invalid group: '%s'", spec);
            rc = 1;
            goto out;
        }
        ctx.set_gid = true;
    }
    for (int i = 0; i < nf; i++) {
        struct sb abs = SB_INIT;
        proc_path(p, files[i], &abs);
        int err = walk(ns, p, abs.buf, rec, do_chown, &ctx);
        if (err) {
            if (err == EPERM)
                perr(ns, p, "changing ownership of '%s': Operation not "
                            "permitted",
                     files[i]);
            else if (is_bb(p))
                perr(ns, p, "%s: %s", files[i], etext(err));
            else
                perr(ns, p, "cannot access '%s': %s", files[i], etext(err));
            rc = 1;
        }
        sb_release(&abs);
    }
out:
    free(user);
    free(group);
    free(files);
    return rc;
}

/* ===================================================================== */
/* stat, readlink, realpath                                              */
/* ===================================================================== */

static int p_stat(struct pns *ns, struct proc *p)
{
    const char *fmt = NULL;
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    int nf = 0;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (strcmp(a, "-c") == 0 && i + 1 < PARGC(p))
            fmt = PARGV(p)[++i];
        else if (strncmp(a, "--format=", 9) == 0)
            fmt = a + 9;
        else if (a[0] != '-')
            files[nf++] = a;
    }
    int rc = 0;
    for (int i = 0; i < nf; i++) {
        int err;
        const struct vfs_entry *e = ufs_stat(ns, p, files[i], false, &err);
        if (!e) {
            perr(ns, p, "cannot statx '%s': %s", files[i], etext(err));
            rc = 1;
            continue;
        }
        struct vfs_entry copy = *e;
        char *un = ufs_user_name(ns, copy.uid), *gn = ufs_group_name(ns, copy.gid);
        const char *type = copy.type == VFS_DIR       ? "directory"
                           : copy.type == VFS_SYMLINK ? "symbolic link"
                           : copy.len                 ? "regular file"
                                                      : "regular empty file";
        char m[11];
        mode_string(&copy, m);
        struct sb o = SB_INIT;
        if (fmt) {
            for (const char *f = fmt; *f; f++) {
                if (*f != '%' || !f[1]) {
                    sb_addch(&o, *f);
                    continue;
                }
                switch (*++f) {
                case 'a': sb_addf(&o, "%o", copy.mode); break;
                case 'A': sb_adds(&o, m); break;
                case 'U': sb_adds(&o, un ? un : "UNKNOWN"); break;
                case 'G': sb_adds(&o, gn ? gn : "UNKNOWN"); break;
                case 'u': sb_addf(&o, "%u", copy.uid); break;
                case 'g': sb_addf(&o, "%u", copy.gid); break;
                case 'n': sb_adds(&o, files[i]); break;
                case 's': sb_addf(&o, "%zu", copy.type == VFS_DIR ? 4096 : copy.len); break;
                case 'F': sb_adds(&o, type); break;
                case '%': sb_addch(&o, '%'); break;
                default: sb_addch(&o, '?');
                }
            }
            pout(ns, p, "%s\n", o.buf);
        } else {
            pout(ns, p, "  File: %s\n  Size: %zu\tBlocks: 0\tIO Block: 4096\t%s\n"
                        "Access: (%04o/%s)  Uid: (%5u/%8s)   Gid: (%5u/%8s)\n",
                 files[i], copy.type == VFS_DIR ? (size_t)4096 : copy.len, type,
                 copy.mode, m, copy.uid, un ? un : "UNKNOWN", copy.gid,
                 gn ? gn : "UNKNOWN");
        }
        sb_release(&o);
        free(un);
        free(gn);
    }
    free(files);
    return rc;
}

static int p_readlink(struct pns *ns, struct proc *p)
{
    bool canon = strcmp(pname(p), "realpath") == 0;
    int rc = 0;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (a[0] == '-') {
            if (strchr(a, 'f') || strchr(a, 'e') || strchr(a, 'm'))
                canon = true;
            continue;
        }
        if (canon) {
            struct sb abs = SB_INIT, real = SB_INIT;
            proc_path(p, a, &abs);
            int err = 0;
            if (vfs_stat(ns->fs, abs.buf, &err, &real))
                pout(ns, p, "%s\n", real.buf);
            else if (strcmp(pname(p), "realpath") == 0) {
                perr(ns, p, "%s: %s", a, etext(err));
                rc = 1;
            } else {
                pout(ns, p, "%s\n", abs.buf);
            }
            sb_release(&abs);
            sb_release(&real);
            continue;
        }
        int err;
        const struct vfs_entry *e = ufs_stat(ns, p, a, false, &err);
        if (e && e->type == VFS_SYMLINK && e->target)
            pout(ns, p, "%s\n", e->target);
        else
            rc = 1;
    }
    return rc;
}

/* ===================================================================== */
/* find                                                                  */
/* ===================================================================== */

struct find_opts {
    const char *name, *iname, *path;
    char type;
    int maxdepth, mindepth;
    char **exec;
    size_t n_exec;
    bool del, negate_name;
};

static bool find_match(const struct find_opts *o, const char *path,
                       const struct vfs_entry *e)
{
    const char *b = base_of(path);
    if (o->name) {
        bool m = sh_pattern_match(o->name, b);
        if (m == o->negate_name)
            return false;
    }
    if (o->iname) {
        struct sb x = SB_INIT, y = SB_INIT;
        for (const char *c = o->iname; *c; c++)
            sb_addch(&x, (*c >= 'A' && *c <= 'Z') ? *c + 32 : *c);
        for (const char *c = b; *c; c++)
            sb_addch(&y, (*c >= 'A' && *c <= 'Z') ? *c + 32 : *c);
        bool m = sh_pattern_match(x.buf, y.buf);
        sb_release(&x);
        sb_release(&y);
        if (!m)
            return false;
    }
    if (o->path && !sh_pattern_match(o->path, path))
        return false;
    if (o->type) {
        char t = e->type == VFS_DIR ? 'd' : e->type == VFS_SYMLINK ? 'l' : 'f';
        if (t != o->type)
            return false;
    }
    return true;
}

static void find_walk(struct pns *ns, struct proc *p, const char *shown,
                      const char *abs, int depth, const struct find_opts *o,
                      int *rc)
{
    int err;
    const struct vfs_entry *e = ufs_stat(ns, p, abs, depth == 0, &err);
    if (!e) {
        perr(ns, p, "'%s': %s", shown, etext(err));
        *rc = 1;
        return;
    }
    struct vfs_entry copy = *e;
    if (depth >= o->mindepth && find_match(o, shown, &copy)) {
        if (o->n_exec) {
            struct strlist av;
            strlist_init(&av);
            for (size_t k = 0; k < o->n_exec; k++)
                strlist_push(&av, strcmp(o->exec[k], "{}") == 0 ? shown
                                                               : o->exec[k]);
            int st = prog_run_sync(ns, p, av.v, av.n);
            if (st != 0)
                *rc = 1;
            strlist_release(&av);
        } else if (o->del) {
            /* after the children */
        } else {
            pout(ns, p, "%s\n", shown);
        }
    }
    if (copy.type == VFS_DIR && (o->maxdepth < 0 || depth < o->maxdepth)) {
        struct strlist names;
        strlist_init(&names);
        ufs_list(ns, p, abs, &names);
        for (size_t i = 0; i < names.n; i++) {
            struct sb s = SB_INIT, a = SB_INIT;
            sb_addf(&s, "%s%s%s", shown,
                    shown[strlen(shown) - 1] == '/' ? "" : "/", names.v[i]);
            sb_addf(&a, "%s/%s", strcmp(abs, "/") == 0 ? "" : abs, names.v[i]);
            find_walk(ns, p, s.buf, a.buf, depth + 1, o, rc);
            sb_release(&s);
            sb_release(&a);
        }
        strlist_release(&names);
    }
    if (o->del && depth >= o->mindepth && find_match(o, shown, &copy) &&
        depth > 0)
        vfs_remove(ns->fs, abs);
}

static int p_find(struct pns *ns, struct proc *p)
{
    struct find_opts o;
    memset(&o, 0, sizeof(o));
    o.maxdepth = -1;
    char **paths = xcalloc(p->argv.n + 1, sizeof(*paths));
    int np = 0, i = 1;
    for (; i < PARGC(p) && PARGV(p)[i][0] != '-' && PARGV(p)[i][0] != '!' &&
           PARGV(p)[i][0] != '(';
         i++)
        paths[np++] = PARGV(p)[i];
    bool negate = false;
    for (; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        const char *v = i + 1 < PARGC(p) ? PARGV(p)[i + 1] : NULL;
        if (strcmp(a, "!") == 0 || strcmp(a, "-not") == 0) {
            negate = true;
            continue;
        }
        if (strcmp(a, "-name") == 0 && v) {
            o.name = v;
            o.negate_name = negate;
            i++;
        } else if (strcmp(a, "-iname") == 0 && v) {
            o.iname = v;
            i++;
        } else if ((strcmp(a, "-path") == 0 || strcmp(a, "-wholename") == 0) && v) {
            o.path = v;
            i++;
        } else if (strcmp(a, "-type") == 0 && v) {
            o.type = v[0];
            i++;
        } else if (strcmp(a, "-maxdepth") == 0 && v) {
            o.maxdepth = (int)strtol(v, NULL, 10);
            i++;
        } else if (strcmp(a, "-mindepth") == 0 && v) {
            o.mindepth = (int)strtol(v, NULL, 10);
            i++;
        } else if (strcmp(a, "-delete") == 0) {
            o.del = true;
        } else if (strcmp(a, "-exec") == 0) {
            int k = i + 1;
            while (k < PARGC(p) && strcmp(PARGV(p)[k], ";") != 0 &&
                   strcmp(PARGV(p)[k], "+") != 0)
                k++;
            o.exec = PARGV(p) + i + 1;
            o.n_exec = (size_t)(k - i - 1);
            i = k;
        } else if (strcmp(a, "-print") == 0 || strcmp(a, "-follow") == 0 ||
                   strcmp(a, "-xdev") == 0) {
            ;
        } else if (v && a[0] == '-') {
            i++; /* unknown test with an argument: ignored */
        }
        negate = false;
    }
    static char dot[] = ".";
    if (np == 0)
        paths[np++] = dot;
    int rc = 0;
    for (int k = 0; k < np; k++) {
        struct sb abs = SB_INIT;
        proc_path(p, paths[k], &abs);
        find_walk(ns, p, paths[k], abs.buf, 0, &o, &rc);
        sb_release(&abs);
    }
    free(paths);
    return rc;
}

const struct native_def prog_files_table[] = {
    { "ls", p_ls, NULL },
    { "dir", p_ls, NULL },
    { "mkdir", p_mkdir, NULL },
    { "rmdir", p_rmdir, NULL },
    { "touch", p_touch, NULL },
    { "rm", p_rm, NULL },
    { "unlink", p_rm, NULL },
    { "cp", p_cp_mv, NULL },
    { "mv", p_cp_mv, NULL },
    { "ln", p_ln, NULL },
    { "chmod", p_chmod, NULL },
    { "chown", p_chown, NULL },
    { "chgrp", p_chown, NULL },
    { "stat", p_stat, NULL },
    { "readlink", p_readlink, NULL },
    { "realpath", p_readlink, NULL },
    { "find", p_find, NULL },
    { NULL, NULL, NULL },
};
