// The guidelines' examples (Docstrings section), shared by the tests that must reproduce them.
import type { Eli5Row } from '../../server/src/docstrings/eli5Insert';

/** The guidelines' own example (Docstrings › Concepts Table), character for character. */
export const GUIDE_TABLE = `
┌─────────────────────┬────────────────────────────────────────────────┐
│ Concept             │ ELI5 Explanation                               │
├─────────────────────┼────────────────────────────────────────────────┤
│ Span                │ A "timer" that records how long something      │
│                     │ took. Like a stopwatch for one task.           │
├─────────────────────┼────────────────────────────────────────────────┤
│ Trace               │ A collection of spans showing a request's      │
│                     │ journey. Like breadcrumbs through your code.   │
├─────────────────────┼────────────────────────────────────────────────┤
│ Exporter            │ Ships your traces somewhere (X-Ray, Jaeger).   │
│                     │ Like a postal service for telemetry data.      │
├─────────────────────┼────────────────────────────────────────────────┤
│ Propagator          │ Passes trace IDs between services. Like a      │
│                     │ relay baton in a race.                         │
├─────────────────────┼────────────────────────────────────────────────┤
│ Sampler             │ Decides which traces to keep. Like a bouncer   │
│                     │ at a club deciding who gets in.                │
└─────────────────────┴────────────────────────────────────────────────┘`.slice(1).split('\n');

export const GUIDE_ROWS: Eli5Row[] = [
  { concept: 'Span', explanation: 'A "timer" that records how long something took. Like a stopwatch for one task.' },
  { concept: 'Trace', explanation: "A collection of spans showing a request's journey. Like breadcrumbs through your code." },
  { concept: 'Exporter', explanation: 'Ships your traces somewhere (X-Ray, Jaeger). Like a postal service for telemetry data.' },
  { concept: 'Propagator', explanation: 'Passes trace IDs between services. Like a relay baton in a race.' },
  { concept: 'Sampler', explanation: 'Decides which traces to keep. Like a bouncer at a club deciding who gets in.' },
];
