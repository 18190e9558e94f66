-- TRUNCATE fires no row triggers, so V4's append-only trigger let it empty the audit trail in one statement.
-- A statement trigger refuses it with the same error.
create trigger audit_entry_never_truncated before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
