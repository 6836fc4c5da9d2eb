/**
 * A faster `parse-english`: the same tree, built in the same steps.
 *
 * `parse-english` (on `parse-latin`) tokenizes the whole text as one
 * sentence, then runs a list of small plugins over it through a callback per
 * node (`unist-util-modify-children`); it tests every character against three
 * large regular expressions and copies a point object for every node end.
 * That made `sentences` the slowest stage after `entities` (about 3 MB/s),
 * and its garbage slowed the stages after it.
 *
 * This module keeps the library's algorithm step for step (same plugins, same
 * order, same loop and index semantics, same node shapes and key order), so
 * its tree is deep-equal to `new ParseEnglish().parse(text)`;
 * `test/sentences.test.ts` compares both on fixtures and random texts. It
 * differs only in how the work is done:
 *
 * * each code unit is classified once (cached), with the library's own
 *   expressions, and the text is scanned a run at a time;
 * * plugins are plain loops instead of a callback per node;
 * * the end point of a node is the same object as the start point of the next
 *   one, and a word shares its position with its text node until a plugin
 *   moves one of its ends: positions are replaced, never changed in place, so
 *   callers must treat positions and points as read-only;
 * * the positions the library patches onto its throw-away whole-text sentence
 *   and paragraph are not computed.
 *
 * The expressions are read from the libraries' internal modules (the exact
 * version is pinned in `package.json`), so they cannot drift from theirs.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Root} from 'nlcst'

/** Point in the text; shared between nodes, never changed. */
interface Point {
  readonly line: number
  readonly column: number
  readonly offset: number
}

/** Position of a node; shared between nodes, replaced (never changed) when a plugin moves an end. */
interface Position {
  readonly start: Point
  readonly end: Point
}

interface Leaf {
  readonly type: 'PunctuationNode' | 'SymbolNode' | 'TextNode' | 'WhiteSpaceNode'
  readonly value: string
  readonly position: Position
}

interface Parent {
  readonly type: 'ParagraphNode' | 'RootNode' | 'SentenceNode' | 'WordNode'
  children: Node[]
  position?: Position
}

type Node = Leaf | Parent

/** The regular expressions of `parse-latin` the plugins use. */
interface LatinExpressions {
  readonly affixSymbol: RegExp
  readonly digitStart: RegExp
  readonly lowerInitial: RegExp
  readonly newLine: RegExp
  readonly numerical: RegExp
  readonly punctuation: RegExp
  readonly terminalMarker: RegExp
  readonly whiteSpace: RegExp
  readonly word: RegExp
  readonly wordSymbolInner: RegExp
}

/** The regular expressions of `parse-english` the plugins use. */
interface EnglishExpressions {
  readonly abbreviations: RegExp
  readonly abbreviationsSensitive: RegExp
  readonly elisionAffix: RegExp
  readonly elisionPrefix: RegExp
}

// Neither package exports these modules; they sit beside the entry point.
const require = createRequire(import.meta.url)
const englishEntry = require.resolve('parse-english')
const latinEntry = createRequire(englishEntry).resolve('parse-latin')
const latin = (await import(pathToFileURL(path.join(path.dirname(latinEntry), 'lib/expressions.js')).href)) as LatinExpressions
const english = (await import(pathToFileURL(path.join(path.dirname(englishEntry), 'lib/regex.js')).href)) as EnglishExpressions

