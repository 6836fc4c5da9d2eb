/**
 * Word lists and tables of the entity stage (data only, sorted).
 * The big gazetteers (countries, cities, demonyms) are built from npm data
 * packages at `make model` time and ship inside the model file; these are
 * the small hand-made lists that decide types, spans and canonical names.
 */

/** Entity types written to `entities.csv` (OntoNotes names). */
export type EntityType = 'EVENT' | 'FAC' | 'GPE' | 'LOC' | 'NORP' | 'ORG' | 'PERSON' | 'WORK_OF_LAW'

/** An entry of the alias table: the canonical name, and the type when the name decides it. */
export interface Alias {
  readonly canonical: string
  readonly type?: EntityType
}

/**
 * Abbreviations of U.S. states in AP style, as datelines write them
 * (`SPRINGFIELD, Ill. (AP)`), with the state each names. States AP spells out
 * (`Texas`, `Ohio`) are not here, nor `Miss.`, which is also a title.
 */
export const stateAbbreviations: ReadonlyMap<string, string> = new Map([
  ['Ala.', 'Alabama'],
  ['Ariz.', 'Arizona'],
  ['Ark.', 'Arkansas'],
  ['Calif.', 'California'],
  ['Colo.', 'Colorado'],
  ['Conn.', 'Connecticut'],
  ['Del.', 'Delaware'],
  ['Fla.', 'Florida'],
  ['Ga.', 'Georgia (U.S. state)'],
  ['Ill.', 'Illinois'],
  ['Ind.', 'Indiana'],
  ['Kan.', 'Kansas'],
  ['Ky.', 'Kentucky'],
  ['La.', 'Louisiana'],
  ['Mass.', 'Massachusetts'],
  ['Md.', 'Maryland'],
  ['Mich.', 'Michigan'],
  ['Minn.', 'Minnesota'],
  ['Mo.', 'Missouri'],
  ['Mont.', 'Montana'],
  ['N.C.', 'North Carolina'],
  ['N.D.', 'North Dakota'],
  ['N.H.', 'New Hampshire'],
  ['N.J.', 'New Jersey'],
  ['N.M.', 'New Mexico'],
  ['N.Y.', 'New York'],
  ['Neb.', 'Nebraska'],
  ['Nev.', 'Nevada'],
  ['Okla.', 'Oklahoma'],
  ['Ore.', 'Oregon'],
  ['Pa.', 'Pennsylvania'],
  ['R.I.', 'Rhode Island'],
  ['S.C.', 'South Carolina'],
  ['S.D.', 'South Dakota'],
  ['Tenn.', 'Tennessee'],
  ['Va.', 'Virginia'],
  ['Vt.', 'Vermont'],
  ['Wash.', 'Washington (state)'],
  ['Wis.', 'Wisconsin'],
  ['Wyo.', 'Wyoming']
])

/**
 * Organisations that news names often, each with the forms written for it
 * (canonical name first): international bodies, governments' agencies,
 * central banks, parties, news organisations, large companies. A name here is
 * an organisation wherever it is written so, whatever the tagger said, so
 * names that are also common words, places or people when capitalised
 * (`Amazon`, `Apple`, `Shell`, `Ford`, `Bloomberg`, `WHO`) are left to the
 * tagger.
 */
