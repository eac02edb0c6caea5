/*
 * cli_lessons.c: `docksim lessons check|list|paths`.
 *
 *   docksim lessons check [--dir DIR] [--warnings] [PATH...]
 *       the machine validation of teaching.md §4.6 (lessoncheck.h) for
 *       the lessons in DIR (its index and every lesson it lists, plus any
 *       DIR/en/ID.lesson files it forgets) or for each PATH (a lessons directory
 *       or one .lesson file). Prints `file:line: message` per problem,
 *       then `lessons: N checked, M failed`; exit 1 if any failed.
 *   docksim lessons list [--dir DIR]
 *       the tracks and lessons of the index, in order.
 *   docksim lessons paths
 *       the state model's paths and operators, for lesson authors.
 *
 * Without --dir or PATH the lessons are found as lesson_default_dir says
 * ($DOCKSIM_LESSONS, ./lessons, next to the program).
 *
 * Counting: N is the lessons checked (an index entry whose file is
 * missing counts, and fails); an index with problems of its own counts
 * as one more failed item.
 */
#include "cli.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lesson.h"
#include "lessoncheck.h"
#include "sb.h"
#include "statemodel.h"
#include "xmalloc.h"

static void lessons_usage(FILE *f)
{
    fprintf(f,
            "usage: docksim lessons check [--dir DIR] [--warnings] [PATH...]\n"
            "       docksim lessons list [--dir DIR]\n"
            "       docksim lessons paths\n\n"
            "  check     validate lessons: each step starts unsolved, its "
            "solution solves\n"
            "            it, solutions use only allowed lines, every [try] "
            "fires its\n"
            "            feedback rule, results are deterministic. PATH is "
            "a lessons\n"
            "            directory (with an index) or one .lesson file.\n"
            "  list      the lessons of the index, track by track\n"
            "  paths     the state paths and operators a check can use\n\n"
            "  --dir DIR   the lessons directory (default: $DOCKSIM_LESSONS, "
            "./lessons,\n"
            "              or lessons/ next to docksim)\n"
            "  --warnings  also print warnings (an earlier step that a later "
            "solution\n"
            "              undoes, a feedback rule no [try] tests)\n"
            "  --help      this text\n\n"
            "Exit status: 0 all lessons pass, 1 a lesson failed or cannot "
            "be read, 2 bad\nusage.\n");
}

struct tally {
    struct lesson_diags d;
    size_t checked, failed, warnings;
    bool show_warnings;
    FILE *out;
};

/* Print and forget the problems collected so far; true if any error. */
static bool flush(struct tally *t)
{
    bool err = false;
    struct sb o = SB_INIT;
    for (size_t i = 0; i < t->d.n; i++) {
        const struct lesson_diag *g = &t->d.v[i];
        if (g->warning) {
            t->warnings++;
            if (!t->show_warnings)
                continue;
        } else {
            err = true;
        }
        if (g->line > 0)
            sb_addf(&o, "%s:%d: ", g->file, g->line);
        else
            sb_addf(&o, "%s: ", g->file);
        sb_addf(&o, "%s%s\n", g->warning ? "warning: " : "", g->msg);
    }
    fwrite(o.buf, 1, o.len, t->out);
    sb_release(&o);
    lesson_diags_release(&t->d);
    lesson_diags_init(&t->d);
    return err;
}

/* The file name's stem: "dir/en/x.lesson" -> "x". */
static char *stem(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (n > 7 && strcmp(b + n - 7, ".lesson") == 0)
        n -= 7;
    return xmemdup0(b, n);
}

/* Validate one parsed lesson (the parse went fine). */
static void validate(struct tally *t, const struct lesson *l,
                     const char *expect_id)
{
    if (expect_id && l->id && strcmp(l->id, expect_id) != 0)
        lesson_diag_add(&t->d, l->file, l->id_line, false,
                        "lesson id '%s' does not match its file name "
                        "('%s.lesson')",
                        l->id, expect_id);
    lesson_validate(l, &t->d);
}

