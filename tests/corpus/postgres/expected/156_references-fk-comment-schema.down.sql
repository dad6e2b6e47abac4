-- node-pg-migrate 9.0.0: 156_references-fk-comment-schema down (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
DROP TABLE "app"."children";
