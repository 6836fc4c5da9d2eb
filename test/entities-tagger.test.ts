import {readFileSync} from 'node:fs'
import test from 'ava'
import {createExtractor, createTagger, decodeModel, documentCasing, normaliseWord, tagSentence} from '../stages/entities-tagger.js'
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
  const extractor = createExtractor(model.gazetteer)
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
