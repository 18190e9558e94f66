-- A release's pre-traffic phase (the checks run against the replacement while CodeDeploy waits in READY_WAIT, and the
-- ContinueDeployment that follows a pass), as one JSON document: it is written whole each time it changes and read
-- only with its release. Null until CodeDeploy waits, and for every release before this column existed.
alter table deployment add column pre_traffic text;
