/**
 * `make bench`, part 2: every stage's own throughput on one core, with the
 * stages run one after another over the whole corpus (all documents through
 * stage 1, then all through stage 2, …), so a stage's figure does not include
 * the cache misses that interleaving with the other stages costs. The
 * in-pipeline figures come from `bench/bench.ts`.
 *
 * Usage: node dist/bench/bench-stages.js [--documents N] (default: 5000)
 */
import {parseArgs} from 'node:util'
import type {Root} from 'nlcst'
import {unified, type Plugin} from 'unified'
import {VFile} from 'vfile'
import {attachLineCounts} from '../pipeline/corpus.js'
import {stageNames} from '../pipeline/processor.js'
import {boilerplate} from '../stages/boilerplate.js'
import {dates} from '../stages/dates.js'
import {decode} from '../stages/decode.js'
import {dedupeSections} from '../stages/dedupe-sections.js'
import {despin} from '../stages/despin.js'
import {entities} from '../stages/entities.js'
import {normalise} from '../stages/normalise.js'
import {segment} from '../stages/segment.js'
import {sentences} from '../stages/sentences.js'
import {readCorpus} from './corpus.js'

/** The stages in pipeline order (checked against `stageNames` below). */
const stages: Array<[string, Plugin<[], Root>]> = [
  ['decode', decode as Plugin<[], Root>],
  ['normalise', normalise as Plugin<[], Root>],
  ['segment', segment],
  ['boilerplate', boilerplate as Plugin<[], Root>],
  ['dedupe-sections', dedupeSections as Plugin<[], Root>],
  ['sentences', sentences],
  ['despin', despin as Plugin<[], Root>],
  ['entities', entities],
  ['dates', dates as Plugin<[], Root>]
]
if (stages.map(([name]) => name).join() !== stageNames.join()) {
  throw new Error('Expected the stages of bench/bench-stages.ts to be those of pipeline/processor.ts, in its order')
}

const {values} = parseArgs({options: {documents: {type: 'string', default: '5000'}}})
const articles = await readCorpus(Number(values.documents))
const bytes = articles.map((article) => new TextEncoder().encode((article.title ? article.title + '\n\n' : '') + article.text))
const megabytes = bytes.reduce((sum, value) => sum + value.byteLength, 0) / 1e6

console.log('newsdrop stage bench: %d documents, %s MB, each stage over all documents in turn, one core', articles.length, megabytes.toFixed(2))
console.log('')
console.log('| stage | seconds | MB/s | documents/s |')
console.log('| --- | ---: | ---: | ---: |')

// Two passes: the first warms the JavaScript engine up, the second is reported.
for (const pass of [0, 1]) {
  const files = articles.map((article, index) =>
    new VFile({path: article.id, value: bytes[index], data: {docId: article.id, sourcePath: article.id, metadata: article.date ? {published_date: article.date} : {}}})
  )
  const trees: Root[] = files.map(() => ({type: 'RootNode', children: []}))
  for (const [name, plugin] of stages) {
    // The main phase needs the drop's line counts, as in the pipeline.
    if (name === 'boilerplate') attachLineCounts(files)
    const processor = unified().use(plugin).freeze()
    const started = performance.now()
    for (const [index, file] of files.entries()) trees[index] = (await processor.run(trees[index] as Root, file)) as Root
    const seconds = (performance.now() - started) / 1000
    if (pass === 1) console.log('| %s | %s | %s | %s |', name, seconds.toFixed(3), (megabytes / seconds).toFixed(1), (files.length / seconds).toFixed(0))
  }
}
