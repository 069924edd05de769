/* The ten steps of a full TLS 1.2 handshake: see include/tlssim/handshake.h. */
#include "tlssim/handshake.h"

#include <stddef.h>

#include "engine_internal.h"

static const tls_step steps[TLS_STEP_COUNT] = {
    {1, TLS_PARTY_CLIENT, "ClientHello", TLS_CT_HANDSHAKE, TLS_HS_CLIENT_HELLO,
     false, TLS_TEXT_NONE,
     TLS_TEXT_TEACH_CLIENT_HELLO, TLS_TEXT_TITLE_CLIENT_HELLO,
     "01-client-hello", false, client_hello_write, client_hello_read},
    {2, TLS_PARTY_SERVER, "ServerHello", TLS_CT_HANDSHAKE, TLS_HS_SERVER_HELLO,
     false, TLS_TEXT_NONE,
     TLS_TEXT_TEACH_SERVER_HELLO, TLS_TEXT_TITLE_SERVER_HELLO,
     "02-server-hello", false, server_hello_write, server_hello_read},
    {3, TLS_PARTY_SERVER, "Certificate", TLS_CT_HANDSHAKE, TLS_HS_CERTIFICATE,
     false, TLS_TEXT_NONE,
     TLS_TEXT_TEACH_CERTIFICATE, TLS_TEXT_TITLE_CERTIFICATE,
     "03-certificate", false, certificate_write, certificate_read},
    {4, TLS_PARTY_SERVER, "ServerKeyExchange", TLS_CT_HANDSHAKE, TLS_HS_SERVER_KEY_EXCHANGE,
     true,
     TLS_TEXT_SKIP_SERVER_KEY_EXCHANGE_RSA,
     TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE, TLS_TEXT_TITLE_SERVER_KEY_EXCHANGE,
     "04-server-key-exchange", false, server_key_exchange_write, server_key_exchange_read},
    {5, TLS_PARTY_SERVER, "ServerHelloDone", TLS_CT_HANDSHAKE, TLS_HS_SERVER_HELLO_DONE,
     false, TLS_TEXT_NONE,
     TLS_TEXT_TEACH_SERVER_HELLO_DONE, TLS_TEXT_TITLE_SERVER_HELLO_DONE,
     "05-server-hello-done", false, server_hello_done_write, server_hello_done_read},
    {6, TLS_PARTY_CLIENT, "ClientKeyExchange", TLS_CT_HANDSHAKE, TLS_HS_CLIENT_KEY_EXCHANGE,
     false, TLS_TEXT_NONE,
     TLS_TEXT_TEACH_CLIENT_KEY_EXCHANGE, TLS_TEXT_TITLE_CLIENT_KEY_EXCHANGE,
     "06-client-key-exchange", true, client_key_exchange_write, client_key_exchange_read},
    {7, TLS_PARTY_CLIENT, "ChangeCipherSpec", TLS_CT_CHANGE_CIPHER_SPEC, 0,
     false, TLS_TEXT_NONE,
     TLS_TEXT_TEACH_CLIENT_CCS, TLS_TEXT_TITLE_CLIENT_CCS,
     "07-client-change-cipher-spec", false, change_cipher_spec_write, change_cipher_spec_read},
    {8, TLS_PARTY_CLIENT, "Finished", TLS_CT_HANDSHAKE, TLS_HS_FINISHED,
     false, TLS_TEXT_NONE,
     TLS_TEXT_TEACH_CLIENT_FINISHED, TLS_TEXT_TITLE_CLIENT_FINISHED,
     "08-client-finished", false, finished_write, finished_read},
    {9, TLS_PARTY_SERVER, "ChangeCipherSpec", TLS_CT_CHANGE_CIPHER_SPEC, 0,
     false, TLS_TEXT_NONE,
     TLS_TEXT_TEACH_SERVER_CCS, TLS_TEXT_TITLE_SERVER_CCS,
     "09-server-change-cipher-spec", false, change_cipher_spec_write, change_cipher_spec_read},
    {10, TLS_PARTY_SERVER, "Finished", TLS_CT_HANDSHAKE, TLS_HS_FINISHED,
     false, TLS_TEXT_NONE,
     TLS_TEXT_TEACH_SERVER_FINISHED, TLS_TEXT_TITLE_SERVER_FINISHED,
     "10-server-finished", false, finished_write, finished_read},
};

const tls_step *tls_handshake_steps(size_t *n)
{
    *n = TLS_STEP_COUNT;
    return steps;
}

const tls_step *tls_handshake_step(int number)
{
    if (number < 1 || number > TLS_STEP_COUNT)
        return NULL;
    return &steps[number - 1];
}

int tls_handshake_step_of(uint8_t hs_type)
{
    for (size_t i = 0; i < TLS_STEP_COUNT; i++)
        if (steps[i].content_type == TLS_CT_HANDSHAKE && steps[i].hs_type == hs_type)
            return steps[i].number;
    return 0;
}

bool tls_step_applies(const tls_step *s, tls_kx kx)
{
    return !s->ecdhe_only || kx == TLS_KX_ECDHE_RSA;
}

const char *tls_step_title(const tls_step *s)
{
    return tls_text_template(s->title);
}
