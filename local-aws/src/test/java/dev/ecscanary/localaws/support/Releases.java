package dev.ecscanary.localaws.support;

import dev.ecscanary.localaws.codedeploy.AppSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.PortMapping;

/** Starts a release the way the controller does: register a task definition, render the AppSpec, create a deployment. */
public final class Releases {

    private Releases() {}

    public static Path repoRoot() {
        return Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    }

    /** The repository's appspec.yaml, rendered for one task definition. */
    public static String appSpec(String taskDefinitionArn) {
        try {
            return Files.readString(repoRoot().resolve("appspec.yaml"))
                    .replace("{{taskDefinitionArn}}", taskDefinitionArn)
                    .replace("{{containerName}}", "demo-app")
                    .replace("{{containerPort}}", "3000");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String registerTaskDefinition(EcsClient ecs, String image) {
        return ecs.registerTaskDefinition(r -> r.family("demo-app")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("demo-app")
                                .image(image)
                                .essential(true)
                                .portMappings(PortMapping.builder()
                                        .containerPort(3000)
                                        .build())
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();
    }

    public static String release(EcsClient ecs, CodeDeployClient codeDeploy, String image) {
        String appSpec = appSpec(registerTaskDefinition(ecs, image));
        return codeDeploy
                .createDeployment(r -> r.applicationName("demo-app")
                        .deploymentGroupName("demo-app")
                        .description("release " + image)
                        .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT)
                                .appSpecContent(c -> c.content(appSpec).sha256(AppSpec.sha256Of(appSpec)))))
                .deploymentId();
    }

    public static DeploymentInfo deployment(CodeDeployClient codeDeploy, String id) {
        return codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
    }
}
