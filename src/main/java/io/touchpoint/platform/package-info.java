/**
 * Platform: storage (data source, single writer, migrations), ids, clock and configuration that
 * every other module builds on. It depends on no other Touchpoint module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.touchpoint.platform;
