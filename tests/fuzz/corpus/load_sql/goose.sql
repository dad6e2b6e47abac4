-- +goose NO TRANSACTION
-- +goose Up
CREATE TABLE t (id int);
-- +goose StatementBegin
CREATE FUNCTION f() RETURNS int AS $$
BEGIN RETURN 1; END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
INSERT INTO t VALUES (1);

-- +goose Down
DROP FUNCTION f();
DROP TABLE t;
