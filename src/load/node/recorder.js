// The recording MigrationBuilder: the program Node.js runs for a migration
// file the static reader cannot read (src/load/node/). It imports the file
// as node-pg-migrate does, calls up/down with a `pgm` that records every
// pgm.<operation>(...) call with its arguments, and hands the record back
// to the migrations binary, which turns it into the same operations the
// static reader produces. Nothing here writes SQL.
//
// Compiled into the binary (cmake/Embed.cmake) and run as
//   node -e <this file> -- load|run FILE [up|down]
// The protocol is line-delimited JSON on file descriptor 3, a socket to
// the binary (not stdout: the migration's own console output goes there,
// and the binary sends it to its stderr):
//   -> {"t":"query","sql":...,"params":[...]}   pgm.db.query/select (run mode)
//   <- {"ok":true,"rows":[...],"rowCount":n,"fields":[...]} | {"ok":false,"error":...}
//   -> {"t":"result",...} | {"t":"error",...}   the last line, then exit
// Values are JSON, except what JSON cannot say, which is an object with
// the single key "\u0000": {"\u0000":"u"} undefined, {"\u0000":"f","v":sql}
// a pgm.func() literal, {"\u0000":"n","v":"NaN"} a non-finite number.
// Kept to ES2020 so that Node 18 can parse it and say its own version.
'use strict';
const fs = require('fs');
const path = require('path');
const url = require('url');

const CHANNEL = 3;
const [mode, fileArg, direction] = process.argv.slice(1);
const file = path.resolve(fileArg || '');
const fileUrl = url.pathToFileURL(file).href;

function send(msg) {
	const data = Buffer.from(JSON.stringify(msg) + '\n');
	let off = 0;
	while (off < data.length) off += fs.writeSync(CHANNEL, data, off, data.length - off);
}

let pending = Buffer.alloc(0);
function receive() {
	const chunk = Buffer.alloc(65536);
	for (;;) {
		const nl = pending.indexOf(10);
		if (nl >= 0) {
			const line = pending.subarray(0, nl).toString('utf8');
			pending = pending.subarray(nl + 1);
			return JSON.parse(line);
		}
		const n = fs.readSync(CHANNEL, chunk, 0, chunk.length, null);
		if (n === 0) throw new Error('the migrations binary closed the channel');
		pending = Buffer.concat([pending, chunk.subarray(0, n)]);
	}
}

// The file's position in a stack: the first frame in the migration file,
// else the first frame outside this program.
function locate(stack) {
	const lines = String(stack || '').split('\n');
	let other = null;
	for (const l of lines) {
		const m = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/.exec(l);
		if (!m || !/^\s*at /.test(l)) continue;
		let f = m[1];
		if (f.startsWith('file://')) {
			try { f = url.fileURLToPath(f); } catch (e) { continue; }
		}
		if (f === file) return { file: f, line: +m[2], column: +m[3] };
		if (!other && f !== '[eval]' && !f.startsWith('node:') && path.isAbsolute(f))
			other = { file: f, line: +m[2], column: +m[3] };
	}
	return other;
}

// A SyntaxError's stack starts with "FILE:LINE", the source line and a caret.
function locateSyntax(err) {
	const lines = String(err && err.stack || '').split('\n');
	const m = /^(.*):(\d+)$/.exec(lines[0] || '');
	if (!m) return null;
	let f = m[1];
	if (f.startsWith('file://')) {
		try { f = url.fileURLToPath(f); } catch (e) { return null; }
	}
	const caret = (lines[2] || '').indexOf('^');
	return { file: f, line: +m[2], column: caret >= 0 ? caret + 1 : 0 };
}

class RecordError extends Error {}

