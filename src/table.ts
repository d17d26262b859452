/**
 * A lookup table without Object.prototype behind it: keys come from user input (command names, image
 * names, config keys, file names), and a plain object would answer `constructor` or `toString` with
 * an inherited function.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
