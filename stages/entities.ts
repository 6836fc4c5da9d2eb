import {readFileSync} from 'node:fs'
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {decoded} from '../pipeline/record.js'
import {
  actingWords,
  aliases,
  bodyHeads,
  clubContextMinimum,
  tableClubMinimum,
  clubNounsBefore,
  clubRoleWords,
  clubVerbsAfter,
  clubWordsBefore,
  clubPrefixes,
  competitionWords,
  companyNouns,
  dayNameWords,
  demonymEndings,
  directionWords,
  demonymNouns,
  eventWords,
  facilityWords,
  hyphenParticles,
  industryWords,
  landformWords,
  lawWords,
  legalForms,
  mastheadWords,
  mediaNouns,
  matchWords,
  monthNames,
  nameSuffixes,
  notNames,
  numberWords,
  openHeads,
  organisationHeads,
  particles,
  partnershipWords,
  personParticles,
  personTitles,
  placePrepositions,
  scorecardMarks,
  titleLowerWords,
  titleWords,
  tournamentWords,
  weekdayNames,
  type EntityType
} from './entities-list.js'
import {createTagger, decodeModel, labelSpans, normaliseWord, type Form, type TagType} from './entities-tagger.js'
import {lineBreakBetween, sentenceRanges, tokenize, type Token} from './entities-tokens.js'

/** A named-entity mention, in working-text UTF-16 offsets. */
export interface Entity {
  readonly start: number
  readonly end: number
  readonly type: EntityType
  /** The mention as written. */
  readonly text: string
  /** Canonical name: the full form within the document, then the alias table. */
  readonly canonical: string
}

declare module 'vfile' {
  interface DataMap {
    /** Named-entity mentions in text order; set by `entities`. */
    entities: Entity[]
  }
}

// The weights ship with the project (`make model` writes them); compiled code
// runs from `dist/stages/`, so the file is two folders up from here.
const model = decodeModel(readFileSync(new URL('../../stages/entities-model.bin', import.meta.url)))
const places = new Set([...model.gazetteer.country, ...model.gazetteer.city, ...model.gazetteer.state])
const regionNames = new Set(model.gazetteer.region)
const countries = new Set(model.gazetteer.country)
/** Nations of the United Kingdom, states in the gazetteer but national teams in sport (`England captain`). */
const nations = new Set(['England', 'Northern Ireland', 'Scotland', 'Wales'])
/** Countries and nations of the UK by {@link nameKey} (`ENGLAND` in a headline). */
const nationKeys = new Set([...countries, ...nations].map((name) => nameKey(name)))
/** Places of the gazetteers by {@link nameKey} (`CHICAGO` in a table in capitals). */
const placeKeys = new Set([...places].map((name) => nameKey(name)))
const demonymAdjectives = demonymMap(model.gazetteer.demonym)
const commonWords = new Set(model.commonWords)
const givenNames = new Set(model.gazetteer.given.map((name) => normaliseWord(name)))
/** Words between the sides of a fixture (`Chelsea v Arsenal`). */
const versus = new Set(['v', 'vs', 'vs.'])
/** Capitalised words after a place that can lead to a masthead word (`New York` `Energy Desk`). */
const mastheadReach = 3
/** Mentions of a one-word name without a given name or title before it is taken as an organisation (see `retypeLoneNames`). */
const loneNameMentions = 2
// One tagger per thread, like the model: its memo of word forms and its
// gazetteer index then serve every processor (and test) of the thread.
const tagger = createTagger(model)
// Patterns matched per token or per mention (module constants: a regular
// expression literal in a function is a new object on every call).
const acronym = /^\p{Lu}{3,6}$/u
const ascii = /^[\u0000-\u007F]*$/
const capitalStart = /^\p{Lu}/u
const capitalisedWord = /^\p{Lu}\p{Ll}/u
const dash = /^[-–]$/
const digitsOnly = /^\d+$/
const initial = /^\p{Lu}\.$/u
const ordinal = /^\d+(?:st|nd|rd|th)$/i
// Overs, maidens, runs and wickets (`10-0-41-2`, `9.4-1-33-3`).
const bowlingFigures = /^\d+(?:\.\d)?-\d+-\d+-\d+$/
const punctuationOnly = /^[\p{P}\p{S}]+$/u
const republicOf = /^Republic of (.+)$/
const shortAcronym = /^\p{Lu}{2,6}$/u
// A character a word token runs on through (see `tokenPattern` in `entities-tokens.ts`).
const wordCharacter = /[\p{L}\p{M}\p{N}]/u
const knownTypes = knownTypeMap()
const knownStarts = nameStarts(knownTypes.keys())

/** A mention while the stage works on it: token range and type. */
interface Mention {
  first: number
  last: number
  type: EntityType
}

/**
 * Tag named entities in the working text with the trained tagger, fix their
 * spans (no titles, leading `the` or possessive `’s`; names inside hyphenated
 * words count), decide the OntoNotes type, make later mentions of a name
 * consistent with the first ("Aliyev" after "Ilham Aliyev"), and give each
 * mention a canonical name.
 */
export const entities: Plugin<[], Root> = function () {
  return function (_, file) {
    const {text} = decoded(file)
    const tokens = tokenize(text)
    const ranges = sentenceRanges(text, tokens)
    const {forms, labels} = tagger(tokens.map((token) => token.text), ranges)
    const headings = new Uint8Array(tokens.length)
    const capitals = new Uint8Array(tokens.length)
    const sentenceStarts = new Uint8Array(tokens.length)
    let mentions: Mention[] = []
    for (const [index, [first, last]] of ranges.entries()) {
      sentenceStarts[first] = 1
      if (titleCase(tokens, forms, first, last)) headings.fill(1, first, last)
      if (!someLowerCase(forms, first, last)) capitals.fill(1, first, last)
      for (const span of labelSpans(labels[index] as Uint8Array)) {
        for (const [start, end] of nameRuns(text, tokens, forms, first + span.start, first + span.end - 1, span.type === 'PER')) {
          const mention = refine(tokens, forms, start, end, span.type, first)
          if (mention) mentions.push(...splitHyphenated(tokens, mention))
        }
      }
    }
    mentions = addTitledPersons(tokens, forms, mentions)
    mentions = joinHyphenated(tokens, forms, joinNames(tokens, forms, extendNames(tokens, forms, mentions)))
    mentions = splitCompetitions(tokens, forms, splitOfPlace(tokens, forms, mentions))
    mentions = dropHeadingGuesses(tokens, forms, mentions, headings)
    mentions = addKnownNames(tokens, forms, mentions, capitals)
    mentions = addCompanies(tokens, forms, mentions, capitals, sentenceStarts)
    mentions = joinCompanyNames(tokens, forms, mentions)
    mentions = addMedia(tokens, forms, mentions)
    mentions = makeConsistent(tokens, forms, retypeAgedNames(tokens, forms, mentions))
    // Names consistency added may open a longer name (`Trump` `Route for …`).
    mentions = joinNames(tokens, forms, extendNames(tokens, forms, mentions))
    mentions = retypeCompanies(tokens, forms, mentions)
    mentions = addTournaments(tokens, forms, mentions)
    mentions = retypeLoneNames(forms, mentions)
    const tableClubs = findTableClubs(text, tokens, forms)
    const matchReport = isMatchReport(forms, tableClubs.length)
    if (matchReport) mentions = addTeamNames(tokens, forms, placeClubs(tokens, mentions, tableClubs))
    mentions = retypeScorecardNames(tokens, retypeClubs(tokens, forms, mentions, matchReport))
    if (matchReport) mentions = takeTownLetters(tokens, forms, addClubShortNames(tokens, forms, mentions))
    file.data.entities = canonicalise(file, tokens, mentions)
  }
}

/**
 * Cut a tagged span at lower-case words that are not name particles, at a
 * dash between spaces and at a line end: a greedy tagger sometimes runs on
 * (`Strategic Working Group to prepare a Charter`).
 *
 * @param text
 *   Text the tokens are from.
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param first
 *   First token index of the span.
 * @param last
 *   Last token index of the span.
 * @param person
 *   Whether the tagger called the span a person.
 * @returns
 *   `[first, last]` runs without such words.
 */
function nameRuns(text: string, tokens: readonly Token[], forms: readonly Form[], first: number, last: number, person: boolean): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  let start = first
  for (let index = first; index <= last; index++) {
    const word = (tokens[index] as Token).text
    const next = tokens[index + 1]?.text ?? ''
    // `Charter of the United Nations and the 1991 Almaty Declaration` is two names.
    // `CHICAGO AT TORONTO`, a fixture in a headline or table in capitals, is two names.
    const joinsTwo = (word === 'and' && (next === 'the' || /^\d/.test(next))) || ((word === 'AT' || word === 'VS') && standsAlone(tokens, index))
    // `Lithuania - Danius Gleveckas`: a dash between spaces parts two names;
    // so does a comma between two people (`Townsend , Quinn`), not before a
    // suffix (`Martin Luther King, Jr.`).
    const parts = (dash.test(word) && standsAlone(tokens, index)) || (person && word === ',' && !nameSuffixes.has(next.toLowerCase()))
    if (parts) {
      if (index > start) runs.push([start, index - 1])
      start = index + 1
      continue
    }
    // A name does not run across a line end (a byline, then a dateline).
    if (index > start && lineBreakBetween(text, (tokens[index - 1] as Token).end, (tokens[index] as Token).start)) {
      runs.push([start, index - 1])
      start = index
    }
    // A person's name goes on through `van`, `bin`, `de`, not `on` or `and` (`Wal-Mart on Monday`).
    const particle = person ? personParticles.has(word) : particles.has(word)
    if (!joinsTwo && (!(forms[index] as Form).lowerStart || particle || facilityWords.has(word))) continue
    if (index > start) runs.push([start, index - 1])
    start = index + 1
  }
  if (start <= last) runs.push([start, last])
  return runs
}

/**
 * Whether token `index` and the next one are one space apart: words of one
 * name (not across a line end, not joined into one word).
 *
 * @param tokens
 *   Tokens of the text.
 * @param index
 *   Index of the first token.
 * @returns
 *   Whether one space separates them.
 */
function oneSpaceApart(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1]
  return next !== undefined && next.start - (tokens[index] as Token).end === 1
}

/**
 * Whether a token stands between spaces (`AT` of `CHICAGO AT TORONTO`, not of `AT&T`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param index
 *   Index of the token.
 * @returns
 *   Whether no token touches it.
 */
function standsAlone(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token
  const before = tokens[index - 1]
  const after = tokens[index + 1]
  return (!before || before.end < token.start) && (!after || token.end < after.start)
}

/**
 * Trim a tagged span to the name and decide its type.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param first
 *   Index of the first token.
 * @param last
 *   Index of the last token.
 * @param tag
 *   Type the tagger gave.
 * @param sentenceStart
 *   Index of the first token of the sentence.
 * @returns
 *   The mention, or `undefined` when nothing of our types is left.
 */
