/*
 * prog_pkg.c: programs that change the image the way a Dockerfile's RUN
 * lines do: package managers (apt-get, apt, apk, pip, npm, yarn, gem,
 * bundle, go), downloads (curl, wget, git clone) and users and groups
 * (useradd, groupadd, adduser, addgroup, usermod, passwd, su, gosu,
 * su-exec, setpriv, sudo).
 *
 * Packages install the programs they are known for (a small table per
 * distribution family); the output is a short, faithful summary of what
 * the real tool prints, with its real error texts for the mistakes
 * learners make (no `apt-get update`, no `-y`, not root, PEP 668).
 */
#include "prog_impl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "vfs.h"
#include "xmalloc.h"

/* ===================================================================== */
/* The package table                                                     */
/* ===================================================================== */

/*
 * Each row: the package, what it installs on Debian/Ubuntu and on
 * Alpine ("path" or "path=program", space-separated; "-" if the
 * distribution has no such package), the extra packages apt/apk pull
 * in, and a version to show.
 */
struct pkgdef {
    const char *name;
    const char *deb;
    const char *apk;
    const char *deps;
    const char *ver;
};

static const struct pkgdef pkgs[] = {
    { "curl", "/usr/bin/curl", "/usr/bin/curl", "libcurl4 ca-certificates",
      "8.14.1" },
    { "wget", "/usr/bin/wget", "/usr/bin/wget", "", "1.25.0" },
    { "git", "/usr/bin/git", "/usr/bin/git", "git-man liberror-perl",
      "2.47.3" },
    { "vim", "/usr/bin/vim /usr/bin/vi=vim", "/usr/bin/vim /usr/bin/vi=vim",
      "vim-runtime", "9.1" },
    { "vim-tiny", "/usr/bin/vim.tiny=vim /usr/bin/vi=vim", "-", "", "9.1" },
    { "nano", "/usr/bin/nano", "/usr/bin/nano", "", "8.4" },
    { "less", "/usr/bin/less", "/usr/bin/less", "", "668" },
    { "jq", "/usr/bin/jq", "/usr/bin/jq", "libjq1 libonig5", "1.7.1" },
    { "zip", "/usr/bin/zip", "/usr/bin/zip", "", "3.0" },
    { "unzip", "/usr/bin/unzip", "/usr/bin/unzip", "", "6.0" },
    { "tree", "/usr/bin/tree", "/usr/bin/tree", "", "2.2.1" },
    { "htop", "/usr/bin/htop", "/usr/bin/htop", "", "3.4.1" },
    { "make", "/usr/bin/make", "/usr/bin/make", "", "4.4.1" },
    { "gcc", "/usr/bin/gcc /usr/bin/cc=gcc", "/usr/bin/gcc /usr/bin/cc=gcc",
      "cpp binutils libc6-dev", "14.2.0" },
    { "g++", "/usr/bin/g++ /usr/bin/c++=g++", "/usr/bin/g++ /usr/bin/c++=g++",
      "gcc libstdc++-dev", "14.2.0" },
    { "build-essential", "/usr/bin/gcc /usr/bin/g++ /usr/bin/make /usr/bin/cc=gcc",
      "-", "gcc g++ make dpkg-dev libc6-dev", "12.12" },
    { "build-base", "-", "/usr/bin/gcc /usr/bin/g++ /usr/bin/make",
      "gcc g++ make musl-dev libc-dev", "0.5" },
    { "python3", "/usr/bin/python3=python3", "/usr/bin/python3=python3 "
      "/usr/bin/python=python3", "python3-minimal libpython3-stdlib", "3.13.5" },
    { "python3-pip", "/usr/bin/pip=pip /usr/bin/pip3=pip", "-",
      "python3-setuptools python3-wheel", "25.1.1" },
    { "py3-pip", "-", "/usr/bin/pip=pip /usr/bin/pip3=pip", "py3-setuptools",
      "25.1.1" },
    { "python3-venv", "", "-", "python3-pip-whl", "3.13.5" },
    { "nodejs", "/usr/bin/node=node /usr/bin/nodejs=node",
      "/usr/bin/node=node", "libnode115", "20.19.2" },
    { "npm", "/usr/bin/npm=npm /usr/bin/npx=npx", "/usr/bin/npm=npm "
      "/usr/bin/npx=npx", "nodejs node-gyp", "9.2.0" },
    { "openjdk-17-jre-headless", "/usr/bin/java=java", "-", "ca-certificates-java",
      "17.0.16" },
    { "openjdk-21-jre-headless", "/usr/bin/java=java", "-",
      "ca-certificates-java", "21.0.8" },
    { "default-jre", "/usr/bin/java=java", "-", "default-jre-headless", "2:1.21" },
    { "openjdk17-jre", "-", "/usr/bin/java=java", "", "17.0.16" },
    { "procps", "/usr/bin/ps /usr/bin/top /usr/bin/free /usr/bin/pgrep "
      "/usr/bin/pkill /usr/bin/uptime /usr/bin/watch", "/usr/bin/ps "
      "/usr/bin/top /usr/bin/pgrep /usr/bin/pkill", "libproc2-0", "4.0.4" },
    { "iputils-ping", "/usr/bin/ping", "-", "", "20240905" },
    { "net-tools", "/usr/bin/netstat /usr/sbin/ifconfig", "/bin/netstat",
      "", "2.10" },
    { "iproute2", "/usr/bin/ip /usr/bin/ss", "/sbin/ip", "libbpf1", "6.15.0" },
    { "dnsutils", "/usr/bin/dig /usr/bin/nslookup", "-", "bind9-dnsutils",
      "9.20" },
    { "bind-tools", "-", "/usr/bin/dig /usr/bin/nslookup", "", "9.20" },
    { "netcat-openbsd", "/usr/bin/nc", "/usr/bin/nc", "", "1.229" },
    { "telnet", "/usr/bin/telnet", "-", "", "0.17" },
    { "openssh-client", "/usr/bin/ssh /usr/bin/scp /usr/bin/ssh-keygen",
      "/usr/bin/ssh /usr/bin/scp /usr/bin/ssh-keygen", "", "10.0p1" },
    { "ca-certificates", "/usr/sbin/update-ca-certificates",
      "/usr/sbin/update-ca-certificates", "openssl", "20250419" },
    { "openssl", "/usr/bin/openssl", "/usr/bin/openssl", "", "3.5.1" },
    { "tzdata", "", "", "", "2025b" },
    { "locales", "/usr/sbin/locale-gen", "-", "", "2.41" },
    { "gnupg", "/usr/bin/gpg", "/usr/bin/gpg", "gpg-agent dirmngr", "2.4.7" },
    { "sudo", "/usr/bin/sudo", "/usr/bin/sudo", "", "1.9.16" },
    { "bash", "/usr/bin/bash=bash", "/bin/bash=bash", "readline", "5.2.37" },
    { "coreutils", "", "/bin/ls=ls /bin/cat=cat /usr/bin/env=env "
      "/bin/date=date /usr/bin/sort=sort", "", "9.7" },
    { "shadow", "-", "/usr/sbin/useradd /usr/sbin/groupadd /usr/sbin/usermod "
      "/usr/sbin/userdel", "", "4.17.4" },
    { "su-exec", "-", "/sbin/su-exec", "", "0.2" },
    { "tini", "/usr/bin/tini /usr/bin/tini-static=tini", "/sbin/tini", "",
      "0.19.0" },
    { "dumb-init", "/usr/bin/dumb-init", "/usr/bin/dumb-init", "", "1.2.5" },
    { "gosu", "/usr/sbin/gosu", "-", "", "1.17" },
    { "supervisor", "/usr/bin/supervisord /usr/bin/supervisorctl",
      "/usr/bin/supervisord /usr/bin/supervisorctl", "python3", "4.2.5" },
    { "cron", "/usr/sbin/cron", "-", "", "3.0pl1" },
    { "nginx", "/usr/sbin/nginx", "/usr/sbin/nginx", "nginx-common", "1.26.3" },
    { "apache2", "/usr/sbin/apache2=httpd /usr/sbin/apachectl", "-",
      "apache2-bin apache2-data", "2.4.65" },
    { "apache2-utils", "/usr/bin/ab /usr/bin/htpasswd", "-", "", "2.4.65" },
    { "redis-server", "/usr/bin/redis-server /usr/bin/redis-cli", "-",
      "redis-tools", "8.0.2" },
    { "redis-tools", "/usr/bin/redis-cli", "-", "", "8.0.2" },
    { "redis", "-", "/usr/bin/redis-server /usr/bin/redis-cli", "", "8.0.3" },
    { "postgresql-client", "/usr/bin/psql", "-", "postgresql-client-17", "17" },
    { "postgresql-client-17", "/usr/bin/psql", "-", "", "17.6" },
    { "postgresql", "/usr/bin/psql /usr/lib/postgresql/17/bin/postgres=postgres",
      "/usr/bin/psql /usr/bin/postgres=postgres", "postgresql-17", "17" },
    { "postgresql-client", "-", "/usr/bin/psql", "", "17.6" },
    { "default-mysql-client", "/usr/bin/mysql", "-", "mariadb-client",
      "1.1.1" },
    { "mariadb-client", "/usr/bin/mysql /usr/bin/mariadb=mysql",
      "/usr/bin/mysql /usr/bin/mariadb=mysql", "", "11.8.2" },
    { "mysql-client", "-", "/usr/bin/mysql", "mariadb-client", "11.8.2" },
    { "sqlite3", "/usr/bin/sqlite3", "-", "", "3.46.1" },
    { "sqlite", "-", "/usr/bin/sqlite3", "", "3.49.2" },
    { "golang", "/usr/bin/go", "-", "golang-go", "2:1.24" },
    { "go", "-", "/usr/bin/go", "", "1.24.6" },
    { "ruby", "/usr/bin/ruby /usr/bin/irb /usr/bin/gem", "/usr/bin/ruby",
      "libruby", "3.3.8" },
    { "php", "/usr/bin/php", "-", "php8.4", "2:8.4" },
    { "php83", "-", "/usr/bin/php83=php", "", "8.3.24" },
    { "rsync", "/usr/bin/rsync", "/usr/bin/rsync", "", "3.4.1" },
    { "file", "/usr/bin/file", "/usr/bin/file", "libmagic1", "5.46" },
    { "xz-utils", "/usr/bin/xz", "-", "", "5.8.1" },
    { "gettext-base", "/usr/bin/envsubst", "-", "", "0.23.1" },
    { "gettext", "/usr/bin/gettext /usr/bin/envsubst", "/usr/bin/envsubst",
      "", "0.24.1" },
    { "libc6-compat", "-", "", "", "1.2.5" },
    { "musl-dev", "-", "", "", "1.2.5" },
    { "linux-headers", "-", "", "", "6.14.2" },
    { "tar", "/usr/bin/tar", "/bin/tar", "", "1.35" },
    { "gzip", "/usr/bin/gzip", "/bin/gzip", "", "1.13" },
    { "bzip2", "/usr/bin/bzip2", "/usr/bin/bzip2", "", "1.0.8" },
    { "findutils", "/usr/bin/find /usr/bin/xargs", "/usr/bin/find "
      "/usr/bin/xargs", "", "4.10.0" },
    { "grep", "/usr/bin/grep", "/bin/grep", "", "3.11" },
    { "sed", "/usr/bin/sed", "/bin/sed", "", "4.9" },
    { "gawk", "/usr/bin/gawk /usr/bin/awk=gawk", "/usr/bin/gawk /usr/bin/awk=gawk",
      "", "5.3.2" },
    { "util-linux", "", "", "", "2.41" },
    { "apt-utils", "", "-", "", "3.0.3" },
    { "software-properties-common", "/usr/bin/add-apt-repository", "-",
      "python3", "0.111" },
    { "lsb-release", "/usr/bin/lsb_release", "-", "", "12.1" },
    { "dos2unix", "/usr/bin/dos2unix", "/usr/bin/dos2unix", "", "7.5.2" },
    { "iptables", "/usr/sbin/iptables", "/sbin/iptables", "", "1.8.11" },
    { NULL, NULL, NULL, NULL, NULL },
};