// Defined inside plugins of the libraries, not exported.
const apostrophe = /^['’]$/
const abbreviationPrefix = /^([0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/

const whiteSpaceKind = 0
const punctuationKind = 1
const wordKind = 2
const symbolKind = 3
const unknownKind = 255
/** Kind of each UTF-16 code unit, filled on first sight. */
const kinds = new Uint8Array(65_536).fill(unknownKind)

/**
 * Parse a text into an nlcst tree, exactly as `new ParseEnglish().parse(text)` does.
 *
 * @param text
 *   Text.
 * @returns
 *   Tree whose positions are offsets into `text`; positions and points are
 *   shared between nodes, so treat them as read-only.
 */
export function parseEnglish(text: string): Root {
  // `ParseLatin#tokenizeSentence`: the whole text as one sentence.
  const tokens = tokenize(text)
  mergeEnglishElisionExceptions(tokens)
  mergeInitialWordSymbol(tokens)
  mergeFinalWordSymbol(tokens)
  mergeInnerWordSymbol(tokens)
  mergeInnerWordSlash(tokens)
  mergeInitialisms(tokens)

  // `ParseLatin#tokenizeParagraph`: split into sentences at terminal marks.
  const paragraph: Parent = {type: 'ParagraphNode', children: splitNode(tokens, 'SentenceNode', 'PunctuationNode', latin.terminalMarker)}
  mergeEnglishPrefixExceptions(paragraph)
  mergeNonWordSentences(paragraph)
  mergeAffixSymbol(paragraph)
  mergeInitialLowerCaseLetterSentences(paragraph)
  mergeInitialDigitSentences(paragraph)
  mergePrefixExceptions(paragraph)
  mergeAffixExceptions(paragraph)
  mergeRemainingFullStops(paragraph)
  makeInitialWhiteSpaceSiblings(paragraph)
  makeFinalWhiteSpaceSiblings(paragraph)
  breakImplicitSentences(paragraph)
  removeEmptyNodes(paragraph)

  // `ParseLatin#tokenizeRoot`: split into paragraphs at line breaks.
  const root: Parent = {type: 'RootNode', children: splitNode(paragraph.children, 'ParagraphNode', 'WhiteSpaceNode', latin.newLine)}
  makeInitialWhiteSpaceSiblings(root)
  makeFinalWhiteSpaceSiblings(root)
  removeEmptyNodes(root)
  patchPosition(root)
  return root as unknown as Root
}

/**
 * `ParseLatin#tokenize`: runs of white space, of word characters, and of one
 * repeated punctuation mark or symbol (or surrogates).
 *
 * @param value
 *   Text.
 * @returns
 *   Sentence content.
 */
function tokenize(value: string): Node[] {
  const nodes: Node[] = []
  const length = value.length
  let line = 1
  let column = 1
  let start: Point = {line, column, offset: 0}
  let index = 0

  // One run per iteration: the library's loop starts a new node where the
  // kind changes, or where a punctuation mark or symbol differs from the one
  // before it (surrogates excepted).
  while (index < length) {
    const from = index
    const code = value.charCodeAt(index)
    const kind = kinds[code] === unknownKind ? classify(code) : (kinds[code] as number)
    index++
    if (kind === whiteSpaceKind) {
      // Only white space holds line breaks.
      let previous = -1
      let current = code
      for (;;) {
        if (current === 13 /* \r */ || (current === 10 /* \n */ && previous !== 13)) {
          line++
          column = 1
        } else if (current !== 10) {
          column++
        }
        if (index === length) break
        previous = current
        current = value.charCodeAt(index)
        if ((kinds[current] === unknownKind ? classify(current) : kinds[current]) !== whiteSpaceKind) break
        index++
      }
    } else {
      let previous = code
      while (index < length) {
        const current = value.charCodeAt(index)
        if ((kinds[current] === unknownKind ? classify(current) : kinds[current]) !== kind) break
        if (kind !== wordKind && current !== previous && !(current >= 0xd8_00 && current <= 0xdf_ff)) break
        previous = current
        index++
      }
      column += index - from
    }
    const end: Point = {line, column, offset: index}
    nodes.push(createNode(kind, value.slice(from, index), start, end))
    start = end
  }

  return nodes
}

/**
 * Kind of a code unit not seen yet, by the library's expressions (tried in
 * its order); cached in `kinds`.
 *
 * @param code
 *   UTF-16 code unit.
 * @returns
 *   Kind.
 */
function classify(code: number): number {
  const character = String.fromCharCode(code)
  const kind = latin.whiteSpace.test(character)
    ? whiteSpaceKind
    : latin.punctuation.test(character)
      ? punctuationKind
      : latin.word.test(character)
        ? wordKind
        : symbolKind
  kinds[code] = kind
  return kind
}

/**
 * Node of a token.
 *
 * @param kind
 *   Kind of its characters.
 * @param value
 *   Its text.
 * @param start
 *   Start point.
 * @param end
 *   End point.
 * @returns
 *   Word node (with one text node), or a white space, punctuation or symbol node.
 */
function createNode(kind: number, value: string, start: Point, end: Point): Node {
  if (kind === wordKind) {
    const position = {start, end}
    return {type: 'WordNode', children: [{type: 'TextNode', value, position}], position}
  }
  return {type: kind === whiteSpaceKind ? 'WhiteSpaceNode' : kind === punctuationKind ? 'PunctuationNode' : 'SymbolNode', value, position: {start, end}}
}

/**
 * `nlcst-to-string`.
 *
 * @param node
 *   Node.
 * @returns
 *   Its text.
 */
function toString(node: Node): string {
  if (!('children' in node)) return node.value
  let value = ''
  for (const child of node.children) value += toString(child)
  return value
}

/**
 * Whether a node is a punctuation mark or a symbol.
 *
 * @param node
 *   Node.
 * @returns
 *   Whether it is.
 */
function isMark(node: Node): node is Leaf {
  return node.type === 'PunctuationNode' || node.type === 'SymbolNode'
}

/**
 * `splitNode` of `parse-latin`: cut a node's children after each child of a
 * type whose text matches.
 *
 * @param children
 *   Children of the node to split.
 * @param type
 *   Type of the parts.
 * @param childType
 *   Type of the children to cut after.
 * @param expression
 *   Expression their text must match.
 * @returns
 *   Parts.
 */
function splitNode(children: readonly Node[], type: Parent['type'], childType: Node['type'], expression: RegExp): Node[] {
  const result: Node[] = []
  let start = 0
  for (let index = 0; index < children.length; index++) {
    const token = children[index] as Node
    if (index === children.length - 1 || (token.type === childType && expression.test(toString(token)))) {
      const parent: Parent = {type, children: children.slice(start, index + 1)}
      const first = children[start] as Node
      if (first.position && token.position) parent.position = {start: first.position.start, end: token.position.end}
      result.push(parent)
      start = index + 1
    }
  }
  return result
}

/**
 * Move the end of a parent's position to that of another node, when both have
 * one. Positions are replaced, never changed in place: a new word shares its
 * position with its text node.
 *
 * @param node
 *   Node whose end moves.
 * @param other
 *   Node whose end it takes.
 * @returns
 *   Nothing.
 */
function takeEnd(node: Parent, other: Node): void {
  if (node.position && other.position) node.position = {start: node.position.start, end: other.position.end}
}

/**
 * Move the start of a parent's position to that of another node, when both
 * have one (a new position, as in {@link takeEnd}).
 *
 * @param node
 *   Node whose start moves.
 * @param other
 *   Node whose start it takes.
 * @returns
 *   Nothing.
 */
function takeStart(node: Parent, other: Node): void {
  if (node.position && other.position) node.position = {start: other.position.start, end: node.position.end}
}

// Sentence plugins. Each loop keeps the iteration of the library's helper:
// `visitChildren` walks on after a change, `modifyChildren` goes on at the
// index a plugin returns. The plugins that merge often (every `U.S.`,
// `e-mail`, `1.5`) compact the list in one pass where the library splices
// the whole text's list at each merge, which was quadratic in the text: they
// read at `read` what the library sees at `write`, the same list.

/**
 * Loop index that makes a `for` loop visit `index` next, as
 * `array-iterate` does when a plugin returns `index` (below 0 it resumes at 0).
 *
 * @param index
 *   Index the plugin returned.
 * @returns
 *   Value to set the loop index to.
 */
function revisit(index: number): number {
  return Math.max(index, 0) - 1
}

/**
 * `parse-english`: merge `w/` and elided words (`'tis`, `o'`, `'n'`).
 *
 * @param siblings
 *   Sentence content.
 * @returns
 *   Nothing.
 */
function mergeEnglishElisionExceptions(siblings: Node[]): void {
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index] as Node
    if (!isMark(child)) continue
    const length = siblings.length
    const value = child.value
    if (value === '/') {
      const sibling = siblings[index - 1]
      if (sibling && sibling.type === 'WordNode' && toString(sibling).toLowerCase() === 'w') {
        siblings.splice(index, 1)
        ;(sibling as Parent).children.push(child)
        takeEnd(sibling, child)
      }
    } else if (apostrophe.test(value)) {
      const sibling = siblings[index - 1] as Node
      if (
        index > 2 &&
        index < length - 1 &&
        sibling.type === 'WordNode' &&
        (siblings[index - 2] as Node).type === 'WhiteSpaceNode' &&
        (siblings[index + 1] as Node).type === 'WhiteSpaceNode' &&
        english.elisionPrefix.test(toString(sibling).toLowerCase())
      ) {
        siblings.splice(index, 1)
        ;(sibling as Parent).children.push(child)
        takeEnd(sibling, child)
        continue
      }
      if (index !== length - 1 && (siblings[index + 1] as Node).type === 'WordNode' && (index === 0 || sibling.type !== 'WordNode')) {
        const next = siblings[index + 1] as Parent
        const nextValue = toString(next).toLowerCase()
        const other = siblings[index + 2]
        if (english.elisionAffix.test(nextValue)) {
          siblings.splice(index, 1)
          next.children.unshift(child)
          takeStart(next, child)
        } else if (nextValue === 'n' && other && other.type === 'PunctuationNode' && apostrophe.test(other.value)) {
          siblings.splice(index, 1)
          siblings.splice(index + 1, 1)
          next.children.unshift(child)
          next.children.push(other)
          takeStart(next, child)
          takeEnd(next, other)
        }
      }
    }
  }
}

/**
 * `parse-latin`: merge `&` into the word after it (`&c`).
 *
 * @param children
 *   Sentence content.
 * @returns
 *   Nothing.
 */
function mergeInitialWordSymbol(children: Node[]): void {
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Node
    if (!isMark(child) || child.value !== '&') continue
    const next = children[index + 1]
    if ((index > 0 && (children[index - 1] as Node).type === 'WordNode') || !(next && next.type === 'WordNode')) continue
    children.splice(index, 1)
    ;(next as Parent).children.unshift(child)
    takeStart(next, child)
    index = revisit(index - 1)
  }
}

