import {mkdir, mkdtemp, readFile, readdir, rename, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import test from 'ava'
import {
  commitDuplicateIndex,
  discardDuplicateIndex,
  prepareDuplicateIndex,
  readDuplicateIndex,
  writeDuplicateIndex
} from '../pipeline/duplicate-index.js'
import {UsageError} from '../pipeline/inputs.js'
import {run} from '../pipeline/run.js'
import {SignatureFile} from '../pipeline/signature-file.js'
import {IndexEntries} from '../stages/index-entries.js'
import {
  clusterId,
  compareDocuments,
  duplicateSettings,
  emptyIndex,
  immutableWords,
  indexDocument,
  matchDrop,
  type DropDocument,
  type DuplicateResult
} from '../stages/near-duplicates.js'
import {groupStories, linkStories, storySettings, storyTerms, StoryTermIndex, StoryVectors} from '../stages/stories.js'
import {spinCopy} from '../bench/spin-copy.js'
import {dropSignatures} from './helpers.js'

const shared = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env.NEWSDROP_SHARED ?? '../shared')
const settings = duplicateSettings()

/** The AP wire story of sample 002 with the spinner undone (gold). */
const wire = await readFile(path.join(shared, 'gold/seeds/002.despun.txt'), 'utf8')
/** The five samples: five outlets' stories on one summit. */
const samples = new Map<string, string>()
for (const name of (await readdir(path.join(shared, 'samples'))).filter((name) => name.endsWith('.txt')).sort()) {
  samples.set(name.slice(0, 3), await readFile(path.join(shared, 'samples', name), 'utf8'))
}


const paragraphs = wire.trim().split('\n')
/** Copies of the wire story as outlets publish them. */
const copies: Record<string, string> = {
  exact: '\n' + wire.toUpperCase().replaceAll('.', ' .') + '\n',
  'write-through': [
    'UPDATED with the White House statement on Saturday.',
    ...paragraphs.map((paragraph) => paragraph.replaceAll('32', '34').replaceAll('2023', '2024').replaceAll('20 ', '25 '))
  ].join('\n\n'),
  truncated: paragraphs.slice(0, Math.ceil(paragraphs.length * 0.55)).join('\n\n'),
  boilerplate: [
    'Home | World | Politics',
    'Listen to this article',
    wire,
    'Sign up for our morning briefing, delivered to your inbox.',
    '© 2025 The Daily Example. All rights reserved.',
    'Follow us on social media for more news.'
  ].join('\n\n'),
  spun: spinCopy(wire),
  'spun-by-hand': samples.get('002') as string
}

/**
 * Index and match documents as one drop.
 *
 * @param documents
 *   Documents.
 * @returns
 *   Results by id.
 */
function match(documents: readonly DropDocument[]): Map<string, DuplicateResult> {
  return matchDrop(emptyIndex(settings), documents.map((document) => indexDocument(document, settings)))
}

const drop: DropDocument[] = [
  {id: 'wire', text: wire, date: '2025-08-08'},
  ...Object.entries(copies).map(([id, text]) => ({id, text, date: '2025-08-09'})),
  // Same event, other outlets' stories: not copies.
  ...['000', '001', '003', '004'].map((id) => ({id: 'sample-' + id, text: samples.get(id) as string, date: '2025-08-08'}))
]

test('clusters every copy of a wire story with it, and no other story of the event', function (t) {
  const results = match(drop)
  const summary = Object.fromEntries([...results].map(([id, result]) => [id, [result.duplicateOf, result.kind]]))
  t.deepEqual(summary, {
    wire: [null, 'near'],
    exact: ['wire', 'exact'],
    'write-through': ['wire', 'near'],
    truncated: ['wire', 'near'],
    boilerplate: ['wire', 'near'],
    spun: ['wire', 'near'],
    'spun-by-hand': ['wire', 'near']
  })
  t.true([...results.values()].every((result) => result.clusterId === clusterId('wire')))
})

