/*
 * test_dockerargs.c: the host shell's word splitting and docker CLI 28's
 * flag parsing, messages, help and command table (dockerargs.c,
 * dockertable.c). Every expected CLI text below was produced by the
 * docker 28.2.2 binary (help with a Linux daemon answering /_ping).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "dockerargs.h"
#include "sb.h"

/* ----- fixtures and helpers ----------------------------------------- */

static struct arena arena;

static int setup(void **state)
{
    (void)state;
    arena_init(&arena);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    arena_release(&arena);
    return 0;
}

/* The simulated host environment. */
static bool host_env(void *ctx, const char *name, const char **value)
{
    static const char *const vars[][2] = {
        { "HOME", "/home/learner" },
        { "X", "one  two" },
        { "EMPTY", "" },
        { "L", " lead trail " },
        { "T", "a\tb" },
        { "USER", "learner" },
        { "GREETING", "hello" },
    };
    (void)ctx;
    for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
        if (strcmp(vars[i][0], name) == 0) {
            *value = vars[i][1];
            return true;
        }
    }
    return false;
}

/* Split line and join the words as "[w1][w2]..." (or "ERR: msg"). */
static const char *split(const char *line)
{
    struct shellwords w;
    const char *err;
    if (shellwords_split(&arena, line, host_env, NULL, &w, &err) < 0) {
        assert_non_null(err);
        assert_int_equal(w.n, 0);
        return arena_printf(&arena, "ERR: %s", err);
    }
    assert_null(err);
    assert_null(w.words[w.n]);
    struct sb s = SB_INIT;
    for (size_t i = 0; i < w.n; i++)
        sb_addf(&s, "[%s]", w.words[i]);
    char *r = arena_strdup(&arena, s.buf);
    sb_release(&s);
    return r;
}

struct result {
    int rc;
    int exit_code;
    const char *err;      /* stderr text */
    struct dparsed p;
    const struct dcmd_def *cmd;
};

/* Split a "docker ..." line (without "docker"), find and parse it. */
static struct result cli(const char *line)
{
    struct result r = { 0 };
    struct shellwords w;
    const char *serr;
    size_t used;
    struct sb err = SB_INIT;
    assert_int_equal(shellwords_split(&arena, line, NULL, NULL, &w, &serr), 0);
    r.cmd = dcli_find(w.words, w.n, &used);
    assert_non_null(r.cmd);
    r.rc = dcli_parse(&arena, r.cmd, w.words + used, w.n - used, &r.p, &err,
                      &r.exit_code);
    r.err = arena_strdup(&arena, err.buf);
    sb_release(&err);
    if (r.rc == 0) {
        assert_int_equal(r.exit_code, 0);
        assert_string_equal(r.err, "");
    }
    return r;
}

/* The Usage/Run footer of a flag error for `docker run`. */
#define RUN_USAGE "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]"
#define RUN_FOOTER                                                          \
    "\n\n" RUN_USAGE "\n\nRun 'docker run --help' for more information\n"

static void expect_flag_error(const char *line, const char *msg,
                              const char *footer)
{
    struct result r = cli(line);
    assert_int_equal(r.rc, -1);
    assert_int_equal(r.exit_code, 125);
    char *want = arena_printf(&arena, "%s%s", msg, footer);
    assert_string_equal(r.err, want);
    assert_string_equal(r.p.notices, "");
}

static void expect_run_error(const char *args, const char *msg)
{
    expect_flag_error(arena_printf(&arena, "run %s", args), msg, RUN_FOOTER);
}

static void expect_ok(const char *line)
{
    struct result r = cli(line);
    if (r.rc != 0)
        fail_msg("%s: %s", line, r.err);
}

/* ----- shellwords ---------------------------------------------------- */

static void test_shellwords_blanks_and_quotes(void **state)
{
    (void)state;
    assert_string_equal(split("  docker   ps  "), "[docker][ps]");
    assert_string_equal(split("docker\trun\tbb"), "[docker][run][bb]");
    assert_string_equal(split(""), "");
    assert_string_equal(split("   "), "");
    assert_string_equal(split("echo 'a  b' \"c  d\""), "[echo][a  b][c  d]");
    assert_string_equal(split("echo '' \"\" x"), "[echo][][][x]");
    assert_string_equal(split("echo a'b'\"c\"d"), "[echo][abcd]");
    assert_string_equal(split("echo a\\ b \\\"c\\\" \\\\"),
                        "[echo][a b][\"c\"][\\]");
    /* in "...", a backslash only escapes $ ` " \ and newline */
    assert_string_equal(split("echo \"a\\$b \\`c\\` \\\"d\\\" \\\\e \\x\""),
                        "[echo][a$b `c` \"d\" \\e \\x]");
    assert_string_equal(split("echo 'a\\b' 'it'\\''s'"), "[echo][a\\b][it's]");
    assert_string_equal(split("echo a\\\nb"), "[echo][ab]");
    assert_string_equal(split("sh -c 'echo $HOME; ls | wc'"),
                        "[sh][-c][echo $HOME; ls | wc]");
    /* globs stay literal: no pathname expansion */
    assert_string_equal(split("echo *.txt [a] ?"), "[echo][*.txt][[a]][?]");
}

static void test_shellwords_host_variables(void **state)
{
    (void)state;
    /* the host's $HOME, not the container's */
    assert_string_equal(split("docker run ubuntu echo $HOME"),
                        "[docker][run][ubuntu][echo][/home/learner]");
    assert_string_equal(split("echo $X"), "[echo][one][two]");
    assert_string_equal(split("echo \"$X\""), "[echo][one  two]");
    assert_string_equal(split("-e \"A=$X\""), "[-e][A=one  two]");
    assert_string_equal(split("echo a$X\"b\""), "[echo][aone][twob]");
    assert_string_equal(split("echo ${X}z ${USER}"),
                        "[echo][one][twoz][learner]");
    assert_string_equal(split("echo $UNSET end"), "[echo][end]");
    assert_string_equal(split("echo \"$UNSET\" end"), "[echo][][end]");
    assert_string_equal(split("echo $EMPTY$EMPTY x"), "[echo][x]");
    /* $L ends in a blank, so the quoted part starts a new word */
    assert_string_equal(split("echo $L\"$L\"$L"),
                        "[echo][lead][trail][ lead trail ][lead][trail]");
    assert_string_equal(split("echo a$L\"b\""), "[echo][a][lead][trail][b]");
    assert_string_equal(split("echo $T x${T}y"), "[echo][a][b][xa][by]");
    assert_string_equal(split("echo '$X' \"$\" $ a$ $/"),
                        "[echo][$X][$][$][a$][$/]");
    assert_string_equal(split("echo $GREETING_x ${GREETING}_x"),
                        "[echo][hello_x]");
    /* no env at all: everything is unset */
    struct shellwords w;
    const char *err;
    assert_int_equal(shellwords_split(&arena, "echo $HOME ~ x", NULL, NULL,
                                      &w, &err),
                     0);
    assert_int_equal(w.n, 3);
    assert_string_equal(w.words[1], "~");
}

static void test_shellwords_special_parameters(void **state)
{
    (void)state;
    assert_string_equal(split("echo $? $# \"$@\" x$1y \"$*\" \"a$@\" $0"),
                        "[echo][0][0][xy][][a]");
    assert_string_equal(split("echo '$$' \"\\$\\$\""), "[echo][$$][$$]");
}

