package dev.ecscanary.controller.deployment.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecscanary.controller.analysis.AlarmReading;
import dev.ecscanary.controller.analysis.AlarmState;
import dev.ecscanary.controller.config.AnalysisProperties.InconclusivePolicy;
import dev.ecscanary.controller.deployment.ConcurrentChangeException;
import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.DeploymentChanged;
import dev.ecscanary.controller.deployment.DeploymentEvent;
import dev.ecscanary.controller.deployment.DeploymentStatus;
import dev.ecscanary.controller.deployment.EventType;
import dev.ecscanary.controller.deployment.Phase;
import dev.ecscanary.controller.deployment.PhaseOutcome;
import dev.ecscanary.controller.deployment.PreTraffic;
import dev.ecscanary.controller.deployment.ReleaseRequest;
import dev.ecscanary.controller.deployment.ServiceBusyException;
import dev.ecscanary.controller.deployment.reconcile.Reconciler;
import dev.ecscanary.controller.fakes.ControllerTest;
import dev.ecscanary.controller.fakes.FakeAws;
import dev.ecscanary.controller.revision.ImageReference;
import dev.ecscanary.controller.traffic.LifecycleEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A save writes back exactly what changed since the deployment was read or last saved, and nothing is lost. */
@ControllerTest
@RecordApplicationEvents
class DeploymentStoreTest {

    static final String ALARM = "demo-app-success-rate";
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    DeploymentWrites store;

    @Autowired
    DeploymentQueries queries;

    @Autowired
    Reconciler reconciler;

    @Autowired
    FakeAws aws;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyStore() {
        aws.reset(reconciler);
    }

