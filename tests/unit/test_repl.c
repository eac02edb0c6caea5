/*
 * test_repl.c: the shell without a terminal (repl.h): prompts that say
 * what is open, pasted input, the feedback line after each Dockerfile
 * instruction (linenote.h), undo/redo, questions, :file, Ctrl-C, --bail,
 * --echo, --json, bad input, colour decisions, line sources.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colon.h"
#include "help.h"
#include "linenote.h"
#include "repl.h"
#include "sb.h"
#include "xmalloc.h"

/* ---- a repl writing into memory ---- */

struct h {
    struct repl r;
    char *obuf, *ebuf;
    size_t olen, elen;
    FILE *out, *err;
    size_t omark, emark; /* out()/err() return what came after these */
};

static struct h *h_new(bool interactive, bool ascii)
{
    struct h *h = xcalloc(1, sizeof(*h));
    h->out = open_memstream(&h->obuf, &h->olen);
    h->err = open_memstream(&h->ebuf, &h->elen);
    assert_non_null(h->out);
    assert_non_null(h->err);
    struct repl_opts o;
    memset(&o, 0, sizeof(o));
    o.interactive = interactive;
    o.ascii = ascii;
    repl_init(&h->r, &o, h->out, h->err);
    return h;
}

static struct h *h_opts(const struct repl_opts *o)
{
    struct h *h = xcalloc(1, sizeof(*h));
    h->out = open_memstream(&h->obuf, &h->olen);
    h->err = open_memstream(&h->ebuf, &h->elen);
    repl_init(&h->r, o, h->out, h->err);
    return h;
}

static void h_free(struct h *h)
{
    repl_release(&h->r);
    fclose(h->out);
    fclose(h->err);
    free(h->obuf);
    free(h->ebuf);
    free(h);
}

/* Output since the last call (then the mark moves on). */
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

/* Text with its wrapping undone ("\n|   " and "\n  " become a blank), in
 * a buffer valid until the next call. */
static const char *flat(const char *s)
{
    static struct sb f = SB_INIT;
    sb_reset(&f);
    while (*s) {
        if (s[0] == '\n' && s[1] == '|' && s[2] == ' ' && s[3] == ' ') {
            s += 2;
            while (*s == ' ')
                s++;
            sb_addch(&f, ' ');
        } else if (s[0] == '\n' && s[1] == ' ' && s[2] == ' ') {
            s++;
            while (*s == ' ')
                s++;
            sb_addch(&f, ' ');
        } else {
            sb_addch(&f, *s++);
        }
    }
    return f.buf;
}

static const char *dockerfile(struct h *h)
{
    return h->r.s.dockerfile.buf;
}

/* ---- prompts ---- */

static void test_repl_prompt_main(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    assert_string_equal(repl_prompt(&h->r), "docksim> ");
    h_free(h);
}

static void test_repl_prompt_continuation(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "FROM alpine");
    feed(h, "RUN apt-get update && \\");
    assert_int_equal(h->r.open, OPEN_CONTINUATION);
    assert_string_equal(repl_prompt(&h->r), "      \\> ");
    feed(h, "    apt-get install -y curl");
    assert_int_equal(h->r.open, OPEN_NONE);
    assert_string_equal(repl_prompt(&h->r), "docksim> ");
    h_free(h);
}

static void test_repl_prompt_escape_directive(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "# escape=`");
    feed(h, "FROM alpine");
    feed(h, "RUN echo a `");
    assert_string_equal(repl_prompt(&h->r), "      `> ");
    feed(h, "  b");
    assert_string_equal(repl_prompt(&h->r), "docksim> ");
    h_free(h);
}

static void test_repl_prompt_json(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "CMD [\"python\", \\");
    assert_int_equal(h->r.open, OPEN_JSON);
    assert_string_equal(repl_prompt(&h->r), "   [...> ");
    feed(h, "  \"app.py\", \\");
    assert_int_equal(h->r.open, OPEN_JSON);
    feed(h, "  \"--port\", \"80\"]");
    assert_int_equal(h->r.open, OPEN_NONE);
    /* flags before the array do not hide it */
    feed(h, "COPY --chown=1:1 [\"a\", \\");
    assert_int_equal(h->r.open, OPEN_JSON);
    feed(h, "\"b\"]");
    /* a closed array with a continuation is a plain continuation */
    feed(h, "CMD [\"a\"] \\");
    assert_int_equal(h->r.open, OPEN_CONTINUATION);
    feed(h, "");
    h_free(h);
}

