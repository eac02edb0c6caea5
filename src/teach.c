/*
 * teach.c: docksim's teaching warnings (not BuildKit's; see teach.h).
 *
 * The target stage's start command is worked out the way BuildKit
 * converts the Dockerfile (ENTRYPOINT/CMD forms, SHELL, ENTRYPOINT
 * resetting a CMD not set in the same stage, stages built FROM earlier
 * ones, the base image's config from the catalogue), together with what
 * COPY/ADD put where (WORKDIR-relative destinations, --chmod) and the
 * text of every RUN. Each rule fires only when that picture makes the
 * outcome certain; anything unknown (a $variable in a path, an image the
 * catalogue does not know, a RUN that may install or chmod the file)
 * keeps it quiet.
 */
#include "teach.h"

#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "catalog.h"
#include "diag.h"
#include "gostr.h"
#include "ignore.h"
#include "imgconfig.h"
#include "instructions.h"
#include "sb.h"
#include "vfs.h"
#include "xmalloc.h"

#define RULE_ID "docksim/"

const struct teach_rule teach_rules[TEACH_COUNT] = {
    [TEACH_SHELL_ENTRYPOINT_DROPS_CMD] = {
        RULE_ID "shell-entrypoint-drops-cmd",
        "a shell-form ENTRYPOINT never receives the CMD",
        "An ENTRYPOINT in shell form is stored as [\"/bin/sh\", \"-c\", "
        "\"the text\"]. Docker still appends the CMD to it, but the words "
        "land after the -c string, where the shell only sees them as $0, "
        "$1, ...; unless the text itself uses those, the CMD is silently "
        "dropped (and so are `docker run IMAGE args`). Write the ENTRYPOINT "
        "in exec form, [\"program\", \"arg\"], so that the CMD becomes its "
        "arguments.",
        "exec-vs-shell-form" },
    [TEACH_CMD_REPEATS_ENTRYPOINT] = {
        RULE_ID "cmd-repeats-entrypoint",
        "the CMD repeats the ENTRYPOINT's program",
        "With an exec-form ENTRYPOINT, the container runs ENTRYPOINT + CMD "
        "as one command line: CMD holds only the default arguments. A CMD "
        "that starts with the same program runs it with its own name as "
        "the first argument (ENTRYPOINT [\"echo\"] and CMD [\"echo\", "
        "\"hello\"] print \"echo hello\"). Drop the program from the CMD.",
        "cmd-vs-entrypoint" },
    [TEACH_SCRIPT_NOT_EXECUTABLE] = {
        RULE_ID "entrypoint-script-not-executable",
        "the start script is copied without its execute bit",
        "COPY keeps the file's permission bits from the build context "
        "(and a heredoc file is 0644). A script run directly as the "
        "container's first process must be executable, or the container "
        "fails to start with \"permission denied\". Use COPY --chmod=755, "
        "or make the file executable (chmod +x) before the build.",
        "entrypoint-scripts" },
    [TEACH_SCRIPT_DOES_NOT_EXEC] = {
        RULE_ID "entrypoint-script-does-not-exec",
        "the entrypoint script does not end with exec \"$@\"",
        "An entrypoint script receives the CMD (or the docker run "
        "arguments) as its arguments. It should end with exec \"$@\": that "
        "runs them, and exec replaces the script, so the command becomes "
        "PID 1 and gets docker stop's SIGTERM. Without it the CMD is never "
        "run; with \"$@\" but no exec, the shell stays PID 1 and the "
        "command does not get the signal.",
        "entrypoint-scripts" },
    [TEACH_PROGRAM_NOT_IN_IMAGE] = {
        RULE_ID "program-not-in-image",
        "the start command names a program the image does not have",
        "A container starts by executing its first word inside the image. "
        "Base images differ a lot: alpine and busybox have sh but no bash, "
        "scratch has no files at all (not even /bin/sh for a shell-form "
        "CMD). If nothing in the Dockerfile installs or copies the program, "
        "the container fails to start with \"executable file not found in "
        "$PATH\".",
        "base-images" },
};

