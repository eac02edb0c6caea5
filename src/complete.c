/*
 * complete.c: what Tab offers, by context (see complete.h).
 */
#include "complete.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "catalog.h"
#include "colon.h"
#include "diag.h"
#include "dockerargs.h"
#include "help.h"
#include "imgconfig.h"
#include "instr_table.h"
#include "parser.h"
#include "repl.h"
#include "repl_lesson.h"
#include "run.h"
#include "sb.h"
#include "xmalloc.h"

struct cands {
    struct strlist *out;
    const char *word; /* what is typed so far */
    size_t wlen;
    bool fold;        /* compare case-insensitively */
};

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool has_prefix(const struct cands *c, const char *s)
{
    if (strlen(s) < c->wlen)
        return false;
    for (size_t i = 0; i < c->wlen; i++) {
        int a = (unsigned char)s[i], b = (unsigned char)c->word[i];
        if (c->fold ? lower(a) != lower(b) : a != b)
            return false;
    }
    return true;
}

static void offer(struct cands *c, const char *s)
{
    if (has_prefix(c, s))
        strlist_add_sorted(c->out, s);
}

/* offer(pre + s) */
static void offer2(struct cands *c, const char *pre, const char *s)
{
    struct sb t = SB_INIT;
    sb_addf(&t, "%s%s", pre, s);
    offer(c, t.buf);
    sb_release(&t);
}

/* ----- names from the session and the catalogue ----------------------- */

static void offer_images(struct cands *c, const struct repl *r)
{
    for (size_t i = 0; i < catalog_len; i++) {
        offer(c, catalog[i].repo);
        for (const char *const *t = catalog[i].tags; *t; t++) {
            struct sb n = SB_INIT;
            sb_addf(&n, "%s:%s", catalog[i].repo, *t);
            offer(c, n.buf);
            sb_release(&n);
        }
    }
    for (size_t i = 0; i < r->s.store.n_images; i++) {
        const struct image *img = r->s.store.images[i];
        for (size_t t = 0; t < img->tags.n; t++) {
            offer(c, img->tags.v[t]);
            /* "app:latest" is usually typed "app" */
            size_t n = strlen(img->tags.v[t]);
            if (n > 7 && strcmp(img->tags.v[t] + n - 7, ":latest") == 0) {
                char *bare = xmemdup0(img->tags.v[t], n - 7);
                offer(c, bare);
                free(bare);
            }
        }
    }
}

static void offer_containers(struct cands *c, const struct repl *r)
{
    for (size_t i = 0; i < r->s.store.n_containers; i++)
        offer(c, r->s.store.containers[i]->name);
}

/* FROM ... AS NAME in the session's Dockerfile. */
static void offer_stages(struct cands *c, const struct repl *r,
                         const char *pre)
{
    struct ast ast;
    struct diag_list dl = DIAG_LIST_INIT;
    ast_parse(&ast, r->s.dockerfile.buf, r->s.dockerfile.len, &dl);
    for (size_t i = 0; i < ast.n_nodes; i++) {
        const struct ast_node *n = ast.nodes[i];
        if (n->kind != INSTR_FROM || n->n_args < 3 || n->args[1].len != 2 ||
            lower((unsigned char)n->args[1].s[0]) != 'a' ||
            lower((unsigned char)n->args[1].s[1]) != 's')
            continue;
        char *name = xmemdup0(n->args[2].s, n->args[2].len);
        offer2(c, pre, name);
        free(name);
    }
    ast_release(&ast);
    diag_list_release(&dl);
}

static void offer_ctx_files(struct cands *c, const struct repl *r)
{
    for (size_t i = 0; i < r->s.n_files; i++)
        offer(c, r->s.files[i].path);
}

