import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {applyEdits, decoded, type TextEdit} from '../pipeline/record.js'
import {invisibleCharacters, spaceCharacters} from './normalise-list.js'

/** Configuration for {@link normalise}. */
export interface Options {
  /** Compose characters to Unicode NFC (default: `true`). */
  readonly composeUnicode?: boolean | undefined
}

/**
 * Normalise the working text: line endings to LF, Unicode NFC, no-break and
 * other odd spaces to a plain space, invisible characters (zero-width space,
 * soft hyphen, stray byte order marks, control characters) removed, trailing
 * spaces removed. Curly quotes and dashes are kept.
 * Line-ending changes are not audited (they are part of decoding); every
 * other change is an edit with its raw place.
 */
export const normalise: Plugin<[(Options | undefined)?], Root> = function (options) {
  const composeUnicode = options?.composeUnicode ?? true

  if (typeof composeUnicode !== 'boolean') {
    throw new TypeError('Expected `composeUnicode` to be a boolean, got `' + composeUnicode + '`')
  }

  return function (_, file) {
    applyEdits(file, 'normalise', lineEndingEdits(decoded(file).text), {record: false})
    applyEdits(file, 'normalise', characterEdits(decoded(file).text, composeUnicode))
    applyEdits(file, 'normalise', trailingSpaceEdits(decoded(file).text))
  }
}

/**
 * Edits turning `\r\n` and lone `\r` into `\n`.
 *
 * @param text
 *   Working text.
 * @returns
 *   Edits.
 */
function lineEndingEdits(text: string): TextEdit[] {
  const edits: TextEdit[] = []
  for (let index = text.indexOf('\r'); index !== -1; index = text.indexOf('\r', index + 1)) {
    const pair = text.charCodeAt(index + 1) === 10
    edits.push({start: index, end: pair ? index + 2 : index + 1, after: '\n', rule: 'line-ending'})
    if (pair) index++
  }
  return edits
}

/**
 * Edits for odd spaces, invisible characters and non-NFC sequences.
 *
 * @param text
 *   Working text with LF line endings.
 * @param composeUnicode
 *   Whether to compose to NFC.
 * @returns
 *   Non-overlapping edits.
 */
function characterEdits(text: string, composeUnicode: boolean): TextEdit[] {
  const edits: TextEdit[] = []
  // Fast path: plain ASCII text has nothing to normalise but controls.
  const ascii = !/[^\u0000-\u007F]/.test(text)
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 32 && code < 127) continue
    const character = text.charAt(index)

    if (spaceCharacters.has(character)) {
      edits.push({start: index, end: index + 1, after: ' ', rule: code === 0xa0 ? 'no-break-space' : 'unusual-space'})
    } else if (invisibleCharacters.has(character) || isControl(code)) {
      edits.push({start: index, end: index + 1, after: '', rule: isControl(code) ? 'control-character' : 'invisible-character'})
    } else if (composeUnicode && !ascii && code >= 0x300) {
      // A combining mark joins the character before it (`e` + U+0301).
      const previousEnd = edits.at(-1)?.end ?? 0
      const start = index > previousEnd ? index - 1 : index
      let end = index + 1
      // The run stops at a space or invisible character: those have rules of their own.
      while (end < text.length && text.charCodeAt(end) >= 0x300 && !spaceCharacters.has(text.charAt(end)) && !invisibleCharacters.has(text.charAt(end))) end++
      const before = text.slice(start, end)
      const after = before.normalize('NFC')
      if (after !== before && !/[\s\u00A0\u200B-\u200D\u2060\uFEFF]/.test(before)) {
        edits.push({start, end, after, rule: 'unicode-nfc'})
      }
      // Skip the whole run: rescanning it from every position is quadratic on CJK or emoji text.
      index = end - 1
    }
  }
  return edits
}

/**
 * Edits removing spaces and tabs at line ends.
 *
 * @param text
 *   Working text.
 * @returns
 *   Edits.
 */
function trailingSpaceEdits(text: string): TextEdit[] {
  const edits: TextEdit[] = []
  // The lookbehind starts a match only at the first blank of a run: without
  // it a long run of spaces inside a line is retried from every position.
  for (const match of text.matchAll(/(?<![ \t])[ \t]+(?=\n|$)/g)) {
    edits.push({start: match.index, end: match.index + match[0].length, after: '', rule: 'trailing-space'})
  }
  return edits
}

/**
 * Whether a code is a control character to drop (not tab or line feed).
 *
 * @param code
 *   UTF-16 code unit.
 * @returns
 *   Whether to drop it.
 */
function isControl(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10) || (code >= 0x7f && code <= 0x9f)
}