export const organisationNames: ReadonlyArray<readonly [canonical: string, ...variants: string[]]> = [
  // International bodies.
  ['United Nations Security Council', 'UN Security Council', 'U.N. Security Council', 'UNSC', 'Security Council'],
  ['United Nations General Assembly', 'UN General Assembly', 'U.N. General Assembly'],
  ['UNICEF'],
  ['UNESCO'],
  ['UNHCR', 'UN Refugee Agency', 'U.N. Refugee Agency'],
  ['World Health Organization', 'World Health Organisation'],
  ['World Trade Organization', 'World Trade Organisation', 'WTO'],
  ['World Food Programme', 'World Food Program', 'WFP'],
  ['International Atomic Energy Agency', 'IAEA'],
  ['International Criminal Court'],
  ['International Court of Justice', 'ICJ'],
  ['International Committee of the Red Cross', 'ICRC'],
  ['Red Cross'],
  ['OPEC', 'Organization of the Petroleum Exporting Countries'],
  ['OECD', 'Organisation for Economic Co-operation and Development', 'Organization for Economic Cooperation and Development'],
  ['ASEAN', 'Association of Southeast Asian Nations'],
  ['Arab League'],
  ['African Union'],
  ['European Commission'],
  ['European Council'],
  ['European Parliament'],
  ['European Central Bank', 'ECB'],
  ['Council of Europe'],
  ['European Political Community'],
  ['Collective Security Treaty Organization', 'CSTO'],
  ['Commonwealth of Independent States', 'CIS'],
  ['Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', 'SCO'],
  ['G7'],
  ['G20'],
  ['BRICS'],
  ['World Bank'],
  ['World Economic Forum', 'WEF'],
  ['Interpol'],
  ['Europol'],
  ['International Olympic Committee', 'IOC'],
  ['FIFA'],
  ['UEFA'],
  ['Amnesty International'],
  ['Human Rights Watch'],
  ['Greenpeace'],
  ['Doctors Without Borders', 'Médecins Sans Frontières', 'MSF'],
  // Governments and their agencies.
  ['Congress'],
  ['Senate'],
  ['House of Representatives'],
  ['Parliament'],
  ['Supreme Court'],
  ['Federal Reserve', 'Fed', 'US Federal Reserve', 'U.S. Federal Reserve'],
  ['FBI', 'Federal Bureau of Investigation'],
  ['CIA', 'Central Intelligence Agency'],
  ['NSA', 'National Security Agency'],
  ['NASA'],
  ['State Department', 'Department of State', 'US State Department', 'U.S. State Department'],
  ['Justice Department', 'Department of Justice'],
  ['Department of Defense', 'Defense Department'],
  ['Department of Homeland Security', 'Homeland Security Department'],
  ['Securities and Exchange Commission', 'SEC'],
  ['Treasury'],
  ['Bank of England'],
  ['Bank of Japan'],
  ['Home Office'],
  ['Foreign Office'],
  ['NHS', 'National Health Service'],
  ['Democratic Party'],
  ['Republican Party', 'GOP'],
  ['Labour Party'],
  ['Conservative Party', 'Tories', 'Tory', 'Conservatives'],
  ['Liberal Democrats', 'Lib Dems', 'Lib Dem', 'Liberal Democrat'],
  ['Taliban'],
  ['Hamas'],
  ['Hezbollah'],
  ['Islamic State', 'ISIS', 'ISIL'],
  ['al-Qaeda', 'al Qaeda', 'Al-Qaeda', 'Al Qaeda'],
  ['Wagner Group'],
  // National teams news copy names by nickname.
  ['All Blacks', 'All Black'],
  ['Springboks'],
  ['Wallabies'],
  // News organisations.
  ['Reuters'],
  ['Associated Press', 'AP'],
  ['Agence France-Presse', 'AFP'],
  ['BBC'],
  ['CNN'],
  ['Fox News'],
  ['Al Jazeera'],
  ['New York Times'],
  ['Washington Post'],
  ['Wall Street Journal'],
  ['Financial Times'],
  ['Xinhua'],
  ['TASS'],
  ['Interfax'],
  ['RIA Novosti'],
  // Companies and platforms.
  ['Google'],
  ['Microsoft'],
  ['Facebook'],
  ['Instagram'],
  ['WhatsApp'],
  ['YouTube'],
  ['TikTok'],
  ['Twitter'],
  ['Truth Social'],
  ['OpenAI'],
  ['Nvidia'],
  ['Samsung'],
  ['Huawei'],
  ['Alibaba'],
  ['Tencent'],
  ['Netflix'],
  ['Walmart', 'Wal-Mart'],
  ['Boeing'],
  ['Airbus'],
  ['General Motors', 'GM'],
  ['General Electric'],
  ['Toyota'],
  ['Volkswagen'],
  ['ExxonMobil', 'Exxon Mobil', 'Exxon'],
  ['Chevron'],
  ['BP'],
  ['Gazprom'],
  ['Rosneft'],
  ['Saudi Aramco', 'Aramco'],
  ['Goldman Sachs'],
  ['JPMorgan Chase', 'JPMorgan', 'JP Morgan'],
  ['Morgan Stanley'],
  ['Citigroup'],
  ['HSBC'],
  ['Barclays'],
  ['Deutsche Bank'],
  ['Pfizer'],
  ['AstraZeneca'],
  ['Siemens'],
  // A club whose name ends in a weekday, which would otherwise be cut off as a date (`Sheffield Wednesday`).
  ['Sheffield Wednesday']
]

/**
 * Usual variants of names, by surface form (matched as written, then in
 * lower case with runs of spaces as one): `U.S.` -> `United States`.
 */
