/*
 * help.c: :help, from the tables (see help.h). The concept texts below
 * are the only help written here; everything else is generated from the
 * rows that define the instruction, command, flag or rule.
 */
#include "help.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "colon.h"
#include "dockerargs.h"
#include "gostr.h"
#include "instr_table.h"
#include "linenote.h"
#include "lint.h"
#include "sb.h"
#include "teach.h"
#include "xmalloc.h"

/* @LAYERS@ in a text becomes the instructions that add a layer. */
const struct help_concept help_concepts[] = {
    { "exec-form", "exec shell-form shell json exec-vs-shell forms",
      "Exec form and shell form (RUN, CMD, ENTRYPOINT)",
      "  CMD [\"python\", \"app.py\"]     exec form: a JSON array of strings\n"
      "  CMD python app.py            shell form: plain text\n"
      "\n"
      "Exec form runs the program directly: argv is exactly the list. There\n"
      "is no shell, so no $VARIABLE expansion, no pipes, no && (write\n"
      "[\"sh\", \"-c\", \"...\"] when you want a shell). The JSON must use\n"
      "double quotes: ['python', 'app.py'] is not valid JSON, so Docker\n"
      "quietly treats the whole line as shell form.\n"
      "\n"
      "Shell form is wrapped in the SHELL, by default [\"/bin/sh\", \"-c\",\n"
      "\"...\"]: the shell is the process that runs, and it runs your text.\n"
      "For CMD and ENTRYPOINT that makes the shell PID 1, not your program\n"
      "(:help pid1), and a shell-form ENTRYPOINT never sees CMD or the\n"
      "arguments of docker run. BuildKit warns about shell-form CMD and\n"
      "ENTRYPOINT (JSONArgsRecommended).\n"
      "\n"
      "Try: :explain CMD python app.py    and    explain table\n",
      "RUN CMD ENTRYPOINT SHELL" },
    { "pid1", "pid pid-1 init signals stop",
      "PID 1: the container's main process",
      "docker run starts one process, PID 1 inside the container: the\n"
      "ENTRYPOINT followed by the CMD (or by the arguments of docker run).\n"
      "The container lives as long as PID 1 does, and PID 1's exit code is\n"
      "the container's exit code.\n"
      "\n"
      "The kernel treats PID 1 specially: a signal it has no handler for\n"
      "does not kill it. docker stop sends SIGTERM (or the image's\n"
      "STOPSIGNAL), waits 10 seconds, then sends SIGKILL (exit code 137).\n"
      "A program that handles SIGTERM stops at once; one that does not is\n"
      "killed only after the wait.\n"
      "\n"
      "With a shell-form CMD or ENTRYPOINT, PID 1 is /bin/sh running your\n"
      "text and the signal goes to the shell, not to your program. Use exec\n"
      "form, or `exec` in an entrypoint script (exec \"$@\"), so that your\n"
      "program is PID 1. docker run --init puts a small init process in\n"
      "front that forwards signals and reaps zombie processes.\n",
      "CMD ENTRYPOINT STOPSIGNAL" },
    { "layers", "layer cache caching history size",
      "Layers: what an image is made of",
      "An image is a stack of read-only filesystem layers plus a\n"
      "configuration (Env, Cmd, Entrypoint, WorkingDir, User, ...).\n"
      "\n"
      "Instructions that add a filesystem layer: @LAYERS@.\n"
      "The others only change the configuration; docker history shows them\n"
      "with size 0B.\n"
      "\n"
      "Docker reuses a cached layer when the instruction and what it uses\n"
      "(the files copied, the layer below) are unchanged; once one layer\n"
      "changes, every layer after it is built again. Put steps that rarely\n"
      "change (installing packages) before steps that often change\n"
      "(COPY . .).\n"
      "\n"
      "A layer can only add: deleting a file in a later RUN hides it, but\n"
      "its bytes stay in the earlier layer. Clean up in the same RUN that\n"
      "made the mess (apt-get install ... && rm -rf /var/lib/apt/lists/*).\n"
      "A container adds one writable layer on top; docker rm deletes it.\n"
      "\n"
      "Try: docker history IMAGE    and    :state\n",
      "RUN COPY ADD WORKDIR" },
    { "entrypoint-cmd", "cmd-entrypoint entrypoint-vs-cmd argv arguments",
      "How ENTRYPOINT, CMD and docker run arguments combine",
      "PID 1's argv is ENTRYPOINT + CMD (both in exec form).\n"
      "\n"
      "  docker run IMAGE ARG...       ARG... replace CMD; ENTRYPOINT stays\n"
      "  docker run --entrypoint P     replaces ENTRYPOINT and drops the\n"
      "                                image's CMD\n"
      "\n"
      "Setting ENTRYPOINT in a Dockerfile also drops a CMD inherited from\n"
      "the base image. So: ENTRYPOINT is the program, CMD its default\n"
      "arguments. `explain table` prints every combination, and\n"
      "`explain table IMAGE` marks the one your image uses.\n",
      "CMD ENTRYPOINT" },
    { "context", "build-context dockerignore files",
      "The build context",
      "docker build PATH sends the files under PATH to the builder: COPY\n"
      "and ADD can only read files from there (or from another stage with\n"
      "--from). A .dockerignore file leaves files out.\n"
      "\n"
      "In docksim, `docker build .` uses the directory given with\n"
      "`docksim --context DIR` (read only), plus the files you create with\n"
      ":file NAME (type the content, end it with a line EOF). With neither,\n"
      "the context is empty. `docker build DIR` reads DIR.\n",
      "COPY ADD" },
    { "stages", "stage multi-stage multistage target",
      "Multi-stage builds",
      "Each FROM starts a stage; FROM IMAGE AS NAME names it. COPY\n"
      "--from=NAME copies files out of an earlier stage, and only the last\n"
      "stage (or the one given with docker build --target NAME) becomes the\n"
      "image. Compilers and build tools stay in an early stage; the final\n"
      "image holds only what you copy into it.\n",
      "FROM" },
    { "keys", "keyboard completion tab editing",
      "Keys at the docksim> prompt",
      "  Tab        complete: instructions, flags, image, stage and container\n"
      "             names, : commands and their arguments, file names\n"
      "  Up, Down   earlier inputs (kept between sessions: :history)\n"
      "  Ctrl-R     search earlier inputs\n"
      "  Ctrl-C     throw away the line being typed (and an unfinished\n"
      "             instruction)\n"
      "  Ctrl-D     on an empty line: leave docksim\n"
      "Pasting a whole Dockerfile adds all its lines; pasted \"docksim> \"\n"
      "prompts are ignored. Line editing follows ~/.inputrc (application\n"
      "name: docksim).\n",
      NULL },
    { "prompts", "prompt continuation heredoc",
      "What the prompt says",
      "  docksim>   ready for a Dockerfile line, a docker command or a :\n"
      "             command\n"
      "        \\>   the line before ended with \\: the instruction goes on\n"
      "     [...>   ... and an exec-form JSON array [ is still open\n"
      "  <<EOF>     inside a heredoc: lines are its content until a line EOF\n"
      "  [NAME]>    after :file NAME: lines are the file until a line EOF\n"
      "Ctrl-C abandons the unfinished instruction.\n",
      NULL },
    { "lessons", "lesson learn tutorial start",
      "Lessons",
      "Lessons teach Docker one step at a time. Each step gives a task and a\n"
      "checklist; docksim ticks it off ([x] done, [ ] not yet) after every\n"
      "line that changes something, and says so when it recognises a\n"
      "mistake. Start with the first one:\n"
      "\n"
      "  :lesson dockerfile-basics\n"
      "\n"
      "  :lessons        the lessons, and what you have done in each\n"
      "  :lesson [ID]    start one, or go on where you left it\n"
      "  :goal, :intro   the step's task and checklist; the lesson's introduction\n"
      "  :check          check now, with what each check found\n"
      "  :hint           the next hint; :solution shows the answer (asks)\n"
      "  :next, :prev    the next step (once solved), the step before\n"
      "  :undo, :reset   take back the last input; start the step again\n"
      "  :sandbox        leave the lesson and keep the session\n"
      "  :progress       what you have done (export, reset)\n"
      "\n"
      "In a lesson, only the lines it teaches work. Progress is saved in\n"
      "$XDG_STATE_HOME/docksim/progress (docksim --progress FILE elsewhere).\n",
      NULL },
    { "output", "color colour plain accessibility no_color",
      "Colour and plain output",
      "Colour is used only on a terminal and never as the only sign of\n"
      "anything: warnings say \"warning\", errors say \"error\".\n"
      "  --color=auto|always|never  auto: a terminal, NO_COLOR unset, TERM\n"
      "                             set and not dumb\n"
      "  --plain                    ASCII only, words instead of symbols, no\n"
      "                             colour (screen readers, projectors)\n"
      "  :set color on|off, :set plain on|off\n"
      "The text is the same in a pipe as on a terminal.\n",
      NULL },
    { "scripts", "script batch bail echo json",
      "Scripts",
      "docksim SCRIPT (or lines on standard input) handles each line as if\n"
      "typed, without prompt, banner or line editor.\n"
      "  --echo     print each line after its prompt, like a transcript\n"
      "  --bail     stop at the first line that fails (exit status 1)\n"
      "  --quiet    only what Docker's terminal shows (no | commentary)\n"
      "  --json     one JSON object per docker command\n"
      "  -c LINE    handle LINE first (repeatable)\n"
      "Lines starting with \"| \" are docksim's commentary. A question (such\n"
      "as :reset's) is answered yes. Exit status: 0 if every line worked,\n"
      "1 if one failed, 2 for a bad command line.\n",
      NULL },
    { "demo", "presenter classroom pause",
      "Classroom demo mode: docksim --demo FILE",
      "Plays a prepared script for a projector: each line appears as if\n"
      "typed, and waits.\n"
      "  Enter      run the line shown\n"
      "  s, Right   skip it\n"
      "  b, Left    go back one line (undoing it if it changed anything)\n"
      "  t          take over: type freely; :demo goes back to the script\n"
      "  q          quit\n"
      "In the script, lines starting with # are narration, and a line\n"
      ":pause waits for a key.\n",
      NULL },
    { "warnings", "checks lint build-checks",
      "Warnings and build checks",
      "docker build prints BuildKit's build checks as\n"
      "`WARN: Rule: message (line N)`; docker build --check lists them\n"
      "without building. The shell shows a line's parser warnings right\n"
      "after it, and docksim's own teaching warnings (marked as such) after\n"
      "the line that completes the mistake. :help RULE explains one (all\n"
      "are listed by :help checks-list); :set warnings off hides docksim's.\n",
      NULL },
    { "unsupported", "compose pull push login ls cd vim network volume",
      "What docksim does not do",
      "docksim simulates one Docker Engine: docker build and the container\n"
      "commands (run, create, start, stop, kill, restart, rm, ps, logs,\n"
      "exec, top, wait, inspect, images, history, tag, rmi). It has no\n"
      "registry (no pull or push: :images lists the base images it knows),\n"
      "no Compose, no networks or volumes of their own, and no shell on\n"
      "this machine (ls, cd, vim): it never runs anything here.\n",
      NULL },
};
const size_t help_n_concepts = ARRAY_LEN(help_concepts);