static void test_repl_prompt_heredoc(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "FROM alpine");
    feed(h, "RUN <<EOF");
    assert_int_equal(h->r.open, OPEN_HEREDOC);
    assert_string_equal(repl_prompt(&h->r), "  <<EOF> ");
    feed(h, "echo hi");
    assert_string_equal(repl_prompt(&h->r), "  <<EOF> ");
    feed(h, "EOF");
    assert_string_equal(repl_prompt(&h->r), "docksim> ");
    /* two heredocs: the prompt names the one still open */
    feed(h, "COPY <<one <<-\"two\" /dst/");
    assert_string_equal(repl_prompt(&h->r), "  <<one> ");
    feed(h, "1");
    feed(h, "one");
    assert_string_equal(repl_prompt(&h->r), "  <<two> ");
    feed(h, "\t2");
    feed(h, "\ttwo"); /* <<- strips the tab */
    assert_string_equal(repl_prompt(&h->r), "docksim> ");
    assert_string_equal(dockerfile(h),
                        "FROM alpine\nRUN <<EOF\necho hi\nEOF\n"
                        "COPY <<one <<-\"two\" /dst/\n1\none\n\t2\n\ttwo\n");
    h_free(h);
}

static void test_repl_prompt_file_and_question(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, ":file app.py");
    assert_string_equal(repl_prompt(&h->r), "[app.py]> ");
    feed(h, "print(1)");
    feed(h, "EOF");
    assert_string_equal(repl_prompt(&h->r), "docksim> ");
    feed(h, ":reset");
    assert_string_equal(repl_prompt(&h->r),
                        "Reset everything (Dockerfile, files, images, "
                        "containers)? [y/N] ");
    feed(h, "n");
    assert_string_equal(repl_prompt(&h->r), "docksim> ");
    h_free(h);
}

/* The :help prompts text shows the prompts the shell really uses. */
static void test_repl_prompt_help_matches(void **state)
{
    (void)state;
    struct sb help = SB_INIT;
    assert_int_equal(help_topic(&help, "prompts"), 0);
    struct h *h = h_new(true, true);
    assert_has(help.buf, repl_prompt(&h->r));
    feed(h, "RUN a \\");
    assert_has(help.buf, repl_prompt(&h->r));
    repl_interrupt(&h->r);
    feed(h, "CMD [\"a\", \\");
    assert_has(help.buf, repl_prompt(&h->r));
    repl_interrupt(&h->r);
    feed(h, "RUN <<EOF");
    const char *p = repl_prompt(&h->r);
    while (*p == ' ')
        p++;
    assert_has(help.buf, p);
    repl_interrupt(&h->r);
    feed(h, ":file NAME");
    p = repl_prompt(&h->r);
    while (*p == ' ')
        p++;
    assert_has(help.buf, p);
    sb_release(&help);
    h_free(h);
}

/* ---- feedback after Dockerfile lines ---- */

static void test_repl_dockerfile_note(void **state)
{
    (void)state;
    struct h *h = h_new(false, true);
    feed(h, "FROM alpine AS base");
    assert_string_equal(out(h), "| line 1: FROM: a new stage from alpine, "
                                "named base (build time, no layer)\n");
    feed(h, "RUN echo hi");
    assert_string_equal(out(h), "| line 2: RUN: shell form, runs "
                                "[\"/bin/sh\", \"-c\", \"echo hi\"] (build "
                                "time, new layer)\n");
    /* nothing until the instruction is complete */
    feed(h, "CMD [\"echo\", \\");
    assert_string_equal(out(h), "");
    feed(h, "\"x\"]");
    assert_string_equal(out(h), "| lines 3-4: CMD: exec form, default command "
                                "[\"echo\", \"x\"] (container start, no "
                                "layer)\n");
    feed(h, "ENTRYPOINT run.sh");
    assert_has(out(h), "| line 5: ENTRYPOINT: shell form, CMD and run "
                       "arguments never reach it; program");
    feed(h, "CMD ['x']");
    assert_has(out(h), "CMD: not valid JSON, so shell form, default command");
    feed(h, "EXPOSE 80 443/udp");
    assert_has(out(h), "documents ports 80, 443/udp; publishes nothing "
                       "(image metadata, no layer)");
    feed(h, "ENV A=1 B=\"two words\"");
    assert_has(out(h), "ENV: sets A=1, B=\"two words\" (image metadata");
    feed(h, "COPY --from=base a b /dst/");
    assert_has(out(h), "COPY: copies a b to /dst/ from stage base (build "
                       "time, new layer)");
    feed(h, "MAINTAINER me");
    const char *o = out(h);
    assert_has(o, "| line 10: MAINTAINER: author me");
    assert_has(o, "\n| warning: MaintainerDeprecated: ");
    /* long details are cut */
    struct sb run = SB_INIT;
    sb_adds(&run, "RUN echo");
    for (int i = 0; i < 40; i++)
        sb_adds(&run, " word");
    feed(h, run.buf);
    sb_release(&run);
    o = out(h);
    assert_has(o, "...");
    assert_true(strlen(o) < 160);
    /* an instruction with an error: no details, the error */
    feed(h, "COPY onlyone");
    o = out(h);
    assert_has(o, "| line 12: COPY (build time, new layer)\n| error (docker "
                  "build will stop here)");
    h_free(h);
}

