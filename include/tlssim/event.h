/**
 * \file event.h
 * \brief The event stream: everything the core wants a learner to see, as
 *        data.  The core knows nothing of screens; the text, JSON and TUI
 *        front ends only render a tls_trace.
 *
 * A run appends events in the order things happen.  Every event carries the
 * step its emitter gives it: the position in the run's flow (handshake.h)
 * of the message it belongs to, 0 before the first step, TLS_STEP_AFTER for
 * what follows the handshake.  The log holds no shared "current step": the
 * driver announces steps (STEP events), and every call that records a
 * value, a check or a note passes the step it belongs to (an engine, the
 * step it is at; the eavesdropper, the step of the message it read).
 *
 * - TLS_EV_STEP     a step starts (or is skipped, with the reason)
 * - TLS_EV_RECORD   a record crossed the channel: its wire bytes, and for a
 *                   protected record the plaintext the receiver recovered
 * - TLS_EV_MESSAGE  a handshake (or CCS/alert) message as the receiver parsed
 *                   it, with its field-by-field dissection
 * - TLS_EV_VALUE    a value (a tls_value_kind of value.h) that a party
 *                   (client, server, or the wire = an eavesdropper) now knows
 * - TLS_EV_CHECK    a verification a party made (certificate chain, host name,
 *                   dates, signature, Finished) and its outcome
 * - TLS_EV_ALERT    a party sent an alert, and why
 * - TLS_EV_NOTE     a decision explained in a sentence ("the server chose …")
 */
#ifndef TLSSIM_EVENT_H
#define TLSSIM_EVENT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "tlssim/err.h"
#include "tlssim/text.h"
#include "tlssim/value.h"

/** \brief Largest MAC a record carries (HMAC-SHA-384); crypto.h's
 *         TLS_HASH_MAX, repeated so this header stays free of crypto. */
#define TLS_HASH_MAX_BYTES 48

/** \brief Most steps any handshake flow has (sizes arrays indexed by step). */
#define TLS_FLOW_MAX 30

/**
 * \brief Step of what follows the handshake (application data,
 *        close_notify): after every step of any flow, so it is also the bound
 *        for "by the end" in tls_trace_find_value.  Front ends that print a
 *        number for it print tls_flow_after_number (11 after the full
 *        handshake's ten steps).
 */
#define TLS_STEP_AFTER (TLS_FLOW_MAX + 1)

/**
 * \brief Who: the two endpoints, the wire (what an eavesdropper sees), or an
 *        active attacker on the channel (the attack lab, tlssim/attack.h:
 *        what it changes, computes and learns).
 */
typedef enum tls_party {
    TLS_PARTY_CLIENT,
    TLS_PARTY_SERVER,
    TLS_PARTY_WIRE,
    TLS_PARTY_ATTACKER
} tls_party;

/** \brief Number of parties (sizes arrays indexed by tls_party). */
#define TLS_PARTY_COUNT (TLS_PARTY_ATTACKER + 1)

/** \brief "client", "server", "wire", "attacker". */
const char *tls_party_name(tls_party p);

/** \brief One dissected field: which bytes, what they are, what they mean. */
typedef struct tls_field {
    size_t offset;  /**< first byte, relative to the dissected buffer */
    size_t length;  /**< number of bytes */
    int depth;      /**< nesting: 0 top level, children one deeper */
    char *name;     /**< e.g. "cipher_suites", "cipher_suite" */
    char *value;    /**< e.g. "0xc02f (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)" */
    tls_text *note; /**< a meaning in words (tls_reader_annotate_text), or NULL:
                         value is then its first note_at bytes, " [", the
                         note in English, "]".  Kept as far as its values go
                         (tls_dissect_set_note): read it through the pointer */
    size_t note_at;
    unsigned short sized;     /**< value starts with a byte count in English, in
                                   its first `sized` bytes: "66 bytes", or the
                                   first bytes in hex and "… (892 bytes)"; 0: not */
    unsigned short sized_hex; /**< the hex digits before "… (" in that case, else 0 */
    bool own_name;  /**< name is the dissection's copy (tls_dissect_add_text_copy);
                         else the caller's, a string with static storage */
} tls_field;

/** \brief Where a dissection's names and values live (event.c). */
typedef struct tls_strpool tls_strpool;

/** \brief A list of fields, in byte order, parents before their children.
 *         Zero-initialised is empty.  The fields' names, values and notes
 *         belong to the dissection's pool: read them, never free or reassign
 *         them (tls_dissect_set_value, tls_dissect_append change a value). */
typedef struct tls_dissect {
    tls_field *fields;
    size_t n;
    size_t cap;
    bool oom;       /**< an allocation failed: the list is incomplete */
    bool stored;    /**< moved into a trace's store with its event (fields,
                         names, values, notes): final, freed with the trace */
    tls_strpool *pool;
} tls_dissect;

