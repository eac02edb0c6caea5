#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "explain.h"
#include "lifecycle.h"
#include "proc.h"
#include "run.h"
#include "sb.h"
#include "session.h"
#include "store.h"
#include "userland.h"
#include "vfs.h"
#include "xmalloc.h"

/*
 * A container started the way run.c starts one (merged config, process
 * environment, PID 1 through userland_exec with the container), but
 * built here so the tests do not depend on the rest of `docker run`.
 */
struct lfx {
    struct store store;
    struct vfs base;
    struct container *c;
    struct explain_list ex;
    int status;
};

static void lfx_start(struct lfx *f, const char *image,
                      const char *const *argv, bool init,
                      const char *stop_signal)
{
    memset(f, 0, sizeof(*f));
    store_init(&f->store);
    explain_init(&f->ex);
    const struct catalog_image *cat = catalog_find(image);
    assert_non_null(cat);
    vfs_init(&f->base, NULL);
    catalog_fs(cat, &f->base);
    struct container *c = xcalloc(1, sizeof(*c));
    image_config_init(&c->cfg);
    catalog_config(cat, &c->cfg);
    if (stop_signal)
        image_config_set_str(&c->cfg.stop_signal, stop_signal);
    strlist_init(&c->args);
    strlist_init(&c->ports);
    strlist_init(&c->process_env);
    sb_init(&c->out);
    sb_init(&c->err);
    vfs_init(&c->fs, &f->base);
    c->id = xstrdup("5e1c7a9b2d4f6e8a0c1b3d5f7e9a2c4b6d8f0e1a3c5b7d9f2e4a6c8b0d1f3e5a");
    c->name = xstrdup("t");
    c->hostname = xstrdup("5e1c7a9b2d4f");
    c->image_ref = xstrdup(image);
    c->path = xstrdup(argv[0]);
    size_t argc = 1;
    while (argv[argc])
        strlist_push(&c->args, argv[argc++]);
    c->origin = xcalloc(argc, sizeof(*c->origin));
    c->network = xstrdup("default");
    c->init = init;
    c->stop_timeout = -1;
    strlist_set_empty(&c->process_env);
    bool has_path = false;
    for (size_t i = 0; i < c->cfg.env.n; i++)
        has_path = has_path || strncmp(c->cfg.env.v[i], "PATH=", 5) == 0;
    if (!has_path)
        strlist_push(&c->process_env, "PATH=" DEFAULT_PATH);
    strlist_push(&c->process_env, "HOSTNAME=5e1c7a9b2d4f");
    for (size_t i = 0; i < c->cfg.env.n; i++)
        strlist_push(&c->process_env, c->cfg.env.v[i]);
    strlist_push(&c->process_env, "HOME=/root");
    f->store.containers = xcalloc(1, sizeof(*f->store.containers));
    f->store.containers[0] = c;
    f->store.n_containers = 1;
    f->c = c;
    c->status = CS_RUNNING;
    c->started_at = store_tick(&f->store, 1);
    /* the resolved program, as run.c's look_path finds it */
    struct sb path = SB_INIT;
    if (strchr(argv[0], '/')) {
        sb_adds(&path, argv[0]);
    } else {
        const char *d = DEFAULT_PATH;
        for (size_t i = 0; i < c->process_env.n; i++)
            if (strncmp(c->process_env.v[i], "PATH=", 5) == 0)
                d = c->process_env.v[i] + 5;
        while (d) {
            const char *colon = strchr(d, ':');
            size_t dl = colon ? (size_t)(colon - d) : strlen(d);
            sb_reset(&path);
            sb_add(&path, d, dl);
            sb_addf(&path, "/%s", argv[0]);
            const struct vfs_entry *e = vfs_stat(&c->fs, path.buf, NULL, NULL);
            if (e && e->type == VFS_FILE)
                break;
            d = colon ? colon + 1 : NULL;
        }
    }
    const struct vfs_entry *e = vfs_stat(&c->fs, path.buf, NULL, NULL);
    assert_non_null(e);
    struct uctx u;
    memset(&u, 0, sizeof(u));
    u.fs = &c->fs;
    u.cat = cat;
    u.env = c->process_env.v;
    u.n_env = c->process_env.n;
    u.cwd = c->cfg.working_dir && *c->cfg.working_dir ? c->cfg.working_dir
                                                        : "/";
    u.hostname = c->hostname;
    u.pid1 = !init;
    u.out = &c->out;
    u.err = &c->err;
    u.explain = &f->ex;
    u.container = c;
    u.store = &f->store;
    u.attached = false;
    f->status = userland_exec(&u, path.buf, e, (char *const *)argv, argc);
    if (f->status != USERLAND_RUNNING) {
        c->status = CS_EXITED;
        c->exit_code = f->status;
    }
    sb_release(&path);
}

