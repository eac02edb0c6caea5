echo flavours (issue 4 item 2): dash's builtin interprets backslashes
always and knows only -n; BusyBox ash and bash need -e; GNU /bin/echo
in exec form behaves like bash's builtin.
=== args
--echo -
=== stdin
# echo is a shell builtin, and each shell has its own
FROM debian
CMD echo 'tab:\t|' && echo -e 'dash prints -e' && echo 'no newline\c' && echo ' after \\c'
docker build -q -t dash-echo .
docker run dash-echo
:new
FROM alpine
CMD echo 'tab:\t|' && echo -e 'tab:\t|' && echo -n 'no newline; ' && echo done
docker build -q -t ash-echo .
docker run ash-echo
:new
FROM debian
SHELL ["/bin/bash", "-c"]
CMD echo 'tab:\t|' && echo -e 'tab:\t|' && echo -E 'tab:\t|'
docker build -q -t bash-echo .
docker run bash-echo
# /bin/echo (GNU coreutils) in exec form: no shell involved
:new
FROM debian
CMD ["/bin/echo", "-e", "tab:\\t|"]
docker build -q -t gnu-echo .
docker run gnu-echo
docker run gnu-echo /bin/echo 'tab:\t|'
=== stdout
docksim> # echo is a shell builtin, and each shell has its own
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> CMD echo 'tab:\t|' && echo -e 'dash prints -e' && echo 'no newline\c' && echo ' after \\c'
| line 2: CMD: shell form, default command ["/bin/sh", "-c", "echo 'tab:\\t|' && echo -e 'dash prints -e' && ech... (container start, no layer)
docksim> docker build -q -t dash-echo .
| why:
|   1. (line 2) CMD in shell form is stored as ["/bin/sh", "-c", "echo 'tab:\\t|' && echo -e 'dash prints -e' && echo 'no newline\\c' && echo ' after \\\\c'"]: the text is handed to the shell, which becomes the container's first process.
sha256:10b323ab37836102241922c22ee96e939e873a3cfa56f507c782d57c71d4600f
docksim> docker run dash-echo
| PID 1: ["/bin/sh", "-c", "echo 'tab:\\t|' && echo -e 'dash prints -e' && echo 'no newline\\c' && echo ' after \\\\c'"]
|   as a command line: /bin/sh -c 'echo '\''tab:\t|'\'' && echo -e '\''dash prints -e'\'' && echo '\''no newline\c'\'' && echo '\'' after \\c'\'''
|   ["/bin/sh", "-c", "echo 'tab:\\t|' && echo -e 'dash prints -e' && echo 'no newline\\c' && echo ' after \\\\c'"] from the image CMD
tab:	|
-e dash prints -e
no newline after \c
| exit code 0
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM alpine
| line 1: FROM: a new stage from alpine (build time, no layer)
docksim> CMD echo 'tab:\t|' && echo -e 'tab:\t|' && echo -n 'no newline; ' && echo done
| line 2: CMD: shell form, default command ["/bin/sh", "-c", "echo 'tab:\\t|' && echo -e 'tab:\\t|' && echo -n '... (container start, no layer)
docksim> docker build -q -t ash-echo .
| why:
|   1. (line 2) CMD in shell form is stored as ["/bin/sh", "-c", "echo 'tab:\\t|' && echo -e 'tab:\\t|' && echo -n 'no newline; ' && echo done"]: the text is handed to the shell, which becomes the container's first process.
sha256:0a74b1ee356447386ecb8a51ed3dbbf9fbabcec1ea5418ecac3463c7829d7ebb
docksim> docker run ash-echo
| PID 1: ["/bin/sh", "-c", "echo 'tab:\\t|' && echo -e 'tab:\\t|' && echo -n 'no newline; ' && echo done"]
|   as a command line: /bin/sh -c 'echo '\''tab:\t|'\'' && echo -e '\''tab:\t|'\'' && echo -n '\''no newline; '\'' && echo done'
|   ["/bin/sh", "-c", "echo 'tab:\\t|' && echo -e 'tab:\\t|' && echo -n 'no newline; ' && echo done"] from the image CMD
tab:\t|
tab:	|
no newline; done
| exit code 0
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> SHELL ["/bin/bash", "-c"]
| line 2: SHELL: later shell forms run in ["/bin/bash", "-c"] (image metadata, no layer)
docksim> CMD echo 'tab:\t|' && echo -e 'tab:\t|' && echo -E 'tab:\t|'
| line 3: CMD: shell form, default command ["/bin/bash", "-c", "echo 'tab:\\t|' && echo -e 'tab:\\t|' && echo -E... (container start, no layer)
docksim> docker build -q -t bash-echo .
| why:
|   1. (line 2) SHELL sets ["/bin/bash", "-c"] as the shell for the shell-form RUN, CMD and ENTRYPOINT that follow (and for CMD-SHELL health checks).
|   2. (line 3) CMD in shell form is stored as ["/bin/bash", "-c", "echo 'tab:\\t|' && echo -e 'tab:\\t|' && echo -E 'tab:\\t|'"]: the text is handed to the shell, which becomes the container's first process.
sha256:85abd7b7f971266aa49eb660a0c5fa79cc524b3177e8eb98a6647423e3f9acf0
docksim> docker run bash-echo
| PID 1: ["/bin/bash", "-c", "echo 'tab:\\t|' && echo -e 'tab:\\t|' && echo -E 'tab:\\t|'"]
|   as a command line: /bin/bash -c 'echo '\''tab:\t|'\'' && echo -e '\''tab:\t|'\'' && echo -E '\''tab:\t|'\'''
|   ["/bin/bash", "-c", "echo 'tab:\\t|' && echo -e 'tab:\\t|' && echo -E 'tab:\\t|'"] from the image CMD
tab:\t|
tab:	|
tab:\t|
| exit code 0
docksim> # /bin/echo (GNU coreutils) in exec form: no shell involved
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> CMD ["/bin/echo", "-e", "tab:\\t|"]
| line 2: CMD: exec form, default command ["/bin/echo", "-e", "tab:\\t|"] (container start, no layer)
docksim> docker build -q -t gnu-echo .
| why:
|   1. (line 2) CMD in exec form is stored as ["/bin/echo", "-e", "tab:\\t|"], exactly as written (no shell, no variable expansion).
sha256:26a7598106423fb8e5edd3cc654e4080a942f72b972f2c2b9e91a9e5af67f4a7
docksim> docker run gnu-echo
| PID 1: ["/bin/echo", "-e", "tab:\\t|"]
|   as a command line: /bin/echo -e 'tab:\t|'
|   ["/bin/echo", "-e", "tab:\\t|"] from the image CMD
tab:	|
| exit code 0
docksim> docker run gnu-echo /bin/echo 'tab:\t|'
| PID 1: ["/bin/echo", "tab:\\t|"]
|   as a command line: /bin/echo 'tab:\t|'
|   ["/bin/echo", "tab:\\t|"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["/bin/echo", "-e", "tab:\\t|"]; the first word is the program to run.
tab:\t|
| exit code 0
=== stderr
=== exit
0