export const aliases: ReadonlyMap<string, Alias> = new Map<string, Alias>([
  ...[...stateAbbreviations].map(([abbreviation, state]): [string, Alias] => [abbreviation, {canonical: state, type: 'GPE'}]),
  ...organisationNames.flatMap(([canonical, ...variants]) =>
    [canonical, ...variants].map((name): [string, Alias] => [name, {canonical, type: 'ORG'}])
  ),
  ['America', {canonical: 'United States', type: 'GPE'}],
  ['Britain', {canonical: 'United Kingdom', type: 'GPE'}],
  ['Bosnia', {canonical: 'Bosnia and Herzegovina', type: 'GPE'}],
  ['Bosnia-Herzegovina', {canonical: 'Bosnia and Herzegovina', type: 'GPE'}],
  ['Burma', {canonical: 'Myanmar', type: 'GPE'}],
  // Names news copy uses for countries the list names otherwise.
  ['Cape Verde', {canonical: 'Cabo Verde', type: 'GPE'}],
  ["Cote d'Ivoire", {canonical: 'Ivory Coast', type: 'GPE'}],
  ["Côte d'Ivoire", {canonical: 'Ivory Coast', type: 'GPE'}],
  ['Czech Republic', {canonical: 'Czech Republic', type: 'GPE'}],
  ['Czechia', {canonical: 'Czech Republic', type: 'GPE'}],
  ['Congo', {canonical: 'Democratic Republic of the Congo', type: 'GPE'}],
  ['D.C.', {canonical: 'Washington, D.C.', type: 'GPE'}],
  ['DPRK', {canonical: 'North Korea', type: 'GPE'}],
  ['DR Congo', {canonical: 'Democratic Republic of the Congo', type: 'GPE'}],
  ['DRC', {canonical: 'Democratic Republic of the Congo', type: 'GPE'}],
  ['Democratic Republic of Congo', {canonical: 'Democratic Republic of the Congo', type: 'GPE'}],
  ['Downing Street', {canonical: 'Downing Street', type: 'ORG'}],
  ['EU', {canonical: 'European Union', type: 'ORG'}],
  ['E.U.', {canonical: 'European Union', type: 'ORG'}],
  ['Gaza', {canonical: 'Gaza Strip', type: 'GPE'}],
  // `Bank` heads organisations (`the Bank said`); this bank is a territory.
  ['West Bank', {canonical: 'West Bank', type: 'GPE'}],
  ['Great Britain', {canonical: 'United Kingdom', type: 'GPE'}],
  ['Gulf', {canonical: 'Gulf', type: 'LOC'}],
  ['Holland', {canonical: 'Netherlands', type: 'GPE'}],
  ['IMF', {canonical: 'International Monetary Fund', type: 'ORG'}],
  ['Karabakh', {canonical: 'Nagorno-Karabakh', type: 'LOC'}],
  ['Macedonia', {canonical: 'North Macedonia', type: 'GPE'}],
  ['Kremlin', {canonical: 'Kremlin', type: 'ORG'}],
  ['Minsk Group', {canonical: 'OSCE Minsk Group', type: 'ORG'}],
  ['NATO', {canonical: 'NATO', type: 'ORG'}],
  ['Nagorno-Karabakh', {canonical: 'Nagorno-Karabakh', type: 'LOC'}],
  ['Nato', {canonical: 'NATO', type: 'ORG'}],
  ['North Atlantic Treaty Organisation', {canonical: 'NATO', type: 'ORG'}],
  ['North Atlantic Treaty Organization', {canonical: 'NATO', type: 'ORG'}],
  ['OSCE', {canonical: 'Organization for Security and Co-operation in Europe', type: 'ORG'}],
  ['Organization for Security and Cooperation in Europe', {canonical: 'Organization for Security and Co-operation in Europe', type: 'ORG'}],
  ['Organisation for Security and Cooperation in Europe', {canonical: 'Organization for Security and Co-operation in Europe', type: 'ORG'}],
  ['Organisation for Security and Co-operation in Europe', {canonical: 'Organization for Security and Co-operation in Europe', type: 'ORG'}],
  ['Organization for Security and Co-operation in Europe', {canonical: 'Organization for Security and Co-operation in Europe', type: 'ORG'}],
  ['Pentagon', {canonical: 'Pentagon', type: 'ORG'}],
  ['Republic of Korea', {canonical: 'South Korea', type: 'GPE'}],
  ['Russian Federation', {canonical: 'Russia', type: 'GPE'}],
  ['Surinam', {canonical: 'Suriname', type: 'GPE'}],
  ['Swaziland', {canonical: 'Eswatini', type: 'GPE'}],
  ['Timor-Leste', {canonical: 'East Timor', type: 'GPE'}],
  ['Turkey', {canonical: 'Turkey', type: 'GPE'}],
  ['Türkiye', {canonical: 'Turkey', type: 'GPE'}],
  ['U.K.', {canonical: 'United Kingdom', type: 'GPE'}],
  ['U.N.', {canonical: 'United Nations', type: 'ORG'}],
  ['U.S.', {canonical: 'United States', type: 'GPE'}],
  ['U.S.A.', {canonical: 'United States', type: 'GPE'}],
  ['UAE', {canonical: 'United Arab Emirates', type: 'GPE'}],
  ['UK', {canonical: 'United Kingdom', type: 'GPE'}],
  ['UN', {canonical: 'United Nations', type: 'ORG'}],
  ['US', {canonical: 'United States', type: 'GPE'}],
  ['USA', {canonical: 'United States', type: 'GPE'}],
  ['United States', {canonical: 'United States', type: 'GPE'}],
  ['United States of America', {canonical: 'United States', type: 'GPE'}],
  ['Wall Street', {canonical: 'Wall Street', type: 'FAC'}],
  ['Washington', {canonical: 'Washington, D.C.', type: 'GPE'}],
  ['Washington D.C.', {canonical: 'Washington, D.C.', type: 'GPE'}],
  ['Washington DC', {canonical: 'Washington, D.C.', type: 'GPE'}],
  ['Washington, D.C.', {canonical: 'Washington, D.C.', type: 'GPE'}],
  ['West', {canonical: 'the West', type: 'LOC'}]
])

