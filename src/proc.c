/*
 * proc.c: processes of a simulated container, their files and pipes, the
 * scheduler on the simulated clock, and signals with Linux's PID 1 rule.
 */
#include "proc.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "programs.h"
#include "sh.h"
#include "vfs.h"
#include "xmalloc.h"

/* Where synthesised /proc and /dev entries live until the next call. */
struct scratch {
    struct vfs_entry e;
    struct sb path, data;
};

static struct scratch *scratch_of(struct pns *ns);

/* ===================================================================== */
/* Environment helpers, signal names                                     */
/* ===================================================================== */

const char *uenv_get(const struct strlist *env, const char *name)
{
    size_t l = strlen(name);
    for (size_t i = 0; i < env->n; i++)
        if (strncmp(env->v[i], name, l) == 0 && env->v[i][l] == '=')
            return env->v[i] + l + 1;
    return NULL;
}

void uenv_unset(struct strlist *env, const char *name)
{
    size_t l = strlen(name);
    for (size_t i = 0; i < env->n; i++)
        if (strncmp(env->v[i], name, l) == 0 && env->v[i][l] == '=') {
            free(env->v[i]);
            memmove(env->v + i, env->v + i + 1,
                    (env->n - i - 1) * sizeof(*env->v));
            env->n--;
            return;
        }
}

void uenv_set(struct strlist *env, const char *name, const char *value)
{
    struct sb kv = SB_INIT;
    sb_addf(&kv, "%s=%s", name, value);
    size_t l = strlen(name);
    for (size_t i = 0; i < env->n; i++)
        if (strncmp(env->v[i], name, l) == 0 && env->v[i][l] == '=') {
            free(env->v[i]);
            env->v[i] = sb_detach(&kv, NULL);
            return;
        }
    strlist_push(env, kv.buf);
    sb_release(&kv);
}

static const char *const signames[] = {
    NULL,   "HUP",  "INT",    "QUIT", "ILL",    "TRAP", "ABRT", "BUS",
    "FPE",  "KILL", "USR1",   "SEGV", "USR2",   "PIPE", "ALRM", "TERM",
    "STKFLT", "CHLD", "CONT", "STOP", "TSTP",   "TTIN", "TTOU", "URG",
    "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH",  "IO",   "PWR",  "SYS",
};

const char *usig_name(int sig)
{
    if (sig > 0 && (size_t)sig < ARRAY_LEN(signames))
        return signames[sig];
    return NULL;
}

int usig_number(const char *name)
{
    if (!name || !*name)
        return -1;
    char *end;
    long n = strtol(name, &end, 10);
    if (!*end)
        return n >= 0 && n < PNS_NSIG ? (int)n : -1;
    const char *p = name;
    if ((p[0] == 'S' || p[0] == 's') && (p[1] == 'I' || p[1] == 'i') &&
        (p[2] == 'G' || p[2] == 'g') && p[3])
        p += 3;
    for (size_t i = 1; i < ARRAY_LEN(signames); i++) {
        const char *a = signames[i];
        const char *b = p;
        while (*a && *b && (*a == *b || *a == *b - 32))
            a++, b++;
        if (!*a && !*b)
            return (int)i;
    }
    if (strcmp(p, "IOT") == 0)
        return 6;
    if (strcmp(p, "CLD") == 0)
        return 17;
    if (strcmp(p, "POLL") == 0)
        return 29;
    return -1;
}

void pns_explain(struct pns *ns, const char *id, const char *fmt, ...)
{
    if (!ns->ex || explain_has(ns->ex, id))
        return;
    va_list ap;
    struct sb t = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&t, fmt, ap);
    va_end(ap);
    explain_add(ns->ex, id, 0, "%s", t.buf);
    sb_release(&t);
}

/* ===================================================================== */
/* Open files and pipes                                                  */
/* ===================================================================== */

struct ofile *ofile_new(enum ofile_kind kind)
{
    struct ofile *f = xcalloc(1, sizeof(*f));
    f->refs = 1;
    f->kind = kind;
    return f;
}

struct ofile *ofile_ref(struct ofile *f)
{
    if (f)
        f->refs++;
    return f;
}

static void pipe_unref(struct upipe *p)
{
    if (p && --p->refs == 0) {
        sb_release(&p->buf);
        free(p);
    }
}

void ofile_unref(struct ofile *f)
{
    if (!f || --f->refs > 0)
        return;
    if (f->pipe) {
        if (f->kind == OF_PIPE_W)
            f->pipe->writers--;
        else
            f->pipe->readers--;
        pipe_unref(f->pipe);
    }
    free(f->path);
    free(f);
}

struct ofile *ofile_sink(struct sb *sink)
{
    struct ofile *f = ofile_new(OF_SINK);
    f->sink = sink;
    f->writable = true;
    return f;
}

void pipe_open(struct ofile **r, struct ofile **w)
{
    struct upipe *p = xcalloc(1, sizeof(*p));
    sb_init(&p->buf);
    p->refs = 2;
    p->readers = 1;
    p->writers = 1;
    *r = ofile_new(OF_PIPE_R);
    (*r)->pipe = p;
    (*r)->readable = true;
    *w = ofile_new(OF_PIPE_W);
    (*w)->pipe = p;
    (*w)->writable = true;
}

void proc_setfd(struct proc *p, int fd, struct ofile *f)
{
    if (fd < 0 || fd >= PROC_NFD)
        return;
    struct ofile *old = p->fd[fd];
    p->fd[fd] = ofile_ref(f);
    ofile_unref(old);
}

/* ===================================================================== */
/* Namespaces and processes                                              */
/* ===================================================================== */

struct pns *pns_new(struct vfs *fs, long long now_ms)
{
    struct pns *ns = xcalloc(1, sizeof(*ns));
    ns->fs = fs;
    ns->next_pid = 1;
    ns->now_ms = now_ms;
    ns->start_ms = now_ms;
    return ns;
}

static void proc_free(struct proc *p)
{
    if (!p)
        return;
    strlist_release(&p->argv);
    free(p->exe);
    free(p->groups);
    free(p->cwd);
    strlist_release(&p->env);
    for (int i = 0; i < PROC_NFD; i++)
        ofile_unref(p->fd[i]);
    sh_free(p->sh);
    free(p->pdata);
    free(p->exec_path);
    strlist_release(&p->exec_argv);
    free(p);
}

void pns_free(struct pns *ns)
{
    if (!ns)
        return;
    for (size_t i = 0; i < ns->n_procs; i++)
        proc_free(ns->procs[i]);
    free(ns->procs);
    for (size_t i = 0; i < ns->n_hlog; i++)
        free(ns->hlog[i].output);
    for (size_t i = 0; i < ns->n_extra; i++) {
        sb_release(ns->extra[i]);
        free(ns->extra[i]);
    }
    free(ns->extra);
    struct scratch *s = ns->scratch;
    if (s) {
        sb_release(&s->path);
        sb_release(&s->data);
        free(s);
    }
    free(ns);
}

