import {readFileSync} from 'node:fs'
import test from 'ava'
import {
  allowed,
  clusterTable,
  createExtractor,
  createTagger,
  decodeModel,
  encodeModel,
  digitOnly,
  documentCasing,
  labelNames,
  labelSpans,
  mix,
  normaliseWord,
  tagSentence,
  wordCluster
} from '../stages/entities-tagger.js'
import {sentenceRanges, tokenize} from '../stages/entities-tokens.js'

// Compiled tests run from `dist/test/`.
const model = decodeModel(readFileSync(new URL('../../stages/entities-model.bin', import.meta.url)))

const documents = [
  'President Donald Trump met reporters. Later, Trump said the deal was done.',
  'TRUMP HAILS DEAL\n\nWASHINGTON (AP) — The U.S.-brokered deal between Armenia and Azerbaijan was signed at the White House.',
  'Both sides pledged to respect the Charter of the United Nations. Gains were made in Baku, Yerevan and New York.',
  'Coach Alan Shearer said gains were made.\n\nSHEARER NAMED CAPTAIN\n\nShearer’s side won 2-1 in Newcastle upon Tyne.',
  'The Organization for Security and Co-operation in Europe (OSCE) sent observers; Mr. Aliyev’s office said so.',
  readFileSync(new URL('../../test/fixtures/wire-copy.txt', import.meta.url), 'utf8')
]

/**
 * Label a document with the extractor and `tagSentence`, as training sees it.
 *
 * @param text
 *   Text.
 * @returns
 *   Token texts, sentence ranges and labels per sentence.
 */
function reference(text: string) {
  const tokens = tokenize(text)
  const ranges = sentenceRanges(text, tokens)
  const words = tokens.map((token) => token.text)
  const sentences = ranges.map(([first, last]) => words.slice(first, last))
  const casing = documentCasing(sentences)
  const extractor = createExtractor(model.gazetteer, model.clusters)
  return {words, ranges, labels: sentences.map((sentence) => [...tagSentence(model, extractor(sentence, casing))])}
}

test('tags as `tagSentence` does over the extractor’s features', function (t) {
  const tagger = createTagger(model)
  for (const text of documents) {
    const {words, ranges, labels} = reference(text)
    const tagged = tagger(words, ranges)
    t.deepEqual(
      tagged.labels.map((sentence) => [...sentence]),
      labels
    )
    t.deepEqual(
      tagged.forms.map((form) => form.normalised),
      words.map((word) => normaliseWord(word))
    )
  }
})

test('ends a person, organisation, place or group name before a number, not a MISC name', function (t) {
  const label = (name: string) => labelNames.indexOf(name)
  t.true(digitOnly('111') && digitOnly('4-0') && digitOnly('1996') && !digitOnly('.470') && !digitOnly('3M'))
  for (const type of ['PER', 'ORG', 'LOC', 'NORP']) {
    t.false(allowed(label('B-' + type), label('I-' + type), true))
    t.true(allowed(label('B-' + type), label('L-' + type), true))
    t.false(allowed(0, label('B-' + type), true))
    t.true(allowed(0, label('U-' + type), true))
  }
  t.true(allowed(label('B-MISC'), label('I-MISC'), true))
  const words = ['Hove', ':', 'Sussex', '363', '(', 'W.', 'Athey', '111', ',', 'V.', 'Drakes', '52', ')']
  const sentence = [...labelSpans(reference(words.join(' ')).labels[0] ?? [])]
  for (const span of sentence) {
    if (span.type !== 'MISC') t.false(words.slice(span.start + 1, span.end).some(digitOnly), words.slice(span.start, span.end).join(' '))
  }
})

test('tags the same after its memo of forms fills up and starts afresh', function (t) {
  const tagger = createTagger(model)
  const [first, second] = documents.map((text) => reference(text))
  if (!first || !second) throw new Error('Expected two documents')
  tagger(first.words, first.ranges)
  // More distinct forms than the memo keeps.
  const many = Array.from({length: 120_000}, (_, index) => 'Word' + index.toString(36))
  tagger(many, [[0, many.length]])
  t.deepEqual(
    tagger(second.words, second.ranges).labels.map((sentence) => [...sentence]),
    second.labels
  )
})

test('reads each form', function (t) {
  const {forms} = createTagger(model)(['Trump’s', 'ÉTÉ', 'of', '1996'], [[0, 4]])
  t.deepEqual(
    forms.map((form) => [form.normalised, form.upperStart, form.lowerStart, form.hasLower, form.letters]),
    [
      ["trump's", true, false, true, false],
      ['été', true, false, false, true],
      ['of', false, true, true, true],
      ['1996', false, false, false, false]
    ]
  )
})

test('keeps the word clusters in the model file, looked up in any case', function (t) {
  const clusters = new Map([
    ['northrop', 0b0011_0101_010],
    ['lockheed', 0b0011_0101_010],
    ['surrey', 0b1111_0000_111]
  ])
  const weights = {keys: [mix(1, 0)], rows: [Int32Array.from({length: labelNames.length}, (_, label) => label)]}
  const decoded = decodeModel(encodeModel(weights, model.gazetteer, ['gains'], clusterTable(clusters)))
  t.is(wordCluster(decoded.clusters, 'NORTHROP'), 0b0011_0101_010)
  t.is(wordCluster(decoded.clusters, 'Surrey'), 0b1111_0000_111)
  t.is(wordCluster(decoded.clusters, 'Grumman'), -1)
  t.deepEqual(decoded.commonWords, ['gains'])
})

test('leaves rows of small weights out of the model file', function (t) {
  const rowOf = (largest: number) => Int32Array.from({length: labelNames.length}, (_, label) => (label === 3 ? largest : label === 5 ? -1 : 0))
  const weights = {keys: [mix(1, 0), mix(2, 0), mix(3, 0)], rows: [rowOf(32_767), rowOf(-16), rowOf(17)]}
  const decoded = decodeModel(encodeModel(weights, model.gazetteer, [], clusterTable(new Map()), 16))
  const kept = new Set<number>()
  for (let slot = 0; slot < decoded.table.length; slot += 2) if (decoded.table[slot + 1] !== 0) kept.add(decoded.table[slot] as number)
  t.deepEqual(kept, new Set([mix(1, 0), mix(3, 0)]))
  const row = decoded.table[[...decoded.table].findIndex((key, index) => index % 2 === 0 && key === mix(3, 0)) + 1] as number
  // A kept row keeps its small weights too (entries: `weight * 256 + label`).
  t.deepEqual([...decoded.weights.subarray(row, row + (decoded.weights[row - 1] as number))], [17 * 256 + 3, -1 * 256 + 5])
})

test('gives words of one cluster the same cluster features', function (t) {
  const keysOf = (clusters: ReadonlyMap<string, number>, word: string) => {
    const features = createExtractor(model.gazetteer, clusterTable(clusters))([word])
    return new Set(features.keys)
  }
  const shared = (clusters: ReadonlyMap<string, number>) => {
    const northrop = keysOf(clusters, 'Northrop')
    return [...keysOf(clusters, 'Embraer')].filter((key) => northrop.has(key)).length
  }
  const together = new Map([['northrop', 100], ['embraer', 100]])
  const apart = new Map([['northrop', 100], ['embraer', 1000]])
  // Top, middle and bottom level in common.
  t.is(shared(together) - shared(apart), 3)
})
