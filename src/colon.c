/*
 * colon.c: the shell's own commands (see colon.h). Each prints only to
 * the repl's FILEs, through repl_printf/repl_note/repl_errorf.
 */
#include "colon.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "gostr.h"
#include "help.h"
#include "host.h"
#include "instr_table.h"
#include "linenote.h"
#include "parser.h"
#include "diag.h"
#include "render.h"
#include "repl.h"
#include "repl_lesson.h"
#include "run.h"
#include "sb.h"
#include "xmalloc.h"

static colon_fn cmd_help, cmd_dockerfile, cmd_state, cmd_explain, cmd_undo,
    cmd_redo, cmd_reset, cmd_new, cmd_load, cmd_save, cmd_file, cmd_images,
    cmd_history, cmd_set, cmd_quit, cmd_pause, cmd_demo;

const struct colon_cmd colon_cmds[] = {
    { "help", "h ?", "[TOPIC]", CARG_TOPIC,
      "help: instructions, docker commands and flags, ideas",
      "  :help                 the overview\n"
      "  :help COPY            an instruction (any case); :help COPY --from\n"
      "  :help docker run      a docker command; :help docker run -p a flag\n"
      "  :help pid1            a concept (the overview lists them)\n"
      "  :help :undo           one of these : commands\n",
      cmd_help },
    { "lessons", NULL, "", CARG_NONE,
      "the lessons, and what you have done in each",
      "Each lesson is marked todo, done, or updated (it changed since you\n"
      "did it: redo it?). :lesson ID starts one.\n",
      repl_lesson_cmd_lessons },
    { "lesson", NULL, "[ID]", CARG_LESSON,
      "start a lesson, or go on where you left it",
      "  :lesson dockerfile-basics  start the first lesson (Tab completes\n"
      "                             the ids; :lessons lists them)\n"
      "  :lesson                    go on with the lesson you left\n"
      "A lesson starts from a fresh session. Each step gives a task and a\n"
      "checklist that docksim checks after every line that changes\n"
      "something; lines the lesson does not use are refused (:sandbox\n"
      "leaves the lesson). Your progress is saved (:progress).\n",
      repl_lesson_cmd_lesson },
    { "intro", NULL, "", CARG_NONE, "the lesson's introduction again", NULL,
      repl_lesson_cmd_intro },
    { "goal", NULL, "", CARG_NONE, "the step's task and its checklist",
      NULL, repl_lesson_cmd_goal },
    { "check", NULL, "", CARG_NONE,
      "check the step now, with what each check found",
      "Checks run by themselves after every input that changes something;\n"
      ":check also shows the value each unmet check found, and the tip for\n"
      "a known mistake even if it was shown before.\n",
      repl_lesson_cmd_check },
    { "hint", NULL, "", CARG_NONE, "the step's next hint", NULL,
      repl_lesson_cmd_hint },
    { "solution", NULL, "", CARG_NONE,
      "the step's solution (asks first; progress notes it)", NULL,
      repl_lesson_cmd_solution },
    { "next", NULL, "", CARG_NONE, "on to the next step, once this one is "
                                   "solved",
      NULL, repl_lesson_cmd_next },
    { "prev", NULL, "", CARG_NONE,
      "back to the step before, as it was when it began", NULL,
      repl_lesson_cmd_prev },
    { "sandbox", NULL, "", CARG_NONE,
      "leave the lesson; the session stays as it is", NULL,
      repl_lesson_cmd_sandbox },
    { "progress", NULL, "[export|reset [ID]]", CARG_PROGRESS,
      "what you have done in the lessons",
      "  :progress               a summary, and where the file is\n"
      "  :progress export        the file's text, to copy to another machine\n"
      "  :progress reset         forget everything (asks first)\n"
      "  :progress reset ID      forget one lesson (asks first)\n"
      "docksim --progress FILE keeps it elsewhere (default:\n"
      "$XDG_STATE_HOME/docksim/progress or ~/.local/state/docksim/progress).\n",
      repl_lesson_cmd_progress },
    { "dockerfile", "d", "", CARG_NONE,
      "the session's Dockerfile, with line numbers", NULL, cmd_dockerfile },
    { "state", NULL, "", CARG_NONE,
      "Dockerfile, build context, images and containers",
      NULL, cmd_state },
    { "explain", NULL, "[last|N|LINE]", CARG_EXPLAIN,
      "why: the last result, line N, or a line tried aside",
      "  :explain              the last line's result again, with its reasons\n"
      "  :explain 3            what Dockerfile line 3 does\n"
      "  :explain CMD echo hi  what that line would do, tried on a copy of\n"
      "                        the session (nothing changes)\n"
      "  :explain docker run --rm app    the same for a docker command\n",
      cmd_explain },
    { "undo", NULL, "", CARG_NONE,
      "take back the last input that changed something",
      "Only inputs that change the state count: a Dockerfile instruction, a\n"
      "docker command that built, ran, stopped, removed or tagged\n"
      "something, :file, :load, :new and :reset. :help, docker ps and the\n"
      "like are skipped.\n",
      cmd_undo },
    { "redo", NULL, "", CARG_NONE, "bring back what :undo took back", NULL,
      cmd_redo },
    { "reset", NULL, "", CARG_NONE,
      "start again from nothing (asks first)", NULL,
      cmd_reset },
    { "new", NULL, "", CARG_NONE,
      "a new, empty Dockerfile (images and containers stay)", NULL,
      cmd_new },
    { "load", NULL, "FILE", CARG_PATH,
      "replace the Dockerfile with the one in FILE", NULL, cmd_load },
    { "save", NULL, "FILE", CARG_PATH,
      "write the Dockerfile to FILE (asks before overwriting)",
      NULL, cmd_save },
    { "file", NULL, "NAME [MODE]", CARG_CTXFILE,
      "a build-context file from the next lines, up to EOF",
      "  :file app.py            then the file's lines, then a line EOF\n"
      "  :file start.sh 755      the same, executable (the mode is octal;\n"
      "                          the default is 644)\n"
      "docker build . then finds it, so COPY app.py /app/ works. :state\n"
      "lists the files.\n",
      cmd_file },
    { "images", NULL, "", CARG_NONE,
      "your images and the base images docksim knows", NULL,
      cmd_images },
    { "history", NULL, "", CARG_NONE,
      "lines typed this session; where history is saved", NULL,
      cmd_history },
    { "set", NULL, "[NAME [VALUE]]", CARG_SETTING,
      "show or change settings (colour, explanations...)", NULL, cmd_set },
    { "quit", "q exit", "", CARG_NONE, "leave docksim (Ctrl-D does too)",
      NULL, cmd_quit },
    { "pause", NULL, "", CARG_NONE,
      "in a --demo script: wait for a key", NULL,
      cmd_pause },
    { "demo", NULL, "", CARG_NONE,
      "after taking over a --demo: back to the script", NULL, cmd_demo },
};
const size_t colon_n_cmds = ARRAY_LEN(colon_cmds);