static const struct pkgdef *pkg_find(const char *name, bool alpine)
{
    for (const struct pkgdef *d = pkgs; d->name; d++)
        if (strcmp(d->name, name) == 0 &&
            strcmp(alpine ? d->apk : d->deb, "-") != 0)
            return d;
    return NULL;
}

const char *pkg_programs(const char *family, const char *pkg)
{
    bool alpine = strcmp(family, "alpine") == 0;
    const struct pkgdef *d = pkg_find(pkg, alpine);
    return d ? (alpine ? d->apk : d->deb) : NULL;
}

/* Put the files of a package into the filesystem. */
static void pkg_install_files(struct pns *ns, const struct pkgdef *d,
                              bool alpine)
{
    const char *s = alpine ? d->apk : d->deb;
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && *e != ' ')
            e++;
        char *item = xmemdup0(s, (size_t)(e - s));
        char *eq = strchr(item, '=');
        const char *prog;
        if (eq) {
            *eq = '\0';
            prog = eq + 1;
        } else {
            const char *b = strrchr(item, '/');
            prog = b ? b + 1 : item;
        }
        struct sb text = SB_INIT;
        sb_addf(&text, "# docksim: %s, installed by package %s\n", prog,
                d->name);
        struct vfs_entry *f = vfs_put_file(ns->fs, item, 0755, text.buf,
                                           text.len);
        free(f->program);
        f->program = xstrdup(prog);
        sb_release(&text);
        free(item);
        s = e;
    }
    if (strcmp(d->name, "ca-certificates") == 0)
        vfs_put_file(ns->fs, "/etc/ssl/certs/ca-certificates.crt", 0644,
                     "# docksim: the CA bundle\n", 25);
    if (strcmp(d->name, "tzdata") == 0)
        vfs_mkdir_p(ns->fs, "/usr/share/zoneinfo", 0755, 0, 0);
}

/* Record an installed package in the distribution's database. */
static void pkg_record(struct pns *ns, const struct pkgdef *d,
                       const char *name, bool alpine)
{
    const char *db = alpine ? "/lib/apk/db/installed" : "/var/lib/dpkg/status";
    struct vfs_entry *e = vfs_modify(ns->fs, db);
    if (!e) {
        e = vfs_put_file(ns->fs, db, 0644, NULL, 0);
    }
    struct sb add = SB_INIT;
    if (alpine)
        sb_addf(&add, "P:%s\nV:%s-r0\n\n", name, d ? d->ver : "0");
    else
        sb_addf(&add, "Package: %s\nStatus: install ok installed\nVersion: "
                      "%s\n\n",
                name, d ? d->ver : "0");
    e->data = xrealloc(e->data, e->len + add.len + 1);
    memcpy(e->data + e->len, add.buf, add.len);
    e->len += add.len;
    e->data[e->len] = '\0';
    sb_release(&add);
}

static void pkg_uninstall_files(struct pns *ns, const struct pkgdef *d,
                                bool alpine)
{
    const char *s = alpine ? d->apk : d->deb;
    while (*s) {
        while (*s == ' ')
            s++;
        const char *e = s;
        while (*e && *e != ' ' && *e != '=')
            e++;
        if (e > s) {
            char *item = xmemdup0(s, (size_t)(e - s));
            vfs_remove(ns->fs, item);
            free(item);
        }
        while (*e && *e != ' ')
            e++;
        s = e;
    }
}

static const char *codename(struct pns *ns)
{
    struct sb os = SB_INIT;
    static const char *const names[] = { "trixie", "bookworm", "bullseye",
                                         "noble", "jammy", "resolute" };
    const char *c = "trixie";
    if (ufs_read(ns, NULL, "/etc/os-release", &os) == 0)
        for (size_t i = 0; i < ARRAY_LEN(names); i++)
            if (strstr(os.buf, names[i]))
                c = names[i];
    sb_release(&os);
    return c;
}

/* ===================================================================== */
/* apt-get, apt                                                          */
/* ===================================================================== */

static bool apt_lists_present(struct pns *ns)
{
    struct strlist names;
    strlist_init(&names);
    bool any = false;
    if (ufs_list(ns, NULL, "/var/lib/apt/lists", &names) == 0)
        for (size_t i = 0; i < names.n; i++)
            if (strcmp(names.v[i], "partial") != 0 &&
                strcmp(names.v[i], "lock") != 0 &&
                strcmp(names.v[i], "auxfiles") != 0)
                any = true;
    strlist_release(&names);
    return any;
}

static int apt_not_root(struct pns *ns, struct proc *p)
{
    proc_puts(ns, p, 2,
              "E: Could not open lock file /var/lib/dpkg/lock-frontend - open "
              "(13: Permission denied)\n"
              "E: Unable to acquire the dpkg frontend lock "
              "(/var/lib/dpkg/lock-frontend), are you root?\n");
    pns_explain(ns, "userland.apt-needs-root",
                "apt-get must run as root. A USER instruction earlier in the "
                "Dockerfile switched to another user; install packages before "
                "USER, or switch back with USER root.");
    return 100;
}

static int p_apt(struct pns *ns, struct proc *p)
{
    bool apt = strcmp(pname(p), "apt") == 0;
    bool ubuntu = strcmp(os_family(ns), "ubuntu") == 0;
    const char *mirror = ubuntu ? "http://archive.ubuntu.com/ubuntu"
                                : "http://deb.debian.org/debian";
    const char *cmd = NULL;
    bool yes = false, quiet = false;
    struct strlist names;
    strlist_init(&names);
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (strcmp(a, "-y") == 0 || strcmp(a, "--yes") == 0 ||
            strcmp(a, "--assume-yes") == 0 || strcmp(a, "-qy") == 0 ||
            strcmp(a, "-yq") == 0)
            yes = true;
        if (strncmp(a, "-q", 2) == 0 || strcmp(a, "-qq") == 0)
            quiet = true;
        if (a[0] == '-')
            continue;
        if (!cmd)
            cmd = a;
        else
            strlist_push(&names, a);
    }
    const char *dfe = uenv_get(&p->env, "DEBIAN_FRONTEND");
    (void)dfe;
    if (apt)
        proc_puts(ns, p, 2, "\nWARNING: apt does not have a stable CLI "
                            "interface. Use with caution in scripts.\n\n");
    if (!cmd) {
        pout(ns, p, "apt 3.0.3 (amd64)\n");
        strlist_release(&names);
        return 0;
    }
    int rc = 0;
    if (strcmp(cmd, "update") == 0) {
        if (p->uid != 0) {
            proc_puts(ns, p, 2, "E: Could not open lock file /var/lib/apt/lists/"
                                "lock - open (13: Permission denied)\n"
                                "E: Unable to lock directory /var/lib/apt/lists/\n");
            strlist_release(&names);
            return 100;
        }
        const char *cn = codename(ns);
        if (!quiet) {
            pout(ns, p, "Get:1 %s %s InRelease [140 kB]\n", mirror, cn);
            pout(ns, p, "Get:2 %s %s-updates InRelease [47.3 kB]\n", mirror, cn);
            pout(ns, p, "Get:3 %s %s/main amd64 Packages [9670 kB]\n", mirror,
                 cn);
            pout(ns, p, "Fetched 9857 kB in 1s (9857 kB/s)\n");
            pout(ns, p, "Reading package lists...\n");
        }
        vfs_mkdir_p(ns->fs, "/var/lib/apt/lists/partial", 0700, 0, 0);
        struct sb f = SB_INIT;
        sb_addf(&f, "/var/lib/apt/lists/%s_dists_%s_main_binary-amd64_Packages",
                ubuntu ? "archive.ubuntu.com_ubuntu" : "deb.debian.org_debian", cn);
        vfs_put_file(ns->fs, f.buf, 0644, "# docksim: package index\n", 25);
        sb_release(&f);
        pns_explain(ns, "userland.apt-update",
                    "apt-get update downloads the package lists. Debian and "
                    "Ubuntu images ship without them, so it must come before "
                    "apt-get install, in the same RUN (a separate, cached "
                    "update layer goes stale).");
    } else if (strcmp(cmd, "install") == 0) {
        if (p->uid != 0) {
            strlist_release(&names);
            return apt_not_root(ns, p);
        }
        if (!quiet)
            pout(ns, p, "Reading package lists...\nBuilding dependency "
                        "tree...\nReading state information...\n");
        if (!apt_lists_present(ns)) {
            for (size_t i = 0; i < names.n; i++)
                proc_printf(ns, p, 2, "E: Unable to locate package %s\n",
                            names.v[i]);
            pns_explain(ns, "userland.apt-no-lists",
                        "The image has no package lists yet: run `apt-get "
                        "update` first, in the same RUN instruction (`RUN "
                        "apt-get update && apt-get install -y ...`).");
            strlist_release(&names);
            return 100;
        }
        struct strlist extra;
        strlist_init(&extra);
        for (size_t i = 0; i < names.n; i++) {
            const struct pkgdef *d = pkg_find(names.v[i], false);
            if (d && *d->deps) {
                const char *s = d->deps;
                while (*s) {
                    const char *e = strchr(s, ' ');
                    size_t l = e ? (size_t)(e - s) : strlen(s);
                    struct sb x = SB_INIT;
                    sb_add(&x, s, l);
                    if (strlist_find(&extra, x.buf) < 0 &&
                        strlist_find(&names, x.buf) < 0)
                        strlist_push(&extra, x.buf);
                    sb_release(&x);
                    s += l + (e ? 1 : 0);
                }
            }
        }
        if (extra.n) {
            pout(ns, p, "The following additional packages will be "
                        "installed:\n ");
            for (size_t i = 0; i < extra.n; i++)
                pout(ns, p, " %s", extra.v[i]);
            pout(ns, p, "\n");
        }
        pout(ns, p, "The following NEW packages will be installed:\n ");
        for (size_t i = 0; i < extra.n; i++)
            pout(ns, p, " %s", extra.v[i]);
        for (size_t i = 0; i < names.n; i++)
            pout(ns, p, " %s", names.v[i]);
        pout(ns, p, "\n0 upgraded, %zu newly installed, 0 to remove and 0 not "
                    "upgraded.\n",
             names.n + extra.n);
        if (extra.n && !yes) {
            pout(ns, p, "Need to get %zu kB of archives.\nAfter this operation, "
                        "%zu kB of additional disk space will be used.\nDo you "
                        "want to continue? [Y/n] Abort.\n",
                 (names.n + extra.n) * 613, (names.n + extra.n) * 2048);
            pns_explain(ns, "userland.apt-needs-yes",
                        "apt-get asks before installing extra packages, and "
                        "RUN has no terminal to answer: it aborts. Use "
                        "`apt-get install -y`.");
            strlist_release(&extra);
            strlist_release(&names);
            return 1;
        }
        for (size_t i = 0; i < extra.n; i++)
            pout(ns, p, "Setting up %s ...\n", extra.v[i]);
        for (size_t i = 0; i < names.n; i++) {
            const struct pkgdef *d = pkg_find(names.v[i], false);
            pout(ns, p, "Setting up %s (%s) ...\n", names.v[i],
                 d ? d->ver : "1.0");
            if (d)
                pkg_install_files(ns, d, false);
            else
                pns_explain(ns, "userland.unknown-package",
                            "docksim does not know what the package `%s` "
                            "contains: it is recorded as installed, but no "
                            "programs appear.",
                            names.v[i]);
            pkg_record(ns, d, names.v[i], false);
        }
        strlist_release(&extra);
    } else if (strcmp(cmd, "remove") == 0 || strcmp(cmd, "purge") == 0 ||
               strcmp(cmd, "autoremove") == 0) {
        if (p->uid != 0) {
            strlist_release(&names);
            return apt_not_root(ns, p);
        }
        pout(ns, p, "Reading package lists...\nBuilding dependency tree...\n"
                    "Reading state information...\n");
        for (size_t i = 0; i < names.n; i++) {
            const struct pkgdef *d = pkg_find(names.v[i], false);
            if (d) {
                pkg_uninstall_files(ns, d, false);
                pout(ns, p, "Removing %s (%s) ...\n", names.v[i], d->ver);
            }
        }
        if (!names.n)
            pout(ns, p, "0 upgraded, 0 newly installed, 0 to remove and 0 not "
                        "upgraded.\n");
    } else if (strcmp(cmd, "clean") == 0 || strcmp(cmd, "autoclean") == 0) {
        ;
    } else if (strcmp(cmd, "upgrade") == 0 || strcmp(cmd, "dist-upgrade") == 0 ||
               strcmp(cmd, "full-upgrade") == 0) {
        if (p->uid != 0) {
            strlist_release(&names);
            return apt_not_root(ns, p);
        }
        pout(ns, p, "Reading package lists...\nBuilding dependency tree...\n"
                    "Reading state information...\nCalculating upgrade...\n"
                    "0 upgraded, 0 newly installed, 0 to remove and 0 not "
                    "upgraded.\n");
    } else {
        proc_printf(ns, p, 2, "E: Invalid operation %s\n", cmd);
        rc = 100;
    }
    strlist_release(&names);
    return rc;
}

