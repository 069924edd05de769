/* The record layer: framing, and dispatch to the kind of protection
 * (record_aead.c, record_cbc.c).  See include/tlssim/record.h. */
#include "record_internal.h"

#include <string.h>

#include "tlssim/crypto.h"
#include "tlssim/msg.h"

void record_put_be(uint8_t *p, uint64_t v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
}

void record_header13(uint8_t out[13], uint64_t seq, uint8_t type, uint16_t version, size_t len)
{
    record_put_be(out, seq, 8);
    out[8] = type;
    record_put_be(out + 9, version, 2);
    record_put_be(out + 11, len, 2);
}

static const record_ops *ops_of(tls_record_kind kind)
{
    switch (kind) {
    case TLS_RECORD_AES_GCM: return &record_gcm_ops;
    case TLS_RECORD_CHACHA20: return &record_chacha_ops;
    case TLS_RECORD_CBC: return &record_cbc_ops;
    case TLS_RECORD_CBC_ETM: return &record_cbc_etm_ops;
    case TLS_RECORD_CLEAR: break;
    }
    return NULL;
}

tls_record_kind tls_record_kind_of(const tls_suite *s, bool etm)
{
    switch (s->cipher) {
    case TLS_CIPHER_AES_GCM: return TLS_RECORD_AES_GCM;
    case TLS_CIPHER_CHACHA20_POLY1305: return TLS_RECORD_CHACHA20;
    case TLS_CIPHER_AES_CBC: return etm ? TLS_RECORD_CBC_ETM : TLS_RECORD_CBC;
    }
    return TLS_RECORD_CLEAR;
}

bool tls_record_layout_of(tls_record_kind kind, size_t mac_len, size_t fragment_len,
                          tls_record_layout *l)
{
    const record_ops *ops = ops_of(kind);
    return ops && ops->layout(ops->data, mac_len, fragment_len, l);
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
    const record_ops *ops = ops_of(p->kind);
    if (!ops || p->seq == UINT64_MAX)
        return TLS_ERR_INTERNAL; /* RFC 5246 §6.1: never wrap: renegotiate instead */
    tls_record_crypto c = {.kind = p->kind, .seq = p->seq, .mac_len = (uint8_t)p->mac_key_len};
    tls_err e = ops->seal(ops->data, p, type, version, frag, len, out, &c);
    if (e == TLS_OK)
        e = tls_writer_error(out);
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

/* The protected parts, as the kind lays them out; a fragment too short
 * for them is one encrypted_fragment (the receiver rejects it). */
static void dissect_protected(tls_reader *r, const tls_record_protect *p, size_t left)
{
    const record_ops *ops = ops_of(p->kind);
    tls_record_layout l;
    const uint8_t *q;
    if (!ops || !ops->layout(ops->data, p->mac_key_len, left, &l)) {
        tls_reader_bytes(r, "encrypted_fragment", left, &q);
        return;
    }
    if (l.explicit_len)
        tls_reader_bytes(r, ops->explicit_name, l.explicit_len, &q);
    tls_reader_bytes(r, ops->body_name, l.body_len, &q);
    if (l.tag_len)
        tls_reader_bytes(r, ops->tag_name, l.tag_len, &q);
}

void tls_record_dissect(const tls_record *rec, const tls_record_protect *p, tls_dissect *d)
{
    tls_reader r;
    uint8_t type;
    uint16_t version, length;
    const uint8_t *q;
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
    if (p && p->active)
        dissect_protected(&r, p, left);
    else
        tls_reader_bytes(&r, "fragment", left, &q);
}

tls_err tls_record_open(const tls_record *rec, tls_record_protect *p,
                        uint8_t *out, size_t *out_len, tls_record_crypto *info)
{
    const record_ops *ops = ops_of(p->kind);
    if (!ops || p->seq == UINT64_MAX)
        return TLS_ERR_INTERNAL;
    tls_record_crypto c = {.kind = p->kind, .seq = p->seq, .mac_len = (uint8_t)p->mac_key_len};
    tls_err e = ops->open(ops->data, p, rec, out, out_len, &c);
    if (e == TLS_OK) {
        p->seq++;
    } else {
        /* What a failed record taught the receiver stays with it. */
        tls_wipe(c.mac, sizeof c.mac);
        c.pad_len = 0;
    }
    if (info)
        *info = c;
    return e;
}

void tls_record_protect_start(tls_record_protect *p, const tls_suite *s, bool etm,
                              const tls_key_block *kb, bool client_writes, tls_rng *rng)
{
    memset(p, 0, sizeof *p);
    p->active = true;
    p->kind = tls_record_kind_of(s, etm);
    memcpy(p->key, client_writes ? kb->client_write_key : kb->server_write_key, kb->key_len);
    p->key_len = kb->key_len;
    memcpy(p->iv, client_writes ? kb->client_write_iv : kb->server_write_iv, kb->iv_len);
    p->iv_len = kb->iv_len;
    memcpy(p->mac_key, client_writes ? kb->client_write_mac_key : kb->server_write_mac_key,
           kb->mac_key_len);
    p->mac_key_len = kb->mac_key_len;
    p->mac_hash = s->mac_hash;
    p->seq = 0;
    p->rng = rng;
}
