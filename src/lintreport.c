/*
 * lintreport.c: BuildKit's and buildx's renderings of build checks (see
 * lintreport.h for where each one comes from).
 */
#include "lintreport.h"

#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "json.h"
#include "lint.h"
#include "sb.h"
#include "xmalloc.h"

/* The lint warnings of r, in the order they were raised. */
static size_t warnings_of(const struct build_result *r, bool dedup,
                          const struct diag ***out)
{
    const struct diag **v = xcalloc(r->diags.n ? r->diags.n : 1, sizeof(*v));
    size_t n = 0;
    for (size_t i = 0; i < r->diags.n; i++) {
        const struct diag *d = &r->diags.items[i];
        if (d->level != DIAG_WARNING || d->kind != DIAG_LINT || !d->rule)
            continue;
        bool seen = false;
        for (size_t k = 0; dedup && k < n && !seen; k++)
            seen = v[k]->start_line == d->start_line &&
                   strcmp(v[k]->rule, d->rule) == 0 &&
                   v[k]->msg_len == d->msg_len &&
                   memcmp(v[k]->msg, d->msg, d->msg_len) == 0;
        if (!seen)
            v[n++] = d;
    }
    *out = v;
    return n;
}

/* linter.LintFormatShort */
static void short_form(struct sb *out, const struct diag *d)
{
    sb_addf(out, "%s: ", d->rule);
    sb_add(out, d->msg, d->msg_len);
    if (d->start_line > 0)
        sb_addf(out, " (line %d)", d->start_line);
}

void lintreport_source(struct sb *out, const struct lint_source *src,
                       int start, int end)
{
    if (!src || !src->data || start < 1)
        return;
    /* strings.Split(data, "\n") */
    size_t nlines = 1;
    for (size_t i = 0; i < src->len; i++)
        nlines += src->data[i] == '\n';
    if (end < start)
        end = start;
    int rs = start, re = end; /* the marked range */
    if ((size_t)start > nlines)
        return;
    if ((size_t)end > nlines)
        end = (int)nlines;
    int pad = end == start ? 4 : 2;
    for (int p = 0; p < pad;) {
        if (start > 1) {
            start--;
            p++;
        }
        if ((size_t)end != nlines) {
            end++;
            p++;
        }
        p++;
    }
    sb_addf(out, "%s:%d\n--------------------\n", src->name, rs);
    int l = 1;
    size_t i = 0;
    while (l <= end) {
        size_t j = i;
        while (j < src->len && src->data[j] != '\n')
            j++;
        if (l >= start) {
            sb_addf(out, " %3d | %s ", l, l >= rs && l <= re ? ">>>" : "   ");
            sb_add(out, src->data + i, j - i);
            sb_addch(out, '\n');
        }
        l++;
        i = j + 1;
    }
    sb_adds(out, "--------------------\n");
}

static int cmp_line(const void *a, const void *b)
{
    const struct diag *x = *(const struct diag *const *)a;
    const struct diag *y = *(const struct diag *const *)b;
    if (x->start_line != y->start_line)
        return x->start_line < y->start_line ? -1 : 1;
    /* stable: keep the order they were raised in */
    return x < y ? -1 : x > y;
}

/* The error of r as a diag (for its line range), or NULL. */
static const struct diag *error_diag(const struct build_result *r)
{
    const struct diag *d = diag_first_error(&r->diags);
    if (!d || !r->error || d->msg_len != strlen(r->error) ||
        memcmp(d->msg, r->error, d->msg_len) != 0)
        return NULL;
    return d;
}

