/*
 * sh.c: the shell's resumable machine: variables, redirections, simple
 * commands (builtins, functions, programs), pipelines, subshells,
 * background jobs, traps and signals, and the flavours' differences.
 */
#include "sh.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "programs.h"
#include "sh_impl.h"
#include "vfs.h"
#include "xmalloc.h"

/* ===================================================================== */
/* Small helpers                                                         */
/* ===================================================================== */

static char **strv_dup(char *const *v, size_t n)
{
    char **out = xcalloc(n + 1, sizeof(*out));
    for (size_t i = 0; i < n; i++)
        out[i] = xstrdup(v[i]);
    return out;
}

static void strv_free(char **v, size_t n)
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

const char *sh_flavor_name(enum sh_flavor fl)
{
    switch (fl) {
    case SH_BASH:
        return "bash";
    case SH_ASH:
        return "ash";
    default:
        return "dash";
    }
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* ===================================================================== */
/* Variables                                                             */
/* ===================================================================== */

struct svar *shv_find(struct sh *sh, const char *name)
{
    for (size_t i = 0; i < sh->n_vars; i++)
        if (strcmp(sh->vars[i].name, name) == 0)
            return &sh->vars[i];
    return NULL;
}

const char *shv_get(struct sh *sh, const char *name)
{
    struct svar *v = shv_find(sh, name);
    return v ? v->value : NULL;
}

static struct svar *shv_add(struct sh *sh, const char *name)
{
    if (sh->n_vars == sh->cap_vars) {
        sh->cap_vars = sh->cap_vars ? sh->cap_vars * 2 : 32;
        sh->vars = xreallocarray(sh->vars, sh->cap_vars, sizeof(*sh->vars));
    }
    struct svar *v = &sh->vars[sh->n_vars++];
    v->name = xstrdup(name);
    v->value = NULL;
    v->flags = 0;
    return v;
}

/* Set without checks (readonly etc.); flags are OR-ed in. */
static void shv_put(struct sh *sh, const char *name, const char *value,
                    unsigned flags)
{
    struct svar *v = shv_find(sh, name);
    if (!v)
        v = shv_add(sh, name);
    free(v->value);
    v->value = value ? xstrdup(value) : NULL;
    v->flags |= flags;
    if (sh->o_allexport)
        v->flags |= V_EXPORT;
}

static void readonly_error(struct pns *ns, struct proc *p, const char *name)
{
    if (p->sh->fl == SH_BASH)
        sh_err(ns, p, "%s: readonly variable", name);
    else
        sh_err(ns, p, "%s: is read only", name);
}

int shv_set(struct pns *ns, struct proc *p, const char *name,
            const char *value)
{
    struct sh *sh = p->sh;
    struct svar *v = shv_find(sh, name);
    if (v && (v->flags & V_READONLY)) {
        readonly_error(ns, p, name);
        return -1;
    }
    shv_put(sh, name, value, 0);
    return 0;
}

static void shv_unset(struct sh *sh, const char *name)
{
    for (size_t i = 0; i < sh->n_vars; i++)
        if (strcmp(sh->vars[i].name, name) == 0) {
            free(sh->vars[i].name);
            free(sh->vars[i].value);
            memmove(sh->vars + i, sh->vars + i + 1,
                    (sh->n_vars - i - 1) * sizeof(*sh->vars));
            sh->n_vars--;
            return;
        }
}

/* dash's and ash's variable hash (the order `env` sees them in) */
static unsigned dash_hash(const char *p)
{
    unsigned h = (unsigned)(unsigned char)*p << 4;
    while (*p && *p != '=')
        h += (unsigned char)*p++;
    return h % 39;
}

/* bash's FNV-1 over 1024 buckets; newer entries first in a bucket */
static unsigned bash_hash(const char *p)
{
    unsigned h = 2166136261u;
    while (*p && *p != '=') {
        h *= 16777619u;
        h ^= (unsigned char)*p++;
    }
    return h & 1023u;
}

struct envent {
    const char *kv;
    unsigned bucket;
    size_t seq;
};

static int envent_cmp_dash(const void *a, const void *b)
{
    const struct envent *x = a, *y = b;
    if (x->bucket != y->bucket)
        return x->bucket < y->bucket ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int envent_cmp_bash(const void *a, const void *b)
{
    const struct envent *x = a, *y = b;
    if (x->bucket != y->bucket)
        return x->bucket < y->bucket ? -1 : 1;
    return x->seq > y->seq ? -1 : x->seq < y->seq;
}

/*
 * The environment for a program started by the shell: exported
 * variables, then the command's assignments, in the order the flavour's
 * hash table lists them.
 */
static void build_env(struct sh *sh, struct strlist *assigns,
                      const char *underscore, struct strlist *out)
{
    struct strlist all;
    strlist_init(&all);
    strlist_set_empty(&all);
    for (size_t i = 0; i < sh->n_vars; i++) {
        struct svar *v = &sh->vars[i];
        if (!(v->flags & V_EXPORT) || !v->value)
            continue;
        bool overridden = false;
        for (size_t k = 0; assigns && k < assigns->n; k++) {
            const char *eq = strchr(assigns->v[k], '=');
            if (eq && (size_t)(eq - assigns->v[k]) == strlen(v->name) &&
                memcmp(assigns->v[k], v->name, strlen(v->name)) == 0)
                overridden = true;
        }
        if (overridden)
            continue;
        struct sb kv = SB_INIT;
        sb_addf(&kv, "%s=%s", v->name, v->value);
        strlist_push(&all, kv.buf);
        sb_release(&kv);
    }
    for (size_t k = 0; assigns && k < assigns->n; k++)
        strlist_push(&all, assigns->v[k]);
    struct envent *e = xcalloc(all.n ? all.n : 1, sizeof(*e));
    for (size_t i = 0; i < all.n; i++) {
        e[i].kv = all.v[i];
        e[i].seq = i;
        e[i].bucket = sh->fl == SH_BASH ? bash_hash(all.v[i])
                                        : dash_hash(all.v[i]);
    }
    if (all.n)
        qsort(e, all.n, sizeof(*e),
              sh->fl == SH_BASH ? envent_cmp_bash : envent_cmp_dash);
    strlist_release(out);
    strlist_set_empty(out);
    for (size_t i = 0; i < all.n; i++)
        if (!(sh->fl == SH_BASH && strncmp(e[i].kv, "_=", 2) == 0))
            strlist_push(out, e[i].kv);
    if (sh->fl == SH_BASH && underscore) {
        struct sb kv = SB_INIT;
        sb_addf(&kv, "_=%s", underscore);
        strlist_push(out, kv.buf);
        sb_release(&kv);
    }
    free(e);
    strlist_release(&all);
}

/* ===================================================================== */
/* Errors                                                                */
/* ===================================================================== */

void sh_err_prefix(struct sh *sh, struct sb *out)
{
    switch (sh->fl) {
    case SH_DASH:
        sb_addf(out, "%s: %d: ", sh->errname, sh->lineno);
        break;
    case SH_BASH:
        sb_addf(out, "%s: line %d: ", sh->errname, sh->lineno);
        break;
    default:
        if (sh->is_script)
            sb_addf(out, "%s: line %d: ", sh->errname, sh->lineno);
        else
            sb_addf(out, "%s: ", sh->errname);
        break;
    }
}

void sh_err(struct pns *ns, struct proc *p, const char *fmt, ...)
{
    struct sb m = SB_INIT;
    sh_err_prefix(p->sh, &m);
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    sb_addch(&m, '\n');
    proc_write(ns, p, 2, m.buf, m.len);
    sb_release(&m);
}

/* "sh: 1: cd: " for a builtin's own messages */
static void bi_prefix(struct sh *sh, const char *name, struct sb *out)
{
    sh_err_prefix(sh, out);
    sb_addf(out, "%s: ", name);
}

static void bi_err(struct pns *ns, struct proc *p, const char *name,
                   const char *fmt, ...) ATTR_PRINTF(4, 5);

static void bi_err(struct pns *ns, struct proc *p, const char *name,
                   const char *fmt, ...)
{
    struct sb m = SB_INIT;
    bi_prefix(p->sh, name, &m);
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    sb_addch(&m, '\n');
    proc_write(ns, p, 2, m.buf, m.len);
    sb_release(&m);
}

/* ===================================================================== */
/* Creation, cloning, freeing                                            */
/* ===================================================================== */

static void import_env(struct sh *sh, const struct strlist *env)
{
    for (size_t i = 0; i < env->n; i++) {
        const char *eq = strchr(env->v[i], '=');
        if (!eq)
            continue;
        char *name = xmemdup0(env->v[i], (size_t)(eq - env->v[i]));
        if (sh_is_name(name, strlen(name)))
            shv_put(sh, name, eq + 1, V_EXPORT);
        free(name);
    }
}

static struct sh *sh_alloc(enum sh_flavor fl)
{
    struct sh *sh = xcalloc(1, sizeof(*sh));
    sh->fl = fl;
    sh->random = 12345;
    return sh;
}

void sh_free(struct sh *sh)
{
    if (!sh)
        return;
    free(sh->arg0);
    free(sh->errname);
    strv_free(sh->params, sh->n_params);
    for (size_t i = 0; i < sh->n_vars; i++) {
        free(sh->vars[i].name);
        free(sh->vars[i].value);
    }
    free(sh->vars);
    for (size_t i = 0; i < sh->n_funcs; i++) {
        free(sh->funcs[i].name);
        scode_unref(sh->funcs[i].code);
    }
    free(sh->funcs);
    for (size_t i = 0; i < PNS_NSIG; i++)
        free(sh->traps[i]);
    scode_unref(sh->code);
    for (size_t i = 0; i < sh->n_frames; i++) {
        struct sframe *f = &sh->frames[i];
        scode_unref(f->code);
        strv_free(f->params, f->n_params);
        for (size_t k = 0; k < f->n_locals; k++) {
            free(f->locals[k].name);
            free(f->locals[k].value);
        }
        free(f->locals);
    }
    free(sh->frames);
    for (size_t i = 0; i < sh->n_loops; i++)
        strv_free(sh->loops[i].items, sh->loops[i].n_items);
    free(sh->loops);
    for (size_t i = 0; i < sh->n_cases; i++)
        free(sh->cases[i]);
    free(sh->cases);
    for (size_t i = 0; i < sh->n_redir; i++)
        ofile_unref(sh->redir[i].old);
    free(sh->redir);
    free(sh->w.pids);
    free(sh->w.statuses);
    strv_free(sh->w.argv, sh->w.argc);
    free(sh);
}

/* A subshell's copy: variables, functions, parameters, options; traps
 * other than ignored ones are reset. No frames, loops or redirections. */
static struct sh *sh_clone(const struct sh *src)
{
    struct sh *sh = sh_alloc(src->fl);
    sh->arg0 = xstrdup(src->arg0);
    sh->errname = xstrdup(src->errname);
    sh->is_script = src->is_script;
    sh->params = strv_dup(src->params, src->n_params);
    sh->n_params = src->n_params;
    sh->vars = xcalloc(src->n_vars ? src->n_vars : 1, sizeof(*sh->vars));
    sh->cap_vars = src->n_vars ? src->n_vars : 1;
    for (size_t i = 0; i < src->n_vars; i++) {
        sh->vars[i].name = xstrdup(src->vars[i].name);
        sh->vars[i].value = src->vars[i].value ? xstrdup(src->vars[i].value)
                                               : NULL;
        sh->vars[i].flags = src->vars[i].flags;
    }
    sh->n_vars = src->n_vars;
    sh->funcs = xcalloc(src->n_funcs ? src->n_funcs : 1, sizeof(*sh->funcs));
    for (size_t i = 0; i < src->n_funcs; i++) {
        sh->funcs[i].name = xstrdup(src->funcs[i].name);
        sh->funcs[i].code = scode_ref(src->funcs[i].code);
        sh->funcs[i].start = src->funcs[i].start;
    }
    sh->n_funcs = src->n_funcs;
    for (size_t i = 0; i < PNS_NSIG; i++)
        if (src->traps[i] && !src->traps[i][0])
            sh->traps[i] = xstrdup("");
    sh->o_errexit = src->o_errexit;
    sh->o_xtrace = src->o_xtrace;
    sh->o_nounset = src->o_nounset;
    sh->o_noglob = src->o_noglob;
    sh->o_noclobber = src->o_noclobber;
    sh->o_pipefail = src->o_pipefail;
    sh->o_allexport = src->o_allexport;
    sh->o_verbose = src->o_verbose;
    sh->status = src->status;
    sh->last_bg = src->last_bg;
    sh->root_pid = src->root_pid;
    sh->lineno = src->lineno;
    sh->exec_tail = true;
    sh->subshell = true;
    sh->random = src->random * 31 + 7;
    return sh;
}

void sh_start(struct pns *ns, struct proc *p, enum sh_flavor fl,
              char *const *argv, size_t argc)
{
    struct sh *sh = sh_alloc(fl);
    p->sh = sh;
    sh->root_pid = p->pid;
    const char *name = argc ? argv[0] : "sh";
    sh->arg0 = xstrdup(name);
    /* initial variables, as the shells set them */
    shv_put(sh, "IFS", " \t\n", 0);
    shv_put(sh, "PS1", p->uid == 0 ? "# " : "$ ", 0);
    shv_put(sh, "PS2", "> ", 0);
    shv_put(sh, "PS4", "+ ", 0);
    shv_put(sh, "OPTIND", "1", 0);
    import_env(sh, &p->env);
    if (!shv_get(sh, "PATH"))
        shv_put(sh, "PATH", fl == SH_BASH
                                ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:"
                                  "/usr/bin:/sbin:/bin"
                                : "/usr/local/sbin:/usr/local/bin:/usr/sbin:"
                                  "/usr/bin:/sbin:/bin",
                0);
    struct sb b = SB_INIT;
    sb_addf(&b, "%d", p->ppid);
    shv_put(sh, "PPID", b.buf, 0);
    sb_release(&b);
    /* PWD: kept if it names the working directory, else set (exported) */
    const char *pwd = shv_get(sh, "PWD");
    if (!pwd || strcmp(pwd, p->cwd) != 0)
        shv_put(sh, "PWD", p->cwd, V_EXPORT);
    if (fl == SH_BASH) {
        const char *lvl = shv_get(sh, "SHLVL");
        long l = lvl ? strtol(lvl, NULL, 10) : 0;
        struct sb lv = SB_INIT;
        sb_addf(&lv, "%ld", l + 1);
        shv_put(sh, "SHLVL", lv.buf, V_EXPORT);
        sb_release(&lv);
        shv_put(sh, "BASH_VERSION", sh_bash_version(ns), 0);
        shv_put(sh, "BASH", name[0] == '/' ? name : "/bin/bash", 0);
        if (ns->hostname)
            shv_put(sh, "HOSTNAME", ns->hostname, 0);
        shv_put(sh, "OPTERR", "1", 0);
        struct sb u = SB_INIT;
        sb_addf(&u, "%u", p->uid);
        shv_put(sh, "UID", u.buf, V_READONLY);
        shv_put(sh, "EUID", u.buf, V_READONLY);
        sb_release(&u);
    }
    /* options before -c / the script */
    size_t i = 1;
    bool cflag = false, sflag = false;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if ((a[0] != '-' && a[0] != '+') || !a[1])
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[0] == '-' && a[1] == '-') {
            /* bash long options: --norc, --noprofile, --posix ... */
            continue;
        }
        bool on = a[0] == '-';
        if (strcmp(a + 1, "o") == 0 && i + 1 < argc) {
            i++;
            if (strcmp(argv[i], "pipefail") == 0 && fl != SH_DASH)
                sh->o_pipefail = on;
            else if (strcmp(argv[i], "errexit") == 0)
                sh->o_errexit = on;
            else if (strcmp(argv[i], "xtrace") == 0)
                sh->o_xtrace = on;
            else if (strcmp(argv[i], "nounset") == 0)
                sh->o_nounset = on;
            continue;
        }
        for (const char *f = a + 1; *f; f++) {
            switch (*f) {
            case 'c':
                cflag = true;
                break;
            case 's':
                sflag = true;
                break;
            case 'e':
                sh->o_errexit = on;
                break;
            case 'x':
                sh->o_xtrace = on;
                break;
            case 'u':
                sh->o_nounset = on;
                break;
            case 'f':
                sh->o_noglob = on;
                break;
            case 'v':
                sh->o_verbose = on;
                break;
            case 'a':
                sh->o_allexport = on;
                break;
            case 'C':
                sh->o_noclobber = on;
                break;
            case 'n':
                sh->o_noexec = on;
                break;
            case 'i':
                sh->o_interactive = on;
                break;
            case 'l':
            case 'p':
            case 'h':
            case 'm':
            case 'b':
            case 'B':
            case 'H':
            case 'P':
                break;
            default:
                break;
            }
        }
    }
    sh->errname = xstrdup(name);
    if (cflag) {
        if (i >= argc) {
            /* `sh -c` without a command string */
            struct sb m = SB_INIT;
            if (fl == SH_DASH)
                sb_addf(&m, "%s: 0: -c requires an argument\n", name);
            else if (fl == SH_BASH)
                sb_addf(&m, "%s: -c: option requires an argument\n", name);
            else
                sb_addf(&m, "%s: -c requires an argument\n", name);
            proc_write(ns, p, 2, m.buf, m.len);
            sb_release(&m);
            sh->exiting = true;
            sh->exit_status = 2;
            sh->code = scode_new("", 0, 1, fl);
            scode_compile_all(sh->code, OP_END);
            return;
        }
        const char *cmd = argv[i++];
        if (i < argc) {
            free(sh->arg0);
            sh->arg0 = xstrdup(argv[i++]);
            free(sh->errname);
            sh->errname = xstrdup(sh->arg0);
        }
        sh->params = strv_dup(argv + i, argc - i);
        sh->n_params = argc - i;
        sh->code = scode_new_lazy(cmd, strlen(cmd), fl);
        sh->exec_tail = fl != SH_DASH;
        return;
    }
    if (i < argc && !sflag) {
        /* a script file */
        const char *script = argv[i];
        struct sb text = SB_INIT;
        int err = ufs_read(ns, p, script, &text);
        free(sh->arg0);
        sh->arg0 = xstrdup(script);
        free(sh->errname);
        sh->errname = xstrdup(script);
        sh->is_script = true;
        sh->params = strv_dup(argv + i + 1, argc - i - 1);
        sh->n_params = argc - i - 1;
        if (err) {
            struct sb m = SB_INIT;
            if (fl == SH_DASH)
                sb_addf(&m, "%s: 0: cannot open %s: No such file\n", name,
                        script);
            else if (fl == SH_BASH)
                sb_addf(&m, "%s: %s: No such file or directory\n", name,
                        script);
            else
                sb_addf(&m, "%s: can't open '%s': No such file or directory\n",
                        name, script);
            proc_write(ns, p, 2, m.buf, m.len);
            sb_release(&m);
            sh->exiting = true;
            sh->exit_status = fl == SH_DASH ? 2 : 127;
            sh->code = scode_new("", 0, 1, fl);
            scode_compile_all(sh->code, OP_END);
            sb_release(&text);
            return;
        }
        /* skip a #! line (it is a comment anyway) */
        sh->code = scode_new_lazy(text.buf, text.len, fl);
        sb_release(&text);
        return;
    }
    /* commands from standard input */
    sh->params = strv_dup(argv + i, argc - i);
    sh->n_params = argc - i;
    sh->w.kind = SW_READ;
    sh->w.argc = 0;
    sh->w.argv = NULL;
    sh->w.negate = true; /* marks "reading the script from stdin" */
    sh->code = NULL;
}