/* ==================================================================== */
/* Settings                                                             */
/* ==================================================================== */

static int get_color(const struct repl *r) { return r->o.color ? 0 : 1; }
static void set_color(struct repl *r, int v) { r->o.color = v == 0; }
static int get_plain(const struct repl *r) { return r->o.ascii ? 0 : 1; }
static void set_plain(struct repl *r, int v)
{
    r->o.ascii = v == 0;
    if (r->o.ascii)
        r->o.color = false;
}
static int get_explain(const struct repl *r) { return r->explain_full ? 0 : 1; }
static void set_explain(struct repl *r, int v) { r->explain_full = v == 0; }
static int get_notes(const struct repl *r) { return r->notes_on ? 0 : 1; }
static void set_notes(struct repl *r, int v) { r->notes_on = v == 0; }
static int get_warnings(const struct repl *r)
{
    return r->teaching_off ? 1 : 0;
}
static void set_warnings(struct repl *r, int v)
{
    r->teaching_off = v == 1; /* kept across :undo and :reset */
    r->s.no_teaching_warnings = r->teaching_off;
}
static int get_version(const struct repl *r)
{
    (void)r;
    return 0;
}
static void set_version(struct repl *r, int v)
{
    (void)r;
    (void)v;
}

const struct setting colon_settings[] = {
    { "color", "on off", "colour in the output (the words stay the same)",
      get_color, set_color },
    { "plain", "on off", "ASCII only, words instead of symbols, no colour",
      get_plain, set_plain },
    { "explain", "full short",
      "full: a \"why:\" list after docker commands; short: without it",
      get_explain, set_explain },
    { "notes", "on off", "the line of feedback after each Dockerfile line",
      get_notes, set_notes },
    { "warnings", "on off", "docksim's own teaching warnings (BuildKit's "
                            "build checks always show)",
      get_warnings, set_warnings },
    { "version", "28", "the Docker whose words docksim uses: Engine 28 (CLI "
                       "28.2.2, BuildKit); no other is available yet",
      get_version, set_version },
};
const size_t colon_n_settings = ARRAY_LEN(colon_settings);

/* ==================================================================== */
/* Lookup and dispatch                                                  */
/* ==================================================================== */

static bool word_in(const char *list, const char *w, size_t wl)
{
    if (!list)
        return false;
    for (const char *p = list; *p;) {
        while (*p == ' ')
            p++;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        if ((size_t)(p - s) == wl && wl && memcmp(s, w, wl) == 0)
            return true;
    }
    return false;
}

const struct colon_cmd *colon_find_exact(const char *word, size_t len)
{
    for (size_t i = 0; i < colon_n_cmds; i++)
        if ((strlen(colon_cmds[i].name) == len &&
             memcmp(colon_cmds[i].name, word, len) == 0) ||
            word_in(colon_cmds[i].aliases, word, len))
            return &colon_cmds[i];
    return NULL;
}

