/* docksim: a teaching shell that simulates Docker. See cli.c. */
#include "cli.h"

int main(int argc, char **argv)
{
    struct cli_io io = { stdout, stderr, stdin };
    return cli_main(argc, argv, &io);
}
