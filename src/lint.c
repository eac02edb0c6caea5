#include "lint.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "gostr.h"
#include "parser.h"
#include "sb.h"
#include "unicode.h"

#define RULE_URL "https://docs.docker.com/go/dockerfile/rule/"

const struct lint_def lint_rules[LINT_COUNT] = {
    [LINT_STAGE_NAME_CASING] = { "StageNameCasing",
        "Stage names should be lowercase",
        RULE_URL "stage-name-casing/", false },
    [LINT_FROM_AS_CASING] = { "FromAsCasing",
        "The 'as' keyword should match the case of the 'from' keyword",
        RULE_URL "from-as-casing/", false },
    [LINT_NO_EMPTY_CONTINUATION] = { "NoEmptyContinuation",
        "Empty continuation lines will become errors in a future release",
        RULE_URL "no-empty-continuation/", false },
    [LINT_CONSISTENT_INSTRUCTION_CASING] = { "ConsistentInstructionCasing",
        "All commands within the Dockerfile should use the same casing "
        "(either upper or lower)",
        RULE_URL "consistent-instruction-casing/", false },
    [LINT_DUPLICATE_STAGE_NAME] = { "DuplicateStageName",
        "Stage names should be unique",
        RULE_URL "duplicate-stage-name/", false },
    [LINT_RESERVED_STAGE_NAME] = { "ReservedStageName",
        "Reserved words should not be used as stage names",
        RULE_URL "reserved-stage-name/", false },
    [LINT_JSON_ARGS_RECOMMENDED] = { "JSONArgsRecommended",
        "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended "
        "behavior related to OS signals",
        RULE_URL "json-args-recommended/", false },
    [LINT_MAINTAINER_DEPRECATED] = { "MaintainerDeprecated",
        "The MAINTAINER instruction is deprecated, use a label instead to "
        "define an image author",
        RULE_URL "maintainer-deprecated/", false },
    [LINT_UNDEFINED_ARG_IN_FROM] = { "UndefinedArgInFrom",
        "FROM command must use declared ARGs",
        RULE_URL "undefined-arg-in-from/", false },
    [LINT_WORKDIR_RELATIVE_PATH] = { "WorkdirRelativePath",
        "Relative workdir without an absolute workdir declared within the "
        "build can have unexpected results if the base image changes",
        RULE_URL "workdir-relative-path/", false },
    [LINT_UNDEFINED_VAR] = { "UndefinedVar",
        "Variables should be defined before their use",
        RULE_URL "undefined-var/", false },
    [LINT_MULTIPLE_INSTRUCTIONS_DISALLOWED] = {
        "MultipleInstructionsDisallowed",
        "Multiple instructions of the same type should not be used in the "
        "same stage",
        RULE_URL "multiple-instructions-disallowed/", false },
    [LINT_LEGACY_KEY_VALUE_FORMAT] = { "LegacyKeyValueFormat",
        "Legacy key/value format with whitespace separator should not be "
        "used",
        RULE_URL "legacy-key-value-format/", false },
    [LINT_REDUNDANT_TARGET_PLATFORM] = { "RedundantTargetPlatform",
        "Setting platform to predefined $TARGETPLATFORM in FROM is "
        "redundant as this is the default behavior",
        RULE_URL "redundant-target-platform/", false },
    [LINT_SECRETS_USED_IN_ARG_OR_ENV] = { "SecretsUsedInArgOrEnv",
        "Sensitive data should not be used in the ARG or ENV commands",
        RULE_URL "secrets-used-in-arg-or-env/", false },
    [LINT_INVALID_DEFAULT_ARG_IN_FROM] = { "InvalidDefaultArgInFrom",
        "Default value for global ARG results in an empty or invalid base "
        "image name",
        RULE_URL "invalid-default-arg-in-from/", false },
    [LINT_FROM_PLATFORM_FLAG_CONST_DISALLOWED] = {
        "FromPlatformFlagConstDisallowed",
        "FROM --platform flag should not use a constant value",
        RULE_URL "from-platform-flag-const-disallowed/", false },
    [LINT_COPY_IGNORED_FILE] = { "CopyIgnoredFile",
        "Attempting to Copy file that is excluded by .dockerignore",
        RULE_URL "copy-ignored-file/", false },
    [LINT_INVALID_DEFINITION_DESCRIPTION] = { "InvalidDefinitionDescription",
        "Comment for build stage or argument should follow the format: "
        "`# <arg/stage name> <description>`. If this is not intended to be "
        "a description comment, add an empty line or comment between the "
        "instruction and the comment.",
        RULE_URL "invalid-definition-description/", true },
    [LINT_EXPOSE_PROTO_CASING] = { "ExposeProtoCasing",
        "Protocol in EXPOSE instruction should be lowercase",
        RULE_URL "expose-proto-casing/", false },
    [LINT_EXPOSE_INVALID_FORMAT] = { "ExposeInvalidFormat",
        "IP address and host-port mapping should not be used in EXPOSE "
        "instruction. This will become an error in a future release",
        RULE_URL "expose-invalid-format/", false },
    [LINT_INVALID_BASE_IMAGE_PLATFORM] = { "InvalidBaseImagePlatform",
        "Base image platform does not match expected target platform",
        "", false },
};

enum lint_rule lint_find(const char *name, size_t len)
{
    for (size_t i = 0; i < LINT_COUNT; i++)
        if (strlen(lint_rules[i].name) == len &&
            memcmp(lint_rules[i].name, name, len) == 0)
            return (enum lint_rule)i;
    return LINT_COUNT;
}

