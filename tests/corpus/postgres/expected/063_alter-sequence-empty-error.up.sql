-- node-pg-migrate 9.0.0: 063_alter-sequence-empty-error up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @error
No sequence options provided for alterSequence
