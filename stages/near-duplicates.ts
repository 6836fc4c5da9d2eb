/**
 * Copies of the same article across documents: the pure logic behind
 * `duplicates.csv`. Not a unified plugin, because it needs every document of
 * the run and of earlier runs at once; `pipeline/corpus.ts` calls it and
 * `pipeline/duplicate-index.ts` keeps the index between runs.
 *
 * Three signals, from cheap to robust:
 *
 * * exact: a hash of the normalised words (case, punctuation and white space
 *   ignored);
 * * shingles: MinHash over word `shingleSize`-grams (British spellings mapped
 *   to American ones), candidates found by LSH banding (`bands` x `rows`),
 *   confirmed by the estimated Jaccard similarity or by the containment of
 *   the shorter copy in the longer one, so a truncated copy matches;
 * * immutables: MinHash over `immutableShingleSize`-grams of what a synonym
 *   spinner never changes (names and numbers, in order: DSpin's immutables),
 *   so a spun or re-translated copy still matches.
 *
 * See `docs/DEDUPLICATION.md` for the defaults and why.
 */
import {hash as cryptoHash} from 'node:crypto'
import {characterKind, characterLength, numberKind, otherKind, upperKind} from './characters.js'
import {IndexEntries} from './index-entries.js'
import {minhash} from './minhash.js'
import {mutableNameWords, numberWords, spellingVariants} from './near-duplicates-list.js'

/** Seeds by first seed number and count (see `seedList`). */
const seedLists = new Map<string, Uint32Array>()

/** Configuration of the duplicate search. */
export interface Options {
  /** Words per shingle (default: `5`). */
  readonly shingleSize?: number | undefined
  /** Immutables (names, numbers) per shingle of the spin-robust signature (default: `3`). */
  readonly immutableShingleSize?: number | undefined
  /** LSH bands (default: `42`). */
  readonly bands?: number | undefined
  /** MinHash values per band (default: `3`); `bands * rows` values per signature. */
  readonly rows?: number | undefined
  /** Least estimated Jaccard similarity of shingles for a near copy (default: `0.5`). */
  readonly threshold?: number | undefined
  /** Least estimated containment of the shorter copy's shingles in the longer one (default: `0.8`). */
  readonly containment?: number | undefined
  /** Least estimated Jaccard similarity of immutable shingles for a spun copy (default: `0.6`). */
  readonly immutableThreshold?: number | undefined
  /** Fewest distinct shingles a document needs to be a near copy (default: `10`). */
  readonly minimumShingles?: number | undefined
}

/** Options with every default filled in and checked. */
export type Settings = Required<{[Key in keyof Options]: NonNullable<Options[Key]>}>

/** What the index keeps of a document besides its signature (in columns while matching: {@link IndexEntries}). */
export interface IndexEntry {
  /** Document id (`doc_id`). */
  readonly id: string
  /** Hash of the normalised words. */
  readonly exact: string
  /** Publication date (`YYYY-MM-DD…`), or `null`. */
  readonly date: string | null
  /** Distinct shingles. */
  readonly shingles: number
  /** Distinct immutable shingles. */
  readonly immutables: number
  /** Id of the copy its cluster keeps (its own id when alone). */
  cluster: string
}

/** What the index keeps of a document: enough to match it without its text. */
export interface IndexedDocument extends IndexEntry {
  /** MinHash of the shingles, then MinHash of the immutable shingles (`bands * rows` each). */
  readonly signature: Uint32Array
}

/** The duplicate index in memory: every document seen so far, with its signature. */
export interface DuplicateIndex {
  readonly settings: Settings
  readonly documents: IndexedDocument[]
}

/**
 * Where matching finds the signatures of documents and the LSH buckets they
 * fall in: in memory ({@link matchDrop}), or in files, for drops and indexes
 * too large to hold (`pipeline/duplicate-search.ts`).
 */
