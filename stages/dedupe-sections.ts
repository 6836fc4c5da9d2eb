import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {decoded, removeLines, splitLines, type LineRemoval} from '../pipeline/record.js'

/** Configuration for {@link dedupeSections}. */
export interface Options {
  /** Fewest words a line needs before it can count as a repeat (default: `4`). */
  readonly minimumWords?: number | undefined
  /** Least word-level similarity, 0 to 1, at which two lines are the same line (default: `0.9`). */
  readonly threshold?: number | undefined
}

/** A non-blank line with the views the checks compare. */
interface Section {
  /** 0-based index in `splitLines` of the working text. */
  readonly line: number
  /** Normalised words (lower case, letters and digits only). */
  readonly words: readonly string[]
  /** Normalised words of each sentence, joined by a space. */
  readonly sentences: readonly string[]
  /** Whether the line ends like a sentence (a headline or heading does not). */
  readonly sentence: boolean
}

/**
 * Remove repeated sections inside one article, keeping the copy in the body:
 *
 * * `repeated-headline`: a line without closing punctuation printed again
 *   (`Title` / blank / `Title`); the first copy stays;
 * * `repeated-paragraph`: a sentence line pasted again; the first copy stays
 *   (the longer one, when they differ);
 * * `repeated-standfirst`: a line whose sentences open a later paragraph (a
 *   standfirst repeated as the lead); the paragraph stays;
 * * `repeated-sentence`: a line whose sentences sit inside another, longer
 *   paragraph (a caption repeating a body sentence); the paragraph stays.
 *
 * Lines match on their words (case and punctuation ignored) with at least
 * `threshold` word-level similarity; sentences must match whole. Paraphrases
 * and a heading followed by the paragraph it introduces share words but not
 * whole sentences, so they stay.
 */
export const dedupeSections: Plugin<[(Options | undefined)?], Root> = function (options) {
  const minimumWords = options?.minimumWords ?? 4
  const threshold = options?.threshold ?? 0.9

  if (!(Number.isInteger(minimumWords) && minimumWords > 0)) {
    throw new TypeError('Expected `minimumWords` to be a positive integer, got `' + minimumWords + '`')
  }
  if (!(typeof threshold === 'number' && threshold > 0 && threshold <= 1)) {
    throw new TypeError('Expected `threshold` to be a number above 0 and at most 1, got `' + threshold + '`')
  }

  return function (_, file) {
    const {text} = decoded(file)
    const sections: Section[] = []
    for (const [index, line] of splitLines(text).entries()) {
      const value = text.slice(line.start, line.end)
      const words = wordsOf(value)
      if (words.length < minimumWords) continue
      sections.push({
        line: index,
        words,
        sentences: splitSentences(value).map((sentence) => wordsOf(sentence).join(' ')).filter(Boolean),
        sentence: /[.!?…]["”’)\]]*$/.test(value.trimEnd())
      })
    }

    const removals: LineRemoval[] = []
    const removed = new Set<Section>()
    // Repeats: every later copy of a kept line goes, except that of two
    // near-equal paragraphs the longer stays (`6. We express…` over `We express…`).
    for (const [position, section] of sections.entries()) {
      if (removed.has(section)) continue
      for (const later of sections.slice(position + 1)) {
        if (removed.has(later) || similarity(section.words, later.words, threshold) < threshold) continue
        const drop = section.sentence && later.words.length > section.words.length ? section : later
        removed.add(drop)
        removals.push({line: drop.line, rule: section.sentence ? 'repeated-paragraph' : 'repeated-headline'})
        if (drop === section) break
      }
    }
    // Containment: a sentence line repeated inside a longer kept paragraph.
    for (const section of sections) {
      if (removed.has(section) || !section.sentence) continue
      for (const container of sections) {
        if (container === section || removed.has(container) || container.words.length <= section.words.length) continue
        const at = sentenceRun(section.sentences, container.sentences)
        if (at === -1) continue
        removed.add(section)
        const standfirst = at === 0 && section.line < container.line
        removals.push({line: section.line, rule: standfirst ? 'repeated-standfirst' : 'repeated-sentence'})
        break
      }
    }

    removeLines(file, 'dedupe-sections', removals)
  }
}

/**
 * Normalised words of a text: lower case, runs of letters and digits.
 *
 * @param value
 *   Text.
 * @returns
 *   Words.
 */
function wordsOf(value: string): string[] {
  return value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/**
 * Split a line into sentences at closing punctuation followed by a capital.
 * Both copies of a repeat split the same way, so an abbreviation
 * (`U.S. President`) that splits wrongly still compares equal.
 *
 * @param value
 *   Line.
 * @returns
 *   Sentences.
 */
function splitSentences(value: string): string[] {
  return value.split(/(?<=[.!?…]["”’)\]]*)\s+(?=["“‘(\[]?[\p{Lu}\p{N}])/u)
}

/**
 * Word-level similarity of two lines: twice the longest common subsequence
 * over the total length; `0` when their lengths alone rule out `threshold`.
 *
 * @param left
 *   Words.
 * @param right
 *   Words.
 * @param threshold
 *   Similarity below which the exact value does not matter.
 * @returns
 *   Similarity from 0 to 1.
 */
function similarity(left: readonly string[], right: readonly string[], threshold: number): number {
  const total = left.length + right.length
  if ((2 * Math.min(left.length, right.length)) / total < threshold) return 0
  if (left.length === right.length && left.every((word, index) => word === right[index])) return 1
  let previous = new Int32Array(right.length + 1)
  let current = new Int32Array(right.length + 1)
  for (const word of left) {
    for (let index = 0; index < right.length; index++) {
      current[index + 1] = word === right[index]
        ? (previous[index] as number) + 1
        : Math.max(previous[index + 1] as number, current[index] as number)
    }
    ;[previous, current] = [current, previous]
  }
  return (2 * (previous[right.length] as number)) / total
}

/**
 * Where the sentences of `part` occur, whole and in order, in `whole`.
 *
 * @param part
 *   Normalised sentences of the shorter line.
 * @param whole
 *   Normalised sentences of the longer line.
 * @returns
 *   Index of the first matching sentence in `whole`, or `-1`.
 */
function sentenceRun(part: readonly string[], whole: readonly string[]): number {
  if (part.length === 0) return -1
  for (let start = 0; start + part.length <= whole.length; start++) {
    if (part.every((sentence, offset) => whole[start + offset] === sentence)) return start
  }
  return -1
}
