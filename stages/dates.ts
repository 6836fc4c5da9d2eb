import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {decoded} from '../pipeline/record.js'
import {
  abbreviations,
  ambiguousMonths,
  bareSpanDeterminers,
  beForms,
  clauseMarks,
  countNouns,
  dayParts,
  durationModifiers,
  frequencyAdverbs,
  futureBeforeTo,
  futureCues,
  holidays,
  monthContext,
  monthNames,
  months,
  notPastVerbs,
  numberWords,
  ordinalWords,
  pastVerbs,
  plainFutureCues,
  pluralUnits,
  pointModifiers,
  references,
  seasonPrepositions,
  seasons,
  spanDeterminers,
  startWords,
  timeZones,
  unitAdjectives,
  units,
  vagueQuantities,
  weekdayPlurals,
  weekdays
} from './dates-list.js'
import '../pipeline/document.js'

/** TIMEX3 type. */
export type TimexType = 'DATE' | 'DURATION' | 'SET' | 'TIME'

/** What a value is precise to: the size of the period a date names, or the unit of a duration. */
export type Granularity =
  | 'century'
  | 'day'
  | 'decade'
  | 'half'
  | 'hour'
  | 'millennium'
  | 'minute'
  | 'month'
  | 'quarter'
  | 'reference'
  | 'season'
  | 'second'
  | 'time'
  | 'time-of-day'
  | 'week'
  | 'year'

/** A temporal expression found in the working text. */
export interface DateMention {
  /** UTF-16 start offset in the working text. */
  readonly start: number
  /** UTF-16 end offset in the working text (exclusive). */
  readonly end: number
  readonly type: TimexType
  /** TIMEX3 value (`2025-08-08`, `2025-W33`, `199X`, `P35Y`, `XXXX-WXX-5`). */
  readonly value: string
  /** TIMEX3 `mod` (`START`, `END`, `MID`, `MORE_THAN`, `APPROX`, …). */
  readonly mod?: string | undefined
  readonly granularity: Granularity
  /** First day of the period named (ISO date), when the value is a resolved date. */
  readonly isoStart?: string | undefined
  /** Last day of the period named (ISO date), when the value is a resolved date. */
  readonly isoEnd?: string | undefined
  /** Whether the value depends on the anchor (`Friday`, `next week`) rather than on the text alone. */
  readonly relative: boolean
}

/** Where the anchor of a document comes from. */
export type AnchorSource = 'copyright' | 'dateline' | 'manifest' | 'none' | 'text'

/** The date relative expressions of a document are resolved against. */
export interface DocumentAnchor {
  /** ISO date (`2025-08-08`), a year (`2025`) when only the year is known, or `undefined` when there is none. */
  readonly value: string | undefined
  readonly source: AnchorSource
}

declare module 'vfile' {
  interface DataMap {
    /** Temporal expressions with TIMEX3 values, in text order; set by `dates`. */
    dates: DateMention[]
    /** Anchor the relative dates were resolved against; set by `dates`. */
    anchor: DocumentAnchor
  }
}

/** Configuration for {@link dates}. */
export interface Options {
  /**
   * Take the anchor from a date the text states (dateline, a full date,
   * a copyright year) when the manifest gives no `published_date` (default: `true`).
   */
  readonly anchorFromText?: boolean | undefined
}

/**
 * Find every temporal expression (DATE, TIME, DURATION, SET) with TimeML
 * extents and a TIMEX3 value. Relative expressions (`Friday`, `next week`,
 * `March`) are resolved against the document's anchor: the manifest's
 * `published_date`, else a date the text states; without an anchor they
 * keep underspecified values (`XXXX-WXX-5`). A bare weekday or month takes
 * the direction of the verbs around it: past tense looks back, future
 * tense looks forward.
 */
export const dates: Plugin<[(Options | undefined)?], Root> = function (options) {
  const anchorFromText = options?.anchorFromText ?? true

  if (typeof anchorFromText !== 'boolean') {
    throw new TypeError('Expected `anchorFromText` to be a boolean, got `' + anchorFromText + '`')
  }

  return function (_, file) {
    const {text} = decoded(file)
    // `pipeline/inputs.ts` keeps only valid ISO dates (`2025-08-08`, with an optional time).
    const published = file.data.metadata?.published_date
    let anchor: DocumentAnchor | undefined = published ? {value: published.slice(0, 10), source: 'manifest'} : undefined
    const tokens = tokenize(text)
    // Read once without an anchor to find one in the text; keep that reading if none is found.
    const unanchored = !anchor && anchorFromText ? recognise(tokens, undefined) : undefined
    // `boilerplate` removes the `© 2025 …` line from the text but keeps its year.
    if (unanchored) anchor = anchorFromMentions(text, unanchored, file.data.articleMetadata?.copyrightYear?.value)
    // No anchor is recorded as `source: 'none'` (a column of documents.csv), not as a
    // message: a drop without a manifest would repeat it for every document.
    file.data.anchor = anchor ?? {value: undefined, source: 'none'}
    file.data.dates = !anchor && unanchored ? unanchored : recognise(tokens, anchor?.value)
  }
}

/**
 * Find the temporal expressions of a text.
 *
 * @param text
 *   Working text.
 * @param anchor
 *   Anchor as an ISO date or a year (default: none).
 * @returns
 *   Expressions in text order.
 */
export function findDates(text: string, anchor?: string | undefined): DateMention[] {
  return recognise(tokenize(text), anchor)
}

/**
 * Find the temporal expressions of a tokenized text.
 *
 * @param tokens
 *   Tokens of the working text.
 * @param anchor
 *   Anchor as an ISO date or a year, if any.
 * @returns
 *   Expressions in text order.
 */
function recognise(tokens: readonly Token[], anchor: string | undefined): DateMention[] {
  const context: Context = {tokens, anchor: anchor === undefined ? {} : (parseAnchor(anchor) ?? {})}
  const mentions: DateMention[] = []
  let index = 0
  while (index < tokens.length) {
    const token = tokens[index] as Token
    const found = token.trigger ? matchAt(context, index) : undefined
    if (!found) {
      index++
      continue
    }
    const first = tokens[index] as Token
    const last = tokens[found.end - 1] as Token
    const interval = isoInterval(found.value)
    mentions.push({
      start: first.start,
      end: last.end,
      type: found.type,
      value: found.value,
      mod: found.mod,
      granularity: found.granularity,
      isoStart: interval?.[0],
      isoEnd: interval?.[1],
      relative: found.relative
    })
    index = found.end
  }
  return mentions
}

/**
 * Find the date a text is written on, when it states one: a full date on its
 * first lines (dateline), else the latest full date it mentions, else a
 * copyright year (with the latest month and day mentioned, if any).
 *
 * @param text
 *   Working text.
 * @returns
 *   Anchor, or `undefined`.
 */
export function inferAnchor(text: string): DocumentAnchor | undefined {
  return anchorFromMentions(text, findDates(text))
}

/**
 * Find the date a text is written on from its expressions read without an anchor.
 *
 * @param text
 *   Working text.
 * @param mentions
 *   Its expressions, read without an anchor.
 * @param copyrightYear
 *   Year of a copyright line found elsewhere (removed as boilerplate), if any.
 * @returns
 *   Anchor, or `undefined`.
 */
function anchorFromMentions(text: string, mentions: readonly DateMention[], copyrightYear?: number): DocumentAnchor | undefined {
  const full = mentions.filter((mention) => !mention.relative && /^\d{4}-\d{2}-\d{2}$/.test(mention.value))
  const headEnd = lineEnd(text, 3)
  const dateline = full.find((mention) => mention.start < headEnd)
  if (dateline) return {value: dateline.value, source: 'dateline'}
  const latest = full.map((mention) => mention.value).sort().at(-1)
  if (latest) return {value: latest, source: 'text'}

  const year = /(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d\d)\b/i.exec(text)?.[1] ?? copyrightYear?.toString()
  if (!year) return undefined
  // `Friday, August 8` with a `© 2025` line: the month and day in that year.
  const named = new Set(mentions.filter((mention) => /^XXXX-WXX-\d$/.test(mention.value)).map((mention) => mention.value.slice(-1)))
  const days = mentions
    .filter((mention) => /^XXXX-\d{2}-\d{2}$/.test(mention.value))
    .map((mention) => year + mention.value.slice(4))
    .filter((value) => parseAnchor(value) !== undefined)
  const matching = days.filter((value) => named.has(String(weekdayOf(parseAnchor(value)?.day as number))))
  const day = (matching.length > 0 ? matching : days).sort().at(-1)
  return {value: day ?? year, source: 'copyright'}
}

/** A token of the working text. */
interface Token {
  readonly text: string
  readonly lower: string
  readonly start: number
  readonly end: number
  /** `0`: glued to the previous token, `1`: after spaces, `2`: after a line break. */
  readonly gap: 0 | 1 | 2
  readonly kind: 'mark' | 'number' | 'word'
  /** Starts with an upper-case letter. */
  readonly capital: boolean
  /** Index of the sentence (sentences end at `.`, `!`, `?` before a capital, and at line breaks). */
  readonly sentence: number
  /** Whether an expression may start here (checked once, so most tokens cost one lookup). */
  readonly trigger: boolean
}

/** Anchor as an epoch day and a year; either may be missing. */
interface Anchor {
  readonly day?: number
  readonly year?: number
}

interface Context {
  readonly tokens: readonly Token[]
  readonly anchor: Anchor
}

/** A recognised expression: its end token and its TIMEX3 reading. */
interface Found {
  /** Index of the token after the expression. */
  readonly end: number
  readonly type: TimexType
  readonly value: string
  readonly granularity: Granularity
  readonly mod?: string | undefined
  readonly relative: boolean
  /** Whether it is a count of units without a determiner (`35 years`, not `the past 35 years`): it may take a duration modifier or `ago`. */
  readonly counted?: boolean
}

/** Tokens before an expression searched for a tense cue. */
const tenseWindow = 14
const durationModifiersByWord = byFirstWord(durationModifiers)
const pointModifiersByWord = byFirstWord(pointModifiers)
const referencesByWord = byFirstWord(references)
const holidaysByWord = byFirstWord(holidays)

/**
 * Group phrase entries by their first word, so a token looks up only the phrases it can start.
 *
 * @param entries
 *   Entries whose first item is a word sequence.
 * @returns
 *   Entries by first word.
 */
