/*
 * repl.c: docksim's shell without a line editor (see repl.h): prompts,
 * pasted input, the open-instruction tracker, rendering line results for
 * people (or as JSON lines), the undo log, questions and :file capture.
 * The `:` commands themselves are in colon.c.
 */
#include "repl.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "colon.h"
#include "help.h"
#include "json.h"
#include "linenote.h"
#include "parser.h"
#include "build.h"
#include "teach.h"
#include "render.h"
#include "repl_lesson.h"
#include "run.h"
#include "statemodel.h"
#include "xmalloc.h"

#define PROMPT_MAIN "docksim> "
#define PROMPT_WIDTH 9

/* ==================================================================== */
/* Output style                                                         */
/* ==================================================================== */

bool repl_want_color(enum color_mode mode, bool plain, bool out_is_tty,
                     const char *(*env)(const char *name))
{
    if (plain || mode == COLOR_NEVER)
        return false;
    if (mode == COLOR_ALWAYS)
        return true;
    const char *no = env("NO_COLOR");
    const char *term = env("TERM");
    return out_is_tty && !(no && *no) && term && *term &&
           strcmp(term, "dumb") != 0;
}

const char *repl_style_on(const struct repl *r, enum style st)
{
    if (!r->o.color)
        return "";
    switch (st) {
    case STYLE_NOTE:
        return "\033[36m";
    case STYLE_WARN:
        return "\033[33m";
    case STYLE_ERROR:
        return "\033[31m";
    case STYLE_NARRATE:
        return "\033[32m";
    case STYLE_TITLE:
        return "\033[1m";
    case STYLE_OK:
        return "\033[32m";
    }
    return "";
}

const char *repl_style_off(const struct repl *r)
{
    return r->o.color ? "\033[0m" : "";
}

/* One table: each symbol and the ASCII words that replace it. */
static const struct {
    const char *name, *uni, *ascii;
} symbols[] = {
    { "bullet", "•", "-" },
    { "arrow", "→", "->" },
    { "ellipsis", "…", "..." },
    { "running", "● ", "" },
    { "stopped", "○ ", "" },
    { "created", "◌ ", "" },
    { "undo", "↶ ", "" },
    { "redo", "↷ ", "" },
    { "narrate", "» ", "# " },
    { "sep", " · ", " | " },
    { "ok", "✓ ", "ok: " },
};

const char *repl_sym(const struct repl *r, const char *name)
{
    for (size_t i = 0; i < ARRAY_LEN(symbols); i++)
        if (strcmp(symbols[i].name, name) == 0)
            return r->o.ascii ? symbols[i].ascii : symbols[i].uni;
    return "";
}

/* Where the shell talks: stdout, but stderr under --json (stdout is then
 * JSON lines only). */
static FILE *talk(const struct repl *r)
{
    return r->o.json ? r->err : r->out;
}

void repl_printf(struct repl *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(talk(r), fmt, ap);
    va_end(ap);
}

void repl_errorf(struct repl *r, const char *fmt, ...)
{
    va_list ap;
    fflush(r->out);
    fputs(repl_style_on(r, STYLE_ERROR), r->err);
    va_start(ap, fmt);
    vfprintf(r->err, fmt, ap);
    va_end(ap);
    fputs(repl_style_off(r), r->err);
    fflush(r->err);
}

/* docksim's commentary lines start with "| "; warnings get their colour. */
static void commentary(struct repl *r, const char *text)
{
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        bool warn = n >= 8 && (strncmp(p, "warning:", 8) == 0 ||
                               strncmp(p, "error (", 7) == 0);
        fprintf(talk(r), "%s| %.*s%s\n",
                repl_style_on(r, warn ? STYLE_WARN : STYLE_NOTE), (int)n, p,
                repl_style_off(r));
        p += n + (nl ? 1 : 0);
    }
}

void repl_note(struct repl *r, const char *text)
{
    commentary(r, text);
}

/* ==================================================================== */
/* Init                                                                 */
/* ==================================================================== */

static void session_fresh(struct repl *r)
{
    session_init(&r->s);
    r->s.host_env = r->o.host_env;
    r->s.host_ctx = r->o.host_ctx;
    r->s.no_teaching_warnings = r->teaching_off;
    if (r->o.context_dir)
        r->s.context_dir = xstrdup(r->o.context_dir);
}

