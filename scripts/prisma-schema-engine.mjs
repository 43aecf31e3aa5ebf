#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary.
//
// Prisma 7's CLI spawns `schema-engine --datamodels <file>... --datasource <json>` and
// talks JSON-RPC 2.0 over stdin/stdout (one JSON object per line). This script speaks the
// same protocol but runs the WebAssembly build of the same engine
// (@prisma/schema-engine-wasm) on top of a Prisma driver adapter: pg for `postgres://`
// URLs, PGlite for `pglite:<dir>` / `pglite:memory`.
// It has no SQLite adapter: Switchboard is PostgreSQL everywhere. prisma.config.ts points Prisma at it.
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const SHIM_VERSION = 'schema-engine-wasm-shim'

// ---------- argv ----------
const argv = process.argv.slice(2)
if (argv.includes('--version') || argv.includes('-V')) {
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'))
  const v = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version
  process.stdout.write(`schema-engine-cli ${v.split('.').pop()} (${SHIM_VERSION})\n`)
  process.exit(0)
}
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write('JSON-RPC schema engine over stdio, backed by @prisma/schema-engine-wasm\n')
  process.exit(0)
}
const datamodelPaths = []
let datasource = null
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]
  if (a === '--datamodels' || a === '-d') datamodelPaths.push(argv[++i])
  else if (a === '--datasource') datasource = JSON.parse(argv[++i])
  else if (a === '--enabled-preview-features' || a === '--extension-types') i++
  else if (a.startsWith('--datasource=')) datasource = JSON.parse(a.slice('--datasource='.length))
}
const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(p, 'utf8')])

// The datasource URL comes from prisma.config.ts (`datasource.url`); fall back to the
// schema's `url = "..."` literal if a Prisma 6 style schema is used.
function urlFromSchema() {
  for (const [, src] of datamodels) {
    const m = src.match(/datasource\s+\w+\s*{[^}]*?\burl\s*=\s*"([^"]+)"/s)
    if (m) return m[1]
  }
  return undefined
}
const url = datasource?.url ?? urlFromSchema()
const shadowUrl = datasource?.shadowDatabaseUrl

// The wasm engine derives its connector from a schema; commands spawned without one
// (`migrate diff`, `db execute`) get a minimal schema matching the URL.
if (datamodels.length === 0 && url) {
  const provider = /^(postgres(ql)?|pglite):/.test(url) ? 'postgresql' : null
  if (provider) datamodels.push(['schema.prisma', `datasource db {\n  provider = "${provider}"\n}\n`])
}

