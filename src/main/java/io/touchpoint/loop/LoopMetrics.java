package io.touchpoint.loop;

import java.time.Instant;

/**
 * How the loop performs over a period (cases opened in it).
 *
 * @param opened                 cases opened
 * @param medianHoursToFirstResponse median hours from opening to the first change or note by a person
 * @param medianHoursToResolve   median hours from opening to resolution
 * @param slaBreachPct           share of cases with a due time that were resolved late or are overdue, 0–100
 * @param closurePct             share of cases resolved or closed, 0–100
 * @param followUpDetractors     cases opened on a detractor whose follow-up survey was answered
 * @param recoveredDetractors    of those, how many answered the follow-up's NPS with 7 or more
 * @param recoveredPct           recoveredDetractors / followUpDetractors, 0–100, or null without any
 */
public record LoopMetrics(
        Instant from,
        Instant to,
        long opened,
        Double medianHoursToFirstResponse,
        Double medianHoursToResolve,
        Double slaBreachPct,
        Double closurePct,
        long followUpDetractors,
        long recoveredDetractors,
        Double recoveredPct) {}
