A directory instead of a file
=== args
parse context
=== stdout
=== stderr
docksim: cannot read 'context': it is a directory (give the Dockerfile itself, e.g. 'context/Dockerfile')
=== exit
1
