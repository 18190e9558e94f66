package dev.ecscanary.controller.fakes;

import dev.ecscanary.controller.deployment.Deployment;
import dev.ecscanary.controller.deployment.store.DeploymentSaver;
import java.util.ArrayList;
import java.util.List;

/** Saves as the store would (the deployment's unsaved changes become saved), and keeps a copy of each save. */
public class RecordingSaver implements DeploymentSaver {

    private final List<Deployment> saves = new ArrayList<>();

    @Override
    public void save(Deployment d) {
        d.saved();
        saves.add(d.snapshot());
    }

    /** Each save's copy, oldest first. */
    public List<Deployment> saves() {
        return List.copyOf(saves);
    }
}