function byFirstWord<Entry extends readonly [readonly string[], ...unknown[]]>(entries: readonly Entry[]): ReadonlyMap<string, Entry[]> {
  const map = new Map<string, Entry[]>()
  for (const entry of entries) {
    const first = entry[0][0] as string
    const list = map.get(first) ?? []
    list.push(entry)
    map.set(first, list)
  }
  return map
}

/**
 * Split a text into words, numbers and single marks.
 *
 * @param text
 *   Working text.
 * @returns
 *   Tokens.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const length = text.length
  let sentence = 0
  let previous: Token | undefined
  let gap: 0 | 1 | 2 = 0
  let index = 0
  // A hand-written scanner: a regular expression over the whole text was the
  // slowest part of the stage.
  while (index < length) {
    const code = text.charCodeAt(index)
    if (isSpace(code, text, index)) {
      if (code === 10) gap = 2
      else if (gap === 0) gap = 1
      index++
      continue
    }
    const start = index
    let kind: Token['kind']
    if (code >= 48 && code <= 57) {
      kind = 'number'
      do index++
      while (index < length && isDigit(text.charCodeAt(index)))
    } else if (isLetter(code, text, index)) {
      kind = 'word'
      do index++
      while (index < length && isLetter(text.charCodeAt(index), text, index))
    } else {
      kind = 'mark'
      // A surrogate pair (an emoji) is one mark.
      index += code >= 0xd8_00 && code <= 0xdb_ff && index + 1 < length ? 2 : 1
    }
    const value = text.slice(start, index)
    // Most words are lower-case ASCII already: skip the copy.
    const plain = kind !== 'word' || (code >= 97 && code <= 122 && !hasUpper(value))
    const lower = plain ? value : value.toLowerCase()
    const capital = kind === 'word' && lower.charCodeAt(0) !== code
    if (previous && (gap === 2 || (gap === 1 && (capital || kind === 'number') && endsSentence(tokens, tokens.length - 1)))) {
      sentence++
    }
    const token: Token = {
      text: value,
      lower,
      start,
      end: index,
      gap: previous ? gap : 0,
      kind,
      capital,
      sentence,
      trigger: kind === 'number' || isTrigger(lower)
    }
    tokens.push(token)
    previous = token
    gap = 0
  }
  return tokens
}

/**
 * Whether a word has anything but lower-case ASCII letters after its first character.
 *
 * @param value
 *   Word starting with a lower-case ASCII letter.
 * @returns
 *   Whether lower-casing may change it.
 */
function hasUpper(value: string): boolean {
  for (let index = 1; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code < 97 || code > 122) return true
  }
  return false
}

/**
 * Whether a mark ends a sentence: `.`, `!` or `?`, but not the period of
 * `U.S.` or `Mr.` (so `the U.S. President will …` stays one sentence).
 *
 * @param tokens
 *   Tokens so far.
 * @param index
 *   Index of the mark.
 * @returns
 *   Whether a sentence ends there.
 */
function endsSentence(tokens: readonly Token[], index: number): boolean {
  const mark = tokens[index] as Token
  if (mark.text === '!' || mark.text === '?') return true
  if (mark.text !== '.') return false
  const before = tokens[index - 1]
  if (!before || mark.gap !== 0) return true
  return !(before.text.length === 1 && before.capital) && !abbreviations.has(before.lower)
}

const letterPattern = /\p{L}/u
const spacePattern = /\s/u

/**
 * Whether a code unit is an ASCII digit.
 *
 * @param code
 *   UTF-16 code unit.
 * @returns
 *   Whether it is `0`–`9`.
 */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/**
 * Whether the code unit at `index` is a letter (ASCII checked by range, the rest by `\p{L}`).
 *
 * @param code
 *   UTF-16 code unit at `index`.
 * @param text
 *   Text.
 * @param index
 *   Offset.
 * @returns
 *   Whether it is a letter.
 */
function isLetter(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
  return letterPattern.test(text.charAt(index))
}

/**
 * Whether the code unit at `index` is white space.
 *
 * @param code
 *   UTF-16 code unit at `index`.
 * @param text
 *   Text.
 * @param index
 *   Offset.
 * @returns
 *   Whether it is white space.
 */
function isSpace(code: number, text: string, index: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  return spacePattern.test(text.charAt(index))
}

/**
 * Recognise the longest expression starting at a token, with the modifiers
 * before it.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function matchAt(context: Context, index: number): Found | undefined {
  const {tokens} = context
  let best = core(context, index)

  const word = lower(tokens, index)

  // `more than three decades`, `nearly four-decade`, `over a century`.
  for (const [words, mod] of durationModifiersByWord.get(word) ?? []) {
    const after = phrase(tokens, index, words)
    if (after === -1) continue
    const found = core(context, after)
    if (found && found.counted && !found.value.includes('X')) best = longer(best, {...found, mod})
  }

  // `early July`, `the end of 2024`, `mid-1990s`, `the late 1980s`.
  for (const [words, mod] of pointModifiersByWord.get(word) ?? []) {
    let after = phrase(tokens, index, words)
    if (after === -1) continue
    if (lower(tokens, after) === '-' && tokens[after]?.gap === 0) after++
    const found = core(context, after)
    if (found && (found.type === 'DATE' || found.type === 'TIME') && found.granularity !== 'reference') {
      best = longer(best, {...found, mod})
    }
  }

  // `earlier this year`, `later today`: the span keeps the adverb, the value is the period.
  if (word === 'earlier' || word === 'later') {
    const next = lower(tokens, index + 1)
    if (next === 'this' || next === 'today' || next === 'tonight') {
      const found = core(context, index + 1)
      if (found && joined(tokens, index + 1)) best = longer(best, found)
    }
  }

  return best
}

/**
 * The longer of two expressions (the first on a tie).
 *
 * @param left
 *   Expression, if any.
 * @param right
 *   Expression.
 * @returns
 *   The one that ends later.
 */
function longer(left: Found | undefined, right: Found): Found {
  return left && left.end >= right.end ? left : right
}

/**
 * Recognise an expression without leading modifiers: the longest reading of
 * every pattern.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function core(context: Context, index: number): Found | undefined {
  const token = context.tokens[index]
  if (!token) return undefined
  let best: Found | undefined
  for (const pattern of token.kind === 'number' ? numberPatterns : (patternsByWord.get(token.lower) ?? [])) {
    const found = pattern(context, index)
    if (found) best = longer(best, found)
  }
  // `two years ago`, `a year earlier`: a date.
  const after = lower(context.tokens, best?.end ?? 0)
  if (best && best.counted && (after === 'ago' || after === 'earlier') && joined(context.tokens, best.end)) {
    return agoDate(context, best)
  }
  return best
}

type Pattern = (context: Context, index: number) => Found | undefined

/**
 * Every pattern with the words it can start with, in the order ties are
 * broken; a number can start the patterns of {@link numberPatterns}.
 */
const patternStarts: ReadonlyArray<readonly [Pattern, Iterable<string>]> = [
  [referencePattern, referencesByWord.keys()],
  [dayWordPattern, startWords.dayWord],
  [relativePattern, startWords.relative],
  [durationPattern, [...startWords.duration, ...bareSpanDeterminers, ...numberWords.keys(), ...vagueQuantities]],
  [bareUnitsPattern, [...startWords.bareUnits, ...pluralUnits]],
  [monthPattern, months.keys()],
  [dayMonthPattern, startWords.dayMonth],
  [weekdayPattern, weekdays.keys()],
  [yearPattern, startWords.year],
  [decadeWordPattern, startWords.decadeWord],
  [yearWordsPattern, startWords.yearWords],
  [centuryPattern, startWords.century],
  [seasonPattern, [...startWords.season, ...seasons.keys()]],
  [quarterPattern, [...startWords.quarter, ...numberWords.keys(), ...ordinalWords.keys()]],
  [clockPattern, startWords.clock],
  [setPattern, [...startWords.set, ...frequencyAdverbs.keys(), ...weekdayPlurals.keys()]],
  [holidayPattern, [...startWords.holiday, ...holidaysByWord.keys()]],
  [weekendPattern, startWords.weekend]
]

/** Patterns a number can start (`35 years`, `27 June`, `2023`, `3rd quarter`, `3 p.m.`). */
const numberPatterns: readonly Pattern[] = [durationPattern, dayMonthPattern, yearPattern, quarterPattern, clockPattern]

/** Patterns by the word they can start with. */
const patternsByWord: ReadonlyMap<string, Pattern[]> = (function () {
  const map = new Map<string, Pattern[]>()
  for (const [pattern, words] of patternStarts) {
    for (const word of words) {
      const list = map.get(word) ?? []
      if (!list.includes(pattern)) list.push(pattern)
      map.set(word, list)
    }
  }
  return map
})()

/** Words an expression may start with: a pattern's first word or a modifier's. */
const triggerWords: ReadonlySet<string> = new Set([
  ...patternsByWord.keys(),
  ...durationModifiers.map(([words]) => words[0] as string),
  ...pointModifiers.map(([words]) => words[0] as string),
  'earlier',
  'later'
])

/**
 * For each pair of ASCII code units a word can start with, a bit per length
 * (below 32) of the trigger words that start so: most words have a shape no
 * trigger word has, and are settled without hashing them.
 */
const triggerShapes = new Uint32Array(128 * 128)
for (const word of triggerWords) {
  const slot = shapeSlot(word)
  if (slot !== -1) triggerShapes[slot] = (triggerShapes[slot] as number) | (1 << word.length)
}

/**
 * Slot of a word in `triggerShapes`.
 *
 * @param word
 *   Word.
 * @returns
 *   Slot, or `-1` when the word starts with a non-ASCII code unit or is 32 or more long.
 */
function shapeSlot(word: string): number {
  const first = word.charCodeAt(0)
  const second = word.length > 1 ? word.charCodeAt(1) : 0
  return first < 128 && second < 128 && word.length < 32 ? first * 128 + second : -1
}

/**
 * Whether an expression may start at a word or mark: `triggerWords.has`, faster.
 *
 * @param lower
 *   Lower-case text of the token.
 * @returns
 *   Whether it is a trigger word.
 */
function isTrigger(lower: string): boolean {
  const slot = shapeSlot(lower)
  if (slot !== -1 && (((triggerShapes[slot] as number) >>> lower.length) & 1) === 0) return false
  return triggerWords.has(lower)
}

