/* What the engines say about record protection, by kind: one place, so
 * the notes of every step speak of the same protection the record layer
 * applies (record.h). */
#include "engine_internal.h"

const char *engine_record_check(tls_record_kind kind)
{
    switch (kind) {
    case TLS_RECORD_CHACHA20: return TLS_TERM("the Poly1305 tag");
    case TLS_RECORD_CBC: return TLS_TERM("the padding and the HMAC inside the encryption");
    case TLS_RECORD_CBC_ETM: return TLS_TERM("the HMAC over the ciphertext");
    case TLS_RECORD_AES_GCM:
    case TLS_RECORD_CLEAR: break;
    }
    return NULL; /* GCM keeps its own sentence */
}

const char *engine_record_how(tls_record_kind kind)
{
    switch (kind) {
    case TLS_RECORD_CHACHA20:
        return TLS_TERM("nonce = the write IV XOR the sequence number padded to 12 bytes, so "
                        "none of it travels; AAD = seq ‖ type 23 ‖ version 0303 ‖ plaintext "
                        "length; the 16-byte Poly1305 tag lets the peer detect any change");
    case TLS_RECORD_CBC:
        return TLS_TERM("HMAC over seq ‖ type 23 ‖ version 0303 ‖ length ‖ data is appended, "
                        "padding fills the last 16-byte block, and all of it is encrypted "
                        "under a fresh random IV sent in front (MAC-then-encrypt)");
    case TLS_RECORD_CBC_ETM:
        return TLS_TERM("data and padding are encrypted under a fresh random IV sent in front, "
                        "then the HMAC over seq ‖ type 23 ‖ version 0303 ‖ length ‖ IV ‖ "
                        "ciphertext is appended (encrypt-then-MAC)");
    case TLS_RECORD_AES_GCM:
    case TLS_RECORD_CLEAR: break;
    }
    return NULL; /* GCM keeps its own sentence */
}

tls_err engine_record_rejected(tls_engine *e, tls_err err, uint8_t type)
{
    const char *name = tls_content_type_name(type);
    const tls_text_arg *args = TLS_ARGS(TLS_ARG_S("content_type", name ? name : "unknown"));
    switch (e->rprot.kind) {
    case TLS_RECORD_CHACHA20:
        return engine_fail(e, err, TLS_TEXT_RECORD_TAG_POLY1305, args);
    case TLS_RECORD_CBC:
    case TLS_RECORD_CBC_ETM:
        return engine_fail(e, err, TLS_TEXT_RECORD_CBC_REJECTED, args);
    case TLS_RECORD_AES_GCM:
    case TLS_RECORD_CLEAR: break;
    }
    return engine_fail(e, err, TLS_TEXT_RECORD_TAG, args);
}
