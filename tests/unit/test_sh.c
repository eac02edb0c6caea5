#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ul_fixture.h"

/* Debian bookworm (dash, bash 5.2.15), BusyBox (ash), Alpine (ash). */
#define DEB "debian:bookworm"
#define BB "busybox"
#define ALP "alpine"

/* Run script with /bin/sh -c (or bash -c) and check the result; out/err
 * NULL: not checked. */
static void check_in(const char *image, bool bash, const char *script,
                     int status, const char *out, const char *err)
{
    struct ulrun r;
    ul_init(&r, image);
    if (bash)
        ul_bash(&r, script);
    else
        ul_sh(&r, script);
    if (r.status != status || (out && strcmp(r.out.buf, out) != 0) ||
        (err && strcmp(r.err.buf, err) != 0))
        fprintf(stderr, "script: %s\nstatus %d\nout <%s>\nerr <%s>\n", script,
                r.status, r.out.buf, r.err.buf);
    assert_int_equal(r.status, status);
    if (out)
        assert_string_equal(r.out.buf, out);
    if (err)
        assert_string_equal(r.err.buf, err);
    ul_release(&r);
}

static void dash(const char *script, int status, const char *out,
                 const char *err)
{
    check_in(DEB, false, script, status, out, err);
}

static void ash(const char *script, int status, const char *out,
                const char *err)
{
    check_in(BB, false, script, status, out, err);
}

static void bash(const char *script, int status, const char *out,
                 const char *err)
{
    check_in(DEB, true, script, status, out, err);
}

/* The same in all three shells. */
static void all3(const char *script, int status, const char *out)
{
    dash(script, status, out, NULL);
    ash(script, status, out, NULL);
    bash(script, status, out, NULL);
}

/* ===== simple commands, quoting ===================================== */

static void test_sh_echo_and_quotes(void **state)
{
    (void)state;
    all3("echo hi", 0, "hi\n");
    all3("echo 'a  b' \"c  d\" e\\ f", 0, "a  b c  d e f\n");
    all3("echo \"it's\" 'say \"x\"'", 0, "it's say \"x\"\n");
    all3("echo a\\\nb", 0, "ab\n");
    all3("echo ''", 0, "\n");
    all3("echo \"\\$HOME\" '$HOME'", 0, "$HOME $HOME\n");
    all3("echo one     two", 0, "one two\n");
    /* the escape directive case of the lab (e10) */
    dash("echo C:\\path\\to     continued", 0, "C:pathto continued\n", "");
}

static void test_sh_not_found_flavours(void **state)
{
    (void)state;
    dash("nosuch", 127, "", "/bin/sh: 1: nosuch: not found\n");
    ash("nosuch", 127, "", "/bin/sh: nosuch: not found\n");
    bash("nosuch", 127, "", "bash: line 1: nosuch: command not found\n");
    /* the lab's e01/e11: single quotes are not JSON */
    dash("['echo','hi']", 127, "", "/bin/sh: 1: [echo,hi]: not found\n");
    ash("['echo','hi']", 127, "", "/bin/sh: [echo,hi]: not found\n");
    dash("[\"echo\", \"hi\",]", 127, "", "/bin/sh: 1: [echo,: not found\n");
    dash("true\nnosuch", 127, "", "/bin/sh: 2: nosuch: not found\n");
    dash("./missing", 127, "", "/bin/sh: 1: ./missing: not found\n");
    bash("./missing", 127, "",
         "bash: line 1: ./missing: No such file or directory\n");
}

static void test_sh_echo_flavours(void **state)
{
    (void)state;
    /* dash's builtin echo interprets backslashes; ash and bash do not */
    dash("echo 'a\\nb'", 0, "a\nb\n", "");
    ash("echo 'a\\nb'", 0, "a\\nb\n", "");
    bash("echo 'a\\nb'", 0, "a\\nb\n", "");
    /* dash's echo has no -e: it prints it */
    dash("echo -e 'x\\ty'", 0, "-e x\ty\n", "");
    ash("echo -e 'x\\ty'", 0, "x\ty\n", "");
    bash("echo -e 'x\\ty'", 0, "x\ty\n", "");
    all3("echo -n hi", 0, "hi");
    dash("echo 'a\\cb'; echo c", 0, "ac\n", "");
}

