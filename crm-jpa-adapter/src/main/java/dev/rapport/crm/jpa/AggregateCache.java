package dev.rapport.crm.jpa;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Committed data read far more often than written: aggregates by id (pipelines, custom field
 * schemas), and the identity look-ups (contacts by normalized e-mail address, accounts by domain),
 * by tenant, kind and key. A miss is loaded in a transaction of its own, so what is cached was
 * committed; it is cached only if no write committed in between (the generation did not move). A
 * write invalidates the keys it touched after it commits: for the look-ups, the addresses and
 * domains a changed row had before and has after the change. Each kind is bounded by the same
 * maximum size.
 */
final class AggregateCache {
    /** The key kind of contacts by normalized e-mail address. */
    static final String EMAIL = "Contact#email";
    /** The key kind of accounts by domain. */
    static final String DOMAIN = "Account#domain";

    /** The cache key: tenant, aggregate type (or look-up kind), id (or looked-up value). */
    record Key(String tenant, String type, String id) {
    }

    private final Cache<Key, Object> aggregates;
    private final Cache<Key, Object> emails;
    private final Cache<Key, Object> domains;
    private final AtomicLong generation = new AtomicLong();

    AggregateCache(long maximumSize, Duration expireAfterWrite) {
        this.aggregates = build(maximumSize, expireAfterWrite);
        this.emails = build(maximumSize, expireAfterWrite);
        this.domains = build(maximumSize, expireAfterWrite);
    }

    private static Cache<Key, Object> build(long maximumSize, Duration expireAfterWrite) {
        return Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expireAfterWrite).recordStats().build();
    }

    private Cache<Key, Object> of(Key key) {
        switch (key.type()) {
            case EMAIL:
                return emails;
            case DOMAIN:
                return domains;
            default:
                return aggregates;
        }
    }

    long generation() {
        return generation.get();
    }

    /** The cached value of a key: an aggregate, or the result of a look-up. */
    <V> Optional<V> get(Key key, Class<V> type) {
        return Optional.ofNullable(of(key).getIfPresent(key)).map(type::cast);
    }

    /** Caches a committed value loaded after {@code loadedAt}, unless a write committed since. */
    void put(Key key, Object value, long loadedAt) {
        Cache<Key, Object> cache = of(key);
        if (generation.get() == loadedAt) {
            cache.put(key, value);
            if (generation.get() != loadedAt) {
                cache.invalidate(key);
            }
        }
    }

    /** Forgets keys a committed (or abandoned) write touched. */
    void invalidate(Collection<Key> keys) {
        if (!keys.isEmpty()) {
            generation.incrementAndGet();
            for (Key key : keys) {
                of(key).invalidate(key);
            }
        }
    }

    JpaCacheStats stats() {
        return stats(aggregates);
    }

    JpaCacheStats emailStats() {
        return stats(emails);
    }

    JpaCacheStats domainStats() {
        return stats(domains);
    }

    private static JpaCacheStats stats(Cache<Key, Object> cache) {
        cache.cleanUp(); // pending evictions first, so the snapshot respects the bound
        CacheStats s = cache.stats();
        return new JpaCacheStats(s.hitCount(), s.missCount(), s.evictionCount(), cache.estimatedSize());
    }
}
