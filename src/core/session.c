/* Session cache and tickets: see include/tlssim/session.h. */
#include "tlssim/session.h"

#include <string.h>

/* The state's flags byte. */
#define TICKET_FLAG_EMS 1
#define TICKET_FLAG_ETM 2

const char *tls_resume_mode_name(tls_resume_mode m)
{
    return m == TLS_RESUME_ID ? "id" : m == TLS_RESUME_TICKET ? "ticket" : "off";
}

tls_err tls_session_store_init(tls_session_store *st, tls_resume_mode mode, tls_rng *rng)
{
    memset(st, 0, sizeof *st);
    st->mode = mode;
    tls_err err = tls_rng_bytes(rng, st->key_name, sizeof st->key_name);
    if (err == TLS_OK)
        err = tls_rng_bytes(rng, st->key, sizeof st->key);
    return err;
}

void tls_session_store_wipe(tls_session_store *st) { tls_wipe(st, sizeof *st); }

void tls_session_cache_put(tls_session_store *st, const tls_session *s)
{
    if (s->id_len == 0)
        return;
    st->cache[st->next] = *s;
    st->next = (st->next + 1) % TLS_SESSION_CACHE_MAX;
}

const tls_session *tls_session_cache_get(const tls_session_store *st, const uint8_t *id,
                                         size_t id_len)
{
    for (size_t i = 0; id_len > 0 && i < TLS_SESSION_CACHE_MAX; i++) {
        const tls_session *s = &st->cache[i];
        if (s->valid && s->id_len == id_len && memcmp(s->id, id, id_len) == 0)
            return s;
    }
    return NULL;
}

void tls_ticket_state_encode(const tls_session *s, uint8_t out[TLS_TICKET_STATE])
{
    out[0] = TLS_VERSION_1_2 >> 8;
    out[1] = TLS_VERSION_1_2 & 0xff;
    out[2] = (uint8_t)(s->suite >> 8);
    out[3] = (uint8_t)s->suite;
    out[4] = (uint8_t)((s->ems ? TICKET_FLAG_EMS : 0) | (s->etm ? TICKET_FLAG_ETM : 0));
    memcpy(out + 5, s->master, 48);
}

tls_err tls_ticket_seal(const tls_session_store *st, tls_rng *rng,
                        const uint8_t state[TLS_TICKET_STATE], uint8_t out[TLS_TICKET_LEN])
{
    uint8_t *iv = out + TLS_TICKET_KEY_NAME;
    memcpy(out, st->key_name, TLS_TICKET_KEY_NAME);
    tls_err err = tls_rng_bytes(rng, iv, TLS_TICKET_IV);
    if (err != TLS_OK)
        return err;
    /* key_name is authenticated too: a ticket cannot be passed off as
     * sealed under another key. */
    return tls_aead_seal(st->key, sizeof st->key, iv, st->key_name, TLS_TICKET_KEY_NAME, state,
                         TLS_TICKET_STATE, iv + TLS_TICKET_IV);
}

tls_ticket_verdict tls_ticket_open(const tls_session_store *st, const uint8_t *ticket,
                                   size_t len, tls_session *s)
{
    memset(s, 0, sizeof *s);
    if (len != TLS_TICKET_LEN)
        return TLS_TICKET_WRONG_LENGTH;
    if (memcmp(ticket, st->key_name, TLS_TICKET_KEY_NAME) != 0)
        return TLS_TICKET_UNKNOWN_KEY;
    const uint8_t *iv = ticket + TLS_TICKET_KEY_NAME;
    uint8_t state[TLS_TICKET_STATE];
    if (tls_aead_open(st->key, sizeof st->key, iv, ticket, TLS_TICKET_KEY_NAME,
                      iv + TLS_TICKET_IV, TLS_TICKET_STATE + 16, state) != TLS_OK)
        return TLS_TICKET_BAD_TAG;
    tls_ticket_verdict v = TLS_TICKET_BAD_STATE;
    if (state[0] == (TLS_VERSION_1_2 >> 8) && state[1] == (TLS_VERSION_1_2 & 0xff) &&
        (state[4] & ~(TICKET_FLAG_EMS | TICKET_FLAG_ETM)) == 0) {
        s->valid = true;
        s->suite = (uint16_t)(state[2] << 8 | state[3]);
        s->ems = (state[4] & TICKET_FLAG_EMS) != 0;
        s->etm = (state[4] & TICKET_FLAG_ETM) != 0;
        memcpy(s->master, state + 5, 48);
        v = TLS_TICKET_OPENED;
    }
    tls_wipe(state, sizeof state);
    return v;
}
