--+goose up
-- +goose statementbegin
SELECT 1;
