NUL bytes are ordinary characters for BuildKit (dumped as \x00)
=== args
parse --dump nul-bytes.Dockerfile
=== stdout
(from "busybox")
(run "echo \"a\x00b\"")
(label "x" "\x00" "=")
=== stderr
nul-bytes.Dockerfile: docksim note: the file contains NUL bytes; Docker reads them as ordinary characters, but a Dockerfile should be plain text
=== exit
0
