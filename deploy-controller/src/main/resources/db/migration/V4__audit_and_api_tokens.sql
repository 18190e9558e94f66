-- The audit trail: append-only. Who (subject, repository, workflow run, token name), what (action, service,
-- deployment, outcome, reason), when, and from where. The trigger refuses every UPDATE and DELETE, so not even a
-- bug in the controller can edit the record.
create table audit_entry (
    id            bigserial primary key,
    at            timestamptz not null,
    caller        text        not null, -- display name, e.g. github:owner/repo@refs/heads/main run 123
    subject       text,
    repository    text,
    workflow_run  text,
    token_name    text,
    action        text        not null, -- DEPLOY, ROLLBACK, TOKEN_CREATE, TOKEN_REVOKE
    service       text,
    deployment_id uuid,
    outcome       text        not null, -- ACCEPTED, REFUSED, FAILED
    http_status   integer     not null,
    reason        text,
    remote_address text,
    user_agent    text
);
create index audit_entry_by_deployment on audit_entry (deployment_id, id);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();

-- API tokens for automation: only the SHA-256 of a token is kept; the token itself is shown once, at creation.
create table api_token (
    name        text primary key,
    sha256      text        not null unique,
    scopes      text        not null, -- comma-separated: deploy, rollback, read
    services    text        not null default '', -- comma-separated; empty means every service
    created_by  text        not null,
    created_at  timestamptz not null,
    revoked_by  text,
    revoked_at  timestamptz
);