test('reports how alike each copy is to the kept one', function (t) {
  const results = match(drop)
  const similarity = (id: string) => results.get(id)?.similarity ?? 0
  t.is(similarity('exact'), 1)
  t.is(similarity('wire'), 1)
  // A truncated copy is contained in the full one.
  t.true(similarity('truncated') >= 0.8)
  for (const id of ['write-through', 'boilerplate', 'spun', 'spun-by-hand']) t.true(similarity(id) >= 0.6, id)
})

test('finds no copy among the five samples (one event, five stories)', function (t) {
  const results = match([...samples].map(([id, text]) => ({id, text, date: '2025-08-08'})))
  t.deepEqual([...results.keys()], [])
})

test('gives the same clusters in any order and over any split into drops', function (t) {
  const forward = match(drop)
  t.deepEqual(match([...drop].reverse()), forward)

  const index = emptyIndex(settings)
  // The copies of the first drop cluster among themselves until the wire story arrives.
  const later = [...drop].reverse()
  const half = later.findIndex((document) => document.id === 'truncated')
  const first = matchDrop(index, later.slice(0, half).map((document) => indexDocument(document, settings)))
  const second = matchDrop(index, later.slice(half).map((document) => indexDocument(document, settings)))
  // The kept copy came in the second drop: the first drop's copies now point to it in the index.
  t.deepEqual(second.get('wire'), forward.get('wire'))
  t.deepEqual(second.get('exact'), forward.get('exact'))
  t.is(first.get('spun')?.duplicateOf, 'spun-by-hand')
  t.deepEqual(
    index.documents.filter((document) => document.cluster === 'wire').map((document) => document.id).sort(),
    [...forward.keys()].sort()
  )
})

test('keeps the earliest copy, then the most complete', function (t) {
  const full = {id: 'b-full', text: wire, date: '2025-08-08'}
  const short = {id: 'a-short', text: copies.truncated as string, date: '2025-08-08'}
  t.is(match([short, full]).get('a-short')?.duplicateOf, 'b-full')
  t.is(match([{...short, date: '2025-08-07'}, full]).get('b-full')?.duplicateOf, 'a-short')
  t.is(match([{...short, date: null}, {...full, date: null}]).get('a-short')?.duplicateOf, 'b-full')
})

test('matches a copy in local spelling (`defence`)', function (t) {
  const american =
    'The defense ministry said the center would open next year. The organization plans a program to honor ' +
    'veterans and to recognize the labor of nurses, and the neighbors of the center favor the plan. ' +
    'Officials said the defense program would cost 12 million dollars over four years, and the organization ' +
    'said it would analyze the results with the local labor council before the center opens in June.'
  const british = american
    .replaceAll('defense', 'defence')
    .replaceAll('center', 'centre')
    .replaceAll('organization', 'organisation')
    .replaceAll('program', 'programme')
    .replaceAll('honor', 'honour')
    .replaceAll('recognize', 'recognise')
    .replaceAll('labor', 'labour')
    .replaceAll('neighbors', 'neighbours')
    .replaceAll('favor', 'favour')
    .replaceAll('analyze', 'analyse')
  const comparison = compareDocuments(
    indexDocument({id: 'us', text: american, date: null}, settings),
    indexDocument({id: 'uk', text: british, date: null}, settings),
    settings
  )
  t.deepEqual(comparison, {match: true, similarity: 1})
})

test('keeps names and numbers that a spinner leaves alone, in order', function (t) {
  t.deepEqual(
    immutableWords('The talks ended four decades of war, President Ilham Aliyev said. However the Road to Baku opened in 2025.'),
    ['4', 'president', 'ilham', 'aliyev', 'baku', '2025']
  )
})

test('finds the words of immutableWords as runs of letters and digits in any script', function (t) {
  // Astral letters (𝐀 upper case, 𝑎 not), a lone surrogate, a combining mark,
  // Arabic-Indic and superscript digits, Greek, Cyrillic and Devanagari.
  const text = 'Report. Σωκράτης met Путин in २०२४ and ٣ talks; ²5 G7 𝐀lpha 𝑎lpha x\uD800Yak Zoë\u0301s Île “Dakar” (Niamey) — Nouakchott'
  t.deepEqual(immutableWords(text), ['путин', '२०२४', '٣', '²5', 'g7', '𝐀lpha', 'yak', 'zoë', 'île', 'dakar', 'niamey', 'nouakchott'])
})

