import {readFile} from 'node:fs/promises'
import test from 'ava'
import {sourcePlace} from '../pipeline/record.js'
import {entities} from '../stages/entities.js'
import {documentCasing} from '../stages/entities-tagger.js'
import {splitToken, tokenize} from '../stages/entities-tokens.js'
import {clean, runStages} from './helpers.js'

/**
 * Clean a text, run `entities`, and list the mentions as `text|type|canonical`.
 *
 * @param value
 *   Text.
 * @returns
 *   Mentions in text order.
 */
async function tag(value: string): Promise<string[]> {
  const file = await runStages(await clean(value), [[entities]])
  return (file.data.entities ?? []).map((entity) => entity.text + '|' + entity.type + '|' + entity.canonical)
}

const tags = test.macro(async function (t, value: string, expected: string[]) {
  t.deepEqual(await tag(value), expected)
})

test('exports the stage only', async function (t) {
  t.deepEqual(Object.keys(await import('../stages/entities.js')), ['entities'])
})

// Canonical names.
test('maps a short form of a person to the full form', tags, 'President Donald Trump met reporters. Later, Trump said the deal was done.', [
  'Donald Trump|PERSON|Donald Trump',
  'Trump|PERSON|Donald Trump'
])
test('drops middle initials from a canonical name', tags, 'Donald J. Trump spoke to reporters on Monday.', [
  'Donald J. Trump|PERSON|Donald Trump'
])
test('maps variants through the alias table', tags, 'Officials from the U.S. and the United States of America met officials from the US.', [
  'U.S.|GPE|United States',
  'United States of America|GPE|United States',
  'US|GPE|United States'
])
test('knows the organisations news names often, with their usual forms', tags, 'Shares fell after the Fed raised rates. The SEC and Goldman Sachs declined to comment.', [
  'Fed|ORG|Federal Reserve',
  'SEC|ORG|Securities and Exchange Commission',
  'Goldman Sachs|ORG|Goldman Sachs'
])
test('maps plural demonyms to the adjective', tags, 'Armenians and Azerbaijanis celebrated in the streets.', [
  'Armenians|NORP|Armenian',
  'Azerbaijanis|NORP|Azerbaijani'
])
test('maps an acronym to the organisation', tags, 'The OSCE sent observers to the region.', [
  'OSCE|ORG|Organization for Security and Co-operation in Europe'
])
test('takes the accented spelling of a name in the document', tags, 'President António Costa welcomed the deal. Antonio Costa said it was historic.', [
  'António Costa|PERSON|António Costa',
  'Antonio Costa|PERSON|António Costa'
])