/* Entries of the directory part of the word (directories get a '/'). */
static void offer_paths(struct cands *c, bool dirs_only)
{
    const char *slash = NULL;
    for (size_t i = 0; i < c->wlen; i++)
        if (c->word[i] == '/')
            slash = c->word + i;
    struct sb dir = SB_INIT, pre = SB_INIT;
    if (slash) {
        sb_add(&pre, c->word, (size_t)(slash - c->word) + 1);
        sb_add(&dir, c->word, slash == c->word ? 1 : (size_t)(slash - c->word));
    } else {
        sb_adds(&dir, ".");
    }
    const char *base = slash ? slash + 1 : c->word;
    DIR *d = opendir(dir.buf);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            if (e->d_name[0] == '.' && base[0] != '.')
                continue;
            struct sb full = SB_INIT;
            sb_addf(&full, "%s/%s", dir.buf, e->d_name);
            struct stat st;
            bool is_dir = stat(full.buf, &st) == 0 && S_ISDIR(st.st_mode);
            sb_release(&full);
            if (dirs_only && !is_dir)
                continue;
            struct sb cand = SB_INIT;
            sb_addf(&cand, "%s%s%s", pre.buf, e->d_name, is_dir ? "/" : "");
            offer(c, cand.buf);
            sb_release(&cand);
        }
        closedir(d);
    }
    sb_release(&dir);
    sb_release(&pre);
}

/* ----- the first word ------------------------------------------------- */

/* The keyword in the case typed: fr -> from, Fr -> From, FR/"" -> FROM. */
static void offer_keyword(struct cands *c, const char *name)
{
    bool any_lower = false, any_upper = false;
    for (size_t i = 0; i < c->wlen; i++) {
        any_lower |= c->word[i] >= 'a' && c->word[i] <= 'z';
        any_upper |= c->word[i] >= 'A' && c->word[i] <= 'Z';
    }
    enum { UPPER, LOWER, CAPITAL } style = UPPER;
    if (any_lower && !any_upper)
        style = LOWER;
    else if (any_lower && any_upper)
        style = c->word[0] >= 'A' && c->word[0] <= 'Z' ? CAPITAL : LOWER;
    struct sb k = SB_INIT;
    for (size_t i = 0; name[i]; i++) {
        int ch = (unsigned char)name[i];
        bool up = style == UPPER || (style == CAPITAL && i == 0);
        sb_addch(&k, up ? ch : lower(ch));
    }
    offer(c, k.buf);
    sb_release(&k);
}

static void first_word(struct cands *c)
{
    if (c->wlen && c->word[0] == ':') {
        for (size_t i = 0; i < colon_n_cmds; i++)
            offer2(c, ":", colon_cmds[i].name);
        return;
    }
    c->fold = true;
    for (size_t i = 0; i < INSTR_COUNT; i++)
        offer_keyword(c, instr_table[i].name);
    c->fold = false;
    offer(c, "docker");
    offer(c, "explain");
}

/* ----- docker lines --------------------------------------------------- */

static bool dflag_takes_value(const struct dflag_def *f)
{
    return f->type != DFLAG_BOOL;
}

static const struct dflag_def *dflag_named(const struct dcmd_def *cmd,
                                           const char *w)
{
    if (w[0] != '-' || strchr(w, '='))
        return NULL;
    for (const struct dflag_def *f = cmd->flags; f->name; f++)
        if ((w[1] == '-' && strcmp(f->name, w + 2) == 0) ||
            (w[1] && !w[2] && f->shorthand == w[1]))
            return f;
    return NULL;
}

