/**
 * Stories: different articles about the same event. Not a duplicate
 * relation (five outlets' takes on one summit share a story, not a text).
 * Not a unified plugin, because it needs every document of the run at once;
 * `pipeline/corpus.ts` calls it.
 *
 * Each document becomes a vector of its entities and keywords weighted by
 * TF-IDF over the run (natural's formula); two documents published within
 * `windowDays` of each other whose vectors have a cosine similarity of at
 * least `threshold` are linked, and a story is a connected group of links.
 * See `docs/DEDUPLICATION.md` for the defaults and why.
 */
import {hash} from 'node:crypto'
import {createRequire} from 'node:module'
import {notNames} from './stories-list.js'
import {keyLength, KeyTable, writeTermKey} from './term-keys.js'
import {grown, TermTable} from './term-table.js'

// The submodule only: natural's index loads every other module too.
const require = createRequire(import.meta.url)
const stopwords: ReadonlySet<string> = new Set(
  (require('natural/lib/natural/util/stopwords.js') as {words: string[]}).words
)

/** What starts the term of an entity (its canonical name follows, in lower case). */
const entityPrefix = 'entity:'

/** Share of the documents above which a term is too common to link two of them. */
const commonShare = 0.05
/** Documents a term may always be in and still link them (small drops are often one event). */
const commonMinimum = 10

/** Configuration of story grouping. */
export interface Options {
  /** Least cosine similarity of two documents' vectors for one story (default: `0.2`). */
  readonly threshold?: number | undefined
  /** Most days between the publication dates of two linked documents (default: `3`). */
  readonly windowDays?: number | undefined
  /** Terms with the highest TF-IDF kept per document (default: `50`). */
  readonly terms?: number | undefined
  /** Fewest entities among those terms two linked documents share (default: `3`). */
  readonly sharedEntities?: number | undefined
}

/** Options with every default filled in and checked. */
export type Settings = Required<{[Key in keyof Options]: NonNullable<Options[Key]>}>

/** A document to group. */
export interface StoryDocument {
  readonly id: string
  readonly text: string
  /** Publication date (`YYYY-MM-DD…`), or `null` (then any date fits). */
  readonly date: string | null
  /** Canonical names of its entities, when an entity stage ran. */
  readonly entities?: readonly string[] | undefined
}

/**
 * Check options once and fill in the defaults.
 *
 * @param options
 *   Options.
 * @returns
 *   Settings.
 */
export function storySettings(options: Options = {}): Settings {
  const settings: Settings = {
    threshold: options.threshold ?? 0.2,
    windowDays: options.windowDays ?? 3,
    terms: options.terms ?? 50,
    sharedEntities: options.sharedEntities ?? 3
  }
  if (!(typeof settings.threshold === 'number' && settings.threshold > 0 && settings.threshold <= 1)) {
    throw new TypeError('Expected `threshold` to be a number above 0 and at most 1, got `' + settings.threshold + '`')
  }
  if (!(Number.isInteger(settings.windowDays) && settings.windowDays >= 0)) {
    throw new TypeError('Expected `windowDays` to be a whole number of days, got `' + settings.windowDays + '`')
  }
  for (const name of ['terms', 'sharedEntities'] as const) {
    if (!(Number.isInteger(settings[name]) && settings[name] > 0)) {
      throw new TypeError('Expected `' + name + '` to be a positive integer, got `' + settings[name] + '`')
    }
  }
  return settings
}

/** Term counts of one document, sorted by term (by code unit, which breaks ties between equal scores): what story grouping keeps of a document's text. */
export type StoryTerms = ReadonlyArray<readonly [term: string, count: number]>

/** The strongest terms of a document (ids in a {@link StoryTermIndex}), strongest first, with unit-length weights. */
export interface StoryVector {
  readonly terms: Int32Array
  readonly weights: Float64Array
}

/**
 * Ids and dates of the documents of a {@link StoryVectorSource}, by
 * position, in columns: as two arrays of strings (and the stories as a `Map`
 * of id to story id), 50,000 documents' held the largest part of the heap
 * through the stories step.
 */
