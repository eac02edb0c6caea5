/*
 * ptyutil.h: run a program on a pseudo-terminal and talk to it, for the
 * interactive-shell test (tests/pty/pty_shell.c) and the start-to-prompt
 * benchmark (bench/bench_startup.c). Test code only: it forks and execs.
 */
#ifndef PTYUTIL_H
#define PTYUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct pty_proc {
    pid_t pid;
    int fd;          /* the master side */
    int slave;       /* our own descriptor of the slave side */
    char *buf;       /* everything the program wrote, NUL-terminated */
    size_t len, cap;
    size_t seen;     /* pty_expect searches from here */
    bool exited;
    int status;      /* waitpid status once exited */
    double t_fork;   /* pty_now_ms() just before fork() */
};

/*
 * Start argv[0] (a path) with environment envp on a new pty (80x24).
 * Returns 0, -1 with why[] set when no pty can be had (the caller
 * skips), or -2 for any other failure.
 */
int pty_spawn(struct pty_proc *p, char *const argv[], char *const envp[],
              char *why, size_t why_len);

/* Write s to the program's terminal. */
void pty_send(struct pty_proc *p, const char *s);

/*
 * Wait up to timeout_ms for needle to appear in the output after the
 * last match; on success the search point moves past it. 0 or -1.
 */
int pty_expect(struct pty_proc *p, const char *needle, int timeout_ms);

/* Read whatever arrives within ms (to let output settle). */
void pty_drain(struct pty_proc *p, int ms);

/* Wait for the program to exit: 0 (status in p->status), or -1 if it is
 * still running after timeout_ms (pty_close kills it). */
int pty_wait(struct pty_proc *p, int timeout_ms);

/* Kill if still running, reap, free. */
void pty_close(struct pty_proc *p);

/* Milliseconds on the monotonic clock. */
double pty_now_ms(void);

#endif /* PTYUTIL_H */
