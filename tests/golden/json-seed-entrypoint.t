--json: one object per docker command with command, exit_code, stdout,
stderr, explain ({id, line, text}), and argv/env/workdir/user/container for
run, image/config/warnings for build. GREETING is not set in the test's
environment, so `-e GREETING` sends the bare name (it unsets it).
=== args
--json -
=== stdin
FROM ubuntu:latest
ENTRYPOINT ["echo", "Hello, World!"]
docker build -t my-image .
docker run my-image Welcome
docker run -e GREETING my-image
docker run nosuchimage
=== stdout
{"command":"docker build -t my-image .","exit_code":0,"stdout":"","stderr":"#0 building with \"default\" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 56B done\n#1 DONE 0.0s\n\n#2 [internal] load metadata for docker.io/library/ubuntu:latest\n#2 DONE 0.0s\n\n#3 [internal] load .dockerignore\n#3 transferring context: 2B done\n#3 DONE 0.0s\n\n#4 [1/1] FROM docker.io/library/ubuntu:latest\n#4 DONE 0.0s\n\n#5 exporting to image\n#5 exporting layers done\n#5 writing image sha256:9b29337f99d96607402dea7d20fdd1ae447d381d6d745bc8b66b16fae0df12d7 done\n#5 naming to docker.io/library/my-image:latest done\n#5 DONE 0.0s\n","explain":[{"id":"build.entrypoint-resets-inherited-cmd","line":2,"text":"ENTRYPOINT resets the CMD inherited from the base image ([\"/bin/bash\"] was dropped). Only a CMD written in this stage survives an ENTRYPOINT."}],"image":"sha256:9b29337f99d96607402dea7d20fdd1ae447d381d6d745bc8b66b16fae0df12d7","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Entrypoint":["echo","Hello, World!"],"Labels":{"org.opencontainers.image.ref.name":"ubuntu","org.opencontainers.image.version":"26.04"}},"warnings":[]}
{"command":"docker run my-image Welcome","exit_code":0,"stdout":"Hello, World! Welcome\n","stderr":"","explain":[{"id":"run.args-appended-to-entrypoint","line":0,"text":"The words after the image name replace the image's CMD and are appended to its ENTRYPOINT [\"echo\", \"Hello, World!\"]."}],"argv":["echo","Hello, World!","Welcome"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","HOSTNAME=a68788e2e0a1","HOME=/root"],"workdir":"/","user":"","container":"dazzling_euclid"}
{"command":"docker run -e GREETING my-image","exit_code":0,"stdout":"Hello, World!\n","stderr":"","explain":[{"id":"run.env-bare-unsets","line":0,"text":"-e GREETING has no value and GREETING is not set on your side (the host), so the CLI sends the bare name, which removes GREETING from the container's environment even if the image sets it."}],"argv":["echo","Hello, World!"],"env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","HOSTNAME=8d8db114f143","HOME=/root"],"workdir":"/","user":"","container":"eager_fermi"}
{"command":"docker run nosuchimage","exit_code":125,"stdout":"","stderr":"Unable to find image 'nosuchimage:latest' locally\ndocker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login'\n\nRun 'docker run --help' for more information\n","explain":[{"id":"run.image-not-found","line":0,"text":"docksim never downloads images: 'nosuchimage' is neither a known official image nor one built in this session. docksim knows these images: alpine, busybox, debian, golang, httpd, mysql, nginx, node, postgres, python, redis, ruby, ubuntu"}]}
=== stderr
=== exit
1
