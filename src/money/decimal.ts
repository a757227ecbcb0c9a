/**
 * Exact decimals as an integer mantissa and a power of ten, so that "6,9 milliards" is
 * 69 × 10^8 and never 6899999999.999999. Only the operations precis needs.
 */
export interface Decimal {
  mantissa: bigint;
  exponent: number;
}

/** Parses digits with an optional fractional part: ("728000", "") or ("6", "9"). */
export function decimalFromParts(integer: string, fraction = ''): Decimal {
  return normalise({ mantissa: BigInt((integer || '0') + fraction), exponent: -fraction.length });
}

export function fromInteger(n: number | bigint): Decimal {
  return normalise({ mantissa: BigInt(n), exponent: 0 });
}

/** Moves trailing zeros of the mantissa into the exponent. */
export function normalise(d: Decimal): Decimal {
  if (d.mantissa === 0n) return { mantissa: 0n, exponent: 0 };
  if (d.mantissa % 10n !== 0n) return d;
  // Through the digit string: one pass, where dividing by ten per zero is quadratic in the length.
  const digits = d.mantissa.toString();
  const kept = digits.replace(/0+$/, '');
  return { mantissa: BigInt(kept), exponent: d.exponent + digits.length - kept.length };
}

/** a ÷ b to `significant` digits (rates from two exact amounts). */
export function divide(a: Decimal, b: Decimal, significant = 12): Decimal {
  if (b.mantissa === 0n) throw new RangeError('division by zero');
  const scale = significant + b.mantissa.toString().length;
  const q = (a.mantissa * 10n ** BigInt(scale)) / b.mantissa;
  return normalise({ mantissa: q, exponent: a.exponent - b.exponent - scale });
}

/** Rounds to `significant` significant digits, half away from zero. */
export function roundSignificant(d: Decimal, significant: number): Decimal {
  const negative = d.mantissa < 0n;
  const digits = (negative ? -d.mantissa : d.mantissa).toString();
  if (digits.length <= significant) return d;
  const drop = digits.length - significant;
  let kept = BigInt(digits.slice(0, significant));
  if (Number(digits[significant]) >= 5) kept += 1n;
  return normalise({ mantissa: negative ? -kept : kept, exponent: d.exponent + drop });
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return normalise({ mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent });
}

export function add(a: Decimal, b: Decimal): Decimal {
  const e = Math.min(a.exponent, b.exponent);
  const ma = a.mantissa * 10n ** BigInt(a.exponent - e);
  const mb = b.mantissa * 10n ** BigInt(b.exponent - e);
  return normalise({ mantissa: ma + mb, exponent: e });
}

export function pow10(n: number): Decimal {
  return { mantissa: 1n, exponent: n };
}

/** Plain decimal string, no exponent: 69e8 → "6900000000", 1345e-2 → "13.45". */
export function toPlainString(d: Decimal): string {
  const negative = d.mantissa < 0n;
  const digits = (negative ? -d.mantissa : d.mantissa).toString();
  let out: string;
  if (d.exponent >= 0) out = digits + '0'.repeat(d.exponent);
  else {
    const point = digits.length + d.exponent;
    out = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
  }
  return negative ? `-${out}` : out;
}

export function toNumber(d: Decimal): number {
  return Number(toPlainString(d));
}

/** Integer part and fraction digits of `d / 10^shift`, for rendering "10.1 trillion". */
export function shiftedString(d: Decimal, shift: number): string {
  return toPlainString({ mantissa: d.mantissa, exponent: d.exponent - shift });
}

/** Number of digits of the mantissa (significant digits as printed, trailing zeros excluded). */
export function significantDigits(d: Decimal): number {
  return (d.mantissa < 0n ? -d.mantissa : d.mantissa).toString().length;
}