int lintreport_check(struct sb *out, struct sb *err,
                     const struct build_result *r,
                     const struct lint_source *src)
{
    const struct diag **w;
    size_t n = warnings_of(r, false, &w);
    if (n == 1)
        sb_adds(out, "Check complete, 1 warning has been found!\n");
    else if (n > 1)
        sb_addf(out, "Check complete, %zu warnings have been found!\n", n);
    /* LintResults.PrintTo: by line, then each Warning.PrintTo */
    if (n)
        qsort(w, n, sizeof(*w), cmp_line);
    for (size_t i = 0; i < n; i++) {
        const struct diag *d = w[i];
        enum lint_rule rule = lint_find(d->rule, strlen(d->rule));
        const char *url = rule < LINT_COUNT ? lint_rules[rule].url : "";
        sb_addf(out, "\nWARNING: %s", d->rule);
        if (*url)
            sb_addf(out, " - %s", url);
        sb_addch(out, '\n');
        sb_add(out, d->msg, d->msg_len);
        sb_addch(out, '\n');
        lintreport_source(out, src, d->start_line, d->end_line);
    }
    free(w);
    if (r->error) {
        /* PrintErrorTo into the error buildx returns: "ERROR: " + it */
        if (n)
            sb_addch(out, '\n');
        sb_adds(err, "ERROR: ");
        sb_adds(err, r->error);
        sb_addch(err, '\n');
        const struct diag *d = error_diag(r);
        if (d && r->error_line > 0)
            lintreport_source(err, src, d->start_line, d->end_line);
        sb_addch(err, '\n');
        return 1;
    }
    if (!n)
        sb_adds(out, "Check complete, no warnings found.\n");
    return n ? 1 : 0;
}

/* A Go json.Marshal string: HTML characters escaped as \u003c... */
static void go_json_string(struct sb *out, const char *s, size_t len)
{
    struct sb t = SB_INIT;
    json_write_string(&t, s, len);
    for (size_t i = 0; i < t.len; i++) {
        char c = t.buf[i];
        if (c == '<')
            sb_adds(out, "\\u003c");
        else if (c == '>')
            sb_adds(out, "\\u003e");
        else if (c == '&')
            sb_adds(out, "\\u0026");
        else
            sb_addch(out, c);
    }
    sb_release(&t);
}

static void indent(struct sb *out, int level)
{
    for (int i = 0; i < level; i++)
        sb_adds(out, "  ");
}

/* "location": {"ranges": [{"start": {"line": S}, "end": {"line": E}}]}
 * as encoding/json writes a pb.Location (zero fields omitted). */
static void json_location(struct sb *out, int level, int start, int end)
{
    if (start <= 0) {
        sb_adds(out, "{}");
        return;
    }
    sb_adds(out, "{\n");
    indent(out, level + 1);
    sb_adds(out, "\"ranges\": [\n");
    indent(out, level + 2);
    sb_adds(out, "{\n");
    indent(out, level + 3);
    sb_addf(out, "\"start\": {\n");
    indent(out, level + 4);
    sb_addf(out, "\"line\": %d\n", start);
    indent(out, level + 3);
    sb_adds(out, "},\n");
    indent(out, level + 3);
    sb_adds(out, "\"end\": {\n");
    indent(out, level + 4);
    sb_addf(out, "\"line\": %d\n", end > 0 ? end : start);
    indent(out, level + 3);
    sb_adds(out, "}\n");
    indent(out, level + 2);
    sb_adds(out, "}\n");
    indent(out, level + 1);
    sb_adds(out, "]\n");
    indent(out, level);
    sb_addch(out, '}');
}

