A Dockerfile that does not parse: the layer-3 checks that ran before the
error are still reported; the error comes with its snippet; exit 1.
=== args
lint -
=== stdin
FROM alpine AS Build
MAINTAINER me@example.com
RUN echo \
    hi
BADCMD
=== stdout
Check complete, 2 warnings have been found!

WARNING: StageNameCasing - https://docs.docker.com/go/dockerfile/rule/stage-name-casing/
Stage name 'Build' should be lowercase
Dockerfile:1
--------------------
   1 | >>> FROM alpine AS Build
   2 |     MAINTAINER me@example.com
   3 |     RUN echo \
--------------------

WARNING: MaintainerDeprecated - https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/
Maintainer instruction is deprecated in favor of using label
Dockerfile:2
--------------------
   1 |     FROM alpine AS Build
   2 | >>> MAINTAINER me@example.com
   3 |     RUN echo \
   4 |         hi
--------------------

=== stderr
ERROR: dockerfile parse error on line 5: unknown instruction: BADCMD
Dockerfile:5
--------------------
   3 |     RUN echo \
   4 |         hi
   5 | >>> BADCMD
   6 |     
--------------------

=== exit
1
