package dev.ecscanary.infracheck;

import static dev.ecscanary.infracheck.TerraformConfig.blocks;
import static dev.ecscanary.infracheck.TerraformConfig.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The controller's IAM policy allows exactly what its code calls: every AWS operation found in the controller's
 * sources (written out below as the contract, so that a new call is a reviewed change), nothing with a wildcard,
 * and beyond that only the permissions AWS checks on the controller's behalf (listed below with the reason). An
 * operation granted but never called fails the build as surely as one called but not granted.
 */
class ControllerPolicyTest {

    /** The AWS operations the controller's code calls: no more, no fewer (the local AWS answers a superset). */
    static final Set<String> CONTRACT = Set.of(
            "codedeploy:CreateDeployment",
            "codedeploy:GetDeployment",
            "codedeploy:StopDeployment",
            "codedeploy:ContinueDeployment",
            "codedeploy:GetDeploymentGroup",
            "codedeploy:ListDeployments",
            "codedeploy:BatchGetDeployments",
            "codedeploy:BatchGetDeploymentTargets",
            "ecs:RegisterTaskDefinition",
            "ecs:DescribeServices",
            "cloudwatch:DescribeAlarms",
            "cloudwatch:GetMetricData",
            "elasticloadbalancing:DescribeRules",
            "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeTargetHealth");

    /** Authorized by AWS while serving a call the controller makes, never called by it directly. */
    static final Map<String, String> DEPENDENT_PERMISSIONS = Map.of(
            "codedeploy:GetDeploymentConfig", "CreateDeployment reads the deployment configuration it names",
            "codedeploy:RegisterApplicationRevision", "CreateDeployment registers the AppSpec content as a revision",
            "codedeploy:GetApplicationRevision", "CreateDeployment reads that revision back",
            "iam:PassRole", "RegisterTaskDefinition passes the task's execution and task roles to ECS");

    /** Parsed once: JavaParser over the whole controller takes seconds. */
    private static final Map<String, Set<String>> CALLS = SdkCallScanner.scan(RepositoryLayout.controllerSources());

    private final TerraformConfig terraform = TerraformConfig.load(RepositoryLayout.terraform());
    private final List<Map<String, Object>> statements =
            blocks(terraform.data("aws_iam_policy_document", "controller").get("statement"));

    @Test
    void policyAllowsEveryOperationOfTheContract() {
        assertThat(allowedActions()).containsAll(CONTRACT);
    }

    @Test
    void policyAllowsEveryOperationTheControllersCodeCalls() {
        Set<String> missing = new TreeSet<>(CALLS.keySet());
        missing.removeAll(allowedActions());
        assertThat(missing)
                .as("AWS operations called by the controller (%s) but not allowed by its policy", CALLS)
                .isEmpty();
    }

    @Test
    void theContractIsExactlyWhatTheControllersCodeCalls() {
        assertThat(CALLS.keySet())
                .as(
                        "AWS operations found in the controller's code (%s); a new one belongs in CONTRACT, and one no "
                                + "longer called leaves it and the policy",
                        CALLS)
                .containsExactlyInAnyOrderElementsOf(CONTRACT);
    }

    @Test
    void everyServiceWhoseClientTheControllerHoldsHasItsCallsFound() {
        // Guards the scanner itself: a service whose client an adapter holds must show calls, or the scan is blind.
        Set<String> servicesWithCalls = new TreeSet<>();
        CALLS.keySet().forEach(action -> servicesWithCalls.add(action.substring(0, action.indexOf(':'))));

        assertThat(servicesWithCalls)
                .containsAll(SdkCallScanner.servicesWithClientFields(RepositoryLayout.controllerSources()));
    }

    @Test
    void policyAllowsNothingBeyondTheContractAndWhatAwsChecksOnItsBehalf() {
        Set<String> extra = new TreeSet<>(allowedActions());
        extra.removeAll(CONTRACT);

        assertThat(extra)
                .as("granted but never called")
                .containsExactlyInAnyOrderElementsOf(DEPENDENT_PERMISSIONS.keySet());
    }

    @Test
    void policyAllowsNothingTheControllersCodeDoesNotCall() {
        Set<String> notCalled = new TreeSet<>(allowedActions());
        notCalled.removeAll(CALLS.keySet());
        notCalled.removeAll(DEPENDENT_PERMISSIONS.keySet());

        assertThat(notCalled)
                .as("actions the policy grants that the controller's code never calls (calls: %s)", CALLS)
                .isEmpty();
    }

    @Test
    void noActionIsAWildcard() {
        assertThat(allowedActions())
                .allSatisfy(action -> assertThat(action).doesNotContain("*").matches("[a-z0-9-]+:[A-Za-z0-9]+"));
    }

    @Test
    void passRoleCoversExactlyTheTwoTaskRolesAndOnlyTowardsEcsTasks() {
        Map<String, Object> passRole = statements.stream()
                .filter(s -> actions(s).contains("iam:PassRole"))
                .findFirst()
                .orElseThrow();

        assertThat(actions(passRole)).containsExactly("iam:PassRole");
        assertThat(TerraformConfig.texts(passRole.get("resources")))
                .containsExactlyInAnyOrder(
                        (String) terraform
                                .resource("aws_ecs_task_definition", "demo_app")
                                .get("execution_role_arn"),
                        (String) terraform
                                .resource("aws_ecs_task_definition", "demo_app")
                                .get("task_role_arn"));
        Map<String, Object> condition = map(passRole.get("condition"));
        assertThat(condition)
                .containsEntry("variable", "iam:PassedToService")
                .containsEntry("values", List.of("ecs-tasks.amazonaws.com"));
    }

    @Test
    void theResourceScopedStatementsNameTheManagedResources() {
        assertThat(resourcesOf("codedeploy:CreateDeployment"))
                .containsExactly("aws_codedeploy_deployment_group.this.arn");
        assertThat(resourcesOf("ecs:DescribeServices")).containsExactly("aws_ecs_service.demo_app.arn");
        assertThat(resourcesOf("cloudwatch:DescribeAlarms"))
                .containsExactly("aws_cloudwatch_metric_alarm.success_rate.arn");
    }

    @Test
    void policyIsAttachedToTheRoleTheControllerTaskRunsAs() {
        assertThat(terraform.resource("aws_iam_role_policy", "controller"))
                .containsEntry("policy", "data.aws_iam_policy_document.controller.json")
                .containsEntry("role", "aws_iam_role.controller.id");
        assertThat(terraform.resource("aws_ecs_task_definition", "controller"))
                .containsEntry("task_role_arn", "aws_iam_role.controller.arn");
    }

    private Set<String> allowedActions() {
        Set<String> actions = new TreeSet<>();
        statements.forEach(s -> actions.addAll(actions(s)));
        return actions;
    }

    private List<String> resourcesOf(String action) {
        return statements.stream()
                .filter(s -> actions(s).contains(action))
                .flatMap(s -> TerraformConfig.texts(s.get("resources")).stream())
                .toList();
    }

    private static List<String> actions(Map<String, Object> statement) {
        return TerraformConfig.texts(statement.get("actions"));
    }
}
