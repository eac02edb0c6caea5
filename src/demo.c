/*
 * demo.c: classroom demo mode (see demo.h).
 */
#include "demo.h"

#include <stdlib.h>
#include <string.h>

#include "repl.h"
#include "sb.h"
#include "xmalloc.h"

enum demo_action demo_key_action(int key)
{
    switch (key) {
    case '\n':
    case '\r':
    case ' ':
        return DEMO_RUN;
    case 's':
    case 'n':
    case KEY_RIGHT:
        return DEMO_SKIP;
    case 'b':
    case 'p':
    case KEY_LEFT:
        return DEMO_BACK;
    case 't':
        return DEMO_TAKEOVER;
    case 'q':
    case 3:
    case 4:
    case KEY_EOF:
        return DEMO_QUIT;
    case '?':
    case 'h':
        return DEMO_HELP;
    }
    return DEMO_NONE;
}

/* A point to go back to: before script line `pos` ran. */
struct checkpoint {
    size_t pos;
    size_t log_n;
    bool mid_instruction; /* the line continued an unfinished one */
};

struct player {
    struct repl *r;
    struct line_source *src;
    char **lines;
    size_t n;
    int delay;
    struct checkpoint *cp;
    size_t n_cp;
};

static void legend(struct player *p)
{
    struct repl *r = p->r;
    const char *s = repl_sym(r, "sep");
    struct sb l = SB_INIT;
    sb_addf(&l, "keys: Enter runs the line%ss skips%sb goes back%st takes "
                "over (:demo resumes)%sq quits",
            s, s, s, s);
    repl_note(r, l.buf);
    sb_release(&l);
}

static void narrate(struct player *p, const char *text)
{
    struct repl *r = p->r;
    text++; /* the '#' */
    if (*text == ' ')
        text++;
    fprintf(r->out, "%s%s%s%s\n", repl_style_on(r, STYLE_NARRATE),
            repl_sym(r, "narrate"), text, repl_style_off(r));
    fflush(r->out);
}

/* Bytes of the UTF-8 character starting at s. */
static size_t char_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return i;
    return n;
}

/* Show the line as if typed. Returns the action that stopped the typing
 * early (DEMO_NONE if it was all typed). */
static enum demo_action type_line(struct player *p, const char *line)
{
    FILE *out = p->r->out;
    fputs(repl_prompt(p->r), out);
    const char *c = line;
    while (*c) {
        if (p->delay > 0) {
            fflush(out);
            int k = p->src->key(p->src, p->delay);
            if (k != KEY_NONE) {
                enum demo_action a = demo_key_action(k);
                if (a == DEMO_NONE || a == DEMO_RUN) {
                    fputs(c, out); /* reveal the rest */
                    break;
                }
                if (a != DEMO_HELP)
                    return a;
            }
        }
        size_t n = char_len(c);
        fwrite(c, 1, n, out);
        c += n;
    }
    fflush(out);
    return DEMO_NONE;
}

/* The presenter types; :demo (or Ctrl-D) goes back to the script. */
static bool take_over(struct player *p)
{
    struct repl *r = p->r;
    repl_note(r, "you have the keyboard: type anything; :demo goes back to "
                 "the script");
    r->demo_resume = false;
    while (!r->quit && !r->demo_resume) {
        char *line = NULL;
        enum line_status st = p->src->read(p->src, repl_prompt(r), &line);
        if (st == LINE_EOF)
            break;
        if (st == LINE_INTERRUPT) {
            repl_interrupt(r);
            continue;
        }
        if (p->src->remember)
            p->src->remember(p->src, line);
        repl_feed(r, line);
        free(line);
    }
    r->demo_resume = false;
    if (r->quit)
        return false;
    repl_note(r, "back to the script");
    return true;
}

/* Questions (:reset) are answered by the presenter. */
static void answer_questions(struct player *p)
{
    struct repl *r = p->r;
    while (!r->quit && r->pending == PENDING_CONFIRM) {
        char *line = NULL;
        enum line_status st = p->src->read(p->src, repl_prompt(r), &line);
        if (st != LINE_OK) {
            repl_interrupt(r);
            free(line);
            break;
        }
        repl_feed(r, line);
        free(line);
    }
}

