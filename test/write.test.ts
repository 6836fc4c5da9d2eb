import test from 'ava'
import {guardFormula, toCsv} from '../pipeline/write.js'
import {tables} from '../pipeline/tables.js'

test('toCsv() writes a byte order mark, a header and CRLF records', function (t) {
  const csv = toCsv(tables.rejects, [{source_path: 'a.txt', reason: 'empty', detail: 'Line one,\nline "two"'}])
  t.is(csv, '\uFEFFsource_path,reason,detail\r\na.txt,empty,"Line one,\nline ""two"""\r\n')
})

test('toCsv() writes only the header for no rows, without a byte order mark on request', function (t) {
  t.is(toCsv(tables.rejects, [], {byteOrderMark: false}), 'source_path,reason,detail\r\n')
})

test('toCsv() guards text cells a spreadsheet would run, not numbers', function (t) {
  const csv = toCsv(
    tables.edits,
    [{doc_id: 'a', stage: 's', rule: 'r', action: 'remove', source_line: 3, source_column: -1, before: '=HYPERLINK("x")', after: '@cmd'}],
    {byteOrderMark: false}
  )
  t.is(csv.split('\r\n')[1], 'a,s,r,remove,3,-1,"\'=HYPERLINK(""x"")",\'@cmd')
})

test('guardFormula() guards =, +, -, @, tab and CR first', function (t) {
  t.deepEqual(['=1', '+1', '-1', '@a', '\tx', '\rx', 'a=b', '“-”'].map(guardFormula), [
    "'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", 'a=b', '“-”'
  ])
})

test('toCsv() writes null and undefined as empty cells and booleans as words', function (t) {
  const csv = toCsv(
    {file: 'x.csv', description: '', columns: [{name: 'a', type: 'string', description: ''}, {name: 'b', type: 'boolean', description: ''}]},
    [{a: null, b: true}, {a: undefined, b: false}],
    {byteOrderMark: false}
  )
  t.is(csv, 'a,b\r\n,true\r\n,false\r\n')
})