/**
 * `parse-latin`: merge a hyphen into the word before it when no word follows (`pre-`).
 *
 * @param children
 *   Sentence content.
 * @returns
 *   Nothing.
 */
function mergeFinalWordSymbol(children: Node[]): void {
  let write = 0
  for (let read = 0; read < children.length; read++) {
    const child = children[read] as Node
    const previous = children[write - 1]
    const next = children[read + 1]
    if (write > 0 && isMark(child) && child.value === '-' && (!next || next.type !== 'WordNode') && previous && previous.type === 'WordNode') {
      previous.children.push(child)
      takeEnd(previous, child)
      continue
    }
    children[write++] = child
  }
  children.length = write
}

/**
 * `parse-latin`: merge words joined by inner symbols (`e-mail`, `U.S`, `1.13bn`).
 *
 * @param siblings
 *   Sentence content.
 * @returns
 *   Nothing.
 */
function mergeInnerWordSymbol(siblings: Node[]): void {
  let write = 0
  let read = 0
  while (read < siblings.length) {
    const child = siblings[read] as Node
    const previous = siblings[write - 1]
    if (write > 0 && isMark(child) && previous && previous.type === 'WordNode') {
      let position = read - 1
      // Most marks after a word (`,`) join nothing: allocate only for a join.
      let tokens: Node[] | undefined
      let queue: Node[] = []
      let sibling: Node | undefined
      while ((sibling = siblings[++position])) {
        if (sibling.type === 'WordNode') {
          tokens ??= []
          tokens.push(...queue, ...sibling.children)
          queue = []
        } else if (isMark(sibling) && latin.wordSymbolInner.test(sibling.value)) {
          queue.push(sibling)
        } else {
          break
        }
      }
      if (tokens && tokens.length > 0) {
        previous.children.push(...tokens)
        takeEnd(previous, tokens[tokens.length - 1] as Node)
        // The library goes on at the first node it did not merge.
        read = position - queue.length
        continue
      }
    }
    siblings[write++] = child
    read++
  }
  siblings.length = write
}