export interface SignatureSource {
  /**
   * Both signatures of the document at a row of the entries (see
   * {@link IndexedDocument}), left as they are while matching runs.
   */
  signature(row: number): Uint32Array
  /**
   * Groups of documents that share an LSH band ({@link bandKey}) of either
   * signature; a document without shingles (or immutables) is in no bucket
   * of those bands.
   *
   * @param entries
   *   Entries of the documents.
   * @param rows
   *   Row of the document at each position, the indexed ones that stay as they are first.
   * @param first
   *   Position of the first document to match (of the drop, or of a cluster it changed).
   * @param searched
   *   `1` at the positions to search (one per text).
   * @returns
   *   Every bucket of two or more searched positions whose last is from
   *   `first` on, its positions ascending, in any order.
   */
  buckets(entries: IndexEntries, rows: Int32Array, first: number, searched: Uint8Array): Iterable<number[]>
}

/** What {@link matchDocuments} gives back. */
export interface Matched {
  /** Result of every drop document that has a copy, by id. */
  readonly results: Map<string, DuplicateResult>
  /** Rows of the entries the index now holds (all but the indexed ones the drop replaced), in the order matching placed them. */
  readonly rows: Int32Array
}

/** How a document relates to the copy its cluster keeps. */
export interface DuplicateResult {
  /** Cluster id (derived from the kept copy's id). */
  readonly clusterId: string
  /** Id of the kept copy; `null` for the kept copy itself. */
  readonly duplicateOf: string | null
  /** Similarity to the kept copy, 0 to 1 (`1` for the kept copy). */
  readonly similarity: number
  /** `exact` when the normalised words equal the kept copy's (for the kept copy: those of every copy), else `near`. */
  readonly kind: 'exact' | 'near'
}

/** A document of the current drop, to match against the index. */
export interface DropDocument {
  readonly id: string
  readonly text: string
  readonly date: string | null
}

/**
 * Check options once and fill in the defaults.
 *
 * @param options
 *   Options.
 * @returns
 *   Settings.
 */
export function duplicateSettings(options: Options = {}): Settings {
  const settings: Settings = {
    shingleSize: options.shingleSize ?? 5,
    immutableShingleSize: options.immutableShingleSize ?? 3,
    bands: options.bands ?? 42,
    rows: options.rows ?? 3,
    threshold: options.threshold ?? 0.5,
    containment: options.containment ?? 0.8,
    immutableThreshold: options.immutableThreshold ?? 0.6,
    minimumShingles: options.minimumShingles ?? 10
  }
  for (const name of ['shingleSize', 'immutableShingleSize', 'bands', 'rows', 'minimumShingles'] as const) {
    const value = settings[name]
    if (!(Number.isInteger(value) && value > 0)) {
      throw new TypeError('Expected `' + name + '` to be a positive integer, got `' + value + '`')
    }
  }
  for (const name of ['threshold', 'containment', 'immutableThreshold'] as const) {
    const value = settings[name]
    if (!(typeof value === 'number' && value > 0 && value <= 1)) {
      throw new TypeError('Expected `' + name + '` to be a number above 0 and at most 1, got `' + value + '`')
    }
  }
  return settings
}

/**
 * An index without documents.
 *
 * @param settings
 *   Settings its signatures are made with.
 * @returns
 *   Empty index.
 */
export function emptyIndex(settings: Settings): DuplicateIndex {
  return {settings, documents: []}
}

/**
 * What the index keeps of one document.
 *
 * @param document
 *   Document of the drop.
 * @param settings
 *   Settings.
 * @returns
 *   Indexed document (alone in its cluster).
 */
export function indexDocument(document: DropDocument, settings: Settings): IndexedDocument {
  const words = document.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const length = settings.bands * settings.rows
  const shingles = shingleHashes(words.map((word) => spellingVariants.get(word) ?? word), settings.shingleSize)
  const immutables = shingleHashes(immutableWords(document.text), settings.immutableShingleSize)
  const signature = new Uint32Array(2 * length)
  minhash(shingles, seedList(0, length), signature.subarray(0, length))
  minhash(immutables, seedList(length, length), signature.subarray(length))
  return {
    id: document.id,
    exact: cryptoHash('sha256', words.join(' '), 'hex').slice(0, 32),
    date: document.date,
    shingles: shingles.length,
    immutables: immutables.length,
    signature,
    cluster: document.id
  }
}

