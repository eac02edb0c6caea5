/*
 * run.c: the daemon's side of docker create/start/run (run-semantics.md
 * §2): mergeAndVerifyConfig, getEntrypointAndArgs,
 * CreateDaemonEnvironment, runc's PATH lookup and exec checks, and the
 * CLI's reading of the result (exit codes 125/126/127, messages).
 */
#include "run.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "sha256.h"
#include "store.h"
#include "unicode.h"
#include "userland.h"
#include "xmalloc.h"

/* Canonical wording: Engine 28 + runc >= 1.2 (run-semantics.md §2.6). */
#define RUNTIME_PREFIX                                                      \
    "failed to create task for container: failed to create shim task: "    \
    "OCI runtime create failed: runc create failed: unable to start "       \
    "container process: error during container init: "

void run_request_init(struct run_request *rq)
{
    memset(rq, 0, sizeof(*rq));
    strlist_init(&rq->entrypoint);
    strlist_init(&rq->cmd);
    strlist_init(&rq->env);
    strlist_init(&rq->ports);
    strlist_init(&rq->volumes);
    rq->stop_timeout = -1;
}

void run_request_release(struct run_request *rq)
{
    strlist_release(&rq->entrypoint);
    strlist_release(&rq->cmd);
    strlist_release(&rq->env);
    strlist_release(&rq->ports);
    strlist_release(&rq->volumes);
    if (rq->health) {
        strlist_release(&rq->health->test);
        free(rq->health);
    }
    memset(rq, 0, sizeof(*rq));
}

void run_outcome_init(struct run_outcome *o)
{
    memset(o, 0, sizeof(*o));
    sb_init(&o->out);
    sb_init(&o->err);
    explain_init(&o->explain);
}

void run_outcome_release(struct run_outcome *o)
{
    container_free(o->removed);
    sb_release(&o->out);
    sb_release(&o->err);
    explain_release(&o->explain);
    memset(o, 0, sizeof(*o));
}

void container_free(struct container *c)
{
    if (!c)
        return;
    userland_release(c);
    free(c->id);
    free(c->name);
    free(c->image_ref);
    image_config_release(&c->cfg);
    free(c->hostname);
    free(c->path);
    strlist_release(&c->args);
    free(c->origin);
    free(c->network);
    strlist_release(&c->ports);
    free(c->error);
    vfs_release(&c->fs);
    strlist_release(&c->process_env);
    sb_release(&c->out);
    sb_release(&c->err);
    free(c);
}

struct container *store_find_container(struct store *s, const char *name)
{
    if (!name || !*name)
        return NULL;
    const char *n = name[0] == '/' ? name + 1 : name;
    for (size_t i = 0; i < s->n_containers; i++)
        if (strcmp(s->containers[i]->name, n) == 0)
            return s->containers[i];
    /* full id, then a unique id prefix */
    struct container *found = NULL;
    size_t len = strlen(n);
    for (size_t i = 0; i < s->n_containers; i++)
        if (strncmp(s->containers[i]->id, n, len) == 0) {
            if (found)
                return NULL;
            found = s->containers[i];
        }
    return found;
}

/* Take c out of the store's list without freeing it. */
static void store_detach_container(struct store *s, struct container *c)
{
    for (size_t i = 0; i < s->n_containers; i++)
        if (s->containers[i] == c) {
            memmove(s->containers + i, s->containers + i + 1,
                    (s->n_containers - i - 1) * sizeof(*s->containers));
            s->n_containers--;
            break;
        }
}

void store_remove_container(struct store *s, struct container *c)
{
    store_detach_container(s, c);
    container_free(c);
}

/* --rm: the container leaves the store; the outcome keeps it. */
static void auto_remove(struct store *s, struct container *c,
                        struct run_outcome *o)
{
    store_detach_container(s, c);
    container_free(o->removed);
    o->removed = c;
    o->container = NULL;
}

int signal_number(const char *s)
{
    static const struct {
        const char *name;
        int num;
    } sigs[] = {
        { "HUP", 1 },    { "INT", 2 },     { "QUIT", 3 },   { "ILL", 4 },
        { "TRAP", 5 },   { "ABRT", 6 },    { "IOT", 6 },    { "BUS", 7 },
        { "FPE", 8 },    { "KILL", 9 },    { "USR1", 10 },  { "SEGV", 11 },
        { "USR2", 12 },  { "PIPE", 13 },   { "ALRM", 14 },  { "TERM", 15 },
        { "STKFLT", 16 }, { "CHLD", 17 },  { "CLD", 17 },   { "CONT", 18 },
        { "STOP", 19 },  { "TSTP", 20 },   { "TTIN", 21 },  { "TTOU", 22 },
        { "URG", 23 },   { "XCPU", 24 },   { "XFSZ", 25 },  { "VTALRM", 26 },
        { "PROF", 27 },  { "WINCH", 28 },  { "IO", 29 },    { "POLL", 29 },
        { "PWR", 30 },   { "SYS", 31 },    { "RTMIN", 34 }, { "RTMAX", 64 },
    };
    char *end;
    long n = strtol(s, &end, 10);
    if (*s && !*end)
        return n > 0 && n <= 64 ? (int)n : -1;
    const char *p = s;
    if (strlen(p) > 3 && (p[0] == 'S' || p[0] == 's') &&
        (p[1] == 'I' || p[1] == 'i') && (p[2] == 'G' || p[2] == 'g'))
        p += 3;
    for (size_t i = 0; i < ARRAY_LEN(sigs); i++) {
        const char *a = sigs[i].name, *b = p;
        while (*a && *b && (*a == *b || *a == *b - 32))
            a++, b++;
        if (!*a && !*b)
            return sigs[i].num;
    }
    return -1;
}

