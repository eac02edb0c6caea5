Exec failures after the start (run-semantics.md §2.5, §7.7; lab case i1's
bad shebang): a missing #! interpreter, CRLF line endings, a script
without #!, a binary for another CPU. The container starts, runc prints
`exec /x: ...` on its stderr and exits 255 (runc >= 1.2; 1 with runc 1.1
in the lab); the state is exited with an empty Error.
=== args
--context=userland/ctx-exec --echo -
=== stdin
# The file is found, the container starts, then the kernel refuses it:
# runc prints the error on the container's stderr and exits 255 (runc 1.2)
FROM alpine
COPY badshebang.sh crlf.sh noshebang.sh hello-arm64 /usr/local/bin/
docker build -q -t after .
# a #! interpreter that does not exist
docker run --name shebang after badshebang.sh
# CRLF line endings: the interpreter is "/bin/sh\r"
docker run --name crlf after crlf.sh
# a text file without #!: runc does not fall back to a shell
docker run after noshebang.sh
# a program for another CPU (an arm64 ELF header)
docker run after hello-arm64
# the container did start: Exited (255), no daemon error, the message in its logs
docker ps -a
docker logs crlf
=== stdout
docksim> # The file is found, the container starts, then the kernel refuses it:
docksim> # runc prints the error on the container's stderr and exits 255 (runc 1.2)
docksim> FROM alpine
| line 1: FROM: a new stage from alpine (build time, no layer)
docksim> COPY badshebang.sh crlf.sh noshebang.sh hello-arm64 /usr/local/bin/
| line 2: COPY: copies badshebang.sh crlf.sh noshebang.sh hello-arm64 to /usr/local/bin/ (build time, new layer)
docksim> docker build -q -t after .
sha256:15b5a5b53ca4651e2f2250f2f880ea87894f7826ee574de04de9a998a0d0948c
docksim> # a #! interpreter that does not exist
docksim> docker run --name shebang after badshebang.sh
| PID 1: ["badshebang.sh"]
|   as a command line: badshebang.sh
|   ["badshebang.sh"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["/bin/sh"]; the first word is the program to run.
|   2. The file was found, so the container started, but the kernel could not execute it (no such file or directory): a #! line naming a program that does not exist, Windows (CRLF) line endings after #!/bin/sh, or a binary for another CPU. runc prints the error on the container's stderr and exits 255.
| exit code 255
docksim> # CRLF line endings: the interpreter is "/bin/sh\r"
docksim> docker run --name crlf after crlf.sh
| PID 1: ["crlf.sh"]
|   as a command line: crlf.sh
|   ["crlf.sh"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["/bin/sh"]; the first word is the program to run.
|   2. The file was found, so the container started, but the kernel could not execute it (no such file or directory): a #! line naming a program that does not exist, Windows (CRLF) line endings after #!/bin/sh, or a binary for another CPU. runc prints the error on the container's stderr and exits 255.
| exit code 255
docksim> # a text file without #!: runc does not fall back to a shell
docksim> docker run after noshebang.sh
| PID 1: ["noshebang.sh"]
|   as a command line: noshebang.sh
|   ["noshebang.sh"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["/bin/sh"]; the first word is the program to run.
|   2. The file was found, so the container started, but the kernel could not execute it (exec format error): a #! line naming a program that does not exist, Windows (CRLF) line endings after #!/bin/sh, or a binary for another CPU. runc prints the error on the container's stderr and exits 255.
| exit code 255
docksim> # a program for another CPU (an arm64 ELF header)
docksim> docker run after hello-arm64
| PID 1: ["hello-arm64"]
|   as a command line: hello-arm64
|   ["hello-arm64"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["/bin/sh"]; the first word is the program to run.
|   2. /usr/local/bin/hello-arm64 is a compiled program for another CPU (its ELF header names another machine; this Docker host is linux/amd64). The container started, but the kernel refused to execute the file: runc prints "exec format error" on the container's stderr and exits 255. Build the program (or the image, with docker build --platform linux/amd64) for this machine.
| exit code 255
docksim> # the container did start: Exited (255), no daemon error, the message in its logs
docksim> docker ps -a
CONTAINER ID   IMAGE     COMMAND           CREATED          STATUS                                PORTS     NAMES
4296bd298d63   after     "hello-arm64"     2 seconds ago    Exited (255) Less than a second ago             gallant_hopper
ef65940d1a9a   after     "noshebang.sh"    5 seconds ago    Exited (255) 3 seconds ago                      focused_galileo
8d8db114f143   after     "crlf.sh"         8 seconds ago    Exited (255) 6 seconds ago                      crlf
a68788e2e0a1   after     "badshebang.sh"   11 seconds ago   Exited (255) 9 seconds ago                      shebang
docksim> docker logs crlf
=== stderr
exec /usr/local/bin/badshebang.sh: no such file or directory
exec /usr/local/bin/crlf.sh: no such file or directory
exec /usr/local/bin/noshebang.sh: exec format error
exec /usr/local/bin/hello-arm64: exec format error
exec /usr/local/bin/crlf.sh: no such file or directory
=== exit
1
