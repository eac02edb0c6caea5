#include "imgconfig.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "sb.h"
#include "xmalloc.h"

/*
 * Conventions of this file (imgconfig.h leaves them open):
 *  - After image_config_init every string field is an allocated "" (never
 *    NULL), so callers may test `*c->user`; image_config_set_str(f, NULL)
 *    stores "" too.
 *  - The *_copy functions replace dst: it must be initialised (or all
 *    zero bytes, e.g. from xcalloc); its old content is released first.
 */

/* ----- strlist ---------------------------------------------------- */

void strlist_init(struct strlist *l)
{
    l->v = NULL;
    l->n = 0;
    l->set = false;
}

void strlist_set_empty(struct strlist *l)
{
    strlist_release(l);
    l->set = true;
}

static void strlist_append_owned(struct strlist *l, char *s)
{
    l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
    l->v[l->n++] = s;
    l->set = true;
}

void strlist_push(struct strlist *l, const char *s)
{
    strlist_append_owned(l, xstrdup(s));
}

void strlist_pushn(struct strlist *l, const char *s, size_t len)
{
    strlist_append_owned(l, xmemdup0(s, len));
}

void strlist_copy(struct strlist *dst, const struct strlist *src)
{
    if (dst == src)
        return;
    strlist_release(dst);
    dst->set = src->set;
    if (!src->n)
        return;
    dst->v = xreallocarray(NULL, src->n, sizeof(*dst->v));
    for (size_t i = 0; i < src->n; i++)
        dst->v[i] = xstrdup(src->v[i]);
    dst->n = src->n;
}

void strlist_release(struct strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    strlist_init(l);
}

bool strlist_equal(const struct strlist *a, const struct strlist *b)
{
    if (a->set != b->set || a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i], b->v[i]) != 0)
            return false;
    return true;
}

long strlist_find(const struct strlist *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0)
            return (long)i;
    return -1;
}

void strlist_add_sorted(struct strlist *l, const char *s)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(l->v[mid], s);
        if (c == 0) {
            l->set = true;
            return;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
    memmove(l->v + lo + 1, l->v + lo, (l->n - lo) * sizeof(*l->v));
    l->v[lo] = xstrdup(s);
    l->n++;
    l->set = true;
}

/* ----- image_config ----------------------------------------------- */

void image_config_init(struct image_config *c)
{
    c->user = xstrdup("");
    strlist_init(&c->exposed_ports);
    strlist_init(&c->env);
    strlist_init(&c->entrypoint);
    strlist_init(&c->cmd);
    strlist_init(&c->volumes);
    c->working_dir = xstrdup("");
    c->labels = NULL;
    c->n_labels = 0;
    c->stop_signal = xstrdup("");
    c->args_escaped = false;
    c->healthcheck = NULL;
    strlist_init(&c->onbuild);
    strlist_init(&c->shell);
    c->author = xstrdup("");
}

static void health_free(struct health_config *h)
{
    if (!h)
        return;
    strlist_release(&h->test);
    free(h);
}

void image_config_release(struct image_config *c)
{
    if (!c)
        return;
    free(c->user);
    strlist_release(&c->exposed_ports);
    strlist_release(&c->env);
    strlist_release(&c->entrypoint);
    strlist_release(&c->cmd);
    strlist_release(&c->volumes);
    free(c->working_dir);
    for (size_t i = 0; i < c->n_labels; i++) {
        free(c->labels[i].key);
        free(c->labels[i].value);
    }
    free(c->labels);
    free(c->stop_signal);
    health_free(c->healthcheck);
    strlist_release(&c->onbuild);
    strlist_release(&c->shell);
    free(c->author);
    c->user = c->working_dir = c->stop_signal = c->author = NULL;
    c->labels = NULL;
    c->n_labels = 0;
    c->healthcheck = NULL;
}

static char *dup_or_empty(const char *s)
{
    return xstrdup(s ? s : "");
}

void image_config_copy(struct image_config *dst,
                       const struct image_config *src)
{
    if (dst == src)
        return;
    image_config_release(dst);
    dst->user = dup_or_empty(src->user);
    strlist_copy(&dst->exposed_ports, &src->exposed_ports);
    strlist_copy(&dst->env, &src->env);
    strlist_copy(&dst->entrypoint, &src->entrypoint);
    strlist_copy(&dst->cmd, &src->cmd);
    strlist_copy(&dst->volumes, &src->volumes);
    dst->working_dir = dup_or_empty(src->working_dir);
    dst->n_labels = src->n_labels;
    dst->labels = NULL;
    if (src->n_labels) {
        dst->labels = xreallocarray(NULL, src->n_labels, sizeof(*dst->labels));
        for (size_t i = 0; i < src->n_labels; i++) {
            dst->labels[i].key = xstrdup(src->labels[i].key);
            dst->labels[i].value = xstrdup(src->labels[i].value);
        }
    }
    dst->stop_signal = dup_or_empty(src->stop_signal);
    dst->args_escaped = src->args_escaped;
    dst->healthcheck = NULL;
    if (src->healthcheck) {
        dst->healthcheck = xmalloc(sizeof(*dst->healthcheck));
        *dst->healthcheck = *src->healthcheck;
        strlist_init(&dst->healthcheck->test);
        strlist_copy(&dst->healthcheck->test, &src->healthcheck->test);
    }
    strlist_copy(&dst->onbuild, &src->onbuild);
    strlist_copy(&dst->shell, &src->shell);
    dst->author = dup_or_empty(src->author);
}

