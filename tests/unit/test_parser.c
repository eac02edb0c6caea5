/*
 * test_parser.c: ast_parse / ast_dump against BuildKit's parser.Parse and
 * Node.Dump (dockerfile-semantics.md §2-§3), one rule per test with small
 * inputs: reading lines, comments, directives, continuation, the
 * instruction word, flags, JSON form, argument shapes, heredocs and the
 * dump's quoting. Expected values come from BuildKit's source (parser.go,
 * line_parsers.go, split_command.go, directives.go) and the spec.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "parser.h"
#include "sb.h"
#include "xmalloc.h"

/* ==================================================================== */
/* Helpers                                                              */
/* ==================================================================== */

/* A parse of a private copy of the text (exactly len bytes, so ASan and
 * valgrind see any read past the end). */
struct parsed {
    char *text;
    struct ast ast;
    struct diag_list dl;
    int rc;
};

static void parse_n(struct parsed *p, const char *text, size_t len)
{
    p->text = xmalloc(len ? len : 1);
    memcpy(p->text, text, len);
    diag_list_init(&p->dl);
    p->rc = ast_parse(&p->ast, p->text, len, &p->dl);
}

static void parsed_release(struct parsed *p)
{
    ast_release(&p->ast);
    diag_list_release(&p->dl);
    free(p->text);
}

static const char *first_error(const struct parsed *p)
{
    const struct diag *d = diag_first_error(&p->dl);
    return d ? d->msg : "(no error)";
}

static void parse_ok_at(struct parsed *p, const char *text, size_t len,
                        int line)
{
    parse_n(p, text, len);
    if (p->rc != 0)
        fail_msg("line %d: parse failed: %s", line, first_error(p));
    if (diag_count(&p->dl, DIAG_ERROR) != 0)
        fail_msg("line %d: rc 0 but an error was reported", line);
}

#define parse_ok(p, lit) parse_ok_at(p, lit, sizeof(lit) - 1, __LINE__)

/* text must parse; its dump must be exactly want. */
static void check_dump_at(const char *text, size_t len, const char *want,
                          int line)
{
    struct parsed p;
    struct sb out = SB_INIT;
    parse_ok_at(&p, text, len, line);
    ast_dump(&out, &p.ast);
    bool ok = out.len == strlen(want) && memcmp(out.buf, want, out.len) == 0;
    if (!ok)
        print_error("line %d: dump differs\n got: %s\nwant: %s\n", line,
                    out.buf, want);
    sb_release(&out);
    parsed_release(&p);
    if (!ok)
        fail();
}

#define assert_dump(lit, want) \
    check_dump_at(lit, sizeof(lit) - 1, want, __LINE__)

/* text must fail in the parser with exactly this error and location. */
static void check_error_at(const char *text, size_t len, const char *want,
                           int start, int end, int line)
{
    struct parsed p;
    parse_n(&p, text, len);
    const struct diag *d = diag_first_error(&p.dl);
    bool ok = p.rc == -1 && d && d->kind == DIAG_PARSE && !d->rule &&
              strcmp(d->msg, want) == 0 && d->start_line == start &&
              d->end_line == end;
    if (!ok)
        print_error("line %d: rc %d, error %s (lines %d-%d), want %s "
                    "(lines %d-%d)\n", line, p.rc, d ? d->msg : "(none)",
                    d ? d->start_line : -1, d ? d->end_line : -1, want,
                    start, end);
    parsed_release(&p);
    if (!ok)
        fail();
}

#define assert_parse_error(lit, want, start, end) \
    check_error_at(lit, sizeof(lit) - 1, want, start, end, __LINE__)

static void check_span_at(struct span s, const char *want, size_t want_len,
                          int line)
{
    if (s.len != want_len || (want_len && memcmp(s.s, want, want_len) != 0))
        fail_msg("line %d: span is \"%.*s\" (%zu bytes), want \"%s\"", line,
                 (int)s.len, s.s ? s.s : "", s.len, want);
}

#define assert_span(s, lit) check_span_at(s, lit, sizeof(lit) - 1, __LINE__)

/* The node's doc comments joined with '|' (malloc'd). */
static char *comments_of(const struct ast_node *n)
{
    struct sb out = SB_INIT;
    const struct span *c = ast_comments(n);
    for (size_t i = 0; i < ast_n_comments(n); i++) {
        if (i)
            sb_addch(&out, '|');
        sb_add(&out, c[i].s, c[i].len);
    }
    return sb_detach(&out, NULL);
}

#define assert_comments(node, want)             \
    do {                                        \
        char *got_ = comments_of(node);         \
        assert_string_equal(got_, want);        \
        free(got_);                             \
    } while (0)

static void check_lines_at(const struct ast_node *n, int start, int end,
                           int line)
{
    if (n->start_line != start || n->end_line != end)
        fail_msg("line %d: node lines %d-%d, want %d-%d", line,
                 n->start_line, n->end_line, start, end);
}

#define assert_lines(n, start, end) check_lines_at(n, start, end, __LINE__)

/* A string of n copies of c, followed by tail (malloc'd). */
static char *repeat(const char *head, char c, size_t n, const char *tail,
                    size_t *len)
{
    struct sb s = SB_INIT;
    sb_adds(&s, head);
    sb_grow(&s, n);
    memset(s.buf + s.len, c, n);
    sb_setlen(&s, s.len + n);
    sb_adds(&s, tail);
    return sb_detach(&s, len);
}

/* ==================================================================== */
/* Reading lines (§2.1)                                                 */
/* ==================================================================== */

static void test_parser_line_endings(void **state)
{
    (void)state;
    assert_dump("FROM x\nRUN a\n", "(from \"x\")\n(run \"a\")\n");
    assert_dump("FROM x\r\nRUN a\r\n", "(from \"x\")\n(run \"a\")\n");
    /* every trailing \r goes, not only one */
    assert_dump("FROM x\r\r\nRUN a\r", "(from \"x\")\n(run \"a\")\n");
    /* no newline at the end of the file */
    assert_dump("FROM x\nRUN a", "(from \"x\")\n(run \"a\")\n");

    struct parsed p;
    parse_ok(&p, "FROM x\r\n\r\nRUN a\r\n");
    assert_int_equal(p.ast.n_nodes, 2);
    assert_lines(p.ast.nodes[0], 1, 1);
    assert_lines(p.ast.nodes[1], 3, 3);
    assert_int_equal(p.ast.start_line, 1);
    assert_int_equal(p.ast.end_line, 3);
    parsed_release(&p);
}

static void test_parser_lone_cr_is_data(void **state)
{
    (void)state;
    assert_dump("RUN a\rb\n", "(run \"a\\rb\")\n");
    /* a lone CR does not end the line: one FROM with three words */
    assert_dump("FROM x\rRUN a\n", "(from \"x\" \"RUN\" \"a\")\n");
    /* but it separates the instruction word like a blank */
    assert_dump("RUN\ra\n", "(run \"a\")\n");
    assert_dump("USER a\rb", "(user \"a\\rb\")\n");
}

static void test_parser_bom_first_line_only(void **state)
{
    (void)state;
    assert_dump("\xef\xbb\xbf" "FROM x\n\xef\xbb\xbfRUN a\n",
                "(from \"x\")\n(\xef\xbb\xbfrun \"\")\n");
    assert_dump("\xef\xbb\xbf  FROM x", "(from \"x\")\n");
    /* U+FEFF is not a space: in the middle of line 1 it stays */
    assert_dump("FROM \xef\xbb\xbfx", "(from \"\\ufeffx\")\n");
    /* a BOM before a directive */
    assert_dump("\xef\xbb\xbf# escape=`\nRUN a `\nb", "(run \"a b\")\n");
}


#define TOO_LONG "dockerfile line greater than max allowed size of 65535"

static void test_parser_max_line_length(void **state)
{
    (void)state;
    size_t len;
    char *text, *want;
    struct parsed p;

    /* "RUN " + 65531 bytes = 65535: the limit itself is fine */
    text = repeat("FROM x\nRUN ", 'a', 65531, "\n", &len);
    want = repeat("(from \"x\")\n(run \"", 'a', 65531, "\")\n", NULL);
    check_dump_at(text, len, want, __LINE__);
    /* ... also as the last line, without a newline */
    check_dump_at(text, len - 1, want, __LINE__);
    free(text);
    free(want);

    /* one byte more: an error located at the last line read */
    text = repeat("FROM x\nRUN ", 'a', 65532, "\n", &len);
    check_error_at(text, len, TOO_LONG, 1, 1, __LINE__);
    check_error_at(text, len - 1, TOO_LONG, 1, 1, __LINE__);
    /* what came before is still in the ast */
    parse_n(&p, text, len);
    assert_int_equal(p.ast.n_nodes, 1);
    parsed_release(&p);
    free(text);

    /* the \r of a CRLF counts */
    text = repeat("FROM x\nRUN ", 'a', 65531, "\r\n", &len);
    check_error_at(text, len, TOO_LONG, 1, 1, __LINE__);
    free(text);
}

