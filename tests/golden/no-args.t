docksim with no arguments prints the help too
=== args

=== stdout
docksim 0.1.0: a teaching shell that shows exactly what Docker does with a
Dockerfile, and why. It never runs Docker or anything else on this machine.

usage: docksim [--help] [--version] COMMAND [ARGS]

commands:
  docksim parse [--dump] [FILE|-]    read a Dockerfile as BuildKit does and list its instructions

Run 'docksim COMMAND --help' for a command's options.
Exit status: 0 ok (warnings allowed), 1 errors in the input, 2 bad usage.
=== stderr
=== exit
0
