// A small pool of helper threads for the engine's large matrix products.
//
// A product is split into parts by its shape alone (the engine decides how), and the parts run
// on the caller's thread and on the helpers; which thread runs a part never changes its bits.
// Between products a helper spins for a short while (a training step starts its next product
// within microseconds), then sleeps on a condition variable, so an idle pool costs nothing.
// One job runs at a time; a caller that finds the pool busy, or the pool limited to one
// thread (notebooks running side by side), runs every part itself.
#include "CKernels.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#define WEAVE_POOL_MAX_HELPERS 15
// How long an idle helper spins before it sleeps.
#define WEAVE_POOL_SPIN_NANOSECONDS 200000

static pthread_mutex_t pool_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_wake = PTHREAD_COND_INITIALIZER;
static pthread_once_t pool_once = PTHREAD_ONCE_INIT;
static int pool_helpers = 0;      // helpers started (set once)
static atomic_int pool_allowed = WEAVE_POOL_MAX_HELPERS; // helpers a job may use now
static atomic_int pool_busy;      // a job is running
static int pool_sleepers = 0;     // helpers waiting on pool_wake (under pool_mutex)

// The current job in one word: its generation (high 32 bits), its number of parts (16 bits)
// and the next part to hand out (low 16 bits). A helper decides from the word it swapped
// alone, so it can never mix one job's parts with another's.
static _Atomic uint64_t pool_ticket;
static atomic_long pool_done;
static weave_part_fn pool_function;
static void *pool_context;

#define WEAVE_POOL_MAX_PARTS 4096

static inline void pool_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

static uint64_t pool_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

// Takes and runs parts of job `generation` until none is left or another job began.
static void pool_work(uint32_t generation) {
    uint64_t ticket = atomic_load_explicit(&pool_ticket, memory_order_acquire);
    for (;;) {
        if ((uint32_t)(ticket >> 32) != generation) return;
        long parts = (long)((ticket >> 16) & 0xffff), part = (long)(ticket & 0xffff);
        if (part >= parts) return;
        if (!atomic_compare_exchange_weak_explicit(&pool_ticket, &ticket, ticket + 1,
                                                   memory_order_acq_rel, memory_order_acquire))
            continue;
        // The job cannot end (and its function be replaced) before this part is done.
        pool_function(pool_context, part);
        atomic_fetch_add_explicit(&pool_done, 1, memory_order_release);
        ticket = atomic_load_explicit(&pool_ticket, memory_order_acquire);
    }
}

static void *pool_helper(void *unused) {
    (void)unused;
    uint32_t seen = (uint32_t)(atomic_load(&pool_ticket) >> 32);
    for (;;) {
        uint64_t started = pool_now();
        uint32_t generation;
        unsigned spins = 0;
        while ((generation = (uint32_t)(atomic_load_explicit(&pool_ticket, memory_order_acquire) >> 32)) == seen) {
            pool_pause();
            if (++spins % 256 == 0 && pool_now() - started > WEAVE_POOL_SPIN_NANOSECONDS) {
                pthread_mutex_lock(&pool_mutex);
                pool_sleepers++;
                while ((generation = (uint32_t)(atomic_load(&pool_ticket) >> 32)) == seen)
                    pthread_cond_wait(&pool_wake, &pool_mutex);
                pool_sleepers--;
                pthread_mutex_unlock(&pool_mutex);
                break;
            }
        }
        seen = generation;
        pool_work(generation);
    }
    return NULL;
}

static void pool_start(void) {
    long processors = sysconf(_SC_NPROCESSORS_ONLN);
    int wanted = processors > 1 ? (int)(processors - 1) : 0;
    if (wanted > WEAVE_POOL_MAX_HELPERS) wanted = WEAVE_POOL_MAX_HELPERS;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    for (int i = 0; i < wanted; i++) {
        pthread_t thread;
        if (pthread_create(&thread, &attributes, pool_helper, NULL) != 0) break;
        pool_helpers++;
    }
    pthread_attr_destroy(&attributes);
}

void weave_pool_allow(int helpers) {
    atomic_store(&pool_allowed, helpers < 0 ? 0 : helpers);
}

int weave_pool_threads(void) {
    pthread_once(&pool_once, pool_start);
    int allowed = atomic_load(&pool_allowed);
    return 1 + (allowed < pool_helpers ? allowed : pool_helpers);
}

void weave_pool_run(long parts, weave_part_fn function, void *context) {
    int expected = 0;
    if (parts <= 1 || parts > WEAVE_POOL_MAX_PARTS || weave_pool_threads() == 1
        || !atomic_compare_exchange_strong(&pool_busy, &expected, 1)) {
        for (long part = 0; part < parts; part++) function(context, part);
        return;
    }
    pool_function = function;
    pool_context = context;
    atomic_store_explicit(&pool_done, 0, memory_order_relaxed);
    uint32_t generation = (uint32_t)(atomic_load(&pool_ticket) >> 32) + 1;
    atomic_store_explicit(&pool_ticket, ((uint64_t)generation << 32) | ((uint64_t)parts << 16), memory_order_release);
    pthread_mutex_lock(&pool_mutex);
    if (pool_sleepers > 0) pthread_cond_broadcast(&pool_wake);
    pthread_mutex_unlock(&pool_mutex);
    pool_work(generation);
    // Wait for the helpers' parts; after a long wait yield now and then, in case a helper
    // was placed on this very core and cannot run while the caller spins.
    unsigned spins = 0;
    while (atomic_load_explicit(&pool_done, memory_order_acquire) < parts) {
        pool_pause();
        if (++spins % 1024 == 0) sched_yield();
    }
    atomic_store(&pool_busy, 0);
}
