/**
 * Word lists of the `dates` stage: calendar names, number words, units,
 * modifiers and the verb cues that tell past from future.
 */

/** Month names and abbreviations (lower case) to their number. */
export const months: ReadonlyMap<string, number> = new Map([
  ['apr', 4],
  ['april', 4],
  ['aug', 8],
  ['august', 8],
  ['dec', 12],
  ['december', 12],
  ['feb', 2],
  ['february', 2],
  ['jan', 1],
  ['january', 1],
  ['jul', 7],
  ['july', 7],
  ['jun', 6],
  ['june', 6],
  ['mar', 3],
  ['march', 3],
  ['may', 5],
  ['nov', 11],
  ['november', 11],
  ['oct', 10],
  ['october', 10],
  ['sep', 9],
  ['sept', 9],
  ['september', 9]
])

/** Month names written in full; the other keys of {@link months} are abbreviations (`Sept`). */
export const monthNames: ReadonlySet<string> = new Set([
  'april',
  'august',
  'december',
  'february',
  'january',
  'july',
  'june',
  'march',
  'may',
  'november',
  'october',
  'september'
])

/** Month names that are also common words (`May`, `March`): they need date context. */
export const ambiguousMonths: ReadonlySet<string> = new Set(['march', 'may'])

/** Weekday names and abbreviations (lower case) to their ISO number (Monday 1). */
export const weekdays: ReadonlyMap<string, number> = new Map([
  ['fri', 5],
  ['friday', 5],
  ['mon', 1],
  ['monday', 1],
  ['sat', 6],
  ['saturday', 6],
  ['sun', 7],
  ['sunday', 7],
  ['thu', 4],
  ['thur', 4],
  ['thurs', 4],
  ['thursday', 4],
  ['tue', 2],
  ['tues', 2],
  ['tuesday', 2],
  ['wed', 3],
  ['wednesday', 3]
])

/** Plural weekday names (`on Fridays`): a set of days. */
export const weekdayPlurals: ReadonlyMap<string, number> = new Map([
  ['fridays', 5],
  ['mondays', 1],
  ['saturdays', 6],
  ['sundays', 7],
  ['thursdays', 4],
  ['tuesdays', 2],
  ['wednesdays', 3]
])

/** Seasons to their TIMEX3 code. */
export const seasons: ReadonlyMap<string, string> = new Map([
  ['autumn', 'FA'],
  ['fall', 'FA'],
  ['spring', 'SP'],
  ['summer', 'SU'],
  ['winter', 'WI']
])

/** Prepositions before which a season name without a year is a date (`in summer`, `during the spring`). */
export const seasonPrepositions: ReadonlySet<string> = new Set(['by', 'during', 'in', 'over', 'since', 'through', 'throughout', 'until'])

/** Parts of the day to their TIMEX3 code. */
export const dayParts: ReadonlyMap<string, string> = new Map([
  ['afternoon', 'AF'],
  ['evening', 'EV'],
  ['morning', 'MO'],
  ['night', 'NI']
])

/** Number words (lower case) to their value. */
export const numberWords: ReadonlyMap<string, number> = new Map([
  ['eight', 8],
  ['eighteen', 18],
  ['eighty', 80],
  ['eleven', 11],
  ['fifteen', 15],
  ['fifty', 50],
  ['five', 5],
  ['forty', 40],
  ['four', 4],
  ['fourteen', 14],
  ['nine', 9],
  ['nineteen', 19],
  ['ninety', 90],
  ['one', 1],
  ['seven', 7],
  ['seventeen', 17],
  ['seventy', 70],
  ['six', 6],
  ['sixteen', 16],
  ['sixty', 60],
  ['ten', 10],
  ['thirteen', 13],
  ['thirty', 30],
  ['three', 3],
  ['twelve', 12],
  ['twenty', 20],
  ['two', 2]
])

