/**
 * \file text.h
 * \brief The catalogue of everything the core says in words: notes, checks,
 *        alert and failure reasons, step titles, what each step teaches and
 *        why a step is skipped.
 *
 * The core never writes prose into events.  It emits a catalogue id and a
 * few named arguments whose values are language-neutral strings (numbers,
 * hex, protocol, value and party names, host names), formatted once, in the
 * core.  Each id has an English template with {name} placeholders; the
 * templates are marked for xgettext (po/POTFILES lists src/core/text_*.c), so
 * a translator gets "the server accepts {suite} ..." and keeps the names in
 * braces.  Front ends render an id in the chosen language with
 * tls_text_render(gettext(tls_text_template(id)), text) (tlssim/i18n.h wraps
 * this as tls_i18n_text); the core never calls gettext.
 *
 * JSON is a data format whose strings are documented in English: it renders
 * the English templates (tls_text_english), so its output does not depend on
 * the language chosen.  Events also keep that English rendering in their
 * `text` member for the same reason.
 *
 * Adding a sentence: a TLS_TEXT_* id below and its row (N_("template")) in
 * the part of the catalogue of its subject, src/core/text_engine.c,
 * text_io.c, text_variants.c or text_attack.c, then the call site; run
 * `ninja -C build tlssim-update-po` for the translators.
 */
