import path from 'node:path'
import test from 'ava'
import {InputList} from '../pipeline/input-list.js'
import {absolutePathOf, docIdOf} from '../pipeline/inputs.js'

const root = path.resolve('drop')
const documents = [
  {sourcePath: '2025-08-08/a.txt', metadata: {published_date: '2025-08-08', outlet: 'BBC'}},
  {sourcePath: '2025-08-08/b.text', metadata: {}},
  {sourcePath: 'São Paulo/東京.txt', metadata: {title: 'Naïve “quotes”', url: 'https://example.com/1'}},
  {sourcePath: 'c.TXT', metadata: {}}
].map(({sourcePath, metadata}) => ({sourcePath, metadataText: JSON.stringify(metadata), docId: docIdOf(sourcePath), absolutePath: absolutePathOf(root, sourcePath), metadata}))

test('InputList gives back each input as added, its id and absolute path derived from its path', function (t) {
  const list = new InputList(root, documents.length)
  for (const [position, document] of documents.entries()) list.add(document, String(position).repeat(64), 1000 + position)
  t.is(list.length, documents.length)
  t.deepEqual(
    documents.map((_, position) => list.input(position)),
    documents.map(({metadataText, ...document}, position) => ({...document, sha256: String(position).repeat(64)}))
  )
  t.deepEqual(documents.map((_, position) => list.bytes(position)), [1000, 1001, 1002, 1003])
  t.deepEqual(documents.map((_, position) => list.metadataText(position)), documents.map((document) => document.metadataText))
  t.like(list.input(2), {docId: 'São Paulo/東京', absolutePath: path.join(root, 'São Paulo', '東京.txt')})
  t.is(list.input(3).docId, 'c')
})

test('InputList rejects an input beyond its capacity, and one added twice', function (t) {
  const list = new InputList(root, 2)
  list.add(documents[0] as (typeof documents)[number], '0'.repeat(64), 1)
  t.throws(() => list.add(documents[0] as (typeof documents)[number], '0'.repeat(64), 1), {message: 'Unexpected input `2025-08-08/a.txt` listed twice'})
  list.add(documents[1] as (typeof documents)[number], '0'.repeat(64), 1)
  t.throws(() => list.add(documents[2] as (typeof documents)[number], '0'.repeat(64), 1), {instanceOf: RangeError, message: 'Expected at most 2 inputs'})
})
