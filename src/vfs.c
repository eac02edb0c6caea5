#include "vfs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sb.h"
#include "xmalloc.h"

/*
 * Each layer is a hash map from cleaned absolute path to node. A node is
 * the public vfs_entry plus what only the layering needs:
 *  - VFS_WHITEOUT nodes mark a path (and everything below it) removed in
 *    this layer;
 *  - an `opaque` directory hides whatever the lower layers hold below it
 *    (a directory created where this layer had removed or replaced one);
 *  - a non-directory also hides the lower layers' entries below its path.
 * Entries below a symlink are never stored: every path is resolved through
 * symlinks before it is stored, so literal lookups see real paths only.
 *
 * The strings of an entry (path, data, target, program) belong to the
 * layer and are released with free(); callers that fill in an entry from
 * vfs_put assign malloc'd strings (xstrdup/xmemdup0).
 *
 * Path semantics: vfs_put, vfs_put_file, vfs_put_symlink and vfs_mkdir_p
 * clean their path lexically first (vfs_clean_path) and then resolve the
 * parent directories through symlinks. vfs_stat, vfs_lstat, vfs_modify
 * and vfs_remove take the path as Linux would: ".." is resolved
 * physically after symlinks, and a trailing slash requires a directory.
 * vfs_stat's resolved path is replaced (not appended to).
 */

/* Linux's limit on symlinks followed while resolving one path. */
#define VFS_MAX_SYMLINKS 40

struct node {
    struct vfs_entry e; /* first, so an entry pointer is a node pointer */
    bool opaque;
    size_t hash;
    struct node *next;
};

struct vfs_map {
    struct node **buckets;
    size_t n_buckets; /* a power of two */
    size_t count;
};

/* The root directory when no layer has an entry for "/". */
static char root_path[] = "/";
static const struct vfs_entry root_entry = { root_path, VFS_DIR, 0755, 0, 0,
                                             NULL,      0,       NULL, NULL };

/* ----- the per-layer map ------------------------------------------ */

static size_t hash_path(const char *p, size_t len)
{
    unsigned long long h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211ULL;
    }
    return (size_t)h;
}

static struct node *map_get(const struct vfs_map *m, const char *path,
                            size_t len)
{
    size_t h = hash_path(path, len);
    for (struct node *n = m->buckets[h & (m->n_buckets - 1)]; n; n = n->next)
        if (n->hash == h && strlen(n->e.path) == len &&
            memcmp(n->e.path, path, len) == 0)
            return n;
    return NULL;
}

static void map_grow(struct vfs_map *m)
{
    size_t nb = m->n_buckets * 2;
    struct node **b = xcalloc(nb, sizeof(*b));
    for (size_t i = 0; i < m->n_buckets; i++) {
        struct node *n = m->buckets[i], *next;
        for (; n; n = next) {
            next = n->next;
            n->next = b[n->hash & (nb - 1)];
            b[n->hash & (nb - 1)] = n;
        }
    }
    free(m->buckets);
    m->buckets = b;
    m->n_buckets = nb;
}

static void map_insert(struct vfs_map *m, struct node *n)
{
    if (m->count >= m->n_buckets)
        map_grow(m);
    n->hash = hash_path(n->e.path, strlen(n->e.path));
    struct node **slot = &m->buckets[n->hash & (m->n_buckets - 1)];
    n->next = *slot;
    *slot = n;
    m->count++;
}

static void node_free(struct node *n)
{
    free(n->e.path);
    free(n->e.data);
    free(n->e.target);
    free(n->e.program);
    free(n);
}

/* Unlink n from m (it must be there) and free it. */
static void map_delete(struct vfs_map *m, struct node *n)
{
    struct node **p = &m->buckets[n->hash & (m->n_buckets - 1)];
    while (*p != n)
        p = &(*p)->next;
    *p = n->next;
    m->count--;
    node_free(n);
}

/* Delete every node strictly below dir ("/a" -> "/a/..."). */
static void map_delete_below(struct vfs_map *m, const char *dir)
{
    size_t dlen = strcmp(dir, "/") == 0 ? 0 : strlen(dir);
    for (size_t i = 0; i < m->n_buckets; i++) {
        struct node **p = &m->buckets[i];
        while (*p) {
            struct node *n = *p;
            if (strncmp(n->e.path, dir, dlen) == 0 && n->e.path[dlen] == '/' &&
                n->e.path[dlen + 1] != '\0') {
                *p = n->next;
                m->count--;
                node_free(n);
            } else {
                p = &n->next;
            }
        }
    }
}

