/*
 * engine: replays the real-engine observations of
 * ../shared/corpus/engine-observations (see its README) through a docksim
 * session and compares what docksim says with what the engine did:
 * argv (Path + Args), exit codes, stdout and stderr of `docker run`, and
 * for `docker stop` the container's exit code, its logs, how long the
 * stop took and the processes that ran before it (PID 1 and its
 * children, as the lab read them from /proc). Usage:
 *
 *   engine [CORPUS_DIR] [-v]
 *
 * CORPUS_DIR defaults to $CORPUS, then ../shared/corpus. Prints one line
 * per case with a failure and a closing "engine: N passed, M failed";
 * exits 1 on any failure. A missing corpus is reported and skipped.
 *
 * The lab ran a 20.10 daemon with runc 1.1 and CLI 28.2; docksim speaks
 * for Engine 28 with runc >= 1.2. Before comparing, the lab's texts are
 * turned into that wording (the README says versions matter for wording
 * only):
 *   - runtime errors gain "failed to create task for container: " and
 *     "error during container init: " (run-semantics.md §2.6);
 *   - "No command specified" is lower-case from Engine 25;
 *   - an exec failure after the start (`exec /x: no such file or
 *     directory`) exits 255 instead of 1 (runc >= 1.2, §2.5).
 * Only BuildKit's results are used (docksim simulates BuildKit), plus
 * the runs that need no build.
 *
 * The lab's base images were imitations (README): busybox and alpine are
 * a BusyBox 1.35 rootfs, debian and ubuntu a Debian bookworm rootfs,
 * python/node/nginx/ruby Debian with argv-printing stand-ins, oracle-argv
 * an image of argv printers. This runner builds the same imitations from
 * docksim's catalogue: it retags Debian bookworm as debian:latest and
 * ubuntu:latest, swaps the runtimes' programs for the lab's stand-ins
 * (program "oracle-standin", which prints "[stand-in NAME] argc=N") and
 * adds the argv printers (program "oracle-argv").
 *
 * Stop timings: docksim's clock is simulated; a stop passes when it is
 * within STOP_TOLERANCE_S of the lab's duration (the lab's stops took
 * 0.2 s when PID 1 handled the signal and T + 0.3 s when SIGKILL came
 * after the grace period T).
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "build.h"
#include "imgconfig.h"
#include "json.h"
#include "lifecycle.h"
#include "proc.h"
#include "run.h"
#include "sb.h"
#include "session.h"
#include "store.h"
#include "vfs.h"
#include "xmalloc.h"

#define STOP_TOLERANCE_S 0.5

static int verbose;
static int n_pass, n_fail;

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ===================================================================== */
/* The lab's images                                                      */
/* ===================================================================== */

static struct image *pull(struct session *s, const char *ref)
{
    bool pulled = false;
    return store_image(&s->store, ref, &pulled);
}

static void set_program(struct image *img, const char *path, const char *prog)
{
    struct vfs_entry *e = vfs_modify(&img->fs, path);
    if (!e)
        return;
    free(e->program);
    e->program = xstrdup(prog);
}

/* The lab's nginx imitation had silent /docker-entrypoint.d scripts (the
 * real 10-listen-on-ipv6-by-default.sh logs what it does). */
static void silence_script(struct image *img, const char *path)
{
    static const char text[] = "#!/bin/sh\n# the lab's stub: no output\n";
    struct vfs_entry *e = vfs_modify(&img->fs, path);
    if (!e)
        return;
    free(e->data);
    e->data = xstrdup(text);
    e->len = strlen(text);
}

/* The lab's busybox had an /etc/group without member lists. */
static void strip_group_members(struct image *img)
{
    struct vfs_entry *e = vfs_modify(&img->fs, "/etc/group");
    if (!e || !e->data)
        return;
    struct sb out = SB_INIT;
    const char *s = e->data;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t l = nl ? (size_t)(nl - s) : strlen(s);
        /* keep "name:x:gid:" */
        size_t colons = 0, k = 0;
        while (k < l && colons < 3) {
            if (s[k] == ':')
                colons++;
            k++;
        }
        sb_add(&out, s, k);
        sb_addch(&out, '\n');
        s += l + (nl ? 1 : 0);
    }
    free(e->data);
    e->len = out.len;
    e->data = sb_detach(&out, NULL);
}

static void clear_command(struct image *img)
{
    strlist_release(&img->cfg.cmd);
    strlist_release(&img->cfg.entrypoint);
}

