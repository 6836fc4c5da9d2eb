/**
 * The statistical core of the entity stage: a greedy averaged-perceptron
 * sequence tagger over BILOU labels (Ratinov & Roth 2009) with hashed
 * features for the word, its shape and affixes, a ±2 context window,
 * gazetteer matches, the last word of the capitalised run a token is in,
 * how the rest of the document writes the word, and the two previous labels.
 * Feature extraction and decoding live here so training
 * (`bench/train-entities.ts`) and tagging use the very same code: the
 * extractor builds every feature of a sentence for training, the stage's
 * tagger the same features for the tokens it scores only. The weights file
 * format is defined here too.
 */
import {gunzipSync, gzipSync} from 'node:zlib'
import {splitToken} from './entities-tokens.js'

/** Entity types the tagger predicts; the stage maps them to the output types. */
export const tagTypes = ['PER', 'ORG', 'LOC', 'MISC', 'NORP'] as const

/** A type the tagger predicts. */
export type TagType = (typeof tagTypes)[number]

/** Gazetteer categories, in feature order. */
export const gazetteerCategories = ['country', 'city', 'state', 'region', 'demonym', 'title', 'organisation', 'given'] as const

/** A gazetteer category. */
export type GazetteerCategory = (typeof gazetteerCategories)[number]

/** Phrases per gazetteer category (any case; matched case-insensitively on capitalised text). */
export type GazetteerLists = Readonly<Record<GazetteerCategory, readonly string[]>>

/** Number of labels: `O` plus B, I, L, U for each type. */
export const labelCount = 1 + 4 * tagTypes.length

/** Label names by index (`O`, `B-PER`, `I-PER`, `L-PER`, `U-PER`, `B-ORG`, …). */
export const labelNames: readonly string[] = [
  'O',
  ...tagTypes.flatMap((type) => ['B-' + type, 'I-' + type, 'L-' + type, 'U-' + type])
]

/**
 * A trained model: an open-addressing table of feature keys pointing into one
 * packed weight array, laid out so a lookup touches two cache lines.
 */
export interface Model {
  /** Gazetteer the features were trained with. */
  readonly gazetteer: GazetteerLists
  /** Words written in lower case more often than capitalised in the training text (`gains`, `both`). */
  readonly commonWords: readonly string[]
  /** Word clusters the features were trained with. */
  readonly clusters: ClusterTable
  /** Pairs `[key, row offset + 1]` per slot (`0` offset = empty slot). */
  readonly table: Int32Array
  /** Per row: the entry count, then `weight * 256 + label` per entry (weights quantised to integers). */
  readonly weights: Int32Array
}

/** Features of one sentence: static features per token, plus what the label features need. */
export interface SentenceFeatures {
  /** All static feature keys, token after token. */
  readonly keys: Int32Array
  /** Start of each token's keys in `keys` (one more than tokens). */
  readonly starts: Int32Array
  /** Lower-case word hash per token (for label × word features). */
  readonly words: Int32Array
  /** Shape hash per token (for label × shape features). */
  readonly shapes: Int32Array
  /** `1` where a name may start: a capital or a digit (`iPhone` is the price of speed). */
  readonly starters: Uint8Array
  /** `1` where the token is a number (see {@link digitOnly}): no closed name runs on into it. */
  readonly numbers: Uint8Array
}

/**
 * Extracts the static features of a sentence, given how its document writes
 * each word (see {@link documentCasing}; without it, the sentence alone).
 */
export type Extractor = (words: readonly string[], casing?: DocumentCasing) => SentenceFeatures

/** What the entity stage may ask of a token's surface form (a tagger reads each form once). */
export interface Form {
  /** The form through {@link normaliseWord}. */
  readonly normalised: string
  /** Starts with an upper-case letter (`^\p{Lu}`). */
  readonly upperStart: boolean
  /** Starts with a lower-case letter (`^\p{Ll}`). */
  readonly lowerStart: boolean
  /** Has a lower-case letter (`\p{Ll}`). */
  readonly hasLower: boolean
  /** Is letters only (`^\p{L}+$`). */
  readonly letters: boolean
}

/** A document through a {@link Tagger}. */
export interface TaggedDocument {
  /** Form of each token. */
  readonly forms: readonly Form[]
  /** Label indices of the tokens of each sentence. */
  readonly labels: readonly Uint8Array[]
}

/**
 * Tags a document: its token texts, and its sentences as `[first, last + 1)`
 * token index ranges.
 */
export type Tagger = (words: readonly string[], sentences: ReadonlyArray<readonly [number, number]>) => TaggedDocument

/**
 * How a document writes each word, by lower-case form: the number of times it
 * is capitalised inside a sentence that is not in capitals (a name, most
 * likely), times two, plus one if it is also written in lower case.
 */
export type DocumentCasing = ReadonlyMap<string, number>

/**
 * Cluster of a lower-case word in a three-level hierarchy of word-vector
 * clusters, packed as `top << 7 | middle << 3 | bottom` (16 × 16 × 8
 * clusters, see `bench/word-clusters.ts`). Words that share a cluster are used
 * alike (`northrop`, `lockheed`, `embraer`; `derbyshire`, `surrey`), so a name
 * no training sentence has still gets the weights of its cluster.
 */
export type WordClusters = ReadonlyMap<string, number>

/**
 * Word clusters by the {@link hashString} of the word: what a reader looks up
 * (a few MB, where a map of 250,000 strings takes tens).
 */
export interface ClusterTable {
  /** Number of words. */
  readonly size: number
  /** Pairs `[hash, cluster + 1]` per slot (`0`: empty slot). */
  readonly slots: Int32Array
}

/**
 * Make a {@link ClusterTable}.
 *
 * @param hashes
 *   Word hashes.
 * @param codes
 *   Cluster of each word.
 * @returns
 *   Table.
 */
function createClusterTable(hashes: ArrayLike<number>, codes: ArrayLike<number>): ClusterTable {
  return {size: hashes.length, slots: pairTable(hashes, Int32Array.from(codes, (code) => code + 1))}
}

/**
 * Open-addressing table of `[key, value]` pairs, at most half full, probed
 * from `key & (slots - 1)`.
 *
 * @param keys
 *   Keys (of a repeated key, lookups find the first).
 * @param values
 *   Value of each key, none `0` (`0` marks an empty slot).
 * @returns
 *   Pairs per slot.
 */
function pairTable(keys: ArrayLike<number>, values: ArrayLike<number>): Int32Array {
  let size = 1
  while (size < keys.length * 2) size *= 2
  const table = new Int32Array(size * 2)
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as number
    let slot = key & (size - 1)
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & (size - 1)
    table[2 * slot] = key
    table[2 * slot + 1] = values[index] as number
  }
  return table
}

