package io.touchpoint.workspace.internal;

import io.touchpoint.workspace.ApiKeyKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Generates, hashes and abbreviates API keys. Keys carry 256 random bits, so a fast hash (SHA-256)
 * is enough to store them: unlike passwords they cannot be guessed from a dictionary.
 */
public final class ApiKeyCodec {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyCodec() {}

    public static String generate(ApiKeyKind kind) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String plaintext) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Enough of the key to recognise it in a list, not enough to use it. */
    public static String hint(String plaintext) {
        if (plaintext.length() <= 12) {
            return plaintext.substring(0, Math.min(3, plaintext.length())) + "…";
        }
        return plaintext.substring(0, 9) + "…" + plaintext.substring(plaintext.length() - 4);
    }
}
