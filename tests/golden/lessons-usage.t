docksim lessons without a subcommand: usage on stderr, exit 2.
=== args
lessons
=== stdout
=== stderr
usage: docksim lessons check [--dir DIR] [--warnings] [PATH...]
       docksim lessons list [--dir DIR]
       docksim lessons paths

  check     validate lessons: each step starts unsolved, its solution solves
            it, solutions use only allowed lines, every [try] fires its
            feedback rule, results are deterministic. PATH is a lessons
            directory (with an index) or one .lesson file.
  list      the lessons of the index, track by track
  paths     the state paths and operators a check can use

  --dir DIR   the lessons directory (default: $DOCKSIM_LESSONS, ./lessons,
              or lessons/ next to docksim)
  --warnings  also print warnings (an earlier step that a later solution
              undoes, a feedback rule no [try] tests)
  --help      this text

Exit status: 0 all lessons pass, 1 a lesson failed or cannot be read, 2 bad
usage.
=== exit
2