struct proc *proc_new(struct pns *ns, int ppid)
{
    struct proc *p = xcalloc(1, sizeof(*p));
    p->pid = ns->next_pid++;
    /* runc's own helpers take the pids after 1: the lab's first child
     * was pid 7 (run-semantics.md §3.3) */
    if (p->pid == 1)
        ns->next_pid = 7;
    p->ppid = ppid;
    strlist_init(&p->argv);
    strlist_init(&p->env);
    strlist_set_empty(&p->env);
    strlist_init(&p->exec_argv);
    p->cwd = xstrdup("/");
    p->state = P_RUNNABLE;
    p->start_ms = ns->now_ms;
    p->umask = 022;
    ns->procs = xreallocarray(ns->procs, ns->n_procs + 1, sizeof(*ns->procs));
    ns->procs[ns->n_procs++] = p;
    return p;
}

struct proc *pns_find(struct pns *ns, int pid)
{
    for (size_t i = 0; i < ns->n_procs; i++)
        if (ns->procs[i]->pid == pid)
            return ns->procs[i];
    return NULL;
}

struct proc *pns_init(struct pns *ns)
{
    return pns_find(ns, 1);
}

void proc_inherit(struct proc *child, const struct proc *parent)
{
    child->uid = parent->uid;
    child->gid = parent->gid;
    free(child->groups);
    child->groups = NULL;
    child->n_groups = parent->n_groups;
    if (parent->n_groups) {
        child->groups = xcalloc(parent->n_groups, sizeof(*child->groups));
        memcpy(child->groups, parent->groups,
               parent->n_groups * sizeof(*child->groups));
    }
    free(child->cwd);
    child->cwd = xstrdup(parent->cwd);
    strlist_release(&child->env);
    strlist_copy(&child->env, &parent->env);
    for (int i = 0; i < PROC_NFD; i++)
        proc_setfd(child, i, parent->fd[i]);
    child->umask = parent->umask;
    for (int s = 0; s < PNS_NSIG; s++)
        child->disp[s] = parent->disp[s] == SIGD_IGN ? SIGD_IGN : SIGD_DFL;
    child->exec_job = parent->exec_job;
}

void proc_set_argv(struct proc *p, char *const *argv, size_t argc)
{
    strlist_release(&p->argv);
    strlist_set_empty(&p->argv);
    for (size_t i = 0; i < argc; i++)
        strlist_push(&p->argv, argv[i]);
}

size_t pns_children(struct pns *ns, int pid, struct proc **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ns->n_procs && n < max; i++)
        if (ns->procs[i]->ppid == pid && !ns->procs[i]->reaped)
            out[n++] = ns->procs[i];
    return n;
}

bool proc_has_children(struct pns *ns, int pid, bool running_only)
{
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *c = ns->procs[i];
        if (c->ppid == pid && !c->reaped &&
            (!running_only || c->state != P_ZOMBIE))
            return true;
    }
    return false;
}

static void remove_proc(struct pns *ns, struct proc *p)
{
    for (size_t i = 0; i < ns->n_procs; i++)
        if (ns->procs[i] == p) {
            memmove(ns->procs + i, ns->procs + i + 1,
                    (ns->n_procs - i - 1) * sizeof(*ns->procs));
            ns->n_procs--;
            break;
        }
    proc_free(p);
}

int proc_reap(struct pns *ns, struct proc *parent, int pid, int *cpid)
{
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *c = ns->procs[i];
        if (c->ppid != parent->pid || c->state != P_ZOMBIE || c->reaped)
            continue;
        if (pid != -1 && c->pid != pid)
            continue;
        int st = c->status;
        *cpid = c->pid;
        remove_proc(ns, c);
        return st;
    }
    return -1;
}

/* Close p's files: pipe ends, so readers see the end of input. */
static void close_fds(struct proc *p)
{
    for (int i = 0; i < PROC_NFD; i++) {
        ofile_unref(p->fd[i]);
        p->fd[i] = NULL;
    }
}

static void wake_parent(struct pns *ns, struct proc *p)
{
    struct proc *par = pns_find(ns, p->ppid);
    if (!par)
        return;
    if (par->state == P_WAIT_CHILD &&
        (par->wait_pid == -1 || par->wait_pid == p->pid))
        par->state = P_RUNNABLE;
    else if (par->state == P_SLEEP && par->wake_on_child)
        par->state = P_RUNNABLE;
}

static void end_namespace(struct pns *ns, struct proc *init);

void proc_exit(struct pns *ns, struct proc *p, int status)
{
    if (p->state == P_ZOMBIE)
        return;
    sh_free(p->sh);
    p->sh = NULL;
    free(p->pdata);
    p->pdata = NULL;
    p->native = NULL;
    close_fds(p);
    p->state = P_ZOMBIE;
    p->status = status & 255;
    /* orphans go to PID 1 */
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *c = ns->procs[i];
        if (c->ppid == p->pid && c != p) {
            c->ppid = p->pid == 1 ? 0 : 1;
            if (c->state == P_ZOMBIE) {
                struct proc *init = pns_init(ns);
                if (!init || init->state == P_ZOMBIE)
                    c->reaped = true;
            }
        }
    }
    if (p->ppid == 0)
        p->reaped = true; /* PID 1 and docker exec jobs: the runtime */
    wake_parent(ns, p);
    if (p->pid == 1)
        end_namespace(ns, p);
}

void proc_kill(struct pns *ns, struct proc *p, int sig)
{
    if (p->state == P_ZOMBIE)
        return;
    if (p->running) {
        p->kill_pending = sig;
        return;
    }
    proc_exit(ns, p, 128 + sig);
    p->killed_by = sig;
    if (p->pid == 1)
        ns->exit_signal = sig;
}

/* PID 1 ended: the kernel kills everything else in the namespace. */
static void end_namespace(struct pns *ns, struct proc *init)
{
    ns->exited = true;
    ns->exit_status = init->status;
    ns->exit_ms = ns->now_ms;
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *c = ns->procs[i];
        if (c == init || c->state == P_ZOMBIE)
            continue;
        if (c->running) {
            c->kill_pending = 9;
            continue;
        }
        proc_exit(ns, c, 128 + 9);
        c->killed_by = 9;
        c->reaped = true;
    }
}

int proc_signal(struct pns *ns, struct proc *p, int sig, bool from_outside)
{
    if (!p || p->state == P_ZOMBIE)
        return 2;
    bool init = p->pid == 1 && p->ppid == 0 && !p->exec_job;
    if (sig == 9) {
        if (init && !from_outside)
            return 3;
        proc_kill(ns, p, 9);
        return 1;
    }
    if (sig == 19 || sig == 0)
        return 2;
    if (sig <= 0 || sig >= PNS_NSIG)
        return 2;
    switch (p->disp[sig]) {
    case SIGD_IGN:
        return 2;
    case SIGD_CATCH:
        if (p->sh) {
            p->pending[sig] = true;
            sh_signal(ns, p, sig);
        } else if (p->native && p->native->on_signal) {
            int r = p->native->on_signal(ns, p, sig);
            if (r >= 0) {
                if (p->running)
                    p->exit_pending = r + 1;
                else
                    proc_exit(ns, p, r);
            }
        }
        return 0;
    default:
        break;
    }
    /* default actions: these do nothing */
    if (sig == 17 || sig == 18 || sig == 23 || sig == 28)
        return 2;
    if (init)
        return 3;
    proc_kill(ns, p, sig);
    return 1;
}

/* ===================================================================== */
/* Reading and writing                                                   */
/* ===================================================================== */