/**
 * Add the documents of a drop to the index and cluster them with every
 * copy in it. A document whose id is already indexed replaces the old entry
 * (a re-run of the same drop). The clusters do not depend on the order of
 * the documents, nor on how they were split into drops.
 *
 * @param index
 *   Index; changed in place.
 * @param drop
 *   Indexed documents of the drop (see {@link indexDocument}).
 * @returns
 *   Result of every drop document that has a copy, by id.
 */
export function matchDrop(index: DuplicateIndex, drop: readonly IndexedDocument[]): Map<string, DuplicateResult> {
  const documents = [...index.documents, ...drop]
  const entries = new IndexEntries()
  for (const document of documents) entries.add(document)
  const signature = (row: number) => (documents[row] as IndexedDocument).signature
  const {results, rows} = matchDocuments(
    entries,
    index.documents.length,
    {signature, buckets: (entries, rows, first, searched) => candidateBuckets(entries, rows, first, searched, signature, index.settings)},
    index.settings
  )
  index.documents.length = 0
  for (const row of rows) {
    const document = documents[row] as IndexedDocument
    document.cluster = entries.entry(row).cluster
    index.documents.push(document)
  }
  return results
}

/**
 * {@link matchDrop} over entries in columns, with the signatures and the LSH
 * buckets of a source, so that they need not be in memory: every document is
 * compared with the same others, whatever the source and the order of its
 * buckets.
 *
 * @param entries
 *   Entries of the index (rows below `indexed`, its order), then those of
 *   the drop, each alone in its cluster; their clusters are changed in place.
 * @param indexed
 *   Rows of the index.
 * @param source
 *   Signatures and buckets of the rows.
 * @param settings
 *   Settings.
 * @returns
 *   Results, and the rows the index now holds.
 */