static void test_parser_max_line_length_places(void **state)
{
    (void)state;
    size_t len;
    char *text;
    struct parsed p;

    /* before any instruction: the file has none */
    text = repeat("", 'a', 65536, "", &len);
    check_error_at(text, len, "file with no instructions", 0, 0, __LINE__);
    free(text);
    text = repeat("# c\n\n", 'a', 70000, "\nFROM x\n", &len);
    check_error_at(text, len, "file with no instructions", 2, 2, __LINE__);
    free(text);

    /* inside a continuation: the instruction keeps what it collected */
    text = repeat("FROM x\nRUN a \\\n", 'b', 65536, "\n", &len);
    parse_n(&p, text, len);
    assert_int_equal(p.rc, -1);
    assert_string_equal(first_error(&p), TOO_LONG);
    assert_int_equal(diag_first_error(&p.dl)->start_line, 2);
    assert_int_equal(p.ast.n_nodes, 2);
    struct sb out = SB_INIT;
    ast_dump(&out, &p.ast);
    assert_string_equal(out.buf, "(from \"x\")\n(run \"a\")\n");
    sb_release(&out);
    parsed_release(&p);
    free(text);

    /* inside a heredoc body: the heredoc is unterminated */
    text = repeat("FROM x\nRUN <<EOF\n", 'b', 65536, "\nEOF\n", &len);
    check_error_at(text, len, "unterminated heredoc", 2, 2, __LINE__);
    free(text);
}

static void test_parser_no_instructions(void **state)
{
    (void)state;
    /* located at the number of lines read */
    assert_parse_error("", "file with no instructions", 0, 0);
    assert_parse_error("\n", "file with no instructions", 1, 1);
    assert_parse_error("# a\n\n  \t\n# b", "file with no instructions", 4, 4);
    assert_parse_error("# escape=`\n# syntax=x\n", "file with no instructions",
                       2, 2);
    assert_parse_error("\r\n\r\n \t\r\n", "file with no instructions", 3,
                       3);
}

/* ==================================================================== */
/* Comments (§2.2)                                                      */
/* ==================================================================== */

static void test_parser_comments(void **state)
{
    (void)state;
    struct parsed p;
    parse_ok(&p, "  # c\n\t# d\nRUN echo a # b\n#e\n");
    assert_int_equal(p.ast.n_nodes, 1);
    assert_lines(p.ast.nodes[0], 3, 3);
    parsed_release(&p);
    /* # in the middle of a line is text */
    assert_dump("RUN echo a # b\n", "(run \"echo a # b\")\n");
    assert_dump("RUN echo a#b", "(run \"echo a#b\")\n");
    /* Unicode spaces before # are allowed */
    assert_dump("\xe3\x80\x80# c\nRUN a", "(run \"a\")\n");
}

static void test_parser_comments_in_continuation(void **state)
{
    (void)state;
    struct parsed p;
    /* skipped, even when ending with the escape, and the instruction goes
     * on */
    parse_ok(&p, "RUN a \\\n# c \\\n  # d\nb\nRUN c");
    struct sb out = SB_INIT;
    ast_dump(&out, &p.ast);
    assert_string_equal(out.buf, "(run \"a b\")\n(run \"c\")\n");
    sb_release(&out);
    assert_lines(p.ast.nodes[0], 1, 4);
    assert_false(p.ast.nodes[0]->empty_continuation);
    assert_int_equal(p.dl.n, 0);
    parsed_release(&p);
    /* a comment ending with the escape does not continue anything */
    assert_dump("RUN a\n# c \\\nRUN b", "(run \"a\")\n(run \"b\")\n");
}

static void test_parser_doc_comments(void **state)
{
    (void)state;
    struct parsed p;
    /* blank lines do not clear the list, a bare # does */
    parse_ok(&p, "# one\n\n# two\nFROM x\nRUN a\n#   three  \n#\n# four\n"
                 "ARG b\n# dangling\n");
    assert_int_equal(p.ast.n_nodes, 3);
    assert_comments(p.ast.nodes[0], "one|two");
    assert_comments(p.ast.nodes[1], "");
    assert_null(ast_comments(p.ast.nodes[1]));
    assert_comments(p.ast.nodes[2], "four");
    parsed_release(&p);

    /* directive lines are not doc comments */
    parse_ok(&p, "# syntax=x\n# hello\nFROM x\n");
    assert_comments(p.ast.nodes[0], "hello");
    parsed_release(&p);
    parse_ok(&p, "# check=skip=all\nFROM x\n");
    assert_comments(p.ast.nodes[0], "");
    parsed_release(&p);
    /* once the directives are over, a directive-shaped line is a comment */
    parse_ok(&p, "FROM x\n# check=skip=all\nRUN a\n");
    assert_comments(p.ast.nodes[1], "check=skip=all");
    parsed_release(&p);

    /* comments inside a continuation are not collected */
    parse_ok(&p, "# a\nRUN x \\\n# b\ny\n");
    assert_comments(p.ast.nodes[0], "a");
    parsed_release(&p);

    /* ONBUILD: the comments belong to the instruction, not the trigger */
    parse_ok(&p, "# a\nONBUILD RUN x\n");
    assert_comments(p.ast.nodes[0], "a");
    assert_int_equal(ast_n_comments(ast_sub(p.ast.nodes[0])), 0);
    parsed_release(&p);
}

static void test_parser_doc_comments_indented(void **state)
{
    (void)state;
    /* Fixed bug, kept as a regression test: BuildKit takes the comment text as
     * strings.TrimSpace(string(bytesRead[1:])): it drops the first byte of
     * the raw line, which is a blank (not '#') when the comment is
     * indented. "  # foo bar" gives "# foo bar", and an indented bare
     * "  #" gives "#" and does not clear the list. We strip the '#'
     * (spec §2.2 PrevComment; parser.go Parse). */

    struct parsed p;
    parse_ok(&p, "FROM x\n  # foo bar\nARG foo\n");
    assert_comments(p.ast.nodes[1], "# foo bar");
    parsed_release(&p);
    parse_ok(&p, "FROM x\n# a\n\t#\nARG foo\n");
    assert_comments(p.ast.nodes[1], "a|#");
    parsed_release(&p);
}

/* ==================================================================== */
/* Parser directives (§2.3)                                             */
/* ==================================================================== */

static void test_parser_directives(void **state)
{
    (void)state;
    struct parsed p;
    parse_ok(&p, "# syntax=docker/dockerfile:1\n# escape=`\n"
                 "# check=skip=all\nFROM x\nRUN a `\nb");
    struct sb out = SB_INIT;
    ast_dump(&out, &p.ast);
    assert_string_equal(out.buf, "(from \"x\")\n(run \"a b\")\n");
    sb_release(&out);
    assert_int_equal(p.ast.escape, '`');
    assert_int_equal(p.ast.n_directives, 3);
    const struct ast_directive *d = ast_directive(&p.ast, "syntax");
    assert_non_null(d);
    assert_string_equal(d->name, "syntax");
    assert_span(d->value, "docker/dockerfile:1");
    assert_int_equal(d->line, 1);
    d = ast_directive(&p.ast, "escape");
    assert_span(d->value, "`");
    assert_int_equal(d->line, 2);
    d = ast_directive(&p.ast, "check");
    assert_span(d->value, "skip=all");
    assert_int_equal(d->line, 3);
    assert_null(ast_directive(&p.ast, "other"));
    assert_lines(p.ast.nodes[0], 4, 4);
    parsed_release(&p);

    /* no directives: the default escape */
    parse_ok(&p, "FROM x");
    assert_int_equal(p.ast.escape, '\\');
    assert_int_equal(p.ast.n_directives, 0);
    assert_null(ast_directive(&p.ast, "escape"));
    parsed_release(&p);
}

static void test_parser_directive_syntax(void **state)
{
    (void)state;
    struct parsed p;
    /* key case-insensitive, value trimmed with its case kept */
    parse_ok(&p, "#  ESCAPE =  `  \n# Syntax=Docker/Dockerfile\nRUN a `\nb");
    const struct ast_directive *d = ast_directive(&p.ast, "escape");
    assert_non_null(d);
    assert_string_equal(d->name, "escape");
    assert_span(d->value, "`");
    assert_span(ast_directive(&p.ast, "syntax")->value, "Docker/Dockerfile");
    assert_int_equal(p.ast.nodes[0]->n_args, 1);
    assert_span(p.ast.nodes[0]->args[0], "a b");
    parsed_release(&p);
    /* no space after #, leading blanks before it */
    assert_dump("#escape=`\nRUN a`\nb", "(run \"ab\")\n");
    assert_dump("  \t# escape=`\nRUN a`\nb", "(run \"ab\")\n");
    /* the value may hold spaces (syntax's comment) */
    parse_ok(&p, "# syntax = a b // c \nFROM x");
    assert_span(ast_directive(&p.ast, "syntax")->value, "a b // c");
    parsed_release(&p);
}

static void test_parser_directives_only_at_top(void **state)
{
    (void)state;
    static const char *const want = "(run \"a `\")\n(b \"\")\n";
    /* after an instruction */
    assert_dump("FROM x\n# escape=`\nRUN a `\nb",
                "(from \"x\")\n(run \"a `\")\n(b \"\")\n");
    /* after an empty line, a plain comment, an unknown key, a shebang */
    assert_dump("\n# escape=`\nRUN a `\nb", want);
    assert_dump("# hello\n# escape=`\nRUN a `\nb", want);
    assert_dump("# foo=bar\n# escape=`\nRUN a `\nb", want);
    assert_dump("#!/bin/sh\n# escape=`\nRUN a `\nb", want);
    /* `# escape=` has no value: not a directive, and the section ends */
    assert_dump("# escape=\n# escape=`\nRUN a `\nb", want);

    struct parsed p;
    parse_ok(&p, "# escape=\nFROM x");
    assert_null(ast_directive(&p.ast, "escape"));
    assert_int_equal(p.ast.escape, '\\');
    parsed_release(&p);
    /* a check= after the section ended is only a comment */
    parse_ok(&p, "# escape=`\n\n# check=skip=all\nFROM x");
    assert_non_null(ast_directive(&p.ast, "escape"));
    assert_null(ast_directive(&p.ast, "check"));
    assert_comments(p.ast.nodes[0], "check=skip=all");
    parsed_release(&p);
}

