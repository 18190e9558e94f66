-- When CreateDeployment was last sent: a restart that finds it set, but no CodeDeploy id, looks for the deployment
-- by its marker before creating another.
alter table deployment add column create_requested_at timestamptz;
