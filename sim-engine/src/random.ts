/**
 * Random is the cluster's only source of randomness: a seeded generator (sfc32) whose whole
 * state is four numbers, so a snapshot can carry it and a seed fixes every name, IP and uid.
 */

/** RANDOM_NAME_ALPHABET is the API server's alphabet for generateName suffixes: no vowels, no 0, 1 or 3. */
export const RANDOM_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const HEX = '0123456789abcdef';
const DASH = '-'.charCodeAt(0);
// Scratch buffers for building strings without allocating arrays: the engine is single-threaded.
const UID_CODES = new Array<number>(36).fill(0);
const CODES = new Array<number>(5).fill(0);

/** Random generates deterministic values from a seed. */
export class Random {
  // The four words of sfc32's state, kept as fields: next() runs for every name, IP and uid.
  private a = 0x9e3779b9 | 0;
  private b = 0x243f6a88 | 0;
  private c = 0xb7e15162 | 0;
  private d: number;

  constructor(seed: number) {
    this.d = seed | 0;
    // Warm up so that nearby seeds diverge.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** next returns a uniformly distributed 32-bit unsigned integer. */
  next(): number {
    const { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t >>> 0;
  }

  /** int returns an integer in [0, n). */
  int(n: number): number {
    return this.next() % n;
  }

  /** string returns `n` characters drawn from `alphabet`. */
  string(n: number, alphabet = RANDOM_NAME_ALPHABET): string {
    // Built from character codes in one go: `+=` would leave a rope of n pieces in every name kept.
    const codes = n === CODES.length ? CODES : new Array<number>(n);
    for (let i = 0; i < n; i++) codes[i] = alphabet.charCodeAt(this.int(alphabet.length));
    return String.fromCharCode.apply(null, codes);
  }

  /** hex returns `n` lowercase hexadecimal digits. */
  hex(n: number): string {
    return this.string(n, HEX);
  }

  /** uid returns a random (version 4) UUID, as the API server assigns to every object. */
  uid(): string {
    // 32 hex digits are drawn, then the version and variant digits replace the 13th and 17th.
    const codes = UID_CODES;
    let j = 0;
    for (let i = 0; i < 32; i++) {
      if (i === 8 || i === 12 || i === 16 || i === 20) codes[j++] = DASH;
      codes[j++] = HEX.charCodeAt(this.int(16));
    }
    // Hex digits 12 and 16 (after two and three dashes) become the version and the variant.
    codes[14] = '4'.charCodeAt(0);
    codes[19] = '89ab'.charCodeAt(this.int(4));
    return String.fromCharCode.apply(null, codes);
  }

  /** snapshot returns the generator's state. */
  snapshot(): number[] {
    return [this.a, this.b, this.c, this.d];
  }

  /** restore resumes from a snapshot's state. */
  restore(s: number[]): void {
    this.a = s[0]! | 0;
    this.b = s[1]! | 0;
    this.c = s[2]! | 0;
    this.d = s[3]! | 0;
  }
}