const struct colon_cmd *colon_find(const char *word, size_t len,
                                   struct sb *why)
{
    const struct colon_cmd *c = colon_find_exact(word, len);
    if (c || !len)
        goto done;
    size_t n = 0;
    for (size_t i = 0; i < colon_n_cmds; i++)
        if (strncmp(colon_cmds[i].name, word, len) == 0) {
            c = &colon_cmds[i];
            n++;
        }
    if (n == 1)
        goto done;
    if (n > 1) {
        sb_addf(why, "':%.*s' is ambiguous: it could be", (int)len, word);
        size_t k = 0;
        for (size_t i = 0; i < colon_n_cmds; i++)
            if (strncmp(colon_cmds[i].name, word, len) == 0)
                sb_addf(why, "%s :%s", k++ ? (k == n ? " or" : ",") : "",
                        colon_cmds[i].name);
        return NULL;
    }
    sb_addf(why, "unknown command ':%.*s'", (int)len, word);
    {
        const char *best = NULL;
        size_t bestd = len <= 3 ? 2 : 3;
        for (size_t i = 0; i < colon_n_cmds; i++) {
            size_t d = go_levenshtein(word, len, colon_cmds[i].name,
                                      strlen(colon_cmds[i].name));
            if (d < bestd) {
                bestd = d;
                best = colon_cmds[i].name;
            }
        }
        if (best)
            sb_addf(why, " (did you mean :%s?)", best);
    }
    sb_adds(why, "; :help lists the commands");
    return NULL;
done:
    if (!c)
        sb_adds(why, "a : command needs a name (:help lists them)");
    return c;
}

int colon_run(struct repl *r, const char *line)
{
    const char *p = line + 1;
    while (*p == ' ')
        p++;
    const char *w = p;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    size_t wl = (size_t)(p - w);
    while (*p == ' ' || *p == '\t')
        p++;
    struct sb why = SB_INIT;
    const struct colon_cmd *c = colon_find(w, wl, &why);
    if (!c) {
        repl_errorf(r, "docksim: %s\n", why.buf);
        sb_release(&why);
        return 1;
    }
    sb_release(&why);
    char *args = xstrdup(p);
    size_t al = strlen(args);
    while (al && (args[al - 1] == ' ' || args[al - 1] == '\t'))
        args[--al] = '\0';
    int rc = c->fn(r, args);
    free(args);
    fflush(r->out);
    return rc;
}

/* ==================================================================== */
/* Helpers                                                              */
/* ==================================================================== */

static void print_sb(struct repl *r, const struct sb *s)
{
    fwrite(s->buf, 1, s->len, r->out);
}

static void note(struct repl *r, const char *fmt, ...) ATTR_PRINTF(2, 3);
static void note(struct repl *r, const char *fmt, ...)
{
    if (r->o.quiet)
        return;
    va_list ap;
    struct sb m = SB_INIT;
    va_start(ap, fmt);
    sb_vaddf(&m, fmt, ap);
    va_end(ap);
    repl_note(r, m.buf);
    sb_release(&m);
}

/* A file argument: quotes removed, ~/ expanded (caller frees). */
static char *path_arg(struct repl *r, const char *args)
{
    size_t n = strlen(args);
    if (n >= 2 && (args[0] == '\'' || args[0] == '"') && args[n - 1] == args[0])
        return xmemdup0(args + 1, n - 2);
    const char *home = NULL;
    if (args[0] == '~' && args[1] == '/' && r->o.host_env &&
        r->o.host_env(r->o.host_ctx, "HOME", &home) && home) {
        struct sb p = SB_INIT;
        sb_addf(&p, "%s%s", home, args + 1);
        return sb_detach(&p, NULL);
    }
    return xstrdup(args);
}

static const char *step_label(const struct step *st, struct sb *tmp)
{
    sb_reset(tmp);
    switch (st->kind) {
    case STEP_LINES: {
        const char *nl = strchr(st->text, '\n');
        size_t n = nl ? (size_t)(nl - st->text) : strlen(st->text);
        render_one_line(tmp, st->text, n, 60);
        if (nl)
            sb_adds(tmp, " ...");
        break;
    }
    case STEP_FILE:
        sb_addf(tmp, ":file %s", st->name);
        break;
    case STEP_LOAD:
        sb_addf(tmp, ":load %s", st->name);
        break;
    case STEP_NEW:
        sb_adds(tmp, ":new");
        break;
    case STEP_RESET:
        sb_adds(tmp, st->name ? st->name : ":reset");
        break;
    case STEP_LESSON:
        sb_addf(tmp, ":lesson %s", st->name);
        break;
    }
    return tmp->buf;
}

/* ==================================================================== */
/* The commands                                                         */
/* ==================================================================== */

