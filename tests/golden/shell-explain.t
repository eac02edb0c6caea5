:explain: the last result again, a Dockerfile line, or a line tried on a copy of the session (nothing changes)
=== args
-
=== stdin
:explain
FROM alpine
ENTRYPOINT ["echo"]
CMD hi
:explain last
:explain 2
:explain 9
:explain ENTRYPOINT echo
:explain COPY a \
:dockerfile
=== stdout
Nothing to explain yet: type a Dockerfile line or a docker command first.
| line 1: FROM: a new stage from alpine (build time, no layer)
| line 2: ENTRYPOINT: exec form, CMD and run arguments are appended; program ["echo"] (container start, no layer)
| line 3: CMD: shell form, default command ["/bin/sh", "-c", "hi"] (container start, no layer)
last: CMD hi
| line 3: CMD: shell form, default command ["/bin/sh", "-c", "hi"] (container start, no layer)
| line 2: ENTRYPOINT (container start, no layer): records the program every
|   container runs at start; CMD or docker run arguments are appended to it
|   (exec form only); exec form: runs ["echo"] directly, with no shell in
|   between
| ENTRYPOINT (container start, no layer): records the program every container
|   runs at start; CMD or docker run arguments are appended to it (exec form
|   only); shell form: runs ["/bin/sh", "-c", "echo"], so CMD and docker run
|   arguments never reach the program
| (tried on a copy of the session: nothing changed)
| that line leaves the instruction unfinished (it continues on the next line)
| (tried on a copy of the session: nothing changed)
   1  FROM alpine
   2  ENTRYPOINT ["echo"]
   3  CMD hi
=== stderr
docksim: the Dockerfile has no instruction at line 9 (it has 3 lines; :dockerfile lists them)
=== exit
1
