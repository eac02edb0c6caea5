The postgres and redis images' entrypoints (base-images.md): postgres
without POSTGRES_PASSWORD prints its error and exits 1 (the application,
not Docker); with one it runs as the postgres user and stops on SIGINT;
redis 8 drops root for the redis user (999), says "Starting Redis
Server", prepends redis-server to `--option` arguments, and handles
SIGTERM. docker top shows uids as numbers (ps runs on the host).
=== args
--echo -
=== stdin
# base-images.md: postgres refuses an empty database without a password
docker run --name pg1 postgres
docker ps -a
# with one it initialises, then drops root for the postgres user
docker run -d --name pg2 -e POSTGRES_PASSWORD=secret postgres
docker top pg2
docker exec pg2 id
# STOPSIGNAL SIGINT is postgres's fast shutdown
docker stop pg2
# redis: the entrypoint drops to the redis user with setpriv, then execs
docker run -d --name r1 redis
docker logs r1
docker top r1
docker exec r1 id
# a first argument starting with - gets redis-server put in front
docker run -d --name r2 redis --appendonly yes
docker top r2
# redis-server handles SIGTERM: a quick, clean stop
docker stop r1 r2
=== stdout
docksim> # base-images.md: postgres refuses an empty database without a password
docksim> docker run --name pg1 postgres
| PID 1: ["docker-entrypoint.sh", "postgres"]
|   as a command line: docker-entrypoint.sh postgres
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["postgres"] from the image CMD
| why:
|   1. postgres:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. The image's CMD ["postgres"] is appended to its ENTRYPOINT as default arguments.
|   3. The postgres image's entrypoint starts as root, creates and chowns the data directory, then re-runs itself as the postgres user (uid 999) with gosu: postgres refuses to run as root.
|   4. The postgres image refuses to initialise an empty database without a password: pass -e POSTGRES_PASSWORD=... to docker run. This is the application failing (exit 1), not Docker.
| exit code 1
docksim> docker ps -a
CONTAINER ID   IMAGE      COMMAND                  CREATED         STATUS                              PORTS     NAMES
30c927222cb7   postgres   "docker-entrypoint.s…"   2 seconds ago   Exited (1) Less than a second ago             pg1
docksim> # with one it initialises, then drops root for the postgres user
docksim> docker run -d --name pg2 -e POSTGRES_PASSWORD=secret postgres
| PID 1: ["docker-entrypoint.sh", "postgres"]
|   as a command line: docker-entrypoint.sh postgres
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["postgres"] from the image CMD
| why:
|   1. The image's CMD ["postgres"] is appended to its ENTRYPOINT as default arguments.
|   2. The postgres image's entrypoint starts as root, creates and chowns the data directory, then re-runs itself as the postgres user (uid 999) with gosu: postgres refuses to run as root.
|   3. PID 1 (`postgres`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker top pg2
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 18341 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
|   2. The UID column comes from ps on the host, which looks the numbers up in the host's users: uid 999 is `postgres` inside the container, but here it shows as a number (or as whichever user has that uid on your machine).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
999                 18341               18320               0                   09:00               ?                   00:00:00            postgres
docksim> docker exec pg2 id
uid=0(root) gid=0(root) groups=0(root)
docksim> # STOPSIGNAL SIGINT is postgres's fast shutdown
docksim> docker stop pg2
| stopped after 0.000s, container exit code 0
| why:
|   1. docker stop sends SIGINT to PID 1 (`postgres`), which has a handler for it.
|   2. PID 1 handled the signal and exited by itself with status 0: a clean shutdown.
pg2
| exit code 0
docksim> # redis: the entrypoint drops to the redis user with setpriv, then execs
docksim> docker run -d --name r1 redis
| PID 1: ["docker-entrypoint.sh", "redis-server"]
|   as a command line: docker-entrypoint.sh redis-server
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["redis-server"] from the image CMD
| why:
|   1. redis:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. The image's CMD ["redis-server"] is appended to its ENTRYPOINT as default arguments.
|   3. The redis image's entrypoint runs as root first, fixes the ownership of /data, then re-executes itself as the redis user (uid 999) with setpriv before starting redis-server.
|   4. PID 1 (`redis-server *:6379`) keeps running in the background.
ef65940d1a9a78c23245c34ae308630936c50f2d25ad935ae3f1ae3a12f07b3f
| exit code 0
docksim> docker logs r1
Starting Redis Server
[docksim: redis-server would serve on port 6379: it keeps running]
docksim> docker top r1
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 30791 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
|   2. The UID column comes from ps on the host, which looks the numbers up in the host's users: uid 999 is `redis` inside the container, but here it shows as a number (or as whichever user has that uid on your machine).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
999                 30791               30770               0                   09:00               ?                   00:00:00            redis-server *:6379
docksim> docker exec r1 id
uid=0(root) gid=0(root) groups=0(root)
docksim> # a first argument starting with - gets redis-server put in front
docksim> docker run -d --name r2 redis --appendonly yes
| PID 1: ["docker-entrypoint.sh", "--appendonly", "yes"]
|   as a command line: docker-entrypoint.sh --appendonly yes
|   ["docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["--appendonly", "yes"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["docker-entrypoint.sh"].
|   2. The redis image's entrypoint runs as root first, fixes the ownership of /data, then re-executes itself as the redis user (uid 999) with setpriv before starting redis-server.
|   3. PID 1 (`redis-server *:6379`) keeps running in the background.
4296bd298d6313f37ebd5b6f5b404316a6532b2f37f3206f8d4f92cf426505e4
| exit code 0
docksim> docker top r2
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 19001 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
|   2. The UID column comes from ps on the host, which looks the numbers up in the host's users: uid 999 is `redis` inside the container, but here it shows as a number (or as whichever user has that uid on your machine).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
999                 19001               18980               0                   09:00               ?                   00:00:00            redis-server *:6379
docksim> # redis-server handles SIGTERM: a quick, clean stop
docksim> docker stop r1 r2
| r1: stopped after 0.000s, container exit code 0
| r2: stopped after 0.000s, container exit code 0
| why:
|   1. docker stop sends SIGTERM to PID 1 (`redis-server *:6379`), which has a handler for it.
|   2. PID 1 handled the signal and exited by itself with status 0: a clean shutdown.
r1
r2
| exit code 0
=== stderr
Unable to find image 'postgres:latest' locally
latest: Pulling from library/postgres
d8ffaaaa7d93: Pull complete
Digest: sha256:62de944226d4d8ffaaaa7d935d16a408a61a6402cbdf723464374eb800386795
Status: Downloaded newer image for postgres:latest
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
Unable to find image 'redis:latest' locally
latest: Pulling from library/redis
9d3ab9b30b77: Pull complete
Digest: sha256:d1e3d922277e9d3ab9b30b7712abaaa174b1d685e59a0817405ce6eb50b97240
Status: Downloaded newer image for redis:latest
=== exit
1