static void test_repl_notes_off_and_quiet(void **state)
{
    (void)state;
    struct h *h = h_new(false, true);
    feed(h, ":set notes off");
    out(h);
    feed(h, "FROM alpine");
    assert_string_equal(out(h), "");
    h_free(h);
    struct repl_opts o;
    memset(&o, 0, sizeof(o));
    o.quiet = true;
    h = h_opts(&o);
    feed(h, "FROM alpine");
    feed(h, "docker run alpine echo hi");
    assert_string_equal(out(h), "hi\n");
    h_free(h);
}

static void test_repl_teaching_warnings(void **state)
{
    (void)state;
    struct h *h = h_new(false, true);
    feed(h, "FROM alpine\nENTRYPOINT [\"echo\"]");
    assert_lacks(out(h), "docksim's own");
    /* shown after the line that completes the mistake, marked as ours */
    feed(h, "CMD [\"echo\", \"hello\"]");
    const char *o = out(h);
    assert_has(o, "| line 3: CMD:");
    assert_has(o, "\n| warning (docksim's own, not a BuildKit check): "
                  "docksim/cmd-repeats-entrypoint: ");
    assert_has(o, "(:help docksim/cmd-repeats-entrypoint)\n");
    /* not again for a later line, and never with :set warnings off */
    feed(h, "LABEL a=b");
    assert_lacks(out(h), "docksim/");
    feed(h, ":undo\n:undo\n:set warnings off\nCMD [\"echo\", \"hello\"]");
    assert_lacks(out(h), "docksim/cmd-repeats-entrypoint");
    feed(h, ":set warnings on\n:undo\nCMD [\"echo\", \"hello\"]");
    assert_has(out(h), "docksim/cmd-repeats-entrypoint");
    h_free(h);
    /* the build context counts: a script copied without the exec bit */
    h = h_new(false, true);
    feed(h, ":file run.sh\n#!/bin/sh\nexec \"$@\"\nEOF\nFROM alpine\n"
            "COPY run.sh /run.sh");
    out(h);
    feed(h, "ENTRYPOINT [\"/run.sh\"]");
    assert_has(out(h), "docksim/entrypoint-script-not-executable");
    h_free(h);
}

static void test_linenote_forms(void **state)
{
    (void)state;
    struct sb o = SB_INIT;
    const char *df = "FROM alpine\nSHELL [\"/bin/bash\", \"-c\"]\n"
                     "ENTRYPOINT echo hi\nCMD ['x']\nMAINTAINER me\n";
    assert_int_equal(linenote_describe(df, strlen(df), 3, &o), 0);
    assert_has(o.buf, "line 3: ENTRYPOINT");
    assert_has(o.buf, "[\"/bin/bash\", \"-c\", \"echo hi\"]"); /* SHELL */
    assert_has(flat(o.buf), "CMD and docker run arguments never reach");
    sb_reset(&o);
    assert_int_equal(linenote_describe(df, strlen(df), 4, &o), 0);
    assert_has(flat(o.buf), "not valid JSON (exec form needs double quotes), "
                            "so shell form");
    sb_reset(&o);
    assert_int_equal(linenote_describe(df, strlen(df), 5, &o), 0);
    assert_has(flat(o.buf), "warning: MaintainerDeprecated: Maintainer "
                            "instruction is deprecated");
    sb_reset(&o);
    /* the last instruction by default; -1 past the end */
    assert_int_equal(linenote_describe(df, strlen(df), 0, &o), 0);
    assert_has(o.buf, "line 5: MAINTAINER");
    sb_reset(&o);
    assert_int_equal(linenote_describe(df, strlen(df), 9, &o), -1);
    assert_int_equal(o.len, 0);
    sb_release(&o);
}

