import {cp, mkdtemp, readFile, readdir, truncate, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import test from 'ava'
import {run} from '../pipeline/run.js'
import {releasesFolder} from '../pipeline/write.js'

const root = path.resolve(import.meta.dirname, '../..')

test('worker processes give the same datasets as one process', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-workers-'))
  const input = path.join(folder, 'input')
  await cp(path.join(root, 'input'), input, {recursive: true})
  // A legacy file and a rejected one take the worker path too.
  await writeFile(path.join(input, 'legacy.txt'), new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x73, 0x61, 0x69, 0x64, 0x20, 0xe9, 0x2e]))
  await writeFile(path.join(input, 'empty.txt'), '')

  const one = await run({input, output: path.join(folder, 'one'), state: path.join(folder, 'state-one'), workers: 1, warn() {}})
  const two = await run({input, output: path.join(folder, 'two'), state: path.join(folder, 'state-two'), workers: 2, warn() {}})
  t.is(one.documents, 6)
  t.is(two.documents, 6)
  t.is(two.rejects, 1)
  const names = (await readdir(path.join(folder, 'one'))).filter((name) => name !== 'run.json')
  for (const name of names) {
    t.true((await readFile(path.join(folder, 'one', name))).equals(await readFile(path.join(folder, 'two', name))), name)
  }
})

test('a bad stage option fails a run with worker processes before any document, as it does without', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-workers-'))
  const input = path.join(folder, 'input')
  await cp(path.join(root, 'input'), input, {recursive: true})
  for (const workers of [1, 2]) {
    await t.throwsAsync(
      run({input, output: path.join(folder, 'out-' + workers), state: path.join(folder, 'state-' + workers), workers, pipeline: {despin: {threshold: -1}}, warn() {}}),
      {instanceOf: TypeError, message: /Expected `threshold` to be a finite number > 0, got `-1`/}
    )
    await t.throwsAsync(readdir(path.join(folder, 'out-' + workers)), {code: 'ENOENT'})
  }
})

test('a run that fails while its worker processes write tables publishes nothing and leaves no staging folder', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-workers-'))
  const input = path.join(folder, 'input')
  const output = path.join(folder, 'output')
  const state = path.join(folder, 'state')
  await cp(path.join(root, 'input'), input, {recursive: true})
  await run({input, output, state, workers: 2, warn() {}})
  const published = await readFile(path.join(output, 'run.json'))

  // A damaged duplicate index fails the duplicates step, which runs while
  // the workers write the tables the corpus steps add nothing to.
  await truncate(path.join(state, 'duplicates', 'signatures.bin'), 4)
  await writeFile(path.join(input, 'new.txt'), 'Officials in Ottawa met on Monday to discuss the budget.\n')
  await t.throwsAsync(run({input, output, state, workers: 2, warn() {}}), {message: /complete documents; delete it to rebuild the index/})
  t.true((await readFile(path.join(output, 'run.json'))).equals(published))
  t.deepEqual((await readdir(releasesFolder(output))).filter((name) => name.startsWith('staging-')), [])
})