void repl_init(struct repl *r, const struct repl_opts *o, FILE *out,
               FILE *err)
{
    memset(r, 0, sizeof(*r));
    r->o = *o;
    r->out = out;
    r->err = err;
    r->explain_full = true;
    r->notes_on = true;
    sb_init(&r->open_lines);
    sb_init(&r->file_body);
    sb_init(&r->last_notes);
    sb_init(&r->prompt);
    explain_init(&r->last_explain);
    strlist_set_empty(&r->inputs);
    session_fresh(r);
}

static void step_free(struct step *st)
{
    free(st->text);
    free(st->name);
}

static void log_clear(struct step_log *l)
{
    for (size_t i = 0; i < l->n; i++)
        step_free(&l->v[i]);
    l->n = 0;
}

static void clear_pending(struct repl *r)
{
    r->pending = PENDING_NONE;
    free(r->question);
    free(r->pending_arg);
    free(r->pending_text);
    r->question = r->pending_arg = r->pending_text = NULL;
    r->on_answer = NULL;
    sb_reset(&r->file_body);
}

void repl_release(struct repl *r)
{
    repl_lessons_free(r->lessons);
    session_release(&r->s);
    log_clear(&r->log);
    log_clear(&r->redo);
    free(r->log.v);
    free(r->redo.v);
    sb_release(&r->open_lines);
    free(r->heredoc_name);
    clear_pending(r);
    sb_release(&r->file_body);
    free(r->last_line);
    explain_release(&r->last_explain);
    sb_release(&r->last_notes);
    strlist_release(&r->inputs);
    sb_release(&r->prompt);
    memset(r, 0, sizeof(*r));
}

void repl_banner(struct repl *r)
{
    struct sb lessons = SB_INIT;
    repl_lesson_banner(r, &lessons);
    fprintf(r->out,
            "%sdocksim %s%s: type Dockerfile lines and docker commands; "
            "docksim shows what\nDocker would do, and why. Nothing runs on "
            "this machine.\n%s"
            "Type :help for help, :quit or Ctrl-D to leave.\n",
            repl_style_on(r, STYLE_TITLE), DOCKSIM_VERSION,
            repl_style_off(r), lessons.len ? lessons.buf : "");
    sb_release(&lessons);
}

int repl_status(const struct repl *r)
{
    return r->failed ? 1 : 0;
}

/* ==================================================================== */
/* The unfinished instruction: what is open                             */
/* ==================================================================== */

static int dockerfile_escape(const struct session *s)
{
    struct ast ast;
    struct diag_list dl = DIAG_LIST_INIT;
    /* only the directives matter: the first lines are enough */
    size_t n = s->dockerfile.len;
    const char *t = s->dockerfile.buf;
    size_t cut = 0, lines = 0;
    while (cut < n && lines < 8)
        if (t[cut++] == '\n')
            lines++;
    ast_parse(&ast, t, cut, &dl);
    int esc = ast.escape ? ast.escape : '\\';
    ast_release(&ast);
    diag_list_release(&dl);
    return esc;
}

/* Does the physical line end with the escape character (blanks after it
 * allowed)? */
static bool ends_with_escape(const char *l, size_t n, int esc)
{
    while (n && (l[n - 1] == ' ' || l[n - 1] == '\t' || l[n - 1] == '\r'))
        n--;
    return n && l[n - 1] == esc;
}

/*
 * From the lines of the unfinished instruction, work out what is open:
 * a heredoc (and its delimiter), an exec-form [ not closed yet, or a
 * plain continuation.
 */
