/*
 * Fuzz targets: each harness defines LLVMFuzzerTestOneInput.  Built with
 * -Dfuzz=true they link libFuzzer (clang -fsanitize=fuzzer); in every build
 * the same sources link replay.c instead, which feeds each file of a corpus
 * once, so the harnesses keep compiling and the committed corpora keep
 * passing.  tests/fuzz/README.md says how to run them.
 */
#ifndef TLSSIM_FUZZ_H
#define TLSSIM_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tlssim/event.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/** \brief fuzz_engine.c: an engine of \p role fed \p data (first byte: the
 *         read size) as its peer's bytes; a client first writes its hello. */
void fuzz_engine_run(tls_party role, const uint8_t *data, size_t size);

/** \brief fuzz_file.c: a scratch folder of this process (removed at exit). */
const char *fuzz_scratch(void);

/** \brief fuzz_file.c: write \p data to \p rel (a literal) under the scratch
 *         folder, or make it a folder when \p data is NULL; its path. */
const char *fuzz_write(const char *rel, const uint8_t *data, size_t size);

#endif