/* ----- small helpers -------------------------------------------------- */

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* ASCII case-insensitive equality of a[0..alen) and b[0..blen). */
static bool fold_eq(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++)
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return false;
    return true;
}

/* Is w one of the blank-separated words of list (any case)? */
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
        if (p > s && fold_eq(s, (size_t)(p - s), w, wl))
            return true;
    }
    return false;
}

/* A paragraph wrapped at 76 columns. */
static void wrap_para(struct sb *out, const char *text)
{
    size_t col = 0;
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t wl = (size_t)(p - w);
        if (!wl)
            break;
        if (col && col + 1 + wl > 76) {
            sb_addch(out, '\n');
            col = 0;
        } else if (col) {
            sb_addch(out, ' ');
            col++;
        }
        sb_add(out, w, wl);
        col += wl;
    }
    sb_addch(out, '\n');
}

static void title(struct sb *out, const char *text)
{
    sb_addf(out, "%s\n", text);
}

static void concept_text(struct sb *out, const struct help_concept *c)
{
    title(out, c->title);
    sb_addch(out, '\n');
    const char *at = strstr(c->text, "@LAYERS@");
    if (!at) {
        sb_adds(out, c->text);
        return;
    }
    sb_add(out, c->text, (size_t)(at - c->text));
    bool first = true;
    for (size_t i = 0; i < INSTR_COUNT; i++)
        if (instr_table[i].makes_layer) {
            sb_addf(out, "%s%s", first ? "" : ", ", instr_table[i].name);
            first = false;
        }
    sb_adds(out, at + strlen("@LAYERS@"));
}

