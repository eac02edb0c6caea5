/*
 * sh_impl.h: the shell's insides, shared by sh_parse.c (lexer, parser,
 * compiler), sh_expand.c (word expansion, arithmetic, test) and sh.c
 * (the resumable machine and the builtins). Not for other modules.
 *
 * Source text is parsed one complete command at a time (as dash and ash
 * do: a syntax error on line 3 comes after lines 1-2 have run) into a
 * tree (struct snode), which is compiled into a flat list of instructions
 * (struct ins). The machine keeps all its state in struct sh (program
 * counter, loop and call stacks), never on the C stack, so it can stop
 * at any command and continue later.
 */
#ifndef SH_IMPL_H
#define SH_IMPL_H

#include "arena.h"
#include "common.h"
#include "imgconfig.h"
#include "proc.h"
#include "sb.h"
#include "sh.h"

/* ===== syntax tree ===================================================== */

/* A word as written, quotes and all ("$HOME/x", 'a b'). */
struct sword {
    const char *s;
    size_t len;
};

enum rtype {
    R_IN,       /* <    */
    R_OUT,      /* >    */
    R_CLOBBER,  /* >|   */
    R_APPEND,   /* >>   */
    R_RW,       /* <>   */
    R_DUPIN,    /* <&   */
    R_DUPOUT,   /* >&   */
    R_HEREDOC,  /* <<, <<- */
    R_HERESTR,  /* <<< (bash, ash) */
    R_BOTH,     /* &> (bash, ash) */
    R_BOTH_APPEND, /* &>> */
};

struct sredir {
    struct sredir *next;
    enum rtype type;
    int fd;
    struct sword target;     /* file, fd number, or heredoc delimiter */
    const char *doc;         /* heredoc body */
    size_t doc_len;
    bool doc_quoted;         /* delimiter quoted: no expansion */
    bool strip_tabs;         /* <<- */
};

enum snk {
    SN_CMD,
    SN_PIPE,
    SN_AND,
    SN_OR,
    SN_LIST,
    SN_BG,
    SN_SUBSHELL,
    SN_GROUP,
    SN_IF,
    SN_WHILE,
    SN_UNTIL,
    SN_FOR,
    SN_CASE,
    SN_FUNC,
    SN_DBRACKET,  /* [[ ... ]] */
    SN_ARITH,     /* (( ... )) */
};

struct scase {
    struct sword *pats;
    size_t n_pats;
    struct snode *body;      /* may be NULL */
    bool fallthrough;        /* ;& */
};

struct snode {
    enum snk kind;
    int line;
    struct sredir *redirs;
    struct sword *words;     /* CMD argv; FOR list; CASE [0] subject;
                                DBRACKET / ARITH tokens */
    size_t n_words;
    struct sword *assigns;   /* CMD: NAME=value prefixes */
    size_t n_assigns;
    struct snode **kids;     /* PIPE elements, LIST items */
    size_t n_kids;
    struct snode *a, *b, *c; /* IF cond/then/else; loops cond/body;
                                AND/OR left/right; BG/SUBSHELL/GROUP/FUNC
                                body */
    const char *name;        /* FOR variable, FUNC name */
    bool for_in;             /* FOR: an `in` list was given */
    bool bang;               /* PIPE: `!` */
    struct scase *cases;
    size_t n_cases;
};

/* ===== parser ========================================================== */

enum stok {
    T_EOF,
    T_NEWLINE,
    T_WORD,
    T_IONUM,     /* digits right before < or > */
    T_SEMI,      /* ;  */
    T_AMP,       /* &  */
    T_AND,       /* && */
    T_OR,        /* || */
    T_PIPE,      /* |  */
    T_LPAREN,
    T_RPAREN,
    T_DSEMI,     /* ;; */
    T_SEMIAMP,   /* ;& */
    T_REDIR,     /* < > >> etc. (op in tok_redir) */
};

enum sperr {
    SPE_NONE,
    SPE_UNEXPECTED,      /* unexpected token (expecting ...) */
    SPE_UNTERMINATED,    /* quote: err_quote */
    SPE_BAD_FUNC_NAME,
    SPE_MISSING_PAREN,   /* $(( without )) */
};

struct sparser {
    struct arena *a;
    const char *src;
    size_t len, pos;
    int line;
    enum sh_flavor fl;
    /* current token */
    enum stok tok;
    struct sword word;
    enum rtype redir;
    bool redir_strip;            /* the operator was <<- */
    int tok_line;
    bool peeked;
    /* heredocs waiting for the next newline */
    struct sredir *pending[16];
    size_t n_pending;
    /* error */
    enum sperr err;
    enum stok err_tok;
    struct sword err_word;       /* the unexpected word, if a word */
    const char *err_expect;      /* what was expected, as the shell names
                                    it ("\"fi\"", "\")\"") or NULL */
    char err_quote;
    int err_line;
};

