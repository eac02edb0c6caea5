Invalid UTF-8: kept as bytes in RUN (quoted \xe9), but ENV/LABEL/ARG words
decode runes, so an invalid byte becomes U+FFFD (parseWords).
=== args
parse --dump invalid-utf8.Dockerfile
=== stdout
(from "busybox")
(run "echo caf\xe9 \xff")
(label "name" "�" "=")
=== stderr
=== exit
0