// Span rules.
test('leaves out titles', tags, 'Prime Minister Nikol Pashinyan arrived in Washington.', [
  'Nikol Pashinyan|PERSON|Nikol Pashinyan',
  'Washington|GPE|Washington, D.C.'
])
test('leaves out a possessive', tags, 'Russia’s influence has waned.', ['Russia|GPE|Russia'])
test('tags names inside hyphenated words', tags, 'The U.S.-brokered deal ended the Armenia-Azerbaijan conflict in the ex-Soviet region.', [
  'U.S.|GPE|United States',
  'Armenia|GPE|Armenia',
  'Azerbaijan|GPE|Azerbaijan',
  'Soviet|NORP|Soviet'
])
test('tells the White House building from the White House acting', tags, 'Leaders met at the White House on Friday. The White House said the talks went well.', [
  'White House|FAC|White House',
  'White House|ORG|White House'
])
test('keeps a name with `of` whole', tags, 'Both sides pledged to respect the Charter of the United Nations.', [
  'Charter of the United Nations|WORK_OF_LAW|Charter of the United Nations'
])
test('starts no name with a number, however the tagger ran a span on', async function (t) {
  // The tagger reads this line of the sample as one MISC span from `Charter`
  // to `Declaration`; cut at `and the`, the second part opened with `1991`.
  const text = await readFile(new URL('../../input/004_f45bfc0a37f2af91.txt', import.meta.url), 'utf8')
  const mentions = await tag(text)
  t.true(mentions.includes('Almaty Declaration|WORK_OF_LAW|Almaty Declaration'))
  t.deepEqual(mentions.filter((mention) => /^\d/.test(mention)), [])
})
test('tags no common abbreviation in capitals as an organisation', tags, 'The CEO said GDP growth slowed and VAT receipts fell; trading ends at 1600 GMT, the BBC said.', [
  'BBC|ORG|BBC'
])
test('takes a one-word name a document never gives with a given name or title as an organisation', tags, 'Blinkx said on Tuesday it had raised new money. Blinkx launched its search tool last year, and Blinkx now has 50 staff.', [
  'Blinkx|ORG|Blinkx',
  'Blinkx|ORG|Blinkx',
  'Blinkx|ORG|Blinkx'
])
test('keeps a surname of a person the document names in full a person', tags, 'Maria Lopez won the race. Lopez said she was tired. Lopez will rest now.', [
  'Maria Lopez|PERSON|Maria Lopez',
  'Lopez|PERSON|Maria Lopez',
  'Lopez|PERSON|Maria Lopez'
])
test('reads a sentence of short lower-case words as a sentence, not a title-case heading', tags, 'War report\n\nThe war was led by General David Petraeus, who met Gen. Mark Milley on Monday in Kabul.', [
  'David Petraeus|PERSON|David Petraeus',
  'Mark Milley|PERSON|Mark Milley',
  'Kabul|GPE|Kabul'
])
test('takes a name ending in an organisation word as an organisation, and a known name after a title word whole', tags, 'General Motors cut jobs. Shares of General Motors fell, and AirTran Airways said it would expand.', [
  'General Motors|ORG|General Motors',
  'General Motors|ORG|General Motors',
  'AirTran Airways|ORG|AirTran Airways'
])
test('runs a person on through `von` or `bin`, not through `on`', async function (t) {
  // The tagger reads `Mart on Monday` as one person.
  const mentions = await tag('Music sales\n\nApple signed a deal with Wal-Mart on Monday. Ursula von der Leyen met Osama bin Laden’s son.')
  t.deepEqual(mentions.filter((mention) => / on /.test(mention)), [])
  t.true(mentions.includes('Ursula von der Leyen|PERSON|Ursula von der Leyen'))
})
test('takes a name before an organisation word, and a word of an organisation named alone, as the organisation', tags, 'Car sales\n\nFord Motor Co said sales fell. Ford shares dropped 3 percent, and RJ Reynolds Tobacco Co said Reynolds would appeal.', [
  'Ford Motor Co|ORG|Ford Motor Co',
  'Ford|ORG|Ford',
  'RJ Reynolds Tobacco Co|ORG|RJ Reynolds Tobacco Co',
  'Reynolds|ORG|Reynolds'
])
test('takes a person the document lists with an organisation, or names after a company noun, as the organisation', async function (t) {
  const mentions = await tag(
    'Tanker deal\n\nThe contract was fought for between Boeing and Lockheed Martin, Lockheed winning in the end. General Motors and Chrysler cut jobs, and the automaker Ford said sales fell. Ford shares dropped.'
  )
  t.deepEqual(
    mentions.filter((mention) => /^(Lockheed|Chrysler|Ford)/.test(mention)).map((mention) => mention.split('|').slice(0, 2).join('|')),
    ['Lockheed Martin|ORG', 'Lockheed|ORG', 'Chrysler|ORG', 'Ford|ORG', 'Ford|ORG']
  )
})
test('keeps a person listed with an organisation when the name is a given name and a surname', async function (t) {
  const mentions = await tag('Steve Jobs and Apple were sued on Monday.')
  t.true(mentions.includes('Steve Jobs|PERSON|Steve Jobs'))
})
test('takes a town before a player’s or coach’s role as the club, not a nation', async function (t) {
  const mentions = await tag('Surrey captain Chris Lewis took four wickets. England captain Mike Atherton watched. Newcastle teammate Les Ferdinand scored.')
  t.true(mentions.includes('Surrey|ORG|Surrey'))
  t.true(mentions.includes('England|GPE|England'))
  t.true(mentions.includes('Newcastle|ORG|Newcastle'))
})
test('keeps a surname of a person named in full a person where a town has that name', async function (t) {
  const mentions = await tag('Tennis\n\nLindsay Davenport beat Serena Williams in Sydney. Davenport said she was pleased, and Davenport will play again.')
  t.deepEqual(
    mentions.filter((mention) => mention.startsWith('Davenport')),
    ['Davenport|PERSON|Lindsay Davenport', 'Davenport|PERSON|Lindsay Davenport']
  )
})
test('opens an organisation with a number word, not a group of people', async function (t) {
  const mentions = await tag('The Six Nations starts next week, and Two Americans watched from the stands.')
  t.true(mentions.includes('Six Nations|ORG|Six Nations'), mentions.join())
  t.true(mentions.includes('Americans|NORP|American'), mentions.join())
})
test('maps the short forms of a party to its name', tags, 'Lib Dem leader Charles Kennedy said the Lib Dems would gain seats.', [
  'Lib Dem|ORG|Liberal Democrats',
  'Charles Kennedy|PERSON|Charles Kennedy',
  'Lib Dems|ORG|Liberal Democrats'
])
test('tags no labels of a results table and no lone letter', tags, 'First quarter\n\nShr 12 cts vs 10 cts\nRevs 12.3 mln vs 10.1 mln\n\nPlan A was dropped.', [])
test('adds a company the tagger missed by its legal form, without a word opening the sentence', async function (t) {
  const mentions = await tag('Markets\n\nYesterday Acme Widgets Inc. rose, and Smith & Co gained. Volkswagen AG fell.')
  t.true(mentions.includes('Acme Widgets Inc.|ORG|Acme Widgets Inc.'), mentions.join())
  t.true(mentions.includes('Smith & Co|ORG|Smith & Co'), mentions.join())
})
test('maps a party’s nicknames to its name, and takes an organisation’s head word alone as the organisation', tags, 'Rates\n\nThe Bank said rates would rise, and Tory leader Michael Howard said the Tories agreed.', [
  'Bank|ORG|Bank',
  'Tory|ORG|Conservative Party',
  'Michael Howard|PERSON|Michael Howard',
  'Tories|ORG|Conservative Party'
])
test('takes a town that plays in a match report as the club, everywhere in the document', async function (t) {
  const mentions = await tag(
    'Chelsea go top\n\nChelsea beat Arsenal 2-1 on Sunday to go top of the league. The striker scored twice, and the goal settled the match. Arsenal lost for the first time this season. Fans came from London.'
  )
  t.deepEqual(mentions.filter((mention) => /^(Chelsea|Arsenal|London)\|/.test(mention)).map((mention) => mention.split('|').slice(0, 2).join('|')), [
    'Chelsea|ORG',
    'Chelsea|ORG',
    'Arsenal|ORG',
    'Arsenal|ORG',
    'London|GPE'
  ])
})
test('keeps a town a place outside match reports', async function (t) {
  const mentions = await tag('Housing\n\nPrices in Chelsea rose. Liverpool beat expectations on jobs, the city said.')
  t.deepEqual(mentions, ['Chelsea|GPE|Chelsea', 'Liverpool|GPE|Liverpool'])
})
test('takes a town before its score in a results line as the club, not one before a price', tags, 'SOCCER - KOREAN LEAGUE RESULTS\n\nSEOUL 1996-08-30\n\nResults of South Korean league matches on Friday:\n\nPohang 3 Ulsan 2 (halftime 1-0)\n\nBucheon 1 Anyang 1\n\nWHEAT HRW HRS\n\nChicago 3.04 2.98\n\nDenver 2.62 2.63', [
  'SEOUL|GPE|Seoul',
  'South Korean|NORP|South Korean',
  'Pohang|ORG|Pohang',
  'Ulsan|ORG|Ulsan',
  'Bucheon|ORG|Bucheon',
  'Anyang|ORG|Anyang',
  'Chicago|GPE|Chicago',
  'Denver|GPE|Denver'
])
test('takes the towns of a table of standings and the visitors of a fixture as clubs, not the dateline, the home town or a ground', async function (t) {
  const standings = await tag(
    'BASEBALL - MAJOR LEAGUE STANDINGS\n\nNEW YORK 1996-08-30\n\nMajor League Baseball standings after games played on Thursday:\n\nW L PCT GB\n\nNEW YORK 74 61 .548 -\n\nBOSTON 69 65 .515 5\n\nTORONTO 63 72 .467 11\n\nFRIDAY \'S SCHEDULE\n\nCHICAGO AT TORONTO\n\nThe season ends with the playoffs in October.'
  )
  for (const club of ['BOSTON', 'CHICAGO']) t.true(standings.includes(club + '|ORG|' + club), club)
  t.is(standings.filter((mention) => mention.startsWith('TORONTO|ORG')).length, 1)
  t.true(standings.includes('TORONTO|GPE|Toronto'))
  t.deepEqual(
    standings.filter((mention) => mention.startsWith('NEW YORK|')),
    ['NEW YORK|GPE|New York', 'NEW YORK|ORG|NEW YORK']
  )
  const report = await tag('Blackburn beat Cardiff at Ewood Park on Saturday. The striker scored twice in the league match and the goalkeeper saved a penalty.')
  t.true(report.includes('Cardiff|ORG|Cardiff'))
  t.false(report.some((mention) => mention.startsWith('Ewood Park|ORG')))
})
test('takes a name after a club noun, before its player, in a results line or a row of standings as a club in a match report', tags, 'SOCCER - LEAGUE ROUND-UP\n\nChelsea\'s Damien Duff scored a goal as the league leaders won. Lentini was loaned to serie A club Atalanta for the season. The referee gave a penalty.\n\nBridgend 13 Llanelli 9\n\nSt Mirren 3 1 1 1 5 4 4\n\nErnie Els 70 70 70 70', [
  'Chelsea|ORG|Chelsea',
  'Damien Duff|PERSON|Damien Duff',
  'Lentini|PERSON|Lentini',
  'Atalanta|ORG|Atalanta',
  'Bridgend|ORG|Bridgend',
  'Llanelli|ORG|Llanelli',
  'St Mirren|ORG|St Mirren',
  'Ernie Els|PERSON|Ernie Els'
])
test('adds the untagged clubs of results lines and rows of standings in a match report, not national teams', tags, 'SOCCER - ENGLISH LEAGUE RESULTS\n\nLONDON 1996-08-31\n\nResults of English league matches on Saturday, with the league standings:\n\nSale 31 Wasps 33\n\nEngland 3 Scotland 1\n\nPort Vale 4 1 2 1 4 4 5\n\nQueen of South 3 2 0 1 5 4 6\n\nKANSAS CITY 61 74 .452 20\n\nThe referee was injured in the first match of the season.', [
  'ENGLISH|NORP|English',
  'LONDON|GPE|London',
  'English|NORP|English',
  'Sale|ORG|Sale',
  'Wasps|ORG|Wasps',
  'England|GPE|England',
  'Scotland|GPE|Scotland',
  'Port Vale|ORG|Port Vale',
  'Queen of South|ORG|Queen of South',
  'KANSAS CITY|ORG|KANSAS CITY'
])
test('takes a name ending in a legal form as a company', tags, 'A Polish group bids for Ruch SA, the chain. Sandoz AG said it agreed.', [
  'Polish|NORP|Polish',
  'Ruch SA|ORG|Ruch SA',
  'Sandoz AG|ORG|Sandoz AG'
])
test('keeps a nation a place in a match report, even where the tagger read it as a team', async function (t) {
  const mentions = await tag(
    'SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN .\n\nLONDON 1996-08-30\n\nThe world s costliest footballer Alan Shearer was named as the new England captain on Friday .\n\n' +
      'Adams and Platt are both injured and will miss England s opening World Cup qualifier against Moldova on Sunday . Shearer scored a goal and a penalty for his club in the league .'
  )
  t.deepEqual(
    mentions.filter((mention) => mention.startsWith('England') || mention.startsWith('ENGLAND')),
    ['ENGLAND|GPE|England', 'England|GPE|England', 'England|GPE|England']
  )
})
test('reads a line of names as names, not as a title-case heading', tags, 'Golf scores\n\nLeading scores after the first round:\n\nNolan Henke, Loren Roberts, Steve Stricker, Brian Claar\n\nThe players teed off on Thursday.', [
  'Nolan Henke|PERSON|Nolan Henke',
  'Loren Roberts|PERSON|Loren Roberts',
  'Steve Stricker|PERSON|Steve Stricker',
  'Brian Claar|PERSON|Brian Claar'
])
test('tags no weekdays or sentence-opening words', tags, 'Many leaders spoke on Friday.', [])
test('ends a name before a weekday after it, not a day’s own name or a person’s', async function (t) {
  t.deepEqual(await tag('In an interview on CNBC Friday, he said trading resumes in New York on Tuesday.'), ['CNBC|ORG|CNBC', 'New York|GPE|New York'])
  const mentions = await tag(
    'Sheffield Wednesday lost on Saturday. The striker scored a goal in the league match, the coach said, and the goalkeeper saved a penalty. England sevens coach Mike Friday said the squad was ready for Black Friday.'
  )
  t.true(mentions.includes('Sheffield Wednesday|ORG|Sheffield Wednesday'))
  t.true(mentions.includes('Mike Friday|PERSON|Mike Friday'))
  t.false(mentions.some((mention) => mention.startsWith('Friday|')))
})
test('splits a title inside a tagged span into the organisation and the person', tags, 'Federal Reserve Governor Lawrence Lindsey said rates could rise. Democratic Senator Kent Conrad disagreed. King Abdullah of Jordan arrived.', [
  'Federal Reserve|ORG|Federal Reserve',
  'Lawrence Lindsey|PERSON|Lawrence Lindsey',
  'Kent Conrad|PERSON|Kent Conrad',
  'Abdullah|PERSON|Abdullah',
  'Jordan|GPE|Jordan'
])
test('keeps the tagger’s person where it runs on past the words after a title', tags, 'Shares rose. Chairman L. Jack Van Fossen said the sale was done. Minister Ghazi al-Gosaibi spoke.', [
  'L. Jack Van Fossen|PERSON|L. Jack Van Fossen',
  'Ghazi al-Gosaibi|PERSON|Ghazi al-Gosaibi'
])
test('takes no known organisation or nationality after a title for a person', async function (t) {
  const mentions = await tag('The lead manager Morgan Stanley International said. The lead manager Swiss Volksbank said.')
  t.false(mentions.some((mention) => mention.includes('|PERSON|')))
})
test('joins a partnership’s `and Co` and a firm’s `& Co` to its name, not a sign inside a word or across a line', async function (t) {
  const mentions = await tag(
    'Shares of Merrill Lynch and Co Inc rose, said an analyst at Edward D. Jones & Co in St. Louis. R&B sales fell, said the makers of Life & Death.\n\nThe offering is led by Goldman, Sachs and Co.\n\nReuter'
  )
  t.true(mentions.includes('Merrill Lynch and Co Inc|ORG|Merrill Lynch and Co Inc'))
  t.true(mentions.includes('Edward D. Jones & Co|ORG|Edward D. Jones & Co'))
  t.true(mentions.includes('Sachs and Co.|ORG|Sachs and Co.'))
  t.false(mentions.some((mention) => mention.startsWith('R&B') || mention.startsWith('Life & Death') || mention.includes('Reuter|ORG')))
})

