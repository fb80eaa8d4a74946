/**
 * The verdict on a `ciphers` string for a target range of Node versions: which weak suites it makes
 * the target offer. Each group of versions that evaluate the string alike (OpenSSL family, how `!TLS_`
 * entries are split, security level, whether TLS 1.0/1.1 can be negotiated) gets its own evaluation;
 * a string one group's Node refuses (createSecureContext throws) offers nothing there.
 */
import type { NodeTarget } from '../node-releases.js';
import { evaluateCipherString, evaluateOptionsOf } from './evaluate.js';
import { weakSuites, type CipherPolicy, type WeakSuite } from './weak.js';

export interface JudgeOptions {
  /** The rule's level for strings without `@SECLEVEL` (else each version's default). */
  securityLevel?: number | undefined;
  /** The options let TLS 1.0/1.1 be negotiated whatever the version's default minimum. */
  legacyVersions?: boolean;
  /** A `pskCallback` is set. */
  psk?: boolean;
  /** The maximum version can be TLS 1.3 (default true; see OfferOptions.tls13). */
  tls13?: boolean;
}

/**
 * The weak suites `spec` makes the target offer. The newest Node's verdict wins; a verdict that holds
 * only for older Node says where (`where`: " on Node 16 and older", " before Node 20.10"), bounded by
 * the first version after the last weak one.
 */
export function judgeCiphers(spec: string, policy: CipherPolicy, target: NodeTarget, options: JudgeOptions = {}): { weak: WeakSuite[]; where: string } {
  const byGroup = new Map<string, WeakSuite[]>();
  const verdicts = target.versions.map((f) => {
    const level = options.securityLevel ?? f.defaultSecurityLevel;
    const legacy = options.legacyVersions === true || f.defaultMinVersion !== 'TLSv1.2';
    const key = `${f.opensslFamily}:${f.splitsNegatedTls13}:${level}:${legacy}`;
    let weak = byGroup.get(key);
    if (!weak) {
      const e = evaluateCipherString(spec, evaluateOptionsOf(f));
      weak = e.error
        ? []
        : weakSuites(e, policy, {
            family: f.opensslFamily,
            securityLevel: level,
            legacyVersions: legacy,
            psk: options.psk === true,
            tls13: options.tls13 !== false,
          });
      byGroup.set(key, weak);
    }
    return weak;
  });
  return newestVerdict(target, verdicts);
}

/**
 * One verdict for a target from one per `target.versions` entry (oldest first): the newest Node's
 * when it finds anything; else the last weak one, with where it holds (`' on Node 16 and older'`,
 * `' before Node 20.10'`: up to the first clean version). The verdicts only shrink as Node gets newer.
 */
export function newestVerdict<T>(target: NodeTarget, verdicts: readonly (readonly T[])[]): { weak: T[]; where: string } {
  const newest = verdicts[verdicts.length - 1] ?? [];
  if (newest.length > 0) return { weak: [...newest], where: '' };
  const lastWeak = verdicts.findLastIndex((w) => w.length > 0);
  const firstClean = target.versions[lastWeak + 1];
  if (lastWeak < 0 || !firstClean) return { weak: [], where: '' };
  const [major, minor, patch] = firstClean.version;
  const where = minor === 0 && patch === 0 ? ` on Node ${major - 1} and older` : ` before Node ${major}.${minor}`;
  return { weak: [...(verdicts[lastWeak] ?? [])], where };
}
