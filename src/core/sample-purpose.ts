/**
 * The purpose code every sample call carries (X-Cang-Purpose): it marks the call as sample in the log,
 * whose entries are never edited, and in the per-minute traffic figures, which measured indicators
 * leave out. Here because the exchange counts by it and the sample traffic sends it.
 */
export const SAMPLE_PURPOSE = 'MAU-MINH-HOA';
