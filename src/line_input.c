/*
 * line_input.c: GNU readline behind struct line_source (line_input.h).
 * The only file that includes readline's headers.
 *
 * Ctrl-C: readline (rl_catch_signals) cleans up the terminal, echoes ^C
 * and re-raises SIGINT to our handler, which sets a flag. Our getc
 * function sees the interrupted read, lets readline process the signal
 * (rl_check_signals) and returns the byte 0x1C, which is bound to
 * docksim-interrupt: it empties the line and ends readline(). 0x1C is
 * Ctrl-\, which a terminal turns into SIGQUIT and never delivers as a
 * byte, so no real key loses its meaning.
 */
#include "line_input.h"

#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "histfile.h"
#include "imgconfig.h"
#include "repl.h"
#include "xmalloc.h"

#define KEY_INTERRUPT 0x1C

struct editor {
    struct line_source base;
    struct line_editor_opts o;
    bool hist_warned;
    bool hist_read;   /* the history file has been read */
    bool started;     /* readline has been called once */
};

static struct editor *current;
static volatile sig_atomic_t got_sigint;
static bool interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    got_sigint = 1;
}

static int getc_fn(FILE *f)
{
    for (;;) {
        /* a SIGINT that came while readline was busy (redisplay) is only
           noted by readline's handler: let it run ours now, or the read
           below would wait past it */
        rl_check_signals();
        if (got_sigint) {
            got_sigint = 0;
            return KEY_INTERRUPT;
        }
        unsigned char c;
        ssize_t n = read(fileno(f), &c, 1);
        if (n == 1)
            return c;
        if (n == 0)
            return EOF;
        if (errno != EINTR)
            return RL_ISSTATE(RL_STATE_READCMD) ? READERR : EOF;
        rl_check_signals();
    }
}

static int interrupt_fn(int count, int key)
{
    (void)count;
    (void)key;
    interrupted = true;
    rl_replace_line("", 0);
    rl_point = rl_end = 0;
    rl_done = 1;
    return 0;
}

/* The longest common prefix of the candidates. */
static char *common_prefix(const struct strlist *l)
{
    size_t n = strlen(l->v[0]);
    for (size_t i = 1; i < l->n; i++) {
        size_t k = 0;
        while (k < n && l->v[i][k] == l->v[0][k])
            k++;
        n = k;
    }
    return xmemdup0(l->v[0], n);
}

static char **complete_fn(const char *text, int start, int end)
{
    (void)text;
    (void)start;
    rl_attempted_completion_over = 1;
    if (!current || !current->o.complete)
        return NULL;
    struct strlist l;
    strlist_init(&l);
    size_t s = 0;
    current->o.complete(current->o.complete_ctx, rl_line_buffer, (size_t)end,
                        &s, &l);
    if (!l.n) {
        strlist_release(&l);
        return NULL;
    }
    char **m = xcalloc(l.n + 2, sizeof(*m));
    if (l.n == 1) {
        m[0] = xstrdup(l.v[0]);
        size_t n = strlen(m[0]);
        rl_completion_suppress_append =
            n && (m[0][n - 1] == '/' || m[0][n - 1] == '=');
    } else {
        m[0] = common_prefix(&l);
        for (size_t i = 0; i < l.n; i++)
            m[i + 1] = xstrdup(l.v[i]);
    }
    strlist_release(&l);
    return m;
}

/*
 * The history file is read once the first prompt is on the screen and
 * before the first key is read (rl_pre_input_hook): start-up shows the
 * prompt sooner, and Up already has every line.
 */
static int pre_input(void)
{
    struct editor *e = current;
    if (!e || e->hist_read)
        return 0;
    e->hist_read = true;
    if (!e->o.hist)
        return 0;
    char *err = NULL;
    if (histfile_read(e->o.hist, &err) < 0) {
        fprintf(e->o.err, "\r\ndocksim: %s; this session's history is kept "
                          "in memory only\n",
                err);
        fflush(e->o.err);
        e->hist_warned = true;
        rl_on_new_line();
        rl_redisplay();
    }
    free(err);
    clear_history();
    for (size_t i = 0; i < e->o.hist->lines.n; i++)
        add_history(e->o.hist->lines.v[i]);
    using_history(); /* Up starts from the newest line */
    return 0;
}

static enum line_status ed_read(struct line_source *src, const char *prompt,
                                char **line)
{
    struct editor *e = (struct editor *)src;
    got_sigint = 0;
    interrupted = false;
    if (!e->started) {
        /*
         * The first prompt goes out at once; readline's own start (the
         * locale, terminfo, inputrc, key maps) and the history file
         * follow while it is on the screen (rl_already_prompted). The
         * terminal goes into readline's mode right after the prompt
         * (that waits for the output to drain, so not before it), and
         * keys typed from then on wait for readline unechoed. A terminal
         * sends bracketed-paste codes only once readline has switched
         * that mode on, after this.
         */
        e->started = true;
        fputs(prompt, e->o.out);
        fflush(e->o.out);
        rl_prep_terminal(1); /* keys typed from now on wait, unechoed */
        rl_already_prompted = 1;
        setlocale(LC_CTYPE, ""); /* for multibyte input */
    } else {
        rl_already_prompted = 0;
    }
    fflush(e->o.out);
    char *l = readline(prompt);
    if (interrupted) {
        free(l);
        *line = NULL;
        fputc('\n', e->o.out);
        fflush(e->o.out);
        return LINE_INTERRUPT;
    }
    if (!l) {
        *line = NULL;
        fputc('\n', e->o.out);
        fflush(e->o.out);
        return LINE_EOF;
    }
    *line = l;
    return LINE_OK;
}

