The stop signal (run-semantics.md §3.1, §3.8; lab case g7): docker stop
-s, else --stop-signal, else the image's STOPSIGNAL, else SIGTERM.
nginx's image stops with SIGQUIT, nginx's graceful shutdown (exit 0); a
SIGKILL stop signal ends PID 1 at once (137).
=== args
--echo -
=== stdin
# run-semantics.md §3.8 and base-images.md: which signal docker stop sends
# nginx's image sets STOPSIGNAL SIGQUIT, nginx's graceful stop (lab g7: 0)
docker run -d --name web nginx
docker top web
docker stop -t 2 web
# --stop-signal overrides the image (lab g7: SIGKILL, 137 at once)
docker run -d --name web2 --stop-signal SIGKILL nginx
docker stop -t 2 web2
# docker stop -s overrides both
docker run -d --name web3 nginx
docker stop -s TERM web3
# STOPSIGNAL in a Dockerfile, by name or number
FROM busybox
STOPSIGNAL SIGINT
CMD ["sh", "-c", "trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait"]
docker build -q -t int .
docker run -d --name i1 int
docker stop i1
docker logs i1
docker run -d --name i2 --stop-signal 9 int
docker stop i2
# an unknown signal: the daemon refuses
docker run -d --name i3 int
docker stop -s NOPE i3
docker ps -a
=== stdout
docksim> # run-semantics.md §3.8 and base-images.md: which signal docker stop sends
docksim> # nginx's image sets STOPSIGNAL SIGQUIT, nginx's graceful stop (lab g7: 0)
docksim> docker run -d --name web nginx
| PID 1: ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]
|   as a command line: /docker-entrypoint.sh nginx -g 'daemon off;'
|   ["/docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["nginx", "-g", "daemon off;"] from the image CMD
| why:
|   1. nginx:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. The image's CMD ["nginx", "-g", "daemon off;"] is appended to its ENTRYPOINT as default arguments.
|   3. The nginx image's /docker-entrypoint.sh runs the scripts of /docker-entrypoint.d/ (logging each one), then `exec "$@"`: nginx replaces the script as PID 1.
|   4. PID 1 (`nginx: master process nginx -g daemon off;`) keeps running in the background.
30c927222cb7a7b7ee8de223f42542d92416809709c9b05d41d36f044418edb2
| exit code 0
docksim> docker top web
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 14021 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
|   2. The UID column comes from ps on the host, which looks the numbers up in the host's users: uid 101 is `nginx` inside the container, but here it shows as a number (or as whichever user has that uid on your machine).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                14021               14000               0                   09:00               ?                   00:00:00            nginx: master process nginx -g daemon off;
101                 14030               14021               0                   09:00               ?                   00:00:00            nginx: worker process
101                 14031               14021               0                   09:00               ?                   00:00:00            nginx: worker process
101                 14032               14021               0                   09:00               ?                   00:00:00            nginx: worker process
101                 14033               14021               0                   09:00               ?                   00:00:00            nginx: worker process
docksim> docker stop -t 2 web
| stopped after 0.000s, container exit code 0
| why:
|   1. docker stop sends SIGQUIT to PID 1 (`nginx: master process nginx -g daemon off;`), which has a handler for it.
|   2. nginx handles SIGQUIT (graceful shutdown) and exits 0.
|   3. PID 1 handled the signal and exited by itself with status 0: a clean shutdown.
web
| exit code 0
docksim> # --stop-signal overrides the image (lab g7: SIGKILL, 137 at once)
docksim> docker run -d --name web2 --stop-signal SIGKILL nginx
| PID 1: ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]
|   as a command line: /docker-entrypoint.sh nginx -g 'daemon off;'
|   ["/docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["nginx", "-g", "daemon off;"] from the image CMD
| why:
|   1. The image's CMD ["nginx", "-g", "daemon off;"] is appended to its ENTRYPOINT as default arguments.
|   2. The nginx image's /docker-entrypoint.sh runs the scripts of /docker-entrypoint.d/ (logging each one), then `exec "$@"`: nginx replaces the script as PID 1.
|   3. PID 1 (`nginx: master process nginx -g daemon off;`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker stop -t 2 web2
| stopped after 0.000s, container exit code 137
| why:
|   1. The stop signal is SIGKILL: the kernel ends PID 1 at once, with no chance to clean up (exit 137).
web2
| exit code 0
docksim> # docker stop -s overrides both
docksim> docker run -d --name web3 nginx
| PID 1: ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]
|   as a command line: /docker-entrypoint.sh nginx -g 'daemon off;'
|   ["/docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["nginx", "-g", "daemon off;"] from the image CMD
| why:
|   1. The image's CMD ["nginx", "-g", "daemon off;"] is appended to its ENTRYPOINT as default arguments.
|   2. The nginx image's /docker-entrypoint.sh runs the scripts of /docker-entrypoint.d/ (logging each one), then `exec "$@"`: nginx replaces the script as PID 1.
|   3. PID 1 (`nginx: master process nginx -g daemon off;`) keeps running in the background.
8d8db114f14347bb42ac0a99c0d190c9f9aa2e1b79783648db6f5c2f0a06ce3f
| exit code 0
docksim> docker stop -s TERM web3
| stopped after 0.000s, container exit code 0
| why:
|   1. docker stop sends SIGTERM to PID 1 (`nginx: master process nginx -g daemon off;`), which has a handler for it.
|   2. nginx handles SIGTERM (fast shutdown) and exits 0.
|   3. PID 1 handled the signal and exited by itself with status 0: a clean shutdown.
web3
| exit code 0
docksim> # STOPSIGNAL in a Dockerfile, by name or number
docksim> FROM busybox
| line 1: FROM: a new stage from busybox (build time, no layer)
docksim> STOPSIGNAL SIGINT
| line 2: STOPSIGNAL: docker stop sends SIGINT (container start, no layer)
docksim> CMD ["sh", "-c", "trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait"]
| line 3: CMD: exec form, default command ["sh", "-c", "trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait"] (container start, no layer)
docksim> docker build -q -t int .
| why:
|   1. (line 3) CMD in exec form is stored as ["sh", "-c", "trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait"], exactly as written (no shell, no variable expansion).
sha256:e2391faba06da80fd2728d38eb7f85a3a914e429705bb1a30ccba9f27e10fc68
docksim> docker run -d --name i1 int
| PID 1: ["sh", "-c", "trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait"]
|   as a command line: sh -c 'trap '\''echo got SIGINT; exit 130'\'' INT; sleep 100 & wait'
|   ["sh", "-c", "trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait"] from the image CMD
| why:
|   1. The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first.
|   2. PID 1 (`sh -c trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait`) keeps running in the background.
7ce7e7ed89e87143ad0113fff02b95007e946ab7970e7cfe53b9327aa3911396
| exit code 0
docksim> docker stop i1
| stopped after 0.000s, container exit code 130
| why:
|   1. docker stop sends SIGINT to PID 1 (`sh -c trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait`), which has a handler for it.
|   2. PID 1 exited with status 130 = 128+2, the code that means "ended by SIGINT": the container's exit code.
i1
| exit code 0
docksim> docker logs i1
got SIGINT
docksim> docker run -d --name i2 --stop-signal 9 int
| PID 1: ["sh", "-c", "trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait"]
|   as a command line: sh -c 'trap '\''echo got SIGINT; exit 130'\'' INT; sleep 100 & wait'
|   ["sh", "-c", "trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait"] from the image CMD
| why:
|   1. The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first.
|   2. PID 1 (`sh -c trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait`) keeps running in the background.
48dedeb548b38294817df48332d4c7a1e1934082c04c4a74da9577c8889d9f23
| exit code 0
docksim> docker stop i2
| stopped after 0.000s, container exit code 137
| why:
|   1. The stop signal is SIGKILL: the kernel ends PID 1 at once, with no chance to clean up (exit 137).
i2
| exit code 0
docksim> # an unknown signal: the daemon refuses
docksim> docker run -d --name i3 int
| PID 1: ["sh", "-c", "trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait"]
|   as a command line: sh -c 'trap '\''echo got SIGINT; exit 130'\'' INT; sleep 100 & wait'
|   ["sh", "-c", "trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait"] from the image CMD
| why:
|   1. The shell installed a trap, so it catches the signal (even as PID 1) and runs the trap's commands: `wait` is interrupted at once, a foreground command is waited for first.
|   2. PID 1 (`sh -c trap 'echo got SIGINT; exit 130' INT; sleep 100 & wait`) keeps running in the background.
cae87678c1cd919f6a9da0bf190f7c730a596f66585ea9e406222e2af8acab03
| exit code 0
docksim> docker stop -s NOPE i3
docksim> docker ps -a
CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS                       PORTS     NAMES
cae87678c1cd   int       "sh -c trap 'echo go…"   1 second ago     Up Less than a second                  i3
48dedeb548b3   int       "sh -c trap 'echo go…"   3 seconds ago    Exited (137) 2 seconds ago             i2
7ce7e7ed89e8   int       "sh -c trap 'echo go…"   5 seconds ago    Exited (130) 4 seconds ago             i1
8d8db114f143   nginx     "/docker-entrypoint.…"   8 seconds ago    Exited (0) 7 seconds ago               web3
a68788e2e0a1   nginx     "/docker-entrypoint.…"   10 seconds ago   Exited (137) 9 seconds ago             web2
30c927222cb7   nginx     "/docker-entrypoint.…"   12 seconds ago   Exited (0) 11 seconds ago              web
=== stderr
Unable to find image 'nginx:latest' locally
latest: Pulling from library/nginx
a9b4352a531e: Pull complete
Digest: sha256:1f71fea64718a9b4352a531e445aedb9df1ef4aad33293850c227f7172fd5d29
Status: Downloaded newer image for nginx:latest
Error response from daemon: Invalid signal: NOPE
=== exit
1
