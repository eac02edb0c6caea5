#include "host.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "build.h"
#include "sb.h"
#include "xmalloc.h"

#define HOST_MAX_FILES 10000
#define HOST_MAX_BYTES (64UL * 1024 * 1024)

static char *errorf(const char *fmt, const char *path, int e)
{
    struct sb m = SB_INIT;
    sb_addf(&m, fmt, path, strerror(e));
    return sb_detach(&m, NULL);
}

char *host_read_file(const char *path, size_t *len, char **err)
{
    struct stat st;
    *err = NULL;
    if (stat(path, &st) < 0) {
        *err = errorf("open %s: %s", path, errno);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        *err = errorf("read %s: %s", path, EISDIR);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = errorf("open %s: %s", path, errno);
        return NULL;
    }
    struct sb b = SB_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        sb_add(&b, chunk, n);
        if (b.len > HOST_MAX_BYTES) {
            fclose(f);
            sb_release(&b);
            *err = errorf("read %s: %s", path, EFBIG);
            return NULL;
        }
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        sb_release(&b);
        *err = errorf("read %s: %s", path, EIO);
        return NULL;
    }
    return sb_detach(&b, len);
}

struct tree {
    struct build_file *v;
    size_t n, cap;
    size_t bytes;
    char *err;
};

static int cmp_file(const void *a, const void *b)
{
    return strcmp(((const struct build_file *)a)->path,
                  ((const struct build_file *)b)->path);
}

static void add(struct tree *t, struct build_file f)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 32;
        t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
    }
    t->v[t->n++] = f;
}

static int walk(struct tree *t, const char *root, const char *rel, int depth)
{
    struct sb dir = SB_INIT;
    sb_adds(&dir, root);
    if (*rel)
        sb_addf(&dir, "/%s", rel);
    DIR *d = opendir(dir.buf);
    if (!d) {
        t->err = errorf("open %s: %s", dir.buf, errno);
        sb_release(&dir);
        return -1;
    }
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct sb full = SB_INIT, r = SB_INIT;
        sb_addf(&full, "%s/%s", dir.buf, e->d_name);
        if (*rel)
            sb_addf(&r, "%s/%s", rel, e->d_name);
        else
            sb_adds(&r, e->d_name);
        struct stat st;
        if (lstat(full.buf, &st) == 0) {
            struct build_file f;
            memset(&f, 0, sizeof(f));
            f.mode = (unsigned)st.st_mode & 07777;
            if (S_ISDIR(st.st_mode)) {
                f.path = xstrdup(r.buf);
                f.is_dir = true;
                f.data = xstrdup("");
                add(t, f);
                if (depth < 32)
                    rc = walk(t, root, r.buf, depth + 1);
            } else if (S_ISREG(st.st_mode)) {
                size_t len;
                char *err = NULL;
                char *data = host_read_file(full.buf, &len, &err);
                if (!data) {
                    t->err = err;
                    rc = -1;
                } else {
                    f.path = xstrdup(r.buf);
                    f.data = data;
                    f.len = len;
                    t->bytes += len;
                    add(t, f);
                }
            }
            if (t->n > HOST_MAX_FILES || t->bytes > HOST_MAX_BYTES) {
                struct sb m = SB_INIT;
                sb_addf(&m, "build context %s is too large for docksim "
                            "(more than %d files or %lu MB)",
                        root, HOST_MAX_FILES, HOST_MAX_BYTES >> 20);
                t->err = sb_detach(&m, NULL);
                rc = -1;
            }
        }
        sb_release(&full);
        sb_release(&r);
    }
    closedir(d);
    sb_release(&dir);
    return rc;
}

long host_read_tree(const char *dir, struct build_file **files, char **err)
{
    struct tree t = { NULL, 0, 0, 0, NULL };
    struct stat st;
    *err = NULL;
    if (stat(dir, &st) < 0) {
        struct sb m = SB_INIT;
        sb_addf(&m, "unable to prepare context: path \"%s\" not found", dir);
        *err = sb_detach(&m, NULL);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        struct sb m = SB_INIT;
        sb_addf(&m, "unable to prepare context: context must be a "
                    "directory: %s",
                dir);
        *err = sb_detach(&m, NULL);
        return -1;
    }
    if (walk(&t, dir, "", 0) < 0) {
        host_free_tree(t.v, t.n);
        *err = t.err;
        return -1;
    }
    qsort(t.v, t.n, sizeof(*t.v), cmp_file);
    *files = t.v;
    return (long)t.n;
}

void host_free_tree(struct build_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)files[i].path);
        free((char *)files[i].data);
    }
    free(files);
}
