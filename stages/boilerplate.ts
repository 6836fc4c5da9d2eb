import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {applyEdits, decoded, lineKey, removeLines, sourcePlace, splitLines, type LineRemoval, type TextEdit} from '../pipeline/record.js'
import {
  agencies,
  bulletPattern,
  bullets,
  copyrightMarkPattern,
  creditFillers,
  creditLabelPattern,
  creditPattern,
  inlineCreditHint,
  inlineCreditPattern,
  closingLabelCreditPattern,
  linePatterns,
  narrativeCuePattern,
  newsletterHint,
  newsletterTemplates,
  outletDomains,
  outletWords,
  signOffs,
  stopwords,
  synonyms,
  textPattern,
  type BoilerplateKind
} from './boilerplate-list.js'

export type {BoilerplateKind} from './boilerplate-list.js'

/** A line (or inline span) the stage classified as boilerplate. */
export interface BoilerplateFinding {
  /** 1-based line in the raw file. */
  readonly line: number
  /** 1-based column in the raw line (code points); `1` for whole lines. */
  readonly column: number
  readonly kind: BoilerplateKind
  /** Rule id (the `rule` column of `edits.csv`). */
  readonly rule: string
  /** The removed text. */
  readonly text: string
}

/** A metadata value with where it came from (`manifest`, `headline`, `copyright-line`, …). */
export interface Sourced<Value> {
  readonly value: Value
  readonly source: string
}

/** Article metadata: manifest values, else what the text states. */
export interface ArticleMetadata {
  title?: Sourced<string>
  outlet?: Sourced<string>
  agency?: Sourced<string>
  byline?: Sourced<string>
  photoCredits?: Sourced<string[]>
  copyrightYear?: Sourced<number>
}

declare module 'vfile' {
  interface DataMap {
    /** Boilerplate removed from the text, in reading order; set by `boilerplate`. */
    boilerplate: BoilerplateFinding[]
    /** Title, outlet, agency, byline, photo credits and copyright year; set by `boilerplate`. */
    articleMetadata: ArticleMetadata
  }
}

/** Configuration for {@link boilerplate}. */
export interface Options {
  /** Fewest documents of the drop a line must be in to count as template text (default: `3`). */
  readonly repeatedDocuments?: number | undefined
  /** Fewest times a short line must repeat in one document to count as template text (default: `3`). */
  readonly repeatedLines?: number | undefined
  /** Least share of a newsletter template's content words a line must hold to match it (default: `0.6`). */
  readonly similarity?: number | undefined
}

/** Most characters of a line the template patterns look at; longer lines are body paragraphs. */
const patternLength = 320
/** Most words of a line matched against newsletter templates. */
const fuzzyWords = 40
/** Words counted in a line; a longer line (or one over `patternLength`) counts as this plus one. */
const countedWords = 60
/** Least share of a line's content words that must belong to the template it matches. */
const lineCoverage = 0.6

/** A line of the working text with the features the rules read. */
interface LineView {
  readonly start: number
  readonly end: number
  /** Trimmed text. */
  readonly text: string
  /** Text without a leading list dash or bullet (`- Story By …` -> `Story By …`). */
  readonly bare: string
  readonly words: number
  readonly blank: boolean
}

/** A classification of one line. */
interface Verdict {
  readonly kind: BoilerplateKind
  readonly rule: string
}

/** Anchored template families joined into one pattern, with the capture group of each. */
interface Screen {
  readonly pattern: RegExp
  readonly families: ReadonlyArray<{readonly index: number; readonly group: number}>
}

/** A newsletter template prepared for fuzzy matching. */
interface Template {
  readonly words: ReadonlySet<string>
}

