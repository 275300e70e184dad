package dev.rapport.crm.io;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ISO 3166-1 alpha-2 codes from a code (alpha-2 or alpha-3) or an English country name. */
final class Countries {
    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale.Builder().setRegion(code).build();
            CODES.put(code.toLowerCase(Locale.ROOT), code);
            try {
                CODES.put(locale.getISO3Country().toLowerCase(Locale.ROOT), code);
            } catch (java.util.MissingResourceException e) {
                // no alpha-3 code known for this region
            }
            CODES.put(locale.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        CODES.put("usa", "US");
        CODES.put("uk", "GB");
    }

    private Countries() {
    }

    static Optional<String> code(String nameOrCode) {
        return Optional.ofNullable(CODES.get(ImportMapping.key(nameOrCode)));
    }
}
