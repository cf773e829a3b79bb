import { FakeClock } from '@kubelab/api/testing';
import { describe, expect, it } from 'vitest';
import { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS } from './expectations.js';

describe('ControllerExpectations', () => {
  it('is satisfied once every expected creation is observed', () => {
    const e = new ControllerExpectations(new FakeClock(1000));
    expect(e.satisfied('ns/rs')).toBe(true);
    e.expectCreations('ns/rs', 2);
    expect(e.satisfied('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.satisfied('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.satisfied('ns/rs')).toBe(true);
  });

  it('counts each deleted pod once', () => {
    const e = new ControllerExpectations(new FakeClock(1000));
    e.expectDeletions('ns/rs', ['ns/a', 'ns/b']);
    e.deletionObserved('ns/rs', 'ns/a');
    e.deletionObserved('ns/rs', 'ns/a');
    expect(e.satisfied('ns/rs')).toBe(false);
    e.deletionObserved('ns/rs', 'ns/b');
    expect(e.satisfied('ns/rs')).toBe(true);
  });

  it('expires pending expectations after the timeout', () => {
    const clock = new FakeClock(1000);
    const e = new ControllerExpectations(clock);
    e.expectCreations('ns/rs', 1);
    clock.advance(EXPECTATIONS_TIMEOUT_MS + 1);
    expect(e.satisfied('ns/rs')).toBe(true);
  });

  it('lowers expectations for creations that failed', () => {
    const e = new ControllerExpectations(new FakeClock(0));
    e.expectCreations('ns/rs', 3);
    e.lowerExpectations('ns/rs', 3, 0);
    expect(e.satisfied('ns/rs')).toBe(true);
  });
});
