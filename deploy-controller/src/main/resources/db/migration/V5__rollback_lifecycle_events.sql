-- The lifecycle events of a release's CodeDeploy rollback deployment, kept apart from those of the release's own
-- deployment in the same table: of_rollback tells them apart (every row written before this is the release's own).
alter table deployment_lifecycle_event add column of_rollback boolean not null default false;
alter table deployment_lifecycle_event drop constraint deployment_lifecycle_event_pkey;
alter table deployment_lifecycle_event add primary key (deployment_id, of_rollback, idx);
