/**
 * \file pki_attack.h
 * \brief The attack lab's certificates: what a man in the middle could
 *        present instead of the demo server's chain, each with its key.
 *
 * DEMO ONLY - NOT FOR PRODUCTION, like the demo PKI (pki.h): the PEM files
 * live in src/core/pki/ and src/core/pki/make-demo-pki.sh makes them and
 * src/core/demo_pki_attack.c.  Every one is RSA-2048 or ECDSA P-256, so the
 * attacker matches whatever certificate kind the suite needs; what makes a
 * client refuse it is only who issued it, when, or for whom.
 */
#ifndef TLSSIM_PKI_ATTACK_H
#define TLSSIM_PKI_ATTACK_H

#include "tlssim/pki.h"

/** \brief The name the wrong-host certificate is issued for: one the
 *         attacker owns, which any CA would certify for it. */
#define TLS_ATTACK_OTHER_HOST "www.attacker.test"

/** \brief The attacker's own root CA (RSA-2048, self-signed), PEM: trusted
 *         only by a client that installed it (the trusted-proxy attack). */
extern const char tls_attack_ca_pem[];

/** \brief The leaves and their keys (PEM, NUL-terminated); see tls_attack_cert. */
extern const char tls_attack_leaf_cert_pem[], tls_attack_leaf_key_pem[];
extern const char tls_attack_leaf_ecdsa_cert_pem[], tls_attack_leaf_ecdsa_key_pem[];
extern const char tls_attack_self_signed_cert_pem[], tls_attack_self_signed_key_pem[];
extern const char tls_attack_self_signed_ecdsa_cert_pem[], tls_attack_self_signed_ecdsa_key_pem[];
extern const char tls_attack_expired_cert_pem[], tls_attack_expired_key_pem[];
extern const char tls_attack_expired_ecdsa_cert_pem[], tls_attack_expired_ecdsa_key_pem[];
extern const char tls_attack_wrong_host_cert_pem[], tls_attack_wrong_host_key_pem[];
extern const char tls_attack_wrong_host_ecdsa_cert_pem[], tls_attack_wrong_host_ecdsa_key_pem[];

/** \brief Which chain the attacker presents as the server. */
typedef enum tls_attack_cert {
    TLS_ATTACK_CERT_OWN_CA,         /**< a leaf for TLS_DEMO_HOST issued by the
                                         attacker's CA (unknown_ca, unless the
                                         client installed that CA) */
    TLS_ATTACK_CERT_SELF_SIGNED,    /**< a leaf for TLS_DEMO_HOST signed by its
                                         own key (unknown_ca) */
    TLS_ATTACK_CERT_EXPIRED,        /**< TLS_DEMO_HOST, issued by the demo
                                         intermediate, expired since 2024-01-01
                                         (certificate_expired) */
    TLS_ATTACK_CERT_WRONG_HOST,     /**< TLS_ATTACK_OTHER_HOST, issued by the demo
                                         intermediate (bad_certificate) */
    TLS_ATTACK_CERT_NO_INTERMEDIATE,/**< the demo server's own leaf and key
                                         without the intermediate that issued it
                                         (unknown_ca: the path stops at the leaf) */
    TLS_ATTACK_CERT_COUNT
} tls_attack_cert;

/**
 * \brief The chain and key of \p which with a key of \p kind (TLS_KEY_NONE
 *        means RSA), parsed once per process; NULL when it does not parse.
 */
const tls_demo_identity *tls_attack_identity(tls_attack_cert which, tls_key_kind kind);

/**
 * \brief The attacker's CA added to the demo root: the trust store of a
 *        client where the attacker's CA was installed, as a company
 *        installs its inspection proxy's CA.  Parsed once; NULL on error.
 */
const tls_x509 *tls_attack_trust_with_ca(void);

#endif
