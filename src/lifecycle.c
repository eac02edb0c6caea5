/*
 * lifecycle.c: docker stop, kill, restart, wait, top and exec on the
 * simulated processes of a container, and its health checks, on the
 * store's simulated clock (run-semantics.md §3).
 */
#include "lifecycle.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dockerargs.h"
#include "explain.h"
#include "proc.h"
#include "programs.h"
#include "run.h"
#include "session.h"
#include "store.h"
#include "userland.h"
#include "vfs.h"
#include "xmalloc.h"

/* The daemon's default grace period on Linux (run-semantics.md §3.1). */
#define STOP_DEFAULT_SECONDS 10
#define WATCH_SECONDS LIFECYCLE_WATCH_SECONDS

static struct pns *ns_of(const struct container *c)
{
    return c ? (struct pns *)c->proc : NULL;
}

static long long now_ms(const struct store *s)
{
    return userland_now_ms(s);
}

static void finalize(struct container *c)
{
    struct pns *ns = ns_of(c);
    c->status = CS_EXITED;
    c->exit_code = ns->exit_status;
    c->finished_at = (long)((ns->exit_ms + 999) / 1000);
}

/* ===================================================================== */
/* Health checks                                                         */
/* ===================================================================== */

static long long ns_to_ms(long long nsec, long long dflt)
{
    return nsec > 0 ? nsec / 1000000 : dflt;
}

static void health_log(struct pns *ns, long long start, long long end, int code,
                       const char *output)
{
    if (ns->n_hlog == ARRAY_LEN(ns->hlog)) {
        free(ns->hlog[0].output);
        memmove(ns->hlog, ns->hlog + 1, (ns->n_hlog - 1) * sizeof(*ns->hlog));
        ns->n_hlog--;
    }
    struct health_log *l = &ns->hlog[ns->n_hlog++];
    l->start_ms = start;
    l->end_ms = end;
    l->exit_code = code;
    l->output = xstrdup(output);
}

/*
 * docker exec and the health probes run as the container's configured
 * user (Config.User, root if empty), not as whoever PID 1 has become: an
 * entrypoint that dropped privileges (postgres, redis) does not change
 * them. Unknown names stay root (run.c refused them at the start).
 */
static void user_spec(struct pns *ns, const char *spec, struct proc *q)
{
    char *name = xstrdup(spec);
    char *group = strchr(name, ':');
    if (group)
        *group++ = '\0';
    unsigned uid = 0, gid = 0;
    char *end;
    unsigned long n = strtoul(name, &end, 10);
    char *uname = NULL;
    if (*name && !*end) {
        uid = (unsigned)n;
        uname = ufs_user_name(ns, uid);
        unsigned u2;
        if (!uname || !ufs_user_lookup(ns, uname, &u2, &gid, NULL, NULL))
            gid = 0;
    } else if (ufs_user_lookup(ns, name, &uid, &gid, NULL, NULL)) {
        uname = xstrdup(name);
    }
    if (group) {
        unsigned long g = strtoul(group, &end, 10);
        if (*group && !*end)
            gid = (unsigned)g;
        else
            ufs_group_lookup(ns, group, &gid);
    }
    q->uid = uid;
    q->gid = gid;
    free(q->groups);
    q->groups = NULL;
    q->n_groups = 0;
    if (group || !uname) {
        q->groups = xcalloc(1, sizeof(*q->groups));
        q->groups[0] = gid;
        q->n_groups = 1;
    } else {
        ufs_user_groups(ns, uname, gid, &q->groups, &q->n_groups);
    }
    free(uname);
    free(name);
}

static void config_user(struct pns *ns, const struct container *c,
                        struct proc *q)
{
    user_spec(ns, c->cfg.user && *c->cfg.user ? c->cfg.user : "root", q);
}

/* Run one probe now; returns its exit code (-1: timed out). */
static int probe(struct store *s, struct container *c, struct sb *output)
{
    struct pns *ns = ns_of(c);
    const struct health_config *h = c->cfg.healthcheck;
    struct strlist av;
    strlist_init(&av);
    if (strcmp(h->test.v[0], "CMD-SHELL") == 0 && h->test.n > 1) {
        if (c->cfg.shell.n)
            for (size_t i = 0; i < c->cfg.shell.n; i++)
                strlist_push(&av, c->cfg.shell.v[i]);
        else {
            strlist_push(&av, "/bin/sh");
            strlist_push(&av, "-c");
        }
        strlist_push(&av, h->test.v[1]);
    } else {
        for (size_t i = 1; i < h->test.n; i++)
            strlist_push(&av, h->test.v[i]);
    }
    (void)s;
    if (av.n == 0) {
        strlist_release(&av);
        return 1;
    }
    struct proc *p = proc_new(ns, 0);
    p->exec_job = true;
    config_user(ns, c, p);
    strlist_copy(&p->env, &c->process_env);
    free(p->cwd);
    p->cwd = xstrdup(c->cfg.working_dir && *c->cfg.working_dir
                         ? c->cfg.working_dir
                         : "/");
    struct sb *sink = xcalloc(1, sizeof(*sink));
    sb_init(sink);
    struct ofile *nul = ofile_new(OF_NULL);
    nul->readable = true;
    struct ofile *o = ofile_sink(sink);
    proc_setfd(p, 0, nul);
    proc_setfd(p, 1, o);
    proc_setfd(p, 2, o);
    ofile_unref(nul);
    ofile_unref(o);
    const char *pv = uenv_get(&p->env, "PATH");
    char *path = ufs_which(ns, p, av.v[0], pv ? pv : DEFAULT_PATH);
    int code;
    if (!path || proc_exec(ns, p, path, av.v, av.n) != 0) {
        sb_addf(output, "OCI runtime exec failed: exec failed: unable to start "
                        "container process: exec: \"%s\": executable file not "
                        "found in $PATH: unknown",
                av.v[0]);
        proc_exit(ns, p, 127);
        code = -1;
    } else {
        proc_exec_commit(ns, p);
        long long elapsed = 0;
        long long timeout = ns_to_ms(h->timeout, 30000);
        int st = pns_run_sync(ns, p, &elapsed);
        if (st < 0 || elapsed > timeout) {
            sb_addf(output, "Health check exceeded timeout (%llds)",
                    timeout / 1000);
            if (p->state != P_ZOMBIE)
                proc_kill(ns, p, 9);
            code = -1;
        } else {
            sb_add(output, sink->buf, sink->len < 4096 ? sink->len : 4096);
            code = st;
        }
    }
    p->reaped = true;
    free(path);
    strlist_release(&av);
    /* the sink must outlive the process's files, which are closed now */
    sb_release(sink);
    free(sink);
    return code;
}

