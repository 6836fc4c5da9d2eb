import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {applyEdits, decoded, splitLines, splitParagraphs, type TextEdit} from '../pipeline/record.js'

declare module 'vfile' {
  interface DataMap {
    /** Lines and paragraphs of the working text after segmentation; set by `segment`. */
    segments: {lines: number; paragraphs: number}
  }
}

/**
 * Segment the working text into lines and paragraphs (blocks of lines
 * separated by blank lines): blank lines at the ends are removed and a run
 * of blank lines becomes one, so paragraphs are exactly `\n\n`-separated.
 * Every removed blank line is an edit. Later stages split the text with
 * `splitLines` / `splitParagraphs` from `pipeline/record.ts`.
 */
export const segment: Plugin<[], Root> = function () {
  return function (_, file) {
    const {text} = decoded(file)
    const edits: TextEdit[] = []
    for (const match of text.matchAll(/^\n+|\n{3,}|\n+$/g)) {
      const atEdge = match.index === 0 || match.index + match[0].length === text.length
      // Inside the text keep the first and last line break of the run, so
      // the removal starts at the first surplus blank line.
      const start = atEdge ? match.index : match.index + 1
      const end = atEdge ? match.index + match[0].length : match.index + match[0].length - 1
      edits.push({start, end, after: '', rule: 'blank-lines'})
    }
    applyEdits(file, 'segment', edits)
    const clean = decoded(file).text
    file.data.segments = {lines: splitLines(clean).length, paragraphs: splitParagraphs(clean).length}
  }
}
