An unknown flag with a case-sensitive suggestion (spec 4.1)
=== args
parse -
=== stdin
FROM alpine
RUN --netwrk=none echo hi
=== stdout
stage 0: FROM alpine
  1       FROM alpine
          build time: starts a build stage from a base image (its files and its
          configuration), scratch, or an earlier stage
=== stderr
<stdin>:2: error: dockerfile parse error on line 2: unknown flag: --netwrk (did you mean network?)
=== exit
1
