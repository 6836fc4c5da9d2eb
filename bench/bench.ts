/**
 * `make bench`: throughput of every stage and of the whole pipeline on real
 * news articles, and peak memory.
 *
 * Usage: node dist/bench/bench.js [--documents N] (default: 5000)
 */
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {run} from '../pipeline/run.js'
import {readCorpus, writeDrop} from './corpus.js'

const {values} = parseArgs({options: {documents: {type: 'string', default: '5000'}}})
const documents = Number(values.documents)

const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-bench-'))
const articles = await readCorpus(documents)
const bytes = await writeDrop(articles, path.join(folder, 'input'))
const megabytes = bytes / 1e6

const started = performance.now()
const report = await run({input: path.join(folder, 'input'), output: path.join(folder, 'output'), warn() {}})
const seconds = (performance.now() - started) / 1000

console.log('newsdrop bench: %d documents, %s MB (news-corpus: BBC 2004-2005, Reuters-21578, Wikinews), 1 process', report.documents, megabytes.toFixed(2))
console.log('')
console.log('| stage | seconds | MB/s | documents/s |')
console.log('| --- | ---: | ---: | ---: |')
for (const [stage, milliseconds] of Object.entries(report.stage_milliseconds)) {
  const stageSeconds = milliseconds / 1000
  console.log('| %s | %s | %s | %s |', stage, stageSeconds.toFixed(3), rate(megabytes, stageSeconds), rate(report.documents, stageSeconds))
}
console.log('| **end to end** (read, all stages, corpus steps, write) | %s | %s | %s |', seconds.toFixed(3), rate(megabytes, seconds), rate(report.documents, seconds))
console.log('')
console.log('peak memory (max RSS): %s MB', (process.resourceUsage().maxRSS / 1024).toFixed(0))
await rm(folder, {recursive: true, force: true})

/**
 * Format an amount per second.
 */
function rate(amount: number, seconds: number): string {
  return seconds > 0 ? (amount / seconds).toFixed(1) : '∞'
}