/* ===================================================================== */
/* Frames, loops                                                         */
/* ===================================================================== */

static struct sframe *push_frame(struct sh *sh, enum frame_kind k)
{
    if (sh->n_frames == sh->cap_frames) {
        sh->cap_frames = sh->cap_frames ? sh->cap_frames * 2 : 8;
        sh->frames = xreallocarray(sh->frames, sh->cap_frames,
                                   sizeof(*sh->frames));
    }
    struct sframe *f = &sh->frames[sh->n_frames++];
    memset(f, 0, sizeof(*f));
    f->kind = k;
    f->code = sh->code; /* takes over the reference */
    f->ret_pc = sh->pc + 1;
    f->n_loops = sh->n_loops;
    f->n_cases = sh->n_cases;
    f->n_redir = sh->n_redir;
    f->cond_depth = sh->cond_depth;
    sh->code = NULL;
    return f;
}

static void restore_locals(struct sh *sh, struct sframe *f)
{
    for (size_t k = f->n_locals; k-- > 0;) {
        struct saved_var *sv = &f->locals[k];
        if (sv->existed) {
            struct svar *v = shv_find(sh, sv->name);
            if (!v)
                v = shv_add(sh, sv->name);
            free(v->value);
            v->value = sv->value;
            v->flags = sv->flags;
            sv->value = NULL;
        } else {
            shv_unset(sh, sv->name);
        }
        free(sv->name);
        free(sv->value);
    }
    free(f->locals);
    f->locals = NULL;
    f->n_locals = 0;
}

static void pop_loops_to(struct sh *sh, size_t n)
{
    while (sh->n_loops > n) {
        struct sloop *l = &sh->loops[--sh->n_loops];
        strv_free(l->items, l->n_items);
    }
}

static void pop_cases_to(struct sh *sh, size_t n)
{
    while (sh->n_cases > n)
        free(sh->cases[--sh->n_cases]);
}

static void pop_redir_to(struct sh *sh, struct proc *p, size_t n)
{
    while (sh->n_redir > n) {
        struct sredsave *s = &sh->redir[--sh->n_redir];
        if (s->marker)
            continue;
        proc_setfd(p, s->fd, s->old);
        ofile_unref(s->old);
    }
}

/* Return from the innermost frame. */
static void pop_frame(struct sh *sh, struct proc *p)
{
    struct sframe *f = &sh->frames[--sh->n_frames];
    pop_loops_to(sh, f->n_loops);
    pop_cases_to(sh, f->n_cases);
    pop_redir_to(sh, p, f->n_redir);
    sh->cond_depth = f->cond_depth;
    restore_locals(sh, f);
    if (f->kind == FR_FUNC) {
        strv_free(sh->params, sh->n_params);
        sh->params = f->params;
        sh->n_params = f->n_params;
        f->params = NULL;
    }
    if (f->kind == FR_TRAP) {
        if (!sh->exiting)
            sh->status = f->saved_status;
        sh->trap_depth--;
    }
    scode_unref(sh->code);
    sh->code = f->code;
    sh->pc = f->ret_pc;
}

static struct sloop *push_loop(struct sh *sh)
{
    if (sh->n_loops == sh->cap_loops) {
        sh->cap_loops = sh->cap_loops ? sh->cap_loops * 2 : 8;
        sh->loops = xreallocarray(sh->loops, sh->cap_loops,
                                  sizeof(*sh->loops));
    }
    struct sloop *l = &sh->loops[sh->n_loops++];
    memset(l, 0, sizeof(*l));
    l->n_frames = sh->n_frames;
    l->n_cases = sh->n_cases;
    l->n_redir = sh->n_redir;
    l->cond_depth = sh->cond_depth;
    return l;
}

/* ===================================================================== */
/* Redirections                                                          */
/* ===================================================================== */

static void save_fd(struct sh *sh, struct proc *p, int fd, bool marker)
{
    if (sh->n_redir == sh->cap_redir) {
        sh->cap_redir = sh->cap_redir ? sh->cap_redir * 2 : 16;
        sh->redir = xreallocarray(sh->redir, sh->cap_redir,
                                  sizeof(*sh->redir));
    }
    struct sredsave *s = &sh->redir[sh->n_redir++];
    s->marker = marker;
    s->fd = fd;
    s->old = marker ? NULL : ofile_ref(p->fd[fd]);
}

static const char *errno_text(int err)
{
    switch (err) {
    case ENOENT:
        return "No such file or directory";
    case EACCES:
        return "Permission denied";
    case EISDIR:
        return "Is a directory";
    case ENOTDIR:
        return "Not a directory";
    case EROFS:
        return "Read-only file system";
    case EEXIST:
        return "File exists";
    default:
        return "Input/output error";
    }
}

static void redir_error(struct pns *ns, struct proc *p, const char *file,
                        int err, bool write)
{
    struct sh *sh = p->sh;
    if (sh->fl == SH_BASH) {
        sh_err(ns, p, "%s: %s", file, errno_text(err));
        return;
    }
    if (sh->fl == SH_DASH) {
        if (write)
            sh_err(ns, p, "cannot create %s: %s", file,
                   err == ENOENT ? "Directory nonexistent" : errno_text(err));
        else
            sh_err(ns, p, "cannot open %s: %s", file,
                   err == ENOENT ? "No such file" : errno_text(err));
        return;
    }
    if (write)
        sh_err(ns, p, "can't create %s: %s", file,
               err == ENOENT ? "nonexistent directory" : errno_text(err));
    else
        sh_err(ns, p, "can't open '%s': %s", file, errno_text(err));
}

/* A read-only pipe holding text (heredocs). */
static struct ofile *text_source(const char *s, size_t len)
{
    struct ofile *r, *w;
    pipe_open(&r, &w);
    sb_add(&r->pipe->buf, s, len);
    ofile_unref(w);
    return r;
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* Apply a list of redirections (saving what they replace). Returns 0, or
 * -1 after printing the error. */
static int apply_redirs(struct pns *ns, struct proc *p,
                        const struct sredir *r)
{
    struct sh *sh = p->sh;
    for (; r; r = r->next) {
        int fd = r->fd;
        if (fd < 0 || fd >= PROC_NFD) {
            sh_err(ns, p, "%d: Bad file descriptor", fd);
            return -1;
        }
        struct ofile *f = NULL;
        struct sb target = SB_INIT;
        if (r->type != R_HEREDOC &&
            sx_string(ns, p, r->target, &target) < 0) {
            sb_release(&target);
            return -1;
        }
        int err = 0;
        switch (r->type) {
        case R_IN:
            f = proc_open(ns, p, target.buf, UO_READ, &err);
            if (!f) {
                redir_error(ns, p, target.buf, err, false);
                sb_release(&target);
                return -1;
            }
            break;
        case R_OUT:
        case R_CLOBBER:
        case R_APPEND:
        case R_BOTH:
        case R_BOTH_APPEND:
        case R_RW: {
            int flags = UO_WRITE | UO_CREAT;
            if (r->type == R_APPEND || r->type == R_BOTH_APPEND)
                flags |= UO_APPEND;
            else if (r->type == R_RW)
                flags |= UO_READ;
            else
                flags |= UO_TRUNC;
            if (r->type == R_OUT && sh->o_noclobber)
                flags |= UO_EXCL;
            f = proc_open(ns, p, target.buf, flags, &err);
            if (!f) {
                redir_error(ns, p, target.buf, err, true);
                sb_release(&target);
                return -1;
            }
            if (r->type == R_BOTH || r->type == R_BOTH_APPEND) {
                save_fd(sh, p, 1, false);
                proc_setfd(p, 1, f);
                fd = 2;
            }
            break;
        }
        case R_DUPIN:
        case R_DUPOUT:
            if (strcmp(target.buf, "-") == 0) {
                save_fd(sh, p, fd, false);
                proc_setfd(p, fd, NULL);
                sb_release(&target);
                continue;
            }
            if (all_digits(target.buf)) {
                int src = (int)strtol(target.buf, NULL, 10);
                if (src >= PROC_NFD || !p->fd[src]) {
                    if (sh->fl == SH_BASH)
                        sh_err(ns, p, "%s: Bad file descriptor", target.buf);
                    else if (sh->fl == SH_DASH)
                        sh_err(ns, p, "%d: Bad file descriptor", src);
                    else
                        sh_err(ns, p, "%d: Bad file descriptor", src);
                    sb_release(&target);
                    return -1;
                }
                f = ofile_ref(p->fd[src]);
                break;
            }
            if (r->type == R_DUPOUT && sh->fl != SH_DASH) {
                /* >&file: stdout and stderr to file */
                f = proc_open(ns, p, target.buf, UO_WRITE | UO_CREAT | UO_TRUNC,
                              &err);
                if (!f) {
                    redir_error(ns, p, target.buf, err, true);
                    sb_release(&target);
                    return -1;
                }
                save_fd(sh, p, 1, false);
                proc_setfd(p, 1, f);
                fd = 2;
                break;
            }
            sh_err(ns, p, sh->fl == SH_DASH ? "Syntax error: Bad fd number"
                                            : "%s: bad file descriptor",
                   target.buf);
            sb_release(&target);
            return -1;
        case R_HEREDOC: {
            struct sb body = SB_INIT;
            if (r->doc_quoted)
                sb_add(&body, r->doc, r->doc_len);
            else if (sx_heredoc(ns, p, r->doc, r->doc_len, &body) < 0) {
                sb_release(&body);
                return -1;
            }
            f = text_source(body.buf, body.len);
            sb_release(&body);
            break;
        }
        case R_HERESTR:
            sb_addch(&target, '\n');
            f = text_source(target.buf, target.len);
            break;
        }
        sb_release(&target);
        save_fd(sh, p, fd, false);
        proc_setfd(p, fd, f);
        ofile_unref(f);
    }
    return 0;
}

/* ===================================================================== */
/* Traps and signals                                                     */
/* ===================================================================== */

static bool any_trap(const struct sh *sh)
{
    for (size_t i = 0; i < PNS_NSIG; i++)
        if (sh->traps[i] && sh->traps[i][0])
            return true;
    return false;
}

void sh_signal(struct pns *ns, struct proc *p, int sig)
{
    struct sh *sh = p->sh;
    (void)ns;
    if (!sh)
        return;
    /* wait, read and an interactive prompt are interrupted; a
     * foreground command is not (the trap runs when it ends) */
    if (sh->w.kind == SW_WAIT || sh->w.kind == SW_FOREVER ||
        (sh->w.kind == SW_READ && !sh->w.negate) || sh->w.kind == SW_DEBT) {
        p->woken_by_signal = true;
        p->state = P_RUNNABLE;
        sh->w.pipe_status = 128 + sig;
    } else if (p->state == P_BUSY) {
        p->state = P_RUNNABLE;
    }
}

static int trap_pending(struct proc *p)
{
    for (int s = 1; s < PNS_NSIG; s++)
        if (p->pending[s])
            return s;
    return 0;
}

/* Start running the trap action for sig as a frame. */
static void run_trap(struct pns *ns, struct proc *p, int sig)
{
    struct sh *sh = p->sh;
    p->pending[sig] = false;
    const char *action = sh->traps[sig];
    if (!action || !*action)
        return;
    struct scode *c = scode_new(action, strlen(action), sh->lineno, sh->fl);
    int start = scode_compile_all(c, OP_RET);
    if (start < 0) {
        struct sb m = SB_INIT;
        sp_error_text(&c->ps, &m, NULL);
        sh_err(ns, p, "%s", m.buf);
        sb_release(&m);
        scode_unref(c);
        return;
    }
    int here = sh->pc;
    struct sframe *f = push_frame(sh, FR_TRAP);
    f->ret_pc = here; /* back to the instruction not yet run */
    f->saved_status = sh->status;
    f->trap_sig = sig;
    sh->trap_depth++;
    sh->code = c;
    sh->pc = start;
}

/* ===================================================================== */
/* Command lookup                                                        */
/* ===================================================================== */

typedef int builtin_fn(struct pns *ns, struct proc *p, int argc, char **argv);

struct builtin {
    const char *name;
    builtin_fn *fn;
    bool special;
    unsigned flavors; /* 1 dash, 2 ash, 4 bash */
};

static const struct builtin *find_builtin(enum sh_flavor fl, const char *name);

static struct sfunc *find_func(struct sh *sh, const char *name)
{
    for (size_t i = 0; i < sh->n_funcs; i++)
        if (strcmp(sh->funcs[i].name, name) == 0)
            return &sh->funcs[i];
    return NULL;
}

/* ===================================================================== */
/* Running programs                                                      */
/* ===================================================================== */

/* Report a failed exec of name (path resolved or not) the flavour's way;
 * returns the status (126 or 127). */
static int exec_error(struct pns *ns, struct proc *p, const char *name,
                      int err, bool via_exec)
{
    struct sh *sh = p->sh;
    const char *pre = via_exec ? "exec: " : "";
    bool slash = strchr(name, '/') != NULL;
    if (err == 0) {
        /* not found on PATH */
        if (sh->fl == SH_BASH)
            sh_err(ns, p, "%s%s: %s", pre, name,
                   via_exec ? "not found" : "command not found");
        else
            sh_err(ns, p, "%s%s: not found", pre, name);
        if (!ns->build)
            pns_explain(ns, "sh.not-found",
                        "The shell looked for `%s` on its PATH and did not "
                        "find it: the shell prints its own \"not found\" "
                        "message and the command's status is 127. The "
                        "container did start (the shell ran): if this ends "
                        "it, docker ps -a shows Exited (127), not Created as "
                        "when the runtime cannot find PID 1's program "
                        "itself.",
                        name);
        return 127;
    }
    if (err == EACCES || err == EISDIR) {
        if (sh->fl == SH_BASH && err == EISDIR)
            sh_err(ns, p, "%s%s: Is a directory", pre, name);
        else
            sh_err(ns, p, "%s%s: Permission denied", pre, name);
        return 126;
    }
    if (err == ENOEXEC) {
        sh_err(ns, p, "%s%s: Exec format error", pre, name);
        return 126;
    }
    /* ENOENT: the file, or its #! interpreter */
    if (sh->fl == SH_BASH) {
        if (slash && !via_exec)
            sh_err(ns, p, "%s: %s", name,
                   err == -ENOENT ? "cannot execute: required file not found"
                                  : "No such file or directory");
        else
            sh_err(ns, p, "%s%s: %s", pre, name,
                   err == -ENOENT ? "cannot execute: required file not found"
                                  : "No such file or directory");
        return 127;
    }
    sh_err(ns, p, "%s%s: not found", pre, name);
    return 127;
}

/* Find the program file for name: 0 with *path (malloc'd), or an error
 * code for exec_error (0: not on PATH). */
static int resolve_cmd(struct pns *ns, struct proc *p, const char *name,
                       const char *path_var, char **path)
{
    *path = NULL;
    if (strchr(name, '/')) {
        int err = 0;
        const struct vfs_entry *e = ufs_stat(ns, p, name, true, &err);
        if (!e)
            return err ? err : ENOENT;
        if (e->type == VFS_DIR)
            return EISDIR;
        if (!ufs_may_exec(p, e))
            return EACCES;
        struct sb abs = SB_INIT;
        proc_path(p, name, &abs);
        *path = sb_detach(&abs, NULL);
        return 0;
    }
    *path = ufs_which(ns, p, name, path_var);
    return *path ? 0 : -1;
}

/* bash's check_binary_file(): an ELF file, or a NUL byte in the first
 * line (the first two after #!) of the first 80 bytes. */
static bool is_binary_file(struct pns *ns, struct proc *p, const char *path)
{
    int err = 0;
    const struct vfs_entry *e = ufs_stat(ns, p, path, true, &err);
    if (!e || !e->data)
        return false;
    size_t n = e->len < 80 ? e->len : 80;
    const char *s = e->data;
    if (n >= 4 && memcmp(s, "\x7f" "ELF", 4) == 0)
        return true;
    int lines = n >= 2 && s[0] == '#' && s[1] == '!' ? 2 : 1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' && --lines == 0)
            return false;
        if (s[i] == '\0')
            return true;
    }
    return false;
}

