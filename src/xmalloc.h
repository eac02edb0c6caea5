/*
 * xmalloc.h: allocation that never returns NULL. Out of memory is not a
 * condition any caller can recover from in a teaching tool, so these print
 * one line and abort (tmux/git style). Everything else reports errors as data.
 */
#ifndef XMALLOC_H
#define XMALLOC_H

#include "common.h"

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow an array of nmemb elements of size bytes (overflow-checked). */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xmemdup0(const void *p, size_t len); /* len bytes + a NUL */

#endif /* XMALLOC_H */
