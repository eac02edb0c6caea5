#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "imgconfig.h"
#include "sb.h"
#include "xmalloc.h"

/*
 * The expected JSON texts were produced by Go 1.19: the moby/image-spec
 * config structs (same field order and `omitempty` tags) encoded with
 * json.NewEncoder + SetEscapeHTML(false), as the daemon's
 * httputils.WriteJSON does, then json.Indent(dst, src, "", "    ") as the
 * docker CLI's inspect does.
 */

static int setup(void **state)
{
    struct image_config *c = xmalloc(sizeof(*c));
    image_config_init(c);
    *state = c;
    return 0;
}

static int teardown(void **state)
{
    image_config_release(*state);
    free(*state);
    return 0;
}

static void check_json(const struct image_config *c, int indent,
                       const char *want)
{
    struct sb out = SB_INIT;
    image_config_to_json(&out, c, indent);
    assert_string_equal(out.buf, want);
    sb_release(&out);
}

/* ----- strlist ---------------------------------------------------- */

static void test_imgconfig_strlist_null_empty_items(void **state)
{
    (void)state;
    struct strlist l;
    strlist_init(&l);
    assert_false(l.set);
    assert_int_equal(l.n, 0);
    strlist_set_empty(&l);
    assert_true(l.set);
    assert_int_equal(l.n, 0);
    strlist_push(&l, "a");
    strlist_pushn(&l, "bcdef", 2);
    assert_int_equal(l.n, 2);
    assert_string_equal(l.v[0], "a");
    assert_string_equal(l.v[1], "bc");
    strlist_set_empty(&l); /* drops the items, stays set */
    assert_true(l.set);
    assert_int_equal(l.n, 0);
    strlist_release(&l);
    assert_false(l.set);
    assert_null(l.v);
}

static void test_imgconfig_strlist_push_sets(void **state)
{
    (void)state;
    struct strlist l;
    strlist_init(&l);
    strlist_push(&l, "x");
    assert_true(l.set);
    strlist_release(&l);
}

static void test_imgconfig_strlist_copy_equal_find(void **state)
{
    (void)state;
    struct strlist a, b, null1, empty1;
    strlist_init(&a);
    strlist_init(&b);
    strlist_push(&b, "old content is released");
    strlist_push(&a, "sh");
    strlist_push(&a, "-c");
    strlist_copy(&b, &a);
    assert_true(strlist_equal(&a, &b));
    assert_ptr_not_equal(a.v[0], b.v[0]);
    assert_int_equal(strlist_find(&b, "-c"), 1);
    assert_int_equal(strlist_find(&b, "sh"), 0);
    assert_int_equal(strlist_find(&b, "x"), -1);
    free(b.v[1]);
    b.v[1] = xstrdup("-e");
    assert_false(strlist_equal(&a, &b));

    /* null and [] differ (ENTRYPOINT [] is not "no ENTRYPOINT") */
    strlist_init(&null1);
    strlist_init(&empty1);
    strlist_set_empty(&empty1);
    assert_false(strlist_equal(&null1, &empty1));
    struct strlist c = { NULL, 0, false }; /* zeroed is initialised */
    strlist_copy(&c, &empty1);
    assert_true(c.set);
    assert_true(strlist_equal(&c, &empty1));
    strlist_release(&a);
    strlist_release(&b);
    strlist_release(&c);
    strlist_release(&null1);
    strlist_release(&empty1);
}

static void test_imgconfig_strlist_add_sorted(void **state)
{
    (void)state;
    struct strlist l;
    strlist_init(&l);
    strlist_add_sorted(&l, "80/tcp");
    strlist_add_sorted(&l, "443/tcp");
    strlist_add_sorted(&l, "8080/tcp");
    strlist_add_sorted(&l, "80/tcp"); /* already present */
    strlist_add_sorted(&l, "53/udp");
    assert_int_equal(l.n, 4);
    assert_string_equal(l.v[0], "443/tcp");
    assert_string_equal(l.v[1], "53/udp");
    assert_string_equal(l.v[2], "80/tcp");
    assert_string_equal(l.v[3], "8080/tcp");
    strlist_release(&l);
}

