-- node-pg-migrate 9.0.0: 134_shorthands-self-cycle-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP DOMAIN "sh_dom2";
