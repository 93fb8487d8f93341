/**
 * Text analytics of comments: language detection, PII redaction, Korean (Lucene Nori) and English
 * analysis, keyphrases, themes, and sentiment per comment and per clause.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text")
package io.touchpoint.text;
