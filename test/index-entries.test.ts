import test from 'ava'
import {IndexEntries} from '../stages/index-entries.js'
import type {IndexEntry} from '../stages/near-duplicates.js'

const added: IndexEntry[] = [
  {id: 'wire', exact: '0123456789abcdef0123456789abcdef', date: '2025-08-08', shingles: 120, immutables: 14, cluster: 'wire'},
  {id: 'copy', exact: '0123456789abcdef0123456789abcdef', date: '2025-08-09', shingles: 118, immutables: 14, cluster: 'wire'},
  {id: 'São Paulo', exact: 'ffffffff00000000ffffffff00000001', date: null, shingles: 0, immutables: 0, cluster: 'gone'},
  {id: 'wire', exact: 'ffffffff00000000ffffffff00000000', date: '2025-08-08', shingles: 3, immutables: 1, cluster: 'wire'}
]

test('IndexEntries gives back each entry as it was added, through its growth', function (t) {
  const entries = new IndexEntries()
  const many = Array.from({length: 3000}, (_, index): IndexEntry => ({
    id: 'document-' + index,
    exact: index.toString(16).padStart(32, '0'),
    date: index % 3 === 0 ? null : '2025-08-' + String(1 + (index % 28)).padStart(2, '0'),
    shingles: index,
    immutables: index % 7,
    cluster: 'document-' + (index - (index % 5))
  }))
  const all = [...added, ...many]
  t.deepEqual(all.map((entry) => entries.add(entry)), all.map((_, row) => row))
  t.is(entries.length, all.length)
  t.deepEqual(all.map((_, row) => entries.entry(row)), all)
  t.deepEqual(all.map((_, row) => [entries.id(row), entries.date(row), entries.shingles(row), entries.immutables(row)]),
    all.map((entry) => [entry.id, entry.date, entry.shingles, entry.immutables]))
})

test('IndexEntries numbers equal ids and clusters alike, and moves a row to a kept copy', function (t) {
  const entries = new IndexEntries()
  for (const entry of added) entries.add(entry)
  t.is(entries.name(3), entries.name(0), 'a re-run id has the number of the indexed one')
  t.is(entries.cluster(1), entries.name(0), 'a cluster is numbered as its kept copy\'s id')
  t.not(entries.cluster(2), entries.name(2))
  t.true(entries.names >= 4 && entries.names === new Set(added.flatMap((entry) => [entry.id, entry.cluster])).size)
  entries.setCluster(2, 1)
  t.is(entries.cluster(2), entries.name(1))
  t.is(entries.entry(2).cluster, 'copy')
})

test('IndexEntries compares texts by exact hash and ids as `<` orders them', function (t) {
  const entries = new IndexEntries()
  for (const entry of added) entries.add(entry)
  t.true(entries.sameText(0, 1))
  t.false(entries.sameText(2, 3), 'hashes that differ in the last digit')
  t.is(entries.textHash(2), 0xff_ff_ff_ff)
  const order = (left: number, right: number) => Math.sign(entries.compareIds(left, right))
  t.is(order(1, 0), -1)
  t.is(order(0, 3), 0)
  t.is(order(2, 1), -1, 'capitals first, as `<` orders code units')
})

test('IndexEntries rejects an exact hash that is not 32 lower-case hexadecimal digits', function (t) {
  const entries = new IndexEntries()
  t.throws(() => entries.add({...(added[0] as IndexEntry), exact: 'ABCDEF'}), {
    instanceOf: TypeError,
    message: 'Expected `exact` to be 32 lower-case hexadecimal digits, got `ABCDEF`'
  })
  t.is(entries.length, 0)
})
