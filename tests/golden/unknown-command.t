A mistyped command: did-you-mean on stderr, usage error (exit 2)
=== args
pares
=== stdout
=== stderr
docksim: unknown command 'pares' (did you mean 'parse'?)
Run 'docksim --help' for the list of commands.
=== exit
2
