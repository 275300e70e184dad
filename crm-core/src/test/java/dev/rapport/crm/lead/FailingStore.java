package dev.rapport.crm.lead;

import dev.rapport.crm.Page;
import dev.rapport.crm.PageRequest;
import dev.rapport.crm.TenantId;
import dev.rapport.crm.directory.UserId;
import dev.rapport.crm.memory.InMemoryStore;
import dev.rapport.crm.party.EmailAddress;
import dev.rapport.crm.spi.CrmStore;
import dev.rapport.crm.spi.StoreTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An in-memory store that can be told to fail when a lead is stored as converted: the last step of
 * a conversion, after the contact and account writes, so tests can prove those are rolled back.
 */
final class FailingStore implements CrmStore {
    private final InMemoryStore delegate = new InMemoryStore();
    private volatile boolean failConversions;

    void failConversions(boolean on) {
        failConversions = on;
    }

    @Override
    public <T> T write(TenantId tenant, Function<StoreTransaction, T> work) {
        return delegate.write(tenant, tx -> work.apply(intercept(tx)));
    }

    @Override
    public <T> T read(TenantId tenant, Function<StoreTransaction, T> work) {
        return delegate.read(tenant, work);
    }

    private StoreTransaction intercept(StoreTransaction tx) {
        LeadStore leads = new FailingLeads(tx.leads());
        return (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
                new Class<?>[] {StoreTransaction.class}, (proxy, method, args) -> {
                    if (method.getName().equals("leads") && method.getParameterCount() == 0) {
                        return leads;
                    }
                    try {
                        return method.invoke(tx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private final class FailingLeads implements LeadStore {
        private final LeadStore leads;

        FailingLeads(LeadStore leads) {
            this.leads = leads;
        }

        @Override
        public void update(Lead aggregate) {
            if (failConversions && aggregate.isConverted()) {
                throw new IllegalStateException("injected store failure");
            }
            leads.update(aggregate);
        }

        @Override
        public Optional<Lead> find(LeadId id) {
            return leads.find(id);
        }

        @Override
        public void insert(Lead aggregate) {
            leads.insert(aggregate);
        }

        @Override
        public boolean delete(LeadId id) {
            return leads.delete(id);
        }

        @Override
        public Page<Lead> list(PageRequest request) {
            return leads.list(request);
        }

        @Override
        public long count() {
            return leads.count();
        }

        @Override
        public List<Lead> findByEmail(EmailAddress email) {
            return leads.findByEmail(email);
        }

        @Override
        public List<Lead> findByOwner(UserId ownerId) {
            return leads.findByOwner(ownerId);
        }

        @Override
        public List<Lead> findByStatus(LeadStatus status) {
            return leads.findByStatus(status);
        }
    }
}
