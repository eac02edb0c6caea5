--build-arg BUILDKIT_DOCKERFILE_CHECK=... overrides the # check= directive,
and --target checks only that stage and the stages it needs.
=== args
lint --build-arg BUILDKIT_DOCKERFILE_CHECK=skip=JSONArgsRecommended --target=app -
=== stdin
# check=skip=FromAsCasing
FROM alpine as base
CMD echo base
FROM scratch AS unused
ENV a b
FROM base AS app
CMD echo app
=== stdout
Check complete, 1 warning has been found!

WARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/
'as' and 'FROM' keywords' casing do not match
Dockerfile:2
--------------------
   1 |     # check=skip=FromAsCasing
   2 | >>> FROM alpine as base
   3 |     CMD echo base
   4 |     FROM scratch AS unused
--------------------
=== stderr
=== exit
0
