package io.touchpoint.support;

import io.touchpoint.TouchpointApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of integration tests: the real application on a random port, on a fresh store of the kind
 * this Failsafe execution tests (DuckDB or PostgreSQL). Contexts are shared between test classes,
 * so tests make their own workspace or unique ids rather than expect an empty store.
 *
 * <p>Tests speak plain HTTP, so the session cookie is not Secure here. That is a
 * {@code @TestPropertySource}, not a dynamic property, so that a subclass can override it with its
 * own {@code @TestPropertySource} (dynamic properties outrank those, the base class's included).
 */
@SpringBootTest(classes = TouchpointApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(StoreAvailable.class)
@Import(Fixtures.class)
@TestPropertySource(properties = "touchpoint.security.secure-cookie=false")
public abstract class IntegrationTest {

    public static final String ADMIN_EMAIL = "admin@example.com";
    public static final String ADMIN_PASSWORD = "correct-horse-battery";
    public static final String SECRET_KEY = "test-secret-key-0123456789";
    public static final String WRITE_KEY = "test-write-key-0123456789";

    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        // suppliers are resolved on every lookup: create the store once, here
        if (TestStores.postgres()) {
            String url = TestStores.freshPostgresDatabase();
            registry.add("touchpoint.db.url", () -> url);
            registry.add("touchpoint.db.user", TestStores::pgUser);
            registry.add("touchpoint.db.password", TestStores::pgPassword);
        } else {
            String dataDir = TestStores.freshDataDir().toString();
            registry.add("touchpoint.data-dir", () -> dataDir);
        }
        registry.add("touchpoint.admin.email", () -> ADMIN_EMAIL);
        registry.add("touchpoint.admin.password", () -> ADMIN_PASSWORD);
        registry.add("touchpoint.bootstrap.secret-key", () -> SECRET_KEY);
        registry.add("touchpoint.bootstrap.write-key", () -> WRITE_KEY);
        // a real SMTP server (GreenMail) for every context, and a quick survey-send worker
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestMail.server().getSmtp().getPort());
        registry.add("touchpoint.feedback.poll-interval", () -> "500ms");
        registry.add("touchpoint.loop.poll-interval", () -> "500ms");
    }

    protected Http http() {
        return new Http("http://localhost:" + port);
    }
}
