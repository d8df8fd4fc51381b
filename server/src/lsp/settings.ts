import { SEVERITIES } from '../engine/types';
import type { SeveritySetting } from '../engine/config';

/** The editor settings under `pyguide.*`; package.json declares the same keys and defaults. */
export interface PyguideSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  onTypeDelay: number;
  severity: Record<string, SeveritySetting>;
  exclude: string[];
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: PyguideSettings = {
  enable: true,
  run: 'onType',
  onTypeDelay: 150,
  severity: {},
  exclude: [],
  maxFileSize: 10_000_000,
};

const SEVERITY_SETTINGS = new Set<string>([...SEVERITIES, 'off']);

/** Settings as the client sent them, with anything malformed replaced by its default. */
export function normalizeSettings(raw: unknown): PyguideSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const severity: Record<string, SeveritySetting> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity)) if (typeof v === 'string' && SEVERITY_SETTINGS.has(v)) severity[k] = v as SeveritySetting;
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : d.enable,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    onTypeDelay: typeof r.onTypeDelay === 'number' && r.onTypeDelay >= 0 ? r.onTypeDelay : d.onTypeDelay,
    severity,
    exclude: Array.isArray(r.exclude) ? r.exclude.filter((x): x is string => typeof x === 'string') : d.exclude,
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : d.maxFileSize,
  };
}
