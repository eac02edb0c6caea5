/*
 * dockerargs.h: reading a typed `docker ...` line the way the learner's
 * host shell and the docker CLI (cobra + pflag) would.
 *
 * 1. shellwords_split: POSIX shell word splitting and quote removal of
 *    the typed line, with $VAR / ${VAR} expanded from a simulated host
 *    environment (docksim's own environment is never read for this).
 * 2. dcli_find / dcli_parse: the options of one docker subcommand, from
 *    THE table of docker commands and their flags (dcli_commands[], in
 *    dockertable.c), with pflag's exact error messages, cobra's usage
 *    footer and the CLI's exit codes (run-semantics.md §1). Reference:
 *    docker CLI 28.2.2 as talking to a Linux daemon.
 * 3. dcli_help / dcli_group_help / dcli_unknown_command: the help and
 *    "unknown command" texts, laid out as the CLI prints them on a
 *    non-terminal (80 columns).
 *
 * Everything allocated comes from the arena passed in. Texts the CLI
 * prints are appended to a struct sb byte for byte, each line ending in
 * "\n"; nothing here prints.
 */
#ifndef DOCKERARGS_H
#define DOCKERARGS_H

#include "common.h"

struct arena;
struct sb;

/* ----- host shell --------------------------------------------------- */

/* Host variable lookup for $VAR in typed lines: true and *value if set. */
typedef bool host_env_fn(void *ctx, const char *name, const char **value);

struct shellwords {
    char **words; /* n words, then a NULL; all in the arena */
    size_t n;
};

/*
 * Split line like sh does (POSIX 2.2-2.6, the subset a docker command
 * line uses):
 * - blanks (space, tab) separate words; a newline is a blank too;
 * - '...' is literal; "..." keeps blanks, expands $VAR and honours the
 *   backslash only before $ ` " \ and newline; outside quotes a backslash
 *   quotes the next character (backslash-newline vanishes);
 * - $NAME and ${NAME} are looked up with env (env NULL: nothing is set);
 *   unset means empty. Inside "..." the value is kept as is; outside
 *   quotes it is split on blanks (IFS=" \t\n") and a word that ends up
 *   empty, with no quotes in it, disappears ("" and '' do make a word);
 *   no pathname expansion is done (globs stay literal);
 * - ${NAME:-word} and the other ${...} operators are refused (see below);
 *   special parameters are those of a shell that has no arguments and
 *   ran nothing yet: $? and $# give 0; $@ $* $- $0..$9 give nothing ("$@"
 *   no word at all); $$ and $! are refused (no process ids in a
 *   simulation); a $ before any other character (or at the end) is
 *   literal, so bash's $'...' and $"..." are not special;
 * - tilde: an unquoted ~ alone or before / at the start of a word becomes
 *   $HOME from env (left as ~ if HOME is unset); ~user is left as is;
 * - a `#` that starts a word starts a comment to the end of the line.
 * Returns 0, or -1 with a short message in *err (static text) for input
 * the host shell would reject or keep waiting on ("unterminated quote")
 * and for shell syntax docksim does not support on a docker line:
 * | ; & && || > < ( ) $(...) `...` and the ${...} operators. The message
 * says what to do instead. On error *out is left empty.
 */
int shellwords_split(struct arena *a, const char *line, host_env_fn *env,
                     void *ctx, struct shellwords *out, const char **err);

/* ----- docker CLI flags --------------------------------------------- */

/* How a value is parsed at pflag's Set time (errors exit 125). */
enum dflag_type {
    DFLAG_BOOL,     /* strconv.ParseBool; a bare --flag means "true" */
    DFLAG_STRING,   /* any text, "" included; the last one wins */
    DFLAG_LIST,     /* repeatable, each value kept (-e, -p, -v, --mount) */
    DFLAG_INT,      /* int/int64: strconv.ParseInt(s, 0, 64) */
    DFLAG_DURATION, /* time.ParseDuration ("1m30s") */
    DFLAG_UINT16,   /* strconv.ParseUint(s, 0, 16) */
    DFLAG_UINT64,   /* strconv.ParseUint(s, 0, 64) */
    DFLAG_VALUE,    /* one custom value (bytes, decimal): see check */
};