static void test_parser_directive_unicode_space(void **state)
{
    (void)state;
    /* Fixed bug, kept as a regression test: DirectiveParser.ParseLine cuts the '#' and then trims with
     * bytes.TrimLeftFunc(unicode.IsSpace) before matching the regexp, so
     * "#\v escape=`" and "#\u00a0escape=`" are directives. We only skip
     * [\t\n\f\r ] after '#' (spec §2.3; directives.go ParseLine). */

    assert_dump("#\v escape=`\nRUN a`\nb", "(run \"ab\")\n");
    assert_dump("#\xc2\xa0" "escape=`\nRUN a`\nb", "(run \"ab\")\n");
}

static void test_parser_directive_repeated(void **state)
{
    (void)state;
    /* located at the 0-based index of the line */
    assert_parse_error("# escape=\\\n# escape=`\nFROM x",
                       "only one escape parser directive can be used", 1, 1);
    assert_parse_error("# syntax=a\n# SYNTAX=b\nFROM x",
                       "only one syntax parser directive can be used", 1, 1);
    assert_parse_error("# check=a=b\n# syntax=b\n# Check=c=d\nFROM x",
                       "only one check parser directive can be used", 2, 2);
}

static void test_parser_directive_bad_escape(void **state)
{
    (void)state;
    assert_parse_error("# escape=x\nFROM x",
                       "invalid escape token 'x' does not match ` or \\", 0,
                       0);
    assert_parse_error("# syntax=a\n# escape=\\\\\nFROM x",
                       "invalid escape token '\\\\' does not match ` or \\",
                       1, 1);
    assert_parse_error("# escape=`x\nFROM x",
                       "invalid escape token '`x' does not match ` or \\", 0,
                       0);
    /* only blanks after '=': the lazy (.+?) takes the last blank */
    assert_parse_error("# escape= \nFROM x",
                       "invalid escape token ' ' does not match ` or \\", 0,
                       0);
    assert_parse_error("# escape=\t\t\nFROM x",
                       "invalid escape token '\t' does not match ` or \\", 0,
                       0);
    assert_parse_error("# escape= \t\nFROM x",
                       "invalid escape token '\t' does not match ` or \\", 0,
                       0);
}

static void test_parser_escape_backtick(void **state)
{
    (void)state;
    /* the backslash is ordinary: no continuation, no escaping in words */
    assert_dump("# escape=`\nRUN dir c:\\\nRUN b",
                "(run \"dir c:\\\\\")\n(run \"b\")\n");
    /* two backticks do not continue */
    assert_dump("# escape=`\nRUN a ``\nRUN b",
                "(run \"a ``\")\n(run \"b\")\n");
    /* a backtick-only line continues and adds nothing */
    assert_dump("# escape=`\nRUN a`\n`\n  b", "(run \"a  b\")\n");
    /* ENV words: the backtick keeps itself and the next character */
    assert_dump("# escape=`\nENV a=x` y b=c\\",
                "(env \"a\" \"x` y\" \"=\" \"b\" \"c\\\\\" \"=\")\n");
    assert_parse_error("# escape=`\nENV a=x\\ y",
                       "Syntax error - can't find = in \"y\". Must be of the "
                       "form: name=value", 2, 2);
    assert_dump("# escape=`\nARG a=\"x`\"y\"", "(arg \"a=\\\"x`\\\"y\\\"\")\n");
    /* flags always escape with a backslash */
    assert_dump("# escape=`\nCOPY --chown=a\\ b c d",
                "(copy [\"--chown=a b\"] \"c\" \"d\")\n");
    assert_dump("# escape=`\nCOPY --chown=a` b c",
                "(copy [\"--chown=a`\"] \"b\" \"c\")\n");
}

static void test_parser_directive_prescan(void **state)
{
    (void)state;
    struct arena a = ARENA_INIT;
    int line = -1;
#define PRESCAN(lit, key) \
    directive_prescan(&a, lit, sizeof(lit) - 1, key, &line)

    /* a shebang on line 1 is skipped (the parser itself stops there) */
    assert_string_equal(PRESCAN("#!/bin/sh\n# check=skip=all\nFROM x",
                                "check"), "skip=all");
    assert_int_equal(line, 2);
    /* the whole value; the caller keeps the first word */
    assert_string_equal(PRESCAN("# syntax=a\n# check=skip=A B \nFROM x",
                                "check"), "skip=A B");
    assert_int_equal(line, 2);
    assert_string_equal(PRESCAN("#!/x\n# syntax=docker/dockerfile:1 // c",
                                "syntax"), "docker/dockerfile:1 // c");
    assert_string_equal(PRESCAN("\xef\xbb\xbf# CHECK=skip=all\n", "check"),
                        "skip=all");
    assert_int_equal(line, 1);
    assert_string_equal(PRESCAN("# escape=`\n# check=error=true\r\nFROM x",
                                "check"), "error=true");
    /* a repeat ends the scan, the first one counts */
    assert_string_equal(PRESCAN("# check=a=1\n# check=b=2", "check"), "a=1");

    line = -1;
    assert_null(PRESCAN("FROM x\n# check=skip=all", "check"));
    assert_null(PRESCAN("# foo=bar\n# check=x=y", "check"));
    assert_null(PRESCAN("# syntax=x\n#!/bin/sh\n# check=skip=all", "check"));
    assert_null(PRESCAN("\n# check=skip=all", "check"));
    assert_null(PRESCAN("", "check"));
    assert_null(PRESCAN("#!/bin/sh", "check"));
    assert_null(PRESCAN("# syntax=x\nFROM x", "check"));
    /* unlike the parser, the pre-scan allows nothing before the '#' */
    assert_null(PRESCAN("  # check=skip=all\nFROM x", "check"));
    assert_int_equal(line, -1);
    /* a NULL line pointer is allowed */
    assert_string_equal(directive_prescan(&a, "# check=x=y", 11, "check",
                                          NULL), "x=y");
#undef PRESCAN
    arena_release(&a);
}

static void test_parser_directive_prescan_unicode_space(void **state)
{
    (void)state;
    /* Fixed bug, kept as a regression test: as for the parser, ParseLine trims unicode.IsSpace after the
     * '#'; we do not (spec §2.3; directives.go ParseLine). */

    struct arena a = ARENA_INIT;
    const char *v = directive_prescan(&a, "#\vcheck=skip=all\nFROM x", 23,
                                      "check", NULL);
    assert_non_null(v);
    assert_string_equal(v, "skip=all");
    arena_release(&a);
}

/* ==================================================================== */
/* Line continuation (§2.4)                                             */
/* ==================================================================== */

static void test_parser_continuation(void **state)
{
    (void)state;
    /* one escape, then blanks */
    assert_dump("RUN a \\ \t\nb", "(run \"a b\")\n");
    /* joined without a separator; the next line keeps its indentation */
    assert_dump("RUN a\\\n  b", "(run \"a  b\")\n");
    assert_dump("RUN echo good\\\nbye\\\nfrog", "(run \"echo goodbyefrog\")\n");
    /* two escapes never continue */
    assert_dump("RUN a \\\\\nb", "(run \"a \\\\\\\\\")\n(b \"\")\n");
    assert_dump("RUN a \\\\\\\nb", "(run \"a \\\\\\\\\\\\\")\n(b \"\")\n");
    /* an escape-only line continues and adds nothing; " \" adds a blank */
    assert_dump("RUN a\\\n\\\n \\\nb", "(run \"a b\")\n");
    /* the escape must be last (blanks aside) */
    assert_dump("RUN a \\ b\nc", "(run \"a \\\\ b\")\n(c \"\")\n");
    assert_dump("RUN a \\\r \nc", "(run \"a \\\\\")\n(c \"\")\n");
    /* JSON can be continued */
    assert_dump("CMD [\"a\", \\\n \"b\"]", "(cmd \"a\" \"b\")\n");

    struct parsed p;
    parse_ok(&p, "FROM x\nRUN a \\\n b \\\n c\nRUN d");
    assert_lines(p.ast.nodes[1], 2, 4);
    assert_lines(p.ast.nodes[2], 5, 5);
    assert_span(p.ast.nodes[1]->original, "RUN a  b  c");
    parsed_release(&p);
}

