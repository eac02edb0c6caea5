/*
 * lifecycle.h: what happens to running containers over (simulated) time:
 * docker stop, kill, restart, wait, logs -f, top, exec, health checks,
 * PID 1 and signals (run-semantics.md §3). Each function handles one
 * parsed docker command for the session and fills the line result.
 */
#ifndef LIFECYCLE_H
#define LIFECYCLE_H

#include "common.h"

struct session;
struct dparsed;
struct line_result;

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

#endif /* LIFECYCLE_H */
