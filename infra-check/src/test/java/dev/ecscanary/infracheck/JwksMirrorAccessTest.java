package dev.ecscanary.infracheck;

import static dev.ecscanary.infracheck.TerraformConfig.blocks;
import static dev.ecscanary.infracheck.TerraformConfig.map;
import static dev.ecscanary.infracheck.TerraformConfig.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with the mirrored key set: anyone may read the one object, but only through this VPC's S3 gateway
 * endpoint and over TLS; the mirror function may write that object and its own logs and nothing else; the controller
 * reaches S3 through the endpoint's prefix list and has no other way out.
 */
class JwksMirrorAccessTest {

    private static final String OBJECT_ARN = "aws_s3_bucket.jwks_mirror.arn/github-actions/jwks.json";

    private final TerraformConfig terraform = TerraformConfig.load(RepositoryLayout.terraform());

    @Test
    void bucketPolicyLetsAnyoneReadOnlyTheKeySetAndOnlyThroughTheVpcEndpoint() {
        List<Map<String, Object>> allows = statements("jwks_mirror_bucket").stream()
                .filter(s -> !"Deny".equals(s.get("effect")))
                .toList();

        assertThat(allows).hasSize(1);
        Map<String, Object> read = allows.getFirst();
        assertThat(texts(read.get("actions"))).containsExactly("s3:GetObject");
        assertThat(texts(read.get("resources"))).containsExactly(OBJECT_ARN);
        assertThat(map(read.get("principals"))).containsEntry("type", "*").containsEntry("identifiers", List.of("*"));
        assertThat(blocks(read.get("condition")))
                .singleElement()
                .satisfies(condition -> assertThat(condition)
                        .containsEntry("test", "StringEquals")
                        .containsEntry("variable", "aws:SourceVpce")
                        .containsEntry("values", List.of("aws_vpc_endpoint.s3.id")));
        assertThat(terraform.resource("aws_s3_bucket_policy", "jwks_mirror"))
                .containsEntry("bucket", "aws_s3_bucket.jwks_mirror.id")
                .containsEntry("policy", "data.aws_iam_policy_document.jwks_mirror_bucket.json");
    }

    @Test
    void bucketPolicyRefusesEveryRequestWithoutTls() {
        Map<String, Object> deny = statements("jwks_mirror_bucket").stream()
                .filter(s -> "Deny".equals(s.get("effect")))
                .findFirst()
                .orElseThrow();

        assertThat(texts(deny.get("actions"))).containsExactly("s3:*");
        assertThat(texts(deny.get("resources")))
                .containsExactlyInAnyOrder("aws_s3_bucket.jwks_mirror.arn", "aws_s3_bucket.jwks_mirror.arn/*");
        assertThat(map(deny.get("principals"))).containsEntry("type", "*");
        assertThat(map(deny.get("condition")))
                .containsEntry("test", "Bool")
                .containsEntry("variable", "aws:SecureTransport")
                .containsEntry("values", List.of("false"));
    }

    @Test
    void bucketBlocksPublicAccessAndEncryptsWithAKeyAnonymousReadersNeedNot() {
        assertThat(terraform.resource("aws_s3_bucket_public_access_block", "jwks_mirror"))
                .containsEntry("bucket", "aws_s3_bucket.jwks_mirror.id")
                .containsEntry("block_public_acls", true)
                .containsEntry("block_public_policy", true)
                .containsEntry("ignore_public_acls", true)
                .containsEntry("restrict_public_buckets", true);
        Map<String, Object> encryption = map(map(terraform
                        .resource("aws_s3_bucket_server_side_encryption_configuration", "jwks_mirror")
                        .get("rule"))
                .get("apply_server_side_encryption_by_default"));
        assertThat(encryption).containsEntry("sse_algorithm", "AES256");
    }

