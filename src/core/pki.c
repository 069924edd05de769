/* The demo PKI, parsed once: see include/tlssim/pki.h. */
#include "tlssim/pki.h"

#include <stdbool.h>
#include <string.h>

const tls_demo_credentials *tls_demo_credentials_get(void)
{
    static tls_demo_credentials creds;
    static tls_x509 *trust, *chain;
    static tls_privkey *key;
    if (creds.key)
        return &creds;
    if (tls_x509_add_pem(&trust, tls_demo_ca_pem) != TLS_OK ||
        tls_x509_add_pem(&chain, tls_demo_server_cert_pem) != TLS_OK ||
        tls_privkey_parse_pem(&key, tls_demo_server_key_pem) != TLS_OK) {
        tls_x509_free(trust);
        tls_x509_free(chain);
        tls_privkey_free(key);
        trust = chain = NULL;
        key = NULL;
        return NULL;
    }
    creds = (tls_demo_credentials){trust, chain, key};
    return &creds;
}