enum teach_rule_id teach_find(const char *id)
{
    size_t pl = strlen(RULE_ID);
    for (size_t i = 0; i < TEACH_COUNT; i++) {
        const char *full = teach_rules[i].id;
        if (strcmp(id, full) == 0 || strcmp(id, full + pl) == 0)
            return (enum teach_rule_id)i;
    }
    return TEACH_COUNT;
}

void teach_list_init(struct teach_list *l)
{
    l->items = NULL;
    l->n = 0;
}

void teach_list_release(struct teach_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].text);
    free(l->items);
    teach_list_init(l);
}

static void add(struct teach_list *l, enum teach_rule_id rule, int line,
                struct sb *text)
{
    l->items = xreallocarray(l->items, l->n + 1, sizeof(*l->items));
    /* keep the list sorted by line (stable) */
    size_t at = l->n;
    while (at > 0 && l->items[at - 1].line > line)
        at--;
    memmove(&l->items[at + 1], &l->items[at],
            (l->n - at) * sizeof(*l->items));
    l->items[at].rule = rule;
    l->items[at].line = line;
    l->items[at].text = sb_detach(text, NULL);
    l->n++;
}

/* ==================================================================== */
/* The picture of the target stage                                      */
/* ==================================================================== */

/* A file COPY/ADD puts in the image. */
struct placed {
    char *path;          /* absolute destination, or NULL if unknown */
    const char *base;    /* the source's base name ("" unknown) */
    const struct build_file *file; /* the context file, if known */
    const char *data;    /* content (context file or heredoc), or NULL */
    size_t len;
    bool mode_known;
    unsigned mode;       /* its mode in the image, when known */
    int line;
};

struct picture {
    /* start command */
    struct strlist ep, cmd;
    int ep_line, cmd_line;      /* 0: from the base image */
    bool ep_shell, cmd_shell;   /* written in shell form */
    struct span ep_text;        /* the shell-form ENTRYPOINT text */
    struct strlist shell;       /* SHELL in effect (null: /bin/sh -c) */
    struct sb workdir;
    bool workdir_unknown;
    struct sb path;             /* PATH */
    bool path_unknown;
    /* the base image at the bottom of the chain */
    const char *root_name;
    size_t root_name_len;
    const struct catalog_image *root; /* NULL: scratch or unknown */
    bool scratch, root_known;
    /* what the instructions add */
    struct placed *placed;
    size_t n_placed;
    bool placed_unknown;        /* a COPY/ADD whose target is unknown */
    const struct instr **runs;
    size_t n_runs;
};

static void picture_release(struct picture *p)
{
    strlist_release(&p->ep);
    strlist_release(&p->cmd);
    strlist_release(&p->shell);
    sb_release(&p->workdir);
    sb_release(&p->path);
    for (size_t i = 0; i < p->n_placed; i++)
        free(p->placed[i].path);
    free(p->placed);
    free(p->runs);
}

static bool has_dollar(struct span s)
{
    return memchr(s.s, '$', s.len) != NULL;
}

/* BuildKit's command line for CMD/ENTRYPOINT/RUN: exec form as written,
 * shell form as SHELL (default /bin/sh -c) plus the joined text. */
static void command_of(const struct picture *p, const struct instr *in,
                       struct strlist *out)
{
    strlist_release(out);
    strlist_set_empty(out);
    if (!in->prepend_shell) {
        for (size_t i = 0; i < in->n_cmdline; i++)
            strlist_pushn(out, in->cmdline[i].s, in->cmdline[i].len);
        return;
    }
    if (p->shell.set && p->shell.n) {
        for (size_t i = 0; i < p->shell.n; i++)
            strlist_push(out, p->shell.v[i]);
    } else {
        strlist_push(out, "/bin/sh");
        strlist_push(out, "-c");
    }
    struct sb j = SB_INIT;
    for (size_t i = 0; i < in->n_cmdline; i++) {
        if (i)
            sb_addch(&j, ' ');
        sb_add(&j, in->cmdline[i].s, in->cmdline[i].len);
    }
    strlist_push(out, j.buf);
    sb_release(&j);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static const struct build_file *context_file(const struct teach_opts *o,
                                             const char *src, size_t len)
{
    if (!o->ctx)
        return NULL;
    struct sb clean = SB_INIT;
    go_path_clean(&clean, src, len);
    const char *rel = clean.buf[0] == '/' ? clean.buf + 1 : clean.buf;
    const struct build_file *found = NULL;
    for (size_t i = 0; i < o->ctx->n_files; i++)
        if (strcmp(o->ctx->files[i].path, rel) == 0)
            found = &o->ctx->files[i];
    sb_release(&clean);
    return found;
}

static bool glob_chars(struct span s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.s[i] == '*' || s.s[i] == '?' || s.s[i] == '[')
            return true;
    return false;
}