#ifndef TLSSIM_TEXT_H
#define TLSSIM_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/** \brief Every sentence and label the core can emit. */
typedef enum tls_text_id {
    TLS_TEXT_NONE = 0, /**< no text */
    TLS_TEXT_FREE,     /**< one argument {text} shown as is (a message from the system) */

    /* Step titles, what each step teaches, why a step is skipped. */
    TLS_TEXT_TITLE_CLIENT_HELLO,
    TLS_TEXT_TITLE_SERVER_HELLO,
    TLS_TEXT_TITLE_CERTIFICATE,
    TLS_TEXT_TITLE_SERVER_KEY_EXCHANGE,
    TLS_TEXT_TITLE_SERVER_HELLO_DONE,
    TLS_TEXT_TITLE_CLIENT_KEY_EXCHANGE,
    TLS_TEXT_TITLE_CLIENT_CCS,
    TLS_TEXT_TITLE_CLIENT_FINISHED,
    TLS_TEXT_TITLE_SERVER_CCS,
    TLS_TEXT_TITLE_SERVER_FINISHED,
    TLS_TEXT_TEACH_CLIENT_HELLO,
    TLS_TEXT_TEACH_SERVER_HELLO,
    TLS_TEXT_TEACH_CERTIFICATE,
    TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE,
    TLS_TEXT_TEACH_SERVER_HELLO_DONE,
    TLS_TEXT_TEACH_CLIENT_KEY_EXCHANGE,
    TLS_TEXT_TEACH_CLIENT_KEY_EXCHANGE_RSA,
    TLS_TEXT_TEACH_CLIENT_CCS,
    TLS_TEXT_TEACH_CLIENT_FINISHED,
    TLS_TEXT_TEACH_SERVER_CCS,
    TLS_TEXT_TEACH_SERVER_FINISHED,
    TLS_TEXT_SKIP_SERVER_KEY_EXCHANGE_RSA,

    /* Notes, checks and reasons, by where they arise (see src/core/text_engine.c, text_io.c). */
    TLS_TEXT_EVE_CIPHERTEXT_FROM_NOW,
    TLS_TEXT_AFTER_SIM_REQUEST,
    TLS_TEXT_AFTER_SIM_SERVER_ANSWERS,
    TLS_TEXT_AFTER_CLIENT_RECEIVED_ANSWER,
    TLS_TEXT_SIM_SETUP_FAILED,
    TLS_TEXT_ECDHE_KEYGEN_FAILED,
    TLS_TEXT_ECDHE_KEYGEN_BAD_SCALAR,
    TLS_TEXT_PRF_ROUNDS_1,
    TLS_TEXT_PRF_ROUNDS_2,
    TLS_TEXT_MASTER_SECRET_EMS,
    TLS_TEXT_MASTER_SECRET_CLASSIC,
    TLS_TEXT_EMS_NOT_ACCEPTED_BY_SERVER,
    TLS_TEXT_EMS_NOT_OFFERED_BY_CLIENT,
    TLS_TEXT_MASTER_SECRET_FAILED,
    TLS_TEXT_KEY_BLOCK_FAILED,
    TLS_TEXT_KEY_BLOCK,
    TLS_TEXT_OOM_TRANSCRIPT,
    TLS_TEXT_COULD_NOT_PRODUCE,
    TLS_TEXT_UNEXPECTED_MESSAGE,
    TLS_TEXT_UNEXPECTED_UNKNOWN_MESSAGE,
    TLS_TEXT_UNEXPECTED_MESSAGE_AFTER,
    TLS_TEXT_UNEXPECTED_UNKNOWN_MESSAGE_AFTER,
    TLS_TEXT_UNEXPECTED_CCS,
    TLS_TEXT_UNEXPECTED_CCS_AFTER,
    TLS_TEXT_NOT_DECODED,
    TLS_TEXT_EMPTY_HANDSHAKE_RECORD,
    TLS_TEXT_OOM_HANDSHAKE,
    TLS_TEXT_HANDSHAKE_TOO_LARGE,
    TLS_TEXT_MALFORMED_CCS,
    TLS_TEXT_MALFORMED_ALERT,
    TLS_TEXT_CLOSE_NOTIFY_RECEIVED,
    TLS_TEXT_CLOSED_DURING_HANDSHAKE,
    TLS_TEXT_WARNING_ALERT_GOES_ON,
    TLS_TEXT_PEER_FATAL_ALERT,
    TLS_TEXT_TOO_MANY_WARNINGS,
    TLS_TEXT_TOO_MANY_EMPTY_RECORDS,
    TLS_TEXT_TOO_MANY_RECORDS,
    TLS_TEXT_TOO_MANY_HELLO_REQUESTS,
    TLS_TEXT_HELLO_REQUEST_IGNORED,
    TLS_TEXT_SSLV2_HELLO,
    TLS_TEXT_RECORD_VERSION,
    TLS_TEXT_RECORD_TAG,
    TLS_TEXT_APP_DATA_TOO_EARLY,
    TLS_TEXT_UNKNOWN_CONTENT_TYPE,
    TLS_TEXT_NOT_TLS_TEXT,
    TLS_TEXT_NOT_TLS_TEXT_HTTP_SERVER,
    TLS_TEXT_NOT_TLS_TEXT_HTTP_CLIENT,
    TLS_TEXT_NOT_TLS_TEXT_SSH,
    TLS_TEXT_NOT_TLS_TEXT_SMTP_FTP,
    TLS_TEXT_NOT_TLS_TEXT_POP3,
    TLS_TEXT_NOT_TLS_BINARY,
    TLS_TEXT_OOM_RECEIVED,
    TLS_TEXT_RECORD_TOO_LONG,
    TLS_TEXT_EOF_IN_RECORD,
    TLS_TEXT_EOF_IN_MESSAGE,
    TLS_TEXT_EOF_MISSING_MESSAGE,
    TLS_TEXT_EOF_TRUNCATED,
    TLS_TEXT_NO_RANDOM_CLIENT_RANDOM,
    TLS_TEXT_ENCODE_FAILED,
    TLS_TEXT_CLIENT_OFFERS,
    TLS_TEXT_MALFORMED_MESSAGE,
    TLS_TEXT_MALFORMED_CERTIFICATE,
    TLS_TEXT_SERVER_CHOSE_VERSION,
    TLS_TEXT_SERVER_CHOSE_SUITE,
    TLS_TEXT_SERVER_CHOSE_COMPRESSION,
    TLS_TEXT_SERVER_UNOFFERED_EXTENSION,
    TLS_TEXT_EMPTY_CHAIN,
    TLS_TEXT_CHAIN_TOO_LONG,
    TLS_TEXT_CERT_NOT_DER,
    TLS_TEXT_CHECK_CHAIN,
    TLS_TEXT_CHECK_HOST,
    TLS_TEXT_CHECK_DATES,
    TLS_TEXT_CHECK_KEY,
    TLS_TEXT_CHECK_SKE_SIGNATURE,
    TLS_TEXT_CHECK_FINISHED,
    TLS_TEXT_CHAIN_OK,
    TLS_TEXT_CHAIN_BAD,
    TLS_TEXT_HOST_OK,
    TLS_TEXT_HOST_BAD,
    TLS_TEXT_DATES_OK,
    TLS_TEXT_DATES_BAD,
    TLS_TEXT_KEY_OK,
    TLS_TEXT_KEY_BAD,
    TLS_TEXT_KEY_OK_ECDSA,
    TLS_TEXT_KEY_BAD_ECDSA,
    TLS_TEXT_CHECK_CHAIN_LINK,
    TLS_TEXT_CHAIN_LINK_ANCHOR,
    TLS_TEXT_CHAIN_LINK_SENT,
    TLS_TEXT_CHAIN_LINK_BAD_SIG,
    TLS_TEXT_CHAIN_LINK_MISSING,
    TLS_TEXT_CHAIN_LINK_UNTRUSTED_ROOT,
    TLS_TEXT_SERVER_CERT_CURVE,
    TLS_TEXT_NO_SUITE_FOR_CURVE,
    TLS_TEXT_CERTIFICATE_VERIFY_OK_ECDSA,
    TLS_TEXT_CERT_VERIFY_FAILED,
    TLS_TEXT_SERVER_CHOSE_GROUP,
    TLS_TEXT_SERVER_SIG_ALG,
    TLS_TEXT_SERVER_POINT_TOO_LONG,
    TLS_TEXT_SKE_SIGNATURE_OK,
    TLS_TEXT_SKE_SIGNATURE_OK_ECDSA,
    TLS_TEXT_SKE_SIGNATURE_BAD,
    TLS_TEXT_SKE_SIGNATURE_FAILED,
    TLS_TEXT_SERVER_HELLO_DONE_NOT_EMPTY,
    TLS_TEXT_SERVER_POINT_INVALID,
    TLS_TEXT_PRE_MASTER_ECDHE_CLIENT,
    TLS_TEXT_NO_RANDOM_PRE_MASTER,
    TLS_TEXT_NO_RSA_KEY,
    TLS_TEXT_RSA_ENCRYPT_FAILED,
    TLS_TEXT_PRE_MASTER_RSA_CLIENT,
    TLS_TEXT_NO_COMMON_SUITE,
    TLS_TEXT_NO_COMMON_SUITE_MORE,
    TLS_TEXT_NO_COMMON_GROUP,
    TLS_TEXT_NO_UNCOMPRESSED_POINTS,
    TLS_TEXT_NO_SIGALGS_EXTENSION,
    TLS_TEXT_NO_COMMON_SIGALG,
    TLS_TEXT_NO_COMMON_SIGALG_ECDSA,
    TLS_TEXT_CLIENT_VERSION_TOO_LOW,
    TLS_TEXT_NO_NULL_COMPRESSION,
    TLS_TEXT_CLIENT_ONLY_TLS13,
    TLS_TEXT_SERVER_ACCEPTS_SUITE,
    TLS_TEXT_NO_RANDOM_SERVER_RANDOM,
    TLS_TEXT_SKE_SIGN_FAILED,
    TLS_TEXT_SERVER_SIGNED,
    TLS_TEXT_CLIENT_POINT_INVALID,
    TLS_TEXT_PRE_MASTER_ECDHE_SERVER,
    TLS_TEXT_NO_RANDOM,
    TLS_TEXT_PRE_MASTER_RSA_SERVER,
    TLS_TEXT_PRE_MASTER_RSA_BAD,
    TLS_TEXT_CCS_SENT,
    TLS_TEXT_CCS_RECEIVED,
    TLS_TEXT_VERIFY_DATA_FAILED,
    TLS_TEXT_FINISHED_OK,
    TLS_TEXT_FINISHED_BAD,
    TLS_TEXT_FINISHED_FAILED,
    TLS_TEXT_APP_DATA_DECRYPTED,
    TLS_TEXT_OOM_APP_DATA,
    TLS_TEXT_APP_DATA_ENCRYPT_ONE,
    TLS_TEXT_APP_DATA_ENCRYPT_MANY,
    TLS_TEXT_APP_DATA_ENCRYPT_FAILED,
    TLS_TEXT_CLOSE_NOTIFY_ANSWER,
    TLS_TEXT_CLOSE_NOTIFY_FIRST,
    TLS_TEXT_EXTENSIONS_NONE,
    TLS_TEXT_EXTENSIONS_ONE,
    TLS_TEXT_EXTENSIONS_MANY,
    TLS_TEXT_EXTENSIONS_MANY_FIRST,
    TLS_TEXT_INFER_CLIENT_HELLO,
    TLS_TEXT_INFER_SERVER_HELLO,
    TLS_TEXT_INFER_CERTIFICATE,
    TLS_TEXT_INFER_SERVER_KEY_EXCHANGE,
    TLS_TEXT_INFER_CLIENT_KEY_EXCHANGE,
    TLS_TEXT_INFER_CLIENT_FINISHED,
    TLS_TEXT_INFER_SERVER_FINISHED,
    TLS_TEXT_INFER_RESUMED_FINISHED,
    TLS_TEXT_CAP_SECRET_KEYLOG,
    TLS_TEXT_CAP_SECRET_SERVER_KEY,
    TLS_TEXT_CAP_SECRET_NO_LINE,
    TLS_TEXT_CAP_FORWARD_SECRET,
    TLS_TEXT_CAP_KEY_NOT_THIS_SERVER,
    TLS_TEXT_CAP_NO_SECRETS,
    TLS_TEXT_CAP_SUITE_UNKNOWN,
    TLS_TEXT_CAP_SECRET_SUITE_UNKNOWN,
    TLS_TEXT_CAP_FINISHED_UNKNOWN,
    TLS_TEXT_CAP_FINISHED_UNREADABLE,
    TLS_TEXT_CAP_KEYS_COMPUTED,
    TLS_TEXT_CAP_ENDS,
    TLS_TEXT_CAP_GAP,
    TLS_TEXT_CAP_UNEXPECTED,
    TLS_TEXT_CAP_RESUMED_AFTER_HELLO,
    TLS_TEXT_CAP_APP_DATA_NOT_SHOWN,
    TLS_TEXT_CAP_SECRET_SESSION,
    TLS_TEXT_CAP_SESSION_OUTSIDE,
    TLS_TEXT_LIVE_READ_FAILED,
    TLS_TEXT_LIVE_SILENT,
    TLS_TEXT_LIVE_DEADLINE,
    TLS_TEXT_LIVE_APP_DATA_DROPPED,
    TLS_TEXT_LIVE_HTTP_HEAD_TOO_LONG,
    TLS_TEXT_LIVE_CLOSED_IN_HANDSHAKE,
    TLS_TEXT_LIVE_CA_UNREADABLE,
    TLS_TEXT_LIVE_CA_EMPTY,
    TLS_TEXT_LIVE_CA_SKIPPED,
    TLS_TEXT_LIVE_DEMO_CA,
    TLS_TEXT_LIVE_DEMO_CREDENTIALS,
    TLS_TEXT_OUT_OF_MEMORY,
    TLS_TEXT_LIVE_INTRO,
    TLS_TEXT_LIVE_SNI_IP,
    TLS_TEXT_LIVE_LAST_RECORDS_LOST,
    TLS_TEXT_LIVE_NO_CLOSE_NOTIFY,
    TLS_TEXT_LIVE_CLOSE_UNANSWERED,
    TLS_TEXT_LIVE_CLOSE_FAILED,
    TLS_TEXT_LIVE_HTTP_REQUEST_FAILED,
    TLS_TEXT_LIVE_CLIENT_REQUEST,
    TLS_TEXT_LIVE_NO_ANSWER,
    TLS_TEXT_LIVE_SERVER_ANSWERS,
    TLS_TEXT_LIVE_PARTIAL_REQUEST,
    TLS_TEXT_LIVE_NO_REQUEST,

    TLS_TEXT_FIELD_GMT_UNIX_TIME,
    TLS_TEXT_FIELD_SESSION_ID_EMPTY,
    TLS_TEXT_FIELD_EMS_EMPTY,
    TLS_TEXT_FIELD_ETM_EMPTY,
    TLS_TEXT_FIELD_RENEG_EMPTY,
    TLS_TEXT_FIELD_RENEG_NOT_EMPTY,
    TLS_TEXT_FIELD_VERSION_TLS10_FIRST,
    TLS_TEXT_FIELD_LEAF_CERTIFICATE,
    TLS_TEXT_FIELD_CERTIFICATE,
    TLS_TEXT_FIELD_SKE_SIGNATURE,
    TLS_TEXT_FIELD_RSA_CIPHERTEXT,
    TLS_TEXT_FIELD_VERIFY_DATA,
    TLS_TEXT_FIELD_UNKNOWN,
    TLS_TEXT_FIELD_ECDSA_SIG,
    TLS_TEXT_FIELD_ECDSA_R,
    TLS_TEXT_FIELD_ECDSA_S,
    TLS_TEXT_FIELD_DER_INT_PADDED,
    TLS_TEXT_FIELD_ECDSA_NOT_DER,
    TLS_TEXT_CANNOT_WRITE,
    TLS_TEXT_NO_KEYLOG,
    TLS_TEXT_NO_PCAP,
    TLS_TEXT_SCENARIO_NO_EQUALS,
    TLS_TEXT_SCENARIO_TWICE,
    TLS_TEXT_SCENARIO_NOT_HEX,
    TLS_TEXT_SCENARIO_SIZE,
    TLS_TEXT_SCENARIO_SIZE_OVER,
    TLS_TEXT_SCENARIO_SIZE_RANGE,
    TLS_TEXT_SCENARIO_SIZE_RANGE_OVER,
    TLS_TEXT_SCENARIO_UNKNOWN_NAME,
    TLS_TEXT_SCENARIO_UNREADABLE,
    TLS_TEXT_SCENARIO_LINE_TOO_LONG,
    TLS_TEXT_SCENARIO_READ_ERROR,
    TLS_TEXT_SCENARIO_IS_FOLDER,
    TLS_TEXT_SCENARIO_NOT_REGULAR,
    TLS_TEXT_SCENARIO_SCALAR_SIZE,
    TLS_TEXT_SCENARIO_SCALAR_RANGE,
    TLS_TEXT_RESOLVE_FAILED,
    TLS_TEXT_CONNECT_FAILED,
    TLS_TEXT_LISTEN_FAILED,
    TLS_TEXT_NO_CLIENT_IN_TIME,
    TLS_TEXT_ACCEPT_FAILED,
    TLS_TEXT_SEND_FAILED,
    TLS_TEXT_LIST_ITEM,
    TLS_TEXT_LIST_SEPARATOR,

    /* Client authentication (RFC 5246 §7.4.4, §7.4.6, §7.4.8). */
    TLS_TEXT_TITLE_CERTIFICATE_REQUEST,
    TLS_TEXT_TITLE_CLIENT_CERTIFICATE,
    TLS_TEXT_TITLE_CERTIFICATE_VERIFY,
    TLS_TEXT_TEACH_CERTIFICATE_REQUEST,
    TLS_TEXT_TEACH_CLIENT_CERTIFICATE,
    TLS_TEXT_TEACH_CERTIFICATE_VERIFY,
    TLS_TEXT_SKIP_CERTIFICATE_VERIFY_EMPTY,
    TLS_TEXT_SERVER_ASKS_CERTIFICATE,
    TLS_TEXT_CLIENT_HAS_NO_CERTIFICATE,
    TLS_TEXT_CLIENT_NO_SUITABLE_SIGALG,
    TLS_TEXT_CLIENT_PRESENTS_CERTIFICATE,
    TLS_TEXT_CLIENT_SIGNS_TRANSCRIPT,
    TLS_TEXT_CLIENT_SIGN_FAILED,
    TLS_TEXT_CHECK_CERTIFICATE_VERIFY,
    TLS_TEXT_CERTIFICATE_VERIFY_OK,
    TLS_TEXT_CERTIFICATE_VERIFY_BAD,
    TLS_TEXT_CERTIFICATE_VERIFY_FAILED,
    TLS_TEXT_CLIENT_SIG_ALG,
    TLS_TEXT_CLIENT_CERT_REQUIRED,
    TLS_TEXT_CLIENT_CERT_NONE_ACCEPTED,
    TLS_TEXT_FIELD_CERTIFICATE_VERIFY_SIGNATURE,
    TLS_TEXT_LIVE_FILE_UNREADABLE,
    TLS_TEXT_LIVE_CLIENT_CERT_EMPTY,
    TLS_TEXT_LIVE_CLIENT_KEY_BAD,
    /* Session resumption (RFC 5246 §7.3, RFC 5077, RFC 7627 §5.3). */
    TLS_TEXT_TITLE_NEW_SESSION_TICKET,
    TLS_TEXT_TEACH_NEW_SESSION_TICKET,
    TLS_TEXT_TEACH_RESUME_CLIENT_HELLO,
    TLS_TEXT_TEACH_RESUME_SERVER_HELLO,
    TLS_TEXT_TEACH_RESUME_SERVER_CCS,
    TLS_TEXT_TEACH_RESUME_SERVER_FINISHED,
    TLS_TEXT_TEACH_RESUME_CLIENT_FINISHED,
    TLS_TEXT_FIELD_TICKET_EMPTY,
    TLS_TEXT_FIELD_TICKET_OPAQUE,
    TLS_TEXT_FIELD_TICKET_WILL_FOLLOW,
    TLS_TEXT_FIELD_TICKET_LIFETIME,
    TLS_TEXT_RESUME_CLIENT_OFFERS_TICKET,
    TLS_TEXT_RESUME_CLIENT_OFFERS_ID,
    TLS_TEXT_RESUME_CLIENT_DECLINED,
    TLS_TEXT_RESUME_SUITE_CHANGED,
    TLS_TEXT_RESUME_EMS_DROPPED,
    TLS_TEXT_RESUME_EMS_ADDED,
    TLS_TEXT_RESUME_CLIENT_RESUMED,
    TLS_TEXT_RESUME_TICKET_REJECTED,
    TLS_TEXT_RESUME_TICKET_OPENED,
    TLS_TEXT_RESUME_CACHE_HIT,
    TLS_TEXT_RESUME_CACHE_MISS,
    TLS_TEXT_RESUME_SUITE_UNAVAILABLE,
    TLS_TEXT_RESUME_EMS_NOT_OFFERED,
    TLS_TEXT_RESUME_EMS_NEW,
    TLS_TEXT_RESUME_LEGACY_NO_EMS,
    TLS_TEXT_RESUME_SERVER_ACCEPTS,
    TLS_TEXT_RESUME_SERVER_ACCEPTS_NO_ID,
    TLS_TEXT_RESUME_SERVER_NEW_ID,
    TLS_TEXT_TICKET_SEAL_FAILED,
    TLS_TEXT_TICKET_SEALED,
    TLS_TEXT_TICKET_TOO_LONG,
    TLS_TEXT_TICKET_STORED,
    TLS_TEXT_RESUME_KEYS,
    TLS_TEXT_RESUME_SECOND_CONNECTION,
    TLS_TEXT_RESUME_ETM_DOWNGRADE,
    TLS_TEXT_RESUME_ETM_UPGRADE,
    TLS_TEXT_RESUME_ETM_DROPPED,
    TLS_TEXT_LIVE_RESUME_SECOND_CLIENT,
    TLS_TEXT_LIVE_RESUME_NOTHING,
    /* DHE (finite-field Diffie-Hellman, RFC 5246 §8.1.2, RFC 7919) */
    TLS_TEXT_CHECK_DH_GROUP,
    TLS_TEXT_DH_GROUP_OK,
    TLS_TEXT_DH_GROUP_SMALL,
    TLS_TEXT_DH_GROUP_LARGE,
    TLS_TEXT_DH_GROUP_REFUSED,
    TLS_TEXT_DH_BAD_GENERATOR,
    TLS_TEXT_CHECK_DH_PUBLIC,
    TLS_TEXT_DH_PUBLIC_OK,
    TLS_TEXT_DH_PUBLIC_BAD,
    TLS_TEXT_CLIENT_DH_PUBLIC_BAD,
    TLS_TEXT_SKE_SIGNATURE_OK_DHE,
    TLS_TEXT_PRE_MASTER_DHE_CLIENT,
    TLS_TEXT_PRE_MASTER_DHE_SERVER,
    TLS_TEXT_DH_Z_STRIPPED,
    TLS_TEXT_DH_Z_FULL,
    TLS_TEXT_DH_KEYGEN_FAILED,
    TLS_TEXT_TEACH_SERVER_KEY_EXCHANGE_DHE,
    TLS_TEXT_KEY_BLOCK_CHACHA,
    TLS_TEXT_KEY_BLOCK_CBC,
    TLS_TEXT_CCS_SENT_CHACHA,
    TLS_TEXT_CCS_SENT_CBC,
    TLS_TEXT_RECORD_TAG_POLY1305,
    TLS_TEXT_RECORD_CBC_REJECTED,
    TLS_TEXT_APP_DATA_DECRYPTED_CHECKED,
    TLS_TEXT_APP_DATA_ENCRYPT_ONE_HOW,
    TLS_TEXT_APP_DATA_ENCRYPT_MANY_HOW,
    TLS_TEXT_ETM_ACCEPTED,
    TLS_TEXT_ETM_NOT_OFFERED,
    TLS_TEXT_ETM_DECLINED,
    TLS_TEXT_ETM_UNASKED,
    TLS_TEXT_FIELD_PSS_SIGNATURE,
    TLS_TEXT_SERVER_SIGNED_PSS,
    /* The attack lab (src/attack/; templates in src/core/text_attack.c). */
    TLS_TEXT_ATTACK_DOES_SWAP_SERVER_KEY,
    TLS_TEXT_ATTACK_DOES_SWAP_CLIENT_KEY,
    TLS_TEXT_ATTACK_DOES_REPLAY_SKE,
    TLS_TEXT_ATTACK_DOES_DOWNGRADE,
    TLS_TEXT_ATTACK_DOES_TRUNCATION,
    TLS_TEXT_ATTACK_DOES_FALSE_START,
    TLS_TEXT_ATTACK_ON_PATH,
    TLS_TEXT_ATTACK_OWN_KEY,
    TLS_TEXT_ATTACK_SWAPPED_SERVER_KEY,
    TLS_TEXT_ATTACK_CANNOT_RESIGN,
    TLS_TEXT_ATTACK_SWAPPED_CLIENT_KEY,
    TLS_TEXT_ATTACK_SHARES_WITH_SERVER,
    TLS_TEXT_ATTACK_CANNOT_READ_CLIENT,
    TLS_TEXT_ATTACK_RECORDED_EARLIER,
    TLS_TEXT_ATTACK_REPLAYED_SKE,
    TLS_TEXT_ATTACK_STRIPPED_SUITES,
    TLS_TEXT_ATTACK_DOWNGRADE_FINISHED,
    TLS_TEXT_ATTACK_CUT,
    TLS_TEXT_ATTACK_FALSE_START_SEEN,
    TLS_TEXT_FALSE_START_SENDS,
    TLS_TEXT_FALSE_START_WAITS,
    /* The attack lab's certificate attacks, trusted-proxy
     * (src/attack/attack_proxy.c) and record-then-leak (attack_leak.c). */
    TLS_TEXT_ATTACK_DOES_FAKE_CERT,
    TLS_TEXT_ATTACK_DOES_EXPIRED_CERT,
    TLS_TEXT_ATTACK_DOES_WRONG_HOST,
    TLS_TEXT_ATTACK_DOES_MISSING_INTERMEDIATE,
    TLS_TEXT_ATTACK_DOES_TRUSTED_PROXY,
    TLS_TEXT_ATTACK_DOES_RECORD_THEN_LEAK,
    TLS_TEXT_PROXY_POSES,
    TLS_TEXT_PROXY_CA_INSTALLED,
    TLS_TEXT_PROXY_CLIENT_SESSION,
    TLS_TEXT_PROXY_SERVER_SESSION,
    TLS_TEXT_PROXY_RELAYED,
    TLS_TEXT_PROXY_STRIPPED_INTERMEDIATE,
    TLS_TEXT_LEAK_RECORDED,
    TLS_TEXT_LEAK_RSA_OPENED,
    TLS_TEXT_CHECK_LEAK_KEYS,
    TLS_TEXT_LEAK_FINISHED_OK,
    TLS_TEXT_LEAK_FINISHED_BAD,
    TLS_TEXT_LEAK_FORWARD_SECRET,
    TLS_TEXT_LEAK_NOTHING,
    TLS_TEXT_COUNT
} tls_text_id;