static void health_run(struct store *s, struct container *c, long long until)
{
    struct pns *ns = ns_of(c);
    const struct health_config *h = c->cfg.healthcheck;
    if (!ns || !ns->health || !h)
        return;
    long long interval = ns_to_ms(h->interval, 30000);
    long long start_interval = ns_to_ms(h->start_interval, 5000);
    long long start_period = ns_to_ms(h->start_period, 0);
    int retries = h->retries > 0 ? h->retries : 3;
    long long started = (long long)c->started_at * 1000;
    for (int n = 0; n < 200 && ns->next_probe_ms <= until && !ns->exited; n++) {
        if (ns->next_probe_ms > ns->now_ms)
            pns_run(ns, ns->next_probe_ms);
        if (ns->exited)
            break;
        long long t = ns->next_probe_ms;
        struct sb out = SB_INIT;
        int code = probe(s, c, &out);
        health_log(ns, t, t, code, out.buf);
        sb_release(&out);
        bool in_start = start_period && t < started + start_period;
        if (code == 0) {
            ns->health = 2;
            ns->failing_streak = 0;
            ns->probing = true; /* has succeeded once */
        } else if (!(in_start && !ns->probing)) {
            ns->failing_streak++;
            if (ns->failing_streak >= retries)
                ns->health = 3;
        }
        bool still_start = start_period && t + start_interval < started + start_period &&
                           !ns->probing;
        ns->next_probe_ms = t + (still_start ? start_interval : interval);
    }
    if (ns->next_probe_ms <= until && !ns->exited) {
        /* many probes ago: skip ahead, keeping the last result */
        long long k = (until - ns->next_probe_ms) / interval + 1;
        ns->next_probe_ms += k * interval;
    }
}

const char *lifecycle_health(const struct container *c)
{
    struct pns *ns = ns_of(c);
    if (!ns || !ns->health)
        return NULL;
    static const char *const names[] = { NULL, "starting", "healthy",
                                         "unhealthy" };
    return names[ns->health];
}

static void rfc3339(struct sb *out, long long ms)
{
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[64];
    strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
    sb_addf(out, "%s.%03lld000000Z", buf, ms % 1000);
}

static void json_str(struct sb *out, const char *s)
{
    sb_addch(out, '"');
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            sb_addf(out, "\\%c", ch);
        else if (ch == '\n')
            sb_adds(out, "\\n");
        else if (ch == '\t')
            sb_adds(out, "\\t");
        else if (ch < 0x20)
            sb_addf(out, "\\u%04x", ch);
        else
            sb_addch(out, (char)ch);
    }
    sb_addch(out, '"');
}

void lifecycle_health_json(struct sb *out, const struct container *c,
                           const char *indent)
{
    struct pns *ns = ns_of(c);
    if (!ns || !ns->health)
        return;
    sb_addf(out, "%s\"Health\": {\n", indent);
    sb_addf(out, "%s    \"Status\": \"%s\",\n", indent, lifecycle_health(c));
    sb_addf(out, "%s    \"FailingStreak\": %d,\n", indent, ns->failing_streak);
    if (!ns->n_hlog) {
        sb_addf(out, "%s    \"Log\": []\n%s}", indent, indent);
        return;
    }
    sb_addf(out, "%s    \"Log\": [\n", indent);
    for (size_t i = 0; i < ns->n_hlog; i++) {
        const struct health_log *l = &ns->hlog[i];
        sb_addf(out, "%s        {\n%s            \"Start\": \"", indent, indent);
        rfc3339(out, l->start_ms);
        sb_addf(out, "\",\n%s            \"End\": \"", indent);
        rfc3339(out, l->end_ms);
        sb_addf(out, "\",\n%s            \"ExitCode\": %d,\n%s            "
                     "\"Output\": ",
                indent, l->exit_code, indent);
        json_str(out, l->output);
        sb_addf(out, "\n%s        }%s\n", indent, i + 1 < ns->n_hlog ? "," : "");
    }
    sb_addf(out, "%s    ]\n%s}", indent, indent);
}

/* ===================================================================== */
/* Advancing time                                                        */
/* ===================================================================== */

void lifecycle_advance(struct store *s, struct container *c,
                       struct explain_list *ex)
{
    struct pns *ns = ns_of(c);
    if (!ns || c->status != CS_RUNNING)
        return;
    ns->ex = ex;
    long long until = now_ms(s);
    health_run(s, c, until);
    if (!ns->exited && until > ns->now_ms)
        pns_run(ns, until);
    if (ns->exited)
        finalize(c);
    ns->ex = NULL;
}

