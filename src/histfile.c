/*
 * histfile.c: the history file (see histfile.h). Appends are one write()
 * of "line\n" to a file opened with O_APPEND, so lines from two docksim
 * sessions never interleave inside a line.
 */
#include "histfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sb.h"
#include "xmalloc.h"

#define HIST_DEFAULT_MAX 1000

char *histfile_default_path(histfile_env_fn *env, void *ctx, bool *is_default)
{
    struct sb p = SB_INIT;
    const char *v = env(ctx, "DOCKSIM_HISTFILE");
    *is_default = false;
    if (v && *v)
        return xstrdup(v);
    *is_default = true;
    v = env(ctx, "XDG_STATE_HOME");
    if (v && v[0] == '/') {
        sb_addf(&p, "%s/docksim/history", v);
        return sb_detach(&p, NULL);
    }
    v = env(ctx, "HOME");
    if (v && *v) {
        sb_addf(&p, "%s%s.local/state/docksim/history", v,
                v[strlen(v) - 1] == '/' ? "" : "/");
        return sb_detach(&p, NULL);
    }
    *is_default = false;
    return NULL;
}

void histfile_init(struct histfile *h, const char *path, size_t max)
{
    memset(h, 0, sizeof(*h));
    h->path = path ? xstrdup(path) : NULL;
    h->max = max ? max : HIST_DEFAULT_MAX;
    strlist_set_empty(&h->lines);
}

void histfile_release(struct histfile *h)
{
    free(h->path);
    strlist_release(&h->lines);
    memset(h, 0, sizeof(*h));
}

static char *errmsg(const char *what, const char *path, int e)
{
    struct sb m = SB_INIT;
    sb_addf(&m, "cannot %s history file '%s': %s", what, path, strerror(e));
    return sb_detach(&m, NULL);
}

/* ---- de-duplication: keep each line's last occurrence ---------------- */

static uint64_t hash_str(const char *s)
{
    uint64_t x = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        x = (x ^ (unsigned char)*s) * 1099511628211ULL;
    return x;
}

/*
 * v[0..n) -> the same lines with earlier duplicates removed, then only
 * the last max. Frees what it drops; returns the new count. Sets *changed
 * if anything was dropped.
 */
static size_t dedup_tail(char **v, size_t n, size_t max, bool *changed)
{
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    const char **set = xcalloc(cap, sizeof(*set));
    size_t kept = 0; /* kept lines are gathered at the end of v */
    for (size_t i = n; i-- > 0;) {
        char *s = v[i];
        size_t k = (size_t)hash_str(s) & (cap - 1);
        bool dup = false;
        while (set[k]) {
            if (strcmp(set[k], s) == 0) {
                dup = true;
                break;
            }
            k = (k + 1) & (cap - 1);
        }
        if (dup || kept >= max) {
            free(s);
            *changed = true;
            continue;
        }
        set[k] = s;
        v[n - 1 - kept++] = s;
    }
    free(set);
    if (kept && kept < n)
        memmove(v, v + (n - kept), kept * sizeof(*v));
    return kept;
}

/* Read the file's lines into *v and *n; ENOENT is an empty file. */
static int read_lines(const char *path, char ***v, size_t *n, int *e)
{
    *v = NULL;
    *n = 0;
    FILE *f = fopen(path, "r");
    if (!f) {
        *e = errno;
        return *e == ENOENT ? 0 : -1;
    }
    size_t cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    while ((got = getline(&line, &lcap, f)) >= 0) {
        size_t len = (size_t)got;
        if (len && line[len - 1] == '\n')
            line[--len] = '\0';
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len == 0 || memchr(line, '\0', len))
            continue; /* blank, or binary junk that cannot be a line */
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            *v = xreallocarray(*v, cap, sizeof(**v));
        }
        (*v)[(*n)++] = xmemdup0(line, len);
    }
    free(line);
    bool bad = ferror(f);
    *e = errno;
    fclose(f);
    if (bad) {
        for (size_t i = 0; i < *n; i++)
            free((*v)[i]);
        free(*v);
        *v = NULL;
        *n = 0;
        return -1;
    }
    return 0;
}