/* The value check a docker/cli opts type runs inside Set (exit 125). */
enum dflag_check {
    DCHK_NONE,
    DCHK_ENV,         /* opts.ValidateEnv: "invalid environment variable: =x" */
    DCHK_ATTACH,      /* stdin|stdout|stderr, any case; kept lower-cased */
    DCHK_LABEL,       /* opts.ValidateLabel */
    DCHK_FILTER,      /* opts.FilterOpt: name=value ("" is ignored) */
    DCHK_IP,          /* opts.ValidateIPAddress (--dns) */
    DCHK_ADD_HOST,    /* opts.ValidateExtraHost */
    DCHK_LINK,        /* opts.ValidateLink */
    DCHK_CGROUP_RULE, /* validateDeviceCgroupRule */
    DCHK_ULIMIT,      /* units.ParseUlimit */
    DCHK_BYTES,       /* opts.MemBytes (units.RAMInBytes) */
    DCHK_MEMSWAP,     /* opts.MemSwapBytes: -1 or a size */
    DCHK_DECIMAL,     /* opts.NanoCPUs: a big.Rat with <= 9 decimals */
    DCHK_SYSCTL,      /* opts.ValidateSysctl: the namespaced sysctls */
};

/* dflag_def.attrs */
enum dflag_attr {
    DFA_HIDDEN = 1 << 0,       /* MarkHidden/MarkDeprecated: not in --help */
    DFA_WINDOWS = 1 << 1,      /* ostype=windows: not in --help on a Linux
                                  daemon; the CLI refuses it after parsing */
    DFA_EXPERIMENTAL = 1 << 2, /* needs an experimental daemon: not in
                                  --help; refused after parsing */
};

struct dflag_def {
    const char *name;      /* long name without dashes: "env" */
    char shorthand;        /* 'e', or 0 */
    enum dflag_type type;
    const char *def;       /* pflag DefValue when --help shows "(default
                              ...)" (quoted there if varname is "string");
                              NULL when the default is the zero value */
    const char *usage;     /* pflag usage text for --help */
    bool simulated;        /* docksim models its effect (else accepted and
                              explained as "not simulated") */
    const char *varname;   /* type word in --help ("list", "bytes");
                              NULL for a bool */
    enum dflag_check check;
    unsigned attrs;        /* enum dflag_attr bits */
    const char *deprecated;           /* "use --timeout instead", or NULL */
    const char *shorthand_deprecated; /* "use --help" (-h of --help) */
    const char *same_value_as; /* hidden spellings sharing another flag's
                                  value (--net: "network"); their values
                                  are recorded under that flag */
};

struct dcmd_def {
    const char *path;       /* command path after "docker ": "run",
                               "container run", "image ls" (cobra's name,
                               not an alias: `container list` finds the
                               "container ls" row) */
    const char *alias_of;   /* the top-level command this is the same as
                               ("ps" for "container ls"), or NULL */
    const char *use;        /* cobra Use:
                               "run [OPTIONS] IMAGE [COMMAND] [ARG...]" */
    const char *short_desc; /* cobra Short */
    const char *aliases;    /* the Aliases: line of --help, or NULL */
    const char *other_names; /* cobra Aliases of the last word, blank-
                                separated ("list ps"), or NULL */
    int min_args, max_args; /* positional arguments; max -1 = unlimited
                               (0,0 = cobra NoArgs) */
    bool interspersed;      /* false: options stop at the first positional */
    const struct dflag_def *flags; /* ends with a { .name = NULL } row */
    const char *cobra_path; /* the path cobra reports in messages when it
                               differs from `path` (`docker build` runs the
                               buildx plugin: "buildx build"), or NULL */
};

extern const struct dcmd_def dcli_commands[];
extern const size_t dcli_n_commands;

/* One parsed flag occurrence. */
struct dflag_value {
    const struct dflag_def *def; /* --net x is recorded as --network x */
    const char *value; /* as given, except: a bool is "true" or "false"
                          (ParseBool's 1/t/T/TRUE/True... normalized; a
                          bare --rm is "true"), and --attach values are
                          lower-cased like the CLI keeps them */
};

struct dparsed {
    const struct dcmd_def *cmd;
    struct dflag_value *flags; /* in the order given */
    size_t n_flags;
    char **args;               /* positional arguments (NULL-terminated) */
    size_t n_args;
    bool help;                 /* --help (or -h where it means help) was
                                  given: print dcli_help, exit 0 */
    const char *notices;       /* what pflag prints to STDOUT while parsing
                                  (deprecated flags: "Flag --time has been
                                  deprecated, use --timeout instead\n"),
                                  "" if nothing, and "" after a flag error
                                  (cobra prints them only when the flags
                                  parsed; an argument-count error still
                                  comes after them) */
};