test('takes `Bill` before a surname as a given name, not a law', tags, 'President Bill Clinton signed the bill. Clinton said it was done.', [
  'Bill Clinton|PERSON|Bill Clinton',
  'Clinton|PERSON|Bill Clinton'
])
test('takes a surname after `Mr` or `Ms` as a person', tags, 'Later Ms Essex met Mr Blair in London.', [
  'Essex|PERSON|Essex',
  'Blair|PERSON|Blair',
  'London|GPE|London'
])
test('keeps a one-word name with an age or `who` after it a person', tags, 'Duran, 45, takes on a Mexican. Duran said he would win. Duran trained hard. Camacho, who lost, trained. Camacho said. Camacho smiled.', [
  'Duran|PERSON|Duran',
  'Mexican|NORP|Mexican',
  'Duran|PERSON|Duran',
  'Duran|PERSON|Duran',
  'Camacho|PERSON|Camacho',
  'Camacho|PERSON|Camacho',
  'Camacho|PERSON|Camacho'
])
test('lets a company the document names often keep its name beside a person of that surname', tags, 'Disney failed to tell investors. Walt Disney founded it. Disney said. Disney also failed. The Disney board met. Disney agreed.', [
  'Disney|ORG|Disney',
  'Walt Disney|PERSON|Walt Disney',
  'Disney|ORG|Disney',
  'Disney|ORG|Disney',
  'Disney|ORG|Disney',
  'Disney|ORG|Disney'
])
test('reads a ranked line of a results list as an entry, not a title-case heading', async function (t) {
  t.true((await tag('Women 400 metres:\n\n2. Margarita Maruseva (Russia) 4:10.87\n\n3. Larry Fine (U.S.) 50.42')).includes('Larry Fine|PERSON|Larry Fine'))
})