/**
 * \brief Marks a word or phrase passed as a term argument (TLS_ARG_T) for
 *        xgettext: front ends translate it before substituting it.
 */
#define TLS_TERM(s) (s)

/** \brief The English template of \p id ("" for TLS_TEXT_NONE or an unknown id). */
const char *tls_text_template(tls_text_id id);

/**
 * \brief Copy \p n bytes of \p s made safe for a terminal and for JSON:
 *        valid UTF-8 is kept, except control characters (C0 with NUL, DEL,
 *        C1), which become "\xNN" as does every byte that is not part of
 *        valid UTF-8.  The one escaping function for terminal output: what
 *        a peer or a file controls (a server name, a certificate's subject,
 *        a capture's file name, decrypted application data) passes through
 *        it before it is stored in the trace or shown.
 * \return the length written (out is always NUL-terminated when out_len > 0;
 *         a character that does not fit is left out whole)
 */
size_t tls_text_escape(const char *s, size_t n, char *out, size_t out_len);

/** \brief At most this many arguments per text. */
#define TLS_TEXT_MAX_ARGS 8
/** \brief Room for all the argument values of one text (longer ones are cut). */
#define TLS_TEXT_VALUES_SIZE 2048

/**
 * \brief A catalogue id with its named arguments, bounded, copyable by
 *        value (engines keep their failure reason in one; events point to one).
 */