void lifecycle_advance_all(struct store *s)
{
    for (size_t i = 0; i < s->n_containers;) {
        struct container *c = s->containers[i];
        bool was_running = c->status == CS_RUNNING;
        lifecycle_advance(s, c, NULL);
        if (was_running && c->status == CS_EXITED && c->auto_remove) {
            store_remove_container(s, c);
            continue;
        }
        i++;
    }
}

bool lifecycle_last_stop(const struct container *c, long long *ms,
                         int *exit_code)
{
    struct pns *ns = ns_of(c);
    if (!ns || !ns->has_last_stop)
        return false;
    *ms = ns->last_stop_ms;
    *exit_code = c->exit_code;
    return true;
}

void lifecycle_pid1(const struct container *c, struct sb *out)
{
    struct pns *ns = ns_of(c);
    struct proc *p = ns ? pns_init(ns) : NULL;
    if (!p || p->state == P_ZOMBIE)
        return;
    for (size_t i = 0; i < p->argv.n; i++)
        sb_addf(out, "%s%s", i ? " " : "", p->argv.v[i]);
}

/* ===================================================================== */
/* docker stop                                                           */
/* ===================================================================== */

/* A process's command line for the explanations: its first 4 words. */
static void describe_proc(const struct proc *p, struct sb *out)
{
    for (size_t i = 0; i < p->argv.n && i < 4; i++)
        sb_addf(out, "%s%s", i ? " " : "", p->argv.v[i]);
    if (p->argv.n > 4)
        sb_adds(out, " ...");
}

static void describe_pid1(struct pns *ns, struct sb *out)
{
    struct proc *p = pns_init(ns);
    if (p)
        describe_proc(p, out);
}

/*
 * PID 1 dropped the stop signal: if it is a shell with children, they
 * never got it either (a shell does not pass signals on), and the
 * SIGKILL at the end ends them with the rest of the container: a trap in
 * a child script never runs (run-semantics.md §3.3, the dash lab).
 */
static void explain_not_forwarded(struct pns *ns, struct proc *init, int sig,
                                  struct explain_list *ex)
{
    if (!init->sh)
        return;
    struct proc *kids[16];
    size_t n = pns_children(ns, init->pid, kids, ARRAY_LEN(kids));
    struct proc *k = NULL;
    for (size_t i = 0; i < n; i++) {
        if (kids[i]->state == P_ZOMBIE)
            continue;
        if (!k || (kids[i]->disp[sig] == SIGD_CATCH &&
                   k->disp[sig] != SIGD_CATCH))
            k = kids[i];
    }
    if (!k)
        return;
    const char *sn = usig_name(sig) ? usig_name(sig) : "?";
    struct sb who = SB_INIT;
    describe_proc(k, &who);
    if (k->disp[sig] == SIGD_CATCH)
        explain_add(ex, "stop.shell-does-not-forward", 0,
                    "The shell does not pass SIG%s on to its children: `%s` "
                    "(PID %d) has a handler (a trap) for it, but never "
                    "receives it, so its clean-up never runs.",
                    sn, who.buf, k->pid);
    else
        explain_add(ex, "stop.shell-does-not-forward", 0,
                    "The shell does not pass SIG%s on to its children: `%s` "
                    "(PID %d) never receives it either.",
                    sn, who.buf, k->pid);
    sb_release(&who);
}