static void test_parser_empty_continuation(void **state)
{
    (void)state;
    struct parsed p;
    parse_ok(&p, "FROM x\nRUN a \\\n\n  \t\nb\n");
    assert_int_equal(p.ast.n_nodes, 2);
    assert_span(p.ast.nodes[1]->args[0], "a b");
    assert_lines(p.ast.nodes[1], 2, 5);
    assert_true(p.ast.nodes[1]->empty_continuation);
    assert_false(p.ast.nodes[0]->empty_continuation);
    /* one warning for the instruction, at its last line */
    assert_int_equal(p.dl.n, 1);
    assert_int_equal(p.dl.items[0].level, DIAG_WARNING);
    assert_int_equal(p.dl.items[0].kind, DIAG_PARSE_WARNING);
    assert_null(p.dl.items[0].rule);
    assert_string_equal(p.dl.items[0].msg,
                        "Empty continuation line found in: RUN a b");
    assert_int_equal(p.dl.items[0].start_line, 5);
    assert_int_equal(p.dl.items[0].end_line, 5);
    parsed_release(&p);

    /* the file ends after the empty line: the instruction ends there */
    parse_ok(&p, "RUN a \\\n\n");
    assert_int_equal(p.dl.n, 1);
    assert_string_equal(p.dl.items[0].msg,
                        "Empty continuation line found in: RUN a ");
    assert_int_equal(p.dl.items[0].start_line, 2);
    assert_lines(p.ast.nodes[0], 1, 2);
    parsed_release(&p);

    /* comment lines are not empty lines */
    parse_ok(&p, "RUN a \\\n# c\nb");
    assert_int_equal(p.dl.n, 0);
    parsed_release(&p);
}

static void test_parser_continuation_at_eof(void **state)
{
    (void)state;
    assert_dump("RUN something \\", "(run \"something\")\n");
    assert_dump("FROM x\nRUN a \\\n# c", "(from \"x\")\n(run \"a\")\n");

    struct parsed p;
    /* an escape-only line that collects nothing: an empty instruction */
    parse_ok(&p, "FROM x\n\\");
    assert_int_equal(p.ast.n_nodes, 2);
    assert_int_equal(p.ast.nodes[1]->kind, INSTR_UNKNOWN);
    assert_int_equal(p.ast.nodes[1]->keyword.len, 0);
    assert_lines(p.ast.nodes[1], 2, 2);
    parsed_release(&p);
    parse_ok(&p, "FROM x\n  \\  \n# c\n");
    assert_int_equal(p.ast.n_nodes, 2);
    assert_int_equal(p.ast.nodes[1]->keyword.len, 0);
    assert_lines(p.ast.nodes[1], 2, 3);
    parsed_release(&p);
    /* ... unless something follows */
    parse_ok(&p, "FROM x\n\\\nRUN a");
    assert_int_equal(p.ast.n_nodes, 2);
    assert_lines(p.ast.nodes[1], 2, 3);
    assert_span(p.ast.nodes[1]->args[0], "a");
    parsed_release(&p);
}

static void test_parser_dump_empty_keyword(void **state)
{
    (void)state;
    /* Node.Dump returns strings.TrimSpace(str): the empty instruction of
     * an escape-only line dumps as ("") (spec §2.4, §3.2, quirk 18) */
    assert_dump("FROM x\n\\", "(from \"x\")\n(\"\")\n");
    assert_dump("FROM x\n  \\  \n# c\n", "(from \"x\")\n(\"\")\n");
    assert_dump("\\\n", "(\"\")\n");
}

/* ==================================================================== */
/* The instruction word (§2.5)                                          */
/* ==================================================================== */

static void test_parser_instruction_word(void **state)
{
    (void)state;
    struct parsed p;
    parse_ok(&p, "rUn a\nFrOm b\nfoo bar baz");
    assert_span(p.ast.nodes[0]->keyword, "rUn");
    assert_int_equal(p.ast.nodes[0]->kind, INSTR_RUN);
    assert_span(p.ast.nodes[1]->keyword, "FrOm");
    assert_int_equal(p.ast.nodes[1]->kind, INSTR_FROM);
    assert_span(p.ast.nodes[2]->keyword, "foo");
    assert_int_equal(p.ast.nodes[2]->kind, INSTR_UNKNOWN);
    parsed_release(&p);
    assert_dump("rUn a\nFrOm b\nFOO bar baz",
                "(run \"a\")\n(from \"b\")\n(foo \"\")\n");
    /* split at the first run of [ \t\v\f\r] */
    assert_dump("RUN\va", "(run \"a\")\n");
    assert_dump("RUN\f\t a", "(run \"a\")\n");
    /* leading and trailing Unicode spaces are trimmed */
    assert_dump("\xe3\x80\x80RUN a\xc2\xa0", "(run \"a\")\n");
    /* a non-ASCII space does not split the word */
    assert_dump("RUN\xc2\xa0x", "(run\xc2\xa0x \"\")\n");
    assert_dump("RUN", "(run)\n");
}

static void test_parser_instruction_word_unicode(void **state)
{
    (void)state;
    struct parsed p;
    /* strings.ToLower maps the Kelvin sign to k: this is WORKDIR */
    parse_ok(&p, "WOR\xe2\x84\xaa" "DIR /x");
    assert_int_equal(p.ast.nodes[0]->kind, INSTR_WORKDIR);
    assert_span(p.ast.nodes[0]->keyword, "WOR\xe2\x84\xaa" "DIR");
    parsed_release(&p);
    assert_dump("WOR\xe2\x84\xaa" "DIR /x", "(workdir \"/x\")\n");
    /* U+0130 lower-cases to i */
    assert_dump("\xc4\xb0NCLUDE x", "(include \"\")\n");
    /* a dotless i is not an i */
    parse_ok(&p, "ONBU\xc4\xb1LD RUN x");
    assert_int_equal(p.ast.nodes[0]->kind, INSTR_UNKNOWN);
    parsed_release(&p);
}

/* ==================================================================== */
/* Flags (§2.6)                                                         */
/* ==================================================================== */

static void test_parser_flags_quoting(void **state)
{
    (void)state;
    assert_dump("COPY --chown=\"a b\" x y",
                "(copy [\"--chown=a b\"] \"x\" \"y\")\n");
    assert_dump("COPY --chown=a\\ b x y",
                "(copy [\"--chown=a b\"] \"x\" \"y\")\n");
    assert_dump("COPY --chown='a \"b' x y",
                "(copy [\"--chown=a \\\"b\"] \"x\" \"y\")\n");
    assert_dump("COPY --x=\"\" a b", "(copy [\"--x=\"] \"a\" \"b\")\n");
    /* two escapes: the second is literal */
    assert_dump("COPY --a=\\\\", "(copy [\"--a=\\\\\"])\n");
    /* a quote that is never closed runs to the end */
    assert_dump("COPY --a=\"b c", "(copy [\"--a=b c\"])\n");
    /* tabs separate flag words */
    assert_dump("COPY\t--a=1\t--b=2\ta b",
                "(copy [\"--a=1\" \"--b=2\"] \"a\" \"b\")\n");
    /* JSON after the flags */
    assert_dump("COPY --chown=1 [\"a b\", \"c\"]",
                "(copy [\"--chown=1\"] \"a b\" \"c\")\n");
}

static void test_parser_flags_end(void **state)
{
    (void)state;
    /* -- ends the flags and is dropped */
    assert_dump("COPY -- --foo b", "(copy \"--foo\" \"b\")\n");
    assert_dump("COPY --\ta b", "(copy \"a\" \"b\")\n");
    assert_dump("RUN --network=none -- --x",
                "(run [\"--network=none\"] \"--x\")\n");
    /* ... also at the very end of the line */
    assert_dump("COPY --from=x --", "(copy [\"--from=x\"])\n");
    assert_dump("RUN --", "(run)\n");
    /* a single dash is an argument, and so is everything after it */
    assert_dump("COPY -x --y a b", "(copy \"-x\" \"--y\" \"a\" \"b\")\n");
    assert_dump("COPY - a", "(copy \"-\" \"a\")\n");
    /* flags on unknown instructions and on ONBUILD's trigger */
    assert_dump("FOO --bar baz", "(foo [\"--bar\"] \"\")\n");
    assert_dump("ONBUILD FOO --x y", "(onbuild (foo [\"--x\"] \"\"))\n");
}

static void test_parser_flags_latin1(void **state)
{
    (void)state;
    /* every byte is re-encoded as a Latin-1 code point */
    assert_dump("COPY --from=\xc3\xa9 a b",
                "(copy [\"--from=\xc3\x83\xc2\xa9\"] \"a\" \"b\")\n");
    /* bytes 0x85 and 0xA0 count as blanks: NBSP ends the word after the
     * 0xC2 byte became U+00C2 */
    assert_dump("COPY --from=\xc2\xa0x a b",
                "(copy [\"--from=\xc3\x82\"] \"x\" \"a\" \"b\")\n");
    /* control characters survive (and are quoted in the dump) */
    assert_dump("COPY --a=\x01 b c", "(copy [\"--a=\\x01\"] \"b\" \"c\")\n");
}

/* ==================================================================== */
/* JSON form (§2.7)                                                     */
/* ==================================================================== */

#define NOT_STRINGS \
    "when using JSON array syntax, arrays must be comprised of strings only"