export function matchDocuments(entries: IndexEntries, indexed: number, source: SignatureSource, settings: Settings): Matched {
  // A drop document replaces the indexed one with its id (a re-run of the
  // same drop). A cluster that held a replaced document may have lost its
  // kept copy or the link that joined it: its other members are matched
  // again, as if new.
  const dropNames = new Uint8Array(entries.names)
  for (let row = indexed; row < entries.length; row++) dropNames[entries.name(row)] = 1
  const replaced = (row: number) => dropNames[entries.name(row)] === 1
  const changed = new Uint8Array(entries.names)
  for (let row = 0; row < indexed; row++) if (replaced(row)) changed[entries.cluster(row)] = 1
  const placed = new Int32Array(entries.length)
  let first = 0
  for (let row = 0; row < indexed; row++) if (!replaced(row) && changed[entries.cluster(row)] === 0) placed[first++] = row
  let count = first
  for (let row = 0; row < indexed; row++) {
    if (replaced(row) || changed[entries.cluster(row)] === 0) continue
    entries.setCluster(row, row)
    placed[count++] = row
  }
  for (let row = indexed; row < entries.length; row++) placed[count++] = row
  const rows = placed.subarray(0, count)

  const parents = Int32Array.from(rows.keys())
  const find = (node: number): number => {
    while (parents[node] !== node) {
      const parent = parents[node] as number
      parents[node] = parents[parent] as number
      node = parent
    }
    return node
  }
  const union = (left: number, right: number) => {
    const leftRoot = find(left)
    const rightRoot = find(right)
    if (leftRoot !== rightRoot) parents[Math.max(leftRoot, rightRoot)] = Math.min(leftRoot, rightRoot)
  }
  const compare = (left: number, right: number): Comparison => {
    const leftRow = rows[left] as number
    const rightRow = rows[right] as number
    if (entries.sameText(leftRow, rightRow)) return equalWords
    return compareSignatures(
      {signature: source.signature(leftRow), shingles: entries.shingles(leftRow), immutables: entries.immutables(leftRow)},
      {signature: source.signature(rightRow), shingles: entries.shingles(rightRow), immutables: entries.immutables(rightRow)},
      settings
    )
  }

  // Earlier runs already linked the indexed documents: keep their clusters.
  const clusterMember = new Int32Array(entries.names).fill(-1)
  for (let position = 0; position < first; position++) {
    const cluster = entries.cluster(rows[position] as number)
    const member = clusterMember[cluster] as number
    if (member === -1) clusterMember[cluster] = position
    else union(member, position)
  }

  // Copies with equal words are linked at once, and only the last of them
  // (a new one when there is one) is searched: thousands of equal texts
  // would otherwise fill one LSH bucket with millions of pairs. The last
  // copy of each text so far is found by open addressing on its hash.
  const latest = new Int32Array(2 ** Math.ceil(Math.log2(2 * count + 1))).fill(-1)
  const mask = latest.length - 1
  for (let position = 0; position < count; position++) {
    const row = rows[position] as number
    let slot = entries.textHash(row) & mask
    while (latest[slot] !== -1 && !entries.sameText(rows[latest[slot] as number] as number, row)) slot = (slot + 1) & mask
    if (latest[slot] !== -1) union(latest[slot] as number, position)
    latest[slot] = position
  }

  const searched = new Uint8Array(count)
  for (const position of latest) if (position !== -1) searched[position] = 1
  for (const bucket of source.buckets(entries, rows, first, searched)) {
    // Members seen so far, by the root of their set: a new document is
    // compared with the members of each other set until one matches, never
    // with one already in its set.
    const sets = new Map<number, number[]>()
    for (const position of bucket) {
      const joined: number[][] = []
      // Indexed documents were linked by earlier runs: only new ones compare.
      if (position >= first) {
        for (const [root, members] of sets) {
          if (root !== find(position) && !members.some((other) => compare(other, position).match)) continue
          joined.push(members)
          sets.delete(root)
        }
      }
      for (const members of joined) union(members[0] as number, position)
      joined.sort((left, right) => right.length - left.length)
      const merged = joined[0] ?? sets.get(find(position)) ?? []
      for (const members of joined.slice(1)) for (const other of members) merged.push(other)
      merged.push(position)
      sets.set(find(position), merged)
    }
  }

  // Members of the clusters of two or more the drop touched (the others did
  // not change, and a document alone keeps itself).
  const sizes = new Int32Array(count)
  for (let position = 0; position < count; position++) {
    const root = find(position)
    sizes[root] = (sizes[root] as number) + 1
  }
  const groups = new Map<number, number[]>()
  for (let position = first; position < count; position++) {
    const root = find(position)
    if ((sizes[root] as number) > 1) groups.set(root, [])
  }
  for (let position = 0; position < count; position++) groups.get(find(position))?.push(position)

  // One pass per cluster touched by the drop: choose the copy it keeps.
  const clusters = new Map<number, {keep: number; exact: boolean}>()
  for (const [root, group] of groups) {
    const keep = group.reduce((best, position) => (keepOrder(entries, rows[position] as number, rows[best] as number) < 0 ? position : best))
    const keptRow = rows[keep] as number
    for (const member of group) entries.setCluster(rows[member] as number, keptRow)
    clusters.set(root, {keep, exact: group.every((member) => entries.sameText(rows[member] as number, keptRow))})
  }
  groups.clear()

  const results: Array<[string, DuplicateResult]> = []
  for (let position = first; position < count; position++) {
    const cluster = clusters.get(find(position))
    const row = rows[position] as number
    // Only the drop's documents have results, not those matched again.
    if (cluster === undefined || row < indexed) continue
    const {keep, exact} = cluster
    const kept = position === keep
    const keptRow = rows[keep] as number
    const keepId = entries.id(keptRow)
    results.push([
      entries.id(row),
      {
        clusterId: clusterId(keepId),
        duplicateOf: kept ? null : keepId,
        similarity: kept ? 1 : round(compare(position, keep).similarity),
        // The kept copy is `exact` only when every copy of it is.
        kind: (kept ? exact : entries.sameText(row, keptRow)) ? 'exact' : 'near'
      }
    ])
  }
  return {results: new Map(results.sort((left, right) => (left[0] < right[0] ? -1 : left[0] > right[0] ? 1 : 0))), rows}
}

