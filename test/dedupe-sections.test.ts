import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import test from 'ava'
import {unified} from 'unified'
import {decoded, rawPlace} from '../pipeline/record.js'
import {dedupeSections, type Options} from '../stages/dedupe-sections.js'
import {clean, runStages} from './helpers.js'

const shared = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env.NEWSDROP_SHARED ?? '../shared')

/**
 * Clean a text, run `dedupeSections`, and list its edits as
 * `rule@raw line: before`.
 *
 * @param value
 *   Text.
 * @param options
 *   Stage options.
 * @returns
 *   The clean text after the stage and its edits.
 */
async function dedupe(value: string, options?: Options): Promise<{text: string; edits: string[]}> {
  const file = await runStages(await clean(value), [[dedupeSections, options]])
  const {raw, text} = decoded(file)
  const edits = (file.data.edits ?? [])
    .filter((edit) => edit.stage === 'dedupe-sections')
    .map((edit) => edit.rule + '@' + rawPlace(raw, edit.rawStart).line + ': ' + edit.before)
  return {text, edits}
}

const removes = test.macro(async function (t, value: string, expected: string[], text?: string) {
  const result = await dedupe(value)
  t.deepEqual(result.edits, expected)
  if (text !== undefined) t.is(result.text, text)
})

const keeps = test.macro(async function (t, value: string) {
  const result = await dedupe(value)
  t.deepEqual(result.edits, [])
  t.is(result.text, decoded(await clean(value)).text)
})

test(
  'removes a headline printed twice, keeping the first',
  removes,
  'Leaders made history on Friday.\nPeace Deal Signed at Trump-Led Summit\n\nPeace Deal Signed at Trump-Led Summit\nThe body starts here.',
  ['repeated-headline@4: Peace Deal Signed at Trump-Led Summit'],
  'Leaders made history on Friday.\nPeace Deal Signed at Trump-Led Summit\n\nThe body starts here.'
)
test(
  'removes a headline repeated in other case and punctuation',
  removes,
  'Peace deal signed at summit\n\nPEACE DEAL SIGNED AT SUMMIT:\n\nThe body starts here.',
  ['repeated-headline@3: PEACE DEAL SIGNED AT SUMMIT:'],
  'Peace deal signed at summit\n\nThe body starts here.'
)
test(
  'removes a paragraph pasted twice',
  removes,
  'Title of the story here\n\nThe first paragraph tells what happened at the summit.\n\nA second paragraph adds a quote.\n\nThe first paragraph tells what happened at the summit.\n\nThe end of the story.',
  ['repeated-paragraph@7: The first paragraph tells what happened at the summit.'],
  'Title of the story here\n\nThe first paragraph tells what happened at the summit.\n\nA second paragraph adds a quote.\n\nThe end of the story.'
)
test(
  'keeps the longer of two near-equal paragraphs',
  removes,
  'We express our confidence that this Summit is a strong foundation for mutual respect and trust.\n\n6. We express our confidence that this Summit is a strong foundation for mutual respect and trust.',
  ['repeated-paragraph@1: We express our confidence that this Summit is a strong foundation for mutual respect and trust.'],
  '6. We express our confidence that this Summit is a strong foundation for mutual respect and trust.'
)
test(
  'removes a standfirst repeated as the lead, keeping the lead paragraph',
  removes,
  'Peace Deal Signed\n\nArmenia and Azerbaijan signed a peace deal on Friday.\n\nArmenia and Azerbaijan signed a peace deal on Friday. The deal ends a long conflict.\n\nMore body text.',
  ['repeated-standfirst@3: Armenia and Azerbaijan signed a peace deal on Friday.'],
  'Peace Deal Signed\n\nArmenia and Azerbaijan signed a peace deal on Friday. The deal ends a long conflict.\n\nMore body text.'
)
test(
  'removes a caption that repeats a body sentence, keeping the body',
  removes,
  'Peace Deal Signed\n\nThe talks lasted two days. The leaders shook hands in the State Dining Room. Both then spoke.\n\nThe leaders shook hands in the State Dining Room.\n\nMore body text.',
  ['repeated-sentence@5: The leaders shook hands in the State Dining Room.'],
  'Peace Deal Signed\n\nThe talks lasted two days. The leaders shook hands in the State Dining Room. Both then spoke.\n\nMore body text.'
)

