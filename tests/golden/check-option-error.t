A bad # check= value aborts before anything else (spec 1, 8.1): no line number,
and the layer-3 error that would follow is not reached.
=== args
parse -
=== stdin
# check=skip=StageNameCasing;bogus
FROM alpine AS Build
COPY onlyone
=== stdout
=== stderr
<stdin>: error: failed to parse check options: invalid check option "bogus"
=== exit
1