static void sink_add(struct pns *ns, struct sb *sink, const char *s,
                     size_t len)
{
    if (sink->len >= PNS_OUTPUT_LIMIT) {
        if (!ns->out_truncated) {
            ns->out_truncated = true;
            pns_explain(ns, "userland.output-truncated",
                        "The container wrote more than %d bytes of output; "
                        "docksim kept the first %d and dropped the rest.",
                        PNS_OUTPUT_LIMIT, PNS_OUTPUT_LIMIT);
        }
        return;
    }
    sb_add(sink, s, len);
}

int proc_write(struct pns *ns, struct proc *p, int fd, const char *s,
               size_t len)
{
    if (fd < 0 || fd >= PROC_NFD || !p->fd[fd] || len == 0)
        return 0;
    struct ofile *f = p->fd[fd];
    switch (f->kind) {
    case OF_NULL:
    case OF_TTY:
        if (f->kind == OF_TTY && ns->out)
            sink_add(ns, ns->out, s, len);
        return 0;
    case OF_SINK:
        sink_add(ns, f->sink, s, len);
        return 0;
    case OF_PIPE_W:
        if (f->pipe->readers <= 0)
            return -1;
        if (f->pipe->buf.len - f->pipe->rpos < PNS_OUTPUT_LIMIT)
            sb_add(&f->pipe->buf, s, len);
        return 0;
    case OF_PIPE_R:
        return 0;
    case OF_FILE: {
        if (!f->writable)
            return 0;
        struct vfs_entry *e = vfs_modify(ns->fs, f->path);
        if (!e || e->type != VFS_FILE)
            return 0;
        if (e->len + len > 64u * 1024 * 1024)
            return 0;
        e->data = xrealloc(e->data, e->len + len + 1);
        memcpy(e->data + e->len, s, len);
        e->len += len;
        e->data[e->len] = '\0';
        e->program = NULL;
        return 0;
    }
    }
    return 0;
}

void proc_puts(struct pns *ns, struct proc *p, int fd, const char *s)
{
    proc_write(ns, p, fd, s, strlen(s));
}

void proc_printf(struct pns *ns, struct proc *p, int fd, const char *fmt, ...)
{
    va_list ap;
    struct sb t = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&t, fmt, ap);
    va_end(ap);
    if (t.len)
        proc_write(ns, p, fd, t.buf, t.len);
    sb_release(&t);
}

int proc_read_all(struct pns *ns, struct proc *p, int fd, struct sb *out)
{
    if (fd < 0 || fd >= PROC_NFD || !p->fd[fd])
        return 1;
    struct ofile *f = p->fd[fd];
    switch (f->kind) {
    case OF_PIPE_R: {
        struct upipe *pp = f->pipe;
        if (pp->writers > 0)
            return 0;
        sb_add(out, pp->buf.buf + pp->rpos, pp->buf.len - pp->rpos);
        pp->rpos = pp->buf.len;
        return 1;
    }
    case OF_FILE: {
        const struct vfs_entry *e = vfs_stat(ns->fs, f->path, NULL, NULL);
        if (e && e->type == VFS_FILE && e->data && f->rpos < e->len) {
            sb_add(out, e->data + f->rpos, e->len - f->rpos);
            f->rpos = e->len;
        }
        return 1;
    }
    case OF_TTY:
        return 0;
    default:
        return 1;
    }
}

int proc_read_line(struct pns *ns, struct proc *p, int fd, struct sb *line)
{
    if (fd < 0 || fd >= PROC_NFD || !p->fd[fd])
        return 0;
    struct ofile *f = p->fd[fd];
    const char *buf = NULL;
    size_t len = 0, *pos = NULL;
    bool more = false;
    switch (f->kind) {
    case OF_PIPE_R:
        buf = f->pipe->buf.buf;
        len = f->pipe->buf.len;
        pos = &f->pipe->rpos;
        more = f->pipe->writers > 0;
        break;
    case OF_FILE: {
        const struct vfs_entry *e = vfs_stat(ns->fs, f->path, NULL, NULL);
        if (!e || !e->data)
            return 0;
        buf = e->data;
        len = e->len;
        pos = &f->rpos;
        break;
    }
    case OF_TTY:
        return -1;
    default:
        return 0;
    }
    size_t start = *pos;
    const char *nl = start < len ? memchr(buf + start, '\n', len - start)
                                 : NULL;
    if (nl) {
        sb_add(line, buf + start, (size_t)(nl - buf) - start);
        *pos = (size_t)(nl - buf) + 1;
        return 1;
    }
    if (more)
        return -1;
    if (start >= len)
        return 0;
    sb_add(line, buf + start, len - start);
    *pos = len;
    return 2;
}

/* Does a read of fd have something to return now (data or the end)? */
static bool fd_ready(const struct ofile *f)
{
    if (!f)
        return true;
    if (f->kind == OF_PIPE_R)
        return f->pipe->writers <= 0 || f->pipe->rpos < f->pipe->buf.len;
    return f->kind != OF_TTY;
}

/* ===================================================================== */
/* The filesystem as a process sees it                                   */
/* ===================================================================== */

void proc_path(const struct proc *p, const char *path, struct sb *out)
{
    sb_reset(out);
    vfs_clean_path(out, p ? p->cwd : "/", path);
}

static struct scratch *scratch_of(struct pns *ns)
{
    if (!ns->scratch) {
        struct scratch *s = xcalloc(1, sizeof(*s));
        sb_init(&s->path);
        sb_init(&s->data);
        ns->scratch = s;
    }
    return ns->scratch;
}

static const struct vfs_entry *synth(struct pns *ns, const char *path,
                                     enum vfs_type type, unsigned mode,
                                     const char *data, size_t len,
                                     const char *target)
{
    struct scratch *s = scratch_of(ns);
    sb_reset(&s->path);
    sb_adds(&s->path, path);
    sb_reset(&s->data);
    if (data)
        sb_add(&s->data, data, len);
    memset(&s->e, 0, sizeof(s->e));
    s->e.path = s->path.buf;
    s->e.type = type;
    s->e.mode = mode;
    s->e.data = data ? s->data.buf : NULL;
    s->e.len = len;
    s->e.target = target ? (sb_reset(&s->data), sb_adds(&s->data, target),
                            s->data.buf)
                         : NULL;
    return &s->e;
}

