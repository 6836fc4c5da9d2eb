import {cp, mkdtemp, readFile, readdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import test from 'ava'
import {run} from '../pipeline/run.js'

const root = path.resolve(import.meta.dirname, '../..')
const quiet = {warn() {}}

/**
 * Every output file but run.json, as name -> text.
 */
async function outputs(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const name of (await readdir(folder)).sort()) {
    // Text files compare as text so a failure shows a readable diff.
    if (name !== 'run.json') files[name] = (await readFile(path.join(folder, name))).toString(name.endsWith('.parquet') ? 'base64' : 'utf8')
  }
  return files
}

test('an unchanged drop is a no-op and a new drop reuses cached documents with the same result as a cold run', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-incremental-'))
  const input = path.join(folder, 'input')
  await cp(path.join(root, 'input'), input, {recursive: true})

  const first = await run({input, output: path.join(folder, 'output'), state: path.join(folder, 'state'), ...quiet})
  t.is(first.status, 'published')
  t.is(first.cached, 0)
  const before = await outputs(path.join(folder, 'output'))

  const again = await run({input, output: path.join(folder, 'output'), state: path.join(folder, 'state'), ...quiet})
  t.is(again.status, 'unchanged')
  t.deepEqual(await outputs(path.join(folder, 'output')), before)

  // A second drop arrives: only its document is processed.
  await cp(path.join(root, 'input/001_5b3d52f6e35fc12a.txt'), path.join(input, '2025-08-09/copy.txt'), {recursive: true})
  await writeFile(path.join(input, '2025-08-09/new.txt'), 'Officials met on Monday.\n\nThe talks will go on next week, they said.')
  const incremental = await run({input, output: path.join(folder, 'output'), state: path.join(folder, 'state'), ...quiet})
  t.is(incremental.status, 'published')
  t.is(incremental.documents, 7)
  t.true(incremental.cached >= 4, 'cached ' + incremental.cached)

  // A cold run on both drops with fresh state gives the same bytes.
  const cold = await run({input, output: path.join(folder, 'cold'), state: path.join(folder, 'cold-state'), cache: false, ...quiet})
  t.is(cold.cached, 0)
  const warm = await outputs(path.join(folder, 'output'))
  const fresh = await outputs(path.join(folder, 'cold'))
  t.deepEqual(Object.keys(warm), Object.keys(fresh))
  for (const name of Object.keys(fresh)) t.is(warm[name], fresh[name], name)
})
