/*
 * test_colon.c: the shell's `:` commands (colon.h): the table itself
 * (names, aliases, prefixes, "did you mean"), :help from the tables
 * (help.h), and each command's behaviour, errors included.
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

#include "catalog.h"
#include "colon.h"
#include "dockerargs.h"
#include "help.h"
#include "instr_table.h"
#include "lint.h"
#include "repl.h"
#include "teach.h"
#include "sb.h"
#include "xmalloc.h"

/* ---- a repl writing into memory (as in test_repl.c) ---- */

struct h {
    struct repl r;
    char *obuf, *ebuf;
    size_t olen, elen;
    FILE *out, *err;
    size_t omark, emark;
    char dir[256]; /* a scratch directory for :load/:save */
};

static struct h *h_new(bool interactive)
{
    struct h *h = xcalloc(1, sizeof(*h));
    h->out = open_memstream(&h->obuf, &h->olen);
    h->err = open_memstream(&h->ebuf, &h->elen);
    struct repl_opts o;
    memset(&o, 0, sizeof(o));
    o.interactive = interactive;
    o.ascii = true;
    repl_init(&h->r, &o, h->out, h->err);
    snprintf(h->dir, sizeof(h->dir), "%s/test_colon.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(h->dir));
    return h;
}

static void h_free(struct h *h)
{
    repl_release(&h->r);
    fclose(h->out);
    fclose(h->err);
    free(h->obuf);
    free(h->ebuf);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", h->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", h->dir);
    free(h);
}

static const char *out(struct h *h)
{
    fflush(h->out);
    const char *s = h->obuf + h->omark;
    h->omark = h->olen;
    return s;
}

static const char *err(struct h *h)
{
    fflush(h->err);
    const char *s = h->ebuf + h->emark;
    h->emark = h->elen;
    return s;
}

static void feed(struct h *h, const char *text)
{
    repl_feed(&h->r, text);
}

/* "NAME" inside the scratch directory (static buffer). */
static const char *in_dir(struct h *h, const char *name)
{
    static char p[400];
    snprintf(p, sizeof(p), "%s/%s", h->dir, name);
    return p;
}

static void feedf(struct h *h, const char *fmt, const char *arg)
{
    char line[600];
    snprintf(line, sizeof(line), fmt, arg);
    feed(h, line);
}

#define assert_has(hay, needle)                                                \
    do {                                                                       \
        const char *hay_ = (hay);                                              \
        if (!strstr(hay_, (needle)))                                           \
            fail_msg("expected \"%s\" in:\n%s", (needle), hay_);               \
    } while (0)

#define assert_lacks(hay, needle)                                              \
    do {                                                                       \
        const char *hay_ = (hay);                                              \
        if (strstr(hay_, (needle)))                                            \
            fail_msg("did not expect \"%s\" in:\n%s", (needle), hay_);         \
    } while (0)

/* ---- the table ---- */

static void test_colon_table_is_sound(void **state)
{
    (void)state;
    for (size_t i = 0; i < colon_n_cmds; i++) {
        const struct colon_cmd *c = &colon_cmds[i];
        assert_non_null(c->fn);
        assert_non_null(c->usage);
        assert_true(strlen(c->summary) > 10);
        /* :help's overview keeps every line within 80 columns */
        assert_true(2 + 22 + 1 + strlen(c->summary) <= 80);
        assert_true(c->summary[strlen(c->summary) - 1] != '.');
        for (size_t k = 0; k < colon_n_cmds; k++) {
            if (k == i)
                continue;
            /* names unique; no alias is another command's name */
            assert_string_not_equal(c->name, colon_cmds[k].name);
            assert_true(colon_find_exact(c->name, strlen(c->name)) == c);
        }
    }
}

static void check_find(const char *word, const char *want, const char *why)
{
    struct sb w = SB_INIT;
    const struct colon_cmd *c = colon_find(word, strlen(word), &w);
    if (want) {
        assert_non_null(c);
        assert_string_equal(c->name, want);
    } else {
        assert_null(c);
        assert_string_equal(w.buf, why);
    }
    sb_release(&w);
}

