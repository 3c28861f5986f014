/**
 * The fields of a partial patch that were given (undefined ones dropped): an update then sets only
 * those columns. For patches whose keys are the table's column names.
 */
export function givenFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
