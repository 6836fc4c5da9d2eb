/**
 * Evaluate the `despin` stage.
 *
 * 1. Sample 002 (spun): run the pipeline on the sample drop and compare the
 *    body text with `gold/seeds/002.despun.txt`: word error rate before and
 *    after despinning and the share of the word-level difference removed
 *    (goal: at least 85%); precision of the applied edits against the gold
 *    `spin_fixes` (every edit that does not give the gold wording is wrong).
 * 2. Clean text (goal: 0 edits): the four unspun samples, every sentence of
 *    WikiGold and MEANTIME as a document of its own, each of the two sets as
 *    one document, and held-out news articles (Wikinews, BBC, Reuters).
 * 3. Speed of `sentences` (parsing) and `despin` on the news articles.
 *
 * Run: `node dist/bench/eval-despin.js` (`--verbose` lists every wrong or
 * missed fix and every edit on clean text).
 */
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import type {Root} from 'nlcst'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {attachLineCounts} from '../pipeline/corpus.js'
import {createProcessors, processDocument, type Processor} from '../pipeline/processor.js'
import {decoded, rawPlace, sourcePlace, splitLines, type EditRecord} from '../pipeline/record.js'
import {decode} from '../stages/decode.js'
import {despin} from '../stages/despin.js'
import {normalise} from '../stages/normalise.js'
import {segment} from '../stages/segment.js'
import {sentences} from '../stages/sentences.js'
import {readMeantime, readWikigold} from './clean-english.js'
import {readCorpus, sharedFolder} from './corpus.js'

/** A gold spin fix (the fields read here). */
interface SpinFix {
  readonly line: number
  readonly start: number
  readonly end: number
  readonly spun: string
  readonly fixed: string
}

/** Gold annotation of a seed file (the fields read here). */
interface Gold {
  readonly boilerplate_lines: ReadonlyArray<{line: number}>
  readonly spin_fixes: readonly SpinFix[]
}

/** A replacement on one raw line: `[start, end)` becomes `after`. */
interface LineChange {
  readonly start: number
  readonly end: number
  readonly after: string
}

const verbose = process.argv.includes('--verbose')
/** News articles taken from the corpus for the clean-text check. */
const corpusSample = 30_000

const processors = createProcessors()
const stages = unified().use(decode).use(normalise).use(segment).use(sentences).use(despin).freeze()

await evaluateSamples()
await evaluateCleanText()

/**
 * Score the sample drop: sample 002 against its gold, the others for zero edits.
 *
 * @returns
 *   Nothing.
 */
async function evaluateSamples(): Promise<void> {
  const folder = path.join(sharedFolder, 'samples')
  const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort()
  const files = names.map(
    (name) => new VFile({path: name, data: {docId: name.replace(/\.txt$/u, ''), sourcePath: name, metadata: {}}})
  )
  for (const file of files) {
    const bytes = await readFile(path.join(folder, file.path))
    file.value = bytes
    file.data.bytes = bytes.byteLength
  }
  await runDrop(files, processors)

  console.log('despin: sample drop (pipeline)')
  console.log(row(['file', 'spun', 'score', 'per 1k', 'edits', 'gold', 'correct', 'wrong', 'recall', 'precision', 'WER before', 'WER after', 'removed']))
  for (const file of files) {
    const name = file.path
    const gold = JSON.parse(await readFile(path.join(sharedFolder, 'gold/seeds', name.replace(/\.txt$/u, '.gold.json')), 'utf8')) as Gold
    const spin = file.data.spin
    const edits = (file.data.edits ?? []).filter((edit) => edit.stage === 'despin')
    const score = scoreEdits(file, edits, gold.spin_fixes)
    const cells: Array<string | number> = [name.slice(0, 3), String(spin?.spun), spin?.score ?? '', spin?.per1000Words ?? '', edits.length, gold.spin_fixes.length, score.correct, score.wrong]
    if (gold.spin_fixes.length > 0) {
      const despun = await readFile(path.join(sharedFolder, 'gold/seeds', name.slice(0, 3) + '.despun.txt'), 'utf8')
      const boilerplate = new Set(gold.boilerplate_lines.map((item) => item.line))
      const reference = words(despun)
      const before = wordDistance(words(rawBody(file, boilerplate)), reference)
      const after = wordDistance(words(workingBody(file, boilerplate)), reference)
      cells.push(
        ratio(score.recalled, gold.spin_fixes.length),
        ratio(score.correct, score.correct + score.wrong),
        ratio(before, reference.length),
        ratio(after, reference.length),
        ratio(before - after, before)
      )
    }
    console.log(row(cells))
  }
}

/**
 * Count despin edits on clean text: per sentence, per set as one document,
 * and per news article; time the parse and the stage.
 *
 * @returns
 *   Nothing.
 */
