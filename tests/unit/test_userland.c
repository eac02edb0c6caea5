#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ul_fixture.h"

#define DEB "debian:bookworm"
#define BB "busybox"
#define ALP "alpine"

struct fx {
    struct ulrun r;
};

/* Run a script in an existing fixture (state kept between calls). */
static void step(struct ulrun *r, const char *script, int status,
                 const char *out, const char *err)
{
    ul_clear(r);
    ul_sh(r, script);
    if (r->status != status || (out && strcmp(r->out.buf, out) != 0) ||
        (err && strcmp(r->err.buf, err) != 0))
        fprintf(stderr, "script: %s\nstatus %d\nout <%s>\nerr <%s>\n", script,
                r->status, r->out.buf, r->err.buf);
    assert_int_equal(r->status, status);
    if (out)
        assert_string_equal(r->out.buf, out);
    if (err)
        assert_string_equal(r->err.buf, err);
}

static void in(const char *image, const char *script, int status,
               const char *out, const char *err)
{
    struct ulrun r;
    ul_init(&r, image);
    step(&r, script, status, out, err);
    ul_release(&r);
}

/* A program started directly (exec form), not through a shell. */
static void exec_in(const char *image, const char *const *argv, int status,
                    const char *out, const char *err)
{
    struct ulrun r;
    ul_init(&r, image);
    ul_exec(&r, argv);
    if (r.status != status || (out && strcmp(r.out.buf, out) != 0) ||
        (err && strcmp(r.err.buf, err) != 0))
        fprintf(stderr, "argv0: %s\nstatus %d\nout <%s>\nerr <%s>\n", argv[0],
                r.status, r.out.buf, r.err.buf);
    assert_int_equal(r.status, status);
    if (out)
        assert_string_equal(r.out.buf, out);
    if (err)
        assert_string_equal(r.err.buf, err);
    ul_release(&r);
}

/* ===== echo, printf and text tools ================================== */

static void test_userland_echo_programs(void **state)
{
    (void)state;
    /* coreutils /bin/echo: no escapes without -e (the lab's e11) */
    const char *gnu[] = { "echo", "a\"b", "tab\\there", "back\\\\slash", NULL };
    exec_in(DEB, gnu, 0, "a\"b tab\\there back\\\\slash\n", "");
    const char *gnue[] = { "echo", "-e", "x\\ty", NULL };
    exec_in(DEB, gnue, 0, "x\ty\n", "");
    const char *meta[] = { "echo", "a && echo b", ">", "/dev/null", NULL };
    exec_in(DEB, meta, 0, "a && echo b > /dev/null\n", "");
    const char *bb[] = { "echo", "hi", NULL };
    exec_in(BB, bb, 0, "hi\n", "");
    const char *pf[] = { "printf", "%s|", "a", "b", NULL };
    exec_in(DEB, pf, 0, "a|b|", "");
    const char *vars[] = { "echo", "$HOME", "${GREETING}", NULL };
    exec_in(DEB, vars, 0, "$HOME ${GREETING}\n", "");
}

static void test_userland_cat_messages(void **state)
{
    (void)state;
    in(DEB, "cat /etc/debian_version", 0, "12.15\n", "");
    in(DEB, "cat /nope", 1, "", "cat: /nope: No such file or directory\n");
    in(BB, "cat /nope", 1, "",
       "cat: can't open '/nope': No such file or directory\n");
    in(DEB, "cat /etc", 1, "", "cat: /etc: Is a directory\n");
    in(DEB, "echo piped | cat", 0, "piped\n", "");
    in(DEB, "cat -n /etc/debian_version", 0, "     1\t12.15\n", "");
}

