import {mkdtemp, readdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import test from 'ava'
import {StoryVectorFile} from '../pipeline/story-vectors.js'
import {linkStories, StoryDocumentList, storySettings, storyTerms, StoryTermIndex, StoryVectors, strongestPositions} from '../stages/stories.js'

const settings = storySettings()

test('StoryVectorFile gives back every vector and links the same stories as StoryVectors', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-story-vectors-'))
  // 1,500 short documents about 30 events (names shared within an event),
  // enough vectors for several blocks of the file.
  const documents = Array.from({length: 1500}, function (_, index) {
    const event = index % 30
    const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((name) => name + ' Town' + event)
    const text = names.join(' met ') + ' on day ' + index + '. ' + ['rain', 'vote', 'trade', 'court'][index % 4] + ' talks went on about ' + names[index % 5] + ' word' + index + '.'
    return {id: 'document-' + String(index).padStart(4, '0'), date: index % 7 === 0 ? null : '2025-08-0' + (1 + (index % 3)), text}
  })
  const terms = documents.map((document) => storyTerms(document))
  const index = new StoryTermIndex()
  for (const counts of terms) index.add(counts)
  const memory = new StoryVectors()
  const file = new StoryVectorFile(path.join(folder, 'vectors'))
  for (const [position, document] of documents.entries()) {
    const vector = index.vector(terms[position] ?? [], settings)
    memory.add(document.id, document.date, vector)
    file.add(document.id, document.date, vector)
  }
  const plain = (vector: {terms: Int32Array; weights: Float64Array}) => [[...vector.terms], [...vector.weights]]
  for (let position = 0; position < documents.length; position++) {
    t.deepEqual(plain(file.vector(position)), plain(memory.vector(position)))
  }
  // Out of order, and a second document while the first is in use.
  const first = file.vector(700)
  t.deepEqual(plain(file.other(3)), plain(memory.vector(3)))
  t.deepEqual(plain(first), plain(memory.vector(700)))
  t.deepEqual(plain(file.vector(12)), plain(memory.vector(12)))

  const entities = index.entities()
  const stories = linkStories(file, entities, settings)
  t.deepEqual(stories, linkStories(memory, entities, settings))
  t.true(new Set(stories.first).size < 100, 'documents of one event share a story')
  t.throws(() => file.add('late', null, {terms: new Int32Array(0), weights: new Float64Array(0)}), {message: /once they are read/})
  file.close()
  t.deepEqual(await readdir(folder), [], 'the files are removed')
})

test('a vector of the ids add gave equals the vector of the terms, ties broken by the term', function (t) {
  const index = new StoryTermIndex()
  // Every term counted once in one document of two: equal scores, so only
  // the order of the terms decides which `settings.terms` are kept.
  const many = storyTerms({text: Array.from({length: 80}, (_, word) => 'term' + String.fromCharCode(97 + (word % 26), 97 + Math.floor(word / 26))).join(' ')})
  const ids = index.add(many)
  index.add(storyTerms({text: 'other words here'}))
  const plain = (vector: {terms: Int32Array; weights: Float64Array}) => [[...vector.terms], [...vector.weights]]
  const fromIds = index.vectorOfIds(ids, many.map(([, count]) => count), settings)
  t.deepEqual(plain(fromIds), plain(index.vector(many, settings)))
  t.is(fromIds.terms.length, settings.terms)
  t.deepEqual([...fromIds.terms], [...ids.subarray(0, settings.terms)], 'the first terms by code unit')
})

test('StoryDocumentList gives back ids and dates, and orders them as `<` does, undated last', function (t) {
  const list = new StoryDocumentList()
  const documents: Array<[string, string | null]> = Array.from({length: 3000}, (_, index) => [
    'doc-' + ((index * 7919) % 3000).toString(36) + (index % 5 === 0 ? 'é' : ''),
    index % 4 === 0 ? null : '2025-0' + (1 + (index % 9)) + '-1' + (index % 3)
  ])
  documents.push(['doc-1', '2025-01-10'], ['doc-1', null])
  for (const [id, date] of documents) list.add(id, date)
  t.is(list.length, documents.length)
  t.deepEqual(documents.map((_, position) => [list.id(position), list.date(position)]), documents)
  const sign = (value: number) => Math.sign(value)
  for (let position = 1; position < documents.length; position += 37) {
    const [leftId, leftDate] = documents[position - 1] as [string, string | null]
    const [rightId, rightDate] = documents[position] as [string, string | null]
    t.is(sign(list.compareIds(position - 1, position)), leftId < rightId ? -1 : leftId > rightId ? 1 : 0)
    const dates = leftDate === rightDate ? 0 : leftDate === null ? 1 : rightDate === null ? -1 : leftDate < rightDate ? -1 : 1
    t.is(sign(list.compareDates(position - 1, position)), dates)
  }
  t.is(list.compareIds(documents.length - 2, documents.length - 1), 0, 'two documents with one id')
  t.is(list.compareDates(documents.length - 1, 0), 0, 'undated equals undated')
})

test('linkStories names a story after its earliest document, undated last, then the first id', function (t) {
  const index = new StoryTermIndex()
  const text = 'Alpha Town and Bravo City signed the Charlie Accord with Delta Port on trade and Echo Bay on ports.'
  const counts = storyTerms({text})
  index.add(counts)
  const vectors = new StoryVectors()
  for (const [id, date] of [['c', null], ['b', '2025-08-09'], ['a', '2025-08-09'], ['d', '2025-08-08']] as const) vectors.add(id, date, index.vector(counts, settings))
  const {ordered, first} = linkStories(vectors, index.entities(), settings)
  const id = (place: number) => vectors.documents.id(ordered[place] as number)
  t.deepEqual(Array.from(ordered.keys(), id), ['a', 'b', 'c', 'd'])
  t.deepEqual(Array.from(first, id), ['d', 'd', 'd', 'd'])
})

test('strongestPositions keeps what a full sort by score, ties by position, keeps first', function (t) {
  let seed = 7
  const random = () => (seed = (Math.imul(seed, 48_271) >>> 0) % 2_147_483_647) / 2_147_483_647
  for (let round = 0; round < 300; round++) {
    const length = Math.floor(random() * 160)
    // Few distinct scores, so many ties, some of them zero or negative.
    const scores = Float64Array.from({length}, () => Math.floor(random() * 12) / 4 - 0.5)
    for (const limit of [1, 5, 50]) {
      const expected = Array.from(scores.keys())
        .sort((left, right) => (scores[right] as number) - (scores[left] as number) || left - right)
        .slice(0, limit)
      t.deepEqual([...strongestPositions(scores, limit)], expected)
    }
  }
})