async function evaluateCleanText(): Promise<void> {
  console.log('\ndespin: clean edited English (goal: 0 edits, not spun)')
  console.log(row(['set', 'documents', 'words', 'edits', 'spun docs', 'max score']))
  const sets: Array<[string, string[]]> = [
    ['wikigold', await readWikigold()],
    ['meantime', await readMeantime()]
  ]
  for (const [name, list] of sets) {
    await cleanRow(name + ' sentences', list)
    await cleanRow(name + ' as 1 doc', [list.join('\n\n')])
  }
  const articles = await readCorpus(corpusSample)
  const bySource = new Map<string, string[]>()
  for (const article of articles) {
    const list = bySource.get(article.source) ?? []
    list.push(article.text)
    bySource.set(article.source, list)
  }
  const timings = {sentences: 0, despin: 0, bytes: 0}
  for (const [source, texts] of bySource) await cleanRow(source + ' articles', texts, timings)

  console.log('\nspeed on the news articles (one core): ' + timings.bytes + ' bytes')
  console.log(row(['stage', 'ms', 'MB/s']))
  for (const stage of ['sentences', 'despin'] as const) {
    console.log(row([stage, Math.round(timings[stage]), (timings.bytes / 1e6 / (timings[stage] / 1000)).toFixed(2)]))
  }
}

/**
 * Run clean texts through the stages and print one row of counts.
 *
 * @param name
 *   Row label.
 * @param texts
 *   Documents.
 * @param timings
 *   Totals to add the stage times and bytes to.
 * @returns
 *   Nothing.
 */
async function cleanRow(name: string, texts: readonly string[], timings?: {sentences: number; despin: number; bytes: number}): Promise<void> {
  let edits = 0
  let spun = 0
  let maximum = 0
  let wordCount = 0
  for (const [index, text] of texts.entries()) {
    const file = new VFile({path: name + '-' + index + '.txt', value: new TextEncoder().encode(text)})
    await stages.run({type: 'RootNode', children: []} as Root, file)
    const made = (file.data.edits ?? []).filter((edit) => edit.stage === 'despin')
    edits += made.length
    wordCount += text.split(/\s+/).length
    if (file.data.spin?.spun) spun++
    maximum = Math.max(maximum, file.data.spin?.score ?? 0)
    if (verbose) for (const edit of made) console.log('  ' + name + ' #' + index + ' ' + edit.rule + ': ' + edit.before + ' -> ' + edit.after)
    if (timings) {
      const started = performance.now()
      const tree = await unified().use(sentences).run({type: 'RootNode', children: []} as Root, file)
      const parsed = performance.now()
      await unified().use(despin).run(tree, file)
      timings.sentences += parsed - started
      timings.despin += performance.now() - parsed
      timings.bytes += Buffer.byteLength(text)
    }
  }
  console.log(row([name, texts.length, wordCount, edits, spun, maximum]))
}

/**
 * Run the clean phase, the drop line counts and the main phase.
 *
 * @param files
 *   Documents holding raw bytes.
 * @param phases
 *   Processors of the pipeline.
 * @returns
 *   Nothing.
 */
async function runDrop(files: readonly VFile[], phases: {clean: Processor; main: Processor}): Promise<void> {
  for (const file of files) await processDocument(phases.clean, file)
  attachLineCounts(files)
  for (const file of files) await processDocument(phases.main, file)
}

/**
 * Score despin edits against gold fixes, line by line: overlapping edits and
 * fixes form a group; a group is right when the edits give the gold text.
 *
 * @param file
 *   Processed document.
 * @param edits
 *   Despin edits.
 * @param fixes
 *   Gold fixes.
 * @returns
 *   Correct and wrong edits, gold fixes recalled.
 */
function scoreEdits(file: VFile, edits: readonly EditRecord[], fixes: readonly SpinFix[]): {correct: number; wrong: number; recalled: number} {
  const {raw} = decoded(file)
  const lines = raw.text.split('\n')
  const mine = new Map<number, LineChange[]>()
  for (const edit of edits) {
    const place = rawPlace(raw, edit.rawStart)
    const list = mine.get(place.line) ?? []
    list.push({start: place.column - 1, end: place.column - 1 + edit.before.length, after: edit.after})
    mine.set(place.line, list)
  }
  const golden = new Map<number, LineChange[]>()
  for (const fix of fixes) {
    const list = golden.get(fix.line) ?? []
    list.push({start: fix.start, end: fix.end, after: fix.fixed})
    golden.set(fix.line, list)
  }
  const result = {correct: 0, wrong: 0, recalled: 0}
  for (const [line, changes] of mine) {
    const expected = golden.get(line) ?? []
    for (const group of groups(changes, expected)) {
      const text = lines[line - 1] ?? ''
      const right = apply(text, group.start, group.end, group.mine) === apply(text, group.start, group.end, group.gold)
      if (right) {
        result.correct += group.mine.length
        result.recalled += group.gold.length
      } else {
        result.wrong += group.mine.length
        if (verbose) console.log('  wrong: line ' + line + ': ' + text.slice(group.start, group.end) + ' -> ' + apply(text, group.start, group.end, group.mine))
      }
    }
  }
  if (verbose) {
    for (const fix of fixes) {
      const hit = (mine.get(fix.line) ?? []).some((change) => change.start < fix.end && fix.start < change.end)
      if (!hit) console.log('  missed: line ' + fix.line + ': ' + fix.spun + ' -> ' + fix.fixed)
    }
  }
  return result
}