static void test_sh_exit_status(void **state)
{
    (void)state;
    all3("exit 3", 3, "");
    all3("false", 1, "");
    all3("true; false; true", 0, "");
    all3("false; echo $?", 0, "1\n");
    all3("(exit 7); echo $?", 0, "7\n");
    all3("! true; echo $?", 0, "1\n");
    all3("exit 300", 44, "");
}

/* ===== parameters =================================================== */

static void test_sh_parameters(void **state)
{
    (void)state;
    all3("x=1; y=\"$x 2\"; echo \"$y\" ${x}", 0, "1 2 1\n");
    all3("echo ${U:-dflt} ${U-d2} \"${E:-e}\"", 0, "dflt d2 e\n");
    all3("E=; echo \"[${E-unset}] [${E:-empty}]\"", 0, "[] [empty]\n");
    all3("echo ${Z:=set}; echo $Z", 0, "set\nset\n");
    all3("v=x; echo ${v:+alt} [${w:+alt}]", 0, "alt []\n");
    all3("f=/a/b/c.tar.gz; echo ${f##*/} ${f#*/} ${f%.*} ${f%%.*} ${#f}", 0,
         "c.tar.gz a/b/c.tar.gz /a/b/c.tar /a/b/c 13\n");
    all3("set -- a 'b c' d; echo $# \"$1\" \"$2\"; shift; echo $1", 0,
         "3 a b c\nb c\n");
    all3("set -- a 'b c'; for w in \"$@\"; do echo \"<$w>\"; done", 0,
         "<a>\n<b c>\n");
    all3("set -- a 'b c'; for w in $@; do echo \"<$w>\"; done", 0,
         "<a>\n<b>\n<c>\n");
    all3("set -- a b; IFS=-; echo \"$*\"", 0, "a-b\n");
    all3("set -- ; for w in \"$@\"; do echo x; done; echo done", 0,
         "done\n");
    bash("v=hello; echo ${v/l/L} ${v//l/L} ${v:1:3} ${v^^}", 0,
         "heLlo heLLo ell HELLO\n", "");
    ash("v=hello; echo ${v/l/L} ${v//l/L} ${v:1:3}", 0, "heLlo heLLo ell\n",
        "");
    dash("v=hello; echo ${v/l/L}", 2, "", "/bin/sh: 1: Bad substitution\n");
}

static void test_sh_positional_from_argv(void **state)
{
    (void)state;
    /* sh -c STRING $0 $1 ... (run-semantics.md §2.2) */
    struct ulrun r;
    ul_init(&r, DEB);
    const char *argv[] = { "/bin/sh", "-c", "echo \"0=$0 1=$1 all=$@\"", "x",
                           "y", "z", NULL };
    ul_exec(&r, argv);
    assert_string_equal(r.out.buf, "0=x 1=y all=y z\n");
    ul_clear(&r);
    const char *argv2[] = { "sh", "-c", "nosuch", "myname", NULL };
    ul_exec(&r, argv2);
    assert_string_equal(r.err.buf, "myname: 1: nosuch: not found\n");
    ul_release(&r);
}

static void test_sh_special_vars(void **state)
{
    (void)state;
    bash("echo \"$0 $BASH_VERSION\"", 0, "bash 5.2.15(1)-release\n", "");
    dash("echo [$BASH_VERSION]", 0, "[]\n", "");
    all3("echo $HOME $HOSTNAME", 0, "/root testhost\n");
    all3("cd /tmp && echo $PWD", 0, "/tmp\n");
    all3("echo $PWD", 0, "/\n");
    all3("echo $$", 0, "1\n");
    all3("sleep 1 & echo $!", 0, "7\n");
}

static void test_sh_arithmetic(void **state)
{
    (void)state;
    all3("echo $((1 + 2 * 3)) $((10 / 3)) $((10 % 3)) $((-4))", 0,
         "7 3 1 -4\n");
    all3("i=5; echo $((i + 1)) $(( i > 3 ? 1 : 0 ))", 0, "6 1\n");
    all3("i=0; i=$((i+1)); i=$((i+1)); echo $i", 0, "2\n");
    dash("echo $((1/0))", 2, "",
         "/bin/sh: 1: arithmetic expression: division by zero: \"1/0\"\n");
}

