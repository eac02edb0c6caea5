/*
 * pty_shell.c: drives the real interactive shell (readline and all) in a
 * pseudo-terminal: banner and prompt, per-line feedback, completion,
 * continuation prompts, Ctrl-C, Ctrl-D, bracketed paste, the history file
 * (written at once, de-duplicated, recalled with Up), an unwritable
 * history location, colour rules, demo mode, a lesson (completion of its
 * id, the checklist after a line, a question answered at the prompt, the
 * progress file and the next session's banner).
 *
 *   pty_shell PATH/TO/docksim
 *
 * Prints one line per failing check (with the terminal output seen) and
 * "pty: N passed, M failed"; exits 1 if any failed. Where no pseudo-
 * terminal can be had it prints why and "pty: skipped" and exits 0.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ptyutil.h"

static int T = 5000; /* ms to wait for anything (more under valgrind) */

static const char *prog;
static char tmpdir[256];
static int passed, failed;
static const char *test_name;

/* The output, escaped, for a failure message. */
static void show(const struct pty_proc *p)
{
    fprintf(stderr, "---- terminal output (%zu bytes) ----\n", p->len);
    for (size_t i = 0; i < p->len; i++) {
        unsigned char c = (unsigned char)p->buf[i];
        if (c == '\n')
            fputs("\\n\n", stderr);
        else if (c == '\r')
            fputs("\\r", stderr);
        else if (c < 0x20 || c == 0x7f)
            fprintf(stderr, "\\x%02x", c);
        else
            fputc(c, stderr);
    }
    fputs("\n----\n", stderr);
}

static bool check(struct pty_proc *p, bool ok, const char *what)
{
    if (ok)
        return true;
    fprintf(stderr, "FAIL: %s: %s\n", test_name, what);
    show(p);
    return false;
}

static bool expect(struct pty_proc *p, const char *needle)
{
    if (pty_expect(p, needle, T) == 0)
        return true;
    char msg[512];
    snprintf(msg, sizeof(msg), "did not see \"%s\"", needle);
    return check(p, false, msg);
}

/* Environment: a private HOME and state directory, a fixed terminal;
 * extra1/extra2 ("NAME=value") add to it or replace a default. */
static char **make_env(const char *extra1, const char *extra2)
{
    static char *envp[16];
    static char bufs[3][512];
    size_t n = 0;
    snprintf(bufs[0], sizeof(bufs[0]), "HOME=%s/home", tmpdir);
    snprintf(bufs[1], sizeof(bufs[1]), "XDG_STATE_HOME=%s/state", tmpdir);
    snprintf(bufs[2], sizeof(bufs[2]), "INPUTRC=%s/inputrc", tmpdir);
    envp[n++] = bufs[0];
    envp[n++] = bufs[1];
    envp[n++] = bufs[2];
    envp[n++] = (char *)"TERM=xterm";
    envp[n++] = (char *)"LANG=C.UTF-8";
    envp[n++] = (char *)"PATH=/usr/bin:/bin";
    const char *extra[2] = { extra1, extra2 };
    for (size_t e = 0; e < 2; e++) {
        if (!extra[e])
            continue;
        size_t kl = strcspn(extra[e], "=") + 1;
        size_t i;
        for (i = 0; i < n; i++)
            if (strncmp(envp[i], extra[e], kl) == 0)
                break;
        envp[i] = (char *)extra[e];
        if (i == n)
            n++;
    }
    envp[n] = NULL;
    return envp;
}

/* $VALGRIND (as the Makefile sets it): a command prefix for docksim. */
static char *wrap[16];
static size_t n_wrap;
static char wrap_buf[512];

static void parse_wrapper(void)
{
    const char *v = getenv("VALGRIND");
    if (!v || !*v)
        return;
    snprintf(wrap_buf, sizeof(wrap_buf), "%s", v);
    for (char *t = strtok(wrap_buf, " "); t && n_wrap < 15;
         t = strtok(NULL, " "))
        wrap[n_wrap++] = t;
    /* execve needs a path */
    static char path[600];
    if (n_wrap && !strchr(wrap[0], '/')) {
        const char *dirs[] = { "/usr/bin", "/usr/local/bin", "/bin" };
        for (size_t i = 0; i < 3; i++) {
            snprintf(path, sizeof(path), "%s/%s", dirs[i], wrap[0]);
            if (access(path, X_OK) == 0) {
                wrap[0] = path;
                break;
            }
        }
    }
}

