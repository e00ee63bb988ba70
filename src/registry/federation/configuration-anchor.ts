/*
 * A configuration anchor: what an administrator hands a partner out of band so that the partner can
 * trust this instance (ARCHITECTURE.md, "Federation"). Importing it is the only act of trust; from then
 * on everything the instance publishes or presents must chain to the anchor's key.
 */

/** The anchor file, `cang federation anchor export` writes and `cang federation add FILE` reads. */
export interface ConfigurationAnchor {
  readonly format: 'cang-anchor/1';
  readonly instance: string;
  /** The instance's registry key (Ed25519, base64url SPKI): it signs the federation configuration. */
  readonly publicKey: string;
  /**
   * The same key's self-signed authority certificate (PEM): the nodes' TLS certificates are issued by
   * it, so a TLS peer that chains to it belongs to the instance.
   */
  readonly certificate: string;
  /** Where partners fetch their federation configuration (over mutual TLS), tried in order. */
  readonly configurationUrls: readonly string[];
  readonly generatedAt: number;
}
