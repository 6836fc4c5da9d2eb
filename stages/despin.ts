import {createRequire} from 'node:module'
import type {Root, Sentence} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {applyEdits, decoded, sourcePlace, type TextEdit} from '../pipeline/record.js'
import {cliticStart} from './clitics.js'
import {
  audienceFollowers,
  audienceNouns,
  auxiliaries,
  calendarNames,
  centuries,
  clausePunctuation,
  countWords,
  decades,
  eventParticiples,
  figureNouns,
  incidentNouns,
  injuryOpeners,
  labelWords,
  limitOpeners,
  limitWords,
  mandativeVerbs,
  measureFollowers,
  meetingWords,
  nounDeterminers,
  numberWords,
  objectOpeners,
  periodNouns,
  phraseEnders,
  phrasePunctuation,
  placeOrTimeNouns,
  quantifierWords,
  sourceDeterminers,
  sourceFollowers,
  sourceNouns,
  spinRules,
  streetTypes,
  territoryNouns,
  vehicleWords,
  type Context,
  type SpinRule
} from './despin-list.js'
import {parseText} from './sentences.js'

/** Evidence of spinning found in a document; set by `despin`. */
export interface SpinReport {
  /**
   * Spin score from 0 to 1: `density / (density + threshold)` (0.5 at the
   * threshold), scaled down while the evidence is below `minimumEvidence`.
   */
  readonly score: number
  /** Whether the document is taken as spun (class B rules were applied). */
  readonly spun: boolean
  /** Matches per rule (all classes), sorted by rule id. */
  readonly evidence: ReadonlyArray<{readonly rule: string; readonly count: number}>
  /** Weighted matches per 1,000 words (the density the score is made of). */
  readonly per1000Words: number
}

declare module 'vfile' {
  interface DataMap {
    /** Spin detection result; set by `despin`. */
    spin: SpinReport
  }
}

/** Configuration for {@link despin}. */
export interface Options {
  /** Weighted artifacts per 1,000 words from which a document counts as spun (default: `3`). */
  readonly threshold?: number | undefined
  /** Weighted artifacts a document needs at least to count as spun, whatever its length (default: `2`). */
  readonly minimumEvidence?: number | undefined
}

/** A word or punctuation mark of a sentence, with its working-text span. */
interface Token {
  /** Text as written. */
  readonly text: string
  /** Lower case, straight apostrophes. */
  readonly lower: string
  readonly start: number
  readonly end: number
  /** Word (or clitic such as `'s`, `n't`) rather than punctuation or a symbol. */
  readonly word: boolean
  /** White space before it. */
  readonly spaced: boolean
  /** First word of its sentence (after any opening quotes). */
  readonly initial: boolean
  /** Inside a quotation. */
  readonly quoted: boolean
}

/** A rule match, as word indices into its sentence. */
interface Match {
  readonly rule: SpinRule
  readonly tokens: readonly Token[]
  readonly index: number
}

// Part-of-speech tags per word from natural's Brill tagger lexicon (shipped
// with the `natural` dependency): read once, as a map, so words such as
// `constructor` do not hit object prototype keys.
const require = createRequire(import.meta.url)
const lexicon = new Map<string, readonly string[]>(
  Object.entries(require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json') as Record<string, string[]>)
)

const rulesByWord = indexRules(spinRules)
const ruleOrder = new Map(spinRules.map((rule, index) => [rule, index]))
const alternatives = new Map(spinRules.map((rule) => [rule, rule.words.map((pattern) => pattern.split('|'))]))
const noClasses: readonly string[] = []
/** Rules each word that is not a figure can start (see `candidateRules`), for the words that start any. */
const rulesByStart = new Map<string, readonly SpinRule[]>()
for (const word of new Set([...rulesByWord.keys(), ...centuries.keys(), ...countWords])) {
  const rules = candidateRules(word)
  if (rules && !isDigit(word.charCodeAt(0))) rulesByStart.set(word, rules)
}

/**
 * Detect copies that went through a synonym spinner and restore the
 * original wording. Every document gets a spin score from the density of
 * spinner artifacts (`file.data.spin`). Class A artifacts are repaired in
 * every document, class B ones only in a document taken as spun, class C
 * ones only count as evidence. Proper names are never changed: a spun outlet
 * name, or a street name in a spun document, is reported as a message.
 * Every repair goes through `applyEdits` (rule id carries the class), and
 * the stage returns the tree of the repaired text.
 */
export const despin: Plugin<[(Options | undefined)?], Root> = function (options) {
  const threshold = options?.threshold ?? 3
  const minimumEvidence = options?.minimumEvidence ?? 2

  if (!(typeof threshold === 'number' && threshold > 0 && Number.isFinite(threshold))) {
    throw new TypeError('Expected `threshold` to be a finite number > 0, got `' + threshold + '`')
  }

  if (!(typeof minimumEvidence === 'number' && minimumEvidence >= 0 && Number.isFinite(minimumEvidence))) {
    throw new TypeError('Expected `minimumEvidence` to be a finite number >= 0, got `' + minimumEvidence + '`')
  }

  return function (tree, file) {
    const sentences = sentenceTokens(tree)
    const mixedUs = decoded(file).text.includes('U.S.')
    const matches: Match[] = []
    let words = 0

    for (const tokens of sentences) {
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index] as Token
        if (!token.word) continue
        if (!token.lower.startsWith("'") && token.lower !== "n't") words++
        const match = firstMatch(tokens, index, mixedUs)
        if (match) matches.push(match)
      }
    }

    const report = spinReport(matches, words, threshold, minimumEvidence)
    file.data.spin = report
    if (report.spun) {
      file.message('Unexpected spun text (' + report.per1000Words + ' artifacts per 1,000 words), expected edited prose', {
        place: sourcePlace(file, 0),
        ruleId: 'spun-document',
        source: 'despin'
      })
      flagStreetNames(file, sentences)
    }

    const edits: TextEdit[] = []
    for (const match of matches) {
      if (match.rule.id.startsWith('c-')) {
        if (match.rule.id === 'c-outlet-information') flagOutlet(file, match)
        continue
      }
      if (match.rule.id.startsWith('b-') && !report.spun) continue
      const edit = repair(match)
      const place = freePlace(edits, edit)
      if (place !== undefined) edits.splice(place, 0, edit)
    }

    if (edits.length === 0) return undefined
    applyEdits(file, 'despin', edits)
    return parseText(decoded(file).text)
  }
}

