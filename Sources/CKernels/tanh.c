// tanh over arrays, one body written once with clang's vector types and compiled for three
// vector widths, so the widening does not depend on the optimiser's mood (it also holds at -Os).
//
// The formula is the engine's (HyperbolicTangent.swift), operation for operation:
// tanh|x| = m / (m + 2) with m = expm1(2|x|) = 2^n (p + 1) - 1, where 2|x| = n ln2 + r,
// |r| <= ln2/2, and p = expm1(r) is a degree-13 Taylor polynomial. Contraction into fused
// multiply-adds is off and selects are bitwise, so every lane rounds exactly as the Swift
// code does and every variant gives the same bits.
#include "CKernels.h"

#include <stdint.h>
#include <string.h>

#pragma clang fp contract(off)

#define WEAVE_TANH_BODY(vd, vi)                                                          \
    const vi sign_bit = (vi){0} + INT64_MIN;                                             \
    vi is_nan = (vi)(x != x);                                                            \
    vd a = (vd)((vi)x & ~sign_bit);                                                      \
    vd limit = (vd){0} + 20.0;                                                           \
    vi over = (vi)(limit < a);                                                           \
    vd magnitude = (vd)((((vi)limit & over) | ((vi)a & ~over)) & ~is_nan);               \
    vd y = 2 * magnitude;                                                                \
    vd shifted = y * 1.4426950408889634074 + 6755399441055744.0; /* 1.5 * 2^52 */       \
    vd n = shifted - 6755399441055744.0;                                                 \
    vd r = (y - n * 0.69314718036912381649) - n * 1.90821492927058770002e-10;            \
    vd p = (vd){0} + 1.0 / 6227020800;                                                   \
    p = p * r + 1.0 / 479001600;                                                         \
    p = p * r + 1.0 / 39916800;                                                          \
    p = p * r + 1.0 / 3628800;                                                           \
    p = p * r + 1.0 / 362880;                                                            \
    p = p * r + 1.0 / 40320;                                                             \
    p = p * r + 1.0 / 5040;                                                              \
    p = p * r + 1.0 / 720;                                                               \
    p = p * r + 1.0 / 120;                                                               \
    p = p * r + 1.0 / 24;                                                                \
    p = p * r + 1.0 / 6;                                                                 \
    p = p * r + 0.5;                                                                     \
    p = (p * r) * r + r;                                                                 \
    /* The low bits of `shifted` hold n; 2^n is (n + 1023) in the exponent field. */     \
    vd scale = (vd)(((vi)shifted + 1023) << 52);                                         \
    vd m = scale * p + (scale - 1);                                                      \
    vd t = m / (m + 2);                                                                  \
    vd result = (vd)(((vi)x & is_nan) | ((vi)t & ~is_nan));                              \
    vi negative = (vi)(x < 0);                                                           \
    return (vd)((vi)result ^ ((vi)negative & sign_bit));

// Defines `weave_tanh_<suffix>` over vectors of `width` doubles. The tail goes through the
// same vector code in a padded block, so it rounds as the rest does.
#define WEAVE_DEFINE_TANH(suffix, width, attributes)                                     \
    typedef double vd_##suffix __attribute__((vector_size(width * 8)));                  \
    typedef int64_t vi_##suffix __attribute__((vector_size(width * 8)));                 \
    attributes static inline vd_##suffix tanh_##suffix(vd_##suffix x) {                  \
        WEAVE_TANH_BODY(vd_##suffix, vi_##suffix)                                        \
    }                                                                                    \
    attributes void weave_tanh_##suffix(const double *in, double *out, size_t count) {   \
        size_t i = 0;                                                                    \
        for (; i + width <= count; i += width) {                                         \
            vd_##suffix x;                                                               \
            memcpy(&x, in + i, sizeof x);                                                \
            x = tanh_##suffix(x);                                                        \
            memcpy(out + i, &x, sizeof x);                                               \
        }                                                                                \
        if (i < count) {                                                                 \
            double block[width] = {0};                                                   \
            memcpy(block, in + i, (count - i) * sizeof(double));                         \
            vd_##suffix x;                                                               \
            memcpy(&x, block, sizeof x);                                                 \
            x = tanh_##suffix(x);                                                        \
            memcpy(block, &x, sizeof x);                                                 \
            memcpy(out + i, block, (count - i) * sizeof(double));                        \
        }                                                                                \
    }

WEAVE_DEFINE_TANH(sse2, 2, )

#if defined(__x86_64__)
WEAVE_DEFINE_TANH(avx2, 4, __attribute__((target("avx2"))))
WEAVE_DEFINE_TANH(avx512, 8, __attribute__((target("avx512f,avx512dq"), min_vector_width(512))))
#else
void weave_tanh_avx2(const double *in, double *out, size_t count) { weave_tanh_sse2(in, out, count); }
void weave_tanh_avx512(const double *in, double *out, size_t count) { weave_tanh_sse2(in, out, count); }
#endif
