An unknown option of parse: the message and the usage on stderr, exit 2
=== args
parse --bogus
=== stdout
=== stderr
docksim parse: unknown option '--bogus'
usage: docksim parse [--dump] [FILE|-]

Reads a Dockerfile exactly as Docker's BuildKit frontend does (directives,
continuations, JSON vs shell form, heredocs, flags, stages) and lists its
instructions: lines, form, flags, and what each does and when.

  FILE     the Dockerfile (default: ./Dockerfile); - reads standard input
  --dump   print BuildKit's AST dump instead (as its parser test files do)
  --help   this text

Errors and warnings go to standard error as FILE:LINE: messages, with
BuildKit's exact wording. Exit status: 0 ok (warnings allowed), 1 errors,
2 bad usage.
=== exit
2
