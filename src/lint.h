/*
 * lint.h: BuildKit's build checks (frontend/dockerfile/linter): the rule
 * table, the `# check=` configuration and the per-instruction
 * `# check=` comments. Warnings are appended to a diag_list as
 * DIAG_LINT diagnostics with the rule's name; the rules themselves are
 * run by the layers that see their trigger (instructions.c, build.c).
 */
#ifndef LINT_H
#define LINT_H

#include "common.h"

struct diag_list;
struct span;

/* ORDER LINT: matches lint_rules[] row for row. */
enum lint_rule {
    LINT_STAGE_NAME_CASING,
    LINT_FROM_AS_CASING,
    LINT_NO_EMPTY_CONTINUATION,
    LINT_CONSISTENT_INSTRUCTION_CASING,
    LINT_DUPLICATE_STAGE_NAME,
    LINT_RESERVED_STAGE_NAME,
    LINT_JSON_ARGS_RECOMMENDED,
    LINT_MAINTAINER_DEPRECATED,
    LINT_UNDEFINED_ARG_IN_FROM,
    LINT_WORKDIR_RELATIVE_PATH,
    LINT_UNDEFINED_VAR,
    LINT_MULTIPLE_INSTRUCTIONS_DISALLOWED,
    LINT_LEGACY_KEY_VALUE_FORMAT,
    LINT_REDUNDANT_TARGET_PLATFORM,
    LINT_SECRETS_USED_IN_ARG_OR_ENV,
    LINT_INVALID_DEFAULT_ARG_IN_FROM,
    LINT_FROM_PLATFORM_FLAG_CONST_DISALLOWED,
    LINT_COPY_IGNORED_FILE,
    LINT_INVALID_DEFINITION_DESCRIPTION,
    LINT_EXPOSE_PROTO_CASING,
    LINT_EXPOSE_INVALID_FORMAT,
    LINT_INVALID_BASE_IMAGE_PLATFORM,
    LINT_COUNT,
};

struct lint_def {
    const char *name;        /* PascalCase, as BuildKit prints it */
    const char *description; /* the docs' one-line summary */
    const char *url;         /* https://docs.docker.com/go/dockerfile/rule/... */
    bool experimental;       /* runs only when enabled with experimental= */
};

extern const struct lint_def lint_rules[LINT_COUNT];

/* The rule called name (case-sensitive), or LINT_COUNT. */
enum lint_rule lint_find(const char *name, size_t len);

/* `skip=...;experimental=...;error=...` (ParseLintOptions). */
struct lint_config {
    bool skip_all;
    bool skip[LINT_COUNT];
    bool experimental_all;
    bool experimental[LINT_COUNT];
    bool error; /* error=true: any warning fails the build */
};

/*
 * Parse check options (the value of `# check=` or of the build argument
 * BUILDKIT_DOCKERFILE_CHECK; only the text before the first space
 * counts). Returns 0, or -1 with *err set to a malloc'd message
 * ("invalid check option \"foo\"", without the "failed to parse check
 * options: " prefix the caller adds).
 */
int lint_config_parse(struct lint_config *c, const char *opts, size_t len,
                      char **err);

/*
 * A linter: the file's configuration, where warnings go, and which rules
 * have fired (for error=true).
 */
struct linter {
    struct lint_config config;
    struct diag_list *out;
    bool fired[LINT_COUNT];
};

void linter_init(struct linter *l, const struct lint_config *config,
                 struct diag_list *out);

/*
 * Report rule at lines start..end with message msg, unless the rule is
 * off. comments are the instruction's doc comments: the first one that
 * is a `check=...` directive adds its skips/experimental rules for this
 * instruction only (WithMergedConfigFromComments). n_comments may be 0.
 */
void linter_run(struct linter *l, enum lint_rule rule, int start, int end,
                const struct span *comments, size_t n_comments,
                const char *msg);

/* Is rule on for an instruction with these comments? */
bool linter_enabled(const struct linter *l, enum lint_rule rule,
                    const struct span *comments, size_t n_comments);

#endif /* LINT_H */