export class StoryDocumentList {
  readonly #ids = new TermTable()
  readonly #dates = new TermTable()
  /** Id of each document in {@link StoryDocumentList.#ids} (two documents may have the same id). */
  #idOf = new Int32Array(1024)
  /** Id of each document's date in {@link StoryDocumentList.#dates}, or `-1` when it has none. */
  #dateOf = new Int32Array(1024)
  #length = 0

  /** Number of documents. */
  get length(): number {
    return this.#length
  }

  /**
   * Add a document.
   *
   * @param id
   *   Document id.
   * @param date
   *   Publication date, or `null`.
   * @returns
   *   Nothing.
   */
  add(id: string, date: string | null): void {
    const position = this.#length
    if (position === this.#idOf.length) {
      this.#idOf = grown(this.#idOf, position + 1)
      this.#dateOf = grown(this.#dateOf, position + 1)
    }
    this.#idOf[position] = this.#ids.add(id)
    this.#dateOf[position] = date === null ? -1 : this.#dates.add(date)
    this.#length++
  }

  /**
   * Id of a document.
   *
   * @param position
   *   Position, in the order added.
   * @returns
   *   Document id.
   */
  id(position: number): string {
    return this.#ids.text(this.#idOf[position] as number)
  }

  /**
   * Publication date of a document (`YYYY-MM-DD…`).
   *
   * @param position
   *   Position.
   * @returns
   *   Date, or `null` (then any date fits).
   */
  date(position: number): string | null {
    const date = this.#dateOf[position] as number
    return date === -1 ? null : this.#dates.text(date)
  }

  /**
   * Order of the ids of two documents, by code unit, as `<` orders them;
   * without making either string.
   *
   * @param left
   *   Position.
   * @param right
   *   Position.
   * @returns
   *   Negative, zero or positive.
   */
  compareIds(left: number, right: number): number {
    return this.#ids.compare(this.#idOf[left] as number, this.#idOf[right] as number)
  }

  /**
   * Order of the dates of two documents (undated last), by code unit.
   *
   * @param left
   *   Position.
   * @param right
   *   Position.
   * @returns
   *   Negative, zero or positive.
   */
  compareDates(left: number, right: number): number {
    const leftDate = this.#dateOf[left] as number
    const rightDate = this.#dateOf[right] as number
    if (leftDate === rightDate) return 0
    if (leftDate === -1) return 1
    if (rightDate === -1) return -1
    return this.#dates.compare(leftDate, rightDate)
  }
}

/**
 * Where {@link linkStories} reads the vectors of documents: memory
 * ({@link StoryVectors}) or a file (`pipeline/story-vectors.ts`).
 */
export interface StoryVectorSource {
  /** Ids and dates of the documents, in the order added. */
  readonly documents: StoryDocumentList
  /**
   * Vector of a document, asked for mostly in the order added; it may
   * change at the next call.
   */
  vector(position: number): StoryVector
  /**
   * Vector of a second document, read while the first is in use; it may
   * change at the next call.
   */
  other(position: number): StoryVector
}

/**
 * Stories found by {@link linkStories}, by place in id order: for each
 * document, the first of its story (earliest date, undated last, then id),
 * whose id names the story ({@link storyId}).
 */
export interface StoryLinks {
  /** Positions of the documents (in the order added), in order of id. */
  readonly ordered: Int32Array
  /** For each place in `ordered`, the place of the first document of its story. */
  readonly first: Int32Array
}

/**
 * The vectors of many documents in shared typed arrays: a document's terms
 * and weights are a slice of two arrays, not two arrays of its own (per
 * document, two typed arrays and an object held 51 MB at 50,000 documents).
 */
export class StoryVectors implements StoryVectorSource {
  /** Ids and dates of the documents, in the order added. */
  readonly documents = new StoryDocumentList()
  /** Where the terms of each document start in {@link StoryVectors.terms}, then where the last one ends. */
  offsets: Int32Array
  /** Term ids of every document, one after another. */
  terms: Int32Array
  /** Their weights. */
  weights: Float64Array

  /**
   * @param documents
   *   Documents to make room for (default: `1024`; more are taken too).
   * @param terms
   *   Terms of all documents together to make room for (default: `16384`).
   */
  constructor(documents = 1024, terms = 16_384) {
    this.offsets = new Int32Array(documents + 1)
    this.terms = new Int32Array(terms)
    this.weights = new Float64Array(terms)
  }

