/**
 * \file msg.h
 * \brief TLS 1.2 handshake messages (RFC 5246 §7.4, RFC 8422 §5) as plain
 *        structs, each with an encoder and a decoder.
 *
 * Encoders write the message *body* (without the 4-byte handshake header;
 * see tls_msg_wrap).  Decoders read a body from a tls_reader, record every
 * field into the reader's dissection when it has one, and consume the body
 * exactly or fail with TLS_ERR_DECODE.  Semantic checks (is this suite one we
 * offered?) are the engine's job, not the codec's: a decoder accepts any
 * well-formed message.
 *
 * Decoded structs point into the reader's buffer for long byte strings
 * (certificates, points, signatures): they are valid while that buffer is.
 */
#ifndef TLSSIM_MSG_H
#define TLSSIM_MSG_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "tlssim/buf.h"
#include "tlssim/suites.h"

/** \brief Record content types (RFC 5246 §6.2.1). */
enum {
    TLS_CT_CHANGE_CIPHER_SPEC = 20,
    TLS_CT_ALERT = 21,
    TLS_CT_HANDSHAKE = 22,
    TLS_CT_APPLICATION_DATA = 23
};

/** \brief Handshake message types (RFC 5246 §7.4). */
enum {
    TLS_HS_HELLO_REQUEST = 0,
    TLS_HS_CLIENT_HELLO = 1,
    TLS_HS_SERVER_HELLO = 2,
    TLS_HS_NEW_SESSION_TICKET = 4,
    TLS_HS_CERTIFICATE = 11,
    TLS_HS_SERVER_KEY_EXCHANGE = 12,
    TLS_HS_CERTIFICATE_REQUEST = 13,
    TLS_HS_SERVER_HELLO_DONE = 14,
    TLS_HS_CERTIFICATE_VERIFY = 15,
    TLS_HS_CLIENT_KEY_EXCHANGE = 16,
    TLS_HS_FINISHED = 20
};

/** \brief Extension types we build or interpret. */
enum {
    TLS_EXT_SERVER_NAME = 0,
    TLS_EXT_SUPPORTED_GROUPS = 10,
    TLS_EXT_EC_POINT_FORMATS = 11,
    TLS_EXT_SIGNATURE_ALGORITHMS = 13,
    TLS_EXT_ENCRYPT_THEN_MAC = 22,
    TLS_EXT_EXTENDED_MASTER_SECRET = 23,
    TLS_EXT_SESSION_TICKET = 35,
    TLS_EXT_SUPPORTED_VERSIONS = 43, /**< TLS 1.3 only: read to say a capture is not TLS 1.2 */
    TLS_EXT_RENEGOTIATION_INFO = 0xff01
};

/** \brief Whether tlssim reads and answers extension \p type (one of the
 *         TLS_EXT_ values above but supported_versions); any other is
 *         parsed, listed and skipped. */
bool tls_extension_implemented(uint16_t type);

/** \brief Whether \p value is a GREASE value (RFC 8701: 0x0a0a, 0x1a1a, ...
 *         0xfafa), reserved so that clients can check that servers ignore
 *         what they do not know. */
bool tls_grease(uint16_t value);

/** \brief SignatureAndHashAlgorithm values we can produce/verify. */
enum {
    TLS_SIG_RSA_PKCS1_SHA256 = 0x0401,
    TLS_SIG_RSA_PKCS1_SHA384 = 0x0501,
    TLS_SIG_RSA_PKCS1_SHA512 = 0x0601,
    TLS_SIG_ECDSA_SECP256R1_SHA256 = 0x0403,
    TLS_SIG_ECDSA_SECP384R1_SHA384 = 0x0503,
    TLS_SIG_RSA_PSS_RSAE_SHA256 = 0x0804,
    TLS_SIG_RSA_PSS_RSAE_SHA384 = 0x0805,
    TLS_SIG_RSA_PSS_RSAE_SHA512 = 0x0806
};

/** \brief TLS 1.2 on the wire. */
#define TLS_VERSION_1_2 0x0303

/** \brief The signalling suite value for secure renegotiation (RFC 5746). */
#define TLS_EMPTY_RENEGOTIATION_INFO_SCSV 0x00ff

/** \brief Limits on lists we keep (longer lists are still parsed; extra entries are only dissected). */
#define TLS_MAX_SUITES 128
#define TLS_MAX_GROUPS 32
#define TLS_MAX_SIGALGS 32
#define TLS_MAX_POINT_FORMATS 8
#define TLS_MAX_COMPRESSIONS 16
#define TLS_MAX_EXTENSIONS 32
#define TLS_MAX_CERTS 8
#define TLS_MAX_HOSTNAME 255

