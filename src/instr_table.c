/*
 * instr_table.c: one row per Dockerfile instruction (see instr_table.h).
 * Flags and argument shapes follow dockerfile-semantics.md §3.1 and §4.1.
 */
#include "instr_table.h"

#include <string.h>

#include "gostr.h"
#include "sb.h"

static const struct flag_def no_flags[] = { { NULL, FLAG_BOOL, NULL } };

static const struct flag_def from_flags[] = {
    { "platform", FLAG_STRING, "" },
    { NULL, FLAG_BOOL, NULL },
};

static const struct flag_def run_flags[] = {
    { "mount", FLAG_LIST, NULL },
    { "network", FLAG_STRING, "default" },
    { "security", FLAG_STRING, "sandbox" },
    { "device", FLAG_LIST, NULL },
    { NULL, FLAG_BOOL, NULL },
};

static const struct flag_def copy_flags[] = {
    { "chown", FLAG_STRING, "" },
    { "from", FLAG_STRING, "" },
    { "chmod", FLAG_STRING, "" },
    { "link", FLAG_BOOL, "false" },
    { "parents", FLAG_BOOL, "false" },
    { "exclude", FLAG_LIST, NULL },
    { NULL, FLAG_BOOL, NULL },
};

static const struct flag_def add_flags[] = {
    { "chown", FLAG_STRING, "" },
    { "chmod", FLAG_STRING, "" },
    { "link", FLAG_BOOL, "false" },
    { "keep-git-dir", FLAG_BOOL, "false" },
    { "checksum", FLAG_STRING, "" },
    { "unpack", FLAG_BOOL, "false" },
    { "exclude", FLAG_LIST, NULL },
    { NULL, FLAG_BOOL, NULL },
};

static const struct flag_def health_flags[] = {
    { "interval", FLAG_STRING, "" },
    { "timeout", FLAG_STRING, "" },
    { "start-period", FLAG_STRING, "" },
    { "start-interval", FLAG_STRING, "" },
    { "retries", FLAG_STRING, "" },
    { NULL, FLAG_BOOL, NULL },
};

