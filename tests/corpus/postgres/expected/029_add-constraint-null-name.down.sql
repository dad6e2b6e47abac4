-- node-pg-migrate 9.0.0: 029_add-constraint-null-name down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Impossible to automatically infer down migration for addConstraint without naming constraint
