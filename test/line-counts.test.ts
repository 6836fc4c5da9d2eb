import {mkdtemp, readdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import test from 'ava'
import {LineCounts} from '../pipeline/line-counts.js'

/** Line hashes of 300 documents: lines shared by many, by a few, and lines of one document only. */
const documents = Array.from({length: 300}, (_, document) => {
  const hashes = [2 ** 52 + (document % 7), 1000 + (document % 50), 5_000_000 + document]
  if (document % 3 === 0) hashes.push(42)
  return document === 17 ? [] : hashes
})

test('LineCounts counts the documents holding each line, also when the hashes are sorted in several chunks', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-line-counts-'))
  const holders = new Map<number, number>()
  for (const hashes of documents) for (const hash of hashes) holders.set(hash, (holders.get(hash) ?? 0) + 1)
  const expected = documents.map((hashes) => hashes.map((hash) => holders.get(hash)))
  for (const chunk of [undefined, 64, 1]) {
    const lines = new LineCounts(path.join(folder, 'hashes'), documents.length + 1)
    // Added out of order, as scans come back.
    for (const [document, hashes] of [...documents.entries()].reverse()) lines.add(document, hashes)
    lines.count(chunk)
    t.deepEqual(documents.map((_, document) => lines.counts(document)), expected)
    t.true(lines.has(17), 'a document without lines was added')
    t.false(lines.has(documents.length), 'a document never added (its scan failed)')
    lines.close()
    lines.close()
    t.deepEqual(await readdir(folder), [], 'the work file is removed, once')
  }
})

test('LineCounts rejects a bad `chunk`', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-line-counts-'))
  const lines = new LineCounts(path.join(folder, 'hashes'), 1)
  t.throws(() => lines.count(0), {instanceOf: TypeError, message: 'Expected `chunk` to be a positive integer, got `0`'})
  lines.close()
})