/* ==================================================================== */
/* Output helpers                                                       */
/* ==================================================================== */

static void daemon_error(struct run_outcome *o, const char *cli,
                         const char *fmt, ...) ATTR_PRINTF(3, 4);

/* "docker: Error response from daemon: ..." + the CLI 28 help footer. */
static void daemon_error(struct run_outcome *o, const char *cli,
                         const char *fmt, ...)
{
    va_list ap;
    struct sb m = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    char *msg = sb_detach(&m, NULL);
    if (strcmp(cli, "create") == 0)
        sb_addf(&o->err, "Error response from daemon: %s\n", msg);
    else
        sb_addf(&o->err,
                "docker: Error response from daemon: %s\n\nRun 'docker %s "
                "--help' for more information\n",
                msg, cli);
    free(msg);
}

static void quote_word(struct sb *out, const char *w)
{
    bool plain = *w != '\0';
    for (const char *p = w; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || strchr("-_./:=@%+,", *p)))
            plain = false;
    if (plain) {
        sb_adds(out, w);
        return;
    }
    sb_addch(out, '\'');
    for (const char *p = w; *p; p++) {
        if (*p == '\'')
            sb_adds(out, "'\\''");
        else
            sb_addch(out, *p);
    }
    sb_addch(out, '\'');
}

void run_argv_line(struct sb *out, const char *path,
                   const struct strlist *args)
{
    quote_word(out, path);
    for (size_t i = 0; i < args->n; i++) {
        sb_addch(out, ' ');
        quote_word(out, args->v[i]);
    }
}

static void json_list(struct sb *out, const struct strlist *l)
{
    strlist_to_json_inline(out, l);
}

/* ==================================================================== */
/* Create                                                               */
/* ==================================================================== */

static const char *const name_left[] = {
    "admiring", "brave", "clever", "dazzling", "eager", "focused",
    "gallant", "happy", "jolly", "keen", "loving", "modest", "nifty",
    "optimistic", "peaceful", "quirky", "relaxed", "sharp", "tender",
    "vibrant", "wonderful", "youthful", "zealous",
};
static const char *const name_right[] = {
    "babbage", "curie", "darwin", "euclid", "fermi", "galileo", "hopper",
    "johnson", "kepler", "lovelace", "meitner", "newton", "noether",
    "pasteur", "ritchie", "shannon", "thompson", "turing", "wozniak",
};

static char *new_id(struct store *s, const char *what)
{
    char buf[96];
    char hex[65];
    s->serial++;
    snprintf(buf, sizeof(buf), "docksim %s %lu", what, s->serial);
    sha256_hex(buf, strlen(buf), hex);
    return xstrdup(hex);
}

static char *new_name(struct store *s)
{
    for (unsigned long k = s->serial;; k++) {
        struct sb n = SB_INIT;
        sb_addf(&n, "%s_%s", name_left[k % ARRAY_LEN(name_left)],
                name_right[(k / ARRAY_LEN(name_left) + k) %
                           ARRAY_LEN(name_right)]);
        if (!store_find_container(s, n.buf))
            return sb_detach(&n, NULL);
        sb_release(&n);
    }
}

static const char *env_key_end(const char *kv)
{
    const char *eq = strchr(kv, '=');
    return eq ? eq : kv + strlen(kv);
}

static bool env_has_key(const struct strlist *env, const char *kv)
{
    size_t kl = (size_t)(env_key_end(kv) - kv);
    for (size_t i = 0; i < env->n; i++) {
        size_t l = (size_t)(env_key_end(env->v[i]) - env->v[i]);
        if (l == kl && memcmp(env->v[i], kv, kl) == 0)
            return true;
    }
    return false;
}