int lifecycle_stop(struct store *s, struct container *c, const char *signal,
                   int timeout, struct explain_list *ex, long long *took_ms,
                   struct sb *err)
{
    *took_ms = 0;
    const char *signame = signal && *signal ? signal
                          : c->cfg.stop_signal && *c->cfg.stop_signal
                              ? c->cfg.stop_signal
                              : "SIGTERM";
    int sig = usig_number(signame);
    if (sig <= 0) {
        sb_addf(err, "Error response from daemon: Invalid signal: %s\n",
                signame);
        return -1;
    }
    int grace = timeout != LIFECYCLE_TIMEOUT_UNSET ? timeout
                : c->stop_timeout_set              ? c->stop_timeout
                                                   : STOP_DEFAULT_SECONDS;
    lifecycle_advance(s, c, ex);
    if (c->status != CS_RUNNING)
        return 0;
    struct pns *ns = ns_of(c);
    long long start = now_ms(s);
    if (!ns) {
        /* no process state: treat PID 1 as a program without handlers */
        if (sig == 9) {
            c->exit_code = 137;
        } else {
            *took_ms = (long long)grace * 1000;
            c->exit_code = 137;
            explain_add(ex, "stop.sigkill-after-timeout", 0,
                        "docksim has no record of what PID 1 does, so it "
                        "assumes a program without a handler for SIG%s: as "
                        "PID 1 it ignores it, and after %d s Docker sends "
                        "SIGKILL (exit 137).",
                        usig_name(sig) ? usig_name(sig) : "?", grace);
        }
        c->status = CS_EXITED;
        store_tick(s, (long)((*took_ms + 999) / 1000));
        c->finished_at = s->clock;
        return 0;
    }
    ns->ex = ex;
    struct sb who = SB_INIT;
    describe_pid1(ns, &who);
    struct proc *init = pns_init(ns);
    const char *sn = usig_name(sig) ? usig_name(sig) : "?";
    /* what the signal will do, said before its effects are explained */
    int r = sig == 9                        ? 1
            : init->disp[sig] == SIGD_CATCH ? 0
            : init->disp[sig] == SIGD_IGN   ? 2
            : (sig == 17 || sig == 18 || sig == 23 || sig == 28) ? 2
                                                                 : 3;
    if (sig == 9) {
        explain_add(ex, "stop.sigkill", 0,
                    "The stop signal is SIGKILL: the kernel ends PID 1 at "
                    "once, with no chance to clean up (exit 137).");
    } else if (r == 3 || r == 2) {
        explain_add(ex, "stop.pid1-ignores-signal", 0,
                    "docker stop sends SIG%s to PID 1 (`%s`). PID 1 of a "
                    "container has no default signal actions, and this "
                    "program installed no handler for SIG%s, so the signal "
                    "is ignored.",
                    sn, who.buf, sn);
    } else {
        explain_add(ex, "stop.pid1-handles-signal", 0,
                    "docker stop sends SIG%s to PID 1 (`%s`), which has a "
                    "handler for it.",
                    sn, who.buf);
    }
    /* --init: tini passes the signal to its direct child only; a
     * handler further down never runs if that child dies of it */
    struct proc *beyond = NULL;
    if (init->native && strcmp(init->native->name, "docker-init") == 0 &&
        sig != 9)
        for (size_t i = 0; i < ns->n_procs && !beyond; i++) {
            struct proc *q = ns->procs[i];
            if (q != init && q->ppid != init->pid && q->state != P_ZOMBIE &&
                !q->exec_job && q->disp[sig] == SIGD_CATCH)
                beyond = q;
        }
    int beyond_pid = beyond ? beyond->pid : 0;
    struct sb beyond_who = SB_INIT;
    if (beyond)
        describe_proc(beyond, &beyond_who);
    proc_signal(ns, init, sig, true);
    long long deadline = grace < 0 ? start + WATCH_SECONDS * 1000LL
                                   : start + grace * 1000LL;
    pns_run(ns, deadline);
    if (!ns->exited && grace < 0) {
        /* a negative timeout: the daemon waits without end; the user
         * gives up (Ctrl-C) after the watch */
        explain_add(ex, "stop.waits-forever", 0,
                    "A negative timeout makes Docker wait for PID 1 without "
                    "end, with no SIGKILL. `%s` did not stop within %d "
                    "simulated seconds, so the real docker stop would still "
                    "be waiting (Ctrl-C leaves it; the container keeps "
                    "running).",
                    who.buf, WATCH_SECONDS);
        if (r == 3)
            explain_not_forwarded(ns, init, sig, ex);
        ns->ex = NULL;
        sb_release(&who);
        sb_release(&beyond_who);
        *took_ms = WATCH_SECONDS * 1000LL;
        store_tick(s, WATCH_SECONDS);
        return 1;
    }
    if (ns->exited && beyond_pid) {
        struct proc *b = pns_find(ns, beyond_pid);
        if (b && b->killed_by == 9)
            explain_add(ex, "stop.init-child-only", 0,
                        "tini passes the signal to its direct child only. "
                        "`%s` (PID %d) has a handler for SIG%s but never got "
                        "it: when tini's child ended, tini exited and the "
                        "kernel killed the rest of the container, so its "
                        "clean-up never ran. --init ends the wait, not the "
                        "problem of a shell in between: use the exec form, or "
                        "`exec` in the script.",
                        beyond_who.buf, beyond_pid, sn);
    }
    sb_release(&beyond_who);
    if (ns->exited) {
        *took_ms = ns->exit_ms - start;
        if (sig != 9 && r != 3 && ns->exit_status == 128 + sig)
            explain_add(ex, "stop.exit-by-signal", 0,
                        "PID 1 exited with status %d = 128+%d, the code that "
                        "means \"ended by SIG%s\": the container's exit code.",
                        128 + sig, sig, sn);
        else if (r == 0 && ns->exit_status == 0)
            explain_add(ex, "stop.graceful", 0,
                        "PID 1 handled the signal and exited by itself with "
                        "status 0: a clean shutdown.");
        else if (r == 0)
            explain_add(ex, "stop.handler-exit", 0,
                        "PID 1 handled the signal and exited by itself with "
                        "status %d, the exit code its handler chose.",
                        ns->exit_status);
        if (r == 0 && *took_ms >= 1000)
            explain_add(ex, "stop.handler-waited", 0,
                        "The handler ran only after %lld s: a shell runs a "
                        "trap once the foreground command it is waiting for "
                        "has ended (a `wait` would have been interrupted at "
                        "once).",
                        *took_ms / 1000);
    } else {
        /* the grace period is over: SIGKILL */
        if (r == 3)
            explain_not_forwarded(ns, init, sig, ex);
        ns->now_ms = deadline;
        proc_kill(ns, init, 9);
        ns->exit_ms = deadline;
        *took_ms = deadline - start;
        if (grace == 0)
            explain_add(ex, "stop.sigkill-after-timeout", 0,
                        "The grace period is 0 s: Docker sends SIGKILL right "
                        "after SIG%s, and the container's exit code is 137 "
                        "(128+9).",
                        sn);
        else
            explain_add(ex, "stop.sigkill-after-timeout", 0,
                        "PID 1 was still running after the %d s grace "
                        "period, so Docker sent SIGKILL: the container's exit "
                        "code is 137 (128+9), and the stop took %d s.",
                        grace, grace);
        if (r == 3)
            explain_add(ex, "stop.fix-pid1", 0,
                        "To stop quickly and cleanly, make PID 1 handle "
                        "SIGTERM: use the exec form of CMD/ENTRYPOINT (or "
                        "`exec` in a wrapper script) so the program itself is "
                        "PID 1, and give it a SIGTERM handler; or run with "
                        "--init so docker-init forwards the signal.");
    }
    ns->last_stop_ms = *took_ms;
    ns->has_last_stop = true;
    finalize(c);
    ns->ex = NULL;
    sb_release(&who);
    long long secs = (*took_ms + 999) / 1000;
    if (secs > 0)
        store_tick(s, (long)secs);
    c->finished_at = s->clock;
    return 0;
}

