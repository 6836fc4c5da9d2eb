/**
 * Evaluate the `boilerplate` stage.
 *
 * 1. Sample drop: run the pipeline's clean and main processors on
 *    `$NEWSDROP_SHARED/samples`, and compare the raw lines the stage removed
 *    with `boilerplate_lines` of `gold/seeds/*.gold.json` (precision and
 *    recall per file), and title, agency and outlet with the gold `metadata`.
 * 2. News corpus (held out, never tuned on line by line): BBC, Reuters-21578
 *    and Wikinews articles laid out as drops (headline, blank line, text).
 *    Their texts hold no boilerplate but Reuters' `Reuter` sign-off and
 *    Wikinews' `Categories: …` lines and photo captions (`… Image: Name.`),
 *    so every other removal is a false positive; the headline must come out
 *    as title.
 *
 * Run: `node dist/bench/eval-boilerplate.js` (`--verbose` lists every miss).
 */
import {readFile, readdir} from 'node:fs/promises'
import {createReadStream} from 'node:fs'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {createGunzip} from 'node:zlib'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {attachLineCounts} from '../pipeline/corpus.js'
import {createProcessors, processDocument, type Processor} from '../pipeline/processor.js'
import {decoded, rawPlace} from '../pipeline/record.js'
import {boilerplate} from '../stages/boilerplate.js'
import {sharedFolder, type CorpusArticle} from './corpus.js'

/** Gold annotation of a seed file (the fields read here). */
interface Gold {
  readonly metadata: {title: string | null; agency: string | null; source_outlet: string | null}
  readonly boilerplate_lines: Array<{line: number; text: string; kind: string}>
}

/** Counts of a comparison. */
interface Score {
  truePositives: number
  falsePositives: number
  falseNegatives: number
}

const verbose = process.argv.includes('--verbose')
/** Gold kind of each stage kind (a photo caption is gold `other`). */
const goldKinds: Record<string, string> = {
  newsletter: 'newsletter-prompt',
  'photo-caption': 'other',
  'photo-credit': 'photo-credit',
  copyright: 'copyright',
  byline: 'byline-signature',
  contact: 'contact',
  tags: 'tags-label',
  navigation: 'navigation',
  other: 'other'
}
/** Articles taken from each corpus file. */
const corpusSample = 400

const processors = createProcessors()
await evaluateSamples()
await evaluateCorpus()

/**
 * Score the sample drop against the seed gold.
 *
 * @returns
 *   Nothing.
 */
async function evaluateSamples(): Promise<void> {
  const folder = path.join(sharedFolder, 'samples')
  const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort()
  const files = await runDrop(
    await Promise.all(names.map(async (name) => ({name, bytes: await readFile(path.join(folder, name))}))),
    processors.main
  )

  console.log('boilerplate: sample drop vs gold/seeds (raw lines)')
  console.log(row(['file', 'gold', 'removed', 'tp', 'fp', 'fn', 'precision', 'recall']))
  const total: Score = {truePositives: 0, falsePositives: 0, falseNegatives: 0}
  const agreement = {title: 0, agency: 0, outlet: 0}
  let kinds = 0
  const metadataRows: string[] = []
  for (const file of files) {
    const name = file.data.sourcePath as string
    const gold = JSON.parse(await readFile(path.join(sharedFolder, 'gold/seeds', name.replace(/\.txt$/u, '.gold.json')), 'utf8')) as Gold
    const expected = new Set(gold.boilerplate_lines.map((item) => item.line))
    const removed = removedLines(file)
    const score = compare(expected, removed)
    add(total, score)
    console.log(row([name.slice(0, 3), expected.size, removed.size, score.truePositives, score.falsePositives, score.falseNegatives, ratio(score.truePositives, score.truePositives + score.falsePositives), ratio(score.truePositives, score.truePositives + score.falseNegatives)]))
    if (verbose) listMisses(file, expected, removed)
    for (const item of gold.boilerplate_lines) {
      const finding = file.data.boilerplate?.find((candidate) => candidate.line === item.line)
      if (finding && goldKinds[finding.kind] === item.kind) kinds++
    }

    const metadata = file.data.articleMetadata ?? {}
    const pairs = [
      ['title', metadata.title?.value, gold.metadata.title],
      ['agency', metadata.agency?.value, gold.metadata.agency],
      ['outlet', metadata.outlet?.value, gold.metadata.source_outlet]
    ] as const
    for (const [field, found, wanted] of pairs) {
      const same = agrees(found, wanted)
      if (same) agreement[field]++
      metadataRows.push(row([name.slice(0, 3), field, same ? 'ok' : 'MISS', JSON.stringify(found ?? null).slice(0, 48), JSON.stringify(wanted).slice(0, 48)]))
    }
  }
  console.log(row(['all', '', '', total.truePositives, total.falsePositives, total.falseNegatives, ratio(total.truePositives, total.truePositives + total.falsePositives), ratio(total.truePositives, total.truePositives + total.falseNegatives)]))
  console.log('kind agreement on gold lines: ' + kinds + '/' + (total.truePositives + total.falseNegatives))
  console.log('')
  console.log('boilerplate: metadata vs gold (case and spacing ignored)')
  console.log(row(['file', 'field', 'agree', 'found', 'gold']))
  for (const line of metadataRows) console.log(line)
  console.log('agreement: title ' + agreement.title + '/' + files.length + ', agency ' + agreement.agency + '/' + files.length + ', outlet ' + agreement.outlet + '/' + files.length)
  console.log('')
}