static void test_linenote_errors(void **state)
{
    (void)state;
    struct sb o = SB_INIT;
    const char *df = "RUN echo hi\n";
    assert_int_equal(linenote_describe(df, strlen(df), 1, &o), 0);
    assert_has(flat(o.buf), "error (docker build will stop here): no build "
                            "stage in current context");
    sb_reset(&o);
    df = "FROM alpine\nCOPY onlyone\n";
    assert_int_equal(linenote_describe(df, strlen(df), 2, &o), 0);
    assert_has(flat(o.buf), "COPY requires at least two arguments");
    sb_reset(&o);
    /* on its own, an instruction is explained as if after a FROM */
    assert_int_equal(linenote_explain_line("CMD echo hi", &o), 0);
    assert_has(o.buf, "CMD (container start, no layer)");
    assert_lacks(o.buf, "line");
    assert_lacks(o.buf, "error");
    sb_reset(&o);
    assert_int_equal(linenote_explain_line("FROM alpine AS b", &o), 0);
    assert_has(o.buf, "stage name: b");
    sb_release(&o);
}

/* ---- pasting ---- */

static void test_repl_paste_whole_dockerfile(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "\033[200~FROM alpine\nRUN echo a \\\n  b\nCMD [\"sh\"]\n\033[201~");
    assert_string_equal(dockerfile(h),
                        "FROM alpine\nRUN echo a \\\n  b\nCMD [\"sh\"]\n");
    assert_int_equal(h->r.s.dockerfile_lines, 4);
    assert_lacks(out(h), "\033[20");
    /* three instructions: three undo steps */
    assert_int_equal(h->r.log.n, 3);
    h_free(h);
}

static void test_repl_paste_strips_prompts(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "docksim> FROM alpine\ndocksim> RUN a \\\n      \\>  b\n"
            "$ docker ps\n");
    assert_string_equal(dockerfile(h), "FROM alpine\nRUN a \\\n b\n");
    assert_has(out(h), "CONTAINER ID");
    assert_string_equal(err(h), "");
    h_free(h);
}

static void test_repl_paste_crlf(void **state)
{
    (void)state;
    struct h *h = h_new(false, true);
    feed(h, "FROM alpine\r\nCMD [\"x\"]\r\n");
    assert_string_equal(dockerfile(h), "FROM alpine\nCMD [\"x\"]\n");
    h_free(h);
}

/* ---- bad input ---- */

static void test_repl_long_line(void **state)
{
    (void)state;
    struct h *h = h_new(false, true);
    feed(h, "FROM alpine");
    size_t n = 70000;
    char *line = xmalloc(n + 1);
    memcpy(line, "RUN ", 4);
    memset(line + 4, 'a', n - 4);
    line[n] = '\0';
    feed(h, line);
    free(line);
    assert_has(err(h), "that line is 70000 bytes long");
    assert_string_equal(dockerfile(h), "FROM alpine\n");
    assert_true(h->r.failed);
    /* the session goes on */
    feed(h, "CMD [\"x\"]");
    assert_string_equal(dockerfile(h), "FROM alpine\nCMD [\"x\"]\n");
    h_free(h);
}

static void test_repl_binary_garbage(void **state)
{
    (void)state;
    struct h *h = h_new(false, true);
    feed(h, "FROM \001\033[Aalpine\177");
    assert_has(err(h), "holds control characters");
    assert_has(err(h), "");
    assert_string_equal(dockerfile(h), "");
    feed(h, "\xff\xfe\x01");
    assert_has(err(h), "\\x01");
    /* invalid UTF-8 alone is passed on (BuildKit reads bytes) */
    feed(h, "FROM alpine");
    assert_string_equal(dockerfile(h), "FROM alpine\n");
    assert_int_equal(repl_status(&h->r), 1);
    h_free(h);
}

/* ---- unknown lines ---- */

static void test_repl_bare_colon_words(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "exit");
    assert_has(err(h), "'exit' is not a Dockerfile instruction or a docker "
                       "command; docksim's own commands start with ':' (did "
                       "you mean :quit?)");
    assert_false(h->r.quit);
    feed(h, "help");
    assert_has(err(h), "(did you mean :help?)");
    feed(h, "vim");
    assert_has(err(h), "no editor");
    h_free(h);
}

/* ---- undo / redo ---- */

