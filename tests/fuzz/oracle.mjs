// Differential oracle for the JS/TS loader (a development tool, not run by
// ctest: it needs Node.js and node-pg-migrate).
//
//   node tests/fuzz/oracle.mjs FILE...
//
// Loads each migration with node-pg-migrate's own module loader (jiti),
// runs up and down against a recording MigrationBuilder and prints what
// they did in the format of `replay_load_js --dump`, so the two outputs
// can be diffed for every file the C loader accepts. NPM_DIR points to a
// node-pg-migrate install (default /tmp/npmo/node_modules/node-pg-migrate).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const npmDir = process.env.NPM_DIR ?? '/tmp/npmo/node_modules/node-pg-migrate';
const { jiti, PgLiteral } = await import(
	pathToFileURL(join(npmDir, 'dist/legacy/index.js')).href);

const aliases = { addColumn: 'addColumns', dropColumn: 'dropColumns',
	createConstraint: 'addConstraint', addIndex: 'createIndex', addType: 'createType',
	addExtension: 'createExtension' };
const ops = ['createTable', 'dropTable', 'renameTable', 'alterTable', 'addColumns',
	'dropColumns', 'renameColumn', 'alterColumn', 'addConstraint', 'dropConstraint',
	'renameConstraint', 'createIndex', 'dropIndex', 'renameIndex', 'createType', 'dropType',
	'renameType', 'addTypeAttribute', 'dropTypeAttribute', 'setTypeAttribute',
	'renameTypeAttribute', 'addTypeValue', 'renameTypeValue', 'createExtension',
	'dropExtension', 'createSchema', 'dropSchema', 'renameSchema', 'createSequence',
	'alterSequence', 'dropSequence', 'renameSequence', 'createFunction', 'dropFunction',
	'renameFunction', 'createTrigger', 'dropTrigger', 'renameTrigger', 'createView',
	'alterView', 'alterViewColumn', 'dropView', 'renameView', 'createMaterializedView',
	'alterMaterializedView', 'refreshMaterializedView', 'renameMaterializedView',
	'renameMaterializedViewColumn', 'dropMaterializedView', 'createDomain', 'alterDomain',
	'dropDomain', 'renameDomain', 'createPolicy', 'alterPolicy', 'dropPolicy', 'renamePolicy',
	'createRole', 'alterRole', 'dropRole', 'renameRole', 'grantRoles', 'revokeRoles',
	'grantOnSchemas', 'revokeOnSchemas', 'grantOnTables', 'revokeOnTables', 'createCast',
	'dropCast', 'createOperator', 'dropOperator', 'createOperatorFamily', 'dropOperatorFamily',
	'renameOperatorFamily', 'createOperatorClass', 'dropOperatorClass', 'renameOperatorClass',
	'addToOperatorFamily', 'removeFromOperatorFamily', 'sql', ...Object.keys(aliases)];

function dumpString(s) {
	let o = '"';
	for (const ch of s) {
		const c = ch.codePointAt(0);
		if (ch === '"' || ch === '\\') o += '\\' + ch;
		else if (ch === '\n') o += '\\n';
		else if (c < 0x20) o += '\\u' + c.toString(16).padStart(4, '0');
		else o += ch;
	}
	return o + '"';
}

function dump(v) {
	if (v === undefined) return 'undefined';
	if (v === null) return 'null';
	if (typeof v === 'boolean') return String(v);
	if (typeof v === 'number') return String(v);
	if (typeof v === 'string') return dumpString(v);
	if (v.constructor && v.constructor.name === 'PgLiteral') return `func(${dumpString(String(v.value))})`;
	if (Array.isArray(v)) return '[' + v.map(dump).join(',') + ']';
	if (typeof v === 'object')
		return '{' + Object.keys(v).map((k) => dumpString(k) + ':' + dump(v[k])).join(',') + '}';
	return `<${typeof v}>`;
}

function builder() {
	const rec = { calls: [], noTx: false };
	const pgm = { func: (s) => PgLiteral.create(s), noTransaction() { rec.noTx = true; return pgm; },
		db: { query() { throw new Error('db'); }, select() { throw new Error('db'); } } };
	for (const op of ops)
		pgm[op] = (...args) => { rec.calls.push(`  ${aliases[op] ?? op}${dump(args)}`); };
	return { pgm, rec };
}

async function run(action) {
	const { pgm, rec } = builder();
	if (action.length === 2)
		await Promise.race([new Promise((r) => action(pgm, r)),
			new Promise((_, j) => setTimeout(() => j(new Error('run() never called')), 1000))]);
	else await action(pgm);
	return rec;
}

function kind(v, up, dir) {
	if (dir === 'down' && v === undefined) return 'infer';
	if (v === false) return 'disabled';
	if (typeof v !== 'function') return 'invalid';
	if (dir === 'down' && v === up) return 'infer';
	return 'function';
}

const files = process.argv.slice(2);
for (const file of files) {
	if (files.length > 1) console.log(`== ${file}`);
	// next to node_modules so that the file can import node-pg-migrate
	const dir = mkdtempSync(join(npmDir, '..', '..', 'oracle-'));
	// the file's whole folder comes along, so that sibling imports resolve
	// (a file without an extension is loaded as TypeScript, as before)
	cpSync(dirname(file), join(dir, 'f'), { recursive: true });
	const copy = join(dir, 'f', basename(file) + (extname(file) ? '' : '.ts'));
	if (!extname(file)) cpSync(file, copy);
	try {
		const m = await jiti.import(copy);
		const out = [];
		for (const d of ['up', 'down']) {
			const k = kind(m[d], m.up, d);
			if (k === 'function') {
				const rec = await run(m[d]);
				out.push(`${d}: function${rec.noTx ? ' noTransaction' : ''}`, ...rec.calls);
			} else out.push(`${d}: ${k}`);
		}
		const sh = m.shorthands;
		out.push(`shorthands: ${sh !== null && typeof sh === 'object' ? dump(sh) : 'none'}`);
		console.log(out.join('\n'));
	} catch (e) {
		console.log(`error: ${String(e && e.message).split('\n')[0]}`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
