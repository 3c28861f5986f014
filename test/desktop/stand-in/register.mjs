// @ts-check
// `node --import <this file> out/main/index.js`: the built main process, run as an installed app
// would run it, with the `electron` module replaced by the stand-in beside this file. Test code only.
import { register } from 'node:module';

const resources = process.env.SIM_RESOURCES;
if (!resources) throw new Error('SIM_RESOURCES must name the simulated installation’s resources folder');
// Electron sets process.resourcesPath before main runs; the app looks for its native module there.
Object.defineProperty(process, 'resourcesPath', { value: resources, enumerable: true });
// macOS conventions (the app stays open with no window; the dock icon reopens it) when asked for.
if (process.env.SIM_PLATFORM) Object.defineProperty(process, 'platform', { value: process.env.SIM_PLATFORM });

register('./hooks.mjs', import.meta.url);