/**
 * Cluster of a word.
 *
 * @param table
 *   Clusters.
 * @param hash
 *   {@link hashString} of the lower-case word.
 * @returns
 *   Its cluster, `-1` for none.
 */
function clusterOf(table: ClusterTable, hash: number): number {
  const {slots} = table
  const mask = slots.length / 2 - 1
  for (let slot = hash & mask; slots[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
    if (slots[2 * slot] === hash) return (slots[2 * slot + 1] as number) - 1
  }
  return -1
}

/**
 * Cluster of a word, whatever its case.
 *
 * @param table
 *   Clusters.
 * @param word
 *   Token text.
 * @returns
 *   Its cluster (see {@link WordClusters}), `-1` for none.
 */
export function wordCluster(table: ClusterTable, word: string): number {
  return clusterOf(table, hashString(normaliseWord(word)))
}

/**
 * The table of some clusters (training builds it from the cluster file).
 *
 * @param clusters
 *   Clusters by word.
 * @returns
 *   Table.
 */
export function clusterTable(clusters: WordClusters): ClusterTable {
  return createClusterTable(Array.from(clusters.keys(), hashString), [...clusters.values()])
}

/** Bits of a cluster below the top level and below the middle level (see {@link WordClusters}). */
const clusterBits = {top: 7, middle: 3} as const

/** What the casing and capitals tests need of a surface form. */
interface Surface {
  /** The form through {@link normaliseWord}. */
  readonly normalised: string
  /** The first character changes in lower case. */
  readonly capitalised: boolean
  /** The first character changes in upper case. */
  readonly lowerFirst: boolean
  /** Has a lower-case letter (`\p{Ll}`). */
  readonly hasLower: boolean
  /** Has an upper-case letter (`\p{Lu}`). */
  readonly hasUpper: boolean
}

/**
 * Record how a document writes each word: the evidence a headline in capitals
 * or a sentence-initial word lacks (`SHEARER` and `Shearer takes` are a name
 * because the document writes `coach Alan Shearer`; `Gains` is not because it
 * writes `gains`).
 *
 * @param sentences
 *   Token texts of each sentence of the document.
 * @returns
 *   Casing by lower-case word.
 */
export function documentCasing(sentences: ReadonlyArray<readonly string[]>): DocumentCasing {
  const casing = new Map<string, number>()
  const store = mapStore(casing)
  for (const words of sentences) addCasing(store, words.map(surfaceOf), 0, words.length)
  return casing
}

/** Where the casing of a document is kept: the value of a word (`0` when unseen), by its lower-case form. */
interface CasingStore<Word extends Surface> {
  readonly get: (word: Word) => number
  readonly set: (word: Word, value: number) => void
}

/**
 * A {@link CasingStore} over a {@link DocumentCasing} map.
 *
 * @param casing
 *   Map (changed by `set`).
 * @returns
 *   Store.
 */
function mapStore(casing: Map<string, number>): CasingStore<Surface> {
  return {
    get: (word) => casing.get(word.normalised) ?? 0,
    set(word, value) {
      casing.set(word.normalised, value)
    }
  }
}

/**
 * Add a sentence to the casing of its document.
 *
 * @param casing
 *   Casing so far, changed in place.
 * @param words
 *   Surface forms.
 * @param first
 *   Index of the first word of the sentence.
 * @param last
 *   Index after its last word.
 * @returns
 *   Nothing.
 */
function addCasing<Word extends Surface>(casing: CasingStore<Word>, words: readonly Word[], first: number, last: number): void {
  const capitals = inCapitals(words, first, last)
  for (let index = first; index < last; index++) {
    const word = words[index] as Word
    if (!word.lowerFirst && !(word.capitalised && index > first && !capitals)) continue
    const value = casing.get(word)
    casing.set(word, word.lowerFirst ? value | 1 : value + 2)
  }
}

/**
 * Whether a sentence is written in capitals (a headline or dateline): three
 * or more words with letters, none with a lower-case letter.
 *
 * @param words
 *   Surface forms.
 * @param first
 *   Index of the first word of the sentence.
 * @param last
 *   Index after its last word.
 * @returns
 *   Whether it is.
 */
function inCapitals(words: readonly Surface[], first: number, last: number): boolean {
  let letters = 0
  for (let index = first; index < last; index++) {
    const word = words[index] as Surface
    if (word.hasLower) return false
    if (word.hasUpper) letters++
  }
  return letters >= 3
}

// Feature templates: small distinct integers mixed into every key.
const template = {
  bias: 1, word: 2, lower: 3, shape: 4, shortShape: 5, prefix: 6, suffix: 10, flags: 14,
  previousWord: 20, nextWord: 21, previousWord2: 22, nextWord2: 23, previousShape: 24, nextShape: 25,
  leftBigram: 26, rightBigram: 27, shapeTrigram: 28, first: 29, allCaps: 30, casing: 35, runHead: 36,
  gazetteer: 31, previousGazetteer: 32, nextGazetteer: 33, gazetteerShape: 34,
  previousLabel: 40, previousLabels: 41, labelShape: 42, labelWord: 43,
  cluster: 50, clusterMiddle: 51, clusterBottom: 52, previousCluster: 53, nextCluster: 54, previousClusterBottom: 55, nextClusterBottom: 56
} as const

/** Word and shape hash standing in for a neighbour beyond the sentence. */
const boundary = hashString('<s>')

/**
 * Features a token takes from the word (then the shape) of a neighbour, as
 * `[offset, template]`, in key order.
 */
const neighbourWords = [[-1, template.previousWord], [1, template.nextWord], [-2, template.previousWord2], [2, template.nextWord2]] as const
const neighbourShapes = [[-1, template.previousShape], [1, template.nextShape]] as const
const neighbourClusters = [[-1, template.previousCluster, template.previousClusterBottom], [1, template.nextCluster, template.nextClusterBottom]] as const

/** Word-level features of one surface form, computed once per form. */
interface WordInfo extends Surface, Form {
  /** The form itself. */
  readonly text: string
  readonly starter: boolean
  /** A number (see {@link digitOnly}). */
  readonly number: boolean
  readonly lower: number
  readonly shape: number
  /** Word cluster (see {@link WordClusters}), `-1` for a word with none. */
  readonly cluster: number
  readonly keys: readonly number[]
  /** Capitalised and in capitals throughout. */
  readonly upper: boolean
  /** Longer than one character. */
  readonly long: boolean
  /** A lower-case word that may join a run of capitalised words. */
  readonly joiner: boolean
  /** Gazetteer phrases that start with this word. */
  readonly phrases: readonly Phrase[] | undefined
  /** Shared by the forms with the same lower-case form. */
  readonly lexeme: Lexeme
  /** Where the owning tagger keeps the weight sums of `keys` (see `createTagger`), `-1` until first used. */
  scores: number
}

/**
 * What a tagger notes about a lower-case form for the document it tags, so
 * that it needs no map of the document's words (see `createTagger`).
 */
interface Lexeme {
  /** Number of the document that `casing` is about. */
  document: number
  /** How that document writes the word (see {@link DocumentCasing}). */
  casing: number
}

/** Lower-case words that may join the capitalised words of a name. */
const runJoiners = new Set(['of', 'and', 'for', 'the', 'de', '&'])

/**
 * Largest number of surface forms a reader remembers before starting afresh:
 * about what a worker meets in 2,500 news articles. The frequent forms come
 * back within a few documents; a memo of 200,000 forms, filled only by large
 * drops, held a worker's heap 28 MB higher (see `docs/PERFORMANCE.md`, session 9).
 */
const wordCacheSize = 30_000

/** A sentence read for feature extraction: `infos[first..last)`. */
interface SentenceView {
  readonly infos: readonly WordInfo[]
  readonly first: number
  readonly last: number
  /** How the document writes a word (see {@link DocumentCasing}). */
  readonly casing: (word: WordInfo) => number
  /** Written in capitals (see {@link inCapitals}). */
  readonly capitals: boolean
  /** Every capitalised word is in capitals (`TRUMP HAILS DEAL`). */
  readonly allCaps: boolean
  /** Gazetteer match per word (see {@link createMatcher}), from `first`. */
  readonly matches: Int32Array
  /** Index of the last word of the capitalised run a word is in (`-1` outside runs), from `first`. */
  readonly heads: Int32Array
}

/** Reads words and sentences for feature extraction, remembering the features of each form. */
interface Reader {
  /**
   * Forget all forms if the memo is full; call it before reading a sentence
   * or document, so that the forms of one never come from two memos.
   *
   * @returns
   *   Whether the memo was emptied.
   */
  readonly trim: () => boolean
  /** Features of a form. */
  readonly word: (word: string) => WordInfo
  /** Sentence-level facts; the view is valid until the next call. */
  readonly sentence: (infos: readonly WordInfo[], first: number, last: number, casing: SentenceView['casing']) => SentenceView
}

/**
 * Build a reader for a gazetteer.
 *
 * @param gazetteer
 *   Gazetteer phrases by category.
 * @param clusters
 *   Word clusters.
 * @returns
 *   Reader (it memoises word features, so reuse it).
 */
function createReader(gazetteer: GazetteerLists, clusters: ClusterTable): Reader {
  const matcher = createMatcher(gazetteer)
  let lexemes = new Map<string, Lexeme>()
  const lexemeOf = (word: string) => {
    let lexeme = lexemes.get(word)
    if (!lexeme) {
      lexeme = {document: 0, casing: 0}
      lexemes.set(word, lexeme)
    }
    return lexeme
  }
  const read = (word: string) => wordInfo(word, matcher.phrases, lexemeOf, clusters)
  let forms = createFormTable(read)
  // Reused from sentence to sentence (a view lives until the next one).
  let matches = new Int32Array(64)
  let heads = new Int32Array(64)

  return {
    trim() {
      if (forms.size() < wordCacheSize) return false
      forms = createFormTable(read)
      lexemes = new Map()
      return true
    },
    word: (word) => forms.get(word),
    sentence(infos, first, last, casing) {
      const count = last - first
      if (count > matches.length) {
        matches = new Int32Array(count * 2)
        heads = new Int32Array(count * 2)
      }
      let letters = 0
      let upperWords = 0
      for (let index = first; index < last; index++) {
        const info = infos[index] as WordInfo
        if (info.capitalised) {
          letters++
          if (info.upper && info.long) upperWords++
        }
      }
      // The last word of each run of capitalised words (`of`, `and`, `for`, `the` may join them): `Club`, `Party`, `Inc`.
      heads.fill(-1, 0, count)
      for (let index = first; index < last; ) {
        if (!(infos[index] as WordInfo).capitalised) {
          index++
          continue
        }
        let end = index
        let at = index + 1
        while (at < last) {
          const info = infos[at] as WordInfo
          if (info.capitalised) end = at
          else if (!info.joiner) break
          at++
        }
        heads.fill(end, index - first, end - first + 1)
        index = end + 1
      }
      matcher.match(infos, first, last, matches)
      return {infos, first, last, casing, capitals: inCapitals(infos, first, last), allCaps: letters >= 3 && upperWords === letters, matches, heads}
    }
  }
}

/** The forms a reader remembers, by surface form. */
interface FormTable {
  /** The form of a word, read when new. */
  readonly get: (word: string) => WordInfo
  /** Number of forms. */
  readonly size: () => number
}

/**
 * Make a {@link FormTable}: open addressing on {@link hashString}, which is
 * about twice as fast as a `Map` for the new strings of every document's
 * tokens (a `Map` hashes each one anew, then compares it).
 *
 * @param read
 *   Read a new form.
 * @returns
 *   Empty table.
 */
function createFormTable(read: (word: string) => WordInfo): FormTable {
  let mask = (1 << 16) - 1
  // Per slot: the hash of the word with its low bit set (`0`: empty slot), and its form.
  let tags = new Int32Array(mask + 1)
  let infos: Array<WordInfo | undefined> = Array.from({length: mask + 1})
  let count = 0

  return {
    get(word) {
      const tag = hashString(word) | 1
      let slot = (tag >>> 1) & mask
      let found = tags[slot]
      while (found !== 0) {
        if (found === tag && (infos[slot] as WordInfo).text === word) return infos[slot] as WordInfo
        slot = (slot + 1) & mask
        found = tags[slot]
      }
      const info = read(word)
      tags[slot] = tag
      infos[slot] = info
      // At most half full, so that probes stay short.
      if (++count * 2 > mask) grow()
      return info
    },
    size: () => count
  }

  /**
   * Double the slots.
   *
   * @returns
   *   Nothing.
   */
  function grow(): void {
    const old = {tags, infos}
    mask = mask * 2 + 1
    tags = new Int32Array(mask + 1)
    infos = Array.from({length: mask + 1})
    for (const [index, tag] of old.tags.entries()) {
      if (tag === 0) continue
      let slot = (tag >>> 1) & mask
      while (tags[slot] !== 0) slot = (slot + 1) & mask
      tags[slot] = tag
      infos[slot] = old.infos[index]
    }
  }
}

/**
 * Build a feature extractor for a gazetteer.
 *
 * @param gazetteer
 *   Gazetteer phrases by category.
 * @param clusters
 *   Word clusters.
 * @returns
 *   Extractor (it memoises word features, so reuse it).
 */
export function createExtractor(gazetteer: GazetteerLists, clusters: ClusterTable): Extractor {
  const reader = createReader(gazetteer, clusters)

  return function (words, casing) {
    reader.trim()
    const infos = words.map(reader.word)
    const count = infos.length
    const own = new Map<string, number>()
    if (!casing) addCasing(mapStore(own), infos, 0, count)
    const known = casing ?? own
    const sentence = reader.sentence(infos, 0, count, (word) => known.get(word.normalised) ?? 0)
    const keys: number[] = []
    const starts = new Int32Array(count + 1)
    const lowers = new Int32Array(count)
    const shapes = new Int32Array(count)
    const starters = new Uint8Array(count)
    const numbers = new Uint8Array(count)
    for (let index = 0; index < count; index++) {
      const info = infos[index] as WordInfo
      lowers[index] = info.lower
      shapes[index] = info.shape
      starters[index] = info.starter ? 1 : 0
      numbers[index] = info.number ? 1 : 0
      starts[index] = keys.length
      for (const key of info.keys) keys.push(key)
      neighbourKeys(sentence, index, keys)
      contextKeys(sentence, index, keys)
    }
    starts[count] = keys.length
    return {keys: Int32Array.from(keys), starts, words: lowers, shapes, starters, numbers}
  }
}

/** What a word beyond the sentence looks like to its neighbours. */
const edge = {lower: boundary, shape: boundary, cluster: -2} as const

/**
 * The word at `index`, or {@link edge} beyond the sentence.
 *
 * @param sentence
 *   Sentence.
 * @param index
 *   Index (may be out of the sentence).
 * @returns
 *   Word.
 */
function neighbour(sentence: SentenceView, index: number): WordInfo | typeof edge {
  return index >= sentence.first && index < sentence.last ? (sentence.infos[index] as WordInfo) : edge
}

/**
 * Keys of the static features of a word taken from the words and shapes of
 * its neighbours.
 *
 * @param sentence
 *   Sentence.
 * @param index
 *   Index of the word.
 * @param keys
 *   Array to append the keys to.
 * @returns
 *   Nothing.
 */
function neighbourKeys(sentence: SentenceView, index: number, keys: number[]): void {
  for (const [offset, id] of neighbourWords) keys.push(mix(id, neighbour(sentence, index + offset).lower))
  for (const [offset, id] of neighbourShapes) keys.push(mix(id, neighbour(sentence, index + offset).shape))
  for (const [offset, middle, bottom] of neighbourClusters) {
    const cluster = neighbour(sentence, index + offset).cluster
    // `-1`: a word with no cluster, `-2`: beyond the sentence.
    if (cluster < 0) keys.push(mix(middle, cluster))
    else keys.push(mix(middle, cluster >> clusterBits.middle), mix(bottom, cluster))
  }
}

/**
 * Keys of the static features of a word that depend on more than the word
 * and one neighbour: bigrams, shape trigram, sentence position and casing,
 * document casing, capitalised run and gazetteer matches.
 *
 * @param sentence
 *   Sentence.
 * @param index
 *   Index of the word.
 * @param keys
 *   Array to append the keys to.
 * @returns
 *   Nothing.
 */
function contextKeys(sentence: SentenceView, index: number, keys: number[]): void {
  const {infos, first, last, casing, capitals, allCaps, matches, heads} = sentence
  const info = infos[index] as WordInfo
  const previous = neighbour(sentence, index - 1)
  const next = neighbour(sentence, index + 1)
  keys.push(
    mix(template.leftBigram, mix(previous.lower, info.lower)),
    mix(template.rightBigram, mix(info.lower, next.lower)),
    mix(template.shapeTrigram, mix(mix(previous.shape, info.shape), next.shape))
  )
  if (index === first) keys.push(mix(template.first, info.shape))
  if (allCaps) keys.push(mix(template.allCaps, info.shape))
  if (info.capitalised) {
    // How the rest of the document writes this word (this mention itself not counted).
    let value = casing(info)
    if (index > first && !capitals) value -= 2
    const evidence = (value & 1) | (value >= 2 ? 2 : 0)
    keys.push(mix(template.casing, evidence | (index === first ? 4 : 0) | (capitals ? 8 : 0)))
  }
  const at = index - first
  const head = heads[at] as number
  if (head !== -1 && !capitals) keys.push(mix(template.runHead, mix((infos[head] as WordInfo).lower, head === index ? 1 : 0)))
  const match = matches[at] as number
  if (match) keys.push(mix(template.gazetteer, match), mix(template.gazetteerShape, mix(match, info.shape)))
  const previousMatch = index > first ? (matches[at - 1] as number) : 0
  const nextMatch = index + 1 < last ? (matches[at + 1] as number) : 0
  if (previousMatch) keys.push(mix(template.previousGazetteer, previousMatch >> 3))
  if (nextMatch) keys.push(mix(template.nextGazetteer, nextMatch >> 3))
}

/**
 * Keys of the label features of a token, given the two labels before it.
 *
 * @param previous
 *   Label index of the token before (`0` at the start).
 * @param previous2
 *   Label index two tokens before.
 * @param word
 *   Lower-case word hash of the token.
 * @param shape
 *   Shape hash of the token.
 * @param target
 *   Array to append the four keys to.
 * @returns
 *   Nothing.
 */
export function labelFeatures(previous: number, previous2: number, word: number, shape: number, target: number[]): void {
  historyKeys(previous, previous2, target)
  labelContextKeys(previous, word, shape, target)
}

/**
 * The label features that depend on the labels alone (the first two of
 * {@link labelFeatures}).
 *
 * @param previous
 *   Label index of the token before.
 * @param previous2
 *   Label index two tokens before.
 * @param target
 *   Array to append the keys to.
 * @returns
 *   Nothing.
 */
function historyKeys(previous: number, previous2: number, target: number[]): void {
  target.push(mix(template.previousLabel, previous), mix(template.previousLabels, previous2 * 64 + previous))
}

/**
 * The label features that depend on the token too (the last two of
 * {@link labelFeatures}).
 *
 * @param previous
 *   Label index of the token before.
 * @param word
 *   Lower-case word hash of the token.
 * @param shape
 *   Shape hash of the token.
 * @param target
 *   Array to append the keys to.
 * @returns
 *   Nothing.
 */
function labelContextKeys(previous: number, word: number, shape: number, target: number[]): void {
  target.push(mix(template.labelShape, mix(previous, shape)), mix(template.labelWord, mix(previous, word)))
}

/**
 * Whether label `label` may follow label `previous` under BILOU, and, when
 * the next token is a number, whether it may stand before it: a number never
 * continues a closed name (`W. Athey 111`, `Somerset 83` in a result table),
 * so a label that leaves one open (`B-`, `I-`) cannot precede it.
 *
 * @param previous
 *   Label index before (`0` = `O` or the sentence start).
 * @param label
 *   Candidate label index.
 * @param beforeNumber
 *   Whether the next token is a number (see {@link digitOnly}).
 * @returns
 *   Whether the transition is valid.
 */
export function allowed(previous: number, label: number, beforeNumber = false): boolean {
  const open = opens(previous)
  if (label === 0) return !open
  if (beforeNumber && opens(label) && closedTypes[Math.floor((label - 1) / 4)] === 1) return false
  const part = (label - 1) % 4
  if (!open) return part === 0 || part === 3
  return (part === 1 || part === 2) && Math.floor((label - 1) / 4) === Math.floor((previous - 1) / 4)
}

/**
 * Types whose names never hold a number after their first word (`1`, by
 * {@link tagTypes} index): people, organisations, places, groups. MISC
 * names may (`Windows 95`, `Euro 2004`).
 */
const closedTypes = Uint8Array.from(tagTypes, (type) => (type === 'MISC' ? 0 : 1))

/**
 * Whether a number ends a name of this type (see {@link allowed}).
 *
 * @param type
 *   Tagger type.
 * @returns
 *   Whether it does.
 */
export function closedByNumber(type: TagType): boolean {
  return closedTypes[tagTypes.indexOf(type)] === 1
}

/**
 * Whether a token is a number (`111`, `1996`, `4-0`, `.470` is not): it
 * starts with a digit and holds only digits and `.,:/-`.
 *
 * @param word
 *   Token text.
 * @returns
 *   Whether it is.
 */
export function digitOnly(word: string): boolean {
  return /^[0-9][0-9.,:/-]*$/.test(word)
}

/**
 * Whether a label leaves a name open (`B-` or `I-`).
 *
 * @param label
 *   Label index.
 * @returns
 *   Whether the next token must continue the name.
 */
export function opens(label: number): boolean {
  return label !== 0 && (label - 1) % 4 < 2
}

/**
 * {@link allowed} as a table: `transitions[(beforeNumber * labelCount + previous) * labelCount + label]`.
 */
const transitions = Uint8Array.from({length: 2 * labelCount * labelCount}, (_, index) =>
  allowed(Math.floor(index / labelCount) % labelCount, index % labelCount, index >= labelCount * labelCount) ? 1 : 0
)

/**
 * Add the weights of a feature to label scores.
 *
 * @param model
 *   Trained model.
 * @param key
 *   Feature key.
 * @param scores
 *   Scores to add to.
 * @param at
 *   Index in `scores` of label `0`.
 * @returns
 *   Nothing.
 */
function addWeights(model: Model, key: number, scores: Int32Array, at: number): void {
  addRow(model.weights, rowOf(model, key), scores, at)
}

/**
 * Where the weights of a feature are.
 *
 * @param model
 *   Trained model.
 * @param key
 *   Feature key.
 * @returns
 *   Offset of its row in `model.weights` (the entry count is just before
 *   it), `0` when the model has no weights for it.
 */
function rowOf(model: Model, key: number): number {
  const {table} = model
  const mask = (table.length >> 1) - 1
  let slot = key & mask
  let offset = table[2 * slot + 1] as number
  while (offset !== 0 && table[2 * slot] !== key) {
    slot = (slot + 1) & mask
    offset = table[2 * slot + 1] as number
  }
  return offset
}

/**
 * Add a row of weights to label scores.
 *
 * @param weights
 *   Weights of the model.
 * @param row
 *   Offset of the row (see {@link rowOf}; `0` adds nothing).
 * @param scores
 *   Scores to add to.
 * @param at
 *   Index in `scores` of label `0`.
 * @returns
 *   Nothing.
 */
function addRow(weights: Int32Array, row: number, scores: Int32Array, at: number): void {
  if (row === 0) return
  const end = row + (weights[row - 1] as number)
  for (let position = row; position < end; position++) {
    const entry = weights[position] as number
    const label = at + (entry & 255)
    scores[label] = (scores[label] as number) + (entry >> 8)
  }
}

/**
 * The best label allowed after `previous`: the first of the highest scores.
 *
 * @param scores
 *   Score per label.
 * @param previous
 *   Label index before.
 * @param beforeNumber
 *   Whether the next token is a number.
 * @returns
 *   Label index.
 */
function bestLabel(scores: Int32Array, previous: number, beforeNumber: boolean): number {
  const base = ((beforeNumber ? labelCount : 0) + previous) * labelCount
  let best = -1
  for (let label = 0; label < labelCount; label++) {
    if (transitions[base + label] === 1 && (best === -1 || (scores[label] as number) > (scores[best] as number))) best = label
  }
  return best
}

/**
 * Tag a sentence greedily, left to right.
 *
 * @param model
 *   Trained model.
 * @param features
 *   Static features of the sentence.
 * @returns
 *   Label index per token.
 */
export function tagSentence(model: Model, features: SentenceFeatures): Uint8Array {
  const {keys, starts, words, shapes, starters, numbers} = features
  const count = starts.length - 1
  const labels = new Uint8Array(count)
  const scores = new Int32Array(labelCount)
  const dynamic: number[] = []
  let previous = 0
  let previous2 = 0
  for (let index = 0; index < count; index++) {
    // Outside a name, a token that cannot start one is `O`: most tokens, unscored.
    if (starters[index] === 0 && !opens(previous)) {
      labels[index] = 0
      previous2 = previous
      previous = 0
      continue
    }
    scores.fill(0)
    dynamic.length = 0
    for (let position = starts[index] as number; position < (starts[index + 1] as number); position++) {
      dynamic.push(keys[position] as number)
    }
    labelFeatures(previous, previous2, words[index] as number, shapes[index] as number, dynamic)
    for (const key of dynamic) addWeights(model, key, scores, 0)
    const best = bestLabel(scores, previous, index + 1 < count && numbers[index + 1] === 1)
    labels[index] = best
    previous2 = previous
    previous = best
  }
  return labels
}

/** Keys whose rows a tagger remembers (a power of two). */
const recentSize = 8192

/**
 * Build a tagger: the labels of {@link tagSentence} over
 * {@link createExtractor}'s features with {@link documentCasing}, faster.
 * Features are only built for the tokens that get scored; the weights of a
 * form's own features are summed once per form (scores are integer sums, so
 * their order does not matter); the rows of other features are found through
 * a small cache of recent keys and a bit set of the model's keys.
 *
 * @param model
 *   Trained model.
 * @returns
 *   Tagger (it memoises per form, so reuse it).
 */
export function createTagger(model: Model): Tagger {
  const reader = createReader(model.gazetteer, model.clusters)
  // Scores of the label history, at `(previous2 * labelCount + previous) * labelCount`.
  const history = new Int32Array(labelCount * labelCount * labelCount)
  const historyKeyList: number[] = []
  for (let previous2 = 0; previous2 < labelCount; previous2++) {
    for (let previous = 0; previous < labelCount; previous++) {
      historyKeyList.length = 0
      historyKeys(previous, previous2, historyKeyList)
      for (const key of historyKeyList) addWeights(model, key, history, (previous2 * labelCount + previous) * labelCount)
    }
  }
  // Weight sums of the own features of the memo's forms, `labelCount` each,
  // in first-use order (see `WordInfo.scores`).
  let sums = new Int32Array(labelCount * 4096)
  let used = 0
  // Rows of recent keys, by their low bits: features of frequent words and
  // of the labels recur, and the model's table is megabytes (cache misses).
  const recentKeys = new Int32Array(recentSize)
  const recentRows = new Int32Array(recentSize)
  // One bit per key of the model, by the key's top bits: most other keys
  // (bigrams never seen, rare words) are not in the model, and these bits
  // (256 KB) say so without a miss in its table.
  const modelKeys = new Int32Array(1 << 16)
  for (let slot = 0; slot < model.table.length; slot += 2) {
    if (model.table[slot + 1] === 0) continue
    const bit = (model.table[slot] as number) >>> 11
    modelKeys[bit >>> 5] = (modelKeys[bit >>> 5] as number) | (1 << (bit & 31))
  }
  const scores = new Int32Array(labelCount)
  const dynamic: number[] = []
  // The casing of the document being tagged, on the lexemes of its words.
  let document = 0
  const casing: CasingStore<WordInfo> = {
    get: (word) => (word.lexeme.document === document ? word.lexeme.casing : 0),
    set(word, value) {
      word.lexeme.document = document
      word.lexeme.casing = value
    }
  }

  return function (words, sentences) {
    if (reader.trim()) used = 0
    const forms = words.map(reader.word)
    document++
    for (const [first, last] of sentences) addCasing(casing, forms, first, last)
    return {forms, labels: sentences.map(([first, last]) => tag(forms, first, last))}
  }

  /**
   * Tag one sentence.
   *
   * @param forms
   *   Forms of the document.
   * @param first
   *   Index of the first token of the sentence.
   * @param last
   *   Index after its last token.
   * @returns
   *   Label index per token of the sentence.
   */
  function tag(forms: readonly WordInfo[], first: number, last: number): Uint8Array {
    const labels = new Uint8Array(last - first)
    let sentence: SentenceView | undefined
    let previous = 0
    let previous2 = 0
    for (let index = first; index < last; index++) {
      const info = forms[index] as WordInfo
      // Outside a name, a token that cannot start one is `O`: most tokens, unscored.
      if (!info.starter && !opens(previous)) {
        previous2 = previous
        previous = 0
        continue
      }
      sentence ??= reader.sentence(forms, first, last, casing.get)
      const base = (previous2 * labelCount + previous) * labelCount
      const own = formScores(info)
      for (let label = 0; label < labelCount; label++) {
        scores[label] = (history[base + label] as number) + (sums[own + label] as number)
      }
      dynamic.length = 0
      neighbourKeys(sentence, index, dynamic)
      contextKeys(sentence, index, dynamic)
      labelContextKeys(previous, info.lower, info.shape, dynamic)
      for (const key of dynamic) addRow(model.weights, recentRow(key), scores, 0)
      const best = bestLabel(scores, previous, index + 1 < last && (forms[index + 1] as WordInfo).number)
      labels[index - first] = best
      previous2 = previous
      previous = best
    }
    return labels
  }

  /**
   * {@link rowOf}, remembered for recent keys (no key is `0`, the empty slot).
   *
   * @param key
   *   Feature key.
   * @returns
   *   Offset of its row, `0` for none.
   */
  function recentRow(key: number): number {
    const slot = key & (recentSize - 1)
    if (recentKeys[slot] === key) return recentRows[slot] as number
    const bit = key >>> 11
    const row = ((modelKeys[bit >>> 5] as number) & (1 << (bit & 31))) === 0 ? 0 : rowOf(model, key)
    recentKeys[slot] = key
    recentRows[slot] = row
    return row
  }

  /**
   * Where the weight sums of a form's own features are in `sums`, summing
   * them on first use.
   *
   * @param form
   *   Form.
   * @returns
   *   Offset of its `labelCount` sums.
   */
  function formScores(form: WordInfo): number {
    if (form.scores !== -1) return form.scores
    if (used + labelCount > sums.length) {
      const grown = new Int32Array(sums.length * 2)
      grown.set(sums)
      sums = grown
    }
    const at = used
    used += labelCount
    // The place may hold the sums of a form the memo has forgotten.
    sums.fill(0, at, used)
    for (const key of form.keys) addWeights(model, key, sums, at)
    form.scores = at
    return at
  }
}

/** A typed span over tokens: `[start, end)` token indices. */
export interface LabelSpan {
  readonly start: number
  readonly end: number
  readonly type: TagType
}

/**
 * Read spans from BILOU labels; a span cut off by the sentence end is kept.
 *
 * @param labels
 *   Label index per token.
 * @returns
 *   Spans in order.
 */
export function labelSpans(labels: ArrayLike<number>): LabelSpan[] {
  const spans: LabelSpan[] = []
  let open = -1
  for (let index = 0; index < labels.length; index++) {
    const label = labels[index] as number
    if (label === 0) {
      open = -1
      continue
    }
    const part = (label - 1) % 4
    const type = tagTypes[Math.floor((label - 1) / 4)] as TagType
    if (part === 0) open = index
    if (part === 3) spans.push({start: index, end: index + 1, type})
    if (part === 2 && open !== -1) spans.push({start: open, end: index + 1, type})
    if (part === 1 && open !== -1 && index === labels.length - 1) spans.push({start: open, end: index + 1, type})
    if (part === 0 && index === labels.length - 1) spans.push({start: index, end: index + 1, type})
    if (part >= 2) open = -1
  }
  return spans
}

/**
 * BILOU label indices for typed spans over `count` tokens.
 *
 * @param count
 *   Number of tokens.
 * @param spans
 *   Non-overlapping spans.
 * @returns
 *   Label index per token.
 */
export function spanLabels(count: number, spans: readonly LabelSpan[]): Uint8Array {
  const labels = new Uint8Array(count)
  for (const span of spans) {
    const base = 1 + 4 * tagTypes.indexOf(span.type)
    if (span.end - span.start === 1) {
      labels[span.start] = base + 3
      continue
    }
    labels[span.start] = base
    for (let index = span.start + 1; index < span.end - 1; index++) labels[index] = base + 1
    labels[span.end - 1] = base + 2
  }
  return labels
}

/** Trained weights before packing: feature key -> weight per label. */
export interface WeightRows {
  readonly keys: readonly number[]
  readonly rows: ReadonlyArray<ArrayLike<number>>
}

// File layout: gzip of [u32 header length][header JSON][rows × i32 key]
// [rows × u8 count][entries × u8 label][entries × i16 weight]
// [clusters × i32 word hash][clusters × u16 cluster].
const formatVersion = 2

/**
 * Pack weights and gazetteer into the bytes of a model file (deterministic).
 *
 * @param weights
 *   Weight rows (keys in a stable order).
 * @param gazetteer
 *   Gazetteer the model was trained with.
 * @param commonWords
 *   Common lower-case words of the training text.
 * @param clusters
 *   Word clusters the features were trained with.
 * @param smallestKept
 *   Rows whose largest quantised weight (in units of 1 / 32,767 of the
 *   largest weight of the model) is at most this are left out: features that
 *   barely move a score, but cost a slot in the table each.
 * @returns
 *   Gzipped model bytes.
 */
export function encodeModel(
  weights: WeightRows,
  gazetteer: GazetteerLists,
  commonWords: readonly string[],
  clusters: ClusterTable,
  smallestKept = 0
): Buffer {
  let largest = 0
  for (const row of weights.rows) for (let label = 0; label < labelCount; label++) largest = Math.max(largest, Math.abs(row[label] as number))
  const scale = largest / 32_767 || 1
  const keys: number[] = []
  const counts: number[] = []
  const classes: number[] = []
  const values: number[] = []
  for (const [index, row] of weights.rows.entries()) {
    let largestValue = 0
    for (let label = 0; label < labelCount; label++) {
      largestValue = Math.max(largestValue, Math.abs(Math.round((row[label] as number) / scale)))
    }
    if (largestValue <= smallestKept) continue
    let count = 0
    for (let label = 0; label < labelCount; label++) {
      const value = Math.round((row[label] as number) / scale)
      if (value === 0) continue
      classes.push(label)
      values.push(value)
      count++
    }
    keys.push(weights.keys[index] as number)
    counts.push(count)
  }
  const header = Buffer.from(
    JSON.stringify({
      version: formatVersion,
      labels: labelNames,
      scale,
      rows: keys.length,
      entries: values.length,
      gazetteer,
      commonWords,
      clusters: clusters.size
    })
  )
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.length)
  const body = Buffer.concat([
    length,
    header,
    Buffer.from(Int32Array.from(keys).buffer),
    Buffer.from(Uint8Array.from(counts).buffer),
    Buffer.from(Uint8Array.from(classes).buffer),
    Buffer.from(Int16Array.from(values).buffer),
    ...clusterColumns(clusters)
  ])
  return gzipSync(body, {level: 9})
}

