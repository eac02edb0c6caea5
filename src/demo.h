/*
 * demo.h: classroom demo mode (docksim --demo FILE). The script's lines
 * are played on a repl one at a time, for a projector:
 *
 *   # text        narration, shown at once (no prompt)
 *   :pause        waits for a key
 *   :delay MS     typing speed from here on (milliseconds a character)
 *   anything else appears after the prompt as if typed, then waits:
 *                 Enter runs it, s (or Right) skips it, b (or Left) goes
 *                 back one line and undoes it, t hands the keyboard to the
 *                 presenter until they type :demo, q quits, ? shows the
 *                 keys. While a line is being typed, any other key shows
 *                 the rest of it at once.
 *
 * Keys come from the line source's key() (a terminal in raw mode in the
 * program, a list in tests), so all of this is testable without one.
 */
#ifndef DEMO_H
#define DEMO_H

#include "common.h"

struct repl;
struct line_source;

enum demo_action {
    DEMO_NONE,     /* not a demo key: ignored (while typing: reveal) */
    DEMO_RUN,      /* Enter, Space */
    DEMO_SKIP,     /* s, n, Right */
    DEMO_BACK,     /* b, p, Left */
    DEMO_TAKEOVER, /* t */
    DEMO_QUIT,     /* q, Ctrl-C, Ctrl-D, end of input */
    DEMO_HELP,     /* ?, h */
};

/* What a key does (KEY_* from repl.h, or a byte). */
enum demo_action demo_key_action(int key);

struct demo_opts {
    int delay_ms;       /* a character every delay_ms while typing; 0:
                           the whole line at once */
    const char *name;   /* the script's name, for the banner */
};

/*
 * Play script text[0..len) on r, keys from src->key (required) and the
 * presenter's lines from src->read when taking over. Returns true if the
 * script ran to its end (the caller may hand the shell over), false if
 * the presenter quit.
 */
bool demo_play(struct repl *r, struct line_source *src, const char *text,
               size_t len, const struct demo_opts *o);

#endif /* DEMO_H */
