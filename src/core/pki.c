/* The demo PKI, parsed once: see include/tlssim/pki.h. */
#include "tlssim/pki.h"

#include <stdbool.h>
#include <string.h>

tls_err tls_demo_identity_load(tls_demo_identity *id, const tls_demo_identity_pem *pem)
{
    tls_x509 *chain = NULL;
    tls_privkey *key = NULL;
    tls_err e = tls_x509_add_pem(&chain, pem->leaf);
    if (e == TLS_OK && pem->intermediate)
        e = tls_x509_add_pem(&chain, pem->intermediate);
    if (e == TLS_OK)
        e = tls_privkey_parse_pem(&key, pem->key);
    if (e != TLS_OK) {
        tls_x509_free(chain);
        tls_privkey_free(key);
        return e;
    }
    *id = (tls_demo_identity){chain, key};
    return TLS_OK;
}

void tls_demo_identity_free(tls_demo_identity *id)
{
    tls_x509_free((tls_x509 *)id->chain);
    tls_privkey_free((tls_privkey *)id->key);
    *id = (tls_demo_identity){NULL, NULL};
}

static tls_demo_credentials creds;

static bool credentials_load(void)
{
    const tls_demo_identity_pem server[3] = {
        [TLS_KEY_RSA] = {tls_demo_server_cert_pem, tls_demo_intermediate_pem,
                         tls_demo_server_key_pem},
        [TLS_KEY_ECDSA] = {tls_demo_server_ecdsa_cert_pem, tls_demo_intermediate_pem,
                           tls_demo_server_ecdsa_key_pem},
    };
    const tls_demo_identity_pem client[3] = {
        [TLS_KEY_RSA] = {tls_demo_client_cert_pem, NULL, tls_demo_client_key_pem},
        [TLS_KEY_ECDSA] = {tls_demo_client_ecdsa_cert_pem, NULL, tls_demo_client_ecdsa_key_pem},
    };
    tls_x509 *trust = NULL;
    bool ok = tls_x509_add_pem(&trust, tls_demo_ca_pem) == TLS_OK;
    creds.trust = trust;
    for (int k = TLS_KEY_RSA; ok && k <= TLS_KEY_ECDSA; k++)
        ok = tls_demo_identity_load(&creds.server[k], &server[k]) == TLS_OK &&
             tls_demo_identity_load(&creds.client[k], &client[k]) == TLS_OK;
    if (ok) {
        creds.chain = creds.server[TLS_KEY_RSA].chain;
        creds.key = creds.server[TLS_KEY_RSA].key;
        creds.client_chain = creds.client[TLS_KEY_RSA].chain;
        creds.client_key = creds.client[TLS_KEY_RSA].key;
        return true;
    }
    for (int k = TLS_KEY_RSA; k <= TLS_KEY_ECDSA; k++) {
        tls_demo_identity_free(&creds.server[k]);
        tls_demo_identity_free(&creds.client[k]);
    }
    tls_x509_free(trust);
    creds.trust = NULL;
    return false;
}

const tls_demo_credentials *tls_demo_credentials_get(void)
{
    if (creds.trust)
        return &creds;
    return credentials_load() ? &creds : NULL;
}

static tls_key_kind kind_or_rsa(tls_key_kind kind)
{
    return kind == TLS_KEY_ECDSA ? TLS_KEY_ECDSA : TLS_KEY_RSA;
}

const tls_demo_identity *tls_demo_server(tls_key_kind kind)
{
    const tls_demo_credentials *c = tls_demo_credentials_get();
    return c ? &c->server[kind_or_rsa(kind)] : NULL;
}

const tls_demo_identity *tls_demo_client(tls_key_kind kind)
{
    const tls_demo_credentials *c = tls_demo_credentials_get();
    return c ? &c->client[kind_or_rsa(kind)] : NULL;
}
