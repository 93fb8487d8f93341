package io.touchpoint.customers.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.customers.CustomerProfile;
import io.touchpoint.customers.Customers;
import io.touchpoint.workspace.CurrentWorkspace;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customer profiles, GDPR export and erase, by the customer's userId. */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomersApi {

    private final Customers customers;

    CustomersApi(Customers customers) {
        this.customers = customers;
    }

    @GetMapping("/{userId}")
    @Operation(summary = "A customer's profile: userId, traits, identities, first and last seen")
    CustomerProfile profile(@PathVariable String userId) {
        UUID workspaceId = CurrentWorkspace.id();
        return customers.profile(workspaceId, customers.require(workspaceId, userId));
    }

    @GetMapping("/{userId}/export")
    @Operation(summary = "Everything stored about the customer (GDPR access)")
    Map<String, Object> export(@PathVariable String userId) {
        return customers.export(CurrentWorkspace.id(), userId);
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Erase the customer from every table (GDPR erasure); later reads answer 404")
    ResponseEntity<Void> erase(@PathVariable String userId) {
        customers.erase(CurrentWorkspace.id(), userId);
        return ResponseEntity.noContent().build();
    }
}
