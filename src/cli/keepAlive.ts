/**
 * Keeps a command's event loop alive until the command calls `process.exit()`, as every command
 * here does when it is done.
 *
 * Under tsx on Node 20, modules load through hooks on a thread Node does not wait for. On a busy
 * machine, a module still loading (the command's own graph, or one Payload or Prettier imports
 * on the fly) can leave the main thread with nothing to wait on: Node then ends the process
 * having done nothing, with exit code 13 (an unsettled top-level await) or silently with 0. So
 * each entry in `src/cli/` arms this first, then loads its command from `src/cli/commands/`.
 */
export const keepAlive = (): void => {
  setInterval(() => {}, 2 ** 30)
}
