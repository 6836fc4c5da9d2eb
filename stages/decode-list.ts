/**
 * Characters of Windows-1252 bytes 0x80 to 0x9F, in byte order; `''` marks
 * the five bytes the encoding leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
 */
export const windows1252High: readonly string[] = [
  '€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '',
  '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ'
]