/* Prepare the exec of argv in q (the shell itself or a new child) with
 * env; returns 0 or the status after printing the error. */
static int prepare_exec(struct pns *ns, struct proc *p, struct proc *q,
                        char **argv, size_t argc, struct strlist *env,
                        bool via_exec)
{
    struct sh *sh = p->sh;
    const char *pv = NULL;
    for (size_t i = 0; i < env->n; i++)
        if (strncmp(env->v[i], "PATH=", 5) == 0)
            pv = env->v[i] + 5;
    if (!pv)
        pv = shv_get(sh, "PATH");
    char *path = NULL;
    int rc = resolve_cmd(ns, p, argv[0], pv ? pv : "", &path);
    if (rc != 0) {
        free(path);
        return exec_error(ns, p, argv[0], rc < 0 ? 0 : rc, via_exec);
    }
    strlist_release(&q->env);
    strlist_copy(&q->env, env);
    if (sh->fl == SH_BASH)
        uenv_set(&q->env, "_", path);
    int err = proc_exec(ns, q, path, argv, argc);
    if (err == ENOEXEC && sh->fl == SH_BASH && is_binary_file(ns, p, path)) {
        /* bash's check_binary_file: it will not run a binary as a script */
        sh_err(ns, p, "%s: cannot execute binary file: Exec format error",
               argv[0]);
        free(path);
        return 126;
    }
    if (err == ENOEXEC) {
        /* a script without #!: the shell runs it itself */
        struct strlist v;
        strlist_init(&v);
        strlist_push(&v, sh->fl == SH_BASH ? "bash" : "sh");
        strlist_push(&v, path);
        for (size_t i = 1; i < argc; i++)
            strlist_push(&v, argv[i]);
        q->exec_pending = true;
        free(q->exec_path);
        q->exec_path = xstrdup(path);
        strlist_release(&q->exec_argv);
        strlist_copy(&q->exec_argv, &v);
        q->exec_shell = true;
        q->exec_sh_flavor = sh->fl;
        q->exec_native = NULL;
        strlist_release(&v);
        err = 0;
    }
    if (err) {
        int st = exec_error(ns, p, argv[0], err == ENOENT ? -ENOENT : err,
                            via_exec);
        free(path);
        return st;
    }
    free(path);
    return 0;
}

/* ===================================================================== */
/* Builtins                                                              */
/* ===================================================================== */

static int bi_colon(struct pns *ns, struct proc *p, int argc, char **argv)
{
    (void)ns, (void)p, (void)argc, (void)argv;
    return 0;
}

static int bi_false(struct pns *ns, struct proc *p, int argc, char **argv)
{
    (void)ns, (void)p, (void)argc, (void)argv;
    return 1;
}

static int bi_echo(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sb out = SB_INIT;
    enum echo_style st = p->sh->fl == SH_DASH   ? ECHO_DASH
                         : p->sh->fl == SH_BASH ? ECHO_GNU
                                                : ECHO_BUSYBOX;
    prog_echo(st, argv, (size_t)argc, &out);
    int rc = proc_write(ns, p, 1, out.buf, out.len);
    sb_release(&out);
    return rc < 0 ? 1 : 0;
}

static int bi_printf(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sb out = SB_INIT, err = SB_INIT, pre = SB_INIT;
    bi_prefix(p->sh, "printf", &pre);
    int rc = prog_printf(argv, (size_t)argc, &out, &err, pre.buf);
    proc_write(ns, p, 1, out.buf, out.len);
    proc_write(ns, p, 2, err.buf, err.len);
    sb_release(&out);
    sb_release(&err);
    sb_release(&pre);
    return rc;
}

static int bi_test(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sb err = SB_INIT, pre = SB_INIT;
    bi_prefix(p->sh, argv[0], &pre);
    int rc = sh_test(ns, p, p->sh->fl, argc, argv, &err, pre.buf);
    proc_write(ns, p, 2, err.buf, err.len);
    sb_release(&err);
    sb_release(&pre);
    return rc;
}

static int bi_pwd(struct pns *ns, struct proc *p, int argc, char **argv)
{
    (void)argc, (void)argv;
    const char *pwd = shv_get(p->sh, "PWD");
    proc_printf(ns, p, 1, "%s\n", pwd && *pwd ? pwd : p->cwd);
    return 0;
}

static int bi_cd(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    int i = 1;
    while (i < argc && (strcmp(argv[i], "-L") == 0 || strcmp(argv[i], "-P") == 0))
        i++;
    const char *dir = i < argc ? argv[i] : shv_get(sh, "HOME");
    bool print = false;
    if (!dir) {
        if (sh->fl == SH_BASH)
            bi_err(ns, p, "cd", "HOME not set");
        return sh->fl == SH_BASH ? 1 : 0;
    }
    if (strcmp(dir, "-") == 0) {
        dir = shv_get(sh, "OLDPWD");
        if (!dir) {
            bi_err(ns, p, "cd", "OLDPWD not set");
            return 1;
        }
        print = true;
    }
    struct sb abs = SB_INIT;
    proc_path(p, dir, &abs);
    int err = 0;
    const struct vfs_entry *e = ufs_stat(ns, p, abs.buf, true, &err);
    if (!e || e->type != VFS_DIR) {
        if (e)
            err = ENOTDIR;
        if (sh->fl == SH_BASH)
            bi_err(ns, p, "cd", "%s: %s", dir, errno_text(err));
        else if (sh->fl == SH_DASH)
            bi_err(ns, p, "cd", "can't cd to %s", dir);
        else
            bi_err(ns, p, "cd", "can't cd to %s: %s", dir, errno_text(err));
        sb_release(&abs);
        return sh->fl == SH_DASH ? 2 : 1;
    }
    const char *old = shv_get(sh, "PWD");
    char *oldcopy = xstrdup(old ? old : p->cwd);
    free(p->cwd);
    p->cwd = sb_detach(&abs, NULL);
    shv_put(sh, "OLDPWD", oldcopy, sh->fl == SH_BASH ? V_EXPORT : 0);
    shv_put(sh, "PWD", p->cwd, V_EXPORT);
    free(oldcopy);
    if (print)
        proc_printf(ns, p, 1, "%s\n", p->cwd);
    return 0;
}

static bool assign_word(struct pns *ns, struct proc *p, const char *arg,
                        unsigned flags, const char *who)
{
    struct sh *sh = p->sh;
    const char *eq = strchr(arg, '=');
    char *name = eq ? xmemdup0(arg, (size_t)(eq - arg)) : xstrdup(arg);
    if (!sh_is_name(name, strlen(name))) {
        if (sh->fl == SH_BASH)
            bi_err(ns, p, who, "`%s': not a valid identifier", arg);
        else
            bi_err(ns, p, who, "%s: bad variable name", name);
        free(name);
        return false;
    }
    struct svar *v = shv_find(sh, name);
    if (eq) {
        if (v && (v->flags & V_READONLY)) {
            readonly_error(ns, p, name);
            free(name);
            return false;
        }
        shv_put(sh, name, eq + 1, flags);
    } else if (v) {
        v->flags |= flags;
    } else {
        v = shv_add(sh, name);
        v->flags = flags;
    }
    free(name);
    return true;
}

static int bi_export(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    bool ro = strcmp(argv[0], "readonly") == 0;
    unsigned flag = ro ? V_READONLY : V_EXPORT;
    int i = 1, rc = 0;
    bool unexport = false;
    if (i < argc && strcmp(argv[i], "-n") == 0 && sh->fl == SH_BASH) {
        unexport = true;
        i++;
    }
    if (i < argc && strcmp(argv[i], "-p") == 0)
        i++;
    if (i >= argc) {
        for (size_t k = 0; k < sh->n_vars; k++) {
            struct svar *v = &sh->vars[k];
            if (!(v->flags & flag))
                continue;
            struct sb line = SB_INIT;
            if (sh->fl == SH_BASH)
                sb_addf(&line, "declare -%s %s", ro ? "r" : "x", v->name);
            else
                sb_addf(&line, "%s %s", argv[0], v->name);
            if (v->value) {
                sb_adds(&line, sh->fl == SH_BASH ? "=\"" : "='");
                sb_adds(&line, v->value);
                sb_addch(&line, sh->fl == SH_BASH ? '"' : '\'');
            }
            sb_addch(&line, '\n');
            proc_write(ns, p, 1, line.buf, line.len);
            sb_release(&line);
        }
        return 0;
    }
    for (; i < argc; i++) {
        if (unexport) {
            struct svar *v = shv_find(sh, argv[i]);
            if (v)
                v->flags &= ~(unsigned)V_EXPORT;
            continue;
        }
        if (!assign_word(ns, p, argv[i], flag, argv[0]))
            rc = sh->fl == SH_BASH ? 1 : 2;
    }
    return rc;
}

static int bi_local(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    struct sframe *f = NULL;
    for (size_t k = sh->n_frames; k-- > 0;)
        if (sh->frames[k].kind == FR_FUNC) {
            f = &sh->frames[k];
            break;
        }
    if (!f) {
        bi_err(ns, p, "local", sh->fl == SH_BASH ? "can only be used in a function"
                                                 : "not in a function");
        return sh->fl == SH_BASH ? 1 : 2;
    }
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-')
            continue;
        const char *eq = strchr(argv[i], '=');
        char *name = eq ? xmemdup0(argv[i], (size_t)(eq - argv[i]))
                        : xstrdup(argv[i]);
        bool already = false;
        for (size_t k = 0; k < f->n_locals; k++)
            if (strcmp(f->locals[k].name, name) == 0)
                already = true;
        if (!already) {
            f->locals = xreallocarray(f->locals, f->n_locals + 1,
                                      sizeof(*f->locals));
            struct saved_var *sv = &f->locals[f->n_locals++];
            struct svar *v = shv_find(sh, name);
            sv->name = xstrdup(name);
            sv->existed = v != NULL;
            sv->value = v && v->value ? xstrdup(v->value) : NULL;
            sv->flags = v ? v->flags : 0;
        }
        if (eq)
            shv_put(sh, name, eq + 1, 0);
        else if (!shv_find(sh, name) || sh->fl == SH_BASH)
            shv_put(sh, name, sh->fl == SH_BASH ? NULL : shv_get(sh, name), 0);
        free(name);
    }
    return 0;
}

