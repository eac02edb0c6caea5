/*
 * complete.h: Tab completion by context, without readline (line_input.c
 * hands readline's buffer to complete_line). Candidates come from the
 * tables that define things: instr_table (keywords, flags),
 * dcli_commands (docker commands, flags), colon_cmds and colon_settings
 * (: commands and their arguments), help topics, lesson ids (the
 * lesson library), the catalogue and the session (image, stage,
 * container and build-context file names), and the directory listing
 * for :load/:save.
 */
#ifndef COMPLETE_H
#define COMPLETE_H

#include "common.h"

struct repl;
struct strlist;

/*
 * Complete the word that ends at line[end] (it starts after the last
 * blank before end; *start gets that offset). Candidates are whole words
 * that replace it, sorted and without duplicates, appended to out (which
 * must be initialised). Instruction keywords keep the case typed (fr ->
 * from, FR -> FROM). A candidate ending in '/' or '=' expects more text
 * (no space after it). Returns the number of candidates.
 */
size_t complete_line(struct repl *r, const char *line, size_t end,
                     size_t *start, struct strlist *out);

#endif /* COMPLETE_H */
