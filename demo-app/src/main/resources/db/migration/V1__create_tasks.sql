-- The seed's tasks table, plus updated_at; ids are server-assigned.
CREATE TABLE tasks (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title       VARCHAR(255) NOT NULL CHECK (btrim(title) <> ''),
    description TEXT,
    completed   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The list's order (newest first, id breaking ties) and its keyset cursor, with and without the filter.
CREATE INDEX tasks_newest_first ON tasks (created_at DESC, id DESC);
CREATE INDEX tasks_completed_newest_first ON tasks (completed, created_at DESC, id DESC);
