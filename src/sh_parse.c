/*
 * sh_parse.c: the shell's lexer, parser (POSIX grammar, one complete
 * command at a time) and compiler to the machine's instructions.
 */
#include "sh_impl.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* ===================================================================== */
/* Lexer                                                                 */
/* ===================================================================== */

void sp_init(struct sparser *ps, struct arena *a, const char *src,
             size_t len, int line, enum sh_flavor fl)
{
    memset(ps, 0, sizeof(*ps));
    ps->a = a;
    ps->src = src;
    ps->len = len;
    ps->line = line;
    ps->fl = fl;
}

static int peekc(const struct sparser *ps, size_t off)
{
    return ps->pos + off < ps->len ? (unsigned char)ps->src[ps->pos + off]
                                   : -1;
}

static int atoi_len(const char *s, size_t len)
{
    int v = 0;
    for (size_t i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static void set_err(struct sparser *ps, enum sperr e)
{
    if (ps->err == SPE_NONE) {
        ps->err = e;
        ps->err_line = ps->line;
    }
}

static bool is_meta(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' ||
           c == '|' || c == '<' || c == '>' || c == '(' || c == ')' ||
           c == -1;
}

static bool bash_like(const struct sparser *ps)
{
    return ps->fl == SH_BASH || ps->fl == SH_ASH;
}

/* Skip a quoted/nested construct starting at pos (which is at the
 * opening character). Returns 0, -1 on an unterminated construct. */
static int skip_squote(struct sparser *ps)
{
    ps->pos++;
    while (ps->pos < ps->len && ps->src[ps->pos] != '\'') {
        if (ps->src[ps->pos] == '\n')
            ps->line++;
        ps->pos++;
    }
    if (ps->pos >= ps->len) {
        ps->err_quote = '\'';
        set_err(ps, SPE_UNTERMINATED);
        return -1;
    }
    ps->pos++;
    return 0;
}

static int skip_dollar_squote(struct sparser *ps)
{
    ps->pos += 2;
    while (ps->pos < ps->len && ps->src[ps->pos] != '\'') {
        if (ps->src[ps->pos] == '\\' && ps->pos + 1 < ps->len)
            ps->pos++;
        if (ps->src[ps->pos] == '\n')
            ps->line++;
        ps->pos++;
    }
    if (ps->pos >= ps->len) {
        ps->err_quote = '\'';
        set_err(ps, SPE_UNTERMINATED);
        return -1;
    }
    ps->pos++;
    return 0;
}

static int skip_dollar(struct sparser *ps);
static int skip_backquote(struct sparser *ps);

static int skip_dquote(struct sparser *ps)
{
    ps->pos++;
    while (ps->pos < ps->len && ps->src[ps->pos] != '"') {
        char c = ps->src[ps->pos];
        if (c == '\\' && ps->pos + 1 < ps->len) {
            if (ps->src[ps->pos + 1] == '\n')
                ps->line++;
            ps->pos += 2;
        } else if (c == '$') {
            if (skip_dollar(ps) < 0)
                return -1;
        } else if (c == '`') {
            if (skip_backquote(ps) < 0)
                return -1;
        } else {
            if (c == '\n')
                ps->line++;
            ps->pos++;
        }
    }
    if (ps->pos >= ps->len) {
        ps->err_quote = '"';
        set_err(ps, SPE_UNTERMINATED);
        return -1;
    }
    ps->pos++;
    return 0;
}

static int skip_backquote(struct sparser *ps)
{
    ps->pos++;
    while (ps->pos < ps->len && ps->src[ps->pos] != '`') {
        if (ps->src[ps->pos] == '\\' && ps->pos + 1 < ps->len)
            ps->pos++;
        if (ps->src[ps->pos] == '\n')
            ps->line++;
        ps->pos++;
    }
    if (ps->pos >= ps->len) {
        ps->err_quote = '`';
        set_err(ps, SPE_UNTERMINATED);
        return -1;
    }
    ps->pos++;
    return 0;
}

/* Inside $( ... ): balanced parentheses, quotes respected. */
static int skip_parens(struct sparser *ps, int depth)
{
    while (ps->pos < ps->len) {
        char c = ps->src[ps->pos];
        if (c == '\\' && ps->pos + 1 < ps->len) {
            ps->pos += 2;
        } else if (c == '\'') {
            if (skip_squote(ps) < 0)
                return -1;
        } else if (c == '"') {
            if (skip_dquote(ps) < 0)
                return -1;
        } else if (c == '`') {
            if (skip_backquote(ps) < 0)
                return -1;
        } else if (c == '$') {
            if (skip_dollar(ps) < 0)
                return -1;
        } else if (c == '#' && (ps->pos == 0 ||
                                strchr(" \t\n;(", ps->src[ps->pos - 1]))) {
            while (ps->pos < ps->len && ps->src[ps->pos] != '\n')
                ps->pos++;
        } else if (c == '(') {
            depth++;
            ps->pos++;
        } else if (c == ')') {
            ps->pos++;
            if (--depth == 0)
                return 0;
        } else {
            if (c == '\n')
                ps->line++;
            ps->pos++;
        }
    }
    ps->err_expect = "\")\"";
    set_err(ps, SPE_UNEXPECTED);
    ps->err_tok = T_EOF;
    return -1;
}

static int skip_braces(struct sparser *ps)
{
    int depth = 0;
    while (ps->pos < ps->len) {
        char c = ps->src[ps->pos];
        if (c == '\\' && ps->pos + 1 < ps->len) {
            ps->pos += 2;
        } else if (c == '\'') {
            if (skip_squote(ps) < 0)
                return -1;
        } else if (c == '"') {
            if (skip_dquote(ps) < 0)
                return -1;
        } else if (c == '`') {
            if (skip_backquote(ps) < 0)
                return -1;
        } else if (c == '$' && ps->pos + 1 < ps->len &&
                   (ps->src[ps->pos + 1] == '(' ||
                    ps->src[ps->pos + 1] == '{')) {
            if (skip_dollar(ps) < 0)
                return -1;
        } else if (c == '{') {
            depth++;
            ps->pos++;
        } else if (c == '}') {
            ps->pos++;
            if (--depth == 0)
                return 0;
        } else {
            if (c == '\n')
                ps->line++;
            ps->pos++;
        }
    }
    ps->err_quote = '}';
    set_err(ps, SPE_UNTERMINATED);
    return -1;
}

/* At a '$': skip $(...), $((...)), ${...}, $'...', or just the '$'. */
static int skip_dollar(struct sparser *ps)
{
    int n1 = peekc(ps, 1), n2 = peekc(ps, 2);
    if (n1 == '(') {
        ps->pos += 2;
        if (n2 == '(') {
            /* $(( ... )) */
            ps->pos++;
            int depth = 2;
            while (ps->pos < ps->len && depth > 0) {
                char c = ps->src[ps->pos];
                if (c == '(')
                    depth++;
                else if (c == ')')
                    depth--;
                else if (c == '\n')
                    ps->line++;
                ps->pos++;
            }
            if (depth > 0) {
                set_err(ps, SPE_MISSING_PAREN);
                return -1;
            }
            return 0;
        }
        return skip_parens(ps, 1);
    }
    if (n1 == '{') {
        ps->pos++;
        return skip_braces(ps);
    }
    if (n1 == '\'' && bash_like(ps))
        return skip_dollar_squote(ps);
    ps->pos++;
    return 0;
}

/* Read the heredoc bodies queued on this line (ps->pos is just past the
 * newline). */
static void read_heredocs(struct sparser *ps)
{
    for (size_t i = 0; i < ps->n_pending; i++) {
        struct sredir *r = ps->pending[i];
        /* the delimiter with quotes removed */
        struct sb delim = SB_INIT;
        bool quoted = false;
        for (size_t k = 0; k < r->target.len; k++) {
            char c = r->target.s[k];
            if (c == '\'' || c == '"') {
                quoted = true;
                continue;
            }
            if (c == '\\' && k + 1 < r->target.len) {
                quoted = true;
                c = r->target.s[++k];
            }
            sb_addch(&delim, c);
        }
        r->doc_quoted = quoted;
        bool strip = r->strip_tabs;
        struct sb body = SB_INIT;
        while (ps->pos < ps->len) {
            size_t start = ps->pos;
            while (ps->pos < ps->len && ps->src[ps->pos] != '\n')
                ps->pos++;
            size_t end = ps->pos;
            if (ps->pos < ps->len)
                ps->pos++;
            ps->line++;
            size_t ls = start;
            if (strip)
                while (ls < end && ps->src[ls] == '\t')
                    ls++;
            if (end - ls == delim.len &&
                memcmp(ps->src + ls, delim.buf, delim.len) == 0)
                break;
            sb_add(&body, ps->src + ls, end - ls);
            sb_addch(&body, '\n');
        }
        r->doc = arena_memdup0(ps->a, body.buf, body.len);
        r->doc_len = body.len;
        sb_release(&body);
        sb_release(&delim);
    }
    ps->n_pending = 0;
}

/* Scan the next token into ps->tok. */
static void lex(struct sparser *ps)
{
    if (ps->peeked) {
        ps->peeked = false;
        return;
    }
    ps->word.s = NULL;
    ps->word.len = 0;
    ps->redir_strip = false;
    for (;;) {
        int c = peekc(ps, 0);
        if (c == ' ' || c == '\t' || c == '\r') {
            /* CR is not a blank for sh, but CRLF scripts are handled by
             * making it part of words (see scan below); here only
             * space and tab */
            if (c == '\r')
                break;
            ps->pos++;
        } else if (c == '\\' && peekc(ps, 1) == '\n') {
            ps->pos += 2;
            ps->line++;
        } else if (c == '#') {
            while (ps->pos < ps->len && ps->src[ps->pos] != '\n')
                ps->pos++;
        } else {
            break;
        }
    }
    ps->tok_line = ps->line;
    int c = peekc(ps, 0), n = peekc(ps, 1), n2 = peekc(ps, 2);
    switch (c) {
    case -1:
        ps->tok = T_EOF;
        return;
    case '\n':
        ps->pos++;
        ps->line++;
        ps->tok = T_NEWLINE;
        if (ps->n_pending)
            read_heredocs(ps);
        return;
    case ';':
        ps->pos += n == ';' || n == '&' ? 2 : 1;
        ps->tok = n == ';' ? T_DSEMI : n == '&' ? T_SEMIAMP : T_SEMI;
        return;
    case '&':
        if (n == '&') {
            ps->pos += 2;
            ps->tok = T_AND;
            return;
        }
        if (n == '>' && bash_like(ps)) {
            ps->pos += n2 == '>' ? 3 : 2;
            ps->tok = T_REDIR;
            ps->redir = n2 == '>' ? R_BOTH_APPEND : R_BOTH;
            return;
        }
        ps->pos++;
        ps->tok = T_AMP;
        return;
    case '|':
        ps->pos += n == '|' ? 2 : 1;
        ps->tok = n == '|' ? T_OR : T_PIPE;
        return;
    case '(':
        ps->pos++;
        ps->tok = T_LPAREN;
        return;
    case ')':
        ps->pos++;
        ps->tok = T_RPAREN;
        return;
    case '<':
        ps->tok = T_REDIR;
        if (n == '<' && n2 == '<' && bash_like(ps)) {
            ps->pos += 3;
            ps->redir = R_HERESTR;
        } else if (n == '<' && n2 == '-') {
            ps->pos += 3;
            ps->redir = R_HEREDOC;
            ps->redir_strip = true;
        } else if (n == '<') {
            ps->pos += 2;
            ps->redir = R_HEREDOC;
        } else if (n == '&') {
            ps->pos += 2;
            ps->redir = R_DUPIN;
        } else if (n == '>') {
            ps->pos += 2;
            ps->redir = R_RW;
        } else {
            ps->pos++;
            ps->redir = R_IN;
        }
        return;
    case '>':
        ps->tok = T_REDIR;
        if (n == '>') {
            ps->pos += 2;
            ps->redir = R_APPEND;
        } else if (n == '&') {
            ps->pos += 2;
            ps->redir = R_DUPOUT;
        } else if (n == '|') {
            ps->pos += 2;
            ps->redir = R_CLOBBER;
        } else {
            ps->pos++;
            ps->redir = R_OUT;
        }
        return;
    default:
        break;
    }
    /* a word */
    size_t start = ps->pos;
    bool digits = true;
    while (ps->pos < ps->len) {
        int ch = peekc(ps, 0);
        if (is_meta(ch))
            break;
        if (ch < '0' || ch > '9')
            digits = false;
        if (ch == '\\') {
            if (ps->pos + 1 < ps->len && ps->src[ps->pos + 1] == '\n')
                ps->line++;
            ps->pos += ps->pos + 1 < ps->len ? 2 : 1;
        } else if (ch == '\'') {
            if (skip_squote(ps) < 0)
                goto fail;
        } else if (ch == '"') {
            if (skip_dquote(ps) < 0)
                goto fail;
        } else if (ch == '`') {
            if (skip_backquote(ps) < 0)
                goto fail;
        } else if (ch == '$') {
            if (skip_dollar(ps) < 0)
                goto fail;
        } else {
            ps->pos++;
        }
    }
    ps->word.s = ps->src + start;
    ps->word.len = ps->pos - start;
    ps->tok = T_WORD;
    if (digits && ps->word.len > 0 && ps->word.len <= 2 &&
        (peekc(ps, 0) == '<' || peekc(ps, 0) == '>'))
        ps->tok = T_IONUM;
    return;
fail:
    ps->tok = T_EOF;
}

static void unlex(struct sparser *ps)
{
    ps->peeked = true;
}

/* ===================================================================== */
/* Parser                                                                */
/* ===================================================================== */

static bool word_is(const struct sword *w, const char *kw)
{
    size_t l = strlen(kw);
    return w->len == l && memcmp(w->s, kw, l) == 0;
}

static bool tok_is_kw(const struct sparser *ps, const char *kw)
{
    return ps->tok == T_WORD && word_is(&ps->word, kw);
}

static const char *const keywords[] = {
    "if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
    "while", "until", "for", "in", "{", "}", "!",
};

static bool is_keyword(const struct sword *w)
{
    for (size_t i = 0; i < ARRAY_LEN(keywords); i++)
        if (word_is(w, keywords[i]))
            return true;
    return false;
}

/* Record "unexpected <current token>" (expecting exp, may be NULL). */
static void unexpected(struct sparser *ps, const char *exp)
{
    if (ps->err != SPE_NONE)
        return;
    set_err(ps, SPE_UNEXPECTED);
    ps->err_tok = ps->tok;
    ps->err_word = ps->word;
    ps->err_expect = exp;
    ps->err_line = ps->tok_line;
}

static struct snode *node_new(struct sparser *ps, enum snk k)
{
    struct snode *n = arena_calloc(ps->a, 1, sizeof(*n));
    n->kind = k;
    n->line = ps->tok_line;
    return n;
}

struct vec {
    void **v;
    size_t n, cap;
};

static void vec_push(struct vec *v, void *x)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->v = xreallocarray(v->v, v->cap, sizeof(*v->v));
    }
    v->v[v->n++] = x;
}

