package io.touchpoint.feedback;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Answers arriving for a survey, from any channel. The same response may arrive in several steps
 * (a hosted page saves each answer as it is given); {@code finished} closes it.
 *
 * @param responseId  the response to continue, or null
 * @param clientKey   an id chosen by the sender; a retry with the same key returns the first response
 * @param customerId  the profile that answered (root id), or null when anonymous
 * @param channel     link, email, widget or api
 * @param tokenId     the personal link's token id, or null
 * @param singleUse   whether that link may be answered once only
 * @param sendId      the triggered send the answer belongs to, or null
 * @param submittedAt when it was answered; null means now
 */
public record ResponseSubmission(
        UUID responseId,
        String clientKey,
        UUID customerId,
        String channel,
        String touchpoint,
        String language,
        UUID tokenId,
        boolean singleUse,
        UUID sendId,
        Map<String, JsonNode> answers,
        boolean finished,
        Instant submittedAt) {}
