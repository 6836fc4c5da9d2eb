import {readFile} from 'node:fs/promises'
import test from 'ava'
import {dataDictionary} from '../pipeline/data-dictionary.js'

test('docs/DATA.md matches the contract in pipeline/tables.ts (run `make docs`)', async function (t) {
  const committed = await readFile(new URL('../../docs/DATA.md', import.meta.url), 'utf8')
  t.is(committed, dataDictionary())
})
