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
import {createHash} from 'node:crypto'
import {createRequire} from 'node:module'
import {notNames} from './stories-list.js'

// The submodule only: natural's index loads every other module too.
const require = createRequire(import.meta.url)
const stopwords: ReadonlySet<string> = new Set(
  (require('natural/lib/natural/util/stopwords.js') as {words: string[]}).words
)

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

/** Term counts of one document, sorted by term: what story grouping keeps of a document's text. */
export type StoryTerms = ReadonlyArray<readonly [term: string, count: number]>

/** A document reduced to what story grouping needs. */
export interface StorySummary {
  readonly id: string
  /** Publication date (`YYYY-MM-DD…`), or `null` (then any date fits). */
  readonly date: string | null
  /** Its unit-length TF-IDF vector (see {@link StoryTermIndex.vector}). */
  readonly vector: StoryVector
}

/** The strongest terms of a document (ids in a {@link StoryTermIndex}), strongest first, with unit-length weights. */
export interface StoryVector {
  readonly terms: Int32Array
  readonly weights: Float64Array
}

/**
 * The terms of a run: an id and a document frequency for each. Vectors hold
 * ids, so a large run keeps each term's text once.
 */
export class StoryTermIndex {
  /** Term text by id. */
  readonly terms: string[] = []
  readonly #ids = new Map<string, number>()
  readonly #frequencies: number[] = []
  #documents = 0

  /**
   * Count the terms of one more document.
   *
   * @param terms
   *   Term counts of the document.
   * @returns
   *   Nothing.
   */
  add(terms: StoryTerms): void {
    this.#documents++
    for (const [term] of terms) {
      const id = this.#ids.get(term)
      if (id === undefined) {
        this.#ids.set(term, this.terms.length)
        this.terms.push(term)
        this.#frequencies.push(1)
      } else {
        this.#frequencies[id] = (this.#frequencies[id] as number) + 1
      }
    }
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
    const scored = terms
      .map(([term, count]) => {
        const id = this.#ids.get(term) ?? -1
        return {term, id, tfidf: count * (1 + Math.log(this.#documents / (1 + (this.#frequencies[id] ?? 0))))}
      })
      .sort((left, right) => right.tfidf - left.tfidf || compare(left.term, right.term))
      .slice(0, settings.terms)
    const norm = Math.hypot(...scored.map((term) => term.tfidf))
    return norm > 0
      ? {terms: Int32Array.from(scored, (term) => term.id), weights: Float64Array.from(scored, (term) => term.tfidf / norm)}
      : {terms: new Int32Array(0), weights: new Float64Array(0)}
  }
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
  return linkStories(
    documents.map((document, position) => ({id: document.id, date: document.date, vector: index.vector(terms[position] as StoryTerms, settings)})),
    index,
    settings
  )
}

/**
 * Link documents whose vectors are close and that share distinctive
 * entities into stories.
 *
 * @param documents
 *   Every document of the run, with its vector.
 * @param index
 *   Terms the vectors refer to.
 * @param settings
 *   Settings.
 * @returns
 *   Story id of every document, by id (a document alone has its own story).
 */
export function linkStories(documents: readonly StorySummary[], index: StoryTermIndex, settings: Settings): Map<string, string> {
  const ordered = [...documents].sort((left, right) => compare(left.id, right.id))
  const vectors = ordered.map((document) => document.vector)
  const days = ordered.map((document) => (document.date ? Date.parse(document.date.slice(0, 10)) / 86_400_000 : Number.NaN))

  const parents = Int32Array.from(ordered.keys())
  const find = (node: number): number => {
    while (parents[node] !== node) node = parents[node] = parents[parents[node] as number] as number
    return node
  }

  // Entities too common to mean one event (`U.S.` in a large drop) do not
  // count as shared, though they still weigh in the cosine.
  const postings = new Map<number, number[]>()
  for (const [position, vector] of vectors.entries()) {
    for (const term of vector.terms) {
      const list = postings.get(term)
      if (list) list.push(position)
      else postings.set(term, [position])
    }
  }
  const limit = Math.max(commonMinimum, Math.ceil(ordered.length * commonShare))
  const distinctive = (term: number) => (index.terms[term] as string).startsWith('entity:') && (postings.get(term) as number[]).length <= limit
  for (const [position, vector] of vectors.entries()) {
    // Shared keywords alone make a topic (`growth`, `dollar`), not an event:
    // only documents sharing `sharedEntities` distinctive entities are compared.
    const shared = new Map<number, number>()
    for (const term of vector.terms) {
      if (!distinctive(term)) continue
      for (const other of postings.get(term) as number[]) if (other > position) shared.set(other, (shared.get(other) ?? 0) + 1)
    }
    for (const [other, actors] of shared) {
      if (actors < settings.sharedEntities) continue
      if (Math.abs((days[position] as number) - (days[other] as number)) > settings.windowDays) continue
      const otherVector = vectors[other] as StoryVector
      let dot = 0
      for (const [place, term] of vector.terms.entries()) {
        const at = otherVector.terms.indexOf(term)
        dot += (vector.weights[place] as number) * (at === -1 ? 0 : (otherVector.weights[at] as number))
      }
      if (dot < settings.threshold) continue
      const left = find(position)
      const right = find(other)
      if (left !== right) parents[Math.max(left, right)] = Math.min(left, right)
    }
  }

  const first = new Map<number, StorySummary>()
  for (const [position, document] of ordered.entries()) {
    const root = find(position)
    const current = first.get(root)
    if (!current || earlier(document, current)) first.set(root, document)
  }
  const stories = new Map<string, string>()
  for (const [position, document] of ordered.entries()) {
    const story = first.get(find(position)) as StorySummary
    stories.set(document.id, 'story-' + createHash('sha256').update(story.id).digest('hex').slice(0, 12))
  }
  return stories
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
  for (const name of document.entities ?? capitalisedNames(document.text)) add('entity:' + name.toLowerCase())
  for (const word of document.text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []) {
    if (word.length > 2 && !stopwords.has(word)) add(word)
  }
  return [...counts].sort((left, right) => compare(left[0], right[0]))
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
 * Whether `left` comes before `right`: earlier date (undated last), then id.
 *
 * @param left
 *   Document.
 * @param right
 *   Document.
 * @returns
 *   Whether `left` is first.
 */
function earlier(left: StorySummary, right: StorySummary): boolean {
  if (left.date !== right.date) {
    if (left.date === null) return false
    if (right.date === null) return true
    return left.date < right.date
  }
  return left.id < right.id
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