/* mkdir -p of path's directory (mode 0700 for what it creates). */
static int make_parent_dirs(const char *path, int *e)
{
    char *d = xstrdup(path);
    char *slash = strrchr(d, '/');
    int rc = 0;
    if (slash && slash != d) {
        *slash = '\0';
        for (char *p = d + 1; rc == 0; p++) {
            if (*p != '/' && *p != '\0')
                continue;
            char c = *p;
            *p = '\0';
            if (mkdir(d, 0700) < 0 && errno != EEXIST) {
                *e = errno;
                rc = -1;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    free(d);
    return rc;
}

int histfile_prepare(struct histfile *h, bool make_dirs, char **err)
{
    *err = NULL;
    if (!h->path)
        return 0;
    int e = 0;
    if (make_dirs && make_parent_dirs(h->path, &e) < 0) {
        struct sb m = SB_INIT;
        sb_addf(&m, "cannot create the directory for history file '%s': %s",
                h->path, strerror(e));
        *err = sb_detach(&m, NULL);
        h->broken = true;
        return -1;
    }
    int fd = open(h->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *err = errmsg("write", h->path, errno);
        h->broken = true;
        return -1;
    }
    close(fd);
    return 0;
}

int histfile_read(struct histfile *h, char **err)
{
    *err = NULL;
    if (!h->path)
        return 0;
    char **v;
    size_t n;
    int e = 0;
    if (read_lines(h->path, &v, &n, &e) < 0) {
        if (e == ENOTDIR) /* prepare said so already */
            return 0;
        *err = errmsg("read", h->path, e);
        h->broken = true; /* never rewrite a file we could not read */
        return -1;
    }
    bool changed = false;
    n = dedup_tail(v, n, h->max, &changed);
    /* lines added before the read stay the newest */
    struct strlist *l = &h->lines;
    for (size_t i = 0; i < l->n; i++)
        for (size_t k = 0; k < n; k++)
            if (v[k] && strcmp(v[k], l->v[i]) == 0) {
                free(v[k]);
                v[k] = NULL;
                changed = true;
            }
    size_t total = 0;
    char **all = xreallocarray(NULL, n + l->n + 1, sizeof(*all));
    for (size_t k = 0; k < n; k++)
        if (v[k])
            all[total++] = v[k];
    for (size_t i = 0; i < l->n; i++)
        all[total++] = l->v[i];
    free(v);
    free(l->v);
    l->v = all;
    l->n = total;
    l->set = true;
    while (l->n > h->max) {
        free(l->v[0]);
        memmove(l->v, l->v + 1, (l->n - 1) * sizeof(*l->v));
        l->n--;
        changed = true;
    }
    if (changed)
        h->dirty = true;
    return 0;
}

int histfile_load(struct histfile *h, bool make_dirs, char **err)
{
    char *e1 = NULL, *e2 = NULL;
    int rc = histfile_prepare(h, make_dirs, &e1);
    if (histfile_read(h, &e2) < 0)
        rc = -1;
    *err = e1 ? e1 : e2;
    if (e1)
        free(e2);
    return rc;
}

int histfile_add(struct histfile *h, const char *line, char **err)
{
    *err = NULL;
    const char *t = line;
    while (*t == ' ' || *t == '\t')
        t++;
    if (!*t || strchr(line, '\n'))
        return 0;
    struct strlist *l = &h->lines;
    long at = strlist_find(l, line);
    if (at >= 0) {
        char *keep = l->v[at];
        memmove(l->v + at, l->v + at + 1, (l->n - (size_t)at - 1) * sizeof(*l->v));
        l->v[l->n - 1] = keep;
        h->dirty = true;
    } else {
        strlist_push(l, line);
        if (l->n > h->max) {
            free(l->v[0]);
            memmove(l->v, l->v + 1, (l->n - 1) * sizeof(*l->v));
            l->n--;
            h->dirty = true;
        }
    }
    if (!h->path || h->broken)
        return 0;
    int fd = open(h->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    int rc = 0;
    if (fd >= 0) {
        struct sb rec = SB_INIT;
        sb_addf(&rec, "%s\n", line);
        ssize_t w = write(fd, rec.buf, rec.len);
        int e = errno;
        sb_release(&rec);
        if (close(fd) < 0 && w >= 0) {
            w = -1;
            e = errno;
        }
        if (w != (ssize_t)strlen(line) + 1) {
            *err = errmsg("write", h->path, w < 0 ? e : ENOSPC);
            rc = -1;
        }
    } else {
        *err = errmsg("write", h->path, errno);
        rc = -1;
    }
    if (rc < 0)
        h->broken = true;
    return rc;
}

int histfile_compact(struct histfile *h, char **err)
{
    *err = NULL;
    if (!h->path || h->broken || !h->dirty)
        return 0;
    char **v;
    size_t n;
    int e = 0;
    if (read_lines(h->path, &v, &n, &e) < 0) {
        *err = errmsg("read", h->path, e);
        return -1;
    }
    bool changed = false;
    n = dedup_tail(v, n, h->max, &changed);
    struct sb tmp = SB_INIT, text = SB_INIT;
    sb_addf(&tmp, "%s.tmp.%ld", h->path, (long)getpid());
    for (size_t i = 0; i < n; i++) {
        sb_addf(&text, "%s\n", v[i]);
        free(v[i]);
    }
    free(v);
    int rc = 0;
    int fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        e = errno;
        rc = -1;
    } else {
        size_t off = 0;
        while (off < text.len) {
            ssize_t w = write(fd, text.buf + off, text.len - off);
            if (w < 0) {
                if (errno == EINTR)
                    continue;
                e = errno;
                rc = -1;
                break;
            }
            off += (size_t)w;
        }
        if (rc == 0 && fsync(fd) < 0) {
            e = errno;
            rc = -1;
        }
        if (close(fd) < 0 && rc == 0) {
            e = errno;
            rc = -1;
        }
        if (rc == 0 && rename(tmp.buf, h->path) < 0) {
            e = errno;
            rc = -1;
        }
        if (rc < 0)
            unlink(tmp.buf);
    }
    if (rc < 0)
        *err = errmsg("rewrite", h->path, e);
    else
        h->dirty = false;
    sb_release(&tmp);
    sb_release(&text);
    return rc;
}