static void record_copy(struct picture *p, const struct instr *in,
                        const struct teach_opts *o)
{
    const struct flag_value *fchmod = instr_flag_value(in, "chmod");
    const struct flag_value *ffrom =
        in->kind == INSTR_COPY ? instr_flag_value(in, "from") : NULL;
    bool chmod_known = false;
    unsigned chmod = 0;
    if (fchmod) {
        char *v = xmemdup0(fchmod->value.s, fchmod->value.len);
        char *end;
        unsigned long m = strtoul(v, &end, 8);
        if (*v && !*end && m <= 07777) {
            chmod_known = true;
            chmod = (unsigned)m;
        }
        free(v);
        if (!chmod_known) {
            p->placed_unknown = true;
            return;
        }
    }
    if (has_dollar(in->dest) || p->workdir_unknown) {
        p->placed_unknown = true;
        return;
    }
    size_t n = in->n_sources + in->n_inline_files;
    bool dir = n > 1 || (in->dest.len && in->dest.s[in->dest.len - 1] == '/');
    struct sb dest = SB_INIT, d0 = SB_INIT;
    sb_add(&d0, in->dest.s, in->dest.len);
    vfs_clean_path(&dest, p->workdir.buf, d0.buf);
    if (strcmp(d0.buf, ".") == 0 || strcmp(d0.buf, "./") == 0)
        dir = true;
    for (size_t i = 0; i < n; i++) {
        bool inline_file = i >= in->n_sources;
        struct span src = inline_file
                              ? in->inline_files[i - in->n_sources].name
                              : in->sources[i];
        if (!inline_file && (has_dollar(src) || glob_chars(src))) {
            p->placed_unknown = true;
            continue;
        }
        p->placed = xreallocarray(p->placed, p->n_placed + 1,
                                  sizeof(*p->placed));
        struct placed *pl = &p->placed[p->n_placed++];
        memset(pl, 0, sizeof(*pl));
        pl->line = in->start_line;
        char *s = xmemdup0(src.s, src.len);
        struct sb to = SB_INIT;
        if (dir)
            sb_addf(&to, "%s/%s", strcmp(dest.buf, "/") ? dest.buf : "",
                    base_name(s));
        else
            sb_adds(&to, dest.buf);
        pl->path = sb_detach(&to, NULL);
        pl->base = base_name(pl->path);
        if (inline_file) {
            const struct inline_file *f =
                &in->inline_files[i - in->n_sources];
            /* heredoc content with $variables: not judged */
            if (!f->expand || !memchr(f->data.s, '$', f->data.len)) {
                pl->data = f->data.s;
                pl->len = f->data.len;
            }
            pl->mode_known = true;
            pl->mode = chmod_known ? chmod : 0644;
        } else if (!ffrom && !(in->kind == INSTR_ADD &&
                               (strncmp(s, "http://", 7) == 0 ||
                                strncmp(s, "https://", 8) == 0))) {
            pl->file = context_file(o, src.s, src.len);
            if (pl->file && !pl->file->is_dir) {
                pl->data = pl->file->data;
                pl->len = pl->file->len;
                pl->mode_known = true;
                pl->mode = chmod_known ? chmod : pl->file->mode;
            } else if (pl->file) {
                /* a directory: anything below dest */
                p->placed_unknown = true;
            }
        }
        free(s);
    }
    sb_release(&d0);
    sb_release(&dest);
}

