#!/usr/bin/env node
/**
 * The `newsdrop` command line.
 *
 * Exit codes: 0 success, 1 crash, 2 usage or configuration error, 3 a
 * quality gate failed (nothing published).
 */
import {appendFile} from 'node:fs/promises'
import {parseArgs} from 'node:util'
import {limitHeapGrowth} from './heap.js'
import {UsageError} from './inputs.js'
import {createProgress} from './progress.js'
import {redisConnection, startWorker} from './queue.js'
import {defaultMaximumBytes, QualityGateError, run} from './run.js'
import {runSummary} from './summary.js'
import {useWorkerTiering} from './tiering.js'
import {version} from './version.js'

const mainHelp = `Usage: newsdrop <command> [options]

Clean, despin, deduplicate and tag news article drops, and write datasets
that BI tools load as they are.

Commands:
  run        process the drop(s) in an input folder into an output folder
  worker     process documents that \`newsdrop run --engine bullmq\` queues on Redis

Options:
  -h, --help     show help (also: newsdrop <command> --help)
  -v, --version  show the version

Exit codes: 0 success, 1 crash, 2 usage or configuration error,
3 quality gate failed (nothing published).
`

const runHelp = `Usage: newsdrop run [options]

Process every article file under the input folder (directly, or one folder
per drop, each with an optional manifest.csv) and publish the datasets to the
output folder. The previous output stays in place until the new one is
complete. Inputs that cannot be processed are listed in rejects.csv.

Options:
  -i, --input DIR        input folder (default: input)
  -o, --output DIR       output folder (default: output)
      --state DIR        state kept between runs: the duplicate index that
                         matches a new drop against earlier ones (default: a
                         \`state\` folder beside the output folder); delete it
                         to forget earlier drops
  -c, --concurrency N    documents in flight at once (default: 4)
  -w, --workers N        worker processes for the stages (default: one per
                         core when the drop has 200 or more documents, else
                         none: this process does the work)
      --engine NAME      \`embedded\` (this process) or \`bullmq\` (documents go
                         to \`newsdrop worker\` processes through Redis)
                         (default: embedded)
      --redis URL        Redis for the bullmq engine, e.g. redis://127.0.0.1:6379
      --max-bytes N      reject input files larger than N bytes (default: ${defaultMaximumBytes})
      --max-rejects N    fail (exit 3, publish nothing) when more than N inputs are rejected
      --no-bom           write CSV files without the UTF-8 byte order mark (Excel wants it)
      --no-cache         process every document again instead of reusing the
                         results of earlier runs kept in the state folder
  -q, --quiet            print no progress and no summary line
  -h, --help             show this help
`