static void check_file(struct tally *t, const char *path)
{
    struct lesson l;
    t->checked++;
    char *id = stem(path);
    if (lesson_load(&l, path, &t->d) == 0)
        validate(t, &l, id);
    free(id);
    lesson_release(&l);
    if (flush(t))
        t->failed++;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void check_dir(struct tally *t, const char *dir)
{
    struct lesson_library lib;
    lesson_library_load(&lib, dir, NULL, &t->d);
    struct sb idx = SB_INIT;
    sb_addf(&idx, "%s/index", dir);
    /* the index's own problems count as one more failed item; a missing
     * or unreadable lesson counts as that lesson failing (below) */
    flush(t);
    if (!lib.index_ok) {
        t->checked++;
        t->failed++;
    }
    /* each lesson of the index, in order */
    size_t k = 0;
    for (size_t tr = 0; tr < lib.index.n_tracks; tr++) {
        const struct lesson_track *track = &lib.index.tracks[tr];
        for (size_t i = 0; i < track->n; i++, k++) {
            const struct lesson *l = lib.lessons[k];
            t->checked++;
            if (!l) {
                /* its load problem was printed with the index's */
                t->failed++;
                continue;
            }
            for (size_t r = 0; r < l->n_requires; r++)
                if (!lesson_library_find(&lib, l->requires[r]))
                    lesson_diag_add(&t->d, l->file, l->requires_line, false,
                                    "requires '%s', which is not in %s",
                                    l->requires[r], idx.buf);
            validate(t, l, track->lessons[i]);
            if (flush(t))
                t->failed++;
        }
    }
    /* lessons the index forgets */
    struct sb langdir = SB_INIT;
    sb_addf(&langdir, "%s/%s", dir, lib.lang);
    DIR *dd = opendir(langdir.buf);
    char **extra = NULL;
    size_t n_extra = 0;
    for (struct dirent *e; dd && (e = readdir(dd)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (n <= 7 || strcmp(e->d_name + n - 7, ".lesson") != 0)
            continue;
        char *id = xmemdup0(e->d_name, n - 7);
        if (!lesson_library_find(&lib, id)) {
            extra = xreallocarray(extra, n_extra + 1, sizeof(*extra));
            extra[n_extra++] = id;
        } else {
            free(id);
        }
    }
    if (dd)
        closedir(dd);
    if (n_extra)
        qsort(extra, n_extra, sizeof(*extra), cmp_str);
    for (size_t i = 0; i < n_extra; i++) {
        struct sb path = SB_INIT;
        sb_addf(&path, "%s/%s.lesson", langdir.buf, extra[i]);
        bool listed = false;
        for (size_t tr = 0; tr < lib.index.n_tracks && !listed; tr++)
            for (size_t j = 0; j < lib.index.tracks[tr].n; j++)
                listed = listed ||
                         strcmp(lib.index.tracks[tr].lessons[j], extra[i]) == 0;
        if (!listed)
            lesson_diag_add(&t->d, path.buf, 0, false,
                            "not listed in %s (add its id to a track)",
                            idx.buf);
        struct lesson l;
        if (lesson_load(&l, path.buf, &t->d) == 0)
            validate(t, &l, extra[i]);
        lesson_release(&l);
        t->checked++;
        if (flush(t))
            t->failed++;
        sb_release(&path);
        free(extra[i]);
    }
    free(extra);
    sb_release(&langdir);
    sb_release(&idx);
    lesson_library_release(&lib);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* --dir DIR / --dir=DIR at argv[*i]: the value, NULL if not that option;
 * *bad is set when the value is missing. */
static const char *dir_opt(int argc, char **argv, int *i, bool *bad)
{
    const char *a = argv[*i];
    if (strncmp(a, "--dir=", 6) == 0)
        return a + 6;
    if (strcmp(a, "--dir") != 0)
        return NULL;
    if (*i + 1 >= argc) {
        *bad = true;
        return NULL;
    }
    return argv[++*i];
}

static const char *getenv_fn(const char *name)
{
    return getenv(name);
}

static char *lessons_dir(const char *given, const struct cli_io *io)
{
    if (given)
        return xstrdup(given);
    char *d = lesson_default_dir(getenv_fn);
    if (!d)
        fprintf(io->err, "docksim lessons: no lessons directory found (set "
                         "DOCKSIM_LESSONS or give --dir DIR)\n");
    return d;
}

static int do_check(int argc, char **argv, const struct cli_io *io)
{
    struct tally t;
    memset(&t, 0, sizeof(t));
    lesson_diags_init(&t.d);
    t.out = io->out;
    const char *dir = NULL;
    char **paths = xcalloc((size_t)argc + 1, sizeof(*paths));
    size_t n_paths = 0;
    for (int i = 1; i < argc; i++) {
        bool bad = false;
        const char *v = dir_opt(argc, argv, &i, &bad);
        if (bad) {
            fprintf(io->err, "docksim lessons: --dir needs a directory\n");
            free(paths);
            return EXIT_USAGE;
        }
        if (v) {
            dir = v;
        } else if (strcmp(argv[i], "--warnings") == 0 ||
                   strcmp(argv[i], "-W") == 0) {
            t.show_warnings = true;
        } else if (strcmp(argv[i], "--help") == 0 ||
                   strcmp(argv[i], "-h") == 0) {
            lessons_usage(io->out);
            free(paths);
            return EXIT_OK;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(io->err, "docksim lessons check: unknown option '%s'\n",
                    argv[i]);
            lessons_usage(io->err);
            free(paths);
            return EXIT_USAGE;
        } else {
            paths[n_paths++] = argv[i];
        }
    }
    if (!n_paths) {
        char *d = lessons_dir(dir, io);
        if (!d) {
            free(paths);
            return EXIT_USAGE;
        }
        check_dir(&t, d);
        free(d);
    } else {
        if (dir)
            check_dir(&t, dir);
        for (size_t i = 0; i < n_paths; i++) {
            if (is_dir(paths[i]))
                check_dir(&t, paths[i]);
            else
                check_file(&t, paths[i]);
        }
    }
    if (t.warnings && !t.show_warnings)
        fprintf(io->out, "lessons: %zu warning%s not shown (--warnings shows "
                         "them)\n",
                t.warnings, t.warnings == 1 ? "" : "s");
    fprintf(io->out, "lessons: %zu checked, %zu failed\n", t.checked,
            t.failed);
    lesson_diags_release(&t.d);
    free(paths);
    return t.failed ? EXIT_INPUT : EXIT_OK;
}

static int do_list(int argc, char **argv, const struct cli_io *io)
{
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        bool bad = false;
        const char *v = dir_opt(argc, argv, &i, &bad);
        if (!v || bad) {
            fprintf(io->err, "docksim lessons list: unexpected '%s'\n",
                    argv[i]);
            lessons_usage(io->err);
            return EXIT_USAGE;
        }
        dir = v;
    }
    char *d = lessons_dir(dir, io);
    if (!d)
        return EXIT_USAGE;
    struct lesson_diags diags;
    lesson_diags_init(&diags);
    struct lesson_library lib;
    int rc = lesson_library_load(&lib, d, NULL, &diags);
    struct sb o = SB_INIT;
    size_t k = 0;
    for (size_t tr = 0; tr < lib.index.n_tracks; tr++) {
        const struct lesson_track *track = &lib.index.tracks[tr];
        sb_addf(&o, "%s%s%s\n", track->id, track->title ? ": " : "",
                track->title ? track->title : "");
        for (size_t i = 0; i < track->n; i++, k++) {
            const struct lesson *l = lib.lessons[k];
            sb_addf(&o, "  %-22s", track->lessons[i]);
            if (l) {
                sb_addf(&o, " %s (%zu step%s", l->title, l->n_steps,
                        l->n_steps == 1 ? "" : "s");
                if (l->minutes)
                    sb_addf(&o, ", %d min", l->minutes);
                sb_adds(&o, ")");
            } else {
                sb_adds(&o, " (cannot be read)");
            }
            sb_addch(&o, '\n');
        }
    }
    fwrite(o.buf, 1, o.len, io->out);
    sb_reset(&o);
    lesson_diags_format(&o, &diags);
    fwrite(o.buf, 1, o.len, io->err);
    sb_release(&o);
    lesson_library_release(&lib);
    lesson_diags_release(&diags);
    free(d);
    return rc < 0 ? EXIT_INPUT : EXIT_OK;
}

int cli_lessons(int argc, char **argv, const struct cli_io *io)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        lessons_usage(argc < 2 ? io->err : io->out);
        return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
    if (strcmp(argv[1], "check") == 0)
        return do_check(argc - 1, argv + 1, io);
    if (strcmp(argv[1], "list") == 0)
        return do_list(argc - 1, argv + 1, io);
    if (strcmp(argv[1], "paths") == 0 && argc == 2) {
        struct sb o = SB_INIT;
        sm_paths_help(&o);
        fwrite(o.buf, 1, o.len, io->out);
        sb_release(&o);
        return EXIT_OK;
    }
    fprintf(io->err, "docksim lessons: unknown command '%s'\n", argv[1]);
    lessons_usage(io->err);
    return EXIT_USAGE;
}