/* ===== control flow ================================================= */

static void test_sh_if_case(void **state)
{
    (void)state;
    all3("if true; then echo a; elif false; then echo b; else echo c; fi",
         0, "a\n");
    all3("if false; then echo a; elif true; then echo b; else echo c; fi",
         0, "b\n");
    all3("if false; then echo a; fi; echo $?", 0, "0\n");
    all3("x=foo.txt; case $x in *.md) echo md;; *.txt|*.text) echo txt;; "
         "*) echo other;; esac",
         0, "txt\n");
    all3("case abc in a*) echo 1 ;; esac; case x in y) ;; esac; echo $?", 0,
         "1\n0\n");
    all3("case \"a b\" in 'a b') echo quoted;; esac", 0, "quoted\n");
}

static void test_sh_loops(void **state)
{
    (void)state;
    all3("for i in 1 2 3; do echo $i; done", 0, "1\n2\n3\n");
    all3("i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done", 0,
         "1\n2\n3\n");
    all3("i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i", 0, "2\n");
    all3("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; "
         "echo $i; done",
         0, "1\n3\n");
    all3("for i in a b; do for j in 1 2; do [ $j = 2 ] && break 2; echo $i$j; "
         "done; done",
         0, "a1\n");
    all3("for f in /etc/host*; do echo $f; done", 0,
         NULL);
}

static void test_sh_functions(void **state)
{
    (void)state;
    all3("f() { echo \"in f: $1 $#\"; return 3; }; f a b; echo $?", 0,
         "in f: a 2\n3\n");
    all3("x=g; f() { local x=l; echo $x; }; f; echo $x", 0, "l\ng\n");
    all3("f() { echo $1; }; set -- outer; f inner; echo $1", 0,
         "inner\nouter\n");
    bash("function g { echo g; }; g", 0, "g\n", "");
}

static void test_sh_and_or_lists(void **state)
{
    (void)state;
    all3("true && echo a || echo b", 0, "a\n");
    all3("false && echo a || echo b", 0, "b\n");
    all3("false || false || echo c", 0, "c\n");
    all3("{ echo a; echo b; } | wc -l", 0, "2\n");
    all3("(cd /tmp; pwd); pwd", 0, "/tmp\n/\n");
}

/* ===== expansions: $(...), globbing ================================= */

static void test_sh_command_substitution(void **state)
{
    (void)state;
    all3("x=$(echo hi); echo \"[$x]\"", 0, "[hi]\n");
    all3("echo \"$(echo a; echo b)\"", 0, "a\nb\n");
    all3("echo `echo back`", 0, "back\n");
    all3("echo $(echo $(echo nested))", 0, "nested\n");
    all3("x=$(false); echo $?", 0, "1\n");
    all3("echo $(printf 'a\\n\\n\\n')x", 0, "ax\n");
}

static void test_sh_globbing(void **state)
{
    (void)state;
    all3("echo /etc/passw*", 0, "/etc/passwd\n");
    all3("echo /nomatch*", 0, "/nomatch*\n");
    all3("echo '/etc/passw*'", 0, "/etc/passw*\n");
    all3("cd /etc && echo g*p", 0, "group\n");
}

/* ===== redirections, pipes ========================================== */

