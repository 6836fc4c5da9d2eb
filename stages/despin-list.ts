/**
 * The spinner lexicon of `despin`: which spun wordings to detect and how to
 * restore them. Built from the substitution families in
 * `research/spinner-lexicon.md` (a phrase-table spinner used by autoblogs
 * that republish wire copy). Data only; the matching is in `despin.ts`.
 *
 * A rule id starts with its confidence class:
 * - `a-…`: never occurs in edited English; always repaired.
 * - `b-…`: safe only in a document detected as spun, and only in the
 *   grammatical context the rule names; repaired there.
 * - `c-…`: a weak or ambiguous signal; counts as evidence, never repaired.
 */

/** A named check on the words around a match (implemented in `despin.ts`). */
export type Context =
  | 'adjective-follows'
  | 'after-comma'
  | 'after-mandative'
  | 'bare-verb-follows'
  | 'after-with'
  | 'attribution-end'
  | 'audience-follows'
  | 'capitalized'
  | 'clause-ends'
  | 'coordination-follows'
  | 'date-follows'
  | 'driver-context'
  | 'gerund-follows'
  | 'incident-follows'
  | 'lower-noun-follows'
  | 'meeting-before'
  | 'mixed-us'
  | 'not-after-and'
  | 'not-after-mandative'
  | 'not-after-quantifier'
  | 'not-after-than'
  | 'not-after-whether'
  | 'not-noun-follows'
  | 'not-sentence-start'
  | 'number-follows'
  | 'object-follows'
  | 'place-or-time-follows'
  | 'plural-follows'
  | 'prose-number'
  | 'punctuation-follows'
  | 'sentence-start'
  | 'source-follows'
  | 'territory-follows'
  | 'time-noun-follows'
  | 'word-follows'
  | 'year-phrase-ends'

/** One lexicon entry. */
export interface SpinRule {
  /** Stable rule id (the `rule` column of `edits.csv`); its first letter is the confidence class. */
  readonly id: string
  /**
   * Words to match in order: lower case, straight apostrophes, clitics
   * (`'s`, `n't`, `'re`) as words of their own; `a|b` for alternatives;
   * `<count>` (2–10 as a digit or word), `<digit>` (2–9), `<ordinal>`
   * (1st–9th), `<century>`, `<decade>`, `<year>` and `<participle>` for
   * word classes.
   */
  readonly words: readonly string[]
  /**
   * Replacement of the words `from`..`to` (class A and B only). `{n}` is
   * word n as written, `{number n}` its number word, `{decade n m}` the
   * decade `n m` in digits (`Nineteen Nineties` -> `1990s`).
   */
  readonly replacement?: string
  /** First replaced word, 1-based (default: `1`). */
  readonly from?: number
  /** Last replaced word, 1-based (default: the last word). */
  readonly to?: number
  /** Checks that must all hold around the match (default: none). */
  readonly context?: readonly Context[]
  /** Weight of one match in the spin score: `1` for a strong signal, `0.25` for a weak one. */
  readonly weight: number
  /** Most matches of the rule that count toward the score (default: all). */
  readonly limit?: number
}

/** Strong evidence: rare or impossible outside spun text. */
const strong = 1
/** Weak evidence: also common in edited English. */
const weak = 0.25

/**
 * The lexicon. Order matters where two rules match the same words: the
 * first match wins (the longer, more specific rule comes first).
 */
