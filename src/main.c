/* docksim: a teaching shell that simulates Docker. See cli.c. */
#include "cli.h"
#include "line_input.h"

int main(int argc, char **argv)
{
    static const struct cli_term term = { line_input_open };
    struct cli_io io = { stdout, stderr, stdin, &term };
    return cli_main(argc, argv, &io);
}
