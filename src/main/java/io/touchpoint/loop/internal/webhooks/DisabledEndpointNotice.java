package io.touchpoint.loop.internal.webhooks;

import io.touchpoint.loop.WebhookSubscription;
import io.touchpoint.platform.TouchpointProperties;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.UserAccount;
import io.touchpoint.workspace.Workspace;
import io.touchpoint.workspace.Workspaces;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells a workspace's admins by email that an endpoint was disabled because its deliveries kept
 * failing. Sent after the change is committed; the Settings page shows the same notice.
 */
@Component
class DisabledEndpointNotice {

    private static final Logger log = LoggerFactory.getLogger(DisabledEndpointNotice.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final Workspaces workspaces;
    private final MessageSource messages;
    private final TouchpointProperties properties;
    private final Environment environment;

    DisabledEndpointNotice(
            ObjectProvider<JavaMailSender> sender,
            Workspaces workspaces,
            MessageSource messages,
            TouchpointProperties properties,
            Environment environment) {
        this.sender = sender;
        this.workspaces = workspaces;
        this.messages = messages;
        this.properties = properties;
        this.environment = environment;
    }

    void send(java.util.UUID workspaceId, WebhookSubscription subscription) {
        log.warn(
                "Webhook endpoint {} of workspace {} disabled after {} failed attempts since {}",
                subscription.id(),
                workspaceId,
                subscription.consecutiveFailures(),
                subscription.failingSince());
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || !StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
            log.warn("No SMTP server is configured: the admins see the notice in Settings › Webhooks only");
            return;
        }
        Workspace workspace = workspaces.get(workspaceId);
        List<String> admins = workspaces.users(workspaceId).stream()
                .filter(u -> u.role() == Role.ADMIN && !u.disabled())
                .map(UserAccount::email)
                .toList();
        if (admins.isEmpty()) {
            return;
        }
        Locale locale = Locale.forLanguageTag(workspace.defaultLanguage());
        Object[] args = {
            subscription.url(),
            subscription.consecutiveFailures(),
            String.valueOf(subscription.failingSince()),
            properties.feedback().publicUrl() + "/settings/webhooks/" + subscription.id()
        };
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.feedback().mailFrom());
        message.setTo(admins.toArray(String[]::new));
        message.setSubject(messages.getMessage("webhooks.mail.disabledSubject", args, locale));
        message.setText(messages.getMessage("webhooks.mail.disabledBody", args, locale));
        try {
            mail.send(message);
        } catch (RuntimeException e) {
            log.warn("Could not email the admins of workspace {} about the disabled endpoint", workspaceId, e);
        }
    }
}
