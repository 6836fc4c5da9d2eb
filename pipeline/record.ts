/**
 * The document record every stage reads and writes.
 *
 * A document is a `VFile`. After the `decode` stage, `file.value` is the
 * *working text* (a string), and `file.data.offsets` maps each UTF-16 code
 * unit of it back to an offset in the raw decoded text (`file.data.raw`).
 * Stages that change the text never edit `file.value` by hand: they call
 * {@link applyEdits} or {@link removeLines}, which rewrite the text, move the
 * offset map along and append one audit row per change to `file.data.edits`.
 * That keeps every later finding (an entity, a date) mappable to its line and
 * column in the raw file.
 */
import type {VFile} from 'vfile'

/** The raw decoded input: the text before any stage changed it. */
export interface RawText {
  /** Decoded text, byte order mark removed, line endings as in the file. */
  readonly text: string
  /** UTF-16 offset where each raw line starts (line 1 at index 0). */
  readonly lineStarts: readonly number[]
  /** Code points before each UTF-16 offset, only when the text has astral characters (else offsets are code points). */
  readonly codePoints?: Int32Array | undefined
}

/** A change to the working text, in working-text UTF-16 offsets. */
export interface TextEdit {
  /** First code unit replaced. */
  readonly start: number
  /** Code unit after the last one replaced. */
  readonly end: number
  /** Replacement text (`''` removes the span). */
  readonly after: string
  /** Stable kebab-case id of the rule that asked for the change. */
  readonly rule: string
  /** Working offset the audit row points at, when not `start` (a removed last line that takes the line break before it). */
  readonly at?: number | undefined
}

/** One audited change: a row of `edits.csv`. */
export interface EditRecord {
  /** Stage (file name in `stages/`) that made the change. */
  readonly stage: string
  /** Rule id within the stage. */
  readonly rule: string
  /** `remove` when nothing replaces the text, else `replace`. */
  readonly action: 'remove' | 'replace'
  /** Offset in the raw decoded text where the changed text starts. */
  readonly rawStart: number
  /** Working text before the change (line breaks at its ends trimmed). */
  readonly before: string
  /** Text after the change. */
  readonly after: string
}

/** Place in the raw file: 1-based line, 1-based column in code points. */
export interface RawPlace {
  readonly line: number
  readonly column: number
}

declare module 'vfile' {
  interface DataMap {
    /** Raw decoded input; set by `decode`. */
    raw: RawText
    /** Raw offset of each working-text code unit, plus one for the end; set by `decode`, moved by every edit. */
    offsets: Int32Array
    /** Audit trail of every change to the working text, in the order made. */
    edits: EditRecord[]
  }
}

/**
 * Index the line starts of `text` (`\n`, `\r\n` and a lone `\r` end a line).
 *
 * @param text
 *   Raw decoded text.
 * @returns
 *   The raw text with its line index.
 */
export function indexRawText(text: string): RawText {
  const codePoints = codePointIndex(text)
  const lineStarts = [0]
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 /* \n */) {
      lineStarts.push(index + 1)
    } else if (code === 13 /* \r */ && text.charCodeAt(index + 1) !== 10) {
      lineStarts.push(index + 1)
    }
  }
  return codePoints ? {text, lineStarts, codePoints} : {text, lineStarts}
}

/**
 * Code points before each UTF-16 offset of a text (`length + 1` entries), or
 * `undefined` when the text has no astral character, so that offsets already
 * count code points. Built once per text, it makes every later conversion O(1).
 *
 * @param text
 *   Text.
 * @returns
 *   Prefix counts, or `undefined`.
 */
export function codePointIndex(text: string): Int32Array | undefined {
  if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return undefined
  const counts = new Int32Array(text.length + 1)
  let count = 0
  for (let index = 0; index < text.length; index++) {
    counts[index] = count
    const code = text.charCodeAt(index)
    // The low surrogate of a pair adds no code point of its own.
    if (!(code >= 0xdc_00 && code <= 0xdf_ff && index > 0 && isHighSurrogate(text.charCodeAt(index - 1)))) count++
  }
  counts[text.length] = count
  return counts
}

/**
 * Whether a UTF-16 code unit is a high surrogate.
 *
 * @param code
 *   Code unit.
 * @returns
 *   Whether it is one.
 */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd8_00 && code <= 0xdb_ff
}

/**
 * Identity offset map for a text that has not been changed yet.
 *
 * @param length
 *   Length of the text in UTF-16 code units.
 * @returns
 *   Map of `length + 1` offsets.
 */
export function identityOffsets(length: number): Int32Array {
  const offsets = new Int32Array(length + 1)
  for (let index = 0; index <= length; index++) offsets[index] = index
  return offsets
}

/**
 * Place of a raw offset as line and column (code points, both 1-based).
 *
 * @param raw
 *   Raw text with its line index.
 * @param offset
 *   UTF-16 offset into `raw.text`.
 * @returns
 *   Line and column.
 */
