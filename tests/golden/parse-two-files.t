parse takes one file
=== args
parse multistage.Dockerfile nul-bytes.Dockerfile
=== stdout
=== stderr
docksim parse: one file at a time ('multistage.Dockerfile' and 'nul-bytes.Dockerfile' given)
=== exit
2