static void set_list(bool *flags, const char *v, size_t len)
{
    size_t i = 0;
    for (;;) {
        size_t j = i;
        while (j < len && v[j] != ',')
            j++;
        const char *s = v + i;
        size_t n = j - i;
        go_trim_space(&s, &n);
        enum lint_rule r = lint_find(s, n);
        if (r != LINT_COUNT)
            flags[r] = true;
        if (j >= len)
            break;
        i = j + 1;
    }
}

/* Go's strconv.ParseBool */
static int parse_bool(const char *s, size_t n)
{
    static const char *const t[] = { "1", "t", "T", "TRUE", "true", "True" };
    static const char *const f[] = { "0", "f", "F", "FALSE", "false", "False" };
    for (size_t i = 0; i < ARRAY_LEN(t); i++) {
        if (strlen(t[i]) == n && memcmp(t[i], s, n) == 0)
            return 1;
        if (strlen(f[i]) == n && memcmp(f[i], s, n) == 0)
            return 0;
    }
    return -1;
}

int lint_config_parse(struct lint_config *c, const char *opts, size_t len,
                      char **err)
{
    memset(c, 0, sizeof(*c));
    *err = NULL;
    go_trim_space(&opts, &len);
    if (!len)
        return 0;
    /* strings.SplitN(opts, ";", 3) */
    size_t starts[3], lens[3], np = 0, i = 0;
    while (np < 2) {
        const char *semi = memchr(opts + i, ';', len - i);
        if (!semi)
            break;
        starts[np] = i;
        lens[np] = (size_t)(semi - (opts + i));
        np++;
        i = (size_t)(semi - opts) + 1;
    }
    starts[np] = i;
    lens[np] = len - i;
    np++;
    for (size_t k = 0; k < np; k++) {
        const char *part = opts + starts[k];
        size_t pl = lens[k];
        const char *eq = pl ? memchr(part, '=', pl) : NULL;
        struct sb m = SB_INIT;
        if (!eq) {
            sb_adds(&m, "invalid check option ");
            go_quote(&m, part, pl);
            *err = sb_detach(&m, NULL);
            return -1;
        }
        const char *key = part;
        size_t kl = (size_t)(eq - part);
        const char *val = eq + 1;
        size_t vl = pl - kl - 1;
        go_trim_space(&key, &kl);
        go_trim_space(&val, &vl);
        bool all = vl == 3 && memcmp(val, "all", 3) == 0;
        /* each skip= / experimental= replaces the list set before it */
        if (kl == 4 && memcmp(key, "skip", 4) == 0) {
            if (all) {
                c->skip_all = true;
            } else {
                memset(c->skip, 0, sizeof(c->skip));
                set_list(c->skip, val, vl);
            }
        } else if (kl == 12 && memcmp(key, "experimental", 12) == 0) {
            if (all) {
                c->experimental_all = true;
            } else {
                memset(c->experimental, 0, sizeof(c->experimental));
                set_list(c->experimental, val, vl);
            }
        } else if (kl == 5 && memcmp(key, "error", 5) == 0) {
            int b = parse_bool(val, vl);
            if (b < 0) {
                sb_adds(&m, "failed to parse check option ");
                go_quote(&m, part, pl);
                sb_adds(&m, ": strconv.ParseBool: parsing ");
                go_quote(&m, val, vl);
                sb_adds(&m, ": invalid syntax");
                *err = sb_detach(&m, NULL);
                return -1;
            }
            c->error = b == 1;
        } else {
            sb_adds(&m, "invalid check option ");
            go_quote(&m, key, kl);
            *err = sb_detach(&m, NULL);
            return -1;
        }
    }
    return 0;
}

void linter_init(struct linter *l, const struct lint_config *config,
                 struct diag_list *out)
{
    memset(l, 0, sizeof(*l));
    if (config)
        l->config = *config;
    l->out = out;
}

/* The check= options of the first doc comment that is one, if valid. */
static bool comment_config(const struct span *comments, size_t n,
                           struct lint_config *c)
{
    for (size_t i = 0; i < n; i++) {
        const char *s = comments[i].s;
        size_t len = comments[i].len, k = 0;
        /* ^\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$ without the '#' */
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        size_t k0 = k;
        while (k < len && ((s[k] >= 'a' && s[k] <= 'z') ||
                           (s[k] >= 'A' && s[k] <= 'Z') ||
                           (k > k0 && s[k] >= '0' && s[k] <= '9')))
            k++;
        if (!ascii_equal_fold(s + k0, k - k0, "check"))
            continue;
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k >= len || s[k] != '=')
            continue;
        k++;
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        size_t v0 = k;
        while (k < len && s[k] != ' ')
            k++;
        char *err = NULL;
        if (lint_config_parse(c, s + v0, k - v0, &err) < 0) {
            free(err);
            return false;
        }
        return true;
    }
    return false;
}

bool linter_enabled(const struct linter *l, enum lint_rule rule,
                    const struct span *comments, size_t n_comments)
{
    const struct lint_config *c = &l->config;
    struct lint_config extra;
    bool has_extra = comments && n_comments &&
                     comment_config(comments, n_comments, &extra);
    if (lint_rules[rule].experimental)
        return c->experimental_all || c->experimental[rule] ||
               (has_extra &&
                (extra.experimental_all || extra.experimental[rule]));
    return !(c->skip_all || c->skip[rule] ||
             (has_extra && (extra.skip_all || extra.skip[rule])));
}

void linter_run(struct linter *l, enum lint_rule rule, int start, int end,
                const struct span *comments, size_t n_comments,
                const char *msg)
{
    if (!linter_enabled(l, rule, comments, n_comments))
        return;
    l->fired[rule] = true;
    diag_add(l->out, DIAG_WARNING, DIAG_LINT, lint_rules[rule].name, start,
             end, msg ? msg : lint_rules[rule].description);
}
