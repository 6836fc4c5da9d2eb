/**
 * Evaluate the `dates` stage, TempEval-3 Task A style: extent precision,
 * recall and F1 (strict: same span; relaxed: overlapping spans, paired one
 * to one, exact pairs first), value accuracy on the relaxed pairs, and
 * value F1 (relaxed F1 × value accuracy).
 *
 * 1. Sample drop: the full pipeline on `input/` (anchors from its manifest)
 *    against `gold/seeds/*.gold.json`; `optional` gold items count neither
 *    as a miss nor as a false alarm, items on removed duplicate lines are left out.
 * 2. TempEval-3: TBAQ-cleaned (the part the rules were tuned on) and
 *    te3-platinum (test, never tuned on); the anchor is each document's DCT.
 * 3. MEANTIME (English): title and sentences 2–5, the dateline (sentence 1)
 *    is the anchor.
 *
 * Values are compared after writing decades, centuries and their durations
 * one way (`199X` = `199`, `P3DE` = `P30Y`), as TimeBank and our gold spell
 * them differently.
 *
 * Run: `node dist/bench/eval-dates.js` (`--verbose` lists every error of the
 * samples and of TBAQ).
 */
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {attachLineCounts} from '../pipeline/corpus.js'
import {absolutePathOf, docIdOf, findInputs} from '../pipeline/inputs.js'
import {createProcessors, processDocument} from '../pipeline/processor.js'
import {decoded, rawPlace} from '../pipeline/record.js'
import {findDates} from '../stages/dates.js'
import {unescapeXml} from './clean-english.js'
import {sharedFolder} from './corpus.js'

/** A temporal expression: span and value, in one text (or one raw line). */
interface Span {
  /** Key of the text the offsets are in (document, or document and line). */
  readonly unit: string
  readonly start: number
  readonly end: number
  readonly value: string
  readonly optional?: boolean | undefined
  readonly text?: string | undefined
}

/** Counts of one data set. */
interface Score {
  gold: number
  predicted: number
  strict: number
  relaxed: number
  values: number
  bytes: number
  milliseconds: number
  errors: string[]
}

const verbose = process.argv.includes('--verbose')
const projectRoot = path.resolve(import.meta.dirname, '../..')

const rows: Array<[string, Score]> = [['sample gold (5 seeds)', await evaluateSamples()]]
const tempeval = path.join(sharedFolder, 'eval-data/tempeval3')
rows.push(['TE3 TBAQ-cleaned (tuning)', await evaluateTimeML([path.join(tempeval, 'TBAQ-cleaned/TimeBank'), path.join(tempeval, 'TBAQ-cleaned/AQUAINT')])])
rows.push(['TE3 platinum (test)', await evaluateTimeML([path.join(tempeval, 'te3-platinum')])])
rows.push(['MEANTIME English', await evaluateMeantime(path.join(sharedFolder, 'eval-data/meantime/intra-doc_annotation'))])
printTable(rows)

/**
 * Score the sample drop, run through the whole pipeline.
 *
 * @returns
 *   Counts.
 */