static void base64(struct sb *out, const char *s, size_t n)
{
    static const char tab[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t i = 0;
    for (; i + 2 < n; i += 3) {
        unsigned v = (unsigned)(unsigned char)s[i] << 16 |
                     (unsigned)(unsigned char)s[i + 1] << 8 |
                     (unsigned char)s[i + 2];
        sb_addch(out, tab[v >> 18 & 63]);
        sb_addch(out, tab[v >> 12 & 63]);
        sb_addch(out, tab[v >> 6 & 63]);
        sb_addch(out, tab[v & 63]);
    }
    if (i < n) {
        unsigned v = (unsigned)(unsigned char)s[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)(unsigned char)s[i + 1] << 8;
        sb_addch(out, tab[v >> 18 & 63]);
        sb_addch(out, tab[v >> 12 & 63]);
        sb_addch(out, i + 1 < n ? tab[v >> 6 & 63] : '=');
        sb_addch(out, '=');
    }
}

void lintreport_json(struct sb *out, const struct build_result *r,
                     const struct lint_source *src)
{
    const struct diag **w;
    size_t n = warnings_of(r, false, &w);
    sb_adds(out, "{\n  \"warnings\": ");
    if (!n) {
        sb_adds(out, "null");
    } else {
        sb_adds(out, "[\n");
        for (size_t i = 0; i < n; i++) {
            const struct diag *d = w[i];
            enum lint_rule rule = lint_find(d->rule, strlen(d->rule));
            sb_adds(out, "    {\n      \"ruleName\": ");
            go_json_string(out, d->rule, strlen(d->rule));
            if (rule < LINT_COUNT && *lint_rules[rule].description) {
                sb_adds(out, ",\n      \"description\": ");
                go_json_string(out, lint_rules[rule].description,
                               strlen(lint_rules[rule].description));
            }
            if (rule < LINT_COUNT && *lint_rules[rule].url) {
                sb_adds(out, ",\n      \"url\": ");
                go_json_string(out, lint_rules[rule].url,
                               strlen(lint_rules[rule].url));
            }
            if (d->msg_len) {
                sb_adds(out, ",\n      \"detail\": ");
                go_json_string(out, d->msg, d->msg_len);
            }
            sb_adds(out, ",\n      \"location\": ");
            json_location(out, 3, d->start_line, d->end_line);
            sb_adds(out, i + 1 < n ? "\n    },\n" : "\n    }\n");
        }
        sb_adds(out, "  ]");
    }
    free(w);
    sb_adds(out, ",\n  \"sources\": [\n    {\n      \"filename\": ");
    const char *name = src && src->name ? src->name : "Dockerfile";
    go_json_string(out, name, strlen(name));
    if (src && src->len) {
        sb_adds(out, ",\n      \"data\": \"");
        base64(out, src->data, src->len);
        sb_addch(out, '"');
    }
    sb_adds(out, ",\n      \"language\": \"Dockerfile\"\n    }\n  ]");
    if (r->error) {
        const struct diag *d = error_diag(r);
        sb_adds(out, ",\n  \"buildError\": {\n    \"message\": ");
        go_json_string(out, r->error, strlen(r->error));
        sb_adds(out, ",\n    \"location\": ");
        if (d && r->error_line > 0)
            json_location(out, 2, d->start_line, d->end_line);
        else
            sb_adds(out, "{}");
        sb_adds(out, "\n  }");
    }
    sb_adds(out, "\n}\n");
}

size_t lintreport_build_count(const struct build_result *r)
{
    const struct diag **w;
    size_t n = warnings_of(r, true, &w);
    free(w);
    return n;
}

void lintreport_progress_warnings(struct sb *out,
                                  const struct build_result *r, size_t vertex)
{
    const struct diag **w;
    size_t n = warnings_of(r, true, &w);
    for (size_t i = 0; i < n; i++) {
        sb_addf(out, "#%zu WARN: ", vertex);
        short_form(out, w[i]);
        sb_addch(out, '\n');
    }
    free(w);
}

void lintreport_build_warnings(struct sb *out, const struct build_result *r)
{
    const struct diag **w;
    size_t n = warnings_of(r, true, &w);
    if (n) {
        sb_adds(out, "\n \x1b[33m");
        if (n == 1)
            sb_adds(out, "1 warning found");
        else
            sb_addf(out, "%zu warnings found", n);
        sb_adds(out, " (use docker --debug to expand):\n\x1b[0m");
        for (size_t i = 0; i < n; i++) {
            sb_adds(out, " - ");
            short_form(out, w[i]);
            sb_addch(out, '\n');
        }
    }
    free(w);
}
