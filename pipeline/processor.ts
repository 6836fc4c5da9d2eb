/**
 * The pipeline: the ordered list of stages every document goes through.
 * This file is the table of contents of newsdrop; reordering, adding or
 * removing a stage is a one-line change here.
 */
import type {Root} from 'nlcst'
import {unified, type Plugin, type Transformer} from 'unified'
import type {VFile} from 'vfile'
import {boilerplate} from '../stages/boilerplate.js'
import {decode} from '../stages/decode.js'
import {dates} from '../stages/dates.js'
import {dedupeSections} from '../stages/dedupe-sections.js'
import {despin} from '../stages/despin.js'
import {entities} from '../stages/entities.js'
import {normalise} from '../stages/normalise.js'
import {segment} from '../stages/segment.js'
import {sentences} from '../stages/sentences.js'

declare module 'vfile' {
  interface DataMap {
    /** Milliseconds spent in each stage, by stage name; set by the pipeline. */
    timings: Record<string, number>
  }
}

/** Options of every stage, validated once when the processor is built. */
export interface PipelineOptions {
  /** Options for `decode`. */
  readonly decode?: Parameters<typeof decode>[0]
  /** Options for `normalise`. */
  readonly normalise?: Parameters<typeof normalise>[0]
  /** Options for `boilerplate`. */
  readonly boilerplate?: Parameters<typeof boilerplate>[0]
  /** Options for `dedupe-sections`. */
  readonly dedupeSections?: Parameters<typeof dedupeSections>[0]
  /** Options for `despin`. */
  readonly despin?: Parameters<typeof despin>[0]
  /** Options for `dates`. */
  readonly dates?: Parameters<typeof dates>[0]
}

export {stageNames} from './stage-names.js'

/**
 * Build the frozen processors of the two phases; a bad stage option throws
 * here, before any document is read.
 *
 * The clean phase turns bytes into segmented text. Between the phases the
 * pipeline looks at the whole drop (which lines repeat across documents);
 * the main phase then runs the stages that need that view.
 *
 * @param options
 *   Stage options.
 * @returns
 *   Frozen unified processors.
 */
export function createProcessors(options: PipelineOptions = {}) {
  const clean = unified()
    .use(timed('decode', decode), options.decode)
    .use(timed('normalise', normalise), options.normalise)
    .use(timed('segment', segment))
    .freeze()

  const main = unified()
    .use(timed('boilerplate', boilerplate), options.boilerplate)
    .use(timed('dedupe-sections', dedupeSections), options.dedupeSections)
    .use(timed('sentences', sentences))
    .use(timed('despin', despin), options.despin)
    .use(timed('entities', entities))
    .use(timed('dates', dates), options.dates)
    .freeze()

  return {clean, main}
}

/** A frozen processor of one phase, as built by {@link createProcessors}. */
export interface Processor {
  run(tree: Root, file: VFile): Promise<unknown>
}

/**
 * Run every stage on one document whose `value` holds the raw bytes.
 *
 * @param processor
 *   Frozen processor.
 * @param file
 *   Document.
 * @returns
 *   The same file; `file.messages` holds a fatal message when a stage
 *   rejected the document.
 */
export async function processDocument(processor: Processor, file: VFile): Promise<VFile> {
  const tree: Root = {type: 'RootNode', children: []}
  try {
    await processor.run(tree, file)
  } catch (error) {
    // `file.fail` already recorded the message; anything else is a bug.
    if (!file.messages.includes(error as never)) throw error
  }
  return file
}

/**
 * Wrap a stage so the time spent in it is added to `file.data.timings`.
 *
 * @param name
 *   Stage name.
 * @param plugin
 *   Stage.
 * @returns
 *   Stage with the same options that times its transformer.
 */
function timed<Parameters extends unknown[]>(name: string, plugin: Plugin<Parameters, Root>): Plugin<Parameters, Root> {
  return function (this: unknown, ...parameters: Parameters) {
    const transformer = (plugin as (...values: Parameters) => Transformer<Root> | undefined).apply(this, parameters)
    if (!transformer) return undefined
    // Two parameters only: unified treats a transformer that declares a
    // third (`next`) as callback-style and waits for it to be called.
    return function (tree: Root, file: VFile) {
      const timings = file.data.timings ?? (file.data.timings = {})
      const start = performance.now()
      try {
        return (transformer as (tree: Root, file: VFile) => ReturnType<Transformer<Root>>)(tree, file)
      } finally {
        timings[name] = (timings[name] ?? 0) + performance.now() - start
      }
    } as Transformer<Root>
  } as Plugin<Parameters, Root>
}
