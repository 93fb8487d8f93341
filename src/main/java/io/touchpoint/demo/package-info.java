/**
 * The demo data set loaded by {@code --demo}: a realistic shop written through the same services as
 * real ingestion. A module of its own (not part of platform) because it uses the other modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.touchpoint.demo;
