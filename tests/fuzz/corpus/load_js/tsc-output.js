"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.down = exports.up = exports.shorthands = void 0;
const node_pg_migrate_1 = require("node-pg-migrate");
exports.shorthands = {
    updated: { type: 'timestamp', default: new node_pg_migrate_1.PgLiteral('now()') },
};
async function up(pgm) {
    pgm.createTable('items', { id: 'id', updated: 'updated' });
    pgm.createView('item_view', {}, 'SELECT * FROM items');
}
exports.up = up;
async function down(pgm) {
    pgm.dropView('item_view');
    pgm.dropTable('items');
}
exports.down = down;