static void test_shellwords_tilde_and_comments(void **state)
{
    (void)state;
    assert_string_equal(split("docker run -v ~/data:/data bb"),
                        "[docker][run][-v][/home/learner/data:/data][bb]");
    assert_string_equal(split("echo ~ a~ ~root \"~\" '~/x' \\~"),
                        "[echo][/home/learner][a~][~root][~][~/x][~]");
    assert_string_equal(split("docker ps # list them"), "[docker][ps]");
    assert_string_equal(split("# only a comment"), "");
    assert_string_equal(split("echo a#b '#c' \\#d"), "[echo][a#b][#c][#d]");
}

static void test_shellwords_errors(void **state)
{
    (void)state;
    static const struct {
        const char *line;
        const char *err;
    } cases[] = {
        { "echo 'abc", "unterminated quote: add the closing '" },
        { "echo \"abc", "unterminated quote: add the closing \"" },
        { "echo \"a'b", "unterminated quote: add the closing \"" },
        { "docker ps | grep x",
          "'|' (a pipe) is not supported: type one docker command per line" },
        { "docker ps; ls",
          "';' is not supported: type one docker command per line" },
        { "a && b", "'&&' is not supported: type one docker command per line" },
        { "a || b", "'||' is not supported: type one docker command per line" },
        { "docker run bb &",
          "'&' (run in the background) is not supported: use 'docker run "
          "-d' to run a container in the background" },
        { "docker ps > out.txt",
          "'<' and '>' (redirections) are not supported: docksim shows the "
          "output; quote the character to pass it to docker" },
        { "docker run -i bb cat < f",
          "'<' and '>' (redirections) are not supported: docksim shows the "
          "output; quote the character to pass it to docker" },
        { "docker logs c 2>&1",
          "'<' and '>' (redirections) are not supported: docksim shows the "
          "output; quote the character to pass it to docker" },
        { "echo $(date)",
          "'$(...)' and '`...`' (command substitution) are not supported: "
          "type the value itself" },
        { "echo \"$(date)\"",
          "'$(...)' and '`...`' (command substitution) are not supported: "
          "type the value itself" },
        { "echo `date`",
          "'$(...)' and '`...`' (command substitution) are not supported: "
          "type the value itself" },
        { "echo \"`date`\"",
          "'$(...)' and '`...`' (command substitution) are not supported: "
          "type the value itself" },
        { "echo $((1+2))",
          "'$(...)' and '`...`' (command substitution) are not supported: "
          "type the value itself" },
        { "echo ${X:-a}",
          "'${...}' with an operator is not supported: use $NAME or "
          "${NAME}, or put it in single quotes" },
        { "echo ${#X}",
          "'${...}' with an operator is not supported: use $NAME or "
          "${NAME}, or put it in single quotes" },
        { "echo ${X", "unterminated '${': add the closing }" },
        { "echo x \\",
          "a '\\' at the end of the line continues it in a shell: docksim "
          "reads one line, so remove it" },
        { "echo $$",
          "'$$' and '$!' (host process ids) are not simulated: put them in "
          "single quotes to pass them literally" },
        { "echo (a)",
          "'(' and ')' are shell syntax: quote them to pass them to docker" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *want = arena_printf(&arena, "ERR: %s", cases[i].err);
        assert_string_equal(split(cases[i].line), want);
    }
    /* quoted, the same characters are plain text */
    assert_string_equal(split("echo '|' \";\" \\& '>' \"(\" '`' '$(x)'"),
                        "[echo][|][;][&][>][(][`][$(x)]");
}

/* ----- command table ------------------------------------------------- */

static void test_dockertable_is_consistent(void **state)
{
    (void)state;
    assert_int_equal(dcli_n_commands, 39);
    for (size_t i = 0; i < dcli_n_commands; i++) {
        const struct dcmd_def *c = &dcli_commands[i];
        const char *last = strrchr(c->path, ' ');
        last = last ? last + 1 : c->path;
        /* Use starts with the command's name */
        assert_int_equal(strncmp(c->use, last, strlen(last)), 0);
        assert_true(c->use[strlen(last)] == ' ' || c->use[strlen(last)] == 0);
        assert_non_null(c->short_desc);
        assert_true(c->max_args == -1 || c->max_args >= c->min_args);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(dcli_commands[j].path, c->path);
        if (c->alias_of) {
            size_t used;
            char *w[2] = { (char *)c->alias_of, NULL };
            const struct dcmd_def *t = dcli_find(w, 1, &used);
            assert_non_null(t);
            assert_null(t->alias_of);
            assert_ptr_equal(t->flags, c->flags);
            assert_string_equal(t->short_desc, c->short_desc);
        }
        /* flags: sorted, unique names and shorthands, help present */
        const struct dflag_def *help = NULL;
        for (const struct dflag_def *f = c->flags; f->name; f++) {
            if (f != c->flags)
                assert_true(strcmp(f[-1].name, f->name) < 0);
            for (const struct dflag_def *g = c->flags; g != f; g++)
                assert_true(!f->shorthand || g->shorthand != f->shorthand);
            assert_non_null(f->usage);
            if (f->same_value_as) {
                const struct dflag_def *t = dcli_flag(c, f->same_value_as);
                assert_non_null(t);
                assert_int_equal(t->type, f->type);
                assert_true(f->attrs & DFA_HIDDEN);
            }
            assert_true((f->type == DFLAG_BOOL) == (f->varname == NULL));
            if (strcmp(f->name, "help") == 0)
                help = f;
        }
        assert_non_null(help);
        assert_true(help->simulated);
        bool runlike = strcmp(last, "run") == 0 || strcmp(last, "create") == 0;
        assert_int_equal(help->shorthand, runlike ? 0 : 'h');
        if (runlike) {
            assert_false(c->interspersed);
            assert_string_equal(dcli_flag(c, "hostname")->name, "hostname");
            assert_int_equal(dcli_flag(c, "hostname")->shorthand, 'h');
        } else {
            assert_true(help->attrs & DFA_HIDDEN);
            assert_string_equal(help->shorthand_deprecated, "use --help");
        }
    }
}

static const struct dcmd_def *find(const char *line, size_t *used)
{
    struct shellwords w;
    const char *err;
    assert_int_equal(shellwords_split(&arena, line, NULL, NULL, &w, &err), 0);
    return dcli_find(w.words, w.n, used);
}

static void test_dockertable_lookup_and_aliases(void **state)
{
    (void)state;
    static const struct {
        const char *line, *path, *alias_of;
        size_t used;
    } cases[] = {
        { "run bb", "run", NULL, 1 },
        { "container run bb", "container run", "run", 2 },
        { "container create bb", "container create", "create", 2 },
        { "container start c", "container start", "start", 2 },
        { "container stop c", "container stop", "stop", 2 },
        { "container kill c", "container kill", "kill", 2 },
        { "container restart c", "container restart", "restart", 2 },
        { "container rm c", "container rm", "rm", 2 },
        { "container remove c", "container rm", "rm", 2 },
        { "container logs c", "container logs", "logs", 2 },
        { "container wait c", "container wait", "wait", 2 },
        { "container exec c ls", "container exec", "exec", 2 },
        { "container top c", "container top", "top", 2 },
        { "container ls", "container ls", "ps", 2 },
        { "container list", "container ls", "ps", 2 },
        { "container ps", "container ls", "ps", 2 },
        { "container inspect c", "container inspect", NULL, 2 },
        { "ps -a", "ps", NULL, 1 },
        { "images", "images", NULL, 1 },
        { "image ls", "image ls", "images", 2 },
        { "image list", "image ls", "images", 2 },
        { "image rm x", "image rm", "rmi", 2 },
        { "image remove x", "image rm", "rmi", 2 },
        { "rmi x", "rmi", NULL, 1 },
        { "image history x", "image history", "history", 2 },
        { "history x", "history", NULL, 1 },
        { "image tag a b", "image tag", "tag", 2 },
        { "tag a b", "tag", NULL, 1 },
        { "image inspect x", "image inspect", NULL, 2 },
        { "inspect x", "inspect", NULL, 1 },
        { "image build .", "image build", "build", 2 },
        { "builder build .", "builder build", "build", 2 },
        { "build .", "build", NULL, 1 },
        { "version", "version", NULL, 1 },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t used = 99;
        const struct dcmd_def *c = find(cases[i].line, &used);
        assert_non_null(c);
        assert_string_equal(c->path, cases[i].path);
        if (cases[i].alias_of)
            assert_string_equal(c->alias_of, cases[i].alias_of);
        else
            assert_null(c->alias_of);
        assert_int_equal(used, cases[i].used);
    }
    size_t used = 99;
    assert_null(find("foo", &used));
    assert_int_equal(used, 0);
    assert_null(find("container", &used));
    assert_int_equal(used, 1);
    assert_null(find("image foo", &used));
    assert_int_equal(used, 1);
    assert_null(find("ls", &used)); /* not a top-level command */
    assert_int_equal(used, 0);
    assert_null(find("", &used));
    assert_int_equal(used, 0);
    assert_true(dcli_is_docker_command("pull"));
    assert_true(dcli_is_docker_command("network"));
    assert_false(dcli_is_docker_command("ls"));
    assert_false(dcli_is_docker_command("foo"));
}

/* ----- parsing: the grammar ------------------------------------------ */

static void test_dcli_run_stops_at_the_image(void **state)
{
    (void)state;
    struct result r = cli("run bb -e");
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.p.n_flags, 0);
    assert_int_equal(r.p.n_args, 2);
    assert_string_equal(r.p.args[0], "bb");
    assert_string_equal(r.p.args[1], "-e");
    assert_null(r.p.args[2]);

    r = cli("run bb --rm echo");
    assert_int_equal(r.rc, 0);
    assert_false(dparsed_changed(&r.p, "rm"));
    assert_int_equal(r.p.n_args, 3);
    assert_string_equal(r.p.args[1], "--rm");

    r = cli("run bb -p 80:80");
    assert_int_equal(r.p.n_args, 3);
    assert_null(dparsed_get(&r.p, "publish"));

    /* -- before the image ends the options and is dropped */
    r = cli("run --rm -- bb echo hi");
    assert_string_equal(dparsed_get(&r.p, "rm"), "true");
    assert_int_equal(r.p.n_args, 3);
    assert_string_equal(r.p.args[0], "bb");

    /* after the image it is a word like any other */
    r = cli("run bb -- echo x");
    assert_int_equal(r.p.n_args, 4);
    assert_string_equal(r.p.args[1], "--");

    r = cli("run -- --rm -d");
    assert_int_equal(r.p.n_flags, 0);
    assert_string_equal(r.p.args[0], "--rm");

    /* a lone - is a positional (the image here) */
    r = cli("run -d - x");
    assert_string_equal(dparsed_get(&r.p, "detach"), "true");
    assert_string_equal(r.p.args[0], "-");
    assert_string_equal(r.p.args[1], "x");

    /* -h is --hostname for run and create */
    r = cli("run -h web bb");
    assert_string_equal(dparsed_get(&r.p, "hostname"), "web");
    assert_false(r.p.help);
    r = cli("create -hweb bb");
    assert_string_equal(dparsed_get(&r.p, "hostname"), "web");
}

