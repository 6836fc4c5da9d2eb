import {mkdtemp, readdir, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import test from 'ava'
import {bandBuckets} from '../pipeline/band-buckets.js'
import {commitDuplicateIndex, prepareDuplicateIndex} from '../pipeline/duplicate-index.js'
import {findCopies} from '../pipeline/duplicate-search.js'
import {IndexEntries} from '../stages/index-entries.js'
import {dropSignatures} from './helpers.js'
import {
  bandKey,
  duplicateSettings,
  emptyIndex,
  indexDocument,
  matchDrop,
  type DropDocument,
  type IndexedDocument
} from '../stages/near-duplicates.js'

const settings = duplicateSettings()

/** Many short documents: a few texts, each in dozens of copies with some words changed, a few empty or equal ones. */
const documents = manyDocuments(600)

test('bandBuckets gives the buckets of every band key, also when a bucket is larger than a sorted chunk', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-band-keys-'))
  const indexed = documents.map((document) => indexDocument(document, settings))
  const entries = new IndexEntries()
  for (const document of indexed) entries.add(document)
  // Positions in another order than rows, as matching places them.
  const rows = Int32Array.from(indexed.keys()).reverse()
  const first = 200
  const searched = new Uint8Array(indexed.length).fill(1)
  searched[7] = 0
  const buckets = (chunk?: number) => [
    ...bandBuckets(entries, rows, first, searched, (row) => (indexed[row] as IndexedDocument).signature, settings, path.join(folder, 'keys'), chunk)
  ]

  // Reference: group the positions of each band by key, in memory.
  const expected: number[][] = []
  for (let band = 0; band < 2 * settings.bands; band++) {
    const groups = new Map<number, number[]>()
    for (const [position, row] of rows.entries()) {
      const document = indexed[row] as IndexedDocument
      if (searched[position] === 0 || (band < settings.bands ? document.shingles : document.immutables) === 0) continue
      const key = bandKey(document.signature, band, settings.rows)
      groups.set(key, [...(groups.get(key) ?? []), position])
    }
    for (const key of [...groups.keys()].sort((left, right) => left - right)) {
      const bucket = groups.get(key) as number[]
      if (bucket.length > 1 && (bucket.at(-1) as number) >= first) expected.push(bucket)
    }
  }
  t.true(expected.some((bucket) => bucket.length > 3 * 7), 'a bucket spans several chunks of 7')
  t.deepEqual(buckets(), expected)
  t.deepEqual(buckets(7), expected)
  t.deepEqual(buckets(1), expected)
  t.deepEqual(await readdir(folder), [], 'the work file is removed')
})

test('findCopies matches a drop on disk as matchDrop does in memory, and writes the same index', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-duplicate-search-'))
  const memory = emptyIndex(settings)
  const drops: DropDocument[][] = [
    documents.slice(0, 400),
    // A drop much smaller than the index, with documents of the first again
    // (one with another text, so its cluster is matched again).
    [...documents.slice(400, 430), ...documents.slice(0, 20).map((document, index) => (index === 3 ? {...document, text: 'Now a different text.'} : document))]
  ]
  for (const [number, dropDocuments] of drops.entries()) {
    const indexed = dropDocuments.map((document) => indexDocument(document, settings)).sort((left, right) => (left.id < right.id ? -1 : 1))
    const expected = matchDrop(memory, indexed)
    await prepareDuplicateIndex(path.join(folder, 'memory'), memory)
    await commitDuplicateIndex(path.join(folder, 'memory'))

    const work = path.join(folder, 'work-' + number)
    const signatures = await dropSignatures(indexed, work)
    const results = await findCopies(path.join(folder, 'disk'), settings, signatures, work, 7)
    await commitDuplicateIndex(path.join(folder, 'disk'))
    t.true(results.size > 20, 'drop ' + number + ' has copies')
    t.deepEqual(results, expected)
    for (const name of ['documents.jsonl', 'signatures.bin', 'settings.json']) {
      t.deepEqual(
        await readFile(path.join(folder, 'disk', 'duplicates', name)),
        await readFile(path.join(folder, 'memory', 'duplicates', name)),
        name + ' of drop ' + number
      )
    }
    t.deepEqual((await readdir(work)).sort(), ['signatures.bin', 'signatures.jsonl'], 'the band keys are removed')
  }
})

/**
 * Short documents in families of near copies (a word or a few changed),
 * with some empty texts and some equal ones, on a few dates.
 *
 * @param count
 *   Documents.
 * @returns
 *   Documents, ids not in order.
 */
function manyDocuments(count: number): DropDocument[] {
  let seed = 12_345
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0
    return seed / 2 ** 32
  }
  const words = ['Lisbon', 'rain', 'council', 'Moedas', 'metro', 'storm', 'river', '140', 'Friday', 'warning', 'drains', 'Oeiras', 'repairs', 'fund', 'Tagus', 'agency']
  const families = Array.from({length: 12}, () => Array.from({length: 40}, () => words[Math.floor(random() * words.length)] as string))
  return Array.from({length: count}, function (_, index): DropDocument {
    const id = 'document-' + String((index * 7919) % 10_007).padStart(5, '0')
    const date = index % 5 === 0 ? null : '2025-08-0' + (1 + (index % 4))
    if (index % 97 === 0) return {id, text: '', date}
    const text = [...(families[index % families.length] as string[])]
    const changes = index % 13 === 0 ? 0 : Math.floor(random() * 6)
    for (let change = 0; change < changes; change++) text[Math.floor(random() * text.length)] = words[Math.floor(random() * words.length)] as string
    return {id, text: text.join(' ') + '.', date}
  })
}