static void test_userland_text_tools(void **state)
{
    (void)state;
    in(DEB, "printf '3\\n1\\n2\\n' | sort", 0, "1\n2\n3\n", "");
    in(DEB, "printf '10\\n9\\n' | sort -n", 0, "9\n10\n", "");
    in(DEB, "printf 'a\\na\\nb\\n' | uniq -c", 0, "      2 a\n      1 b\n", "");
    in(DEB, "printf 'a\\nb\\nc\\n' | head -n 2; printf 'a\\nb\\nc\\n' | tail -n 1",
       0, "a\nb\nc\n", "");
    in(DEB, "printf 'one two\\nthree\\n' | wc -l", 0, "2\n", "");
    in(DEB, "printf 'one two\\nthree\\n' | wc", 0, "      2       3      14\n",
       "");
    in(DEB, "grep root /etc/passwd", 0, "root:x:0:0:root:/root:/bin/bash\n", "");
    in(DEB, "grep -c nologin /etc/passwd", 0, "16\n", "");
    in(DEB, "grep -q nosuchuser /etc/passwd; echo $?", 0, "1\n", "");
    in(DEB, "echo hello world | sed 's/world/there/'", 0, "hello there\n", "");
    in(DEB, "echo aaa | sed -e 's/a/b/g'", 0, "bbb\n", "");
    in(DEB, "echo abc | tr a-c A-C | tr -d B", 0, "AC\n", "");
    in(DEB, "echo a:b:c | cut -d: -f2,3", 0, "b:c\n", "");
    in(DEB, "basename /a/b/c.txt .txt; dirname /a/b/c.txt", 0, "c\n/a/b\n", "");
    in(DEB, "seq 3; expr 2 + 3", 0, "1\n2\n3\n5\n", "");
    in(DEB, "awk -F: '{print $1}' /etc/passwd | head -n 2", 0, "root\ndaemon\n",
       "");
    in(DEB, "echo x > /tmp/f; sed -i 's/x/y/' /tmp/f; cat /tmp/f", 0, "y\n", "");
    in(DEB, "printf 'a b\\n' | xargs -n 1 echo", 0, "a\nb\n", "");
    in(DEB, "echo hi | base64; echo aGkK | base64 -d", 0, "aGkK\nhi\n", "");
    in(DEB, "echo -n abc | sha256sum", 0,
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -\n",
       "");
    in("nginx", "echo 'Hello ${NAME}' | NAME=you envsubst", 0, "Hello you\n",
       "");
    in(DEB, "envsubst", 127, "", "/bin/sh: 1: envsubst: not found\n");
}

/* ===== identity, system ============================================= */

static void test_userland_identity(void **state)
{
    (void)state;
    in(DEB, "id; whoami; hostname; pwd", 0,
       "uid=0(root) gid=0(root) groups=0(root)\nroot\ntesthost\n/\n", "");
    in(BB, "id", 0, "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n", "");
    in(ALP, "id", 0,
       "uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),"
       "6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n",
       "");
    struct ulrun r;
    ul_init(&r, BB);
    r.uid = r.gid = 65534;
    step(&r, "id", 0, "uid=65534(nobody) gid=65534(nogroup) "
                      "groups=65534(nogroup)\n",
         "");
    r.uid = r.gid = 1000;
    step(&r, "id; whoami", 1, "uid=1000 gid=1000 groups=1000\n",
         "whoami: unknown uid 1000\n");
    ul_release(&r);
    in(DEB, "uname; uname -m", 0, "Linux\nx86_64\n", "");
    in(DEB, "date; date +%Y-%m-%d", 0, "Sat Nov 28 09:00:00 UTC 2026\n"
                                       "2026-11-28\n",
       "");
    in(DEB, "which ls sh; which nosuch; echo $?", 0,
       "/usr/bin/ls\n/usr/bin/sh\n1\n", "");
    in(DEB, "printenv HOME; env | grep HOSTNAME", 0,
       "/root\nHOSTNAME=testhost\n", "");
    const char *env[] = { "env", NULL };
    exec_in(DEB, env, 0, "PATH=" DEFAULT_PATH "\nHOSTNAME=testhost\n"
                         "HOME=/root\n",
            "");
    const char *envcmd[] = { "env", "A=1", "sh", "-c", "echo $A", NULL };
    exec_in(DEB, envcmd, 0, "1\n", "");
    const char *envbad[] = { "env", "nosuch", NULL };
    exec_in(DEB, envbad, 127, "", "env: 'nosuch': No such file or directory\n");
}

/* ===== files ========================================================= */