/* Add src's items to dst, but not one dst already has word for word
 * (stopping several containers alike explains it once). */
static void explain_merge(struct explain_list *dst,
                          const struct explain_list *src)
{
    for (size_t i = 0; i < src->n; i++) {
        const struct explain_item *it = &src->items[i];
        bool dup = false;
        for (size_t k = 0; k < dst->n && !dup; k++)
            dup = strcmp(dst->items[k].id, it->id) == 0 &&
                  strcmp(dst->items[k].text, it->text) == 0;
        if (!dup)
            explain_add(dst, it->id, it->line, "%s", it->text);
    }
}

static bool get_int_flag(const struct dparsed *p, const char *name, int *v)
{
    const char *t = dparsed_get(p, name);
    if (!t)
        return false;
    *v = (int)strtol(t, NULL, 10);
    return true;
}

void docker_stop(struct session *s, const struct dparsed *p,
                 struct line_result *r)
{
    if (dparsed_changed(p, "time") && dparsed_changed(p, "timeout")) {
        sb_adds(&r->err, "conflicting options: cannot specify both --timeout "
                         "and --time\n");
        r->exit_code = 1;
        return;
    }
    int timeout = LIFECYCLE_TIMEOUT_UNSET;
    if (!get_int_flag(p, "timeout", &timeout))
        get_int_flag(p, "time", &timeout);
    const char *signal = dparsed_get(p, "signal");
    int failed = 0;
    bool waiting = false;
    for (size_t i = 0; i < p->n_args && !waiting; i++) {
        struct container *c = store_find_container(&s->store, p->args[i]);
        if (!c) {
            sb_addf(&r->err, "Error response from daemon: No such container: "
                             "%s\n",
                    p->args[i]);
            failed++;
            continue;
        }
        long long took = 0;
        bool was_running = c->status == CS_RUNNING;
        struct explain_list ex;
        explain_init(&ex);
        int rc = lifecycle_stop(&s->store, c, signal, timeout, &ex, &took,
                                &r->err);
        explain_merge(&r->explain, &ex);
        explain_release(&ex);
        if (rc < 0) {
            failed++;
            continue;
        }
        if (rc == 1) {
            /* an endless grace period: the command never returns */
            sb_addf(&r->notes, "docker stop keeps waiting: PID 1 is still "
                               "running after %d simulated seconds\n",
                    WATCH_SECONDS);
            waiting = true;
            break;
        }
        sb_addf(&r->out, "%s\n", p->args[i]);
        if (was_running) {
            if (p->n_args > 1)
                sb_addf(&r->notes, "%s: ", p->args[i]);
            sb_addf(&r->notes, "stopped after %lld.%03llds, container exit code "
                               "%d\n",
                    took / 1000, took % 1000, c->exit_code);
            r->has_container = true;
            free(r->container_id);
            r->container_id = xstrdup(c->id);
            free(r->container_name);
            r->container_name = xstrdup(c->name);
            /* --json: stopped_after_s and container_exit_code (read here:
             * a --rm container is removed below) */
            long long ms;
            int code;
            if (lifecycle_last_stop(c, &ms, &code)) {
                r->has_stop = true;
                r->stopped_after_s = (double)ms / 1000.0;
                r->container_exit_code = code;
            }
        } else if (!explain_has(&r->explain, "stop.not-running")) {
            explain_add(&r->explain, "stop.not-running", 0,
                        "The container is not running: docker stop does "
                        "nothing and still prints its name (exit 0).");
        }
        if (c->auto_remove && c->status == CS_EXITED)
            store_remove_container(&s->store, c);
    }
    r->exit_code = waiting ? 130 : failed ? 1 : 0;
}

/* ===================================================================== */
/* docker kill                                                           */
/* ===================================================================== */

void docker_kill(struct session *s, const struct dparsed *p,
                 struct line_result *r)
{
    const char *signame = dparsed_get(p, "signal");
    if (!signame)
        signame = "KILL";
    int sig = usig_number(signame);
    int failed = 0;
    for (size_t i = 0; i < p->n_args; i++) {
        struct container *c = store_find_container(&s->store, p->args[i]);
        if (!c) {
            sb_addf(&r->err, "Error response from daemon: No such container: "
                             "%s\n",
                    p->args[i]);
            failed++;
            continue;
        }
        lifecycle_advance(&s->store, c, &r->explain);
        if (sig <= 0) {
            sb_addf(&r->err, "Error response from daemon: Invalid signal: %s\n",
                    signame);
            failed++;
            continue;
        }
        if (c->status != CS_RUNNING) {
            sb_addf(&r->err, "Error response from daemon: cannot kill "
                             "container: %s: container %s is not running\n",
                    p->args[i], c->id);
            failed++;
            continue;
        }
        struct pns *ns = ns_of(c);
        if (!ns) {
            if (sig == 9) {
                c->status = CS_EXITED;
                c->exit_code = 137;
                c->finished_at = s->store.clock;
            }
            sb_addf(&r->out, "%s\n", p->args[i]);
            continue;
        }
        ns->ex = &r->explain;
        struct proc *init = pns_init(ns);
        int res = proc_signal(ns, init, sig, true);
        const char *sn = usig_name(sig) ? usig_name(sig) : "?";
        if (sig == 9)
            explain_add(&r->explain, "kill.sigkill", 0,
                        "docker kill sends SIGKILL by default: PID 1 ends at "
                        "once (exit 137).");
        else if (res == 3)
            explain_add(&r->explain, "kill.pid1-ignores-signal", 0,
                        "docker kill -s %s only delivers the signal. PID 1 "
                        "has no handler for SIG%s, so nothing happens and the "
                        "container keeps running (docker kill does not wait or "
                        "escalate).",
                        sn, sn);
        else if (res == 0)
            explain_add(&r->explain, "kill.pid1-handles-signal", 0,
                        "docker kill -s %s delivers SIG%s to PID 1, which has "
                        "a handler for it.",
                        sn, sn);
        pns_run(ns, ns->now_ms);
        if (ns->exited)
            finalize(c);
        ns->ex = NULL;
        sb_addf(&r->out, "%s\n", p->args[i]);
        if (c->auto_remove && c->status == CS_EXITED)
            store_remove_container(&s->store, c);
    }
    r->exit_code = failed ? 1 : 0;
}

