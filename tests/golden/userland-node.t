The node image's entrypoint (base-images.md; lab case h1 with argv
printers): `node` is prepended for `-v`/`--version` and for a file name
that is not a command, a command (echo, npm, bash) runs as it is; the
script execs it, so the program is PID 1. Without -it, node's prompt and
bash exit at once; a server keeps running until stopped, and node as PID
1 without a SIGTERM handler is SIGKILLed after 10 s (137).
=== args
--echo -
=== stdin
# base-images.md: node's docker-entrypoint.sh puts `node` in front when $1
# starts with - or is not a command; then `exec "$@"`
:file app.js
console.log("hello from app.js");
EOF
:file server.js
require("http").createServer((req, res) => res.end("hi")).listen(3000);
EOF
FROM node
WORKDIR /app
COPY app.js server.js ./
docker build -q -t nodeapp .
# no -it: node's prompt reads an empty stdin and exits at once
docker run nodeapp
docker run nodeapp --version
docker run nodeapp app.js
docker run nodeapp echo hi
docker run nodeapp npm --version
docker run nodeapp bash
# --entrypoint drops the image's CMD too: bash alone, which exits at once
docker run --entrypoint bash nodeapp
# a server keeps running: PID 1 is node itself (exec "$@")
docker run -d --name srv nodeapp server.js
docker top srv
docker logs srv
# node has no SIGTERM handler: 10 s, then SIGKILL
docker stop srv
=== stdout
docksim> # base-images.md: node's docker-entrypoint.sh puts `node` in front when $1
docksim> # starts with - or is not a command; then `exec "$@"`
docksim> :file app.js
| type the content of app.js; a line EOF ends it (Ctrl-C drops it)
[app.js]> console.log("hello from app.js");
[app.js]> EOF
| created app.js in the build context: 1 line, 34 bytes, mode 0644 (COPY app.js ... reads it)
docksim> :file server.js
| type the content of server.js; a line EOF ends it (Ctrl-C drops it)
[server.js]> require("http").createServer((req, res) => res.end("hi")).listen(3000);
[server.js]> EOF
| created server.js in the build context: 1 line, 72 bytes, mode 0644 (COPY server.js ... reads it)
docksim> FROM node
| line 1: FROM: a new stage from node (build time, no layer)
docksim> WORKDIR /app
| line 2: WORKDIR: working directory /app (build time, new layer)
docksim> COPY app.js server.js ./
| line 3: COPY: copies app.js server.js to ./ (build time, new layer)
docksim> docker build -q -t nodeapp .
sha256:82aaab9a721c82d90e5fb889fd27b54f183898a8b3572aa930f20037cd253ac3
docksim> # no -it: node's prompt reads an empty stdin and exits at once
docksim> docker run nodeapp
| PID 1: ["docker-entrypoint.sh", "node"]
|   as a command line: docker-entrypoint.sh node
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["node"] from the image CMD
| why:
|   1. The image's CMD ["node"] is appended to its ENTRYPOINT as default arguments.
|   2. The node image's docker-entrypoint.sh sees that `node` is a command and runs it as it is with `exec "$@"`.
|   3. node would start its interactive prompt, but without -it there is no terminal and its input is empty: it reads nothing and exits at once with status 0, so the container stops. Use `docker run -it` to use it interactively.
| exit code 0
docksim> docker run nodeapp --version
| PID 1: ["docker-entrypoint.sh", "--version"]
|   as a command line: docker-entrypoint.sh --version
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["--version"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["docker-entrypoint.sh"].
|   2. The node image's docker-entrypoint.sh puts `node` in front of the arguments because `--version` starts with -, then runs `exec "$@"`: node replaces the script and becomes PID 1.
v26.7.0
| exit code 0
docksim> docker run nodeapp app.js
| PID 1: ["docker-entrypoint.sh", "app.js"]
|   as a command line: docker-entrypoint.sh app.js
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["app.js"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["docker-entrypoint.sh"].
|   2. The node image's docker-entrypoint.sh puts `node` in front of the arguments because `app.js` is not a command, then runs `exec "$@"`: node replaces the script and becomes PID 1.
hello from app.js
| exit code 0
docksim> docker run nodeapp echo hi
| PID 1: ["docker-entrypoint.sh", "echo", "hi"]
|   as a command line: docker-entrypoint.sh echo hi
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["echo", "hi"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["docker-entrypoint.sh"].
|   2. The node image's docker-entrypoint.sh sees that `echo` is a command and runs it as it is with `exec "$@"`.
hi
| exit code 0
docksim> docker run nodeapp npm --version
| PID 1: ["docker-entrypoint.sh", "npm", "--version"]
|   as a command line: docker-entrypoint.sh npm --version
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["npm", "--version"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["docker-entrypoint.sh"].
|   2. The node image's docker-entrypoint.sh sees that `npm` is a command and runs it as it is with `exec "$@"`.
11.9.0
| exit code 0
docksim> docker run nodeapp bash
| PID 1: ["docker-entrypoint.sh", "bash"]
|   as a command line: docker-entrypoint.sh bash
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["bash"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["docker-entrypoint.sh"].
|   2. The node image's docker-entrypoint.sh sees that `bash` is a command and runs it as it is with `exec "$@"`.
|   3. A shell with no command and no terminal reads its commands from standard input, which is empty (no -i, or nothing piped in): it exits at once with status 0. Use `docker run -it` for an interactive shell.
| exit code 0
docksim> # --entrypoint drops the image's CMD too: bash alone, which exits at once
docksim> docker run --entrypoint bash nodeapp
| PID 1: ["bash"]
|   as a command line: bash
|   ["bash"] from the docker run --entrypoint
| why:
|   1. docker run --entrypoint replaces the image's ENTRYPOINT and also drops its CMD ["node"]: with --entrypoint, only the words after the image name are passed as arguments.
|   2. A shell with no command and no terminal reads its commands from standard input, which is empty (no -i, or nothing piped in): it exits at once with status 0. Use `docker run -it` for an interactive shell.
| exit code 0
docksim> # a server keeps running: PID 1 is node itself (exec "$@")
docksim> docker run -d --name srv nodeapp server.js
| PID 1: ["docker-entrypoint.sh", "server.js"]
|   as a command line: docker-entrypoint.sh server.js
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["server.js"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["docker-entrypoint.sh"].
|   2. The node image's docker-entrypoint.sh puts `node` in front of the arguments because `server.js` is not a command, then runs `exec "$@"`: node replaces the script and becomes PID 1.
|   3. server.js installs no SIGTERM handler. As PID 1 it therefore ignores docker stop's SIGTERM, and Docker kills it with SIGKILL after the grace period (exit 137).
|   4. PID 1 (`node server.js`) keeps running in the background.
f7a72f0a342c521e2d0d9dcbfb96372b1d02c130406982b9995533d110e71fce
| exit code 0
docksim> docker top srv
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 34141 here). `docker exec srv ps` shows the container's own numbering, where PID 1 is the first process.
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                34141               34120               0                   09:00               ?                   00:00:00            node server.js
docksim> docker logs srv
[docksim: node would run server.js, a server: it keeps running]
docksim> # node has no SIGTERM handler: 10 s, then SIGKILL
docksim> docker stop srv
| stopped after 10.000s, container exit code 137
| why:
|   1. docker stop sends SIGTERM to PID 1 (`node server.js`). PID 1 of a container has no default signal actions, and this program installed no handler for SIGTERM, so the signal is ignored.
|   2. PID 1 was still running after the 10 s grace period, so Docker sent SIGKILL: the container's exit code is 137 (128+9), and the stop took 10 s.
|   3. To stop quickly and cleanly, make PID 1 handle SIGTERM: use the exec form of CMD/ENTRYPOINT (or `exec` in a wrapper script) so the program itself is PID 1, and give it a SIGTERM handler; or run with --init so docker-init forwards the signal.
srv
| exit code 0
=== stderr
=== exit
0