static void test_colon_find(void **state)
{
    (void)state;
    check_find("dockerfile", "dockerfile", NULL);
    check_find("d", "dockerfile", NULL);   /* unique prefix */
    check_find("h", "help", NULL);         /* alias beats the prefix */
    check_find("?", "help", NULL);
    check_find("q", "quit", NULL);
    check_find("exit", "quit", NULL);
    check_find("his", "history", NULL);
    check_find("hi", NULL, "':hi' is ambiguous: it could be :hint or :history");
    check_find("lesson", "lesson", NULL); /* exact beats :lessons */
    check_find("lessons", "lessons", NULL);
    check_find("g", "goal", NULL);
    check_find("sa", NULL, "':sa' is ambiguous: it could be :sandbox or :save");
    check_find("so", "solution", NULL);
    check_find("pro", "progress", NULL);
    check_find("re", NULL,
               "':re' is ambiguous: it could be :redo or :reset");
    check_find("s", NULL,
               "':s' is ambiguous: it could be :solution, :sandbox, :state, "
               ":save or :set");
    check_find("hlep", NULL,
               "unknown command ':hlep' (did you mean :help?); :help lists "
               "the commands");
    check_find("zzzzzz", NULL,
               "unknown command ':zzzzzz'; :help lists the commands");
    check_find("", NULL, "a : command needs a name (:help lists them)");
}

static void test_colon_run_unknown(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feed(h, ":undi");
    assert_string_equal(err(h), "docksim: unknown command ':undi' (did you "
                                "mean :undo?); :help lists the commands\n");
    assert_true(h->r.failed);
    feed(h, "  :  dockerfile  ");
    assert_has(out(h), "The Dockerfile is empty");
    h_free(h);
}

/* ---- :help ---- */

static void test_help_overview_lists_everything(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feed(h, ":help");
    const char *o = out(h);
    for (size_t i = 0; i < colon_n_cmds; i++) {
        char want[64];
        snprintf(want, sizeof(want), "  :%s", colon_cmds[i].name);
        assert_has(o, want);
        assert_has(o, colon_cmds[i].summary);
    }
    for (size_t i = 0; i < help_n_concepts; i++)
        assert_has(o, help_concepts[i].name);
    /* within 80 columns */
    for (const char *p = o; *p;) {
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        assert_true(nl - p <= 80);
        p = nl + 1;
    }
    h_free(h);
}

static const char *help(const char *topic, int want_rc)
{
    static struct sb o = SB_INIT;
    sb_reset(&o);
    assert_int_equal(help_topic(&o, topic), want_rc);
    return o.buf;
}

static void test_help_every_table_row(void **state)
{
    (void)state;
    char t[128];
    for (size_t i = 0; i < INSTR_COUNT; i++) {
        const char *o = help(instr_table[i].name, 0);
        assert_has(o, instr_table[i].usage);
    }
    for (size_t i = 0; i < dcli_n_commands; i++) {
        snprintf(t, sizeof(t), "docker %s", dcli_commands[i].path);
        const char *o = help(t, 0);
        assert_has(o, "Usage:");
        for (const struct dflag_def *f = dcli_commands[i].flags; f->name;
             f++) {
            snprintf(t, sizeof(t), "docker %s --%s", dcli_commands[i].path,
                     f->name);
            o = help(t, 0);
            assert_has(o, f->name);
            assert_has(o, f->simulated ? "simulated (its effect"
                                       : "accepted, but its effect");
        }
    }
    for (size_t i = 0; i < LINT_COUNT; i++)
        assert_has(help(lint_rules[i].name, 0), lint_rules[i].url);
    for (size_t i = 0; i < TEACH_COUNT; i++) {
        const char *o = help(teach_rules[i].id, 0);
        assert_has(o, "docksim's own teaching warning, not a BuildKit check");
        assert_has(o, teach_rules[i].title);
        assert_has(o, teach_rules[i].lesson);
        /* also without the docksim/ prefix */
        assert_has(help(strchr(teach_rules[i].id, '/') + 1, 0),
                   teach_rules[i].title);
    }
    for (size_t i = 0; i < help_n_concepts; i++) {
        const char *o = help(help_concepts[i].name, 0);
        assert_has(o, help_concepts[i].title);
        /* concept texts fit a terminal */
        for (const char *p = help_concepts[i].text; *p;) {
            const char *nl = strchr(p, '\n');
            assert_non_null(nl);
            assert_true(nl - p <= 78);
            p = nl + 1;
        }
    }
    for (size_t i = 0; i < colon_n_cmds; i++) {
        snprintf(t, sizeof(t), ":%s", colon_cmds[i].name);
        assert_has(help(t, 0), colon_cmds[i].summary);
    }
}

