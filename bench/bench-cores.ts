/**
 * `make bench`, part 3: what the machine's cores give the per-document work
 * when nothing is shared. The same work a worker process does for a document
 * (`scan`, then `document`: every stage and the summary) runs in one process,
 * then in two independent processes at once, each on its own copy of the
 * documents, with no coordination, no messages and no output. Their combined
 * throughput against one process's is the ceiling of any speed-up a run with
 * two worker processes can reach on this machine.
 *
 * Usage: node dist/bench/bench-cores.js [--documents N] [--processes 1,2]
 * (defaults: 2000 documents per process; 1 and 2 processes).
 */
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parseArgs, promisify} from 'node:util'
import {workerEnvironment} from '../pipeline/heap.js'
import {cpuSeconds, workerFlags} from '../pipeline/process-pool.js'
import handleTask, {type DocumentInput, type DocumentResult, type ScanResult} from '../pipeline/worker.js'
import {readCorpus, writeDrop} from './corpus.js'

/** What one process measured. */
interface Measurement {
  readonly seconds: number
  readonly cpuSeconds: number
  readonly megabytes: number
  readonly documents: number
}

const {values} = parseArgs({
  options: {documents: {type: 'string', default: '2000'}, processes: {type: 'string', default: '1,2'}, child: {type: 'string'}}
})

if (values.child === undefined) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-cores-'))
  const megabytes = (await writeDrop(await readCorpus(Number(values.documents)), folder)) / 1e6
  console.log('newsdrop cores bench: the per-document work on %d documents (%s MB) per process, processes independent and at once', Number(values.documents), megabytes.toFixed(2))
  console.log('')
  console.log('| processes | seconds (slowest) | MB/s together | CPU seconds per process | speed-up over one process |')
  console.log('| ---: | ---: | ---: | ---: | ---: |')
  let single: number | undefined
  for (const count of values.processes.split(',').map(Number)) {
    const script = new URL(import.meta.url).pathname
    const runs = await Promise.all(
      Array.from({length: count}, () => promisify(execFile)(process.execPath, [...process.execArgv, ...workerFlags, script, '--child', folder], {maxBuffer: 1 << 20, env: workerEnvironment(process.env)}))
    )
    const measured = runs.map((run) => JSON.parse(run.stdout) as Measurement)
    const slowest = Math.max(...measured.map((each) => each.seconds))
    const throughput = measured.reduce((sum, each) => sum + each.megabytes, 0) / slowest
    single ??= count === 1 ? throughput : undefined
    console.log(
      '| %d | %s | %s | %s | %s |',
      count,
      slowest.toFixed(2),
      throughput.toFixed(2),
      measured.map((each) => each.cpuSeconds.toFixed(1)).join(', '),
      single === undefined ? '' : (throughput / single).toFixed(2) + 'x'
    )
  }
  await rm(folder, {recursive: true, force: true})
} else {
  console.log(JSON.stringify(await measure(values.child)))
}

/**
 * Scan and process every document of a folder, as a worker process does.
 *
 * @param folder
 *   Drop written by `writeDrop`.
 * @returns
 *   Wall-clock and CPU seconds of the work (reading the files included), from a fresh process.
 */
async function measure(folder: string): Promise<Measurement> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort()
  const manifest = (await readFile(path.join(folder, 'manifest.csv'), 'utf8')).trim().split('\n').slice(1)
  const dates = new Map(manifest.map((line) => line.split(',') as [string, string]))
  const inputs: DocumentInput[] = []
  let bytes = 0
  for (const name of names) {
    const absolutePath = path.join(folder, name)
    const content = await readFile(absolutePath)
    bytes += content.byteLength
    const sha256 = createHash('sha256').update(content).digest('hex')
    inputs.push({absolutePath, docId: name.replace(/\.txt$/, ''), sourcePath: name, sha256, metadata: dates.get(name) ? {published_date: dates.get(name) as string} : {}})
  }
  const startCpu = cpuSeconds()
  const start = performance.now()
  const scans: ScanResult[] = []
  for (const input of inputs) scans.push(await handleTask({kind: 'scan', ...input}))
  const counts = new Map<number, number>()
  for (const scan of scans) if ('lines' in scan) for (const hash of scan.lines) counts.set(hash, (counts.get(hash) ?? 0) + 1)
  let documents = 0
  for (const [index, input] of inputs.entries()) {
    const scan = scans[index] as ScanResult
    if (!('lines' in scan)) continue
    const lineCounts = scan.lines.map((hash) => counts.get(hash) ?? 1)
    const result: DocumentResult = await handleTask({kind: 'document', ...input, lineCounts, dropSize: inputs.length})
    if ('summary' in result) documents++
  }
  return {seconds: (performance.now() - start) / 1000, cpuSeconds: cpuSeconds() - startCpu, megabytes: bytes / 1e6, documents}
}