/* ----- paths ------------------------------------------------------ */

/* Go's path.Clean of an absolute path, appended to out. */
static void clean_rooted(struct sb *out, const char *p)
{
    size_t base = out->len;
    size_t n = strlen(p);
    size_t r = 0;

    sb_addch(out, '/');
    while (r < n) {
        if (p[r] == '/') {
            r++;
        } else if (p[r] == '.' && (r + 1 == n || p[r + 1] == '/')) {
            r++;
        } else if (p[r] == '.' && p[r + 1] == '.' &&
                   (r + 2 == n || p[r + 2] == '/')) {
            r += 2;
            /* back up to the previous '/', never past the root */
            size_t w = out->len;
            while (w > base + 1 && out->buf[w - 1] != '/')
                w--;
            if (w > base + 1)
                w--; /* drop the separator too */
            sb_setlen(out, w);
        } else {
            if (out->len != base + 1)
                sb_addch(out, '/');
            while (r < n && p[r] != '/')
                sb_addch(out, p[r++]);
        }
    }
}

void vfs_clean_path(struct sb *out, const char *cwd, const char *path)
{
    if (path[0] == '/') {
        clean_rooted(out, path);
        return;
    }
    struct sb tmp = SB_INIT;
    sb_addch(&tmp, '/');
    sb_adds(&tmp, cwd ? cwd : "/");
    sb_addch(&tmp, '/');
    sb_adds(&tmp, path);
    clean_rooted(out, tmp.buf);
    sb_release(&tmp);
}

/* Append "/name" to dir (a cleaned absolute path) into out. */
static void join(struct sb *out, const char *dir, const char *name,
                 size_t nlen)
{
    sb_reset(out);
    if (strcmp(dir, "/") != 0)
        sb_adds(out, dir);
    sb_addch(out, '/');
    sb_add(out, name, nlen);
}

/* Length of the parent directory part of a cleaned path ("/" -> 1). */
static size_t dirname_len(const char *p)
{
    const char *slash = strrchr(p, '/');
    return slash == p ? 1 : (size_t)(slash - p);
}

/* ----- lookups over the layers ------------------------------------ */

static struct node *layer_node(const struct vfs *fs, const char *path)
{
    return map_get(fs->map, path, strlen(path));
}

/*
 * Does this layer hide the lower layers' entry at path? It does when a
 * proper ancestor of path is, in this layer, a whiteout, a non-directory
 * or an opaque directory.
 */
static bool layer_hides_below(const struct vfs *fs, const char *path)
{
    size_t len = strlen(path);
    for (size_t i = 1; i < len; i++) {
        if (path[i] != '/')
            continue;
        struct node *n = map_get(fs->map, path, i);
        if (n && (n->e.type != VFS_DIR || n->opaque))
            return true;
    }
    return false;
}

/* The merged entry at a cleaned real path (no symlink resolution). */
static const struct vfs_entry *lookup(const struct vfs *fs, const char *path)
{
    for (const struct vfs *l = fs; l; l = l->parent) {
        struct node *n = layer_node(l, path);
        if (n)
            return n->e.type == VFS_WHITEOUT ? NULL : &n->e;
        if (layer_hides_below(l, path))
            return NULL;
    }
    return strcmp(path, "/") == 0 ? &root_entry : NULL;
}

/*
 * Walk path (cleaned, absolute) from the root following symlinks, the
 * last component too if follow_last. On success returns the entry and
 * leaves its real path in real; on failure NULL with *err set.
 */
static const struct vfs_entry *resolve(const struct vfs *fs, const char *path,
                                       bool follow_last, int *err,
                                       struct sb *real)
{
    struct sb rest = SB_INIT, next = SB_INIT;
    const struct vfs_entry *e = NULL;
    size_t pos = 0;
    int links = 0;

