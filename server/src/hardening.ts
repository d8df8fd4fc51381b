// The entry points' hardening: the intrinsic prototypes are frozen (base/harden.ts says why).
// Libraries load when first used, after it (a cached run never loads the requirement parser).
import { hardenIntrinsics } from './base/harden';

/** Call once at a process's entry point, before it reads any repository. */
export function hardenProcess(): void {
  hardenIntrinsics();
}