/* ----- the overview --------------------------------------------------- */

void help_overview(struct sb *out)
{
    sb_adds(out,
            "Type a Dockerfile line (FROM alpine, RUN ..., CMD [...]) to add "
            "it to the\nsession's Dockerfile, or a docker command (docker "
            "build -t app ., docker run\napp, docker ps -a) to see what "
            "Docker does. `explain table` shows how\nENTRYPOINT and CMD "
            "combine.\n\n"
            "docksim's own commands (a unique prefix is enough: :d is "
            ":dockerfile):\n");
    for (size_t i = 0; i < colon_n_cmds; i++) {
        const struct colon_cmd *c = &colon_cmds[i];
        struct sb u = SB_INIT;
        sb_addf(&u, ":%s%s%s", c->name, *c->usage ? " " : "", c->usage);
        if (u.len > 22) /* too long for the column: the summary below */
            sb_addf(out, "  %s\n  %-22s %s\n", u.buf, "", c->summary);
        else
            sb_addf(out, "  %-22s %s\n", u.buf, c->summary);
        sb_release(&u);
    }
    sb_adds(out, "\nHelp topics: :help INSTRUCTION (:help COPY), :help docker "
                 "COMMAND [FLAG]\n(:help docker run -p), :help RULE (a build "
                 "check), and:\n ");
    size_t col = 1;
    for (size_t i = 0; i < help_n_concepts; i++) {
        size_t l = strlen(help_concepts[i].name) + 1;
        if (col + l > 76) {
            sb_adds(out, "\n ");
            col = 1;
        }
        sb_addf(out, " %s", help_concepts[i].name);
        col += l;
    }
    sb_adds(out, "\n\nKeys: Tab completes, Up/Down recall, Ctrl-C cancels the "
                 "line, Ctrl-D on an empty\nline leaves (:help keys).\n");
}