static void analyse_open(struct repl *r)
{
    free(r->heredoc_name);
    r->heredoc_name = NULL;
    if (!session_dockerfile_open(&r->s)) {
        r->open = OPEN_NONE;
        return;
    }
    int esc = dockerfile_escape(&r->s);
    const char *t = r->open_lines.buf;
    size_t n = r->open_lines.len;
    /* the logical first line: physical lines joined while they end with
     * the escape character (comment lines inside are dropped) */
    struct sb logical = SB_INIT;
    size_t i = 0;
    bool last_escaped = false;
    while (i < n) {
        size_t j = i;
        while (j < n && t[j] != '\n')
            j++;
        size_t k = i;
        while (k < j && (t[k] == ' ' || t[k] == '\t'))
            k++;
        bool comment = logical.len && k < j && t[k] == '#';
        last_escaped = !comment && ends_with_escape(t + i, j - i, esc);
        if (!comment) {
            size_t e = j;
            if (last_escaped) {
                while (e > i && t[e - 1] != esc)
                    e--;
                e--;
            }
            sb_add(&logical, t + i, e - i);
        }
        i = j + 1;
        if (!last_escaped && !comment)
            break;
    }
    size_t body = i; /* where heredoc bodies start */
    /* does the last physical line end with the escape character? */
    size_t e = n ? n - 1 : 0;
    size_t s = e;
    while (s && t[s - 1] != '\n')
        s--;
    if (ends_with_escape(t + s, e - s, esc)) {
        /* skip the keyword and --flags; is a [ open? */
        const char *p = logical.buf;
        for (int w = 0; w < 8; w++) {
            while (*p == ' ' || *p == '\t')
                p++;
            const char *ws = p;
            while (*p && *p != ' ' && *p != '\t')
                p++;
            if (w > 0 && !(ws[0] == '-' && ws[1] == '-')) {
                p = ws;
                break;
            }
        }
        if (*p == '[' && !strchr(p, ']'))
            r->open = OPEN_JSON;
        else
            r->open = OPEN_CONTINUATION;
        sb_release(&logical);
        return;
    }
    r->open = OPEN_HEREDOC;
    /* the heredoc words, in order; the first whose body has not ended */
    struct arena a = ARENA_INIT;
    const char *p = logical.buf;
    struct heredoc docs[16];
    size_t nd = 0;
    while (*p && nd < ARRAY_LEN(docs)) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *ws = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (p > ws && heredoc_parse_word(&a, ws, (size_t)(p - ws), &docs[nd]))
            nd++;
    }
    size_t d = 0;
    for (i = body; i < n && d < nd; ) {
        size_t j = i;
        while (j < n && t[j] != '\n')
            j++;
        const char *l = t + i;
        size_t ll = j - i;
        if (docs[d].chomp)
            while (ll && *l == '\t')
                l++, ll--;
        if (ll && l[ll - 1] == '\r')
            ll--;
        if (ll == docs[d].name.len && memcmp(l, docs[d].name.s, ll) == 0)
            d++;
        i = j + 1;
    }
    if (d < nd)
        r->heredoc_name = xmemdup0(docs[d].name.s, docs[d].name.len);
    arena_release(&a);
    sb_release(&logical);
}

static void pad_prompt(struct sb *p, const char *text)
{
    size_t len = strlen(text);
    for (size_t i = len; i < PROMPT_WIDTH; i++)
        sb_addch(p, ' ');
    sb_adds(p, text);
}

const char *repl_prompt(struct repl *r)
{
    struct sb *p = &r->prompt;
    sb_reset(p);
    if (r->pending == PENDING_CONFIRM) {
        sb_adds(p, r->question);
        return p->buf;
    }
    if (r->pending == PENDING_FILE) {
        struct sb t = SB_INIT;
        sb_addf(&t, "[%s]> ", r->pending_arg);
        pad_prompt(p, t.buf);
        sb_release(&t);
        return p->buf;
    }
    switch (r->open) {
    case OPEN_NONE:
        sb_adds(p, PROMPT_MAIN);
        break;
    case OPEN_CONTINUATION: {
        char t[8];
        int esc = dockerfile_escape(&r->s);
        t[0] = (char)esc;
        memcpy(t + 1, "> ", 3);
        pad_prompt(p, t);
        break;
    }
    case OPEN_JSON:
        pad_prompt(p, "[...> ");
        break;
    case OPEN_HEREDOC: {
        struct sb t = SB_INIT;
        sb_addf(&t, "<<%s> ", r->heredoc_name ? r->heredoc_name : "...");
        pad_prompt(p, t.buf);
        sb_release(&t);
        break;
    }
    }
    return p->buf;
}

/* ==================================================================== */
/* The undo log                                                         */
/* ==================================================================== */

static void log_push(struct step_log *l, enum step_kind kind,
                     const char *text, const char *name)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
    }
    struct step *st = &l->v[l->n++];
    st->kind = kind;
    st->text = text ? xstrdup(text) : NULL;
    st->name = name ? xstrdup(name) : NULL;
    st->mode = 0;
    st->keep = 0;
}

void repl_log_step(struct repl *r, enum step_kind kind, const char *text,
                   const char *name)
{
    log_push(&r->log, kind, text, name);
    log_clear(&r->redo);
    r->changes++;
}

void repl_log_rewind(struct repl *r, size_t keep, const char *label)
{
    repl_log_step(r, STEP_RESET, NULL, label);
    r->log.v[r->log.n - 1].keep = keep < r->log.n ? keep : r->log.n - 1;
    repl_replay(r);
}

