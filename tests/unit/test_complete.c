/*
 * test_complete.c: Tab completion by context (complete.h), as
 * line_input.c asks for it: the line so far, the cursor at its end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "complete.h"
#include "imgconfig.h"
#include "repl.h"
#include "xmalloc.h"

static struct repl *new_repl(void)
{
    struct repl *r = xcalloc(1, sizeof(*r));
    struct repl_opts o;
    memset(&o, 0, sizeof(o));
    o.interactive = true;
    o.quiet = true;
    o.ascii = true;
    FILE *null = fopen("/dev/null", "w");
    assert_non_null(null);
    repl_init(r, &o, null, null);
    return r;
}

static void free_repl(struct repl *r)
{
    FILE *f = r->out;
    repl_release(r);
    fclose(f);
    free(r);
}

/* The candidates for line, joined by blanks (static buffer). */
static const char *comp(struct repl *r, const char *line, size_t *start)
{
    static char buf[65536];
    struct strlist l;
    strlist_init(&l);
    size_t s = 0;
    size_t n = complete_line(r, line, strlen(line), &s, &l);
    assert_int_equal(n, l.n);
    if (start)
        *start = s;
    buf[0] = '\0';
    size_t at = 0;
    for (size_t i = 0; i < l.n; i++)
        at += (size_t)snprintf(buf + at, sizeof(buf) - at, "%s%s",
                               i ? " " : "", l.v[i]);
    strlist_release(&l);
    return buf;
}

/* Is word one of the blank-separated candidates? */
static bool has(const char *cands, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = cands; *p;) {
        size_t n = strcspn(p, " ");
        if (n == wl && memcmp(p, word, n) == 0)
            return true;
        p += n;
        while (*p == ' ')
            p++;
    }
    return false;
}

#define assert_cand(cands, w)                                                  \
    do {                                                                       \
        if (!has((cands), (w)))                                                \
            fail_msg("\"%s\" not among: %s", (w), (cands));                    \
    } while (0)
#define assert_no_cand(cands, w)                                               \
    do {                                                                       \
        if (has((cands), (w)))                                                 \
            fail_msg("\"%s\" should not be among: %s", (w), (cands));          \
    } while (0)

static void test_complete_first_word(void **state)
{
    (void)state;
    struct repl *r = new_repl();
    const char *c = comp(r, "", NULL);
    assert_cand(c, "FROM");
    assert_cand(c, "WORKDIR");
    assert_cand(c, "docker");
    assert_cand(c, "explain");
    assert_no_cand(c, ":help"); /* : commands once a ':' is typed */
    assert_string_equal(comp(r, "fr", NULL), "from");
    assert_string_equal(comp(r, "Fr", NULL), "From");
    assert_string_equal(comp(r, "FR", NULL), "FROM");
    assert_string_equal(comp(r, "en", NULL), "entrypoint env");
    assert_string_equal(comp(r, "do", NULL), "docker");
    assert_string_equal(comp(r, "zz", NULL), "");
    c = comp(r, ":", NULL);
    assert_cand(c, ":help");
    assert_cand(c, ":quit");
    assert_string_equal(comp(r, ":re", NULL), ":redo :reset");
    size_t start = 99;
    comp(r, "   :dock", &start);
    assert_int_equal(start, 3);
    free_repl(r);
}

static void test_complete_instruction_args(void **state)
{
    (void)state;
    struct repl *r = new_repl();
    const char *c = comp(r, "FROM alp", NULL);
    assert_cand(c, "alpine");
    assert_cand(c, "alpine:latest");
    c = comp(r, "FROM --", NULL);
    assert_string_equal(c, "--platform=");
    assert_string_equal(comp(r, "COPY --ch", NULL), "--chmod= --chown=");
    assert_string_equal(comp(r, "COPY --li", NULL), "--link"); /* a switch */
    assert_string_equal(comp(r, "FROM alpine A", NULL), "AS");
    assert_string_equal(comp(r, "from alpine a", NULL), "as");
    repl_feed(r, "FROM golang AS build");
    repl_feed(r, "FROM alpine AS final");
    assert_string_equal(comp(r, "COPY --from=b", NULL), "--from=build");
    c = comp(r, "FROM b", NULL);
    assert_cand(c, "build");
    assert_cand(c, "busybox");
    c = comp(r, "ONBUILD R", NULL);
    assert_string_equal(c, "RUN");
    repl_feed(r, ":file app.py\nx\nEOF");
    assert_string_equal(comp(r, "COPY ap", NULL), "app.py");
    assert_string_equal(comp(r, "CMD ", NULL), "");
    free_repl(r);
}

