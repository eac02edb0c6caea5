/*
 * programs.c: which simulated program runs for an executable, shared
 * helpers, and the text and system utilities (GNU coreutils and their
 * BusyBox applets): echo, printf, cat, head, env, id, date, ps ...
 */
#include "programs.h"

#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "prog_impl.h"
#include "sh.h"
#include "sha256.h"
#include "vfs.h"
#include "xmalloc.h"

/* ===================================================================== */
/* Helpers                                                               */
/* ===================================================================== */

const char *pname(const struct proc *p)
{
    const char *a = p->argv.n ? p->argv.v[0] : "?";
    const char *s = strrchr(a, '/');
    return s ? s + 1 : a;
}

bool is_bb(const struct proc *p)
{
    return p->pflavor == PF_BUSYBOX;
}

static void vaddf(struct sb *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n <= 0)
        return;
    size_t at = b->len;
    sb_grow(b, (size_t)n + 1);
    vsnprintf(b->buf + at, (size_t)n + 1, fmt, ap);
    sb_setlen(b, at + (size_t)n);
}

void pout(struct pns *ns, struct proc *p, const char *fmt, ...)
{
    struct sb b = SB_INIT;
    va_list ap;
    va_start(ap, fmt);
    vaddf(&b, fmt, ap);
    va_end(ap);
    proc_write(ns, p, 1, b.buf, b.len);
    sb_release(&b);
}

void perr(struct pns *ns, struct proc *p, const char *fmt, ...)
{
    struct sb b = SB_INIT;
    sb_addf(&b, "%s: ", pname(p));
    va_list ap;
    va_start(ap, fmt);
    vaddf(&b, fmt, ap);
    va_end(ap);
    sb_addch(&b, '\n');
    proc_write(ns, p, 2, b.buf, b.len);
    sb_release(&b);
}

void ptry(struct pns *ns, struct proc *p)
{
    if (!is_bb(p))
        proc_printf(ns, p, 2, "Try '%s --help' for more information.\n",
                    pname(p));
}

bool stdin_wait(struct pns *ns, struct proc *p)
{
    (void)ns;
    struct ofile *f = p->fd[0];
    if (!f)
        return false;
    if ((f->kind == OF_PIPE_R && f->pipe->writers > 0) || f->kind == OF_TTY) {
        p->state = P_WAIT_INPUT;
        p->wait_fd = 0;
        return true;
    }
    return false;
}

void quote_name(const struct proc *p, const char *name, struct sb *out)
{
    if (is_bb(p)) {
        sb_addf(out, "'%s'", name);
        return;
    }
    bool plain = *name != '\0';
    for (const char *c = name; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
              (*c >= '0' && *c <= '9') || strchr("-_./:=@%+,", *c)))
            plain = false;
    if (plain)
        sb_addf(out, "'%s'", name);
    else
        sb_addf(out, "'%s'", name);
}

const char *os_family(struct pns *ns)
{
    if (ns->os_id)
        return ns->os_id;
    struct sb os = SB_INIT;
    const char *fam = "debian";
    if (ufs_read(ns, NULL, "/etc/os-release", &os) == 0) {
        if (strstr(os.buf, "ID=alpine"))
            fam = "alpine";
        else if (strstr(os.buf, "ID=ubuntu"))
            fam = "ubuntu";
        else if (strstr(os.buf, "ID=\"ol\"") || strstr(os.buf, "fedora"))
            fam = "el";
        else if (strstr(os.buf, "ID=debian"))
            fam = "debian";
    } else {
        int err;
        if (ufs_stat(ns, NULL, "/bin/busybox", true, &err))
            fam = "busybox";
        else
            fam = "none";
    }
    sb_release(&os);
    ns->os_id = fam;
    return fam;
}

long long parse_duration(const char *s)
{
    if (strcmp(s, "infinity") == 0 || strcmp(s, "inf") == 0)
        return -2;
    char *end;
    double v = strtod(s, &end);
    if (end == s || v < 0)
        return -1;
    double mult = 1000;
    if (*end == 's')
        end++;
    else if (*end == 'm')
        mult = 60000, end++;
    else if (*end == 'h')
        mult = 3600000, end++;
    else if (*end == 'd')
        mult = 86400000, end++;
    if (*end)
        return -1;
    double ms = v * mult;
    if (ms > 9e15)
        return -2;
    return (long long)ms;
}

int prog_sleep_then(struct pns *ns, struct proc *p, long long ms, int status)
{
    p->after_status = status;
    p->wake_ms = ns->now_ms + ms;
    p->state = P_SLEEP;
    return PROG_BLOCK;
}

int prog_forever(struct pns *ns, struct proc *p)
{
    (void)ns;
    p->state = P_FOREVER;
    return PROG_BLOCK;
}

int prog_exec_argv(struct pns *ns, struct proc *p, char *const *argv,
                   size_t argc, const char *who)
{
    const char *pv = uenv_get(&p->env, "PATH");
    char *path = ufs_which(ns, p, argv[0], pv ? pv : DEFAULT_PATH);
    if (!path) {
        int err;
        const struct vfs_entry *e = strchr(argv[0], '/')
                                        ? ufs_stat(ns, p, argv[0], true, &err)
                                        : NULL;
        if (e) {
            proc_printf(ns, p, 2, "%s: '%s': Permission denied\n", who,
                        argv[0]);
            return 126;
        }
        if (is_bb(p))
            proc_printf(ns, p, 2, "%s: can't execute '%s': No such file or "
                                  "directory\n",
                        who, argv[0]);
        else
            proc_printf(ns, p, 2, "%s: '%s': No such file or directory\n",
                        who, argv[0]);
        return 127;
    }
    int err = proc_exec(ns, p, path, argv, argc);
    free(path);
    if (err) {
        proc_printf(ns, p, 2, "%s: '%s': %s\n", who, argv[0],
                    err == ENOEXEC ? "Exec format error"
                    : err == EACCES ? "Permission denied"
                                    : "No such file or directory");
        return err == EACCES || err == ENOEXEC ? 126 : 127;
    }
    return PROG_EXEC;
}

static struct proc *spawn_child(struct pns *ns, struct proc *p,
                                char *const *argv, size_t argc, int *st)
{
    const char *pv = uenv_get(&p->env, "PATH");
    char *path = ufs_which(ns, p, argv[0], pv ? pv : DEFAULT_PATH);
    if (!path) {
        *st = 127;
        return NULL;
    }
    int err = 0;
    struct proc *c = proc_spawn(ns, p, path, argv, argc, &err);
    free(path);
    if (!c) {
        *st = err == EACCES || err == ENOEXEC ? 126 : 127;
        return NULL;
    }
    return c;
}

int prog_run_sync(struct pns *ns, struct proc *p, char *const *argv,
                  size_t argc)
{
    int st = 0;
    struct proc *c = spawn_child(ns, p, argv, argc, &st);
    if (!c)
        return st;
    long long elapsed = 0;
    int rc = pns_run_sync(ns, c, &elapsed);
    if (rc >= 0) {
        int cpid;
        proc_reap(ns, p, c->pid, &cpid);
    }
    return rc;
}

int prog_spawn_wait(struct pns *ns, struct proc *p, char *const *argv,
                    size_t argc, int *st)
{
    struct proc *c = spawn_child(ns, p, argv, argc, st);
    if (!c)
        return -1;
    p->state = P_WAIT_CHILD;
    p->wait_pid = c->pid;
    return c->pid;
}

int prog_child_status(struct pns *ns, struct proc *p, int pid)
{
    int cpid;
    int st = proc_reap(ns, p, pid, &cpid);
    if (st >= 0)
        return st;
    p->state = P_WAIT_CHILD;
    p->wait_pid = pid;
    return -1;
}

bool parse_mode(const char *spec, unsigned old, bool is_dir, unsigned *out)
{
    if (*spec >= '0' && *spec <= '7') {
        char *end;
        unsigned long v = strtoul(spec, &end, 8);
        if (*end || v > 07777)
            return false;
        *out = (unsigned)v;
        return true;
    }
    unsigned mode = old;
    const char *s = spec;
    while (*s) {
        unsigned who = 0;
        while (strchr("ugoa", *s) && *s) {
            who |= *s == 'u' ? 04700u : *s == 'g' ? 02070u
                 : *s == 'o' ? 01007u : 07777u;
            s++;
        }
        if (!who)
            who = 07777u & ~022u;
        if (!*s || !strchr("+-=", *s))
            return false;
        while (*s && strchr("+-=", *s)) {
            char op = *s++;
            unsigned bits = 0;
            while (*s && strchr("rwxXst", *s)) {
                switch (*s) {
                case 'r': bits |= 0444; break;
                case 'w': bits |= 0222; break;
                case 'x': bits |= 0111; break;
                case 'X':
                    if (is_dir || (old & 0111))
                        bits |= 0111;
                    break;
                case 's': bits |= 06000; break;
                case 't': bits |= 01000; break;
                }
                s++;
            }
            bits &= who;
            if (op == '+')
                mode |= bits;
            else if (op == '-')
                mode &= ~bits;
            else
                mode = (mode & ~who) | bits;
        }
        if (*s == ',')
            s++;
        else if (*s)
            return false;
    }
    *out = mode & 07777;
    return true;
}

/* ===================================================================== */
/* echo and printf                                                       */
/* ===================================================================== */

/* Interpret backslash escapes; returns false at \c (stop output). */
static bool escapes(const char *s, struct sb *out, bool dash_octal)
{
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            sb_addch(out, *s);
            continue;
        }
        s++;
        switch (*s) {
        case 'n': sb_addch(out, '\n'); break;
        case 't': sb_addch(out, '\t'); break;
        case 'r': sb_addch(out, '\r'); break;
        case 'a': sb_addch(out, '\a'); break;
        case 'b': sb_addch(out, '\b'); break;
        case 'f': sb_addch(out, '\f'); break;
        case 'v': sb_addch(out, '\v'); break;
        case 'e': sb_addch(out, 27); break;
        case '\\': sb_addch(out, '\\'); break;
        case 'c':
            return false;
        case '0': {
            int v = 0, k = 0;
            while (k < 3 && s[1] >= '0' && s[1] <= '7') {
                v = v * 8 + (*++s - '0');
                k++;
            }
            sb_addch(out, (char)v);
            break;
        }
        case 'x':
            if (!dash_octal) {
                int v = 0, k = 0;
                while (k < 2 && s[1] && strchr("0123456789abcdefABCDEF", s[1])) {
                    char h = *++s;
                    v = v * 16 + (h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
                    k++;
                }
                if (k) {
                    sb_addch(out, (char)v);
                    break;
                }
            }
            sb_addch(out, '\\');
            sb_addch(out, *s);
            break;
        default:
            if (*s >= '1' && *s <= '7' && dash_octal) {
                int v = *s - '0', k = 1;
                while (k < 3 && s[1] >= '0' && s[1] <= '7') {
                    v = v * 8 + (*++s - '0');
                    k++;
                }
                sb_addch(out, (char)v);
                break;
            }
            sb_addch(out, '\\');
            sb_addch(out, *s);
        }
    }
    return true;
}

void prog_echo(enum echo_style st, char *const *argv, size_t argc,
               struct sb *out)
{
    size_t i = 1;
    bool nl = true, esc = st == ECHO_DASH;
    if (st == ECHO_DASH) {
        /* dash: only -n, and only as the first argument */
        if (i < argc && strcmp(argv[i], "-n") == 0) {
            nl = false;
            i++;
        }
    } else {
        for (; i < argc; i++) {
            const char *a = argv[i];
            if (a[0] != '-' || !a[1] || strspn(a + 1, "neE") != strlen(a + 1))
                break;
            for (const char *f = a + 1; *f; f++) {
                if (*f == 'n')
                    nl = false;
                else if (*f == 'e')
                    esc = true;
                else
                    esc = false;
            }
        }
    }
    for (; i < argc; i++) {
        if (esc) {
            if (!escapes(argv[i], out, st == ECHO_DASH))
                return;
        } else {
            sb_adds(out, argv[i]);
        }
        if (i + 1 < argc)
            sb_addch(out, ' ');
    }
    if (nl)
        sb_addch(out, '\n');
}

