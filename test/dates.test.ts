import test from 'ava'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {applyEdits, decoded} from '../pipeline/record.js'
import {documentRows} from '../pipeline/rows.js'
import {dates, findDates, inferAnchor, isoInterval, type Options} from '../stages/dates.js'
import {clean, runStages} from './helpers.js'

/** Friday 8 August 2025, the day of the seed articles. */
const friday = '2025-08-08'

/**
 * Run the clean phase and `dates` on a text.
 *
 * @param value
 *   Text.
 * @param published
 *   Manifest `published_date` (default: none).
 * @param options
 *   Stage options.
 * @returns
 *   The document.
 */
async function check(value: string, published?: string, options?: Options): Promise<VFile> {
  const file = await clean(value)
  file.data.metadata = published === undefined ? {} : {published_date: published}
  return runStages(file, [[dates, options]])
}

/**
 * Expressions of a text as `text|type|value|granularity|mod` strings.
 *
 * @param text
 *   Text.
 * @param anchor
 *   Anchor.
 * @returns
 *   One string per expression.
 */
function readings(text: string, anchor: string | undefined): string[] {
  return findDates(text, anchor).map((mention) =>
    [text.slice(mention.start, mention.end), mention.type, mention.value, mention.granularity, mention.mod ?? ''].join('|')
  )
}

const pins = test.macro({
  exec(t, text: string, expected: string[]) {
    t.deepEqual(readings(text, friday), expected)
  },
  title: (title) => 'reads ' + title
})

test('a day', pins, 'They met on Friday and signed on June 27, 2025, or 7 August, 2025.', [
  'Friday|DATE|2025-08-08|day|',
  'June 27, 2025|DATE|2025-06-27|day|',
  '7 August, 2025|DATE|2025-08-07|day|'
])
test('today, yesterday and ISO dates', pins, 'Today he said yesterday’s text (2024-02-29) was old.', [
  'Today|DATE|2025-08-08|day|',
  'yesterday|DATE|2025-08-07|day|',
  '2024-02-29|DATE|2024-02-29|day|'
])
test('a week', pins, 'The talks continue next week, after last week’s round.', [
  'next week|DATE|2025-W33|week|',
  'last week|DATE|2025-W31|week|'
])
test('a month', pins, 'It started in December 2024 and ended last month.', [
  'December 2024|DATE|2024-12|month|',
  'last month|DATE|2025-07|month|'
])
test('a year', pins, 'In 2023 and earlier this year prices rose.', ['2023|DATE|2023|year|', 'earlier this year|DATE|2025|year|'])
test('a decade and a century', pins, 'Since the 1990s, the mid-1980s and the 20th century.', [
  'the 1990s|DATE|199X|decade|',
  'the mid-1980s|DATE|198X|decade|MID',
  'the 20th century|DATE|19XX|century|'
])
test('a quarter and a half', pins, 'Profit rose in the third quarter and in the first half of 2024.', [
  'the third quarter|DATE|2025-Q3|quarter|',
  'the first half of 2024|DATE|2024-H1|half|'
])
test('a season', pins, 'It happened last summer, not in the spring of 2024.', [
  'last summer|DATE|2024-SU|season|',
  'the spring of 2024|DATE|2024-SP|season|'
])
test('times of day and clock times', pins, 'Trump spoke Friday afternoon, after a post Thursday evening at 3 p.m.', [
  'Friday afternoon|TIME|2025-08-08TAF|time-of-day|',
  'Thursday evening|TIME|2025-08-07TEV|time-of-day|',
  '3 p.m.|TIME|2025-08-08T15:00|time|'
])
test('durations with modifiers', pins, 'After more than three decades, nearly four-decade wars, over a century and Thirty-five years.', [
  'more than three decades|DURATION|P3DE|decade|MORE_THAN',
  'nearly four-decade|DURATION|P4DE|decade|APPROX',
  'over a century|DURATION|P1CE|century|MORE_THAN',
  'Thirty-five years|DURATION|P35Y|year|'
])
test('vague durations', pins, 'A decades-long, years-old conflict of many years, after years, over the past decade.', [
  'decades-long|DURATION|PXDE|decade|',
  'years-old|DURATION|PXY|year|',
  'many years|DURATION|PXY|year|',
  'years|DURATION|PXY|year|',
  'the past decade|DURATION|P1DE|decade|'
])
test('sets', pins, 'They meet every year, each Friday and daily.', [
  'every year|SET|P1Y|year|',
  'each Friday|SET|XXXX-WXX-5|day|',
  'daily|SET|P1D|day|'
])
test('references', pins, 'Now, as recently as in the past, the future is open.', [
  'Now|DATE|PRESENT_REF|reference|',
  'recently|DATE|PAST_REF|reference|',
  'the past|DATE|PAST_REF|reference|',
  'the future|DATE|FUTURE_REF|reference|'
])
test('dates counted back', pins, 'Two years ago and a year earlier.', ['Two years ago|DATE|2023|year|', 'a year earlier|DATE|2024|year|'])
test('TimeML extents without prepositions or possessives', pins, 'On Friday’s deal, in March, for over a century.', [
  'Friday|DATE|2025-08-08|day|',
  'March|DATE|2025-03|month|',
  'over a century|DURATION|P1CE|century|MORE_THAN'
])

