/*
 * bench_sim.c: the simulation core's speed (issue 3): one fresh session
 * that builds a 10-instruction Dockerfile and runs one container, timed
 * end to end (see bench/README.md).
 *
 *   bench_sim [--reps=N]
 *
 * Each iteration: session_init, the Dockerfile, `docker build -t bench .`,
 * `docker run --rm -e GREETING=hi bench`, session_release; the iteration's
 * output is checked (build exit 0, run exit 0 and the expected line) so a
 * fast wrong answer cannot pass. One warm-up iteration, then N timed ones
 * (default 201) with CLOCK_MONOTONIC. Prints one line:
 *
 *   sim reps=201 median_us=123.4 p10_us=... p90_us=... target_us=1000 PASS
 *
 * Exit status: 0 if the benchmark ran (the target is reported, not
 * enforced), 1 if an iteration gave a wrong answer, 2 on bad usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "session.h"

static const char dockerfile[] =
    "FROM alpine:3.20\n"
    "ARG VERSION=1.0\n"
    "ENV APP_HOME=/srv/app VERSION=$VERSION\n"
    "WORKDIR $APP_HOME\n"
    "LABEL org.opencontainers.image.version=$VERSION\n"
    "RUN echo building $VERSION\n"
    "EXPOSE 8080/tcp\n"
    "USER nobody\n"
    "ENTRYPOINT [\"echo\", \"hello from\"]\n"
    "CMD [\"docksim\"]\n";

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* One iteration; returns 0 if every answer was the expected one. */
static int iteration(void)
{
    struct session s;
    struct line_result r;
    int bad = 0;
    session_init(&s);
    session_set_dockerfile(&s, dockerfile, sizeof(dockerfile) - 1);
    line_result_init(&r);
    session_line(&s, "docker build -t bench .", &r);
    if (r.exit_code != 0 || !r.has_image)
        bad = 1;
    line_result_release(&r);
    line_result_init(&r);
    session_line(&s, "docker run --rm -e GREETING=hi bench", &r);
    if (r.exit_code != 0 || !r.out.buf ||
        strcmp(r.out.buf, "hello from docksim\n") != 0)
        bad = 1;
    line_result_release(&r);
    session_release(&s);
    return bad;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    long reps = 201;
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--reps=", 7) == 0) {
            char *end;
            reps = strtol(argv[i] + 7, &end, 10);
            if (*end || reps < 1 || reps > 1000000) {
                fprintf(stderr, "bench_sim: bad --reps value '%s'\n",
                        argv[i] + 7);
                return 2;
            }
        } else {
            fprintf(stderr, "usage: bench_sim [--reps=N]\n");
            return 2;
        }
    }
    if (iteration() != 0) {
        fprintf(stderr, "bench_sim: the simulation gave a wrong answer\n");
        return 1;
    }
    double *t = malloc((size_t)reps * sizeof(*t));
    if (!t)
        return 2;
    for (long i = 0; i < reps; i++) {
        double t0 = now_us();
        int bad = iteration();
        t[i] = now_us() - t0;
        if (bad) {
            fprintf(stderr, "bench_sim: wrong answer in iteration %ld\n", i);
            free(t);
            return 1;
        }
    }
    qsort(t, (size_t)reps, sizeof(*t), cmp_double);
    double med = t[reps / 2];
    printf("sim reps=%ld median_us=%.1f p10_us=%.1f p90_us=%.1f "
           "target_us=1000 %s\n",
           reps, med, t[reps / 10], t[reps * 9 / 10],
           med <= 1000.0 ? "PASS" : "FAIL");
    free(t);
    return 0;
}