static void test_sh_redirections(void **state)
{
    (void)state;
    all3("echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f", 0, "a\nb\n");
    all3("echo err >&2", 0, "");
    all3("echo x 2>&1 >/dev/null", 0, "");
    all3("cat < /etc/hostname 2>/dev/null; echo $?", 0, NULL);
    all3("printf 'l1\\nl2\\n' > /tmp/in; while read l; do echo \"<$l>\"; done "
         "< /tmp/in",
         0, "<l1>\n<l2>\n");
    all3("cat <<EOF\nhello $HOME\nEOF", 0, "hello /root\n");
    all3("cat <<'EOF'\nhello $HOME\nEOF", 0, "hello $HOME\n");
    all3("cat <<-EOF\n\tindented\n\tEOF", 0, "indented\n");
    dash("echo x > /nodir/f", 2, "",
         "/bin/sh: 1: cannot create /nodir/f: Directory nonexistent\n");
    ash("echo x > /nodir/f", 1, "",
        "/bin/sh: can't create /nodir/f: nonexistent directory\n");
    bash("echo x > /nodir/f", 1, "",
         "bash: line 1: /nodir/f: No such file or directory\n");
    dash("cat < /nofile", 2, "",
         "/bin/sh: 1: cannot open /nofile: No such file\n");
}

static void test_sh_pipes(void **state)
{
    (void)state;
    all3("echo hello world | tr a-z A-Z", 0, "HELLO WORLD\n");
    all3("printf 'b\\na\\nc\\n' | sort | head -n 2", 0, "a\nb\n");
    all3("echo a | false; echo $?", 0, "1\n");
    all3("false | true; echo $?", 0, "0\n");
    all3("printf 'x\\ny\\n' | while read l; do echo \"got $l\"; done", 0,
         "got x\ngot y\n");
    bash("set -o pipefail; false | true; echo $?", 0, "1\n", "");
    ash("set -o pipefail; false | true; echo $?", 0, "1\n", "");
    dash("set -o pipefail; echo not reached", 2, "",
         "/bin/sh: 1: set: Illegal option -o pipefail\n");
}

/* ===== set -e, -x, -u =============================================== */

static void test_sh_set_options(void **state)
{
    (void)state;
    all3("set -e; echo a; false; echo b", 1, "a\n");
    all3("set -e; false || true; echo ok", 0, "ok\n");
    all3("set -e; if false; then :; fi; echo ok", 0, "ok\n");
    all3("set -e; f() { false; echo in; }; f || echo caught", 0,
         "in\n");
    dash("set -x; echo hi; x=1", 0, "hi\n", "+ echo hi\n+ x=1\n");
    dash("set -x; echo 'a b'", 0, "a b\n", "+ echo 'a b'\n");
    dash("set -u; echo $nope", 2, "", "/bin/sh: 1: nope: parameter not set\n");
    bash("set -u; echo $nope", 1, "", "bash: line 1: nope: unbound variable\n");
    /* sh -xc from a SHELL instruction (lab e03) */
    struct ulrun r;
    ul_init(&r, DEB);
    const char *argv[] = { "/bin/sh", "-xc", "echo hi from cmd", NULL };
    ul_exec(&r, argv);
    assert_string_equal(r.out.buf, "hi from cmd\n");
    assert_string_equal(r.err.buf, "+ echo hi from cmd\n");
    ul_release(&r);
}

/* ===== test / [ / [[ ================================================ */

static void test_sh_test_builtin(void **state)
{
    (void)state;
    all3("[ -f /etc/passwd ] && echo f; [ -d /etc ] && echo d; "
         "[ -e /nope ] || echo n",
         0, "f\nd\nn\n");
    all3("[ 3 -gt 2 ] && [ abc = abc ] && [ -n x ] && [ -z '' ] && echo ok",
         0, "ok\n");
    all3("test 1 -eq 1 -a 2 -ne 3 && echo yes", 0, "yes\n");
    all3("[ ! -f /nope ] && echo neg", 0, "neg\n");
    dash("[ a == a ] && echo eq", 2, "",
         "/bin/sh: 1: [: a: unexpected operator\n");
    ash("[ a == a ] && echo eq", 0, "eq\n", "");
    bash("[ a == a ] && echo eq", 0, "eq\n", "");
    dash("[ abc -gt 1 ]", 2, "", "/bin/sh: 1: [: Illegal number: abc\n");
    bash("[ abc -gt 1 ]", 2, "",
         "bash: line 1: [: abc: integer expression expected\n");
    dash("[ x = x", 2, "", "/bin/sh: 1: [: missing ]\n");
    bash("[[ abc == a* && -d /tmp ]] && echo dbl", 0, "dbl\n", "");
    bash("[[ v1.2 =~ ^v[0-9] ]] && echo re", 0, "re\n", "");
    ash("[[ x == x ]] && echo dbl", 0, "dbl\n", "");
    dash("[[ x == x ]]", 127, "", "/bin/sh: 1: [[: not found\n");
}