static int cmd_help(struct repl *r, const char *args)
{
    struct sb out = SB_INIT;
    int rc = help_topic(&out, args);
    if (rc < 0)
        repl_errorf(r, "docksim: %s", out.buf);
    else
        print_sb(r, &out);
    sb_release(&out);
    return rc < 0 ? 1 : 0;
}

static int cmd_dockerfile(struct repl *r, const char *args)
{
    (void)args;
    const struct sb *d = &r->s.dockerfile;
    if (!d->len) {
        repl_printf(r, "The Dockerfile is empty: type an instruction such "
                       "as FROM alpine.\n");
        return 0;
    }
    int ln = 1;
    const char *p = d->buf;
    const char *end = d->buf + d->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        repl_printf(r, "%4d  %.*s\n", ln++, (int)n, p);
        p += n + 1;
    }
    if (r->open != OPEN_NONE)
        note(r, "the last instruction is not finished yet (Ctrl-C drops it)");
    return 0;
}

static const char *status_word(const struct container *c)
{
    switch (c->status) {
    case CS_CREATED:
        return "created";
    case CS_RUNNING:
        return "running";
    case CS_EXITED:
        return "exited";
    }
    return "";
}

static void short_id(struct sb *o, const char *id)
{
    if (strncmp(id, "sha256:", 7) == 0)
        id += 7;
    sb_addf(o, "%.12s", id);
}

static int cmd_state(struct repl *r, const char *args)
{
    (void)args;
    struct session *s = &r->s;
    struct sb o = SB_INIT;
    const char *t_on = repl_style_on(r, STYLE_TITLE);
    const char *t_off = repl_style_off(r);
    sb_addf(&o, "%sDockerfile%s: ", t_on, t_off);
    if (!s->dockerfile.len)
        sb_adds(&o, "empty\n");
    else
        sb_addf(&o, "%d line%s%s (:dockerfile shows it)\n",
                s->dockerfile_lines, s->dockerfile_lines == 1 ? "" : "s",
                r->open != OPEN_NONE ? ", the last instruction unfinished"
                                     : "");
    sb_addf(&o, "%sBuild context%s (docker build .): ", t_on, t_off);
    if (!s->context_dir && !s->n_files)
        sb_adds(&o, "empty (:file NAME adds a file)\n");
    else {
        if (s->context_dir)
            sb_addf(&o, "the directory %s%s", s->context_dir,
                    s->n_files ? ", plus " : "\n");
        if (s->n_files) {
            sb_adds(&o, "files");
            for (size_t i = 0; i < s->n_files; i++)
                sb_addf(&o, "%s %s (%zu bytes, %04o)", i ? "," : "",
                        s->files[i].path, s->files[i].len, s->files[i].mode);
            sb_addch(&o, '\n');
        }
    }
    size_t shown = 0;
    for (size_t i = 0; i < s->store.n_images; i++)
        shown += !s->store.images[i]->hidden;
    sb_addf(&o, "%sImages%s:%s\n", t_on, t_off,
            shown ? "" : " none yet (docker build makes one; docker run "
                         "IMAGE pulls a known one)");
    for (size_t i = 0; i < s->store.n_images; i++) {
        const struct image *img = s->store.images[i];
        if (img->hidden)
            continue;
        struct sb line = SB_INIT;
        sb_adds(&line, "  ");
        if (img->tags.n)
            for (size_t t = 0; t < img->tags.n; t++)
                sb_addf(&line, "%s%s", t ? ", " : "", img->tags.v[t]);
        else
            sb_adds(&line, "<none>");
        sb_adds(&line, "  ");
        short_id(&line, img->id);
        sb_adds(&line, img->pulled ? "  pulled" : "  built");
        if (img->cfg.entrypoint.set && img->cfg.entrypoint.n) {
            sb_adds(&line, "  ENTRYPOINT ");
            strlist_to_json_inline(&line, &img->cfg.entrypoint);
        }
        if (img->cfg.cmd.set) {
            sb_adds(&line, "  CMD ");
            strlist_to_json_inline(&line, &img->cfg.cmd);
        }
        sb_addf(&o, "%s\n", line.buf);
        sb_release(&line);
    }
    sb_addf(&o, "%sContainers%s:%s\n", t_on, t_off,
            s->store.n_containers ? "" : " none (docker run IMAGE makes one)");
    for (size_t i = 0; i < s->store.n_containers; i++) {
        const struct container *c = s->store.containers[i];
        const char *sym = repl_sym(r, c->status == CS_RUNNING ? "running"
                                      : c->status == CS_EXITED ? "stopped"
                                                               : "created");
        sb_addf(&o, "  %s%s  %s  %s", sym, c->name, c->image_ref,
                status_word(c));
        if (c->status == CS_EXITED)
            sb_addf(&o, " (%d)", c->exit_code);
        if (c->path) {
            struct strlist argv;
            strlist_init(&argv);
            strlist_push(&argv, c->path);
            for (size_t k = 0; k < c->args.n; k++)
                strlist_push(&argv, c->args.v[k]);
            sb_adds(&o, "  PID 1 ");
            strlist_to_json_inline(&o, &argv);
            strlist_release(&argv);
        }
        sb_addch(&o, '\n');
    }
    size_t undoable = r->log.n - r->n_base;
    sb_addf(&o, "%sUndo%s: %zu step%s (:undo), %zu to redo (:redo)\n", t_on,
            t_off, undoable, undoable == 1 ? "" : "s", r->redo.n);
    repl_lesson_state(r, &o);
    print_sb(r, &o);
    sb_release(&o);
    return 0;
}

