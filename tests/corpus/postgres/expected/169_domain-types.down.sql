-- node-pg-migrate 9.0.0: 169_domain-types down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP DOMAIN "dom_adapt";