static void test_dcli_values_and_grouped_shorthands(void **state)
{
    (void)state;
    struct result r = cli("run -dit --rm=false -e A=1 -eB=2 --env=C=3 "
                          "--env D=4=5 -e=E -e F --name x --name=y=z bb");
    assert_int_equal(r.rc, 0);
    assert_string_equal(dparsed_get(&r.p, "detach"), "true");
    assert_string_equal(dparsed_get(&r.p, "interactive"), "true");
    assert_string_equal(dparsed_get(&r.p, "tty"), "true");
    assert_string_equal(dparsed_get(&r.p, "rm"), "false");
    assert_true(dparsed_changed(&r.p, "rm"));
    assert_false(dparsed_changed(&r.p, "workdir"));
    assert_string_equal(dparsed_get(&r.p, "name"), "y=z"); /* last wins */
    const char **env;
    assert_int_equal(dparsed_all(&r.p, "env", &env, &arena), 6);
    assert_string_equal(env[0], "A=1");
    assert_string_equal(env[1], "B=2");
    assert_string_equal(env[2], "C=3");
    assert_string_equal(env[3], "D=4=5");
    assert_string_equal(env[4], "E"); /* -e=E: the value after '=' */
    assert_string_equal(env[5], "F");
    assert_null(env[6]);
    assert_int_equal(dparsed_all(&r.p, "volume", &env, &arena), 0);
    assert_null(env[0]);
    /* flags are kept in the order given */
    assert_string_equal(r.p.flags[0].def->name, "detach");
    assert_string_equal(r.p.flags[1].def->name, "interactive");
    assert_string_equal(r.p.flags[2].def->name, "tty");

    /* bools accept Go's ParseBool words, stored as true/false */
    r = cli("run --tty=1 -i=F --init=True --privileged=f -d=T bb");
    assert_string_equal(dparsed_get(&r.p, "tty"), "true");
    assert_string_equal(dparsed_get(&r.p, "interactive"), "false");
    assert_string_equal(dparsed_get(&r.p, "init"), "true");
    assert_string_equal(dparsed_get(&r.p, "privileged"), "false");
    assert_string_equal(dparsed_get(&r.p, "detach"), "true");

    /* a value-taking shorthand ends the group and takes the rest */
    r = cli("run -itw/app -ePATH=/x bb");
    assert_string_equal(dparsed_get(&r.p, "workdir"), "/app");
    assert_string_equal(dparsed_get(&r.p, "env"), "PATH=/x");
    r = cli("run -ie X bb");
    assert_string_equal(dparsed_get(&r.p, "env"), "X");
    /* the next word is a value even if it looks like a flag */
    r = cli("run --name --rm bb");
    assert_string_equal(dparsed_get(&r.p, "name"), "--rm");
    assert_false(dparsed_changed(&r.p, "rm"));
    /* --flag= gives an empty string value */
    r = cli("run --entrypoint= --name= bb");
    assert_string_equal(dparsed_get(&r.p, "entrypoint"), "");
    assert_true(dparsed_changed(&r.p, "entrypoint"));
    /* -a values are lower-cased like the CLI keeps them */
    r = cli("run -a STDIN -a=StdOut bb");
    const char **att;
    assert_int_equal(dparsed_all(&r.p, "attach", &att, &arena), 2);
    assert_string_equal(att[0], "stdin");
    assert_string_equal(att[1], "stdout");
    /* hidden but real flags are accepted */
    r = cli("run --net=host --net-alias a --dns-opt x --cpu-count 1 bb");
    assert_int_equal(r.rc, 0);
    assert_string_equal(dparsed_get(&r.p, "cpu-count"), "1");
    /* --net is another name of --network's value (and so on) */
    assert_null(dparsed_get(&r.p, "net"));
    assert_string_equal(dparsed_get(&r.p, "network"), "host");
    assert_string_equal(dparsed_get(&r.p, "network-alias"), "a");
    assert_string_equal(dparsed_get(&r.p, "dns-option"), "x");
    r = cli("create --network a --net b bb");
    const char **nets;
    assert_int_equal(dparsed_all(&r.p, "network", &nets, &arena), 2);
    assert_string_equal(nets[1], "b");
    expect_run_error("--net", "flag needs an argument: --net");
    assert_true(dcli_flag(r.cmd, "net")->simulated);
    assert_false(dcli_flag(r.cmd, "net-alias")->simulated);
    assert_true(dcli_flag(r.cmd, "env")->simulated);
    assert_false(dcli_flag(r.cmd, "cpu-shares")->simulated);
}

