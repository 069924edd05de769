/* tlssim-bench --instructions (count.c): the benchmark's ratio and the
 * share outside crypto, counted in instructions under callgrind. */
#ifndef TLSSIM_BENCH_COUNT_H
#define TLSSIM_BENCH_COUNT_H

/**
 * \brief Run this program with \p bench_args (NULL-terminated; "--count K"
 *        and the suite and group options) under callgrind, and print per
 *        suite its instructions per handshake, per handshake's primitives,
 *        their ratio and the share outside crypto calls.
 * \return 0; 1 when nothing was counted; 77 when valgrind did not run
 */
int bench_count_instructions(char *const *bench_args, int count);

#endif