/* One printf conversion of arg by spec (like "%-5s"). */
static void printf_conv(const char *spec, size_t slen, char conv,
                        const char *arg, struct sb *out, struct sb *err,
                        const char *prefix, int *rc)
{
    char fmt[64];
    if (slen > 50)
        slen = 50;
    memcpy(fmt, spec, slen);
    switch (conv) {
    case 'd':
    case 'i':
    case 'o':
    case 'u':
    case 'x':
    case 'X':
    case 'c': {
        long long v = 0;
        if (conv == 'c') {
            fmt[slen] = 'c';
            fmt[slen + 1] = '\0';
            char buf[64];
            snprintf(buf, sizeof(buf), fmt, arg[0] ? arg[0] : '\0');
            if (arg[0])
                sb_adds(out, buf);
            return;
        }
        if (arg[0] == '\'' || arg[0] == '"') {
            v = (unsigned char)arg[1];
        } else if (*arg) {
            char *end;
            v = strtoll(arg, &end, 0);
            if (*end) {
                sb_addf(err, "%s%s: invalid number\n", prefix, arg);
                *rc = 1;
            }
        }
        fmt[slen] = 'l';
        fmt[slen + 1] = 'l';
        fmt[slen + 2] = conv;
        fmt[slen + 3] = '\0';
        char buf[128];
        snprintf(buf, sizeof(buf), fmt, v);
        sb_adds(out, buf);
        return;
    }
    case 'f':
    case 'e':
    case 'g':
    case 'E':
    case 'G': {
        double v = *arg ? strtod(arg, NULL) : 0;
        fmt[slen] = conv;
        fmt[slen + 1] = '\0';
        char buf[128];
        snprintf(buf, sizeof(buf), fmt, v);
        sb_adds(out, buf);
        return;
    }
    case 'b': {
        struct sb t = SB_INIT;
        escapes(arg, &t, true);
        fmt[slen] = 's';
        fmt[slen + 1] = '\0';
        int n = snprintf(NULL, 0, fmt, t.buf);
        char *buf = xmalloc((size_t)n + 1);
        snprintf(buf, (size_t)n + 1, fmt, t.buf);
        sb_adds(out, buf);
        free(buf);
        sb_release(&t);
        return;
    }
    default: {
        fmt[slen] = 's';
        fmt[slen + 1] = '\0';
        int n = snprintf(NULL, 0, fmt, arg);
        char *buf = xmalloc((size_t)n + 1);
        snprintf(buf, (size_t)n + 1, fmt, arg);
        sb_adds(out, buf);
        free(buf);
    }
    }
}

int prog_printf(char *const *argv, size_t argc, struct sb *out,
                struct sb *err, const char *prefix)
{
    if (argc < 2) {
        sb_addf(err, "%susage: printf format [arg ...]\n", prefix);
        return 2;
    }
    size_t ai = 2;
    if (strcmp(argv[1], "--") == 0) {
        if (argc < 3)
            return 0;
    }
    const char *format = strcmp(argv[1], "--") == 0 ? argv[2] : argv[1];
    if (strcmp(argv[1], "--") == 0)
        ai = 3;
    int rc = 0;
    do {
        bool used = false;
        for (const char *f = format; *f; f++) {
            if (*f == '\\') {
                char tmp[8] = { 0 };
                size_t k = 0;
                tmp[k++] = *f++;
                if (!*f) {
                    sb_addch(out, '\\');
                    break;
                }
                tmp[k++] = *f;
                if (*f == '0' || (*f >= '1' && *f <= '7')) {
                    int v = *f - '0', n = 1;
                    while (n < 3 && f[1] >= '0' && f[1] <= '7') {
                        v = v * 8 + (*++f - '0');
                        n++;
                    }
                    sb_addch(out, (char)v);
                    continue;
                }
                escapes(tmp, out, false);
                continue;
            }
            if (*f != '%') {
                sb_addch(out, *f);
                continue;
            }
            if (f[1] == '%') {
                sb_addch(out, '%');
                f++;
                continue;
            }
            const char *start = f;
            f++;
            while (*f && strchr("-+ #0", *f))
                f++;
            if (*f == '*') {
                f++;
            } else {
                while (*f >= '0' && *f <= '9')
                    f++;
            }
            if (*f == '.') {
                f++;
                while (*f >= '0' && *f <= '9')
                    f++;
            }
            while (*f && strchr("hlLqjzt", *f))
                f++;
            if (!*f) {
                sb_addf(err, "%s%%: invalid directive\n", prefix);
                return 1;
            }
            char conv = *f;
            if (!strchr("diouxXcsfeEgGb", conv)) {
                sb_addf(err, "%s%%%c: invalid directive\n", prefix, conv);
                return 1;
            }
            const char *arg = ai < argc ? argv[ai] : "";
            if (ai < argc)
                used = true;
            ai++;
            /* strip length modifiers from the spec */
            struct sb spec = SB_INIT;
            for (const char *c = start; c < f; c++)
                if (!strchr("hlLqjzt", *c))
                    sb_addch(&spec, *c);
            printf_conv(spec.buf, spec.len, conv, arg, out, err, prefix, &rc);
            sb_release(&spec);
        }
        if (!used)
            break;
    } while (ai < argc);
    return rc;
}

/* ===================================================================== */
/* Small utilities                                                       */
/* ===================================================================== */

static int p_echo(struct pns *ns, struct proc *p)
{
    struct sb out = SB_INIT;
    prog_echo(is_bb(p) ? ECHO_BUSYBOX : ECHO_GNU, PARGV(p), p->argv.n, &out);
    proc_write(ns, p, 1, out.buf, out.len);
    sb_release(&out);
    return 0;
}

static int p_printf(struct pns *ns, struct proc *p)
{
    struct sb out = SB_INIT, err = SB_INIT;
    int rc = prog_printf(PARGV(p), p->argv.n, &out, &err, "printf: ");
    proc_write(ns, p, 1, out.buf, out.len);
    proc_write(ns, p, 2, err.buf, err.len);
    sb_release(&out);
    sb_release(&err);
    return rc;
}

static int p_true(struct pns *ns, struct proc *p)
{
    (void)ns, (void)p;
    return 0;
}

static int p_false(struct pns *ns, struct proc *p)
{
    (void)ns, (void)p;
    return 1;
}

static int p_sleep(struct pns *ns, struct proc *p)
{
    if (p->phase == 1)
        return p->after_status;
    if (PARGC(p) < 2) {
        perr(ns, p, "missing operand");
        ptry(ns, p);
        return 1;
    }
    long long total = 0;
    for (int i = 1; i < PARGC(p); i++) {
        long long ms = parse_duration(PARGV(p)[i]);
        if (ms == -1) {
            if (is_bb(p))
                perr(ns, p, "invalid number '%s'", PARGV(p)[i]);
            else {
                perr(ns, p, "invalid time interval '%s'", PARGV(p)[i]);
                ptry(ns, p);
            }
            return 1;
        }
        if (ms == -2) {
            total = -2;
            break;
        }
        total += ms;
    }
    p->phase = 1;
    if (total == -2)
        return prog_forever(ns, p);
    return prog_sleep_then(ns, p, total, 0);
}

static int p_usleep(struct pns *ns, struct proc *p)
{
    if (p->phase == 1)
        return 0;
    long long us = PARGC(p) > 1 ? strtoll(PARGV(p)[1], NULL, 10) : 0;
    p->phase = 1;
    return prog_sleep_then(ns, p, us / 1000, 0);
}

/* Read the inputs of a filter (files or stdin) into text. Returns -1 to
 * block, else the number of errors. */
static int read_inputs(struct pns *ns, struct proc *p, char **files,
                       int n, struct sb *text)
{
    bool want_stdin = n == 0;
    for (int i = 0; i < n; i++)
        if (strcmp(files[i], "-") == 0)
            want_stdin = true;
    if (want_stdin && stdin_wait(ns, p))
        return -1;
    int errors = 0;
    if (n == 0) {
        proc_read_all(ns, p, 0, text);
        return 0;
    }
    for (int i = 0; i < n; i++) {
        if (strcmp(files[i], "-") == 0) {
            proc_read_all(ns, p, 0, text);
            continue;
        }
        int err = ufs_read(ns, p, files[i], text);
        if (err) {
            if (is_bb(p)) {
                if (err == EISDIR)
                    perr(ns, p, "read error: Is a directory");
                else
                    perr(ns, p, "can't open '%s': %s", files[i],
                         err == ENOENT ? "No such file or directory"
                         : err == EACCES ? "Permission denied"
                                         : "Not a directory");
            } else {
                perr(ns, p, "%s: %s", files[i],
                     err == ENOENT   ? "No such file or directory"
                     : err == EISDIR ? "Is a directory"
                     : err == EACCES ? "Permission denied"
                                     : "Not a directory");
            }
            errors++;
        }
    }
    return errors;
}

/* Non-option arguments (options start with '-' and are returned in
 * opts as letters). */
static int split_opts(struct proc *p, char **files, struct sb *opts,
                      const char *with_arg, char **optargs)
{
    int n = 0;
    bool end = false;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (!end && strcmp(a, "--") == 0) {
            end = true;
            continue;
        }
        if (!end && a[0] == '-' && a[1] && a[1] != '-') {
            for (char *f = a + 1; *f; f++) {
                sb_addch(opts, *f);
                if (with_arg && strchr(with_arg, *f)) {
                    char *v = f[1] ? f + 1 : i + 1 < PARGC(p) ? PARGV(p)[++i]
                                                              : NULL;
                    if (optargs)
                        optargs[(unsigned char)*f] = v;
                    break;
                }
            }
            continue;
        }
        if (!end && a[0] == '-' && a[1] == '-' && a[2]) {
            /* long options: --lines=N etc. are rare in Dockerfiles */
            sb_addch(opts, '\1');
            continue;
        }
        files[n++] = a;
    }
    return n;
}

static int p_cat(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT, text = SB_INIT;
    int n = split_opts(p, files, &opts, NULL, NULL);
    int rc = read_inputs(ns, p, files, n, &text);
    if (rc < 0) {
        free(files);
        sb_release(&opts);
        sb_release(&text);
        return PROG_BLOCK;
    }
    if (strchr(opts.buf, 'n')) {
        struct sb num = SB_INIT;
        int line = 1;
        const char *s = text.buf;
        while (*s) {
            const char *nl = strchr(s, '\n');
            size_t l = nl ? (size_t)(nl - s) + 1 : strlen(s);
            sb_addf(&num, "%6d\t", line++);
            sb_add(&num, s, l);
            s += l;
        }
        proc_write(ns, p, 1, num.buf, num.len);
        sb_release(&num);
    } else {
        proc_write(ns, p, 1, text.buf, text.len);
    }
    free(files);
    sb_release(&opts);
    sb_release(&text);
    return rc ? 1 : 0;
}

/* Split text into lines (without newlines). */
static size_t lines_of(const char *s, size_t len, struct strlist *out)
{
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t l = nl ? (size_t)(nl - (s + i)) : len - i;
        strlist_pushn(out, s + i, l);
        i += l + 1;
    }
    return out->n;
}

static int p_head_tail(struct pns *ns, struct proc *p)
{
    bool tail = strcmp(pname(p), "tail") == 0;
    long n = 10;
    bool follow = false;
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    int nf = 0;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (strcmp(a, "-n") == 0 && i + 1 < PARGC(p)) {
            n = strtol(PARGV(p)[++i], NULL, 10);
            if (n < 0)
                n = -n;
        } else if (strncmp(a, "-n", 2) == 0) {
            n = strtol(a + 2, NULL, 10);
        } else if (strcmp(a, "-f") == 0 || strcmp(a, "-F") == 0) {
            follow = true;
        } else if (a[0] == '-' && a[1] >= '0' && a[1] <= '9') {
            n = strtol(a + 1, NULL, 10);
        } else if (a[0] == '-' && a[1]) {
            continue;
        } else {
            files[nf++] = a;
        }
    }
    struct sb text = SB_INIT;
    int rc = read_inputs(ns, p, files, nf, &text);
    if (rc < 0) {
        free(files);
        sb_release(&text);
        return PROG_BLOCK;
    }
    struct strlist ls;
    strlist_init(&ls);
    lines_of(text.buf, text.len, &ls);
    size_t from = 0, to = ls.n;
    if (tail)
        from = ls.n > (size_t)n ? ls.n - (size_t)n : 0;
    else
        to = ls.n < (size_t)n ? ls.n : (size_t)n;
    for (size_t i = from; i < to; i++)
        pout(ns, p, "%s\n", ls.v[i]);
    strlist_release(&ls);
    sb_release(&text);
    free(files);
    if (follow && tail)
        return prog_forever(ns, p);
    return rc ? 1 : 0;
}