test('matches a new drop against the index persisted by an earlier run', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-dedupe-'))
  await mkdir(path.join(folder, 'drop-1'))
  await mkdir(path.join(folder, 'drop-2'))
  await writeFile(path.join(folder, 'drop-1', 'wire.txt'), wire)
  await writeFile(path.join(folder, 'drop-1', 'manifest.csv'), 'file,published_date\nwire.txt,2025-08-08\n')
  await writeFile(path.join(folder, 'drop-2', 'spun.txt'), copies.spun as string)
  await writeFile(path.join(folder, 'drop-2', 'other.txt'), samples.get('001') as string)
  await writeFile(path.join(folder, 'drop-2', 'manifest.csv'), 'file,published_date\nspun.txt,2025-08-09\nother.txt,2025-08-08\n')
  const quiet = {warn() {}, state: path.join(folder, 'state')}

  await run({input: path.join(folder, 'drop-1'), output: path.join(folder, 'output-1'), ...quiet})
  t.is(await readFile(path.join(folder, 'output-1', 'duplicates.csv'), 'utf8'), '\uFEFFdoc_id,cluster_id,duplicate_of,similarity,kind\r\n')

  await run({input: path.join(folder, 'drop-2'), output: path.join(folder, 'output-2'), ...quiet})
  const rows = (await readFile(path.join(folder, 'output-2', 'duplicates.csv'), 'utf8')).split('\r\n')
  t.regex(rows[1] ?? '', new RegExp('^spun,' + clusterId('wire') + ',wire,(1|0\\.\\d+),near$'))
  t.is(rows.length, 3)
  const documents = (await readFile(path.join(folder, 'output-2', 'documents.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line))
  t.like(documents[1], {doc_id: 'spun', duplicate: {cluster_id: clusterId('wire'), duplicate_of: 'wire', kind: 'near'}})
  t.like(documents[0], {doc_id: 'other', duplicate: null})

  const index = await readDuplicateIndex(path.join(folder, 'state'), settings)
  t.deepEqual(index.documents.map((document) => [document.id, document.cluster]), [
    ['other', 'other'],
    ['spun', 'wire'],
    ['wire', 'wire']
  ])
})

test('round-trips the index through the state folder', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-dedupe-'))
  const index = emptyIndex(settings)
  matchDrop(index, drop.map((document) => indexDocument(document, settings)))
  await writeDuplicateIndex(folder, index)
  const read = await readDuplicateIndex(folder, settings)
  t.deepEqual(
    read.documents,
    [...index.documents].sort((left, right) => (left.id < right.id ? -1 : 1))
  )
  await t.throwsAsync(readDuplicateIndex(folder, duplicateSettings({bands: 16, rows: 8})), {
    instanceOf: UsageError,
    message: /^Expected the duplicate index in `.+` to be made with the same bands, rows, got .+; delete that folder to rebuild the index$/
  })
  t.deepEqual((await readDuplicateIndex(path.join(folder, 'missing'), settings)).documents, [])
})

test('reads the index left beside the state folder by a crash between the two renames', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-dedupe-'))
  const index = emptyIndex(settings)
  matchDrop(index, drop.map((document) => indexDocument(document, settings)))
  await writeDuplicateIndex(folder, index)
  const written = (await readDuplicateIndex(folder, settings)).documents
  t.is(written.length, drop.length)
  // Crashed after the old folder was moved away: only the new one is left.
  await rename(path.join(folder, 'duplicates'), path.join(folder, 'duplicates.new'))
  t.deepEqual((await readDuplicateIndex(folder, settings)).documents, written)
  // The new one was still incomplete (no `settings.json` yet): the old one.
  await rename(path.join(folder, 'duplicates.new'), path.join(folder, 'duplicates.old'))
  await mkdir(path.join(folder, 'duplicates.new'))
  t.deepEqual((await readDuplicateIndex(folder, settings)).documents, written)
  // The next write swaps in a complete folder again.
  await writeDuplicateIndex(folder, index)
  t.deepEqual(await readdir(folder), ['duplicates'])
  t.deepEqual((await readDuplicateIndex(folder, settings)).documents, written)
})

