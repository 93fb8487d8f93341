package io.touchpoint.loop;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace's loop settings.
 *
 * @param businessDays     ISO days of the week that are working days (1 = Monday)
 * @param businessStart    start of the working day, in the workspace time zone
 * @param businessEnd      end of the working day
 * @param slaMinutes       working minutes to resolve a case, per priority
 * @param followUpSurveyId the survey sent to the customer when their case is resolved, or null for none
 * @param followUpDelay    how long after the resolution it is sent
 */
public record LoopSettings(
        List<Integer> businessDays,
        @JsonFormat(pattern = "HH:mm") LocalTime businessStart,
        @JsonFormat(pattern = "HH:mm") LocalTime businessEnd,
        Map<String, Integer> slaMinutes,
        UUID followUpSurveyId,
        Duration followUpDelay) {

    public static final LoopSettings DEFAULTS = new LoopSettings(
            List.of(1, 2, 3, 4, 5),
            LocalTime.of(9, 0),
            LocalTime.of(18, 0),
            Map.of(
                    CasePriority.URGENT, 4 * 60,
                    CasePriority.HIGH, 9 * 60,
                    CasePriority.NORMAL, 3 * 9 * 60,
                    CasePriority.LOW, 5 * 9 * 60),
            null,
            Duration.ofDays(1));

    public LoopSettings {
        businessDays = List.copyOf(businessDays);
        slaMinutes = Map.copyOf(slaMinutes);
    }
}
