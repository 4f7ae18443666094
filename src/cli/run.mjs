/**
 * `node src/cli/run.mjs COMMAND [ARGS…]`: the entry of every npm command (dev, start, migrate,
 * seed, import, xliff, generate:types…). Runs `src/cli/commands/COMMAND.ts`, in this process, as
 * JavaScript that esbuild bundled (as the production server is), with no TypeScript loader at run
 * time: on Node 20, tsx's loader thread could leave a command waiting for ever with nothing to do.
 *
 * The bundles live in node_modules/.cache/lagon-commands/<hash of their inputs>/ and are made
 * again (in about a second) only when a file they were made from has changed. Plain JavaScript,
 * so that it runs before anything is bundled. Commands run under Node's `production` condition
 * (see `condition`): npm's scripts give it, and started without it, this starts itself again with it.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { build, stop as stopEsbuild, version as esbuildVersion } from 'esbuild'

import { serverRuntime } from './serverRuntime.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const commandsDir = path.join(root, 'src/cli/commands')
const cacheDir = path.join(root, 'node_modules/.cache/lagon-commands')
const manifestFile = path.join(cacheDir, 'manifest.json')
/** Files that change a bundle without being one of its inputs: this one makes them. */
const settingsFiles = ['src/cli/run.mjs', 'tsconfig.json', 'package.json']
/** Bundles of other inputs are removed once this old, when a new one is made. */
const staleAfterMs = 24 * 60 * 60 * 1000

/** Every command, and Lagon's server (`start` runs it). */
const entryPoints = async () => {
  const entries = { server: path.join(root, 'src/server/main.ts') }
  for (const file of (await readdir(commandsDir)).sort()) {
    if (file.endsWith('.ts')) entries[file.slice(0, -3)] = path.join(commandsDir, file)
  }
  return entries
}

const sha1 = (data) => createHash('sha1').update(data).digest('hex')

/** Hashes of the given files, by path relative to the project; a missing file hashes as ''. */
const hashFiles = async (files) =>
  Object.fromEntries(
    await Promise.all(files.map(async (file) => [file, existsSync(path.join(root, file)) ? sha1(await readFile(path.join(root, file))) : ''])),
  )

const keyOf = (entries, hashes) =>
  sha1(JSON.stringify([esbuildVersion, Object.keys(entries), Object.entries(hashes).sort(([a], [b]) => a.localeCompare(b))]))

/** The folder of up-to-date bundles, if the last build's inputs are unchanged. */
const cachedBundles = async (entries) => {
  let manifest
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8'))
  } catch {
    return undefined
  }
  // A folder named after the hash of these very files holds bundles made from them.
  const inputs = new Set([...Object.keys(manifest.inputs), ...settingsFiles])
  const dir = path.join(cacheDir, keyOf(entries, await hashFiles([...inputs])))
  return existsSync(dir) ? dir : undefined
}

/**
 * Source files that read their own location (`import.meta.url`) get the location of their source,
 * not of the bundle: payload.config.ts finds migrations/ and src/ beside itself.
 */
const sourceLocation = {
  name: 'source-location',
  setup(builder) {
    const bundleDir = path.join(cacheDir, 'bundle')
    builder.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined
      const text = await readFile(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      const relative = path.relative(bundleDir, args.path).split(path.sep).join('/')
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      }
    })
  },
}

/**
 * Packages stay outside the bundles, and Node resolves them at run time. A subpath of a package
 * without an `exports` map (`next/cache`) needs its file's name there, as a bundler would find it.
 */
const packageSubpaths = {
  name: 'package-subpaths',
  setup(builder) {
    const require = createRequire(path.join(root, 'package.json'))
    builder.onResolve({ filter: /^(@[^/]+\/)?[^./][^/]*\/.+/ }, ({ path: specifier }) => {
      const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
      let manifest
      try {
        manifest = require(`${name}/package.json`)
      } catch {
        return undefined
      }
      if (manifest.exports) return { path: specifier, external: true }
      const file = require.resolve(specifier)
      const packageDir = path.dirname(require.resolve(`${name}/package.json`))
      return { path: `${name}/${path.relative(packageDir, file).split(path.sep).join('/')}`, external: true }
    })
  },
}

/** Bundles every entry into a folder named after the hash of what it was made from. */
const bundle = async (entries) => {
  await mkdir(cacheDir, { recursive: true })
  const building = await mkdtemp(path.join(cacheDir, 'building-'))
  try {
    const { metafile } = await build({
      absWorkingDir: root,
      entryPoints: entries,
      outdir: building,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      metafile: true,
      logLevel: 'error',
      plugins: [sourceLocation, packageSubpaths],
    })
    const inputs = [...Object.keys(metafile.inputs).filter((file) => !file.includes('node_modules/')), ...settingsFiles]
    const hashes = await hashFiles(inputs)
    const dir = path.join(cacheDir, keyOf(entries, hashes))
    // Another command may have made the same bundles meanwhile: theirs are as good.
    if (existsSync(dir)) await rm(building, { recursive: true, force: true })
    else await rename(building, dir).catch(() => rm(building, { recursive: true, force: true }))
    const manifest = path.join(cacheDir, `manifest-${process.pid}.json`)
    await writeFile(manifest, JSON.stringify({ inputs: hashes }))
    await rename(manifest, manifestFile)
    await removeStaleBundles(dir)
    return dir
  } catch (error) {
    await rm(building, { recursive: true, force: true })
    throw error
  }
}

const removeStaleBundles = async (current) => {
  for (const name of await readdir(cacheDir)) {
    const dir = path.join(cacheDir, name)
    if (dir === current || name.endsWith('.json')) continue
    const { mtimeMs } = await stat(dir).catch(() => ({ mtimeMs: Date.now() }))
    if (Date.now() - mtimeMs > staleAfterMs) await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Lexical's packages load their code, under Node's `node` condition, through a top-level await of
 * a dynamic import, which Node 20 sometimes never settles while the rest of the graph loads: the
 * command then ends having done nothing. The `production` condition names their code directly.
 */
const condition = '--conditions=production'

const [command, ...args] = process.argv.slice(2)
const runtime = command === 'server' ? serverRuntime(process.execArgv, process.env) : { flags: [], env: {} }
const missingFlags = [...(process.execArgv.includes(condition) ? [] : [condition]), ...runtime.flags]
// glibc reads MALLOC_ARENA_MAX when the process starts, and V8 its flags: both need a new process.
if (missingFlags.length > 0 || Object.keys(runtime.env).length > 0) {
  const child = spawn(process.execPath, [...process.execArgv, ...missingFlags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...runtime.env },
  })
  // Ctrl-C reaches the whole process group; a SIGTERM (a supervisor, a test) only this process.
  process.on('SIGINT', () => {})
  process.on('SIGTERM', () => child.kill('SIGTERM'))
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)))
  await new Promise(() => {})
}
const entries = await entryPoints()
if (!command || !(command in entries)) {
  console.error(`usage: node src/cli/run.mjs ${Object.keys(entries).join('|')} [ARGS…]`)
  process.exit(2)
}
let dir
try {
  dir = (await cachedBundles(entries)) ?? (await bundle(entries))
} catch (error) {
  console.error(`lagon: bundling the commands failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
} finally {
  await stopEsbuild()
}
// The command runs in this process, as if started as `node <bundle> ARGS…`.
process.argv = [process.argv[0], path.join(dir, `${command}.mjs`), ...args]
await import(pathToFileURL(process.argv[1]).href)