static void test_repl_undo_redo(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "FROM alpine");
    feed(h, "RUN a \\");
    feed(h, "  b");
    feed(h, "docker ps");          /* changes nothing: not a step */
    feed(h, ":help");              /* nor this */
    assert_int_equal(h->r.log.n, 2);
    feed(h, ":undo");
    assert_has(out(h), "undone: RUN a \\ ...");
    assert_string_equal(dockerfile(h), "FROM alpine\n");
    feed(h, ":redo");
    assert_has(out(h), "redone: RUN a \\ ...");
    assert_string_equal(dockerfile(h), "FROM alpine\nRUN a \\\n  b\n");
    feed(h, ":undo");
    feed(h, ":undo");
    assert_string_equal(dockerfile(h), "");
    feed(h, ":undo");
    assert_has(out(h), "Nothing to undo.");
    /* new input forgets what could be redone */
    feed(h, "FROM busybox");
    feed(h, ":redo");
    assert_has(out(h), "Nothing to redo.");
    h_free(h);
}

static void test_repl_undo_docker_commands(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "FROM alpine");
    feed(h, "CMD [\"echo\", \"hi\"]");
    feed(h, "docker build -t hi .");
    feed(h, "docker run --name c1 hi");
    assert_int_equal(h->r.s.store.n_containers, 1);
    feed(h, "docker ps -a");
    feed(h, ":undo");
    assert_has(out(h), "undone: docker run --name c1 hi");
    assert_int_equal(h->r.s.store.n_containers, 0);
    feed(h, "docker run --name c1 hi"); /* the name is free again */
    assert_has(out(h), "exit code 0");
    assert_int_equal(h->r.s.store.n_containers, 1);
    h_free(h);
}

static void test_repl_reset_asks(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "FROM alpine");
    feed(h, ":reset");
    assert_int_equal(h->r.pending, PENDING_CONFIRM);
    feed(h, "maybe");
    assert_has(out(h), "Please answer y or n.");
    feed(h, "no");
    assert_has(out(h), "Nothing was reset.");
    assert_string_equal(dockerfile(h), "FROM alpine\n");
    feed(h, ":reset");
    feed(h, "y");
    assert_has(out(h), "Everything is back to the start");
    assert_string_equal(dockerfile(h), "");
    feed(h, ":undo");
    assert_string_equal(dockerfile(h), "FROM alpine\n");
    /* Ctrl-C answers no */
    feed(h, ":reset");
    repl_interrupt(&h->r);
    assert_int_equal(h->r.pending, PENDING_NONE);
    assert_string_equal(dockerfile(h), "FROM alpine\n");
    h_free(h);
}

static void test_repl_questions_in_scripts(void **state)
{
    (void)state;
    struct h *h = h_new(false, true);
    feed(h, "FROM alpine");
    feed(h, ":reset");
    assert_has(out(h), "? [y/N] yes (not asked: no terminal)");
    assert_string_equal(dockerfile(h), "");
    assert_int_equal(h->r.pending, PENDING_NONE);
    h_free(h);
}

/* ---- :file and Ctrl-C ---- */

static void test_repl_file_in_context(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, "FROM alpine");
    feed(h, "COPY app/run.sh /run.sh");
    feed(h, "docker build -t f .");
    assert_has(err(h), "ERROR: failed to build");
    feed(h, ":file app/run.sh 755");
    feed(h, "#!/bin/sh");
    feed(h, "echo from the file");
    feed(h, "EOF");
    assert_has(out(h), "created app/run.sh in the build context: 2 lines, 29 "
                       "bytes, mode 0755");
    assert_int_equal(h->r.s.n_files, 1);
    assert_string_equal(h->r.s.files[0].data, "#!/bin/sh\necho from the file\n");
    assert_int_equal(h->r.s.files[0].mode, 0755);
    feed(h, "docker build -t f .");
    const char *e = err(h);
    assert_has(e, "naming to docker.io/library/f:latest done");
    assert_lacks(e, "ERROR");
    /* the same name again replaces the file */
    feed(h, ":file app/run.sh");
    feed(h, "EOF");
    assert_has(out(h), "replaced app/run.sh in the build context: 0 lines");
    assert_int_equal(h->r.s.n_files, 1);
    /* undo takes the files away too (replay) */
    feed(h, ":undo");
    assert_string_equal(h->r.s.files[0].data, "#!/bin/sh\necho from the file\n");
    feed(h, ":undo");
    feed(h, ":undo");
    assert_int_equal(h->r.s.n_files, 0);
    h_free(h);
}

