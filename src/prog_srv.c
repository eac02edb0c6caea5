/*
 * prog_srv.c: what language runtimes, servers and the official images'
 * entrypoint scripts do: stand-ins that print one line saying what the
 * real program would do and then keep running (or exit where the real
 * one would: a REPL without a terminal), the real error texts of common
 * mistakes (a missing script file, nginx in daemon mode, postgres
 * without a password), their signal handlers (who shuts down cleanly on
 * docker stop), docker-init (tini) and dumb-init.
 */
#include "prog_impl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "sh.h"
#include "vfs.h"
#include "xmalloc.h"

/* ===================================================================== */
/* Helpers                                                               */
/* ===================================================================== */

static bool tty_in(const struct proc *p)
{
    return p->fd[0] && p->fd[0]->kind == OF_TTY;
}

/* Catch the given signals (a program with handlers). */
static void catch_sigs(struct proc *p, const int *sigs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p->disp[sigs[i]] = SIGD_CATCH;
}

/* A REPL: interactive on a terminal, else it reads empty input and
 * exits 0. */
static int repl(struct pns *ns, struct proc *p, const char *what)
{
    if (tty_in(p)) {
        pns_explain(ns, "userland.repl-interactive",
                    "%s starts its interactive prompt on the terminal (-it) "
                    "and waits for you to type.",
                    what);
        return prog_forever(ns, p);
    }
    if (stdin_wait(ns, p))
        return PROG_BLOCK;
    pns_explain(ns, "userland.repl-no-terminal",
                "%s would start its interactive prompt, but without -it there "
                "is no terminal and its input is empty: it reads nothing and "
                "exits at once with status 0, so the container stops. Use "
                "`docker run -it` to use it interactively.",
                what);
    return 0;
}

/* Literal strings of a script that only prints (console.log("x"),
 * print("x"), puts "x"); false if it does anything else. */
static bool only_prints(const char *text, const char *call, struct sb *out)
{
    const char *s = text;
    bool any = false;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t l = nl ? (size_t)(nl - s) : strlen(s);
        char *line = xmemdup0(s, l);
        char *t = line;
        while (*t == ' ' || *t == '\t')
            t++;
        size_t tl = strlen(t);
        while (tl && (t[tl - 1] == ' ' || t[tl - 1] == ';' || t[tl - 1] == '\r'))
            t[--tl] = '\0';
        bool ok = false;
        if (!*t || t[0] == '#' || strncmp(t, "//", 2) == 0 ||
            strncmp(t, "#!", 2) == 0 || strncmp(t, "'use strict'", 12) == 0 ||
            strncmp(t, "\"use strict\"", 12) == 0) {
            ok = true;
        } else {
            size_t cl = strlen(call);
            if (strncmp(t, call, cl) == 0) {
                const char *q = t + cl;
                while (*q == ' ')
                    q++;
                bool paren = *q == '(';
                if (paren)
                    q++;
                char quote = *q;
                if (paren && *q >= '0' && *q <= '9') {
                    /* print(42) */
                    const char *e = q;
                    while (*e >= '0' && *e <= '9')
                        e++;
                    if (*e == ')' && !e[1]) {
                        sb_add(out, q, (size_t)(e - q));
                        sb_addch(out, '\n');
                        ok = true;
                        any = true;
                    }
                }
                if (quote == '"' || quote == '\'' || quote == '`') {
                    const char *e = strchr(q + 1, quote);
                    if (e && (paren ? e[1] == ')' && !e[2] : !e[1])) {
                        sb_add(out, q + 1, (size_t)(e - q - 1));
                        sb_addch(out, '\n');
                        ok = true;
                        any = true;
                    }
                }
            }
        }
        free(line);
        if (!ok)
            return false;
        s += l + (nl ? 1 : 0);
    }
    return any;
}

static bool contains_any(const char *text, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(text, words[i]))
            return true;
    return false;
}

/* Run a script file of an interpreter as a stand-in: it prints, serves
 * or just says what it would do. */
static int run_script_standin(struct pns *ns, struct proc *p, const char *who,
                              const char *path, const char *text,
                              const char *print_call,
                              const char *const *server_words, size_t nsw,
                              const char *const *term_words, size_t ntw)
{
    struct sb out = SB_INIT;
    if (only_prints(text, print_call, &out)) {
        proc_write(ns, p, 1, out.buf, out.len);
        sb_release(&out);
        return 0;
    }
    sb_release(&out);
    if (contains_any(text, server_words, nsw)) {
        pout(ns, p, "[docksim: %s would run %s, a server: it keeps running]\n",
             who, path);
        if (contains_any(text, term_words, ntw)) {
            static const int sigs[] = { 15, 2 };
            catch_sigs(p, sigs, 2);
            pns_explain(ns, "userland.app-handles-sigterm",
                        "%s installs a SIGTERM handler, so it shuts down "
                        "cleanly when it gets docker stop's signal (if it is "
                        "the process that receives it).",
                        path);
        } else {
            pns_explain(ns, "userland.app-no-sigterm-handler",
                        "%s installs no SIGTERM handler. As PID 1 it "
                        "therefore ignores docker stop's SIGTERM, and Docker "
                        "kills it with SIGKILL after the grace period "
                        "(exit 137).",
                        path);
        }
        return prog_forever(ns, p);
    }
    pout(ns, p, "[docksim: %s would run %s]\n", who, path);
    return 0;
}

static int standin_signal(struct pns *ns, struct proc *p, int sig)
{
    (void)ns;
    (void)p;
    return sig == 1 ? -1 : 0;
}

/* ===================================================================== */
/* node                                                                  */
/* ===================================================================== */

static int p_node(struct pns *ns, struct proc *p)
{
    const char *nv = uenv_get(&p->env, "NODE_VERSION");
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (strcmp(a, "-v") == 0 || strcmp(a, "--version") == 0) {
            pout(ns, p, "v%s\n", nv ? nv : "20.19.2");
            return 0;
        }
        if ((strcmp(a, "-e") == 0 || strcmp(a, "--eval") == 0 ||
             strcmp(a, "-p") == 0) && i + 1 < PARGC(p)) {
            struct sb out = SB_INIT;
            if (only_prints(PARGV(p)[i + 1], "console.log", &out)) {
                proc_write(ns, p, 1, out.buf, out.len);
                sb_release(&out);
                return 0;
            }
            sb_release(&out);
            pout(ns, p, "[docksim: node would evaluate: %s]\n", PARGV(p)[i + 1]);
            return 0;
        }
        if (a[0] == '-')
            continue;
        /* the script */
        struct sb abs = SB_INIT, text = SB_INIT;
        proc_path(p, a, &abs);
        int err = ufs_read(ns, p, abs.buf, &text);
        if (err == EISDIR) {
            /* node DIR: DIR/index.js */
            sb_addf(&abs, "/index.js");
            sb_reset(&text);
            err = ufs_read(ns, p, abs.buf, &text);
        }
        if (err) {
            proc_printf(ns, p, 2,
                        "node:internal/modules/cjs/loader:1228\n  throw err;\n"
                        "  ^\n\nError: Cannot find module '%s'\n"
                        "    at Module._resolveFilename (node:internal/modules/"
                        "cjs/loader:1225:15)\n"
                        "    at Module._load (node:internal/modules/cjs/loader:"
                        "1051:27)\n"
                        "    at Function.executeUserEntryPoint [as runMain] "
                        "(node:internal/modules/run_main:174:12)\n"
                        "    at node:internal/main/run_main_module:28:49 {\n"
                        "  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\n"
                        "Node.js v%s\n",
                        abs.buf, nv ? nv : "20.19.2");
            pns_explain(ns, "userland.script-missing",
                        "node cannot find %s in the container: was it COPYed "
                        "into the image, and does WORKDIR (%s) match where it "
                        "went?",
                        abs.buf, p->cwd);
            sb_release(&abs);
            sb_release(&text);
            return 1;
        }
        static const char *const srv[] = { "listen(", "createServer",
                                           "setInterval(", "express(",
                                           "fastify(", "new Koa",
                                           "http.createServer" };
        static const char *const term[] = { "process.on('SIGTERM'",
                                            "process.on(\"SIGTERM\"",
                                            "process.once('SIGTERM'",
                                            "process.once(\"SIGTERM\"" };
        int rc = run_script_standin(ns, p, "node", a, text.buf, "console.log",
                                    srv, ARRAY_LEN(srv), term,
                                    ARRAY_LEN(term));
        sb_release(&abs);
        sb_release(&text);
        return rc;
    }
    return repl(ns, p, "node");
}