static bool start(struct pty_proc *p, char **envp, const char *a1,
                  const char *a2, const char *a3, const char *a4)
{
    char *argv[24];
    size_t n = 0;
    for (size_t i = 0; i < n_wrap; i++)
        argv[n++] = wrap[i];
    const char *args[] = { prog, a1, a2, a3, a4 };
    for (size_t i = 0; i < 5 && args[i]; i++)
        argv[n++] = (char *)args[i];
    argv[n] = NULL;
    char why[256];
    int rc = pty_spawn(p, argv, envp, why, sizeof(why));
    if (rc < 0) {
        fprintf(stderr, "FAIL: %s: cannot start docksim: %s\n", test_name,
                why);
        return false;
    }
    return true;
}

/*
 * Ctrl-D on an empty line; the shell must exit with status 0. Between two
 * readline() calls the terminal is in cooked mode, where the line
 * discipline eats a ^D typed ahead: so wait for the prompt to settle, and
 * type it again if it was eaten anyway (slow sanitizer builds).
 */
static bool quit(struct pty_proc *p)
{
    int tries = 0;
    do {
        pty_drain(p, 100);
        pty_send(p, "\x04");
    } while (pty_wait(p, T / 5) < 0 && ++tries < 5);
    if (!p->exited)
        return check(p, false, "Ctrl-D on an empty line did not quit");
    return check(p, WIFEXITED(p->status) && WEXITSTATUS(p->status) == 0,
                 "exit status is not 0");
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/*
 * The first prompt appears before readline has put the terminal in its
 * mode (docksim prints it early); readline then switches bracketed paste
 * on (TERM=xterm), which is when typing is safe: a person cannot type in
 * that gap, a test can.
 */
static bool ready(struct pty_proc *p)
{
    if (pty_expect(p, "docksim> ", T) != 0)
        return check(p, false, "did not see the first prompt");
    /* TERM=dumb has no bracketed paste: then just give it time */
    if (!strstr(p->buf, "\x1b[?2004h") &&
        pty_expect(p, "\x1b[?2004h", 1000) != 0)
        pty_drain(p, 100);
    /* under valgrind readline's own start-up (after the first prompt) is
       slow: keys typed before it is in charge are the tty's, and a
       Ctrl-C then only flushes them */
    if (T > 5000)
        pty_drain(p, 1500);
    return true;
}

#define TEST(name) static bool name(void)
#define BEGIN                                                                  \
    struct pty_proc p;                                                         \
    bool ok = false;                                                           \
    if (!start(&p, make_env(NULL, NULL), NULL, NULL, NULL, NULL))              \
        return false;
#define END                                                                    \
    ok = true;                                                                 \
    done:                                                                      \
    pty_close(&p);                                                             \
    return ok;
#define E(s)                                                                   \
    if (!expect(&p, s))                                                        \
        goto done;
#define R                                                                      \
    if (!ready(&p))                                                            \
        goto done;
#define C(cond, what)                                                          \
    if (!check(&p, cond, what))                                                \
        goto done;

TEST(banner_prompt_and_feedback)
{
    BEGIN
    E(":help");
    E(":quit or Ctrl-D");
    R
    pty_send(&p, "FROM alpine\r");
    E("line 1: FROM: a new stage from alpine (build time, no layer)");
    E("docksim> ");
    pty_send(&p, "docker run alpine echo hi\r");
    E("PID 1: [\"echo\", \"hi\"]");
    E("exit code 0");
    E("docksim> ");
    if (!quit(&p))
        goto done;
    END
}

TEST(completion)
{
    BEGIN
    R
    /* an instruction keyword keeps the case typed */
    pty_send(&p, "fr\t");
    E("from ");
    /* many busybox tags: the common part is filled in */
    pty_send(&p, "busyb\t\r");
    E("line 1: FROM");
    E("docksim> ");
    /* : commands, by unique prefix */
    pty_send(&p, ":dockerf\t\r");
    E(":dockerfile");
    E("   1  from busybox\r\n");
    E("docksim> ");
    /* docker subcommands and flags */
    pty_send(&p, "docker ru\t--rm --entr\tdate busybox\r");
    E("docker run --rm --entrypoint date busybox");
    E("PID 1: [\"date\"]");
    E("docksim> ");
    /* :set names and values */
    pty_send(&p, ":set expl\tsh\t\r");
    E("explain is now short.");
    E("docksim> ");
    if (!quit(&p))
        goto done;
    END
}

TEST(continuation_prompts)
{
    BEGIN
    R
    pty_send(&p, "FROM alpine\r");
    E("docksim> ");
    pty_send(&p, "RUN echo one \\\r");
    E("      \\> ");
    pty_send(&p, "  two\r");
    E("lines 2-3: RUN");
    E("docksim> ");
    pty_send(&p, "CMD [\"echo\", \\\r");
    E("   [...> ");
    pty_send(&p, "  \"x\"]\r");
    E("lines 4-5: CMD");
    E("exec form");
    E("docksim> ");
    pty_send(&p, "RUN <<END\r");
    E("  <<END> ");
    pty_send(&p, "echo in a heredoc\r");
    E("  <<END> ");
    pty_send(&p, "END\r");
    E("lines 6-8: RUN");
    E("docksim> ");
    pty_send(&p, ":file app.py\r");
    E("[app.py]> ");
    pty_send(&p, "print('hi')\rEOF\r");
    E("created app.py in the build context");
    E("docksim> ");
    if (!quit(&p))
        goto done;
    END
}

/*
 * Send Ctrl-C and wait for needle. Under valgrind (T > 5000) the first
 * Ctrl-C is at times not seen at all (the signal is lost in valgrind's
 * delivery while readline redisplays; never seen without valgrind): then
 * it is sent once more, and a note says so.
 */
static bool interrupt(struct pty_proc *p, const char *needle)
{
    pty_send(p, "\x03");
    if (T <= 5000)
        return expect(p, needle);
    if (pty_expect(p, needle, 5000) == 0)
        return true;
    fprintf(stderr, "pty: note: %s: Ctrl-C sent twice under valgrind\n",
            test_name);
    pty_send(p, "\x03");
    return expect(p, needle);
}

TEST(ctrl_c_cancels)
{
    BEGIN
    R
    pty_send(&p, "docker ps -a");
    E("docker ps -a");
    if (!interrupt(&p, "docksim> "))
        goto done;
    pty_drain(&p, 200);
    C(!strstr(p.buf, "CONTAINER ID"), "the cancelled line ran");
    /* Ctrl-C inside an unfinished instruction drops all of it */
    pty_send(&p, "FROM alpine\r");
    E("docksim> ");
    pty_send(&p, "RUN echo a \\\r");
    E("\\> ");
    pty_send(&p, "b \\\r");
    E("\\> ");
    if (!interrupt(&p, "cancelled the unfinished instruction (2 lines"))
        goto done;
    E("docksim> ");
    pty_send(&p, ":dockerfile\r");
    E("   1  FROM alpine");
    E("docksim> ");
    C(!strstr(p.buf + p.seen - 40, "   2  "), "the dropped lines stayed");
    if (!quit(&p))
        goto done;
    END
}

TEST(paste)
{
    BEGIN
    R
    /* a bracketed paste of a Dockerfile, with a pasted prompt in it */
    pty_send(&p, "\x1b[200~FROM alpine\ndocksim> CMD [\"echo\", \"hi\"]\n"
                 "\x1b[201~\r");
    E("line 2: CMD");
    E("docksim> ");
    pty_send(&p, ":dockerfile\r");
    E("   1  FROM alpine");
    E("   2  CMD [\"echo\", \"hi\"]");
    E("docksim> ");
    C(!strstr(p.buf, "200~") && !strstr(p.buf, "201~"),
      "bracketed-paste codes reached the output");
    if (!quit(&p))
        goto done;
    END
}

TEST(history_file)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/state/docksim/history", tmpdir);
    unlink(path);
    {
        BEGIN
        R
        pty_send(&p, "FROM alpine\r");
        E("docksim> ");
        pty_send(&p, ":state\r");
        E("docksim> ");
        pty_send(&p, "FROM alpine\r");
        E("docksim> ");
        /* written at once: no need to quit first */
        char *h = read_file(path);
        C(h != NULL, "no history file while the shell runs");
        C(strstr(h, "FROM alpine\n:state\nFROM alpine\n") != NULL,
          "the history file does not hold the lines in order");
        if (!quit(&p))
            goto done;
        h = read_file(path);
        C(h && strcmp(h, ":state\nFROM alpine\n") == 0,
          "the history file is not de-duplicated after the session");
        END
    }
}

