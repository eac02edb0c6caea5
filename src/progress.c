/*
 * progress.c: the progress file (see progress.h).
 */
#include "progress.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sb.h"
#include "xmalloc.h"

#define PROGRESS_HEADER \
    "# docksim progress, format 1. Safe to copy between machines.\n"

void progress_init(struct progress *p)
{
    memset(p, 0, sizeof(*p));
}

void progress_release(struct progress *p)
{
    free(p->cur_lesson);
    free(p->cur_step);
    for (size_t i = 0; i < p->n_done; i++) {
        free(p->done[i].lesson);
        free(p->done[i].step);
    }
    free(p->done);
    progress_init(p);
}

/* Next blank-separated word of *s (advanced), or NULL at the end. */
static char *word(const char **s)
{
    const char *t = *s;
    while (*t == ' ' || *t == '\t')
        t++;
    if (!*t) {
        *s = t;
        return NULL;
    }
    const char *b = t;
    while (*t && *t != ' ' && *t != '\t')
        t++;
    *s = t;
    return xmemdup0(b, (size_t)(t - b));
}

static bool valid_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
              *s == '-'))
            return false;
    return true;
}

static bool parse_num(const char *s, int *out)
{
    if (!*s)
        return false;
    long n = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || n > INT_MAX / 10)
            return false;
        n = n * 10 + (*s - '0');
    }
    if (n > INT_MAX)
        return false;
    *out = (int)n;
    return true;
}

/* A `done LESSON@VERSION STEP [hints=N] [solution-shown]` line's words
 * after "done"; NULL if fine, else why not. */
static const char *parse_done(struct progress *p, const char *s)
{
    char *lv = word(&s), *step = word(&s), *w;
    const char *why = NULL;
    int version = 0, hints = 0;
    bool shown = false;
    char *at = lv ? strchr(lv, '@') : NULL;
    if (!lv || !step) {
        why = "a done line reads 'done LESSON@VERSION STEP'";
    } else if (!at || !parse_num(at + 1, &version) || version < 1) {
        why = "expected LESSON@VERSION after done";
    } else {
        *at = '\0';
        if (!valid_name(lv) || !valid_name(step))
            why = "lesson and step ids are lower-case letters, digits and '-'";
    }
    while (!why && (w = word(&s)) != NULL) {
        bool is_hints = strncmp(w, "hints=", 6) == 0;
        if (is_hints && parse_num(w + 6, &hints)) {
            /* hints=N */
        } else if (strcmp(w, "solution-shown") == 0) {
            shown = true;
        } else {
            why = "unknown word after the step (expected hints=N or "
                  "solution-shown)";
        }
        free(w);
    }
    if (!why)
        progress_mark_done(p, lv, version, step, hints, shown);
    free(lv);
    free(step);
    return why;
}

/* Problems are reported as "FILE:N: message" (file NULL: "line N: "). */
static int parse_text(struct progress *p, const char *text, size_t len,
                      struct sb *err, const char *file)
{
    progress_release(p);
    int bad = 0, ln = 0;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        char *line = xmemdup0(text + i, j - i);
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[ll - 1] = '\0';
        ln++;
        i = j + 1;
        const char *s = line, *why = NULL;
        char *w = word(&s);
        if (!w || w[0] == '#') {
            /* blank or a comment */
        } else if (strcmp(w, "current") == 0) {
            char *lesson = word(&s), *step = word(&s), *extra = word(&s);
            if (!lesson || extra || !valid_name(lesson) ||
                (step && !valid_name(step)))
                why = "a current line reads 'current LESSON [STEP]'";
            else
                progress_set_current(p, lesson, step);
            free(lesson);
            free(step);
            free(extra);
        } else if (strcmp(w, "done") == 0) {
            why = parse_done(p, s);
        } else {
            why = "unknown line (expected current or done)";
        }
        if (why) {
            bad++;
            if (err && file)
                sb_addf(err, "%s:%d: %s\n", file, ln, why);
            else if (err)
                sb_addf(err, "line %d: %s\n", ln, why);
        }
        free(w);
        free(line);
    }
    return bad ? -1 : 0;
}

int progress_parse(struct progress *p, const char *text, size_t len,
                   struct sb *err)
{
    return parse_text(p, text, len, err, NULL);
}

void progress_format(const struct progress *p, struct sb *out)
{
    sb_adds(out, PROGRESS_HEADER);
    if (p->cur_lesson)
        sb_addf(out, "current %s%s%s\n", p->cur_lesson,
                p->cur_step ? " " : "", p->cur_step ? p->cur_step : "");
    for (size_t i = 0; i < p->n_done; i++) {
        const struct progress_done *d = &p->done[i];
        sb_addf(out, "done %s@%d %s hints=%d%s\n", d->lesson, d->version,
                d->step, d->hints, d->solution_shown ? " solution-shown" : "");
    }
}

