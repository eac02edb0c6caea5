/*
 * cli_batch.c: the non-interactive front end.
 *
 *   docksim [--context DIR] [-f DOCKERFILE] [-c LINE]... [--json] [--echo]
 *           [SCRIPT|-]
 *
 * Every line is handled as if typed: Dockerfile lines build up the
 * session's Dockerfile, `docker ...` lines run simulated docker commands.
 * Output is the terminal's (docker's stdout and stderr, the container's
 * output) plus docksim's commentary, marked with "| ".
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "session.h"
#include "xmalloc.h"

struct batch_opts {
    bool json;
    bool echo;
    bool quiet;     /* no commentary */
};

static bool real_env(void *ctx, const char *name, const char **value)
{
    (void)ctx;
    const char *v = getenv(name);
    if (!v)
        return false;
    *value = v;
    return true;
}

static void put_str(struct sb *o, const char *s)
{
    json_write_string(o, s ? s : "", s ? strlen(s) : 0);
}

static void json_list(struct sb *o, const struct strlist *l)
{
    if (!l->set) {
        sb_adds(o, "null");
        return;
    }
    sb_addch(o, '[');
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            sb_addch(o, ',');
        put_str(o, l->v[i]);
    }
    sb_addch(o, ']');
}

/* The config JSON comes indented; --json wants one line per object. */
static void json_compact(struct sb *o, const char *s, size_t len)
{
    bool in_str = false, esc = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (in_str) {
            sb_addch(o, c);
            if (esc)
                esc = false;
            else if (c == '\\')
                esc = true;
            else if (c == '"')
                in_str = false;
            continue;
        }
        if (c == '"')
            in_str = true;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
            continue;
        sb_addch(o, c);
    }
}

static void render_json(FILE *f, const char *line,
                        const struct line_result *r)
{
    struct sb o = SB_INIT;
    sb_adds(&o, "{\"command\":");
    put_str(&o, line);
    sb_addf(&o, ",\"exit_code\":%d,\"stdout\":", r->exit_code);
    json_write_string(&o, r->out.buf, r->out.len);
    sb_adds(&o, ",\"stderr\":");
    json_write_string(&o, r->err.buf, r->err.len);
    sb_adds(&o, ",\"explain\":[");
    for (size_t i = 0; i < r->explain.n; i++) {
        const struct explain_item *it = &r->explain.items[i];
        if (i)
            sb_addch(&o, ',');
        sb_adds(&o, "{\"id\":");
        put_str(&o, it->id);
        sb_addf(&o, ",\"line\":%d,\"text\":", it->line);
        put_str(&o, it->text);
        sb_addch(&o, '}');
    }
    sb_addch(&o, ']');
    if (r->has_argv || r->has_container) {
        sb_adds(&o, ",\"argv\":");
        if (r->has_argv) {
            struct strlist a;
            strlist_init(&a);
            strlist_push(&a, r->path);
            for (size_t i = 0; i < r->args.n; i++)
                strlist_push(&a, r->args.v[i]);
            json_list(&o, &a);
            strlist_release(&a);
        } else {
            sb_adds(&o, "null");
        }
        sb_adds(&o, ",\"env\":");
        json_list(&o, &r->env);
        sb_adds(&o, ",\"workdir\":");
        put_str(&o, r->workdir);
        sb_adds(&o, ",\"user\":");
        put_str(&o, r->user);
        sb_adds(&o, ",\"container\":");
        put_str(&o, r->container_name);
    }
    if (r->has_image || r->warnings.set) {
        sb_adds(&o, ",\"image\":");
        if (r->has_image)
            put_str(&o, r->image_id);
        else
            sb_adds(&o, "null");
        sb_adds(&o, ",\"config\":");
        if (r->has_image)
            json_compact(&o, r->config_json.buf, r->config_json.len);
        else
            sb_adds(&o, "null");
        sb_adds(&o, ",\"warnings\":");
        struct strlist w = r->warnings;
        w.set = true;
        json_list(&o, &w);
    }
    sb_adds(&o, "}\n");
    fwrite(o.buf, 1, o.len, f);
    sb_release(&o);
}

/* docksim's commentary lines start with "| ". */
static void commentary(FILE *f, const char *text)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(f, "| %.*s\n", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
}

static void render_human(const struct cli_io *io, const struct batch_opts *bo,
                         const struct line_result *r)
{
    if (r->kind != LINE_DOCKER) {
        fwrite(r->out.buf, 1, r->out.len, io->out);
        fwrite(r->err.buf, 1, r->err.len, io->err);
        return;
    }
    if (!bo->quiet && r->notes.len)
        commentary(io->out, r->notes.buf);
    if (!bo->quiet && r->explain.n) {
        struct sb w = SB_INIT;
        sb_adds(&w, "why:\n");
        for (size_t i = 0; i < r->explain.n; i++) {
            const struct explain_item *it = &r->explain.items[i];
            sb_addf(&w, "  %zu. ", i + 1);
            if (it->line)
                sb_addf(&w, "(line %d) ", it->line);
            sb_addf(&w, "%s\n", it->text);
        }
        commentary(io->out, w.buf);
        sb_release(&w);
    }
    fflush(io->out);
    fwrite(r->out.buf, 1, r->out.len, io->out);
    fflush(io->out);
    fwrite(r->err.buf, 1, r->err.len, io->err);
    fflush(io->err);
    if (!bo->quiet && r->has_container) {
        struct sb x = SB_INIT;
        sb_addf(&x, "exit code %d", r->exit_code);
        commentary(io->out, x.buf);
        sb_release(&x);
    }
}