/* ===================================================================== */
/* python                                                                */
/* ===================================================================== */

static int py_signal(struct pns *ns, struct proc *p, int sig)
{
    if (sig == 2) {
        proc_puts(ns, p, 2, "Traceback (most recent call last):\n"
                            "KeyboardInterrupt\n");
        return 130;
    }
    (void)ns;
    return 0;
}

static int p_python(struct pns *ns, struct proc *p)
{
    const char *pv = uenv_get(&p->env, "PYTHON_VERSION");
    const char *name = PARGV(p)[0];
    /* Python catches SIGINT (KeyboardInterrupt), even as PID 1 */
    p->disp[2] = SIGD_CATCH;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            pout(ns, p, "Python %s\n", pv ? pv : "3.13.5");
            return 0;
        }
        if (strcmp(a, "-c") == 0 && i + 1 < PARGC(p)) {
            struct sb out = SB_INIT;
            if (only_prints(PARGV(p)[i + 1], "print", &out)) {
                proc_write(ns, p, 1, out.buf, out.len);
                sb_release(&out);
                return 0;
            }
            sb_release(&out);
            pout(ns, p, "[docksim: python would run: %s]\n", PARGV(p)[i + 1]);
            return 0;
        }
        if (strcmp(a, "-m") == 0 && i + 1 < PARGC(p)) {
            const char *mod = PARGV(p)[i + 1];
            if (strcmp(mod, "pip") == 0) {
                const char *path = uenv_get(&p->env, "PATH");
                char *pip = ufs_which(ns, p, "pip3", path);
                if (!pip)
                    pip = ufs_which(ns, p, "pip", path);
                if (!pip) {
                    proc_printf(ns, p, 2, "%s: No module named pip\n",
                                p->exe ? p->exe : name);
                    return 1;
                }
                free(pip);
                struct strlist av;
                strlist_init(&av);
                strlist_push(&av, "pip");
                for (int k = i + 2; k < PARGC(p); k++)
                    strlist_push(&av, PARGV(p)[k]);
                int rc = prog_exec_argv(ns, p, av.v, av.n, name);
                strlist_release(&av);
                return rc;
            }
            if (strcmp(mod, "venv") == 0 && i + 2 < PARGC(p)) {
                struct sb d = SB_INIT;
                proc_path(p, PARGV(p)[i + 2], &d);
                sb_adds(&d, "/bin");
                vfs_mkdir_p(ns->fs, d.buf, 0755, p->uid, p->gid);
                static const char *const bins[] = { "python", "python3", "pip",
                                                    "pip3" };
                for (size_t k = 0; k < ARRAY_LEN(bins); k++) {
                    struct sb f = SB_INIT;
                    sb_addf(&f, "%s/%s", d.buf, bins[k]);
                    struct vfs_entry *e = vfs_put_file(ns->fs, f.buf, 0755,
                                                       "#!/bin/sh\n", 10);
                    free(e->program);
                    e->program = xstrdup(k < 2 ? "python3" : "pip");
                    e->uid = p->uid;
                    e->gid = p->gid;
                    sb_release(&f);
                }
                sb_release(&d);
                return 0;
            }
            if (strcmp(mod, "http.server") == 0) {
                const char *port = i + 2 < PARGC(p) ? PARGV(p)[i + 2] : "8000";
                pout(ns, p, "Serving HTTP on 0.0.0.0 port %s (http://0.0.0.0:%s/) "
                            "...\n",
                     port, port);
                return prog_forever(ns, p);
            }
            if (strcmp(mod, "flask") == 0 || strcmp(mod, "uvicorn") == 0 ||
                strcmp(mod, "gunicorn") == 0 || strcmp(mod, "django") == 0) {
                pout(ns, p, "[docksim: python -m %s would start a server: it "
                            "keeps running]\n",
                     mod);
                return prog_forever(ns, p);
            }
            pout(ns, p, "[docksim: python would run module %s]\n", mod);
            return 0;
        }
        if (a[0] == '-')
            continue;
        struct sb abs = SB_INIT, text = SB_INIT;
        proc_path(p, a, &abs);
        int err = ufs_read(ns, p, abs.buf, &text);
        if (err) {
            proc_printf(ns, p, 2, "%s: can't open file '%s': [Errno %d] %s\n",
                        name, abs.buf, err == EISDIR ? 21 : 2,
                        err == EISDIR ? "Is a directory"
                                      : "No such file or directory");
            pns_explain(ns, "userland.script-missing",
                        "python cannot open %s in the container: was it "
                        "COPYed into the image, and does WORKDIR (%s) match?",
                        abs.buf, p->cwd);
            sb_release(&abs);
            sb_release(&text);
            return 2;
        }
        static const char *const srv[] = { "app.run(", "uvicorn.run(",
                                           "serve_forever", "while True",
                                           "run_forever", ".listen(",
                                           "time.sleep(", "web.run_app" };
        static const char *const term[] = { "signal.SIGTERM", "SIGTERM" };
        int rc = run_script_standin(ns, p, "python", a, text.buf, "print", srv,
                                    ARRAY_LEN(srv), term, ARRAY_LEN(term));
        sb_release(&abs);
        sb_release(&text);
        return rc;
    }
    return repl(ns, p, "python");
}

/* ===================================================================== */
/* ruby, irb, java, php and app servers                                  */
/* ===================================================================== */

static int p_ruby(struct pns *ns, struct proc *p)
{
    const char *rv = uenv_get(&p->env, "RUBY_VERSION");
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (strcmp(a, "-v") == 0 || strcmp(a, "--version") == 0) {
            pout(ns, p, "ruby %s (2026-01-01 revision 0) +PRISM [x86_64-linux]\n",
                 rv ? rv : "3.4.5");
            return 0;
        }
        if (strcmp(a, "-e") == 0 && i + 1 < PARGC(p)) {
            struct sb out = SB_INIT;
            if (only_prints(PARGV(p)[i + 1], "puts", &out)) {
                proc_write(ns, p, 1, out.buf, out.len);
                sb_release(&out);
                return 0;
            }
            sb_release(&out);
            pout(ns, p, "[docksim: ruby would run: %s]\n", PARGV(p)[i + 1]);
            return 0;
        }
        if (a[0] == '-')
            continue;
        struct sb text = SB_INIT;
        if (ufs_read(ns, p, a, &text) != 0) {
            proc_printf(ns, p, 2, "ruby: No such file or directory -- %s "
                                  "(LoadError)\n",
                        a);
            sb_release(&text);
            return 1;
        }
        static const char *const srv[] = { "Sinatra", "run!", "loop do",
                                           "WEBrick", "TCPServer" };
        static const char *const term[] = { "trap(\"TERM\"", "trap('TERM'",
                                            "Signal.trap" };
        int rc = run_script_standin(ns, p, "ruby", a, text.buf, "puts", srv,
                                    ARRAY_LEN(srv), term, ARRAY_LEN(term));
        sb_release(&text);
        return rc;
    }
    return repl(ns, p, "ruby");
}

static int p_irb(struct pns *ns, struct proc *p)
{
    return repl(ns, p, "irb");
}