/* The daemon's merge(userConf, imageConf) and the entrypoint reset. */
static void merge_config(struct container *c, const struct run_request *rq,
                         const struct image_config *img, struct explain_list *ex)
{
    struct image_config *cfg = &c->cfg;
    /* User, WorkingDir, StopSignal: the image's unless given */
    image_config_set_str(&cfg->user, rq->user ? rq->user : img->user);
    image_config_set_str(&cfg->working_dir,
                         rq->workdir ? rq->workdir : img->working_dir);
    image_config_set_str(&cfg->stop_signal,
                         rq->stop_signal ? rq->stop_signal : img->stop_signal);
    /* ExposedPorts and Volumes: unions */
    strlist_copy(&cfg->exposed_ports, &img->exposed_ports);
    strlist_copy(&cfg->volumes, &img->volumes);
    /* Env: the user's first, then the image's keys the user did not set */
    strlist_release(&cfg->env);
    strlist_set_empty(&cfg->env);
    if (rq->env.n == 0) {
        strlist_copy(&cfg->env, &img->env);
    } else {
        for (size_t i = 0; i < rq->env.n; i++)
            strlist_push(&cfg->env, rq->env.v[i]);
        for (size_t i = 0; i < img->env.n; i++)
            if (!env_has_key(&rq->env, img->env.v[i]))
                strlist_push(&cfg->env, img->env.v[i]);
    }
    /* Labels: the image's */
    for (size_t i = 0; i < img->n_labels; i++)
        image_config_set_label(cfg, img->labels[i].key, img->labels[i].value);
    /* Healthcheck: the user's, else the image's */
    if (rq->health || rq->no_healthcheck) {
        cfg->healthcheck = xcalloc(1, sizeof(*cfg->healthcheck));
        strlist_init(&cfg->healthcheck->test);
        if (rq->no_healthcheck) {
            strlist_push(&cfg->healthcheck->test, "NONE");
        } else {
            struct health_config *h = cfg->healthcheck;
            strlist_copy(&h->test, &rq->health->test);
            h->interval = rq->health->interval;
            h->timeout = rq->health->timeout;
            h->start_period = rq->health->start_period;
            h->start_interval = rq->health->start_interval;
            h->retries = rq->health->retries;
            if (img->healthcheck) {
                const struct health_config *ih = img->healthcheck;
                if (!h->test.n)
                    strlist_copy(&h->test, &ih->test);
                if (!h->interval)
                    h->interval = ih->interval;
                if (!h->timeout)
                    h->timeout = ih->timeout;
                if (!h->start_period)
                    h->start_period = ih->start_period;
                if (!h->start_interval)
                    h->start_interval = ih->start_interval;
                if (!h->retries)
                    h->retries = ih->retries;
            }
        }
    } else if (img->healthcheck) {
        cfg->healthcheck = xcalloc(1, sizeof(*cfg->healthcheck));
        strlist_init(&cfg->healthcheck->test);
        strlist_copy(&cfg->healthcheck->test, &img->healthcheck->test);
        cfg->healthcheck->interval = img->healthcheck->interval;
        cfg->healthcheck->timeout = img->healthcheck->timeout;
        cfg->healthcheck->start_period = img->healthcheck->start_period;
        cfg->healthcheck->start_interval = img->healthcheck->start_interval;
        cfg->healthcheck->retries = img->healthcheck->retries;
    }
    strlist_copy(&cfg->shell, &img->shell);
    cfg->args_escaped = false;

    /* Entrypoint and Cmd */
    strlist_copy(&cfg->entrypoint, &rq->entrypoint);
    strlist_copy(&cfg->cmd, &rq->cmd);
    bool user_ep = rq->entrypoint.n > 0;
    bool user_cmd = rq->cmd.n > 0;
    if (!user_ep) {
        if (!user_cmd) {
            strlist_copy(&cfg->cmd, &img->cmd);
            cfg->args_escaped = img->args_escaped;
        }
        if (!rq->entrypoint.set)
            strlist_copy(&cfg->entrypoint, &img->entrypoint);
    }
    struct sb t = SB_INIT;
    if (user_ep) {
        if (img->cmd.n && !user_cmd) {
            json_list(&t, &img->cmd);
            explain_add(ex, "run.entrypoint-flag-drops-cmd", 0,
                        "docker run --entrypoint replaces the image's "
                        "ENTRYPOINT and also drops its CMD %s: with "
                        "--entrypoint, only the words after the image name "
                        "are passed as arguments.",
                        t.buf);
        } else {
            explain_add(ex, "run.entrypoint-flag", 0,
                        "docker run --entrypoint replaces the image's "
                        "ENTRYPOINT (as one word, never split on spaces).");
        }
    }
    if (user_cmd) {
        sb_reset(&t);
        if (cfg->entrypoint.n && !user_ep) {
            json_list(&t, &cfg->entrypoint);
            explain_add(ex, "run.args-appended-to-entrypoint", 0,
                        "The words after the image name replace the image's "
                        "CMD and are appended to its ENTRYPOINT %s.",
                        t.buf);
        } else if (!user_ep) {
            if (img->cmd.n) {
                json_list(&t, &img->cmd);
                explain_add(ex, "run.args-replace-cmd", 0,
                            "The words after the image name replace the "
                            "image's whole CMD %s; the first word is the "
                            "program to run.",
                            t.buf);
            } else {
                explain_add(ex, "run.args-are-the-command", 0,
                            "The image has no CMD or ENTRYPOINT; the words "
                            "after the image name are the command.");
            }
        }
    } else if (!user_ep && cfg->entrypoint.n && cfg->cmd.n) {
        json_list(&t, &cfg->cmd);
        explain_add(ex, "run.cmd-appended-to-entrypoint", 0,
                    "The image's CMD %s is appended to its ENTRYPOINT as "
                    "default arguments.",
                    t.buf);
    }
    sb_release(&t);
    /* Reset the Entrypoint if it is [""] */
    if (cfg->entrypoint.n == 1 && cfg->entrypoint.v[0][0] == '\0') {
        strlist_release(&cfg->entrypoint);
        explain_add(ex, "run.entrypoint-empty-resets", 0,
                    "--entrypoint \"\" removes the entrypoint altogether, and "
                    "(as any --entrypoint) drops the image's CMD too.");
    }
}