static int bi_unset(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    bool funcs = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++)
        if (strchr(argv[i], 'f'))
            funcs = true;
    for (; i < argc; i++) {
        if (funcs) {
            for (size_t k = 0; k < sh->n_funcs; k++)
                if (strcmp(sh->funcs[k].name, argv[i]) == 0) {
                    free(sh->funcs[k].name);
                    scode_unref(sh->funcs[k].code);
                    memmove(sh->funcs + k, sh->funcs + k + 1,
                            (sh->n_funcs - k - 1) * sizeof(*sh->funcs));
                    sh->n_funcs--;
                    break;
                }
            continue;
        }
        struct svar *v = shv_find(sh, argv[i]);
        if (v && (v->flags & V_READONLY)) {
            if (sh->fl == SH_BASH)
                bi_err(ns, p, "unset", "%s: cannot unset: readonly variable",
                       argv[i]);
            else
                readonly_error(ns, p, argv[i]);
            return 1;
        }
        shv_unset(sh, argv[i]);
    }
    return 0;
}

static int bi_shift(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    long n = 1;
    if (argc > 1) {
        char *end;
        n = strtol(argv[1], &end, 10);
        if (*end || n < 0) {
            if (sh->fl == SH_DASH)
                bi_err(ns, p, "shift", "Illegal number: %s", argv[1]);
            else
                bi_err(ns, p, "shift", "%s: numeric argument required",
                       argv[1]);
            return 2;
        }
    }
    if ((size_t)n > sh->n_params) {
        if (sh->fl == SH_BASH)
            return 1;
        bi_err(ns, p, "shift", "can't shift that many");
        return 2;
    }
    for (long k = 0; k < n; k++)
        free(sh->params[k]);
    memmove(sh->params, sh->params + n,
            (sh->n_params - (size_t)n + 1) * sizeof(*sh->params));
    sh->n_params -= (size_t)n;
    return 0;
}

static void set_params(struct sh *sh, char **v, size_t n)
{
    strv_free(sh->params, sh->n_params);
    sh->params = strv_dup(v, n);
    sh->n_params = n;
}

static bool set_option(struct sh *sh, const char *name, bool on)
{
    if (strcmp(name, "errexit") == 0)
        sh->o_errexit = on;
    else if (strcmp(name, "xtrace") == 0)
        sh->o_xtrace = on;
    else if (strcmp(name, "nounset") == 0)
        sh->o_nounset = on;
    else if (strcmp(name, "noglob") == 0)
        sh->o_noglob = on;
    else if (strcmp(name, "verbose") == 0)
        sh->o_verbose = on;
    else if (strcmp(name, "noclobber") == 0)
        sh->o_noclobber = on;
    else if (strcmp(name, "allexport") == 0)
        sh->o_allexport = on;
    else if (strcmp(name, "noexec") == 0)
        sh->o_noexec = on;
    else if (strcmp(name, "pipefail") == 0 && sh->fl != SH_DASH)
        sh->o_pipefail = on;
    else if ((strcmp(name, "posix") == 0 || strcmp(name, "monitor") == 0 ||
              strcmp(name, "notify") == 0 || strcmp(name, "vi") == 0 ||
              strcmp(name, "emacs") == 0 || strcmp(name, "ignoreeof") == 0 ||
              strcmp(name, "nolog") == 0 || strcmp(name, "hashall") == 0 ||
              strcmp(name, "braceexpand") == 0) &&
             (sh->fl == SH_BASH || strcmp(name, "posix") != 0))
        ;
    else
        return false;
    return true;
}

static int bi_set(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    if (argc == 1) {
        for (size_t k = 0; k < sh->n_vars; k++)
            if (sh->vars[k].value)
                proc_printf(ns, p, 1, "%s='%s'\n", sh->vars[k].name,
                            sh->vars[k].value);
        return 0;
    }
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            set_params(sh, argv + i, (size_t)(argc - i));
            return 0;
        }
        if ((a[0] != '-' && a[0] != '+') || !a[1])
            break;
        bool on = a[0] == '-';
        if (strcmp(a + 1, "o") == 0) {
            if (i + 1 >= argc) {
                /* print options */
                proc_printf(ns, p, 1, "errexit        \t%s\nnounset        \t%s\n"
                                      "xtrace         \t%s\n",
                            sh->o_errexit ? "on" : "off",
                            sh->o_nounset ? "on" : "off",
                            sh->o_xtrace ? "on" : "off");
                return 0;
            }
            const char *name = argv[++i];
            if (!set_option(sh, name, on)) {
                if (sh->fl == SH_DASH)
                    bi_err(ns, p, "set", "Illegal option %co %s", a[0], name);
                else if (sh->fl == SH_BASH)
                    bi_err(ns, p, "set", "%s: invalid option name", name);
                else
                    bi_err(ns, p, "set", "%s: invalid option name", name);
                return 2;
            }
            continue;
        }
        for (const char *f = a + 1; *f; f++) {
            switch (*f) {
            case 'e': sh->o_errexit = on; break;
            case 'x': sh->o_xtrace = on; break;
            case 'u': sh->o_nounset = on; break;
            case 'f': sh->o_noglob = on; break;
            case 'v': sh->o_verbose = on; break;
            case 'C': sh->o_noclobber = on; break;
            case 'a': sh->o_allexport = on; break;
            case 'n': sh->o_noexec = on; break;
            case 'm':
            case 'b':
            case 'h':
            case 'B':
            case 'H':
            case 'T':
            case 'E':
                break;
            default:
                if (sh->fl == SH_DASH)
                    bi_err(ns, p, "set", "Illegal option %c%c", a[0], *f);
                else if (sh->fl == SH_BASH)
                    bi_err(ns, p, "set", "%c%c: invalid option", a[0], *f);
                else
                    bi_err(ns, p, "set", "illegal option -%c", *f);
                return 2;
            }
        }
    }
    if (i < argc)
        set_params(sh, argv + i, (size_t)(argc - i));
    return 0;
}

static int bi_exit(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    int st = sh->status;
    if (sh->trap_depth > 0 && argc < 2) {
        /* exit in a trap without a number: $? before the trap */
        for (size_t k = sh->n_frames; k-- > 0;)
            if (sh->frames[k].kind == FR_TRAP) {
                st = sh->frames[k].saved_status;
                break;
            }
    }
    if (argc > 1) {
        char *end;
        long v = strtol(argv[1], &end, 10);
        if (*end || end == argv[1]) {
            if (sh->fl == SH_DASH)
                bi_err(ns, p, "exit", "Illegal number: %s", argv[1]);
            else if (sh->fl == SH_BASH)
                bi_err(ns, p, "exit", "%s: numeric argument required",
                       argv[1]);
            else
                bi_err(ns, p, "exit", "invalid number '%s'", argv[1]);
            v = sh->fl == SH_BASH ? 255 : 2;
        }
        st = (int)(v & 255);
    }
    sh->exiting = true;
    sh->exit_status = st;
    return st;
}

static int bi_return(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    int st = sh->status;
    if (argc > 1)
        st = (int)(strtol(argv[1], NULL, 10) & 255);
    bool in_func = false;
    for (size_t k = 0; k < sh->n_frames; k++)
        if (sh->frames[k].kind == FR_FUNC || sh->frames[k].kind == FR_DOT)
            in_func = true;
    if (!in_func) {
        if (sh->fl == SH_BASH) {
            bi_err(ns, p, "return",
                   "can only `return' from a function or sourced script");
            return 1;
        }
        /* dash/ash: return at top level exits */
        sh->exiting = true;
        sh->exit_status = st;
        return st;
    }
    sh->returning = true;
    return st;
}

static int bi_break(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1;
    if (n < 1)
        n = 1;
    size_t base = sh->n_frames ? sh->frames[sh->n_frames - 1].n_loops : 0;
    if (sh->n_loops <= base) {
        if (sh->fl == SH_BASH)
            bi_err(ns, p, argv[0],
                   "only meaningful in a `for', `while', or `until' loop");
        return 0;
    }
    if ((size_t)n > sh->n_loops - base)
        n = (long)(sh->n_loops - base);
    if (strcmp(argv[0], "break") == 0)
        sh->break_n = (int)n;
    else
        sh->continue_n = (int)n;
    return 0;
}

static int bi_true(struct pns *ns, struct proc *p, int argc, char **argv)
{
    (void)ns, (void)p, (void)argc, (void)argv;
    return 0;
}

/* `trap` signal name -> number (0 = EXIT), -1 if bad */
static int trap_sig(const char *s)
{
    if (strcmp(s, "EXIT") == 0 || strcmp(s, "0") == 0)
        return 0;
    int n = usig_number(s);
    return n;
}

static int bi_trap(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    if (argc == 1) {
        for (int s = 0; s < PNS_NSIG; s++)
            if (sh->traps[s]) {
                const char *nm = s == 0 ? "EXIT" : usig_name(s);
                if (sh->fl == SH_BASH && s != 0)
                    proc_printf(ns, p, 1, "trap -- '%s' SIG%s\n", sh->traps[s],
                                nm);
                else
                    proc_printf(ns, p, 1, "trap -- '%s' %s\n", sh->traps[s],
                                nm);
            }
        return 0;
    }
    int i = 1;
    if (strcmp(argv[i], "--") == 0)
        i++;
    if (i < argc && (strcmp(argv[i], "-l") == 0)) {
        for (int s = 1; s < 32; s++)
            proc_printf(ns, p, 1, "%d) SIG%s\n", s, usig_name(s) ? usig_name(s) : "?");
        return 0;
    }
    if (i >= argc)
        return 0;
    const char *action = argv[i];
    bool reset = strcmp(action, "-") == 0;
    /* `trap SIG` (a number first) resets, as POSIX allows */
    if (all_digits(action) && argc == i + 1) {
        reset = true;
    } else {
        i++;
    }
    int rc = 0;
    for (; i < argc; i++) {
        int s = trap_sig(argv[i]);
        if (s < 0 || s >= PNS_NSIG) {
            if (sh->fl == SH_BASH)
                bi_err(ns, p, "trap", "%s: invalid signal specification",
                       argv[i]);
            else
                bi_err(ns, p, "trap", "%s: bad trap", argv[i]);
            rc = 1;
            continue;
        }
        free(sh->traps[s]);
        sh->traps[s] = reset ? NULL : xstrdup(action);
        if (s == 0)
            continue;
        if (s == 9 || s == 19)
            continue;
        if (reset)
            p->disp[s] = SIGD_DFL;
        else if (!*action)
            p->disp[s] = SIGD_IGN;
        else
            p->disp[s] = SIGD_CATCH;
    }
    if (any_trap(sh) && !ns->build && p->pid == 1)
        pns_explain(ns, "sh.trap-installed",
                    "The shell installed a trap, so it catches the signal "
                    "(even as PID 1) and runs the trap's commands: `wait` is "
                    "interrupted at once, a foreground command is waited for "
                    "first.");
    else if (any_trap(sh) && !ns->build)
        pns_explain(ns, "sh.trap-installed",
                    "The shell with PID %d installed a trap, but it is not "
                    "PID 1: docker stop signals PID 1 only, so the trap runs "
                    "only if PID 1 passes the signal on to it.",
                    p->pid);
    return rc;
}

static int bi_kill(struct pns *ns, struct proc *p, int argc, char **argv)
{
    int sig = 15, i = 1;
    if (i < argc && strcmp(argv[i], "-l") == 0) {
        for (int s = 1; s < 32; s++)
            proc_printf(ns, p, 1, "%s%s", usig_name(s) ? usig_name(s) : "",
                        s < 31 ? " " : "\n");
        return 0;
    }
    if (i < argc && strcmp(argv[i], "-s") == 0 && i + 1 < argc) {
        sig = usig_number(argv[i + 1]);
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1]) {
        sig = usig_number(argv[i] + 1);
        i++;
    }
    if (sig < 0) {
        bi_err(ns, p, "kill", "invalid signal number or name: %s", argv[i - 1]);
        return 1;
    }
    int rc = 0;
    for (; i < argc; i++) {
        long pid = strtol(argv[i], NULL, 10);
        struct proc *t = pns_find(ns, (int)pid);
        if (!t || t->state == P_ZOMBIE) {
            if (p->sh->fl == SH_BASH)
                bi_err(ns, p, "kill", "(%ld) - No such process", pid);
            else
                bi_err(ns, p, "kill", "No such process");
            rc = 1;
            continue;
        }
        if (sig)
            proc_signal(ns, t, sig, false);
    }
    return rc;
}

static int bi_umask(struct pns *ns, struct proc *p, int argc, char **argv)
{
    if (argc < 2) {
        proc_printf(ns, p, 1, "%04o\n", p->umask);
        return 0;
    }
    p->umask = (unsigned)strtoul(argv[1], NULL, 8) & 0777;
    return 0;
}

static int bi_type(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    bool cmd_v = strcmp(argv[0], "command") == 0;
    int i = 1;
    bool short_form = false;
    if (cmd_v) {
        short_form = strcmp(argv[1], "-v") == 0;
        i = 2;
    }
    int rc = 0;
    static const char *const kws[] = { "if", "then", "else", "elif", "fi",
                                       "case", "esac", "for", "while",
                                       "until", "do", "done", "{", "}", "!",
                                       "in" };
    for (; i < argc; i++) {
        const char *name = argv[i];
        bool kw = false;
        for (size_t k = 0; k < ARRAY_LEN(kws); k++)
            if (strcmp(kws[k], name) == 0)
                kw = true;
        if (kw) {
            if (short_form)
                proc_printf(ns, p, 1, "%s\n", name);
            else
                proc_printf(ns, p, 1, "%s is a %s\n", name,
                            sh->fl == SH_BASH ? "shell keyword"
                                              : "shell keyword");
            continue;
        }
        if (find_func(sh, name)) {
            if (short_form)
                proc_printf(ns, p, 1, "%s\n", name);
            else
                proc_printf(ns, p, 1, "%s is a %sfunction\n", name,
                            sh->fl == SH_BASH ? "" : "shell ");
            continue;
        }
        const struct builtin *b = find_builtin(sh->fl, name);
        if (b) {
            if (short_form)
                proc_printf(ns, p, 1, "%s\n", name);
            else
                proc_printf(ns, p, 1, "%s is a %sshell builtin\n", name,
                            b->special && sh->fl != SH_BASH ? "special " : "");
            continue;
        }
        char *path = NULL;
        int r = resolve_cmd(ns, p, name, shv_get(sh, "PATH") ? shv_get(sh, "PATH")
                                                              : "",
                            &path);
        if (r == 0 && path) {
            if (short_form)
                proc_printf(ns, p, 1, "%s\n", strchr(name, '/') ? name : path);
            else
                proc_printf(ns, p, 1, "%s is %s\n", name,
                            strchr(name, '/') ? name : path);
        } else {
            if (!short_form) {
                if (sh->fl == SH_BASH)
                    bi_err(ns, p, cmd_v ? "command" : "type", "%s: not found",
                           name);
                else
                    proc_printf(ns, p, cmd_v ? 2 : 1, "%s: not found\n", name);
            }
            rc = sh->fl == SH_DASH && !cmd_v ? 127 : 1;
        }
        free(path);
    }
    return rc;
}