static void lfx_release(struct lfx *f)
{
    userland_release(f->c);
    store_release(&f->store);
    vfs_release(&f->base);
    explain_release(&f->ex);
}

/* docker stop -t timeout: the exit code and how long it took (ms). */
static int stop(struct lfx *f, int timeout, long long *took)
{
    struct sb err = SB_INIT;
    int rc = lifecycle_stop(&f->store, f->c, NULL, timeout, &f->ex, took, &err);
    assert_int_equal(rc, 0);
    sb_release(&err);
    assert_int_equal(f->c->status, CS_EXITED);
    return f->c->exit_code;
}

/* ===== the lab's stop cases (engine-observations g1-g7) ============= */

static void test_lifecycle_g1_dash_stays_pid1(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "/bin/sh", "-c", "sleep 100", NULL };
    lfx_start(&f, "debian:bookworm", argv, false, NULL);
    assert_int_equal(f.status, USERLAND_RUNNING);
    assert_true(explain_has(&f.ex, "sh.dash-keeps-parent"));
    struct sb who = SB_INIT;
    lifecycle_pid1(f.c, &who);
    assert_string_equal(who.buf, "/bin/sh -c sleep 100");
    sb_release(&who);
    long long took;
    assert_int_equal(stop(&f, 2, &took), 137);
    assert_int_equal(took, 2000);
    assert_true(explain_has(&f.ex, "stop.pid1-ignores-signal"));
    assert_true(explain_has(&f.ex, "stop.sigkill-after-timeout"));
    lfx_release(&f);
}

static void test_lifecycle_g2_exec_form_sleep(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "sleep", "100", NULL };
    lfx_start(&f, "debian:bookworm", argv, false, NULL);
    long long took;
    assert_int_equal(stop(&f, 2, &took), 137);
    assert_int_equal(took, 2000);
    lfx_release(&f);
}

static void test_lifecycle_g3_init_forwards(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "sleep", "100", NULL };
    lfx_start(&f, "debian:bookworm", argv, true, NULL);
    struct sb who = SB_INIT;
    lifecycle_pid1(f.c, &who);
    assert_string_equal(who.buf, "/sbin/docker-init -- sleep 100");
    sb_release(&who);
    long long took;
    assert_int_equal(stop(&f, 2, &took), 143);
    assert_int_equal(took, 0);
    assert_true(explain_has(&f.ex, "stop.init-forwards-signal"));
    lfx_release(&f);
}

static void test_lifecycle_g4_ash_execs(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "/bin/sh", "-c", "sleep 100", NULL };
    lfx_start(&f, "busybox", argv, false, NULL);
    assert_true(explain_has(&f.ex, "sh.ash-execs-last-command"));
    struct sb who = SB_INIT;
    lifecycle_pid1(f.c, &who);
    assert_string_equal(who.buf, "sleep 100");
    sb_release(&who);
    long long took;
    assert_int_equal(stop(&f, 2, &took), 137);
    assert_int_equal(took, 2000);
    lfx_release(&f);
}

static void test_lifecycle_g5_trap_and_wait(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "sh", "-c",
                           "trap 'echo got SIGTERM; exit 143' TERM; echo ready; "
                           "sleep 100 & wait",
                           NULL };
    lfx_start(&f, "debian:bookworm", argv, false, NULL);
    assert_string_equal(f.c->out.buf, "ready\n");
    /* the background `sleep 100 &` execs sleep in its own process: that
     * is not the -c shell exec'ing its last command (and this is dash) */
    assert_false(explain_has(&f.ex, "sh.ash-execs-last-command"));
    assert_false(explain_has(&f.ex, "sh.bash-execs-last-command"));
    long long took;
    assert_int_equal(stop(&f, 2, &took), 143);
    assert_int_equal(took, 0);
    assert_string_equal(f.c->out.buf, "ready\ngot SIGTERM\n");
    lfx_release(&f);
}

