/* The attack lab's certificates, parsed once: see include/tlssim/pki_attack.h. */
#include "tlssim/pki_attack.h"

#include <stdbool.h>

/* Each certificate in both key kinds, [which][kind]. */
static const tls_demo_identity_pem attack_pem[TLS_ATTACK_CERT_COUNT][3] = {
    [TLS_ATTACK_CERT_OWN_CA] = {
        [TLS_KEY_RSA] = {tls_attack_leaf_cert_pem, NULL, tls_attack_leaf_key_pem},
        [TLS_KEY_ECDSA] = {tls_attack_leaf_ecdsa_cert_pem, NULL, tls_attack_leaf_ecdsa_key_pem},
    },
    [TLS_ATTACK_CERT_SELF_SIGNED] = {
        [TLS_KEY_RSA] = {tls_attack_self_signed_cert_pem, NULL, tls_attack_self_signed_key_pem},
        [TLS_KEY_ECDSA] = {tls_attack_self_signed_ecdsa_cert_pem, NULL,
                           tls_attack_self_signed_ecdsa_key_pem},
    },
    /* Issued by the demo intermediate: sent with it, as a server would. */
    [TLS_ATTACK_CERT_EXPIRED] = {
        [TLS_KEY_RSA] = {tls_attack_expired_cert_pem, tls_demo_intermediate_pem,
                         tls_attack_expired_key_pem},
        [TLS_KEY_ECDSA] = {tls_attack_expired_ecdsa_cert_pem, tls_demo_intermediate_pem,
                           tls_attack_expired_ecdsa_key_pem},
    },
    [TLS_ATTACK_CERT_WRONG_HOST] = {
        [TLS_KEY_RSA] = {tls_attack_wrong_host_cert_pem, tls_demo_intermediate_pem,
                         tls_attack_wrong_host_key_pem},
        [TLS_KEY_ECDSA] = {tls_attack_wrong_host_ecdsa_cert_pem, tls_demo_intermediate_pem,
                           tls_attack_wrong_host_ecdsa_key_pem},
    },
    [TLS_ATTACK_CERT_NO_INTERMEDIATE] = {
        [TLS_KEY_RSA] = {tls_demo_server_cert_pem, NULL, tls_demo_server_key_pem},
        [TLS_KEY_ECDSA] = {tls_demo_server_ecdsa_cert_pem, NULL, tls_demo_server_ecdsa_key_pem},
    },
};

/* Loaded on first use, like the demo PKI (single-threaded: no lock). */
static tls_demo_identity attack_ids[TLS_ATTACK_CERT_COUNT][3];
static tls_x509 *trust_with_ca;

const tls_demo_identity *tls_attack_identity(tls_attack_cert which, tls_key_kind kind)
{
    if ((unsigned)which >= TLS_ATTACK_CERT_COUNT)
        return NULL;
    int k = kind == TLS_KEY_ECDSA ? TLS_KEY_ECDSA : TLS_KEY_RSA;
    tls_demo_identity *id = &attack_ids[which][k];
    if (!id->chain && tls_demo_identity_load(id, &attack_pem[which][k]) != TLS_OK)
        return NULL;
    return id;
}

const tls_x509 *tls_attack_trust_with_ca(void)
{
    if (trust_with_ca)
        return trust_with_ca;
    tls_x509 *t = NULL;
    if (tls_x509_add_pem(&t, tls_demo_ca_pem) != TLS_OK ||
        tls_x509_add_pem(&t, tls_attack_ca_pem) != TLS_OK) {
        tls_x509_free(t);
        return NULL;
    }
    trust_with_ca = t;
    return t;
}
