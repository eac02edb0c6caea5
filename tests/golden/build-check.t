docker build --check in the session: the lint request's progress (no build
steps) on stderr, the result on stdout; warnings make it exit 1. A plain
build then shows the warnings on the Dockerfile's vertex (#1 WARN:) and
buildx's closing list (in yellow, as buildx writes it even to a pipe).
=== args
--quiet --echo -
=== stdin
FROM alpine as base
CMD echo hi
docker build --check .
docker build -t x .
=== stdout
docksim> FROM alpine as base
docksim> CMD echo hi
docksim> docker build --check .
Check complete, 2 warnings have been found!

WARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/
'as' and 'FROM' keywords' casing do not match
Dockerfile:1
--------------------
   1 | >>> FROM alpine as base
   2 |     CMD echo hi
   3 |     
--------------------

WARNING: JSONArgsRecommended - https://docs.docker.com/go/dockerfile/rule/json-args-recommended/
JSON arguments recommended for CMD to prevent unintended behavior related to OS signals
Dockerfile:2
--------------------
   1 |     FROM alpine as base
   2 | >>> CMD echo hi
   3 |     
--------------------
docksim> docker build -t x .
=== stderr escaped
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 32B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:latest
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 32B done
#1 WARN: FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)
#1 WARN: JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 2)
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/alpine:latest
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [base 1/1] FROM docker.io/library/alpine:latest
#4 DONE 0.0s

#5 exporting to image
#5 exporting layers done
#5 writing image sha256:2a1bc45edd6bcba4661fabb2b25ed6137cbe738cbc86bb744f2c041b564bf877 done
#5 naming to docker.io/library/x:latest done
#5 DONE 0.0s

 \0033[33m2 warnings found (use docker --debug to expand):
\0033[0m - FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)
 - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 2)
=== exit
1