static void apply_env(struct picture *p, const struct instr *in)
{
    for (size_t i = 0; i < in->n_pairs; i++) {
        const struct kv *kv = &in->pairs[i];
        if (kv->key.len != 4 || memcmp(kv->key.s, "PATH", 4) != 0)
            continue;
        if (has_dollar(kv->value) || memchr(kv->value.s, '"', kv->value.len)) {
            p->path_unknown = true;
        } else {
            sb_reset(&p->path);
            sb_add(&p->path, kv->value.s, kv->value.len);
        }
    }
}

/* Apply one stage's instructions to the picture. */
static void apply_stage(struct picture *p, const struct stage *st,
                        const struct teach_opts *o)
{
    bool cmd_in_stage = false;
    for (size_t i = 0; i < st->n_cmds; i++) {
        const struct instr *in = st->cmds[i];
        switch (in->kind) {
        case INSTR_CMD:
            command_of(p, in, &p->cmd);
            p->cmd_line = in->start_line;
            p->cmd_shell = in->prepend_shell;
            cmd_in_stage = true;
            break;
        case INSTR_ENTRYPOINT:
            command_of(p, in, &p->ep);
            p->ep_line = in->start_line;
            p->ep_shell = in->prepend_shell;
            p->ep_text.s = in->n_cmdline ? in->cmdline[0].s : "";
            p->ep_text.len = in->n_cmdline ? in->cmdline[0].len : 0;
            if (in->prepend_shell && in->n_cmdline > 1) {
                /* the joined text: from the first word to the last */
                const struct span *a = &in->cmdline[0];
                const struct span *z = &in->cmdline[in->n_cmdline - 1];
                p->ep_text.len = (size_t)(z->s + z->len - a->s);
            }
            if (!cmd_in_stage) {
                strlist_release(&p->cmd);
                p->cmd_line = 0;
            }
            break;
        case INSTR_SHELL:
            strlist_release(&p->shell);
            strlist_set_empty(&p->shell);
            for (size_t k = 0; k < in->n_cmdline; k++)
                strlist_pushn(&p->shell, in->cmdline[k].s, in->cmdline[k].len);
            break;
        case INSTR_WORKDIR:
            if (has_dollar(in->value)) {
                p->workdir_unknown = true;
            } else {
                struct sb v = SB_INIT, w = SB_INIT;
                sb_add(&v, in->value.s, in->value.len);
                vfs_clean_path(&w, p->workdir.buf, v.buf);
                sb_reset(&p->workdir);
                sb_adds(&p->workdir, w.buf);
                sb_release(&v);
                sb_release(&w);
            }
            break;
        case INSTR_ENV:
            apply_env(p, in);
            break;
        case INSTR_COPY:
        case INSTR_ADD:
            record_copy(p, in, o);
            break;
        case INSTR_RUN:
            p->runs = xreallocarray(p->runs, p->n_runs + 1, sizeof(*p->runs));
            p->runs[p->n_runs++] = in;
            break;
        case INSTR_ONBUILD:
            /* triggers run in other builds; their copies are unknown here */
            break;
        default:
            break;
        }
    }
}

/* The stages from the bottom of the target's FROM chain to the target. */
static size_t stage_chain(const struct dockerfile *df, size_t target,
                          size_t *chain)
{
    size_t n = 0;
    size_t cur = target;
    for (;;) {
        chain[n++] = cur;
        const struct stage *st = &df->stages[cur];
        long base = -1;
        for (size_t k = 0; k < cur; k++)
            if (df->stages[k].name.len == st->base_name.len &&
                memcmp(df->stages[k].name.s, st->base_name.s,
                       st->base_name.len) == 0)
                base = (long)k;
        if (base < 0 || n >= df->n_stages)
            break;
        cur = (size_t)base;
    }
    /* root first */
    for (size_t i = 0; i < n / 2; i++) {
        size_t t = chain[i];
        chain[i] = chain[n - 1 - i];
        chain[n - 1 - i] = t;
    }
    return n;
}

