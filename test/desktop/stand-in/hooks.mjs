// @ts-check
// Module resolution hook: `electron` (and only it) resolves to the stand-in. Everything else
// resolves as Node would resolve it for the installed app: nothing outside the app's folder.
const STAND_IN = new URL('./electron.mjs', import.meta.url).href;

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true, format: 'module' };
  return nextResolve(specifier, context);
}
