docksim --help: the command list (stdout, exit 0)
=== args
--help
=== stdout
docksim 0.1.0: a teaching shell that shows exactly what Docker does with a
Dockerfile, and why. It never runs Docker or anything else on this machine.

usage: docksim [--context DIR] [-f DOCKERFILE] [-c LINE]... [--json] [--echo]
               [--quiet] [SCRIPT|-]
       docksim COMMAND [ARGS]
       docksim --help | --version

Without a COMMAND, docksim reads lines as if typed at its prompt (from SCRIPT,
standard input, or -c): Dockerfile lines build up the session's Dockerfile,
`docker ...` lines run simulated docker build/run/create/start/ps/images/
inspect/history/logs/rm/rmi/tag.

commands:
  docksim parse [--dump] [FILE|-]    read a Dockerfile as BuildKit does and list its instructions
  docksim lint [OPTIONS] [FILE|-]    BuildKit's build checks, as docker build --check prints them

Run 'docksim COMMAND --help' for a command's options.
Exit status: 0 ok (warnings allowed), 1 errors in the input, 2 bad usage.
=== stderr
=== exit
0
