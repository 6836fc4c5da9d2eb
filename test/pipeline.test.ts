import {execFile} from 'node:child_process'
import {mkdir, mkdtemp, readFile, readdir, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import test from 'ava'
import {parse} from 'csv-parse/sync'
import {run} from '../pipeline/run.js'
import {tables} from '../pipeline/tables.js'

const root = path.resolve(import.meta.dirname, '../..')
const cli = path.join(root, 'dist/pipeline/cli.js')
const execute = promisify(execFile)

/**
 * Make a temporary folder with the given files.
 */
async function drop(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-'))
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, 'input', name)), {recursive: true})
    await writeFile(path.join(folder, 'input', name), content)
  }
  return folder
}

/**
 * Read a CSV output table as records.
 */
async function table(folder: string, name: string): Promise<Array<Record<string, string>>> {
  return parse(await readFile(path.join(folder, name)), {columns: true, bom: true}) as Array<Record<string, string>>
}

const quiet = {warn() {}}

test('writes every contract file with its header for the sample drop', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-'))
  const output = path.join(folder, 'output')
  const report = await run({input: path.join(root, 'input'), output, ...quiet})
  t.is(report.documents, 5)
  t.is(report.rejects, 0)
  const names = await readdir(output)
  for (const definition of Object.values(tables)) {
    t.true(names.includes(definition.file), definition.file)
    const header = (await readFile(path.join(output, definition.file), 'utf8')).replace(/^\uFEFF/, '').split('\r\n')[0]
    t.is(header, definition.columns.map((column) => column.name).join(','), definition.file)
  }
  t.true(names.includes('documents.jsonl'))
  t.true(names.includes('run.json'))
  const documents = (await readFile(path.join(output, 'documents.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line))
  t.deepEqual(
    documents.map((document) => [document.doc_id, document.published_date]),
    [
      ['000_5fd46115ffaab00d', '2025-08-08'],
      ['001_5b3d52f6e35fc12a', '2025-08-08'],
      ['002_9892826c33455d20', '2025-08-08'],
      ['003_e6b9d41a665ebffb', '2025-08-07'],
      ['004_f45bfc0a37f2af91', '2025-08-08']
    ]
  )
  t.regex(documents[4].text, /South Caucasus/)
})

test('writes the same bytes on two runs of the same drop', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-'))
  await run({input: path.join(root, 'input'), output: path.join(folder, 'one'), ...quiet})
  await run({input: path.join(root, 'input'), output: path.join(folder, 'two'), concurrency: 1, ...quiet})
  const names = (await readdir(path.join(folder, 'one'))).filter((name) => name !== 'run.json')
  t.true(names.length > 5)
  for (const name of names) {
    t.true(
      (await readFile(path.join(folder, 'one', name))).equals(await readFile(path.join(folder, 'two', name))),
      name
    )
  }
})

test('maps raw places through CRLF, a byte order mark, NFC and no-break spaces', async function (t) {
  const text = '\uFEFFFirst line\r\nA\u00A0B and Co\u0301sta\r\n\r\n\r\n\r\nLast\u00A0line'
  const folder = await drop({'crlf.txt': text})
  await run({input: path.join(folder, 'input'), output: path.join(folder, 'output'), ...quiet})
  const [document] = (await readFile(path.join(folder, 'output/documents.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line))
  t.is(document.text, 'First line\nA B and Cósta\n\nLast line')
  t.is(document.encoding, 'utf-8')
  const edits = await table(path.join(folder, 'output'), 'edits.csv')
  t.deepEqual(
    edits.map((edit) => [edit.rule, edit.source_line, edit.source_column, edit.before, edit.after]),
    [
      ['no-break-space', '2', '2', '\u00A0', ' '],
      ['unicode-nfc', '2', '10', 'o\u0301', 'ó'],
      ['no-break-space', '6', '5', '\u00A0', ' '],
      ['blank-lines', '3', '1', '', '']
    ]
  )
})

test('rejects bad inputs with a reason and still processes the rest of the drop', async function (t) {
  const folder = await drop({
    'good.txt': 'A good article.\nWith two lines.',
    'legacy.txt': new Uint8Array([0x93, 0x51, 0x75, 0x6f, 0x74, 0x65, 0x94, 0x20, 0xe9, 0x74, 0xe9]),
    'empty.txt': '',
    'binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]),
    'invalid.txt': new Uint8Array([0x41, 0x81, 0xc3, 0x28]),
    'large.txt': 'x'.repeat(2000),
    'image.png': new Uint8Array([0x89, 0x50])
  })
  await symlink(path.join(folder, 'nowhere.txt'), path.join(folder, 'input', 'broken.txt'))
  const warnings: string[] = []
  const report = await run({
    input: path.join(folder, 'input'),
    output: path.join(folder, 'output'),
    maximumBytes: 1000,
    warn: (line) => warnings.push(line)
  })
  t.is(report.documents, 2)
  const documents = await table(path.join(folder, 'output'), 'documents.csv')
  t.deepEqual(documents.map((row) => [row.doc_id, row.encoding]), [
    ['good', 'utf-8'],
    ['legacy', 'windows-1252']
  ])
  const rejects = await table(path.join(folder, 'output'), 'rejects.csv')
  t.deepEqual(rejects.map((row) => [row.source_path, row.reason]), [
    ['binary.txt', 'binary'],
    ['broken.txt', 'unreadable'],
    ['empty.txt', 'empty'],
    ['image.png', 'unsupported-format'],
    ['invalid.txt', 'undecodable'],
    ['large.txt', 'too-large']
  ])
  t.true(rejects.every((row) => (row.detail ?? '').length > 10))
  // Nothing is lost: every input file is a document or a reject.
  const landed = [...documents.map((row) => row.source_path), ...rejects.map((row) => row.source_path)].sort()
  t.deepEqual(landed, (await readdir(path.join(folder, 'input'))).sort())
  // One line per problem: six rejects and the legacy encoding warning.
  t.is(warnings.length, 7)
  t.true(warnings.some((line) => line.startsWith('warning: legacy.txt: Unexpected Windows-1252')))
  const messages = await table(path.join(folder, 'output'), 'messages.csv')
  t.deepEqual(messages.map((row) => [row.doc_id, row.rule]), [['legacy', 'legacy-encoding']])
})

test('reads manifests of the root and of drop folders', async function (t) {
  const folder = await drop({
    'manifest.csv': 'file,published_date,url,section\nroot.txt,2025-08-08,https://example.com/a,World\n',
    'root.txt': 'Root article.',
    '2025-08-09/manifest.csv': '\uFEFFfile,published_date,outlet,title\nb.txt,09/08/2025,Example Times,A headline\nmissing.txt,2025-08-09,,\n',
    '2025-08-09/b.txt': 'Drop article.'
  })
  const warnings: string[] = []
  await run({input: path.join(folder, 'input'), output: path.join(folder, 'output'), warn: (line) => warnings.push(line)})
  const documents = await table(path.join(folder, 'output'), 'documents.csv')
  t.deepEqual(
    documents.map((row) => [row.doc_id, row.published_date, row.url, row.outlet, row.title]),
    [
      ['2025-08-09/b', '', '', 'Example Times', 'A headline'],
      ['root', '2025-08-08', 'https://example.com/a', '', '']
    ]
  )
  const metadata = await table(path.join(folder, 'output'), 'metadata.csv')
  t.deepEqual(metadata.find((row) => row.key === 'section'), {doc_id: 'root', key: 'section', value: 'World'})
  const rejects = await table(path.join(folder, 'output'), 'rejects.csv')
  t.deepEqual(rejects.map((row) => [row.source_path, row.reason]), [['2025-08-09/missing.txt', 'missing-file']])
  t.deepEqual(warnings.filter((line) => line.includes('published_date')), [
    'warning: 2025-08-09/manifest.csv:2: ignored `published_date`: expected an ISO 8601 date (YYYY-MM-DD), got `09/08/2025`'
  ])
})

test('leaves the input folder untouched', async function (t) {
  const folder = await drop({'a.txt': 'Text\r\nwith CRLF\u00A0and spaces.  '})
  const before = await readFile(path.join(folder, 'input/a.txt'))
  await run({input: path.join(folder, 'input'), output: path.join(folder, 'output'), ...quiet})
  t.true((await readFile(path.join(folder, 'input/a.txt'))).equals(before))
})

test('CLI exits 2 on a missing input folder, a bad option or an output inside the input', async function (t) {
  const folder = await drop({'a.txt': 'Text.'})
  const cases: Array<[string[], RegExp]> = [
    [['run', '--input', path.join(folder, 'nope')], /Cannot find input folder/],
    [['run', '--bogus'], /Unknown option '--bogus'/],
    [['run', '--concurrency', '0'], /Expected `--concurrency` to be a positive integer, got `0`/],
    [['run', '--input', path.join(folder, 'input'), '--output', path.join(folder, 'input', 'out')], /outside input/],
    [['frobnicate'], /unknown command `frobnicate`/]
  ]
  for (const [args, message] of cases) {
    const error = await t.throwsAsync(execute('node', [cli, ...args], {cwd: folder}))
    t.is((error as {code?: number}).code, 2, args.join(' '))
    t.regex((error as {stderr?: string}).stderr ?? '', message)
  }
})

test('CLI prints help and runs a drop', async function (t) {
  const folder = await drop({'a.txt': 'Text.'})
  const help = await execute('node', [cli, 'run', '--help'])
  t.regex(help.stdout, /Usage: newsdrop run/)
  const result = await execute('node', [cli, 'run', '--input', 'input', '--output', 'output'], {cwd: folder})
  t.regex(result.stderr, /1 documents \(0 from cache\), 0 rejected/)
  t.is(result.stdout, '')
  t.truthy(await readFile(path.join(folder, 'output/documents.csv')))
})

test('CLI exits 3 and keeps the previous output when rejects pass `--max-rejects`', async function (t) {
  const folder = await drop({'a.txt': 'Text.', 'b.txt': ''})
  await execute('node', [cli, 'run', '-q'], {cwd: folder})
  const before = await readFile(path.join(folder, 'output/documents.csv'))
  await writeFile(path.join(folder, 'input/c.txt'), new Uint8Array([0, 1, 2]))
  const error = await t.throwsAsync(execute('node', [cli, 'run', '-q', '--max-rejects', '1'], {cwd: folder}))
  t.is((error as {code?: number}).code, 3)
  t.regex((error as {stderr?: string}).stderr ?? '', /quality gate failed: Unexpected 2 rejected inputs, expected at most 1/)
  t.true((await readFile(path.join(folder, 'output/documents.csv'))).equals(before))
  t.deepEqual(await readdir(path.join(folder, '.output.releases')), ['000001'])
})

test('CLI writes a job summary and honours `--no-bom`', async function (t) {
  const folder = await drop({'a.txt': 'Text.', 'b.txt': ''})
  const summary = path.join(folder, 'summary.md')
  await execute('node', [cli, 'run', '-q', '--no-bom'], {cwd: folder, env: {...process.env, GITHUB_STEP_SUMMARY: summary}})
  const markdown = await readFile(summary, 'utf8')
  t.regex(markdown, /1 documents processed, 1 rejected/)
  t.regex(markdown, /\| b\.txt \| empty \|/)
  t.is((await readFile(path.join(folder, 'output/documents.csv'), 'utf8')).slice(0, 7), 'doc_id,')
  const descriptor = JSON.parse(await readFile(path.join(folder, 'output/datapackage.json'), 'utf8'))
  t.deepEqual(
    descriptor.resources.map((resource: {path: string}) => resource.path),
    Object.values(tables).map((definition) => definition.file)
  )
  t.is(descriptor.resources[0].encoding, 'utf-8')
})
