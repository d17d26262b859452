import { describe, expect, it } from 'vitest';
import { portRange } from '../../../src/rules/helpers/compose.js';

describe('portRange', () => {
  it('reads a port or a range, and nothing past 65535', () => {
    expect(portRange('80')).toEqual({ from: 80, to: 80 });
    expect(portRange(' 8000-8002 ')).toEqual({ from: 8000, to: 8002 });
    expect(portRange('0-0')).toEqual({ from: 0, to: 0 });
    expect(portRange('65535')).toEqual({ from: 65535, to: 65535 });
    expect(portRange('65536')).toBeNull();
    expect(portRange('9-8')).toBeNull();
    expect(portRange('80-')).toBeNull();
    expect(portRange(null)).toBeNull();
    // A digit string too long for a number: no endless range to Infinity.
    expect(portRange('1'.repeat(400))).toBeNull();
    expect(portRange(`1-${'9'.repeat(400)}`)).toBeNull();
  });
});
