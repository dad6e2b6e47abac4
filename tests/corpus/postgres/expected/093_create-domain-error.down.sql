-- node-pg-migrate 9.0.0: 093_create-domain-error down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP DOMAIN "bad_domain";
