package io.touchpoint.demo.internal;

import io.touchpoint.platform.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the demo shop's history as Segment messages: customers who browse anonymously, sign up,
 * order (a few often, most once or twice), get shipping notices and the odd delay, contact support,
 * visit stores, receive and open newsletters, and write reviews. Deterministic for a seed and an end
 * date; plain Java.
 */
final class DemoShop {

    private final Random random;
    /** A separate stream for feedback moments, so adding them did not change the rest of the shop. */
    private final Random feedbackRandom;

    private final List<Moment> moments = new ArrayList<>();
    private final Map<String, String> languages = new HashMap<>();
    private final Instant end;
    private final Instant start;
    private final int customers;
    private final int targetOrders;
    private int orderCount;
    private int ticketCount;
    private Instant[] signups;
    private Instant[] emailConsentUntil;

    DemoShop(long seed, Instant end, int customers, int orders) {
        this.random = new Random(seed);
        this.feedbackRandom = new Random(seed + 1);
        this.end = end.truncatedTo(ChronoUnit.DAYS);
        this.start = this.end.minus(Duration.ofDays(365));
        this.customers = customers;
        this.targetOrders = orders;
    }

    /** Emits every customer's messages, customer by customer. */
    void generate(Consumer<List<JsonNode>> sink) {
        double meanOrders = (double) targetOrders / customers;
        signups = new Instant[customers + 1];
        emailConsentUntil = new Instant[customers + 1];
        for (int i = 1; i <= customers; i++) {
            List<JsonNode> messages = new ArrayList<>();
            customer(i, meanOrders, messages);
            sink.accept(messages);
        }
        newsletters(sink);
    }

    int orders() {
        return orderCount;
    }

    /**
     * A moment a customer gave feedback: {@code nps} or {@code csat} after a delivery, {@code ces}
     * after a support ticket closed. {@code mood} (−1 … 1) is how it went: delays, refunds and
     * unresolved tickets pull it down.
     */
    record Moment(String kind, String userId, Instant at, String language, double mood, String topic) {}

    /** The feedback moments of the generated shop, known after {@link #generate}. */
    List<Moment> moments() {
        return moments;
    }

    private void moment(String kind, String userId, Instant at, double mood, String topic) {
        if (at.isBefore(end)) {
            double noisy = Math.max(-1, Math.min(1, mood + feedbackRandom.nextGaussian() * 0.35));
            moments.add(new Moment(kind, userId, at, languages.getOrDefault(userId, "ko"), noisy, topic));
        }
    }

    Random feedbackRandom() {
        return feedbackRandom;
    }

