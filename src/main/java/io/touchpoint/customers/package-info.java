/**
 * Customer profiles: identities, identity resolution (merge and unmerge), traits, consent, segments,
 * GDPR export and erase.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package io.touchpoint.customers;
