/**
 * Rewrite `docs/DATA.md` from the contract (`make docs`).
 */
import {writeFile} from 'node:fs/promises'
import {dataDictionary} from './data-dictionary.js'

await writeFile(new URL('../../docs/DATA.md', import.meta.url), dataDictionary())