/**
 * Run the command line with `argv` (without `node` and the script).
 *
 * @param argv
 *   Arguments.
 * @returns
 *   Exit code.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(mainHelp)
    return command === undefined ? 2 : 0
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(version + '\n')
    return 0
  }
  if (command === 'worker') return worker(rest)
  if (command !== 'run') {
    process.stderr.write('newsdrop: unknown command `' + command + '`; see `newsdrop --help`\n')
    return 2
  }

  let values
  try {
    values = parseArgs({
      args: [...rest],
      strict: true,
      allowPositionals: false,
      options: {
        input: {type: 'string', short: 'i', default: 'input'},
        output: {type: 'string', short: 'o', default: 'output'},
        state: {type: 'string'},
        concurrency: {type: 'string', short: 'c', default: '4'},
        workers: {type: 'string', short: 'w'},
        engine: {type: 'string', default: 'embedded'},
        redis: {type: 'string'},
        'max-bytes': {type: 'string', default: String(defaultMaximumBytes)},
        'max-rejects': {type: 'string'},
        'no-bom': {type: 'boolean', default: false},
        'no-cache': {type: 'boolean', default: false},
        quiet: {type: 'boolean', short: 'q', default: false},
        help: {type: 'boolean', short: 'h', default: false}
      }
    }).values
  } catch (error) {
    process.stderr.write('newsdrop: ' + (error as Error).message + '; see `newsdrop run --help`\n')
    return 2
  }
  if (values.help) {
    process.stdout.write(runHelp)
    return 0
  }

  const progress = values.quiet ? undefined : createProgress()
  try {
    const report = await run({
      input: values.input,
      output: values.output,
      state: values.state,
      concurrency: integer('--concurrency', values.concurrency),
      workers: values.workers === undefined ? undefined : integer('--workers', values.workers),
      engine: values.engine as 'embedded' | 'bullmq',
      redis: values.redis,
      maximumBytes: integer('--max-bytes', values['max-bytes']),
      maximumRejects: values['max-rejects'] === undefined ? undefined : integer('--max-rejects', values['max-rejects'], 0),
      byteOrderMark: !values['no-bom'],
      cache: !values['no-cache'],
      progress: progress?.update
    })
    progress?.finish()
    // In GitHub Actions, the job page shows this Markdown.
    if (process.env.GITHUB_STEP_SUMMARY) {
      await appendFile(process.env.GITHUB_STEP_SUMMARY, runSummary(report))
    }
    if (!values.quiet) {
      process.stderr.write(
        report.status === 'unchanged'
          ? 'newsdrop: nothing new: ' + values.output + ' is up to date (' + report.seconds + ' s)\n'
          : 'newsdrop: ' + report.documents + ' documents (' + report.cached + ' from cache), ' + report.rejects +
              ' rejected, ' + report.seconds + ' s -> ' + values.output + '\n'
      )
    }
    return 0
  } catch (error) {
    progress?.finish()
    if (error instanceof QualityGateError) {
      process.stderr.write('newsdrop: quality gate failed: ' + error.message + '\n')
      return 3
    }
    if (error instanceof UsageError || error instanceof TypeError && /^Expected `/.test(error.message)) {
      process.stderr.write('newsdrop: ' + error.message + '\n')
      return 2
    }
    process.stderr.write('newsdrop: crashed: ' + String((error as Error).stack ?? error) + '\n')
    return 1
  }
}

const workerHelp = `Usage: newsdrop worker --redis URL [options]

Take document jobs that \`newsdrop run --engine bullmq\` puts on Redis, run
every stage on them and hand the results back. Start one worker process per
core on every machine that reaches Redis; stop it with Ctrl-C or SIGTERM (it
finishes its current jobs first). A worker that dies mid-job loses nothing:
its job is taken again by another worker once its lock expires.

Options:
      --redis URL          Redis, e.g. redis://127.0.0.1:6379 (required)
  -c, --concurrency N      jobs at once in this process (default: 1)
      --stall-seconds N    lock time of a job; a silent worker's job is
                           retried after it (default: 30)
  -h, --help               show this help
`

/**
 * Run \`newsdrop worker\` until it is stopped.
 *
 * @param argv
 *   Arguments after the command.
 * @returns
 *   Exit code.
 */
async function worker(argv: readonly string[]): Promise<number> {
  useWorkerTiering()
  let values
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        redis: {type: 'string'},
        concurrency: {type: 'string', short: 'c', default: '1'},
        'stall-seconds': {type: 'string', default: '30'},
        help: {type: 'boolean', short: 'h', default: false}
      }
    }).values
  } catch (error) {
    process.stderr.write('newsdrop: ' + (error as Error).message + '; see `newsdrop worker --help`\n')
    return 2
  }
  if (values.help) {
    process.stdout.write(workerHelp)
    return 0
  }
  try {
    if (!values.redis) throw new UsageError('Expected `--redis URL`; see `newsdrop worker --help`')
    redisConnection(values.redis)
    const running = await startWorker({
      redis: values.redis,
      concurrency: integer('--concurrency', values.concurrency),
      stallSeconds: integer('--stall-seconds', values['stall-seconds'])
    })
    await running.waitUntilReady()
    process.stderr.write('newsdrop: worker ready on ' + values.redis + '\n')
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve())
    })
    await running.close()
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write('newsdrop: ' + error.message + '\n')
      return 2
    }
    process.stderr.write('newsdrop: worker crashed: ' + String((error as Error).stack ?? error) + '\n')
    return 1
  }
}

/**
 * Parse a whole-number option.
 *
 * @param name
 *   Option name for the message.
 * @param value
 *   Raw value.
 * @returns
 *   The number.
 */
function integer(name: string, value: string, minimum = 1): number {
  if (!/^\d+$/.test(value) || Number(value) < minimum) {
    throw new UsageError(
      'Expected `' + name + '` to be ' + (minimum === 0 ? 'a whole number' : 'a positive integer') + ', got `' + value + '`'
    )
  }
  return Number(value)
}

limitHeapGrowth()
process.exitCode = await main(process.argv.slice(2))
