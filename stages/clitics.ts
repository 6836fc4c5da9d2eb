/**
 * Clitics of English contractions and possessives, split off as the Penn
 * Treebank (and so the training corpora) writes them: `isn’t` -> `is` +
 * `n’t`, `they’re` -> `they` + `’re`, `I’m` -> `I` + `’m`, `Trump’s` ->
 * `Trump` + `’s`.
 */

/**
 * Where the clitic of a contraction or possessive starts: `’s`, `’m`, `’d`,
 * `’re`, `’ve`, `’ll` or `n’t`, with either apostrophe, in any case, after at
 * least one character.
 *
 * @param word
 *   Word as written.
 * @returns
 *   Offset of the clitic in the word, or `0` when it has none.
 */
export function cliticStart(word: string): number {
  const length = word.length
  if (length < 3) return 0
  const last = word.charCodeAt(length - 1) | 0x20
  if (apostrophe(word.charCodeAt(length - 2))) {
    // `’s`, `’m`, `’d`; `n’t`.
    if (last === 0x73 || last === 0x6d || last === 0x64) return length - 2
    return last === 0x74 && length > 3 && (word.charCodeAt(length - 3) | 0x20) === 0x6e ? length - 3 : 0
  }
  if (length > 3 && apostrophe(word.charCodeAt(length - 3))) {
    const pair = String.fromCharCode(word.charCodeAt(length - 2) | 0x20, last)
    return pair === 're' || pair === 've' || pair === 'll' ? length - 3 : 0
  }
  return 0
}

/**
 * Whether a whole token is a clitic (`’s`, `'re`, `n't` …), as tokenised
 * corpora write them after a space (`Trump 's`).
 *
 * @param token
 *   Token.
 * @returns
 *   Whether it is.
 */
export function isClitic(token: string): boolean {
  return cliticStart('x' + token) === 1
}

/**
 * Whether a character code is an apostrophe (`'` or `’`).
 *
 * @param code
 *   UTF-16 code unit.
 * @returns
 *   Whether it is.
 */
function apostrophe(code: number): boolean {
  return code === 0x27 || code === 0x20_19
}
