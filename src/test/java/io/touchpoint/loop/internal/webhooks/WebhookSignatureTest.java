package io.touchpoint.loop.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // the example of the Standard Webhooks reference libraries' tests
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330L;
    static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsLikeTheReferenceImplementations() {
        assertThat(WebhookSignature.sign(List.of(SECRET), ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringARotationBothSecretsSignSeparatedByASpace() {
        String other = WebhookSignature.newSecret();
        String header = WebhookSignature.sign(List.of(other, SECRET), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2).contains("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        String original = WebhookSignature.sign(List.of(SECRET), ID, TIMESTAMP, BODY);
        assertThat(WebhookSignature.sign(List.of(SECRET), ID + "x", TIMESTAMP, BODY))
                .isNotEqualTo(original);
        assertThat(WebhookSignature.sign(List.of(SECRET), ID, TIMESTAMP + 1, BODY))
                .isNotEqualTo(original);
        assertThat(WebhookSignature.sign(List.of(SECRET), ID, TIMESTAMP, BODY + " "))
                .isNotEqualTo(original);
    }

    @Test
    void newSecretsAreWhsecAndTwentyFourRandomBytes() {
        String a = WebhookSignature.newSecret();
        String b = WebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(24);
        assertThat(WebhookSignature.hint(a)).startsWith(a.substring(0, 10)).hasSize(11);
    }

    @Test
    void aSecretWithoutThePrefixIsRefused() {
        assertThatThrownBy(() -> WebhookSignature.sign(List.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), ID, 1, BODY))
                .hasMessageContaining("whsec_");
    }
}