  /**
   * Add a document.
   *
   * @param id
   *   Document id.
   * @param date
   *   Publication date, or `null`.
   * @param vector
   *   Its vector.
   * @returns
   *   Nothing.
   */
  add(id: string, date: string | null, vector: StoryVector): void {
    const position = this.documents.length
    const start = this.offsets[position] as number
    const end = start + vector.terms.length
    if (position + 2 > this.offsets.length) this.offsets = grown(this.offsets, position + 2)
    if (end > this.terms.length) {
      this.terms = grown(this.terms, end)
      this.weights = grown(this.weights, end)
    }
    this.terms.set(vector.terms, start)
    this.weights.set(vector.weights, start)
    this.offsets[position + 1] = end
    this.documents.add(id, date)
  }

  /**
   * Vector of a document.
   *
   * @param position
   *   Position of the document, in the order added.
   * @returns
   *   Views of its terms and weights.
   */
  vector(position: number): StoryVector {
    const start = this.offsets[position] as number
    const end = this.offsets[position + 1] as number
    return {terms: this.terms.subarray(start, end), weights: this.weights.subarray(start, end)}
  }

  /**
   * Vector of a second document (see {@link StoryVectors.vector}).
   *
   * @param position
   *   Position of the document.
   * @returns
   *   Views of its terms and weights.
   */
  other(position: number): StoryVector {
    return this.vector(position)
  }
}

/**
 * Int32 values per term of a {@link storyTermRecord}: the term's key
 * (`term-keys.ts`), then its count, negative for an entity term.
 */
export const storyTermStride = keyLength + 1

/**
 * The story terms of a document as the stories step takes them: a key and a
 * count per term (see {@link storyTermStride}), in the order of the terms.
 *
 * @param terms
 *   Term counts of the document.
 * @returns
 *   Record.
 */
export function storyTermRecord(terms: StoryTerms): Int32Array {
  const record = new Int32Array(terms.length * storyTermStride)
  for (const [position, [term, count]] of terms.entries()) {
    const at = position * storyTermStride
    writeTermKey(term, record, at)
    record[at + keyLength] = term.startsWith(entityPrefix) ? -count : count
  }
  return record
}

/**
 * The terms of a run: an id and a document frequency for each. Terms are
 * known by their keys (see {@link storyTermRecord}): the run process takes
 * them from the workers and never holds, parses or hashes a term's text.
 */
export class StoryTermIndex {
  #keys = new KeyTable()
  #frequencies = new Int32Array(1024)
  /** `1` at the id of each entity term. */
  #entities = new Uint8Array(1024)
  #documents = 0

  /**
   * Count the terms of one more document.
   *
   * @param terms
   *   Term counts of the document.
   * @returns
   *   The id of each term, in the order given.
   */
  add(terms: StoryTerms): Int32Array {
    return this.addRecord(storyTermRecord(terms))
  }

  /**
   * {@link StoryTermIndex.add} of a document's {@link storyTermRecord}.
   *
   * @param record
   *   Terms of the document.
   * @returns
   *   The id of each term, in the order given.
   */
  addRecord(record: Int32Array): Int32Array {
    this.#documents++
    const ids = new Int32Array(record.length / storyTermStride)
    for (let position = 0; position < ids.length; position++) {
      const at = position * storyTermStride
      const id = this.#keys.add(record, at)
      if (id === this.#frequencies.length) {
        this.#frequencies = grown(this.#frequencies, id + 1)
        this.#entities = grown(this.#entities, id + 1)
      }
      this.#frequencies[id] = (this.#frequencies[id] as number) + 1
      if ((record[at + keyLength] as number) < 0) this.#entities[id] = 1
      ids[position] = id
    }
    return ids
  }

  /**
   * Forget every term (once the vectors are made and the entity terms known).
   *
   * @returns
   *   Nothing.
   */
  clear(): void {
    this.#keys = new KeyTable()
    this.#frequencies = new Int32Array(1024)
    this.#entities = new Uint8Array(1024)
    this.#documents = 0
  }

