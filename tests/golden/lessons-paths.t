docksim lessons paths: the state model's paths and operators (from the
one table that also drives validation and :state).
=== args
lessons paths
=== stdout
state PATH OP VALUE:
  image.base (string)
      the image the final stage is built FROM (alpine -> alpine:latest)
  image.workdir (string)
      WORKDIR (missing: not set, processes start in /)
  image.user (string)
      USER (missing: not set, processes run as root)
  image.env.<NAME> (string)
      the value of environment variable NAME (missing: not set)
  image.exposed (list)
      EXPOSEd ports as the image records them, e.g. ["80/tcp"] (missing: none)
  image.entrypoint (list)
      ENTRYPOINT as stored in the image (missing: none)
  image.entrypoint.form (string)
      exec, shell or none
  image.cmd (list)
      CMD as stored in the image (missing: none)
  image.cmd.form (string)
      exec, shell or none
  image.cmd.inherited (true|false)
      true when the CMD came from the base image, not this Dockerfile
  image.layers (list)
      the Dockerfile's instructions that added a filesystem layer, in order (the rows of docker history that are layers)
  image.empty-layers (list)
      the Dockerfile's instructions that only changed the configuration (the 0B rows of docker history: CMD, ENV, ...)
  dockerfile.instructions (list)
      the Dockerfile's instruction keywords, in order
  dockerfile.notes (list)
      ids of the explanations and build-check warnings its build raised

run DOCKER-RUN-COMMAND => PATH OP VALUE, last-run PATH OP VALUE:
  argv (list)
      PID 1's argv (missing: no container was created)
  pid1 (string)
      the program PID 1 runs: argv[0]
  via-shell (true|false)
      true when PID 1 is a shell running -c
  ignored-args (list)
      words after a sh -c string that the shell never reads
  exit (number)
      the docker command's exit status
  stdout (string)
      what it printed on stdout, without the final newline (simulated programs only)
  notes (list)
      ids of the explanations it raised

operators: = != has ~ exists missing (has and ~ on strings and lists only)
=== stderr
=== exit
0
