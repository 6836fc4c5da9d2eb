import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {decoded, removeLines, splitLines, type LineRemoval} from '../pipeline/record.js'

/** Configuration for {@link dedupeSections}. */
export interface Options {
  /** Fewest words a line needs before it can count as a repeat (default: `4`). */
  readonly minimumWords?: number | undefined
}

/** A non-blank line with the views the checks compare. */
interface Section {
  /** 0-based index in `splitLines` of the working text. */
  readonly line: number
  /** Normalised words (lower case, letters and digits only). */
  readonly words: readonly string[]
  /** Normalised words without a leading list number (`6.`), joined by a space. */
  readonly key: string
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
 * Lines match when their words are equal (case, punctuation and a leading
 * list number ignored); sentences must match whole. A line that differs by
 * one word (`would pass` / `would not pass`, `first race` / `second race`)
 * states another fact, so it stays, and so do paraphrases and a heading
 * followed by the paragraph it introduces.
 */
export const dedupeSections: Plugin<[(Options | undefined)?], Root> = function (options) {
  const minimumWords = options?.minimumWords ?? 4

  if (!(Number.isInteger(minimumWords) && minimumWords > 0)) {
    throw new TypeError('Expected `minimumWords` to be a positive integer, got `' + minimumWords + '`')
  }

  return function (_, file) {
    const {text} = decoded(file)
    const sections: Section[] = []
    for (const [index, line] of splitLines(text).entries()) {
      const value = text.slice(line.start, line.end)
      // Sentences split at white space, which no word spans: the line's words
      // are those of its sentences, so each line is read once.
      const sentenceWords = splitSentences(value).map(wordsOf)
      // `concat` is much faster than `flat` here.
      const words = sentenceWords.length === 1 ? (sentenceWords[0] as string[]) : ([] as string[]).concat(...sentenceWords)
      if (words.length < minimumWords) continue
      const sentences = sentenceWords.map((sentence) => sentence.join(' ')).filter(Boolean)
      sections.push({
        line: index,
        words,
        // A list number is the line's first word (it ends at `.` or `)`);
        // else the key is all words, which the sentences hold joined already.
        key: listNumber.test(value) ? words.slice(1).join(' ') : sentences.join(' '),
        sentences,
        sentence: /[.!?…]["”’)\]]*$/.test(value.trimEnd())
      })
    }

    const removals: LineRemoval[] = []
    const removed = new Set<Section>()
    // Repeats: every later copy of a kept line goes, except that of two
    // equal paragraphs the longer stays (`6. We express…` over `We express…`).
    const kept = new Map<string, Section>()
    for (const section of sections) {
      const first = kept.get(section.key)
      if (!first) {
        kept.set(section.key, section)
        continue
      }
      const drop = first.sentence && section.words.length > first.words.length ? first : section
      removed.add(drop)
      removals.push({line: drop.line, rule: first.sentence ? 'repeated-paragraph' : 'repeated-headline'})
      if (drop === first) kept.set(section.key, section)
    }
    // Containment: a sentence line repeated inside a longer kept paragraph.
    // Containers are found through the index of their sentences, so each
    // line is compared only with the lines that hold its first sentence.
    const holders = new Map<string, Array<{container: Section; at: number}>>()
    for (const container of sections) {
      if (removed.has(container)) continue
      for (const [at, sentence] of container.sentences.entries()) {
        let list = holders.get(sentence)
        if (!list) holders.set(sentence, (list = []))
        list.push({container, at})
      }
    }
    for (const section of sections) {
      if (removed.has(section) || !section.sentence || section.sentences.length === 0) continue
      for (const {container, at} of holders.get(section.sentences[0] as string) ?? []) {
        if (container === section || removed.has(container) || container.words.length <= section.words.length) continue
        if (!sentencesAt(section.sentences, container.sentences, at)) continue
        removed.add(section)
        const standfirst = at === 0 && section.line < container.line
        removals.push({line: section.line, rule: standfirst ? 'repeated-standfirst' : 'repeated-sentence'})
        break
      }
    }

    removeLines(file, 'dedupe-sections', removals)
  }
}

/** A list number opening a line (`6. `, `(2) `), which a copy may lack. */
const listNumber = /^\s*\(?\d{1,3}[.)]\s+/

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
 * Whether the sentences of `part` occur, whole and in order, in `whole` from
 * sentence `at` on.
 *
 * @param part
 *   Normalised sentences of the shorter line.
 * @param whole
 *   Normalised sentences of the longer line.
 * @param at
 *   Index in `whole` of the first sentence of `part`.
 * @returns
 *   Whether they match.
 */
function sentencesAt(part: readonly string[], whole: readonly string[], at: number): boolean {
  return at + part.length <= whole.length && part.every((sentence, offset) => whole[at + offset] === sentence)
}
