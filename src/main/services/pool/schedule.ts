/**
 * When the engine applies the pool's return rules by itself (#20): once soon after start (never
 * in the way of opening the book: after `firstDelayMs`) and then once a day, checked every
 * `checkMs` (a laptop that slept through a day catches up within the hour). The timers never keep
 * a process alive. `run` says whether it ran (false: the engine was busy; the next check tries again).
 */
export interface PoolScheduleOptions {
  run: () => Promise<boolean>;
  now: () => number;
  /** Default 20 s. */
  firstDelayMs?: number;
  /** Default 24 h. */
  everyMs?: number;
  /** Default 1 h. */
  checkMs?: number;
}

export interface PoolSchedule {
  stop(): void;
}

export function startPoolSchedule(options: PoolScheduleOptions): PoolSchedule {
  const every = options.everyMs ?? 24 * 3_600_000;
  let last: number | null = null;
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped || (last !== null && options.now() - last < every)) return;
    running = true;
    try {
      if (await options.run()) last = options.now();
    } catch (err) {
      // A failed run is tried again at the next check; it never stops the engine.
      console.warn(`the pool's return rules could not be applied: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstDelayMs ?? 20_000);
  const check = setInterval(() => void tick(), options.checkMs ?? 3_600_000);
  first.unref();
  check.unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(check);
    },
  };
}
