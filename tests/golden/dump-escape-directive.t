# escape=` (spec 2.3/2.4): backtick continues lines and escapes ENV words;
flag words always use backslash (BuildKit's extractBuilderFlags has no escape parameter).
=== args
parse --dump -
=== stdin
# escape=`
FROM mcr.microsoft.com/windows/servercore
COPY testfile.txt c:\
RUN dir c:\ `
    /b
RUN echo a\
RUN echo b``
ENV x=a` b y=c\d
COPY --chown=a\ b --from=x` y src dst
=== stdout
(from "mcr.microsoft.com/windows/servercore")
(copy "testfile.txt" "c:\\")
(run "dir c:\\     /b")
(run "echo a\\")
(run "echo b``")
(env "x" "a` b" "=" "y" "c\\d" "=")
(copy ["--chown=a b" "--from=x`"] "y" "src" "dst")
=== stderr
=== exit
0
