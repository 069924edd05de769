/**
 * \file pki.h
 * \brief The demo PKI: a root CA, an intermediate CA, RSA and ECDSA server
 *        certificates for TLS_DEMO_HOST and client certificates with their
 *        keys, embedded so the simulator needs no files at run time.
 *
 * DEMO ONLY - NOT FOR PRODUCTION.  The private key is published in the
 * source tree; nothing issued by this CA should be trusted anywhere else.
 * The PEM files live in src/core/pki/, and src/core/pki/make-demo-pki.sh
 * regenerates them and src/core/demo_pki.c (a unit test checks that the C
 * file still matches the PEM files).
 */
#ifndef TLSSIM_PKI_H
#define TLSSIM_PKI_H

#include "tlssim/crypto.h"

/** \brief The host name the demo server certificate is issued for. */
#define TLS_DEMO_HOST "www.example.test"

/**
 * \brief The demo root CA certificate (RSA-2048, self-signed), PEM text
 *        with a comment header, NUL-terminated: the client's trust anchor.
 */
extern const char tls_demo_ca_pem[];

/**
 * \brief The demo intermediate CA (RSA-2048, issued by the root): it issues
 *        both server certificates, and servers send it after their leaf.
 */
extern const char tls_demo_intermediate_pem[];

/**
 * \brief The demo server certificates for TLS_DEMO_HOST, issued by the
 *        intermediate with SHA-256 (PEM, NUL-terminated): an RSA-2048 one
 *        and an ECDSA P-256 one, and their private keys (PKCS#8 PEM,
 *        public on purpose: this is a teaching tool).
 */
extern const char tls_demo_server_cert_pem[];
extern const char tls_demo_server_key_pem[];
extern const char tls_demo_server_ecdsa_cert_pem[];
extern const char tls_demo_server_ecdsa_key_pem[];

/**
 * \brief The demo client certificates (clientAuth, issued by the root):
 *        what the in-process client presents when the server asks, RSA-2048
 *        and ECDSA P-256, with their private keys.  PEM, NUL-terminated.
 */
extern const char tls_demo_client_cert_pem[];
extern const char tls_demo_client_key_pem[];
extern const char tls_demo_client_ecdsa_cert_pem[];
extern const char tls_demo_client_ecdsa_key_pem[];

/** \brief A certificate chain (leaf first) and the leaf's private key. */
typedef struct tls_demo_identity {
    const tls_x509 *chain;
    const tls_privkey *key;
} tls_demo_identity;

/** \brief The demo PKI, parsed; identities indexed by tls_key_kind
 *         (TLS_KEY_RSA, TLS_KEY_ECDSA; TLS_KEY_NONE is empty). */
typedef struct tls_demo_credentials {
    const tls_x509 *trust;      /**< the demo root CA: the client's trust anchor */
    tls_demo_identity server[3];    /**< leaf + intermediate, and the leaf's key */
    tls_demo_identity client[3];    /**< the demo client's certificate and key */
    /* The RSA identities under their first names (server[TLS_KEY_RSA],
     * client[TLS_KEY_RSA]): the default, and what code written before the
     * ECDSA certificates uses. */
    const tls_x509 *chain;          /**< the RSA server's chain: leaf + intermediate */
    const tls_privkey *key;         /**< its private key */
    const tls_x509 *client_chain;   /**< the demo client's RSA certificate */
    const tls_privkey *client_key;  /**< its private key */
} tls_demo_credentials;

/** \brief What an identity is made of (PEM, NUL-terminated): the leaf, the
 *         intermediate that issued it (NULL: the leaf is sent alone) and the key. */
typedef struct tls_demo_identity_pem {
    const char *leaf, *intermediate, *key;
} tls_demo_identity_pem;

/**
 * \brief Parse an identity: \p id gets the chain (the leaf, then the
 *        intermediate if any) and the key, owned by the caller
 *        (tls_demo_identity_free); untouched on error.
 */
tls_err tls_demo_identity_load(tls_demo_identity *id, const tls_demo_identity_pem *pem);

/** \brief Free what tls_demo_identity_load made, and empty \p id. */
void tls_demo_identity_free(tls_demo_identity *id);

/**
 * \brief The demo PKI parsed once per process, as a real server loads its
 *        key at start-up rather than per connection (single-threaded:
 *        no lock).  Clients still parse and verify the chain they receive.
 * \return the credentials, or NULL when they do not parse
 */
const tls_demo_credentials *tls_demo_credentials_get(void);

/**
 * \brief The demo server (or client) identity with a key of kind \p kind;
 *        TLS_KEY_NONE means RSA, the default.  NULL when the PKI does not load.
 */
const tls_demo_identity *tls_demo_server(tls_key_kind kind);
const tls_demo_identity *tls_demo_client(tls_key_kind kind);

#endif