/* /proc/PID/... contents; 0 or ENOENT. */
static int proc_file(struct pns *ns, struct proc *self, const char *rest,
                     struct sb *out, bool *is_dir, int *pid_out)
{
    /* rest is what follows "/proc/" */
    char *end;
    int pid;
    if (strncmp(rest, "self", 4) == 0 && (rest[4] == '\0' || rest[4] == '/')) {
        pid = self ? self->pid : 1;
        end = (char *)rest + 4;
    } else {
        long v = strtol(rest, &end, 10);
        if (end == rest)
            return ENOENT;
        pid = (int)v;
    }
    struct proc *t = pns_find(ns, pid);
    if (!t || t->reaped)
        return ENOENT;
    *pid_out = pid;
    if (*end == '\0') {
        *is_dir = true;
        return 0;
    }
    const char *f = end + 1;
    *is_dir = false;
    if (strcmp(f, "cmdline") == 0) {
        if (t->state != P_ZOMBIE)
            for (size_t i = 0; i < t->argv.n; i++) {
                sb_adds(out, t->argv.v[i]);
                sb_addch(out, '\0');
            }
        return 0;
    }
    if (strcmp(f, "comm") == 0) {
        const char *a = t->argv.n ? t->argv.v[0] : "?";
        const char *b = strrchr(a, '/');
        sb_addf(out, "%.15s\n", b ? b + 1 : a);
        return 0;
    }
    if (strcmp(f, "status") == 0) {
        const char *a = t->argv.n ? t->argv.v[0] : "?";
        const char *b = strrchr(a, '/');
        static const char *const st[] = { "R (running)", "S (sleeping)",
                                          "S (sleeping)", "S (sleeping)",
                                          "S (sleeping)", "R (running)",
                                          "Z (zombie)" };
        sb_addf(out, "Name:\t%.15s\nState:\t%s\nPid:\t%d\nPPid:\t%d\n"
                     "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
                b ? b + 1 : a, st[t->state], t->pid, t->ppid, t->uid, t->uid,
                t->uid, t->uid, t->gid, t->gid, t->gid, t->gid);
        return 0;
    }
    if (strcmp(f, "environ") == 0) {
        for (size_t i = 0; i < t->env.n; i++) {
            sb_adds(out, t->env.v[i]);
            sb_addch(out, '\0');
        }
        return 0;
    }
    if (strcmp(f, "fd") == 0) {
        *is_dir = true;
        return 0;
    }
    return ENOENT;
}

const struct vfs_entry *ufs_stat(struct pns *ns, struct proc *p,
                                 const char *path, bool follow, int *err)
{
    struct sb abs = SB_INIT;
    proc_path(p, path, &abs);
    const struct vfs_entry *e = NULL;
    int dummy;
    if (!err)
        err = &dummy;
    *err = 0;
    if (strcmp(abs.buf, "/proc") == 0) {
        e = synth(ns, "/proc", VFS_DIR, 0555, NULL, 0, NULL);
    } else if (strncmp(abs.buf, "/proc/", 6) == 0) {
        struct sb data = SB_INIT;
        bool dir = false;
        int pid = 0;
        const char *rest = abs.buf + 6;
        if (strcmp(rest, "self") == 0 && !follow) {
            char t[16];
            snprintf(t, sizeof(t), "%d", p ? p->pid : 1);
            e = synth(ns, abs.buf, VFS_SYMLINK, 0777, NULL, 0, t);
        } else if (strncmp(rest, "self/fd/", 8) == 0 ||
                   (strstr(rest, "/fd/") && rest[0] >= '0' && rest[0] <= '9')) {
            e = synth(ns, abs.buf, VFS_FILE, 0600, "", 0, NULL);
        } else if (strcmp(rest, "version") == 0 || strcmp(rest, "cpuinfo") == 0 ||
                   strcmp(rest, "meminfo") == 0 || strcmp(rest, "uptime") == 0 ||
                   strcmp(rest, "mounts") == 0 || strcmp(rest, "loadavg") == 0) {
            e = synth(ns, abs.buf, VFS_FILE, 0444, "", 0, NULL);
        } else if (proc_file(ns, p, rest, &data, &dir, &pid) == 0) {
            e = synth(ns, abs.buf, dir ? VFS_DIR : VFS_FILE,
                      dir ? 0555 : 0444, dir ? NULL : data.buf, data.len,
                      NULL);
        } else {
            *err = ENOENT;
        }
        sb_release(&data);
    } else if (strcmp(abs.buf, "/dev/null") == 0 ||
               strcmp(abs.buf, "/dev/zero") == 0 ||
               strcmp(abs.buf, "/dev/random") == 0 ||
               strcmp(abs.buf, "/dev/urandom") == 0 ||
               strcmp(abs.buf, "/dev/tty") == 0 ||
               strcmp(abs.buf, "/dev/console") == 0) {
        e = synth(ns, abs.buf, VFS_FILE, 0666, "", 0, NULL);
    } else if (strcmp(abs.buf, "/dev/stdout") == 0 ||
               strcmp(abs.buf, "/dev/stderr") == 0 ||
               strcmp(abs.buf, "/dev/stdin") == 0 ||
               strcmp(abs.buf, "/dev/fd") == 0) {
        if (follow)
            e = synth(ns, abs.buf, strcmp(abs.buf, "/dev/fd") == 0 ? VFS_DIR
                                                                   : VFS_FILE,
                      0620, "", 0, NULL);
        else {
            const char *t = strcmp(abs.buf, "/dev/stdout") == 0   ? "/proc/self/fd/1"
                            : strcmp(abs.buf, "/dev/stderr") == 0 ? "/proc/self/fd/2"
                            : strcmp(abs.buf, "/dev/stdin") == 0  ? "/proc/self/fd/0"
                                                                  : "/proc/self/fd";
            e = synth(ns, abs.buf, VFS_SYMLINK, 0777, NULL, 0, t);
        }
    } else if (strcmp(abs.buf, "/dev/shm") == 0 ||
               strcmp(abs.buf, "/dev/pts") == 0) {
        e = synth(ns, abs.buf, VFS_DIR, 01777, NULL, 0, NULL);
    } else if (follow) {
        /* a symlink to a special file (nginx's logs -> /dev/stdout) */
        const struct vfs_entry *l = vfs_lstat(ns->fs, abs.buf);
        if (l && l->type == VFS_SYMLINK && l->target &&
            (strncmp(l->target, "/dev/", 5) == 0 ||
             strncmp(l->target, "/proc/", 6) == 0)) {
            char *t = xstrdup(l->target);
            e = ufs_stat(ns, p, t, true, err);
            free(t);
        } else {
            e = vfs_stat(ns->fs, abs.buf, err, NULL);
        }
    } else {
        e = vfs_lstat(ns->fs, abs.buf);
        if (!e) {
            /* missing, or a parent is a symlink: resolve the parent */
            e = vfs_stat(ns->fs, abs.buf, err, NULL);
            if (e && e->type == VFS_SYMLINK)
                (void)0;
        }
        if (!e && !*err)
            *err = ENOENT;
    }
    if (!e && !*err)
        *err = ENOENT;
    sb_release(&abs);
    return e;
}

static bool in_group(const struct proc *p, unsigned gid)
{
    if (p->gid == gid)
        return true;
    for (size_t i = 0; i < p->n_groups; i++)
        if (p->groups[i] == gid)
            return true;
    return false;
}

static bool may(const struct proc *p, const struct vfs_entry *e,
                unsigned bits)
{
    if (!p || p->uid == 0)
        return true;
    if (e->uid == p->uid)
        return (e->mode & (bits << 6)) != 0;
    if (in_group(p, e->gid))
        return (e->mode & (bits << 3)) != 0;
    return (e->mode & bits) != 0;
}

int ufs_may_write(struct pns *ns, const struct proc *p,
                  const struct vfs_entry *e)
{
    if (ns->read_only && e->path && strncmp(e->path, "/dev/", 5) != 0 &&
        strncmp(e->path, "/proc/", 6) != 0)
        return EROFS;
    return may(p, e, 2) ? 0 : EACCES;
}

bool ufs_may_exec(const struct proc *p, const struct vfs_entry *e)
{
    if (!p || p->uid == 0)
        return (e->mode & 0111) != 0 || e->type == VFS_DIR;
    return may(p, e, 1);
}

