#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "sb.h"
#include "xmalloc.h"

/* Is l the shell form of a Dockerfile line, i.e. /bin/sh -c "text"? */
static bool is_shell_form(const struct strlist *l, const struct strlist *shell)
{
    if (shell->n) {
        if (l->n != shell->n + 1)
            return false;
        for (size_t i = 0; i < shell->n; i++)
            if (strcmp(l->v[i], shell->v[i]) != 0)
                return false;
        return true;
    }
    return l->n == 3 && strcmp(l->v[0], "/bin/sh") == 0 &&
           strcmp(l->v[1], "-c") == 0;
}

static void set_list(struct strlist *l, const char *const *v)
{
    strlist_release(l);
    strlist_set_empty(l);
    for (; *v; v++)
        strlist_push(l, *v);
}

/* withShell: the default shell + the words joined by spaces */
static void shellify(struct strlist *out, const struct strlist *words,
                     const struct strlist *shell)
{
    struct sb j = SB_INIT;
    for (size_t i = 0; i < words->n; i++)
        sb_addf(&j, "%s%s", i ? " " : "", words->v[i]);
    strlist_release(out);
    strlist_set_empty(out);
    if (shell->n) {
        for (size_t i = 0; i < shell->n; i++)
            strlist_push(out, shell->v[i]);
    } else {
        strlist_push(out, "/bin/sh");
        strlist_push(out, "-c");
    }
    strlist_push(out, j.buf);
    sb_release(&j);
}

/* A shell-form text as words (for the exec-form rows and columns). */
static void split_words(struct strlist *out, const char *text)
{
    strlist_release(out);
    strlist_set_empty(out);
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        const char *e = p;
        while (*e && *e != ' ' && *e != '\t')
            e++;
        strlist_pushn(out, p, (size_t)(e - p));
        p = e;
    }
}

static char *label(const char *kw, const struct strlist *l, bool shell_form)
{
    struct sb s = SB_INIT;
    sb_addf(&s, "%s ", kw);
    if (shell_form) {
        for (size_t i = 0; i < l->n; i++)
            sb_addf(&s, "%s%s", i ? " " : "", l->v[i]);
    } else {
        strlist_to_json_inline(&s, l);
    }
    return sb_detach(&s, NULL);
}

void ep_cmd_table_compute(const struct image_config *img,
                          struct ep_cmd_table *t)
{
    static const char *const d_entry[] = { "exec_entry", "p1_entry", NULL };
    static const char *const d_cmd[] = { "exec_cmd", "p1_cmd", NULL };
    static const char *const d_params[] = { "p1_cmd", "p2_cmd", NULL };
    struct strlist entry, cmd, params, noshell;
    strlist_init(&entry);
    strlist_init(&cmd);
    strlist_init(&params);
    strlist_init(&noshell);
    memset(t, 0, sizeof(*t));
    t->mark_row = t->mark_col = -1;
    const struct strlist *shell = img ? &img->shell : &noshell;
    set_list(&entry, d_entry);
    set_list(&cmd, d_cmd);
    set_list(&params, d_params);
    if (img) {
        /* the image's own values (its shell-form text if written so) */
        if (img->entrypoint.n) {
            if (is_shell_form(&img->entrypoint, shell)) {
                split_words(&entry, img->entrypoint.v[img->entrypoint.n - 1]);
                t->mark_row = 1;
            } else {
                strlist_copy(&entry, &img->entrypoint);
                t->mark_row = 2;
            }
        } else {
            t->mark_row = 0;
        }
        if (img->cmd.n) {
            if (is_shell_form(&img->cmd, shell)) {
                split_words(&cmd, img->cmd.v[img->cmd.n - 1]);
                t->mark_col = 3;
            } else {
                strlist_copy(&cmd, &img->cmd);
                strlist_copy(&params, &img->cmd);
                t->mark_col = img->entrypoint.n ? 2 : 1;
            }
        } else {
            t->mark_col = 0;
        }
    }
    t->row_label[0] = xstrdup("No ENTRYPOINT");
    t->row_label[1] = label("ENTRYPOINT", &entry, true);
    t->row_label[2] = label("ENTRYPOINT", &entry, false);
    t->col_label[0] = xstrdup("No CMD");
    t->col_label[1] = label("CMD", &cmd, false);
    t->col_label[2] = label("CMD", &params, false);
    {
        struct sb l = SB_INIT;
        sb_adds(&l, t->col_label[2]);
        sb_adds(&l, " as parameters");
        free(t->col_label[2]);
        t->col_label[2] = sb_detach(&l, NULL);
    }
    t->col_label[3] = label("CMD", &cmd, true);
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 4; c++) {
            struct image_config cfg;
            image_config_init(&cfg);
            strlist_copy(&cfg.shell, shell);
            if (r == 1)
                shellify(&cfg.entrypoint, &entry, shell);
            else if (r == 2)
                strlist_copy(&cfg.entrypoint, &entry);
            if (c == 1)
                strlist_copy(&cfg.cmd, &cmd);
            else if (c == 2)
                strlist_copy(&cfg.cmd, &params);
            else if (c == 3)
                shellify(&cfg.cmd, &cmd, shell);
            struct run_request rq;
            run_request_init(&rq);
            strlist_init(&t->cell[r][c]);
            run_argv(&cfg, &rq, &t->cell[r][c]);
            run_request_release(&rq);
            image_config_release(&cfg);
        }
    strlist_release(&entry);
    strlist_release(&cmd);
    strlist_release(&params);
    strlist_release(&noshell);
}

void ep_cmd_table_release(struct ep_cmd_table *t)
{
    for (int i = 0; i < 3; i++)
        free(t->row_label[i]);
    for (int i = 0; i < 4; i++)
        free(t->col_label[i]);
    for (int r = 0; r < 3; r++)
        for (int c = 0; c < 4; c++)
            strlist_release(&t->cell[r][c]);
    memset(t, 0, sizeof(*t));
}
