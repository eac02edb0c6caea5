/*
 * table.h: the Dockerfile reference's "how CMD and ENTRYPOINT interact"
 * matrix, computed by docksim's own build and run rules (not typed in):
 * rows no ENTRYPOINT / shell form / exec form, columns no CMD / exec CMD /
 * CMD as default parameters / shell CMD. With an image, the rows and
 * columns use that image's own ENTRYPOINT and CMD, and its cell is marked.
 */
#ifndef TABLE_H
#define TABLE_H

#include "common.h"
#include "imgconfig.h"

struct ep_cmd_table {
    char *row_label[3];
    char *col_label[4];
    struct strlist cell[3][4]; /* PID 1's argv; null: no command specified */
    int mark_row, mark_col;    /* the image's own cell, or -1 */
};

/* Compute the table (img NULL: the reference's exec_entry/p1_cmd values). */
void ep_cmd_table_compute(const struct image_config *img,
                          struct ep_cmd_table *t);
void ep_cmd_table_release(struct ep_cmd_table *t);

#endif /* TABLE_H */