static int cmd_explain(struct repl *r, const char *args)
{
    struct sb o = SB_INIT;
    if (!*args || strcmp(args, "last") == 0) {
        if (!r->last_line) {
            repl_printf(r, "Nothing to explain yet: type a Dockerfile line "
                           "or a docker command first.\n");
            return 0;
        }
        render_one_line(&o, r->last_line, strlen(r->last_line), 70);
        repl_printf(r, "last: %s\n", o.buf);
        sb_reset(&o);
        if (r->last_notes.len)
            sb_add(&o, r->last_notes.buf, r->last_notes.len);
        if (r->last_explain.n) {
            sb_adds(&o, "why:\n");
            for (size_t i = 0; i < r->last_explain.n; i++) {
                const struct explain_item *it = &r->last_explain.items[i];
                sb_addf(&o, "  %zu. ", i + 1);
                if (it->line)
                    sb_addf(&o, "(line %d) ", it->line);
                sb_addf(&o, "%s\n", it->text);
            }
        }
        if (!o.len)
            sb_adds(&o, "nothing more to say about it\n");
        repl_note(r, o.buf);
        sb_release(&o);
        return 0;
    }
    bool digits = true;
    for (const char *p = args; *p; p++)
        digits = digits && *p >= '0' && *p <= '9';
    if (digits) {
        long n = strtol(args, NULL, 10);
        if (n < 1 || n > r->s.dockerfile_lines ||
            linenote_describe(r->s.dockerfile.buf, r->s.dockerfile.len,
                              (int)n, &o) < 0) {
            repl_errorf(r, "docksim: the Dockerfile has no instruction at "
                           "line %s (it has %d line%s; :dockerfile lists "
                           "them)\n",
                        args, r->s.dockerfile_lines,
                        r->s.dockerfile_lines == 1 ? "" : "s");
            sb_release(&o);
            return 1;
        }
        for (size_t i = 0; i < r->last_explain.n; i++)
            if (r->last_explain.items[i].line == n)
                sb_addf(&o, "last build: %s\n", r->last_explain.items[i].text);
        repl_note(r, o.buf);
        sb_release(&o);
        return 0;
    }
    /* a line, tried on a copy of the session */
    struct session copy;
    repl_clone_session(r, &copy);
    struct line_result res;
    line_result_init(&res);
    session_line(&copy, args, &res);
    if (res.kind == LINE_DOCKERFILE) {
        if (res.open)
            sb_adds(&o, "that line leaves the instruction unfinished (it "
                        "continues on the next line)\n");
        else if (linenote_explain_line(args, &o) < 0)
            sb_adds(&o, "nothing to say about it\n");
    } else if (res.kind == LINE_DOCKER || res.kind == LINE_EXPLAIN) {
        sb_add(&o, res.notes.buf, res.notes.len);
        if (res.explain.n) {
            sb_adds(&o, "why:\n");
            for (size_t i = 0; i < res.explain.n; i++)
                sb_addf(&o, "  %zu. %s\n", i + 1, res.explain.items[i].text);
        }
        if (o.len)
            repl_note(r, o.buf);
        sb_reset(&o);
        fflush(r->out);
        fwrite(res.out.buf, 1, res.out.len, r->out);
        fflush(r->out);
        fwrite(res.err.buf, 1, res.err.len, r->err);
        fflush(r->err);
        sb_addf(&o, "exit code %d\n", res.exit_code);
    } else {
        sb_add(&o, res.err.buf, res.err.len);
    }
    sb_adds(&o, "(tried on a copy of the session: nothing changed)\n");
    repl_note(r, o.buf);
    line_result_release(&res);
    session_release(&copy);
    sb_release(&o);
    return 0;
}

static int cmd_undo(struct repl *r, const char *args)
{
    (void)args;
    if (r->log.n <= r->n_base) {
        const char *m = repl_lesson_undo_floor(r);
        repl_printf(r, "%s\n", m ? m : "Nothing to undo.");
        return 0;
    }
    struct step st = r->log.v[--r->log.n];
    if (r->redo.n == r->redo.cap) {
        r->redo.cap = r->redo.cap ? r->redo.cap * 2 : 16;
        r->redo.v = xreallocarray(r->redo.v, r->redo.cap, sizeof(st));
    }
    r->redo.v[r->redo.n++] = st;
    repl_replay(r);
    struct sb l = SB_INIT;
    repl_printf(r, "%sundone: %s\n", repl_sym(r, "undo"), step_label(&st, &l));
    sb_release(&l);
    return 0;
}