/** Words of a title or role before a name, stripped from the start of a person (`President`, `Special Envoy`). */
export const titleWords: ReadonlySet<string> = new Set([
  'acting', 'adm.', 'admiral', 'ambassador', 'attorney', 'archbishop', 'bishop', 'brig.', 'brigadier', 'capt.', 'captain',
  'cardinal', 'ceo', 'chairman', 'chairwoman', 'chancellor', 'chief', 'col.', 'colonel', 'commander', 'commissioner',
  'congressman', 'congresswoman', 'councillor', 'crown', 'dame', 'deputy', 'director', 'dr', 'dr.', 'emir', 'envoy',
  'ex', 'executive', 'first', 'foreign', 'former', 'gen.', 'general', 'gov.', 'governor', 'judge', 'justice', 'king', 'lady',
  'late', 'leader', 'lieutenant', 'lord', 'lt.', 'madam', 'maj.', 'major', 'mayor', 'minister', 'mr', 'mr.', 'mrs',
  'mrs.', 'ms', 'ms.', 'pope', 'premier', 'president', 'president-elect', 'presidential', 'prime', 'prince',
  'princess', 'prof.', 'professor', 'queen', 'rep.', 'representative', 'rev.', 'reverend', 'secretary', 'sen.',
  'senator', 'sergeant', 'sgt.', 'sheikh', 'sir', 'speaker', 'special', 'spokesman', 'spokesperson', 'spokeswoman',
  'state', 'sultan', 'supreme', 'vice'
])

/** Demonyms and group names not in the nationality package, or spelled otherwise there (adjective forms). */
export const extraDemonyms: readonly string[] = [
  'African', 'Afrikaner', 'Arab', 'Argentine', 'Argentinian', 'Asian', 'Baltic', 'Basque', 'Bosnian', 'Buddhist',
  'Catalan', 'Catholic', 'Chechen', 'Christian', 'Democrat', 'Ecuadorian', 'Emirati', 'English', 'European',
  'Flemish', 'Herzegovinian', 'Hindu', 'Hispanic', 'Jewish', 'Kazakh', 'Kosovar', 'Kurdish', 'Latino', 'Muslim',
  'Northern Irish', 'Palestinian', 'Pashtun', 'Persian', 'Republican', 'Scottish', 'Shia', 'Shiite', 'Slavic',
  'Slovak', 'Soviet', 'Sunni', 'Tatar', 'Turkic', 'Uyghur', 'Uzbek', 'Yemeni',
  // Older and other spellings news still uses.
  'Azeri', 'Islamic', 'Moslem', 'Orthodox', 'Protestant', 'Sikh', 'Yugoslav'
]

/** Words of direction before a demonym that keep it one (`Southeast Asian`, `North Africans`). */
export const directionWords: ReadonlySet<string> = new Set([
  'central', 'east', 'eastern', 'north', 'northeast', 'northern', 'northwest', 'south', 'southeast', 'southern',
  'southwest', 'west', 'western'
])

/**
 * How demonyms are made from place names, as `[ending of the demonym, ending
 * of the place]` (`Texan` <- `Texas`, `Canadian` <- `Canada`, `Brazilian` <-
 * `Brazil`, `Yugoslav` <- `Yugoslavia`). A place the gazetteers know must
 * come out.
 */
export const demonymEndings: ReadonlyArray<readonly [demonym: string, place: string]> = [
  ['n', ''], ['an', ''], ['ian', ''], ['ian', 'a'], ['ian', 'y'], ['an', 'a'], ['n', 's'], ['', 'ia'], ['ese', ''], ['i', '']
]

/** Plural or noun forms of demonyms whose adjective is not the form plus `s` (`Jews` -> `Jewish`). */
export const demonymNouns: ReadonlyMap<string, string> = new Map([
  ['Brits', 'British'],
  ['Britons', 'British'],
  ['Danes', 'Danish'],
  ['Dutchmen', 'Dutch'],
  ['Englishmen', 'English'],
  ['Filipinos', 'Filipino'],
  ['Finns', 'Finnish'],
  ['Frenchmen', 'French'],
  ['Irishmen', 'Irish'],
  ['Jews', 'Jewish'],
  ['Kurds', 'Kurdish'],
  ['Poles', 'Polish'],
  ['Scots', 'Scottish'],
  ['Spaniards', 'Spanish'],
  ['Swedes', 'Swedish'],
  ['Turks', 'Turkish']
])