void repl_log_restart(struct repl *r, const char *lesson, size_t step)
{
    log_clear(&r->log);
    log_clear(&r->redo);
    log_push(&r->log, STEP_LESSON, NULL, lesson);
    r->log.v[0].keep = step;
    r->n_base = r->log.n;
    r->changes++;
    repl_replay(r);
}

void repl_apply_step(struct repl *r, const struct step *st)
{
    switch (st->kind) {
    case STEP_LINES: {
        const char *p = st->text;
        for (;;) {
            const char *nl = strchr(p, '\n');
            char *line = xmemdup0(p, nl ? (size_t)(nl - p) : strlen(p));
            struct line_result res;
            line_result_init(&res);
            session_line(&r->s, line, &res);
            line_result_release(&res);
            free(line);
            if (!nl)
                break;
            p = nl + 1;
        }
        break;
    }
    case STEP_FILE:
        session_add_file(&r->s, st->name, st->text, strlen(st->text),
                         st->mode);
        break;
    case STEP_LOAD:
        session_set_dockerfile(&r->s, st->text, strlen(st->text));
        break;
    case STEP_NEW:
        session_set_dockerfile(&r->s, "", 0);
        break;
    case STEP_RESET:
        session_release(&r->s);
        session_fresh(r);
        /* in a lesson: back to where the step began (those steps come
           before this one, so this ends) */
        for (size_t i = 0; i < st->keep && i < r->log.n; i++)
            repl_apply_step(r, &r->log.v[i]);
        break;
    case STEP_LESSON:
        session_release(&r->s);
        session_fresh(r);
        repl_lesson_apply_start(r, st->name, st->keep);
        break;
    }
}

static void replay_into(struct repl *r, struct session *dst)
{
    struct session keep = r->s;
    session_fresh(r);
    for (size_t i = 0; i < r->log.n; i++)
        repl_apply_step(r, &r->log.v[i]);
    *dst = r->s;
    r->s = keep;
}

/* After a replay or :load the Dockerfile may end inside an instruction:
 * find where that instruction starts (the last line before which the
 * text is complete) so the prompt and Ctrl-C know about it. */
static void find_open_instruction(struct repl *r)
{
    const struct sb *d = &r->s.dockerfile;
    r->open_df_len = d->len;
    r->open_df_lines = r->s.dockerfile_lines;
    sb_reset(&r->open_lines);
    if (!session_dockerfile_open(&r->s))
        return;
    struct session prefix = r->s; /* shallow: only the length changes */
    size_t start = d->len;
    int lines = r->s.dockerfile_lines;
    while (start > 0) {
        size_t k = start - 1; /* the '\n' ending the previous line */
        while (k > 0 && d->buf[k - 1] != '\n')
            k--;
        start = k;
        lines--;
        prefix.dockerfile.len = start;
        if (!session_dockerfile_open(&prefix))
            break;
    }
    r->open_df_len = start;
    r->open_df_lines = lines;
    sb_add(&r->open_lines, d->buf + start, d->len - start);
}

void repl_replay(struct repl *r)
{
    r->changes++;
    struct session fresh;
    replay_into(r, &fresh);
    session_release(&r->s);
    r->s = fresh;
    find_open_instruction(r);
    analyse_open(r);
}

void repl_truncate_log(struct repl *r, size_t n)
{
    while (r->log.n > n && r->log.n > r->n_base)
        step_free(&r->log.v[--r->log.n]);
    log_clear(&r->redo);
    repl_replay(r);
}

void repl_clone_session(struct repl *r, struct session *s)
{
    replay_into(r, s);
    /* an unfinished instruction is not in the log yet */
    if (r->open_lines.len) {
        sb_add(&s->dockerfile, r->open_lines.buf, r->open_lines.len);
        for (size_t i = 0; i < r->open_lines.len; i++)
            s->dockerfile_lines += r->open_lines.buf[i] == '\n';
    }
}

/* A digest of the simulated state, to tell whether a line changed it. */
static uint64_t state_digest(const struct session *s)
{
    uint64_t h = 1469598103934665603ULL;
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 1099511628211ULL)
    MIX(s->dockerfile.len);
    MIX(s->n_files);
    MIX(s->store.clock);
    MIX(s->store.serial);
    MIX(s->store.n_images);
    for (size_t i = 0; i < s->store.n_images; i++) {
        const struct image *img = s->store.images[i];
        MIX(img->tags.n);
        for (size_t t = 0; t < img->tags.n; t++)
            for (const char *c = img->tags.v[t]; *c; c++)
                MIX(*c);
    }
    MIX(s->store.n_containers);
    for (size_t i = 0; i < s->store.n_containers; i++) {
        const struct container *c = s->store.containers[i];
        MIX(c->status);
        MIX(c->exit_code);
        MIX(c->out.len);
        MIX(c->err.len);
    }