static struct snode **vec_to_nodes(struct sparser *ps, struct vec *v)
{
    struct snode **out = arena_calloc(ps->a, v->n ? v->n : 1,
                                      sizeof(*out));
    for (size_t i = 0; i < v->n; i++)
        out[i] = v->v[i];
    free(v->v);
    return out;
}

struct wvec {
    struct sword *v;
    size_t n, cap;
};

static void wvec_push(struct wvec *v, struct sword w)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->v = xreallocarray(v->v, v->cap, sizeof(*v->v));
    }
    v->v[v->n++] = w;
}

static struct sword *wvec_done(struct sparser *ps, struct wvec *v)
{
    struct sword *out = arena_calloc(ps->a, v->n ? v->n : 1, sizeof(*out));
    if (v->n)
        memcpy(out, v->v, v->n * sizeof(*out));
    free(v->v);
    return out;
}

static struct sword wcopy(struct sparser *ps, struct sword w)
{
    struct sword c = { arena_memdup0(ps->a, w.s, w.len), w.len };
    return c;
}

static struct snode *parse_list(struct sparser *ps, bool compound);
static struct snode *parse_command(struct sparser *ps);

static void skip_newlines(struct sparser *ps)
{
    for (;;) {
        lex(ps);
        if (ps->tok != T_NEWLINE)
            break;
    }
    unlex(ps);
}

