/**
 * Feedback: surveys (NPS, CSAT, CES, custom) with versions and translations, their distribution by
 * link, email and web widget, event triggers, contact-frequency rules and responses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback")
package io.touchpoint.feedback;
