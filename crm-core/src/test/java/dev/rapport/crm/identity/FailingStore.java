package dev.rapport.crm.identity;

import dev.rapport.crm.TenantId;
import dev.rapport.crm.memory.InMemoryStore;
import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.spi.StoreTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/** An in-memory store whose merge-record inserts fail, as a storage failure late in a command would. */
final class FailingStore implements CrmStore {
    private final InMemoryStore delegate = new InMemoryStore();

    static FailingStore failingOnMergeRecordInsert() {
        return new FailingStore();
    }

    @Override
    public <T> T write(TenantId tenant, Function<StoreTransaction, T> work) {
        return delegate.write(tenant, tx -> work.apply(wrap(tx)));
    }

    @Override
    public <T> T read(TenantId tenant, Function<StoreTransaction, T> work) {
        return delegate.read(tenant, work);
    }

    private static StoreTransaction wrap(StoreTransaction tx) {
        return (StoreTransaction) Proxy.newProxyInstance(FailingStore.class.getClassLoader(),
                new Class<?>[] {StoreTransaction.class}, (proxy, method, args) -> {
                    Object result = call(method, tx, args);
                    if (method.getName().equals("mergeRecords")) {
                        MergeRecordStore real = (MergeRecordStore) result;
                        return Proxy.newProxyInstance(FailingStore.class.getClassLoader(),
                                new Class<?>[] {MergeRecordStore.class}, (p, m, a) -> {
                                    if (m.getName().equals("insert")) {
                                        throw new IllegalStateException("storage failure");
                                    }
                                    return call(m, real, a);
                                });
                    }
                    return result;
                });
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