#undef MIX
    return h;
}

/* ==================================================================== */
/* Showing a line's result                                              */
/* ==================================================================== */

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
    if (r->has_stop)
        sb_addf(&o, ",\"stopped_after_s\":%.3f,\"container_exit_code\":%d",
                r->stopped_after_s, r->container_exit_code);
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

/* The "why:" list of a docker command. */
static void why_text(struct sb *w, const struct explain_list *l)
{
    sb_adds(w, "why:\n");
    for (size_t i = 0; i < l->n; i++) {
        const struct explain_item *it = &l->items[i];
        sb_addf(w, "  %zu. ", i + 1);
        if (it->line)
            sb_addf(w, "(line %d) ", it->line);
        sb_addf(w, "%s\n", it->text);
    }
}

static void present(struct repl *r, const char *line,
                    const struct line_result *res)
{
    bool talk = !r->o.quiet;
    if (r->o.json) {
        if (res->kind == LINE_DOCKER)
            render_json(r->out, line, res);
        else
            fwrite(res->err.buf, 1, res->err.len, r->err);
        fflush(r->out);
        fflush(r->err);
        return;
    }
    if (res->kind != LINE_DOCKER) {
        if (talk && r->notes_on && res->notes.len)
            commentary(r, res->notes.buf);
        fwrite(res->out.buf, 1, res->out.len, r->out);
        fflush(r->out);
        fwrite(res->err.buf, 1, res->err.len, r->err);
        fflush(r->err);
        return;
    }
    if (talk && res->notes.len)
        commentary(r, res->notes.buf);
    if (talk && r->explain_full && res->explain.n) {
        struct sb w = SB_INIT;
        why_text(&w, &res->explain);
        commentary(r, w.buf);
        sb_release(&w);
    }
    fflush(r->out);
    fwrite(res->out.buf, 1, res->out.len, r->out);
    fflush(r->out);
    fwrite(res->err.buf, 1, res->err.len, r->err);
    fflush(r->err);
    if (talk && res->has_container) {
        struct sb x = SB_INIT;
        sb_addf(&x, "exit code %d", res->exit_code);
        commentary(r, x.buf);
        sb_release(&x);
    }
}

/* Keep what :explain last shows. */
static void remember_result(struct repl *r, const char *line,
                            const struct line_result *res)
{
    free(r->last_line);
    r->last_line = xstrdup(line);
    explain_release(&r->last_explain);
    explain_init(&r->last_explain);
    for (size_t i = 0; i < res->explain.n; i++)
        explain_add(&r->last_explain, res->explain.items[i].id,
                    res->explain.items[i].line, "%s",
                    res->explain.items[i].text);
    sb_reset(&r->last_notes);
    sb_add(&r->last_notes, res->notes.buf, res->notes.len);
}

/*
 * docksim's teaching warnings (teach.h) that the instruction just
 * completed (physical lines first..last) brings about, one line each,
 * marked as docksim's own; nothing with :set warnings off.
 */
static void teaching_notes(struct repl *r, int first, int last,
                           struct sb *out)
{
    if (r->teaching_off)
        return;
    struct build_context ctx = { r->s.files, r->s.n_files, NULL };
    for (size_t i = 0; i < r->s.n_files; i++)
        if (strcmp(r->s.files[i].path, ".dockerignore") == 0)
            ctx.dockerignore = r->s.files[i].data;
    struct teach_opts o;
    memset(&o, 0, sizeof(o));
    o.ctx = &ctx;
    struct teach_list tl;
    teach_list_init(&tl);
    teach_check(r->s.dockerfile.buf, r->s.dockerfile.len, &o, &tl);
    for (size_t i = 0; i < tl.n; i++) {
        const struct teach_warning *w = &tl.items[i];
        if (w->line < first || w->line > last)
            continue;
        const struct teach_rule *rule = &teach_rules[w->rule];
        sb_addf(out, "warning (docksim's own, not a BuildKit check): %s: %s "
                     "(:help %s)\n",
                rule->id, w->text, rule->id);
    }
    teach_list_release(&tl);
}

