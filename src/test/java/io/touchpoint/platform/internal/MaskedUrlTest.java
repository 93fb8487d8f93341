package io.touchpoint.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedUrlTest {

    @Test
    void masksPasswordQueryParameters() {
        assertThat(MaskedUrl.of("jdbc:postgresql://db:5432/tp?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/tp?user=a&password=****&ssl=true");
    }

    @Test
    void masksUserInfoPasswords() {
        assertThat(MaskedUrl.of("jdbc:postgresql://tp:s3cret@db:5432/tp"))
                .isEqualTo("jdbc:postgresql://tp:****@db:5432/tp");
    }

    @Test
    void leavesUrlsWithoutPasswordsAlone() {
        assertThat(MaskedUrl.of("jdbc:postgresql://db:5432/tp")).isEqualTo("jdbc:postgresql://db:5432/tp");
    }
}
