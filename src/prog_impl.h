/*
 * prog_impl.h: helpers shared by the native programs (programs.c,
 * prog_files.c, prog_pkg.c, prog_srv.c). Not for other modules.
 */
#ifndef PROG_IMPL_H
#define PROG_IMPL_H

#include "common.h"
#include "imgconfig.h"
#include "proc.h"
#include "programs.h"
#include "sb.h"

#define PARGC(p) ((int)(p)->argv.n)
#define PARGV(p) ((p)->argv.v)

/* basename of argv[0] (the applet name for BusyBox) */
const char *pname(const struct proc *p);
bool is_bb(const struct proc *p);

void pout(struct pns *ns, struct proc *p, const char *fmt, ...)
    ATTR_PRINTF(3, 4);
/* "NAME: message\n" on stderr */
void perr(struct pns *ns, struct proc *p, const char *fmt, ...)
    ATTR_PRINTF(3, 4);
/* GNU's "Try 'NAME --help' for more information." */
void ptry(struct pns *ns, struct proc *p);

/* If stdin (fd 0) is a pipe still being written, block: returns true
 * and the caller returns PROG_BLOCK. */
bool stdin_wait(struct pns *ns, struct proc *p);

/* Exec argv (looked up on p's PATH) in p: returns PROG_EXEC, or prints
 * `who: 'X': No such file or directory` (or the given style) and
 * returns 127/126. */
int prog_exec_argv(struct pns *ns, struct proc *p, char *const *argv,
                   size_t argc, const char *who);
/* Start argv as a child of p and run it to the end (its time passes
 * locally). Returns its status, 127 if it cannot start, or -1 if it
 * never ends. */
int prog_run_sync(struct pns *ns, struct proc *p, char *const *argv,
                  size_t argc);
/* Start argv as a child and wait for it in phase+1 (the step returns
 * PROG_BLOCK). Returns the child pid, or -1 (status in *st). */
int prog_spawn_wait(struct pns *ns, struct proc *p, char *const *argv,
                    size_t argc, int *st);
/* In the phase after prog_spawn_wait: the child's status, or -1 if not
 * done yet (blocks again). */
int prog_child_status(struct pns *ns, struct proc *p, int pid);

/* Sleep: block for ms, then exit with status. */
int prog_sleep_then(struct pns *ns, struct proc *p, long long ms, int status);
/* Block until a signal ends it (a server, a REPL on a terminal). */
int prog_forever(struct pns *ns, struct proc *p);

/* "debian", "ubuntu", "alpine", "busybox", "el" from /etc/os-release. */
const char *os_family(struct pns *ns);

/* GNU ("'x'") or BusyBox ("x") quoting of a file name in messages. */
void quote_name(const struct proc *p, const char *name, struct sb *out);

/* duration like 1.5, 10s, 2m, 1h, infinity: ms, or -1 if bad, -2 for
 * infinity. */
long long parse_duration(const char *s);

/* mode bits for chmod-style specs ("755", "u+x,go-w") applied to old. */
bool parse_mode(const char *spec, unsigned old, bool is_dir, unsigned *out);

/* The programs of each module (names -> functions), searched in order. */
extern const struct native_def prog_core_table[];
extern const struct native_def prog_files_table[];
extern const struct native_def prog_pkg_table[];
extern const struct native_def prog_srv_table[];
extern const struct native_def prog_unknown;

#endif /* PROG_IMPL_H */