static int p_wc(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    int nf = split_opts(p, files, &opts, NULL, NULL);
    bool l = strchr(opts.buf, 'l'), w = strchr(opts.buf, 'w'),
         c = strchr(opts.buf, 'c') || strchr(opts.buf, 'm');
    if (!l && !w && !c)
        l = w = c = true;
    int ncounts = l + w + c;
    struct sb text = SB_INIT;
    if (nf == 0 && stdin_wait(ns, p)) {
        free(files);
        sb_release(&opts);
        return PROG_BLOCK;
    }
    int rc = 0;
    int k = 0;
    do {
        sb_reset(&text);
        const char *name = nf ? files[k] : NULL;
        if (name) {
            int err = ufs_read(ns, p, name, &text);
            if (err) {
                perr(ns, p, "%s: %s", name,
                     err == EISDIR ? "Is a directory" : "No such file or directory");
                rc = 1;
                continue;
            }
        } else {
            proc_read_all(ns, p, 0, &text);
        }
        long lines = 0, words = 0;
        bool inw = false;
        for (size_t i = 0; i < text.len; i++) {
            char ch = text.buf[i];
            if (ch == '\n')
                lines++;
            if (ch == ' ' || ch == '\n' || ch == '\t') {
                inw = false;
            } else if (!inw) {
                inw = true;
                words++;
            }
        }
        int width = ncounts == 1 ? 0 : name ? 1 : 7;
        if (ncounts > 1 && name) {
            int d = 1;
            for (size_t v = text.len; v >= 10; v /= 10)
                d++;
            width = d;
        }
        struct sb line = SB_INIT;
        bool first = true;
        if (l) {
            sb_addf(&line, "%*ld", width, lines);
            first = false;
        }
        if (w) {
            sb_addf(&line, "%s%*ld", first ? "" : " ", width, words);
            first = false;
        }
        if (c)
            sb_addf(&line, "%s%*zu", first ? "" : " ", width, text.len);
        if (name)
            sb_addf(&line, " %s", name);
        pout(ns, p, "%s\n", line.buf);
        sb_release(&line);
    } while (++k < nf);
    free(files);
    sb_release(&opts);
    sb_release(&text);
    return rc;
}

static int p_grep(struct pns *ns, struct proc *p)
{
    bool ext = strcmp(pname(p), "egrep") == 0, fixed = strcmp(pname(p), "fgrep") == 0;
    bool icase = false, invert = false, count = false, quiet = false,
         num = false, list = false, word = false, only = false;
    const char *pattern = NULL;
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    int nf = 0;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (a[0] == '-' && a[1] && a[1] != '-') {
            for (char *f = a + 1; *f; f++) {
                switch (*f) {
                case 'E': ext = true; break;
                case 'F': fixed = true; break;
                case 'i': icase = true; break;
                case 'v': invert = true; break;
                case 'c': count = true; break;
                case 'q': quiet = true; break;
                case 'n': num = true; break;
                case 'l': list = true; break;
                case 'w': word = true; break;
                case 'o': only = true; break;
                case 'e':
                    pattern = f[1] ? f + 1 : i + 1 < PARGC(p) ? PARGV(p)[++i] : "";
                    f = (char *)"x";
                    break;
                default: break;
                }
                if (*f == 'x' && f[1] == '\0' && pattern)
                    break;
            }
            continue;
        }
        if (!pattern)
            pattern = a;
        else
            files[nf++] = a;
    }
    (void)word;
    (void)only;
    if (!pattern) {
        if (is_bb(p))
            perr(ns, p, "no pattern");
        else {
            proc_printf(ns, p, 2, "Usage: grep [OPTION]... PATTERNS [FILE]...\n");
            ptry(ns, p);
        }
        free(files);
        return 2;
    }
    regex_t rx;
    if (!fixed && regcomp(&rx, pattern, (ext ? REG_EXTENDED : 0) |
                                            (icase ? REG_ICASE : 0) |
                                            REG_NOSUB) != 0) {
        perr(ns, p, "invalid regular expression");
        free(files);
        return 2;
    }
    if (nf == 0 && stdin_wait(ns, p)) {
        if (!fixed)
            regfree(&rx);
        free(files);
        return PROG_BLOCK;
    }
    int matched = 0, errors = 0, k = 0;
    do {
        struct sb text = SB_INIT;
        const char *name = nf ? files[k] : "(standard input)";
        if (nf) {
            int err = ufs_read(ns, p, files[k], &text);
            if (err) {
                if (!quiet)
                    perr(ns, p, "%s: %s", files[k],
                         err == EISDIR ? "Is a directory"
                                       : "No such file or directory");
                errors++;
                sb_release(&text);
                continue;
            }
        } else {
            proc_read_all(ns, p, 0, &text);
        }
        struct strlist ls;
        strlist_init(&ls);
        lines_of(text.buf, text.len, &ls);
        long c = 0;
        for (size_t i = 0; i < ls.n; i++) {
            bool m;
            if (fixed) {
                if (icase) {
                    struct sb a = SB_INIT, b = SB_INIT;
                    for (const char *x = ls.v[i]; *x; x++)
                        sb_addch(&a, (*x >= 'A' && *x <= 'Z') ? *x + 32 : *x);
                    for (const char *x = pattern; *x; x++)
                        sb_addch(&b, (*x >= 'A' && *x <= 'Z') ? *x + 32 : *x);
                    m = strstr(a.buf, b.buf) != NULL;
                    sb_release(&a);
                    sb_release(&b);
                } else {
                    m = strstr(ls.v[i], pattern) != NULL;
                }
            } else {
                m = regexec(&rx, ls.v[i], 0, NULL, 0) == 0;
            }
            if (m == invert)
                continue;
            c++;
            matched++;
            if (quiet || count || list)
                continue;
            if (nf > 1)
                pout(ns, p, "%s:", name);
            if (num)
                pout(ns, p, "%zu:", i + 1);
            pout(ns, p, "%s\n", ls.v[i]);
        }
        if (count && !quiet) {
            if (nf > 1)
                pout(ns, p, "%s:", name);
            pout(ns, p, "%ld\n", c);
        }
        if (list && c && !quiet)
            pout(ns, p, "%s\n", name);
        strlist_release(&ls);
        sb_release(&text);
    } while (++k < nf);
    if (!fixed)
        regfree(&rx);
    free(files);
    if (errors && !(quiet && matched))
        return 2;
    return matched ? 0 : 1;
}

/* ----- sed (s, d, p, q with line/regex addresses) ------------------- */

struct sed_cmd {
    int addr_line;       /* 0: none, -1: $ */
    regex_t addr_re;
    bool has_re;
    char cmd;            /* s d p q */
    regex_t re;
    char *rep;
    bool global, print;
    int nth;
};

static char *sed_delim_part(const char **s, char delim)
{
    struct sb out = SB_INIT;
    while (**s && **s != delim) {
        if (**s == '\\' && (*s)[1] == delim) {
            sb_addch(&out, delim);
            *s += 2;
            continue;
        }
        if (**s == '\\' && (*s)[1] == 'n') {
            sb_addch(&out, '\n');
            *s += 2;
            continue;
        }
        if (**s == '\\' && (*s)[1]) {
            sb_addch(&out, **s);
            (*s)++;
        }
        sb_addch(&out, **s);
        (*s)++;
    }
    if (**s == delim)
        (*s)++;
    return sb_detach(&out, NULL);
}

static int sed_parse(const char *script, bool ext, struct sed_cmd **cmds,
                     size_t *n)
{
    const char *s = script;
    while (*s) {
        while (*s == ' ' || *s == ';' || *s == '\n' || *s == '\t')
            s++;
        if (!*s)
            break;
        struct sed_cmd c;
        memset(&c, 0, sizeof(c));
        if (*s >= '0' && *s <= '9') {
            c.addr_line = (int)strtol(s, (char **)&s, 10);
        } else if (*s == '$') {
            c.addr_line = -1;
            s++;
        } else if (*s == '/') {
            s++;
            char *re = sed_delim_part(&s, '/');
            if (regcomp(&c.addr_re, re, ext ? REG_EXTENDED : 0) != 0) {
                free(re);
                return -1;
            }
            c.has_re = true;
            free(re);
        }
        c.cmd = *s ? *s++ : 0;
        if (c.cmd == 's') {
            char delim = *s++;
            char *re = sed_delim_part(&s, delim);
            c.rep = sed_delim_part(&s, delim);
            while (*s && strchr("gpI0123456789", *s)) {
                if (*s == 'g')
                    c.global = true;
                else if (*s == 'p')
                    c.print = true;
                else if (*s >= '1' && *s <= '9')
                    c.nth = *s - '0';
                s++;
            }
            if (regcomp(&c.re, re, ext ? REG_EXTENDED : 0) != 0) {
                free(re);
                free(c.rep);
                if (c.has_re)
                    regfree(&c.addr_re);
                return -1;
            }
            free(re);
        } else if (!c.cmd || !strchr("dpq", c.cmd)) {
            if (c.has_re)
                regfree(&c.addr_re);
            return -1;
        }
        *cmds = xreallocarray(*cmds, *n + 1, sizeof(**cmds));
        (*cmds)[(*n)++] = c;
    }
    return 0;
}

static void sed_free(struct sed_cmd *cmds, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (cmds[i].has_re)
            regfree(&cmds[i].addr_re);
        if (cmds[i].cmd == 's') {
            regfree(&cmds[i].re);
            free(cmds[i].rep);
        }
    }
    free(cmds);
}

static void sed_subst(const struct sed_cmd *c, const char *line,
                      struct sb *out, bool *did)
{
    regmatch_t m[10];
    const char *s = line;
    int count = 0;
    *did = false;
    while (*s || s == line) {
        if (regexec(&c->re, s, 10, m, s == line ? 0 : REG_NOTBOL) != 0)
            break;
        count++;
        if (c->nth && count < c->nth) {
            sb_add(out, s, (size_t)m[0].rm_eo);
            s += m[0].rm_eo > 0 ? m[0].rm_eo : 1;
            continue;
        }
        sb_add(out, s, (size_t)m[0].rm_so);
        for (const char *r = c->rep; *r; r++) {
            if (*r == '&') {
                sb_add(out, s + m[0].rm_so, (size_t)(m[0].rm_eo - m[0].rm_so));
            } else if (*r == '\\' && r[1] >= '1' && r[1] <= '9') {
                int g = r[1] - '0';
                if (m[g].rm_so >= 0)
                    sb_add(out, s + m[g].rm_so,
                           (size_t)(m[g].rm_eo - m[g].rm_so));
                r++;
            } else if (*r == '\\' && r[1]) {
                sb_addch(out, *++r);
            } else {
                sb_addch(out, *r);
            }
        }
        *did = true;
        if (m[0].rm_eo == m[0].rm_so) {
            if (!s[m[0].rm_eo]) {
                s += m[0].rm_eo;
                break;
            }
            sb_addch(out, s[m[0].rm_eo]);
            s += m[0].rm_eo + 1;
        } else {
            s += m[0].rm_eo;
        }
        if (!c->global)
            break;
    }
    sb_adds(out, s);
}