// Document consistency.
test('gives a later surname the label of the full name', tags, 'Azerbaijani President Ilham Aliyev arrived first. Aliyev then spoke to reporters.', [
  'Azerbaijani|NORP|Azerbaijani',
  'Ilham Aliyev|PERSON|Ilham Aliyev',
  'Aliyev|PERSON|Ilham Aliyev'
])

test('records how a document writes each word, not counting sentence starts and capitals', function (t) {
  const casing = documentCasing([
    ['SHEARER', 'NAMED', 'CAPTAIN'],
    ['Coach', 'Alan', 'Shearer', 'said', 'gains', 'were', 'made', '.'],
    ['Gains', 'rose', 'as', 'Shearer', 'scored', '.']
  ])
  t.deepEqual(
    ['shearer', 'alan', 'gains', 'coach', 'named'].map((word) => casing.get(word)),
    // `shearer`: capitalised twice inside sentences (2 × 2); `gains`: in lower case (1).
    [4, 2, 1, undefined, undefined]
  )
})

test('records working-text offsets that map to raw lines', async function (t) {
  const file = await runStages(await clean('A headline\n\nTalks in Baku ended.'), [[entities]])
  const [entity] = file.data.entities ?? []
  t.like(entity, {text: 'Baku', type: 'GPE', canonical: 'Baku'})
  t.deepEqual(sourcePlace(file, (entity as {start: number}).start), {line: 3, column: 10})
})