test('keeps a prepared index out of reach until it is committed', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-dedupe-'))
  const first = emptyIndex(settings)
  matchDrop(first, drop.slice(0, 2).map((document) => indexDocument(document, settings)))
  await writeDuplicateIndex(folder, first)
  const before = (await readDuplicateIndex(folder, settings)).documents
  const second = emptyIndex(settings)
  matchDrop(second, drop.map((document) => indexDocument(document, settings)))
  await prepareDuplicateIndex(folder, second)
  t.deepEqual((await readDuplicateIndex(folder, settings)).documents, before, 'a run that has not published yet')
  // A failed run leaves the index as it was.
  await discardDuplicateIndex(folder)
  t.deepEqual(await readdir(folder), ['duplicates'])
  await prepareDuplicateIndex(folder, second)
  await commitDuplicateIndex(folder)
  t.deepEqual(await readdir(folder), ['duplicates'])
  t.deepEqual(
    (await readDuplicateIndex(folder, settings)).documents,
    [...second.documents].sort((left, right) => (left.id < right.id ? -1 : 1))
  )
})

test('DropSignatures adds the entries of a drop in order after those there, their signatures by row', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-dedupe-'))
  const indexed = [...drop, {id: 'empty', text: '', date: null}].map((document) => indexDocument(document, settings))
  const signatures = await dropSignatures(indexed, folder)
  const entries = new IndexEntries()
  const {signature, ...indexedEntry} = indexDocument({id: 'indexed', text: wire, date: null}, settings)
  entries.add({...indexedEntry, cluster: 'wire'})
  await signatures.addTo(entries)
  t.deepEqual(
    Array.from({length: entries.length}, (_, row) => entries.entry(row)),
    [{...indexedEntry, cluster: 'wire'}, ...indexed.map(({signature, ...entry}) => entry)]
  )
  const file = new SignatureFile(signatures.signatures, 2 * settings.bands * settings.rows, 4)
  t.is(file.rows, indexed.length)
  t.deepEqual(indexed.map((_, row) => [...file.read(row)]), indexed.map((document) => [...document.signature]))
  file.close()
})

test('StoryVectors keeps every vector as it was while its arrays grow', function (t) {
  const texts = [...samples.values(), wire]
  const index = new StoryTermIndex()
  const terms = texts.map((text) => storyTerms({text}))
  for (const counts of terms) index.add(counts)
  const small = new StoryVectors(1, 1)
  const large = new StoryVectors()
  for (const [position, counts] of terms.entries()) {
    const vector = index.vector(counts, storySettings())
    small.add('document-' + position, null, vector)
    large.add('document-' + position, null, vector)
    const start = small.offsets[position] as number
    t.deepEqual([...small.terms.subarray(start, small.offsets[position + 1])], [...vector.terms])
    t.deepEqual([...small.weights.subarray(start, small.offsets[position + 1])], [...vector.weights])
  }
  t.is(small.documents.length, texts.length)
  t.deepEqual(linkStories(small, index.entities(), storySettings()), linkStories(large, index.entities(), storySettings()))
})

test('rejects bad options', function (t) {
  t.throws(() => duplicateSettings({bands: 0}), {instanceOf: TypeError, message: 'Expected `bands` to be a positive integer, got `0`'})
  t.throws(() => duplicateSettings({threshold: 2}), {
    instanceOf: TypeError,
    message: 'Expected `threshold` to be a number above 0 and at most 1, got `2`'
  })
  t.throws(() => storySettings({windowDays: -1}), {instanceOf: TypeError, message: 'Expected `windowDays` to be a whole number of days, got `-1`'})
  t.throws(() => storySettings({threshold: 0}), {
    instanceOf: TypeError,
    message: 'Expected `threshold` to be a number above 0 and at most 1, got `0`'
  })
})

