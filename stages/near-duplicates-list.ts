/**
 * Word lists for `near-duplicates.ts`. Please keep them sorted.
 */

/**
 * British spellings and their American forms, so a copy in local spelling
 * (`defence`) keeps its shingles. Whole words only: a general `-our` or
 * `-ise` rule would also hit `four`, `hour`, `promise` and `wise`.
 */
export const spellingVariants: ReadonlyMap<string, string> = new Map([
  ['aluminium', 'aluminum'],
  ['analyse', 'analyze'],
  ['analysed', 'analyzed'],
  ['apologise', 'apologize'],
  ['apologised', 'apologized'],
  ['authorise', 'authorize'],
  ['authorised', 'authorized'],
  ['behaviour', 'behavior'],
  ['cancelled', 'canceled'],
  ['catalogue', 'catalog'],
  ['centre', 'center'],
  ['centres', 'centers'],
  ['colour', 'color'],
  ['colours', 'colors'],
  ['criticise', 'criticize'],
  ['criticised', 'criticized'],
  ['defence', 'defense'],
  ['emphasise', 'emphasize'],
  ['emphasised', 'emphasized'],
  ['favour', 'favor'],
  ['favourable', 'favorable'],
  ['favoured', 'favored'],
  ['grey', 'gray'],
  ['harbour', 'harbor'],
  ['honour', 'honor'],
  ['honoured', 'honored'],
  ['jewellery', 'jewelry'],
  ['labour', 'labor'],
  ['licence', 'license'],
  ['manoeuvre', 'maneuver'],
  ['metre', 'meter'],
  ['metres', 'meters'],
  ['mobilise', 'mobilize'],
  ['mobilised', 'mobilized'],
  ['neighbour', 'neighbor'],
  ['neighbouring', 'neighboring'],
  ['neighbours', 'neighbors'],
  ['normalisation', 'normalization'],
  ['normalise', 'normalize'],
  ['offence', 'offense'],
  ['organisation', 'organization'],
  ['organisations', 'organizations'],
  ['organise', 'organize'],
  ['organised', 'organized'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['realise', 'realize'],
  ['realised', 'realized'],
  ['recognise', 'recognize'],
  ['recognised', 'recognized'],
  ['rumour', 'rumor'],
  ['sceptical', 'skeptical'],
  ['theatre', 'theater'],
  ['travelled', 'traveled'],
  ['travelling', 'traveling'],
  ['tyre', 'tire'],
  ['tyres', 'tires']
])

/**
 * Number words and the digits a spinner writes for them (`four decades` ->
 * `4 many years`), so both spellings give the same immutable.
 */
export const numberWords: ReadonlyMap<string, string> = new Map([
  ['eight', '8'],
  ['eighteen', '18'],
  ['eighth', '8th'],
  ['eighty', '80'],
  ['eleven', '11'],
  ['fifteen', '15'],
  ['fifth', '5th'],
  ['fifty', '50'],
  ['first', '1st'],
  ['five', '5'],
  ['forty', '40'],
  ['four', '4'],
  ['fourteen', '14'],
  ['fourth', '4th'],
  ['nine', '9'],
  ['nineteen', '19'],
  ['ninety', '90'],
  ['ninth', '9th'],
  ['one', '1'],
  ['second', '2nd'],
  ['seven', '7'],
  ['seventeen', '17'],
  ['seventh', '7th'],
  ['seventy', '70'],
  ['six', '6'],
  ['sixteen', '16'],
  ['sixth', '6th'],
  ['sixty', '60'],
  ['ten', '10'],
  ['tenth', '10th'],
  ['third', '3rd'],
  ['thirteen', '13'],
  ['thirty', '30'],
  ['three', '3'],
  ['twelve', '12'],
  ['twenty', '20'],
  ['two', '2']
])

/**
 * Capitalised words the spinner rewrites even inside names (`Boundary Road`
 * -> `Boundary Street`, `CTV News` -> `CTV Information`): not immutables.
 */
export const mutableNameWords: ReadonlySet<string> = new Set([
  'avenue',
  'information',
  'news',
  'road',
  'street'
])
