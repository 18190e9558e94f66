package dev.ecscanary.controller.audit;

import java.util.List;
import java.util.UUID;

/** The audit trail as pages read it: nothing here can add to it or change it. */
public interface AuditReader {

    /** The newest {@code limit} entries of one deployment (what was done to it and every refused attempt), oldest first. */
    List<AuditEntry> latestForDeployment(UUID deploymentId, int limit);
}