static void docker_words(struct cands *c, const struct repl *r, char **w,
                         size_t n)
{
    /* w[0] is "docker"; w[1..n) are complete words before the cursor */
    size_t consumed = 0;
    const struct dcmd_def *cmd = n > 1 ? dcli_find(w + 1, n - 1, &consumed)
                                       : NULL;
    if (!cmd) {
        /* the command itself: a top-level word, or one after a group */
        const char *group = n == 2 && consumed == 1 ? w[1] : NULL;
        if (n > 2 || (n == 2 && !group))
            return;
        size_t gl = group ? strlen(group) : 0;
        for (size_t i = 0; i < dcli_n_commands; i++) {
            const char *p = dcli_commands[i].path;
            const char *sp = strchr(p, ' ');
            if (!group) {
                char *first = xmemdup0(p, sp ? (size_t)(sp - p) : strlen(p));
                offer(c, first);
                free(first);
            } else if (sp && (size_t)(sp - p) == gl &&
                       memcmp(p, group, gl) == 0) {
                offer(c, sp + 1);
                if (dcli_commands[i].other_names) {
                    /* "ls" also answers to "list" and "ps" */
                    const char *o = dcli_commands[i].other_names;
                    while (*o) {
                        size_t ol = strcspn(o, " ");
                        char *nm = xmemdup0(o, ol);
                        offer(c, nm);
                        free(nm);
                        o += ol;
                        while (*o == ' ')
                            o++;
                    }
                }
            }
        }
        return;
    }
    if (c->wlen && c->word[0] == '-') {
        for (const struct dflag_def *f = cmd->flags; f->name; f++) {
            if (f->attrs & (DFA_HIDDEN | DFA_WINDOWS | DFA_EXPERIMENTAL))
                continue;
            offer2(c, "--", f->name);
            if (f->shorthand && c->wlen <= 2) {
                char s[3] = { '-', f->shorthand, '\0' };
                offer(c, s);
            }
        }
        offer(c, "--help");
        return;
    }
    /* which positional argument is this? */
    size_t pos = 0;
    const struct dflag_def *pending = NULL;
    for (size_t i = 1 + consumed; i < n; i++) {
        if (pending) {
            pending = NULL;
            continue;
        }
        const struct dflag_def *f = dflag_named(cmd, w[i]);
        if (f && dflag_takes_value(f))
            pending = f;
        else if (w[i][0] != '-')
            pos++;
    }
    if (pending) {
        if (strcmp(pending->name, "file") == 0 ||
            strcmp(pending->name, "env-file") == 0)
            offer_paths(c, false);
        return;
    }
    const char *name = cmd->alias_of ? cmd->alias_of : cmd->path;
    if (strcmp(name, "run") == 0 || strcmp(name, "create") == 0) {
        if (pos == 0)
            offer_images(c, r);
    } else if (strcmp(name, "build") == 0) {
        if (pos == 0) {
            offer(c, ".");
            offer_paths(c, true);
        }
    } else if (strcmp(name, "rmi") == 0 || strcmp(name, "history") == 0 ||
               strcmp(name, "image inspect") == 0 ||
               (strcmp(name, "tag") == 0 && pos == 0)) {
        offer_images(c, r);
    } else if (strcmp(name, "inspect") == 0) {
        offer_images(c, r);
        offer_containers(c, r);
    } else if (strcmp(name, "images") != 0 && strcmp(name, "ps") != 0 &&
               strcmp(name, "version") != 0 && strcmp(name, "tag") != 0 &&
               (strcmp(name, "exec") != 0 || pos == 0)) {
        offer_containers(c, r);
    }
}

/* ----- Dockerfile lines ----------------------------------------------- */

static void instr_words(struct cands *c, const struct repl *r,
                        enum instr_kind k, char **w, size_t n)
{
    if (c->wlen >= 2 && c->word[0] == '-' && c->word[1] == '-') {
        if (k == INSTR_COPY && strncmp(c->word, "--from=", 7) == 0) {
            offer_stages(c, r, "--from=");
            return;
        }
        for (const struct flag_def *f = instr_table[k].flags; f->name; f++) {
            struct sb fl = SB_INIT;
            sb_addf(&fl, "--%s%s", f->name, f->type == FLAG_BOOL ? "" : "=");
            offer(c, fl.buf);
            sb_release(&fl);
        }
        return;
    }
    size_t pos = 0;
    for (size_t i = 1; i < n; i++)
        if (!(w[i][0] == '-' && w[i][1] == '-'))
            pos++;
    switch (k) {
    case INSTR_FROM:
        if (pos == 0) {
            offer_images(c, r);
            offer_stages(c, r, "");
        } else if (pos == 1) {
            bool low = w[0][0] >= 'a' && w[0][0] <= 'z';
            offer(c, low ? "as" : "AS");
        }
        break;
    case INSTR_COPY:
    case INSTR_ADD:
        offer_ctx_files(c, r);
        break;
    case INSTR_ONBUILD:
        if (pos == 0) {
            c->fold = true;
            for (size_t i = 0; i < INSTR_COUNT; i++)
                if (i != INSTR_ONBUILD && i != INSTR_FROM &&
                    i != INSTR_MAINTAINER)
                    offer_keyword(c, instr_table[i].name);
            c->fold = false;
        }
        break;
    default:
        break;
    }
}