/* ===================================================================== */
/* docker restart                                                        */
/* ===================================================================== */

void docker_restart(struct session *s, const struct dparsed *p,
                    struct line_result *r)
{
    int timeout = LIFECYCLE_TIMEOUT_UNSET;
    if (!get_int_flag(p, "timeout", &timeout))
        get_int_flag(p, "time", &timeout);
    const char *signal = dparsed_get(p, "signal");
    int failed = 0;
    for (size_t i = 0; i < p->n_args; i++) {
        struct container *c = store_find_container(&s->store, p->args[i]);
        if (!c) {
            sb_addf(&r->err, "Error response from daemon: No such container: "
                             "%s\n",
                    p->args[i]);
            failed++;
            continue;
        }
        long long took = 0;
        int rc = lifecycle_stop(&s->store, c, signal, timeout, &r->explain,
                                &took, &r->err);
        if (rc < 0) {
            failed++;
            continue;
        }
        if (rc == 1) {
            sb_addf(&r->notes, "docker restart keeps waiting: PID 1 is still "
                               "running after %d simulated seconds\n",
                    WATCH_SECONDS);
            r->exit_code = 130;
            return;
        }
        struct run_outcome o;
        run_outcome_init(&o);
        /* a start makes the state running with ExitCode 0 (the daemon's
         * SetRunning); a failing start sets its own code */
        c->exit_code = 0;
        bool detach = c->detach;
        c->detach = false;
        run_start(&s->store, c, false, &o);
        c->detach = detach;
        for (size_t k = 0; k < o.explain.n; k++)
            explain_add(&r->explain, o.explain.items[k].id,
                        o.explain.items[k].line, "%s", o.explain.items[k].text);
        if (o.exit_code != 0) {
            sb_addf(&r->err, "Error response from daemon: Cannot restart "
                             "container %s: %s",
                    p->args[i], o.err.buf);
            failed++;
        } else {
            sb_addf(&r->out, "%s\n", p->args[i]);
        }
        run_outcome_release(&o);
        explain_add(&r->explain, "restart.count-unchanged", 0,
                    "docker restart is a stop followed by a start (the same "
                    "grace period and signal as docker stop); RestartCount is "
                    "not incremented: it counts restart-policy restarts only.");
    }
    r->exit_code = failed ? 1 : 0;
}

/* ===================================================================== */
/* docker wait                                                           */
/* ===================================================================== */

void docker_wait(struct session *s, const struct dparsed *p,
                 struct line_result *r)
{
    int failed = 0;
    for (size_t i = 0; i < p->n_args; i++) {
        struct container *c = store_find_container(&s->store, p->args[i]);
        if (!c) {
            sb_addf(&r->err, "Error response from daemon: No such container: "
                             "%s\n",
                    p->args[i]);
            failed++;
            continue;
        }
        lifecycle_advance(&s->store, c, &r->explain);
        struct pns *ns = ns_of(c);
        if (c->status == CS_RUNNING && ns) {
            long long start = now_ms(&s->store);
            ns->ex = &r->explain;
            pns_run(ns, start + WATCH_SECONDS * 1000LL);
            ns->ex = NULL;
            if (ns->exited) {
                finalize(c);
                long long secs = (ns->exit_ms - start + 999) / 1000;
                if (secs > 0)
                    store_tick(&s->store, (long)secs);
            } else {
                ns->now_ms = start;
                struct sb who = SB_INIT;
                describe_pid1(ns, &who);
                sb_addf(&r->notes, "docker wait keeps waiting: PID 1 (%s) is "
                                   "still running after %d simulated seconds\n",
                        who.buf, WATCH_SECONDS);
                explain_add(&r->explain, "wait.never-returns", 0,
                            "docker wait returns when the container stops. "
                            "PID 1 (`%s`) does not stop by itself, so the real "
                            "command would wait until you stop it (Ctrl-C "
                            "leaves it).",
                            who.buf);
                sb_release(&who);
                r->exit_code = 130;
                continue;
            }
        }
        if (c->status == CS_RUNNING) {
            r->exit_code = 130;
            continue;
        }
        sb_addf(&r->out, "%d\n", c->exit_code);
        if (c->auto_remove)
            store_remove_container(&s->store, c);
    }
    if (failed)
        r->exit_code = 1;
}

/* ===================================================================== */
/* docker top                                                            */
/* ===================================================================== */

static unsigned host_pid_base(const struct container *c)
{
    unsigned long h = strtoul(c->id + 56, NULL, 16);
    return 10000u + (unsigned)(h % 4000u) * 10u;
}

