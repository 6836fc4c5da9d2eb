import test from 'ava'
import {applyEdits, codePointLength, decoded, indexRawText, lineKey, rawPlace, removeLines, sourcePlace, splitLines, splitParagraphs} from '../pipeline/record.js'
import {clean} from './helpers.js'

test('indexRawText() counts LF, CRLF and lone CR line ends', function (t) {
  t.deepEqual(indexRawText('a\nb\r\nc\rd').lineStarts, [0, 2, 5, 7])
})

test('rawPlace() gives 1-based lines and columns in code points', function (t) {
  const raw = indexRawText('ab\n😀x')
  t.deepEqual(rawPlace(raw, 0), {line: 1, column: 1})
  t.deepEqual(rawPlace(raw, 3), {line: 2, column: 1})
  // The emoji is two UTF-16 code units but one code point.
  t.deepEqual(rawPlace(raw, 5), {line: 2, column: 2})
})

test('codePointLength() counts an astral character once', function (t) {
  t.is(codePointLength('a😀b'), 3)
  t.is(codePointLength('a😀b', 1, 3), 1)
})

test('applyEdits() rewrites the text, moves the map and records raw places', async function (t) {
  const file = await clean('One two.\nThree four five.')
  applyEdits(file, 'example', [
    {start: 4, end: 7, after: 'TWO', rule: 'upper'},
    {start: 9, end: 15, after: '', rule: 'drop'}
  ])
  const {text, offsets} = decoded(file)
  t.is(text, 'One TWO.\nfour five.')
  t.is(offsets[9], 15)
  t.deepEqual(sourcePlace(file, 9), {line: 2, column: 7})
  t.deepEqual(
    (file.data.edits ?? []).map((edit) => [edit.rule, edit.action, edit.before, edit.after, rawPlace(decoded(file).raw, edit.rawStart)]),
    [
      ['upper', 'replace', 'two', 'TWO', {line: 1, column: 5}],
      ['drop', 'remove', 'Three ', '', {line: 2, column: 1}]
    ]
  )
})

test('applyEdits() maps text inside a longer replacement into the replaced span', async function (t) {
  const file = await clean('in the Nineteen Nineties here')
  applyEdits(file, 'despin', [{start: 7, end: 24, after: '1990s', rule: 'decade'}])
  t.is(decoded(file).text, 'in the 1990s here')
  t.deepEqual(sourcePlace(file, 7), {line: 1, column: 8})
  t.deepEqual(sourcePlace(file, 12), {line: 1, column: 25})
})

test('applyEdits() rejects overlapping edits', async function (t) {
  const file = await clean('abcdef')
  t.throws(
    () =>
      applyEdits(file, 'example', [
        {start: 0, end: 3, after: '', rule: 'one'},
        {start: 2, end: 4, after: '', rule: 'two'}
      ]),
    {instanceOf: TypeError, message: 'Expected non-overlapping edits inside the text, got `two` at 2-4'}
  )
})

test('removeLines() removes lines and the blank lines that separated them', async function (t) {
  const file = await clean('Para one.\n\nPromo one\n\nPromo two\n\nPara two.\n\nTags')
  removeLines(file, 'boilerplate', [
    {line: 2, rule: 'promo'},
    {line: 4, rule: 'promo'},
    {line: 8, rule: 'tags'}
  ])
  t.is(decoded(file).text, 'Para one.\n\nPara two.')
  t.deepEqual(
    (file.data.edits ?? []).map((edit) => [edit.rule, edit.before, rawPlace(decoded(file).raw, edit.rawStart).line]),
    [
      ['promo', 'Promo one', 3],
      ['promo', 'Promo two', 5],
      ['tags', 'Tags', 9]
    ]
  )
})

test('removeLines() removes a first line and a line inside a paragraph', async function (t) {
  const file = await clean('Headline\nHeadline\nBody line.\nCredit\nMore body.')
  removeLines(file, 'dedupe', [
    {line: 0, rule: 'repeat'},
    {line: 3, rule: 'credit'}
  ])
  t.is(decoded(file).text, 'Headline\nBody line.\nMore body.')
})

test('splitLines() and splitParagraphs() see lines and blank-line blocks', function (t) {
  const text = 'a\nb\n\nc'
  t.deepEqual(splitLines(text), [
    {start: 0, end: 1},
    {start: 2, end: 3},
    {start: 4, end: 4},
    {start: 5, end: 6}
  ])
  t.deepEqual(splitParagraphs(text), [
    {start: 0, end: 3},
    {start: 5, end: 6}
  ])
})

test('removeLines() takes the separator before a trailing run of removed lines', async function (t) {
  const file = await clean('A\n\nX\n\nY')
  removeLines(file, 'boilerplate', [
    {line: 2, rule: 'share'},
    {line: 4, rule: 'copyright'}
  ])
  t.is(decoded(file).text, 'A')
  t.deepEqual(
    (file.data.edits ?? []).map((edit) => [edit.rule, edit.before, rawPlace(decoded(file).raw, edit.rawStart).line]),
    [
      ['share', 'X', 3],
      ['copyright', 'Y', 5]
    ]
  )
})

test('rawPlace() counts columns in code points in O(1) on long astral lines', function (t) {
  const raw = indexRawText('😀'.repeat(300_000) + 'x\nab😀c')
  const started = performance.now()
  for (let offset = 0; offset < 600_000; offset += 3) rawPlace(raw, offset)
  t.true(performance.now() - started < 2000)
  t.deepEqual(rawPlace(raw, 600_000), {line: 1, column: 300_001})
  t.deepEqual(rawPlace(raw, 600_006), {line: 2, column: 4})
})

test('lineKey lower-cases and folds every kind of white space, as `\\s` sees it', function (t) {
  const reference = (line: string) => line.toLowerCase().replace(/\s+/g, ' ').trim()
  for (const line of ['', ' ', 'Breaking News', ' Lead', 'Trail ', 'Two  spaces', 'Tab\there', 'Line\u2028separator', 'No\u00A0break', '\uFEFFMark', 'İstanbul Σ']) {
    t.is(lineKey(line), reference(line), JSON.stringify(line))
  }
  // Every code unit between two words.
  for (let code = 0; code < 65_536; code++) {
    const line = 'A' + String.fromCharCode(code) + 'b'
    if (lineKey(line) !== reference(line)) t.is(lineKey(line), reference(line), 'U+' + code.toString(16))
  }
})
