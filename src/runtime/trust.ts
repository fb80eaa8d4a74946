import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';

/** One or more PEM certificates: a PEM string or Buffer (bundles allowed), or an array of them. */
export type CaInput = string | Buffer | ReadonlyArray<string | Buffer>;

/** Where the default trust anchors come from on this Node. */
export type DefaultRootsSource = 'getCACertificates' | 'rootCertificates';

type GetCACertificates = (type?: 'default' | 'system' | 'bundled' | 'extra') => string[];

/**
 * `tls.getCACertificates` exists from Node 22.15 / 23.10. @types/node 20 does not declare it,
 * so it is looked up structurally rather than through the typed namespace.
 */
function getCACertificatesFn(): GetCACertificates | undefined {
  const candidate: unknown = Reflect.get(tls, 'getCACertificates');
  return typeof candidate === 'function' ? (candidate as GetCACertificates) : undefined;
}

/** Which source {@link defaultRoots} uses on this Node. */
export function defaultRootsSource(): DefaultRootsSource {
  return getCACertificatesFn() === undefined ? 'rootCertificates' : 'getCACertificates';
}

/**
 * The certificates Node trusts when no `ca` is given, as PEM strings.
 *
 * Where Node has `tls.getCACertificates('default')` (22.15+, 23.10+) this is the real default
 * store: the bundled roots plus `NODE_EXTRA_CA_CERTS` plus the system store when enabled.
 * Otherwise (Node 20) it is `tls.rootCertificates`, the bundled Mozilla roots only:
 * `NODE_EXTRA_CA_CERTS` and the `--use-openssl-ca` store are then not included.
 */
export function defaultRoots(): readonly string[] {
  const get = getCACertificatesFn();
  return get === undefined ? tls.rootCertificates : get('default');
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Splits `input` into single PEM certificate blocks (a bundle string becomes several blocks).
 *
 * @throws TypeError when an entry is not a string or Buffer, or holds no PEM certificate.
 */
export function splitPem(input: CaInput, optionName: string): string[] {
  const entries: ReadonlyArray<unknown> = Array.isArray(input) ? input : [input];
  if (entries.length === 0) {
    throw new TypeError(`tlsguard: ${optionName} is empty; pass at least one PEM certificate`);
  }
  const blocks: string[] = [];
  entries.forEach((entry, index) => {
    let text: string;
    if (typeof entry === 'string') text = entry;
    else if (Buffer.isBuffer(entry)) text = entry.toString('latin1');
    else {
      throw new TypeError(`tlsguard: ${optionName}[${index}] must be a PEM string or Buffer, got ${typeof entry}`);
    }
    const found = text.match(PEM_BLOCK);
    if (found === null) {
      throw new TypeError(
        `tlsguard: ${optionName}${Array.isArray(input) ? `[${index}]` : ''} contains no PEM certificate ` +
          '(expected "-----BEGIN CERTIFICATE-----"; DER is not accepted)',
      );
    }
    blocks.push(...found);
  });
  return blocks;
}

/**
 * Parses every block, so a corrupt certificate fails here with the option's name instead of
 * deep inside `createSecureContext`.
 *
 * @throws TypeError naming the option and the block index.
 */
export function validatePemBlocks(blocks: readonly string[], optionName: string): void {
  blocks.forEach((block, index) => {
    try {
      new X509Certificate(block);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TypeError(`tlsguard: ${optionName}: certificate #${index + 1} cannot be parsed: ${reason}`);
    }
  });
}