/**
 * `now`, `recently`, `the past`, `the future`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function referencePattern(context: Context, index: number): Found | undefined {
  let best: Found | undefined
  for (const [words, value] of referencesByWord.get(lower(context.tokens, index)) ?? []) {
    const end = phrase(context.tokens, index, words)
    if (end === -1) continue
    // `The present Declaration`: an adjective.
    if (words[1] === 'present' && context.tokens[end]?.kind === 'word' && context.tokens[end]?.gap === 1) continue
    best = longer(best, {end, type: 'DATE', value, granularity: 'reference', relative: false})
  }
  return best
}

/**
 * `today`, `yesterday`, `tomorrow`, `tonight`, with a part of the day (`yesterday morning`).
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function dayWordPattern(context: Context, index: number): Found | undefined {
  const {tokens, anchor} = context
  const word = lower(tokens, index)
  const shift = word === 'today' ? 0 : word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : word === 'tonight' ? 0 : undefined
  if (shift === undefined) return undefined
  const day = anchor.day === undefined ? undefined : anchor.day + shift
  if (word === 'tonight') return timeOfDay(index + 1, day, 'NI')
  const part = dayParts.get(lower(tokens, index + 1))
  if (part && joined(tokens, index + 1)) return timeOfDay(index + 2, day, part)
  return {end: index + 1, type: 'DATE', value: dayValue(day), granularity: 'day', relative: true}
}

/**
 * `this year`, `last week`, `next month`, `the past year`, `last Friday`,
 * `next March`, `this summer`, `last night`, `this morning`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function relativePattern(context: Context, index: number): Found | undefined {
  const {tokens, anchor} = context
  let position = index
  const article = lower(tokens, position) === 'the'
  if (article) position++
  const word = lower(tokens, position)
  const shift =
    word === 'this' || word === 'current'
      ? 0
      : word === 'last' || word === 'past' || word === 'previous'
        ? -1
        : word === 'next' || word === 'coming'
          ? 1
          : undefined
  if (shift === undefined) return undefined
  if (article && !joined(tokens, position)) return undefined
  // `the this year` is no phrase; `the last year` is.
  if (article && word === 'this') return undefined
  const target = position + 1
  if (!joined(tokens, target)) return undefined
  const next = lower(tokens, target)
  const end = target + 1
  const {day, year} = anchor

  if (next === 'year') return {end, type: 'DATE', value: yearValue(year === undefined ? undefined : year + shift), granularity: 'year', relative: true}
  if (next === 'month') {
    const value = day === undefined ? 'XXXX-XX' : monthValue(...addMonths(day, shift))
    return {end, type: 'DATE', value, granularity: 'month', relative: true}
  }
  if (next === 'week') {
    return {end, type: 'DATE', value: weekValue(day === undefined ? undefined : day + 7 * shift), granularity: 'week', relative: true}
  }
  if (next === 'weekend') {
    const value = day === undefined ? 'XXXX-WXX-WE' : weekValue(day + 7 * shift) + '-WE'
    return {end, type: 'DATE', value, granularity: 'week', relative: true}
  }
  if (next === 'quarter') {
    const value = day === undefined ? 'XXXX-QX' : quarterValue(day, shift)
    return {end, type: 'DATE', value, granularity: 'quarter', relative: true}
  }
  // `the past decade` is the last ten years; `the last decade`, like TimeBank, the 2010s.
  if ((next === 'decade' || next === 'century') && word === 'past') {
    return {end, type: 'DURATION', value: next === 'decade' ? 'P1DE' : 'P1CE', granularity: next, relative: false}
  }
  if (next === 'decade') {
    const value = year === undefined ? 'XXXX' : String(Math.floor(year / 10) + shift) + 'X'
    return {end, type: 'DATE', value, granularity: 'decade', relative: true}
  }
  if (next === 'century') {
    const value = year === undefined ? 'XXXX' : String(Math.floor(year / 100) + shift).padStart(2, '0') + 'XX'
    return {end, type: 'DATE', value, granularity: 'century', relative: true}
  }
  if (article) return undefined

  const month = months.get(next)
  if (month !== undefined && isMonthName(tokens, target)) {
    const value =
      year === undefined
        ? 'XXXX-' + pad(month)
        : monthValue(shift === 0 ? year : resolveMonth(anchor, month, shift, true), month)
    return {end: skipPeriod(tokens, end, next), type: 'DATE', value, granularity: 'month', relative: true}
  }
  const weekday = weekdays.get(next)
  if (weekday !== undefined && isWeekdayName(tokens, target)) {
    const resolved = day === undefined ? undefined : shift === 0 ? day - weekdayOf(day) + weekday : resolveWeekday(day, weekday, shift, true)
    const after = skipPeriod(tokens, end, next)
    const part = dayParts.get(lower(tokens, after))
    if (part && joined(tokens, after)) return timeOfDay(after + 1, resolved, part, weekday)
    return {end: after, type: 'DATE', value: dayValue(resolved, weekday), granularity: 'day', relative: true}
  }
  const season = seasons.get(next)
  if (season) {
    return {end, type: 'DATE', value: seasonValue(anchor, season, shift), granularity: 'season', relative: true}
  }
  const part = dayParts.get(next)
  if (part && word === 'this') return timeOfDay(end, day, part)
  if (next === 'night' && word === 'last') return timeOfDay(end, day === undefined ? undefined : day - 1, 'NI')
  return undefined
}

/**
 * Counted durations: `35 years`, `Thirty-five years`, `35-Year`,
 * `four-decade`, `the past three years`, `a year and a half`, `many years`,
 * `half a century`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function durationPattern(context: Context, index: number): Found | undefined {
  const {tokens} = context
  let position = index
  if (lower(tokens, position) === 'the') {
    position++
    if (spanDeterminers.has(lower(tokens, position))) {
      position++
    }
  } else if (bareSpanDeterminers.has(lower(tokens, position))) {
    position++
  }
  if (position > index && !joined(tokens, position)) return undefined
  const quantity = readQuantity(tokens, position)
  if (!quantity) return undefined
  let unitIndex = quantity.end
  // `35-Year`, `four-decade`: a hyphenated unit is singular.
  const hyphen = lower(tokens, unitIndex) === '-' && tokens[unitIndex]?.gap === 0
  if (hyphen) unitIndex++
  if (!(hyphen ? tokens[unitIndex]?.gap === 0 : joined(tokens, unitIndex))) return undefined
  let unitWord = lower(tokens, unitIndex)
  // `20 more years`.
  if (!hyphen && (unitWord === 'more' || unitWord === 'additional') && joined(tokens, unitIndex + 1)) unitWord = lower(tokens, ++unitIndex)
  const unit = units.get(unitWord)
  if (!unit) return undefined
  // `a years-old case`: one is singular.
  if (quantity.value === 1 && pluralUnits.has(unitWord)) return undefined
  // `a quarter of the votes` is a share, `two quarters` a duration.
  if (unit === 'Q' && (lower(tokens, position) === 'a' || lower(tokens, unitIndex + 1) === 'of')) return undefined
  let end = unitIndex + 1
  let amount = quantity.value
  // `a year and a half`, `two and a half years` (read by readQuantity).
  if (phrase(tokens, end, ['and', 'a', 'half']) !== -1 && amount !== undefined) {
    amount += 0.5
    end = phrase(tokens, end, ['and', 'a', 'half'])
  }
  const suffixed = suffixEnd(tokens, end)
  // `the eight-year war`: an adjective; its determiner belongs to the noun.
  if ((hyphen || suffixed > end) && position > index) return undefined
  // `a 35-year-old man`: an age, which TimeBank leaves untagged.
  if (hyphen && suffixed > end && lower(tokens, suffixed - 1) === 'old') return undefined
  const counted = position === index
  return {end: suffixed, type: 'DURATION', value: durationValue(amount, unit), granularity: unitGranularity(unit), relative: false, counted}
}

/**
 * Durations without a count: `years`, `decades-long`, `decadeslong`,
 * `the long years`, `recent years`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function bareUnitsPattern(context: Context, index: number): Found | undefined {
  const {tokens} = context
  let position = index
  const word = lower(tokens, position)
  if (word === 'decadeslong') return {end: index + 1, type: 'DURATION', value: 'PXDE', granularity: 'decade', relative: false}
  if (word === 'yearslong') return {end: index + 1, type: 'DURATION', value: 'PXY', granularity: 'year', relative: false}
  if (word === 'the') {
    position++
    // `the decades`, `the long years`: the determiner belongs to the span.
    if (unitAdjectives.has(lower(tokens, position))) position++
  } else if (word === 'recent' || word === 'coming') {
    position++
  }
  if (position > index && !joined(tokens, position)) return undefined
  const plural = lower(tokens, position)
  if (!pluralUnits.has(plural)) return undefined
  // `these days` is a reference, `days later` is kept for `Days`.
  if (lower(tokens, position - 1) === 'these') return undefined
  const unit = units.get(plural) as string
  const end = suffixEnd(tokens, position + 1)
  if (end > position + 1 && position > index) return undefined
  return {end, type: 'DURATION', value: durationValue(undefined, unit), granularity: unitGranularity(unit), relative: false}
}

/**
 * `-long` and `-old` glued to a unit (`decades-long`, `35-year-old`).
 *
 * @param tokens
 *   Tokens.
 * @param end
 *   Index after the unit.
 * @returns
 *   Index after the suffix, if any.
 */
function suffixEnd(tokens: readonly Token[], end: number): number {
  if (lower(tokens, end) === '-' && tokens[end]?.gap === 0 && tokens[end + 1]?.gap === 0) {
    const suffix = lower(tokens, end + 1)
    if (suffix === 'long' || suffix === 'old') return end + 2
  }
  return end
}

