-c lines run first, in order; with -c and no SCRIPT nothing is read from stdin
=== args
--echo -c :dockerfile -c :set
=== stdout
docksim> :dockerfile
The Dockerfile is empty: type an instruction such as FROM alpine.
docksim> :set
  color     off    colour in the output (the words stay the same) (on off)
  plain     on     ASCII only, words instead of symbols, no colour (on off)
  explain   full   full: a "why:" list after docker commands; short: without it (full short)
  notes     on     the line of feedback after each Dockerfile line (on off)
  warnings  on     docksim's own teaching warnings (BuildKit's build checks always show) (on off)
  version   28     the Docker whose words docksim uses: Engine 28 (CLI 28.2.2, BuildKit); no other is available yet (28)
| :set NAME VALUE changes one, e.g. :set explain short
=== stderr
=== exit
0