/**
 * `parse-latin`: merge a slash between short words (`and/or`, `w/o`).
 *
 * @param siblings
 *   Sentence content.
 * @returns
 *   Nothing.
 */
function mergeInnerWordSlash(siblings: Node[]): void {
  for (let index = 1; index < siblings.length; index++) {
    const child = siblings[index] as Node
    const previous = siblings[index - 1] as Node
    if (previous.type !== 'WordNode' || !isMark(child) || child.value !== '/') continue
    const previousValue = toString(previous)
    let tail: Node = child
    const queue: Node[] = [child]
    let count = 1
    let nextValue = ''
    const next = siblings[index + 1]
    if (next && next.type === 'WordNode') {
      nextValue = toString(next)
      tail = next
      queue.push(...(next as Parent).children)
      count++
    }
    if (previousValue.length < 3 && (!nextValue || nextValue.length < 3)) {
      previous.children.push(...queue)
      siblings.splice(index, count)
      takeEnd(previous, tail)
      index--
    }
  }
}

/**
 * `parse-latin`: merge the final full stop of an initialism (`U.S.`, not `1.2.`).
 *
 * @param children
 *   Sentence content.
 * @returns
 *   Nothing.
 */
function mergeInitialisms(children: Node[]): void {
  let write = 0
  for (let read = 0; read < children.length; read++) {
    const child = children[read] as Node
    const previous = children[write - 1]
    if (write > 0 && child.type === 'PunctuationNode' && child.value === '.' && previous && isInitialism(previous)) {
      ;(previous as Parent).children.push(child)
      takeEnd(previous as Parent, child)
      continue
    }
    children[write++] = child
  }
  children.length = write
}

