package io.touchpoint.loop.internal;

import io.touchpoint.loop.CasePriority;
import io.touchpoint.loop.LoopSettings;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Per-workspace loop settings, created with the default rule the first time a workspace is seen. */
@Component
public class SettingsRepository {

    private final Store store;

    SettingsRepository(Store store) {
        this.store = store;
    }

    public LoopSettings get(UUID workspaceId) {
        return store.reads()
                .sql("select * from loop_settings where workspace_id = ?")
                .param(workspaceId)
                .query((rs, n) -> new LoopSettings(
                        Arrays.stream(rs.getString("business_days").split(","))
                                .map(String::trim)
                                .map(Integer::valueOf)
                                .toList(),
                        LocalTime.parse(rs.getString("business_start")),
                        LocalTime.parse(rs.getString("business_end")),
                        Map.of(
                                CasePriority.URGENT, rs.getInt("sla_urgent_minutes"),
                                CasePriority.HIGH, rs.getInt("sla_high_minutes"),
                                CasePriority.NORMAL, rs.getInt("sla_normal_minutes"),
                                CasePriority.LOW, rs.getInt("sla_low_minutes")),
                        Sql.uuid(rs, "follow_up_survey_id"),
                        Duration.ofSeconds(rs.getLong("follow_up_delay_seconds"))))
                .optional()
                .orElse(LoopSettings.DEFAULTS);
    }

    public boolean seeded(UUID workspaceId) {
        return store.reads()
                        .sql("select count(*) from loop_settings where workspace_id = ?")
                        .param(workspaceId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Workspaces that have no loop settings yet: new ones, or ones from before the loop existed. */
    public List<UUID> unseeded() {
        return store.reads()
                .sql("select w.workspace_id from workspaces w where not exists "
                        + "(select 1 from loop_settings s where s.workspace_id = w.workspace_id)")
                .query((rs, n) -> Sql.uuid(rs, "workspace_id"))
                .list();
    }

    /**
     * Gives a workspace its settings and the default rule, once: a workspace that deleted its
     * default rule does not get it back.
     *
     * @return true when this call seeded the workspace
     */
    public static boolean seed(WriteContext tx, UUID workspaceId, Instant now) {
        LoopSettings d = LoopSettings.DEFAULTS;
        int inserted = tx.jdbc()
                .sql("insert into loop_settings (workspace_id, default_rule_at, business_days, business_start, "
                        + "business_end, sla_urgent_minutes, sla_high_minutes, sla_normal_minutes, sla_low_minutes, "
                        + "follow_up_survey_id, follow_up_delay_seconds, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?) on conflict (workspace_id) do nothing")
                .params(
                        workspaceId,
                        Sql.ts(now),
                        days(d.businessDays()),
                        d.businessStart().toString(),
                        d.businessEnd().toString(),
                        d.slaMinutes().get(CasePriority.URGENT),
                        d.slaMinutes().get(CasePriority.HIGH),
                        d.slaMinutes().get(CasePriority.NORMAL),
                        d.slaMinutes().get(CasePriority.LOW),
                        d.followUpDelay().toSeconds(),
                        Sql.ts(now))
                .update();
        if (inserted == 0) {
            return false;
        }
        RuleRepository.insert(
                tx, workspaceId, Ids.next(), RuleRepository.DEFAULT_NAME, true, RuleRepository.DEFAULT_DEFINITION, now);
        return true;
    }

    public static void update(WriteContext tx, UUID workspaceId, LoopSettings s, Instant now) {
        tx.jdbc()
                .sql("update loop_settings set business_days = ?, business_start = ?, business_end = ?, "
                        + "sla_urgent_minutes = ?, sla_high_minutes = ?, sla_normal_minutes = ?, sla_low_minutes = ?, "
                        + "follow_up_survey_id = ?, follow_up_delay_seconds = ?, updated_at = ? where workspace_id = ?")
                .params(
                        days(s.businessDays()),
                        s.businessStart().toString(),
                        s.businessEnd().toString(),
                        s.slaMinutes().get(CasePriority.URGENT),
                        s.slaMinutes().get(CasePriority.HIGH),
                        s.slaMinutes().get(CasePriority.NORMAL),
                        s.slaMinutes().get(CasePriority.LOW),
                        s.followUpSurveyId(),
                        s.followUpDelay().toSeconds(),
                        Sql.ts(now),
                        workspaceId)
                .update();
    }

    /** The workspace's working time as a calculator. */
    public static BusinessHours hours(LoopSettings s, ZoneId zone) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        s.businessDays().forEach(d -> days.add(DayOfWeek.of(d)));
        return new BusinessHours(zone, days, s.businessStart(), s.businessEnd());
    }

    private static String days(List<Integer> days) {
        return days.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