static void test_userland_files(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, DEB);
    step(&r, "mkdir -p /app/src/lib && touch /app/a && ls /app", 0, "a\nsrc\n",
         "");
    step(&r, "mkdir /app", 1, "",
         "mkdir: cannot create directory '/app': File exists\n");
    step(&r, "mkdir /x/y", 1, "",
         "mkdir: cannot create directory '/x/y': No such file or directory\n");
    step(&r, "ls /nope", 2, "",
         "ls: cannot access '/nope': No such file or directory\n");
    step(&r, "echo data > /app/a; cp /app/a /app/b; mv /app/b /app/c; "
             "cat /app/c; ls /app",
         0, "data\na\nc\nsrc\n", "");
    step(&r, "cp /app/src /tmp/", 1, "",
         "cp: -r not specified; omitting directory '/app/src'\n");
    step(&r, "cp -r /app/src /tmp/ && ls -d /tmp/src", 0, "/tmp/src\n", "");
    step(&r, "rm /app/src", 1, "", "rm: cannot remove '/app/src': Is a "
                                   "directory\n");
    step(&r, "rm -rf /app/src; rm /nope", 1, "",
         "rm: cannot remove '/nope': No such file or directory\n");
    step(&r, "rm -f /nope; echo $?", 0, "0\n", "");
    step(&r, "ln -s /app/c /app/link; readlink /app/link; cat /app/link", 0,
         "/app/c\ndata\n", "");
    step(&r, "chmod 700 /app/c && stat -c %a /app/c", 0, "700\n", "");
    step(&r, "chmod u-w,g+r /app/c && stat -c '%a %A' /app/c", 0,
         "540 -r-xr-----\n", "");
    step(&r, "chown nobody:nogroup /app/c && stat -c '%U:%G' /app/c", 0,
         "nobody:nogroup\n", "");
    step(&r, "chown nosuch /app/c", 1, "", "chown: invalid user: 'nosuch'\n");
    step(&r, "ls -l /app/c", 0,
         "-r-xr----- 1 nobody nogroup 5 Nov 28 09:00 /app/c\n", "");
    step(&r, "rm -rf /", 1, "",
         "rm: it is dangerous to operate recursively on '/'\n"
         "rm: use --no-preserve-root to override this failsafe\n");
    step(&r, "find /app -name '*c' -type f", 0, "/app/c\n", "");
    step(&r, "cp /bin/echo /tmp/e && /tmp/e copied", 0, "copied\n", "");
    ul_release(&r);
    /* BusyBox wording */
    ul_init(&r, BB);
    step(&r, "mkdir /x/y", 1, "",
         "mkdir: can't create directory '/x/y': No such file or directory\n");
    step(&r, "ls /nope", 1, "", "ls: /nope: No such file or directory\n");
    step(&r, "rm /nope", 1, "", "rm: can't remove '/nope': No such file or "
                                "directory\n");
    step(&r, "touch /x/y", 1, "", "touch: /x/y: No such file or directory\n");
    ul_release(&r);
}

static void test_userland_permissions(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, DEB);
    r.uid = r.gid = 65534;
    step(&r, "touch /root/x", 1, "",
         "touch: cannot touch '/root/x': Permission denied\n");
    step(&r, "echo x > /etc/x", 2, "",
         "/bin/sh: 1: cannot create /etc/x: Permission denied\n");
    step(&r, "mkdir /opt/app", 1, "",
         "mkdir: cannot create directory '/opt/app': Permission denied\n");
    step(&r, "echo ok > /tmp/mine && cat /tmp/mine", 0, "ok\n", "");
    step(&r, "apt-get install -y curl", 100, NULL,
         "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: "
         "Permission denied)\nE: Unable to acquire the dpkg frontend lock "
         "(/var/lib/dpkg/lock-frontend), are you root?\n");
    ul_release(&r);
}

static void test_userland_proc_and_ps(void **state)
{
    (void)state;
    in(DEB, "cat /proc/1/cmdline | tr '\\0' ' '; echo", 0,
       "/bin/sh -c cat /proc/1/cmdline | tr '\\0' ' '; echo \n", "");
    in(DEB, "ps", 127, "", "/bin/sh: 1: ps: not found\n");
    /* ash execs the last command: ps itself is PID 1 */
    in(BB, "sleep 5 & ps", 0,
       "PID   USER     TIME  COMMAND\n"
       "    1 root      0:00 ps\n"
       "    7 root      0:00 sleep 5\n",
       "");
    in(BB, "sleep 5 & ps; true", 0,
       "PID   USER     TIME  COMMAND\n"
       "    1 root      0:00 /bin/sh -c sleep 5 & ps; true\n"
       "    7 root      0:00 sleep 5\n"
       "    8 root      0:00 ps\n",
       "");
}

