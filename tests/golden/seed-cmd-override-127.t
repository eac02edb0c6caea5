The seed blog post's CMD claims: the whole CMD is replaced by the run
arguments, so `docker run my-image "Welcome"` tries to execute a program
called Welcome and fails with exit 127 (the post says it prints Welcome);
CMD creates no layer (0B history row).
=== args
--echo -
=== stdin
# The blog post's CMD example.
FROM ubuntu:latest
CMD ["echo", "Hello, World!"]
docker build -t my-image .
docker run my-image
# The post says this prints "Welcome". Real Docker: exit 127.
docker run my-image "Welcome"
docker run my-image echo Welcome
# CMD makes no layer: a 0B row in the history.
docker history my-image
=== stdout
docksim> # The blog post's CMD example.
docksim> FROM ubuntu:latest
| line 1: FROM: a new stage from ubuntu:latest (build time, no layer)
docksim> CMD ["echo", "Hello, World!"]
| line 2: CMD: exec form, default command ["echo", "Hello, World!"] (container start, no layer)
docksim> docker build -t my-image .
| why:
|   1. (line 2) CMD in exec form is stored as ["echo", "Hello, World!"], exactly as written (no shell, no variable expansion).
docksim> docker run my-image
| PID 1: ["echo", "Hello, World!"]
|   as a command line: echo 'Hello, World!'
|   ["echo", "Hello, World!"] from the image CMD
Hello, World!
| exit code 0
docksim> # The post says this prints "Welcome". Real Docker: exit 127.
docksim> docker run my-image "Welcome"
| PID 1: ["Welcome"]
|   as a command line: Welcome
|   ["Welcome"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["echo", "Hello, World!"]; the first word is the program to run.
|   2. PID 1 would be "Welcome", but no executable with that name is in the container's $PATH. The process never starts: 127 is the docker CLI's own exit code, read from the error text, and the container stays in the Created state.
| exit code 127
docksim> docker run my-image echo Welcome
| PID 1: ["echo", "Welcome"]
|   as a command line: echo Welcome
|   ["echo", "Welcome"] from the docker run arguments
| why:
|   1. The words after the image name replace the image's whole CMD ["echo", "Hello, World!"]; the first word is the program to run.
Welcome
| exit code 0
docksim> # CMD makes no layer: a 0B row in the history.
docksim> docker history my-image
| why:
|   1. Rows with a size come from instructions that change files (RUN, COPY, ADD, WORKDIR): they are layers. CMD, ENV, EXPOSE and the other metadata instructions add a row of 0B: they only change the image's configuration.
IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT
12b3cd9359c3   7 seconds ago   CMD ["echo" "Hello, World!"]                    0B        buildkit.dockerfile.v0
<missing>      9 days ago      /bin/sh -c #(nop)  CMD ["/bin/bash"]            0B        
<missing>      9 days ago      /bin/sh -c #(nop) ADD file:abfc1768a57a6029d…   78.1MB    
=== stderr
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 49B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/ubuntu:latest
#2 DONE 0.0s

#3 [internal] load .dockerignore
#3 transferring context: 2B done
#3 DONE 0.0s

#4 [1/1] FROM docker.io/library/ubuntu:latest
#4 DONE 0.0s

#5 exporting to image
#5 exporting layers done
#5 writing image sha256:12b3cd9359c34d1533351842154d388b80c02e0d3c151e6b4f0827325025df44 done
#5 naming to docker.io/library/my-image:latest done
#5 DONE 0.0s
docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "Welcome": executable file not found in $PATH: unknown

Run 'docker run --help' for more information
=== exit
1