function refine(tokens: readonly Token[], forms: readonly Form[], first: number, last: number, tag: TagType, sentenceStart: number): Mention | undefined {
  const word = (index: number) => (tokens[index] as Token).text
  const lower = (index: number) => (forms[index] as Form).normalised
  const lowerStart = (index: number) => (forms[index] as Form).lowerStart
  const punctuation = (index: number) => punctuationOnly.test(word(index))
  // `the 1991 Almaty Declaration`: numbers, punctuation and lower-case words
  // open no name, in whatever order they come. A number word does open an
  // organisation's or event's name (`Six Nations`, `Seven Network`), not a
  // group of people (`Two Americans`).
  const opensName = (index: number) =>
    (tag === 'ORG' || tag === 'MISC') &&
    index < last &&
    numberWords.has(lower(index)) &&
    (forms[index + 1] as Form).upperStart &&
    !knownType(spanText(tokens, index + 1, last))
  const trimStart = () => {
    while (
      first <= last &&
      (digitsOnly.test(word(first)) ||
        punctuation(first) ||
        lower(first) === "'s" ||
        lowerStart(first) ||
        (notNames.has(lower(first)) && !opensName(first)))
    ) first++
  }
  trimStart()
  // `Kyiv of`, `Soviet republics`: a name ends on a capital (`Zangezur
  // corridor` on a facility word), not on an ordinal (`Florian Maurice 64th`, a minute).
  const trimEnd = () => {
    while (first <= last && (punctuation(last) || lower(last) === "'s" || ordinal.test(word(last)) || (lowerStart(last) && !facilityWords.has(lower(last))))) last--
  }
  trimEnd()
  // `network CNBC Friday`, `New York on Tuesday`: a weekday after a name is
  // when, not part of it; a day's own name stays (`Black Friday`, `Super Tuesday`).
  // A person keeps a full name (`Mike Friday`).
  const named = tag === 'PER' ? first + 1 < last : first < last
  if (named && weekdayNames.has(lower(last)) && !dayNameWords.has(lower(last - 1)) && !knownType(spanText(tokens, first, last))) {
    last--
    trimEnd()
  }
  // `the Chicago Purchasing Managers August index`: so does a month, but not after a given name (`Theresa May`).
  if (tag !== 'PER' && first < last && monthNames.has(lower(last)) && !givenNames.has(lower(last - 1)) && !knownType(spanText(tokens, first, last))) {
    last--
    trimEnd()
  }
  if (tag === 'PER') while (first < last && titleWords.has(lower(first))) first++
  // `Both Aliyev`, `Gains`: a common word opening a sentence is no name
  // (`Shares of General Motors`: nor is what follows it up to the next capital).
  // A given name opening a person's name stays (`Guy Forget`, `Will Smith`).
  const givenName = tag === 'PER' && first < last && givenNames.has(lower(first))
  if (first === sentenceStart && commonWords.has(lower(first)) && !givenName && !knownType(word(first)) && !knownType(spanText(tokens, first, last))) {
    if (first === last) return undefined
    first++
    trimStart()
  }
  if (first > last) return undefined
  // A lone letter names nothing a reader counts (`Plan A`, `S`).
  if (first === last && /^\p{Lu}\.?$/u.test(word(first))) return undefined
  const type = classify(tokens, forms, first, last, tag)
  return type ? {first, last, type} : undefined
}

/**
 * The OntoNotes type of a mention from the tagger's type, the alias table,
 * the gazetteers and the name's last word.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param first
 *   First token index.
 * @param last
 *   Last token index.
 * @param tag
 *   Tagger type.
 * @returns
 *   Type, or `undefined` for a name of no output type (a film, an award).
 */
function classify(tokens: readonly Token[], forms: readonly Form[], first: number, last: number, tag: TagType): EntityType | undefined {
  const name = spanText(tokens, first, last)
  const word = (index: number) => (index <= last ? (forms[index] as Form).normalised : undefined)
  const head = word(last) as string
  const several = last > first
  if (name === 'White House') return whiteHouseType(tokens, last)
  const known = knownType(name)
  // In a results line or table the club stands before its score (`Pohang 3
  // Ulsan 2`, `Surrey 429 - 7`, `Bolton 3 2 1 0 5 2 7`): the tagger's club beats
  // the gazetteer's town there. Not before a price or a year (`Chicago 3.04`,
  // a market in a price table); a country stays a place (its national team).
  if (known === 'GPE' && tag === 'ORG' && !nationKeys.has(nameKey(name)) && scoreAfter(tokens, last)) return 'ORG'
  if (known) return known
  if (several && endsTournament(forms, last)) return 'EVENT'
  if (tag === 'NORP' || ((tag === 'LOC' || tag === 'MISC') && demonymAdjective(name))) return 'NORP'
  if (several && (organisationHeads.has(head) || legalForms.has(head))) return 'ORG'
  if (tag === 'PER') return 'PERSON'
  if (several && (mastheadWords.has(head) || industryWords.has(head))) return 'ORG'
  // `the Bank said`, `the Commission`: an organisation's head alone is that organisation, never a place.
  if (!several && organisationHeads.has(head)) return 'ORG'
  if ((several && lawWords.has(head)) || (lawWords.has(word(first) as string) && (word(first + 1) === 'of' || word(first + 1) === 'on'))) {
    return 'WORK_OF_LAW'
  }
  if (several && eventWords.has(head) && (tag === 'MISC' || head === 'war')) return 'EVENT'
  if (several && facilityWords.has(head) && tag !== 'MISC') return 'FAC'
  if (tag === 'ORG') return 'ORG'
  if (tag === 'MISC') return undefined
  if (landformWords.has(head)) return 'LOC'
  return 'GPE'
}

/**
 * Whether a score follows a token: a whole number of up to three digits
 * (`3`, `429`), not a price or a share (`3.04`, `2,500`: the tokens split at
 * the point), nor a year.
 *
 * @param tokens
 *   Tokens of the text.
 * @param index
 *   Index of the token.
 * @returns
 *   Whether a score follows.
 */
function scoreAfter(tokens: readonly Token[], index: number): boolean {
  const number = tokens[index + 1]
  if (!number || !/^\d{1,3}$/.test(number.text)) return false
  const next = tokens[index + 2]
  return !(next && next.start === number.end && (next.text === '.' || next.text === ','))
}

/**
 * `White House` is the organisation when it acts or speaks (`the White House
 * said`, `White House spokeswoman`, `the White House’s record`), else the building.
 *
 * @param tokens
 *   Tokens of the text.
 * @param last
 *   Index of `House`.
 * @returns
 *   `ORG` or `FAC`.
 */
function whiteHouseType(tokens: readonly Token[], last: number): EntityType {
  const next = tokens[last + 1]
  if (!next) return 'FAC'
  const word = normaliseWord(next.text)
  return actingWords.has(word) || word === "'s" ? 'ORG' : 'FAC'
}

/**
 * Split `Armenia-Azerbaijan` or `U.S.–Azerbaijan` into its names when every
 * part is a known place or demonym and the whole is not a known name.
 *
 * @param tokens
 *   Tokens of the text.
 * @param mention
 *   Mention.
 * @returns
 *   The mention, or its parts.
 */
function splitHyphenated(tokens: readonly Token[], mention: Mention): Mention[] {
  const parts: Mention[] = []
  let start = mention.first
  for (let index = mention.first; index <= mention.last + 1; index++) {
    const token = tokens[index]
    if (index <= mention.last && token && !dash.test(token.text)) continue
    if (index === start) return [mention]
    const name = spanText(tokens, start, index - 1)
    const type = knownType(name)
    if (!type) return [mention]
    parts.push({first: start, last: index - 1, type})
    start = index + 1
  }
  return parts.length > 1 && !knownType(spanText(tokens, mention.first, mention.last)) ? parts : [mention]
}

/**
 * A hyphenated word is one name: a mention that ends or starts inside one
 * takes the rest of it (`Mercedes-Benz`, `Itar-Tass`, `Ata-ur-Rehman`,
 * `Chester-le-Street`, `al-Aqsa`, `Zine al-Abidine`, `Kim Jong-un`). A lower-case word
 * after the hyphen is none of it (`U.S.-brokered`), nor is a name of its own
 * (`Armenia-Azerbaijan`, see {@link splitHyphenated}).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function joinHyphenated(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const covered = coverage(tokens, mentions)
  const free = (index: number) => index >= 0 && index < tokens.length && !covered[index]
  // Written against the token before it, no space between.
  const attached = (index: number) => index > 0 && index < tokens.length && (tokens[index] as Token).start === (tokens[index - 1] as Token).end
  const hyphenAt = (index: number) => free(index) && dash.test((tokens[index] as Token).text) && attached(index) && attached(index + 1)
  const capital = (index: number) => (forms[index] as Form).upperStart
  const particle = (index: number) => free(index) && hyphenParticles.has((forms[index] as Form).normalised)
  // A particle, its hyphen and a capitalised word (`al` `-` `Abidine`): that word may be a mention of its own, taken in.
  const afterParticle = (index: number) => particle(index) && hyphenAt(index + 1) && capital(index + 2)
  // `Kim Jong` `-` `un`, `Moon Jae` `-` `in`: the second syllable of a Korean or
  // Chinese given name is in lower case; short, it is no English word (`-led`, `-era`).
  const syllable = (index: number) =>
    free(index) && /^\p{Ll}{1,5}$/u.test((tokens[index] as Token).text) && ((tokens[index] as Token).text.length <= 2 || !commonWords.has((forms[index] as Form).normalised))
  const joined = mentions.map(function (mention) {
    let {first, last} = mention
    if (mention.type === 'PERSON' && last > first && hyphenAt(last + 1) && syllable(last + 2) && (tokens[last] as Token).text.length <= 5) {
      return {...mention, last: last + 2}
    }
    for (;;) {
      if (hyphenAt(last + 1) && free(last + 2) && capital(last + 2) && !knownType((tokens[last + 2] as Token).text)) last += 2
      else if (hyphenAt(last + 1) && afterParticle(last + 2)) last += 4
      else if (free(last + 1) && !attached(last + 1) && afterParticle(last + 1)) last += 3
      else break
    }
    if (hyphenAt(first - 1) && particle(first - 2)) {
      if (hyphenAt(first - 3) && free(first - 4) && capital(first - 4)) first -= 4
      else if (!attached(first - 2)) first -= 2
    }
    return first === mention.first && last === mention.last ? mention : {...mention, first, last}
  })
  // Drop the mentions a joined one took in (`Rehman` of `Ata-ur-Rehman`).
  let reach = -1
  return joined.filter(function (mention) {
    if (mention.last <= reach) return false
    reach = mention.last
    return true
  })
}

/**
 * Type of a name the gazetteers or the alias table know.
 *
 * @param name
 *   Name as written.
 * @returns
 *   Type, or `undefined`.
 */
function knownType(name: string): EntityType | undefined {
  return knownTypes.get(name)
}

/**
 * The adjective of a demonym the gazetteers lack, made from a place they
 * know (`Texans` -> `Texan` from `Texas`, `Transylvanian` from
 * `Transylvania`, `Southeast Asian` from `Asia`).
 *
 * @param name
 *   Name as written.
 * @returns
 *   The adjective, or `undefined` when the name is no such demonym.
 */
function demonymAdjective(name: string): string | undefined {
  const words = name.split(' ')
  if (words.length > 2 || (words.length === 2 && !directionWords.has((words[0] as string).toLowerCase()))) return undefined
  const last = words.at(-1) as string
  const singular = /[^s]s$/.test(last) && /[ni]s$/.test(last) ? last.slice(0, -1) : last
  if (singular.length < 4 || !/^\p{Lu}\p{Ll}+$/u.test(singular)) return undefined
  for (const [ending, placeEnding] of demonymEndings) {
    if (!singular.endsWith(ending)) continue
    const place = singular.slice(0, singular.length - ending.length) + placeEnding
    if (place !== singular && (places.has(place) || regionNames.has(place))) return [...words.slice(0, -1), singular].join(' ')
  }
  return undefined
}

/**
 * Types of the names the alias table (first) and the gazetteers know, in
 * one map for {@link knownType}.
 *
 * @returns
 *   Type by name.
 */
function knownTypeMap(): Map<string, EntityType> {
  const types = new Map<string, EntityType>()
  // Weakest first: a later list overrides an earlier one.
  for (const name of demonymAdjectives.keys()) types.set(name, 'NORP')
  for (const name of regionNames) types.set(name, 'LOC')
  for (const name of places) types.set(name, 'GPE')
  for (const [name, alias] of aliases) if (alias.type) types.set(name, alias.type)
  return types
}

/**
 * The prefixes of names that a token can be: the whole name, or a part that
 * ends before or after a character that is not a letter, mark or digit
 * (tokens only part between two such characters after a full stop, as in
 * `U.S.Army`, which the second case covers). A name the alias table or the
 * gazetteers know can only start at a token that is one of these.
 *
 * @param names
 *   Names.
 * @returns
 *   Prefixes.
 */
function nameStarts(names: Iterable<string>): Set<string> {
  const starts = new Set<string>()
  for (const name of names) {
    for (let end = 1; end <= name.length; end++) {
      if (end === name.length || !wordCharacter.test(name.charAt(end)) || !wordCharacter.test(name.charAt(end - 1))) starts.add(name.slice(0, end))
    }
  }
  return starts
}

