/*
 * userland.c: start PID 1 of a container (or of a RUN step) as a
 * simulated process and run it on the simulated clock (proc.h), with the
 * shell (sh.h) and the programs (programs.h) behind it.
 */
#include "userland.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "proc.h"
#include "programs.h"
#include "run.h"
#include "sb.h"
#include "store.h"
#include "vfs.h"
#include "xmalloc.h"

/* 2026-11-28T09:00:00Z, the store's CLOCK_START, for build steps */
#define USERLAND_EPOCH 1795856400LL

long long userland_now_ms(const struct store *s)
{
    return (s ? (long long)s->clock : USERLAND_EPOCH) * 1000;
}

void userland_release(struct container *c)
{
    if (!c)
        return;
    pns_free(c->proc);
    c->proc = NULL;
}

static bool has_group_spec(const struct container *c)
{
    return c && c->cfg.user && strchr(c->cfg.user, ':') != NULL;
}

/* The first words of argv, for explanations ("sleep 100"). */
static void argv_text(char *const *argv, size_t argc, struct sb *out)
{
    for (size_t i = 0; i < argc && i < 4; i++)
        sb_addf(out, "%s%s", i ? " " : "", argv[i]);
    if (argc > 4)
        sb_adds(out, " ...");
}

static void health_init(struct pns *ns, const struct container *c,
                        long long now)
{
    const struct health_config *h = c->cfg.healthcheck;
    if (!h || h->test.n == 0 || strcmp(h->test.v[0], "NONE") == 0)
        return;
    ns->health = 1;
    long long interval = h->interval ? h->interval / 1000000 : 30000;
    long long start_interval = h->start_interval ? h->start_interval / 1000000
                                                 : 5000;
    ns->next_probe_ms = now + (h->start_period ? start_interval : interval);
}

/*
 * Who stays PID 1 and whether it gets docker stop's signal matters only
 * for a container that keeps running: when PID 1 has already ended, the
 * explanations about it are dropped (they would follow every short
 * `docker run IMG CMD`).
 */
static void drop_pid1_notes(struct explain_list *l)
{
    static const char *const ids[] = {
        "sh.ash-execs-last-command", "sh.bash-execs-last-command",
        "sh.dash-keeps-parent",      "sh.trap-keeps-parent",
        "sh.pipeline-keeps-parent",
    };
    if (!l)
        return;
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        bool drop = false;
        for (size_t j = 0; j < ARRAY_LEN(ids) && !drop; j++)
            drop = strcmp(l->items[i].id, ids[j]) == 0;
        if (!drop)
            l->items[k++] = l->items[i];
    }
    l->n = k;
}

