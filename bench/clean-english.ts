/**
 * Read clean edited English from the public sets in the shared folder
 * (WikiGold, MEANTIME): their pre-tokenised sentences joined back into
 * running text. Used to check that `despin` leaves clean prose alone.
 */
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {sharedFolder} from './corpus.js'

/**
 * Sentences of WikiGold (Wikipedia articles, CoNLL format).
 *
 * @returns
 *   Detokenised sentences in file order.
 */
export async function readWikigold(): Promise<string[]> {
  const text = await readFile(path.join(sharedFolder, 'eval-data/wikigold/wikigold.conll.txt'), 'utf8')
  const sentences: string[] = []
  let words: string[] = []
  for (const line of text.split('\n')) {
    const word = line.split(' ')[0] ?? ''
    if (word === '' || word === '-DOCSTART-') {
      if (words.length > 0) sentences.push(detokenise(words))
      words = []
    } else {
      words.push(word)
    }
  }
  if (words.length > 0) sentences.push(detokenise(words))
  return sentences
}

/**
 * Sentences of MEANTIME (English Wikinews articles, CAT XML), title and
 * dateline included.
 *
 * @returns
 *   Detokenised sentences, files in sorted order.
 */
export async function readMeantime(): Promise<string[]> {
  const root = path.join(sharedFolder, 'eval-data/meantime/intra-doc_annotation')
  const sentences: string[] = []
  for (const corpus of (await readdir(root)).sort()) {
    for (const name of (await readdir(path.join(root, corpus))).sort()) {
      const xml = await readFile(path.join(root, corpus, name), 'utf8')
      const bySentence = new Map<string, string[]>()
      for (const match of xml.matchAll(/<token [^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
        const words = bySentence.get(match[1] as string) ?? []
        words.push(unescapeXml(match[2] as string))
        bySentence.set(match[1] as string, words)
      }
      for (const words of bySentence.values()) sentences.push(detokenise(words))
    }
  }
  return sentences
}

/**
 * Join tokens into running text: no space before closing punctuation and
 * clitics, none after opening brackets; straight quotes alternate.
 *
 * @param words
 *   Tokens.
 * @returns
 *   Text.
 */
export function detokenise(words: readonly string[]): string {
  let text = ''
  let attach = true
  let quoteOpen = false
  for (const word of words) {
    const closing = /^(?:[,.;:!?%)\]}]|n't|'(?:s|re|ve|ll|d|m)?)$/i.test(word)
    let glue = closing
    let attachNext = /^[([{$]$/.test(word)
    if (word === '"') {
      glue = quoteOpen
      attachNext = !quoteOpen
      quoteOpen = !quoteOpen
    }
    text += attach || glue ? word : ' ' + word
    attach = attachNext
  }
  return text
}

/** The five predefined XML entities. */
const xmlEntities: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

/**
 * Replace the five predefined XML entities.
 *
 * @param value
 *   Escaped text.
 * @returns
 *   Plain text.
 */
export function unescapeXml(value: string): string {
  // One pass, so `&amp;lt;` stays `&lt;`.
  return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => xmlEntities[entity] as string)
}
