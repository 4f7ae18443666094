const bar = (done: number, total: number) => {
  const width = 30
  const filled = total ? Math.round((done / total) * width) : width
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`
}

/**
 * Progress of a long command, by part (a collection): a bar redrawn on a terminal, a line per
 * tenth otherwise (CI, a log file).
 */
export const progressReporter = (command: string) => {
  const started = Date.now()
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
  let lastDecile = -1
  const report = (part: string, done: number, total: number) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${part.padEnd(8)} ${bar(done, total)} ${done}/${total} ${seconds()}   `)
      if (done === total) process.stderr.write('\n')
      return
    }
    const decile = total ? Math.floor((done / total) * 10) : 10
    if (decile !== lastDecile || done === total) console.log(`${command}: ${part} ${done}/${total} ${seconds()}`)
    lastDecile = done === total ? -1 : decile
  }
  return { report, seconds }
}