static int cmd_redo(struct repl *r, const char *args)
{
    (void)args;
    if (!r->redo.n) {
        repl_printf(r, "Nothing to redo.\n");
        return 0;
    }
    struct step st = r->redo.v[--r->redo.n];
    if (r->log.n == r->log.cap) {
        r->log.cap = r->log.cap ? r->log.cap * 2 : 16;
        r->log.v = xreallocarray(r->log.v, r->log.cap, sizeof(st));
    }
    r->log.v[r->log.n++] = st;
    repl_replay(r);
    struct sb l = SB_INIT;
    repl_printf(r, "%sredone: %s\n", repl_sym(r, "redo"), step_label(&st, &l));
    sb_release(&l);
    return 0;
}

static int reset_answer(struct repl *r, bool yes)
{
    if (!yes) {
        repl_printf(r, "Nothing was reset.\n");
        return 0;
    }
    repl_log_step(r, STEP_RESET, NULL, NULL);
    repl_replay(r);
    repl_printf(r, "Everything is back to the start: empty Dockerfile, no "
                   "files, images or containers (:undo brings it back).\n");
    return 0;
}

static int cmd_reset(struct repl *r, const char *args)
{
    (void)args;
    if (repl_lesson_reset(r))
        return 0;
    repl_ask(r, "Reset everything (Dockerfile, files, images, containers)? "
                "[y/N] ",
             reset_answer);
    return 0;
}

static int cmd_new(struct repl *r, const char *args)
{
    (void)args;
    if (!r->s.dockerfile.len) {
        repl_printf(r, "The Dockerfile is already empty.\n");
        return 0;
    }
    repl_log_step(r, STEP_NEW, NULL, NULL);
    repl_replay(r);
    repl_printf(r, "New, empty Dockerfile; images and containers stay "
                   "(:undo brings the old one back).\n");
    return 0;
}

static int cmd_load(struct repl *r, const char *args)
{
    if (!*args) {
        repl_errorf(r, "docksim: usage: :load FILE\n");
        return 1;
    }
    char *path = path_arg(r, args);
    struct stat st;
    int sr = stat(path, &st);
    int serr = errno;
    if (sr < 0 || S_ISDIR(st.st_mode)) {
        if (sr == 0)
            repl_errorf(r, "docksim: :load: %s is a directory (give the "
                           "Dockerfile itself, e.g. %s/Dockerfile); nothing "
                           "changed\n",
                        path, path);
        else
            repl_errorf(r, "docksim: :load: cannot read %s: %s; nothing "
                           "changed\n",
                        path, strerror(serr));
        free(path);
        return 1;
    }
    size_t len = 0;
    char *err = NULL;
    char *text = host_read_file(path, &len, &err);
    if (!text) {
        repl_errorf(r, "docksim: :load: cannot read it (%s); nothing "
                       "changed\n",
                    err);
        free(err);
        free(path);
        return 1;
    }
    if (memchr(text, '\0', len)) {
        repl_errorf(r, "docksim: :load: %s holds NUL bytes, so it is not a "
                       "text file (a Dockerfile is text); nothing changed\n",
                    path);
        free(text);
        free(path);
        return 1;
    }
    repl_log_step(r, STEP_LOAD, text, path);
    repl_replay(r);
    struct ast ast;
    struct diag_list dl = DIAG_LIST_INIT;
    ast_parse(&ast, r->s.dockerfile.buf, r->s.dockerfile.len, &dl);
    size_t instrs = ast.n_nodes;
    const struct diag *perr = diag_first_error(&dl);
    struct sb pmsg = SB_INIT;
    if (perr)
        render_one_line(&pmsg, perr->msg, perr->msg_len, 200);
    ast_release(&ast);
    diag_list_release(&dl);
    repl_printf(r, "Loaded %s: %d line%s, %zu instruction%s (:dockerfile "
                   "lists them; :undo takes them back).\n",
                path, r->s.dockerfile_lines,
                r->s.dockerfile_lines == 1 ? "" : "s", instrs,
                instrs == 1 ? "" : "s");
    if (pmsg.len && r->open == OPEN_NONE)
        note(r, "warning: BuildKit cannot parse it: %s", pmsg.buf);
    sb_release(&pmsg);
    if (r->open != OPEN_NONE)
        note(r, "the file ends inside an unfinished instruction: the next "
                "lines you type continue it");
    free(text);
    free(path);
    return 0;
}