test('records an empty list for a text without names', async function (t) {
  const file = await runStages(await clean('nothing to see here.'), [[entities]])
  t.deepEqual(file.data.entities, [])
})

test('tokenizes abbreviations, possessives and hyphens', function (t) {
  t.deepEqual(
    tokenize('Mr. Trump’s U.S.-led plan.').map((token) => token.text),
    ['Mr.', 'Trump', '’s', 'U.S.', '-', 'led', 'plan', '.']
  )
})

test('splits contractions as the training corpora do', function (t) {
  t.deepEqual(
    tokenize("I'm sure I’ve said Don't. They'll see what we're doing; ISN'T it?").map((token) => token.text),
    ['I', "'m", 'sure', 'I', '’ve', 'said', 'Do', "n't", '.', 'They', "'ll", 'see', 'what', 'we', "'re", 'doing', ';', 'IS', "N'T", 'it', '?']
  )
})

test(
  'tags no contraction of `I` as a name',
  tags,
  [
    'Carter wants to stay in Spain.',
    '',
    'The striker, who joined the club last year, has scored nine goals. "I\'m happy with the way I\'ve settled in," he told reporters. "Scotland is my home. I\'ve got nothing against going back, but I\'m not ready yet."',
    '',
    'Carter said: "I\'ve not really thought about it. I\'m glad people still remember me."'
  ].join('\n'),
  ['Carter|PERSON|Carter', 'Spain|GPE|Spain', 'Scotland|GPE|Scotland', 'Carter|PERSON|Carter']
)

