/*
 * lintreport.h: a build's check results as BuildKit and buildx print
 * them. Shared by `docksim lint` and the session's `docker build`.
 * Nothing here prints: text is appended to a struct sb.
 *
 *   docker build --check    lintreport_check(): stdout ("Check complete,
 *                           ..." then each warning as BuildKit's
 *                           LintResults.PrintTo writes it) and stderr
 *                           (the error, as buildx returns it)
 *   --call=check,format=json  lintreport_json(): the lint subrequest's
 *                           result.json
 *   docker build            lintreport_progress_warnings(): the "#1 WARN:"
 *                           lines of the progress; lintreport_build_
 *                           warnings(): buildx's closing "N warnings
 *                           found" list (printWarnings)
 *
 * Sources: moby/buildkit frontend/subrequests/lint/lint.go (PrintTo,
 * PrintErrorTo), solver/errdefs/source.go (Source.Print),
 * util/progress/progressui/printer.go; docker/buildx commands/build.go
 * (printResult, printWarnings).
 */
#ifndef LINTREPORT_H
#define LINTREPORT_H

#include "common.h"

struct sb;
struct build_result;

/* The Dockerfile the results are about. */
struct lint_source {
    const char *name;  /* as the snippets name it: "Dockerfile" */
    const char *data;  /* the file's bytes */
    size_t len;
};

/*
 * errdefs.Source.Print: "NAME:LINE", a dashed frame and the lines around
 * start..end (two lines of context around one line, one around several),
 * the range marked ">>>". Nothing if start is 0 or past the end.
 */
void lintreport_source(struct sb *out, const struct lint_source *src,
                       int start, int end);

/*
 * `docker build --check`: standard output into out, standard error into
 * err (the "ERROR: ..." text with its snippet, or nothing). Returns the
 * exit status buildx gives: 1 if there is an error or any warning, else 0.
 */
int lintreport_check(struct sb *out, struct sb *err,
                     const struct build_result *r,
                     const struct lint_source *src);

/*
 * The lint subrequest's result.json (json.MarshalIndent, two spaces, HTML
 * characters escaped as Go does), followed by a newline as buildx prints
 * it. The source's LLB definition is left out (docksim has none).
 */
void lintreport_json(struct sb *out, const struct build_result *r,
                     const struct lint_source *src);

/* How many distinct warnings a build shows (same rule, text and line
 * once, as the progress stream shows them). */
size_t lintreport_build_count(const struct build_result *r);

/* "#N WARN: Rule: message (line L)" for each distinct warning, in the
 * order they were raised (the lines of progress vertex N). */
void lintreport_progress_warnings(struct sb *out,
                                  const struct build_result *r, size_t vertex);

/*
 * buildx's printWarnings after a build's progress: "\n " then, in yellow
 * (ANSI escapes, as buildx writes them even when not on a terminal),
 * "N warning(s) found (use docker --debug to expand):\n", then
 * " - Rule: message (line L)" per warning. Nothing without warnings.
 */
void lintreport_build_warnings(struct sb *out, const struct build_result *r);

#endif /* LINTREPORT_H */
