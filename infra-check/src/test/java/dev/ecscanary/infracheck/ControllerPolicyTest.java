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
 * sources, the operation set COMMON.md names as the contract, nothing with a wildcard, and beyond that only the
 * permissions AWS checks on the controller's behalf (listed below with the reason).
 */
class ControllerPolicyTest {

    /** The AWS operations the controller calls, as agreed in COMMON.md (the local AWS answers the same set). */
    static final Set<String> CONTRACT = Set.of(
            "codedeploy:CreateDeployment",
            "codedeploy:GetDeployment",
            "codedeploy:StopDeployment",
            "codedeploy:ContinueDeployment",
            "codedeploy:GetDeploymentGroup",
            "codedeploy:ListDeploymentTargets",
            "codedeploy:ListDeployments",
            "codedeploy:BatchGetDeployments",
            "codedeploy:BatchGetDeploymentTargets",
            "codedeploy:GetDeploymentTarget",
            "ecs:RegisterTaskDefinition",
            "ecs:DescribeServices",
            "ecs:DescribeTaskSets",
            "cloudwatch:DescribeAlarms",
            "cloudwatch:GetMetricData",
            "elasticloadbalancing:DescribeRules",
            "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeListeners",
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
    void theControllerCallsNothingOutsideTheContract() {
        assertThat(CONTRACT).containsAll(CALLS.keySet());
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

        assertThat(DEPENDENT_PERMISSIONS.keySet()).containsAll(extra);
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
