-- node-pg-migrate 9.0.0: 147_dollar-quoting up (written by tests/oracle/refresh-pg-corpus.sh, do not edit)
-- @step
CREATE TABLE "dq" (
  "a" text DEFAULT $pgb$$pga$$pgb$,
  "b" text DEFAULT $pgaa$$pga$$pgb$$pgc$$pgd$$pge$$pgf$$pgg$$pgh$$pgi$$pgj$$pgk$$pgl$$pgm$$pgn$$pgo$$pgp$$pgq$$pgr$$pgs$$pgt$$pgu$$pgv$$pgw$$pgx$$pgy$$pgz$$pgaa$,
  "c" text DEFAULT $pga$ARRAY inside$pga$,
  "d" text[] DEFAULT ARRAY[$pga$$pga$,$pga$x$pga$]
);
