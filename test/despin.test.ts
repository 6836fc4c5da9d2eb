import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import test from 'ava'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {readMeantime, readWikigold} from '../bench/clean-english.js'
import {sharedFolder} from '../bench/corpus.js'
import {despin, type Options} from '../stages/despin.js'
import {sentences} from '../stages/sentences.js'
import {clean, runStages} from './helpers.js'

/** A paragraph dense with spinner artifacts, so that the document counts as spun. */
const spunLead = 'Tens of hundreds came this 12 months, now they’re friends they usually’re staying.'
const spunLeadFixed = 'Tens of thousands came this year, now they’re friends and they’re staying.'

/**
 * Run the clean phase, `sentences` and `despin` on a text.
 *
 * @param value
 *   Text.
 * @param options
 *   Options of `despin`.
 * @returns
 *   Processed document.
 */
async function check(value: string, options?: Options): Promise<VFile> {
  return runStages(await clean(value), [[sentences], [despin, options]])
}

/**
 * Repair a paragraph inside a spun document and return the repaired paragraph.
 *
 * @param value
 *   Paragraph.
 * @returns
 *   The paragraph after `despin`.
 */
async function repairSpun(value: string): Promise<string> {
  const file = await check(spunLead + '\n\n' + value)
  const [lead, paragraph] = String(file.value).split('\n\n')
  if (lead !== spunLeadFixed || file.data.spin?.spun !== true) throw new Error('Expected the lead to make the document spun')
  return paragraph as string
}

/**
 * Despin edits of a processed document.
 *
 * @param file
 *   Document.
 * @returns
 *   Edits of the `despin` stage.
 */
function despinEdits(file: VFile) {
  return (file.data.edits ?? []).filter((edit) => edit.stage === 'despin')
}

const repairsEverywhere = test.macro({
  async exec(t, value: string, expected: string) {
    t.is(String((await check(value)).value), expected)
  },
  title: (title = '', value: string) => title + ' `' + value + '`'
})

const repairsWhenSpun = test.macro({
  async exec(t, value: string, expected: string) {
    t.is(await repairSpun(value), expected)
  },
  title: (title = '', value: string) => title + ' `' + value + '`'
})

// Class A: repaired in every document.
const classA: Array<[string, string]> = [
  ['Now they’re friends they usually’re going to stay.', 'Now they’re friends and they’re going to stay.'],
  ["They usually've left.", "And they've left."],
  ['We came and they usually’re here.', 'We came and they’re here.'],
  ['The Armenians suggested or not it’s named after him.', 'The Armenians suggested it be named after him.'],
  ['They asked that or not it’s delayed.', 'They asked that it be delayed.'],
  ['The group was founded in the Nineteen Nineties.', 'The group was founded in the 1990s.'],
  ['The group isn’t any longer relevant.', 'The group is no longer relevant.'],
  ["They weren't any longer welcome.", 'They were no longer welcome.'],
  ['Tens of hundreds of people fled.', 'Tens of thousands of people fled.'],
  ['At the least nine developers applied.', 'At least nine developers applied.'],
  ['Azerbaijan also has develop into defiant.', 'Azerbaijan also has become defiant.'],
  ['They move out and in of the country.', 'They move in and out of the country.'],
  ['It cost lots of of dollars.', 'It cost hundreds of dollars.']
]
for (const [value, expected] of classA) test('repairs class A', repairsEverywhere, value, expected)

