-- CodeDeploy's lifecycle events of a deployment's ECS target (BeforeInstall ... AfterAllowTraffic), as last read,
-- in CodeDeploy's order. Status as on the wire: Pending, InProgress, Succeeded, Failed, Skipped, Unknown.
create table deployment_lifecycle_event (
    deployment_id uuid        not null references deployment (id),
    idx           integer     not null,
    name          text        not null,
    status        text        not null,
    start_time    timestamptz,
    end_time      timestamptz,
    primary key (deployment_id, idx)
);