static void build_picture(struct picture *p, const struct dockerfile *df,
                          size_t target, const struct teach_opts *o)
{
    memset(p, 0, sizeof(*p));
    strlist_init(&p->ep);
    strlist_init(&p->cmd);
    strlist_init(&p->shell);
    sb_init(&p->workdir);
    sb_init(&p->path);
    size_t *chain = xcalloc(df->n_stages, sizeof(*chain));
    size_t n = stage_chain(df, target, chain);
    const struct stage *root = &df->stages[chain[0]];
    p->root_name = root->base_name.s;
    p->root_name_len = root->base_name.len;
    sb_adds(&p->workdir, "/");
    sb_adds(&p->path, DEFAULT_PATH);
    if (root->base_name.len == 7 &&
        memcmp(root->base_name.s, "scratch", 7) == 0) {
        p->scratch = p->root_known = true;
    } else if (!has_dollar(root->base_name)) {
        char *name = xmemdup0(root->base_name.s, root->base_name.len);
        p->root = catalog_find(name);
        free(name);
        if (p->root) {
            p->root_known = true;
            struct image_config c;
            image_config_init(&c);
            catalog_config(p->root, &c);
            strlist_copy(&p->ep, &c.entrypoint);
            strlist_copy(&p->cmd, &c.cmd);
            if (c.working_dir && *c.working_dir) {
                sb_reset(&p->workdir);
                sb_adds(&p->workdir, c.working_dir);
            }
            const char *path = image_config_getenv(&c, "PATH");
            if (path) {
                sb_reset(&p->path);
                sb_adds(&p->path, path);
            }
            image_config_release(&c);
        }
    }
    for (size_t i = 0; i < n; i++)
        apply_stage(p, &df->stages[chain[i]], o);
    free(chain);
}

/* ==================================================================== */
/* Helpers for the rules                                                */
/* ==================================================================== */

/* Does the shell text use the positional parameters ($0..$9, $@, $*,
 * ${1}...)? Then the CMD does reach it. */
static bool uses_positional(struct span t)
{
    for (size_t i = 0; i + 1 < t.len; i++) {
        if (t.s[i] != '$')
            continue;
        char c = t.s[i + 1];
        if (c == '{' && i + 2 < t.len)
            c = t.s[i + 2];
        if ((c >= '0' && c <= '9') || c == '@' || c == '*' || c == '#')
            return true;
    }
    return false;
}

/* A command line as a person types it: words joined, quoted if needed. */
static void command_line(struct sb *out, const struct strlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        const char *w = l->v[i];
        if (i)
            sb_addch(out, ' ');
        if (*w && !strpbrk(w, " \t\n'\"\\$`*?[]#~;&|<>(){}!")) {
            sb_adds(out, w);
            continue;
        }
        sb_addch(out, '\'');
        for (const char *c = w; *c; c++) {
            if (*c == '\'')
                sb_adds(out, "'\\''");
            else
                sb_addch(out, *c);
        }
        sb_addch(out, '\'');
    }
}

static void json_words(struct sb *out, const struct strlist *l)
{
    strlist_to_json_inline(out, l);
}

/* Does a RUN mention word (as a whole word)? */
static bool run_mentions(const struct picture *p, const char *word)
{
    size_t wl = strlen(word);
    if (!wl)
        return false;
    for (size_t i = 0; i < p->n_runs; i++) {
        struct span t = p->runs[i]->node->original;
        for (size_t k = 0; k + wl <= t.len; k++) {
            if (memcmp(t.s + k, word, wl) != 0)
                continue;
            char before = k ? t.s[k - 1] : ' ';
            char after = k + wl < t.len ? t.s[k + wl] : ' ';
            bool bw = !((before >= 'a' && before <= 'z') ||
                        (before >= 'A' && before <= 'Z') ||
                        (before >= '0' && before <= '9') || before == '_' ||
                        before == '-' || before == '.');
            bool aw = !((after >= 'a' && after <= 'z') ||
                        (after >= 'A' && after <= 'Z') ||
                        (after >= '0' && after <= '9') || after == '_' ||
                        after == '-' || after == '.');
            if (bw && aw)
                return true;
        }
    }
    return false;
}

/* The placement that provides path (the last one wins), or NULL. */
static const struct placed *placed_at(const struct picture *p,
                                      const char *path)
{
    for (size_t i = p->n_placed; i-- > 0;)
        if (p->placed[i].path && strcmp(p->placed[i].path, path) == 0)
            return &p->placed[i];
    return NULL;
}