    sb_reset(real);
    sb_adds(real, "/");
    sb_adds(&rest, path);
    for (;;) {
        while (pos < rest.len && rest.buf[pos] == '/')
            pos++;
        if (pos == rest.len)
            break;
        size_t start = pos;
        while (pos < rest.len && rest.buf[pos] != '/')
            pos++;
        size_t clen = pos - start;
        bool more = pos < rest.len; /* a '/' follows: must be a directory */
        const char *comp = rest.buf + start;

        if (clen == 1 && comp[0] == '.')
            continue;
        if (clen == 2 && comp[0] == '.' && comp[1] == '.') {
            sb_setlen(real, dirname_len(real->buf));
            continue;
        }
        join(&next, real->buf, comp, clen);
        e = lookup(fs, next.buf);
        if (!e) {
            *err = ENOENT;
            goto fail;
        }
        if (e->type == VFS_SYMLINK && (more || follow_last)) {
            const char *target = e->target ? e->target : "";
            if (++links > VFS_MAX_SYMLINKS) {
                *err = ELOOP;
                goto fail;
            }
            if (!*target) {
                *err = ENOENT;
                goto fail;
            }
            struct sb nrest = SB_INIT;
            sb_adds(&nrest, target);
            sb_add(&nrest, rest.buf + pos, rest.len - pos);
            sb_release(&rest);
            rest = nrest;
            pos = 0;
            if (target[0] == '/') {
                sb_reset(real);
                sb_adds(real, "/");
            }
            continue;
        }
        if (more && e->type != VFS_DIR) {
            *err = ENOTDIR;
            goto fail;
        }
        sb_reset(real);
        sb_add(real, next.buf, next.len);
    }
    e = lookup(fs, real->buf);
    sb_release(&rest);
    sb_release(&next);
    return e;

fail:
    sb_release(&rest);
    sb_release(&next);
    return NULL;
}

/*
 * The entry that path names without following its last component, like
 * lstat(2): the components before it are resolved through symlinks, and
 * ".." is taken physically (a trailing slash, "." or ".." as the last
 * component does follow). real receives the entry's real path.
 */
static const struct vfs_entry *lstat_phys(const struct vfs *fs,
                                          const char *path, struct sb *real)
{
    size_t len = strlen(path);
    int err = 0;

    while (len > 0 && path[len - 1] == '/')
        len--;
    if (len == 0)
        return resolve(fs, "/", true, &err, real);
    size_t b = len;
    while (b > 0 && path[b - 1] != '/')
        b--;
    const char *base = path + b;
    size_t blen = len - b;
    if (len != strlen(path) || (blen == 1 && base[0] == '.') ||
        (blen == 2 && base[0] == '.' && base[1] == '.'))
        return resolve(fs, path, true, &err, real);

    struct sb parent = SB_INIT, full = SB_INIT;
    sb_add(&parent, path, b);
    const struct vfs_entry *d = resolve(fs, parent.buf, true, &err, real);
    sb_release(&parent);
    if (!d || d->type != VFS_DIR)
        return NULL;
    join(&full, real->buf, base, blen);
    sb_reset(real);
    sb_add(real, full.buf, full.len);
    sb_release(&full);
    return lookup(fs, real->buf);
}

/* ----- public lookups --------------------------------------------- */

void vfs_init(struct vfs *fs, const struct vfs *parent)
{
    fs->parent = parent;
    fs->map = xmalloc(sizeof(*fs->map));
    fs->map->n_buckets = 64;
    fs->map->buckets = xcalloc(fs->map->n_buckets, sizeof(*fs->map->buckets));
    fs->map->count = 0;
}

void vfs_release(struct vfs *fs)
{
    if (!fs || !fs->map)
        return;
    for (size_t i = 0; i < fs->map->n_buckets; i++) {
        struct node *n = fs->map->buckets[i], *next;
        for (; n; n = next) {
            next = n->next;
            node_free(n);
        }
    }
    free(fs->map->buckets);
    free(fs->map);
    fs->map = NULL;
    fs->parent = NULL;
}

const struct vfs_entry *vfs_lstat(const struct vfs *fs, const char *path)
{
    struct sb real = SB_INIT;
    const struct vfs_entry *e = lstat_phys(fs, path, &real);
    sb_release(&real);
    return e;
}

const struct vfs_entry *vfs_stat(const struct vfs *fs, const char *path,
                                 int *err, struct sb *resolved)
{
    struct sb real = SB_INIT;
    int dummy = 0;

    if (!err)
        err = &dummy;
    *err = 0;
    const struct vfs_entry *e = resolve(fs, path, true, err, &real);
    if (resolved) {
        sb_reset(resolved);
        sb_add(resolved, real.buf, real.len);
    }
    sb_release(&real);
    return e;
}

/* ----- changes to the top layer ----------------------------------- */

static struct node *node_new(const char *path, enum vfs_type type,
                             unsigned mode)
{
    struct node *n = xcalloc(1, sizeof(*n));
    n->e.path = xstrdup(path);
    n->e.type = type;
    n->e.mode = mode & 07777;
    return n;
}

/*
 * Store a fresh node of type at the real path in the top layer, replacing
 * what the layer has there. A directory put over a directory of the same
 * layer keeps it (and its children); a directory replacing anything else
 * of this layer hides the lower layers' content (opaque).
 */
