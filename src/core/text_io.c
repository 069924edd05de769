/* The sentences of what surrounds the engines (include/tlssim/text.h): a
 * live run against a real peer and what each side can infer there, a
 * capture read back, scenario files, the files a run writes, and the
 * network.  N_() only marks them for xgettext (the core never translates). */
#include "text_internal.h"

#define N_(s) s

const char *const text_io_templates[TLS_TEXT_COUNT] = {
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
    [TLS_TEXT_CAP_RESUMED_AFTER_HELLO] =
        N_("no session ID was echoed (the client offered its ticket without one, RFC 5077 §3.4): "
           "the server's {message} instead of a Certificate is what says the session is resumed, "
           "to the client as to the eavesdropper"),
    [TLS_TEXT_CAP_APP_DATA_NOT_SHOWN] =
        N_("{records} more records after the handshake from the {party} ({bytes} bytes) are "
           "counted, not shown (--keep changes the limit)"),
    [TLS_TEXT_CAP_SECRET_SESSION] =
        N_("this connection resumes the session that connection #{conn} of the capture made, "
           "named {how}: the master secret the key material gave there is reused, and the new "
           "key block follows from it and the two new randoms"),
    [TLS_TEXT_CAP_SESSION_OUTSIDE] =
        N_("this connection resumes a session that no earlier connection of the capture "
           "reveals: it was made outside the capture (or by a full handshake the key material "
           "does not open), so its master secret is unknown and what follows is the "
           "eavesdropper's view"),
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
};
