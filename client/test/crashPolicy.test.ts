import * as assert from 'node:assert/strict';
import { CrashPolicy } from '../src/crashPolicy';

describe('crash policy', () => {
  let now = 0;
  const clock = () => now;
  const options = { windowMs: 180_000, warnAfter: 3, giveUpAfter: 5 };

  beforeEach(() => {
    now = 1_000_000;
  });

  it('restarts silently, warns once on the third crash in the window, gives up on the fifth', () => {
    const policy = new CrashPolicy(options, clock);
    const decisions = [];
    for (let i = 0; i < 5; i++) {
      decisions.push(policy.crashed());
      now += 10_000;
    }
    assert.deepEqual(decisions, [
      { restart: true },
      { restart: true },
      { restart: true, notify: { crashes: 3, minutes: 3 } },
      { restart: true },
      { restart: false, notify: { crashes: 5, minutes: 3 } },
    ]);
  });

  it('forgets crashes older than the window', () => {
    const policy = new CrashPolicy(options, clock);
    policy.crashed();
    policy.crashed();
    now += 180_000;
    assert.deepEqual(policy.crashed(), { restart: true });
    assert.deepEqual(policy.crashed(), { restart: true });
    assert.deepEqual(policy.crashed(), { restart: true, notify: { crashes: 3, minutes: 3 } });
  });

  it('warns again only after a whole window has passed since the last warning', () => {
    const policy = new CrashPolicy(options, clock);
    for (let i = 0; i < 3; i++) policy.crashed();
    now += 100_000;
    assert.deepEqual(policy.crashed(), { restart: true });
    now += 100_000;
    // Two crashes within the window again (the first three fell out), but the warning was 200 s ago.
    assert.deepEqual(policy.crashed(), { restart: true });
    assert.deepEqual(policy.crashed(), { restart: true, notify: { crashes: 3, minutes: 3 } });
  });

  it('starts afresh after a restart the user asked for', () => {
    const policy = new CrashPolicy(options, clock);
    for (let i = 0; i < 4; i++) policy.crashed();
    policy.reset();
    assert.deepEqual(policy.crashed(), { restart: true });
    assert.deepEqual(policy.crashed(), { restart: true });
    assert.deepEqual(policy.crashed(), { restart: true, notify: { crashes: 3, minutes: 3 } });
  });
});
