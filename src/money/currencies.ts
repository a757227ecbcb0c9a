import data from './data/currencies.json' with { type: 'json' };

/** How English-language news writes a currency before a figure. */
export interface Currency {
  code: string;
  /** Prefix used in English renderings: "US$506 billion", "₩728 trillion", "CHF 5 million". */
  english: string;
  /** Put a space between the prefix and the number ("CHF 5 million"). */
  spaced?: boolean;
  name: string;
}

const CURRENCIES: Readonly<Record<string, Omit<Currency, 'code'>>> = data.currencies;

export function currency(code: string): Currency {
  const known = CURRENCIES[code];
  return known ? { code, ...known } : { code, english: code, spaced: true, name: code };
}