/* Last value of flag `name` (long name), or NULL if not given. */
const char *dparsed_get(const struct dparsed *p, const char *name);
bool dparsed_changed(const struct dparsed *p, const char *name);
/* All values of a list flag, in order; returns the count. */
size_t dparsed_all(const struct dparsed *p, const char *name,
                   const char ***values, struct arena *a);

/* The flag `name` (long name) of cmd, or NULL. */
const struct dflag_def *dcli_flag(const struct dcmd_def *cmd,
                                 const char *name);

/*
 * Find the command for words[0..] (e.g. {"container","run",...} or
 * {"run",...}); *consumed gets how many words named it. NULL if unknown;
 * then *consumed is 1 if words[0] is a management command ("container",
 * "image", "builder": see dcli_group_help) and 0 otherwise.
 */
const struct dcmd_def *dcli_find(char **words, size_t n, size_t *consumed);

/*
 * Parse the words after the command name. On success returns 0. On a
 * usage problem returns -1, appends the exact text the CLI prints to
 * stderr (including the "Usage:" block and "Run 'docker run --help' for
 * more information" / "See ..." footer, ending in "\n") to err, and sets
 * *exit_code (125 for flag errors, 1 for a wrong number of arguments).
 * Order as in cobra: flags first, then --help (out->help, no argument
 * check), then the argument count.
 *
 * Checks the CLI makes later, after parsing (left to the caller, each
 * with its own wording): --pull values (`docker: invalid pull option:
 * 'x': must be one of "always", "missing" or "never"`), -t/--tag and
 * image references, --restart/--rm, -a with -d, --time with --timeout,
 * ports, volumes, mounts' semantics, signals, DFA_WINDOWS and
 * DFA_EXPERIMENTAL flags. A bare `-e K` keeps the word K here; the CLI
 * replaces it with K=<host value> when the host has K (dcli_env_value).
 * Not checked here though the CLI checks them in Set: --mount, --gpus,
 * --network, the device throttle/weight lists, --annotation, and --tag
 * (docker build; needs the reference parser: see dcli_flag_error).
 */
int dcli_parse(struct arena *a, const struct dcmd_def *cmd, char **words,
               size_t n, struct dparsed *out, struct sb *err, int *exit_code);

/*
 * What opts.ValidateEnv stores for an -e/--env/--build-arg value: "K=V"
 * as given; a bare "K" becomes "K=<value>" if env has K, else stays "K".
 */
const char *dcli_env_value(struct arena *a, const char *value,
                           host_env_fn *env, void *ctx);

/*
 * Append a flag-time error the caller found itself (e.g. a --tag the
 * reference parser refused) in pflag's form plus cobra's footer:
 * `invalid argument "V" for "-t, --tag" flag: MSG` + Usage + Run line.
 * Exit code 125.
 */
void dcli_flag_error(struct sb *err, const struct dcmd_def *cmd,
                     const struct dflag_def *flag, const char *value,
                     const char *msg);

/* `docker CMD --help` text (cobra layout), appended to out (stdout). */
void dcli_help(struct sb *out, const struct dcmd_def *cmd);

/*
 * `docker container` / `docker image` / `docker builder` alone: the
 * management command's help, which the CLI prints to STDERR with exit
 * code 0. Returns -1 (nothing appended) if group is not one of them.
 */
int dcli_group_help(struct sb *out, const char *group);

/*
 * The message for an unknown command (stderr, exit 1, CLI 28 wording).
 * name is what followed "docker": "foo" gives
 * "docker: unknown command: docker foo" + blank + "Run 'docker --help'
 * for more information"; "image foo" (a management command and an
 * unknown subcommand) adds the group's "Usage:  docker image" block.
 */
void dcli_unknown_command(struct sb *out, const char *name);

/*
 * True if name is a top-level command of the real docker CLI 28 (with
 * the compose/buildx plugins' stubs not counted): lets the caller say
 * "docksim does not simulate `docker pull`" instead of "unknown command".
 */
bool dcli_is_docker_command(const char *name);

#endif /* DOCKERARGS_H */
