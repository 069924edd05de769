/* The mbedTLS adapter: see include/tlssim/crypto.h. (being written) */
#include "tlssim/crypto.h"

#include <mbedtls/platform_util.h>

void tls_wipe(void *p, size_t n)
{
    if (p && n)
        mbedtls_platform_zeroize(p, n);
}