/* A redirection: the operator token is current (fd set by an IONUM). */
static struct sredir *parse_redir(struct sparser *ps, int fd)
{
    struct sredir *r = arena_calloc(ps->a, 1, sizeof(*r));
    r->type = ps->redir;
    r->strip_tabs = ps->redir_strip;
    if (fd < 0) {
        switch (r->type) {
        case R_IN:
        case R_RW:
        case R_DUPIN:
        case R_HEREDOC:
        case R_HERESTR:
            fd = 0;
            break;
        default:
            fd = 1;
        }
    }
    r->fd = fd;
    lex(ps);
    if (ps->tok != T_WORD && ps->tok != T_IONUM) {
        unexpected(ps, NULL);
        return NULL;
    }
    r->target = wcopy(ps, ps->word);
    if (r->type == R_HEREDOC && ps->n_pending < ARRAY_LEN(ps->pending))
        ps->pending[ps->n_pending++] = r;
    return r;
}

static void add_redir(struct sredir **head, struct sredir *r)
{
    while (*head)
        head = &(*head)->next;
    *head = r;
}

/* Redirections after a compound command. */
static bool parse_trailing_redirs(struct sparser *ps, struct snode *n)
{
    for (;;) {
        lex(ps);
        int fd = -1;
        if (ps->tok == T_IONUM) {
            fd = atoi_len(ps->word.s, ps->word.len);
            lex(ps);
        }
        if (ps->tok != T_REDIR) {
            unlex(ps);
            return true;
        }
        struct sredir *r = parse_redir(ps, fd);
        if (!r)
            return false;
        add_redir(&n->redirs, r);
    }
}

static bool is_assignment(const struct sword *w)
{
    size_t i = 0;
    if (w->len == 0)
        return false;
    char c = w->s[0];
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        return false;
    for (i = 1; i < w->len; i++) {
        c = w->s[i];
        if (c == '=')
            return true;
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return false;
    }
    return false;
}

/* Expect keyword kw next (after a list). */
static bool expect_kw(struct sparser *ps, const char *kw, const char *quoted)
{
    lex(ps);
    if (tok_is_kw(ps, kw))
        return true;
    unexpected(ps, quoted);
    return false;
}