/**
 * Where an edit goes in a list of accepted edits sorted by start, or
 * `undefined` when it overlaps one of them. Accepted edits do not overlap and
 * are not empty, so their ends are sorted too: only the last edit that starts
 * before the new one ends can overlap it. Matches come in text order, so the
 * place is nearly always the end.
 *
 * @param edits
 *   Accepted edits, sorted by start.
 * @param edit
 *   Candidate edit.
 * @returns
 *   Index to insert at, or `undefined`.
 */
function freePlace(edits: readonly TextEdit[], edit: TextEdit): number | undefined {
  let low = 0
  let high = edits.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((edits[middle] as TextEdit).start < edit.end) low = middle + 1
    else high = middle
  }
  const before = edits[low - 1]
  return before && before.end > edit.start ? undefined : low
}

/**
 * Tokens of every sentence; a line break inside a sentence (a heading
 * without a full stop followed by a paragraph) ends it.
 *
 * @param tree
 *   nlcst tree of the working text.
 * @returns
 *   Token lists, one per sentence.
 */
function sentenceTokens(tree: Root): Token[][] {
  const result: Token[][] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    let quoted = false
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      quoted = splitSentence(sentence, quoted, result)
    }
  }
  return result
}

/**
 * Turn one sentence into token lists (split at line breaks) and append them.
 *
 * @param sentence
 *   Sentence node.
 * @param quotedBefore
 *   Whether a quotation is open where the sentence starts.
 * @param result
 *   Token lists to append to.
 * @returns
 *   Whether a quotation is open where the sentence ends.
 */
function splitSentence(sentence: Sentence, quotedBefore: boolean, result: Token[][]): boolean {
  let quoted = quotedBefore
  let tokens: Token[] = []
  let spaced = false
  let hasWord = false
  for (const node of sentence.children) {
    const start = node.position?.start.offset ?? 0
    if (node.type === 'WhiteSpaceNode') {
      if (node.value.includes('\n') && tokens.length > 0) {
        result.push(tokens)
        tokens = []
        hasWord = false
      }
      spaced = true
      continue
    }
    if (node.type === 'WordNode') {
      let text = ''
      for (const child of node.children) text += child.value
      // Most words have no clitic: one token, no array of parts.
      const cut = cliticStart(text)
      const head = cut === 0 ? text : text.slice(0, cut)
      tokens.push({text: head, lower: lowerWord(head), start, end: start + head.length, word: true, spaced, initial: !hasWord, quoted})
      if (cut > 0) {
        const clitic = text.slice(cut)
        tokens.push({text: clitic, lower: lowerWord(clitic), start: start + cut, end: start + text.length, word: true, spaced: false, initial: false, quoted})
      }
      hasWord = true
    } else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      const value = node.value
      // `“` opens and `”` closes; a straight `"` toggles.
      if (value === '“' || (value === '"' && !quoted)) quoted = true
      else if (value === '”' || value === '"') quoted = false
      tokens.push({text: value, lower: value, start, end: start + value.length, word: false, spaced, initial: false, quoted})
    }
    spaced = false
  }
  if (tokens.length > 0) result.push(tokens)
  return quoted
}

