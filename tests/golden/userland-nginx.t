The nginx image (base-images.md; lab cases h1 and g7): its
/docker-entrypoint.sh logs the /docker-entrypoint.d/ scripts only when
the command is nginx (NGINX_ENTRYPOINT_QUIET_LOGS=1 silences it), then
execs nginx, which is PID 1 as "nginx: master process ..." with its
workers; STOPSIGNAL SIGQUIT gives a graceful stop (exit 0).
=== args
--echo -
=== stdin
# base-images.md: nginx's /docker-entrypoint.sh configures, then exec "$@"
# a command other than nginx skips the configuration
docker run nginx echo hi
docker run -d --name web nginx
docker logs web
# nginx renamed itself: the master is PID 1, the workers run as nginx (101)
docker top web
# quiet logs
docker run -d --name quiet -e NGINX_ENTRYPOINT_QUIET_LOGS=1 nginx
docker logs quiet
docker stop web quiet
=== stdout
docksim> # base-images.md: nginx's /docker-entrypoint.sh configures, then exec "$@"
docksim> # a command other than nginx skips the configuration
docksim> docker run nginx echo hi
| PID 1: ["/docker-entrypoint.sh", "echo", "hi"]
|   as a command line: /docker-entrypoint.sh echo hi
|   ["/docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["echo", "hi"] from the docker run arguments
| why:
|   1. nginx:latest was not in the local image store yet, so Docker pulls it first (docksim uses its built-in copy of the official image's configuration).
|   2. The words after the image name replace the image's CMD and are appended to its ENTRYPOINT ["/docker-entrypoint.sh"].
hi
| exit code 0
docksim> docker run -d --name web nginx
| PID 1: ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]
|   as a command line: /docker-entrypoint.sh nginx -g 'daemon off;'
|   ["/docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["nginx", "-g", "daemon off;"] from the image CMD
| why:
|   1. The image's CMD ["nginx", "-g", "daemon off;"] is appended to its ENTRYPOINT as default arguments.
|   2. The nginx image's /docker-entrypoint.sh runs the scripts of /docker-entrypoint.d/ (logging each one), then `exec "$@"`: nginx replaces the script as PID 1.
|   3. PID 1 (`nginx: master process nginx -g daemon off;`) keeps running in the background.
a68788e2e0a10ff0058150e104c50ccd030ce30fa4cfdc7cd19382bf65c338a2
| exit code 0
docksim> docker logs web
/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
[docksim: nginx would serve HTTP on port 80: it keeps running]
docksim> # nginx renamed itself: the master is PID 1, the workers run as nginx (101)
docksim> docker top web
| why:
|   1. docker top lists the container's processes with the PIDs they have on the host (so PID 1 inside is 18341 here, the first row). Inside the container it is PID 1 (this image has no ps to show that).
|   2. The UID column comes from ps on the host, which looks the numbers up in the host's users: uid 101 is `nginx` inside the container, but here it shows as a number (or as whichever user has that uid on your machine).
UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD
root                18341               18320               0                   09:00               ?                   00:00:00            nginx: master process nginx -g daemon off;
101                 18350               18341               0                   09:00               ?                   00:00:00            nginx: worker process
101                 18351               18341               0                   09:00               ?                   00:00:00            nginx: worker process
101                 18352               18341               0                   09:00               ?                   00:00:00            nginx: worker process
101                 18353               18341               0                   09:00               ?                   00:00:00            nginx: worker process
docksim> # quiet logs
docksim> docker run -d --name quiet -e NGINX_ENTRYPOINT_QUIET_LOGS=1 nginx
| PID 1: ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]
|   as a command line: /docker-entrypoint.sh nginx -g 'daemon off;'
|   ["/docker-entrypoint.sh"] from the image ENTRYPOINT
|   ["nginx", "-g", "daemon off;"] from the image CMD
| why:
|   1. The image's CMD ["nginx", "-g", "daemon off;"] is appended to its ENTRYPOINT as default arguments.
|   2. The nginx image's /docker-entrypoint.sh runs the scripts of /docker-entrypoint.d/ (logging each one), then `exec "$@"`: nginx replaces the script as PID 1.
|   3. PID 1 (`nginx: master process nginx -g daemon off;`) keeps running in the background.
8d8db114f14347bb42ac0a99c0d190c9f9aa2e1b79783648db6f5c2f0a06ce3f
| exit code 0
docksim> docker logs quiet
[docksim: nginx would serve HTTP on port 80: it keeps running]
docksim> docker stop web quiet
| web: stopped after 0.000s, container exit code 0
| quiet: stopped after 0.000s, container exit code 0
| why:
|   1. docker stop sends SIGQUIT to PID 1 (`nginx: master process nginx -g daemon off;`), which has a handler for it.
|   2. nginx handles SIGQUIT (graceful shutdown) and exits 0.
|   3. PID 1 handled the signal and exited by itself with status 0: a clean shutdown.
web
quiet
| exit code 0
=== stderr
Unable to find image 'nginx:latest' locally
latest: Pulling from library/nginx
a9b4352a531e: Pull complete
Digest: sha256:1f71fea64718a9b4352a531e445aedb9df1ef4aad33293850c227f7172fd5d29
Status: Downloaded newer image for nginx:latest
=== exit
0
