/**
 * Kinds of characters by Unicode property, for scanners that find words code
 * point by code point instead of through a regular expression's match objects
 * (which allocated more than the words themselves).
 */

/** Not a letter or a number. */
export const otherKind = 0
/** A number (`\p{N}`): digits of any script, `²`, `½`. */
export const numberKind = 1
/** An upper-case letter (`\p{Lu}`). */
export const upperKind = 2
/** Any other letter (`\p{L}`). */
const letterKind = 3

/** Kind of each UTF-16 code unit seen so far, plus one (`0`: not seen yet). */
const codeUnitKinds = new Uint8Array(0x1_00_00)

/**
 * Kind of the character at `index`: an upper-case letter, another letter, a
 * number or neither.
 *
 * @param text
 *   Text.
 * @param index
 *   Index of a code unit that starts a character.
 * @returns
 *   Kind.
 */
export function characterKind(text: string, index: number): number {
  const code = text.charCodeAt(index)
  const known = codeUnitKinds[code] as number
  if (known !== 0) return known - 1
  const isSurrogate = code >= 0xd8_00 && code <= 0xdf_ff
  const character = isSurrogate ? String.fromCodePoint(text.codePointAt(index) as number) : text.charAt(index)
  const kind = /^\p{N}$/u.test(character) ? numberKind : /^\p{Lu}$/u.test(character) ? upperKind : /^\p{L}$/u.test(character) ? letterKind : otherKind
  // A surrogate's kind is that of its pair: not cached.
  if (!isSurrogate) codeUnitKinds[code] = kind + 1
  return kind
}

/**
 * Code units of the character at `index` (two for a surrogate pair).
 *
 * @param text
 *   Text.
 * @param index
 *   Index of a code unit that starts a character.
 * @returns
 *   `1` or `2`.
 */
export function characterLength(text: string, index: number): number {
  return (text.codePointAt(index) as number) > 0xff_ff ? 2 : 1
}
