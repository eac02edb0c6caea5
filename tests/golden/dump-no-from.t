--dump prints the AST (layer 2 succeeded), then layer 3 fails:
'no build stage in current context' has no prefix but a location.
=== args
parse --dump -
=== stdin
# a Dockerfile without FROM
ARG VERSION=1
RUN echo $VERSION
CMD ["sh"]
=== stdout
(arg "VERSION=1")
(run "echo $VERSION")
(cmd "sh")
=== stderr
<stdin>:3: error: no build stage in current context
=== exit
1
