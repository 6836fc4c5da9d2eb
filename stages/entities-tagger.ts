/**
 * The statistical core of the entity stage: a greedy averaged-perceptron
 * sequence tagger over BILOU labels (Ratinov & Roth 2009) with hashed
 * features for the word, its shape and affixes, a ±2 context window,
 * gazetteer matches, the last word of the capitalised run a token is in,
 * how the rest of the document writes the word, and the two previous labels.
 * Feature extraction and decoding live here so training
 * (`bench/train-entities.ts`) and tagging use the very same code; the
 * weights file format is defined here too.
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
}

/**
 * Extracts the static features of a sentence, given how its document writes
 * each word (see {@link documentCasing}; without it, the sentence alone).
 */
export type Extractor = (words: readonly string[], casing?: DocumentCasing) => SentenceFeatures

/**
 * How a document writes each word, by lower-case form: the number of times it
 * is capitalised inside a sentence that is not in capitals (a name, most
 * likely), times two, plus one if it is also written in lower case.
 */
export type DocumentCasing = ReadonlyMap<string, number>

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
  for (const words of sentences) {
    const capitals = inCapitals(words)
    for (const [index, word] of words.entries()) {
      const first = word.charAt(0)
      const lower = first !== first.toUpperCase()
      const capitalised = first !== first.toLowerCase()
      if (!lower && !(capitalised && index > 0 && !capitals)) continue
      const key = normaliseWord(word)
      const value = casing.get(key) ?? 0
      casing.set(key, lower ? value | 1 : value + 2)
    }
  }
  return casing
}

/**
 * Whether a sentence is written in capitals (a headline or dateline): three
 * or more words with letters, none with a lower-case letter.
 *
 * @param words
 *   Token texts.
 * @returns
 *   Whether it is.
 */
function inCapitals(words: readonly string[]): boolean {
  let letters = 0
  for (const word of words) {
    if (/\p{Ll}/u.test(word)) return false
    if (/\p{Lu}/u.test(word)) letters++
  }
  return letters >= 3
}

// Feature templates: small distinct integers mixed into every key.
const template = {
  bias: 1, word: 2, lower: 3, shape: 4, shortShape: 5, prefix: 6, suffix: 10, flags: 14,
  previousWord: 20, nextWord: 21, previousWord2: 22, nextWord2: 23, previousShape: 24, nextShape: 25,
  leftBigram: 26, rightBigram: 27, shapeTrigram: 28, first: 29, allCaps: 30, casing: 35, runHead: 36,
  gazetteer: 31, previousGazetteer: 32, nextGazetteer: 33, gazetteerShape: 34,
  previousLabel: 40, previousLabels: 41, labelShape: 42, labelWord: 43
} as const

/** Word-level features of one surface form, computed once per form. */
interface WordInfo {
  readonly starter: boolean
  readonly lower: number
  readonly shape: number
  readonly keys: readonly number[]
  readonly capitalised: boolean
  readonly upper: boolean
}

/** Lower-case words that may join the capitalised words of a name. */
const runJoiners = new Set(['of', 'and', 'for', 'the', 'de', '&'])

/** Largest number of surface forms an extractor remembers before starting afresh. */
const wordCacheSize = 200_000

/**
 * Build a feature extractor for a gazetteer.
 *
 * @param gazetteer
 *   Gazetteer phrases by category.
 * @returns
 *   Extractor (it memoises word features, so reuse it).
 */
