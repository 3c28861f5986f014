/**
 * The renderer side of the Electron stand-in, as page scripts:
 *
 * - PRELOAD WORLD (an isolated world, like Electron's with contextIsolation): runs the built
 *   preload (out/preload/index.cjs) with a stand-in `require('electron')` giving `ipcRenderer`
 *   and `contextBridge`. ipcRenderer talks to the desktop through a CDP binding that exists only
 *   in this world (the page's own scripts cannot reach it).
 * - MAIN WORLD: `contextBridge.exposeInMainWorld` defines the exposed object there. As in Electron,
 *   the page gets copies of values and proxies of functions: every call crosses from the main world
 *   to the isolated one (DOM events carrying JSON, dispatched synchronously), never a shared object.
 *
 * Test code only.
 */

/** The isolated world's name (also the CDP binding's execution context name). */
export const PRELOAD_WORLD = 'exportdesk-preload';
/** The CDP binding the preload world calls to reach the desktop. */
export const IPC_BINDING = '__simElectronIpc';
/** The function the desktop calls in the preload world to deliver replies and events. */
export const DELIVER = '__simElectronDeliver';

const SHARED = String.raw`
  const UNDEF = '__sim_undefined__';
  const enc = (value, fnTable) => JSON.stringify(value === undefined ? UNDEF : value, (_k, v) => {
    if (v === undefined) return UNDEF;
    if (typeof v === 'function') { const id = fnTable.next++; fnTable.fns.set(id, v); return { __simFn: id }; }
    return v;
  });
`;

/** Source of the preload world: the stand-in electron renderer API, then the preload itself. */
export function preloadWorldSource(preloadCjs: string): string {
  return String.raw`(() => {
  ${SHARED}
  const binding = globalThis.${IPC_BINDING};
  delete globalThis.${IPC_BINDING};
  const dec = (text) => JSON.parse(text, (_k, v) => (v === UNDEF ? undefined : v));
  const pending = new Map();
  const listeners = new Map();
  let seq = 0;
  const ipcRenderer = {
    invoke(channel, ...args) {
      const id = ++seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        binding(JSON.stringify({ t: 'invoke', id, channel, args: enc(args, { next: 0, fns: new Map() }) }));
      });
    },
    send(channel, ...args) {
      binding(JSON.stringify({ t: 'send', channel, args: enc(args, { next: 0, fns: new Map() }) }));
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    once(channel, listener) {
      const wrapped = (...a) => { ipcRenderer.removeListener(channel, wrapped); listener(...a); };
      return ipcRenderer.on(channel, wrapped);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    off(channel, listener) { return ipcRenderer.removeListener(channel, listener); },
    removeAllListeners(channel) { listeners.delete(channel); return ipcRenderer; },
  };
  Object.defineProperty(globalThis, '${DELIVER}', {
    value: (msg) => {
      if (msg.t === 'result') {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (!p) return;
        if (msg.ok) p.resolve(dec(msg.value)); else p.reject(new Error(msg.error));
      } else if (msg.t === 'event') {
        const event = { sender: ipcRenderer, senderId: 0 };
        for (const l of [...(listeners.get(msg.channel) ?? [])]) l(event, ...dec(msg.args));
      }
    },
  });

  // contextBridge: the exposed object lives here; the main world gets proxies (see mainWorldSource).
  const exposed = new Map();
  const fnTable = { next: 1, fns: new Map() };
  const toMain = (type, detail) => window.dispatchEvent(new CustomEvent(type, { detail: JSON.stringify(detail) }));
  const revive = (text) => JSON.parse(text, (_k, v) => {
    if (v === UNDEF) return undefined;
    if (v && typeof v === 'object' && typeof v.__simMainFn === 'number') {
      const fnId = v.__simMainFn;
      return (...args) => toMain('__sim_bridge_callback', { fnId, args: enc(args, fnTable) });
    }
    return v;
  });
  const describe = (value) => {
    if (typeof value === 'function') { const id = fnTable.next++; fnTable.fns.set(id, value); return { kind: 'fn', id }; }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const out = {};
      for (const k of Object.keys(value)) out[k] = describe(value[k]);
      return { kind: 'object', props: out };
    }
    return { kind: 'value', json: enc(value, fnTable) };
  };
  window.addEventListener('__sim_bridge', (e) => {
    const msg = JSON.parse(e.detail);
    if (msg.t === 'describe') {
      toMain('__sim_bridge_reply', exposed.has(msg.key) ? exposed.get(msg.key) : null);
      return;
    }
    if (msg.t === 'list') {
      toMain('__sim_bridge_reply', [...exposed.keys()]);
      return;
    }
    if (msg.t === 'call') {
      const fn = fnTable.fns.get(msg.fnId);
      let result;
      try {
        result = fn(...revive(msg.args));
      } catch (err) {
        toMain('__sim_bridge_result', { callId: msg.callId, ok: false, error: String(err && err.message || err) });
        return;
      }
      if (result && typeof result.then === 'function') {
        result.then(
          (value) => toMain('__sim_bridge_result', { callId: msg.callId, ok: true, value: enc(value, fnTable), promise: true }),
          (err) => toMain('__sim_bridge_result', { callId: msg.callId, ok: false, error: String(err && err.message || err), promise: true }),
        );
      } else {
        // A plain value comes back at once, within the caller's dispatch (an unsubscribe function, say).
        toMain('__sim_bridge_result', { callId: msg.callId, ok: true, value: enc(result, fnTable), promise: false });
      }
    }
  });
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (exposed.has(key)) throw new Error('Cannot bind an API on top of an existing property on the window object');
      exposed.set(key, describe(api));
      // Ask the main world to define it now (before the page's own scripts run).
      toMain('__sim_bridge_expose', { key });
    },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error("module not found: " + name);
  };
  const module = { exports: {} };
  binding(JSON.stringify({ t: 'hello', url: location.href }));
  (function (require, module, exports) {
${preloadCjs}
  })(require, module, module.exports);
})();`;
}