static struct snode *parse_if(struct sparser *ps)
{
    struct snode *n = node_new(ps, SN_IF);
    n->a = parse_list(ps, true);
    if (!n->a || !expect_kw(ps, "then", "\"then\""))
        return NULL;
    n->b = parse_list(ps, true);
    if (!n->b)
        return NULL;
    lex(ps);
    if (tok_is_kw(ps, "elif")) {
        n->c = parse_if(ps);
        return n->c ? n : NULL;
    }
    if (tok_is_kw(ps, "else")) {
        n->c = parse_list(ps, true);
        if (!n->c || !expect_kw(ps, "fi", "\"fi\""))
            return NULL;
        return n;
    }
    if (tok_is_kw(ps, "fi"))
        return n;
    unexpected(ps, "\"fi\"");
    return NULL;
}

static struct snode *parse_loop(struct sparser *ps, enum snk k)
{
    struct snode *n = node_new(ps, k);
    n->a = parse_list(ps, true);
    if (!n->a || !expect_kw(ps, "do", "\"do\""))
        return NULL;
    n->b = parse_list(ps, true);
    if (!n->b || !expect_kw(ps, "done", "\"done\""))
        return NULL;
    return n;
}

static struct snode *parse_for(struct sparser *ps)
{
    struct snode *n = node_new(ps, SN_FOR);
    lex(ps);
    if (ps->tok != T_WORD || !sh_is_name(ps->word.s, ps->word.len)) {
        unexpected(ps, NULL);
        return NULL;
    }
    n->name = arena_memdup0(ps->a, ps->word.s, ps->word.len);
    /* optional newlines, then `in words ;` or `do` */
    skip_newlines(ps);
    lex(ps);
    struct wvec words = { 0 };
    if (tok_is_kw(ps, "in")) {
        n->for_in = true;
        for (;;) {
            lex(ps);
            if (ps->tok != T_WORD)
                break;
            wvec_push(&words, wcopy(ps, ps->word));
        }
        if (ps->tok != T_SEMI && ps->tok != T_NEWLINE) {
            free(words.v);
            unexpected(ps, "\"do\"");
            return NULL;
        }
        skip_newlines(ps);
        lex(ps);
    } else if (ps->tok == T_SEMI) {
        skip_newlines(ps);
        lex(ps);
    }
    n->words = wvec_done(ps, &words);
    n->n_words = words.n;
    if (!tok_is_kw(ps, "do")) {
        unexpected(ps, "\"do\"");
        return NULL;
    }
    n->b = parse_list(ps, true);
    if (!n->b || !expect_kw(ps, "done", "\"done\""))
        return NULL;
    return n;
}

static struct snode *parse_case(struct sparser *ps)
{
    struct snode *n = node_new(ps, SN_CASE);
    lex(ps);
    if (ps->tok != T_WORD) {
        unexpected(ps, NULL);
        return NULL;
    }
    n->words = arena_calloc(ps->a, 1, sizeof(*n->words));
    n->words[0] = wcopy(ps, ps->word);
    n->n_words = 1;
    skip_newlines(ps);
    lex(ps);
    if (!tok_is_kw(ps, "in")) {
        unexpected(ps, "\"in\"");
        return NULL;
    }
    struct scase *cases = NULL;
    size_t nc = 0;
    for (;;) {
        skip_newlines(ps);
        lex(ps);
        if (tok_is_kw(ps, "esac"))
            break;
        if (ps->tok == T_LPAREN)
            lex(ps);
        struct wvec pats = { 0 };
        for (;;) {
            if (ps->tok != T_WORD) {
                free(pats.v);
                free(cases);
                unexpected(ps, NULL);
                return NULL;
            }
            wvec_push(&pats, wcopy(ps, ps->word));
            lex(ps);
            if (ps->tok == T_PIPE) {
                lex(ps);
                continue;
            }
            break;
        }
        if (ps->tok != T_RPAREN) {
            free(pats.v);
            free(cases);
            unexpected(ps, "\")\"");
            return NULL;
        }
        cases = xreallocarray(cases, nc + 1, sizeof(*cases));
        struct scase *cs = &cases[nc++];
        memset(cs, 0, sizeof(*cs));
        cs->pats = wvec_done(ps, &pats);
        cs->n_pats = pats.n;
        /* the body may be empty */
        skip_newlines(ps);
        lex(ps);
        bool empty = ps->tok == T_DSEMI || ps->tok == T_SEMIAMP ||
                     tok_is_kw(ps, "esac");
        unlex(ps);
        if (!empty) {
            cs->body = parse_list(ps, true);
            if (!cs->body) {
                free(cases);
                return NULL;
            }
        }
        lex(ps);
        if (ps->tok == T_DSEMI)
            continue;
        if (ps->tok == T_SEMIAMP) {
            cs->fallthrough = true;
            continue;
        }
        if (tok_is_kw(ps, "esac"))
            break;
        free(cases);
        unexpected(ps, "\"esac\"");
        return NULL;
    }
    n->cases = arena_calloc(ps->a, nc ? nc : 1, sizeof(*n->cases));
    if (nc)
        memcpy(n->cases, cases, nc * sizeof(*cases));
    n->n_cases = nc;
    free(cases);
    return n;
}

/* [[ ... ]]: words up to ]] (operators become words). */
static struct snode *parse_dbracket(struct sparser *ps)
{
    struct snode *n = node_new(ps, SN_DBRACKET);
    struct wvec w = { 0 };
    for (;;) {
        lex(ps);
        if (ps->tok == T_WORD && word_is(&ps->word, "]]"))
            break;
        if (ps->tok == T_EOF || ps->tok == T_NEWLINE) {
            free(w.v);
            unexpected(ps, NULL);
            return NULL;
        }
        struct sword x = ps->word;
        static const char *const ops[] = { "", "", "", "", ";", "&", "&&",
                                           "||", "|", "(", ")" };
        if (ps->tok == T_REDIR) {
            x.s = ps->redir == R_IN ? "<" : ">";
            x.len = 1;
        } else if (ps->tok != T_WORD && ps->tok != T_IONUM &&
                   (size_t)ps->tok < ARRAY_LEN(ops)) {
            x.s = ops[ps->tok];
            x.len = strlen(x.s);
        }
        wvec_push(&w, wcopy(ps, x));
    }
    n->words = wvec_done(ps, &w);
    n->n_words = w.n;
    return n;
}

