Bad usage exits 2 with a message on stderr.
=== args
lint --format=xml lint/Dockerfile
=== stdout
=== stderr
docksim lint: --format takes text or json (not 'xml')
=== exit
2