static int p_sed(struct pns *ns, struct proc *p)
{
    bool inplace = false, quiet = false, ext = false;
    struct sb script = SB_INIT;
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    int nf = 0;
    bool have_script = false;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (strcmp(a, "-e") == 0 && i + 1 < PARGC(p)) {
            if (script.len)
                sb_addch(&script, '\n');
            sb_adds(&script, PARGV(p)[++i]);
            have_script = true;
        } else if (strncmp(a, "-i", 2) == 0) {
            inplace = true;
        } else if (strcmp(a, "-n") == 0) {
            quiet = true;
        } else if (strcmp(a, "-E") == 0 || strcmp(a, "-r") == 0) {
            ext = true;
        } else if (a[0] == '-' && a[1]) {
            for (char *f = a + 1; *f; f++) {
                if (*f == 'i')
                    inplace = true;
                else if (*f == 'n')
                    quiet = true;
                else if (*f == 'E' || *f == 'r')
                    ext = true;
            }
        } else if (!have_script) {
            sb_adds(&script, a);
            have_script = true;
        } else {
            files[nf++] = a;
        }
    }
    struct sed_cmd *cmds = NULL;
    size_t nc = 0;
    if (!have_script || sed_parse(script.buf, ext, &cmds, &nc) < 0) {
        perr(ns, p, have_script ? "-e expression #1, char 1: unknown command"
                                : "no script specified");
        sed_free(cmds, nc);
        free(files);
        sb_release(&script);
        return 1;
    }
    if (nf == 0 && stdin_wait(ns, p)) {
        sed_free(cmds, nc);
        free(files);
        sb_release(&script);
        return PROG_BLOCK;
    }
    int rc = 0;
    int k = 0;
    do {
        struct sb text = SB_INIT, out = SB_INIT;
        if (nf) {
            int err = ufs_read(ns, p, files[k], &text);
            if (err) {
                perr(ns, p, "can't read %s: No such file or directory",
                     files[k]);
                rc = 2;
                sb_release(&text);
                continue;
            }
        } else {
            proc_read_all(ns, p, 0, &text);
        }
        struct strlist ls;
        strlist_init(&ls);
        lines_of(text.buf, text.len, &ls);
        bool quit = false;
        for (size_t i = 0; i < ls.n && !quit; i++) {
            struct sb cur = SB_INIT;
            sb_adds(&cur, ls.v[i]);
            bool deleted = false;
            for (size_t j = 0; j < nc && !deleted; j++) {
                struct sed_cmd *c = &cmds[j];
                if (c->addr_line > 0 && (size_t)c->addr_line != i + 1)
                    continue;
                if (c->addr_line == -1 && i + 1 != ls.n)
                    continue;
                if (c->has_re && regexec(&c->addr_re, cur.buf, 0, NULL, 0))
                    continue;
                if (c->cmd == 'd') {
                    deleted = true;
                } else if (c->cmd == 'p') {
                    sb_add(&out, cur.buf, cur.len);
                    sb_addch(&out, '\n');
                } else if (c->cmd == 'q') {
                    quit = true;
                } else {
                    struct sb n = SB_INIT;
                    bool did;
                    sed_subst(c, cur.buf, &n, &did);
                    sb_reset(&cur);
                    sb_add(&cur, n.buf, n.len);
                    sb_release(&n);
                    if (did && c->print) {
                        sb_add(&out, cur.buf, cur.len);
                        sb_addch(&out, '\n');
                    }
                }
            }
            if (!deleted && !quiet) {
                sb_add(&out, cur.buf, cur.len);
                sb_addch(&out, '\n');
            }
            sb_release(&cur);
        }
        if (inplace && nf) {
            int err = 0;
            struct ofile *f = proc_open(ns, p, files[k],
                                        UO_WRITE | UO_TRUNC | UO_CREAT, &err);
            if (f) {
                struct ofile *save = ofile_ref(p->fd[1]);
                proc_setfd(p, 1, f);
                proc_write(ns, p, 1, out.buf, out.len);
                proc_setfd(p, 1, save);
                ofile_unref(save);
                ofile_unref(f);
            } else {
                perr(ns, p, "couldn't open file %s: Permission denied",
                     files[k]);
                rc = 4;
            }
        } else {
            proc_write(ns, p, 1, out.buf, out.len);
        }
        strlist_release(&ls);
        sb_release(&text);
        sb_release(&out);
    } while (++k < nf);
    sed_free(cmds, nc);
    free(files);
    sb_release(&script);
    return rc;
}

/* ----- tr, cut, sort, uniq, tee ---------------------------------------- */

static void tr_set(const char *s, struct sb *out)
{
    while (*s) {
        if (strncmp(s, "[:lower:]", 9) == 0) {
            sb_adds(out, "abcdefghijklmnopqrstuvwxyz");
            s += 9;
        } else if (strncmp(s, "[:upper:]", 9) == 0) {
            sb_adds(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
            s += 9;
        } else if (strncmp(s, "[:digit:]", 9) == 0) {
            sb_adds(out, "0123456789");
            s += 9;
        } else if (strncmp(s, "[:space:]", 9) == 0) {
            sb_adds(out, " \t\n\r\f\v");
            s += 9;
        } else if (strncmp(s, "[:alpha:]", 9) == 0) {
            sb_adds(out, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
            s += 9;
        } else if (strncmp(s, "[:alnum:]", 9) == 0) {
            sb_adds(out, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                         "0123456789");
            s += 9;
        } else if (s[0] == '\\' && s[1]) {
            char c = s[1];
            sb_addch(out, c == 'n' ? '\n' : c == 't' ? '\t' : c == '0' ? '\0'
                          : c == 'r' ? '\r' : c);
            s += 2;
        } else if (s[1] == '-' && s[2]) {
            for (int c = (unsigned char)s[0]; c <= (unsigned char)s[2]; c++)
                sb_addch(out, (char)c);
            s += 3;
        } else {
            sb_addch(out, *s++);
        }
    }
}

static int p_tr(struct pns *ns, struct proc *p)
{
    bool del = false, squeeze = false;
    const char *s1 = NULL, *s2 = NULL;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (a[0] == '-' && a[1] && !s1) {
            del = del || strchr(a, 'd');
            squeeze = squeeze || strchr(a, 's');
        } else if (!s1) {
            s1 = a;
        } else if (!s2) {
            s2 = a;
        }
    }
    if (!s1) {
        perr(ns, p, "missing operand");
        ptry(ns, p);
        return 1;
    }
    if (stdin_wait(ns, p))
        return PROG_BLOCK;
    struct sb a = SB_INIT, b = SB_INIT, in = SB_INIT, out = SB_INIT;
    tr_set(s1, &a);
    if (s2)
        tr_set(s2, &b);
    proc_read_all(ns, p, 0, &in);
    char last = 0;
    bool have_last = false;
    for (size_t i = 0; i < in.len; i++) {
        char c = in.buf[i];
        const char *pos = memchr(a.buf, c, a.len);
        if (pos && del)
            continue;
        if (pos && b.len) {
            size_t k = (size_t)(pos - a.buf);
            c = b.buf[k < b.len ? k : b.len - 1];
        }
        if (squeeze && have_last && c == last &&
            memchr(b.len ? b.buf : a.buf, c, b.len ? b.len : a.len))
            continue;
        sb_addch(&out, c);
        last = c;
        have_last = true;
    }
    proc_write(ns, p, 1, out.buf, out.len);
    sb_release(&a);
    sb_release(&b);
    sb_release(&in);
    sb_release(&out);
    return 0;
}

static bool in_list(const char *list, long k)
{
    const char *s = list;
    while (*s) {
        long a = 0, b = 0;
        char *end;
        if (*s == '-') {
            a = 1;
            b = strtol(s + 1, &end, 10);
        } else {
            a = strtol(s, &end, 10);
            b = a;
            if (*end == '-') {
                s = end + 1;
                b = *s >= '0' && *s <= '9' ? strtol(s, &end, 10) : LONG_MAX;
                if (!(*s >= '0' && *s <= '9'))
                    end = (char *)s;
            }
        }
        if (k >= a && k <= b)
            return true;
        s = end;
        if (*s == ',')
            s++;
        else if (*s)
            return false;
    }
    return false;
}

static int p_cut(struct pns *ns, struct proc *p)
{
    char *optargs[256] = { 0 };
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    int nf = split_opts(p, files, &opts, "dfc", optargs);
    const char *delim = optargs['d'] ? optargs['d'] : "\t";
    const char *fields = optargs['f'], *chars = optargs['c'];
    if (!fields && !chars) {
        perr(ns, p, "you must specify a list of bytes, characters, or fields");
        ptry(ns, p);
        free(files);
        sb_release(&opts);
        return 1;
    }
    struct sb text = SB_INIT;
    int rc = read_inputs(ns, p, files, nf, &text);
    if (rc < 0) {
        free(files);
        sb_release(&opts);
        sb_release(&text);
        return PROG_BLOCK;
    }
    struct strlist ls;
    strlist_init(&ls);
    lines_of(text.buf, text.len, &ls);
    for (size_t i = 0; i < ls.n; i++) {
        struct sb o = SB_INIT;
        const char *line = ls.v[i];
        if (chars) {
            for (long k = 0; line[k]; k++)
                if (in_list(chars, k + 1))
                    sb_addch(&o, line[k]);
        } else if (!strchr(line, delim[0])) {
            sb_adds(&o, line);
        } else {
            long k = 1;
            bool first = true;
            const char *s = line;
            for (;;) {
                const char *d = strchr(s, delim[0]);
                size_t l = d ? (size_t)(d - s) : strlen(s);
                if (in_list(fields, k)) {
                    if (!first)
                        sb_addch(&o, delim[0]);
                    sb_add(&o, s, l);
                    first = false;
                }
                if (!d)
                    break;
                s = d + 1;
                k++;
            }
        }
        pout(ns, p, "%s\n", o.buf);
        sb_release(&o);
    }
    strlist_release(&ls);
    free(files);
    sb_release(&opts);
    sb_release(&text);
    return rc ? 1 : 0;
}

static bool sort_numeric, sort_reverse, sort_version;

static int vcmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
            char *ea, *eb;
            long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);
            if (x != y)
                return x < y ? -1 : 1;
            a = ea;
            b = eb;
            continue;
        }
        if (*a != *b)
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        a++;
        b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}

static int sort_cmp(const void *x, const void *y)
{
    const char *a = *(char *const *)x, *b = *(char *const *)y;
    int c;
    if (sort_numeric) {
        double u = strtod(a, NULL), v = strtod(b, NULL);
        c = u < v ? -1 : u > v ? 1 : strcmp(a, b);
    } else if (sort_version) {
        c = vcmp(a, b);
    } else {
        c = strcmp(a, b);
    }
    return sort_reverse ? -c : c;
}

static int p_sort(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    char *optargs[256] = { 0 };
    int nf = split_opts(p, files, &opts, "kto", optargs);
    struct sb text = SB_INIT;
    int rc = read_inputs(ns, p, files, nf, &text);
    if (rc < 0) {
        free(files);
        sb_release(&opts);
        sb_release(&text);
        return PROG_BLOCK;
    }
    struct strlist ls;
    strlist_init(&ls);
    lines_of(text.buf, text.len, &ls);
    sort_numeric = strchr(opts.buf, 'n') != NULL;
    sort_reverse = strchr(opts.buf, 'r') != NULL;
    sort_version = strchr(opts.buf, 'V') != NULL;
    if (ls.n)
        qsort(ls.v, ls.n, sizeof(*ls.v), sort_cmp);
    bool uniq = strchr(opts.buf, 'u') != NULL;
    for (size_t i = 0; i < ls.n; i++) {
        if (uniq && i && strcmp(ls.v[i], ls.v[i - 1]) == 0)
            continue;
        pout(ns, p, "%s\n", ls.v[i]);
    }
    strlist_release(&ls);
    free(files);
    sb_release(&opts);
    sb_release(&text);
    return rc ? 2 : 0;
}

static int p_uniq(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    int nf = split_opts(p, files, &opts, NULL, NULL);
    struct sb text = SB_INIT;
    int rc = read_inputs(ns, p, files, nf > 0 ? 1 : 0, &text);
    if (rc < 0) {
        free(files);
        sb_release(&opts);
        sb_release(&text);
        return PROG_BLOCK;
    }
    struct strlist ls;
    strlist_init(&ls);
    lines_of(text.buf, text.len, &ls);
    bool count = strchr(opts.buf, 'c'), dups = strchr(opts.buf, 'd');
    for (size_t i = 0; i < ls.n;) {
        size_t j = i;
        while (j < ls.n && strcmp(ls.v[j], ls.v[i]) == 0)
            j++;
        if (!dups || j - i > 1) {
            if (count)
                pout(ns, p, "%7zu %s\n", j - i, ls.v[i]);
            else
                pout(ns, p, "%s\n", ls.v[i]);
        }
        i = j;
    }
    strlist_release(&ls);
    free(files);
    sb_release(&opts);
    sb_release(&text);
    return rc ? 1 : 0;
}

