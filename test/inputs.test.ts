import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import test from 'ava'
import {findInputs, UsageError} from '../pipeline/inputs.js'

/**
 * Make an input folder with files.
 *
 * @param files
 *   Content by path relative to the folder.
 * @returns
 *   Path of the folder.
 */
async function inputFolder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'newsdrop-inputs-'))
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), {recursive: true})
    await writeFile(path.join(root, name), content)
  }
  return root
}

test('findInputs lists documents in doc_id order, through folders, skipping hidden ones', async function (t) {
  const root = await inputFolder({
    'a.txt': 'A.',
    'a-b.txt': 'A B.',
    '2025-08-09/deep/c.text': 'C.',
    '.hidden.txt': 'Hidden.',
    '.git/objects/d.txt': 'Hidden too.',
    'e.pdf': '%PDF'
  })
  const inputs = await findInputs(root)
  // By path `a-b.txt` comes first (`-` before `.`); by id `a` does.
  t.deepEqual(inputs.documents, [
    {sourcePath: '2025-08-09/deep/c.text', metadataText: '{}'},
    {sourcePath: 'a.txt', metadataText: '{}'},
    {sourcePath: 'a-b.txt', metadataText: '{}'}
  ])
  t.deepEqual(inputs.rejects.map((reject) => [reject.sourcePath, reject.reason]), [['e.pdf', 'unsupported-format']])
  t.deepEqual(inputs.warnings, [])
})

test('findInputs keeps manifest columns as JSON in column order and warns about bad rows', async function (t) {
  const root = await inputFolder({
    'drop/manifest.csv': [
      'title,file,published_date,url,',
      'First,a.txt,2025-08-08,,x',
      'Bad date,b.txt,08/08/2025,,',
      ',c.txt,,,',
      'Outside,../d.txt,,,',
      'Again,a.txt,2025-08-09,https://example.com/a,'
    ].join('\n'),
    'drop/a.txt': 'A.',
    'drop/b.txt': 'B.',
    'drop/c.txt': 'C.'
  })
  const inputs = await findInputs(root)
  t.deepEqual(inputs.documents, [
    {sourcePath: 'drop/a.txt', metadataText: '{"title":"Again","published_date":"2025-08-09","url":"https://example.com/a"}'},
    {sourcePath: 'drop/b.txt', metadataText: '{"title":"Bad date"}'},
    {sourcePath: 'drop/c.txt', metadataText: '{}'}
  ])
  t.deepEqual(inputs.warnings, [
    'drop/manifest.csv:3: ignored `published_date`: expected an ISO 8601 date (YYYY-MM-DD), got `08/08/2025`',
    'drop/manifest.csv:5: ignored row: expected a file inside the drop, got `../d.txt`',
    'drop/manifest.csv:6: `a.txt` is listed twice; the last row wins'
  ])
})

test('findInputs stops on a manifest without a `file` column or that is not CSV', async function (t) {
  const noColumn = await inputFolder({'manifest.csv': 'path,title\na.txt,A\n', 'a.txt': 'A.'})
  await t.throwsAsync(findInputs(noColumn), {instanceOf: UsageError, message: 'Expected manifest `manifest.csv` to have a `file` column, got `path,title`'})
  const broken = await inputFolder({'manifest.csv': 'file,title\na.txt,"A\n', 'a.txt': 'A.'})
  await t.throwsAsync(findInputs(broken), {instanceOf: UsageError, message: /^Cannot read manifest `manifest\.csv`: /})
})
