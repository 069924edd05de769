/**
 * \file pki.h
 * \brief The demo PKI: a root CA and a server certificate and key for
 *        TLS_DEMO_HOST, embedded so the simulator needs no files at run time.
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
 * \brief The demo server certificate for TLS_DEMO_HOST (RSA-2048, signed by
 *        the demo CA with SHA-256), PEM text, NUL-terminated.
 */
extern const char tls_demo_server_cert_pem[];

/**
 * \brief The demo server's RSA-2048 private key (PKCS#8 PEM, NUL-terminated).
 *        Public on purpose: this is a teaching tool.
 */
extern const char tls_demo_server_key_pem[];

/**
 * \brief The demo client certificate (RSA-2048, clientAuth, signed by the
 *        demo CA): what the in-process client presents when the server asks
 *        for a certificate.  PEM text, NUL-terminated.
 */
extern const char tls_demo_client_cert_pem[];

/** \brief The demo client's RSA-2048 private key (PKCS#8 PEM, public on purpose). */
extern const char tls_demo_client_key_pem[];

/** \brief The demo PKI, parsed. */
typedef struct tls_demo_credentials {
    const tls_x509 *trust;      /**< the demo root CA: the client's trust anchor */
    const tls_x509 *chain;      /**< the server's certificate chain */
    const tls_privkey *key;     /**< the server's private key */
    const tls_x509 *client_chain;   /**< the demo client's certificate */
    const tls_privkey *client_key;  /**< its private key */
} tls_demo_credentials;

/**
 * \brief The demo PKI parsed once per process, as a real server loads its
 *        key at start-up rather than per connection (single-threaded:
 *        no lock).  Clients still parse and verify the chain they receive.
 * \return the credentials, or NULL when they do not parse
 */
const tls_demo_credentials *tls_demo_credentials_get(void);

#endif