test('leaves words that are no dates alone', function (t) {
  const text =
    'Theresa May may march. No: a long time, quite some time, a 35-year-old man, 2000 people, ' +
    '$1500, the second round, the present Declaration, Black Friday, a quarter of the votes, the fall of Kabul, ' +
    'a spring in his step, The Sun. Nineties fans.'
  t.deepEqual(readings(text, friday), [])
})

test('reads an expression at the start of a line but never across lines', function (t) {
  t.deepEqual(readings('Intro.\nLast week the talks began in\nAugust 2025 was hot.', friday), [
    'Last week|DATE|2025-W31|week|',
    'August 2025|DATE|2025-08|month|'
  ])
})

test('resolves a bare weekday by tense: past back, future forward', function (t) {
  t.deepEqual(readings('The ministers met on Tuesday.', friday), ['Tuesday|DATE|2025-08-05|day|'])
  t.deepEqual(readings('The ministers will meet on Tuesday.', friday), ['Tuesday|DATE|2025-08-12|day|'])
  t.deepEqual(readings('Trump said the leaders are set to sign on Monday.', friday), ['Monday|DATE|2025-08-11|day|'])
  t.deepEqual(readings('He is due to visit Baku on Monday.', friday), ['Monday|DATE|2025-08-11|day|'])
  t.deepEqual(readings('Due to rain on Monday, the march was cancelled.', friday), ['Monday|DATE|2025-08-04|day|'])
  t.deepEqual(readings('The treaty will be signed on Monday.', friday), ['Monday|DATE|2025-08-11|day|'])
  // A weekday without a tense cue looks back: news report what happened.
  t.deepEqual(readings('Wednesday: the summit.', friday), ['Wednesday|DATE|2025-08-06|day|'])
})

test('resolves a bare month by tense', function (t) {
  t.deepEqual(readings('Azerbaijan banned the bureau in February.', friday), ['February|DATE|2025-02|month|'])
  t.deepEqual(readings('The two sides signed a deal in November.', friday), ['November|DATE|2024-11|month|'])
  t.deepEqual(readings('The election will be held in February.', friday), ['February|DATE|2026-02|month|'])
  t.deepEqual(readings('The leaders plan to meet in October.', friday), ['October|DATE|2025-10|month|'])
  t.deepEqual(readings('Police raided offices on June 27.', friday), ['June 27|DATE|2025-06-27|day|'])
})

test('keeps relative values underspecified without an anchor', function (t) {
  t.deepEqual(readings('They met Friday, in March, and meet next week and this year; in 2023 too.', undefined), [
    'Friday|DATE|XXXX-WXX-5|day|',
    'March|DATE|XXXX-03|month|',
    'next week|DATE|XXXX-WXX|week|',
    'this year|DATE|XXXX|year|',
    '2023|DATE|2023|year|'
  ])
})

test('gives the ISO interval of resolved values only', function (t) {
  t.deepEqual(isoInterval('2025-08-08TAF'), ['2025-08-08', '2025-08-08'])
  t.deepEqual(isoInterval('2024-02'), ['2024-02-01', '2024-02-29'])
  t.deepEqual(isoInterval('2025-W33'), ['2025-08-11', '2025-08-17'])
  t.deepEqual(isoInterval('2025-W32-WE'), ['2025-08-09', '2025-08-10'])
  t.deepEqual(isoInterval('2025-Q3'), ['2025-07-01', '2025-09-30'])
  t.deepEqual(isoInterval('2024-H1'), ['2024-01-01', '2024-06-30'])
  t.deepEqual(isoInterval('2025-WI'), ['2024-12-01', '2025-02-28'])
  t.deepEqual(isoInterval('199X'), ['1990-01-01', '1999-12-31'])
  t.deepEqual(isoInterval('19XX'), ['1900-01-01', '1999-12-31'])
  t.is(isoInterval('P35Y'), undefined)
  t.is(isoInterval('XXXX-WXX-5'), undefined)
  t.is(isoInterval('PRESENT_REF'), undefined)
})

test('anchors on the manifest date and records its source', async function (t) {
  const file = await check('Leaders met on Thursday.', '2025-08-07')
  t.deepEqual(file.data.anchor, {value: '2025-08-07', source: 'manifest'})
  t.like(file.data.dates?.[0], {start: 15, end: 23, type: 'DATE', value: '2025-08-07', granularity: 'day', isoStart: '2025-08-07', relative: true})
  t.deepEqual(file.messages, [])
})

