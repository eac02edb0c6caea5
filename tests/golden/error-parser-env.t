A parser error (layer 2): no 'dockerfile parse error' prefix (spec 9.2)
=== args
parse -
=== stdin
FROM alpine
RUN echo hi
ENV key
=== stdout
=== stderr
<stdin>:3: error: ENV must have two arguments
=== exit
1