/** Regions, continents and other places that are not political entities (`LOC`). */
export const regions: readonly string[] = [
  'Africa', 'Alps', 'Amazon', 'Americas', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Balkans', 'Baltics', 'Black Sea',
  'Caspian Sea', 'Caucasus', 'Central America', 'Central Asia', 'Central Europe', 'Donbas', 'East Africa',
  'East Asia', 'Eastern Europe', 'Eurasia', 'Europe', 'Far East', 'Himalayas', 'Horn of Africa', 'Indian Ocean',
  'Indo-Pacific', 'Karabakh', 'Korean Peninsula', 'Latin America', 'Levant', 'Mediterranean', 'Middle East',
  'Nagorno-Karabakh', 'Near East', 'North Africa', 'North America', 'North Caucasus', 'Oceania', 'Pacific',
  'Persian Gulf', 'Red Sea', 'Sahel', 'Scandinavia', 'Siberia', 'Sinai', 'South America', 'South Asia',
  'South Caucasus', 'Southeast Asia', 'Sub-Saharan Africa', 'West Africa', 'Western Europe'
]

/** States, provinces and the autonomous regions in the news (`GPE`). */
export const states: readonly string[] = [
  'Abkhazia', 'Alabama', 'Alaska', 'Alberta', 'Arizona', 'Arkansas', 'Bavaria', 'British Columbia', 'California',
  'Catalonia', 'Chechnya', 'Colorado', 'Connecticut', 'Corsica', 'Crimea', 'Dagestan', 'Delaware', 'England',
  'Flanders', 'Florida', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Ingushetia', 'Iowa', 'Kansas', 'Kashmir',
  'Kentucky', 'Kurdistan', 'Louisiana', 'Maine', 'Manitoba', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota',
  'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York',
  'North Carolina', 'North Dakota', 'Northern Ireland', 'Ohio', 'Oklahoma', 'Ontario', 'Oregon', 'Pennsylvania',
  'Punjab', 'Quebec', 'Rhode Island', 'Sardinia', 'Scotland', 'Sicily', 'South Carolina', 'South Dakota',
  'South Ossetia', 'Tatarstan', 'Tennessee', 'Texas', 'Tibet', 'Transnistria', 'Utah', 'Vermont', 'Virginia', 'Wales',
  'Wallonia', 'West Virginia', 'Wisconsin', 'Wyoming', 'Xinjiang'
]

/** Well-known organisations for the gazetteer feature. */
export const organisations: readonly string[] = [
  'African Union', 'Amnesty International', 'Congress', 'European Commission', 'European Council',
  'European Parliament', 'European Union', 'Hamas', 'Hezbollah', 'International Monetary Fund', 'Interpol', 'NATO',
  'OSCE', 'Parliament', 'Red Cross', 'Senate', 'Taliban', 'United Nations', 'World Bank', 'World Health Organization'
]

/** Last words that make a place name a facility (`Joint Base Andrews`, `Zangezur Corridor`). */
export const facilityWords: ReadonlySet<string> = new Set([
  'airport', 'arena', 'avenue', 'base', 'boulevard', 'bridge', 'building', 'canal', 'cathedral', 'centre', 'church',
  'corridor', 'dam', 'highway', 'hospital', 'mosque', 'palace', 'pipeline', 'plaza', 'port', 'prison', 'railway',
  'road', 'room', 'route', 'square', 'stadium', 'station', 'street', 'synagogue', 'temple', 'terminal', 'theater',
  'theatre', 'tower', 'tunnel'
])

/** Words that make a name an event (`Cold War`, `Olympic Games`). */
export const eventWords: ReadonlySet<string> = new Set([
  'battle', 'championship', 'championships', 'conference', 'crisis', 'cup', 'election', 'elections', 'festival',
  'games', 'genocide', 'holocaust', 'massacre', 'olympics', 'revolution', 'summit', 'uprising', 'war'
])

/**
 * Last words of the names of tournaments and races, events whatever the
 * tagger read (`Hong Kong Open`, `World Cup`, `British Masters`, `Berlin Grand
 * Prix`: `prix` only after `grand`).
 */
export const tournamentWords: ReadonlySet<string> = new Set([
  'championship', 'championships', 'classic', 'cup', 'invitational', 'marathon', 'masters', 'olympics', 'open', 'prix'
])

/** Words that make a name a law or treaty (`Freedom Support Act`, `Charter of the United Nations`). */
export const lawWords: ReadonlySet<string> = new Set([
  'accord', 'accords', 'act', 'agreement', 'amendment', 'bill', 'charter', 'code', 'constitution', 'convention',
  'declaration', 'directive', 'doctrine', 'law', 'pact', 'protocol', 'resolution', 'treaty'
])

/** Words after `White House` that show it acting as an organisation (`the White House said`). */
export const actingWords: ReadonlySet<string> = new Set([
  'added', 'announced', 'confirmed', 'denied', 'has', 'insisted', 'official', 'officials', 'press', 'said', 'says',
  'spokesman', 'spokesperson', 'spokeswoman', 'stated', 'wants', 'warned'
])

/** Last words of natural places (`LOC`): `Caspian Sea`, `Mekong River`. */
export const landformWords: ReadonlySet<string> = new Set([
  'bay', 'canyon', 'coast', 'desert', 'gulf', 'island', 'islands', 'lake', 'mountain', 'mountains', 'ocean',
  'peninsula', 'plain', 'range', 'river', 'sea', 'strait', 'valley'
])

