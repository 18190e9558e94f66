package dev.ecscanary.infracheck;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checked files live: the repository root is the first parent holding both mvnw and terraform/. */
final class RepositoryLayout {

    static final Path ROOT = findRoot();

    private RepositoryLayout() {}

    static Path terraform() {
        return ROOT.resolve("terraform");
    }

    static Path taskDefinitionTemplate() {
        return ROOT.resolve("taskdef.json.tpl");
    }

    static Path appSpecTemplate() {
        return ROOT.resolve("appspec.yaml");
    }

    static Path controllerSources() {
        return ROOT.resolve("deploy-controller/src/main/java");
    }

    static Path workflows() {
        return ROOT.resolve(".github/workflows");
    }

    static Path actions() {
        return ROOT.resolve(".github/actions");
    }

    static Path scripts() {
        return ROOT.resolve("scripts");
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("terraform"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No repository root (mvnw and terraform/) above " + Path.of("").toAbsolutePath());
    }
}
