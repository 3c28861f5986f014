import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  decodeHlc,
  encodeHlc,
  HLC_LENGTH,
  HLC_MAX_COUNTER,
  HLC_MAX_DRIFT_MS,
  parseHlc,
  receiveHlc,
  tickHlc,
  zeroHlc,
  type Hlc,
} from '../../src/shared/sync/hlc';

const NOW = 1_718_000_000_000;
const node = fc.stringMatching(/^[0-9a-f]{16}$/);
const hlc = fc.record({
  wall: fc.integer({ min: 0, max: NOW + 10 * 365 * 86_400_000 }),
  counter: fc.integer({ min: 0, max: HLC_MAX_COUNTER }),
  node,
});
/** Wall times that wander, stand still and go backwards (a clock reset, NTP stepping it). */
const nows = fc.array(fc.oneof(fc.integer({ min: NOW - 86_400_000, max: NOW + 86_400_000 }), fc.constant(NOW), fc.constant(0)), {
  minLength: 1,
  maxLength: 200,
});
const sign = (n: number) => Math.sign(n);

describe('hybrid logical clock', () => {
  it('encodes to a fixed width that round-trips and sorts in clock order', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        const ea = encodeHlc(a);
        expect(ea).toHaveLength(HLC_LENGTH);
        expect(decodeHlc(ea)).toEqual(a);
        const textual = ea < encodeHlc(b) ? -1 : ea > encodeHlc(b) ? 1 : 0;
        expect(textual).toBe(sign(compareHlc(a, b)));
      }),
    );
  });

  it('is a total order: antisymmetric, transitive, equal only when identical', () => {
    fc.assert(
      fc.property(hlc, hlc, hlc, (a, b, c) => {
        expect(sign(compareHlc(a, b))).toBe(-sign(compareHlc(b, a)));
        if (compareHlc(a, b) === 0) expect(a).toEqual(b);
        if (compareHlc(a, b) <= 0 && compareHlc(b, c) <= 0) expect(compareHlc(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('ticks strictly forward under any sequence of wall times, backwards ones included', () => {
    fc.assert(
      fc.property(node, nows, (n, times) => {
        let clock: Hlc = zeroHlc(n);
        for (const t of times) {
          const next = tickHlc(clock, t);
          expect(compareHlc(next, clock)).toBeGreaterThan(0);
          expect(next.wall).toBeGreaterThanOrEqual(Math.min(t, 9_999_999_999_999));
          expect(next.node).toBe(n);
          clock = next;
        }
      }),
    );
  });

  it('receive is after both clocks, unless the remote one was too far ahead and was clamped', () => {
    fc.assert(
      fc.property(hlc, hlc, fc.integer({ min: NOW - 86_400_000, max: NOW + 86_400_000 }), (local, remote, now) => {
        const { clock, clamped } = receiveHlc(local, remote, now);
        expect(compareHlc(clock, local)).toBeGreaterThan(0);
        expect(clock.node).toBe(local.node);
        expect(clamped).toBe(remote.wall > now + HLC_MAX_DRIFT_MS);
        if (!clamped) expect(encodeHlc(clock) > encodeHlc({ ...remote, node: '0000000000000000' })).toBe(true);
        else expect(clock.wall).toBeGreaterThanOrEqual(now + HLC_MAX_DRIFT_MS);
        if (clamped && local.wall <= now + HLC_MAX_DRIFT_MS) expect(clock.wall).toBeLessThanOrEqual(now + HLC_MAX_DRIFT_MS + 1);
      }),
    );
  });

  it('stays monotonic through interleaved ticks and receives', () => {
    fc.assert(
      fc.property(node, fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: NOW * 2 }), hlc), { maxLength: 100 }), (n, steps) => {
        let clock = zeroHlc(n);
        for (const [isTick, now, remote] of steps) {
          const next = isTick ? tickHlc(clock, now) : receiveHlc(clock, remote, now).clock;
          expect(encodeHlc(next) > encodeHlc(clock)).toBe(true);
          clock = next;
        }
      }),
    );
  });

  it('a clock a year ahead is clamped, not an error; the counter overflow moves to the next millisecond', () => {
    const local = zeroHlc('00000000000000aa');
    const ahead = { wall: NOW + 365 * 86_400_000, counter: 7, node: '00000000000000bb' };
    const r = receiveHlc(local, ahead, NOW);
    expect(r).toEqual({ clamped: true, clock: { wall: NOW + HLC_MAX_DRIFT_MS, counter: 1, node: local.node } });
    expect(tickHlc({ wall: NOW, counter: HLC_MAX_COUNTER, node: local.node }, NOW)).toEqual({
      wall: NOW + 1,
      counter: 0,
      node: local.node,
    });
    expect(parseHlc('not a clock')).toBeNull();
    expect(() => zeroHlc('XYZ')).toThrow();
  });
});
