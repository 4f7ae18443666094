import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Copies the work tree as it is now (committed and uncommitted files, minus what git ignores)
 * into `dest`, and builds there rather than in the checkout: `next build` rewrites tsconfig.json
 * to add its build folder, and the checkout may change under a build that lasts minutes while
 * someone else works in it. The copy also keeps `.next*`, `.data` and `media` of the checkout out
 * of reach.
 */
export function snapshotWorkTree(repoRoot: string, dest: string): number {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  })
  const files = listed
    .toString()
    .split('\0')
    .filter((file) => file && !isLeftOut(file))
    // A tracked file deleted in the work tree is still listed by --cached.
    .filter((file) => existsSync(path.join(repoRoot, file)) && statSync(path.join(repoRoot, file)).isFile())
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dest, file)), { recursive: true })
    copyFileSync(path.join(repoRoot, file), path.join(dest, file))
  }
  linkDependencies(repoRoot, dest)
  return files.length
}

/** Other build folders (untracked, not all ignored) and the benchmarks are not the app. */
function isLeftOut(file: string): boolean {
  return file.startsWith('.next') || file.startsWith('bench/')
}

/**
 * A second folder of a built tree, for a second server with other settings: Next keeps the pages
 * it renders in its build folder, so two servers of one folder would serve each other's pages.
 */
export function copyBuiltTree(from: string, dest: string): void {
  mkdirSync(dest, { recursive: true })
  const entries = readdirSync(from).filter((name) => name !== 'node_modules')
  execFileSync('cp', ['-a', ...entries.map((name) => path.join(from, name)), dest])
  linkDependencies(from, dest)
}

/**
 * node_modules as hard links: a copy of 1.2 GB would take long, and a symbolic link does not
 * work because Turbopack resolves nothing outside the project's root (the folder of its lockfile).
 * A build or a run only adds files there (the commands' bundles in node_modules/.cache), so the
 * checkout's files are not touched.
 */
function linkDependencies(repoRoot: string, dest: string): void {
  execFileSync('cp', ['-al', path.join(repoRoot, 'node_modules'), path.join(dest, 'node_modules')])
}