static void test_repl_file_bad_names(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, ":file /etc/passwd");
    assert_has(err(h), "no leading /");
    feed(h, ":file ../x");
    assert_has(err(h), "inside the build context");
    feed(h, ":file");
    assert_has(err(h), "usage: :file NAME [MODE]");
    feed(h, ":file x 9z");
    assert_has(err(h), "not an octal permission");
    assert_int_equal(h->r.pending, PENDING_NONE);
    h_free(h);
}

static void test_repl_interrupt(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    repl_interrupt(&h->r); /* nothing open: nothing said */
    assert_string_equal(out(h), "");
    feed(h, "FROM alpine");
    feed(h, "RUN a \\");
    feed(h, "b \\");
    out(h);
    repl_interrupt(&h->r);
    assert_has(out(h), "| cancelled the unfinished instruction (2 lines taken "
                       "out of the Dockerfile)");
    assert_string_equal(dockerfile(h), "FROM alpine\n");
    assert_int_equal(h->r.s.dockerfile_lines, 1);
    assert_string_equal(repl_prompt(&h->r), "docksim> ");
    feed(h, ":file x");
    feed(h, "data");
    repl_interrupt(&h->r);
    assert_has(out(h), "dropped x (nothing was created)");
    assert_int_equal(h->r.s.n_files, 0);
    h_free(h);
}

/* ---- scripts: --echo, --bail, --json, status ---- */

static void test_repl_echo(void **state)
{
    (void)state;
    struct repl_opts o;
    memset(&o, 0, sizeof(o));
    o.echo = true;
    o.quiet = true;
    o.ascii = true;
    struct h *h = h_opts(&o);
    feed(h, "FROM alpine\nRUN a \\\n b\n:undo");
    assert_string_equal(out(h), "docksim> FROM alpine\n"
                                "docksim> RUN a \\\n"
                                "      \\>  b\n"
                                "docksim> :undo\n"
                                "undone: RUN a \\ ...\n");
    h_free(h);
}

static void test_repl_bail(void **state)
{
    (void)state;
    struct repl_opts o;
    memset(&o, 0, sizeof(o));
    o.bail = true;
    struct h *h = h_opts(&o);
    assert_true(repl_feed(&h->r, "FROM alpine"));
    assert_false(repl_feed(&h->r, "docker run nosuchimage\nCMD [\"x\"]"));
    assert_has(err(h), "stopped at line 2, the first that failed (--bail)");
    assert_string_equal(dockerfile(h), "FROM alpine\n"); /* CMD never ran */
    assert_int_equal(repl_status(&h->r), 1);
    h_free(h);
    /* without --bail the script goes on, and the status still says 1 */
    memset(&o, 0, sizeof(o));
    h = h_opts(&o);
    assert_true(repl_feed(&h->r, "docker run nosuchimage\nFROM alpine"));
    assert_string_equal(dockerfile(h), "FROM alpine\n");
    assert_int_equal(repl_status(&h->r), 1);
    h_free(h);
}

static void test_repl_status_what_fails(void **state)
{
    (void)state;
    struct h *h = h_new(false, true);
    feed(h, "FROM alpine\n# a comment\n\n:dockerfile\ndocker ps");
    assert_int_equal(repl_status(&h->r), 0);
    feed(h, ":nosuch");
    assert_int_equal(repl_status(&h->r), 1);
    h_free(h);
    h = h_new(false, true);
    feed(h, "ls -la");
    assert_int_equal(repl_status(&h->r), 1);
    h_free(h);
}

static void test_repl_json(void **state)
{
    (void)state;
    struct repl_opts o;
    memset(&o, 0, sizeof(o));
    o.json = true;
    struct h *h = h_opts(&o);
    feed(h, "FROM alpine\n:dockerfile\ndocker run alpine echo hi");
    const char *so = out(h);
    /* stdout holds JSON lines only */
    assert_true(so[0] == '{');
    assert_has(so, "\"command\":\"docker run alpine echo hi\"");
    assert_has(so, "\"argv\":[\"echo\",\"hi\"]");
    assert_lacks(so, "FROM alpine");
    assert_has(err(h), "   1  FROM alpine");
    h_free(h);
}

/* ---- :explain ---- */