/**
 * `June 27`, `August 8, 2025`, `Aug. 7, 1998`, `December 2024`, `March`,
 * `July of 2024`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function monthPattern(context: Context, index: number): Found | undefined {
  const {tokens} = context
  const word = lower(tokens, index)
  const month = months.get(word)
  if (month === undefined || !isMonthName(tokens, index)) return undefined
  let position = skipPeriod(tokens, index + 1, word)
  const monthEnd = position
  const day = readDayNumber(tokens, position)
  if (day) position = day.end
  const comma = lower(tokens, position) === ','
  let year = readYear(tokens, comma ? position + 1 : position)
  if (!year && !day && lower(tokens, position) === 'of') year = readYear(tokens, position + 1)
  if (year) position = year.end
  // `January this year`, `June last year`.
  const relativeYear = !year && joined(tokens, position + 1) && lower(tokens, position + 1) === 'year' ? lower(tokens, position) : ''
  if (relativeYear === 'this' || relativeYear === 'last' || relativeYear === 'next') {
    const anchorYear = context.anchor.year
    const shift = relativeYear === 'this' ? 0 : relativeYear === 'last' ? -1 : 1
    const stated = anchorYear === undefined ? undefined : anchorYear + shift
    if (!day) return {end: position + 2, type: 'DATE', value: yearValue(stated) + '-' + pad(month), granularity: 'month', relative: true}
    const found = calendarDay(context, index, position + 2, stated, month, day.value)
    return found && {...found, relative: true}
  }
  if (!day && !year) {
    if (!monthAlone(tokens, index, monthEnd)) return undefined
    return resolvedMonth(context, index, monthEnd, month)
  }
  if (!day) return {end: position, type: 'DATE', value: monthValue((year as {value: number}).value, month), granularity: 'month', relative: false}
  return calendarDay(context, index, position, year?.value, month, day.value)
}

/**
 * `7 August, 2025`, `27 June`, `the 8th of August`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function dayMonthPattern(context: Context, index: number): Found | undefined {
  const {tokens} = context
  let position = index
  if (lower(tokens, position) === 'the') position++
  const day = readDayNumber(tokens, position)
  if (!day) return undefined
  position = day.end
  if (lower(tokens, position) === 'of') position++
  const word = lower(tokens, position)
  const month = months.get(word)
  if (month === undefined || !joined(tokens, position) || !isMonthName(tokens, position, true)) return undefined
  position = skipPeriod(tokens, position + 1, word)
  const comma = lower(tokens, position) === ','
  const year = readYear(tokens, comma ? position + 1 : position)
  if (year) position = year.end
  return calendarDay(context, index, position, year?.value, month, day.value)
}

/**
 * `Friday`, `Friday afternoon`, `Friday, Aug. 8`, `Friday 8 August 2025`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function weekdayPattern(context: Context, index: number): Found | undefined {
  const {tokens, anchor} = context
  const word = lower(tokens, index)
  const weekday = weekdays.get(word)
  if (weekday === undefined || !isWeekdayName(tokens, index)) return undefined
  const end = skipPeriod(tokens, index + 1, word)
  const dateStart = lower(tokens, end) === ',' ? end + 1 : end
  if (joined(tokens, dateStart)) {
    const date = monthPattern(context, dateStart) ?? dayMonthPattern(context, dateStart)
    if (date && date.granularity === 'day') return date
  }
  const part = dayParts.get(lower(tokens, end))
  const day = anchor.day === undefined ? undefined : resolveWeekday(anchor.day, weekday, direction(tokens, index, end), false)
  if (part && joined(tokens, end)) return timeOfDay(end + 1, day, part, weekday)
  return {end, type: 'DATE', value: dayValue(day, weekday), granularity: 'day', relative: true}
}

/**
 * `2023`, `1990s`, `fiscal 1989`, `the year 2000`, `’90s`, `2025-08-08`, `8/8/2025`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function yearPattern(context: Context, index: number): Found | undefined {
  const {tokens} = context
  let position = index
  if (lower(tokens, position) === 'the') {
    position++
    if (lower(tokens, position) === 'year' && joined(tokens, position)) position++
  } else if (lower(tokens, position) === 'fiscal') {
    position++
    if (lower(tokens, position) === 'year' && joined(tokens, position)) position++
  }
  if (position > index && !joined(tokens, position)) return undefined

  // `’90s`, `'90s`.
  const mark = lower(tokens, position)
  if ((mark === '’' || mark === '\'') && tokens[position + 1]?.gap === 0 && /^\d0$/.test(lower(tokens, position + 1))) {
    if (lower(tokens, position + 2) === 's' && tokens[position + 2]?.gap === 0) {
      return {end: position + 3, type: 'DATE', value: '19' + lower(tokens, position + 1).charAt(0) + 'X', granularity: 'decade', relative: false}
    }
  }

  const token = tokens[position]
  if (!token || token.kind !== 'number') return undefined
  const iso = isoDate(tokens, position)
  if (iso && position === index) return iso
  if (token.text.length !== 4 || !/^(1[0-9]|20|21)/.test(token.text)) return undefined
  const year = Number(token.text)
  const next = tokens[position + 1]
  // `1990s`: a decade.
  if (next && next.gap === 0 && next.lower === 's') {
    if (!token.text.endsWith('0')) return undefined
    return {end: position + 2, type: 'DATE', value: token.text.slice(0, 3) + 'X', granularity: 'decade', relative: false}
  }
  if (!isYear(tokens, position)) return undefined
  // `the 2024` is no phrase; `the year 2024` is.
  if (lower(tokens, index) === 'the' && position === index + 1) return undefined
  return {end: position + 1, type: 'DATE', value: yearValue(year), granularity: 'year', relative: false}
}

/**
 * `the nineties`, `the Nineteen Nineties`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function decadeWordPattern(context: Context, index: number): Found | undefined {
  const {tokens} = context
  let position = index
  if (lower(tokens, position) === 'the') position++
  if (lower(tokens, position) === 'nineteen' && joined(tokens, position)) position++
  // A bare `nineties` is an age or a temperature; `the nineties` is a decade.
  if (position === index || !joined(tokens, position)) return undefined
  const word = lower(tokens, position)
  const tens = word.endsWith('ies') ? numberWords.get(word.slice(0, -3) + 'y') : undefined
  if (tens === undefined || tens < 20) return undefined
  return {end: position + 1, type: 'DATE', value: '19' + String(tens / 10) + 'X', granularity: 'decade', relative: false}
}

/**
 * Years in words, as transcripts write them: `nineteen ninety-six`, `two thousand`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function yearWordsPattern(context: Context, index: number): Found | undefined {
  const {tokens} = context
  let position = index
  if (phrase(tokens, position, ['the', 'year']) !== -1) position += 2
  if (phrase(tokens, position, ['two', 'thousand']) !== -1) {
    let end = position + 2
    if (lower(tokens, end) === 'and' && joined(tokens, end)) end++
    const unit = numberWords.get(lower(tokens, end))
    const year = unit !== undefined && unit < 20 && joined(tokens, end) ? 2000 + unit : 2000
    if (year === 2000) end = position + 2
    else end++
    // `two thousand people` is a count.
    if (year === 2000 && position === index) return undefined
    return {end, type: 'DATE', value: String(year), granularity: 'year', relative: false}
  }
  if (lower(tokens, position) !== 'nineteen' || !joined(tokens, position + 1)) return undefined
  const rest = readQuantity(tokens, position + 1)
  if (!rest || rest.value === undefined || rest.value < 10 || rest.value > 99 || tokens[position + 1]?.kind !== 'word') return undefined
  return {end: rest.end, type: 'DATE', value: '19' + String(rest.value), granularity: 'year', relative: false}
}

/**
 * `the 20th century`, `the twenty-first century`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function centuryPattern(context: Context, index: number): Found | undefined {
  const {tokens} = context
  if (lower(tokens, index) !== 'the') return undefined
  const ordinal = readOrdinal(tokens, index + 1)
  if (!ordinal || !joined(tokens, index + 1)) return undefined
  let position = ordinal.end
  if (lower(tokens, position) === '-' && tokens[position]?.gap === 0) position++
  if (lower(tokens, position) !== 'century' || !joined(tokens, position)) return undefined
  const value = String(ordinal.value - 1).padStart(2, '0') + 'XX'
  return {end: position + 1, type: 'DATE', value, granularity: 'century', relative: false}
}

/**
 * `summer 2024`, `the summer of 2024`, `the summer`, `winter` (after `in`).
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function seasonPattern(context: Context, index: number): Found | undefined {
  const {tokens, anchor} = context
  let position = index
  const article = lower(tokens, position) === 'the'
  if (article) position++
  const word = lower(tokens, position)
  const season = seasons.get(word)
  if (!season || !joined(tokens, position)) return undefined
  const yearStart = lower(tokens, position + 1) === 'of' ? position + 2 : position + 1
  const year = readYear(tokens, yearStart)
  if (year) {
    return {end: year.end, type: 'DATE', value: String(year.value) + '-' + season, granularity: 'season', relative: false}
  }
  // `fall` and `spring` are also verbs and nouns (`the fall of Kabul`, `a spring in his step`):
  // they are seasons after a preposition (`in the fall`); the others also with `the`.
  const before = lower(tokens, index - 1)
  const preposition = seasonPrepositions.has(before)
  if (word === 'fall' || word === 'spring' ? !(article && preposition) : !(article || preposition)) return undefined
  if (lower(tokens, position + 1) === 'of') return undefined
  const shift = direction(tokens, index, position + 1)
  return {end: position + 1, type: 'DATE', value: seasonValue(anchor, season, shift, true), granularity: 'season', relative: true}
}

/**
 * `the third quarter`, `third-quarter`, `the first quarter of 2024`, `Q3 2024`, `the second half of 2024`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function quarterPattern(context: Context, index: number): Found | undefined {
  const {tokens, anchor} = context
  let position = index
  let number: number | undefined
  let half = false
  if (lower(tokens, position) === 'q' && tokens[position]?.text === 'Q' && /^[1-4]$/.test(lower(tokens, position + 1)) && tokens[position + 1]?.gap === 0) {
    number = Number(lower(tokens, position + 1))
    position += 2
  } else {
    if (lower(tokens, position) === 'the') position++
    if (lower(tokens, position) === 'fiscal' && joined(tokens, position + 1)) position++
    const ordinal = readOrdinal(tokens, position)
    if (!ordinal || ordinal.value > 4 || (position > index && !joined(tokens, position))) return undefined
    position = ordinal.end
    if (lower(tokens, position) === '-' && tokens[position]?.gap === 0) {
      // `the third-quarter results`: an adjective without its determiner.
      if (lower(tokens, index) === 'the') return undefined
      position++
    } else if (!joined(tokens, position)) {
      return undefined
    }
    const noun = lower(tokens, position)
    // `the first half of the match` is no date; `the first half of 2024` is.
    if (noun === 'half' && ordinal.value <= 2 && lower(tokens, position + 1) === 'of') half = true
    else if (noun !== 'quarter') return undefined
    number = ordinal.value
    position++
  }
  let year: number | undefined
  const yearStart = lower(tokens, position) === 'of' ? position + 1 : position
  const stated = readYear(tokens, yearStart)
  if (half && !stated && phrase(tokens, yearStart, ['this', 'year']) === -1 && phrase(tokens, yearStart, ['last', 'year']) === -1) return undefined
  if (stated) {
    year = stated.value
    position = stated.end
  } else if (phrase(tokens, yearStart, ['this', 'year']) !== -1 && yearStart > position) {
    year = anchor.year
    position = yearStart + 2
  } else if (phrase(tokens, yearStart, ['last', 'year']) !== -1 && yearStart > position) {
    year = anchor.year === undefined ? undefined : anchor.year - 1
    position = yearStart + 2
  } else {
    year = anchor.year
  }
  const value = yearValue(year) + (half ? '-H' : '-Q') + String(number)
  return {end: position, type: 'DATE', value, granularity: half ? 'half' : 'quarter', relative: !stated}
}

/**
 * `3 p.m.`, `10:30 a.m. Friday`, `noon`, `15:00 GMT`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function clockPattern(context: Context, index: number): Found | undefined {
  const {tokens, anchor} = context
  let position = index
  let hour: number
  let minute = 0
  const word = lower(tokens, index)
  let marked = false
  if (word === 'noon' || word === 'midnight') {
    hour = word === 'noon' ? 12 : 0
    position++
    marked = true
  } else {
    const token = tokens[position]
    if (!token || token.kind !== 'number' || token.text.length > 2) return undefined
    hour = Number(token.text)
    position++
    if (lower(tokens, position) === ':' && tokens[position]?.gap === 0 && /^\d\d$/.test(lower(tokens, position + 1)) && tokens[position + 1]?.gap === 0) {
      minute = Number(lower(tokens, position + 1))
      position += 2
      marked = true
    }
    const meridiem = readMeridiem(tokens, position)
    if (meridiem) {
      if (hour > 12 || hour === 0) return undefined
      hour = (hour % 12) + (meridiem.afternoon ? 12 : 0)
      position = meridiem.end
    } else if (!marked || !(isTimeZone(tokens, position) || lower(tokens, index - 1) === 'at')) {
      // `2:1` may be a score; `15:00 GMT` and `at 15:00` are times.
      return undefined
    }
    if (hour > 23 || minute > 59) return undefined
  }
  if (isTimeZone(tokens, position)) position++
  let day = anchor.day
  let relative = true
  let weekday: number | undefined
  // `3 p.m. Friday`, `noon Thursday`: one expression.
  if (joined(tokens, position)) {
    const date = weekdayPattern(context, position) ?? dayWordPattern(context, position) ?? monthPattern(context, position)
    if (date && date.granularity === 'day' && /^(\d{4}-\d{2}-\d{2}|XXXX-WXX-\d)$/.test(date.value)) {
      position = date.end
      relative = date.relative
      const resolved = parseAnchor(date.value)
      day = resolved?.day
      weekday = resolved ? undefined : Number(date.value.slice(-1))
    }
  }
  const time = 'T' + pad(hour) + ':' + pad(minute)
  return {end: position, type: 'TIME', value: dayValue(day, weekday) + time, granularity: 'time', relative}
}

/**
 * `every year`, `each Friday`, `every two years`, `annually`, `on Fridays`, `per year`.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function setPattern(context: Context, index: number): Found | undefined {
  const {tokens} = context
  const word = lower(tokens, index)
  const adverb = frequencyAdverbs.get(word)
  // `Daily Mail`: capitalised inside a sentence, a name.
  if (adverb && !(tokens[index]?.capital && tokens[index - 1]?.sentence === tokens[index]?.sentence)) {
    const unit = adverb.replace(/^PT?1/, '')
    return {end: index + 1, type: 'SET', value: adverb, granularity: unitGranularity(adverb.startsWith('PT') ? 'T' + unit : unit), relative: false}
  }
  const plural = weekdayPlurals.get(word)
  if (plural !== undefined && tokens[index]?.capital) {
    return {end: index + 1, type: 'SET', value: 'XXXX-WXX-' + String(plural), granularity: 'day', relative: false}
  }
  if (word !== 'every' && word !== 'each' && word !== 'per') return undefined
  let position = index + 1
  if (!joined(tokens, position)) return undefined
  if (word === 'every' && lower(tokens, position) === 'other') position++
  const step = position > index + 1 ? 2 : 1
  const next = lower(tokens, position)
  const unit = units.get(next)
  if (unit && !pluralUnits.has(next)) {
    return {end: position + 1, type: 'SET', value: durationValue(step, unit), granularity: unitGranularity(unit), relative: false}
  }
  if (word === 'per') return undefined
  const weekday = weekdays.get(next)
  if (weekday !== undefined && isWeekdayName(tokens, position)) {
    const end = skipPeriod(tokens, position + 1, next)
    const part = dayParts.get(lower(tokens, end))
    if (part && joined(tokens, end)) return {end: end + 1, type: 'SET', value: 'XXXX-WXX-' + String(weekday) + 'T' + part, granularity: 'time-of-day', relative: false}
    return {end, type: 'SET', value: 'XXXX-WXX-' + String(weekday), granularity: 'day', relative: false}
  }
  const month = months.get(next)
  if (month !== undefined && tokens[position]?.capital) {
    return {end: position + 1, type: 'SET', value: 'XXXX-' + pad(month), granularity: 'month', relative: false}
  }
  const season = seasons.get(next)
  if (season) return {end: position + 1, type: 'SET', value: 'XXXX-' + season, granularity: 'season', relative: false}
  const part = dayParts.get(next)
  if (part) return {end: position + 1, type: 'SET', value: 'XXXX-XX-XXT' + part, granularity: 'time-of-day', relative: false}
  const quantity = readQuantity(tokens, position)
  if (quantity && quantity.value !== undefined) {
    const counted = units.get(lower(tokens, quantity.end))
    if (counted && joined(tokens, quantity.end)) {
      return {end: quantity.end + 1, type: 'SET', value: durationValue(quantity.value, counted), granularity: unitGranularity(counted), relative: false}
    }
  }
  return undefined
}

/**
 * `Christmas`, `New Year’s Day`, `Thanksgiving` (fixed or computed holidays).
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function holidayPattern(context: Context, index: number): Found | undefined {
  const {tokens, anchor} = context
  if (!tokens[index]?.capital) return undefined
  let best: Found | undefined
  // `Thanksgiving (Day)`: the fourth Thursday of November.
  if (lower(tokens, index) === 'thanksgiving') {
    const end = lower(tokens, index + 1) === 'day' && joined(tokens, index + 1) ? index + 2 : index + 1
    const year = anchor.year === undefined ? undefined : anchor.year - (anchor.day !== undefined && direction(tokens, index, end) < 0 && civil(anchor.day).month < 11 ? 1 : 0)
    if (year === undefined) return {end, type: 'DATE', value: 'XXXX-11-XX', granularity: 'day', relative: true}
    const first = epochDay(year, 11, 1)
    return {end, type: 'DATE', value: dayValue(first + ((4 - weekdayOf(first) + 7) % 7) + 21), granularity: 'day', relative: true}
  }
  for (const [words, month, day] of holidaysByWord.get(lower(tokens, index)) ?? []) {
    let end = phrase(tokens, index, words)
    if (end === -1) continue
    const year = readYear(tokens, end)
    if (year) end = year.end
    const resolvedYear = year?.value ?? (anchor.day === undefined ? undefined : resolveMonthDay(anchor.day, month, day, direction(tokens, index, end)))
    const value = resolvedYear === undefined ? 'XXXX-' + pad(month) + '-' + pad(day) : yearValue(resolvedYear) + '-' + pad(month) + '-' + pad(day)
    best = longer(best, {end, type: 'DATE', value, granularity: 'day', relative: !year})
  }
  return best
}

/**
 * `the weekend` (its direction from the verbs around it).
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Token index.
 * @returns
 *   Expression, or `undefined`.
 */