// Class B: repaired in a spun document, in the stated context.
const classB: Array<[string, string]> = [
  ['It benefits each countries.', 'It benefits both countries.'],
  ['Armenia and Azerbaijan, each former Soviet republics, agreed.', 'Armenia and Azerbaijan, both former Soviet republics, agreed.'],
  ['Each Armenia and Azerbaijan will sign.', 'Both Armenia and Azerbaijan will sign.'],
  ['Deals were brokered earlier this 12 months.', 'Deals were brokered earlier this year.'],
  ['It happened a 12 months ago.', 'It happened a year ago.'],
  ['It was the 12 months’s best film.', 'It was the year’s best film.'],
  ['They fought for nearly 4 many years.', 'They fought for nearly four decades.'],
  ['Many died over the many years.', 'Many died over the decades.'],
  ['He made no secret of his want to win.', 'He made no secret of his desire to win.'],
  ['It is the first deal because the end of the Cold War, officials said.', 'It is the first deal since the end of the Cold War, officials said.'],
  ['It will be the primary signed by both.', 'It will be the first signed by both.'],
  ['Armenia wants to switch westward.', 'Armenia wants to turn westward.'],
  ['The motive force of the car was hurt.', 'The driver of the car was hurt.'],
  ['He was launched from hospital on Monday.', 'He was released from hospital on Monday.'],
  ['The SUV hit a constructing.', 'The SUV hit a building.'],
  ['It will develop into increasingly tense.', 'It will become increasingly tense.'],
  ['The 2 countries signed.', 'The two countries signed.'],
  ['Armenia resisted control by a 3rd party.', 'Armenia resisted control by a third party.'],
  ['Nine applied, based on the senior administration official, who spoke.', 'Nine applied, according to the senior administration official, who spoke.'],
  ['Talks stalled, based on U.S. officials.', 'Talks stalled, according to U.S. officials.'],
  ['Moscow expanded its clout within the strategic South Caucasus region.', 'Moscow expanded its clout in the strategic South Caucasus region.'],
  ['Trump convened a summit on the White House on Friday.', 'Trump convened a summit at the White House on Friday.'],
  ['“It’s an extended time,” he said.', '“It’s a long time,” he said.'],
  ['She praised the brand new corridor.', 'She praised the new corridor.'],
  ['It was populated in the course of the Soviet era.', 'It was populated during the Soviet era.'],
  ['However the prospect of ties helped.', 'But the prospect of ties helped.'],
  ['He commenced to debate a reset.', 'He began to discuss a reset.'],
  ['It wants ties, in addition to having the ability to move.', 'It wants ties, as well as being able to move.'],
  ['Armenia did not trust Azerbaijan to regulate the corridor.', 'Armenia did not trust Azerbaijan to control the corridor.'],
  ['Clashes left thousands of individuals dead.', 'Clashes left thousands of people dead.'],
  ['“We are safe,” the RCMP stated.', '“We are safe,” the RCMP said.'],
  ['Police were called to a home dispute.', 'Police were called to a domestic dispute.'],
  ['He was taken to hospital with serious accidents.', 'He was taken to hospital with serious injuries.'],
  ['It took practically per week.', 'It took practically a week.'],
  ['The letter will likely be signed.', 'The letter will be signed.'],
  ['The route, which is able to eventually include a rail line, opens.', 'The route, which will eventually include a rail line, opens.'],
  ['Among the many documents that will be signed is a letter.', 'Among the documents that will be signed is a letter.'],
  ['The demand had held up talks up to now.', 'The demand had held up talks until now.'],
  ['Prices are higher than up to now.', 'Prices are higher than in the past.'],
  ['The summit is supposed to assist end the conflict.', 'The summit is supposed to help end the conflict.'],
  ['They thought at the least some would come.', 'They thought at least some would come.'],
  ['Police acquired experiences of a crash.', 'Police received reports of a crash.'],
  ['Police acquired calls about a fire.', 'Police received calls about a fire.'],
  ['He is expected to make a full restoration.', 'He is expected to make a full recovery.'],
  ['Two cars were concerned in a crash.', 'Two cars were involved in a crash.'],
  ['CTV has reached out for remark.', 'CTV has reached out for comment.'],
  ['The rules take impact subsequent 12 months.', 'The rules take effect next year.'],
  ['The phones can be found on Friday.', 'The phones are available on Friday.'],
  ['Apple did extra to fix it.', 'Apple did more to fix it.'],
  ['Buy it now, in any other case wait.', 'Buy it now, otherwise wait.'],
  ['We plan to assessment the phone.', 'We plan to review the phone.'],
  ['The suspect fled, police mentioned.', 'The suspect fled, police said.'],
  ['A witness instructed CTV News that he ran.', 'A witness told CTV News that he ran.'],
  ['The mayor instructed reporters on Friday.', 'The mayor told reporters on Friday.']
]
for (const [value, expected] of classB) test('repairs class B when spun', repairsWhenSpun, value, expected)