/**
 * Index the rules by the literal alternatives of their first word; rules
 * that start with a word class are filed under the class name.
 *
 * @param rules
 *   Lexicon.
 * @returns
 *   Rules by first word, in lexicon order.
 */
function indexRules(rules: readonly SpinRule[]): Map<string, SpinRule[]> {
  const index = new Map<string, SpinRule[]>()
  for (const rule of rules) {
    for (const alternative of (rule.words[0] as string).split('|')) {
      const list = index.get(alternative) ?? []
      list.push(rule)
      index.set(alternative, list)
    }
  }
  return index
}

/**
 * The first rule of the lexicon that matches at a word, with its context.
 *
 * @param tokens
 *   Sentence tokens.
 * @param index
 *   Index of the word.
 * @param mixedUs
 *   Whether the document writes `U.S.` somewhere.
 * @returns
 *   The match, if any.
 */
function firstMatch(tokens: readonly Token[], index: number, mixedUs: boolean): Match | undefined {
  const lower = (tokens[index] as Token).lower
  // Figures have classes of their own (`<year>`); the rules any other word can
  // start are known in advance, and most words start none.
  const candidates = isDigit(lower.charCodeAt(0)) ? candidateRules(lower) : rulesByStart.get(lower)
  if (!candidates) return undefined
  for (const rule of candidates) {
    if (matchesWords(rule, tokens, index) && matchesContext(rule, tokens, index, mixedUs) && keepsNames(rule, tokens, index)) {
      return {rule, tokens, index}
    }
  }
  return undefined
}

/**
 * Rules that can start at a word: those of the word and of its classes, in
 * lexicon order.
 *
 * @param lower
 *   Word in lower case.
 * @returns
 *   Rules, or `undefined` when none can start there.
 */
function candidateRules(lower: string): readonly SpinRule[] | undefined {
  const classes = wordClasses(lower)
  const direct = rulesByWord.get(lower)
  if (classes.length === 0) return direct
  return [lower, ...classes].flatMap((key) => rulesByWord.get(key) ?? []).sort((left, right) => (ruleOrder.get(left) ?? 0) - (ruleOrder.get(right) ?? 0))
}

/**
 * Word classes (`<digit>`, `<year>`, …) a word belongs to.
 *
 * @param lower
 *   Word in lower case.
 * @returns
 *   Class names, in angle brackets.
 */
function wordClasses(lower: string): readonly string[] {
  if (isDigit(lower.charCodeAt(0))) {
    if (/^[2-9]$/.test(lower)) return ['<digit>', '<count>']
    if (lower === '10') return ['<count>']
    if (numberWords.has(lower)) return ['<ordinal>']
    if (/^(?:1[89]|20)\d\d$/.test(lower)) return ['<year>']
    return noClasses
  }
  if (centuries.has(lower)) return ['<century>']
  if (countWords.has(lower)) return ['<count>']
  return noClasses
}

/**
 * Whether a code unit is an ASCII digit: a word that starts with one may be a figure.
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
 * Whether the words of a rule match at a word; the words must follow each
 * other with no punctuation between them.
 *
 * @param rule
 *   Rule.
 * @param tokens
 *   Sentence tokens.
 * @param index
 *   Index of the first word.
 * @returns
 *   Whether they match.
 */
function matchesWords(rule: SpinRule, tokens: readonly Token[], index: number): boolean {
  const patterns = alternatives.get(rule) as ReadonlyArray<readonly string[]>
  for (let offset = 0; offset < patterns.length; offset++) {
    const token = tokens[index + offset]
    if (!token?.word) return false
    if (!matchesAny(patterns[offset] as readonly string[], token.lower)) return false
  }
  return true
}

/**
 * Whether a word matches one of the alternatives of a rule word.
 *
 * @param alternatives
 *   Literal words or `<class>` names.
 * @param lower
 *   Word in lower case.
 * @returns
 *   Whether one matches.
 */
function matchesAny(alternatives: readonly string[], lower: string): boolean {
  // A loop, not `some`: this runs for every word that starts a rule.
  for (const alternative of alternatives) if (matchesWord(alternative, lower)) return true
  return false
}

/**
 * Whether one word matches a literal or a word class.
 *
 * @param pattern
 *   Literal word or `<class>`.
 * @param lower
 *   Word in lower case.
 * @returns
 *   Whether it matches.
 */
function matchesWord(pattern: string, lower: string): boolean {
  if (!pattern.startsWith('<')) return pattern === lower
  switch (pattern) {
    case '<century>': {
      return centuries.has(lower)
    }
    case '<decade>': {
      return decades.has(lower)
    }
    case '<participle>': {
      // `the primary held in March` is an election, not a spun `first`.
      return (tags(lower)?.includes('VBN') ?? false) && !eventParticiples.has(lower)
    }
    default: {
      return wordClasses(lower).includes(pattern)
    }
  }
}

