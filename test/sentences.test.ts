import {readFile, readdir} from 'node:fs/promises'
import test from 'ava'
import {ParseEnglish} from 'parse-english'
import {parseEnglish} from '../stages/sentences-parser.js'

/** Texts that reach every rule of `parse-english` and `parse-latin`. */
const cases = [
  '',
  ' ',
  '\n\n',
  'Hello.',
  'The U.S. President met Mr. Smith in Washington, D.C. on Friday.',
  'SPRINGFIELD, Ill. — The governor spoke. He left.',
  'He said w/ a grin: rock ’n’ roll, ’tis true, ’cause o’ the 99s and ol’ times.',
  "'n' then 'em and 'er, o' course.",
  '&c and & more; pre- and post-war e-mail, and/or w/o a.b.c. 1.2. x.y.z. Ph.D.',
  'It rose 5.5%. 6 percent fell. a lower start. ; semicolon start, cf. this. etc. and more.',
  'He said: “Stop.” (It was late.) Then... nothing?! Really‽ Yes… no.',
  'Title\nLine two\n\nParagraph one.  Sentence two.\n \n\nParagraph two\r\nwith CRLF\rand CR.',
  '. . .\n...\n!!!\n— — —',
  'Emoji 😀 and astral 𝐀𝐁 and lone \ud83d surrogate \ude00.',
  'No. 1 vs. No. 2. Sept. 30 and Calif. politics.',
  '1. First item\n2. Second item\n(3) Third'
]

test('parses like parse-english', function (t) {
  for (const value of cases) t.deepEqual(parseEnglish(value), new ParseEnglish().parse(value), JSON.stringify(value))
})

test('parses the fixtures like parse-english', async function (t) {
  const folder = new URL('../../test/fixtures/', import.meta.url)
  for (const name of await readdir(folder)) {
    const value = await readFile(new URL(name, folder), 'utf8')
    t.deepEqual(parseEnglish(value), new ParseEnglish().parse(value), name)
  }
})

test('parses random texts like parse-english', function (t) {
  // Pieces that trigger the merge rules, glued at random with and without spaces.
  const pieces = [
    ...['a', 'w', 'o', 'ol', 'n', 'tis', 'cause', 'em', '99s', 'Mr', 'Calif', 'inc', 'etc', 'cf', 'U', 'The', 'the', '12', 'é', 'ß', 'Ⅻ', '½'],
    ...[' ', '  ', '\n', '\n\n', '\n \n', '\r', '\r\n', '\t', '\u00A0', '\u2028'],
    ...['.', '..', '...', '…', '!', '?', '‽', ',', ';', ':', "'", '’', '"', '“', '”', '(', ')', '»', '-', '--', '—', '/', '&', '@', '_', '\u00AD'],
    ...[' w/ ', " o' ", " 'n' ", "'tis ", 'U.S.', 'a.1.b.', 'e-mail.', 'x.y', '1.2.', ' Mr. ', ' cf. ', '. 5', '. a', '. ,', '." ', '.) ', '😀', '\uD83D', '©']
  ]
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
  for (let index = 0; index < 3000; index++) {
    let value = ''
    const length = 1 + Math.floor(random() * 30)
    for (let piece = 0; piece < length; piece++) value += (pieces[Math.floor(random() * pieces.length)] as string) + (random() < 0.4 ? ' ' : '')
    const actual = parseEnglish(value)
    const expected = new ParseEnglish().parse(value)
    // One assertion per text would flood the report; fail on the first difference.
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      t.deepEqual(actual, expected, JSON.stringify(value))
      return
    }
  }
  t.pass()
})

test('shares points between neighbouring nodes and positions between a word and its text', function (t) {
  const tree = parseEnglish('Two words')
  const sentence = tree.children[0]?.type === 'ParagraphNode' ? tree.children[0].children[0] : undefined
  const [first, space] = sentence?.type === 'SentenceNode' ? sentence.children : []
  t.is(first?.position?.end, space?.position?.start)
  t.is(first?.type === 'WordNode' ? first.children[0]?.position : undefined, first?.position)
})

test('parses a long text in linear time', function (t) {
  // Every `U.S.`, `e-mail` and `1.5` merges nodes; splicing the whole text's
  // list at each merge (as parse-english does) took half a minute here.
  const value = 'The U.S. e-mail, 1.5 pre- and U.K. officials said. '.repeat(20_000)
  const started = performance.now()
  const tree = parseEnglish(value)
  t.true(performance.now() - started < 5000)
  t.is(tree.position?.end.offset, value.length)
})
