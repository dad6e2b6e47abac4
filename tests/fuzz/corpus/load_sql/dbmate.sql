-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY i ON t (id);

-- migrate:down
DROP INDEX i;
