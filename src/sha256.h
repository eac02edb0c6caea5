/*
 * sha256.h: SHA-256 (FIPS 180-4), for image and container ids that are
 * deterministic (so transcripts are stable) and look like Docker's.
 */
#ifndef SHA256_H
#define SHA256_H

#include <stdint.h>

#include "common.h"

struct sha256 {
    uint32_t h[8];
    uint64_t len;
    unsigned char buf[64];
    size_t used;
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t len);
void sha256_final(struct sha256 *c, unsigned char out[32]);
/* 64 lower-case hex digits + NUL of data[0..len). */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif /* SHA256_H */