// ---------- adapters ----------
// The engine's catalog queries return `"char"` (oid 18) and `name` (oid 19) columns;
// @prisma/adapter-pg rejects some of these as UnsupportedNativeDataType ("Column type
// 'char' could not be deserialized"). Relabel them as text (their text form is what the
// engine wants).
let CatalogSafeClient
function catalogSafeClient() {
  if (CatalogSafeClient) return CatalogSafeClient
  const pg = require('pg')
  const relabel = (res) => {
    for (const r of Array.isArray(res) ? res : [res])
      for (const f of r?.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25
    return res
  }
  CatalogSafeClient = class extends pg.Client {
    query(...args) {
      const cb = args[args.length - 1]
      if (typeof cb === 'function') {
        args[args.length - 1] = (err, res) => cb(err, err ? res : relabel(res))
        return super.query(...args)
      }
      const r = super.query(...args)
      return r && typeof r.then === 'function' ? r.then(relabel) : r
    }
  }
  return CatalogSafeClient
}

function pgFieldsFromUrl(u) {
  const x = new URL(u)
  const cfg = {
    host: decodeURIComponent(x.hostname),
    port: Number(x.port || 5432),
    user: decodeURIComponent(x.username) || undefined,
    password: x.password ? decodeURIComponent(x.password) : undefined,
    database: decodeURIComponent(x.pathname.slice(1)) || undefined,
  }
  const host = x.searchParams.get('host') // unix socket dir
  if (host) cfg.host = host
  const sslmode = x.searchParams.get('sslmode')
  if (sslmode && sslmode !== 'disable') cfg.ssl = sslmode === 'no-verify' ? { rejectUnauthorized: false } : true
  return cfg
}

const openConnections = new Set()
let pgliteInstance
function track(factory) {
  for (const m of ['connect', 'connectToShadowDb']) {
    const orig = factory[m].bind(factory)
    factory[m] = async () => {
      const conn = await orig()
      conn.__shimKind = m === 'connect' ? 'main' : 'shadow'
      openConnections.add(conn)
      const dispose = conn.dispose.bind(conn)
      conn.dispose = async () => {
        openConnections.delete(conn)
        await dispose()
      }
      return conn
    }
  }
  return factory
}

async function makeFactory(u) {
  if (!u) throw new Error('schema-engine-wasm shim: no datasource URL (set datasource.url in prisma.config.ts)')
  if (/^postgres(ql)?:/.test(u)) {
    const { PrismaPg } = require('@prisma/adapter-pg')
    // Discrete fields, not {connectionString}: node-postgres lets a connectionString
    // override `database`, which would point the shadow pool at the main DB.
    const cfg = { ...pgFieldsFromUrl(u), Client: catalogSafeClient() }
    const schema = new URL(u).searchParams.get('schema') ?? undefined
    const factory = new PrismaPg(cfg, schema ? { schema } : undefined)
    // adapter-pg drops its temporary shadow database before closing the pool that is
    // connected to it ("database ... is being accessed by other users"). Do it in order,
    // or use datasource.shadowDatabaseUrl when given.
    factory.connectToShadowDb = async () => {
      if (shadowUrl) return new PrismaPg({ ...pgFieldsFromUrl(shadowUrl), Client: catalogSafeClient() }).connect()
      const admin = await new PrismaPg(cfg).connect()
      const name = `prisma_migrate_shadow_db_${randomUUID()}`
      await admin.executeScript(`CREATE DATABASE "${name}"`)
      const shadow = await new PrismaPg({ ...cfg, database: name }).connect()
      const close = shadow.dispose.bind(shadow)
      shadow.dispose = async () => {
        await close()
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        await admin.dispose()
      }
      return shadow
    }
    return factory
  }
  if (u.startsWith('pglite:')) {
    // Embedded Postgres (PGlite, in-process WebAssembly); data dir after the scheme,
    // `pglite:memory` for in-memory. Shadow DB: a fresh in-memory PGlite (adapter default).
    const { PGlite } = await import('@electric-sql/pglite')
    const { PrismaPGlite } = await import('pglite-prisma-adapter')
    const dir = u.slice('pglite:'.length)
    if (dir !== 'memory' && dir !== '') fs.mkdirSync(path.resolve(dir), { recursive: true })
    pgliteInstance = new PGlite(dir === 'memory' || dir === '' ? undefined : path.resolve(dir))
    return new PrismaPGlite(pgliteInstance)
  }
  throw new Error(`schema-engine-wasm shim: unsupported datasource URL scheme: ${u.split(':')[0]}:`)
}

// ---------- one-shot `schema-engine --datasource {...} cli <command>` ----------
// Used by the CLI to check/create/drop the database itself. Failure protocol: non-zero
// exit; stderr = one ignored line, then JSON log lines; the CLI looks for
// {level:"ERROR", target:"schema_engine::logger", fields:{error_code, message}}.
function cliFail(code, message) {
  process.stderr.write('schema-engine-wasm-shim\n')
  process.stderr.write(JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields: { error_code: code, message } }))
  process.exit(1)
}
async function runCliCommand(cmd) {
  if (!url) cliFail('P1012', 'No datasource URL was given')
  if (/^postgres(ql)?:/.test(url)) {
    const pg = require('pg')
    const cfg = pgFieldsFromUrl(url)
    const dbName = cfg.database ?? cfg.user
    const run = async (c, sql) => {
      const client = new pg.Client(c)
      await client.connect()
      try {
        if (sql) await client.query(sql)
      } finally {
        await client.end()
      }
    }
    const ident = (n) => '"' + String(n).replace(/"/g, '""') + '"'
    try {
      if (cmd === 'can-connect-to-database') await run(cfg)
      else if (cmd === 'create-database') await run({ ...cfg, database: 'postgres' }, `CREATE DATABASE ${ident(dbName)}`)
      else if (cmd === 'drop-database') await run({ ...cfg, database: 'postgres' }, `DROP DATABASE IF EXISTS ${ident(dbName)} WITH (FORCE)`)
      else cliFail('P1000', `Unknown cli command ${cmd}`)
    } catch (e) {
      if (e?.code === '3D000') cliFail('P1003', `Database \`${dbName}\` does not exist on the database server at \`${cfg.host}:${cfg.port}\`.`)
      if (e?.code === '28P01' || e?.code === '28000') cliFail('P1000', `Authentication failed against database server at \`${cfg.host}\`: ${e.message}`)
      if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND') cliFail('P1001', `Can't reach database server at \`${cfg.host}:${cfg.port}\``)
      cliFail('P1000', String(e?.message ?? e))
    }
    return
  }
  if (url.startsWith('pglite:')) {
    const dir = url.slice('pglite:'.length)
    if (cmd === 'drop-database' && dir && dir !== 'memory') fs.rmSync(path.resolve(dir), { recursive: true, force: true })
    return // PGlite creates its data directory on first open
  }
  cliFail('P1013', `Unsupported datasource URL scheme: ${url.split(':')[0]}:`)
}
{
  const i = argv.indexOf('cli')
  if (i >= 0) {
    await runCliCommand(argv[i + 1])
    process.exit(0)
  }
}

