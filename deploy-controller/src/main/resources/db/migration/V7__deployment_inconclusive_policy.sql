-- The inconclusive policy a release runs under, fixed when it is accepted: the record and the reconciler use it, not
-- whatever the configuration says later. Releases accepted before this column existed keep null (not recorded).
alter table deployment add column inconclusive_policy text
    check (inconclusive_policy in ('ROLL_BACK', 'CONTINUE'));
