import type { WorkbenchApi, WorkbenchMethod } from '../../../electron/api';
import { connection } from './state/connection.svelte';
import { WebSocketClient } from './WebSocketClient';
import { WorkbenchError } from './WorkbenchError';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in web mode. */
    workbench?: WorkbenchApi;
  }
}

const TOKEN_KEY = 'spectra-workbench.token';

/** The per-launch token from `?token=`, kept for the tab's lifetime so reloads of `/#/…` still connect. */
function webToken(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** `onDidRunProgress` → `runProgress`: events follow the contract's naming, so no table to keep in sync. */
function eventOf(property: string): string | null {
  const m = /^onDid([A-Z]\w*)$/.exec(property);
  return m ? m[1].charAt(0).toLowerCase() + m[1].slice(1) : null;
}

/**
 * A typed facade over one generic function per contract member. Every verb of WorkbenchApi is a call
 * and every `onDid…` an event, so methods the contract gains later work without touching this file.
 * `then` is answered with undefined so the object is never mistaken for a promise.
 */
function facade(call: (method: WorkbenchMethod, args: unknown[]) => Promise<unknown>, on: (event: string, listener: (payload: never) => void) => () => void): WorkbenchApi {
  const cache = new Map<string, unknown>();
  return new Proxy({} as WorkbenchApi, {
    get(_target, property) {
      if (typeof property !== 'string' || property === 'then' || property === 'toJSON') return undefined;
      let member = cache.get(property);
      if (!member) {
        const event = eventOf(property);
        member = event
          ? (listener: (payload: never) => void) => on(event, listener)
          : (...args: unknown[]) => call(property as WorkbenchMethod, args);
        cache.set(property, member);
      }
      return member;
    },
  });
}

function webApi(): WorkbenchApi {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const client = new WebSocketClient(`${scheme}://${location.host}/ws?token=${encodeURIComponent(webToken())}`, connection);
  return facade(
    (method, args) => client.call(method, args),
    (event, listener) => client.on(event, listener as (payload: unknown) => void),
  );
}

/** Electron: the preload's object, with errors normalised to WorkbenchError as in web mode. */
function electronApi(bridge: WorkbenchApi): WorkbenchApi {
  connection.markOpen();
  const members = bridge as unknown as Record<string, (...args: unknown[]) => unknown>;
  return facade(
    async (method, args) => {
      const fn = members[method];
      if (typeof fn !== 'function') throw new WorkbenchError('Error', `${method} is not available in this version of the app.`);
      try {
        return await fn(...args);
      } catch (error) {
        throw WorkbenchError.from(error);
      }
    },
    (event, listener) => {
      const name = `onDid${event.charAt(0).toUpperCase()}${event.slice(1)}`;
      const subscribe = members[name] as ((l: (payload: never) => void) => () => void) | undefined;
      return subscribe ? subscribe(listener) : () => {};
    },
  );
}

/** The one API the views use, whichever transport carries it. */
export const api: WorkbenchApi = window.workbench ? electronApi(window.workbench) : webApi();

export { WorkbenchError, connection };