/** Number words: never a name alone, but they open some (`Six Nations`, `Seven Network`). */
export const numberWords: ReadonlySet<string> = new Set([
  'eight', 'eighty', 'eleven', 'fifty', 'five', 'forty', 'four', 'hundred', 'nine', 'ninety', 'one', 'seven',
  'seventy', 'six', 'sixty', 'ten', 'thirty', 'three', 'twelve', 'twenty', 'two'
])

/** Weekday names: after a name they say when (`CNBC Friday`), they do not end it. */
export const weekdayNames: ReadonlySet<string> = new Set(['friday', 'monday', 'saturday', 'sunday', 'thursday', 'tuesday', 'wednesday'])

/** Words that make a weekday part of a day's name (`Black Friday`, `Super Tuesday`, `Palm Sunday`). */
export const dayNameWords: ReadonlySet<string> = new Set([
  'ash', 'black', 'bloody', 'cyber', 'easter', 'good', 'holy', 'maundy', 'palm', 'shrove', 'super'
])

/** Month names: after a name of something other than a person they say when (`the Chicago Purchasing Managers August index`). */
export const monthNames: ReadonlySet<string> = new Set([
  'april', 'august', 'december', 'february', 'january', 'july', 'june', 'march', 'may', 'november', 'october', 'september'
])

/** Capitalised words that are never a name alone: days, months, numbers, pronouns, common abbreviations (`Friday`, `Thirty`, `Many`, `GMT`). */
export const notNames: ReadonlySet<string> = new Set([
  ...numberWords,
  ...weekdayNames,
  ...monthNames,
  'all', 'also', 'an', 'and', 'any', 'both', 'but', 'every', 'he', 'her', 'his', 'i', 'it', 'its', 'many', 'most',
  'my', 'no', 'our', 'she', 'some', 'that', 'the', 'their', 'these',
  'they', 'this', 'those', 'tv', 'we', 'you', 'your',
  // The labels of wire-service results tables (`Shr 12 cts vs 10 cts`,
  // `Revs 12.3 mln vs 10.1 mln`, `Qtly div 12 cts`, `Avg shrs`, `Nine mths`).
  'avg', 'cts', 'div', 'dlrs', 'mths', 'oper', 'qtly', 'qtr', 'revs', 'shr', 'shrs',
  // Abbreviations in capitals that name no organisation: time zones, roles,
  // measures, currencies, technologies, diseases.
  // (Not those that are also names: `Ram`, `Led Zeppelin`, `BSE` the exchange.)
  'aids', 'api', 'atm', 'bpd', 'bst', 'ceo', 'cest', 'cet', 'cfo', 'coo', 'cpi', 'cpu', 'cto', 'diy', 'dna', 'dvd',
  'edt', 'eps', 'etf', 'faq', 'gdp', 'gmt', 'gnp', 'gps', 'gpu', 'hiv', 'html', 'icbm', 'ipo', 'kwh', 'lcd', 'lng',
  'lpg', 'mep', 'mph', 'mrsa', 'otc', 'pdf', 'pdt', 'pst', 'ptsd', 'rna', 'sms', 'ufo', 'url', 'usb', 'utc', 'vat',
  'vip', 'wmd', 'www', 'aud', 'cad', 'chf', 'cny', 'djia', 'eur', 'gbp', 'inr', 'jpy', 'rub', 'sdk', 'usd'
])

/** Heads of organisation, facility and law names that go on through `of` / `for` (`Charter of the United Nations`). */
export const openHeads: ReadonlySet<string> = new Set([
  'academy', 'agency', 'association', 'bank', 'charter', 'college', 'commission', 'committee', 'council', 'court',
  'declaration', 'department', 'federation', 'foundation', 'fund', 'institute', 'ministry', 'office', 'organisation',
  'organization', 'route', 'school', 'treaty', 'union', 'university'
])

/** Last words that make a name of several words an organisation, whatever the tagger said (`AirTran Airways`, `Ford Motor Company`). */
export const organisationHeads: ReadonlySet<string> = new Set([
  'airlines', 'airways', 'association', 'bank', 'club', 'co', 'co.', 'company', 'corp', 'corp.', 'corporation', 'federation',
  'foundation', 'group', 'holdings', 'inc', 'inc.', 'industries', 'institute', 'llc', 'ltd', 'ltd.', 'motor', 'motors', 'party',
  'plc', 'society', 'university'
])

/**
 * Last words of a public body's name, which may open with its place or its
 * people (`U.S. Agriculture Department`, `Central Jakarta District Court`,
 * `Palestinian Authority`) or with none (`Foreign Ministry`, `Central
 * Narcotics Bureau`): the whole is the organisation.
 */
export const bodyHeads: ReadonlySet<string> = new Set([
  'administration', 'agency', 'authority', 'board', 'bureau', 'commission', 'committee', 'council', 'court', 'department',
  'ministry', 'treasury', 'tribunal'
])