static int batch_usage(FILE *f, int code)
{
    fprintf(f,
            "usage: docksim [--context DIR] [-f DOCKERFILE] [-c LINE]... "
            "[--json] [--echo] [SCRIPT|-]\n\n"
            "Reads lines as if typed at the docksim prompt: Dockerfile "
            "lines build up the\nsession's Dockerfile; `docker ...` lines "
            "run simulated docker commands.\n\n"
            "  --context DIR   the build context for `docker build .` "
            "(read only)\n"
            "  -f DOCKERFILE   start with this Dockerfile\n"
            "  -c LINE         handle LINE first (repeatable)\n"
            "  --json          one JSON object per docker command\n"
            "  --echo          print each line after a prompt, like a "
            "transcript\n"
            "  --quiet         only what the terminal would show (no "
            "commentary)\n\n"
            "Exit status: 0 if every docker command succeeded, 1 "
            "otherwise, 2 bad usage.\n");
    return code;
}

static int handle(struct session *s, const char *line, const struct cli_io *io,
                  const struct batch_opts *bo, bool *any_failed)
{
    struct line_result r;
    line_result_init(&r);
    if (bo->echo && !bo->json)
        fprintf(io->out, "%s%s\n",
                session_dockerfile_open(s) ? "   ...> " : "docksim> ", line);
    session_line(s, line, &r);
    if (bo->json) {
        if (r.kind == LINE_DOCKER)
            render_json(io->out, line, &r);
        else
            fwrite(r.err.buf, 1, r.err.len, io->err);
    } else {
        render_human(io, bo, &r);
    }
    if (r.kind == LINE_DOCKER && r.exit_code)
        *any_failed = true;
    line_result_release(&r);
    return 0;
}

int cli_batch(int argc, char **argv, const struct cli_io *io)
{
    struct batch_opts bo = { false, false, false };
    struct session s;
    const char *script = NULL;
    const char *dockerfile = NULL;
    char **cmds = xcalloc((size_t)argc + 1, sizeof(*cmds));
    size_t n_cmds = 0;
    char *context = NULL;
    int rc = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0)
            bo.json = true;
        else if (strcmp(a, "--echo") == 0)
            bo.echo = true;
        else if (strcmp(a, "--quiet") == 0)
            bo.quiet = true;
        else if ((strcmp(a, "--context") == 0 || strcmp(a, "-f") == 0 ||
                  strcmp(a, "-c") == 0) &&
                 i + 1 < argc) {
            if (a[1] == '-')
                context = argv[++i];
            else if (a[1] == 'f')
                dockerfile = argv[++i];
            else
                cmds[n_cmds++] = argv[++i];
        } else if (strncmp(a, "--context=", 10) == 0)
            context = (char *)a + 10;
        else if (a[0] == '-' && a[1] != '\0') {
            fprintf(io->err, "docksim: unknown option '%s'\n", a);
            free(cmds);
            return batch_usage(io->err, EXIT_USAGE);
        } else if (!script)
            script = a;
        else {
            fprintf(io->err, "docksim: one script at a time\n");
            free(cmds);
            return batch_usage(io->err, EXIT_USAGE);
        }
    }
    session_init(&s);
    s.host_env = real_env;
    if (context)
        s.context_dir = xstrdup(context);
    if (dockerfile) {
        size_t len;
        char *text = cli_read_input(dockerfile, &len, io);
        if (!text) {
            session_release(&s);
            free(cmds);
            return EXIT_INPUT;
        }
        session_set_dockerfile(&s, text, len);
        free(text);
    }
    bool failed = false;
    for (size_t i = 0; i < n_cmds; i++)
        handle(&s, cmds[i], io, &bo, &failed);
    if (script || n_cmds == 0) {
        size_t len;
        char *text = cli_read_input(script ? script : "-", &len, io);
        if (!text) {
            rc = EXIT_INPUT;
        } else {
            char *p = text;
            while (p && *p) {
                char *nl = memchr(p, '\n', len - (size_t)(p - text));
                if (nl)
                    *nl = '\0';
                size_t ll = strlen(p);
                if (ll && p[ll - 1] == '\r')
                    p[ll - 1] = '\0';
                handle(&s, p, io, &bo, &failed);
                p = nl ? nl + 1 : NULL;
            }
            free(text);
        }
    }
    session_release(&s);
    free(cmds);
    if (rc == EXIT_OK && failed)
        rc = EXIT_INPUT;
    return rc;
}
