package io.touchpoint.customers;

/**
 * One normalised identifier of a profile.
 *
 * <p>{@code equals} and {@code hashCode} are written out: the ingestion writer looks identities up
 * in hash maps several times per event, and a record's generated methods compare and hash their
 * components through call sites shared by every record class, which the JIT cannot inline.
 */
public record Identity(IdentityKind kind, String value) {

    public Identity {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(value, "value");
    }

    /** The identity in normal form, or null when the raw value is empty or unusable. */
    public static Identity of(IdentityKind kind, String raw) {
        String value = kind.normalize(raw);
        return value == null ? null : new Identity(kind, value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Identity that && kind == that.kind && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return 31 * kind.ordinal() + value.hashCode();
    }
}
