docker build --check with error=true: the warning on stdout, the error on
stderr, exit 1; no vertex is marked as failed.
=== args
--quiet --echo -
=== stdin
# check=error=true
FROM alpine
ENV a b
docker build --check .
=== stdout
docksim> # check=error=true
docksim> FROM alpine
docksim> ENV a b
docksim> docker build --check .
Check complete, 1 warning has been found!

WARNING: LegacyKeyValueFormat - https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/
"ENV key=value" should be used instead of legacy "ENV key value" format
Dockerfile:3
--------------------
   1 |     # check=error=true
   2 |     FROM alpine
   3 | >>> ENV a b
   4 |     
--------------------

=== stderr
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 39B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:latest
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s
ERROR: lint violation found for rules: LegacyKeyValueFormat

=== exit
1
