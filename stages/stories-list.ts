/**
 * Word lists for `stories.ts`. Please keep them sorted.
 */

/**
 * Capitalised words that are not names of actors, places or things: dates
 * and company-form or courtesy words (`March`, `Inc`, `Mr`). Shared by
 * unrelated articles, so they must not count as shared entities.
 */
export const notNames: ReadonlySet<string> = new Set([
  'apr',
  'april',
  'aug',
  'august',
  'co',
  'corp',
  'dec',
  'december',
  'feb',
  'february',
  'fri',
  'friday',
  'inc',
  'jan',
  'january',
  'jul',
  'july',
  'jun',
  'june',
  'llc',
  'ltd',
  'mar',
  'march',
  'may',
  'mon',
  'monday',
  'mr',
  'mrs',
  'ms',
  'nov',
  'november',
  'oct',
  'october',
  'plc',
  'sat',
  'saturday',
  'sep',
  'sept',
  'september',
  'sun',
  'sunday',
  'thu',
  'thursday',
  'tue',
  'tuesday',
  'wed',
  'wednesday'
])