static struct vfs_entry *put_node(struct vfs *fs, const char *path,
                                  enum vfs_type type, unsigned mode)
{
    struct node *old = layer_node(fs, path);
    bool opaque = false;

    if (old) {
        if (old->e.type == VFS_DIR && type == VFS_DIR) {
            old->e.mode = mode & 07777;
            return &old->e;
        }
        opaque = type == VFS_DIR;
        if (old->e.type == VFS_DIR)
            map_delete_below(fs->map, path);
        map_delete(fs->map, old);
    }
    struct node *n = node_new(path, type, mode);
    n->opaque = opaque;
    map_insert(fs->map, n);
    return &n->e;
}

/*
 * mkdir -p through symlinks: make every component of path (cleaned,
 * absolute) a directory, creating missing ones with mode/uid/gid. A
 * symlink is followed (its target created if missing); a non-directory
 * in the way, or a symlink loop, is replaced by a directory (like a layer
 * unpacked over it). real receives the real path of the directory.
 */
static void ensure_dir(struct vfs *fs, const char *path, unsigned mode,
                       unsigned uid, unsigned gid, int depth, struct sb *real)
{
    struct sb next = SB_INIT;
    const char *p = path;

    sb_reset(real);
    sb_adds(real, "/");
    while (*p) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *c = p;
        while (*p && *p != '/')
            p++;
        join(&next, real->buf, c, (size_t)(p - c));
        const struct vfs_entry *e = lookup(fs, next.buf);
        if (e && e->type == VFS_DIR) {
            sb_reset(real);
            sb_add(real, next.buf, next.len);
            continue;
        }
        if (e && e->type == VFS_SYMLINK && e->target && *e->target &&
            depth < VFS_MAX_SYMLINKS) {
            struct sb target = SB_INIT;
            vfs_clean_path(&target, real->buf, e->target);
            ensure_dir(fs, target.buf, mode, uid, gid, depth + 1, real);
            sb_release(&target);
            continue;
        }
        struct vfs_entry *d = put_node(fs, next.buf, VFS_DIR, mode);
        d->uid = uid;
        d->gid = gid;
        sb_reset(real);
        sb_add(real, next.buf, next.len);
    }
    sb_release(&next);
}

void vfs_mkdir_p(struct vfs *fs, const char *path, unsigned mode,
                 unsigned uid, unsigned gid)
{
    struct sb p = SB_INIT, real = SB_INIT;
    vfs_clean_path(&p, NULL, path);
    ensure_dir(fs, p.buf, mode, uid, gid, 0, &real);
    sb_release(&p);
    sb_release(&real);
}

/* Copy-up of e (from a lower layer) to the top layer at real path. */
static struct vfs_entry *copy_up(struct vfs *fs, const struct vfs_entry *e,
                                 const char *path)
{
    struct node *n = node_new(path, e->type, e->mode);
    n->e.uid = e->uid;
    n->e.gid = e->gid;
    if (e->data) {
        n->e.data = xmemdup0(e->data, e->len);
        n->e.len = e->len;
    }
    n->e.target = e->target ? xstrdup(e->target) : NULL;
    n->e.program = e->program ? xstrdup(e->program) : NULL;
    map_insert(fs->map, n);
    return &n->e;
}

struct vfs_entry *vfs_put(struct vfs *fs, const char *path,
                          enum vfs_type type, unsigned mode)
{
    struct sb p = SB_INIT, real = SB_INIT;
    struct vfs_entry *e;

    vfs_clean_path(&p, NULL, path);
    if (strcmp(p.buf, "/") == 0) {
        /* the root stays a directory; only its metadata changes */
        const struct vfs_entry *r = lookup(fs, "/");
        struct node *top = layer_node(fs, "/");
        e = top ? &top->e : copy_up(fs, r, "/");
        e->mode = mode & 07777;
    } else {
        size_t dlen = dirname_len(p.buf);
        const char *base = p.buf + dlen + (dlen > 1);
        struct sb dir = SB_INIT, full = SB_INIT;
        sb_add(&dir, p.buf, dlen);
        ensure_dir(fs, dir.buf, 0755, 0, 0, 0, &real);
        join(&full, real.buf, base, strlen(base));
        e = put_node(fs, full.buf, type, mode);
        sb_release(&dir);
        sb_release(&full);
    }
    sb_release(&p);
    sb_release(&real);
    return e;
}

