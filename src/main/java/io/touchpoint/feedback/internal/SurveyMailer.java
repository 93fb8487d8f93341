package io.touchpoint.feedback.internal;

import io.touchpoint.platform.TouchpointProperties;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders survey invitations (ko/en templates) and sends them over SMTP. */
@Component
public class SurveyMailer {

    private final ObjectProvider<JavaMailSender> sender;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final TouchpointProperties properties;
    private final Environment environment;

    SurveyMailer(
            ObjectProvider<JavaMailSender> sender,
            TemplateEngine templates,
            MessageSource messages,
            TouchpointProperties properties,
            Environment environment) {
        this.sender = sender;
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
        this.environment = environment;
    }

    /** Whether an SMTP server is configured at all. */
    public boolean configured() {
        return StringUtils.hasText(environment.getProperty("spring.mail.host")) && sender.getIfAvailable() != null;
    }

    /**
     * Sends one invitation.
     *
     * @param model template variables: greetingName, surveyName, question, scores (links), surveyUrl, unsubscribeUrl,
     *              reminder
     * @throws Exception when the SMTP server refuses or cannot be reached
     */
    public void send(String to, Locale locale, Map<String, Object> model) throws Exception {
        Context context = new Context(locale, model);
        String html = templates.process("mail/invitation", context);
        String subjectKey =
                Boolean.TRUE.equals(model.get("reminder")) ? "mail.survey.reminderSubject" : "mail.survey.subject";
        String subject = messages.getMessage(subjectKey, new Object[] {model.get("shopName")}, locale);
        JavaMailSender mail = sender.getObject();
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(new InternetAddress(properties.feedback().mailFrom()));
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text(model, locale), html);
        message.setHeader("List-Unsubscribe", "<" + model.get("unsubscribeUrl") + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mail.send(message);
    }

    private String text(Map<String, Object> model, Locale locale) {
        return messages.getMessage("mail.survey.greeting", new Object[] {model.get("greetingName")}, locale) + "\n\n"
                + model.get("question") + "\n\n" + model.get("surveyUrl") + "\n\n"
                + messages.getMessage("mail.survey.unsubscribe", null, locale) + ": " + model.get("unsubscribeUrl")
                + "\n";
    }
}
