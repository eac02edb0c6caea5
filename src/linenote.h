/*
 * linenote.h: the one line of feedback the shell shows after each
 * Dockerfile instruction: what it does (instr_table's summary), when it
 * matters (build time, image metadata, container start), whether it adds
 * a layer, its form (exec or shell, and what the shell form becomes),
 * plus the errors and warnings BuildKit's parser and instruction layer
 * report for its lines. Also used by :explain N.
 *
 * Text only, appended to a struct sb; nothing prints.
 */
#ifndef LINENOTE_H
#define LINENOTE_H

#include "common.h"

struct sb;

/*
 * Describe the instruction of Dockerfile text[0..len) that covers
 * physical line `line` (1-based), or the last instruction if line is 0.
 * Appends lines ending in "\n": first "line N: KEYWORD: ...", then one
 * line per error/warning ("error: ...", "warning: RULE: ..."). Returns 0,
 * or -1 (nothing appended) if no instruction is there.
 */
int linenote_describe(const char *text, size_t len, int line,
                      struct sb *out);

/*
 * The feedback after typing: the last instruction in one line, "line N:
 * KEYWORD: what this line does (when, layer)" (at most 80 columns with
 * the shell's "| "), then one line per error or warning. If the
 * instruction has an error the first line is the long form's.
 */
int linenote_short(const char *text, size_t len, struct sb *out);

/*
 * The same for one instruction on its own (:explain CMD echo hi): as if
 * it followed a FROM, with no line number. Returns -1 if line is not an
 * instruction.
 */
int linenote_explain_line(const char *line, struct sb *out);

/* "build time", "image metadata", "container start" for an enum
 * instr_when value. */
const char *linenote_when(int when);

#endif /* LINENOTE_H */