/** \brief An extension as seen on the wire (for listing what a peer sent). */
typedef struct tls_ext_seen {
    uint16_t type;
    const uint8_t *data;
    size_t len;
} tls_ext_seen;

/**
 * \brief ClientHello (RFC 5246 §7.4.1.2) with the extensions of RFC 6066
 *        (server_name), RFC 8422 (supported_groups, ec_point_formats),
 *        RFC 5246 §7.4.1.4.1 (signature_algorithms), RFC 7627
 *        (extended_master_secret) and RFC 5746 (renegotiation_info).
 */
typedef struct tls_client_hello {
    uint16_t version;
    uint8_t random[32];
    uint8_t session_id[32];
    size_t session_id_len;
    uint16_t suites[TLS_MAX_SUITES];
    size_t nsuites;
    uint8_t compressions[TLS_MAX_COMPRESSIONS];
    size_t ncompressions;
    bool has_extensions;            /**< the extensions block is present at all */
    bool has_server_name;
    char server_name[TLS_MAX_HOSTNAME + 1]; /**< host_name, NUL-terminated */
    bool has_groups;
    uint16_t groups[TLS_MAX_GROUPS];
    size_t ngroups;
    bool has_point_formats;
    uint8_t point_formats[TLS_MAX_POINT_FORMATS];
    size_t npoint_formats;
    bool has_sigalgs;
    uint16_t sigalgs[TLS_MAX_SIGALGS];
    size_t nsigalgs;
    bool has_etm;                   /**< encrypt_then_mac (empty, RFC 7366) */
    bool has_ems;                   /**< extended_master_secret (empty) */
    bool has_reneg_info;            /**< renegotiation_info (must be empty here) */
    bool has_ticket_ext;            /**< SessionTicket (RFC 5077 §3.2): empty to ask
                                         for a ticket, or a ticket to resume with */
    const uint8_t *ticket;          /**< the ticket it carries (into the parsed bytes) */
    size_t ticket_len;
    tls_ext_seen exts[TLS_MAX_EXTENSIONS]; /**< the first TLS_MAX_EXTENSIONS, in order */
    size_t nexts;
    size_t nexts_total;             /**< extensions in the message, kept in exts or not */
} tls_client_hello;

tls_err tls_client_hello_write(const tls_client_hello *m, tls_writer *w);
tls_err tls_client_hello_parse(tls_reader *r, tls_client_hello *m);

/** \brief ServerHello (RFC 5246 §7.4.1.3). */
typedef struct tls_server_hello {
    uint16_t version;
    uint8_t random[32];
    uint8_t session_id[32];
    size_t session_id_len;
    uint16_t suite;
    uint8_t compression;
    bool has_extensions;
    bool has_point_formats;
    uint8_t point_formats[TLS_MAX_POINT_FORMATS];
    size_t npoint_formats;
    bool has_etm;
    bool has_ems;
    bool has_reneg_info;
    bool has_ticket_ext;            /**< SessionTicket, empty: a NewSessionTicket will follow */
    tls_ext_seen exts[TLS_MAX_EXTENSIONS];
    size_t nexts;
    size_t nexts_total;             /**< extensions in the message, kept in exts or not */
} tls_server_hello;

tls_err tls_server_hello_write(const tls_server_hello *m, tls_writer *w);
tls_err tls_server_hello_parse(tls_reader *r, tls_server_hello *m);

/** \brief Certificate (RFC 5246 §7.4.2): a chain of DER certificates, leaf first. */
typedef struct tls_certificate_msg {
    const uint8_t *certs[TLS_MAX_CERTS];
    size_t cert_lens[TLS_MAX_CERTS];
    size_t ncerts;
    size_t total;                   /**< certificates in the message, kept or not */
} tls_certificate_msg;

tls_err tls_certificate_write(const tls_certificate_msg *m, tls_writer *w);
/** \brief More than TLS_MAX_CERTS certificates is TLS_ERR_BAD_CERTIFICATE. */
tls_err tls_certificate_parse(tls_reader *r, tls_certificate_msg *m);

/**
 * \brief ServerKeyExchange for ECDHE_RSA (RFC 8422 §5.4): ServerECDHParams
 *        (named_curve + public point), or for DHE_RSA (RFC 5246 §7.4.3)
 *        ServerDHParams (dh_p, dh_g, dh_Ys); then a digitally-signed struct.
 *        The body has no type marker: the negotiated suite says which.
 */
