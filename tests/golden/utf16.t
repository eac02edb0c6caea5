A UTF-16LE file (FF FE BOM): "FROM alpine" / "RUN ls" in UTF-16. BuildKit reads
bytes: the first line's word is FF FE 'F' 00 'R' 00 'O' 00 'M' 00 (up to the
0x20 byte), an unknown instruction, quoted as written (raw bytes, NULs
included; no suggestion, too far from every name).
=== args
parse utf16.Dockerfile
=== stdout
=== stderr escaped
utf16.Dockerfile: docksim note: the file starts with a UTF-16 byte-order mark; Docker reads Dockerfiles as UTF-8, so save it as UTF-8 (many editors call it "UTF-8" or "UTF-8 without BOM")
utf16.Dockerfile:1: error: dockerfile parse error on line 1: unknown instruction: \0377\0376F\0000R\0000O\0000M\0000
=== exit
1