/* ===================================================================== */
/* apk                                                                   */
/* ===================================================================== */

static void alpine_branch(struct pns *ns, struct sb *out)
{
    struct sb rel = SB_INIT;
    if (ufs_read(ns, NULL, "/etc/alpine-release", &rel) == 0) {
        const char *dot = strchr(rel.buf, '.');
        const char *dot2 = dot ? strchr(dot + 1, '.') : NULL;
        if (dot2)
            sb_addf(out, "v%.*s", (int)(dot2 - rel.buf), rel.buf);
        else
            sb_adds(out, "v3.24");
    } else {
        sb_adds(out, "v3.24");
    }
    sb_release(&rel);
}

static int p_apk(struct pns *ns, struct proc *p)
{
    const char *cmd = NULL;
    bool quiet = false;
    struct strlist names;
    strlist_init(&names);
    const char *virt = NULL;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (strcmp(a, "--virtual") == 0 || strcmp(a, "-t") == 0) {
            if (i + 1 < PARGC(p))
                virt = PARGV(p)[++i];
            continue;
        }
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
            quiet = true;
        if (a[0] == '-')
            continue;
        if (!cmd)
            cmd = a;
        else
            strlist_push(&names, a);
    }
    if (!cmd) {
        pout(ns, p, "apk-tools 2.14.10, compiled for x86_64.\n");
        strlist_release(&names);
        return 0;
    }
    struct sb br = SB_INIT;
    alpine_branch(ns, &br);
    int rc = 0;
    bool modifies = strcmp(cmd, "add") == 0 || strcmp(cmd, "del") == 0 ||
                    strcmp(cmd, "update") == 0 || strcmp(cmd, "upgrade") == 0;
    if (modifies && p->uid != 0) {
        proc_puts(ns, p, 2, "ERROR: Unable to lock database: Permission "
                            "denied\nERROR: Failed to open apk database: "
                            "Permission denied\n");
        pns_explain(ns, "userland.apk-needs-root",
                    "apk must run as root: install packages before a USER "
                    "instruction.");
        sb_release(&br);
        strlist_release(&names);
        return 99;
    }
    if (strcmp(cmd, "update") == 0 || strcmp(cmd, "add") == 0 ||
        strcmp(cmd, "upgrade") == 0) {
        if (!quiet) {
            pout(ns, p, "fetch https://dl-cdn.alpinelinux.org/alpine/%s/main/"
                        "x86_64/APKINDEX.tar.gz\n",
                 br.buf);
            pout(ns, p, "fetch https://dl-cdn.alpinelinux.org/alpine/%s/"
                        "community/x86_64/APKINDEX.tar.gz\n",
                 br.buf);
        }
    }
    if (strcmp(cmd, "update") == 0) {
        pout(ns, p, "%s [https://dl-cdn.alpinelinux.org/alpine/%s/main]\n"
                    "OK: 26352 distinct packages available\n",
             br.buf, br.buf);
    } else if (strcmp(cmd, "add") == 0) {
        for (size_t i = 0; i < names.n; i++) {
            const char *n = names.v[i];
            char *bare = xstrdup(n);
            char *at = strpbrk(bare, "=<>~");
            if (at)
                *at = '\0';
            if (!pkg_find(bare, true) && !strchr(bare, '-') &&
                strlen(bare) < 3) {
                proc_printf(ns, p, 2, "ERROR: unable to select packages:\n  "
                                      "%s (no such package):\n    required "
                                      "by: world[%s]\n",
                            bare, bare);
                rc = 1;
            }
            free(bare);
        }
        if (rc == 0) {
            struct strlist deps;
            strlist_init(&deps);
            for (size_t i = 0; i < names.n; i++) {
                const struct pkgdef *d = pkg_find(names.v[i], true);
                const char *ds = d ? d->deps : "";
                while (*ds) {
                    const char *e = strchr(ds, ' ');
                    size_t l = e ? (size_t)(e - ds) : strlen(ds);
                    struct sb x = SB_INIT;
                    sb_add(&x, ds, l);
                    if (strlist_find(&deps, x.buf) < 0 &&
                        strlist_find(&names, x.buf) < 0)
                        strlist_push(&deps, x.buf);
                    sb_release(&x);
                    ds += l + (e ? 1 : 0);
                }
            }
            size_t total = deps.n + names.n + (virt ? 1 : 0);
            size_t k = 0;
            for (size_t i = 0; i < deps.n && !quiet; i++)
                pout(ns, p, "(%zu/%zu) Installing %s (1.0-r0)\n", ++k, total,
                     deps.v[i]);
            strlist_release(&deps);
            for (size_t i = 0; i < names.n; i++) {
                const struct pkgdef *d = pkg_find(names.v[i], true);
                if (!quiet)
                    pout(ns, p, "(%zu/%zu) Installing %s (%s-r0)\n", ++k, total,
                         names.v[i], d ? d->ver : "1.0");
                if (d)
                    pkg_install_files(ns, d, true);
                else
                    pns_explain(ns, "userland.unknown-package",
                                "docksim does not know what the package `%s` "
                                "contains: it is recorded as installed, but "
                                "no programs appear.",
                                names.v[i]);
                pkg_record(ns, d, names.v[i], true);
            }
            if (virt && !quiet)
                pout(ns, p, "(%zu/%zu) Installing %s (20260101.000000)\n", ++k,
                     total, virt);
            if (!quiet)
                pout(ns, p, "OK: %zu MiB in %zu packages\n", 8 + names.n * 3,
                     15 + names.n);
        }
    } else if (strcmp(cmd, "del") == 0) {
        for (size_t i = 0; i < names.n; i++) {
            const struct pkgdef *d = pkg_find(names.v[i], true);
            if (d)
                pkg_uninstall_files(ns, d, true);
            if (!quiet)
                pout(ns, p, "(%zu/%zu) Purging %s\n", i + 1, names.n,
                     names.v[i]);
        }
        if (!quiet)
            pout(ns, p, "OK: 8 MiB in 15 packages\n");
    } else if (strcmp(cmd, "upgrade") == 0) {
        pout(ns, p, "OK: 8 MiB in 15 packages\n");
    } else if (strcmp(cmd, "info") == 0 || strcmp(cmd, "list") == 0 ||
               strcmp(cmd, "search") == 0 || strcmp(cmd, "cache") == 0) {
        ;
    } else {
        proc_printf(ns, p, 2, "apk-tools 2.14.10, compiled for x86_64.\n\n"
                              "ERROR: '%s' is not an apk command. See 'apk "
                              "--help'.\n",
                    cmd);
        rc = 1;
    }
    sb_release(&br);
    strlist_release(&names);
    return rc;
}

/* ===================================================================== */
/* pip, npm, yarn, gem, bundle, go                                       */
/* ===================================================================== */

static const char *const pip_clis[] = { "gunicorn", "uvicorn", "flask",
                                        "celery", "black", "pytest", "poetry",
                                        "pipenv", "streamlit", "fastapi",
                                        "httpie", "jupyter", "ansible",
                                        "django-admin" };

static int p_pip(struct pns *ns, struct proc *p)
{
    int i = 1;
    /* python -m pip: argv is adjusted by the caller */
    const char *cmd = NULL;
    struct strlist pk;
    strlist_init(&pk);
    const char *req = NULL;
    bool break_sys = false, user = false;
    for (; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if ((strcmp(a, "-r") == 0 || strcmp(a, "--requirement") == 0) &&
            i + 1 < PARGC(p)) {
            req = PARGV(p)[++i];
            continue;
        }
        if (strncmp(a, "-r", 2) == 0 && a[2]) {
            req = a + 2;
            continue;
        }
        if (strcmp(a, "--break-system-packages") == 0)
            break_sys = true;
        if (strcmp(a, "--user") == 0)
            user = true;
        if (a[0] == '-')
            continue;
        if (!cmd)
            cmd = a;
        else
            strlist_push(&pk, a);
    }
    (void)user;
    if (!cmd || strcmp(cmd, "--version") == 0) {
        const char *pv = uenv_get(&p->env, "PYTHON_VERSION");
        pout(ns, p, "pip 25.2 from /usr/local/lib/python%.4s/site-packages/pip "
                    "(python %.4s)\n",
             pv ? pv : "3.13", pv ? pv : "3.13");
        strlist_release(&pk);
        return 0;
    }
    int rc = 0;
    if (strcmp(cmd, "install") == 0) {
        /* Debian's and Alpine's own pip refuse (PEP 668) */
        bool system = p->exe && strncmp(p->exe, "/usr/bin/", 9) == 0 &&
                      strcmp(os_family(ns), "busybox") != 0;
        if (system && !break_sys) {
            proc_puts(ns, p, 2,
                      "error: externally-managed-environment\n\n"
                      "\xc3\x97 This environment is externally managed\n"
                      "\xe2\x95\xb0\xe2\x94\x80> To install Python packages "
                      "system-wide, try apt install\n"
                      "    python3-xyz, where xyz is the package you are trying "
                      "to\n    install.\n\n"
                      "    If you wish to install a non-Debian-packaged Python "
                      "package,\n    create a virtual environment using python3 "
                      "-m venv path/to/venv.\n    Then use path/to/venv/bin/"
                      "python to make sure you are using a\n    non-Debian-"
                      "provided Python installation.\n\n"
                      "note: If you believe this is a mistake, please contact "
                      "your Python installation or OS distribution provider. "
                      "You can override this, at the risk of breaking your "
                      "Python installation or OS, by passing "
                      "--break-system-packages.\n"
                      "hint: See PEP 668 for the detailed specification.\n");
            pns_explain(ns, "userland.pip-externally-managed",
                        "The distribution's own pip refuses to install into "
                        "the system Python (PEP 668). Use the official python "
                        "image (its pip lives in /usr/local), a virtual "
                        "environment, or --break-system-packages.");
            strlist_release(&pk);
            return 1;
        }
        if (req) {
            struct sb text = SB_INIT;
            if (ufs_read(ns, p, req, &text) != 0) {
                proc_printf(ns, p, 2, "ERROR: Could not open requirements file: "
                                      "[Errno 2] No such file or directory: "
                                      "'%s'\n",
                            req);
                pns_explain(ns, "userland.missing-requirements",
                            "pip was told to read %s, which is not in the "
                            "image at that point: COPY it (into the WORKDIR) "
                            "before the RUN that installs.",
                            req);
                sb_release(&text);
                strlist_release(&pk);
                return 1;
            }
            const char *s = text.buf;
            while (*s) {
                const char *nl = strchr(s, '\n');
                size_t l = nl ? (size_t)(nl - s) : strlen(s);
                size_t k = 0;
                while (k < l && (s[k] == ' ' || s[k] == '\t'))
                    k++;
                size_t e = k;
                while (e < l && !strchr(" \t=<>~!;[#\r", s[e]))
                    e++;
                if (e > k && s[k] != '#' && s[k] != '-')
                    strlist_pushn(&pk, s + k, e - k);
                s += l + (nl ? 1 : 0);
            }
            sb_release(&text);
        }
        for (size_t k = 0; k < pk.n; k++)
            pout(ns, p, "Collecting %s\n", pk.v[k]);
        if (pk.n) {
            pout(ns, p, "Installing collected packages:");
            for (size_t k = 0; k < pk.n; k++)
                pout(ns, p, "%s %s", k ? "," : "", pk.v[k]);
            pout(ns, p, "\nSuccessfully installed");
            for (size_t k = 0; k < pk.n; k++)
                pout(ns, p, " %s", pk.v[k]);
            pout(ns, p, "\n");
        }
        for (size_t k = 0; k < pk.n; k++) {
            char *name = xstrdup(pk.v[k]);
            char *cut = strpbrk(name, "=<>~![");
            if (cut)
                *cut = '\0';
            for (size_t c = 0; c < ARRAY_LEN(pip_clis); c++) {
                bool match = strcmp(name, pip_clis[c]) == 0 ||
                             (strcmp(name, "django") == 0 &&
                              strcmp(pip_clis[c], "django-admin") == 0) ||
                             (strcmp(name, "Flask") == 0 &&
                              strcmp(pip_clis[c], "flask") == 0);
                if (!match)
                    continue;
                struct sb path = SB_INIT;
                sb_addf(&path, "/usr/local/bin/%s", pip_clis[c]);
                struct vfs_entry *f = vfs_put_file(ns->fs, path.buf, 0755,
                                                   "#!/usr/local/bin/python\n",
                                                   24);
                free(f->program);
                f->program = xstrdup(pip_clis[c]);
                sb_release(&path);
            }
            free(name);
        }
        if (p->uid == 0 && pk.n)
            proc_puts(ns, p, 2, "WARNING: Running pip as the 'root' user can "
                                "result in broken permissions and conflicting "
                                "behaviour with the system package manager, "
                                "possibly rendering your system unusable. It "
                                "is recommended to use a virtual environment "
                                "instead: https://pip.pypa.io/warnings/venv. "
                                "Use the --root-user-action option if you know "
                                "what you are doing and want to suppress this "
                                "warning.\n");
    } else if (strcmp(cmd, "freeze") == 0 || strcmp(cmd, "list") == 0) {
        ;
    } else {
        proc_printf(ns, p, 2, "ERROR: unknown command \"%s\"\n", cmd);
        rc = 1;
    }
    strlist_release(&pk);
    return rc;
}