function weekendPattern(context: Context, index: number): Found | undefined {
  const {tokens, anchor} = context
  const end = phrase(tokens, index, ['the', 'weekend'])
  if (end === -1) return undefined
  if (anchor.day === undefined) return {end, type: 'DATE', value: 'XXXX-WXX-WE', granularity: 'week', relative: true}
  const weekday = weekdayOf(anchor.day)
  const shift = direction(tokens, index, end)
  // On a weekend day the weekend is this one; else the last one, or the next one in future clauses.
  const week = weekday >= 6 || shift >= 0 ? anchor.day : anchor.day - 7
  return {end, type: 'DATE', value: weekValue(week) + '-WE', granularity: 'week', relative: true}
}

/**
 * A date `N units ago` or `N units earlier` (counted back from the anchor).
 *
 * @param context
 *   Tokens and anchor.
 * @param found
 *   The counted duration before `ago` or `earlier`.
 * @returns
 *   Date expression.
 */
function agoDate(context: Context, found: Found): Found {
  const {day, year} = context.anchor
  const end = found.end + 1
  const match = /^P(T?)(\d+|X)(Y|M|W|D|DE|CE|H)$/.exec(found.value)
  const amount = match && match[2] !== 'X' ? Number(match[2]) : undefined
  const unit = match ? (match[1] as string) + (match[3] as string) : ''
  if (amount === undefined) return {end, type: 'DATE', value: 'PAST_REF', granularity: 'reference', relative: false, counted: true}
  const base = {end, type: 'DATE' as const, relative: true, counted: true}
  if (unit === 'Y') return {...base, value: yearValue(year === undefined ? undefined : year - amount), granularity: 'year'}
  if (unit === 'DE') return {...base, value: yearValue(year === undefined ? undefined : year - 10 * amount), granularity: 'year'}
  if (unit === 'CE') return {...base, value: yearValue(year === undefined ? undefined : year - 100 * amount), granularity: 'year'}
  if (unit === 'M') return {...base, value: day === undefined ? 'XXXX-XX' : monthValue(...addMonths(day, -amount)), granularity: 'month'}
  if (unit === 'W') return {...base, value: weekValue(day === undefined ? undefined : day - 7 * amount), granularity: 'week'}
  if (unit === 'D') return {...base, value: dayValue(day === undefined ? undefined : day - amount), granularity: 'day'}
  return {...found, end}
}

