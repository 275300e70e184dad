package dev.rapport.crm.jpa;

/**
 * A snapshot of one of the store's caches: look-ups served from memory (hits), look-ups that went
 * to the database (misses), entries dropped to stay within the size bound (evictions), and the
 * entries held now (an estimate).
 *
 * <pre>{@code
 * store.emailCacheStats().ifPresent(s -> log.info("e-mail look-ups: {} hits, {} misses", s.hitCount(), s.missCount()));
 * }</pre>
 *
 * @param hitCount look-ups answered from the cache
 * @param missCount look-ups that read the database
 * @param evictionCount entries evicted by the size bound or expiry
 * @param size the number of entries now (an estimate)
 */
public record JpaCacheStats(long hitCount, long missCount, long evictionCount, long size) {

    /**
     * The share of look-ups answered from the cache.
     *
     * @return hits over all look-ups, or 1.0 before the first look-up
     */
    public double hitRate() {
        long all = hitCount + missCount;
        return all == 0 ? 1.0 : (double) hitCount / all;
    }
}