    @Test
    void functionRoleMayWriteOnlyTheKeySetObjectAndItsOwnLogs() {
        List<Map<String, Object>> statements = statements("jwks_mirror");
        Set<String> actions = new TreeSet<>();
        statements.forEach(s -> actions.addAll(texts(s.get("actions"))));

        assertThat(actions).containsExactly("logs:CreateLogStream", "logs:PutLogEvents", "s3:PutObject");
        assertThat(statements).allSatisfy(s -> assertThat(s.get("effect")).isIn(null, "Allow"));
        assertThat(resourcesOf(statements, "s3:PutObject")).containsExactly(OBJECT_ARN);
        assertThat(resourcesOf(statements, "logs:PutLogEvents"))
                .containsExactly("aws_cloudwatch_log_group.jwks_mirror.arn:*");
        assertThat(terraform.resource("aws_iam_role_policy", "jwks_mirror"))
                .containsEntry("role", "aws_iam_role.jwks_mirror.id")
                .containsEntry("policy", "data.aws_iam_policy_document.jwks_mirror.json");
        assertThat(terraform.resource("aws_lambda_function", "jwks_mirror"))
                .containsEntry("role", "aws_iam_role.jwks_mirror.arn");
    }

    @Test
    void functionRoleHoldsNoOtherPolicy() {
        assertThat(terraform.resourcesOfType("aws_iam_role_policy"))
                .allSatisfy((name, policy) -> assertThat(name.equals("jwks_mirror")
                                || !"aws_iam_role.jwks_mirror.id"
                                        .equals(map(policy).get("role")))
                        .isTrue());
        assertThat(terraform.resourcesOfType("aws_iam_role_policy_attachment"))
                .allSatisfy((name, attachment) ->
                        assertThat(map(attachment).get("role")).isNotEqualTo("aws_iam_role.jwks_mirror.name"));
    }

    @Test
    void functionLogsIntoItsOwnLogGroupWithARetention() {
        Map<String, Object> logGroup = terraform.resource("aws_cloudwatch_log_group", "jwks_mirror");

        assertThat(logGroup.get("name"))
                .isEqualTo("/aws/lambda/"
                        + terraform
                                .resource("aws_lambda_function", "jwks_mirror")
                                .get("function_name"));
        assertThat(logGroup.get("retention_in_days")).isNotNull();
    }

    @Test
    void controllerReachesS3OnlyThroughTheGatewayEndpointAndNothingOnTheInternet() {
        Map<String, Object> toS3 = terraform.resource("aws_vpc_security_group_egress_rule", "controller_to_s3");

        assertThat(toS3)
                .containsEntry("security_group_id", "aws_security_group.controller.id")
                .containsEntry("prefix_list_id", "aws_vpc_endpoint.s3.prefix_list_id");
        assertThat(TerraformConfig.text(toS3.get("from_port"))).isEqualTo("443");
        assertThat(TerraformConfig.text(toS3.get("to_port"))).isEqualTo("443");
        assertThat(terraform
                        .resourcesOfType("aws_vpc_security_group_egress_rule")
                        .values())
                .map(TerraformConfig::map)
                .filteredOn(rule -> "aws_security_group.controller.id".equals(rule.get("security_group_id")))
                .allSatisfy(rule -> assertThat(rule).doesNotContainKeys("cidr_ipv4", "cidr_ipv6"));
        assertThat(map(terraform.resource("aws_ecs_service", "controller").get("network_configuration")))
                .containsEntry("assign_public_ip", false);
        assertThat(terraform.resource("aws_vpc_endpoint", "s3"))
                .containsEntry("vpc_endpoint_type", "Gateway")
                .containsEntry("route_table_ids", List.of("aws_route_table.private.id"));
    }

    private List<Map<String, Object>> statements(String policyDocument) {
        return blocks(terraform.data("aws_iam_policy_document", policyDocument).get("statement"));
    }

    private static List<String> resourcesOf(List<Map<String, Object>> statements, String action) {
        return statements.stream()
                .filter(s -> texts(s.get("actions")).contains(action))
                .flatMap(s -> texts(s.get("resources")).stream())
                .toList();
    }
}