/**
 * Words that open a sports club's name before its town (`Real Madrid`,
 * `Dynamo Kiev`, `Sporting Lisbon`, `Inter Milan`): with them the town is the club.
 */
export const clubPrefixes: ReadonlySet<string> = new Set([
  'atletico', 'atlético', 'bayer', 'borussia', 'celta', 'cska', 'deportivo', 'dinamo', 'dynamo', 'eintracht', 'fortuna',
  'hapoel', 'hertha', 'inter', 'lokomotiv', 'maccabi', 'olympique', 'partizan', 'racing', 'rapid', 'real', 'shakhtar',
  'slavia', 'spartak', 'sparta', 'sporting', 'steaua', 'torpedo', 'werder', 'zenit'
])

/** Last words of a competition (`the American League`, `the Davis Cup`): a club's name does not run on into one through `for the`. */
export const competitionWords: ReadonlySet<string> = new Set(['championship', 'conference', 'cup', 'division', 'league', 'series', 'title', 'trophy'])

/** Suffixes a person's name takes after a comma (`Martin Luther King, Jr.`), as lower-case words. */
export const nameSuffixes: ReadonlySet<string> = new Set(['ii', 'iii', 'iv', 'jr', 'jr.', 'sr', 'sr.'])

/**
 * Last words of a company's name of several words that no place ends on
 * (`Kansai Electric Power`, `North American Equity Services`, `Reagan
 * Communications`): the tagger's place there is the company. Not alone: a
 * word in a headline (`Power`, `Energy`) is no company.
 */
export const industryWords: ReadonlySet<string> = new Set([
  'bancorp', 'bancshares', 'brewing', 'chemical', 'chemicals', 'commodities', 'communications', 'electric', 'electronics', 'energy',
  'engineering', 'entertainment', 'financial', 'foods', 'insurance', 'investments', 'mining', 'petroleum',
  'pharmaceuticals', 'power', 'products', 'resources', 'securities', 'services', 'shipping', 'steel', 'systems',
  'technologies', 'technology', 'telecom', 'telecommunications'
])

/** How a batsman was out on a cricket scorecard, before the fielder's or bowler's name (`c Vaas b Chandana`). */
export const scorecardMarks: ReadonlySet<string> = new Set(['b', 'c', 'lbw', 'st'])

/** Words after `and` or `&` that end a partnership's name (`Merrill Lynch and Co`, `Sears, Roebuck and Co`, `Smith & Sons`). */
export const partnershipWords: ReadonlySet<string> = new Set(['associates', 'co', 'co.', 'company', 'partners', 'sons'])

/** Legal forms that end a company's name (`RJ Reynolds Tobacco Co`, `Volkswagen AG`), as lower-case words. */
export const legalForms: ReadonlySet<string> = new Set([
  'ag', 'asa', 'bhd', 'bv', 'co', 'co.', 'corp', 'corp.', 'corporation', 'gmbh', 'inc', 'inc.', 'llc', 'ltd', 'ltd.', 'nv',
  'oyj', 'plc', 'pte', 'pty', 'sa', 'sarl', 'spa', 'srl'
])

/** Words a headline in title case leaves in lower case (AP and Chicago style: articles, conjunctions, short prepositions). */
export const titleLowerWords: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'as', 'at', 'but', 'by', 'en', 'for', 'from', 'if', 'in', 'into', 'nor', 'of', 'off', 'on',
  'onto', 'or', 'over', 'per', 'so', 'than', 'the', 'to', 'up', 'upon', 'via', 'vs', 'with', 'yet'
])

/** Titles that announce a person's name right after them (`President Ilham Aliyev`, `Special Envoy Witkoff`). */
export const personTitles: ReadonlySet<string> = new Set([
  'ambassador', 'captain', 'chairman', 'chairwoman', 'chancellor', 'coach', 'commissioner', 'director', 'dr', 'dr.', 'envoy',
  'gov.', 'governor', 'king', 'leader', 'manager', 'mayor', 'minister', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'pope', 'premier',
  'president', 'prince', 'princess', 'queen', 'rep.', 'secretary', 'sen.', 'senator', 'sheikh', 'spokesman',
  'spokesperson', 'spokeswoman', 'state'
])

/** Lower-case words that occur inside names (`Charter of the United Nations`, `Ludwig van Beethoven`). */
export const particles: ReadonlySet<string> = new Set([
  'al', 'and', 'bin', 'da', 'de', 'del', 'der', 'di', 'du', 'for', 'in', 'la', 'le', 'of', 'on', 'the', 'van', 'von'
])

/** The particles of people's names (`Ursula von der Leyen`, `Osama bin Laden`, `Duke of Edinburgh`); not `on`, `in`, `and`. */
export const personParticles: ReadonlySet<string> = new Set(['al', 'bin', 'da', 'de', 'del', 'den', 'der', 'di', 'du', 'la', 'le', 'of', 'van', 'von'])

