/** The two instances of the federation benchmark: the city consumes, the national platform provides. */
export const CITY = 'VN-HP';
export const NATIONAL = 'VN';

/** What a federation benchmark node tells the benchmark on its READY line. */
export interface FederationNodeInfo {
  readonly dataDir: string;
  readonly nodeId: string;
  /** The city only: the local and the cross-instance call, made with the same headers. */
  readonly localPath?: string;
  readonly crossPath?: string;
  readonly headers?: Record<string, string>;
}
