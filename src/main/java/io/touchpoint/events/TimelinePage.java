package io.touchpoint.events;

import java.util.List;

/** A page of a timeline, newest first; {@code next} is the cursor for the following page, or null. */
public record TimelinePage(List<TimelineItem> items, String next) {}