  /**
   * Which terms are entities (`entity:` terms), all that
   * {@link linkStories} needs of the index once the vectors are made.
   *
   * @returns
   *   `1` at the id of each entity term, else `0`.
   */
  entities(): Uint8Array {
    return this.#entities.slice(0, this.#keys.size)
  }

  /**
   * Unit-length TF-IDF vector of the `settings.terms` strongest terms of a
   * counted document: raw term count times `1 + ln(N / (1 + df))`, as
   * natural's `TfIdf` computes it, with the counts taken once (natural's
   * `idf` scans every document for every term: quadratic in the drop).
   *
   * @param terms
   *   Term counts of the document (counted with {@link StoryTermIndex.add}).
   * @param settings
   *   Settings.
   * @returns
   *   Vector.
   */
  vector(terms: StoryTerms, settings: Settings): StoryVector {
    return this.vectorOfRecord(storyTermRecord(terms), settings)
  }

  /**
   * {@link StoryTermIndex.vector} of a document's {@link storyTermRecord}.
   *
   * @param record
   *   Terms of the document (counted with {@link StoryTermIndex.addRecord}).
   * @param settings
   *   Settings.
   * @returns
   *   Vector.
   */
  vectorOfRecord(record: Int32Array, settings: Settings): StoryVector {
    const ids = new Int32Array(record.length / storyTermStride)
    const counts = new Int32Array(ids.length)
    for (let position = 0; position < ids.length; position++) {
      const at = position * storyTermStride
      ids[position] = this.#keys.get(record, at)
      counts[position] = Math.abs(record[at + keyLength] as number)
    }
    return this.vectorOfIds(ids, counts, settings)
  }

