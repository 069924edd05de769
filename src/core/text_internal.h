/* The catalogue's parts kept in their own files (src/core/text*.c). */
#ifndef TLSSIM_TEXT_INTERNAL_H
#define TLSSIM_TEXT_INTERNAL_H

#include "tlssim/text.h"

/* The catalogue's parts by subject, each indexed by id, NULL where an id
 * is another part's: the engines' own sentences (text_engine.c), what
 * surrounds them (text_io.c: live runs, captures, scenario files, files
 * written, the network) and the handshake's variants (text_variants.c:
 * client authentication, resumption, DHE, other record protections). */
extern const char *const text_engine_templates[TLS_TEXT_COUNT];
extern const char *const text_io_templates[TLS_TEXT_COUNT];
extern const char *const text_variants_templates[TLS_TEXT_COUNT];

/* The template of an attack-lab id, or "" for any other (text_attack.c). */
const char *text_attack_template(tls_text_id id);

#endif
