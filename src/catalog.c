#include "catalog.h"

#include <stdlib.h>
#include <string.h>

#include "imgconfig.h"
#include "sb.h"
#include "vfs.h"
#include "xmalloc.h"

/*
 * The catalogue: data, not code. Sources (see also base-images.md, which
 * gives the default tags):
 *  - configs of other tags: docker-library/repo-info (repos/<name>/
 *    remote/<tag>.md image histories, local/<tag>.md "Docker Metadata"
 *    blocks), cross-checked with the official Dockerfiles
 *    (docker-library/python, nodejs/docker-node, nginx/docker-nginx,
 *    redis/docker-library-redis, docker-library/postgres, golang, ruby,
 *    httpd, mysql) as of August 2026;
 *  - /etc/passwd and /etc/group: Debian base-passwd 3.6 (bookworm/trixie),
 *    Ubuntu's ubuntu user (23.04+), alpine-baselayout (3.17+ trimmed
 *    list), buildroot's skeleton (busybox image), EL9 `setup`;
 *  - which files exist: the packages each image installs (Debian
 *    essential set, buildpack-deps curl/scm/full, the images' own
 *    Dockerfiles).
 * Version numbers are sample data, as base-images.md says.
 */

/* ----- notation --------------------------------------------------- */

#define LIST(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define EMPTY_LIST ((const char *const[]){ NULL })
#define SETS(...) ((const struct catalog_set *const[]){ __VA_ARGS__, NULL })

#define DIRM(p, m) { p, CF_DIR, NULL, NULL, m, 0, 0 }
#define DIRU(p, m, u, g) { p, CF_DIR, NULL, NULL, m, u, g }
#define LINK(p, t) { p, CF_LINK, NULL, t, 0, 0, 0 }
#define PROG(p, prog) { p, CF_FILE, prog, NULL, 0, 0, 0 }
#define SCRIPT(p, prog, text) { p, CF_FILE, prog, text, 0755, 0, 0 }
#define SCRIPTM(p, prog, text, m) { p, CF_FILE, prog, text, m, 0, 0 }
#define TEXT(p, text) { p, CF_FILE, NULL, text, 0644, 0, 0 }
#define FILES_END { NULL, CF_DIR, NULL, NULL, 0, 0, 0 }
#define CMDS_END { NULL, NULL, NULL, NULL }
#define USERS_END { NULL, 0, 0, NULL, NULL, NULL }
#define GROUPS_END { NULL, 0, NULL }

#define PATH_DEFAULT "PATH=" DEFAULT_PATH

/* ==================================================================== */
/* Debian (bookworm, trixie) and Ubuntu                                 */
/* ==================================================================== */

/* merged /usr and the FHS directories of a debuerreotype rootfs */
static const struct catalog_file deb_dirs[] = {
    LINK("/bin", "usr/bin"),
    LINK("/sbin", "usr/sbin"),
    LINK("/lib", "usr/lib"),
    LINK("/lib64", "usr/lib64"),
    DIRM("/boot", 0755),
    DIRM("/dev", 0755),
    DIRM("/etc", 0755),
    DIRM("/home", 0755),
    DIRM("/media", 0755),
    DIRM("/mnt", 0755),
    DIRM("/opt", 0755),
    DIRM("/proc", 0555),
    DIRM("/root", 0700),
    DIRM("/run", 0755),
    DIRM("/run/lock", 01777),
    DIRM("/srv", 0755),
    DIRM("/sys", 0555),
    DIRM("/tmp", 01777),
    DIRM("/usr/local/bin", 0755),
    DIRM("/usr/local/sbin", 0755),
    DIRM("/usr/local/lib", 0755),
    DIRM("/usr/local/share", 0755),
    DIRM("/usr/lib64", 0755),
    DIRM("/var/backups", 0755),
    DIRM("/var/cache", 0755),
    DIRM("/var/lib", 0755),
    DIRM("/var/local", 02775),
    DIRM("/var/log", 0755),
    DIRM("/var/mail", 02775),
    DIRM("/var/opt", 0755),
    DIRM("/var/spool", 0755),
    DIRM("/var/tmp", 01777),
    LINK("/var/run", "/run"),
    LINK("/var/lock", "/run/lock"),
    LINK("/etc/os-release", "../usr/lib/os-release"),
    /* update-alternatives */
    LINK("/usr/bin/awk", "/etc/alternatives/awk"),
    LINK("/etc/alternatives/awk", "/usr/bin/mawk"),
    /* the shells */
    PROG("/usr/bin/dash", "dash"),
    LINK("/usr/bin/sh", "dash"),
    PROG("/usr/bin/bash", "bash"),
    LINK("/usr/bin/rbash", "bash"),
    TEXT("/etc/shells", "# /etc/shells: valid login shells\n/bin/sh\n"
                        "/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n"
                        "/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n"),
    FILES_END,
};

/* what the essential packages put on PATH (no procps: no ps, no top) */
static const struct catalog_cmds deb_cmds[] = {
    /* coreutils */
    { "/usr/bin",
      "[ arch b2sum base32 base64 basename basenc cat chcon chgrp chmod "
      "chown cksum comm cp csplit cut date dd df dir dircolors dirname du "
      "echo env expand expr factor false fmt fold groups head hostid id "
      "install join link ln logname ls md5sum mkdir mkfifo mknod mktemp mv "
      "nice nl nohup nproc numfmt od paste pathchk pinky pr printenv printf "
      "ptx pwd readlink realpath rm rmdir runcon seq sha1sum sha224sum "
      "sha256sum sha384sum sha512sum shred shuf sleep sort split stat "
      "stdbuf stty sum sync tac tail tee test timeout touch tr true "
      "truncate tsort tty uname unexpand uniq unlink users vdir wc who "
      "whoami yes",
      NULL, NULL },
    /* grep sed tar gzip findutils diffutils mawk hostname debianutils */
    { "/usr/bin",
      "grep egrep fgrep rgrep sed tar gzip gunzip zcat zgrep uncompress "
      "find xargs diff cmp diff3 sdiff mawk hostname dnsdomainname "
      "domainname run-parts savelog ischroot which tempfile",
      NULL, NULL },
    /* util-linux, bsdutils, mount, login, passwd, sysvinit-utils */
    { "/usr/bin",
      "su mount umount more kill setpriv nsenter unshare getopt flock "
      "ionice renice rev script scriptreplay setsid taskset whereis chrt "
      "ipcs ipcrm ipcmk fallocate namei mcookie lsblk findmnt dmesg mesg "
      "logger wall login newgrp lastlog faillog passwd chage chfn chsh "
      "expiry gpasswd pidof",
      NULL, NULL },
    /* dpkg, apt, perl-base, ncurses-bin, libc-bin */
    { "/usr/bin",
      "dpkg dpkg-deb dpkg-query dpkg-split dpkg-divert dpkg-statoverride "
      "dpkg-trigger dpkg-maintscript-helper dpkg-realpath "
      "update-alternatives apt apt-get apt-cache apt-config apt-mark "
      "apt-cdrom perl clear tput tset reset infocmp tic toe getent getconf "
      "iconv ldd locale localedef tzselect zdump",
      NULL, NULL },
    { "/usr/sbin",
      "chroot useradd usermod userdel groupadd groupdel groupmod chpasswd "
      "chgpasswd newusers pwck grpck vipw vigr adduser addgroup deluser "
      "delgroup nologin ldconfig start-stop-daemon update-passwd "
      "invoke-rc.d service update-rc.d agetty blkid fsck mkfs mkswap swapon "
      "swapoff pivot_root switch_root wipefs losetup sulogin runuser "
      "iconvconfig zic pam-auth-update dpkg-reconfigure dpkg-preconfigure",
      NULL, NULL },
    CMDS_END,
};

/* base-passwd 3.6 (bookworm, trixie) */
static const struct catalog_user deb_users[] = {
    { "root", 0, 0, "root", "/root", "/bin/bash" },
    { "daemon", 1, 1, "daemon", "/usr/sbin", "/usr/sbin/nologin" },
    { "bin", 2, 2, "bin", "/bin", "/usr/sbin/nologin" },
    { "sys", 3, 3, "sys", "/dev", "/usr/sbin/nologin" },
    { "sync", 4, 65534, "sync", "/bin", "/bin/sync" },
    { "games", 5, 60, "games", "/usr/games", "/usr/sbin/nologin" },
    { "man", 6, 12, "man", "/var/cache/man", "/usr/sbin/nologin" },
    { "lp", 7, 7, "lp", "/var/spool/lpd", "/usr/sbin/nologin" },
    { "mail", 8, 8, "mail", "/var/mail", "/usr/sbin/nologin" },
    { "news", 9, 9, "news", "/var/spool/news", "/usr/sbin/nologin" },
    { "uucp", 10, 10, "uucp", "/var/spool/uucp", "/usr/sbin/nologin" },
    { "proxy", 13, 13, "proxy", "/bin", "/usr/sbin/nologin" },
    { "www-data", 33, 33, "www-data", "/var/www", "/usr/sbin/nologin" },
    { "backup", 34, 34, "backup", "/var/backups", "/usr/sbin/nologin" },
    { "list", 38, 38, "Mailing List Manager", "/var/list",
      "/usr/sbin/nologin" },
    { "irc", 39, 39, "ircd", "/run/ircd", "/usr/sbin/nologin" },
    { "_apt", 42, 65534, "", "/nonexistent", "/usr/sbin/nologin" },
    { "nobody", 65534, 65534, "nobody", "/nonexistent", "/usr/sbin/nologin" },
    USERS_END,
};

static const struct catalog_group deb_groups[] = {
    { "root", 0, "" },      { "daemon", 1, "" },   { "bin", 2, "" },
    { "sys", 3, "" },       { "adm", 4, "" },      { "tty", 5, "" },
    { "disk", 6, "" },      { "lp", 7, "" },       { "mail", 8, "" },
    { "news", 9, "" },      { "uucp", 10, "" },    { "man", 12, "" },
    { "proxy", 13, "" },    { "kmem", 15, "" },    { "dialout", 20, "" },
    { "fax", 21, "" },      { "voice", 22, "" },   { "cdrom", 24, "" },
    { "floppy", 25, "" },   { "tape", 26, "" },    { "sudo", 27, "" },
    { "audio", 29, "" },    { "dip", 30, "" },     { "www-data", 33, "" },
    { "backup", 34, "" },   { "operator", 37, "" }, { "list", 38, "" },
    { "irc", 39, "" },      { "src", 40, "" },     { "shadow", 42, "" },
    { "utmp", 43, "" },     { "video", 44, "" },   { "sasl", 45, "" },
    { "plugdev", 46, "" },  { "staff", 50, "" },   { "games", 60, "" },
    { "users", 100, "" },   { "nogroup", 65534, "" },
    GROUPS_END,
};

static const struct catalog_set set_debian = {
    "debian", deb_dirs, deb_cmds, deb_users, deb_groups,
};

static const struct catalog_set set_trixie_release = {
    "debian:trixie",
    (const struct catalog_file[]){
        TEXT("/usr/lib/os-release",
             "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\n"
             "NAME=\"Debian GNU/Linux\"\n"
             "VERSION_ID=\"13\"\n"
             "VERSION=\"13 (trixie)\"\n"
             "VERSION_CODENAME=trixie\n"
             "DEBIAN_VERSION_FULL=13.6\n"
             "ID=debian\n"
             "HOME_URL=\"https://www.debian.org/\"\n"
             "SUPPORT_URL=\"https://www.debian.org/support\"\n"
             "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n"),
        TEXT("/etc/debian_version", "13.6\n"),
        FILES_END,
    },
    NULL, NULL, NULL,
};

static const struct catalog_set set_bookworm_release = {
    "debian:bookworm",
    (const struct catalog_file[]){
        TEXT("/usr/lib/os-release",
             "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
             "NAME=\"Debian GNU/Linux\"\n"
             "VERSION_ID=\"12\"\n"
             "VERSION=\"12 (bookworm)\"\n"
             "VERSION_CODENAME=bookworm\n"
             "ID=debian\n"
             "HOME_URL=\"https://www.debian.org/\"\n"
             "SUPPORT_URL=\"https://www.debian.org/support\"\n"
             "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n"),
        /* the version the engine-observations lab saw (h1) */
        TEXT("/etc/debian_version", "12.15\n"),
        FILES_END,
    },
    NULL, NULL, NULL,
};

/* Ubuntu: Debian's layout and tools, its own release files and users */
static const struct catalog_user ubuntu_users[] = {
    { "root", 0, 0, "root", "/root", "/bin/bash" },
    { "daemon", 1, 1, "daemon", "/usr/sbin", "/usr/sbin/nologin" },
    { "bin", 2, 2, "bin", "/bin", "/usr/sbin/nologin" },
    { "sys", 3, 3, "sys", "/dev", "/usr/sbin/nologin" },
    { "sync", 4, 65534, "sync", "/bin", "/bin/sync" },
    { "games", 5, 60, "games", "/usr/games", "/usr/sbin/nologin" },
    { "man", 6, 12, "man", "/var/cache/man", "/usr/sbin/nologin" },
    { "lp", 7, 7, "lp", "/var/spool/lpd", "/usr/sbin/nologin" },
    { "mail", 8, 8, "mail", "/var/mail", "/usr/sbin/nologin" },
    { "news", 9, 9, "news", "/var/spool/news", "/usr/sbin/nologin" },
    { "uucp", 10, 10, "uucp", "/var/spool/uucp", "/usr/sbin/nologin" },
    { "proxy", 13, 13, "proxy", "/bin", "/usr/sbin/nologin" },
    { "www-data", 33, 33, "www-data", "/var/www", "/usr/sbin/nologin" },
    { "backup", 34, 34, "backup", "/var/backups", "/usr/sbin/nologin" },
    { "list", 38, 38, "Mailing List Manager", "/var/list",
      "/usr/sbin/nologin" },
    { "irc", 39, 39, "ircd", "/run/ircd", "/usr/sbin/nologin" },
    { "_apt", 42, 65534, "", "/nonexistent", "/usr/sbin/nologin" },
    { "nobody", 65534, 65534, "nobody", "/nonexistent", "/usr/sbin/nologin" },
    /* since 23.04 the image has a default unprivileged user */
    { "ubuntu", 1000, 1000, "Ubuntu", "/home/ubuntu", "/bin/bash" },
    USERS_END,
};

static const struct catalog_user ubuntu2204_users[] = {
    { "root", 0, 0, "root", "/root", "/bin/bash" },
    { "daemon", 1, 1, "daemon", "/usr/sbin", "/usr/sbin/nologin" },
    { "bin", 2, 2, "bin", "/bin", "/usr/sbin/nologin" },
    { "sys", 3, 3, "sys", "/dev", "/usr/sbin/nologin" },
    { "sync", 4, 65534, "sync", "/bin", "/bin/sync" },
    { "games", 5, 60, "games", "/usr/games", "/usr/sbin/nologin" },
    { "man", 6, 12, "man", "/var/cache/man", "/usr/sbin/nologin" },
    { "lp", 7, 7, "lp", "/var/spool/lpd", "/usr/sbin/nologin" },
    { "mail", 8, 8, "mail", "/var/mail", "/usr/sbin/nologin" },
    { "news", 9, 9, "news", "/var/spool/news", "/usr/sbin/nologin" },
    { "uucp", 10, 10, "uucp", "/var/spool/uucp", "/usr/sbin/nologin" },
    { "proxy", 13, 13, "proxy", "/bin", "/usr/sbin/nologin" },
    { "www-data", 33, 33, "www-data", "/var/www", "/usr/sbin/nologin" },
    { "backup", 34, 34, "backup", "/var/backups", "/usr/sbin/nologin" },
    { "list", 38, 38, "Mailing List Manager", "/var/list",
      "/usr/sbin/nologin" },
    { "irc", 39, 39, "ircd", "/run/ircd", "/usr/sbin/nologin" },
    { "gnats", 41, 41, "Gnats Bug-Reporting System (admin)",
      "/var/lib/gnats", "/usr/sbin/nologin" },
    { "nobody", 65534, 65534, "nobody", "/nonexistent", "/usr/sbin/nologin" },
    { "_apt", 100, 65534, "", "/nonexistent", "/usr/sbin/nologin" },
    USERS_END,
};