// Most lines match no family: one anchored alternation per flag set rejects
// them in one test instead of one per family, and names the family when one
// matches. Hinted and unanchored families are tried on their own.
const screened = linePatterns.map((family) => family.hint === undefined && family.pattern.source.startsWith('^'))
const screens = screenPatterns()
const templates: readonly Template[] = newsletterTemplates.map((template) => ({words: contentWords(template)}))
const templateIndex = indexTemplates(templates)
const datelinePattern = /^(?!FILE\b)[\p{Lu}][\p{Lu} .'’-]{1,40}(?:,[^—–()\n]{1,30})?\s*(?:\([^)\n]{1,40}\))?\s*(?:—|–|--?)(?:\s|$)/u
const datelineAgencyPattern = /^[\p{Lu}][\p{Lu} .'’-]{1,40}(?:,[^—–()\n]{1,30})?\s*\(([^)\n]{1,40})\)\s*(?:—|–|--?)/u
const quotePattern = /^["“‘'«]/u
const quotationPattern = /["“”]/u
const listItemPattern = /^(?:\d{1,3}[.)]|[•*▪·])\s/u
const yearPattern = /\b(?:19|20)\d{2}\b/u
// Two to four whole capitalised words (`Anthony Zurcher`): a word is never cut
// in two, so a long run of capitals is tried once.
const namePattern = /^[\p{Lu}][\p{L}'’.-]+(?![\p{L}'’.-])(?: [\p{Lu}][\p{L}'’.-]+(?![\p{L}'’.-])){1,3}$/u
const closingCreditPattern = new RegExp('(?:' + inlineCreditPattern.source + ')\\s*$', 'u')
const domainPattern = /([\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,})\s*$/iu

/**
 * Remove boilerplate lines (newsletter prompts, photo captions and credits,
 * copyright lines, sign-offs, contact lines, tags, ads, share and related
 * links, timestamps, player strings, separators, footers) and inline photo
 * credits, and record the article metadata they state.
 *
 * Lines are matched against template families (`boilerplate-list.ts`),
 * newsletter templates (fuzzily, so spun prompts match), and repetition
 * across the drop (`file.data.dropLineCounts`) and inside the document.
 * Headlines, section headings, datelines, quotations and list items are
 * kept. Sets `file.data.boilerplate` and `file.data.articleMetadata`;
 * manifest values (`file.data.metadata`) win over inferred ones.
 */
export const boilerplate: Plugin<[(Options | undefined)?], Root> = function (options) {
  const repeatedDocuments = options?.repeatedDocuments ?? 3
  const repeatedLines = options?.repeatedLines ?? 3
  const similarity = options?.similarity ?? 0.6

  if (!(Number.isInteger(repeatedDocuments) && repeatedDocuments >= 2)) {
    throw new TypeError('Expected `repeatedDocuments` to be an integer >= 2, got `' + repeatedDocuments + '`')
  }
  if (!(Number.isInteger(repeatedLines) && repeatedLines >= 2)) {
    throw new TypeError('Expected `repeatedLines` to be an integer >= 2, got `' + repeatedLines + '`')
  }
  if (!(typeof similarity === 'number' && similarity > 0 && similarity <= 1)) {
    throw new TypeError('Expected `similarity` to be a number above 0 and at most 1, got `' + similarity + '`')
  }

  return function (_, file) {
    const {text} = decoded(file)
    const lines = splitLines(text).map((line) => view(text, line.start, line.end))
    const verdicts: Array<Verdict | undefined> = lines.map((line) => classify(line, similarity))
    const filled: number[] = []
    for (let index = 0; index < lines.length; index++) if (!(lines[index] as LineView).blank) filled.push(index)

    markSignOff(lines, verdicts, filled)
    const title = headline(lines, verdicts, filled)
    const kept = (index: number) => index !== title && !protect(lines[index] as LineView)
    markCaptions(lines, verdicts, filled, kept)
    markRepeats(file, lines, verdicts, kept, repeatedDocuments, repeatedLines)
    markTrailer(lines, verdicts, filled, kept)

    const findings: BoilerplateFinding[] = []
    const removals: LineRemoval[] = []
    const spans: TextEdit[] = []
    const credits: string[] = []
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] as LineView
      if (line.blank) continue
      const verdict = verdicts[index]
      if (verdict) {
        removals.push({line: index, rule: verdict.rule})
        findings.push({line: sourcePlace(file, line.start).line, column: 1, kind: verdict.kind, rule: verdict.rule, text: line.text})
        if (verdict.kind === 'photo-credit') credits.push(stripParentheses(line.bare).replace(creditLabelPattern, ''))
        if (verdict.kind === 'photo-caption') {
          for (const span of inlineCredits(text, line)) credits.push(stripParentheses(text.slice(span.credit, span.end)))
          const labelled = closingLabelCreditPattern.exec(line.text)
          if (labelled) credits.push((labelled[1] as string).replace(/\.$/u, ''))
        }
        continue
      }
      for (const span of inlineCredits(text, line)) {
        spans.push({start: span.start, end: span.end, after: '', rule: 'photo-credit-inline'})
        const spanPlace = sourcePlace(file, span.credit)
        findings.push({line: spanPlace.line, column: spanPlace.column, kind: 'photo-credit', rule: 'photo-credit-inline', text: text.slice(span.credit, span.end)})
        credits.push(stripParentheses(text.slice(span.credit, span.end)))
      }
    }

    file.data.articleMetadata = describe(file, lines, verdicts, filled, title, credits)
    file.data.boilerplate = findings
    // Spans sit inside kept lines and hold no line break, so line indices stay valid.
    applyEdits(file, 'boilerplate', spans)
    removeLines(file, 'boilerplate', removals)
  }
}

