"use strict";

Object.defineProperty(exports, "__esModule", {
  value: true
});
exports.up = exports.shorthands = exports.down = void 0;
var _nodePgMigrate = require("node-pg-migrate");
const shorthands = exports.shorthands = {
  ts: { type: 'timestamp', default: new _nodePgMigrate.PgLiteral('now()') }
};
const up = pgm => {
  pgm.createTable('babel', { id: 'id', at: 'ts' });
};
exports.up = up;
const down = exports.down = false;