const struct instr_def instr_table[INSTR_COUNT] = {
    [INSTR_ADD] = { "ADD", SHAPE_JSON_LIST, true, FLAGS_CHECKED, add_flags,
                    WHEN_BUILD, true,
                    "ADD [--chown=U:G] [--chmod=MODE] [--link] SRC... DEST",
                    "copies files, URLs or local archives (unpacked) into the "
                    "image, at build time, in a new layer" },
    [INSTR_ARG] = { "ARG", SHAPE_ARG_WORDS, false, FLAGS_IGNORED, no_flags,
                    WHEN_BUILD, false, "ARG NAME[=DEFAULT] ...",
                    "declares a build argument that --build-arg can set; it "
                    "exists at build time only, not in the image" },
    [INSTR_CMD] = { "CMD", SHAPE_MAYBE_JSON, false, FLAGS_CHECKED, no_flags,
                    WHEN_START, false,
                    "CMD [\"EXECUTABLE\",\"ARG\"...] | CMD COMMAND LINE",
                    "records the default command (or the default arguments "
                    "of ENTRYPOINT); nothing runs at build time, a container "
                    "runs it at start unless docker run gives a command" },
    [INSTR_COPY] = { "COPY", SHAPE_JSON_LIST, true, FLAGS_CHECKED,
                     copy_flags, WHEN_BUILD, true,
                     "COPY [--from=STAGE] [--chown=U:G] [--chmod=MODE] "
                     "SRC... DEST",
                     "copies files from the build context (or another stage "
                     "with --from) into the image, at build time, in a new "
                     "layer" },
    [INSTR_ENTRYPOINT] = { "ENTRYPOINT", SHAPE_MAYBE_JSON, false,
                           FLAGS_CHECKED, no_flags, WHEN_START, false,
                           "ENTRYPOINT [\"EXECUTABLE\",\"ARG\"...] | "
                           "ENTRYPOINT COMMAND LINE",
                           "records the program every container runs at "
                           "start; CMD or docker run arguments are appended "
                           "to it (exec form only)" },
    [INSTR_ENV] = { "ENV", SHAPE_KEY_VALUES, false, FLAGS_CHECKED, no_flags,
                    WHEN_METADATA, false, "ENV KEY=VALUE ...",
                    "sets environment variables for the rest of the build "
                    "and in every container" },
    [INSTR_EXPOSE] = { "EXPOSE", SHAPE_WORDS, false, FLAGS_CHECKED, no_flags,
                       WHEN_METADATA, false, "EXPOSE PORT[/PROTO] ...",
                       "documents the ports the container listens on; it "
                       "publishes nothing (that is docker run -p)" },
    [INSTR_FROM] = { "FROM", SHAPE_WORDS, false, FLAGS_CHECKED, from_flags,
                     WHEN_BUILD, false,
                     "FROM [--platform=P] IMAGE[:TAG] [AS NAME]",
                     "starts a build stage from a base image (its files and "
                     "its configuration), scratch, or an earlier stage" },
    [INSTR_HEALTHCHECK] = { "HEALTHCHECK", SHAPE_HEALTH, false,
                            FLAGS_CHECKED, health_flags, WHEN_START, false,
                            "HEALTHCHECK [--interval=D] [--timeout=D] "
                            "[--retries=N] CMD COMMAND | HEALTHCHECK NONE",
                            "records a command Docker runs inside the "
                            "running container to check its health" },
    [INSTR_LABEL] = { "LABEL", SHAPE_KEY_VALUES, false, FLAGS_CHECKED,
                      no_flags, WHEN_METADATA, false, "LABEL KEY=VALUE ...",
                      "adds key=value labels to the image's metadata" },
    [INSTR_MAINTAINER] = { "MAINTAINER", SHAPE_STRING, false, FLAGS_CHECKED,
                           no_flags, WHEN_METADATA, false, "MAINTAINER NAME",
                           "sets the image's author field (deprecated: use "
                           "LABEL org.opencontainers.image.authors=...)" },
    [INSTR_ONBUILD] = { "ONBUILD", SHAPE_SUBCOMMAND, false, FLAGS_CHECKED,
                        no_flags, WHEN_METADATA, false, "ONBUILD INSTRUCTION",
                        "stores an instruction that runs later, when another "
                        "build starts FROM this image" },
    [INSTR_RUN] = { "RUN", SHAPE_MAYBE_JSON, true, FLAGS_CHECKED, run_flags,
                    WHEN_BUILD, true,
                    "RUN [--mount=...] COMMAND | RUN [\"EXECUTABLE\",\"ARG\"...]",
                    "runs a command at build time and saves the resulting "
                    "files as a new layer" },
    [INSTR_SHELL] = { "SHELL", SHAPE_MAYBE_JSON, false, FLAGS_CHECKED,
                      no_flags, WHEN_METADATA, false,
                      "SHELL [\"EXECUTABLE\",\"ARG\"...]",
                      "sets the shell that later shell-form RUN, CMD and "
                      "ENTRYPOINT are wrapped in" },
    [INSTR_STOPSIGNAL] = { "STOPSIGNAL", SHAPE_STRING, false, FLAGS_IGNORED,
                           no_flags, WHEN_START, false, "STOPSIGNAL SIGNAL",
                           "records the signal docker stop sends to the "
                           "container's main process" },
    [INSTR_USER] = { "USER", SHAPE_STRING, false, FLAGS_CHECKED, no_flags,
                     WHEN_METADATA, false, "USER NAME[:GROUP]",
                     "sets the user for later RUN instructions and for the "
                     "container's processes" },
    [INSTR_VOLUME] = { "VOLUME", SHAPE_JSON_LIST, false, FLAGS_CHECKED,
                       no_flags, WHEN_METADATA, false, "VOLUME PATH ...",
                       "marks paths whose data lives outside the container: "
                       "each new container gets a volume there" },
    [INSTR_WORKDIR] = { "WORKDIR", SHAPE_STRING, false, FLAGS_CHECKED,
                        no_flags, WHEN_BUILD, true, "WORKDIR PATH",
                        "sets (and creates) the working directory for later "
                        "instructions and for the container" },
};

static enum instr_kind lookup_lower(const char *low, size_t len)
{
    /* instruction names, lower-cased, indexed by the enum */
    static const char *const lower[INSTR_COUNT] = {
        "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from",
        "healthcheck", "label", "maintainer", "onbuild", "run", "shell",
        "stopsignal", "user", "volume", "workdir",
    };
    if (len < 3 || len > 11)
        return INSTR_UNKNOWN;
    for (size_t i = 0; i < INSTR_COUNT; i++)
        if (lower[i][0] == low[0] && strlen(lower[i]) == len &&
            memcmp(lower[i], low, len) == 0)
            return (enum instr_kind)i;
    return INSTR_UNKNOWN;
}

enum instr_kind instr_lookup(const char *word, size_t len)
{
    char buf[16];
    struct sb low = SB_INIT;
    enum instr_kind k = INSTR_UNKNOWN;
    /* the common case: a short ASCII word, lower-cased on the stack */
    if (len < sizeof(buf)) {
        bool ascii = true;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)word[i];
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (ascii)
            return lookup_lower(buf, len);
    }
    /* Longer words cannot lower-case to a name (lower-casing shrinks a
     * rune at most from 3 bytes to 1, e.g. the Kelvin sign to 'k'). */
    if (len > 48)
        return INSTR_UNKNOWN;
    go_to_lower(&low, word, len);
    k = lookup_lower(low.buf, low.len);
    sb_release(&low);
    return k;
}

const struct flag_def *instr_flag(enum instr_kind k, const char *name,
                                  size_t len)
{
    if (k >= INSTR_COUNT)
        return NULL;
    for (const struct flag_def *f = instr_table[k].flags; f->name; f++)
        if (strlen(f->name) == len && memcmp(f->name, name, len) == 0)
            return f;
    return NULL;
}