/**
 * Whether every context check of a rule holds around a match.
 *
 * @param rule
 *   Rule.
 * @param tokens
 *   Sentence tokens.
 * @param index
 *   Index of the first matched word.
 * @param mixedUs
 *   Whether the document writes `U.S.` somewhere.
 * @returns
 *   Whether the rule applies.
 */
function matchesContext(rule: SpinRule, tokens: readonly Token[], index: number, mixedUs: boolean): boolean {
  const end = index + rule.words.length
  for (const context of rule.context ?? []) {
    if (!checkContext(context, tokens, index, end, mixedUs)) return false
  }
  return true
}

/**
 * Evaluate one named context check.
 *
 * @param context
 *   Check name.
 * @param tokens
 *   Sentence tokens.
 * @param index
 *   Index of the first matched word.
 * @param end
 *   Index after the last matched word.
 * @param mixedUs
 *   Whether the document writes `U.S.` somewhere.
 * @returns
 *   Whether it holds.
 */
function checkContext(context: Context, tokens: readonly Token[], index: number, end: number, mixedUs: boolean): boolean {
  const next = tokens[end]
  const previous = previousWord(tokens, index)
  switch (context) {
    case 'adjective-follows': {
      // `develop into increasingly defiant`: an adjective, no noun phrase
      // (`developed into heavy downpours` is edited English).
      let position = end
      while (tokens[position]?.word && tokens[position]?.lower.endsWith('ly')) position++
      const adjective = tokens[position]
      const after = tokens[position + 1]
      if (!adjective?.word || !isLower(adjective) || firstTag(adjective.lower) !== 'JJ') return false
      // An unknown word after the adjective may be its noun: leave it.
      const tag = after?.word ? firstTag(after.lower) : '.'
      return tag !== undefined && !['JJ', 'NN', 'NNS'].includes(tag)
    }
    case 'after-comma': {
      return tokens[index - 1]?.lower === ','
    }
    case 'after-mandative': {
      return previous !== undefined && mandativeVerbs.has(previous.lower === 'that' ? previousWord(tokens, index - 1)?.lower ?? '' : previous.lower)
    }
    case 'after-with': {
      return injuryOpeners.has(previous?.lower ?? '')
    }
    case 'audience-follows': {
      // `instructed reporters on Friday`, `instructed CTV News.`: told, unless
      // an order follows (`instructed reporters to leave`).
      let position = end
      while (tokens[position]?.word && (isCapitalized(tokens[position] as Token) || audienceNouns.has(tokens[position]?.lower ?? ''))) {
        position++
      }
      const after = tokens[position]
      return position > end && (!after?.word || audienceFollowers.has(after.lower))
    }
    case 'bare-verb-follows': {
      // `supposed to assist end many years of conflict`: `assist` + bare verb + object.
      const object = tokens[end + 1]
      return next?.word === true && (tags(next.lower)?.includes('VB') ?? false) && object?.word === true && objectOpeners.has(object.lower)
    }
    case 'attribution-end': {
      // Inside a quotation, `stated` is the speaker's own word.
      return !(tokens[index] as Token).quoted && attributionEnd(tokens, index, end)
    }
    case 'capitalized': {
      return tokens.slice(index, end).every((token) => isCapitalized(token))
    }
    case 'clause-ends': {
      return clauseEnds(tokens, end)
    }
    case 'coordination-follows': {
      return coordinationFollows(tokens, end)
    }
    case 'date-follows': {
      // `The iPhone 14 can be found on Friday`: on sale from a date.
      return next?.word === true && (calendarNames.has(next.lower) || /^\d/.test(next.lower))
    }
    case 'driver-context': {
      // `the motive force of history`, `behind the reforms`: the real phrase;
      // `the motive force of the car` is a driver.
      if (next?.lower === 'behind' || next?.lower === 'for') return false
      return next?.lower !== 'of' || tokens.slice(end + 1, end + 4).some((token) => vehicleWords.has(token.lower))
    }
    case 'gerund-follows': {
      return next?.word === true && next.lower.endsWith('ing') && (tags(next.lower)?.includes('VBG') ?? false)
    }
    case 'incident-follows': {
      // `concerned in a crash`: skip one modifier (`a two-vehicle crash`).
      return [next, tokens[end + 1]].some((token) => token?.word === true && incidentNouns.has(token.lower))
    }
    case 'lower-noun-follows': {
      // `a 3rd party`, `the 2nd time`; not `1st century`, `the 3rd quarter`, `May 3rd`.
      return (
        nounDeterminers.has(previous?.lower ?? '') &&
        next?.word === true &&
        next.spaced &&
        isLower(next) &&
        isNoun(next.lower) &&
        !periodNouns.has(next.lower)
      )
    }
    case 'meeting-before': {
      for (let back = index - 1; back >= 0 && back >= index - 8; back--) {
        const token = tokens[back] as Token
        if (!token.word) return false
        if (meetingWords.has(token.lower)) return true
      }
      return false
    }
    case 'mixed-us': {
      return mixedUs && (tokens[index] as Token).text === 'US'
    }
    case 'not-after-and': {
      return previous?.lower !== 'and'
    }
    case 'not-after-mandative': {
      return !checkContext('after-mandative', tokens, index, end, mixedUs)
    }
    case 'not-after-quantifier': {
      const before = tokens[index - 1]
      return !(before?.word && (quantifierWords.has(before.lower) || wordClasses(before.lower).includes('<count>'))) && !["'", '’'].includes(next?.lower ?? '')
    }
    case 'not-after-than': {
      return previous?.lower !== 'than'
    }
    case 'not-after-whether': {
      return previous?.lower !== 'whether'
    }
    case 'not-noun-follows': {
      return !next?.word || !isNoun(next.lower) || !isLower(next)
    }
    case 'not-sentence-start': {
      // `Up to now, nobody came`: `so far`, edited English.
      return !(tokens[index] as Token).initial
    }
    case 'number-follows': {
      return next?.word === true && (/^\d/.test(next.lower) || countWords.has(next.lower) || next.lower === 'one')
    }
    case 'object-follows': {
      // `at the least some`, not the superlative `at the least expected moment`.
      return next?.word === true && objectOpeners.has(next.lower)
    }
    case 'place-or-time-follows': {
      return placeOrTimeFollows(tokens, index, end)
    }
    case 'plural-follows': {
      return pluralFollows(tokens, end, (tokens[index] as Token).lower === 'each')
    }
    case 'prose-number': {
      return proseNumber(tokens, index)
    }
    case 'punctuation-follows': {
      return !next || phrasePunctuation.has(next.lower)
    }
    case 'sentence-start': {
      return (tokens[index] as Token).initial
    }
    case 'source-follows': {
      return sourceFollows(tokens, index, end)
    }
    case 'territory-follows': {
      return tokens.slice(end, end + 5).some((token) => token.word && territoryNouns.has(token.lower))
    }
    case 'time-noun-follows': {
      return tokens.slice(end, end + 4).some((token) => token.word && periodNouns.has(token.lower))
    }
    case 'word-follows': {
      return next?.word === true && next.lower !== 'than'
    }
    case 'year-phrase-ends': {
      if (!next) return true
      // `a 12 months’ supply` is a real duration.
      return next.word ? phraseEnders.has(next.lower) : !["'", '’'].includes(next.lower)
    }
  }
}

