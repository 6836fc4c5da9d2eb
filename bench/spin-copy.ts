/**
 * Make a spun copy of a text with substitutions of the spinner family in
 * `research/spinner-lexicon.md` (original -> spun, every occurrence), for the
 * near-duplicate tests and evaluation.
 */

/** Substitutions, original pattern -> spun wording. */
const substitutions: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bThe United States\b/g, 'The US'],
  [/\ba long time\b/g, 'an extended time'],
  [/\baccording to\b/g, 'based on'],
  [/\bat least\b/g, 'at the least'],
  [/\bbecome\b/g, 'develop into'],
  [/\bbegan\b/g, 'commenced'],
  [/\bbig\b/g, 'massive'],
  [/\bboth\b/g, 'each'],
  [/\bbuy\b/g, 'purchase'],
  [/\bdecades\b/g, 'many years'],
  [/\bfour\b/g, '4'],
  [/\bhelp\b/g, 'assist'],
  [/\bin the\b/g, 'within the'],
  [/\bmajor\b/g, 'significant'],
  [/\bmore\b/g, 'extra'],
  [/\bpeople\b/g, 'individuals'],
  [/\bsaid\b/g, 'stated'],
  [/\bsince\b/g, 'because'],
  [/\bthe first\b/g, 'the primary'],
  [/\bthe new\b/g, 'the brand new'],
  [/\bthis year\b/g, 'this 12 months'],
  [/\btwo\b/g, '2'],
  [/\bwill be\b/g, 'will likely be']
]

/**
 * Spin a text.
 *
 * @param text
 *   Original text.
 * @returns
 *   Spun text.
 */
export function spinCopy(text: string): string {
  return substitutions.reduce((value, [pattern, replacement]) => value.replace(pattern, replacement), text)
}
