/**
 * Tokens for the entity tagger: a fast tokenizer over the working text and
 * the token splitting rules shared with the training readers, so the tagger
 * sees the same units at training and at run time.
 */
import {cliticStart, isClitic} from './clitics.js'
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
// apostrophes (`O’Brien`), or any other single character. Sticky:
// `tokenEnd` moves it along itself (no match objects).
const tokenPattern = /(?:\p{L}\.){2,}|\p{Lu}\.(?=[\s\p{L}])|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|\S/uy

// What opens a sentence after a full stop, and after a closing quote.
const sentenceOpening = /^[\p{Lu}\p{N}“‘]/u
const quotedOpening = /^[\p{Lu}"“]/u

/**
 * Split a text into tokens: words, initialisms, abbreviations with their full
 * stop, single punctuation marks; a possessive `’s`, a contracted `’m`, `’ve`,
 * `n’t` … and every hyphen are tokens of their own (`U.S.-brokered` -> `U.S.`
 * `-` `brokered`).
 *
 * @param text
 *   Working text.
 * @returns
 *   Tokens in text order.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  // Whether the last token may take a full stop (not one that just took one).
  let joinable = false
  let at = 0
  for (;;) {
    while (at < text.length && space(text.charCodeAt(at))) at++
    // Any other character starts a token.
    const end = at < text.length ? tokenEnd(text, at) : -1
    if (end === -1) break
    const start = at
    const value = text.slice(start, end)
    at = end
    // `Mr.`: join the full stop to a known abbreviation just read.
    const last = tokens[tokens.length - 1]
    if (value === '.' && joinable && last && last.end === start && abbreviations.has(last.text)) {
      tokens[tokens.length - 1] = {start: last.start, end, text: text.slice(last.start, end)}
      joinable = false
      continue
    }
    // `Trump’s` -> `Trump` `’s`; `I’m` -> `I` `’m`, `Don’t` -> `Do` `n’t`, as
    // the training corpora write them (else `I’m` is an unknown capitalised word).
    const clitic = cliticStart(value)
    if (clitic > 0) {
      tokens.push({start, end: start + clitic, text: value.slice(0, clitic)}, {start: start + clitic, end, text: value.slice(clitic)})
    } else {
      tokens.push({start, end, text: value})
    }
    joinable = true
  }
  return tokens
}

/**
 * End of the token at `at` (not white space): where `tokenPattern` ends a
 * match there, found by hand for the usual ASCII words and marks.
 *
 * @param text
 *   Text.
 * @param at
 *   Start of the token.
 * @returns
 *   End of the token (`-1` for none).
 */
function tokenEnd(text: string, at: number): number {
  let end = at
  while (end < text.length && asciiWordCharacter(text.charCodeAt(end))) end++
  if (end > at) {
    // A full stop, an apostrophe or a letter beyond ASCII may take the match further.
    const next = text.charCodeAt(end)
    if (end === text.length || (next < 0x80 && next !== 0x2e && next !== 0x27)) return end
  } else if (text.charCodeAt(at) < 0x80) {
    // Any other ASCII character is a token of its own.
    return at + 1
  }
  tokenPattern.lastIndex = at
  return tokenPattern.test(text) ? tokenPattern.lastIndex : -1
}

/**
 * Whether a UTF-16 code unit is an ASCII letter or digit.
 *
 * @param code
 *   Code unit.
 * @returns
 *   Whether it is.
 */
function asciiWordCharacter(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

/**
 * Whether a UTF-16 code unit is white space (what `\s` matches).
 *
 * @param code
 *   Code unit.
 * @returns
 *   Whether it is.
 */
function space(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return code === 0xa0 || code === 0x16_80 || (code >= 0x20_00 && code <= 0x20_0a) || code === 0x20_28 || code === 0x20_29 || code === 0x20_2f || code === 0x20_5f || code === 0x30_00 || code === 0xfe_ff
}

/**
 * Split one token of a pre-tokenized corpus the way {@link tokenize} would
 * (hyphens and clitics apart), so training data matches run-time tokens.
 *
 * @param token
 *   Token text.
 * @returns
 *   Its parts (the token itself when nothing splits).
 */
export function splitToken(token: string): string[] {
  // A clitic stands alone in tokenised corpora (`Trump 's`); it is one token, as in running text.
  if (token.length < 2 || !/[-'’]/.test(token) || isClitic(token)) return [token]
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
    if (!boundary && endsSentence(token.text)) {
      boundary = sentenceOpening.test(next.text)
    } else if (!boundary && closesQuote(token.text)) {
      const before = tokens[index - 1]
      boundary = before !== undefined && endsSentence(before.text) && quotedOpening.test(next.text)
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
 * Whether a token ends a sentence (`.`, `!`, `?`).
 *
 * @param token
 *   Token text.
 * @returns
 *   Whether it does.
 */
function endsSentence(token: string): boolean {
  return token === '.' || token === '!' || token === '?'
}

/**
 * Whether a token closes a quote (`"`, `”`, `’`, `'`).
 *
 * @param token
 *   Token text.
 * @returns
 *   Whether it does.
 */
function closesQuote(token: string): boolean {
  return token === '"' || token === '”' || token === '’' || token === "'"
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
export function lineBreakBetween(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (text.charCodeAt(index) === 10) return true
  return false
}