static struct image *derived(struct session *s, struct image *base,
                             const char *tag)
{
    struct image *img = image_new(base);
    store_add_image(&s->store, img);
    store_tag(&s->store, img, tag);
    return img;
}

static void argv_printers(struct image *img)
{
    static const char *const names[] = { "exec_entry", "p1_entry", "exec_cmd",
                                         "p1_cmd", "p2_cmd", "showargs" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        struct sb path = SB_INIT;
        sb_addf(&path, "/usr/local/bin/%s", names[i]);
        static const char text[] = "#!/bin/sh\n# the lab's argv printer\n";
        struct vfs_entry *e = vfs_put_file(&img->fs, path.buf, 0755, text,
                                           sizeof(text) - 1);
        e->program = xstrdup("oracle-argv");
        sb_release(&path);
    }
}

static void lab_images(struct session *s)
{
    struct image *bb = pull(s, "busybox:latest");
    strip_group_members(bb);
    pull(s, "alpine:latest");
    struct image *deb = pull(s, "debian:bookworm");
    store_tag(&s->store, deb, "debian:latest");
    struct image *ub = derived(s, deb, "ubuntu:latest");
    clear_command(ub);
    strlist_push(&ub->cfg.cmd, "/bin/bash");
    image_config_set_label(&ub->cfg, "org.opencontainers.image.ref.name",
                           "ubuntu");
    image_config_set_label(&ub->cfg, "org.opencontainers.image.version",
                           "24.04");
    struct image *py = pull(s, "python:3.12");
    set_program(py, "/usr/local/bin/python3.12", "oracle-standin");
    struct image *node = pull(s, "node:20");
    set_program(node, "/usr/local/bin/node", "oracle-standin");
    set_program(node, "/usr/local/lib/node_modules/npm/bin/npm-cli.js",
                "oracle-standin");
    struct image *ng = pull(s, "nginx:latest");
    set_program(ng, "/usr/sbin/nginx", "oracle-standin");
    silence_script(ng, "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh");
    struct image *rb = pull(s, "ruby:3.2");
    if (rb)
        set_program(rb, "/usr/local/bin/irb", "oracle-standin");
    struct image *oa = derived(s, deb, "oracle-argv:latest");
    clear_command(oa);
    argv_printers(oa);
    struct image *ob = derived(s, bb, "oracle-argv:busybox");
    clear_command(ob);
    argv_printers(ob);
    struct image *oe = image_new(NULL);
    strlist_set_empty(&oe->cfg.env);
    strlist_push(&oe->cfg.env, "PATH=" DEFAULT_PATH);
    store_add_image(&s->store, oe);
    store_tag(&s->store, oe, "oracle-empty:latest");
}

/* ===================================================================== */
/* Wording of the lab's stack -> Engine 28 + runc >= 1.2                 */
/* ===================================================================== */

static void replace_all(struct sb *s, const char *from, const char *to)
{
    struct sb out = SB_INIT;
    const char *p = s->buf, *hit;
    size_t fl = strlen(from);
    while ((hit = strstr(p, from))) {
        sb_add(&out, p, (size_t)(hit - p));
        sb_adds(&out, to);
        p = hit + fl;
    }
    sb_adds(&out, p);
    sb_reset(s);
    sb_add(s, out.buf, out.len);
    sb_release(&out);
}

static void modern_stderr(struct sb *err, int *exit_code)
{
    replace_all(err,
                "failed to create shim task: OCI runtime create failed: runc "
                "create failed: unable to start container process: exec:",
                "failed to create task for container: failed to create shim "
                "task: OCI runtime create failed: runc create failed: unable "
                "to start container process: error during container init: "
                "exec:");
    replace_all(err, "Error response from daemon: No command specified",
                "Error response from daemon: no command specified");
    if (*exit_code == 1 && strncmp(err->buf, "exec /", 6) == 0 &&
        (strstr(err->buf, ": no such file or directory\n") ||
         strstr(err->buf, ": exec format error\n")))
        *exit_code = 255;
}

/* ===================================================================== */
/* Running a case                                                        */
/* ===================================================================== */

static const char *jstr(const struct json_value *o, const char *key)
{
    const char *s = json_str(json_get(o, key));
    return s ? s : "";
}

static int jint(const struct json_value *o, const char *key)
{
    const struct json_value *v = json_get(o, key);
    return v && v->type == JSON_NUMBER ? (int)v->num : -1;
}

static void failf(const char *kase, const char *what, const char *fmt, ...)
    ATTR_PRINTF(3, 4);

