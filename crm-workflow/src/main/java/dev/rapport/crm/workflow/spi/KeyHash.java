package dev.rapport.crm.workflow.spi;

/**
 * Hashes of the store keys. Their parts are sequential ids whose text hashes differ by small,
 * regular amounts, so a plain {@code 31 * h + x} makes many distinct keys share a hash (and a
 * hash map compare them field by field); each part is spread by a large odd multiplier and the
 * result mixed, as in a good 64-bit finalizer.
 */
final class KeyHash {
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    private KeyHash() {
    }

    /** The hash so far with one more part. */
    static long with(long hash, int part) {
        return (hash + part) * SPREAD;
    }

    /** The final 32-bit hash. */
    static int finish(long hash) {
        long h = hash ^ (hash >>> 32);
        h *= 0xD6E8FEB86659FD93L;
        return (int) (h ^ (h >>> 32));
    }
}