static int p_java(struct pns *ns, struct proc *p)
{
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (strcmp(a, "-version") == 0 || strcmp(a, "--version") == 0) {
            proc_puts(ns, p, 2, "openjdk version \"21.0.8\" 2025-07-15\nOpenJDK "
                                "Runtime Environment (build 21.0.8+9)\nOpenJDK "
                                "64-Bit Server VM (build 21.0.8+9, mixed mode, "
                                "sharing)\n");
            return 0;
        }
        if (strcmp(a, "-jar") == 0 && i + 1 < PARGC(p)) {
            int err;
            if (!ufs_stat(ns, p, PARGV(p)[i + 1], true, &err)) {
                proc_printf(ns, p, 2, "Error: Unable to access jarfile %s\n",
                            PARGV(p)[i + 1]);
                return 1;
            }
            pout(ns, p, "[docksim: java would run %s: it keeps running]\n",
                 PARGV(p)[i + 1]);
            /* the JVM turns SIGTERM into an orderly shutdown */
            static const int sigs[] = { 15, 2, 1 };
            catch_sigs(p, sigs, 3);
            return prog_forever(ns, p);
        }
    }
    proc_puts(ns, p, 2, "Usage: java [options] <mainclass> [args...]\n");
    return 1;
}

static int p_php(struct pns *ns, struct proc *p)
{
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (strcmp(a, "-v") == 0) {
            pout(ns, p, "PHP 8.4.11 (cli) (built: Aug  1 2026 00:00:00) (NTS)\n");
            return 0;
        }
        if (strcmp(a, "-S") == 0 && i + 1 < PARGC(p)) {
            pout(ns, p, "[docksim: php would serve on %s: it keeps running]\n",
                 PARGV(p)[i + 1]);
            return prog_forever(ns, p);
        }
        if (a[0] != '-') {
            pout(ns, p, "[docksim: php would run %s]\n", a);
            return 0;
        }
    }
    return repl(ns, p, "php");
}

/* gunicorn, uvicorn, flask run, rails server, streamlit ...: servers
 * that shut down cleanly on SIGTERM */
static int p_app_server(struct pns *ns, struct proc *p)
{
    const char *who = pname(p);
    if (strcmp(who, "flask") == 0 && (PARGC(p) < 2 || strcmp(PARGV(p)[1], "run") != 0)) {
        pout(ns, p, "[docksim: not simulated: flask %s]\n",
             PARGC(p) > 1 ? PARGV(p)[1] : "");
        return 0;
    }
    if ((strcmp(who, "rails") == 0 || strcmp(who, "rake") == 0) &&
        PARGC(p) > 1 && strcmp(PARGV(p)[1], "server") != 0 &&
        strcmp(PARGV(p)[1], "s") != 0) {
        pout(ns, p, "[docksim: not simulated: %s %s]\n", who, PARGV(p)[1]);
        return 0;
    }
    struct sb args = SB_INIT;
    for (int i = 1; i < PARGC(p); i++)
        sb_addf(&args, " %s", PARGV(p)[i]);
    pout(ns, p, "[docksim: %s would start a server (%s%s): it keeps running]\n",
         who, who, args.buf);
    sb_release(&args);
    static const int sigs[] = { 15, 2, 1 };
    catch_sigs(p, sigs, 3);
    return prog_forever(ns, p);
}

/* A program compiled in the image (go build, a COPYed binary). */
static int p_compiled(struct pns *ns, struct proc *p)
{
    pout(ns, p, "[docksim: %s would run (a compiled program docksim cannot "
                "look into): it keeps running]\n",
         p->exe ? p->exe : PARGV(p)[0]);
    pns_explain(ns, "userland.compiled-program",
                "docksim cannot run compiled programs; it assumes this one is "
                "a server without a SIGTERM handler (Go's default): as PID 1 "
                "it ignores docker stop's SIGTERM.");
    return prog_forever(ns, p);
}

/* ===================================================================== */
/* Servers                                                               */
/* ===================================================================== */

static bool arg_has(struct proc *p, const char *s)
{
    for (int i = 1; i < PARGC(p); i++)
        if (strstr(PARGV(p)[i], s))
            return true;
    return false;
}

/*
 * nginx creates its temp directories under /var/cache/nginx before
 * anything else: on a --read-only root or as a user who cannot write
 * there it stops at once, logging [emerg] twice (error_log is stderr).
 */
static bool nginx_cannot_start(struct pns *ns, struct proc *p)
{
    static const char dir[] = "/var/cache/nginx";
    int err;
    if (p->uid != 0)
        proc_puts(ns, p, 2, "nginx: [warn] the \"user\" directive makes sense "
                            "only if the master process runs with super-user "
                            "privileges, ignored in /etc/nginx/nginx.conf:2\n");
    const struct vfs_entry *d = ufs_stat(ns, p, dir, true, &err);
    if (!d)
        return false;
    int w = ufs_may_write(ns, p, d);
    if (w == 0)
        return false;
    const struct vfs_entry *t =
        ufs_stat(ns, p, "/var/cache/nginx/client_temp", true, &err);
    if (t && t->type == VFS_DIR)
        return false;
    const char *why = w == EROFS ? "30: Read-only file system"
                                 : "13: Permission denied";
    time_t now = (time_t)(ns->now_ms / 1000);
    struct tm tm;
    gmtime_r(&now, &tm);
    char stamp[32];
    strftime(stamp, sizeof(stamp), "%Y/%m/%d %H:%M:%S", &tm);
    proc_printf(ns, p, 2,
                "%s [emerg] 1#1: mkdir() \"%s/client_temp\" failed (%s)\n"
                "nginx: [emerg] mkdir() \"%s/client_temp\" failed (%s)\n",
                stamp, dir, why, dir, why);
    pns_explain(ns, w == EROFS ? "userland.nginx-read-only"
                               : "userland.nginx-not-root",
                w == EROFS
                    ? "nginx creates its temp directories under "
                      "/var/cache/nginx at start-up; with --read-only that "
                      "fails and nginx exits 1. Mount a writable tmpfs there "
                      "(--tmpfs /var/cache/nginx --tmpfs /run)."
                    : "nginx creates its temp directories under "
                      "/var/cache/nginx at start-up; as a non-root user who "
                      "cannot write there it exits 1 (the nginx-unprivileged "
                      "image is made for that).");
    return true;
}

/* worker_processes of nginx.conf: a number, or auto (the CPUs: nproc) */
static int nginx_workers(const char *conf)
{
    const char *w = conf ? strstr(conf, "worker_processes") : NULL;
    if (!w)
        return 1;
    w += strlen("worker_processes");
    while (*w == ' ' || *w == '\t')
        w++;
    if (strncmp(w, "auto", 4) == 0)
        return 4;
    int n = (int)strtol(w, NULL, 10);
    return n > 0 && n <= 16 ? n : 1;
}

static const char nginx_worker_title[] = "nginx: worker process";

/*
 * A foreground nginx renames itself "nginx: master process ARGV" and
 * starts its workers ("nginx: worker process", as the `user` of
 * nginx.conf when the master is root): what docker top and ps show.
 */
static void nginx_master(struct pns *ns, struct proc *p, int workers)
{
    struct sb title = SB_INIT;
    sb_adds(&title, "nginx: master process");
    for (int i = 0; i < PARGC(p); i++)
        sb_addf(&title, " %s", PARGV(p)[i]);
    char *tv[] = { title.buf };
    proc_set_argv(p, tv, 1);
    sb_release(&title);
    unsigned uid = p->uid, gid = p->gid;
    if (p->uid == 0)
        ufs_user_lookup(ns, "nginx", &uid, &gid, NULL, NULL);
    char *wv[] = { (char *)nginx_worker_title };
    for (int i = 0; i < workers; i++) {
        int err = 0;
        struct proc *w = proc_spawn(ns, p, p->exe ? p->exe : "/usr/sbin/nginx",
                                    wv, 1, &err);
        if (!w)
            break;
        w->uid = uid;
        w->gid = gid;
        free(w->groups);
        w->groups = NULL;
        w->n_groups = 0;
    }
}

