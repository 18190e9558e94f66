package dev.ecscanary.controller;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the package-info files say a package may use, where a slip would otherwise go unnoticed. */
class PackageDependenciesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev.ecscanary.controller.problem..", "dev.ecscanary.controller.audit.."})
    void theProblemModelAndTheAuditTrailUseNothingOfTheControllersOwn(String leaf) {
        noClasses()
                .that()
                .resideInAPackage(leaf)
                .should()
                .dependOnClassesThat(
                        resideInAPackage("dev.ecscanary.controller..").and(not(resideInAPackage(leaf))))
                .because("everything else records into the audit trail and answers with problems")
                .check(AwsSdkBoundaryTest.PRODUCTION);
    }

    @Test
    void revisionsKnowNothingOfDeploymentsTheApiOrThePage() {
        noClasses()
                .that()
                .resideInAPackage("dev.ecscanary.controller.revision..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.ecscanary.controller.deployment..",
                        "dev.ecscanary.controller.api..",
                        "dev.ecscanary.controller.web..")
                .check(AwsSdkBoundaryTest.PRODUCTION);
    }
}
