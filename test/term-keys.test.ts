import test from 'ava'
import {KeyTable, keyLength, writeTermKey} from '../stages/term-keys.js'
import {storySettings, storyTermRecord, storyTerms, storyTermStride, StoryTermIndex} from '../stages/stories.js'

/**
 * The key of a string, as one number-pair text.
 *
 * @param text
 *   String.
 * @returns
 *   Key.
 */
function keyOf(text: string): string {
  const key = new Int32Array(keyLength)
  writeTermKey(text, key, 0)
  return key.join(',')
}

test('writeTermKey gives 400,000 distinct strings of every kind 400,000 keys', function (t) {
  const keys = new Set<string>()
  let strings = 0
  const add = (text: string) => {
    keys.add(keyOf(text))
    strings++
  }
  for (let index = 0; index < 100_000; index++) {
    const word = index.toString(36)
    add(word)
    add('entity:' + word)
    // Same code units in another order, and one more code unit.
    add([...word].reverse().join('') + '’')
    add(word + '\u0000')
  }
  t.is(strings, 400_000)
  t.is(keys.size, strings, 'no two share a key')
  t.is(keyOf('東京'), keyOf('東京'), 'the same string, the same key')
  t.not(keyOf(''), keyOf('\u0000'))
})

test('KeyTable gives each distinct key one id, in order of addition, through its growth', function (t) {
  const table = new KeyTable()
  const count = 20_000
  const keys = new Int32Array(count * keyLength)
  // Keys that differ in one half only, and keys whose first halves fill the same slots.
  for (let id = 0; id < count; id++) {
    keys[id * keyLength] = id % 2 === 0 ? 7 : id * 4096
    keys[id * keyLength + 1] = id
  }
  const ids = Array.from({length: count}, (_, id) => table.add(keys, id * keyLength))
  t.deepEqual(ids, Array.from({length: count}, (_, id) => id))
  t.is(table.size, count)
  t.deepEqual(
    Array.from({length: count}, (_, id) => table.get(keys, id * keyLength)),
    ids
  )
  t.is(table.add(keys, 5 * keyLength), 5, 'adding again gives the same id')
  t.is(table.get(Int32Array.of(7, -1), 0), -1)
})

test('StoryTermIndex gives the ids, frequencies and entity terms of the strings', function (t) {
  const texts = Array.from({length: 200}, (_, index) => 'Talks on trade went on in city' + (index % 17) + ' about harbour' + (index % 5) + ' and port' + index + ' again.')
  const documents = texts.map((text, index) => storyTerms({text, entities: ['Alpha ' + (index % 3), 'Bravo']}))
  const index = new StoryTermIndex()
  // The reference: ids in order of first addition, by string.
  const reference = new Map<string, number>()
  for (const terms of documents) {
    const ids = index.add(terms)
    t.deepEqual(
      [...ids],
      terms.map(([term]) => {
        if (!reference.has(term)) reference.set(term, reference.size)
        return reference.get(term) as number
      })
    )
  }
  t.deepEqual(
    [...index.entities()],
    [...reference.keys()].map((term) => (term.startsWith('entity:') ? 1 : 0))
  )
  const record = storyTermRecord(documents[3] ?? [])
  t.is(record.length, (documents[3] ?? []).length * storyTermStride)
  t.deepEqual(index.vectorOfRecord(record, storySettings()), index.vector(documents[3] ?? [], storySettings()))
})
