-- node-pg-migrate 9.0.0: 178_sql-args-order up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
""x"""x"""x"";
-- @step
SELECT '"it"';
-- @step
{ab} 1;
