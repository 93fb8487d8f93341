package io.touchpoint.workspace;

import java.time.ZoneId;
import java.util.UUID;

/** A tenant: every row of every table belongs to one. */
public record Workspace(UUID id, String name, ZoneId timeZone, String defaultLanguage) {}