/**
 * Whether a sentence is a title-case heading (`Azerbaijan Gains Strategic
 * Leverage`), where capitals say nothing about names.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param first
 *   Index of the first token of the sentence.
 * @param last
 *   Index after its last token.
 * @returns
 *   Whether every word but the small words a title leaves in lower case
 *   (`and`, `of`, `the` …) is capitalised, two of four letters or more at
 *   least, and at least a third of them are common words: a line of names
 *   (`Mike Hulbert , Brian Henninger , Tiger Woods`, a byline `Bryan Gorman`)
 *   is no heading, and its capitals do say names.
 */
function titleCase(tokens: readonly Token[], forms: readonly Form[], first: number, last: number): boolean {
  let content = 0
  let capitalised = 0
  let common = 0
  // `2. Jearl Miles ( U.S. ) 50.42`: a line that opens with its rank is an entry of a list.
  if (digitsOnly.test((tokens[first] as Token).text) && (tokens[first + 1] as Token | undefined)?.text === '.') return false
  for (let index = first; index < last; index++) {
    const form = forms[index] as Form
    if (!form.letters || titleLowerWords.has(form.normalised)) continue
    // `The war was led by General David Petraeus`: a lower-case word that a
    // title capitalises, however short, makes a sentence.
    if (!form.upperStart) return false
    capitalised++
    if (commonWords.has(form.normalised)) common++
    if ((tokens[index] as Token).text.length >= 4) content++
  }
  return content >= 2 && common * 3 >= capitalised
}

/**
 * Whether a sentence has a lower-case letter (else it is in capitals).
 *
 * @param forms
 *   Form of each token.
 * @param first
 *   Index of the first token of the sentence.
 * @param last
 *   Index after its last token.
 * @returns
 *   Whether some token has a lower-case letter.
 */
function someLowerCase(forms: readonly Form[], first: number, last: number): boolean {
  for (let index = first; index < last; index++) if ((forms[index] as Form).hasLower) return true
  return false
}

/**
 * Tag the capitalised words after a person's title as that person
 * (`President Ilham Aliyev`, `Special Envoy Witkoff`), replacing what the
 * tagger said about them; places, demonyms and organisation words are left
 * alone (`Foreign Ministry`, `President Macron of France`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function addTitledPersons(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  let result = [...mentions]
  for (let index = 0; index < tokens.length - 1; index++) {
    if (!personTitles.has((forms[index] as Form).normalised)) continue
    let last = index
    for (let next = index + 1; next < tokens.length && next <= index + 3; next++) {
      const token = tokens[next] as Token
      const form = forms[next] as Form
      const word = form.normalised
      const joined = oneSpaceApart(tokens, next - 1)
      if (!joined || !form.upperStart || titleWords.has(word) || notNames.has(word)) break
          // `Governor Lawrence Lindsey`: a town may open a full name (`Minister Israel`, `manager Swiss Volksbank` open none).
      const name = openHeads.has(word) || organisationHeads.has(word) || legalForms.has(word) || facilityWords.has(word) || lawWords.has(word)
      const known = knownType(token.text)
      if (name || (known && !(known === 'GPE' && !countries.has(token.text) && fullNameAfter(tokens, forms, next)))) {
        last = index
        break
      }
      last = next
    }
    // `spokeswoman Anna Kelly`: after a lower-case title, only a full name;
    // `General Motors` is no general.
    if (last === index || ((forms[index] as Form).lowerStart && last === index + 1) || knownType(spanText(tokens, index, last)) || knownOpening(tokens, index + 1, last)) continue
    // A helper, not closures here: closures over `last` would cost an allocation per token.
    result = withPerson(tokens, forms, result, index + 1, last)
    index = last
  }
  return result.sort((left, right) => left.first - right.first)
}

/**
 * Make tokens `first` to `last` a person, replacing the mentions there.
 * A name the tagger ran on into the title and the person keeps its part
 * before the title.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions.
 * @param first
 *   First token index.
 * @param last
 *   Last token index.
 * @returns
 *   Mentions (in no particular order).
 */
function withPerson(tokens: readonly Token[], forms: readonly Form[], mentions: Mention[], first: number, last: number): Mention[] {
  // The tagger's person may go on past the words the title took (`Chairman L. Jack Van Fossen`, `Minister Ghazi al-Gosaibi`).
  if (mentions.some((mention) => mention.first === first && mention.last >= last && mention.type === 'PERSON' && nameGoesOn(forms, last + 1, mention.last))) return mentions
  const result: Mention[] = []
  for (const mention of mentions) {
    if (mention.last < first || mention.first > last) {
      result.push(mention)
    } else if (mention.first < first - 1 && mention.type !== 'PERSON' && organisationBefore(tokens, forms, mention.first, first - 2)) {
      // `Federal Reserve Governor Lawrence Lindsey`, one span from the tagger: the name before the title stays.
      result.push({first: mention.first, last: first - 2, type: knownType(spanText(tokens, mention.first, first - 2)) ?? mention.type})
    }
  }
  result.push({first, last, type: 'PERSON'})
  return result
}

/**
 * Whether tokens `first` to `last` open with a known name of two words or
 * more (`Morgan Stanley` of `lead manager Morgan Stanley International`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param first
 *   First token index.
 * @param last
 *   Last token index.
 * @returns
 *   Whether a known name opens the tokens.
 */
function knownOpening(tokens: readonly Token[], first: number, last: number): boolean {
  for (let end = first + 1; end <= last; end++) if (knownType(spanText(tokens, first, end))) return true
  return false
}

/**
 * Whether tokens `first` to `last` can go on a person's name: capitalised
 * words, hyphens and the particles of names (`-Meiland`, `da Silva`), not a
 * possessive or `of` (`King Abdullah of Jordan` is a person and a place).
 *
 * @param forms
 *   Form of each token.
 * @param first
 *   First token index.
 * @param last
 *   Last token index.
 * @returns
 *   Whether the tokens go on a name.
 */
function nameGoesOn(forms: readonly Form[], first: number, last: number): boolean {
  for (let index = first; index <= last; index++) {
    const form = forms[index] as Form
    const word = form.normalised
    if (word === "'s" || word === 'of' || (!form.upperStart && word !== '-' && !personParticles.has(word))) return false
  }
  return true
}

/**
 * Whether tokens `first` to `last`, before a title, name an organisation in
 * their own right: a known name or one with an organisation's head
 * (`Federal Reserve`, `Justice Department`), not a qualifier of the title
 * (`Democratic` of `Democratic Senator`, `Economics` of `Economics Minister`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param first
 *   First token index.
 * @param last
 *   Last token index.
 * @returns
 *   Whether the tokens name an organisation.
 */
function organisationBefore(tokens: readonly Token[], forms: readonly Form[], first: number, last: number): boolean {
  const head = (forms[last] as Form).normalised
  return knownType(spanText(tokens, first, last)) !== undefined || organisationHeads.has(head) || openHeads.has(head)
}

/**
 * Whether a capitalised word joined by one space follows token `index`
 * (`Lawrence` `Lindsey`), so the token opens a full name.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param index
 *   Index of the token.
 * @returns
 *   Whether a full name goes on after the token.
 */
function fullNameAfter(tokens: readonly Token[], forms: readonly Form[], index: number): boolean {
  const next = tokens[index + 1]
  const form = forms[index + 1]
  return next !== undefined && form !== undefined && form.upperStart && oneSpaceApart(tokens, index) && capitalisedWord.test(next.text)
}