struct vfs_entry *vfs_put_file(struct vfs *fs, const char *path,
                               unsigned mode, const char *data, size_t len)
{
    struct vfs_entry *e = vfs_put(fs, path, VFS_FILE, mode);
    free(e->data);
    e->data = data ? xmemdup0(data, len) : NULL;
    e->len = data ? len : 0;
    return e;
}

struct vfs_entry *vfs_put_symlink(struct vfs *fs, const char *path,
                                  const char *target)
{
    struct vfs_entry *e = vfs_put(fs, path, VFS_SYMLINK, 0777);
    free(e->target);
    e->target = xstrdup(target);
    return e;
}

void vfs_remove(struct vfs *fs, const char *path)
{
    struct sb real = SB_INIT;

    if (lstat_phys(fs, path, &real) && strcmp(real.buf, "/") != 0) {
        struct node *n = layer_node(fs, real.buf);
        if (n) {
            if (n->e.type == VFS_DIR)
                map_delete_below(fs->map, real.buf);
            map_delete(fs->map, n);
        } else {
            map_delete_below(fs->map, real.buf);
        }
        if (fs->parent && lookup(fs->parent, real.buf))
            map_insert(fs->map, node_new(real.buf, VFS_WHITEOUT, 0));
    }
    sb_release(&real);
}

struct vfs_entry *vfs_modify(struct vfs *fs, const char *path)
{
    struct sb real = SB_INIT;
    struct vfs_entry *out = NULL;

    const struct vfs_entry *e = lstat_phys(fs, path, &real);
    if (e) {
        struct node *top = layer_node(fs, real.buf);
        out = top && &top->e == e ? &top->e : copy_up(fs, e, real.buf);
    }
    sb_release(&real);
    return out;
}

/* ----- listing ---------------------------------------------------- */

struct child {
    const char *name;            /* into the entry's path */
    const struct vfs_entry *e;   /* NULL: removed (whiteout) */
    size_t layer;                /* 0 = top */
};

static int child_cmp(const void *a, const void *b)
{
    const struct child *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->layer < y->layer ? -1 : x->layer > y->layer;
}

size_t vfs_list(const struct vfs *fs, const char *dir,
                int (*fn)(const struct vfs_entry *e, void *ctx), void *ctx)
{
    struct sb real = SB_INIT;
    struct child *kids = NULL;
    size_t n_kids = 0, visited = 0, layer = 0;
    int err;

    const struct vfs_entry *d = vfs_stat(fs, dir, &err, &real);
    if (!d || d->type != VFS_DIR) {
        sb_release(&real);
        return 0;
    }
    size_t dlen = strcmp(real.buf, "/") == 0 ? 0 : real.len;
    for (const struct vfs *l = fs; l; l = l->parent, layer++) {
        const struct vfs_map *m = l->map;
        for (size_t i = 0; i < m->n_buckets; i++) {
            for (const struct node *n = m->buckets[i]; n; n = n->next) {
                const char *p = n->e.path;
                if (strncmp(p, real.buf, dlen) != 0 || p[dlen] != '/' ||
                    !p[dlen + 1] || strchr(p + dlen + 1, '/'))
                    continue;
                kids = xreallocarray(kids, n_kids + 1, sizeof(*kids));
                kids[n_kids].name = p + dlen + 1;
                kids[n_kids].e = n->e.type == VFS_WHITEOUT ? NULL : &n->e;
                kids[n_kids].layer = layer;
                n_kids++;
            }
        }
        const struct node *self = layer_node(l, real.buf);
        if ((self && (self->e.type != VFS_DIR || self->opaque)) ||
            layer_hides_below(l, real.buf))
            break;
    }
    if (n_kids)
        qsort(kids, n_kids, sizeof(*kids), child_cmp);
    for (size_t i = 0; i < n_kids; i++) {
        if (i && strcmp(kids[i].name, kids[i - 1].name) == 0)
            continue; /* a higher layer already decided this name */
        if (!kids[i].e)
            continue;
        visited++;
        if (fn(kids[i].e, ctx))
            break;
    }
    free(kids);
    sb_release(&real);
    return visited;
}

size_t vfs_layer_count(const struct vfs *fs)
{
    return fs->map->count;
}

uint64_t vfs_layer_bytes(const struct vfs *fs)
{
    uint64_t n = 0;
    for (size_t b = 0; b < fs->map->n_buckets; b++)
        for (const struct node *nd = fs->map->buckets[b]; nd; nd = nd->next)
            if (nd->e.type == VFS_FILE)
                n += nd->e.len;
    return n;
}
