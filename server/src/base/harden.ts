// Defence in depth for a process that reads other people's repositories: the prototypes that data
// could reach through `__proto__`, `constructor.prototype` and the like are frozen, so even a bug
// that let a repository's keys walk up a prototype chain could not plant a property every object
// would inherit. TOML values are built without prototypes in the first place (parsing/tomlData.ts).

/**
 * The intrinsic prototypes frozen once every module has loaded (libraries set up theirs while loading).
 * RegExp.prototype is not among them: V8 runs a regex's fast paths only while RegExp.prototype keeps
 * its initial shape, and freezing it made every `replace`, `split` and `matchAll` 5 to 20 times
 * slower (a tenth of a keystroke's lint). No repository data reaches it: the parsers build plain
 * objects, arrays, strings, numbers, booleans and dates, never a regex, so no walk of a file's keys
 * arrives at a RegExp's prototype.
 */
function intrinsicPrototypes(): object[] {
  const typedArray = Object.getPrototypeOf(Uint8Array.prototype) as object;
  return [
    Object.prototype,
    Array.prototype,
    Function.prototype,
    String.prototype,
    Number.prototype,
    Boolean.prototype,
    Symbol.prototype,
    BigInt.prototype,
    Date.prototype,
    Map.prototype,
    Set.prototype,
    WeakMap.prototype,
    WeakSet.prototype,
    Promise.prototype,
    typedArray,
    ArrayBuffer.prototype,
  ];
}

/**
 * Properties of frozen prototypes that objects may still give themselves. Assigning a property
 * that a frozen prototype holds fails even on an object that inherits it (the "override mistake"),
 * and libraries that define `Thing.prototype.toString = ...` when loaded (pip-requirements-js'
 * PEG grammar) would then fail to load, or would have to be loaded before freezing even by runs
 * that never use them. Each is turned into an accessor whose setter defines the property on the
 * object assigned to, never on the prototype.
 */
const OVERRIDABLE: readonly (readonly [object, string])[] = [
  [Object.prototype, 'toString'],
  [Function.prototype, 'toString'],
];

function allowOverride(proto: object, name: string): void {
  const own = Object.getOwnPropertyDescriptor(proto, name);
  if (!own || !('value' in own)) return;
  const value: unknown = own.value;
  Object.defineProperty(proto, name, {
    get: () => value,
    set(this: object, v: unknown) {
      if (this === proto) throw new TypeError(`Cannot assign to read only property '${name}' of a frozen prototype`);
      Object.defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
    },
    enumerable: own.enumerable,
    configurable: false,
  });
}

/** Freezes the intrinsic prototypes; call it at a process's entry point, after its imports. */
export function hardenIntrinsics(): void {
  for (const [proto, name] of OVERRIDABLE) if (!Object.isFrozen(proto)) allowOverride(proto, name);
  for (const proto of intrinsicPrototypes()) Object.freeze(proto);
}

/** Whether the prototypes are frozen (the entry points' tests ask the running process). */
export function intrinsicsHardened(): boolean {
  return intrinsicPrototypes().every((p) => Object.isFrozen(p));
}
