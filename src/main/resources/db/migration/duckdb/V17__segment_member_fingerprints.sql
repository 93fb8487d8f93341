-- When a segment's stored members last changed, as a set (ADR 0028): a refresh that finds the same
-- people (same count and sum of their ids' hashes) keeps the time, so the per-segment rollups
-- computed from those members stay in use instead of being rebuilt every refresh interval.
alter table segment_snapshots add column members_changed_at timestamptz;
alter table segment_snapshots add column fingerprint text;
update segment_snapshots set members_changed_at = computed_at;