static void test_imgconfig_strlist_json_inline(void **state)
{
    (void)state;
    struct strlist l;
    struct sb out = SB_INIT;
    strlist_init(&l);
    strlist_to_json_inline(&out, &l);
    assert_string_equal(out.buf, "null");
    sb_reset(&out);
    strlist_set_empty(&l);
    strlist_to_json_inline(&out, &l);
    assert_string_equal(out.buf, "[]");
    sb_reset(&out);
    strlist_push(&l, "echo");
    strlist_push(&l, "say \"hi\" <&>");
    strlist_to_json_inline(&out, &l);
    assert_string_equal(out.buf, "[\"echo\", \"say \\\"hi\\\" <&>\"]");
    sb_release(&out);
    strlist_release(&l);
}

/* ----- image_config fields ---------------------------------------- */

static void test_imgconfig_init_strings_empty(void **state)
{
    struct image_config *c = *state;
    assert_string_equal(c->user, "");
    assert_string_equal(c->working_dir, "");
    assert_string_equal(c->stop_signal, "");
    assert_string_equal(c->author, "");
    assert_false(c->entrypoint.set);
    assert_false(c->cmd.set);
    assert_null(c->healthcheck);
    image_config_set_str(&c->user, "nobody");
    assert_string_equal(c->user, "nobody");
    image_config_set_str(&c->user, NULL);
    assert_string_equal(c->user, "");
}

static void test_imgconfig_env_get_set(void **state)
{
    struct image_config *c = *state;
    assert_null(image_config_getenv(c, "PATH"));
    image_config_setenv(c, "PATH", DEFAULT_PATH);
    image_config_setenv(c, "LANG", "C.UTF-8");
    image_config_setenv(c, "EMPTY", "");
    assert_string_equal(image_config_getenv(c, "PATH"), DEFAULT_PATH);
    assert_string_equal(image_config_getenv(c, "EMPTY"), "");
    assert_null(image_config_getenv(c, "PAT"));
    assert_null(image_config_getenv(c, "lang")); /* case-sensitive */

    /* replaced in place, order kept (BuildKit's addEnv) */
    image_config_setenv(c, "PATH", "/usr/local/bin:" DEFAULT_PATH);
    assert_int_equal(c->env.n, 3);
    assert_string_equal(c->env.v[0], "PATH=/usr/local/bin:" DEFAULT_PATH);
    assert_string_equal(c->env.v[1], "LANG=C.UTF-8");

    /* a bare KEY entry has that key too, but no value */
    strlist_push(&c->env, "BARE");
    assert_null(image_config_getenv(c, "BARE"));
    image_config_setenv(c, "BARE", "1");
    assert_int_equal(c->env.n, 4);
    assert_string_equal(c->env.v[3], "BARE=1");

    /* values keep '=' and arbitrary bytes */
    image_config_setenv(c, "X", "a=b\xff\n");
    assert_string_equal(image_config_getenv(c, "X"), "a=b\xff\n");
}

static void test_imgconfig_labels_sorted(void **state)
{
    struct image_config *c = *state;
    image_config_set_label(c, "org.opencontainers.image.version", "26.04");
    image_config_set_label(c, "maintainer", "x");
    image_config_set_label(c, "org.opencontainers.image.ref.name", "ubuntu");
    image_config_set_label(c, "Maintainer", "upper sorts first");
    image_config_set_label(c, "maintainer", "replaced");
    assert_int_equal(c->n_labels, 4);
    assert_string_equal(c->labels[0].key, "Maintainer");
    assert_string_equal(c->labels[1].key, "maintainer");
    assert_string_equal(c->labels[1].value, "replaced");
    assert_string_equal(c->labels[2].key, "org.opencontainers.image.ref.name");
    assert_string_equal(c->labels[3].key, "org.opencontainers.image.version");
}

