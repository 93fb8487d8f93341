package io.touchpoint.loop.internal;

import io.touchpoint.loop.Actor;
import io.touchpoint.loop.Case;
import io.touchpoint.platform.Store;
import io.touchpoint.platform.TouchpointProperties;
import io.touchpoint.workspace.Role;
import io.touchpoint.workspace.UserAccount;
import io.touchpoint.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * SLA escalation: when a case is about to breach (75% of its time gone) its owner is told (admins
 * when it has none); when it breaches, the workspace's admins are told. Each step happens once per
 * case (its escalation level), recorded in the case's history, the mail queued in the same write.
 */
@Component
class Escalations {

    private final Store store;
    private final CaseRepository cases;
    private final Workspaces workspaces;
    private final TouchpointProperties properties;
    private final Clock clock;

    Escalations(
            Store store, CaseRepository cases, Workspaces workspaces, TouchpointProperties properties, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.workspaces = workspaces;
        this.properties = properties;
        this.clock = clock;
    }

    void run() {
        Instant now = clock.instant();
        for (CaseRepository.Active active : cases.escalationCandidates(now)) {
            Case k = active.k();
            boolean breached = now.isAfter(k.dueAt());
            boolean atRisk = !now.isBefore(SlaState.atRiskFrom(k.openedAt(), k.dueAt()));
            if (breached && k.escalationLevel() < 2) {
                escalate(active.workspaceId(), k, 2, admins(active.workspaceId()), "breached its SLA", now);
            } else if (atRisk && k.escalationLevel() < 1) {
                List<String> to = k.ownerId() == null
                        ? admins(active.workspaceId())
                        : workspaces.users(active.workspaceId()).stream()
                                .filter(u -> u.id().equals(k.ownerId()) && !u.disabled())
                                .map(UserAccount::email)
                                .toList();
                escalate(active.workspaceId(), k, 1, to, "is about to breach its SLA", now);
            }
        }
    }

    private List<String> admins(UUID workspaceId) {
        return workspaces.users(workspaceId).stream()
                .filter(u -> u.role() == Role.ADMIN && !u.disabled())
                .map(UserAccount::email)
                .toList();
    }

    private void escalate(UUID workspaceId, Case k, int level, List<String> to, String what, Instant now) {
        String subject = "[Touchpoint] Case #" + k.number() + " " + what;
        String body = "Case #" + k.number() + " \"" + k.title() + "\" (" + k.priority() + ") " + what + ".\nDue: "
                + k.dueAt() + "\n" + properties.feedback().publicUrl() + "/cases/" + k.id() + "\n";
        store.write(tx -> {
            CaseRepository.set(tx, workspaceId, k.id(), "escalation_level", level, now);
            if (level == 2) {
                CaseRepository.set(tx, workspaceId, k.id(), "breached", true, now);
            }
            CaseRepository.history(
                    tx,
                    workspaceId,
                    k.id(),
                    Actor.SYSTEM,
                    "escalation",
                    "escalation_level",
                    String.valueOf(k.escalationLevel()),
                    String.valueOf(level),
                    what + (to.isEmpty() ? "; nobody to tell" : "; told " + String.join(", ", to)),
                    now);
            for (String address : to) {
                LoopMail.queue(tx, workspaceId, k.id(), address, subject, body, now);
            }
            return null;
        });
    }
}