bool ufs_may_read(const struct proc *p, const struct vfs_entry *e)
{
    return may(p, e, 4);
}

static bool is_special_dev(const char *path)
{
    return strcmp(path, "/dev/null") == 0 || strcmp(path, "/dev/zero") == 0 ||
           strcmp(path, "/dev/random") == 0 ||
           strcmp(path, "/dev/urandom") == 0;
}

static int fd_of_special(const char *path)
{
    if (strcmp(path, "/dev/stdin") == 0)
        return 0;
    if (strcmp(path, "/dev/stdout") == 0)
        return 1;
    if (strcmp(path, "/dev/stderr") == 0)
        return 2;
    const char *n = NULL;
    if (strncmp(path, "/dev/fd/", 8) == 0)
        n = path + 8;
    else if (strncmp(path, "/proc/self/fd/", 14) == 0)
        n = path + 14;
    if (n && *n >= '0' && *n <= '9' && !n[1])
        return *n - '0';
    return -1;
}

struct ofile *proc_open(struct pns *ns, struct proc *p, const char *path,
                        int flags, int *err)
{
    struct sb abs = SB_INIT;
    proc_path(p, path, &abs);
    *err = 0;
    /* follow a symlink chain to a special file */
    for (int depth = 0; depth < 8; depth++) {
        const struct vfs_entry *l = vfs_lstat(ns->fs, abs.buf);
        if (!l || l->type != VFS_SYMLINK || !l->target)
            break;
        struct sb t = SB_INIT;
        const char *slash = strrchr(abs.buf, '/');
        char *dir = xmemdup0(abs.buf, slash > abs.buf ? (size_t)(slash - abs.buf) : 1);
        vfs_clean_path(&t, dir, l->target);
        free(dir);
        if (strncmp(t.buf, "/dev/", 5) != 0 && strncmp(t.buf, "/proc/", 6) != 0) {
            sb_release(&t);
            break;
        }
        sb_reset(&abs);
        sb_add(&abs, t.buf, t.len);
        sb_release(&t);
    }
    if (is_special_dev(abs.buf)) {
        sb_release(&abs);
        struct ofile *f = ofile_new(OF_NULL);
        f->readable = f->writable = true;
        return f;
    }
    int sfd = fd_of_special(abs.buf);
    if (sfd >= 0) {
        sb_release(&abs);
        if (sfd >= PROC_NFD || !p->fd[sfd]) {
            *err = ENOENT;
            return NULL;
        }
        return ofile_ref(p->fd[sfd]);
    }
    if (strcmp(abs.buf, "/dev/tty") == 0) {
        sb_release(&abs);
        if (!ns->tty) {
            *err = ENXIO;
            return NULL;
        }
        struct ofile *f = ofile_new(OF_TTY);
        f->readable = f->writable = true;
        return f;
    }
    if (strncmp(abs.buf, "/proc/", 6) == 0) {
        if (flags & UO_WRITE) {
            sb_release(&abs);
            *err = EACCES;
            return NULL;
        }
        struct sb data = SB_INIT;
        int r = ufs_read(ns, p, abs.buf, &data);
        sb_release(&abs);
        if (r) {
            sb_release(&data);
            *err = r;
            return NULL;
        }
        struct ofile *rd, *wr;
        pipe_open(&rd, &wr);
        sb_add(&rd->pipe->buf, data.buf, data.len);
        ofile_unref(wr);
        sb_release(&data);
        return rd;
    }
    int e_err = 0;
    struct sb real = SB_INIT;
    const struct vfs_entry *e = vfs_stat(ns->fs, abs.buf, &e_err, &real);
    if (e) {
        if (e->type == VFS_DIR) {
            *err = EISDIR;
            goto fail;
        }
        if ((flags & UO_WRITE)) {
            int w = ufs_may_write(ns, p, e);
            if (w) {
                *err = w;
                goto fail;
            }
            if (flags & UO_EXCL) {
                *err = EEXIST;
                goto fail;
            }
            if (flags & UO_TRUNC) {
                struct vfs_entry *m = vfs_modify(ns->fs, real.buf);
                if (m) {
                    free(m->data);
                    m->data = NULL;
                    m->len = 0;
                    free(m->program);
                    m->program = NULL;
                }
            }
        } else if (!ufs_may_read(p, e)) {
            *err = EACCES;
            goto fail;
        }
        struct ofile *f = ofile_new(OF_FILE);
        f->path = sb_detach(&real, NULL);
        f->readable = (flags & UO_READ) != 0 || !(flags & UO_WRITE);
        f->writable = (flags & UO_WRITE) != 0;
        sb_release(&abs);
        return f;
    }
    if (!(flags & UO_CREAT) || e_err == ENOTDIR || e_err == ELOOP) {
        *err = e_err ? e_err : ENOENT;
        goto fail;
    }
    {
        /* create: the parent must be a writable directory */
        const char *slash = strrchr(abs.buf, '/');
        char *dir = xmemdup0(abs.buf, slash > abs.buf ? (size_t)(slash - abs.buf) : 1);
        int derr = 0;
        const struct vfs_entry *d = vfs_stat(ns->fs, dir, &derr, NULL);
        free(dir);
        if (!d) {
            *err = derr ? derr : ENOENT;
            goto fail;
        }
        if (d->type != VFS_DIR) {
            *err = ENOTDIR;
            goto fail;
        }
        int w = ufs_may_write(ns, p, d);
        if (w) {
            *err = w;
            goto fail;
        }
        struct vfs_entry *n = vfs_put_file(ns->fs, abs.buf,
                                           0666 & ~(p ? p->umask : 022), NULL, 0);
        n->uid = p ? p->uid : 0;
        n->gid = p ? p->gid : 0;
        struct ofile *f = ofile_new(OF_FILE);
        f->path = xstrdup(n->path);
        f->readable = (flags & UO_READ) != 0;
        f->writable = true;
        sb_release(&abs);
        sb_release(&real);
        return f;
    }
fail:
    sb_release(&abs);
    sb_release(&real);
    return NULL;
}

int ufs_read(struct pns *ns, struct proc *p, const char *path, struct sb *out)
{
    struct sb abs = SB_INIT;
    proc_path(p, path, &abs);
    if (strncmp(abs.buf, "/proc/", 6) == 0) {
        const char *rest = abs.buf + 6;
        bool dir = false;
        int pid = 0;
        int r = 0;
        if (strcmp(rest, "version") == 0)
            sb_adds(out, "Linux version 6.1.0-docksim (simulated) #1 SMP\n");
        else if (strcmp(rest, "uptime") == 0)
            sb_addf(out, "%lld.00 0.00\n",
                    (ns->now_ms - ns->start_ms) / 1000);
        else if (strcmp(rest, "loadavg") == 0)
            sb_adds(out, "0.00 0.00 0.00 1/1 1\n");
        else if (strcmp(rest, "cpuinfo") == 0 || strcmp(rest, "meminfo") == 0 ||
                 strcmp(rest, "mounts") == 0)
            ;
        else {
            r = proc_file(ns, p, rest, out, &dir, &pid);
            if (r == 0 && dir)
                r = EISDIR;
        }
        sb_release(&abs);
        return r;
    }
    if (is_special_dev(abs.buf)) {
        sb_release(&abs);
        return 0;
    }
    int err = 0;
    const struct vfs_entry *e = vfs_stat(ns->fs, abs.buf, &err, NULL);
    sb_release(&abs);
    if (!e)
        return err ? err : ENOENT;
    if (e->type == VFS_DIR)
        return EISDIR;
    if (p && !ufs_may_read(p, e))
        return EACCES;
    if (e->data)
        sb_add(out, e->data, e->len);
    return 0;
}

