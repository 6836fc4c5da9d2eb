/**
 * `make eval` (entities): exact-match precision, recall and F1 by type of
 * the entity stage on the sample gold (full pipeline, raw line positions)
 * and on the running text of UNER PUD test, of MEANTIME (English Wikinews
 * news, overlap match) and of CoNLL-2003 eng.testb and eng.testa as whole
 * documents; of the tagger alone on CoNLL-2003
 * eng.testb (PER/LOC/ORG; never trained on), eng.testa (the development set),
 * UNER PUD test and WikiGold's held-out third of documents (both held out
 * from training; the split is `readWikigold` in `entities-data.ts`); and the
 * stage's speed in CPU time on news articles.
 *
 * Run: `node dist/bench/eval-entities.js` (`--verbose` lists every missed and
 * extra sample mention and every wrong canonical name).
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {attachLineCounts} from '../pipeline/corpus.js'
import {createProcessors, processDocument} from '../pipeline/processor.js'
import {decoded, sourcePlace} from '../pipeline/record.js'
import {decode} from '../stages/decode.js'
import {entities} from '../stages/entities.js'
import {createExtractor, decodeModel, documentCasing, labelSpans, tagSentence} from '../stages/entities-tagger.js'
import {normalise} from '../stages/normalise.js'
import {isClitic} from '../stages/clitics.js'
import {segment} from '../stages/segment.js'
import {unescapeXml} from './clean-english.js'
import {readCorpus, sharedFolder} from './corpus.js'
import {conllLayout, readColumns, readWikigold, unerLayout, wikigoldHeldOutName, type Document} from './entities-data.js'

/** Counts of one type. */
interface Counts {
  truePositives: number
  falsePositives: number
  falseNegatives: number
}

const model = decodeModel(readFileSync(fileURLToPath(new URL('../../stages/entities-model.bin', import.meta.url))))
const extractor = createExtractor(model.gazetteer, model.clusters)
/** Tagger types as the CoNLL-style sets name them (`MISC` and `NORP` are not scored). */
const coarse: Readonly<Record<string, string>> = {PER: 'PER', ORG: 'ORG', LOC: 'LOC'}

/** A gold entity of a seed file (the fields read here). */
interface GoldEntity {
  readonly line: number
  readonly start: number
  readonly end: number
  readonly type: string
  readonly text: string
  readonly canonical: string
  readonly in_removed_duplicate?: boolean
}

const verbose = process.argv.includes('--verbose')
/** News articles timed for throughput. */
const speedArticles = 3000

await evaluateSamples()
await evaluatePudStage()
await evaluateMeantimeStage()
await measureSpeed()
await evaluateStageOnTokens('CoNLL-2003 eng.testb, whole entity stage on whole documents (exact span + type)', readColumns('conll2003/eng.testb', conllLayout))
await evaluateStageOnTokens('CoNLL-2003 eng.testa (dev), whole entity stage on whole documents (exact span + type)', readColumns('conll2003/eng.testa', conllLayout))

const sets: Array<[string, Document[]]> = [
  ['CoNLL-2003 eng.testb', readColumns('conll2003/eng.testb', conllLayout)],
  ['CoNLL-2003 eng.testa (dev)', readColumns('conll2003/eng.testa', conllLayout)],
  ['UNER PUD test', readColumns('uner-en/en_pud-ud-test.iob2', unerLayout)],
  [wikigoldHeldOutName, readWikigold().heldOut]
]
for (const [name, documents] of sets) {
  const counts = new Map<string, Counts>()
  for (const document of documents) {
    const casing = documentCasing(document.map((sentence) => sentence.words))
    for (const sentence of document) {
      const predicted = labelSpans(tagSentence(model, extractor(sentence.words, casing)))
        .filter((span) => coarse[span.type])
        .map((span) => span.start + ':' + span.end + ':' + coarse[span.type])
      const gold = sentence.spans.filter((span) => coarse[span.type]).map((span) => span.start + ':' + span.end + ':' + span.type)
      score(counts, gold, predicted)
    }
  }
  printTable(name + ' (tagger only, exact span + type)', counts)
}

/**
 * Score the five sample articles, run through the whole pipeline, against
 * the seed gold on raw lines (mentions on a removed duplicate line left out).
 *
 * @returns
 *   Nothing.
 */