/**
 * Whether a word is an initialism that a full stop after it belongs to:
 * single characters (not all digits) between full stops (`U.S`, `e.g`).
 *
 * @param word
 *   Node before a full stop.
 * @returns
 *   Whether it is.
 */
function isInitialism(word: Node): boolean {
  if (word.type !== 'WordNode' || word.children.length === 1 || word.children.length % 2 === 0) return false
  const parts = word.children
  let position = parts.length
  let isAllDigits = true
  let part: Node | undefined
  while ((part = parts[--position])) {
    const value = toString(part)
    if (position % 2 === 0) {
      if (value.length > 1) return false
      if (!latin.numerical.test(value)) isAllDigits = false
    } else if (value !== '.') {
      if (position < parts.length - 2) break
      return false
    }
  }
  return !isAllDigits
}

// Paragraph plugins (their children are sentences, and white space once
// `makeInitialWhiteSpaceSiblings` ran).

/**
 * The step both abbreviation plugins end with: the sentence's final full stop
 * joins the abbreviation before it, and the next sentence joins this one.
 *
 * @param children
 *   Sentences of the paragraph.
 * @param index
 *   Index of `sentence`.
 * @param sentence
 *   Sentence that ends in `word` and `period`.
 * @param word
 *   The abbreviation.
 * @param period
 *   The full stop.
 * @returns
 *   The index the plugin's loop goes on from.
 */
function joinAtAbbreviation(children: Node[], index: number, sentence: Parent, word: Parent, period: Node): number {
  word.children.push(period)
  sentence.children.pop()
  takeEnd(word, period)
  const next = children[index + 1]
  if (!(next && next.type === 'SentenceNode')) return index
  sentence.children.push(...next.children)
  children.splice(index + 1, 1)
  takeEnd(sentence, next)
  return revisit(index - 1)
}

/**
 * `parse-english`: a sentence that ends in an abbreviation (`Mr.`, `Calif.`)
 * takes the next sentence in.
 *
 * @param paragraph
 *   Paragraph.
 * @returns
 *   Nothing.
 */
function mergeEnglishPrefixExceptions(paragraph: Parent): void {
  const children = paragraph.children
  for (let index = 0; index < children.length; index++) {
    const sentence = children[index] as Node
    if (!('children' in sentence)) continue
    const period = sentence.children[sentence.children.length - 1]
    const word = sentence.children[sentence.children.length - 2]
    if (!(period && period.type === 'PunctuationNode' && period.value === '.' && word && word.type === 'WordNode')) continue
    const value = toString(word)
    if (!(english.abbreviations.test(value.toLowerCase()) || english.abbreviationsSensitive.test(value))) continue
    index = joinAtAbbreviation(children, index, sentence, word, period)
  }
}

/**
 * `parse-latin`: a sentence without words joins the one before it (or after it).
 *
 * @param parent
 *   Paragraph.
 * @returns
 *   Nothing.
 */
function mergeNonWordSentences(parent: Parent): void {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Node
    if (!('children' in child) || child.children.some((node) => node.type === 'WordNode')) continue
    const previous = children[index - 1]
    if (previous && 'children' in previous) {
      previous.children.push(...child.children)
      children.splice(index, 1)
      takeEnd(previous, child)
      index--
      continue
    }
    const next = children[index + 1]
    if (next && 'children' in next) {
      next.children.unshift(...child.children)
      takeStart(next, child)
      children.splice(index, 1)
    }
  }
}

