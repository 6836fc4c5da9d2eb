import test from 'ava'
import {ChartCounts, reportHtml, tallyRows} from '../pipeline/report-html.js'
import type {RunReport} from '../pipeline/run.js'

const report: RunReport = {
  status: 'published',
  newsdrop_version: '0.1.0',
  schema_version: '1.0.0',
  node_version: 'v20',
  input: 'input',
  documents: 2,
  cached: 0,
  rejects: 1,
  rows: {'documents.csv': 2},
  bytes: 10,
  seconds: 1,
  stage_milliseconds: {},
  step_milliseconds: {},
  edits_per_stage: {},
  peak_memory_mb: {run: 100, worker: 0},
  cpu_seconds: {run: 1, workers: 0},
  options_sha256: 'y',
  input_fingerprint: 'x',
  rejected: [{sourcePath: 'x.bin', reason: 'binary', detail: 'NUL bytes'}]
}

test('renders a self-contained page with a chart per view', function (t) {
  const tally = tallyRows({
    documents: [
      {doc_id: '2025-08-08/a', outlet: 'AP', spin_score: 12.5},
      {doc_id: 'b', outlet: '<Bad & Co>'}
    ],
    entities: [
      {canonical: 'Donald Trump', type: 'PERSON'},
      {canonical: 'Donald Trump', type: 'PERSON'},
      {canonical: 'Armenia', type: 'GPE'}
    ],
    dates: [{value: '2025-08-08', iso_start: '2025-08-08'}, {value: 'P35Y', iso_start: ''}],
    edits: [{stage: 'boilerplate', rule: 'copyright'}]
  })
  const html = reportHtml(report, tally)
  t.regex(html, /^<!doctype html>/)
  t.notRegex(html, /<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/)
  t.is(html.match(/<svg /g)?.length, 6)
  t.regex(html, /Donald Trump · PERSON<\/text><rect [^>]+><title>Donald Trump · PERSON: 2<\/title>/)
  t.regex(html, /&lt;Bad &amp; Co&gt;/)
  t.regex(html, />2025-08<\/text>/)
  t.regex(html, /<td>x\.bin<\/td><td>binary<\/td>/)
  t.regex(html, /Duplicate clusters \(documents per cluster\)<\/h2><p class="empty">Nothing to show/)
})

test('ChartCounts keeps the 20 largest counts, ties by label, of labels given one at a time', function (t) {
  const counts = new ChartCounts()
  const labels = Array.from({length: 300}, (_, index): [string, number] => ['label ' + ((index * 37) % 300), (index * 7) % 23])
  for (const [label, count] of labels) counts.add(label, count)
  const expected = [...labels].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1)).slice(0, 20)
  t.deepEqual([...counts.counts()], expected)
  t.is(counts.labels, 300)
  t.deepEqual([...new ChartCounts().counts()], [])
})
