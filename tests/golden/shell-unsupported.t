things learners try that docksim does not do: a friendly sentence each
=== args
-
=== stdin
ls -la
cd /app
vim Dockerfile
docker compose up
docker pull alpine
=== stdout
| docksim does not simulate Compose: it covers single containers, so write one docker build and docker run per service (:help unsupported)
| docksim has no registry: FROM and docker run use the base images it knows as if already pulled (:images lists them)
=== stderr
docksim: docksim has no shell of its own. To look inside an image, run `docker run IMAGE ls /path`.
docksim: there is no current directory to change here; in a Dockerfile, WORKDIR sets the directory.
docksim: docksim has no editor: type Dockerfile lines directly, one per line.
docker: unknown command: docker compose

Run 'docker --help' for more information
docksim: `docker pull` is a real docker command that docksim does not simulate (yet).
=== exit
1
