import { UserError } from '../errors.js';

/** The most threads any command starts: more than the cores of any machine this runs on gains nothing. */
export const MAX_JOBS = 64;

/** `--jobs` as typed: a whole number from 1 to MAX_JOBS, or undefined when absent. */
export function parseJobs(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isInteger(n) && n >= 1 && n <= MAX_JOBS) return n;
  throw new UserError(
    `--jobs phải là một số nguyên từ 1 đến ${MAX_JOBS} (số luồng chạy song song), không phải "${text}". Ví dụ: --jobs 2, hoặc bỏ --jobs để dùng số lõi CPU.`,
    2,
  );
}
