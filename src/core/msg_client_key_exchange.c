/* ClientKeyExchange.  See include/tlssim/msg.h. */
#include "msg_internal.h"

/*
 * RFC 5246 §7.4.7:
 *
 *   struct {
 *       select (KeyExchangeAlgorithm) {
 *           case rsa:
 *               EncryptedPreMasterSecret;
 *           ...
 *       } exchange_keys;
 *   } ClientKeyExchange;
 *
 * RFC 5246 §7.4.7.1:
 *
 *   struct {
 *       public-key-encrypted PreMasterSecret pre_master_secret;
 *   } EncryptedPreMasterSecret;
 *
 * which in TLS 1.0 and later carries a 2-byte length before the RSA
 * ciphertext (SSL 3.0 had none): opaque <0..2^16-1> on the wire.
 *
 * RFC 8422 §5.7:
 *
 *   struct {
 *       select (PublicValueEncoding) {
 *           case implicit: struct { };
 *           case explicit: ECPoint ecdh_Yc;
 *       } ecdh_public;
 *   } ClientECDiffieHellmanPublic;
 *
 * (implicit is for fixed-ECDH client certificates, which we do not do.)
 *
 * RFC 5246 §7.4.7.2:
 *
 *   struct {
 *       select (PublicValueEncoding) {
 *           case implicit: struct { };
 *           case explicit: opaque dh_Yc<1..2^16-1>;
 *       } dh_public;
 *   } ClientDiffieHellmanPublic;
 *
 * Nothing in the body says which form it is: both sides know from the
 * suite the ServerHello chose, hence m->is_rsa and m->is_dhe set by the caller.
 */
tls_err tls_client_key_exchange_write(const tls_client_key_exchange *m, tls_writer *w)
{
    if (m->is_dhe)
        return msg_write_dh_int(w, m->data, m->len);
    if (!m->is_rsa)
        return msg_write_ec_point(w, m->data, m->len);
    if (m->len > 0xffff)
        return TLS_ERR_INTERNAL;
    tls_writer_u16(w, (uint16_t)m->len);
    tls_writer_bytes(w, m->data, m->len);
    return tls_writer_error(w);
}

tls_err tls_client_key_exchange_parse(tls_reader *r, tls_client_key_exchange *m)
{
    tls_err e;
    m->data = NULL;
    m->len = 0;
    if (m->is_dhe) {
        /* g^x mod p: with the server's Ys both sides reach the same Z. */
        if ((e = msg_read_dh_int(r, "dh_Yc", "dh_Yc.length", &m->data, &m->len)) != TLS_OK)
            return e;
        return tls_reader_close(r);
    }
    if (!m->is_rsa) {
        /* The client's ephemeral public key; with the server's, both sides
         * now compute the same shared secret, which never crosses the wire. */
        if ((e = msg_read_ec_point(r, "ecdh_Yc", &m->data, &m->len)) != TLS_OK)
            return e;
        return tls_reader_close(r);
    }
    /* The premaster secret encrypted to the server's certificate key: who
     * later steals that key can decrypt every recorded session. */
    uint16_t n;
    if ((e = tls_reader_u16(r, "encrypted_pre_master_secret.length", &n)) != TLS_OK ||
        (e = tls_reader_bytes(r, "encrypted_pre_master_secret", n, &m->data)) != TLS_OK)
        return e;
    tls_reader_annotate_text(r, TLS_TEXT_FIELD_RSA_CIPHERTEXT, NULL);
    m->len = n;
    return tls_reader_close(r);
}