static int collect_name(const struct vfs_entry *e, void *ctx)
{
    struct strlist *l = ctx;
    const char *s = strrchr(e->path, '/');
    strlist_push(l, s ? s + 1 : e->path);
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ufs_list(struct pns *ns, struct proc *p, const char *path,
             struct strlist *names)
{
    struct sb abs = SB_INIT;
    proc_path(p, path, &abs);
    if (strcmp(abs.buf, "/proc") == 0) {
        sb_release(&abs);
        for (size_t i = 0; i < ns->n_procs; i++) {
            if (ns->procs[i]->reaped)
                continue;
            char t[16];
            snprintf(t, sizeof(t), "%d", ns->procs[i]->pid);
            strlist_push(names, t);
        }
        strlist_push(names, "self");
        strlist_push(names, "version");
        strlist_push(names, "uptime");
        return 0;
    }
    if (strcmp(abs.buf, "/dev") == 0) {
        sb_release(&abs);
        static const char *const devs[] = { "console", "fd", "null", "pts",
                                             "random", "shm", "stderr",
                                             "stdin", "stdout", "tty",
                                             "urandom", "zero" };
        for (size_t i = 0; i < ARRAY_LEN(devs); i++)
            strlist_push(names, devs[i]);
        return 0;
    }
    int err = 0;
    const struct vfs_entry *e = vfs_stat(ns->fs, abs.buf, &err, NULL);
    if (!e) {
        sb_release(&abs);
        return err ? err : ENOENT;
    }
    if (e->type != VFS_DIR) {
        sb_release(&abs);
        return ENOTDIR;
    }
    if (p && !ufs_may_read(p, e)) {
        sb_release(&abs);
        return EACCES;
    }
    size_t before = names->n;
    vfs_list(ns->fs, abs.buf, collect_name, names);
    if (names->n > before)
        qsort(names->v + before, names->n - before, sizeof(*names->v),
              cmp_names);
    sb_release(&abs);
    return 0;
}

char *ufs_which(struct pns *ns, struct proc *p, const char *name,
                const char *path_var)
{
    if (!name || !*name)
        return NULL;
    if (strchr(name, '/')) {
        int err;
        const struct vfs_entry *e = ufs_stat(ns, p, name, true, &err);
        if (e && e->type == VFS_FILE && ufs_may_exec(p, e)) {
            struct sb abs = SB_INIT;
            proc_path(p, name, &abs);
            return sb_detach(&abs, NULL);
        }
        return NULL;
    }
    const char *d = path_var ? path_var : "";
    for (;;) {
        const char *colon = strchr(d, ':');
        size_t dl = colon ? (size_t)(colon - d) : strlen(d);
        struct sb cand = SB_INIT, abs = SB_INIT;
        if (dl)
            sb_add(&cand, d, dl);
        else
            sb_addch(&cand, '.');
        sb_addf(&cand, "/%s", name);
        proc_path(p, cand.buf, &abs);
        sb_release(&cand);
        int err;
        const struct vfs_entry *e = vfs_stat(ns->fs, abs.buf, &err, NULL);
        if (e && e->type == VFS_FILE && ufs_may_exec(p, e)) {
            /* the path as found, not resolved */
            struct sb shown = SB_INIT;
            if (dl)
                sb_add(&shown, d, dl);
            else
                sb_addch(&shown, '.');
            sb_addf(&shown, "/%s", name);
            sb_release(&abs);
            if (shown.buf[0] == '/') {
                struct sb clean = SB_INIT;
                vfs_clean_path(&clean, "/", shown.buf);
                sb_release(&shown);
                return sb_detach(&clean, NULL);
            }
            return sb_detach(&shown, NULL);
        }
        sb_release(&abs);
        if (!colon)
            break;
        d = colon + 1;
    }
    return NULL;
}

/* ===================================================================== */
/* Users and groups                                                      */
/* ===================================================================== */

/* Field k (0-based) of a colon line, or NULL. */
static bool split_line(const char *line, size_t len, char **f, size_t max,
                       size_t *n)
{
    *n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len && *n < max; i++) {
        if (i == len || line[i] == ':') {
            f[(*n)++] = xmemdup0(line + start, i - start);
            start = i + 1;
        }
    }
    return *n > 0;
}

static void free_fields(char **f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(f[i]);
}

typedef bool line_fn(char **f, size_t n, void *ctx);

static void each_line(struct pns *ns, const char *file, line_fn *fn,
                      void *ctx)
{
    struct sb text = SB_INIT;
    if (ufs_read(ns, NULL, file, &text) != 0) {
        sb_release(&text);
        return;
    }
    const char *s = text.buf;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        char *f[8];
        size_t n;
        if (len && split_line(s, len, f, 8, &n)) {
            bool stop = fn(f, n, ctx);
            free_fields(f, n);
            if (stop)
                break;
        }
        s += len + (nl ? 1 : 0);
    }
    sb_release(&text);
}

struct uq {
    const char *name;
    unsigned id;
    bool by_id, found;
    char *out_name, *home, *shell;
    unsigned uid, gid;
};

static bool passwd_line(char **f, size_t n, void *ctx)
{
    struct uq *q = ctx;
    if (n < 7)
        return false;
    unsigned uid = (unsigned)strtoul(f[2], NULL, 10);
    if ((q->by_id && uid == q->id) || (!q->by_id && strcmp(f[0], q->name) == 0)) {
        q->found = true;
        q->out_name = xstrdup(f[0]);
        q->uid = uid;
        q->gid = (unsigned)strtoul(f[3], NULL, 10);
        q->home = xstrdup(f[5]);
        q->shell = xstrdup(f[6]);
        return true;
    }
    return false;
}

static bool group_line(char **f, size_t n, void *ctx)
{
    struct uq *q = ctx;
    if (n < 3)
        return false;
    unsigned gid = (unsigned)strtoul(f[2], NULL, 10);
    if ((q->by_id && gid == q->id) || (!q->by_id && strcmp(f[0], q->name) == 0)) {
        q->found = true;
        q->out_name = xstrdup(f[0]);
        q->gid = gid;
        return true;
    }
    return false;
}

char *ufs_user_name(struct pns *ns, unsigned uid)
{
    struct uq q = { NULL, uid, true, false, NULL, NULL, NULL, 0, 0 };
    each_line(ns, "/etc/passwd", passwd_line, &q);
    free(q.home);
    free(q.shell);
    return q.out_name;
}

char *ufs_group_name(struct pns *ns, unsigned gid)
{
    struct uq q = { NULL, gid, true, false, NULL, NULL, NULL, 0, 0 };
    each_line(ns, "/etc/group", group_line, &q);
    return q.out_name;
}