/** Ordinal words (lower case) to their value. */
export const ordinalWords: ReadonlyMap<string, number> = new Map([
  ['eighth', 8],
  ['eighteenth', 18],
  ['eleventh', 11],
  ['fifteenth', 15],
  ['fifth', 5],
  ['first', 1],
  ['fourteenth', 14],
  ['fourth', 4],
  ['ninth', 9],
  ['nineteenth', 19],
  ['second', 2],
  ['seventeenth', 17],
  ['seventh', 7],
  ['sixteenth', 16],
  ['sixth', 6],
  ['tenth', 10],
  ['third', 3],
  ['thirteenth', 13],
  ['thirtieth', 30],
  ['twelfth', 12],
  ['twentieth', 20],
  ['twenty-first', 21]
])

/** Words for a count that is not given (`several years`, `many decades`). */
export const vagueQuantities: ReadonlySet<string> = new Set([
  'countless',
  'few',
  'many',
  'numerous',
  'several',
  'some'
])

/**
 * Units of a duration (singular and plural, lower case) to their TIMEX3
 * designator; designators after `T` are time units.
 */
export const units: ReadonlyMap<string, string> = new Map([
  ['centuries', 'CE'],
  ['century', 'CE'],
  ['day', 'D'],
  ['days', 'D'],
  ['decade', 'DE'],
  ['decades', 'DE'],
  ['fortnight', 'FN'],
  ['hour', 'TH'],
  ['hours', 'TH'],
  ['millennia', 'ML'],
  ['millennium', 'ML'],
  ['minute', 'TM'],
  ['minutes', 'TM'],
  ['month', 'M'],
  ['months', 'M'],
  ['quarter', 'Q'],
  ['quarters', 'Q'],
  ['seconds', 'TS'],
  ['week', 'W'],
  ['weekend', 'WE'],
  ['weekends', 'WE'],
  ['weeks', 'W'],
  ['year', 'Y'],
  ['years', 'Y']
])

/** Words after `the` that open a counted span (`the past three years`, `the first nine months`). */
export const spanDeterminers: ReadonlySet<string> = new Set([
  'coming',
  'final',
  'first',
  'following',
  'last',
  'latest',
  'next',
  'past',
  'previous',
  'remaining'
])

/** Words without `the` that open a counted span (`past 20 years`, `another two years`). */
export const bareSpanDeterminers: ReadonlySet<string> = new Set(['another', 'first', 'last', 'next', 'past'])

/** Adjectives between `the` and a plural unit that keep the determiner in the span (`the long years`). */
export const unitAdjectives: ReadonlySet<string> = new Set(['coming', 'early', 'ensuing', 'intervening', 'long', 'many', 'recent'])

/** Plural units that stand alone as a vague duration (`for years`, `decades-long`). */
export const pluralUnits: ReadonlySet<string> = new Set([
  'centuries',
  'days',
  'decades',
  'hours',
  'minutes',
  'months',
  'weeks',
  'years'
])

/** Modifiers before a duration, as word sequences, to their TIMEX3 `mod`. */
export const durationModifiers: ReadonlyArray<readonly [readonly string[], string]> = [
  [['about'], 'APPROX'],
  [['almost'], 'APPROX'],
  [['approximately'], 'APPROX'],
  [['around'], 'APPROX'],
  [['at', 'least'], 'EQUAL_OR_MORE'],
  [['at', 'most'], 'EQUAL_OR_LESS'],
  [['close', 'to'], 'APPROX'],
  [['fewer', 'than'], 'LESS_THAN'],
  [['just', 'over'], 'MORE_THAN'],
  [['just', 'under'], 'LESS_THAN'],
  [['less', 'than'], 'LESS_THAN'],
  [['more', 'than'], 'MORE_THAN'],
  [['nearly'], 'APPROX'],
  [['no', 'more', 'than'], 'EQUAL_OR_LESS'],
  [['over'], 'MORE_THAN'],
  [['roughly'], 'APPROX'],
  [['some'], 'APPROX'],
  [['under'], 'LESS_THAN'],
  [['up', 'to'], 'EQUAL_OR_LESS'],
  [['well', 'over'], 'MORE_THAN']
]

