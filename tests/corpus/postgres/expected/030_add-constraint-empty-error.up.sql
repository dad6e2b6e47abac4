-- node-pg-migrate 9.0.0: 030_add-constraint-empty-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
No constraint options provided for addConstraint