test('anchors on a dateline, a stated date or a copyright year', function (t) {
  t.deepEqual(inferAnchor('WASHINGTON, Aug. 8, 2025 — Leaders met.'), {value: '2025-08-08', source: 'dateline'})
  t.deepEqual(inferAnchor('Title\n\nBody.\n\nMore.\n\nOn 7 August, 2025 he came. On 8 August, 2025 they signed.'), {
    value: '2025-08-08',
    source: 'text'
  })
  t.deepEqual(inferAnchor('They signed on Friday, August 8.\n\n© 2025 The Canadian Press'), {value: '2025-08-08', source: 'copyright'})
  t.deepEqual(inferAnchor('They signed on Friday.\n\n© 2025 The Canadian Press'), {value: '2025', source: 'copyright'})
  t.is(inferAnchor('They signed on Friday.'), undefined)
})

test('records a document without an anchor and never uses the clock', async function (t) {
  const file = await check('Leaders met on Friday.')
  t.deepEqual(file.data.anchor, {value: undefined, source: 'none'})
  t.deepEqual(file.messages, [])
  t.like(file.data.dates?.[0], {value: 'XXXX-WXX-5', isoStart: undefined})
  const rows = documentRows(file)
  t.like(rows.dates?.[0], {text: 'Friday', value: 'XXXX-WXX-5', anchor: undefined, granularity: 'day'})
  t.like(rows.documents?.[0], {anchor_date: undefined, anchor_source: 'none'})
})

test('records a year-only anchor in dates, not as the document’s anchor date', async function (t) {
  const file = await check('Signed this year.\n\n© 2025 The Canadian Press')
  const rows = documentRows(file)
  t.like(rows.documents?.[0], {anchor_date: undefined, anchor_source: 'copyright'})
  t.like(rows.dates?.[0], {text: 'this year', value: '2025', anchor: undefined})
})

test('takes the year of a copyright line `boilerplate` removed', async function (t) {
  const file = await clean('Signed this year, on August 8.')
  file.data.metadata = {}
  file.data.articleMetadata = {copyrightYear: {value: 2025, source: 'copyright-line'}}
  await runStages(file, [[dates]])
  t.deepEqual(file.data.anchor, {value: '2025-08-08', source: 'copyright'})
  t.deepEqual(
    file.data.dates?.map((mention) => mention.value),
    ['2025', '2025-08-08']
  )
})

test('anchors on the day of a `published_date` with a time', async function (t) {
  // `pipeline/inputs.ts` has already dropped any value that is not an ISO date.
  const file = await check('Signed this year, on Friday.', '2025-08-09T14:30:00Z')
  t.deepEqual(file.data.anchor, {value: '2025-08-09', source: 'manifest'})
  t.deepEqual(
    file.data.dates?.map((mention) => mention.value),
    ['2025', '2025-08-08']
  )
  t.deepEqual(file.messages, [])
})

test('falls back to the text when the manifest has no `published_date`', async function (t) {
  const file = await check('Signed on 8 August 2025.', '')
  t.deepEqual(file.data.anchor, {value: '2025-08-08', source: 'dateline'})
  t.deepEqual(file.messages, [])
})

test('takes no anchor from the text with `anchorFromText: false`', async function (t) {
  const file = await check('Signed on 8 August 2025, and on Friday.', undefined, {anchorFromText: false})
  t.deepEqual(file.data.anchor, {value: undefined, source: 'none'})
  t.deepEqual(
    file.data.dates?.map((mention) => mention.value),
    ['2025-08-08', 'XXXX-WXX-5']
  )
})

test('rejects a bad `anchorFromText`', function (t) {
  t.throws(() => unified().use(dates, {anchorFromText: 'yes' as unknown as boolean}).freeze(), {
    instanceOf: TypeError,
    message: 'Expected `anchorFromText` to be a boolean, got `yes`'
  })
})

test('reads spun text after repair, with raw places', async function (t) {
  // What `despin` leaves: `this 12 months` repaired to `this year`, `4 many years` to `four decades`.
  const file = await clean('Intro line.\nThe deal was signed this 12 months after nearly 4 many years of war.')
  const {text} = decoded(file)
  const spun = text.indexOf('this 12 months')
  const numeral = text.indexOf('4 many years')
  applyEdits(file, 'despin', [
    {start: spun, end: spun + 'this 12 months'.length, after: 'this year', rule: 'test'},
    {start: numeral + 2, end: numeral + '4 many years'.length, after: 'decades', rule: 'test'}
  ])
  file.data.metadata = {published_date: friday}
  await runStages(file, [[dates]])
  const rows = documentRows(file).dates ?? []
  t.deepEqual(
    rows.map((row) => [row['text'], row['value'], row['mod'], row['source_line'], row['source_column']]),
    [
      ['this year', '2025', undefined, 2, 21],
      ['nearly 4 decades', 'P4DE', 'APPROX', 2, 42]
    ]
  )
  t.like(rows[0], {granularity: 'year', iso_start: '2025-01-01', iso_end: '2025-12-31', anchor: friday})
  t.like(documentRows(file).documents?.[0], {anchor_date: friday, anchor_source: 'manifest'})
})