/* ===== packages ====================================================== */

static void test_userland_apt(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, DEB);
    step(&r, "apt-get install -y curl", 100,
         "Reading package lists...\nBuilding dependency tree...\n"
         "Reading state information...\n",
         "E: Unable to locate package curl\n");
    assert_true(explain_has(&r.ex, "userland.apt-no-lists"));
    step(&r, "curl --version", 127, "", "/bin/sh: 1: curl: not found\n");
    step(&r, "apt-get update > /dev/null && apt-get install curl", 1, NULL, "");
    assert_non_null(strstr(r.out.buf, "Do you want to continue? [Y/n] Abort."));
    step(&r, "apt-get install -y --no-install-recommends curl > /dev/null && "
             "curl --version && command -v curl",
         0,
         "curl 8.14.1 (x86_64-pc-linux-gnu) libcurl/8.14.1 OpenSSL/3.5.1\n"
         "/usr/bin/curl\n",
         "");
    step(&r, "apt-get install -y python3-pip > /dev/null && pip install flask",
         1, "", NULL);
    assert_non_null(strstr(r.err.buf, "error: externally-managed-environment"));
    step(&r, "apt-get remove -y curl > /dev/null; command -v curl", 1, "", "");
    ul_release(&r);
}

static void test_userland_apk(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, ALP);
    step(&r, "apk add --no-cache curl bash > /dev/null && curl --version && "
             "bash -c 'echo $BASH_VERSION'",
         0,
         "curl 8.14.1 (x86_64-pc-linux-gnu) libcurl/8.14.1 OpenSSL/3.5.1\n"
         "5.2.37(1)-release\n",
         "");
    step(&r, "apk add x", 1, NULL,
         "ERROR: unable to select packages:\n  x (no such package):\n    "
         "required by: world[x]\n");
    ul_release(&r);
}

static void test_userland_users(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, DEB);
    step(&r, "useradd -m -s /bin/bash app && id app && ls -a /home/app && "
             "grep app /etc/passwd",
         0,
         "uid=1000(app) gid=1000(app) groups=1000(app)\n.\n..\n.bash_logout\n"
         ".bashrc\n.profile\napp:x:1000:1000::/home/app:/bin/bash\n",
         "");
    step(&r, "useradd app", 9, "", "useradd: user 'app' already exists\n");
    step(&r, "groupadd -r svc && useradd -r -g svc svc && id svc", 0,
         "uid=999(svc) gid=999(svc) groups=999(svc)\n", "");
    step(&r, "su app -c whoami", 0, "app\n", "");
    step(&r, "setpriv --reuid app id", 0,
         "uid=1000(app) gid=0(root) groups=0(root)\n", "");
    ul_release(&r);
    in("postgres", "gosu postgres id", 0,
       "uid=999(postgres) gid=999(postgres) groups=999(postgres)\n", "");
    in("postgres", "gosu nosuch id", 1, "",
       "error: failed switching to \"nosuch\": unable to find user nosuch: no "
       "matching entries in passwd file\n");
    ul_init(&r, ALP);
    step(&r, "addgroup -S grp && adduser -S -D -G grp svc && id svc", 0,
         "uid=100(svc) gid=101(grp) groups=101(grp)\n", "");
    step(&r, "adduser -D app && id app && ls -d /home/app", 0,
         "uid=1000(app) gid=1000(app) groups=1000(app)\n/home/app\n", "");
    ul_release(&r);
}

