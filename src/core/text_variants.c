/* The sentences of the handshake's variants (include/tlssim/text.h):
 * client authentication, session resumption, DHE, and the record
 * protections and signatures beside AES-GCM and PKCS#1 v1.5 (ChaCha20-
 * Poly1305, CBC, encrypt-then-MAC, RSASSA-PSS).  N_() only marks them for
 * xgettext (the core never translates). */
#include "text_internal.h"

#define N_(s) s

const char *const text_variants_templates[TLS_TEXT_COUNT] = {
    /* Client authentication. */
    [TLS_TEXT_TITLE_CERTIFICATE_REQUEST] =
        N_("CertificateRequest"),
    [TLS_TEXT_TITLE_CLIENT_CERTIFICATE] =
        N_("client Certificate"),
    [TLS_TEXT_TITLE_CERTIFICATE_VERIFY] =
        N_("CertificateVerify"),
    [TLS_TEXT_TEACH_CERTIFICATE_REQUEST] =
        N_("The server asks the client for a certificate: which key types and signature "
           "algorithms it accepts, and which CAs it trusts."),
    [TLS_TEXT_TEACH_CLIENT_CERTIFICATE] =
        N_("The client presents its certificate chain, or an empty list when it has none to "
           "offer."),
    [TLS_TEXT_TEACH_CERTIFICATE_VERIFY] =
        N_("The client proves it holds its certificate's private key: a signature over every "
           "handshake message so far."),
    [TLS_TEXT_SKIP_CERTIFICATE_VERIFY_EMPTY] =
        N_("The client sent no certificate, so there is no key to prove: CertificateVerify is "
           "not sent."),
    [TLS_TEXT_SERVER_ASKS_CERTIFICATE] =
        /* TRANSLATORS: {policy} is "request" or "require" (option values, not translated) */
        N_("the server asks for a client certificate (--client-auth {policy}): key type rsa_sign, "
           "{sigalgs} signature algorithms, certificates issued by one of the {cas} CA(s) it "
           "names"),
    [TLS_TEXT_CLIENT_HAS_NO_CERTIFICATE] =
        N_("the client has no certificate to present: it answers with an empty Certificate "
           "(RFC 5246 §7.4.6) and the server decides whether to go on"),
    [TLS_TEXT_CLIENT_NO_SUITABLE_SIGALG] =
        N_("none of the signature algorithms the server accepts fits the client's RSA key: it "
           "answers with an empty Certificate"),
    [TLS_TEXT_CLIENT_PRESENTS_CERTIFICATE] =
        N_("the client presents its certificate ({subject}) issued by a CA the server named"),
    [TLS_TEXT_CLIENT_SIGNS_TRANSCRIPT] =
        N_("the client signs {hash}(handshake_messages) with its certificate's key: the {count} "
           "messages so far ({messages}; {bytes} bytes). They hold both randoms and both "
           "key-exchange messages, so this signature is good for this connection only"),
    [TLS_TEXT_CLIENT_SIGN_FAILED] =
        N_("the client could not sign CertificateVerify"),
    [TLS_TEXT_CHECK_CERTIFICATE_VERIFY] =
        N_("CertificateVerify signature"),
    [TLS_TEXT_CERTIFICATE_VERIFY_OK] =
        N_("the client certificate's RSA key signed {hash}(handshake_messages) of {bytes} "
           "bytes: the client holds the private key, and signed this very handshake"),
    [TLS_TEXT_CERTIFICATE_VERIFY_OK_ECDSA] =
        N_("the client certificate's ECDSA key signed {hash}(handshake_messages) of {bytes} "
           "bytes: the client holds the private key, and signed this very handshake"),
    [TLS_TEXT_CERTIFICATE_VERIFY_BAD] =
        N_("the signature over {hash}(handshake_messages) of {bytes} bytes does not verify with "
           "the client certificate's key: another key signed, or another transcript"),
    [TLS_TEXT_CERTIFICATE_VERIFY_FAILED] =
        N_("the client's CertificateVerify signature does not verify"),
    [TLS_TEXT_CLIENT_SIG_ALG] =
        N_("the client signed with algorithm 0x{sig_alg}, which the server did not ask for"),
    [TLS_TEXT_CLIENT_CERT_REQUIRED] =
        N_("the server requires a client certificate and the client sent none: handshake_failure "
           "(RFC 5246 §7.4.6; certificate_required is TLS 1.3 only)"),
    [TLS_TEXT_CLIENT_CERT_NONE_ACCEPTED] =
        N_("the client sent no certificate; the server only requested one, so the handshake goes "
           "on without client authentication"),
    [TLS_TEXT_FIELD_CERTIFICATE_VERIFY_SIGNATURE] =
        N_("over Hash(every handshake message so far)"),
    [TLS_TEXT_LIVE_FILE_UNREADABLE] =
        N_("{option}: cannot read {file}: {error}"),
    [TLS_TEXT_LIVE_CLIENT_CERT_EMPTY] =
        N_("--client-cert: {file} holds no PEM certificate that parses"),
    [TLS_TEXT_LIVE_CLIENT_KEY_BAD] =
        N_("--client-key: {file} holds no PEM private key that parses"),
    /* Session resumption. */
    [TLS_TEXT_TITLE_NEW_SESSION_TICKET] =
        N_("NewSessionTicket"),
    [TLS_TEXT_TEACH_NEW_SESSION_TICKET] =
        N_("The server hands the client the session, sealed under a key only the server holds: a ticket the client shows back to resume, so the server keeps nothing."),
    [TLS_TEXT_TEACH_RESUME_CLIENT_HELLO] =
        N_("The client asks to resume a session: it names it by its session ID, or shows the server its ticket."),
    [TLS_TEXT_TEACH_RESUME_SERVER_HELLO] =
        N_("The server agrees to resume: it echoes the client's session ID (a client showing a ticket may send none, and then only what follows tells); the master secret is reused, and new keys follow from it and the two new randoms."),
    [TLS_TEXT_TEACH_RESUME_SERVER_CCS] =
        N_("No certificate, no key exchange: the server has nothing more to say, so it switches on encryption first."),
    [TLS_TEXT_TEACH_RESUME_SERVER_FINISHED] =
        N_("The server proves first that it holds the session's master secret: a MAC over both hellos, under the new keys."),
    [TLS_TEXT_TEACH_RESUME_CLIENT_FINISHED] =
        N_("The client proves the same over every message, the server's Finished included; the session is resumed."),
    [TLS_TEXT_FIELD_TICKET_EMPTY] =
        N_("empty: the client asks for a ticket"),
    [TLS_TEXT_FIELD_TICKET_OPAQUE] =
        N_("opaque to the client: only the server can open it"),
    [TLS_TEXT_FIELD_TICKET_WILL_FOLLOW] =
        N_("empty: the server will send a NewSessionTicket"),
    [TLS_TEXT_FIELD_TICKET_LIFETIME] =
        N_("{seconds} seconds the client may keep the ticket"),
    [TLS_TEXT_RESUME_CLIENT_OFFERS_TICKET] =
        N_("the client shows its ticket ({bytes} bytes it cannot read) and a random session ID of its own: the server echoes that ID if it accepts the ticket (RFC 5077 §3.4)"),
    [TLS_TEXT_RESUME_CLIENT_OFFERS_ID] =
        N_("the client offers to resume the session the server gave this ID"),
    [TLS_TEXT_RESUME_CLIENT_DECLINED] =
        N_("the server did not echo the session ID: it declined to resume, and a full handshake follows"),
    [TLS_TEXT_RESUME_SUITE_CHANGED] =
        N_("the server resumed the session but chose {now}, not the session's {suite}: illegal_parameter (RFC 5246 §7.4.1.3)"),
    [TLS_TEXT_RESUME_EMS_DROPPED] =
        N_("the session used the extended master secret but the resuming ServerHello does not: handshake_failure (RFC 7627 §5.3)"),
    [TLS_TEXT_RESUME_EMS_ADDED] =
        N_("the session had no extended master secret but the resuming ServerHello has one: handshake_failure (RFC 7627 §5.3)"),
    [TLS_TEXT_RESUME_CLIENT_RESUMED] =
        N_("the server echoed the session ID: the session is resumed with {suite} and its master secret; no certificate and no key exchange come"),
    /* TRANSLATORS: {why} is a phrase (translated separately) */
    [TLS_TEXT_RESUME_TICKET_REJECTED] =
        N_("the ticket does not open ({why}): the server falls back to a full handshake"),
    /* TRANSLATORS: {ems} is "with/without the extended master secret" (translated separately) */
    [TLS_TEXT_RESUME_TICKET_OPENED] =
        N_("the server opens the ticket with its ticket key: a session with {suite}, {ems}, and its master secret; it remembered nothing, the ticket carried it all"),
    [TLS_TEXT_RESUME_CACHE_HIT] =
        N_("the server finds the session ID in its session cache"),
    [TLS_TEXT_RESUME_CACHE_MISS] =
        N_("the session ID is not in the server's cache (expired, evicted or never there): a full handshake"),
    [TLS_TEXT_RESUME_SUITE_UNAVAILABLE] =
        N_("the session used {suite}, which this server no longer accepts or the client no longer offers: no resumption, a full handshake"),
    [TLS_TEXT_RESUME_EMS_NOT_OFFERED] =
        N_("the session used the extended master secret but this ClientHello does not offer it: the server must not resume (RFC 7627 §5.3): handshake_failure"),
    [TLS_TEXT_RESUME_EMS_NEW] =
        N_("the session had no extended master secret but this ClientHello offers it: no resumption (RFC 7627 §5.3), a full handshake makes a new session"),
    [TLS_TEXT_RESUME_LEGACY_NO_EMS] =
        N_("neither the session nor this ClientHello uses the extended master secret: a legacy resumption, without RFC 7627's protection (§5.4)"),
    [TLS_TEXT_RESUME_SERVER_ACCEPTS] =
        N_("the server resumes the session: it echoes the session ID and keeps {suite} and the master secret; no certificate, no key exchange"),
    [TLS_TEXT_RESUME_SERVER_ACCEPTS_NO_ID] =
        N_("the server resumes the session from the ticket and keeps {suite} and the master secret: the client sent no session ID, so the ServerHello's is empty too, and the client can tell the session is resumed only by what follows it (no certificate, no key exchange; RFC 5077 §3.4)"),
    [TLS_TEXT_RESUME_SERVER_NEW_ID] =
        N_("the server gives this new session an ID and will keep it in its cache once the handshake is over"),
    [TLS_TEXT_TICKET_SEAL_FAILED] =
        N_("the server could not seal the ticket"),
    [TLS_TEXT_TICKET_SEALED] =
        N_("the server seals the session state ({state} bytes: version, suite, EMS flag, master secret) with AES-256-GCM under its ticket key: key_name {key_name} ‖ IV {iv} ‖ ciphertext ‖ tag {tag}; any change to the ticket breaks the tag"),
    [TLS_TEXT_TICKET_TOO_LONG] =
        N_("the ticket is {bytes} bytes, more than the {max} tlssim keeps: the session cannot be resumed by ticket"),
    [TLS_TEXT_TICKET_STORED] =
        N_("the client stores the ticket ({bytes} bytes it cannot read), good for {seconds} s by the server's hint"),
    [TLS_TEXT_RESUME_KEYS] =
        N_("resumed: the master secret is the session's, not derived again; the key block is derived from it and the two new randoms, so this connection has new keys"),
    /* TRANSLATORS: {mode} is "id" or "ticket" (option values, not translated) */
    [TLS_TEXT_RESUME_SECOND_CONNECTION] =
        N_("a second connection to the same server: the client offers the session of the first ({mode})"),
    [TLS_TEXT_RESUME_ETM_DOWNGRADE] =
        N_("the session used encrypt-then-MAC and this ClientHello does not ask for it: resuming would downgrade the session to MAC-then-encrypt, which RFC 7366 §3.1 forbids, so the server makes a full handshake"),
    [TLS_TEXT_RESUME_ETM_UPGRADE] =
        N_("the session used MAC-then-encrypt; this connection moves up to encrypt-then-MAC, which RFC 7366 §3.1 allows (only the downgrade is forbidden)"),
    [TLS_TEXT_RESUME_ETM_DROPPED] =
        N_("the server resumed a session that used encrypt-then-MAC without it: a downgrade to MAC-then-encrypt, which RFC 7366 §3.1 forbids"),
    /* TRANSLATORS: {mode} is "id" or "ticket" (option values, not translated) */
    [TLS_TEXT_LIVE_RESUME_SECOND_CLIENT] =
        N_("a second client: the server has kept its session cache and ticket key since the first connection, so this client may resume that session ({mode})"),
    [TLS_TEXT_LIVE_RESUME_NOTHING] =
        N_("a second connection to the same server, but the first left nothing to resume (the server sent {what}): this one is a full handshake"),
    /* DHE (finite-field Diffie-Hellman). */
    [TLS_TEXT_CHECK_DH_GROUP] =
        N_("DH group size"),
    [TLS_TEXT_DH_GROUP_OK] =
        N_("the server's prime p has {bits} bits: at least the 2048 tlssim requires"),
    [TLS_TEXT_DH_GROUP_SMALL] =
        N_("the server's prime p has only {bits} bits: below the 2048 tlssim requires "
           "(smaller groups can be broken by precomputation, as in the Logjam attack)"),
    [TLS_TEXT_DH_GROUP_LARGE] =
        N_("the server's prime p has {bits} bits: more than the 8192 tlssim handles"),
    [TLS_TEXT_DH_GROUP_REFUSED] =
        N_("the server's DH group has {bits} bits; tlssim accepts 2048 to 8192"),
    [TLS_TEXT_DH_BAD_GENERATOR] =
        N_("the server's generator g is not between 1 and p − 1"),
    [TLS_TEXT_CHECK_DH_PUBLIC] =
        N_("server DH public value"),
    [TLS_TEXT_DH_PUBLIC_OK] =
        N_("1 < dh_Ys < p − 1: not a value that forces a known shared secret"),
    [TLS_TEXT_DH_PUBLIC_BAD] =
        N_("dh_Ys is not between 1 and p − 1: 0, 1 or p − 1 would force a shared secret "
           "anyone can guess"),
    [TLS_TEXT_CLIENT_DH_PUBLIC_BAD] =
        N_("the client's dh_Yc is not between 1 and p − 1"),
    [TLS_TEXT_SKE_SIGNATURE_OK_DHE] =
        N_("the certificate's RSA key signed {hash}(client_random ‖ server_random ‖ "
           "params): these DH parameters come from the certificate's owner, for this "
           "handshake"),
    [TLS_TEXT_PRE_MASTER_DHE_CLIENT] =
        N_("Z = server_dhe_public ^ client_dhe_private mod p"),
    [TLS_TEXT_PRE_MASTER_DHE_SERVER] =
        N_("Z = client_dhe_public ^ server_dhe_private mod p"),
    [TLS_TEXT_DH_Z_STRIPPED] =
        N_("Z starts with {zeros} zero byte(s): they are stripped (RFC 5246 §8.1.2), so "
           "pre_master_secret is {len} bytes, not the {p_len} of p — an implementation "
           "that keeps them derives a different master secret once in 256 handshakes"),
    [TLS_TEXT_DH_Z_FULL] =
        N_("pre_master_secret = Z with leading zero bytes stripped (RFC 5246 §8.1.2); "
           "this Z has none, so it keeps all {len} bytes"),
    [TLS_TEXT_DH_KEYGEN_FAILED] =
        N_("could not compute a DH key pair in the server's group"),
    [TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE_DHE] =
        N_("The server sends a finite-field group (p, g) and its ephemeral DH public value, "
           "signed with its certificate's private key."),
    [TLS_TEXT_KEY_BLOCK_CHACHA] =
        /* TRANSLATORS: {last} is the last byte index, {key_len} a number of bytes */
        N_("key_block = PRF(master_secret, \"key expansion\", server_random ‖ "
           "client_random)[0..{last}], cut into client_write_key({key_len}) ‖ "
           "server_write_key({key_len}) ‖ client_write_iv(12) ‖ server_write_iv(12); "
           "ChaCha20-Poly1305 needs no MAC keys, and each IV is XORed with the sequence "
           "number to make a record's nonce"),
    [TLS_TEXT_KEY_BLOCK_CBC] =
        /* TRANSLATORS: {mac_len} and {key_len} are numbers of bytes */
        N_("key_block = PRF(master_secret, \"key expansion\", server_random ‖ "
           "client_random)[0..{last}], cut into client_write_mac_key({mac_len}) ‖ "
           "server_write_mac_key({mac_len}) ‖ client_write_key({key_len}) ‖ "
           "server_write_key({key_len}) ‖ client_write_iv(16) ‖ server_write_iv(16); the "
           "MAC keys come first, and the IVs are derived but unused: each TLS 1.2 CBC record "
           "carries its own explicit IV"),
    [TLS_TEXT_CCS_SENT_CHACHA] =
        N_("from the next record on, the {party} encrypts with ChaCha20-Poly1305 under "
           "{key}; sequence numbers restart at 0"),
    [TLS_TEXT_CCS_SENT_CBC] =
        /* TRANSLATORS: {hash} is SHA-1 or SHA-256; {order} a phrase (MAC-then-encrypt or encrypt-then-MAC) */
        N_("from the next record on, the {party} encrypts with AES-{bits}-CBC under {key} "
           "and authenticates with HMAC-{hash} under {mac_key}, {order}; sequence numbers "
           "restart at 0"),
    [TLS_TEXT_RECORD_TAG_POLY1305] =
        N_("the {content_type} record did not decrypt: its Poly1305 tag does not verify"),
    [TLS_TEXT_RECORD_CBC_REJECTED] =
        N_("the {content_type} record was rejected: its padding or its MAC is wrong (one "
           "answer for both, bad_record_mac, reached the same way for either, so that "
           "nobody can tell which)"),
    [TLS_TEXT_APP_DATA_DECRYPTED_CHECKED] =
        /* TRANSLATORS: {check} is what verified (the Poly1305 tag, the HMAC) */
        N_("the {party} decrypted {bytes} bytes of application data (sequence number "
           "{seq}) with {key}: {check} verifies, so they are exactly what the {peer} sent, "
           "in this position of the stream"),
    [TLS_TEXT_APP_DATA_ENCRYPT_ONE_HOW] =
        /* TRANSLATORS: {how} is a sentence on how the record is protected */
        N_("the {party} encrypts {bytes} bytes of application data with {key} in 1 record "
           "from sequence number {seq}: {how}"),
    [TLS_TEXT_APP_DATA_ENCRYPT_MANY_HOW] =
        N_("the {party} encrypts {bytes} bytes of application data with {key} in {records} "
           "records from sequence number {seq}: {how}"),
    [TLS_TEXT_ETM_ACCEPTED] =
        N_("encrypt-then-MAC (RFC 7366) agreed: each CBC record is encrypted first and its "
           "MAC covers the ciphertext, so the receiver checks the MAC before decrypting"),
    [TLS_TEXT_ETM_NOT_OFFERED] =
        N_("MAC-then-encrypt, TLS 1.2's original order, because the client did not offer "
           "encrypt-then-MAC (RFC 7366): the receiver must decrypt before it can check "
           "anything"),
    [TLS_TEXT_ETM_DECLINED] =
        N_("MAC-then-encrypt, TLS 1.2's original order, because the server did not accept "
           "the encrypt-then-MAC (RFC 7366) the client offered"),
    [TLS_TEXT_ETM_UNASKED] =
        N_("the server answered encrypt_then_mac although it chose {suite}, which is not a "
           "CBC suite (RFC 7366 §3 forbids it)"),
    [TLS_TEXT_FIELD_PSS_SIGNATURE] =
        /* TRANSLATORS: {over} says what is signed, e.g. "over client_random + server_random
           + params"; {salt} is a number of bytes */
        N_("RSASSA-PSS {over}: MGF1 with {hash}, and a random {salt}-byte salt (as long as the "
           "hash) inside, so the same bytes signed twice give two different signatures"),
    [TLS_TEXT_SERVER_SIGNED_PSS] =
        N_("the server signed {hash}(client_random ‖ server_random ‖ params) with the "
           "private key of its certificate, padded as RSASSA-PSS ({scheme}): the client listed "
           "it before rsa_pkcs1_*, and the server takes the first scheme in the client's list "
           "that its key can make"),
};
