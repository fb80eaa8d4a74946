/**
 * The bit model OpenSSL's cipher-string engine matches on (ssl/ssl_ciph.c):
 * each suite has one key-exchange, authentication, cipher and MAC bit, a
 * minimum protocol, and strength flags; an alias is a pattern of bit sets
 * (zero = any). Bit values here are this module's own; only the semantics
 * follow OpenSSL.
 */
import type { CipherSuite } from './suites.js';

export const KX = { RSA: 1, DHE: 2, ECDHE: 4, PSK: 8, RSAPSK: 16, DHEPSK: 32, ECDHEPSK: 64, SRP: 128 } as const;
export const AU = { RSA: 1, DSS: 2, NULL: 4, ECDSA: 8, PSK: 16, SRP: 32 } as const;
export const ENC = {
  DES: 1 << 0,
  TDES: 1 << 1,
  RC4: 1 << 2,
  RC2: 1 << 3,
  IDEA: 1 << 4,
  NULL: 1 << 5,
  AES128: 1 << 6,
  AES256: 1 << 7,
  CAMELLIA128: 1 << 8,
  CAMELLIA256: 1 << 9,
  SEED: 1 << 10,
  AES128GCM: 1 << 11,
  AES256GCM: 1 << 12,
  AES128CCM: 1 << 13,
  AES256CCM: 1 << 14,
  AES128CCM8: 1 << 15,
  AES256CCM8: 1 << 16,
  CHACHA20POLY1305: 1 << 17,
  ARIA128GCM: 1 << 18,
  ARIA256GCM: 1 << 19,
} as const;
export const MAC = { MD5: 1, SHA1: 2, SHA256: 4, SHA384: 8, AEAD: 16 } as const;
/** Strength classes; everything but NOT_DEFAULT is in the "strong" group that `+` intersects. */
export const STR = { NONE: 1, LOW: 2, MEDIUM: 4, HIGH: 8, FIPS: 16, NOT_DEFAULT: 32, EXPORT: 64 } as const;
export const STRONG_MASK = STR.NONE | STR.LOW | STR.MEDIUM | STR.HIGH | STR.FIPS | STR.EXPORT;
export const DEFAULT_MASK = STR.NOT_DEFAULT;
export const PROTO = { SSLv3: 0x300, TLSv1: 0x301, TLSv1_2: 0x303 } as const;

export const ENC_AESGCM = ENC.AES128GCM | ENC.AES256GCM;
export const ENC_AESCCM = ENC.AES128CCM | ENC.AES256CCM | ENC.AES128CCM8 | ENC.AES256CCM8;
export const ENC_AES = ENC.AES128 | ENC.AES256 | ENC_AESGCM | ENC_AESCCM;
export const ENC_CAMELLIA = ENC.CAMELLIA128 | ENC.CAMELLIA256;
export const ENC_ARIA = ENC.ARIA128GCM | ENC.ARIA256GCM;
export const KX_PSK = KX.PSK | KX.RSAPSK | KX.DHEPSK | KX.ECDHEPSK;

/** A selection pattern; 0 in a field means "any". */
export interface Pattern {
  /** Exact suite (literal name); 0 = any. */
  id: number;
  kx: number;
  au: number;
  enc: number;
  mac: number;
  /** Exact minimum protocol; 0 = any. */
  minTls: number;
  strength: number;
}

export interface SuiteBits {
  suite: CipherSuite;
  id: number;
  kx: number;
  au: number;
  enc: number;
  mac: number;
  minTls: number;
  strength: number;
  strengthBits: number;
}

const KX_OF: Readonly<Record<string, number>> = {
  RSA: KX.RSA,
  DH: KX.DHE,
  ECDH: KX.ECDHE,
  PSK: KX.PSK,
  RSAPSK: KX.RSAPSK,
  DHEPSK: KX.DHEPSK,
  ECDHEPSK: KX.ECDHEPSK,
  SRP: KX.SRP,
};
const AU_OF: Readonly<Record<string, number>> = {
  RSA: AU.RSA,
  DSS: AU.DSS,
  None: AU.NULL,
  ECDSA: AU.ECDSA,
  PSK: AU.PSK,
  SRP: AU.SRP,
};
const MAC_OF: Readonly<Record<string, number>> = {
  MD5: MAC.MD5,
  SHA1: MAC.SHA1,
  SHA256: MAC.SHA256,
  SHA384: MAC.SHA384,
  AEAD: MAC.AEAD,
};