static void test_imgconfig_copy_is_deep(void **state)
{
    struct image_config *c = *state, d;
    image_config_set_str(&c->working_dir, "/app");
    image_config_setenv(c, "A", "1");
    strlist_set_empty(&c->entrypoint);
    strlist_push(&c->cmd, "bash");
    image_config_set_label(c, "k", "v");
    c->healthcheck = xcalloc(1, sizeof(*c->healthcheck));
    strlist_push(&c->healthcheck->test, "NONE");
    c->healthcheck->retries = 3;
    c->args_escaped = true;

    image_config_init(&d);
    image_config_setenv(&d, "OLD", "released by the copy");
    image_config_copy(&d, c);
    assert_null(image_config_getenv(&d, "OLD"));
    assert_string_equal(d.working_dir, "/app");
    assert_true(strlist_equal(&d.env, &c->env));
    assert_true(d.entrypoint.set);
    assert_int_equal(d.entrypoint.n, 0);
    assert_true(strlist_equal(&d.cmd, &c->cmd));
    assert_string_equal(d.labels[0].value, "v");
    assert_non_null(d.healthcheck);
    assert_ptr_not_equal(d.healthcheck, c->healthcheck);
    assert_int_equal(d.healthcheck->retries, 3);
    assert_string_equal(d.healthcheck->test.v[0], "NONE");
    assert_true(d.args_escaped);

    image_config_setenv(&d, "A", "2");
    image_config_set_str(&d.working_dir, "/other");
    assert_string_equal(image_config_getenv(c, "A"), "1");
    assert_string_equal(c->working_dir, "/app");
    image_config_release(&d);
}

/* ----- JSON ------------------------------------------------------- */

static void test_imgconfig_json_empty(void **state)
{
    check_json(*state, 0, "{}");
    check_json(*state, 2, "{}");
}

static void test_imgconfig_json_python_nested(void **state)
{
    struct image_config *c = *state;
    strlist_push(&c->env, "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/"
                          "bin:/usr/sbin:/usr/bin:/sbin:/bin");
    strlist_push(&c->env, "PYTHON_VERSION=3.14.7");
    strlist_push(&c->cmd, "python3");
    /* as inside `docker image inspect`: [ { "Config": here } ] */
    check_json(c, 2,
               "{\n"
               "            \"Env\": [\n"
               "                \"PATH=/usr/local/bin:/usr/local/sbin:/usr/"
               "local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\n"
               "                \"PYTHON_VERSION=3.14.7\"\n"
               "            ],\n"
               "            \"Cmd\": [\n"
               "                \"python3\"\n"
               "            ]\n"
               "        }");
}

static void test_imgconfig_json_empty_entrypoint_omitted(void **state)
{
    struct image_config *c = *state;
    strlist_push(&c->env, "PATH=" DEFAULT_PATH);
    strlist_set_empty(&c->entrypoint); /* debian: "Entrypoint": [] */
    strlist_push(&c->cmd, "bash");
    check_json(c, 0,
               "{\n"
               "    \"Env\": [\n"
               "        \"PATH=" DEFAULT_PATH "\"\n"
               "    ],\n"
               "    \"Cmd\": [\n"
               "        \"bash\"\n"
               "    ]\n"
               "}");
}

static void test_imgconfig_json_nginx(void **state)
{
    struct image_config *c = *state;
    strlist_add_sorted(&c->exposed_ports, "80/tcp");
    strlist_push(&c->env, "PATH=" DEFAULT_PATH);
    strlist_push(&c->env, "NGINX_VERSION=1.31.4");
    strlist_push(&c->entrypoint, "/docker-entrypoint.sh");
    strlist_push(&c->cmd, "nginx");
    strlist_push(&c->cmd, "-g");
    strlist_push(&c->cmd, "daemon off;");
    image_config_set_label(c, "maintainer",
                           "NGINX Docker Maintainers <docker-maint@nginx.com>");
    image_config_set_str(&c->stop_signal, "SIGQUIT");
    check_json(c, 0,
               "{\n"
               "    \"ExposedPorts\": {\n"
               "        \"80/tcp\": {}\n"
               "    },\n"
               "    \"Env\": [\n"
               "        \"PATH=" DEFAULT_PATH "\",\n"
               "        \"NGINX_VERSION=1.31.4\"\n"
               "    ],\n"
               "    \"Entrypoint\": [\n"
               "        \"/docker-entrypoint.sh\"\n"
               "    ],\n"
               "    \"Cmd\": [\n"
               "        \"nginx\",\n"
               "        \"-g\",\n"
               "        \"daemon off;\"\n"
               "    ],\n"
               "    \"Labels\": {\n"
               "        \"maintainer\": \"NGINX Docker Maintainers "
               "<docker-maint@nginx.com>\"\n"
               "    },\n"
               "    \"StopSignal\": \"SIGQUIT\"\n"
               "}");
}

