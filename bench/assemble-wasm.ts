/**
 * `make wasm`: assemble `stages/minhash.wat` into `stages/minhash.wasm` with
 * WABT (a dev dependency: the pipeline loads the committed binary).
 *
 * Usage: `node dist/bench/assemble-wasm.js`.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import wabt from 'wabt'

/** WebAssembly text files of the stages, each assembled beside itself. */
export const wasmSources = ['stages/minhash.wat'] as const

/**
 * Assemble a WebAssembly text file (SIMD on).
 *
 * @param source
 *   Path from the project folder.
 * @returns
 *   Module bytes.
 */
export async function assemble(source: string): Promise<Uint8Array> {
  const text = readFileSync(projectPath(source), 'utf8')
  const module = (await wabt()).parseWat(source, text, {simd: true})
  try {
    module.validate()
    return module.toBinary({}).buffer
  } finally {
    module.destroy()
  }
}

/**
 * Absolute path of a project file.
 *
 * @param file
 *   Path from the project folder.
 * @returns
 *   Absolute path.
 */
export function projectPath(file: string): string {
  return fileURLToPath(new URL('../../' + file, import.meta.url))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const source of wasmSources) {
    const target = source.replace(/\.wat$/, '.wasm')
    const bytes = await assemble(source)
    writeFileSync(projectPath(target), bytes)
    console.log('wrote ' + target + ': ' + bytes.byteLength + ' bytes')
  }
}