/* The names of "dependencies" in a package.json (a light scan). */
static void json_deps(const char *text, struct strlist *out)
{
    const char *d = strstr(text, "\"dependencies\"");
    for (int pass = 0; pass < 2 && d; pass++) {
        const char *o = strchr(d, '{');
        const char *c = o ? strchr(o, '}') : NULL;
        if (!o || !c)
            break;
        const char *s = o + 1;
        while (s < c) {
            const char *q1 = strchr(s, '"');
            if (!q1 || q1 >= c)
                break;
            const char *q2 = strchr(q1 + 1, '"');
            if (!q2 || q2 >= c)
                break;
            strlist_pushn(out, q1 + 1, (size_t)(q2 - q1 - 1));
            const char *comma = strchr(q2 + 1, ',');
            s = comma && comma < c ? comma + 1 : c;
        }
        d = strstr(c, "\"devDependencies\"");
    }
}

/* "scripts": {"start": "node server.js"} */
static char *json_script(const char *text, const char *name)
{
    const char *s = strstr(text, "\"scripts\"");
    if (!s)
        return NULL;
    const char *o = strchr(s, '{');
    const char *c = o ? strchr(o, '}') : NULL;
    if (!o || !c)
        return NULL;
    struct sb key = SB_INIT;
    sb_addf(&key, "\"%s\"", name);
    const char *k = strstr(o, key.buf);
    sb_release(&key);
    if (!k || k > c)
        return NULL;
    const char *colon = strchr(k + strlen(name) + 2, ':');
    const char *q1 = colon ? strchr(colon, '"') : NULL;
    if (!q1 || q1 > c)
        return NULL;
    struct sb v = SB_INIT;
    for (const char *q = q1 + 1; *q && *q != '"'; q++) {
        if (*q == '\\' && q[1])
            q++;
        sb_addch(&v, *q);
    }
    return sb_detach(&v, NULL);
}

static const char *npm_version(struct proc *p)
{
    const char *nv = uenv_get(&p->env, "NODE_VERSION");
    if (!nv)
        return "9.2.0";
    long major = strtol(nv, NULL, 10);
    return major >= 26 ? "11.9.0" : major >= 24 ? "11.6.2" : major >= 22
                                                                 ? "10.9.3"
                                                                 : "10.8.2";
}

struct npm_state {
    int child;
};

static int npm_missing_pkg(struct pns *ns, struct proc *p)
{
    struct sb path = SB_INIT;
    sb_addf(&path, "%s/package.json", strcmp(p->cwd, "/") == 0 ? "" : p->cwd);
    proc_printf(ns, p, 2,
                "npm error code ENOENT\nnpm error syscall open\nnpm error path "
                "%s\nnpm error errno -2\nnpm error enoent Could not read "
                "package.json: Error: ENOENT: no such file or directory, open "
                "'%s'\nnpm error enoent This is related to npm not being able to "
                "find a file.\nnpm error enoent\n",
                path.buf, path.buf);
    pns_explain(ns, "userland.npm-no-package-json",
                "npm looks for package.json in the working directory (%s), "
                "and there is none: COPY package.json into the WORKDIR first.",
                p->cwd);
    sb_release(&path);
    return 254;
}

static int p_npm(struct pns *ns, struct proc *p)
{
    struct npm_state *st = p->pdata;
    if (p->phase == 1) {
        int s = prog_child_status(ns, p, st->child);
        if (s < 0)
            return PROG_BLOCK;
        return s;
    }
    const char *cmd = PARGC(p) > 1 ? PARGV(p)[1] : NULL;
    if (!cmd) {
        pout(ns, p, "npm <command>\n\nUsage:\n\nnpm install        install all "
                    "the dependencies in your project\n");
        return 1;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-v") == 0) {
        pout(ns, p, "%s\n", npm_version(p));
        return 0;
    }
    struct sb pj = SB_INIT;
    bool have_pj = ufs_read(ns, p, "package.json", &pj) == 0;
    int rc = 0;
    if (strcmp(cmd, "install") == 0 || strcmp(cmd, "i") == 0 ||
        strcmp(cmd, "ci") == 0 || strcmp(cmd, "add") == 0) {
        bool ci = strcmp(cmd, "ci") == 0;
        struct strlist deps;
        strlist_init(&deps);
        bool global = false;
        for (int i = 2; i < PARGC(p); i++) {
            if (strcmp(PARGV(p)[i], "-g") == 0 || strcmp(PARGV(p)[i], "--global") == 0)
                global = true;
            else if (PARGV(p)[i][0] != '-')
                strlist_push(&deps, PARGV(p)[i]);
        }
        if (ci) {
            int err;
            if (!have_pj) {
                sb_release(&pj);
                strlist_release(&deps);
                return npm_missing_pkg(ns, p);
            }
            if (!ufs_stat(ns, p, "package-lock.json", true, &err) &&
                !ufs_stat(ns, p, "npm-shrinkwrap.json", true, &err)) {
                proc_puts(ns, p, 2,
                          "npm error code EUSAGE\nnpm error\nnpm error The `npm "
                          "ci` command can only install with an existing "
                          "package-lock.json or\nnpm error npm-shrinkwrap.json "
                          "with lockfileVersion >= 1. Run an install with "
                          "npm@5 or\nnpm error later to generate a "
                          "package-lock.json file, then try again.\n");
                pns_explain(ns, "userland.npm-ci-needs-lock",
                            "npm ci installs exactly what package-lock.json "
                            "says: COPY package-lock.json (with package.json) "
                            "before running it.");
                sb_release(&pj);
                strlist_release(&deps);
                return 1;
            }
        }
        if (have_pj && deps.n == 0)
            json_deps(pj.buf, &deps);
        if (!global) {
            struct sb nm = SB_INIT;
            sb_addf(&nm, "%s/node_modules", strcmp(p->cwd, "/") == 0 ? "" : p->cwd);
            vfs_mkdir_p(ns->fs, nm.buf, 0755, p->uid, p->gid);
            for (size_t i = 0; i < deps.n; i++) {
                struct sb d = SB_INIT;
                sb_addf(&d, "%s/%s", nm.buf, deps.v[i]);
                vfs_mkdir_p(ns->fs, d.buf, 0755, p->uid, p->gid);
                sb_release(&d);
            }
            sb_release(&nm);
        }
        if (deps.n)
            pout(ns, p, "\nadded %zu packages, and audited %zu packages in "
                        "2s\n\nfound 0 vulnerabilities\n",
                 deps.n * 12, deps.n * 12 + 1);
        else
            pout(ns, p, "\nup to date, audited 1 package in 0s\n\nfound 0 "
                        "vulnerabilities\n");
        strlist_release(&deps);
        sb_release(&pj);
        return 0;
    }
    if (strcmp(cmd, "start") == 0 || strcmp(cmd, "test") == 0 ||
        strcmp(cmd, "run") == 0 || strcmp(cmd, "run-script") == 0) {
        const char *script = strcmp(cmd, "run") == 0 || strcmp(cmd, "run-script") == 0
                                 ? (PARGC(p) > 2 ? PARGV(p)[2] : NULL)
                                 : cmd;
        if (!have_pj) {
            sb_release(&pj);
            return npm_missing_pkg(ns, p);
        }
        char *body = script ? json_script(pj.buf, script) : NULL;
        if (!body && script && strcmp(script, "start") == 0) {
            int err;
            if (ufs_stat(ns, p, "server.js", true, &err))
                body = xstrdup("node server.js");
        }
        if (!body) {
            proc_printf(ns, p, 2, "npm error Missing script: \"%s\"\nnpm "
                                  "error\nnpm error To see a list of scripts, "
                                  "run:\nnpm error   npm run\n",
                        script ? script : "");
            sb_release(&pj);
            return 1;
        }
        pout(ns, p, "\n> %s\n> %s\n\n", script, body);
        char *argv[] = { (char *)"sh", (char *)"-c", body };
        int s = 0;
        int pid = prog_spawn_wait(ns, p, argv, 3, &s);
        free(body);
        sb_release(&pj);
        if (pid < 0)
            return s;
        st = xcalloc(1, sizeof(*st));
        st->child = pid;
        p->pdata = st;
        p->phase = 1;
        /* npm passes SIGTERM and SIGINT on to the script */
        p->disp[15] = SIGD_CATCH;
        p->disp[2] = SIGD_CATCH;
        return PROG_BLOCK;
    }
    pout(ns, p, "[docksim: not simulated: npm %s]\n", cmd);
    sb_release(&pj);
    return rc;
}

static int npm_signal(struct pns *ns, struct proc *p, int sig)
{
    struct npm_state *st = p->pdata;
    if (st) {
        struct proc *c = pns_find(ns, st->child);
        if (c)
            proc_signal(ns, c, sig, false);
    }
    return -1;
}