typedef struct tls_text {
    tls_text_id id;
    size_t nargs;
    const char *names[TLS_TEXT_MAX_ARGS];   /**< static strings, e.g. "suite" */
    unsigned short value_at[TLS_TEXT_MAX_ARGS]; /**< offset of each value in values */
    unsigned terms;                         /**< bit i: value i is a term to translate */
    unsigned lists;                         /**< bit i: value i is a list (TLS_ARG_L) */
    char values[TLS_TEXT_VALUES_SIZE];      /**< the values, NUL-terminated one after another */
} tls_text;

/** \brief How an argument's value becomes a string. */
typedef enum tls_text_arg_kind {
    TLS_TEXT_ARG_END = 0,  /**< ends an argument list */
    TLS_TEXT_ARG_STR,      /**< the string s (NULL shows as "") */
    TLS_TEXT_ARG_STRN,     /**< the first u bytes of s at most (like %.*s) */
    TLS_TEXT_ARG_UINT,     /**< u in decimal */
    TLS_TEXT_ARG_HEX,      /**< u in lowercase hex, zero-padded to width digits */
    TLS_TEXT_ARG_TERM,     /**< the string s, a word of the catalogue's vocabulary
                                ("client", "server", ...) that front ends translate */
    TLS_TEXT_ARG_LIST      /**< the string s built with tls_text_list_add: items
                                shown as TLS_TEXT_LIST_ITEM, joined by
                                TLS_TEXT_LIST_SEPARATOR, each term translated */
} tls_text_arg_kind;

