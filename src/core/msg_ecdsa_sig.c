/* The inside of an ECDSA signature, for the dissection.  See msg_internal.h. */
#include "msg_internal.h"

/*
 * RFC 8422 §5.4 (after RFC 3279 §2.2.3): TLS carries an ECDSA signature as
 * the DER encoding of
 *
 *   Ecdsa-Sig-Value ::= SEQUENCE {
 *       r       INTEGER,
 *       s       INTEGER
 *   }
 *
 * so a P-256 signature is 70 to 72 bytes, not the 64 of r ‖ s: each
 * INTEGER has a tag and a length, and a leading 00 when its top bit is set
 * (DER integers are signed).  This file only shows those fields; whether
 * the signature is good is the verifier's business (crypto_pk.c), which
 * refuses malformed DER as a bad signature: decrypt_error.
 */

enum { DER_SEQUENCE = 0x30, DER_INTEGER = 0x02 };

/* A DER length at p[*pos]: the short form, or 0x81 and one byte of at
 * least 0x80 (the only long form a signature on our curves needs). */
static bool der_length(const uint8_t *p, size_t n, size_t *pos, size_t *len)
{
    if (*pos >= n)
        return false;
    uint8_t b = p[(*pos)++];
    if (b < 0x80) {
        *len = b;
        return true;
    }
    if (b != 0x81 || *pos >= n || p[*pos] < 0x80)
        return false;
    *len = p[(*pos)++];
    return true;
}

/* A positive, minimally encoded INTEGER at p[*pos]. */
static bool der_integer(const uint8_t *p, size_t n, size_t *pos)
{
    size_t len;
    if (*pos >= n || p[(*pos)++] != DER_INTEGER || !der_length(p, n, pos, &len) ||
        len == 0 || len > n - *pos)
        return false;
    const uint8_t *v = p + *pos;
    bool negative = v[0] & 0x80;
    bool padded_needlessly = len > 1 && v[0] == 0 && !(v[1] & 0x80);
    *pos += len;
    return !negative && !padded_needlessly;
}

bool msg_ecdsa_sig_is_der(const uint8_t *p, size_t n)
{
    size_t pos = 0, len;
    if (n == 0 || p[pos++] != DER_SEQUENCE || !der_length(p, n, &pos, &len) ||
        len != n - pos)
        return false;
    return der_integer(p, n, &pos) && der_integer(p, n, &pos) && pos == n;
}

/* Tag and length as fields; the length field says how many bytes follow. */
static tls_err read_header(tls_reader *r, const char *tag_name, const char *what)
{
    uint8_t tag, b;
    tls_err e = tls_reader_u8(r, tag_name, &tag);
    if (e != TLS_OK)
        return e;
    tls_reader_annotate(r, "%s", what);
    tls_reader peek = *r;
    peek.dissect = NULL;
    if ((e = tls_reader_u8(&peek, NULL, &b)) != TLS_OK)
        return e;
    const char *len_name = tag == DER_SEQUENCE ? "SEQUENCE.length" : "length";
    if (b != 0x81)
        return tls_reader_u8(r, len_name, &b);
    uint16_t two;
    return tls_reader_u16(r, len_name, &two);
}

static tls_err read_integer(tls_reader *r, const char *name, tls_text_id meaning)
{
    /* Tag, length, value: the header's size is known once the length is read. */
    const uint8_t *p = tls_reader_ptr(r);
    size_t pos = 1, len = 0;
    if (!der_length(p, tls_reader_left(r), &pos, &len))
        return TLS_ERR_DECODE;
    tls_reader item;
    const uint8_t *v;
    tls_err e = tls_reader_open_fixed(r, name, pos + len, &item);
    if (e == TLS_OK)
        e = read_header(&item, "tag", "INTEGER");
    if (e == TLS_OK && len > 1 && p[pos] == 0)
        tls_reader_annotate_text(&item, TLS_TEXT_FIELD_DER_INT_PADDED, NULL);
    if (e == TLS_OK)
        e = tls_reader_bytes(&item, "value", len, &v);
    if (e == TLS_OK)
        tls_reader_annotate_text(&item, meaning, NULL);
    return e == TLS_OK ? tls_reader_close(&item) : e;
}

tls_err msg_read_ecdsa_sig(tls_reader *r, size_t n, tls_text_id note)
{
    const uint8_t *p = tls_reader_ptr(r);
    if (tls_reader_left(r) < n)
        return TLS_ERR_DECODE;
    if (!msg_ecdsa_sig_is_der(p, n)) {
        const uint8_t *sig;
        tls_err e = tls_reader_bytes(r, "signature", n, &sig);
        if (e == TLS_OK)
            tls_reader_annotate_text(r, TLS_TEXT_FIELD_ECDSA_NOT_DER, NULL);
        return e;
    }
    tls_reader sig;
    tls_err e = tls_reader_open_fixed(r, "signature", n, &sig);
    if (e != TLS_OK)
        return e;
    tls_reader_annotate_text(r, note, NULL);
    if ((e = read_header(&sig, "SEQUENCE.tag", "SEQUENCE")) != TLS_OK)
        return e;
    tls_reader_annotate_text(&sig, TLS_TEXT_FIELD_ECDSA_SIG, TLS_ARGS(TLS_ARG_U("bytes", n)));
    if ((e = read_integer(&sig, "r", TLS_TEXT_FIELD_ECDSA_R)) != TLS_OK ||
        (e = read_integer(&sig, "s", TLS_TEXT_FIELD_ECDSA_S)) != TLS_OK)
        return e;
    return tls_reader_close(&sig);
}
