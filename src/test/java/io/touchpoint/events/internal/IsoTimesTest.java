package io.touchpoint.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimesTest {

    /** What the validator did before the common form was read by hand: the reference. */
    private static Instant reference(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsTheCommonFormsToTheSameInstantAsJavaTime() {
        for (String text : new String[] {
            "2026-05-01T10:00:00Z",
            "2026-05-01T10:00:00.1Z",
            "2026-05-01T10:00:00.123Z",
            "2026-05-01T10:00:00.123456789Z",
            "2026-05-01T19:00:00+09:00",
            "2026-05-01T01:30:00.5-05:30",
            "2024-02-29T23:59:59.999+18:00",
            "2000-01-01T00:00:00-18:00",
            "1999-12-31T23:59:59-00:00"
        }) {
            assertThat(IsoTimes.parseCommon(text)).as(text).isNotNull().isEqualTo(reference(text));
        }
    }

    @Test
    void leavesEverythingElseToJavaTime() {
        for (String text : new String[] {
            "2026-05-01t10:00:00z", // valid, lower case
            "2026-05-01T10:00Z", // valid, no seconds
            "2026-05-01T10:00:00+09:00:30", // valid, offset with seconds
            "2026-05-01T10:00:00", // no offset
            "2026-05-01T10:00:00+0900",
            "2026-02-29T10:00:00Z", // not a leap year
            "2026-04-31T10:00:00Z",
            "2026-05-01T24:00:00Z",
            "2026-05-01T10:00:60Z",
            "2026-05-01T10:00:00.Z",
            "2026-05-01T10:00:00.1234567891Z",
            "2026-05-01T10:00:00+19:00",
            "2026-05-01T10:00:00+18:01",
            "+12026-05-01T10:00:00Z",
            "2026-5-01T10:00:00Z",
            "２０２６-05-01T10:00:00Z"
        }) {
            assertThat(IsoTimes.parseCommon(text)).as(text).isNull();
        }
    }

    @Test
    void neverAcceptsWhatJavaTimeRefusesNorReadsItDifferently() {
        Random random = new Random(42);
        String alphabet = "0123456789-+:.TZtz 9";
        int read = 0;
        for (int n = 0; n < 200_000; n++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-2_000_000_000L, 8_000_000_000L), random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
            StringBuilder text = new StringBuilder(instant.atOffset(offset).toString());
            int mutations = random.nextInt(3);
            for (int m = 0; m < mutations && !text.isEmpty(); m++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String candidate = text.toString();
            Instant fast = IsoTimes.parseCommon(candidate);
            if (fast != null) {
                read++;
                assertThat(fast).as(candidate).isEqualTo(reference(candidate));
            }
        }
        // most unmutated texts are in the common form (OffsetDateTime drops zero seconds, which is not)
        assertThat(read).isGreaterThan(50_000);
    }
}
