import {mkdtemp, readdir, readFile, readlink, realpath, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {DuckDBInstance} from '@duckdb/node-api'
import test from 'ava'
import {distinctLineKeys, EntityIndex, lineHash} from '../pipeline/corpus.js'
import {parseSummary, rowLine, serialiseSummary, type DocumentSummary} from '../pipeline/document-summary.js'
import {heapGrowing} from '../pipeline/heap.js'
import {ProcessPool} from '../pipeline/process-pool.js'
import {tables, type Row} from '../pipeline/tables.js'
import {workerTiering} from '../pipeline/tiering.js'
import {chunkedFile, toCsv, writeTable} from '../pipeline/write.js'
import {storyTermRecord} from '../stages/stories.js'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * Write `metadata` rows with `writeTable()` and open its Parquet file.
 *
 * @param rows
 *   Rows.
 * @returns
 *   Rows written, the CSV text, a query on the Parquet file, and its row groups.
 */
async function writeMetadata(rows: Row[]) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-stream-'))
  await writeFile(path.join(folder, 'rows'), rows.map((row) => rowLine('metadata', row) + '\n').join(''))
  const result = await writeTable({kind: 'write', table: 'metadata', rows: path.join(folder, 'rows'), folder, byteOrderMark: true})
  const connection = await (await DuckDBInstance.create(':memory:')).connect()
  const parquet = path.join(folder, 'metadata.parquet')
  const query = async (sql: string) => (await connection.runAndReadAll(sql.replace('$parquet', `'${parquet}'`))).getRowObjectsJS()
  const groups = await query(`SELECT count(DISTINCT row_group_id) AS groups FROM parquet_metadata($parquet)`)
  return {written: result.rows, csv: await readFile(path.join(folder, 'metadata.csv'), 'utf8'), query, groups: Number(groups[0]?.groups)}
}

test('writeTable() streams 45,000 rows into the same CSV as toCsv() and a Parquet file of three row groups', async function (t) {
  const rows: Row[] = Array.from({length: 45_000}, (_, index) => ({
    doc_id: 'doc-' + String(index).padStart(5, '0'),
    key: index % 7 === 0 ? '=SUM(A1)' : 'key ' + index,
    value: 'line one,\n"two" ' + index
  }))
  const {written, csv, query, groups} = await writeMetadata(rows)
  t.is(written, 45_000)
  t.is(csv, toCsv(tables.metadata, rows))
  t.is(groups, 3)
  t.deepEqual(await query('SELECT doc_id, value FROM $parquet ORDER BY doc_id DESC LIMIT 1'), [{doc_id: 'doc-44999', value: 'line one,\n"two" 44999'}])
})

test('writeTable() closes a row group at a million characters of rows, so wide rows make smaller groups', async function (t) {
  // 2,500 rows of about 1,000 characters: 2.5 million characters, far under 20,000 rows.
  const rows: Row[] = Array.from({length: 2500}, (_, index) => ({
    doc_id: 'doc-' + String(index).padStart(5, '0'),
    key: 'body',
    value: 'word '.repeat(199) + index
  }))
  const {written, csv, query, groups} = await writeMetadata(rows)
  t.is(written, 2500)
  t.is(csv, toCsv(tables.metadata, rows))
  t.is(groups, 3)
  const count = await query('SELECT count(*) AS n, count(DISTINCT value) AS values FROM $parquet')
  t.deepEqual(count.map((row) => [Number(row.n), Number(row.values)]), [[2500, 2500]])
})

test('writeTable() writes only the header and an empty Parquet file when there are no rows', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-stream-'))
  await writeTable({kind: 'write', table: 'rejects', rows: path.join(folder, 'missing'), folder, byteOrderMark: false})
  t.is(await readFile(path.join(folder, 'rejects.csv'), 'utf8'), 'source_path,reason,detail\r\n')
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  const count = (await connection.runAndReadAll(`SELECT count(*) AS n FROM '${path.join(folder, 'rejects.parquet')}'`)).getRowObjectsJS()
  t.is(Number(count[0]?.n), 0)
})

