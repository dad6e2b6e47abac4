-- node-pg-migrate 9.0.0: 134_shorthands-self-cycle-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Shorthands contain cyclic dependency: cyc_self, cyc_self
