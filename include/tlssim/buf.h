/**
 * \file buf.h
 * \brief Bounded byte reader and growable writer: every byte of tlssim goes
 *        through these, so no encoder or parser indexes memory by hand.
 *
 * Reader: every accessor checks the remaining length first and fails with
 * TLS_ERR_DECODE (decode_error) instead of reading past the end.  A
 * length-prefixed block is opened as a sub-reader that must be consumed
 * exactly (tls_reader_close), otherwise it is decode_error too.  A reader
 * is for a whole unit (a record, a handshake message): running out inside
 * one means it is malformed.  Bytes arriving from a stream are cut into
 * units first by tls_stream_frame, which tells "not all here yet" and
 * "larger than allowed" apart from that.
 *
 * When the reader carries a dissection (tls_dissect), each *named* read
 * records a field (offset, length, name, value, depth) so front ends can show
 * exactly which bytes mean what, the way Wireshark links tree and bytes.
 * Field names are the protocol's: strings with static storage (literals,
 * tables), which the dissection keeps without copying.
 *
 * Writer: grows on demand; length prefixes are reserved first and patched
 * when the block is finished.  The first failure sticks (allocation or a
 * block too long for its prefix) and is reported by tls_writer_error.
 */
#ifndef TLSSIM_BUF_H
#define TLSSIM_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "tlssim/err.h"
#include "tlssim/text.h"

struct tls_dissect;

/** \brief A bounded view over bytes being parsed. */
typedef struct tls_reader {
    const uint8_t *data;        /**< first byte of this view */
    size_t len;                 /**< bytes in this view */
    size_t pos;                 /**< bytes consumed so far */
    size_t base;                /**< offset of data[0] in the dissection's buffer */
    int depth;                  /**< nesting depth for dissection fields */
    struct tls_dissect *dissect;/**< where named reads are recorded, or NULL */
} tls_reader;

/**
 * \brief Start reading \p len bytes at \p data.
 * \param r       reader to initialise
 * \param data    bytes (not copied; must outlive the reader)
 * \param len     number of bytes
 * \param dissect field log for named reads, or NULL
 * \param base    offset of data[0] within the buffer the dissection describes
 */
void tls_reader_init(tls_reader *r, const uint8_t *data, size_t len,
                     struct tls_dissect *dissect, size_t base);

/** \brief Bytes left to read. */
size_t tls_reader_left(const tls_reader *r);

/** \brief Pointer to the next unread byte (valid for tls_reader_left bytes). */
const uint8_t *tls_reader_ptr(const tls_reader *r);

/**
 * \brief Read integers of 1, 2, 3 or 4 bytes, big-endian (network order).
 * \param r    reader
 * \param name field name to record in the dissection, or NULL not to record
 * \param out  value read
 * \return TLS_OK or TLS_ERR_DECODE when too few bytes remain
 */
tls_err tls_reader_u8(tls_reader *r, const char *name, uint8_t *out);
tls_err tls_reader_u16(tls_reader *r, const char *name, uint16_t *out);
tls_err tls_reader_u24(tls_reader *r, const char *name, uint32_t *out);
tls_err tls_reader_u32(tls_reader *r, const char *name, uint32_t *out);

/**
 * \brief Read \p n raw bytes; \p out points into the reader's buffer.
 * \return TLS_OK or TLS_ERR_DECODE
 */
tls_err tls_reader_bytes(tls_reader *r, const char *name, size_t n,
                         const uint8_t **out);

/** \brief Read exactly \p n bytes into \p out (a copy). */
tls_err tls_reader_copy(tls_reader *r, const char *name, uint8_t *out, size_t n);

/**
 * \brief Open a block whose length is given by a 1/2/3-byte prefix.
 *
 * The prefix is recorded as "<name>.length" and the block itself as a
 * parent field \p name whose children are the reads made on \p sub.
 * \param r          reader positioned at the prefix
 * \param name       field name for the block (NULL: not recorded)
 * \param prefix_len 1, 2 or 3
 * \param sub        receives a reader over exactly the block's bytes
 * \return TLS_OK, or TLS_ERR_DECODE when the prefix or block is truncated
 */
tls_err tls_reader_open(tls_reader *r, const char *name, int prefix_len,
                        tls_reader *sub);

/**
 * \brief Open a block of a length already known (no prefix on the wire).
 */
tls_err tls_reader_open_fixed(tls_reader *r, const char *name, size_t n,
                              tls_reader *sub);

/**
 * \brief Finish a block: it must have been consumed exactly.
 * \return TLS_OK or TLS_ERR_DECODE when bytes are left over
 */
tls_err tls_reader_close(const tls_reader *sub);