async function evaluateSamples(): Promise<Score> {
  const processors = createProcessors()
  const root = path.join(projectRoot, 'input')
  const inputs = await findInputs(root)
  const files: VFile[] = []
  for (const {sourcePath, metadataText} of inputs.documents) {
    const bytes = await readFile(absolutePathOf(root, sourcePath))
    const file = new VFile({
      path: sourcePath,
      value: bytes,
      data: {docId: docIdOf(sourcePath), sourcePath, bytes: bytes.byteLength, metadata: JSON.parse(metadataText) as Record<string, string>}
    })
    await processDocument(processors.clean, file)
    files.push(file)
  }
  attachLineCounts(files)
  const gold: Span[] = []
  const predicted: Span[] = []
  let bytes = 0
  let milliseconds = 0
  for (const file of files) {
    await processDocument(processors.main, file)
    const {raw, offsets, text} = decoded(file)
    bytes += Buffer.byteLength(text)
    milliseconds += file.data.timings?.['dates'] ?? 0
    const id = file.data.docId as string
    for (const mention of file.data.dates ?? []) {
      const start = rawPlace(raw, offsets[mention.start] as number)
      // The raw place after the span: a repair (`this 12 months` → `this year`) spreads its
      // text over the raw span it replaced, so the last character may map inside it.
      const after = rawPlace(raw, offsets[mention.end] as number)
      const end = after.line === start.line ? after.column - 1 : start.column - 1 + mention.end - mention.start
      predicted.push({unit: id + ':' + start.line, start: start.column - 1, end, value: mention.value, text: text.slice(mention.start, mention.end)})
    }
    const goldFile = JSON.parse(await readFile(path.join(sharedFolder, 'gold/seeds', id + '.gold.json'), 'utf8')) as {
      dates: Array<{line: number; start: number; end: number; value: string; text: string; optional?: boolean; in_removed_duplicate?: boolean}>
    }
    for (const item of goldFile.dates) {
      if (item.in_removed_duplicate) continue
      gold.push({unit: id + ':' + item.line, start: item.start, end: item.end, value: item.value, optional: item.optional, text: item.text})
    }
  }
  return {...score(gold, predicted), bytes, milliseconds}
}

/**
 * Score TimeML (`.tml`) documents, each against its DCT.
 *
 * @param folders
 *   Folders of `.tml` files.
 * @returns
 *   Counts.
 */
async function evaluateTimeML(folders: readonly string[]): Promise<Score> {
  const gold: Span[] = []
  const predicted: Span[] = []
  let bytes = 0
  let milliseconds = 0
  for (const folder of folders) {
    for (const name of (await readdir(folder)).filter((name) => name.endsWith('.tml')).sort()) {
      const source = await readFile(path.join(folder, name), 'utf8')
      const anchor = /<DCT>[^]*?value="(\d{4}-\d{2}-\d{2})/.exec(source)?.[1]
      const body = /<TEXT>([^]*)<\/TEXT>/.exec(source)?.[1] ?? ''
      let text = ''
      let open: {start: number; value: string} | undefined
      for (const part of body.matchAll(/<[^>]*>|[^<]+/g)) {
        const piece = part[0]
        if (piece.startsWith('<TIMEX3')) {
          open = {start: text.length, value: /value="([^"]*)"/.exec(piece)?.[1] ?? ''}
        } else if (piece === '</TIMEX3>' && open) {
          gold.push({unit: name, start: open.start, end: text.length, value: open.value, text: text.slice(open.start)})
          open = undefined
        } else if (!piece.startsWith('<')) {
          text += piece.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => ({amp: '&', lt: '<', gt: '>', quot: '"', apos: '\''})[entity] as string)
        }
      }
      milliseconds += tagText(name, text, anchor, predicted)
      bytes += Buffer.byteLength(text)
    }
  }
  return {...score(gold, predicted), bytes, milliseconds}
}

/**
 * Score MEANTIME (CAT XML): the title and sentences 2–5 are annotated; the
 * dateline (sentence 1) gives the anchor when no DCT is annotated.
 *
 * @param root
 *   Folder of the sub-corpora.
 * @returns
 *   Counts.
 */
