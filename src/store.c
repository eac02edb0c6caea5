/*
 * store.c: the session's images, image references, the simulated clock.
 */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "run.h"
#include "sb.h"
#include "sha256.h"
#include "xmalloc.h"

/* The simulated clock starts here: 2026-11-28T09:00:00Z (stable output). */
#define CLOCK_START 1795856400L

void store_init(struct store *s)
{
    memset(s, 0, sizeof(*s));
    s->clock = CLOCK_START;
}

void image_free(struct image *img)
{
    if (!img)
        return;
    free(img->id);
    strlist_release(&img->tags);
    image_config_release(&img->cfg);
    vfs_release(&img->fs);
    for (size_t i = 0; i < img->n_hist; i++) {
        free(img->hist[i].created_by);
        free(img->hist[i].comment);
    }
    free(img->hist);
    free(img);
}

void store_release(struct store *s)
{
    for (size_t i = 0; i < s->n_containers; i++)
        container_free(s->containers[i]);
    /* newest first: layers sit on older images */
    for (size_t i = s->n_images; i-- > 0;)
        image_free(s->images[i]);
    free(s->images);
    free(s->containers);
    memset(s, 0, sizeof(*s));
}

long store_tick(struct store *s, long seconds)
{
    s->clock += seconds;
    return s->clock;
}