static const struct catalog_group ubuntu_extra_groups[] = {
    { "ubuntu", 1000, "" },
    GROUPS_END,
};

static const struct catalog_set set_ubuntu = {
    "ubuntu", deb_dirs, deb_cmds, ubuntu_users, deb_groups,
};

#define UBUNTU_RELEASE(id, ver, full, code, pretty)                         \
    (const struct catalog_file[]){                                          \
        TEXT("/usr/lib/os-release",                                         \
             "PRETTY_NAME=\"" pretty "\"\n"                                 \
             "NAME=\"Ubuntu\"\n"                                            \
             "VERSION_ID=\"" ver "\"\n"                                     \
             "VERSION=\"" full "\"\n"                                       \
             "VERSION_CODENAME=" code "\n"                                  \
             "ID=ubuntu\n"                                                  \
             "ID_LIKE=debian\n"                                             \
             "HOME_URL=\"https://www.ubuntu.com/\"\n"                       \
             "SUPPORT_URL=\"https://help.ubuntu.com/\"\n"                   \
             "BUG_REPORT_URL=\"https://bugs.launchpad.net/ubuntu/\"\n"      \
             "PRIVACY_POLICY_URL=\"https://www.ubuntu.com/legal/terms-and-" \
             "policies/privacy-policy\"\n"                                  \
             "UBUNTU_CODENAME=" code "\n"                                   \
             "LOGO=ubuntu-logo\n"),                                         \
        TEXT("/etc/lsb-release", "DISTRIB_ID=Ubuntu\n"                      \
                                 "DISTRIB_RELEASE=" ver "\n"                \
                                 "DISTRIB_CODENAME=" code "\n"              \
                                 "DISTRIB_DESCRIPTION=\"" pretty "\"\n"),   \
        TEXT("/etc/debian_version", id "\n"),                               \
        FILES_END,                                                          \
    }

static const struct catalog_set set_ubuntu2604_release = {
    "ubuntu:26.04",
    UBUNTU_RELEASE("forky/sid", "26.04", "26.04 LTS (Resolute Raccoon)",
                   "resolute", "Ubuntu 26.04 LTS"),
    NULL, NULL, ubuntu_extra_groups,
};

static const struct catalog_set set_ubuntu2404_release = {
    "ubuntu:24.04",
    UBUNTU_RELEASE("trixie/sid", "24.04", "24.04.3 LTS (Noble Numbat)",
                   "noble", "Ubuntu 24.04.3 LTS"),
    NULL, NULL, ubuntu_extra_groups,
};

static const struct catalog_set set_ubuntu2204 = {
    "ubuntu:22.04",
    UBUNTU_RELEASE("bookworm/sid", "22.04", "22.04.5 LTS (Jammy Jellyfish)",
                   "jammy", "Ubuntu 22.04.5 LTS"),
    NULL, ubuntu2204_users,
    (const struct catalog_group[]){
        { "gnats", 41, "" },
        GROUPS_END,
    },
};

/* the ubuntu user's home (23.04 and later) */
static const struct catalog_set set_ubuntu_home = {
    "ubuntu:home",
    (const struct catalog_file[]){
        DIRU("/home/ubuntu", 0750, 1000, 1000),
        FILES_END,
    },
    NULL, NULL, NULL,
};

/* 22.04 predates the ubuntu user: Debian's layout without it */
static const struct catalog_set set_ubuntu2204_base = {
    "ubuntu:22.04-base", deb_dirs, deb_cmds, NULL, deb_groups,
};

/* ----- buildpack-deps: what python, node, ruby and golang add ------ */

static const struct catalog_set set_bp_curl = {
    "buildpack-deps:curl",
    NULL,
    (const struct catalog_cmds[]){
        { "/usr/bin",
          "curl wget gpg gpg-agent gpgconf gpgsm gpgv dirmngr openssl "
          "c_rehash",
          NULL, NULL },
        { "/usr/sbin", "update-ca-certificates", NULL, NULL },
        CMDS_END,
    },
    NULL, NULL,
};

/* git, mercurial (which pulls in Debian's own python3, see below),
 * openssh-client, subversion, procps */
static const struct catalog_set set_bp_scm = {
    "buildpack-deps:scm",
    NULL,
    (const struct catalog_cmds[]){
        { "/usr/bin",
          "git git-shell git-receive-pack git-upload-pack git-upload-archive "
          "hg svn svnadmin svnlook svnversion ssh scp sftp ssh-add ssh-agent "
          "ssh-keygen ssh-keyscan ps top free pgrep pkill pmap pwdx skill "
          "snice slabtop tload uptime vmstat w watch",
          NULL, NULL },
        CMDS_END,
    },
    NULL, NULL,
};

/* Debian's python3 (a mercurial dependency): 3.13 in trixie, 3.11 in
 * bookworm; /usr/local/bin comes first on PATH in the python images */
static const struct catalog_set set_deb_python313 = {
    "debian:python3.13",
    (const struct catalog_file[]){
        LINK("/usr/bin/python3", "python3.13"),
        PROG("/usr/bin/python3.13", "python3"),
        FILES_END,
    },
    NULL, NULL, NULL,
};

static const struct catalog_set set_deb_python311 = {
    "debian:python3.11",
    (const struct catalog_file[]){
        LINK("/usr/bin/python3", "python3.11"),
        PROG("/usr/bin/python3.11", "python3"),
        FILES_END,
    },
    NULL, NULL, NULL,
};

static const struct catalog_set set_bp_full = {
    "buildpack-deps",
    (const struct catalog_file[]){
        LINK("/usr/bin/cc", "/etc/alternatives/cc"),
        LINK("/etc/alternatives/cc", "/usr/bin/gcc"),
        LINK("/usr/bin/c++", "/etc/alternatives/c++"),
        LINK("/etc/alternatives/c++", "/usr/bin/g++"),
        FILES_END,
    },
    (const struct catalog_cmds[]){
        { "/usr/bin",
          "gcc g++ cpp make ld as ar nm objdump objcopy ranlib strip "
          "readelf file patch unzip xz unxz xzcat bzip2 bunzip2 bzcat "
          "pkg-config pkgconf autoconf autoreconf autoheader automake aclocal "
          "libtool libtoolize m4 convert identify mogrify magick "
          "mysql_config",
          NULL, NULL },
        CMDS_END,
    },
    NULL, NULL,
};

/* golang installs a C toolchain on buildpack-deps:scm */
static const struct catalog_set set_go_toolchain = {
    "golang:toolchain",
    (const struct catalog_file[]){
        LINK("/usr/bin/cc", "/etc/alternatives/cc"),
        LINK("/etc/alternatives/cc", "/usr/bin/gcc"),
        LINK("/usr/bin/c++", "/etc/alternatives/c++"),
        LINK("/etc/alternatives/c++", "/usr/bin/g++"),
        FILES_END,
    },
    (const struct catalog_cmds[]){
        { "/usr/bin",
          "gcc g++ cpp make ld as ar nm objdump ranlib strip pkg-config "
          "pkgconf",
          NULL, NULL },
        CMDS_END,
    },
    NULL, NULL,
};

/* ==================================================================== */
/* Alpine and BusyBox                                                   */
/* ==================================================================== */

/* BusyBox applets of an Alpine minirootfs, by directory */
#define ALPINE_BIN_APPLETS                                                  \
    "arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df "  \
    "dmesg dnsdomainname dumpkmap echo egrep false fatattr fdflush fgrep "  \
    "fsync getopt grep gunzip gzip hostname ionice iostat ipcalc kbd_mode " \
    "kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir "     \
    "mknod mktemp more mount mountpoint mpstat mv netstat nice pidof ping " \
    "ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts " \
    "sed setpriv setserial sh sleep stat stty su sync tar touch true "      \
    "umount uname usleep watch zcat"
#define ALPINE_USR_BIN_APPLETS                                              \
    "[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt "    \
    "cksum clear cmp comm cpio crontab cryptpw cut dc deallocvt diff "      \
    "dirname dos2unix du eject env expand expr factor fallocate find "      \
    "flock fold free fuser groups hd head hexdump hostid id install ipcrm " \
    "ipcs killall less logger lsof lsusb lzcat lzma lzopcat md5sum mesg "   \
    "microcom mkfifo mkpasswd nc nl nmeter nohup nproc nsenter nslookup "   \
    "od openvt paste patch pgrep pkill pmap printf pscan pstree pwdx "      \
    "readlink realpath renice reset resize seq setkeycodes setsid "         \
    "sha1sum sha256sum sha3sum sha512sum showkey shred shuf sort split "    \
    "strings sum tac tail tee test time timeout top tr traceroute "         \
    "traceroute6 tree truncate tty ttysize udhcpc6 unexpand uniq unix2dos " \
    "unlink unlzma unlzop unshare unxz unzip uptime uudecode uuencode vi "  \
    "vlock volname wc wget which whoami whois xargs xxd xzcat yes"
#define ALPINE_SBIN_APPLETS                                                 \
    "acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck "  \
    "fstrim getty halt hwclock ifconfig ifdown ifenslave ifup init "        \
    "inotifyd insmod ip ipaddr iplink ipneigh iproute iprule iptunnel "     \
    "klogd loadkmap logread losetup lsmod mdev mkdosfs mkfs.vfat mkswap "   \
    "modinfo modprobe nameif nologin pivot_root poweroff raidautorun "      \
    "reboot rmmod route setconsole slattach swapoff swapon switch_root "    \
    "sysctl syslogd tunctl udhcpc vconfig watchdog"
#define ALPINE_USR_SBIN_APPLETS                                             \
    "addgroup adduser arping brctl chpasswd chroot crond delgroup deluser " \
    "ether-wake fbset killall5 loadfont nanddump nandwrite nbd-client "     \
    "ntpd partprobe rdate readahead remove-shell rfkill sendmail setfont "  \
    "setlogcons"

static const struct catalog_file alpine_files[] = {
    DIRM("/bin", 0755),
    DIRM("/dev", 0755),
    DIRM("/etc", 0755),
    DIRM("/home", 0755),
    DIRM("/lib", 0755),
    DIRM("/media", 0755),
    DIRM("/mnt", 0755),
    DIRM("/opt", 0755),
    DIRM("/proc", 0555),
    DIRM("/root", 0700),
    DIRM("/run", 0755),
    DIRM("/run/lock", 0755),
    DIRM("/sbin", 0755),
    DIRM("/srv", 0755),
    DIRM("/sys", 0555),
    DIRM("/tmp", 01777),
    DIRM("/usr/bin", 0755),
    DIRM("/usr/sbin", 0755),
    DIRM("/usr/lib", 0755),
    DIRM("/usr/local/bin", 0755),
    DIRM("/usr/local/lib", 0755),
    DIRM("/usr/local/share", 0755),
    DIRM("/var/cache", 0755),
    DIRM("/var/empty", 0555),
    DIRM("/var/lib", 0755),
    DIRM("/var/log", 0755),
    DIRM("/var/mail", 0755),
    DIRM("/var/opt", 0755),
    DIRM("/var/spool", 0755),
    DIRM("/var/tmp", 01777),
    LINK("/var/run", "../run"),
    LINK("/var/lock", "../run/lock"),
    PROG("/bin/busybox", "busybox"),
    /* musl and its utilities, apk, scanelf, ssl_client */
    { "/lib/ld-musl-x86_64.so.1", CF_FILE, NULL, NULL, 0755, 0, 0 },
    LINK("/lib/libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1"),
    PROG("/sbin/apk", "apk"),
    PROG("/sbin/ldconfig", "ldconfig"),
    PROG("/usr/bin/getconf", "getconf"),
    PROG("/usr/bin/getent", "getent"),
    PROG("/usr/bin/iconv", "iconv"),
    PROG("/usr/bin/ldd", "ldd"),
    PROG("/usr/bin/scanelf", "scanelf"),
    PROG("/usr/bin/ssl_client", "ssl_client"),
    TEXT("/etc/shells", "# valid login shells\n/bin/sh\n/bin/ash\n"),
    FILES_END,
};

static const struct catalog_cmds alpine_cmds[] = {
    { "/bin", ALPINE_BIN_APPLETS, NULL, "/bin/busybox" },
    { "/usr/bin", ALPINE_USR_BIN_APPLETS, NULL, "/bin/busybox" },
    { "/sbin", ALPINE_SBIN_APPLETS, NULL, "/bin/busybox" },
    { "/usr/sbin", ALPINE_USR_SBIN_APPLETS, NULL, "/bin/busybox" },
    CMDS_END,
};

/* alpine-baselayout 3.6 (Alpine 3.20 and later) */
static const struct catalog_user alpine_users[] = {
    { "root", 0, 0, "root", "/root", "/bin/sh" },
    { "bin", 1, 1, "bin", "/bin", "/sbin/nologin" },
    { "daemon", 2, 2, "daemon", "/sbin", "/sbin/nologin" },
    { "lp", 4, 7, "lp", "/var/spool/lpd", "/sbin/nologin" },
    { "sync", 5, 0, "sync", "/sbin", "/bin/sync" },
    { "shutdown", 6, 0, "shutdown", "/sbin", "/sbin/shutdown" },
    { "halt", 7, 0, "halt", "/sbin", "/sbin/halt" },
    { "mail", 8, 12, "mail", "/var/mail", "/sbin/nologin" },
    { "news", 9, 13, "news", "/usr/lib/news", "/sbin/nologin" },
    { "uucp", 10, 14, "uucp", "/var/spool/uucppublic", "/sbin/nologin" },
    { "cron", 16, 16, "cron", "/var/spool/cron", "/sbin/nologin" },
    { "ftp", 21, 21, "", "/var/lib/ftp", "/sbin/nologin" },
    { "sshd", 22, 22, "sshd", "/dev/null", "/sbin/nologin" },
    { "games", 35, 35, "games", "/usr/games", "/sbin/nologin" },
    { "ntp", 123, 123, "NTP", "/var/empty", "/sbin/nologin" },
    { "guest", 405, 100, "guest", "/dev/null", "/sbin/nologin" },
    { "nobody", 65534, 65534, "nobody", "/", "/sbin/nologin" },
    USERS_END,
};

static const struct catalog_group alpine_groups[] = {
    { "root", 0, "root" },
    { "bin", 1, "root,bin,daemon" },
    { "daemon", 2, "root,bin,daemon" },
    { "sys", 3, "root,bin" },
    { "adm", 4, "root,daemon" },
    { "tty", 5, "" },
    { "disk", 6, "root" },
    { "lp", 7, "lp" },
    { "kmem", 9, "" },
    { "wheel", 10, "root" },
    { "floppy", 11, "root" },
    { "mail", 12, "mail" },
    { "news", 13, "news" },
    { "uucp", 14, "uucp" },
    { "cron", 16, "cron" },
    { "audio", 18, "" },
    { "cdrom", 19, "" },
    { "dialout", 20, "root" },
    { "ftp", 21, "" },
    { "sshd", 22, "" },
    { "input", 23, "" },
    { "tape", 26, "root" },
    { "video", 27, "root" },
    { "netdev", 28, "" },
    { "kvm", 34, "kvm" },
    { "games", 35, "" },
    { "shadow", 42, "" },
    { "www-data", 82, "" },
    { "users", 100, "games" },
    { "ntp", 123, "" },
    { "abuild", 300, "" },
    { "utmp", 406, "" },
    { "ping", 999, "" },
    { "nogroup", 65533, "" },
    { "nobody", 65534, "" },
    GROUPS_END,
};

static const struct catalog_set set_alpine = {
    "alpine", alpine_files, alpine_cmds, alpine_users, alpine_groups,
};