static int bi_read(struct pns *ns, struct proc *p, int argc, char **argv);
static int bi_wait(struct pns *ns, struct proc *p, int argc, char **argv);
static int bi_eval(struct pns *ns, struct proc *p, int argc, char **argv);
static int bi_dot(struct pns *ns, struct proc *p, int argc, char **argv);

static int bi_hash(struct pns *ns, struct proc *p, int argc, char **argv)
{
    (void)ns, (void)p, (void)argc, (void)argv;
    return 0;
}

static int bi_times(struct pns *ns, struct proc *p, int argc, char **argv)
{
    (void)argc, (void)argv;
    proc_puts(ns, p, 1, "0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n");
    return 0;
}

static int bi_ulimit(struct pns *ns, struct proc *p, int argc, char **argv)
{
    (void)argc, (void)argv;
    proc_puts(ns, p, 1, "unlimited\n");
    return 0;
}

static int bi_let(struct pns *ns, struct proc *p, int argc, char **argv)
{
    long long v = 0;
    for (int i = 1; i < argc; i++)
        if (sx_arith(ns, p, argv[i], strlen(argv[i]), &v) < 0)
            return 1;
    return v ? 0 : 1;
}

static int bi_declare(struct pns *ns, struct proc *p, int argc, char **argv)
{
    unsigned flags = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strchr(argv[i], 'x'))
            flags |= V_EXPORT;
        if (strchr(argv[i], 'r'))
            flags |= V_READONLY;
    }
    bool in_func = false;
    for (size_t k = 0; k < p->sh->n_frames; k++)
        if (p->sh->frames[k].kind == FR_FUNC)
            in_func = true;
    int rc = 0;
    for (; i < argc; i++) {
        if (in_func) {
            char *lv[2] = { (char *)"local", argv[i] };
            bi_local(ns, p, 2, lv);
        }
        if (!assign_word(ns, p, argv[i], flags, argv[0]))
            rc = 1;
    }
    return rc;
}

static int bi_shopt(struct pns *ns, struct proc *p, int argc, char **argv)
{
    (void)ns, (void)p, (void)argc, (void)argv;
    return 0;
}

static int bi_getopts(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    if (argc < 3) {
        bi_err(ns, p, "getopts", "usage: getopts optstring var [arg...]");
        return 2;
    }
    const char *optstring = argv[1];
    const char *var = argv[2];
    char **args = argc > 3 ? argv + 3 : sh->params;
    size_t nargs = argc > 3 ? (size_t)(argc - 3) : sh->n_params;
    const char *oi = shv_get(sh, "OPTIND");
    long optind = oi ? strtol(oi, NULL, 10) : 1;
    const char *sub = shv_get(sh, "_GETOPTS_SUB");
    long pos = sub ? strtol(sub, NULL, 10) : 1;
    bool silent = optstring[0] == ':';
    if (optind < 1 || (size_t)optind > nargs) {
        shv_put(sh, var, "?", 0);
        return 1;
    }
    const char *a = args[optind - 1];
    if (a[0] != '-' || !a[1] || strcmp(a, "--") == 0) {
        if (strcmp(a, "--") == 0) {
            struct sb b = SB_INIT;
            sb_addf(&b, "%ld", optind + 1);
            shv_put(sh, "OPTIND", b.buf, 0);
            sb_release(&b);
        }
        shv_put(sh, var, "?", 0);
        return 1;
    }
    char c = a[pos];
    const char *spec = c ? strchr(optstring + silent, c) : NULL;
    char opt[2] = { c, 0 };
    bool next_arg = a[pos + 1] == '\0';
    long new_optind = optind, new_pos = pos + 1;
    if (!spec || c == ':') {
        if (silent) {
            shv_put(sh, "OPTARG", opt, 0);
        } else {
            bi_err(ns, p, "getopts", "illegal option -- %c", c);
            shv_unset(sh, "OPTARG");
        }
        shv_put(sh, var, "?", 0);
    } else if (spec[1] == ':') {
        if (!next_arg) {
            shv_put(sh, "OPTARG", a + pos + 1, 0);
            new_optind = optind + 1;
            new_pos = 1;
            next_arg = false;
        } else if ((size_t)optind < nargs) {
            shv_put(sh, "OPTARG", args[optind], 0);
            new_optind = optind + 2;
            new_pos = 1;
            next_arg = false;
        } else {
            if (silent) {
                shv_put(sh, var, ":", 0);
                shv_put(sh, "OPTARG", opt, 0);
            } else {
                bi_err(ns, p, "getopts", "option requires an argument -- %c",
                       c);
                shv_put(sh, var, "?", 0);
            }
            new_optind = optind + 1;
            new_pos = 1;
            next_arg = false;
            goto store;
        }
        shv_put(sh, var, opt, 0);
    } else {
        shv_put(sh, var, opt, 0);
    }
    if (next_arg) {
        new_optind = optind + 1;
        new_pos = 1;
    }
store:;
    struct sb b = SB_INIT;
    sb_addf(&b, "%ld", new_optind);
    shv_put(sh, "OPTIND", b.buf, 0);
    sb_reset(&b);
    sb_addf(&b, "%ld", new_pos);
    shv_put(sh, "_GETOPTS_SUB", b.buf, 0);
    sb_release(&b);
    return 0;
}

static int bi_jobs(struct pns *ns, struct proc *p, int argc, char **argv)
{
    (void)ns, (void)p, (void)argc, (void)argv;
    return 0;
}

enum { FL_DASH = 1, FL_ASH = 2, FL_BASH = 4, FL_ALL = 7 };

static const struct builtin builtins[] = {
    { ":", bi_colon, true, FL_ALL },
    { ".", bi_dot, true, FL_ALL },
    { "[", bi_test, false, FL_ALL },
    { "alias", bi_hash, false, FL_ALL },
    { "break", bi_break, true, FL_ALL },
    { "cd", bi_cd, false, FL_ALL },
    { "command", NULL, false, FL_ALL },
    { "continue", bi_break, true, FL_ALL },
    { "declare", bi_declare, false, FL_BASH },
    { "echo", bi_echo, false, FL_ALL },
    { "eval", bi_eval, true, FL_ALL },
    { "exec", NULL, true, FL_ALL },
    { "exit", bi_exit, true, FL_ALL },
    { "export", bi_export, true, FL_ALL },
    { "false", bi_false, false, FL_ALL },
    { "getopts", bi_getopts, false, FL_ALL },
    { "hash", bi_hash, false, FL_ALL },
    { "jobs", bi_jobs, false, FL_ALL },
    { "kill", bi_kill, false, FL_ALL },
    { "let", bi_let, false, FL_ASH | FL_BASH },
    { "local", bi_local, false, FL_ALL },
    { "printf", bi_printf, false, FL_ALL },
    { "pwd", bi_pwd, false, FL_ALL },
    { "read", bi_read, false, FL_ALL },
    { "readonly", bi_export, true, FL_ALL },
    { "return", bi_return, true, FL_ALL },
    { "set", bi_set, true, FL_ALL },
    { "shift", bi_shift, true, FL_ALL },
    { "shopt", bi_shopt, false, FL_BASH },
    { "source", bi_dot, false, FL_ASH | FL_BASH },
    { "test", bi_test, false, FL_ALL },
    { "times", bi_times, true, FL_ALL },
    { "trap", bi_trap, true, FL_ALL },
    { "true", bi_true, false, FL_ALL },
    { "type", bi_type, false, FL_ALL },
    { "typeset", bi_declare, false, FL_BASH },
    { "ulimit", bi_ulimit, false, FL_ALL },
    { "umask", bi_umask, false, FL_ALL },
    { "unalias", bi_hash, false, FL_ALL },
    { "unset", bi_unset, true, FL_ALL },
    { "wait", bi_wait, false, FL_ALL },
};

static const struct builtin *find_builtin(enum sh_flavor fl, const char *name)
{
    unsigned bit = fl == SH_DASH ? FL_DASH : fl == SH_BASH ? FL_BASH : FL_ASH;
    for (size_t i = 0; i < ARRAY_LEN(builtins); i++)
        if ((builtins[i].flavors & bit) && strcmp(builtins[i].name, name) == 0)
            return &builtins[i];
    return NULL;
}

/* ----- read ---------------------------------------------------------- */

/* Try to complete `read` (argv saved in sh->w); returns the status, or
 * -1 if it must wait for input. */
static int do_read(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    bool raw = false;
    int i = 1;
    const char *prompt = NULL;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *f = argv[i] + 1; *f; f++) {
            if (*f == 'r')
                raw = true;
            else if (*f == 'p' && sh->fl != SH_DASH && i + 1 < argc) {
                prompt = argv[++i];
                break;
            } else if ((*f == 't' || *f == 'n' || *f == 'd' || *f == 'u') &&
                       i + 1 < argc && sh->fl != SH_DASH) {
                i++;
                break;
            } else if (*f == 's' && sh->fl != SH_DASH) {
                continue;
            } else if (*f == 'p' && sh->fl == SH_DASH && i + 1 < argc) {
                prompt = argv[++i];
                break;
            } else {
                bi_err(ns, p, "read", "Illegal option -%c", *f);
                return 2;
            }
        }
    }
    (void)prompt;
    struct sb line = SB_INIT;
    int r;
    for (;;) {
        r = proc_read_line(ns, p, 0, &line);
        if (r < 0) {
            sb_release(&line);
            return -1;
        }
        if (!raw && r == 1 && line.len && line.buf[line.len - 1] == '\\') {
            sb_setlen(&line, line.len - 1);
            struct sb more = SB_INIT;
            int r2 = proc_read_line(ns, p, 0, &more);
            if (r2 < 0) {
                sb_release(&more);
                sb_release(&line);
                return -1;
            }
            sb_add(&line, more.buf, more.len);
            sb_release(&more);
            r = r2;
        }
        break;
    }
    /* split into the variables */
    const char *ifs = shv_get(sh, "IFS");
    if (!ifs)
        ifs = " \t\n";
    struct strlist vals;
    strlist_init(&vals);
    size_t nv = argc > i ? (size_t)(argc - i) : 1;
    const char *s = line.buf;
    struct sb cur = SB_INIT;
    size_t k = 0;
    /* leading IFS whitespace */
    while (*s && strchr(ifs, *s) && strchr(" \t\n", *s))
        s++;
    while (*s) {
        if (!raw && *s == '\\' && s[1]) {
            sb_addch(&cur, s[1]);
            s += 2;
            continue;
        }
        if (strchr(ifs, *s) && k + 1 < nv) {
            strlist_push(&vals, cur.buf);
            sb_reset(&cur);
            k++;
            bool ws = strchr(" \t\n", *s) != NULL;
            s++;
            while (*s && strchr(ifs, *s) && strchr(" \t\n", *s))
                s++;
            if (!ws && *s && strchr(ifs, *s) && !strchr(" \t\n", *s))
                (void)0;
            continue;
        }
        sb_addch(&cur, *s++);
    }
    /* trailing IFS whitespace of the last field */
    while (cur.len && strchr(ifs, cur.buf[cur.len - 1]) &&
           strchr(" \t\n", cur.buf[cur.len - 1]))
        sb_setlen(&cur, cur.len - 1);
    strlist_push(&vals, cur.buf);
    sb_release(&cur);
    if (argc <= i) {
        shv_put(sh, "REPLY", line.buf, 0);
    } else {
        for (size_t j = 0; j < nv; j++)
            shv_set(ns, p, argv[i + (int)j], j < vals.n ? vals.v[j] : "");
    }
    strlist_release(&vals);
    sb_release(&line);
    return r == 0 ? 1 : r == 2 ? 1 : 0;
}

static int bi_read(struct pns *ns, struct proc *p, int argc, char **argv)
{
    int rc = do_read(ns, p, argc, argv);
    if (rc >= 0)
        return rc;
    struct sh *sh = p->sh;
    sh->w.kind = SW_READ;
    sh->w.negate = false;
    sh->w.argv = strv_dup(argv, (size_t)argc);
    sh->w.argc = (size_t)argc;
    p->state = P_WAIT_INPUT;
    p->wait_fd = 0;
    return -1;
}

/* ----- wait ---------------------------------------------------------- */

static int bi_wait(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    free(sh->w.pids);
    free(sh->w.statuses);
    sh->w.pids = NULL;
    sh->w.statuses = NULL;
    sh->w.n_pids = 0;
    if (argc > 1) {
        sh->w.pids = xcalloc((size_t)argc, sizeof(int));
        sh->w.statuses = xcalloc((size_t)argc, sizeof(int));
        for (int i = 1; i < argc; i++) {
            long pid = strtol(argv[i] + (argv[i][0] == '%'), NULL, 10);
            struct proc *c = pns_find(ns, (int)pid);
            if (!c || c->ppid != p->pid) {
                sh->w.statuses[sh->w.n_pids] = 127;
                sh->w.pids[sh->w.n_pids++] = -1;
                continue;
            }
            sh->w.statuses[sh->w.n_pids] = -1;
            sh->w.pids[sh->w.n_pids++] = (int)pid;
        }
        sh->w.all = false;
    } else {
        struct proc *kids[256];
        size_t n = pns_children(ns, p->pid, kids, ARRAY_LEN(kids));
        sh->w.pids = xcalloc(n + 1, sizeof(int));
        sh->w.statuses = xcalloc(n + 1, sizeof(int));
        for (size_t i = 0; i < n; i++) {
            sh->w.statuses[sh->w.n_pids] = -1;
            sh->w.pids[sh->w.n_pids++] = kids[i]->pid;
        }
        sh->w.all = true;
    }
    sh->w.kind = SW_WAIT;
    p->woken_by_signal = false;
    return -1;
}

/* ===================================================================== */
/* The xtrace line                                                       */
/* ===================================================================== */

static void xtrace_word(struct sb *out, const char *w)
{
    bool plain = *w != '\0';
    for (const char *c = w; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
              (*c >= '0' && *c <= '9') || strchr("-_./:=@%+,", *c)))
            plain = false;
    if (plain) {
        sb_adds(out, w);
        return;
    }
    sb_addch(out, '\'');
    for (const char *c = w; *c; c++) {
        if (*c == '\'')
            sb_adds(out, "'\\''");
        else
            sb_addch(out, *c);
    }
    sb_addch(out, '\'');
}

static void xtrace(struct pns *ns, struct proc *p, struct strlist *assigns,
                   char **argv, size_t argc)
{
    struct sh *sh = p->sh;
    struct sb line = SB_INIT;
    const char *ps4 = shv_get(sh, "PS4");
    sb_adds(&line, ps4 ? ps4 : "+ ");
    bool first = true;
    for (size_t i = 0; assigns && i < assigns->n; i++) {
        if (!first)
            sb_addch(&line, ' ');
        first = false;
        const char *eq = strchr(assigns->v[i], '=');
        sb_add(&line, assigns->v[i], (size_t)(eq - assigns->v[i]) + 1);
        xtrace_word(&line, eq + 1);
    }
    for (size_t i = 0; i < argc; i++) {
        if (!first)
            sb_addch(&line, ' ');
        first = false;
        xtrace_word(&line, argv[i]);
    }
    sb_addch(&line, '\n');
    proc_write(ns, p, 2, line.buf, line.len);
    sb_release(&line);
}

/* ===================================================================== */
/* Simple commands                                                       */
/* ===================================================================== */

enum cmd_result {
    CR_DONE,     /* status in sh->status, go on */
    CR_BLOCK,    /* waiting: sh->w describes it */
    CR_EXEC,     /* the process was replaced */
    CR_FATAL,    /* the shell exits (sh->exiting) */
    CR_JUMPED,   /* pc was changed (function call, eval, .) */
};