static void test_help_topics(void **state)
{
    (void)state;
    const char *o = help("from", 0);
    assert_has(o, "FROM (build time, adds no layer)");
    assert_has(o, "flags: --platform=VALUE");
    assert_has(o, "see also: :help stages");
    o = help("COPY --from", 0);
    assert_has(o, "COPY (build time, adds a layer)");
    assert_has(o, "--from=VALUE");
    assert_has(o, "--exclude=VALUE (repeatable)");
    /* a word that is both: every match is shown */
    o = help("run", 0);
    assert_has(o, "RUN (build time, adds a layer)");
    assert_has(o, "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]");
    o = help("history", 0);
    assert_has(o, ":history");
    assert_has(o, "docker history");
    o = help("docker run -p", 0);
    assert_has(o, "-p, --publish list");
    o = help("run --publish", 0);
    assert_has(o, "-p, --publish list");
    o = help("docker container ls", 0);
    assert_has(o, "List containers");
    o = help("docker", 0);
    assert_has(o, "docker commands docksim simulates");
    o = help("docker image", 0);
    assert_has(o, "Manage images");
    o = help("jsonargsrecommended", 0);
    assert_has(o, "JSONArgsRecommended (a BuildKit build check)");
    o = help("checks-list", 0);
    assert_has(o, "StageNameCasing");
    assert_has(o, "docksim/cmd-repeats-entrypoint");
    o = help("exec", 0); /* an alias */
    assert_has(o, "Exec form and shell form");
    o = help("layers", 0);
    assert_has(o, "Instructions that add a filesystem layer: ADD, COPY, RUN, "
                  "WORKDIR.");
    o = help(":u", 0);
    assert_has(o, ":undo");
    o = help("", 0);
    assert_has(o, "docksim's own commands");
}

static void test_help_unknown(void **state)
{
    (void)state;
    assert_string_equal(help("layesr", -1),
                        "no help for 'layesr' (did you mean 'layers'?); "
                        ":help lists the topics\n");
    assert_string_equal(help("ENTRYPONT", -1),
                        "no help for 'ENTRYPONT' (did you mean "
                        "'ENTRYPOINT'?); :help lists the topics\n");
    assert_string_equal(help("qqqqqqqq", -1),
                        "no help for 'qqqqqqqq'; :help lists the topics\n");
    assert_has(help("docker run --nosuch", -1), "no help for");
    struct h *h = h_new(true);
    feed(h, ":help layesr");
    assert_has(err(h), "docksim: no help for 'layesr'");
    assert_true(h->r.failed);
    h_free(h);
}

/* ---- the commands ---- */

static void test_colon_dockerfile(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feed(h, ":dockerfile");
    assert_has(out(h), "The Dockerfile is empty: type an instruction such as "
                       "FROM alpine.");
    feed(h, "FROM alpine\nRUN a \\");
    out(h);
    feed(h, ":dockerfile");
    /* inside the open instruction, a : line is part of it */
    assert_string_equal(h->r.s.dockerfile.buf,
                        "FROM alpine\nRUN a \\\n:dockerfile\n");
    assert_has(out(h), "| lines 2-3: RUN");
    feed(h, ":dockerfile");
    assert_string_equal(out(h), "   1  FROM alpine\n   2  RUN a \\\n"
                                "   3  :dockerfile\n");
    h_free(h);
}