#define ALPINE_RELEASE(ver, minor)                                          \
    {                                                                       \
        "alpine:" minor,                                                    \
        (const struct catalog_file[]){                                      \
            TEXT("/etc/alpine-release", ver "\n"),                          \
            TEXT("/etc/os-release",                                         \
                 "NAME=\"Alpine Linux\"\n"                                  \
                 "ID=alpine\n"                                              \
                 "VERSION_ID=" ver "\n"                                     \
                 "PRETTY_NAME=\"Alpine Linux v" minor "\"\n"                \
                 "HOME_URL=\"https://alpinelinux.org/\"\n"                  \
                 "BUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/"  \
                 "aports/-/issues\"\n"),                                    \
            FILES_END,                                                      \
        },                                                                  \
        NULL, NULL, NULL,                                                   \
    }

static const struct catalog_set set_alpine_324 =
    ALPINE_RELEASE("3.24.1", "3.24");
static const struct catalog_set set_alpine_323 =
    ALPINE_RELEASE("3.23.5", "3.23");
static const struct catalog_set set_alpine_322 =
    ALPINE_RELEASE("3.22.5", "3.22");
static const struct catalog_set set_alpine_321 =
    ALPINE_RELEASE("3.21.7", "3.21");
static const struct catalog_set set_alpine_320 =
    ALPINE_RELEASE("3.20.10", "3.20");

/*
 * The busybox image (docker-library/busybox): every applet is a hard link
 * to /bin/busybox (`busybox --install /bin`), plus Debian's getconf, and
 * buildroot's skeleton /etc/passwd and /etc/group; a home directory is
 * made for every user and /usr/bin/env points at /bin/env.
 */
#define BUSYBOX_APPLETS                                                     \
    "[ [[ acpid add-shell addgroup adduser adjtimex ar arch arp arping "    \
    "ascii ash awk base32 base64 basename bc beep blkdiscard blkid "        \
    "blockdev bootchartd brctl bunzip2 bzcat bzip2 cal cat chat chattr "    \
    "chgrp chmod chown chpasswd chpst chroot chrt chvt cksum clear cmp "    \
    "comm conspy cp cpio crc32 crond crontab cryptpw cttyhack cut date dc " \
    "dd deallocvt delgroup deluser depmod devmem df dhcprelay diff "        \
    "dirname dmesg dnsd dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap "  \
    "dumpleases echo ed egrep eject env envdir envuidgid ether-wake "       \
    "expand expr factor fakeidentd fallocate false fatattr fbset fbsplash " \
    "fdflush fdformat fdisk fgconsole fgrep find findfs flock fold free "   \
    "freeramdisk fsck fsck.minix fsfreeze fstrim fsync ftpd ftpget ftpput " \
    "fuser getopt getty grep groups gunzip gzip halt hd hdparm head "       \
    "hexdump hexedit hostid hostname httpd hush hwclock i2cdetect i2cdump " \
    "i2cget i2cset i2ctransfer id ifconfig ifdown ifenslave ifplugd ifup "  \
    "inetd init insmod install ionice iostat ip ipaddr ipcalc ipcrm ipcs "  \
    "iplink ipneigh iproute iprule iptunnel kbd_mode kill killall "         \
    "killall5 klogd last less link linux32 linux64 linuxrc ln loadfont "    \
    "loadkmap logger login logname logread losetup lpd lpq lpr ls lsattr "  \
    "lsmod lsof lspci lsscsi lsusb lzcat lzma lzop lzopcat makedevs "       \
    "makemime man md5sum mdev mesg microcom mim mkdir mkdosfs mke2fs "      \
    "mkfifo mkfs.ext2 mkfs.minix mkfs.vfat mknod mkpasswd mkswap mktemp "   \
    "modinfo modprobe more mount mountpoint mpstat mt mv nameif nanddump "  \
    "nandwrite nbd-client nc netstat nice nl nmeter nohup nologin "         \
    "nproc nsenter nslookup ntpd nuke od openvt partprobe passwd paste "    \
    "patch pgrep pidof ping ping6 pipe_progress pivot_root pkill pmap "     \
    "popmaildir poweroff powertop printenv printf ps pscan pstree pwd "     \
    "pwdx raidautorun rdate rdev readahead readlink readprofile realpath "  \
    "reboot reformime remove-shell renice reset resize resume rev rm "      \
    "rmdir rmmod route rpm rpm2cpio rtcwake run-init run-parts runlevel "   \
    "runsv runsvdir rx script scriptreplay sed seedrng sendmail seq "       \
    "setarch setconsole setfattr setfont setkeycodes setlogcons setpriv "   \
    "setserial setsid setuidgid sh sha1sum sha256sum sha3sum sha512sum "    \
    "showkey shred shuf slattach sleep smemcap softlimit sort split "       \
    "ssl_client start-stop-daemon stat strings stty su sulogin sum sv "     \
    "svc svlogd svok swapoff swapon switch_root sync sysctl syslogd tac "   \
    "tail tar taskset tc tcpsvd tee telnet telnetd test tftp tftpd time "   \
    "timeout top touch tr traceroute traceroute6 tree true truncate ts "    \
    "tsort tty ttysize tunctl ubiattach ubidetach ubimkvol ubirename "      \
    "ubirmvol ubirsvol ubiupdatevol udhcpc udhcpc6 udhcpd udpsvd uevent "   \
    "umount uname unexpand uniq unix2dos unlink unlzma unshare unxz unzip " \
    "uptime users usleep uudecode uuencode vconfig vi vlock volname w "     \
    "wall watch watchdog wc wget which who whoami whois xargs xxd xz "      \
    "xzcat yes zcat zcip"

static const struct catalog_file busybox_files[] = {
    DIRM("/bin", 0755),
    DIRM("/dev", 0755),
    DIRM("/etc", 0755),
    DIRM("/home", 0755),
    DIRM("/lib", 0755),
    LINK("/lib64", "lib"),
    DIRM("/proc", 0555),
    DIRM("/root", 0700),
    DIRM("/sys", 0555),
    DIRM("/tmp", 01777),
    DIRM("/usr/sbin", 0755),
    DIRM("/var/spool/mail", 0755),
    DIRU("/var/www", 0755, 33, 33),
    PROG("/bin/busybox", "busybox"),
    PROG("/bin/getconf", "getconf"),
    LINK("/usr/bin/env", "../../bin/env"),
    FILES_END,
};

static const struct catalog_cmds busybox_cmds[] = {
    { "/bin", BUSYBOX_APPLETS, "busybox", NULL },
    CMDS_END,
};

/* buildroot system/skeleton/etc/{passwd,group} */
static const struct catalog_user busybox_users[] = {
    { "root", 0, 0, "root", "/root", "/bin/sh" },
    { "daemon", 1, 1, "daemon", "/usr/sbin", "/bin/false" },
    { "bin", 2, 2, "bin", "/bin", "/bin/false" },
    { "sys", 3, 3, "sys", "/dev", "/bin/false" },
    { "sync", 4, 100, "sync", "/bin", "/bin/sync" },
    { "mail", 8, 8, "mail", "/var/spool/mail", "/bin/false" },
    { "www-data", 33, 33, "www-data", "/var/www", "/bin/false" },
    { "operator", 37, 37, "Operator", "/var", "/bin/false" },
    { "nobody", 65534, 65534, "nobody", "/home", "/bin/false" },
    USERS_END,
};

static const struct catalog_group busybox_groups[] = {
    { "root", 0, "" },      { "daemon", 1, "" },    { "bin", 2, "" },
    { "sys", 3, "" },       { "adm", 4, "" },       { "tty", 5, "" },
    { "disk", 6, "" },      { "lp", 7, "" },        { "mail", 8, "" },
    { "kmem", 9, "" },      { "wheel", 10, "root" }, { "cdrom", 11, "" },
    { "dialout", 18, "" },  { "floppy", 19, "" },   { "video", 28, "" },
    { "audio", 29, "" },    { "tape", 32, "" },     { "www-data", 33, "" },
    { "operator", 37, "" }, { "utmp", 43, "" },     { "plugdev", 46, "" },
    { "staff", 50, "" },    { "lock", 54, "" },     { "netdev", 82, "" },
    { "users", 100, "" },   { "nogroup", 65534, "" },
    GROUPS_END,
};

static const struct catalog_set set_busybox = {
    "busybox", busybox_files, busybox_cmds, busybox_users, busybox_groups,
};

/* ==================================================================== */
/* Oracle Linux 9 slim (mysql's base)                                   */
/* ==================================================================== */

static const struct catalog_file el9_files[] = {
    LINK("/bin", "usr/bin"),
    LINK("/sbin", "usr/sbin"),
    LINK("/lib", "usr/lib"),
    LINK("/lib64", "usr/lib64"),
    DIRM("/boot", 0555),
    DIRM("/dev", 0755),
    DIRM("/etc", 0755),
    DIRM("/home", 0755),
    DIRM("/media", 0755),
    DIRM("/mnt", 0755),
    DIRM("/opt", 0755),
    DIRM("/proc", 0555),
    DIRM("/root", 0550),
    DIRM("/run", 0755),
    DIRM("/srv", 0755),
    DIRM("/sys", 0555),
    DIRM("/tmp", 01777),
    DIRM("/usr/local/bin", 0755),
    DIRM("/usr/local/sbin", 0755),
    DIRM("/usr/lib", 0555),
    DIRM("/usr/lib64", 0555),
    DIRM("/var/lib", 0755),
    DIRM("/var/log", 0755),
    DIRM("/var/tmp", 01777),
    LINK("/var/run", "../run"),
    PROG("/usr/bin/bash", "bash"),
    LINK("/usr/bin/sh", "bash"),
    LINK("/usr/bin/awk", "gawk"),
    TEXT("/etc/os-release",
         "NAME=\"Oracle Linux Server\"\n"
         "VERSION=\"9.6\"\n"
         "ID=\"ol\"\n"
         "ID_LIKE=\"fedora\"\n"
         "VARIANT=\"Server\"\n"
         "VARIANT_ID=\"server\"\n"
         "VERSION_ID=\"9.6\"\n"
         "PLATFORM_ID=\"platform:el9\"\n"
         "PRETTY_NAME=\"Oracle Linux Server 9.6\"\n"
         "ANSI_COLOR=\"0;31\"\n"
         "CPE_NAME=\"cpe:/o:oracle:linux:9:6:server\"\n"
         "HOME_URL=\"https://linux.oracle.com/\"\n"
         "BUG_REPORT_URL=\"https://github.com/oracle/oracle-linux\"\n"),
    TEXT("/etc/oracle-release", "Oracle Linux Server release 9.6\n"),
    LINK("/etc/redhat-release", "oracle-release"),
    LINK("/etc/system-release", "oracle-release"),
    FILES_END,
};

/* coreutils-single, grep, sed, gawk, shadow-utils, util-linux-core,
 * curl-minimal, gnupg2, rpm and microdnf (no procps, no which) */
static const struct catalog_cmds el9_cmds[] = {
    { "/usr/bin",
      "[ arch base32 base64 basename cat chcon chgrp chmod chown cksum comm "
      "cp csplit cut date dd df dir dircolors dirname du echo env expand "
      "expr factor false fmt fold groups head hostid id install join link "
      "ln logname ls md5sum mkdir mkfifo mknod mktemp mv nice nl nohup "
      "nproc numfmt od paste pathchk pinky pr printenv printf ptx pwd "
      "readlink realpath rm rmdir runcon seq sha1sum sha224sum sha256sum "
      "sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty sum "
      "sync tac tail tee test timeout touch tr true truncate tsort tty "
      "uname unexpand uniq unlink users vdir wc who whoami yes",
      NULL, NULL },
    { "/usr/bin",
      "grep egrep fgrep sed gawk tar gzip gunzip zcat curl gpg gpgv "
      "microdnf rpm rpm2cpio rpmkeys getent getconf iconv ldd locale "
      "localedef mount umount more kill setpriv su login flock getopt "
      "passwd chage newgrp gpasswd",
      NULL, NULL },
    { "/usr/sbin",
      "chroot useradd usermod userdel groupadd groupdel groupmod chpasswd "
      "newusers pwck grpck vipw vigr nologin ldconfig agetty blkid fsck "
      "mkswap swapon swapoff pivot_root switch_root losetup sulogin runuser",
      NULL, NULL },
    CMDS_END,
};

static const struct catalog_user el9_users[] = {
    { "root", 0, 0, "root", "/root", "/bin/bash" },
    { "bin", 1, 1, "bin", "/bin", "/sbin/nologin" },
    { "daemon", 2, 2, "daemon", "/sbin", "/sbin/nologin" },
    { "adm", 3, 4, "adm", "/var/adm", "/sbin/nologin" },
    { "lp", 4, 7, "lp", "/var/spool/lpd", "/sbin/nologin" },
    { "sync", 5, 0, "sync", "/sbin", "/bin/sync" },
    { "shutdown", 6, 0, "shutdown", "/sbin", "/sbin/shutdown" },
    { "halt", 7, 0, "halt", "/sbin", "/sbin/halt" },
    { "mail", 8, 12, "mail", "/var/spool/mail", "/sbin/nologin" },
    { "operator", 11, 0, "operator", "/root", "/sbin/nologin" },
    { "games", 12, 100, "games", "/usr/games", "/sbin/nologin" },
    { "ftp", 14, 50, "FTP User", "/var/ftp", "/sbin/nologin" },
    { "nobody", 65534, 65534, "Kernel Overflow User", "/", "/sbin/nologin" },
    USERS_END,
};

static const struct catalog_group el9_groups[] = {
    { "root", 0, "" },    { "bin", 1, "" },      { "daemon", 2, "" },
    { "sys", 3, "" },     { "adm", 4, "" },      { "tty", 5, "" },
    { "disk", 6, "" },    { "lp", 7, "" },       { "mem", 8, "" },
    { "kmem", 9, "" },    { "wheel", 10, "" },   { "cdrom", 11, "" },
    { "mail", 12, "" },   { "man", 15, "" },     { "dialout", 18, "" },
    { "floppy", 19, "" }, { "games", 20, "" },   { "tape", 33, "" },
    { "video", 39, "" },  { "ftp", 50, "" },     { "lock", 54, "" },
    { "audio", 63, "" },  { "users", 100, "" },  { "nobody", 65534, "" },
    GROUPS_END,
};

static const struct catalog_set set_oraclelinux9 = {
    "oraclelinux:9-slim", el9_files, el9_cmds, el9_users, el9_groups,
};

/* ==================================================================== */
/* The images' own files                                                */
/* ==================================================================== */

/* ----- python ----------------------------------------------------- */

/* /usr/local/bin of docker-library/python for version v (all variants) */
#define PYTHON_SET(v)                                                       \
    {                                                                       \
        "python:" v,                                                        \
        (const struct catalog_file[]){                                      \
            PROG("/usr/local/bin/python" v, "python3"),                     \
            LINK("/usr/local/bin/python3", "python" v),                     \
            LINK("/usr/local/bin/python", "python3"),                       \
            SCRIPT("/usr/local/bin/pip" v, "pip",                           \
                   "#!/usr/local/bin/python" v "\n" PIP_TEXT),              \
            SCRIPT("/usr/local/bin/pip3", "pip",                            \
                   "#!/usr/local/bin/python" v "\n" PIP_TEXT),              \
            SCRIPT("/usr/local/bin/pip", "pip",                             \
                   "#!/usr/local/bin/python" v "\n" PIP_TEXT),              \
            SCRIPT("/usr/local/bin/pydoc" v, "pydoc",                       \
                   "#!/usr/local/bin/python" v "\n"                         \
                   "# docksim: pydoc, Python's documentation tool\n"),      \
            LINK("/usr/local/bin/pydoc3", "pydoc" v),                       \
            LINK("/usr/local/bin/pydoc", "pydoc3"),                         \
            SCRIPT("/usr/local/bin/idle" v, "idle",                         \
                   "#!/usr/local/bin/python" v "\n"                         \
                   "# docksim: IDLE, which needs a display\n"),             \
            LINK("/usr/local/bin/idle3", "idle" v),                         \
            LINK("/usr/local/bin/idle", "idle3"),                           \
            SCRIPT("/usr/local/bin/python" v "-config", "python-config",    \
                   "#!/bin/sh\n"                                            \
                   "# docksim: prints the flags for embedding Python\n"),   \
            LINK("/usr/local/bin/python3-config", "python" v "-config"),    \
            LINK("/usr/local/bin/python-config", "python3-config"),         \
            DIRM("/usr/local/lib/python" v, 0755),                          \
            FILES_END,                                                      \
        },                                                                  \
        NULL, NULL, NULL,                                                   \
    }
