/** Characters that render as a space and become a plain space (sorted by code point). */
export const spaceCharacters: ReadonlySet<string> = new Set([
  '\u00A0', // no-break space
  '\u1680', // ogham space mark
  '\u2000', // en quad
  '\u2001', // em quad
  '\u2002', // en space
  '\u2003', // em space
  '\u2004', // three-per-em space
  '\u2005', // four-per-em space
  '\u2006', // six-per-em space
  '\u2007', // figure space
  '\u2008', // punctuation space
  '\u2009', // thin space
  '\u200A', // hair space
  '\u202F', // narrow no-break space
  '\u205F', // medium mathematical space
  '\u3000' // ideographic space
])

/**
 * Invisible characters that carry nothing in news prose and are removed
 * (sorted by code point). Zero-width joiners stay: emoji sequences need them.
 */
export const invisibleCharacters: ReadonlySet<string> = new Set([
  '\u00AD', // soft hyphen
  '\u200B', // zero-width space
  '\u2060', // word joiner
  '\uFEFF' // byte order mark inside the text
])