/* Is the instruction after pc the end of the shell (nothing else to run)? */
static bool is_tail(struct sh *sh, int pc)
{
    if (!sh->exec_tail || sh->n_frames > 0 || sh->n_loops > 0 ||
        any_trap(sh))
        return false;
    int i = pc + 1;
    for (int k = 0; k < 256 && i < (int)sh->code->n_ins; k++) {
        const struct ins *in = &sh->code->ins[i];
        switch (in->op) {
        case OP_ERRCHK:
        case OP_NOP:
            i++;
            continue;
        case OP_JMP:
            i = in->a;
            continue;
        case OP_END:
            return true;
        case OP_PARSE_NEXT: {
            /* nothing but blanks and comments left in the source? */
            struct sparser *ps = &sh->code->ps;
            if (ps->peeked)
                return ps->tok == T_EOF;
            for (size_t j = ps->pos; j < ps->len; j++) {
                char c = ps->src[j];
                if (c == '#') {
                    while (j < ps->len && ps->src[j] != '\n')
                        j++;
                    continue;
                }
                if (!strchr(" \t\n", c))
                    return false;
            }
            return true;
        }
        default:
            return false;
        }
    }
    return false;
}

/* Call a function, eval or . text: pushes a frame. */
static void call_code(struct sh *sh, enum frame_kind k, struct scode *c,
                      int start, char **argv, size_t argc)
{
    struct sframe *f = push_frame(sh, k);
    if (k == FR_FUNC) {
        f->params = sh->params;
        f->n_params = sh->n_params;
        sh->params = strv_dup(argv + 1, argc - 1);
        sh->n_params = argc - 1;
    }
    sh->code = scode_ref(c);
    sh->pc = start;
}

static int bi_eval(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    struct sb text = SB_INIT;
    for (int i = 1; i < argc; i++) {
        if (i > 1)
            sb_addch(&text, ' ');
        sb_adds(&text, argv[i]);
    }
    struct scode *c = scode_new(text.buf, text.len, sh->lineno, sh->fl);
    sb_release(&text);
    int start = scode_compile_all(c, OP_RET);
    if (start < 0) {
        struct sb m = SB_INIT;
        sp_error_text(&c->ps, &m, NULL);
        sh_err(ns, p, "%s", m.buf);
        sb_release(&m);
        scode_unref(c);
        return 2;
    }
    call_code(sh, FR_EVAL, c, start, NULL, 0);
    scode_unref(c);
    return -2; /* jumped */
}

static int bi_dot(struct pns *ns, struct proc *p, int argc, char **argv)
{
    struct sh *sh = p->sh;
    if (argc < 2) {
        if (sh->fl == SH_BASH)
            bi_err(ns, p, argv[0], "filename argument required");
        return 2;
    }
    const char *file = argv[1];
    char *path = NULL;
    if (strchr(file, '/')) {
        path = xstrdup(file);
    } else {
        path = ufs_which(ns, p, file, shv_get(sh, "PATH"));
        if (!path) {
            /* ufs_which wants executables; . takes any readable file */
            const char *pv = shv_get(sh, "PATH");
            const char *d = pv ? pv : "";
            while (!path && d) {
                const char *colon = strchr(d, ':');
                size_t dl = colon ? (size_t)(colon - d) : strlen(d);
                struct sb cand = SB_INIT;
                sb_add(&cand, d, dl);
                sb_addf(&cand, "/%s", file);
                int err;
                const struct vfs_entry *e = ufs_stat(ns, p, cand.buf, true, &err);
                if (e && e->type == VFS_FILE)
                    path = sb_detach(&cand, NULL);
                sb_release(&cand);
                d = colon ? colon + 1 : NULL;
            }
            if (!path && sh->fl != SH_DASH)
                path = xstrdup(file);
        }
    }
    struct sb text = SB_INIT;
    int err = path ? ufs_read(ns, p, path, &text) : ENOENT;
    if (err) {
        if (sh->fl == SH_DASH)
            bi_err(ns, p, ".", "cannot open %s: No such file", file);
        else if (sh->fl == SH_BASH)
            sh_err(ns, p, "%s: No such file or directory", file);
        else
            bi_err(ns, p, argv[0], "can't open '%s': No such file or directory",
                   file);
        free(path);
        sb_release(&text);
        if (sh->fl != SH_BASH) {
            sh->exiting = true;
            sh->exit_status = 2;
        }
        return sh->fl == SH_BASH ? 1 : 2;
    }
    struct scode *c = scode_new(text.buf, text.len, 1, sh->fl);
    sb_release(&text);
    free(path);
    int start = scode_compile_all(c, OP_RET);
    if (start < 0) {
        struct sb m = SB_INIT;
        sp_error_text(&c->ps, &m, NULL);
        sh_err(ns, p, "%s", m.buf);
        sb_release(&m);
        scode_unref(c);
        return 2;
    }
    if (argc > 2) {
        /* `. file args`: the arguments are $1... while it runs */
        call_code(sh, FR_FUNC, c, start, argv + 1, (size_t)argc - 1);
    } else {
        call_code(sh, FR_DOT, c, start, NULL, 0);
    }
    scode_unref(c);
    return -2;
}

/* Expand the assignments of a command into "K=V" strings. */
static int expand_assigns(struct pns *ns, struct proc *p,
                          const struct snode *n, struct strlist *out)
{
    for (size_t i = 0; i < n->n_assigns; i++) {
        struct sword w = n->assigns[i];
        const char *eq = memchr(w.s, '=', w.len);
        size_t nl = (size_t)(eq - w.s);
        struct sword val = { eq + 1, w.len - nl - 1 };
        struct sb v = SB_INIT;
        sb_add(&v, w.s, nl + 1);
        if (sx_string(ns, p, val, &v) < 0) {
            sb_release(&v);
            return -1;
        }
        strlist_push(out, v.buf);
        sb_release(&v);
    }
    return 0;
}

/* Returns -1 if a variable is read-only (after the error). */
static int set_assigns(struct pns *ns, struct proc *p,
                       const struct strlist *a, unsigned flags)
{
    int rc = 0;
    for (size_t i = 0; i < a->n; i++) {
        const char *eq = strchr(a->v[i], '=');
        char *name = xmemdup0(a->v[i], (size_t)(eq - a->v[i]));
        struct svar *v = shv_find(p->sh, name);
        if (v && (v->flags & V_READONLY)) {
            readonly_error(ns, p, name);
            rc = -1;
        } else {
            shv_put(p->sh, name, eq + 1, flags);
        }
        free(name);
    }
    return rc;
}

/* Temporary assignments for a function or regular builtin: saved in a
 * pseudo frame of locals that the caller restores. */
static struct saved_var *save_vars(struct sh *sh, const struct strlist *a)
{
    struct saved_var *sv = xcalloc(a->n + 1, sizeof(*sv));
    for (size_t i = 0; i < a->n; i++) {
        const char *eq = strchr(a->v[i], '=');
        sv[i].name = xmemdup0(a->v[i], (size_t)(eq - a->v[i]));
        struct svar *v = shv_find(sh, sv[i].name);
        sv[i].existed = v != NULL;
        sv[i].value = v && v->value ? xstrdup(v->value) : NULL;
        sv[i].flags = v ? v->flags : 0;
    }
    return sv;
}

static void restore_vars(struct sh *sh, struct saved_var *sv, size_t n)
{
    for (size_t i = n; i-- > 0;) {
        if (sv[i].existed) {
            struct svar *v = shv_find(sh, sv[i].name);
            if (!v)
                v = shv_add(sh, sv[i].name);
            free(v->value);
            v->value = sv[i].value;
            v->flags = sv[i].flags;
            sv[i].value = NULL;
        } else {
            shv_unset(sh, sv[i].name);
        }
        free(sv[i].name);
        free(sv[i].value);
    }
    free(sv);
}

/* p is PID 1 and the shell of a `-c` string itself (not a subshell, a
 * script or a RUN step): what the PID 1 explanations are about. */
static bool is_c_shell_pid1(const struct pns *ns, const struct proc *p,
                            const struct sh *sh)
{
    return p->pid == 1 && !sh->subshell && !sh->is_script && !ns->build &&
           sh->code && sh->code->lazy;
}

/* The same shell as the child of docker-init (--init): PID 1 is tini. */
static bool is_c_shell_under_init(struct pns *ns, const struct proc *p,
                                  const struct sh *sh)
{
    if (p->ppid != 1 || sh->subshell || sh->is_script || ns->build ||
        !sh->code || !sh->code->lazy)
        return false;
    const struct proc *init = pns_init(ns);
    return init && init->native &&
           strcmp(init->native->name, "docker-init") == 0;
}

/* The shell of a -c string (ash, bash) execs its last command. */
static void explain_tail_exec(struct pns *ns, struct proc *p,
                              const struct sh *sh)
{
    const char *id = sh->fl == SH_BASH ? "sh.bash-execs-last-command"
                                       : "sh.ash-execs-last-command";
    const char *who = sh->fl == SH_BASH ? "bash" : "BusyBox ash";
    if (p->pid == 1)
        pns_explain(ns, id,
                    "%s runs the last command of its -c string with exec: "
                    "the command replaces the shell and becomes PID 1 in its "
                    "place, so it receives docker stop's signal itself.",
                    who);
    else
        pns_explain(ns, id,
                    "%s runs the last command of its -c string with exec: "
                    "the command replaces the shell and keeps its process id "
                    "(%d).",
                    who, p->pid);
}

/* Start argv as a program: in p itself (exec) or in a child. */
static enum cmd_result run_program(struct pns *ns, struct proc *p,
                                   char **argv, size_t argc,
                                   struct strlist *assigns, bool as_exec)
{
    struct sh *sh = p->sh;
    struct strlist env;
    strlist_init(&env);
    struct strlist ex;
    strlist_init(&ex);
    strlist_copy(&ex, assigns);
    /* assignments before a program are exported to it only */
    build_env(sh, &ex, argv[0], &env);
    strlist_release(&ex);
    if (as_exec) {
        int st = prepare_exec(ns, p, p, argv, argc, &env, false);
        strlist_release(&env);
        if (st) {
            sh->status = st;
            return CR_DONE;
        }
        return CR_EXEC;
    }
    struct proc *c = proc_new(ns, p->pid);
    proc_inherit(c, p);
    int st = prepare_exec(ns, p, c, argv, argc, &env, false);
    strlist_release(&env);
    if (st) {
        /* the child would have printed the error and exited */
        proc_exit(ns, c, st);
        int cpid;
        proc_reap(ns, p, c->pid, &cpid);
        sh->status = st;
        return CR_DONE;
    }
    proc_exec_commit(ns, c);
    free(sh->w.pids);
    free(sh->w.statuses);
    sh->w.pids = xcalloc(1, sizeof(int));
    sh->w.statuses = xcalloc(1, sizeof(int));
    sh->w.pids[0] = c->pid;
    sh->w.statuses[0] = -1;
    sh->w.n_pids = 1;
    sh->w.kind = SW_FG;
    return CR_BLOCK;
}

