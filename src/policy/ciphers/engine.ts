/**
 * OpenSSL's TLS <= 1.2 cipher-list builder (ssl_create_cipher_list and
 * ssl_cipher_process_rulestr in ssl/ssl_ciph.c), re-implemented over the
 * suite table: the same default preference order, the same rule operators
 * (add, `-` delete, `!` kill, `+` move to end, `@STRENGTH`, `@SECLEVEL=n`),
 * the same `+`-joined intersections, separators and error cases.
 */
import { CIPHER_SUITES, suiteByName, type CipherSuite } from './suites.js';
import {
  ALIASES,
  AU,
  DEFAULT_MASK,
  ENC,
  ENC_AES,
  ENC_AESGCM,
  KX,
  MAC,
  PROTO,
  STRONG_MASK,
  matches,
  pattern,
  suiteBits,
  type Pattern,
  type SuiteBits,
} from './model.js';

interface Entry {
  readonly bits: SuiteBits;
  active: boolean;
}

type Predicate = (e: Entry) => boolean;

/** The list operations of ssl_cipher_apply_rule, as stable partitions. */
class CipherOrder {
  constructor(public entries: Entry[]) {}

  /** Inactive matches move to the end (in order) and become active. */
  add(p: Predicate): void {
    const moved = this.move((e) => !e.active && p(e), false);
    for (const e of moved) e.active = true;
  }

  /** `+`: active matches move to the end. */
  ord(p: Predicate): void {
    this.move((e) => e.active && p(e), false);
  }

  /** `-`: active matches become inactive and move to the front (so a later add restores their order). */
  del(p: Predicate): void {
    const moved = this.move((e) => e.active && p(e), true);
    for (const e of moved) e.active = false;
  }

  /** Active matches move to the front. */
  bump(p: Predicate): void {
    this.move((e) => e.active && p(e), true);
  }

  /** `!`: matches leave the list for good. */
  kill(p: Predicate): void {
    this.entries = this.entries.filter((e) => !p(e));
  }

  /** `@STRENGTH`: stable sort of the active suites by strength bits, descending. */
  strengthSort(): void {
    const used = new Set(this.entries.filter((e) => e.active).map((e) => e.bits.strengthBits));
    for (const bits of [...used].sort((a, b) => b - a)) this.ord((e) => e.bits.strengthBits === bits);
  }

  /** Stable partition: the selected entries go to the front or the end, both parts keep their order. */
  private move(select: Predicate, toFront: boolean): Entry[] {
    const moved: Entry[] = [];
    const rest: Entry[] = [];
    for (const e of this.entries) (select(e) ? moved : rest).push(e);
    if (moved.length > 0) this.entries = toFront ? moved.concat(rest) : rest.concat(moved);
    return moved;
  }
}

const by =
  (p: Pattern): Predicate =>
  (e) =>
    matches(p, e.bits);
const any: Predicate = () => true;

let preferenceOrder: readonly SuiteBits[] | undefined;
const BITS = new Map<CipherSuite, SuiteBits>();

function bitsOf(suite: CipherSuite): SuiteBits {
  let b = BITS.get(suite);
  if (!b) BITS.set(suite, (b = suiteBits(suite)));
  return b;
}