/**
 * Whether a plural noun follows (after at most `adjectives` adjectives), as
 * in `each countries`, `each former Soviet republics`, `2 countries`.
 *
 * @param tokens
 *   Sentence tokens.
 * @param end
 *   Index after the match.
 * @param pronoun
 *   Whether the match may be a pronoun subject (`each`), which a verb in
 *   `-s` may follow (`each says`).
 * @returns
 *   Whether it holds.
 */
function pluralFollows(tokens: readonly Token[], end: number, pronoun: boolean): boolean {
  let index = end
  for (let skipped = 0; skipped <= (pronoun ? 2 : 1); skipped++) {
    const token = tokens[index]
    if (!token?.word || !token.spaced) return false
    // `each others’ lockers`: a misspelt `each other’s`.
    if (token.lower === 'others') return false
    if (isLower(token) && isPlural(token.lower)) {
      if (figureNouns.has(token.lower)) return false
      const after = tokens[index + 1]
      // `2 years old`, `5 miles-long`: a measure, written as a figure.
      if (after && (measureFollowers.has(after.lower) || (!after.spaced && !after.word && after.lower === '-'))) return false
      // `each plans to` / `each says`: a verb after the pronoun `each`.
      if (pronoun && tags(token.lower)?.includes('VBZ') && after?.word && !isAuxiliary(after.lower)) return false
      // `each futures contract`: a noun modifier of a singular head.
      if (pronoun && after?.word && isLower(after) && firstTag(after.lower) === 'NN') return false
      return true
    }
    // `each other`, `each of`: not an adjective before a plural.
    if (token.lower === 'other' || firstTag(token.lower) !== 'JJ') return false
    index++
  }
  return false
}

/**
 * Whether `X and Y` of two capitalised names follows, with no noun after it
 * (`each Armenia and Azerbaijan will`, not `each Armenian and Azerbaijani soldier`).
 *
 * @param tokens
 *   Sentence tokens.
 * @param end
 *   Index after the match.
 * @returns
 *   Whether it holds.
 */