static void test_userland_language_tools(void **state)
{
    (void)state;
    struct ulrun r;
    ul_init(&r, "python:3.12");
    step(&r, "pip install -r requirements.txt", 1, "",
         "ERROR: Could not open requirements file: [Errno 2] No such file or "
         "directory: 'requirements.txt'\n");
    ul_file(&r, "/requirements.txt", 0644, "flask==3.0\n# comment\nrequests\n");
    step(&r, "pip install --no-cache-dir -r requirements.txt 2>/dev/null", 0,
         "Collecting flask\nCollecting requests\nInstalling collected "
         "packages: flask, requests\nSuccessfully installed flask requests\n",
         "");
    step(&r, "command -v flask", 0, "/usr/local/bin/flask\n", "");
    step(&r, "python app.py", 2, "",
         "python: can't open file '/app.py': [Errno 2] No such file or "
         "directory\n");
    ul_file(&r, "/hello.py", 0644, "print('hello')\nprint(\"world\")\n");
    step(&r, "python3 hello.py", 0, "hello\nworld\n", "");
    step(&r, "python3 -c 'print(1)'", 0, "1\n", "");
    step(&r, "python3 --version", 0, "Python 3.12.14\n", "");
    ul_release(&r);

    ul_init(&r, "node:20");
    r.cwd = "/app";
    vfs_mkdir_p(&r.fs, "/app", 0755, 0, 0);
    step(&r, "npm ci", 254, "", NULL);
    assert_non_null(strstr(r.err.buf, "npm error code ENOENT"));
    ul_file(&r, "/app/package.json",
            0644, "{\"name\":\"app\",\"scripts\":{\"start\":\"node "
                  "server.js\"},\"dependencies\":{\"express\":\"^4\"}}\n");
    step(&r, "npm ci", 1, "", NULL);
    assert_non_null(strstr(r.err.buf, "can only install with an existing "
                                      "package-lock.json"));
    step(&r, "npm install > /dev/null && ls node_modules", 0, "express\n", "");
    step(&r, "node server.js", 1, "", NULL);
    assert_non_null(strstr(r.err.buf, "Error: Cannot find module "
                                      "'/app/server.js'"));
    ul_file(&r, "/app/hi.js", 0644, "console.log(\"hi from node\");\n");
    step(&r, "node hi.js", 0, "hi from node\n", "");
    step(&r, "node --version; npm --version", 0, "v20.20.2\n10.8.2\n", "");
    ul_release(&r);

    ul_init(&r, "golang");
    r.cwd = "/src";
    vfs_mkdir_p(&r.fs, "/src", 0755, 0, 0);
    step(&r, "go build -o /out/app . && ls -l /out/app && go version", 0,
         "-rwxr-xr-x 1 root root 23 Nov 28 09:00 /out/app\n"
         "go version go1.27.0 linux/amd64\n",
         "");
    ul_release(&r);
}

/* ===== stand-ins, entrypoints ======================================= */

static void test_userland_standins(void **state)
{
    (void)state;
    const char *unknown[] = { "gcc", "-o", "app", "main.c", NULL };
    exec_in("golang", unknown, 0,
            "[docksim: not simulated: gcc -o app main.c]\n", "");
    struct ulrun r;
    ul_init(&r, "python:3.12");
    ul_file(&r, "/srv.py", 0644, "from flask import Flask\napp = Flask(__name__)\n"
                                 "app.run(host='0.0.0.0')\n");
    ul_sh(&r, "exec python srv.py");
    assert_int_equal(r.status, USERLAND_RUNNING);
    assert_string_equal(r.out.buf, "[docksim: python would run srv.py, a "
                                   "server: it keeps running]\n");
    ul_release(&r);
    /* a REPL without a terminal exits at once */
    const char *py[] = { "python3", NULL };
    exec_in("python:3.12", py, 0, "", "");
    const char *irb[] = { "irb", NULL };
    exec_in("ruby", irb, 0, "", "");
    const char *bash[] = { "bash", NULL };
    exec_in("ubuntu", bash, 0, "", "");
    /* nginx without `daemon off;` goes to the background: PID 1 exits */
    const char *ng[] = { "nginx", NULL };
    exec_in("nginx", ng, 0, "", "");
    const char *ngv[] = { "nginx", "-v", NULL };
    exec_in("nginx", ngv, 0, "", "nginx version: nginx/1.31.4\n");
}