test('writeTable() fills in the corpus fields of documents.jsonl', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-stream-'))
  await writeFile(path.join(folder, 'objects'), JSON.stringify({doc_id: 'a', story_id: null, duplicate: null, text: 'x'}) + '\n')
  await writeFile(path.join(folder, 'fields'), JSON.stringify(['a', {story_id: 'story-1', duplicate: {cluster_id: 'dup-1', duplicate_of: null, similarity: 1, kind: 'exact'}}]) + '\n')
  await writeTable({kind: 'write', table: 'documents.jsonl', rows: path.join(folder, 'objects'), folder, byteOrderMark: true, corpusFields: path.join(folder, 'fields')})
  t.is(
    await readFile(path.join(folder, 'documents.jsonl'), 'utf8'),
    '{"doc_id":"a","story_id":"story-1","duplicate":{"cluster_id":"dup-1","duplicate_of":null,"similarity":1,"kind":"exact"},"text":"x"}\n'
  )
})

test('writeTable() fails when the corpus fields are not in the order of the rows', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-stream-'))
  await writeFile(path.join(folder, 'objects'), ['a', 'b'].map((id) => JSON.stringify({doc_id: id, story_id: null, duplicate: null, text: 'x'}) + '\n').join(''))
  await writeFile(path.join(folder, 'fields'), ['b', 'a'].map((id) => JSON.stringify([id, {story_id: 'story-' + id, duplicate: null}]) + '\n').join(''))
  await t.throwsAsync(
    writeTable({kind: 'write', table: 'documents.jsonl', rows: path.join(folder, 'objects'), folder, byteOrderMark: true, corpusFields: path.join(folder, 'fields')}),
    {message: 'Expected the corpus fields of `a` next, got those of `b`'}
  )
  await writeFile(path.join(folder, 'fields'), JSON.stringify(['a', {story_id: 'story-a', duplicate: null}]) + '\n')
  await t.throwsAsync(
    writeTable({kind: 'write', table: 'documents.jsonl', rows: path.join(folder, 'objects'), folder, byteOrderMark: true, corpusFields: path.join(folder, 'fields')}),
    {message: 'Expected the corpus fields of `b` next, got none'}
  )
  // Neither the output nor the fields file is left open (Linux lists a process's open files).
  if (process.platform === 'linux') t.deepEqual(await openFilesIn(await realpath(folder)), [])
})

/**
 * Files inside a folder that this process holds open.
 *
 * @param folder
 *   Real path of the folder.
 * @returns
 *   Their paths.
 */
async function openFilesIn(folder: string): Promise<string[]> {
  const descriptors = await readdir('/proc/self/fd')
  const targets = await Promise.all(descriptors.map((descriptor) => readlink(path.join('/proc/self/fd', descriptor)).catch(() => '')))
  return targets.filter((target) => target.startsWith(folder + path.sep))
}

test('distinctLineKeys() keys each non-empty line once; lineHash() is stable and 53-bit', function (t) {
  t.deepEqual(distinctLineKeys('Get  breaking news\n\nBody line.\nget breaking NEWS \n'), ['get breaking news', 'body line.'])
  t.is(lineHash('get breaking news'), lineHash('get breaking news'))
  t.not(lineHash('get breaking news'), lineHash('get breaking newt'))
  const hashes = new Set(Array.from({length: 100_000}, (_, index) => lineHash('line ' + index)))
  t.is(hashes.size, 100_000)
  for (const hash of hashes) if (!Number.isSafeInteger(hash) || hash < 0) t.fail(String(hash))
})

test('EntityIndex counts documents and mentions per entity, most mentioned first', function (t) {
  const index = new EntityIndex()
  index.add([['id-trump', 'PERSON', 'Donald Trump', 3], ['id-us', 'GPE', 'United States', 1]])
  index.add([['id-us', 'GPE', 'United States', 4]])
  t.deepEqual([...index.rows()], [
    {entity_id: 'id-us', canonical: 'United States', type: 'GPE', documents: 2, mentions: 5},
    {entity_id: 'id-trump', canonical: 'Donald Trump', type: 'PERSON', documents: 1, mentions: 3}
  ])
})

