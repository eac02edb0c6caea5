A bad escape directive: reported at the 0-based line index (0: no number shown)
=== args
parse -
=== stdin
# escape=x
FROM alpine
=== stdout
=== stderr
<stdin>: error: invalid escape token 'x' does not match ` or \
=== exit
1