static int p_yarn(struct pns *ns, struct proc *p)
{
    const char *cmd = PARGC(p) > 1 ? PARGV(p)[1] : "install";
    if (strcmp(cmd, "--version") == 0) {
        pout(ns, p, "1.22.22\n");
        return 0;
    }
    if (strcmp(cmd, "install") == 0) {
        int err;
        if (!ufs_stat(ns, p, "package.json", true, &err)) {
            pout(ns, p, "yarn install v1.22.22\ninfo No lockfile found.\n"
                        "[1/4] Resolving packages...\n[2/4] Fetching "
                        "packages...\n[3/4] Linking dependencies...\n[4/4] "
                        "Building fresh packages...\nsuccess Saved lockfile.\n"
                        "Done in 0.05s.\n");
            return 0;
        }
        struct sb nm = SB_INIT;
        sb_addf(&nm, "%s/node_modules", strcmp(p->cwd, "/") == 0 ? "" : p->cwd);
        vfs_mkdir_p(ns->fs, nm.buf, 0755, p->uid, p->gid);
        sb_release(&nm);
        pout(ns, p, "yarn install v1.22.22\n[1/4] Resolving packages...\n[2/4] "
                    "Fetching packages...\n[3/4] Linking dependencies...\n[4/4] "
                    "Building fresh packages...\nDone in 2.31s.\n");
        return 0;
    }
    pout(ns, p, "[docksim: not simulated: yarn %s]\n", cmd);
    return 0;
}

static int p_gem(struct pns *ns, struct proc *p)
{
    const char *cmd = PARGC(p) > 1 ? PARGV(p)[1] : NULL;
    if (cmd && strcmp(cmd, "install") == 0) {
        int n = 0;
        for (int i = 2; i < PARGC(p); i++)
            if (PARGV(p)[i][0] != '-') {
                pout(ns, p, "Successfully installed %s\n", PARGV(p)[i]);
                n++;
                if (strcmp(PARGV(p)[i], "rails") == 0 ||
                    strcmp(PARGV(p)[i], "bundler") == 0) {
                    struct sb path = SB_INIT;
                    sb_addf(&path, "/usr/local/bundle/bin/%s",
                            strcmp(PARGV(p)[i], "bundler") == 0 ? "bundle"
                                                                : PARGV(p)[i]);
                    struct vfs_entry *f = vfs_put_file(ns->fs, path.buf, 0755,
                                                       "#!/usr/local/bin/ruby\n",
                                                       22);
                    free(f->program);
                    f->program = xstrdup(strcmp(PARGV(p)[i], "bundler") == 0
                                             ? "bundle"
                                             : PARGV(p)[i]);
                    sb_release(&path);
                }
            }
        pout(ns, p, "%d gem%s installed\n", n, n == 1 ? "" : "s");
        return 0;
    }
    if (cmd && strcmp(cmd, "--version") == 0) {
        pout(ns, p, "3.6.9\n");
        return 0;
    }
    pout(ns, p, "[docksim: not simulated: gem%s%s]\n", cmd ? " " : "",
         cmd ? cmd : "");
    return 0;
}

static int p_bundle(struct pns *ns, struct proc *p)
{
    const char *cmd = PARGC(p) > 1 ? PARGV(p)[1] : "install";
    if (strcmp(cmd, "exec") == 0 && PARGC(p) > 2)
        return prog_exec_argv(ns, p, PARGV(p) + 2, p->argv.n - 2, "bundler");
    if (strcmp(cmd, "install") == 0) {
        int err;
        if (!ufs_stat(ns, p, "Gemfile", true, &err)) {
            proc_puts(ns, p, 2, "Could not locate Gemfile\n");
            pns_explain(ns, "userland.bundle-no-gemfile",
                        "bundle install reads the Gemfile of the working "
                        "directory: COPY Gemfile (and Gemfile.lock) first.");
            return 10;
        }
        pout(ns, p, "Bundle complete! Gems are installed into "
                    "`/usr/local/bundle`\n");
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        pout(ns, p, "Bundler version 2.6.9\n");
        return 0;
    }
    pout(ns, p, "[docksim: not simulated: bundle %s]\n", cmd);
    return 0;
}

static int p_go(struct pns *ns, struct proc *p)
{
    const char *cmd = PARGC(p) > 1 ? PARGV(p)[1] : NULL;
    if (!cmd) {
        pout(ns, p, "Go is a tool for managing Go source code.\n");
        return 2;
    }
    if (strcmp(cmd, "version") == 0) {
        const char *v = uenv_get(&p->env, "GOLANG_VERSION");
        pout(ns, p, "go version go%s linux/amd64\n", v ? v : "1.24.6");
        return 0;
    }
    if (strcmp(cmd, "build") == 0) {
        const char *out = NULL;
        for (int i = 2; i < PARGC(p); i++)
            if (strcmp(PARGV(p)[i], "-o") == 0 && i + 1 < PARGC(p))
                out = PARGV(p)[++i];
        struct sb path = SB_INIT;
        if (out) {
            proc_path(p, out, &path);
        } else {
            const char *b = strrchr(p->cwd, '/');
            sb_addf(&path, "%s/%s", strcmp(p->cwd, "/") == 0 ? "" : p->cwd,
                    b && b[1] ? b + 1 : "app");
        }
        int err;
        const struct vfs_entry *d = ufs_stat(ns, p, path.buf, true, &err);
        if (d && d->type == VFS_DIR) {
            const char *b = strrchr(p->cwd, '/');
            sb_addf(&path, "/%s", b && b[1] ? b + 1 : "app");
        }
        struct vfs_entry *f = vfs_put_file(ns->fs, path.buf, 0755,
                                           "\x7f" "ELF docksim go binary\n", 23);
        free(f->program);
        f->program = xstrdup("compiled-binary");
        f->uid = p->uid;
        f->gid = p->gid;
        sb_release(&path);
        return 0;
    }
    if (strcmp(cmd, "mod") == 0 || strcmp(cmd, "get") == 0 ||
        strcmp(cmd, "install") == 0 || strcmp(cmd, "env") == 0)
        return 0;
    if (strcmp(cmd, "run") == 0) {
        pout(ns, p, "[docksim: go would compile and run %s]\n",
             PARGC(p) > 2 ? PARGV(p)[2] : ".");
        return prog_forever(ns, p);
    }
    pout(ns, p, "[docksim: not simulated: go %s]\n", cmd);
    return 0;
}

/* ===================================================================== */
/* Network tools                                                         */
/* ===================================================================== */

/* Is a server of this container listening on port? Returns its program
 * name or NULL. */
static const char *listener(struct pns *ns, int port)
{
    static const struct {
        const char *prog;
        int port;
    } known[] = {
        { "nginx", 80 }, { "httpd", 80 }, { "apache2", 80 },
        { "redis-server", 6379 }, { "postgres", 5432 }, { "mysqld", 3306 },
        { "node", 3000 }, { "node", 8080 }, { "python3", 8000 },
        { "python3", 5000 }, { "python3", 8080 }, { "gunicorn", 8000 },
        { "uvicorn", 8000 }, { "flask", 5000 }, { "rails", 3000 },
        { "compiled-binary", 8080 }, { "java", 8080 },
    };
    for (size_t i = 0; i < ns->n_procs; i++) {
        struct proc *t = ns->procs[i];
        if (t->state != P_FOREVER || !t->native)
            continue;
        for (size_t k = 0; k < ARRAY_LEN(known); k++)
            if (known[k].port == port && strcmp(t->native->name, known[k].prog) == 0)
                return known[k].prog;
    }
    return NULL;
}

/* Split http://host:port/path */
static void parse_url(const char *url, struct sb *host, int *port,
                      struct sb *path)
{
    const char *s = strstr(url, "://");
    bool https = strncmp(url, "https", 5) == 0;
    s = s ? s + 3 : url;
    const char *e = s;
    while (*e && *e != '/' && *e != ':')
        e++;
    sb_add(host, s, (size_t)(e - s));
    *port = https ? 443 : 80;
    if (*e == ':') {
        *port = (int)strtol(e + 1, NULL, 10);
        while (*e && *e != '/')
            e++;
    }
    sb_adds(path, *e ? e : "/");
}

static bool is_local(const char *host)
{
    return strcmp(host, "localhost") == 0 || strcmp(host, "127.0.0.1") == 0 ||
           strcmp(host, "0.0.0.0") == 0 || strcmp(host, "[::1]") == 0;
}

static int p_curl(struct pns *ns, struct proc *p)
{
    bool wget = strcmp(pname(p), "wget") == 0;
    bool fail = false, silent = false, show_err = false, head = false,
         spider = false, quiet = false;
    const char *out = NULL, *url = NULL;
    bool remote_name = false;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if (a[0] == '-' && a[1] != '-') {
            for (const char *f = a + 1; *f; f++) {
                if (*f == 'f' && !wget)
                    fail = true;
                else if (*f == 's' && !wget)
                    silent = true;
                else if (*f == 'S')
                    show_err = true;
                else if (*f == 'I')
                    head = true;
                else if (*f == 'q' && wget)
                    quiet = true;
                else if (*f == 'O' && !wget) {
                    remote_name = true;
                } else if ((*f == 'o' && !wget) || (*f == 'O' && wget)) {
                    out = f[1] ? f + 1 : i + 1 < PARGC(p) ? PARGV(p)[++i] : NULL;
                    break;
                } else if (*f == 'H' || *f == 'X' || *f == 'd' || *f == 'u' ||
                           *f == 'w' || *f == 'm' || *f == 'A' || *f == 'e' ||
                           *f == 'T') {
                    if (!f[1] && i + 1 < PARGC(p))
                        i++;
                    break;
                }
            }
            continue;
        }
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            if (wget)
                pout(ns, p, "GNU Wget 1.25.0 built on linux-gnu.\n");
            else
                pout(ns, p, "curl 8.14.1 (x86_64-pc-linux-gnu) libcurl/8.14.1 "
                            "OpenSSL/3.5.1\n");
            return 0;
        }
        if (strcmp(a, "--fail") == 0)
            fail = true;
        else if (strcmp(a, "--silent") == 0)
            silent = true;
        else if (strcmp(a, "--spider") == 0)
            spider = true;
        else if (strncmp(a, "--output", 8) == 0 && i + 1 < PARGC(p))
            out = PARGV(p)[++i];
        else if (strncmp(a, "--", 2) == 0)
            ;
        else
            url = a;
    }
    if (!url) {
        if (wget)
            perr(ns, p, "missing URL");
        else
            proc_puts(ns, p, 2, "curl: try 'curl --help' or 'curl --manual' for "
                                "more information\n");
        return wget ? 1 : 2;
    }
    struct sb host = SB_INIT, path = SB_INIT, body = SB_INIT;
    int port;
    parse_url(url, &host, &port, &path);
    int rc = 0;
    if (is_local(host.buf)) {
        const char *srv = listener(ns, port);
        if (!srv) {
            if (wget) {
                if (!quiet)
                    proc_printf(ns, p, 2, "Connecting to %s:%d (%s:%d)\n",
                                host.buf, port, host.buf, port);
                proc_printf(ns, p, 2, "wget: can't connect to remote host "
                                      "(127.0.0.1): Connection refused\n");
                rc = 1;
            } else {
                if (!silent || show_err)
                    proc_printf(ns, p, 2, "curl: (7) Failed to connect to %s "
                                          "port %d after 0 ms: Couldn't "
                                          "connect to server\n",
                                host.buf, port);
                rc = 7;
            }
            pns_explain(ns, "userland.nothing-listening",
                        "Nothing in this container listens on port %d yet, "
                        "so the request is refused.",
                        port);
            goto out;
        }
        if (strcmp(srv, "nginx") == 0 || strcmp(srv, "httpd") == 0) {
            struct sb page = SB_INIT;
            const char *root = strcmp(srv, "nginx") == 0
                                   ? "/usr/share/nginx/html"
                                   : "/usr/local/apache2/htdocs";
            struct sb file = SB_INIT;
            sb_addf(&file, "%s%s", root,
                    strcmp(path.buf, "/") == 0 ? "/index.html" : path.buf);
            if (ufs_read(ns, p, file.buf, &page) == 0) {
                sb_add(&body, page.buf, page.len);
            } else {
                if (fail) {
                    if (!silent || show_err)
                        proc_puts(ns, p, 2, "curl: (22) The requested URL "
                                            "returned error: 404\n");
                    rc = wget ? 8 : 22;
                    if (wget)
                        proc_puts(ns, p, 2, "wget: server returned error: "
                                            "HTTP/1.1 404 Not Found\n");
                }
                sb_adds(&body, "<html><body><h1>404 Not Found</h1></body></html>\n");
            }
            sb_release(&page);
            sb_release(&file);
        } else {
            sb_addf(&body, "[docksim: a response from %s]\n", srv);
        }
    } else {
        pns_explain(ns, "userland.network-simulated",
                    "docksim has no network: a download from %s succeeds but "
                    "its content is a placeholder.",
                    host.buf);
        if (out || wget || remote_name)
            sb_addf(&body, "[docksim: the content of %s]\n", url);
    }
    if (rc)
        goto out;
    if (spider || head)
        goto out;
    if (wget) {
        const char *fname = out;
        if (!fname) {
            const char *b = strrchr(path.buf, '/');
            fname = b && b[1] ? b + 1 : "index.html";
        }
        if (strcmp(fname, "-") == 0) {
            proc_write(ns, p, 1, body.buf, body.len);
        } else {
            int err;
            struct ofile *f = proc_open(ns, p, fname, UO_WRITE | UO_CREAT | UO_TRUNC,
                                        &err);
            if (!f) {
                perr(ns, p, "can't open '%s': %s", fname,
                     err == EACCES ? "Permission denied" : "No such file or directory");
                rc = 1;
                goto out;
            }
            struct ofile *save = ofile_ref(p->fd[1]);
            proc_setfd(p, 1, f);
            proc_write(ns, p, 1, body.buf, body.len);
            proc_setfd(p, 1, save);
            ofile_unref(save);
            ofile_unref(f);
            if (!quiet)
                proc_printf(ns, p, 2, "saving to '%s'\n'%s' saved\n", fname,
                            fname);
        }
    } else if (out || remote_name) {
        const char *fname = out;
        if (!fname) {
            const char *b = strrchr(path.buf, '/');
            fname = b && b[1] ? b + 1 : "index.html";
        }
        int err;
        struct ofile *f = proc_open(ns, p, fname, UO_WRITE | UO_CREAT | UO_TRUNC,
                                    &err);
        if (!f) {
            proc_printf(ns, p, 2, "curl: (23) Failure writing output to "
                                  "destination\n");
            rc = 23;
            goto out;
        }
        struct ofile *save = ofile_ref(p->fd[1]);
        proc_setfd(p, 1, f);
        proc_write(ns, p, 1, body.buf, body.len);
        proc_setfd(p, 1, save);
        ofile_unref(save);
        ofile_unref(f);
    } else {
        proc_write(ns, p, 1, body.buf, body.len);
    }