function encBit(s: CipherSuite): number {
  const wide = s.encBits === 256;
  switch (s.enc) {
    case 'AES':
      return wide ? ENC.AES256 : ENC.AES128;
    case 'AESGCM':
      return wide ? ENC.AES256GCM : ENC.AES128GCM;
    case 'AESCCM':
      return wide ? ENC.AES256CCM : ENC.AES128CCM;
    case 'AESCCM8':
      return wide ? ENC.AES256CCM8 : ENC.AES128CCM8;
    case 'Camellia':
      return wide ? ENC.CAMELLIA256 : ENC.CAMELLIA128;
    case 'ARIAGCM':
      return wide ? ENC.ARIA256GCM : ENC.ARIA128GCM;
    case 'CHACHA20/POLY1305':
      return ENC.CHACHA20POLY1305;
    case 'None':
      return ENC.NULL;
    case 'RC4':
      return ENC.RC4;
    case 'RC2':
      return ENC.RC2;
    case 'DES':
      return ENC.DES;
    case '3DES':
      return ENC.TDES;
    case 'IDEA':
      return ENC.IDEA;
    case 'SEED':
      return ENC.SEED;
    default:
      throw new Error(`unknown cipher ${s.enc} in ${s.name}`);
  }
}

function need(table: Readonly<Record<string, number>>, key: string, what: string): number {
  const v = table[key];
  if (v === undefined) throw new Error(`unknown ${what} ${key}`);
  return v;
}

/** The bits of a TLS <= 1.2 suite. */
export function suiteBits(s: CipherSuite): SuiteBits {
  const strengthClass = STR[s.strength];
  return {
    suite: s,
    id: s.id,
    kx: need(KX_OF, s.kx, 'key exchange'),
    au: need(AU_OF, s.au, 'authentication'),
    enc: encBit(s),
    mac: need(MAC_OF, s.mac, 'MAC'),
    minTls: s.protocol === 'SSLv3' ? PROTO.SSLv3 : s.protocol === 'TLSv1' ? PROTO.TLSv1 : PROTO.TLSv1_2,
    strength: strengthClass | (s.fips ? STR.FIPS : 0) | (s.notDefault ? STR.NOT_DEFAULT : 0),
    strengthBits: s.strengthBits,
  };
}

/** OpenSSL's match test (ssl_cipher_apply_rule with strength_bits < 0). */
export function matches(p: Pattern, c: SuiteBits): boolean {
  if (p.id !== 0 && p.id !== c.id) return false;
  if (p.kx !== 0 && (p.kx & c.kx) === 0) return false;
  if (p.au !== 0 && (p.au & c.au) === 0) return false;
  if (p.enc !== 0 && (p.enc & c.enc) === 0) return false;
  if (p.mac !== 0 && (p.mac & c.mac) === 0) return false;
  if (p.minTls !== 0 && p.minTls !== c.minTls) return false;
  if ((p.strength & STRONG_MASK) !== 0 && (p.strength & STRONG_MASK & c.strength) === 0) return false;
  if ((p.strength & DEFAULT_MASK) !== 0 && (p.strength & DEFAULT_MASK & c.strength) === 0) return false;
  return true;
}

export function pattern(fields: Partial<Pattern>): Pattern {
  return { id: 0, kx: 0, au: 0, enc: 0, mac: 0, minTls: 0, strength: 0, ...fields };
}

const ALL_ENC_BUT_NULL = ~ENC.NULL;
const ALL_AU_BUT_NULL = ~AU.NULL;

/**
 * Cipher-string aliases (OpenSSL 3 names plus the 1.0.2-era DES/EXPORT ones).
 * Deliberately absent, as in OpenSSL 3 (unknown, so ignored): DEFAULT outside
 * the start of the string, GOST aliases, DTLS aliases.
 */