/** Modifiers before a date (`early July`, `the end of 2024`), as word sequences, to their TIMEX3 `mod`. */
export const pointModifiers: ReadonlyArray<readonly [readonly string[], string]> = [
  [['early'], 'START'],
  [['late'], 'END'],
  [['mid'], 'MID'],
  [['the', 'beginning', 'of'], 'START'],
  [['the', 'early'], 'START'],
  [['the', 'end', 'of'], 'END'],
  [['the', 'late'], 'END'],
  [['the', 'middle', 'of'], 'MID'],
  [['the', 'mid'], 'MID'],
  [['the', 'start', 'of'], 'START']
]

/** Deictic words and phrases with a reference value (`now`, `the past`). */
export const references: ReadonlyArray<readonly [readonly string[], string]> = [
  [['currently'], 'PRESENT_REF'],
  [['lately'], 'PAST_REF'],
  [['now'], 'PRESENT_REF'],
  [['nowadays'], 'PRESENT_REF'],
  [['recently'], 'PAST_REF'],
  [['the', 'distant', 'future'], 'FUTURE_REF'],
  [['the', 'foreseeable', 'future'], 'FUTURE_REF'],
  [['the', 'future'], 'FUTURE_REF'],
  [['the', 'near', 'future'], 'FUTURE_REF'],
  [['the', 'past'], 'PAST_REF'],
  [['the', 'present'], 'PRESENT_REF'],
  [['the', 'recent', 'past'], 'PAST_REF'],
  [['these', 'days'], 'PRESENT_REF']
]

/** Frequency adverbs to their SET value. */
export const frequencyAdverbs: ReadonlyMap<string, string> = new Map([
  ['annually', 'P1Y'],
  ['daily', 'P1D'],
  ['hourly', 'PT1H'],
  ['monthly', 'P1M'],
  ['weekly', 'P1W'],
  ['yearly', 'P1Y']
])

/** Fixed-date holidays (lower-case word sequences) to month and day. */
export const holidays: ReadonlyArray<readonly [readonly string[], number, number]> = [
  [['christmas'], 12, 25],
  [['christmas', 'day'], 12, 25],
  [['christmas', 'eve'], 12, 24],
  [['halloween'], 10, 31],
  [['independence', 'day'], 7, 4],
  [['new', 'year', '’', 's', 'day'], 1, 1],
  [['new', 'year', '’', 's', 'eve'], 12, 31],
  [['new', 'year', '\'', 's', 'day'], 1, 1],
  [['new', 'year', '\'', 's', 'eve'], 12, 31],
  [['valentine', '’', 's', 'day'], 2, 14],
  [['valentine', '\'', 's', 'day'], 2, 14]
]

/** Time zone abbreviations that may follow a clock time. */
export const timeZones: ReadonlySet<string> = new Set([
  'bst',
  'cet',
  'cst',
  'edt',
  'est',
  'et',
  'gmt',
  'pdt',
  'pst',
  'pt',
  'utc'
])

/** Nouns a bare number is counting rather than a year (`2000 people`). */
export const countNouns: ReadonlySet<string> = new Set([
  'acres',
  'barrels',
  'cars',
  'civilians',
  'dollars',
  'euros',
  'families',
  'feet',
  'homes',
  'jobs',
  'kilometers',
  'kilometres',
  'km',
  'meters',
  'metres',
  'miles',
  'people',
  'points',
  'pounds',
  'residents',
  'shares',
  'soldiers',
  'tonnes',
  'tons',
  'troops',
  'units',
  'votes',
  'workers'
])

/** Words before a month name that make it a date (`in May`, `last March`). */
export const monthContext: ReadonlySet<string> = new Set([
  'after',
  'and',
  'before',
  'between',
  'by',
  'during',
  'early',
  'from',
  'in',
  'last',
  'late',
  'mid',
  'next',
  'of',
  'or',
  'since',
  'this',
  'through',
  'till',
  'to',
  'until'
])

/** Abbreviations whose period does not end a sentence (`Mr. Aliyev`, `Gen. Smith`). */
export const abbreviations: ReadonlySet<string> = new Set([
  'co',
  'col',
  'corp',
  'dr',
  'gen',
  'gov',
  'inc',
  'jr',
  'lt',
  'mr',
  'mrs',
  'ms',
  'no',
  'prof',
  'rep',
  'sen',
  'sgt',
  'sr',
  'st',
  'vs'
])

