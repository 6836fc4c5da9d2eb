/**
 * Evaluate deduplication.
 *
 * 1. Sections, sample drop: run the pipeline's clean and main processors on
 *    `$NEWSDROP_SHARED/samples` and compare the raw lines `dedupe-sections`
 *    removed with `duplicate_sections` of the seed gold; count the traps
 *    (`paraphrase_overlaps`, 004 lines 61/63) that were removed.
 * 2. Sections, injected: every body line of the samples with 8 words or more
 *    pasted again further down, and its last sentence repeated as a caption
 *    line; the stage must remove exactly the injected line.
 * 3. Copies and stories, sample drop: the five samples must give no copy and
 *    one story.
 * 4. Copies, BBC News 2004-2005 (research-only data, read in place): every
 *    article indexed with copies of 300 of them (truncated to the paragraphs
 *    that start in the first half of the text, figures changed,
 *    other boilerplate in British spelling, spun with rules of
 *    `research/spinner-lexicon.md`); recall per kind of copy, recall of the
 *    corpus' own exact-duplicate pairs, and links between different articles.
 * 5. Stories, Reuters-21578 (research-only, read in place): the first 5,000
 *    wire items with their dates, names from the fallback (no entity stage):
 *    how many stories, how large the largest (no gold: a chaining check).
 *
 * Run: `node dist/bench/eval-dedupe.js`.
 */
import {createReadStream} from 'node:fs'
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {createGunzip} from 'node:zlib'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {attachDuplicates, attachLineCounts, attachStories} from '../pipeline/corpus.js'
import {createProcessors, processDocument} from '../pipeline/processor.js'
import {decoded, rawPlace} from '../pipeline/record.js'
import {dedupeSections} from '../stages/dedupe-sections.js'
import {duplicateSettings, emptyIndex, indexDocument, matchDrop} from '../stages/near-duplicates.js'
import {groupStories, storySettings} from '../stages/stories.js'
import {sharedFolder, type CorpusArticle} from './corpus.js'
import {spinCopy} from './spin-copy.js'

/** Gold annotation of a seed file (the fields read here). */
interface Gold {
  readonly duplicate_sections: Array<{lines: number[]; keep: number; remove: number[]}>
  readonly paraphrase_overlaps: Array<{lines: number[]}>
  readonly boilerplate_lines: Array<{line: number}>
}