static void test_imgconfig_json_every_field(void **state)
{
    struct image_config *c = *state;
    image_config_set_str(&c->user, "app:app");
    strlist_add_sorted(&c->exposed_ports, "80/tcp");
    strlist_add_sorted(&c->exposed_ports, "443/tcp");
    strlist_add_sorted(&c->exposed_ports, "53/udp");
    strlist_push(&c->env, "A=1");
    strlist_push(&c->env, "B=x & y");
    strlist_push(&c->entrypoint, "/entry.sh");
    strlist_push(&c->entrypoint, "--flag");
    strlist_set_empty(&c->cmd); /* omitted, like any empty slice */
    strlist_add_sorted(&c->volumes, "/var/lib/data");
    strlist_add_sorted(&c->volumes, "/data");
    image_config_set_str(&c->working_dir, "/srv/app");
    image_config_set_label(c, "z", "last");
    image_config_set_label(c, "a.b", "first");
    image_config_set_label(c, "Z", "upper");
    image_config_set_str(&c->stop_signal, "SIGINT");
    c->args_escaped = true;
    c->healthcheck = xcalloc(1, sizeof(*c->healthcheck));
    strlist_push(&c->healthcheck->test, "CMD-SHELL");
    strlist_push(&c->healthcheck->test, "curl -f http://localhost/ || exit 1");
    c->healthcheck->interval = 300000000000;
    c->healthcheck->timeout = 3000000000;
    c->healthcheck->retries = 3;
    strlist_push(&c->onbuild, "RUN echo hi");
    strlist_push(&c->shell, "/bin/bash");
    strlist_push(&c->shell, "-c");
    image_config_set_str(&c->author, "not part of Config");
    check_json(c, 0,
               "{\n"
               "    \"User\": \"app:app\",\n"
               "    \"ExposedPorts\": {\n"
               "        \"443/tcp\": {},\n"
               "        \"53/udp\": {},\n"
               "        \"80/tcp\": {}\n"
               "    },\n"
               "    \"Env\": [\n"
               "        \"A=1\",\n"
               "        \"B=x & y\"\n"
               "    ],\n"
               "    \"Entrypoint\": [\n"
               "        \"/entry.sh\",\n"
               "        \"--flag\"\n"
               "    ],\n"
               "    \"Volumes\": {\n"
               "        \"/data\": {},\n"
               "        \"/var/lib/data\": {}\n"
               "    },\n"
               "    \"WorkingDir\": \"/srv/app\",\n"
               "    \"Labels\": {\n"
               "        \"Z\": \"upper\",\n"
               "        \"a.b\": \"first\",\n"
               "        \"z\": \"last\"\n"
               "    },\n"
               "    \"StopSignal\": \"SIGINT\",\n"
               "    \"ArgsEscaped\": true,\n"
               "    \"Healthcheck\": {\n"
               "        \"Test\": [\n"
               "            \"CMD-SHELL\",\n"
               "            \"curl -f http://localhost/ || exit 1\"\n"
               "        ],\n"
               "        \"Interval\": 300000000000,\n"
               "        \"Timeout\": 3000000000,\n"
               "        \"Retries\": 3\n"
               "    },\n"
               "    \"OnBuild\": [\n"
               "        \"RUN echo hi\"\n"
               "    ],\n"
               "    \"Shell\": [\n"
               "        \"/bin/bash\",\n"
               "        \"-c\"\n"
               "    ]\n"
               "}");
}