out:
    sb_release(&host);
    sb_release(&path);
    sb_release(&body);
    return rc;
}

static int p_git(struct pns *ns, struct proc *p)
{
    const char *cmd = PARGC(p) > 1 ? PARGV(p)[1] : NULL;
    if (cmd && strcmp(cmd, "--version") == 0) {
        pout(ns, p, "git version 2.47.3\n");
        return 0;
    }
    if (cmd && strcmp(cmd, "clone") == 0) {
        const char *url = NULL, *dir = NULL;
        for (int i = 2; i < PARGC(p); i++) {
            const char *a = PARGV(p)[i];
            if (strcmp(a, "--depth") == 0 || strcmp(a, "-b") == 0 ||
                strcmp(a, "--branch") == 0) {
                i++;
                continue;
            }
            if (a[0] == '-')
                continue;
            if (!url)
                url = a;
            else
                dir = a;
        }
        if (!url) {
            proc_puts(ns, p, 2, "fatal: You must specify a repository to "
                                "clone.\n");
            return 129;
        }
        struct sb d = SB_INIT;
        if (dir) {
            sb_adds(&d, dir);
        } else {
            const char *b = strrchr(url, '/');
            sb_adds(&d, b ? b + 1 : url);
            if (d.len > 4 && strcmp(d.buf + d.len - 4, ".git") == 0)
                sb_setlen(&d, d.len - 4);
        }
        struct sb abs = SB_INIT, f = SB_INIT;
        proc_path(p, d.buf, &abs);
        proc_printf(ns, p, 2, "Cloning into '%s'...\n", d.buf);
        vfs_mkdir_p(ns->fs, abs.buf, 0755, p->uid, p->gid);
        sb_addf(&f, "%s/.git", abs.buf);
        vfs_mkdir_p(ns->fs, f.buf, 0755, p->uid, p->gid);
        sb_reset(&f);
        sb_addf(&f, "%s/README.md", abs.buf);
        struct sb text = SB_INIT;
        sb_addf(&text, "[docksim: the files of %s]\n", url);
        vfs_put_file(ns->fs, f.buf, 0644, text.buf, text.len);
        sb_release(&text);
        sb_release(&f);
        sb_release(&abs);
        sb_release(&d);
        pns_explain(ns, "userland.network-simulated",
                    "docksim has no network: the clone is a placeholder "
                    "directory.");
        return 0;
    }
    pout(ns, p, "[docksim: not simulated: git%s%s]\n", cmd ? " " : "",
         cmd ? cmd : "");
    return 0;
}

/* ===================================================================== */
/* Users and groups                                                      */
/* ===================================================================== */

static void append_line(struct pns *ns, const char *file, const char *line)
{
    struct vfs_entry *e = vfs_modify(ns->fs, file);
    if (!e)
        e = vfs_put_file(ns->fs, file, 0644, NULL, 0);
    size_t l = strlen(line);
    bool nl = e->len && e->data[e->len - 1] != '\n';
    e->data = xrealloc(e->data, e->len + l + 3);
    if (nl)
        e->data[e->len++] = '\n';
    memcpy(e->data + e->len, line, l);
    e->len += l;
    e->data[e->len++] = '\n';
    e->data[e->len] = '\0';
}

/* A uid/gid not used in file (third field), from lo up (or hi down). */
static unsigned free_id(struct pns *ns, const char *file, unsigned lo,
                        unsigned hi, bool down)
{
    struct sb text = SB_INIT;
    ufs_read(ns, NULL, file, &text);
    for (unsigned k = 0; k <= hi - lo; k++) {
        unsigned id = down ? hi - k : lo + k;
        bool used = false;
        const char *s = text.buf;
        while (*s && !used) {
            const char *c1 = strchr(s, ':');
            const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
            if (c2 && strtoul(c2 + 1, NULL, 10) == id)
                used = true;
            const char *nl = strchr(s, '\n');
            s = nl ? nl + 1 : s + strlen(s);
        }
        if (!used) {
            sb_release(&text);
            return id;
        }
    }
    sb_release(&text);
    return lo;
}

static bool group_id_free(struct pns *ns, unsigned gid)
{
    char *n = ufs_group_name(ns, gid);
    bool f = n == NULL;
    free(n);
    return f;
}

static void make_home(struct pns *ns, const char *home, unsigned uid,
                      unsigned gid, bool skel)
{
    vfs_mkdir_p(ns->fs, home, 0755, 0, 0);
    struct vfs_entry *d = vfs_modify(ns->fs, home);
    if (d) {
        d->uid = uid;
        d->gid = gid;
        d->mode = 0755;
    }
    if (skel) {
        static const char *const files[] = { ".bashrc", ".profile",
                                             ".bash_logout" };
        for (size_t i = 0; i < ARRAY_LEN(files); i++) {
            struct sb src = SB_INIT, dst = SB_INIT, text = SB_INIT;
            sb_addf(&src, "/etc/skel/%s", files[i]);
            sb_addf(&dst, "%s/%s", home, files[i]);
            if (ufs_read(ns, NULL, src.buf, &text) != 0) {
                sb_reset(&text);
                sb_addf(&text, "# %s: docksim's copy of /etc/skel\n", files[i]);
            }
            struct vfs_entry *f = vfs_put_file(ns->fs, dst.buf, 0644, text.buf,
                                               text.len);
            f->uid = uid;
            f->gid = gid;
            sb_release(&src);
            sb_release(&dst);
            sb_release(&text);
        }
    }
}

/* Add user to the member list of group in /etc/group. */
static void group_add_member(struct pns *ns, const char *group,
                             const char *user)
{
    struct vfs_entry *e = vfs_modify(ns->fs, "/etc/group");
    if (!e || !e->data)
        return;
    size_t l = strlen(group);
    struct sb out = SB_INIT;
    const char *s = e->data;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t ll = nl ? (size_t)(nl - s) : strlen(s);
        sb_add(&out, s, ll);
        if (ll > l && strncmp(s, group, l) == 0 && s[l] == ':')
            sb_addf(&out, "%s%s", s[ll - 1] == ':' ? "" : ",", user);
        if (nl)
            sb_addch(&out, '\n');
        s += ll + (nl ? 1 : 0);
    }
    free(e->data);
    e->len = out.len;
    e->data = sb_detach(&out, NULL);
}

/* Each group of a comma-separated list. */
static void groups_add_member(struct pns *ns, const char *groups,
                              const char *user)
{
    const char *gs = groups;
    while (*gs) {
        const char *c = strchr(gs, ',');
        size_t l = c ? (size_t)(c - gs) : strlen(gs);
        char *gname = xmemdup0(gs, l);
        group_add_member(ns, gname, user);
        free(gname);
        gs += l + (c ? 1 : 0);
    }
}

static int add_user(struct pns *ns, struct proc *p, const char *name,
                    long want_uid, const char *group, const char *groups,
                    const char *shell, const char *home, bool create_home,
                    bool system, bool skel, bool user_group, const char *gecos,
                    bool bb)
{
    unsigned uid, gid;
    char *h = NULL, *s = NULL;
    if (ufs_user_lookup(ns, name, &uid, &gid, &h, &s)) {
        free(h);
        free(s);
        if (bb)
            proc_printf(ns, p, 2, "adduser: user '%s' in use\n", name);
        else
            proc_printf(ns, p, 2, "%s: user '%s' already exists\n", pname(p),
                        name);
        return bb ? 1 : 9;
    }
    if (want_uid >= 0)
        uid = (unsigned)want_uid;
    else if (system)
        uid = bb ? free_id(ns, "/etc/passwd", 100, 999, false)
                 : free_id(ns, "/etc/passwd", 100, 999, true);
    else
        uid = free_id(ns, "/etc/passwd", 1000, 59999, false);
    if (group && *group) {
        char *end;
        unsigned long g = strtoul(group, &end, 10);
        if (!*end) {
            gid = (unsigned)g;
        } else if (!ufs_group_lookup(ns, group, &gid)) {
            if (bb)
                proc_printf(ns, p, 2, "adduser: unknown group %s\n", group);
            else
                proc_printf(ns, p, 2, "%s: group '%s' does not exist\n",
                            pname(p), group);
            return bb ? 1 : 6;
        }
    } else if (user_group) {
        unsigned existing;
        if (ufs_group_lookup(ns, name, &existing)) {
            if (!bb) {
                proc_printf(ns, p, 2, "%s: group %s exists - if you want to add "
                                      "this user to that group, use -g.\n",
                            pname(p), name);
                return 9;
            }
            gid = existing;
        } else {
            gid = group_id_free(ns, uid) ? uid
                                         : free_id(ns, "/etc/group",
                                                   system ? 100 : 1000,
                                                   system ? 999 : 59999,
                                                   system && !bb);
            struct sb g = SB_INIT;
            sb_addf(&g, "%s:x:%u:", name, gid);
            append_line(ns, "/etc/group", g.buf);
            sb_release(&g);
        }
    } else {
        gid = bb ? 65533 : 100;
        if (system && !bb)
            gid = 65534;
    }
    struct sb hm = SB_INIT;
    if (home)
        sb_adds(&hm, home);
    else if (system && !bb)
        sb_adds(&hm, "/nonexistent");
    else
        sb_addf(&hm, "/home/%s", name);
    struct sb line = SB_INIT;
    sb_addf(&line, "%s:x:%u:%u:%s:%s:%s", name, uid, gid, gecos ? gecos : "",
            hm.buf, shell ? shell : "/bin/sh");
    append_line(ns, "/etc/passwd", line.buf);
    int err;
    if (ufs_stat(ns, NULL, "/etc/shadow", true, &err)) {
        struct sb sh = SB_INIT;
        sb_addf(&sh, "%s:!:20000:0:99999:7:::", name);
        append_line(ns, "/etc/shadow", sh.buf);
        sb_release(&sh);
    }
    if (groups && *groups)
        groups_add_member(ns, groups, name);
    if (create_home)
        make_home(ns, hm.buf, uid, gid, skel);
    sb_release(&hm);
    sb_release(&line);
    return 0;
}

