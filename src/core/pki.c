/* The demo PKI, parsed once: see include/tlssim/pki.h. */
#include "tlssim/pki.h"

#include <stdbool.h>
#include <string.h>

const tls_demo_credentials *tls_demo_credentials_get(void)
{
    static tls_demo_credentials creds;
    static tls_x509 *trust, *chain, *client_chain;
    static tls_privkey *key, *client_key;
    if (creds.key)
        return &creds;
    if (tls_x509_add_pem(&trust, tls_demo_ca_pem) != TLS_OK ||
        tls_x509_add_pem(&chain, tls_demo_server_cert_pem) != TLS_OK ||
        tls_privkey_parse_pem(&key, tls_demo_server_key_pem) != TLS_OK ||
        tls_x509_add_pem(&client_chain, tls_demo_client_cert_pem) != TLS_OK ||
        tls_privkey_parse_pem(&client_key, tls_demo_client_key_pem) != TLS_OK) {
        tls_x509_free(trust);
        tls_x509_free(chain);
        tls_x509_free(client_chain);
        tls_privkey_free(key);
        tls_privkey_free(client_key);
        trust = chain = client_chain = NULL;
        key = client_key = NULL;
        return NULL;
    }
    creds = (tls_demo_credentials){trust, chain, key, client_chain, client_key};
    return &creds;
}