/* ----- one topic ------------------------------------------------------ */

static void colon_help(struct sb *out, const struct colon_cmd *c)
{
    sb_addf(out, ":%s%s%s\n", c->name, *c->usage ? " " : "", c->usage);
    sb_addf(out, "  %s\n", c->summary);
    if (c->aliases)
        sb_addf(out, "  also: %s\n", c->aliases);
    if (c->help)
        sb_addf(out, "\n%s", c->help);
}

static void instr_help(struct sb *out, enum instr_kind k)
{
    const struct instr_def *d = &instr_table[k];
    sb_addf(out, "%s (%s, %s)\n", d->name, linenote_when(d->when),
            d->makes_layer ? "adds a layer" : "adds no layer");
    sb_addf(out, "  usage: %s\n", d->usage);
    sb_addf(out, "  %c%s.\n", d->summary[0] >= 'a' && d->summary[0] <= 'z'
                                 ? d->summary[0] - 32
                                 : d->summary[0],
            d->summary + 1);
    if (d->flags[0].name) {
        sb_adds(out, "  flags:");
        for (const struct flag_def *f = d->flags; f->name; f++) {
            sb_addf(out, " --%s", f->name);
            if (f->type != FLAG_BOOL)
                sb_adds(out, "=VALUE");
            if (f->type == FLAG_LIST)
                sb_adds(out, " (repeatable)");
            if (f->def && *f->def && f->type != FLAG_BOOL)
                sb_addf(out, " (default %s)", f->def);
            if (f[1].name)
                sb_addch(out, ',');
        }
        sb_addch(out, '\n');
    }
    if (d->heredoc)
        sb_adds(out, "  takes heredocs: <<EOF ... EOF\n");
    bool first = true;
    for (size_t i = 0; i < help_n_concepts; i++)
        if (word_in(help_concepts[i].instrs, d->name, strlen(d->name))) {
            sb_addf(out, "%s:help %s", first ? "  see also: " : ", ",
                    help_concepts[i].name);
            first = false;
        }
    if (!first)
        sb_addch(out, '\n');
}