/*
 * Where the start program lives: for a name with a '/', the path against
 * the working directory; for a bare name, the first PATH directory where
 * the Dockerfile puts a file of that name. Sets *pl to that placement
 * (NULL if none). Returns false when the answer is unknown.
 */
static bool find_placed(const struct picture *p, const char *prog,
                        const struct placed **pl)
{
    *pl = NULL;
    if (strchr(prog, '/')) {
        if (prog[0] != '/' && p->workdir_unknown)
            return false;
        struct sb abs = SB_INIT;
        vfs_clean_path(&abs, p->workdir.buf, prog);
        *pl = placed_at(p, abs.buf);
        sb_release(&abs);
        return true;
    }
    if (p->path_unknown)
        return false;
    const char *d = p->path.buf;
    for (;;) {
        const char *colon = strchr(d, ':');
        size_t dl = colon ? (size_t)(colon - d) : strlen(d);
        struct sb cand = SB_INIT, abs = SB_INIT;
        sb_add(&cand, d, dl);
        sb_addf(&cand, "/%s", prog);
        vfs_clean_path(&abs, "/", cand.buf);
        *pl = placed_at(p, abs.buf);
        sb_release(&cand);
        sb_release(&abs);
        if (*pl || !colon)
            break;
        d = colon + 1;
    }
    return true;
}

/* Is prog in the base image (by path, or on PATH)? */
static bool in_base_image(const struct picture *p, const char *prog)
{
    if (p->scratch || !p->root)
        return false;
    struct vfs fs;
    vfs_init(&fs, NULL);
    catalog_fs(p->root, &fs);
    bool found = false;
    if (strchr(prog, '/')) {
        struct sb abs = SB_INIT;
        vfs_clean_path(&abs, p->workdir.buf, prog);
        const struct vfs_entry *e = vfs_stat(&fs, abs.buf, NULL, NULL);
        found = e != NULL;
        sb_release(&abs);
    } else {
        const char *d = p->path.buf;
        while (!found) {
            const char *colon = strchr(d, ':');
            size_t dl = colon ? (size_t)(colon - d) : strlen(d);
            struct sb cand = SB_INIT, abs = SB_INIT;
            sb_add(&cand, d, dl);
            sb_addf(&cand, "/%s", prog);
            vfs_clean_path(&abs, "/", cand.buf);
            const struct vfs_entry *e = vfs_stat(&fs, abs.buf, NULL, NULL);
            found = e && e->type != VFS_DIR;
            sb_release(&cand);
            sb_release(&abs);
            if (!colon)
                break;
            d = colon + 1;
        }
    }
    vfs_release(&fs);
    return found;
}

/* The last command of a shell script: its last line that is neither
 * blank nor a comment (trimmed), into out. */
static void last_command(const char *data, size_t len, struct sb *out)
{
    sb_reset(out);
    size_t end = len;
    while (end > 0) {
        size_t start = end;
        while (start > 0 && data[start - 1] != '\n')
            start--;
        const char *s = data + start;
        size_t n = end - start;
        while (n && (s[0] == ' ' || s[0] == '\t')) {
            s++;
            n--;
        }
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
            n--;
        if (n && s[0] != '#') {
            sb_add(out, s, n);
            return;
        }
        end = start ? start - 1 : 0;
        if (!start)
            break;
    }
}

static bool is_shell_script(const char *data, size_t len)
{
    if (len < 2 || data[0] != '#' || data[1] != '!')
        return false;
    const char *nl = memchr(data, '\n', len);
    size_t l = nl ? (size_t)(nl - data) : len;
    for (size_t i = 2; i + 1 < l; i++)
        if (data[i] == 's' && data[i + 1] == 'h')
            return true;
    return false;
}

static int max3(int a, int b, int c)
{
    int m = a > b ? a : b;
    return m > c ? m : c;
}

/* ==================================================================== */
/* The rules                                                            */
/* ==================================================================== */