export const spinRules: readonly SpinRule[] = [
  // Class A: artifacts that edited English never contains.
  {id: 'a-they-usually-re', words: ['they', 'usually', "'re|'ve|'ll|'d"], context: ['not-after-and'], to: 2, replacement: 'and {1}', weight: strong},
  {id: 'a-and-they-usually-re', words: ['and', 'they', 'usually', "'re|'ve|'ll|'d"], from: 2, to: 3, replacement: '{2}', weight: strong},
  {id: 'a-or-not-it-s', words: ['or', 'not', 'it', "'s"], context: ['after-mandative'], replacement: 'it be', weight: strong},
  {id: 'a-nineteen-nineties', words: ['<century>', '<decade>'], context: ['capitalized'], replacement: '{decade 1 2}', weight: strong},
  {id: 'a-is-no-longer', words: ['is|are|was|were', "n't", 'any', 'longer'], context: ['word-follows'], replacement: '{1} no longer', weight: strong},
  {id: 'a-tens-of-thousands', words: ['tens', 'of', 'hundreds'], from: 3, replacement: 'thousands', weight: strong},
  {id: 'a-at-least', words: ['at', 'the', 'least'], context: ['number-follows'], replacement: 'at least', weight: strong},
  {id: 'a-has-become', words: ['has|have|had|having', 'develop', 'into'], from: 2, replacement: 'become', weight: strong},
  {id: 'a-in-and-out-of', words: ['out', 'and', 'in', 'of'], to: 3, replacement: 'in and out', weight: strong},
  {id: 'a-hundreds-of', words: ['lots', 'of', 'of'], replacement: 'hundreds of', weight: strong},

  // Class B: repaired only in a spun document, in the stated context.
  {id: 'b-each-plural', words: ['each'], context: ['plural-follows'], replacement: 'both', weight: strong},
  {id: 'b-each-coordination', words: ['each'], context: ['coordination-follows'], replacement: 'both', weight: strong},
  {id: 'b-this-year', words: ['this', '12', 'months'], from: 2, replacement: 'year', weight: strong},
  {id: 'b-a-year', words: ['a', '12', 'months'], context: ['year-phrase-ends'], replacement: 'a year', weight: strong},
  {id: 'b-year-possessive', words: ['12', 'months', "'s"], to: 2, replacement: 'year', weight: strong},
  {id: 'b-decades', words: ['<count>', 'many', 'years'], context: ['prose-number'], replacement: '{number 1} decades', weight: strong},
  {id: 'b-decades-plain', words: ['many', 'years'], context: ['not-after-quantifier'], replacement: 'decades', weight: weak},
  {id: 'b-his-desire', words: ['his|her|their|its|our|my|your', 'want', 'to'], from: 2, to: 2, replacement: 'desire', weight: strong},
  {id: 'b-since-the-end', words: ['because', 'the', 'end|start|beginning|collapse|fall|outbreak', 'of'], context: ['clause-ends'], to: 1, replacement: 'since', weight: strong},
  {id: 'b-since-year', words: ['because', '<year>'], context: ['punctuation-follows'], to: 1, replacement: 'since', weight: weak},
  {id: 'b-the-first', words: ['the', 'primary', '<participle>|time|ever|to'], from: 2, to: 2, replacement: 'first', weight: strong},
  {id: 'b-turn-westward', words: ['switch', 'westward|eastward|northward|southward'], to: 1, replacement: 'turn', weight: strong},
  {id: 'b-turned-westward', words: ['switched', 'westward|eastward|northward|southward'], to: 1, replacement: 'turned', weight: strong},
  {id: 'b-driver', words: ['motive', 'force'], context: ['driver-context'], replacement: 'driver', weight: strong},
  {id: 'b-received-reports', words: ['acquired', 'experiences'], replacement: 'received reports', weight: strong},
  {id: 'b-received', words: ['acquired', 'calls|complaints|reports|word'], to: 1, replacement: 'received', weight: weak},
  {id: 'b-full-recovery', words: ['make|made|making', 'a', 'full', 'restoration'], from: 4, replacement: 'recovery', weight: strong},
  {id: 'b-involved-in', words: ['concerned', 'in', 'a|an|the'], context: ['incident-follows'], to: 1, replacement: 'involved', weight: strong},
  {id: 'b-for-comment', words: ['for', 'remark'], context: ['punctuation-follows'], from: 2, replacement: 'comment', weight: strong},
  {id: 'b-next-year', words: ['subsequent', '12', 'months'], replacement: 'next year', weight: strong},
  {id: 'b-take-effect', words: ['take|takes|took|taken|taking', 'impact'], from: 2, replacement: 'effect', weight: strong},
  {id: 'b-are-available', words: ['can', 'be', 'found', 'on'], context: ['date-follows'], to: 3, replacement: 'are available', weight: weak},
  {id: 'b-do-more', words: ['do|does|did|doing', 'extra', 'to'], from: 2, to: 2, replacement: 'more', weight: weak},
  {id: 'b-review', words: ['to', 'assessment'], context: ['object-follows'], from: 2, replacement: 'review', weight: strong},
  {id: 'b-otherwise', words: ['in', 'any', 'other', 'case'], context: ['after-comma', 'word-follows'], replacement: 'otherwise', weight: weak},
  {id: 'b-released-from-hospital', words: ['launched', 'from', 'hospital'], to: 1, replacement: 'released', weight: strong},
  {id: 'b-a-building', words: ['a|the', 'constructing'], context: ['not-noun-follows'], from: 2, replacement: 'building', weight: strong},
  {id: 'b-at-least', words: ['at', 'the', 'least'], context: ['object-follows'], replacement: 'at least', weight: weak},
  {id: 'b-become-adjective', words: ['develop', 'into'], context: ['adjective-follows'], replacement: 'become', weight: weak},
  {id: 'b-becomes-adjective', words: ['develops', 'into'], context: ['adjective-follows'], replacement: 'becomes', weight: weak},
  {id: 'b-became-adjective', words: ['developed', 'into'], context: ['adjective-follows'], replacement: 'became', weight: weak},
  {id: 'b-two-plural', words: ['<digit>'], context: ['prose-number', 'plural-follows'], replacement: '{number 1}', weight: weak},
  {id: 'b-third-party', words: ['<ordinal>'], context: ['prose-number', 'lower-noun-follows'], replacement: '{number 1}', weight: weak},
  {id: 'b-according-to', words: ['based', 'on'], context: ['source-follows'], replacement: 'according to', weight: weak},
  {id: 'b-in-the', words: ['within', 'the'], context: ['place-or-time-follows'], to: 1, replacement: 'in', weight: weak},
  {id: 'b-at-the-white-house', words: ['on', 'the', 'white', 'house'], context: ['meeting-before', 'not-noun-follows'], to: 1, replacement: 'at', weight: weak},
  {id: 'b-will-be', words: ['will', 'likely', 'be'], replacement: 'will be', weight: weak},
  {id: 'b-will-eventually', words: ['is', 'able', 'to', 'eventually|ultimately|soon'], to: 3, replacement: 'will', weight: weak},
  {id: 'b-among-the', words: ['among', 'the', 'many'], context: ['plural-follows'], from: 2, replacement: 'the', weight: weak},
  {id: 'b-as-well-as', words: ['in', 'addition', 'to'], context: ['after-comma', 'gerund-follows'], replacement: 'as well as', weight: weak},
  {id: 'b-in-the-past', words: ['than', 'up', 'to', 'now'], from: 2, replacement: 'in the past', weight: weak},
  {id: 'b-until-now', words: ['up', 'to', 'now'], context: ['punctuation-follows', 'not-after-than', 'not-sentence-start'], replacement: 'until now', weight: weak},
  {id: 'b-help', words: ['assist'], context: ['bare-verb-follows'], replacement: 'help', weight: weak},
  {id: 'b-a-long-time', words: ['an', 'extended', 'time'], replacement: 'a long time', weight: weak},
  {id: 'b-the-new', words: ['the', 'brand', 'new'], from: 2, replacement: 'new', weight: weak},
  {id: 'b-during', words: ['in', 'the', 'course', 'of'], context: ['time-noun-follows'], replacement: 'during', weight: weak},
  {id: 'b-but-the', words: ['however', 'the'], context: ['sentence-start'], to: 1, replacement: 'but', weight: weak},
  {id: 'b-began-to-discuss', words: ['commenced', 'to', 'debate'], replacement: 'began to discuss', weight: weak},
  {id: 'b-began-to', words: ['commenced', 'to'], to: 1, replacement: 'began', weight: weak},
  {id: 'b-being-able-to', words: ['having', 'the', 'ability', 'to'], replacement: 'being able to', weight: weak},
  {id: 'b-control', words: ['regulate'], context: ['territory-follows'], replacement: 'control', weight: weak},
  {id: 'b-people', words: ['dozens|hundreds|thousands|millions', 'of', 'individuals'], from: 3, replacement: 'people', weight: weak},
  {id: 'b-said', words: ['stated|mentioned'], context: ['attribution-end'], replacement: 'said', weight: weak},
  {id: 'b-told', words: ['instructed'], context: ['audience-follows'], replacement: 'told', weight: weak},
  {id: 'b-domestic', words: ['home', 'dispute|disputes|violence'], to: 1, replacement: 'domestic', weight: weak},
  {id: 'b-injuries', words: ['severe|serious|critical|minor|life-threatening|non-life-threatening', 'accidents'], context: ['after-with'], from: 2, replacement: 'injuries', weight: weak},
  {id: 'b-almost-a-week', words: ['practically|almost|nearly|about', 'per', 'week'], from: 2, to: 2, replacement: 'a', weight: weak},

  // Class C: evidence only, never rewritten.
  {id: 'c-or-not-it-s', words: ['or', 'not', 'it', "'s"], context: ['not-after-whether', 'not-after-mandative'], weight: strong},
  {id: 'c-outlet-information', words: ['ctv|fox|nbc|cbc|cbs|abc|bbc|cnn|sky|citynews', 'information'], context: ['capitalized'], weight: strong},
  {id: 'c-considered-one-of', words: ['considered', 'one', 'of'], weight: weak},
  {id: 'c-months-for-year', words: ['last|next|past', '12', 'months'], weight: weak},
  {id: 'c-world-wide', words: ['world', 'wide'], context: ['not-noun-follows'], weight: weak},
  {id: 'c-enroll-for', words: ['enroll', 'for'], weight: weak},
  // A document-level tell: `the US` in a text that otherwise writes `U.S.`.
  {id: 'c-mixed-us', words: ['us'], context: ['mixed-us'], weight: weak, limit: 1}
]

