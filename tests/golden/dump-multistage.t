The BuildKit AST dump of the same file (spec 3.2)
=== args
parse --dump multistage.Dockerfile
=== stdout
(arg "BASE=debian:12")
(arg "VERSION")
(from "${BASE}" "AS" "build")
(workdir "/src")
(copy ["--chown=1000:1000" "--chmod=644"] "go.mod" "go.sum" "./")
(run ["--mount=type=cache,target=/root/.cache"] "make build")
(run "<<EOF")
(shell "/bin/bash" "-o" "pipefail" "-c")
(run "ls | wc -l")
(from "build" "AS" "test")
(run "make test")
(cmd "make watch")
(from "scratch")
(copy ["--from=build"] "/src/app" "/app")
(copy "a file" "/dst/")
(env "PATH" "/app:$PATH" "=")
(expose "8080/tcp")
(healthcheck ["--interval=30s"] "CMD" "/app" "health")
(entrypoint "/app")
(cmd "serve")
=== stderr
=== exit
0
