The seed blog post's ENTRYPOINT claims: run arguments are appended to the
ENTRYPOINT ("Hello, World! Welcome"), and the one wrong claim that an
ENTRYPOINT is never overwritten: `docker run --entrypoint` replaces it.
=== args
--echo -
=== stdin
# The blog post's ENTRYPOINT example: arguments are appended.
FROM ubuntu:latest
ENTRYPOINT ["echo", "Hello, World!"]
docker build -t my-image .
docker run my-image
docker run my-image "Welcome"
# "ENTRYPOINT is never overwritten": it is, with --entrypoint.
docker run --entrypoint echo my-image Bye
=== stdout
docksim> # The blog post's ENTRYPOINT example: arguments are appended.
docksim> FROM ubuntu:latest
| line 1: FROM: a new stage from ubuntu:latest (build time, no layer)
docksim> ENTRYPOINT ["echo", "Hello, World!"]
| line 2: ENTRYPOINT: exec form, CMD and run arguments are appended; program ["echo", "Hello, World!"] (container start, no layer)
docksim> docker build -t my-image .
| why:
|   1. (line 2) ENTRYPOINT resets the CMD inherited from the base image (["/bin/bash"] was dropped). Only a CMD written in this stage survives an ENTRYPOINT.
docksim> docker run my-image
| PID 1: ["echo", "Hello, World!"]
|   as a command line: echo 'Hello, World!'
|   ["echo", "Hello, World!"] from the image ENTRYPOINT
Hello, World!
| exit code 0
docksim> docker run my-image "Welcome"
| PID 1: ["echo", "Hello, World!", "Welcome"]
|   as a command line: echo 'Hello, World!' Welcome
|   ["echo", "Hello, World!"] from the image ENTRYPOINT
|   ["Welcome"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["echo", "Hello, World!"].
Hello, World! Welcome
| exit code 0
docksim> # "ENTRYPOINT is never overwritten": it is, with --entrypoint.
docksim> docker run --entrypoint echo my-image Bye
| PID 1: ["echo", "Bye"]
|   as a command line: echo Bye
|   ["echo"] from the docker run --entrypoint
|   ["Bye"] from the docker run arguments
| why:
|   1. docker run --entrypoint replaces the image's ENTRYPOINT (as one word, never split on spaces).
Bye
| exit code 0
=== stderr
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 56B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/ubuntu:latest
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/1] FROM docker.io/library/ubuntu:latest
#4 DONE 0.0s

#5 exporting to image
#5 exporting layers done
#5 writing image sha256:9b29337f99d96607402dea7d20fdd1ae447d381d6d745bc8b66b16fae0df12d7 done
#5 naming to docker.io/library/my-image:latest done
#5 DONE 0.0s
=== exit
0
