/* The record layer: see include/tlssim/record.h. */
#include "tlssim/record.h"

#include <string.h>

#include "tlssim/crypto.h"
#include "tlssim/msg.h"

static void put_be(uint8_t *p, uint64_t v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
}

/* nonce = salt ‖ explicit; aad = seq ‖ type ‖ version ‖ plaintext length */
static void gcm_inputs(const tls_record_protect *p, uint8_t type, uint16_t version,
                       size_t pt_len, const uint8_t explicit_nonce[8],
                       tls_record_crypto *c)
{
    c->seq = p->seq;
    memcpy(c->nonce, p->salt, 4);
    memcpy(c->nonce + 4, explicit_nonce, 8);
    put_be(c->aad, p->seq, 8);
    c->aad[8] = type;
    put_be(c->aad + 9, version, 2);
    put_be(c->aad + 11, pt_len, 2);
}

tls_err tls_record_write(tls_writer *out, uint8_t type, uint16_t version,
                         const uint8_t *frag, size_t len,
                         tls_record_protect *p, tls_record_crypto *info)
{
    if (len > TLS_MAX_FRAGMENT)
        return TLS_ERR_INTERNAL;
    tls_writer_u8(out, type);
    tls_writer_u16(out, version);
    if (!p || !p->active) {
        tls_writer_u16(out, (uint16_t)len);
        tls_writer_bytes(out, frag, len);
        return tls_writer_error(out);
    }
    if (p->seq == UINT64_MAX)
        return TLS_ERR_INTERNAL; /* RFC 5246 §6.1: never wrap: renegotiate instead */
    tls_record_crypto c;
    uint8_t explicit_nonce[8];
    put_be(explicit_nonce, p->seq, 8);
    gcm_inputs(p, type, version, len, explicit_nonce, &c);
    tls_writer_u16(out, (uint16_t)(len + TLS_GCM_OVERHEAD));
    tls_writer_bytes(out, explicit_nonce, 8);
    uint8_t *ct = tls_writer_extend(out, len + 16);
    if (!ct)
        return tls_writer_error(out);
    tls_err e = tls_aead_seal(p->key, p->key_len, c.nonce, c.aad, sizeof c.aad,
                              frag, len, ct);
    if (e != TLS_OK)
        return e;
    p->seq++;
    if (info)
        *info = c;
    return TLS_OK;
}

tls_read_result tls_record_split(const uint8_t *buf, size_t len, tls_record *rec,
                                 size_t *need)
{
    size_t unit;
    tls_read_result r = tls_stream_frame(buf, len, TLS_RECORD_HEADER, 2, TLS_MAX_CIPHERTEXT,
                                         &unit);
    *need = r == TLS_READ_NEED_MORE ? unit - len : 0;
    if (r != TLS_READ_OK)
        return r;
    rec->type = buf[0];
    rec->version = (uint16_t)((buf[1] << 8) | buf[2]);
    rec->wire = buf;
    rec->wire_len = unit;
    rec->fragment = buf + TLS_RECORD_HEADER;
    rec->fragment_len = unit - TLS_RECORD_HEADER;
    return TLS_READ_OK;
}

void tls_record_dissect(const tls_record *rec, bool is_protected, tls_dissect *d)
{
    tls_reader r;
    uint8_t type;
    uint16_t version, length;
    const uint8_t *p;
    tls_reader_init(&r, rec->wire, rec->wire_len, d, 0);
    tls_reader_u8(&r, "content_type", &type);
    const char *tname = tls_content_type_name(type);
    if (tname)
        tls_reader_annotate(&r, "%s", tname);
    else
        tls_reader_annotate_text(&r, TLS_TEXT_FIELD_UNKNOWN, NULL);
    tls_reader_u16(&r, "legacy_record_version", &version);
    if (version == TLS_VERSION_1_2)
        tls_reader_annotate(&r, "TLS 1.2");
    else if (version == 0x0301)
        tls_reader_annotate_text(&r, TLS_TEXT_FIELD_VERSION_TLS10_FIRST, NULL);
    tls_reader_u16(&r, "length", &length);
    size_t left = tls_reader_left(&r);
    if (is_protected && left >= TLS_GCM_OVERHEAD) {
        tls_reader_bytes(&r, "explicit_nonce", 8, &p);
        tls_reader_bytes(&r, "encrypted_fragment", left - TLS_GCM_OVERHEAD, &p);
        tls_reader_bytes(&r, "gcm_tag", 16, &p);
    } else {
        tls_reader_bytes(&r, is_protected ? "encrypted_fragment" : "fragment",
                         left, &p);
    }
}

tls_err tls_record_open(const tls_record *rec, tls_record_protect *p,
                        uint8_t *out, size_t *out_len, tls_record_crypto *info)
{
    if (rec->fragment_len < TLS_GCM_OVERHEAD)
        return TLS_ERR_BAD_RECORD_MAC;
    size_t ct_len = rec->fragment_len - 8;
    size_t pt_len = ct_len - 16;
    if (pt_len > TLS_MAX_FRAGMENT)
        return TLS_ERR_RECORD_OVERFLOW;
    if (p->seq == UINT64_MAX)
        return TLS_ERR_INTERNAL;
    tls_record_crypto c;
    gcm_inputs(p, rec->type, rec->version, pt_len, rec->fragment, &c);
    tls_err e = tls_aead_open(p->key, p->key_len, c.nonce, c.aad, sizeof c.aad,
                              rec->fragment + 8, ct_len, out);
    if (e != TLS_OK)
        return e;
    p->seq++;
    *out_len = pt_len;
    if (info)
        *info = c;
    return TLS_OK;
}

void tls_record_protect_start(tls_record_protect *p, const tls_key_block *kb, bool client_writes)
{
    p->active = true;
    memcpy(p->key, client_writes ? kb->client_write_key : kb->server_write_key, kb->key_len);
    p->key_len = kb->key_len;
    memcpy(p->salt, client_writes ? kb->client_write_iv : kb->server_write_iv, 4);
    p->seq = 0;
}