function coordinationFollows(tokens: readonly Token[], end: number): boolean {
  const first = tokens[end]
  const and = tokens[end + 1]
  const second = tokens[end + 2]
  const after = tokens[end + 3]
  if (!first?.word || !second?.word || and?.lower !== 'and') return false
  if (!isCapitalized(first) || !isCapitalized(second)) return false
  if (calendarNames.has(first.lower) || calendarNames.has(second.lower)) return false
  return !after?.word || !(isLower(after) && isNoun(after.lower))
}

/**
 * Whether a short noun phrase without a verb follows and then the clause
 * ends (`because the end of the Cold War,` but not `because the end of the
 * war changed everything`).
 *
 * @param tokens
 *   Sentence tokens.
 * @param end
 *   Index after the match.
 * @returns
 *   Whether it holds.
 */
function clauseEnds(tokens: readonly Token[], end: number): boolean {
  for (let index = end; index < end + 8; index++) {
    const token = tokens[index]
    if (!token) return true
    if (!token.word) return clausePunctuation.has(token.lower)
    if (isCapitalized(token)) continue
    const tag = firstTag(token.lower)
    if (tag === undefined || tag.startsWith('VB') || tag === 'MD' || tag === 'PRP') return false
  }
  return false
}

/**
 * Whether the source of a report follows `based on`: a noun phrase headed
 * by a source noun (`the senior administration official`, `U.S. officials`),
 * after a comma or at the start of the sentence, and then the phrase ends.
 *
 * @param tokens
 *   Sentence tokens.
 * @param index
 *   Index of `based`.
 * @param end
 *   Index after `on`.
 * @returns
 *   Whether it holds.
 */
function sourceFollows(tokens: readonly Token[], index: number, end: number): boolean {
  const before = tokens[index - 1]
  const afterComma = before?.lower === ','
  if (!afterComma && !(tokens[index] as Token).initial) return false
  let position = end
  if (sourceDeterminers.has(tokens[position]?.lower ?? '')) position++
  const phrase: Token[] = []
  while (position < tokens.length && phrase.length < 7) {
    const token = tokens[position] as Token
    if (!token.word) break
    if (phrase.length > 0 && sourceFollowers.has(token.lower)) break
    if (!isCapitalized(token) && !isNoun(token.lower) && firstTag(token.lower) !== 'JJ') return false
    phrase.push(token)
    position++
  }
  const after = tokens[position]
  if (after && !after.word && ["'", '’', '-'].includes(after.lower)) return false
  const head = phrase.filter((token) => isLower(token)).at(-1)
  if (head) return sourceNouns.has(head.lower) && !(after?.word && !sourceFollowers.has(after.lower))
  // A bare name is often a work or a format (`based on RSS, the …`): only
  // `, based on the RCMP.` closing the sentence is an attribution.
  return afterComma && tokens[end]?.lower === 'the' && phrase.length > 0 && phrase.length <= 3 && after?.lower === '.'
}

/**
 * Whether a place or period follows `within the` (`within the region`,
 * `within the State Dining Room`, `within the September 2023 offensive`),
 * not a limit (`within the next`) or an organisation (`within the BBC`).
 *
 * @param tokens
 *   Sentence tokens.
 * @param index
 *   Index of `within`.
 * @param end
 *   Index after `the`.
 * @returns
 *   Whether it holds.
 */
function placeOrTimeFollows(tokens: readonly Token[], index: number, end: number): boolean {
  // `from within the party`, `well within the rules`: the limit sense.
  if (limitOpeners.has(previousWord(tokens, index)?.lower ?? '')) return false
  let last: Token | undefined
  for (let position = end; position < end + 5; position++) {
    const token = tokens[position]
    if (!token?.word || limitWords.has(token.lower)) break
    if (calendarNames.has(token.lower) || centuries.has(token.lower)) return isCapitalized(token)
    if (isLower(token) && firstTag(token.lower) !== 'JJ') return placeOrTimeNouns.has(token.lower)
    last = token
  }
  // A name ends the phrase: its last word says what it is (`… Dining Room`).
  return last !== undefined && isCapitalized(last) && placeOrTimeNouns.has(last.lower)
}

/**
 * Whether a figure stands alone in prose: spaced from its neighbours, not a
 * label (`No. 3`, `iPhone 4`), not in a run of figures (`2 or 3`, `4-2`).
 *
 * @param tokens
 *   Sentence tokens.
 * @param index
 *   Index of the figure.
 * @returns
 *   Whether it holds.
 */
