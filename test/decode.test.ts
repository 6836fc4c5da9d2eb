import test from 'ava'
import {decode} from '../stages/decode.js'
import {documentFile, runStages} from './helpers.js'

const bytes = (...values: number[]) => new Uint8Array(values)
const run = (value: string | Uint8Array, options?: Parameters<typeof decode>[0]) =>
  runStages(documentFile(value), [[decode, options]])

test('decodes UTF-8 and indexes the raw lines', async function (t) {
  const file = await run('Héllo\nworld')
  t.is(file.value, 'Héllo\nworld')
  t.is(file.data.encoding, 'utf-8')
  t.false(file.data.byteOrderMark)
  t.deepEqual(file.data.raw?.lineStarts, [0, 6])
  t.deepEqual(file.messages.map(String), [])
})

test('drops a UTF-8 byte order mark and records it', async function (t) {
  const file = await run(bytes(0xef, 0xbb, 0xbf, 0x41, 0x42))
  t.is(file.value, 'AB')
  t.true(file.data.byteOrderMark)
})

test('decodes UTF-16 with a byte order mark', async function (t) {
  const file = await run(bytes(0xff, 0xfe, 0x41, 0x00, 0x42, 0x00))
  t.is(file.value, 'AB')
  t.is(file.data.encoding, 'utf-16le')
})

test('decodes Windows-1252 with a warning', async function (t) {
  // “Café” in Windows-1252: curly quotes 0x93/0x94, é 0xE9.
  const file = await run(bytes(0x93, 0x43, 0x61, 0x66, 0xe9, 0x94))
  t.is(file.value, '“Café”')
  t.is(file.data.encoding, 'windows-1252')
  t.deepEqual(file.messages.map(String), [
    'example.txt:1:1: Unexpected Windows-1252 bytes, expected UTF-8; decoded as Windows-1252'
  ])
  t.like(file.messages[0], {ruleId: 'legacy-encoding', source: 'decode', fatal: false})
})

const failures: Array<[string, Uint8Array | string, string, string]> = [
  ['an empty file', '', 'empty', 'Unexpected empty document, expected some text'],
  ['a blank file', ' \n\t\n', 'empty', 'Unexpected empty document, expected some text'],
  ['NUL bytes', bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00), 'binary', 'Unexpected binary content (NUL bytes), expected text'],
  [
    'bytes undefined in Windows-1252',
    bytes(0x41, 0x81, 0x8d, 0xff),
    'undecodable',
    'Unexpected bytes that are neither UTF-8 nor Windows-1252, expected text in one of them'
  ],
  [
    'control characters',
    bytes(0x41, 0x01, 0x02, 0x03, 0x04, 0x05, 0x41),
    'binary',
    'Unexpected binary content (5 control characters in 7), expected text'
  ]
]

for (const [name, value, ruleId, reason] of failures) {
  test('rejects ' + name, async function (t) {
    const file = await run(value)
    t.deepEqual(file.messages.map(String), ['example.txt:1:1: ' + reason])
    t.like(file.messages[0], {ruleId, source: 'decode', fatal: true})
  })
}

test('rejects a bad `maximumControlShare`', async function (t) {
  await t.throwsAsync(run('x', {maximumControlShare: 2}), {
    instanceOf: TypeError,
    message: 'Expected `maximumControlShare` to be a number from 0 to 1, got `2`'
  })
})
