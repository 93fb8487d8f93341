package io.touchpoint.customers;

/** One normalised identifier of a profile. */
public record Identity(IdentityKind kind, String value) {

    /** The identity in normal form, or null when the raw value is empty or unusable. */
    public static Identity of(IdentityKind kind, String raw) {
        String value = kind.normalize(raw);
        return value == null ? null : new Identity(kind, value);
    }
}
