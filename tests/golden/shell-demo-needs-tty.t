--demo waits for key presses: without a terminal it refuses
=== args
--demo script.txt
=== stdout
=== stderr
docksim: --demo needs a terminal: it waits for key presses
=== exit
2
