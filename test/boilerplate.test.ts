import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import test from 'ava'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {decoded, lineKey, rawPlace} from '../pipeline/record.js'
import {boilerplate, type Options} from '../stages/boilerplate.js'
import {clean, runStages} from './helpers.js'

const shared = process.env.NEWSDROP_SHARED ?? path.resolve(import.meta.dirname, '../../../shared')

/** Body text around the line under test, so it is neither first nor last. */
const lede =
  'President Donald Trump hosted the leaders of Armenia and Azerbaijan at the White House on Friday, where they signed a declaration that aims to end decades of conflict.'
const headline = 'Armenia and Azerbaijan sign peace declaration at the White House'
const closing = 'The two countries fought two wars over the Karabakh region, which Azerbaijan retook in a lightning offensive in 2023.'

/**
 * Clean a text and run the stage on it.
 *
 * @param value
 *   Document text.
 * @param options
 *   Stage options.
 * @param data
 *   Extra `file.data` (manifest, drop counts) set before the stage runs.
 * @returns
 *   The processed file.
 */
async function check(value: string, options?: Options, data?: Partial<VFile['data']>): Promise<VFile> {
  const file = await clean(value)
  Object.assign(file.data, data)
  return runStages(file, [[boilerplate, options]])
}

/**
 * Rule and kind of every finding, with its text.
 *
 * @param file
 *   Processed file.
 * @returns
 *   Triples.
 */
function findings(file: VFile): Array<[string, string, string]> {
  return (file.data.boilerplate ?? []).map((finding) => [finding.rule, finding.kind, finding.text])
}

const removes = test.macro({
  async exec(t, line: string, rule: string, kind: string) {
    const file = await check(lede + '\n\n' + line + '\n\n' + closing)
    t.deepEqual(findings(file), [[rule, kind, line]])
    t.is(file.value, lede + '\n\n' + closing)
    const edit = (file.data.edits ?? []).find((item) => item.stage === 'boilerplate')
    t.like(edit, {stage: 'boilerplate', rule, action: 'remove', before: line})
    t.deepEqual(rawPlace(decoded(file).raw, edit?.rawStart ?? -1), {line: 3, column: 1})
  },
  title: (_, line: string, rule: string) => 'removes `' + line.slice(0, 60) + '` as `' + rule + '`'
})

const keeps = test.macro({
  async exec(t, line: string) {
    const file = await check(lede + '\n\n' + line + '\n\n' + closing)
    t.deepEqual(findings(file), [])
    t.is(file.value, lede + '\n\n' + line + '\n\n' + closing)
  },
  title: (_, line: string) => 'keeps `' + line.slice(0, 60) + '`'
})

test('exposes only the stage', async function (t) {
  t.deepEqual(Object.keys(await import('../stages/boilerplate.js')), ['boilerplate'])
})

