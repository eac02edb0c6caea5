A file that does not exist
=== args
parse no-such.Dockerfile
=== stdout
=== stderr
docksim: cannot read 'no-such.Dockerfile': No such file or directory
=== exit
1