/**
 * `parse-latin`: a closing mark that opens a sentence (`”`, `)`) goes to the sentence before.
 *
 * @param parent
 *   Paragraph.
 * @returns
 *   Nothing.
 */
function mergeAffixSymbol(parent: Parent): void {
  const children = parent.children
  for (let index = 1; index < children.length; index++) {
    const child = children[index] as Node
    if (!('children' in child) || child.children.length === 0) continue
    const previous = children[index - 1]
    const first = child.children[0] as Node
    const second = child.children[1]
    if (previous && previous.type === 'SentenceNode' && isMark(first) && latin.affixSymbol.test(first.value)) {
      child.children.shift()
      previous.children.push(first)
      takeEnd(previous, first)
      if (second) takeStart(child, second)
      index = revisit(index - 1)
    }
  }
}

/**
 * `parse-latin`: a sentence whose first word is lower case continues the one before.
 *
 * @param parent
 *   Paragraph.
 * @returns
 *   Nothing.
 */
function mergeInitialLowerCaseLetterSentences(parent: Parent): void {
  const siblings = parent.children
  for (let index = 1; index < siblings.length; index++) {
    const child = siblings[index] as Node
    if (child.type !== 'SentenceNode') continue
    const previous = siblings[index - 1] as Node
    const children = (child as Parent).children
    if (children.length === 0 || previous.type !== 'SentenceNode') continue
    for (const node of children) {
      if (node.type === 'WordNode') {
        if (latin.lowerInitial.test(toString(node))) {
          ;(previous as Parent).children.push(...children)
          siblings.splice(index, 1)
          takeEnd(previous, child)
          index--
        }
        break
      }
      if (isMark(node)) break
    }
  }
}

/**
 * `parse-latin`: a sentence that opens with a digit continues the one before (`1.` `5 percent`).
 *
 * @param parent
 *   Paragraph.
 * @returns
 *   Nothing.
 */
function mergeInitialDigitSentences(parent: Parent): void {
  const children = parent.children
  for (let index = 1; index < children.length; index++) {
    const child = children[index] as Node
    const previous = children[index - 1] as Node
    if (previous.type !== 'SentenceNode' || child.type !== 'SentenceNode') continue
    const head = (child as Parent).children[0]
    if (head && head.type === 'WordNode' && latin.digitStart.test(toString(head))) {
      ;(previous as Parent).children.push(...(child as Parent).children)
      children.splice(index, 1)
      takeEnd(previous, child)
      index--
    }
  }
}

/**
 * `parse-latin`: a sentence that ends in a prefix abbreviation (`cf.`, `a.`) takes the next in.
 *
 * @param parent
 *   Paragraph.
 * @returns
 *   Nothing.
 */
function mergePrefixExceptions(parent: Parent): void {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Node
    if (!('children' in child) || child.children.length <= 1) continue
    const period = child.children[child.children.length - 1] as Node
    if (!isMark(period) || period.value !== '.') continue
    const node = child.children[child.children.length - 2] as Node
    if (node.type !== 'WordNode' || !abbreviationPrefix.test(toString(node).toLowerCase())) continue
    index = joinAtAbbreviation(children, index, child, node, period)
  }
}

/**
 * `parse-latin`: a sentence that opens with a comma or semicolon continues the one before.
 *
 * @param parent
 *   Paragraph.
 * @returns
 *   Nothing.
 */
function mergeAffixExceptions(parent: Parent): void {
  const children = parent.children
  for (let index = 1; index < children.length; index++) {
    const child = children[index] as Node
    const previous = children[index - 1] as Node
    if (!('children' in previous) || !('children' in child) || child.children.length === 0) continue
    for (const node of child.children) {
      if (node.type === 'WordNode') break
      if (!isMark(node)) continue
      if (node.value === ',' || node.value === ';') {
        previous.children.push(...child.children)
        takeEnd(previous, child)
        children.splice(index, 1)
        index--
      }
      break
    }
  }
}

/**
 * `parse-latin` (`visitChildren`): full stops inside a sentence join the word
 * before (or after) them.
 *
 * @param parent
 *   Paragraph.
 * @returns
 *   Nothing.
 */