static void test_lifecycle_g6_init_shell_form(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "/bin/sh", "-c", "sleep 100", NULL };
    lfx_start(&f, "debian:bookworm", argv, true, NULL);
    long long took;
    assert_int_equal(stop(&f, 2, &took), 143);
    assert_int_equal(took, 0);
    lfx_release(&f);
}

static void test_lifecycle_g7_nginx_stopsignal(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "/docker-entrypoint.sh", "nginx", "-g",
                           "daemon off;", NULL };
    lfx_start(&f, "nginx", argv, false, NULL);
    assert_string_equal(f.c->cfg.stop_signal, "SIGQUIT");
    long long took;
    assert_int_equal(stop(&f, 2, &took), 0);
    assert_int_equal(took, 0);
    assert_true(explain_has(&f.ex, "stop.pid1-handles-signal"));
    lfx_release(&f);
    lfx_start(&f, "nginx", argv, false, "SIGKILL");
    assert_int_equal(stop(&f, 2, &took), 137);
    assert_int_equal(took, 0);
    lfx_release(&f);
}

/* run-semantics.md §3.3, the app.sh lab: a script that traps TERM
 * behind `sh -c`. dash stays PID 1 and drops the signal (10 s, 137, the
 * trap never runs); ash execs the script, whose trap runs at once. */
static void test_lifecycle_shell_does_not_forward(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "/bin/sh", "-c",
                           "bash -c 'trap \"echo caught; exit 0\" TERM; "
                           "echo started; sleep 1000 & wait'",
                           NULL };
    lfx_start(&f, "debian:bookworm", argv, false, NULL);
    assert_true(explain_has(&f.ex, "sh.dash-keeps-parent"));
    long long took;
    assert_int_equal(stop(&f, LIFECYCLE_TIMEOUT_UNSET, &took), 137);
    assert_int_equal(took, 10000);
    assert_string_equal(f.c->out.buf, "started\n");
    assert_true(explain_has(&f.ex, "stop.shell-does-not-forward"));
    const char *t = NULL;
    for (size_t i = 0; i < f.ex.n; i++)
        if (strcmp(f.ex.items[i].id, "stop.shell-does-not-forward") == 0)
            t = f.ex.items[i].text;
    assert_non_null(strstr(t, "(PID 7) has a handler (a trap)"));
    lfx_release(&f);

    /* --init (§3.4): tini forwards to dash only, dash dies, tini exits
     * and the kernel kills the script before its trap runs */
    lfx_start(&f, "debian:bookworm", argv, true, NULL);
    assert_true(explain_has(&f.ex, "sh.dash-keeps-parent"));
    assert_int_equal(stop(&f, LIFECYCLE_TIMEOUT_UNSET, &took), 143);
    assert_int_equal(took, 0);
    assert_string_equal(f.c->out.buf, "started\n");
    assert_true(explain_has(&f.ex, "stop.init-child-only"));
    lfx_release(&f);
    /* exec form under tini: the script is tini's child and gets it */
    const char *direct[] = { "bash", "-c",
                             "trap \"echo caught; exit 0\" TERM; "
                             "echo started; sleep 1000 & wait",
                             NULL };
    lfx_start(&f, "debian:bookworm", direct, true, NULL);
    assert_int_equal(stop(&f, LIFECYCLE_TIMEOUT_UNSET, &took), 0);
    assert_string_equal(f.c->out.buf, "started\ncaught\n");
    assert_false(explain_has(&f.ex, "stop.init-child-only"));
    lfx_release(&f);

    const char *bb[] = { "/bin/sh", "-c",
                         "sh -c 'trap \"echo caught; exit 0\" TERM; "
                         "echo started; sleep 1000 & wait'",
                         NULL };
    lfx_start(&f, "busybox", bb, false, NULL);
    assert_int_equal(stop(&f, LIFECYCLE_TIMEOUT_UNSET, &took), 0);
    assert_int_equal(took, 0);
    assert_string_equal(f.c->out.buf, "started\ncaught\n");
    assert_false(explain_has(&f.ex, "stop.shell-does-not-forward"));
    lfx_release(&f);
}

static const char *explain_text(const struct explain_list *ex, const char *id)
{
    for (size_t i = 0; i < ex->n; i++)
        if (strcmp(ex->items[i].id, id) == 0)
            return ex->items[i].text;
    return NULL;
}

