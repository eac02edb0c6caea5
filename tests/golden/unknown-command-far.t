An unknown command too far from any command: no suggestion
=== args
frobnicate
=== stdout
=== stderr
docksim: unknown command 'frobnicate'
Run 'docksim --help' for the list of commands.
=== exit
2