static int p_nginx(struct pns *ns, struct proc *p)
{
    if (PARGC(p) == 1 && strcmp(PARGV(p)[0], nginx_worker_title) == 0)
        return prog_forever(ns, p);
    const char *ver = uenv_get(&p->env, "NGINX_VERSION");
    if (arg_has(p, "-v") && PARGC(p) == 2) {
        proc_printf(ns, p, 2, "nginx version: nginx/%s\n", ver ? ver : "1.26.3");
        return 0;
    }
    if (arg_has(p, "-V")) {
        proc_printf(ns, p, 2, "nginx version: nginx/%s\nbuilt by gcc 14.2.0\n",
                    ver ? ver : "1.26.3");
        return 0;
    }
    if (arg_has(p, "-t")) {
        proc_puts(ns, p, 2, "nginx: the configuration file /etc/nginx/nginx.conf "
                            "syntax is ok\nnginx: configuration file "
                            "/etc/nginx/nginx.conf test is successful\n");
        return 0;
    }
    struct sb conf = SB_INIT;
    ufs_read(ns, p, "/etc/nginx/nginx.conf", &conf);
    bool foreground = arg_has(p, "daemon off") || strstr(conf.buf, "daemon off");
    int workers = nginx_workers(conf.buf);
    sb_release(&conf);
    if (!foreground) {
        pns_explain(ns, "userland.nginx-daemonizes",
                    "nginx without `-g 'daemon off;'` starts in the background "
                    "and its first process exits at once: as PID 1 that ends "
                    "the container. The official image's CMD keeps it in the "
                    "foreground with `nginx -g 'daemon off;'`.");
        return 0;
    }
    if (nginx_cannot_start(ns, p))
        return 1;
    pout(ns, p, "[docksim: nginx would serve HTTP on port 80: it keeps "
                "running]\n");
    /* QUIT: graceful, TERM/INT: fast, HUP: reload, USR1: reopen logs */
    static const int sigs[] = { 3, 15, 2, 1, 10, 12, 28 };
    catch_sigs(p, sigs, ARRAY_LEN(sigs));
    nginx_master(ns, p, workers);
    return prog_forever(ns, p);
}

static int nginx_signal(struct pns *ns, struct proc *p, int sig)
{
    (void)p;
    if (sig == 1 || sig == 10 || sig == 12 || sig == 28)
        return -1;
    pns_explain(ns, "stop.nginx-handles-signal",
                "nginx handles SIG%s (%s shutdown) and exits 0.", usig_name(sig),
                sig == 3 ? "graceful" : "fast");
    return 0;
}

static int p_httpd(struct pns *ns, struct proc *p)
{
    const char *ver = uenv_get(&p->env, "HTTPD_VERSION");
    if (arg_has(p, "-v") && PARGC(p) == 2) {
        pout(ns, p, "Server version: Apache/%s (Unix)\n", ver ? ver : "2.4.65");
        return 0;
    }
    if (!arg_has(p, "FOREGROUND")) {
        pns_explain(ns, "userland.httpd-daemonizes",
                    "httpd without -DFOREGROUND detaches into the background "
                    "and its first process exits: as PID 1 that ends the "
                    "container. The official image runs httpd-foreground.");
        return 0;
    }
    proc_puts(ns, p, 2, "AH00558: httpd: Could not reliably determine the "
                        "server's fully qualified domain name, using "
                        "172.17.0.2. Set the 'ServerName' directive globally "
                        "to suppress this message\n");
    pout(ns, p, "[docksim: httpd would serve HTTP on port 80: it keeps "
                "running]\n");
    /* WINCH: graceful stop, TERM: stop, HUP/USR1: restart */
    static const int sigs[] = { 28, 15, 2, 1, 10 };
    catch_sigs(p, sigs, ARRAY_LEN(sigs));
    return prog_forever(ns, p);
}

static int httpd_signal(struct pns *ns, struct proc *p, int sig)
{
    (void)ns;
    (void)p;
    return sig == 1 || sig == 10 ? -1 : 0;
}

static int p_redis_server(struct pns *ns, struct proc *p)
{
    const char *ver = uenv_get(&p->env, "REDIS_VERSION");
    if (arg_has(p, "--version") || (PARGC(p) == 2 && strcmp(PARGV(p)[1], "-v") == 0)) {
        pout(ns, p, "Redis server v=%s sha=00000000:0 malloc=jemalloc-5.3.0 "
                    "bits=64 build=0\n",
             ver ? ver : "8.0.2");
        return 0;
    }
    const char *port = "6379";
    for (int i = 1; i + 1 < PARGC(p); i++)
        if (strcmp(PARGV(p)[i], "--port") == 0)
            port = PARGV(p)[i + 1];
    pout(ns, p, "[docksim: redis-server would serve on port %s: it keeps "
                "running]\n",
         port);
    /* redis sets its process title: "{title} {listen-addr}" */
    struct sb title = SB_INIT;
    sb_addf(&title, "%s *:%s", PARGV(p)[0], port);
    char *tv[] = { title.buf };
    proc_set_argv(p, tv, 1);
    sb_release(&title);
    static const int sigs[] = { 15, 2 };
    catch_sigs(p, sigs, 2);
    return prog_forever(ns, p);
}

static int p_redis_cli(struct pns *ns, struct proc *p)
{
    bool up = false;
    for (size_t i = 0; i < ns->n_procs; i++)
        if (ns->procs[i]->native && ns->procs[i]->state == P_FOREVER &&
            strcmp(ns->procs[i]->native->name, "redis-server") == 0)
            up = true;
    if (!up) {
        proc_puts(ns, p, 2, "Could not connect to Redis at 127.0.0.1:6379: "
                            "Connection refused\n");
        return 1;
    }
    if (PARGC(p) > 1 && strcmp(PARGV(p)[PARGC(p) - 1], "ping") == 0) {
        pout(ns, p, "PONG\n");
        return 0;
    }
    pout(ns, p, "OK\n");
    return 0;
}

static int p_postgres(struct pns *ns, struct proc *p)
{
    if (arg_has(p, "--version") || arg_has(p, "-V")) {
        const char *v = uenv_get(&p->env, "PG_MAJOR");
        pout(ns, p, "postgres (PostgreSQL) %s.6\n", v ? v : "17");
        return 0;
    }
    if (p->uid == 0) {
        proc_puts(ns, p, 2, "\"root\" execution of the PostgreSQL server is not "
                            "permitted.\nThe server must be started under an "
                            "unprivileged user ID to prevent\npossible system "
                            "security compromise.  See the documentation for\n"
                            "more information on how to properly start the "
                            "server.\n");
        return 1;
    }
    pout(ns, p, "[docksim: postgres would serve on port 5432: it keeps "
                "running]\n");
    /* TERM: smart, INT: fast, QUIT: immediate shutdown */
    static const int sigs[] = { 15, 2, 3, 1 };
    catch_sigs(p, sigs, ARRAY_LEN(sigs));
    return prog_forever(ns, p);
}

static int p_pg_client(struct pns *ns, struct proc *p)
{
    bool up = false;
    for (size_t i = 0; i < ns->n_procs; i++)
        if (ns->procs[i]->native && ns->procs[i]->state == P_FOREVER &&
            strcmp(ns->procs[i]->native->name, "postgres") == 0)
            up = true;
    if (arg_has(p, "--version")) {
        pout(ns, p, "%s (PostgreSQL) 17.6\n", pname(p));
        return 0;
    }
    if (!up) {
        proc_printf(ns, p, 2, "%s: error: connection to server on socket "
                              "\"/var/run/postgresql/.s.PGSQL.5432\" failed: "
                              "No such file or directory\n\tIs the server "
                              "running locally and accepting connections on "
                              "that socket?\n",
                    pname(p));
        return 2;
    }
    pout(ns, p, "[docksim: %s would talk to the server]\n", pname(p));
    return 0;
}