static int p_tee(struct pns *ns, struct proc *p)
{
    if (stdin_wait(ns, p))
        return PROG_BLOCK;
    bool append = false;
    struct sb in = SB_INIT;
    proc_read_all(ns, p, 0, &in);
    proc_write(ns, p, 1, in.buf, in.len);
    int rc = 0;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (strcmp(a, "-a") == 0) {
            append = true;
            continue;
        }
        if (a[0] == '-' && a[1])
            continue;
        int err = 0;
        struct ofile *f = proc_open(ns, p, a, UO_WRITE | UO_CREAT |
                                                  (append ? UO_APPEND : UO_TRUNC),
                                    &err);
        if (!f) {
            perr(ns, p, "%s: %s", a,
                 err == EACCES ? "Permission denied"
                 : err == EROFS ? "Read-only file system"
                                : "No such file or directory");
            rc = 1;
            continue;
        }
        struct ofile *save = ofile_ref(p->fd[1]);
        proc_setfd(p, 1, f);
        proc_write(ns, p, 1, in.buf, in.len);
        proc_setfd(p, 1, save);
        ofile_unref(save);
        ofile_unref(f);
    }
    sb_release(&in);
    return rc;
}

static int p_basename(struct pns *ns, struct proc *p)
{
    if (PARGC(p) < 2) {
        perr(ns, p, "missing operand");
        ptry(ns, p);
        return 1;
    }
    struct sb s = SB_INIT;
    sb_adds(&s, PARGV(p)[1]);
    while (s.len > 1 && s.buf[s.len - 1] == '/')
        sb_setlen(&s, s.len - 1);
    const char *b = strrchr(s.buf, '/');
    const char *base = b && s.len > 1 ? b + 1 : s.buf;
    struct sb r = SB_INIT;
    sb_adds(&r, base);
    if (PARGC(p) > 2) {
        size_t sl = strlen(PARGV(p)[2]);
        if (r.len > sl && strcmp(r.buf + r.len - sl, PARGV(p)[2]) == 0)
            sb_setlen(&r, r.len - sl);
    }
    pout(ns, p, "%s\n", r.buf);
    sb_release(&s);
    sb_release(&r);
    return 0;
}

static int p_dirname(struct pns *ns, struct proc *p)
{
    if (PARGC(p) < 2) {
        perr(ns, p, "missing operand");
        ptry(ns, p);
        return 1;
    }
    struct sb s = SB_INIT;
    sb_adds(&s, PARGV(p)[1]);
    while (s.len > 1 && s.buf[s.len - 1] == '/')
        sb_setlen(&s, s.len - 1);
    char *b = strrchr(s.buf, '/');
    if (!b)
        pout(ns, p, ".\n");
    else {
        while (b > s.buf && b[-1] == '/')
            b--;
        if (b == s.buf)
            pout(ns, p, "/\n");
        else
            pout(ns, p, "%.*s\n", (int)(b - s.buf), s.buf);
    }
    sb_release(&s);
    return 0;
}

static int p_seq(struct pns *ns, struct proc *p)
{
    double first = 1, inc = 1, last;
    int n = PARGC(p) - 1;
    if (n < 1) {
        perr(ns, p, "missing operand");
        ptry(ns, p);
        return 1;
    }
    char **a = PARGV(p) + 1;
    if (n == 1)
        last = strtod(a[0], NULL);
    else if (n == 2)
        first = strtod(a[0], NULL), last = strtod(a[1], NULL);
    else
        first = strtod(a[0], NULL), inc = strtod(a[1], NULL),
        last = strtod(a[2], NULL);
    if (inc == 0)
        return 1;
    long k = 0;
    for (double v = first; inc > 0 ? v <= last : v >= last; v += inc) {
        if (v == (long long)v)
            pout(ns, p, "%lld\n", (long long)v);
        else
            pout(ns, p, "%g\n", v);
        if (++k > 100000)
            break;
    }
    return 0;
}

static int p_yes(struct pns *ns, struct proc *p)
{
    const char *w = PARGC(p) > 1 ? PARGV(p)[1] : "y";
    struct sb out = SB_INIT;
    while (out.len < 64 * 1024) {
        sb_adds(&out, w);
        sb_addch(&out, '\n');
    }
    int r = proc_write(ns, p, 1, out.buf, out.len);
    sb_release(&out);
    if (p->fd[1] && p->fd[1]->kind == OF_PIPE_W)
        return 128 + 13; /* the reader stops reading: SIGPIPE */
    (void)r;
    p->state = P_BUSY;
    return PROG_BLOCK;
}

static int p_rev_tac(struct pns *ns, struct proc *p)
{
    bool tac = strcmp(pname(p), "tac") == 0;
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT, text = SB_INIT;
    int nf = split_opts(p, files, &opts, NULL, NULL);
    int rc = read_inputs(ns, p, files, nf, &text);
    if (rc < 0) {
        free(files);
        sb_release(&opts);
        sb_release(&text);
        return PROG_BLOCK;
    }
    struct strlist ls;
    strlist_init(&ls);
    lines_of(text.buf, text.len, &ls);
    for (size_t i = 0; i < ls.n; i++) {
        if (tac) {
            pout(ns, p, "%s\n", ls.v[ls.n - 1 - i]);
        } else {
            size_t l = strlen(ls.v[i]);
            struct sb r = SB_INIT;
            for (size_t k = l; k-- > 0;)
                sb_addch(&r, ls.v[i][k]);
            pout(ns, p, "%s\n", r.buf);
            sb_release(&r);
        }
    }
    strlist_release(&ls);
    free(files);
    sb_release(&opts);
    sb_release(&text);
    return rc ? 1 : 0;
}

static int p_expr(struct pns *ns, struct proc *p)
{
    int n = PARGC(p) - 1;
    char **a = PARGV(p) + 1;
    struct sb out = SB_INIT;
    if (n == 3 && strlen(a[1]) <= 2 && strchr("+-*/%<>=!", a[1][0])) {
        char *e1, *e2;
        long long x = strtoll(a[0], &e1, 10), y = strtoll(a[2], &e2, 10);
        bool num = !*e1 && !*e2;
        const char *op = a[1];
        long long r = 0;
        if (strcmp(op, "+") == 0 || strcmp(op, "-") == 0 ||
            strcmp(op, "*") == 0 || strcmp(op, "/") == 0 ||
            strcmp(op, "%") == 0) {
            if (!num) {
                perr(ns, p, "non-integer argument");
                return 2;
            }
            if ((op[0] == '/' || op[0] == '%') && y == 0) {
                perr(ns, p, "division by zero");
                return 2;
            }
            r = op[0] == '+' ? x + y : op[0] == '-' ? x - y : op[0] == '*'
                ? x * y : op[0] == '/' ? x / y : x % y;
        } else {
            int c = num ? (x < y ? -1 : x > y) : strcmp(a[0], a[2]);
            r = strcmp(op, "=") == 0    ? c == 0
                : strcmp(op, "!=") == 0 ? c != 0
                : strcmp(op, "<") == 0  ? c < 0
                : strcmp(op, "<=") == 0 ? c <= 0
                : strcmp(op, ">") == 0  ? c > 0
                                        : c >= 0;
        }
        sb_addf(&out, "%lld", r);
    } else if (n == 2 && strcmp(a[0], "length") == 0) {
        sb_addf(&out, "%zu", strlen(a[1]));
    } else if (n == 1) {
        sb_adds(&out, a[0]);
    } else {
        perr(ns, p, "syntax error");
        return 2;
    }
    pout(ns, p, "%s\n", out.buf);
    int rc = strcmp(out.buf, "0") == 0 || out.len == 0 ? 1 : 0;
    sb_release(&out);
    return rc;
}

/* ===================================================================== */
/* Environment, identity, time                                           */
/* ===================================================================== */

static int p_env(struct pns *ns, struct proc *p)
{
    int i = 1;
    bool clear = false;
    for (; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (strcmp(a, "-i") == 0 || strcmp(a, "-") == 0) {
            clear = true;
        } else if (strcmp(a, "-u") == 0 && i + 1 < PARGC(p)) {
            uenv_unset(&p->env, PARGV(p)[++i]);
        } else if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else {
            break;
        }
    }
    if (clear) {
        strlist_release(&p->env);
        strlist_set_empty(&p->env);
    }
    for (; i < PARGC(p) && strchr(PARGV(p)[i], '='); i++) {
        char *eq = strchr(PARGV(p)[i], '=');
        char *name = xmemdup0(PARGV(p)[i], (size_t)(eq - PARGV(p)[i]));
        uenv_set(&p->env, name, eq + 1);
        free(name);
    }
    if (i >= PARGC(p)) {
        for (size_t k = 0; k < p->env.n; k++)
            pout(ns, p, "%s\n", p->env.v[k]);
        return 0;
    }
    return prog_exec_argv(ns, p, PARGV(p) + i, (size_t)(PARGC(p) - i), "env");
}

static int p_printenv(struct pns *ns, struct proc *p)
{
    if (PARGC(p) < 2) {
        for (size_t k = 0; k < p->env.n; k++)
            pout(ns, p, "%s\n", p->env.v[k]);
        return 0;
    }
    int rc = 0;
    for (int i = 1; i < PARGC(p); i++) {
        const char *v = uenv_get(&p->env, PARGV(p)[i]);
        if (v)
            pout(ns, p, "%s\n", v);
        else
            rc = 1;
    }
    return rc;
}

static int p_pwd(struct pns *ns, struct proc *p)
{
    const char *pwd = uenv_get(&p->env, "PWD");
    pout(ns, p, "%s\n", pwd && strcmp(pwd, p->cwd) == 0 ? pwd : p->cwd);
    return 0;
}

static int p_id(struct pns *ns, struct proc *p)
{
    bool u = false, g = false, G = false, name = false;
    const char *who = NULL;
    for (int i = 1; i < PARGC(p); i++) {
        char *a = PARGV(p)[i];
        if (a[0] == '-') {
            u = u || strchr(a, 'u');
            g = g || strchr(a, 'g');
            G = G || strchr(a, 'G');
            name = name || strchr(a, 'n');
        } else {
            who = a;
        }
    }
    unsigned uid = p->uid, gid = p->gid;
    unsigned *groups = p->groups;
    size_t ng = p->n_groups;
    unsigned *own = NULL;
    if (who) {
        char *home = NULL, *shell = NULL;
        if (!ufs_user_lookup(ns, who, &uid, &gid, &home, &shell)) {
            perr(ns, p, is_bb(p) ? "unknown user %s" : "'%s': no such user",
                 who);
            return 1;
        }
        free(home);
        free(shell);
        ufs_user_groups(ns, who, gid, &own, &ng);
        groups = own;
    }
    char *un = ufs_user_name(ns, uid), *gn = ufs_group_name(ns, gid);
    if (u) {
        if (name && un)
            pout(ns, p, "%s\n", un);
        else if (name) {
            perr(ns, p, "cannot find name for user ID %u", uid);
            pout(ns, p, "%u\n", uid);
        } else
            pout(ns, p, "%u\n", uid);
    } else if (g) {
        if (name && gn)
            pout(ns, p, "%s\n", gn);
        else
            pout(ns, p, "%u\n", gid);
    } else if (G) {
        struct sb line = SB_INIT;
        sb_addf(&line, "%u", gid);
        for (size_t i = 0; i < ng; i++)
            if (groups[i] != gid)
                sb_addf(&line, " %u", groups[i]);
        pout(ns, p, "%s\n", line.buf);
        sb_release(&line);
    } else {
        struct sb line = SB_INIT;
        sb_addf(&line, "uid=%u", uid);
        if (un)
            sb_addf(&line, "(%s)", un);
        sb_addf(&line, " gid=%u", gid);
        if (gn)
            sb_addf(&line, "(%s)", gn);
        sb_adds(&line, " groups=");
        bool first = true;
        /* the primary group first, then the others */
        sb_addf(&line, "%u", gid);
        if (gn)
            sb_addf(&line, "(%s)", gn);
        first = false;
        for (size_t i = 0; i < ng; i++) {
            if (groups[i] == gid)
                continue;
            char *n = ufs_group_name(ns, groups[i]);
            sb_addf(&line, "%s%u", first ? "" : ",", groups[i]);
            if (n)
                sb_addf(&line, "(%s)", n);
            free(n);
        }
        pout(ns, p, "%s\n", line.buf);
        sb_release(&line);
    }
    free(un);
    free(gn);
    free(own);
    return 0;
}