static void test_colon_state(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feed(h, ":state");
    const char *o = out(h);
    assert_has(o, "Dockerfile: empty\n");
    assert_has(o, "Build context (docker build .): empty");
    assert_has(o, "Images: none yet");
    assert_has(o, "Containers: none");
    assert_has(o, "Undo: 0 steps (:undo), 0 to redo (:redo)");
    feed(h, "FROM alpine\nENTRYPOINT [\"echo\"]\n:file a.txt\nx\nEOF\n"
            "docker build -t e .\ndocker run --name c e hi");
    out(h);
    feed(h, ":state");
    o = out(h);
    assert_has(o, "Dockerfile: 2 lines");
    assert_has(o, "files a.txt (2 bytes, 0644)");
    assert_has(o, "  e:latest  ");
    assert_has(o, "  built  ENTRYPOINT [\"echo\"]");
    assert_has(o, "  alpine:latest  ");
    assert_has(o, "  c  e  exited (0)  PID 1 [\"echo\", \"hi\"]");
    h_free(h);
}

static void test_colon_images(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feed(h, ":images");
    const char *o = out(h);
    assert_has(o, "Images in this session: none yet");
    for (size_t i = 0; i < catalog_len; i++)
        assert_has(o, catalog[i].repo);
    assert_has(o, catalog[0].tags[0]);
    for (const char *p = o; *p;) {
        const char *nl = strchr(p, '\n');
        assert_true(nl - p <= 80);
        p = nl + 1;
    }
    h_free(h);
}

static void test_colon_history(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feed(h, ":history");
    assert_has(out(h), "   1  :history\n");
    feed(h, "FROM alpine\n\n:history");
    const char *o = out(h);
    assert_has(o, "   1  :history\n   2  FROM alpine\n   3  :history\n");
    assert_has(o, "history is not saved");
    h->r.o.hist_path = "/some/where/history";
    feed(h, ":history");
    assert_has(out(h), "they are saved in /some/where/history");
    h_free(h);
}

static void test_colon_set(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feed(h, ":set");
    const char *o = out(h);
    for (size_t i = 0; i < colon_n_settings; i++)
        assert_has(o, colon_settings[i].name);
    assert_has(o, "explain   full");
    feed(h, ":set explain short");
    assert_has(out(h), "explain is now short.");
    assert_false(h->r.explain_full);
    feed(h, ":set explain");
    assert_has(out(h), "explain is short:");
    feed(h, ":set explain loud");
    assert_has(err(h), "explain takes one of: full short");
    feed(h, ":set colour on");
    assert_has(err(h), "no setting 'colour'");
    feed(h, ":set color on");
    assert_true(h->r.o.color);
    feed(h, ":set plain on");
    assert_true(h->r.o.ascii);
    assert_false(h->r.o.color);
    feed(h, ":set warnings off");
    assert_true(h->r.s.no_teaching_warnings);
    feed(h, "FROM alpine\n:reset\ny"); /* a fresh session keeps it */
    assert_true(h->r.s.no_teaching_warnings);
    feed(h, ":set version 27");
    assert_has(err(h), "version takes one of: 28");
    feed(h, ":set version 28");
    assert_has(out(h), "version is now 28.");
    h_free(h);
}

static void test_colon_explain_short(void **state)
{
    (void)state;
    struct h *h = h_new(false);
    feed(h, "FROM alpine\nCMD [\"echo\", \"x\"]\n:set explain short\n"
            "docker build -t x .");
    assert_lacks(out(h), "why:");
    feed(h, ":set explain full\ndocker build -t x .");
    assert_has(out(h), "| why:");
    h_free(h);
}

static void test_colon_save_and_load(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feedf(h, ":save %s", in_dir(h, "Dockerfile"));
    assert_has(err(h), "the Dockerfile is empty; nothing to save");
    feed(h, "FROM alpine\nCMD [\"echo\", \"saved\"]");
    out(h);
    feedf(h, ":save %s", in_dir(h, "Dockerfile"));
    assert_has(out(h), "Saved the Dockerfile (2 lines) to ");
    /* overwriting asks */
    feed(h, "CMD [\"echo\", \"changed\"]");
    feedf(h, ":save %s", in_dir(h, "Dockerfile"));
    assert_int_equal(h->r.pending, PENDING_CONFIRM);
    assert_has(repl_prompt(&h->r), "already exists. Overwrite it? [y/N] ");
    feed(h, "n");
    assert_has(out(h), "Not saved.");
    feed(h, ":new");
    assert_has(out(h), "New, empty Dockerfile");
    assert_string_equal(h->r.s.dockerfile.buf, "");
    feedf(h, ":load %s", in_dir(h, "Dockerfile"));
    assert_has(out(h), "Loaded ");
    assert_has(out(h), "");
    assert_string_equal(h->r.s.dockerfile.buf,
                        "FROM alpine\nCMD [\"echo\", \"saved\"]\n");
    feed(h, ":undo");
    assert_string_equal(h->r.s.dockerfile.buf, "");
    feed(h, ":undo");
    assert_string_equal(h->r.s.dockerfile.buf,
                        "FROM alpine\nCMD [\"echo\", \"saved\"]\n"
                        "CMD [\"echo\", \"changed\"]\n");
    feedf(h, ":save %s", in_dir(h, "Dockerfile"));
    feed(h, "yes");
    assert_has(out(h), "Saved the Dockerfile (3 lines)");
    h_free(h);
}

