package dev.rapport.crm.jpa;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.BiPredicate;

/** Helpers for the row collections (element collections) of the entities. */
final class Rows {
    private Rows() {
    }

    /**
     * Replaces a managed collection's content, and only if it changed: first the old rows are
     * deleted (flushed), then the new rows inserted. Providers otherwise write an ordered
     * collection's changes in an order of their own, which can insert a row where an old one still
     * holds the key.
     */
    static <R> void replace(EntityManager em, List<R> managed, List<R> next, BiPredicate<R, R> same) {
        boolean unchanged = managed.size() == next.size();
        for (int i = 0; unchanged && i < next.size(); i++) {
            unchanged = same.test(managed.get(i), next.get(i));
        }
        if (unchanged) {
            return;
        }
        if (!managed.isEmpty()) {
            managed.clear();
            em.flush();
        }
        managed.addAll(next);
    }

    static boolean sameRole(ContactRoleRow a, ContactRoleRow b) {
        return a.contactId.equals(b.contactId) && a.roleType.equals(b.roleType) && a.primary == b.primary;
    }
}
