/** A positive number from the environment variable `name` (e.g. BENCH_SECONDS), else `fallback`. */
export function positiveEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