/* Why the -c shell stays PID 1 (or not), said once per run */
static void test_lifecycle_pid1_explanations(void **state)
{
    (void)state;
    struct lfx f;
    const char *pipe[] = { "/bin/sh", "-c", "sleep 100 | cat", NULL };
    lfx_start(&f, "busybox", pipe, false, NULL);
    assert_true(explain_has(&f.ex, "sh.pipeline-keeps-parent"));
    assert_false(explain_has(&f.ex, "sh.ash-execs-last-command"));
    lfx_release(&f);
    const char *trap[] = { "/bin/sh", "-c", "trap 'echo bye' TERM; sleep 100",
                           NULL };
    lfx_start(&f, "busybox", trap, false, NULL);
    assert_true(explain_has(&f.ex, "sh.trap-keeps-parent"));
    struct sb who = SB_INIT;
    lifecycle_pid1(f.c, &who);
    assert_string_equal(who.buf, "/bin/sh -c trap 'echo bye' TERM; sleep 100");
    sb_release(&who);
    lfx_release(&f);
    /* dash with a TERM trap is not said to have no handler */
    lfx_start(&f, "debian:bookworm", trap, false, NULL);
    const char *t = explain_text(&f.ex, "sh.dash-keeps-parent");
    assert_non_null(t);
    assert_null(strstr(t, "no handler"));
    /* the trap waits for the foreground sleep: SIGKILL after 10 s */
    long long took;
    assert_int_equal(stop(&f, LIFECYCLE_TIMEOUT_UNSET, &took), 137);
    assert_string_equal(f.c->out.buf, "");
    lfx_release(&f);
    /* once PID 1 has ended, who was PID 1 is not explained any more */
    const char *done[] = { "/bin/sh", "-c", "true; echo hi", NULL };
    lfx_start(&f, "busybox", done, false, NULL);
    assert_int_equal(f.status, 0);
    assert_false(explain_has(&f.ex, "sh.ash-execs-last-command"));
    lfx_release(&f);
    /* shell form and a missing program: the shell's 127, after a start */
    const char *missing[] = { "/bin/sh", "-c", "nosuch", NULL };
    lfx_start(&f, "debian:bookworm", missing, false, NULL);
    assert_int_equal(f.status, 127);
    assert_string_equal(f.c->err.buf, "/bin/sh: 1: nosuch: not found\n");
    assert_true(explain_has(&f.ex, "sh.not-found"));
    lfx_release(&f);
}

/* docker stop -t -1: no SIGKILL, the daemon waits as long as it takes */
static void test_lifecycle_stop_negative_timeout(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "sleep", "30", NULL };
    lfx_start(&f, "busybox", argv, false, NULL);
    long long took;
    /* sleep ignores SIGTERM as PID 1 and ends by itself after 30 s */
    assert_int_equal(stop(&f, -1, &took), 0);
    assert_true(took >= 28000 && took <= 30000);
    lfx_release(&f);
    const char *forever[] = { "sleep", "100000", NULL };
    lfx_start(&f, "busybox", forever, false, NULL);
    struct sb err = SB_INIT;
    assert_int_equal(lifecycle_stop(&f.store, f.c, NULL, -5, &f.ex, &took,
                                    &err),
                     1);
    assert_int_equal(f.c->status, CS_RUNNING);
    assert_true(explain_has(&f.ex, "stop.waits-forever"));
    long long ms;
    int code;
    assert_false(lifecycle_last_stop(f.c, &ms, &code));
    sb_release(&err);
    lfx_release(&f);
}

/* Servers rename themselves: what docker top and ps show */
static void test_lifecycle_server_titles(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "/docker-entrypoint.sh", "nginx", "-g",
                           "daemon off;", NULL };
    lfx_start(&f, "nginx", argv, false, NULL);
    struct sb who = SB_INIT;
    lifecycle_pid1(f.c, &who);
    assert_string_equal(who.buf, "nginx: master process nginx -g daemon off;");
    sb_release(&who);
    const struct pns *ns = f.c->proc;
    int workers = 0;
    for (size_t i = 0; i < ns->n_procs; i++) {
        const struct proc *q = ns->procs[i];
        if (q->state == P_ZOMBIE || q->argv.n != 1 ||
            strcmp(q->argv.v[0], "nginx: worker process") != 0)
            continue;
        workers++;
        assert_int_equal(q->ppid, 1);
        assert_int_equal(q->uid, 101); /* user nginx; of nginx.conf */
    }
    assert_int_equal(workers, 4); /* worker_processes auto: the CPUs */
    long long took;
    assert_int_equal(stop(&f, LIFECYCLE_TIMEOUT_UNSET, &took), 0);
    lfx_release(&f);
    const char *redis[] = { "docker-entrypoint.sh", "redis-server", NULL };
    lfx_start(&f, "redis", redis, false, NULL);
    who = (struct sb)SB_INIT;
    lifecycle_pid1(f.c, &who);
    assert_string_equal(who.buf, "redis-server *:6379");
    sb_release(&who);
    lfx_release(&f);
}

