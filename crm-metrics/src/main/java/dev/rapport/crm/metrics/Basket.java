package dev.rapport.crm.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A set of products bought together, as {@link ProductAffinity} reads co-occurrence: one order,
 * or everything one customer has bought (the products of its won deals). The products are kept
 * once each, in name order.
 *
 * <pre>{@code
 * Basket b = new Basket("order-1", Set.of("fleet-basic", "tracker"));
 * List<Basket> perAccount = Basket.ofWonDeals(deals, accountOfDeal);
 * }</pre>
 *
 * @param id the basket's id (an order id, or the customer's id for a per-customer basket)
 * @param items the products in it, each once, in name order
 */
public record Basket(String id, Set<String> items) {

    /**
     * Checks the parts; the items are copied in name order.
     *
     * @param id the basket's id
     * @param items the products in it
     * @throws dev.rapport.crm.CrmValidationException on {@code "id"} or {@code "items"} when a part
     *     is missing or blank
     */
    public Basket {
        Inputs.id(id, "id");
        Inputs.present(items, "items");
        TreeSet<String> copy = new TreeSet<>();
        for (String item : items) {
            copy.add(Inputs.id(item, "items"));
        }
        items = Collections.unmodifiableSet(copy);
    }

    /**
     * One basket per customer with the products of the customer's won deals, in the order the
     * customers are first seen; open, lost and no-decision deals are skipped.
     *
     * @param deals the deals
     * @param customerOf the customer (an account id, usually) a deal was won with; must not return
     *     null or blank for a won deal
     * @return the baskets, each named by its customer's id
     * @throws dev.rapport.crm.CrmValidationException on {@code "customer"} when a won deal has no
     *     customer
     */
    public static List<Basket> ofWonDeals(Iterable<Deal> deals, Function<? super Deal, String> customerOf) {
        Objects.requireNonNull(deals, "deals");
        Objects.requireNonNull(customerOf, "customerOf");
        Map<String, Set<String>> byCustomer = new LinkedHashMap<>();
        for (Deal deal : deals) {
            if (deal.status() == DealStatus.WON) {
                String customer = Inputs.id(customerOf.apply(deal), "customer");
                byCustomer.computeIfAbsent(customer, c -> new TreeSet<>()).addAll(deal.productIds());
            }
        }
        List<Basket> out = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((customer, items) -> out.add(new Basket(customer, items)));
        return List.copyOf(out);
    }

    /**
     * Whether the basket holds every given product.
     *
     * @param products the products
     * @return true when all are in it
     */
    public boolean containsAll(Collection<String> products) {
        return items.containsAll(products);
    }
}