const otherEvent =
  'Heavy rain flooded parts of Lisbon on Tuesday, and the Portuguese civil protection agency said two people were ' +
  'rescued from cars in Alcantara. Mayor Carlos Moedas told SIC television that the city would review its drains. ' +
  'The IPMA weather service kept an orange warning for Lisbon and Setubal until Wednesday, with more storms ' +
  'expected over the Tagus estuary. Firefighters in Oeiras answered 140 calls, and the Lisbon metro closed two ' +
  'stations. Moedas said the damage would be counted by Friday and that the European Union fund for disasters ' +
  'could help Portugal pay for repairs in Lisbon and Setubal.'

test('groups the five samples into one story, apart from another event', function (t) {
  const documents = [
    ...[...samples].map(([id, text]) => ({id, text, date: '2025-08-08'})),
    {id: 'lisbon', text: otherEvent, date: '2025-08-08'}
  ]
  const stories = groupStories(documents, storySettings())
  t.is(new Set(['000', '001', '002', '003', '004'].map((id) => stories.get(id))).size, 1)
  t.not(stories.get('lisbon'), stories.get('000'))
  t.regex(stories.get('000') ?? '', /^story-[\da-f]{12}$/)
})

test('keeps stories apart outside the time window', function (t) {
  const documents = [...samples].map(([id, text]) => ({id, text, date: id === '004' ? '2025-09-20' : '2025-08-08'}))
  const stories = groupStories(documents, storySettings())
  t.is(new Set(['000', '001', '002', '003'].map((id) => stories.get(id))).size, 1)
  t.not(stories.get('004'), stories.get('000'))
})

test('uses the entities of an entity stage when given', function (t) {
  const text = 'Talks went on. Officials met again and talks went on.'
  const documents = ['one', 'two'].map((id) => ({id, text: text + ' ' + id, date: null}))
  const apart = groupStories(documents, storySettings())
  t.not(apart.get('one'), apart.get('two'))
  const entities = ['Ilham Aliyev', 'Nikol Pashinyan', 'White House', 'Donald Trump']
  const together = groupStories(documents.map((document) => ({...document, entities})), storySettings())
  t.is(together.get('one'), together.get('two'))
})

test('clusters 6,000 equal texts without listing every pair', function (t) {
  const texts = ['Markets closed higher on Monday.', otherEvent]
  const documents = Array.from({length: 6000}, (_, index) => ({id: 'copy-' + String(index).padStart(4, '0'), text: texts[index % 2] as string, date: null}))
  const results = match(documents)
  t.is(results.size, 6000)
  t.deepEqual(results.get('copy-0000'), {clusterId: clusterId('copy-0000'), duplicateOf: null, similarity: 1, kind: 'exact'})
  t.deepEqual(results.get('copy-5998'), {clusterId: clusterId('copy-0000'), duplicateOf: 'copy-0000', similarity: 1, kind: 'exact'})
  t.deepEqual(results.get('copy-5999'), {clusterId: clusterId('copy-0001'), duplicateOf: 'copy-0001', similarity: 1, kind: 'exact'})
})

test('re-clusters the other copies when a kept copy is re-run with other text', function (t) {
  const index = emptyIndex(settings)
  const first = [
    {id: 'wire', text: wire, date: '2025-08-08'},
    {id: 'exact', text: copies.exact as string, date: '2025-08-09'},
    {id: 'truncated', text: copies.truncated as string, date: '2025-08-09'},
    {id: 'lisbon', text: otherEvent, date: '2025-08-08'}
  ]
  matchDrop(index, first.map((document) => indexDocument(document, settings)))
  const clusters = () => Object.fromEntries(index.documents.map((document) => [document.id, document.cluster]))
  t.deepEqual(clusters(), {wire: 'wire', exact: 'wire', truncated: 'wire', lisbon: 'lisbon'})

  const results = matchDrop(index, [indexDocument({id: 'wire', text: otherEvent, date: '2025-08-08'}, settings)])
  t.deepEqual([...results], [['wire', {clusterId: clusterId('lisbon'), duplicateOf: 'lisbon', similarity: 1, kind: 'exact'}]])
  t.deepEqual(clusters(), {wire: 'lisbon', exact: 'exact', truncated: 'exact', lisbon: 'lisbon'})
})