/** \brief One named argument before formatting (see TLS_ARGS). */
typedef struct tls_text_arg {
    tls_text_arg_kind kind;
    const char *name;
    const char *s;
    unsigned long long u;
    int width;
} tls_text_arg;

/** \brief A string argument. */
#define TLS_ARG_S(n, v) ((tls_text_arg){.kind = TLS_TEXT_ARG_STR, .name = (n), .s = (v)})
/** \brief A word front ends translate: a party as the subject of a sentence. */
#define TLS_ARG_T(n, v) ((tls_text_arg){.kind = TLS_TEXT_ARG_TERM, .name = (n), .s = (v)})
/** \brief A list of (name, term) items made with tls_text_list_add. */
#define TLS_ARG_L(n, v) ((tls_text_arg){.kind = TLS_TEXT_ARG_LIST, .name = (n), .s = (v)})
/** \brief At most \p len bytes of a string (like printf's %.*s). */
#define TLS_ARG_SN(n, v, len) \
    ((tls_text_arg){.kind = TLS_TEXT_ARG_STRN, .name = (n), .s = (v), .u = (unsigned long long)(len)})
/** \brief An unsigned number, in decimal. */
#define TLS_ARG_U(n, v) ((tls_text_arg){.kind = TLS_TEXT_ARG_UINT, .name = (n), .u = (unsigned long long)(v)})
/** \brief An unsigned number in hex, zero-padded to \p w digits (no 0x: the template has it). */
#define TLS_ARG_X(n, v, w) \
    ((tls_text_arg){.kind = TLS_TEXT_ARG_HEX, .name = (n), .u = (unsigned long long)(v), .width = (w)})
