// The entry points' hardening: libraries that set up their objects lazily are loaded first, then
// the intrinsic prototypes are frozen (base/harden.ts says why).
import { hardenIntrinsics } from './base/harden';
import { loadRequirementParser } from './workspace/metadata';

/** Call once at a process's entry point, before it reads any repository. */
export function hardenProcess(): void {
  loadRequirementParser();
  hardenIntrinsics();
}