test('a worker process that dies fails only the tasks it held; a new process takes the rest', async function (t) {
  const pool = new ProcessPool(2)
  const task = {kind: 'scan', absolutePath: path.join(root, 'input', '000_5fd46115ffaab00d.txt'), docId: '000', sourcePath: '000_5fd46115ffaab00d.txt', metadata: {}} as const
  const sha256 = (await import('node:crypto')).createHash('sha256').update(await readFile(task.absolutePath)).digest('hex')
  try {
    const first = await pool.run({...task, sha256})
    t.true('lines' in first && first.lines.length > 5)
    const running = Array.from({length: 20}, () => pool.run({...task, sha256}).then(() => 'done', (error: Error) => error.message))
    process.kill(pool.processIds[0] as number, 'SIGKILL')
    const outcomes = await Promise.all(running)
    t.true(outcomes.every((outcome) => outcome === 'done' || /^Worker process exited \(SIGKILL\)/.test(outcome)), outcomes.join())
    t.true(outcomes.filter((outcome) => outcome === 'done').length >= 16)
    const after = await Promise.all(Array.from({length: 4}, () => pool.run({...task, sha256})))
    t.true(after.every((result) => 'lines' in result))
  } finally {
    await pool.close()
  }
})

test('worker processes run with the heap growth limit of newsdrop processes and the tiering of workers', async function (t) {
  const pool = new ProcessPool(1)
  try {
    const cmdline = await readFile('/proc/' + pool.processIds[0] + '/cmdline', 'utf8').catch(() => undefined)
    if (cmdline === undefined) return t.pass('no /proc on this system')
    const flags = cmdline.split('\0')
    t.true(flags.includes(heapGrowing), cmdline)
    t.true(flags.includes(workerTiering), cmdline)
  } finally {
    await pool.close()
  }
})

test('a document summary comes back from its text as it was, texts unescaped once', function (t) {
  const summary: DocumentSummary = {
    docId: 'drop/001',
    date: '2025-08-01',
    rows: {
      entities: rowLine('metadata', {doc_id: 'drop/001', key: 'a', value: 'line one,\n"two" — ü 😀'}) + '\n' + rowLine('metadata', {doc_id: 'drop/001', key: 'b', value: null}),
      edits: rowLine('metadata', {doc_id: 'drop/001', key: 'c', value: '\\n'})
    },
    object: JSON.stringify({doc_id: 'drop/001', text: 'Body\nwith "quotes" 😀'}),
    signature: {exact: 'ab', shingles: 3, immutables: 1, signature: 'AAAA'},
    storyTerms: Buffer.from(storyTermRecord([['entity:x', 2], ['über', 1]]).buffer).toString('base64'),
    entities: [['0123456789abcdef', 'PERSON', 'Ana Šimić', 2]],
    report: {outlet: 'Outlet', spinScore: null, months: [['2025-08', 1]], edits: []},
    timings: {entities: 1.5},
    editsPerStage: {despin: 1},
    warnings: []
  }
  const text = serialiseSummary(summary)
  t.is(text.indexOf('\n'), text.indexOf('}\n') + 1, 'one header line')
  t.true(text.endsWith(summary.rows.edits as string))
  t.false(text.slice(0, text.indexOf('\n')).includes(summary.storyTerms), 'story terms not in the header')
  t.deepEqual(parseSummary(text), summary)
  t.throws(() => parseSummary(text.slice(0, -1)), {message: /^Expected a document summary of/})
})

test('chunkedFile writes text as UTF-8 and bytes as they are, in order, across chunks', async function (t) {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'newsdrop-chunks-')), 'out')
  const writer = await chunkedFile(file)
  const parts: Array<string | Uint8Array> = []
  // Multi-byte characters over a chunk's end, a write larger than a chunk, bytes between texts.
  for (let index = 0; index < 40_000; index++) parts.push(index % 7 === 0 ? new Uint8Array([index % 256, 10]) : 'row ' + index + ' ü 😀\n')
  parts.push('x'.repeat(3 << 20) + '\n', 'end\n')
  for (const part of parts) await writer.write(part)
  await writer.close()
  const expected = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)))
  t.true((await readFile(file)).equals(expected))
})