function mergeRemainingFullStops(parent: Parent): void {
  for (const child of parent.children) {
    if (!('children' in child)) continue
    const children = child.children
    let position = children.length
    let hasFoundDelimiter = false
    let grandchild: Node | undefined
    while ((grandchild = children[--position])) {
      if (!isMark(grandchild)) {
        if (grandchild.type === 'WordNode') hasFoundDelimiter = true
        continue
      }
      if (!latin.terminalMarker.test(grandchild.value)) continue
      if (!hasFoundDelimiter) {
        hasFoundDelimiter = true
        continue
      }
      if (grandchild.value !== '.') continue
      const previous = children[position - 1]
      const next = children[position + 1]
      if (previous && previous.type === 'WordNode') {
        const nextNext = children[position + 2]
        if (next && nextNext && next.type === 'WhiteSpaceNode' && toString(nextNext) === '.') continue
        children.splice(position, 1)
        ;(previous as Parent).children.push(grandchild)
        takeEnd(previous, grandchild)
        position--
      } else if (next && next.type === 'WordNode') {
        children.splice(position, 1)
        ;(next as Parent).children.unshift(grandchild)
        takeStart(next, grandchild)
      }
    }
  }
}

/**
 * `parse-latin` (`visitChildren`): white space opening a child becomes its sibling.
 *
 * @param parent
 *   Paragraph or root.
 * @returns
 *   Nothing.
 */
function makeInitialWhiteSpaceSiblings(parent: Parent): void {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index] as Node
    if (!('children' in child)) continue
    const head = child.children[0]
    if (head && head.type === 'WhiteSpaceNode') {
      child.children.shift()
      siblings.splice(index, 0, head)
      const next = child.children[0]
      if (next) takeStart(child, next)
    }
  }
}

/**
 * `parse-latin`: white space closing a child becomes its sibling.
 *
 * @param parent
 *   Paragraph or root.
 * @returns
 *   Nothing.
 */
function makeFinalWhiteSpaceSiblings(parent: Parent): void {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index] as Node
    if (!('children' in child)) continue
    const tail = child.children[child.children.length - 1]
    if (tail && tail.type === 'WhiteSpaceNode') {
      child.children.pop()
      siblings.splice(index + 1, 0, tail)
      const previous = child.children[child.children.length - 1]
      if (previous) takeEnd(child, previous)
      index--
    }
  }
}

/**
 * `parse-latin`: white space with two or more line breaks inside a sentence ends it.
 *
 * @param parent
 *   Paragraph.
 * @returns
 *   Nothing.
 */
function breakImplicitSentences(parent: Parent): void {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index] as Node
    if (child.type !== 'SentenceNode') continue
    const children = (child as Parent).children
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position] as Node
      if (node.type !== 'WhiteSpaceNode' || lineBreaks(node.value) < 2) continue
      ;(child as Parent).children = children.slice(0, position)
      const insertion: Parent = {type: 'SentenceNode', children: children.slice(position + 1)}
      const tail = children[position - 1] as Node
      const head = children[position + 1] as Node
      siblings.splice(index + 1, 0, node, insertion)
      if (child.position && tail.position && head.position) {
        insertion.position = {start: head.position.start, end: child.position.end}
        takeEnd(child as Parent, tail)
      }
      break
    }
  }
}

/**
 * Line breaks in a text (`\r\n` counts once): `value.split(/\r\n|\r|\n/).length - 1`.
 *
 * @param value
 *   Text.
 * @returns
 *   Count.
 */
function lineBreaks(value: string): number {
  let count = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 13 /* \r */) {
      count++
      if (value.charCodeAt(index + 1) === 10) index++
    } else if (code === 10 /* \n */) {
      count++
    }
  }
  return count
}

/**
 * `parse-latin`: drop children without children.
 *
 * @param parent
 *   Paragraph or root.
 * @returns
 *   Nothing.
 */
function removeEmptyNodes(parent: Parent): void {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Node
    if ('children' in child && child.children.length === 0) {
      children.splice(index, 1)
      index--
    }
  }
}

/**
 * `parse-latin`: a parent spans from its first child to its last.
 *
 * @param node
 *   Root.
 * @returns
 *   Nothing.
 */
function patchPosition(node: Parent): void {
  const first = node.children[0]
  const last = node.children[node.children.length - 1]
  // Every node the parser makes has a position, so both ends are set or neither.
  if (first?.position && last?.position) node.position = {start: first.position.start, end: last.position.end}
}