void sp_init(struct sparser *ps, struct arena *a, const char *src,
             size_t len, int line, enum sh_flavor fl);
/* The next complete command (a line of the program); NULL at the end of
 * the input (ps->err == SPE_NONE) or on a syntax error. */
struct snode *sp_next(struct sparser *ps);
/* The flavour's text for the current error, after the "sh: 1: " prefix;
 * bash gets a second line (the offending text) in second. */
void sp_error_text(const struct sparser *ps, struct sb *out,
                   struct sb *second);

/* ===== compiled code =================================================== */

enum op {
    OP_NOP,
    OP_CMD,          /* n: simple command */
    OP_PIPE,         /* n: pipeline; chunks[a..a+b) the elements */
    OP_SUBSHELL,     /* n; chunk at a */
    OP_BG,           /* n; chunk at a */
    OP_PUSH_REDIR,   /* n: compound command with redirections */
    OP_POP_REDIR,
    OP_JMP,          /* to a */
    OP_JZ,           /* to a if $? == 0 */
    OP_JNZ,          /* to a if $? != 0 */
    OP_NOT,
    OP_STATUS0,
    OP_ERRCHK,       /* set -e */
    OP_COND_BEGIN,
    OP_COND_END,
    OP_LOOP_BEGIN,   /* a: break target, b: continue target */
    OP_LOOP_END,
    OP_LOOP_STATUS,  /* remember $? as the loop's status */
    OP_FOR_INIT,     /* n: FOR */
    OP_FOR_NEXT,     /* to a when done */
    OP_CASE_INIT,    /* n: CASE */
    OP_CASE_TEST,    /* cs: clause; to a if no pattern matches */
    OP_CASE_END,
    OP_DEFUN,        /* n: FUNC; body chunk at a */
    OP_DBRACKET,     /* n */
    OP_ARITH,        /* n */
    OP_END,          /* end of a script / subshell chunk: exit $? */
    OP_RET,          /* end of a function, eval, trap, . file */
    OP_PARSE_NEXT,   /* top level: parse the next command */
};

struct ins {
    enum op op;
    int a, b;
    const struct snode *n;
    const struct scase *cs;
};

/* A program: the instructions of one source text (a script, -c string,
 * eval, trap action, $(...), function bodies inside them). Shared by
 * forks and functions, so reference-counted. */
struct scode {
    unsigned refs;
    struct arena arena;          /* the tree and its strings */
    struct ins *ins;
    size_t n_ins, cap_ins;
    int *chunks;                 /* pipeline element starts */
    size_t n_chunks, cap_chunks;
    char *src;                   /* the text (owned) */
    size_t src_len;
    struct sparser ps;           /* lazy top level */
    bool lazy;
};

struct scode *scode_new(const char *src, size_t len, int line,
                        enum sh_flavor fl);
/* A top-level program parsed one command at a time as it runs. */
struct scode *scode_new_lazy(const char *src, size_t len, enum sh_flavor fl);
struct scode *scode_ref(struct scode *c);
void scode_unref(struct scode *c);
/* Compile node at the end of c; the code ends with end_op. Returns the
 * index of its first instruction. */
int scode_compile(struct scode *c, const struct snode *n, enum op end_op);
/* Parse all of c's text and compile it (ending with end_op). Returns
 * the start, or -1 on a syntax error (c->ps has it). */
int scode_compile_all(struct scode *c, enum op end_op);

/* ===== the machine ===================================================== */

enum svar_flags { V_EXPORT = 1, V_READONLY = 2, V_LOCAL_MARK = 4 };

struct svar {
    char *name;
    char *value;          /* NULL: declared (export X) but unset */
    unsigned flags;
};

struct sfunc {
    char *name;
    struct scode *code;
    int start;
};

enum frame_kind { FR_FUNC, FR_DOT, FR_EVAL, FR_TRAP };

struct saved_var {
    char *name;
    char *value;     /* NULL: was unset */
    unsigned flags;
    bool existed;
};

struct sframe {
    enum frame_kind kind;
    struct scode *code;      /* the caller's code (a reference) */
    int ret_pc;
    char **params;           /* FR_FUNC: the caller's $1... */
    size_t n_params;
    struct saved_var *locals; /* `local` and temporary assignments */
    size_t n_locals;
    int saved_status;        /* FR_TRAP: $? to restore */
    size_t n_loops, n_cases, n_redir;
    int cond_depth;
    int trap_sig;
};

struct sloop {
    int brk, cont;
    size_t n_frames, n_cases, n_redir;
    int cond_depth;
    int status;
    /* FOR */
    char **items;
    size_t n_items, next;
    const char *var;
};