async function evaluateMeantime(root: string): Promise<Score> {
  const gold: Span[] = []
  const predicted: Span[] = []
  let bytes = 0
  let milliseconds = 0
  for (const corpus of (await readdir(root)).sort()) {
    for (const name of (await readdir(path.join(root, corpus))).filter((name) => name.endsWith('.xml')).sort()) {
      const source = await readFile(path.join(root, corpus, name), 'utf8')
      const tokens = [...source.matchAll(/<token[^>]*sentence="(\d+)"[^>]*t_id="(\d+)"[^>]*>([^<]*)<\/token>/g)].map((match) => ({
        sentence: Number(match[1]),
        id: match[2] as string,
        text: unescapeXml(match[3] as string)
      }))
      const dateline = tokens.filter((token) => token.sentence === 1).map((token) => token.text).join(' ')
      let anchor = /functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})"/.exec(source)?.[1]
      anchor ??= findDates(dateline).find((mention) => /^\d{4}-\d{2}-\d{2}$/.test(mention.value))?.value
      // Two DCTs are written day first (`03-02-2009`).
      const dayFirst = /functionInDocument="CREATION_TIME"[^>]*value="(\d{2})-(\d{2})-(\d{4})"/.exec(source)
      if (!anchor && dayFirst) anchor = dayFirst[3] + '-' + dayFirst[2] + '-' + dayFirst[1]
      let text = ''
      const places = new Map<string, [number, number]>()
      let sentence = -1
      for (const token of tokens) {
        if (token.sentence === 1 || token.sentence > 5) continue
        if (token.sentence !== sentence) {
          if (text) text += '\n'
          sentence = token.sentence
        } else if (!/^[,.;:!?)%]$|^'s$|^n't$/.test(token.text) && !text.endsWith('(') && !text.endsWith('$')) {
          text += ' '
        }
        places.set(token.id, [text.length, text.length + token.text.length])
        text += token.text
      }
      for (const match of source.matchAll(/<TIMEX3 ([^>]*)>([^]*?)<\/TIMEX3>/g)) {
        const attributes = match[1] as string
        if (attributes.includes('CREATION_TIME')) continue
        const spans = [...(match[2] as string).matchAll(/t_id="(\d+)"/g)].map((anchorMatch) => places.get(anchorMatch[1] as string))
        if (spans.length === 0 || spans.some((span) => span === undefined)) continue
        const start = Math.min(...spans.map((span) => (span as [number, number])[0]))
        const end = Math.max(...spans.map((span) => (span as [number, number])[1]))
        gold.push({unit: name, start, end, value: /value="([^"]*)"/.exec(attributes)?.[1] ?? '', text: text.slice(start, end)})
      }
      milliseconds += tagText(name, text, anchor, predicted)
      bytes += Buffer.byteLength(text)
    }
  }
  return {...score(gold, predicted), bytes, milliseconds}
}

/**
 * Tag one text with the date stage's recogniser and add its spans.
 *
 * @param unit
 *   Key of the text.
 * @param text
 *   Text.
 * @param anchor
 *   Anchor date (the document creation time), if any.
 * @param predicted
 *   Spans to add to.
 * @returns
 *   Milliseconds the recogniser took.
 */
function tagText(unit: string, text: string, anchor: string | undefined, predicted: Span[]): number {
  const started = performance.now()
  const mentions = findDates(text, anchor)
  const milliseconds = performance.now() - started
  for (const mention of mentions) {
    predicted.push({unit, start: mention.start, end: mention.end, value: mention.value, text: text.slice(mention.start, mention.end)})
  }
  return milliseconds
}

/**
 * Pair gold and predicted spans one to one (exact spans first, then the
 * largest overlap) and count the matches.
 *
 * @param gold
 *   Gold spans.
 * @param predicted
 *   Predicted spans.
 * @returns
 *   Counts without timing.
 */
