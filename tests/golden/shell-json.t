--json: stdout holds one JSON object per docker command and nothing else; : command output goes to stderr
=== args
--json -
=== stdin
FROM alpine
:dockerfile
docker ps
=== stdout
{"command":"docker ps","exit_code":0,"stdout":"CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n","stderr":"","explain":[]}
=== stderr
   1  FROM alpine
=== exit
0