/** Spelled numbers for digits and digit ordinals (AP style spells one to nine). */
export const numberWords: ReadonlyMap<string, string> = new Map([
  ['1st', 'first'],
  ['2', 'two'],
  ['2nd', 'second'],
  ['3', 'three'],
  ['3rd', 'third'],
  ['4', 'four'],
  ['4th', 'fourth'],
  ['5', 'five'],
  ['5th', 'fifth'],
  ['6', 'six'],
  ['6th', 'sixth'],
  ['7', 'seven'],
  ['7th', 'seventh'],
  ['8', 'eight'],
  ['8th', 'eighth'],
  ['9', 'nine'],
  ['9th', 'ninth'],
  ['10', 'ten']
])

/** Spelled counts that may stand before `many years` (`four many years`). */
export const countWords: ReadonlySet<string> = new Set([
  'eight',
  'five',
  'four',
  'nine',
  'seven',
  'six',
  'ten',
  'three',
  'two'
])

/** Words before `many years` that make it a real count (`how many years`, `so many years`). */
export const quantifierWords: ReadonlySet<string> = new Set([
  'as',
  'hour',
  'how',
  'many',
  'not',
  'so',
  'that',
  'this',
  'too',
  'very'
])

/** Words that open a noun phrase (`assist end many years of …`, `at the least some`). */
export const objectOpeners: ReadonlySet<string> = new Set([
  'a',
  'an',
  'her',
  'his',
  'its',
  'many',
  'more',
  'our',
  'some',
  'the',
  'their',
  'these',
  'this',
  'those'
])

