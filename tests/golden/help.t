docksim --help: the command list (stdout, exit 0)
=== args
--help
=== stdout
docksim 0.1.0: a teaching shell that shows exactly what Docker does with a
Dockerfile, and why. It never runs Docker or anything else on this machine.

usage: docksim [OPTIONS]              the shell (stdin a terminal)
       docksim [OPTIONS] SCRIPT|-     lines as if typed, no prompt
       docksim --demo FILE            a classroom demo
       docksim COMMAND [ARGS]
       docksim --help | --version

At the docksim> prompt and in scripts, Dockerfile lines build up the session's
Dockerfile, `docker ...` lines run simulated docker build/run/create/start/
stop/kill/ps/images/inspect/history/logs/rm/rmi/tag, and : lines are docksim's
own commands (:help lists them).

options:
  --context=DIR    the build context of `docker build .` (read only)
  -f DOCKERFILE    start with this Dockerfile
  -c LINE          handle LINE first (repeatable; no shell then)
  --echo           print each line after its prompt, like a transcript
  --bail           stop at the first line that fails (exit status 1)
  --quiet          only what the terminal would show (no | commentary)
  --json           one JSON object per docker command
  --color=WHEN     auto (the default), always or never; auto honours NO_COLOR
  --plain          ASCII only, words instead of symbols, no colour
  --demo=FILE      play FILE for a classroom (:help demo)
  --delay=MS       --demo typing speed: MS a character (35)
  --lessons=DIR    the lessons directory (default: $DOCKSIM_LESSONS, ./lessons)
  --progress=FILE  lesson progress (default $XDG_STATE_HOME/docksim/progress)

commands:
  docksim parse [--dump] [FILE|-]    read a Dockerfile as BuildKit does and list its instructions
  docksim lint [OPTIONS] [FILE|-]    BuildKit's build checks, as docker build --check prints them
  docksim lessons check|list|paths   validate the lessons (check), list them, or the paths checks use

History is kept in $DOCKSIM_HISTFILE, else $XDG_STATE_HOME/docksim/history,
else ~/.local/state/docksim/history.
Run 'docksim COMMAND --help' for a command's options.
Exit status: 0 ok (warnings allowed), 1 errors in the input, 2 bad usage.
=== stderr
=== exit
0