/**
 * Carry a name with an open head on through `of` / `for` (`Trump Route` ->
 * `Trump Route for International Peace and Prosperity`), and pull a head
 * before `of` into a name (`United Nations` -> `Charter of the United Nations`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function extendNames(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const connectors = new Set(['and', 'for', 'in', 'of', 'on', 'the'])
  // Past either end of the text, a word is empty (a name can end it).
  const word = (index: number) => (index >= 0 && index < tokens.length ? (forms[index] as Form).normalised : '')
  const capital = (index: number) => index >= 0 && index < tokens.length && (forms[index] as Form).upperStart
  const extended: Mention[] = []
  // `van`, `de`, not `of` (`Smith of Reuters`).
  const particle = (index: number) => index >= 0 && index < tokens.length && personParticles.has(word(index)) && word(index) !== 'of' && !capital(index)
  for (const mention of mentions) {
    let {first, last, type} = mention
    // `Joost` `van der Westhuizen`, `Aravinda de` `Silva`: a person's name goes on through its particles.
    if (type === 'PERSON') {
      let end = last
      while (particle(end + 1) && oneSpaceApart(tokens, end)) end++
      if (end > last && capital(end + 1) && oneSpaceApart(tokens, end)) last = end + 1
      let start = first
      while (particle(start - 1) && oneSpaceApart(tokens, start - 2)) start--
      if (start < first && capital(start - 1) && oneSpaceApart(tokens, start - 1) && !notNames.has(word(start - 1)) && !commonWords.has(word(start - 1))) first = start - 1
    }
    // `Trump` `Route`: a name before a facility word names the facility.
    while (capital(last + 1) && facilityWords.has(word(last + 1)) && oneSpaceApart(tokens, last)) {
      last++
      type = 'FAC'
    }
    // `Ford Motor` `Co`, `Labour` `Party`: a name before an organisation word
    // names the organisation (a place stays one: `U.S.` `Company`; `Co-Chairman` is no `Co`).
    const place = type === 'GPE' || type === 'LOC' || type === 'NORP'
    const joinedHyphen = (index: number) => tokens[index + 1]?.text === '-' && (tokens[index + 1] as Token).start === (tokens[index] as Token).end
    while (!place && capital(last + 1) && organisationHeads.has(word(last + 1)) && !joinedHyphen(last + 1) && oneSpaceApart(tokens, last)) {
      last++
      type = 'ORG'
    }
    // `Jakarta` `Post`, `New York` `Energy Desk`, `Iraqi` `News Agency`: a paper or a news desk.
    if (place) {
      for (let end = last + 1; end <= last + mastheadReach && capital(end) && oneSpaceApart(tokens, end - 1); end++) {
        if (!mastheadWords.has(word(end))) continue
        last = end
        type = 'ORG'
        break
      }
    }
    // `U.S.` `Agriculture Department`, `Central Narcotics` `Bureau`: a body's
    // name may open with its place (with its people only right before the
    // head: `Palestinian` `Authority`, not `German` `Foreign Ministry`).
    if (type !== 'PERSON') {
      const reach = type === 'NORP' ? 1 : mastheadReach
      for (let end = last + 1; end <= last + reach && capital(end) && oneSpaceApart(tokens, end - 1); end++) {
        if (!bodyHeads.has(word(end))) continue
        last = end
        type = 'ORG'
        break
      }
    }
    // `Real` `Madrid`, `Dynamo` `Kiev`: a town after a club's first word is the club.
    if (place && capital(first - 1) && clubPrefixes.has(word(first - 1)) && oneSpaceApart(tokens, first - 1)) {
      first--
      type = 'ORG'
    }
    if (type !== 'PERSON' && openHeads.has(word(last)) && (word(last + 1) === 'of' || word(last + 1) === 'for')) {
      let end = last
      for (let next = last + 1; next < tokens.length && next <= last + 10; next++) {
        if (capital(next)) end = next
        else if (!connectors.has(word(next))) break
      }
      last = end
    }
    let before = first - 1
    if (before >= 0 && word(before) === 'the') before--
    if (before >= 1 && (word(before) === 'of' || word(before) === 'on') && capital(before - 1)) {
      const head = word(before - 1)
      if (openHeads.has(head) || lawWords.has(head)) {
        first = before - 1
        type = lawWords.has(head) ? 'WORK_OF_LAW' : facilityWords.has(head) ? 'FAC' : 'ORG'
      }
    }
    // `Bill of Rights`, `Act of Union`; not `Bill Clinton`.
    if (lawWords.has(word(first)) && last > first && type !== 'PERSON') type = 'WORK_OF_LAW'
    const top = extended.at(-1)
    if (top && top.first <= first && top.last >= last) continue
    // A longer name swallows the mentions it now covers.
    while (extended.length > 0 && (extended.at(-1) as Mention).last >= first) {
      first = Math.min(first, (extended.pop() as Mention).first)
    }
    extended.push({first, last, type})
  }
  return extended
}

/**
 * An organisation the tagger ran on into the place it is from (`Kia Motor
 * Corp of South Korea`, `Dinamo of Russia`) is the organisation and the
 * place: split at `of` after a legal form or after a one-word name that is
 * no common word. Names whose head goes on through `of` stay whole (`Bank of
 * England`, `Communist Party of China`, `Government of India`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function splitOfPlace(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const word = (index: number) => (forms[index] as Form).normalised
  return mentions.flatMap(function (mention): Mention[] {
    if (mention.type !== 'ORG') return [mention]
    for (let index = mention.first + 1; index < mention.last; index++) {
      if (word(index) !== 'of') continue
      const head = word(index - 1)
      const place = knownType(spanText(tokens, index + 1, mention.last))
      const legal = legalForms.has(head)
      const lone = index - 1 === mention.first && !commonWords.has(head) && !openHeads.has(head) && !organisationHeads.has(head)
      if (place === 'GPE' && (legal || lone)) {
        return [
          {first: mention.first, last: index - 1, type: 'ORG'},
          {first: index + 1, last: mention.last, type: 'GPE'}
        ]
      }
      return [mention]
    }
    return [mention]
  })
}

/**
 * A club named by its first word once its whole name is in the document
 * (`Real Madrid` … `Real`, `REAL`; `Dynamo Kiev` … `Dynamo`): where the
 * tagger saw nothing, that word is the club.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function addClubShortNames(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const word = (index: number) => (forms[index] as Form).normalised
  const short = new Set<string>()
  for (const mention of mentions) {
    if (mention.type === 'ORG' && mention.last > mention.first && clubPrefixes.has(word(mention.first))) short.add(word(mention.first))
  }
  if (short.size === 0) return [...mentions]
  const covered = coverage(tokens, mentions)
  const added = [...mentions]
  for (let index = 0; index < tokens.length; index++) {
    if (!covered[index] && (forms[index] as Form).upperStart && short.has(word(index))) added.push({first: index, last: index, type: 'ORG'})
  }
  return added.sort((left, right) => left.first - right.first)
}

/**
 * A club's town letters in results and standings are part of its name
 * (`Proleter ( Z )`, `Mladost ( BJ )`: two clubs of one name told apart),
 * and mark a club the tagger missed.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function takeTownLetters(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const text = (index: number) => tokens[index]?.text ?? ''
  // `( L )`, `( BJ )`, not a country's code (`( UK )`).
  const letters = (index: number) => text(index) === '(' && /^\p{Lu}{1,2}$/u.test(text(index + 1)) && !knownType(text(index + 1)) && text(index + 2) === ')'
  const covered = coverage(tokens, mentions)
  const result: Mention[] = []
  for (const mention of mentions) result.push(mention.type === 'ORG' && letters(mention.last + 1) ? {...mention, last: mention.last + 3} : mention)
  // A club the tagger missed: the capitalised word before the letters.
  for (let index = 0; index < tokens.length; index++) {
    if (!covered[index] && capitalisedWord.test(text(index)) && !notNames.has((forms[index] as Form).normalised) && letters(index + 1)) {
      result.push({first: index, last: index + 3, type: 'ORG'})
    }
  }
  return result.sort((left, right) => left.first - right.first)
}

/**
 * A team the tagger ran on into the competition it leads (`White Sox for
 * the American League`, `Cardinals for the National League lead`): split at
 * `for the` when a competition's word ends the rest and no organisation's
 * head goes on through `for` (`Committee for the …`). The competition is a
 * name of its own.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function splitCompetitions(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const word = (index: number) => (forms[index] as Form).normalised
  return mentions.flatMap(function (mention): Mention[] {
    if (mention.type !== 'ORG' || !competitionWords.has(word(mention.last))) return [mention]
    for (let index = mention.first + 1; index < mention.last - 1; index++) {
      if (word(index) !== 'for' || word(index + 1) !== 'the') continue
      if (openHeads.has(word(index - 1)) || knownType(spanText(tokens, mention.first, mention.last))) return [mention]
      return [
        {first: mention.first, last: index - 1, type: 'ORG'},
        {first: index + 2, last: mention.last, type: 'ORG'}
      ]
    }
    return [mention]
  })
}

/**
 * Join two mentions around one word when the whole is a known name (`United
 * States` `of` `America`) or a name with `of` / `for` goes on with `and`
 * (`Organization for Security` `and` `Cooperation in Europe`); a name with
 * `of` / `for` takes the type of the word before it (`Trump Route for …` is a
 * facility, `Charter of …` a law).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function joinNames(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const word = (index: number) => (forms[index] as Form).normalised
  const innerHead = (mention: Mention) => {
    for (let index = mention.first + 1; index < mention.last; index++) {
      if (word(index) === 'of' || word(index) === 'for') return word(index - 1)
    }
    return undefined
  }
  const result: Mention[] = []
  for (const mention of mentions) {
    const previous = result.at(-1)
    // Two parts of a place the tagger split, in capitals too (`ST` `LOUIS`, `ST.` `LOUIS`).
    if (previous && mention.first <= previous.last + 2 && placeKeys.has(nameKey(spanText(tokens, previous.first, mention.last)))) {
      result[result.length - 1] = {first: previous.first, last: mention.last, type: knownType(spanText(tokens, previous.first, mention.last)) ?? 'GPE'}
      continue
    }
    if (previous && mention.first === previous.last + 2) {
      const known = knownType(spanText(tokens, previous.first, mention.last))
      if (known || (word(previous.last + 1) === 'and' && openHeads.has(innerHead(previous) ?? '') && previous.type !== 'PERSON')) {
        result[result.length - 1] = {first: previous.first, last: mention.last, type: known ?? previous.type}
        continue
      }
    }
    result.push(mention)
  }
  return result.map(function (mention) {
    const head = innerHead(mention)
    if (head === undefined || mention.type === 'PERSON' || knownType(spanText(tokens, mention.first, mention.last))) return mention
    if (facilityWords.has(head)) return {...mention, type: 'FAC'}
    if (lawWords.has(head)) return {...mention, type: 'WORK_OF_LAW'}
    return openHeads.has(head) ? {...mention, type: 'ORG'} : mention
  })
}

/**
 * In title-case headings, keep only names known from the gazetteers or
 * tagged in the running text of the document.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @param headings
 *   `1` per token of a heading.
 * @returns
 *   Mentions in text order.
 */
function dropHeadingGuesses(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[], headings: Uint8Array): Mention[] {
  // A person the tagger reads by a given name and a surname is no guess (`Larry Fine`, `Henry Honiball`).
  const fullName = (mention: Mention) => mention.type === 'PERSON' && mention.last > mention.first && givenNames.has((forms[mention.first] as Form).normalised)
  const body = new Set<string>()
  for (const mention of mentions) {
    if (headings[mention.first]) continue
    body.add(nameKey(spanText(tokens, mention.first, mention.last)))
    if (mention.type === 'PERSON') body.add((forms[mention.last] as Form).normalised)
  }
  const kept: Mention[] = []
  for (const mention of mentions) {
    const name = spanText(tokens, mention.first, mention.last)
    const known = knownType(name)
    if (!headings[mention.first] || body.has(nameKey(name)) || fullName(mention)) kept.push(mention)
    else if (known) kept.push({...mention, type: known})
  }
  return kept
}

/**
 * Add mentions of names the gazetteers and the alias table know, and of
 * unknown words in capitals, that the tagger missed, alone or inside a
 * hyphenated word (`U.S.-brokered`, `ex-Soviet`), where no mention is or
 * over the mentions a known name holds (`All` `Blacks`, `Bank of` `England`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions found so far.
 * @param capitals
 *   `1` per token of a sentence in capitals.
 * @returns
 *   Mentions in text order.
 */
function addKnownNames(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[], capitals: Uint8Array): Mention[] {
  const covered = coverage(tokens, mentions)
  let added: Mention[] = [...mentions]
  // The mentions over each covered token.
  const owners = new Map<number, Mention[]>()
  for (const mention of mentions) {
    for (let at = mention.first; at <= mention.last; at++) {
      const owned = owners.get(at)
      if (owned) owned.push(mention)
      else owners.set(at, [mention])
    }
  }
  for (let index = 0; index < tokens.length; index++) {
    if (covered[index]) continue
    const token = tokens[index] as Token
    const form = forms[index] as Form
    if (!form.upperStart) continue
    // `SOCAR`, `OSCE`: an unknown word in capitals in running text is an organisation.
    if (!capitals[index] && acronym.test(token.text) && !commonWords.has(form.normalised) && !notNames.has(form.normalised) && !knownType(token.text)) {
      added.push({first: index, last: index, type: 'ORG'})
      continue
    }
    index = knownNameAt(index)
  }
  return added.sort((left, right) => left.first - right.first)

  /**
   * Add the longest known name starting at `index`, if there is one.
   * Apart from the loop so that the loop holds no closure: one over its
   * variables made every token allocate the loop's context.
   *
   * @param index
   *   Index of an uncovered capitalised token.
   * @returns
   *   Index of the last token of the name added, or `index`.
   */
  function knownNameAt(index: number): number {
    // Longest known name of up to four tokens starting here: of the spans
    // here that start a known name (`spanText`, built once), the longest first.
    // In a line in capitals a word is looked up in title case too (`CAPE TOWN`, `IRELAND`; `USA` as it is).
    const spans: string[] = []
    const extended = (span: string, at: number) => {
      const text = (tokens[at] as Token).text
      const titled = capitals[at] && /^\p{Lu}{3,}$/u.test(text) ? text.charAt(0) + text.slice(1).toLowerCase() : text
      return knownStarts.has(span + titled) ? span + titled : span + text
    }
    for (let span = extended('', index); knownStarts.has(span); ) {
      spans.push(span)
      const next = index + spans.length
      if (next > Math.min(tokens.length - 1, index + 3)) break
      span = extended(span + ((tokens[next] as Token).start > (tokens[next - 1] as Token).end ? ' ' : ''), next)
    }
    for (let last = index + spans.length - 1; last >= index; last--) {
      // A known name may take in the mentions that lie inside it (`All` `Blacks`), not one it cuts.
      if (covered[last] && !(owners.get(last) as Mention[]).every((mention) => mention.first > index && mention.last <= last)) continue
      const name = spans[last - index] as string
      const type = knownType(name)
      if (!type) continue
      // `Most` (a Czech town) opening a sentence; `US` in capitals stays.
      const lower = normaliseWord(name)
      if (name !== name.toUpperCase() && (notNames.has(lower) || commonWords.has(lower))) continue
      // `the West`, not `West Bank` or a sentence opening on `West`.
      if (name === 'West' && (index === 0 || (forms[index - 1] as Form).normalised !== 'the')) continue
      // `New York Times`: a longer capitalised name goes on; leave it to the
      // tagger (`Azerbaijani President` is a name and a title).
      const next = tokens[last + 1]
      const nextWord = next ? (forms[last + 1] as Form).normalised : ''
      if (next && capitalisedWord.test(next.text) && next.start === (tokens[last] as Token).end + 1 && !titleWords.has(nextWord)) return index
      const inside = new Set<Mention>()
      for (let at = index; at <= last; at++) for (const mention of owners.get(at) ?? []) inside.add(mention)
      if (inside.size > 0) added = added.filter((mention) => !inside.has(mention))
      added.push({first: index, last, type})
      return last
    }
    return index
  }
}

/**
 * What one side of `&` names when it is no firm's: a place (`Trinidad`, a
 * place the tagger or the gazetteers know) or a person with a given name
 * (`Harry`); else `undefined`.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param side
 *   The side's tokens and the type the tagger gave them.
 * @returns
 *   `place`, `person` or `undefined`.
 */
