/*
 * diag.h: diagnostics as data. Every error and warning the parser, the
 * instruction layer or the build checks produce is a struct diag with
 * BuildKit's exact message text and line numbers; front-ends render them.
 *
 * Line numbers follow BuildKit: 1-based physical lines, except the quirks
 * BuildKit has (a parser-directive error reports the 0-based index of its
 * line; "file with no instructions" reports the line count).
 */
#ifndef DIAG_H
#define DIAG_H

#include "arena.h"
#include "common.h"

enum diag_level {
    DIAG_ERROR,
    DIAG_WARNING,
};

/* Which BuildKit layer produced it (decides wording and prefix). */
enum diag_kind {
    DIAG_PARSE,         /* parser.Parse error: no line prefix */
    DIAG_PARSE_WARNING, /* parser.Parse warning (empty continuation) */
    DIAG_INSTR,         /* instructions.Parse error */
    DIAG_CHECK_OPTION,  /* bad `# check=` value */
    DIAG_LINT,          /* a build check (rule != NULL) */
    DIAG_BUILD,         /* conversion (image build) error */
};

struct diag {
    enum diag_level level;
    enum diag_kind kind;
    const char *rule; /* build-check rule name, or NULL */
    int start_line;   /* BuildKit's numbering (see above) */
    int end_line;
    const char *msg;  /* exact BuildKit text, NUL-terminated; it may also
                         contain NUL bytes from the input: msg_len counts */
    size_t msg_len;
};

/* A growable list; owns its items and their strings (in its arena). */
struct diag_list {
    struct diag *items;
    size_t n, cap;
    struct arena arena;
};

#define DIAG_LIST_INIT { NULL, 0, 0, ARENA_INIT }

void diag_list_init(struct diag_list *dl);
void diag_list_release(struct diag_list *dl);

/* Append a diagnostic; msg is copied. Returns the new item. */
struct diag *diag_add(struct diag_list *dl, enum diag_level level,
                      enum diag_kind kind, const char *rule, int start_line,
                      int end_line, const char *msg);
/* Like diag_add with a message of len bytes (which may hold NUL). */
struct diag *diag_addn(struct diag_list *dl, enum diag_level level,
                       enum diag_kind kind, const char *rule, int start_line,
                       int end_line, const char *msg, size_t len);
struct diag *diag_addf(struct diag_list *dl, enum diag_level level,
                       enum diag_kind kind, const char *rule, int start_line,
                       int end_line, const char *fmt, ...) ATTR_PRINTF(7, 8);

size_t diag_count(const struct diag_list *dl, enum diag_level level);
/* The first error, or NULL. */
const struct diag *diag_first_error(const struct diag_list *dl);

#endif /* DIAG_H */