function score(gold: readonly Span[], predicted: readonly Span[]): Omit<Score, 'bytes' | 'milliseconds'> {
  const result = {gold: 0, predicted: 0, strict: 0, relaxed: 0, values: 0, errors: [] as string[]}
  const used = new Set<Span>()
  const pairs = new Map<Span, Span>()
  for (const exact of [true, false]) {
    for (const item of gold) {
      if (pairs.has(item)) continue
      let best: Span | undefined
      let bestOverlap = 0
      for (const guess of predicted) {
        if (used.has(guess) || guess.unit !== item.unit) continue
        const overlap = Math.min(guess.end, item.end) - Math.max(guess.start, item.start)
        if (exact ? guess.start === item.start && guess.end === item.end : overlap > bestOverlap) {
          best = guess
          bestOverlap = overlap
          if (exact) break
        }
      }
      if (best) {
        pairs.set(item, best)
        used.add(best)
      }
    }
  }
  for (const item of gold) {
    const guess = pairs.get(item)
    if (item.optional) continue
    result.gold++
    if (!guess) {
      result.errors.push('miss   ' + item.unit + ' “' + item.text + '” ' + item.value)
      continue
    }
    result.relaxed++
    if (guess.start === item.start && guess.end === item.end) result.strict++
    else result.errors.push('extent ' + item.unit + ' “' + item.text + '” → “' + guess.text + '”')
    if (canonical(guess.value) === canonical(item.value)) result.values++
    else result.errors.push('value  ' + item.unit + ' “' + item.text + '” ' + item.value + ' → ' + guess.value)
  }
  const optional = new Set([...pairs].filter(([item]) => item.optional).map(([, guess]) => guess))
  for (const guess of predicted) {
    if (optional.has(guess)) continue
    result.predicted++
    if (!used.has(guess)) result.errors.push('extra  ' + guess.unit + ' “' + guess.text + '” ' + guess.value)
  }
  return result
}

/**
 * Write decades, centuries and their durations one way.
 *
 * @param value
 *   TIMEX3 value.
 * @returns
 *   Canonical value.
 */
function canonical(value: string): string {
  const decades = /^P(\d+)DE$/.exec(value)
  if (decades) return 'P' + Number(decades[1]) * 10 + 'Y'
  const centuries = /^P(\d+)CE$/.exec(value)
  if (centuries) return 'P' + Number(centuries[1]) * 100 + 'Y'
  return value.replace(/^(\d{2,3})X+$/, '$1')
}

/**
 * Print the table of scores (and the errors with `--verbose`).
 *
 * @param table
 *   Rows by set name.
 * @returns
 *   Nothing.
 */
function printTable(table: ReadonlyArray<[string, Score]>): void {
  const f1 = (correct: number, predicted: number, gold: number) => (predicted + gold === 0 ? 0 : (200 * correct) / (predicted + gold))
  const lines = [
    'dates: TempEval-3 Task A style (P/R/F1 in %)',
    'set                          gold  pred  strict P/R/F1        relaxed P/R/F1       value acc  value F1   MB/s'
  ]
  for (const [name, result] of table) {
    const part = (correct: number) =>
      [(100 * correct) / Math.max(1, result.predicted), (100 * correct) / Math.max(1, result.gold), f1(correct, result.predicted, result.gold)]
        .map((value) => value.toFixed(1).padStart(5))
        .join(' ')
    const accuracy = result.relaxed === 0 ? 0 : result.values / result.relaxed
    const relaxedF1 = f1(result.relaxed, result.predicted, result.gold)
    const speed = result.bytes / 1024 / 1024 / Math.max(result.milliseconds / 1000, 1e-9)
    lines.push(
      name.padEnd(28) +
        String(result.gold).padStart(5) +
        String(result.predicted).padStart(6) +
        '  ' +
        part(result.strict) +
        '    ' +
        part(result.relaxed) +
        '    ' +
        (100 * accuracy).toFixed(1).padStart(6) +
        '    ' +
        (relaxedF1 * accuracy).toFixed(1).padStart(6) +
        // Five short seeds time mostly the compiler warming up.
        (result.bytes > 100_000 ? speed.toFixed(1) : '-').padStart(7)
    )
  }
  console.log(lines.join('\n'))
  if (!verbose) return
  for (const [name, result] of table) {
    if (name.includes('platinum') || name.includes('MEANTIME')) continue
    console.log('\n## ' + name)
    for (const error of result.errors) console.log(error)
  }
}