function sideKind(tokens: readonly Token[], forms: readonly Form[], side: Mention): 'place' | 'person' | undefined {
  const known = knownType(spanText(tokens, side.first, side.last))
  const type = known ?? side.type
  if (type === 'GPE' || type === 'LOC' || type === 'NORP') return 'place'
  const given = givenNames.has((forms[side.first] as Form).normalised)
  return given && (type === 'PERSON' || side.first === side.last) ? 'person' : undefined
}

/**
 * Join the names of a firm around `&`, and a partnership's `and Co`
 * (`Cable & Wireless`, `Edward D. Jones & Co`, `Standard & Poor's`,
 * `Merrill Lynch and Co Inc`): the tagger stops at the sign and reads each
 * side alone, the second often as a person.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function joinCompanyNames(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const form = (index: number) => forms[index] as Form
  const capital = (index: number) => index >= 0 && index < forms.length && form(index).upperStart && !notNames.has(form(index).normalised)
  // Words of one name: one space apart (not across a line end: `Sachs and Co.` / `Reuter`).
  const spaced = (before: number) => oneSpaceApart(tokens, before)
  // Capitalised words one space apart (not `Co. Sales of R&B`, a span run on past a sentence's end).
  const nameLike = (mention: Mention) => {
    for (let at = mention.first; at <= mention.last; at++) if (!form(at).upperStart || (at > mention.first && !spaced(at - 1))) return false
    return true
  }
  let result = [...mentions]
  for (let index = 1; index < tokens.length - 1; index++) {
    const word = form(index).normalised
    // `Merrill Lynch and Co`, `Edward D. Jones & Co`, `David Rubin & Partners`.
    const partnership = (word === 'and' || word === '&') && partnershipWords.has(form(index + 1).normalised) && form(index + 1).upperStart
    if ((word !== '&' && !partnership) || !capital(index - 1) || !capital(index + 1)) continue
    index = join(index, word, partnership)
  }
  return result

  /**
   * Join the names around the sign at `index`, if they are one firm's.
   * Apart from the loop so that the loop holds no closure: one over its
   * variables made every token allocate the loop's context (140 MB over
   * 5,000 documents).
   *
   * @param index
   *   Index of the sign.
   * @param word
   *   Its normalised form.
   * @param partnership
   *   Whether it is the `and` of a partnership.
   * @returns
   *   Index of the last token joined, or `index`.
   */
  function join(index: number, word: string, partnership: boolean): number {
    // The tagger read one name across the sign: its call. So is a sign
    // inside a word (`AT&T`, `R&B`, `S&P`): the tokens split it, the text does not.
    if (result.some((mention) => mention.first < index && mention.last > index)) return index
    if (word === '&' && !standsAlone(tokens, index)) return index
    const left = result.find((mention) => mention.last === index - 1)
    const right = result.find((mention) => mention.first === index + 1)
    let first = left ? left.first : index - 1
    while (!left && first > 0 && capital(first - 1) && spaced(first - 1) && first > index - 3) first--
    let last = right ? right.last : index + 1
    while (!right && !partnership && last + 1 < tokens.length && capital(last + 1) && spaced(last) && last < index + 3) last++
    // `Co Inc`, `Co Pte Ltd`: the legal forms after the name belong to it.
    while (last + 1 < tokens.length && spaced(last) && legalForms.has(form(last + 1).normalised) && form(last + 1).upperStart) last++
    // A name the join cuts into goes in whole (`Pratt and Co` `Financial
    // Services Pty Ltd`), if it is one (see `nameLike`).
    let whole = true
    for (const mention of result) {
      if (mention.last >= first && mention.first <= last) {
        if (!nameLike(mention) && (mention.first < first || mention.last > last)) whole = false
        first = Math.min(first, mention.first)
        last = Math.max(last, mention.last)
      }
    }
    if (!whole) return index
    const known = knownType(spanText(tokens, first, last))
    if (!known && !partnership) {
      // Else a firm only where the tagger read one side as an organisation or
      // no side has a common word (`Douglas & Lomason`), and neither side is
      // a person by a given name (`Matt Lucas & David Walliams`) and not both
      // are places: titles of works join common words (`Life & Death`).
      let common = false
      for (let at = first; at <= last; at++) if (at !== index && commonWords.has(form(at).normalised)) common = true
      if (left?.type !== 'ORG' && right?.type !== 'ORG' && common) return index
      const leftKind = sideKind(tokens, forms, left ?? {first, last: index - 1, type: 'ORG'})
      const rightKind = sideKind(tokens, forms, right ?? {first: index + 1, last, type: 'ORG'})
      if (leftKind === 'person' || rightKind === 'person' || (leftKind === 'place' && rightKind === 'place')) return index
    }
    result = result.filter((mention) => mention.last < first || mention.first > last)
    result.push({first, last, type: known ?? 'ORG'})
    result.sort((a, b) => a.first - b.first)
    return last
  }
}

/**
 * Add the companies and public bodies the tagger missed whose name ends in a
 * legal form or an organisation's or a body's head: the run of capitalised
 * words, one space apart, up to `Co`, `Inc`, `Ltd`, `AG` … (`RJ Reynolds
 * Tobacco Co`, `Acme Widgets Inc`), `Association`, `Party` … or `Ministry`,
 * `Bureau` … (`Foreign Ministry`), without a
 * common word opening a sentence (`Yesterday`), outside text in capitals.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions found so far.
 * @param capitals
 *   `1` per token of a sentence in capitals.
 * @param sentenceStarts
 *   `1` per token that opens a sentence.
 * @returns
 *   Mentions in text order.
 */
function addCompanies(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[], capitals: Uint8Array, sentenceStarts: Uint8Array): Mention[] {
  const covered = coverage(tokens, mentions)
  const added: Mention[] = [...mentions]
  const form = (index: number) => forms[index] as Form
  for (let last = 1; last < forms.length; last++) {
    const head = form(last).normalised
    if (covered[last] || capitals[last] || !form(last).upperStart || !(legalForms.has(head) || bodyHeads.has(head) || organisationHeads.has(head))) continue
    let first = last
    while (
      first > 0 &&
      !covered[first - 1] &&
      !capitals[first - 1] &&
      (form(first - 1).upperStart || form(first - 1).normalised === '&') &&
      !sentenceStarts[first] &&
      oneSpaceApart(tokens, first - 1)
    ) first--
    while (first < last && (notNames.has(form(first).normalised) || form(first).normalised === '&' || (sentenceStarts[first] && commonWords.has(form(first).normalised)))) first++
    if (first < last) added.push({first, last, type: 'ORG'})
  }
  return added.sort((left, right) => left.first - right.first)
}

/**
 * Newspapers and news agencies the tagger missed or read as people or
 * places: a name right after a lower-case media noun (`the news agency
 * Tanjug`, `the weekly Der Spiegel`) or right before one (`Le Matin
 * newspaper`, `Yonhap news agency`), unless the gazetteers know it as a place
 * or a people (`a Tokyo daily`, `the Chinese newspaper`). Then every mention
 * of that name is the organisation.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function addMedia(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const word = (index: number) => (index >= 0 && index < forms.length ? (forms[index] as Form).normalised : '')
  const capital = (index: number) => index >= 0 && index < forms.length && (forms[index] as Form).upperStart && !notNames.has(word(index))
  const mediaNoun = (index: number) => mediaNouns.has(word(index)) && !(forms[index] as Form).upperStart
  const starting = new Map<number, Mention>()
  const ending = new Map<number, Mention>()
  for (const mention of mentions) {
    starting.set(mention.first, mention)
    ending.set(mention.last, mention)
  }
  const covered = coverage(tokens, mentions)
  const added: Mention[] = []
  const media = new Set<string>()
  // A hyphen joining two words (`Itar-Tass`).
  const hyphenAt = (index: number) =>
    word(index) === '-' && !covered[index] && tokens[index - 1]?.end === tokens[index]?.start && tokens[index]?.end === tokens[index + 1]?.start
  // The mention there, or the run of capitalised words from `from` towards
  // `step` (one space apart, hyphenated words whole) if none of it is tagged.
  const nameAt = (from: number, step: 1 | -1): Mention | undefined => {
    const tagged = step === 1 ? starting.get(from) : ending.get(from)
    if (tagged) return tagged
    let to = from
    for (;;) {
      if (hyphenAt(to + step) && capital(to + 2 * step) && !covered[to + 2 * step]) to += 2 * step
      else if (Math.abs(to - from) < 3 && capital(to + step) && !covered[to + step] && oneSpaceApart(tokens, Math.min(to, to + step))) to += step
      else break
    }
    for (let index = Math.min(from, to); index <= Math.max(from, to); index++) if (covered[index]) return undefined
    const mention: Mention = {first: Math.min(from, to), last: Math.max(from, to), type: 'ORG'}
    added.push(mention)
    return mention
  }
  const take = (mention: Mention | undefined) => {
    if (mention === undefined || mention.type === 'NORP' || mention.type === 'EVENT' || mention.type === 'WORK_OF_LAW') return
    const name = spanText(tokens, mention.first, mention.last)
    const known = knownType(name)
    if (!(known === 'GPE' || known === 'LOC' || known === 'NORP' || demonymAdjective(name))) media.add(nameKey(name))
  }
  for (let index = 0; index < forms.length; index++) {
    if (!mediaNoun(index)) continue
    if (capital(index + 1) && oneSpaceApart(tokens, index)) take(nameAt(index + 1, 1))
    // `Yonhap news agency`: the name before `news`.
    const before = word(index) === 'agency' && word(index - 1) === 'news' ? index - 2 : index - 1
    if (capital(before) && oneSpaceApart(tokens, before)) take(nameAt(before, -1))
  }
  if (media.size === 0) return [...mentions]
  const key = (mention: Mention) => nameKey(spanText(tokens, mention.first, mention.last))
  return [...mentions, ...added.filter((mention) => media.has(key(mention)))]
    .map((mention) => (mention.type !== 'ORG' && media.has(key(mention)) ? {...mention, type: 'ORG' as const} : mention))
    .sort((left, right) => left.first - right.first)
}

/**
 * Document consistency: a name tagged once is tagged everywhere it recurs
 * untagged, and a surname of a tagged person is that person ("Aliyev" after
 * "Ilham Aliyev", even where the tagger called it a place).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function makeConsistent(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const votes = new Map<string, Map<EntityType, number>>()
  const vote = (key: string, type: EntityType, weight: number) => {
    const counts = votes.get(key) ?? new Map<EntityType, number>()
    counts.set(type, (counts.get(type) ?? 0) + weight)
    votes.set(key, counts)
  }
  const surnames = new Set<string>()
  const count = (counted: readonly Mention[]) => {
    votes.clear()
    for (const mention of counted) {
      vote(nameKey(spanText(tokens, mention.first, mention.last)), mention.type, 1)
      if (mention.type === 'PERSON' && mention.last > mention.first) {
        // Surnames and given names of a full name count for more than one stray tag.
        vote((forms[mention.last] as Form).normalised, 'PERSON', 3)
        vote((forms[mention.first] as Form).normalised, 'PERSON', 2)
        surnames.add((forms[mention.last] as Form).normalised)
      }
    }
  }
  count(mentions)
  // Most votes, then first in alphabetical order.
  const winner = (key: string) => {
    let best: EntityType | undefined
    let most = 0
    for (const [type, count] of votes.get(key) ?? []) {
      if (best === undefined || count > most || (count === most && type < best)) {
        best = type
        most = count
      }
    }
    return best
  }

  const result: Mention[] = mentions.map(function (mention) {
    if (mention.first !== mention.last) return mention
    // The document's own full name beats the gazetteer's town of that name,
    // however often the surname stands alone (`Lindsay Davenport` …
    // `Davenport`, a city in Iowa); a country's only where it is no place
    // (`Neil Jordan` … `Jordan said`, `in Jordan's film`, not `flew to Jordan`). An
    // organisation of that name goes by the votes (`Ford` the company, `Bill Ford` its chairman).
    if (
      (mention.type === 'GPE' || mention.type === 'LOC') &&
      surnames.has((forms[mention.first] as Form).normalised) &&
      (!countries.has(spanText(tokens, mention.first, mention.last)) || !placeBefore(forms, mention))
    ) {
      return {...mention, type: 'PERSON'}
    }
    const type = winner((forms[mention.first] as Form).normalised)
    const country = countries.has(spanText(tokens, mention.first, mention.last)) && placeBefore(forms, mention)
    return type === 'PERSON' && mention.type !== 'PERSON' && !country ? {...mention, type} : mention
  })
  // Recurrences take the types as retyped (`Woods` the person, not the organisation the tagger read thrice).
  count(result)

  // Longest recorded name first, so `Ilham Aliyev` wins over `Aliyev`.
  const names = new Map<string, number>()
  for (const key of votes.keys()) {
    const words = key.split(' ')
    const first = words[0] as string
    names.set(first, Math.max(names.get(first) ?? 0, words.length))
  }
  const covered = coverage(tokens, result)
  for (let index = 0; index < tokens.length; index++) {
    const form = forms[index] as Form
    if (covered[index] || !form.upperStart) continue
    const longest = names.get(form.normalised)
    // A day or a month alone is no recurrence of a name (`Mike Friday` … `Black Friday`).
    if (notNames.has(form.normalised) && !(index + 1 < tokens.length && covered[index + 1] === 0 && (forms[index + 1] as Form).upperStart)) continue
    if (!longest) continue
    for (let last = Math.min(tokens.length - 1, index + longest * 2); last >= index; last--) {
      if (covered[last]) continue
      const type = winner(nameKey(spanText(tokens, index, last)))
      if (!type) continue
      result.push({first: index, last, type})
      index = last
      break
    }
  }
  return result.sort((left, right) => left.first - right.first)
}

/**
 * Whether a mention stands where a place does: after a preposition of place
 * (`flew to Jordan`, `King Hussein of Jordan`), not as an owner (`in Jordan's film`).
 *
 * @param forms
 *   Form of each token.
 * @param mention
 *   Mention.
 * @returns
 *   Whether the mention reads as a place.
 */