static int p_whoami(struct pns *ns, struct proc *p)
{
    char *un = ufs_user_name(ns, p->uid);
    if (!un) {
        if (is_bb(p))
            perr(ns, p, "unknown uid %u", p->uid);
        else
            perr(ns, p, "cannot find name for user ID %u", p->uid);
        return 1;
    }
    pout(ns, p, "%s\n", un);
    free(un);
    return 0;
}

static int p_groups(struct pns *ns, struct proc *p)
{
    struct sb line = SB_INIT;
    char *gn = ufs_group_name(ns, p->gid);
    sb_adds(&line, gn ? gn : "?");
    free(gn);
    for (size_t i = 0; i < p->n_groups; i++) {
        if (p->groups[i] == p->gid)
            continue;
        char *n = ufs_group_name(ns, p->groups[i]);
        if (n)
            sb_addf(&line, " %s", n);
        else
            sb_addf(&line, " %u", p->groups[i]);
        free(n);
    }
    pout(ns, p, "%s\n", line.buf);
    sb_release(&line);
    return 0;
}

static int p_hostname(struct pns *ns, struct proc *p)
{
    if (PARGC(p) > 1 && PARGV(p)[1][0] != '-') {
        perr(ns, p, "you must be root to change the host name");
        return 1;
    }
    pout(ns, p, "%s\n", ns->hostname ? ns->hostname : "buildkitsandbox");
    return 0;
}

static int p_uname(struct pns *ns, struct proc *p)
{
    const char *host = ns->hostname ? ns->hostname : "buildkitsandbox";
    bool s = false, n = false, r = false, v = false, m = false, o = false;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (a[0] != '-')
            continue;
        if (strchr(a, 'a'))
            s = n = r = v = m = o = true;
        s = s || strchr(a, 's');
        n = n || strchr(a, 'n');
        r = r || strchr(a, 'r');
        v = v || strchr(a, 'v');
        m = m || strchr(a, 'm') || strchr(a, 'p') || strchr(a, 'i');
        o = o || strchr(a, 'o');
    }
    if (!s && !n && !r && !v && !m && !o)
        s = true;
    struct sb line = SB_INIT;
    if (s)
        sb_adds(&line, "Linux ");
    if (n)
        sb_addf(&line, "%s ", host);
    if (r)
        sb_adds(&line, "6.8.0-docksim ");
    if (v)
        sb_adds(&line, "#1 SMP PREEMPT_DYNAMIC ");
    if (m)
        sb_adds(&line, "x86_64 ");
    if (o)
        sb_adds(&line, "GNU/Linux ");
    if (line.len)
        sb_setlen(&line, line.len - 1);
    pout(ns, p, "%s\n", line.buf);
    sb_release(&line);
    return 0;
}

static int p_arch(struct pns *ns, struct proc *p)
{
    pout(ns, p, "x86_64\n");
    return 0;
}

static int p_nproc(struct pns *ns, struct proc *p)
{
    pout(ns, p, "4\n");
    return 0;
}

static int p_which(struct pns *ns, struct proc *p)
{
    const char *pv = uenv_get(&p->env, "PATH");
    int rc = 0;
    bool all = false;
    for (int i = 1; i < PARGC(p); i++) {
        if (strcmp(PARGV(p)[i], "-a") == 0) {
            all = true;
            continue;
        }
        char *w = ufs_which(ns, p, PARGV(p)[i], pv ? pv : "");
        if (w)
            pout(ns, p, "%s\n", w);
        else
            rc = 1;
        free(w);
    }
    (void)all;
    return rc;
}

static int p_date(struct pns *ns, struct proc *p)
{
    time_t t = (time_t)(ns->now_ms / 1000);
    const char *fmt = "%a %b %e %H:%M:%S UTC %Y";
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (a[0] == '+')
            fmt = a + 1;
        else if (strcmp(a, "-I") == 0 || strcmp(a, "--iso-8601") == 0)
            fmt = "%Y-%m-%d";
        else if (strcmp(a, "-R") == 0)
            fmt = "%a, %d %b %Y %H:%M:%S +0000";
    }
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[512];
    size_t n = strftime(buf, sizeof(buf), fmt, &tm);
    buf[n] = '\0';
    pout(ns, p, "%s\n", buf);
    return 0;
}

static int p_tty(struct pns *ns, struct proc *p)
{
    if (p->fd[0] && p->fd[0]->kind == OF_TTY) {
        pout(ns, p, "/dev/pts/0\n");
        return 0;
    }
    pout(ns, p, "not a tty\n");
    return 1;
}

static int p_test(struct pns *ns, struct proc *p)
{
    struct sb err = SB_INIT;
    struct sb pre = SB_INIT;
    sb_addf(&pre, "%s: ", pname(p));
    int rc = sh_test(ns, p, is_bb(p) ? SH_ASH : SH_BASH, PARGC(p), PARGV(p),
                     &err, pre.buf);
    proc_write(ns, p, 2, err.buf, err.len);
    sb_release(&err);
    sb_release(&pre);
    return rc;
}

static int p_mktemp(struct pns *ns, struct proc *p)
{
    bool dir = false;
    const char *tmpl = NULL;
    for (int i = 1; i < PARGC(p); i++) {
        if (strcmp(PARGV(p)[i], "-d") == 0)
            dir = true;
        else if (PARGV(p)[i][0] != '-')
            tmpl = PARGV(p)[i];
    }
    static unsigned long counter = 0;
    struct sb path = SB_INIT;
    char rnd[11];
    unsigned long v = (unsigned long)(ns->now_ms / 1000) * 2654435761UL +
                      (unsigned long)p->pid * 40503UL + counter++;
    static const char al[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int k = 0; k < 10; k++) {
        rnd[k] = al[v % 62];
        v = v / 62 + (unsigned long)k * 7919UL;
    }
    rnd[10] = 0;
    if (tmpl) {
        const char *x = strstr(tmpl, "XXX");
        size_t nx = 0;
        if (x)
            while (x[nx] == 'X')
                nx++;
        if (x) {
            sb_add(&path, tmpl, (size_t)(x - tmpl));
            sb_add(&path, rnd, nx < 10 ? nx : 10);
            sb_adds(&path, x + nx);
        } else {
            sb_adds(&path, tmpl);
        }
        if (tmpl[0] != '/') {
            struct sb abs = SB_INIT;
            sb_addf(&abs, "/tmp/%s", path.buf);
            if (strchr(tmpl, '/') == NULL) {
                sb_reset(&path);
                sb_add(&path, abs.buf, abs.len);
            }
            sb_release(&abs);
        }
    } else {
        sb_addf(&path, "/tmp/tmp.%s", rnd);
    }
    if (dir) {
        vfs_mkdir_p(ns->fs, path.buf, 0700, p->uid, p->gid);
    } else {
        struct vfs_entry *e = vfs_put_file(ns->fs, path.buf, 0600, NULL, 0);
        e->uid = p->uid;
        e->gid = p->gid;
    }
    pout(ns, p, "%s\n", path.buf);
    sb_release(&path);
    return 0;
}

static int p_base64(struct pns *ns, struct proc *p)
{
    static const char tbl[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    bool dec = false;
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    int nf = 0;
    for (int i = 1; i < PARGC(p); i++) {
        if (strcmp(PARGV(p)[i], "-d") == 0 || strcmp(PARGV(p)[i], "--decode") == 0)
            dec = true;
        else if (PARGV(p)[i][0] != '-')
            files[nf++] = PARGV(p)[i];
    }
    struct sb in = SB_INIT, out = SB_INIT;
    int rc = read_inputs(ns, p, files, nf, &in);
    free(files);
    if (rc < 0) {
        sb_release(&in);
        return PROG_BLOCK;
    }
    if (dec) {
        unsigned v = 0;
        int bits = 0;
        for (size_t i = 0; i < in.len; i++) {
            const char *c = strchr(tbl, in.buf[i]);
            if (!c || !in.buf[i])
                continue;
            v = (v << 6) | (unsigned)(c - tbl);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                sb_addch(&out, (char)((v >> bits) & 255));
            }
        }
    } else {
        size_t col = 0;
        for (size_t i = 0; i < in.len; i += 3) {
            unsigned v = (unsigned char)in.buf[i] << 16;
            if (i + 1 < in.len)
                v |= (unsigned char)in.buf[i + 1] << 8;
            if (i + 2 < in.len)
                v |= (unsigned char)in.buf[i + 2];
            char q[4] = { tbl[(v >> 18) & 63], tbl[(v >> 12) & 63],
                          i + 1 < in.len ? tbl[(v >> 6) & 63] : '=',
                          i + 2 < in.len ? tbl[v & 63] : '=' };
            for (int k = 0; k < 4; k++) {
                sb_addch(&out, q[k]);
                if (++col == 76) {
                    sb_addch(&out, '\n');
                    col = 0;
                }
            }
        }
        if (col)
            sb_addch(&out, '\n');
    }
    proc_write(ns, p, 1, out.buf, out.len);
    sb_release(&in);
    sb_release(&out);
    return rc ? 1 : 0;
}

static int p_sha256sum(struct pns *ns, struct proc *p)
{
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    struct sb opts = SB_INIT;
    int nf = split_opts(p, files, &opts, NULL, NULL);
    if (nf == 0 && stdin_wait(ns, p)) {
        free(files);
        sb_release(&opts);
        return PROG_BLOCK;
    }
    int rc = 0, k = 0;
    do {
        struct sb d = SB_INIT;
        const char *name = nf ? files[k] : "-";
        if (nf) {
            int err = ufs_read(ns, p, files[k], &d);
            if (err) {
                perr(ns, p, "%s: No such file or directory", files[k]);
                rc = 1;
                sb_release(&d);
                continue;
            }
        } else {
            proc_read_all(ns, p, 0, &d);
        }
        char hex[65];
        sha256_hex(d.buf, d.len, hex);
        pout(ns, p, "%s  %s\n", hex, name);
        sb_release(&d);
    } while (++k < nf);
    free(files);
    sb_release(&opts);
    return rc;
}

static int p_nohup(struct pns *ns, struct proc *p)
{
    if (PARGC(p) < 2) {
        perr(ns, p, "missing operand");
        ptry(ns, p);
        return 125;
    }
    return prog_exec_argv(ns, p, PARGV(p) + 1, p->argv.n - 1, pname(p));
}

static int p_nice(struct pns *ns, struct proc *p)
{
    int i = 1;
    while (i < PARGC(p) && PARGV(p)[i][0] == '-') {
        if (strcmp(PARGV(p)[i], "-n") == 0)
            i++;
        i++;
    }
    if (i >= PARGC(p)) {
        pout(ns, p, "0\n");
        return 0;
    }
    return prog_exec_argv(ns, p, PARGV(p) + i, (size_t)(PARGC(p) - i),
                          pname(p));
}

/* timeout DURATION COMMAND: TERM after DURATION, status 124 */
struct timeout_state {
    int child;
    bool fired;
};