#define PIP_TEXT "# docksim: pip, the Python package installer\n"

static const struct catalog_set set_python314 = PYTHON_SET("3.14");
static const struct catalog_set set_python313 = PYTHON_SET("3.13");
static const struct catalog_set set_python312 = PYTHON_SET("3.12");

/* ----- node ------------------------------------------------------- */

/* nodejs/docker-node docker-entrypoint.sh, in docksim's words */
#define NODE_ENTRYPOINT                                                     \
    "#!/bin/sh\n"                                                           \
    "set -e\n"                                                              \
    "\n"                                                                    \
    "# docksim: the official node image's entrypoint, summarised.\n"        \
    "# Run the command with node when the first argument starts with \"-\",\n" \
    "# is not a command, or is a file that is not executable (ash/dash\n"   \
    "# bug 874264 makes the last test necessary).\n"                        \
    "if [ \"${1#-}\" != \"${1}\" ] || [ -z \"$(command -v \"${1}\")\" ] ||" \
    " { [ -f \"${1}\" ] && ! [ -x \"${1}\" ]; }; then\n"                    \
    "  set -- node \"$@\"\n"                                                \
    "fi\n"                                                                  \
    "\n"                                                                    \
    "exec \"$@\"\n"

static const struct catalog_set set_node = {
    "node",
    (const struct catalog_file[]){
        PROG("/usr/local/bin/node", "node"),
        LINK("/usr/local/bin/nodejs", "node"),
        SCRIPT("/usr/local/lib/node_modules/npm/bin/npm-cli.js", "npm",
               "#!/usr/bin/env node\n// docksim: npm, the package manager\n"),
        SCRIPT("/usr/local/lib/node_modules/npm/bin/npx-cli.js", "npx",
               "#!/usr/bin/env node\n// docksim: npx, runs package binaries\n"),
        LINK("/usr/local/bin/npm", "../lib/node_modules/npm/bin/npm-cli.js"),
        LINK("/usr/local/bin/npx", "../lib/node_modules/npm/bin/npx-cli.js"),
        SCRIPT("/usr/local/bin/docker-entrypoint.sh", "docker-entrypoint:node",
               NODE_ENTRYPOINT),
        FILES_END,
    },
    NULL, NULL, NULL,
};

/* Node 24 and older also ship corepack and Yarn 1.22.22 */
static const struct catalog_set set_node_yarn = {
    "node:yarn",
    (const struct catalog_file[]){
        SCRIPT("/usr/local/lib/node_modules/corepack/dist/corepack.js",
               "corepack", "#!/usr/bin/env node\n// docksim: corepack\n"),
        LINK("/usr/local/bin/corepack",
             "../lib/node_modules/corepack/dist/corepack.js"),
        SCRIPT("/opt/yarn-v1.22.22/bin/yarn", "yarn",
               "#!/bin/sh\n# docksim: Yarn 1.22.22\n"),
        SCRIPT("/opt/yarn-v1.22.22/bin/yarnpkg", "yarn",
               "#!/bin/sh\n# docksim: Yarn 1.22.22\n"),
        LINK("/usr/local/bin/yarn", "/opt/yarn-v1.22.22/bin/yarn"),
        LINK("/usr/local/bin/yarnpkg", "/opt/yarn-v1.22.22/bin/yarnpkg"),
        FILES_END,
    },
    NULL, NULL, NULL,
};

/* groupadd --gid 1000 node && useradd --uid 1000 --gid node
 * --shell /bin/bash --create-home node */
static const struct catalog_set set_node_user = {
    "node:user",
    (const struct catalog_file[]){
        DIRU("/home/node", 0755, 1000, 1000),
        FILES_END,
    },
    NULL,
    (const struct catalog_user[]){
        { "node", 1000, 1000, "", "/home/node", "/bin/bash" },
        USERS_END,
    },
    (const struct catalog_group[]){
        { "node", 1000, "" },
        GROUPS_END,
    },
};

/* addgroup -g 1000 node && adduser -u 1000 -G node -s /bin/sh -D node */
static const struct catalog_set set_node_user_alpine = {
    "node:user-alpine",
    (const struct catalog_file[]){
        DIRU("/home/node", 02755, 1000, 1000),
        FILES_END,
    },
    NULL,
    (const struct catalog_user[]){
        { "node", 1000, 1000, "Linux User,,,", "/home/node", "/bin/sh" },
        USERS_END,
    },
    (const struct catalog_group[]){
        { "node", 1000, "" },
        GROUPS_END,
    },
};

/* ----- nginx ------------------------------------------------------ */

#define NGINX_ENTRYPOINT                                                    \
    "#!/bin/sh\n"                                                           \
    "# vim:sw=4:ts=4:et\n"                                                  \
    "\n"                                                                    \
    "set -e\n"                                                              \
    "\n"                                                                    \
    "# docksim: the official nginx image's entrypoint, summarised.\n"       \
    "# When the command is nginx or nginx-debug and /docker-entrypoint.d/\n" \
    "# is not empty, it runs the executable *.sh files and sources the\n"   \
    "# executable *.envsh files there, in `sort -V` order, logging\n"       \
    "# \"/docker-entrypoint.sh: ...\" lines to stdout (unless\n"            \
    "# NGINX_ENTRYPOINT_QUIET_LOGS is set), then says\n"                    \
    "# \"Configuration complete; ready for start up\".\n"                   \
    "\n"                                                                    \
    "exec \"$@\"\n"

#define NGINX_D_SCRIPT(name, what)                                          \
    SCRIPTM("/docker-entrypoint.d/" name, NULL,                             \
            "#!/bin/sh\n# docksim: " what "\n", 0775)

#define NGINX_COMMON_FILES                                                  \
    SCRIPTM("/docker-entrypoint.sh", "docker-entrypoint:nginx",             \
            NGINX_ENTRYPOINT, 0775),                                        \
    NGINX_D_SCRIPT("10-listen-on-ipv6-by-default.sh",                       \
                   "adds `listen [::]:80` to default.conf when IPv6 works"), \
    NGINX_D_SCRIPT("15-local-resolvers.envsh",                              \
                   "exports NGINX_LOCAL_RESOLVERS when "                    \
                   "NGINX_ENTRYPOINT_LOCAL_RESOLVERS is set"),              \
    NGINX_D_SCRIPT("20-envsubst-on-templates.sh",                           \
                   "renders /etc/nginx/templates/*.template into "          \
                   "/etc/nginx/conf.d with envsubst"),                      \
    NGINX_D_SCRIPT("30-tune-worker-processes.sh",                           \
                   "sets worker_processes from the CPU quota when "         \
                   "NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE is set"),    \
    PROG("/usr/sbin/nginx", "nginx"),                                       \
    PROG("/usr/sbin/nginx-debug", "nginx"),                                 \
    PROG("/usr/bin/envsubst", "envsubst"),                                  \
    TEXT("/etc/nginx/nginx.conf",                                           \
         "\nuser  nginx;\nworker_processes  auto;\n\n"                      \
         "error_log  /var/log/nginx/error.log notice;\n"                    \
         "pid        /run/nginx.pid;\n\n\n"                                 \
         "events {\n    worker_connections  1024;\n}\n\n\n"                 \
         "http {\n    include       /etc/nginx/mime.types;\n"               \
         "    default_type  application/octet-stream;\n\n"                  \
         "    access_log  /var/log/nginx/access.log  main;\n\n"             \
         "    sendfile        on;\n\n    keepalive_timeout  65;\n\n"        \
         "    include /etc/nginx/conf.d/*.conf;\n}\n"),                     \
    TEXT("/etc/nginx/conf.d/default.conf",                                  \
         "server {\n    listen       80;\n    listen  [::]:80;\n"           \
         "    server_name  localhost;\n\n    location / {\n"                \
         "        root   /usr/share/nginx/html;\n"                          \
         "        index  index.html index.htm;\n    }\n\n"                  \
         "    error_page   500 502 503 504  /50x.html;\n"                   \
         "    location = /50x.html {\n"                                     \
         "        root   /usr/share/nginx/html;\n    }\n}\n"),              \
    TEXT("/usr/share/nginx/html/index.html",                                \
         "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n" \
         "</head>\n<body>\n<h1>Welcome to nginx!</h1>\n"                    \
         "<p>If you see this page, nginx is successfully installed and "    \
         "working.</p>\n</body>\n</html>\n"),                               \
    TEXT("/usr/share/nginx/html/50x.html",                                  \
         "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n" \
         "<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n"),        \
    DIRM("/etc/nginx/templates", 0755),                                     \
    LINK("/var/log/nginx/access.log", "/dev/stdout"),                       \
    LINK("/var/log/nginx/error.log", "/dev/stderr")

static const struct catalog_set set_nginx = {
    "nginx",
    (const struct catalog_file[]){
        NGINX_COMMON_FILES,
        DIRM("/var/cache/nginx", 0755),
        PROG("/usr/bin/curl", "curl"),
        FILES_END,
    },
    NULL,
    (const struct catalog_user[]){
        { "nginx", 101, 101, "nginx user", "/nonexistent", "/bin/false" },
        USERS_END,
    },
    (const struct catalog_group[]){
        { "nginx", 101, "" },
        GROUPS_END,
    },
};

static const struct catalog_set set_nginx_alpine = {
    "nginx:alpine",
    (const struct catalog_file[]){
        NGINX_COMMON_FILES,
        DIRM("/var/cache/nginx", 0755),
        PROG("/usr/bin/curl", "curl"),
        FILES_END,
    },
    NULL,
    (const struct catalog_user[]){
        { "nginx", 101, 101, "nginx", "/var/cache/nginx", "/sbin/nologin" },
        USERS_END,
    },
    (const struct catalog_group[]){
        { "nginx", 101, "nginx" },
        GROUPS_END,
    },
};

/* ----- redis ------------------------------------------------------ */

#define REDIS_ENTRYPOINT_BODY                                               \
    "set -e\n"                                                              \
    "\n"                                                                    \
    "# docksim: the official redis image's entrypoint, summarised.\n"       \
    "# A first argument starting with \"-\" or ending in \".conf\" gets\n"  \
    "# redis-server put in front. For redis-server run as root (unless\n"   \
    "# SKIP_DROP_PRIVS), it fixes the ownership of /data and of the config\n" \
    "# (unless SKIP_FIX_PERMS) and re-executes itself through\n"            \
    "# `setpriv --reuid redis --regid redis --clear-groups --nnp`; it sets\n" \
    "# umask 0077 when the umask is 0022, echoes \"Starting Redis Server\",\n" \
    "# loads the modules of /usr/local/lib/redis/modules, and finally:\n"   \
    "\n"                                                                    \
    "exec \"$@\"\n"

#define REDIS_FILES(shebang)                                                \
    PROG("/usr/local/bin/redis-server", "redis-server"),                    \
    PROG("/usr/local/bin/redis-cli", "redis-cli"),                          \
    PROG("/usr/local/bin/redis-benchmark", "redis-benchmark"),              \
    LINK("/usr/local/bin/redis-check-aof", "redis-server"),                 \
    LINK("/usr/local/bin/redis-check-rdb", "redis-server"),                 \
    LINK("/usr/local/bin/redis-sentinel", "redis-server"),                  \
    SCRIPT("/usr/local/bin/docker-entrypoint.sh", "docker-entrypoint:redis", \
           shebang "\n" REDIS_ENTRYPOINT_BODY)

static const struct catalog_set set_redis8 = {
    "redis:8",
    (const struct catalog_file[]){
        REDIS_FILES("#!/bin/bash"),
        DIRM("/usr/local/lib/redis/modules", 0755),
        DIRU("/data", 0755, 999, 999),
        FILES_END,
    },
    NULL,
    (const struct catalog_user[]){
        { "redis", 999, 999, "", "/home/redis", "/bin/sh" },
        USERS_END,
    },
    (const struct catalog_group[]){
        { "redis", 999, "" },
        GROUPS_END,
    },
};

static const struct catalog_set set_redis7 = {
    "redis:7",
    (const struct catalog_file[]){
        REDIS_FILES("#!/bin/bash"),
        DIRU("/data", 0755, 999, 999),
        FILES_END,
    },
    NULL,
    (const struct catalog_user[]){
        { "redis", 999, 999, "", "/home/redis", "/bin/sh" },
        USERS_END,
    },
    (const struct catalog_group[]){
        { "redis", 999, "" },
        GROUPS_END,
    },
};

/* alpine already has a gid 999 (ping), so redis's group is 1000 */
static const struct catalog_set set_redis_alpine = {
    "redis:alpine",
    (const struct catalog_file[]){
        REDIS_FILES("#!/bin/sh"),
        PROG("/usr/bin/setpriv", "setpriv"),
        DIRM("/usr/local/lib/redis/modules", 0755),
        DIRU("/home/redis", 02755, 999, 1000),
        DIRU("/data", 0755, 999, 1000),
        FILES_END,
    },
    NULL,
    (const struct catalog_user[]){
        { "redis", 999, 1000, "Linux User,,,", "/home/redis",
          "/sbin/nologin" },
        USERS_END,
    },
    (const struct catalog_group[]){
        { "redis", 1000, "redis" },
        GROUPS_END,
    },
};

/* ----- postgres --------------------------------------------------- */

#define POSTGRES_ENTRYPOINT                                                 \
    "#!/usr/bin/env bash\n"                                                 \
    "set -Eeo pipefail\n"                                                   \
    "\n"                                                                    \
    "# docksim: the official postgres image's entrypoint, summarised.\n"    \
    "# A first argument starting with \"-\" gets postgres put in front.\n"  \
    "# For postgres it reads POSTGRES_PASSWORD, POSTGRES_USER, POSTGRES_DB\n" \
    "# (and their *_FILE variants), creates the data directories, re-runs\n" \
    "# itself as the postgres user with gosu when started as root, and on\n" \
    "# an empty PGDATA needs POSTGRES_PASSWORD (or\n"                       \
    "# POSTGRES_HOST_AUTH_METHOD=trust) to run initdb and the scripts of\n" \
    "# /docker-entrypoint-initdb.d. Then:\n"                                \
    "\n"                                                                    \
    "exec \"$@\"\n"

#define POSTGRES_CLIENTS                                                    \
    "clusterdb createdb createuser dropdb dropuser pg_basebackup pg_dump "  \
    "pg_dumpall pg_isready pg_receivewal pg_restore psql reindexdb "        \
    "vacuumdb"
#define POSTGRES_SERVER                                                     \
    "initdb pg_archivecleanup pg_checksums pg_controldata pg_ctl "          \
    "pg_resetwal pg_rewind pg_upgrade pg_waldump postgres " POSTGRES_CLIENTS

#define POSTGRES_DEB_FILES                                                  \
    SCRIPT("/usr/local/bin/docker-entrypoint.sh",                           \
           "docker-entrypoint:postgres", POSTGRES_ENTRYPOINT),              \
    SCRIPT("/usr/local/bin/docker-ensure-initdb.sh",                        \
           "docker-entrypoint:postgres",                                    \
           "#!/usr/bin/env bash\nset -Eeuo pipefail\n"                      \
           "# docksim: initialises PGDATA if it is empty, then exits\n"),   \
    LINK("/usr/local/bin/docker-enforce-initdb.sh",                         \
         "docker-ensure-initdb.sh"),                                        \
    PROG("/usr/local/bin/gosu", "gosu"),                                    \
    SCRIPT("/usr/share/postgresql-common/pg_wrapper", "pg_wrapper",         \
           "#!/usr/bin/perl\n# docksim: runs the binary of the cluster's "  \
           "version named like argv[0]\n"),                                 \
    DIRM("/docker-entrypoint-initdb.d", 0755),                              \
    DIRU("/var/run/postgresql", 03777, 999, 999)

#define POSTGRES_WRAPPED(name)                                              \
    LINK("/usr/bin/" name, "../share/postgresql-common/pg_wrapper")

