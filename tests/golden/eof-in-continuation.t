EOF while continuing is fine (spec 2.4)
=== args
parse --dump -
=== stdin
FROM alpine
RUN echo a \
  && echo b \
=== stdout
(from "alpine")
(run "echo a   && echo b")
=== stderr
=== exit
0