static void lint_help(struct sb *out, const struct lint_def *l)
{
    sb_addf(out, "%s (a BuildKit build check)\n", l->name);
    sb_addf(out, "  %s\n", l->description);
    if (l->experimental)
        sb_adds(out, "  Experimental: it runs only when enabled with "
                     "# check=experimental=...\n");
    sb_addf(out, "  %s\n", l->url);
}

static void dflag_line(struct sb *out, const struct dflag_def *f)
{
    struct sb n = SB_INIT;
    if (f->shorthand)
        sb_addf(&n, "-%c, ", f->shorthand);
    sb_addf(&n, "--%s", f->name);
    if (f->varname)
        sb_addf(&n, " %s", f->varname);
    sb_addf(out, "  %-28s %s", n.buf, f->usage ? f->usage : "");
    if (f->def)
        sb_addf(out, " (default %s)", f->def);
    sb_addch(out, '\n');
    sb_release(&n);
}

static void dflag_help(struct sb *out, const struct dcmd_def *cmd,
                       const struct dflag_def *f)
{
    sb_addf(out, "docker %s\n", cmd->path);
    dflag_line(out, f);
    if (f->attrs & DFA_HIDDEN)
        sb_adds(out, "  Hidden or deprecated: docker --help does not list "
                     "it.\n");
    if (f->deprecated)
        sb_addf(out, "  Deprecated: %s.\n", f->deprecated);
    sb_addf(out, "  docksim: %s\n",
            f->simulated ? "simulated (its effect shows in the results)"
                         : "accepted, but its effect is not simulated");
}

/* "docker run -p" / "run --publish": the flag word after the command. */
static const struct dflag_def *find_dflag(const struct dcmd_def *cmd,
                                          const char *w)
{
    if (w[0] != '-')
        return NULL;
    if (w[1] == '-') {
        const char *eq = strchr(w + 2, '=');
        size_t n = eq ? (size_t)(eq - w - 2) : strlen(w + 2);
        for (const struct dflag_def *f = cmd->flags; f->name; f++)
            if (strlen(f->name) == n && memcmp(f->name, w + 2, n) == 0)
                return f;
        return NULL;
    }
    if (w[1] && !w[2])
        for (const struct dflag_def *f = cmd->flags; f->name; f++)
            if (f->shorthand == w[1])
                return f;
    return NULL;
}

static void docker_overview(struct sb *out)
{
    sb_adds(out, "docker commands docksim simulates (:help docker COMMAND "
                 "for one):\n");
    for (size_t i = 0; i < dcli_n_commands; i++) {
        const struct dcmd_def *c = &dcli_commands[i];
        if (!c->alias_of)
            sb_addf(out, "  %-20s %s\n", c->path, c->short_desc);
    }
}

/* Split topic into at most 8 words (in the arena). */
static size_t split_words(struct arena *a, const char *t, char **w)
{
    size_t n = 0;
    while (*t && n < 8) {
        while (*t == ' ' || *t == '\t')
            t++;
        const char *s = t;
        while (*t && *t != ' ' && *t != '\t')
            t++;
        if (t > s)
            w[n++] = arena_memdup0(a, s, (size_t)(t - s));
    }
    w[n] = NULL;
    return n;
}

struct suggest {
    const char *topic;
    size_t tlen;
    char best[3][64]; /* "" when unused */
    size_t bestd[3];
};

static void consider(void *ctx, const char *name)
{
    struct suggest *sg = ctx;
    struct sb a = SB_INIT, b = SB_INIT;
    go_to_lower(&a, sg->topic, sg->tlen);
    go_to_lower(&b, name, strlen(name));
    size_t d = go_levenshtein(a.buf, a.len, b.buf, b.len);
    if (b.len > a.len && a.len >= 3 && memcmp(b.buf, a.buf, a.len) == 0)
        d = 1; /* a prefix of a longer topic */
    sb_release(&a);
    sb_release(&b);
    size_t limit = sg->tlen <= 4 ? 1 : 2;
    if (d > limit)
        return;
    if (strlen(name) >= sizeof(sg->best[0]))
        return;
    for (size_t i = 0; i < 3; i++)
        if (strcmp(sg->best[i], name) == 0)
            return;
    for (size_t i = 0; i < 3; i++)
        if (!sg->best[i][0] || d < sg->bestd[i]) {
            for (size_t k = 2; k > i; k--) {
                memcpy(sg->best[k], sg->best[k - 1], sizeof(sg->best[k]));
                sg->bestd[k] = sg->bestd[k - 1];
            }
            memcpy(sg->best[i], name, strlen(name) + 1);
            sg->bestd[i] = d;
            return;
        }
}