/* Length of the key of an env entry "KEY=value" (all of it if no '='). */
static size_t env_key_len(const char *kv)
{
    const char *eq = strchr(kv, '=');
    return eq ? (size_t)(eq - kv) : strlen(kv);
}

static bool env_key_is(const char *kv, const char *key)
{
    size_t klen = strlen(key);
    return env_key_len(kv) == klen && memcmp(kv, key, klen) == 0;
}

const char *image_config_getenv(const struct image_config *c, const char *key)
{
    for (size_t i = 0; i < c->env.n; i++) {
        const char *kv = c->env.v[i];
        if (env_key_is(kv, key) && kv[strlen(key)] == '=')
            return kv + strlen(key) + 1;
    }
    return NULL;
}

/* BuildKit's addEnv: the first entry with the same key is replaced in
 * place (keys compare case-sensitively on Linux), else append. */
void image_config_setenv(struct image_config *c, const char *key,
                         const char *value)
{
    struct sb kv = SB_INIT;
    sb_adds(&kv, key);
    sb_addch(&kv, '=');
    sb_adds(&kv, value ? value : "");
    for (size_t i = 0; i < c->env.n; i++) {
        if (env_key_is(c->env.v[i], key)) {
            free(c->env.v[i]);
            c->env.v[i] = sb_detach(&kv, NULL);
            return;
        }
    }
    strlist_append_owned(&c->env, sb_detach(&kv, NULL));
}

/* Labels stay sorted by key (byte order), as Go marshals a map. */
void image_config_set_label(struct image_config *c, const char *key,
                            const char *value)
{
    size_t lo = 0, hi = c->n_labels;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(c->labels[mid].key, key);
        if (cmp == 0) {
            free(c->labels[mid].value);
            c->labels[mid].value = dup_or_empty(value);
            return;
        }
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    c->labels = xreallocarray(c->labels, c->n_labels + 1, sizeof(*c->labels));
    memmove(c->labels + lo + 1, c->labels + lo,
            (c->n_labels - lo) * sizeof(*c->labels));
    c->labels[lo].key = xstrdup(key);
    c->labels[lo].value = dup_or_empty(value);
    c->n_labels++;
}

void image_config_set_str(char **field, const char *value)
{
    char *old = *field;
    *field = dup_or_empty(value);
    free(old);
}

/* ----- JSON ------------------------------------------------------- */

/*
 * The text is what `docker image inspect` prints on Engine 29 (API 1.52):
 * the daemon writes InspectResponse with httputils.WriteJSON, i.e. a
 * json.Encoder with SetEscapeHTML(false), so <, > and & stay raw (the
 * compat wrapper that re-marshals with json.Marshal, and so escapes them
 * and sorts every key, is only used for API < 1.52 or for images that
 * carry the deprecated Parent/DockerVersion fields); the CLI then
 * re-indents the raw bytes with json.Indent(dst, src, "", "    "), which
 * never changes a string's escaping.
 *
 * Config is dockerspec.DockerOCIImageConfig: ocispec.ImageConfig (User,
 * ExposedPorts, Env, Entrypoint, Cmd, Volumes, WorkingDir, Labels,
 * StopSignal, ArgsEscaped) then Healthcheck, OnBuild, Shell, all with
 * `omitempty`. Go's omitempty drops a nil *and* an empty slice or map, so
 * an Entrypoint set to [] (debian's image config) is left out exactly like
 * a null one; only API 1.50/1.51 re-add it, as "Entrypoint": null.
 */

struct jw {
    struct sb *out;
    int level;  /* nesting of the value being written */
    bool first; /* no member written yet at this level */
};

static void jw_newline(struct jw *w)
{
    sb_addch(w->out, '\n');
    for (int i = 0; i < w->level * 4; i++)
        sb_addch(w->out, ' ');
}

static void jw_key(struct jw *w, const char *key)
{
    if (!w->first)
        sb_addch(w->out, ',');
    w->first = false;
    jw_newline(w);
    json_write_string(w->out, key, strlen(key));
    sb_adds(w->out, ": ");
}

static void jw_str(struct jw *w, const char *s)
{
    json_write_string(w->out, s, strlen(s));
}

/* Open an object or array whose members come next. */
static void jw_open(struct jw *w, int c)
{
    sb_addch(w->out, (char)c);
    w->level++;
    w->first = true;
}

/* Close it: Go's Indent keeps an empty {} or [] on one line. */
static void jw_close(struct jw *w, int c)
{
    bool empty = w->first;
    w->level--;
    if (!empty)
        jw_newline(w);
    sb_addch(w->out, (char)c);
    w->first = false;
}

