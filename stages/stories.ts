/**
 * Stories: different articles about the same event. Not a duplicate
 * relation (five outlets' takes on one summit share a story, not a text).
 * Not a unified plugin, because it needs every document of the run at once;
 * `pipeline/corpus.ts` calls it.
 *
 * Each document becomes a vector of its entities and keywords weighted by
 * TF-IDF over the run (natural's `TfIdf`); two documents published within
 * `windowDays` of each other whose vectors have a cosine similarity of at
 * least `threshold` are linked, and a story is a connected group of links.
 * See `docs/DEDUPLICATION.md` for the defaults and why.
 */
import {createHash} from 'node:crypto'
import {createRequire} from 'node:module'
import type {TfIdf as TfIdfType} from 'natural'
import {notNames} from './stories-list.js'

// The submodule only: natural's index loads every other module too.
const require = createRequire(import.meta.url)
const TfIdf = require('natural/lib/natural/tfidf/tfidf.js') as typeof TfIdfType
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
  const ordered = [...documents].sort((left, right) => compare(left.id, right.id))
  const vectors = termVectors(ordered, settings.terms)
  const days = ordered.map((document) => (document.date ? Date.parse(document.date.slice(0, 10)) / 86_400_000 : Number.NaN))

  const parents = Int32Array.from(ordered.keys())
  const find = (node: number): number => {
    while (parents[node] !== node) node = parents[node] = parents[parents[node] as number] as number
    return node
  }

  // Entities too common to mean one event (`U.S.` in a large drop) do not
  // count as shared, though they still weigh in the cosine.
  const postings = new Map<string, number[]>()
  for (const [position, vector] of vectors.entries()) {
    for (const term of vector.keys()) {
      const list = postings.get(term)
      if (list) list.push(position)
      else postings.set(term, [position])
    }
  }
  const limit = Math.max(commonMinimum, Math.ceil(ordered.length * commonShare))
  const distinctive = (term: string) => term.startsWith('entity:') && (postings.get(term) as number[]).length <= limit
  for (const [position, vector] of vectors.entries()) {
    // Shared keywords alone make a topic (`growth`, `dollar`), not an event:
    // only documents sharing `sharedEntities` distinctive entities are compared.
    const shared = new Map<number, number>()
    for (const term of vector.keys()) {
      if (!distinctive(term)) continue
      for (const other of postings.get(term) as number[]) if (other > position) shared.set(other, (shared.get(other) ?? 0) + 1)
    }
    for (const [other, actors] of shared) {
      if (actors < settings.sharedEntities) continue
      if (Math.abs((days[position] as number) - (days[other] as number)) > settings.windowDays) continue
      const otherVector = vectors[other] as Map<string, number>
      let dot = 0
      for (const [term, weight] of vector) dot += weight * (otherVector.get(term) ?? 0)
      if (dot < settings.threshold) continue
      const left = find(position)
      const right = find(other)
      if (left !== right) parents[Math.max(left, right)] = Math.min(left, right)
    }
  }

  const first = new Map<number, StoryDocument>()
  for (const [position, document] of ordered.entries()) {
    const root = find(position)
    const current = first.get(root)
    if (!current || earlier(document, current)) first.set(root, document)
  }
  const stories = new Map<string, string>()
  for (const [position, document] of ordered.entries()) {
    const story = first.get(find(position)) as StoryDocument
    stories.set(document.id, 'story-' + createHash('sha256').update(story.id).digest('hex').slice(0, 12))
  }
  return stories
}

/**
 * Unit-length TF-IDF vectors of the `size` strongest terms of each document:
 * entities (`entity:` + canonical name, lower case) and keywords.
 *
 * @param documents
 *   Documents.
 * @param size
 *   Terms kept per document.
 * @returns
 *   Vectors, in document order.
 */
function termVectors(documents: readonly StoryDocument[], size: number): Array<Map<string, number>> {
  const tfidf = new TfIdf()
  const frequencies = new Map<string, number>()
  for (const document of documents) {
    const terms = documentTerms(document)
    tfidf.addDocument(terms)
    for (const term of new Set(terms)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1)
  }
  // natural's `idf` scans every document for every term, quadratic in the
  // drop (8 s for 1,000 articles); same formula, counts taken once.
  tfidf.idf = (term: string) => 1 + Math.log(documents.length / (1 + (frequencies.get(term) ?? 0)))
  return documents.map(function (_, position) {
    const terms = tfidf
      .listTerms(position)
      .sort((left, right) => right.tfidf - left.tfidf || compare(left.term, right.term))
      .slice(0, size)
    const norm = Math.hypot(...terms.map((term) => term.tfidf))
    return new Map(norm > 0 ? terms.map((term) => [term.term, term.tfidf / norm]) : [])
  })
}

/**
 * Terms of a document: its entities (from the entity stage, else capitalised
 * word sequences) and its keywords (lower-case words that are not stop words).
 *
 * @param document
 *   Document.
 * @returns
 *   Terms, repeated as often as they occur.
 */
function documentTerms(document: StoryDocument): string[] {
  const entities = document.entities ?? capitalisedNames(document.text)
  const terms = entities.map((name) => 'entity:' + name.toLowerCase())
  for (const word of document.text.toLowerCase().match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? []) {
    if (word.length > 2 && !stopwords.has(word)) terms.push(word)
  }
  return terms
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
function earlier(left: StoryDocument, right: StoryDocument): boolean {
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
