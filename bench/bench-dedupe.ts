/**
 * Time and memory of the duplicate index: index 100,000 documents, persist
 * the index, read it back, and match a 1,000-document drop against it.
 *
 * The documents are the news corpus (research-only data, read where it lies
 * in the shared folder) with seeded variations (truncated, figures changed,
 * other boilerplate and local spelling, words swapped) to reach the size.
 *
 * Usage: node dist/bench/bench-dedupe.js [--documents N] [--drop N]
 */
import {mkdtemp, rm, stat} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {readDuplicateIndex, writeDuplicateIndex} from '../pipeline/duplicate-index.js'
import {duplicateSettings, emptyIndex, indexDocument, matchDrop, type IndexedDocument} from '../stages/near-duplicates.js'
import {readCorpus, type CorpusArticle} from './corpus.js'

const {values} = parseArgs({options: {documents: {type: 'string', default: '100000'}, drop: {type: 'string', default: '1000'}}})
const total = Number(values.documents)
const dropSize = Number(values.drop)
const settings = duplicateSettings()

const articles = await readCorpus(Number.POSITIVE_INFINITY)
const variants = 5

// Index: sign every document, then cluster them all as one drop.
let started = clock()
const signed: IndexedDocument[] = []
let words = 0
for (let number = 0; number < total; number++) {
  const article = articles[number % articles.length] as CorpusArticle
  const variant = Math.floor(number / articles.length) % variants
  const text = vary(article.text, variant, number)
  words += text.split(/\s+/).length
  signed.push(indexDocument({id: 'doc-' + number, text, date: article.date}, settings))
}
const signSeconds = since(started)
started = clock()
const index = emptyIndex(settings)
const indexed = matchDrop(index, signed)
const clusterSeconds = since(started)
const clusterSizes = new Map<string, number>()
for (const document of index.documents) clusterSizes.set(document.cluster, (clusterSizes.get(document.cluster) ?? 0) + 1)
const largest = Math.max(...clusterSizes.values())
const indexMemory = process.memoryUsage()

// Persist and read back, as the next run does.
const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-bench-dedupe-'))
started = clock()
await writeDuplicateIndex(folder, index)
const writeSeconds = since(started)
const indexBytes =
  (await stat(path.join(folder, 'duplicates/signatures.bin'))).size + (await stat(path.join(folder, 'duplicates/documents.jsonl'))).size
signed.length = 0
started = clock()
const stored = await readDuplicateIndex(folder, settings)
const readSeconds = since(started)

// A new drop: other variants of indexed articles, and articles the index has not seen.
started = clock()
const drop: IndexedDocument[] = []
for (let number = 0; number < dropSize; number++) {
  const article = articles[(number * 7919) % articles.length] as CorpusArticle
  const text = number % 2 === 0 ? vary(article.text, 4, total + number) : article.text.split(' ').reverse().join(' ')
  drop.push(indexDocument({id: 'drop-' + number, text, date: article.date}, settings))
}
const matched = matchDrop(stored, drop)
const dropSeconds = since(started)
const copies = [...matched].filter(([id, result]) => result.duplicateOf !== null && Number(id.slice(6)) % 2 === 0).length
const falseCopies = [...matched].filter(([id, result]) => result.duplicateOf !== null && Number(id.slice(6)) % 2 === 1).length
await rm(folder, {recursive: true, force: true})

console.log('newsdrop duplicate index: %d documents (%s words, news-corpus x %d variants), %d-document drop', total, words.toLocaleString('en'), variants, dropSize)
console.log('')
console.log('| step | CPU seconds | wall seconds | documents per CPU second |')
console.log('| --- | ---: | ---: | ---: |')
row('sign ' + total + ' documents (MinHash, 2 x ' + settings.bands * settings.rows + ' values)', signSeconds, total)
row('cluster them (LSH ' + settings.bands + ' x ' + settings.rows + ', confirm, union-find)', clusterSeconds, total)
row('write the index (' + (indexBytes / 1e6).toFixed(1) + ' MB)', writeSeconds)
row('read the index', readSeconds)
row('match a ' + dropSize + '-document drop against it (sign + match)', dropSeconds, dropSize)
console.log('')
console.log('clusters in the index: %d documents with a copy, %d clusters, the largest of %d documents', indexed.size, clusterSizes.size, largest)
console.log('drop: %d of %d variants of indexed articles matched as copies; %d of %d texts with reversed word order matched', copies, Math.ceil(dropSize / 2), falseCopies, Math.floor(dropSize / 2))
console.log('memory: heap %s MB after indexing, max RSS %s MB (limit 1024 MB)', (indexMemory.heapUsed / 1e6).toFixed(0), (process.resourceUsage().maxRSS / 1024).toFixed(0))

/**
 * Print a table row.
 *
 * @param step
 *   What was timed.
 * @param seconds
 *   CPU and wall-clock seconds.
 * @param documents
 *   Documents processed, for the rate.
 * @returns
 *   Nothing.
 */
function row(step: string, seconds: {cpu: number; wall: number}, documents?: number): void {
  const rate = documents === undefined ? '' : (documents / seconds.cpu).toFixed(0)
  console.log('| %s | %s | %s | %s |', step, seconds.cpu.toFixed(2), seconds.wall.toFixed(2), rate)
}

/**
 * Start a measurement: wall clock and CPU time of this process (the box is
 * shared, so wall time alone says little).
 *
 * @returns
 *   Start.
 */
function clock(): {wall: number; cpu: NodeJS.CpuUsage} {
  return {wall: performance.now(), cpu: process.cpuUsage()}
}

/**
 * Seconds since a start.
 *
 * @param start
 *   Start from {@link clock}.
 * @returns
 *   CPU and wall-clock seconds.
 */
function since(start: {wall: number; cpu: NodeJS.CpuUsage}): {cpu: number; wall: number} {
  const cpu = process.cpuUsage(start.cpu)
  return {cpu: (cpu.user + cpu.system) / 1e6, wall: (performance.now() - start.wall) / 1000}
}

/**
 * A seeded variation of an article: `0` as it is, `1` truncated to its first
 * 60 % of paragraphs, `2` figures changed, `3` other boilerplate and British
 * spelling, `4` one lower-case word in twelve swapped (as a spinner does).
 *
 * @param text
 *   Article text.
 * @param variant
 *   Variation.
 * @param seed
 *   Seed.
 * @returns
 *   Text.
 */
function vary(text: string, variant: number, seed: number): string {
  if (variant === 1) {
    const paragraphs = text.split('\n\n')
    return paragraphs.slice(0, Math.max(1, Math.ceil(paragraphs.length * 0.6))).join('\n\n')
  }
  if (variant === 2) return text.replace(/\d+/g, (digits) => String(Number(digits) + 1))
  if (variant === 3) {
    return 'Sign up for our newsletter\n\n' + text.replaceAll('defense', 'defence').replaceAll('center', 'centre') + '\n\n© Example Media ' + seed
  }
  if (variant === 4) {
    let state = seed
    return text
      .split(' ')
      .map(function (word) {
        state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
        // A synonym spinner swaps common words and leaves names and numbers.
        return state % 12 === 0 && /^[a-z]+$/.test(word) ? 'indeed' : word
      })
      .join(' ')
  }
  return text
}