static void test_dcli_interspersed_commands(void **state)
{
    (void)state;
    struct result r = cli("stop a -t 5 b --signal=KILL c");
    assert_int_equal(r.rc, 0);
    assert_int_equal(r.p.n_args, 3);
    assert_string_equal(r.p.args[2], "c");
    assert_string_equal(dparsed_get(&r.p, "timeout"), "5");
    assert_string_equal(dparsed_get(&r.p, "signal"), "KILL");
    r = cli("logs c -f -n 3 -t");
    assert_string_equal(dparsed_get(&r.p, "tail"), "3");
    assert_string_equal(dparsed_get(&r.p, "timestamps"), "true");
    r = cli("stop -- -x");
    assert_string_equal(r.p.args[0], "-x");
    /* exec, top and tag stop at the first positional */
    r = cli("exec -it c ls -la");
    assert_int_equal(r.p.n_args, 3);
    assert_string_equal(r.p.args[2], "-la");
    r = cli("top c -ef");
    assert_string_equal(r.p.args[1], "-ef");
    r = cli("tag a --zzz");
    assert_int_equal(r.rc, 0);
    assert_string_equal(r.p.args[1], "--zzz");
    /* numbers in Go syntax */
    expect_ok("run --stop-timeout 0x10 --pids-limit=-0b11 --cpu-shares 017 "
              "--oom-score-adj +5 --health-retries 1_0 bb");
    expect_ok("run --blkio-weight 65535 --io-maxiops 18446744073709551615 bb");
    expect_ok("run --stop-timeout 9223372036854775807 bb");
    expect_ok("run --stop-timeout -9223372036854775808 bb");
    expect_ok("run --health-interval 1.5h3m --health-timeout=-1s bb");
    expect_ok("run --cpus 0x1 --cpus 1_0 --cpus .5 --cpus 5. --cpus 1.5e3 "
              "--cpus 0.000000001 --cpus 1/4 --cpus -1/4 --cpus 0x10/0b10 bb");
    expect_ok("run -m 1.5g -m '1 g' -m 1KiB -m 1Kib -m 10 -m '1 ' "
              "--memory-swap -1 --shm-size 64m bb");
    expect_ok("run -l a=b -l a --dns ' 1.2.3.4' --dns ::1 --add-host "
              "a:1.2.3.4 --add-host a=[::1] --add-host a=host-gateway "
              "--link a:b --link c bb");
    expect_ok("run --ulimit nofile=1:2 --ulimit nofile=-1:-1 --ulimit "
              "nproc=010 --device-cgroup-rule 'c 1:3 mr' "
              "--device-cgroup-rule 'a *:* rwm' bb");
    expect_ok("run --sysctl net.x=1 --sysctl kernel.sem=1 --sysctl "
              "fs.mqueue.a=1 --sysctl kernel.shmmax= bb");
    expect_ok("ps --filter a= -f '' --filter status=exited");
}

/* ----- parsing: the messages ----------------------------------------- */

static void test_dcli_pflag_messages(void **state)
{
    (void)state;
    expect_run_error("--foo", "unknown flag: --foo");
    expect_run_error("--foo=1 bb", "unknown flag: --foo");
    expect_run_error("-zq", "unknown shorthand flag: 'z' in -zq");
    expect_run_error("-iz", "unknown shorthand flag: 'z' in -z");
    expect_run_error("-t=", "unknown shorthand flag: '=' in -=");
    expect_run_error("-e", "flag needs an argument: 'e' in -e");
    expect_run_error("-ie", "flag needs an argument: 'e' in -e");
    expect_run_error("-e A=B -v", "flag needs an argument: 'v' in -v");
    expect_run_error("-h", "flag needs an argument: 'h' in -h");
    expect_run_error("--name", "flag needs an argument: --name");
    expect_run_error("--env", "flag needs an argument: --env");
    expect_run_error("--=x", "bad flag syntax: --=x");
    expect_run_error("---foo", "bad flag syntax: ---foo");
    expect_run_error("--rm=maybe bb",
                     "invalid argument \"maybe\" for \"--rm\" flag: "
                     "strconv.ParseBool: parsing \"maybe\": invalid syntax");
    expect_run_error("--rm=",
                     "invalid argument \"\" for \"--rm\" flag: "
                     "strconv.ParseBool: parsing \"\": invalid syntax");
    expect_run_error("-it=x",
                     "invalid argument \"x\" for \"-t, --tty\" flag: "
                     "strconv.ParseBool: parsing \"x\": invalid syntax");
    expect_run_error("--stop-timeout x",
                     "invalid argument \"x\" for \"--stop-timeout\" flag: "
                     "strconv.ParseInt: parsing \"x\": invalid syntax");
    expect_run_error("-c x", "invalid argument \"x\" for \"-c, --cpu-shares\" "
                             "flag: strconv.ParseInt: parsing \"x\": invalid "
                             "syntax");
    expect_run_error("--stop-timeout 99999999999999999999",
                     "invalid argument \"99999999999999999999\" for "
                     "\"--stop-timeout\" flag: strconv.ParseInt: parsing "
                     "\"99999999999999999999\": value out of range");
    expect_run_error("--stop-timeout 9223372036854775808",
                     "invalid argument \"9223372036854775808\" for "
                     "\"--stop-timeout\" flag: strconv.ParseInt: parsing "
                     "\"9223372036854775808\": value out of range");
    expect_run_error("--stop-timeout 08",
                     "invalid argument \"08\" for \"--stop-timeout\" flag: "
                     "strconv.ParseInt: parsing \"08\": invalid syntax");
    expect_run_error("--stop-timeout 0x",
                     "invalid argument \"0x\" for \"--stop-timeout\" flag: "
                     "strconv.ParseInt: parsing \"0x\": invalid syntax");
    expect_run_error("--stop-timeout _1",
                     "invalid argument \"_1\" for \"--stop-timeout\" flag: "
                     "strconv.ParseInt: parsing \"_1\": invalid syntax");
    expect_run_error("--stop-timeout 1_",
                     "invalid argument \"1_\" for \"--stop-timeout\" flag: "
                     "strconv.ParseInt: parsing \"1_\": invalid syntax");
    expect_run_error("--stop-timeout 1__0",
                     "invalid argument \"1__0\" for \"--stop-timeout\" flag: "
                     "strconv.ParseInt: parsing \"1__0\": invalid syntax");
    expect_run_error("--stop-timeout +",
                     "invalid argument \"+\" for \"--stop-timeout\" flag: "
                     "strconv.ParseInt: parsing \"+\": invalid syntax");
    expect_run_error("--blkio-weight 70000",
                     "invalid argument \"70000\" for \"--blkio-weight\" flag: "
                     "strconv.ParseUint: parsing \"70000\": value out of "
                     "range");
    expect_run_error("--io-maxiops -1",
                     "invalid argument \"-1\" for \"--io-maxiops\" flag: "
                     "strconv.ParseUint: parsing \"-1\": invalid syntax");
    expect_run_error("--health-interval x",
                     "invalid argument \"x\" for \"--health-interval\" flag: "
                     "time: invalid duration \"x\"");
    expect_run_error("--health-interval 1",
                     "invalid argument \"1\" for \"--health-interval\" flag: "
                     "time: missing unit in duration \"1\"");
    expect_run_error("--health-interval ''",
                     "invalid argument \"\" for \"--health-interval\" flag: "
                     "time: invalid duration \"\"");
}