/**
 * Features of one line.
 *
 * @param text
 *   Working text.
 * @param start
 *   Line start.
 * @param end
 *   Line end.
 * @returns
 *   Line view.
 */
function view(text: string, start: number, end: number): LineView {
  const trimmed = text.slice(start, end).trim()
  if (trimmed.length > patternLength) return {start, end, text: trimmed, bare: trimmed, words: countedWords + 1, blank: false}
  const bare = bullets.has(trimmed.charAt(0)) ? trimmed.replace(bulletPattern, '') : trimmed
  let words = 0
  let inWord = false
  for (let index = 0; index < trimmed.length && words <= countedWords; index++) {
    const space = trimmed.charCodeAt(index) === 32
    if (!space && !inWord) words++
    inWord = !space
  }
  return {start, end, text: trimmed, bare, words, blank: trimmed === ''}
}

/**
 * Classify a line on its own: template families, lone credits, newsletter
 * templates.
 *
 * @param line
 *   Line.
 * @param similarity
 *   Least template coverage for a fuzzy newsletter match.
 * @returns
 *   Verdict, or `undefined` for body (so far).
 */
function classify(line: LineView, similarity: number): Verdict | undefined {
  if (line.blank) return undefined
  // Only dashes, bullets, rules or symbols (`___`, `* * *`, `—`, `…`), at any
  // length: no article text, and slow for the sentence parser.
  if (!textPattern.test(line.text)) return {kind: 'other', rule: 'separator'}
  if (line.text.length > patternLength) return undefined
  const verdict = match(line, similarity)
  // A dateline (`DUNNIGAN, Calif. —`) or a quotation is body whatever it holds.
  return verdict && !protect(line) ? verdict : undefined
}

/**
 * Template family, lone credit or newsletter template a line matches.
 *
 * @param line
 *   Line of at most `patternLength` characters.
 * @param similarity
 *   Least template coverage for a fuzzy newsletter match.
 * @returns
 *   Verdict, or `undefined`.
 */
function match(line: LineView, similarity: number): Verdict | undefined {
  // The group that took part in a screen's match names the first family that matches.
  let first = linePatterns.length
  for (const screen of screens) {
    const result = screen.pattern.exec(line.bare)
    const family = result ? screen.families.find((item) => result[item.group] !== undefined) : undefined
    if (family && family.index < first) first = family.index
  }
  for (const [index, family] of linePatterns.entries()) {
    if (index >= first) break
    if (!screened[index] && (family.hint === undefined || family.hint.test(line.bare)) && family.pattern.test(line.bare)) {
      return {kind: family.kind, rule: family.rule}
    }
  }
  const family = linePatterns[first]
  if (family) return {kind: family.kind, rule: family.rule}
  if (line.words <= 8 && creditPattern.test(stripParentheses(line.bare))) return {kind: 'photo-credit', rule: 'photo-credit'}
  if (line.words >= 3 && line.words <= fuzzyWords && newsletterHint.test(line.bare) && newsletterLike(line.bare, similarity)) {
    return {kind: 'newsletter', rule: 'newsletter-template'}
  }
  return undefined
}

/**
 * One anchored alternation of the screened families per set of flags, each
 * family in a capture group.
 *
 * @returns
 *   Screens.
 */
function screenPatterns(): Screen[] {
  const groups = new Map<string, {sources: string[]; families: Array<{index: number; group: number}>; next: number}>()
  for (const [index, family] of linePatterns.entries()) {
    if (!screened[index]) continue
    const entry = groups.get(family.pattern.flags) ?? {sources: [], families: [], next: 1}
    entry.sources.push('(' + family.pattern.source.slice(1) + ')')
    entry.families.push({index, group: entry.next})
    // Groups inside the family's own pattern come after its group.
    entry.next += 1 + ((new RegExp(family.pattern.source + '|', family.pattern.flags).exec('') as RegExpExecArray).length - 1)
    groups.set(family.pattern.flags, entry)
  }
  return [...groups].map(([flags, entry]) => ({pattern: new RegExp('^(?:' + entry.sources.join('|') + ')', flags), families: entry.families}))
}

