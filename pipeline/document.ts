/**
 * Fields the pipeline sets on every document before the stages run.
 */
declare module 'vfile' {
  interface DataMap {
    /** Document id: input path relative to the input root, without extension. */
    docId: string
    /** Input path relative to the input root, `/`-separated. */
    sourcePath: string
    /** Path of the input file on disk (not written to the outputs). */
    absolutePath: string
    /** SHA-256 of the raw bytes, hex. */
    sha256: string
    /** Size of the raw input in bytes. */
    bytes: number
    /** Manifest columns for this document. */
    metadata: Readonly<Record<string, string>>
  }
}

export {}
