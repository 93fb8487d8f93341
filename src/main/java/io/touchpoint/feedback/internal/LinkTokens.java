package io.touchpoint.feedback.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal survey links: a compact binary claim set signed with the workspace's key
 * (HMAC-SHA256, truncated to 128 bits), so an answer is tied to a customer without a login.
 * Plain Java.
 */
public final class LinkTokens {

    /** What a personal link says. Absent customer or send is null. */
    public record Claims(
            UUID workspaceId,
            UUID surveyId,
            UUID customerId,
            UUID tokenId,
            UUID sendId,
            Instant expiresAt,
            boolean singleUse,
            String language) {}

    /** Why a link was refused: {@code malformed}, {@code forged} or {@code expired}. */
    public static final class InvalidLinkException extends RuntimeException {

        private final String reason;

        InvalidLinkException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private static final byte VERSION = 1;
    private static final int BODY = 1 + 16 * 5 + 8 + 1 + 2;
    private static final int MAC_BYTES = 16;
    private static final UUID NONE = new UUID(0, 0);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private LinkTokens() {}

    public static String issue(Claims claims, byte[] key) {
        ByteBuffer body = ByteBuffer.allocate(BODY);
        body.put(VERSION);
        put(body, claims.workspaceId());
        put(body, claims.surveyId());
        put(body, claims.customerId());
        put(body, claims.tokenId());
        put(body, claims.sendId());
        body.putLong(claims.expiresAt().getEpochSecond());
        body.put((byte) (claims.singleUse() ? 1 : 0));
        String language = claims.language() == null ? "--" : claims.language();
        body.put(language.substring(0, 2).getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = body.array();
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes, key));
    }

    /** @throws InvalidLinkException when the link is malformed, not signed by the workspace, or expired */
    public static Claims verify(String token, Function<UUID, byte[]> keyOfWorkspace, Instant now) {
        if (token == null || token.length() > 400) {
            throw new InvalidLinkException("malformed", "This survey link is not valid");
        }
        int dot = token.indexOf('.');
        byte[] body;
        byte[] signature;
        try {
            body = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkException("malformed", "This survey link is not valid");
        }
        if (dot < 0 || body.length != BODY || body[0] != VERSION) {
            throw new InvalidLinkException("malformed", "This survey link is not valid");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        in.get();
        UUID workspace = get(in);
        byte[] key = workspace == null ? null : keyOfWorkspace.apply(workspace);
        if (key == null || !MessageDigest.isEqual(mac(body, key), signature)) {
            throw new InvalidLinkException("forged", "This survey link is not valid");
        }
        UUID survey = get(in);
        UUID customer = get(in);
        UUID tokenId = get(in);
        UUID send = get(in);
        Instant expires = Instant.ofEpochSecond(in.getLong());
        boolean singleUse = in.get() == 1;
        byte[] lang = new byte[2];
        in.get(lang);
        String language = new String(lang, StandardCharsets.US_ASCII);
        if (now.isAfter(expires)) {
            throw new InvalidLinkException("expired", "This survey link has expired");
        }
        return new Claims(
                workspace,
                survey,
                customer,
                tokenId,
                send,
                expires,
                singleUse,
                "--".equals(language) ? null : language);
    }

    /** A signature over any short value with the workspace key (for continuing a response). */
    public static String sign(String value, byte[] key) {
        return ENCODER.encodeToString(mac(value.getBytes(StandardCharsets.UTF_8), key));
    }

    public static boolean verifySignature(String value, String signature, byte[] key) {
        return signature != null
                && MessageDigest.isEqual(
                        sign(value, key).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] mac(byte[] body, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(body), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static void put(ByteBuffer buffer, UUID id) {
        UUID value = id == null ? NONE : id;
        buffer.putLong(value.getMostSignificantBits());
        buffer.putLong(value.getLeastSignificantBits());
    }

    private static UUID get(ByteBuffer buffer) {
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        return id.equals(NONE) ? null : id;
    }
}