/**
 * Count false positives on the news corpus, where only Reuters' `Reuter`
 * sign-off is boilerplate.
 *
 * @returns
 *   Nothing.
 */
async function evaluateCorpus(): Promise<void> {
  // The stage alone after the clean phase: later stages do not change what it removes.
  const stage = unified().use(boilerplate).freeze()
  console.log('boilerplate: news corpus (' + corpusSample + ' articles per file; only `Reuter` sign-offs, `Categories:` lines and `Image:` captions are boilerplate)')
  console.log(row(['corpus', 'articles', 'lines', 'expected', 'tp', 'fp', 'fn', 'precision', 'titles']))
  for (const name of ['bbc-news-2004-2005.jsonl.gz', 'reuters21578.jsonl.gz', 'wikinews-small.jsonl.gz']) {
    const articles = await readArticles(name, corpusSample)
    const files = await runDrop(
      articles.map((article) => ({name: article.id + '.txt', bytes: Buffer.from((article.title ? article.title + '\n\n' : '') + article.text)})),
      stage
    )
    const score: Score = {truePositives: 0, falsePositives: 0, falseNegatives: 0}
    let lines = 0
    let expectedTotal = 0
    let titles = 0
    const falsePositives = new Map<string, number>()
    for (const [index, file] of files.entries()) {
      const article = articles[index] as CorpusArticle
      const {raw} = decoded(file)
      const rawLines = raw.text.split('\n')
      lines += rawLines.filter((line) => line.trim() !== '').length
      const last = rawLines.length
      const expected = new Set(/^reuters?\W*$/iu.test((rawLines.at(-1) ?? '').trim()) ? [last] : [])
      // Wikinews keeps its category list and its photo captions (`… Image: Nick Moreau.`).
      for (const [index, line] of rawLines.entries()) {
        if (line.startsWith('Categories: ') || /\S Image: [^:]+$/u.test(line)) expected.add(index + 1)
      }
      expectedTotal += expected.size
      const removed = removedLines(file)
      add(score, compare(expected, removed))
      for (const line of removed) {
        if (expected.has(line)) continue
        const finding = file.data.boilerplate?.find((item) => item.line === line)
        const key = (finding?.rule ?? '?') + ': ' + (rawLines[line - 1] ?? '').slice(0, 70)
        falsePositives.set(key, (falsePositives.get(key) ?? 0) + 1)
      }
      if (agrees(file.data.articleMetadata?.title?.value, article.title)) titles++
      else if (verbose) console.log('    title ' + JSON.stringify(file.data.articleMetadata?.title?.value ?? null) + ' for ' + JSON.stringify(article.title))
    }
    console.log(row([name.replace(/\.jsonl\.gz$/u, '').slice(0, 12), files.length, lines, expectedTotal, score.truePositives, score.falsePositives, score.falseNegatives, ratio(score.truePositives, score.truePositives + score.falsePositives), ratio(titles, files.length)]))
    if (verbose) {
      for (const [index, file] of files.entries()) {
        const rawLines = decoded(file).raw.text.split('\n')
        const removed = removedLines(file)
        for (const [line, text] of rawLines.entries()) {
          if (!removed.has(line + 1) && (text.startsWith('Categories: ') || /\S Image: [^:]+$/u.test(text))) console.log('    fn ' + (articles[index] as CorpusArticle).id + ': ' + text.slice(0, 70))
        }
      }
    }
    const top = [...falsePositives].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
    for (const [text, count] of top.slice(0, verbose ? 100 : 5)) console.log('    fp ×' + count + '  ' + text)
  }
}

/**
 * Run the clean phase, attach the drop's line counts, then `phase`.
 *
 * @param inputs
 *   File names and raw bytes.
 * @param phase
 *   Processor to run after the clean phase.
 * @returns
 *   Processed documents, in input order.
 */
