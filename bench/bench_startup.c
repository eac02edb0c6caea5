/*
 * bench_startup.c: how long docksim takes from being started on a
 * terminal to showing its prompt (issue 5: at most 5 ms median).
 *
 *   bench_startup [--runs N] PATH/TO/docksim [OTHER-BUILD...]
 *   bench_startup --floor           (internal: the floor program)
 *
 * Each run starts docksim on a fresh pseudo-terminal (tests/pty/ptyutil.c)
 * with a private HOME whose history file holds 1000 distinct lines (the
 * most docksim keeps), and measures from just before fork() to the moment
 * "docksim> " has been read from the terminal: exec, dynamic linking,
 * readline's set-up, loading and de-duplicating the history, the banner
 * and the prompt. Then Ctrl-D ends it (not timed). The pseudo-terminal
 * is allocated before the clock starts (a terminal emulator has one
 * already). Two untimed runs warm the page cache first.
 *
 * The same is measured, run for run in alternation, for a floor program
 * (this binary with --floor: it prints the prompt at once and waits for
 * Ctrl-D): what any program costs on this machine to start and be seen,
 * measured under the same load. docksim's own share is the difference.
 *
 * Several programs (builds of docksim to compare) are measured in the same
 * alternation, so a change of load on the machine hits all alike.
 *
 * Prints the medians, minimum and maximum, and PASS/FAIL against 5 ms
 * (for the first program);
 * exits 0 if it ran (1 if it could not), so the target is reported, not
 * enforced.
 */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../tests/pty/ptyutil.h"

#define TARGET_MS 5.0

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The floor program: a prompt at once, then wait for Ctrl-D. */
static int floor_main(void)
{
    fputs("docksim> ", stdout);
    fflush(stdout);
    char c;
    while (read(0, &c, 1) == 1 && c != 4)
        ;
    return 0;
}

static double median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof(*t), cmp_double);
    return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

/* One start: ms from fork() to the prompt, or -1. */
static double one_run(char **args, char **envp)
{
    struct pty_proc p;
    char why[256];
    if (pty_spawn(&p, args, envp, why, sizeof(why)) != 0) {
        fprintf(stderr, "bench_startup: cannot start %s on a pty: %s\n",
                args[0], why);
        return -1;
    }
    if (pty_expect(&p, "docksim> ", 10000) != 0) {
        fprintf(stderr, "bench_startup: no prompt from %s within 10 s\n",
                args[0]);
        pty_close(&p);
        return -1;
    }
    double ms = pty_now_ms() - p.t_fork;
    pty_send(&p, "\x04");
    pty_wait(&p, 5000);
    pty_close(&p);
    return ms;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--floor") == 0)
        return floor_main();
    int runs = 51, first = 1;
    if (argc > 2 && strcmp(argv[1], "--runs") == 0) {
        runs = atoi(argv[2]);
        first = 3;
    }
    int nprog = argc - first;
    if (nprog < 1 || nprog > 8 || runs < 1) {
        fprintf(stderr, "usage: %s [--runs N] PATH/TO/docksim [OTHER...]\n",
                argv[0]);
        return 2;
    }
    char dir[256];
    snprintf(dir, sizeof(dir), "%s/bench_startup.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char path[512], home[400], state[400], inputrc[400];
    snprintf(home, sizeof(home), "HOME=%s", dir);
    snprintf(state, sizeof(state), "XDG_STATE_HOME=%s/state", dir);
    snprintf(inputrc, sizeof(inputrc), "INPUTRC=%s/inputrc", dir);
    snprintf(path, sizeof(path), "%s/state", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof(path), "%s/state/docksim", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof(path), "%s/state/docksim/history", dir);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return 1;
    }
    for (int i = 0; i < 1000; i++)
        fprintf(f, "docker run --rm -e N=%d alpine echo line %d\n", i, i);
    fclose(f);
    snprintf(path, sizeof(path), "%s/inputrc", dir);
    f = fopen(path, "w");
    if (f)
        fclose(f);

    char *envp[] = { home, state, inputrc, (char *)"TERM=xterm",
                     (char *)"LANG=C.UTF-8", NULL };
    char self[4096];
    ssize_t sl = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (sl <= 0) {
        perror("readlink /proc/self/exe");
        return 1;
    }
    self[sl] = '\0';
    char *fargs[] = { self, (char *)"--floor", NULL };
    double *t[9];
    for (int k = 0; k <= nprog; k++) {
        t[k] = calloc((size_t)runs, sizeof(double));
        if (!t[k])
            return 1;
    }
    int rc = 0;
    for (int i = -2; i < runs && rc == 0; i++) {
        for (int k = 0; k <= nprog && rc == 0; k++) {
            char *args[] = { k < nprog ? argv[first + k] : NULL, NULL };
            double ms = one_run(k < nprog ? args : fargs, envp);
            if (ms < 0)
                rc = 1;
            else if (i >= 0)
                t[k][i] = ms;
        }
    }
    char cmd[400];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "bench_startup: could not remove %s\n", dir);
    if (rc == 0) {
        double fmed = median(t[nprog], runs);
        for (int k = 0; k < nprog; k++) {
            double lo = 1e9, hi = 0;
            for (int i = 0; i < runs; i++) {
                lo = t[k][i] < lo ? t[k][i] : lo;
                hi = t[k][i] > hi ? t[k][i] : hi;
            }
            double med = median(t[k], runs);
            printf("%s: start to prompt (%d runs, 1000-line history): median "
                   "%.2f ms (min %.2f, max %.2f), docksim's own share %.2f "
                   "ms\n",
                   argv[first + k], runs, med, lo, hi, med - fmed);
            if (k == 0)
                printf("  %s start to prompt <= %.0f ms median\n",
                       med <= TARGET_MS ? "PASS" : "FAIL", TARGET_MS);
        }
        printf("floor (a program that only prints the prompt), the same runs: "
               "median %.2f ms\n",
               fmed);
    }
    for (int k = 0; k <= nprog; k++)
        free(t[k]);
    return rc;
}
