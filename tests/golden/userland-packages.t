Package installs in a build (issue 4 item 1): apt-get install -y after
apt-get update and apk add put the package's programs into the image;
apt-get install without package lists fails (exit 100); a command
docksim cannot simulate is shown as "not simulated" in the build output
and does not fail the build.
=== args
--echo -
=== stdin
# issue 4 item 1: package installs make programs present
docker run debian which curl
FROM debian
RUN apt-get update && apt-get install -y curl
docker build -q -t deb-curl .
docker run deb-curl which curl
:new
FROM alpine
RUN apk add --no-cache curl
docker build -q -t alp-curl .
docker run alp-curl which curl
# without apt-get update there are no package lists: the build fails
:new
FROM debian
RUN apt-get install -y curl
docker build -t no-lists .
# a program that exists but that docksim cannot run is recorded, not failed
:new
FROM golang
RUN gcc -o /usr/local/bin/hello hello.c
docker build -t not-sim .
=== stdout
docksim> # issue 4 item 1: package installs make programs present
docksim> docker run debian which curl
| PID 1: ["which", "curl"]
|   as a command line: which curl
|   ["which", "curl"] from the docker run arguments
| why:
|   1. debian:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. The words after the image name replace the image's whole CMD ["bash"]; the first word is the program to run.
| exit code 1
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> RUN apt-get update && apt-get install -y curl
| line 2: RUN: shell form, runs ["/bin/sh", "-c", "apt-get update && apt-get install -y curl"] (build time, new layer)
docksim> docker build -q -t deb-curl .
| why:
|   1. apt-get update downloads the package lists. Debian and Ubuntu images ship without them, so it must come before apt-get install, in the same RUN (a separate, cached update layer goes stale).
sha256:44310d672448fc8356309458e62c1babea668a402c117cb8f908526506e07e6e
docksim> docker run deb-curl which curl
| PID 1: ["which", "curl"]
|   as a command line: which curl
|   ["which", "curl"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["bash"]; the first word is the program to run.
/usr/bin/curl
| exit code 0
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM alpine
| line 1: FROM: a new stage from alpine (build time, no layer)
docksim> RUN apk add --no-cache curl
| line 2: RUN: shell form, runs ["/bin/sh", "-c", "apk add --no-cache curl"] (build time, new layer)
docksim> docker build -q -t alp-curl .
sha256:0c8439bf89019f8e72d268173a362aa2f8e7803e54ab39be28584aea343945a5
docksim> docker run alp-curl which curl
| PID 1: ["which", "curl"]
|   as a command line: which curl
|   ["which", "curl"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["/bin/sh"]; the first word is the program to run.
/usr/bin/curl
| exit code 0
docksim> # without apt-get update there are no package lists: the build fails
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> RUN apt-get install -y curl
| line 2: RUN: shell form, runs ["/bin/sh", "-c", "apt-get install -y curl"] (build time, new layer)
docksim> docker build -t no-lists .
| why:
|   1. The image has no package lists yet: run `apt-get update` first, in the same RUN instruction (`RUN apt-get update && apt-get install -y ...`).
docksim> # a program that exists but that docksim cannot run is recorded, not failed
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM golang
| line 1: FROM: a new stage from golang (build time, no layer)
docksim> RUN gcc -o /usr/local/bin/hello hello.c
| line 2: RUN: shell form, runs ["/bin/sh", "-c", "gcc -o /usr/local/bin/hello hello.c"] (build time, new layer)
docksim> docker build -t not-sim .
| why:
|   1. docksim does not simulate gcc: it prints what would run and reports success. The argv and the start failures are still exact.
=== stderr
Unable to find image 'debian:latest' locally
latest: Pulling from library/debian
1d305274646c: Pull complete
Digest: sha256:481011bd958d1d305274646c0811b6c90019b35945f2a323949201484f730a5c
Status: Downloaded newer image for debian:latest
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 40B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/debian:latest
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/2] FROM docker.io/library/debian:latest
#4 DONE 0.0s

#5 [2/2] RUN apt-get install -y curl
#5 0.100 Reading package lists...
#5 0.125 Building dependency tree...
#5 0.153 Reading state information...
#5 0.182 E: Unable to locate package curl
#5 ERROR: process "/bin/sh -c apt-get install -y curl" did not complete successfully: exit code: 100
------
 > [2/2] RUN apt-get install -y curl:
0.100 Reading package lists...
0.125 Building dependency tree...
0.153 Reading state information...
0.182 E: Unable to locate package curl
------
Dockerfile:2
--------------------
   1 |     FROM debian
   2 | >>> RUN apt-get install -y curl
   3 |     
--------------------
ERROR: failed to build: failed to solve: process "/bin/sh -c apt-get install -y curl" did not complete successfully: exit code: 100
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 52B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/golang:latest
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/2] FROM docker.io/library/golang:latest
#4 DONE 0.0s

#5 [2/2] RUN gcc -o /usr/local/bin/hello hello.c
#5 0.100 [docksim: not simulated: gcc -o /usr/local/bin/hello hello.c]
#5 DONE 0.0s

#6 exporting to image
#6 exporting layers done
#6 writing image sha256:7d153e28812144811b95d324094cdc42b3203269b70b94a5f34fa7bb31dd04e5 done
#6 naming to docker.io/library/not-sim:latest done
#6 DONE 0.0s
=== exit
1