export function rawPlace(raw: RawText, offset: number): RawPlace {
  const starts = raw.lineStarts
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] as number) <= offset) low = middle
    else high = middle - 1
  }
  const lineStart = starts[low] as number
  const column = raw.codePoints ? (raw.codePoints[offset] as number) - (raw.codePoints[lineStart] as number) : offset - lineStart
  return {line: low + 1, column: column + 1}
}

/**
 * Place in the raw file of a working-text offset of `file`.
 *
 * @param file
 *   Decoded document.
 * @param offset
 *   UTF-16 offset into the working text.
 * @returns
 *   Line and column in the raw file.
 */
export function sourcePlace(file: VFile, offset: number): RawPlace {
  const {raw, offsets} = decoded(file)
  return rawPlace(raw, offsets[offset] as number)
}

/**
 * Number of code points in `text.slice(start, end)`.
 *
 * @param text
 *   Any text.
 * @param start
 *   UTF-16 start offset (default: `0`).
 * @param end
 *   UTF-16 end offset (default: `text.length`).
 * @returns
 *   Code point count (astral characters count once).
 */
export function codePointLength(text: string, start = 0, end = text.length): number {
  let count = end - start
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    // A high surrogate followed by a low one is one code point.
    if (code >= 0xd8_00 && code <= 0xdb_ff && index + 1 < end) {
      const next = text.charCodeAt(index + 1)
      if (next >= 0xdc_00 && next <= 0xdf_ff) {
        count--
        index++
      }
    }
  }
  return count
}

/**
 * The working text, raw text and offset map of a decoded document.
 *
 * @param file
 *   Document after the `decode` stage.
 * @returns
 *   Its text views.
 */
export function decoded(file: VFile): {text: string; raw: RawText; offsets: Int32Array} {
  const {raw, offsets} = file.data
  if (typeof file.value !== 'string' || !raw || !offsets) {
    throw new TypeError('Expected a decoded document (run `decode` first), got `' + file.path + '`')
  }
  return {text: file.value, raw, offsets}
}

/** Options of {@link applyEdits}. */
export interface ApplyOptions {
  /** Append an audit row per edit to `file.data.edits` (default: `true`). */
  readonly record?: boolean | undefined
}

/**
 * Apply non-overlapping edits to the working text of `file`, move the offset
 * map along, and record each edit (with its raw place) in `file.data.edits`.
 *
 * @param file
 *   Decoded document.
 * @param stage
 *   Name of the stage making the edits (its file name).
 * @param edits
 *   Edits in working-text offsets, in any order; they must not overlap.
 * @param options
 *   Configuration.
 * @returns
 *   Nothing.
 */
export function applyEdits(file: VFile, stage: string, edits: readonly TextEdit[], options?: ApplyOptions): void {
  if (edits.length === 0) return
  const {text, offsets} = decoded(file)
  const record = options?.record ?? true
  const sorted = [...edits].sort((left, right) => left.start - right.start || left.end - right.end)
  let length = text.length
  let checked = 0
  for (const edit of sorted) {
    if (edit.start < checked || edit.end < edit.start || edit.end > text.length) {
      throw new TypeError(
        'Expected non-overlapping edits inside the text, got `' + edit.rule + '` at ' + edit.start + '-' + edit.end
      )
    }
    length += edit.after.length - (edit.end - edit.start)
    checked = edit.end
  }
  const parts: string[] = []
  // Filled in place: pushing one number per code unit is the cost of a large file.
  const nextOffsets = new Int32Array(length + 1)
  let filled = 0
  const audit = file.data.edits ?? (file.data.edits = [])
  let cursor = 0

  for (const edit of sorted) {
    parts.push(text.slice(cursor, edit.start))
    nextOffsets.set(offsets.subarray(cursor, edit.start), filled)
    filled += edit.start - cursor

    // Spread the replacement over the raw span it replaces, so a later
    // finding inside it (`1990s` from `Nineteen Nineties`) maps into the span.
    const span = edit.end - edit.start
    for (let index = 0; index < edit.after.length; index++) {
      const source = span === 0 ? edit.start : edit.start + Math.floor((index * span) / edit.after.length)
      nextOffsets[filled++] = offsets[source] as number
    }
    parts.push(edit.after)

    if (record) {
      audit.push({
        stage,
        rule: edit.rule,
        action: edit.after === '' ? 'remove' : 'replace',
        rawStart: offsets[edit.at ?? edit.start] as number,
        before: trimLineBreaks(text.slice(edit.start, edit.end)),
        after: edit.after
      })
    }
    cursor = edit.end
  }

  parts.push(text.slice(cursor))
  nextOffsets.set(offsets.subarray(cursor, text.length + 1), filled)
  file.value = parts.join('')
  file.data.offsets = nextOffsets
}

/** A whole line to remove, by its index in {@link splitLines}. */
export interface LineRemoval {
  /** 0-based index of the line in the current working text. */
  readonly line: number
  /** Rule id. */
  readonly rule: string
}

/**
 * Remove whole lines, taking the blank lines that separated them along so no
 * run of empty lines is left behind; one audit row per removed line.
 *
 * @param file
 *   Decoded document.
 * @param stage
 *   Name of the stage removing the lines.
 * @param removals
 *   Lines to remove (0-based indices into {@link splitLines} of the current text).
 * @returns
 *   Nothing.
 */