async function evaluateSamples(): Promise<void> {
  const folder = path.join(sharedFolder, 'samples')
  const names = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()
  const files = names.map(function (name) {
    const bytes = readFileSync(path.join(folder, name))
    return new VFile({path: name, value: bytes, data: {docId: name.replace(/\.txt$/, ''), sourcePath: name, metadata: {}, bytes: bytes.byteLength}})
  })
  const processors = createProcessors()
  for (const file of files) await processDocument(processors.clean, file)
  attachLineCounts(files)
  for (const file of files) await processDocument(processors.main, file)

  const counts = new Map<string, Counts>()
  let matched = 0
  let sameCanonical = 0
  for (const file of files) {
    const goldPath = path.join(sharedFolder, 'gold/seeds', file.path.replace(/\.txt$/, '.gold.json'))
    const gold = (JSON.parse(readFileSync(goldPath, 'utf8')) as {entities: GoldEntity[]}).entities.filter(
      (entity) => !entity.in_removed_duplicate
    )
    const {text} = decoded(file)
    const predicted = (file.data.entities ?? []).map(function (entity) {
      const start = sourcePlace(file, entity.start)
      const last = sourcePlace(file, entity.end - 1)
      return {key: start.line + ':' + (start.column - 1) + ':' + last.column + ':' + entity.type, entity}
    })
    const goldKeys = gold.map((entity) => entity.line + ':' + entity.start + ':' + entity.end + ':' + entity.type)
    score(counts, goldKeys, predicted.map((item) => item.key))
    const canonicalOf = new Map(gold.map((entity, index) => [goldKeys[index] as string, entity.canonical]))
    for (const item of predicted) {
      const canonical = canonicalOf.get(item.key)
      if (canonical === undefined) continue
      matched++
      if (canonical === item.entity.canonical) sameCanonical++
      else if (verbose) console.log('canonical ' + file.path.slice(0, 3) + ' ' + item.entity.text + ': ' + item.entity.canonical + ' (gold ' + canonical + ')')
    }
    if (verbose) {
      const predictedKeys = new Set(predicted.map((item) => item.key))
      for (const [index, key] of goldKeys.entries()) {
        if (!predictedKeys.has(key)) console.log('missed ' + file.path.slice(0, 3) + ' ' + key + ' ' + (gold[index] as GoldEntity).text)
      }
      const goldSet = new Set(goldKeys)
      for (const item of predicted) {
        if (!goldSet.has(item.key)) console.log('extra  ' + file.path.slice(0, 3) + ' ' + item.key + ' ' + text.slice(item.entity.start, item.entity.end))
      }
    }
  }
  printTable('Sample gold (5 seed articles, full pipeline, exact raw span + type)', counts)
  console.log('canonical name right on ' + sameCanonical + ' of ' + matched + ' matched mentions (' + ((100 * sameCanonical) / Math.max(1, matched)).toFixed(1) + '%)')
}

/**
 * Score the whole entity stage (tagger plus span, type and consistency rules)
 * on the running text of UNER PUD test, document by document: each
 * sentence's `# text` is a paragraph; types map to PER/ORG/LOC (GPE, LOC
 * and FAC are LOC); NORP, EVENT and WORK_OF_LAW are not annotated there.
 *
 * @returns
 *   Nothing.
 */
