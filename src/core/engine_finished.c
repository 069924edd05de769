/* Steps 7-10, the same for both sides: ChangeCipherSpec and Finished. */
#include <string.h>

#include "engine_internal.h"

static const char *finished_label(tls_party sender)
{
    return sender == TLS_PARTY_CLIENT ? "client finished" : "server finished";
}

static tls_value_kind verify_data_kind(tls_party sender)
{
    return sender == TLS_PARTY_CLIENT ? TLS_VALUE_CLIENT_VERIFY_DATA : TLS_VALUE_SERVER_VERIFY_DATA;
}

/* What the sender protects its records with from now on. */
static void note_ccs_sent(tls_engine *e)
{
    const char *key = engine_write_key_name(e->role);
    const char *party = tls_party_name(e->role);
    switch (e->suite->cipher) {
    case TLS_CIPHER_AES_GCM:
        engine_note(e, TLS_TEXT_CCS_SENT,
                    TLS_ARGS(TLS_ARG_T("party", party), TLS_ARG_U("bits", 8 * e->kb.key_len),
                             TLS_ARG_S("key", key)));
        return;
    case TLS_CIPHER_CHACHA20_POLY1305:
        engine_note(e, TLS_TEXT_CCS_SENT_CHACHA,
                    TLS_ARGS(TLS_ARG_T("party", party), TLS_ARG_S("key", key)));
        return;
    case TLS_CIPHER_AES_CBC:
        engine_note(e, TLS_TEXT_CCS_SENT_CBC,
                    TLS_ARGS(TLS_ARG_T("party", party), TLS_ARG_U("bits", 8 * e->kb.key_len),
                             TLS_ARG_S("key", key),
                             TLS_ARG_S("hash", tls_hash_name(e->suite->mac_hash)),
                             TLS_ARG_S("mac_key", tls_value_name(
                                                      e->role == TLS_PARTY_CLIENT
                                                          ? TLS_VALUE_CLIENT_WRITE_MAC_KEY
                                                          : TLS_VALUE_SERVER_WRITE_MAC_KEY)),
                             TLS_ARG_T("order", e->etm ? TLS_TERM("encrypt-then-MAC")
                                                       : TLS_TERM("MAC-then-encrypt"))));
        return;
    }
}

/* Steps 7 and 9 (sender): the switch itself happens in the engine once the
 * record is queued, so the CCS travels in the clear. */
tls_err change_cipher_spec_write(tls_engine *e, tls_writer *w)
{
    tls_err err = tls_change_cipher_spec_write(w);
    if (err == TLS_OK)
        note_ccs_sent(e);
    return err;
}

tls_err change_cipher_spec_read(tls_engine *e, tls_reader *r)
{
    tls_err err = tls_change_cipher_spec_parse(r);
    if (err == TLS_OK)
        engine_note(e, TLS_TEXT_CCS_RECEIVED,
                    TLS_ARGS(TLS_ARG_T("party", tls_party_name(e->role)),
                             TLS_ARG_T("peer", tls_party_name(e->peer)),
                             TLS_ARG_S("key", engine_write_key_name(e->peer))));
    return err;
}

/* Steps 8 and 10 (sender): verify_data over every handshake message so far. */
tls_err finished_write(tls_engine *e, tls_writer *w)
{
    tls_finished fin;
    tls_err err = engine_verify_data(e, finished_label(e->role), fin.verify_data);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_VERIFY_DATA_FAILED, NULL);
    engine_value(e, verify_data_kind(e->role), fin.verify_data, 12, NULL);
    return tls_finished_write(&fin, w);
}

tls_err finished_read(tls_engine *e, tls_reader *r)
{
    tls_finished fin;
    tls_err err = tls_finished_parse(r, &fin);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_MALFORMED_MESSAGE,
                           TLS_ARGS(TLS_ARG_S("message", "Finished")));
    uint8_t want[12];
    err = engine_verify_data(e, finished_label(e->peer), want);
    if (err != TLS_OK)
        return engine_fail(e, err, TLS_TEXT_VERIFY_DATA_FAILED, NULL);
    /* Constant-time comparison: a timing difference would leak how many
     * leading bytes an attacker guessed right. */
    uint8_t diff = 0;
    for (size_t i = 0; i < 12; i++)
        diff |= (uint8_t)(want[i] ^ fin.verify_data[i]);
    engine_value(e, verify_data_kind(e->peer), fin.verify_data, 12, NULL);
    const tls_text_arg *args = TLS_ARGS(TLS_ARG_T("peer", tls_party_name(e->peer)),
                                        TLS_ARG_S("label", finished_label(e->peer)));
    engine_check(e, TLS_TEXT_CHECK_FINISHED, diff == 0,
                 diff == 0 ? TLS_TEXT_FINISHED_OK : TLS_TEXT_FINISHED_BAD, args);
    if (diff != 0)
        return engine_fail(e, TLS_ERR_DECRYPT_ERROR, TLS_TEXT_FINISHED_FAILED, args);
    return TLS_OK;
}
