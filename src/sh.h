/*
 * sh.h: the POSIX sh subset that Dockerfiles and entrypoint scripts use,
 * in three flavours (catalog.h enum sh_flavor):
 *
 *   SH_DASH  Debian/Ubuntu /bin/sh (dash 0.5.12, Debian-patched): stays
 *            the parent of `sh -c cmd` (so it is PID 1); builtin echo
 *            interprets backslashes; errors read `sh: 1: x: not found`;
 *            no `[[`, no `source`, no `set -o pipefail`, `[ a == b ]` is
 *            an error.
 *   SH_ASH   BusyBox ash (Alpine, busybox): execs the last simple command
 *            of `sh -c` when no trap is set; echo keeps backslashes;
 *            errors read `sh: x: not found`; bash-like extensions.
 *   SH_BASH  bash 5: execs the last simple command of `-c`; `[[ ]]`,
 *            $BASH_VERSION, `bash: line 1: x: command not found`.
 *
 * The interpreter is resumable: a shell that waits (for a child, for
 * `wait`, for input) returns PROG_BLOCK from sh_step and continues where
 * it stopped when the scheduler (proc.h) steps it again. Traps run at the
 * next command boundary, or at once when the shell is in `wait`.
 */
#ifndef SH_H
#define SH_H

#include "catalog.h"
#include "common.h"

struct pns;
struct proc;
struct sh;
struct sb;

/*
 * Make p a shell of flavour fl running argv (argv[0] is the name it was
 * called by: "sh", "/bin/sh", "bash"...): `-c STRING [ARG0 [ARGS]]`, a
 * script file with arguments, or nothing (read commands from stdin).
 * Options such as -e, -x, -u before -c are honoured. p->env is the
 * environment. Sets p->sh.
 */
void sh_start(struct pns *ns, struct proc *p, enum sh_flavor fl,
              char *const *argv, size_t argc);

/* Run until the shell blocks (PROG_BLOCK), replaces itself (PROG_EXEC)
 * or exits (its status). */
int sh_step(struct pns *ns, struct proc *p);

/* A signal the shell traps has arrived (p->pending[sig] is set). */
void sh_signal(struct pns *ns, struct proc *p, int sig);

void sh_free(struct sh *sh);

/* The flavour's program name as ps shows it ("dash" is still "sh"). */
const char *sh_flavor_name(enum sh_flavor fl);

/*
 * `test` / `[` as the flavour implements it (the builtin and the
 * coreutils/busybox programs share it). argv[0] is "test" or "[".
 * Writes errors to err with prefix (e.g. "sh: 1: [: " or "[: ").
 * Returns the exit status (0 true, 1 false, 2 error).
 */
int sh_test(struct pns *ns, struct proc *p, enum sh_flavor fl, int argc,
            char **argv, struct sb *err, const char *prefix);

/* Shell-style pattern match (fnmatch without flags): * ? [...] and
 * backslash escapes. */
bool sh_pattern_match(const char *pattern, const char *s);

/* The bash version string of the image p runs in ("5.2.15(1)-release"),
 * from /etc/os-release. */
const char *sh_bash_version(struct pns *ns);

#endif /* SH_H */
