package dev.rapport.crm.jpa;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.rapport.crm.Aggregate;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Committed aggregates of the types read far more often than written (pipelines, custom field
 * schemas), by tenant, type and id. A miss is loaded in a transaction of its own, so what is cached
 * was committed; it is cached only if no write committed in between (the generation did not move).
 * A write invalidates its keys after it commits.
 */
final class AggregateCache {
    /** The cache key: tenant, aggregate type, id. */
    record Key(String tenant, String type, String id) {
    }

    private final Cache<Key, Aggregate<?>> cache;
    private final AtomicLong generation = new AtomicLong();

    AggregateCache(long maximumSize, Duration expireAfterWrite) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expireAfterWrite)
                .recordStats().build();
    }

    long generation() {
        return generation.get();
    }

    Optional<Aggregate<?>> get(Key key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    /** Caches a committed aggregate loaded after {@code loadedAt}, unless a write committed since. */
    void put(Key key, Aggregate<?> aggregate, long loadedAt) {
        if (generation.get() == loadedAt) {
            cache.put(key, aggregate);
            if (generation.get() != loadedAt) {
                cache.invalidate(key);
            }
        }
    }

    /** Forgets keys a committed (or abandoned) write touched. */
    void invalidate(Collection<Key> keys) {
        if (!keys.isEmpty()) {
            generation.incrementAndGet();
            cache.invalidateAll(keys);
        }
    }

    CacheStats stats() {
        return cache.stats();
    }
}