/* (( expr )) */
static struct snode *parse_arith_cmd(struct sparser *ps)
{
    struct snode *n = node_new(ps, SN_ARITH);
    size_t start = ps->pos;
    int depth = 0;
    while (ps->pos < ps->len) {
        char c = ps->src[ps->pos];
        if (c == '(')
            depth++;
        else if (c == ')') {
            if (depth == 0 && peekc(ps, 1) == ')')
                break;
            depth--;
        }
        ps->pos++;
    }
    if (ps->pos >= ps->len) {
        set_err(ps, SPE_MISSING_PAREN);
        return NULL;
    }
    n->words = arena_calloc(ps->a, 1, sizeof(*n->words));
    n->words[0].s = arena_memdup0(ps->a, ps->src + start, ps->pos - start);
    n->words[0].len = ps->pos - start;
    n->n_words = 1;
    ps->pos += 2;
    return n;
}

static struct snode *parse_func_body(struct sparser *ps, const char *name)
{
    struct snode *f = node_new(ps, SN_FUNC);
    f->name = name;
    skip_newlines(ps);
    f->a = parse_command(ps);
    if (!f->a)
        return NULL;
    return f;
}

/* A simple command (the first token is current and is a word, IONUM or
 * redirection). */
static struct snode *parse_simple(struct sparser *ps)
{
    struct snode *n = node_new(ps, SN_CMD);
    struct wvec words = { 0 }, assigns = { 0 };
    bool have = true; /* the current token is not consumed yet */
    for (;;) {
        if (!have)
            lex(ps);
        have = false;
        if (ps->tok == T_IONUM) {
            int fd = atoi_len(ps->word.s, ps->word.len);
            lex(ps);
            struct sredir *r = parse_redir(ps, fd);
            if (!r)
                goto fail;
            add_redir(&n->redirs, r);
        } else if (ps->tok == T_REDIR) {
            struct sredir *r = parse_redir(ps, -1);
            if (!r)
                goto fail;
            add_redir(&n->redirs, r);
        } else if (ps->tok == T_WORD) {
            if (words.n == 0 && is_assignment(&ps->word)) {
                wvec_push(&assigns, wcopy(ps, ps->word));
                continue;
            }
            struct sword w = ps->word;
            if (words.n == 0 && assigns.n == 0 && !n->redirs) {
                /* NAME ( ) body: a function */
                lex(ps);
                if (ps->tok == T_LPAREN) {
                    lex(ps);
                    if (ps->tok != T_RPAREN) {
                        unexpected(ps, "\")\"");
                        goto fail;
                    }
                    if (!sh_is_name(w.s, w.len) && ps->fl == SH_DASH) {
                        set_err(ps, SPE_BAD_FUNC_NAME);
                        goto fail;
                    }
                    free(words.v);
                    free(assigns.v);
                    return parse_func_body(ps,
                                           arena_memdup0(ps->a, w.s, w.len));
                }
                have = true;
            }
            wvec_push(&words, wcopy(ps, w));
        } else {
            break;
        }
    }
    unlex(ps);
    n->words = wvec_done(ps, &words);
    n->n_words = words.n;
    n->assigns = wvec_done(ps, &assigns);
    n->n_assigns = assigns.n;
    return n;
fail:
    free(words.v);
    free(assigns.v);
    return NULL;
}

/* A command: compound (with trailing redirections), function, simple. */
static struct snode *parse_command(struct sparser *ps)
{
    lex(ps);
    int line = ps->tok_line;
    struct snode *n = NULL;
    if (ps->tok == T_WORD) {
        if (tok_is_kw(ps, "if"))
            n = parse_if(ps);
        else if (tok_is_kw(ps, "while"))
            n = parse_loop(ps, SN_WHILE);
        else if (tok_is_kw(ps, "until"))
            n = parse_loop(ps, SN_UNTIL);
        else if (tok_is_kw(ps, "for"))
            n = parse_for(ps);
        else if (tok_is_kw(ps, "case"))
            n = parse_case(ps);
        else if (tok_is_kw(ps, "{")) {
            n = node_new(ps, SN_GROUP);
            n->a = parse_list(ps, true);
            if (!n->a || !expect_kw(ps, "}", "\"}\""))
                return NULL;
        } else if (tok_is_kw(ps, "[[") && bash_like(ps)) {
            n = parse_dbracket(ps);
        } else if (tok_is_kw(ps, "function") && bash_like(ps)) {
            lex(ps);
            if (ps->tok != T_WORD) {
                unexpected(ps, NULL);
                return NULL;
            }
            const char *name = arena_memdup0(ps->a, ps->word.s, ps->word.len);
            lex(ps);
            if (ps->tok == T_LPAREN) {
                lex(ps);
                if (ps->tok != T_RPAREN) {
                    unexpected(ps, "\")\"");
                    return NULL;
                }
            } else {
                unlex(ps);
            }
            return parse_func_body(ps, name);
        } else if (is_keyword(&ps->word) && !tok_is_kw(ps, "!")) {
            unexpected(ps, NULL);
            return NULL;
        } else {
            return parse_simple(ps);
        }
        if (!n)
            return NULL;
        n->line = line;
        if (!parse_trailing_redirs(ps, n))
            return NULL;
        return n;
    }
    if (ps->tok == T_LPAREN) {
        if (ps->fl == SH_BASH && peekc(ps, 0) == '(') {
            ps->pos++;
            n = parse_arith_cmd(ps);
        } else {
            n = node_new(ps, SN_SUBSHELL);
            n->a = parse_list(ps, true);
            if (!n->a)
                return NULL;
            lex(ps);
            if (ps->tok != T_RPAREN) {
                unexpected(ps, "\")\"");
                return NULL;
            }
        }
        if (!n)
            return NULL;
        n->line = line;
        if (!parse_trailing_redirs(ps, n))
            return NULL;
        return n;
    }
    if (ps->tok == T_IONUM || ps->tok == T_REDIR)
        return parse_simple(ps);
    unexpected(ps, NULL);
    return NULL;
}