static void test_parser_json_form(void **state)
{
    (void)state;
    struct parsed p;
    parse_ok(&p, "CMD [\"a\", \"b\"]\nCMD []\nCMD\nCMD a b");
    assert_true(p.ast.nodes[0]->json);
    assert_int_equal(p.ast.nodes[0]->n_args, 2);
    assert_true(p.ast.nodes[1]->json);
    assert_int_equal(p.ast.nodes[1]->n_args, 0);
    assert_false(p.ast.nodes[2]->json);
    assert_int_equal(p.ast.nodes[2]->n_args, 0);
    assert_false(p.ast.nodes[3]->json);
    parsed_release(&p);
    assert_dump("CMD [\"a\", \"b\"]\nCMD []\nCMD\nCMD a b",
                "(cmd \"a\" \"b\")\n(cmd)\n(cmd)\n(cmd \"a b\")\n");
    /* whitespace around tokens and after the array */
    assert_dump("CMD [ \"a\" ,\t\"b\" ]  ", "(cmd \"a\" \"b\")\n");
    assert_dump("CMD [\"a\"]\xc2\xa0", "(cmd \"a\")\n");
    /* lists: COPY, ADD, VOLUME */
    assert_dump("COPY [\"a b\", \"c\"]\nVOLUME []\nADD [\"x\",\"y\"]",
                "(copy \"a b\" \"c\")\n(volume)\n(add \"x\" \"y\")\n");
    /* JSON escapes are decoded (\u0000 shown as \x00) */
    assert_dump("CMD [\"a\\u00e9\\t\\u0001\\u0000\\\"\\\\\\/\"]",
                "(cmd \"a\xc3\xa9\\t\\x01\\x00\\\"\\\\/\")\n");
    /* invalid UTF-8 in a JSON string becomes U+FFFD */
    assert_dump("CMD [\"a\xff" "b\"]", "(cmd \"a\xef\xbf\xbd" "b\")\n");
}

static void test_parser_json_fallback(void **state)
{
    (void)state;
    /* anything that is not one valid JSON array is shell form, silently */
    assert_dump("CMD [\"a\",]", "(cmd \"[\\\"a\\\",]\")\n");
    assert_dump("CMD ['a']", "(cmd \"['a']\")\n");
    assert_dump("CMD [\"a\"] b", "(cmd \"[\\\"a\\\"] b\")\n");
    assert_dump("CMD [\"a\"][\"b\"]", "(cmd \"[\\\"a\\\"][\\\"b\\\"]\")\n");
    assert_dump("CMD [\"a\"", "(cmd \"[\\\"a\\\"\")\n");
    assert_dump("CMD [", "(cmd \"[\")\n");
    assert_dump("CMD {\"a\": [1]}", "(cmd \"{\\\"a\\\": [1]}\")\n");
    assert_dump("CMD [\"a\\x\"]", "(cmd \"[\\\"a\\\\x\\\"]\")\n");
    assert_dump("CMD [\"a\"\xc2\xa0]", "(cmd \"[\\\"a\\\"\\u00a0]\")\n");
    /* a number too big for a float64 is an Unmarshal error: shell form */
    assert_dump("CMD [1e400]", "(cmd \"[1e400]\")\n");
    assert_dump("CMD [\"a\", 1e400]", "(cmd \"[\\\"a\\\", 1e400]\")\n");
    assert_dump("CMD [-1e400]", "(cmd \"[-1e400]\")\n");
    assert_dump("CMD [{\"a\":1e400}]", "(cmd \"[{\\\"a\\\":1e400}]\")\n");
    assert_dump("CMD [1.7976931348623159e308]",
                "(cmd \"[1.7976931348623159e308]\")\n");
    /* lists split on blanks, with no quote handling */
    assert_dump("VOLUME [\"/a\" \"/b\"]",
                "(volume \"[\\\"/a\\\"\" \"\\\"/b\\\"]\")\n");
    /* instructions that never look for JSON */
    assert_dump("WORKDIR [\"a\"]", "(workdir \"[\\\"a\\\"]\")\n");
    assert_dump("FROM [\"a\"]", "(from \"[\\\"a\\\"]\")\n");

    struct parsed p;
    parse_ok(&p, "CMD [\"a\",]");
    assert_false(p.ast.nodes[0]->json);
    assert_int_equal(p.dl.n, 0);
    parsed_release(&p);
}

static void test_parser_json_not_strings(void **state)
{
    (void)state;
    assert_parse_error("CMD [1]", NOT_STRINGS, 1, 1);
    assert_parse_error("FROM x\nCMD [[\"a\"]]", NOT_STRINGS, 2, 2);
    assert_parse_error("CMD [null]", NOT_STRINGS, 1, 1);
    assert_parse_error("CMD [\"a\", true]", NOT_STRINGS, 1, 1);
    assert_parse_error("RUN [{}]", NOT_STRINGS, 1, 1);
    assert_parse_error("ENTRYPOINT [1]", NOT_STRINGS, 1, 1);
    assert_parse_error("SHELL [1]", NOT_STRINGS, 1, 1);
    assert_parse_error("ADD [1, \"b\"]", NOT_STRINGS, 1, 1);
    assert_parse_error("VOLUME [false]", NOT_STRINGS, 1, 1);
    assert_parse_error("HEALTHCHECK CMD [1]", NOT_STRINGS, 1, 1);
    assert_parse_error("ONBUILD RUN [1]", NOT_STRINGS, 1, 1);
    /* numbers that fit a float64 (underflow is not an error) */
    assert_parse_error("CMD [1e-400]", NOT_STRINGS, 1, 1);
    assert_parse_error("CMD [1.7976931348623158e308]", NOT_STRINGS, 1, 1);
    /* located at the instruction's lines */
    assert_parse_error("FROM x\nCMD [1, \\\n 2]", NOT_STRINGS, 2, 3);
}

/* ==================================================================== */
/* Argument shapes (§3.1)                                               */
/* ==================================================================== */

static void test_parser_env_label_pairs(void **state)
{
    (void)state;
    assert_dump("ENV a=b c=\"d e\"",
                "(env \"a\" \"b\" \"=\" \"c\" \"\\\"d e\\\"\" \"=\")\n");
    assert_dump("ENV a==b", "(env \"a\" \"=b\" \"=\")\n");
    assert_dump("ENV a=", "(env \"a\" \"\" \"=\")\n");
    assert_dump("ENV =b", "(env \"\" \"b\" \"=\")\n");
    assert_dump("ENV a\"b\"=c", "(env \"a\\\"b\\\"\" \"c\" \"=\")\n");
    /* quotes and escapes stay in the words */
    assert_dump("ENV a=\\\"b\\ c", "(env \"a\" \"\\\\\\\"b\\\\ c\" \"=\")\n");
    assert_dump("ENV a='x\\ y'", "(env \"a\" \"'x\\\\ y'\" \"=\")\n");
    /* an unterminated quote runs to the end */
    assert_dump("ENV a=\"b c", "(env \"a\" \"\\\"b c\" \"=\")\n");
    /* Unicode spaces separate words */
    assert_dump("ENV a=1\xc2\xa0" "b=2",
                "(env \"a\" \"1\" \"=\" \"b\" \"2\" \"=\")\n");
    /* invalid UTF-8 in a word becomes U+FFFD */
    assert_dump("ENV a=\xff", "(env \"a\" \"\xef\xbf\xbd\" \"=\")\n");
    assert_dump("LABEL \"a b\"=\"c d\"",
                "(label \"\\\"a b\\\"\" \"\\\"c d\\\"\" \"=\")\n");
    assert_dump("ENV\nLABEL", "(env)\n(label)\n");
}

static void test_parser_env_label_legacy(void **state)
{
    (void)state;
    /* the rest of the raw text, verbatim */
    assert_dump("ENV a b c", "(env \"a\" \"b c\" \"\")\n");
    assert_dump("ENV a  b   \"c\"\\ d",
                "(env \"a\" \"b   \\\"c\\\"\\\\ d\" \"\")\n");
    assert_dump("LABEL a\tb", "(label \"a\" \"b\" \"\")\n");
    /* raw, so invalid UTF-8 is kept */
    assert_dump("ENV a \xff", "(env \"a\" \"\\xff\" \"\")\n");
    /* the first word has no '=' although a later one does */
    assert_dump("ENV a b=c", "(env \"a\" \"b=c\" \"\")\n");
}

static void test_parser_env_label_errors(void **state)
{
    (void)state;
    assert_parse_error("ENV a", "ENV must have two arguments", 1, 1);
    assert_parse_error("FROM x\nLABEL a", "LABEL must have two arguments", 2,
                       2);
    assert_parse_error("FROM x\nLABEL a \\\n  \n", "LABEL must have two "
                       "arguments", 2, 3);
    /* NBSP splits the words, but not the raw text */
    assert_parse_error("ENV a\xc2\xa0" "b", "ENV must have two arguments", 1,
                       1);
    assert_parse_error("ENV a=b c",
                       "Syntax error - can't find = in \"c\". Must be of the "
                       "form: name=value", 1, 1);
    assert_parse_error("LABEL a=b \"c\\td\"",
                       "Syntax error - can't find = in \"\\\"c\\\\td\\\"\". "
                       "Must be of the form: name=value", 1, 1);
    assert_parse_error("ONBUILD ENV a", "ENV must have two arguments", 1, 1);

    /* what came before the error is kept */
    struct parsed p;
    parse_n(&p, "FROM x\nRUN a\nENV b\nRUN c", 24);
    assert_int_equal(p.rc, -1);
    assert_int_equal(p.ast.n_nodes, 2);
    parsed_release(&p);
}