/* ===== more stop behaviour ========================================== */

static void test_lifecycle_trap_waits_for_foreground(void **state)
{
    (void)state;
    /* a trap on a shell waiting for a foreground command runs when the
     * command ends: 5 s into the 10 s grace period */
    struct lfx f;
    const char *argv[] = { "sh", "-c", "trap 'echo bye; exit 0' TERM; sleep 5",
                           NULL };
    lfx_start(&f, "debian:bookworm", argv, false, NULL);
    long long took;
    assert_int_equal(stop(&f, LIFECYCLE_TIMEOUT_UNSET, &took), 0);
    assert_int_equal(took, 5000);
    assert_string_equal(f.c->out.buf, "bye\n");
    lfx_release(&f);
}

static void test_lifecycle_default_grace_is_10s(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "python3", "-m", "http.server", NULL };
    lfx_start(&f, "python:3.12", argv, false, NULL);
    assert_string_equal(f.c->out.buf, "Serving HTTP on 0.0.0.0 port 8000 "
                                      "(http://0.0.0.0:8000/) ...\n");
    long long took;
    assert_int_equal(stop(&f, LIFECYCLE_TIMEOUT_UNSET, &took), 137);
    assert_int_equal(took, 10000);
    lfx_release(&f);
    /* --stop-timeout */
    lfx_start(&f, "python:3.12", argv, false, NULL);
    f.c->stop_timeout = 3;
    f.c->stop_timeout_set = true;
    assert_int_equal(stop(&f, LIFECYCLE_TIMEOUT_UNSET, &took), 137);
    assert_int_equal(took, 3000);
    lfx_release(&f);
}

static void test_lifecycle_stopsignal_sigint_python(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "python3", "-m", "http.server", NULL };
    lfx_start(&f, "python:3.12", argv, false, "SIGINT");
    long long took;
    assert_int_equal(stop(&f, 10, &took), 130);
    assert_int_equal(took, 0);
    assert_non_null(strstr(f.c->err.buf, "KeyboardInterrupt"));
    lfx_release(&f);
}

static void test_lifecycle_exec_in_script(void **state)
{
    (void)state;
    /* `exec` makes the program PID 1: it gets SIGTERM itself */
    struct lfx f;
    const char *argv[] = { "/bin/sh", "-c", "exec redis-server", NULL };
    lfx_start(&f, "redis", argv, false, NULL);
    struct sb who = SB_INIT;
    lifecycle_pid1(f.c, &who);
    assert_string_equal(who.buf, "redis-server *:6379"); /* its title */
    sb_release(&who);
    long long took;
    assert_int_equal(stop(&f, 10, &took), 0);
    assert_int_equal(took, 0);
    lfx_release(&f);
}

static void test_lifecycle_advance_time(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "/bin/sh", "-c", "sleep 3; echo done; exit 4", NULL };
    lfx_start(&f, "debian:bookworm", argv, false, NULL);
    assert_int_equal(f.status, USERLAND_RUNNING);
    store_tick(&f.store, 2);
    lifecycle_advance(&f.store, f.c, &f.ex);
    assert_int_equal(f.c->status, CS_RUNNING);
    assert_string_equal(f.c->out.buf, "");
    store_tick(&f.store, 2);
    lifecycle_advance(&f.store, f.c, &f.ex);
    assert_int_equal(f.c->status, CS_EXITED);
    assert_int_equal(f.c->exit_code, 4);
    assert_string_equal(f.c->out.buf, "done\n");
    /* stopping an exited container does nothing */
    long long took;
    assert_int_equal(stop(&f, 10, &took), 4);
    assert_int_equal(took, 0);
    lfx_release(&f);
}

static void test_lifecycle_ticking_loop(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "/bin/sh", "-c",
                           "while true; do echo tick; sleep 1; done", NULL };
    lfx_start(&f, "busybox", argv, false, NULL);
    store_tick(&f.store, 3);
    lifecycle_advance(&f.store, f.c, &f.ex);
    assert_string_equal(f.c->out.buf, "tick\ntick\ntick\ntick\n");
    lfx_release(&f);
}