/* getEntrypointAndArgs, with where each element came from. */
static void entrypoint_and_args(struct container *c, bool user_ep,
                                bool user_cmd)
{
    const struct strlist *ep = &c->cfg.entrypoint, *cmd = &c->cfg.cmd;
    size_t n = ep->n + cmd->n;
    c->origin = xcalloc(n ? n : 1, sizeof(*c->origin));
    strlist_init(&c->args);
    strlist_set_empty(&c->args);
    size_t k = 0;
    enum argv_origin eo = user_ep ? ORIGIN_ENTRYPOINT_FLAG
                                  : ORIGIN_IMAGE_ENTRYPOINT;
    enum argv_origin co = user_cmd ? ORIGIN_RUN_ARGS : ORIGIN_IMAGE_CMD;
    if (ep->n == 0) {
        c->path = xstrdup(cmd->v[0]);
        for (size_t i = 1; i < cmd->n; i++)
            strlist_push(&c->args, cmd->v[i]);
        for (size_t i = 0; i < cmd->n; i++)
            c->origin[k++] = co;
    } else {
        c->path = xstrdup(ep->v[0]);
        for (size_t i = 1; i < ep->n; i++)
            strlist_push(&c->args, ep->v[i]);
        for (size_t i = 0; i < cmd->n; i++)
            strlist_push(&c->args, cmd->v[i]);
        for (size_t i = 0; i < ep->n; i++)
            c->origin[k++] = eo;
        for (size_t i = 0; i < cmd->n; i++)
            c->origin[k++] = co;
    }
}

/* Is argv a shell running -c with extra words (they become $0 $1 ...)? */
static void explain_shell_positional(struct container *c,
                                     struct explain_list *ex)
{
    if (c->args.n < 3)
        return;
    const char *base = strrchr(c->path, '/');
    base = base ? base + 1 : c->path;
    if (!(strcmp(base, "sh") == 0 || strcmp(base, "bash") == 0 ||
          strcmp(base, "dash") == 0 || strcmp(base, "ash") == 0))
        return;
    if (strcmp(c->args.v[0], "-c") != 0)
        return;
    /* does the command string read its positional parameters? */
    const char *cmd = c->args.v[1];
    bool reads = false;
    for (const char *q = cmd; *q && !reads; q++) {
        if (*q != '$')
            continue;
        const char *v = q[1] == '{' ? q + 2 : q + 1;
        reads = (*v >= '0' && *v <= '9') || *v == '@' || *v == '*' ||
                *v == '#';
    }
    if (reads)
        explain_add(ex, "run.shell-args-positional-used", 0,
                    "After `%s -c '...'` the extra words do not become part "
                    "of the command text: the shell sets the first one "
                    "(%s) as $0, the next as $1, and so on. This command "
                    "string reads positional parameters, so it sees them "
                    "(note: $0, not $1, is the first word).",
                    base, c->args.v[2]);
    else
        explain_add(ex, "run.shell-entrypoint-args-become-positional", 0,
                    "After `%s -c '...'` the extra words (%s...) do not "
                    "become part of the command: the shell sets them as $0, "
                    "$1, ... and this command string never uses them, so "
                    "they have no effect.",
                    base, c->args.v[2]);
}

int run_argv(const struct image_config *img, const struct run_request *rq,
             struct strlist *argv)
{
    struct container c;
    memset(&c, 0, sizeof(c));
    image_config_init(&c.cfg);
    struct explain_list ex;
    explain_init(&ex);
    merge_config(&c, rq, img, &ex);
    int rc = -1;
    strlist_release(argv);
    if (c.cfg.entrypoint.n || c.cfg.cmd.n) {
        entrypoint_and_args(&c, rq->entrypoint.n > 0, rq->cmd.n > 0);
        strlist_set_empty(argv);
        strlist_push(argv, c.path);
        for (size_t i = 0; i < c.args.n; i++)
            strlist_push(argv, c.args.v[i]);
        rc = 0;
    }
    free(c.path);
    strlist_release(&c.args);
    free(c.origin);
    image_config_release(&c.cfg);
    explain_release(&ex);
    return rc;
}

static void pull_lines(struct store *s, struct run_outcome *o,
                       const struct image *img, const char *ref)
{
    struct image_ref r;
    char *err = NULL;
    if (image_ref_parse(ref, &r, &err) < 0) {
        free(err);
        return;
    }
    char hex[65];
    sha256_hex(img->id, strlen(img->id), hex);
    const char *slash = strchr(r.repo, '/');
    sb_addf(&o->err, "Unable to find image '%s:%s' locally\n", r.repo, r.tag);
    sb_addf(&o->err, "%s: Pulling from %s%s\n", r.tag, slash ? "" : "library/",
            r.repo);
    sb_addf(&o->err, "%.12s: Pull complete\n", hex + 12);
    sb_addf(&o->err, "Digest: sha256:%s\n", hex);
    sb_addf(&o->err, "Status: Downloaded newer image for %s:%s\n", r.repo,
            r.tag);
    explain_add(&o->explain, "run.image-pulled", 0,
                "%s:%s was not in the local image store yet, so Docker pulls "
                "it first (docksim uses its built-in copy of the official "
                "image's configuration).",
                r.repo, r.tag);
    (void)s;
    image_ref_release(&r);
}