static void jw_array(struct jw *w, const struct strlist *l)
{
    jw_open(w, '[');
    for (size_t i = 0; i < l->n; i++) {
        if (!w->first)
            sb_addch(w->out, ',');
        w->first = false;
        jw_newline(w);
        jw_str(w, l->v[i]);
    }
    jw_close(w, ']');
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_label(const void *a, const void *b)
{
    return strcmp((*(const struct label *const *)a)->key,
                  (*(const struct label *const *)b)->key);
}

/*
 * A Go map[string]struct{}: {"80/tcp": {}}. Go writes map keys sorted
 * and once each; the lists are normally kept that way (add_sorted), but
 * sort a copy anyway so a list built with strlist_push prints right.
 */
static void jw_set(struct jw *w, const struct strlist *l)
{
    char **keys = xreallocarray(NULL, l->n ? l->n : 1, sizeof(*keys));
    memcpy(keys, l->v, l->n * sizeof(*keys));
    qsort(keys, l->n, sizeof(*keys), cmp_str);
    jw_open(w, '{');
    for (size_t i = 0; i < l->n; i++) {
        if (i && strcmp(keys[i], keys[i - 1]) == 0)
            continue;
        jw_key(w, keys[i]);
        sb_adds(w->out, "{}");
    }
    jw_close(w, '}');
    free(keys);
}

/* map[string]string: sorted by key, the last value of a duplicate wins. */
static void jw_labels(struct jw *w, const struct image_config *c)
{
    const struct label **ls =
        xreallocarray(NULL, c->n_labels ? c->n_labels : 1, sizeof(*ls));
    for (size_t i = 0; i < c->n_labels; i++)
        ls[i] = &c->labels[i];
    /* qsort is not stable: order equal keys by position afterwards */
    qsort(ls, c->n_labels, sizeof(*ls), cmp_label);
    jw_open(w, '{');
    for (size_t i = 0; i < c->n_labels; i++) {
        size_t last = i;
        while (last + 1 < c->n_labels &&
               strcmp(ls[last + 1]->key, ls[i]->key) == 0)
            last++;
        const struct label *winner = ls[i];
        for (size_t j = i; j <= last; j++)
            if (ls[j] > winner)
                winner = ls[j];
        jw_key(w, winner->key);
        jw_str(w, winner->value);
        i = last;
    }
    jw_close(w, '}');
    free(ls);
}

static void jw_int_member(struct jw *w, const char *key, int64_t v)
{
    if (!v)
        return;
    jw_key(w, key);
    sb_addf(w->out, "%" PRId64, v);
}

static bool str_set(const char *s)
{
    return s && *s;
}

void image_config_to_json(struct sb *out, const struct image_config *c,
                          int indent)
{
    struct jw w = { out, indent, true };

    jw_open(&w, '{');
    if (str_set(c->user)) {
        jw_key(&w, "User");
        jw_str(&w, c->user);
    }
    if (c->exposed_ports.n) {
        jw_key(&w, "ExposedPorts");
        jw_set(&w, &c->exposed_ports);
    }
    if (c->env.n) {
        jw_key(&w, "Env");
        jw_array(&w, &c->env);
    }
    if (c->entrypoint.n) {
        jw_key(&w, "Entrypoint");
        jw_array(&w, &c->entrypoint);
    }
    if (c->cmd.n) {
        jw_key(&w, "Cmd");
        jw_array(&w, &c->cmd);
    }
    if (c->volumes.n) {
        jw_key(&w, "Volumes");
        jw_set(&w, &c->volumes);
    }
    if (str_set(c->working_dir)) {
        jw_key(&w, "WorkingDir");
        jw_str(&w, c->working_dir);
    }
    if (c->n_labels) {
        jw_key(&w, "Labels");
        jw_labels(&w, c);
    }
    if (str_set(c->stop_signal)) {
        jw_key(&w, "StopSignal");
        jw_str(&w, c->stop_signal);
    }
    if (c->args_escaped) {
        jw_key(&w, "ArgsEscaped");
        sb_adds(out, "true");
    }
    if (c->healthcheck) {
        const struct health_config *h = c->healthcheck;
        jw_key(&w, "Healthcheck");
        jw_open(&w, '{');
        if (h->test.n) {
            jw_key(&w, "Test");
            jw_array(&w, &h->test);
        }
        jw_int_member(&w, "Interval", h->interval);
        jw_int_member(&w, "Timeout", h->timeout);
        jw_int_member(&w, "StartPeriod", h->start_period);
        jw_int_member(&w, "StartInterval", h->start_interval);
        jw_int_member(&w, "Retries", h->retries);
        jw_close(&w, '}');
    }
    if (c->onbuild.n) {
        jw_key(&w, "OnBuild");
        jw_array(&w, &c->onbuild);
    }
    if (c->shell.n) {
        jw_key(&w, "Shell");
        jw_array(&w, &c->shell);
    }
    jw_close(&w, '}');
}

void strlist_to_json_inline(struct sb *out, const struct strlist *l)
{
    if (!l->set) {
        sb_adds(out, "null");
        return;
    }
    sb_addch(out, '[');
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            sb_adds(out, ", ");
        json_write_string(out, l->v[i], strlen(l->v[i]));
    }
    sb_addch(out, ']');
}