bool ufs_user_lookup(struct pns *ns, const char *name, unsigned *uid,
                     unsigned *gid, char **home, char **shell)
{
    struct uq q = { name, 0, false, false, NULL, NULL, NULL, 0, 0 };
    each_line(ns, "/etc/passwd", passwd_line, &q);
    free(q.out_name);
    if (!q.found) {
        free(q.home);
        free(q.shell);
        return false;
    }
    *uid = q.uid;
    *gid = q.gid;
    if (home)
        *home = q.home;
    else
        free(q.home);
    if (shell)
        *shell = q.shell;
    else
        free(q.shell);
    return true;
}

bool ufs_group_lookup(struct pns *ns, const char *name, unsigned *gid)
{
    struct uq q = { name, 0, false, false, NULL, NULL, NULL, 0, 0 };
    each_line(ns, "/etc/group", group_line, &q);
    free(q.out_name);
    if (q.found)
        *gid = q.gid;
    return q.found;
}

struct gq {
    const char *user;
    unsigned **groups;
    size_t *n;
};

static bool member_line(char **f, size_t n, void *ctx)
{
    struct gq *q = ctx;
    if (n < 4 || !*f[3])
        return false;
    const char *m = f[3];
    size_t ul = strlen(q->user);
    while (*m) {
        const char *c = strchr(m, ',');
        size_t l = c ? (size_t)(c - m) : strlen(m);
        if (l == ul && memcmp(m, q->user, l) == 0) {
            unsigned g = (unsigned)strtoul(f[2], NULL, 10);
            bool dup = false;
            for (size_t i = 0; i < *q->n; i++)
                if ((*q->groups)[i] == g)
                    dup = true;
            if (!dup) {
                *q->groups = xreallocarray(*q->groups, *q->n + 1,
                                           sizeof(**q->groups));
                (*q->groups)[(*q->n)++] = g;
            }
            break;
        }
        m += l + (c ? 1 : 0);
    }
    return false;
}

void ufs_user_groups(struct pns *ns, const char *name, unsigned gid,
                     unsigned **groups, size_t *n)
{
    *groups = xcalloc(1, sizeof(**groups));
    (*groups)[0] = gid;
    *n = 1;
    if (!name)
        return;
    struct gq q = { name, groups, n };
    each_line(ns, "/etc/group", member_line, &q);
}

/* ===================================================================== */
/* exec                                                                  */
/* ===================================================================== */

/*
 * Can the simulated machine (linux/amd64) run this ELF file? Its
 * e_machine (bytes 18-19, in the byte order of EI_DATA) must be x86-64,
 * or i386 (the kernel's 32-bit emulation). Anything else is another
 * CPU's binary: execve fails with ENOEXEC ("exec format error"). A file
 * without a real ELF identification (class, data and version bytes) is
 * one of docksim's own stand-in binaries ("\x7fELF docksim ..."), which
 * run.
 */
static bool elf_runs_here(const char *data, size_t len)
{
    enum { EM_386 = 3, EM_X86_64 = 62 };
    const unsigned char *d = (const unsigned char *)data;
    if (len < 20 || (d[4] != 1 && d[4] != 2) || (d[5] != 1 && d[5] != 2) ||
        d[6] != 1)
        return true;
    unsigned m = d[5] == 2 ? (unsigned)d[18] << 8 | d[19]
                           : (unsigned)d[19] << 8 | d[18];
    return m == EM_X86_64 || m == EM_386;
}

int proc_exec(struct pns *ns, struct proc *p, const char *path,
              char *const *argv, size_t argc)
{
    struct strlist av;
    strlist_init(&av);
    strlist_set_empty(&av);
    for (size_t i = 0; i < argc; i++)
        strlist_push(&av, argv[i]);
    char *cur = xstrdup(path);
    int rc = 0;
    struct prog_choice pc;
    memset(&pc, 0, sizeof(pc));
    for (int depth = 0;; depth++) {
        int err = 0;
        const struct vfs_entry *e = ufs_stat(ns, p, cur, true, &err);
        if (!e) {
            rc = err ? err : ENOENT;
            break;
        }
        if (e->type == VFS_DIR || !ufs_may_exec(p, e)) {
            rc = EACCES;
            break;
        }
        if (e->program) {
            prog_choose(e->program, av.n ? av.v[0] : cur, &pc);
            break;
        }
        if (depth >= 4) {
            rc = ELOOP;
            break;
        }
        if (e->data && e->len >= 4 && memcmp(e->data, "\x7f" "ELF", 4) == 0) {
            if (!elf_runs_here(e->data, e->len)) {
                /* another CPU's binary: the kernel's ENOEXEC */
                rc = ENOEXEC;
                break;
            }
            prog_choose("compiled-binary", av.n ? av.v[0] : cur, &pc);
            break;
        }
        if (!e->data || e->len < 2 || e->data[0] != '#' || e->data[1] != '!') {
            rc = ENOEXEC;
            break;
        }
        /* #!interp [arg] */
        size_t i = 2;
        while (i < e->len && (e->data[i] == ' ' || e->data[i] == '\t'))
            i++;
        size_t j = i;
        while (j < e->len && e->data[j] != '\n' && e->data[j] != ' ' &&
               e->data[j] != '\t')
            j++;
        char *interp = xmemdup0(e->data + i, j - i);
        char *arg = NULL;
        size_t k = j;
        while (k < e->len && (e->data[k] == ' ' || e->data[k] == '\t'))
            k++;
        size_t l = k;
        while (l < e->len && e->data[l] != '\n')
            l++;
        while (l > k && (e->data[l - 1] == ' ' || e->data[l - 1] == '\t'))
            l--;
        if (l > k)
            arg = xmemdup0(e->data + k, l - k);
        struct strlist nv;
        strlist_init(&nv);
        strlist_set_empty(&nv);
        strlist_push(&nv, interp);
        if (arg)
            strlist_push(&nv, arg);
        strlist_push(&nv, cur);
        for (size_t x = 1; x < av.n; x++)
            strlist_push(&nv, av.v[x]);
        strlist_release(&av);
        av = nv;
        free(cur);
        cur = interp;
        free(arg);
        /* the interpreter must exist as written (no PATH search) */
        err = 0;
        if (!ufs_stat(ns, p, cur, true, &err)) {
            rc = ENOENT;
            break;
        }
    }
    if (rc) {
        free(cur);
        strlist_release(&av);
        return rc;
    }
    free(p->exec_path);
    p->exec_path = cur;
    strlist_release(&p->exec_argv);
    p->exec_argv = av;
    p->exec_shell = pc.shell;
    p->exec_sh_flavor = pc.sh;
    p->exec_native = pc.native;
    p->exec_pflavor = pc.flavor;
    p->exec_pending = true;
    return 0;
}

void proc_exec_commit(struct pns *ns, struct proc *p)
{
    if (!p->exec_pending)
        return;
    p->exec_pending = false;
    sh_free(p->sh);
    p->sh = NULL;
    free(p->pdata);
    p->pdata = NULL;
    p->native = NULL;
    p->phase = 0;
    free(p->exe);
    p->exe = p->exec_path;
    p->exec_path = NULL;
    strlist_release(&p->argv);
    p->argv = p->exec_argv;
    strlist_init(&p->exec_argv);
    for (int s = 0; s < PNS_NSIG; s++) {
        if (p->disp[s] == SIGD_CATCH)
            p->disp[s] = SIGD_DFL;
        p->pending[s] = false;
    }
    p->state = P_RUNNABLE;
    p->woken_by_signal = false;
    if (p->exec_shell) {
        sh_start(ns, p, (enum sh_flavor)p->exec_sh_flavor, p->argv.v,
                 p->argv.n);
    } else {
        p->native = p->exec_native;
        p->pflavor = p->exec_pflavor;
    }
}

