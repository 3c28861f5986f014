import { AppError } from '../../shared/errors';
import type { SecretStore } from '../secrets/secret-store';
import type { SecretReply, SecretRequest } from './protocol';

/**
 * The engine worker's side of the owner's secret store: each get, set or delete is a `secret`
 * message to the owner (Electron main, which has safeStorage) answered by a `secret.reply`.
 */
export interface SecretRelay {
  store: SecretStore;
  /** Hands the owner's reply to the request waiting for it. */
  reply(id: number, reply: SecretReply): void;
  /** Fails every request still waiting (the worker is closing). */
  close(): void;
}

export function secretRelay(send: (id: number, request: SecretRequest) => void): SecretRelay {
  const waiting = new Map<number, (reply: SecretReply) => void>();
  let nextId = 1;
  const ask = (request: SecretRequest): Promise<string | null> =>
    new Promise<SecretReply>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      send(id, request);
    }).then((reply) => {
      if (!reply.ok) throw new AppError(reply.error.code, reply.error.message, reply.error.details);
      return reply.value;
    });
  return {
    store: {
      kind: 'keychain',
      where: "the app's secret store (Electron main)",
      get: (name) => ask({ op: 'get', name }),
      set: async (name, value) => void (await ask({ op: 'set', name, value })),
      delete: async (name) => void (await ask({ op: 'delete', name })),
    },
    reply(id, reply) {
      const resolve = waiting.get(id);
      waiting.delete(id);
      resolve?.(reply);
    },
    close() {
      for (const resolve of waiting.values())
        resolve({ ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'the engine is closing' } });
      waiting.clear();
    },
  };
}

/** Answers one of the engine's secret requests from the owner's store (worker-client.ts). */
export async function answerSecret(store: SecretStore, request: SecretRequest): Promise<SecretReply> {
  try {
    switch (request.op) {
      case 'get':
        return { ok: true, value: await store.get(request.name) };
      case 'set':
        await store.set(request.name, request.value);
        return { ok: true, value: null };
      case 'delete':
        await store.delete(request.name);
        return { ok: true, value: null };
    }
  } catch (err) {
    return { ok: false, error: { code: 'SECRETS_UNAVAILABLE', message: err instanceof Error ? err.message : String(err) } };
  }
}
