/*
 * ignore.h: .dockerignore as BuildKit reads and applies it
 * (moby/patternmatcher: ignorefile.ReadAll, then PatternMatcher), used to
 * leave files out of the build context and by the CopyIgnoredFile check.
 *
 *   struct ignore ig;
 *   char *err;
 *   if (ignore_init(&ig, text, len, &err) < 0) { ... free(err); }
 *   bool out = ignore_matches(&ig, "src/app.py");
 *   ignore_release(&ig);
 *
 * Paths are slash-separated and relative to the context ("a/b.txt"),
 * without a leading "./" (clean them with go_path_clean first).
 */
#ifndef IGNORE_H
#define IGNORE_H

#include "common.h"

struct sb;
struct ignore_pattern;

struct ignore {
    struct ignore_pattern *patterns;
    size_t n;
    bool exclusions; /* some pattern starts with '!' */
};

/*
 * Read a .dockerignore (ReadAll + New). Returns 0, or -1 with *err (a
 * malloc'd message: `illegal exclusion pattern: "!"`, `syntax error in
 * pattern`); ig is then empty but valid for ignore_release.
 */
int ignore_init(struct ignore *ig, const char *text, size_t len, char **err);
void ignore_release(struct ignore *ig);

/* PatternMatcher.MatchesOrParentMatches: the last pattern that matches
 * path or one of its parent directories decides. */
bool ignore_matches(const struct ignore *ig, const char *path);

/* The cleaned text of pattern i (without its '!'), and whether it is an
 * exclusion ('!'), as Pattern.String()/Exclusion() give them. */
const char *ignore_pattern_text(const struct ignore *ig, size_t i);
bool ignore_pattern_exclusion(const struct ignore *ig, size_t i);

/* Go's path.Clean of s[0..len) into out ("" becomes "."). */
void go_path_clean(struct sb *out, const char *s, size_t len);

#endif /* IGNORE_H */