/**
 * Whether a line is body that context rules must keep: a dateline, a
 * line that opens with a quotation mark, or a list item.
 *
 * @param line
 *   Line.
 * @returns
 *   Whether to keep it.
 */
function protect(line: LineView): boolean {
  return datelinePattern.test(line.text) || quotePattern.test(line.text) || listItemPattern.test(line.text)
}

/**
 * Turn a lone agency credit on the last line (`Reuter`, `AP`) into a sign-off.
 *
 * @param lines
 *   Lines.
 * @param verdicts
 *   Verdicts so far, changed in place.
 * @param filled
 *   Indices of non-blank lines.
 * @returns
 *   Nothing.
 */
function markSignOff(lines: readonly LineView[], verdicts: Array<Verdict | undefined>, filled: readonly number[]): void {
  const last = filled.at(-1)
  // Sign-offs are one short word: `Reuter`, `REUTER...`.
  if (last === undefined || (lines[last] as LineView).words > 1) return
  if (signOffs.has((lines[last] as LineView).bare.toLowerCase().replace(/[.\s]+$/u, ''))) {
    verdicts[last] = {kind: 'byline', rule: 'sign-off'}
  }
}

/**
 * Index of the headline: the first of the opening lines that reads like a
 * headline (short, no closing period). One prose line may come first (a
 * summary above the headline); a second one means the file starts with the
 * lede and has no headline.
 *
 * @param lines
 *   Lines.
 * @param verdicts
 *   Verdicts so far.
 * @param filled
 *   Indices of non-blank lines.
 * @returns
 *   Line index, or `undefined`.
 */
function headline(lines: readonly LineView[], verdicts: ReadonlyArray<Verdict | undefined>, filled: readonly number[]): number | undefined {
  let prose = 0
  for (const index of filled) {
    if (verdicts[index]) continue
    const line = lines[index] as LineView
    if (headlineLike(line)) return index
    prose++
    if (prose === 2) return undefined
  }
  return undefined
}

/**
 * Whether a line reads like a headline: 2 to 25 words, starts with a capital,
 * digit or quote, and does not end a sentence (a closing abbreviation such as
 * `D.C.` is fine).
 *
 * @param line
 *   Line.
 * @returns
 *   Whether it does.
 */
function headlineLike(line: LineView): boolean {
  if (line.words < 2 || line.words > 25 || line.text.length > 200) return false
  if (!/^[\p{Lu}\p{N}"“‘'«<([]/u.test(line.text)) return false
  if (/[,;:]$/u.test(line.text)) return false
  // A caption ends with its credit: `… arrives at the White House. (AFP via Getty Images)`.
  if (closingCredit(line)) return false
  if (/\.$/u.test(line.text) && !/(?:\b\p{Lu}\.){2,}$/u.test(line.text)) return false
  const dateline = datelinePattern.exec(line.text)
  if (!dateline) return true
  // `OPEC MAY HAVE TO MEET - ANALYSTS` is a headline; `WASHINGTON (AP) — The…` is not.
  const rest = line.text.slice(dateline[0].length)
  return rest !== '' && !/\p{Ll}/u.test(rest)
}

/**
 * Mark photo captions: a short line right above a lone credit line, in the
 * same block (`Trump joins … in Washington, D.C.` over `Reuters`), or a short
 * line that ends with its credit (`… speaks Friday. (AP Photo/Evan Vucci)`);
 * and a reporter's name right above their role line.
 *
 * @param lines
 *   Lines.
 * @param verdicts
 *   Verdicts, changed in place.
 * @param filled
 *   Indices of non-blank lines.
 * @param kept
 *   Whether context rules must keep a line.
 * @returns
 *   Nothing.
 */
function markCaptions(
  lines: readonly LineView[],
  verdicts: Array<Verdict | undefined>,
  filled: readonly number[],
  kept: (index: number) => boolean
): void {
  for (const index of filled) {
    const next = verdicts[index + 1]
    const line = lines[index] as LineView
    if (verdicts[index] || line.words > 50) continue
    // A reporter's name over their role: `Anthony Zurcher` / `North America correspondent`.
    if (next?.rule === 'byline-role' && namePattern.test(line.text) && kept(index)) {
      verdicts[index] = {kind: 'byline', rule: 'byline-name'}
      continue
    }
    const caption = !narrativeCuePattern.test(line.text) && (next?.rule === 'photo-credit' ? line.words >= 5 : closingCredit(line))
    if (caption && kept(index)) {
      verdicts[index] = {kind: 'photo-caption', rule: 'photo-caption'}
    }
  }
}

/**
 * Whether a line ends with a photo credit: `… in Washington. (AP Photo/Evan
 * Vucci)`, `… at the White House. Photograph: Evan Vucci/AP`.
 *
 * @param line
 *   Line.
 * @returns
 *   Whether it does.
 */
function closingCredit(line: LineView): boolean {
  if (/[)\]]$/u.test(line.text)) return closingCreditPattern.test(line.text)
  return closingLabelCreditPattern.test(line.text)
}