int progress_load(struct progress *p, const char *path, struct sb *err)
{
    progress_release(p);
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        sb_addf(err, "cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    struct sb text = SB_INIT;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && text.len < (1u << 24))
        sb_add(&text, buf, n);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        sb_addf(err, "cannot read %s\n", path);
        sb_release(&text);
        return -1;
    }
    int rc = parse_text(p, text.buf, text.len, err, path);
    sb_release(&text);
    return rc;
}

/* mkdir -p of path's parent directory. */
static int make_parents(const char *path, struct sb *err)
{
    char *d = xstrdup(path);
    for (char *s = d + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(d, 0700) < 0 && errno != EEXIST) {
            sb_addf(err, "cannot create %s: %s\n", d, strerror(errno));
            free(d);
            return -1;
        }
        *s = '/';
    }
    free(d);
    return 0;
}

int progress_save(const struct progress *p, const char *path, struct sb *err)
{
    if (make_parents(path, err) < 0)
        return -1;
    struct sb tmp = SB_INIT, text = SB_INIT;
    sb_addf(&tmp, "%s.tmp", path);
    progress_format(p, &text);
    FILE *f = fopen(tmp.buf, "wb");
    int rc = -1;
    if (!f) {
        sb_addf(err, "cannot write %s: %s\n", tmp.buf, strerror(errno));
    } else {
        bool ok = fwrite(text.buf, 1, text.len, f) == text.len;
        ok = fclose(f) == 0 && ok;
        if (!ok) {
            sb_addf(err, "cannot write %s\n", tmp.buf);
            remove(tmp.buf);
        } else if (rename(tmp.buf, path) < 0) {
            sb_addf(err, "cannot rename %s to %s: %s\n", tmp.buf, path,
                    strerror(errno));
            remove(tmp.buf);
        } else {
            rc = 0;
        }
    }
    sb_release(&tmp);
    sb_release(&text);
    return rc;
}

char *progress_default_path(const char *(*getenv_fn)(const char *name))
{
    const char *x = getenv_fn ? getenv_fn("XDG_STATE_HOME") : NULL;
    struct sb p = SB_INIT;
    if (x && x[0] == '/') {
        sb_addf(&p, "%s/docksim/progress", x);
        return sb_detach(&p, NULL);
    }
    const char *home = getenv_fn ? getenv_fn("HOME") : NULL;
    if (!home || !*home)
        return NULL;
    sb_addf(&p, "%s/.local/state/docksim/progress", home);
    return sb_detach(&p, NULL);
}

void progress_set_current(struct progress *p, const char *lesson,
                          const char *step)
{
    free(p->cur_lesson);
    free(p->cur_step);
    p->cur_lesson = lesson ? xstrdup(lesson) : NULL;
    p->cur_step = lesson && step ? xstrdup(step) : NULL;
}

static struct progress_done *find(const struct progress *p,
                                  const char *lesson, const char *step)
{
    for (size_t i = 0; i < p->n_done; i++)
        if (strcmp(p->done[i].lesson, lesson) == 0 &&
            strcmp(p->done[i].step, step) == 0)
            return &p->done[i];
    return NULL;
}

void progress_mark_done(struct progress *p, const char *lesson, int version,
                        const char *step, int hints, bool solution_shown)
{
    struct progress_done *d = find(p, lesson, step);
    if (!d) {
        p->done = xreallocarray(p->done, p->n_done + 1, sizeof(*p->done));
        d = &p->done[p->n_done++];
        d->lesson = xstrdup(lesson);
        d->step = xstrdup(step);
    }
    d->version = version;
    d->hints = hints;
    d->solution_shown = solution_shown;
}

const struct progress_done *progress_find(const struct progress *p,
                                          const char *lesson,
                                          const char *step)
{
    return find(p, lesson, step);
}

enum progress_state progress_step_state(const struct progress *p,
                                        const char *lesson, int version,
                                        const char *step)
{
    const struct progress_done *d = find(p, lesson, step);
    if (!d)
        return PROGRESS_TODO;
    return d->version == version ? PROGRESS_DONE : PROGRESS_STALE;
}

enum progress_state progress_lesson_state(const struct progress *p,
                                          const char *lesson, int version,
                                          const char *const *steps, size_t n)
{
    size_t done = 0, stale = 0;
    for (size_t i = 0; i < n; i++) {
        enum progress_state s = progress_step_state(p, lesson, version,
                                                    steps[i]);
        done += s == PROGRESS_DONE;
        stale += s == PROGRESS_STALE;
    }
    if (n && done == n)
        return PROGRESS_DONE;
    if (stale && !done)
        return PROGRESS_STALE;
    return PROGRESS_TODO;
}

void progress_reset(struct progress *p, const char *lesson)
{
    size_t k = 0;
    for (size_t i = 0; i < p->n_done; i++) {
        if (!lesson || strcmp(p->done[i].lesson, lesson) == 0) {
            free(p->done[i].lesson);
            free(p->done[i].step);
        } else {
            p->done[k++] = p->done[i];
        }
    }
    p->n_done = k;
    if (!lesson || (p->cur_lesson && strcmp(p->cur_lesson, lesson) == 0))
        progress_set_current(p, NULL, NULL);
}