typedef struct tls_server_key_exchange {
    uint8_t curve_type;         /**< 3 = named_curve */
    uint16_t group;
    const uint8_t *point;
    size_t point_len;
    const uint8_t *dh_p, *dh_g, *dh_ys;   /**< DHE: big-endian integers */
    size_t dh_p_len, dh_g_len, dh_ys_len;
    const uint8_t *params;      /**< the Server(EC)DHParams bytes (what is signed) */
    size_t params_len;
    uint16_t sig_alg;           /**< SignatureAndHashAlgorithm, e.g. 0x0401 */
    const uint8_t *sig;
    size_t sig_len;
    bool is_dhe;                /**< set by the caller before parsing (kept) */
} tls_server_key_exchange;

/** \brief Writes params from the fields (params/params_len ignored). */
tls_err tls_server_key_exchange_write(const tls_server_key_exchange *m, tls_writer *w);
/** \brief \p m->is_dhe must be set by the caller before parsing. */
tls_err tls_server_key_exchange_parse(tls_reader *r, tls_server_key_exchange *m);
/**
 * \brief Encode only the ServerECDHParams (curve_type, group, point) or the
 *        ServerDHParams (dh_p, dh_g, dh_Ys), as \p m->is_dhe says: the bytes
 *        that are signed, written identically by the sender and checked by
 *        the receiver.
 */
tls_err tls_server_kx_params_write(const tls_server_key_exchange *m, tls_writer *w);

/** \brief Bit length of a big-endian integer (leading zero bytes ignored). */
size_t tls_dh_int_bits(const uint8_t *p, size_t len);

/** \brief ClientCertificateType rsa_sign (RFC 5246 §7.4.4). */
#define TLS_CERT_TYPE_RSA_SIGN 1
/** \brief ClientCertificateType ecdsa_sign (RFC 8422 §5.5). */
#define TLS_CERT_TYPE_ECDSA_SIGN 64

/** \brief Limit on the CA names a CertificateRequest lists that we keep. */
#define TLS_MAX_CA_NAMES 16

/**
 * \brief CertificateRequest (RFC 5246 §7.4.4): the server asks the client
 *        for a certificate: of which types, signed how, and issued by which
 *        CAs (DER-encoded distinguished names; an empty list means any).
 */
typedef struct tls_certificate_request {
    uint8_t cert_types[TLS_MAX_COMPRESSIONS];
    size_t ncert_types;
    uint16_t sigalgs[TLS_MAX_SIGALGS];
    size_t nsigalgs;
    const uint8_t *ca_names[TLS_MAX_CA_NAMES];
    size_t ca_name_lens[TLS_MAX_CA_NAMES];
    size_t nca_names;           /**< names kept (the rest are only dissected) */
} tls_certificate_request;

tls_err tls_certificate_request_write(const tls_certificate_request *m, tls_writer *w);
tls_err tls_certificate_request_parse(tls_reader *r, tls_certificate_request *m);

/**
 * \brief CertificateVerify (RFC 5246 §7.4.8): the client's signature over
 *        every handshake message so far, with the key of its certificate.
 */
typedef struct tls_certificate_verify {
    uint16_t sig_alg;
    const uint8_t *sig;
    size_t sig_len;
} tls_certificate_verify;

tls_err tls_certificate_verify_write(const tls_certificate_verify *m, tls_writer *w);
tls_err tls_certificate_verify_parse(tls_reader *r, tls_certificate_verify *m);

/** \brief ServerHelloDone (RFC 5246 §7.4.5): empty body. */
/** \brief Longest ticket tlssim keeps (RFC 5077: opaque ticket<0..2^16-1>). */
#define TLS_MAX_TICKET 1024

/** \brief NewSessionTicket (RFC 5077 §3.3): a lifetime hint and an opaque ticket. */
typedef struct tls_new_session_ticket {
    uint32_t lifetime_hint;     /**< seconds the client may keep it (0: unspecified) */
    const uint8_t *ticket;      /**< opaque to the client */
    size_t ticket_len;
} tls_new_session_ticket;

tls_err tls_new_session_ticket_write(const tls_new_session_ticket *m, tls_writer *w);
tls_err tls_new_session_ticket_parse(tls_reader *r, tls_new_session_ticket *m);

tls_err tls_server_hello_done_write(tls_writer *w);
tls_err tls_server_hello_done_parse(tls_reader *r);

/**
 * \brief ClientKeyExchange (RFC 5246 §7.4.7; RFC 8422 §5.7): for ECDHE an
 *        opaque point<1..255>; for RSA an EncryptedPreMasterSecret<0..2^16-1>;
 *        for DHE the client's dh_Yc<1..2^16-1>.
 *        The body has no type marker: the negotiated suite says which.
 */