async function runDrop(inputs: ReadonlyArray<{name: string; bytes: Buffer}>, phase: Processor): Promise<VFile[]> {
  const files = inputs.map(
    ({name, bytes}) =>
      new VFile({path: name, value: bytes, data: {docId: name.replace(/\.txt$/u, ''), sourcePath: name, bytes: bytes.byteLength, metadata: {}}})
  )
  for (const file of files) await processDocument(processors.clean, file)
  attachLineCounts(files)
  for (const file of files) await processDocument(phase, file)
  return files
}

/**
 * Raw lines (1-based) the `boilerplate` stage removed whole, from the audit trail.
 *
 * @param file
 *   Processed document.
 * @returns
 *   Line numbers.
 */
function removedLines(file: VFile): Set<number> {
  const {raw} = decoded(file)
  const lines = new Set<number>()
  for (const edit of file.data.edits ?? []) {
    if (edit.stage !== 'boilerplate' || edit.action !== 'remove') continue
    const place = rawPlace(raw, edit.rawStart)
    const start = raw.lineStarts[place.line - 1] as number
    const end = (raw.lineStarts[place.line] ?? raw.text.length + 1) - 1
    // A whole line: the edit starts the line and holds all its text.
    if (place.column === 1 && edit.before.trim().length >= raw.text.slice(start, end).trim().length - 1) lines.add(place.line)
  }
  return lines
}

/**
 * Compare expected and found line sets.
 *
 * @param expected
 *   Gold lines.
 * @param found
 *   Removed lines.
 * @returns
 *   Counts.
 */
function compare(expected: ReadonlySet<number>, found: ReadonlySet<number>): Score {
  let truePositives = 0
  for (const line of found) if (expected.has(line)) truePositives++
  return {truePositives, falsePositives: found.size - truePositives, falseNegatives: expected.size - truePositives}
}

/**
 * Add counts into a total.
 *
 * @param total
 *   Total, changed in place.
 * @param score
 *   Counts to add.
 * @returns
 *   Nothing.
 */
function add(total: Score, score: Score): void {
  total.truePositives += score.truePositives
  total.falsePositives += score.falsePositives
  total.falseNegatives += score.falseNegatives
}

/**
 * Print the lines the stage got wrong.
 *
 * @param file
 *   Processed document.
 * @param expected
 *   Gold lines.
 * @param removed
 *   Removed lines.
 * @returns
 *   Nothing.
 */
function listMisses(file: VFile, expected: ReadonlySet<number>, removed: ReadonlySet<number>): void {
  const lines = decoded(file).raw.text.split('\n')
  for (const line of removed) if (!expected.has(line)) console.log('    removed body ' + line + ': ' + lines[line - 1]?.slice(0, 80))
  for (const line of expected) if (!removed.has(line)) console.log('    kept boilerplate ' + line + ': ' + lines[line - 1]?.slice(0, 80))
}

/**
 * Read the first `limit` articles of a news-corpus file.
 *
 * @param name
 *   File name in `eval-data/news-corpus`.
 * @param limit
 *   Most articles.
 * @returns
 *   Articles.
 */
async function readArticles(name: string, limit: number): Promise<CorpusArticle[]> {
  const articles: CorpusArticle[] = []
  const lines = createInterface({input: createReadStream(path.join(sharedFolder, 'eval-data/news-corpus', name)).pipe(createGunzip())})
  for await (const line of lines) {
    if (articles.length >= limit) break
    if (line.trim() !== '') articles.push(JSON.parse(line) as CorpusArticle)
  }
  lines.close()
  return articles
}

/**
 * Whether two metadata values agree (case, spacing and no-break spaces ignored; two nulls agree).
 *
 * @param found
 *   Inferred value.
 * @param wanted
 *   Gold value.
 * @returns
 *   Whether they agree.
 */
function agrees(found: string | null | undefined, wanted: string | null | undefined): boolean {
  const normal = (value: string | null | undefined) => (value ?? '').replace(/\s+/gu, ' ').trim().toLowerCase()
  return normal(found) === normal(wanted)
}

/**
 * Format a ratio with three decimals (`-` when undefined).
 *
 * @param part
 *   Numerator.
 * @param whole
 *   Denominator.
 * @returns
 *   Text.
 */
function ratio(part: number, whole: number): string {
  return whole === 0 ? '-' : (part / whole).toFixed(3)
}

/**
 * A table row of fixed-width cells.
 *
 * @param cells
 *   Cells.
 * @returns
 *   Text.
 */
function row(cells: ReadonlyArray<string | number>): string {
  return cells.map((cell, index) => String(cell).padEnd(index === 0 ? 14 : 9)).join(' ')
}