struct sredsave {
    int fd;
    struct ofile *old;     /* reference held */
    bool marker;           /* start of a group */
};

/* What a blocked shell is waiting for. */
enum swait_kind {
    SW_NONE,
    SW_FG,         /* a foreground child */
    SW_PIPE,       /* the elements of a pipeline */
    SW_WAIT,       /* the wait builtin */
    SW_READ,       /* the read builtin */
    SW_DEBT,       /* time spent in $(...) */
    SW_FOREVER,    /* interactive shell on a terminal */
};

struct swait {
    enum swait_kind kind;
    int *pids;
    int *statuses;
    size_t n_pids;
    bool all;              /* SW_WAIT without operands */
    char **argv;           /* SW_READ: the builtin's argv */
    size_t argc;
    size_t n_redir;        /* redirections to pop when done */
    bool negate;           /* pipeline `!` */
    int pipe_status;
};

#define SH_MAX_FRAMES 1000

struct sh {
    enum sh_flavor fl;
    char *arg0;               /* $0 */
    char *errname;            /* prefix of error messages */
    bool errline;             /* dash/bash: with the line number */
    bool is_script;           /* running a file (errors "x.sh: 3: ") */
    char **params;
    size_t n_params;
    struct svar *vars;
    size_t n_vars, cap_vars;
    struct sfunc *funcs;
    size_t n_funcs;
    char *traps[PNS_NSIG];    /* [0]: EXIT; NULL: default; "": ignore */
    /* options */
    bool o_errexit, o_xtrace, o_nounset, o_noglob, o_noclobber,
        o_pipefail, o_allexport, o_verbose, o_noexec, o_interactive;
    int status;               /* $? */
    int subst_status;         /* of the last $(...), -1: none */
    int last_bg;              /* $! (0: none) */
    int root_pid;             /* $$ (the main shell's pid) */
    bool exec_tail;           /* may exec the last command */
    bool subshell;
    /* where it is */
    struct scode *code;
    int pc;
    int lineno;
    struct sframe *frames;
    size_t n_frames, cap_frames;
    struct sloop *loops;
    size_t n_loops, cap_loops;
    char **cases;
    size_t n_cases, cap_cases;
    struct sredsave *redir;
    size_t n_redir, cap_redir;
    int cond_depth;
    struct swait w;
    long long debt_ms;
    bool exiting;             /* `exit` ran: EXIT trap, then end */
    int exit_status;
    bool in_exit_trap;
    int break_n, continue_n;  /* pending break/continue */
    bool returning;
    int trap_depth;
    unsigned long random;
};

/* ----- expansion (sh_expand.c) ------------------------------------- */

/* Expand a word into fields (split, globbed) appended to out. Returns 0,
 * or -1 after printing an error (bad substitution, ${x?}): the command
 * fails. */
int sx_fields(struct pns *ns, struct proc *p, struct sword w,
              struct strlist *out);
/* Expand without splitting or globbing (assignments, redirection
 * targets, case subjects, here-strings); pattern keeps quoting as
 * backslashes for matching. */
int sx_string(struct pns *ns, struct proc *p, struct sword w,
              struct sb *out);
int sx_pattern(struct pns *ns, struct proc *p, struct sword w,
               struct sb *out);
/* Expand a heredoc body ($, `, \ only). */
int sx_heredoc(struct pns *ns, struct proc *p, const char *s, size_t len,
               struct sb *out);
/* Arithmetic $((expr)): 0 with *val, or -1 after an error. */
int sx_arith(struct pns *ns, struct proc *p, const char *expr, size_t len,
             long long *val);

/* [[ ... ]] over the raw words (sh_test.c): exit status. */
int sh_dbracket(struct pns *ns, struct proc *p, const struct sword *w,
                size_t n, struct sb *err, const char *prefix);

/* ----- the machine's services (sh.c) --------------------------------- */

const char *shv_get(struct sh *sh, const char *name);
int shv_set(struct pns *ns, struct proc *p, const char *name,
            const char *value);
struct svar *shv_find(struct sh *sh, const char *name);
/* Print "sh: 1: msg" (the flavour's prefix) on p's stderr. */
void sh_err(struct pns *ns, struct proc *p, const char *fmt, ...)
    ATTR_PRINTF(3, 4);
/* The prefix alone ("sh: 1: ", "sh: ", "bash: line 1: "). */
void sh_err_prefix(struct sh *sh, struct sb *out);
/* Run `cmd` in a subshell and capture its stdout ($(...)). */
int sh_command_subst(struct pns *ns, struct proc *p, const char *src,
                     size_t len, struct sb *out);
bool sh_is_name(const char *s, size_t len);

#endif /* SH_IMPL_H */
