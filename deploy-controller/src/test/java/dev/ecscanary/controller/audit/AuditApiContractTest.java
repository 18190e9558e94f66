package dev.ecscanary.controller.audit;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit endpoints in a web slice: read-only answers, refusals as the API's problem+json, and every problem's
 * detail kept for the audit entry of the request that was refused.
 */
@WebMvcTest(controllers = AuditController.class)
@AutoConfigureMockMvc(addFilters = false)
@ActiveProfiles("test")
class AuditApiContractTest {

    static final UUID DEPLOYMENT = UUID.fromString("6f1c0a52-9a0e-4b8e-8d55-3c1f5d1e2a01");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditTrail trail;

    @Test
    void theRecentEntriesAndADeploymentsEntriesAreListed() throws Exception {
        when(trail.recent(5)).thenReturn(List.of(entry("DEPLOY")));
        when(trail.forDeployment(DEPLOYMENT)).thenReturn(List.of(entry("DEPLOY"), entry("ROLLBACK")));

        mvc.perform(get("/api/audit?limit=5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].caller").value("token:test-ci"))
                .andExpect(jsonPath("$[0].deploymentId").value(DEPLOYMENT.toString()));
        mvc.perform(get("/api/deployments/" + DEPLOYMENT + "/audit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[1].action").value("ROLLBACK"));
    }

    @Test
    void aLimitOutOfRangeIs400AndItsDetailBecomesTheAuditReason() throws Exception {
        mvc.perform(get("/api/audit?limit=501"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ecs-canary:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.detail").value("limit: must be less than or equal to 500"))
                .andExpect(request().attribute(AuditDetails.REASON, "limit: must be less than or equal to 500"));
    }

    private static AuditEntry entry(String action) {
        return new AuditEntry(
                1L,
                Instant.parse("2026-12-04T10:00:00Z"),
                "token:test-ci",
                "test-ci",
                null,
                null,
                "test-ci",
                action,
                "demo-app",
                DEPLOYMENT,
                "ACCEPTED",
                202,
                null,
                "127.0.0.1",
                "curl/8");
    }
}