static void test_repl_explain(void **state)
{
    (void)state;
    struct h *h = h_new(true, true);
    feed(h, ":explain");
    assert_has(out(h), "Nothing to explain yet");
    feed(h, "FROM alpine");
    feed(h, "ENTRYPOINT [\"echo\"]");
    feed(h, "docker build -t e .");
    feed(h, "docker run e hi");
    out(h);
    feed(h, ":explain last");
    const char *o = out(h);
    assert_has(o, "last: docker run e hi");
    assert_has(o, "| PID 1: [\"echo\", \"hi\"]");
    feed(h, ":explain 2");
    assert_has(out(h), "| line 2: ENTRYPOINT");
    feed(h, ":explain 7");
    assert_has(err(h), "the Dockerfile has no instruction at line 7 (it has 2 "
                       "lines");
    /* a line tried on a copy changes nothing */
    size_t containers = h->r.s.store.n_containers;
    feed(h, ":explain docker run --entrypoint date e");
    o = out(h);
    assert_has(o, "PID 1: [\"date\"]");
    assert_has(o, "tried on a copy of the session: nothing changed");
    assert_int_equal(h->r.s.store.n_containers, containers);
    feed(h, ":explain CMD echo hi");
    assert_has(flat(out(h)),
               "shell form: runs [\"/bin/sh\", \"-c\", \"echo hi\"]");
    assert_string_equal(dockerfile(h), "FROM alpine\nENTRYPOINT [\"echo\"]\n");
    h_free(h);
}

/* ---- output style ---- */

static const char *env_none(const char *name)
{
    return strcmp(name, "TERM") == 0 ? "xterm" : NULL;
}
static const char *env_no_color(const char *name)
{
    if (strcmp(name, "NO_COLOR") == 0)
        return "1";
    return env_none(name);
}
static const char *env_no_color_empty(const char *name)
{
    if (strcmp(name, "NO_COLOR") == 0)
        return "";
    return env_none(name);
}
static const char *env_dumb(const char *name)
{
    return strcmp(name, "TERM") == 0 ? "dumb" : NULL;
}
static const char *env_no_term(const char *name)
{
    (void)name;
    return NULL;
}

static void test_repl_want_color(void **state)
{
    (void)state;
    assert_true(repl_want_color(COLOR_AUTO, false, true, env_none));
    assert_false(repl_want_color(COLOR_AUTO, false, false, env_none));
    assert_false(repl_want_color(COLOR_AUTO, false, true, env_no_color));
    assert_true(repl_want_color(COLOR_AUTO, false, true, env_no_color_empty));
    assert_false(repl_want_color(COLOR_AUTO, false, true, env_dumb));
    assert_false(repl_want_color(COLOR_AUTO, false, true, env_no_term));
    assert_true(repl_want_color(COLOR_ALWAYS, false, false, env_no_color));
    assert_false(repl_want_color(COLOR_NEVER, false, true, env_none));
    assert_false(repl_want_color(COLOR_ALWAYS, true, true, env_none));
}

static void test_repl_color_never_alone(void **state)
{
    (void)state;
    struct repl_opts o;
    memset(&o, 0, sizeof(o));
    o.color = true;
    struct h *h = h_opts(&o);
    feed(h, "MAINTAINER me");
    const char *c = out(h);
    assert_has(c, "\033[33m| warning: MaintainerDeprecated");
    h_free(h);
    memset(&o, 0, sizeof(o));
    h = h_opts(&o);
    feed(h, "MAINTAINER me");
    c = out(h);
    /* the same words without colour */
    assert_has(c, "| warning: MaintainerDeprecated");
    assert_lacks(c, "\033[");
    h_free(h);
}

static void test_repl_symbols(void **state)
{
    (void)state;
    struct h *h = h_new(true, false);
    assert_string_equal(repl_sym(&h->r, "arrow"), "→");
    feed(h, "FROM alpine");
    feed(h, ":undo");
    assert_has(out(h), "↶ undone: FROM alpine");
    feed(h, ":set plain on");
    assert_string_equal(repl_sym(&h->r, "arrow"), "->");
    feed(h, ":redo");
    const char *o = out(h);
    assert_has(o, "redone: FROM alpine");
    for (const char *p = o; *p; p++)
        assert_true((unsigned char)*p < 0x80);
    assert_string_equal(repl_sym(&h->r, "no such symbol"), "");
    h_free(h);
}

/* ---- line sources ---- */