static int p_timeout(struct pns *ns, struct proc *p)
{
    struct timeout_state *ts = p->pdata;
    if (p->phase == 0) {
        int i = 1;
        while (i < PARGC(p) && PARGV(p)[i][0] == '-') {
            if (strcmp(PARGV(p)[i], "-s") == 0 || strcmp(PARGV(p)[i], "-k") == 0)
                i++;
            i++;
        }
        if (i + 1 >= PARGC(p)) {
            perr(ns, p, "missing operand");
            ptry(ns, p);
            return 125;
        }
        long long ms = parse_duration(PARGV(p)[i]);
        if (ms == -1) {
            perr(ns, p, "invalid time interval '%s'", PARGV(p)[i]);
            ptry(ns, p);
            return 125;
        }
        int st = 0;
        int pid = prog_spawn_wait(ns, p, PARGV(p) + i + 1,
                                  (size_t)(PARGC(p) - i - 1), &st);
        if (pid < 0)
            return st;
        ts = xcalloc(1, sizeof(*ts));
        ts->child = pid;
        p->pdata = ts;
        p->phase = 1;
        if (ms >= 0) {
            p->wake_ms = ns->now_ms + ms;
            p->state = P_SLEEP;
            p->wake_on_child = true;
        }
        return PROG_BLOCK;
    }
    int cpid;
    int st = proc_reap(ns, p, ts->child, &cpid);
    if (st >= 0)
        return ts->fired ? 124 : st;
    if (!ts->fired && ns->now_ms >= p->wake_ms && p->state != P_WAIT_CHILD) {
        struct proc *c = pns_find(ns, ts->child);
        ts->fired = true;
        if (c)
            proc_signal(ns, c, 15, false);
        st = proc_reap(ns, p, ts->child, &cpid);
        if (st >= 0)
            return 124;
    }
    p->state = ts->fired ? P_WAIT_CHILD : P_SLEEP;
    p->wait_pid = ts->child;
    p->wake_on_child = true;
    return PROG_BLOCK;
}

static int p_xargs(struct pns *ns, struct proc *p)
{
    int i = 1;
    long per = 0;
    const char *repl = NULL;
    while (i < PARGC(p) && PARGV(p)[i][0] == '-') {
        const char *a = PARGV(p)[i];
        if (strcmp(a, "-n") == 0 && i + 1 < PARGC(p))
            per = strtol(PARGV(p)[++i], NULL, 10);
        else if (strcmp(a, "-I") == 0 && i + 1 < PARGC(p))
            repl = PARGV(p)[++i];
        i++;
    }
    if (stdin_wait(ns, p))
        return PROG_BLOCK;
    struct sb in = SB_INIT;
    proc_read_all(ns, p, 0, &in);
    struct strlist items;
    strlist_init(&items);
    if (repl) {
        lines_of(in.buf, in.len, &items);
    } else {
        const char *s = in.buf;
        while (*s) {
            while (*s && strchr(" \t\n", *s))
                s++;
            if (!*s)
                break;
            const char *e = s;
            while (*e && !strchr(" \t\n", *e))
                e++;
            strlist_pushn(&items, s, (size_t)(e - s));
            s = e;
        }
    }
    sb_release(&in);
    struct strlist cmd;
    strlist_init(&cmd);
    for (int k = i; k < PARGC(p); k++)
        strlist_push(&cmd, PARGV(p)[k]);
    if (cmd.n == 0)
        strlist_push(&cmd, "echo");
    int rc = 0;
    size_t batch = repl ? 1 : per > 0 ? (size_t)per : items.n ? items.n : 1;
    for (size_t at = 0; at < items.n || (at == 0 && items.n == 0 && !repl);
         at += batch) {
        struct strlist run;
        strlist_init(&run);
        for (size_t k = 0; k < cmd.n; k++) {
            if (repl && at < items.n) {
                struct sb w = SB_INIT;
                const char *s = cmd.v[k];
                const char *hit;
                while ((hit = strstr(s, repl))) {
                    sb_add(&w, s, (size_t)(hit - s));
                    sb_adds(&w, items.v[at]);
                    s = hit + strlen(repl);
                }
                sb_adds(&w, s);
                strlist_push(&run, w.buf);
                sb_release(&w);
            } else {
                strlist_push(&run, cmd.v[k]);
            }
        }
        if (!repl)
            for (size_t k = at; k < at + batch && k < items.n; k++)
                strlist_push(&run, items.v[k]);
        int st = prog_run_sync(ns, p, run.v, run.n);
        if (st == 127) {
            perr(ns, p, "%s: No such file or directory", run.v[0]);
            strlist_release(&run);
            rc = 127;
            break;
        }
        if (st != 0)
            rc = 123;
        strlist_release(&run);
        if (items.n == 0)
            break;
    }
    strlist_release(&items);
    strlist_release(&cmd);
    return rc;
}

static int p_getent(struct pns *ns, struct proc *p)
{
    if (PARGC(p) < 2) {
        perr(ns, p, "wrong number of arguments");
        return 1;
    }
    const char *db = PARGV(p)[1];
    const char *file = strcmp(db, "passwd") == 0  ? "/etc/passwd"
                       : strcmp(db, "group") == 0 ? "/etc/group"
                       : strcmp(db, "hosts") == 0 ? "/etc/hosts"
                                                  : NULL;
    if (!file) {
        perr(ns, p, "Unknown database: %s", db);
        return 1;
    }
    struct sb text = SB_INIT;
    ufs_read(ns, p, file, &text);
    struct strlist ls;
    strlist_init(&ls);
    lines_of(text.buf, text.len, &ls);
    int rc = PARGC(p) > 2 ? 2 : 0;
    for (size_t i = 0; i < ls.n; i++) {
        if (PARGC(p) > 2) {
            bool hit = false;
            for (int k = 2; k < PARGC(p); k++) {
                size_t l = strlen(PARGV(p)[k]);
                const char *f3 = NULL;
                if (strncmp(ls.v[i], PARGV(p)[k], l) == 0 && ls.v[i][l] == ':')
                    hit = true;
                /* by id: the third field */
                const char *c1 = strchr(ls.v[i], ':');
                if (c1)
                    f3 = strchr(c1 + 1, ':');
                if (f3 && strncmp(f3 + 1, PARGV(p)[k], l) == 0 &&
                    f3[1 + l] == ':')
                    hit = true;
            }
            if (!hit)
                continue;
            rc = 0;
        }
        pout(ns, p, "%s\n", ls.v[i]);
    }
    strlist_release(&ls);
    sb_release(&text);
    return rc;
}

static int p_envsubst(struct pns *ns, struct proc *p)
{
    if (stdin_wait(ns, p))
        return PROG_BLOCK;
    struct sb in = SB_INIT, out = SB_INIT;
    proc_read_all(ns, p, 0, &in);
    for (size_t i = 0; i < in.len; i++) {
        if (in.buf[i] != '$' || i + 1 >= in.len) {
            sb_addch(&out, in.buf[i]);
            continue;
        }
        size_t s = i + 1, e;
        bool brace = in.buf[s] == '{';
        if (brace)
            s++;
        e = s;
        while (e < in.len && (in.buf[e] == '_' || (in.buf[e] >= 'a' && in.buf[e] <= 'z') ||
                              (in.buf[e] >= 'A' && in.buf[e] <= 'Z') ||
                              (e > s && in.buf[e] >= '0' && in.buf[e] <= '9')))
            e++;
        if (e == s || (brace && (e >= in.len || in.buf[e] != '}'))) {
            sb_addch(&out, '$');
            continue;
        }
        char *name = xmemdup0(in.buf + s, e - s);
        const char *v = uenv_get(&p->env, name);
        sb_adds(&out, v ? v : "");
        free(name);
        i = brace ? e : e - 1;
    }
    proc_write(ns, p, 1, out.buf, out.len);
    sb_release(&in);
    sb_release(&out);
    return 0;
}

/* awk: just `{print $N,...}`, -F, /re/ and NR==N patterns */
static int p_awk(struct pns *ns, struct proc *p)
{
    const char *fs = NULL, *prog = NULL;
    char **files = xcalloc(p->argv.n + 1, sizeof(*files));
    int nf = 0;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (strncmp(a, "-F", 2) == 0)
            fs = a[2] ? a + 2 : i + 1 < PARGC(p) ? PARGV(p)[++i] : " ";
        else if (!prog)
            prog = a;
        else
            files[nf++] = PARGV(p)[i];
    }
    const char *brace = prog ? strchr(prog, '{') : NULL;
    const char *pr = brace ? strstr(brace, "print") : NULL;
    if (!prog || !brace || !pr) {
        free(files);
        pout(ns, p, "[docksim: not simulated: awk %s]\n", prog ? prog : "");
        return 0;
    }
    struct sb text = SB_INIT;
    int rc = read_inputs(ns, p, files, nf, &text);
    free(files);
    if (rc < 0) {
        sb_release(&text);
        return PROG_BLOCK;
    }
    /* the pattern before '{' */
    char *pat = xmemdup0(prog, (size_t)(brace - prog));
    long nr_eq = 0;
    regex_t rx;
    bool has_rx = false;
    char *slash = strchr(pat, '/');
    if (slash) {
        char *end = strchr(slash + 1, '/');
        if (end) {
            *end = 0;
            has_rx = regcomp(&rx, slash + 1, REG_EXTENDED | REG_NOSUB) == 0;
        }
    } else if (strstr(pat, "NR==")) {
        nr_eq = strtol(strstr(pat, "NR==") + 4, NULL, 10);
    }
    struct strlist ls;
    strlist_init(&ls);
    lines_of(text.buf, text.len, &ls);
    for (size_t i = 0; i < ls.n; i++) {
        if (nr_eq && (size_t)nr_eq != i + 1)
            continue;
        if (has_rx && regexec(&rx, ls.v[i], 0, NULL, 0) != 0)
            continue;
        /* split into fields */
        struct strlist f;
        strlist_init(&f);
        const char *s = ls.v[i];
        if (!fs || strcmp(fs, " ") == 0) {
            while (*s) {
                while (*s == ' ' || *s == '\t')
                    s++;
                if (!*s)
                    break;
                const char *e = s;
                while (*e && *e != ' ' && *e != '\t')
                    e++;
                strlist_pushn(&f, s, (size_t)(e - s));
                s = e;
            }
        } else {
            for (;;) {
                const char *d = strstr(s, fs);
                size_t l = d ? (size_t)(d - s) : strlen(s);
                strlist_pushn(&f, s, l);
                if (!d)
                    break;
                s = d + strlen(fs);
            }
        }
        struct sb o = SB_INIT;
        const char *q = pr + 5;
        bool any = false;
        while (*q && *q != '}') {
            while (*q == ' ' || *q == ',')
                q++;
            if (*q == '$') {
                long k = strtol(q + 1, (char **)&q, 10);
                if (any)
                    sb_addch(&o, ' ');
                if (k == 0)
                    sb_adds(&o, ls.v[i]);
                else if ((size_t)k <= f.n)
                    sb_adds(&o, f.v[k - 1]);
                any = true;
            } else if (*q == '"') {
                const char *e = strchr(q + 1, '"');
                if (!e)
                    break;
                sb_add(&o, q + 1, (size_t)(e - q - 1));
                q = e + 1;
                any = true;
            } else if (strncmp(q, "NF", 2) == 0) {
                if (any)
                    sb_addch(&o, ' ');
                sb_addf(&o, "%zu", f.n);
                q += 2;
                any = true;
            } else if (*q && *q != '}') {
                q++;
            }
        }
        if (!any)
            sb_adds(&o, ls.v[i]);
        pout(ns, p, "%s\n", o.buf);
        sb_release(&o);
        strlist_release(&f);
    }
    if (has_rx)
        regfree(&rx);
    free(pat);
    strlist_release(&ls);
    sb_release(&text);
    return 0;
}

/* ===================================================================== */
/* Processes: ps, kill, top                                              */
/* ===================================================================== */

static void cmdline_of(const struct proc *t, struct sb *out)
{
    for (size_t i = 0; i < t->argv.n; i++) {
        if (i)
            sb_addch(out, ' ');
        sb_adds(out, t->argv.v[i]);
    }
}

static const char *comm_of(const struct proc *t)
{
    const char *a = t->argv.n ? t->argv.v[0] : "?";
    const char *s = strrchr(a, '/');
    return s ? s + 1 : a;
}

