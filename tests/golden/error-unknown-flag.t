An unknown flag with a case-sensitive suggestion (spec 4.1)
=== args
parse -
=== stdin
FROM alpine
RUN --netwrk=none echo hi
=== stdout
=== stderr
<stdin>:2: error: dockerfile parse error on line 2: unknown flag: --netwrk (did you mean network?)
=== exit
1
