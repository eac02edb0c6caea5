Shell form vs exec form when the program is missing: dash prints
`/bin/sh: 1: x: not found`, BusyBox ash `/bin/sh: x: not found`, bash
`/bin/bash: line 1: x: command not found`, all exit 127 from a container
that did start; exec form gets the runtime's error (run-semantics.md §2.5,
§7.15: single quotes make shell form).
=== args
--echo -
=== stdin
# Shell form: the shell reports the missing program itself, in its own words
FROM debian
CMD nosuch --flag
docker build -q -t dash-img .
docker run dash-img
:new
FROM alpine
CMD nosuch --flag
docker build -q -t ash-img .
docker run ash-img
:new
FROM debian
SHELL ["/bin/bash", "-c"]
CMD nosuch --flag
docker build -q -t bash-img .
docker run bash-img
# exec form: the runtime's error, the container never starts
:new
FROM debian
CMD ["nosuch", "--flag"]
docker build -q -t exec-img .
docker run exec-img
# §7.15: single quotes are not JSON, so this is shell form
:new
FROM debian
CMD ['echo','hi']
docker build -q -t quotes .
docker run quotes
=== stdout
docksim> # Shell form: the shell reports the missing program itself, in its own words
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> CMD nosuch --flag
| line 2: CMD: shell form, default command ["/bin/sh", "-c", "nosuch --flag"] (container start, no layer)
docksim> docker build -q -t dash-img .
| why:
|   1. (line 2) CMD in shell form is stored as ["/bin/sh", "-c", "nosuch --flag"]: the text is handed to the shell, which becomes the container's first process.
sha256:8b8c5826fd2001351dd44618ce0e9d52a62a1bfe794429c33b0bc8d232e7db13
docksim> docker run dash-img
| PID 1: ["/bin/sh", "-c", "nosuch --flag"]
|   as a command line: /bin/sh -c 'nosuch --flag'
|   ["/bin/sh", "-c", "nosuch --flag"] from the image CMD
| why:
|   1. The shell looked for `nosuch` on its PATH and did not find it: the shell prints its own "not found" message and the command's status is 127. The container did start (the shell ran): if this ends it, docker ps -a shows Exited (127), not Created as when the runtime cannot find PID 1's program itself.
| exit code 127
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM alpine
| line 1: FROM: a new stage from alpine (build time, no layer)
docksim> CMD nosuch --flag
| line 2: CMD: shell form, default command ["/bin/sh", "-c", "nosuch --flag"] (container start, no layer)
docksim> docker build -q -t ash-img .
| why:
|   1. (line 2) CMD in shell form is stored as ["/bin/sh", "-c", "nosuch --flag"]: the text is handed to the shell, which becomes the container's first process.
sha256:166e862553dadbdf93036ee3c0fd446e7990fe1d41adb41b9dcf659e30b3901a
docksim> docker run ash-img
| PID 1: ["/bin/sh", "-c", "nosuch --flag"]
|   as a command line: /bin/sh -c 'nosuch --flag'
|   ["/bin/sh", "-c", "nosuch --flag"] from the image CMD
| why:
|   1. The shell looked for `nosuch` on its PATH and did not find it: the shell prints its own "not found" message and the command's status is 127. The container did start (the shell ran): if this ends it, docker ps -a shows Exited (127), not Created as when the runtime cannot find PID 1's program itself.
| exit code 127
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> SHELL ["/bin/bash", "-c"]
| line 2: SHELL: later shell forms run in ["/bin/bash", "-c"] (image metadata, no layer)
docksim> CMD nosuch --flag
| line 3: CMD: shell form, default command ["/bin/bash", "-c", "nosuch --flag"] (container start, no layer)
docksim> docker build -q -t bash-img .
| why:
|   1. (line 2) SHELL sets ["/bin/bash", "-c"] as the shell for the shell-form RUN, CMD and ENTRYPOINT that follow (and for CMD-SHELL health checks).
|   2. (line 3) CMD in shell form is stored as ["/bin/bash", "-c", "nosuch --flag"]: the text is handed to the shell, which becomes the container's first process.
sha256:5d6c0f53831f3251fabf4e2c5a7c54127858c109a7e7373a22400e924c55bd27
docksim> docker run bash-img
| PID 1: ["/bin/bash", "-c", "nosuch --flag"]
|   as a command line: /bin/bash -c 'nosuch --flag'
|   ["/bin/bash", "-c", "nosuch --flag"] from the image CMD
| why:
|   1. The shell looked for `nosuch` on its PATH and did not find it: the shell prints its own "not found" message and the command's status is 127. The container did start (the shell ran): if this ends it, docker ps -a shows Exited (127), not Created as when the runtime cannot find PID 1's program itself.
| exit code 127
docksim> # exec form: the runtime's error, the container never starts
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> CMD ["nosuch", "--flag"]
| line 2: CMD: exec form, default command ["nosuch", "--flag"] (container start, no layer)
| warning (docksim's own, not a BuildKit check): docksim/program-not-in-image: the CMD runs nosuch, which debian does not have (and nothing here installs or copies it): the container fails to start with exec: "nosuch": executable file not found in $PATH (:help docksim/program-not-in-image)
docksim> docker build -q -t exec-img .
| why:
|   1. (line 2) CMD in exec form is stored as ["nosuch", "--flag"], exactly as written (no shell, no variable expansion).
sha256:54c1fd779fb307477ccb045e63cf146f9e9527f4d486c99c2274f15bfdeca126
docksim> docker run exec-img
| PID 1: ["nosuch", "--flag"]
|   as a command line: nosuch --flag
|   ["nosuch", "--flag"] from the image CMD
| why:
|   1. PID 1 would be "nosuch", but no executable with that name is in the container's $PATH. The process never starts: 127 is the docker CLI's own exit code, read from the error text, and the container stays in the Created state.
| exit code 127
docksim> # §7.15: single quotes are not JSON, so this is shell form
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM debian
| line 1: FROM: a new stage from debian (build time, no layer)
docksim> CMD ['echo','hi']
| line 2: CMD: not valid JSON, so shell form, default command ["/bin/sh", "-c", "['echo','hi']"] (container start, no layer)
docksim> docker build -q -t quotes .
| why:
|   1. (line 2) CMD ['echo','hi'] looks like exec form but is not valid JSON (JSON needs double quotes around every word), so it is shell form: the whole text, brackets and all, goes to the shell. No error, no warning about the JSON itself.
|   2. (line 2) CMD in shell form is stored as ["/bin/sh", "-c", "['echo','hi']"]: the text is handed to the shell, which becomes the container's first process.
sha256:ea315dc51785b0ffc7709750404170e0b1a4fb8c32b19ccbf291c38876ea2e6f
docksim> docker run quotes
| PID 1: ["/bin/sh", "-c", "['echo','hi']"]
|   as a command line: /bin/sh -c '['\''echo'\'','\''hi'\'']'
|   ["/bin/sh", "-c", "['echo','hi']"] from the image CMD
| why:
|   1. The shell looked for `[echo,hi]` on its PATH and did not find it: the shell prints its own "not found" message and the command's status is 127. The container did start (the shell ran): if this ends it, docker ps -a shows Exited (127), not Created as when the runtime cannot find PID 1's program itself.
| exit code 127
=== stderr
/bin/sh: 1: nosuch: not found
/bin/sh: nosuch: not found
/bin/bash: line 1: nosuch: command not found
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuch": executable file not found in $PATH: unknown

Run 'docker run --help' for more information
/bin/sh: 1: [echo,hi]: not found
=== exit
1