/* Add one line to readline's history, moving an earlier copy. */
static void rl_remember(const char *line)
{
    HIST_ENTRY **h = history_list();
    for (int i = 0; h && h[i]; i++)
        if (strcmp(h[i]->line, line) == 0) {
            HIST_ENTRY *old = remove_history(i);
            if (old) {
                histdata_t data = free_history_entry(old);
                (void)data;
            }
            break;
        }
    add_history(line);
}

static void ed_remember(struct line_source *src, const char *text)
{
    struct editor *e = (struct editor *)src;
    const char *p = text;
    for (;;) {
        const char *nl = strchr(p, '\n');
        char *one = xmemdup0(p, nl ? (size_t)(nl - p) : strlen(p));
        const char *t = one;
        while (*t == ' ' || *t == '\t')
            t++;
        if (*t) {
            rl_remember(one);
            char *err = NULL;
            if (e->o.hist && histfile_add(e->o.hist, one, &err) < 0 &&
                !e->hist_warned) {
                fprintf(e->o.err, "docksim: %s; this session's history is "
                                  "kept in memory only\n",
                        err);
                e->hist_warned = true;
            }
            free(err);
        }
        free(one);
        if (!nl)
            break;
        p = nl + 1;
    }
}

/* One key, raw mode only while waiting. */
static int ed_key(struct line_source *src, int timeout_ms)
{
    struct editor *e = (struct editor *)src;
    int fd = fileno(e->o.in);
    struct termios saved, raw;
    bool tty = tcgetattr(fd, &saved) == 0;
    if (tty) {
        raw = saved;
        raw.c_lflag &= (tcflag_t) ~(ICANON | ECHO | ISIG | IEXTEN);
        raw.c_iflag &= (tcflag_t) ~(IXON | ICRNL);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(fd, TCSANOW, &raw);
    }
    fflush(e->o.out);
    int key = KEY_NONE;
    struct pollfd p = { fd, POLLIN, 0 };
    int pr = poll(&p, 1, timeout_ms);
    if (pr > 0) {
        unsigned char c;
        ssize_t n = read(fd, &c, 1);
        if (n <= 0) {
            key = KEY_EOF;
        } else if (c == 0x1b && poll(&p, 1, 30) > 0) {
            unsigned char seq[2] = { 0, 0 };
            if (read(fd, &seq[0], 1) == 1 && (seq[0] == '[' || seq[0] == 'O') &&
                poll(&p, 1, 30) > 0 && read(fd, &seq[1], 1) == 1) {
                switch (seq[1]) {
                case 'A':
                    key = KEY_UP;
                    break;
                case 'B':
                    key = KEY_DOWN;
                    break;
                case 'C':
                    key = KEY_RIGHT;
                    break;
                case 'D':
                    key = KEY_LEFT;
                    break;
                default:
                    key = 0x1b;
                }
            } else {
                key = 0x1b;
            }
        } else {
            key = c == '\r' ? '\n' : c;
        }
    }
    if (tty)
        tcsetattr(fd, TCSANOW, &saved);
    return key;
}

static void ed_close(struct line_source *src)
{
    struct editor *e = (struct editor *)src;
    clear_history();
    if (current == e)
        current = NULL;
    free(e);
}

struct line_source *line_input_open(const struct line_editor_opts *o)
{
    struct editor *e = xcalloc(1, sizeof(*e));
    e->o = *o;
    e->base.read = ed_read;
    e->base.remember = ed_remember;
    e->base.key = ed_key;
    e->base.close = ed_close;
    current = e;

    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL); /* no SA_RESTART: reads are interrupted */

    rl_readline_name = "docksim";
    rl_instream = o->in;
    rl_outstream = o->out;
    rl_catch_signals = 1;
    rl_getc_function = getc_fn;
    rl_attempted_completion_function = complete_fn;
    rl_completer_word_break_characters = " \t";
    rl_completer_quote_characters = "";
    rl_add_defun("docksim-interrupt", interrupt_fn, -1);
    rl_bind_key_in_map(KEY_INTERRUPT, interrupt_fn, emacs_standard_keymap);
    rl_bind_key_in_map(KEY_INTERRUPT, interrupt_fn, vi_insertion_keymap);
    rl_bind_key_in_map(KEY_INTERRUPT, interrupt_fn, vi_movement_keymap);
    rl_pre_input_hook = pre_input;
    using_history();
    if (o->hist)
        stifle_history((int)o->hist->max);
    return &e->base;
}
