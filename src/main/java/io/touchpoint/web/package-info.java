/**
 * The server-rendered UI (Thymeleaf + htmx): sign-in, the dashboard shell and the pages of each
 * module. It calls module APIs only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web UI")
package io.touchpoint.web;