// Newsletter prompts: Global News (and its spun copy), Guardian, CNN, BBC, Reuters, local US papers.
test(removes, 'Get breaking National news', 'newsletter-prompt', 'newsletter')
test(removes, 'For news impacting Canada and around the world, sign up for breaking news alerts delivered directly to you when they happen.', 'newsletter-template', 'newsletter')
test(removes, 'For news impacting Canada and world wide, enroll for breaking news alerts delivered on to you after they occur.', 'newsletter-template', 'newsletter')
test(removes, 'Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST', 'newsletter-prompt', 'newsletter')
test(removes, 'Sign up for CNN’s Wonder Theory science newsletter. Explore the universe with news on fascinating discoveries.', 'newsletter-prompt', 'newsletter')
test(removes, 'The Reuters Daily Briefing newsletter provides all the news you need to start your day. Sign up here.', 'newsletter-template', 'newsletter')
test(removes, 'Get the latest local news delivered to your inbox', 'newsletter-prompt', 'newsletter')
// Photo credits and captions: AP, Reuters, AFP/Getty, CP.
test(removes, '(AP Photo/Evan Vucci)', 'photo-credit', 'photo-credit')
test(removes, 'Getty Images', 'photo-credit', 'photo-credit')
test(removes, 'Photo: Reuters/Kevin Lamarque', 'photo-credit', 'photo-credit')
test(removes, 'THE CANADIAN PRESS/Sean Kilpatrick', 'photo-credit', 'photo-credit')
test(removes, 'FILE - President Donald Trump speaks in the Oval Office, Aug. 7, 2025, in Washington. (AP Photo/Evan Vucci, File)', 'photo-caption', 'photo-caption')
test(removes, 'Armenian Prime Minister Nikol Pashinyan arrives at the White House. (Andrew Caballero-Reynolds/AFP via Getty Images)', 'photo-caption', 'photo-caption')
test(removes, 'Image source, Getty Images', 'photo-credit', 'photo-credit')
test(removes, 'Photograph: Evan Vucci/AP', 'photo-credit', 'photo-credit')
test(removes, 'Credit...Doug Mills/The New York Times', 'photo-credit', 'photo-credit')
test(removes, 'Image caption, Trump hosted the two leaders at the White House on Friday', 'photo-caption', 'photo-caption')
test(removes, 'Item 1 of 3 U.S. President Donald Trump meets Azerbaijan’s President Ilham Aliyev', 'photo-caption', 'photo-caption')
// Copyright lines.
test(removes, '© 2025 The Canadian Press', 'copyright-line', 'copyright')
test(removes, 'Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.', 'copyright-line', 'copyright')
test(removes, 'Copyright © 2025 Guardian News & Media Limited', 'copyright-line', 'copyright')
// Sign-offs and bylines: AFP via EurAsian Times, Reuters, CP, AP.
test(removes, '- Story By Agence France-Presse (AFP)', 'signature-line', 'byline')
test(removes, '- Compiled & Edited by ET Desk', 'signature-line', 'byline')
test(removes, '(Reporting by Andrea Shalal; Editing by Daniel Wallis)', 'signature-line', 'byline')
test(removes, '— With files from The Canadian Press', 'signature-line', 'byline')
test(removes, 'Associated Press writer Aamer Madhani contributed to this report.', 'signature-line', 'byline')
test(removes, 'By AAMER MADHANI, Associated Press', 'byline-line', 'byline')
test(removes, 'North America correspondent', 'byline-role', 'byline')
test(removes, 'This report by The Canadian Press was first published Aug. 8, 2025.', 'signature-line', 'byline')
test(removes, 'This article originally appeared on The Conversation.', 'signature-line', 'byline')
// Contact lines.
test(removes, '- Mail us at editor (at) eurasiantimes.com', 'contact-line', 'contact')
test(removes, 'Email: newsroom@dailyherald.com', 'contact-line', 'contact')
test(removes, 'Jane Doe covers city hall for the Daily Herald. Reach her at jdoe@dailyherald.com.', 'contact-line', 'contact')
test(removes, 'Follow Jane Doe on Twitter @janedoe', 'contact-line', 'contact')
test(removes, 'Follow AP’s coverage of the Trump administration at https://apnews.com/hub/donald-trump', 'contact-line', 'contact')
// Tags, ads, share and related links.
test(removes, 'Tags: Armenia, Azerbaijan, Donald Trump', 'tags-label', 'tags')
test(removes, 'Filed under: World', 'tags-label', 'tags')
test(removes, 'Advertisement', 'advertisement', 'promo')
test(removes, 'Story continues below advertisement', 'advertisement', 'promo')
test(removes, 'Advertisement - Scroll to continue', 'advertisement', 'promo')
test(removes, 'Subscribe to our YouTube channel for more videos', 'promo-prompt', 'promo')
test(removes, 'CLICK HERE TO GET THE FOX NEWS APP', 'promo-prompt', 'promo')
test(removes, 'Share this article', 'share-prompt', 'ui')
test(removes, 'Click to share on X (Opens in new window)', 'share-prompt', 'ui')
test(removes, 'READ MORE: Trump says Armenia-Azerbaijan deal is near', 'related-link', 'navigation')
test(removes, 'More from BBC News', 'related-link', 'navigation')
// Timestamps, reading time and players, separators, footers.
test(removes, 'Updated 4 minutes ago', 'timestamp', 'ui')
test(removes, 'Published: Aug. 8, 2025 at 3:04 p.m. ET', 'timestamp', 'ui')
test(removes, 'Aug 8, 2025, 3:04 PM ET', 'timestamp', 'ui')
test(removes, '5 min read', 'player-string', 'ui')
test(removes, 'Listen to this article', 'player-string', 'ui')
test(removes, 'Watch: Trump hosts Armenia and Azerbaijan leaders', 'player-string', 'ui')
test(removes, '___', 'separator', 'other')
test(removes, '* * *', 'separator', 'other')
test(removes, '—', 'separator', 'other')
test(removes, '…', 'separator', 'other')
test(removes, '•••', 'separator', 'other')
test(removes, '-----', 'separator', 'other')
test(removes, '?!', 'separator', 'other')
test(removes, '🎉🎉🎉', 'separator', 'other')
test(removes, '.-'.repeat(400), 'separator', 'other')
test(removes, 'BY JOHN SMITH, PRESIDENTIAL CORRESPONDENT, INTERNATIONAL AFFAIRS', 'byline-line', 'byline')
test(removes, 'By Jean-Pierre McDonald and Jane Doe | Reuters', 'byline-line', 'byline')
test(removes, 'Terms of Use | Privacy Policy | Contact Us', 'footer', 'footer')
test(removes, 'Privacy Policy  |  Terms  /  About us', 'footer', 'footer')
test(removes, 'Published: Aug. 8, 2025 at 3:04 pm EDT', 'timestamp', 'ui')
test(removes, 'Our Standards: The Thomson Reuters Trust Principles.', 'footer', 'footer')
test(removes, 'The Associated Press receives financial support from the Omidyar Network to support coverage of U.S. democracy.', 'footer', 'footer')