static int write_file(struct repl *r, const char *path, const char *text)
{
    struct sb tmp = SB_INIT;
    sb_addf(&tmp, "%s.docksim-tmp", path);
    FILE *f = fopen(tmp.buf, "wb");
    int e = 0;
    if (!f) {
        e = errno;
    } else {
        size_t n = strlen(text);
        if (fwrite(text, 1, n, f) != n)
            e = errno ? errno : EIO;
        if (fclose(f) != 0 && !e)
            e = errno;
        if (!e && rename(tmp.buf, path) != 0)
            e = errno;
        if (e)
            unlink(tmp.buf);
    }
    sb_release(&tmp);
    if (e) {
        repl_errorf(r, "docksim: :save: cannot write %s: %s; the Dockerfile "
                       "is still here (try another FILE)\n",
                    path, strerror(e));
        return 1;
    }
    int lines = r->s.dockerfile_lines;
    repl_printf(r, "Saved the Dockerfile (%d line%s) to %s.\n", lines,
                lines == 1 ? "" : "s", path);
    return 0;
}

static int save_answer(struct repl *r, bool yes)
{
    if (!yes) {
        repl_printf(r, "Not saved.\n");
        return 0;
    }
    return write_file(r, r->pending_arg, r->pending_text);
}

static int cmd_save(struct repl *r, const char *args)
{
    if (!*args) {
        repl_errorf(r, "docksim: usage: :save FILE\n");
        return 1;
    }
    if (!r->s.dockerfile.len) {
        repl_errorf(r, "docksim: :save: the Dockerfile is empty; nothing to "
                       "save\n");
        return 1;
    }
    char *path = path_arg(r, args);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        repl_errorf(r, "docksim: :save: %s is a directory (give a file name, "
                       "e.g. %s/Dockerfile)\n",
                    path, path);
        free(path);
        return 1;
    }
    if (stat(path, &st) == 0) {
        free(r->pending_arg);
        free(r->pending_text);
        r->pending_arg = path;
        r->pending_text = xstrdup(r->s.dockerfile.buf);
        struct sb q = SB_INIT;
        sb_addf(&q, "%s already exists. Overwrite it? [y/N] ", path);
        repl_ask(r, q.buf, save_answer);
        sb_release(&q);
        return 0;
    }
    int rc = write_file(r, path, r->s.dockerfile.buf);
    free(path);
    return rc;
}

static int cmd_file(struct repl *r, const char *args)
{
    const char *p = args;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    char *name = xmemdup0(args, (size_t)(p - args));
    while (*p == ' ' || *p == '\t')
        p++;
    unsigned mode = 0644;
    int rc = 0;
    if (*p) {
        char *end = NULL;
        long m = strtol(p, &end, 8);
        if (*end || m < 0 || m > 07777) {
            repl_errorf(r, "docksim: :file: the mode '%s' is not an octal "
                           "permission such as 644 or 755\n",
                        p);
            rc = 1;
        }
        mode = (unsigned)m;
    }
    const char *bad = NULL;
    if (!*name)
        bad = "usage: :file NAME [MODE], then the file's lines, then EOF";
    else if (name[0] == '/')
        bad = "the name is a path inside the build context: no leading /";
    else if (strcmp(name, "..") == 0 || strncmp(name, "../", 3) == 0 ||
             strstr(name, "/../") ||
             (strlen(name) >= 3 && strcmp(name + strlen(name) - 3, "/..") == 0))
        bad = "the name must stay inside the build context (no ..)";
    else if (name[strlen(name) - 1] == '/')
        bad = "the name is a file, not a directory";
    if (bad) {
        repl_errorf(r, "docksim: :file: %s\n", bad);
        rc = 1;
    }
    if (rc == 0)
        repl_start_file(r, name, mode);
    free(name);
    return rc;
}

static int cmd_images(struct repl *r, const char *args)
{
    (void)args;
    struct sb o = SB_INIT;
    const char *t_on = repl_style_on(r, STYLE_TITLE);
    const char *t_off = repl_style_off(r);
    size_t mine = 0;
    for (size_t i = 0; i < r->s.store.n_images; i++)
        mine += !r->s.store.images[i]->hidden;
    sb_addf(&o, "%sImages in this session%s:%s\n", t_on, t_off,
            mine ? "" : " none yet");
    for (size_t i = 0; i < r->s.store.n_images; i++) {
        const struct image *img = r->s.store.images[i];
        if (img->hidden)
            continue;
        sb_adds(&o, "  ");
        for (size_t t = 0; t < img->tags.n; t++)
            sb_addf(&o, "%s%s", t ? ", " : "", img->tags.v[t]);
        if (!img->tags.n)
            sb_adds(&o, "<none>");
        sb_adds(&o, "  ");
        short_id(&o, img->id);
        sb_adds(&o, img->pulled ? "  pulled\n" : "  built\n");
    }
    sb_addf(&o, "%sBase images docksim knows%s (FROM or docker run them as "
                "if already pulled):\n",
            t_on, t_off);
    for (size_t i = 0; i < catalog_len; i++) {
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(catalog[k].repo, catalog[i].repo) == 0;
        if (seen)
            continue;
        struct sb line = SB_INIT;
        sb_addf(&line, "  %-14s", catalog[i].repo);
        size_t col = line.len;
        bool first = true;
        for (size_t k = i; k < catalog_len; k++) {
            if (strcmp(catalog[k].repo, catalog[i].repo) != 0)
                continue;
            for (const char *const *t = catalog[k].tags; *t; t++) {
                size_t tl = strlen(*t) + 2;
                if (col + tl > 78) {
                    sb_adds(&line, ",\n                ");
                    col = 16;
                    first = true;
                }
                sb_addf(&line, "%s%s", first ? " " : ", ", *t);
                col += tl;
                first = false;
            }
        }
        sb_addf(&o, "%s\n", line.buf);
        sb_release(&line);
    }
    print_sb(r, &o);
    sb_release(&o);
    return 0;
}