/**
 * A month without day or year, resolved by tense.
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Index of the month token.
 * @param end
 *   Index after it.
 * @param month
 *   Month number.
 * @returns
 *   Expression.
 */
function resolvedMonth(context: Context, index: number, end: number, month: number): Found {
  const {anchor, tokens} = context
  if (anchor.year === undefined) return {end, type: 'DATE', value: 'XXXX-' + pad(month), granularity: 'month', relative: true}
  const year = anchor.day === undefined ? anchor.year : resolveMonth(anchor, month, direction(tokens, index, end), false)
  return {end, type: 'DATE', value: monthValue(year, month), granularity: 'month', relative: true}
}

/**
 * A day of a month, with or without its year (resolved by tense when missing).
 *
 * @param context
 *   Tokens and anchor.
 * @param index
 *   Index of the first token.
 * @param end
 *   Index after the expression.
 * @param year
 *   Stated year, if any.
 * @param month
 *   Month number.
 * @param day
 *   Day of the month.
 * @returns
 *   Expression, or `undefined` for an impossible date.
 */
function calendarDay(context: Context, index: number, end: number, year: number | undefined, month: number, day: number): Found | undefined {
  const {anchor, tokens} = context
  if (day > daysInMonth(year ?? 2000, month)) return undefined
  if (year !== undefined) {
    return {end, type: 'DATE', value: yearValue(year) + '-' + pad(month) + '-' + pad(day), granularity: 'day', relative: false}
  }
  const resolved = anchor.day === undefined ? anchor.year : resolveMonthDay(anchor.day, month, day, direction(tokens, index, end))
  const value = (resolved === undefined ? 'XXXX' : yearValue(resolved)) + '-' + pad(month) + '-' + pad(day)
  return {end, type: 'DATE', value, granularity: 'day', relative: true}
}

/**
 * A part of a day (`Friday afternoon`, `tonight`): a TIME.
 *
 * @param end
 *   Index after the expression.
 * @param day
 *   Epoch day, if known.
 * @param part
 *   `MO`, `AF`, `EV` or `NI`.
 * @param weekday
 *   Weekday, for an underspecified value.
 * @returns
 *   Expression.
 */
function timeOfDay(end: number, day: number | undefined, part: string, weekday?: number): Found {
  return {end, type: 'TIME', value: dayValue(day, weekday) + 'T' + part, granularity: 'time-of-day', relative: true}
}

/**
 * Direction of the clause around an expression: `-1` past, `1` future,
 * `0` unknown. The nearest tense cue wins; cues after the expression count
 * as a little farther away.
 *
 * @param tokens
 *   Tokens.
 * @param start
 *   Index of the first token of the expression.
 * @param end
 *   Index after it.
 * @returns
 *   Direction.
 */
function direction(tokens: readonly Token[], start: number, end: number): -1 | 0 | 1 {
  const sentence = tokens[start]?.sentence
  let best: -1 | 0 | 1 = 0
  let distance = Number.POSITIVE_INFINITY
  for (let index = start - 1; index >= 0 && start - index <= tenseWindow; index--) {
    const token = tokens[index] as Token
    if (token.sentence !== sentence) break
    const cue = tenseCue(tokens, index)
    if (cue !== 0) {
      best = cue
      distance = start - index
      break
    }
  }
  for (let index = end; index < tokens.length && index - end + 3 < distance; index++) {
    const token = tokens[index] as Token
    if (token.sentence !== sentence) break
    // `post Thursday evening, saying they would …`: a cue before wins over one in the next clause.
    if (best !== 0 && clauseMarks.has(token.text)) break
    const cue = tenseCue(tokens, index)
    if (cue !== 0) return cue
  }
  return best
}

/**
 * Tense a token signals.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Token index.
 * @returns
 *   `-1` past, `1` future, `0` none.
 */
function tenseCue(tokens: readonly Token[], index: number): -1 | 0 | 1 {
  const token = tokens[index] as Token
  if (token.kind !== 'word') return 0
  const word = token.lower
  if (futureCues.has(word)) {
    const next = lower(tokens, index + 1)
    if (word === 'll') return lower(tokens, index - 1) === '’' || lower(tokens, index - 1) === '\'' ? 1 : 0
    if (plainFutureCues.has(word)) return 1
    // `is due to visit`, not `due to rain`.
    if (word === 'due' && !beForms.has(lower(tokens, index - 1))) return 0
    // `set to`, `plans to`, `expected to`, `scheduled for`.
    return next === 'to' || next === 'for' ? 1 : 0
  }
  if (futureBeforeTo.has(word) && lower(tokens, index + 1) === 'to') return 1
  const past = pastVerbs.has(word) || (word.length > 4 && word.endsWith('ed') && !notPastVerbs.has(word) && !token.capital)
  if (!past) return 0
  // `will be held`, `to be signed`: a participle; the cue is further back.
  const before = lower(tokens, index - 1)
  return before === 'be' || before === 'being' ? 0 : -1
}

/**
 * Year of a month mentioned without one.
 *
 * @param anchor
 *   Anchor with a day.
 * @param month
 *   Month number.
 * @param shift
 *   Direction (`-1` past, `1` future, `0` the nearest).
 * @param strict
 *   Whether the anchor's own month is excluded (`last August` in August is a year ago).
 * @returns
 *   Year.
 */
function resolveMonth(anchor: Anchor, month: number, shift: number, strict: boolean): number {
  const year = anchor.year as number
  if (anchor.day === undefined) return year
  const current = civil(anchor.day).month
  if (strict) {
    if (shift < 0) return month < current ? year : year - 1
    return month > current ? year : year + 1
  }
  // A month a little on the wrong side of the anchor is this year's: the tense cue is
  // more often wrong than the event a year away (`payable Dec. 7` in an October story).
  if (shift < 0) return month - current > 1 ? year - 1 : year
  if (shift > 0) return current - month > 1 ? year + 1 : year
  if (month - current > 6) return year - 1
  if (current - month > 6) return year + 1
  return year
}

/**
 * Epoch day of a weekday mentioned without a date.
 *
 * @param day
 *   Anchor epoch day.
 * @param weekday
 *   ISO weekday.
 * @param shift
 *   Direction (`0` counts as past: news report what happened).
 * @param strict
 *   Whether the anchor day itself is excluded (`last Friday` on a Friday).
 * @returns
 *   Epoch day.
 */
function resolveWeekday(day: number, weekday: number, shift: number, strict: boolean): number {
  const current = weekdayOf(day)
  if (current === weekday && !strict) return day
  if (shift > 0) return day + ((weekday - current + 7) % 7 || 7)
  return day - ((current - weekday + 7) % 7 || 7)
}

/**
 * Year of a month and day mentioned without a year.
 *
 * @param day
 *   Anchor epoch day.
 * @param month
 *   Month number.
 * @param date
 *   Day of the month.
 * @param shift
 *   Direction (`0`: the nearest one).
 * @returns
 *   Year.
 */
function resolveMonthDay(day: number, month: number, date: number, shift: number): number {
  const year = civil(day).year
  const same = epochDay(year, month, date)
  // As for months: a date less than three months on the wrong side stays in the anchor's year.
  if (shift < 0) return same - day > 45 ? year - 1 : year
  if (shift > 0) return day - same > 45 ? year + 1 : year
  // Without tense: the occurrence within half a year of the anchor.
  if (same - day > 183) return year - 1
  if (day - same > 183) return year + 1
  return year
}

/**
 * TIMEX3 value of a season.
 *
 * @param anchor
 *   Anchor.
 * @param season
 *   Season code.
 * @param shift
 *   `-1` last, `0` this, `1` next.
 * @param bare
 *   Whether the season was named alone (its tense decides; the current one when it is on).
 * @returns
 *   Value.
 */
function seasonValue(anchor: Anchor, season: string, shift: number, bare = false): string {
  if (anchor.year === undefined) return 'XXXX-' + season
  if (anchor.day === undefined || shift === 0) return String(anchor.year) + '-' + season
  const month = civil(anchor.day).month
  const order = ['WI', 'SP', 'SU', 'FA']
  const current = month === 12 ? 4 : Math.floor(month / 3)
  const target = order.indexOf(season) === 0 ? 4 : order.indexOf(season)
  let year = anchor.year
  if (shift < 0) {
    if (target > current || (target === current && !bare)) year--
  } else if (target < current || (target === current && !bare)) {
    year++
  }
  return String(year) + '-' + season
}

/**
 * Value of the quarter `shift` quarters from the anchor's.
 *
 * @param day
 *   Anchor epoch day.
 * @param shift
 *   Quarters to move.
 * @returns
 *   Value such as `2025-Q3`.
 */
function quarterValue(day: number, shift: number): string {
  const {year, month} = civil(day)
  const index = year * 4 + Math.floor((month - 1) / 3) + shift
  return yearValue(Math.floor(index / 4)) + '-Q' + String((index % 4) + 1)
}

/**
 * Read a count: digits, number words (`thirty-five`, `twenty four`), `a`,
 * `a couple of`, `half a`, or a vague quantity (`many`, `a few`).
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Token index.
 * @returns
 *   Value (`undefined` when vague) and the index after it.
 */
