/**
 * Random is the cluster's only source of randomness: a seeded generator (sfc32) whose whole
 * state is four numbers, so a snapshot can carry it and a seed fixes every name, IP and uid.
 */

/** RANDOM_NAME_ALPHABET is the API server's alphabet for generateName suffixes: no vowels, no 0, 1 or 3. */
export const RANDOM_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Random generates deterministic values from a seed. */
export class Random {
  private s: [number, number, number, number];

  constructor(seed: number) {
    this.s = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
    // Warm up so that nearby seeds diverge.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** next returns a uniformly distributed 32-bit unsigned integer. */
  next(): number {
    let [a, b, c, d] = this.s;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.s = [a, b, c, d];
    return t >>> 0;
  }

  /** int returns an integer in [0, n). */
  int(n: number): number {
    return this.next() % n;
  }

  /** string returns `n` characters drawn from `alphabet`. */
  string(n: number, alphabet = RANDOM_NAME_ALPHABET): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** hex returns `n` lowercase hexadecimal digits. */
  hex(n: number): string {
    return this.string(n, '0123456789abcdef');
  }

  /** uid returns a random (version 4) UUID, as the API server assigns to every object. */
  uid(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[this.int(4)]!;
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** snapshot returns the generator's state. */
  snapshot(): number[] {
    return [...this.s];
  }

  /** restore resumes from a snapshot's state. */
  restore(s: number[]): void {
    this.s = [s[0]! | 0, s[1]! | 0, s[2]! | 0, s[3]! | 0];
  }
}
