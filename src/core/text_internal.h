/* The catalogue's parts kept in their own files (src/core/text*.c). */
#ifndef TLSSIM_TEXT_INTERNAL_H
#define TLSSIM_TEXT_INTERNAL_H

#include "tlssim/text.h"

/* The template of an attack-lab id, or "" for any other (text_attack.c). */
const char *text_attack_template(tls_text_id id);

#endif