static void test_dcli_value_check_messages(void **state)
{
    (void)state;
    expect_run_error("-e =x", "invalid argument \"=x\" for \"-e, --env\" "
                              "flag: invalid environment variable: =x");
    expect_run_error("--env=", "invalid argument \"\" for \"-e, --env\" flag: "
                               "invalid environment variable: ");
    expect_run_error("-e=", "invalid argument \"=\" for \"-e, --env\" flag: "
                            "invalid environment variable: =");
    /* Go quotes the value (%q) but not the validator's copy */
    expect_run_error("-e '=\x01\"\\\xc3\xa9\xff'",
                     "invalid argument \"=\\x01\\\"\\\\\xc3\xa9\\xff\" for "
                     "\"-e, --env\" flag: invalid environment variable: "
                     "=\x01\"\\\xc3\xa9\xff");
    expect_run_error("-a foo", "invalid argument \"foo\" for \"-a, --attach\" "
                               "flag: valid streams are STDIN, STDOUT and "
                               "STDERR");
    expect_run_error("-l =x", "invalid argument \"=x\" for \"-l, --label\" "
                              "flag: invalid label '=x': empty name");
    expect_run_error("-l ' =x'", "invalid argument \" =x\" for \"-l, --label\" "
                                 "flag: invalid label ' =x': empty name");
    expect_run_error("-l 'a b=c'", "invalid argument \"a b=c\" for \"-l, "
                                   "--label\" flag: label 'a b' contains "
                                   "whitespaces");
    expect_run_error("--dns x", "invalid argument \"x\" for \"--dns\" flag: "
                                "IP address is not correctly formatted: x");
    expect_run_error("--dns 01.2.3.4",
                     "invalid argument \"01.2.3.4\" for \"--dns\" flag: IP "
                     "address is not correctly formatted: 01.2.3.4");
    expect_run_error("--add-host x",
                     "invalid argument \"x\" for \"--add-host\" flag: bad "
                     "format for add-host: \"x\"");
    expect_run_error("--add-host :1.2.3.4",
                     "invalid argument \":1.2.3.4\" for \"--add-host\" flag: "
                     "bad format for add-host: \":1.2.3.4\"");
    expect_run_error("--add-host a:b:c",
                     "invalid argument \"a:b:c\" for \"--add-host\" flag: "
                     "invalid IP address in add-host: \"b:c\"");
    expect_run_error("--add-host a=b", "invalid argument \"a=b\" for "
                                       "\"--add-host\" flag: invalid IP "
                                       "address in add-host: \"b\"");
    expect_run_error("--link a:b:c", "invalid argument \"a:b:c\" for "
                                     "\"--link\" flag: bad format for links: "
                                     "a:b:c");
    expect_run_error("--link ''", "invalid argument \"\" for \"--link\" flag: "
                                  "empty string specified for links");
    expect_run_error("--device-cgroup-rule x",
                     "invalid argument \"x\" for \"--device-cgroup-rule\" "
                     "flag: invalid device cgroup format 'x'");
    expect_run_error("--device-cgroup-rule 'c 1:3 mrwx'",
                     "invalid argument \"c 1:3 mrwx\" for "
                     "\"--device-cgroup-rule\" flag: invalid device cgroup "
                     "format 'c 1:3 mrwx'");
    expect_run_error("--sysctl kernel.foo=1",
                     "invalid argument \"kernel.foo=1\" for \"--sysctl\" "
                     "flag: sysctl 'kernel.foo=1' is not allowed");
    expect_run_error("--sysctl net.x", "invalid argument \"net.x\" for "
                                       "\"--sysctl\" flag: sysctl 'net.x' is "
                                       "not allowed");
    expect_run_error("--ulimit x", "invalid argument \"x\" for \"--ulimit\" "
                                   "flag: invalid ulimit argument: x");
    expect_run_error("--ulimit x=1", "invalid argument \"x=1\" for "
                                     "\"--ulimit\" flag: invalid ulimit type: "
                                     "x");
    expect_run_error("--ulimit nofile=1:2:3",
                     "invalid argument \"nofile=1:2:3\" for \"--ulimit\" "
                     "flag: too many limit value arguments - 1:2:3, can only "
                     "have up to two, `soft[:hard]`");
    expect_run_error("--ulimit nofile=3:2",
                     "invalid argument \"nofile=3:2\" for \"--ulimit\" flag: "
                     "ulimit soft limit must be less than or equal to hard "
                     "limit: 3 > 2");
    expect_run_error("--ulimit nofile=", "invalid argument \"nofile=\" for "
                                         "\"--ulimit\" flag: strconv.ParseInt: "
                                         "parsing \"\": invalid syntax");
    expect_run_error("--ulimit nofile=0x10",
                     "invalid argument \"nofile=0x10\" for \"--ulimit\" flag: "
                     "strconv.ParseInt: parsing \"0x10\": invalid syntax");
    expect_run_error("--cpus x", "invalid argument \"x\" for \"--cpus\" flag: "
                                 "failed to parse x as a rational number");
    expect_run_error("--cpus ''", "invalid argument \"\" for \"--cpus\" flag: "
                                  "failed to parse  as a rational number");
    expect_run_error("--cpus 1/0", "invalid argument \"1/0\" for \"--cpus\" "
                                   "flag: failed to parse 1/0 as a rational "
                                   "number");
    expect_run_error("--cpus 1e-10", "invalid argument \"1e-10\" for "
                                     "\"--cpus\" flag: value is too precise");
    expect_run_error("--cpus 1/3", "invalid argument \"1/3\" for \"--cpus\" "
                                   "flag: value is too precise");
    expect_run_error("--cpus 1/1024", "invalid argument \"1/1024\" for "
                                      "\"--cpus\" flag: value is too precise");
    expect_run_error("--cpus 0.0000000001",
                     "invalid argument \"0.0000000001\" for \"--cpus\" flag: "
                     "value is too precise");
    expect_run_error("-m x", "invalid argument \"x\" for \"-m, --memory\" "
                             "flag: invalid size: 'x'");
    expect_run_error("-m -1", "invalid argument \"-1\" for \"-m, --memory\" "
                              "flag: invalid size: '-1'");
    expect_run_error("-m ''", "invalid argument \"\" for \"-m, --memory\" "
                              "flag: invalid size: ''");
    expect_run_error("-m 1kbb", "invalid argument \"1kbb\" for \"-m, "
                                "--memory\" flag: invalid suffix: 'kbb'");
    expect_run_error("-m 1KBBB", "invalid argument \"1KBBB\" for \"-m, "
                                 "--memory\" flag: invalid suffix: 'KBBB'");
    expect_run_error("--shm-size 1X", "invalid argument \"1X\" for "
                                      "\"--shm-size\" flag: invalid suffix: "
                                      "'x'");
    expect_run_error("-m 1.2.3", "invalid argument \"1.2.3\" for \"-m, "
                                 "--memory\" flag: strconv.ParseFloat: "
                                 "parsing \"1.2.3\": invalid syntax");
    expect_run_error("-m 1e999", "invalid argument \"1e999\" for \"-m, "
                                 "--memory\" flag: strconv.ParseFloat: "
                                 "parsing \"1e999\": value out of range");
    expect_run_error("-m .", "invalid argument \".\" for \"-m, --memory\" "
                             "flag: strconv.ParseFloat: parsing \".\": "
                             "invalid syntax");
    expect_run_error("--memory-swap x", "invalid argument \"x\" for "
                                        "\"--memory-swap\" flag: invalid "
                                        "size: 'x'");
    expect_flag_error("ps --filter x",
                      "invalid argument \"x\" for \"-f, --filter\" flag: bad "
                      "format of filter (expected name=value)",
                      "\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps "
                      "--help' for more information\n");
    expect_flag_error("exec -e =x",
                      "invalid argument \"=x\" for \"-e, --env\" flag: invalid "
                      "environment variable: =x",
                      "\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND "
                      "[ARG...]\n\nRun 'docker exec --help' for more "
                      "information\n");
    /* buildx's --build-arg is a plain StringArray: checked later */
    struct result ok = cli("build --build-arg =x .");
    assert_int_equal(ok.rc, 0);
}

