// The node-pg-migrate oracle for tests/corpus/postgres: runs node-pg-migrate's own
// runner (the code its CLI runs) in dry-run mode against a scratch
// PostgreSQL database, once per corpus file and direction, and writes the
// SQL steps it would execute to tests/corpus/postgres/expected/<name>.<up|down>.sql.
//
// Step boundaries are kept: the dry-run log joins the steps with newlines,
// so instead MigrationBuilder.prototype.getSqlSteps is wrapped and the step
// array of each migration is recorded (it is what _apply hands, one string
// at a time, to client.query()).
//
// It also writes expected/<name>.ir: the file's operations as node-pg-migrate
// sees them (each pgm.<op>(...) call with its arguments, recorded by calling
// up/down with a recording `pgm` on the module jiti loaded), in a small JSON
// superset (undefined, func("sql") for pgm.func()). test_postgres_corpus.c emits
// from these too, so the emitter is checked independently of the JS loader,
// and the loader's IR can be compared with node-pg-migrate's view.
//
// Usage (see refresh-pg-corpus.sh):
//   node pg-oracle.mjs --npm DIR --corpus DIR --url postgres://... [name...]
// DIR/node_modules must hold node-pg-migrate@9.0.0 and pg. A database
// mig_oracle_<pid> is created on the server behind --url and dropped again.
//
// Per file: "up" is `up --dry-run` with only that file pending; "down" is
// `down --dry-run` after recording that file (alone) as applied. Files whose
// name contains "decamelize" run with --decamelize. --no-check-order is used
// because each run records only the one file.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function usage(msg) {
  console.error(`pg-oracle: ${msg}`);
  console.error('usage: node pg-oracle.mjs --npm DIR --corpus DIR --url URL [name...]');
  process.exit(2);
}

const opts = { only: [] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--npm' || a === '--corpus' || a === '--url') {
    if (i + 1 >= argv.length) usage(`${a} needs a value`);
    opts[a.slice(2)] = argv[++i];
  } else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else opts.only.push(a.replace(/\.[^.]+$/, ''));
}
if (!opts.npm || !opts.corpus || !opts.url) usage('--npm, --corpus and --url are required');

const nm = path.join(path.resolve(opts.npm), 'node_modules');
const npmPkg = JSON.parse(fs.readFileSync(path.join(nm, 'node-pg-migrate', 'package.json'), 'utf8'));
if (npmPkg.version !== '9.0.0') usage(`node-pg-migrate ${npmPkg.version} found, 9.0.0 needed`);
const { runner, MigrationBuilder, jiti, isPgLiteral } = await import(
  pathToFileURL(path.join(nm, 'node-pg-migrate', 'dist', 'bundle', 'index.js')).href
);
const pg = (await import(pathToFileURL(path.join(nm, 'pg', 'lib', 'index.js')).href)).default;

// Record the step list of the migration being applied.
let captured = null;
const getSqlSteps = MigrationBuilder.prototype.getSqlSteps;
MigrationBuilder.prototype.getSqlSteps = function capture() {
  const steps = getSqlSteps.call(this);
  captured = [...steps];
  return steps;
};

const corpus = path.resolve(opts.corpus);
const outDir = path.join(corpus, 'expected');
fs.mkdirSync(outDir, { recursive: true });

// The migrations node-pg-migrate sees: regular files, no dotfiles.
const files = fs
  .readdirSync(corpus, { withFileTypes: true })
  .filter((d) => d.isFile() && !d.name.startsWith('.'))
  .map((d) => d.name);
const names = files.map((f) => f.replace(/\.[^.]+$/, ''));
const selected = opts.only.length ? names.filter((n) => opts.only.includes(n)) : names;

const adminUrl = new URL(opts.url);
const dbName = `mig_oracle_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl.href });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const dbUrl = new URL(adminUrl.href);
dbUrl.pathname = `/${dbName}`;
const db = new pg.Client({ connectionString: dbUrl.href });
await db.connect();

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const table = 'pgmigrations';

async function run(name, direction) {
  captured = null;
  await db.query(`DELETE FROM ${table}`).catch(() => {});
  if (direction === 'down') {
    // the state table exists: the "up" run of this file created it
    await db.query(`INSERT INTO ${table} (name, run_on) VALUES ($1, NOW())`, [name]);
  }
  try {
    await runner({ ...base(name), direction, count: direction === 'down' ? 1 : Infinity, dryRun: true });
  } catch (err) {
    return { error: err.message };
  }
  if (captured === null) return { error: '(no migration ran)' };
  return { steps: captured };
}

function base(name) {
  return {
    databaseUrl: dbUrl.href,
    dir: corpus,
    migrationsTable: table,
    file: name,
    checkOrder: false,
    decamelize: name.includes('decamelize'),
    logger: quiet,
    verbose: false,
    noLock: true,
  };
}

function render(name, direction, result) {
  let out = `-- node-pg-migrate ${npmPkg.version}: ${name} ${direction} (written by tests/oracle/refresh-pg-corpus.sh, do not edit)\n`;
  if (result.error !== undefined) return `${out}-- @error\n${result.error}\n`;
  for (const s of result.steps) out += `-- @step\n${s}\n`;
  return out;
}

// ---- IR recording --------------------------------------------------------
class Func {
  constructor(text) {
    this.text = text;
  }
}

function irText(v) {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (v instanceof Func) return `func(${JSON.stringify(String(v.text))})`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(irText).join(',')}]`;
  if (typeof v === 'object') {
    if (isPgLiteral(v) && v.constructor && v.constructor.name === 'PgLiteral') return `func(${JSON.stringify(String(v.value))})`;
    return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${irText(v[k])}`).join(',')}}`;
  }
  throw new Error(`cannot record a ${typeof v}`);
}

async function record(fn) {
  const ops = [];
  let noTransaction = false;
  const pgm = new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === 'func') return (text) => new Func(text);
        if (prop === 'noTransaction') return () => { noTransaction = true; };
        if (prop === 'db') throw new Error('pgm.db cannot be recorded');
        return (...args) => { ops.push(`[${JSON.stringify(String(prop))},${irText(args)}]`); };
      },
    }
  );
  await fn(pgm);
  return { ops: `[${ops.join(',\n ')}]`, noTransaction };
}

async function recordFile(file) {
  const mod = await jiti.import(path.join(corpus, file));
  const parts = [];
  if (typeof mod.up === 'function') {
    const r = await record(mod.up);
    parts.push(`"up": ${r.ops}`, `"upNoTransaction": ${r.noTransaction}`);
  } else parts.push(`"up": ${mod.up === false ? '"disabled"' : '"invalid"'}`);
  if (typeof mod.down === 'function') {
    const r = await record(mod.down);
    parts.push(`"down": ${r.ops}`, `"downNoTransaction": ${r.noTransaction}`);
  } else parts.push(`"down": ${mod.down === false ? '"disabled"' : mod.down === undefined ? '"infer"' : '"invalid"'}`);
  parts.push(`"shorthands": ${irText(mod.shorthands)}`);
  return `{${parts.join(',\n')}}\n`;
}

let n = 0;
try {
  for (const name of selected) {
    const file = files[names.indexOf(name)];
    fs.writeFileSync(path.join(outDir, `${name}.ir`), await recordFile(file));
    for (const direction of ['up', 'down']) {
      const result = await run(name, direction);
      fs.writeFileSync(path.join(outDir, `${name}.${direction}.sql`), render(name, direction, result));
      n++;
    }
  }
} finally {
  await db.end();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.end();
}
console.log(`pg-oracle: wrote ${n} expectation files for ${selected.length} migrations into ${outDir}`);
