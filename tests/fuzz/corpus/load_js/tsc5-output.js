"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.shorthands = void 0;
exports.up = up;
exports.down = down;
exports.shorthands = undefined;
async function up(pgm) {
    pgm.createSchema('app', { ifNotExists: true });
    pgm.createTable({ schema: 'app', name: 'things' }, { id: 'id' });
}
async function down(pgm) {
    pgm.dropSchema('app', { cascade: true });
}