static void rule_shell_entrypoint(const struct picture *p,
                                  struct teach_list *out)
{
    if (!p->ep_line || !p->ep_shell || !p->cmd_line || !p->cmd.set ||
        !p->cmd.n || uses_positional(p->ep_text))
        return;
    struct sb t = SB_INIT;
    sb_addf(&t, "the CMD of line %d never reaches the shell-form ENTRYPOINT "
                "of line %d: the container runs ",
            p->cmd_line, p->ep_line);
    struct strlist all;
    strlist_init(&all);
    for (size_t i = 0; i < p->ep.n; i++)
        strlist_push(&all, p->ep.v[i]);
    for (size_t i = 0; i < p->cmd.n; i++)
        strlist_push(&all, p->cmd.v[i]);
    json_words(&t, &all);
    strlist_release(&all);
    sb_adds(&t, ", where the CMD's words are only $0, $1... of a shell "
                "that never uses them; write the ENTRYPOINT in exec form");
    add(out, TEACH_SHELL_ENTRYPOINT_DROPS_CMD,
        p->cmd_line > p->ep_line ? p->cmd_line : p->ep_line, &t);
}

static void rule_cmd_repeats(const struct picture *p, struct teach_list *out)
{
    if (!p->ep_line || p->ep_shell || !p->ep.n || !p->cmd_line ||
        p->cmd_shell || !p->cmd.n)
        return;
    if (strcmp(base_name(p->cmd.v[0]), base_name(p->ep.v[0])) != 0)
        return;
    struct strlist all;
    strlist_init(&all);
    for (size_t i = 0; i < p->ep.n; i++)
        strlist_push(&all, p->ep.v[i]);
    for (size_t i = 0; i < p->cmd.n; i++)
        strlist_push(&all, p->cmd.v[i]);
    struct sb t = SB_INIT;
    sb_adds(&t, "the CMD repeats the ENTRYPOINT's program, so the container "
                "runs `");
    command_line(&t, &all);
    sb_adds(&t, "`; with this ENTRYPOINT the CMD should hold only the "
                "arguments: CMD ");
    struct strlist rest;
    strlist_init(&rest);
    strlist_set_empty(&rest);
    for (size_t i = 1; i < p->cmd.n; i++)
        strlist_push(&rest, p->cmd.v[i]);
    json_words(&t, &rest);
    strlist_release(&rest);
    strlist_release(&all);
    add(out, TEACH_CMD_REPEATS_ENTRYPOINT,
        p->cmd_line > p->ep_line ? p->cmd_line : p->ep_line, &t);
}

/* The start program (argv[0] of PID 1) and the line that sets it. */
static const char *start_program(const struct picture *p, int *line,
                                 bool *from_ep)
{
    if (p->ep.set && p->ep.n) {
        *line = p->ep_line;
        *from_ep = true;
        return p->ep.v[0];
    }
    *from_ep = false;
    if (p->cmd.set && p->cmd.n) {
        *line = p->cmd_line;
        return p->cmd.v[0];
    }
    *line = 0;
    return NULL;
}