static enum cmd_result run_simple(struct pns *ns, struct proc *p,
                                  const struct ins *in)
{
    struct sh *sh = p->sh;
    const struct snode *n = in->n;
    sh->lineno = n->line;
    struct strlist argv, assigns;
    strlist_init(&argv);
    strlist_init(&assigns);
    strlist_set_empty(&argv);
    strlist_set_empty(&assigns);
    int subst_status = -1;
    sh->subst_status = -1;
    /* words first (POSIX order: words, then assignments) */
    for (size_t i = 0; i < n->n_words; i++)
        if (sx_fields(ns, p, n->words[i], &argv) < 0)
            goto expand_failed;
    if (expand_assigns(ns, p, n, &assigns) < 0)
        goto expand_failed;
    subst_status = sh->subst_status;
    if (sh->o_xtrace && (argv.n || assigns.n))
        xtrace(ns, p, &assigns, argv.v, argv.n);
    enum cmd_result res = CR_DONE;
    if (argv.n == 0) {
        /* assignments and redirections only */
        if (set_assigns(ns, p, &assigns, 0) < 0) {
            sh->status = sh->fl == SH_BASH ? 1 : 2;
            if (sh->fl != SH_BASH) {
                /* a non-interactive shell exits */
                sh->exiting = true;
                sh->exit_status = 2;
                res = CR_FATAL;
            }
            goto done;
        }
        size_t mark = sh->n_redir;
        save_fd(sh, p, 0, true);
        int rc = apply_redirs(ns, p, n->redirs);
        pop_redir_to(sh, p, mark);
        sh->status = rc < 0 ? (sh->fl == SH_DASH ? 2 : 1)
                            : subst_status >= 0 ? subst_status : 0;
        goto done;
    }
    const char *name = argv.v[0];
    bool tail = is_tail(sh, sh->pc);
    /* `exec` and `command` peel off first */
    bool exec_bi = false, command_bi = false;
    size_t off = 0;
    while (off < argv.n) {
        if (strcmp(argv.v[off], "exec") == 0 && !find_func(sh, "exec")) {
            exec_bi = true;
            off++;
            if (off < argv.n && strcmp(argv.v[off], "--") == 0)
                off++;
            break;
        }
        if (strcmp(argv.v[off], "command") == 0 && off + 1 < argv.n &&
            argv.v[off + 1][0] != '-') {
            command_bi = true;
            off++;
            continue;
        }
        break;
    }
    if (!exec_bi && off == 0 && strcmp(name, "command") == 0 &&
        argv.n > 1 && (strcmp(argv.v[1], "-v") == 0 ||
                       strcmp(argv.v[1], "-V") == 0)) {
        size_t mark = sh->n_redir;
        save_fd(sh, p, 0, true);
        if (apply_redirs(ns, p, n->redirs) == 0)
            sh->status = bi_type(ns, p, (int)argv.n, argv.v);
        else
            sh->status = 1;
        pop_redir_to(sh, p, mark);
        goto done;
    }
    if (exec_bi) {
        /* exec: redirections stay; then become the program */
        size_t emark = sh->n_redir;
        if (apply_redirs(ns, p, n->redirs) < 0) {
            pop_redir_to(sh, p, emark);
            sh->status = sh->fl == SH_DASH ? 2 : 1;
            if (sh->fl != SH_BASH) {
                sh->exiting = true;
                sh->exit_status = sh->status;
                res = CR_FATAL;
            }
            goto done;
        }
        /* forget what they replaced: they are permanent */
        for (size_t k = emark; k < sh->n_redir; k++)
            ofile_unref(sh->redir[k].old), sh->redir[k].old = NULL;
        sh->n_redir = emark;
        if (off >= argv.n) {
            set_assigns(ns, p, &assigns, 0);
            sh->status = 0;
            goto done;
        }
        struct strlist env;
        strlist_init(&env);
        build_env(sh, &assigns, argv.v[off], &env);
        int st = prepare_exec(ns, p, p, argv.v + off, argv.n - off, &env, true);
        strlist_release(&env);
        if (st) {
            sh->status = st;
            /* a failed exec ends a non-interactive shell */
            sh->exiting = true;
            sh->exit_status = st;
            res = CR_FATAL;
            goto done;
        }
        pns_explain(ns, "sh.exec-replaces-shell",
                    "`exec` replaces the shell with the program: it keeps "
                    "the shell's process id (PID 1 stays PID 1) and receives "
                    "docker stop's signal directly.");
        res = CR_EXEC;
        goto done;
    }
    name = argv.v[off];
    /* special builtins, functions, builtins, programs */
    const struct builtin *b = command_bi ? find_builtin(sh->fl, name)
                                         : find_builtin(sh->fl, name);
    struct sfunc *fn = command_bi ? NULL : find_func(sh, name);
    if (b && b->special && !command_bi)
        fn = NULL;
    if (fn && !(b && b->special)) {
        if (sh->n_frames >= SH_MAX_FRAMES) {
            sh_err(ns, p, "%s: maximum function nesting level exceeded", name);
            sh->status = 2;
            goto done;
        }
        size_t mark = sh->n_redir;
        save_fd(sh, p, 0, true);
        if (apply_redirs(ns, p, n->redirs) < 0) {
            pop_redir_to(sh, p, mark);
            sh->status = 1;
            goto done;
        }
        call_code(sh, FR_FUNC, fn->code, fn->start, argv.v + off,
                  argv.n - off);
        struct sframe *f = &sh->frames[sh->n_frames - 1];
        /* the frame restores the redirections and temporary variables */
        f->n_redir = mark;
        if (assigns.n) {
            struct saved_var *sv = save_vars(sh, &assigns);
            f->locals = sv;
            f->n_locals = assigns.n;
            set_assigns(ns, p, &assigns, 0);
        }
        res = CR_JUMPED;
        goto done;
    }
    if (b && b->fn) {
        size_t mark = sh->n_redir;
        save_fd(sh, p, 0, true);
        if (apply_redirs(ns, p, n->redirs) < 0) {
            pop_redir_to(sh, p, mark);
            sh->status = sh->fl == SH_DASH ? 2 : 1;
            if (b->special && sh->fl != SH_BASH) {
                sh->exiting = true;
                sh->exit_status = sh->status;
                res = CR_FATAL;
            }
            goto done;
        }
        struct saved_var *sv = NULL;
        if (assigns.n) {
            if (b->special)
                set_assigns(ns, p, &assigns, 0);
            else {
                sv = save_vars(sh, &assigns);
                set_assigns(ns, p, &assigns, 0);
            }
        }
        int st = b->fn(ns, p, (int)(argv.n - off), argv.v + off);
        if (sv)
            restore_vars(sh, sv, assigns.n);
        if (st == -2) {
            /* eval / . pushed a frame: the frame restores fds */
            sh->frames[sh->n_frames - 1].n_redir = mark;
            res = CR_JUMPED;
            goto done;
        }
        if (st == -1) {
            /* wait / read block: keep the redirections until done */
            sh->w.n_redir = mark;
            res = CR_BLOCK;
            goto done;
        }
        pop_redir_to(sh, p, mark);
        sh->status = st;
        if (sh->exiting) {
            res = CR_FATAL;
            goto done;
        }
        if (b->special && st == 2 && sh->fl != SH_BASH &&
            (strcmp(name, "set") == 0 || strcmp(name, "shift") == 0 ||
             strcmp(name, "export") == 0 || strcmp(name, "readonly") == 0 ||
             strcmp(name, ".") == 0)) {
            /* an error in a special builtin ends a non-interactive shell */
            sh->exiting = true;
            sh->exit_status = st;
            res = CR_FATAL;
        }
        goto done;
    }
    /* a program */
    size_t mark = sh->n_redir;
    save_fd(sh, p, 0, true);
    if (apply_redirs(ns, p, n->redirs) < 0) {
        pop_redir_to(sh, p, mark);
        sh->status = sh->fl == SH_DASH ? 2 : 1;
        goto done;
    }
    if (tail && !command_bi) {
        res = run_program(ns, p, argv.v + off, argv.n - off, &assigns, true);
        if (res == CR_EXEC) {
            /* only the shell of a -c string itself: a subshell or a
             * background job always ends in an exec (that is how it
             * starts its program), and a build step has no docker stop */
            if (!sh->subshell && !sh->is_script && !ns->build)
                explain_tail_exec(ns, p, sh);
            goto done;
        }
        pop_redir_to(sh, p, mark);
        goto done;
    }
    res = run_program(ns, p, argv.v + off, argv.n - off, &assigns, false);
    pop_redir_to(sh, p, mark);
    if (res == CR_BLOCK && sh->fl == SH_DASH && is_c_shell_under_init(ns, p, sh))
        pns_explain(ns, "sh.dash-keeps-parent",
                    "Debian's dash (/bin/sh on Debian and Ubuntu images) does "
                    "not exec the command of `sh -c`: it stays docker-init's "
                    "child (PID %d) and starts the command as its own child.",
                    p->pid);
    if (res == CR_BLOCK && is_c_shell_pid1(ns, p, sh)) {
        if (sh->fl == SH_DASH && p->disp[15] != SIGD_CATCH)
            pns_explain(ns, "sh.dash-keeps-parent",
                        "Debian's dash (/bin/sh on Debian and Ubuntu images) "
                        "does not exec the command of `sh -c`: it starts it "
                        "as a child and stays PID 1 itself. dash has no "
                        "handler for SIGTERM, so as PID 1 it ignores docker "
                        "stop's signal and never passes it on.");
        else if (sh->fl == SH_DASH)
            pns_explain(ns, "sh.dash-keeps-parent",
                        "Debian's dash (/bin/sh on Debian and Ubuntu images) "
                        "does not exec the command of `sh -c`: it starts it "
                        "as a child and stays PID 1 itself.");
        else if (any_trap(sh))
            pns_explain(ns, "sh.trap-keeps-parent",
                        "%s would exec the last command of its -c string, "
                        "but a trap is set: the shell stays PID 1 to run it, "
                        "and the command runs as its child.",
                        sh->fl == SH_BASH ? "bash" : "BusyBox ash");
    }
    goto done;

expand_failed:
    sh->status = 0;
    {
        /* expansion errors (${x?}, bad substitution, set -u) end a
         * non-interactive shell */
        sh->exiting = true;
        sh->exit_status = sh->fl == SH_BASH ? 1 : 2;
        sh->status = sh->exit_status;
        res = CR_FATAL;
    }
done:
    strlist_release(&argv);
    strlist_release(&assigns);
    return res;
}

/* ===================================================================== */
/* Subshells, pipelines, background jobs                                 */
/* ===================================================================== */

/* A forked copy of the shell running code c from start. */
static struct proc *fork_shell(struct pns *ns, struct proc *p,
                               struct scode *c, int start)
{
    struct proc *q = proc_new(ns, p->pid);
    proc_inherit(q, p);
    strlist_copy(&q->argv, &p->argv);
    free(q->exe);
    q->exe = p->exe ? xstrdup(p->exe) : NULL;
    q->sh = sh_clone(p->sh);
    q->sh->code = scode_ref(c);
    q->sh->pc = start;
    for (int s = 1; s < PNS_NSIG; s++)
        if (q->disp[s] == SIGD_CATCH)
            q->disp[s] = SIGD_DFL;
    q->state = P_RUNNABLE;
    return q;
}

static void wait_for(struct sh *sh, enum swait_kind k, int *pids, size_t n)
{
    free(sh->w.pids);
    free(sh->w.statuses);
    sh->w.pids = pids;
    sh->w.statuses = xcalloc(n + 1, sizeof(int));
    for (size_t i = 0; i < n; i++)
        sh->w.statuses[i] = -1;
    sh->w.n_pids = n;
    sh->w.kind = k;
}

int sh_command_subst(struct pns *ns, struct proc *p, const char *src,
                     size_t len, struct sb *out)
{
    struct sh *sh = p->sh;
    struct scode *c = scode_new(src, len, sh->lineno, sh->fl);
    int start = scode_compile_all(c, OP_END);
    if (start < 0) {
        struct sb m = SB_INIT;
        sp_error_text(&c->ps, &m, NULL);
        sh_err(ns, p, "%s", m.buf);
        sb_release(&m);
        scode_unref(c);
        sh->subst_status = 2;
        return -1;
    }
    struct proc *q = fork_shell(ns, p, c, start);
    scode_unref(c);
    struct ofile *r, *w;
    pipe_open(&r, &w);
    proc_setfd(q, 1, w);
    ofile_unref(w);
    long long elapsed = 0;
    int st = pns_run_sync(ns, q, &elapsed);
    struct sb data = SB_INIT;
    r->pipe->writers = 0;
    sb_add(&data, r->pipe->buf.buf + r->pipe->rpos,
           r->pipe->buf.len - r->pipe->rpos);
    ofile_unref(r);
    while (data.len && data.buf[data.len - 1] == '\n')
        sb_setlen(&data, data.len - 1);
    sb_add(out, data.buf, data.len);
    sb_release(&data);
    int cpid;
    if (st >= 0) {
        proc_reap(ns, p, q->pid, &cpid);
        sh->subst_status = st;
    }
    sh->debt_ms += elapsed;
    return 0;
}

static enum cmd_result run_pipe(struct pns *ns, struct proc *p,
                                const struct ins *in)
{
    struct sh *sh = p->sh;
    size_t n = (size_t)in->b;
    int *pids = xcalloc(n, sizeof(int));
    struct ofile *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        int start = sh->code->chunks[in->a + (int)i];
        struct proc *q = fork_shell(ns, p, sh->code, start);
        if (prev) {
            proc_setfd(q, 0, prev);
            ofile_unref(prev);
            prev = NULL;
        }
        if (i + 1 < n) {
            struct ofile *r, *w;
            pipe_open(&r, &w);
            proc_setfd(q, 1, w);
            ofile_unref(w);
            prev = r;
        }
        pids[i] = q->pid;
    }
    wait_for(sh, SW_PIPE, pids, n);
    return CR_BLOCK;
}

/* ===================================================================== */
/* Resuming a wait                                                       */
/* ===================================================================== */

/* 1: still waiting (state set), 0: done (status set). */
static int resume_wait(struct pns *ns, struct proc *p)
{
    struct sh *sh = p->sh;
    struct swait *w = &sh->w;
    switch (w->kind) {
    case SW_NONE:
        return 0;
    case SW_DEBT:
        if (p->woken_by_signal || ns->now_ms >= p->wake_ms) {
            p->woken_by_signal = false;
            w->kind = SW_NONE;
            return 0;
        }
        p->state = P_SLEEP;
        return 1;
    case SW_FOREVER:
        if (p->woken_by_signal) {
            p->woken_by_signal = false;
            return 0;
        }
        p->state = P_FOREVER;
        return 1;
    case SW_READ: {
        if (w->negate) {
            /* the script comes from stdin */
            struct sb text = SB_INIT;
            if (ns->tty && p->fd[0] && p->fd[0]->kind == OF_TTY) {
                sb_release(&text);
                w->kind = SW_FOREVER;
                p->state = P_FOREVER;
                if (ns->interactive)
                    pns_explain(ns, "sh.interactive-waits",
                                "With -it the shell is interactive: it waits "
                                "for you to type commands, so the container "
                                "keeps running.");
                else
                    pns_explain(ns, "sh.interactive-waits",
                                "With -t the shell's input is a terminal, so "
                                "it is interactive and waits for commands "
                                "(none can come without -i), so the "
                                "container keeps running.");
                return 1;
            }
            int r = proc_read_all(ns, p, 0, &text);
            if (r == 0) {
                sb_release(&text);
                p->state = P_WAIT_INPUT;
                p->wait_fd = 0;
                return 1;
            }
            w->kind = SW_NONE;
            w->negate = false;
            sh->code = scode_new_lazy(text.buf, text.len, sh->fl);
            sh->pc = 0;
            if (text.len == 0)
                pns_explain(ns, "sh.no-input-exits",
                            "A shell with no command and no terminal reads "
                            "its commands from standard input, which is "
                            "empty (no -i, or nothing piped in): it exits at "
                            "once with status 0. Use `docker run -it` for an "
                            "interactive shell.");
            sb_release(&text);
            return 0;
        }
        if (p->woken_by_signal) {
            p->woken_by_signal = false;
            sh->status = w->pipe_status;
        } else {
            int st = do_read(ns, p, (int)w->argc, w->argv);
            if (st < 0) {
                p->state = P_WAIT_INPUT;
                p->wait_fd = 0;
                return 1;
            }
            sh->status = st;
        }
        strv_free(w->argv, w->argc);
        w->argv = NULL;
        w->argc = 0;
        w->kind = SW_NONE;
        pop_redir_to(sh, p, w->n_redir);
        return 0;
    }
    case SW_FG:
    case SW_PIPE:
    case SW_WAIT: {
        bool all_done = true;
        for (size_t i = 0; i < w->n_pids; i++) {
            if (w->statuses[i] >= 0 || w->pids[i] < 0)
                continue;
            int cpid;
            int st = proc_reap(ns, p, w->pids[i], &cpid);
            if (st >= 0)
                w->statuses[i] = st;
            else
                all_done = false;
        }
        if (w->kind == SW_WAIT && p->woken_by_signal && !all_done) {
            p->woken_by_signal = false;
            sh->status = w->pipe_status;
            w->kind = SW_NONE;
            pop_redir_to(sh, p, w->n_redir);
            return 0;
        }
        if (!all_done) {
            p->state = P_WAIT_CHILD;
            p->wait_pid = w->n_pids == 1 ? w->pids[0] : -1;
            return 1;
        }
        int st = w->n_pids ? w->statuses[w->n_pids - 1] : 0;
        if (w->kind == SW_PIPE && sh->o_pipefail)
            for (size_t i = 0; i < w->n_pids; i++)
                if (w->statuses[i] > 0)
                    st = w->statuses[i];
        if (w->kind == SW_WAIT && w->all)
            st = 0;
        sh->status = st;
        if (w->kind == SW_WAIT)
            pop_redir_to(sh, p, w->n_redir);
        w->kind = SW_NONE;
        return 0;
    }
    }
    return 0;
}

/* ===================================================================== */
/* The machine                                                           */
/* ===================================================================== */

static int syntax_error(struct pns *ns, struct proc *p, struct sparser *ps)
{
    struct sh *sh = p->sh;
    struct sb m = SB_INIT, second = SB_INIT;
    sp_error_text(ps, &m, &second);
    struct sb line = SB_INIT;
    if (sh->fl == SH_BASH) {
        if (sh->is_script)
            sb_addf(&line, "%s: line %d: %s\n", sh->errname, ps->err_line,
                    m.buf);
        else
            sb_addf(&line, "%s: -c: line %d: %s\n", sh->errname, ps->err_line,
                    m.buf);
        if (second.len) {
            if (sh->is_script)
                sb_addf(&line, "%s: line %d: %s\n", sh->errname, ps->err_line,
                        second.buf);
            else
                sb_addf(&line, "%s: -c: line %d: %s\n", sh->errname,
                        ps->err_line, second.buf);
        }
    } else if (sh->fl == SH_DASH) {
        sb_addf(&line, "%s: %d: %s\n", sh->errname, ps->err_line, m.buf);
    } else {
        if (sh->is_script)
            sb_addf(&line, "%s: line %d: %s\n", sh->errname, ps->err_line,
                    m.buf);
        else
            sb_addf(&line, "%s: %s\n", sh->errname, m.buf);
    }
    proc_write(ns, p, 2, line.buf, line.len);
    sb_release(&line);
    sb_release(&m);
    sb_release(&second);
    pns_explain(ns, "sh.syntax-error",
                "The shell could not parse the command (a syntax error): it "
                "prints its own message and exits with status 2 before "
                "running anything after the error.");
    return 2;
}