/** OpenSSL's default preference order of every TLS <= 1.2 suite (all inactive). */
function defaultOrder(): readonly SuiteBits[] {
  if (preferenceOrder) return preferenceOrder;
  // OpenSSL collects the compiled-in suites in descending code-point order.
  const suites = CIPHER_SUITES.filter((s) => s.protocol !== 'TLSv1.3').sort((a, b) => b.id - a.id);
  const list = new CipherOrder(suites.map((s) => ({ bits: bitsOf(s), active: false })));
  list.add(by(pattern({ kx: KX.ECDHE, au: AU.ECDSA })));
  list.add(by(pattern({ kx: KX.ECDHE })));
  list.del(by(pattern({ kx: KX.ECDHE })));
  list.add(by(pattern({ enc: ENC_AESGCM })));
  list.add(by(pattern({ enc: ENC.CHACHA20POLY1305 })));
  list.add(by(pattern({ enc: ENC_AES & ~ENC_AESGCM })));
  list.add(any);
  list.ord(by(pattern({ mac: MAC.MD5 })));
  list.ord(by(pattern({ au: AU.NULL })));
  list.ord(by(pattern({ kx: KX.RSA })));
  list.ord(by(pattern({ kx: KX.PSK })));
  list.ord(by(pattern({ enc: ENC.RC4 })));
  list.strengthSort();
  list.bump(by(pattern({ minTls: PROTO.TLSv1_2 })));
  list.bump(by(pattern({ mac: MAC.AEAD })));
  list.bump(by(pattern({ kx: KX.DHE | KX.ECDHE })));
  list.bump(by(pattern({ kx: KX.DHE | KX.ECDHE, mac: MAC.AEAD })));
  list.del(any);
  preferenceOrder = Object.freeze(list.entries.map((e) => e.bits));
  return preferenceOrder;
}

/** OpenSSL 3's DEFAULT (OSSL_default_cipher_list). */
export const OPENSSL_DEFAULT_RULE = 'ALL:!COMPLEMENTOFDEFAULT:!eNULL';

export interface RuleResult {
  /** Active suites in preference order. */
  suites: SuiteBits[];
  /** Last valid `@SECLEVEL=n`. */
  securityLevel: number | undefined;
  /** Words that matched no alias or suite name (the entry was ignored). */
  unknownTokens: string[];
  /** The string is rejected (OpenSSL SSL_R_INVALID_COMMAND). */
  invalidCommand: string | undefined;
  /** Suite B mode selected by a SUITEB128/SUITEB128ONLY/SUITEB128C2/SUITEB192 prefix. */
  suiteB: string | undefined;
}

const isSep = (ch: string | undefined): boolean => ch === ':' || ch === ' ' || ch === ';' || ch === ',';
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || ch === '-' || ch === '.' || ch === '=';
}

interface Lookup {
  pattern: Pattern;
  literal: boolean;
}

function lookup(word: string): Lookup | undefined {
  const suite = suiteByName(word);
  if (suite && suite.protocol !== 'TLSv1.3') {
    const b = bitsOf(suite);
    return {
      pattern: { id: b.id, kx: b.kx, au: b.au, enc: b.enc, mac: b.mac, minTls: 0, strength: b.strength },
      literal: true,
    };
  }
  const alias = ALIASES.get(word);
  return alias ? { pattern: alias, literal: false } : undefined;
}

/** Intersects `part` into `acc` the way a `+`-joined entry does; false when it becomes empty. */
function intersect(acc: Pattern, part: Lookup): boolean {
  const p = part.pattern;
  for (const k of ['kx', 'au', 'enc', 'mac'] as const) {
    if (p[k] === 0) continue;
    if (acc[k] === 0) acc[k] = p[k];
    else if ((acc[k] &= p[k]) === 0) return false;
  }
  const strong = p.strength & STRONG_MASK;
  if (strong !== 0) {
    if ((acc.strength & STRONG_MASK) !== 0) {
      acc.strength &= strong | ~STRONG_MASK;
      if ((acc.strength & STRONG_MASK) === 0) return false;
    } else {
      // OpenSSL assigns here, dropping a NOT_DEFAULT bit set by an earlier part
      // (so `!COMPLEMENTOFDEFAULT+HIGH` kills every HIGH suite); kept for fidelity.
      acc.strength = strong;
    }
  }
  const dflt = p.strength & DEFAULT_MASK;
  if (dflt !== 0) {
    if ((acc.strength & DEFAULT_MASK) !== 0) {
      acc.strength &= dflt | ~DEFAULT_MASK;
      if ((acc.strength & DEFAULT_MASK) === 0) return false;
    } else {
      acc.strength |= dflt;
    }
  }
  if (part.literal) {
    acc.id = p.id;
  } else if (p.minTls !== 0) {
    if (acc.minTls !== 0 && acc.minTls !== p.minTls) return false;
    acc.minTls = p.minTls;
  }
  return true;
}

