/* The attack lab's sentences (src/attack/): a part of the core's catalogue
 * (include/tlssim/text.h), kept beside it so text.c stays one screenful of
 * rows per subject.  N_() only marks them for xgettext. */
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
};

const char *text_attack_template(tls_text_id id)
{
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (rows[i].id == id)
            return rows[i].tmpl;
    return "";
}