static int cmd_history(struct repl *r, const char *args)
{
    (void)args;
    if (!r->inputs.n)
        repl_printf(r, "Nothing typed yet.\n");
    for (size_t i = 0; i < r->inputs.n; i++) {
        struct sb l = SB_INIT;
        render_one_line(&l, r->inputs.v[i], strlen(r->inputs.v[i]), 72);
        repl_printf(r, "%4zu  %s\n", i + 1, l.buf);
        sb_release(&l);
    }
    if (r->o.hist_path)
        note(r, "Up and Down recall earlier lines; they are saved in %s "
                "(DOCKSIM_HISTFILE changes where)",
             r->o.hist_path);
    else if (r->o.interactive)
        note(r, "history is not saved (set DOCKSIM_HISTFILE to keep it)");
    return 0;
}

static const struct setting *find_setting(const char *name, size_t len)
{
    for (size_t i = 0; i < colon_n_settings; i++)
        if (strlen(colon_settings[i].name) == len &&
            memcmp(colon_settings[i].name, name, len) == 0)
            return &colon_settings[i];
    return NULL;
}

/* The index of value among the setting's values, or -1. */
static int value_index(const struct setting *st, const char *v)
{
    int i = 0;
    for (const char *p = st->values; *p; i++) {
        while (*p == ' ')
            p++;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        if ((size_t)(p - s) == strlen(v) && memcmp(s, v, strlen(v)) == 0)
            return i;
    }
    return -1;
}

static void value_name(const struct setting *st, int idx, struct sb *out)
{
    const char *p = st->values;
    for (int i = 0; *p; i++) {
        while (*p == ' ')
            p++;
        const char *s = p;
        while (*p && *p != ' ')
            p++;
        if (i == idx) {
            sb_add(out, s, (size_t)(p - s));
            return;
        }
    }
}

static int cmd_set(struct repl *r, const char *args)
{
    const char *p = args;
    while (*p && *p != ' ')
        p++;
    size_t nl = (size_t)(p - args);
    while (*p == ' ')
        p++;
    if (!nl) {
        for (size_t i = 0; i < colon_n_settings; i++) {
            const struct setting *st = &colon_settings[i];
            struct sb v = SB_INIT;
            value_name(st, st->get(r), &v);
            repl_printf(r, "  %-9s %-6s %s (%s)\n", st->name, v.buf,
                        st->summary, st->values);
            sb_release(&v);
        }
        note(r, ":set NAME VALUE changes one, e.g. :set explain short");
        return 0;
    }
    const struct setting *st = find_setting(args, nl);
    if (!st) {
        repl_errorf(r, "docksim: no setting '%.*s' (:set lists them)\n",
                    (int)nl, args);
        return 1;
    }
    struct sb cur = SB_INIT;
    if (!*p) {
        value_name(st, st->get(r), &cur);
        repl_printf(r, "%s is %s: %s\n", st->name, cur.buf, st->summary);
        sb_release(&cur);
        return 0;
    }
    int v = value_index(st, p);
    if (v < 0) {
        repl_errorf(r, "docksim: %s takes one of: %s (%s)\n", st->name,
                    st->values, st->summary);
        sb_release(&cur);
        return 1;
    }
    st->set(r, v);
    value_name(st, st->get(r), &cur);
    repl_printf(r, "%s is now %s.\n", st->name, cur.buf);
    sb_release(&cur);
    return 0;
}

static int cmd_quit(struct repl *r, const char *args)
{
    (void)args;
    r->quit = true;
    return 0;
}

static int cmd_pause(struct repl *r, const char *args)
{
    (void)args;
    if (!r->in_demo)
        repl_printf(r, ":pause only means something in a script played with "
                       "docksim --demo FILE.\n");
    return 0;
}

static int cmd_demo(struct repl *r, const char *args)
{
    (void)args;
    if (!r->in_demo) {
        repl_printf(r, "No demo is playing (docksim --demo FILE plays one).\n");
        return 0;
    }
    r->demo_resume = true;
    return 0;
}
