import io.touchpoint.customers.SegmentDefinition;
import io.touchpoint.customers.Segments;
import io.touchpoint.feedback.Survey;
import io.touchpoint.feedback.Surveys;
import io.touchpoint.platform.Dialect;
import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Json;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.WriteContext;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Writes the metrics benchmark's data set into a fresh store through the store's own bulk path
 * inside its write units ({@code WriteContext.bulk()}: DuckDB's Appender; on PostgreSQL {@code COPY} on
 * the unit's connection): customers with
 * tier and city traits, behavioural events with orders and their items, survey responses with
 * answers (each finished one also leaves its "Survey Answered" event, as the product does), four
 * live surveys and six segments created through the product's own services.
 *
 * <p>Usage: {@code MetricsData --data-dir DIR [--port 18084] [--customers 100000] [--responses 1000000]
 * [--events 10000000] [--days 730] [--seed 5]}. {@code --events} counts every event, the survey
 * events included. The store must hold no responses yet.
 */
final class MetricsData {

    private static final int CHUNK = 50_000;
    private static final String[] TIERS = {"bronze", "silver", "gold", "vip"};
    private static final double[] TIER_SHARE = {0.50, 0.30, 0.15, 0.05};
    private static final double[] TIER_MOOD = {-0.35, 0.0, 0.35, 0.8};
    private static final String[] CITIES = {"서울", "부산", "인천", "대구", "대전", "광주", "수원", "Busan"};
    private static final double[] CITY_SHARE = {0.36, 0.14, 0.11, 0.09, 0.08, 0.07, 0.10, 0.05};
    private static final String[] CATEGORIES = {"Shoes", "Bags", "Outerwear", "Beauty", "Kitchen", "Books"};
    private static final String[] PAGES = {"Home", "Category", "Product Detail", "Cart", "Search", "Event"};

    /** Behavioural event mix (the survey events come on top, one per finished response). */
    private static final String[][] MIX = {
        {"page", null},
        {"track", "Product Viewed"},
        {"track", "Product Added"},
        {"track", "Checkout Started"},
        {"track", "Order Completed"},
        {"track", "Order Delivered"},
        {"track", "Email Delivered"},
        {"track", "Email Opened"},
        {"track", "Email Link Clicked"},
        {"track", "Support Ticket Opened"},
        {"track", "Store Visited"}
    };

    private static final double[] MIX_SHARE = {0.42, 0.28, 0.06, 0.035, 0.03, 0.028, 0.08, 0.04, 0.012, 0.005, 0.01};

    private static final List<String> EVENT_COLUMNS = List.of(
            "workspace_id",
            "message_id",
            "customer_id",
            "type",
            "event",
            "channel",
            "ts",
            "received_at",
            "sent_at",
            "properties",
            "context");

    /** One generated person. */
    private record Person(
            UUID id, String userId, Instant createdAt, int tier, int city, String language, double mood) {}

    private final Store store;
    private final UUID workspaceId;
    private final SplittableRandom random;
    private final Instant start;
    private final Instant end;
    private final Person[] people;
    private final double[] activity;
    private long orders;
    private long items;

    private MetricsData(Store store, UUID workspaceId, long seed, Instant start, Instant end, int customers) {
        this.store = store;
        this.workspaceId = workspaceId;
        this.random = new SplittableRandom(seed);
        this.start = start;
        this.end = end;
        this.people = new Person[customers];
        this.activity = new double[customers];
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = BenchApp.options(argv);
        int customers = Integer.parseInt(args.getOrDefault("customers", "100000"));
        int responses = Integer.parseInt(args.getOrDefault("responses", "1000000"));
        long events = Long.parseLong(args.getOrDefault("events", "10000000"));
        int days = Integer.parseInt(args.getOrDefault("days", "730"));
        long seed = Long.parseLong(args.getOrDefault("seed", "5"));
        try (ConfigurableApplicationContext app =
                // rollups off while the rows go in around the product's writes: the benchmark builds
                // them when it starts (older builds ignore the setting)
                BenchApp.start(
                        Integer.parseInt(args.getOrDefault("port", "18084")),
                        args.get("data-dir"),
                        "--touchpoint.metrics.rollups=off")) {
            Store store = app.getBean(Store.class);
            Workspaces workspaces = app.getBean(Workspaces.class);
            Workspace first = workspaces.defaultWorkspace();
            // a Korean shop: buckets in Seoul time, as the dashboard of such a shop shows them
            Workspace workspace = workspaces.updateSettings(first.id(), first.name(), "Asia/Seoul", "ko");
            long existing = store.reads()
                    .sql("select count(*) from responses where workspace_id = ?")
                    .param(workspace.id())
                    .query(Long.class)
                    .single();
            if (existing > 0) {
                throw new IllegalStateException("the store already holds " + existing + " responses");
            }
            // up to now, not to the end of today: nothing answered or happened in the future
            Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant start = end.minus(Duration.ofDays(days));
            MetricsData data = new MetricsData(store, workspace.id(), seed, start, end, customers);
            long began = System.nanoTime();
            data.people();
            List<Survey> surveys = data.surveys(app.getBean(Surveys.class));
            long surveyEvents = data.responses(surveys, responses);
            long behavioural = Math.max(0, events - surveyEvents);
            data.events(behavioural);
            data.segments(app.getBean(Segments.class));
            // what the store holds, not what was sent: a bulk path that drops rows must not pass unnoticed
            for (Object[] expected : List.of(
                    new Object[] {"responses", (long) responses},
                    new Object[] {"events", behavioural + surveyEvents})) {
                long stored = store.reads()
                        .sql("select count(*) from " + expected[0] + " where workspace_id = ?")
                        .param(workspace.id())
                        .query(Long.class)
                        .single();
                if (stored != (long) expected[1]) {
                    throw new IllegalStateException(
                            "the store holds " + stored + " " + expected[0] + ", " + expected[1] + " were written");
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf(
                    "generated in %.0f s: %,d customers, %,d responses, %,d events (%,d survey events), %,d orders, "
                            + "%,d order items; time zone %s, %s to %s%n",
                    seconds,
                    customers,
                    responses,
                    behavioural + surveyEvents,
                    surveyEvents,
                    data.orders,
                    data.items,
                    workspace.timeZone(),
                    start,
                    end);
            System.out.printf(
                    "RESULT seconds=%.1f customers=%d responses=%d events=%d orders=%d%n",
                    seconds, customers, responses, behavioural + surveyEvents, data.orders);
        }
    }

    /** Customers, their user-id identities and their tier and city traits. */
    private void people() throws Exception {
        long windowSeconds = Duration.between(start, end).getSeconds();
        List<Object[]> customers = new ArrayList<>();
        List<Object[]> identities = new ArrayList<>();
        List<Object[]> traits = new ArrayList<>();
        for (int i = 0; i < people.length; i++) {
            int tier = pick(TIER_SHARE);
            int city = pick(CITY_SHARE);
            String language = random.nextDouble() < 0.85 ? "ko" : "en";
            double mood = TIER_MOOD[tier] + random.nextDouble() * 1.2 - 0.6;
            Instant created = start.plusSeconds((long) (random.nextDouble() * windowSeconds * 0.9));
            Person person =
                    new Person(Ids.next(), String.format("bench-u%07d", i), created, tier, city, language, mood);
            people[i] = person;
            // heavy-tailed activity: a few people cause much of the traffic, more so in higher tiers
            activity[i] = Math.exp(random.nextDouble() * 2.5 + tier * 0.4);
            OffsetDateTime at = utc(created);
            customers.add(new Object[] {workspaceId, person.id(), person.id(), null, person.userId(), at});
            identities.add(new Object[] {workspaceId, "USER_ID", person.userId(), person.id(), at});
            traits.add(trait(person, "tier", TIERS[tier], at));
            traits.add(trait(person, "city", CITIES[city], at));
        }
        for (int i = 1; i < activity.length; i++) {
            activity[i] += activity[i - 1];
        }
        insert(
                "customers",
                List.of("workspace_id", "id", "root_id", "merged_into", "user_id", "created_at"),
                customers);
        insert("identities", List.of("workspace_id", "kind", "value", "customer_id", "created_at"), identities);
        insert(
                "trait_history",
                List.of(
                        "workspace_id",
                        "customer_id",
                        "name",
                        "value",
                        "message_id",
                        "observed_at",
                        "value_text",
                        "value_number"),
                traits);
    }

    private Object[] trait(Person person, String name, String value, OffsetDateTime at) {
        return new Object[] {workspaceId, person.id(), name, Json.write(value), null, at, value, null};
    }

    private List<Survey> surveys(Surveys surveys) {
        List<Survey> live = new ArrayList<>();
        for (String json : List.of(POST_PURCHASE, RELATIONSHIP, DELIVERY, SUPPORT)) {
            Survey survey = surveys.create(workspaceId, Json.read(json));
            live.add(surveys.publish(workspaceId, survey.id()));
        }
        return live;
    }

    /** @return how many "Survey Answered" events were written */
    private long responses(List<Survey> surveys, int count) throws Exception {
        double[] surveyShare = {0.55, 0.20, 0.15, 0.10};
        String[] touchpoints = {"post_purchase", "relationship", "delivery", "support"};
        Instant checkout = end.minus(Duration.ofDays(120)); // "new checkout": scores improve after it
        List<Object[]> responseRows = new ArrayList<>();
        List<Object[]> answerRows = new ArrayList<>();
        List<Object[]> eventRows = new ArrayList<>();
        long surveyEvents = 0;
        // who answered when, drawn first and written in time order with ids of their start time,
        // as a live shop's responses arrive: rows and UUIDv7 ids then follow the finish times,
        // which is what lets the store skip most of the answers when it reads a recent day
        int[] who = new int[count];
        long[] when = new long[count];
        for (int i = 0; i < count; i++) {
            who[i] = person();
            when[i] = time(people[who[i]].createdAt()).getEpochSecond();
        }
        Integer[] byTime = new Integer[count];
        for (int i = 0; i < count; i++) {
            byTime[i] = i;
        }
        java.util.Arrays.sort(byTime, java.util.Comparator.comparingLong(i -> when[i]));
        for (int i = 0; i < count; i++) {
            int s = pick(surveyShare);
            Survey survey = surveys.get(s);
            Person person = people[who[byTime[i]]];
            Instant finished = Instant.ofEpochSecond(when[byTime[i]]);
            Instant started = finished.minusSeconds(30 + random.nextInt(300));
            double c = random.nextDouble();
            String channel = c < 0.55 ? "email" : c < 0.80 ? "widget" : c < 0.95 ? "link" : "api";
            boolean partial = random.nextDouble() < 0.03;
            double lift = finished.isAfter(checkout) ? 0.5 : 0.0;
            double mood = person.mood() + lift + ("widget".equals(channel) ? -0.3 : 0.0);
            UUID id = timeOrderedId(started);
            int nps = clamp((int) Math.round(7.6 + 1.6 * mood + gaussian() * 1.7), 0, 10);
            Integer npsScore = null;
            List<Object[]> answers = new ArrayList<>();
            switch (s) {
                case 0, 1 -> {
                    answers.add(score(id, "nps", "nps", nps, 10, false));
                    npsScore = nps;
                }
                case 2 -> {
                    int csat = clamp((int) Math.round(3.9 + 0.9 * mood + gaussian() * 0.8), 1, 5);
                    answers.add(score(id, "csat", "csat", csat, 5, false));
                    answers.add(score(id, "nps", "nps", nps, 10, false));
                    npsScore = nps;
                }
                default -> {
                    int ces = clamp((int) Math.round(5.0 + 1.2 * mood + gaussian() * 1.0), 1, 7);
                    answers.add(score(id, "ces", "ces", ces, 7, false));
                }
            }
            boolean comment = !partial && random.nextDouble() < 0.3;
            if (comment) {
                answers.add(new Object[] {
                    workspaceId, id, "why", "text", 0, null, comment(person.language(), nps), null, false
                });
            }
            answerRows.addAll(answers);
            OffsetDateTime at = utc(finished);
            responseRows.add(new Object[] {
                workspaceId,
                id,
                survey.id(),
                survey.version(),
                person.id(),
                channel,
                touchpoints[s],
                person.language(),
                utc(started),
                partial ? null : at,
                partial,
                npsScore
            });
            if (!partial) {
                String properties = "{\"survey_id\":\"" + survey.id() + "\",\"survey_name\":\""
                        + survey.definition().name() + "\",\"response_id\":\"" + id + "\",\"channel\":\"" + channel
                        + "\"" + (npsScore == null ? "" : ",\"nps\":" + npsScore) + "}";
                eventRows.add(new Object[] {
                    workspaceId,
                    "survey-" + id,
                    person.id(),
                    "track",
                    "Survey Answered",
                    "email".equals(channel) ? "email" : "web",
                    at,
                    at,
                    null,
                    properties,
                    null
                });
                surveyEvents++;
            }
            if (responseRows.size() == CHUNK || i == count - 1) {
                List<Object[]> r = responseRows, a = answerRows, e = eventRows;
                store.write(tx -> {
                    load(
                            tx,
                            "responses",
                            List.of(
                                    "workspace_id",
                                    "id",
                                    "survey_id",
                                    "version",
                                    "customer_id",
                                    "channel",
                                    "touchpoint",
                                    "language",
                                    "started_at",
                                    "finished_at",
                                    "partial",
                                    "nps_score"),
                            r);
                    load(
                            tx,
                            "answers",
                            List.of(
                                    "workspace_id",
                                    "response_id",
                                    "question_id",
                                    "question_type",
                                    "ordinal",
                                    "value_number",
                                    "value_text",
                                    "scale_max",
                                    "reversed"),
                            a);
                    load(tx, "events", EVENT_COLUMNS, e);
                    return null;
                });
                responseRows = new ArrayList<>();
                answerRows = new ArrayList<>();
                eventRows = new ArrayList<>();
                progress("responses", i + 1L, count);
            }
        }
        return surveyEvents;
    }

    private Object[] score(UUID response, String question, String type, int value, int max, boolean reversed) {
        return new Object[] {workspaceId, response, question, type, 0, (double) value, null, max, reversed};
    }

    /** Behavioural events; each "Order Completed" also writes its order and items. */
    private void events(long count) throws Exception {
        List<Object[]> eventRows = new ArrayList<>();
        List<Object[]> orderRows = new ArrayList<>();
        List<Object[]> itemRows = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            Person person = people[person()];
            Instant ts = time(person.createdAt());
            String[] kind = MIX[pick(MIX_SHARE)];
            String type = kind[0];
            String event = kind[1];
            String properties;
            String channel = "web";
            if (event == null) {
                String page = PAGES[random.nextInt(PAGES.length)];
                event = page;
                properties = "{\"name\":\"" + page + "\",\"path\":\"/"
                        + page.toLowerCase().replace(' ', '-') + "\"}";
            } else {
                switch (event) {
                    case "Order Completed" -> {
                        String orderId = String.format("bench-o%08d", orders++);
                        int lines = 1 + random.nextInt(3);
                        BigDecimal total = BigDecimal.ZERO;
                        StringBuilder products = new StringBuilder();
                        for (int line = 0; line < lines; line++) {
                            int product = random.nextInt(500);
                            BigDecimal price = BigDecimal.valueOf(9_000L + 1_000L * (product % 90))
                                    .setScale(2);
                            int quantity = 1 + (random.nextDouble() < 0.2 ? 1 : 0);
                            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
                            String category = CATEGORIES[product % CATEGORIES.length];
                            itemRows.add(new Object[] {
                                workspaceId,
                                orderId,
                                line,
                                "p" + product,
                                "Product " + product,
                                category,
                                price,
                                quantity
                            });
                            items++;
                            products.append(line == 0 ? "" : ",")
                                    .append("{\"product_id\":\"p")
                                    .append(product)
                                    .append("\",\"price\":")
                                    .append(price)
                                    .append(",\"quantity\":")
                                    .append(quantity)
                                    .append('}');
                        }
                        boolean refunded = random.nextDouble() < 0.03;
                        Instant delivered = ts.plus(Duration.ofHours(30 + random.nextInt(60)));
                        orderRows.add(new Object[] {
                            workspaceId,
                            orderId,
                            person.id(),
                            total,
                            "KRW",
                            refunded ? "refunded" : "delivered",
                            utc(refunded ? delivered.plus(Duration.ofDays(5)) : delivered),
                            utc(ts),
                            utc(ts.plus(Duration.ofHours(20))),
                            utc(delivered),
                            refunded ? utc(delivered.plus(Duration.ofDays(5))) : null,
                            refunded ? total : null,
                            random.nextDouble() < 0.04 ? 1 : 0,
                            utc(delivered)
                        });
                        properties = "{\"order_id\":\"" + orderId + "\",\"total\":" + total
                                + ",\"currency\":\"KRW\",\"products\":[" + products + "]}";
                    }
                    case "Product Viewed", "Product Added" -> {
                        int product = random.nextInt(500);
                        properties = "{\"product_id\":\"p" + product + "\",\"category\":\""
                                + CATEGORIES[product % CATEGORIES.length] + "\",\"price\":"
                                + (9_000 + 1_000 * (product % 90))
                                + "}";
                    }
                    default -> properties = "{}";
                }
                if (event.startsWith("Email ")) {
                    channel = "email";
                } else if (event.startsWith("Support")) {
                    channel = "support";
                } else if (event.equals("Store Visited")) {
                    channel = "store";
                }
            }
            if ("web".equals(channel) && random.nextDouble() < 0.45) {
                channel = "app";
            }
            OffsetDateTime at = utc(ts);
            eventRows.add(new Object[] {
                workspaceId,
                String.format("bench-e%010d", i),
                person.id(),
                type,
                event,
                channel,
                at,
                at,
                at,
                properties,
                "app".equals(channel) ? "{\"app\":{\"name\":\"shop\"}}" : "{\"locale\":\"ko-KR\"}"
            });
            if (eventRows.size() == CHUNK * 2 || i == count - 1) {
                List<Object[]> e = eventRows, o = orderRows, it = itemRows;
                store.write(tx -> {
                    load(tx, "events", EVENT_COLUMNS, e);
                    load(
                            tx,
                            "orders",
                            List.of(
                                    "workspace_id",
                                    "order_id",
                                    "customer_id",
                                    "total",
                                    "currency",
                                    "status",
                                    "status_at",
                                    "placed_at",
                                    "shipped_at",
                                    "delivered_at",
                                    "refunded_at",
                                    "refund_total",
                                    "delayed_count",
                                    "updated_at"),
                            o);
                    load(
                            tx,
                            "order_items",
                            List.of(
                                    "workspace_id",
                                    "order_id",
                                    "line",
                                    "product_id",
                                    "name",
                                    "category",
                                    "price",
                                    "quantity"),
                            it);
                    return null;
                });
                eventRows = new ArrayList<>();
                orderRows = new ArrayList<>();
                itemRows = new ArrayList<>();
                progress("events", i + 1, count);
            }
        }
    }

    /** The segments the breakdown by segment shows, one of each rule type. */
    private void segments(Segments segments) {
        segments.create(workspaceId, "VIP", "tier is vip", definition("all", rule("trait", "tier", "eq", "vip")));
        segments.create(
                workspaceId,
                "Gold and VIP",
                "tier is gold or vip",
                definition("any", rule("trait", "tier", "eq", "gold"), rule("trait", "tier", "eq", "vip")));
        segments.create(workspaceId, "Seoul", "lives in Seoul", definition("all", rule("trait", "city", "eq", "서울")));
        segments.create(
                workspaceId,
                "Repeat buyers",
                "3 orders or more",
                definition("all", Map.of("type", "orders", "metric", "count", "op", "gte", "value", 3)));
        segments.create(
                workspaceId,
                "Big spenders (1 year)",
                "₩500,000 or more in the last 365 days",
                definition(
                        "all",
                        Map.of(
                                "type",
                                "orders",
                                "metric",
                                "revenue",
                                "op",
                                "gte",
                                "value",
                                500000,
                                "withinDays",
                                365)));
        segments.create(
                workspaceId,
                "Recent support contact",
                "opened a support ticket in the last 90 days",
                definition(
                        "all",
                        Map.of(
                                "type",
                                "event_count",
                                "event",
                                "Support Ticket Opened",
                                "op",
                                "gte",
                                "value",
                                1,
                                "withinDays",
                                90)));
        segments.create(
                workspaceId,
                "Champions (RFM ≥ 12)",
                "recency + frequency + monetary quintile scores",
                definition("all", Map.of("type", "rfm", "op", "gte", "value", 12)));
    }

    @SafeVarargs
    private static SegmentDefinition definition(String match, Map<String, Object>... rules) {
        return new SegmentDefinition(match, List.of(rules));
    }

    private static Map<String, Object> rule(String type, String name, String op, String value) {
        return Map.of("type", type, "name", name, "op", op, "value", value);
    }

    private void insert(String table, List<String> columns, List<Object[]> rows) throws Exception {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            store.write(tx -> load(tx, table, columns, chunk));
        }
        System.out.printf("  %s: %,d rows%n", table, rows.size());
    }

    /**
     * Adds rows inside the write unit: on PostgreSQL with {@code COPY} (the store's bulk path sends
     * multi-row inserts, several times slower for tens of millions of rows), elsewhere through the
     * store's bulk path for rows known to be new (DuckDB: its Appender). Not the "ignoring
     * duplicates" path: DuckDB 2.0's {@code INSERT … SELECT … ON CONFLICT DO NOTHING} takes NULLs in a
     * unique key as equal, and kept one response per chunk (responses' single-use and client keys
     * are NULL here).
     */
    private static int load(WriteContext tx, String table, List<String> columns, List<Object[]> rows) throws Exception {
        if (tx.dialect() != Dialect.POSTGRESQL) {
            tx.bulk().appendNew(table, columns, rows);
            return rows.size();
        }
        StringBuilder csv = new StringBuilder(rows.size() * 200);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (row[i] != null) {
                    csv.append('"')
                            .append(row[i].toString().replace("\"", "\"\""))
                            .append('"');
                }
            }
            csv.append('\n');
        }
        return (int) tx.connection()
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn(
                        "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)",
                        new StringReader(csv.toString()));
    }

    /** A person, more often an active one. */
    private int person() {
        double target = random.nextDouble() * activity[activity.length - 1];
        int low = 0, high = activity.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (activity[mid] < target) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** A moment after the person's first appearance, more often recent (traffic grows over the window). */
    /** A UUIDv7 of this instant, as {@code Ids.next()} gives at that moment (random bits from the seed). */
    private UUID timeOrderedId(Instant at) {
        long msb = (at.toEpochMilli() << 16) | 0x7000L | random.nextInt(0x1000);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private Instant time(Instant from) {
        long window = Duration.between(from, end).getSeconds();
        return from.plusSeconds((long) (Math.sqrt(random.nextDouble()) * (window - 1)));
    }

    private int pick(double[] shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    private double gaussian() {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private String comment(String language, int nps) {
        if ("ko".equals(language)) {
            return nps >= 9 ? "배송이 빠르고 상품이 좋아요" : nps >= 7 ? "괜찮았지만 배송이 조금 늦었어요" : "결제 과정이 너무 불편했어요";
        }
        return nps >= 9
                ? "Fast delivery, great products"
                : nps >= 7 ? "Fine, delivery was a bit slow" : "Checkout was painful";
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void progress(String what, long done, long of) {
        if (done == of || done % 1_000_000 == 0) {
            System.out.printf("  %s: %,d of %,d%n", what, done, of);
        }
    }

    private static final String POST_PURCHASE =
            """
            {"name":"구매 후 NPS","defaultLanguage":"ko","questions":[
              {"id":"nps","type":"nps","text":{"ko":"추천할 가능성은 얼마나 되나요?","en":"How likely are you to recommend us?"}},
              {"id":"why","type":"text","text":{"ko":"그 이유는 무엇인가요?","en":"What is the main reason?"}}]}
            """;

    private static final String RELATIONSHIP =
            """
            {"name":"관계 NPS (분기)","defaultLanguage":"ko","questions":[
              {"id":"nps","type":"nps","text":{"ko":"추천할 가능성은 얼마나 되나요?","en":"How likely are you to recommend us?"}},
              {"id":"why","type":"text","text":{"ko":"그 이유는 무엇인가요?","en":"What is the main reason?"}}]}
            """;

    private static final String DELIVERY =
            """
            {"name":"배송 만족도","defaultLanguage":"ko","questions":[
              {"id":"csat","type":"csat","scale":5,"text":{"ko":"배송에 만족하셨나요?","en":"How satisfied were you with the delivery?"}},
              {"id":"nps","type":"nps","text":{"ko":"추천할 가능성은 얼마나 되나요?","en":"How likely are you to recommend us?"}},
              {"id":"why","type":"text","text":{"ko":"그 이유는 무엇인가요?","en":"What is the main reason?"}}]}
            """;

    private static final String SUPPORT =
            """
            {"name":"상담 후 CES","defaultLanguage":"ko","questions":[
              {"id":"ces","type":"ces","scale":7,"text":{"ko":"문제를 쉽게 해결할 수 있었나요?","en":"The company made it easy to handle my issue."}},
              {"id":"why","type":"text","text":{"ko":"그 이유는 무엇인가요?","en":"What is the main reason?"}}]}
            """;
}