function placeBefore(forms: readonly Form[], mention: Mention): boolean {
  const word = (index: number) => (index >= 0 && index < forms.length ? (forms[index] as Form).normalised : '')
  return placePrepositions.has(word(mention.first - 1)) && word(mention.last + 1) !== "'s"
}

/**
 * Companies and clubs the tagger took for people or places. A "person" whose
 * first word is no given name (`Lockheed Martin`, `Northrop Grumman`), or a
 * one-word "person" never in a longer name or after a title (`Chrysler`,
 * `Ford`: given names too), is an organisation when the document writes it
 * right after a company noun (`automaker Chrysler`) or in a list with an
 * organisation (`Boeing and Lockheed Martin`, `GM and Chrysler`,
 * `Chrysler, Ford, and General Motors`); then every mention of it is. A town,
 * county or state (not a country: national teams) right before a player's or
 * coach's role (`Surrey captain Chris Lewis`, `Leeds fans`) is a club.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function retypeCompanies(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const word = (index: number) => (index >= 0 && index < forms.length ? (forms[index] as Form).normalised : '')
  const named = new Set<string>()
  for (const mention of mentions) {
    if (mention.type !== 'PERSON') continue
    if (mention.last > mention.first) {
      for (let index = mention.first; index <= mention.last; index++) named.add(word(index))
    } else if (personTitles.has(word(mention.first - 1)) || titleWords.has(word(mention.first - 1))) {
      named.add(word(mention.first))
    }
  }
  const key = (mention: Mention) => nameKey(spanText(tokens, mention.first, mention.last))
  const candidate = (mention: Mention) =>
    mention.type === 'PERSON' &&
    (mention.last > mention.first ? !givenNames.has(word(mention.first)) : !named.has(word(mention.first)))
  const result = [...mentions]
  const companies = new Set<string>()
  for (const mention of result) if (candidate(mention) && companyNouns.has(word(mention.first - 1))) companies.add(key(mention))
  const organisation = (other: Mention | undefined) => other !== undefined && (other.type === 'ORG' || companies.has(key(other)))
  // Lists pass the type on step by step (`Chrysler` gets it through `Ford`).
  for (let changed = true; changed; ) {
    changed = false
    for (let index = 0; index < result.length; index++) {
      const mention = result[index] as Mention
      if (!candidate(mention) || companies.has(key(mention))) continue
      if ((organisation(result[index - 1]) && listed(forms, result, index - 1)) || (organisation(result[index + 1]) && listed(forms, result, index))) {
        companies.add(key(mention))
        changed = true
      }
    }
  }
  return result.map((mention) => (mention.type === 'PERSON' && companies.has(key(mention)) ? {...mention, type: 'ORG'} : mention))
}

/**
 * The words between two mentions as a link of a list: `and`, `or`, `, and`,
 * `, or` end a list (`'and'`); a comma alone (`','`) goes on with one (`A, B
 * and C`), else it is an apposition (`Sir Digby Jones, CBI director general`).
 *
 * @param forms
 *   Form of each token.
 * @param left
 *   Earlier mention.
 * @param right
 *   Later mention, if any.
 * @returns
 *   The link, or `undefined` if the two are not neighbours in a list.
 */
function listSeparator(forms: readonly Form[], left: Mention, right: Mention | undefined): ',' | 'and' | undefined {
  if (right === undefined) return undefined
  const word = (index: number) => (index < forms.length ? (forms[index] as Form).normalised : '')
  // Past an acronym in brackets (`General Motors (GM) and Chrysler`).
  const start = word(left.last + 1) === ')' ? left.last + 2 : left.last + 1
  const between = right.first - start
  const first = word(start)
  if (between === 1) return first === ',' ? ',' : first === 'and' || first === 'or' ? 'and' : undefined
  return between === 2 && first === ',' && (word(start + 1) === 'and' || word(start + 1) === 'or') ? 'and' : undefined
}

/**
 * Whether a mention and the next are items of one list (`A and B`, `A, B and
 * C`), not a name and its apposition.
 *
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @param index
 *   Index of the earlier mention.
 * @returns
 *   Whether the two are listed together.
 */
function listed(forms: readonly Form[], mentions: readonly Mention[], index: number): boolean {
  const link = listSeparator(forms, mentions[index] as Mention, mentions[index + 1])
  return link === 'and' || (link === ',' && listSeparator(forms, mentions[index + 1] as Mention, mentions[index + 2]) !== undefined)
}

/**
 * Clubs named after their town. A town, county or state (not a country or a
 * nation of the United Kingdom: national teams) is the club right before a
 * player's or coach's role (`Surrey captain Chris Lewis`, `Leeds fans`), and,
 * in a match report (a document with `clubContextMinimum` or more sports
 * words), where it plays (`Chelsea beat Arsenal`, `lost to Leeds`, `Arsenal
 * 2-1`); then every mention of it in the document is the club. In a match
 * report, so is every mention of a name read as an organisation once
 * (`earn Arsenal a win` after `Arsenal` the club), but a player's surname
 * (`Tiger Woods` … `Woods`), and a town or one-word name listed with a club
 * (`title rivals Essex, Derbyshire and Surrey`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @param matchReport
 *   Whether the document is a match report (see {@link isMatchReport}).
 * @returns
 *   Mentions in text order.
 */
function retypeClubs(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[], matchReport: boolean): Mention[] {
  const word = (index: number) => (index >= 0 && index < forms.length ? (forms[index] as Form).normalised : '')
  // `Arsenal 2-1`, tokenised `2` `-` `1`.
  const scoreAt = (index: number) => /^\d{1,2}$/.test(word(index)) && word(index + 1) === '-' && /^\d{1,2}$/.test(word(index + 2))
  // A country or a nation of the UK plays as its national team, a place in CoNLL's and OntoNotes' terms.
  const nation = (mention: Mention) => {
    const name = spanText(tokens, mention.first, mention.last)
    const alias = aliases.get(name)
    const republic = republicOf.exec(name)
    return nationKeys.has(nameKey(name)) || Boolean(alias && countries.has(alias.canonical)) || Boolean(republic && nationKeys.has(nameKey(republic[1] as string)))
  }
  const town = (mention: Mention) => mention.type === 'GPE' && !nation(mention)
  // `Chicago at Toronto`, a fixture: the visitors' town right before `at`
  // the home town, which names where they play (a place, as CoNLL-2003 has it).
  const fixture = (mention: Mention, other: Mention | undefined) =>
    other !== undefined &&
    mention.last + 2 === other.first &&
    word(mention.last + 1) === 'at' &&
    // Two towns of the gazetteer: a ground is none (`Cardiff at Ewood Park`).
    [mention, other].every((side) => town(side) && knownPlace(tokens, side))
  const plays = (mention: Mention, index: number) =>
    clubRoleWords.has(word(mention.last + 1)) ||
    (matchReport &&
      (clubVerbsAfter.has(word(mention.last + 1)) ||
        clubWordsBefore.has(word(mention.first - 1)) ||
        scoreAt(mention.last + 1) ||
        // `Derbyshire's Australian captain`.
        (word(mention.last + 1) === "'s" && (clubRoleWords.has(word(mention.last + 2)) || clubRoleWords.has(word(mention.last + 3)))) ||
        // A total (`took Derbyshire to 471`) or a lead (`give Minnesota a 4-2 lead`).
        (word(mention.last + 1) === 'to' && /^\d+$/.test(word(mention.last + 2))) ||
        (word(mention.last + 1) === 'a' && scoreAt(mention.last + 2)) ||
        // A results line or a table of standings: the club before its score or record (`Kent 108 - 3`, `BOSTON 69 65 .515`).
        scoreAfter(tokens, mention.last) ||
        fixture(mention, mentions[index + 1])))
  // Cues that make any name a club in a match report, the tagger's person
  // too: a club noun before it (`serie A club Atalanta`), a player of it after
  // it (`Everton 's Duncan Ferguson`), a results line (`Bridgend 13 Llanelli
  // 9`), a row of a table of standings (`St Mirren 3 1 1 1 5 4 4`, `Lotte 46 6
  // 54 .462`).
  const side = (mention: Mention | undefined) => mention !== undefined && ((mention.type === 'ORG' && !nation(mention)) || town(mention))
  const team = (mention: Mention, index: number) => {
    const next = mentions[index + 1]
    const previous = mentions[index - 1]
    return (
      clubNounsBefore.has(word(mention.first - 1)) ||
      // A fixture with a club or a town (`Manchester City v Charlton`), and a club's official (`Deportivo chairman`).
      (versus.has(word(mention.first - 1)) && previous !== undefined && previous.last === mention.first - 2 && side(previous)) ||
      (versus.has(word(mention.last + 1)) && next !== undefined && next.first === mention.last + 2 && side(next)) ||
      (mention.first === mention.last && clubRoleWords.has(word(mention.last + 1))) ||
      (word(mention.last + 1) === "'s" && next !== undefined && next.type === 'PERSON' && next.first === mention.last + 2 && next.last > next.first) ||
      (scoreAfter(tokens, mention.last) && next !== undefined && next.first === mention.last + 2 && scoreAfter(tokens, next.last)) ||
      (previous !== undefined && mention.first === previous.last + 2 && scoreAfter(tokens, previous.last) && scoreAfter(tokens, mention.last)) ||
      standingsAfter(tokens, mention.last)
    )
  }
  const key = (mention: Mention) => nameKey(spanText(tokens, mention.first, mention.last))
  // Surnames of the players the document names in full (`Tiger Woods` … `Woods`).
  const surnames = new Set(mentions.filter((mention) => mention.type === 'PERSON' && mention.last > mention.first).map((mention) => word(mention.last)))
  const surname = (mention: Mention) => mention.first === mention.last && surnames.has(word(mention.first))
  const clubs = new Set<string>()
  for (const [index, mention] of mentions.entries()) {
    // In a match report a name the tagger reads as an organisation once is the club it reads as a place elsewhere.
    if (
      (town(mention) && plays(mention, index)) ||
      (matchReport && mention.type === 'ORG' && !nation(mention) && !surname(mention)) ||
      (matchReport && (mention.type === 'PERSON' || town(mention)) && team(mention, index))
    ) {
      clubs.add(key(mention))
    }
  }
  // In a match report a town listed with a club is one too (`title rivals
  // Essex, Derbyshire and Surrey`), step by step along the list.
  const club = (mention: Mention | undefined) => mention !== undefined && clubs.has(key(mention))
  for (let changed = matchReport; changed; ) {
    changed = false
    for (const [index, mention] of mentions.entries()) {
      const oneWordPerson = mention.type === 'PERSON' && mention.first === mention.last && !surname(mention)
      if (!(town(mention) || oneWordPerson) || club(mention) || datelineAt(tokens, mention)) continue
      if ((club(mentions[index - 1]) && listed(forms, mentions, index - 1)) || (club(mentions[index + 1]) && listed(forms, mentions, index))) {
        clubs.add(key(mention))
        changed = true
      }
    }
  }
  // Every mention of a club's name is the club, whatever else the tagger
  // read there, but for the dateline (`NEW YORK 1996-08-30`, `WIGAN, England
  // 1996-08-31`): where the story was filed.
  // Nor the home town of a fixture, where the match is played, nor a town
  // after `in` (`In Seattle, Pete Incaviglia's grand slam …`).
  return mentions.map((mention, index) =>
    mention.type !== 'ORG' &&
    club(mention) &&
    !datelineAt(tokens, mention) &&
    word(mention.first - 1) !== 'in' &&
    !(matchReport && index > 0 && fixture(mentions[index - 1] as Mention, mention))
      ? {...mention, type: 'ORG'}
      : mention
  )
}

