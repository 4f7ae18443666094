/**
 * Lagon's server keeps its memory near what it holds (docs/scaling.md, "Memory"). On a machine
 * with gigabytes free, V8 lets its heap grow to up to four times the objects that survive a full
 * collection before the next one (measured at 10,000 guides: about 230 MB live, a heap of 780 MB);
 * `--heap-growing-percent=15` makes that 1.15 times, with no lower limit on the heap, so a burst
 * of large reads still fits. glibc gives each thread that compresses pages (libuv's pool) a malloc
 * arena of its own; two arenas keep freed memory reusable. A flag or MALLOC_ARENA_MAX already
 * given wins (V8 takes this flag on the command line only, not in NODE_OPTIONS).
 *
 * Plain JavaScript: src/cli/run.mjs reads it before anything is bundled, and the launcher
 * (`npm start`) starts the server with it, so that no process starts again only to add them.
 *
 * @param {string[]} execArgv the flags the server's Node is (or will be) started with
 * @param {NodeJS.ProcessEnv} env its environment
 * @returns {{ flags: string[], env: Record<string, string> }} what to add
 */
export const serverRuntime = (execArgv, env) => ({
  flags: execArgv.some((flag) => flag.startsWith('--heap-growing-percent')) ? [] : ['--heap-growing-percent=15'],
  env: env.MALLOC_ARENA_MAX ? {} : { MALLOC_ARENA_MAX: '2' },
})
