import { describe, expect, it } from 'vitest';
import { disablesVerification, weakCipherListFlag, weakTlsFlag, weakTlsFlagIn, weakTlsFlagInFragments } from '../../src/policy/index.js';

describe('policy/env', () => {
  it('NODE_TLS_REJECT_UNAUTHORIZED turns verification off only for the string 0', () => {
    expect(disablesVerification('0')).toBe(true);
    for (const v of ['1', '', 'false', ' 0', '0 ', '00']) expect(disablesVerification(v)).toBe(false);
  });

  it('names each weak flag and its effect', () => {
    expect(weakTlsFlag('--tls-min-v1.0')).toEqual({ flag: '--tls-min-v1.0', effect: 'allows TLS 1.0 by default' });
    expect(weakTlsFlag('--tls-min-v1.1')).toEqual({ flag: '--tls-min-v1.1', effect: 'allows TLS 1.1 by default' });
    expect(weakTlsFlag('--tls-max-v1.2')).toEqual({ flag: '--tls-max-v1.2', effect: 'disables TLS 1.3 by default' });
    expect(weakTlsFlag('--tls-keylog=/tmp/k')?.flag).toBe('--tls-keylog');
    for (const safe of ['--tls-min-v1.2', '--tls-max-v1.3', '--tls-min-v1.0x', 'tls-min-v1.0']) expect(weakTlsFlag(safe)).toBeUndefined();
  });

  it('finds a weak flag among NODE_OPTIONS words', () => {
    expect(weakTlsFlagIn('--max-old-space-size=4096  --tls-max-v1.2')?.flag).toBe('--tls-max-v1.2');
    expect(weakTlsFlagIn('--max-old-space-size=4096')).toBeUndefined();
  });

  it('counts a flag in a partly known string only when whole', () => {
    expect(weakTlsFlagInFragments([{ text: ' --tls-min-v1.0', atStart: false, atEnd: true }])?.flag).toBe('--tls-min-v1.0');
    expect(weakTlsFlagInFragments([{ text: '--tls-min-v1.0', atStart: false, atEnd: true }])).toBeUndefined();
    expect(weakTlsFlagInFragments([{ text: '--tls-min-v1.0', atStart: true, atEnd: false }])).toBeUndefined();
    expect(weakTlsFlagInFragments([{ text: '--tls-keylog=', atStart: true, atEnd: false }])?.flag).toBe('--tls-keylog');
  });

  it('judges --tls-cipher-list through the cipher policy', () => {
    expect(weakCipherListFlag('--tls-cipher-list=ALL:@SECLEVEL=0')?.flag).toBe('--tls-cipher-list');
    expect(weakCipherListFlag('--tls-cipher-list=ALL')).toBeUndefined(); // OpenSSL 3: no RC4/3DES/IDEA, anonymous refused at level 1
    expect(weakCipherListFlag('--tls-cipher-list=ECDHE-RSA-AES128-GCM-SHA256')).toBeUndefined();
    expect(weakCipherListFlag('--tls-cipher-list=')).toBeUndefined();
    expect(weakCipherListFlag('--tls-min-v1.0')).toBeUndefined();
  });
});