/**
 * Teams by their nickname in a match report, which the tagger misses or
 * reads as people: one or two capitalised words ending in a plural after
 * `the` (`the Cardinals beat`, `blanked the Expos`, `the White Sox`), and a
 * town's nickname after the town (`San Diego` `Padres`). Not a people or a
 * known place (`the Americans`, `the Alps`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function addTeamNames(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const word = (index: number) => (index >= 0 && index < forms.length ? (forms[index] as Form).normalised : '')
  const capital = (index: number) => index >= 0 && index < tokens.length && capitalisedWord.test((tokens[index] as Token).text) && !notNames.has(word(index))
  const nickname = (first: number, last: number) => {
    const text = spanText(tokens, first, last)
    return capital(last) && /\p{Ll}s$/u.test(text) && knownType(text) === undefined && !demonymAdjective(text)
  }
  // A name the tagger may have read there: none, or one a nickname replaces
  // (a place the gazetteers do not know: `the Phillies`).
  const replaceable = (mention: Mention | undefined) => mention === undefined || mention.type !== 'NORP'
  const at = new Map<number, Mention>()
  for (const mention of mentions) for (let index = mention.first; index <= mention.last; index++) at.set(index, mention)
  const replaced = new Set<Mention>()
  const added: Mention[] = []
  for (const mention of mentions) {
    const next = mention.last + 1
    const other = at.get(next)
    if (mention.type !== 'GPE' || !oneSpaceApart(tokens, mention.last) || !nickname(next, next) || !replaceable(other)) continue
    if (other && other.last !== next) continue
    if (other) replaced.add(other)
    replaced.add(mention)
    added.push({first: mention.first, last: next, type: 'ORG'})
  }
  for (let index = 1; index < tokens.length; index++) {
    if (word(index - 1) !== 'the' || (forms[index - 1] as Form).upperStart || !capital(index)) continue
    const last = capital(index + 1) && oneSpaceApart(tokens, index) && nickname(index, index + 1) ? index + 1 : index
    if (!nickname(index, last)) continue
    const others = [at.get(index), at.get(last)]
    if (!others.every((other) => replaceable(other) && (other === undefined || (other.first >= index && other.last <= last)))) continue
    if (others.every((other) => other !== undefined && other.type === 'ORG' && other.first === index && other.last === last)) continue
    for (const other of others) if (other) replaced.add(other)
    added.push({first: index, last, type: 'ORG'})
  }
  if (added.length === 0) return [...mentions]
  return [...mentions.filter((mention) => !replaced.has(mention)), ...added].sort((left, right) => left.first - right.first)
}

/**
 * A place or group the tagger ended before a tournament's last word is the
 * tournament's name (`Hong Kong` `Open`, `British` `Masters`, `Berlin` `Grand
 * Prix`): an event.
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function addTournaments(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const covered = coverage(tokens, mentions)
  const capitalWord = (index: number) => index < tokens.length && !covered[index] && (forms[index] as Form).upperStart ? (forms[index] as Form).normalised : ''
  return mentions.map((mention) => {
    if (!(mention.type === 'GPE' || mention.type === 'LOC' || mention.type === 'NORP') || !oneSpaceApart(tokens, mention.last)) return mention
    const next = capitalWord(mention.last + 1)
    if (next && endsTournament(forms, mention.last + 1)) return {...mention, last: mention.last + 1, type: 'EVENT'}
    if (next === 'grand' && oneSpaceApart(tokens, mention.last + 1) && capitalWord(mention.last + 2) && endsTournament(forms, mention.last + 2)) {
      return {...mention, last: mention.last + 2, type: 'EVENT'}
    }
    return mention
  })
}

/**
 * Whether a token is the last word of a tournament's name (`Open`,
 * `Masters`, `Cup`; `Prix` only after `Grand`).
 *
 * @param forms
 *   Form of each token.
 * @param index
 *   Index of the token.
 * @returns
 *   Whether it ends a tournament's name.
 */
function endsTournament(forms: readonly Form[], index: number): boolean {
  const word = (forms[index] as Form).normalised
  return tournamentWords.has(word) && (word !== 'prix' || (index > 0 && (forms[index - 1] as Form).normalised === 'grand'))
}

/**
 * Whether a document is a match report: `clubContextMinimum` sports words or
 * more, or one and `tableClubMinimum` clubs in results lines or standings
 * (a results service: `SOCCER - ENGLISH LEAGUE RESULTS`, then its lines).
 *
 * @param forms
 *   Form of each token.
 * @param tableClubCount
 *   Number of clubs {@link findTableClubs} found.
 * @returns
 *   Whether the document reports on sport.
 */
function isMatchReport(forms: readonly Form[], tableClubCount: number): boolean {
  const enough = tableClubCount >= tableClubMinimum ? 1 : clubContextMinimum
  let sportsWords = 0
  for (const form of forms) if (matchWords.has(form.normalised) && ++sportsWords >= enough) return true
  return false
}

/**
 * The clubs of the lines of a results table or a table of standings: a name
 * opening its line before a row of standings (`Port Vale 4 1 2 1 4 4 5`,
 * `KANSAS CITY 61 74 .452`), or a results line of two names and their scores
 * (`Sale 31 Wasps 33`). National teams are none of them: they stay places.
 *
 * @param text
 *   Working text.
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @returns
 *   The clubs as `ORG` mentions, in text order.
 */
function findTableClubs(text: string, tokens: readonly Token[], forms: readonly Form[]): Mention[] {
  const lineBreakBefore = (index: number) => index === 0 || index >= tokens.length || lineBreakBetween(text, (tokens[index - 1] as Token).end, (tokens[index] as Token).start)
  const capital = (index: number) => index < tokens.length && (forms[index] as Form).upperStart && !notNames.has((forms[index] as Form).normalised)
  // The last token of a name of up to four words from `first` on its line (`Queen of South`, `Queen 's Park`), or -1.
  const nameEnd = (first: number) => {
    if (!capital(first)) return -1
    let last = first
    for (let next = first + 1; next < tokens.length && next <= first + 3 && !lineBreakBefore(next); next++) {
      const word = (forms[next] as Form).normalised
      if (capital(next)) last = next
      else if (!(word === 'of' || word === "'s" || word === '-') || !capital(next + 1)) break
    }
    return last
  }
  const clubs: Mention[] = []
  const add = (first: number, last: number) => {
    if (!nationKeys.has(nameKey(spanText(tokens, first, last)))) clubs.push({first, last, type: 'ORG'})
  }
  for (let first = 0; first < tokens.length; first++) {
    if (!lineBreakBefore(first)) continue
    const last = nameEnd(first)
    if (last === -1) continue
    if (standingsAfter(tokens, last)) {
      add(first, last)
      continue
    }
    if (!scoreAfter(tokens, last) || lineBreakBefore(last + 2)) continue
    const otherLast = nameEnd(last + 2)
    const end = tokens[otherLast + 2]
    if (otherLast === -1 || !scoreAfter(tokens, otherLast) || !(lineBreakBefore(otherLast + 2) || end?.text === '(')) continue
    add(first, last)
    add(last + 2, otherLast)
  }
  return clubs
}

/**
 * Put the clubs of results lines and standings in place of whatever the
 * tagger read on their words (`Oxford` a town, `Crystal Palace` a building,
 * `LOUIS` of `ST LOUIS` alone).
 *
 * @param tokens
 *   Tokens of the text.
 * @param mentions
 *   Mentions in text order.
 * @param clubs
 *   Clubs from {@link findTableClubs}.
 * @returns
 *   Mentions in text order.
 */
function placeClubs(tokens: readonly Token[], mentions: readonly Mention[], clubs: readonly Mention[]): Mention[] {
  if (clubs.length === 0) return [...mentions]
  const club = coverage(tokens, clubs)
  const kept = mentions.filter((mention) => !club.subarray(mention.first, mention.last + 1).includes(1))
  return [...kept, ...clubs].sort((left, right) => left.first - right.first)
}

/**
 * Whether a row of a table of standings follows a token: six whole numbers
 * or more (played, won, drawn, lost, for, against, points), or two and a
 * winning percentage (`46 6 54 .462`). A golfer's four rounds are fewer.
 *
 * @param tokens
 *   Tokens of the text.
 * @param index
 *   Index of the token.
 * @returns
 *   Whether a row of standings follows.
 */
function standingsAfter(tokens: readonly Token[], index: number): boolean {
  let numbers = 0
  let at = index + 1
  while (at < tokens.length && /^\d{1,3}$/.test((tokens[at] as Token).text)) {
    numbers++
    at++
  }
  if (numbers >= 6) return true
  const point = tokens[at]
  const fraction = tokens[at + 1]
  return numbers >= 2 && point?.text === '.' && fraction !== undefined && fraction.start === point.end && /^\d{3}$/.test(fraction.text)
}

/**
 * Whether a mention is the place of a dateline: a year in digits follows
 * within four tokens, opening a date (`NEW YORK 1996-08-30`, `WIGAN ,
 * England 1996-08-31`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param mention
 *   Mention.
 * @returns
 *   Whether the mention opens a dateline.
 */
function datelineAt(tokens: readonly Token[], mention: Mention): boolean {
  for (let index = mention.last + 1; index <= mention.last + 4 && index < tokens.length - 1; index++) {
    const token = tokens[index] as Token
    if (/^(?:19|20)\d\d$/.test(token.text) && (tokens[index + 1] as Token).text === '-') return true
  }
  return false
}

/**
 * Whether the gazetteers know a mention's name as a place, in whatever case
 * it is written (`CHICAGO`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param mention
 *   Mention.
 * @returns
 *   Whether the name is a known place.
 */
function knownPlace(tokens: readonly Token[], mention: Mention): boolean {
  const name = spanText(tokens, mention.first, mention.last)
  return placeKeys.has(nameKey(name))
}