int help_topic(struct sb *out, const char *topic)
{
    while (*topic == ' ')
        topic++;
    size_t tl = strlen(topic);
    while (tl && (topic[tl - 1] == ' ' || topic[tl - 1] == '\t'))
        tl--;
    if (!tl) {
        help_overview(out);
        return 0;
    }
    struct arena a = ARENA_INIT;
    char *w[9];
    char *t = arena_memdup0(&a, topic, tl);
    size_t nw = split_words(&a, t, w);
    size_t found = 0;
#define SEP() (found++ ? sb_addch(out, '\n') : (void)0)

    /* a : command */
    if (nw == 1) {
        const char *c = w[0][0] == ':' ? w[0] + 1 : w[0];
        const struct colon_cmd *cc = colon_find_exact(c, strlen(c));
        if (!cc && w[0][0] == ':') {
            struct sb why = SB_INIT;
            cc = colon_find(c, strlen(c), &why);
            sb_release(&why);
        }
        if (cc) {
            SEP();
            colon_help(out, cc);
        }
    }
    /* an instruction (and maybe one of its flags) */
    if (nw <= 2) {
        enum instr_kind k = instr_lookup(w[0], strlen(w[0]));
        if (k != INSTR_UNKNOWN &&
            (nw == 1 || (w[1][0] == '-' && w[1][1] == '-' &&
                         instr_flag(k, w[1] + 2, strcspn(w[1] + 2, "=")))))
        {
            SEP();
            instr_help(out, k);
        }
    }
    /* a docker command (and maybe one of its flags) */
    {
        char **dw = w;
        size_t dn = nw;
        if (dn && strcmp(dw[0], "docker") == 0) {
            dw++;
            dn--;
            if (dn == 0) {
                SEP();
                docker_overview(out);
            }
        }
        size_t consumed = 0;
        const struct dcmd_def *cmd = dn ? dcli_find(dw, dn, &consumed) : NULL;
        if (cmd && consumed == dn) {
            SEP();
            dcli_help(out, cmd);
            sb_adds(out, "\ndocksim: flags marked simulated change the result; "
                         "the others are accepted\nand explained. :help docker "
                         "COMMAND FLAG tells which.\n");
        } else if (cmd && consumed + 1 == dn) {
            const struct dflag_def *f = find_dflag(cmd, dw[consumed]);
            if (f) {
                SEP();
                dflag_help(out, cmd, f);
            }
        } else if (!cmd && consumed == 1 && dn == 1) {
            struct sb g = SB_INIT;
            if (dcli_group_help(&g, dw[0]) == 0) {
                SEP();
                sb_add(out, g.buf, g.len);
            }
            sb_release(&g);
        }
    }
    /* a build check */
    if (nw == 1) {
        for (size_t i = 0; i < LINT_COUNT; i++)
            if (fold_eq(lint_rules[i].name, strlen(lint_rules[i].name), w[0],
                        strlen(w[0]))) {
                SEP();
                lint_help(out, &lint_rules[i]);
            }
        if (strcmp(w[0], "checks-list") == 0) {
            SEP();
            sb_adds(out, "BuildKit's build checks (:help RULE for one):\n");
            for (size_t i = 0; i < LINT_COUNT; i++)
                sb_addf(out, "  %s%s\n", lint_rules[i].name,
                        lint_rules[i].experimental ? " (experimental)" : "");
            sb_adds(out, "docksim's own teaching warnings (:set warnings "
                         "off turns them off):\n");
            for (size_t i = 0; i < TEACH_COUNT; i++)
                sb_addf(out, "  %s\n", teach_rules[i].id);
        }
    }
    /* one of docksim's teaching warnings ("docksim/ID" or "ID") */
    if (nw == 1) {
        enum teach_rule_id tr = teach_find(w[0]);
        if (tr != TEACH_COUNT) {
            const struct teach_rule *rule = &teach_rules[tr];
            SEP();
            sb_addf(out, "%s (docksim's own teaching warning, not a BuildKit "
                         "check)\n  %s\n\n",
                    rule->id, rule->title);
            struct sb para = SB_INIT;
            wrap_para(&para, rule->explanation);
            sb_add(out, para.buf, para.len);
            sb_release(&para);
            sb_addf(out, "\nLesson: %s. :set warnings off turns these "
                         "off.\n",
                    rule->lesson);
        }
    }
    /* a concept */
    for (size_t i = 0; i < help_n_concepts; i++) {
        const struct help_concept *c = &help_concepts[i];
        if (fold_eq(c->name, strlen(c->name), t, tl) ||
            (nw == 1 && word_in(c->aliases, t, tl))) {
            SEP();
            concept_text(out, c);
        }
    }
#undef SEP
    if (found) {
        arena_release(&a);
        return 0;
    }
    sb_addf(out, "no help for '%s'", t);
    struct suggest sg;
    memset(&sg, 0, sizeof(sg));
    sg.topic = t;
    sg.tlen = tl;
    help_each_topic(consider, &sg);
    if (sg.best[0][0]) {
        size_t nb = sg.best[2][0] ? 3 : sg.best[1][0] ? 2 : 1;
        sb_adds(out, " (did you mean");
        for (size_t i = 0; i < nb; i++)
            sb_addf(out, "%s '%s'", i == 0 ? "" : i + 1 < nb ? "," : " or",
                    sg.best[i]);
        sb_adds(out, "?)");
    }
    sb_adds(out, "; :help lists the topics\n");
    arena_release(&a);
    return -1;
}