/** Spelled centuries of a decade (`Nineteen` Nineties) and their digits. */
export const centuries: ReadonlyMap<string, string> = new Map([
  ['eighteen', '18'],
  ['nineteen', '19']
])

/** Spelled decades (Nineteen `Nineties`) and their digits. */
export const decades: ReadonlyMap<string, string> = new Map([
  ['eighties', '80s'],
  ['fifties', '50s'],
  ['forties', '40s'],
  ['nineties', '90s'],
  ['seventies', '70s'],
  ['sixties', '60s'],
  ['thirties', '30s'],
  ['twenties', '20s']
])

/** Verbs after which a spun `or not it's` stands for a subjunctive `it be`. */
export const mandativeVerbs: ReadonlySet<string> = new Set([
  'ask',
  'asked',
  'asking',
  'asks',
  'demand',
  'demanded',
  'demanding',
  'demands',
  'insist',
  'insisted',
  'insisting',
  'insists',
  'propose',
  'proposed',
  'proposes',
  'proposing',
  'recommend',
  'recommended',
  'recommending',
  'recommends',
  'request',
  'requested',
  'requesting',
  'requests',
  'suggest',
  'suggested',
  'suggesting',
  'suggests',
  'urge',
  'urged',
  'urges',
  'urging'
])

/**
 * Plural nouns after a digit that are units, scores or counts written as
 * figures in edited prose (`3 points`, `2 percent`): never spelled out.
 */
