docksim with no arguments and no terminal reads lines from standard input (here: none)
=== args

=== stdout
=== stderr
=== exit
0