struct proc *proc_spawn(struct pns *ns, struct proc *parent, const char *path,
                        char *const *argv, size_t argc, int *err)
{
    struct proc *c = proc_new(ns, parent ? parent->pid : 0);
    if (parent)
        proc_inherit(c, parent);
    int e = proc_exec(ns, c, path, argv, argc);
    if (e) {
        *err = e;
        remove_proc(ns, c);
        return NULL;
    }
    proc_exec_commit(ns, c);
    return c;
}

/* ===================================================================== */
/* The scheduler                                                         */
/* ===================================================================== */

static void step(struct pns *ns, struct proc *p)
{
    ns->steps = 0;
    p->running = true;
    int r;
    if (p->sh)
        r = sh_step(ns, p);
    else if (p->native)
        r = p->native->run(ns, p);
    else
        r = 0;
    p->running = false;
    if (p->kill_pending) {
        int sig = p->kill_pending;
        p->kill_pending = 0;
        proc_kill(ns, p, sig);
        return;
    }
    if (p->exit_pending) {
        int st = p->exit_pending - 1;
        p->exit_pending = 0;
        proc_exit(ns, p, st);
        return;
    }
    if (r >= 0) {
        proc_exit(ns, p, r);
    } else if (r == PROG_EXEC) {
        proc_exec_commit(ns, p);
    } else if (p->state == P_RUNNABLE) {
        /* a program that blocked without saying on what waits forever */
        p->state = P_FOREVER;
    }
}

/* Wake processes whose input or children are ready. */
static void wake_ready(struct pns *ns)
{
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *p = ns->procs[i];
        if (p->state == P_WAIT_INPUT && fd_ready(p->fd[p->wait_fd]))
            p->state = P_RUNNABLE;
        else if (p->state == P_WAIT_CHILD) {
            bool ready = false, any = false;
            for (size_t k = 0; k < ns->n_procs; k++) {
                struct proc *c = ns->procs[k];
                if (c->ppid != p->pid || c->reaped)
                    continue;
                if (p->wait_pid != -1 && c->pid != p->wait_pid)
                    continue;
                any = true;
                if (c->state == P_ZOMBIE)
                    ready = true;
            }
            if (ready || !any)
                p->state = P_RUNNABLE;
        }
    }
}

/* Step every runnable process once (in pid order); true if any ran. */
static bool run_once(struct pns *ns, struct proc *only)
{
    bool any = false;
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *p = ns->procs[i];
        if (p->state != P_RUNNABLE)
            continue;
        if (only && p != only) {
            /* only p and its descendants */
            int anc = p->ppid;
            bool mine = false;
            for (int d = 0; d < 64 && anc > 0; d++) {
                if (anc == only->pid) {
                    mine = true;
                    break;
                }
                struct proc *a = pns_find(ns, anc);
                anc = a ? a->ppid : 0;
            }
            if (!mine)
                continue;
        }
        step(ns, p);
        any = true;
        wake_ready(ns);
        if (ns->exited && !only)
            return true;
    }
    return any;
}

bool pns_run(struct pns *ns, long long until_ms)
{
    for (int guard = 0; guard < 1000000; guard++) {
        if (ns->exited)
            break;
        wake_ready(ns);
        if (run_once(ns, NULL))
            continue;
        if (ns->exited)
            break;
        /* the next timer */
        long long next = LLONG_MAX;
        for (size_t i = 0; i < ns->n_procs; i++)
            if (ns->procs[i]->state == P_SLEEP && ns->procs[i]->wake_ms < next)
                next = ns->procs[i]->wake_ms;
        if (next == LLONG_MAX || next > until_ms)
            break;
        if (next > ns->now_ms)
            ns->now_ms = next;
        for (size_t i = 0; i < ns->n_procs; i++)
            if (ns->procs[i]->state == P_SLEEP &&
                ns->procs[i]->wake_ms <= ns->now_ms)
                ns->procs[i]->state = P_RUNNABLE;
    }
    if (!ns->exited && until_ms != LLONG_MAX && until_ms > ns->now_ms)
        ns->now_ms = until_ms;
    return ns->exited;
}

static bool ended(struct pns *ns, int pid)
{
    struct proc *p = pns_find(ns, pid);
    return !p || p->state == P_ZOMBIE;
}

bool pns_run_for(struct pns *ns, int pid, long long until_ms)
{
    for (int guard = 0; guard < 1000000; guard++) {
        if (ns->exited || ended(ns, pid))
            return true;
        wake_ready(ns);
        if (run_once(ns, NULL))
            continue;
        if (ns->exited || ended(ns, pid))
            return true;
        long long next = LLONG_MAX;
        for (size_t i = 0; i < ns->n_procs; i++)
            if (ns->procs[i]->state == P_SLEEP && ns->procs[i]->wake_ms < next)
                next = ns->procs[i]->wake_ms;
        if (next == LLONG_MAX || next > until_ms)
            break;
        if (next > ns->now_ms)
            ns->now_ms = next;
        for (size_t i = 0; i < ns->n_procs; i++)
            if (ns->procs[i]->state == P_SLEEP &&
                ns->procs[i]->wake_ms <= ns->now_ms)
                ns->procs[i]->state = P_RUNNABLE;
    }
    if (until_ms != LLONG_MAX && until_ms > ns->now_ms)
        ns->now_ms = until_ms;
    return ns->exited || ended(ns, pid);
}

static bool in_subtree(struct pns *ns, struct proc *p, struct proc *root)
{
    for (int d = 0; d < 64 && p; d++) {
        if (p == root)
            return true;
        p = p->ppid ? pns_find(ns, p->ppid) : NULL;
    }
    return false;
}

int pns_run_sync(struct pns *ns, struct proc *p, long long *elapsed_ms)
{
    long long start = ns->now_ms;
    int pid = p->pid;
    *elapsed_ms = 0;
    for (int guard = 0; guard < 100000; guard++) {
        struct proc *q = pns_find(ns, pid);
        if (!q)
            return -1;
        if (q->state == P_ZOMBIE) {
            *elapsed_ms = ns->now_ms - start;
            ns->now_ms = start;
            return q->status;
        }
        wake_ready(ns);
        if (run_once(ns, q))
            continue;
        long long next = LLONG_MAX;
        for (size_t i = 0; i < ns->n_procs; i++) {
            struct proc *c = ns->procs[i];
            if (c->state == P_SLEEP && in_subtree(ns, c, q) && c->wake_ms < next)
                next = c->wake_ms;
        }
        if (next == LLONG_MAX || next - start > 3600LL * 1000)
            break;
        if (next > ns->now_ms)
            ns->now_ms = next;
        for (size_t i = 0; i < ns->n_procs; i++) {
            struct proc *c = ns->procs[i];
            if (c->state == P_SLEEP && c->wake_ms <= ns->now_ms &&
                in_subtree(ns, c, q))
                c->state = P_RUNNABLE;
        }
    }
    *elapsed_ms = ns->now_ms - start;
    ns->now_ms = start;
    return -1;
}
