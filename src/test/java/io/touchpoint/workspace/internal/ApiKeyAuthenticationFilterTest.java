package io.touchpoint.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticationFilterTest {

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsABearerToken() {
        assertThat(ApiKeyAuthenticationFilter.presentedKey("Bearer tp_sk_abc")).contains("tp_sk_abc");
        assertThat(ApiKeyAuthenticationFilter.presentedKey("bearer   tp_sk_abc "))
                .contains("tp_sk_abc");
    }

    @Test
    void readsTheWriteKeyAsBasicUserNameWithEmptyPasswordAsSegmentSendsIt() {
        assertThat(ApiKeyAuthenticationFilter.presentedKey(basic("tp_wk_abc:"))).contains("tp_wk_abc");
        assertThat(ApiKeyAuthenticationFilter.presentedKey(basic("tp_wk_abc"))).contains("tp_wk_abc");
        assertThat(ApiKeyAuthenticationFilter.presentedKey(basic(":tp_wk_abc"))).contains("tp_wk_abc");
    }

    @Test
    void refusesMalformedHeaders() {
        assertThat(ApiKeyAuthenticationFilter.presentedKey("Bearer")).isEmpty();
        assertThat(ApiKeyAuthenticationFilter.presentedKey("Bearer ")).isEmpty();
        assertThat(ApiKeyAuthenticationFilter.presentedKey("Basic !!!notbase64"))
                .isEmpty();
        assertThat(ApiKeyAuthenticationFilter.presentedKey(basic(":"))).isEmpty();
        assertThat(ApiKeyAuthenticationFilter.presentedKey("Digest abc")).isEmpty();
    }
}