static void failf(const char *kase, const char *what, const char *fmt, ...)
{
    va_list ap;
    printf("  FAIL %s: %s: ", kase, what);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

static void show(const char *label, const char *s)
{
    printf("      %s: ", label);
    for (; *s; s++) {
        if (*s == '\n')
            printf("\\n");
        else
            putchar(*s);
    }
    printf("\n");
}

/* The container's argv as a line result has it. */
static bool argv_matches(const struct line_result *r,
                         const struct json_value *want)
{
    if (!want || want->type == JSON_NULL)
        return !r->has_argv;
    if (!r->has_argv || !r->path)
        return false;
    if (want->n != r->args.n + 1)
        return false;
    if (strcmp(json_str(want->items[0]), r->path) != 0)
        return false;
    for (size_t i = 0; i < r->args.n; i++)
        if (strcmp(json_str(want->items[i + 1]), r->args.v[i]) != 0)
            return false;
    return true;
}

static void do_build(struct session *s, const char *kase,
                     const struct json_value *df, const struct json_value *res)
{
    const char *tag = jstr(df, "tag");
    session_set_dockerfile(s, jstr(df, "text"), strlen(jstr(df, "text")));
    struct sb line = SB_INIT;
    sb_addf(&line, "docker build -t %s", tag);
    const struct json_value *ba = json_get(df, "build_args");
    /* the extra words of the lab's build command (--build-arg K=V,
     * --target a) */
    for (size_t i = 0; ba && i < ba->n; i++)
        sb_addf(&line, " %s", json_str(ba->items[i]));
    sb_adds(&line, " .");
    struct line_result r;
    line_result_init(&r);
    session_line(s, line.buf, &r);
    int want = res ? jint(res, "exit_code") : 0;
    if ((want == 0) == (r.exit_code == 0)) {
        n_pass++;
    } else {
        n_fail++;
        failf(kase, line.buf, "build exit %d, the engine's %d", r.exit_code,
              want);
        if (verbose)
            show("stderr", r.err.buf);
    }
    line_result_release(&r);
    sb_release(&line);
}

static void do_run(struct session *s, const char *kase,
                   const struct json_value *run)
{
    const char *raw = jstr(run, "raw");
    struct sb line = SB_INIT;
    sb_addf(&line, "docker run --pull never %s", raw);
    struct line_result r;
    line_result_init(&r);
    session_line(s, line.buf, &r);
    int want_code = jint(run, "exit_code");
    struct sb want_err = SB_INIT;
    sb_adds(&want_err, jstr(run, "stderr"));
    modern_stderr(&want_err, &want_code);
    const char *want_out = jstr(run, "stdout");
    const struct json_value *cont = json_get(run, "container");
    const struct json_value *argv = cont && cont->type == JSON_OBJECT
                                        ? json_get(cont, "argv")
                                        : NULL;
    bool ok = true;
    if (!argv_matches(&r, argv)) {
        failf(kase, line.buf, "argv differs");
        ok = false;
    }
    if (r.exit_code != want_code) {
        failf(kase, line.buf, "exit %d, the engine's %d", r.exit_code,
              want_code);
        ok = false;
    }
    if (strcmp(r.out.buf, want_out) != 0) {
        failf(kase, line.buf, "stdout differs");
        show("docksim", r.out.buf);
        show("engine ", want_out);
        ok = false;
    }
    if (strcmp(r.err.buf, want_err.buf) != 0) {
        failf(kase, line.buf, "stderr differs");
        show("docksim", r.err.buf);
        show("engine ", want_err.buf);
        ok = false;
    }
    if (ok)
        n_pass++;
    else
        n_fail++;
    sb_release(&want_err);
    line_result_release(&r);
    sb_release(&line);
}

/*
 * The processes of c as the lab listed them before the stop (`PID
 * cmdline` lines from /proc, each cmdline with a trailing blank), without
 * the lab's own listing shell (the last line). PIDs other than 1 varied
 * from run to run (6 to 9, runc's helpers take some), so only PID 1 is
 * kept as a number; the others become "*".
 */
static void proc_list(const struct container *c, struct sb *out)
{
    const struct pns *ns = c ? c->proc : NULL;
    for (size_t i = 0; ns && i < ns->n_procs; i++) {
        const struct proc *q = ns->procs[i];
        if (q->reaped || q->state == P_ZOMBIE)
            continue;
        if (q->pid == 1)
            sb_adds(out, "1 ");
        else
            sb_adds(out, "* ");
        for (size_t k = 0; k < q->argv.n; k++)
            sb_addf(out, "%s ", q->argv.v[k]);
        sb_addch(out, '\n');
    }
}

static void lab_proc_list(const char *text, struct sb *out)
{
    const char *last = NULL;
    for (const char *t = text; *t;) {
        const char *nl = strchr(t, '\n');
        size_t l = nl ? (size_t)(nl - t + 1) : strlen(t);
        last = t;
        t += l;
    }
    for (const char *t = text; *t && t != last;) {
        const char *nl = strchr(t, '\n');
        size_t l = nl ? (size_t)(nl - t + 1) : strlen(t);
        const char *sp = memchr(t, ' ', l);
        size_t pl = sp ? (size_t)(sp - t) : 0;
        if (pl == 1 && t[0] == '1')
            sb_add(out, t, l);
        else if (sp) {
            sb_adds(out, "*");
            sb_add(out, sp, l - pl);
        }
        t += l;
    }
}

static void do_stop(struct session *s, const char *kase,
                    const struct json_value *run, int k, bool standin)
{
    const char *raw = jstr(run, "raw");
    char *end;
    long t = strtol(raw, &end, 10);
    while (*end == ' ')
        end++;
    struct sb name = SB_INIT, line = SB_INIT;
    sb_addf(&name, "lab-%d", k);
    sb_addf(&line, "docker run -d --name %s --pull never %s", name.buf, end);
    struct line_result r;
    line_result_init(&r);
    session_line(s, line.buf, &r);
    line_result_release(&r);
    /* who runs, before the stop (not with the lab's shell-script
     * stand-ins for servers, whose processes are the script's own) */
    struct sb procs = SB_INIT, want_procs = SB_INIT;
    const char *lab_procs = jstr(run, "proc_list_before_stop");
    if (!standin && *lab_procs) {
        proc_list(store_find_container(&s->store, name.buf), &procs);
        lab_proc_list(lab_procs, &want_procs);
    }
    sb_reset(&line);
    sb_addf(&line, "docker stop -t %ld %s", t, name.buf);
    line_result_init(&r);
    session_line(s, line.buf, &r);
    double took = -1;
    const char *note = strstr(r.notes.buf, "stopped after ");
    if (note)
        took = strtod(note + 14, NULL);
    struct container *c = store_find_container(&s->store, name.buf);
    long long ms;
    int code = c ? c->exit_code : -1;
    if (c && lifecycle_last_stop(c, &ms, &code))
        took = (double)ms / 1000.0;
    line_result_release(&r);
    sb_reset(&line);
    sb_addf(&line, "docker logs %s", name.buf);
    line_result_init(&r);
    session_line(s, line.buf, &r);
    const struct json_value *stop = json_get(run, "stop");
    double want_took = stop ? json_get(stop, "duration_s")->num : 0;
    int want_code = jint(run, "exit_code");
    const char *want_out = jstr(run, "logs_stdout");
    const char *want_err = jstr(run, "logs_stderr");
    const struct json_value *cont = json_get(run, "container");
    bool ok = true;
    sb_reset(&line);
    sb_addf(&line, "stop -t %ld of `docker run %s`", t, end);
    if (code != want_code) {
        failf(kase, line.buf, "container exit %d, the engine's %d", code,
              want_code);
        ok = false;
    }
    if (took < 0 || took - want_took > STOP_TOLERANCE_S ||
        want_took - took > STOP_TOLERANCE_S) {
        failf(kase, line.buf, "took %.3fs, the engine %.3fs", took, want_took);
        ok = false;
    }
    if (strcmp(procs.buf, want_procs.buf) != 0) {
        failf(kase, line.buf, "processes differ");
        show("docksim", procs.buf);
        show("engine ", want_procs.buf);
        ok = false;
    }
    sb_release(&procs);
    sb_release(&want_procs);
    if (strcmp(r.out.buf, want_out) != 0 || strcmp(r.err.buf, want_err) != 0) {
        failf(kase, line.buf, "logs differ");
        show("docksim", r.out.buf);
        show("engine ", want_out);
        ok = false;
    }
    if (c && cont && cont->type == JSON_OBJECT) {
        const struct json_value *argv = json_get(cont, "argv");
        bool same = argv && argv->n == c->args.n + 1 &&
                    strcmp(json_str(argv->items[0]), c->path) == 0;
        for (size_t i = 0; same && i < c->args.n; i++)
            same = strcmp(json_str(argv->items[i + 1]), c->args.v[i]) == 0;
        if (!same) {
            failf(kase, line.buf, "argv differs");
            ok = false;
        }
    }
    if (ok)
        n_pass++;
    else
        n_fail++;
    line_result_release(&r);
    sb_release(&line);
    sb_release(&name);
}

static void add_files(struct session *s, const struct json_value *files)
{
    for (size_t i = 0; files && i < files->n; i++) {
        const struct json_value *f = files->items[i];
        s->files = xreallocarray(s->files, s->n_files + 1, sizeof(*s->files));
        struct build_file *bf = &s->files[s->n_files++];
        memset(bf, 0, sizeof(*bf));
        bf->path = xstrdup(jstr(f, "path"));
        const struct json_value *c = json_get(f, "content");
        bf->data = xmemdup0(c ? c->str : "", c ? c->len : 0);
        bf->len = c ? c->len : 0;
        bf->mode = (unsigned)strtoul(jstr(f, "mode") + 2, NULL, 8);
    }
}

static void run_case(const char *path, const char *name)
{
    struct arena a = ARENA_INIT;
    size_t len;
    const char *err;
    char *text = json_read_file(&a, path, &len, &err);
    const struct json_value *doc = text ? json_parse(&a, text, len, &err) : NULL;
    if (!doc) {
        n_fail++;
        failf(name, "results", "cannot read: %s", err);
        arena_release(&a);
        return;
    }
    const struct json_value *builders = json_get(doc, "builders");
    static const char *const use[] = { "buildkit", "none" };
    for (size_t b = 0; b < 2; b++) {
        const struct json_value *bd = json_get(builders, use[b]);
        if (!bd)
            continue;
        struct session s;
        session_init(&s);
        lab_images(&s);
        add_files(&s, json_get(doc, "files"));
        const struct json_value *dfs = json_get(doc, "dockerfiles");
        const struct json_value *builds = json_get(bd, "builds");
        for (size_t i = 0; dfs && i < dfs->n; i++) {
            const struct json_value *res = NULL;
            for (size_t k = 0; builds && k < builds->n; k++)
                if (strcmp(jstr(builds->items[k], "tag"),
                           jstr(dfs->items[i], "tag")) == 0)
                    res = builds->items[k];
            do_build(&s, name, dfs->items[i], res);
        }
        const struct json_value *runs = json_get(bd, "runs");
        /* the case's notes say when a server was the lab's stand-in */
        bool standin = false;
        const struct json_value *notes = json_get(doc, "notes");
        for (size_t i = 0; notes && i < notes->n; i++) {
            const char *t = json_str(notes->items[i]);
            standin = standin || (t && strstr(t, "stand-in"));
        }
        for (size_t i = 0; runs && i < runs->n; i++) {
            const struct json_value *run = runs->items[i];
            if (strcmp(jstr(run, "kind"), "stop") == 0)
                do_stop(&s, name, run, (int)i, standin);
            else
                do_run(&s, name, run);
        }
        session_release(&s);
    }
    arena_release(&a);
}

static int cmp_names(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

int main(int argc, char **argv)
{
    const char *corpus = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else
            corpus = argv[i];
    }
    if (!corpus)
        corpus = getenv("CORPUS");
    if (!corpus)
        corpus = "../shared/corpus";
    struct sb dir = SB_INIT;
    sb_addf(&dir, "%s/engine-observations/results", corpus);
    if (!is_dir(dir.buf)) {
        printf("engine: corpus not found at %s; skipped\n", dir.buf);
        sb_release(&dir);
        return 0;
    }
    DIR *d = opendir(dir.buf);
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while (d && (de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 6 || strcmp(de->d_name + l - 5, ".json") != 0)
            continue;
        names = xreallocarray(names, n + 1, sizeof(*names));
        names[n++] = xstrdup(de->d_name);
    }
    if (d)
        closedir(d);
    if (n)
        qsort(names, n, sizeof(*names), cmp_names);
    for (size_t i = 0; i < n; i++) {
        struct sb path = SB_INIT;
        sb_addf(&path, "%s/%s", dir.buf, names[i]);
        names[i][strlen(names[i]) - 5] = '\0';
        run_case(path.buf, names[i]);
        sb_release(&path);
        free(names[i]);
    }
    free(names);
    sb_release(&dir);
    printf("engine: %d passed, %d failed\n", n_pass, n_fail);
    return n_fail ? 1 : 0;
}