static void test_imgconfig_json_escapes_like_go(void **state)
{
    struct image_config *c = *state;
    strlist_push(&c->env, "T=a\tb\"c\\d\ne\x01"
                          "f\x7fg");
    strlist_push(&c->env, "U=\xe2\x80\xa8\xe2\x80\xa9\xc3\xa9");
    strlist_push(&c->env, "BAD=\xff\xfez");
    image_config_set_label(c, "k<>&", "v<script>&amp;");
    check_json(c, 0,
               "{\n"
               "    \"Env\": [\n"
               "        \"T=a\\tb\\\"c\\\\d\\ne\\u0001f\x7fg\",\n"
               "        \"U=\\u2028\\u2029\xc3\xa9\",\n"
               "        \"BAD=\\ufffd\\ufffdz\"\n"
               "    ],\n"
               "    \"Labels\": {\n"
               "        \"k<>&\": \"v<script>&amp;\"\n"
               "    }\n"
               "}");
}

/* Lists filled without the sorted helpers still print as Go maps do. */
static void test_imgconfig_json_maps_sorted_anyway(void **state)
{
    struct image_config *c = *state;
    strlist_push(&c->exposed_ports, "8080/tcp");
    strlist_push(&c->exposed_ports, "443/tcp");
    strlist_push(&c->exposed_ports, "8080/tcp");
    strlist_push(&c->volumes, "/b");
    strlist_push(&c->volumes, "/a");
    c->labels = xcalloc(3, sizeof(*c->labels));
    c->labels[0].key = xstrdup("b");
    c->labels[0].value = xstrdup("first b");
    c->labels[1].key = xstrdup("a");
    c->labels[1].value = xstrdup("x");
    c->labels[2].key = xstrdup("b");
    c->labels[2].value = xstrdup("last b wins");
    c->n_labels = 3;
    check_json(c, 0,
               "{\n"
               "    \"ExposedPorts\": {\n"
               "        \"443/tcp\": {},\n"
               "        \"8080/tcp\": {}\n"
               "    },\n"
               "    \"Volumes\": {\n"
               "        \"/a\": {},\n"
               "        \"/b\": {}\n"
               "    },\n"
               "    \"Labels\": {\n"
               "        \"a\": \"x\",\n"
               "        \"b\": \"last b wins\"\n"
               "    }\n"
               "}");
}

static void test_imgconfig_json_healthcheck_zero_fields(void **state)
{
    struct image_config *c = *state;
    c->healthcheck = xcalloc(1, sizeof(*c->healthcheck));
    check_json(c, 0,
               "{\n"
               "    \"Healthcheck\": {}\n"
               "}");
    strlist_push(&c->healthcheck->test, "NONE");
    c->healthcheck->start_period = 1;
    c->healthcheck->start_interval = 5000000000;
    check_json(c, 1,
               "{\n"
               "        \"Healthcheck\": {\n"
               "            \"Test\": [\n"
               "                \"NONE\"\n"
               "            ],\n"
               "            \"StartPeriod\": 1,\n"
               "            \"StartInterval\": 5000000000\n"
               "        }\n"
               "    }");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_imgconfig_strlist_null_empty_items),
        cmocka_unit_test(test_imgconfig_strlist_push_sets),
        cmocka_unit_test(test_imgconfig_strlist_copy_equal_find),
        cmocka_unit_test(test_imgconfig_strlist_add_sorted),
        cmocka_unit_test(test_imgconfig_strlist_json_inline),
        cmocka_unit_test_setup_teardown(test_imgconfig_init_strings_empty,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_imgconfig_env_get_set, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_imgconfig_labels_sorted, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_imgconfig_copy_is_deep, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_imgconfig_json_empty, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_imgconfig_json_python_nested,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_imgconfig_json_empty_entrypoint_omitted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_imgconfig_json_nginx, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_imgconfig_json_every_field, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_imgconfig_json_escapes_like_go,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_imgconfig_json_maps_sorted_anyway, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_imgconfig_json_healthcheck_zero_fields, setup, teardown),
    };
    return cmocka_run_group_tests_name("imgconfig", tests, NULL, NULL);
}
