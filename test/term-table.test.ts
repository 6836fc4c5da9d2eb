import test from 'ava'
import {TermTable} from '../stages/term-table.js'

test('TermTable gives each distinct string one id, in order of addition, through its growth', function (t) {
  const table = new TermTable()
  const strings = Array.from({length: 30_000}, (_, index) => (index % 3 === 0 ? 'entity:name ' : 'word-') + index.toString(36))
  const wide = ['don’t', '東京', 'naïve', 'Ø', '', 'entity:São Paulo', 'x'.repeat(5000)]
  const all = [...strings, ...wide]
  t.deepEqual(all.map((text) => table.add(text)), all.map((_, index) => index))
  t.is(table.size, all.length)
  t.deepEqual(all.map((text) => table.add(text)), all.map((_, index) => index), 'adding again gives the same ids')
  t.deepEqual(all.map((text) => table.get(text)), all.map((_, index) => index))
  t.deepEqual(all.map((_, index) => table.text(index)), all)
  t.is(table.get('word-zz-missing'), -1)
  t.is(table.get('don’'), -1, 'a prefix is another string')
  t.is(table.get('东京'), -1)
})

test('TermTable compares the strings of two ids as `<` orders them', function (t) {
  const table = new TermTable()
  const strings = ['b', 'a', 'ab', '', 'B', 'é', '東京', 'e\u0301', 'ab\u00ff', 'ab\u0100', 'zz']
  for (const text of strings) table.add(text)
  const ids = strings.map((_, id) => id)
  const byCompare = [...ids].sort((left, right) => table.compare(left, right)).map((id) => strings[id])
  t.deepEqual(byCompare, [...strings].sort())
  t.is(table.compare(0, 0), 0)
})