function proseNumber(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token
  if (!/^\d/.test(token.lower)) return true
  const next = tokens[index + 1]
  if (next && !next.spaced) return false
  const previous = tokens[index - 1]
  if (previous) {
    if (!token.spaced || !previous.word) return false
    if (labelWords.has(previous.lower) || (isCapitalized(previous) && !previous.initial)) return false
  }
  for (let position = index - 3; position <= index + 3; position++) {
    if (position !== index && /^\d/.test(tokens[position]?.lower ?? '')) return false
  }
  return true
}

/**
 * Whether `stated` closes an attribution (`…, the RCMP stated.`), outside
 * a quotation.
 *
 * @param tokens
 *   Sentence tokens.
 * @param index
 *   Index of `stated`.
 * @param end
 *   Index after it.
 * @returns
 *   Whether it holds.
 */
function attributionEnd(tokens: readonly Token[], index: number, end: number): boolean {
  let next = tokens[end]
  if (next?.word && calendarNames.has(next.lower)) next = tokens[end + 1]
  // `…, the RCMP stated.`, not `who stated, “…”`.
  if (next && next.lower !== '.') return false
  for (let back = index - 1; back >= 0 && back >= index - 6; back--) {
    const token = tokens[back] as Token
    if (!token.word) return [',', '”', '"'].includes(token.lower)
  }
  return false
}

/**
 * Whether the words a rule replaces leave proper names alone: a capitalised
 * word that does not start the sentence is a name (or part of one).
 *
 * @param rule
 *   Rule.
 * @param tokens
 *   Sentence tokens.
 * @param index
 *   Index of the first matched word.
 * @returns
 *   Whether the rule may apply.
 */
function keepsNames(rule: SpinRule, tokens: readonly Token[], index: number): boolean {
  // Class C rules change nothing; `capitalized` rules match names on purpose.
  if (rule.replacement === undefined || rule.context?.includes('capitalized')) return true
  const from = index + (rule.from ?? 1) - 1
  const to = index + (rule.to ?? rule.words.length) - 1
  for (let position = from; position <= to; position++) {
    const token = tokens[position] as Token
    if (!token.initial && /^\p{Lu}/u.test(token.text)) return false
  }
  return true
}

/**
 * The edit that repairs a match.
 *
 * @param match
 *   Class A or B match.
 * @returns
 *   Edit of the replaced words.
 */
function repair(match: Match): TextEdit {
  const {rule, tokens, index} = match
  const first = tokens[index + (rule.from ?? 1) - 1] as Token
  const last = tokens[index + (rule.to ?? rule.words.length) - 1] as Token
  const word = (number: number) => tokens[index + number - 1] as Token
  let after = (rule.replacement ?? '').replace(/\{(?:(number|decade) )?(\d)(?: (\d))?\}/g, function (_, kind, one, two) {
    const token = word(Number(one))
    if (kind === 'number') return numberWords.get(token.lower) ?? token.lower
    if (kind === 'decade') return (centuries.get(token.lower) ?? '') + (decades.get(word(Number(two)).lower) ?? '')
    // A sentence-initial word moved inside the replacement loses its capital
    // (`They usually’re` -> `And they`); the first letter is restored below.
    return token.initial ? lowerFirst(token.text) : token.text
  })
  if (first.initial && /^\p{Lu}/u.test(first.text)) after = after.charAt(0).toUpperCase() + after.slice(1)
  if (/’/.test(tokens.slice(index, index + rule.words.length).map((token) => token.text).join(''))) {
    after = after.replaceAll("'", '’')
  }
  return {start: first.start, end: last.end, after, rule: rule.id}
}

/**
 * Sum the matches into the document's spin report.
 *
 * @param matches
 *   Matches of all classes.
 * @param words
 *   Words in the document.
 * @param threshold
 *   Weighted matches per 1,000 words from which the document is spun.
 * @param minimumEvidence
 *   Weighted matches the document needs at least.
 * @returns
 *   Report.
 */
function spinReport(matches: readonly Match[], words: number, threshold: number, minimumEvidence: number): SpinReport {
  const counts = new Map<string, number>()
  let weighted = 0
  let strong = 0
  for (const {rule} of matches) {
    const count = (counts.get(rule.id) ?? 0) + 1
    counts.set(rule.id, count)
    if (count > (rule.limit ?? Number.POSITIVE_INFINITY)) continue
    weighted += rule.weight
    if (rule.weight >= 1) strong++
  }
  const density = words === 0 ? 0 : (weighted * 1000) / words
  return {
    score: Math.round((density / (density + threshold)) * Math.min(1, minimumEvidence === 0 ? 1 : weighted / minimumEvidence) * 1000) / 1000,
    spun: strong > 0 && weighted >= minimumEvidence && density >= threshold,
    evidence: [...counts].sort(([left], [right]) => (left < right ? -1 : 1)).map(([rule, count]) => ({rule, count})),
    per1000Words: Math.round(density * 100) / 100
  }
}