/* A bare word that is one of the shell's own commands: exit, help... */
static bool bare_colon_word(struct repl *r, const char *line)
{
    const char *t = line;
    while (*t == ' ' || *t == '\t')
        t++;
    size_t n = 0;
    while (t[n] && t[n] != ' ' && t[n] != '\t')
        n++;
    const struct colon_cmd *c = colon_find_exact(t, n);
    if (!c)
        return false;
    repl_errorf(r, "docksim: '%.*s' is not a Dockerfile instruction or a "
                   "docker command; docksim's own commands start with ':' "
                   "(did you mean :%s?)\n",
                (int)n, t, c->name);
    return true;
}

int repl_session_line(struct repl *r, const char *line)
{
    struct line_result res;
    line_result_init(&res);
    bool was_open = r->open != OPEN_NONE;
    if (!was_open) {
        r->open_df_len = r->s.dockerfile.len;
        r->open_df_lines = r->s.dockerfile_lines;
        sb_reset(&r->open_lines);
    }
    uint64_t before = state_digest(&r->s);
    session_line(&r->s, line, &res);
    int code = res.exit_code;
    if (res.kind == LINE_DOCKERFILE) {
        sb_adds(&r->open_lines, line);
        sb_addch(&r->open_lines, '\n');
        if (res.open) {
            analyse_open(r);
        } else {
            r->open = OPEN_NONE;
            /* the instruction is complete: one step for :undo */
            char *text = xmemdup0(r->open_lines.buf,
                                  r->open_lines.len ? r->open_lines.len - 1
                                                    : 0);
            repl_log_step(r, STEP_LINES, text, NULL);
            free(text);
            sb_reset(&r->open_lines);
            if (!res.notes.len && !r->o.json)
                linenote_short(r->s.dockerfile.buf, r->s.dockerfile.len,
                               &res.notes);
            if (!r->o.json)
                teaching_notes(r, r->open_df_lines + 1,
                               r->s.dockerfile_lines, &res.notes);
        }
    } else if (res.kind == LINE_UNKNOWN && bare_colon_word(r, line)) {
        sb_reset(&res.err);
    }
    if (res.kind != LINE_DOCKERFILE && res.kind != LINE_EMPTY &&
        state_digest(&r->s) != before)
        repl_log_step(r, STEP_LINES, line, NULL);
    else if (res.kind == LINE_DOCKER && sm_is_docker_run(line))
        r->changes++; /* a failed run changed nothing but the last run */
    present(r, line, &res);
    if (res.kind == LINE_DOCKER && !r->o.quiet) {
        const char *hint = help_unsupported_hint(line);
        if (hint)
            commentary(r, hint);
    }
    if (res.kind == LINE_DOCKER || res.kind == LINE_EXPLAIN ||
        (res.kind == LINE_DOCKERFILE && !res.open))
        remember_result(r, line, &res);
    bool failed = res.kind == LINE_UNKNOWN ||
                  ((res.kind == LINE_DOCKER || res.kind == LINE_EXPLAIN) &&
                   code != 0);
    if (failed && !code)
        code = 1;
    line_result_release(&res);
    return failed ? code : 0;
}

/* ==================================================================== */
/* Questions and :file                                                  */
/* ==================================================================== */

void repl_ask(struct repl *r, const char *question, repl_confirm_fn *fn)
{
    if (!r->o.interactive) {
        struct sb n = SB_INIT;
        sb_adds(&n, question);
        while (n.len && n.buf[n.len - 1] == ' ')
            sb_setlen(&n, n.len - 1);
        sb_adds(&n, " yes (not asked: no terminal)");
        commentary(r, n.buf);
        sb_release(&n);
        if (fn(r, true))
            r->failed = true;
        clear_pending(r);
        return;
    }
    free(r->question);
    r->question = xstrdup(question);
    r->on_answer = fn;
    r->pending = PENDING_CONFIRM;
}

static int answer(struct repl *r, const char *line)
{
    const char *t = line;
    while (*t == ' ' || *t == '\t')
        t++;
    bool yes = (t[0] == 'y' || t[0] == 'Y') &&
               (t[1] == '\0' || strcmp(t + 1, "es") == 0 ||
                strcmp(t + 1, "ES") == 0);
    bool no = t[0] == '\0' || ((t[0] == 'n' || t[0] == 'N') &&
                               (t[1] == '\0' || t[1] == 'o' || t[1] == 'O'));
    if (!yes && !no) {
        fprintf(r->out, "Please answer y or n.\n");
        return 0;
    }
    repl_confirm_fn *fn = r->on_answer;
    r->pending = PENDING_NONE;
    int rc = fn(r, yes);
    if (r->pending == PENDING_NONE)
        clear_pending(r);
    return rc;
}

