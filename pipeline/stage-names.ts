/** Names of the stages in the order they run (the `stage` column of `edits.csv`). */
export const stageNames = ['decode', 'normalise', 'segment', 'boilerplate', 'dedupe-sections', 'sentences', 'despin', 'entities', 'dates'] as const
