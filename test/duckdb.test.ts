import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {DuckDBInstance} from '@duckdb/node-api'
import test from 'ava'
import {run} from '../pipeline/run.js'

const root = path.resolve(import.meta.dirname, '../..')

/** DuckDB type that a Data Package field type must load as. */
const duckdbTypes: Record<string, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE'
}

interface Resource {
  name: string
  path: string
  schema: {fields: Array<{name: string; type: string}>; primaryKey?: string[]; foreignKeys?: Array<{fields: string[]; reference: {resource: string; fields: string[]}}>}
}

test('DuckDB loads every CSV and Parquet table as datapackage.json declares it', async function (t) {
  const output = path.join(await mkdtemp(path.join(tmpdir(), 'newsdrop-')), 'output')
  const report = await run({input: path.join(root, 'input'), output, warn() {}})
  const descriptor = JSON.parse(await readFile(path.join(output, 'datapackage.json'), 'utf8')) as {resources: Resource[]}
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  const query = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS()

  for (const resource of descriptor.resources) {
    const csv = path.join(output, resource.path)
    const parquet = csv.replace(/\.csv$/, '.parquet')
    for (const file of [csv, parquet]) {
      const label = path.basename(file)
      // No options: the sniffer (CSV) or the file's own schema (Parquet) decides.
      const columns = (await query(`DESCRIBE SELECT * FROM '${file}'`)) as Array<{column_name: string; column_type: string}>
      t.deepEqual(columns.map((column) => column.column_name), resource.schema.fields.map((field) => field.name), label)
      const [{rows}] = (await query(`SELECT count(*)::INTEGER AS rows FROM '${file}'`)) as [{rows: number}]
      t.is(rows, report.rows[resource.path] ?? -1, label + ' rows')
      for (const [index, field] of resource.schema.fields.entries()) {
        const [{values}] = (await query(`SELECT count("${field.name}")::INTEGER AS values FROM '${file}'`)) as [{values: number}]
        // A CSV column with no value at all has nothing to infer a type from.
        if (file === csv && values === 0) continue
        t.is(columns[index]?.column_type, duckdbTypes[field.type], label + ' ' + field.name)
      }
      if (resource.schema.primaryKey) {
        const key = resource.schema.primaryKey.map((name) => `"${name}"`).join(', ')
        const [{duplicates}] = (await query(
          `SELECT count(*)::INTEGER AS duplicates FROM (SELECT ${key} FROM '${file}' GROUP BY ALL HAVING count(*) > 1)`
        )) as [{duplicates: number}]
        t.is(duplicates, 0, label + ' primary key')
      }
      for (const foreign of resource.schema.foreignKeys ?? []) {
        const target = path.join(output, descriptor.resources.find((other) => other.name === foreign.reference.resource)?.path ?? '')
        const [{orphans}] = (await query(
          `SELECT count(*)::INTEGER AS orphans FROM '${file}' WHERE "${foreign.fields[0]}" NOT IN (SELECT "${foreign.reference.fields[0]}" FROM '${target}')`
        )) as [{orphans: number}]
        t.is(orphans, 0, label + ' foreign key')
      }
    }
  }
  const [metadata] = (await query(
    `SELECT decode(value) AS value FROM parquet_kv_metadata('${path.join(output, 'documents.parquet')}') WHERE decode(key) = 'schema_version'`
  )) as Array<{value: string}>
  t.is(metadata?.value, '1.0.0')
})
