No warnings: "Check complete, no warnings found." and exit 0.
=== args
lint -
=== stdin
FROM alpine
CMD ["echo", "hi"]
=== stdout
Check complete, no warnings found.
=== stderr
=== exit
0
