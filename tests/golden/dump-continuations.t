Continuations (spec 2.4): indent kept, no separator, comments skipped,
two backslashes never continue, JSON split by a continuation.
=== args
parse --dump -
=== stdin
FROM busybox
RUN echo hello\
  world\
  !
RUN echo good\
bye\
frog
RUN apt-get install \
# a comment inside
    curl \
    git
RUN a \\\
CMD ["a", \
 "b"]
=== stdout
(from "busybox")
(run "echo hello  world  !")
(run "echo goodbyefrog")
(run "apt-get install     curl     git")
(run "a \\\\\\")
(cmd "a" "b")
=== stderr
=== exit
0