void repl_start_file(struct repl *r, const char *name, unsigned mode)
{
    clear_pending(r);
    r->pending = PENDING_FILE;
    r->pending_arg = xstrdup(name);
    r->pending_mode = mode;
    if (!r->o.quiet) {
        struct sb n = SB_INIT;
        sb_addf(&n, "type the content of %s; a line EOF ends it (Ctrl-C "
                    "drops it)",
                name);
        commentary(r, n.buf);
        sb_release(&n);
    }
}

static int file_line(struct repl *r, const char *line)
{
    if (strcmp(line, "EOF") != 0) {
        sb_adds(&r->file_body, line);
        sb_addch(&r->file_body, '\n');
        return 0;
    }
    struct step st = { .kind = STEP_FILE, .text = r->file_body.buf,
                       .name = r->pending_arg, .mode = r->pending_mode };
    bool existed = session_has_file(&r->s, r->pending_arg);
    repl_apply_step(r, &st);
    repl_log_step(r, STEP_FILE, r->file_body.buf, r->pending_arg);
    r->log.v[r->log.n - 1].mode = r->pending_mode;
    if (!r->o.quiet) {
        size_t lines = 0;
        for (size_t i = 0; i < r->file_body.len; i++)
            lines += r->file_body.buf[i] == '\n';
        struct sb n = SB_INIT;
        sb_addf(&n, "%s %s in the build context: %zu line%s, %zu bytes, "
                    "mode %04o (COPY %s ... reads it)",
                existed ? "replaced" : "created", r->pending_arg, lines,
                lines == 1 ? "" : "s", r->file_body.len, r->pending_mode,
                r->pending_arg);
        commentary(r, n.buf);
        sb_release(&n);
    }
    clear_pending(r);
    return 0;
}

void repl_interrupt(struct repl *r)
{
    if (r->pending == PENDING_CONFIRM) {
        fprintf(r->out, "\n");
        answer(r, "n");
        return;
    }
    if (r->pending == PENDING_FILE) {
        struct sb n = SB_INIT;
        sb_addf(&n, "dropped %s (nothing was created)", r->pending_arg);
        commentary(r, n.buf);
        sb_release(&n);
        clear_pending(r);
        return;
    }
    if (r->open != OPEN_NONE) {
        size_t lines = (size_t)(r->s.dockerfile_lines - r->open_df_lines);
        struct sb keep = SB_INIT;
        sb_add(&keep, r->s.dockerfile.buf, r->open_df_len);
        session_set_dockerfile(&r->s, keep.buf, keep.len);
        sb_release(&keep);
        sb_reset(&r->open_lines);
        r->open = OPEN_NONE;
        struct sb n = SB_INIT;
        sb_addf(&n, "cancelled the unfinished instruction (%zu line%s taken "
                    "out of the Dockerfile)",
                lines, lines == 1 ? "" : "s");
        commentary(r, n.buf);
        sb_release(&n);
    }
}

/* ==================================================================== */
/* Feeding lines                                                        */
/* ==================================================================== */

/* Remove bracketed-paste markers (ESC [200~ and ESC [201~). */
static char *strip_paste_codes(const char *text)
{
    struct sb o = SB_INIT;
    for (const char *p = text; *p;) {
        if (p[0] == '\033' && p[1] == '[' && p[2] == '2' && p[3] == '0' &&
            (p[4] == '0' || p[4] == '1') && p[5] == '~') {
            p += 6;
            continue;
        }
        sb_addch(&o, *p++);
    }
    return sb_detach(&o, NULL);
}

/* A pasted prompt at the start of a line: "docksim> ", the current
 * continuation prompt, "$ docker". Returns where the input starts. */
static const char *strip_prompt(struct repl *r, const char *line)
{
    if (strncmp(line, PROMPT_MAIN, strlen(PROMPT_MAIN)) == 0)
        return line + strlen(PROMPT_MAIN);
    if (r->open == OPEN_NONE && r->pending == PENDING_NONE) {
        if (strncmp(line, "$ docker ", 9) == 0)
            return line + 2;
        return line;
    }
    const char *pr = repl_prompt(r);
    size_t pl = strlen(pr);
    if (strncmp(line, pr, pl) == 0)
        return line + pl;
    while (*pr == ' ')
        pr++, pl--;
    if (pl > 2 && strncmp(line, pr, pl) == 0)
        return line + pl;
    return line;
}