const processors = createProcessors()
const sampleFolder = path.join(sharedFolder, 'samples')
const names = (await readdir(sampleFolder)).filter((name) => name.endsWith('.txt')).sort()
const samples = await Promise.all(names.map(async (name) => ({name, text: await readFile(path.join(sampleFolder, name), 'utf8')})))
const golds = await Promise.all(
  names.map(async (name) => JSON.parse(await readFile(path.join(sharedFolder, 'gold/seeds', name.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold)
)

const files = await processDrop(samples)
evaluateSampleSections()
await evaluateInjected()
evaluateSampleCorpus()
await evaluateCopies()
await evaluateStories()

/**
 * Part 1: removed lines against the gold.
 *
 * @returns
 *   Nothing.
 */
function evaluateSampleSections(): void {
  console.log('## dedupe-sections on the sample drop (gold `duplicate_sections`)\n')
  console.log('| file | gold removals | removed | correct | traps removed |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  let gold = 0
  let removed = 0
  let correct = 0
  let traps = 0
  for (const [position, file] of files.entries()) {
    const truth = new Set(golds[position]?.duplicate_sections.flatMap((section) => section.remove))
    const trapLines = new Set(golds[position]?.paraphrase_overlaps.flatMap((overlap) => overlap.lines))
    // 004 lines 61 and 63: a heading and its first sentence, about 75 % alike.
    if (names[position]?.startsWith('004')) for (const line of [61, 63]) trapLines.add(line)
    const lines = removedLines(file)
    const hits = lines.filter((line) => truth.has(line)).length
    const trapHits = lines.filter((line) => trapLines.has(line)).length
    console.log('| %s | %d | %d | %d | %d of %d |', names[position]?.slice(0, 3), truth.size, lines.length, hits, trapHits, trapLines.size)
    gold += truth.size
    removed += lines.length
    correct += hits
    traps += trapHits
  }
  console.log('| **all** | %d | %d | %d | %d |', gold, removed, correct, traps)
  console.log('\nprecision %s, recall %s\n', ratio(correct, removed), ratio(correct, gold))
}

/**
 * Part 2: injected repeats.
 *
 * @returns
 *   Nothing.
 */
async function evaluateInjected(): Promise<void> {
  const clean = processors.clean
  const stage = unified().use(dedupeSections).freeze()
  const counts = {paragraph: {cases: 0, found: 0, extra: 0}, caption: {cases: 0, found: 0, extra: 0}}
  for (const [position, sample] of samples.entries()) {
    const lines = sample.text.split('\n')
    const boilerplate = new Set(golds[position]?.boilerplate_lines.map((line) => line.line))
    const baseline = (await sectionsOnly(sample.text)).length
    for (const [index, line] of lines.entries()) {
      if (boilerplate.has(index + 1) || line.trim().split(/\s+/).length < 8) continue
      // Paste the line again two lines further down (or at the end).
      const at = Math.min(lines.length, index + 3)
      const pasted = [...lines.slice(0, at), '', line, ...lines.slice(at)]
      await score(counts.paragraph, pasted, at + 2, baseline)
      // Repeat its last sentence as a caption line above it.
      const sentences = line.split(/(?<=[.!?]["”’]?)\s+(?=["“]?\p{Lu})/u)
      const last = sentences.at(-1) ?? ''
      if (sentences.length < 2 || last.split(/\s+/).length < 5) continue
      const captioned = [...lines.slice(0, index), last, '', ...lines.slice(index)]
      await score(counts.caption, captioned, index + 1, baseline)
    }
  }
  console.log('## dedupe-sections on injected repeats (samples, clean phase + this stage)\n')
  console.log('| injected | cases | removed exactly the copy | other lines removed |')
  console.log('| --- | ---: | ---: | ---: |')
  for (const [kind, count] of Object.entries(counts)) console.log('| %s | %d | %d | %d |', kind, count.cases, count.found, count.extra)
  console.log('')

  /**
   * Lines `dedupe-sections` removes from a text after the clean phase.
   */
  async function sectionsOnly(text: string): Promise<number[]> {
    const file = new VFile({path: 'x.txt', value: new TextEncoder().encode(text), data: {docId: 'x', sourcePath: 'x.txt', metadata: {}}})
    await processDocument(clean, file)
    await processDocument(stage, file)
    return removedLines(file)
  }

  /**
   * Score one injected text: found when the copy's line is removed.
   */
  async function score(count: {cases: number; found: number; extra: number}, lines: string[], line: number, baseline: number) {
    const removed = await sectionsOnly(lines.join('\n'))
    count.cases++
    if (removed.includes(line)) count.found++
    count.extra += Math.max(0, removed.filter((other) => other !== line).length - baseline)
  }
}

/**
 * Part 3: copies and stories of the sample drop.
 *
 * @returns
 *   Nothing.
 */
function evaluateSampleCorpus(): void {
  attachDuplicates(files, emptyIndex(duplicateSettings()))
  attachStories(files, storySettings())
  const copies = files.filter((file) => file.data.duplicate).length
  const stories = new Set(files.map((file) => file.data.storyId)).size
  console.log('## copies and stories on the sample drop\n')
  console.log('| measure | expected | got |')
  console.log('| --- | ---: | ---: |')
  console.log('| documents in a copy cluster | 0 | %d |', copies)
  console.log('| stories | 1 | %d |', stories)
  console.log('')
}

/**
 * Part 4: copies in BBC News with injected copies.
 *
 * @returns
 *   Nothing.
 */
async function evaluateCopies(): Promise<void> {
  const settings = duplicateSettings()
  const articles: CorpusArticle[] = []
  const lines = createInterface({input: createReadStream(path.join(sharedFolder, 'eval-data/news-corpus/bbc-news-2004-2005.jsonl.gz')).pipe(createGunzip())})
  for await (const line of lines) if (line.trim()) articles.push(JSON.parse(line) as CorpusArticle)

  const kinds = ['truncated', 'write-through', 'boilerplate-uk', 'spun'] as const
  const documents = articles.map((article) => ({id: article.id, text: (article.title ?? '') + '\n\n' + article.text, date: null}))
  const originals = articles.filter((_, position) => position % 7 === 0).slice(0, 300)
  for (const [number, article] of originals.entries()) {
    const kind = kinds[number % kinds.length] as (typeof kinds)[number]
    documents.push({id: 'copy:' + kind + ':' + article.id, text: copyOf(article, kind), date: null})
  }
  const started = performance.now()
  const index = emptyIndex(settings)
  matchDrop(index, documents.map((document) => indexDocument(document, settings)))
  const seconds = (performance.now() - started) / 1000
  const cluster = new Map(index.documents.map((document) => [document.id, document.cluster]))

  // Exact duplicates the corpus itself holds (same text, other id).
  const byText = new Map<string, string[]>()
  for (const article of articles) byText.set(article.text, [...(byText.get(article.text) ?? []), article.id])
  const knownPairs = [...byText.values()].filter((ids) => ids.length > 1).flatMap((ids) => ids.slice(1).map((id) => [ids[0] as string, id]))
  const known = new Set(knownPairs.flat())

  console.log('## copies in BBC News 2004-2005 (%d articles + %d injected copies, %s s)\n', articles.length, originals.length, seconds.toFixed(1))
  console.log('| copy | cases | clustered with its original |')
  console.log('| --- | ---: | ---: |')
  for (const kind of kinds) {
    const cases = documents.filter((document) => document.id.startsWith('copy:' + kind + ':'))
    const found = cases.filter((document) => cluster.get(document.id) === cluster.get(document.id.split(':')[2] as string)).length
    console.log('| %s | %d | %d (%s) |', kind, cases.length, found, ratio(found, cases.length))
  }
  const pairsFound = knownPairs.filter(([left, right]) => cluster.get(left as string) === cluster.get(right as string)).length
  console.log('| corpus exact-duplicate pairs | %d | %d (%s) |', knownPairs.length, pairsFound, ratio(pairsFound, knownPairs.length))

  // Clusters that join different articles (not known duplicates, not injected copies).
  const members = new Map<string, string[]>()
  for (const article of articles) {
    if (known.has(article.id)) continue
    const id = cluster.get(article.id) as string
    members.set(id, [...(members.get(id) ?? []), article.id])
  }
  const joined = [...members.values()].filter((ids) => ids.length > 1)
  // By hand, these are the same story re-sent or updated under another id
  // (e.g. bbc_business_209 / 229, `Mixed reaction to Man Utd offer` / `Shares rise on new Man Utd offer`).
  console.log('\nnear copies the corpus holds beyond its exact pairs (articles clustered with another article): %d, in %d clusters%s\n',
    joined.reduce((sum, ids) => sum + ids.length, 0), joined.length,
    joined.length > 0 ? ' (e.g. ' + joined.slice(0, 3).map((ids) => ids.join(' + ')).join('; ') + ')' : '')
}

/**
 * Part 5: story sizes on Reuters wire items.
 *
 * @returns
 *   Nothing.
 */
async function evaluateStories(): Promise<void> {
  const documents: Array<{id: string; text: string; date: string | null}> = []
  const lines = createInterface({input: createReadStream(path.join(sharedFolder, 'eval-data/news-corpus/reuters21578.jsonl.gz')).pipe(createGunzip())})
  for await (const line of lines) {
    if (documents.length >= 5000) break
    if (!line.trim()) continue
    const article = JSON.parse(line) as CorpusArticle
    documents.push({id: article.id, text: article.text, date: article.date})
  }
  const started = performance.now()
  const stories = groupStories(documents, storySettings())
  const seconds = (performance.now() - started) / 1000
  const sizes = new Map<string, number>()
  for (const story of stories.values()) sizes.set(story, (sizes.get(story) ?? 0) + 1)
  const grouped = [...sizes.values()].filter((size) => size > 1)
  console.log('## stories on %d Reuters-21578 wire items (fallback names, %s s)\n', documents.length, seconds.toFixed(1))
  console.log('stories %d; with more than one item %d (%d items); largest %d\n', sizes.size, grouped.length,
    grouped.reduce((sum, size) => sum + size, 0), Math.max(...sizes.values()))
}

/**
 * A copy of an article, as an outlet would publish it.
 *
 * @param article
 *   Article.
 * @param kind
 *   Kind of copy.
 * @returns
 *   Text.
 */
function copyOf(article: CorpusArticle, kind: 'truncated' | 'write-through' | 'boilerplate-uk' | 'spun'): string {
  const text = (article.title ?? '') + '\n\n' + article.text
  if (kind === 'truncated') {
    // Whole paragraphs up to half the text, as a paywall or a teaser cuts it.
    const paragraphs = text.split('\n\n')
    let length = 0
    const kept = paragraphs.filter((paragraph) => (length += paragraph.length) - paragraph.length < text.length / 2)
    return kept.join('\n\n')
  }
  if (kind === 'write-through') {
    return 'UPDATED: adds reaction.\n\n' + text.replace(/\d+/g, (digits) => String(Number(digits) * 2 + 1)) + '\n\nMore reaction is expected later on Tuesday.'
  }
  if (kind === 'boilerplate-uk') {
    return 'Skip to content | News | Sport\n\n' + text.replaceAll('defense', 'defence').replaceAll('program', 'programme').replaceAll('center', 'centre') +
      '\n\nShare this story on Facebook\n\nCopyright Example Media Ltd 2005'
  }
  return spinCopy(text)
}

/**
 * Run the sample drop through both phases, as `run.ts` does.
 *
 * @param texts
 *   Files.
 * @returns
 *   Processed documents.
 */
async function processDrop(texts: ReadonlyArray<{name: string; text: string}>): Promise<VFile[]> {
  const drop = texts.map(
    ({name, text}) =>
      new VFile({
        path: name,
        value: new TextEncoder().encode(text),
        data: {docId: name.replace(/\.txt$/, ''), sourcePath: name, metadata: {published_date: '2025-08-08'}}
      })
  )
  for (const file of drop) await processDocument(processors.clean, file)
  attachLineCounts(drop)
  for (const file of drop) await processDocument(processors.main, file)
  return drop
}

/**
 * Raw lines `dedupe-sections` removed from a document.
 *
 * @param file
 *   Processed document.
 * @returns
 *   1-based raw line numbers.
 */
function removedLines(file: VFile): number[] {
  const {raw} = decoded(file)
  return (file.data.edits ?? []).filter((edit) => edit.stage === 'dedupe-sections').map((edit) => rawPlace(raw, edit.rawStart).line)
}

/**
 * Format a share.
 *
 * @param part
 *   Count.
 * @param whole
 *   Total.
 * @returns
 *   Percentage.
 */
function ratio(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : ((100 * part) / whole).toFixed(1) + ' %'
}