static int p_mysqld(struct pns *ns, struct proc *p)
{
    if (arg_has(p, "--version") || arg_has(p, "-V")) {
        pout(ns, p, "/usr/sbin/mysqld  Ver 9.4.0 for Linux on x86_64 (MySQL "
                    "Community Server - GPL)\n");
        return 0;
    }
    if (p->uid == 0 && !arg_has(p, "--user")) {
        proc_puts(ns, p, 2, "2026-11-28T09:00:00.000000Z 0 [ERROR] [MY-010123] "
                            "[Server] Fatal error: Please read \"Security\" "
                            "section of the manual to find out how to run "
                            "mysqld as root!\n");
        return 1;
    }
    pout(ns, p, "[docksim: mysqld would serve on port 3306: it keeps "
                "running]\n");
    static const int sigs[] = { 15, 1 };
    catch_sigs(p, sigs, 2);
    return prog_forever(ns, p);
}

static int p_mysql_client(struct pns *ns, struct proc *p)
{
    proc_puts(ns, p, 2, "ERROR 2002 (HY000): Can't connect to local MySQL "
                        "server through socket '/var/run/mysqld/mysqld.sock' "
                        "(2)\n");
    return 1;
}

static int p_cron(struct pns *ns, struct proc *p)
{
    if (arg_has(p, "-f") || arg_has(p, "-n")) {
        pout(ns, p, "[docksim: %s would run scheduled jobs: it keeps "
                    "running]\n",
             pname(p));
        static const int sigs[] = { 15 };
        catch_sigs(p, sigs, 1);
        return prog_forever(ns, p);
    }
    /* cron daemonizes */
    return 0;
}

static int p_supervisord(struct pns *ns, struct proc *p)
{
    pout(ns, p, "[docksim: supervisord would start the programs of its "
                "configuration: it keeps running]\n");
    static const int sigs[] = { 15, 2, 3, 1 };
    catch_sigs(p, sigs, ARRAY_LEN(sigs));
    return prog_forever(ns, p);
}

/* ===================================================================== */
/* docker-init (tini), dumb-init                                         */
/* ===================================================================== */

struct init_state {
    int child;
    bool group; /* dumb-init: forward to every descendant */
};

static int p_tini(struct pns *ns, struct proc *p)
{
    struct init_state *st = p->pdata;
    if (p->phase == 0) {
        bool dumb = strcmp(pname(p), "dumb-init") == 0;
        int i = 1;
        while (i < PARGC(p) && PARGV(p)[i][0] == '-') {
            if (strcmp(PARGV(p)[i], "--") == 0) {
                i++;
                break;
            }
            i++;
        }
        if (i >= PARGC(p)) {
            proc_puts(ns, p, 2, dumb ? "Usage: dumb-init [option] command "
                                       "[[arg] ...]\n"
                                     : "tini (tini version 0.19.0)\nUsage: tini "
                                       "[OPTIONS] PROGRAM -- [ARGS] | --version\n");
            return 1;
        }
        int stc = 0;
        int pid = prog_spawn_wait(ns, p, PARGV(p) + i, (size_t)(PARGC(p) - i),
                                  &stc);
        if (pid < 0) {
            if (dumb)
                proc_printf(ns, p, 2, "[dumb-init] %s: No such file or "
                                      "directory\n",
                            PARGV(p)[i]);
            else
                proc_printf(ns, p, 2, "[FATAL tini (%d)] exec %s failed: No "
                                      "such file or directory\n",
                            ns->next_pid, PARGV(p)[i]);
            return stc;
        }
        st = xcalloc(1, sizeof(*st));
        st->child = pid;
        st->group = dumb;
        p->pdata = st;
        p->phase = 1;
        /* it catches (and forwards) everything it can */
        for (int s = 1; s < PNS_NSIG; s++)
            if (s != 9 && s != 19 && s != 17)
                p->disp[s] = SIGD_CATCH;
        p->wait_pid = -1;
        return PROG_BLOCK;
    }
    /* reap every zombie child; end with the main child */
    int cpid;
    int main_status = -1;
    for (;;) {
        int s = proc_reap(ns, p, -1, &cpid);
        if (s < 0)
            break;
        if (cpid == st->child)
            main_status = s;
    }
    if (main_status >= 0)
        return main_status;
    p->state = P_WAIT_CHILD;
    p->wait_pid = -1;
    return PROG_BLOCK;
}

static void signal_tree(struct pns *ns, int pid, int sig)
{
    struct proc *kids[64];
    size_t n = pns_children(ns, pid, kids, ARRAY_LEN(kids));
    for (size_t i = 0; i < n; i++) {
        int kp = kids[i]->pid;
        signal_tree(ns, kp, sig);
        struct proc *k = pns_find(ns, kp);
        if (k)
            proc_signal(ns, k, sig, false);
    }
}

static int tini_signal(struct pns *ns, struct proc *p, int sig)
{
    struct init_state *st = p->pdata;
    if (!st)
        return -1;
    if (st->group) {
        signal_tree(ns, p->pid, sig);
        return -1;
    }
    struct proc *c = pns_find(ns, st->child);
    if (c && c->state != P_ZOMBIE) {
        int r = proc_signal(ns, c, sig, false);
        pns_explain(ns, "stop.init-forwards-signal",
                    "docker-init (tini) is PID 1 and passes SIG%s on to its "
                    "child %s, which is not PID 1, so the signal's default "
                    "action applies to it%s.",
                    usig_name(sig) ? usig_name(sig) : "?",
                    c->argv.n ? c->argv.v[0] : "",
                    r == 1 ? " (it is terminated)" : r == 0 ? " (it runs its handler)"
                                                            : "");
    }
    return -1;
}

/* ===================================================================== */
/* The official images' entrypoint scripts                               */
/* ===================================================================== */

static bool starts_dash(const char *s)
{
    return s && s[0] == '-';
}

/* exec "$@" the way the script's shell (dash or bash) reports failure */
static int script_exec(struct pns *ns, struct proc *p, char *const *argv,
                       size_t argc, const char *script, int line)
{
    const char *pv = uenv_get(&p->env, "PATH");
    char *path = ufs_which(ns, p, argv[0], pv ? pv : DEFAULT_PATH);
    if (!path) {
        proc_printf(ns, p, 2, "%s: %d: exec: %s: not found\n", script, line,
                    argv[0]);
        return 127;
    }
    int err = proc_exec(ns, p, path, argv, argc);
    free(path);
    if (err) {
        proc_printf(ns, p, 2, "%s: %d: exec: %s: %s\n", script, line, argv[0],
                    err == EACCES ? "Permission denied" : "not found");
        return err == EACCES ? 126 : 127;
    }
    return PROG_EXEC;
}

static int p_ep_node(struct pns *ns, struct proc *p)
{
    struct strlist av;
    strlist_init(&av);
    for (int i = 1; i < PARGC(p); i++)
        strlist_push(&av, PARGV(p)[i]);
    const char *first = av.n ? av.v[0] : "";
    bool prepend = starts_dash(first);
    if (!prepend) {
        const char *pv = uenv_get(&p->env, "PATH");
        char *w = *first ? ufs_which(ns, p, first, pv ? pv : DEFAULT_PATH) : NULL;
        if (!w) {
            prepend = true;
        } else {
            free(w);
            int err;
            const struct vfs_entry *e = ufs_stat(ns, p, first, true, &err);
            if (e && e->type == VFS_FILE && !ufs_may_exec(p, e))
                prepend = true;
        }
    }
    struct strlist run;
    strlist_init(&run);
    if (prepend)
        strlist_push(&run, "node");
    for (size_t i = 0; i < av.n; i++)
        strlist_push(&run, av.v[i]);
    if (prepend)
        pns_explain(ns, "entrypoint.node-prepends-node",
                    "The node image's docker-entrypoint.sh puts `node` in "
                    "front of the arguments because `%s` %s, then runs `exec "
                    "\"$@\"`: node replaces the script and becomes PID 1.",
                    first,
                    starts_dash(first) ? "starts with -" : "is not a command");
    else
        pns_explain(ns, "entrypoint.node-runs-command",
                    "The node image's docker-entrypoint.sh sees that `%s` is a "
                    "command and runs it as it is with `exec \"$@\"`.",
                    first);
    int rc = script_exec(ns, p, run.v, run.n, "/usr/local/bin/docker-entrypoint.sh",
                         11);
    strlist_release(&run);
    strlist_release(&av);
    return rc;
}