#define POSTGRES_WRAPPERS                                                   \
    POSTGRES_WRAPPED("clusterdb"), POSTGRES_WRAPPED("createdb"),            \
    POSTGRES_WRAPPED("createuser"), POSTGRES_WRAPPED("dropdb"),             \
    POSTGRES_WRAPPED("dropuser"), POSTGRES_WRAPPED("pg_basebackup"),        \
    POSTGRES_WRAPPED("pg_dump"), POSTGRES_WRAPPED("pg_dumpall"),            \
    POSTGRES_WRAPPED("pg_isready"), POSTGRES_WRAPPED("pg_receivewal"),      \
    POSTGRES_WRAPPED("pg_restore"), POSTGRES_WRAPPED("psql"),               \
    POSTGRES_WRAPPED("reindexdb"), POSTGRES_WRAPPED("vacuumdb")

static const struct catalog_user postgres_user[] = {
    { "postgres", 999, 999, "", "/var/lib/postgresql", "/bin/bash" },
    USERS_END,
};

static const struct catalog_group postgres_group[] = {
    { "postgres", 999, "" },
    GROUPS_END,
};

static const struct catalog_cmds postgres_deb_tools[] = {
    { "/usr/bin", "xz unxz xzcat zstd unzstd zstdcat", NULL, NULL },
    CMDS_END,
};

/* PG 18: PGDATA=/var/lib/postgresql/18/docker, VOLUME /var/lib/postgresql */
static const struct catalog_set set_postgres18 = {
    "postgres:18",
    (const struct catalog_file[]){
        POSTGRES_DEB_FILES,
        POSTGRES_WRAPPERS,
        DIRU("/var/lib/postgresql", 01777, 999, 999),
        FILES_END,
    },
    (const struct catalog_cmds[]){
        { "/usr/lib/postgresql/18/bin", POSTGRES_SERVER, NULL, NULL },
        CMDS_END,
    },
    postgres_user, postgres_group,
};

/* PG <= 17: PGDATA=/var/lib/postgresql/data (1777), its own VOLUME */
#define POSTGRES_OLD_SET(major)                                             \
    {                                                                       \
        "postgres:" major,                                                  \
        (const struct catalog_file[]){                                      \
            POSTGRES_DEB_FILES,                                             \
            POSTGRES_WRAPPERS,                                              \
            DIRU("/var/lib/postgresql", 0755, 999, 999),                    \
            DIRU("/var/lib/postgresql/data", 01777, 999, 999),              \
            FILES_END,                                                      \
        },                                                                  \
        (const struct catalog_cmds[]){                                      \
            { "/usr/lib/postgresql/" major "/bin", POSTGRES_SERVER, NULL,   \
              NULL },                                                       \
            CMDS_END,                                                       \
        },                                                                  \
        postgres_user, postgres_group,                                      \
    }

static const struct catalog_set set_postgres17 = POSTGRES_OLD_SET("17");
static const struct catalog_set set_postgres16 = POSTGRES_OLD_SET("16");

/* the tools postgres installs besides the server (xz-utils, zstd) */
static const struct catalog_set set_postgres_tools = {
    "postgres:tools", NULL, postgres_deb_tools, NULL, NULL,
};

/* Alpine: built from source into /usr/local, postgres is uid/gid 70 */
static const struct catalog_set set_postgres18_alpine = {
    "postgres:18-alpine",
    (const struct catalog_file[]){
        SCRIPT("/usr/local/bin/docker-entrypoint.sh",
               "docker-entrypoint:postgres", POSTGRES_ENTRYPOINT),
        SCRIPT("/usr/local/bin/docker-ensure-initdb.sh",
               "docker-entrypoint:postgres",
               "#!/usr/bin/env bash\nset -Eeuo pipefail\n"
               "# docksim: initialises PGDATA if it is empty, then exits\n"),
        LINK("/usr/local/bin/docker-enforce-initdb.sh",
             "docker-ensure-initdb.sh"),
        PROG("/usr/local/bin/gosu", "gosu"),
        PROG("/bin/bash", "bash"),
        DIRM("/docker-entrypoint-initdb.d", 0755),
        DIRU("/var/lib/postgresql", 01777, 70, 70),
        DIRU("/var/run/postgresql", 03777, 70, 70),
        FILES_END,
    },
    (const struct catalog_cmds[]){
        { "/usr/local/bin", POSTGRES_SERVER, NULL, NULL },
        { "/usr/bin", "zstd unzstd zstdcat", NULL, NULL },
        CMDS_END,
    },
    (const struct catalog_user[]){
        { "postgres", 70, 70, "Linux User,,,", "/var/lib/postgresql",
          "/bin/sh" },
        USERS_END,
    },
    (const struct catalog_group[]){
        { "postgres", 70, "postgres" },
        GROUPS_END,
    },
};

/* ----- golang ----------------------------------------------------- */

static const struct catalog_set set_golang = {
    "golang",
    (const struct catalog_file[]){
        PROG("/usr/local/go/bin/go", "go"),
        PROG("/usr/local/go/bin/gofmt", "gofmt"),
        DIRM("/go", 01777),
        DIRM("/go/bin", 01777),
        DIRM("/go/src", 01777),
        FILES_END,
    },
    NULL, NULL, NULL,
};

/* ----- ruby ------------------------------------------------------- */

#define RUBY_SCRIPT(name, what)                                             \
    SCRIPT("/usr/local/bin/" name, name,                                    \
           "#!/usr/local/bin/ruby\n# docksim: " what "\n")

static const struct catalog_set set_ruby = {
    "ruby",
    (const struct catalog_file[]){
        PROG("/usr/local/bin/ruby", "ruby"),
        RUBY_SCRIPT("irb", "irb, the interactive Ruby shell"),
        RUBY_SCRIPT("gem", "RubyGems"),
        RUBY_SCRIPT("bundle", "Bundler"),
        RUBY_SCRIPT("bundler", "Bundler"),
        RUBY_SCRIPT("erb", "ERB templates"),
        RUBY_SCRIPT("rake", "Rake"),
        RUBY_SCRIPT("rdoc", "RDoc"),
        RUBY_SCRIPT("ri", "ri, Ruby documentation"),
        RUBY_SCRIPT("racc", "Racc"),
        TEXT("/usr/local/etc/gemrc", "gem: --no-document\n"),
        DIRM("/usr/local/bundle", 01777),
        FILES_END,
    },
    NULL, NULL, NULL,
};

/* ----- httpd ------------------------------------------------------ */

#define HTTPD_FILES                                                         \
    SCRIPT("/usr/local/bin/httpd-foreground", "httpd-foreground",           \
           "#!/bin/sh\nset -e\n\n"                                          \
           "# docksim: Apache refuses to start over a stale PID file\n"     \
           "rm -f /usr/local/apache2/logs/httpd.pid\n\n"                    \
           "exec httpd -DFOREGROUND \"$@\"\n"),                             \
    SCRIPT("/usr/local/apache2/bin/apachectl", "apachectl",                 \
           "#!/bin/sh\n# docksim: Apache's control script\n"),              \
    TEXT("/usr/local/apache2/htdocs/index.html",                            \
         "<html><body><h1>It works!</h1></body></html>\n"),                 \
    TEXT("/usr/local/apache2/conf/httpd.conf",                              \
         "# docksim: Apache's default configuration (abridged)\n"           \
         "ServerRoot \"/usr/local/apache2\"\nListen 80\n"                   \
         "User www-data\nGroup www-data\n"                                  \
         "DocumentRoot \"/usr/local/apache2/htdocs\"\n"                     \
         "ErrorLog /proc/self/fd/2\n"),                                     \
    DIRM("/usr/local/apache2/logs", 0755),                                  \
    DIRM("/usr/local/apache2/cgi-bin", 0755)

static const struct catalog_cmds httpd_cmds[] = {
    { "/usr/local/apache2/bin",
      "httpd ab checkgid fcgistarter htcacheclean htdbm htdigest htpasswd "
      "httxt2dbm logresolve rotatelogs",
      NULL, NULL },
    CMDS_END,
};

/* chown www-data:www-data "$HTTPD_PREFIX" */
static const struct catalog_set set_httpd = {
    "httpd",
    (const struct catalog_file[]){
        DIRU("/usr/local/apache2", 0755, 33, 33),
        HTTPD_FILES,
        FILES_END,
    },
    httpd_cmds, NULL, NULL,
};

/* adduser -u 82 -D -S -G www-data www-data (the group exists) */
static const struct catalog_set set_httpd_alpine = {
    "httpd:alpine",
    (const struct catalog_file[]){
        DIRU("/usr/local/apache2", 0755, 82, 82),
        HTTPD_FILES,
        DIRU("/home/www-data", 02755, 82, 82),
        FILES_END,
    },
    httpd_cmds,
    (const struct catalog_user[]){
        { "www-data", 82, 82, "Linux User,,,", "/home/www-data",
          "/sbin/nologin" },
        USERS_END,
    },
    NULL,
};

/* ----- mysql ------------------------------------------------------ */

#define MYSQL_ENTRYPOINT                                                    \
    "#!/bin/bash\n"                                                         \
    "set -eo pipefail\n"                                                    \
    "shopt -s nullglob\n"                                                   \
    "\n"                                                                    \
    "# docksim: the official mysql image's entrypoint, summarised.\n"       \
    "# A first argument starting with \"-\" gets mysqld put in front. For\n" \
    "# mysqld it logs \"[Entrypoint]\" notes, re-runs itself as the mysql\n" \
    "# user with gosu when started as root, and on an empty datadir needs\n" \
    "# one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD or\n"         \
    "# MYSQL_RANDOM_ROOT_PASSWORD to initialise it and run the scripts of\n" \
    "# /docker-entrypoint-initdb.d. Then:\n"                                \
    "\n"                                                                    \
    "exec \"$@\"\n"

static const struct catalog_set set_mysql = {
    "mysql",
    (const struct catalog_file[]){
        PROG("/usr/sbin/mysqld", "mysqld"),
        PROG("/usr/local/bin/gosu", "gosu"),
        SCRIPT("/usr/local/bin/docker-entrypoint.sh", "docker-entrypoint:mysql",
               MYSQL_ENTRYPOINT),
        TEXT("/etc/my.cnf",
             "# docksim: MySQL's default configuration (abridged)\n"
             "[mysqld]\nskip-host-cache\nskip-name-resolve\n"
             "datadir=/var/lib/mysql\nsocket=/var/run/mysqld/mysqld.sock\n"
             "secure-file-priv=/var/lib/mysql-files\nuser=mysql\n\n"
             "pid-file=/var/run/mysqld/mysqld.pid\n"
             "[client]\nsocket=/var/run/mysqld/mysqld.sock\n\n"
             "!includedir /etc/mysql/conf.d/\n"),
        DIRM("/etc/mysql/conf.d", 0755),
        DIRM("/docker-entrypoint-initdb.d", 0755),
        DIRU("/var/lib/mysql", 01777, 999, 999),
        DIRU("/var/lib/mysql-files", 0750, 999, 999),
        DIRU("/var/run/mysqld", 01777, 999, 999),
        FILES_END,
    },
    (const struct catalog_cmds[]){
        { "/usr/bin",
          "mysql mysqladmin mysqlbinlog mysqlcheck mysqldump mysqlimport "
          "mysqlshow mysqlslap mysql_config_editor mysql_tzinfo_to_sql "
          "mysqlsh bzip2 bunzip2 gzip openssl xz unxz zstd find xargs",
          NULL, NULL },
        CMDS_END,
    },
    (const struct catalog_user[]){
        { "mysql", 999, 999, "", "/var/lib/mysql", "/bin/bash" },
        USERS_END,
    },
    (const struct catalog_group[]){
        { "mysql", 999, "" },
        GROUPS_END,
    },
};

/* ==================================================================== */
/* Filesystems of whole images                                          */
/* ==================================================================== */

#define FS_TRIXIE &set_debian, &set_trixie_release
#define FS_BOOKWORM &set_debian, &set_bookworm_release
/* buildpack-deps:trixie and :bookworm (python, node, ruby) */
#define FS_BP_TRIXIE                                                        \
    FS_TRIXIE, &set_bp_curl, &set_bp_scm, &set_deb_python313, &set_bp_full
#define FS_BP_BOOKWORM                                                      \
    FS_BOOKWORM, &set_bp_curl, &set_bp_scm, &set_deb_python311, &set_bp_full

/* ==================================================================== */
/* Configs                                                              */
/* ==================================================================== */

#define ENV_DEFAULT LIST(PATH_DEFAULT)

/* ENV PATH /usr/local/bin:$PATH (python) */
#define PATH_PYTHON                                                         \
    "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:"         \
    "/usr/bin:/sbin:/bin"

static const char *const env_python314[] = {
    PATH_PYTHON,
    "PYTHON_VERSION=3.14.7",
    "PYTHON_SHA256=3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406dd286e252c11a66be27f81",
    NULL,
};

/* 3.13 still signs with GPG; LANG is only set below 3.13 */
static const char *const env_python313[] = {
    PATH_PYTHON,
    "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305",
    "PYTHON_VERSION=3.13.15",
    "PYTHON_SHA256=1e66a7945a48390ee4c2a4268a0e4185884059a13c4aab6d148aa208deea4a76",
    NULL,
};

static const char *const env_python312[] = {
    PATH_PYTHON,
    "LANG=C.UTF-8",
    "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305",
    "PYTHON_VERSION=3.12.14",
    "PYTHON_SHA256=5c8462af5790baf43a321a1559dbe0db06d1be4300fb85fb53c40060668e548a",
    NULL,
};

static const char *const env_node26[] = {
    PATH_DEFAULT, "NODE_VERSION=26.7.0", NULL,
};
static const char *const env_node24[] = {
    PATH_DEFAULT, "NODE_VERSION=24.19.0", "YARN_VERSION=1.22.22", NULL,
};
static const char *const env_node22[] = {
    PATH_DEFAULT, "NODE_VERSION=22.23.2", "YARN_VERSION=1.22.22", NULL,
};
static const char *const env_node20[] = {
    PATH_DEFAULT, "NODE_VERSION=20.20.2", "YARN_VERSION=1.22.22", NULL,
};

#define NGINX_DEB_ENV(ver)                                                  \
    LIST(PATH_DEFAULT, "NGINX_VERSION=" ver, "NJS_VERSION=1.0.0",           \
         "NJS_RELEASE=1~trixie", "ACME_VERSION=0.4.1",                      \
         "PKG_RELEASE=1~trixie", "DYNPKG_RELEASE=1~trixie")
/* nginx:alpine is nginx:alpine-slim plus the njs/acme modules */
#define NGINX_ALPINE_ENV(ver)                                               \
    LIST(PATH_DEFAULT, "NGINX_VERSION=" ver, "PKG_RELEASE=1",               \
         "DYNPKG_RELEASE=1", "NJS_VERSION=1.0.0", "NJS_RELEASE=1",          \
         "ACME_VERSION=0.4.1")
#define NGINX_LABELS                                                        \
    LIST("maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>")

#define PG_DEB_ENV(major, version, pgdata)                                  \
    LIST("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:"    \
         "/bin:/usr/lib/postgresql/" major "/bin",                          \
         "GOSU_VERSION=1.19", "LANG=en_US.utf8", "PG_MAJOR=" major,         \
         "PG_VERSION=" version, "PGDATA=" pgdata)

#define GO_ENV(version)                                                     \
    LIST("PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:"   \
         "/usr/sbin:/usr/bin:/sbin:/bin",                                   \
         "GOLANG_VERSION=" version, "GOTOOLCHAIN=local", "GOPATH=/go")

#define RUBY_ENV(major, version, sha)                                       \
    LIST("PATH=/usr/local/bundle/bin:/usr/local/sbin:/usr/local/bin:"       \
         "/usr/sbin:/usr/bin:/sbin:/bin",                                   \
         "LANG=C.UTF-8", "RUBY_VERSION=" version,                           \
         "RUBY_DOWNLOAD_URL=https://cache.ruby-lang.org/pub/ruby/" major    \
         "/ruby-" version ".tar.xz",                                        \
         "RUBY_DOWNLOAD_SHA256=" sha, "GEM_HOME=/usr/local/bundle",         \
         "BUNDLE_SILENCE_ROOT_WARNING=1",                                   \
         "BUNDLE_APP_CONFIG=/usr/local/bundle")