  /**
   * {@link StoryTermIndex.vector} of a document's terms as the ids
   * {@link StoryTermIndex.add} gave them: a run keeps the ids, not the
   * strings, until every document is counted.
   *
   * @param ids
   *   Id of each term, in the order of the terms (by code unit, as
   *   {@link storyTerms} gives them: the order that breaks ties); `-1` for a
   *   term never counted.
   * @param counts
   *   Count of each term.
   * @param settings
   *   Settings.
   * @returns
   *   Vector.
   */
  vectorOfIds(ids: ArrayLike<number>, counts: ArrayLike<number>, settings: Settings): StoryVector {
    const scores = new Float64Array(ids.length)
    for (let position = 0; position < ids.length; position++) {
      const id = ids[position] as number
      scores[position] = (counts[position] as number) * (1 + Math.log(this.#documents / (1 + (id === -1 ? 0 : (this.#frequencies[id] as number)))))
    }
    const strongest = strongestPositions(scores, settings.terms)
    const norm = Math.hypot(...Array.from(strongest, (position) => scores[position] as number))
    return norm > 0
      ? {
          terms: Int32Array.from(strongest, (position) => ids[position] as number),
          weights: Float64Array.from(strongest, (position) => (scores[position] as number) / norm)
        }
      : {terms: new Int32Array(0), weights: new Float64Array(0)}
  }
}

/**
 * The positions of the `limit` highest scores, highest first, ties in
 * position order: what sorting every position by score and taking the first
 * `limit` gives, with only those sorted by a comparison function (the
 * threshold comes from a native numeric sort). At 50,000 documents the full
 * sort took 1.2 s of the stories step.
 *
 * @param scores
 *   Score of each position (no `NaN`).
 * @param limit
 *   Most positions to keep.
 * @returns
 *   Positions.
 */
export function strongestPositions(scores: Float64Array, limit: number): Int32Array {
  let kept: Int32Array
  if (scores.length <= limit) {
    kept = Int32Array.from(scores.keys())
  } else {
    // The `limit`-th highest score: every higher one is kept, then equal ones by position.
    const threshold = scores.slice().sort()[scores.length - limit] as number
    kept = new Int32Array(limit)
    let size = 0
    for (let position = 0; position < scores.length; position++) if ((scores[position] as number) > threshold) kept[size++] = position
    for (let position = 0; size < limit; position++) if (scores[position] === threshold) kept[size++] = position
  }
  return kept.sort((left, right) => (scores[right] as number) - (scores[left] as number) || left - right)
}

/**
 * Group documents into stories.
 *
 * @param documents
 *   Documents of the run.
 * @param settings
 *   Settings.
 * @returns
 *   Story id of every document, by id (a document alone has its own story).
 */
export function groupStories(documents: readonly StoryDocument[], settings: Settings): Map<string, string> {
  const terms = documents.map((document) => storyTerms(document))
  const index = new StoryTermIndex()
  for (const counts of terms) index.add(counts)
  const vectors = new StoryVectors()
  for (const [position, document] of documents.entries()) vectors.add(document.id, document.date, index.vector(terms[position] as StoryTerms, settings))
  const {ordered, first} = linkStories(vectors, index.entities(), settings)
  const stories = new Map<string, string>()
  for (const [place, position] of ordered.entries()) {
    stories.set(vectors.documents.id(position), storyId(vectors.documents.id(ordered[first[place] as number] as number)))
  }
  return stories
}

/**
 * Id of a story.
 *
 * @param firstId
 *   Id of its first document (see {@link StoryLinks}).
 * @returns
 *   Story id (`story-` and 12 hexadecimal digits).
 */
export function storyId(firstId: string): string {
  return 'story-' + hash('sha256', firstId, 'hex').slice(0, 12)
}

/**
 * Link documents whose vectors are close and that share distinctive
 * entities into stories.
 *
 * @param source
 *   Every document of the run, with its vector.
 * @param entities
 *   `1` at the id of each term that is an entity (see {@link StoryTermIndex.entities}).
 * @param settings
 *   Settings.
 * @returns
 *   The first document of each document's story (a document alone is the first of its own).
 */
export function linkStories(source: StoryVectorSource, entities: Uint8Array, settings: Settings): StoryLinks {
  const {documents} = source
  // Positions in order of id; `document` below is where a position's vector is.
  const ordered = Int32Array.from({length: documents.length}, (_, position) => position).sort(
    (left, right) => documents.compareIds(left, right) || left - right
  )
  const days = Float64Array.from(ordered, function (document) {
    const date = documents.date(document)
    return date ? Date.parse(date.slice(0, 10)) / 86_400_000 : Number.NaN
  })

  const parents = Int32Array.from(ordered.keys())
  const find = (node: number): number => {
    while (parents[node] !== node) node = parents[node] = parents[parents[node] as number] as number
    return node
  }

  // Positions holding each entity term, ascending, for all of them in two
  // typed arrays (a list per term held 2.5 million numbers at 50,000
  // documents; keywords never link two documents, so they have none).
  // Entities too common to mean one event (`U.S.` in a large drop) do not
  // count as shared, though they still weigh in the cosine.
  const postingStarts = new Int32Array(entities.length + 1)
  for (const document of ordered) {
    for (const term of source.vector(document).terms) {
      if (entities[term] === 1) postingStarts[term + 1] = (postingStarts[term + 1] as number) + 1
    }
  }
  for (let term = 0; term < entities.length; term++) postingStarts[term + 1] = (postingStarts[term + 1] as number) + (postingStarts[term] as number)
  const postings = new Int32Array(postingStarts[entities.length] as number)
  const filled = postingStarts.slice(0, entities.length)
  for (const [position, document] of ordered.entries()) {
    for (const term of source.vector(document).terms) {
      if (entities[term] !== 1) continue
      const at = filled[term] as number
      postings[at] = position
      filled[term] = at + 1
    }
  }
  const limit = Math.max(commonMinimum, Math.ceil(ordered.length * commonShare))
  // Weight of each term in the vector compared with, `0` for the others.
  const weightOf = new Float64Array(entities.length)
  const distinctive = (term: number) => entities[term] === 1 && (postingStarts[term + 1] as number) - (postingStarts[term] as number) <= limit
  for (const [position, document] of ordered.entries()) {
    const {terms, weights} = source.vector(document)
    // Shared keywords alone make a topic (`growth`, `dollar`), not an event:
    // only documents sharing `sharedEntities` distinctive entities are compared.
    const shared = new Map<number, number>()
    for (const term of terms) {
      if (!distinctive(term)) continue
      for (let posting = postingStarts[term] as number; posting < (postingStarts[term + 1] as number); posting++) {
        const other = postings[posting] as number
        if (other > position) shared.set(other, (shared.get(other) ?? 0) + 1)
      }
    }
    for (const [other, actors] of shared) {
      if (actors < settings.sharedEntities) continue
      if (Math.abs((days[position] as number) - (days[other] as number)) > settings.windowDays) continue
      const vector = source.other(ordered[other] as number)
      // The other's weights by term, so each term is one look-up, not a
      // scan of its terms; summed in the order of this document's terms.
      for (let at = 0; at < vector.terms.length; at++) weightOf[vector.terms[at] as number] = vector.weights[at] as number
      let dot = 0
      // (`?? 0`: a term no index counted, id `-1`, matches no term.)
      for (let place = 0; place < terms.length; place++) dot += (weights[place] as number) * (weightOf[terms[place] as number] ?? 0)
      for (let at = 0; at < vector.terms.length; at++) weightOf[vector.terms[at] as number] = 0
      if (dot < settings.threshold) continue
      const left = find(position)
      const right = find(other)
      if (left !== right) parents[Math.max(left, right)] = Math.min(left, right)
    }
  }

  // The first document of each story, at its root, then at each place.
  const first = Int32Array.from(ordered.keys())
  for (const place of ordered.keys()) {
    const root = find(place)
    if (earlier(place, first[root] as number)) first[root] = place
  }
  for (const place of ordered.keys()) first[place] = first[find(place)] as number
  return {ordered, first}

  /**
   * Whether the document at place `left` comes before the one at `right`:
   * earlier date (undated last), then id.
   *
   * @param left
   *   Place in `ordered`.
   * @param right
   *   Place in `ordered`.
   * @returns
   *   Whether `left` is first.
   */
  function earlier(left: number, right: number): boolean {
    const leftDocument = ordered[left] as number
    const rightDocument = ordered[right] as number
    return (documents.compareDates(leftDocument, rightDocument) || documents.compareIds(leftDocument, rightDocument)) < 0
  }
}

/**
 * Terms of a document: its entities (from the entity stage, else capitalised
 * word sequences, `entity:` + name in lower case) and its keywords
 * (lower-case words that are not stop words), counted.
 *
 * @param document
 *   Document text and entities.
 * @returns
 *   Term counts, sorted by term.
 */
export function storyTerms(document: Pick<StoryDocument, 'text' | 'entities'>): StoryTerms {
  const counts = new Map<string, number>()
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1)
  for (const name of document.entities ?? capitalisedNames(document.text)) add(entityPrefix + name.toLowerCase())
  for (const word of document.text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []) {
    if (word.length > 2 && !stopwords.has(word)) add(word)
  }
  // The default order of strings is by code unit, as `compare`.
  return Array.from(counts.keys())
    .sort()
    .map((term) => [term, counts.get(term) as number] as const)
}

/**
 * Runs of capitalised words, leaving out a lone capitalised word that opens
 * a sentence (`The`, `But`).
 *
 * @param text
 *   Text.
 * @returns
 *   Names as written.
 */
function capitalisedNames(text: string): string[] {
  const names: string[] = []
  // `Standard & Poor's Corp` is one name, not three.
  for (const match of text.matchAll(/\p{Lu}[\p{L}\p{N}’'.-]*(?:[ \u00A0]+(?:&[ \u00A0]+)?\p{Lu}[\p{L}\p{N}’'.-]*)*/gu)) {
    const name = match[0].replace(/[’'.-]+$/u, '')
    const lower = name.toLowerCase()
    if (name.length < 2 || notNames.has(lower) || stopwords.has(lower)) continue
    const opensSentence = match.index === 0 || /(?:[.!?…:"“”]|\n)\s*$/u.test(text.slice(Math.max(0, match.index - 8), match.index))
    if (opensSentence && !/\s/u.test(name)) continue
    names.push(name)
  }
  return names
}

/**
 * Compare strings by code unit, independent of locale.
 *
 * @param left
 *   String.
 * @param right
 *   String.
 * @returns
 *   Sort order.
 */
function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0
}