test(
  'keeps a heading and the paragraph it introduces (sample 004 lines 61 and 63)',
  keeps,
  'JOINT DECLARATION by the President of the Republic of Azerbaijan and the Prime Minister of the Republic of Armenia on the outcomes of their meeting in Washington D.C., United States of America\n\nWe, the President of the Republic of Azerbaijan and the Prime Minister of the Republic of Armenia, having met in Washington D.C., United States of America, on August 8, 2025, declare the following:'
)
test(
  'keeps a heading that opens the next paragraph',
  keeps,
  'Meeting with President Donald Trump\n\nMeeting with President Donald Trump was the high point of the visit, aides said.'
)
test(
  'keeps a paraphrase of the same fact (sample 000 lines 1 and 6)',
  keeps,
  'Leaders of Azerbaijan and Armenia made history by signing a peace agreement at the White House on Friday.\n\nLeaders from Azerbaijan and Armenia convened at the White House on Friday to sign an historic peace agreement.'
)
test('keeps short repeated lines (credits are for the boilerplate stage)', keeps, 'One.\n\nPresident.Az\n\nTwo.\n\nPresident.Az\n\nThree.')
test(
  'keeps a paragraph that differs by one word (`would pass` / `would not pass`)',
  keeps,
  'Aides said the deal would pass the senate this week.\n\nMore text follows here.\n\nAides said the deal would not pass the senate this week.'
)
test(
  'keeps a paragraph that differs by one word (`first race` / `second race`)',
  keeps,
  'Smith won the first race of the season in record time on Sunday.\n\nSmith won the second race of the season in record time on Sunday.'
)
test(
  'keeps a headline that differs by one word',
  keeps,
  'Smith Wins First Race of the Season\n\nBody.\n\nSmith Wins Second Race of the Season'
)
test(
  'keeps a paragraph that pastes another with one word changed (a fact may differ)',
  keeps,
  'The two leaders met at the White House on Friday and signed a declaration that ends decades of conflict over the region.\n\nMore text follows here.\n\nThe two leaders met at the White House on Friday and signed a declaration which ends decades of conflict over the region.'
)
test(
  'keeps a sentence that only starts another sentence',
  keeps,
  'The leaders shook hands in the State Dining Room.\n\nThe leaders shook hands in the State Dining Room after the signing.'
)

test('removes only the repeated headline of sample 000, and nothing in the others', async function (t) {
  const folder = path.join(shared, 'samples')
  const removed: Record<string, string[]> = {}
  for (const name of (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort()) {
    removed[name.slice(0, 3)] = (await dedupe(await readFile(path.join(folder, name), 'utf8'))).edits
  }
  t.deepEqual(removed, {
    '000': ['repeated-headline@4: Azerbaijan and Armenia Forge Historic Peace Agreement at Trump-Led Summit'],
    '001': [],
    '002': [],
    '003': [],
    '004': []
  })
})

test('`minimumWords` sets the shortest line that can repeat', async function (t) {
  const value = 'Short repeated line\n\nBody.\n\nShort repeated line'
  t.deepEqual((await dedupe(value)).edits, [])
  t.deepEqual((await dedupe(value, {minimumWords: 3})).edits, ['repeated-headline@5: Short repeated line'])
})

test('removes repeats among 8,000 paragraphs in linear time', async function (t) {
  const paragraphs = Array.from({length: 8000}, (_, index) => 'Paragraph ' + index + ' says the vote on the budget deal was held this week.')
  const captions = ['Paragraph 7 says the vote on the budget deal was held this week.', 'The vote was held.']
  const value = [...paragraphs, paragraphs[5] as string, ...paragraphs.map((paragraph) => paragraph + ' The vote was held.'), ...captions].join('\n\n')
  const started = performance.now()
  const {edits} = await dedupe(value)
  t.true(performance.now() - started < 10_000)
  t.is(edits.length, 8003)
  t.deepEqual(edits.slice(0, 2), [
    'repeated-standfirst@1: Paragraph 0 says the vote on the budget deal was held this week.',
    'repeated-standfirst@3: Paragraph 1 says the vote on the budget deal was held this week.'
  ])
  t.deepEqual(edits.slice(-3), [
    'repeated-paragraph@16001: Paragraph 5 says the vote on the budget deal was held this week.',
    'repeated-paragraph@32003: Paragraph 7 says the vote on the budget deal was held this week.',
    'repeated-sentence@32005: The vote was held.'
  ])
})

test('rejects bad options', function (t) {
  t.throws(() => unified().use(dedupeSections, {minimumWords: 0}).freeze(), {
    instanceOf: TypeError,
    message: 'Expected `minimumWords` to be a positive integer, got `0`'
  })
})
