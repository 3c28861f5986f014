import { z } from 'zod';

// Zod would probe `new Function` to compile faster parsers; the page's CSP forbids eval, so the probe
// was reported as a violation at every start. Imported first by main.tsx, before any schema is parsed
// (some are at module load, e.g. the default rules); the plain parsers are all the page needs.
z.config({ jitless: true });