void store_format_time(struct sb *out, long t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    sb_addf(out, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
            tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* ==================================================================== */
/* References (distribution/reference, the parts docksim needs)          */
/* ==================================================================== */

static bool is_lower_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* path component: [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)* */
static bool valid_component(const char *s, size_t n)
{
    size_t i = 0;
    if (!n || !is_lower_alnum(s[0]))
        return false;
    while (i < n) {
        while (i < n && is_lower_alnum(s[i]))
            i++;
        if (i == n)
            return true;
        size_t sep = i;
        if (s[i] == '.' || s[i] == '_') {
            i++;
            if (s[sep] == '_' && i < n && s[i] == '_')
                i++;
        } else if (s[i] == '-') {
            while (i < n && s[i] == '-')
                i++;
        } else {
            return false;
        }
        if (i == n || !is_lower_alnum(s[i]))
            return false;
    }
    return true;
}

static bool valid_tag(const char *t)
{
    size_t n = strlen(t);
    if (!n || n > 128)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        bool w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (c >= '0' && c <= '9') || c == '_';
        if (!(w || (i > 0 && (c == '.' || c == '-'))))
            return false;
    }
    return true;
}

static bool is_domain(const char *s, size_t n)
{
    return memchr(s, '.', n) || memchr(s, ':', n) ||
           (n == 9 && memcmp(s, "localhost", 9) == 0);
}

static int ref_error(char **err, const char *msg)
{
    *err = xstrdup(msg);
    return -1;
}

int image_ref_parse(const char *s, struct image_ref *r, char **err)
{
    memset(r, 0, sizeof(*r));
    *err = NULL;
    if (!*s)
        return ref_error(err, "invalid reference format");
    char *work = xstrdup(s);
    char *at = strchr(work, '@');
    if (at) {
        *at = '\0';
        const char *d = at + 1;
        size_t hex = strlen(d) > 7 ? strlen(d) - 7 : 0;
        if (strncmp(d, "sha256:", 7) != 0 || hex != 64) {
            free(work);
            return ref_error(err, "invalid reference format");
        }
        r->digest = xstrdup(d);
    }
    /* the tag is after the last ':' that follows the last '/' */
    char *slash = strrchr(work, '/');
    char *colon = strrchr(slash ? slash : work, ':');
    if (colon) {
        *colon = '\0';
        if (!valid_tag(colon + 1)) {
            free(work);
            free(r->digest);
            r->digest = NULL;
            return ref_error(err, "invalid reference format");
        }
        r->tag = xstrdup(colon + 1);
    }
    /* name: [domain/]component(/component)* */
    char *name = work;
    const char *first_slash = strchr(name, '/');
    const char *path = name;
    struct sb familiar = SB_INIT;
    bool upper = false;
    if (first_slash && is_domain(name, (size_t)(first_slash - name))) {
        size_t dl = (size_t)(first_slash - name);
        bool docker_io = (dl == 9 && memcmp(name, "docker.io", 9) == 0) ||
                         (dl == 19 && memcmp(name, "index.docker.io", 15) == 0);
        path = first_slash + 1;
        if (!docker_io)
            sb_add(&familiar, name, dl + 1);
    }
    if (strncmp(path, "library/", 8) == 0 && !familiar.len &&
        !strchr(path + 8, '/'))
        path += 8;
    bool ok = *path != '\0';
    for (const char *p = path; ok && *p;) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        for (size_t i = 0; i < n; i++)
            if (p[i] >= 'A' && p[i] <= 'Z')
                upper = true;
        struct sb low = SB_INIT;
        for (size_t i = 0; i < n; i++)
            sb_addch(&low, p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
        if (!valid_component(low.buf, low.len))
            ok = false;
        sb_release(&low);
        p = e ? e + 1 : p + n;
        if (e && !*p)
            ok = false;
    }
    if (!ok || upper) {
        char *msg = NULL;
        if (ok && upper) {
            struct sb m = SB_INIT;
            sb_adds(&m, "invalid reference format: repository name (");
            if (!familiar.len && !strchr(path, '/'))
                sb_adds(&m, "library/");
            sb_adds(&m, path);
            sb_adds(&m, ") must be lowercase");
            msg = sb_detach(&m, NULL);
        }
        sb_release(&familiar);
        free(work);
        free(r->tag);
        free(r->digest);
        memset(r, 0, sizeof(*r));
        if (msg) {
            *err = msg;
            return -1;
        }
        return ref_error(err, "invalid reference format");
    }
    sb_adds(&familiar, path);
    r->repo = sb_detach(&familiar, NULL);
    if (!r->tag)
        r->tag = xstrdup("latest");
    free(work);
    return 0;
}

void image_ref_release(struct image_ref *r)
{
    free(r->repo);
    free(r->tag);
    free(r->digest);
    memset(r, 0, sizeof(*r));
}

void image_ref_familiar(struct sb *out, const struct image_ref *r)
{
    sb_addf(out, "%s:%s", r->repo, r->tag);
}

/* ==================================================================== */
/* Images                                                               */
/* ==================================================================== */

struct image *image_new(struct image *base)
{
    struct image *img = xcalloc(1, sizeof(*img));
    strlist_init(&img->tags);
    image_config_init(&img->cfg);
    vfs_init(&img->fs, base ? &base->fs : NULL);
    img->base = base;
    if (base) {
        image_config_copy(&img->cfg, &base->cfg);
        img->cat = base->cat;
        /* the history continues the base's */
        img->hist = xcalloc(base->n_hist ? base->n_hist : 1,
                            sizeof(*img->hist));
        for (size_t i = 0; i < base->n_hist; i++) {
            img->hist[i] = base->hist[i];
            img->hist[i].created_by = xstrdup(base->hist[i].created_by);
            img->hist[i].comment = xstrdup(base->hist[i].comment);
        }
        img->n_hist = base->n_hist;
        img->size = base->size;
    }
    return img;
}

/* The id: a digest of the config and history, as Docker's is a digest
 * of the config JSON. */
static void compute_id(struct store *s, struct image *img)
{
    struct sb j = SB_INIT;
    image_config_to_json(&j, &img->cfg, 0);
    for (size_t i = 0; i < img->n_hist; i++)
        sb_addf(&j, "\n%s", img->hist[i].created_by);
    sb_addf(&j, "\n%ld %lu", img->created, s->serial);
    char hex[65];
    sha256_hex(j.buf, j.len, hex);
    sb_release(&j);
    free(img->id);
    struct sb id = SB_INIT;
    sb_addf(&id, "sha256:%s", hex);
    img->id = sb_detach(&id, NULL);
}

struct image *store_add_image(struct store *s, struct image *img)
{
    s->serial++;
    compute_id(s, img);
    s->images = xreallocarray(s->images, s->n_images + 1, sizeof(*s->images));
    s->images[s->n_images++] = img;
    if (img->base)
        img->base->children++;
    return img;
}

void store_tag(struct store *s, struct image *img, const char *tag)
{
    for (size_t i = 0; i < s->n_images; i++) {
        struct image *o = s->images[i];
        long k = strlist_find(&o->tags, tag);
        if (k >= 0 && o != img) {
            free(o->tags.v[k]);
            memmove(o->tags.v + k, o->tags.v + k + 1,
                    (o->tags.n - (size_t)k - 1) * sizeof(*o->tags.v));
            o->tags.n--;
        }
    }
    if (strlist_find(&img->tags, tag) < 0)
        strlist_push(&img->tags, tag);
}

int store_untag(struct store *s, const char *tag)
{
    for (size_t i = 0; i < s->n_images; i++) {
        struct image *o = s->images[i];
        long k = strlist_find(&o->tags, tag);
        if (k < 0)
            continue;
        free(o->tags.v[k]);
        memmove(o->tags.v + k, o->tags.v + k + 1,
                (o->tags.n - (size_t)k - 1) * sizeof(*o->tags.v));
        o->tags.n--;
        return 0;
    }
    return -1;
}

static bool id_matches(const struct image *img, const char *ref)
{
    const char *hex = img->id + 7; /* after "sha256:" */
    const char *r = ref;
    if (strncmp(r, "sha256:", 7) == 0)
        r += 7;
    size_t n = strlen(r);
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((r[i] >= '0' && r[i] <= '9') || (r[i] >= 'a' && r[i] <= 'f')))
            return false;
    return strncmp(hex, r, n) == 0;
}