// Body that looks like boilerplate.
test(keeps, 'Winners on All Sides')
test(keeps, 'High Stakes')
test(keeps, 'Armenia')
test(keeps, 'DUNNIGAN, Calif. —')
test(keeps, 'WASHINGTON (AP) — President Donald Trump on Friday hosted the leaders of Armenia and Azerbaijan.')
test(keeps, '“It’s a long time coming,” Trump said.')
test(keeps, 'Photos from the ceremony show Trump standing between the two leaders as they shook hands.')
test(keeps, 'By Friday, the two sides had agreed on a text.')
test(keeps, 'Residents can sign up for alerts on the county website, officials said.')
test(keeps, 'Reuters reported on Thursday that the deal was close.')
test(keeps, 'Share prices of Azerbaijani oil firms rose 3% on the news.')
test(keeps, 'Updated figures released Friday show turnout rose.')
test(keeps, 'June 9, 2008')
test(keeps, '1. We reaffirmed the importance of opening communications between the two countries.')
test(keeps, 'The Armenia-Azerbaijan conflict has lasted for decades')
test(keeps, 'A message from the editor')
test(keeps, 'Tips can be sent to tips@police.gov, the sheriff said.')

test('removes an inline photo credit and keeps the paragraph', async function (t) {
  const file = await check(lede + ' (AP Photo/Evan Vucci) The deal was signed later.\n\n' + closing)
  t.is(file.value, lede + ' The deal was signed later.\n\n' + closing)
  t.deepEqual(file.data.boilerplate, [
    {line: 1, column: lede.length + 2, kind: 'photo-credit', rule: 'photo-credit-inline', text: '(AP Photo/Evan Vucci)'}
  ])
  t.like(file.data.edits?.find((edit) => edit.stage === 'boilerplate'), {rule: 'photo-credit-inline', before: ' (AP Photo/Evan Vucci)'})
  t.deepEqual(file.data.articleMetadata?.photoCredits, {value: ['AP Photo/Evan Vucci'], source: 'photo-credit'})
})

