--echo: every line after its prompt; continuation prompts name what is open (\, [, <<EOF); one line of feedback per instruction
=== args
--echo -
=== stdin
# A transcript: prompts say what is still open.
FROM alpine AS base
RUN apk add --no-cache \
    curl
CMD ["echo", \
     "hello"]
RUN <<EOF
echo inside a heredoc
EOF
ENTRYPOINT echo
:dockerfile
:undo
:redo
:state
=== stdout
docksim> # A transcript: prompts say what is still open.
docksim> FROM alpine AS base
| line 1: FROM: a new stage from alpine, named base (build time, no layer)
docksim> RUN apk add --no-cache \
      \>     curl
| lines 2-3: RUN: shell form, runs ["/bin/sh", "-c", "apk add --no-cache     curl"] (build time, new layer)
docksim> CMD ["echo", \
   [...>      "hello"]
| lines 4-5: CMD: exec form, default command ["echo", "hello"] (container start, no layer)
docksim> RUN <<EOF
  <<EOF> echo inside a heredoc
  <<EOF> EOF
| lines 6-8: RUN: runs the heredoc <<EOF as a script (/bin/sh) (build time, new layer)
docksim> ENTRYPOINT echo
| line 9: ENTRYPOINT: shell form, CMD and run arguments never reach it; program ["/bin/sh", "-c", "echo"] (container start, no layer)
| warning (docksim's own, not a BuildKit check): docksim/shell-entrypoint-drops-cmd: the CMD of line 4 never reaches the shell-form ENTRYPOINT of line 9: the container runs ["/bin/sh", "-c", "echo", "echo", "hello"], where the CMD's words are only $0, $1... of a shell that never uses them; write the ENTRYPOINT in exec form (:help docksim/shell-entrypoint-drops-cmd)
docksim> :dockerfile
   1  FROM alpine AS base
   2  RUN apk add --no-cache \
   3      curl
   4  CMD ["echo", \
   5       "hello"]
   6  RUN <<EOF
   7  echo inside a heredoc
   8  EOF
   9  ENTRYPOINT echo
docksim> :undo
undone: ENTRYPOINT echo
docksim> :redo
redone: ENTRYPOINT echo
docksim> :state
Dockerfile: 9 lines (:dockerfile shows it)
Build context (docker build .): empty (:file NAME adds a file)
Images: none yet (docker build makes one; docker run IMAGE pulls a known one)
Containers: none (docker run IMAGE makes one)
Undo: 5 steps (:undo), 0 to redo (:redo)
=== stderr
=== exit
0
