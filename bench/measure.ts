/**
 * Timing and memory helpers of the benchmark. Every figure is the median of
 * several timed repetitions that follow untimed warm-up runs, measured with
 * `process.hrtime.bigint()`.
 */

export interface Repetitions {
  /** Untimed runs before the timed ones. */
  warmup: number;
  /** Timed runs; the median is reported. */
  runs: number;
}

/** Returns the median of `values`; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    throw new Error("median of an empty list");
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `task` once and returns its duration in milliseconds. */
export async function timeOnce(task: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await task();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Returns the median duration of `task` in milliseconds. */
export async function medianMillis(
  task: (run: number) => Promise<unknown>,
  repetitions: Repetitions,
): Promise<number> {
  // Warm-up runs get the numbers -warmup to -1, in increasing order.
  for (let run = -repetitions.warmup; run < 0; run++) {
    await task(run);
  }
  const durations: number[] = [];
  for (let run = 0; run < repetitions.runs; run++) {
    durations.push(await timeOnce(() => task(run)));
  }
  return median(durations);
}

/**
 * Returns operations per second: `operations` done by one call of `task`,
 * divided by the median duration of that call.
 */
export async function medianRate(
  task: (run: number) => Promise<unknown>,
  operations: number,
  repetitions: Repetitions,
): Promise<number> {
  const millis = await medianMillis(task, repetitions);
  return operations / (millis / 1000);
}

/** Runs `count` calls of `call`, `concurrency` at a time, each caller one after another. */
export async function runConcurrently(
  count: number,
  concurrency: number,
  call: (index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const caller = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await call(index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
}

/** Peak resident set size seen while `task` ran, sampled every `intervalMillis`. */
export interface MemoryPeak<T> {
  value: T;
  /** Resident set size before the task, in bytes. */
  startRss: number;
  /** Largest resident set size sampled, in bytes. */
  peakRss: number;
}

/** Runs `task` while sampling `process.memoryUsage().rss`. */
export async function samplePeakRss<T>(
  task: () => Promise<T>,
  intervalMillis = 5,
): Promise<MemoryPeak<T>> {
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, intervalMillis);
  try {
    const value = await task();
    sample();
    return { value, startRss, peakRss };
  } finally {
    clearInterval(timer);
  }
}

export const MIB = 1024 * 1024;

/** Medians of a baseline and a measured task whose timed runs alternate. */
export interface PairedMedians {
  baseline: number;
  measured: number;
}

/**
 * Times `baseline` and `measured` in alternation, so that a change in the
 * machine's load during the run affects both alike. Returns the median
 * durations in milliseconds.
 */
export async function pairedMillis(
  baseline: (run: number) => Promise<unknown>,
  measured: (run: number) => Promise<unknown>,
  repetitions: Repetitions,
): Promise<PairedMedians> {
  for (let run = -repetitions.warmup; run < 0; run++) {
    await baseline(run);
    await measured(run);
  }
  const baselineMillis: number[] = [];
  const measuredMillis: number[] = [];
  for (let run = 0; run < repetitions.runs; run++) {
    baselineMillis.push(await timeOnce(() => baseline(run)));
    measuredMillis.push(await timeOnce(() => measured(run)));
  }
  return { baseline: median(baselineMillis), measured: median(measuredMillis) };
}

/** Like `pairedMillis`, as operations per second for `operations` per call. */
export async function pairedRates(
  baseline: (run: number) => Promise<unknown>,
  measured: (run: number) => Promise<unknown>,
  operations: number,
  repetitions: Repetitions,
): Promise<PairedMedians> {
  const millis = await pairedMillis(baseline, measured, repetitions);
  return {
    baseline: operations / (millis.baseline / 1000),
    measured: operations / (millis.measured / 1000),
  };
}