static struct snode *parse_pipeline(struct sparser *ps)
{
    lex(ps);
    bool bang = false;
    if (tok_is_kw(ps, "!")) {
        bang = true;
    } else {
        unlex(ps);
    }
    struct vec v = { 0 };
    int line = ps->line;
    for (;;) {
        struct snode *c = parse_command(ps);
        if (!c) {
            free(v.v);
            return NULL;
        }
        vec_push(&v, c);
        lex(ps);
        if (ps->tok != T_PIPE) {
            unlex(ps);
            break;
        }
        skip_newlines(ps);
    }
    if (v.n == 1 && !bang) {
        struct snode *only = v.v[0];
        free(v.v);
        return only;
    }
    struct snode *p = node_new(ps, SN_PIPE);
    p->line = line;
    p->bang = bang;
    p->n_kids = v.n;
    p->kids = vec_to_nodes(ps, &v);
    return p;
}

static struct snode *parse_andor(struct sparser *ps)
{
    struct snode *left = parse_pipeline(ps);
    if (!left)
        return NULL;
    for (;;) {
        lex(ps);
        if (ps->tok != T_AND && ps->tok != T_OR) {
            unlex(ps);
            return left;
        }
        enum snk k = ps->tok == T_AND ? SN_AND : SN_OR;
        skip_newlines(ps);
        struct snode *right = parse_pipeline(ps);
        if (!right)
            return NULL;
        struct snode *n = node_new(ps, k);
        n->line = left->line;
        n->a = left;
        n->b = right;
        left = n;
    }
}

/* Can the current token start a command? */
static bool starts_command(struct sparser *ps)
{
    switch (ps->tok) {
    case T_WORD:
        if (tok_is_kw(ps, "then") || tok_is_kw(ps, "else") ||
            tok_is_kw(ps, "elif") || tok_is_kw(ps, "fi") ||
            tok_is_kw(ps, "do") || tok_is_kw(ps, "done") ||
            tok_is_kw(ps, "esac") || tok_is_kw(ps, "}") ||
            tok_is_kw(ps, "in"))
            return false;
        return true;
    case T_IONUM:
    case T_REDIR:
    case T_LPAREN:
        return true;
    default:
        return false;
    }
}

/*
 * A list. compound: inside a compound command (newlines separate
 * commands; ends before a closing keyword or ')'); otherwise one line
 * of the top level (ends at a newline or EOF).
 */
static struct snode *parse_list(struct sparser *ps, bool compound)
{
    struct vec items = { 0 };
    if (compound)
        skip_newlines(ps);
    for (;;) {
        lex(ps);
        if (!starts_command(ps)) {
            if (items.n == 0) {
                unexpected(ps, NULL);
                free(items.v);
                return NULL;
            }
            unlex(ps);
            break;
        }
        unlex(ps);
        struct snode *c = parse_andor(ps);
        if (!c) {
            free(items.v);
            return NULL;
        }
        lex(ps);
        if (ps->tok == T_AMP) {
            struct snode *bg = node_new(ps, SN_BG);
            bg->line = c->line;
            bg->a = c;
            c = bg;
        }
        vec_push(&items, c);
        if (ps->tok == T_AMP || ps->tok == T_SEMI) {
            if (!compound) {
                lex(ps);
                unlex(ps);
                if (ps->tok == T_NEWLINE || ps->tok == T_EOF)
                    break;
                continue;
            }
            skip_newlines(ps);
            continue;
        }
        if (ps->tok == T_NEWLINE) {
            if (!compound) {
                unlex(ps);
                break;
            }
            skip_newlines(ps);
            continue;
        }
        unlex(ps);
        break;
    }
    if (items.n == 1) {
        struct snode *only = items.v[0];
        free(items.v);
        return only;
    }
    struct snode *l = node_new(ps, SN_LIST);
    l->line = ((struct snode *)items.v[0])->line;
    l->n_kids = items.n;
    l->kids = vec_to_nodes(ps, &items);
    return l;
}

struct snode *sp_next(struct sparser *ps)
{
    if (ps->err != SPE_NONE)
        return NULL;
    for (;;) {
        lex(ps);
        if (ps->tok == T_EOF)
            return NULL;
        if (ps->tok != T_NEWLINE)
            break;
    }
    unlex(ps);
    struct snode *n = parse_list(ps, false);
    if (!n || ps->err != SPE_NONE)
        return NULL;
    lex(ps);
    if (ps->tok != T_NEWLINE && ps->tok != T_EOF) {
        unexpected(ps, NULL);
        return NULL;
    }
    if (ps->err != SPE_NONE)
        return NULL;
    if (ps->tok == T_EOF && ps->n_pending)
        ps->n_pending = 0;
    return n;
}

static void tok_text(const struct sparser *ps, enum stok t,
                     const struct sword *w, struct sb *out, bool bash)
{
    static const char *const names[] = {
        [T_EOF] = "end of file", [T_NEWLINE] = "newline",
        [T_WORD] = "word",       [T_IONUM] = "word",
        [T_SEMI] = "\";\"",      [T_AMP] = "\"&\"",
        [T_AND] = "\"&&\"",      [T_OR] = "\"||\"",
        [T_PIPE] = "\"|\"",      [T_LPAREN] = "\"(\"",
        [T_RPAREN] = "\")\"",    [T_DSEMI] = "\";;\"",
        [T_SEMIAMP] = "\";&\"",  [T_REDIR] = "redirection",
    };
    (void)ps;
    if (bash) {
        static const char *const raw[] = {
            [T_EOF] = "", [T_NEWLINE] = "newline", [T_WORD] = "",
            [T_IONUM] = "", [T_SEMI] = ";", [T_AMP] = "&",
            [T_AND] = "&&", [T_OR] = "||", [T_PIPE] = "|",
            [T_LPAREN] = "(", [T_RPAREN] = ")", [T_DSEMI] = ";;",
            [T_SEMIAMP] = ";&", [T_REDIR] = ">",
        };
        if ((t == T_WORD || t == T_IONUM) && w)
            sb_add(out, w->s, w->len);
        else
            sb_adds(out, raw[t]);
        return;
    }
    if (t == T_WORD && w && is_keyword(w)) {
        sb_addch(out, '"');
        sb_add(out, w->s, w->len);
        sb_addch(out, '"');
        return;
    }
    sb_adds(out, names[t]);
}