TEST(history_recall)
{
    BEGIN
    R
    pty_send(&p, "\x1b[A");
    E("FROM alpine");
    pty_send(&p, "\x1b[A");
    E(":state");
    pty_send(&p, "\x03");
    E("docksim> ");
    if (!quit(&p))
        goto done;
    END
}

TEST(unwritable_history)
{
    /* the history path runs through a regular file: it cannot exist */
    char blocker[512], env[600];
    snprintf(blocker, sizeof(blocker), "%s/blocker", tmpdir);
    FILE *f = fopen(blocker, "w");
    if (f)
        fclose(f);
    snprintf(env, sizeof(env), "DOCKSIM_HISTFILE=%s/history", blocker);
    struct pty_proc p;
    bool ok = false;
    if (!start(&p, make_env(env, NULL), NULL, NULL, NULL, NULL))
        return false;
    E("kept in memory only");
    R
    pty_send(&p, "FROM alpine\r");
    E("line 1: FROM");
    E("docksim> ");
    pty_send(&p, "\x1b[A");
    E("FROM alpine");
    pty_send(&p, "\x03");
    E("docksim> ");
    if (!quit(&p))
        goto done;
    END
}

TEST(colour_rules)
{
    struct pty_proc p;
    bool ok = false;
    /* auto on a terminal: colour */
    if (!start(&p, make_env(NULL, NULL), NULL, NULL, NULL, NULL))
        return false;
    R
    pty_send(&p, "FROM alpine\r");
    E("\x1b[36m| line 1: FROM");
    if (!quit(&p))
        goto done;
    pty_close(&p);
    /* NO_COLOR, TERM=dumb, --plain, --color=never: none, same words */
    const char *envs[][2] = { { "NO_COLOR=1", NULL },
                              { "TERM=dumb", NULL },
                              { NULL, "--plain" },
                              { NULL, "--color=never" } };
    for (size_t i = 0; i < 4; i++) {
        if (!start(&p, make_env(envs[i][0], NULL), envs[i][1], NULL, NULL,
                   NULL))
            return false;
        R
        pty_send(&p, "FROM alpine\r");
        E("| line 1: FROM");
        E("docksim> ");
        C(!strstr(p.buf, "\x1b[36m") && !strstr(p.buf, "\x1b[1m"),
          "colour despite NO_COLOR / TERM=dumb / --plain / --color=never");
        if (!quit(&p))
            goto done;
        pty_close(&p);
    }
    /* --color=always wins over NO_COLOR */
    if (!start(&p, make_env("NO_COLOR=1", NULL), "--color=always", NULL, NULL,
               NULL))
        return false;
    R
    pty_send(&p, "FROM alpine\r");
    E("\x1b[36m| line 1: FROM");
    if (!quit(&p))
        goto done;
    END
}