static void test_dcli_shorthand_is_quoted_like_go(void **state)
{
    (void)state;
    /* Go's %q of the byte, as a rune: 'Ã' for the first byte of é */
    expect_run_error("-\xc3\xa9",
                     "unknown shorthand flag: '\xc3\x83' in -\xc3\xa9");
    expect_run_error("-\x01", "unknown shorthand flag: '\\x01' in -\x01");
    expect_run_error("-\x7f", "unknown shorthand flag: '\\x7f' in -\x7f");
    expect_run_error("'-\\'", "unknown shorthand flag: '\\\\' in -\\");
    expect_run_error("\"-'\"", "unknown shorthand flag: '\\'' in -'");
    expect_run_error("-\xc2\xa0", "unknown shorthand flag: '\xc3\x82' in "
                                  "-\xc2\xa0");
    expect_run_error("-\x85", "unknown shorthand flag: '\\u0085' in -\x85");
    expect_run_error("-\xad", "unknown shorthand flag: '\\u00ad' in -\xad");
    expect_run_error("--fo\xffo", "unknown flag: --fo\xffo");
}

static void test_dcli_other_commands_messages(void **state)
{
    (void)state;
    const char *ps = "\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps "
                     "--help' for more information\n";
    expect_flag_error("ps -D", "unknown shorthand flag: 'D' in -D", ps);
    expect_flag_error("ps --debug", "unknown flag: --debug", ps);
    expect_flag_error("ps -n", "flag needs an argument: 'n' in -n", ps);
    expect_flag_error("ps --last", "flag needs an argument: --last", ps);
    expect_flag_error("ps -n x", "invalid argument \"x\" for \"-n, --last\" "
                                 "flag: strconv.ParseInt: parsing \"x\": "
                                 "invalid syntax",
                      ps);
    /* --help's -h is deprecated, so only the long name is shown */
    expect_flag_error("ps --help=maybe",
                      "invalid argument \"maybe\" for \"--help\" flag: "
                      "strconv.ParseBool: parsing \"maybe\": invalid syntax",
                      ps);
    expect_flag_error("stop -t 1.5",
                      "invalid argument \"1.5\" for \"-t, --timeout\" flag: "
                      "strconv.ParseInt: parsing \"1.5\": invalid syntax",
                      "\n\nUsage:  docker stop [OPTIONS] CONTAINER "
                      "[CONTAINER...]\n\nRun 'docker stop --help' for more "
                      "information\n");
    expect_flag_error("container list --foo", "unknown flag: --foo",
                      "\n\nUsage:  docker container ls [OPTIONS]\n\nRun "
                      "'docker container ls --help' for more information\n");
    expect_flag_error("image remove -x", "unknown shorthand flag: 'x' in -x",
                      "\n\nUsage:  docker image rm [OPTIONS] IMAGE "
                      "[IMAGE...]\n\nRun 'docker image rm --help' for more "
                      "information\n");
    /* `docker build` is the buildx plugin: cobra names it that way */
    expect_flag_error("build --frobnicate .", "unknown flag: --frobnicate",
                      "\n\nUsage:  docker buildx build [OPTIONS] PATH | URL "
                      "| -\n\nRun 'docker buildx build --help' for more "
                      "information\n");
    expect_flag_error("image build -Z .", "unknown shorthand flag: 'Z' in -Z",
                      "\n\nUsage:  docker buildx build [OPTIONS] PATH | URL "
                      "| -\n\nRun 'docker buildx build --help' for more "
                      "information\n");
}

static void expect_args_error(const char *line, const char *want)
{
    struct result r = cli(line);
    assert_int_equal(r.rc, -1);
    assert_int_equal(r.exit_code, 1);
    assert_string_equal(r.err, want);
}

static void test_dcli_argument_count_messages(void **state)
{
    (void)state;
    expect_args_error("run", "docker: 'docker run' requires at least 1 "
                             "argument\n\n" RUN_USAGE "\n\nSee 'docker run "
                             "--help' for more information\n");
    expect_args_error("run -d --rm --", "docker: 'docker run' requires at "
                                        "least 1 argument\n\n" RUN_USAGE
                                        "\n\nSee 'docker run --help' for more "
                                        "information\n");
    expect_args_error("create", "docker: 'docker create' requires at least 1 "
                                "argument\n\nUsage:  docker create [OPTIONS] "
                                "IMAGE [COMMAND] [ARG...]\n\nSee 'docker "
                                "create --help' for more information\n");
    expect_args_error("container run",
                      "docker: 'docker container run' requires at least 1 "
                      "argument\n\nUsage:  docker container run [OPTIONS] "
                      "IMAGE [COMMAND] [ARG...]\n\nSee 'docker container run "
                      "--help' for more information\n");
    expect_args_error("exec c", "docker: 'docker exec' requires at least 2 "
                                "arguments\n\nUsage:  docker exec [OPTIONS] "
                                "CONTAINER COMMAND [ARG...]\n\nSee 'docker "
                                "exec --help' for more information\n");
    expect_args_error("tag a b c", "docker: 'docker tag' requires 2 "
                                   "arguments\n\nUsage:  docker tag "
                                   "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\n"
                                   "Run 'docker tag --help' for more "
                                   "information\n");
    expect_args_error("tag -- a", "docker: 'docker tag' requires 2 "
                                  "arguments\n\nUsage:  docker tag "
                                  "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\n"
                                  "Run 'docker tag --help' for more "
                                  "information\n");
    expect_args_error("logs -n 5 x y", "docker: 'docker logs' requires 1 "
                                       "argument\n\nUsage:  docker logs "
                                       "[OPTIONS] CONTAINER\n\nRun 'docker "
                                       "logs --help' for more information\n");
    /* RequiresMaxArgs really prints "SRun" in docker CLI 28.x */
    expect_args_error("images a b", "docker: 'docker images' requires at most "
                                    "1 argument\n\nUsage:  docker images "
                                    "[OPTIONS] [REPOSITORY[:TAG]]\n\nSRun "
                                    "'docker images --help' for more "
                                    "information\n");
    expect_args_error("image list a b",
                      "docker: 'docker image ls' requires at most 1 "
                      "argument\n\nUsage:  docker image ls [OPTIONS] "
                      "[REPOSITORY[:TAG]]\n\nSRun 'docker image ls --help' "
                      "for more information\n");
    expect_args_error("ps x", "docker: 'docker ps' accepts no arguments\n\n"
                              "Usage:  docker ps [OPTIONS]\n\nRun 'docker ps "
                              "--help' for more information\n");
    expect_args_error("container ps x",
                      "docker: 'docker container ls' accepts no arguments\n\n"
                      "Usage:  docker container ls [OPTIONS]\n\nRun 'docker "
                      "container ls --help' for more information\n");
    expect_args_error("version x", "docker: 'docker version' accepts no "
                                   "arguments\n\nUsage:  docker version "
                                   "[OPTIONS]\n\nRun 'docker version --help' "
                                   "for more information\n");
    expect_args_error("wait", "docker: 'docker wait' requires at least 1 "
                              "argument\n\nUsage:  docker wait CONTAINER "
                              "[CONTAINER...]\n\nSee 'docker wait --help' for "
                              "more information\n");
    expect_args_error("top", "docker: 'docker top' requires at least 1 "
                             "argument\n\nUsage:  docker top CONTAINER [ps "
                             "OPTIONS]\n\nSee 'docker top --help' for more "
                             "information\n");

    /* RequiresRangeArgs (no command in the table uses it yet) */
    static const struct dflag_def flags[] = {
        { .name = "help", .shorthand = 'h', .type = DFLAG_BOOL,
          .usage = "help", .attrs = DFA_HIDDEN },
        { .name = NULL },
    };
    static const struct dcmd_def commit = {
        "commit", NULL, "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
        "Create a new image from a container's changes", NULL, NULL, 1, 2,
        true, flags, NULL,
    };
    char a[] = "a", b[] = "b", c[] = "c";
    char *w[] = { a, b, c, NULL };
    struct dparsed p;
    struct sb err = SB_INIT;
    int ec;
    assert_int_equal(dcli_parse(&arena, &commit, w, 3, &p, &err, &ec), -1);
    assert_int_equal(ec, 1);
    assert_string_equal(err.buf,
                        "docker: 'docker commit' requires at least 1 and at "
                        "most 2 arguments\n\nUsage:  docker commit [OPTIONS] "
                        "CONTAINER [REPOSITORY[:TAG]]\n\nRun 'docker commit "
                        "--help' for more information\n");
    sb_release(&err);
    assert_int_equal(dcli_parse(&arena, &commit, w, 2, &p, &err, &ec), 0);
    sb_release(&err);
}

