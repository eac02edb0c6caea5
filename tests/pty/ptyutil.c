/*
 * ptyutil.c: see ptyutil.h. POSIX pseudo-terminals (posix_openpt), no
 * libutil needed.
 */
#define _XOPEN_SOURCE 700
#include "ptyutil.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

double pty_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int pty_spawn(struct pty_proc *p, char *const argv[], char *const envp[],
              char *why, size_t why_len)
{
    memset(p, 0, sizeof(*p));
    p->fd = p->slave = -1;
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) {
        snprintf(why, why_len, "posix_openpt: %s", strerror(errno));
        return -1;
    }
    if (grantpt(m) < 0 || unlockpt(m) < 0) {
        snprintf(why, why_len, "grantpt/unlockpt: %s", strerror(errno));
        close(m);
        return -1;
    }
    const char *name = ptsname(m);
    if (!name) {
        snprintf(why, why_len, "ptsname: %s", strerror(errno));
        close(m);
        return -1;
    }
    char slave_name[256];
    snprintf(slave_name, sizeof(slave_name), "%s", name);
    /* check the slave opens before forking, to skip cleanly */
    int probe = open(slave_name, O_RDWR | O_NOCTTY);
    if (probe < 0) {
        snprintf(why, why_len, "open %s: %s", slave_name, strerror(errno));
        close(m);
        return -1;
    }
    struct winsize ws = { 24, 80, 0, 0 };
    ioctl(probe, TIOCSWINSZ, &ws);
    /* probe stays open while the program runs: reading the master never
     * fails with EIO before the child has opened its side */
    fflush(NULL);
    p->t_fork = pty_now_ms();
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, why_len, "fork: %s", strerror(errno));
        close(m);
        close(probe);
        return -2;
    }
    if (pid == 0) {
        setsid();
        int s = open(slave_name, O_RDWR);
        if (s < 0)
            _exit(126);
#ifdef TIOCSCTTY
        ioctl(s, TIOCSCTTY, 0);
#endif
        dup2(s, 0);
        dup2(s, 1);
        dup2(s, 2);
        if (s > 2)
            close(s);
        close(m);
        close(probe);
        execve(argv[0], argv, envp);
        _exit(127);
    }
    p->pid = pid;
    p->fd = m;
    p->slave = probe;
    p->cap = 4096;
    p->buf = malloc(p->cap);
    if (!p->buf)
        abort();
    p->buf[0] = '\0';
    return 0;
}

void pty_send(struct pty_proc *p, const char *s)
{
    size_t n = strlen(s);
    while (n) {
        ssize_t w = write(p->fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

/* Read what is available within ms; false when the program is gone. */
static bool read_some(struct pty_proc *p, int ms)
{
    struct pollfd pf = { p->fd, POLLIN, 0 };
    int r = poll(&pf, 1, ms);
    if (r <= 0)
        return true;
    char chunk[4096];
    ssize_t n = read(p->fd, chunk, sizeof(chunk));
    if (n <= 0)
        return false; /* EIO: the slave side closed */
    if (p->len + (size_t)n + 1 > p->cap) {
        while (p->len + (size_t)n + 1 > p->cap)
            p->cap *= 2;
        p->buf = realloc(p->buf, p->cap);
        if (!p->buf)
            abort();
    }
    memcpy(p->buf + p->len, chunk, (size_t)n);
    p->len += (size_t)n;
    p->buf[p->len] = '\0';
    return true;
}

int pty_expect(struct pty_proc *p, const char *needle, int timeout_ms)
{
    double end = pty_now_ms() + timeout_ms;
    for (;;) {
        const char *hit = strstr(p->buf + p->seen, needle);
        if (hit) {
            p->seen = (size_t)(hit - p->buf) + strlen(needle);
            return 0;
        }
        double left = end - pty_now_ms();
        if (left <= 0)
            return -1;
        if (!read_some(p, left > 50 ? 50 : (int)left + 1)) {
            hit = strstr(p->buf + p->seen, needle);
            if (hit) {
                p->seen = (size_t)(hit - p->buf) + strlen(needle);
                return 0;
            }
            return -1;
        }
    }
}

void pty_drain(struct pty_proc *p, int ms)
{
    double end = pty_now_ms() + ms;
    while (pty_now_ms() < end)
        if (!read_some(p, 10))
            break;
}

int pty_wait(struct pty_proc *p, int timeout_ms)
{
    double end = pty_now_ms() + timeout_ms;
    while (pty_now_ms() < end) {
        int st;
        pid_t r = waitpid(p->pid, &st, WNOHANG);
        if (r == p->pid) {
            p->exited = true;
            p->status = st;
            pty_drain(p, 0);
            return 0;
        }
        read_some(p, 10);
    }
    return -1;
}

void pty_close(struct pty_proc *p)
{
    if (p->pid > 0 && !p->exited) {
        kill(p->pid, SIGKILL);
        waitpid(p->pid, &p->status, 0);
    }
    if (p->fd >= 0)
        close(p->fd);
    if (p->slave >= 0)
        close(p->slave);
    free(p->buf);
    memset(p, 0, sizeof(*p));
    p->fd = p->slave = -1;
}