TEST(demo_mode)
{
    char script[512];
    snprintf(script, sizeof(script), "%s/demo.txt", tmpdir);
    FILE *f = fopen(script, "w");
    if (!f)
        return false;
    fputs("# Let us build an image\nFROM alpine\n:pause\nRUN echo skipped\n"
          "CMD [\"echo\", \"hi\"]\ndocker build -t hi .\n",
          f);
    fclose(f);
    struct pty_proc p;
    bool ok = false;
    if (!start(&p, make_env("LANG=C", NULL), "--demo", script, "--delay",
               "0"))
        return false;
    E("demo: ");
    E("# Let us build an image");
    E("docksim> FROM alpine");
    pty_send(&p, "\r");
    E("line 1: FROM");
    E("(paused: press a key)");
    pty_send(&p, "x");
    E("docksim> RUN echo skipped");
    pty_send(&p, "s");
    E("(skipped)");
    E("docksim> CMD [\"echo\", \"hi\"]");
    pty_send(&p, "\r");
    E("line 2: CMD");
    E("docksim> docker build -t hi .");
    /* back: CMD is undone and shown again */
    pty_send(&p, "b");
    E("(back)");
    E("docksim> CMD [\"echo\", \"hi\"]");
    /* take over, type, resume */
    pty_send(&p, "t");
    E("you have the keyboard");
    R
    pty_send(&p, ":dockerfile\r");
    E("   1  FROM alpine");
    E("docksim> ");
    C(!strstr(p.buf + p.seen - 30, "   2  "), "going back did not undo CMD");
    pty_send(&p, ":demo\r");
    E("back to the script");
    E("docksim> CMD [\"echo\", \"hi\"]");
    pty_send(&p, "\r");
    E("docksim> docker build -t hi .");
    pty_send(&p, "\r");
    E("naming to docker.io/library/hi:latest");
    E("end of the demo");
    E("docksim> ");
    if (!quit(&p))
        goto done;
    END
}