static void test_dcli_help_flag_and_notices(void **state)
{
    (void)state;
    struct result r = cli("run --help");
    assert_int_equal(r.rc, 0);
    assert_true(r.p.help); /* before the argument check */
    r = cli("ps -a --help x");
    assert_true(r.p.help);
    r = cli("run --help=false bb");
    assert_false(r.p.help);
    /* cobra: flag errors come before help */
    expect_flag_error("ps --help --foo", "unknown flag: --foo",
                      "\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps "
                      "--help' for more information\n");
    /* -h means help outside run/create, with pflag's notice on stdout */
    r = cli("stop -h");
    assert_true(r.p.help);
    assert_string_equal(r.p.notices,
                        "Flag shorthand -h has been deprecated, use --help\n");
    r = cli("ps -qh");
    assert_true(r.p.help);
    expect_flag_error("stop -hq", "unknown shorthand flag: 'q' in -q",
                      "\n\nUsage:  docker stop [OPTIONS] CONTAINER "
                      "[CONTAINER...]\n\nRun 'docker stop --help' for more "
                      "information\n");
    r = cli("stop --time=1 c");
    assert_int_equal(r.rc, 0);
    assert_string_equal(r.p.notices,
                        "Flag --time has been deprecated, use --timeout "
                        "instead\n");
    assert_string_equal(dparsed_get(&r.p, "time"), "1");
    r = cli("restart --time 2 -t 3 c");
    assert_string_equal(r.p.notices,
                        "Flag --time has been deprecated, use --timeout "
                        "instead\n");
    /* after an error cobra does not print the notice */
    expect_flag_error("stop --time=1 --foo", "unknown flag: --foo",
                      "\n\nUsage:  docker stop [OPTIONS] CONTAINER "
                      "[CONTAINER...]\n\nRun 'docker stop --help' for more "
                      "information\n");
    /* an argument error comes after the notice was printed */
    r = cli("stop --time=1");
    assert_int_equal(r.exit_code, 1);
    assert_string_equal(r.p.notices,
                        "Flag --time has been deprecated, use --timeout "
                        "instead\n");
    r = cli("ps");
    assert_string_equal(r.p.notices, "");
}

static void test_dcli_env_value_and_flag_error(void **state)
{
    (void)state;
    assert_string_equal(dcli_env_value(&arena, "A=1", host_env, NULL), "A=1");
    assert_string_equal(dcli_env_value(&arena, "USER", host_env, NULL),
                        "USER=learner");
    assert_string_equal(dcli_env_value(&arena, "EMPTY", host_env, NULL),
                        "EMPTY=");
    assert_string_equal(dcli_env_value(&arena, "NOPE", host_env, NULL), "NOPE");
    assert_string_equal(dcli_env_value(&arena, "USER", NULL, NULL), "USER");

    size_t used;
    const struct dcmd_def *b = find("build", &used);
    struct sb err = SB_INIT;
    dcli_flag_error(&err, b, dcli_flag(b, "tag"), "BAD",
                    "invalid reference format: repository name (library/BAD) "
                    "must be lowercase");
    assert_string_equal(err.buf,
                        "invalid argument \"BAD\" for \"-t, --tag\" flag: "
                        "invalid reference format: repository name "
                        "(library/BAD) must be lowercase\n\nUsage:  docker "
                        "buildx build [OPTIONS] PATH | URL | -\n\nRun 'docker "
                        "buildx build --help' for more information\n");
    sb_release(&err);
    /* buildx flags, and the legacy builder's kept as hidden no-ops */
    assert_non_null(dcli_flag(b, "progress"));
    assert_non_null(dcli_flag(b, "check"));
    assert_non_null(dcli_flag(b, "squash"));
    assert_non_null(dcli_flag(b, "force-rm"));
    assert_null(dcli_flag(b, "disable-content-trust"));
}

/* ----- help and unknown commands ------------------------------------- */

static const char *help_of(const char *line)
{
    size_t used;
    const struct dcmd_def *c = find(line, &used);
    assert_non_null(c);
    struct sb out = SB_INIT;
    dcli_help(&out, c);
    char *r = arena_strdup(&arena, out.buf);
    sb_release(&out);
    return r;
}

