// Order statistics over samples (nearest rank, as benches/node reports them).

/** @param {number[]} xs @param {number} q in [0, 1] */
export function quantile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const median = (xs) => quantile(xs, 0.5);
export const p95 = (xs) => quantile(xs, 0.95);
export const sum = (xs) => xs.reduce((a, b) => a + b, 0);
export const spread = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length ? { min: Math.min(...s), max: Math.max(...s) } : null;
};