/** \brief Free every field. */
void tls_dissect_free(tls_dissect *d);

/**
 * \brief Append a field; the value is formatted printf-style.  \p name is
 *        kept, not copied: a string with static storage (field names are
 *        the protocol's, literals and tables), as for every reader function.
 * \return the index of the new field, or (size_t)-1 when out of memory
 */
size_t tls_dissect_add(tls_dissect *d, size_t offset, size_t length, int depth,
                       const char *name, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/** \brief tls_dissect_add with a value already made: its first \p value_len
 *         bytes (no formatting, which on the handshake path costs more than
 *         the rest of the bookkeeping). */
size_t tls_dissect_add_text(tls_dissect *d, size_t offset, size_t length, int depth,
                            const char *name, const char *value, size_t value_len);

/** \brief tls_dissect_add_text with a name made for the field ("NAME.length"),
 *         which the dissection copies. */
size_t tls_dissect_add_text_copy(tls_dissect *d, size_t offset, size_t length, int depth,
                                 const char *name, const char *value, size_t value_len);

/** \brief Replace the value of field \p i (printf-style). */
void tls_dissect_set_value(tls_dissect *d, size_t i, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/** \brief Field \p i's note becomes a copy of \p note, whose English its
 *         value holds from byte \p at (tls_field.note). */
void tls_dissect_set_note(tls_dissect *d, size_t i, const tls_text *note, size_t at);

/** \brief Field \p i's value becomes itself, \p before, the first \p text_len
 *         bytes of \p text, then \p after (an annotation: " [", meaning, "]"). */
void tls_dissect_append(tls_dissect *d, size_t i, const char *before, const char *text,
                        size_t text_len, const char *after);

/** \brief How a record is protected (record.h implements each): none
 *         before ChangeCipherSpec, then the negotiated suite's kind. */
typedef enum tls_record_kind {
    TLS_RECORD_CLEAR,           /**< no protection yet */
    TLS_RECORD_AES_GCM,         /**< explicit nonce(8) ‖ ciphertext ‖ tag(16) */
    TLS_RECORD_CHACHA20,        /**< ciphertext ‖ tag(16); nonce = IV XOR seq */
    TLS_RECORD_CBC,             /**< IV(16) ‖ AES-CBC(content ‖ MAC ‖ padding):
                                     MAC-then-encrypt (RFC 5246 §6.2.3.2) */
    TLS_RECORD_CBC_ETM          /**< IV(16) ‖ AES-CBC(content ‖ padding) ‖ MAC:
                                     encrypt-then-MAC (RFC 7366) */
} tls_record_kind;

/** \brief What protecting (or opening) one record involved, for showing it. */
typedef struct tls_record_crypto {
    tls_record_kind kind;
    uint64_t seq;
    uint8_t nonce[12];      /**< AEAD: the nonce (GCM: write_iv ‖ explicit nonce;
                                 ChaCha20: write_iv XOR padded seq) */
    uint8_t aad[13];        /**< AEAD: the additional data; CBC: the MAC's header;
                                 both seq ‖ type ‖ version ‖ length, the length
                                 being the plaintext's, or with encrypt-then-MAC
                                 the IV's and ciphertext's */
    uint8_t iv[16];         /**< CBC: the record's explicit IV */
    uint8_t mac[TLS_HASH_MAX_BYTES]; /**< CBC: the HMAC (computed by the sender,
                                 verified by the receiver) */
    uint8_t mac_len;
    uint16_t pad_len;       /**< CBC: the padding length byte (pad_len + 1 bytes
                                 of padding, each equal to it) */
} tls_record_crypto;

/** \brief Kinds of events. */
typedef enum tls_event_kind {
    TLS_EV_STEP,
    TLS_EV_RECORD,
    TLS_EV_MESSAGE,
    TLS_EV_VALUE,
    TLS_EV_CHECK,
    TLS_EV_ALERT,
    TLS_EV_NOTE
} tls_event_kind;

/** \brief "step", "record", "message", "value", "check", "alert", "note". */
const char *tls_event_kind_name(tls_event_kind k);

/** \brief Whose view a RECORD or MESSAGE event is (its headings say so). */
typedef enum tls_event_source {
    TLS_SOURCE_PARTY = 0,         /**< a party's own: what the receiver decrypted and
                                       parsed, or the sender's (by_sender) */
    TLS_SOURCE_CAPTURE,           /**< read from a capture by tlssim, nobody's parse;
                                       protected ones were not opened */
    TLS_SOURCE_CAPTURE_KEYLOG,    /**< read from a capture, opened with the key log's
                                       master secret */
    TLS_SOURCE_CAPTURE_SERVER_KEY,/**< ... with the secrets the server's RSA key opened */
    TLS_SOURCE_CAPTURE_SESSION    /**< ... with the master secret of the session an
                                       earlier connection of the capture made */
} tls_event_source;

/**
 * \brief One event.  Which members are meaningful depends on \p kind; the
 *        rest are zero/NULL.
 */
typedef struct tls_event {
    tls_event_kind kind;
    int step;               /**< 0, 1..n (the run's flow), or TLS_STEP_AFTER */
    tls_party party;        /**< STEP: sender; RECORD/MESSAGE/ALERT: sender;
                                 VALUE: who knows it; CHECK/NOTE: who did it */
    char *name;             /**< STEP: message name; MESSAGE: message name;
                                 CHECK: what was checked */
    tls_value_kind value;   /**< VALUE: which value (its name, whether it is
                                 secret: tls_value_info_of) */
    char *text;             /**< STEP: skip reason (when skipped);
                                 VALUE: human-readable meaning, may be NULL;
                                 CHECK: details; ALERT: why; NOTE: the sentence.
                                 For STEP, CHECK, ALERT and NOTE this is the
                                 English rendering of msg (JSON prints it) */
    tls_text *msg;          /**< STEP (skipped), CHECK, ALERT, NOTE: the same
                                 sentence as a catalogue id with its arguments,
                                 for front ends that render it in the chosen
                                 language (tls_i18n_text); NULL otherwise */
    tls_text_id what;       /**< CHECK: what was checked (its English label is name) */
    uint8_t *bytes;         /**< RECORD: wire bytes; MESSAGE: message bytes;
                                 VALUE: the value */
    size_t len;
    uint8_t *plaintext;     /**< RECORD: recovered plaintext of a protected record */
    size_t plaintext_len;
    tls_dissect dissect;    /**< RECORD: record-layer fields over bytes;
                                 MESSAGE: message fields over bytes */
    uint8_t content_type;   /**< RECORD, MESSAGE: 20, 21, 22, 23 */
    uint8_t hs_type;        /**< MESSAGE: handshake type (1 = ClientHello, ...) */
    bool skipped;           /**< STEP: this step does not happen in this mode */
    bool ok;                /**< CHECK: passed */
    bool is_protected;      /**< RECORD: encrypted (crypto.kind says how);
                                 MESSAGE: arrived inside a protected record */
    uint64_t seq;           /**< RECORD: sequence number (protected records) */
    size_t record_index;    /**< MESSAGE: index (in the trace) of the RECORD
                                 event whose bytes (or plaintext, if protected)
                                 contain this message */
    size_t record_offset;   /**< MESSAGE: offset of the message in that buffer;
                                 (size_t)-1 when it spans several records */
    int alert_level;        /**< ALERT: 1 warning, 2 fatal */
    int alert_desc;         /**< ALERT: description byte */
    tls_record_crypto crypto; /**< RECORD (protected, decrypted or sent): what
                                 the protection used and produced (kind set
                                 for every protected record) */
    bool inferred;          /**< VALUE: deduced by the other side, not read from this
                                 party (live mode: a real peer's memory is out of
                                 reach, but its messages prove what it holds) */
    bool by_sender;         /**< RECORD/MESSAGE: traced by the side that sent it
                                 (live mode, where the peer is not simulated):
                                 plaintext is what it encrypted, not what the
                                 peer recovered */
    tls_event_source source; /**< RECORD/MESSAGE: whose view (a capture's or a party's) */
    size_t records_before;  /**< RECORD events before this one in its trace (set by
                                 tls_trace_push): a record's number in O(1) */
    int connection;         /**< which connection of the run it belongs to, from 0
                                 (set by tls_trace_push; 1 for the resuming one) */
    size_t changed_at;      /**< RECORD: the attacker changed bytes changed_at to
                                 changed_at + changed_len - 1 of what the sender
                                 sent (tls_trace_record_changed) */
    size_t changed_len;     /**< 0: the record arrived as it was sent */
} tls_event;

/** \brief Where a trace's events keep their strings and bytes (event.c). */
typedef struct tls_trace_store tls_trace_store;

/** \brief The ordered log of a run's events. */
typedef struct tls_trace {
    tls_event *ev;
    size_t n;
    size_t cap;
    bool oom;               /**< an allocation failed: the trace is incomplete */
    tls_trace_store *store; /**< the events' names, texts, catalogue texts, bytes
                                 and plaintexts: chunks the trace owns, freed
                                 with it (read them, never free them) */
    size_t records;         /**< RECORD events so far */
    int step_base;          /**< a run of several connections: steps 1..TLS_FLOW_MAX
                                 given to push and find_value are this connection's,
                                 stored as step_base + step (tls_trace_begin_connection) */
    int connection;         /**< the connection now traced, from 0 */
} tls_trace;

/** \brief An empty trace. */
void tls_trace_init(tls_trace *t);
/** \brief Free every event (secret bytes are wiped first). */
void tls_trace_free(tls_trace *t);

/**
 * \brief Append an event (copied; strings, bytes and msg copied into the
 *        trace's store, msg only as far as its values go (read it through
 *        the pointer, never copy it by value); the dissection moved:
 *        \p ev->dissect is emptied).
 * \return index of the event, or (size_t)-1 when out of memory
 */
size_t tls_trace_push(tls_trace *t, tls_event *ev);

/** \brief Event \p i's dissection becomes \p d, made after the event was
 *         pushed (moved: \p d is emptied; freed when \p i is no event). */
void tls_trace_set_dissect(tls_trace *t, size_t i, tls_dissect *d);

/**
 * \brief A run of two connections (session resumption): the next one
 *        begins, and what it traces follows the first's \p base steps.  Its
 *        engines, its eavesdropper and its driver number steps from 1 as
 *        usual; the trace stores base + step (0 and TLS_STEP_AFTER are kept
 *        as they are) and tags every event with the connection.
 */
void tls_trace_begin_connection(tls_trace *t, int base);

/** \brief The run is over: steps given to find_value are the run's again. */
void tls_trace_end_connections(tls_trace *t);

struct tls_msg_info;

/**
 * \brief The driver announces step \p number: a STEP event for message \p m,
 *        skipped (with the reason \p skipped) or not (TLS_TEXT_NONE).
 */
void tls_trace_announce(tls_trace *t, int number, const struct tls_msg_info *m,
                        tls_text_id skipped);

/**
 * \brief The attack lab: the RECORD events pushed from index \p from on
 *        (the receiver's, for one record the attacker forwarded) carry the
 *        bytes \p at .. \p at + \p len - 1 that the attacker changed, for
 *        front ends to highlight.  Nothing else of an event is ever changed.
 */
void tls_trace_record_changed(tls_trace *t, size_t from, size_t at, size_t len);

/** \brief The highest step with a STEP event (0 when none). */
int tls_trace_last_announced(const tls_trace *t);

/**
 * \brief Record a value a party knows now.
 * \param text  its meaning (value.h's display forms); NULL: derived from the
 *              bytes where the display form allows (tls_value_describe)
 */
void tls_trace_value(tls_trace *t, int step, tls_party who, tls_value_kind kind,
                     const uint8_t *bytes, size_t len, const char *text);

struct tls_key_block;
/**
 * \brief Record a key block as values \p who knows: the raw block
 *        (\p raw_len bytes), then its parts (the MAC keys only when it has
 *        them), as an engine derives them and as the attack lab recovers them.
 */
void tls_trace_key_block(tls_trace *t, int step, tls_party who, const struct tls_key_block *kb,
                         const uint8_t *raw, size_t raw_len);
/**
 * \brief Record a check and its outcome.
 * \param what    what was checked (a TLS_TEXT_CHECK_* label)
 * \param detail  the sentence saying how it went, with \p args (TLS_ARGS, or NULL)
 */
void tls_trace_check(tls_trace *t, int step, tls_party who, tls_text_id what, bool ok,
                     tls_text_id detail, const tls_text_arg *args);
/** \brief Record an explanatory sentence: catalogue id \p id with \p args (TLS_ARGS, or NULL). */
void tls_trace_note(tls_trace *t, int step, tls_party who, tls_text_id id,
                    const tls_text_arg *args);
/** \brief Record an explanatory sentence already made (e.g. a failure reason). */
void tls_trace_note_text(tls_trace *t, int step, tls_party who, const tls_text *text);

/**
 * \brief The last VALUE event of \p kind known to \p who at or before
 *        \p step (use TLS_STEP_AFTER for "by the end"), or NULL.
 */
const tls_event *tls_trace_find_value(const tls_trace *t, tls_value_kind kind,
                                      tls_party who, int step);

/**
 * \brief The value of \p kind as the client knows it by \p step, else as
 *        the server knows it, else (when \p wire_too) as the wire shows it;
 *        NULL when nobody has it yet.
 */
const tls_event *tls_trace_find_known(const tls_trace *t, tls_value_kind kind, int step,
                                      bool wire_too);

/**
 * \brief The channel-order number (0 = first record) of the RECORD event at
 *        trace index \p index: how front ends name records.
 */
size_t tls_trace_record_number(const tls_trace *t, size_t index);

/** \brief Lowercase hex of \p len bytes, malloc'd (NULL when out of memory). */
char *tls_hex(const uint8_t *p, size_t len);

/** \brief Lowercase hex of as many of \p len bytes as fit in \p out (NUL-terminated). */
void tls_hex_into(const uint8_t *p, size_t len, char *out, size_t cap);

#endif