async function evaluatePudStage(): Promise<void> {
  const lines = readFileSync(path.join(sharedFolder, 'eval-data/uner-en/en_pud-ud-test.iob2'), 'utf8').split('\n')
  const documents: Array<{text: string; gold: string[]}> = []
  let sentence = ''
  let cursor = 0
  let open: {start: number; end: number; type: string} | undefined
  const current = () => documents.at(-1) as {text: string; gold: string[]}
  const close = () => {
    if (open) current().gold.push(open.start + ':' + open.end + ':' + open.type)
    open = undefined
  }
  for (const line of lines) {
    if (line.startsWith('# newdoc')) documents.push({text: '', gold: []})
    else if (line.startsWith('# text = ')) {
      if (documents.length === 0) documents.push({text: '', gold: []})
      sentence = line.slice(9)
      const document = current()
      if (document.text) document.text += '\n\n'
      cursor = document.text.length
      document.text += sentence
    } else if (line.trim() === '') close()
    else if (!line.startsWith('#')) {
      const [, word = '', tag = 'O'] = line.split('\t')
      const document = current()
      const start = document.text.indexOf(word, cursor)
      if (start === -1) continue
      cursor = start + word.length
      if (tag === 'O' || tag.startsWith('B-') || open?.type !== tag.slice(2)) close()
      if (tag !== 'O') {
        if (open) open.end = cursor
        else open = {start, end: cursor, type: tag.slice(2)}
      }
    }
  }
  close()

  const coarse: Readonly<Record<string, string>> = {PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC'}
  const tagger = unified().use(entities).freeze()
  const prepare = unified().use(decode).use(normalise).use(segment).freeze()
  const counts = new Map<string, Counts>()
  for (const document of documents) {
    const file = new VFile({path: 'pud.txt', value: Buffer.from(document.text)})
    await prepare.run({type: 'RootNode', children: []}, file)
    await tagger.run({type: 'RootNode', children: []}, file)
    // The clean text equals the input here (no blank-line runs), so offsets compare directly.
    const predicted = (file.data.entities ?? [])
      .filter((entity) => coarse[entity.type])
      .map((entity) => entity.start + ':' + entity.end + ':' + coarse[entity.type])
    score(counts, document.gold, predicted)
  }
  printTable('UNER PUD test, whole entity stage on running text (PER/ORG/LOC)', counts)
}

/**
 * Score the whole entity stage on a set of tokenised documents (CoNLL-2003):
 * each document's sentences joined into paragraphs of space-separated
 * words, so the stage reads whole documents (headline, dateline, text) as it
 * reads a drop; exact match of character spans, types mapped to PER/ORG/LOC
 * (GPE, LOC and FAC are LOC).
 *
 * @param title
 *   Title of the table.
 * @param documents
 *   Documents.
 * @returns
 *   Nothing.
 */
async function evaluateStageOnTokens(title: string, documents: readonly Document[]): Promise<void> {
  const stageTypes: Readonly<Record<string, string>> = {PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC'}
  const tagger = unified().use(entities).freeze()
  const prepare = unified().use(decode).use(normalise).use(segment).freeze()
  const counts = new Map<string, Counts>()
  for (const document of documents) {
    let text = ''
    const gold: string[] = []
    for (const sentence of document) {
      if (text) text += '\n\n'
      const starts: number[] = []
      const ends: number[] = []
      for (const [index, word] of sentence.words.entries()) {
        // `Trump 's` is written `Trump's`, `Ata - ur - Rehman` (one corpus token) `Ata-ur-Rehman`, as in the news the stage reads.
        if (index > 0 && !isClitic(word) && !sentence.attached?.[index]) text += ' '
        starts.push(text.length)
        text += word
        ends.push(text.length)
      }
      for (const span of sentence.spans) if (coarse[span.type]) gold.push(starts[span.start] + ':' + ends[span.end - 1] + ':' + span.type)
    }
    const file = new VFile({path: 'conll.txt', value: Buffer.from(text)})
    await prepare.run({type: 'RootNode', children: []}, file)
    await tagger.run({type: 'RootNode', children: []}, file)
    // The clean text equals the input here (single spaces, no blank-line runs), so offsets compare directly.
    const predicted = (file.data.entities ?? [])
      .filter((entity) => stageTypes[entity.type])
      .map((entity) => entity.start + ':' + entity.end + ':' + stageTypes[entity.type])
    score(counts, gold, predicted)
  }
  printTable(title, counts)
}

/**
 * Score the whole entity stage on MEANTIME's English news (120 Wikinews
 * articles on Airbus, Apple, General Motors and stock markets; never read in
 * training): the title and sentences 2–5, the part that is annotated, each
 * article as a title and one paragraph. MEANTIME's mention extents are broad
 * (`Spokeswoman Sandy Angers`, `the United States Air Force ( USAF`), so a
 * match is an overlap with the same type (PER, ORG, LOC; GPE, LOC and FAC are
 * LOC), one to one. Recall counts the gold proper-name mentions
 * (`syntactic_type="NAM"`); a predicted name is right when it overlaps a gold
 * mention of its type of any syntactic type (some names are annotated
 * without one), and wrong when it overlaps none or one of another type
 * (products, financial entities).
 *
 * @returns
 *   Nothing.
 */
async function evaluateMeantimeStage(): Promise<void> {
  const root = path.join(sharedFolder, 'eval-data/meantime/intra-doc_annotation')
  const coarse: Readonly<Record<string, string>> = {PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC'}
  const tagger = unified().use(entities).freeze()
  const prepare = unified().use(decode).use(normalise).use(segment).freeze()
  const counts = new Map<string, Counts>()
  const entry = (type: string) => {
    let value = counts.get(type)
    if (!value) counts.set(type, (value = {truePositives: 0, falsePositives: 0, falseNegatives: 0}))
    return value
  }
  let skipped = 0
  for (const corpus of readdirSync(root).sort()) {
    for (const name of readdirSync(path.join(root, corpus)).filter((file) => file.endsWith('.xml')).sort()) {
      const xml = readFileSync(path.join(root, corpus, name), 'utf8')
      const places = new Map<string, [number, number]>()
      let text = ''
      let sentence = -1
      for (const match of xml.matchAll(/<token [^>]*>([^<]*)<\/token>/g)) {
        const attributes = match[0]
        const number = Number(/sentence="(\d+)"/.exec(attributes)?.[1])
        const id = /t_id="(\d+)"/.exec(attributes)?.[1] as string
        const word = unescapeXml(match[1] as string)
        if (number === 1 || number > 5) continue
        if (number !== sentence) {
          // The title, a blank line, then the body as one paragraph.
          if (text) text += sentence === 0 ? '\n\n' : ' '
          sentence = number
        } else if (!/^[,.;:!?%)\]]$/.test(word) && !isClitic(word) && !/[([$]$/.test(text)) {
          text += ' '
        }
        places.set(id, [text.length, text.length + word.length])
        text += word
      }
      const types = new Map<string, string>()
      for (const match of xml.matchAll(/<ENTITY [^>]*>/g)) {
        const id = /m_id="(\d+)"/.exec(match[0])?.[1]
        const type = /ent_type="([A-Z]+)"/.exec(match[0])?.[1]
        if (id && type) types.set(id, type)
      }
      const mentionTypes = new Map<string, string>()
      for (const match of xml.matchAll(/<REFERS_TO [^>]*>([^]*?)<\/REFERS_TO>/g)) {
        const target = types.get(/<target m_id="(\d+)"/.exec(match[1] as string)?.[1] ?? '')
        if (!target) continue
        for (const source of (match[1] as string).matchAll(/<source m_id="(\d+)"/g)) mentionTypes.set(source[1] as string, target)
      }
      const gold: Array<{start: number; end: number; type: string; name: boolean; matched: boolean}> = []
      for (const match of xml.matchAll(/<ENTITY_MENTION ([^>]*)>([^]*?)<\/ENTITY_MENTION>/g)) {
        const id = /m_id="(\d+)"/.exec(match[1] as string)?.[1] ?? ''
        const spans = [...(match[2] as string).matchAll(/t_id="(\d+)"/g)].map((anchor) => places.get(anchor[1] as string))
        if (spans.length === 0 || spans.some((span) => span === undefined)) continue
        gold.push({
          start: Math.min(...spans.map((span) => (span as [number, number])[0])),
          end: Math.max(...spans.map((span) => (span as [number, number])[1])),
          type: mentionTypes.get(id) ?? '',
          name: (match[1] as string).includes('syntactic_type="NAM"'),
          matched: false
        })
      }
      const file = new VFile({path: name, value: Buffer.from(text)})
      await prepare.run({type: 'RootNode', children: []}, file)
      // Offsets compare directly only when cleaning left the text as it was.
      if (decoded(file).text !== text) {
        skipped++
        continue
      }
      await tagger.run({type: 'RootNode', children: []}, file)
      for (const entity of file.data.entities ?? []) {
        const type = coarse[entity.type]
        if (!type) continue
        const overlapping = gold.filter((mention) => mention.start < entity.end && entity.start < mention.end)
        // The tightest unmatched name of the type (`Airbus` inside `Airbus parent EADS`), else any mention of it.
        const same =
          overlapping
            .filter((mention) => mention.type === type && mention.name && !mention.matched)
            .sort((left, right) => left.end - left.start - (right.end - right.start))[0] ?? overlapping.find((mention) => mention.type === type)
        if (!same) {
          entry(type).falsePositives++
          continue
        }
        if (same.name && !same.matched) {
          same.matched = true
          entry(type).truePositives++
        }
      }
      for (const mention of gold) {
        if (mention.name && !mention.matched && coarse[mention.type === 'PER' ? 'PERSON' : mention.type]) entry(mention.type).falseNegatives++
      }
    }
  }
  printTable('MEANTIME English news, whole entity stage, overlap match (PER/ORG/LOC)' + (skipped ? ' (' + skipped + ' articles skipped)' : ''), counts)
}

/**
 * Time the entity stage alone on news articles (decoded and segmented first).
 *
 * @returns
 *   Nothing.
 */
async function measureSpeed(): Promise<void> {
  const articles = await readCorpus(speedArticles)
  const prepare = unified().use(decode).use(normalise).use(segment).freeze()
  const tagger = unified().use(entities).freeze()
  const files: VFile[] = []
  let characters = 0
  for (const article of articles) {
    const file = new VFile({path: article.id, value: Buffer.from(article.text)})
    await prepare.run({type: 'RootNode', children: []}, file)
    characters += decoded(file).text.length
    files.push(file)
  }
  // CPU time, not wall time: the machine is shared, and one core is what counts.
  let best = Infinity
  for (let round = 0; round < 3; round++) {
    const started = process.cpuUsage()
    for (const file of files) await tagger.run({type: 'RootNode', children: []}, file)
    const used = process.cpuUsage(started)
    best = Math.min(best, (used.user + used.system) / 1e6)
  }
  const megabytes = characters / 1024 / 1024
  console.log('\nSpeed of the entity stage: ' + files.length + ' news articles, ' + megabytes.toFixed(2) + ' MB: ' + (megabytes / best).toFixed(2) + ' MB/s of CPU time (best of 3)')
}

/**
 * Add exact-match counts of one unit (sentence or line) to `counts`.
 *
 * @param counts
 *   Counts by type, updated in place.
 * @param gold
 *   Gold items as `start:end:type` keys.
 * @param predicted
 *   Predicted items as keys of the same form.
 * @returns
 *   Nothing.
 */
function score(counts: Map<string, Counts>, gold: readonly string[], predicted: readonly string[]): void {
  const remaining = new Map<string, number>()
  for (const item of gold) remaining.set(item, (remaining.get(item) ?? 0) + 1)
  const entry = (type: string) => {
    let value = counts.get(type)
    if (!value) counts.set(type, (value = {truePositives: 0, falsePositives: 0, falseNegatives: 0}))
    return value
  }
  for (const item of predicted) {
    const type = item.slice(item.lastIndexOf(':') + 1)
    const left = remaining.get(item) ?? 0
    if (left > 0) {
      remaining.set(item, left - 1)
      entry(type).truePositives++
    } else {
      entry(type).falsePositives++
    }
  }
  for (const [item, left] of remaining) {
    entry(item.slice(item.lastIndexOf(':') + 1)).falseNegatives += left
  }
}

/**
 * Print P/R/F1 by type and micro-averaged.
 *
 * @param title
 *   Table title.
 * @param counts
 *   Counts by type.
 * @returns
 *   Nothing.
 */
function printTable(title: string, counts: ReadonlyMap<string, Counts>): void {
  console.log('\n' + title)
  console.log('type         P      R      F1     gold')
  const total: Counts = {truePositives: 0, falsePositives: 0, falseNegatives: 0}
  const line = (name: string, value: Counts) => {
    const precision = value.truePositives / Math.max(1, value.truePositives + value.falsePositives)
    const recall = value.truePositives / Math.max(1, value.truePositives + value.falseNegatives)
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    const cell = (number: number) => (100 * number).toFixed(1).padStart(6)
    console.log(name.padEnd(11) + cell(precision) + cell(recall) + cell(f1) + String(value.truePositives + value.falseNegatives).padStart(8))
  }
  for (const type of [...counts.keys()].sort()) {
    const value = counts.get(type) as Counts
    line(type, value)
    total.truePositives += value.truePositives
    total.falsePositives += value.falsePositives
    total.falseNegatives += value.falseNegatives
  }
  line('micro', total)
}

