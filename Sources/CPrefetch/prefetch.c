// The target's only function is the inline one in include/prefetch.h.
#include "prefetch.h"
