package dev.ecscanary.controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Only the adapter packages use the AWS SDK; everything else sees the small domain ports ({@code BlueGreenDeployer},
 * {@code AlarmReader}, {@code TaskDefinitionRegistry}, ...). Checked on the compiled classes, so a fully qualified
 * name counts as much as an import.
 */
class AwsSdkBoundaryTest {

    static final String[] ADAPTERS = {
        "dev.ecscanary.controller.aws..",
        "dev.ecscanary.controller.analysis.cloudwatch..",
        "dev.ecscanary.controller.traffic.codedeploy..",
        "dev.ecscanary.controller.traffic.alb..",
        "dev.ecscanary.controller.revision.ecs.."
    };

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ecscanary.controller");

    @Test
    void onlyAdapterPackagesUseTheAwsSdk() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ADAPTERS)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon.awssdk..")
                .because("AWS sits behind domain ports; only adapters may know the SDK")
                .check(PRODUCTION);
    }

    /** Keeps the rule above honest: were the adapter list stale or the import empty, it would pass vacuously. */
    @Test
    void eachAdapterPackageDoesUseTheSdk() {
        for (String adapter : ADAPTERS) {
            String prefix = adapter.substring(0, adapter.length() - 2);
            assertThat(PRODUCTION.stream()
                            .filter(c -> c.getPackageName().startsWith(prefix))
                            .anyMatch(AwsSdkBoundaryTest::usesTheSdk))
                    .as("a class in %s uses the SDK", prefix)
                    .isTrue();
        }
    }

    private static boolean usesTheSdk(JavaClass c) {
        return c.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("software.amazon.awssdk"));
    }
}
