/**
 * Shared test helpers: run the clean phase on a string or bytes; write a
 * drop's duplicate signatures as a run does.
 */
import {mkdir} from 'node:fs/promises'
import path from 'node:path'
import type {Root} from 'nlcst'
import {unified, type Plugin} from 'unified'
import {VFile} from 'vfile'
import {DropSignatures} from '../pipeline/duplicate-index.js'
import {decode} from '../stages/decode.js'
import {normalise} from '../stages/normalise.js'
import type {IndexedDocument} from '../stages/near-duplicates.js'
import {segment} from '../stages/segment.js'

/**
 * Make a document from text or bytes, as the pipeline reads it.
 *
 * @param value
 *   Text (encoded as UTF-8) or raw bytes.
 * @returns
 *   A file whose value holds the bytes.
 */
export function documentFile(value: string | Uint8Array): VFile {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value
  return new VFile({path: 'example.txt', value: bytes, data: {docId: 'example', sourcePath: 'example.txt', metadata: {}}})
}

/**
 * Run stages on a document and swallow the error of `file.fail`.
 *
 * @param file
 *   Document.
 * @param plugins
 *   Stages with their options, in order.
 * @returns
 *   The file.
 */
export async function runStages(file: VFile, plugins: Array<[Plugin<any[], Root>, ...unknown[]]>): Promise<VFile> {
  const processor = unified()
  for (const [plugin, ...options] of plugins) processor.use(plugin as Plugin<unknown[], Root>, ...options)
  try {
    const tree: Root = {type: 'RootNode', children: []}
    await processor.run(tree, file)
  } catch (error) {
    if (!file.messages.includes(error as never)) throw error
  }
  return file
}

/**
 * Decode, normalise and segment a text, as the clean phase does.
 *
 * @param value
 *   Text or bytes.
 * @returns
 *   The clean document.
 */
export async function clean(value: string | Uint8Array): Promise<VFile> {
  return runStages(documentFile(value), [[decode], [normalise], [segment]])
}

/**
 * Write the signatures of a drop as a run does.
 *
 * @param indexed
 *   Indexed documents, in id order.
 * @param work
 *   Work folder.
 * @returns
 *   The drop's signatures.
 */
export async function dropSignatures(indexed: readonly IndexedDocument[], work: string): Promise<DropSignatures> {
  await mkdir(work, {recursive: true})
  const signatures = await DropSignatures.create(path.join(work, 'signatures'))
  for (const document of indexed) {
    const {signature} = document
    await signatures.add(document.id, document.date, {
      exact: document.exact,
      shingles: document.shingles,
      immutables: document.immutables,
      signature: Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('base64')
    })
  }
  return signatures
}
