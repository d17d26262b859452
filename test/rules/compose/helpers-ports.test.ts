import { describe, expect, it } from 'vitest';
import { portNumbers } from '../../../src/rules/helpers/compose.js';

describe('portNumbers', () => {
  it('reads a port or a range, and nothing past 65535', () => {
    expect(portNumbers('80')).toEqual([80]);
    expect(portNumbers(' 8000-8002 ')).toEqual([8000, 8001, 8002]);
    expect(portNumbers('0-0')).toEqual([0]);
    expect(portNumbers('65535')).toEqual([65535]);
    expect(portNumbers('65536')).toEqual([]);
    expect(portNumbers('9-8')).toEqual([]);
    expect(portNumbers('80-')).toEqual([]);
    expect(portNumbers(null)).toEqual([]);
    // A digit string too long for a number: no endless range to Infinity.
    expect(portNumbers('1'.repeat(400))).toEqual([]);
    expect(portNumbers(`1-${'9'.repeat(400)}`)).toEqual([]);
  });
});
