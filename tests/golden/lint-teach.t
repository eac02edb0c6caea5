--teach adds docksim's own teaching notes after BuildKit's output, marked as
docksim's (here the script has mode 0644 in the context and never runs its
arguments).
=== args
lint --teach lint/teach.Dockerfile
=== stdout
Check complete, no warnings found.

docksim teaching notes (docksim's own, not BuildKit checks):
 - docksim/entrypoint-script-not-executable: the ENTRYPOINT runs entrypoint.sh, which line 2 copies with mode 0644 (no execute bit): the container fails to start with "permission denied"; use COPY --chmod=755 (line 3)
   lesson: entrypoint-scripts
 - docksim/entrypoint-script-does-not-exec: the ENTRYPOINT script entrypoint.sh does not end with exec "$@": the CMD ["bash", "-c", "echo hi"] is handed to the script as arguments and never runs (line 4)
   lesson: entrypoint-scripts
=== stderr
=== exit
0