void help_each_topic(void (*fn)(void *ctx, const char *name), void *ctx)
{
    for (size_t i = 0; i < colon_n_cmds; i++) {
        char buf[32];
        size_t n = strlen(colon_cmds[i].name);
        if (n + 2 > sizeof(buf))
            continue;
        buf[0] = ':';
        memcpy(buf + 1, colon_cmds[i].name, n + 1);
        fn(ctx, buf);
    }
    for (size_t i = 0; i < INSTR_COUNT; i++)
        fn(ctx, instr_table[i].name);
    for (size_t i = 0; i < dcli_n_commands; i++) {
        char buf[64];
        if (strlen(dcli_commands[i].path) + 8 > sizeof(buf))
            continue;
        memcpy(buf, "docker ", 7);
        memcpy(buf + 7, dcli_commands[i].path,
               strlen(dcli_commands[i].path) + 1);
        fn(ctx, buf);
    }
    for (size_t i = 0; i < LINT_COUNT; i++)
        fn(ctx, lint_rules[i].name);
    for (size_t i = 0; i < TEACH_COUNT; i++)
        fn(ctx, teach_rules[i].id);
    for (size_t i = 0; i < help_n_concepts; i++)
        fn(ctx, help_concepts[i].name);
    fn(ctx, "checks-list");
}

/* Docker commands learners try that docksim does not simulate. */
static const struct {
    const char *words; /* blank-separated subcommands */
    const char *say;
} unsupported[] = {
    { "compose", "docksim does not simulate Compose: it covers single "
                 "containers, so write one docker build and docker run per "
                 "service (:help unsupported)" },
    { "pull", "docksim has no registry: FROM and docker run use the base "
              "images it knows as if already pulled (:images lists them)" },
    { "push login logout search", "docksim has no registry: images stay in "
                                  "this session" },
    { "network volume", "networks and volumes are not simulated yet; docker "
                        "run accepts --network and -v and explains them" },
    { "swarm service stack node secret config", "docksim simulates one "
                                                "Docker Engine, not Swarm" },
};

const char *help_unsupported_hint(const char *line)
{
    const char *p = line;
    while (*p == ' ' || *p == '\t')
        p++;
    if (strncmp(p, "docker", 6) != 0 || (p[6] != ' ' && p[6] != '\t'))
        return NULL;
    p += 6;
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strcspn(p, " \t");
    for (size_t i = 0; i < ARRAY_LEN(unsupported); i++)
        if (n && word_in(unsupported[i].words, p, n))
            return unsupported[i].say;
    return NULL;
}