test('keeps a quoted story sentence that ends with a credit, removing only the credit', async function (t) {
  const quote = 'Council member Tom Reyes said the city “cannot afford this right now.”'
  const file = await check(lede + '\n\n' + quote + ' (AP Photo/Sam Lee)\n\n' + closing)
  t.is(file.value, lede + '\n\n' + quote + '\n\n' + closing)
  t.deepEqual(findings(file), [['photo-credit-inline', 'photo-credit', '(AP Photo/Sam Lee)']])
})

test('keeps a dateline agency in the text and records it', async function (t) {
  const file = await check('WASHINGTON (AP) — ' + lede + '\n\n' + closing)
  t.deepEqual(findings(file), [])
  t.deepEqual(file.data.articleMetadata?.agency, {value: 'The Associated Press', source: 'dateline'})
})

test('removes a caption right above its lone credit, not the headline', async function (t) {
  const file = await check(
    'Aliyev’s U.S. visit heralds a pivotal moment\n\nTrump joins Pashinyan and Aliyev for a signing in Washington, D.C.\nReuters\n\n' + lede + '\n\n' + closing
  )
  t.deepEqual(findings(file), [
    ['photo-caption', 'photo-caption', 'Trump joins Pashinyan and Aliyev for a signing in Washington, D.C.'],
    ['photo-credit', 'photo-credit', 'Reuters']
  ])
  t.like(file.data.articleMetadata, {
    title: {value: 'Aliyev’s U.S. visit heralds a pivotal moment', source: 'headline'},
    photoCredits: {value: ['Reuters'], source: 'photo-credit'}
  })
})

test('removes a short line repeated in the document (`President.Az`, `Watch`-like credits)', async function (t) {
  const file = await check(
    [headline, lede, 'Staff Photographer', 'Meeting with Witkoff', 'Staff Photographer', closing, 'Staff Photographer', lede].join('\n\n')
  )
  t.deepEqual(findings(file), [
    ['repeated-in-document', 'other', 'Staff Photographer'],
    ['repeated-in-document', 'other', 'Staff Photographer'],
    ['repeated-in-document', 'other', 'Staff Photographer']
  ])
})

test('classifies lines that once took exponential time in well under 100 ms', async function (t) {
  const lines = [
    // Each capitalised word could be cut into words many ways.
    'BY JOHN SMITH, PRESIDENTIAL CORRESPONDENT, INTERNATIONAL AFFAIRS 1',
    ('BY JOHN SMITH, PRESIDENTIAL CORRESPONDENT, INTERNATIONAL AFFAIRS ').repeat(5).slice(0, 319) + '1',
    'BY ' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ '.repeat(200).slice(0, 4997),
    'A'.repeat(300),
    // A run of letters cut into time zones many ways.
    'Updated 1 1' + 'abc'.repeat(60) + '!',
    // Spaces around footer separators shared between links many ways.
    'Privacy Policy' + ' |  a  '.repeat(40) + '!',
    // Punctuation only, far longer than any pattern looks at.
    '.-'.repeat(100_000)
  ]
  for (const line of lines) {
    const file = await clean(lede + '\n\n' + line + '\nNorth America correspondent\n\n' + closing)
    const start = performance.now()
    await runStages(file, [[boilerplate]])
    const elapsed = performance.now() - start
    t.true(elapsed < 100, line.slice(0, 40) + '… took ' + Math.round(elapsed) + ' ms')
  }
})

test('looks lines up in the drop counts by the pipeline’s `lineKey`, whatever the white space', async function (t) {
  // U+2028 survives `normalise` inside a line; `lineKey` folds it into a space.
  const template = 'Our journalists bring you\u2028the stories that matter every day'
  const dropLineCounts = new Map([[lineKey(template), 12]])
  const file = await check([headline, lede, template, closing].join('\n\n'), undefined, {dropLineCounts, dropSize: 40})
  t.deepEqual(findings(file), [['repeated-across-drop', 'other', template]])
})

