/*
 * test_demo.c: classroom demo mode (demo.h) with scripted keys and lines
 * instead of a terminal: narration, :pause, typing, run, skip, back with
 * undo, take over and resume, quit, questions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "repl.h"
#include "xmalloc.h"

/* Keys (KEY_NONE entries stand for "a typing delay passed") and lines. */
struct fake {
    struct line_source base;
    const int *keys;
    size_t ki, nk;
    const char *const *lines;
    size_t li;
    size_t polls; /* key() calls with a timeout */
};

static int fake_key(struct line_source *src, int timeout_ms)
{
    struct fake *f = (struct fake *)src;
    if (timeout_ms >= 0)
        f->polls++;
    if (f->ki >= f->nk)
        return timeout_ms >= 0 ? KEY_NONE : KEY_EOF;
    int k = f->keys[f->ki];
    if (k == KEY_NONE && timeout_ms < 0) {
        f->ki++; /* a blocking wait skips "nothing pressed" entries */
        return fake_key(src, timeout_ms);
    }
    f->ki++;
    return k;
}

static enum line_status fake_read(struct line_source *src, const char *prompt,
                                  char **line)
{
    (void)prompt;
    struct fake *f = (struct fake *)src;
    if (!f->lines || !f->lines[f->li])
        return LINE_EOF;
    *line = xstrdup(f->lines[f->li++]);
    return LINE_OK;
}

struct h {
    struct repl r;
    char *buf;
    size_t len;
    FILE *out, *err;
    char *ebuf;
    size_t elen;
};

static struct h *h_new(void)
{
    struct h *h = xcalloc(1, sizeof(*h));
    h->out = open_memstream(&h->buf, &h->len);
    h->err = open_memstream(&h->ebuf, &h->elen);
    struct repl_opts o;
    memset(&o, 0, sizeof(o));
    o.interactive = true;
    o.ascii = true;
    repl_init(&h->r, &o, h->out, h->err);
    return h;
}

static void h_free(struct h *h)
{
    repl_release(&h->r);
    fclose(h->out);
    fclose(h->err);
    free(h->buf);
    free(h->ebuf);
    free(h);
}

static const char *out(struct h *h)
{
    fflush(h->out);
    return h->buf;
}

#define assert_has(hay, needle)                                                \
    do {                                                                       \
        const char *hay_ = (hay);                                              \
        if (!strstr(hay_, (needle)))                                           \
            fail_msg("expected \"%s\" in:\n%s", (needle), hay_);               \
    } while (0)

static bool play(struct h *h, const char *script, const int *keys, size_t nk,
                 const char *const *lines, int delay)
{
    struct fake f;
    memset(&f, 0, sizeof(f));
    f.base.read = fake_read;
    f.base.key = fake_key;
    f.keys = keys;
    f.nk = nk;
    f.lines = lines;
    struct demo_opts o = { delay, "demo.txt" };
    return demo_play(&h->r, &f.base, script, strlen(script), &o);
}

static void test_demo_keys(void **state)
{
    (void)state;
    static const struct {
        int key;
        enum demo_action a;
    } map[] = {
        { '\n', DEMO_RUN },     { '\r', DEMO_RUN },   { ' ', DEMO_RUN },
        { 's', DEMO_SKIP },     { 'n', DEMO_SKIP },   { KEY_RIGHT, DEMO_SKIP },
        { 'b', DEMO_BACK },     { 'p', DEMO_BACK },   { KEY_LEFT, DEMO_BACK },
        { 't', DEMO_TAKEOVER }, { 'q', DEMO_QUIT },   { 3, DEMO_QUIT },
        { 4, DEMO_QUIT },       { KEY_EOF, DEMO_QUIT }, { '?', DEMO_HELP },
        { 'h', DEMO_HELP },     { 'x', DEMO_NONE },   { KEY_UP, DEMO_NONE },
        { KEY_NONE, DEMO_NONE },
    };
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        assert_int_equal(demo_key_action(map[i].key), map[i].a);
}

static void test_demo_runs_script(void **state)
{
    (void)state;
    struct h *h = h_new();
    const char *script = "# Build a tiny image\nFROM alpine\n\n:pause\n"
                         "CMD [\"echo\", \"hi\"]\ndocker build -t hi .\n";
    const int keys[] = { '\n', 'x', 'z' /* ignored */, '\n', '\n' };
    assert_true(play(h, script, keys, 5, NULL, 0));
    const char *o = out(h);
    assert_has(o, "| demo: demo.txt (3 lines to run)\n");
    assert_has(o, "| keys: Enter runs the line | s skips | b goes back");
    assert_has(o, "# Build a tiny image\ndocksim> FROM alpine\n| line 1: FROM");
    assert_has(o, "(paused: press a key)\ndocksim> CMD [\"echo\", \"hi\"]\n");
    assert_has(o, "| end of the demo: the shell is yours");
    assert_string_equal(h->r.s.dockerfile.buf,
                        "FROM alpine\nCMD [\"echo\", \"hi\"]\n");
    assert_int_equal(h->r.s.store.n_images, 2);
    assert_false(h->r.in_demo);
    h_free(h);
}

