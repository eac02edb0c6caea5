--color takes auto, always or never
=== args
--color=sometimes
=== stdout
=== stderr
docksim: --color takes auto, always or never, not 'sometimes'
usage: docksim [OPTIONS] [SCRIPT|-]

With a terminal and no SCRIPT, docksim is an interactive shell; otherwise it
reads lines as if typed at its prompt. Options:
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

Exit status: 0 if every line worked, 1 if one failed, 2 bad usage.
=== exit
2