export const ALIASES: ReadonlyMap<string, Pattern> = new Map<string, Pattern>([
  ['ALL', pattern({ enc: ALL_ENC_BUT_NULL })],
  ['COMPLEMENTOFALL', pattern({ enc: ENC.NULL })],
  ['COMPLEMENTOFDEFAULT', pattern({ strength: STR.NOT_DEFAULT })],
  // key exchange
  ['kRSA', pattern({ kx: KX.RSA })],
  ['kEDH', pattern({ kx: KX.DHE })],
  ['kDHE', pattern({ kx: KX.DHE })],
  ['DH', pattern({ kx: KX.DHE })],
  ['kEECDH', pattern({ kx: KX.ECDHE })],
  ['kECDHE', pattern({ kx: KX.ECDHE })],
  ['ECDH', pattern({ kx: KX.ECDHE })],
  ['kPSK', pattern({ kx: KX.PSK })],
  ['kRSAPSK', pattern({ kx: KX.RSAPSK })],
  ['kECDHEPSK', pattern({ kx: KX.ECDHEPSK })],
  ['kDHEPSK', pattern({ kx: KX.DHEPSK })],
  ['kSRP', pattern({ kx: KX.SRP })],
  // authentication
  ['aRSA', pattern({ au: AU.RSA })],
  ['aDSS', pattern({ au: AU.DSS })],
  ['DSS', pattern({ au: AU.DSS })],
  ['aNULL', pattern({ au: AU.NULL })],
  ['aECDSA', pattern({ au: AU.ECDSA })],
  ['ECDSA', pattern({ au: AU.ECDSA })],
  ['aPSK', pattern({ au: AU.PSK })],
  ['aSRP', pattern({ au: AU.SRP })],
  // combined
  ['EDH', pattern({ kx: KX.DHE, au: ALL_AU_BUT_NULL })],
  ['DHE', pattern({ kx: KX.DHE, au: ALL_AU_BUT_NULL })],
  ['EECDH', pattern({ kx: KX.ECDHE, au: ALL_AU_BUT_NULL })],
  ['ECDHE', pattern({ kx: KX.ECDHE, au: ALL_AU_BUT_NULL })],
  ['NULL', pattern({ enc: ENC.NULL })],
  ['RSA', pattern({ kx: KX.RSA, au: AU.RSA })],
  ['ADH', pattern({ kx: KX.DHE, au: AU.NULL })],
  ['AECDH', pattern({ kx: KX.ECDHE, au: AU.NULL })],
  ['PSK', pattern({ kx: KX_PSK })],
  ['SRP', pattern({ kx: KX.SRP })],
  // ciphers
  ['3DES', pattern({ enc: ENC.TDES })],
  ['DES', pattern({ enc: ENC.DES })], // 1.0.2 only; OpenSSL >= 1.1.0 has no DES alias
  ['RC4', pattern({ enc: ENC.RC4 })],
  ['RC2', pattern({ enc: ENC.RC2 })],
  ['IDEA', pattern({ enc: ENC.IDEA })],
  ['SEED', pattern({ enc: ENC.SEED })],
  ['eNULL', pattern({ enc: ENC.NULL })],
  ['AES128', pattern({ enc: ENC.AES128 | ENC.AES128GCM | ENC.AES128CCM | ENC.AES128CCM8 })],
  ['AES256', pattern({ enc: ENC.AES256 | ENC.AES256GCM | ENC.AES256CCM | ENC.AES256CCM8 })],
  ['AES', pattern({ enc: ENC_AES })],
  ['AESGCM', pattern({ enc: ENC_AESGCM })],
  ['AESCCM', pattern({ enc: ENC_AESCCM })],
  ['AESCCM8', pattern({ enc: ENC.AES128CCM8 | ENC.AES256CCM8 })],
  ['CAMELLIA128', pattern({ enc: ENC.CAMELLIA128 })],
  ['CAMELLIA256', pattern({ enc: ENC.CAMELLIA256 })],
  ['CAMELLIA', pattern({ enc: ENC_CAMELLIA })],
  ['CHACHA20', pattern({ enc: ENC.CHACHA20POLY1305 })],
  ['ARIA', pattern({ enc: ENC_ARIA })],
  ['ARIAGCM', pattern({ enc: ENC_ARIA })],
  ['ARIA128', pattern({ enc: ENC.ARIA128GCM })],
  ['ARIA256', pattern({ enc: ENC.ARIA256GCM })],
  // MACs
  ['MD5', pattern({ mac: MAC.MD5 })],
  ['SHA1', pattern({ mac: MAC.SHA1 })],
  ['SHA', pattern({ mac: MAC.SHA1 })],
  ['SHA256', pattern({ mac: MAC.SHA256 })],
  ['SHA384', pattern({ mac: MAC.SHA384 })],
  // protocol versions (minimum protocol of the suite, matched exactly)
  ['SSLv3', pattern({ minTls: PROTO.SSLv3 })],
  ['TLSv1', pattern({ minTls: PROTO.TLSv1 })],
  ['TLSv1.0', pattern({ minTls: PROTO.TLSv1 })],
  ['TLSv1.2', pattern({ minTls: PROTO.TLSv1_2 })],
  // strength classes
  ['LOW', pattern({ strength: STR.LOW })],
  ['MEDIUM', pattern({ strength: STR.MEDIUM })],
  ['HIGH', pattern({ strength: STR.HIGH })],
  ['FIPS', pattern({ enc: ALL_ENC_BUT_NULL, strength: STR.FIPS })],
  // 1.0.2 export aliases (gone in OpenSSL >= 1.1.0)
  ['EXPORT', pattern({ strength: STR.EXPORT })],
  ['EXP', pattern({ strength: STR.EXPORT })],
  ['EXPORT40', pattern({ strength: STR.EXPORT })],
]);
