without --bail every line runs; the exit status is 1 because lines failed (a docker command, an unknown line)
=== args
--quiet -
=== stdin
docker run nosuchimage
FROM alpine
ls
:dockerfile
=== stdout
   1  FROM alpine
=== stderr
Unable to find image 'nosuchimage:latest' locally
docker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login'

Run 'docker run --help' for more information
docksim: docksim has no shell of its own. To look inside an image, run `docker run IMAGE ls /path`.
=== exit
1
