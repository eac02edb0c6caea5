/* PROVISIONAL: the container lifecycle is not simulated yet. */
#include "lifecycle.h"

#include "dockerargs.h"
#include "session.h"

static void not_yet(const struct dparsed *p, struct line_result *r)
{
    sb_addf(&r->err, "docksim: `docker %s` is not simulated yet.\n",
            p->cmd->path);
    r->exit_code = 1;
}

void docker_stop(struct session *s, const struct dparsed *p,
                 struct line_result *r)
{
    (void)s;
    not_yet(p, r);
}

void docker_kill(struct session *s, const struct dparsed *p,
                 struct line_result *r)
{
    (void)s;
    not_yet(p, r);
}

void docker_restart(struct session *s, const struct dparsed *p,
                    struct line_result *r)
{
    (void)s;
    not_yet(p, r);
}

void docker_wait(struct session *s, const struct dparsed *p,
                 struct line_result *r)
{
    (void)s;
    not_yet(p, r);
}

void docker_top(struct session *s, const struct dparsed *p,
                struct line_result *r)
{
    (void)s;
    not_yet(p, r);
}

void docker_exec(struct session *s, const struct dparsed *p,
                 struct line_result *r)
{
    (void)s;
    not_yet(p, r);
}