/** \brief An argument list for tls_text_make and the tracing calls. */
#define TLS_ARGS(...) ((const tls_text_arg[]){__VA_ARGS__, {.kind = TLS_TEXT_ARG_END}})

/**
 * \brief Fill \p out with \p id and its arguments formatted as strings.
 * \param args  a list ended by TLS_TEXT_ARG_END (TLS_ARGS), or NULL for none;
 *              arguments past TLS_TEXT_MAX_ARGS or past the values' room are
 *              cut, never overflowed
 */
void tls_text_make(tls_text *out, tls_text_id id, const tls_text_arg *args);

/**
 * \brief Append an item to a list argument being built in \p buf (start with
 *        buf[0] = '\0'): \p item as it is (a name), \p term a TLS_TERM()
 *        phrase the front end translates, shown as TLS_TEXT_LIST_ITEM; with
 *        \p item NULL the term is shown alone.  Cut, never overflowed.
 */
void tls_text_list_add(char *buf, size_t cap, const char *item, const char *term);

/** \brief A text that is a ready string (a system error message): TLS_TEXT_FREE. */
void tls_text_free_form(tls_text *out, const char *s);

/** \brief The value of argument \p name, or NULL. */
const char *tls_text_arg_value(const tls_text *t, const char *name);

/** \brief Translates one word (gettext in a front end). */
typedef const char *(*tls_text_term_fn)(const char *word);

/**
 * \brief Substitute \p t's arguments into \p tmpl (the template of t->id,
 *        translated or not): each {name} becomes that argument's value, a
 *        term argument passed through \p term first (NULL: as is); a {name}
 *        with no such argument is kept as written, so a mistyped
 *        placeholder shows rather than vanishing.
 * \return the rendering, malloc'd (NULL when out of memory)
 */
char *tls_text_render(const char *tmpl, const tls_text *t, tls_text_term_fn term);

/** \brief tls_text_render with the English template. */
char *tls_text_english(const tls_text *t);

/**
 * \brief The English rendering into a buffer, cut to fit (for the one-line
 *        `why` strings kept next to a tls_text).
 * \return the length of the whole rendering: \p cap or more when it was cut
 */
size_t tls_text_english_into(const tls_text *t, char *buf, size_t cap);

/**
 * \brief strerror(\p err) in English whatever LANGUAGE says: an {error}
 *        argument (passed as a term, TLS_ARG_T, so front ends translate it).
 */
const char *tls_text_strerror(int err);

/** \brief gai_strerror(\p code) in English, likewise. */
const char *tls_text_gai_strerror(int code);

#endif