int userland_exec(struct uctx *u, const char *path, const struct vfs_entry *e,
                  char *const *argv, size_t argc)
{
    (void)e;
    struct container *c = u->container;
    long long now = userland_now_ms(u->store);
    struct pns *ns = pns_new(u->fs, now);
    ns->out = u->out;
    ns->err = u->err;
    ns->tty = u->tty;
    ns->interactive = u->stdin_open;
    ns->hostname = u->hostname;
    ns->ex = u->explain;
    ns->build = c == NULL;
    ns->owner = c;
    if (c)
        ns->read_only = c->read_only;

    struct proc *init = proc_new(ns, 0);
    init->uid = u->uid;
    init->gid = u->gid;
    free(init->cwd);
    init->cwd = xstrdup(u->cwd ? u->cwd : "/");
    for (size_t i = 0; i < u->n_env; i++)
        strlist_push(&init->env, u->env[i]);
    if (!has_group_spec(c)) {
        char *name = ufs_user_name(ns, u->uid);
        ufs_user_groups(ns, name, u->gid, &init->groups, &init->n_groups);
        free(name);
    } else {
        init->groups = xcalloc(1, sizeof(*init->groups));
        init->groups[0] = u->gid;
        init->n_groups = 1;
    }
    /* standard input: a terminal with -t, else empty */
    struct ofile *in = ofile_new(u->tty ? OF_TTY : OF_NULL);
    in->readable = true;
    proc_setfd(init, 0, in);
    ofile_unref(in);
    struct ofile *o = ofile_sink(u->out);
    struct ofile *er = ofile_sink(u->err);
    proc_setfd(init, 1, o);
    proc_setfd(init, 2, er);
    ofile_unref(o);
    ofile_unref(er);

    int err = 0;
    if (c && c->init) {
        /* docker-init (tini) is PID 1 and starts the command */
        struct strlist av;
        strlist_init(&av);
        strlist_push(&av, "/sbin/docker-init");
        strlist_push(&av, "--");
        for (size_t i = 0; i < argc; i++)
            strlist_push(&av, argv[i]);
        struct prog_choice pc;
        prog_choose("docker-init", "/sbin/docker-init", &pc);
        init->exec_pending = true;
        init->exec_path = xstrdup("/sbin/docker-init");
        init->exec_argv = av;
        init->exec_native = pc.native;
        init->exec_pflavor = PF_GNU;
        /* tini's child was pid 6 to 8 in the lab (runc's helpers and
         * tini's own fork take the ones before): docksim uses 7 */
        ns->next_pid = 7;
        pns_explain(ns, "run.init-is-pid1",
                    "With --init, Docker runs docker-init (tini) as PID 1 and "
                    "your command as its child. tini forwards signals to that "
                    "child and reaps zombie processes.");
    } else {
        err = proc_exec(ns, init, path, argv, argc);
    }
    if (err) {
        /* The container has started: runc's final execve failed. run.c
         * has checked #! lines already; what reaches this point is a
         * binary for another CPU (ENOEXEC). runc >= 1.2 exits 255. */
        struct sb m = SB_INIT;
        sb_addf(&m, "exec %s: %s\n", path,
                err == ENOEXEC  ? "exec format error"
                : err == EACCES ? "permission denied"
                                : "no such file or directory");
        sb_add(u->err, m.buf, m.len);
        sb_release(&m);
        if (err == ENOEXEC)
            pns_explain(ns, "exec.format-error",
                        "%s is a compiled program for another CPU (its ELF "
                        "header names another machine; this Docker host is "
                        "linux/amd64). The container started, but the "
                        "kernel refused to execute the file: runc prints "
                        "\"exec format error\" on the container's stderr and "
                        "exits 255. Build the program (or the image, with "
                        "docker build --platform linux/amd64) for this "
                        "machine.",
                        path);
        pns_free(ns);
        return 255;
    }
    proc_exec_commit(ns, init);
    if (c)
        health_init(ns, c, now);

    long long until = LLONG_MAX;
    if (c)
        until = u->attached ? now + USERLAND_ATTACH_SECONDS * 1000LL : now;
    pns_run(ns, until);

    int status;
    if (ns->exited) {
        status = ns->exit_status;
        if (c)
            drop_pid1_notes(u->explain);
        long long secs = (ns->exit_ms - now + 999) / 1000;
        if (u->store && secs > 0)
            store_tick(u->store, (long)secs);
    } else {
        status = USERLAND_RUNNING;
        struct proc *p1 = pns_init(ns);
        struct sb what = SB_INIT;
        if (p1 && p1->argv.n)
            argv_text(p1->argv.v, p1->argv.n, &what);
        if (c && u->attached) {
            if (u->store)
                store_tick(u->store, USERLAND_ATTACH_SECONDS);
            pns_explain(ns, "userland.still-running",
                        "PID 1 (`%s`) keeps running, so the real `docker run` "
                        "would stay attached until it ends or you press "
                        "Ctrl-C. docksim watched it for %d simulated seconds "
                        "and gives the prompt back; the container is still "
                        "running (see `docker ps`, `docker stop`).",
                        what.buf, USERLAND_ATTACH_SECONDS);
        } else if (c) {
            pns_explain(ns, "userland.keeps-running",
                        "PID 1 (`%s`) keeps running in the background.",
                        what.buf);
        }
        sb_release(&what);
    }
    if (c) {
        pns_free(c->proc);
        c->proc = ns;
        ns->ex = NULL;
    } else {
        pns_free(ns);
    }
    return status;
}
