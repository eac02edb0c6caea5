/*
 * lifecycle.h: what happens to running containers over (simulated) time:
 * docker stop, kill, restart, wait, top, exec, health checks, PID 1 and
 * signals (run-semantics.md §3). Each docker_* function handles one
 * parsed docker command for the session and fills the line result.
 *
 * A container's processes (userland.h) live in container->proc and run
 * on the store's clock: every command that looks at a container first
 * advances it to "now" (lifecycle_advance), so a `sleep 5` that was
 * started 6 simulated seconds ago has ended.
 */
#ifndef LIFECYCLE_H
#define LIFECYCLE_H

#include <limits.h>

#include "common.h"

struct session;
struct dparsed;
struct line_result;
struct store;
struct container;
struct sb;
struct explain_list;

void docker_stop(struct session *s, const struct dparsed *p,
                 struct line_result *r);
void docker_kill(struct session *s, const struct dparsed *p,
                 struct line_result *r);
void docker_restart(struct session *s, const struct dparsed *p,
                    struct line_result *r);
void docker_wait(struct session *s, const struct dparsed *p,
                 struct line_result *r);
void docker_top(struct session *s, const struct dparsed *p,
                struct line_result *r);
void docker_exec(struct session *s, const struct dparsed *p,
                 struct line_result *r);

/*
 * Run c's processes up to the store's clock: output lands in c->out /
 * c->err, health checks run, and if PID 1 ends c becomes Exited (with
 * its exit code and finish time). Explanations go to ex (may be NULL).
 */
void lifecycle_advance(struct store *s, struct container *c,
                       struct explain_list *ex);
/* The same for every container; --rm containers that ended are
 * removed. Call before listing or inspecting containers. */
void lifecycle_advance_all(struct store *s);

/* No `docker stop -t`: the container's --stop-timeout, else 10 s. */
#define LIFECYCLE_TIMEOUT_UNSET INT_MIN

/*
 * docker stop of c as the daemon does it: signal (NULL: the container's
 * StopSignal, else SIGTERM), grace period (timeout LIFECYCLE_TIMEOUT_UNSET:
 * the container's --stop-timeout, else 10 s; a negative timeout waits
 * without end), then SIGKILL. Returns 0, 1 if PID 1 was still running
 * after LIFECYCLE_WATCH_SECONDS of an endless grace period (the real
 * command would still be waiting; the container keeps running), or -1
 * with the daemon's error in err (an invalid signal). *took_ms gets the
 * simulated time the stop took.
 */
int lifecycle_stop(struct store *s, struct container *c, const char *signal,
                   int timeout, struct explain_list *ex, long long *took_ms,
                   struct sb *err);

/* How long docker wait, exec and an endless stop watch before giving the
 * prompt back (simulated seconds). */
#define LIFECYCLE_WATCH_SECONDS 3600

/* Health: "starting", "healthy", "unhealthy", or NULL when the container
 * has no health check. */
const char *lifecycle_health(const struct container *c);
/* State.Health of docker inspect ({"Status", "FailingStreak", "Log"}) at
 * indent (e.g. "            "), without a trailing comma or newline;
 * nothing if there is no health check. */
void lifecycle_health_json(struct sb *out, const struct container *c,
                           const char *indent);

/* The last docker stop of c: how long it took (ms) and the exit code;
 * false if c was never stopped. */
bool lifecycle_last_stop(const struct container *c, long long *ms,
                         int *exit_code);

/* PID 1's command line ("sleep 100"), or NULL if nothing runs. */
void lifecycle_pid1(const struct container *c, struct sb *out);

#endif /* LIFECYCLE_H */
