USER, WORKDIR and ENV as PID 1 sees them (engine-observations case k1):
`id` as nobody, a relative WORKDIR joined to the previous one, ENV in
both forms; USER 1000:1000 with no passwd entry gives bare numbers; -u 0
is root, whom the busybox image's /etc/group lists in wheel (the lab's
imitation had no member lists, hence its plain groups=0(root)).
=== args
--echo -
=== stdin
# the lab's case k1: USER, WORKDIR and ENV reach the process
FROM busybox
ENV A=1 B="two words"
ENV C 3
WORKDIR /w
WORKDIR rel
USER nobody
ENTRYPOINT ["sh", "-c", "id; pwd; echo \"A=$A B=$B C=$C\"", "arg0"]
docker build -q -t cfg .
docker run cfg
:new
FROM busybox
USER 1000:1000
CMD ["id"]
docker build -q -t cfg-uid .
# a uid without a passwd entry shows as a bare number
docker run cfg-uid
docker run -u 0 cfg-uid
=== stdout
docksim> # the lab's case k1: USER, WORKDIR and ENV reach the process
docksim> FROM busybox
| line 1: FROM: a new stage from busybox (build time, no layer)
docksim> ENV A=1 B="two words"
| line 2: ENV: sets A=1, B="two words" (image metadata, no layer)
docksim> ENV C 3
| line 3: ENV: sets C=3 (image metadata, no layer)
docksim> WORKDIR /w
| line 4: WORKDIR: working directory /w (build time, new layer)
docksim> WORKDIR rel
| line 5: WORKDIR: working directory rel (build time, new layer)
docksim> USER nobody
| line 6: USER: runs as user nobody (image metadata, no layer)
docksim> ENTRYPOINT ["sh", "-c", "id; pwd; echo \"A=$A B=$B C=$C\"", "arg0"]
| line 7: ENTRYPOINT: exec form, CMD and run arguments are appended; program ["sh", "-c", "id; pwd; echo \"A=$A B=$B C=... (container start, no layer)
docksim> docker build -q -t cfg .
| why:
|   1. (line 5) WORKDIR rel is relative, so it is joined to the previous working directory /w: the result is /w/rel.
|   2. (line 7) ENTRYPOINT resets the CMD inherited from the base image (["sh"] was dropped). Only a CMD written in this stage survives an ENTRYPOINT.
sha256:eeb86efd72471b64da77627b2dab862f005c7ea435afb841fb55447dff8e0540
docksim> docker run cfg
| PID 1: ["sh", "-c", "id; pwd; echo \"A=$A B=$B C=$C\"", "arg0"]
|   as a command line: sh -c 'id; pwd; echo "A=$A B=$B C=$C"' arg0
|   ["sh", "-c", "id; pwd; echo \"A=$A B=$B C=$C\"", "arg0"] from the image ENTRYPOINT
| why:
|   1. After `sh -c '...'` the extra words (arg0...) do not become part of the command: the shell sets them as $0, $1, ... and this command string never uses them, so they have no effect.
uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)
/w/rel
A=1 B=two words C=3
| exit code 0
docksim> :new
New, empty Dockerfile; images and containers stay (:undo brings the old one back).
docksim> FROM busybox
| line 1: FROM: a new stage from busybox (build time, no layer)
docksim> USER 1000:1000
| line 2: USER: runs as user 1000:1000 (image metadata, no layer)
docksim> CMD ["id"]
| line 3: CMD: exec form, default command ["id"] (container start, no layer)
docksim> docker build -q -t cfg-uid .
| why:
|   1. (line 3) CMD in exec form is stored as ["id"], exactly as written (no shell, no variable expansion).
sha256:c33f4e0e550334193412e9d30d6ea9d01807af9476eb5ce6e1e612cdc19fdb2e
docksim> # a uid without a passwd entry shows as a bare number
docksim> docker run cfg-uid
| PID 1: ["id"]
|   as a command line: id
|   ["id"] from the image CMD
uid=1000 gid=1000 groups=1000
| exit code 0
docksim> docker run -u 0 cfg-uid
| PID 1: ["id"]
|   as a command line: id
|   ["id"] from the image CMD
uid=0(root) gid=0(root) groups=0(root),10(wheel)
| exit code 0
=== stderr
=== exit
0