/**
 * The words of a cluster table as two columns, in slot order.
 *
 * @param clusters
 *   Clusters.
 * @returns
 *   Bytes of the hashes, then of the clusters.
 */
function clusterColumns(clusters: ClusterTable): [Buffer, Buffer] {
  const hashes = new Int32Array(clusters.size)
  const codes = new Uint16Array(clusters.size)
  let count = 0
  for (let slot = 0; slot < clusters.slots.length; slot += 2) {
    if (clusters.slots[slot + 1] === 0) continue
    hashes[count] = clusters.slots[slot] as number
    codes[count++] = (clusters.slots[slot + 1] as number) - 1
  }
  return [Buffer.from(hashes.buffer), Buffer.from(codes.buffer)]
}

/**
 * Read a model file.
 *
 * @param bytes
 *   Gzipped model bytes, as written by {@link encodeModel}.
 * @returns
 *   The model.
 */
export function decodeModel(bytes: Uint8Array): Model {
  const body = gunzipSync(bytes)
  const headerLength = body.readUInt32LE(0)
  const header = JSON.parse(body.subarray(4, 4 + headerLength).toString('utf8')) as {
    version: number
    labels: string[]
    scale: number
    rows: number
    entries: number
    gazetteer: GazetteerLists
    commonWords: string[]
    clusters: number
  }
  if (header.version !== formatVersion || header.labels.join() !== labelNames.join()) {
    throw new TypeError('Expected an entity model of version ' + formatVersion + ', got `' + header.version + '`')
  }
  let offset = 4 + headerLength
  const take = (size: number) => {
    const part = new Uint8Array(size)
    part.set(body.subarray(offset, offset + size))
    offset += size
    return part.buffer
  }
  const keys = new Int32Array(take(header.rows * 4))
  const counts = new Uint8Array(take(header.rows))
  const classes = new Uint8Array(take(header.entries))
  const quantised = new Int16Array(take(header.entries * 2))
  const weights = new Int32Array(header.rows + header.entries)
  const offsets = new Int32Array(header.rows)
  let entry = 0
  let cursor = 0
  for (let row = 0; row < header.rows; row++) {
    const count = counts[row] as number
    weights[cursor++] = count
    offsets[row] = cursor
    for (let index = 0; index < count; index++, entry++) {
      weights[cursor++] = (quantised[entry] as number) * 256 + (classes[entry] as number)
    }
  }

  const table = pairTable(keys, offsets)
  const clusterHashes = new Int32Array(take(header.clusters * 4))
  const clusterCodes = new Uint16Array(take(header.clusters * 2))
  const clusters = createClusterTable(clusterHashes, clusterCodes)
  return {gazetteer: header.gazetteer, commonWords: header.commonWords, clusters, table, weights}
}