    @Test
    void everyChangeOfPhasesAlarmsAndLifecycleEventsSurvivesARead() {
        Deployment d = inserted();
        d.codeDeployStarted("d-ABC", T0.plusSeconds(1));
        d.enterPhase(0, T0.plusSeconds(2));
        d.alarmsObserved(Map.of(ALARM, reading(AlarmState.OK, T0)));
        d.lifecycleEventsSeen(
                List.of(lifecycle("BeforeInstall", "Succeeded"), lifecycle("AllowTraffic", "InProgress")));
        store.save(d);

        d.enterPhase(10, T0.plusSeconds(60));
        d.alarmsObserved(Map.of(ALARM, reading(AlarmState.INSUFFICIENT_DATA, T0.plusSeconds(61))));
        store.save(d);
        // only the open phase's alarm state moves: the earlier phase is not written again, and must stay as it was
        d.alarmsObserved(Map.of(ALARM, reading(AlarmState.ALARM, T0.plusSeconds(62))));
        d.lifecycleEventsSeen(List.of(lifecycle("BeforeInstall", "Succeeded")));
        store.save(d);

        Deployment read = queries.find(d.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(d.version()).isEqualTo(3);
        assertThat(read.phases()).extracting(Phase::trafficPercent).containsExactly(0, 10);
        assertThat(read.phases().get(0).alarmStates()).containsEntry(ALARM, AlarmState.OK);
        assertThat(read.phases().get(0).outcome()).isEqualTo(PhaseOutcome.ADVANCED);
        assertThat(read.phases().get(1).alarmStates()).containsEntry(ALARM, AlarmState.ALARM);
        assertThat(read.alarms().get(ALARM)).isEqualTo(reading(AlarmState.ALARM, T0.plusSeconds(62)));
        assertThat(read.lifecycleEvents()).containsExactly(lifecycle("BeforeInstall", "Succeeded"));
        assertThat(read.events())
                .extracting(DeploymentEvent::type)
                .containsExactly(
                        EventType.ACCEPTED,
                        EventType.CODEDEPLOY_STARTED,
                        EventType.PHASE_STARTED,
                        EventType.PHASE_STARTED);
    }

    @Test
    void theRollbacksLifecycleEventsAreKeptApartFromTheReleasesOwnAndSurviveEveryRead() {
        Deployment d = inserted();
        d.codeDeployStarted("d-ABC", T0.plusSeconds(1));
        d.lifecycleEventsSeen(List.of(
                lifecycle("BeforeInstall", "Succeeded"),
                lifecycle("AllowTraffic", "Failed"),
                lifecycle("AfterAllowTraffic", "Skipped")));
        store.save(d);
        d.rollbackDeploymentSeen("d-RBK", T0.plusSeconds(70));
        d.rollbackLifecycleEventsSeen(List.of(
                lifecycle("BeforeAllowTraffic", "Succeeded"),
                lifecycle("AllowTraffic", "InProgress"),
                lifecycle("AfterAllowTraffic", "Pending")));
        store.save(d);
        d.rollbackLifecycleEventsSeen(
                List.of(lifecycle("BeforeAllowTraffic", "Succeeded"), lifecycle("AllowTraffic", "Succeeded")));
        d.rollbackLifecycleEventsSeen(List.of()); // an unreadable target keeps what was seen
        store.save(d);

        List<LifecycleEvent> releasesOwn = List.of(
                lifecycle("BeforeInstall", "Succeeded"),
                lifecycle("AllowTraffic", "Failed"),
                lifecycle("AfterAllowTraffic", "Skipped"));
        List<LifecycleEvent> rollbacks =
                List.of(lifecycle("BeforeAllowTraffic", "Succeeded"), lifecycle("AllowTraffic", "Succeeded"));
        Deployment read = queries.find(d.id()).orElseThrow();
        assertThat(read.rollbackDeploymentId()).isEqualTo("d-RBK");
        assertThat(read.lifecycleEvents()).containsExactlyElementsOf(releasesOwn);
        assertThat(read.rollbackLifecycleEvents()).containsExactlyElementsOf(rollbacks);
        Deployment listed = queries.list("demo-app", null, 0, 10).getFirst();
        assertThat(listed.id()).isEqualTo(d.id());
        assertThat(listed.lifecycleEvents()).containsExactlyElementsOf(releasesOwn);
        assertThat(listed.rollbackLifecycleEvents()).containsExactlyElementsOf(rollbacks);
        Deployment committed = events.stream(DeploymentChanged.class)
                .reduce((a, b) -> b)
                .orElseThrow()
                .deployment();
        assertThat(committed.rollbackLifecycleEvents())
                .as("what live views are handed")
                .containsExactlyElementsOf(rollbacks);
    }

    @Test
    void aSaveWritesOnlyTheLifecycleRowsOfTheDeploymentWhoseEventsChanged() {
        Deployment d = inserted();
        d.codeDeployStarted("d-ABC", T0.plusSeconds(1));
        d.lifecycleEventsSeen(List.of(lifecycle("BeforeInstall", "Succeeded"), lifecycle("AllowTraffic", "Failed")));
        d.rollbackDeploymentSeen("d-RBK", T0.plusSeconds(70));
        d.rollbackLifecycleEventsSeen(List.of(lifecycle("AllowTraffic", "InProgress")));
        store.save(d);
        Map<String, String> first = rowVersions(d);

        d.trafficObserved(30, T0.plusSeconds(80));
        store.save(d);
        assertThat(rowVersions(d))
                .as("nothing of the lifecycle changed: no row written")
                .isEqualTo(first);

        d.rollbackLifecycleEventsSeen(List.of(lifecycle("AllowTraffic", "Succeeded")));
        store.save(d);
        Map<String, String> second = rowVersions(d);
        assertThat(second)
                .containsEntry("release 0", first.get("release 0"))
                .containsEntry("release 1", first.get("release 1"));
        assertThat(second.get("rollback 0")).isNotEqualTo(first.get("rollback 0"));
    }

    @Test
    void aCopyReadBeforeAnotherSaveCannotOverwriteIt() {
        Deployment d = inserted();
        Deployment stale = queries.find(d.id()).orElseThrow();
        d.codeDeployStarted("d-ABC", T0.plusSeconds(1));
        store.save(d);

        assertThat(queries.current(stale)).get().extracting(Deployment::version).isEqualTo(1L);
        assertThat(queries.current(d)).get().isSameAs(d);
        stale.finish(DeploymentStatus.FAILED, "stale", T0.plusSeconds(2));
        assertThatThrownBy(() -> store.save(stale)).isInstanceOf(ConcurrentChangeException.class);
        assertThat(queries.find(d.id()).orElseThrow().status()).isEqualTo(DeploymentStatus.IN_PROGRESS);
    }

    @Test
    void theChangeEventCarriesTheDeploymentAsCommittedUntouchedByLaterChanges() {
        Deployment d = inserted();
        d.codeDeployStarted("d-ABC", T0.plusSeconds(1));
        d.enterPhase(10, T0.plusSeconds(2));
        store.save(d);
        d.enterPhase(20, T0.plusSeconds(62));

        DeploymentChanged change =
                events.stream(DeploymentChanged.class).reduce((a, b) -> b).orElseThrow();
        assertThat(change.version()).isEqualTo(1);
        assertThat(change.deployment().hasHistory()).isTrue();
        assertThat(change.deployment().phases())
                .extracting(Phase::trafficPercent)
                .containsExactly(10);
        assertThat(change.deployment().phases().getFirst().isOpen()).isTrue();
        assertThat(change.deployment().events())
                .extracting(DeploymentEvent::type)
                .containsExactly(EventType.ACCEPTED, EventType.CODEDEPLOY_STARTED, EventType.PHASE_STARTED);
    }

    @Test
    void deploymentsInFlightAreReadWithTheirHistory() {
        Deployment d = inserted();
        d.codeDeployStarted("d-ABC", T0.plusSeconds(1));
        store.save(d);

        Deployment inFlight = queries.allInFlight().stream()
                .filter(x -> x.id().equals(d.id()))
                .findFirst()
                .orElseThrow();
        assertThat(inFlight.hasHistory()).isTrue();
        assertThat(inFlight.events())
                .extracting(DeploymentEvent::type)
                .containsExactly(EventType.ACCEPTED, EventType.CODEDEPLOY_STARTED);
    }

    @Test
    void thePolicyAReleaseWasAcceptedUnderIsReadBackAndOneAcceptedBeforeItWasRecordedHasNone() {
        Deployment d = inserted();
        Deployment older = inserted("older-app");
        jdbc.sql("update deployment set inconclusive_policy = null where id = ?")
                .params(older.id())
                .update();

        assertThat(queries.find(d.id()).orElseThrow().inconclusivePolicy()).isEqualTo(InconclusivePolicy.ROLL_BACK);
        assertThat(queries.find(older.id()).orElseThrow().inconclusivePolicy()).isNull();
    }

    @Test
    void thePreTrafficPhaseSurvivesAReadAtEveryStage() {
        Deployment d = inserted();
        d.codeDeployStarted("d-ABC", T0.plusSeconds(1));
        store.save(d);
        assertThat(queries.find(d.id()).orElseThrow().preTraffic())
                .as("none before READY_WAIT")
                .isNull();

        d.preTrafficStarted("Checking", T0.plusSeconds(2));
        store.save(d);
        assertThat(queries.find(d.id()).orElseThrow().preTraffic().verdict()).isEqualTo(PreTraffic.Verdict.RUNNING);

        PreTraffic.Check list = new PreTraffic.Check(
                "GET /api/tasks", 50, 14, 0, 12L, 480L, "answered 500: {\"detail\":\"injected fault\"}");
        d.preTrafficChecked(
                false,
                List.of("10.0.1.17:3000"),
                List.of(list),
                "14 of 50 requests to GET /api/tasks answered 500",
                T0.plusSeconds(9));
        store.save(d);

        PreTraffic read = queries.find(d.id()).orElseThrow().preTraffic();
        assertThat(read).isEqualTo(d.preTraffic());
        assertThat(read.checks()).containsExactly(list);
        assertThat(read.endedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(queries.find(d.id()).orElseThrow().events())
                .extracting(DeploymentEvent::type)
                .endsWith(EventType.PRE_TRAFFIC_STARTED, EventType.PRE_TRAFFIC_FAILED);
    }

    @Test
    void anEventTypeThisVersionDoesNotKnowReadsBackAsUnknownWithItsMessage() {
        Deployment d = inserted();
        jdbc.sql(
                        "insert into deployment_event (deployment_id, at, type, message) values (?, ?, 'JUDGED_BY_A_NEWER_VERSION', ?)")
                .params(d.id(), java.sql.Timestamp.from(T0.plusSeconds(1)), "written by a newer controller")
                .update();

        Deployment read = queries.find(d.id()).orElseThrow();

        assertThat(read.events())
                .extracting(DeploymentEvent::type, DeploymentEvent::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                EventType.ACCEPTED, d.events().getFirst().message()),
                        org.assertj.core.groups.Tuple.tuple(EventType.UNKNOWN, "written by a newer controller"));
    }

    @Test
    void aSecondReleaseOfAServiceInFlightIsRefusedByTheUniqueIndexAndNamesTheFirst() {
        Deployment first = inserted();

        assertThatThrownBy(() -> store.insert(accepted("demo-app"), null, null))
                .isInstanceOfSatisfying(
                        ServiceBusyException.class,
                        e -> assertThat(e.inFlight()).isEqualTo(first.id()));
    }

    @Test
    void twoRequestsRacingWithOneIdempotencyKeyAreToldApartFromABusyServiceByTheConstraintsName() {
        store.insert(accepted("demo-app"), "key-1", "hash");

        assertThatThrownBy(() -> store.insert(accepted("other-app"), "key-1", "hash"))
                .isInstanceOf(IdempotencyRaceException.class);
        assertThat(queries.findInFlight("other-app"))
                .as("the loser stored nothing")
                .isEmpty();
    }

    /** Each lifecycle row's xmin: the transaction that last wrote it. */
    private Map<String, String> rowVersions(Deployment d) {
        return jdbc
                .sql(
                        "select of_rollback, idx, xmin::text as written_by from deployment_lifecycle_event where deployment_id = ?")
                .param(d.id())
                .query((rs, n) -> Map.entry(
                        (rs.getBoolean("of_rollback") ? "rollback " : "release ") + rs.getInt("idx"),
                        rs.getString("written_by")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Deployment inserted() {
        return inserted("demo-app");
    }

    private Deployment inserted(String service) {
        Deployment d = accepted(service);
        store.insert(d, null, null);
        return d;
    }

    private static Deployment accepted(String service) {
        return Deployment.accept(
                new ReleaseRequest(
                        service,
                        ImageReference.parse("123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app:2.0.0"),
                        null,
                        null,
                        null,
                        null,
                        "test"),
                InconclusivePolicy.ROLL_BACK,
                T0);
    }

    private static AlarmReading reading(AlarmState state, Instant at) {
        return new AlarmReading(ALARM, state, "reason " + state, at);
    }

    private static LifecycleEvent lifecycle(String name, String status) {
        return new LifecycleEvent(name, status, T0, status.equals("Succeeded") ? T0.plusSeconds(5) : null);
    }
}
