#ifndef NEWSCLEANER_CZLIB_SHIM_H
#define NEWSCLEANER_CZLIB_SHIM_H
#include <zlib.h>

/// `inflateInit2` is a macro in zlib.h; Swift cannot call macros, so it is wrapped here.
static inline int newscleaner_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
/// `deflateInit2` is a macro in zlib.h; wrapped for the same reason.
static inline int newscleaner_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
