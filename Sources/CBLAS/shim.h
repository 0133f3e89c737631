// The engine's only door to BLAS.
//
// Debian's OpenBLAS (libopenblas0-pthread) chooses its kernel once, while it loads, from the
// CPU it recognises or from OPENBLAS_CORETYPE. On CPUs newer than the library it falls back
// to a slow generic kernel. The engine therefore loads the library itself at run time
// (dlopen), after choosing the kernel from the CPU's own feature bits below, and calls the
// standard CBLAS entry point through the pointer types declared here (CBLAS enums are C ints).
#ifndef WEAVE_CBLAS_SHIM_H
#define WEAVE_CBLAS_SHIM_H

enum { WEAVE_CBLAS_ROW_MAJOR = 101, WEAVE_CBLAS_NO_TRANS = 111, WEAVE_CBLAS_TRANS = 112 };

typedef void (*weave_cblas_dgemm_fn)(int order, int trans_a, int trans_b, int m, int n, int k,
                                     double alpha, const double *a, int lda, const double *b, int ldb,
                                     double beta, double *c, int ldc);
typedef void (*weave_openblas_set_num_threads_fn)(int threads);
typedef int (*weave_openblas_get_num_threads_fn)(void);
typedef char *(*weave_openblas_get_corename_fn)(void);

enum {
    WEAVE_CPU_AVX = 1 << 0,
    WEAVE_CPU_FMA = 1 << 1,
    WEAVE_CPU_AVX2 = 1 << 2,
    WEAVE_CPU_AVX512 = 1 << 3  // F, DQ, CD, BW and VL, with the OS saving the ZMM state
};

// The vector features the CPU has *and* the operating system enables (XCR0), so a kernel
// chosen from them can never meet an instruction the machine cannot run.
static inline unsigned int weave_cpu_features(void) {
#if defined(__x86_64__)
    unsigned int a, b, c, d, features = 0;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0), "c"(0));
    unsigned int max_leaf = a;
    if (max_leaf < 1) return 0;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
    unsigned int ecx1 = c;
    if (!(ecx1 & (1u << 27))) return 0;  // no OSXSAVE: no xgetbv, no AVX state
    unsigned int xcr0_lo, xcr0_hi;
    __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
    int ymm = (xcr0_lo & 0x6u) == 0x6u;
    int zmm = ymm && (xcr0_lo & 0xE0u) == 0xE0u;
    if (ymm && (ecx1 & (1u << 28))) features |= WEAVE_CPU_AVX;
    if (ymm && (ecx1 & (1u << 12))) features |= WEAVE_CPU_FMA;
    if (max_leaf >= 7) {
        __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(7), "c"(0));
        if (ymm && (b & (1u << 5))) features |= WEAVE_CPU_AVX2;
        unsigned int avx512 = (1u << 16) | (1u << 17) | (1u << 28) | (1u << 30) | (1u << 31);
        if (zmm && (b & avx512) == avx512) features |= WEAVE_CPU_AVX512;
    }
    return features;
#else
    return 0;
#endif
}

#endif