static void test_parser_arg_words(void **state)
{
    (void)state;
    assert_dump("ARG a=b c \"d e\"=f",
                "(arg \"a=b\" \"c\" \"\\\"d e\\\"=f\")\n");
    assert_dump("ARG a=\"b c\" 'd e'", "(arg \"a=\\\"b c\\\"\" \"'d e'\")\n");
    assert_dump("ARG a='\\x' b=\"\\\"x\"",
                "(arg \"a='\\\\x'\" \"b=\\\"\\\\\\\"x\\\"\")\n");
    /* an escaped quote does not close "...", and a blank inside stays */
    assert_dump("ARG a=\"x\\\" y\" b",
                "(arg \"a=\\\"x\\\\\\\" y\\\"\" \"b\")\n");
    assert_dump("ENV a=\"x\\\" y\" b=c",
                "(env \"a\" \"\\\"x\\\\\\\" y\\\"\" \"=\" \"b\" "
                "\"c\" \"=\")\n");
    /* inside '...' the escape is literal: the second quote closes */
    assert_dump("ARG a='x\\' y'", "(arg \"a='x\\\\'\" \"y'\")\n");
    assert_dump("ARG", "(arg)\n");
    /* an escape at the very end is dropped (here after TrimSpace ate an
     * NBSP that kept the line from continuing) */
    assert_dump("ARG a\\\xc2\xa0", "(arg \"a\")\n");
    assert_dump("ARG \"a\\\xc2\xa0", "(arg \"\\\"a\")\n");
    /* invalid UTF-8 becomes U+FFFD, also right after an escape */
    assert_dump("ARG a=\xff", "(arg \"a=\xef\xbf\xbd\")\n");
    assert_dump("ARG a\\\xff", "(arg \"a\\\\\xef\xbf\xbd\")\n");
}

static void test_parser_whitespace_lists(void **state)
{
    (void)state;
    assert_dump("FROM a  b\tc", "(from \"a\" \"b\" \"c\")\n");
    assert_dump("FROM \"a b\"", "(from \"\\\"a\" \"b\\\"\")\n");
    assert_dump("EXPOSE \"80 443\"", "(expose \"\\\"80\" \"443\\\"\")\n");
    assert_dump("EXPOSE 80/tcp 443 8000-8010/udp",
                "(expose \"80/tcp\" \"443\" \"8000-8010/udp\")\n");
    /* only [ \t\v\f\r] split */
    assert_dump("EXPOSE 80\xc2\xa0" "443", "(expose \"80\\u00a0443\")\n");
    assert_dump("COPY a\vb\fc", "(copy \"a\" \"b\" \"c\")\n");
    assert_dump("EXPOSE\nFROM", "(expose)\n(from)\n");
}

static void test_parser_whole_string(void **state)
{
    (void)state;
    assert_dump("USER a  b", "(user \"a  b\")\n");
    assert_dump("WORKDIR \"/a b\" c", "(workdir \"\\\"/a b\\\" c\")\n");
    assert_dump("STOPSIGNAL  SIGKILL  ", "(stopsignal \"SIGKILL\")\n");
    assert_dump("MAINTAINER \"me\" <a@b>",
                "(maintainer \"\\\"me\\\" <a@b>\")\n");
    assert_dump("USER\nWORKDIR", "(user)\n(workdir)\n");
}

static void test_parser_healthcheck_shape(void **state)
{
    (void)state;
    assert_dump("HEALTHCHECK CMD [\"a\", \"b\"]",
                "(healthcheck \"CMD\" \"a\" \"b\")\n");
    assert_dump("HEALTHCHECK --interval=5s CMD echo  hi",
                "(healthcheck [\"--interval=5s\"] \"CMD\" \"echo  hi\")\n");
    assert_dump("HEALTHCHECK NONE", "(healthcheck \"NONE\")\n");
    assert_dump("HEALTHCHECK foo bar baz",
                "(healthcheck \"foo\" \"bar baz\")\n");
    assert_dump("HEALTHCHECK", "(healthcheck)\n");
    assert_dump("HEALTHCHECK CMD []", "(healthcheck \"CMD\")\n");
    /* the type ends at the first byte that is a Latin-1 space: a tab, or
     * the 0xA0 of a UTF-8 NBSP (leaving its 0xC2 behind) */
    assert_dump("HEALTHCHECK CMD\tx y", "(healthcheck \"CMD\" \"x y\")\n");
    assert_dump("HEALTHCHECK CMD\xc2\xa0x",
                "(healthcheck \"CMD\\xc2\" \"x\")\n");
    /* the command part gets its own TrimLeftFunc(unicode.IsSpace) */
    assert_dump("HEALTHCHECK CMD \xe2\x80\xa8[\"a\"]",
                "(healthcheck \"CMD\" \"a\")\n");

    struct parsed p;
    parse_ok(&p, "HEALTHCHECK CMD [\"a\"]\nHEALTHCHECK CMD a");
    assert_true(p.ast.nodes[0]->json);
    assert_false(p.ast.nodes[1]->json);
    parsed_release(&p);
}

static void test_parser_onbuild_shape(void **state)
{
    (void)state;
    assert_dump("ONBUILD RUN echo hi", "(onbuild (run \"echo hi\"))\n");
    assert_dump("ONBUILD --foo RUN x", "(onbuild [\"--foo\"] (run \"x\"))\n");
    assert_dump("ONBUILD", "(onbuild)\n");
    assert_dump("ONBUILD COPY --from=a b c",
                "(onbuild (copy [\"--from=a\"] \"b\" \"c\"))\n");
    assert_dump("onbuild onbuild run x", "(onbuild (onbuild (run \"x\")))\n");
    assert_dump("ONBUILD foo", "(onbuild (foo \"\"))\n");
    assert_dump("ONBUILD ENV a=b c=d",
                "(onbuild (env \"a\" \"b\" \"=\" \"c\" \"d\" \"=\"))\n");
    assert_dump("ONBUILD CMD []", "(onbuild (cmd))\n");

    struct parsed p;
    parse_ok(&p, "ONBUILD  --x=1  Run  --mount=a  b  c");
    const struct ast_node *n = p.ast.nodes[0];
    assert_int_equal(n->kind, INSTR_ONBUILD);
    assert_int_equal(n->n_args, 0);
    assert_int_equal(ast_n_flags(n), 1);
    assert_span(ast_flags(n)[0], "--x=1");
    const struct ast_node *sub = ast_sub(n);
    assert_non_null(sub);
    assert_int_equal(sub->kind, INSTR_RUN);
    assert_span(sub->keyword, "Run");
    assert_int_equal(ast_n_flags(sub), 1);
    assert_span(ast_flags(sub)[0], "--mount=a");
    assert_int_equal(sub->n_args, 1);
    assert_span(sub->args[0], "b  c");
    assert_null(ast_sub(sub));
    parsed_release(&p);
}

static void test_parser_onbuild_deep(void **state)
{
    (void)state;
    /* 20000 levels, one per physical line (a single line would be too
     * long): no recursion, so no crash */
    enum { DEPTH = 20000 };
    struct sb text = SB_INIT, want = SB_INIT;
    for (int i = 0; i < DEPTH; i++)
        sb_adds(&text, "ONBUILD \\\n");
    sb_adds(&text, "RUN x\n");
    sb_addch(&want, '(');
    for (int i = 0; i < DEPTH; i++)
        sb_adds(&want, "onbuild (");
    sb_adds(&want, "run \"x\"");
    for (int i = 0; i < DEPTH; i++)
        sb_addch(&want, ')');
    sb_adds(&want, ")\n");
    check_dump_at(text.buf, text.len, want.buf, __LINE__);

    struct parsed p;
    parse_n(&p, text.buf, text.len);
    assert_int_equal(p.rc, 0);
    assert_int_equal(p.ast.n_nodes, 1);
    assert_lines(p.ast.nodes[0], 1, DEPTH + 1);
    int depth = 0;
    const struct ast_node *n = p.ast.nodes[0];
    for (; ast_sub(n); n = ast_sub(n))
        depth++;
    assert_int_equal(depth, DEPTH);
    assert_int_equal(n->kind, INSTR_RUN);
    parsed_release(&p);
    sb_release(&text);
    sb_release(&want);
}

/* ==================================================================== */
/* Heredocs (§2.8)                                                      */
/* ==================================================================== */

static void test_parser_heredoc_basic(void **state)
{
    (void)state;
    struct parsed p;
    parse_ok(&p, "FROM x\nRUN <<EOF\nabc\nEOF\nRUN b");
    struct sb out = SB_INIT;
    ast_dump(&out, &p.ast);
    assert_string_equal(out.buf,
                        "(from \"x\")\n(run \"<<EOF\")\n(run \"b\")\n");
    sb_release(&out);
    const struct ast_node *n = p.ast.nodes[1];
    assert_lines(n, 2, 4);
    assert_lines(p.ast.nodes[2], 5, 5);
    assert_int_equal(ast_n_heredocs(n), 1);
    const struct heredoc *h = ast_heredocs(n);
    assert_span(h->name, "EOF");
    assert_span(h->content, "abc\n");
    assert_true(h->expand);
    assert_false(h->chomp);
    assert_int_equal(h->fd, 0);
    assert_int_equal(ast_n_heredocs(p.ast.nodes[2]), 0);
    assert_null(ast_heredocs(p.ast.nodes[2]));
    parsed_release(&p);

    /* an empty body; the terminator may be the last line without \n */
    parse_ok(&p, "RUN <<EOF\nEOF");
    assert_span(ast_heredocs(p.ast.nodes[0])->content, "");
    parsed_release(&p);
    /* CRLF: the terminator loses its \r\n, the body keeps it */
    parse_ok(&p, "RUN <<EOF\r\nx\r\nEOF\r\nRUN y\r\n");
    assert_span(ast_heredocs(p.ast.nodes[0])->content, "x\r\n");
    assert_int_equal(p.ast.n_nodes, 2);
    parsed_release(&p);
}