// ---------- wasm engine ----------
// The wasm module reports Rust panic messages through this global before trapping.
const panicRegistry = {
  message: '',
  set_message(m) {
    this.message = `RuntimeError: ${m}`
  },
}
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry

async function loadWasmEngine() {
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg')
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm')
  const mod = new WebAssembly.Module(fs.readFileSync(wasmPath))
  const inst = new WebAssembly.Instance(mod, { './schema_engine_bg.js': glue })
  glue.__wbg_set_wasm(inst.exports)
  inst.exports.__wbindgen_start?.()
  return glue.SchemaEngine
}

const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils')
let enginePromise
let boundFactory
let rawFactory
function engine() {
  enginePromise ??= (async () => {
    const SchemaEngine = await loadWasmEngine()
    rawFactory = track(await makeFactory(url))
    boundFactory = bindMigrationAwareSqlAdapterFactory(rawFactory)
    // Log lines are JSON tracing events; the CLI reads them from stderr.
    return SchemaEngine.new({ datamodels }, (line) => process.stderr.write(line + '\n'), boundFactory)
  })()
  return enginePromise
}

// ---------- JSON-RPC ----------
const trace = process.env.SCHEMA_ENGINE_SHIM_TRACE
  ? (dir, x) => fs.appendFileSync(process.env.SCHEMA_ENGINE_SHIM_TRACE, `${dir} ${typeof x === 'string' ? x : JSON.stringify(x)}\n`)
  : () => {}
const out = (obj) => {
  trace('>>', obj)
  process.stdout.write(JSON.stringify(obj) + '\n')
}
let printId = 1_000_000
function print(content) {
  // The CLI answers `print` requests by writing params.content to its stdout.
  out({ jsonrpc: '2.0', id: printId++, method: 'print', params: { content } })
}