test('removes a line repeated across the drop, but not a shared quotation', async function (t) {
  const template = 'Our journalists bring you the stories that matter every day'
  const quotation = '“Thirty-five years they fought, and now they’re friends,” Trump said.'
  const dropLineCounts = new Map([
    [lineKey(template), 12],
    [lineKey(quotation), 12]
  ])
  const file = await check([headline, lede, template, quotation, closing].join('\n\n'), undefined, {dropLineCounts, dropSize: 40})
  t.deepEqual(findings(file), [['repeated-across-drop', 'other', template]])
})

test('keeps short stock sentences and table rows shared across the drop', async function (t) {
  const lines = ['Terms were not disclosed.', 'Shr 45 cts vs 58 cts', 'MATURITY   NEW RATE  OLD RATE']
  const dropLineCounts = new Map(lines.map((line) => [lineKey(line), 60]))
  const file = await check([headline, lede, ...lines, closing].join('\n\n'), undefined, {dropLineCounts, dropSize: 400})
  t.deepEqual(findings(file), [])
})

test('keeps lines a syndicated copy shares with the other copies', async function (t) {
  const template = 'Our journalists bring you the stories that matter every day'
  const dropLineCounts = new Map([
    [lineKey(lede), 4],
    [lineKey(closing), 4],
    [lineKey(template), 4]
  ])
  const file = await check([lede, template, closing].join('\n\n'), undefined, {dropLineCounts, dropSize: 40})
  t.deepEqual(findings(file), [])
})

test('removes a reporter’s name above their role line', async function (t) {
  const file = await check([headline, 'Anthony Zurcher\nNorth America correspondent', lede, closing].join('\n\n'))
  t.deepEqual(findings(file), [
    ['byline-name', 'byline', 'Anthony Zurcher'],
    ['byline-role', 'byline', 'North America correspondent']
  ])
  t.deepEqual(file.data.articleMetadata?.byline, {value: 'Anthony Zurcher', source: 'byline-line'})
})

test('removes the list under a closing `Tags` label', async function (t) {
  const file = await check([lede, closing, 'Tags', 'Armenia', 'Azerbaijan'].join('\n\n'))
  t.deepEqual(findings(file), [
    ['tags-label', 'tags', 'Tags'],
    ['label-list', 'tags', 'Armenia'],
    ['label-list', 'tags', 'Azerbaijan']
  ])
})

test('turns a lone agency on the last line into a sign-off', async function (t) {
  const file = await check('SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone.\n\nReuter')
  t.deepEqual(findings(file), [['sign-off', 'byline', 'Reuter']])
  t.deepEqual(file.data.articleMetadata?.agency, {value: 'Reuters', source: 'sign-off'})
})

test('records metadata from the lines it removes', async function (t) {
  const file = await check(
    [lede, closing, '- Story By Agence France-Presse (AFP)', '- Compiled & Edited by ET Desk', '- Mail us at editor (at) eurasiantimes.com', '© 2025 EurAsian Times'].join('\n\n')
  )
  t.deepEqual(file.data.articleMetadata, {
    agency: {value: 'Agence France-Presse (AFP)', source: 'signature-line'},
    byline: {value: 'ET Desk', source: 'signature-line'},
    copyrightYear: {value: 2025, source: 'copyright-line'},
    outlet: {value: 'EurAsian Times', source: 'copyright-line'}
  })
})

test('reads the agency of a Canadian Press trailer and the outlet of a copyright line', async function (t) {
  const file = await check(
    [lede, closing, 'This report by The Canadian Press was first published Aug. 8, 2025.', '© 2025 Global News, a division of Corus Entertainment Inc.'].join('\n\n')
  )
  t.like(file.data.articleMetadata, {
    agency: {value: 'The Canadian Press', source: 'signature-line'},
    outlet: {value: 'Global News', source: 'copyright-line'}
  })
})

test('names an outlet from its contact domain', async function (t) {
  const file = await check([lede, closing, 'Mail us at editor (at) eurasiantimes.com'].join('\n\n'))
  t.deepEqual(file.data.articleMetadata?.outlet, {value: 'Eurasian Times', source: 'contact-domain'})
})

