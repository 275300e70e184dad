package dev.rapport.crm.governance;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ids of tombstones: HMAC-SHA-256 of the normalized identifier under the installation's
 * secret.
 *
 * <p>Why keyed: a plain hash of an e-mail address is not anonymous. Addresses are few and
 * predictable (first.last@company, leaked lists), so anyone holding the store can hash candidate
 * addresses and compare, recovering the erased person in seconds. With a secret key that is not
 * in the store, the hashes cannot be tested without the key.
 */
final class Tombstones {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    Tombstones(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    TombstoneId id(IdentifierKind kind, String normalized) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((kind.name() + ":" + normalized).getBytes(StandardCharsets.UTF_8));
            return TombstoneId.of(kind.field() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
