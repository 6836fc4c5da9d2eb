import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {mkdtemp, readFile, readdir} from 'node:fs/promises'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {setTimeout as delay} from 'node:timers/promises'
import test from 'ava'
import {parse} from 'csv-parse/sync'
import {readCorpus, writeDrop} from '../bench/corpus.js'
import {runOnQueue, startWorker as startQueueWorker} from '../pipeline/queue.js'
import {run} from '../pipeline/run.js'

const root = path.resolve(import.meta.dirname, '../..')
const cli = path.join(root, 'dist/pipeline/cli.js')
const hasRedis = spawnSync('redis-server', ['--version']).status === 0
const processes: ChildProcess[] = []

/**
 * Stop every server and worker this file started.
 */
function stopAll() {
  for (const child of processes) child.kill('SIGKILL')
}

test.after.always(stopAll)
// Also when the test process ends early (a failure elsewhere, a timeout):
// no Redis or worker may outlive the test run.
process.on('exit', stopAll)

/**
 * A free TCP port on the loopback interface.
 */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const {port} = server.address() as {port: number}
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * Start a private Redis (noeviction, append-only, as the README says) and
 * answer its URL.
 */
async function startRedis(): Promise<string> {
  const port = await freePort()
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-redis-'))
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', folder, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--save', ''], {stdio: 'ignore'})
  processes.push(server)
  for (let tries = 0; tries < 50; tries++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping']).stdout?.toString().trim() === 'PONG') return 'redis://127.0.0.1:' + port
    await delay(100)
  }
  throw new Error('redis-server did not start')
}

/**
 * Start a `newsdrop worker` process.
 */
function startWorker(redis: string): ChildProcess {
  const child = spawn('node', [cli, 'worker', '--redis', redis, '--stall-seconds', '3'], {stdio: 'ignore'})
  processes.push(child)
  return child
}

/**
 * Every output file but run.json, as name -> bytes.
 */
async function outputs(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const name of (await readdir(folder)).sort()) if (name !== 'run.json') files.set(name, await readFile(path.join(folder, name)))
  return files
}

const serial = hasRedis ? test.serial : test.serial.skip

serial('the BullMQ engine gives the same datasets as the embedded one on the sample drop', async function (t) {
  const redis = await startRedis()
  startWorker(redis)
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-queue-'))
  const embedded = await run({input: path.join(root, 'input'), output: path.join(folder, 'embedded'), state: path.join(folder, 'state-embedded'), warn() {}})
  const queued = await run({input: path.join(root, 'input'), output: path.join(folder, 'queued'), state: path.join(folder, 'state-queued'), engine: 'bullmq', redis, warn() {}})
  t.is(queued.documents, embedded.documents)
  const expected = await outputs(path.join(folder, 'embedded'))
  const actual = await outputs(path.join(folder, 'queued'))
  t.deepEqual([...actual.keys()], [...expected.keys()])
  for (const [name, bytes] of expected) t.true(actual.get(name)?.equals(bytes), name)
})

serial('500 articles with three workers, one killed mid-run: every document lands once, same datasets', async function (t) {
  const redis = await startRedis()
  const workers = [startWorker(redis), startWorker(redis), startWorker(redis)]
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-queue-'))
  const input = path.join(folder, 'input')
  await writeDrop(await readCorpus(500), input)

  let killed = false
  const queued = await run({
    input,
    output: path.join(folder, 'queued'),
    state: path.join(folder, 'state-queued'),
    engine: 'bullmq',
    redis,
    warn() {},
    progress(done) {
      if (!killed && done >= 50) {
        killed = true
        workers[0]?.kill('SIGKILL')
      }
    }
  })
  t.true(killed, 'a worker was killed mid-run')
  t.is(queued.documents + queued.rejects, 500)

  const documents = parse(await readFile(path.join(folder, 'queued/documents.csv')), {columns: true, bom: true}) as Array<{doc_id: string}>
  t.is(new Set(documents.map((row) => row.doc_id)).size, documents.length, 'no document twice')

  const embedded = await run({input, output: path.join(folder, 'embedded'), state: path.join(folder, 'state-embedded'), workers: 1, warn() {}})
  t.is(embedded.documents, queued.documents)
  const expected = await outputs(path.join(folder, 'embedded'))
  const actual = await outputs(path.join(folder, 'queued'))
  for (const [name, bytes] of expected) t.true(actual.get(name)?.equals(bytes), name)
})

serial('a document whose job fails three times comes back as failed with its error', async function (t) {
  const redis = await startRedis()
  const worker = await startQueueWorker({redis, stallSeconds: 3})
  try {
    const [outcome] = await runOnQueue(
      [{kind: 'document', absolutePath: '/nonexistent/newsdrop.txt', docId: 'gone', sourcePath: 'gone.txt', sha256: '', metadata: {}, lineCounts: [], dropSize: 1}],
      {redis}
    )
    t.deepEqual(outcome, {failed: "ENOENT: no such file or directory, open '/nonexistent/newsdrop.txt'"})
  } finally {
    await worker.close()
  }
})