function readQuantity(tokens: readonly Token[], index: number): {value: number | undefined; end: number} | undefined {
  const token = tokens[index]
  if (!token) return undefined
  const word = token.lower
  if (token.kind === 'number') {
    // `the 1988 quarter` is a year.
    if (token.text.length > 3) return undefined
    // `1,000 years` and `1.5 years`.
    const next = tokens[index + 1]
    if (next && next.gap === 0 && next.text === '.' && tokens[index + 2]?.kind === 'number' && tokens[index + 2]?.gap === 0) {
      return {value: Number(token.text + '.' + (tokens[index + 2] as Token).text), end: index + 3}
    }
    if (next && next.gap === 0 && (next.text === ',' || next.text === '.' || next.text === ':')) {
      if (tokens[index + 2]?.kind === 'number' && tokens[index + 2]?.gap === 0) return undefined
    }
    const before = tokens[index - 1]
    if (before && before.gap === 0 && (before.text === '.' || before.text === ',' || before.text === ':') && tokens[index - 2]?.kind === 'number') return undefined
    return withHalf(tokens, Number(token.text), index + 1)
  }
  if (word === 'a' || word === 'an') {
    const next = lower(tokens, index + 1)
    if (next === 'few') return {value: undefined, end: index + 2}
    if (next === 'couple' && lower(tokens, index + 2) === 'of') return {value: 2, end: index + 3}
    if (next === 'dozen') return {value: 12, end: index + 2}
    if (next === 'hundred') return {value: 100, end: index + 2}
    if (next === 'half' && lower(tokens, index + 2) === 'dozen') return {value: 6, end: index + 3}
    return {value: 1, end: index + 1}
  }
  if (word === 'half' && (lower(tokens, index + 1) === 'a' || lower(tokens, index + 1) === 'an')) return {value: 0.5, end: index + 2}
  if (word === 'couple' && lower(tokens, index + 1) === 'of') return {value: 2, end: index + 2}
  if (vagueQuantities.has(word)) return {value: undefined, end: index + 1}
  const tens = numberWords.get(word)
  if (tens === undefined) return undefined
  let value = tens
  let end = index + 1
  // `Thirty-five`, `twenty four`.
  if (tens >= 20 && tens % 10 === 0) {
    const hyphen = lower(tokens, end) === '-' && tokens[end]?.gap === 0 && tokens[end + 1]?.gap === 0
    const unit = numberWords.get(lower(tokens, hyphen ? end + 1 : end))
    if (unit !== undefined && unit < 10 && (hyphen || joined(tokens, end))) {
      value += unit
      end = hyphen ? end + 2 : end + 1
    }
  }
  if (lower(tokens, end) === 'hundred') {
    value *= 100
    end++
  }
  return withHalf(tokens, value, end)
}

/**
 * Add `and a half` after a count (`two and a half years`).
 *
 * @param tokens
 *   Tokens.
 * @param value
 *   Count.
 * @param end
 *   Index after the count.
 * @returns
 *   Count and index after it.
 */
function withHalf(tokens: readonly Token[], value: number, end: number): {value: number; end: number} {
  const after = phrase(tokens, end, ['and', 'a', 'half'])
  if (after !== -1 && units.has(lower(tokens, after))) return {value: value + 0.5, end: after}
  return {value, end}
}

/**
 * Read a day of the month: `27`, `27th`, `8th`.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Token index.
 * @returns
 *   Day and index after it.
 */
function readDayNumber(tokens: readonly Token[], index: number): {value: number; end: number} | undefined {
  const token = tokens[index]
  if (!token || token.kind !== 'number' || token.text.length > 2 || token.gap === 2) return undefined
  const value = Number(token.text)
  if (value < 1 || value > 31) return undefined
  let end = index + 1
  const suffix = lower(tokens, end)
  if (tokens[end]?.gap === 0 && (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th')) end++
  // `27:30` or `27.5` is no day.
  const next = tokens[end]
  if (next && next.gap === 0 && (next.text === ':' || next.text === '.') && tokens[end + 1]?.kind === 'number' && tokens[end + 1]?.gap === 0) {
    return undefined
  }
  return {value, end}
}

/**
 * Read an ordinal: `third`, `20th`, `twenty-first`.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Token index.
 * @returns
 *   Value and index after it.
 */
function readOrdinal(tokens: readonly Token[], index: number): {value: number; end: number} | undefined {
  const token = tokens[index]
  if (!token) return undefined
  if (token.kind === 'number') {
    const suffix = lower(tokens, index + 1)
    if (tokens[index + 1]?.gap === 0 && (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th')) {
      return {value: Number(token.text), end: index + 2}
    }
    return undefined
  }
  const simple = ordinalWords.get(token.lower)
  if (simple !== undefined) return {value: simple, end: index + 1}
  const tens = numberWords.get(token.lower)
  if (tens !== undefined && tens >= 20 && lower(tokens, index + 1) === '-') {
    const unit = ordinalWords.get(lower(tokens, index + 2))
    if (unit !== undefined && unit < 10) return {value: tens + unit, end: index + 3}
  }
  return undefined
}

/**
 * Read a year after a date: four digits that {@link isYear} accepts.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Token index.
 * @returns
 *   Year and index after it.
 */
function readYear(tokens: readonly Token[], index: number): {value: number; end: number} | undefined {
  const token = tokens[index]
  if (!token || token.kind !== 'number' || token.text.length !== 4 || token.gap === 2 || !isYear(tokens, index)) return undefined
  const value = Number(token.text)
  if (value < 1000 || value > 2199) return undefined
  return {value, end: index + 1}
}

/**
 * Whether a four-digit number reads as a year (`in 2023`) rather than a
 * count (`2000 people`, `$1500`, `1,2000`).
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Index of the number.
 * @returns
 *   Whether it is a year.
 */
function isYear(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token
  const value = Number(token.text)
  if (value < 1000 || value > 2199) return false
  const before = tokens[index - 1]
  if (before && token.gap === 0 && /^[$€£#.,:/-]$/.test(before.text)) {
    if (before.text !== '-' || tokens[index - 2]?.kind === 'number') return false
  }
  const next = tokens[index + 1]
  if (next && next.gap === 0 && /^[%.,:/]$/.test(next.text) && tokens[index + 2]?.kind === 'number' && tokens[index + 2]?.gap === 0) return false
  if (next && next.gap === 0 && (next.text === '%' || next.kind === 'word')) return false
  if (next && countNouns.has(next.lower)) return false
  if (before && (before.text === '$' || before.text === '€' || before.text === '£')) return false
  return true
}

/**
 * `2025-08-08` and `8/8/2025` (month first).
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Index of the first number.
 * @returns
 *   Expression, or `undefined`.
 */
function isoDate(tokens: readonly Token[], index: number): Found | undefined {
  const parts: string[] = []
  let separator = ''
  let position = index
  for (;;) {
    const token = tokens[position]
    if (!token || token.kind !== 'number' || (position > index && token.gap !== 0)) break
    parts.push(token.text)
    position++
    const mark = tokens[position]
    if (parts.length === 3 || !mark || mark.gap !== 0 || !(mark.text === '-' || mark.text === '/')) break
    if (separator && mark.text !== separator) break
    separator = mark.text
    position++
  }
  if (parts.length !== 3) return undefined
  const [first, second, third] = parts as [string, string, string]
  let year: number
  let month: number
  let day: number
  if (separator === '-' && first.length === 4 && second.length === 2 && third.length === 2) {
    year = Number(first)
    month = Number(second)
    day = Number(third)
  } else if (separator === '/' && third.length === 4 && first.length <= 2 && second.length <= 2) {
    year = Number(third)
    month = Number(first)
    day = Number(second)
  } else {
    return undefined
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return {end: position, type: 'DATE', value: yearValue(year) + '-' + pad(month) + '-' + pad(day), granularity: 'day', relative: false}
}

/**
 * Whether a token is a time zone abbreviation (`GMT`, `ET`).
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Token index.
 * @returns
 *   Whether it is one.
 */
function isTimeZone(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]
  return token !== undefined && token.gap === 1 && timeZones.has(token.lower) && token.text === token.text.toUpperCase()
}

/**
 * Read `a.m.`, `p.m.`, `am`, `pm`.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Token index.
 * @returns
 *   Whether it is after noon and the index after it.
 */
function readMeridiem(tokens: readonly Token[], index: number): {afternoon: boolean; end: number} | undefined {
  const word = lower(tokens, index)
  if (!joined(tokens, index)) return undefined
  if (word === 'am' || word === 'pm') return {afternoon: word === 'pm', end: index + 1}
  if ((word === 'a' || word === 'p') && lower(tokens, index + 1) === '.' && lower(tokens, index + 2) === 'm' && tokens[index + 2]?.gap === 0) {
    const end = lower(tokens, index + 3) === '.' && tokens[index + 3]?.gap === 0 ? index + 4 : index + 3
    return {afternoon: word === 'p', end}
  }
  return undefined
}

/**
 * Whether a month token is used as a month: capitalised, an abbreviation
 * only with its period or a number, `May` and `March` only in date context.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Index of the month token.
 * @param afterDay
 *   Whether a day number comes before it (`3 May`).
 * @returns
 *   Whether it names a month.
 */
function isMonthName(tokens: readonly Token[], index: number, afterDay = false): boolean {
  const token = tokens[index] as Token
  if (!token.capital) return false
  const next = tokens[index + 1]
  const numberFollows = (next?.kind === 'number' && next.gap === 1) || (next?.text === '.' && tokens[index + 2]?.kind === 'number')
  if (isAbbreviation(token.lower)) return (next?.text === '.' && next.gap === 0) || numberFollows
  if (ambiguousMonths.has(token.lower)) {
    if (numberFollows || afterDay) return true
    return monthContext.has(lower(tokens, index - 1)) && (tokens[index - 1]?.sentence === token.sentence)
  }
  return true
}

/**
 * Whether a month without day or year stands as a date: not the first name
 * in `August Wilson` or `June Carter`.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Index of the month token.
 * @param end
 *   Index after it.
 * @returns
 *   Whether it is a date.
 */
function monthAlone(tokens: readonly Token[], index: number, end: number): boolean {
  const next = tokens[end]
  if (monthContext.has(lower(tokens, index - 1))) return true
  if (next && next.capital && next.gap === 1 && !weekdays.has(next.lower) && !months.has(next.lower)) return false
  return true
}

/**
 * Whether a weekday token is used as a weekday: capitalised, an abbreviation only with its period.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Index of the weekday token.
 * @returns
 *   Whether it names a weekday.
 */
function isWeekdayName(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token
  if (!token.capital) return false
  const before = lower(tokens, index - 1)
  // `Fri.`, but not `The Sun.` (a newspaper).
  if (!token.lower.endsWith('day')) return lower(tokens, index + 1) === '.' && tokens[index + 1]?.gap === 0 && before !== 'the'
  // `Black Friday`, `Good Friday`: names of their own.
  return before !== 'black' && before !== 'good' && before !== 'cyber'
}

/**
 * Skip the period of an abbreviation (`Aug.`, `Fri.`).
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Index after the word.
 * @param word
 *   The word (lower case).
 * @returns
 *   Index after the period, if it belongs to the word.
 */
function skipPeriod(tokens: readonly Token[], index: number, word: string): number {
  if (lower(tokens, index) !== '.' || tokens[index]?.gap !== 0) return index
  // `in May.` ends the sentence; `Sept. 30` and `Fri.` keep their period.
  return isAbbreviation(word) ? index + 1 : index
}

/**
 * Whether a month or weekday word is an abbreviation (`Sept`, `Thurs`).
 *
 * @param word
 *   Lower-case word.
 * @returns
 *   Whether it is shortened.
 */
function isAbbreviation(word: string): boolean {
  if (weekdays.has(word)) return !word.endsWith('day')
  return months.has(word) && !monthNames.has(word)
}

/**
 * Lower-case text of a token, or `''` past the end.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Token index.
 * @returns
 *   Text.
 */
function lower(tokens: readonly Token[], index: number): string {
  return tokens[index]?.lower ?? ''
}

/**
 * Whether a token continues the expression before it: it exists and is on the same line.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Token index.
 * @returns
 *   Whether it can extend an expression.
 */
function joined(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]
  return token !== undefined && token.gap !== 2
}

/**
 * Match a sequence of lower-case words on one line.
 *
 * @param tokens
 *   Tokens.
 * @param index
 *   Index of the first token.
 * @param words
 *   Words.
 * @returns
 *   Index after the sequence, or `-1`.
 */
function phrase(tokens: readonly Token[], index: number, words: readonly string[]): number {
  // An index loop: `entries()` allocated an iterator and a pair per word, on
  // every `the` of the text (18 modifiers start with it).
  for (let offset = 0; offset < words.length; offset++) {
    const token = tokens[index + offset]
    if (!token || token.lower !== words[offset] || (offset > 0 && token.gap === 2)) return -1
  }
  return index + words.length
}

/**
 * TIMEX3 value of a duration.
 *
 * @param amount
 *   Count (`undefined` when vague).
 * @param unit
 *   Unit designator from `units`.
 * @returns
 *   Value such as `P35Y`, `PXDE`, `PT2H`, `P18M`.
 */
function durationValue(amount: number | undefined, unit: string): string {
  let count = amount
  let designator = unit
  if (designator === 'FN') {
    designator = 'W'
    count = count === undefined ? undefined : count * 2
  }
  if (count !== undefined && !Number.isInteger(count)) {
    // `a year and a half` is `P18M`, `half a century` is `P50Y`.
    const smaller: Record<string, [string, number]> = {Y: ['M', 12], DE: ['Y', 10], CE: ['Y', 100], D: ['TH', 24], W: ['D', 7], TH: ['TM', 60]}
    const step = smaller[designator]
    if (step && Number.isInteger(count * step[1])) {
      count *= step[1]
      designator = step[0]
    }
  }
  const time = designator.startsWith('T')
  return 'P' + (time ? 'T' : '') + (count === undefined ? 'X' : String(count)) + (time ? designator.slice(1) : designator)
}

/**
 * Granularity of a unit designator.
 *
 * @param unit
 *   Designator from `units` (`Y`, `DE`, `TH`, …).
 * @returns
 *   Granularity.
 */
function unitGranularity(unit: string): Granularity {
  const names: Record<string, Granularity> = {
    CE: 'century',
    D: 'day',
    DE: 'decade',
    FN: 'week',
    M: 'month',
    ML: 'millennium',
    Q: 'quarter',
    TH: 'hour',
    TM: 'minute',
    TS: 'second',
    W: 'week',
    WE: 'week',
    Y: 'year'
  }
  return names[unit] ?? 'day'
}

/**
 * The ISO interval (first and last day) a resolved TIMEX3 value names.
 *
 * @param value
 *   TIMEX3 value.
 * @returns
 *   First and last day, or `undefined` for durations, sets, references and underspecified values.
 */
export function isoInterval(value: string): [string, string] | undefined {
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value)
  if (match) return [value.slice(0, 10), value.slice(0, 10)]
  match = /^(\d{4})(?:-(\d{2}|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI)(-WE)?)?$/.exec(value)
  if (match) {
    const year = Number(match[1])
    const part = match[2]
    if (part === undefined) return [dayValue(epochDay(year, 1, 1)), dayValue(epochDay(year, 12, 31))]
    if (/^\d\d$/.test(part)) {
      const month = Number(part)
      return [dayValue(epochDay(year, month, 1)), dayValue(epochDay(year, month, daysInMonth(year, month)))]
    }
    if (/^W\d/.test(part)) {
      const monday = isoWeekMonday(year, Number(part.slice(1)))
      return match[3] ? [dayValue(monday + 5), dayValue(monday + 6)] : [dayValue(monday), dayValue(monday + 6)]
    }
    if (part.startsWith('Q') || part.startsWith('H')) {
      const size = part.startsWith('Q') ? 3 : 6
      const first = (Number(part.slice(1)) - 1) * size + 1
      const last = first + size - 1
      return [dayValue(epochDay(year, first, 1)), dayValue(epochDay(year, last, daysInMonth(year, last)))]
    }
    // Meteorological seasons; winter 2025 runs from December 2024 to February 2025.
    const seasonMonths: Record<string, [number, number, number]> = {SP: [0, 3, 5], SU: [0, 6, 8], FA: [0, 9, 11], WI: [-1, 12, 2]}
    const [offset, first, last] = seasonMonths[part] as [number, number, number]
    return [dayValue(epochDay(year + offset, first, 1)), dayValue(epochDay(year, last, daysInMonth(year, last)))]
  }
  match = /^(\d{2,3})(X{1,2})$/.exec(value)
  if (match && (match[1] as string).length + (match[2] as string).length === 4) {
    const size = (match[2] as string).length === 1 ? 10 : 100
    const first = Number(match[1]) * size
    return [dayValue(epochDay(first, 1, 1)), dayValue(epochDay(first + size - 1, 12, 31))]
  }
  return undefined
}

/**
 * Parse an ISO date (`2025-08-08`) or a year (`2025`) into an anchor.
 *
 * @param value
 *   Date or year.
 * @returns
 *   Anchor, or `undefined` when it is no valid date.
 */
function parseAnchor(value: string): Anchor | undefined {
  const match = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(value)
  if (!match) return undefined
  const year = Number(match[1])
  if (match[2] === undefined) return {year}
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return {year, day: epochDay(year, month, day)}
}

/**
 * Offset of the end of the first `count` non-empty lines.
 *
 * @param text
 *   Text.
 * @param count
 *   Lines.
 * @returns
 *   Offset.
 */
function lineEnd(text: string, count: number): number {
  let seen = 0
  let offset = 0
  while (offset < text.length) {
    const next = text.indexOf('\n', offset)
    const end = next === -1 ? text.length : next
    if (end > offset) seen++
    if (seen === count) return end
    offset = end + 1
  }
  return text.length
}

/**
 * Days since 1970-01-01 of a calendar date.
 *
 * @param year
 *   Year.
 * @param month
 *   Month (1–12).
 * @param day
 *   Day of the month.
 * @returns
 *   Epoch day.
 */
function epochDay(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(2000, month - 1, day))
  date.setUTCFullYear(year)
  return Math.floor(date.getTime() / 86_400_000)
}

/**
 * Calendar date of an epoch day.
 *
 * @param day
 *   Epoch day.
 * @returns
 *   Year, month and day of the month.
 */
function civil(day: number): {year: number; month: number; date: number} {
  const value = new Date(day * 86_400_000)
  return {year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, date: value.getUTCDate()}
}

/**
 * ISO weekday (Monday 1 … Sunday 7) of an epoch day.
 *
 * @param day
 *   Epoch day.
 * @returns
 *   Weekday.
 */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1
}