void docker_top(struct session *s, const struct dparsed *p,
                struct line_result *r)
{
    struct container *c = store_find_container(&s->store, p->args[0]);
    if (!c) {
        sb_addf(&r->err, "Error response from daemon: No such container: %s\n",
                p->args[0]);
        r->exit_code = 1;
        return;
    }
    lifecycle_advance(&s->store, c, &r->explain);
    struct pns *ns = ns_of(c);
    if (c->status != CS_RUNNING || !ns) {
        sb_addf(&r->err, "Error response from daemon: container %s is not "
                         "running\n",
                c->id);
        r->exit_code = 1;
        return;
    }
    unsigned base = host_pid_base(c);
    /* rows: UID PID PPID C STIME TTY TIME CMD, tabwriter (min 20, pad 3) */
    struct strlist cells;
    strlist_init(&cells);
    static const char *const head[] = { "UID", "PID", "PPID", "C", "STIME",
                                        "TTY", "TIME", "CMD" };
    for (size_t k = 0; k < 8; k++)
        strlist_push(&cells, head[k]);
    time_t t0 = (time_t)c->started_at;
    struct tm tm;
    gmtime_r(&t0, &tm);
    char stime[16];
    strftime(stime, sizeof(stime), "%H:%M", &tm);
    size_t rows = 1;
    unsigned other_uid = 0;
    char *other_name = NULL;
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *q = ns->procs[i];
        if (q->reaped || q->state == P_ZOMBIE)
            continue;
        /* ps runs on the host: user names come from the host's passwd,
         * which has root and nobody but not the image's users */
        struct sb b = SB_INIT;
        if (q->uid == 0)
            sb_adds(&b, "root");
        else if (q->uid == 65534)
            sb_adds(&b, "nobody");
        else
            sb_addf(&b, "%u", q->uid);
        if (q->uid != 0 && q->uid != 65534 && !other_name) {
            other_uid = q->uid;
            other_name = ufs_user_name(ns, q->uid);
        }
        strlist_push(&cells, b.buf);
        sb_reset(&b);
        sb_addf(&b, "%u", base + (unsigned)q->pid);
        strlist_push(&cells, b.buf);
        sb_reset(&b);
        sb_addf(&b, "%u", q->ppid ? base + (unsigned)q->ppid : base - 20);
        strlist_push(&cells, b.buf);
        strlist_push(&cells, "0");
        strlist_push(&cells, stime);
        strlist_push(&cells, c->tty ? "pts/0" : "?");
        strlist_push(&cells, "00:00:00");
        sb_reset(&b);
        for (size_t k = 0; k < q->argv.n; k++)
            sb_addf(&b, "%s%s", k ? " " : "", q->argv.v[k]);
        strlist_push(&cells, b.buf);
        sb_release(&b);
        rows++;
    }
    size_t w[8];
    for (size_t k = 0; k < 8; k++) {
        w[k] = 20;
        for (size_t rr = 0; rr < rows; rr++) {
            size_t l = strlen(cells.v[rr * 8 + k]) + 3;
            if (l > w[k])
                w[k] = l;
        }
    }
    for (size_t rr = 0; rr < rows; rr++) {
        for (size_t k = 0; k < 8; k++) {
            const char *cell = cells.v[rr * 8 + k];
            if (k == 7) {
                sb_addf(&r->out, "%s\n", cell);
            } else {
                sb_adds(&r->out, cell);
                for (size_t l = strlen(cell); l < w[k]; l++)
                    sb_addch(&r->out, ' ');
            }
        }
    }
    strlist_release(&cells);
    struct proc *init = pns_init(ns);
    const char *pv = uenv_get(&c->process_env, "PATH");
    char *ps = init ? ufs_which(ns, init, "ps", pv ? pv : DEFAULT_PATH) : NULL;
    if (ps)
        explain_add(&r->explain, "top.host-pids", 0,
                    "docker top lists the container's processes with the PIDs "
                    "they have on the host (so PID 1 inside is %u here). "
                    "`docker exec %s ps` shows the container's own numbering, "
                    "where PID 1 is the first process.",
                    base + 1, p->args[0]);
    else
        explain_add(&r->explain, "top.host-pids", 0,
                    "docker top lists the container's processes with the PIDs "
                    "they have on the host (so PID 1 inside is %u here, the "
                    "first row). Inside the container it is PID 1 (this image "
                    "has no ps to show that).",
                    base + 1);
    free(ps);
    if (other_name)
        explain_add(&r->explain, "top.uid-from-host", 0,
                    "The UID column comes from ps on the host, which looks "
                    "the numbers up in the host's users: uid %u is `%s` "
                    "inside the container, but here it shows as a number (or "
                    "as whichever user has that uid on your machine).",
                    other_uid, other_name);
    free(other_name);
}

/* ===================================================================== */
/* docker exec                                                           */
/* ===================================================================== */