/** Result of comparing two indexed documents. */
export interface Comparison {
  /** Whether they are copies of one article. */
  readonly match: boolean
  /** Best evidence, 0 to 1: exact, Jaccard, containment or immutable Jaccard. */
  readonly similarity: number
}

/**
 * Compare two indexed documents with their signatures.
 *
 * @param left
 *   Document.
 * @param right
 *   Document.
 * @param settings
 *   Settings.
 * @returns
 *   Whether they are copies, and how alike they are.
 */
export function compareDocuments(left: IndexedDocument, right: IndexedDocument, settings: Settings): Comparison {
  return left.exact === right.exact ? equalWords : compareSignatures(left, right, settings)
}

/** Two documents with equal normalised words: copies, without a look at their signatures. */
const equalWords: Comparison = {match: true, similarity: 1}

/** What comparing signatures reads of a document. */
interface Signed {
  /** Both signatures (see {@link IndexedDocument}). */
  readonly signature: Uint32Array
  /** Distinct shingles. */
  readonly shingles: number
  /** Distinct immutable shingles. */
  readonly immutables: number
}

/**
 * Compare the signatures of two documents whose normalised words differ.
 *
 * @param left
 *   Document.
 * @param right
 *   Document.
 * @param settings
 *   Settings.
 * @returns
 *   Whether they are copies, and how alike they are.
 */
function compareSignatures(left: Signed, right: Signed, settings: Settings): Comparison {
  const length = settings.bands * settings.rows
  const jaccard = agreement(left.signature, right.signature, 0, length)
  const smaller = Math.min(left.shingles, right.shingles)
  // |A ∩ B| = J / (1 + J) * (|A| + |B|), from the estimated Jaccard J.
  const containment = smaller === 0 ? 0 : Math.min(1, ((jaccard / (1 + jaccard)) * (left.shingles + right.shingles)) / smaller)
  const immutable = Math.min(left.immutables, right.immutables) < settings.minimumShingles
    ? 0
    : agreement(left.signature, right.signature, length, 2 * length)
  const longEnough = smaller >= settings.minimumShingles
  const match =
    (longEnough && (jaccard >= settings.threshold || containment >= settings.containment)) ||
    immutable >= settings.immutableThreshold
  return {match, similarity: Math.max(jaccard, longEnough ? containment : 0, immutable)}
}

/**
 * The id of a cluster: a hash of the id of the copy it keeps, so it does not
 * change when later copies join.
 *
 * @param keepId
 *   Id of the kept copy.
 * @returns
 *   Cluster id.
 */
export function clusterId(keepId: string): string {
  return 'dup-' + cryptoHash('sha256', keepId, 'hex').slice(0, 12)
}

/**
 * Order in which a cluster chooses the copy it keeps: the earliest published
 * first (undated last), then the most complete (most shingles), then by id.
 *
 * @param entries
 *   Entries.
 * @param left
 *   Row.
 * @param right
 *   Row.
 * @returns
 *   Sort order.
 */
function keepOrder(entries: IndexEntries, left: number, right: number): number {
  const leftDate = entries.date(left)
  const rightDate = entries.date(right)
  if (leftDate !== rightDate) {
    if (leftDate === null) return 1
    if (rightDate === null) return -1
    return leftDate < rightDate ? -1 : 1
  }
  if (entries.shingles(left) !== entries.shingles(right)) return entries.shingles(right) - entries.shingles(left)
  return entries.compareIds(left, right)
}

/**
 * Groups of documents that share an LSH band of either signature, each with
 * at least one document of the drop (positions from `first` on).
 *
 * @param entries
 *   Entries of the documents.
 * @param rows
 *   Row of the document at each position, the drop last.
 * @param first
 *   Position of the first drop document.
 * @param searched
 *   `1` at the positions to search (one per text).
 * @param signature
 *   Signature of the document at a row.
 * @param settings
 *   Settings.
 * @returns
 *   Buckets: positions in ascending order, at least two each.
 */
