pasted prompts are stripped: docksim's own (main and continuation) and a shell's '$ ' before docker
=== args
--quiet -
=== stdin
docksim> FROM alpine
docksim> CMD ["echo", \
   [...>   "pasted"]
$ docker ps
:dockerfile
=== stdout
CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
   1  FROM alpine
   2  CMD ["echo", \
   3    "pasted"]
=== stderr
=== exit
0