test('takes the headline as title, after one summary line and not after the lede', async function (t) {
  const summary = await check(lede + '\nAzerbaijan and Armenia Forge Historic Peace Agreement\n\n' + closing)
  t.deepEqual(summary.data.articleMetadata?.title, {value: 'Azerbaijan and Armenia Forge Historic Peace Agreement', source: 'headline'})
  const none = await check(lede + '\n' + closing + '\nBreaking a 35-Year Stalemate\n\n' + lede)
  t.is(none.data.articleMetadata?.title, undefined)
})

test('lets manifest values win and warns when the text disagrees', async function (t) {
  const file = await check(['Peace at last', lede, closing, '© 2025 The Canadian Press'].join('\n\n'), undefined, {
    metadata: {title: 'Manifest title', agency: 'The Associated Press'}
  })
  t.deepEqual(file.data.articleMetadata, {
    title: {value: 'Manifest title', source: 'manifest'},
    agency: {value: 'The Associated Press', source: 'manifest'},
    copyrightYear: {value: 2025, source: 'copyright-line'}
  })
  t.deepEqual(file.messages.map(String), [
    'example.txt:1:1: Unexpected agency `The Canadian Press` in the text, expected the manifest `The Associated Press`'
  ])
  t.like(file.messages[0], {ruleId: 'metadata-conflict', source: 'boilerplate', actual: 'The Canadian Press', expected: ['The Associated Press']})
})

test('honours `repeatedLines`', async function (t) {
  const value = [headline, lede, 'Staff Photographer', closing, 'Staff Photographer', lede].join('\n\n')
  t.deepEqual(findings(await check(value)), [])
  t.is(findings(await check(value, {repeatedLines: 2})).length, 2)
})

test('honours `repeatedDocuments`', async function (t) {
  const template = 'Our journalists bring you the stories that matter every day'
  const data = {dropLineCounts: new Map([[lineKey(template), 2]]), dropSize: 10}
  t.deepEqual(findings(await check([headline, lede, template, closing].join('\n\n'), undefined, data)), [])
  t.is(findings(await check([headline, lede, template, closing].join('\n\n'), {repeatedDocuments: 2}, data)).length, 1)
})

test('honours `similarity`', async function (t) {
  const spun = 'For stories affecting Canada, enroll for news alerts.'
  t.deepEqual(findings(await check([lede, spun, closing].join('\n\n'))), [])
  t.deepEqual(findings(await check([lede, spun, closing].join('\n\n'), {similarity: 0.5})), [['newsletter-template', 'newsletter', spun]])
})

test('rejects bad options', function (t) {
  t.throws(() => unified().use(boilerplate, {repeatedDocuments: 1}).freeze(), {
    instanceOf: TypeError,
    message: 'Expected `repeatedDocuments` to be an integer >= 2, got `1`'
  })
  t.throws(() => unified().use(boilerplate, {repeatedLines: 2.5}).freeze(), {
    instanceOf: TypeError,
    message: 'Expected `repeatedLines` to be an integer >= 2, got `2.5`'
  })
  t.throws(() => unified().use(boilerplate, {similarity: 0}).freeze(), {
    instanceOf: TypeError,
    message: 'Expected `similarity` to be a number above 0 and at most 1, got `0`'
  })
})

test('removes exactly the gold boilerplate lines of the sample drop', async function (t) {
  const folder = path.join(shared, 'samples')
  for (const name of (await readdir(folder)).filter((item) => item.endsWith('.txt')).sort()) {
    const file = await check(await readFile(path.join(folder, name), 'utf8'))
    const gold = JSON.parse(await readFile(path.join(shared, 'gold/seeds', name.replace('.txt', '.gold.json')), 'utf8')) as {
      boilerplate_lines: Array<{line: number}>
    }
    t.deepEqual(
      (file.data.boilerplate ?? []).map((finding) => finding.line),
      gold.boilerplate_lines.map((item) => item.line),
      name
    )
  }
})