int run_container(struct store *s, const struct run_request *rq,
                  struct run_outcome *o)
{
    const char *cli = rq->start ? "run" : "create";
    /* the image */
    struct image_ref ref;
    char *err = NULL;
    if (image_ref_parse(rq->image_ref, &ref, &err) < 0) {
        if (rq->start)
            sb_addf(&o->err,
                    "docker: %s\n\nRun 'docker run --help' for more "
                    "information\n",
                    err);
        else
            sb_addf(&o->err, "%s\n", err);
        free(err);
        o->exit_code = rq->start ? 125 : 1;
        return o->exit_code;
    }
    bool pulled = false;
    struct image *img = NULL;
    if (rq->pull_never) {
        img = store_find_image(s, rq->image_ref);
        if (!img) {
            daemon_error(o, cli, "No such image: %s:%s", ref.repo, ref.tag);
            explain_add(&o->explain, "run.pull-never-missing", 0,
                        "--pull never uses only images already in the "
                        "local store (pulled or built earlier), and %s is "
                        "not there.",
                        rq->image_ref);
            image_ref_release(&ref);
            o->exit_code = rq->start ? 125 : 1;
            return o->exit_code;
        }
    } else {
        img = store_image(s, rq->image_ref, &pulled);
    }
    if (!img) {
        sb_addf(&o->err, "Unable to find image '%s:%s' locally\n", ref.repo,
                ref.tag);
        daemon_error(o, cli,
                     "pull access denied for %s, repository does not exist "
                     "or may require 'docker login'",
                     ref.repo);
        struct sb hint = SB_INIT;
        catalog_hint(&hint);
        explain_add(&o->explain, "run.image-not-found", 0,
                    "docksim never downloads images: '%s' is neither a known "
                    "official image nor one built in this session. %s",
                    rq->image_ref, hint.buf);
        sb_release(&hint);
        image_ref_release(&ref);
        o->exit_code = rq->start ? 125 : 1;
        return o->exit_code;
    }
    image_ref_release(&ref);
    if (pulled)
        pull_lines(s, o, img, rq->image_ref);

    /* daemon-side checks of the request */
    if (rq->workdir && rq->workdir[0] != '/') {
        daemon_error(o, cli,
                     "the working directory '%s' is invalid, it needs to be "
                     "an absolute path",
                     rq->workdir);
        o->exit_code = rq->start ? 125 : 1;
        return o->exit_code;
    }
    if (rq->stop_signal && signal_number(rq->stop_signal) < 0) {
        daemon_error(o, cli, "Invalid signal: %s", rq->stop_signal);
        o->exit_code = rq->start ? 125 : 1;
        return o->exit_code;
    }
    if (rq->name) {
        struct container *dup = store_find_container(s, rq->name);
        if (dup && strcmp(dup->name, rq->name[0] == '/' ? rq->name + 1
                                                        : rq->name) == 0) {
            daemon_error(o, cli,
                         "Conflict. The container name \"/%s\" is already in "
                         "use by container \"%s\". You have to remove (or "
                         "rename) that container to be able to reuse that "
                         "name.",
                         dup->name, dup->id);
            o->exit_code = rq->start ? 125 : 1;
            return o->exit_code;
        }
    }

    struct container *c = xcalloc(1, sizeof(*c));
    image_config_init(&c->cfg);
    strlist_init(&c->ports);
    strlist_init(&c->process_env);
    sb_init(&c->out);
    sb_init(&c->err);
    merge_config(c, rq, &img->cfg, &o->explain);
    if (c->cfg.entrypoint.n == 0 && c->cfg.cmd.n == 0) {
        daemon_error(o, cli, "no command specified");
        explain_add(&o->explain, "run.no-command", 0,
                    "There is nothing to run: the image has no CMD or "
                    "ENTRYPOINT (or --entrypoint \"\" removed them) and no "
                    "command was given after the image name. Docker refuses "
                    "to create the container.");
        container_free(c);
        o->exit_code = rq->start ? 125 : 1;
        return o->exit_code;
    }
    c->id = new_id(s, "container");
    c->name = rq->name ? xstrdup(rq->name[0] == '/' ? rq->name + 1 : rq->name)
                       : new_name(s);
    c->image = img;
    c->image_ref = xstrdup(rq->image_ref);
    c->hostname = xstrdup(rq->hostname ? rq->hostname : "");
    if (!rq->hostname) {
        free(c->hostname);
        c->hostname = xmemdup0(c->id, 12);
    }
    entrypoint_and_args(c, rq->entrypoint.n > 0, rq->cmd.n > 0);
    c->init = rq->init_set && rq->init;
    c->auto_remove = rq->auto_remove;
    c->read_only = rq->read_only;
    c->tty = rq->tty;
    c->interactive = rq->interactive;
    c->detach = rq->detach;
    c->stop_timeout = rq->stop_timeout_set ? rq->stop_timeout : -1;
    c->stop_timeout_set = rq->stop_timeout_set;
    c->network = xstrdup(rq->network ? rq->network : "default");
    strlist_copy(&c->ports, &rq->ports);
    c->status = CS_CREATED;
    c->created = store_tick(s, 1);
    vfs_init(&c->fs, &img->fs);
    s->containers = xreallocarray(s->containers, s->n_containers + 1,
                                  sizeof(*s->containers));
    s->containers[s->n_containers++] = c;
    o->container = c;
    explain_shell_positional(c, &o->explain);
    if (!rq->start) {
        sb_addf(&o->out, "%s\n", c->id);
        o->exit_code = 0;
        return 0;
    }
    return run_start(s, c, !rq->detach, o);
}

/* ==================================================================== */
/* Start                                                                */
/* ==================================================================== */

/* One line of /etc/passwd or /etc/group split at ':' (n fields). */
static size_t split_colon(char *line, char **f, size_t max)
{
    size_t n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == ':') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

