import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {decoded} from '../pipeline/record.js'
import {parseEnglish} from './sentences-parser.js'

/**
 * Parse the working text into an nlcst tree (paragraphs, sentences, words)
 * and return it as the tree later word-level stages receive. Positions in
 * the tree are working-text offsets; `sourcePlace` maps them to the raw file.
 */
export const sentences: Plugin<[], Root> = function () {
  return function (_, file) {
    return parseText(decoded(file).text)
  }
}

/**
 * Parse a text into an nlcst tree, as `parse-english` does (only faster).
 *
 * @param text
 *   Working text.
 * @returns
 *   Tree whose positions are offsets into `text`; positions and points are
 *   shared between nodes, so treat them as read-only.
 */
export function parseText(text: string): Root {
  return parseEnglish(text)
}