static int p_useradd(struct pns *ns, struct proc *p)
{
    if (p->uid != 0) {
        proc_printf(ns, p, 2, "%s: Permission denied.\n%s: cannot lock "
                              "/etc/passwd; try again later.\n",
                    pname(p), pname(p));
        return 1;
    }
    long uid = -1;
    const char *group = NULL, *groups = NULL, *shell = NULL, *home = NULL,
               *name = NULL, *gecos = NULL;
    bool create = false, system = false, no_ug = false;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        const char *v = i + 1 < PARGC(p) ? PARGV(p)[i + 1] : NULL;
        if (strcmp(a, "-u") == 0 || strcmp(a, "--uid") == 0) {
            uid = v ? strtol(v, NULL, 10) : -1;
            i++;
        } else if (strcmp(a, "-g") == 0 || strcmp(a, "--gid") == 0) {
            group = v;
            i++;
        } else if (strcmp(a, "-G") == 0 || strcmp(a, "--groups") == 0) {
            groups = v;
            i++;
        } else if (strcmp(a, "-s") == 0 || strcmp(a, "--shell") == 0) {
            shell = v;
            i++;
        } else if (strcmp(a, "-d") == 0 || strcmp(a, "--home-dir") == 0) {
            home = v;
            i++;
        } else if (strcmp(a, "-c") == 0 || strcmp(a, "--comment") == 0) {
            gecos = v;
            i++;
        } else if (strcmp(a, "-m") == 0 || strcmp(a, "--create-home") == 0) {
            create = true;
        } else if (strcmp(a, "-r") == 0 || strcmp(a, "--system") == 0) {
            system = true;
        } else if (strcmp(a, "-N") == 0 || strcmp(a, "--no-user-group") == 0) {
            no_ug = true;
        } else if (strcmp(a, "-M") == 0 || strcmp(a, "-U") == 0 ||
                   strcmp(a, "-l") == 0 || strcmp(a, "--no-log-init") == 0) {
            ;
        } else if ((strcmp(a, "-K") == 0 || strcmp(a, "-k") == 0 ||
                    strcmp(a, "-e") == 0 || strcmp(a, "-p") == 0) && v) {
            i++;
        } else if (a[0] != '-') {
            name = a;
        }
    }
    if (!name) {
        proc_printf(ns, p, 2, "Usage: useradd [options] LOGIN\n");
        return 2;
    }
    return add_user(ns, p, name, uid, group, groups, shell, home, create,
                    system, true, !no_ug && !group, gecos, false);
}

static int p_groupadd(struct pns *ns, struct proc *p)
{
    if (p->uid != 0) {
        proc_printf(ns, p, 2, "%s: Permission denied.\n%s: cannot lock "
                              "/etc/group; try again later.\n",
                    pname(p), pname(p));
        return 10;
    }
    long gid = -1;
    bool system = false;
    const char *name = NULL;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if ((strcmp(a, "-g") == 0 || strcmp(a, "--gid") == 0) && i + 1 < PARGC(p))
            gid = strtol(PARGV(p)[++i], NULL, 10);
        else if (strcmp(a, "-r") == 0 || strcmp(a, "--system") == 0)
            system = true;
        else if (a[0] != '-')
            name = a;
    }
    if (!name) {
        proc_printf(ns, p, 2, "Usage: groupadd [options] GROUP\n");
        return 2;
    }
    unsigned g;
    if (ufs_group_lookup(ns, name, &g)) {
        proc_printf(ns, p, 2, "groupadd: group '%s' already exists\n", name);
        return 9;
    }
    unsigned id = gid >= 0 ? (unsigned)gid
                           : system ? free_id(ns, "/etc/group", 100, 999, true)
                                    : free_id(ns, "/etc/group", 1000, 59999, false);
    struct sb line = SB_INIT;
    sb_addf(&line, "%s:x:%u:", name, id);
    append_line(ns, "/etc/group", line.buf);
    sb_release(&line);
    return 0;
}

/* Debian's adduser (perl) and BusyBox's adduser */
static int p_adduser(struct pns *ns, struct proc *p)
{
    if (p->uid != 0) {
        if (is_bb(p))
            proc_puts(ns, p, 2, "adduser: need to be root\n");
        else
            proc_puts(ns, p, 2, "fatal: Only root may add a user or group to "
                                "the system.\n");
        return 1;
    }
    bool bb = is_bb(p);
    bool system = false, no_home = false, disabled = false;
    const char *group = NULL, *shell = NULL, *home = NULL, *name = NULL,
               *gecos = NULL, *second = NULL;
    long uid = -1;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        const char *v = i + 1 < PARGC(p) ? PARGV(p)[i + 1] : NULL;
        if (bb) {
            if (strcmp(a, "-D") == 0)
                disabled = true;
            else if (strcmp(a, "-S") == 0)
                system = true;
            else if (strcmp(a, "-H") == 0)
                no_home = true;
            else if (strcmp(a, "-G") == 0 && v)
                group = v, i++;
            else if (strcmp(a, "-u") == 0 && v)
                uid = strtol(v, NULL, 10), i++;
            else if (strcmp(a, "-s") == 0 && v)
                shell = v, i++;
            else if (strcmp(a, "-h") == 0 && v)
                home = v, i++;
            else if (strcmp(a, "-g") == 0 && v)
                gecos = v, i++;
            else if (a[0] == '-')
                ;
            else if (!name)
                name = a;
            else
                second = a;
            continue;
        }
        if (strcmp(a, "--system") == 0)
            system = true;
        else if (strcmp(a, "--disabled-password") == 0 ||
                 strcmp(a, "--disabled-login") == 0)
            disabled = true;
        else if (strcmp(a, "--no-create-home") == 0)
            no_home = true;
        else if (strcmp(a, "--ingroup") == 0 && v)
            group = v, i++;
        else if (strcmp(a, "--uid") == 0 && v)
            uid = strtol(v, NULL, 10), i++;
        else if (strcmp(a, "--shell") == 0 && v)
            shell = v, i++;
        else if (strcmp(a, "--home") == 0 && v)
            home = v, i++;
        else if (strcmp(a, "--gecos") == 0 && v)
            gecos = v, i++;
        else if ((strcmp(a, "--group") == 0 || strcmp(a, "--quiet") == 0 ||
                  strcmp(a, "-q") == 0))
            ;
        else if (a[0] == '-')
            ;
        else if (!name)
            name = a;
        else
            second = a;
    }
    if (!name) {
        proc_puts(ns, p, 2, bb ? "BusyBox v1.38.0 multi-call binary.\n\nUsage: "
                                 "adduser [OPTIONS] USER [GROUP]\n"
                               : "fatal: Only one or two names allowed.\n");
        return 1;
    }
    if (second) {
        /* adduser USER GROUP: add to a group */
        unsigned g;
        if (!ufs_group_lookup(ns, second, &g)) {
            proc_printf(ns, p, 2, "adduser: unknown group %s\n", second);
            return 1;
        }
        group_add_member(ns, second, name);
        if (!bb)
            pout(ns, p, "Adding user `%s' to group `%s' ...\nDone.\n", name,
                 second);
        return 0;
    }
    (void)disabled;
    int rc;
    if (bb) {
        rc = add_user(ns, p, name, uid, group, NULL, shell ? shell : "/bin/sh",
                      home, !no_home, system, false, !group && !system,
                      gecos ? gecos : "Linux User,,,", true);
    } else {
        if (!system)
            pout(ns, p, "Adding user `%s' ...\n", name);
        rc = add_user(ns, p, name, uid, group, NULL,
                      shell ? shell : system ? "/usr/sbin/nologin" : "/bin/bash",
                      home, !no_home && !system, system, true,
                      !group && !system, gecos ? gecos : "", false);
        if (rc == 0 && !system) {
            unsigned u, g;
            char *h = NULL, *s = NULL;
            ufs_user_lookup(ns, name, &u, &g, &h, &s);
            pout(ns, p, "Adding new group `%s' (%u) ...\nAdding new user `%s' "
                        "(%u) with group `%s (%u)' ...\nCreating home directory "
                        "`%s' ...\nCopying files from `/etc/skel' ...\n",
                 name, g, name, u, name, g, h ? h : "");
            free(h);
            free(s);
        }
    }
    return rc;
}

static int p_addgroup(struct pns *ns, struct proc *p)
{
    int n = 0;
    const char *names[2] = { NULL, NULL };
    long gid = -1;
    bool system = false;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if ((strcmp(a, "-g") == 0 || strcmp(a, "--gid") == 0) && i + 1 < PARGC(p))
            gid = strtol(PARGV(p)[++i], NULL, 10);
        else if (strcmp(a, "-S") == 0 || strcmp(a, "--system") == 0)
            system = true;
        else if (a[0] != '-' && n < 2)
            names[n++] = a;
    }
    if (n == 2) {
        struct strlist av;
        strlist_init(&av);
        strlist_push(&av, "adduser");
        strlist_push(&av, names[0]);
        strlist_push(&av, names[1]);
        struct strlist save = p->argv;
        p->argv = av;
        int rc = p_adduser(ns, p);
        p->argv = save;
        strlist_release(&av);
        return rc;
    }
    if (!n) {
        proc_puts(ns, p, 2, "addgroup: missing group name\n");
        return 1;
    }
    if (p->uid != 0) {
        proc_puts(ns, p, 2, "addgroup: need to be root\n");
        return 1;
    }
    unsigned g;
    if (ufs_group_lookup(ns, names[0], &g)) {
        proc_printf(ns, p, 2, "addgroup: group '%s' in use\n", names[0]);
        return 1;
    }
    unsigned id = gid >= 0 ? (unsigned)gid
                           : system ? free_id(ns, "/etc/group", 100, 999, false)
                                    : free_id(ns, "/etc/group", 1000, 59999, false);
    struct sb line = SB_INIT;
    sb_addf(&line, "%s:x:%u:", names[0], id);
    append_line(ns, "/etc/group", line.buf);
    sb_release(&line);
    if (!is_bb(p))
        pout(ns, p, "Adding group `%s' (GID %u) ...\nDone.\n", names[0], id);
    return 0;
}

