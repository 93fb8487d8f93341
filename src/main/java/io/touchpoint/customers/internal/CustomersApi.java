package io.touchpoint.customers.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.touchpoint.customers.ConsentChannel;
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

    /** A consent decision: {@code {"channel":"email_marketing","granted":false,"source":"preference center"}}. */
    record ConsentRequest(String channel, Boolean granted, String source) {}

    @org.springframework.web.bind.annotation.PostMapping("/{userId}/consent")
    @Operation(summary = "Record a consent decision (email_marketing or in_app) with its source")
    CustomerProfile consent(
            @PathVariable String userId, @org.springframework.web.bind.annotation.RequestBody ConsentRequest request) {
        var problems = new java.util.ArrayList<io.touchpoint.platform.FieldProblem>();
        var channel =
                request == null ? java.util.Optional.<ConsentChannel>empty() : ConsentChannel.of(request.channel());
        if (channel.isEmpty()) {
            problems.add(new io.touchpoint.platform.FieldProblem("channel", "must be email_marketing or in_app"));
        }
        if (request == null || request.granted() == null) {
            problems.add(new io.touchpoint.platform.FieldProblem("granted", "must be true or false"));
        }
        if (!problems.isEmpty()) {
            throw new io.touchpoint.platform.InvalidInputException("The consent decision is not valid", problems);
        }
        UUID workspaceId = CurrentWorkspace.id();
        customers.recordConsent(workspaceId, userId, channel.get(), request.granted(), request.source());
        return customers.profile(workspaceId, customers.require(workspaceId, userId));
    }

    @GetMapping("/{userId}/merges")
    @Operation(summary = "Every merge that made this customer, newest first")
    Map<String, java.util.List<io.touchpoint.customers.Merge>> merges(@PathVariable String userId) {
        UUID workspaceId = CurrentWorkspace.id();
        return Map.of("items", customers.merges(workspaceId, customers.require(workspaceId, userId)));
    }

    @org.springframework.web.bind.annotation.PostMapping("/merges/{mergeId}/undo")
    @Operation(summary = "Undo a merge: both profiles stand on their own again, each with its own events")
    io.touchpoint.customers.Merge unmerge(@PathVariable UUID mergeId) {
        return customers.unmerge(CurrentWorkspace.id(), mergeId);
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Erase the customer from every table (GDPR erasure); later reads answer 404")
    ResponseEntity<Void> erase(@PathVariable String userId) {
        customers.erase(CurrentWorkspace.id(), userId);
        return ResponseEntity.noContent().build();
    }
}
