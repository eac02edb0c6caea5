docker run -d, docker logs, docker wait (issue 4 item 5): a detached
run prints the container id; PID 1 runs on the simulated clock; logs
replays its stdout and stderr so far; wait returns its exit code when it
ends; an attached run gives the same output and exit code.
=== args
--echo -
=== stdin
# docker run -d returns at once; logs and wait follow the container
FROM busybox
CMD ["sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 2; done; echo done >&2; exit 3"]
docker build -q -t ticker .
docker run -d --name t1 ticker
# logs shows what PID 1 wrote so far (stdout here, stderr on stderr)
docker logs t1
docker ps
# wait blocks until PID 1 ends and prints its exit code
docker wait t1
docker logs t1
docker ps -a
# an attached run of the same image waits too, with the same output
docker run ticker
docker logs nosuch
docker wait nosuch
=== stdout
docksim> # docker run -d returns at once; logs and wait follow the container
docksim> FROM busybox
| line 1: FROM: a new stage from busybox (build time, no layer)
docksim> CMD ["sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 2; done; echo done >&2; exit 3"]
| line 2: CMD: exec form, default command ["sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 2; done; echo don... (container start, no layer)
docksim> docker build -q -t ticker .
| why:
|   1. (line 2) CMD in exec form is stored as ["sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 2; done; echo done >&2; exit 3"], exactly as written (no shell, no variable expansion).
sha256:37d5fe127959ff85ef38b85eb4d50115238a66d068ef86d1ea9b8d8c11b4eada
docksim> docker run -d --name t1 ticker
| PID 1: ["sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 2; done; echo done >&2; exit 3"]
|   as a command line: sh -c 'for i in 1 2 3; do echo tick $i; sleep 2; done; echo done >&2; exit 3'
|   ["sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 2; done; echo done >&2; exit 3"] from the image CMD
| why:
|   1. PID 1 (`sh -c for i in 1 2 3; do echo tick $i; sleep 2; done; echo done >&2; exit 3`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> # logs shows what PID 1 wrote so far (stdout here, stderr on stderr)
docksim> docker logs t1
tick 1
docksim> docker ps
CONTAINER ID   IMAGE     COMMAND                  CREATED        STATUS                  PORTS     NAMES
a68788e2e0a1   ticker    "sh -c for i in 1 2 …"   1 second ago   Up Less than a second             t1
docksim> # wait blocks until PID 1 ends and prints its exit code
docksim> docker wait t1
3
docksim> docker logs t1
tick 1
tick 2
tick 3
docksim> docker ps -a
CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                              PORTS     NAMES
a68788e2e0a1   ticker    "sh -c for i in 1 2 …"   7 seconds ago   Exited (3) Less than a second ago             t1
docksim> # an attached run of the same image waits too, with the same output
docksim> docker run ticker
| PID 1: ["sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 2; done; echo done >&2; exit 3"]
|   as a command line: sh -c 'for i in 1 2 3; do echo tick $i; sleep 2; done; echo done >&2; exit 3'
|   ["sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 2; done; echo done >&2; exit 3"] from the image CMD
tick 1
tick 2
tick 3
| exit code 3
docksim> docker logs nosuch
docksim> docker wait nosuch
=== stderr
done
done
Error response from daemon: No such container: nosuch
Error response from daemon: No such container: nosuch
=== exit
1