    private void customer(int number, double meanOrders, List<JsonNode> out) {
        String userId = String.format("cust-%05d", number);
        String anonymousId = "anon-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        boolean korean = random.nextDouble() < 0.85;
        languages.put(userId, korean ? "ko" : "en");
        String name = korean
                ? pick(DemoCatalog.KOREAN_FAMILY) + pick(DemoCatalog.KOREAN_GIVEN)
                : pick(DemoCatalog.ENGLISH_GIVEN) + " " + pick(DemoCatalog.ENGLISH_FAMILY);
        Instant signup = start.plusSeconds((long) (random.nextDouble() * 330 * 86400));
        signups[number] = signup;
        boolean app = random.nextDouble() < 0.35;
        // before signing up: an anonymous visit or two
        Instant firstVisit = signup.minus(Duration.ofMinutes(5 + random.nextInt(60 * 24 * 7)));
        session(anonymousId, null, firstVisit, 2 + random.nextInt(4), app, out);
        ObjectNode traits = Json.object();
        traits.put("email", userId + "@" + (korean ? "example.co.kr" : "example.com"));
        traits.put("name", name);
        traits.put("phone", String.format("010-%04d-%04d", random.nextInt(10000), random.nextInt(10000)));
        traits.put("city", korean ? pick(DemoCatalog.CITIES) : "Seoul");
        traits.put("language", korean ? "ko" : "en");
        traits.put("created_at", signup.toString());
        ObjectNode identify = message("identify", userId, anonymousId, signup);
        identify.set("traits", traits);
        out.add(identify);
        ObjectNode consent = track("Consent Updated", userId, signup.plusSeconds(5));
        boolean agreed = random.nextDouble() < 0.7;
        ((ObjectNode) consent.get("properties"))
                .put("channel", "email_marketing")
                .put("granted", agreed)
                .put("source", "signup form");
        out.add(consent);
        emailConsentUntil[number] = agreed ? end : signup;
        if (agreed && random.nextDouble() < 0.08) {
            Instant withdrawn = signup.plusSeconds(
                    (long) (random.nextDouble() * Duration.between(signup, end).toSeconds()));
            emailConsentUntil[number] = withdrawn;
            ObjectNode unsubscribe = track("Consent Updated", userId, withdrawn);
            ((ObjectNode) unsubscribe.get("properties"))
                    .put("channel", "email_marketing")
                    .put("granted", false)
                    .put("source", "unsubscribe link");
            out.add(unsubscribe);
        }
        // loyal customers order often, most order once or twice
        double loyalty = random.nextDouble();
        double expected = loyalty < 0.15 ? meanOrders * 4.2 : loyalty < 0.55 ? meanOrders * 0.9 : meanOrders * 0.35;
        int orders = Math.max(loyalty < 0.9 ? 1 : 0, poisson(expected));
        Instant at = signup.plus(Duration.ofMinutes(10 + random.nextInt(120)));
        long span = Duration.between(signup, end).toSeconds();
        for (int k = 0; k < orders && at.isBefore(end); k++) {
            order(userId, at, app && random.nextDouble() < 0.7, out);
            at = at.plusSeconds((long) (span / Math.max(1, orders) * (0.5 + random.nextDouble())));
        }
        int browsing = random.nextInt(4);
        for (int k = 0; k < browsing; k++) {
            Instant when = signup.plusSeconds((long) (random.nextDouble() * span));
            session(null, userId, when, 1 + random.nextInt(5), app, out);
        }
        if (random.nextDouble() < 0.08) {
            ObjectNode visit = track("Store Visited", userId, signup.plusSeconds((long) (random.nextDouble() * span)));
            ((ObjectNode) visit.get("properties")).put("store_id", pick(DemoCatalog.STORES));
            out.add(visit);
        }
    }

