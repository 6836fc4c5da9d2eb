import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {TextDecoder} from 'node:util'
import {identityOffsets, indexRawText} from '../pipeline/record.js'
import {windows1252High} from './decode-list.js'

/** Encoding a document was decoded from. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

declare module 'vfile' {
  interface DataMap {
    /** Encoding the raw bytes were decoded from; set by `decode`. */
    encoding: Encoding
    /** Whether the file started with a byte order mark; set by `decode`. */
    byteOrderMark: boolean
  }
}

/** Configuration for {@link decode}. */
export interface Options {
  /** Share of control characters above which a file counts as binary (default: `0.01`). */
  readonly maximumControlShare?: number | undefined
}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Decode the raw bytes in `file.value` into the working text.
 *
 * UTF-8 (with or without a byte order mark) and UTF-16 with a byte order mark
 * are decoded as they are; other bytes that are valid Windows-1252 (legacy
 * scrapes) are decoded with a warning. Binary, empty and undecodable files
 * fail the document (`file.fail`), so the pipeline can reject it.
 * Sets `file.data.raw`, `file.data.offsets`, `encoding` and `byteOrderMark`.
 */
export const decode: Plugin<[(Options | undefined)?], Root> = function (options) {
  const maximumControlShare = options?.maximumControlShare ?? 0.01

  if (!(typeof maximumControlShare === 'number' && maximumControlShare >= 0 && maximumControlShare <= 1)) {
    throw new TypeError('Expected `maximumControlShare` to be a number from 0 to 1, got `' + maximumControlShare + '`')
  }

  return function (_, file) {
    const bytes = file.value
    if (!(bytes instanceof Uint8Array)) {
      throw new TypeError('Expected `file.value` to hold the raw bytes, got `' + typeof bytes + '`')
    }

    const {text, encoding, byteOrderMark} = decodeBytes(bytes)

    if (encoding === undefined) {
      if (bytes.includes(0)) {
        file.fail('Unexpected binary content (NUL bytes), expected text', {ruleId: 'binary', source: 'decode'})
      }
      return file.fail('Unexpected bytes that are neither UTF-8 nor Windows-1252, expected text in one of them', {
        ruleId: 'undecodable',
        source: 'decode'
      })
    }

    if (text.trim() === '') {
      file.fail('Unexpected empty document, expected some text', {ruleId: 'empty', source: 'decode'})
    }

    const controls = countControls(text)
    if (controls > Math.max(2, text.length * maximumControlShare)) {
      file.fail(
        'Unexpected binary content (' + controls + ' control characters in ' + text.length + '), expected text',
        {ruleId: 'binary', source: 'decode'}
      )
    }

    if (encoding === 'windows-1252') {
      file.message('Unexpected Windows-1252 bytes, expected UTF-8; decoded as Windows-1252', {
        ruleId: 'legacy-encoding',
        source: 'decode'
      })
    }

    file.value = text
    file.data.raw = indexRawText(text)
    file.data.offsets = identityOffsets(text.length)
    file.data.edits = []
    file.data.encoding = encoding
    file.data.byteOrderMark = byteOrderMark
  }
}

/**
 * Decode bytes by their byte order mark, else as UTF-8, else as Windows-1252.
 *
 * @param bytes
 *   Raw file content.
 * @returns
 *   The text and the encoding used (`undefined` when none fits).
 */
function decodeBytes(bytes: Uint8Array): {text: string; encoding: Encoding | undefined; byteOrderMark: boolean} {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(utf8, bytes.subarray(3))
    return {text: text ?? '', encoding: text === undefined ? undefined : 'utf-8', byteOrderMark: true}
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', byteOrderMark: true}
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', byteOrderMark: true}
  }
  // NUL never occurs in UTF-8 or Windows-1252 text.
  if (bytes.includes(0)) return {text: '', encoding: undefined, byteOrderMark: false}

  const text = tryDecode(utf8, bytes)
  if (text !== undefined) return {text, encoding: 'utf-8', byteOrderMark: false}

  const legacy = decodeWindows1252(bytes)
  if (legacy === undefined) return {text: '', encoding: undefined, byteOrderMark: false}
  return {text: legacy, encoding: 'windows-1252', byteOrderMark: false}
}

/**
 * Decode Windows-1252 (Node's decoder for that label is Latin-1, which turns
 * the curly quotes of 0x93/0x94 into C1 controls).
 *
 * @param bytes
 *   Bytes.
 * @returns
 *   Text, or `undefined` when a byte that Windows-1252 leaves undefined occurs.
 */
function decodeWindows1252(bytes: Uint8Array): string | undefined {
  const characters: string[] = []
  for (const byte of bytes) {
    if (byte < 0x80 || byte > 0x9f) {
      characters.push(String.fromCharCode(byte))
      continue
    }
    const character = windows1252High[byte - 0x80]
    if (character === undefined || character === '') return undefined
    characters.push(character)
  }
  return characters.join('')
}

/**
 * Decode strictly, or answer `undefined` when the bytes are invalid.
 *
 * @param decoder
 *   Fatal decoder.
 * @param bytes
 *   Bytes.
 * @returns
 *   Text, or `undefined`.
 */
function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * Count C0 and C1 control characters other than tab, line feed, carriage
 * return and form feed.
 *
 * @param text
 *   Decoded text.
 * @returns
 *   Count.
 */
function countControls(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || (code >= 0x7f && code <= 0x9f)) {
      count++
    }
  }
  return count
}
