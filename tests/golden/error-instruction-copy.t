An instruction error (layer 3) is located at the instruction's first line
=== args
parse -
=== stdin
FROM alpine
RUN echo hi
COPY \
  onlyone
=== stdout
stage 0: FROM alpine
  1       FROM alpine
          build time: starts a build stage from a base image (its files and its
          configuration), scratch, or an earlier stage
  2       RUN echo hi
          shell form (runs as /bin/sh -c "...")
          build time, new layer: runs a command at build time and saves the
          resulting files as a new layer
=== stderr
<stdin>:3: error: dockerfile parse error on line 3: COPY requires at least two arguments, but only one was provided. Destination could not be determined
=== exit
1