function* candidateBuckets(
  entries: IndexEntries,
  rows: Int32Array,
  first: number,
  searched: Uint8Array,
  signature: (row: number) => Uint32Array,
  settings: Settings
): Generator<number[]> {
  const {bands} = settings
  const count = rows.length
  // A band key and a position packed in one float (32 + 21 bits, exact in a
  // double), so one typed-array sort groups equal keys without a Map.
  const scale = 2 ** 21
  if (count >= scale) throw new RangeError('Expected fewer than ' + scale + ' indexed documents')
  // A signature of a document without shingles or immutables is all
  // 0xffffffff: it shares every band with its like, so skip it.
  const skip = (position: number, band: number) => {
    const row = rows[position] as number
    return searched[position] === 0 || (band < bands ? entries.shingles(row) : entries.immutables(row)) === 0
  }
  const key = (position: number, band: number) => bandKey(signature(rows[position] as number), band, settings.rows)

  // A small drop against a large index: bucket the drop's band keys and look
  // every indexed document up in them, instead of sorting the whole index.
  if ((count - first) * 8 <= first) {
    for (let band = 0; band < 2 * bands; band++) {
      const buckets = new Map<number, number[]>()
      for (let position = first; position < count; position++) {
        if (skip(position, band)) continue
        const bucketKey = key(position, band)
        const bucket = buckets.get(bucketKey)
        if (bucket) bucket.push(position)
        else buckets.set(bucketKey, [position])
      }
      const indexed = new Map<number, number[]>()
      for (let position = 0; position < first; position++) {
        if (skip(position, band)) continue
        const bucketKey = key(position, band)
        if (!buckets.has(bucketKey)) continue
        const bucket = indexed.get(bucketKey)
        if (bucket) bucket.push(position)
        else indexed.set(bucketKey, [position])
      }
      for (const [bucketKey, bucket] of buckets) {
        const members = [...(indexed.get(bucketKey) ?? []), ...bucket]
        if (members.length > 1) yield members
      }
    }
    return
  }

  const table = new Float64Array(count)
  for (let band = 0; band < 2 * bands; band++) {
    for (let position = 0; position < count; position++) {
      table[position] = skip(position, band) ? -1 - position : key(position, band) * scale + position
    }
    table.sort()
    let start = 0
    while (start < table.length) {
      const bucketKey = Math.floor((table[start] as number) / scale)
      let end = start + 1
      while (end < table.length && Math.floor((table[end] as number) / scale) === bucketKey) end++
      // Positions ascend within a key, so a drop document comes last.
      if ((table[start] as number) >= 0 && end - start > 1 && (table[end - 1] as number) % scale >= first) {
        yield Array.from(table.subarray(start, end), (value) => value % scale)
      }
      start = end
    }
  }
}

/**
 * Hash of one band of a signature: documents with equal keys of a band are
 * candidates.
 *
 * @param signature
 *   Both signatures of a document.
 * @param band
 *   Band (`bands` of the shingle signature, then those of the immutables).
 * @param rows
 *   Values per band.
 * @returns
 *   Unsigned 32-bit key.
 */
export function bandKey(signature: Uint32Array, band: number, rows: number): number {
  let hash = mix(band + 1)
  for (let row = band * rows; row < (band + 1) * rows; row++) hash = mix(hash ^ (signature[row] as number))
  return hash >>> 0
}

/**
 * Names and numbers of a text in reading order: capitalised words that do
 * not open a sentence, and numbers (number words as digits).
 *
 * @param text
 *   Text.
 * @returns
 *   Lower-cased immutables.
 */
export function immutableWords(text: string): string[] {
  const words: string[] = []
  // The runs of letters and digits (`[\p{L}\p{N}]+`).
  for (let index = 0; index < text.length; ) {
    const first = characterKind(text, index)
    if (first === otherKind) {
      index += characterLength(text, index)
      continue
    }
    const start = index
    do index += characterLength(text, index)
    while (index < text.length && characterKind(text, index) !== otherKind)
    const word = text.slice(start, index)
    const lower = word.toLowerCase()
    const number = numberWords.get(lower)
    if (first === numberKind || number) {
      words.push(number ?? lower)
      continue
    }
    if (first !== upperKind || mutableNameWords.has(lower)) continue
    // `However the` -> `But the`: the spinner rewrites sentence openers.
    if (start === 0 || sentenceOpener.test(text.slice(Math.max(0, start - 4), start))) continue
    words.push(lower)
  }
  return words
}

