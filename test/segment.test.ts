import test from 'ava'
import {decoded, rawPlace} from '../pipeline/record.js'
import {clean} from './helpers.js'

test('collapses runs of blank lines and trims blank lines at the ends', async function (t) {
  const file = await clean('\n\nTitle\n\n\n\nBody one.\nBody two.\n \n\u00A0\n\nEnd.\n\n')
  t.is(file.value, 'Title\n\nBody one.\nBody two.\n\nEnd.')
  t.deepEqual(file.data.segments, {lines: 6, paragraphs: 3})
  const {raw} = decoded(file)
  t.deepEqual(
    (file.data.edits ?? []).filter((edit) => edit.stage === 'segment').map((edit) => [edit.rule, rawPlace(raw, edit.rawStart).line]),
    [
      ['blank-lines', 1],
      ['blank-lines', 4],
      ['blank-lines', 9],
      ['blank-lines', 12]
    ]
  )
})

test('leaves single blank lines between paragraphs alone', async function (t) {
  const file = await clean('One.\n\nTwo.')
  t.is(file.value, 'One.\n\nTwo.')
  t.deepEqual(file.data.edits, [])
})