void sp_error_text(const struct sparser *ps, struct sb *out,
                   struct sb *second)
{
    bool dash = ps->fl == SH_DASH, bash = ps->fl == SH_BASH;
    switch (ps->err) {
    case SPE_NONE:
        break;
    case SPE_UNTERMINATED:
        if (bash) {
            sb_addf(out, "unexpected EOF while looking for matching `%c'",
                    ps->err_quote == '}' ? '}' : ps->err_quote);
            if (second)
                sb_adds(second, "syntax error: unexpected end of file");
        } else if (dash) {
            sb_adds(out, ps->err_quote == '}' ? "Syntax error: Missing '}'"
                                              : "Syntax error: Unterminated "
                                                "quoted string");
        } else {
            sb_adds(out, ps->err_quote == '}' ? "syntax error: missing '}'"
                                              : "syntax error: unterminated "
                                                "quoted string");
        }
        break;
    case SPE_MISSING_PAREN:
        if (bash)
            sb_adds(out, "syntax error: unexpected end of file");
        else if (dash)
            sb_adds(out, "Syntax error: Missing '))'");
        else
            sb_adds(out, "syntax error: missing '))'");
        break;
    case SPE_BAD_FUNC_NAME:
        sb_adds(out, dash ? "Syntax error: Bad function name"
                          : "syntax error: bad function name");
        break;
    case SPE_UNEXPECTED:
        if (bash) {
            if (ps->err_tok == T_EOF) {
                sb_adds(out, "syntax error: unexpected end of file");
            } else {
                sb_adds(out, "syntax error near unexpected token `");
                tok_text(ps, ps->err_tok, &ps->err_word, out, true);
                sb_addch(out, '\'');
                if (second) {
                    /* the offending line */
                    size_t ls = 0, line = 1;
                    for (size_t i = 0; i < ps->len && line < (size_t)ps->err_line; i++)
                        if (ps->src[i] == '\n')
                            line++, ls = i + 1;
                    size_t le = ls;
                    while (le < ps->len && ps->src[le] != '\n')
                        le++;
                    sb_addch(second, '`');
                    sb_add(second, ps->src + ls, le - ls);
                    sb_addch(second, '\'');
                }
            }
            break;
        }
        if (dash) {
            sb_adds(out, "Syntax error: ");
            tok_text(ps, ps->err_tok, &ps->err_word, out, false);
            sb_adds(out, " unexpected");
        } else {
            sb_adds(out, "syntax error: unexpected ");
            tok_text(ps, ps->err_tok, &ps->err_word, out, false);
        }
        if (ps->err_expect)
            sb_addf(out, " (expecting %s)", ps->err_expect);
        break;
    }
}

/* ===================================================================== */
/* Compiler                                                              */
/* ===================================================================== */

static int emit(struct scode *c, enum op op, int a, int b,
                const struct snode *n);

struct scode *scode_new(const char *src, size_t len, int line,
                        enum sh_flavor fl)
{
    struct scode *c = xcalloc(1, sizeof(*c));
    c->refs = 1;
    arena_init(&c->arena);
    c->src = xmemdup0(src, len);
    c->src_len = len;
    sp_init(&c->ps, &c->arena, c->src, len, line, fl);
    return c;
}

struct scode *scode_new_lazy(const char *src, size_t len, enum sh_flavor fl)
{
    struct scode *c = scode_new(src, len, 1, fl);
    c->lazy = true;
    emit(c, OP_PARSE_NEXT, 0, 0, NULL);
    return c;
}

struct scode *scode_ref(struct scode *c)
{
    if (c)
        c->refs++;
    return c;
}

void scode_unref(struct scode *c)
{
    if (!c || --c->refs > 0)
        return;
    arena_release(&c->arena);
    free(c->ins);
    free(c->chunks);
    free(c->src);
    free(c);
}

static int emit(struct scode *c, enum op op, int a, int b,
                const struct snode *n)
{
    if (c->n_ins == c->cap_ins) {
        c->cap_ins = c->cap_ins ? c->cap_ins * 2 : 32;
        c->ins = xreallocarray(c->ins, c->cap_ins, sizeof(*c->ins));
    }
    struct ins *i = &c->ins[c->n_ins];
    memset(i, 0, sizeof(*i));
    i->op = op;
    i->a = a;
    i->b = b;
    i->n = n;
    return (int)c->n_ins++;
}

static int here(const struct scode *c)
{
    return (int)c->n_ins;
}

static void compile(struct scode *c, const struct snode *n);

/* A command that set -e watches (the last of an and-or list). */
static void compile_checked(struct scode *c, const struct snode *n)
{
    compile(c, n);
    if (n->kind != SN_AND && n->kind != SN_OR && n->kind != SN_LIST &&
        !(n->kind == SN_PIPE && n->bang))
        emit(c, OP_ERRCHK, 0, 0, n);
}

static void compile_cond(struct scode *c, const struct snode *n)
{
    emit(c, OP_COND_BEGIN, 0, 0, n);
    compile(c, n);
    emit(c, OP_COND_END, 0, 0, n);
}

/* A separate chunk (subshell, background job, pipeline element,
 * function body), jumped over: returns its start. */
static int compile_chunk(struct scode *c, const struct snode *n,
                         enum op end)
{
    int jmp = emit(c, OP_JMP, 0, 0, n);
    int start = here(c);
    compile_checked(c, n);
    emit(c, end, 0, 0, n);
    c->ins[jmp].a = here(c);
    return start;
}