/**
 * Mark template text by repetition: a line held by several documents of the
 * drop (more than a syndicated copy of the story would explain), or a short
 * line repeated inside the document (`President.Az` under every photo).
 * Quotations are never template text, however often they are shared.
 *
 * @param file
 *   Document.
 * @param lines
 *   Lines.
 * @param verdicts
 *   Verdicts, changed in place.
 * @param kept
 *   Whether context rules must keep a line.
 * @param repeatedDocuments
 *   Fewest documents.
 * @param repeatedLines
 *   Fewest repeats inside the document.
 * @returns
 *   Nothing.
 */
function markRepeats(
  file: VFile,
  lines: readonly LineView[],
  verdicts: Array<Verdict | undefined>,
  kept: (index: number) => boolean,
  repeatedDocuments: number,
  repeatedLines: number
): void {
  // Short lines repeated in the document: a credit or desk name
  // (`President.Az`), a few words with no function words and no sentence.
  const local = new Map<string, number[]>()
  for (const [index, line] of lines.entries()) {
    if (line.blank || line.words > 3 || verdicts[index]) continue
    const holders = local.get(line.text) ?? []
    holders.push(index)
    local.set(line.text, holders)
  }
  for (const holders of local.values()) {
    const line = lines[holders[0] as number] as LineView
    if (holders.length < repeatedLines || tabular(line) || /[.!?]$/u.test(line.text) || stopwordShare(line.text) > 0) continue
    for (const index of holders) if (kept(index)) verdicts[index] = {kind: 'other', rule: 'repeated-in-document'}
  }

  const counts = file.data.dropLineCounts
  // A drop smaller than `repeatedDocuments` cannot repeat a line that often.
  if (!counts || (file.data.dropSize ?? 0) < repeatedDocuments) return
  const count = (line: LineView) => counts.get(lineKey(line.text)) ?? 1
  // A syndicated story shares every line with its copies: count from the
  // document's typical line (the median of about nine lines spread over
  // it), so only lines beyond it are template text.
  const filled = lines.filter((line) => !line.blank)
  const step = Math.max(1, Math.floor(filled.length / 9))
  const sample = filled.filter((_, position) => position % step === 0).map(count).sort((left, right) => left - right)
  const typical = sample[Math.floor((sample.length - 1) / 2)] ?? 1
  const least = repeatedDocuments + 2 * (typical - 1)

  for (const [index, line] of lines.entries()) {
    // Short lines (`Interview`, `Year`) are headings and table heads as often
    // as templates; short sentences (`Terms were not disclosed.`) are stock phrases.
    if (line.blank || verdicts[index] || line.words < 4 || (line.words < 8 && /[.!?]["”’]?$/u.test(line.text))) continue
    // A quotation shared by several articles is still the story's.
    if (line.text.length > patternLength || tabular(line) || quotationPattern.test(line.text)) continue
    if (count(line) >= least && kept(index)) verdicts[index] = {kind: 'other', rule: 'repeated-across-drop'}
  }
}

/**
 * Whether a line looks like a table row (`04/09/87 03/09/87`, `MATURITY
 * NEW RATE`, `Usage --`): digits, column gaps or an open end. Tables repeat
 * across documents and inside one without being template text.
 *
 * @param line
 *   Line.
 * @returns
 *   Whether it does.
 */
function tabular(line: LineView): boolean {
  return /\d| {2}|[-–—:,]$/u.test(line.text)
}

/**
 * Share of a line's words that are function words (`the`, `of`, …).
 *
 * @param value
 *   Line.
 * @returns
 *   Share from 0 to 1.
 */
function stopwordShare(value: string): number {
  const words = value.toLowerCase().split(/[^\p{L}'’]+/u).filter(Boolean)
  return words.length === 0 ? 0 : words.filter((word) => stopwords.has(word)).length / words.length
}

/**
 * Mark the lines under a closing label (`Tags`, `Related`, `Read more:`):
 * when every line from the label to the end of the file is short and no
 * sentence, the block is the label's list.
 *
 * @param lines
 *   Lines.
 * @param verdicts
 *   Verdicts, changed in place.
 * @param filled
 *   Indices of non-blank lines.
 * @param kept
 *   Whether context rules must keep a line.
 * @returns
 *   Nothing.
 */
function markTrailer(
  lines: readonly LineView[],
  verdicts: Array<Verdict | undefined>,
  filled: readonly number[],
  kept: (index: number) => boolean
): void {
  for (let position = filled.length - 1; position >= 0; position--) {
    const index = filled[position] as number
    const verdict = verdicts[index]
    if (verdict) {
      if (verdict.kind !== 'tags' && verdict.kind !== 'navigation') continue
      for (const after of filled.slice(position + 1)) {
        if (!verdicts[after]) verdicts[after] = {kind: verdict.kind, rule: 'label-list'}
      }
      continue
    }
    const line = lines[index] as LineView
    if (!kept(index) || line.words > 15 || /[.!]["”’]?$/u.test(line.text)) return
  }
}

/**
 * Inline photo credits in a kept line, each with the space before it.
 *
 * @param text
 *   Working text.
 * @param line
 *   Line.
 * @returns
 *   Spans: `start` of the removal, `credit` where the credit starts, `end`.
 */
function inlineCredits(text: string, line: LineView): Array<{start: number; credit: number; end: number}> {
  const value = text.slice(line.start, line.end)
  if (!(value.includes('(') || value.includes('[')) || !inlineCreditHint.test(value)) return []
  const spans: Array<{start: number; credit: number; end: number}> = []
  for (const match of value.matchAll(inlineCreditPattern)) {
    const credit = line.start + match.index
    let start = credit
    while (start > line.start && text.charCodeAt(start - 1) === 32) start--
    spans.push({start, credit, end: credit + match[0].length})
  }
  return spans
}

/**
 * Whether a line matches a newsletter template fuzzily: it holds most of the
 * template's content words and is mostly made of them.
 *
 * @param value
 *   Line text.
 * @param similarity
 *   Least template coverage.
 * @returns
 *   Whether it matches.
 */
function newsletterLike(value: string, similarity: number): boolean {
  const words = contentWords(value)
  if (words.size < 3) return false
  const shared = new Map<number, number>()
  for (const word of words) {
    for (const template of templateIndex.get(word) ?? []) shared.set(template, (shared.get(template) ?? 0) + 1)
  }
  for (const [template, count] of shared) {
    const size = (templates[template] as Template).words.size
    if (count >= 3 && count / size >= similarity && count / words.size >= lineCoverage) return true
  }
  return false
}

/**
 * Content words of a text: lower case, no stopwords, synonyms folded, plural
 * `s` dropped.
 *
 * @param value
 *   Text.
 * @returns
 *   Set of words.
 */
function contentWords(value: string): Set<string> {
  const words = new Set<string>()
  for (const match of value.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}]+)*/gu)) {
    const word = match[0]
    if (stopwords.has(word)) continue
    const folded = synonyms.get(word) ?? word
    words.add(folded.length > 4 && folded.endsWith('s') && !folded.endsWith('ss') ? folded.slice(0, -1) : folded)
  }
  return words
}

/**
 * Map each template word to the templates holding it.
 *
 * @param list
 *   Templates.
 * @returns
 *   Index.
 */
function indexTemplates(list: readonly Template[]): Map<string, number[]> {
  const index = new Map<string, number[]>()
  for (const [position, template] of list.entries()) {
    for (const word of template.words) {
      const holders = index.get(word) ?? []
      holders.push(position)
      index.set(word, holders)
    }
  }
  return index
}

/**
 * Article metadata from the manifest, else from the headline and the
 * boilerplate lines.
 *
 * @param file
 *   Document.
 * @param lines
 *   Lines.
 * @param verdicts
 *   Final verdicts.
 * @param filled
 *   Indices of non-blank lines.
 * @param title
 *   Index of the headline line.
 * @param credits
 *   Photo credits found.
 * @returns
 *   Metadata.
 */
function describe(
  file: VFile,
  lines: readonly LineView[],
  verdicts: ReadonlyArray<Verdict | undefined>,
  filled: readonly number[],
  title: number | undefined,
  credits: readonly string[]
): ArticleMetadata {
  const stated: ArticleMetadata = {}
  const agency = (value: string, source: string) => {
    if (!stated.agency) stated.agency = {value, source}
  }
  const outlet = (value: string, source: string) => {
    if (!stated.outlet) stated.outlet = {value, source}
  }

  if (title !== undefined) stated.title = {value: (lines[title] as LineView).text.replace(/\s+/gu, ' '), source: 'headline'}
  // Signature and byline lines name the agency more surely than a copyright line.
  // Datelines open the story: look at the first two lines that stay.
  const read = filled.filter((index) => verdicts[index])
  read.push(...filled.filter((index) => !verdicts[index]).slice(0, 2))
  const ordered = read.sort((left, right) => rank(verdicts[left]) - rank(verdicts[right]) || left - right)
  for (const index of ordered) {
    const verdict = verdicts[index]
    const line = lines[index] as LineView
    if (!verdict) {
      const dateline = datelineAgencyPattern.exec(line.text)
      const name = dateline && agencies.get((dateline[1] as string).toLowerCase())
      if (name) agency(name, 'dateline')
      continue
    }
    if (verdict.rule === 'copyright-line') {
      const year = yearPattern.exec(line.bare)
      if (year && !stated.copyrightYear) stated.copyrightYear = {value: Number(year[0]), source: 'copyright-line'}
      const holder = copyrightHolder(line.bare)
      if (holder && agencyName(holder)) agency(holder, 'copyright-line')
      else if (holder) outlet(holder, 'copyright-line')
    } else if (verdict.rule === 'byline-name' && !stated.byline) {
      stated.byline = {value: line.text, source: 'byline-line'}
    } else if (verdict.rule === 'signature-line' || verdict.rule === 'byline-line') {
      const names = credited(line.bare)
      for (const name of names) if (agencyName(name)) agency(name, verdict.rule)
      const people = names.filter((name) => !agencyName(name))
      if (people.length > 0 && !stated.byline) stated.byline = {value: people.join(', '), source: verdict.rule}
    } else if (verdict.rule === 'sign-off') {
      agency(agencyName(line.bare.replace(/[.\s]+$/u, '')) ?? line.bare, 'sign-off')
    } else if (verdict.kind === 'contact') {
      const domain = contactDomain(line.bare)
      if (domain) outlet(outletName(domain), 'contact-domain')
    }
  }
  if (credits.length > 0) stated.photoCredits = {value: [...new Set(credits)], source: 'photo-credit'}

  return withManifest(file, stated)
}

/**
 * Let manifest values win over stated ones, and note a disagreement.
 *
 * @param file
 *   Document.
 * @param stated
 *   Metadata found in the text.
 * @returns
 *   Merged metadata.
 */
function withManifest(file: VFile, stated: ArticleMetadata): ArticleMetadata {
  const manifest = file.data.metadata ?? {}
  const merged: ArticleMetadata = {...stated}
  for (const field of ['title', 'outlet', 'agency', 'byline'] as const) {
    const value = manifest[field]
    if (!value) continue
    const found = stated[field]
    if (found && field !== 'title' && found.value.toLowerCase() !== value.toLowerCase()) {
      const message = file.message('Unexpected ' + field + ' `' + found.value + '` in the text, expected the manifest `' + value + '`', {
        ruleId: 'metadata-conflict',
        source: 'boilerplate'
      })
      message.actual = found.value
      message.expected = [value]
    }
    merged[field] = {value, source: 'manifest'}
  }
  return merged
}

/**
 * Order in which boilerplate lines are read for metadata.
 *
 * @param verdict
 *   Verdict.
 * @returns
 *   Rank (lower first).
 */
function rank(verdict: Verdict | undefined): number {
  if (!verdict) return 3
  if (verdict.rule === 'signature-line' || verdict.rule === 'byline-line') return 0
  if (verdict.rule === 'copyright-line') return 1
  return 2
}

/**
 * The holder named by a copyright line (`© 2025 The Canadian Press` -> `The Canadian Press`).
 *
 * @param value
 *   Line.
 * @returns
 *   Holder, or `undefined`.
 */
function copyrightHolder(value: string): string | undefined {
  const holder = value
    .replace(copyrightMarkPattern, '')
    .replace(/^(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\s*,?\s*/u, '')
    .split(/\.\s|\ball rights reserved\b|[|•]|,\s*(?:a|an)\s/iu)[0]
    ?.replace(/[.,\s]+$/u, '')
    .trim()
  return holder && holder.length > 1 && holder.length <= 80 ? holder : undefined
}

/**
 * Names credited by a signature or byline line
 * (`Story By Agence France-Presse (AFP)` -> `Agence France-Presse (AFP)`).
 *
 * @param value
 *   Line.
 * @returns
 *   Names in order.
 */
function credited(value: string): string[] {
  const match = /\bby\s+(.+)$/iu.exec(value)
  if (!match) return []
  // Reuters lists editors after a semicolon: `Reporting by X; Editing by Y`.
  const names = (match[1] as string)
    .split(';')[0]
    ?.replace(/\s+was (?:first |originally )?published\b.*$/iu, '')
    .split(/\s*(?:[,|&]|\band\b)\s*/iu)
    // `(Reporting by Jane Doe)` leaves an unpaired `)`; `(AFP)` keeps its pair.
    .map((name) => name.replace(/[.\s]+$/u, '').replace(/^([^(]*)\)$/u, '$1').trim())
    .filter((name) => name.length > 1 && !creditFillers.has(name.toLowerCase()))
  // `Aamer Madhani The Associated Press`: a name run into its agency.
  return (names ?? []).flatMap(function (name) {
    const lower = name.toLowerCase()
    if (agencyName(name)) return [name]
    for (const alias of agencies.keys()) {
      if (alias.includes(' ') && lower.endsWith(' ' + alias) && lower.length > alias.length + 2) {
        const cut = alias.length + (lower.endsWith(' the ' + alias) ? 4 : 0)
        return [name.slice(0, -cut).trim(), name.slice(-cut).trim()]
      }
    }
    return [name]
  })
}

/**
 * Canonical agency name of a stated name, if it names an agency
 * (`Agence France-Presse (AFP)`, `The Canadian Press`, `AP`).
 *
 * @param value
 *   Name.
 * @returns
 *   Agency, or `undefined`.
 */
function agencyName(value: string): string | undefined {
  const name = value.toLowerCase().replace(/\s+/gu, ' ').trim()
  return agencies.get(name) ?? agencies.get(name.replace(/\s*\([^)]*\)$/u, '')) ?? agencies.get(name.replace(/^the /u, ''))
}

/**
 * Web domain in a contact line (`editor (at) eurasiantimes.com` -> `eurasiantimes.com`).
 *
 * @param value
 *   Line.
 * @returns
 *   Domain, or `undefined`.
 */
function contactDomain(value: string): string | undefined {
  const address = value.replace(/\s*(?:\(at\)|\[at\])\s*/giu, '@').split(/[@\s]/u).reverse()
  for (const part of address) {
    const domain = domainPattern.exec(part.replace(/[.,;)]+$/u, ''))
    if (domain) return (domain[1] as string).toLowerCase().replace(/^www\./u, '')
  }
  return undefined
}

/**
 * Outlet name of a web domain: a known outlet, else the domain's name split
 * into words (`eurasiantimes.com` -> `Eurasian Times`).
 *
 * @param domain
 *   Domain without `www.`.
 * @returns
 *   Outlet name.
 */
function outletName(domain: string): string {
  const known = outletDomains.get(domain)
  if (known) return known
  const label = domain.split('.')[0] as string
  const words: string[] = []
  let rest = label
  while (rest) {
    const suffix = outletWords.find((word) => rest.endsWith(word) && rest.length > word.length)
    if (!suffix) break
    words.unshift(suffix)
    rest = rest.slice(0, -suffix.length)
  }
  words.unshift(rest)
  return words
    .filter(Boolean)
    .map((word) => (word.length <= 3 && words.length > 1 ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ')
}

/**
 * Text without wrapping parentheses or brackets (`(AP Photo/Evan Vucci)` -> `AP Photo/Evan Vucci`).
 *
 * @param value
 *   Text.
 * @returns
 *   Unwrapped text.
 */
function stripParentheses(value: string): string {
  return value.replace(/^[([]\s*|\s*[)\]]$/gu, '')
}