/** Particles inside hyphenated names (`Ata-ur-Rehman`, `Chester-le-Street`, `al-Aqsa`, `Stratford-upon-Avon`). */
export const hyphenParticles: ReadonlySet<string> = new Set([
  'al', 'as', 'ad', 'ar', 'ash', 'at', 'de', 'del', 'di', 'du', 'el', 'en', 'la', 'le', 'on', 'sur', 'ud', 'ul', 'upon', 'ur'
])

/**
 * Nouns that describe a company right before its name (`automaker Chrysler`,
 * `the US automobile manufacturer Ford`): a person the tagger saw there is the
 * company (see `retypeCompanies` in `entities.ts`).
 */
export const companyNouns: ReadonlySet<string> = new Set([
  'airline', 'automaker', 'bank', 'broadcaster', 'carmaker', 'carrier', 'company', 'conglomerate', 'contractor', 'firm',
  'giant', 'insurer', 'maker', 'manufacturer', 'publisher', 'retailer', 'subsidiary', 'supplier'
])

/**
 * Lower-case nouns of the press right before a paper's or an agency's name
 * (`the news agency Tanjug`, `the weekly Der Spiegel`) or right after it
 * (`Le Matin newspaper`, `Yonhap news agency`): a name there is the
 * organisation (see `addMedia` in `entities.ts`).
 */
export const mediaNouns: ReadonlySet<string> = new Set([
  'agency', 'broadsheet', 'daily', 'magazine', 'monthly', 'newspaper', 'newspapers', 'tabloid', 'weekly'
])

/**
 * Last words of the names of papers, agencies and news desks that open with
 * a place (`Jakarta Post`, `Hong Kong Standard`, `Iraqi News Agency`, `New
 * York Energy Desk`): such a name is an organisation, not the place.
 */
export const mastheadWords: ReadonlySet<string> = new Set([
  'agency', 'chronicle', 'desk', 'gazette', 'herald', 'journal', 'newsdesk', 'newsroom', 'observer', 'post',
  'standard', 'telegraph', 'times', 'tribune'
])

/** Prepositions before a place (`to Jordan`, `of Jordan`): a country's name there is the country, not a namesake. */
export const placePrepositions: ReadonlySet<string> = new Set([
  'across', 'at', 'from', 'in', 'into', 'near', 'of', 'outside', 'through', 'throughout', 'to', 'toward', 'towards', 'within'
])

/** Words of match reports: a document with `clubContextMinimum` of them or more reports matches. */
export const matchWords: ReadonlySet<string> = new Set([
  'baseball', 'basketball', 'batting', 'bowling', 'championship', 'coach', 'cricket', 'cup', 'defeat', 'defender',
  'draw', 'fixture', 'fixtures', 'football', 'goal', 'goalkeeper', 'goals', 'half-time', 'hockey', 'homer', 'inning', 'innings',
  'kick-off', 'league', 'match', 'matches', 'midfielder', 'penalty', 'pitcher', 'playoff', 'playoffs', 'premiership',
  'quarterback', 'referee', 'rugby', 'scored', 'season', 'semi-final', 'semifinal', 'soccer', 'squad', 'standings',
  'striker', 'touchdown', 'tries', 'try', 'unbeaten', 'victory', 'wicket', 'wickets'
])

/** Sports words a document needs to be read as a match report (see `matchWords`). */
export const clubContextMinimum = 4

/** Clubs in results lines or standings rows that with one sports word make a match report (two results lines). */
export const tableClubMinimum = 4

/** Words after a town that make it a club in a match report (`Chelsea beat Arsenal`). */
export const clubVerbsAfter: ReadonlySet<string> = new Set([
  'batted', 'beat', 'beating', 'clinched', 'declared', 'defeated', 'drew', 'draw', 'edged', 'finished', 'host', 'hosted',
  'hosts', 'led', 'leads', 'lost', 'lose', 'need', 'needed', 'rallied', 'reached', 'routed', 'scored', 'swept',
  'thrashed', 'tied', 'trail', 'trailed', 'v', 'vs', 'won'
])

/** Words before a town that make it a club in a match report (`lost to Leeds`, `against Arsenal`). */
export const clubWordsBefore: ReadonlySet<string> = new Set([
  'against', 'beat', 'beating', 'for', 'joined', 'joining', 'joins', 'over', 'rivals', 'v', 'vs', 'with'
])

/** Nouns right before a name that make it a club in a match report (`serie A club Atalanta`, `first division side Nice`). */
export const clubNounsBefore: ReadonlySet<string> = new Set(['club', 'side', 'team'])

/**
 * Words that make a town, county or state right before them a sports club
 * (`Surrey captain Chris Lewis`, `Leeds fans`); countries keep their type
 * (national teams: `England captain`).
 */
export const clubRoleWords: ReadonlySet<string> = new Set([
  'batsman', 'bowler', 'boss', 'captain', 'chairman', 'coach', 'defender', 'fans', 'forward', 'goalkeeper', 'keeper',
  'manager', 'midfielder', 'opener', 'skipper', 'spinner', 'squad', 'striker', 'supporters', 'teammate', 'wicketkeeper',
  'winger'
])
