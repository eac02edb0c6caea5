docksim --version
=== args
--version
=== stdout
docksim 0.1.0
=== stderr
=== exit
0
