/**
 * Progress on stderr: a bar redrawn in place on a terminal, plain periodic
 * lines otherwise (CI logs), nothing with `--quiet`.
 */

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Stream to write to (default: `process.stderr`). */
  readonly stream?: NodeJS.WriteStream | undefined
  /** Seconds between plain lines when not on a terminal (default: `10`). */
  readonly interval?: number | undefined
}

/**
 * Make a progress callback for `run`.
 *
 * @param options
 *   Configuration.
 * @returns
 *   Callback `(done, total)` and a `finish` function that ends the bar.
 */
export function createProgress(options?: ProgressOptions): {update: (done: number, total: number) => void; finish: () => void} {
  const stream = options?.stream ?? process.stderr
  const interval = (options?.interval ?? 10) * 1000
  const terminal = stream.isTTY === true
  const started = performance.now()
  let lastDraw = 0
  let drawn = false

  return {
    update(done, total) {
      const now = performance.now()
      const finished = done === total
      if (!finished && now - lastDraw < (terminal ? 100 : interval)) return
      lastDraw = now
      const seconds = (now - started) / 1000
      const rate = seconds > 0 ? done / seconds : 0
      const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0
      const figures = done + '/' + total + ' documents, ' + rate.toFixed(1) + '/s, ETA ' + eta + ' s'
      if (terminal) {
        const width = 30
        const filled = total > 0 ? Math.round((done / total) * width) : width
        stream.write('\r[' + '#'.repeat(filled) + '-'.repeat(width - filled) + '] ' + figures + '\u001B[K')
        drawn = true
      } else {
        stream.write('newsdrop: ' + figures + '\n')
      }
    },
    finish() {
      if (drawn) stream.write('\n')
    }
  }
}
