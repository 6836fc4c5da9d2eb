import test from 'ava'
import {clusterWords} from '../bench/word-clusters.js'

/**
 * Vectors of words in two groups, one around each of two directions, with a
 * little spread (fixed, so the test is deterministic).
 *
 * @returns
 *   Word vectors.
 */
function twoGroups() {
  const words: string[] = []
  const values: number[] = []
  for (let index = 0; index < 40; index++) {
    const spread = ((index * 7) % 10) / 100
    words.push((index % 2 === 0 ? 'town' : 'firm') + index)
    values.push(...(index % 2 === 0 ? [1, spread, 0, 0] : [0, 0, 1, spread]))
  }
  return {words, dimensions: 4, values: Float64Array.from(values)}
}

test('never puts words used differently in one top-level cluster, the same on every run', function (t) {
  const vectors = twoGroups()
  const clusters = clusterWords(vectors)
  t.is(clusters.size, 40)
  const groups = new Map<number, Set<string>>()
  for (const [word, cluster] of clusters) {
    const group = groups.get(cluster >> 7) ?? new Set()
    group.add(word.replace(/\d+$/, ''))
    groups.set(cluster >> 7, group)
  }
  for (const group of groups.values()) t.is(group.size, 1)
  t.deepEqual([...clusterWords(vectors)], [...clusters])
})
