The simulated filesystem (issue 4 item 1): the base image's files, and
what a build made of them (COPY with content and mode bits, RUN mkdir,
echo > file, ln -s, chmod, chown, adduser), shown by cat and ls with the
GNU and BusyBox error messages and exit codes.
=== args
--echo -
=== stdin
# issue 4 item 1: docker run IMG cat FILE / ls DIR show the simulated files
docker run alpine cat /etc/alpine-release
docker run debian ls /
docker run debian ls /nope
docker run busybox ls /nope
docker run debian cat /nope
# the files a build made: COPY (content, mode), RUN mkdir/echo/ln/chmod, users
:file hello.txt
Hello from the build context
EOF
:file run.sh 755
#!/bin/sh
echo "run.sh as $(id -un) in $(pwd)"
EOF
FROM alpine
WORKDIR /app
COPY hello.txt run.sh ./
RUN mkdir -p /data/logs && echo "written by RUN" > /data/built.txt && ln -s /data/built.txt /app/link
RUN chmod 600 hello.txt && adduser -D app && chown app /data
# one shell string per run (ENTRYPOINT ["/bin/sh", "-c"])
ENTRYPOINT ["/bin/sh", "-c"]
docker build -q -t files .
docker run files 'ls -l'
docker run files 'cat hello.txt link'
docker run files 'ls -la /data'
docker run files 'grep app /etc/passwd'
docker run --user app files ./run.sh
docker run --user app files 'cat hello.txt'
=== stdout
docksim> # issue 4 item 1: docker run IMG cat FILE / ls DIR show the simulated files
docksim> docker run alpine cat /etc/alpine-release
| PID 1: ["cat", "/etc/alpine-release"]
|   as a command line: cat /etc/alpine-release
|   ["cat", "/etc/alpine-release"] from the docker run arguments
| why:
|   1. alpine:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. The words after the image name replace the image's whole CMD ["/bin/sh"]; the first word is the program to run.
3.24.1
| exit code 0
docksim> docker run debian ls /
| PID 1: ["ls", "/"]
|   as a command line: ls /
|   ["ls", "/"] from the docker run arguments
| why:
|   1. debian:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. The words after the image name replace the image's whole CMD ["bash"]; the first word is the program to run.
bin
boot
dev
etc
home
lib
lib64
media
mnt
opt
proc
root
run
sbin
srv
sys
tmp
usr
var
| exit code 0
docksim> docker run debian ls /nope
| PID 1: ["ls", "/nope"]
|   as a command line: ls /nope
|   ["ls", "/nope"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["bash"]; the first word is the program to run.
| exit code 2
docksim> docker run busybox ls /nope
| PID 1: ["ls", "/nope"]
|   as a command line: ls /nope
|   ["ls", "/nope"] from the docker run arguments
| why:
|   1. busybox:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. The words after the image name replace the image's whole CMD ["sh"]; the first word is the program to run.
| exit code 1
docksim> docker run debian cat /nope
| PID 1: ["cat", "/nope"]
|   as a command line: cat /nope
|   ["cat", "/nope"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["bash"]; the first word is the program to run.
| exit code 1
docksim> # the files a build made: COPY (content, mode), RUN mkdir/echo/ln/chmod, users
docksim> :file hello.txt
| type the content of hello.txt; a line EOF ends it (Ctrl-C drops it)
[hello.txt]> Hello from the build context
[hello.txt]> EOF
| created hello.txt in the build context: 1 line, 29 bytes, mode 0644 (COPY hello.txt ... reads it)
docksim> :file run.sh 755
| type the content of run.sh; a line EOF ends it (Ctrl-C drops it)
[run.sh]> #!/bin/sh
[run.sh]> echo "run.sh as $(id -un) in $(pwd)"
[run.sh]> EOF
| created run.sh in the build context: 2 lines, 47 bytes, mode 0755 (COPY run.sh ... reads it)
docksim> FROM alpine
| line 1: FROM: a new stage from alpine (build time, no layer)
docksim> WORKDIR /app
| line 2: WORKDIR: working directory /app (build time, new layer)
docksim> COPY hello.txt run.sh ./
| line 3: COPY: copies hello.txt run.sh to ./ (build time, new layer)
docksim> RUN mkdir -p /data/logs && echo "written by RUN" > /data/built.txt && ln -s /data/built.txt /app/link
| line 4: RUN: shell form, runs ["/bin/sh", "-c", "mkdir -p /data/logs && echo \"written by RUN\" > /data/built.... (build time, new layer)
docksim> RUN chmod 600 hello.txt && adduser -D app && chown app /data
| line 5: RUN: shell form, runs ["/bin/sh", "-c", "chmod 600 hello.txt && adduser -D app && chown app /data"] (build time, new layer)
docksim> # one shell string per run (ENTRYPOINT ["/bin/sh", "-c"])
docksim> ENTRYPOINT ["/bin/sh", "-c"]
| line 6: ENTRYPOINT: exec form, CMD and run arguments are appended; program ["/bin/sh", "-c"] (container start, no layer)
docksim> docker build -q -t files .
| why:
|   1. (line 6) ENTRYPOINT resets the CMD inherited from the base image (["/bin/sh"] was dropped). Only a CMD written in this stage survives an ENTRYPOINT.
sha256:e5cf02fb01f5fff3d642f58ed442823eef14bfe3d542e485a2b6870402079536
docksim> docker run files 'ls -l'
| PID 1: ["/bin/sh", "-c", "ls -l"]
|   as a command line: /bin/sh -c 'ls -l'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["ls -l"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
total 8
-rw-------    1 root     root            29 Nov 28 09:00 hello.txt
lrwxrwxrwx    1 root     root            15 Nov 28 09:00 link -> /data/built.txt
-rwxr-xr-x    1 root     root            47 Nov 28 09:00 run.sh
| exit code 0
docksim> docker run files 'cat hello.txt link'
| PID 1: ["/bin/sh", "-c", "cat hello.txt link"]
|   as a command line: /bin/sh -c 'cat hello.txt link'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["cat hello.txt link"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
Hello from the build context
written by RUN
| exit code 0
docksim> docker run files 'ls -la /data'
| PID 1: ["/bin/sh", "-c", "ls -la /data"]
|   as a command line: /bin/sh -c 'ls -la /data'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["ls -la /data"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
total 16
drwxr-xr-x    3 app      root          4096 Nov 28 09:00 .
drwxr-xr-x   21 root     root          4096 Nov 28 09:00 ..
-rw-r--r--    1 root     root            15 Nov 28 09:00 built.txt
drwxr-xr-x    2 root     root          4096 Nov 28 09:00 logs
| exit code 0
docksim> docker run files 'grep app /etc/passwd'
| PID 1: ["/bin/sh", "-c", "grep app /etc/passwd"]
|   as a command line: /bin/sh -c 'grep app /etc/passwd'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["grep app /etc/passwd"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
app:x:1000:1000:Linux User,,,:/home/app:/bin/sh
| exit code 0
docksim> docker run --user app files ./run.sh
| PID 1: ["/bin/sh", "-c", "./run.sh"]
|   as a command line: /bin/sh -c ./run.sh
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["./run.sh"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
run.sh as app in /app
| exit code 0
docksim> docker run --user app files 'cat hello.txt'
| PID 1: ["/bin/sh", "-c", "cat hello.txt"]
|   as a command line: /bin/sh -c 'cat hello.txt'
|   ["/bin/sh", "-c"] from the image ENTRYPOINT
|   ["cat hello.txt"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/bin/sh", "-c"].
| exit code 1
=== stderr
Unable to find image 'alpine:latest' locally
latest: Pulling from library/alpine
dc021c60fcc2: Pull complete
Digest: sha256:22d9c8611218dc021c60fcc2d2a2b8da906c1fa1b12b25242f3eeacf6457b6eb
Status: Downloaded newer image for alpine:latest
Unable to find image 'debian:latest' locally
latest: Pulling from library/debian
5e8867a8611c: Pull complete
Digest: sha256:cd2326f7a8455e8867a8611c581bde8ff91a56f41bb292355da08490f6d65e6f
Status: Downloaded newer image for debian:latest
ls: cannot access '/nope': No such file or directory
Unable to find image 'busybox:latest' locally
latest: Pulling from library/busybox
050894010a09: Pull complete
Digest: sha256:3b48b16f0f2c050894010a090aea7b2a6c74afdb171c7ed5797b0cd7b6a42dc3
Status: Downloaded newer image for busybox:latest
ls: /nope: No such file or directory
cat: /nope: No such file or directory
cat: can't open 'hello.txt': Permission denied
=== exit
1
