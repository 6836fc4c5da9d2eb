/**
 * Readers for the public NER sets in `../shared/eval-data/` and the mapping
 * of their types to the tagger's types, shared by `train-entities.ts` and
 * `eval-entities.ts`. Every sentence is re-split with the stage's token rules
 * (hyphens, possessives), so training sees run-time tokens.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {splitToken} from '../stages/entities-tokens.js'
import type {TagType} from '../stages/entities-tagger.js'
import {sharedFolder} from './corpus.js'

/** A typed span over tokens: `[start, end)`. */
export interface Span {
  readonly start: number
  readonly end: number
  readonly type: string
}

/** A sentence with its gold spans. */
export interface Sentence {
  readonly words: string[]
  readonly spans: Span[]
  /** Whether each word was written against the one before it: a part of a split corpus token (`Ata-ur-Rehman`). */
  readonly attached?: boolean[]
}

/** A document: its sentences. */
export type Document = Sentence[]

/** Column layout of a CoNLL-style file. */
interface Layout {
  /** Column separator. */
  readonly separator: RegExp
  /** Index of the token column. */
  readonly word: number
  /** Index of the tag column. */
  readonly tag: number
}

/**
 * Read a CoNLL-style file into documents (`-DOCSTART-` or `# newdoc` starts one).
 *
 * @param file
 *   Path relative to `eval-data/`.
 * @param layout
 *   Column layout.
 * @returns
 *   Documents.
 */
export function readColumns(file: string, layout: Layout): Document[] {
  const text = readFileSync(path.join(sharedFolder, 'eval-data', file), 'utf8')
  const documents: Document[] = [[]]
  let words: string[] = []
  let tags: string[] = []
  const flush = () => {
    if (words.length > 0) (documents.at(-1) as Document).push(toSentence(words, tags))
    words = []
    tags = []
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('# newdoc')) {
      flush()
      if ((documents.at(-1) as Document).length > 0) documents.push([])
      continue
    }
    if (line.startsWith('#')) continue
    const columns = line.trim().split(layout.separator)
    if (line.trim() === '') {
      flush()
      continue
    }
    if (columns[layout.word] === '-DOCSTART-') {
      flush()
      if ((documents.at(-1) as Document).length > 0) documents.push([])
      continue
    }
    words.push(columns[layout.word] as string)
    tags.push(columns[layout.tag] ?? 'O')
  }
  flush()
  return documents.filter((document) => document.length > 0)
}

/** Layout of tab-separated `token tag` files (Re-DocRED BIO, CrossNER). */
export const tabLayout: Layout = {separator: /\t/, word: 0, tag: 1}
/** Layout of UNER `.iob2` files. */
export const unerLayout: Layout = {separator: /\t/, word: 1, tag: 2}
/** Layout of WikiGold. */
export const wikigoldLayout: Layout = {separator: / /, word: 0, tag: 1}
/** Layout of CoNLL-2003. */
export const conllLayout: Layout = {separator: / /, word: 0, tag: 3}

/** Every this-many-th WikiGold document (the last of each group) is held out for evaluation. */
export const wikigoldHeldOutEvery = 3

/** Name of WikiGold's held-out part in reports. */
export const wikigoldHeldOutName = 'WikiGold held-out (1/3 of documents)'

/**
 * WikiGold (145 Wikipedia articles, CoNLL-2003 types, CC BY 4.0) split by
 * document (`-DOCSTART-`): documents 3, 6, 9, … in file order (index `2`,
 * `5`, … from `0`; 48 documents) are held out for evaluation, the other 97
 * train. The one place of this rule: `train-entities.ts` reads `train`,
 * `eval-entities.ts` scores `heldOut`.
 *
 * @returns
 *   Training and held-out documents.
 */
export function readWikigold(): {train: Document[]; heldOut: Document[]} {
  const documents = readColumns('wikigold/wikigold.conll.txt', wikigoldLayout)
  const heldOut = (index: number) => index % wikigoldHeldOutEvery === wikigoldHeldOutEvery - 1
  return {
    train: documents.filter((_, index) => !heldOut(index)),
    heldOut: documents.filter((_, index) => heldOut(index))
  }
}

/**
 * Build a sentence from tags, then split its tokens like run-time text.
 *
 * @param words
 *   Tokens.
 * @param tags
 *   IOB1 or IOB2 tags.
 * @returns
 *   Sentence with spans over the split tokens.
 */
function toSentence(words: readonly string[], tags: readonly string[]): Sentence {
  const spans: Span[] = []
  let open: {start: number; type: string} | undefined
  for (let index = 0; index <= words.length; index++) {
    const tag = tags[index] ?? 'O'
    const type = tag === 'O' ? '' : tag.slice(2)
    // IOB1 and IOB2 read alike: `B-` always starts a span, `I-` continues one of its type.
    const begins = tag.startsWith('B-') || open?.type !== type
    if (open && (tag === 'O' || begins)) {
      spans.push({start: open.start, end: index, type: open.type})
      open = undefined
    }
    if (tag !== 'O' && !open) open = {start: index, type}
  }
  return resplit(words, spans)
}

/**
 * Split tokens with {@link splitToken} and move spans onto the parts.
 *
 * @param words
 *   Original tokens.
 * @param spans
 *   Spans over the original tokens.
 * @returns
 *   Sentence over the parts.
 */
function resplit(words: readonly string[], spans: readonly Span[]): Sentence {
  const parts: string[] = []
  const attached: boolean[] = []
  const firstPart: number[] = []
  for (const word of words) {
    firstPart.push(parts.length)
    for (const [index, part] of splitToken(word).entries()) {
      parts.push(part)
      attached.push(index > 0)
    }
  }
  firstPart.push(parts.length)
  return {
    words: parts,
    attached,
    spans: spans.map((span) => ({start: firstPart[span.start] as number, end: firstPart[span.end] as number, type: span.type}))
  }
}

/**
 * Map of a data set's types to the tagger's; a missing type becomes `O`.
 * CrossNER fine types follow its README's coarse mapping; non-name
 * concepts (genres, fields, algorithms, chemicals) are not names in news and
 * become `O`.
 */
export const typeMaps: Readonly<Record<string, Readonly<Record<string, TagType>>>> = {
  coarse: {PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC'},
  crossner: {
    person: 'PER', politician: 'PER', scientist: 'PER', writer: 'PER', musicalartist: 'PER', researcher: 'PER',
    organisation: 'ORG', politicalparty: 'ORG', band: 'ORG', university: 'ORG', magazine: 'ORG', academicjournal: 'ORG',
    country: 'LOC', location: 'LOC', astronomicalobject: 'LOC',
    event: 'MISC', election: 'MISC', conference: 'MISC', award: 'MISC', misc: 'MISC', product: 'MISC',
    programlang: 'MISC', album: 'MISC', song: 'MISC', book: 'MISC', poem: 'MISC'
  }
}