/* ===== builtins ===================================================== */

static void test_sh_builtins(void **state)
{
    (void)state;
    dash("command -v ls; command -v cd; command -v nosuch; echo $?", 0,
         "/usr/bin/ls\ncd\n1\n", "");
    bash("command -v ls; command -v cd; command -v nosuch; echo $?", 0,
         "/usr/bin/ls\ncd\n1\n", "");
    dash("command -v ls", 0, "/usr/bin/ls\n", "");
    ash("command -v ls", 0, "/bin/ls\n", "");
    all3("export A=1; sh -c 'echo $A'", 0, "1\n");
    all3("B=2 sh -c 'echo $B'; echo \"[$B]\"", 0, "2\n[]\n");
    all3("unset HOME; echo \"[$HOME]\"", 0, "[]\n");
    dash("readonly R=1; R=2; echo $R", 2, "", "/bin/sh: 1: R: is read only\n");
    bash("readonly R=1; R=2; echo $R", 0, "1\n",
         "bash: line 1: R: readonly variable\n");
    all3("printf '%s-%d\\n' a 5 b 6", 0, "a-5\nb-6\n");
    all3("printf '%5s|%-3s|%03d\\n' x y 7", 0, "    x|y  |007\n");
    all3("eval 'echo evaluated; x=5'; echo $x", 0, "evaluated\n5\n");
    all3("echo 'echo sourced; y=9' > /tmp/s.sh; . /tmp/s.sh; echo $y", 0,
         "sourced\n9\n");
    bash("echo 'echo src' > /tmp/s.sh; source /tmp/s.sh", 0, "src\n", "");
    dash("source /tmp/x", 127, "", "/bin/sh: 1: source: not found\n");
    all3("cd /nope; echo $?", 0, NULL);
    dash("cd /nope", 2, "", "/bin/sh: 1: cd: can't cd to /nope\n");
    bash("cd /nope", 1, "",
         "bash: line 1: cd: /nope: No such file or directory\n");
    all3("type echo >/dev/null && echo typed", 0, "typed\n");
    all3("x=1; unset x; echo ${x-gone}", 0, "gone\n");
    all3("set -- a b c; shift 2; echo $1 $#", 0, "c 1\n");
    all3("echo $(umask)", 0, "0022\n");
    all3("printf 'k v\\n' | { read a b; echo \"$b $a\"; }", 0, "v k\n");
}

static void test_sh_exec(void **state)
{
    (void)state;
    all3("exec echo replaced; echo never", 0, "replaced\n");
    dash("exec nosuch", 127, "", "/bin/sh: 1: exec: nosuch: not found\n");
    all3("exec > /tmp/log; echo into-log; cat /tmp/log >&2", 0, "");
}

static void test_sh_traps(void **state)
{
    (void)state;
    all3("trap 'echo bye' EXIT; echo hi", 0, "hi\nbye\n");
    all3("trap 'echo bye' EXIT; exit 4", 4, "bye\n");
    all3("trap 'echo t' TERM; kill -TERM $$; echo after", 0, NULL);
    all3("trap '' INT; trap", 0, NULL);
}

static void test_sh_syntax_errors(void **state)
{
    (void)state;
    dash("if", 2, "", "/bin/sh: 1: Syntax error: end of file unexpected\n");
    dash("fi", 2, "", "/bin/sh: 1: Syntax error: \"fi\" unexpected\n");
    dash("if true; then echo a", 2, "",
         "/bin/sh: 1: Syntax error: end of file unexpected (expecting "
         "\"fi\")\n");
    dash("echo 'abc", 2, "", "/bin/sh: 1: Syntax error: Unterminated quoted "
                             "string\n");
    dash("echo ok\nfi", 2, "ok\n",
         "/bin/sh: 2: Syntax error: \"fi\" unexpected\n");
    ash("fi", 2, "", "/bin/sh: syntax error: unexpected \"fi\"\n");
    bash("fi", 2, "", "bash: -c: line 1: syntax error near unexpected token "
                      "`fi'\nbash: -c: line 1: `fi'\n");
    dash("for x in a; echo $x; done", 2, "", NULL);
    dash("case x in", 2, "", NULL);
    dash("(echo a", 2, "", NULL);
    dash("echo $((1+)", 2, "", NULL);
}

