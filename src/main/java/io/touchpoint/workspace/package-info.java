/**
 * Workspaces (tenants), users and roles, API keys, and who the caller of a request is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workspace")
package io.touchpoint.workspace;
