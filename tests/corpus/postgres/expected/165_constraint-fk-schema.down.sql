-- node-pg-migrate 9.0.0: 165_constraint-fk-schema down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Impossible to automatically infer down migration for addConstraint without naming constraint