function processRules(rules: string, list: CipherOrder, out: RuleResult): boolean {
  let i = 0;
  for (;;) {
    let ch = rules[i];
    if (ch === undefined) return true;
    let op: 'add' | 'del' | 'ord' | 'kill' | 'special' = 'add';
    if (ch === '-') op = 'del';
    else if (ch === '+') op = 'ord';
    else if (ch === '!') op = 'kill';
    else if (ch === '@') op = 'special';
    if (op !== 'add') i++;
    if (isSep(ch)) {
      i++;
      continue;
    }
    const acc = pattern({});
    let found = false;
    let word = '';
    for (;;) {
      const start = i;
      while (isWordChar(rules[i])) i++;
      word = rules.slice(start, i);
      ch = rules[i];
      if (word.length === 0) {
        out.invalidCommand = rules.slice(start) || rules;
        return false;
      }
      if (op === 'special') break;
      const multi = ch === '+';
      if (multi) i++;
      const hit = lookup(word);
      if (!hit) {
        out.unknownTokens.push(word);
        found = false;
        break;
      }
      found = intersect(acc, hit);
      if (!found || !multi) break;
    }
    if (op === 'special') {
      if (word === 'STRENGTH') {
        list.strengthSort();
      } else if (word.length === 10 && word.startsWith('SECLEVEL=') && /[0-5]/.test(word[9] ?? '')) {
        out.securityLevel = Number(word[9]);
      } else {
        out.invalidCommand = `@${word}`;
        return false;
      }
      while (rules[i] !== undefined && !isSep(rules[i])) i++;
    } else if (found) {
      const p = by(acc);
      if (op === 'add') list.add(p);
      else if (op === 'del') list.del(p);
      else if (op === 'ord') list.ord(p);
      else list.kill(p);
    } else {
      while (rules[i] !== undefined && !isSep(rules[i])) i++;
    }
    if (rules[i] === undefined) return true;
  }
}

const SUITE_B: readonly (readonly [string, string])[] = [
  ['SUITEB128ONLY', 'ECDHE-ECDSA-AES128-GCM-SHA256'],
  ['SUITEB128C2', 'ECDHE-ECDSA-AES256-GCM-SHA384'],
  ['SUITEB128', 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384'],
  ['SUITEB192', 'ECDHE-ECDSA-AES256-GCM-SHA384'],
];

const CACHE_LIMIT = 512;
const cache = new Map<string, Readonly<RuleResult>>();

/**
 * Evaluates an OpenSSL cipher-list string (the TLS <= 1.2 half of Node's
 * `ciphers`) exactly as SSL_CTX_set_cipher_list would, over the full table.
 * Results are memoized (bounded) and must not be mutated by callers.
 */
export function buildCipherList(rule: string): Readonly<RuleResult> {
  const hit = cache.get(rule);
  if (hit) return hit;
  const result = Object.freeze(build(rule));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(rule, result);
  return result;
}

function build(rule: string): RuleResult {
  const out: RuleResult = { suites: [], securityLevel: undefined, unknownTokens: [], invalidCommand: undefined, suiteB: undefined };
  let rest = rule;
  const suiteB = SUITE_B.find(([prefix]) => rule.startsWith(prefix));
  if (suiteB) {
    out.suiteB = suiteB[0];
    rest = suiteB[1];
  }
  const list = new CipherOrder(defaultOrder().map((bits) => ({ bits, active: false })));
  if (rest.startsWith('DEFAULT')) {
    if (!processRules(OPENSSL_DEFAULT_RULE, list, out)) return out;
    rest = rest.slice(7);
    if (rest.startsWith(':')) rest = rest.slice(1);
  }
  if (rest.length > 0 && !processRules(rest, list, out)) {
    return { ...out, suites: [] };
  }
  out.suites = list.entries.filter((e) => e.active).map((e) => e.bits);
  return out;
}