/**
 * Word-level features of a surface form.
 *
 * @param word
 *   Token text.
 * @param phrases
 *   Gazetteer phrases by first word (see {@link Matcher}).
 * @param lexemeOf
 *   The lexeme of a lower-case form.
 * @param clusters
 *   Word clusters.
 * @returns
 *   Its hashes and keys.
 */
function wordInfo(word: string, phrases: Matcher['phrases'], lexemeOf: (lower: string) => Lexeme, clusters: ClusterTable): WordInfo {
  const surface = surfaceOf(word)
  const lower = surface.normalised
  const lowerHash = hashString(lower)
  const shape = wordShape(word)
  const shapeHash = hashString(shape)
  const keys = [
    mix(template.bias, 0),
    mix(template.word, hashString(word)),
    mix(template.lower, lowerHash),
    mix(template.shape, shapeHash),
    mix(template.shortShape, hashString(shape.replace(/(.)\1+/g, '$1')))
  ]
  for (let size = 1; size <= 3; size++) {
    if (lower.length > size) keys.push(mix(template.prefix + size, hashString(lower.slice(0, size))))
  }
  for (let size = 1; size <= 4; size++) {
    if (lower.length > size) keys.push(mix(template.suffix + size - 1, hashString(lower.slice(-size))))
  }
  const first = word.charAt(0)
  const capitalised = surface.capitalised
  const upper = capitalised && word === word.toUpperCase()
  const flags = (capitalised ? 1 : 0) | (upper ? 2 : 0) | (/\d/.test(word) ? 4 : 0) | (word.includes('.') ? 8 : 0) | (Math.min(word.length, 12) << 4)
  keys.push(mix(template.flags, flags))
  const cluster = clusterOf(clusters, lowerHash)
  if (cluster === -1) keys.push(mix(template.cluster, -1))
  else {
    keys.push(
      mix(template.cluster, cluster >> clusterBits.top),
      mix(template.clusterMiddle, cluster >> clusterBits.middle),
      mix(template.clusterBottom, cluster)
    )
  }
  // One literal with every field (no spread): V8 builds it fast and with one shape.
  return {
    text: word,
    normalised: lower,
    capitalised,
    lowerFirst: surface.lowerFirst,
    hasLower: surface.hasLower,
    hasUpper: surface.hasUpper,
    starter: capitalised || (first >= '0' && first <= '9'),
    number: digitOnly(word),
    lower: lowerHash,
    shape: shapeHash,
    cluster,
    keys,
    upper,
    long: word.length > 1,
    joiner: runJoiners.has(lower),
    phrases: phrases(lower),
    lexeme: lexemeOf(lower),
    upperStart: /^\p{Lu}/u.test(word),
    lowerStart: /^\p{Ll}/u.test(word),
    letters: /^\p{L}+$/u.test(word),
    scores: -1
  }
}

