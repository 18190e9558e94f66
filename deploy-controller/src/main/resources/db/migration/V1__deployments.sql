-- Deployments, their phases, events and alarm readings. Times are UTC instants.
create table deployment (
    id                        uuid primary key,
    service                   text        not null,
    image                     text        not null,
    environment               text,
    description               text,
    commit_sha                text,
    run_url                   text,
    requested_by              text        not null,
    status                    text        not null,
    traffic_percent           integer     not null default 0,
    task_definition_arn       text,
    code_deploy_deployment_id text,
    rollback_deployment_id    text,
    reason                    text,
    original_target_group     text,
    replacement_target_group  text,
    stop_state                text        not null default 'NONE',
    stop_requested_at         timestamptz,
    stop_answered_at          timestamptz,
    alarm_changed_at          timestamptz,
    traffic_restored_at       timestamptz,
    inconclusive_since        timestamptz,
    aws_problem               text,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    finished_at               timestamptz,
    version                   bigint      not null default 0
);

-- At most one release of a service in flight, enforced where races cannot slip past it.
create unique index deployment_one_in_flight_per_service
    on deployment (service) where status in ('PENDING', 'IN_PROGRESS', 'ROLLING_BACK');
create index deployment_by_service_newest on deployment (service, created_at desc);
create index deployment_newest on deployment (created_at desc);

create table deployment_alarm (
    deployment_id    uuid        not null references deployment (id),
    name             text        not null,
    state            text        not null,
    reason           text,
    state_updated_at timestamptz,
    primary key (deployment_id, name)
);

create table deployment_phase (
    deployment_id   uuid        not null references deployment (id),
    idx             integer     not null,
    traffic_percent integer     not null,
    started_at      timestamptz not null,
    ended_at        timestamptz,
    outcome         text,
    alarm_states    text        not null default '{}', -- JSON object: alarm name -> worst state seen in the phase
    primary key (deployment_id, idx)
);

create table deployment_event (
    id            bigserial primary key,
    deployment_id uuid        not null references deployment (id),
    at            timestamptz not null,
    type          text        not null,
    message       text        not null
);
create index deployment_event_by_deployment on deployment_event (deployment_id, id);

create table idempotency_key (
    key           text primary key,
    request_hash  text        not null,
    deployment_id uuid        not null references deployment (id),
    created_at    timestamptz not null
);
