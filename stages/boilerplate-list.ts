/**
 * Data for the `boilerplate` stage: template families by kind, newsletter
 * prompts for fuzzy matching, agency and outlet names, stopwords.
 * No logic here. Adding an outlet's template is one line in the right list.
 */

/** What a boilerplate line is. */
export type BoilerplateKind =
  | 'newsletter'
  | 'photo-caption'
  | 'photo-credit'
  | 'copyright'
  | 'byline'
  | 'contact'
  | 'tags'
  | 'navigation'
  | 'promo'
  | 'ui'
  | 'footer'
  | 'other'

/** A template family: a pattern over one trimmed line. */
export interface LinePattern {
  /** Stable rule id (the `rule` column of `edits.csv`). */
  readonly rule: string
  readonly kind: BoilerplateKind
  readonly pattern: RegExp
  /** Test a line must pass before `pattern` is tried (a fast filter for unanchored patterns). */
  readonly hint?: RegExp
}

/**
 * Line templates, by family; the first match wins. Patterns see the line
 * trimmed, with list dashes and bullets (`- `, `• `) removed from its start,
 * and only lines of at most 320 characters. Start a pattern with `^` so the
 * stage can join it into its one-pass screen; an unanchored one needs a `hint`.
 */
export const linePatterns: readonly LinePattern[] = [
  // Newsletter and alert prompts (Global News, CBC, CNN, Guardian, Postmedia, local US papers).
  {rule: 'newsletter-prompt', kind: 'newsletter', pattern: /^get (?:breaking|daily|weekly|the latest|the day['’]s top) [\p{L}&,' ]{0,40}news(?: delivered.*)?[.!]?$/iu},
  {rule: 'newsletter-prompt', kind: 'newsletter', pattern: /^(?:sign(?:ing)? ?up|subscribe|register|enrol+|join|get|receive)\b.{0,160}\b(?:newsletters?|e-?mail alerts?|news alerts?|inbox|notifications?)\b.{0,160}$/iu},
  {rule: 'newsletter-prompt', kind: 'newsletter', pattern: /^(?:by signing up|thanks for signing up|a welcome email is on its way|the next issue of|we encountered an issue signing you up|interested in more newsletters|you['’]re (?:all )?signed up|privacy notice: newsletters)\b/iu},
  {rule: 'newsletter-prompt', kind: 'newsletter', pattern: /^(?:sign up|subscribe)(?: here| now| today| for free)?[.!]?$/iu},
  // Photo captions: AP `FILE - President Joe Biden speaks … (AP Photo/Evan Vucci, File)`,
  // BBC `Image caption, …`, Reuters galleries `Item 1 of 3 …`.
  {rule: 'photo-caption', kind: 'photo-caption', pattern: /^FILE\s*[-–—]\s+\S.{10,}$/u},
  {rule: 'photo-caption', kind: 'photo-caption', pattern: /^(?:image caption|media caption|caption)\s*[,:]\s*\S.{0,300}$|^item \d{1,2} of \d{1,2}\b/iu},
  // Photo credits: BBC `Image source, Getty Images`, Guardian `Photograph: Evan Vucci/AP`.
  {rule: 'photo-credit', kind: 'photo-credit', pattern: /^(?:image source|photograph|photo|picture|image|credit|photo credit)\s*[,:]\s*[^,.;]{2,80}$/iu},
  // Copyright lines: `© 2025 The Canadian Press`, `Copyright 2025 The Associated Press. All rights reserved.`
  {rule: 'copyright-line', kind: 'copyright', pattern: /^(?:©|&copy;|copyright\b|\(c\)(?=\s*(?:(?:19|20)\d{2}|copyright)\b))/iu},
  {rule: 'copyright-line', kind: 'copyright', pattern: /^all rights reserved\b|^this (?:material|article|story) may not be (?:published|reproduced|copied)/iu},
  // Bylines: `By Jane Doe, The Associated Press`, `BY JOHN SMITH | Reuters`.
  // Each name word is taken whole (the look-ahead) and words are split by
  // spaces, so a line of capitals has one reading, not one per way to cut it.
  {rule: 'byline-line', kind: 'byline', pattern: /^(?:By|BY|by)\s+[\p{Lu}][\p{L}'’.-]*(?![\p{L}'’.-])(?:\s+[\p{Lu}][\p{L}'’.-]*(?![\p{L}'’.-])){0,3}\s*(?:(?:,|\band\b|&|\|)\s*(?:the\s+)?[\p{Lu}][\p{L}'’.()-]*(?![\p{L}'’.()-])(?:\s+[\p{Lu}][\p{L}'’.()-]*(?![\p{L}'’.()-])){0,5}\s*)*$/u},
  // Reporter roles under a name: BBC `North America correspondent`, `Staff Writer`.
  {rule: 'byline-role', kind: 'byline', pattern: /^(?:[\p{Lu}][\p{L}-]* ){0,4}(?:[Cc]orrespondent|[Rr]eporter|[Ee]ditor|[Ww]riter|[Cc]olumnist|[Cc]ontributor|[Jj]ournalist|[Bb]ureau [Cc]hief)s?$/u},
  // Agency and desk sign-offs: `- Story By Agence France-Presse (AFP)`, `Compiled & Edited by ET Desk`.
  {rule: 'signature-line', kind: 'byline', pattern: /^(?:story|report|reporting|text|written|compiled|edited|compiled (?:&|and) edited|writing|additional reporting|editing|produced|translated)(?: (?:&|and) \p{L}+)? by\b.{1,120}$/iu},
  {rule: 'signature-line', kind: 'byline', pattern: /^\((?:reporting|writing|additional reporting|editing|compiled) by\b.*\)$/iu},
  {rule: 'signature-line', kind: 'byline', pattern: /^(?:—|–|-)?\s*with files from\b/iu},
  {rule: 'signature-line', kind: 'byline', pattern: /^(?:this (?:story|article|report) (?:was|has been) (?:originally |first )?(?:published|produced|written|updated|corrected)|(?:this (?:story|article) )?originally (?:published|appeared))\b/iu},
  // The Canadian Press trailer: `This report by The Canadian Press was first published Aug. 8, 2025.`
  {rule: 'signature-line', kind: 'byline', pattern: /^this (?:report|story|article) by .{2,80} was (?:first |originally )?published\b/iu},
  {rule: 'signature-line', kind: 'byline', pattern: /\bcontributed(?: reporting)? to this (?:report|story|article)\.?$/iu, hint: /contributed/i},
  {rule: 'signature-line', kind: 'byline', pattern: /^(?:source|sources|credit|courtesy|via)\s*:\s*.{1,80}$/iu},
  // Contact lines: `Mail us at editor (at) eurasiantimes.com`, `Email: news@example.com`.
  {rule: 'contact-line', kind: 'contact', pattern: /^(?:e-?mail|mail|write to|contact|reach|send (?:news )?tips|got a (?:news )?tip|have a (?:news )?tip)\b.{0,120}(?:@|\(at\)|\[at\]| at \S+\.(?:com|org|net|co|ca|uk|in|au))/iu},
  {rule: 'contact-line', kind: 'contact', pattern: /^(?:tel|phone|fax|e-?mail)\s*:\s*\S.{0,80}$/iu},
  // A bio with its address: `Jane Doe covers city hall. Reach her at jdoe@dailyherald.com.`
  {rule: 'contact-line', kind: 'contact', pattern: /^(?=.{0,300}\b(?:reach|contact|e-?mail|write to)\b).{0,300}\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b.{0,40}$/iu, hint: /@/},
  {rule: 'contact-line', kind: 'contact', pattern: /^follow (?:us|[\p{Lu}][\p{L}.' -]{1,60}) on (?:twitter|x|facebook|instagram|bluesky|threads|linkedin|tiktok|youtube)\b.{0,80}$/iu},
  {rule: 'contact-line', kind: 'contact', pattern: /^(?:follow|contact) (?:us|[\p{Lu}][\p{L}.' -]{1,60})(?: at| on)? @\w+\.?$/iu},
  {rule: 'contact-line', kind: 'contact', pattern: /^follow (?:ap|reuters|afp|bbc|cnn|the guardian|our)['’]?s? (?:coverage|live coverage|updates)\b.{0,160}$/iu},
  // Tags labels: `Tags`, `Tags: Armenia, Azerbaijan`, `Filed under: World`.
  {rule: 'tags-label', kind: 'tags', pattern: /^(?:tags?|topics?|keywords?|filed under|categories|category|related topics|suggested topics|explore more on these topics|more on)\s*(?::.{0,200})?$/iu},
  // Advertisement and sponsor markers.
  {rule: 'advertisement', kind: 'promo', pattern: /^(?:advertisement|advertising|ad|sponsored(?: content)?|paid (?:content|post)|promoted|skip advertisement|story continues (?:below|after) (?:this )?advertisement|article content continues below|continue reading below|scroll to continue(?: with content)?)(?:\s*[-–—:|]\s*(?:scroll|continue|story continues)[\p{L} ]{0,30})?[.:]?$/iu},
  {rule: 'promo-prompt', kind: 'promo', pattern: /^(?:subscribe|follow us|like us|join us|find us) (?:to|on) (?:our )?(?:youtube|facebook|instagram|twitter|x|tiktok|linkedin|whatsapp|telegram|google news)\b.{0,120}$/iu},
  {rule: 'promo-prompt', kind: 'promo', pattern: /^(?:click here|tap here|download (?:the|our) [\p{L} ]{0,30}app|get the [\p{L} ]{0,30}app|support (?:local |independent )?journalism|subscribe (?:to|for) [\p{L} ]{0,40}(?:unlimited|digital|full) access|enjoy unlimited access|already a subscriber|become a (?:member|subscriber)|unlock (?:this|full) (?:article|access))\b.{0,160}$/iu},
  // Share and follow prompts.
  {rule: 'share-prompt', kind: 'ui', pattern: /^(?:share|share this(?: article| story| page)?|share on [\p{L} ]{1,20}|share via [\p{L} ]{1,20}|tweet|pin it|copy link|copy article link|link copied|email|print|save|comments?|\d+ comments?|view comments|leave a comment|facebook|twitter|whatsapp|linkedin|reddit|x|messenger|join the conversation|show comments|comment now|leave a reply)[.:]?$/iu},
  {rule: 'share-prompt', kind: 'ui', pattern: /^(?:click to (?:share|email|print) (?:on|this|a link)|share (?:this|the) (?:article|story) (?:on|via|with))\b.{0,80}$/iu},
  // Related and read-more links: `Related: …`, `READ MORE: …`, `Also read:`.
  {rule: 'related-link', kind: 'navigation', pattern: /^(?:related(?: articles?| stories| coverage| content| news| reading)?|read more|read also|also read|see also|more from [\p{L}.' ]{1,40}|more stories|more news|recommended(?: for you| reading| stories)?|most (?:read|popular|viewed)|trending(?: now)?|you (?:may|might) (?:also )?like|top stories|latest news|editor['’]s picks|watch more|read next|up next|more on this story|read the full (?:story|article))\b\s*(?:[:>»|–—-].{0,200})?$/iu},
  {rule: 'related-link', kind: 'navigation', pattern: /^(?:home|news|world|politics)(?:\s*[>»/|]\s*[\p{L} &]{1,30}){1,5}$/iu},
  {rule: 'related-link', kind: 'navigation', pattern: /^(?:skip to (?:main )?content|jump to|back to top|previous (?:article|story)|next (?:article|story)|go to|menu|search|close|open|sign in|log ?in|log out|my account|subscribe)[.:]?$/iu},
  // Timestamps: `Updated 4 minutes ago`, `Published: Aug. 8, 2025 at 3:04 p.m. ET`, `Aug 8, 2025, 3:04 PM ET`.
  // A bare date line (`June 9, 2008`) is the article's date line and stays.
  // A zone (`ET`) is a whole word, so a run of letters is not cut into zones many ways.
  {rule: 'timestamp', kind: 'ui', pattern: /^(?:(?:last )?updated|published|posted|first published|(?:last )?modified)(?: on| at)?\s*:?\s*(?:\d{1,3} (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago|(?:(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s|\d)[\p{L}\d,.:/ -]{0,40}\d(?:\s*(?:a\.?m\.?|p\.?m\.?|[A-Z]{2,4}(?![A-Z])))*)\.?$/iu},
  {rule: 'timestamp', kind: 'ui', pattern: /^\d{1,3} (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago$/iu},
  {rule: 'timestamp', kind: 'ui', pattern: /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4},? (?:at )?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?: [A-Z]{2,4})?$/iu},
  {rule: 'timestamp', kind: 'ui', pattern: /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4},? (?:at )?\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?: [A-Z]{2,4})?$/iu},
  {rule: 'timestamp', kind: 'ui', pattern: /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},? \d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?: [A-Z]{2,4})?$/iu},
  // Reading-time and player strings.
  {rule: 'player-string', kind: 'ui', pattern: /^(?:\d{1,3}[ -]min(?:ute)?s?(?: read| listen)?|reading time:? \d{1,3} min(?:ute)?s?|listen(?: to (?:this|the) (?:article|story))?(?: \(?\d{1,2}:\d{2}\)?)?(?: min(?:ute)?s?)?|play(?: video| audio)?|watch(?: now| video| live)?|pause|mute|unmute|replay|loading\W*|video(?: player)?|audio|now playing|\d{1,2}:\d{2}(?: \/ \d{1,2}:\d{2})?|your browser does not support .{1,60}|this video (?:is|has been) .{1,80}|video (?:ad )?feedback)[.:]?$/iu},
  {rule: 'player-string', kind: 'ui', pattern: /^(?:watch|video|listen|audio)\s*[:|–—]\s*.{1,160}$/iu},
  // Site footers; a link after a separator ends on a letter, so the spaces
  // around separators belong to one side only.
  {rule: 'footer', kind: 'footer', pattern: /^(?:terms (?:of (?:use|service)|and conditions)|privacy (?:policy|notice)|cookie (?:policy|settings|preferences)|about us|contact us|advertise with us|careers|accessibility|site ?map|do not sell(?: or share)? my personal information)(?:\s*[|•·/]\s*[\p{L}'](?:[\p{L}' ]{0,38}[\p{L}'])?)*\.?$/iu},
  {rule: 'footer', kind: 'footer', pattern: /^(?:the associated press receives (?:financial )?support|ap is solely responsible for all content|find ap['’]s standards for working with philanthropies|we use cookies|by (?:continuing|using this site)|this (?:site|website) uses cookies)\b/iu},
  {rule: 'footer', kind: 'footer', pattern: /^(?:report (?:a )?(?:typo|error|correction)|corrections? policy|editorial standards|ethics policy|reuse this content|our standards: the thomson reuters trust principles)\b.{0,40}$/iu},
  {rule: 'footer', kind: 'footer', pattern: /^the associated press is an independent global news organization\b/iu}
]

/** List dashes and bullets a line may start with (`- Story By …`, `• Share`). */
export const bullets: ReadonlySet<string> = new Set(['*', '-', '·', '–', '—', '•', '▪'])

/** A run of {@link bullets} at the start of a line, with the spaces after each. */
export const bulletPattern = /^(?:[-–—•*▪·]\s*)+/u

/**
 * A letter or a number: a line without one (`* * *`, `___`, `—`, `…`, a row of
 * emoji) carries no article text and is a separator.
 */
export const textPattern = /[\p{L}\p{N}]/u

/** The label before a photo credit (`Photograph: Evan Vucci/AP` -> `Evan Vucci/AP`). */
export const creditLabelPattern = /^(?:image source|photograph|photo credit|photo|picture|image|credit)\s*[,:]\s*/iu

/** The mark opening a copyright line, doubled marks too (`Copyright © 2025 …`, `(c) 2025 …`). */
export const copyrightMarkPattern = /^(?:©|\(c\)|&copy;|copyright)\s*(?:(?:©|\(c\))\s*)?/iu

/** Words a byline or signature credits that are no name (`By Staff`, `by the`). */
export const creditFillers: ReadonlySet<string> = new Set(['staff', 'the'])

/** A credit that can stand alone on a line or in parentheses: `(AP Photo/Evan Vucci)`, `Getty Images`. */
export const creditPattern =
  /^(?:(?:ap|afp|reuters|epa|upi|cp|pa|dpa|xinhua|anadolu|getty|bloomberg|nurphoto|sipa|zuma|shutterstock|alamy|istock|file|staff|handout|courtesy|supplied|the canadian press)(?: photo| images| pictures| photos| via getty images| wire| press| media)?(?:\s*\/\s*[^()]{1,80})?|(?:photo|photograph|image|picture|pictures|credit|photo credit|file photo|photo illustration|illustration)(?: by)?\s*(?:[:/]|\.{3}|…)\s*[^()]{1,80}|[^()]{1,60}\/(?:ap|afp|reuters|epa|getty images|the canadian press|bloomberg|shutterstock|alamy|pa(?: media)?|dpa|sipa|zuma(?: press)?|nurphoto)(?:\s+(?:photo|images|pictures|file|via .{1,40}))?|[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:az|com|org|net|gov|ru|ua|am|ge|tr|uk|ca|in|au|eu|int|info|news))$/iu

/** Inline credits inside a paragraph: `(AP Photo/Evan Vucci)`, `[Photo: Reuters]`. */
export const inlineCreditPattern =
  /[([](?:(?:AP|AFP|EPA|UPI|CP|PA|Reuters|Getty|Xinhua|Anadolu|Bloomberg|The Canadian Press)(?:(?: Photo| Images| Pictures| Photos| via Getty Images)(?:\s*\/\s*[^()[\]\n]{1,80})?|\s*\/\s*[^()[\]\n]{1,80})|(?:Photo|Photograph|Image|Picture|Credit|Photo credit|File photo|Photo illustration)(?: by)?\s*[:/]\s*[^()[\]\n]{1,80}|(?:Photo|Photograph|Picture) by [^()[\]\n]{1,80}|[^()[\]\n]{1,60}\/(?:AP|AFP|Reuters|EPA|Getty Images|The Canadian Press|Bloomberg|Shutterstock|Alamy|PA(?: Media)?|dpa|Sipa|ZUMA(?: Press)?|NurPhoto)(?: Photo| Images| Pictures| File| via [^()[\]\n]{1,40})?)[)\]]/gu

/** A credit closing a caption line: `… at the White House. Photograph: Evan Vucci/AP`. */
/**
 * Cues of a story sentence rather than a photo caption: a quoted sentence
 * (a title in quotes, `the “Digi-destined”`, is no cue) or a reporting verb. A body sentence that ends with a credit keeps its words and
 * loses only the credit (`… said the city “cannot afford this.” (AP Photo/…)`).
 */
export const narrativeCuePattern = /[“"][^”"]*\s[^”"]*[.!?,][”"]|\b(?:said|says|told|according to)\b/u

export const closingLabelCreditPattern = /\S\s+(?:Photograph|Photo|Picture|Image|Credit|Illustration|Photo illustration):\s([^:;]{2,80})$/u

/** Quick test that a line may hold an inline credit at all. */
export const inlineCreditHint = /Photo|Image|Picture|Credit|\/|Getty|Reuters|AFP|AP\)/u

/**
 * Newsletter and alert prompts, one outlet template per line, matched
 * fuzzily (content words, after {@link synonyms}) so spun and edited
 * variants match too.
 */
export const newsletterTemplates: readonly string[] = [
  'For news impacting Canada and around the world, sign up for breaking news alerts delivered directly to you when they happen.',
  "Get the day's top news, political, economic, and current affairs headlines, delivered to your inbox once a day.",
  'Get the latest news delivered to your inbox.',
  'Sign up for our daily newsletter to get the latest news delivered to your inbox.',
  'Stay up to date with the latest news by signing up for our free newsletter.',
  'Never miss a story: sign up for our newsletters to stay up to date on the latest news.',
  'Sign up for our morning newsletter and get the news in your inbox.',
  'Sign up to receive daily headline news, delivered to your inbox every morning.',
  'Receive the latest breaking news alerts on your phone by downloading our app.',
  'Download our app to get breaking news alerts and the latest headlines.',
  'Enable notifications to receive breaking news alerts as they happen.',
  'The daily briefing newsletter provides all the news you need to start your day. Sign up here.',
  'Sign up to our free daily newsletter, every weekday morning.',
  'Want more stories like this? Subscribe to our newsletter.',
  'Support independent journalism: subscribe today for unlimited access.',
  'Get local news delivered to your inbox.'
]

/** Words one of which a line must hold to be matched against the newsletter templates; spinners keep them. */
export const newsletterHint = /alert|inbox|newsletter|subscri|deliver|notif|\bapp\b|e-?mail|sign(?:ing)? ?up|enrol|regist/i

/**
 * Canonical forms of words spinners and editors swap in prompts
 * (`enroll for breaking news alerts` = `sign up for breaking news alerts`).
 */
export const synonyms: ReadonlyMap<string, string> = new Map([
  ['enroll', 'sign'],
  ['enrol', 'sign'],
  ['register', 'sign'],
  ['subscribe', 'sign'],
  ['signing', 'sign'],
  ['join', 'sign'],
  ['occur', 'happen'],
  ['happen', 'happen'],
  ['transpire', 'happen'],
  ['unfold', 'happen'],
  ['break', 'happen'],
  ['affecting', 'impacting'],
  ['impact', 'impacting'],
  ['influencing', 'impacting'],
  ['worldwide', 'world'],
  ['globe', 'world'],
  ['global', 'world'],
  ['despatched', 'delivered'],
  ['dispatched', 'delivered'],
  ['sent', 'delivered'],
  ['send', 'delivered'],
  ['straight', 'directly'],
  ['instantly', 'directly'],
  ['immediately', 'directly'],
  ['newest', 'latest'],
  ['current', 'latest'],
  ['recent', 'latest'],
  ['e-mail', 'email'],
  ['mailbox', 'inbox'],
  ['warnings', 'alert'],
  ['alerts', 'alert'],
  ['notifications', 'alert'],
  ['notification', 'alert'],
  ['newsletters', 'newsletter'],
  ['headline', 'news'],
  ['headlines', 'news'],
  ['information', 'news'],
  ['tales', 'story'],
  ['stories', 'story'],
  ['daily', 'day'],
  ['everyday', 'day'],
  ['cost-free', 'free']
])

/**
 * News agencies by the names texts give them; the value is the name used
 * when only an abbreviation is stated (a dateline `(AP)`).
 */
export const agencies: ReadonlyMap<string, string> = new Map([
  ['aap', 'Australian Associated Press'],
  ['afp', 'Agence France-Presse'],
  ['agence france-presse', 'Agence France-Presse'],
  ['agence france presse', 'Agence France-Presse'],
  ['anadolu', 'Anadolu Agency'],
  ['anadolu agency', 'Anadolu Agency'],
  ['ani', 'Asian News International'],
  ['ansa', 'ANSA'],
  ['ap', 'The Associated Press'],
  ['associated press', 'The Associated Press'],
  ['the associated press', 'The Associated Press'],
  ['bloomberg', 'Bloomberg'],
  ['bloomberg news', 'Bloomberg'],
  ['canadian press', 'The Canadian Press'],
  ['the canadian press', 'The Canadian Press'],
  ['cp', 'The Canadian Press'],
  ['cnn wire', 'CNN Wire'],
  ['dpa', 'dpa'],
  ['efe', 'EFE'],
  ['ians', 'IANS'],
  ['interfax', 'Interfax'],
  ['kyodo', 'Kyodo News'],
  ['kyodo news', 'Kyodo News'],
  ['pa', 'PA Media'],
  ['pa media', 'PA Media'],
  ['press association', 'PA Media'],
  ['pti', 'Press Trust of India'],
  ['press trust of india', 'Press Trust of India'],
  ['reuters', 'Reuters'],
  ['reuter', 'Reuters'],
  ['tass', 'TASS'],
  ['tribune news service', 'Tribune News Service'],
  ['upi', 'United Press International'],
  ['united press international', 'United Press International'],
  ['xinhua', 'Xinhua'],
  ['yonhap', 'Yonhap']
])

/** Outlets by web domain, for contact lines and lone domains (`eurasiantimes.com`). */
export const outletDomains: ReadonlyMap<string, string> = new Map([
  ['apnews.com', 'AP News'],
  ['bbc.co.uk', 'BBC News'],
  ['bbc.com', 'BBC News'],
  ['cbc.ca', 'CBC News'],
  ['cnn.com', 'CNN'],
  ['ctvnews.ca', 'CTV News'],
  ['foxnews.com', 'Fox News'],
  ['globalnews.ca', 'Global News'],
  ['nytimes.com', 'The New York Times'],
  ['reuters.com', 'Reuters'],
  ['theguardian.com', 'The Guardian'],
  ['washingtonpost.com', 'The Washington Post']
])

/** Words an outlet's domain name is made of (`eurasiantimes` = `eurasian` + `times`), longest first where they overlap. */
export const outletWords: readonly string[] = [
  'broadcasting',
  'independent',
  'chronicle',
  'community',
  'dispatch',
  'examiner',
  'guardian',
  'gazette',
  'herald',
  'journal',
  'monitor',
  'observer',
  'standard',
  'telegraph',
  'tribune',
  'bulletin',
  'courier',
  'express',
  'insider',
  'register',
  'sentinel',
  'network',
  'review',
  'weekly',
  'record',
  'mirror',
  'report',
  'online',
  'digest',
  'times',
  'today',
  'daily',
  'press',
  'world',
  'voice',
  'globe',
  'radio',
  'media',
  'wire',
  'post',
  'news',
  'star',
  'mail',
  'sun',
  'tv'
]

/** Lone lines that are sign-offs when they end the file (`Reuter`, `AP`). */
export const signOffs: ReadonlySet<string> = new Set(['ap', 'afp', 'reuter', 'reuters', 'cp', 'xinhua', 'dpa', 'upi', 'pa'])

/** English function words, for the stopword share of a line. */
export const stopwords: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'around', 'as',
  'at', 'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by', 'can', 'could', 'did',
  'do', 'does', 'doing', 'down', 'during', 'each', 'few', 'for', 'from', 'further', 'had', 'has', 'have', 'having',
  'he', 'her', 'here', 'hers', 'him', 'his', 'how', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'just', 'me', 'more',
  'most', 'my', 'no', 'nor', 'not', 'now', 'of', 'off', 'on', 'once', 'only', 'or', 'other', 'our', 'out', 'over',
  'own', 'same', 'she', 'should', 'so', 'some', 'such', 'than', 'that', 'the', 'their', 'them', 'then', 'there',
  'these', 'they', 'this', 'those', 'through', 'to', 'too', 'under', 'until', 'up', 'very', 'was', 'we', 'were',
  'what', 'when', 'where', 'which', 'while', 'who', 'whom', 'why', 'will', 'with', 'would', 'you', 'your', 'yours'
])