export function removeLines(file: VFile, stage: string, removals: readonly LineRemoval[]): void {
  if (removals.length === 0) return
  const {text} = decoded(file)
  const lines = splitLines(text)
  const rules = new Map<number, string>()
  for (const removal of removals) rules.set(removal.line, removal.rule)
  const blank = (index: number) => {
    const line = lines[index]
    return line !== undefined && line.start === line.end
  }

  const edits: TextEdit[] = []
  const ordered = [...rules.keys()].sort((left, right) => left - right)
  for (const [position, index] of ordered.entries()) {
    const line = lines[index]
    if (!line) throw new TypeError('Expected a line index below ' + lines.length + ', got `' + index + '`')
    const next = ordered[position + 1]
    let end = line.end
    // Swallow the blank lines up to the next removed line of the same run.
    let following = index + 1
    while (blank(following)) following++
    if (next !== undefined && next === following) {
      end = (lines[following] as {start: number}).start
    } else if (line.end < text.length) {
      end = line.end + 1
      let previous = index - 1
      while (previous >= 0 && rules.has(previous)) previous--
      // `A\n\nX\n\nB` -> `A\n\nB`: drop one separator as well.
      if ((previous < 0 || blank(previous)) && blank(index + 1)) {
        let after = index + 1
        while (blank(after) && (lines[after] as {end: number}).end < text.length) after++
        end = (lines[after] as {start: number}).start
      }
    }
    edits.push({start: line.start, end, after: '', rule: rules.get(index) as string})
  }

  // Removals that reach the very end leave the separator before them: the
  // first removal of that trailing chain takes it too (`A\n\nX\n\nY` -> `A`).
  if (edits.at(-1)?.end === text.length) {
    let first = edits.length - 1
    while (first > 0 && (edits[first - 1] as TextEdit).end === (edits[first] as TextEdit).start) first--
    const head = edits[first] as TextEdit
    let start = head.start
    while (start > 0 && text.charCodeAt(start - 1) === 10) start--
    edits[first] = {...head, start, at: head.start}
  }
  applyEdits(file, stage, edits)
}

/** A line of the working text: `text.slice(start, end)`, without its `\n`. */
export interface Line {
  readonly start: number
  readonly end: number
}

/**
 * Split a working text (LF line endings) into lines.
 *
 * @param text
 *   Working text.
 * @returns
 *   Lines with their offsets.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (;;) {
    const end = text.indexOf('\n', start)
    if (end === -1) {
      lines.push({start, end: text.length})
      return lines
    }
    lines.push({start, end})
    start = end + 1
  }
}

/**
 * Trim line breaks at both ends, so audit cells hold no stray `\n`.
 *
 * @param value
 *   Text.
 * @returns
 *   Text without leading or trailing line breaks.
 */
function trimLineBreaks(value: string): string {
  return value.replace(/^[\r\n]+|[\r\n]+$/g, '')
}

/**
 * Split a working text into paragraphs: runs of non-blank lines.
 *
 * @param text
 *   Working text.
 * @returns
 *   Paragraph spans (from the first line's start to the last line's end).
 */
export function splitParagraphs(text: string): Line[] {
  const paragraphs: Line[] = []
  let open: Line | undefined
  for (const line of splitLines(text)) {
    if (line.start === line.end) {
      if (open) paragraphs.push(open)
      open = undefined
    } else {
      open = {start: open ? open.start : line.start, end: line.end}
    }
  }
  if (open) paragraphs.push(open)
  return paragraphs
}

/**
 * Key under which a line is counted across documents: lower case, runs of
 * white space as one space, ends trimmed.
 *
 * @param line
 *   Line text.
 * @returns
 *   Key.
 */
export function lineKey(line: string): string {
  const lower = line.toLowerCase()
  // Most lines are spaced by single spaces already: the rewrite would copy them unchanged.
  return singleSpaced(lower) ? lower : lower.replace(/\s+/g, ' ').trim()
}

/** Per UTF-16 code unit above ASCII: `1` when `\s` matches it, `2` when not, `0` until first seen. */
const spaceKinds = new Uint8Array(65_536)

/**
 * Whether a text's only white space (as `\s` sees it) is single spaces
 * between other characters, so `lineKey` leaves it as it is.
 *
 * @param value
 *   Text.
 * @returns
 *   Whether it is.
 */
function singleSpaced(value: string): boolean {
  // A leading space counts as a run.
  let previous = 32
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 32) {
      if (previous === 32) return false
    } else if (code < 128) {
      if (code >= 9 && code <= 13) return false
    } else {
      let kind = spaceKinds[code] as number
      if (kind === 0) spaceKinds[code] = kind = /\s/.test(String.fromCharCode(code)) ? 1 : 2
      if (kind === 1) return false
    }
    previous = code
  }
  return previous !== 32
}

/**
 * Compare two strings by UTF-16 code unit: independent of locale, so every
 * sort that reaches an output gives the same order on every machine.
 *
 * @param left
 *   String.
 * @param right
 *   String.
 * @returns
 *   Negative, zero or positive.
 */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}
