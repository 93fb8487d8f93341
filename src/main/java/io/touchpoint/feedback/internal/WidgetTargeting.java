package io.touchpoint.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Decides whether a survey's widget targeting matches a page view: the address, the events tracked
 * in the page, and the person's place in the sample. Plain Java.
 */
public final class WidgetTargeting {

    /** Why a widget does not match: a stable code and a sentence. */
    public record Miss(String code, String detail) {}

    private WidgetTargeting() {}

    /**
     * @param url       the page's address as the browser reports it ({@code location.href})
     * @param events    the events tracked in this page
     * @param personKey what identifies the person for sampling: their user id, else their anonymous id
     * @return empty when the widget may show the survey on this page to this person
     */
    public static Optional<Miss> check(SurveyWidget widget, String url, Collection<String> events, String personKey) {
        if (!widget.enabled()) {
            return Optional.of(new Miss("disabled", "the widget is turned off for this survey"));
        }
        if (!urlMatches(widget.urlPattern(), url)) {
            return Optional.of(new Miss("url", "the page does not match " + widget.urlPattern()));
        }
        if (widget.event() != null && !events.contains(widget.event())) {
            return Optional.of(new Miss("event", widget.event() + " was not tracked in this page"));
        }
        if (!sampled(widget.surveyId(), personKey, widget.samplePct())) {
            return Optional.of(new Miss("sampled_out", "not in the " + widget.samplePct() + "% sample"));
        }
        return Optional.empty();
    }

    /**
     * Whether an address matches a glob, ignoring case. A pattern that starts with {@code /} is
     * matched against the path (with the query string only when the pattern has a {@code ?}), any
     * other pattern against the whole address; the fragment never counts. A null or blank pattern
     * matches every page.
     */
    public static boolean urlMatches(String pattern, String url) {
        if (pattern == null || pattern.isBlank()) {
            return true;
        }
        if (url == null) {
            return false;
        }
        String address = strip(url, '#');
        String subject = address;
        if (pattern.startsWith("/")) {
            subject = path(address);
            if (pattern.indexOf('?') < 0) {
                subject = strip(subject, '?');
            }
        }
        return glob(pattern.strip()).matcher(subject).matches();
    }

    /** Deterministic sampling: the same person and survey always get the same answer. */
    public static boolean sampled(UUID surveyId, String personKey, int samplePct) {
        if (samplePct >= 100) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update((surveyId + "|" + personKey).getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < samplePct;
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', start)) {
            if (star > start) {
                regex.append(Pattern.quote(pattern.substring(start, star)));
            }
            regex.append(".*");
            start = star + 1;
        }
        if (start < pattern.length()) {
            regex.append(Pattern.quote(pattern.substring(start)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** The path and query of an address ({@code https://shop.example/a/b?x=1} → {@code /a/b?x=1}). */
    static String path(String address) {
        int scheme = address.indexOf("://");
        if (scheme < 0) {
            return address.startsWith("/") ? address : "/" + address;
        }
        int slash = address.indexOf('/', scheme + 3);
        int query = address.indexOf('?', scheme + 3);
        if (slash < 0 || (query >= 0 && query < slash)) {
            return query < 0 ? "/" : "/" + address.substring(query);
        }
        return address.substring(slash);
    }

    private static String strip(String value, char from) {
        int at = value.indexOf(from);
        return at < 0 ? value : value.substring(0, at);
    }

    /** The key a person is sampled by. */
    public static String personKey(String userId, String anonymousId) {
        return userId != null ? "u:" + userId : "a:" + anonymousId;
    }
}
