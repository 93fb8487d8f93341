package io.touchpoint.platform.internal;

/** Renders a JDBC URL for messages with any password in it replaced. */
final class MaskedUrl {

    private MaskedUrl() {}

    static String of(String url) {
        if (url == null) {
            return "";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("(//[^:/@]+:)[^@/]*@", "$1****@");
    }
}