static void test_demo_skip_back_quit(void **state)
{
    (void)state;
    struct h *h = h_new();
    const char *script = "FROM alpine\nRUN echo a \\\n  b\nCMD [\"x\"]\n"
                         "LABEL never=1\n";
    /* run FROM, run both RUN lines, back (undoes the whole RUN), skip
     * RUN's first line, skip its second, run CMD, quit */
    const int keys[] = { '\n', '\n', '\n', KEY_LEFT, 's', 's', '\n', 'q' };
    assert_false(play(h, script, keys, 8, NULL, 0));
    const char *o = out(h);
    assert_has(o, "docksim> CMD [\"x\"]   (back)\n");
    assert_has(o, "docksim> RUN echo a \\   (skipped)\n");
    assert_has(o, "docksim> LABEL never=1\n");
    assert_string_equal(h->r.s.dockerfile.buf, "FROM alpine\nCMD [\"x\"]\n");
    h_free(h);
}

static void test_demo_back_mid_instruction(void **state)
{
    (void)state;
    struct h *h = h_new();
    const char *script = "FROM alpine\nRUN echo a \\\n  b\n";
    /* run FROM, run RUN's first line, back: the unfinished RUN goes */
    const int keys[] = { '\n', '\n', 'b', 'q' };
    play(h, script, keys, 4, NULL, 0);
    assert_string_equal(h->r.s.dockerfile.buf, "FROM alpine\n");
    assert_string_equal(repl_prompt(&h->r), "docksim> ");
    h_free(h);
}

static void test_demo_take_over(void **state)
{
    (void)state;
    struct h *h = h_new();
    const char *script = "FROM alpine\nCMD [\"x\"]\n";
    const int keys[] = { '\n', 't', '\n' };
    const char *lines[] = { "LABEL by=presenter", ":demo", NULL };
    assert_true(play(h, script, keys, 3, lines, 0));
    const char *o = out(h);
    assert_has(o, "| you have the keyboard: type anything; :demo goes back");
    assert_has(o, "| back to the script\ndocksim> CMD [\"x\"]\n");
    assert_string_equal(h->r.s.dockerfile.buf,
                        "FROM alpine\nLABEL by=presenter\nCMD [\"x\"]\n");
    h_free(h);
}

static void test_demo_typing(void **state)
{
    (void)state;
    struct h *h = h_new();
    /* with a delay, every character is one poll; a key shows the rest */
    struct fake f;
    memset(&f, 0, sizeof(f));
    f.base.read = fake_read;
    f.base.key = fake_key;
    const int keys[] = { KEY_NONE, KEY_NONE, 'x', '\n', 'q' };
    f.keys = keys;
    f.nk = 5;
    struct demo_opts o = { 10, "d" };
    const char *script = "FROM alpine\nLABEL a=b\n";
    demo_play(&h->r, &f.base, script, strlen(script), &o);
    assert_has(out(h), "docksim> FROM alpine\n| line 1: FROM");
    assert_int_equal(f.polls, 3 + 1); /* F, R, x; then L of LABEL */
    assert_string_equal(h->r.s.dockerfile.buf, "FROM alpine\n");
    h_free(h);
}

static void test_demo_questions_and_directives(void **state)
{
    (void)state;
    struct h *h = h_new();
    const char *script = ":delay 0\nFROM alpine\n:reset\n";
    const int keys[] = { '\n', '?', '\n' };
    const char *lines[] = { "y", NULL };
    assert_true(play(h, script, keys, 3, lines, 50));
    const char *o = out(h);
    assert_has(o, "docksim> :reset\n| keys: Enter runs the line");
    assert_has(o, "Everything is back to the start");
    assert_string_equal(h->r.s.dockerfile.buf, "");
    h_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demo_keys),
        cmocka_unit_test(test_demo_runs_script),
        cmocka_unit_test(test_demo_skip_back_quit),
        cmocka_unit_test(test_demo_back_mid_instruction),
        cmocka_unit_test(test_demo_take_over),
        cmocka_unit_test(test_demo_typing),
        cmocka_unit_test(test_demo_questions_and_directives),
    };
    return cmocka_run_group_tests_name("demo", tests, NULL, NULL);
}
