-- migrate:up
SELECT 1;
-- +goose Down

-- Down Migration