function encode(v, depth, where) {
	if (depth > 100) throw new RecordError(`${where}: nested more than 100 levels deep`);
	if (v === undefined) return { '\u0000': 'u' };
	if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
	if (typeof v === 'number') return Number.isFinite(v) ? v : { '\u0000': 'n', v: String(v) };
	if (Array.isArray(v)) return Array.from(v, (x) => encode(x, depth + 1, where));
	if (typeof v === 'object') {
		// node-pg-migrate's PgLiteral test: anything with literal === true
		if (v.literal === true) return { '\u0000': 'f', v: String(v.value !== undefined ? v.value : v) };
		const proto = Object.getPrototypeOf(v);
		if (proto !== Object.prototype && proto !== null) {
			const name = proto && proto.constructor && proto.constructor.name;
			throw new RecordError(`${where}: an object of class ${name || '?'} cannot be recorded (only plain objects, arrays, strings, numbers, booleans, null, undefined and pgm.func())`);
		}
		const o = Object.create(null);
		for (const k of Object.keys(v)) {
			if (k.indexOf('\u0000') >= 0) throw new RecordError(`${where}: an object key contains a NUL character`);
			o[k] = encode(v[k], depth + 1, where);
		}
		return o;
	}
	throw new RecordError(`${where}: a ${typeof v} cannot be recorded (only plain objects, arrays, strings, numbers, booleans, null, undefined and pgm.func())`);
}

class PgLiteral {
	constructor(value) {
		this.value = value;
		this.literal = true;
	}
	toString() {
		return this.value;
	}
	static create(value) {
		return new PgLiteral(value);
	}
}

// Thrown at the first pgm.db call while loading: the direction is then
// evaluated again at its turn in the run, with the database.
const DEFER = Symbol('defer');

function recorder(dir, live) {
	const rec = { ops: [], noTransaction: false, deferred: false };
	const db = {
		async query(text, values) {
			let sql = text;
			let params = values;
			if (text && typeof text === 'object') {
				sql = text.text;
				params = values !== undefined ? values : text.values;
			}
			if (typeof sql !== 'string') throw new TypeError('pgm.db.query() needs the SQL text as a string');
			if (params !== undefined && !Array.isArray(params)) throw new TypeError('pgm.db.query(): the parameters must be an array');
			if (!live) {
				rec.deferred = true;
				throw DEFER;
			}
			send({ t: 'query', sql, params: encode(params || [], 0, 'pgm.db.query() parameters') });
			const r = receive();
			if (!r.ok) throw new Error(r.error);
			const fields = r.fields.map((name) => ({ name }));
			return { command: r.command, rowCount: r.rowCount, rows: r.rows, fields };
		},
		async select(text, values) {
			return (await db.query(text, values)).rows;
		},
	};
	const special = {
		db,
		func: (sql) => PgLiteral.create(sql),
		noTransaction: () => {
			rec.noTransaction = true;
		},
	};
	const pgm = new Proxy(Object.create(null), {
		get(target, prop) {
			if (typeof prop !== 'string' || prop === 'then' || prop === 'toJSON') return undefined;
			if (Object.prototype.hasOwnProperty.call(special, prop)) return special[prop];
			return function () {
				const at = locate(new Error().stack) || { line: 0, column: 0 };
				const args = encode(Array.from(arguments), 0, `pgm.${prop}() in ${dir}()`);
				rec.ops.push([prop, args, at.file === file ? at.line : 0, at.file === file ? at.column : 0]);
			};
		},
	});
	return { pgm, rec };
}

async function call(fn, pgm) {
	if (fn.length === 2) {
		await new Promise((resolve, reject) => {
			try {
				const r = fn(pgm, resolve);
				if (r && typeof r.then === 'function') r.then(undefined, reject);
			} catch (e) {
				reject(e);
			}
		});
	} else {
		await fn(pgm);
	}
}

function failure(err, phase) {
	const msg = { t: 'error', phase };
	if (err instanceof RecordError) {
		msg.message = err.message;
		Object.assign(msg, locate(err.stack) || {});
		return msg;
	}
	const name = err && err.name;
	msg.message = err instanceof Error ? `${name}: ${err.message}` : `thrown: ${String(err)}`;
	const at = (err instanceof SyntaxError && locateSyntax(err)) || (err instanceof Error && locate(err.stack));
	if (at) Object.assign(msg, at);
	if (err && err.code) msg.code = String(err.code);
	return msg;
}