// Edited English that looks like an artifact: kept even in a spun document.
const good: string[] = [
  'They usually go home early.',
  'I wonder whether or not it’s true.',
  'The line isn’t any longer than the other.',
  'It came at the least expected moment.',
  'He was a star of the nineteen nineties.',
  'They have developed into a team.',
  'They love each other dearly.',
  'Each says he will win.',
  'They meet each Monday and Friday.',
  'Each Armenian and Azerbaijani soldier returned.',
  'Each news outlet ran the story.',
  'Sales rose over the past 12 months.',
  'Sales will rise over the next 12 months.',
  'They keep a 12 months’ supply.',
  'How many years did it take?',
  'The film is based on a novel.',
  'The ranking, based on data from the census, changed.',
  'He left because the end of the war changed everything.',
  'The primary held in March was close.',
  'That is the primary reason.',
  'The deal will be signed within the next few days.',
  'Critics from within the party objected.',
  'Protesters marched on the White House lawn.',
  'They put pressure on the White House to act.',
  'She bought a brand new car.',
  'In the course of the investigation, police found a gun.',
  'However, the talks failed.',
  '“As I stated, we are safe,” he said.',
  'The 2 goals came late.',
  'The iPhone 4 sold well.',
  'He is 2 years old.',
  'Only 2 or 3 people came.',
  'They live on 3rd Street.',
  'It opened on May 3rd.',
  'The motive force of history is conflict.',
  'Serious accidents happen on this road.',
  'Up to now, nobody has come.',
  'The agency said it has the ability to act.',
  'In addition to having a job, he studies.',
  'The Brand New Heavies played.',
  'The motive force behind the reforms was fear.',
  'It needs a full restoration of the roof.',
  'He was concerned in the matter.',
  'The keys can be found on the table.',
  'It costs extra to park.',
  'As in any other case, the court ruled.',
  'Police instructed reporters to leave.',
  'He mentioned the plan to reporters.',
  'The rains developed into heavy downpours.',
  'He quoted an expert who stated, “Great firms rarely fail.”'
]
for (const value of good) {
  test('keeps edited English in a spun document `' + value + '`', async function (t) {
    t.is(await repairSpun(value), value)
  })
}

for (const value of ['It benefits each countries.', 'The 2 countries signed, based on officials, within the region.']) {
  test('leaves class B wording alone in an unspun document `' + value + '`', async function (t) {
    const file = await check(value)
    t.is(String(file.value), value)
    t.like(file.data.spin, {spun: false})
  })
}

test('records every repair as an audited edit with its rule and raw place', async function (t) {
  const file = await check('Hello.\n\nNow they usually’re friends.')
  t.deepEqual(despinEdits(file), [
    {stage: 'despin', rule: 'a-they-usually-re', action: 'replace', rawStart: 12, before: 'they usually', after: 'and they'}
  ])
})

test('makes every repair of a long document once, in text order, skipping overlapping matches', async function (t) {
  // `and they usually're` matches two rules over the same words: one edit only.
  const paragraph = 'The group isn’t any longer relevant, and they usually’re here.'
  const file = await check(Array.from({length: 1500}, () => paragraph).join('\n\n'))
  t.is(String(file.value), Array.from({length: 1500}, () => 'The group is no longer relevant, and they’re here.').join('\n\n'))
  const edits = despinEdits(file)
  t.is(edits.length, 3000)
  t.true(edits.every((edit, index) => index === 0 || edit.rawStart > (edits[index - 1]?.rawStart ?? 0)))
})

test('records the spin report of a spun document', async function (t) {
  const file = await check(spunLead + ' The 2 countries signed.')
  t.deepEqual(file.data.spin, {
    score: 0.985,
    spun: true,
    evidence: [
      {rule: 'a-tens-of-thousands', count: 1},
      {rule: 'a-they-usually-re', count: 1},
      {rule: 'b-this-year', count: 1},
      {rule: 'b-two-plural', count: 1}
    ],
    per1000Words: 191.18
  })
  t.deepEqual(file.messages.map(String), [
    'example.txt:1:1: Unexpected spun text (191.18 artifacts per 1,000 words), expected edited prose'
  ])
})

test('counts a document-level signal once', async function (t) {
  const file = await check('The U.S. and the US met. The US left. The US came back.')
  t.deepEqual(file.data.spin, {score: 0.108, spun: false, evidence: [{rule: 'c-mixed-us', count: 3}], per1000Words: 19.23})
})

test('records a zero spin report for clean text', async function (t) {
  const file = await check('The two countries signed the deal this year.')
  t.deepEqual(file.data.spin, {score: 0, spun: false, evidence: [], per1000Words: 0})
  t.deepEqual(file.messages, [])
})

