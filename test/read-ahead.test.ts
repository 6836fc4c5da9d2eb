import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import test from 'ava'
import {ReadAhead} from '../pipeline/read-ahead.js'

test('ReadAhead reads ahead only while the process reads from the disk, and passes over missing files', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-read-ahead-'))
  const files = Array.from({length: 100}, (_, index) => path.join(folder, index % 7 === 3 ? 'missing-' + index : 'file-' + index + '.txt'))
  for (const file of files) if (!path.basename(file).startsWith('missing')) await writeFile(file, 'Text of ' + file + '\n')

  // From the page cache: the count of blocks read stays the same, nothing is read ahead.
  const cached = new ReadAhead((position) => files[position] as string, files.length, () => 0)
  for (let position = 0; position < files.length; position++) {
    await cached.before(position)
    t.is(cached.inFlight, 0)
  }

  // From the disk: the count grows between checks, so files ahead are read.
  let blocks = 0
  const disk = new ReadAhead((position) => files[position] as string, files.length, () => (blocks += 8))
  let most = 0
  for (let position = 0; position < files.length; position++) {
    await disk.before(position)
    most = Math.max(most, disk.inFlight)
  }
  t.true(most > 0)
  while (disk.inFlight > 0) await sleep(5)
  t.is(disk.inFlight, 0)
})