/* ----- : command arguments -------------------------------------------- */

static void add_topic(void *ctx, const char *name)
{
    struct cands *c = ctx;
    if (!strchr(name, ' '))
        offer(c, name);
}

static void add_word(void *ctx, const char *word)
{
    offer(ctx, word);
}

static void colon_words(struct cands *c, struct repl *r, char **w, size_t n)
{
    struct sb why = SB_INIT;
    const struct colon_cmd *cmd = colon_find(w[0] + 1, strlen(w[0] + 1), &why);
    sb_release(&why);
    if (!cmd)
        return;
    switch (cmd->arg) {
    case CARG_NONE:
        break;
    case CARG_TOPIC:
        if (n == 1) {
            c->fold = true;
            help_each_topic(add_topic, c);
            offer(c, "docker");
            c->fold = false;
        } else if (strcmp(w[1], "docker") == 0) {
            docker_words(c, r, w + 1, n - 1);
        }
        break;
    case CARG_PATH:
        if (n == 1)
            offer_paths(c, false);
        break;
    case CARG_EXPLAIN:
        if (n == 1)
            offer(c, "last");
        break;
    case CARG_SETTING:
        if (n == 1) {
            for (size_t i = 0; i < colon_n_settings; i++)
                offer(c, colon_settings[i].name);
        } else if (n == 2) {
            for (size_t i = 0; i < colon_n_settings; i++) {
                if (strcmp(colon_settings[i].name, w[1]) != 0)
                    continue;
                const char *v = colon_settings[i].values;
                while (*v) {
                    size_t vl = strcspn(v, " ");
                    char *one = xmemdup0(v, vl);
                    offer(c, one);
                    free(one);
                    v += vl;
                    while (*v == ' ')
                        v++;
                }
            }
        }
        break;
    case CARG_CTXFILE:
        if (n == 1)
            offer_ctx_files(c, r);
        break;
    case CARG_LESSON:
        if (n == 1)
            repl_lesson_each_id(r, add_word, c);
        break;
    case CARG_PROGRESS:
        if (n == 1) {
            for (size_t i = 0; repl_lesson_progress_word(i); i++)
                offer(c, repl_lesson_progress_word(i));
        } else if (n == 2 && strcmp(w[1], "reset") == 0) {
            repl_lesson_each_id(r, add_word, c);
        }
        break;
    }
}

size_t complete_line(struct repl *r, const char *line, size_t end,
                     size_t *start, struct strlist *out)
{
    size_t before = out->n;
    size_t s = end;
    while (s > 0 && line[s - 1] != ' ' && line[s - 1] != '\t')
        s--;
    *start = s;
    if (r->pending != PENDING_NONE)
        return 0;
    struct cands c = { out, line + s, end - s, false };
    /* the complete words before the one being typed */
    struct arena a = ARENA_INIT;
    char *w[64];
    size_t n = 0;
    for (size_t i = 0; i < s && n < ARRAY_LEN(w);) {
        while (i < s && (line[i] == ' ' || line[i] == '\t'))
            i++;
        size_t j = i;
        while (j < s && line[j] != ' ' && line[j] != '\t')
            j++;
        if (j > i)
            w[n++] = arena_memdup0(&a, line + i, j - i);
        i = j;
    }
    if (r->open != OPEN_NONE) {
        /* inside an unfinished instruction: nothing sensible to offer */
    } else if (n == 0) {
        first_word(&c);
    } else if (w[0][0] == ':') {
        colon_words(&c, r, w, n);
    } else if (strcmp(w[0], "docker") == 0) {
        docker_words(&c, r, w, n);
    } else {
        enum instr_kind k = instr_lookup(w[0], strlen(w[0]));
        if (k != INSTR_UNKNOWN)
            instr_words(&c, r, k, w, n);
    }
    arena_release(&a);
    return out->n - before;
}
