// Mocha's timeouts are only a guard against hangs here: a shared, busy machine (two cores, several
// test runs at once) makes honest work take many times its usual time, and no test may fail for
// that. This root-level hook, loaded with the specs, lifts every suite's, test's and hook's timeout
// to at least HANG_GUARD_MS before anything runs. Speed is measured by `npm run bench`, not here.
import type { Hook, Runnable, Suite } from 'mocha';

const HANG_GUARD_MS = Number(process.env.PYGUIDE_TEST_TIMEOUT_MS) || 600_000;

function lift(r: Runnable | Suite): void {
  const t = r.timeout();
  // 0 means no timeout at all: keep it.
  if (t !== 0 && t < HANG_GUARD_MS) r.timeout(HANG_GUARD_MS);
}

function liftAll(suite: Suite): void {
  lift(suite);
  const hooks = suite as unknown as { _beforeAll: Hook[]; _beforeEach: Hook[]; _afterEach: Hook[]; _afterAll: Hook[] };
  [...hooks._beforeAll, ...hooks._beforeEach, ...hooks._afterEach, ...hooks._afterAll].forEach(lift);
  suite.tests.forEach(lift);
  suite.suites.forEach(liftAll);
}

before(function () {
  let root: Suite = this.test!.parent!;
  while (root.parent) root = root.parent;
  liftAll(root);
});