typedef struct tls_client_key_exchange {
    bool is_rsa;
    const uint8_t *data;        /**< the point, the RSA ciphertext or dh_Yc */
    size_t len;
    bool is_dhe;
} tls_client_key_exchange;

tls_err tls_client_key_exchange_write(const tls_client_key_exchange *m, tls_writer *w);
/** \brief \p m->is_rsa and \p m->is_dhe must be set by the caller before parsing. */
tls_err tls_client_key_exchange_parse(tls_reader *r, tls_client_key_exchange *m);

/** \brief ChangeCipherSpec (RFC 5246 §7.1): one byte, value 1. */
tls_err tls_change_cipher_spec_write(tls_writer *w);
tls_err tls_change_cipher_spec_parse(tls_reader *r);

/** \brief Finished (RFC 5246 §7.4.9): verify_data[12]. */
typedef struct tls_finished {
    uint8_t verify_data[12];
} tls_finished;

tls_err tls_finished_write(const tls_finished *m, tls_writer *w);
tls_err tls_finished_parse(tls_reader *r, tls_finished *m);

/** \brief Alert (RFC 5246 §7.2): level and description. */
typedef struct tls_alert {
    uint8_t level;
    uint8_t description;
} tls_alert;

tls_err tls_alert_write(const tls_alert *m, tls_writer *w);
tls_err tls_alert_parse(tls_reader *r, tls_alert *m);

/**
 * \brief Handshake header: msg_type(1) ‖ length(3); the caller appends the
 *        \p body_len bytes of body after it.
 */
void tls_msg_header_write(tls_writer *w, uint8_t hs_type, size_t body_len);

/** \brief Handshake header bytes: msg_type(1) ‖ length(3). */
#define TLS_HANDSHAKE_HEADER 4

/** \brief A handshake message larger than this is refused rather than
 *         buffered: the largest expected is a certificate chain of a few KiB. */
#define TLS_MAX_HANDSHAKE_MESSAGE (1u << 17)

/**
 * \brief Frame the first handshake message in a stream of handshake bytes
 *        (messages may span records, and records hold several).
 * \param msg_len  set as tls_stream_frame's unit_len: header and body
 * \return TLS_READ_OK, TLS_READ_NEED_MORE, or TLS_READ_OVERSIZE for a body
 *         over TLS_MAX_HANDSHAKE_MESSAGE
 */
tls_read_result tls_msg_frame(const uint8_t *p, size_t n, size_t *msg_len);

/**
 * \brief Parse the 4-byte handshake header and open the body.
 * \param type  message type read
 * \param body  reader over exactly the body
 */
tls_err tls_msg_header_parse(tls_reader *r, uint8_t *type, tls_reader *body);

/** \brief One whole handshake message: its type and a reader over its body. */
typedef void (*tls_msg_fn)(void *ctx, uint8_t type, tls_reader *body);

/**
 * \brief Add \p n handshake bytes to \p hs (what is left of earlier ones)
 *        and hand each whole message to \p fn, keeping the rest: how a
 *        passive reader follows messages across records.
 * \return TLS_READ_NEED_MORE when all whole messages were handed on, or
 *         TLS_READ_OVERSIZE (the buffer cannot make sense any more; a
 *         failed allocation counts as that too)
 */
tls_read_result tls_msg_each(tls_writer *hs, const uint8_t *p, size_t n, tls_msg_fn fn,
                             void *ctx);

struct tls_dissect;
struct tls_suite;

/**
 * \brief Dissect one whole message of \p content_type (a handshake message
 *        with its header, a ChangeCipherSpec, an alert, application data)
 *        with the same parsers the engines read it with, for showing it: a
 *        sender's own message, or one a passive reader found.  What does not
 *        parse is dissected as far as it goes.
 * \param kx  the key exchange whose ServerKeyExchange and ClientKeyExchange
 *            to expect: the negotiated suite's, or as far as the messages
 *            tell it (tls_flow_guess_kx); ECDHE's before ServerHello
 */
void tls_msg_dissect(uint8_t content_type, const uint8_t *msg, size_t len, tls_kx kx,
                     struct tls_dissect *d);

/** \brief Dissect application data: one field, annotated with a short text preview. */
void tls_app_data_dissect(tls_reader *r, const uint8_t *p, size_t n);

/** \brief "ClientHello", "ServerHello", ... or NULL for an unknown type. */
const char *tls_hs_type_name(uint8_t type);
/** \brief "handshake", "change_cipher_spec", "alert", "application_data", or NULL. */
const char *tls_content_type_name(uint8_t type);

#endif