/**
 * Epoch day of the Monday of an ISO week.
 *
 * @param year
 *   ISO week-numbering year.
 * @param week
 *   Week number.
 * @returns
 *   Epoch day.
 */
function isoWeekMonday(year: number, week: number): number {
  const january4 = epochDay(year, 1, 4)
  return january4 - weekdayOf(january4) + 1 + (week - 1) * 7
}

/**
 * Number of days in a month.
 *
 * @param year
 *   Year.
 * @param month
 *   Month.
 * @returns
 *   Days.
 */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return monthLengths[month - 1] ?? 0
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Month `shift` months from an epoch day's month.
 *
 * @param day
 *   Epoch day.
 * @param shift
 *   Months to move.
 * @returns
 *   Year and month.
 */
function addMonths(day: number, shift: number): [number, number] {
  const {year, month} = civil(day)
  const index = year * 12 + month - 1 + shift
  return [Math.floor(index / 12), (index % 12) + 1]
}

/**
 * Zero-pad to two digits.
 *
 * @param value
 *   Number.
 * @returns
 *   Text.
 */
function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/**
 * Four-digit year value, `XXXX` when unknown.
 *
 * @param year
 *   Year, if known.
 * @returns
 *   Value.
 */
function yearValue(year: number | undefined): string {
  return year === undefined ? 'XXXX' : String(year).padStart(4, '0')
}

/**
 * Month value (`2025-03`).
 *
 * @param year
 *   Year.
 * @param month
 *   Month.
 * @returns
 *   Value.
 */
function monthValue(year: number, month: number): string {
  return yearValue(year) + '-' + pad(month)
}

/**
 * Day value (`2025-08-08`), or an underspecified one (`XXXX-WXX-5`, `XXXX-XX-XX`).
 *
 * @param day
 *   Epoch day, if known.
 * @param weekday
 *   Weekday, for the underspecified value.
 * @returns
 *   Value.
 */
function dayValue(day: number | undefined, weekday?: number): string {
  if (day === undefined) return weekday === undefined ? 'XXXX-XX-XX' : 'XXXX-WXX-' + String(weekday)
  const {year, month, date} = civil(day)
  return yearValue(year) + '-' + pad(month) + '-' + pad(date)
}

/**
 * ISO week value (`2025-W33`), `XXXX-WXX` when unknown.
 *
 * @param day
 *   Epoch day in the week, if known.
 * @returns
 *   Value.
 */
function weekValue(day: number | undefined): string {
  if (day === undefined) return 'XXXX-WXX'
  const thursday = day - weekdayOf(day) + 4
  const year = civil(thursday).year
  const week = Math.floor((thursday - epochDay(year, 1, 1)) / 7) + 1
  return yearValue(year) + '-W' + pad(week)
}