/** What precedes a word that opens a sentence, in the 4 characters before it. */
const sentenceOpener = /(?:^|[.!?…:]["”’)]*\s+["“‘(]?|\n\s*["“‘(]?)$/u

/**
 * Distinct hashes of the `size`-grams of `words` (the whole list when it is
 * shorter).
 *
 * @param words
 *   Words.
 * @param size
 *   Words per shingle.
 * @returns
 *   Shingle hashes, each once, in ascending order.
 */
function shingleHashes(words: readonly string[], size: number): Uint32Array {
  if (words.length === 0) return new Uint32Array(0)
  // Indexed loops: `entries()` made an array per word and per shingle.
  const wordHashes = new Int32Array(words.length)
  for (let index = 0; index < words.length; index++) wordHashes[index] = hashString(words[index] as string)
  const hashes = new Uint32Array(Math.max(0, words.length - size) + 1)
  for (let start = 0; start < hashes.length; start++) {
    let hash = 0x9e_37_79_b9
    const end = Math.min(start + size, words.length)
    for (let index = start; index < end; index++) hash = mix(hash ^ (wordHashes[index] as number))
    hashes[start] = hash
  }
  // Sorted, a repeated shingle sits next to itself.
  hashes.sort()
  let distinct = 1
  for (let index = 1; index < hashes.length; index++) {
    const hash = hashes[index] as number
    if (hash !== hashes[distinct - 1]) hashes[distinct++] = hash
  }
  return hashes.subarray(0, distinct)
}

/**
 * Fixed seeds of the MinHash functions (a splitmix-style sequence, so the
 * signatures are the same on every run and machine), made once per settings.
 *
 * @param offset
 *   First seed number.
 * @param count
 *   Seeds.
 * @returns
 *   Seeds.
 */
function seedList(offset: number, count: number): Uint32Array {
  const key = offset + ':' + count
  let seeds = seedLists.get(key)
  if (!seeds) {
    seeds = new Uint32Array(count)
    for (let index = 0; index < count; index++) seeds[index] = mix(Math.imul(offset + index + 1, 0x9e_37_79_b9)) >>> 0
    seedLists.set(key, seeds)
  }
  return seeds
}

/**
 * Share of equal slots of two signatures in `[start, end)`: the estimated
 * Jaccard similarity.
 *
 * @param left
 *   Signature.
 * @param right
 *   Signature.
 * @param start
 *   First slot.
 * @param end
 *   Slot after the last.
 * @returns
 *   Share from 0 to 1.
 */
function agreement(left: Uint32Array, right: Uint32Array, start: number, end: number): number {
  let equal = 0
  for (let slot = start; slot < end; slot++) if (left[slot] === right[slot]) equal++
  return equal / (end - start)
}

/**
 * 32-bit hash of a string (FNV-1a, then mixed).
 *
 * @param value
 *   String.
 * @returns
 *   Hash.
 */
function hashString(value: string): number {
  let hash = 0x81_1c_9d_c5
  for (let index = 0; index < value.length; index++) {
    hash = Math.imul(hash ^ value.charCodeAt(index), 0x01_00_01_93)
  }
  return mix(hash)
}

/**
 * MurmurHash3's 32-bit finaliser: spreads every input bit over the output.
 *
 * @param value
 *   32-bit integer.
 * @returns
 *   Mixed 32-bit integer (signed).
 */
function mix(value: number): number {
  let hash = value | 0
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85_eb_ca_6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2_b2_ae_35)
  hash ^= hash >>> 16
  return hash
}

/**
 * Round to three decimals.
 *
 * @param value
 *   Number.
 * @returns
 *   Rounded number.
 */
function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