// Console output of a load stays here until it is known whether the
// load is final: a direction that queries the database runs again, and
// prints again, at its turn in the run. What down() prints while it is
// read at load is dropped (node-pg-migrate runs one direction only).
let held = [];
let realStdout = null;
let realStderr = null;
function hold() {
	realStdout = process.stdout.write.bind(process.stdout);
	realStderr = process.stderr.write.bind(process.stderr);
	process.stdout.write = (chunk, enc, cb) => {
		held.push([realStdout, chunk, typeof enc === 'string' ? enc : undefined]);
		if (typeof enc === 'function') enc();
		else if (typeof cb === 'function') cb();
		return true;
	};
	process.stderr.write = (chunk, enc, cb) => {
		held.push([realStderr, chunk, typeof enc === 'string' ? enc : undefined]);
		if (typeof enc === 'function') enc();
		else if (typeof cb === 'function') cb();
		return true;
	};
}
function release(print) {
	if (!realStdout) return;
	process.stdout.write = realStdout;
	process.stderr.write = realStderr;
	if (print) for (const [w, chunk, enc] of held) w(chunk, enc);
	held = [];
}

let finished = false;
function finish(msg, print) {
	finished = true;
	release(print);
	send(msg);
	process.exit(0);
}

async function main() {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 18) {
		finish({ t: 'error', phase: 'version', message: `Node.js ${process.versions.node} is too old: the Node.js engine needs Node.js >= 18` }, true);
		return;
	}
	if (mode === 'load') hold();
	let ns;
	try {
		ns = await import(fileUrl);
	} catch (e) {
		finish(failure(e, 'import'), true);
		return;
	}
	const dflt = ns.default;
	const pick = (k) => {
		if (ns[k] !== undefined) return ns[k];
		return dflt !== null && (typeof dflt === 'object' || typeof dflt === 'function') ? dflt[k] : undefined;
	};
	const up = pick('up');
	const down = pick('down');
	const shorthands = pick('shorthands');
	const kind = (f) => (typeof f === 'function' ? 'function' : f === false ? 'false' : 'invalid');
	const upKind = kind(up);
	const downKind = down === undefined || (typeof down === 'function' && down === up) ? 'infer' : kind(down);

	if (mode === 'run') {
		// one direction, with the database: an inferred down has no db
		// (node-pg-migrate's reverse mode refuses pgm.db)
		const fn = direction === 'down' ? down : up;
		const { pgm, rec } = recorder(direction, true);
		try {
			if (typeof fn === 'function') await call(fn, pgm);
		} catch (e) {
			finish(failure(e, direction), true);
			return;
		}
		finish({ t: 'result', [direction]: { ops: rec.ops, noTransaction: rec.noTransaction } }, true);
		return;
	}

	const result = { t: 'result', up: { kind: upKind }, down: { kind: downKind } };
	try {
		if (shorthands !== undefined && shorthands !== null) result.shorthands = encode(shorthands, 0, 'exports.shorthands');
		else if (shorthands === null) result.shorthands = null;
	} catch (e) {
		finish(failure(e, 'shorthands'), true);
		return;
	}
	let shown = held;
	for (const [dir, fn, k] of [['up', up, upKind], ['down', down, downKind]]) {
		if (dir === 'down') {
			shown = held;
			held = [];
		}
		if (k !== 'function') continue;
		const { pgm, rec } = recorder(dir, false);
		try {
			await call(fn, pgm);
		} catch (e) {
			if (e !== DEFER && !rec.deferred) {
				if (dir === 'up') {
					finish(failure(e, dir), true);
					return;
				}
				// a down that throws (often on purpose) fails when it runs
				rec.deferred = true;
			}
		}
		Object.assign(result[dir], rec.deferred ? { deferred: true, noTransaction: rec.noTransaction }
			: { ops: rec.ops, noTransaction: rec.noTransaction });
	}
	held = result.up.deferred ? [] : shown;
	finish(result, true);
}

process.on('beforeExit', () => {
	if (finished) return;
	finish({ t: 'error', phase: mode === 'run' ? direction : 'load',
		message: 'the migration never finished: its promise never settled (a function with two parameters must call its second one, the callback)' }, true);
});

main().catch((e) => {
	if (!finished) finish(failure(e, 'internal'), true);
});
