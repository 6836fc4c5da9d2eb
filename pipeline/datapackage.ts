/**
 * Describe the output tables as a Frictionless Data Package (v2), so tools
 * and validators read column types instead of guessing them.
 */
import {schemaVersion, tables, type Table} from './tables.js'
import {version} from './version.js'

/**
 * The `datapackage.json` object for the tables of the contract.
 *
 * @param options
 *   Whether the CSV files start with a byte order mark.
 * @returns
 *   Data Package descriptor.
 */
export function dataPackage(options: {byteOrderMark: boolean}): Record<string, unknown> {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'newsdrop-output',
    title: 'newsdrop datasets',
    version: schemaVersion,
    schema_version: schemaVersion,
    created_by: 'newsdrop ' + version,
    resources: Object.entries(tables as Record<string, Table>).map(([name, table]) => ({
      name,
      type: 'table',
      path: table.file,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: options.byteOrderMark ? 'utf-8-sig' : 'utf-8',
      description: table.description,
      dialect: {header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true},
      schema: {
        fields: table.columns.map((column) => ({
          name: column.name,
          type: column.type,
          ...(column.type === 'date' ? {format: 'default'} : {}),
          description: column.description
        })),
        missingValues: [''],
        ...(table.primaryKey ? {primaryKey: [...table.primaryKey]} : {}),
        ...(name !== 'documents' && name !== 'rejects' && table.columns.some((column) => column.name === 'doc_id')
          ? {foreignKeys: [{fields: ['doc_id'], reference: {resource: 'documents', fields: ['doc_id']}}]}
          : {})
      }
    }))
  }
}