export const figureNouns: ReadonlySet<string> = new Set([
  'acres',
  'barrels',
  'basis',
  'bits',
  'bps',
  'bytes',
  'calories',
  'cents',
  'degrees',
  'dollars',
  'euros',
  'feet',
  'gallons',
  'games',
  'gigabits',
  'gigabytes',
  'goals',
  'grams',
  'hectares',
  'inches',
  'innings',
  'kilobits',
  'kilobytes',
  'kilograms',
  'kilometers',
  'kilometres',
  'kilowatts',
  'kms',
  'laps',
  'liters',
  'litres',
  'megabits',
  'megabytes',
  'megawatts',
  'meters',
  'metres',
  'miles',
  'minutes',
  'mph',
  'ounces',
  'pct',
  'percent',
  'pixels',
  'points',
  'pounds',
  'rounds',
  'runs',
  'seconds',
  'sets',
  'shares',
  'strokes',
  'terabytes',
  'tonnes',
  'tons',
  'volts',
  'watts',
  'wickets',
  'yards',
  'yen'
])

/** Words before a figure that make it a label, not a count (`No. 3`, `Article 5`). */
export const labelWords: ReadonlySet<string> = new Set([
  'act',
  'article',
  'category',
  'chapter',
  'class',
  'figure',
  'game',
  'grade',
  'level',
  'no',
  'number',
  'page',
  'phase',
  'round',
  'section',
  'stage',
  'step',
  'table',
  'type',
  'version',
  'week'
])

/** Words that end a figure's noun phrase as a measure (`2 years old`). */
export const measureFollowers: ReadonlySet<string> = new Set(['ago', 'old', 'per'])

/**
 * Heads of a noun phrase that can be the source of a report, so that
 * `, based on the senior administration official` stood for `according to`.
 */
export const sourceNouns: ReadonlySet<string> = new Set([
  'administration',
  'agency',
  'aides',
  'analysts',
  'authorities',
  'authority',
  'company',
  'department',
  'diplomats',
  'experts',
  'government',
  'investigators',
  'military',
  'ministry',
  'observers',
  'officer',
  'officers',
  'official',
  'officials',
  'organizers',
  'police',
  'prosecutors',
  'researchers',
  'sources',
  'spokesman',
  'spokesperson',
  'spokeswoman',
  'witnesses'
])

/** Words that may follow a report's source without continuing its noun phrase. */
export const sourceFollowers: ReadonlySet<string> = new Set([
  'at',
  'close',
  'familiar',
  'for',
  'from',
  'in',
  'on',
  'who',
  'with'
])

/** Nouns that make `within the …` a place, time or event rather than a limit. */
export const placeOrTimeNouns: ReadonlySet<string> = new Set([
  'area',
  'basin',
  'building',
  'capital',
  'city',
  'compound',
  'corridor',
  'country',
  'county',
  'decade',
  'desert',
  'district',
  'era',
  'hall',
  'neighborhood',
  'neighbourhood',
  'offensive',
  'peninsula',
  'province',
  'region',
  'room',
  'sea',
  'square',
  'state',
  'territory',
  'town',
  'valley',
  'village',
  'war',
  'zone'
])

/** Words after `within the` that give it its limit sense (`within the next`, `within the law`). */
export const limitWords: ReadonlySet<string> = new Set([
  'boundaries',
  'bounds',
  'budget',
  'coming',
  'confines',
  'constraints',
  'context',
  'deadline',
  'first',
  'following',
  'framework',
  'last',
  'law',
  'limits',
  'next',
  'parameters',
  'past',
  'range',
  'reach',
  'remit',
  'rules',
  'same',
  'scope',
  'span',
  'space',
  'timeframe'
])

/**
 * Time nouns that make `in the course of the …` a period (`of the Soviet
 * era`); after a digit ordinal they are a date label (`the 3rd quarter`).
 */
export const periodNouns: ReadonlySet<string> = new Set([
  'campaign',
  'century',
  'conflict',
  'crisis',
  'day',
  'decade',
  'decades',
  'era',
  'month',
  'months',
  'night',
  'pandemic',
  'period',
  'qtr',
  'quarter',
  'season',
  'summer',
  'war',
  'week',
  'weekend',
  'winter',
  'year',
  'years'
])

