/*
 * programs.h: the simulated programs. An executable file of the
 * simulated filesystem names its program (vfs_entry.program, see
 * catalog.h): "dash", "bash" and BusyBox's "sh"/"ash" applets are the
 * shell (sh.h); everything else is a native program here: the GNU
 * coreutils and BusyBox flavours of echo, cat, ls..., package managers
 * (apt-get, apk, pip, npm) that change the filesystem, users and groups
 * tools, and stand-ins for servers and language runtimes that print one
 * line saying what the real program would do.
 *
 * A native program is a step function over its process (proc.h): it
 * returns an exit status, PROG_BLOCK after setting the process state
 * (sleeping, waiting for a child or for input, running forever), or
 * PROG_EXEC after preparing a new program with proc_exec. It is stepped
 * again when it wakes; p->phase says where it was.
 */
#ifndef PROGRAMS_H
#define PROGRAMS_H

#include "catalog.h"
#include "common.h"

struct pns;
struct proc;
struct sb;

enum pflavor {
    PF_GNU,      /* Debian/Ubuntu/EL: coreutils, util-linux... */
    PF_BUSYBOX,  /* a BusyBox applet */
};

typedef int native_fn(struct pns *ns, struct proc *p);
/* A caught signal arrived: return an exit status to end the process, or
 * -1 to keep running. */
typedef int native_sig_fn(struct pns *ns, struct proc *p, int sig);

struct native_def {
    const char *name;
    native_fn *run;
    native_sig_fn *on_signal;
};

/* What runs for an executable whose entry names `program`, started as
 * argv0. Unknown programs get the "not simulated" program. */
struct prog_choice {
    bool shell;
    enum sh_flavor sh;
    const struct native_def *native;
    enum pflavor flavor;
};
void prog_choose(const char *program, const char *argv0,
                 struct prog_choice *out);

/* ----- helpers shared with the shell builtins ----------------------- */

enum echo_style {
    ECHO_DASH,     /* dash builtin: always interprets \n \c...; only -n */
    ECHO_GNU,      /* coreutils /bin/echo and bash builtin: -n -e -E */
    ECHO_BUSYBOX,  /* BusyBox: -n -e -E */
};
/* echo's output for argv[1..argc) (argv[0] is "echo"). */
void prog_echo(enum echo_style st, char *const *argv, size_t argc,
               struct sb *out);

/* printf FORMAT [ARGS]: argv[0] is "printf". Errors go to err with
 * prefix. Returns the exit status. */
int prog_printf(char *const *argv, size_t argc, struct sb *out,
                struct sb *err, const char *prefix);

/* The package table: programs a package installs, by distribution
 * family ("debian", "alpine", "el"). Used by apt-get/apk and by the
 * explanations. NULL if unknown. */
const char *pkg_programs(const char *family, const char *pkg);

#endif /* PROGRAMS_H */
