package dev.rapport.crm.jpa;

import dev.rapport.crm.party.PostalAddress;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** A postal address as columns of its owner's table; no country means no address. */
@Access(AccessType.FIELD)
@Embeddable
class AddressColumns {
    @Column(name = "address_street", length = 200)
    @Nullable String street;

    @Column(name = "address_city", length = 100)
    @Nullable String city;

    @Column(name = "address_postal_code", length = 20)
    @Nullable String postalCode;

    @Column(name = "address_region", length = 100)
    @Nullable String region;

    @Column(name = "address_country", length = 2)
    @Nullable String country;

    protected AddressColumns() {
    }

    static AddressColumns of(@Nullable PostalAddress address) {
        AddressColumns c = new AddressColumns();
        if (address != null) {
            c.street = address.street();
            c.city = address.city();
            c.postalCode = address.postalCode();
            c.region = address.region();
            c.country = address.country();
        }
        return c;
    }

    static @Nullable PostalAddress toDomain(@Nullable AddressColumns c) {
        if (c == null || c.country == null) {
            return null;
        }
        return new PostalAddress(c.street, c.city, c.postalCode, c.region, c.country);
    }
}