    private void order(String userId, Instant at, boolean app, List<JsonNode> out) {
        String orderId = String.format("ord-%06d", ++orderCount);
        session(null, userId, at.minus(Duration.ofMinutes(15)), 1 + random.nextInt(4), app, out);
        int lines = 1 + (random.nextDouble() < 0.35 ? 1 + random.nextInt(2) : 0);
        ArrayNode products = Json.MAPPER.createArrayNode();
        long total = 0;
        for (int l = 0; l < lines; l++) {
            DemoCatalog.Product product = pick(DemoCatalog.PRODUCTS);
            int quantity = random.nextDouble() < 0.8 ? 1 : 2;
            ObjectNode viewed = track("Product Viewed", userId, at.minus(Duration.ofMinutes(12 - l)));
            productProps((ObjectNode) viewed.get("properties"), product, 1);
            channel(viewed, app);
            out.add(viewed);
            ObjectNode added = track("Product Added", userId, at.minus(Duration.ofMinutes(10 - l)));
            productProps((ObjectNode) added.get("properties"), product, quantity);
            channel(added, app);
            out.add(added);
            ObjectNode item = products.addObject();
            productProps(item, product, quantity);
            total += product.price() * quantity;
        }
        long shipping = total >= 50_000 ? 0 : 3_000;
        ObjectNode checkout = track("Checkout Started", userId, at.minus(Duration.ofMinutes(3)));
        ((ObjectNode) checkout.get("properties")).put("value", total + shipping).put("currency", "KRW");
        channel(checkout, app);
        out.add(checkout);
        ObjectNode completed = track("Order Completed", userId, at);
        ObjectNode props = (ObjectNode) completed.get("properties");
        props.put("order_id", orderId)
                .put("total", total + shipping)
                .put("shipping", shipping)
                .put("currency", "KRW");
        props.set("products", products);
        channel(completed, app);
        out.add(completed);
        Instant shipped = at.plus(Duration.ofHours(18 + random.nextInt(40)));
        if (shipped.isAfter(end)) {
            return;
        }
        out.add(orderEvent("Order Shipped", userId, orderId, shipped));
        boolean delayed = random.nextDouble() < 0.09;
        Instant delivered = shipped.plus(Duration.ofHours(20 + random.nextInt(50) + (delayed ? 72 : 0)));
        if (delayed && shipped.plus(Duration.ofHours(30)).isBefore(end)) {
            ObjectNode delay = orderEvent("Order Delayed", userId, orderId, shipped.plus(Duration.ofHours(30)));
            ((ObjectNode) delay.get("properties")).put("reason", random.nextBoolean() ? "carrier_backlog" : "weather");
            out.add(delay);
        }
        if (delivered.isAfter(end)) {
            return;
        }
        out.add(orderEvent("Order Delivered", userId, orderId, delivered));
        double mood = delayed ? -0.55 : 0.35;
        String topic = delayed ? "delivery" : null;
        if (feedbackRandom.nextDouble() < 0.22) {
            moment("csat", userId, delivered.plus(Duration.ofDays(3)), mood, topic);
        }
        if (feedbackRandom.nextDouble() < 0.16) {
            moment("nps", userId, delivered.plus(Duration.ofDays(3 + feedbackRandom.nextInt(3))), mood, topic);
        }
        double problem = random.nextDouble();
        if (delayed && problem < 0.45 || problem < 0.07) {
            ticket(
                    userId,
                    delivered.plus(Duration.ofHours(2 + random.nextInt(48))),
                    delayed ? "delivery_delay" : null,
                    out);
        }
        if (random.nextDouble() < 0.04) {
            ObjectNode refund = orderEvent(
                    "Order Refunded", userId, orderId, delivered.plus(Duration.ofDays(2 + random.nextInt(5))));
            ((ObjectNode) refund.get("properties")).put("total", total).put("currency", "KRW");
            if (refund.get("timestamp").asString().compareTo(end.toString()) < 0) {
                out.add(refund);
            }
        }
        if (random.nextDouble() < 0.12) {
            ObjectNode review =
                    track("Review Submitted", userId, delivered.plus(Duration.ofDays(1 + random.nextInt(6))));
            int rating = delayed ? 2 + random.nextInt(3) : 3 + random.nextInt(3);
            ((ObjectNode) review.get("properties"))
                    .put("review_id", "rev-" + orderId)
                    .put("order_id", orderId)
                    .put("product_id", products.get(0).get("product_id").asString())
                    .put("rating", rating);
            if (review.get("timestamp").asString().compareTo(end.toString()) < 0) {
                out.add(review);
            }
        }
    }

    private void ticket(String userId, Instant opened, String topic, List<JsonNode> out) {
        if (opened.isAfter(end)) {
            return;
        }
        String ticketId = String.format("tkt-%05d", ++ticketCount);
        String subject = topic != null ? topic : pick(DemoCatalog.TICKET_TOPICS);
        ObjectNode open = track("Support Ticket Opened", userId, opened);
        ((ObjectNode) open.get("properties"))
                .put("ticket_id", ticketId)
                .put("topic", subject)
                .put("via", random.nextBoolean() ? "chat" : "phone");
        out.add(open);
        Instant closed = opened.plus(Duration.ofHours(1 + random.nextInt(60)));
        if (closed.isBefore(end)) {
            ObjectNode close = track("Support Ticket Closed", userId, closed);
            ((ObjectNode) close.get("properties"))
                    .put("ticket_id", ticketId)
                    .put("topic", subject)
                    .put("resolved", random.nextDouble() < 0.88);
            out.add(close);
            boolean resolved = close.get("properties").get("resolved").asBoolean();
            if (feedbackRandom.nextDouble() < 0.35) {
                moment("ces", userId, closed.plus(Duration.ofHours(1)), resolved ? 0.25 : -0.7, "support");
            }
        }
    }

