JSON vs shell form (spec 2.7): invalid JSON silently falls back to shell form
=== args
parse --dump -
=== stdin
FROM busybox
CMD ["echo", "x"]
CMD echo x
CMD ['echo','x']
CMD ["a"] extra
CMD ["a\x"]
CMD ["a",]
CMD []
CMD
RUN [ "a" , "b\tc", "\u00e9\u0000" ]
ENTRYPOINT ["/bin/sh", "-c", "echo \"$HOME\""]
VOLUME ["/a", "/b"]
VOLUME ["/a" "/b"]
WORKDIR ["a"]
COPY ["a b", "c"]
COPY a b  c
SHELL ["/bin/sh","-c"]
HEALTHCHECK CMD curl -f http://localhost/
HEALTHCHECK NONE
=== stdout
(from "busybox")
(cmd "echo" "x")
(cmd "echo x")
(cmd "['echo','x']")
(cmd "[\"a\"] extra")
(cmd "[\"a\\x\"]")
(cmd "[\"a\",]")
(cmd)
(cmd)
(run "a" "b\tc" "é\x00")
(entrypoint "/bin/sh" "-c" "echo \"$HOME\"")
(volume "/a" "/b")
(volume "[\"/a\"" "\"/b\"]")
(workdir "[\"a\"]")
(copy "a b" "c")
(copy "a" "b" "c")
(shell "/bin/sh" "-c")
(healthcheck "CMD" "curl -f http://localhost/")
(healthcheck "NONE")
=== stderr
=== exit
0