/* Control characters other than tab: a line docksim will not take. */
static bool has_control(const char *s)
{
    for (; *s; s++)
        if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7f)
            return true;
    return false;
}

static void feed_one(struct repl *r, const char *raw)
{
    size_t rl = strlen(raw);
    char *owned = NULL;
    if (rl && raw[rl - 1] == '\r') {
        owned = xmemdup0(raw, rl - 1);
        raw = owned;
    }
    const char *line = strip_prompt(r, raw);
    r->lineno++;
    if (r->o.echo && !r->o.json) {
        fprintf(r->out, "%s%s\n", repl_prompt(r), line);
        fflush(r->out);
    }
    int failed = 0;
    if (strlen(line) > DOCKERFILE_MAX_LINE) {
        repl_errorf(r, "docksim: that line is %zu bytes long; docksim "
                       "takes lines of at most %d bytes (BuildKit stops "
                       "reading a Dockerfile at a longer line). Nothing "
                       "was changed.\n",
                    strlen(line), DOCKERFILE_MAX_LINE);
        failed = 1;
    } else if (has_control(line)) {
        struct sb shown = SB_INIT;
        render_one_line(&shown, line, strlen(line), 60);
        repl_errorf(r, "docksim: that line holds control characters "
                       "(\"%s\"), which is not text a Dockerfile or a "
                       "docker command can use. Nothing was changed.\n",
                    shown.buf);
        sb_release(&shown);
        failed = 1;
    } else if (r->pending == PENDING_CONFIRM) {
        failed = answer(r, line);
    } else if (r->pending == PENDING_FILE) {
        failed = file_line(r, line);
    } else {
        const char *t = line;
        while (*t == ' ' || *t == '\t')
            t++;
        if (*t)
            strlist_push(&r->inputs, line);
        if (r->open == OPEN_NONE && t[0] == ':')
            failed = colon_run(r, t);
        else if (!repl_lesson_allows(r, line))
            failed = 1;
        else
            failed = repl_session_line(r, line);
    }
    /* in a lesson, every input that changed the state is checked */
    if (r->changes != r->checked) {
        r->checked = r->changes;
        repl_lesson_after_change(r);
    }
    if (failed) {
        r->failed = true;
        if (r->o.bail) {
            r->quit = true;
            fflush(r->out);
            repl_errorf(r, "docksim: stopped at line %zu, the first that "
                           "failed (--bail)\n",
                        r->lineno);
        }
    }
    free(owned);
}

bool repl_feed(struct repl *r, const char *text)
{
    char *clean = strip_paste_codes(text);
    char *p = clean;
    while (!r->quit) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        /* the empty piece after a paste's final newline is not a line */
        if (nl || *p || p == clean)
            feed_one(r, p);
        if (!nl)
            break;
        p = nl + 1;
        if (!*p)
            break;
    }
    free(clean);
    return !r->quit;
}

void repl_run(struct repl *r, struct line_source *src)
{
    while (!r->quit) {
        char *line = NULL;
        enum line_status st = src->read(src, repl_prompt(r), &line);
        if (st == LINE_EOF) {
            free(line);
            if (r->pending == PENDING_FILE || r->open != OPEN_NONE)
                repl_interrupt(r);
            break;
        }
        if (st == LINE_INTERRUPT) {
            free(line);
            repl_interrupt(r);
            continue;
        }
        if (src->remember && r->pending != PENDING_CONFIRM)
            src->remember(src, line);
        repl_feed(r, line);
        free(line);
    }
}

/* ==================================================================== */
/* A line source over a FILE                                            */
/* ==================================================================== */

struct file_source {
    struct line_source base;
    FILE *in;
    FILE *prompt_to;
};

static enum line_status file_read(struct line_source *src, const char *prompt,
                                  char **line)
{
    struct file_source *f = (struct file_source *)src;
    if (f->prompt_to) {
        fputs(prompt, f->prompt_to);
        fflush(f->prompt_to);
    }
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = getline(&buf, &cap, f->in);
    if (n < 0) {
        free(buf);
        *line = NULL;
        return LINE_EOF;
    }
    if (n && buf[n - 1] == '\n')
        buf[--n] = '\0';
    *line = buf;
    return LINE_OK;
}

static void file_close(struct line_source *src)
{
    free(src);
}

struct line_source *line_source_file(FILE *in, FILE *prompt_to)
{
    struct file_source *f = xcalloc(1, sizeof(*f));
    f->base.read = file_read;
    f->base.close = file_close;
    f->in = in;
    f->prompt_to = prompt_to;
    return &f->base;
}