static int cmp_version(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The packaged content of a catalog file (the first row that has it). */
static const char *catalog_packaged(const char *repo, const char *path)
{
    for (size_t i = 0; i < catalog_len; i++) {
        if (strcmp(catalog[i].repo, repo) != 0 || !catalog[i].sets)
            continue;
        for (const struct catalog_set *const *s = catalog[i].sets; *s; s++)
            for (const struct catalog_file *f = (*s)->files; f && f->path;
                 f++)
                if (f->type == CF_FILE && strcmp(f->path, path) == 0)
                    return f->data;
    }
    return NULL;
}

/*
 * /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh, as the image's
 * script decides: the catalog stores default.conf as it is after the
 * script's edit, so an untouched copy (not yet copied up into the
 * container's layer) is reported as enabled now, and a restart then finds
 * it "already enabled".
 */
static void nginx_listen_ipv6(struct pns *ns, struct proc *p, bool quiet)
{
    static const char me[] = "10-listen-on-ipv6-by-default.sh";
    static const char conf[] = "/etc/nginx/conf.d/default.conf";
    static const char v6[] = "    listen  [::]:80;\n";
    int err;
    const struct vfs_entry *e = ufs_stat(ns, p, conf, true, &err);
    if (!e || e->type != VFS_FILE) {
        if (!quiet)
            pout(ns, p, "%s: info: %s is not a file or does not exist\n", me,
                 conf);
        return;
    }
    if (ufs_may_write(ns, p, e) != 0) {
        if (!quiet)
            pout(ns, p, "%s: info: can not modify %s (read-only file "
                        "system?)\n",
                 me, conf);
        return;
    }
    struct sb text = SB_INIT;
    sb_add(&text, e->data ? e->data : "", e->len);
    const char *packaged = catalog_packaged("nginx", conf);
    bool copied_up = ns->fs->parent &&
                     vfs_lstat(ns->fs, conf) != vfs_lstat(ns->fs->parent, conf);
    bool has_v6 = strstr(text.buf, "listen  [::]:80;") != NULL;
    if (has_v6 && !(packaged && !copied_up && strcmp(text.buf, packaged) == 0)) {
        if (!quiet)
            pout(ns, p, "%s: info: IPv6 listen already enabled\n", me);
        sb_release(&text);
        return;
    }
    if (!quiet)
        pout(ns, p, "%s: info: Getting the checksum of %s\n", me, conf);
    /* the packaged file is the catalog's without the IPv6 line */
    struct sb pristine = SB_INIT;
    if (packaged) {
        const char *at = strstr(packaged, v6);
        if (at) {
            sb_add(&pristine, packaged, (size_t)(at - packaged));
            sb_adds(&pristine, at + strlen(v6));
        } else {
            sb_adds(&pristine, packaged);
        }
    }
    bool same = has_v6 || (packaged && strcmp(text.buf, pristine.buf) == 0);
    if (!same) {
        if (!quiet)
            pout(ns, p, "%s: info: %s differs from the packaged version\n", me,
                 conf);
    } else {
        struct sb out = SB_INIT;
        const char *l80 = strstr(text.buf, "listen       80;\n");
        if (!has_v6 && l80) {
            size_t cut = (size_t)(l80 - text.buf) + strlen("listen       80;\n");
            sb_add(&out, text.buf, cut);
            sb_adds(&out, v6);
            sb_adds(&out, text.buf + cut);
        } else {
            sb_adds(&out, text.buf);
        }
        struct vfs_entry *m = vfs_modify(ns->fs, conf);
        if (m) {
            free(m->data);
            m->data = xmalloc(out.len + 1);
            memcpy(m->data, out.buf, out.len + 1);
            m->len = out.len;
        }
        sb_release(&out);
        if (!quiet)
            pout(ns, p, "%s: info: Enabled listen on IPv6 in %s\n", me, conf);
    }
    sb_release(&pristine);
    sb_release(&text);
}

static int p_ep_nginx(struct pns *ns, struct proc *p)
{
    const char *me = PARGV(p)[0];
    const char *first = PARGC(p) > 1 ? PARGV(p)[1] : "";
    if (strcmp(first, "nginx") == 0 || strcmp(first, "nginx-debug") == 0) {
        bool quiet = uenv_get(&p->env, "NGINX_ENTRYPOINT_QUIET_LOGS") &&
                     *uenv_get(&p->env, "NGINX_ENTRYPOINT_QUIET_LOGS");
        struct strlist names;
        strlist_init(&names);
        ufs_list(ns, p, "/docker-entrypoint.d", &names);
        if (names.n) {
            if (!quiet) {
                pout(ns, p, "%s: /docker-entrypoint.d/ is not empty, will "
                            "attempt to perform configuration\n",
                     me);
                pout(ns, p, "%s: Looking for shell scripts in "
                            "/docker-entrypoint.d/\n",
                     me);
            }
            qsort(names.v, names.n, sizeof(*names.v), cmp_version);
            for (size_t i = 0; i < names.n; i++) {
                struct sb f = SB_INIT;
                sb_addf(&f, "/docker-entrypoint.d/%s", names.v[i]);
                int err;
                const struct vfs_entry *e = ufs_stat(ns, p, f.buf, true, &err);
                bool exec = e && e->type == VFS_FILE && ufs_may_exec(p, e);
                size_t l = strlen(names.v[i]);
                bool envsh = l > 6 && strcmp(names.v[i] + l - 6, ".envsh") == 0;
                bool sh = l > 3 && strcmp(names.v[i] + l - 3, ".sh") == 0;
                if (envsh || sh) {
                    if (exec) {
                        if (!quiet)
                            pout(ns, p, "%s: %s %s\n", me,
                                 envsh ? "Sourcing" : "Launching", f.buf);
                        if (strcmp(names.v[i],
                                   "10-listen-on-ipv6-by-default.sh") == 0 &&
                            e->data && strstr(e->data, "# docksim:")) {
                            nginx_listen_ipv6(ns, p, quiet);
                        } else {
                            char *argv[] = { f.buf };
                            prog_run_sync(ns, p, argv, 1);
                        }
                    } else if (!quiet) {
                        pout(ns, p, "%s: Ignoring %s, not executable\n", me,
                             f.buf);
                    }
                } else if (!quiet) {
                    pout(ns, p, "%s: Ignoring %s\n", me, f.buf);
                }
                sb_release(&f);
            }
            if (!quiet)
                pout(ns, p, "%s: Configuration complete; ready for start up\n",
                     me);
        } else if (!quiet) {
            pout(ns, p, "%s: No files found in /docker-entrypoint.d/, skipping "
                        "configuration\n",
                 me);
        }
        strlist_release(&names);
        pns_explain(ns, "entrypoint.nginx-configures",
                    "The nginx image's /docker-entrypoint.sh runs the scripts "
                    "of /docker-entrypoint.d/ (logging each one), then `exec "
                    "\"$@\"`: nginx replaces the script as PID 1.");
    }
    if (PARGC(p) < 2)
        return 0;
    return script_exec(ns, p, PARGV(p) + 1, p->argv.n - 1, me, 47);
}

static int p_ep_redis(struct pns *ns, struct proc *p)
{
    struct strlist run;
    strlist_init(&run);
    const char *first = PARGC(p) > 1 ? PARGV(p)[1] : "";
    size_t fl = strlen(first);
    if (starts_dash(first) || (fl > 5 && strcmp(first + fl - 5, ".conf") == 0))
        strlist_push(&run, "redis-server");
    for (int i = 1; i < PARGC(p); i++)
        strlist_push(&run, PARGV(p)[i]);
    if (run.n && strcmp(run.v[0], "redis-server") == 0 && p->uid == 0 &&
        !uenv_get(&p->env, "SKIP_DROP_PRIVS")) {
        unsigned uid, gid;
        if (ufs_user_lookup(ns, "redis", &uid, &gid, NULL, NULL)) {
            /* chown the data directory, then continue as redis */
            int err;
            const struct vfs_entry *d = ufs_stat(ns, p, "/data", true, &err);
            if (d && !uenv_get(&p->env, "SKIP_FIX_PERMS")) {
                struct vfs_entry *m = vfs_modify(ns->fs, d->path);
                if (m) {
                    m->uid = uid;
                    m->gid = gid;
                }
            }
            p->uid = uid;
            p->gid = gid;
            free(p->groups);
            p->groups = NULL;
            p->n_groups = 0;
            pns_explain(ns, "entrypoint.redis-drops-privileges",
                        "The redis image's entrypoint runs as root first, "
                        "fixes the ownership of /data, then re-executes itself "
                        "as the redis user (uid %u) with setpriv before "
                        "starting redis-server.",
                        uid);
        }
    }
    if (run.n && strcmp(run.v[0], "redis-server") == 0) {
        if (p->umask == 022)
            p->umask = 077;
        /* redis 8's entrypoint announces the server (not a sentinel) and
         * checks its modules directory */
        const char *ver = uenv_get(&p->env, "REDIS_VERSION");
        bool sentinel = false;
        for (size_t i = 1; i < run.n; i++)
            sentinel = sentinel || strcmp(run.v[i], "--sentinel") == 0;
        if (ver && strtol(ver, NULL, 10) >= 8 && !sentinel) {
            pout(ns, p, "Starting Redis Server\n");
            int err;
            const struct vfs_entry *m =
                ufs_stat(ns, p, "/usr/local/lib/redis/modules", true, &err);
            if (!m || m->type != VFS_DIR)
                pout(ns, p, "Warning: Default Redis modules directory "
                            "/usr/local/lib/redis/modules/ does not exist.\n");
        }
    }
    if (run.n == 0) {
        strlist_release(&run);
        return 0;
    }
    int rc = script_exec(ns, p, run.v, run.n, "/usr/local/bin/docker-entrypoint.sh",
                         31);
    strlist_release(&run);
    return rc;
}

static int p_ep_postgres(struct pns *ns, struct proc *p)
{
    const char *script = "/usr/local/bin/docker-entrypoint.sh";
    struct strlist run;
    strlist_init(&run);
    const char *first = PARGC(p) > 1 ? PARGV(p)[1] : "";
    if (starts_dash(first))
        strlist_push(&run, "postgres");
    for (int i = 1; i < PARGC(p); i++)
        strlist_push(&run, PARGV(p)[i]);
    bool server = run.n && strcmp(run.v[0], "postgres") == 0 &&
                  !(run.n > 1 && (strcmp(run.v[1], "--help") == 0 ||
                                  strcmp(run.v[1], "--version") == 0 ||
                                  strcmp(run.v[1], "-V") == 0));
    if (server) {
        const char *pgdata = uenv_get(&p->env, "PGDATA");
        if (!pgdata)
            pgdata = "/var/lib/postgresql/data";
        vfs_mkdir_p(ns->fs, pgdata, 0700, 999, 999);
        if (p->uid == 0) {
            unsigned uid, gid;
            if (ufs_user_lookup(ns, "postgres", &uid, &gid, NULL, NULL)) {
                struct vfs_entry *m = vfs_modify(ns->fs, pgdata);
                if (m) {
                    m->uid = uid;
                    m->gid = gid;
                }
                p->uid = uid;
                p->gid = gid;
                pns_explain(ns, "entrypoint.postgres-drops-privileges",
                            "The postgres image's entrypoint starts as root, "
                            "creates and chowns the data directory, then "
                            "re-runs itself as the postgres user (uid %u) "
                            "with gosu: postgres refuses to run as root.",
                            uid);
            }
        }
        struct sb ver = SB_INIT;
        sb_addf(&ver, "%s/PG_VERSION", pgdata);
        int err;
        bool has_db = ufs_stat(ns, p, ver.buf, true, &err) != NULL;
        if (!has_db) {
            const char *pw = uenv_get(&p->env, "POSTGRES_PASSWORD");
            const char *auth = uenv_get(&p->env, "POSTGRES_HOST_AUTH_METHOD");
            if ((!pw || !*pw) && !(auth && strcmp(auth, "trust") == 0)) {
                proc_puts(ns, p, 2,
                          "Error: Database is uninitialized and superuser "
                          "password is not specified.\n"
                          "       You must specify POSTGRES_PASSWORD to a "
                          "non-empty value for the\n"
                          "       superuser. For example, \"-e "
                          "POSTGRES_PASSWORD=password\" on \"docker run\".\n\n"
                          "       You may also use "
                          "\"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all\n"
                          "       connections without a password. This is "
                          "*not* recommended.\n\n"
                          "       See PostgreSQL documentation about "
                          "\"trust\":\n"
                          "       https://www.postgresql.org/docs/current/"
                          "auth-trust.html\n");
                pns_explain(ns, "entrypoint.postgres-needs-password",
                            "The postgres image refuses to initialise an "
                            "empty database without a password: pass -e "
                            "POSTGRES_PASSWORD=... to docker run. This is the "
                            "application failing (exit 1), not Docker.");
                sb_release(&ver);
                strlist_release(&run);
                return 1;
            }
            pout(ns, p, "The files belonging to this database system will be "
                        "owned by user \"postgres\".\nThis user must also own "
                        "the server process.\n\n");
            pout(ns, p, "Success. You can now start the database server using:"
                        "\n\n    pg_ctl -D %s -l logfile start\n\n",
                 pgdata);
            pout(ns, p, "waiting for server to start.... done\nserver started\n"
                        "\n%s: ignoring /docker-entrypoint-initdb.d/*\n\n"
                        "waiting for server to shut down.... done\nserver "
                        "stopped\n\nPostgreSQL init process complete; ready for "
                        "start up.\n\n",
                 script);
            const char *major = uenv_get(&p->env, "PG_MAJOR");
            struct sb v = SB_INIT;
            sb_addf(&v, "%s\n", major ? major : "17");
            struct vfs_entry *f = vfs_put_file(ns->fs, ver.buf, 0600, v.buf,
                                               v.len);
            f->uid = p->uid;
            f->gid = p->gid;
            sb_release(&v);
        } else {
            pout(ns, p, "\nPostgreSQL Database directory appears to contain a "
                        "database; Skipping initialization\n\n");
        }
        sb_release(&ver);
    }
    if (run.n == 0) {
        strlist_release(&run);
        return 0;
    }
    int rc = script_exec(ns, p, run.v, run.n, script, 382);
    strlist_release(&run);
    return rc;
}

static int p_ep_mysql(struct pns *ns, struct proc *p)
{
    struct strlist run;
    strlist_init(&run);
    const char *first = PARGC(p) > 1 ? PARGV(p)[1] : "";
    if (starts_dash(first))
        strlist_push(&run, "mysqld");
    for (int i = 1; i < PARGC(p); i++)
        strlist_push(&run, PARGV(p)[i]);
    bool server = run.n && strcmp(run.v[0], "mysqld") == 0 &&
                  !(run.n > 1 && (strcmp(run.v[1], "--help") == 0 ||
                                  strcmp(run.v[1], "--version") == 0));
    const char *ver = uenv_get(&p->env, "MYSQL_VERSION");
    if (server) {
        const char *ts = "2026-11-28T09:00:00+00:00";
        pout(ns, p, "%s [Note] [Entrypoint]: Entrypoint script for MySQL Server "
                    "%s started.\n",
             ts, ver ? ver : "9.4.0-1.el9");
        if (p->uid == 0) {
            unsigned uid, gid;
            if (ufs_user_lookup(ns, "mysql", &uid, &gid, NULL, NULL)) {
                pout(ns, p, "%s [Note] [Entrypoint]: Switching to dedicated user "
                            "'mysql'\n%s [Note] [Entrypoint]: Entrypoint script "
                            "for MySQL Server %s started.\n",
                     ts, ts, ver ? ver : "9.4.0-1.el9");
                p->uid = uid;
                p->gid = gid;
            }
        }
        int err;
        bool has_db = ufs_stat(ns, p, "/var/lib/mysql/mysql", true, &err) != NULL;
        if (!has_db) {
            if (!uenv_get(&p->env, "MYSQL_ROOT_PASSWORD") &&
                !uenv_get(&p->env, "MYSQL_ALLOW_EMPTY_PASSWORD") &&
                !uenv_get(&p->env, "MYSQL_RANDOM_ROOT_PASSWORD")) {
                proc_printf(ns, p, 2,
                            "%s [ERROR] [Entrypoint]: Database is uninitialized "
                            "and password option is not specified\n"
                            "    You need to specify one of the following as "
                            "an environment variable:\n"
                            "    - MYSQL_ROOT_PASSWORD\n"
                            "    - MYSQL_ALLOW_EMPTY_PASSWORD\n"
                            "    - MYSQL_RANDOM_ROOT_PASSWORD\n",
                            ts);
                pns_explain(ns, "entrypoint.mysql-needs-password",
                            "The mysql image refuses to initialise an empty "
                            "database without one of MYSQL_ROOT_PASSWORD, "
                            "MYSQL_ALLOW_EMPTY_PASSWORD or "
                            "MYSQL_RANDOM_ROOT_PASSWORD.");
                strlist_release(&run);
                return 1;
            }
            pout(ns, p, "%s [Note] [Entrypoint]: Initializing database files\n"
                        "%s [Note] [Entrypoint]: Database files initialized\n"
                        "\n%s [Note] [Entrypoint]: MySQL init process done. "
                        "Ready for start up.\n\n",
                 ts, ts, ts);
            vfs_mkdir_p(ns->fs, "/var/lib/mysql/mysql", 0750, 999, 999);
        }
        strlist_push(&run, "--user=mysql");
    }
    if (run.n == 0) {
        strlist_release(&run);
        return 0;
    }
    int rc = script_exec(ns, p, run.v, run.n, "/usr/local/bin/docker-entrypoint.sh",
                         420);
    strlist_release(&run);
    return rc;
}

static int p_httpd_foreground(struct pns *ns, struct proc *p)
{
    vfs_remove(ns->fs, "/usr/local/apache2/logs/httpd.pid");
    struct strlist run;
    strlist_init(&run);
    strlist_push(&run, "httpd");
    strlist_push(&run, "-DFOREGROUND");
    for (int i = 1; i < PARGC(p); i++)
        strlist_push(&run, PARGV(p)[i]);
    int rc = script_exec(ns, p, run.v, run.n, "/usr/local/bin/httpd-foreground",
                         7);
    strlist_release(&run);
    return rc;
}

static int p_entrypoint(struct pns *ns, struct proc *p)
{
    /* a docker-entrypoint:IMAGE whose image docksim does not know */
    if (PARGC(p) < 2)
        return 0;
    return script_exec(ns, p, PARGV(p) + 1, p->argv.n - 1, PARGV(p)[0], 1);
}

/* ===================================================================== */
/* The engine-observations lab's programs (tests/conformance)            */
/* ===================================================================== */

/* The lab's argv printers: "[$0] pid1=yes|no ..." and one line per
 * argument. */
static int p_oracle_argv(struct pns *ns, struct proc *p)
{
    const char *path = p->exe ? p->exe : PARGV(p)[0];
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    if (p->pid == 1)
        pout(ns, p, "[%s] pid1=yes argc=%d\n", path, PARGC(p) - 1);
    else
        pout(ns, p, "[%s] pid1=no ppid=%d argc=%d\n", path, p->ppid,
             PARGC(p) - 1);
    for (int i = 1; i < PARGC(p); i++)
        pout(ns, p, "[%s] argv[%d]=%s\n", b, i, PARGV(p)[i]);
    return 0;
}

/* The lab's stand-ins for runtimes: "[stand-in NAME] argc=N" + argv
 * lines; its nginx keeps running with `daemon off;` and exits 0 on
 * QUIT, TERM or INT. */
static int p_oracle_standin(struct pns *ns, struct proc *p)
{
    const char *b = pname(p);
    pout(ns, p, "[stand-in %s] argc=%d\n", b, PARGC(p) - 1);
    for (int i = 1; i < PARGC(p); i++)
        pout(ns, p, "[stand-in %s] argv[%d]=%s\n", b, i, PARGV(p)[i]);
    if (strcmp(b, "nginx") == 0 && arg_has(p, "daemon off")) {
        static const int sigs[] = { 3, 15, 2 };
        catch_sigs(p, sigs, 3);
        return prog_forever(ns, p);
    }
    return 0;
}

static int oracle_standin_signal(struct pns *ns, struct proc *p, int sig)
{
    pout(ns, p, "[stand-in %s] got SIG%s, exiting 0\n", pname(p),
         usig_name(sig) ? usig_name(sig) : "?");
    return 0;
}

const struct native_def prog_srv_table[] = {
    { "node", p_node, standin_signal },
    { "nodejs", p_node, standin_signal },
    { "python3", p_python, py_signal },
    { "python", p_python, py_signal },
    { "ruby", p_ruby, standin_signal },
    { "irb", p_irb, NULL },
    { "java", p_java, standin_signal },
    { "php", p_php, standin_signal },
    { "gunicorn", p_app_server, standin_signal },
    { "uvicorn", p_app_server, standin_signal },
    { "flask", p_app_server, standin_signal },
    { "streamlit", p_app_server, standin_signal },
    { "fastapi", p_app_server, standin_signal },
    { "rails", p_app_server, standin_signal },
    { "puma", p_app_server, standin_signal },
    { "celery", p_app_server, standin_signal },
    { "compiled-binary", p_compiled, NULL },
    { "nginx", p_nginx, nginx_signal },
    { "httpd", p_httpd, httpd_signal },
    { "apache2", p_httpd, httpd_signal },
    { "redis-server", p_redis_server, standin_signal },
    { "redis-cli", p_redis_cli, NULL },
    { "postgres", p_postgres, standin_signal },
    { "psql", p_pg_client, NULL },
    { "pg_isready", p_pg_client, NULL },
    { "createdb", p_pg_client, NULL },
    { "pg_dump", p_pg_client, NULL },
    { "mysqld", p_mysqld, standin_signal },
    { "mysql", p_mysql_client, NULL },
    { "mariadb", p_mysql_client, NULL },
    { "cron", p_cron, standin_signal },
    { "crond", p_cron, standin_signal },
    { "supervisord", p_supervisord, standin_signal },
    { "docker-init", p_tini, tini_signal },
    { "tini", p_tini, tini_signal },
    { "dumb-init", p_tini, tini_signal },
    { "docker-entrypoint:node", p_ep_node, NULL },
    { "docker-entrypoint:nginx", p_ep_nginx, NULL },
    { "docker-entrypoint:redis", p_ep_redis, NULL },
    { "docker-entrypoint:postgres", p_ep_postgres, NULL },
    { "docker-entrypoint:mysql", p_ep_mysql, NULL },
    { "docker-entrypoint", p_entrypoint, NULL },
    { "httpd-foreground", p_httpd_foreground, NULL },
    { "oracle-argv", p_oracle_argv, NULL },
    { "oracle-standin", p_oracle_standin, oracle_standin_signal },
    { NULL, NULL, NULL },
};
