/*
 * parser.h: Dockerfile bytes -> AST, exactly as BuildKit's parser.Parse
 * (layer 2 of dockerfile-semantics.md §1): parser directives, comments,
 * line continuation, the instruction word, --flags, JSON-vs-shell form,
 * ENV/LABEL pairs, ARG words, heredocs and ONBUILD nesting.
 *
 * Nothing here validates instructions (that is instructions.h) and nothing
 * is expanded (expand.h). All memory belongs to the ast's arena.
 */
#ifndef PARSER_H
#define PARSER_H

#include <stdint.h>

#include "arena.h"
#include "common.h"
#include "instr_table.h"

struct diag_list;
struct sb;

/*
 * A byte string: may hold NUL and invalid UTF-8, like a Go string, and is
 * NOT NUL-terminated. Spans point into the parsed text (which the caller
 * keeps alive until ast_release) or into the ast's arena.
 */
struct span {
    const char *s;
    size_t len;
};

struct heredoc {
    struct span name;    /* the delimiter word, quotes removed */
    unsigned long fd;    /* file descriptor digits before << (default 0) */
    bool expand;         /* false if any part of the delimiter was quoted */
    bool chomp;          /* <<- : strip leading tabs when the body is used */
    struct span content; /* raw body lines, line terminators kept */
};

struct ast_node;

/* What most instructions do not have (kept out of line to stay small). */
struct ast_extra {
    struct span *flags;       /* flag words after extraction: "--from=a" */
    size_t n_flags;
    struct heredoc *heredocs; /* RUN/COPY/ADD (or ONBUILD of them) */
    size_t n_heredocs;
    struct span *comments;    /* doc comments since the previous instruction */
    size_t n_comments;
    struct ast_node *sub;     /* ONBUILD: the trigger instruction */
};

/*
 * One instruction (a child of the AST root, or ONBUILD's trigger).
 * Arguments are BuildKit's node.Next list; for ONBUILD the single argument
 * is the trigger, found in x->sub (n_args is then 0).
 */
struct ast_node {
    struct span keyword;      /* as written: "Run", "FROM", "foo", "" */
    struct span original;     /* the logical line (continuations joined) */
    struct span *args;
    struct ast_extra *x;      /* NULL when there is nothing extra */
    uint32_t n_args;
    int start_line, end_line; /* 1-based physical lines (0 for triggers) */
    unsigned char kind;       /* enum instr_kind; INSTR_UNKNOWN if not one */
    bool json;                /* exec (JSON array) form */
    bool empty_continuation;  /* had a blank line inside a continuation */
};

/* Accessors that hide the out-of-line part. */
size_t ast_n_flags(const struct ast_node *n);
const struct span *ast_flags(const struct ast_node *n);
size_t ast_n_heredocs(const struct ast_node *n);
const struct heredoc *ast_heredocs(const struct ast_node *n);
size_t ast_n_comments(const struct ast_node *n);
const struct span *ast_comments(const struct ast_node *n);
const struct ast_node *ast_sub(const struct ast_node *n);

/* A parser directive found at the top of the file (# key=value). */
struct ast_directive {
    const char *name;          /* lower-case: "syntax", "escape", "check" */
    struct span value;
    int line;                  /* 1-based */
};

struct ast {
    struct arena arena;
    struct ast_node **nodes;   /* the instructions in file order */
    size_t n_nodes;
    int escape;                /* '\\' or '`' */
    struct ast_directive directives[3];
    size_t n_directives;
    int start_line, end_line;  /* span of the instructions (root node) */
};

/*
 * Parse text[0..len). Returns 0 on success, -1 on a parse error (a
 * DIAG_PARSE error appended to dl; the ast then holds what was parsed
 * before the error and must still be released). Parser warnings
 * (DIAG_PARSE_WARNING, "Empty continuation line found in: ...") are
 * appended in both cases.
 */
int ast_parse(struct ast *ast, const char *text, size_t len,
              struct diag_list *dl);
void ast_release(struct ast *ast);

/* Append BuildKit's AST.Dump() followed by "\n" (the corpus `result`). */
void ast_dump(struct sb *out, const struct ast *ast);
/* Dump of one instruction without parentheses ("run \"x\""). */
void ast_dump_node(struct sb *out, const struct ast_node *n);

/* The directive named name ("syntax", "escape", "check") or NULL. */
const struct ast_directive *ast_directive(const struct ast *ast,
                                          const char *name);

/*
 * Heredoc helpers (parser.ParseHeredoc / ChompHeredocContent), used by the
 * instruction layer: parse one word such as "<<-'EOF'"; returns true and
 * fills *h (name, fd, expand, chomp) if it is a heredoc word.
 */
bool heredoc_parse_word(struct arena *a, const char *word, size_t len,
                        struct heredoc *h);
/* Append content with every line's leading tabs removed. */
void heredoc_chomp(struct sb *out, const char *s, size_t len);

/*
 * Layer 1 pre-scan for `# check=` (and `# syntax=`): BuildKit looks for
 * it separately, skipping a leading #! shebang line. Returns the whole
 * value (e.g. "skip=all;error=true" - only its first space-separated word
 * counts) or NULL if there is none; *line gets its 1-based line.
 */
const char *directive_prescan(struct arena *a, const char *text, size_t len,
                              const char *key, int *line);

#endif /* PARSER_H */