function toRpcError(e) {
  const message = String(e?.message ?? e)
  // Errors raised by the driver are kept in the adapter's registry; the engine only
  // sees "External error id#N". Put the real message back.
  let detail = ''
  const m = message.match(/External error id#(\d+)/)
  if (m && boundFactory?.errorRegistry) {
    const rec = boundFactory.errorRegistry.consumeError(Number(m[1]))
    const err = rec?.error
    if (err) detail = `\n${err.message ?? ''}${err.cause ? ' ' + JSON.stringify(err.cause) : ''}`
  }
  const isPanic = e instanceof WebAssembly.RuntimeError || /unreachable|panicked/i.test(message)
  if (isPanic && panicRegistry.message) detail += `\n${panicRegistry.message}`
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: {
      is_panic: isPanic,
      message: message + detail,
      ...(e?.code ? { error_code: e.code, meta: e.meta ?? {} } : {}),
    },
  }
}

const handlers = {
  async getDatabaseVersion(p) {
    return (await engine()).version(p?.datasource ? p : null)
  },
  async diff(p) {
    const { stdout, ...rest } = await (await engine()).diff(p)
    if (stdout) print(stdout.replace(/\n$/, ''))
    return rest
  },
  async createDatabase() {
    // Postgres databases must already exist (PGlite creates its own).
    const e = await engine()
    await e.ensureConnectionValidity({})
    return { databaseName: url }
  },
  async getDatabaseDescription() {
    throw new Error('getDatabaseDescription is not supported by the wasm schema engine shim')
  },
}
const passthrough = [
  'applyMigrations', 'createMigration', 'dbExecute', 'debugPanic', 'devDiagnostic',
  'diagnoseMigrationHistory', 'ensureConnectionValidity', 'evaluateDataLoss', 'introspect',
  'introspectSql', 'markMigrationApplied', 'markMigrationRolledBack', 'reset', 'schemaPush',
]
// evaluateDataLoss/createMigration replay the migration history on the shadow DB, but the
// wasm engine only has the shadow DB wired up once devDiagnostic has replayed it ("shadow DB
// must be provided through an external factory", seen in `migrate dev` once a migration
// exists). Run the (read-only) devDiagnostic for the same migrations, then retry.
for (const name of passthrough) {
  handlers[name] ??= async (p) => {
    const e = await engine()
    try {
      return (await e[name](p ?? {})) ?? {}
    } catch (err) {
      if (!/shadow DB must be provided through an external factory/.test(String(err?.message)) || !p?.migrationsList) throw err
      await e.devDiagnostic({ migrationsList: p.migrationsList, filters: p.filters ?? { externalTables: [], externalEnums: [] } })
      return (await e[name](p)) ?? {}
    }
  }
}

// wasm-bindgen may surface engine errors as uncaught exceptions; report, don't hang.
process.on('uncaughtException', (e) => {
  const message = (panicRegistry.message ? panicRegistry.message + '\n' : '') + String(e?.stack ?? e)
  process.stderr.write(JSON.stringify({ level: 'ERROR', fields: { message } }) + '\n')
  process.exit(1)
})

let queue = Promise.resolve()
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', (line) => {
  trace('<<', line)
  if (!line.trim()) return
  let msg
  try {
    msg = JSON.parse(line)
  } catch {
    return
  }
  if (!msg.method) return // a reply to one of our `print` requests
  queue = queue.then(async () => {
    const h = handlers[msg.method]
    if (!h) {
      out({ jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: `Method not found: ${msg.method}` } })
      return
    }
    try {
      const result = await h(msg.params)
      out({ jsonrpc: '2.0', id: msg.id, result: result ?? null })
    } catch (e) {
      out({ jsonrpc: '2.0', id: msg.id, error: toRpcError(e) })
    }
  })
})
rl.on('close', async () => {
  await queue
  try {
    const e = await enginePromise
    e?.free?.()
  } catch {}
  for (const conn of openConnections) await conn.dispose().catch(() => {})
  await pgliteInstance?.close().catch(() => {})
  process.exit(0)
})