test('flags a spun outlet name without changing it', async function (t) {
  const file = await check('Police told CTV Information the man was arrested.')
  t.is(String(file.value), 'Police told CTV Information the man was arrested.')
  t.deepEqual(file.messages.map(String), [
    'example.txt:1:13-1:28: Unexpected outlet name `CTV Information`, expected `CTV News`'
  ])
  t.like(file.messages[0], {ruleId: 'spun-outlet-name', source: 'despin', actual: 'CTV Information', expected: ['CTV News']})
})

test('flags street names in a spun document', async function (t) {
  const file = await check(spunLead + '\n\nThe SUV crashed on Boundary Street.')
  t.deepEqual(file.messages.map(String), [
    'example.txt:1:1: Unexpected spun text (157.89 artifacts per 1,000 words), expected edited prose',
    'example.txt:3:20-3:35: Unexpected street name `Boundary Street` in spun text, its street type may be spun'
  ])
  t.like(file.messages[1], {ruleId: 'spun-street-name', source: 'despin'})
})

test('never changes a proper name', async function (t) {
  t.is(await repairSpun('They played Within The Law and Each Other Blues.'), 'They played Within The Law and Each Other Blues.')
})

test('returns the tree of the repaired text', async function (t) {
  const file = await clean('Tens of hundreds came.')
  const tree = await unified().use(sentences).use(despin).run({type: 'RootNode', children: []}, file)
  t.is(tree.position?.end.offset, 'Tens of thousands came.'.length)
})

test('`threshold` sets the density from which a document counts as spun', async function (t) {
  const file = await check(spunLead + '\n\nThe 2 countries signed.', {threshold: 1000})
  t.like(file.data.spin, {spun: false, score: 0.16})
  t.is(String(file.value), spunLeadFixed.replace('this year', 'this 12 months') + '\n\nThe 2 countries signed.')
})

test('`minimumEvidence` sets the evidence a short document needs', async function (t) {
  t.like((await check('It benefits each countries.')).data.spin, {spun: false})
  t.like((await check('It benefits each countries.', {minimumEvidence: 1})).data.spin, {spun: true})
})

test('rejects a bad `threshold`', function (t) {
  t.throws(() => unified().use(despin, {threshold: 0}).freeze(), {
    instanceOf: TypeError,
    message: 'Expected `threshold` to be a finite number > 0, got `0`'
  })
})

test('rejects a bad `minimumEvidence`', function (t) {
  t.throws(() => unified().use(despin, {minimumEvidence: -1}).freeze(), {
    instanceOf: TypeError,
    message: 'Expected `minimumEvidence` to be a finite number >= 0, got `-1`'
  })
})

test('makes no edit on the four unspun samples', async function (t) {
  const folder = path.join(sharedFolder, 'samples')
  const names = (await readdir(folder)).filter((name) => /^00[0134]_.*\.txt$/.test(name)).sort()
  t.is(names.length, 4)
  for (const name of names) {
    const file = await check(await readFile(path.join(folder, name), 'utf8'))
    t.deepEqual(despinEdits(file), [], name)
    t.false(file.data.spin?.spun, name)
  }
})

test('repairs the spun sample 002', async function (t) {
  const folder = path.join(sharedFolder, 'samples')
  const [name] = (await readdir(folder)).filter((name) => name.startsWith('002_'))
  const file = await check(await readFile(path.join(folder, name as string), 'utf8'))
  t.true(file.data.spin?.spun)
  t.true(despinEdits(file).length >= 50)
  for (const phrase of ['advantages both countries', 'tens of thousands of people', 'in the 1990s', 'and they’re going', 'is no longer relevant']) {
    t.true(String(file.value).includes(phrase), phrase)
  }
})

for (const [name, read] of [
  ['WikiGold', readWikigold],
  ['MEANTIME', readMeantime]
] as const) {
  test('makes no edit on any sentence of ' + name, async function (t) {
    const list = await read()
    t.true(list.length > 1000)
    const edited: string[] = []
    for (const sentence of list) {
      const file = await check(sentence)
      for (const edit of despinEdits(file)) edited.push(edit.rule + ': ' + edit.before + ' in ' + sentence)
      if (file.data.spin?.spun) edited.push('spun: ' + sentence)
    }
    t.deepEqual(edited, [])
  })

  test('makes no edit on all of ' + name + ' as one document', async function (t) {
    const file = await check((await read()).join('\n\n'))
    t.deepEqual(despinEdits(file), [])
    t.false(file.data.spin?.spun)
  })
}
