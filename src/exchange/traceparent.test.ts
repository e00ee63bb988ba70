import { describe, expect, it } from 'vitest';
import { traceContext } from './traceparent.js';

describe('traceContext', () => {
  it('passes on a valid traceparent and its tracestate', () => {
    const header = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(traceContext(header, 'a=b')).toEqual({
      traceparent: header,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      tracestate: 'a=b',
    });
  });

  it.each([
    [undefined],
    ['garbage'],
    ['00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01'],
  ])('starts a new trace for %s', (header) => {
    const trace = traceContext(header, 'a=b');
    expect(trace.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(trace.traceparent).toContain(trace.traceId);
    expect(trace.tracestate).toBeUndefined();
  });
});