static void test_sh_c_requires_argument(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, BB);
    const char *argv[] = { "/bin/sh", "-c", NULL };
    ul_exec(&r, argv);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.err.buf, "/bin/sh: -c requires an argument\n");
    ul_release(&r);
    /* BuildKit's bare CMD: sh -c '' */
    check_in(BB, false, "", 0, "", "");
}

static void test_sh_scripts_and_shebangs(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, DEB);
    ul_file(&r, "/app/run.sh", 0755,
            "#!/bin/sh\necho \"script $0 $1\"\nexit 5\n");
    ul_file(&r, "/app/b.sh", 0755, "#!/bin/bash\necho \"$BASH_VERSION\"\n");
    ul_file(&r, "/app/crlf.sh", 0755, "#!/bin/sh\r\necho crlf\r\n");
    ul_file(&r, "/app/noshebang.sh", 0755, "echo plain\n");
    ul_file(&r, "/app/notexec.sh", 0644, "#!/bin/sh\necho x\n");
    ul_file(&r, "/app/err.sh", 0755, "#!/bin/sh\necho a\nnosuch\n");
    ul_sh(&r, "/app/run.sh arg; echo $?");
    assert_string_equal(r.out.buf, "script /app/run.sh arg\n5\n");
    ul_clear(&r);
    ul_sh(&r, "/app/b.sh");
    assert_string_equal(r.out.buf, "5.2.15(1)-release\n");
    ul_clear(&r);
    ul_sh(&r, "/app/crlf.sh");
    assert_int_equal(r.status, 127);
    assert_string_equal(r.err.buf, "/bin/sh: 1: /app/crlf.sh: not found\n");
    ul_clear(&r);
    ul_sh(&r, "/app/noshebang.sh");
    assert_string_equal(r.out.buf, "plain\n");
    ul_clear(&r);
    ul_sh(&r, "/app/notexec.sh");
    assert_int_equal(r.status, 126);
    assert_string_equal(r.err.buf,
                        "/bin/sh: 1: /app/notexec.sh: Permission denied\n");
    ul_clear(&r);
    ul_sh(&r, "/app/err.sh");
    assert_int_equal(r.status, 127);
    assert_string_equal(r.err.buf, "/app/err.sh: 3: nosuch: not found\n");
    ul_clear(&r);
    ul_sh(&r, "sh /app/notexec.sh");
    assert_string_equal(r.out.buf, "x\n");
    ul_release(&r);
}

/* ELF headers (64 bytes are enough for the checks): e_machine at 18 */
static void put_elf(struct ulrun *r, const char *path, unsigned machine)
{
    char h[64];
    memset(h, 0, sizeof(h));
    memcpy(h, "\x7f" "ELF\x02\x01\x01", 7);
    h[16] = 2; /* ET_EXEC */
    h[18] = (char)(machine & 0xff);
    h[19] = (char)(machine >> 8);
    vfs_put_file(&r->fs, path, 0755, h, sizeof(h));
}

static void test_sh_binary_for_another_cpu(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, DEB);
    put_elf(&r, "/app/arm", 183); /* EM_AARCH64 */
    /* bash will not read a binary as a script (check_binary_file) */
    ul_bash(&r, "/app/arm");
    assert_int_equal(r.status, 126);
    assert_string_equal(r.err.buf, "bash: line 1: /app/arm: cannot execute "
                                   "binary file: Exec format error\n");
    ul_clear(&r);
    /* a NUL in the first line of a file without #! is binary too */
    vfs_put_file(&r.fs, "/app/data", 0755, "ab\0cd\n", 6);
    ul_bash(&r, "/app/data; echo $?");
    assert_string_equal(r.out.buf, "126\n");
    assert_string_equal(r.err.buf, "bash: line 1: /app/data: cannot execute "
                                   "binary file: Exec format error\n");
    ul_clear(&r);
    /* a text file without #! is still run by the shell itself */
    ul_file(&r, "/app/text", 0755, "echo text\n");
    ul_bash(&r, "/app/text");
    assert_string_equal(r.out.buf, "text\n");
    ul_clear(&r);
    /* this machine's binaries run (docksim's compiled-program stand-in) */
    put_elf(&r, "/app/amd64", 62); /* EM_X86_64 */
    ul_bash(&r, "exec /app/amd64");
    assert_int_equal(r.status, USERLAND_RUNNING);
    ul_release(&r);
}

