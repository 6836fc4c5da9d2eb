/**
 * Tokens for the entity tagger: a fast tokenizer over the working text and
 * the token splitting rules shared with the training readers, so the tagger
 * sees the same units at training and at run time.
 */
import {stateAbbreviations} from './entities-list.js'

/** A token of the working text: `text.slice(start, end)`. */
export interface Token {
  readonly start: number
  readonly end: number
  readonly text: string
}

/**
 * Abbreviations that keep their full stop (`Mr.`, `Inc.`, `Calif.`);
 * initialisms (`U.S.`, `N.Y.`) are matched by pattern.
 */
const abbreviations = new Set([
  'Adm', 'Ave', 'Brig', 'Capt', 'Cmdr', 'Co', 'Col', 'Corp', 'Dr', 'Ft', 'Gen', 'Gov', 'Hon', 'Inc', 'Jr', 'Lt',
  'Ltd', 'Maj', 'Messrs', 'Mr', 'Mrs', 'Ms', 'Mt', 'No', 'Pres', 'Prof', 'Rep', 'Rev', 'Sen', 'Sgt', 'Sr', 'St', 'Supt', 'vs',
  ...[...stateAbbreviations.keys()].filter((abbreviation) => !abbreviation.slice(0, -1).includes('.')).map((abbreviation) => abbreviation.slice(0, -1))
])

// Initialisms (`U.S.`, `D.C.`), a capital initial (`J.`), words with inner
// apostrophes (`O’Brien`), or any other single character.
const tokenPattern = /(?:\p{L}\.){2,}|\p{Lu}\.(?=[\s\p{L}])|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|\S/gu

/**
 * Split a text into tokens: words, initialisms, abbreviations with their full
 * stop, single punctuation marks; a possessive `’s` and every hyphen are
 * tokens of their own (`U.S.-brokered` -> `U.S.` `-` `brokered`).
 *
 * @param text
 *   Working text.
 * @returns
 *   Tokens in text order.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let previous: {start: number; end: number} | undefined
  for (const match of text.matchAll(tokenPattern)) {
    let start = match.index
    let end = start + match[0].length
    const value = match[0]
    // `Mr.`: join the full stop to a known abbreviation just read.
    if (value === '.' && previous && previous.end === start && abbreviations.has(text.slice(previous.start, previous.end))) {
      const last = tokens.pop() as Token
      tokens.push({start: last.start, end: end, text: text.slice(last.start, end)})
      previous = undefined
      continue
    }
    // `Trump’s` -> `Trump` `’s`.
    const possessive = /['’][sS]$/.test(value) && value.length > 2 ? end - 2 : end
    if (possessive < end) {
      tokens.push({start, end: possessive, text: value.slice(0, -2)})
      start = possessive
    }
    tokens.push({start, end, text: text.slice(start, end)})
    previous = {start, end}
  }
  return tokens
}

/**
 * Split one token of a pre-tokenized corpus the way {@link tokenize} would
 * (hyphens and a possessive apart), so training data matches run-time tokens.
 *
 * @param token
 *   Token text.
 * @returns
 *   Its parts (the token itself when nothing splits).
 */
export function splitToken(token: string): string[] {
  if (token.length < 2 || !/[-'’]/.test(token)) return [token]
  return tokenize(token).map((part) => part.text)
}

/**
 * Group tokens into sentences: a line break, or `.`/`!`/`?` (and closing
 * quotes after it) followed by a token that starts with a capital, a digit or
 * a quote, ends a sentence.
 *
 * @param text
 *   Working text the tokens come from.
 * @param tokens
 *   Tokens of `text`.
 * @returns
 *   Sentences as `[first, last + 1)` token index ranges.
 */
export function sentenceRanges(text: string, tokens: readonly Token[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let first = 0
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    const next = tokens[index + 1]
    if (!next) break
    let boundary = lineBreakBetween(text, token.end, next.start)
    if (!boundary && (token.text === '.' || token.text === '!' || token.text === '?')) {
      boundary = /^[\p{Lu}\p{N}“‘]/u.test(next.text)
    } else if (!boundary && /^["”’']$/.test(token.text)) {
      const before = tokens[index - 1]
      boundary = before !== undefined && /^[.!?]$/.test(before.text) && /^[\p{Lu}"“]/u.test(next.text)
    }
    if (boundary) {
      ranges.push([first, index + 1])
      first = index + 1
    }
  }
  if (first < tokens.length) ranges.push([first, tokens.length])
  return ranges
}

/**
 * Whether a line break lies in `text.slice(start, end)`.
 *
 * @param text
 *   Text.
 * @param start
 *   Start offset.
 * @param end
 *   End offset.
 * @returns
 *   Whether a `\n` occurs between the offsets.
 */
function lineBreakBetween(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (text.charCodeAt(index) === 10) return true
  return false
}