static void test_dcli_help_texts(void **state)
{
    (void)state;
    assert_string_equal(
        help_of("stop"),
        "Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Stop one or more running containers\n"
        "\n"
        "Aliases:\n"
        "  docker container stop, docker stop\n"
        "\n"
        "Options:\n"
        "  -s, --signal string   Signal to send to the container\n"
        "  -t, --timeout int     Seconds to wait before killing the "
        "container\n");
    assert_string_equal(help_of("container wait"),
                        "Usage:  docker container wait CONTAINER "
                        "[CONTAINER...]\n"
                        "\n"
                        "Block until one or more containers stop, then print "
                        "their exit codes\n"
                        "\n"
                        "Aliases:\n"
                        "  docker container wait, docker wait\n");
    assert_string_equal(
        help_of("container ps"),
        "Usage:  docker container ls [OPTIONS]\n"
        "\n"
        "List containers\n"
        "\n"
        "Aliases:\n"
        "  docker container ls, docker container list, docker container ps, "
        "docker ps\n"
        "\n"
        "Options:\n"
        "  -a, --all             Show all containers (default shows just "
        "running)\n"
        "  -f, --filter filter   Filter output based on conditions provided\n"
        "      --format string   Format output using a custom template:\n"
        "                        'table':            Print output in table "
        "format\n"
        "                        with column headers (default)\n"
        "                        'table TEMPLATE':   Print output in table "
        "format\n"
        "                        using the given Go template\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the "
        "given\n"
        "                        Go template.\n"
        "                        Refer to https://docs.docker.com/go/"
        "formatting/\n"
        "                        for more information about formatting "
        "output with\n"
        "                        templates\n"
        "  -n, --last int        Show n last created containers (includes "
        "all\n"
        "                        states) (default -1)\n"
        "  -l, --latest          Show the latest created container (includes "
        "all\n"
        "                        states)\n"
        "      --no-trunc        Don't truncate output\n"
        "  -q, --quiet           Only display container IDs\n"
        "  -s, --size            Display total file sizes\n");
    assert_string_equal(
        help_of("logs"),
        "Usage:  docker logs [OPTIONS] CONTAINER\n"
        "\n"
        "Fetch the logs of a container\n"
        "\n"
        "Aliases:\n"
        "  docker container logs, docker logs\n"
        "\n"
        "Options:\n"
        "      --details        Show extra details provided to logs\n"
        "  -f, --follow         Follow log output\n"
        "      --since string   Show logs since timestamp (e.g.\n"
        "                       \"2013-01-02T13:23:37Z\") or relative (e.g. "
        "\"42m\"\n"
        "                       for 42 minutes)\n"
        "  -n, --tail string    Number of lines to show from the end of the "
        "logs\n"
        "                       (default \"all\")\n"
        "  -t, --timestamps     Show timestamps\n"
        "      --until string   Show logs before a timestamp (e.g.\n"
        "                       \"2013-01-02T13:23:37Z\") or relative (e.g. "
        "\"42m\"\n"
        "                       for 42 minutes)\n");
    assert_string_equal(
        help_of("image inspect"),
        "Usage:  docker image inspect [OPTIONS] IMAGE [IMAGE...]\n"
        "\n"
        "Display detailed information on one or more images\n"
        "\n"
        "Options:\n"
        "  -f, --format string     Format output using a custom template:\n"
        "                          'json':             Print in JSON format\n"
        "                          'TEMPLATE':         Print output using "
        "the\n"
        "                          given Go template.\n"
        "                          Refer to https://docs.docker.com/go/"
        "formatting/\n"
        "                          for more information about formatting "
        "output\n"
        "                          with templates\n"
        "      --platform string   Inspect a specific platform of the\n"
        "                          multi-platform image.\n"
        "                          If the image or the server is not\n"
        "                          multi-platform capable, the command will "
        "error\n"
        "                          out if the platform does not match.\n"
        "                          'os[/arch[/variant]]': Explicit platform "
        "(eg.\n"
        "                          linux/amd64)\n");

    /* run: the head, the odd --cgroupns block, hidden and Windows flags */
    const char *run = help_of("run");
    const char *head = "Usage:  docker run [OPTIONS] IMAGE [COMMAND] "
                       "[ARG...]\n\nCreate and run a new container from an "
                       "image\n\nAliases:\n  docker container run, docker "
                       "run\n\nOptions:\n      --add-host list              "
                       "      Add a custom host-to-IP mapping\n             "
                       "                            (host:ip)\n";
    assert_int_equal(strncmp(run, head, strlen(head)), 0);
    assert_non_null(strstr(
        run, "      --cgroupns string                  Cgroup namespace to "
             "use\n"
             "                                         (host|private)\n"
             "                                         'host':    Run the "
             "container in\n"
             "                                         the Docker host's "
             "cgroup\n"
             "                                         namespace\n"
             "                                         'private': Run the "
             "container in\n"
             "                                         its own private "
             "cgroup namespace\n"
             "                                         '':        Use the "
             "cgroup\n"
             "                                         namespace as "
             "configured by the\n"
             "                                                    "
             "default-cgroupns-mode\n"
             "                                         option on the daemon "
             "(default)\n"));
    assert_non_null(strstr(run, "\n      --help                             "
                                "Print usage\n  -h, --hostname string       "
                                "           Container host name\n"));
    assert_non_null(strstr(run, "\n      --pull string                      "
                                "Pull image before running\n               "
                                "                          (\"always\", "
                                "\"missing\", \"never\")\n                 "
                                "                        (default "
                                "\"missing\")\n"));
    assert_null(strstr(run, "--net "));
    assert_null(strstr(run, "--dns-opt "));
    assert_non_null(strstr(run, "--dns-option list"));
    assert_null(strstr(run, "--cpu-count"));
    assert_non_null(strstr(run, "\n      --ulimit ulimit                    "
                                "Ulimit options (default [])\n"));
    const char *tail = "  -w, --workdir string                   Working "
                       "directory inside the\n                              "
                       "           container\n";
    assert_string_equal(run + strlen(run) - strlen(tail), tail);
    /* the help of an alias names the path that was typed */
    assert_int_equal(strncmp(help_of("container run"),
                             "Usage:  docker container run [OPTIONS]", 38),
                     0);
    assert_null(strstr(help_of("start"), "checkpoint"));
    assert_null(strstr(help_of("build"), "squash"));
    assert_null(strstr(help_of("stop"), "--time "));
}

static void test_dcli_groups_and_unknown_commands(void **state)
{
    (void)state;
    struct sb out = SB_INIT;
    dcli_unknown_command(&out, "foo");
    assert_string_equal(out.buf, "docker: unknown command: docker foo\n\n"
                                 "Run 'docker --help' for more information\n");
    sb_reset(&out);
    dcli_unknown_command(&out, "image foo");
    assert_string_equal(out.buf, "docker: unknown command: docker image foo\n\n"
                                 "Usage:  docker image\n\nRun 'docker image "
                                 "--help' for more information\n");
    sb_reset(&out);
    dcli_unknown_command(&out, "builder foo");
    assert_string_equal(out.buf,
                        "docker: unknown command: docker builder foo\n\n"
                        "Usage:  docker builder\n\nRun 'docker builder "
                        "--help' for more information\n");
    sb_reset(&out);
    assert_int_equal(dcli_group_help(&out, "builder"), 0);
    assert_string_equal(out.buf,
                        "Usage:  docker builder COMMAND\n\nManage builds\n\n"
                        "Commands:\n  build       Build an image from a "
                        "Dockerfile\n  prune       Remove build cache\n\nRun "
                        "'docker builder COMMAND --help' for more information "
                        "on a command.\n");
    sb_reset(&out);
    assert_int_equal(dcli_group_help(&out, "container"), 0);
    assert_non_null(strstr(out.buf, "\n  ls          List containers\n"));
    assert_int_equal(out.buf[out.len - 1], '\n');
    sb_reset(&out);
    assert_int_equal(dcli_group_help(&out, "image"), 0);
    assert_non_null(strstr(out.buf, "\n  tag         Create a tag "
                                    "TARGET_IMAGE that refers to "
                                    "SOURCE_IMAGE\n"));
    sb_reset(&out);
    assert_int_equal(dcli_group_help(&out, "volume"), -1);
    assert_int_equal(out.len, 0);
    sb_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(test_shellwords_blanks_and_quotes),
        T(test_shellwords_host_variables),
        T(test_shellwords_special_parameters),
        T(test_shellwords_tilde_and_comments),
        T(test_shellwords_errors),
        T(test_dockertable_is_consistent),
        T(test_dockertable_lookup_and_aliases),
        T(test_dcli_run_stops_at_the_image),
        T(test_dcli_values_and_grouped_shorthands),
        T(test_dcli_interspersed_commands),
        T(test_dcli_pflag_messages),
        T(test_dcli_value_check_messages),
        T(test_dcli_shorthand_is_quoted_like_go),
        T(test_dcli_other_commands_messages),
        T(test_dcli_argument_count_messages),
        T(test_dcli_help_flag_and_notices),
        T(test_dcli_env_value_and_flag_error),
        T(test_dcli_help_texts),
        T(test_dcli_groups_and_unknown_commands),
#undef T
    };
    return cmocka_run_group_tests_name("dockerargs", tests, NULL, NULL);
}
