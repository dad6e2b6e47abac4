-- node-pg-migrate 9.0.0: 132_shorthands-cycle-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
Shorthands contain cyclic dependency: cyc_a, cyc_b, cyc_c, cyc_a
