package dev.ecscanary.controller.config;

import dev.ecscanary.controller.judge.JudgeSettings;
import dev.ecscanary.controller.pretraffic.PreTrafficCheckProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One deployable service: where it runs, how CodeDeploy releases it, what may be released and what is watched.
 *
 * @param cluster                ECS cluster name
 * @param ecsService             ECS service name (deployment controller CODE_DEPLOY)
 * @param application            CodeDeploy application name
 * @param deploymentGroup        CodeDeploy deployment group name (ECS, blue/green)
 * @param deploymentConfig       CodeDeploy deployment configuration; default {@code CodeDeployDefault.ECSLinear10PercentEvery1Minutes}
 * @param containerName          the container in the task definition that serves traffic
 * @param containerPort          that container's port, as the load balancer reaches it
 * @param taskDefinitionTemplate Spring resource of the task definition template; default {@code classpath:taskdef.json.tpl} (the repository's)
 * @param appSpecTemplate        Spring resource of the AppSpec template; default {@code classpath:appspec.yaml} (the repository's)
 * @param alarms                 CloudWatch alarms watched at every phase (at least one)
 * @param environments           environments a release may name; empty means a request may not name one
 * @param imageRepositories      image repositories a release may come from, e.g. {@code 123456789012.dkr.ecr.eu-central-1.amazonaws.com/demo-app}
 * @param variables              values the task definition template is rendered with
 * @param preTrafficCheck        requests the replacement must answer on its own before any user reaches it (while
 *                               CodeDeploy waits in READY_WAIT); none: the release continues at once
 * @param canaryJudge            how the canary judge compares the new version with the old one; absent: its defaults
 */
public record ServiceProperties(
        @NotBlank String cluster,
        @NotBlank String ecsService,
        @NotBlank String application,
        @NotBlank String deploymentGroup,

        @DefaultValue("CodeDeployDefault.ECSLinear10PercentEvery1Minutes") @NotBlank
        String deploymentConfig,

        @NotBlank String containerName,
        @NotNull @Min(1) @Max(65535) Integer containerPort,

        @DefaultValue("classpath:taskdef.json.tpl") @NotBlank
        String taskDefinitionTemplate,

        @DefaultValue("classpath:appspec.yaml") @NotBlank String appSpecTemplate,
        @NotEmpty List<@NotBlank String> alarms,
        @DefaultValue List<@NotBlank String> environments,
        @NotEmpty List<@NotBlank String> imageRepositories,
        @NotNull @Valid TemplateVariables variables,
        PreTrafficCheckProperties preTrafficCheck,
        JudgeSettings canaryJudge) {

    /**
     * Values of the task definition template. Nothing a request sends reaches the template but the image.
     *
     * @param family           task definition family
     * @param cpu              task CPU units, e.g. {@code 256}
     * @param memory           task memory in MiB, e.g. {@code 512}
     * @param executionRoleArn role ECS uses to pull the image and write logs
     * @param taskRoleArn      role the application runs as
     * @param logGroup         CloudWatch Logs group of the container
     * @param region           AWS region of the log group
     * @param environment      environment variables of the container
     */
    public record TemplateVariables(
            @NotBlank String family,
            @NotBlank String cpu,
            @NotBlank String memory,
            @NotBlank String executionRoleArn,
            @NotBlank String taskRoleArn,
            @NotBlank String logGroup,
            @NotBlank String region,
            @DefaultValue Map<String, String> environment) {}
}
