-- node-pg-migrate 9.0.0: 169_domain-types up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE DOMAIN "dom_adapt" AS timestamp COLLATE C DEFAULT now();