/** Words before `on the White House` that make it the venue (`convened a summit on the White House`). */
export const meetingWords: ReadonlySet<string> = new Set([
  'arrived',
  'ceremony',
  'convened',
  'dinner',
  'event',
  'gathered',
  'held',
  'hosted',
  'meeting',
  'met',
  'reception',
  'signed',
  'summit',
  'talks'
])

/** Objects that make `regulate` a spun `control` (`regulate the corridor`). */
export const territoryNouns: ReadonlySet<string> = new Set([
  'airspace',
  'border',
  'corridor',
  'crossing',
  'crossings',
  'enclave',
  'land',
  'region',
  'route',
  'territory'
])

/** Vehicles a driver drives (`the motive force of the car`). */
export const vehicleWords: ReadonlySet<string> = new Set([
  'bus',
  'car',
  'motorcycle',
  'suv',
  'taxi',
  'truck',
  'van',
  'vehicle'
])

/** Events one is `involved in` (spun: `concerned in a crash`). */
export const incidentNouns: ReadonlySet<string> = new Set([
  'accident',
  'altercation',
  'collision',
  'crash',
  'dispute',
  'fight',
  'incident',
  'shooting',
  'stabbing'
])

/** Day and month names: `each Monday and Friday` is edited English. */
export const calendarNames: ReadonlySet<string> = new Set([
  'april',
  'august',
  'december',
  'february',
  'friday',
  'january',
  'july',
  'june',
  'march',
  'may',
  'monday',
  'november',
  'october',
  'saturday',
  'september',
  'sunday',
  'thursday',
  'tuesday',
  'wednesday'
])

/** Function words that can follow a closed noun phrase (`a 12 months ago`, `…War, according`). */
export const phraseEnders: ReadonlySet<string> = new Set([
  'after',
  'ago',
  'and',
  'as',
  'at',
  'before',
  'but',
  'earlier',
  'for',
  'from',
  'in',
  'later',
  'of',
  'on',
  'or',
  'since',
  'to',
  'when',
  'while'
])

/** Street types the spinner swaps inside names (`Boundary Road` -> `Boundary Street`). */
export const streetTypes: ReadonlySet<string> = new Set([
  'Avenue',
  'Boulevard',
  'Drive',
  'Lane',
  'Road',
  'Street'
])

/** Auxiliary and modal verbs (`each parties have agreed`). */
export const auxiliaries: ReadonlySet<string> = new Set([
  'are',
  'can',
  'could',
  'did',
  'do',
  'had',
  'have',
  'may',
  'might',
  'must',
  'should',
  'were',
  'will',
  'would'
])

/** Participles after which `first` is the real ordinal (`the primary held in March`). */
export const eventParticiples: ReadonlySet<string> = new Set(['called', 'held', 'scheduled', 'set', 'won'])

/** Words before an injury that `with` stood for (`sustained critical injuries`). */
export const injuryOpeners: ReadonlySet<string> = new Set(['suffered', 'sustained', 'with'])

/** Lower-case words of an audience after `instructed` (`instructed reporters`). */
export const audienceNouns: ReadonlySet<string> = new Set(['journalists', 'reporters'])

/** Words after an audience that make `instructed` mean told (`instructed reporters on Friday`). */
export const audienceFollowers: ReadonlySet<string> = new Set(['in', 'on', 'that'])

/** Determiners before an ordinal that stood for a plain adjective (`a 3rd party`). */
export const nounDeterminers: ReadonlySet<string> = new Set(['a', 'an', 'her', 'his', 'its', 'the', 'their'])

/** Determiners that open a source's noun phrase (`, based on the official`). */
export const sourceDeterminers: ReadonlySet<string> = new Set(['a', 'an', 'its', 'the', 'their'])

/** Punctuation that closes a phrase right after a match. */
export const phrasePunctuation: ReadonlySet<string> = new Set(['!', ',', '.', ':', ';', '?'])

/** Punctuation that ends a clause. */
export const clausePunctuation: ReadonlySet<string> = new Set([')', ',', '.', ':', ';', '–', '—'])

/** Words before `within` that give it the limit sense (`well within the rules`). */
export const limitOpeners: ReadonlySet<string> = new Set(['deep', 'from', 'just', 'well'])