/**
 * \brief Give the most recently recorded field a human-readable meaning,
 *        e.g. "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" next to 0xc02f.
 */
void tls_reader_annotate(tls_reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/**
 * \brief Give the most recently recorded field a meaning in words: catalogue
 *        id \p id with \p args (TLS_ARGS, or NULL).  The field's value gets
 *        the English rendering as tls_reader_annotate would add it, and keeps
 *        the text so front ends can show it in another language.
 */
void tls_reader_annotate_text(tls_reader *r, tls_text_id id, const tls_text_arg *args);

/** \brief What tls_stream_frame found at the front of a stream. */
typedef enum tls_read_result {
    TLS_READ_OK = 0,    /**< a whole unit is there */
    TLS_READ_NEED_MORE, /**< not all of it has arrived: wait for more bytes
                             (an error only when the stream ends) */
    TLS_READ_OVERSIZE,  /**< its length field is over the limit: no amount
                             of further bytes makes it acceptable */
} tls_read_result;

/**
 * \brief Frame the first unit of a stream whose \p header_len-byte header
 *        ends with the length of the body in \p prefix_len bytes (a record:
 *        5 and 2; a handshake message: 4 and 3).
 *
 * Framing reads only that length, so it cannot find a unit malformed: a
 * whole unit that does not parse is TLS_ERR_DECODE from its parser.
 * \param max_body  the largest body accepted
 * \param unit_len  set to the unit's length (header and body) as far as it
 *                  is known: \p header_len until the header is whole, then
 *                  what the header announces (also when OVERSIZE)
 * \return TLS_READ_OK, TLS_READ_NEED_MORE (\p unit_len - \p n bytes are
 *         missing), or TLS_READ_OVERSIZE
 */
tls_read_result tls_stream_frame(const uint8_t *p, size_t n, size_t header_len,
                                 int prefix_len, size_t max_body, size_t *unit_len);

/** \brief A growable output buffer with reserved-then-patched length prefixes. */
typedef struct tls_writer {
    uint8_t *data;  /**< heap buffer (NULL until the first write) */
    size_t len;     /**< bytes written */
    size_t cap;     /**< bytes allocated */
    tls_err err;    /**< first failure; sticks */
} tls_writer;

/** \brief An empty writer. */
void tls_writer_init(tls_writer *w);
/** \brief Release the buffer (wiped first: it may have held secrets). */
void tls_writer_free(tls_writer *w);
/**
 * \brief Drop the first \p n bytes (all of them when \p n is larger):
 *        what a stream buffer does once a record or message is consumed.
 */
void tls_writer_consume(tls_writer *w, size_t n);

/** \brief Forget the contents but keep the allocation. */
void tls_writer_reset(tls_writer *w);
/** \brief The first error, or TLS_OK. */
tls_err tls_writer_error(const tls_writer *w);

void tls_writer_u8(tls_writer *w, uint8_t v);
void tls_writer_u16(tls_writer *w, uint16_t v);
void tls_writer_u24(tls_writer *w, uint32_t v);
void tls_writer_u32(tls_writer *w, uint32_t v);
void tls_writer_u64(tls_writer *w, uint64_t v);
void tls_writer_bytes(tls_writer *w, const uint8_t *p, size_t n);

/**
 * \brief Append \p n zero bytes and return where they start, for output
 *        produced in place (e.g. a ciphertext).  Valid until the next write.
 * \return the bytes, or NULL when the writer has failed
 */
uint8_t *tls_writer_extend(tls_writer *w, size_t n);

/**
 * \brief Reserve a 1/2/3-byte length prefix to be patched later.
 * \return a mark to pass to tls_writer_patch
 */
size_t tls_writer_reserve(tls_writer *w, int prefix_len);

/**
 * \brief Write the length of everything after the prefix at \p mark into it.
 *        A block too long for its prefix makes the writer fail (TLS_ERR_INTERNAL).
 */
void tls_writer_patch(tls_writer *w, size_t mark, int prefix_len);

/**
 * \brief Open a file for reading only if it is a regular file: a FIFO or a
 *        device named where a file is expected would block or never end.
 * \return a descriptor (O_CLOEXEC), or -1 with errno set: EISDIR for a
 *         folder, ENODEV for any other file that is not regular (a FIFO, a
 *         socket, a device), else the error of open
 */
int tls_open_regular(const char *path);

/**
 * \brief Read a whole regular file into a NUL-terminated heap buffer (free()).
 * \param max  refuse files larger than this many bytes
 * \param len  set to the number of bytes read (may be NULL)
 * \return the bytes, or NULL with errno set (ENOMEM, EFBIG over \p max,
 *         those of tls_open_regular, or the error of fread)
 */
char *tls_read_file(const char *path, size_t max, size_t *len);

#endif
