-- A paused trigger plans nothing for the events that happen while it is paused: the worker scans a
-- trigger's events from the later of its creation and its last resume.
alter table survey_triggers add column resumed_at timestamptz;
