package io.touchpoint.customers.internal;

import io.touchpoint.customers.SegmentDefinition;
import io.touchpoint.platform.FieldProblem;
import io.touchpoint.platform.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks segment rules and turns them into one portable SQL query that selects the matching people
 * (root profile ids). Plain Java: the caller runs the query.
 */
public final class SegmentRules {

    static final Set<String> TRAIT_OPS = Set.of("eq", "neq", "contains", "exists", "gt", "gte", "lt", "lte");
    static final Set<String> NUMBER_OPS = Set.of("eq", "neq", "gt", "gte", "lt", "lte");
    static final int MAX_RULES = 20;

    /** A query and its parameters; the first parameter of each part is the workspace id. */
    public record Query(String sql, List<Object> params) {}

    private SegmentRules() {}

    public static void validate(SegmentDefinition definition) {
        List<FieldProblem> problems = problems(definition);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The segment definition is not valid", problems);
        }
    }

    /** Every problem of the definition, with the path of the failing field. */
    public static List<FieldProblem> problems(SegmentDefinition definition) {
        List<FieldProblem> problems = new ArrayList<>();
        if (definition == null) {
            return List.of(new FieldProblem("rules", "are required"));
        }
        if (!"all".equals(definition.match()) && !"any".equals(definition.match())) {
            problems.add(new FieldProblem("match", "must be all or any"));
        }
        if (definition.rules() == null || definition.rules().isEmpty()) {
            problems.add(new FieldProblem("rules", "must hold at least one rule"));
        } else if (definition.rules().size() > MAX_RULES) {
            problems.add(new FieldProblem("rules", "must hold at most " + MAX_RULES + " rules"));
        } else {
            for (int i = 0; i < definition.rules().size(); i++) {
                validate(definition.rules().get(i), "rules[" + i + "]", problems);
            }
        }
        return problems;
    }

    private static void validate(Map<String, Object> rule, String at, List<FieldProblem> problems) {
        if (rule == null) {
            problems.add(new FieldProblem(at, "must be an object"));
            return;
        }
        Object type = rule.get("type");
        switch (String.valueOf(type)) {
            case "trait" -> {
                requireText(rule, "name", at, problems);
                String op = op(rule, TRAIT_OPS, at, problems);
                if (op != null && !op.equals("exists")) {
                    if (Set.of("gt", "gte", "lt", "lte").contains(op)) {
                        requireNumber(rule, "value", at, problems);
                    } else if (rule.get("value") == null) {
                        problems.add(new FieldProblem(at + ".value", "is required"));
                    }
                }
            }
            case "event_count" -> {
                requireText(rule, "event", at, problems);
                op(rule, NUMBER_OPS, at, problems);
                requireNumber(rule, "value", at, problems);
                optionalDays(rule, at, problems);
            }
            case "orders" -> {
                Object metric = rule.get("metric");
                if (!"count".equals(metric) && !"revenue".equals(metric)) {
                    problems.add(new FieldProblem(at + ".metric", "must be count or revenue"));
                }
                op(rule, NUMBER_OPS, at, problems);
                requireNumber(rule, "value", at, problems);
                optionalDays(rule, at, problems);
            }
            case "rfm" -> {
                op(rule, NUMBER_OPS, at, problems);
                requireNumber(rule, "value", at, problems);
            }
            default -> problems.add(new FieldProblem(at + ".type", "must be trait, event_count, orders or rfm"));
        }
    }

    /** The query selecting the root ids of the matching people. */
    public static Query compile(java.util.UUID workspaceId, SegmentDefinition definition, Instant now) {
        validate(definition);
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map<String, Object> rule : definition.rules()) {
            parts.add(part(workspaceId, rule, now, params));
        }
        String joiner = "all".equals(definition.match()) ? " intersect " : " union ";
        return new Query(String.join(joiner, parts), params);
    }

    private static String part(java.util.UUID ws, Map<String, Object> rule, Instant now, List<Object> params) {
        String op = (String) rule.get("op");
        switch ((String) rule.get("type")) {
            case "trait" -> {
                params.add(ws);
                params.add(rule.get("name"));
                String latest = "select root_id, value_text, value_number from (select c.root_id, t.value_text, "
                        + "t.value_number, row_number() over (partition by c.root_id order by t.observed_at desc) as rn "
                        + "from trait_history t join customers c on c.workspace_id = t.workspace_id and c.id = t.customer_id "
                        + "where t.workspace_id = ? and t.name = ?) latest where rn = 1";
                String condition;
                switch (op) {
                    case "exists" -> condition = "value_text is not null";
                    case "contains" -> {
                        condition = "lower(value_text) like ?";
                        params.add("%" + String.valueOf(rule.get("value")).toLowerCase(java.util.Locale.ROOT) + "%");
                    }
                    case "eq", "neq" -> {
                        condition = "value_text " + ("eq".equals(op) ? "=" : "<>") + " ?";
                        params.add(String.valueOf(rule.get("value")));
                    }
                    default -> {
                        condition = "value_number " + sqlOp(op) + " ?";
                        params.add(number(rule.get("value")));
                    }
                }
                return "select root_id from (" + latest + ") traits where " + condition;
            }
            case "event_count" -> {
                return countPart(
                        ws,
                        "select c.root_id, count(*) as n from events e join customers c on c.workspace_id = "
                                + "e.workspace_id and c.id = e.customer_id where e.workspace_id = ? and e.event = ?"
                                + since(rule, "e.ts", now, params, List.of(ws, rule.get("event")))
                                + " group by c.root_id",
                        op,
                        rule,
                        params);
            }
            case "orders" -> {
                String measure = "count".equals(rule.get("metric")) ? "count(*)" : "coalesce(sum(o.total), 0)";
                return countPart(
                        ws,
                        "select c.root_id, " + measure + " as n from orders o join customers c on "
                                + "c.workspace_id = o.workspace_id and c.id = o.customer_id where o.workspace_id = ? "
                                + "and o.placed_at is not null" + since(rule, "o.placed_at", now, params, List.of(ws))
                                + " group by c.root_id",
                        op,
                        rule,
                        params);
            }
            default -> {
                params.add(ws);
                params.add(number(rule.get("value")));
                // quintile scores 1–5 from the cumulative distribution, so equal values get equal scores
                return "select root_id from (select root_id, ceil(5 * cume_dist() over (order by last_order)) + "
                        + "ceil(5 * cume_dist() over (order by n)) + ceil(5 * cume_dist() over (order by revenue)) as score "
                        + "from (select c.root_id, "
                        + "max(o.placed_at) as last_order, count(*) as n, coalesce(sum(o.total), 0) as revenue from orders o "
                        + "join customers c on c.workspace_id = o.workspace_id and c.id = o.customer_id where "
                        + "o.workspace_id = ? and o.placed_at is not null group by c.root_id) per_person) scored "
                        + "where score " + sqlOp(op) + " ?";
            }
        }
    }

    /** People with a measure compared to a value; people without any row count as zero. */
    private static String countPart(
            java.util.UUID ws, String measured, String op, Map<String, Object> rule, List<Object> params) {
        // measured's parameters were added by since(); the people list and value follow
        List<Object> tail = new ArrayList<>();
        tail.add(ws);
        tail.add(number(rule.get("value")));
        params.addAll(tail);
        return "select r.id as root_id from customers r left join (" + measured + ") m on m.root_id = r.id "
                + "where r.workspace_id = ? and r.merged_into is null and coalesce(m.n, 0) " + sqlOp(op) + " ?";
    }

    private static String since(
            Map<String, Object> rule, String column, Instant now, List<Object> params, List<Object> leading) {
        params.addAll(leading);
        Object days = rule.get("withinDays");
        if (days == null) {
            return "";
        }
        params.add(io.touchpoint.platform.Sql.ts(now.minus(Duration.ofDays(((Number) days).longValue()))));
        return " and " + column + " >= ?";
    }

    private static String sqlOp(String op) {
        return switch (op) {
            case "eq" -> "=";
            case "neq" -> "<>";
            case "gt" -> ">";
            case "gte" -> ">=";
            case "lt" -> "<";
            default -> "<=";
        };
    }

    private static String op(Map<String, Object> rule, Set<String> allowed, String at, List<FieldProblem> problems) {
        Object op = rule.get("op");
        if (!(op instanceof String text) || !allowed.contains(text)) {
            problems.add(new FieldProblem(at + ".op", "must be one of " + new java.util.TreeSet<>(allowed)));
            return null;
        }
        return text;
    }

    private static void requireText(Map<String, Object> rule, String field, String at, List<FieldProblem> problems) {
        Object value = rule.get(field);
        if (!(value instanceof String text) || text.isBlank() || text.length() > 200) {
            problems.add(new FieldProblem(at + "." + field, "is required (text up to 200 characters)"));
        }
    }

    private static void requireNumber(Map<String, Object> rule, String field, String at, List<FieldProblem> problems) {
        Object value = rule.get(field);
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            problems.add(new FieldProblem(at + "." + field, "must be a number"));
        }
    }

    private static void optionalDays(Map<String, Object> rule, String at, List<FieldProblem> problems) {
        Object days = rule.get("withinDays");
        if (days != null
                && !(days instanceof Number n
                        && n.doubleValue() >= 1
                        && n.doubleValue() <= 3650
                        && n.doubleValue() == Math.floor(n.doubleValue()))) {
            problems.add(new FieldProblem(at + ".withinDays", "must be a whole number of days from 1 to 3650"));
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