export function createExtractor(gazetteer: GazetteerLists): Extractor {
  const matcher = createMatcher(gazetteer)
  let cache = new Map<string, WordInfo>()

  return function (words, casing = documentCasing([words])) {
    const count = words.length
    const infos: WordInfo[] = []
    let letters = 0
    let upperWords = 0
    for (const word of words) {
      let info = cache.get(word)
      if (!info) {
        if (cache.size >= wordCacheSize) cache = new Map()
        info = wordInfo(word)
        cache.set(word, info)
      }
      infos.push(info)
      if (info.capitalised) {
        letters++
        if (info.upper && word.length > 1) upperWords++
      }
    }
    // Headlines and datelines in capitals (`TRUMP HAILS DEAL`).
    const allCaps = letters >= 3 && upperWords === letters ? 1 : 0
    const capitals = inCapitals(words)
    const matches = matcher(words, infos)

    const keys: number[] = []
    const starts = new Int32Array(count + 1)
    const lowers = new Int32Array(count)
    const shapes = new Int32Array(count)
    const starters = new Uint8Array(count)
    const boundary = hashString('<s>')
    for (let index = 0; index < count; index++) {
      const info = infos[index] as WordInfo
      lowers[index] = info.lower
      shapes[index] = info.shape
      starters[index] = info.starter ? 1 : 0
    }
    // The last word of each run of capitalised words (`of`, `and`, `for`, `the` may join them): `Club`, `Party`, `Inc`.
    const heads = new Int32Array(count).fill(-1)
    for (let index = 0; index < count; ) {
      if (!(infos[index] as WordInfo).capitalised) {
        index++
        continue
      }
      let last = index
      let at = index + 1
      while (at < count) {
        if ((infos[at] as WordInfo).capitalised) last = at
        else if (!runJoiners.has(normaliseWord(words[at] as string))) break
        at++
      }
      heads.fill(last, index, last + 1)
      index = last + 1
    }
    for (let index = 0; index < count; index++) {
      starts[index] = keys.length
      const info = infos[index] as WordInfo
      const previous = index > 0 ? (infos[index - 1] as WordInfo) : undefined
      const next = index + 1 < count ? (infos[index + 1] as WordInfo) : undefined
      const previous2 = index > 1 ? (infos[index - 2] as WordInfo).lower : boundary
      const next2 = index + 2 < count ? (infos[index + 2] as WordInfo).lower : boundary
      const previousLower = previous ? previous.lower : boundary
      const nextLower = next ? next.lower : boundary
      const previousShape = previous ? previous.shape : boundary
      const nextShape = next ? next.shape : boundary
      for (const key of info.keys) keys.push(key)
      keys.push(
        mix(template.previousWord, previousLower),
        mix(template.nextWord, nextLower),
        mix(template.previousWord2, previous2),
        mix(template.nextWord2, next2),
        mix(template.previousShape, previousShape),
        mix(template.nextShape, nextShape),
        mix(template.leftBigram, mix(previousLower, info.lower)),
        mix(template.rightBigram, mix(info.lower, nextLower)),
        mix(template.shapeTrigram, mix(mix(previousShape, info.shape), nextShape))
      )
      if (index === 0) keys.push(mix(template.first, info.shape))
      if (allCaps) keys.push(mix(template.allCaps, info.shape))
      if (info.capitalised) {
        // How the rest of the document writes this word (this mention itself not counted).
        let value = casing.get(normaliseWord(words[index] as string)) ?? 0
        if (index > 0 && !capitals) value -= 2
        const evidence = (value & 1) | (value >= 2 ? 2 : 0)
        keys.push(mix(template.casing, evidence | (index === 0 ? 4 : 0) | (capitals ? 8 : 0)))
      }
      const head = heads[index] as number
      if (head !== -1 && !capitals) keys.push(mix(template.runHead, mix((infos[head] as WordInfo).lower, head === index ? 1 : 0)))
      const match = matches[index] as number
      if (match) keys.push(mix(template.gazetteer, match), mix(template.gazetteerShape, mix(match, info.shape)))
      const previousMatch = index > 0 ? (matches[index - 1] as number) : 0
      const nextMatch = index + 1 < count ? (matches[index + 1] as number) : 0
      if (previousMatch) keys.push(mix(template.previousGazetteer, previousMatch >> 3))
      if (nextMatch) keys.push(mix(template.nextGazetteer, nextMatch >> 3))
    }
    starts[count] = keys.length
    return {keys: Int32Array.from(keys), starts, words: lowers, shapes, starters}
  }
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
  target.push(
    mix(template.previousLabel, previous),
    mix(template.previousLabels, previous2 * 64 + previous),
    mix(template.labelShape, mix(previous, shape)),
    mix(template.labelWord, mix(previous, word))
  )
}

/**
 * Whether label `label` may follow label `previous` under BILOU.
 *
 * @param previous
 *   Label index before (`0` = `O` or the sentence start).
 * @param label
 *   Candidate label index.
 * @returns
 *   Whether the transition is valid.
 */
export function allowed(previous: number, label: number): boolean {
  const open = opens(previous)
  if (label === 0) return !open
  const part = (label - 1) % 4
  if (!open) return part === 0 || part === 3
  return (part === 1 || part === 2) && Math.floor((label - 1) / 4) === Math.floor((previous - 1) / 4)
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

/** {@link allowed} as a table: `transitions[previous * labelCount + label]`. */
const transitions = Uint8Array.from({length: labelCount * labelCount}, (_, index) =>
  allowed(Math.floor(index / labelCount), index % labelCount) ? 1 : 0
)

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
  const {table, weights} = model
  const mask = (table.length >> 1) - 1
  const {keys, starts, words, shapes, starters} = features
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
    for (const key of dynamic) {
      let slot = key & mask
      let offset = table[2 * slot + 1] as number
      while (offset !== 0 && table[2 * slot] !== key) {
        slot = (slot + 1) & mask
        offset = table[2 * slot + 1] as number
      }
      if (offset === 0) continue
      const end = offset + (weights[offset - 1] as number)
      for (let position = offset; position < end; position++) {
        const entry = weights[position] as number
        const label = entry & 255
        scores[label] = (scores[label] as number) + (entry >> 8)
      }
    }
    const base = previous * labelCount
    let best = -1
    for (let label = 0; label < labelCount; label++) {
      if (transitions[base + label] === 1 && (best === -1 || (scores[label] as number) > (scores[best] as number))) best = label
    }
    labels[index] = best
    previous2 = previous
    previous = best
  }
  return labels
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
// [rows × u8 count][entries × u8 label][entries × i16 weight].
const formatVersion = 1