static void test_parser_heredoc_chomp(void **state)
{
    (void)state;
    struct parsed p;
    /* <<- : the terminator may be indented with tabs; the body is stored
     * unchanged */
    parse_ok(&p, "RUN <<-EOF\n\tabc\n\t\tEOF\nRUN c");
    const struct heredoc *h = ast_heredocs(p.ast.nodes[0]);
    assert_true(h->chomp);
    assert_span(h->content, "\tabc\n");
    assert_int_equal(p.ast.n_nodes, 2);
    parsed_release(&p);
    /* without the dash a tab-indented terminator is body */
    parse_ok(&p, "RUN <<EOF\n\tEOF\nEOF\n");
    assert_span(ast_heredocs(p.ast.nodes[0])->content, "\tEOF\n");
    parsed_release(&p);
    /* spaces are not tabs */
    parse_ok(&p, "RUN <<-EOF\n  EOF\n\tEOF\n");
    assert_span(ast_heredocs(p.ast.nodes[0])->content, "  EOF\n");
    parsed_release(&p);
}

static void test_parser_heredoc_names(void **state)
{
    (void)state;
    struct parsed p;
    const struct heredoc *h;

    parse_ok(&p, "RUN <<\"EOF\"\n$x\nEOF\n");
    h = ast_heredocs(p.ast.nodes[0]);
    assert_span(h->name, "EOF");
    assert_false(h->expand);
    parsed_release(&p);

    parse_ok(&p, "RUN <<'EOF'\nEOF\n");
    assert_false(ast_heredocs(p.ast.nodes[0])->expand);
    parsed_release(&p);

    parse_ok(&p, "RUN <<E\"O\"F\nEOF\n");
    h = ast_heredocs(p.ast.nodes[0]);
    assert_span(h->name, "EOF");
    assert_false(h->expand);
    parsed_release(&p);

    /* an escaped quote is not quoting */
    parse_ok(&p, "RUN <<eo\\'f\nx\neo'f\nRUN y");
    h = ast_heredocs(p.ast.nodes[0]);
    assert_span(h->name, "eo'f");
    assert_true(h->expand);
    assert_span(h->content, "x\n");
    assert_int_equal(p.ast.n_nodes, 2);
    parsed_release(&p);

    /* file descriptors */
    parse_ok(&p, "RUN cat 3<<EOF 10<<-END\nEOF\nEND\n");
    h = ast_heredocs(p.ast.nodes[0]);
    assert_int_equal(ast_n_heredocs(p.ast.nodes[0]), 2);
    assert_int_equal(h[0].fd, 3);
    assert_false(h[0].chomp);
    assert_int_equal(h[1].fd, 10);
    assert_true(h[1].chomp);
    parsed_release(&p);

    /* blanks after << belong to the word */
    parse_ok(&p, "RUN cat << EOF\nx\nEOF\n");
    assert_span(ast_heredocs(p.ast.nodes[0])->name, "EOF");
    parsed_release(&p);
    parse_ok(&p, "RUN cat << -EOF\nx\n-EOF\n");
    h = ast_heredocs(p.ast.nodes[0]);
    assert_span(h->name, "-EOF");
    assert_false(h->chomp);
    parsed_release(&p);

    /* the word runs to the next blank: <<EOF>out is named EOF>out */
    parse_ok(&p, "RUN cat <<EOF>out\nhi\nEOF\nEOF>out\nRUN c");
    h = ast_heredocs(p.ast.nodes[0]);
    assert_span(h->name, "EOF>out");
    assert_span(h->content, "hi\nEOF\n");
    assert_int_equal(p.ast.n_nodes, 2);
    parsed_release(&p);
    assert_dump("RUN cat <<EOF>out\nhi\nEOF>out\nRUN c",
                "(run \"cat <<EOF>out\")\n(run \"c\")\n");

    /* a quoted word with a blank is still one word */
    parse_ok(&p, "RUN cat <<'one two'\nx\none two\nRUN c");
    assert_span(ast_heredocs(p.ast.nodes[0])->name, "one two");
    assert_int_equal(p.ast.n_nodes, 2);
    parsed_release(&p);

    /* unset variables stay as written */
    parse_ok(&p, "RUN cat <<$x\nb\n$x\n");
    assert_span(ast_heredocs(p.ast.nodes[0])->name, "$x");
    parsed_release(&p);
}

static void test_parser_heredoc_not_heredocs(void **state)
{
    (void)state;
    assert_dump("RUN cat <<<EOF\nEOF", "(run \"cat <<<EOF\")\n(eof \"\")\n");
    assert_dump("RUN a<<EOF\nEOF", "(run \"a<<EOF\")\n(eof \"\")\n");
    assert_dump("RUN cat <<\nEOF", "(run \"cat <<\")\n(eof \"\")\n");
    assert_dump("RUN cat <<-\nEOF", "(run \"cat <<-\")\n(eof \"\")\n");
    assert_dump("RUN echo \"<<EOF\"\nEOF",
                "(run \"echo \\\"<<EOF\\\"\")\n(eof \"\")\n");
    assert_dump("RUN echo '<<EOF'\nEOF",
                "(run \"echo '<<EOF'\")\n(eof \"\")\n");
    /* the whole line fails to lex: no heredocs at all */
    assert_dump("RUN 'x <<EOF\nRUN c", "(run \"'x <<EOF\")\n(run \"c\")\n");
    /* JSON form never has heredocs */
    assert_dump("RUN [\"<<EOF\"]\nEOF", "(run \"<<EOF\")\n(eof \"\")\n");
    /* other instructions treat << as text */
    assert_dump("USER <<EOF\nabc\nEOF",
                "(user \"<<EOF\")\n(abc \"\")\n(eof \"\")\n");
    assert_dump("CMD <<EOF\nEOF", "(cmd \"<<EOF\")\n(eof \"\")\n");
    assert_dump("ONBUILD ONBUILD RUN <<EOF\nx\nEOF",
                "(onbuild (onbuild (run \"<<EOF\")))\n(x \"\")\n(eof \"\")\n");
}

static void test_parser_heredoc_several(void **state)
{
    (void)state;
    struct parsed p;
    /* read in order, each up to its own terminator */
    parse_ok(&p, "FROM x\nCOPY <<A <<B /dst\na1\nB\nA\nb1\nB\nRUN c");
    const struct ast_node *n = p.ast.nodes[1];
    assert_int_equal(ast_n_heredocs(n), 2);
    const struct heredoc *h = ast_heredocs(n);
    assert_span(h[0].name, "A");
    assert_span(h[0].content, "a1\nB\n");
    assert_span(h[1].name, "B");
    assert_span(h[1].content, "b1\n");
    assert_lines(n, 2, 7);
    assert_lines(p.ast.nodes[2], 8, 8);
    parsed_release(&p);
    assert_dump("COPY <<A <<B /dst\nA\nB",
                "(copy \"<<A\" \"<<B\" \"/dst\")\n");
}

static void test_parser_heredoc_terminator(void **state)
{
    (void)state;
    struct parsed p;
    /* no trimming but the line end: "EOF " is body */
    parse_ok(&p, "RUN <<EOF\nx\nEOF \n EOF\nEOF\nRUN y");
    assert_span(ast_heredocs(p.ast.nodes[0])->content, "x\nEOF \n EOF\n");
    assert_int_equal(p.ast.n_nodes, 2);
    parsed_release(&p);
}

static void test_parser_heredoc_unterminated(void **state)
{
    (void)state;
    assert_parse_error("FROM x\nRUN <<EOF\nabc\n", "unterminated heredoc", 2,
                       3);
    assert_parse_error("FROM x\nRUN <<EOF", "unterminated heredoc", 2, 2);
    assert_parse_error("RUN <<A <<B\na\nA\nb", "unterminated heredoc", 1, 4);
    assert_parse_error("RUN <<EOF\nEOF \n", "unterminated heredoc", 1, 2);
}

static void test_parser_heredoc_body_is_raw(void **state)
{
    (void)state;
    struct parsed p;
    parse_ok(&p, "RUN <<EOF\n# not a comment \\\n  indented\n\n"
                 "# escape=`\nEOF\nRUN b");
    assert_span(ast_heredocs(p.ast.nodes[0])->content,
                "# not a comment \\\n  indented\n\n# escape=`\n");
    assert_int_equal(p.ast.n_nodes, 2);
    assert_int_equal(p.dl.n, 0);
    assert_comments(p.ast.nodes[1], "");
    assert_lines(p.ast.nodes[1], 7, 7);
    parsed_release(&p);
}

