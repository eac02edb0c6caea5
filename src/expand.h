/*
 * expand.h: variable expansion, quote removal and word splitting exactly
 * as BuildKit's Dockerfile shell lexer does them (frontend/dockerfile/
 * shell/lex.go: ProcessWord, ProcessWords and ProcessWordWithMatches are
 * all one run of expand_process()).
 *
 * Text is handled like a Go string: any bytes, NUL included. The input is
 * read rune by rune as Go's text/scanner reads it: a leading U+FEFF is
 * skipped, an invalid UTF-8 byte reads as U+FFFD and comes out as its
 * 3-byte encoding. Bytes taken from variable values are copied unchanged
 * into the word (but, like BuildKit, re-encoded rune by rune in the split
 * words and in ${v%...} results).
 *
 *   struct expand_env env = { entries, n };
 *   struct expand_opts o = EXPAND_OPTS_INIT;
 *   struct expand_result r;
 *   if (expand_process(a, in, len, &o, expand_env_lookup, &env, &r))
 *       puts(r.error);      // "failed to process \"...\": ..."
 *
 * Ownership: everything in a result comes from the arena passed in; the
 * caller releases it with the arena. Temporary memory is freed before
 * expand_process() returns.
 */
#ifndef EXPAND_H
#define EXPAND_H

#include "common.h"

struct arena;

/*
 * Substitutions may nest (${a:-${b:-...}}) at most this deep; deeper input
 * fails with "syntax error: substitution nested too deeply" (BuildKit has
 * no limit; this only guards the C stack).
 */
#define EXPAND_MAX_DEPTH 1000

/* Lexer options (the fields of BuildKit's shell.Lex). */
struct expand_opts {
    long escape;              /* escape token: '\\' or '`' */
    bool raw_quotes;          /* keep the quote characters in the result */
    bool raw_escapes;         /* keep escape characters outside ${} words */
    bool skip_unset_env;      /* leave $x / ${x...} as written if x unset */
    bool skip_process_quotes; /* quotes are ordinary characters */
};

#define EXPAND_OPTS_INIT { '\\', false, false, false, false }

/*
 * Look a variable up. On a hit store the value (borrowed; it must stay
 * valid until expand_process() returns; any bytes) and return true.
 * Names are case-sensitive (Linux); name is NUL-terminated, name_len is
 * its length.
 */
typedef bool expand_lookup_fn(void *ctx, const char *name, size_t name_len,
                              const char **value, size_t *value_len);

/*
 * A build environment as a list of "KEY=VALUE" strings, with BuildKit's
 * BuildEnvs rules: a later entry for the same key wins, an entry without
 * '=' sets that whole string as a key with the empty value.
 */
struct expand_env {
    const char *const *entries; /* borrowed, NUL-terminated */
    size_t n_entries;
};

/* expand_lookup_fn over a struct expand_env (ctx). */
bool expand_env_lookup(void *ctx, const char *name, size_t name_len,
                       const char **value, size_t *value_len);

struct expand_result {
    char *word;        /* ProcessWord: the expanded text ("" on error) */
    size_t word_len;   /* may hold NUL bytes */
    char **words;      /* ProcessWords: the split words (none on error) */
    size_t *word_lens; /* length of each of words[] */
    size_t n_words;    /* 0 where Go returns nil */
    char **matched;    /* names looked up and found, first-seen order */
    size_t n_matched;
    char **unmatched; /* names looked up and not set, first-seen order */
    size_t n_unmatched;
    char *error;      /* NULL on success, else the full message */
    size_t error_len; /* the message may hold NUL bytes */
};

/*
 * Expand in[0..len) under options o (NULL: EXPAND_OPTS_INIT) with the
 * variables of lookup/ctx. Fills *out (all of it, also on error; the name
 * lists cover the lookups made before the error). Returns 0, or -1 with
 * out->error set to BuildKit's message, e.g.
 * `failed to process "${x": unsupported modifier (\uFFFD) in substitution`.
 */
int expand_process(struct arena *a, const char *in, size_t len,
                   const struct expand_opts *o, expand_lookup_fn *lookup,
                   void *ctx, struct expand_result *out);

#endif /* EXPAND_H */
