package io.touchpoint.workspace;

/**
 * Secret keys open the whole API of their workspace; public write keys may be embedded in web pages
 * and only ingest events and show/answer surveys.
 */
public enum ApiKeyKind {
    SECRET("tp_sk_", "API_SECRET"),
    WRITE("tp_wk_", "API_WRITE");

    private final String prefix;
    private final String authority;

    ApiKeyKind(String prefix, String authority) {
        this.prefix = prefix;
        this.authority = authority;
    }

    public String prefix() {
        return prefix;
    }

    public String authority() {
        return authority;
    }
}
