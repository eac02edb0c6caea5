A zero-byte file: the frontend's own check, before parsing
=== args
parse empty.Dockerfile
=== stdout
=== stderr
empty.Dockerfile: error: the Dockerfile cannot be empty
=== exit
1
