/* The core's own sentences (include/tlssim/text.h): step titles and what
 * each step teaches, and the notes, checks and reasons the engines emit as
 * a handshake runs (records, alerts, the messages, the certificate checks,
 * the key exchange, Finished, application data), with the labels of the
 * dissected fields.  N_() only marks them for xgettext (the core never
 * translates). */
#include "text_internal.h"

#define N_(s) s

const char *const text_engine_templates[TLS_TEXT_COUNT] = {
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
    /* TRANSLATORS: one item of a list: {item} is a name (an extension), {term} what was made of it */
    [TLS_TEXT_LIST_ITEM] =
        N_("{item} ({term})"),
    /* TRANSLATORS: between two items of a list */
    [TLS_TEXT_LIST_SEPARATOR] =
        N_("; "),
};