/**
 * A one-word "person" that the document names again and again but never
 * in a longer name or after a title (`Holcim said …`, `Ryanair`) is an
 * organisation: a news article introduces the people it is about by their
 * full name or their title. A given name stays a person (`Elvis`, `Lauren`)
 * unless it is a word of an organisation the document names (`Ford` after
 * `Ford Motor Co`: the gazetteer holds `Ford` and `Chrysler`), which a
 * one-word person is even when named once (`Reynolds` after `RJ Reynolds
 * Tobacco`).
 *
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function retypeLoneNames(forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  const word = (index: number) => (forms[index] as Form).normalised
  const named = new Set<string>()
  const counts = new Map<string, number>()
  // Words of the document's organisations (`Ford` of `Ford Motor Co`, `Reynolds` of `RJ Reynolds Tobacco`).
  const organisationWords = new Set<string>()
  for (const mention of mentions) {
    if (mention.type !== 'ORG' || mention.last === mention.first) continue
    for (let index = mention.first; index <= mention.last; index++) organisationWords.add(word(index))
  }
  for (const mention of mentions) {
    if (mention.type !== 'PERSON') continue
    if (mention.last > mention.first) {
      for (let index = mention.first; index <= mention.last; index++) named.add(word(index))
    } else if (mention.first > 0 && (personTitles.has(word(mention.first - 1)) || titleWords.has(word(mention.first - 1)))) {
      named.add(word(mention.first))
    } else if (personCue(forms, mention.first)) {
      named.add(word(mention.first))
    } else {
      counts.set(word(mention.first), (counts.get(word(mention.first)) ?? 0) + 1)
    }
  }
  const lone = (name: string) =>
    !named.has(name) && (organisationWords.has(name) || ((counts.get(name) ?? 0) >= loneNameMentions && !givenNames.has(name)))
  return mentions.map((mention) =>
    mention.type === 'PERSON' && mention.first === mention.last && lone(word(mention.first)) ? {...mention, type: 'ORG'} : mention
  )
}

/**
 * The players of a cricket scorecard: a name after the marks of how a
 * batsman was out (`Bevan c Vaas b Chandana 56`, `lbw b Wasim`) or before a
 * bowler's figures (`Muralitharan 10-0-41-2`) is a person's, whatever the
 * tagger read, and so is every other mention of that name.
 *
 * @param tokens
 *   Tokens of the text.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function retypeScorecardNames(tokens: readonly Token[], mentions: readonly Mention[]): Mention[] {
  const text = (index: number) => tokens[index]?.text ?? ''
  const mark = (index: number) => scorecardMarks.has(text(index)) && standsAlone(tokens, index) && capitalStart.test(text(index - 1))
  // The figures are one word of several tokens.
  const word = (index: number) => {
    let joined = text(index)
    for (let at = index + 1; at < tokens.length && (tokens[at] as Token).start === (tokens[at - 1] as Token).end; at++) joined += text(at)
    return joined
  }
  const players = new Set<string>()
  for (const mention of mentions) {
    if (mention.first === mention.last && (mark(mention.first - 1) || bowlingFigures.test(word(mention.last + 1)))) players.add(text(mention.first))
  }
  // Every mention of a player is the player's (`Did not bat : Dharmasena , Vaas`).
  return mentions.map((mention) => (mention.first === mention.last && players.has(text(mention.first)) ? {...mention, type: 'PERSON'} : mention))
}

/**
 * A name of two or three words the tagger read as an organisation or a
 * place is a person's when an age or `who` stands by it (`20-year-old Tiger
 * Woods`, `Hla Than , 62 ,`): organisations have no age and are `which`. Not
 * a known name, nor one ending in an organisation's head word or legal form.
 * Consistency then takes its surname along (`Woods said`).
 *
 * @param tokens
 *   Tokens of the text.
 * @param forms
 *   Form of each token.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Mentions in text order.
 */
function retypeAgedNames(tokens: readonly Token[], forms: readonly Form[], mentions: readonly Mention[]): Mention[] {
  return mentions.map(function (mention) {
    if (!(mention.type === 'ORG' || mention.type === 'GPE' || mention.type === 'LOC') || mention.last === mention.first || mention.last - mention.first > 2) return mention
    const head = (forms[mention.last] as Form).normalised
    if (organisationHeads.has(head) || legalForms.has(head) || knownType(spanText(tokens, mention.first, mention.last))) return mention
    return personCue(forms, mention.first) || personCue(forms, mention.last) ? {...mention, type: 'PERSON'} : mention
  })
}

/**
 * Whether the words around a one-word name say it is a person's: an age
 * (`Duran , 45 ,`, `the 20-year-old Woods`) or `who` (`Woods , who turned
 * pro`); an organisation is `which`, and has no age.
 *
 * @param forms
 *   Form of each token.
 * @param index
 *   Index of the name.
 * @returns
 *   Whether a person's cue is next to the name.
 */
function personCue(forms: readonly Form[], index: number): boolean {
  const word = (at: number) => (at >= 0 && at < forms.length ? (forms[at] as Form).normalised : '')
  if (word(index + 1) === ',' && (word(index + 2) === 'who' || (/^\d{2}$/.test(word(index + 2)) && word(index + 3) === ','))) return true
  return word(index - 1) === 'year-old' || (word(index - 1) === 'old' && word(index - 2) === '-' && word(index - 3) === 'year')
}

/**
 * Turn mentions into entities with canonical names: titles and middle
 * initials dropped, short and all-capital forms of a person mapped to the
 * document's full form, acronyms to their spelled-out form in the document,
 * variants through the alias table, plural demonyms to the adjective.
 *
 * @param file
 *   Document.
 * @param tokens
 *   Tokens of the text.
 * @param mentions
 *   Mentions in text order.
 * @returns
 *   Entities in text order.
 */
function canonicalise(file: VFile, tokens: readonly Token[], mentions: readonly Mention[]): Entity[] {
  const {text} = decoded(file)
  const names = mentions.map(function (mention) {
    const name = spanText(tokens, mention.first, mention.last)
    if (mention.type !== 'PERSON') return {mention, name, full: name, surname: ''}
    const full = personName(name)
    return {mention, name, full, surname: foldKey(full.slice(full.lastIndexOf(' ') + 1))}
  })

  // Full person names by folded surname, most frequent (then longest) first.
  const fullNames = new Map<string, Map<string, number>>()
  for (const {mention, full, surname} of names) {
    if (mention.type !== 'PERSON' || mention.last === mention.first) continue
    const counts = fullNames.get(surname) ?? new Map<string, number>()
    counts.set(full, (counts.get(full) ?? 0) + 1)
    fullNames.set(surname, counts)
  }
  // Spelled-out names by their initials (`OSCE` <- `Organization for Security and Cooperation in Europe`).
  const spelled = new Map<string, string>()
  for (const {mention, name} of names) {
    if (mention.last - mention.first < 2) continue
    const initials = name.split(' ').filter((word) => capitalStart.test(word)).map((word) => word.charAt(0)).join('')
    if (initials.length >= 3 && !spelled.has(initials)) spelled.set(initials, name)
  }

  // Clubs by their first word (`Real` <- `Real Madrid`), the first full name in the document.
  const clubNames = new Map<string, string>()
  for (const {mention, name} of names) {
    const first = (tokens[mention.first] as Token).text
    if (mention.type === 'ORG' && mention.last > mention.first && clubPrefixes.has(first.toLowerCase()) && !clubNames.has(foldKey(first))) {
      clubNames.set(foldKey(first), name)
    }
  }

  const canonicals = names.map(function ({mention, name, full, surname}) {
    if (mention.type === 'PERSON') {
      const counts = fullNames.get(surname)
      const single = !full.includes(' ')
      if (counts && (single || !counts.has(full))) {
        const best = [...counts].sort((left, right) => right[1] - left[1] || right[0].length - left[0].length || (left[0] < right[0] ? -1 : left[0] > right[0] ? 1 : 0))[0]
        if (best && (single || foldKey(best[0]) === foldKey(full))) return best[0]
      }
      return full
    }
    if (mention.type === 'NORP') return demonymAdjectives.get(name) ?? demonymAdjective(name) ?? name
    const club = mention.type === 'ORG' && mention.first === mention.last ? clubNames.get(foldKey(name)) : undefined
    if (club) return club
    const expanded = shortAcronym.test(name) && !aliases.has(name) ? (spelled.get(name) ?? name) : name
    const alias = aliases.get(expanded)
    if (alias) return alias.canonical
    const republic = republicOf.exec(expanded)
    if (republic && places.has(republic[1] as string)) return republic[1] as string
    return expanded
  })

  // One spelling per name within the document: accents and capitals of the
  // best-written variant (`Antonio Costa` -> `António Costa`, `TRUMP` -> `Trump`).
  const keys = canonicals.map(foldKey)
  const variants = new Map<string, {name: string; score: number}>()
  for (const [index, canonical] of canonicals.entries()) {
    const key = keys[index] as string
    const score = spellingScore(canonical)
    const current = variants.get(key)
    if (current === undefined || score > current.score) variants.set(key, {name: canonical, score})
  }

  return names.map(function ({mention}, index) {
    const start = (tokens[mention.first] as Token).start
    const end = (tokens[mention.last] as Token).end
    const canonical = canonicals[index] as string
    const spelled = variants.get(keys[index] as string)?.name ?? canonical
    return {start, end, type: mention.type, text: text.slice(start, end), canonical: mention.type === 'ORG' ? spelled : inTitleCase(spelled)}
  })
}

/**
 * A name written only in capitals (a dateline's `SPRINGFIELD`, a headline's
 * `SHEARER`) in title case; acronyms of up to four letters (`NATO` is an ORG
 * and never comes here; `UAE`, `USA`) and mixed-case names stay as they are.
 *
 * @param name
 *   Canonical name.
 * @returns
 *   Name.
 */
function inTitleCase(name: string): string {
  if (name !== name.toUpperCase() || name.replace(/[^\p{L}]/gu, '').length <= 4) return name
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
}

/**
 * A person's name without middle initials (`Donald J. Trump` -> `Donald Trump`).
 *
 * @param name
 *   Name as written.
 * @returns
 *   Name.
 */
function personName(name: string): string {
  const words = name.split(' ')
  if (words.length < 3) return name
  return words.filter((word, index) => index === 0 || index === words.length - 1 || !initial.test(word)).join(' ')
}

/**
 * How well a variant is written: accented letters, then mixed case.
 *
 * @param name
 *   Variant.
 * @returns
 *   Score (higher is better).
 */
function spellingScore(name: string): number {
  const accents = ascii.test(name) ? 0 : name.normalize('NFD').length - name.length
  const mixed = name !== name.toUpperCase() || name.length <= 4 ? 1 : 0
  const capitals = name.split(' ').filter((word) => capitalStart.test(word)).length
  return accents * 100 + mixed * 10 + capitals
}

/**
 * Key of a name for grouping variants: no accents, lower case.
 *
 * @param name
 *   Name.
 * @returns
 *   Key.
 */
function foldKey(name: string): string {
  // Decomposing leaves ASCII as it is, without marks: the usual case, quicker.
  if (ascii.test(name)) return name.toLowerCase()
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * Key of a name for consistency votes: lower case, straight apostrophes.
 *
 * @param name
 *   Name.
 * @returns
 *   Key.
 */
function nameKey(name: string): string {
  return normaliseWord(name)
}

/**
 * The text of a token range with each gap as one space (a no-break space or
 * a line break in a name reads as a space).
 *
 * @param tokens
 *   Tokens.
 * @param first
 *   First token index.
 * @param last
 *   Last token index.
 * @returns
 *   Name.
 */
function spanText(tokens: readonly Token[], first: number, last: number): string {
  let name = (tokens[first] as Token).text
  for (let index = first + 1; index <= last; index++) {
    const token = tokens[index] as Token
    name += (token.start > (tokens[index - 1] as Token).end ? ' ' : '') + token.text
  }
  return name
}

/**
 * Which tokens a mention covers.
 *
 * @param tokens
 *   Tokens.
 * @param mentions
 *   Mentions.
 * @returns
 *   `1` per covered token.
 */
function coverage(tokens: readonly Token[], mentions: readonly Mention[]): Uint8Array {
  const covered = new Uint8Array(tokens.length)
  for (const mention of mentions) covered.fill(1, mention.first, mention.last + 1)
  return covered
}

/**
 * Map each demonym form to its adjective (`Armenians` -> `Armenian`).
 *
 * @param demonyms
 *   Demonym gazetteer (adjectives and plurals).
 * @returns
 *   Map from every form to the adjective.
 */
function demonymMap(demonyms: readonly string[]): Map<string, string> {
  const known = new Set(demonyms)
  const map = new Map<string, string>()
  for (const form of demonyms) {
    const singular = form.endsWith('s') ? form.slice(0, -1) : ''
    map.set(form, singular && known.has(singular) ? singular : (demonymNouns.get(form) ?? form))
  }
  return map
}