/**
 * Pack weights and gazetteer into the bytes of a model file (deterministic).
 *
 * @param weights
 *   Weight rows (keys in a stable order).
 * @param gazetteer
 *   Gazetteer the model was trained with.
 * @param commonWords
 *   Common lower-case words of the training text.
 * @returns
 *   Gzipped model bytes.
 */
export function encodeModel(weights: WeightRows, gazetteer: GazetteerLists, commonWords: readonly string[]): Buffer {
  let largest = 0
  for (const row of weights.rows) for (let label = 0; label < labelCount; label++) largest = Math.max(largest, Math.abs(row[label] as number))
  const scale = largest / 32_767 || 1
  const keys: number[] = []
  const counts: number[] = []
  const classes: number[] = []
  const values: number[] = []
  for (const [index, row] of weights.rows.entries()) {
    let count = 0
    for (let label = 0; label < labelCount; label++) {
      const value = Math.round((row[label] as number) / scale)
      if (value === 0) continue
      classes.push(label)
      values.push(value)
      count++
    }
    if (count === 0) continue
    keys.push(weights.keys[index] as number)
    counts.push(count)
  }
  const header = Buffer.from(
    JSON.stringify({version: formatVersion, labels: labelNames, scale, rows: keys.length, entries: values.length, gazetteer, commonWords})
  )
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.length)
  const body = Buffer.concat([
    length,
    header,
    Buffer.from(Int32Array.from(keys).buffer),
    Buffer.from(Uint8Array.from(counts).buffer),
    Buffer.from(Uint8Array.from(classes).buffer),
    Buffer.from(Int16Array.from(values).buffer)
  ])
  return gzipSync(body, {level: 9})
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

  let size = 1
  while (size < header.rows * 2) size *= 2
  const table = new Int32Array(size * 2)
  for (let row = 0; row < header.rows; row++) {
    const key = keys[row] as number
    let slot = key & (size - 1)
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & (size - 1)
    table[2 * slot] = key
    table[2 * slot + 1] = offsets[row] as number
  }
  return {gazetteer: header.gazetteer, commonWords: header.commonWords, table, weights}
}

/**
 * Word-level features of a surface form.
 *
 * @param word
 *   Token text.
 * @returns
 *   Its hashes and keys.
 */
function wordInfo(word: string): WordInfo {
  const lower = normaliseWord(word)
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
  const capitalised = first !== first.toLowerCase()
  const upper = capitalised && word === word.toUpperCase()
  const flags = (capitalised ? 1 : 0) | (upper ? 2 : 0) | (/\d/.test(word) ? 4 : 0) | (word.includes('.') ? 8 : 0) | (Math.min(word.length, 12) << 4)
  keys.push(mix(template.flags, flags))
  return {starter: capitalised || (first >= '0' && first <= '9'), lower: lowerHash, shape: shapeHash, keys, capitalised, upper}
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
  return word.toLowerCase().replace(/’/g, "'")
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

/**
 * Build the gazetteer matcher: for each token, the category and BILOU part of
 * the longest capitalised phrase match covering it (`category * 8 + part + 1`,
 * `0` for none; the first category listed wins a tie).
 *
 * @param gazetteer
 *   Phrases by category.
 * @returns
 *   Matcher.
 */
function createMatcher(gazetteer: GazetteerLists): (words: readonly string[], infos: readonly WordInfo[]) => Int32Array {
  const index = new Map<string, Array<{words: string[]; category: number}>>()
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

  return function (words, infos) {
    const matches = new Int32Array(words.length)
    for (let start = 0; start < words.length; start++) {
      if (!(infos[start] as WordInfo).capitalised) continue
      const candidates = index.get(normaliseWord(words[start] as string))
      if (!candidates) continue
      for (const candidate of candidates) {
        const length = candidate.words.length
        if (start + length > words.length) continue
        let same = true
        for (let offset = 1; offset < length && same; offset++) {
          same = normaliseWord(words[start + offset] as string) === candidate.words[offset]
        }
        if (!same) continue
        const base = candidate.category * 8 + 1
        if (length === 1) matches[start] = base + 3
        else {
          matches[start] = base
          for (let offset = 1; offset < length - 1; offset++) matches[start + offset] = base + 1
          matches[start + length - 1] = base + 2
        }
        start += length - 1
        break
      }
    }
    return matches
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

