/* The attack lab's sentences (src/attack/): a part of the core's catalogue
 * (include/tlssim/text.h), kept beside the other parts (text_engine.c,
 * text_io.c, text_variants.c) so each file holds the rows of one subject.  N_() only marks them for xgettext. */
#include "text_internal.h"

#define N_(s) s

static const struct {
    tls_text_id id;
    const char *tmpl;
} rows[] = {
    /* TRANSLATORS: what each attack of `--attack list` does, one line each. */
    {TLS_TEXT_ATTACK_DOES_SWAP_SERVER_KEY,
     N_("replace the server's (EC)DHE public key with the attacker's own")},
    {TLS_TEXT_ATTACK_DOES_SWAP_CLIENT_KEY,
     N_("replace the client's (EC)DHE public key with the attacker's own")},
    {TLS_TEXT_ATTACK_DOES_REPLAY_SKE,
     N_("replay a ServerKeyExchange recorded from an earlier session")},
    {TLS_TEXT_ATTACK_DOES_DOWNGRADE,
     N_("strip the strong suites from ClientHello so the server picks a weak one")},
    {TLS_TEXT_ATTACK_DOES_TRUNCATION,
     N_("cut the server's answer short, without close_notify")},
    {TLS_TEXT_ATTACK_DOES_FALSE_START,
     N_("watch a client send its request before the server's Finished (False Start)")},
    {TLS_TEXT_ATTACK_ON_PATH,
     N_("the attacker ({attack}) sits on the channel: every record passes through it, "
        "and it may change, drop or add records")},
    /* TRANSLATORS: {kx} is ECDHE or DHE; {party} is "client" or "server" */
    {TLS_TEXT_ATTACK_OWN_KEY,
     N_("the attacker makes its own {kx} key pair, to pose as the {party}")},
    {TLS_TEXT_ATTACK_SWAPPED_SERVER_KEY,
     N_("the attacker replaces the server's public key in ServerKeyExchange with its own "
        "and leaves the server's signature as it was")},
    /* TRANSLATORS: {hash} is SHA-256 or SHA-384; {digest} is hex */
    {TLS_TEXT_ATTACK_CANNOT_RESIGN,
     N_("to pass, the signature would have to cover {hash}(client_random ‖ server_random "
        "‖ the new params) = {digest}: only the private key of the server's certificate "
        "can sign that, and the attacker does not have it")},
    {TLS_TEXT_ATTACK_SWAPPED_CLIENT_KEY,
     N_("the attacker replaces the client's public key in ClientKeyExchange with its own: "
        "the server will compute its pre-master secret with the attacker's key")},
    {TLS_TEXT_ATTACK_SHARES_WITH_SERVER,
     N_("the attacker now holds the server's pre-master and master secret (its own "
        "private key with the server's public key)")},
    {TLS_TEXT_ATTACK_CANNOT_READ_CLIENT,
     N_("the client's pre-master comes from the client's private key and the server's "
        "public key, and the attacker has no private key of either: it can neither read "
        "the client's Finished nor make the two sides' Finished messages agree")},
    {TLS_TEXT_ATTACK_RECORDED_EARLIER,
     N_("the attacker recorded an earlier session with the same server, and its "
        "ServerKeyExchange ({bytes} bytes, genuinely signed by the server)")},
    {TLS_TEXT_ATTACK_REPLAYED_SKE,
     N_("the attacker replaces this ServerKeyExchange with the recorded one: the "
        "signature is the server's, but over the earlier session's randoms")},
    {TLS_TEXT_ATTACK_STRIPPED_SUITES,
     N_("the attacker removes the strong suites from ClientHello: {kept} of the {offered} "
        "offered are left (RSA key exchange with CBC)")},
    {TLS_TEXT_ATTACK_DOWNGRADE_FINISHED,
     N_("the attacker cannot touch the Finished messages: they are encrypted, and each "
        "covers the ClientHello as its own side saw it")},
    {TLS_TEXT_ATTACK_CUT,
     N_("the attacker cuts the connection: the server's next record ({bytes} bytes, the "
        "page's body) and its close_notify never reach the client")},
    {TLS_TEXT_ATTACK_FALSE_START_SEEN,
     N_("the client's request crossed before the server's Finished: to the attacker it is "
        "ciphertext like any other record, under keys it cannot compute")},
    /* TRANSLATORS: False Start is RFC 7918's name; keep it */
    {TLS_TEXT_FALSE_START_SENDS,
     N_("False Start: the client sends its request now, right after its own Finished, "
        "without waiting for the server's (a forward-secret key exchange: RFC 7918)")},
    {TLS_TEXT_FALSE_START_WAITS,
     N_("no False Start: with RSA key exchange the client waits for the server's Finished "
        "before it sends anything (RFC 7918 allows it only with forward secrecy)")},
    {TLS_TEXT_ATTACK_DOES_FAKE_CERT,
     N_("pose as the server with a self-signed certificate for its host name")},
    {TLS_TEXT_ATTACK_DOES_EXPIRED_CERT,
     N_("pose as the server with an expired certificate for its host name")},
    {TLS_TEXT_ATTACK_DOES_WRONG_HOST,
     N_("pose as the server with a valid certificate for another host")},
    {TLS_TEXT_ATTACK_DOES_MISSING_INTERMEDIATE,
     N_("remove the intermediate CA certificate from the server's Certificate")},
    {TLS_TEXT_ATTACK_DOES_TRUSTED_PROXY,
     N_("pose as the server with a certificate from the attacker's CA, which the client "
        "trusts")},
    {TLS_TEXT_ATTACK_DOES_RECORD_THEN_LEAK,
     N_("record the whole session; afterwards the server's private key leaks")},
    {TLS_TEXT_PROXY_POSES,
     N_("the attacker answers the client itself, posing as the server with a certificate "
        "for {subject} issued by {issuer}, and opens its own connection to the real server")},
    {TLS_TEXT_PROXY_CA_INSTALLED,
     N_("the client's trust store holds the attacker's CA besides the demo root, installed "
        "the way a company installs its inspection proxy's CA on its computers")},
    {TLS_TEXT_PROXY_CLIENT_SESSION,
     N_("the attacker's handshake with the client is complete: the client accepted the "
        "attacker's certificate, and the attacker holds that session's master secret")},
    {TLS_TEXT_PROXY_SERVER_SESSION,
     N_("the attacker's handshake with the server is complete: it holds that session's "
        "master secret too (two sessions, two master secrets)")},
    /* TRANSLATORS: {party} and {peer} are "client" or "server" */
    {TLS_TEXT_PROXY_RELAYED,
     N_("the attacker decrypted {bytes} bytes from the {party}, read them, and encrypted "
        "them again for the {peer}")},
    {TLS_TEXT_PROXY_STRIPPED_INTERMEDIATE,
     N_("the attacker removes the intermediate CA certificate from the server's Certificate "
        "message and sends the leaf alone")},
    {TLS_TEXT_LEAK_RECORDED,
     N_("the attacker kept a copy of every record that crossed: {records} records, {bytes} "
        "bytes, the handshake and the encrypted application data; without a key it can read "
        "none of the protected part")},
    {TLS_TEXT_LEAK_RSA_OPENED,
     N_("later the server's private key leaks: the recorded ClientKeyExchange holds the "
        "pre-master secret encrypted to that key (RSA key exchange), so the key opens it, "
        "and the PRF with the two recorded randoms gives the master secret and every key, "
        "exactly as the server made them")},
    {TLS_TEXT_CHECK_LEAK_KEYS,
     N_("recovered keys")},
    {TLS_TEXT_LEAK_FINISHED_OK,
     N_("the recovered keys decrypt both recorded Finished messages and their verify_data "
        "match the recorded handshake: they are the session's keys, and every recorded "
        "application data record opens")},
    {TLS_TEXT_LEAK_FINISHED_BAD,
     N_("the recovered keys do not verify the recorded Finished messages")},
    /* TRANSLATORS: {server_private} and {client_private} are value names; keep them */
    {TLS_TEXT_LEAK_FORWARD_SECRET,
     N_("later the server's private key leaks, but {suite} used it only to sign the "
        "ServerKeyExchange: the pre-master secret came from the ephemeral private keys "
        "({server_private}, {client_private}), which never crossed the wire and which both "
        "sides wiped after the handshake. To decrypt the recording the attacker would need "
        "one of them; they no longer exist, so the recording stays unreadable (forward "
        "secrecy)")},
    {TLS_TEXT_LEAK_NOTHING,
     N_("the leaked key opens nothing in the recording: it sealed no pre-master secret "
        "there")},
};

const char *text_attack_template(tls_text_id id)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (rows[i].id == id)
            return rows[i].tmpl;
    return "";
}
