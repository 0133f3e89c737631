// Vector kernels the engine cannot get from Swift, which compiles for generic x86-64 (SSE2).
//
// Each kernel comes in variants for wider vector units. The caller chooses one from the
// CPU's feature bits (weave_cpu_features in CBLAS), so no variant ever runs on a CPU that
// lacks its instructions. Every variant does the same IEEE operations in the same order
// (no fused multiply-add), so all of them give the same bits as the scalar Swift code.
#ifndef WEAVE_CKERNELS_H
#define WEAVE_CKERNELS_H

#include <stddef.h>

/// out[i] = tanh(in[i]) with 2-wide SSE2 vectors (every x86-64 CPU); in and out may be the same.
void weave_tanh_sse2(const double *in, double *out, size_t count);
/// The same with 4-wide AVX2 vectors; call only when the CPU and the OS support AVX2.
void weave_tanh_avx2(const double *in, double *out, size_t count);
/// The same with 8-wide AVX-512 vectors; call only when the CPU and the OS support AVX-512 (F, DQ).
void weave_tanh_avx512(const double *in, double *out, size_t count);

/// One part of a job run by `weave_pool_run`.
typedef void (*weave_part_fn)(void *context, long part);

/// Runs function(context, part) for every part in 0 ..< parts, on the calling thread and on the
/// pool's helper threads (started on first use, one per other processor), and returns when all
/// are done. Runs them all on the calling thread when the pool is busy with another job or
/// limited to one thread. The parts must be independent.
void weave_pool_run(long parts, weave_part_fn function, void *context);
/// How many helper threads a job may use from now on (0: the caller does every part itself).
void weave_pool_allow(int helpers);
/// How many threads a job runs on now: the caller plus the helpers allowed and started.
int weave_pool_threads(void);

#endif
