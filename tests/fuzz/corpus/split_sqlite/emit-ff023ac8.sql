PRAGMA foreign_keys = OFF;
SAVEPOINT "_mig_rebuild";
