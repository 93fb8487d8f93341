package io.touchpoint.loop.internal.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
 * keyed with the base64-decoded part of a {@code whsec_} secret. Several secrets (during a rotation)
 * give several space-separated signatures, any of which a receiver may accept.
 */
public final class WebhookSignature {

    static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new secret: {@code whsec_} and the base64 of 24 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The value of the {@code webhook-signature} header for one attempt. */
    public static String sign(List<String> secrets, String messageId, long timestampSeconds, String body) {
        return secrets.stream()
                .map(secret -> "v1," + hmac(secret, messageId + "." + timestampSeconds + "." + body))
                .collect(Collectors.joining(" "));
    }

    /** A hint to recognise a secret by, without giving it away. */
    public static String hint(String secret) {
        return secret.substring(0, PREFIX.length() + 4) + "…";
    }

    private static String hmac(String secret, String content) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret starts with " + PREFIX);
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
