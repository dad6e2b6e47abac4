-- node-pg-migrate 9.0.0: 027_add-constraint-string down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Impossible to automatically infer down migration for addConstraint with raw SQL expression