/**
 * What the casing tests need of a surface form.
 *
 * @param word
 *   Token text.
 * @returns
 *   Its surface facts.
 */
function surfaceOf(word: string): Surface {
  const first = word.charAt(0)
  return {
    normalised: normaliseWord(word),
    capitalised: first !== first.toLowerCase(),
    lowerFirst: first !== first.toUpperCase(),
    hasLower: /\p{Ll}/u.test(word),
    hasUpper: /\p{Lu}/u.test(word)
  }
}

/**
 * Lower-case form of a word with typographic apostrophes made straight.
 *
 * @param word
 *   Token text.
 * @returns
 *   Normalised form.
 */
export function normaliseWord(word: string): string {
  const lower = word.toLowerCase()
  // Most words have no apostrophe: skip the replacing then.
  return lower.includes('’') ? lower.replaceAll('’', "'") : lower
}

/**
 * Shape of a word: `Xx` classes per character, runs longer than two cut to two
 * (`Trump` -> `Xxx`, `U.S.` -> `X.X.`, `1996` -> `dd`).
 *
 * @param word
 *   Token text.
 * @returns
 *   Shape.
 */
function wordShape(word: string): string {
  let shape = ''
  let last = ''
  let run = 0
  for (const character of word) {
    let kind: string
    if (character >= '0' && character <= '9') kind = 'd'
    else if (character !== character.toLowerCase()) kind = 'X'
    else if (character !== character.toUpperCase()) kind = 'x'
    else kind = character === '’' ? "'" : character
    run = kind === last ? run + 1 : 1
    last = kind
    if (run <= 2) shape += kind
  }
  return shape
}