/* Go back to before the last line that ran, undoing what it changed. */
static size_t go_back(struct player *p, size_t pos)
{
    struct repl *r = p->r;
    if (!p->n_cp) {
        /* nothing ran yet: just show the previous line again */
        while (pos > 0) {
            pos--;
            const char *l = p->lines[pos];
            if (*l && *l != '#' && strcmp(l, ":pause") != 0)
                break;
        }
        return pos;
    }
    struct checkpoint cp;
    do
        cp = p->cp[--p->n_cp];
    while (cp.mid_instruction && p->n_cp);
    if (r->open != OPEN_NONE)
        repl_interrupt(r);
    if (r->log.n > cp.log_n)
        repl_truncate_log(r, cp.log_n);
    return cp.pos;
}

static void split_lines(struct player *p, const char *text, size_t len)
{
    size_t cap = 0;
    const char *s = text, *end = text + len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        if (n && s[n - 1] == '\r')
            n--;
        if (p->n == cap) {
            cap = cap ? cap * 2 : 32;
            p->lines = xreallocarray(p->lines, cap, sizeof(*p->lines));
        }
        p->lines[p->n++] = xmemdup0(s, n);
        s = nl ? nl + 1 : end;
    }
}

bool demo_play(struct repl *r, struct line_source *src, const char *text,
               size_t len, const struct demo_opts *o)
{
    struct player p;
    memset(&p, 0, sizeof(p));
    p.r = r;
    p.src = src;
    p.delay = o->delay_ms;
    split_lines(&p, text, len);
    r->in_demo = true;
    {
        struct sb b = SB_INIT;
        size_t steps = 0;
        for (size_t i = 0; i < p.n; i++)
            steps += p.lines[i][0] && p.lines[i][0] != '#' &&
                     p.lines[i][0] != ':';
        sb_addf(&b, "demo: %s (%zu line%s to run)", o->name ? o->name : "",
                steps, steps == 1 ? "" : "s");
        repl_note(r, b.buf);
        sb_release(&b);
        legend(&p);
    }
    bool finished = false;
    size_t pos = 0;
    while (!r->quit) {
        if (pos >= p.n) {
            finished = true;
            break;
        }
        const char *line = p.lines[pos];
        const char *t = line;
        while (*t == ' ' || *t == '\t')
            t++;
        if (!*t && r->open == OPEN_NONE) {
            pos++;
            continue;
        }
        if (*t == '#' && r->open == OPEN_NONE) {
            narrate(&p, t);
            pos++;
            continue;
        }
        if (strcmp(t, ":pause") == 0) {
            fprintf(r->out, "%s(paused: press a key)%s", repl_style_on(r, STYLE_NOTE),
                    repl_style_off(r));
            fflush(r->out);
            int k = src->key(src, -1);
            fputc('\n', r->out);
            if (demo_key_action(k) == DEMO_QUIT)
                break;
            pos++;
            continue;
        }
        if (strncmp(t, ":delay", 6) == 0 && (t[6] == ' ' || !t[6])) {
            long d = strtol(t + 6, NULL, 10);
            p.delay = d < 0 ? 0 : d > 10000 ? 10000 : (int)d;
            pos++;
            continue;
        }
        enum demo_action a = type_line(&p, line);
        while (a == DEMO_NONE || a == DEMO_HELP) {
            if (a == DEMO_HELP) {
                fputc('\n', r->out);
                legend(&p);
                fputs(repl_prompt(r), r->out);
                fputs(line, r->out);
                fflush(r->out);
            }
            a = demo_key_action(src->key(src, -1));
        }
        switch (a) {
        case DEMO_RUN: {
            fputc('\n', r->out);
            p.cp = xreallocarray(p.cp, p.n_cp + 1, sizeof(*p.cp));
            p.cp[p.n_cp++] = (struct checkpoint){ pos, r->log.n,
                                                  r->open != OPEN_NONE };
            repl_feed(r, line);
            answer_questions(&p);
            pos++;
            break;
        }
        case DEMO_SKIP:
            fprintf(r->out, "   (skipped)\n");
            pos++;
            break;
        case DEMO_BACK:
            fprintf(r->out, "   (back)\n");
            pos = go_back(&p, pos);
            break;
        case DEMO_TAKEOVER:
            fputc('\n', r->out);
            if (!take_over(&p))
                goto done;
            break;
        case DEMO_QUIT:
            fputc('\n', r->out);
            goto done;
        case DEMO_NONE:
        case DEMO_HELP:
            break;
        }
    }
done:
    if (finished)
        repl_note(r, "end of the demo: the shell is yours (Ctrl-D leaves)");
    r->in_demo = false;
    for (size_t i = 0; i < p.n; i++)
        free(p.lines[i]);
    free(p.lines);
    free(p.cp);
    fflush(r->out);
    return finished && !r->quit;
}
