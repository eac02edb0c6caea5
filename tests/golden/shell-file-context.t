:file NAME makes a build-context file from the next lines up to EOF; docker build . then finds it
=== args
--echo -
=== stdin
FROM alpine
COPY greeting.txt /greeting.txt
:file greeting.txt
hello from the build context
EOF
:file
docker build -q -t greet .
:state
=== stdout
docksim> FROM alpine
| line 1: FROM: a new stage from alpine (build time, no layer)
docksim> COPY greeting.txt /greeting.txt
| line 2: COPY: copies greeting.txt to /greeting.txt (build time, new layer)
docksim> :file greeting.txt
| type the content of greeting.txt; a line EOF ends it (Ctrl-C drops it)
[greeting.txt]> hello from the build context
[greeting.txt]> EOF
| created greeting.txt in the build context: 1 line, 29 bytes, mode 0644 (COPY greeting.txt ... reads it)
docksim> :file
docksim> docker build -q -t greet .
sha256:6a09df5c40f2210b1d3812f4c83cb252a4fa5a467b29ef5e6527f3d55193bfea
docksim> :state
Dockerfile: 2 lines (:dockerfile shows it)
Build context (docker build .): files greeting.txt (29 bytes, 0644)
Images:
  alpine:latest  c0247aa96dcc  pulled  CMD ["/bin/sh"]
  greet:latest  6a09df5c40f2  built  CMD ["/bin/sh"]
Containers: none (docker run IMAGE makes one)
Undo: 4 steps (:undo), 0 to redo (:redo)
=== stderr
docksim: :file: usage: :file NAME [MODE], then the file's lines, then EOF
=== exit
1
