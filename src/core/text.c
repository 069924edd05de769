/* The catalogue of the core's sentences and their rendering: see
 * include/tlssim/text.h.  The templates are English msgids: N_() only marks
 * them for xgettext (the core never translates). */
#include "tlssim/text.h"
#include "text_internal.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_(s) s

static const char *const templates[TLS_TEXT_COUNT] = {
    [TLS_TEXT_NONE] = "",
    [TLS_TEXT_FREE] = "{text}",

    /* TRANSLATORS: step titles; protocol message names stay in English. */
    [TLS_TEXT_TITLE_CLIENT_HELLO] = N_("ClientHello"),
    [TLS_TEXT_TITLE_SERVER_HELLO] = N_("ServerHello"),
    [TLS_TEXT_TITLE_CERTIFICATE] = N_("Certificate"),
    [TLS_TEXT_TITLE_SERVER_KEY_EXCHANGE] = N_("ServerKeyExchange"),
    [TLS_TEXT_TITLE_SERVER_HELLO_DONE] = N_("ServerHelloDone"),
    [TLS_TEXT_TITLE_CLIENT_KEY_EXCHANGE] = N_("ClientKeyExchange"),
    [TLS_TEXT_TITLE_CLIENT_CCS] = N_("client ChangeCipherSpec"),
    [TLS_TEXT_TITLE_CLIENT_FINISHED] = N_("client Finished"),
    [TLS_TEXT_TITLE_SERVER_CCS] = N_("server ChangeCipherSpec"),
    [TLS_TEXT_TITLE_SERVER_FINISHED] = N_("server Finished"),
    [TLS_TEXT_TEACH_CLIENT_HELLO] =
        N_("The client proposes: its random, the suites, groups and signature algorithms it "
           "supports, and the host it wants."),
    [TLS_TEXT_TEACH_SERVER_HELLO] =
        N_("The server decides: its random and the one suite both sides will use."),
    [TLS_TEXT_TEACH_CERTIFICATE] =
        N_("The server proves who it is: a certificate chain the client checks against a CA it "
           "trusts."),
    [TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE] =
        N_("The server sends its ephemeral (EC)DHE public key, signed with its "
           "certificate's private key."),
    [TLS_TEXT_TEACH_SERVER_HELLO_DONE] =
        N_("The server has said everything for now; it is the client's turn."),
    [TLS_TEXT_TEACH_CLIENT_KEY_EXCHANGE] =
        N_("The client sends its half of the key exchange; now both sides can compute the "
           "pre-master, the master secret and the keys."),
    [TLS_TEXT_TEACH_CLIENT_KEY_EXCHANGE_RSA] =
        N_("The client chooses the whole pre-master secret and sends it encrypted with the "
           "RSA key of the server's certificate; now both sides can compute the master "
           "secret and the keys."),
    [TLS_TEXT_TEACH_CLIENT_CCS] =
        N_("The client switches on encryption: everything it sends from here on is protected."),
    [TLS_TEXT_TEACH_CLIENT_FINISHED] =
        N_("The client proves it has the keys and saw the same handshake: a MAC over every "
           "message so far, sent encrypted."),
    [TLS_TEXT_TEACH_SERVER_CCS] = N_("The server switches on encryption for its direction."),
    [TLS_TEXT_TEACH_SERVER_FINISHED] =
        N_("The server proves the same; once the client verifies it, application data can "
           "flow."),
    [TLS_TEXT_SKIP_SERVER_KEY_EXCHANGE_RSA] =
        N_("RSA key exchange: the client encrypts the pre-master secret to the key in the "
           "server's certificate, so the server sends no key-exchange parameters."),
    [TLS_TEXT_EVE_CIPHERTEXT_FROM_NOW] =
        /* TRANSLATORS: {party} is "client" or "server" (translated separately) */
        N_("the eavesdropper sees the {party}'s records only as ciphertext from now on"),
    [TLS_TEXT_AFTER_SIM_REQUEST] =
        N_("the handshake is over: from now on both directions carry application data, "
           "encrypted and authenticated under the keys both sides derived.  The client "
           "asks for https://{host}/"),
    [TLS_TEXT_AFTER_SIM_SERVER_ANSWERS] =
        N_("the server read the request \"{request}\" and answers with a small HTML page, "
           "then closes, as the request asked (Connection: close)"),
    [TLS_TEXT_AFTER_CLIENT_RECEIVED_ANSWER] =
        N_("the client received the answer \"{answer}\" ({bytes} bytes)"),
    [TLS_TEXT_SIM_SETUP_FAILED] =
        N_("could not set up the simulation"),
    [TLS_TEXT_ECDHE_KEYGEN_FAILED] =
        N_("could not make the {party}'s ECDHE key pair"),
    [TLS_TEXT_ECDHE_KEYGEN_BAD_SCALAR] =
        N_("could not make the {party}'s ECDHE key pair: the scenario's private scalar is "
           "not valid for this group"),
    [TLS_TEXT_PRF_ROUNDS_1] =
        /* TRANSLATORS: {hash} is a hash name (SHA256); {a1}, {b1} are hex */
        N_("P_{hash} ran 1 round: A(0) = label ‖ seed; A(1) = HMAC(pre_master_secret, "
           "A(0)) = {a1}…, block 1 = HMAC(pre_master_secret, A(1) ‖ label ‖ seed) = {b1}…; "
           "master_secret = the first 48 bytes of the blocks"),
    [TLS_TEXT_PRF_ROUNDS_2] =
        N_("P_{hash} ran 2 rounds: A(0) = label ‖ seed; A(1) = HMAC(pre_master_secret, "
           "A(0)) = {a1}…, block 1 = HMAC(pre_master_secret, A(1) ‖ label ‖ seed) = {b1}…; "
           "A(2) = HMAC(pre_master_secret, A(1)) = {a2}…, block 2 = "
           "HMAC(pre_master_secret, A(2) ‖ label ‖ seed) = {b2}…; master_secret = the "
           "first 48 bytes of the blocks"),
    [TLS_TEXT_MASTER_SECRET_EMS] =
        N_("master_secret = PRF(pre_master_secret, \"extended master secret\", "
           "session_hash)[0..47] with session_hash = {hash}(handshake messages up to "
           "ClientKeyExchange) = {session_hash}.  This is the extended master secret (RFC "
           "7627), used because both sides offered it: hashing the whole handshake (both "
           "randoms, the certificate, both key shares) into the master secret means a man "
           "in the middle cannot steer two connections to the same master secret, which "
           "the classic formula allowed (the triple handshake attack)"),
    [TLS_TEXT_MASTER_SECRET_CLASSIC] =
        N_("master_secret = PRF(pre_master_secret, \"master secret\", client_random ‖ "
           "server_random)[0..47], PRF over HMAC-{hash}"),
    [TLS_TEXT_EMS_NOT_ACCEPTED_BY_SERVER] =
        N_("the classic formula, because the server did not accept the extended master "
           "secret (RFC 7627) the client offered"),
    [TLS_TEXT_EMS_NOT_OFFERED_BY_CLIENT] =
        N_("the classic formula, because the client did not offer the extended master "
           "secret (RFC 7627)"),
    [TLS_TEXT_MASTER_SECRET_FAILED] =
        N_("master secret derivation failed"),
    [TLS_TEXT_KEY_BLOCK_FAILED] =
        N_("key block derivation failed"),
    [TLS_TEXT_KEY_BLOCK] =
        /* TRANSLATORS: {last} is the last byte index, {key_len} a number of bytes */
        N_("key_block = PRF(master_secret, \"key expansion\", server_random ‖ "
           "client_random)[0..{last}], cut into client_write_key({key_len}) ‖ "
           "server_write_key({key_len}) ‖ client_write_iv(4) ‖ server_write_iv(4); AES-GCM "
           "needs no MAC keys"),
    [TLS_TEXT_OOM_TRANSCRIPT] =
        N_("out of memory for the transcript"),
    [TLS_TEXT_COULD_NOT_PRODUCE] =
        N_("could not produce {message}"),
    [TLS_TEXT_UNEXPECTED_MESSAGE] =
        N_("expected {expected}, received {got}"),
    [TLS_TEXT_UNEXPECTED_UNKNOWN_MESSAGE] =
        N_("expected {expected}, received an unknown handshake message"),
    [TLS_TEXT_UNEXPECTED_MESSAGE_AFTER] =
        N_("expected nothing (the handshake is over), received {got}"),
    [TLS_TEXT_UNEXPECTED_UNKNOWN_MESSAGE_AFTER] =
        N_("expected nothing (the handshake is over), received an unknown handshake "
           "message"),
    [TLS_TEXT_UNEXPECTED_CCS] =
        N_("expected {expected}, received ChangeCipherSpec"),
    [TLS_TEXT_UNEXPECTED_CCS_AFTER] =
        N_("expected nothing (the handshake is over), received ChangeCipherSpec"),
    [TLS_TEXT_NOT_DECODED] =
        N_("{message} could not be decoded"),
    [TLS_TEXT_EMPTY_HANDSHAKE_RECORD] =
        N_("empty handshake record"),
    [TLS_TEXT_OOM_HANDSHAKE] =
        N_("out of memory for handshake messages"),
    [TLS_TEXT_HANDSHAKE_TOO_LARGE] =
        N_("handshake message of {bytes} bytes is too large"),
    [TLS_TEXT_MALFORMED_CCS] =
        N_("malformed ChangeCipherSpec"),
    [TLS_TEXT_MALFORMED_ALERT] =
        N_("malformed alert"),
    [TLS_TEXT_CLOSE_NOTIFY_RECEIVED] =
        N_("the {party} sent close_notify: it will send nothing more.  The alert is "
           "encrypted and authenticated like the data, so an attacker cannot forge it, and "
           "a connection that just stops without one may have been cut short (truncated)"),
    [TLS_TEXT_CLOSED_DURING_HANDSHAKE] =
        N_("the {party} closed the connection (close_notify) before the handshake finished"),
    [TLS_TEXT_WARNING_ALERT_GOES_ON] =
        /* TRANSLATORS: {alert} is an alert name (handshake_failure) */
        N_("the {party} sent a warning alert {alert}; the handshake goes on"),
    [TLS_TEXT_TOO_MANY_WARNINGS] =
        N_("the {party} sent more than {max} warning alerts: a peer that keeps warning is "
           "stalling, and tlssim stops listening"),
    [TLS_TEXT_TOO_MANY_EMPTY_RECORDS] =
        N_("the {party} sent more than {max} empty application_data records in a row"),
    [TLS_TEXT_TOO_MANY_RECORDS] =
        N_("the {party} sent more than {max} records in one flight of the handshake"),
    [TLS_TEXT_TOO_MANY_HELLO_REQUESTS] =
        N_("the {party} sent more than {max} HelloRequests during the handshake"),
    [TLS_TEXT_HELLO_REQUEST_IGNORED] =
        N_("the {party} sent a HelloRequest (\"start a new handshake\") while this one is under "
           "way: the client ignores it, as RFC 5246 §7.4.1.1 says, and it stays out of the "
           "handshake transcript"),
    [TLS_TEXT_SSLV2_HELLO] =
        N_("the {party} sent an SSL 2.0-format ClientHello (a 2-byte SSLv2 record header, "
           "message type 1): a compatibility form of old clients that TLS 1.2 servers may "
           "accept (RFC 5246 Appendix E.2) and tlssim does not; the client must send a TLS "
           "record"),
    [TLS_TEXT_PEER_FATAL_ALERT] =
        N_("the {party} sent a fatal alert {alert} ({code})"),
    [TLS_TEXT_RECORD_VERSION] =
        N_("record version 0x{version} is not TLS 1.2"),
    [TLS_TEXT_RECORD_TAG] =
        N_("the {content_type} record did not decrypt: its GCM tag does not verify"),
    [TLS_TEXT_APP_DATA_TOO_EARLY] =
        N_("application data before the handshake finished"),
    [TLS_TEXT_UNKNOWN_CONTENT_TYPE] =
        N_("unknown record content type {type}"),
    [TLS_TEXT_NOT_TLS_TEXT] =
        N_("the {party} does not speak TLS: it sent \"{bytes}\""),
    [TLS_TEXT_NOT_TLS_TEXT_HTTP_SERVER] =
        N_("the {party} does not speak TLS: it sent \"{bytes}\" (a plain HTTP server?)"),
    [TLS_TEXT_NOT_TLS_TEXT_HTTP_CLIENT] =
        N_("the {party} does not speak TLS: it sent \"{bytes}\" (plain HTTP sent to a TLS "
           "port?)"),
    [TLS_TEXT_NOT_TLS_TEXT_SSH] =
        N_("the {party} does not speak TLS: it sent \"{bytes}\" (an SSH server?)"),
    [TLS_TEXT_NOT_TLS_TEXT_SMTP_FTP] =
        N_("the {party} does not speak TLS: it sent \"{bytes}\" (an SMTP or FTP server?)"),
    [TLS_TEXT_NOT_TLS_TEXT_POP3] =
        N_("the {party} does not speak TLS: it sent \"{bytes}\" (a POP3 server?)"),
    [TLS_TEXT_NOT_TLS_BINARY] =
        N_("the {party} does not speak TLS: its first bytes ({bytes}) are not a TLS record "
           "header"),
    [TLS_TEXT_OOM_RECEIVED] =
        N_("out of memory for received bytes"),
    [TLS_TEXT_RECORD_TOO_LONG] =
        N_("a record announces {bytes} bytes, more than TLS allows"),
    [TLS_TEXT_EOF_IN_RECORD] =
        N_("the {party} stopped sending in the middle of a record ({bytes} bytes of it "
           "arrived)"),
    [TLS_TEXT_EOF_IN_MESSAGE] =
        N_("the {party} stopped sending in the middle of a handshake message"),
    [TLS_TEXT_EOF_MISSING_MESSAGE] =
        N_("the {party} sent no {message}"),
    [TLS_TEXT_EOF_TRUNCATED] =
        N_("the {party}'s data ended without its close_notify: what it sent may have "
           "been cut short (truncation)"),
    [TLS_TEXT_NO_RANDOM_CLIENT_RANDOM] =
        N_("no randomness for client_random"),
    [TLS_TEXT_ENCODE_FAILED] =
        N_("could not encode {message}"),
    [TLS_TEXT_CLIENT_OFFERS] =
        N_("the client offers {suites} cipher suites, {groups} groups and {sigalgs} "
           "signature algorithms; the server will choose"),
    [TLS_TEXT_MALFORMED_MESSAGE] =
        N_("malformed {message}"),
    [TLS_TEXT_MALFORMED_CERTIFICATE] =
        N_("malformed Certificate message"),
    [TLS_TEXT_SERVER_CHOSE_VERSION] =
        N_("the server chose version 0x{version}; the client speaks only TLS 1.2 (0x0303)"),
    [TLS_TEXT_SERVER_CHOSE_SUITE] =
        N_("the server chose cipher suite 0x{suite}, which the client did not offer"),
    [TLS_TEXT_SERVER_CHOSE_COMPRESSION] =
        N_("the server chose compression method {method}; the client offered only null"),
    [TLS_TEXT_SERVER_UNOFFERED_EXTENSION] =
        N_("the server answered with extension {type}, which the client did not offer"),
    [TLS_TEXT_EMPTY_CHAIN] =
        N_("the server sent an empty certificate chain"),
    [TLS_TEXT_CHAIN_TOO_LONG] =
        N_("the server's certificate chain holds {count} certificates; tlssim accepts at "
           "most {max}"),
    [TLS_TEXT_CERT_NOT_DER] =
        N_("certificate {index} of the chain is not valid DER X.509"),
    [TLS_TEXT_CHECK_CHAIN] =
        N_("certificate chain"),
    [TLS_TEXT_CHECK_HOST] =
        N_("host name"),
    [TLS_TEXT_CHECK_DATES] =
        N_("validity dates"),
    [TLS_TEXT_CHECK_KEY] =
        N_("public key"),
    [TLS_TEXT_CHECK_SKE_SIGNATURE] =
        N_("ServerKeyExchange signature"),
    [TLS_TEXT_CHECK_FINISHED] =
        N_("Finished"),
    [TLS_TEXT_CHAIN_OK] =
        N_("each signature verifies up to a trusted root CA"),
    [TLS_TEXT_CHAIN_BAD] =
        /* TRANSLATORS: {detail} is the certificate library's own (English) reason */
        N_("the chain does not lead to a trusted CA: {detail}"),
    [TLS_TEXT_HOST_OK] =
        N_("the certificate is valid for {host}"),
    [TLS_TEXT_HOST_BAD] =
        N_("the certificate is not valid for {host}"),
    [TLS_TEXT_DATES_OK] =
        N_("now is within every certificate's validity period"),
    [TLS_TEXT_DATES_BAD] =
        N_("a certificate is expired or not yet valid: {detail}"),
    [TLS_TEXT_KEY_OK] =
        N_("the leaf key is RSA ({bits} bits), usable for this suite"),
    [TLS_TEXT_KEY_BAD] =
        N_("the leaf key is not RSA ({bits} bits)"),
    [TLS_TEXT_KEY_OK_ECDSA] =
        N_("the leaf key is ECDSA ({bits} bits), usable for this suite"),
    [TLS_TEXT_KEY_BAD_ECDSA] =
        N_("the leaf key is not ECDSA on P-256 or P-384 ({bits} bits), which this suite "
           "needs"),
    [TLS_TEXT_CHECK_CHAIN_LINK] =
        N_("chain link"),
    /* TRANSLATORS: #{index} counts the links of the certification path from the leaf (1) */
    [TLS_TEXT_CHAIN_LINK_ANCHOR] =
        N_("#{index}: “{subject}” is signed by “{issuer}”, a root the client already trusts "
           "({sig_alg}): the signature verifies, the path ends here"),
    [TLS_TEXT_CHAIN_LINK_SENT] =
        N_("#{index}: “{subject}” is signed by “{issuer}”, sent in the same Certificate message "
           "({sig_alg}): the signature verifies"),
    [TLS_TEXT_CHAIN_LINK_BAD_SIG] =
        N_("#{index}: “{subject}” names “{issuer}” as its issuer, but its {sig_alg} signature does "
           "not verify with that certificate's key"),
    [TLS_TEXT_CHAIN_LINK_MISSING] =
        N_("#{index}: “{subject}” was issued by “{issuer}”, which is neither among the certificates "
           "sent nor a trusted root: an intermediate is missing"),
    [TLS_TEXT_CHAIN_LINK_UNTRUSTED_ROOT] =
        N_("#{index}: “{subject}” signs itself, but it is not one of the client's trusted roots"),
    [TLS_TEXT_SERVER_CERT_CURVE] =
        N_("the server's ECDSA key is on {group}, a curve the client did not list in "
           "supported_groups (RFC 8422 §5.1)"),
    [TLS_TEXT_NO_SUITE_FOR_CURVE] =
        N_("the client offered {suite} but does not list {group}, the curve of the server's "
           "ECDSA certificate, in supported_groups (RFC 8422 §5.1)"),
    [TLS_TEXT_CERT_VERIFY_FAILED] =
        N_("certificate verification failed: {detail}"),
    [TLS_TEXT_SERVER_CHOSE_GROUP] =
        N_("the server chose group {group}, which the client did not offer"),
    [TLS_TEXT_SERVER_SIG_ALG] =
        N_("the server signed with algorithm 0x{sig_alg}, which the client did not offer"),
    [TLS_TEXT_SERVER_POINT_TOO_LONG] =
        N_("the server's public point is too long"),
    [TLS_TEXT_SKE_SIGNATURE_OK] =
        N_("the certificate's RSA key signed {hash}(client_random ‖ server_random ‖ "
           "params): these ECDHE parameters come from the certificate's owner, for this "
           "handshake"),
    [TLS_TEXT_SKE_SIGNATURE_OK_ECDSA] =
        N_("the certificate's ECDSA key signed {hash}(client_random ‖ server_random ‖ "
           "params): these ECDHE parameters come from the certificate's owner, for this "
           "handshake"),
    [TLS_TEXT_SKE_SIGNATURE_BAD] =
        N_("the signature over {hash}(client_random ‖ server_random ‖ params) does not "
           "verify with the certificate's key"),
    [TLS_TEXT_SKE_SIGNATURE_FAILED] =
        N_("the ServerKeyExchange signature does not verify"),
    [TLS_TEXT_SERVER_HELLO_DONE_NOT_EMPTY] =
        N_("ServerHelloDone must be empty"),
    [TLS_TEXT_SERVER_POINT_INVALID] =
        N_("the server's ECDHE public key is not a valid point"),
    [TLS_TEXT_PRE_MASTER_ECDHE_CLIENT] =
        N_("pre_master_secret = x-coordinate of client_ecdhe_private · server_ecdhe_public"),
    [TLS_TEXT_NO_RANDOM_PRE_MASTER] =
        N_("no randomness for the pre-master secret"),
    [TLS_TEXT_NO_RSA_KEY] =
        N_("the server's certificate has no usable RSA key"),
    [TLS_TEXT_RSA_ENCRYPT_FAILED] =
        N_("RSA encryption of the pre-master secret failed"),
    [TLS_TEXT_PRE_MASTER_RSA_CLIENT] =
        N_("the client chose the pre-master secret itself (0x0303 ‖ 46 random bytes) and "
           "encrypted it with the RSA key from the server's certificate"),
    [TLS_TEXT_NO_COMMON_SUITE] =
        N_("the client offered none of the cipher suites the server accepts ({suite})"),
    [TLS_TEXT_NO_COMMON_SUITE_MORE] =
        N_("the client offered none of the cipher suites the server accepts ({suite}, ...)"),
    [TLS_TEXT_NO_COMMON_GROUP] =
        N_("the client supports none of the server's groups"),
    [TLS_TEXT_NO_UNCOMPRESSED_POINTS] =
        N_("the client does not accept uncompressed points (RFC 8422 §5.1.2)"),
    [TLS_TEXT_NO_SIGALGS_EXTENSION] =
        N_("the client sent no signature_algorithms; the default (SHA-1) is not supported "
           "here"),
    [TLS_TEXT_NO_COMMON_SIGALG] =
        N_("the client accepts none of the server's signature algorithms "
           "(rsa_pkcs1_sha256, rsa_pkcs1_sha384)"),
    [TLS_TEXT_NO_COMMON_SIGALG_ECDSA] =
        N_("the client accepts none of the server's ECDSA signature algorithms "
           "(ecdsa_secp256r1_sha256, ecdsa_secp384r1_sha384)"),
    [TLS_TEXT_CLIENT_VERSION_TOO_LOW] =
        N_("the client's highest version is 0x{version}; this server speaks only TLS 1.2"),
    [TLS_TEXT_NO_NULL_COMPRESSION] =
        N_("the client did not offer the null compression method"),
    [TLS_TEXT_CLIENT_ONLY_TLS13] =
        N_("the client speaks only TLS 1.3: its supported_versions extension does not list "
           "TLS 1.2 (0x0303), the only version of this server"),
    [TLS_TEXT_SERVER_ACCEPTS_SUITE] =
        N_("the server accepts {suite} and finds it among the client's {count} suites"),
    [TLS_TEXT_NO_RANDOM_SERVER_RANDOM] =
        N_("no randomness for server_random"),
    [TLS_TEXT_SKE_SIGN_FAILED] =
        N_("could not sign ServerKeyExchange"),
    [TLS_TEXT_SERVER_SIGNED] =
        N_("the server signed {hash}(client_random ‖ server_random ‖ params) with the "
           "private key of its certificate"),
    [TLS_TEXT_CLIENT_POINT_INVALID] =
        N_("the client's ECDHE public key is not a valid point"),
    [TLS_TEXT_PRE_MASTER_ECDHE_SERVER] =
        N_("pre_master_secret = x-coordinate of server_ecdhe_private · client_ecdhe_public"),
    [TLS_TEXT_NO_RANDOM] =
        N_("no randomness"),
    [TLS_TEXT_PRE_MASTER_RSA_SERVER] =
        N_("the server decrypted the pre-master secret with its certificate's private key"),
    [TLS_TEXT_PRE_MASTER_RSA_BAD] =
        N_("the pre-master secret did not decrypt to 48 bytes starting 0x0303: the server "
           "goes on with random bytes instead (RFC 5246 §7.4.7.1), so the Finished check "
           "will fail without revealing why"),
    [TLS_TEXT_CCS_SENT] =
        /* TRANSLATORS: {key} is a value name (client_write_key) */
        N_("from the next record on, the {party} encrypts with AES-{bits}-GCM under {key}; "
           "sequence numbers restart at 0"),
    [TLS_TEXT_CCS_RECEIVED] =
        N_("the {party} will now decrypt the {peer}'s records with {key}"),
    [TLS_TEXT_VERIFY_DATA_FAILED] =
        N_("could not compute verify_data"),
    [TLS_TEXT_FINISHED_OK] =
        /* TRANSLATORS: {label} is the PRF label ("client finished"), kept in English */
        N_("the {peer}'s verify_data equals PRF(master_secret, \"{label}\", Hash(handshake "
           "messages))[0..11] as computed here: same keys, same transcript"),
    [TLS_TEXT_FINISHED_BAD] =
        N_("the {peer}'s verify_data differs from PRF(master_secret, \"{label}\", "
           "Hash(handshake messages)) computed here: different keys or an altered "
           "handshake"),
    [TLS_TEXT_FINISHED_FAILED] =
        N_("the {peer}'s Finished does not verify"),
    [TLS_TEXT_APP_DATA_DECRYPTED] =
        N_("the {party} decrypted {bytes} bytes of application data (sequence number "
           "{seq}) with {key}: the GCM tag verifies, so they are exactly what the {peer} "
           "sent, in this position of the stream"),
    [TLS_TEXT_OOM_APP_DATA] =
        N_("out of memory for application data"),
    [TLS_TEXT_APP_DATA_ENCRYPT_ONE] =
        /* TRANSLATORS: {seq_hex} is the sequence number as 16 hex digits; {iv} a value name (client_write_iv) */
        N_("the {party} encrypts {bytes} bytes of application data with {key} in 1 record "
           "from sequence number {seq}: nonce = {iv} ‖ explicit nonce (the sequence "
           "number, {seq_hex}), AAD = seq ‖ type 23 ‖ version 0303 ‖ plaintext length; the "
           "16-byte GCM tag lets the {peer} detect any change"),
    [TLS_TEXT_APP_DATA_ENCRYPT_MANY] =
        N_("the {party} encrypts {bytes} bytes of application data with {key} in {records} "
           "records from sequence number {seq}: nonce = {iv} ‖ explicit nonce (the "
           "sequence number, {seq_hex}), AAD = seq ‖ type 23 ‖ version 0303 ‖ plaintext "
           "length; the 16-byte GCM tag lets the {peer} detect any change"),
    [TLS_TEXT_APP_DATA_ENCRYPT_FAILED] =
        N_("could not encrypt application data"),
    [TLS_TEXT_CLOSE_NOTIFY_ANSWER] =
        N_("the {party} sends close_notify (a warning-level alert, encrypted like the "
           "data): the answer to the peer's, so both sides know nothing was cut off"),
    [TLS_TEXT_CLOSE_NOTIFY_FIRST] =
        N_("the {party} sends close_notify (a warning-level alert, encrypted like the "
           "data): it has nothing more to send"),
    [TLS_TEXT_EXTENSIONS_NONE] =
        N_("the {peer}'s {message} carries 0 extensions"),
    [TLS_TEXT_EXTENSIONS_ONE] =
        /* TRANSLATORS: {list} is a list of extension names, each with what this side made of it */
        N_("the {peer}'s {message} carries 1 extension: {list}"),
    [TLS_TEXT_EXTENSIONS_MANY] =
        N_("the {peer}'s {message} carries {count} extensions: {list}"),
    [TLS_TEXT_EXTENSIONS_MANY_FIRST] =
        N_("the {peer}'s {message} carries {count} extensions; the first {shown}: {list}"),
    [TLS_TEXT_INFER_CLIENT_HELLO] =
        N_("what the {party} can infer: the client sent its ClientHello, so it holds what "
           "that message carries"),
    [TLS_TEXT_INFER_SERVER_HELLO] =
        N_("what the {party} can infer: the server's ServerHello answers the ClientHello, "
           "so it received the client's values and chose its own"),
    [TLS_TEXT_INFER_CERTIFICATE] =
        N_("what the {party} can infer: the server sent this certificate chain"),
    [TLS_TEXT_INFER_SERVER_KEY_EXCHANGE] =
        N_("what the {party} can infer: the server sent and signed these ECDHE parameters "
           "(and alone holds the private scalar behind server_ecdhe_public)"),
    [TLS_TEXT_INFER_CLIENT_KEY_EXCHANGE] =
        N_("what the {party} can infer: the client's ClientKeyExchange answers "
           "ServerHelloDone, so it received the server's messages"),
    [TLS_TEXT_INFER_CLIENT_FINISHED] =
        N_("what the {party} can infer: the client's Finished verified, so it computed the "
           "same pre-master, master secret and keys"),
    [TLS_TEXT_INFER_SERVER_FINISHED] =
        N_("what the {party} can infer: the server's Finished verified, so it received the "
           "ClientKeyExchange and computed the same pre-master, master secret and keys"),
    [TLS_TEXT_INFER_RESUMED_FINISHED] =
        N_("what the {party} can infer: the {peer}'s Finished verified, so it holds the "
           "session's master secret and derived the same new keys from it and the new randoms"),
    [TLS_TEXT_CAP_SECRET_KEYLOG] =
        N_("the key log has this connection's master secret (the CLIENT_RANDOM line for this "
           "client random): the key block, both Finished messages and the application data "
           "can be computed and checked"),
    [TLS_TEXT_CAP_SECRET_SERVER_KEY] =
        N_("the server's RSA private key decrypts the pre-master secret in the "
           "ClientKeyExchange, as the server did; the master secret ({how}) and the key block "
           "follow from it"),
    [TLS_TEXT_CAP_SECRET_NO_LINE] =
        N_("the key log has no line for this client random: the keys stay unknown, and what "
           "follows is the eavesdropper's view"),
    [TLS_TEXT_CAP_FORWARD_SECRET] =
        N_("the server's private key cannot open this session: with {kx} it only signed the "
           "server's ephemeral public key, and the pre-master secret came from two ephemeral "
           "private keys that never crossed the wire (forward secrecy); what follows is the "
           "eavesdropper's view"),
    [TLS_TEXT_CAP_KEY_NOT_THIS_SERVER] =
        N_("the server key given does not decrypt this pre-master secret: it is not this "
           "server's key; what follows is the eavesdropper's view"),
    [TLS_TEXT_CAP_NO_SECRETS] =
        N_("no key log and no server key: this is the eavesdropper's view (--keys KEYLOG, or "
           "--server-key PEM for the RSA key exchange, decrypts it)"),
    [TLS_TEXT_CAP_SUITE_UNKNOWN] =
        N_("suite {suite} is not one tlssim implements: its records are shown, not decrypted"),
    [TLS_TEXT_CAP_SECRET_SUITE_UNKNOWN] =
        N_("the key material given is no use here: tlssim cannot derive the keys of a suite it "
           "does not implement; what follows is the eavesdropper's view"),
    [TLS_TEXT_CAP_FINISHED_UNKNOWN] =
        N_("the keys are unknown: the {party}'s Finished stays ciphertext and cannot be checked"),
    [TLS_TEXT_CAP_FINISHED_UNREADABLE] =
        N_("the {party}'s Finished does not decrypt with these keys: they are not this "
           "connection's"),
    [TLS_TEXT_CAP_KEYS_COMPUTED] =
        N_("computed here from the capture and the key material: both sides must hold the "
           "same master secret and keys, which their Finished messages prove"),
    [TLS_TEXT_CAP_ENDS] =
        N_("the capture ends before the {message}: the connection cannot be followed further"),
    [TLS_TEXT_CAP_GAP] =
        N_("the {party}'s bytes stop at stream offset {offset}: a TCP segment is missing from "
           "the capture (the next captured byte is in frame {frame})"),
    [TLS_TEXT_CAP_UNEXPECTED] =
        N_("the {party} sent {message} where no flow tlssim knows has it: it is shown under this "
           "step"),
    [TLS_TEXT_CAP_APP_DATA_NOT_SHOWN] =
        N_("{records} more records after the handshake from the {party} ({bytes} bytes) are "
           "counted, not shown (--keep changes the limit)"),
    [TLS_TEXT_LIVE_READ_FAILED] =
        N_("reading from the {peer} failed: {error}"),
    [TLS_TEXT_LIVE_SILENT] =
        /* TRANSLATORS: {what} is what the side waited for: a message name or a phrase translated separately */
        N_("the {peer} sent nothing for {seconds} s while the {party} waited for {what}"),
    [TLS_TEXT_LIVE_DEADLINE] =
        N_("the run did not end within --timeout {seconds} s: the {party} was still waiting "
           "for {what} from the {peer}"),
    [TLS_TEXT_LIVE_APP_DATA_DROPPED] =
        N_("the {party} keeps and shows the first {kept} bytes of application data; {bytes} "
           "more bytes in {records} records were decrypted, verified and counted, not kept "
           "(--keep changes the limit)"),
    [TLS_TEXT_LIVE_HTTP_HEAD_TOO_LONG] =
        N_("the {peer}'s HTTP head did not end within {max} bytes"),
    [TLS_TEXT_LIVE_CLOSED_IN_HANDSHAKE] =
        N_("the {peer} closed the connection in the middle of the handshake, while the "
           "{party} waited for {what}"),
    [TLS_TEXT_LIVE_CA_UNREADABLE] =
        N_("--ca: cannot read {file}: {error}"),
    [TLS_TEXT_LIVE_CA_EMPTY] =
        N_("--ca: {file} holds no PEM certificate that parses"),
    [TLS_TEXT_LIVE_CA_SKIPPED] =
        N_("--ca {file}: {count} of its certificates did not parse and were skipped"),
    [TLS_TEXT_LIVE_DEMO_CA] =
        N_("the demo CA does not load"),
    [TLS_TEXT_LIVE_DEMO_CREDENTIALS] =
        N_("the demo certificate or key does not load"),
    [TLS_TEXT_OUT_OF_MEMORY] =
        N_("out of memory"),
    [TLS_TEXT_LIVE_INTRO] =
        N_("live: the {party} (simulated here, {local}) is connected to a real TLS stack, "
           "the {peer} at {remote}.  Only the {party}'s secrets are known: the {peer}'s "
           "side shows only what crossed the wire"),
    [TLS_TEXT_LIVE_SNI_IP] =
        N_("{host} is an IP address, which SNI may not carry (RFC 6066 §3): the client "
           "names the demo host {demo_host} and checks the certificate for it (--sni to "
           "change)"),
    [TLS_TEXT_LIVE_LAST_RECORDS_LOST] =
        N_("the {party}'s last records did not reach the {peer}, which had already closed "
           "the connection ({error})"),
    [TLS_TEXT_LIVE_NO_CLOSE_NOTIFY] =
        N_("the {peer} closed the TCP connection without close_notify: nothing proves that "
           "all its data arrived (an attacker can end a TCP connection; it cannot forge "
           "close_notify)"),
    [TLS_TEXT_LIVE_CLOSE_UNANSWERED] =
        N_("the {peer} did not answer close_notify within {seconds} s; the {party} closes "
           "anyway (RFC 5246 §7.2.1 does not require waiting)"),
    [TLS_TEXT_LIVE_CLOSE_FAILED] =
        N_("the connection failed while the {party} waited for the {peer}'s close_notify "
           "({error}); everything before it had arrived"),
    [TLS_TEXT_LIVE_HTTP_REQUEST_FAILED] =
        N_("could not build the HTTP request"),
    [TLS_TEXT_LIVE_CLIENT_REQUEST] =
        N_("the handshake is over: the client asks for https://{host}/ (an HTTP/1.1 GET), "
           "sent as application data"),
    [TLS_TEXT_LIVE_NO_ANSWER] =
        N_("the server closed without answering the request"),
    [TLS_TEXT_LIVE_SERVER_ANSWERS] =
        N_("the server read the request \"{request}\" and answers with the demo page, then "
           "closes (one request per connection here)"),
    [TLS_TEXT_LIVE_PARTIAL_REQUEST] =
        N_("the client closed after {bytes} bytes that are not a whole HTTP request: no "
           "answer"),
    [TLS_TEXT_LIVE_NO_REQUEST] =
        N_("the client closed without sending a request"),
    /* TRANSLATORS: {when} is a UTC date and time */
    [TLS_TEXT_FIELD_GMT_UNIX_TIME] =
        N_("read as a time: {when}; modern stacks send random bytes here"),
    [TLS_TEXT_FIELD_SESSION_ID_EMPTY] =
        N_("empty: no session to resume"),
    [TLS_TEXT_FIELD_EMS_EMPTY] =
        N_("empty: the master secret will cover the whole handshake (session hash)"),
    [TLS_TEXT_FIELD_ETM_EMPTY] =
        N_("empty: CBC records will be encrypted first, then MACed (RFC 7366)"),
    [TLS_TEXT_FIELD_RENEG_EMPTY] =
        N_("empty: an initial handshake"),
    [TLS_TEXT_FIELD_RENEG_NOT_EMPTY] =
        N_("not empty: claims a renegotiation"),
    [TLS_TEXT_FIELD_VERSION_TLS10_FIRST] =
        N_("TLS 1.0, as clients write in their first record"),
    [TLS_TEXT_FIELD_LEAF_CERTIFICATE] =
        N_("#{index} (leaf: the server's own), DER, {bytes} bytes"),
    [TLS_TEXT_FIELD_CERTIFICATE] =
        N_("#{index}, DER, {bytes} bytes"),
    [TLS_TEXT_FIELD_SKE_SIGNATURE] =
        N_("over client_random + server_random + params"),
    [TLS_TEXT_FIELD_RSA_CIPHERTEXT] =
        N_("RSAES-PKCS1-v1_5 ciphertext"),
    [TLS_TEXT_FIELD_VERIFY_DATA] =
        N_("PRF(master_secret, label, Hash(handshake messages))"),
    /* TRANSLATORS: a code point no registry entry names */
    [TLS_TEXT_FIELD_UNKNOWN] =
        N_("unknown"),
    [TLS_TEXT_FIELD_ECDSA_SIG] =
        N_("Ecdsa-Sig-Value: a DER SEQUENCE of two INTEGERs, r and s ({bytes} bytes in all)"),
    [TLS_TEXT_FIELD_ECDSA_R] =
        N_("r = x-coordinate of k·G mod n, where k is a secret nonce that must never serve "
           "two signatures"),
    [TLS_TEXT_FIELD_ECDSA_S] =
        N_("s = k⁻¹·(hash + r·private key) mod n"),
    [TLS_TEXT_FIELD_DER_INT_PADDED] =
        N_("a leading 00 byte keeps the INTEGER positive (DER)"),
    [TLS_TEXT_FIELD_ECDSA_NOT_DER] =
        N_("not a DER SEQUENCE of two INTEGERs: this signature cannot verify "
           "(decrypt_error)"),
    /* TRANSLATORS: {error} is the system's own message (or a phrase translated separately) */
    [TLS_TEXT_CANNOT_WRITE] =
        N_("cannot write {path}: {error}"),
    [TLS_TEXT_NO_KEYLOG] =
        N_("no key log: the run stopped before the master secret was derived"),
    [TLS_TEXT_NO_PCAP] =
        N_("no pcap: no record crossed the wire"),
    /* TRANSLATORS: {name} is a scenario key (client_random), kept as is */
    [TLS_TEXT_SCENARIO_NO_EQUALS] =
        N_("{file}:{line}: expected 'name = hex'"),
    [TLS_TEXT_SCENARIO_TWICE] =
        N_("{file}:{line}: {name} given twice"),
    [TLS_TEXT_SCENARIO_NOT_HEX] =
        N_("{file}:{line}: {name}: not a hex byte string"),
    [TLS_TEXT_SCENARIO_SIZE] =
        N_("{file}:{line}: {name} must be {size} bytes, got {got}"),
    [TLS_TEXT_SCENARIO_SIZE_OVER] =
        N_("{file}:{line}: {name} must be {size} bytes, got more than {got}"),
    [TLS_TEXT_SCENARIO_SIZE_RANGE] =
        N_("{file}:{line}: {name} must be {min} to {max} bytes, got {got}"),
    [TLS_TEXT_SCENARIO_SIZE_RANGE_OVER] =
        N_("{file}:{line}: {name} must be {min} to {max} bytes, got more than {got}"),
    [TLS_TEXT_SCENARIO_UNKNOWN_NAME] =
        N_("{file}:{line}: unknown name '{name}' (known: {known})"),
    [TLS_TEXT_SCENARIO_UNREADABLE] =
        N_("{file}: cannot read: {error}"),
    [TLS_TEXT_SCENARIO_LINE_TOO_LONG] =
        N_("{file}:{line}: line too long"),
    [TLS_TEXT_SCENARIO_READ_ERROR] =
        N_("{file}: read error"),
    [TLS_TEXT_SCENARIO_IS_FOLDER] =
        N_("{file}: is a directory, not a scenario file"),
    [TLS_TEXT_SCENARIO_NOT_REGULAR] =
        N_("{file}: not a regular file (a FIFO, socket or device), not a scenario file"),
    [TLS_TEXT_SCENARIO_SCALAR_SIZE] =
        N_("{file}:{line}: {name} is {got} bytes, but the group {group} takes a {size}-byte private key"),
    [TLS_TEXT_SCENARIO_SCALAR_RANGE] =
        N_("{file}:{line}: {name} is not a private key the group {group} can use "
           "(it must lie from 1 to the group's order minus 1)"),
    [TLS_TEXT_RESOLVE_FAILED] =
        N_("cannot resolve {host}: {error}"),
    [TLS_TEXT_CONNECT_FAILED] =
        N_("cannot connect to {target}: {error}"),
    [TLS_TEXT_LISTEN_FAILED] =
        N_("cannot listen on {target}: {error}"),
    [TLS_TEXT_NO_CLIENT_IN_TIME] =
        N_("no client connected in time"),
    [TLS_TEXT_ACCEPT_FAILED] =
        N_("accept failed: {error}"),
    [TLS_TEXT_SEND_FAILED] =
        N_("sending failed: {error}"),
    /* TRANSLATORS: one item of a list: {item} is a name (an extension), {term} what was made of it */
    [TLS_TEXT_LIST_ITEM] =
        N_("{item} ({term})"),
    /* TRANSLATORS: between two items of a list */
    [TLS_TEXT_LIST_SEPARATOR] =
        N_("; "),
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
        N_("The server agrees to resume: it echoes the session ID; the master secret is reused, and new keys follow from it and the two new randoms."),
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

const char *tls_text_template(tls_text_id id)
{
    if ((unsigned)id >= TLS_TEXT_COUNT)
        return "";
    return templates[id] ? templates[id] : text_attack_template(id);
}

/* Length of the valid UTF-8 character at p (at most n bytes), 0 if none:
 * no overlong forms, no surrogates, nothing above U+10FFFF. */
static size_t utf8_char(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    size_t len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
               : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f) ||
        (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
        return 0;
    return len;
}

size_t tls_text_escape(const char *s, size_t n, char *out, size_t out_len)
{
    static const char digits[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < n && p[i] && out_len > 0;) {
        if (p[i] >= 0x20 && p[i] < 0x7f) {
            /* Printable ASCII, nearly every byte: as is. */
            if (o + 1 >= out_len)
                break;
            out[o++] = (char)p[i++];
            continue;
        }
        size_t k = utf8_char(p + i, n - i);
        bool control = k == 1 ? p[i] < 0x20 || p[i] == 0x7f : k == 2 && p[i] == 0xc2 && p[i + 1] < 0xa0;
        if (k > 0 && !control) {
            if (o + k >= out_len)
                break;
            memcpy(out + o, p + i, k);
            o += k;
            i += k;
            continue;
        }
        /* A control character or a byte outside valid UTF-8: each byte shown. */
        size_t bytes = control ? k : 1;
        if (o + 4 * bytes >= out_len)
            break;
        for (size_t j = 0; j < bytes; j++, i++) {
            out[o++] = '\\';
            out[o++] = 'x';
            out[o++] = digits[p[i] >> 4];
            out[o++] = digits[p[i] & 15];
        }
    }
    if (out_len > 0)
        out[o < out_len ? o : out_len - 1] = '\0';
    return o;
}

/* Append one value, cut at the room left (whole UTF-8 characters only). */
static void put_value(tls_text *t, const tls_text_arg *a, size_t *used)
{
    char num[32];
    const char *src = num;
    size_t len;
    switch (a->kind) {
    case TLS_TEXT_ARG_STRN:
        src = a->s ? a->s : "";
        len = strnlen(src, (size_t)a->u);
        break;
    case TLS_TEXT_ARG_UINT: {
        /* In decimal, by hand: snprintf cost more than the rest. */
        unsigned long long v = a->u;
        char *end = num + sizeof num - 1;
        *end = '\0';
        len = 0;
        do {
            end[-(ptrdiff_t)++len] = (char)('0' + v % 10);
            v /= 10;
        } while (v);
        src = end - len;
        break;
    }
    case TLS_TEXT_ARG_HEX:
        len = (size_t)snprintf(num, sizeof num, "%0*llx", a->width > 16 ? 16 : a->width, a->u);
        break;
    default: /* STR, TERM */
        src = a->s ? a->s : "";
        len = strlen(src);
        break;
    }
    size_t room = sizeof t->values - *used - 1;
    /* Strings may come from the peer: stored escaped (tls_text_escape). */
    if (a->kind == TLS_TEXT_ARG_STR || a->kind == TLS_TEXT_ARG_STRN) {
        *used += tls_text_escape(src, len, t->values + *used, room + 1) + 1;
        return;
    }
    if (len > room) {
        len = room;
        while (len > 0 && ((unsigned char)src[len] & 0xc0) == 0x80)
            len--;
    }
    memcpy(t->values + *used, src, len);
    t->values[*used + len] = '\0';
    *used += len + 1;
}

void tls_text_make(tls_text *out, tls_text_id id, const tls_text_arg *args)
{
    out->id = id;
    out->nargs = 0;
    out->terms = 0;
    out->lists = 0;
    out->values[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; args && args[i].kind != TLS_TEXT_ARG_END; i++) {
        if (out->nargs == TLS_TEXT_MAX_ARGS || used >= sizeof out->values - 1)
            break;
        out->names[out->nargs] = args[i].name;
        out->value_at[out->nargs] = (unsigned short)used;
        if (args[i].kind == TLS_TEXT_ARG_TERM)
            out->terms |= 1u << out->nargs;
        if (args[i].kind == TLS_TEXT_ARG_LIST)
            out->lists |= 1u << out->nargs;
        out->nargs++;
        put_value(out, &args[i], &used);
    }
}

void tls_text_free_form(tls_text *out, const char *s)
{
    tls_text_make(out, TLS_TEXT_FREE, TLS_ARGS(TLS_ARG_S("text", s)));
}

const char *tls_text_arg_value(const tls_text *t, const char *name)
{
    for (size_t i = 0; i < t->nargs; i++)
        if (strcmp(t->names[i], name) == 0)
            return t->values + t->value_at[i];
    return NULL;
}

/* The argument a placeholder at p ("{name}...") stands for, and the
 * placeholder's length in the template; -1 when p does not start a known
 * placeholder. */
static int placeholder(const tls_text *t, const char *p, size_t *len)
{
    const char *close = strchr(p + 1, '}');
    if (!close)
        return -1;
    for (size_t i = 0; i < t->nargs; i++) {
        size_t n = strlen(t->names[i]);
        if ((size_t)(close - p - 1) == n && memcmp(p + 1, t->names[i], n) == 0) {
            *len = n + 2;
            return (int)i;
        }
    }
    return -1;
}

/* List items are separated by RS, an item's name from its term by US. */
#define LIST_ITEM_SEP '\x1e'
#define LIST_TERM_SEP '\x1f'

static size_t render_into(char *out, const char *tmpl, const tls_text *t,
                          tls_text_term_fn term);

/* Copy s (n bytes) to out + at when out is not NULL; returns n. */
static size_t put(char *out, size_t at, const char *s, size_t n)
{
    if (out)
        memcpy(out + at, s, n);
    return n;
}

/* A list argument: each item through the (translated) item template. */
static size_t render_list(char *out, const char *v, tls_text_term_fn term)
{
    const char *item_tmpl = tls_text_template(TLS_TEXT_LIST_ITEM);
    const char *sep = tls_text_template(TLS_TEXT_LIST_SEPARATOR);
    if (term) {
        item_tmpl = term(item_tmpl);
        sep = term(sep);
    }
    size_t n = 0;
    for (bool first = true; *v; first = false) {
        size_t len = strcspn(v, (const char[]){LIST_ITEM_SEP, '\0'});
        size_t name_len = strcspn(v, (const char[]){LIST_TERM_SEP, LIST_ITEM_SEP, '\0'});
        /* "name US term", or a bare term. */
        bool bare = name_len == len;
        char word[512];
        snprintf(word, sizeof word, "%.*s", bare ? (int)len : (int)(len - name_len - 1),
                 bare ? v : v + name_len + 1);
        tls_text item;
        tls_text_make(&item, TLS_TEXT_LIST_ITEM,
                      TLS_ARGS(TLS_ARG_SN("item", v, name_len), TLS_ARG_T("term", word)));
        if (!first)
            n += put(out, n, sep, strlen(sep));
        n += render_into(out ? out + n : NULL, bare ? "{term}" : item_tmpl, &item, term);
        v += len + (v[len] != '\0');
    }
    return n;
}

/* Render into out (when not NULL); returns the length of the rendering. */
static size_t render_into(char *out, const char *tmpl, const tls_text *t,
                          tls_text_term_fn term)
{
    size_t n = 0;
    for (const char *p = tmpl; *p;) {
        size_t len = 1;
        if (*p != '{') {
            /* The text up to the next placeholder, in one copy. */
            len = strcspn(p, "{");
            n += put(out, n, p, len);
            p += len;
            continue;
        }
        int i = placeholder(t, p, &len);
        if (i < 0) {
            n += put(out, n, p, 1);
            p++;
            continue;
        }
        const char *v = t->values + t->value_at[i];
        if (t->lists & (1u << i)) {
            n += render_list(out ? out + n : NULL, v, term);
        } else {
            if (term && (t->terms & (1u << i)))
                v = term(v);
            n += put(out, n, v, strlen(v));
        }
        p += len;
    }
    if (out)
        out[n] = '\0';
    return n;
}

void tls_text_list_add(char *buf, size_t cap, const char *item, const char *term)
{
    size_t used = strnlen(buf, cap);
    if (used + 1 >= cap)
        return;
    const char rs[2] = {used ? LIST_ITEM_SEP : '\0', '\0'}, us[2] = {LIST_TERM_SEP, '\0'};
    snprintf(buf + used, cap - used, "%s%s%s%s", rs, item ? item : "", item ? us : "", term);
}

char *tls_text_render(const char *tmpl, const tls_text *t, tls_text_term_fn term)
{
    if (!tmpl)
        tmpl = "";
    char *s = malloc(render_into(NULL, tmpl, t, term) + 1);
    if (s)
        render_into(s, tmpl, t, term);
    return s;
}

char *tls_text_english(const tls_text *t)
{
    return tls_text_render(tls_text_template(t->id), t, NULL);
}

void tls_text_english_into(const tls_text *t, char *buf, size_t cap)
{
    if (!cap)
        return;
    char *s = tls_text_english(t);
    snprintf(buf, cap, "%s", s ? s : "");
    free(s);
}
