/*
 * common.h: the one home for feature macros, small helpers and limits
 * (the role luaconf.h plays for Lua). Every module includes it first
 * (after its own header).
 */
#ifndef COMMON_H
#define COMMON_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdbool.h>
#include <stddef.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__) || defined(__clang__)
#define ATTR_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define ATTR_NORETURN __attribute__((noreturn))
#define UNUSED __attribute__((unused))
#else
#define ATTR_PRINTF(fmt, args)
#define ATTR_NORETURN
#define UNUSED
#endif

/* BuildKit's bufio.Scanner limit: a physical line of more bytes is an error. */
#define DOCKERFILE_MAX_LINE 65535

/* Program-wide version string (kept in one place for --version). */
#define DOCKSIM_VERSION "0.1.0"

#endif /* COMMON_H */
