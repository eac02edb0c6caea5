/*
 * help.h: the shell's help, read from the tables that define things:
 * colon_cmds[] (the shell's commands), instr_table[] (Dockerfile
 * instructions and their flags), dcli_commands[] (docker commands and
 * their flags), lint_rules[] (build checks), teach_rules[] (docksim's
 * teaching warnings), and help_concepts[] here
 * (ideas such as exec vs shell form, PID 1, layers). Text only: appended
 * to a struct sb, nothing prints.
 */
#ifndef HELP_H
#define HELP_H

#include "common.h"

struct sb;

struct help_concept {
    const char *name;    /* the topic: "exec-form" */
    const char *aliases; /* blank-separated other words that find it */
    const char *title;   /* one line */
    const char *text;    /* paragraphs, lines of at most 78 columns */
    const char *instrs;  /* instructions whose help points here, or NULL */
};

extern const struct help_concept help_concepts[];
extern const size_t help_n_concepts;

/* :help alone: what to type, the : commands, the topics, the keys. */
void help_overview(struct sb *out);

/*
 * :help TOPIC: a : command (":undo" or "undo"), an instruction ("FROM",
 * any case), an instruction flag ("COPY --from"), a docker command
 * ("docker run", "run", "container ls"), a docker flag ("docker run -p",
 * "run --publish"), a build-check rule, or a concept. Every match is
 * shown (`history` is both :history and docker history). Returns 0, or -1
 * with "no help for ..." and the nearest topics in out.
 */
int help_topic(struct sb *out, const char *topic);

/*
 * For a docker command line docksim does not simulate (docker compose,
 * pull, push, login, network, volume, swarm...): one friendly sentence
 * saying what to do instead, or NULL. The shell shows it after docker's
 * own message, which stays exact.
 */
const char *help_unsupported_hint(const char *line);

/* Call fn with every topic name (for completion and "did you mean"). */
void help_each_topic(void (*fn)(void *ctx, const char *name), void *ctx);

#endif /* HELP_H */