static void test_lifecycle_no_health(void **state)
{
    (void)state;
    struct lfx f;
    const char *argv[] = { "sleep", "1000", NULL };
    lfx_start(&f, "busybox", argv, false, NULL);
    assert_null(lifecycle_health(f.c));
    struct sb j = SB_INIT;
    lifecycle_health_json(&j, f.c, "");
    assert_string_equal(j.buf, "");
    sb_release(&j);
    lfx_release(&f);
}

static void test_lifecycle_health_states(void **state)
{
    (void)state;
    static const struct {
        const char *cmd;
        const char *status;
        int streak;
    } cases[] = {
        { "exit 1", "unhealthy", 3 },
        { "true", "healthy", 0 },
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        struct lfx f;
        const char *argv[] = { "sleep", "1000", NULL };
        lfx_start(&f, "busybox", argv, false, NULL);
        /* restart PID 1 with a health check configured */
        struct health_config *h = xcalloc(1, sizeof(*h));
        strlist_init(&h->test);
        strlist_push(&h->test, "CMD-SHELL");
        strlist_push(&h->test, cases[k].cmd);
        h->interval = 1000000000LL;
        h->retries = 2;
        f.c->cfg.healthcheck = h;
        struct uctx u;
        memset(&u, 0, sizeof(u));
        u.fs = &f.c->fs;
        u.env = f.c->process_env.v;
        u.n_env = f.c->process_env.n;
        u.cwd = "/";
        u.hostname = f.c->hostname;
        u.out = &f.c->out;
        u.err = &f.c->err;
        u.container = f.c;
        u.store = &f.store;
        const struct vfs_entry *e = vfs_stat(&f.c->fs, "/bin/sleep", NULL, NULL);
        f.c->started_at = f.store.clock;
        int st = userland_exec(&u, "/bin/sleep", e, (char *const *)argv, 2);
        assert_int_equal(st, USERLAND_RUNNING);
        assert_string_equal(lifecycle_health(f.c), "starting");
        store_tick(&f.store, 3);
        lifecycle_advance(&f.store, f.c, &f.ex);
        assert_string_equal(lifecycle_health(f.c), cases[k].status);
        struct sb j = SB_INIT;
        lifecycle_health_json(&j, f.c, "");
        char want[64];
        snprintf(want, sizeof(want), "\"FailingStreak\": %d", cases[k].streak);
        assert_non_null(strstr(j.buf, want));
        sb_release(&j);
        lfx_release(&f);
    }
}

/* ===== through the session (needs run.c to keep PID 1's state) ====== */

static struct session *sess;

static const char *line(const char *cmd, struct line_result *r)
{
    line_result_release(r);
    line_result_init(r);
    session_line(sess, cmd, r);
    return r->out.buf;
}

static bool hooked(void)
{
    struct container *c = store_find_container(&sess->store, "w");
    return c && c->proc;
}