/* Look name (or uid) up in the container's /etc/passwd. */
static bool find_passwd(const struct vfs *fs, const char *name, bool by_uid,
                        unsigned long uid, unsigned *o_uid, unsigned *o_gid,
                        char **home)
{
    const struct vfs_entry *e = vfs_stat(fs, "/etc/passwd", NULL, NULL);
    if (!e || e->type != VFS_FILE || !e->data)
        return false;
    char *copy = xmemdup0(e->data, e->len);
    bool found = false;
    for (char *line = copy; line && *line && !found;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *f[7];
        if (split_colon(line, f, 7) == 7) {
            unsigned long u = strtoul(f[2], NULL, 10);
            if ((by_uid && u == uid) || (!by_uid && strcmp(f[0], name) == 0)) {
                *o_uid = (unsigned)u;
                *o_gid = (unsigned)strtoul(f[3], NULL, 10);
                if (home)
                    *home = xstrdup(f[5]);
                found = true;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    free(copy);
    return found;
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* Resolve Config.User like getUser / GetExecUserPath. */
static int resolve_user(struct container *c, unsigned *uid, unsigned *gid,
                        char **home, struct sb *err)
{
    const char *u = c->cfg.user && *c->cfg.user ? c->cfg.user : "root";
    char *name = xstrdup(u);
    char *group = strchr(name, ':');
    if (group)
        *group++ = '\0';
    int rc = 0;
    *home = NULL;
    if (all_digits(name)) {
        *uid = (unsigned)strtoul(name, NULL, 10);
        *gid = *uid;
        if (!find_passwd(&c->fs, NULL, true, *uid, uid, gid, home))
            *gid = 0;
    } else if (!find_passwd(&c->fs, name, false, 0, uid, gid, home)) {
        sb_addf(err, "unable to find user %s: no matching entries in passwd "
                     "file",
                name);
        rc = -1;
    }
    if (rc == 0 && group) {
        if (all_digits(group))
            *gid = (unsigned)strtoul(group, NULL, 10);
        else {
            /* look the group up in /etc/group */
            const struct vfs_entry *e = vfs_stat(&c->fs, "/etc/group", NULL,
                                                 NULL);
            bool found = false;
            if (e && e->data) {
                char *copy = xmemdup0(e->data, e->len);
                for (char *line = copy; line && *line && !found;) {
                    char *nl = strchr(line, '\n');
                    if (nl)
                        *nl = '\0';
                    char *f[4];
                    if (split_colon(line, f, 4) >= 3 &&
                        strcmp(f[0], group) == 0) {
                        *gid = (unsigned)strtoul(f[2], NULL, 10);
                        found = true;
                    }
                    line = nl ? nl + 1 : NULL;
                }
                free(copy);
            }
            if (!found) {
                sb_addf(err, "unable to find group %s: no matching entries in "
                             "group file",
                        group);
                rc = -1;
            }
        }
    }
    free(name);
    if (rc < 0) {
        free(*home);
        *home = NULL;
    }
    return rc;
}

/* CreateDaemonEnvironment + runc's prepareEnv. */
static void build_env(struct container *c, const char *home)
{
    struct strlist *env = &c->process_env;
    strlist_release(env);
    strlist_set_empty(env);
    strlist_push(env, "PATH=" DEFAULT_PATH);
    struct sb h = SB_INIT;
    sb_addf(&h, "HOSTNAME=%s", c->hostname);
    strlist_push(env, h.buf);
    sb_release(&h);
    if (c->tty)
        strlist_push(env, "TERM=xterm");
    /* ReplaceOrAppendEnvValues: a bare KEY removes KEY */
    for (size_t i = 0; i < c->cfg.env.n; i++) {
        const char *kv = c->cfg.env.v[i];
        const char *eq = strchr(kv, '=');
        size_t kl = eq ? (size_t)(eq - kv) : strlen(kv);
        long at = -1;
        for (size_t k = 0; k < env->n; k++)
            if (strncmp(env->v[k], kv, kl) == 0 && env->v[k][kl] == '=')
                at = (long)k;
        if (!eq) {
            if (at >= 0) {
                free(env->v[at]);
                memmove(env->v + at, env->v + at + 1,
                        (env->n - (size_t)at - 1) * sizeof(*env->v));
                env->n--;
            }
            continue;
        }
        if (at >= 0) {
            free(env->v[at]);
            env->v[at] = xstrdup(kv);
        } else {
            strlist_push(env, kv);
        }
    }
    /* runc adds HOME from /etc/passwd when it is missing or empty */
    bool has_home = false;
    for (size_t k = 0; k < env->n; k++)
        if (strncmp(env->v[k], "HOME=", 5) == 0 && env->v[k][5])
            has_home = true;
    if (!has_home) {
        struct sb hm = SB_INIT;
        sb_addf(&hm, "HOME=%s", home ? home : "/");
        for (size_t k = 0; k < env->n; k++)
            if (strncmp(env->v[k], "HOME=", 5) == 0) {
                free(env->v[k]);
                memmove(env->v + k, env->v + k + 1,
                        (env->n - k - 1) * sizeof(*env->v));
                env->n--;
                break;
            }
        strlist_push(env, hm.buf);
        sb_release(&hm);
    }
}

static const char *env_value(const struct strlist *env, const char *key)
{
    size_t kl = strlen(key);
    for (size_t i = 0; i < env->n; i++)
        if (strncmp(env->v[i], key, kl) == 0 && env->v[i][kl] == '=')
            return env->v[i] + kl + 1;
    return NULL;
}

/* Go's exec.LookPath inside the container. Returns the resolved path
 * (malloc'd) or NULL with *why: 0 = not found in $PATH, else an errno
 * (ENOENT from stat, EACCES). */
static char *look_path(struct container *c, const char *file,
                       const char *cwd, int *why)
{
    *why = 0;
    if (strchr(file, '/')) {
        struct sb p = SB_INIT;
        vfs_clean_path(&p, cwd, file);
        int err = 0;
        const struct vfs_entry *e = vfs_stat(&c->fs, p.buf, &err, NULL);
        if (!e) {
            *why = err ? err : ENOENT;
            sb_release(&p);
            return NULL;
        }
        if (e->type == VFS_DIR || !(e->mode & 0111)) {
            *why = EACCES;
            sb_release(&p);
            return NULL;
        }
        return sb_detach(&p, NULL);
    }
    const char *path = env_value(&c->process_env, "PATH");
    if (!path)
        path = "";
    const char *d = path;
    for (;;) {
        const char *colon = strchr(d, ':');
        size_t dl = colon ? (size_t)(colon - d) : strlen(d);
        struct sb cand = SB_INIT;
        if (dl == 0)
            sb_adds(&cand, ".");
        else
            sb_add(&cand, d, dl);
        sb_addf(&cand, "/%s", file);
        struct sb abs = SB_INIT;
        vfs_clean_path(&abs, cwd, cand.buf);
        const struct vfs_entry *e = vfs_stat(&c->fs, abs.buf, NULL, NULL);
        sb_release(&cand);
        if (e && e->type != VFS_DIR && (e->mode & 0111))
            return sb_detach(&abs, NULL);
        sb_release(&abs);
        if (!colon)
            break;
        d = colon + 1;
    }
    return NULL;
}

/* A script: does its #! interpreter exist (runc's execve)? NULL if fine,
 * else the error text to print on the container's stderr. */
static const char *exec_check(struct container *c, const struct vfs_entry *e)
{
    if (e->program || !e->data || e->len < 2)
        return e->program || e->len ? NULL : "exec format error";
    if (e->data[0] != '#' || e->data[1] != '!') {
        if (e->len >= 4 && memcmp(e->data, "\x7f" "ELF", 4) == 0)
            return NULL;
        return "exec format error";
    }
    size_t i = 2;
    while (i < e->len && (e->data[i] == ' ' || e->data[i] == '\t'))
        i++;
    size_t j = i;
    while (j < e->len && e->data[j] != '\n' && e->data[j] != ' ' &&
           e->data[j] != '\t')
        j++;
    char *interp = xmemdup0(e->data + i, j - i);
    const struct vfs_entry *ie = vfs_stat(&c->fs, interp, NULL, NULL);
    bool ok = ie && ie->type != VFS_DIR;
    free(interp);
    return ok ? NULL : "no such file or directory";
}

/*
 * --init: PID 1 is docker-init (tini), which always exists; it looks the
 * command up itself when it execs it, so a missing command is tini's
 * error on the container's stderr and its exit code, after the start.
 */
static int init_exec_fails(struct store *s, struct container *c, int why,
                           bool attach, struct run_outcome *o)
{
    size_t out0 = c->out.len, err0 = c->err.len;
    int status = why == EACCES ? 126 : 127;
    c->status = CS_RUNNING;
    c->started_at = store_tick(s, 1);
    sb_addf(&c->err, "[FATAL tini (7)] exec %s failed: %s\n", c->path,
            why == EACCES ? "Permission denied"
                          : "No such file or directory");
    c->status = CS_EXITED;
    c->exit_code = status;
    c->finished_at = store_tick(s, 1);
    explain_add(&o->explain, "run.init-exec-fails", 0,
                "With --init, PID 1 is docker-init (tini), so the container "
                "starts; tini then fails to execute \"%s\" and exits %d. "
                "Without --init the runtime itself would refuse to start "
                "the container.",
                c->path, status);
    if (c->detach && !attach) {
        sb_addf(&o->out, "%s\n", c->id);
        o->exit_code = 0;
    } else if (attach) {
        sb_add(&o->out, c->out.buf + out0, c->out.len - out0);
        sb_add(&o->err, c->err.buf + err0, c->err.len - err0);
        o->exit_code = status;
    } else {
        sb_addf(&o->out, "%s\n", c->name);
        o->exit_code = 0;
    }
    if (c->auto_remove)
        auto_remove(s, c, o);
    return o->exit_code;
}

int run_start(struct store *s, struct container *c, bool attach,
              struct run_outcome *o)
{
    const char *cli = attach || c->detach ? "run" : "start";
    if (o->container == NULL)
        o->container = c;
    unsigned uid = 0, gid = 0;
    char *home = NULL;
    struct sb uerr = SB_INIT;
    if (resolve_user(c, &uid, &gid, &home, &uerr) < 0) {
        daemon_error(o, cli, "%s", uerr.buf);
        sb_release(&uerr);
        c->exit_code = 125;
        o->exit_code = 125;
        return 125;
    }
    sb_release(&uerr);
    build_env(c, home);
    free(home);
    const char *cwd = c->cfg.working_dir && *c->cfg.working_dir
                          ? c->cfg.working_dir
                          : "/";
    if (!vfs_stat(&c->fs, cwd, NULL, NULL))
        vfs_mkdir_p(&c->fs, cwd, 0755, 0, 0);

    int why = 0;
    char *resolved = look_path(c, c->path, cwd, &why);
    if (!resolved && c->init)
        return init_exec_fails(s, c, why, attach, o);
    if (!resolved) {
        struct sb m = SB_INIT;
        int code;
        sb_adds(&m, RUNTIME_PREFIX "exec: ");
        go_quote_str(&m, c->path);
        if (why == 0) {
            sb_adds(&m, ": executable file not found in $PATH");
            code = 127;
        } else if (why == EACCES) {
            sb_adds(&m, ": permission denied");
            code = 126;
        } else {
            struct sb p = SB_INIT;
            vfs_clean_path(&p, cwd, c->path);
            sb_addf(&m, ": stat %s: %s", c->path,
                    why == ENOTDIR ? "not a directory"
                                   : "no such file or directory");
            sb_release(&p);
            code = 127;
        }
        sb_adds(&m, ": unknown");
        if (why == ENOTDIR)
            sb_adds(&m, ": Are you trying to mount a directory onto a file "
                        "(or vice-versa)? Check if the specified host path "
                        "exists and is the expected type");
        free(c->error);
        c->error = xstrdup(m.buf + 0);
        c->exit_code = code;
        if (strcmp(cli, "start") == 0) {
            sb_addf(&o->err, "Error response from daemon: %s\n", m.buf);
            sb_addf(&o->err, "Error: failed to start containers: %s\n",
                    c->name);
            o->exit_code = 1;
        } else {
            sb_addf(&o->err,
                    "docker: Error response from daemon: %s\n\nRun 'docker "
                    "run --help' for more information\n",
                    m.buf);
            o->exit_code = code;
        }
        if (why == 0)
            explain_add(&o->explain, "run.exec-not-found", 0,
                        "PID 1 would be \"%s\", but no executable with that "
                        "name is in the container's $PATH. The process never "
                        "starts: 127 is the docker CLI's own exit code, read "
                        "from the error text, and the container stays in "
                        "the Created state.",
                        c->path);
        else if (why == EACCES)
            explain_add(&o->explain, "run.exec-permission-denied", 0,
                        "\"%s\" exists but cannot be executed (a directory, "
                        "or a file without the x permission bit): the "
                        "runtime refuses it and the CLI exits 126.",
                        c->path);
        else
            explain_add(&o->explain, "run.exec-no-such-file", 0,
                        "\"%s\" is a path and nothing is there in the "
                        "container's filesystem: exit 127.",
                        c->path);
        sb_release(&m);
        if (c->auto_remove)
            auto_remove(s, c, o);
        return o->exit_code;
    }

    c->status = CS_RUNNING;
    c->started_at = store_tick(s, 1);
    /* a start resets the last run's state, as the daemon's SetRunning */
    c->exit_code = 0;
    free(c->error);
    c->error = NULL;
    const struct vfs_entry *e = vfs_stat(&c->fs, resolved, NULL, NULL);
    /* with --init, tini execs the command: its own error (prog_srv.c) */
    const char *bad = c->init ? NULL : exec_check(c, e);
    int status;
    size_t out0 = c->out.len, err0 = c->err.len;
    if (bad) {
        /* the container started; the final execve fails (runc >= 1.2: 255) */
        sb_addf(&c->err, "exec %s: %s\n", resolved, bad);
        status = 255;
        explain_add(&o->explain, "run.exec-after-start-fails", 0,
                    "The file was found, so the container started, but the "
                    "kernel could not execute it (%s): a #! line naming a "
                    "program that does not exist, Windows (CRLF) line "
                    "endings after #!/bin/sh, or a binary for another CPU. "
                    "runc prints the error on the container's stderr and "
                    "exits 255.",
                    bad);
    } else {
        char **argv = xcalloc(c->args.n + 2, sizeof(*argv));
        argv[0] = c->path;
        for (size_t i = 0; i < c->args.n; i++)
            argv[i + 1] = c->args.v[i];
        struct uctx u = {
            .fs = &c->fs,
            .cat = c->image->cat,
            .env = c->process_env.v,
            .n_env = c->process_env.n,
            .cwd = cwd,
            .uid = uid,
            .gid = gid,
            .hostname = c->hostname,
            .pid1 = !c->init,
            .tty = c->tty,
            .stdin_open = c->interactive,
            .out = c->tty ? &c->out : &c->out,
            .err = c->tty ? &c->out : &c->err,
            .explain = &o->explain,
            .container = c,
            .store = s,
            .attached = attach,
        };
        status = userland_exec(&u, resolved, e, argv, c->args.n + 1);
        free(argv);
    }
    free(resolved);
    if (status == USERLAND_RUNNING) {
        c->status = CS_RUNNING;
    } else {
        c->status = CS_EXITED;
        c->exit_code = status;
        c->finished_at = store_tick(s, 1);
    }
    if (c->detach && !attach) {
        sb_addf(&o->out, "%s\n", c->id);
        o->exit_code = 0;
    } else if (attach) {
        sb_add(&o->out, c->out.buf + out0, c->out.len - out0);
        sb_add(&o->err, c->err.buf + err0, c->err.len - err0);
        o->exit_code = status == USERLAND_RUNNING ? 0 : status;
    } else {
        /* docker start without -a: prints the name */
        sb_addf(&o->out, "%s\n", c->name);
        o->exit_code = 0;
    }
    if (c->auto_remove && c->status == CS_EXITED)
        auto_remove(s, c, o);
    return o->exit_code;
}
