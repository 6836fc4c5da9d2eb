import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import test from 'ava'
import {run} from '../pipeline/run.js'

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures')

// The end-to-end spec: review the diff of test/snapshots/snapshot.test.ts.md
// whenever a stage changes what it finds, and update with `npx ava -u` on purpose.
test('writes the expected datasets for the fixture drop', async function (t) {
  const output = path.join(await mkdtemp(path.join(tmpdir(), 'newsdrop-snapshot-')), 'output')
  await run({input: fixtures, output, byteOrderMark: false, warn() {}})
  for (const name of ['documents.csv', 'edits.csv', 'entities.csv', 'dates.csv', 'duplicates.csv', 'messages.csv', 'rejects.csv']) {
    t.snapshot(await readFile(path.join(output, name), 'utf8'), name)
  }
})
