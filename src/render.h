/*
 * render.h: turning docksim's data (diagnostics, instructions) into text
 * for people. Used by the front-ends; never prints on its own initiative:
 * every function writes to the FILE it is given.
 */
#ifndef RENDER_H
#define RENDER_H

#include <stdio.h>

#include "common.h"

struct diag;
struct diag_list;
struct sb;

/*
 * One line per diagnostic:
 *   NAME:LINE: error: MESSAGE
 *   NAME:LINE: warning: RULE: MESSAGE
 * Parser warnings that a build check repeats (empty continuation lines)
 * are not printed twice. Returns the number of lines written.
 */
size_t render_diags(FILE *f, const char *name, const struct diag_list *dl);
void render_diag(FILE *f, const char *name, const struct diag *d);

/*
 * docksim's own notes about input that BuildKit accepts but that is
 * almost certainly a mistake (UTF-16, NUL bytes, over-long lines), each
 * one line starting "NAME: docksim note: ".
 */
void render_input_notes(FILE *f, const char *name, const char *text,
                        size_t len);

/*
 * Append s[0..len) as one display line: control characters escaped
 * (\t, \n, \xHH), cut to at most max columns with "..." at the end.
 */
void render_one_line(struct sb *out, const char *s, size_t len, size_t max);

/*
 * Append text word-wrapped at width columns, every line indented by
 * indent spaces (the first too), ending with a newline.
 */
void render_wrapped(struct sb *out, const char *text, size_t indent,
                    size_t width);

/*
 * Go's text/tabwriter as the docker CLI configures it for tables
 * (minwidth 10, padding 3, spaces): cells[r * ncols + c], the last column
 * unpadded. Widths count runes.
 */
void render_table(struct sb *out, const char *const *cells, size_t nrows,
                  size_t ncols);

/* go-units HumanDuration ("Less than a second", "5 seconds", "About a
 * minute", ...). */
void render_human_duration(struct sb *out, long seconds);

/* go-units HumanSizeWithPrecision(n, 3): "0B", "7.8MB", "117MB". */
void render_human_size(struct sb *out, double bytes);

#endif /* RENDER_H */
