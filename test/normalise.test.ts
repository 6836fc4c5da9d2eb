import test from 'ava'
import {decoded, rawPlace} from '../pipeline/record.js'
import {decode} from '../stages/decode.js'
import {normalise} from '../stages/normalise.js'
import {documentFile, runStages} from './helpers.js'

const run = (value: string | Uint8Array, options?: Parameters<typeof normalise>[0]) =>
  runStages(documentFile(value), [[decode], [normalise, options]])

/**
 * Audit rows as `line:column rule before -> after`.
 */
function edits(file: Awaited<ReturnType<typeof run>>): string[] {
  const {raw} = decoded(file)
  return (file.data.edits ?? []).map(function (edit) {
    const place = rawPlace(raw, edit.rawStart)
    return place.line + ':' + place.column + ' ' + edit.rule + ' ' + JSON.stringify(edit.before) + ' -> ' + JSON.stringify(edit.after)
  })
}

test('turns CRLF and CR into LF without audit rows, keeping raw places', async function (t) {
  const file = await run('one\r\ntwo\rthree')
  const {text, offsets, raw} = decoded(file)
  t.is(text, 'one\ntwo\nthree')
  t.deepEqual(edits(file), [])
  t.deepEqual(rawPlace(raw, offsets[8] as number), {line: 3, column: 1})
})

test('replaces no-break and odd spaces, removes invisible characters', async function (t) {
  const file = await run('South\u00A0Caucasus\u200B and 5\u202F000 soft\u00ADhyphen')
  t.is(file.value, 'South Caucasus and 5 000 softhyphen')
  t.deepEqual(edits(file), [
    '1:6 no-break-space "\u00A0" -> " "',
    '1:15 invisible-character "\u200B" -> ""',
    '1:22 unusual-space "\u202F" -> " "',
    '1:31 invisible-character "\u00AD" -> ""'
  ])
})

test('composes decomposed characters to NFC', async function (t) {
  const file = await run('Pashinyan and Ant\u00F3nio Co\u0301sta')
  t.is(file.value, 'Pashinyan and António Cósta')
  t.deepEqual(edits(file), ['1:24 unicode-nfc "o\u0301" -> "ó"'])
  // `António` was already composed; positions after the edit still map.
  const {offsets, raw} = decoded(file)
  t.deepEqual(rawPlace(raw, offsets[file.value.toString().indexOf('sta')] as number), {line: 1, column: 26})
})

test('keeps decomposed text when `composeUnicode` is off', async function (t) {
  const file = await run('Co\u0301sta', {composeUnicode: false})
  t.is(file.value, 'Co\u0301sta')
})

test('removes trailing spaces and keeps curly quotes', async function (t) {
  const file = await run('“Hello,” he said.  \t\nNext’s line ')
  t.is(file.value, '“Hello,” he said.\nNext’s line')
  t.deepEqual(edits(file), ['1:18 trailing-space "  \\t" -> ""', '2:12 trailing-space " " -> ""'])
})

test('maps raw columns after a byte order mark and CRLF', async function (t) {
  const file = await run(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('A\u00A0B\r\nC\u00A0D')]))
  t.is(file.value, 'A B\nC D')
  t.deepEqual(edits(file), ['1:2 no-break-space "\u00A0" -> " "', '2:2 no-break-space "\u00A0" -> " "'])
})

test('rejects a bad `composeUnicode`', async function (t) {
  await t.throwsAsync(run('x', {composeUnicode: 'yes' as unknown as boolean}), {
    instanceOf: TypeError,
    message: 'Expected `composeUnicode` to be a boolean, got `yes`'
  })
})

test('normalises spaces and invisible characters inside runs of CJK text', async function (t) {
  const file = await run('中文\u3000中文\u200B中文')
  t.is(file.value, '中文 中文中文')
})

test('stays linear on long runs of non-Latin text and of spaces', async function (t) {
  const started = performance.now()
  await run('漢'.repeat(200_000) + '\n' + 'x' + ' '.repeat(100_000) + 'y' + '😀'.repeat(100_000))
  t.true(performance.now() - started < 5000)
})