test('splits tokens at white space where `\\s` matches', function (t) {
  const wrong: string[] = []
  for (let code = 0; code < 0x1_00_00; code++) {
    const character = String.fromCharCode(code)
    const parts = tokenize('a' + character + 'b').map((token) => token.text)
    if (/\s/.test(character) !== (parts.join() === 'a,b')) wrong.push(code.toString(16))
  }
  t.deepEqual(wrong, [])
})

test('reads an AP state abbreviation in a dateline as the state', tags, 'SPRINGFIELD, Ill. (AP) — The Springfield council met on Friday.', [
  'SPRINGFIELD|GPE|Springfield',
  'Ill.|GPE|Illinois',
  'AP|ORG|Associated Press',
  'Springfield|GPE|Springfield'
])
test('writes a name seen only in capitals in title case', tags, 'SACRAMENTO, Calif. (AP) — Officials said the fire was out.', [
  'SACRAMENTO|GPE|Sacramento',
  'Calif.|GPE|California',
  'AP|ORG|Associated Press'
])

test('a text that ends in an organisation head word does not fail', async function (t) {
  const names = await tag('Note: Company went public March 31, 1987.\n\nFull name is Deerfield Federal Savings and Loan Association')
  t.true(names.some((name) => name.startsWith('Deerfield Federal Savings')), names.join())
})
test('reads a clitic of a tokenised corpus as one token, as in running text', function (t) {
  t.deepEqual(splitToken("'s"), ["'s"])
  t.deepEqual(splitToken('n’t'), ['n’t'])
  t.deepEqual(splitToken("U.S.-brokered"), ['U.S.', '-', 'brokered'])
  t.deepEqual(
    tokenize("Reading's coach").map((token) => token.text),
    ['Reading', "'s", 'coach']
  )
})
test('takes the names of results lines as clubs over a town or building the tagger read, in a results service', async function (t) {
  const mentions = await tag('SOCCER - ENGLISH LEAGUE RESULTS\n\nResults of matches on Saturday:\n\nHuddersfield 1 Crystal Palace 1\n\nPort Vale 2 Oxford 0\n\nReading 2 Stoke 2\n\nBury 4 Bristol City 0')
  for (const club of ['Crystal Palace', 'Port Vale', 'Oxford', 'Reading', 'Stoke', 'Bury', 'Bristol City']) t.true(mentions.includes(`${club}|ORG|${club}`), club)
  // Two nations' national teams stay places.
  t.true((await tag('World Cup qualifier, group one:\n\nBrazil 2 Argentina 1\n\nChile 0 Peru 0')).includes('Brazil|GPE|Brazil'))
})
test('ends a name before a month after it, not after a given name', async function (t) {
  const mentions = await tag('The Chicago Purchasing Managers August index rose, Theresa May said.')
  t.true(mentions.includes('Chicago Purchasing Managers|ORG|Chicago Purchasing Managers'))
  t.true(mentions.some((mention) => mention.startsWith('Theresa May|')))
})
test('types tournaments and races as events', async function (t) {
  const mentions = await tag('He lost at the Hong Kong Open on Saturday and then at the U.S. Open, before the Berlin Grand Prix.')
  t.true(mentions.includes('Hong Kong Open|EVENT|Hong Kong Open'))
  t.true(mentions.includes('Berlin Grand Prix|EVENT|Berlin Grand Prix'))
  t.true((await tag('Jansher, bidding for an eighth Hong Kong Open title, plays the British Masters champion.')).includes('British Masters|EVENT|British Masters'))
  t.false(mentions.some((mention) => mention.includes('|GPE|')))
})
test('takes a demonym the gazetteers lack, made from a place they know, as a group', tags, 'Voters in Dallas said Kansans and the Southeast Asian buyers met Canadian officials.', [
  'Dallas|GPE|Dallas',
  'Kansans|NORP|Kansan',
  'Southeast Asian|NORP|Southeast Asian',
  'Canadian|NORP|Canadian'
])
test('takes a hyphenated word whole into a name, not a lower-case word or a name of its own after the hyphen', tags, 'Inzamam-ul-Haq c Thorpe b Ata-ur-Rehman 6. President Zine al-Abidine Ben Ali backed the U.S.-brokered Armenia-Azerbaijan talks.', [
  'Inzamam-ul-Haq|PERSON|Inzamam-ul-Haq',
  'Thorpe|PERSON|Thorpe',
  'Ata-ur-Rehman|PERSON|Ata-ur-Rehman',
  'Zine al-Abidine Ben Ali|PERSON|Zine al-Abidine Ben Ali',
  'U.S.|GPE|United States',
  'Armenia|GPE|Armenia',
  'Azerbaijan|GPE|Azerbaijan'
])
test('takes a name with an age or `who` by it for a person, and its surname with it', tags, 'Nolan Henke led as 20-year-old Tiger Woods shot 67.\n\nWoods, who turned pro on Tuesday, said the round was fine.', [
  'Nolan Henke|PERSON|Nolan Henke',
  'Tiger Woods|PERSON|Tiger Woods',
  'Woods|PERSON|Tiger Woods'
])
test('takes papers and news agencies by the press noun beside them, and every later mention with them', async function (t) {
  const mentions = await tag('The Yugoslav news agency Tanjug reported the closure. Tanjug said the airport would reopen. Itar-Tass news agency quoted Lebed. A Tokyo daily and the Chinese newspaper said so, as did the weekly Der Spiegel.')
  for (const name of ['Tanjug', 'Itar-Tass', 'Der Spiegel']) t.is(mentions.filter((mention) => mention.startsWith(name + '|ORG|')).length, name === 'Tanjug' ? 2 : 1, name)
  t.true(mentions.includes('Tokyo|GPE|Tokyo'))
  t.true(mentions.includes('Chinese|NORP|Chinese'))
})
test('takes a paper or news desk that opens with a place for the organisation', async function (t) {
  const mentions = await tag('The Jakarta Post and the Hong Kong Standard reported it. The Iraqi News Agency carried the statement.')
  t.true(mentions.includes('Jakarta Post|ORG|Jakarta Post'))
  t.true(mentions.includes('Hong Kong Standard|ORG|Hong Kong Standard'))
  t.true(mentions.includes('Iraqi News Agency|ORG|Iraqi News Agency'))
})
test('takes towns listed with a club, or scoring, as clubs in a match report, but not a town after `in`', async function (t) {
  const mentions = await tag('CRICKET - ENGLISH COUNTY CHAMPIONSHIP\n\nSurrey captain Adam Hollioake led the way as title rivals Essex, Derbyshire and Surrey closed in on victory. Chris Adams took Derbyshire to 471 in their first innings. Kent reached 108 for three by stumps, a match of many wickets. In Canterbury, the batting was slow and the bowling tight.')
  for (const club of ['Essex', 'Derbyshire', 'Surrey', 'Kent']) t.true(mentions.includes(`${club}|ORG|${club}`), club)
  t.true(mentions.includes('Canterbury|GPE|Canterbury'))
})
test('takes teams by their nickname in a match report', async function (t) {
  const mentions = await tag('BASEBALL - MAJOR LEAGUE RESULTS\n\nAlan Benes pitched six innings as the Cardinals beat the Colorado Rockies 7-4. The San Diego Padres blanked the Expos 6-0 behind the pitcher, their sixth straight victory of the season, and the Americans watched.')
  for (const team of ['Cardinals', 'Colorado Rockies', 'San Diego Padres', 'Expos']) t.true(mentions.includes(`${team}|ORG|${team}`), team)
  t.false(mentions.some((mention) => mention.startsWith('Americans|ORG')))
})
test('splits an organisation the tagger ran on into its place, not a name whose head goes on through `of`', async function (t) {
  const mentions = await tag('The car made by Kia Motor Corp of South Korea arrived. The Bank of England and the Communist Party of China met.')
  t.true(mentions.includes('Kia Motor Corp|ORG|Kia Motor Corp'))
  t.true(mentions.includes('South Korea|GPE|South Korea'))
  t.true(mentions.includes('Bank of England|ORG|Bank of England'))
  t.true(mentions.includes('Communist Party of China|ORG|Communist Party of China'))
})
test('takes a country that is the surname of a person in the document for the person, but not where it is a place', tags, 'Dublin-born director Neil Jordan says the film cost him sleep. Jordan said he shot it in Dublin. He flew to Jordan in May.', [
  'Dublin|GPE|Dublin',
  'Neil Jordan|PERSON|Neil Jordan',
  'Jordan|PERSON|Neil Jordan',
  'Dublin|GPE|Dublin',
  'Jordan|GPE|Jordan'
])
test('knows the names news copy uses for countries the country list names otherwise', async function (t) {
  const mentions = await tag('Officials from Turkey, Türkiye, the Czech Republic and Bosnia met in Swaziland.')
  t.is(mentions.filter((mention) => mention.endsWith('|GPE|Turkey')).length, 2)
  t.true(mentions.includes('Czech Republic|GPE|Czech Republic'))
  t.true(mentions.includes('Bosnia|GPE|Bosnia and Herzegovina'))
  t.true(mentions.includes('Swaziland|GPE|Eswatini'))
})
test('takes a public body whose name opens with its place or people, or with none, for the organisation', async function (t) {
  const mentions = await tag('U.S. Agriculture Department officials said on Friday that the Central Jakarta District Court would hear the case. The Foreign Ministry and the Palestinian Authority declined to comment.')
  t.true(mentions.includes('U.S. Agriculture Department|ORG|U.S. Agriculture Department'))
  t.true(mentions.includes('Central Jakarta District Court|ORG|Central Jakarta District Court'))
  t.true(mentions.includes('Foreign Ministry|ORG|Foreign Ministry'))
  t.true(mentions.includes('Palestinian Authority|ORG|Palestinian Authority'))
})
test('takes a town after a club’s first word, then that word alone, for the club in a match report', async function (t) {
  const mentions = await tag('SOCCER - REAL HELD IN OPENING MATCH\n\nRoberto Carlos scored as Real Madrid drew 1-1 at Deportivo Coruna in the league. Real looked to be in trouble before the equaliser, and the coach praised the defender.')
  t.is(mentions.filter((mention) => mention.endsWith('|ORG|Real Madrid')).length, 3)
  t.true(mentions.includes('Real|ORG|Real Madrid'))
  t.true(mentions.includes('REAL|ORG|Real Madrid'))
  t.false(mentions.some((mention) => mention.startsWith('Madrid|')))
})
test('joins a firm of two names around `&`, and a Korean given name around its hyphen, not an English word', async function (t) {
  const mentions = await tag('Douglas & Lomason shares rose. North Korean leader Kim Jong-un met Li Song-ho, and Obama-led talks resumed.')
  t.true(mentions.includes('Douglas & Lomason|ORG|Douglas & Lomason'))
  t.true(mentions.includes('Kim Jong-un|PERSON|Kim Jong-un'))
  t.true(mentions.some((mention) => mention.startsWith('Li Song-ho|')))
  t.false(mentions.some((mention) => mention.includes('Obama-led')))
})
test('parts names at a dash between spaces and at a line end, and ends none on a minute', async function (t) {
  const mentions = await tag('Lithuania - Danius Gleveckas ( 13th minute ) , Nicolas Ouedec ( 17 - Florian Maurice 64th )\n\nBy Sami Aboudi\nHEBRON , West Bank 1996-08-30')
  t.true(mentions.includes('Lithuania|GPE|Lithuania'))
  t.true(mentions.some((mention) => mention.startsWith('Danius Gleveckas|')))
  t.true(mentions.includes('Florian Maurice|PERSON|Florian Maurice'))
  t.true(mentions.includes('Sami Aboudi|PERSON|Sami Aboudi'))
  t.false(mentions.some((mention) => mention.includes('\n')))
})
test('takes the players of a cricket scorecard for persons wherever they stand', async function (t) {
  const mentions = await tag('CRICKET - SRI LANKA BEAT AUSTRALIA\n\nM. Bevan c Vaas b Chandana 56\n\nDid not bat : Dharmasena , Vaas , Muralitharan .\n\nBowling : Dharmasena 9-0-49-1 , Muralitharan 10-0-41-2')
  for (const player of ['Vaas', 'Chandana', 'Dharmasena', 'Muralitharan']) {
    t.true(mentions.some((mention) => mention.startsWith(player + '|PERSON|')), player)
    t.false(mentions.some((mention) => mention.startsWith(player + '|ORG|')), player)
  }
})
test('takes a known name over a mention inside it, and known names in lines in capitals', async function (t) {
  const mentions = await tag('RUGBY UNION - SOUTH AFRICA BEAT NEW ZEALAND\n\nCAPE TOWN 1996-08-31\n\nThe All Blacks salvaged some pride, while U.S. ships waited in the Gulf.')
  t.true(mentions.includes('All Blacks|ORG|All Blacks'))
  t.true(mentions.includes('CAPE TOWN|GPE|Cape Town'))
  t.true(mentions.includes('Gulf|LOC|Gulf'))
})
test('ends a team before the competition it leads, and takes a club’s town letters into its name', async function (t) {
  const mentions = await tag('BASEBALL - MAJOR LEAGUE RESULTS\n\nThe Orioles remained tied with the White Sox for the American League wild card after the pitcher won.\n\nSOCCER - YUGOSLAV LEAGUE RESULTS\n\nSloboda 4 Mladost ( BJ ) 0\n\nHajduk 2 Proleter ( Z ) 0')
  t.true(mentions.includes('White Sox|ORG|White Sox'))
  t.true(mentions.includes('Mladost ( BJ )|ORG|Mladost ( BJ )'))
  t.true(mentions.includes('Proleter ( Z )|ORG|Proleter ( Z )'))
})