static void test_complete_docker(void **state)
{
    (void)state;
    struct repl *r = new_repl();
    const char *c = comp(r, "docker ", NULL);
    assert_cand(c, "run");
    assert_cand(c, "build");
    assert_cand(c, "container");
    assert_cand(c, "image");
    assert_string_equal(comp(r, "docker ru", NULL), "run");
    c = comp(r, "docker container l", NULL);
    assert_cand(c, "ls");
    assert_cand(c, "list");
    assert_cand(c, "logs");
    c = comp(r, "docker run --na", NULL);
    assert_string_equal(c, "--name");
    c = comp(r, "docker run -", NULL);
    assert_cand(c, "-e");
    assert_cand(c, "--rm");
    assert_cand(c, "--help");
    assert_no_cand(c, "--net"); /* hidden */
    c = comp(r, "docker run --rm -e A=1 alp", NULL);
    assert_cand(c, "alpine");
    /* a flag's value is not an image */
    assert_string_equal(comp(r, "docker run --name alp", NULL), "");
    /* after the image come its arguments: nothing to offer */
    assert_string_equal(comp(r, "docker run alpine ec", NULL), "");
    repl_feed(r, "docker run --name web alpine");
    repl_feed(r, "docker run --name worker alpine");
    assert_string_equal(comp(r, "docker stop w", NULL), "web worker");
    assert_string_equal(comp(r, "docker logs --tail 5 we", NULL), "web");
    assert_string_equal(comp(r, "docker rm -f web wo", NULL), "worker");
    assert_string_equal(comp(r, "docker ps ", NULL), "");
    c = comp(r, "docker rmi alpi", NULL);
    assert_cand(c, "alpine:latest");
    repl_feed(r, "docker tag alpine mine:v1");
    assert_cand(comp(r, "docker inspect mi", NULL), "mine:v1");
    assert_cand(comp(r, "docker inspect w", NULL), "web");
    assert_cand(comp(r, "docker build .", NULL), ".");
    free_repl(r);
}

static void test_complete_colon_args(void **state)
{
    (void)state;
    struct repl *r = new_repl();
    const char *c = comp(r, ":help ", NULL);
    assert_cand(c, "pid1");
    assert_cand(c, "FROM");
    assert_cand(c, ":undo");
    assert_cand(c, "docker");
    assert_cand(c, "JSONArgsRecommended");
    assert_string_equal(comp(r, ":help pi", NULL), "pid1");
    assert_string_equal(comp(r, ":h exec", NULL), "exec-form");
    assert_string_equal(comp(r, ":help docker ru", NULL), "run");
    c = comp(r, ":set ", NULL);
    assert_cand(c, "color");
    assert_cand(c, "explain");
    assert_string_equal(comp(r, ":set explain ", NULL), "full short");
    assert_string_equal(comp(r, ":set color o", NULL), "off on");
    assert_string_equal(comp(r, ":explain l", NULL), "last");
    assert_string_equal(comp(r, ":undo ", NULL), "");
    assert_string_equal(comp(r, ":nosuch ", NULL), "");
    free_repl(r);
}

static void test_complete_paths(void **state)
{
    (void)state;
    char dir[256];
    snprintf(dir, sizeof(dir), "%s/test_complete.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(dir));
    char p[400];
    snprintf(p, sizeof(p), "%s/Dockerfile", dir);
    FILE *f = fopen(p, "w");
    fclose(f);
    snprintf(p, sizeof(p), "%s/Dockerfile.dev", dir);
    f = fopen(p, "w");
    fclose(f);
    snprintf(p, sizeof(p), "%s/docs", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof(p), "%s/.hidden", dir);
    f = fopen(p, "w");
    fclose(f);
    struct repl *r = new_repl();
    char line[400], want[1200];
    snprintf(line, sizeof(line), ":load %s/D", dir);
    snprintf(want, sizeof(want), "%s/Dockerfile %s/Dockerfile.dev", dir, dir);
    assert_string_equal(comp(r, line, NULL), want);
    snprintf(line, sizeof(line), ":save %s/do", dir);
    snprintf(want, sizeof(want), "%s/docs/", dir); /* a directory: a '/' */
    assert_string_equal(comp(r, line, NULL), want);
    snprintf(line, sizeof(line), ":load %s/.h", dir);
    snprintf(want, sizeof(want), "%s/.hidden", dir);
    assert_string_equal(comp(r, line, NULL), want);
    snprintf(line, sizeof(line), "docker build -f %s/Dockerfile.", dir);
    snprintf(want, sizeof(want), "%s/Dockerfile.dev", dir);
    assert_string_equal(comp(r, line, NULL), want);
    snprintf(line, sizeof(line), "docker build %s/", dir);
    snprintf(want, sizeof(want), "%s/docs/", dir); /* directories only */
    assert_string_equal(comp(r, line, NULL), want);
    free_repl(r);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_complete_nothing_while_open(void **state)
{
    (void)state;
    struct repl *r = new_repl();
    repl_feed(r, "RUN echo \\");
    assert_string_equal(comp(r, "fr", NULL), "");
    repl_interrupt(r);
    assert_string_equal(comp(r, "fr", NULL), "from");
    repl_feed(r, ":file x");
    assert_string_equal(comp(r, "fr", NULL), "");
    free_repl(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_complete_first_word),
        cmocka_unit_test(test_complete_instruction_args),
        cmocka_unit_test(test_complete_docker),
        cmocka_unit_test(test_complete_colon_args),
        cmocka_unit_test(test_complete_paths),
        cmocka_unit_test(test_complete_nothing_while_open),
    };
    return cmocka_run_group_tests_name("complete", tests, NULL, NULL);
}
