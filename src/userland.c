/*
 * userland.c: PROVISIONAL minimal programs (echo, true, false), replaced
 * by the full userland (shell interpreter, programs, stand-ins).
 */
#include "userland.h"

#include <string.h>

#include "sb.h"
#include "vfs.h"

int userland_exec(struct uctx *u, const char *path, const struct vfs_entry *e,
                  char *const *argv, size_t argc)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    (void)e;
    if (strcmp(base, "echo") == 0) {
        for (size_t i = 1; i < argc; i++) {
            if (i > 1)
                sb_addch(u->out, ' ');
            sb_adds(u->out, argv[i]);
        }
        sb_addch(u->out, '\n');
        return 0;
    }
    if (strcmp(base, "true") == 0)
        return 0;
    if (strcmp(base, "false") == 0)
        return 1;
    sb_adds(u->out, "[docksim: not simulated:");
    for (size_t i = 0; i < argc; i++)
        sb_addf(u->out, " %s", argv[i]);
    sb_adds(u->out, "]\n");
    return 0;
}