/**
 * Group my changes with the gold changes they overlap.
 *
 * @param mine
 *   Changes made.
 * @param gold
 *   Gold changes on the same line.
 * @returns
 *   Groups that hold at least one of my changes, with their span.
 */
function groups(mine: readonly LineChange[], gold: readonly LineChange[]): Array<{start: number; end: number; mine: LineChange[]; gold: LineChange[]}> {
  const result: Array<{start: number; end: number; mine: LineChange[]; gold: LineChange[]}> = []
  for (const change of mine) {
    const group = {start: change.start, end: change.end, mine: [change], gold: [] as LineChange[]}
    let grown = true
    while (grown) {
      grown = false
      for (const other of [...gold, ...mine]) {
        if (group.mine.includes(other) || group.gold.includes(other)) continue
        if (other.start < group.end && group.start < other.end) {
          if (gold.includes(other)) group.gold.push(other)
          else group.mine.push(other)
          group.start = Math.min(group.start, other.start)
          group.end = Math.max(group.end, other.end)
          grown = true
        }
      }
    }
    if (!result.some((existing) => existing.mine.includes(change))) result.push(group)
  }
  return result
}

/**
 * Apply changes to the span `[start, end)` of a line.
 *
 * @param text
 *   Line.
 * @param start
 *   Span start.
 * @param end
 *   Span end.
 * @param changes
 *   Changes inside the span.
 * @returns
 *   The changed span.
 */
function apply(text: string, start: number, end: number, changes: readonly LineChange[]): string {
  let result = ''
  let cursor = start
  for (const change of [...changes].sort((left, right) => left.start - right.start)) {
    result += text.slice(cursor, change.start) + change.after
    cursor = change.end
  }
  return result + text.slice(cursor, end)
}

/**
 * Body of the raw file: non-blank lines that are not gold boilerplate.
 *
 * @param file
 *   Processed document.
 * @param boilerplate
 *   Gold boilerplate lines (1-based).
 * @returns
 *   Text.
 */
function rawBody(file: VFile, boilerplate: ReadonlySet<number>): string {
  return decoded(file)
    .raw.text.split('\n')
    .filter((line, index) => line.trim() !== '' && !boilerplate.has(index + 1))
    .join('\n')
}

/**
 * Body of the working text: its lines whose raw line is not gold boilerplate.
 *
 * @param file
 *   Processed document.
 * @param boilerplate
 *   Gold boilerplate lines (1-based).
 * @returns
 *   Text.
 */
function workingBody(file: VFile, boilerplate: ReadonlySet<number>): string {
  const {text} = decoded(file)
  return splitLines(text)
    .filter((line) => line.start < line.end && !boilerplate.has(sourcePlace(file, line.start).line))
    .map((line) => text.slice(line.start, line.end))
    .join('\n')
}

/**
 * Words of a text (white-space separated).
 *
 * @param text
 *   Text.
 * @returns
 *   Words.
 */
function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '')
}

/**
 * Word-level edit distance (Levenshtein over words).
 *
 * @param left
 *   Words.
 * @param right
 *   Words.
 * @returns
 *   Distance.
 */
function wordDistance(left: readonly string[], right: readonly string[]): number {
  let previous = Array.from({length: right.length + 1}, (_, index) => index)
  for (let row = 1; row <= left.length; row++) {
    const current = [row]
    for (let column = 1; column <= right.length; column++) {
      const substitution = (previous[column - 1] as number) + (left[row - 1] === right[column - 1] ? 0 : 1)
      current.push(Math.min(substitution, (previous[column] as number) + 1, (current[column - 1] as number) + 1))
    }
    previous = current
  }
  return previous[right.length] as number
}

/**
 * Format a ratio with three decimals.
 *
 * @param part
 *   Numerator.
 * @param whole
 *   Denominator.
 * @returns
 *   Ratio, or `-` for an empty denominator.
 */
function ratio(part: number, whole: number): string {
  return whole === 0 ? '-' : (part / whole).toFixed(3)
}

/**
 * Format a table row.
 *
 * @param cells
 *   Cells.
 * @returns
 *   Row with padded cells.
 */
function row(cells: ReadonlyArray<string | number>): string {
  return cells.map((cell) => String(cell).padEnd(10)).join(' ')
}