void docker_exec(struct session *s, const struct dparsed *p,
                 struct line_result *r)
{
    struct container *c = store_find_container(&s->store, p->args[0]);
    if (!c) {
        sb_addf(&r->err, "Error response from daemon: No such container: %s\n",
                p->args[0]);
        r->exit_code = 1;
        return;
    }
    lifecycle_advance(&s->store, c, &r->explain);
    struct pns *ns = ns_of(c);
    if (c->status != CS_RUNNING || !ns) {
        sb_addf(&r->err, "Error response from daemon: container %s is not "
                         "running\n",
                c->id);
        r->exit_code = 1;
        return;
    }
    ns->ex = &r->explain;
    bool detach = false, tty = false;
    const char *v = dparsed_get(p, "detach");
    detach = v && strcmp(v, "true") == 0;
    v = dparsed_get(p, "tty");
    tty = v && strcmp(v, "true") == 0;
    struct proc *q = proc_new(ns, 0);
    q->exec_job = true;
    config_user(ns, c, q);
    strlist_copy(&q->env, &c->process_env);
    if (tty)
        uenv_set(&q->env, "TERM", "xterm");
    const char **envs = NULL;
    struct arena a = ARENA_INIT;
    size_t ne = dparsed_all(p, "env", &envs, &a);
    for (size_t i = 0; i < ne; i++) {
        const char *eq = strchr(envs[i], '=');
        if (!eq) {
            uenv_unset(&q->env, envs[i]);
            continue;
        }
        char *name = xmemdup0(envs[i], (size_t)(eq - envs[i]));
        uenv_set(&q->env, name, eq + 1);
        free(name);
    }
    arena_release(&a);
    const char *wd = dparsed_get(p, "workdir");
    free(q->cwd);
    q->cwd = xstrdup(wd ? wd
                        : c->cfg.working_dir && *c->cfg.working_dir
                              ? c->cfg.working_dir
                              : "/");
    const char *user = dparsed_get(p, "user");
    if (user) {
        char *uname = xstrdup(user);
        uname[strcspn(uname, ":")] = '\0';
        char *end;
        (void)strtoul(uname, &end, 10);
        unsigned u2, g2;
        bool known = (*uname && !*end) ||
                     ufs_user_lookup(ns, uname, &u2, &g2, NULL, NULL);
        free(uname);
        if (known) {
            user_spec(ns, user, q);
        } else {
            sb_addf(&r->err, "unable to find user %s: no matching entries in "
                             "passwd file\n",
                    user);
            q->reaped = true;
            proc_exit(ns, q, 126);
            r->exit_code = 126;
            ns->ex = NULL;
            return;
        }
    }
    /* its own output buffers, kept by the namespace while it runs */
    struct sb *out = xcalloc(1, sizeof(*out)), *err = xcalloc(1, sizeof(*err));
    sb_init(out);
    sb_init(err);
    ns->extra = xreallocarray(ns->extra, ns->n_extra + 2, sizeof(*ns->extra));
    ns->extra[ns->n_extra++] = out;
    ns->extra[ns->n_extra++] = err;
    struct ofile *in = ofile_new(tty ? OF_TTY : OF_NULL);
    in->readable = true;
    struct ofile *fo = ofile_sink(out), *fe = ofile_sink(tty ? out : err);
    proc_setfd(q, 0, in);
    proc_setfd(q, 1, fo);
    proc_setfd(q, 2, fe);
    ofile_unref(in);
    ofile_unref(fo);
    ofile_unref(fe);
    char **argv = p->args + 1;
    size_t argc = p->n_args - 1;
    const char *pv = uenv_get(&q->env, "PATH");
    char *path = NULL;
    int why = 0;
    if (strchr(argv[0], '/')) {
        int e2;
        const struct vfs_entry *e = ufs_stat(ns, q, argv[0], true, &e2);
        if (!e)
            why = 2;
        else if (e->type == VFS_DIR || !ufs_may_exec(q, e))
            why = 3;
        else {
            struct sb abs = SB_INIT;
            proc_path(q, argv[0], &abs);
            path = sb_detach(&abs, NULL);
        }
    } else {
        path = ufs_which(ns, q, argv[0], pv ? pv : DEFAULT_PATH);
        if (!path)
            why = 1;
    }
    int e3 = path ? proc_exec(ns, q, path, argv, argc) : 0;
    if (!path || e3) {
        sb_adds(&r->err, "OCI runtime exec failed: exec failed: unable to start "
                         "container process: exec: \"");
        sb_adds(&r->err, argv[0]);
        if (why == 1)
            sb_adds(&r->err, "\": executable file not found in $PATH: unknown\n");
        else if (why == 2)
            sb_addf(&r->err, "\": stat %s: no such file or directory: unknown\n",
                    argv[0]);
        else
            sb_adds(&r->err, "\": permission denied: unknown\n");
        r->exit_code = why == 3 || e3 == 13 ? 126 : 127;
        q->reaped = true;
        proc_exit(ns, q, r->exit_code);
        free(path);
        if (why == 1)
            explain_add(&r->explain, "exec.not-found", 0,
                        "`%s` is not on the container's PATH: the image does "
                        "not have it (slim and Alpine images lack many tools; "
                        "Debian's has no ps).",
                        argv[0]);
        ns->ex = NULL;
        return;
    }
    free(path);
    proc_exec_commit(ns, q);
    long long start = now_ms(&s->store);
    if (ns->now_ms < start)
        ns->now_ms = start;
    int qpid = q->pid;
    bool done;
    if (detach)
        done = pns_run_for(ns, qpid, ns->now_ms);
    else
        done = pns_run_for(ns, qpid, start + USERLAND_ATTACH_SECONDS * 1000LL);
    struct proc *qq = pns_find(ns, qpid);
    sb_add(&r->out, out->buf, out->len);
    sb_add(&r->err, err->buf, err->len);
    sb_reset(out);
    sb_reset(err);
    if (ns->exited)
        finalize(c);
    if (done && qq && qq->state == P_ZOMBIE) {
        r->exit_code = qq->status;
        qq->reaped = true;
    } else if (!detach && !ns->exited) {
        sb_adds(&r->notes, "the exec'd process keeps running; docksim gives "
                           "the prompt back\n");
    }
    long long secs = (ns->now_ms - start + 999) / 1000;
    if (!detach && secs > 0)
        store_tick(&s->store, (long)secs);
    ns->ex = NULL;
    if (ns->exited && c->auto_remove)
        store_remove_container(&s->store, c);
}
