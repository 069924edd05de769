/* The ten steps of a full TLS 1.2 handshake: see include/tlssim/handshake.h. */
#include "tlssim/handshake.h"

#include <stddef.h>

#include "engine_internal.h"

static const tls_step steps[TLS_STEP_COUNT] = {
    {1, TLS_PARTY_CLIENT, "ClientHello", TLS_CT_HANDSHAKE, TLS_HS_CLIENT_HELLO,
     false, NULL,
     "The client proposes: its random, the suites, groups and signature algorithms it supports, and the host it wants.",
     "01-client-hello", false, client_hello_write, client_hello_read},
    {2, TLS_PARTY_SERVER, "ServerHello", TLS_CT_HANDSHAKE, TLS_HS_SERVER_HELLO,
     false, NULL,
     "The server decides: its random and the one suite both sides will use.",
     "02-server-hello", false, server_hello_write, server_hello_read},
    {3, TLS_PARTY_SERVER, "Certificate", TLS_CT_HANDSHAKE, TLS_HS_CERTIFICATE,
     false, NULL,
     "The server proves who it is: a certificate chain the client checks against a CA it trusts.",
     "03-certificate", false, certificate_write, certificate_read},
    {4, TLS_PARTY_SERVER, "ServerKeyExchange", TLS_CT_HANDSHAKE, TLS_HS_SERVER_KEY_EXCHANGE,
     true,
     "RSA key exchange: the client encrypts the pre-master secret to the key in the server's certificate, so the server sends no key-exchange parameters.",
     "The server sends its ephemeral ECDHE public key, signed with its certificate's private key.",
     "04-server-key-exchange", false, server_key_exchange_write, server_key_exchange_read},
    {5, TLS_PARTY_SERVER, "ServerHelloDone", TLS_CT_HANDSHAKE, TLS_HS_SERVER_HELLO_DONE,
     false, NULL,
     "The server has said everything for now; it is the client's turn.",
     "05-server-hello-done", false, server_hello_done_write, server_hello_done_read},
    {6, TLS_PARTY_CLIENT, "ClientKeyExchange", TLS_CT_HANDSHAKE, TLS_HS_CLIENT_KEY_EXCHANGE,
     false, NULL,
     "The client sends its half of the key exchange; now both sides can compute the pre-master, the master secret and the keys.",
     "06-client-key-exchange", true, client_key_exchange_write, client_key_exchange_read},
    {7, TLS_PARTY_CLIENT, "ChangeCipherSpec", TLS_CT_CHANGE_CIPHER_SPEC, 0,
     false, NULL,
     "The client switches on encryption: everything it sends from here on is protected.",
     "07-client-change-cipher-spec", false, change_cipher_spec_write, change_cipher_spec_read},
    {8, TLS_PARTY_CLIENT, "Finished", TLS_CT_HANDSHAKE, TLS_HS_FINISHED,
     false, NULL,
     "The client proves it has the keys and saw the same handshake: a MAC over every message so far, sent encrypted.",
     "08-client-finished", false, finished_write, finished_read},
    {9, TLS_PARTY_SERVER, "ChangeCipherSpec", TLS_CT_CHANGE_CIPHER_SPEC, 0,
     false, NULL,
     "The server switches on encryption for its direction.",
     "09-server-change-cipher-spec", false, change_cipher_spec_write, change_cipher_spec_read},
    {10, TLS_PARTY_SERVER, "Finished", TLS_CT_HANDSHAKE, TLS_HS_FINISHED,
     false, NULL,
     "The server proves the same; once the client verifies it, application data can flow.",
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
    static const char *const titles[TLS_STEP_COUNT] = {
        "ClientHello", "ServerHello", "Certificate", "ServerKeyExchange",
        "ServerHelloDone", "ClientKeyExchange", "client ChangeCipherSpec",
        "client Finished", "server ChangeCipherSpec", "server Finished"};
    return titles[s->number - 1];
}