static int p_ps(struct pns *ns, struct proc *p)
{
    bool full = false, aux = false;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (strstr(a, "aux") || strstr(a, "ax") || strcmp(a, "-A") == 0)
            aux = true;
        if (strcmp(a, "-ef") == 0 || strcmp(a, "-f") == 0 ||
            (strchr(a, 'f') && a[0] == '-'))
            full = true;
        if (strcmp(a, "-e") == 0)
            aux = aux || false;
    }
    if (is_bb(p)) {
        pout(ns, p, "PID   USER     TIME  COMMAND\n");
        for (size_t i = 0; i < ns->n_procs; i++) {
            struct proc *t = ns->procs[i];
            if (t->reaped)
                continue;
            char *un = ufs_user_name(ns, t->uid);
            struct sb cmd = SB_INIT;
            if (t->state == P_ZOMBIE)
                sb_addf(&cmd, "[%s]", comm_of(t));
            else
                cmdline_of(t, &cmd);
            char uid[16];
            snprintf(uid, sizeof(uid), "%u", t->uid);
            pout(ns, p, "%5d %-8.8s  0:00 %s\n", t->pid, un ? un : uid,
                 cmd.buf);
            free(un);
            sb_release(&cmd);
        }
        return 0;
    }
    if (aux)
        pout(ns, p, "USER         PID %%CPU %%MEM    VSZ   RSS TTY      STAT "
                    "START   TIME COMMAND\n");
    else if (full)
        pout(ns, p, "UID          PID    PPID  C STIME TTY          TIME "
                    "CMD\n");
    else
        pout(ns, p, "    PID TTY          TIME CMD\n");
    time_t t0 = (time_t)(ns->start_ms / 1000);
    struct tm tm;
    gmtime_r(&t0, &tm);
    char hm[16];
    strftime(hm, sizeof(hm), "%H:%M", &tm);
    const char *tty = ns->tty ? "pts/0" : "?";
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *t = ns->procs[i];
        if (t->reaped)
            continue;
        struct sb cmd = SB_INIT;
        if (t->state == P_ZOMBIE)
            sb_addf(&cmd, "[%s] <defunct>", comm_of(t));
        else
            cmdline_of(t, &cmd);
        char *un = ufs_user_name(ns, t->uid);
        char uid[16];
        snprintf(uid, sizeof(uid), "%u", t->uid);
        const char *stat = t->state == P_ZOMBIE    ? "Z"
                           : t->state == P_RUNNABLE ? "R"
                           : t->pid == 1            ? "Ss"
                                                    : "S";
        if (aux)
            pout(ns, p, "%-8.8s %6d  0.0  0.0   %4d  %4d %-8s %-4s %s   0:00 %s\n",
                 un ? un : uid, t->pid, 2300 + t->pid, 1000 + t->pid * 4, tty,
                 stat, hm, cmd.buf);
        else if (full)
            pout(ns, p, "%-8.8s %7d %7d  0 %s %-8s 00:00:00 %s\n",
                 un ? un : uid, t->pid, t->ppid, hm, tty, cmd.buf);
        else
            pout(ns, p, "%7d %-8s 00:00:00 %s\n", t->pid, tty,
                 t->state == P_ZOMBIE ? cmd.buf : comm_of(t));
        free(un);
        sb_release(&cmd);
    }
    return 0;
}

static int p_kill(struct pns *ns, struct proc *p)
{
    int sig = 15, i = 1;
    if (i < PARGC(p) && strcmp(PARGV(p)[i], "-l") == 0) {
        for (int s = 1; s < 32; s++)
            pout(ns, p, "%s%s", usig_name(s) ? usig_name(s) : "",
                 s < 31 ? " " : "\n");
        return 0;
    }
    if (i < PARGC(p) && strcmp(PARGV(p)[i], "-s") == 0 && i + 1 < PARGC(p)) {
        sig = usig_number(PARGV(p)[i + 1]);
        i += 2;
    } else if (i < PARGC(p) && PARGV(p)[i][0] == '-' && PARGV(p)[i][1]) {
        sig = usig_number(PARGV(p)[i] + 1);
        i++;
    }
    if (sig < 0) {
        perr(ns, p, "invalid signal");
        return 1;
    }
    int rc = 0;
    for (; i < PARGC(p); i++) {
        struct proc *t = pns_find(ns, (int)strtol(PARGV(p)[i], NULL, 10));
        if (!t || t->state == P_ZOMBIE) {
            perr(ns, p, "(%s) - No such process", PARGV(p)[i]);
            rc = 1;
            continue;
        }
        if (sig)
            proc_signal(ns, t, sig, false);
    }
    return rc;
}

static int p_top(struct pns *ns, struct proc *p)
{
    bool batch = false;
    for (int i = 1; i < PARGC(p); i++)
        if (strchr(PARGV(p)[i], 'b'))
            batch = true;
    if (!batch && !ns->tty) {
        if (is_bb(p))
            return prog_forever(ns, p);
        proc_printf(ns, p, 2, "top: failed tty get\n");
        return 1;
    }
    pout(ns, p, "top - %02lld:%02lld:%02lld up 0 min,  0 user,  load average: "
                "0.00, 0.00, 0.00\nTasks: %zu total\n\n",
         (ns->now_ms / 3600000) % 24, (ns->now_ms / 60000) % 60,
         (ns->now_ms / 1000) % 60, ns->n_procs);
    pout(ns, p, "    PID USER      PR  NI    VIRT    RES    SHR S  %%CPU  %%MEM     TIME+ COMMAND\n");
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *t = ns->procs[i];
        if (t->reaped)
            continue;
        char *un = ufs_user_name(ns, t->uid);
        pout(ns, p, "%7d %-8.8s  20   0    2484   1408   1280 %c   0.0   0.0   "
                    "0:00.00 %s\n",
             t->pid, un ? un : "?", t->state == P_ZOMBIE ? 'Z' : 'S',
             comm_of(t));
        free(un);
    }
    if (!batch)
        return prog_forever(ns, p);
    return 0;
}

static int p_pgrep(struct pns *ns, struct proc *p)
{
    bool kill_it = strcmp(pname(p), "pkill") == 0 ||
                   strcmp(pname(p), "killall") == 0;
    const char *pat = NULL;
    int sig = 15;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (a[0] == '-' && a[1]) {
            int s = usig_number(a + 1);
            if (s > 0)
                sig = s;
        } else {
            pat = a;
        }
    }
    if (!pat) {
        perr(ns, p, "no matching criteria specified");
        return 2;
    }
    int found = 0;
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *t = ns->procs[i];
        if (t->reaped || t->state == P_ZOMBIE || t == p)
            continue;
        if (!strstr(comm_of(t), pat))
            continue;
        found++;
        if (kill_it)
            proc_signal(ns, t, sig, false);
        else
            pout(ns, p, "%d\n", t->pid);
    }
    return found ? 0 : 1;
}

/* ===================================================================== */
/* The table and program choice                                          */
/* ===================================================================== */

static int p_busybox(struct pns *ns, struct proc *p);

const struct native_def prog_core_table[] = {
    { "echo", p_echo, NULL },
    { "printf", p_printf, NULL },
    { "true", p_true, NULL },
    { ":", p_true, NULL },
    { "false", p_false, NULL },
    { "sleep", p_sleep, NULL },
    { "usleep", p_usleep, NULL },
    { "cat", p_cat, NULL },
    { "head", p_head_tail, NULL },
    { "tail", p_head_tail, NULL },
    { "wc", p_wc, NULL },
    { "grep", p_grep, NULL },
    { "egrep", p_grep, NULL },
    { "fgrep", p_grep, NULL },
    { "sed", p_sed, NULL },
    { "tr", p_tr, NULL },
    { "cut", p_cut, NULL },
    { "sort", p_sort, NULL },
    { "uniq", p_uniq, NULL },
    { "tee", p_tee, NULL },
    { "basename", p_basename, NULL },
    { "dirname", p_dirname, NULL },
    { "seq", p_seq, NULL },
    { "yes", p_yes, NULL },
    { "rev", p_rev_tac, NULL },
    { "tac", p_rev_tac, NULL },
    { "expr", p_expr, NULL },
    { "env", p_env, NULL },
    { "printenv", p_printenv, NULL },
    { "pwd", p_pwd, NULL },
    { "id", p_id, NULL },
    { "whoami", p_whoami, NULL },
    { "logname", p_whoami, NULL },
    { "groups", p_groups, NULL },
    { "hostname", p_hostname, NULL },
    { "uname", p_uname, NULL },
    { "arch", p_arch, NULL },
    { "nproc", p_nproc, NULL },
    { "which", p_which, NULL },
    { "date", p_date, NULL },
    { "tty", p_tty, NULL },
    { "test", p_test, NULL },
    { "[", p_test, NULL },
    { "[[", p_test, NULL },
    { "mktemp", p_mktemp, NULL },
    { "base64", p_base64, NULL },
    { "sha256sum", p_sha256sum, NULL },
    { "nohup", p_nohup, NULL },
    { "nice", p_nice, NULL },
    { "stdbuf", p_nice, NULL },
    { "setsid", p_nohup, NULL },
    { "timeout", p_timeout, NULL },
    { "xargs", p_xargs, NULL },
    { "getent", p_getent, NULL },
    { "envsubst", p_envsubst, NULL },
    { "awk", p_awk, NULL },
    { "mawk", p_awk, NULL },
    { "gawk", p_awk, NULL },
    { "ps", p_ps, NULL },
    { "kill", p_kill, NULL },
    { "top", p_top, NULL },
    { "pgrep", p_pgrep, NULL },
    { "pkill", p_pgrep, NULL },
    { "killall", p_pgrep, NULL },
    { "pidof", p_pgrep, NULL },
    { "busybox", p_busybox, NULL },
    { NULL, NULL, NULL },
};

static int p_unknown(struct pns *ns, struct proc *p)
{
    struct sb line = SB_INIT;
    sb_adds(&line, "[docksim: not simulated:");
    for (size_t i = 0; i < p->argv.n; i++)
        sb_addf(&line, " %s", p->argv.v[i]);
    sb_adds(&line, "]\n");
    proc_write(ns, p, 1, line.buf, line.len);
    sb_release(&line);
    pns_explain(ns, "userland.not-simulated",
                "docksim does not simulate %s: it prints what would run and "
                "reports success. The argv and the start failures are still "
                "exact.",
                pname(p));
    return 0;
}

const struct native_def prog_unknown = { "unknown", p_unknown, NULL };

static const struct native_def *find_native(const char *name)
{
    const struct native_def *const tables[] = {
        prog_core_table, prog_files_table, prog_pkg_table, prog_srv_table,
    };
    for (size_t t = 0; t < ARRAY_LEN(tables); t++)
        for (const struct native_def *d = tables[t]; d->name; d++)
            if (strcmp(d->name, name) == 0)
                return d;
    return NULL;
}

void prog_choose(const char *program, const char *argv0,
                 struct prog_choice *out)
{
    const char *base = strrchr(argv0, '/');
    base = base ? base + 1 : argv0;
    memset(out, 0, sizeof(*out));
    out->flavor = PF_GNU;
    if (strcmp(program, "dash") == 0) {
        out->shell = true;
        out->sh = SH_DASH;
        return;
    }
    if (strcmp(program, "bash") == 0) {
        out->shell = true;
        out->sh = SH_BASH;
        return;
    }
    if (strcmp(program, "busybox") == 0) {
        out->flavor = PF_BUSYBOX;
        if (strcmp(base, "sh") == 0 || strcmp(base, "ash") == 0 ||
            strcmp(base, "hush") == 0 || strcmp(base, "bash") == 0) {
            out->shell = true;
            out->sh = SH_ASH;
            return;
        }
        const struct native_def *d = find_native(base);
        out->native = d ? d : &prog_unknown;
        return;
    }
    if (strcmp(program, "pg_wrapper") == 0) {
        const struct native_def *d = find_native(base);
        out->native = d ? d : &prog_unknown;
        return;
    }
    const struct native_def *d = find_native(program);
    out->native = d ? d : &prog_unknown;
}

/* `busybox APPLET args`: run the applet */
static int p_busybox(struct pns *ns, struct proc *p)
{
    if (PARGC(p) < 2) {
        pout(ns, p, "BusyBox v1.38.0 (docksim) multi-call binary.\n");
        return 0;
    }
    struct prog_choice pc;
    prog_choose("busybox", PARGV(p)[1], &pc);
    struct strlist av;
    strlist_init(&av);
    for (int i = 1; i < PARGC(p); i++)
        strlist_push(&av, PARGV(p)[i]);
    free(p->exec_path);
    p->exec_path = xstrdup(p->exe ? p->exe : "/bin/busybox");
    strlist_release(&p->exec_argv);
    p->exec_argv = av;
    p->exec_shell = pc.shell;
    p->exec_sh_flavor = pc.sh;
    p->exec_native = pc.native;
    p->exec_pflavor = PF_BUSYBOX;
    p->exec_pending = true;
    return PROG_EXEC;
}