static void compile(struct scode *c, const struct snode *n)
{
    switch (n->kind) {
    case SN_CMD:
        emit(c, OP_CMD, 0, 0, n);
        break;
    case SN_LIST:
        for (size_t i = 0; i < n->n_kids; i++)
            compile_checked(c, n->kids[i]);
        break;
    case SN_AND:
    case SN_OR: {
        compile_cond(c, n->a);
        int j = emit(c, n->kind == SN_AND ? OP_JNZ : OP_JZ, 0, 0, n);
        compile_checked(c, n->b);
        c->ins[j].a = here(c);
        break;
    }
    case SN_PIPE: {
        if (n->n_kids == 1) {
            /* `! cmd` */
            compile_cond(c, n->kids[0]);
            emit(c, OP_NOT, 0, 0, n);
            break;
        }
        int pi = emit(c, OP_PIPE, 0, (int)n->n_kids, n);
        int jmp = emit(c, OP_JMP, 0, 0, n);
        int first = (int)c->n_chunks;
        for (size_t i = 0; i < n->n_kids; i++) {
            if (c->n_chunks == c->cap_chunks) {
                c->cap_chunks = c->cap_chunks ? c->cap_chunks * 2 : 8;
                c->chunks = xreallocarray(c->chunks, c->cap_chunks,
                                          sizeof(*c->chunks));
            }
            c->chunks[c->n_chunks++] = here(c);
            compile_checked(c, n->kids[i]);
            emit(c, OP_END, 0, 0, n);
        }
        c->ins[pi].a = first;
        c->ins[jmp].a = here(c);
        if (n->bang)
            emit(c, OP_NOT, 0, 0, n);
        break;
    }
    case SN_BG: {
        int bi = emit(c, OP_BG, 0, 0, n);
        c->ins[bi].a = compile_chunk(c, n->a, OP_END);
        break;
    }
    case SN_SUBSHELL: {
        if (n->redirs)
            emit(c, OP_PUSH_REDIR, 0, 0, n);
        int si = emit(c, OP_SUBSHELL, 0, 0, n);
        c->ins[si].a = compile_chunk(c, n->a, OP_END);
        if (n->redirs)
            emit(c, OP_POP_REDIR, 0, 0, n);
        break;
    }
    case SN_GROUP:
        if (n->redirs)
            emit(c, OP_PUSH_REDIR, 0, 0, n);
        compile(c, n->a);
        if (n->redirs)
            emit(c, OP_POP_REDIR, 0, 0, n);
        break;
    case SN_IF: {
        if (n->redirs)
            emit(c, OP_PUSH_REDIR, 0, 0, n);
        compile_cond(c, n->a);
        int jelse = emit(c, OP_JNZ, 0, 0, n);
        compile(c, n->b);
        int jend = emit(c, OP_JMP, 0, 0, n);
        c->ins[jelse].a = here(c);
        if (n->c)
            compile(c, n->c);
        else
            emit(c, OP_STATUS0, 0, 0, n);
        c->ins[jend].a = here(c);
        if (n->redirs)
            emit(c, OP_POP_REDIR, 0, 0, n);
        break;
    }
    case SN_WHILE:
    case SN_UNTIL: {
        if (n->redirs)
            emit(c, OP_PUSH_REDIR, 0, 0, n);
        int lb = emit(c, OP_LOOP_BEGIN, 0, 0, n);
        int top = here(c);
        compile_cond(c, n->a);
        int jout = emit(c, n->kind == SN_WHILE ? OP_JNZ : OP_JZ, 0, 0, n);
        compile(c, n->b);
        emit(c, OP_LOOP_STATUS, 0, 0, n);
        emit(c, OP_JMP, top, 0, n);
        int out = emit(c, OP_LOOP_END, 0, 0, n);
        c->ins[jout].a = out;
        c->ins[lb].a = out;
        c->ins[lb].b = top;
        if (n->redirs)
            emit(c, OP_POP_REDIR, 0, 0, n);
        break;
    }
    case SN_FOR: {
        if (n->redirs)
            emit(c, OP_PUSH_REDIR, 0, 0, n);
        int fi = emit(c, OP_FOR_INIT, 0, 0, n);
        int next = emit(c, OP_FOR_NEXT, 0, 0, n);
        compile(c, n->b);
        emit(c, OP_LOOP_STATUS, 0, 0, n);
        emit(c, OP_JMP, next, 0, n);
        int out = emit(c, OP_LOOP_END, 0, 0, n);
        c->ins[fi].a = out;
        c->ins[fi].b = next;
        c->ins[next].a = out;
        if (n->redirs)
            emit(c, OP_POP_REDIR, 0, 0, n);
        break;
    }
    case SN_CASE: {
        if (n->redirs)
            emit(c, OP_PUSH_REDIR, 0, 0, n);
        emit(c, OP_CASE_INIT, 0, 0, n);
        emit(c, OP_STATUS0, 0, 0, n);
        int *ends = xcalloc(n->n_cases + 1, sizeof(*ends));
        int prev_fall = -1;
        for (size_t i = 0; i < n->n_cases; i++) {
            int t = emit(c, OP_CASE_TEST, 0, 0, n);
            c->ins[t].cs = &n->cases[i];
            if (prev_fall >= 0)
                c->ins[prev_fall].a = here(c);
            if (n->cases[i].body)
                compile(c, n->cases[i].body);
            if (n->cases[i].fallthrough && i + 1 < n->n_cases) {
                prev_fall = emit(c, OP_JMP, 0, 0, n);
                ends[i] = -1;
            } else {
                prev_fall = -1;
                ends[i] = emit(c, OP_JMP, 0, 0, n);
            }
            c->ins[t].a = here(c);
        }
        int end = emit(c, OP_CASE_END, 0, 0, n);
        for (size_t i = 0; i < n->n_cases; i++)
            if (ends[i] >= 0)
                c->ins[ends[i]].a = end;
        if (prev_fall >= 0)
            c->ins[prev_fall].a = end;
        free(ends);
        if (n->redirs)
            emit(c, OP_POP_REDIR, 0, 0, n);
        break;
    }
    case SN_FUNC: {
        int di = emit(c, OP_DEFUN, 0, 0, n);
        c->ins[di].a = compile_chunk(c, n->a, OP_RET);
        break;
    }
    case SN_DBRACKET:
        emit(c, OP_DBRACKET, 0, 0, n);
        break;
    case SN_ARITH:
        emit(c, OP_ARITH, 0, 0, n);
        break;
    }
}

int scode_compile(struct scode *c, const struct snode *n, enum op end_op)
{
    int start = here(c);
    compile_checked(c, n);
    emit(c, end_op, 0, 0, n);
    return start;
}

int scode_compile_all(struct scode *c, enum op end_op)
{
    int start = here(c);
    for (;;) {
        struct snode *n = sp_next(&c->ps);
        if (!n)
            break;
        compile_checked(c, n);
    }
    if (c->ps.err != SPE_NONE)
        return -1;
    emit(c, end_op, 0, 0, NULL);
    return start;
}
