/**
 * Appends `items` to `target`. `target.push(...items)` passes every item as an argument and throws
 * RangeError (call stack size) past about 100,000 of them, which one hostile input can produce.
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}
