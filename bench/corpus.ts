/**
 * Read the benchmark news corpus (research-only data that stays in the
 * shared folder) and lay it out as an input drop in a temporary folder.
 */
import {createReadStream} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {createGunzip} from 'node:zlib'

/** An article of the benchmark corpus. */
export interface CorpusArticle {
  readonly id: string
  readonly source: string
  readonly title: string | null
  readonly date: string | null
  readonly text: string
}

/** Folder of the shared data: `$NEWSDROP_SHARED`, else `../shared` beside the project. */
export const sharedFolder = process.env.NEWSDROP_SHARED ?? path.resolve(import.meta.dirname, '../../../shared')

/** Corpus files, full web articles first. */
const corpusFiles = ['bbc-news-2004-2005.jsonl.gz', 'reuters21578.jsonl.gz', 'wikinews-small.jsonl.gz']

/**
 * Read up to `limit` articles of the news corpus.
 *
 * @param limit
 *   Most articles to read.
 * @returns
 *   Articles, BBC first, then Reuters, then Wikinews.
 */
export async function readCorpus(limit: number): Promise<CorpusArticle[]> {
  const articles: CorpusArticle[] = []
  for (const name of corpusFiles) {
    const lines = createInterface({input: createReadStream(path.join(sharedFolder, 'eval-data/news-corpus', name)).pipe(createGunzip())})
    for await (const line of lines) {
      if (articles.length >= limit) {
        lines.close()
        break
      }
      if (line.trim() !== '') articles.push(JSON.parse(line) as CorpusArticle)
    }
  }
  return articles
}

/**
 * Write articles as a drop: one `.txt` per article (headline, blank line,
 * text) plus a `manifest.csv` with the publication dates.
 *
 * @param articles
 *   Articles.
 * @param folder
 *   Input folder to create.
 * @returns
 *   Total bytes written in article files.
 */
export async function writeDrop(articles: readonly CorpusArticle[], folder: string): Promise<number> {
  await mkdir(folder, {recursive: true})
  let bytes = 0
  const manifest = ['file,published_date']
  for (const article of articles) {
    const content = (article.title ? article.title + '\n\n' : '') + article.text
    bytes += Buffer.byteLength(content)
    await writeFile(path.join(folder, article.id + '.txt'), content)
    manifest.push(article.id + '.txt,' + (article.date ?? ''))
  }
  await writeFile(path.join(folder, 'manifest.csv'), manifest.join('\n') + '\n')
  return bytes
}
