A parser error: JSON array with a non-string; nothing to dump
=== args
parse --dump -
=== stdin
FROM alpine
CMD ["echo", 1]
=== stdout
=== stderr
<stdin>:2: error: when using JSON array syntax, arrays must be comprised of strings only
=== exit
1