#define RUBY_40_ENV                                                         \
    RUBY_ENV("4.0", "4.0.6",                                                \
             "9c9d121fe3314ea7c801e690b9de981d2b9d12d7849db99c27482468a541ba0a")

static const char *const env_httpd[] = {
    "PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:"
    "/usr/bin:/sbin:/bin",
    "HTTPD_PREFIX=/usr/local/apache2",
    "HTTPD_VERSION=2.4.68",
    "HTTPD_SHA256=68c74d4df38c26bed4dfbdb8f3baf1eb532f3872357becc1bba5d136f6b63c06",
    "HTTPD_PATCHES=",
    NULL,
};

#define MYSQL_ENV(major, version)                                           \
    LIST(PATH_DEFAULT, "GOSU_VERSION=1.19", "MYSQL_MAJOR=" major,           \
         "MYSQL_VERSION=" version "-1.el9",                                 \
         "MYSQL_SHELL_VERSION=" version "-1.el9")

/* The common shapes of rows */
#define NODE_CONFIG(env_)                                                   \
    .entry_script = ES_NODE, .entrypoint = LIST("docker-entrypoint.sh"),    \
    .cmd = LIST("node"), .env = env_

#define NGINX_CONFIG(env_)                                                  \
    .entry_script = ES_NGINX, .entrypoint = LIST("/docker-entrypoint.sh"),  \
    .cmd = LIST("nginx", "-g", "daemon off;"), .env = env_,                 \
    .exposed_ports = LIST("80/tcp"), .stop_signal = "SIGQUIT",              \
    .labels = NGINX_LABELS

#define REDIS_CONFIG(ver)                                                   \
    .entry_script = ES_REDIS, .entrypoint = LIST("docker-entrypoint.sh"),   \
    .cmd = LIST("redis-server"),                                            \
    .env = LIST(PATH_DEFAULT, "REDIS_VERSION=" ver), .working_dir = "/data", \
    .exposed_ports = LIST("6379/tcp")

#define POSTGRES_CONFIG(env_, volume)                                       \
    .entry_script = ES_POSTGRES, .entrypoint = LIST("docker-entrypoint.sh"), \
    .cmd = LIST("postgres"), .env = env_, .exposed_ports = LIST("5432/tcp"), \
    .volumes = LIST(volume), .stop_signal = "SIGINT"

#define MYSQL_CONFIG(env_)                                                  \
    .entry_script = ES_MYSQL, .entrypoint = LIST("docker-entrypoint.sh"),   \
    .cmd = LIST("mysqld"), .env = env_,                                     \
    .exposed_ports = LIST("3306/tcp", "33060/tcp"),                         \
    .volumes = LIST("/var/lib/mysql")

#define HTTPD_CONFIG                                                        \
    .cmd = LIST("httpd-foreground"), .env = env_httpd,                      \
    .working_dir = "/usr/local/apache2", .exposed_ports = LIST("80/tcp"),   \
    .stop_signal = "SIGWINCH"

#define UBUNTU_LABELS(ver)                                                  \
    LIST("org.opencontainers.image.ref.name=ubuntu",                        \
         "org.opencontainers.image.version=" ver)

/* ==================================================================== */
/* The catalogue                                                        */
/* ==================================================================== */

