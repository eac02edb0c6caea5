--quiet: only what Docker's terminal would show; no commentary, : commands still answer
=== args
--quiet -
=== stdin
FROM alpine
CMD ["echo", "quiet"]
docker build -q -t q .
docker run q
:undo
=== stdout
sha256:62625fcb10c973e9c512783268124144ddb29be891964eef1e9053256985cf96
quiet
undone: docker run q
=== stderr
=== exit
0
