package io.touchpoint.customers;

import java.util.List;

/**
 * Who belongs to a segment: people matching all (or any) of the rules.
 *
 * @param match "all" or "any"
 * @param rules each rule is a map as in the API:
 *     {@code {"type":"trait","name":"city","op":"eq","value":"서울"}},
 *     {@code {"type":"event_count","event":"Order Delayed","op":"gte","value":2,"withinDays":30}},
 *     {@code {"type":"orders","metric":"revenue","op":"gte","value":500000,"withinDays":365}},
 *     {@code {"type":"rfm","op":"gte","value":12}}
 */
public record SegmentDefinition(String match, List<java.util.Map<String, Object>> rules) {}
