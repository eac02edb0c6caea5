EOF inside a heredoc ('EOF ' with a trailing blank is no terminator)
=== args
parse -
=== stdin
FROM alpine
RUN <<EOF
echo hi
EOF 
=== stdout
=== stderr
<stdin>:2: error: unterminated heredoc
=== exit
1
