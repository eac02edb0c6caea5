#include "render.h"

#include <string.h>

#include "diag.h"
#include "sb.h"
#include "unicode.h"

void render_diag(FILE *f, const char *name, const struct diag *d)
{
    /* Line 0 is where BuildKit puts file-level problems: no number then. */
    if (d->start_line > 0)
        fprintf(f, "%s:%d: ", name, d->start_line);
    else
        fprintf(f, "%s: ", name);
    fprintf(f, "%s: ", d->level == DIAG_ERROR ? "error" : "warning");
    if (d->rule)
        fprintf(f, "%s: ", d->rule);
    fwrite(d->msg, 1, d->msg_len, f);
    fputc('\n', f);
}

size_t render_diags(FILE *f, const char *name, const struct diag_list *dl)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->n; i++) {
        if (dl->items[i].kind == DIAG_PARSE_WARNING)
            continue; /* shown as the NoEmptyContinuation build check */
        render_diag(f, name, &dl->items[i]);
        n++;
    }
    return n;
}

void render_input_notes(FILE *f, const char *name, const char *text,
                        size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                     (u[0] == 0xFE && u[1] == 0xFF))) {
        fprintf(f, "%s: docksim note: the file starts with a UTF-16 "
                   "byte-order mark; Docker reads Dockerfiles as UTF-8, so "
                   "save it as UTF-8 (many editors call it \"UTF-8\" or "
                   "\"UTF-8 without BOM\")\n",
                name);
    } else if (memchr(text, '\0', len)) {
        fprintf(f, "%s: docksim note: the file contains NUL bytes; Docker "
                   "reads them as ordinary characters, but a Dockerfile "
                   "should be plain text\n",
                name);
    }
    size_t line = 1, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || text[i] == '\n') {
            if (i - start > DOCKERFILE_MAX_LINE) {
                fprintf(f, "%s: docksim note: line %zu is %zu bytes long; "
                           "BuildKit stops reading at a line longer than %d "
                           "bytes\n",
                        name, line, i - start, DOCKERFILE_MAX_LINE);
                break;
            }
            line++;
            start = i + 1;
        }
    }
}

void render_wrapped(struct sb *out, const char *text, size_t indent,
                    size_t width)
{
    size_t col = indent;
    const char *p = text;
    for (size_t i = 0; i < indent; i++)
        sb_addch(out, ' ');
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t wl = sp ? (size_t)(sp - p) : strlen(p);
        if (col > indent && col + 1 + wl > width) {
            sb_addch(out, '\n');
            for (size_t i = 0; i < indent; i++)
                sb_addch(out, ' ');
            col = indent;
        } else if (col > indent) {
            sb_addch(out, ' ');
            col++;
        }
        sb_add(out, p, wl);
        col += wl;
        p += wl;
        while (*p == ' ')
            p++;
    }
    sb_addch(out, '\n');
}

void render_one_line(struct sb *out, const char *s, size_t len, size_t max)
{
    size_t cols = 0, i = 0;
    for (; i < len; ) {
        int w;
        long r = utf8_decode(s + i, len - i, &w);
        char esc[8] = "";
        if (r == '\t' || r == '\n' || r == '\r')
            snprintf(esc, sizeof(esc), "\\%c",
                     r == '\t' ? 't' : r == '\n' ? 'n' : 'r');
        else if ((r < 0x20 || r == 0x7F) || (r == RUNE_ERROR && w == 1))
            snprintf(esc, sizeof(esc), "\\x%02x", (unsigned char)s[i]);
        size_t need = esc[0] ? strlen(esc) : 1;
        if (cols + need > max) {
            sb_adds(out, "...");
            return;
        }
        if (esc[0])
            sb_adds(out, esc);
        else
            sb_add(out, s + i, (size_t)w);
        cols += need;
        i += (size_t)w;
    }
}

static size_t rune_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

void render_table(struct sb *out, const char *const *cells, size_t nrows,
                  size_t ncols)
{
    size_t width[32] = { 0 };
    if (ncols > 32)
        ncols = 32;
    for (size_t r = 0; r < nrows; r++)
        for (size_t c = 0; c + 1 < ncols; c++) {
            size_t w = rune_width(cells[r * ncols + c]) + 3;
            if (w < 10)
                w = 10;
            if (w > width[c])
                width[c] = w;
        }
    for (size_t r = 0; r < nrows; r++) {
        for (size_t c = 0; c < ncols; c++) {
            const char *cell = cells[r * ncols + c];
            sb_adds(out, cell);
            if (c + 1 < ncols)
                for (size_t w = rune_width(cell); w < width[c]; w++)
                    sb_addch(out, ' ');
        }
        sb_addch(out, '\n');
    }
}

void render_human_duration(struct sb *out, long s)
{
    if (s < 1)
        sb_adds(out, "Less than a second");
    else if (s == 1)
        sb_adds(out, "1 second");
    else if (s < 60)
        sb_addf(out, "%ld seconds", s);
    else if (s / 60 == 1)
        sb_adds(out, "About a minute");
    else if (s / 60 < 60)
        sb_addf(out, "%ld minutes", s / 60);
    else {
        long h = (s + 1800) / 3600;
        if (h == 1)
            sb_adds(out, "About an hour");
        else if (h < 48)
            sb_addf(out, "%ld hours", h);
        else if (h < 24 * 7 * 2)
            sb_addf(out, "%ld days", h / 24);
        else if (h < 24 * 30 * 2)
            sb_addf(out, "%ld weeks", h / 24 / 7);
        else if (h < 24 * 365 * 2)
            sb_addf(out, "%ld months", h / 24 / 30);
        else
            sb_addf(out, "%ld years", h / 24 / 365);
    }
}

void render_human_size(struct sb *out, double b)
{
    static const char *const units[] = { "B", "kB", "MB", "GB", "TB", "PB" };
    size_t i = 0;
    while (b >= 1000 && i + 1 < sizeof(units) / sizeof(units[0])) {
        b /= 1000;
        i++;
    }
    sb_addf(out, "%.3g%s", b, units[i]);
}