    private void newsletters(Consumer<List<JsonNode>> sink) {
        for (int month = 0; month < 12; month++) {
            Instant sent = start.plus(Duration.ofDays(15 + 30L * month)).plus(Duration.ofHours(1));
            String campaign = "newsletter-"
                    + sent.atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
            List<JsonNode> batch = new ArrayList<>();
            for (int i = 1; i <= customers; i++) {
                // newsletters go only to customers who had agreed to email marketing by then
                if (signups[i].isAfter(sent) || !emailConsentUntil[i].isAfter(sent) || random.nextDouble() > 0.85) {
                    continue;
                }
                String userId = String.format("cust-%05d", i);
                String emailId = campaign + "-" + userId;
                batch.add(email("Email Delivered", userId, campaign, emailId, sent));
                if (random.nextDouble() < 0.38) {
                    Instant opened = sent.plus(Duration.ofMinutes(5 + random.nextInt(3000)));
                    batch.add(email("Email Opened", userId, campaign, emailId, opened));
                    if (random.nextDouble() < 0.22) {
                        ObjectNode click =
                                email("Email Link Clicked", userId, campaign, emailId, opened.plusSeconds(40));
                        ((ObjectNode) click.get("properties")).put("link_url", "https://shop.example/events");
                        batch.add(click);
                    }
                }
                if (batch.size() >= 1000) {
                    sink.accept(batch);
                    batch = new ArrayList<>();
                }
            }
            sink.accept(batch);
        }
    }

    private void session(String anonymousId, String userId, Instant at, int pages, boolean app, List<JsonNode> out) {
        for (int p = 0; p < pages; p++) {
            Instant when = at.plus(Duration.ofSeconds(20L + 50L * p + random.nextInt(40)));
            if (when.isAfter(end)) {
                return;
            }
            String path = pick(DemoCatalog.PAGES);
            ObjectNode page = message(app ? "screen" : "page", userId, anonymousId, when);
            page.put("name", path.equals("/") ? "Home" : path.substring(path.lastIndexOf('/') + 1));
            ObjectNode properties = page.putObject("properties");
            properties.put("path", path).put("url", "https://shop.example" + path);
            channel(page, app);
            out.add(page);
        }
    }

    private ObjectNode orderEvent(String event, String userId, String orderId, Instant at) {
        ObjectNode message = track(event, userId, at);
        ((ObjectNode) message.get("properties")).put("order_id", orderId);
        return message;
    }

    private ObjectNode email(String event, String userId, String campaign, String emailId, Instant at) {
        ObjectNode message = track(event, userId, at);
        ((ObjectNode) message.get("properties")).put("campaign_id", campaign).put("email_id", emailId);
        return message;
    }

    private ObjectNode track(String event, String userId, Instant at) {
        ObjectNode message = message("track", userId, null, at);
        message.put("event", event);
        message.putObject("properties");
        return message;
    }

    private ObjectNode message(String type, String userId, String anonymousId, Instant at) {
        ObjectNode message = Json.object();
        message.put("type", type);
        message.put("messageId", "demo-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE));
        if (userId != null) {
            message.put("userId", userId);
        }
        if (anonymousId != null) {
            message.put("anonymousId", anonymousId);
        }
        message.put("timestamp", at.truncatedTo(ChronoUnit.SECONDS).toString());
        return message;
    }

    private static void productProps(ObjectNode node, DemoCatalog.Product product, int quantity) {
        node.put("product_id", product.id())
                .put("name", product.name())
                .put("category", product.category())
                .put("price", product.price())
                .put("quantity", quantity);
    }

    private void channel(ObjectNode message, boolean app) {
        if (app) {
            message.putObject("context")
                    .putObject("app")
                    .put("name", "Shop app")
                    .put("version", "5.2.0");
        }
    }

    private int poisson(double mean) {
        double limit = Math.exp(-Math.min(mean, 30));
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