static int p_usermod(struct pns *ns, struct proc *p)
{
    if (p->uid != 0) {
        proc_puts(ns, p, 2, "usermod: Permission denied.\n");
        return 1;
    }
    const char *groups = NULL, *name = NULL;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if ((strcmp(a, "-G") == 0 || strcmp(a, "-aG") == 0) && i + 1 < PARGC(p))
            groups = PARGV(p)[++i];
        else if ((strcmp(a, "-u") == 0 || strcmp(a, "-s") == 0 ||
                  strcmp(a, "-d") == 0 || strcmp(a, "-g") == 0) &&
                 i + 1 < PARGC(p))
            i++;
        else if (a[0] != '-')
            name = a;
    }
    unsigned u, g;
    if (!name || !ufs_user_lookup(ns, name, &u, &g, NULL, NULL)) {
        proc_printf(ns, p, 2, "usermod: user '%s' does not exist\n",
                    name ? name : "");
        return 6;
    }
    if (groups)
        groups_add_member(ns, groups, name);
    return 0;
}

static int p_passwd(struct pns *ns, struct proc *p)
{
    if (is_bb(p))
        proc_puts(ns, p, 2, "passwd: password for root is unchanged\n");
    else
        proc_puts(ns, p, 2, "New password: Retype new password: No password "
                            "has been supplied.\npasswd: Authentication token "
                            "manipulation error\npasswd: password unchanged\n");
    return is_bb(p) ? 1 : 10;
}

static int p_chpasswd(struct pns *ns, struct proc *p)
{
    if (stdin_wait(ns, p))
        return PROG_BLOCK;
    struct sb in = SB_INIT;
    proc_read_all(ns, p, 0, &in);
    sb_release(&in);
    return 0;
}

/* ----- switching users: gosu, su-exec, setpriv, su, sudo, runuser ---- */

/* Resolve "user[:group]" and switch p's credentials. 0 or prints. */
static int switch_user(struct pns *ns, struct proc *p, const char *spec,
                       const char *who)
{
    char *user = xstrdup(spec);
    char *grp = strchr(user, ':');
    if (grp)
        *grp++ = '\0';
    unsigned uid = 0, gid = 0;
    char *home = NULL;
    char *end;
    unsigned long v = strtoul(user, &end, 10);
    bool found = true;
    if (!*end && *user) {
        uid = (unsigned)v;
        char *n = ufs_user_name(ns, uid);
        if (n) {
            unsigned u2;
            ufs_user_lookup(ns, n, &u2, &gid, &home, NULL);
            free(n);
        } else {
            gid = uid;
        }
    } else if (!ufs_user_lookup(ns, user, &uid, &gid, &home, NULL)) {
        found = false;
    }
    if (!found) {
        if (strcmp(who, "gosu") == 0)
            proc_printf(ns, p, 2, "error: failed switching to \"%s\": unable "
                                  "to find user %s: no matching entries in "
                                  "passwd file\n",
                        spec, user);
        else
            proc_printf(ns, p, 2, "%s: getpwnam(%s): No such file or "
                                  "directory\n",
                        who, user);
        free(user);
        free(home);
        return 1;
    }
    if (grp && *grp) {
        unsigned long gv = strtoul(grp, &end, 10);
        if (!*end)
            gid = (unsigned)gv;
        else if (!ufs_group_lookup(ns, grp, &gid)) {
            proc_printf(ns, p, 2, "error: failed switching to \"%s\": unable "
                                  "to find group %s\n",
                        spec, grp);
            free(user);
            free(home);
            return 1;
        }
    }
    if (p->uid != 0) {
        if (strcmp(who, "gosu") == 0)
            proc_printf(ns, p, 2, "error: failed switching to \"%s\": "
                                  "operation not permitted\n",
                        spec);
        else
            proc_printf(ns, p, 2, "%s: setgroups: Operation not permitted\n",
                        who);
        free(user);
        free(home);
        return 1;
    }
    p->uid = uid;
    p->gid = gid;
    free(p->groups);
    p->groups = NULL;
    p->n_groups = 0;
    if (!grp) {
        char *n = ufs_user_name(ns, uid);
        ufs_user_groups(ns, n, gid, &p->groups, &p->n_groups);
        free(n);
    }
    if (home)
        uenv_set(&p->env, "HOME", home);
    free(home);
    free(user);
    pns_explain(ns, "userland.drop-privileges",
                "%s switches to another user (uid %u) and then replaces itself "
                "with the program, which keeps the process id: a common way "
                "for entrypoint scripts to stop running as root.",
                who, uid);
    return 0;
}

static int p_gosu(struct pns *ns, struct proc *p)
{
    const char *who = pname(p);
    if (PARGC(p) < 3) {
        proc_printf(ns, p, 2, "Usage: %s user-spec command [args]\n", who);
        return 1;
    }
    int rc = switch_user(ns, p, PARGV(p)[1], who);
    if (rc)
        return rc;
    return prog_exec_argv(ns, p, PARGV(p) + 2, p->argv.n - 2, who);
}

static int p_setpriv(struct pns *ns, struct proc *p)
{
    const char *uid = NULL, *gid = NULL;
    bool init_groups = false, clear_groups = false;
    int i = 1;
    for (; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        const char *v = i + 1 < PARGC(p) ? PARGV(p)[i + 1] : NULL;
        if (strncmp(a, "--reuid=", 8) == 0)
            uid = a + 8;
        else if (strcmp(a, "--reuid") == 0 && v)
            uid = v, i++;
        else if (strncmp(a, "--regid=", 8) == 0)
            gid = a + 8;
        else if (strcmp(a, "--regid") == 0 && v)
            gid = v, i++;
        else if (strcmp(a, "--init-groups") == 0)
            init_groups = true;
        else if (strcmp(a, "--clear-groups") == 0)
            clear_groups = true;
        else if (strcmp(a, "--groups") == 0 && v)
            i++;
        else if (a[0] == '-')
            ;
        else
            break;
    }
    if (i >= PARGC(p)) {
        proc_puts(ns, p, 2, "setpriv: No program specified\n");
        return 127;
    }
    if ((uid || gid) && p->uid != 0) {
        proc_puts(ns, p, 2, "setpriv: setresuid failed: Operation not "
                            "permitted\n");
        return 127;
    }
    if (uid) {
        char *end;
        unsigned long v = strtoul(uid, &end, 10);
        unsigned u, g;
        if (!*end)
            p->uid = (unsigned)v;
        else if (ufs_user_lookup(ns, uid, &u, &g, NULL, NULL))
            p->uid = u;
        else {
            proc_printf(ns, p, 2, "setpriv: failed to parse uid: '%s'\n", uid);
            return 1;
        }
    }
    if (gid) {
        char *end;
        unsigned long v = strtoul(gid, &end, 10);
        unsigned g;
        if (!*end)
            p->gid = (unsigned)v;
        else if (ufs_group_lookup(ns, gid, &g))
            p->gid = g;
        else {
            proc_printf(ns, p, 2, "setpriv: failed to parse gid: '%s'\n", gid);
            return 1;
        }
    }
    if (clear_groups || init_groups) {
        free(p->groups);
        p->groups = NULL;
        p->n_groups = 0;
        if (init_groups) {
            char *n = ufs_user_name(ns, p->uid);
            ufs_user_groups(ns, n, p->gid, &p->groups, &p->n_groups);
            free(n);
        }
    }
    return prog_exec_argv(ns, p, PARGV(p) + i, (size_t)(PARGC(p) - i),
                          "setpriv");
}

static int p_su(struct pns *ns, struct proc *p)
{
    const char *user = "root", *cmd = NULL, *shell = NULL;
    for (int i = 1; i < PARGC(p); i++) {
        const char *a = PARGV(p)[i];
        if ((strcmp(a, "-c") == 0 || strcmp(a, "--command") == 0) &&
            i + 1 < PARGC(p))
            cmd = PARGV(p)[++i];
        else if (strcmp(a, "-s") == 0 && i + 1 < PARGC(p))
            shell = PARGV(p)[++i];
        else if (a[0] != '-')
            user = a;
    }
    if (p->uid != 0) {
        proc_puts(ns, p, 2, "Password: su: Authentication failure\n");
        return 1;
    }
    unsigned u, g;
    char *home = NULL, *ushell = NULL;
    if (!ufs_user_lookup(ns, user, &u, &g, &home, &ushell)) {
        proc_printf(ns, p, 2, "su: user %s does not exist or the user entry "
                              "does not contain all the required fields\n",
                    user);
        return 1;
    }
    const char *sh = shell ? shell : ushell;
    if (strstr(sh, "nologin") || strstr(sh, "false")) {
        if (strstr(sh, "nologin"))
            pout(ns, p, "This account is currently not available.\n");
        free(home);
        free(ushell);
        return 1;
    }
    int rc = switch_user(ns, p, user, "su");
    if (rc) {
        free(home);
        free(ushell);
        return rc;
    }
    struct strlist av;
    strlist_init(&av);
    strlist_push(&av, sh);
    if (cmd) {
        strlist_push(&av, "-c");
        strlist_push(&av, cmd);
    }
    rc = prog_exec_argv(ns, p, av.v, av.n, "su");
    strlist_release(&av);
    free(home);
    free(ushell);
    return rc;
}

static int p_sudo(struct pns *ns, struct proc *p)
{
    int i = 1;
    const char *user = NULL;
    for (; i < PARGC(p) && PARGV(p)[i][0] == '-'; i++)
        if (strcmp(PARGV(p)[i], "-u") == 0 && i + 1 < PARGC(p))
            user = PARGV(p)[++i];
    if (i >= PARGC(p)) {
        proc_puts(ns, p, 2, "usage: sudo -h | -K | -k | -V\n");
        return 1;
    }
    if (p->uid != 0) {
        proc_puts(ns, p, 2, "sudo: a terminal is required to read the "
                            "password; either use the -S option to read from "
                            "standard input or configure an askpass helper\n"
                            "sudo: a password is required\n");
        return 1;
    }
    if (user) {
        int rc = switch_user(ns, p, user, "sudo");
        if (rc)
            return rc;
    }
    return prog_exec_argv(ns, p, PARGV(p) + i, (size_t)(PARGC(p) - i), "sudo");
}

static int p_runuser(struct pns *ns, struct proc *p)
{
    const char *user = NULL;
    int i = 1;
    for (; i < PARGC(p); i++) {
        if (strcmp(PARGV(p)[i], "-u") == 0 && i + 1 < PARGC(p))
            user = PARGV(p)[++i];
        else if (strcmp(PARGV(p)[i], "--") == 0) {
            i++;
            break;
        } else if (PARGV(p)[i][0] != '-')
            break;
    }
    if (!user || i >= PARGC(p)) {
        proc_puts(ns, p, 2, "runuser: no command was specified\n");
        return 1;
    }
    int rc = switch_user(ns, p, user, "runuser");
    if (rc)
        return rc;
    return prog_exec_argv(ns, p, PARGV(p) + i, (size_t)(PARGC(p) - i),
                          "runuser");
}

const struct native_def prog_pkg_table[] = {
    { "apt-get", p_apt, NULL },
    { "apt", p_apt, NULL },
    { "apk", p_apk, NULL },
    { "pip", p_pip, NULL },
    { "pip3", p_pip, NULL },
    { "npm", p_npm, npm_signal },
    { "yarn", p_yarn, NULL },
    { "gem", p_gem, NULL },
    { "bundle", p_bundle, NULL },
    { "bundler", p_bundle, NULL },
    { "go", p_go, NULL },
    { "curl", p_curl, NULL },
    { "wget", p_curl, NULL },
    { "git", p_git, NULL },
    { "useradd", p_useradd, NULL },
    { "groupadd", p_groupadd, NULL },
    { "adduser", p_adduser, NULL },
    { "addgroup", p_addgroup, NULL },
    { "usermod", p_usermod, NULL },
    { "passwd", p_passwd, NULL },
    { "chpasswd", p_chpasswd, NULL },
    { "gosu", p_gosu, NULL },
    { "su-exec", p_gosu, NULL },
    { "setpriv", p_setpriv, NULL },
    { "su", p_su, NULL },
    { "sudo", p_sudo, NULL },
    { "runuser", p_runuser, NULL },
    { NULL, NULL, NULL },
};