/* The explanation that ash/bash exec the last command of -c is about the
 * -c shell itself: not a background job (which always ends in an exec),
 * and not a RUN step (no docker stop at build time). */
static void test_sh_tail_exec_explained_only_for_pid1(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, BB);
    ul_sh(&r, "true; sleep 1");
    assert_false(explain_has(&r.ex, "sh.ash-execs-last-command"));
    ul_release(&r);
    ul_init(&r, DEB);
    ul_sh(&r, "sleep 1 & wait; sleep 1");
    assert_false(explain_has(&r.ex, "sh.ash-execs-last-command"));
    assert_false(explain_has(&r.ex, "sh.dash-keeps-parent"));
    ul_release(&r);
}

static void test_sh_env_order(void **state)
{
    (void)state;
    /* dash lists exported variables in its hash table's order */
    dash("env", 0, "HOSTNAME=testhost\nHOME=/root\nPATH=" DEFAULT_PATH
                   "\nPWD=/\n",
         "");
    bash("env", 0, "HOSTNAME=testhost\nPWD=/\nHOME=/root\nSHLVL=1\nPATH="
                   DEFAULT_PATH "\n_=/usr/bin/env\n",
         "");
}

static void test_sh_step_budget(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, DEB);
    ul_sh(&r, "while true; do :; done");
    assert_int_equal(r.status, USERLAND_RUNNING);
    assert_true(explain_has(&r.ex, "userland.step-budget"));
    ul_release(&r);
}

static void test_sh_sleep_passes_time(void **state)
{
    (void)state;
    all3("sleep 2; echo slept; date +%H:%M:%S", 0, "slept\n09:00:02\n");
    all3("sleep 1 & sleep 3 & wait; date +%S", 0, "03\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sh_echo_and_quotes),
        cmocka_unit_test(test_sh_not_found_flavours),
        cmocka_unit_test(test_sh_echo_flavours),
        cmocka_unit_test(test_sh_exit_status),
        cmocka_unit_test(test_sh_parameters),
        cmocka_unit_test(test_sh_positional_from_argv),
        cmocka_unit_test(test_sh_special_vars),
        cmocka_unit_test(test_sh_arithmetic),
        cmocka_unit_test(test_sh_if_case),
        cmocka_unit_test(test_sh_loops),
        cmocka_unit_test(test_sh_functions),
        cmocka_unit_test(test_sh_and_or_lists),
        cmocka_unit_test(test_sh_command_substitution),
        cmocka_unit_test(test_sh_globbing),
        cmocka_unit_test(test_sh_redirections),
        cmocka_unit_test(test_sh_pipes),
        cmocka_unit_test(test_sh_set_options),
        cmocka_unit_test(test_sh_test_builtin),
        cmocka_unit_test(test_sh_builtins),
        cmocka_unit_test(test_sh_exec),
        cmocka_unit_test(test_sh_traps),
        cmocka_unit_test(test_sh_syntax_errors),
        cmocka_unit_test(test_sh_c_requires_argument),
        cmocka_unit_test(test_sh_scripts_and_shebangs),
        cmocka_unit_test(test_sh_binary_for_another_cpu),
        cmocka_unit_test(test_sh_tail_exec_explained_only_for_pid1),
        cmocka_unit_test(test_sh_env_order),
        cmocka_unit_test(test_sh_step_budget),
        cmocka_unit_test(test_sh_sleep_passes_time),
    };
    return cmocka_run_group_tests_name("sh", tests, NULL, NULL);
}
