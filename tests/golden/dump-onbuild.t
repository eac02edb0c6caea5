ONBUILD triggers (spec 3.2): JSON, flags of the trigger, heredoc, spacing, ENV pairs
=== args
parse --dump -
=== stdin
FROM busybox
ONBUILD RUN ["echo", "test"]
onbuild copy --from=build --chown=1:1 a b
ONBUILD ADD <<EOF /etc/motd
hello
EOF
ONBUILD   RUN   echo   spaced
ONBUILD ENV a=b c="d e"
=== stdout
(from "busybox")
(onbuild (run "echo" "test"))
(onbuild (copy ["--from=build" "--chown=1:1"] "a" "b"))
(onbuild (add "<<EOF" "/etc/motd"))
(onbuild (run "echo   spaced"))
(onbuild (env "a" "b" "=" "c" "\"d e\"" "="))
=== stderr
=== exit
0
