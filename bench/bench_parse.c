/*
 * bench_parse.c: parser throughput and peak memory (see bench/README.md).
 *
 *   bench_parse [--layer=ast|all] [--reps=N] FILE
 *   bench_parse --check FILE
 *
 * Reads FILE into memory once, then times N runs (after one untimed
 * warm-up run) of ast_parse (--layer=ast: layer 2, parser.h) and/or
 * dockerfile_parse (--layer=all: layers 1-3, instructions.h) with
 * CLOCK_MONOTONIC, releasing the result after each run (release not
 * timed). One line per layer on stdout:
 *
 *   layer=ast bytes=1048576 reps=7 median_s=0.004100000 mb_s=243.9 \
 *       peak_rss_kb=5120 base_rss_kb=1100
 *
 * mb_s counts 1 MB = 2^20 bytes. peak_rss_kb is getrusage's ru_maxrss at
 * the end (the program, the input and the largest parse result);
 * base_rss_kb is ru_maxrss before the input was read. Without --layer both
 * layers run in this process and share one peak: run one layer per
 * process (bench/run.sh does) to measure each.
 *
 * --check parses FILE once through layers 1-3, writes BuildKit's AST dump
 * to stdout and the errors (not the warnings) to stderr, and exits 1 if
 * there is an error. Exit status 2: bad usage or an unreadable FILE.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common.h"
#include "diag.h"
#include "instructions.h"
#include "parser.h"
#include "render.h"
#include "sb.h"

enum layer { LAYER_AST = 1, LAYER_ALL = 2 };

static void usage(FILE *f)
{
    fprintf(f, "usage: bench_parse [--layer=ast|all] [--reps=N] FILE\n"
               "       bench_parse --check FILE\n");
}

/* The whole file, NUL-terminated; exits on error. */
static char *read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        fprintf(stderr, "bench_parse: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    if (!S_ISREG(st.st_mode)) {
        fprintf(stderr, "bench_parse: %s: not a regular file\n", path);
        exit(2);
    }
    size_t size = (size_t)st.st_size, n = 0;
    char *buf = malloc(size + 1);
    if (!buf) {
        fprintf(stderr, "bench_parse: out of memory\n");
        exit(2);
    }
    while (n < size) {
        ssize_t got = read(fd, buf + n, size - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            fprintf(stderr, "bench_parse: %s: %s\n", path,
                    got < 0 ? strerror(errno) : "file shrank while read");
            exit(2);
        }
        n += (size_t)got;
    }
    close(fd);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long max_rss_kb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) < 0)
        return -1;
    return ru.ru_maxrss; /* kilobytes on Linux */
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Print the errors of dl (warnings are counted, not shown). */
static size_t report_errors(const char *path, const struct diag_list *dl)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->n; i++)
        if (dl->items[i].level == DIAG_ERROR) {
            render_diag(stderr, path, &dl->items[i]);
            n++;
        }
    return n;
}

/* Layers 1-3 in streaming mode (what `docksim parse` uses): each typed
 * instruction is handed over and its memory reused. */
static void count_instr(void *ctx, const struct instr *in, long stage)
{
    (void)in;
    (void)stage;
    (*(size_t *)ctx)++;
}

/* One timed parse of the given layer; exits if the input has an error. */
static double run_once(enum layer layer, const char *path, const char *text,
                       size_t len)
{
    struct diag_list dl = DIAG_LIST_INIT;
    double t0, t1;
    int rc;
    if (layer == LAYER_AST) {
        struct ast ast;
        t0 = now_s();
        rc = ast_parse(&ast, text, len, &dl);
        t1 = now_s();
        ast_release(&ast);
    } else {
        struct dockerfile df;
        size_t n = 0;
        struct dockerfile_opts opts = { NULL, count_instr, &n };
        t0 = now_s();
        rc = dockerfile_parse(&df, text, len, &opts, &dl);
        t1 = now_s();
        dockerfile_release(&df);
    }
    if (rc < 0 || diag_count(&dl, DIAG_ERROR) > 0) {
        fprintf(stderr, "bench_parse: %s does not parse:\n", path);
        report_errors(path, &dl);
        exit(1);
    }
    diag_list_release(&dl);
    return t1 - t0;
}

static void bench(enum layer layer, const char *path, const char *text,
                  size_t len, int reps, long base_rss)
{
    double *t = malloc((size_t)reps * sizeof(*t));
    if (!t) {
        fprintf(stderr, "bench_parse: out of memory\n");
        exit(2);
    }
    run_once(layer, path, text, len); /* warm-up: page faults, caches */
    for (int i = 0; i < reps; i++)
        t[i] = run_once(layer, path, text, len);
    qsort(t, (size_t)reps, sizeof(*t), cmp_double);
    double med = reps % 2 ? t[reps / 2] : (t[reps / 2 - 1] + t[reps / 2]) / 2;
    double mb = (double)len / (1024.0 * 1024.0);
    printf("layer=%s bytes=%zu reps=%d median_s=%.9f mb_s=%.1f "
           "peak_rss_kb=%ld base_rss_kb=%ld\n",
           layer == LAYER_AST ? "ast" : "all", len, reps, med,
           med > 0 ? mb / med : 0.0, max_rss_kb(), base_rss);
    free(t);
}

static int check(const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    struct diag_list dl = DIAG_LIST_INIT;
    struct dockerfile df;
    int rc = dockerfile_parse(&df, text, len, NULL, &dl);
    if (df.parsed) {
        struct sb out = SB_INIT;
        ast_dump(&out, &df.ast);
        fwrite(out.buf, 1, out.len, stdout);
        sb_release(&out);
    }
    size_t errors = report_errors(path, &dl);
    dockerfile_release(&df);
    diag_list_release(&dl);
    free(text);
    return rc < 0 || errors > 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
    int layers = LAYER_AST | LAYER_ALL;
    int reps = 7;
    bool do_check = false;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--layer=ast") == 0) {
            layers = LAYER_AST;
        } else if (strcmp(a, "--layer=all") == 0) {
            layers = LAYER_ALL;
        } else if (strncmp(a, "--reps=", 7) == 0) {
            char *end;
            errno = 0;
            long v = strtol(a + 7, &end, 10);
            if (errno || *end || end == a + 7 || v < 1 || v > 100000) {
                fprintf(stderr, "bench_parse: bad --reps value '%s'\n", a + 7);
                return 2;
            }
            reps = (int)v;
        } else if (strcmp(a, "--check") == 0) {
            do_check = true;
        } else if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (a[0] == '-' || path) {
            usage(stderr);
            return 2;
        } else {
            path = a;
        }
    }
    if (!path) {
        usage(stderr);
        return 2;
    }
    if (do_check)
        return check(path);

    long base_rss = max_rss_kb();
    size_t len;
    char *text = read_file(path, &len);
    if (layers & LAYER_AST)
        bench(LAYER_AST, path, text, len, reps, base_rss);
    if (layers & LAYER_ALL)
        bench(LAYER_ALL, path, text, len, reps, base_rss);
    free(text);
    return 0;
}