const struct catalog_image catalog[] = {
    /* ----- scratch: FROM scratch (BuildKit gives it the default PATH) */
    {
        .repo = "scratch", .tags = LIST("latest"),
        .resolves_to = "scratch (no layers)", .family = "scratch",
        .sh = SH_NONE, .env = ENV_DEFAULT, .sets = NULL,
        .notes = "The empty image: no files, no shell; FROM scratch only.",
    },

    /* ----- busybox --------------------------------------------------- */
    {
        .repo = "busybox",
        .tags = LIST("latest", "1", "1.38", "1.38.0", "glibc", "1-glibc",
                     "1.38-glibc", "1.38.0-glibc", "musl", "1-musl",
                     "1.38-musl", "1.38.0-musl", "uclibc", "1-uclibc",
                     "1.38-uclibc", "1.38.0-uclibc"),
        .resolves_to = "1.38.0-glibc", .family = "busybox", .sh = SH_ASH,
        .cmd = LIST("sh"), .env = ENV_DEFAULT, .sets = SETS(&set_busybox),
        .notes = "BusyBox alone: one binary provides sh (ash) and ~400 "
                 "commands; no package manager.",
    },
    {
        .repo = "busybox",
        .tags = LIST("stable", "1.37", "1.37.0", "stable-glibc", "1.37-glibc",
                     "1.37.0-glibc", "stable-musl", "1.37-musl", "1.37.0-musl",
                     "stable-uclibc", "1.37-uclibc", "1.37.0-uclibc"),
        .resolves_to = "1.37.0-glibc", .family = "busybox", .sh = SH_ASH,
        .cmd = LIST("sh"), .env = ENV_DEFAULT, .sets = SETS(&set_busybox),
        .notes = "BusyBox 1.37 (the stable series).",
    },
    {
        .repo = "busybox",
        .tags = LIST("1.36", "1.36.1", "1.36-glibc", "1.36.1-glibc",
                     "1.36-musl", "1.36.1-musl", "1.36-uclibc",
                     "1.36.1-uclibc"),
        .resolves_to = "1.36.1-glibc", .family = "busybox", .sh = SH_ASH,
        .cmd = LIST("sh"), .env = ENV_DEFAULT, .sets = SETS(&set_busybox),
        .notes = "BusyBox 1.36.",
    },

    /* ----- alpine ---------------------------------------------------- */
    {
        .repo = "alpine", .tags = LIST("latest", "3", "3.24", "3.24.1"),
        .resolves_to = "3.24.1", .family = "alpine", .sh = SH_ASH,
        .cmd = LIST("/bin/sh"), .env = ENV_DEFAULT,
        .sets = SETS(&set_alpine, &set_alpine_324),
        .notes = "Alpine Linux: musl, BusyBox sh (no bash), apk; wget but no "
                 "curl.",
    },
    {
        .repo = "alpine", .tags = LIST("3.23", "3.23.5"),
        .resolves_to = "3.23.5", .family = "alpine", .sh = SH_ASH,
        .cmd = LIST("/bin/sh"), .env = ENV_DEFAULT,
        .sets = SETS(&set_alpine, &set_alpine_323),
        .notes = "Alpine Linux 3.23.",
    },
    {
        .repo = "alpine", .tags = LIST("3.22", "3.22.5"),
        .resolves_to = "3.22.5", .family = "alpine", .sh = SH_ASH,
        .cmd = LIST("/bin/sh"), .env = ENV_DEFAULT,
        .sets = SETS(&set_alpine, &set_alpine_322),
        .notes = "Alpine Linux 3.22.",
    },
    {
        .repo = "alpine", .tags = LIST("3.21", "3.21.7"),
        .resolves_to = "3.21.7", .family = "alpine", .sh = SH_ASH,
        .cmd = LIST("/bin/sh"), .env = ENV_DEFAULT,
        .sets = SETS(&set_alpine, &set_alpine_321),
        .notes = "Alpine Linux 3.21.",
    },
    {
        .repo = "alpine", .tags = LIST("3.20", "3.20.10"),
        .resolves_to = "3.20.10", .family = "alpine", .sh = SH_ASH,
        .cmd = LIST("/bin/sh"), .env = ENV_DEFAULT,
        .sets = SETS(&set_alpine, &set_alpine_320),
        .notes = "Alpine Linux 3.20 (end of life).",
    },

    /* ----- debian: Entrypoint is an empty array, set ------------------ */
    {
        .repo = "debian", .tags = LIST("latest", "trixie", "13", "13.6",
                                       "stable"),
        .resolves_to = "trixie (13.6)", .family = "debian", .sh = SH_DASH,
        .entrypoint = EMPTY_LIST, .cmd = LIST("bash"), .env = ENV_DEFAULT,
        .sets = SETS(FS_TRIXIE),
        .notes = "Debian 13: /bin/sh is dash, bash is there; no ps, curl or "
                 "wget until apt-get install.",
    },
    {
        .repo = "debian", .tags = LIST("trixie-slim", "13-slim", "13.6-slim",
                                       "stable-slim"),
        .resolves_to = "trixie-slim (13.6)", .family = "debian",
        .sh = SH_DASH, .entrypoint = EMPTY_LIST, .cmd = LIST("bash"),
        .env = ENV_DEFAULT, .sets = SETS(FS_TRIXIE),
        .notes = "Debian 13 without docs, man pages and locales; the same "
                 "commands.",
    },
    {
        .repo = "debian", .tags = LIST("bookworm", "12", "oldstable"),
        .resolves_to = "bookworm (12.15)", .family = "debian", .sh = SH_DASH,
        .entrypoint = EMPTY_LIST, .cmd = LIST("bash"), .env = ENV_DEFAULT,
        .sets = SETS(FS_BOOKWORM),
        .notes = "Debian 12.",
    },
    {
        .repo = "debian", .tags = LIST("bookworm-slim", "12-slim",
                                       "oldstable-slim"),
        .resolves_to = "bookworm-slim (12.15)", .family = "debian",
        .sh = SH_DASH, .entrypoint = EMPTY_LIST, .cmd = LIST("bash"),
        .env = ENV_DEFAULT, .sets = SETS(FS_BOOKWORM),
        .notes = "Debian 12, slim.",
    },

    /* ----- ubuntu ---------------------------------------------------- */
    {
        .repo = "ubuntu", .tags = LIST("latest", "26.04", "resolute",
                                       "rolling"),
        .resolves_to = "26.04 (resolute)", .family = "ubuntu", .sh = SH_DASH,
        .cmd = LIST("/bin/bash"), .env = ENV_DEFAULT,
        .labels = UBUNTU_LABELS("26.04"),
        .sets = SETS(&set_ubuntu, &set_ubuntu2604_release, &set_ubuntu_home),
        .notes = "Ubuntu 26.04 LTS: dash as /bin/sh, bash, apt; has a "
                 "default user ubuntu (uid 1000).",
    },
    {
        .repo = "ubuntu", .tags = LIST("24.04", "noble"),
        .resolves_to = "24.04 (noble)", .family = "ubuntu", .sh = SH_DASH,
        .cmd = LIST("/bin/bash"), .env = ENV_DEFAULT,
        .labels = UBUNTU_LABELS("24.04"),
        .sets = SETS(&set_ubuntu, &set_ubuntu2404_release, &set_ubuntu_home),
        .notes = "Ubuntu 24.04 LTS.",
    },
    {
        .repo = "ubuntu", .tags = LIST("22.04", "jammy"),
        .resolves_to = "22.04 (jammy)", .family = "ubuntu", .sh = SH_DASH,
        .cmd = LIST("/bin/bash"), .env = ENV_DEFAULT,
        .labels = UBUNTU_LABELS("22.04"),
        .sets = SETS(&set_ubuntu2204_base, &set_ubuntu2204),
        .notes = "Ubuntu 22.04 LTS (no ubuntu user yet).",
    },

    /* ----- python ---------------------------------------------------- */
    {
        .repo = "python",
        .tags = LIST("latest", "3", "3.14", "3.14.7", "trixie", "3-trixie",
                     "3.14-trixie", "3.14.7-trixie"),
        .resolves_to = "3.14.7-trixie", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("python3"), .env = env_python314,
        .sets = SETS(FS_BP_TRIXIE, &set_python314),
        .notes = "Python on buildpack-deps: compilers, git, curl; CMD python3 "
                 "(a REPL that exits at once without -it).",
    },
    {
        .repo = "python",
        .tags = LIST("slim", "3-slim", "3.14-slim", "3.14.7-slim",
                     "slim-trixie", "3-slim-trixie", "3.14-slim-trixie",
                     "3.14.7-slim-trixie"),
        .resolves_to = "3.14.7-slim-trixie", .family = "debian",
        .sh = SH_DASH, .cmd = LIST("python3"), .env = env_python314,
        .sets = SETS(FS_TRIXIE, &set_python314),
        .notes = "Python on debian:trixie-slim: no compilers, no curl.",
    },
    {
        .repo = "python",
        .tags = LIST("alpine", "3-alpine", "3.14-alpine", "3.14.7-alpine",
                     "alpine3.24", "3-alpine3.24", "3.14-alpine3.24",
                     "3.14.7-alpine3.24"),
        .resolves_to = "3.14.7-alpine3.24", .family = "alpine", .sh = SH_ASH,
        .cmd = LIST("python3"), .env = env_python314,
        .sets = SETS(&set_alpine, &set_alpine_324, &set_python314),
        .notes = "Python on Alpine: ash, no bash; musl wheels only.",
    },
    {
        .repo = "python",
        .tags = LIST("bookworm", "3-bookworm", "3.14-bookworm",
                     "3.14.7-bookworm"),
        .resolves_to = "3.14.7-bookworm", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("python3"), .env = env_python314,
        .sets = SETS(FS_BP_BOOKWORM, &set_python314),
        .notes = "Python 3.14 on buildpack-deps:bookworm.",
    },
    {
        .repo = "python",
        .tags = LIST("slim-bookworm", "3-slim-bookworm", "3.14-slim-bookworm",
                     "3.14.7-slim-bookworm"),
        .resolves_to = "3.14.7-slim-bookworm", .family = "debian",
        .sh = SH_DASH, .cmd = LIST("python3"), .env = env_python314,
        .sets = SETS(FS_BOOKWORM, &set_python314),
        .notes = "Python 3.14 on debian:bookworm-slim.",
    },
    {
        .repo = "python",
        .tags = LIST("3.13", "3.13.15", "3.13-trixie", "3.13.15-trixie"),
        .resolves_to = "3.13.15-trixie", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("python3"), .env = env_python313,
        .sets = SETS(FS_BP_TRIXIE, &set_python313),
        .notes = "Python 3.13.",
    },
    {
        .repo = "python",
        .tags = LIST("3.13-slim", "3.13.15-slim", "3.13-slim-trixie",
                     "3.13.15-slim-trixie"),
        .resolves_to = "3.13.15-slim-trixie", .family = "debian",
        .sh = SH_DASH, .cmd = LIST("python3"), .env = env_python313,
        .sets = SETS(FS_TRIXIE, &set_python313),
        .notes = "Python 3.13, slim.",
    },
    {
        .repo = "python",
        .tags = LIST("3.13-alpine", "3.13.15-alpine", "3.13-alpine3.24",
                     "3.13.15-alpine3.24"),
        .resolves_to = "3.13.15-alpine3.24", .family = "alpine", .sh = SH_ASH,
        .cmd = LIST("python3"), .env = env_python313,
        .sets = SETS(&set_alpine, &set_alpine_324, &set_python313),
        .notes = "Python 3.13 on Alpine.",
    },
    {
        .repo = "python",
        .tags = LIST("3.13-bookworm", "3.13.15-bookworm"),
        .resolves_to = "3.13.15-bookworm", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("python3"), .env = env_python313,
        .sets = SETS(FS_BP_BOOKWORM, &set_python313),
        .notes = "Python 3.13 on buildpack-deps:bookworm.",
    },
    {
        .repo = "python",
        .tags = LIST("3.13-slim-bookworm", "3.13.15-slim-bookworm"),
        .resolves_to = "3.13.15-slim-bookworm", .family = "debian",
        .sh = SH_DASH, .cmd = LIST("python3"), .env = env_python313,
        .sets = SETS(FS_BOOKWORM, &set_python313),
        .notes = "Python 3.13 on debian:bookworm-slim.",
    },
    {
        .repo = "python",
        .tags = LIST("3.12", "3.12.14", "3.12-trixie", "3.12.14-trixie"),
        .resolves_to = "3.12.14-trixie", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("python3"), .env = env_python312,
        .sets = SETS(FS_BP_TRIXIE, &set_python312),
        .notes = "Python 3.12 (LANG=C.UTF-8 is still set below 3.13).",
    },
    {
        .repo = "python",
        .tags = LIST("3.12-slim", "3.12.14-slim", "3.12-slim-trixie",
                     "3.12.14-slim-trixie"),
        .resolves_to = "3.12.14-slim-trixie", .family = "debian",
        .sh = SH_DASH, .cmd = LIST("python3"), .env = env_python312,
        .sets = SETS(FS_TRIXIE, &set_python312),
        .notes = "Python 3.12, slim.",
    },
    {
        .repo = "python",
        .tags = LIST("3.12-alpine", "3.12.14-alpine", "3.12-alpine3.24",
                     "3.12.14-alpine3.24"),
        .resolves_to = "3.12.14-alpine3.24", .family = "alpine", .sh = SH_ASH,
        .cmd = LIST("python3"), .env = env_python312,
        .sets = SETS(&set_alpine, &set_alpine_324, &set_python312),
        .notes = "Python 3.12 on Alpine.",
    },
    {
        .repo = "python",
        .tags = LIST("3.12-bookworm", "3.12.14-bookworm"),
        .resolves_to = "3.12.14-bookworm", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("python3"), .env = env_python312,
        .sets = SETS(FS_BP_BOOKWORM, &set_python312),
        .notes = "Python 3.12 on buildpack-deps:bookworm.",
    },
    {
        .repo = "python",
        .tags = LIST("3.12-slim-bookworm", "3.12.14-slim-bookworm"),
        .resolves_to = "3.12.14-slim-bookworm", .family = "debian",
        .sh = SH_DASH, .cmd = LIST("python3"), .env = env_python312,
        .sets = SETS(FS_BOOKWORM, &set_python312),
        .notes = "Python 3.12 on debian:bookworm-slim.",
    },

    /* ----- node: ENTRYPOINT docker-entrypoint.sh, CMD node ------------ */
    {
        .repo = "node",
        .tags = LIST("latest", "current", "26", "26.7", "26.7.0", "trixie",
                     "current-trixie", "26-trixie", "26.7-trixie",
                     "26.7.0-trixie"),
        .resolves_to = "26.7.0-trixie", .family = "debian", .sh = SH_DASH,
        NODE_CONFIG(env_node26),
        .sets = SETS(FS_BP_TRIXIE, &set_node, &set_node_user),
        .notes = "Node.js 26 on buildpack-deps (no Yarn or corepack since "
                 "Node 25); user node (1000).",
    },
    {
        .repo = "node",
        .tags = LIST("slim", "current-slim", "26-slim", "26.7-slim",
                     "26.7.0-slim", "trixie-slim", "current-trixie-slim",
                     "26-trixie-slim", "26.7-trixie-slim",
                     "26.7.0-trixie-slim"),
        .resolves_to = "26.7.0-trixie-slim", .family = "debian",
        .sh = SH_DASH, NODE_CONFIG(env_node26),
        .sets = SETS(FS_TRIXIE, &set_node, &set_node_user),
        .notes = "Node.js 26 on debian:trixie-slim.",
    },
    {
        .repo = "node",
        .tags = LIST("alpine", "current-alpine", "26-alpine", "26.7-alpine",
                     "26.7.0-alpine", "alpine3.24", "current-alpine3.24",
                     "26-alpine3.24", "26.7-alpine3.24", "26.7.0-alpine3.24"),
        .resolves_to = "26.7.0-alpine3.24", .family = "alpine", .sh = SH_ASH,
        NODE_CONFIG(env_node26),
        .sets = SETS(&set_alpine, &set_alpine_324, &set_node,
                     &set_node_user_alpine),
        .notes = "Node.js 26 on Alpine: ash, no bash.",
    },
    {
        .repo = "node",
        .tags = LIST("lts", "krypton", "24", "24.19", "24.19.0", "lts-trixie",
                     "krypton-trixie", "24-trixie", "24.19-trixie",
                     "24.19.0-trixie"),
        .resolves_to = "24.19.0-trixie", .family = "debian", .sh = SH_DASH,
        NODE_CONFIG(env_node24),
        .sets = SETS(FS_BP_TRIXIE, &set_node, &set_node_yarn, &set_node_user),
        .notes = "Node.js 24 LTS with Yarn 1.22.22.",
    },
    {
        .repo = "node",
        .tags = LIST("lts-slim", "krypton-slim", "24-slim", "24.19-slim",
                     "24.19.0-slim", "lts-trixie-slim", "krypton-trixie-slim",
                     "24-trixie-slim", "24.19-trixie-slim",
                     "24.19.0-trixie-slim"),
        .resolves_to = "24.19.0-trixie-slim", .family = "debian",
        .sh = SH_DASH, NODE_CONFIG(env_node24),
        .sets = SETS(FS_TRIXIE, &set_node, &set_node_yarn, &set_node_user),
        .notes = "Node.js 24 LTS, slim.",
    },
    {
        .repo = "node",
        .tags = LIST("lts-alpine", "krypton-alpine", "24-alpine",
                     "24.19-alpine", "24.19.0-alpine", "lts-alpine3.24",
                     "krypton-alpine3.24", "24-alpine3.24",
                     "24.19-alpine3.24", "24.19.0-alpine3.24"),
        .resolves_to = "24.19.0-alpine3.24", .family = "alpine", .sh = SH_ASH,
        NODE_CONFIG(env_node24),
        .sets = SETS(&set_alpine, &set_alpine_324, &set_node, &set_node_yarn,
                     &set_node_user_alpine),
        .notes = "Node.js 24 LTS on Alpine.",
    },
    {
        .repo = "node",
        .tags = LIST("jod", "22", "22.23", "22.23.2", "jod-trixie",
                     "22-trixie", "22.23-trixie", "22.23.2-trixie"),
        .resolves_to = "22.23.2-trixie", .family = "debian", .sh = SH_DASH,
        NODE_CONFIG(env_node22),
        .sets = SETS(FS_BP_TRIXIE, &set_node, &set_node_yarn, &set_node_user),
        .notes = "Node.js 22 (maintenance LTS).",
    },
    {
        .repo = "node",
        .tags = LIST("jod-slim", "22-slim", "22.23-slim", "22.23.2-slim",
                     "jod-trixie-slim", "22-trixie-slim", "22.23-trixie-slim",
                     "22.23.2-trixie-slim"),
        .resolves_to = "22.23.2-trixie-slim", .family = "debian",
        .sh = SH_DASH, NODE_CONFIG(env_node22),
        .sets = SETS(FS_TRIXIE, &set_node, &set_node_yarn, &set_node_user),
        .notes = "Node.js 22, slim.",
    },
    {
        .repo = "node",
        .tags = LIST("jod-alpine", "22-alpine", "22.23-alpine",
                     "22.23.2-alpine", "jod-alpine3.24", "22-alpine3.24",
                     "22.23-alpine3.24", "22.23.2-alpine3.24"),
        .resolves_to = "22.23.2-alpine3.24", .family = "alpine", .sh = SH_ASH,
        NODE_CONFIG(env_node22),
        .sets = SETS(&set_alpine, &set_alpine_324, &set_node, &set_node_yarn,
                     &set_node_user_alpine),
        .notes = "Node.js 22 on Alpine.",
    },
    {
        .repo = "node",
        .tags = LIST("iron", "20", "20.20", "20.20.2", "iron-bookworm",
                     "20-bookworm", "20.20-bookworm", "20.20.2-bookworm"),
        .resolves_to = "20.20.2-bookworm", .family = "debian", .sh = SH_DASH,
        NODE_CONFIG(env_node20),
        .sets = SETS(FS_BP_BOOKWORM, &set_node, &set_node_yarn,
                     &set_node_user),
        .notes = "Node.js 20 (end of life since April 2026).",
    },
    {
        .repo = "node",
        .tags = LIST("iron-slim", "20-slim", "20.20-slim", "20.20.2-slim",
                     "iron-bookworm-slim", "20-bookworm-slim",
                     "20.20-bookworm-slim", "20.20.2-bookworm-slim"),
        .resolves_to = "20.20.2-bookworm-slim", .family = "debian",
        .sh = SH_DASH, NODE_CONFIG(env_node20),
        .sets = SETS(FS_BOOKWORM, &set_node, &set_node_yarn, &set_node_user),
        .notes = "Node.js 20, slim.",
    },
    {
        .repo = "node",
        .tags = LIST("iron-alpine", "20-alpine", "20.20-alpine",
                     "20.20.2-alpine", "iron-alpine3.23", "20-alpine3.23",
                     "20.20-alpine3.23", "20.20.2-alpine3.23"),
        .resolves_to = "20.20.2-alpine3.23", .family = "alpine", .sh = SH_ASH,
        NODE_CONFIG(env_node20),
        .sets = SETS(&set_alpine, &set_alpine_323, &set_node, &set_node_yarn,
                     &set_node_user_alpine),
        .notes = "Node.js 20 on Alpine: ash, no bash.",
    },

    /* ----- nginx ----------------------------------------------------- */
    {
        .repo = "nginx",
        .tags = LIST("latest", "mainline", "1", "1.31", "1.31.4", "trixie",
                     "mainline-trixie", "1-trixie", "1.31-trixie",
                     "1.31.4-trixie"),
        .resolves_to = "1.31.4-trixie", .family = "debian", .sh = SH_DASH,
        NGINX_CONFIG(NGINX_DEB_ENV("1.31.4")),
        .sets = SETS(FS_TRIXIE, &set_nginx),
        .notes = "nginx (mainline) on debian:trixie-slim; STOPSIGNAL SIGQUIT "
                 "for a graceful stop.",
    },
    {
        .repo = "nginx",
        .tags = LIST("alpine", "mainline-alpine", "1-alpine", "1.31-alpine",
                     "1.31.4-alpine", "alpine3.24", "mainline-alpine3.24",
                     "1-alpine3.24", "1.31-alpine3.24", "1.31.4-alpine3.24"),
        .resolves_to = "1.31.4-alpine3.24", .family = "alpine", .sh = SH_ASH,
        NGINX_CONFIG(NGINX_ALPINE_ENV("1.31.4")),
        .sets = SETS(&set_alpine, &set_alpine_324, &set_nginx_alpine),
        .notes = "nginx (mainline) on Alpine.",
    },
    {
        .repo = "nginx",
        .tags = LIST("stable", "1.30", "1.30.4", "stable-trixie",
                     "1.30-trixie", "1.30.4-trixie"),
        .resolves_to = "1.30.4-trixie", .family = "debian", .sh = SH_DASH,
        NGINX_CONFIG(NGINX_DEB_ENV("1.30.4")),
        .sets = SETS(FS_TRIXIE, &set_nginx),
        .notes = "nginx (stable branch).",
    },
    {
        .repo = "nginx",
        .tags = LIST("stable-alpine", "1.30-alpine", "1.30.4-alpine",
                     "stable-alpine3.24", "1.30-alpine3.24",
                     "1.30.4-alpine3.24"),
        .resolves_to = "1.30.4-alpine3.24", .family = "alpine", .sh = SH_ASH,
        NGINX_CONFIG(NGINX_ALPINE_ENV("1.30.4")),
        .sets = SETS(&set_alpine, &set_alpine_324, &set_nginx_alpine),
        .notes = "nginx (stable branch) on Alpine.",
    },

    /* ----- redis ----------------------------------------------------- */
    {
        .repo = "redis",
        .tags = LIST("latest", "8", "8.10", "8.10.1", "trixie", "8-trixie",
                     "8.10-trixie", "8.10.1-trixie"),
        .resolves_to = "8.10.1-trixie", .family = "debian", .sh = SH_DASH,
        REDIS_CONFIG("8.10.1"),
        .sets = SETS(FS_TRIXIE, &set_redis8),
        .notes = "Redis 8: no VOLUME any more; the entrypoint drops to user "
                 "redis with setpriv.",
    },
    {
        .repo = "redis",
        .tags = LIST("alpine", "8-alpine", "8.10-alpine", "8.10.1-alpine",
                     "alpine3.23", "8-alpine3.23", "8.10-alpine3.23",
                     "8.10.1-alpine3.23"),
        .resolves_to = "8.10.1-alpine3.23", .family = "alpine", .sh = SH_ASH,
        REDIS_CONFIG("8.10.1"),
        .sets = SETS(&set_alpine, &set_alpine_323, &set_redis_alpine),
        .notes = "Redis 8 on Alpine.",
    },
    {
        .repo = "redis",
        .tags = LIST("7", "7.4", "7.4.9", "7-bookworm", "7.4-bookworm",
                     "7.4.9-bookworm"),
        .resolves_to = "7.4.9-bookworm", .family = "debian", .sh = SH_DASH,
        REDIS_CONFIG("7.4.9"), .volumes = LIST("/data"),
        .sets = SETS(FS_BOOKWORM, &set_redis7),
        .notes = "Redis 7.4: VOLUME /data (older 7.x builds switched user "
                 "with gosu).",
    },

    /* ----- postgres -------------------------------------------------- */
    {
        .repo = "postgres",
        .tags = LIST("latest", "18", "18.6", "trixie", "18-trixie",
                     "18.6-trixie"),
        .resolves_to = "18.6-trixie", .family = "debian", .sh = SH_DASH,
        POSTGRES_CONFIG(PG_DEB_ENV("18", "18.6-1.pgdg13+2",
                                   "/var/lib/postgresql/18/docker"),
                        "/var/lib/postgresql"),
        .sets = SETS(FS_TRIXIE, &set_postgres_tools, &set_postgres18),
        .notes = "PostgreSQL 18: needs POSTGRES_PASSWORD on first start; data "
                 "in /var/lib/postgresql/18/docker.",
    },
    {
        .repo = "postgres",
        .tags = LIST("alpine", "18-alpine", "18.6-alpine", "alpine3.24",
                     "18-alpine3.24", "18.6-alpine3.24"),
        .resolves_to = "18.6-alpine3.24", .family = "alpine", .sh = SH_ASH,
        POSTGRES_CONFIG(
            LIST(PATH_DEFAULT, "GOSU_VERSION=1.19", "LANG=en_US.utf8",
                 "PG_MAJOR=18", "PG_VERSION=18.6",
                 "PG_SHA256=555610c24d53e4316da5b7d3fc25c279d96856d5e0e23ee308"
                 "c328c5fa881d9f",
                 "DOCKER_PG_LLVM_DEPS=llvm21-dev \t\tclang21",
                 "PGDATA=/var/lib/postgresql/18/docker"),
            "/var/lib/postgresql"),
        .sets = SETS(&set_alpine, &set_alpine_324, &set_postgres18_alpine),
        .notes = "PostgreSQL 18 on Alpine (postgres is uid 70 here).",
    },
    {
        .repo = "postgres",
        .tags = LIST("17", "17.11", "17-trixie", "17.11-trixie"),
        .resolves_to = "17.11-trixie", .family = "debian", .sh = SH_DASH,
        POSTGRES_CONFIG(PG_DEB_ENV("17", "17.11-1.pgdg13+2",
                                   "/var/lib/postgresql/data"),
                        "/var/lib/postgresql/data"),
        .sets = SETS(FS_TRIXIE, &set_postgres_tools, &set_postgres17),
        .notes = "PostgreSQL 17: PGDATA and VOLUME /var/lib/postgresql/data.",
    },
    {
        .repo = "postgres",
        .tags = LIST("16", "16.15", "16-trixie", "16.15-trixie"),
        .resolves_to = "16.15-trixie", .family = "debian", .sh = SH_DASH,
        POSTGRES_CONFIG(PG_DEB_ENV("16", "16.15-1.pgdg13+2",
                                   "/var/lib/postgresql/data"),
                        "/var/lib/postgresql/data"),
        .sets = SETS(FS_TRIXIE, &set_postgres_tools, &set_postgres16),
        .notes = "PostgreSQL 16.",
    },

    /* ----- golang: no CMD of its own, bash comes from debian ----------- */
    {
        .repo = "golang",
        .tags = LIST("latest", "1", "1.27", "1.27.0", "trixie", "1-trixie",
                     "1.27-trixie", "1.27.0-trixie"),
        .resolves_to = "1.27.0-trixie", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("bash"), .env = GO_ENV("1.27.0"), .working_dir = "/go",
        .sets = SETS(FS_TRIXIE, &set_bp_curl, &set_bp_scm, &set_deb_python313,
                     &set_go_toolchain, &set_golang),
        .notes = "Go on buildpack-deps:trixie-scm; CMD [\"bash\"] is inherited "
                 "from debian.",
    },
    {
        .repo = "golang",
        .tags = LIST("alpine", "1-alpine", "1.27-alpine", "1.27.0-alpine",
                     "alpine3.24", "1-alpine3.24", "1.27-alpine3.24",
                     "1.27.0-alpine3.24"),
        .resolves_to = "1.27.0-alpine3.24", .family = "alpine", .sh = SH_ASH,
        .cmd = LIST("/bin/sh"), .env = GO_ENV("1.27.0"), .working_dir = "/go",
        .sets = SETS(&set_alpine, &set_alpine_324, &set_golang),
        .notes = "Go on Alpine; CMD [\"/bin/sh\"] is inherited from alpine.",
    },
    {
        .repo = "golang",
        .tags = LIST("1.26", "1.26.7", "1.26-trixie", "1.26.7-trixie"),
        .resolves_to = "1.26.7-trixie", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("bash"), .env = GO_ENV("1.26.7"), .working_dir = "/go",
        .sets = SETS(FS_TRIXIE, &set_bp_curl, &set_bp_scm, &set_deb_python313,
                     &set_go_toolchain, &set_golang),
        .notes = "Go 1.26.",
    },
    {
        .repo = "golang",
        .tags = LIST("1.22", "1.22.12", "1.22-bookworm", "1.22.12-bookworm"),
        .resolves_to = "1.22.12-bookworm", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("bash"), .env = GO_ENV("1.22.12"), .working_dir = "/go",
        .sets = SETS(FS_BOOKWORM, &set_bp_curl, &set_bp_scm,
                     &set_deb_python311, &set_go_toolchain, &set_golang),
        .notes = "Go 1.22 (end of life).",
    },

    /* ----- ruby ------------------------------------------------------ */
    {
        .repo = "ruby",
        .tags = LIST("latest", "4", "4.0", "4.0.6", "trixie", "4-trixie",
                     "4.0-trixie", "4.0.6-trixie"),
        .resolves_to = "4.0.6-trixie", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("irb"), .env = RUBY_40_ENV,
        .sets = SETS(FS_BP_TRIXIE, &set_ruby),
        .notes = "Ruby on buildpack-deps; CMD irb; rails is not installed.",
    },
    {
        .repo = "ruby",
        .tags = LIST("slim", "4-slim", "4.0-slim", "4.0.6-slim", "slim-trixie",
                     "4-slim-trixie", "4.0-slim-trixie", "4.0.6-slim-trixie"),
        .resolves_to = "4.0.6-slim-trixie", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("irb"), .env = RUBY_40_ENV,
        .sets = SETS(FS_TRIXIE, &set_ruby),
        .notes = "Ruby 4.0 on debian:trixie-slim.",
    },
    {
        .repo = "ruby",
        .tags = LIST("alpine", "4-alpine", "4.0-alpine", "4.0.6-alpine",
                     "alpine3.24", "4-alpine3.24", "4.0-alpine3.24",
                     "4.0.6-alpine3.24"),
        .resolves_to = "4.0.6-alpine3.24", .family = "alpine", .sh = SH_ASH,
        .cmd = LIST("irb"), .env = RUBY_40_ENV,
        .sets = SETS(&set_alpine, &set_alpine_324, &set_ruby),
        .notes = "Ruby 4.0 on Alpine.",
    },
    {
        .repo = "ruby",
        .tags = LIST("3", "3.4", "3.4.10", "3-trixie", "3.4-trixie",
                     "3.4.10-trixie"),
        .resolves_to = "3.4.10-trixie", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("irb"),
        .env = RUBY_ENV("3.4", "3.4.10",
                        "6f32ad662baafc228d12030dbcd284f83b034dd4337b300dc84a"
                        "c74d11a1eb68"),
        .sets = SETS(FS_BP_TRIXIE, &set_ruby),
        .notes = "Ruby 3.4.",
    },
    {
        .repo = "ruby",
        .tags = LIST("3.3", "3.3.11", "3.3-trixie", "3.3.11-trixie"),
        .resolves_to = "3.3.11-trixie", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("irb"),
        .env = RUBY_ENV("3.3", "3.3.11",
                        "9116bb2e313203bd78cd3e8dc09284d34b2645f725877623a718"
                        "5bf3807c8ca3"),
        .sets = SETS(FS_BP_TRIXIE, &set_ruby),
        .notes = "Ruby 3.3.",
    },
    {
        .repo = "ruby",
        .tags = LIST("3.2", "3.2.9", "3.2-trixie", "3.2.9-trixie"),
        .resolves_to = "3.2.9-trixie", .family = "debian", .sh = SH_DASH,
        .cmd = LIST("irb"),
        .env = RUBY_ENV("3.2", "3.2.9",
                        "cf6699d0084c588e7944d92e1a8edda28b1cc3ee471a1f0aebb4"
                        "b3d32c9753b2"),
        .sets = SETS(FS_BP_TRIXIE, &set_ruby),
        .notes = "Ruby 3.2 (end of life).",
    },

    /* ----- httpd ----------------------------------------------------- */
    {
        .repo = "httpd",
        .tags = LIST("latest", "2", "2.4", "2.4.68", "trixie", "2-trixie",
                     "2.4-trixie", "2.4.68-trixie"),
        .resolves_to = "2.4.68-trixie", .family = "debian", .sh = SH_DASH,
        HTTPD_CONFIG, .sets = SETS(FS_TRIXIE, &set_httpd),
        .notes = "Apache httpd; CMD httpd-foreground; STOPSIGNAL SIGWINCH "
                 "(graceful stop).",
    },
    {
        .repo = "httpd",
        .tags = LIST("alpine", "2-alpine", "2.4-alpine", "2.4.68-alpine",
                     "alpine3.24", "2-alpine3.24", "2.4-alpine3.24",
                     "2.4.68-alpine3.24"),
        .resolves_to = "2.4.68-alpine3.24", .family = "alpine", .sh = SH_ASH,
        HTTPD_CONFIG,
        .sets = SETS(&set_alpine, &set_alpine_324, &set_httpd_alpine),
        .notes = "Apache httpd on Alpine.",
    },

    /* ----- mysql (Oracle Linux 9: bash is /bin/sh) --------------------- */
    {
        .repo = "mysql",
        .tags = LIST("latest", "innovation", "26", "26.7", "26.7.0",
                     "oraclelinux9", "innovation-oraclelinux9",
                     "26-oraclelinux9", "26.7-oraclelinux9",
                     "26.7.0-oraclelinux9"),
        .resolves_to = "26.7.0-oraclelinux9", .family = "oraclelinux",
        .sh = SH_BASH, MYSQL_CONFIG(MYSQL_ENV("innovation", "26.7.0")),
        .sets = SETS(&set_oraclelinux9, &set_mysql),
        .notes = "MySQL (innovation track) on oraclelinux:9-slim; needs "
                 "MYSQL_ROOT_PASSWORD (or an alternative) on first start.",
    },
    {
        .repo = "mysql",
        .tags = LIST("lts", "8", "8.4", "8.4.10", "lts-oraclelinux9",
                     "8-oraclelinux9", "8.4-oraclelinux9",
                     "8.4.10-oraclelinux9"),
        .resolves_to = "8.4.10-oraclelinux9", .family = "oraclelinux",
        .sh = SH_BASH, MYSQL_CONFIG(MYSQL_ENV("8.4", "8.4.10")),
        .sets = SETS(&set_oraclelinux9, &set_mysql),
        .notes = "MySQL 8.4 LTS.",
    },
    {
        .repo = "mysql",
        .tags = LIST("8.0", "8.0.45", "8.0-oraclelinux9",
                     "8.0.45-oraclelinux9"),
        .resolves_to = "8.0.45-oraclelinux9", .family = "oraclelinux",
        .sh = SH_BASH, MYSQL_CONFIG(MYSQL_ENV("8.0", "8.0.45")),
        .sets = SETS(&set_oraclelinux9, &set_mysql),
        .notes = "MySQL 8.0 (end of life).",
    },
};

