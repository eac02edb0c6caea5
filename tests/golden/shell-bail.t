--bail: the script stops at the first line that fails (here a docker run whose image cannot be pulled); exit status 1; nothing after it runs
=== args
--bail --echo --quiet -
=== stdin
FROM alpine
docker ps
docker run nosuchimage
CMD ["never"]
docker ps
=== stdout
docksim> FROM alpine
docksim> docker ps
CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
docksim> docker run nosuchimage
=== stderr
Unable to find image 'nosuchimage:latest' locally
docker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login'

Run 'docker run --help' for more information
docksim: stopped at line 3, the first that failed (--bail)
=== exit
1