static void test_userland_entrypoints(void **state)
{
    (void)state;
    const char *pg[] = { "docker-entrypoint.sh", "postgres", NULL };
    exec_in("postgres", pg, 1, "",
            "Error: Database is uninitialized and superuser password is not "
            "specified.\n"
            "       You must specify POSTGRES_PASSWORD to a non-empty value for "
            "the\n"
            "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on "
            "\"docker run\".\n\n"
            "       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow "
            "all\n"
            "       connections without a password. This is *not* "
            "recommended.\n\n"
            "       See PostgreSQL documentation about \"trust\":\n"
            "       https://www.postgresql.org/docs/current/auth-trust.html\n");
    struct ulrun r;
    ul_init(&r, "postgres");
    r.env[r.n_env++] = "POSTGRES_PASSWORD=secret";
    ul_exec(&r, pg);
    assert_int_equal(r.status, USERLAND_RUNNING);
    assert_non_null(strstr(r.out.buf, "PostgreSQL init process complete; "
                                      "ready for start up."));
    assert_true(explain_has(&r.ex, "entrypoint.postgres-drops-privileges"));
    ul_release(&r);
    const char *node[] = { "docker-entrypoint.sh", "-e", "console.log('x')",
                           NULL };
    exec_in("node:20", node, 0, "x\n", "");
    const char *nodecmd[] = { "docker-entrypoint.sh", "echo", "hi", NULL };
    exec_in("node:20", nodecmd, 0, "hi\n", "");
    const char *nginx[] = { "/docker-entrypoint.sh", "echo", "hi", NULL };
    exec_in("nginx", nginx, 0, "hi\n", "");
    const char *mysql[] = { "docker-entrypoint.sh", "mysqld", NULL };
    exec_in("mysql", mysql, 1, NULL, NULL);
    const char *redis[] = { "docker-entrypoint.sh", "--appendonly", "yes",
                            NULL };
    ul_init(&r, "redis");
    ul_exec(&r, redis);
    assert_int_equal(r.status, USERLAND_RUNNING);
    assert_true(explain_has(&r.ex, "entrypoint.redis-drops-privileges"));
    ul_release(&r);
}

/* redis 8's entrypoint says "Starting Redis Server" (7's did not) */
static void test_userland_redis_start(void **state)
{
    (void)state;
    const char *argv[] = { "docker-entrypoint.sh", "redis-server", NULL };
    struct ulrun r;
    ul_init(&r, "redis");
    ul_exec(&r, argv);
    assert_int_equal(r.status, USERLAND_RUNNING);
    assert_string_equal(r.out.buf, "Starting Redis Server\n[docksim: "
                                   "redis-server would serve on port 6379: it "
                                   "keeps running]\n");
    ul_release(&r);
    ul_init(&r, "redis:7");
    ul_exec(&r, argv);
    assert_string_equal(r.out.buf, "[docksim: redis-server would serve on "
                                   "port 6379: it keeps running]\n");
    ul_release(&r);
    /* a sentinel is not announced; --port shows in the line */
    const char *port[] = { "docker-entrypoint.sh", "--port", "7000", NULL };
    ul_init(&r, "redis");
    ul_exec(&r, port);
    assert_string_equal(r.out.buf, "Starting Redis Server\n[docksim: "
                                   "redis-server would serve on port 7000: it "
                                   "keeps running]\n");
    ul_release(&r);
}

/* runc's exec of a binary for another CPU: after the start, exit 255 */
static void test_userland_exec_format_error(void **state)
{
    (void)state;
    char h[64];
    memset(h, 0, sizeof(h));
    memcpy(h, "\x7f" "ELF\x02\x01\x01", 7);
    h[18] = (char)183; /* EM_AARCH64 */
    struct ulrun r;
    ul_init(&r, ALP);
    vfs_put_file(&r.fs, "/app/hello", 0755, h, sizeof(h));
    const char *argv[] = { "/app/hello", NULL };
    ul_exec(&r, argv);
    assert_int_equal(r.status, 255);
    assert_string_equal(r.out.buf, "");
    assert_string_equal(r.err.buf, "exec /app/hello: exec format error\n");
    assert_true(explain_has(&r.ex, "exec.format-error"));
    ul_release(&r);
    /* big-endian header for s390x (EM_S390 = 22) */
    memset(h, 0, sizeof(h));
    memcpy(h, "\x7f" "ELF\x02\x02\x01", 7);
    h[19] = 22;
    ul_init(&r, ALP);
    vfs_put_file(&r.fs, "/app/hello", 0755, h, sizeof(h));
    ul_exec(&r, argv);
    assert_int_equal(r.status, 255);
    ul_release(&r);
    /* x86-64 runs */
    memset(h, 0, sizeof(h));
    memcpy(h, "\x7f" "ELF\x02\x01\x01", 7);
    h[18] = 62;
    ul_init(&r, ALP);
    vfs_put_file(&r.fs, "/app/hello", 0755, h, sizeof(h));
    ul_exec(&r, argv);
    assert_int_equal(r.status, USERLAND_RUNNING);
    ul_release(&r);
}