const size_t catalog_len = sizeof(catalog) / sizeof(catalog[0]);

/* ==================================================================== */
/* Lookups                                                              */
/* ==================================================================== */

static bool is_tag_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* distribution/reference's tag: [\w][\w.-]{0,127} */
static bool valid_tag(const char *t, size_t len)
{
    if (len == 0 || len > 128 || t[0] == '.' || t[0] == '-')
        return false;
    for (size_t i = 0; i < len; i++)
        if (!is_tag_char(t[i]))
            return false;
    return true;
}

/* A path component: [a-z0-9]+ separated by ".", "_", "__" or "-"s. */
static bool valid_component(const char *c, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++) {
        char ch = c[i];
        bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (alnum)
            continue;
        if (ch != '.' && ch != '_' && ch != '-')
            return false;
        if (i == 0 || i + 1 == len)
            return false;
    }
    return true;
}

/*
 * Docker Hub's official images only: "[docker.io/|index.docker.io/]
 * [library/]NAME[:TAG]". Another registry (a first component with '.'
 * or ':' or "localhost"), another namespace, a digest or an invalid name
 * is not in the catalogue.
 */
const struct catalog_image *catalog_find(const char *ref)
{
    const char *p = ref;
    const char *slash = strchr(p, '/');

    if (!ref || !*ref || strchr(ref, '@'))
        return NULL;
    if (slash) {
        size_t dlen = (size_t)(slash - p);
        bool is_domain = memchr(p, '.', dlen) || memchr(p, ':', dlen) ||
                         (dlen == 9 && memcmp(p, "localhost", 9) == 0);
        if (is_domain) {
            if (!((dlen == 9 && memcmp(p, "docker.io", 9) == 0) ||
                  (dlen == 15 && memcmp(p, "index.docker.io", 15) == 0)))
                return NULL;
            p = slash + 1;
        }
        if (strncmp(p, "library/", 8) == 0)
            p += 8;
        if (strchr(p, '/'))
            return NULL; /* a user namespace: never an official image */
    }

    const char *colon = strchr(p, ':');
    size_t nlen = colon ? (size_t)(colon - p) : strlen(p);
    const char *tag = colon ? colon + 1 : "latest";
    size_t tlen = strlen(tag);
    if (!valid_component(p, nlen) || !valid_tag(tag, tlen))
        return NULL;

    for (size_t i = 0; i < catalog_len; i++) {
        const struct catalog_image *img = &catalog[i];
        if (strlen(img->repo) != nlen || memcmp(img->repo, p, nlen) != 0)
            continue;
        for (const char *const *t = img->tags; *t; t++)
            if (strcmp(*t, tag) == 0)
                return img;
    }
    return NULL;
}

void catalog_config(const struct catalog_image *img, struct image_config *c)
{
    if (img->entrypoint) {
        strlist_set_empty(&c->entrypoint);
        for (const char *const *s = img->entrypoint; *s; s++)
            strlist_push(&c->entrypoint, *s);
    }
    if (img->cmd) {
        strlist_set_empty(&c->cmd);
        for (const char *const *s = img->cmd; *s; s++)
            strlist_push(&c->cmd, *s);
    }
    if (img->env) {
        strlist_release(&c->env);
        for (const char *const *s = img->env; *s; s++)
            strlist_push(&c->env, *s);
    }
    if (img->working_dir)
        image_config_set_str(&c->working_dir, img->working_dir);
    if (img->user)
        image_config_set_str(&c->user, img->user);
    if (img->exposed_ports)
        for (const char *const *s = img->exposed_ports; *s; s++)
            strlist_add_sorted(&c->exposed_ports, *s);
    if (img->volumes)
        for (const char *const *s = img->volumes; *s; s++)
            strlist_add_sorted(&c->volumes, *s);
    if (img->stop_signal)
        image_config_set_str(&c->stop_signal, img->stop_signal);
    if (img->labels) {
        for (const char *const *s = img->labels; *s; s++) {
            const char *eq = strchr(*s, '=');
            char *key = xmemdup0(*s, eq ? (size_t)(eq - *s) : strlen(*s));
            image_config_set_label(c, key, eq ? eq + 1 : "");
            free(key);
        }
    }
}

/* ==================================================================== */
/* Filesystems                                                          */
/* ==================================================================== */

static void apply_file(struct vfs *fs, const struct catalog_file *f)
{
    struct vfs_entry *e;

    switch (f->type) {
    case CF_DIR:
        e = vfs_put(fs, f->path, VFS_DIR, f->mode ? f->mode : 0755);
        e->uid = f->uid;
        e->gid = f->gid;
        break;
    case CF_LINK:
        e = vfs_put_symlink(fs, f->path, f->data);
        e->uid = f->uid;
        e->gid = f->gid;
        break;
    case CF_FILE: {
        unsigned mode = f->mode ? f->mode : f->program ? 0755 : 0644;
        e = vfs_put_file(fs, f->path, mode, f->data,
                         f->data ? strlen(f->data) : 0);
        e->program = f->program ? xstrdup(f->program) : NULL;
        e->uid = f->uid;
        e->gid = f->gid;
        break;
    }
    }
}

static void apply_cmds(struct vfs *fs, const struct catalog_cmds *c)
{
    struct sb path = SB_INIT;
    const char *p = c->names;

    while (*p) {
        while (*p == ' ')
            p++;
        const char *name = p;
        while (*p && *p != ' ')
            p++;
        size_t len = (size_t)(p - name);
        if (!len)
            continue;
        sb_reset(&path);
        sb_adds(&path, c->dir);
        sb_addch(&path, '/');
        sb_add(&path, name, len);
        if (c->link) {
            vfs_put_symlink(fs, path.buf, c->link);
        } else {
            struct vfs_entry *e = vfs_put_file(fs, path.buf, 0755, NULL, 0);
            e->program = c->program ? xstrdup(c->program)
                                    : xmemdup0(name, len);
        }
    }
    sb_release(&path);
}

void catalog_fs(const struct catalog_image *img, struct vfs *fs)
{
    struct sb passwd = SB_INIT, group = SB_INIT;

    if (!img->sets)
        return;
    for (const struct catalog_set *const *s = img->sets; *s; s++) {
        const struct catalog_set *set = *s;
        for (const struct catalog_file *f = set->files; f && f->path; f++)
            apply_file(fs, f);
        for (const struct catalog_cmds *c = set->cmds; c && c->dir; c++)
            apply_cmds(fs, c);
        for (const struct catalog_user *u = set->users; u && u->name; u++)
            sb_addf(&passwd, "%s:x:%u:%u:%s:%s:%s\n", u->name, u->uid, u->gid,
                    u->gecos, u->home, u->shell);
        for (const struct catalog_group *g = set->groups; g && g->name; g++)
            sb_addf(&group, "%s:x:%u:%s\n", g->name, g->gid, g->members);
    }
    if (passwd.len)
        vfs_put_file(fs, "/etc/passwd", 0644, passwd.buf, passwd.len);
    if (group.len)
        vfs_put_file(fs, "/etc/group", 0644, group.buf, group.len);
    sb_release(&passwd);
    sb_release(&group);
}

void catalog_hint(struct sb *out)
{
    const char *seen[ARRAY_LEN(catalog)];
    size_t n = 0;

    /* the repositories in alphabetical order, each once (not scratch) */
    for (;;) {
        const char *next = NULL;
        for (size_t i = 0; i < catalog_len; i++) {
            const char *r = catalog[i].repo;
            if (strcmp(r, "scratch") == 0)
                continue;
            if (n && strcmp(r, seen[n - 1]) <= 0)
                continue;
            if (!next || strcmp(r, next) < 0)
                next = r;
        }
        if (!next)
            break;
        seen[n++] = next;
    }
    sb_adds(out, "docksim knows these images: ");
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_adds(out, ", ");
        sb_adds(out, seen[i]);
    }
}
