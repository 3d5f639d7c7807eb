#ifndef FLRISK_PREFETCH_H
#define FLRISK_PREFETCH_H

/// Asks the CPU to start loading the cache line at `address` (for reading, keep in all cache
/// levels). The propagation core uses it to overlap the random gathers of links a few
/// iterations ahead; it has no effect on results.
static inline void flrisk_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
