-- node-pg-migrate 9.0.0: 099_alter-policy-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
No policy options provided for alterPolicy