/**
 * Source of the main world's half of contextBridge: defines each exposed key as a frozen object
 * whose functions forward to the preload world and whose results come back as copies.
 */
export function mainWorldSource(): string {
  return String.raw`(() => {
  ${SHARED}
  const fnTable = { next: 1, fns: new Map() };
  const pending = new Map();
  let callSeq = 0;
  const toIsolated = (detail) => window.dispatchEvent(new CustomEvent('__sim_bridge', { detail: JSON.stringify(detail) }));
  const encMain = (value) => JSON.stringify(value === undefined ? UNDEF : value, (_k, v) => {
    if (v === undefined) return UNDEF;
    if (typeof v === 'function') { const id = fnTable.next++; fnTable.fns.set(id, v); return { __simMainFn: id }; }
    return v;
  });
  const revive = (text) => JSON.parse(text, (_k, v) => {
    if (v === UNDEF) return undefined;
    if (v && typeof v === 'object' && typeof v.__simFn === 'number') return proxyFn(v.__simFn);
    return v;
  });
  // Results arrive synchronously for functions that return values, later for promises.
  window.addEventListener('__sim_bridge_result', (e) => {
    const msg = JSON.parse(e.detail);
    const p = pending.get(msg.callId);
    if (p) { pending.delete(msg.callId); p(msg); }
  });
  window.addEventListener('__sim_bridge_callback', (e) => {
    const msg = JSON.parse(e.detail);
    const fn = fnTable.fns.get(msg.fnId);
    if (fn) fn(...revive(msg.args));
  });
  function proxyFn(fnId) {
    return (...args) => {
      const callId = ++callSeq;
      let settled = null;
      let later = null;
      pending.set(callId, (msg) => { if (later) later(msg); else settled = msg; });
      toIsolated({ t: 'call', fnId, callId, args: encMain(args) });
      // A plain return value was delivered synchronously (a non-promise result resolves in a
      // microtask, so wait for it the same way as for a promise when it is not there yet).
      const finish = (msg) => {
        if (!msg.ok) throw new Error(msg.error);
        return revive(msg.value);
      };
      if (settled && !settled.promise) return finish(settled);
      return new Promise((resolve, reject) => {
        const done = (msg) => { try { resolve(finish(msg)); } catch (err) { reject(err); } };
        if (settled) done(settled); else later = done;
      }).then((v) => v);
    };
  }
  const build = (d) => {
    if (d.kind === 'fn') return proxyFn(d.id);
    if (d.kind === 'object') {
      const o = {};
      for (const [k, v] of Object.entries(d.props)) o[k] = build(v);
      return Object.freeze(o);
    }
    return revive(d.json);
  };
  const ask = (detail) => {
    let answer = null;
    const onReply = (r) => { answer = JSON.parse(r.detail); };
    window.addEventListener('__sim_bridge_reply', onReply);
    toIsolated(detail);
    window.removeEventListener('__sim_bridge_reply', onReply);
    return answer;
  };
  const define = (key) => {
    if (Object.prototype.hasOwnProperty.call(window, key)) return;
    const description = ask({ t: 'describe', key });
    if (description) Object.defineProperty(window, key, { value: build(description), writable: false, configurable: false, enumerable: true });
  };
  // Whichever world starts first: keys exposed later arrive as events, earlier ones are listed now.
  window.addEventListener('__sim_bridge_expose', (e) => define(JSON.parse(e.detail).key));
  for (const key of ask({ t: 'list' }) ?? []) define(key);
})();`;
}