static void test_lifecycle_session_commands(void **state)
{
    (void)state;
    sess = xcalloc(1, sizeof(*sess));
    session_init(sess);
    struct line_result r;
    line_result_init(&r);
    line("docker run -d --name w busybox sh -c 'echo started; sleep 100'", &r);
    if (!hooked()) {
        line_result_release(&r);
        session_release(sess);
        free(sess);
        skip();
        return;
    }
    assert_string_equal(line("docker logs w", &r), "started\n");
    assert_string_equal(line("docker exec w ps", &r),
                        "PID   USER     TIME  COMMAND\n"
                        "    1 root      0:00 sleep 100\n"
                        "    7 root      0:00 ps\n");
    assert_int_equal(r.exit_code, 0);
    line("docker exec w nosuch", &r);
    assert_int_equal(r.exit_code, 127);
    line("docker top w", &r);
    assert_non_null(strstr(r.out.buf, "UID                 PID"));
    assert_non_null(strstr(r.out.buf, "sleep 100"));
    line("docker kill -s TERM w", &r);
    assert_string_equal(r.out.buf, "w\n");
    struct container *c = store_find_container(&sess->store, "w");
    assert_int_equal(c->status, CS_RUNNING);
    line("docker restart -t 1 w", &r);
    assert_string_equal(r.out.buf, "w\n");
    /* running again: State.ExitCode is 0, not the stop's 137 */
    assert_int_equal(c->status, CS_RUNNING);
    assert_int_equal(c->exit_code, 0);
    assert_string_equal(c->out.buf, "started\nstarted\n");
    line("docker kill w", &r);
    assert_int_equal(c->status, CS_EXITED);
    assert_int_equal(c->exit_code, 137);
    line("docker wait w", &r);
    assert_string_equal(r.out.buf, "137\n");
    line("docker kill w", &r);
    assert_int_equal(r.exit_code, 1);
    assert_non_null(strstr(r.err.buf, "is not running"));
    line("docker stop w", &r);
    assert_string_equal(r.out.buf, "w\n");
    assert_int_equal(r.exit_code, 0);
    line("docker run -d --name x busybox sh -c 'sleep 2; exit 3'", &r);
    line("docker wait x", &r);
    assert_string_equal(r.out.buf, "3\n");
    line("docker stop nosuch", &r);
    assert_int_equal(r.exit_code, 1);
    assert_string_equal(r.err.buf, "Error response from daemon: No such "
                                   "container: nosuch\n");
    assert_false(r.has_stop);
    /* --json's stopped_after_s and container_exit_code, also when --rm
     * removes the container at once */
    line("docker run -d --rm --name rm1 busybox sleep 100", &r);
    line("docker stop -t 3 rm1", &r);
    assert_string_equal(r.out.buf, "rm1\n");
    assert_true(r.has_stop);
    assert_true(r.stopped_after_s == 3.0);
    assert_int_equal(r.container_exit_code, 137);
    assert_null(store_find_container(&sess->store, "rm1"));
    line("docker run -d --name t5 busybox sh -c "
         "'trap \"exit 5\" TERM; sleep 100 & wait'",
         &r);
    line("docker stop t5", &r);
    assert_true(r.has_stop);
    assert_true(r.stopped_after_s == 0.0);
    assert_int_equal(r.container_exit_code, 5);
    line("docker stop t5", &r); /* not running: nothing stopped */
    assert_false(r.has_stop);
    /* docker top: uids other than root and nobody come from the host */
    line("docker run -d --name r redis", &r);
    line("docker top r", &r);
    assert_non_null(strstr(r.out.buf, "\n999       "));
    assert_null(strstr(r.out.buf, "redis "));
    assert_true(explain_has(&r.explain, "top.uid-from-host"));
    /* docker exec runs as the configured user (root), not as PID 1's
     * dropped-to redis user */
    line("docker exec r id", &r);
    assert_string_equal(r.out.buf, "uid=0(root) gid=0(root) groups=0(root)\n");
    line("docker exec -u redis r id", &r);
    assert_string_equal(r.out.buf,
                        "uid=999(redis) gid=999(redis) groups=999(redis)\n");
    line_result_release(&r);
    session_release(sess);
    free(sess);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lifecycle_g1_dash_stays_pid1),
        cmocka_unit_test(test_lifecycle_g2_exec_form_sleep),
        cmocka_unit_test(test_lifecycle_g3_init_forwards),
        cmocka_unit_test(test_lifecycle_g4_ash_execs),
        cmocka_unit_test(test_lifecycle_g5_trap_and_wait),
        cmocka_unit_test(test_lifecycle_g6_init_shell_form),
        cmocka_unit_test(test_lifecycle_g7_nginx_stopsignal),
        cmocka_unit_test(test_lifecycle_shell_does_not_forward),
        cmocka_unit_test(test_lifecycle_stop_negative_timeout),
        cmocka_unit_test(test_lifecycle_pid1_explanations),
        cmocka_unit_test(test_lifecycle_server_titles),
        cmocka_unit_test(test_lifecycle_trap_waits_for_foreground),
        cmocka_unit_test(test_lifecycle_default_grace_is_10s),
        cmocka_unit_test(test_lifecycle_stopsignal_sigint_python),
        cmocka_unit_test(test_lifecycle_exec_in_script),
        cmocka_unit_test(test_lifecycle_advance_time),
        cmocka_unit_test(test_lifecycle_ticking_loop),
        cmocka_unit_test(test_lifecycle_no_health),
        cmocka_unit_test(test_lifecycle_health_states),
        cmocka_unit_test(test_lifecycle_session_commands),
    };
    return cmocka_run_group_tests_name("lifecycle", tests, NULL, NULL);
}