/* nginx's entrypoint: the IPv6 script's messages, a restart, non-root */
static void test_userland_nginx_start(void **state)
{
    (void)state;
    const char *argv[] = { "/docker-entrypoint.sh", "nginx", "-g",
                           "daemon off;", NULL };
    static const char ipv6[] =
        "/docker-entrypoint.sh: Launching "
        "/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n"
        "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of "
        "/etc/nginx/conf.d/default.conf\n"
        "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in "
        "/etc/nginx/conf.d/default.conf\n"
        "/docker-entrypoint.sh: Sourcing "
        "/docker-entrypoint.d/15-local-resolvers.envsh\n";
    struct ulrun r;
    ul_init(&r, "nginx");
    ul_exec(&r, argv);
    assert_int_equal(r.status, USERLAND_RUNNING);
    assert_non_null(strstr(r.out.buf, ipv6));
    assert_non_null(strstr(r.out.buf, "/docker-entrypoint.sh: Configuration "
                                      "complete; ready for start up\n"));
    /* the edit stays in the container's layer: a restart finds it */
    ul_clear(&r);
    ul_exec(&r, argv);
    assert_non_null(strstr(r.out.buf, "10-listen-on-ipv6-by-default.sh: info: "
                                      "IPv6 listen already enabled\n"));
    ul_release(&r);

    /* a default.conf of one's own is left alone */
    ul_init(&r, "nginx");
    ul_file(&r, "/etc/nginx/conf.d/default.conf", 0644,
            "server { listen 80; }\n");
    ul_exec(&r, argv);
    assert_non_null(strstr(r.out.buf, "info: /etc/nginx/conf.d/default.conf "
                                      "differs from the packaged version\n"));
    ul_release(&r);

    /* as a non-root user nginx cannot create its temp directories */
    ul_init(&r, "nginx");
    r.uid = r.gid = 101;
    ul_exec(&r, argv);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out.buf, "info: can not modify "
                                      "/etc/nginx/conf.d/default.conf "
                                      "(read-only file system?)\n"));
    assert_non_null(strstr(r.err.buf, "nginx: [emerg] mkdir() "
                                      "\"/var/cache/nginx/client_temp\" failed "
                                      "(13: Permission denied)\n"));
    assert_true(explain_has(&r.ex, "userland.nginx-not-root"));
    ul_release(&r);
}

static void test_userland_network_tools(void **state)
{
    (void)state;
    in("nginx", "curl -fsS http://localhost/; echo $?", 0, "7\n",
       "curl: (7) Failed to connect to localhost port 80 after 0 ms: "
       "Couldn't connect to server\n");
    struct ulrun r;
    ul_init(&r, "nginx");
    step(&r, "nginx -g 'daemon off;' & sleep 1; curl -s localhost | head -n 4",
         0, NULL, "");
    assert_non_null(strstr(r.out.buf, "<title>Welcome to nginx!</title>"));
    ul_release(&r);
    in(DEB, "curl -o /tmp/x https://example.com/x", 127, "",
       "/bin/sh: 1: curl: not found\n");
    in("python:3.12", "curl -fsSL -o /tmp/x https://example.com/x; cat /tmp/x",
       0, "[docksim: the content of https://example.com/x]\n", "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_userland_echo_programs),
        cmocka_unit_test(test_userland_cat_messages),
        cmocka_unit_test(test_userland_text_tools),
        cmocka_unit_test(test_userland_identity),
        cmocka_unit_test(test_userland_files),
        cmocka_unit_test(test_userland_permissions),
        cmocka_unit_test(test_userland_proc_and_ps),
        cmocka_unit_test(test_userland_apt),
        cmocka_unit_test(test_userland_apk),
        cmocka_unit_test(test_userland_users),
        cmocka_unit_test(test_userland_language_tools),
        cmocka_unit_test(test_userland_standins),
        cmocka_unit_test(test_userland_entrypoints),
        cmocka_unit_test(test_userland_nginx_start),
        cmocka_unit_test(test_userland_redis_start),
        cmocka_unit_test(test_userland_exec_format_error),
        cmocka_unit_test(test_userland_network_tools),
    };
    return cmocka_run_group_tests_name("userland", tests, NULL, NULL);
}