/* Unwind for break/continue/return after a builtin set them. */
static void unwind(struct pns *ns, struct proc *p)
{
    struct sh *sh = p->sh;
    if (sh->returning) {
        sh->returning = false;
        int st = sh->status;
        /* pop to the innermost function or . frame */
        while (sh->n_frames > 0) {
            enum frame_kind k = sh->frames[sh->n_frames - 1].kind;
            pop_frame(sh, p);
            if (k == FR_FUNC || k == FR_DOT)
                break;
        }
        sh->status = st;
        return;
    }
    int n = sh->break_n ? sh->break_n : sh->continue_n;
    bool brk = sh->break_n != 0;
    sh->break_n = sh->continue_n = 0;
    while (n-- > 0 && sh->n_loops > 0) {
        struct sloop *l = &sh->loops[sh->n_loops - 1];
        /* leave frames (eval) opened inside the loop */
        while (sh->n_frames > l->n_frames)
            pop_frame(sh, p);
        pop_cases_to(sh, l->n_cases);
        pop_redir_to(sh, p, l->n_redir);
        sh->cond_depth = l->cond_depth;
        if (n == 0) {
            if (brk) {
                sh->pc = l->brk;
            } else {
                sh->pc = l->cont;
            }
            return;
        }
        strv_free(l->items, l->n_items);
        sh->n_loops--;
    }
    (void)ns;
}

static int finish(struct pns *ns, struct proc *p, int status);

int sh_step(struct pns *ns, struct proc *p)
{
    struct sh *sh = p->sh;
    if (sh->w.kind != SW_NONE && resume_wait(ns, p))
        return PROG_BLOCK;
    if (sh->debt_ms > 0 && sh->w.kind == SW_NONE) {
        p->wake_ms = ns->now_ms + sh->debt_ms;
        sh->debt_ms = 0;
        sh->w.kind = SW_DEBT;
        p->state = P_SLEEP;
        return PROG_BLOCK;
    }
    for (;;) {
        if (++ns->steps > PNS_STEP_BUDGET) {
            p->state = P_BUSY;
            pns_explain(ns, "userland.step-budget",
                        "A shell loop ran for %d steps without waiting for "
                        "anything (an endless loop?). docksim stopped "
                        "simulating it there; as far as Docker is concerned "
                        "the process keeps running.",
                        PNS_STEP_BUDGET);
            return PROG_BLOCK;
        }
        if (sh->exiting) {
            if (sh->traps[0] && sh->traps[0][0] && !sh->in_exit_trap) {
                sh->in_exit_trap = true;
                const char *action = sh->traps[0];
                struct scode *c = scode_new(action, strlen(action), sh->lineno,
                                            sh->fl);
                int start = scode_compile_all(c, OP_RET);
                if (start >= 0) {
                    /* run it as a frame; `exiting` stays set */
                    sh->exiting = false;
                    int keep = sh->exit_status;
                    sh->status = keep;
                    if (!sh->code) {
                        sh->code = scode_new("", 0, 1, sh->fl);
                        scode_compile_all(sh->code, OP_END);
                        sh->pc = 0;
                    }
                    sh->pc++;
                    struct sframe *f = push_frame(sh, FR_TRAP);
                    f->ret_pc = -1; /* marks the exit trap */
                    f->saved_status = keep;
                    sh->trap_depth++;
                    sh->code = c;
                    sh->pc = start;
                    continue;
                }
                scode_unref(c);
            }
            return finish(ns, p, sh->exit_status);
        }
        int sig = trap_pending(p);
        if (sig && sh->trap_depth == 0) {
            run_trap(ns, p, sig);
            continue;
        }
        const struct ins *in = &sh->code->ins[sh->pc];
        switch (in->op) {
        case OP_NOP:
            sh->pc++;
            break;
        case OP_PARSE_NEXT: {
            struct snode *n = sp_next(&sh->code->ps);
            if (!n) {
                if (sh->code->ps.err != SPE_NONE) {
                    sh->status = syntax_error(ns, p, &sh->code->ps);
                    sh->exiting = true;
                    sh->exit_status = sh->status;
                    break;
                }
                sh->exiting = true;
                sh->exit_status = sh->status;
                break;
            }
            if (sh->o_verbose) {
                (void)0;
            }
            int start = scode_compile(sh->code, n, OP_PARSE_NEXT);
            sh->pc = start;
            break;
        }
        case OP_CMD: {
            if (sh->o_noexec) {
                sh->pc++;
                break;
            }
            enum cmd_result r = run_simple(ns, p, in);
            switch (r) {
            case CR_DONE:
                sh->pc++;
                if (sh->break_n || sh->continue_n || sh->returning)
                    unwind(ns, p);
                break;
            case CR_JUMPED:
                break;
            case CR_BLOCK:
                sh->pc++;
                if (resume_wait(ns, p))
                    return PROG_BLOCK;
                break;
            case CR_EXEC:
                return PROG_EXEC;
            case CR_FATAL:
                break;
            }
            if (sh->debt_ms > 0 && sh->w.kind == SW_NONE && !sh->exiting) {
                p->wake_ms = ns->now_ms + sh->debt_ms;
                sh->debt_ms = 0;
                sh->w.kind = SW_DEBT;
                p->state = P_SLEEP;
                return PROG_BLOCK;
            }
            break;
        }
        case OP_PIPE:
            if (is_c_shell_pid1(ns, p, sh))
                pns_explain(ns, "sh.pipeline-keeps-parent",
                            "A pipeline runs each of its commands in a child "
                            "process of the shell: the shell stays PID 1 and "
                            "waits for them all (no shell execs a pipeline).");
            run_pipe(ns, p, in);
            sh->pc++;
            if (resume_wait(ns, p))
                return PROG_BLOCK;
            break;
        case OP_SUBSHELL: {
            struct proc *q = fork_shell(ns, p, sh->code, in->a);
            int *pids = xcalloc(1, sizeof(int));
            pids[0] = q->pid;
            wait_for(sh, SW_FG, pids, 1);
            sh->pc++;
            if (resume_wait(ns, p))
                return PROG_BLOCK;
            break;
        }
        case OP_BG: {
            struct proc *q = fork_shell(ns, p, sh->code, in->a);
            /* an asynchronous list reads /dev/null */
            struct ofile *nul = ofile_new(OF_NULL);
            nul->readable = true;
            proc_setfd(q, 0, nul);
            ofile_unref(nul);
            sh->last_bg = q->pid;
            sh->status = 0;
            sh->pc++;
            break;
        }
        case OP_PUSH_REDIR:
            save_fd(sh, p, 0, true);
            if (apply_redirs(ns, p, in->n->redirs) < 0) {
                /* skip the compound command */
                size_t k = sh->n_redir;
                while (k > 0 && !sh->redir[k - 1].marker)
                    k--;
                pop_redir_to(sh, p, k > 0 ? k - 1 : 0);
                sh->status = 1;
                int depth = 0;
                int i = sh->pc + 1;
                for (; i < (int)sh->code->n_ins; i++) {
                    if (sh->code->ins[i].op == OP_PUSH_REDIR)
                        depth++;
                    if (sh->code->ins[i].op == OP_POP_REDIR && depth-- == 0)
                        break;
                }
                sh->pc = i + 1;
                break;
            }
            sh->pc++;
            break;
        case OP_POP_REDIR: {
            size_t k = sh->n_redir;
            while (k > 0 && !sh->redir[k - 1].marker)
                k--;
            pop_redir_to(sh, p, k > 0 ? k - 1 : 0);
            sh->pc++;
            break;
        }
        case OP_JMP:
            sh->pc = in->a;
            break;
        case OP_JZ:
            sh->pc = sh->status == 0 ? in->a : sh->pc + 1;
            break;
        case OP_JNZ:
            sh->pc = sh->status != 0 ? in->a : sh->pc + 1;
            break;
        case OP_NOT:
            sh->status = !sh->status;
            sh->pc++;
            break;
        case OP_STATUS0:
            sh->status = 0;
            sh->pc++;
            break;
        case OP_ERRCHK:
            sh->pc++;
            if (sh->o_errexit && sh->status != 0 && sh->cond_depth == 0) {
                sh->exiting = true;
                sh->exit_status = sh->status;
                pns_explain(ns, "sh.errexit",
                            "`set -e` is on and a command failed (status %d), "
                            "so the shell stops there with that status.",
                            sh->status);
            }
            break;
        case OP_COND_BEGIN:
            sh->cond_depth++;
            sh->pc++;
            break;
        case OP_COND_END:
            if (sh->cond_depth > 0)
                sh->cond_depth--;
            sh->pc++;
            break;
        case OP_LOOP_BEGIN: {
            struct sloop *l = push_loop(sh);
            l->brk = in->a;
            l->cont = in->b;
            sh->status = 0;
            sh->pc++;
            break;
        }
        case OP_LOOP_STATUS:
            if (sh->n_loops)
                sh->loops[sh->n_loops - 1].status = sh->status;
            sh->pc++;
            break;
        case OP_LOOP_END: {
            int st = 0;
            if (sh->n_loops) {
                st = sh->loops[sh->n_loops - 1].status;
                pop_loops_to(sh, sh->n_loops - 1);
            }
            sh->status = st;
            sh->pc++;
            break;
        }
        case OP_FOR_INIT: {
            const struct snode *n = in->n;
            sh->lineno = n->line;
            struct strlist items;
            strlist_init(&items);
            strlist_set_empty(&items);
            if (n->for_in) {
                bool bad = false;
                for (size_t i = 0; i < n->n_words; i++)
                    if (sx_fields(ns, p, n->words[i], &items) < 0) {
                        bad = true;
                        break;
                    }
                if (bad) {
                    strlist_release(&items);
                    sh->exiting = true;
                    sh->exit_status = 2;
                    break;
                }
            } else {
                for (size_t i = 0; i < sh->n_params; i++)
                    strlist_push(&items, sh->params[i]);
            }
            struct sloop *l = push_loop(sh);
            l->brk = in->a;
            l->cont = in->b;
            l->items = items.v;
            l->n_items = items.n;
            l->var = n->name;
            sh->status = 0;
            sh->pc++;
            break;
        }
        case OP_FOR_NEXT: {
            struct sloop *l = &sh->loops[sh->n_loops - 1];
            if (l->next >= l->n_items) {
                sh->pc = in->a;
                break;
            }
            if (shv_set(ns, p, l->var, l->items[l->next++]) < 0) {
                sh->exiting = true;
                sh->exit_status = 2;
                break;
            }
            sh->pc++;
            break;
        }
        case OP_CASE_INIT: {
            const struct snode *n = in->n;
            sh->lineno = n->line;
            struct sb subj = SB_INIT;
            if (sx_string(ns, p, n->words[0], &subj) < 0) {
                sb_release(&subj);
                sh->exiting = true;
                sh->exit_status = 2;
                break;
            }
            if (sh->n_cases == sh->cap_cases) {
                sh->cap_cases = sh->cap_cases ? sh->cap_cases * 2 : 8;
                sh->cases = xreallocarray(sh->cases, sh->cap_cases,
                                          sizeof(*sh->cases));
            }
            sh->cases[sh->n_cases++] = sb_detach(&subj, NULL);
            sh->pc++;
            break;
        }
        case OP_CASE_TEST: {
            const struct scase *cs = in->cs;
            const char *subj = sh->cases[sh->n_cases - 1];
            bool m = false;
            for (size_t i = 0; i < cs->n_pats && !m; i++) {
                struct sb pat = SB_INIT;
                if (sx_pattern(ns, p, cs->pats[i], &pat) == 0)
                    m = sh_pattern_match(pat.buf, subj);
                sb_release(&pat);
            }
            sh->pc = m ? sh->pc + 1 : in->a;
            break;
        }
        case OP_CASE_END:
            pop_cases_to(sh, sh->n_cases - 1);
            sh->pc++;
            break;
        case OP_DEFUN: {
            const struct snode *n = in->n;
            struct sfunc *f = find_func(sh, n->name);
            if (!f) {
                sh->funcs = xreallocarray(sh->funcs, sh->n_funcs + 1,
                                          sizeof(*sh->funcs));
                f = &sh->funcs[sh->n_funcs++];
                f->name = xstrdup(n->name);
            } else {
                scode_unref(f->code);
            }
            f->code = scode_ref(sh->code);
            f->start = in->a;
            sh->status = 0;
            sh->pc++;
            break;
        }
        case OP_DBRACKET: {
            const struct snode *n = in->n;
            sh->lineno = n->line;
            struct sb err = SB_INIT, pre = SB_INIT;
            sh_err_prefix(sh, &pre);
            sh->status = sh_dbracket(ns, p, n->words, n->n_words, &err,
                                     pre.buf);
            proc_write(ns, p, 2, err.buf, err.len);
            sb_release(&err);
            sb_release(&pre);
            sh->pc++;
            break;
        }
        case OP_ARITH: {
            const struct snode *n = in->n;
            sh->lineno = n->line;
            struct sb ex = SB_INIT;
            long long v = 0;
            if (sx_string(ns, p, n->words[0], &ex) < 0 ||
                sx_arith(ns, p, ex.buf, ex.len, &v) < 0)
                sh->status = 1;
            else
                sh->status = v ? 0 : 1;
            sb_release(&ex);
            sh->pc++;
            break;
        }
        case OP_END:
            sh->exiting = true;
            sh->exit_status = sh->status;
            break;
        case OP_RET: {
            if (sh->n_frames == 0) {
                sh->exiting = true;
                sh->exit_status = sh->status;
                break;
            }
            struct sframe *f = &sh->frames[sh->n_frames - 1];
            if (f->kind == FR_TRAP && f->ret_pc == -1) {
                /* the EXIT trap is done */
                sh->exiting = true;
                if (sh->exit_status == f->saved_status)
                    (void)0;
                return finish(ns, p, sh->exit_status);
            }
            pop_frame(sh, p);
            break;
        }
        }
    }
}

static int finish(struct pns *ns, struct proc *p, int status)
{
    (void)ns;
    (void)p;
    return status & 255;
}

/* ===================================================================== */
/* bash versions by release                                              */
/* ===================================================================== */

const char *sh_bash_version(struct pns *ns)
{
    struct sb os = SB_INIT;
    const char *v = "5.2.37(1)-release";
    if (ufs_read(ns, NULL, "/etc/os-release", &os) == 0) {
        if (strstr(os.buf, "VERSION_CODENAME=bookworm"))
            v = "5.2.15(1)-release";
        else if (strstr(os.buf, "VERSION_CODENAME=noble"))
            v = "5.2.21(1)-release";
        else if (strstr(os.buf, "VERSION_CODENAME=jammy"))
            v = "5.1.16(1)-release";
        else if (strstr(os.buf, "VERSION_CODENAME=resolute"))
            v = "5.3.3(1)-release";
        else if (strstr(os.buf, "ID=\"ol\"") || strstr(os.buf, "platform:el9"))
            v = "5.1.8(1)-release";
        else if (strstr(os.buf, "VERSION_CODENAME=trixie"))
            v = "5.2.37(1)-release";
    }
    sb_release(&os);
    (void)base_name;
    return v;
}