struct image *store_find_image(struct store *s, const char *ref)
{
    struct image_ref r;
    char *err = NULL;
    if (image_ref_parse(ref, &r, &err) == 0) {
        struct sb fam = SB_INIT;
        image_ref_familiar(&fam, &r);
        for (size_t i = s->n_images; i-- > 0;)
            if (strlist_find(&s->images[i]->tags, fam.buf) >= 0) {
                sb_release(&fam);
                image_ref_release(&r);
                return s->images[i];
            }
        sb_release(&fam);
        image_ref_release(&r);
    } else {
        free(err);
    }
    /* an id or a unique id prefix */
    struct image *found = NULL;
    for (size_t i = 0; i < s->n_images; i++)
        if (!s->images[i]->hidden && id_matches(s->images[i], ref)) {
            if (found && found != s->images[i])
                return NULL;
            found = s->images[i];
        }
    return found;
}

/* Approximate compressed-then-unpacked sizes of the official images (the
 * SIZE column of `docker images`); sample data, like the versions. */
static uint64_t approx_size(const char *repo, const char *tag)
{
    static const struct {
        const char *repo;
        double full, slim, alpine; /* MB */
    } t[] = {
        { "busybox", 4.28, 4.28, 4.28 },  { "alpine", 8.31, 8.31, 8.31 },
        { "debian", 117, 74.8, 74.8 },    { "ubuntu", 78.1, 78.1, 78.1 },
        { "python", 1020, 124, 47.3 },    { "node", 1120, 219, 160 },
        { "nginx", 192, 192, 52.5 },      { "redis", 128, 128, 41.4 },
        { "postgres", 438, 438, 278 },    { "golang", 823, 823, 256 },
        { "ruby", 1010, 213, 88.2 },      { "httpd", 148, 148, 62.1 },
        { "mysql", 797, 797, 797 },
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
        if (strcmp(repo, t[i].repo) == 0) {
            double mb = strstr(tag, "alpine") ? t[i].alpine
                        : strstr(tag, "slim") ? t[i].slim
                                              : t[i].full;
            return (uint64_t)(mb * 1e6);
        }
    return 0;
}

struct image *store_image(struct store *s, const char *ref, bool *pulled)
{
    if (pulled)
        *pulled = false;
    struct image *img = store_find_image(s, ref);
    if (img)
        return img;
    struct image_ref r;
    char *err = NULL;
    if (image_ref_parse(ref, &r, &err) < 0) {
        free(err);
        return NULL;
    }
    struct sb fam = SB_INIT;
    image_ref_familiar(&fam, &r);
    const struct catalog_image *c = r.digest ? NULL : catalog_find(fam.buf);
    if (c) {
        img = image_new(NULL);
        img->cat = c;
        img->pulled = true;
        catalog_config(c, &img->cfg);
        catalog_fs(c, &img->fs);
        /* history: the base layer, then the config's last instruction */
        char hex[65];
        sha256_hex(fam.buf, fam.len, hex);
        img->size = approx_size(r.repo, r.tag);
        img->hist = xcalloc(2, sizeof(*img->hist));
        /* rootfs images (alpine, busybox, ubuntu) are still made by the
           classic builder: "/bin/sh -c #(nop) ..." rows, no comment */
        bool classic = strcmp(r.repo, "alpine") == 0 ||
                       strcmp(r.repo, "busybox") == 0 ||
                       strcmp(r.repo, "ubuntu") == 0;
        const char *nop = classic ? "/bin/sh -c #(nop) " : "";
        struct sb add = SB_INIT;
        sb_addf(&add, "%sADD file:%s in / ", nop, hex);
        img->hist[0].created_by = sb_detach(&add, NULL);
        img->hist[0].comment = xstrdup("");
        img->hist[0].size = img->size;
        img->hist[0].created = s->clock - 86400 * 9;
        img->n_hist = 1;
        if (img->cfg.cmd.n) {
            struct sb cmd = SB_INIT;
            sb_addf(&cmd, "%sCMD [", classic ? "/bin/sh -c #(nop)  " : "");
            for (size_t i = 0; i < img->cfg.cmd.n; i++) {
                if (i)
                    sb_addch(&cmd, ' ');
                sb_addf(&cmd, "\"%s\"", img->cfg.cmd.v[i]);
            }
            sb_addch(&cmd, ']');
            img->hist[1].created_by = sb_detach(&cmd, NULL);
            img->hist[1].comment =
                xstrdup(classic ? "" : "buildkit.dockerfile.v0");
            img->hist[1].empty_layer = true;
            img->hist[1].created = s->clock - 86400 * 9;
            img->n_hist = 2;
        }
        img->created = s->clock - 86400 * 9;
        store_add_image(s, img);
        store_tag(s, img, fam.buf);
        if (pulled)
            *pulled = true;
    }
    sb_release(&fam);
    image_ref_release(&r);
    return img;
}