TEST(lesson)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/state/docksim/progress", tmpdir);
    unlink(path);
    {
        BEGIN
        E("New here? :lesson dockerfile-basics starts the first lesson");
        R
        pty_send(&p, ":lesson dockerf\t");
        E("dockerfile-basics ");
        pty_send(&p, "\r");
        E("Step 1/4: Start from a base image");
        E("  [ ] your image is built FROM alpine:3.20");
        E("step 1/4");
        E("docksim> ");
        pty_send(&p, "FROM alpine:3.20\r");
        /* the marker is text; colour only adds to it */
        E("\x1b[32m[x]\x1b[0m your image is built FROM alpine:3.20");
        E("Well done: step 1/4 is solved.");
        E("docksim> ");
        /* a question: the prompt asks, the next line answers */
        pty_send(&p, ":solution\r");
        E("Show the solution of step 1/4? Your progress will say so. [y/N] ");
        pty_send(&p, "n\r");
        E("Not shown.");
        E("docksim> ");
        pty_send(&p, ":next\r");
        E("Step 2/4: RUN adds a layer");
        E("docksim> ");
        if (!quit(&p))
            goto done;
        const char *f = read_file(path);
        C(f && strstr(f, "current dockerfile-basics run-layer\n") &&
              strstr(f, "done dockerfile-basics@1 base-image hints=0\n"),
          "the progress file does not say where the learner is");
        END
    }
}

/* After TEST(lesson): the next session knows where the learner was. */
TEST(lesson_next_session)
{
    BEGIN
    E("Welcome back: :lesson goes on with dockerfile-basics");
    R
    pty_send(&p, ":lesson\r");
    E("Going on where you left it, at step 2/4");
    E("docksim> ");
    if (!quit(&p))
        goto done;
    END
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s PATH/TO/docksim\n", argv[0]);
        return 2;
    }
    prog = argv[1];
    parse_wrapper();
    if (n_wrap)
        T = 30000;
    if (access(prog, X_OK) != 0) {
        fprintf(stderr, "pty: %s is not an executable\n", prog);
        return 2;
    }
    /* Is there a pty at all? */
    {
        struct pty_proc p;
        char why[256];
        char *argv0[] = { (char *)"/bin/true", NULL };
        char *envp[] = { NULL };
        int rc = pty_spawn(&p, argv0, envp, why, sizeof(why));
        if (rc == -1) {
            printf("pty: skipped (no pseudo-terminal here: %s)\n", why);
            return 0;
        }
        if (rc == 0) {
            pty_wait(&p, T);
            pty_close(&p);
        }
    }
    snprintf(tmpdir, sizeof(tmpdir), "%s/pty_shell.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    char d[600];
    snprintf(d, sizeof(d), "%s/home", tmpdir);
    mkdir(d, 0700);
    snprintf(d, sizeof(d), "%s/inputrc", tmpdir);
    FILE *f = fopen(d, "w"); /* an empty inputrc: the defaults */
    if (f)
        fclose(f);

    static const struct {
        const char *name;
        bool (*fn)(void);
    } tests[] = {
        { "banner_prompt_and_feedback", banner_prompt_and_feedback },
        { "completion", completion },
        { "continuation_prompts", continuation_prompts },
        { "ctrl_c_cancels", ctrl_c_cancels },
        { "paste", paste },
        { "history_file", history_file },
        { "history_recall", history_recall },
        { "unwritable_history", unwritable_history },
        { "colour_rules", colour_rules },
        { "demo_mode", demo_mode },
        { "lesson", lesson },
        { "lesson_next_session", lesson_next_session },
    };
    /* PTY_ONLY=NAME runs one check (for debugging) */
    const char *only = getenv("PTY_ONLY");
    for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
        test_name = tests[i].name;
        if (only && strcmp(only, test_name) != 0)
            continue;
        if (tests[i].fn())
            passed++;
        else
            failed++;
    }
    char cmd[700];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "pty: could not remove %s\n", tmpdir);
    printf("pty: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
