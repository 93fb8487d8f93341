package io.touchpoint.events;

import io.touchpoint.events.internal.TimelineReads;
import io.touchpoint.platform.InvalidInputException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Every interaction of one person across channels, newest first, paginated by cursor. */
@Service
public class Timeline {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    private final TimelineReads reads;

    Timeline(TimelineReads reads) {
        this.reads = reads;
    }

    /**
     * @param profiles the person's profiles (root and merged ones)
     * @param before   a cursor from a previous page, or null for the newest
     * @param channel  only this channel, or null
     * @param type     only this message type or event name, or null
     */
    public TimelinePage page(
            UUID workspaceId, List<UUID> profiles, Integer limit, String before, String channel, String type) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return reads.page(workspaceId, profiles, size, before, channel, type);
    }
}
