package io.touchpoint.loop.internal;

import io.touchpoint.platform.Ids;
import io.touchpoint.platform.Sql;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.TouchpointProperties;
import io.touchpoint.platform.WriteContext;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Mail the loop sends (rule notifications, escalations, apologies). A message is queued inside the
 * write unit of the change that causes it and sent after commit, so a rolled-back change sends
 * nothing and a committed one is not forgotten. A message is claimed (pending → sending) before it
 * goes out; one found "sending" at start-up was interrupted and is marked failed, never sent twice.
 */
@Component
public class LoopMail {

    private static final Logger log = LoggerFactory.getLogger(LoopMail.class);

    private final Store store;
    private final ObjectProvider<JavaMailSender> sender;
    private final Environment environment;
    private final TouchpointProperties properties;
    private final Clock clock;

    LoopMail(
            Store store,
            ObjectProvider<JavaMailSender> sender,
            Environment environment,
            TouchpointProperties properties,
            Clock clock) {
        this.store = store;
        this.sender = sender;
        this.environment = environment;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues one message inside the caller's write unit. */
    public static UUID queue(
            WriteContext tx, UUID workspaceId, UUID caseId, String to, String subject, String body, Instant now) {
        UUID id = Ids.next();
        tx.jdbc()
                .sql("insert into loop_mail (workspace_id, id, case_id, recipient, subject, body, status, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, 'pending', ?)")
                .params(workspaceId, id, caseId, to, subject, body, Sql.ts(now))
                .update();
        return id;
    }

    /** Marks messages left "sending" by a stop as failed. */
    void recoverInterrupted() {
        int n = store.write(tx -> tx.jdbc()
                .sql("update loop_mail set status = 'failed', detail = ? where status = 'sending'")
                .param("the server stopped while sending; not resent, to never send twice")
                .update());
        if (n > 0) {
            log.warn("{} loop mails were interrupted by a stop while sending; marked failed", n);
        }
    }

    private record Pending(UUID id, String to, String subject, String body) {}

    /** Sends every pending message; called after a write that queued some, and by the worker. */
    public synchronized void sendPending() {
        List<Pending> pending = store.reads()
                .sql("select id, recipient, subject, body from loop_mail where status = 'pending' "
                        + "order by created_at limit 200")
                .query((rs, n) -> new Pending(
                        Sql.uuid(rs, "id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body")))
                .list();
        for (Pending p : pending) {
            Instant now = clock.instant();
            if (!configured()) {
                finish(p.id(), "failed", "no SMTP server is configured (TOUCHPOINT_SMTP_HOST)", now);
                continue;
            }
            boolean claimed = store.write(tx -> tx.jdbc()
                            .sql("update loop_mail set status = 'sending' where id = ? and status = 'pending'")
                            .param(p.id())
                            .update())
                    > 0;
            if (!claimed) {
                continue;
            }
            try {
                JavaMailSender mail = sender.getObject();
                MimeMessage message = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(new InternetAddress(properties.feedback().mailFrom()));
                helper.setTo(p.to());
                helper.setSubject(p.subject());
                helper.setText(p.body(), false);
                mail.send(message);
                finish(p.id(), "sent", null, clock.instant());
            } catch (Exception e) {
                log.warn("Loop mail {} could not be sent: {}", p.id(), e.getMessage());
                finish(p.id(), "failed", String.valueOf(e.getMessage()), clock.instant());
            }
        }
    }

    private void finish(UUID id, String status, String detail, Instant now) {
        store.write(tx -> tx.jdbc()
                .sql("update loop_mail set status = ?, detail = ?, sent_at = ? where id = ?")
                .params(status, detail, "sent".equals(status) ? Sql.ts(now) : null, id)
                .update());
    }

    private boolean configured() {
        return StringUtils.hasText(environment.getProperty("spring.mail.host")) && sender.getIfAvailable() != null;
    }
}
