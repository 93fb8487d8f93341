import java.util.SplittableRandom;

/**
 * Realistic Segment messages for the ingestion benchmark: product views, completed orders with
 * products, page views and identifies from a fixed population of users. The load generator sends
 * them as JSON; the raw appender stores the same fields as rows of the {@code events} table.
 */
final class BenchEvents {

    /** One message: its Segment fields, and the stored {@code properties} (traits for identify) and {@code context}. */
    record Message(
            String messageId,
            String type,
            String userId,
            String anonymousId,
            String event,
            String propertiesJson,
            String contextJson) {

        /** The message as a Segment JSON object, with {@code timestamp} and {@code sentAt}. */
        String json(String timestamp) {
            StringBuilder out = new StringBuilder(propertiesJson.length() + contextJson.length() + 256);
            out.append("{\"type\":\"")
                    .append(type)
                    .append("\",\"messageId\":\"")
                    .append(messageId);
            out.append("\",\"userId\":\"")
                    .append(userId)
                    .append("\",\"anonymousId\":\"")
                    .append(anonymousId);
            out.append('"');
            if ("track".equals(type)) {
                out.append(",\"event\":\"").append(event).append('"');
            } else if ("page".equals(type)) {
                out.append(",\"name\":\"").append(event).append('"');
            }
            out.append("identify".equals(type) ? ",\"traits\":" : ",\"properties\":")
                    .append(propertiesJson);
            out.append(",\"context\":").append(contextJson);
            out.append(",\"timestamp\":\"")
                    .append(timestamp)
                    .append("\",\"sentAt\":\"")
                    .append(timestamp);
            return out.append("\"}").toString();
        }
    }

    private static final String[] CATEGORIES = {"Shoes", "Bags", "Outerwear", "Beauty", "Kitchen", "Books"};
    private static final String[] PAGES = {"Home", "Category", "Product Detail", "Cart", "Search", "Event"};
    private static final String[] NAMES = {"김민지", "이서준", "박지우", "Kim Hana", "Lee Minho", "Choi Yuna"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 14; SM-S921N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
    };

    private final SplittableRandom random;
    private final int users;
    private final String idPrefix;
    private long sequence;

    /**
     * @param idPrefix makes message and order ids unique across generators and runs
     * @param users    how many distinct userIds the messages come from
     */
    BenchEvents(long seed, int users, String idPrefix) {
        this.random = new SplittableRandom(seed);
        this.users = users;
        this.idPrefix = idPrefix;
    }

    /** 55% Product Viewed, 10% Order Completed, 30% page, 5% identify. */
    Message next() {
        String id = idPrefix + "-" + (++sequence);
        int user = random.nextInt(users);
        String userId = "u-" + user;
        String anonymousId = "a-" + user;
        int kind = random.nextInt(100);
        int product = random.nextInt(2000);
        if (kind < 55) {
            return new Message(
                    id,
                    "track",
                    userId,
                    anonymousId,
                    "Product Viewed",
                    product(product),
                    context(user, "/p/" + product));
        }
        if (kind < 65) {
            return new Message(
                    id, "track", userId, anonymousId, "Order Completed", order(id), context(user, "/checkout"));
        }
        if (kind < 95) {
            String page = PAGES[random.nextInt(PAGES.length)];
            return new Message(
                    id, "page", userId, anonymousId, page, page(page, product), context(user, "/p/" + product));
        }
        return new Message(id, "identify", userId, anonymousId, null, traits(user), context(user, "/account"));
    }

    private String product(int product) {
        return "{\"product_id\":\"p-" + product + "\",\"sku\":\"SKU-" + product + "\",\"name\":\"Product " + product
                + "\",\"category\":\"" + CATEGORIES[product % CATEGORIES.length] + "\",\"price\":" + price(product)
                + ",\"currency\":\"KRW\",\"url\":\"https://shop.example.com/p/" + product + "\"}";
    }

    private String order(String id) {
        StringBuilder products = new StringBuilder("[");
        long total = 0;
        int lines = 1 + random.nextInt(3);
        for (int line = 0; line < lines; line++) {
            int product = random.nextInt(2000);
            int quantity = 1 + random.nextInt(2);
            total += (long) price(product) * quantity;
            products.append(line == 0 ? "" : ",")
                    .append("{\"product_id\":\"p-")
                    .append(product)
                    .append("\",\"name\":\"Product ")
                    .append(product)
                    .append("\",\"category\":\"")
                    .append(CATEGORIES[product % CATEGORIES.length])
                    .append("\",\"price\":")
                    .append(price(product))
                    .append(",\"quantity\":")
                    .append(quantity)
                    .append('}');
        }
        return "{\"order_id\":\"o-" + id + "\",\"total\":" + total + ",\"currency\":\"KRW\",\"products\":" + products
                + "]}";
    }

    private String page(String page, int product) {
        return "{\"path\":\"/p/" + product + "\",\"url\":\"https://shop.example.com/p/" + product + "\",\"title\":\""
                + page + " | Example Shop\",\"referrer\":\"https://www.google.com/\"}";
    }

    private String traits(int user) {
        return "{\"email\":\"user" + user + "@example.com\",\"name\":\"" + NAMES[user % NAMES.length] + "\",\"plan\":\""
                + (user % 3 == 0 ? "vip" : "regular") + "\",\"city\":\"Seoul\"}";
    }

    private String context(int user, String path) {
        return "{\"ip\":\"10." + (user >> 16 & 255) + "." + (user >> 8 & 255) + "." + (user & 255)
                + "\",\"locale\":\"ko-KR\",\"userAgent\":\"" + AGENTS[user % AGENTS.length]
                + "\",\"library\":{\"name\":\"analytics.js\",\"version\":\"2.11.1\"},\"page\":{\"path\":\"" + path
                + "\"}}";
    }

    private static int price(int product) {
        return 5000 + (product * 7919 % 200) * 500;
    }
}