static void test_colon_load_errors(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feed(h, "FROM keep");
    feed(h, ":load");
    assert_has(err(h), "usage: :load FILE");
    feedf(h, ":load %s", in_dir(h, "missing"));
    assert_has(err(h), "No such file or directory; nothing changed");
    feedf(h, ":load %s", h->dir);
    assert_has(err(h), "is a directory");
    FILE *f = fopen(in_dir(h, "bin"), "wb");
    fwrite("FROM a\0\x01\x02", 1, 9, f);
    fclose(f);
    feedf(h, ":load %s", in_dir(h, "bin"));
    assert_has(err(h), "holds NUL bytes, so it is not a text file");
    /* nothing was lost */
    assert_string_equal(h->r.s.dockerfile.buf, "FROM keep\n");
    assert_int_equal(h->r.log.n, 1);
    /* a file BuildKit cannot parse loads, with a warning */
    f = fopen(in_dir(h, "bad"), "w");
    fputs("FROM alpine\nRUN <<EOF\nunfinished\n", f);
    fclose(f);
    feedf(h, ":load %s", in_dir(h, "bad"));
    assert_has(out(h), "the file ends inside an unfinished instruction");
    assert_string_equal(repl_prompt(&h->r), "  <<EOF> ");
    h_free(h);
}

static void test_colon_save_errors(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feed(h, "FROM alpine");
    feedf(h, ":save %s", h->dir);
    assert_has(err(h), "is a directory (give a file name");
    feedf(h, ":save %s", in_dir(h, "no/such/dir/Dockerfile"));
    const char *e = err(h);
    assert_has(e, "cannot write");
    assert_has(e, "the Dockerfile is still here");
    assert_true(h->r.failed);
    h_free(h);
}

static void test_colon_quit_pause_demo(void **state)
{
    (void)state;
    struct h *h = h_new(true);
    feed(h, ":pause");
    assert_has(out(h), ":pause only means something in a script played with "
                       "docksim --demo FILE.");
    feed(h, ":demo");
    assert_has(out(h), "No demo is playing");
    assert_false(h->r.quit);
    assert_false(repl_feed(&h->r, ":q\nFROM never"));
    assert_true(h->r.quit);
    assert_string_equal(h->r.s.dockerfile.buf, "");
    h_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_colon_table_is_sound),
        cmocka_unit_test(test_colon_find),
        cmocka_unit_test(test_colon_run_unknown),
        cmocka_unit_test(test_help_overview_lists_everything),
        cmocka_unit_test(test_help_every_table_row),
        cmocka_unit_test(test_help_topics),
        cmocka_unit_test(test_help_unknown),
        cmocka_unit_test(test_colon_dockerfile),
        cmocka_unit_test(test_colon_state),
        cmocka_unit_test(test_colon_images),
        cmocka_unit_test(test_colon_history),
        cmocka_unit_test(test_colon_set),
        cmocka_unit_test(test_colon_explain_short),
        cmocka_unit_test(test_colon_save_and_load),
        cmocka_unit_test(test_colon_load_errors),
        cmocka_unit_test(test_colon_save_errors),
        cmocka_unit_test(test_colon_quit_pause_demo),
    };
    int rc = cmocka_run_group_tests_name("colon", tests, NULL, NULL);
    struct sb *keep = NULL; /* help()'s buffer lives until exit */
    (void)keep;
    return rc;
}
