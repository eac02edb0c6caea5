An instruction error (layer 3) is located at the instruction's first line
=== args
parse -
=== stdin
FROM alpine
RUN echo hi
COPY \
  onlyone
=== stdout
=== stderr
<stdin>:3: error: dockerfile parse error on line 3: COPY requires at least two arguments, but only one was provided. Destination could not be determined
=== exit
1
