import {spawn} from 'node:child_process'
import {mkdir, mkdtemp, readFile, readdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import test from 'ava'

const cli = path.resolve(import.meta.dirname, '../pipeline/cli.js')

/**
 * Run the CLI in `folder`; kill it with SIGKILL after `killAfter` ms.
 */
async function runCli(folder: string, killAfter?: number): Promise<{code: number | null; milliseconds: number}> {
  const started = performance.now()
  const child = spawn('node', [cli, 'run', '-q'], {cwd: folder, stdio: 'ignore'})
  const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter)
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)))
  clearTimeout(timer)
  return {code, milliseconds: performance.now() - started}
}

/**
 * Read every file of the output as name -> bytes (run.json has timings: left out).
 */
async function snapshot(output: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const name of (await readdir(output)).sort()) {
    if (name !== 'run.json') files.set(name, await readFile(path.join(output, name)))
  }
  return files
}

test('a run killed at any moment leaves the previous complete output readable', async function (t) {
  const folder = await mkdtemp(path.join(tmpdir(), 'newsdrop-kill-'))
  await mkdir(path.join(folder, 'input'))
  for (let index = 0; index < 400; index++) {
    const paragraph = `Article ${index} reports that the council met on Tuesday to discuss the budget of city ${index % 37}. `
    await writeFile(path.join(folder, 'input', `article-${String(index).padStart(4, '0')}.txt`), 'Headline ' + index + '\n\n' + paragraph.repeat(20))
  }
  const first = await runCli(folder)
  t.is(first.code, 0)
  const expected = await snapshot(path.join(folder, 'output'))
  t.true(expected.size > 10)

  // Kill runs at points spread over a whole run: reading, stages, writing, publishing.
  for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98]) {
    await runCli(folder, Math.round(first.milliseconds * fraction))
    const now = await snapshot(path.join(folder, 'output'))
    t.deepEqual([...now.keys()], [...expected.keys()], 'killed at ' + fraction)
    for (const [name, bytes] of expected) t.true(now.get(name)?.equals(bytes), name + ' killed at ' + fraction)
  }

  t.is((await runCli(folder)).code, 0)
  const releases = await readdir(path.join(folder, '.output.releases'))
  t.deepEqual(releases.filter((name) => !/^\d+$/.test(name)), [], 'no staging folder is left over')
  t.true(releases.length <= 2)
})