static void test_parser_heredoc_places(void **state)
{
    (void)state;
    struct parsed p;
    /* ONBUILD RUN: the heredoc is attached to the ONBUILD node */
    parse_ok(&p, "ONBUILD RUN <<EOF\nx\nEOF\nRUN c");
    assert_int_equal(ast_n_heredocs(p.ast.nodes[0]), 1);
    assert_span(ast_heredocs(p.ast.nodes[0])->content, "x\n");
    assert_int_equal(ast_n_heredocs(ast_sub(p.ast.nodes[0])), 0);
    assert_int_equal(p.ast.n_nodes, 2);
    parsed_release(&p);
    assert_dump("ONBUILD RUN <<EOF\nx\nEOF\nRUN c",
                "(onbuild (run \"<<EOF\"))\n(run \"c\")\n");

    /* after flags, in ADD, and across a continuation line */
    parse_ok(&p, "RUN --mount=type=cache,target=/x <<EOF\nx\nEOF");
    assert_int_equal(ast_n_flags(p.ast.nodes[0]), 1);
    assert_int_equal(ast_n_heredocs(p.ast.nodes[0]), 1);
    parsed_release(&p);
    parse_ok(&p, "ADD <<EOF /x\ny\nEOF");
    assert_int_equal(ast_n_heredocs(p.ast.nodes[0]), 1);
    parsed_release(&p);
    parse_ok(&p, "RUN cat \\\n  <<EOF\nx\nEOF\nRUN y");
    assert_lines(p.ast.nodes[0], 1, 4);
    assert_span(ast_heredocs(p.ast.nodes[0])->content, "x\n");
    parsed_release(&p);

    /* detection always escapes with a backslash */
    parse_ok(&p, "# escape=`\nRUN cat <<E\\OF\nx\nEOF\nRUN y");
    assert_span(ast_heredocs(p.ast.nodes[0])->name, "EOF");
    assert_int_equal(p.ast.n_nodes, 2);
    parsed_release(&p);
    assert_dump("# escape=`\nRUN cat <<E\\OF\nx\nEOF\nRUN y",
                "(run \"cat <<E\\\\OF\")\n(run \"y\")\n");
}

/* ==================================================================== */
/* The dump (§3.2)                                                      */
/* ==================================================================== */

static void test_parser_dump_quoting(void **state)
{
    (void)state;
    /* strconv.Quote: controls as \x, non-printables as \u/\U, printable
     * non-ASCII raw, invalid bytes as \x */
    assert_dump("RUN echo \x01 \xc3\xa9 \xc2\xa0 \xe2\x80\xa8 "
                "\xf0\x9f\x98\x80 \x7f \xff",
                "(run \"echo \\x01 \xc3\xa9 \\u00a0 \\u2028 "
                "\xf0\x9f\x98\x80 \\x7f \\xff\")\n");
    assert_dump("RUN a\xc2\x85 \xe2\x80\x8b \xef\xbb\xbf \xf3\xa0\x80\x81 b",
                "(run \"a\\u0085 \\u200b \\ufeff \\U000e0001 b\")\n");
    assert_dump("RUN \"q\" \\\\ \t \a \b \f \v x",
                "(run \"\\\"q\\\" \\\\\\\\ \\t \\a \\b \\f \\v x\")\n");
    assert_dump("RUN \xe2\x99\xa5 \xe6\x97\xa5",
                "(run \"\xe2\x99\xa5 \xe6\x97\xa5\")\n");
    /* the keyword is lower-cased but not quoted */
    assert_dump("FOO\"X a", "(foo\"x \"\")\n");
}

static void test_parser_dump_node(void **state)
{
    (void)state;
    struct parsed p;
    parse_ok(&p, "COPY --from=a --chown=1:1 b c\nONBUILD --x RUN y");
    struct sb out = SB_INIT;
    ast_dump_node(&out, p.ast.nodes[0]);
    assert_string_equal(out.buf,
                        "copy [\"--from=a\" \"--chown=1:1\"] \"b\" \"c\"");
    sb_reset(&out);
    ast_dump_node(&out, p.ast.nodes[1]);
    assert_string_equal(out.buf, "onbuild [\"--x\"] (run \"y\")");
    /* ast_dump appends */
    sb_reset(&out);
    sb_adds(&out, ">");
    ast_dump(&out, &p.ast);
    assert_string_equal(out.buf, ">(copy [\"--from=a\" \"--chown=1:1\"] \"b\" "
                                 "\"c\")\n(onbuild [\"--x\"] (run \"y\"))\n");
    sb_release(&out);
    parsed_release(&p);
}

static void test_parser_original_and_lines(void **state)
{
    (void)state;
    struct parsed p;
    parse_ok(&p, "FROM x\n\n# c\n  RUN a \\\n  b\n\nCMD c");
    assert_int_equal(p.ast.n_nodes, 3);
    assert_lines(p.ast.nodes[0], 1, 1);
    assert_lines(p.ast.nodes[1], 4, 5);
    assert_lines(p.ast.nodes[2], 7, 7);
    assert_int_equal(p.ast.start_line, 1);
    assert_int_equal(p.ast.end_line, 7);
    /* the logical line: first line left-trimmed, continuation kept */
    assert_span(p.ast.nodes[1]->original, "RUN a   b");
    assert_span(p.ast.nodes[0]->original, "FROM x");
    parsed_release(&p);
}

static void test_parser_heredoc_helpers(void **state)
{
    (void)state;
    struct arena a = ARENA_INIT;
    struct heredoc h;
#define WORD(lit) heredoc_parse_word(&a, lit, sizeof(lit) - 1, &h)
    assert_true(WORD("<<EOF"));
    assert_span(h.name, "EOF");
    assert_true(h.expand);
    assert_false(h.chomp);
    assert_true(WORD("2<<-'X Y'"));
    assert_span(h.name, "X Y");
    assert_int_equal(h.fd, 2);
    assert_true(h.chomp);
    assert_false(h.expand);
    assert_false(WORD("<<"));
    assert_false(WORD("<<-"));
    assert_false(WORD("<<<x"));
    assert_false(WORD("<<a<b"));
    assert_false(WORD("a<<EOF"));
    assert_false(WORD("<x"));
    assert_false(WORD("EOF"));
    assert_false(WORD("<<a b"));
    assert_false(WORD(""));
#undef WORD
    arena_release(&a);

    struct sb out = SB_INIT;
    const char body[] = "\t\ta\n\tb\t\n  \tc\n\t";
    heredoc_chomp(&out, body, sizeof(body) - 1);
    assert_string_equal(out.buf, "a\nb\t\n  \tc\n");
    sb_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parser_line_endings),
        cmocka_unit_test(test_parser_lone_cr_is_data),
        cmocka_unit_test(test_parser_bom_first_line_only),
        cmocka_unit_test(test_parser_max_line_length),
        cmocka_unit_test(test_parser_max_line_length_places),
        cmocka_unit_test(test_parser_no_instructions),
        cmocka_unit_test(test_parser_comments),
        cmocka_unit_test(test_parser_comments_in_continuation),
        cmocka_unit_test(test_parser_doc_comments),
        cmocka_unit_test(test_parser_doc_comments_indented),
        cmocka_unit_test(test_parser_directives),
        cmocka_unit_test(test_parser_directive_syntax),
        cmocka_unit_test(test_parser_directives_only_at_top),
        cmocka_unit_test(test_parser_directive_unicode_space),
        cmocka_unit_test(test_parser_directive_repeated),
        cmocka_unit_test(test_parser_directive_bad_escape),
        cmocka_unit_test(test_parser_escape_backtick),
        cmocka_unit_test(test_parser_directive_prescan),
        cmocka_unit_test(test_parser_directive_prescan_unicode_space),
        cmocka_unit_test(test_parser_continuation),
        cmocka_unit_test(test_parser_empty_continuation),
        cmocka_unit_test(test_parser_continuation_at_eof),
        cmocka_unit_test(test_parser_dump_empty_keyword),
        cmocka_unit_test(test_parser_instruction_word),
        cmocka_unit_test(test_parser_instruction_word_unicode),
        cmocka_unit_test(test_parser_flags_quoting),
        cmocka_unit_test(test_parser_flags_end),
        cmocka_unit_test(test_parser_flags_latin1),
        cmocka_unit_test(test_parser_json_form),
        cmocka_unit_test(test_parser_json_fallback),
        cmocka_unit_test(test_parser_json_not_strings),
        cmocka_unit_test(test_parser_env_label_pairs),
        cmocka_unit_test(test_parser_env_label_legacy),
        cmocka_unit_test(test_parser_env_label_errors),
        cmocka_unit_test(test_parser_arg_words),
        cmocka_unit_test(test_parser_whitespace_lists),
        cmocka_unit_test(test_parser_whole_string),
        cmocka_unit_test(test_parser_healthcheck_shape),
        cmocka_unit_test(test_parser_onbuild_shape),
        cmocka_unit_test(test_parser_onbuild_deep),
        cmocka_unit_test(test_parser_heredoc_basic),
        cmocka_unit_test(test_parser_heredoc_chomp),
        cmocka_unit_test(test_parser_heredoc_names),
        cmocka_unit_test(test_parser_heredoc_not_heredocs),
        cmocka_unit_test(test_parser_heredoc_several),
        cmocka_unit_test(test_parser_heredoc_terminator),
        cmocka_unit_test(test_parser_heredoc_unterminated),
        cmocka_unit_test(test_parser_heredoc_body_is_raw),
        cmocka_unit_test(test_parser_heredoc_places),
        cmocka_unit_test(test_parser_dump_quoting),
        cmocka_unit_test(test_parser_dump_node),
        cmocka_unit_test(test_parser_original_and_lines),
        cmocka_unit_test(test_parser_heredoc_helpers),
    };
    return cmocka_run_group_tests_name("parser", tests, NULL, NULL);
}