static void rule_scripts(const struct picture *p, struct teach_list *out)
{
    int line;
    bool from_ep;
    const char *prog = start_program(p, &line, &from_ep);
    if (!prog || !line)
        return;
    bool shell_form = from_ep ? p->ep_shell : p->cmd_shell;
    if (shell_form)
        return;
    const struct placed *pl;
    if (!find_placed(p, prog, &pl) || !pl)
        return;
    const char *what = from_ep ? "ENTRYPOINT" : "CMD";
    /* the execute bit */
    if (pl->mode_known && !(pl->mode & 0111) && !run_mentions(p, "chmod")) {
        struct sb t = SB_INIT;
        sb_addf(&t, "the %s runs %s, which line %d copies with mode %04o (no "
                    "execute bit): the container fails to start with "
                    "\"permission denied\"; use COPY --chmod=755",
                what, prog, pl->line, pl->mode);
        add(out, TEACH_SCRIPT_NOT_EXECUTABLE, line > pl->line ? line : pl->line,
            &t);
    }
    /* exec "$@" */
    if (!from_ep || !pl->data || !is_shell_script(pl->data, pl->len) ||
        !p->cmd_line || !p->cmd.set || !p->cmd.n)
        return;
    struct sb last = SB_INIT;
    last_command(pl->data, pl->len, &last);
    bool ends_exec = strncmp(last.buf, "exec ", 5) == 0 &&
                     (strstr(last.buf, "\"$@\"") || strstr(last.buf, "$@") ||
                      strstr(last.buf, "\"${@}\""));
    if (!ends_exec) {
        bool uses = mem_contains(pl->data, pl->len, "$@") ||
                    mem_contains(pl->data, pl->len, "${@}");
        struct sb t = SB_INIT;
        sb_addf(&t, "the ENTRYPOINT script %s does not end with exec \"$@\": ",
                prog);
        struct sb cmd = SB_INIT;
        json_words(&cmd, &p->cmd);
        if (uses)
            sb_addf(&t, "the CMD %s runs, but as a child of the script, not "
                        "as PID 1, so docker stop's SIGTERM does not reach it",
                    cmd.buf);
        else
            sb_addf(&t, "the CMD %s is handed to the script as arguments "
                        "and never runs",
                    cmd.buf);
        sb_release(&cmd);
        add(out, TEACH_SCRIPT_DOES_NOT_EXEC,
            max3(line, pl->line, p->cmd_line), &t);
    }
    sb_release(&last);
}

static void rule_program(const struct picture *p, struct teach_list *out)
{
    int line;
    bool from_ep;
    const char *prog = start_program(p, &line, &from_ep);
    if (!prog || !line || !p->root_known || p->placed_unknown)
        return;
    const struct placed *pl;
    if (!find_placed(p, prog, &pl) || pl)
        return;
    if (in_base_image(p, prog) || run_mentions(p, base_name(prog)))
        return;
    /* a copied directory or a file under another name may still hold it */
    for (size_t i = 0; i < p->n_placed; i++)
        if (strcmp(p->placed[i].base, base_name(prog)) == 0)
            return;
    bool shell_form = from_ep ? p->ep_shell : p->cmd_shell;
    struct sb t = SB_INIT;
    const char *what = from_ep ? "ENTRYPOINT" : "CMD";
    if (shell_form)
        sb_addf(&t, "the %s is in shell form, so it runs %s, ", what, prog);
    else
        sb_addf(&t, "the %s runs %s, ", what, prog);
    if (p->scratch)
        sb_adds(&t, "and scratch has no files at all");
    else
        sb_addf(&t, "which %.*s does not have", (int)p->root_name_len,
                p->root_name);
    sb_adds(&t, " (and nothing here installs or copies it): the container "
                "fails to start with exec: \"");
    sb_adds(&t, prog);
    if (strchr(prog, '/'))
        sb_addf(&t, "\": stat %s: no such file or directory", prog);
    else
        sb_adds(&t, "\": executable file not found in $PATH");
    add(out, TEACH_PROGRAM_NOT_IN_IMAGE, line, &t);
}

size_t teach_check(const char *text, size_t len, const struct teach_opts *o,
                   struct teach_list *out)
{
    teach_list_init(out);
    if (!o || o->off || !len)
        return 0;
    struct dockerfile df;
    struct diag_list dl = DIAG_LIST_INIT;
    int rc = dockerfile_parse(&df, text, len, NULL, &dl);
    if (rc == 0 && df.n_stages > 0) {
        size_t target = df.n_stages - 1;
        bool found = true;
        if (o->target && *o->target) {
            struct sb low = SB_INIT;
            for (const char *c = o->target; *c; c++)
                sb_addch(&low, *c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
            found = false;
            for (size_t i = 0; i < df.n_stages; i++)
                if (df.stages[i].name.len == low.len &&
                    memcmp(df.stages[i].name.s, low.buf, low.len) == 0) {
                    target = i;
                    found = true;
                }
            sb_release(&low);
        }
        if (found) {
            struct picture p;
            build_picture(&p, &df, target, o);
            rule_shell_entrypoint(&p, out);
            rule_cmd_repeats(&p, out);
            rule_scripts(&p, out);
            rule_program(&p, out);
            picture_release(&p);
        }
    }
    dockerfile_release(&df);
    diag_list_release(&dl);
    return out->n;
}