/**
 * Report a spun outlet name (`CTV Information` for `CTV News`): a proper
 * name, so it is flagged, never changed.
 *
 * @param file
 *   Document.
 * @param match
 *   Match of `c-outlet-information`.
 * @returns
 *   Nothing.
 */
function flagOutlet(file: VFile, match: Match): void {
  const outlet = match.tokens[match.index] as Token
  const name = match.tokens[match.index + 1] as Token
  const message = file.message('Unexpected outlet name `' + outlet.text + ' ' + name.text + '`, expected `' + outlet.text + ' News`', {
    place: {start: sourcePlace(file, outlet.start), end: sourcePlace(file, name.end)},
    ruleId: 'spun-outlet-name',
    source: 'despin'
  })
  message.actual = outlet.text + ' ' + name.text
  message.expected = [outlet.text + ' News']
}

/**
 * Report street names in a spun document: the spinner swaps street types
 * inside names (`Boundary Road` -> `Boundary Street`), which no rule can undo.
 *
 * @param file
 *   Spun document.
 * @param sentences
 *   Token lists.
 * @returns
 *   Nothing.
 */
function flagStreetNames(file: VFile, sentences: readonly Token[][]): void {
  for (const tokens of sentences) {
    for (const [index, token] of tokens.entries()) {
      const previous = tokens[index - 1]
      if (!streetTypes.has(token.text) || !previous?.word || !isCapitalized(previous)) continue
      file.message('Unexpected street name `' + previous.text + ' ' + token.text + '` in spun text, its street type may be spun', {
        place: {start: sourcePlace(file, previous.start), end: sourcePlace(file, token.end)},
        ruleId: 'spun-street-name',
        source: 'despin'
      })
    }
  }
}

/**
 * The word before a token in its sentence (punctuation between stops it).
 *
 * @param tokens
 *   Sentence tokens.
 * @param index
 *   Index of the token.
 * @returns
 *   Previous word, if it directly precedes.
 */
function previousWord(tokens: readonly Token[], index: number): Token | undefined {
  const token = tokens[index - 1]
  return token?.word ? token : undefined
}

/**
 * Part-of-speech tags of a word in the lexicon, most frequent first.
 *
 * @param lower
 *   Word in lower case.
 * @returns
 *   Tags, if the word is known.
 */
function tags(lower: string): readonly string[] | undefined {
  return lexicon.get(lower)
}

/**
 * Most frequent part-of-speech tag of a word.
 *
 * @param lower
 *   Word in lower case.
 * @returns
 *   Tag, if the word is known.
 */
function firstTag(lower: string): string | undefined {
  return lexicon.get(lower)?.[0]
}

/**
 * Whether a word is (mostly) a noun.
 *
 * @param lower
 *   Word in lower case.
 * @returns
 *   Whether its first tag is a noun tag.
 */
function isNoun(lower: string): boolean {
  const tag = firstTag(lower)
  return tag === 'NN' || tag === 'NNS'
}

/**
 * Whether a lower-case word is a plural noun (`countries`), not a singular
 * in `-s` (`news`, `series`) or a word the lexicon does not know as plural.
 *
 * @param lower
 *   Word in lower case.
 * @returns
 *   Whether it is plural.
 */
function isPlural(lower: string): boolean {
  const known = tags(lower)
  // `is` is tagged NNS too, but mostly a verb: the first tag decides.
  if (known) return known[0] === 'NNS' && !known.includes('NN')
  // Unknown word: `-s` on a known singular noun (`corridors`).
  if (!/[^su]s$/.test(lower)) return false
  return tags(lower.slice(0, -1))?.[0] === 'NN'
}

/**
 * Whether a word is an auxiliary or modal verb (`each parties have agreed`).
 *
 * @param lower
 *   Word in lower case.
 * @returns
 *   Whether it is one.
 */
function isAuxiliary(lower: string): boolean {
  return auxiliaries.has(lower)
}

/**
 * Whether a token starts with an upper-case letter.
 *
 * @param token
 *   Token.
 * @returns
 *   Whether it is capitalised.
 */
function isCapitalized(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text)
}

/**
 * Whether a token starts with a lower-case letter.
 *
 * @param token
 *   Token.
 * @returns
 *   Whether it is lower case.
 */
function isLower(token: Token): boolean {
  return /^\p{Ll}/u.test(token.text)
}

/**
 * Lower-case the first letter of a word that is not an initialism.
 *
 * @param text
 *   Word.
 * @returns
 *   Word with a lower-case first letter.
 */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text
}

/**
 * Lower-case a word and straighten its apostrophes.
 *
 * @param text
 *   Word as written.
 * @returns
 *   Comparable form.
 */
function lowerWord(text: string): string {
  const lower = text.toLowerCase()
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower
}