/** Marks that end a clause: a tense cue after one belongs to another clause. */
export const clauseMarks: ReadonlySet<string> = new Set(['"', '(', ',', ':', ';', '–', '—', '“', '”'])

/** Words that put the clause in the future (`will`, `plans to`). */
export const futureCues: ReadonlySet<string> = new Set([
  'due',
  'expected',
  'intends',
  'll',
  'plan',
  'plans',
  'scheduled',
  'set',
  'shall',
  'upcoming',
  'will',
  'would'
])

/** Future cues that need no word after them (`will`, `upcoming`); the rest of {@link futureCues} need `to` or `for`. */
export const plainFutureCues: ReadonlySet<string> = new Set(['shall', 'upcoming', 'will', 'would'])

/** Words that are a future cue only right before `to` (`going to`). */
export const futureBeforeTo: ReadonlySet<string> = new Set(['going'])

/** Forms of `be` before `due to` that make it a plan (`is due to visit`, not `due to rain`). */
export const beForms: ReadonlySet<string> = new Set(['am', 'are', 'is', 're', 'was', 'were'])

/** Irregular past-tense verbs (regular ones end in `-ed`). */
export const pastVerbs: ReadonlySet<string> = new Set([
  'ate',
  'became',
  'began',
  'bought',
  'brought',
  'built',
  'came',
  'caught',
  'chose',
  'did',
  'drew',
  'drove',
  'fell',
  'felt',
  'fled',
  'flew',
  'fought',
  'found',
  'gave',
  'got',
  'grew',
  'had',
  'heard',
  'held',
  'hit',
  'kept',
  'knew',
  'led',
  'left',
  'lost',
  'made',
  'meant',
  'met',
  'paid',
  'ran',
  'rose',
  'said',
  'sank',
  'sat',
  'saw',
  'sent',
  'shook',
  'shot',
  'sold',
  'spent',
  'spoke',
  'stood',
  'struck',
  'swore',
  'took',
  'told',
  'thought',
  'was',
  'went',
  'were',
  'won',
  'wrote'
])

/** Words ending in `-ed` that are no past-tense verb. */
export const notPastVerbs: ReadonlySet<string> = new Set([
  'bed',
  'embed',
  'expected',
  'feed',
  'hundred',
  'indeed',
  'need',
  'planned',
  'proceed',
  'red',
  'scheduled',
  'seed',
  'shed',
  'speed',
  'succeed',
  'united'
])

/**
 * Words that can start each kind of expression, besides the words of the
 * lists above it reads (month names, number words, units, …).
 */
export const startWords: Readonly<Record<
  | 'bareUnits'
  | 'century'
  | 'clock'
  | 'dayMonth'
  | 'dayWord'
  | 'decadeWord'
  | 'duration'
  | 'holiday'
  | 'quarter'
  | 'relative'
  | 'season'
  | 'set'
  | 'weekend'
  | 'year'
  | 'yearWords',
  ReadonlySet<string>
>> = {
  bareUnits: new Set(['coming', 'decadeslong', 'recent', 'the', 'yearslong']),
  century: new Set(['the']),
  clock: new Set(['midnight', 'noon']),
  dayMonth: new Set(['the']),
  dayWord: new Set(['today', 'tomorrow', 'tonight', 'yesterday']),
  decadeWord: new Set(['nineteen', 'the']),
  duration: new Set(['a', 'an', 'couple', 'half', 'the']),
  holiday: new Set(['thanksgiving']),
  quarter: new Set(['fiscal', 'q', 'the']),
  relative: new Set(['coming', 'current', 'last', 'next', 'past', 'previous', 'the', 'this']),
  season: new Set(['the']),
  set: new Set(['each', 'every', 'per']),
  weekend: new Set(['the']),
  year: new Set(["'", 'fiscal', 'the', '’']),
  yearWords: new Set(['nineteen', 'the', 'two'])
}