static void test_repl_line_source_file(void **state)
{
    (void)state;
    char text[] = "FROM alpine\n:quit\nCMD [\"never\"]\n";
    FILE *in = fmemopen(text, strlen(text), "r");
    struct h *h = h_new(true, true);
    struct line_source *src = line_source_file(in, h->out);
    repl_run(&h->r, src);
    src->close(src);
    fclose(in);
    assert_true(h->r.quit);
    assert_string_equal(dockerfile(h), "FROM alpine\n");
    assert_has(out(h), "docksim> ");
    h_free(h);
}

/* A scripted line source: lines, with "^C" meaning Ctrl-C. */
struct fake_src {
    struct line_source base;
    const char *const *lines;
    size_t i;
    struct strlist remembered;
};

static enum line_status fake_read(struct line_source *src, const char *prompt,
                                  char **line)
{
    (void)prompt;
    struct fake_src *f = (struct fake_src *)src;
    const char *l = f->lines[f->i];
    if (!l)
        return LINE_EOF;
    f->i++;
    if (strcmp(l, "^C") == 0)
        return LINE_INTERRUPT;
    *line = xstrdup(l);
    return LINE_OK;
}

static void fake_remember(struct line_source *src, const char *line)
{
    struct fake_src *f = (struct fake_src *)src;
    strlist_push(&f->remembered, line);
}

static void test_repl_run_interrupt_and_eof(void **state)
{
    (void)state;
    const char *lines[] = { "FROM alpine", "RUN a \\", "^C", ":reset", "y",
                            "CMD [\"x\"]", "RUN <<EOF", "half", NULL };
    struct fake_src f = { { fake_read, fake_remember, NULL, NULL }, lines, 0,
                          { NULL, 0, false } };
    struct h *h = h_new(true, true);
    repl_run(&h->r, &f.base);
    /* ^C dropped "RUN a \"; the answer y is not remembered; EOF inside
     * the heredoc drops it */
    assert_string_equal(dockerfile(h), "CMD [\"x\"]\n");
    assert_int_equal(f.remembered.n, 6);
    assert_string_equal(f.remembered.v[3], "CMD [\"x\"]");
    assert_has(out(h), "cancelled the unfinished instruction");
    strlist_release(&f.remembered);
    /* :history lists what was typed */
    feed(h, ":history");
    assert_has(out(h), "   1  FROM alpine\n   2  RUN a \\\n   3  :reset\n");
    h_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repl_prompt_main),
        cmocka_unit_test(test_repl_prompt_continuation),
        cmocka_unit_test(test_repl_prompt_escape_directive),
        cmocka_unit_test(test_repl_prompt_json),
        cmocka_unit_test(test_repl_prompt_heredoc),
        cmocka_unit_test(test_repl_prompt_file_and_question),
        cmocka_unit_test(test_repl_prompt_help_matches),
        cmocka_unit_test(test_repl_dockerfile_note),
        cmocka_unit_test(test_repl_notes_off_and_quiet),
        cmocka_unit_test(test_repl_teaching_warnings),
        cmocka_unit_test(test_linenote_forms),
        cmocka_unit_test(test_linenote_errors),
        cmocka_unit_test(test_repl_paste_whole_dockerfile),
        cmocka_unit_test(test_repl_paste_strips_prompts),
        cmocka_unit_test(test_repl_paste_crlf),
        cmocka_unit_test(test_repl_long_line),
        cmocka_unit_test(test_repl_binary_garbage),
        cmocka_unit_test(test_repl_bare_colon_words),
        cmocka_unit_test(test_repl_undo_redo),
        cmocka_unit_test(test_repl_undo_docker_commands),
        cmocka_unit_test(test_repl_reset_asks),
        cmocka_unit_test(test_repl_questions_in_scripts),
        cmocka_unit_test(test_repl_file_in_context),
        cmocka_unit_test(test_repl_file_bad_names),
        cmocka_unit_test(test_repl_interrupt),
        cmocka_unit_test(test_repl_echo),
        cmocka_unit_test(test_repl_bail),
        cmocka_unit_test(test_repl_status_what_fails),
        cmocka_unit_test(test_repl_json),
        cmocka_unit_test(test_repl_explain),
        cmocka_unit_test(test_repl_want_color),
        cmocka_unit_test(test_repl_color_never_alone),
        cmocka_unit_test(test_repl_symbols),
        cmocka_unit_test(test_repl_line_source_file),
        cmocka_unit_test(test_repl_run_interrupt_and_eof),
    };
    int rc = cmocka_run_group_tests_name("repl", tests, NULL, NULL);
    flat(""); /* nothing to free: flat's buffer lives until exit */
    return rc;
}
