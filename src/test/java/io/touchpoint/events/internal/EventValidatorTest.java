package io.touchpoint.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchpoint.platform.Json;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventValidatorTest {

    @Test
    void aStringsCountedLengthIsTheLengthOfItsWrittenJson() {
        Random random = new Random(7);
        String alphabet = "ab가\"\\/\n\t\r\b\f\u0000\u0001\u001f\u007f é😀";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            assertThat(EventValidator.quotedLength(value))
                    .as(value)
                    .isEqualTo(Json.write(value).length());
        }
    }

    @Test
    void aWholeNumbersBooleansAndNullsCountedLengthIsTheLengthOfItsWrittenJson() {
        JsonNode values = Json.read("[null, true, false, 0, -12, 12345678901234567890123]");
        for (JsonNode value : values) {
            assertThat(EventValidator.scalarLength(value))
                    .as(value.toString())
                    .isEqualTo(Json.write(value).length());
        }
    }

    @Test
    void theSizeLimitCountsEveryTopLevelFieldNotOnlyTheStoredObjects() {
        Instant now = Instant.parse("2026-05-01T10:00:00Z");
        String small = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"note\":\"%s\"}";
        // a top-level string of 32,700 quotes is 65,400 characters once escaped
        String quotes = "\\\"".repeat(32_700);
        var refused = EventValidator.validate(Json.read(small.formatted(quotes)), null, now);
        assertThat(refused.errors()).contains("the message is larger than 32 KB");
        var accepted = EventValidator.validate(Json.read(small.formatted("x".repeat(32_000))), null, now);
        assertThat(accepted.valid()).isTrue();
        var offset = EventValidator.validate(
                Json.read(
                        "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"timestamp\":\"2026-05-01T19:00:00+09:00\"}"),
                null,
                now);
        assertThat(offset.event().timestamp()).isEqualTo(now);
    }
}