/** A gazetteer phrase: its words through {@link normaliseWord}, and its category index. */
interface Phrase {
  readonly words: readonly string[]
  readonly category: number
}

/** Finds gazetteer phrases in sentences. */
interface Matcher {
  /** Phrases starting with a word (through {@link normaliseWord}), longest first. */
  readonly phrases: (word: string) => readonly Phrase[] | undefined
  /** Write the match of each word of `infos[first..last)` to `matches`, from index `0`. */
  readonly match: (infos: readonly WordInfo[], first: number, last: number, matches: Int32Array) => void
}

/**
 * Build the gazetteer matcher: for each word of a sentence, the category and
 * BILOU part of the longest capitalised phrase match covering it
 * (`category * 8 + part + 1`, `0` for none; the first category listed wins a
 * tie), written to `matches` from index `0` for the sentence's first word.
 *
 * @param gazetteer
 *   Phrases by category.
 * @returns
 *   Matcher.
 */
function createMatcher(gazetteer: GazetteerLists): Matcher {
  const index = new Map<string, Phrase[]>()
  for (const [category, name] of gazetteerCategories.entries()) {
    for (const phrase of gazetteer[name]) {
      const words = splitPhrase(phrase).map(normaliseWord)
      const first = words[0]
      if (first === undefined) continue
      const list = index.get(first) ?? []
      list.push({words, category})
      index.set(first, list)
    }
  }
  for (const list of index.values()) list.sort((left, right) => right.words.length - left.words.length || left.category - right.category)

  return {
    phrases: (word) => index.get(word),
    match(infos, first, last, matches) {
      matches.fill(0, 0, last - first)
      for (let start = first; start < last; start++) {
        const info = infos[start] as WordInfo
        const candidates = info.phrases
        if (!info.capitalised || !candidates) continue
        for (const candidate of candidates) {
          const length = candidate.words.length
          if (start + length > last) continue
          let same = true
          for (let offset = 1; offset < length && same; offset++) {
            same = (infos[start + offset] as WordInfo).normalised === candidate.words[offset]
          }
          if (!same) continue
          const base = candidate.category * 8 + 1
          const at = start - first
          if (length === 1) matches[at] = base + 3
          else {
            matches[at] = base
            for (let offset = 1; offset < length - 1; offset++) matches[at + offset] = base + 1
            matches[at + length - 1] = base + 2
          }
          start += length - 1
          break
        }
      }
    }
  }
}

/**
 * Tokens of a gazetteer phrase, split like running text.
 *
 * @param phrase
 *   Phrase.
 * @returns
 *   Token texts.
 */
export function splitPhrase(phrase: string): string[] {
  return phrase.split(/\s+/).flatMap((word) => (word ? splitToken(word) : []))
}

/**
 * FNV-1a hash of a string.
 *
 * @param value
 *   String.
 * @returns
 *   32-bit signed hash.
 */
export function hashString(value: string): number {
  let hash = 0x81_1c_9d_c5
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index)
    hash = Math.imul(hash, 0x01_00_01_93)
  }
  return hash | 0
}

/**
 * Combine two 32-bit values into a well-spread non-zero key.
 *
 * @param left
 *   First value (a template id or a hash).
 * @param right
 *   Second value.
 * @returns
 *   32-bit signed key, never `0` (the empty slot marker).
 */
export function mix(left: number, right: number): number {
  let hash = Math.imul(left ^ 0x9e_37_79_b9, 0x85_eb_ca_6b) ^ right
  hash = Math.imul(hash ^ (hash >>> 16), 0x85_eb_ca_6b)
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2_b2_ae_35)
  hash ^= hash >>> 16
  return hash === 0 ? 1 : hash | 0
}

